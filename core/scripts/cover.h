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

#include <stddef.h>

#include "core/base/taxonomy.h"
#include "core/scripts/choose.h"

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

/* ---- any set of areas ------------------------------------------------------
 * For scripts over another set of areas (a client's feedback on a candidate,
 * core/scripts/coach.c), a set of probes chosen in one go.  The debrief
 * keeps its own draw above. */

/* Chooses K of the N areas (N at most COVER_PICK_MAX) into PICKED (flags):
 * every area flagged in MUST, and the rest so that each area's chance of
 * being probed is proportional to its weight W[a] (0: never, unless in
 * MUST), capped at certainty.  It is systematic sampling with unequal
 * chances, in an order drawn from C, conditioned on MUST being among the
 * chosen: so when the areas of MUST follow the weights W themselves, an
 * area probed is as likely to be one of MUST as any other probed area,
 * whatever the weights.  With more areas in MUST than K, all of MUST and
 * nothing else.  Returns how many were chosen: K, fewer only when fewer
 * areas have a weight. */
#define COVER_PICK_MAX 64
size_t cover_pick(struct chooser *c, const unsigned *w, size_t n, const unsigned char *must,
    size_t k, unsigned char *picked);

#endif
