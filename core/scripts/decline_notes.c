/*
 * relations.c - the decline call script and thank-you note drafts.
 *
 * The decline follows the craft: thanks first, the decision plainly, the
 * shareable reason in general words, the wish to work together again, an
 * offer (an introduction when there is someone to introduce, else help with
 * the search), next steps.  Notes thank people for their time and nothing
 * else: no reason and no impression appears in any of them.
 */
#include <stdlib.h>
#include <string.h>

#include "core/scripts/debrief_bank.h"
#include "core/scripts/decline_notes_bank.h"
#include "core/scripts/decline_notes.h"

/* Neutral stand-ins for names the guard will not let through (a candidate
 * named in their own confidential note, say). */
static const char *const neutral[] = { "candidate", "the candidate", "client", "your company",
	"referral", "another candidate", "person", "all", NULL, NULL };

/* Picks a line of FROM with the real names, else with neutral stand-ins. */
static char *
choose_named(struct chooser *c, const char *const *from, size_t from_i, size_t to,
    const char *const *subs)
{
	char *s = choose_from(c, from, from_i, to, subs);

	return s != NULL ? s : choose_from(c, from, from_i, to, neutral);
}

/* Returns a line of FROM[FROM_I..TO) other than AVOID, with the real names
 * or else neutral stand-ins; NULL if none passes. */
static char *
choose_other(struct chooser *c, const char *const *from, size_t from_i, size_t to,
    const char *const *subs, const char *avoid)
{
	size_t order[64], n = to > from_i ? to - from_i : 0;

	if (n > 64)
		n = 64;
	chooser_permute(c, order, n);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			char *s = choose_line(c, from[from_i + order[i]], pass ? neutral : subs);

			if (s != NULL && (avoid == NULL || strcmp(s, avoid) != 0))
				return s;
			free(s);
		}
	}
	return NULL;
}

/* Adds a line of FROM to LIST; sets *REFUSED when none passes. */
static int
add(char ***list, size_t *n, struct chooser *c, const char *const *from,
    const char *const *subs, int *refused)
{
	char *s = choose_named(c, from, 0, wording_count(from), subs);

	if (s == NULL)
		*refused = 1;
	return strlist_push(list, n, s);
}

struct decline *
decline_build(const struct decline_input *in, uint64_t seed, wording_check_fn check, void *arg,
    struct terr *err)
{
	const char *subs[] = { "candidate", in->candidate, "client", in->client, "referral",
		in->referral ? in->referral : "", NULL, NULL };
	struct decline *d = calloc(1, sizeof(*d));
	struct chooser c;
	int rc = 0, refused = 0;

	if (d == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	d->turndown = in->turndown;
	d->seed = seed;
	chooser_init(&c, seed, check, arg);
	rc |= add(&d->thanks, &d->nthanks, &c, phr_decline_open, subs, &refused);
	rc |= add(&d->thanks, &d->nthanks, &c, phr_decline_decision, subs, &refused);
	for (size_t i = 0; i < in->nreasons; i++) {
		const struct bank_area *a = bank_find(taxonomy[in->reasons[i].category].slug);
		char *s;

		if (in->reasons[i].visibility != VIS_SHAREABLE || a == NULL)
			continue;
		if ((s = choose_named(&c, a->safe, 0, bank_safe_count(a), subs)) == NULL)
			refused = 1;
		rc |= strlist_push(&d->reason, &d->nreason, s);
	}
	rc |= add(&d->reason, &d->nreason, &c, bank_no_reason, subs, &refused);
	rc |= add(&d->future, &d->nfuture, &c, phr_decline_future, subs, &refused);
	if (in->referral != NULL && *in->referral != '\0')
		rc |= strlist_push(&d->offer, &d->noffer, choose_from(&c, phr_decline_referral, 0,
		    wording_count(phr_decline_referral), subs));
	/* A referral the guard will not let through: help with the search instead. */
	if (d->noffer == 0)
		rc |= add(&d->offer, &d->noffer, &c, phr_decline_help, subs, &refused);
	rc |= add(&d->next, &d->nnext, &c, phr_decline_next, subs, &refused);
	/* As many tips in every script: a refused one gives way to a spare. */
	for (size_t i = 0, spare = 0; phr_decline_tips[i] != NULL; i++) {
		char *s = choose_line(&c, phr_decline_tips[i], neutral);

		while (s == NULL && phr_decline_tips_spare[spare] != NULL && !c.oom)
			s = choose_line(&c, phr_decline_tips_spare[spare++], neutral);
		if (s == NULL)
			refused = 1;
		rc |= strlist_push(&d->tips, &d->ntips, s);
	}
	if (rc != 0 || c.oom) {
		terr_set(err, EX_OSERR, "out of memory");
		decline_free(d);
		return NULL;
	}
	if (refused) {
		terr_set(err, EX_DATAERR, "decline script would disclose confidential content; "
		    "no safe wording left");
		decline_free(d);
		return NULL;
	}
	return d;
}

void
decline_free(struct decline *d)
{
	if (d == NULL)
		return;
	strlist_free(d->thanks, d->nthanks);
	strlist_free(d->reason, d->nreason);
	strlist_free(d->future, d->nfuture);
	strlist_free(d->offer, d->noffer);
	strlist_free(d->next, d->nnext);
	strlist_free(d->tips, d->ntips);
	free(d);
}

static void
section(FILE *out, const char *title, char **lines, size_t n, const char *lead)
{
	fprintf(out, "\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		wording_wrap(out, lead, "    ", lines[i], 78);
}

void
decline_write(const struct decline *d, FILE *out)
{
	fprintf(out, "DECLINE CALL - turndown %lld\n", d->turndown);
	section(out, "THANKS", d->thanks, d->nthanks, "  ");
	section(out, "REASON", d->reason, d->nreason, "  ");
	section(out, "FUTURE", d->future, d->nfuture, "  ");
	section(out, "OFFER", d->offer, d->noffer, "  ");
	section(out, "NEXT STEPS", d->next, d->nnext, "  ");
	section(out, "TIPS (recruiter only)", d->tips, d->ntips, "  - ");
	fprintf(out, "\n(script %llu: --seed %llu gives this script again)\n",
	    (unsigned long long)d->seed, (unsigned long long)d->seed);
}

void
note_clear(struct note *n)
{
	free(n->to);
	free(n->text);
	memset(n, 0, sizeof(*n));
}

/* Appends LINE and SEP to the growing note text. */
static int
append(char **text, const char *line, const char *sep)
{
	size_t old = *text ? strlen(*text) : 0;
	char *grown = realloc(*text, old + strlen(line) + strlen(sep) + 1);

	if (grown == NULL)
		return -1;
	if (old == 0)
		grown[0] = '\0';
	strcat(strcat(grown, line), sep);
	*text = grown;
	return 0;
}

int
note_build(const char *candidate, const char *client, const struct person *person,
    uint64_t seed, wording_check_fn check, void *arg, struct note *out, struct terr *err)
{
	char team[TEXT_NAME_MAX + 16];
	const char *to, *greet, *sign;
	const char *subs[8];
	const char *const *body;
	char *g = NULL, *b1 = NULL, *b2 = NULL, *cl = NULL;
	struct chooser c;
	size_t n, first;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	chooser_init(&c, seed, check, arg);
	if (person != NULL) {
		to = greet = person->name;
		body = phr_note_body[person->role];
		out->role = person_role_names[person->role];
	} else {
		snprintf(team, sizeof(team), "%s team", client);
		greet = team;
		if (check != NULL && check(arg, team) != 0) {
			snprintf(team, sizeof(team), "the hiring team");
			greet = "all";
		}
		to = team;
		body = phr_client_note;
		out->role = "client";
	}
	subs[0] = "person";
	subs[1] = greet;
	subs[2] = "client";
	subs[3] = client;
	subs[4] = "candidate";
	subs[5] = candidate;
	subs[6] = subs[7] = NULL;
	n = wording_count(body);
	g = choose_named(&c, phr_note_greeting, 0, wording_count(phr_note_greeting), subs);
	/* Two body sentences, from the two halves so they differ. */
	first = n / 2;
	b1 = choose_other(&c, body, 0, first, subs, NULL);
	b2 = choose_other(&c, body, first, n, subs, b1);
	/* Refused in one half: other wording from the whole list. */
	if (b1 == NULL)
		b1 = choose_other(&c, body, 0, n, subs, b2);
	if (b2 == NULL)
		b2 = choose_other(&c, body, 0, n, subs, b1);
	cl = choose_other(&c, phr_note_closing, 0, wording_count(phr_note_closing), subs, NULL);
	/* Signed with the candidate's name if the guard allows it. */
	sign = person ? candidate : "[your name]";
	if (c.check != NULL && c.check(c.arg, sign) != 0)
		sign = "[your name]";
	if (c.oom) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	if (g == NULL || b1 == NULL || b2 == NULL || cl == NULL) {
		terr_set(err, EX_DATAERR, "note would disclose confidential content; no safe wording");
		goto out;
	}
	if ((out->to = strdup(to)) == NULL || append(&out->text, g, "\n\n") != 0 ||
	    append(&out->text, b1, " ") != 0 || append(&out->text, b2, "\n\n") != 0 || append(&out->text, cl, "\n") != 0 ||
	    append(&out->text, sign, "") != 0) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	rc = 0;
out:
	if (rc != 0)
		note_clear(out);
	free(g);
	free(b1);
	free(b2);
	free(cl);
	return rc;
}
