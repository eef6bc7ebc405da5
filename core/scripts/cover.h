/*
 * cover.h - how likely each area is to be a confidential reason, given the
 * areas stated as shareable: the weights cover areas are drawn with.
 *
 * A cover probe is convincing only if it is as likely to be the real reason
 * as the real one is.  So covers are drawn from the distribution the
 * confidential reasons themselves follow, estimated from a realistic
 * generator of turndowns (tests/privacy/gen.py --c-table writes
 * cover_table.c), never from the real area's neighbours.  The estimate is
 * then calibrated: drawing covers one by one without repeats favours the
 * heavy areas, so the weights are nudged until, in the generator's
 * turndowns, each probed area not stated as shareable is as often the
 * confidential one as any other.
 */
#ifndef TACT_COVER_H
#define TACT_COVER_H

#include "core/base/taxonomy.h"

#define COVER_AREAS TAXONOMY_COUNT

/* The weight of each area as a cover when nothing is shareable. */
extern const unsigned int cover_base[COVER_AREAS];
/* The weight of area A as a cover when area S is shareable: cover_given[S][A]. */
extern const unsigned int cover_given[COVER_AREAS][COVER_AREAS];
/* With two shareable areas or more, the mean of their rows weighed by this. */
extern const unsigned int cover_adjust[COVER_AREAS];

/* Returns the weight of area A as a confidential reason when the areas
 * flagged in SHAREABLE[] (COVER_AREAS flags) are stated as shareable. */
unsigned cover_weight(int a, const unsigned char *shareable);

#endif
