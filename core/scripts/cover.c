/*
 * cover.c - the weight of an area as a confidential reason (see cover.h).
 * Given shareable areas, the weight is the mean of their rows; with none,
 * the base row.  tests/privacy/gen.py draws covers the same way when it
 * calibrates the table, so keep the two in step.
 */
#include "core/scripts/cover.h"

unsigned
cover_weight(int a, const unsigned char *shareable)
{
	unsigned sum = 0, n = 0;

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
	return sum / n > 0 ? sum / n : 1;
}
