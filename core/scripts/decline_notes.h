/*
 * decline_notes.h - keeping the relationships after a turndown: the call
 * that delivers the decline, and thank-you note drafts.
 *
 * Like the debrief, these are built only from what may be shared (the
 * shareable reasons, the candidate's and client's names, the people met by
 * name and role), and every line is put to a yes/no check first.  They
 * speak as the debrief does (voice.h): to the person on the line or the
 * note's recipient by first name or title, of the candidate by first name
 * with their pronouns, in the configured English.
 */
#ifndef TACT_RELATIONS_H
#define TACT_RELATIONS_H

#include <stdint.h>
#include <stdio.h>

#include "core/records/turndown.h"
#include "core/store/vault.h"
#include "core/scripts/choose.h"

enum script_format { SCRIPT_TEXT, SCRIPT_MARKDOWN };

struct decline {
	long long turndown;
	uint64_t seed;
	char *to;                       /* whom the call greets ("Dr. Hale"), or NULL */
	char **thanks, **reason, **future, **offer, **next, **tips;
	size_t nthanks, nreason, nfuture, noffer, nnext, ntips;
};

struct decline_input {
	long long turndown;
	const char *candidate;
	const char *client;
	const struct reason *reasons;
	size_t nreasons;
	const char *referral;           /* someone to introduce, or NULL */
	const char *to;                 /* the person on the line, or NULL */
	int pronouns, field, locale;    /* as in debrief_input */
	const char *today;              /* YYYY-MM-DD: the next step is dated from it */
};

/* Returns a new decline script (free with decline_free), or NULL. */
struct decline *decline_build(const struct decline_input *in, uint64_t seed,
    wording_check_fn check, void *arg, struct terr *err);
void decline_free(struct decline *d);
void decline_write(const struct decline *d, enum script_format fmt, FILE *out);

struct note_input {
	const char *candidate;
	const char *client;
	const struct person *person;    /* the recipient, or NULL: the recruiter's note to the client */
	const char *contact;            /* the client note: whom it is addressed to, or NULL */
	int pronouns, field, locale;
	const char *recruiter, *firm;   /* who signs the client note, or NULL: a slot to fill */
	const char *today;              /* YYYY-MM-DD: the client note's next step is dated from it */
	uint64_t set_seed;              /* the same for every note of a set ... */
	size_t index;                   /* ... and this note's place in it: notes to people
					 * of one client open differently */
};

struct note {
	char *to;
	const char *role;               /* slug, or "client" */
	char *text;
};

/* Fills OUT with one note drafted from IN, checked by CHECK; -1 with
 * EX_DATAERR if no safe wording. */
int note_build(const struct note_input *in, uint64_t seed, wording_check_fn check, void *arg,
    struct note *out, struct terr *err);
void note_clear(struct note *n);
/* Writes note N (for ROLE_WORDS, "hiring manager", or "client") as text or Markdown. */
void note_write(const struct note *n, const char *role_words, enum script_format fmt,
    FILE *out);

/* Writes into OUT (at least 32 bytes) the weekday DAYS working days after
 * DATE (YYYY-MM-DD), as the locale writes it: "Friday, November 20" or
 * "Friday 20 November". */
void script_date(const char *date, int days, int locale, char *out, size_t size);

#endif
