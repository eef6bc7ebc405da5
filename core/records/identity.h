/*
 * identity.h - who a turndown is about and for: candidates and clients found
 * by keyed blind index of the normalised name (never compared in clear),
 * resolved from a name or an id, and a candidate erased with everything held
 * about them.
 */
#ifndef TACT_IDENTITY_H
#define TACT_IDENTITY_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/store/vault.h"

/* Writes the blind index of NAME (normalised) in DOMAIN ("candidate" or "client") into OUT. */
int identity_blind(struct vault *v, const char *domain, const char *name,
    uint8_t out[TC_BLIND_LEN], struct terr *err);
/* Writes the value unique to candidate ID's row (schema 4's `blind`) into OUT. */
void identity_row(struct vault *v, long long id, uint8_t out[TC_BLIND_LEN]);
/* Whether SPEC is "#ID"; *ID set if so. */
int identity_is_ref(const char *spec, long long *id);
/* Finds a candidate or client given as a name (through its blind index) or
 * as "#ID": its id, 0 if unknown, -1 on error.  A name two candidates
 * share is EX_USAGE naming both ids. */
long long candidate_find(struct vault *v, const char *spec, struct terr *err);
long long client_find(struct vault *v, const char *spec, struct terr *err);
/* Returns client ID's name (free it with wipe_str_free), or NULL with ERR. */
char *client_name(struct vault *v, long long id, struct terr *err);
/* Resolves a candidate given by id, #ID or name; fills *NAME (free it; NULL when
 * the sealed name cannot be opened) and *TURNDOWNS. */
long long candidate_resolve(struct vault *v, const char *spec, char **name, int *turndowns,
    struct terr *err);
/* Erases a candidate: wrapped key and every row, then checkpoints the WAL;
 * *PENDING is set when another process held the checkpoint off. */
int candidate_forget(struct vault *v, long long candidate, int *pending, struct terr *err);
/* The one way a record leaves the vault: ERASE (a store_*_delete, giving the
 * rows gone) of ID in one transaction, EX_NOINPUT "no WHAT ID" unless it
 * erased exactly one, then the WAL checkpointed (secure_delete zeroed the
 * cells; the checkpoint pushes the old pages out).  *PENDING as above. */
int record_erase(struct vault *v, long long id, const char *what,
    int (*erase)(struct vault *v, long long id, struct terr *err), int *pending,
    struct terr *err);

/* One candidate or client as `tact candidates` / `tact clients` show it. */
struct name_row {
	long long id;
	char *name;             /* NULL if its sealed name failed authentication */
	int turndowns;
	char last_decline[DATE_LEN];    /* "" if none */
};
/* Fills *OUT with every candidate (or client) in id order; free with
 * names_free().  Returns the count, or -1. */
long long names_list(struct vault *v, int clients, struct name_row **out, struct terr *err);
void names_free(struct name_row *list, long long n);

#endif
