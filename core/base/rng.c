/*
 * rng.c - splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", 2014): a Weyl sequence through a 64-bit mixer.  Its
 * outputs for a seed are fixed by the constants below; tests pin them.
 */
#include "core/base/rng.h"

uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t
rng_below(uint64_t *state, uint64_t n)
{
	uint64_t limit, x;

	if (n == 0)
		return 0;
	limit = UINT64_MAX - UINT64_MAX % n;
	do
		x = rng_next(state);
	while (x >= limit);
	return x % n;
}
