/*
 * rng.h - the one seeded generator: splitmix64.
 *
 * Everything tact draws reproducibly from a seed (the wording a script
 * chooses, the order of a report's quotes) draws from here, so one seed
 * gives one sequence everywhere.  It is not for secrets: keys and nonces
 * come from crypto/.  The state is a bare uint64_t, the seed itself.
 */
#ifndef TACT_RNG_H
#define TACT_RNG_H

#include <stdint.h>

/* Advances *STATE and returns the next 64 random bits. */
uint64_t rng_next(uint64_t *state);

/* Returns a uniform number below N (0 when N is 0), drawing from *STATE
 * until a draw falls under the largest multiple of N, so that no value is
 * favoured.  A draw is redrawn with probability below N / 2^64. */
uint64_t rng_below(uint64_t *state, uint64_t n);

#endif
