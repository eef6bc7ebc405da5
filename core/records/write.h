/*
 * write.h - putting turndowns into the vault: every part sealed under its
 * candidate's key and bound to its row, and the follow-up plan added in the
 * same transaction.  `tact log` and `tact import` both write through here.
 */
#ifndef TACT_WRITE_H
#define TACT_WRITE_H

#include "core/records/turndown.h"
#include "core/store/vault.h"

/* A writer keeps a small cache of unwrapped candidate keys and the next free
 * ids for a whole import, so that it pays once for what it can. */
struct td_writer;
/* Returns a new writer on V (inside the caller's transaction), or NULL;
 * free it with td_writer_free(). */
struct td_writer *td_writer_new(struct vault *v, struct terr *err);
void td_writer_free(struct td_writer *w);

/* Which follow-up tasks a stored turndown gets: every one, only those not
 * yet due (an import of past turndowns), or none. */
enum td_plan { TD_PLAN_ALL, TD_PLAN_FUTURE, TD_PLAN_NONE };
extern const char *const td_plan_names[3];
/* Sets W's policy: with SKIP_DUPLICATES, a turndown whose candidate, client
 * and decline date match one in the vault (or one stored earlier through
 * W) is not stored again; PLAN as above (TD_PLAN_ALL by default). */
void td_writer_options(struct td_writer *w, int skip_duplicates, enum td_plan plan);
/* Stores TD (validated) and its follow-up plan inside the caller's
 * transaction; fills td->id, candidate_id, client_id, and sets
 * *NEW_CANDIDATE / *NEW_CLIENT.  Returns 0, or 1 when TD was a duplicate
 * and skipped (td->id is then the stored one), or -1. */
int record_put(struct td_writer *w, struct turndown *td, int *new_candidate, int *new_client,
    struct terr *err);

/* Replaces stored turndown TD->id with TD inside the caller's transaction:
 * td->candidate and td->client name the owner ("#ID" or a name, found or
 * created as record_put does), every part is sealed again under the owner's
 * key and bound to the row; with KEEP_CONFIDENTIAL the stored confidential
 * part is kept (re-sealed, without leaving crypto/, when the owner changes).
 * Notes of follow-up tasks move with the owner, and open tasks move with a
 * changed decline date. */
int record_update(struct td_writer *w, struct turndown *td, int keep_confidential,
    int *new_candidate, int *new_client, struct terr *err);

/* For records other than turndowns (a client's feedback, feedback.h),
 * found the same way and through the same caches: finds or creates the
 * candidate CANDIDATE ("#ID" or a name; CANDIDATE_REF and NEW_CANDIDATE as
 * a turndown's candidate_ref and new_candidate) and returns their key,
 * borrowed from W until the next call on W, with *ID and *CREATED set; NULL
 * on error. */
struct candkey *td_writer_candidate(struct td_writer *w, const char *candidate,
    const char *candidate_ref, int new_candidate, long long *id, int *created,
    struct terr *err);
struct vault *td_writer_vault(const struct td_writer *w);       /* the vault W writes */
/* Finds or creates the client CLIENT ("#ID" or a name): its id, or -1. */
long long td_writer_client(struct td_writer *w, const char *client, int *created,
    struct terr *err);

/* Erases turndown ID and its follow-ups as forget erases (secure delete,
 * then the WAL checkpointed); *PENDING is set when another process held
 * the checkpoint off.  EX_NOINPUT if there is no such turndown. */
int record_delete(struct vault *v, long long id, int *pending, struct terr *err);

#endif
