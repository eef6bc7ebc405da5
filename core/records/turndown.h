/*
 * turndown.h - the turndown record: building and checking it.  Sealing it
 * into the vault is write.h, reading it back part by part read.h.
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
#include "core/base/field.h"

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
	int pronouns;           /* TD_SIGNALS; enum pronouns (core/base/field.h), PRON_UNSET if not given */
	int field;              /* TD_SIGNALS; enum field, FIELD_UNSET: derived from the role */
	struct reason reasons[TAXONOMY_COUNT];
	size_t nreasons;        /* TD_SIGNALS */
	struct person *met;     /* TD_PEOPLE */
	size_t nmet;
	char *shareable;        /* TD_SHAREABLE; NULL if none */
	char *confidential;     /* only through confidential_load(); NULL otherwise */
	char *candidate_ref;    /* import: another system's id, deciding identity; or NULL */
	int new_candidate;      /* log --new-candidate: a new record even if the name exists */
	int foreign;            /* read: a firm vault's candidate of another member, whose
				 * people and confidential parts this member cannot open */
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
int turndown_add_category(struct turndown *td, const char *category, const char *visibility,
    struct terr *err);
int turndown_add_met(struct turndown *td, const char *spec, struct terr *err);
int turndown_add_person(struct turndown *td, const char *name, const char *role,
    const char *impression, struct terr *err);
/* Replaces *FIELD with a copy of VALUE after checking it (NOTE: a multi-line note). */
int turndown_set_text(char **field, const char *what, const char *value, size_t len,
    size_t max, int note, struct terr *err);
int turndown_set_consent(struct turndown *td, const char *value, struct terr *err);
/* Sets the pronouns ("she", "he", "they") or the field (a slug of
 * core/base/field.h); anything else is EX_DATAERR naming the valid ones. */
int turndown_set_pronouns(struct turndown *td, const char *value, struct terr *err);
int turndown_set_field(struct turndown *td, const char *value, struct terr *err);
/* Checks the whole record; fills the decline date with today if unset.
 * A decline date in the future or an offer after the decline is EX_DATAERR. */
int turndown_validate(struct turndown *td, struct terr *err);

#endif
