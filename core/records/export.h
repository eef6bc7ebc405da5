/*
 * export.h - turndowns as `tact import` lines (JSON Lines, jansson), for
 * `tact export`.  A line holds the import keys, a candidate_ref naming the
 * candidate's record (so that importing twice, or two people of one name,
 * come out right), and the turndown's follow-up tasks under "followups",
 * which import reads past: it plans tasks of its own (--plan).
 */
#ifndef TACT_EXPORT_H
#define TACT_EXPORT_H

#include <jansson.h>

#include "core/records/turndown.h"
#include "core/store/vault.h"

#define EXPORT_REF_LEN 64

/* Writes the candidate_ref of candidate ID of the vault VAULT_ID into OUT:
 * "tact:" the vault id's first 8 bytes in hex ":" the id. */
void export_ref(const uint8_t vault_id[TC_VAULT_ID_LEN], long long id,
    char out[EXPORT_REF_LEN]);
/* Returns TD as one import record, or NULL when out of memory.  With
 * CONFIDENTIAL, the confidential reasons, td->confidential and the people
 * met are in it; without, they are left out and the record says
 * "confidential_omitted": true.  FOLLOWUPS (stolen; NULL for none) goes in
 * as "followups". */
json_t *export_turndown(const struct turndown *td, const char *ref, int confidential,
    json_t *followups);

/* The follow-up tasks of the turndowns being exported, read once. */
struct export_tasks;
/* Reads every task (of CANDIDATE only, unless 0); NULL with ERR on failure. */
struct export_tasks *export_tasks_load(struct vault *v, long long candidate, struct terr *err);
/* Returns turndown TD's tasks as a JSON array, notes opened (NULL with ERR
 * on failure). */
json_t *export_tasks_of(struct export_tasks *t, const struct turndown *td, struct terr *err);
void export_tasks_free(struct export_tasks *t);

#endif
