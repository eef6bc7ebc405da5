/*
 * relations.h - keeping the relationships after a turndown: the call that
 * delivers the decline, and thank-you note drafts.
 *
 * Like the debrief, these are built only from what may be shared (the
 * shareable reasons, the candidate's and client's names, the people met by
 * name and role), and every line is put to a yes/no check first.
 */
#ifndef TACT_RELATIONS_H
#define TACT_RELATIONS_H

#include <stdint.h>
#include <stdio.h>

#include "core/records/turndown.h"
#include "core/store/vault.h"
#include "core/scripts/choose.h"

struct decline {
	long long turndown;
	uint64_t seed;
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
};

/* Returns a new decline script (free with decline_free), or NULL. */
struct decline *decline_build(const struct decline_input *in, uint64_t seed,
    wording_check_fn check, void *arg, struct terr *err);
void decline_free(struct decline *d);
void decline_write(const struct decline *d, FILE *out);

struct note {
	char *to;
	const char *role;               /* slug, or "client" */
	char *text;
};

/* Returns one note drafted for a person (PERSON NULL: the recruiter's note
 * to the client), checked by CHECK; NULL with EX_DATAERR if no safe wording. */
int note_build(const char *candidate, const char *client, const struct person *person,
    uint64_t seed, wording_check_fn check, void *arg, struct note *out, struct terr *err);
void note_clear(struct note *n);

#endif
