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
/* Looks a name up through its blind index; 0 if unknown, -1 on error. */
long long candidate_find(struct vault *v, const char *name, struct terr *err);
long long client_find(struct vault *v, const char *name, struct terr *err);
/* Resolves a candidate given by id or name; fills *NAME (free it; NULL when
 * the sealed name cannot be opened) and *TURNDOWNS. */
long long candidate_resolve(struct vault *v, const char *spec, char **name, int *turndowns,
    struct terr *err);
/* Erases a candidate: wrapped key and every row, then checkpoints the WAL;
 * *PENDING is set when another process held the checkpoint off. */
int candidate_forget(struct vault *v, long long candidate, int *pending, struct terr *err);

#endif
