/*
 * confidential.h - the only core code that reads a confidential note:
 * `tact show --confidential`, and the leak guard, which answers yes or no.
 */
#ifndef TACT_CORE_CONFIDENTIAL_H
#define TACT_CORE_CONFIDENTIAL_H

#include "core/records/turndown.h"
#include "core/store/vault.h"

/* Fills td->confidential for turndown td->id (candidate td->candidate_id). */
int confidential_load(struct vault *v, struct turndown *td, struct terr *err);

#endif
