/*
 * confidential.h - the only core code that reads a confidential note:
 * `tact show --confidential`, and the leak guard, which answers yes or no;
 * and the same for a client's confidential note on a candidate.
 */
#ifndef TACT_CORE_CONFIDENTIAL_H
#define TACT_CORE_CONFIDENTIAL_H

#include "core/records/feedback.h"
#include "core/records/turndown.h"
#include "core/store/vault.h"

/* Fills td->confidential for turndown td->id (candidate td->candidate_id). */
int confidential_load(struct vault *v, struct turndown *td, struct terr *err);

/* Fills fb->confidential, the client's confidential note of feedback fb->id
 * (of candidate fb->candidate_id, unless 0); feedback_note.c. */
int confidential_feedback_load(struct vault *v, struct feedback *fb, struct terr *err);

#endif
