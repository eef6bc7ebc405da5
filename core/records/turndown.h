/*
 * turndown.h - the turndown record: building and checking it, sealing it
 * into the vault, and reading it back part by part.
 *
 * A turndown is stored as four sealed parts under subkeys of its candidate's
 * key: signals (reasons with their visibility, consent, role), people (who
 * the candidate met and how they saw them), shareable (the shareable note)
 * and confidential (the confidential note).  Readers ask only for the parts
 * they need; the confidential note is read only through core/confidential.h.
 */
#ifndef TACT_TURNDOWN_H
#define TACT_TURNDOWN_H

#include <stddef.h>

#include "core/base/error.h"
#include "core/base/taxonomy.h"
#include "core/base/check.h"
#include "core/base/date.h"
#include "core/store/vault.h"

struct reason {
	int category;           /* index into taxonomy[] */
	int visibility;         /* enum visibility */
};

struct person {
	char *name;
	int role;               /* index into person_role_names[] */
	int impression;         /* enum impression */
};

struct turndown {
	long long id;
	long long candidate_id;
	long long client_id;
	char *candidate;        /* TD_IDENTITY */
	char *client;           /* TD_CLIENT */
	char *role;             /* TD_SIGNALS; NULL if none */
	char offer_date[DATE_LEN];      /* "" if unknown */
	char decline_date[DATE_LEN];
	int consent;            /* TD_SIGNALS; enum consent */
	struct reason reasons[TAXONOMY_COUNT];
	size_t nreasons;        /* TD_SIGNALS */
	struct person *met;     /* TD_PEOPLE */
	size_t nmet;
	char *shareable;        /* TD_SHAREABLE; NULL if none */
	char *confidential;     /* only through confidential_load(); NULL otherwise */
};

/* Which parts to read. */
#define TD_IDENTITY  0x01       /* candidate name */
#define TD_CLIENT    0x02       /* client name */
#define TD_SIGNALS   0x04
#define TD_PEOPLE    0x08
#define TD_SHAREABLE 0x10
#define TD_ALL_OPEN  0x1f       /* everything but the confidential note */

#define TD_REASONS_IN_MAX 64    /* reason entries accepted in one input, before merging */

/* Frees and wipes what TD holds and zeroes it. */
void turndown_clear(struct turndown *td);

/* Builders: each checks its input and returns -1 with EX_DATAERR on bad
 * input, malformed NAME:ROLE:IMPRESSION included. */
int turndown_add_reason(struct turndown *td, const char *spec, struct terr *err);
int turndown_add_reason2(struct turndown *td, const char *category, const char *visibility,
    struct terr *err);
int turndown_add_met(struct turndown *td, const char *spec, struct terr *err);
int turndown_add_person(struct turndown *td, const char *name, const char *role,
    const char *impression, struct terr *err);
/* Replaces *FIELD with a copy of VALUE after checking it (NOTE: a multi-line note). */
int turndown_set_text(char **field, const char *what, const char *value, size_t len,
    size_t max, int note, struct terr *err);
int turndown_set_consent(struct turndown *td, const char *value, struct terr *err);
/* Checks the whole record; fills the decline date with today if unset. */
int turndown_validate(struct turndown *td, struct terr *err);

/* Writing: statements and a candidate-key cache kept for a whole import. */
struct td_writer;
struct td_writer *td_writer_new(struct vault *v, struct terr *err);
/* Stores TD (validated) inside the caller's transaction; fills td->id,
 * candidate_id, client_id, and sets *NEW_CANDIDATE / *NEW_CLIENT. */
int td_writer_put(struct td_writer *w, struct turndown *td, int *new_candidate,
    int *new_client, struct terr *err);
void td_writer_free(struct td_writer *w);

/* Reading. */
struct td_filter {
	long long id;           /* 0: any */
	long long client_id;    /* 0: any */
	long long candidate_id; /* 0: any */
	const char *since;      /* decline date >= since, or NULL */
	const char *until;      /* decline date <= until, or NULL */
	int by_candidate;       /* order by candidate (fewer key unwraps) instead of date */
};

struct td_iter;
struct td_iter *td_iter_new(struct vault *v, const struct td_filter *f, unsigned parts,
    struct terr *err);
/* 1: TD filled (clear it before the next call, or let next do it); 0: done;
 * -1: this row could not be read (ERR names it; iteration may go on); -2: fatal. */
int td_iter_next(struct td_iter *it, struct turndown *td, struct terr *err);
void td_iter_free(struct td_iter *it);

/* Reads turndown ID's PARTS; EX_NOINPUT if there is none. */
int turndown_load(struct vault *v, long long id, unsigned parts, struct turndown *td,
    struct terr *err);

/* Looks a name up through its blind index; 0 if unknown, -1 on error. */
long long candidate_find(struct vault *v, const char *name, struct terr *err);
long long client_find(struct vault *v, const char *name, struct terr *err);
/* Resolves a candidate given by id or name; fills *NAME (free it). */
long long candidate_resolve(struct vault *v, const char *spec, char **name, int *turndowns,
    struct terr *err);
/* Erases a candidate: wrapped key and every row, then checkpoints the WAL;
 * *PENDING is set when another process held the checkpoint off. */
int candidate_forget(struct vault *v, long long candidate, int *pending, struct terr *err);

#endif
