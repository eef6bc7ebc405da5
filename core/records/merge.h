/*
 * merge.h - correcting who a record is: renaming a candidate or client, and
 * merging two records of one person or company into one.
 */
#ifndef TACT_MERGE_H
#define TACT_MERGE_H

#include "core/base/error.h"
#include "core/store/vault.h"

/* Renames candidate ID to NAME: the name sealed again under their key, its
 * blind index replaced.  EX_NOINPUT if there is no such candidate. */
int candidate_rename(struct vault *v, long long id, const char *name, struct terr *err);
/* Renames client ID to NAME; EX_DATAERR if another client has that name
 * (merge them instead). */
int client_rename(struct vault *v, long long id, const char *name, struct terr *err);
/* Moves every turndown of candidate FROM to INTO, each part re-sealed under
 * INTO's key and bound to INTO, then erases FROM as forget does (their key
 * and row deleted, the WAL checkpointed).  Returns how many turndowns moved
 * and sets *PENDING when another process held the checkpoint off. */
long long candidate_merge(struct vault *v, long long from, long long into, int *pending,
    struct terr *err);
/* Moves every turndown of client FROM to INTO (re-sealed: their signals
 * hold the client's id) and erases FROM. */
long long client_merge(struct vault *v, long long from, long long into, int *pending,
    struct terr *err);

#endif
