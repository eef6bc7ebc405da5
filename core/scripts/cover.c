/*
 * cover.c - the weight of an area as a confidential reason (see cover.h).
 * With no shareable area, the weight is the base row's; with one, that
 * area's row; with more, the mean of their rows, weighed by cover_adjust
 * (a mean of rows is too light on the areas that go with many others).  tests/privacy/gen.py draws covers the same way when it
 * calibrates the table, so keep the two in step.
 */
#include "core/scripts/cover.h"

unsigned
cover_weight(int a, const unsigned char *shareable)
{
	unsigned long long sum = 0, n = 0, w;

	if (a < 0 || a >= COVER_AREAS || shareable[a])
		return 0;
	for (int s = 0; s < COVER_AREAS; s++) {
		if (!shareable[s])
			continue;
		sum += cover_given[s][a];
		n++;
	}
	if (n == 0)
		return cover_base[a];
	if (n == 1)
		return (unsigned)sum;
	w = sum * cover_adjust[a] / n / 100000;
	return w > 0 ? (unsigned)w : 1;
}
