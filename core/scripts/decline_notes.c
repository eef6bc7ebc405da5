/*
 * decline_notes.c - the decline call script and thank-you note drafts.
 *
 * The decline follows the craft: a greeting, the candidate's thanks passed
 * on, the decision plainly ("I wanted you to hear it from me"), the
 * shareable reason in general words, the wish to work together again, a
 * real offer (an introduction when there is someone to introduce, else
 * concrete help with the search), and a next step on a date.  Notes thank
 * people for their time, acknowledge the decline warmly and leave a slot
 * for a moment the candidate remembers: no reason and no impression
 * appears in any of them, and everyone met gets one.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/date.h"
#include "core/text/person.h"
#include "core/scripts/debrief_bank.h"
#include "core/scripts/decline_notes_bank.h"
#include "core/scripts/decline_notes.h"
#include "core/scripts/locale.h"
#include "core/scripts/voice.h"

/* The next step is this many working days ahead, in the call and the client note alike. */
#define DECLINE_DAYS 2

static const char *const weekdays[7] = { "Sunday", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday" };
static const char *const months[12] = { "January", "February", "March", "April", "May",
	"June", "July", "August", "September", "October", "November", "December" };

void
script_date(const char *date, int days, int locale, char *out, size_t size)
{
	char d[DATE_LEN];
	long n;
	int wd;

	memcpy(d, date, DATE_LEN);
	/* Working days: weekends are skipped. */
	while (days > 0) {
		date_add_days(d, 1, d);
		wd = (int)((date_days(d) % 7 + 11) % 7);
		if (wd != 0 && wd != 6)
			days--;
	}
	n = date_days(d);
	wd = (int)((n % 7 + 11) % 7);
	if (locale == LOCALE_GB)
		snprintf(out, size, "%s %d %s", weekdays[wd], atoi(d + 8), months[atoi(d + 5) - 1]);
	else
		snprintf(out, size, "%s, %s %d", weekdays[wd], months[atoi(d + 5) - 1], atoi(d + 8));
}

/* Adds a line of FROM to LIST; sets *REFUSED when none passes. */
static int
add(char ***list, size_t *n, struct chooser *c, const char *const *from,
    const char *const *subs, int *refused)
{
	char *s = choose_from(c, from, 0, wording_count(from), subs);

	if (s == NULL && !c->oom)
		*refused = 1;
	return strlist_push(list, n, s);
}

struct decline *
decline_build(const struct decline_input *in, uint64_t seed, wording_check_fn check, void *arg,
    struct terr *err)
{
	struct decline *d = calloc(1, sizeof(*d));
	struct chooser c;
	struct voice v;
	char today[DATE_LEN], when[48];
	int rc = 0, refused = 0;

	if (d == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	d->turndown = in->turndown;
	d->seed = seed;
	chooser_init(&c, seed, check, arg);
	chooser_set_locale(&c, in->locale);
	voice_init(&v, in->candidate, in->to, in->pronouns, in->field, in->locale, check, arg);
	if (in->today != NULL)
		memcpy(today, in->today, DATE_LEN);
	else
		date_today(today);
	script_date(today, DECLINE_DAYS, in->locale, when, sizeof(when));
	voice_add(&v, "client", in->client);
	voice_add(&v, "referral", in->referral ? in->referral : "");
	voice_add(&v, "date", when);
	if (v.to[0] != '\0' && (d->to = strdup(v.to)) == NULL)
		rc = -1;
	rc |= add(&d->thanks, &d->nthanks, &c, v.to[0] ? phr_decline_greet_to :
	    phr_decline_greet_none, v.subs, &refused);
	rc |= add(&d->thanks, &d->nthanks, &c, phr_decline_open, v.subs, &refused);
	rc |= add(&d->thanks, &d->nthanks, &c, phr_decline_decision, v.subs, &refused);
	for (size_t i = 0; i < in->nreasons; i++) {
		const struct bank_area *a = bank_find(taxonomy[in->reasons[i].category].slug);
		char *s;

		if (in->reasons[i].visibility != VIS_SHAREABLE || a == NULL)
			continue;
		if ((s = choose_from(&c, a->safe, 0, bank_safe_count(a), v.subs)) == NULL)
			refused = 1;
		rc |= strlist_push(&d->reason, &d->nreason, s);
	}
	rc |= add(&d->reason, &d->nreason, &c, bank_no_reason, v.subs, &refused);
	rc |= add(&d->future, &d->nfuture, &c, phr_decline_future, v.subs, &refused);
	if (in->referral != NULL && *in->referral != '\0')
		rc |= strlist_push(&d->offer, &d->noffer, choose_from(&c, phr_decline_referral, 0,
		    wording_count(phr_decline_referral), v.subs));
	/* A referral the guard will not let through: concrete help instead. */
	if (d->noffer == 0)
		rc |= add(&d->offer, &d->noffer, &c, phr_decline_help, v.subs, &refused);
	rc |= add(&d->next, &d->nnext, &c, phr_decline_next, v.subs, &refused);
	/* As many tips in every script: a refused one gives way to a spare. */
	for (size_t i = 0, spare = 0; phr_decline_tips[i] != NULL; i++) {
		char *s = choose_line(&c, phr_decline_tips[i], v.subs);

		while (s == NULL && phr_decline_tips_spare[spare] != NULL && !c.oom)
			s = choose_line(&c, phr_decline_tips_spare[spare++], v.subs);
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
	free(d->to);
	strlist_free(d->thanks, d->nthanks);
	strlist_free(d->reason, d->nreason);
	strlist_free(d->future, d->nfuture);
	strlist_free(d->offer, d->noffer);
	strlist_free(d->next, d->nnext);
	strlist_free(d->tips, d->ntips);
	free(d);
}

static void
section(FILE *out, enum script_format fmt, const char *title, const char *md_title,
    char **lines, size_t n, int bullets)
{
	if (fmt == SCRIPT_MARKDOWN) {
		fprintf(out, "\n## %s\n\n", md_title);
		for (size_t i = 0; i < n; i++)
			wording_wrap(out, "- ", "  ", lines[i], 100000);
		return;
	}
	fprintf(out, "\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		wording_wrap(out, bullets ? "  - " : "  ", "    ", lines[i], 78);
}

void
decline_write(const struct decline *d, enum script_format fmt, FILE *out)
{
	int md = fmt == SCRIPT_MARKDOWN;

	fprintf(out, md ? "# Decline call, turndown %lld\n" : "DECLINE CALL - turndown %lld\n",
	    d->turndown);
	if (d->to != NULL)
		fprintf(out, md ? "\n*The call with %s.*\n" : "\nThe call with %s.\n", d->to);
	section(out, fmt, "THANKS", "Thanks", d->thanks, d->nthanks, 0);
	section(out, fmt, "REASON", "Reason", d->reason, d->nreason, 0);
	section(out, fmt, "FUTURE", "Future", d->future, d->nfuture, 0);
	section(out, fmt, "OFFER", "Offer", d->offer, d->noffer, 0);
	section(out, fmt, "NEXT STEPS", "Next steps", d->next, d->nnext, 0);
	section(out, fmt, "TIPS (recruiter only)", "Tips (recruiter only)", d->tips, d->ntips, 1);
	fprintf(out, md ? "\n*Script %llu: --seed %llu gives this script again.*\n" :
	    "\n(script %llu: --seed %llu gives this script again)\n",
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

/* The lines of a note, in order, and what follows each. */
#define NOTE_LINES 8

struct note_draft {
	char *line[NOTE_LINES];
	const char *sep[NOTE_LINES];
	size_t n;
	int refused;
};

static void
draft(struct note_draft *nd, struct chooser *c, const char *const *from,
    const char *const *subs, const char *sep)
{
	char *s = choose_from(c, from, 0, wording_count(from), subs);

	if (s == NULL)
		nd->refused = 1;
	if (nd->n < NOTE_LINES) {
		nd->line[nd->n] = s;
		nd->sep[nd->n++] = sep;
	} else {
		free(s);
	}
}

/* The decline, acknowledged: one line for each note of a set in turn, from
 * where the set's seed starts, so notes to people of one client differ;
 * another line where the check refuses it. */
static void
news(struct note_draft *nd, struct chooser *c, const struct note_input *in,
    const char *const *subs)
{
	struct chooser set;
	size_t n = wording_count(phr_note_news), start;
	char *s = NULL;

	chooser_init(&set, in->set_seed, NULL, NULL);
	start = chooser_below(&set, n) + in->index;
	for (size_t i = 0; i < n && s == NULL && !c->oom; i++)
		s = choose_line(c, phr_note_news[(start + i) % n], subs);
	if (s == NULL)
		nd->refused = 1;
	if (nd->n < NOTE_LINES) {
		nd->line[nd->n] = s;
		nd->sep[nd->n++] = " ";
	} else {
		free(s);
	}
}

/* The name the candidate signs with: given name and surname, no title. */
static void
signature(const char *full, char *out, size_t size)
{
	struct person_name n;

	if (person_name_parse(full, &n) == 0 && n.last[0] != '\0')
		snprintf(out, size, "%s %s", n.first, n.last);
	else
		snprintf(out, size, "%s", full);
}

int
note_build(const struct note_input *in, uint64_t seed, wording_check_fn check, void *arg,
    struct note *out, struct terr *err)
{
	char sign[2 * VOICE_NAME_MAX + 8], to[2 * TEXT_NAME_MAX + 8];
	struct note_draft nd;
	struct chooser c;
	struct voice v;
	const char *greet_name;
	char today[DATE_LEN], when[48];
	int rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&nd, 0, sizeof(nd));
	chooser_init(&c, seed, check, arg);
	chooser_set_locale(&c, in->locale);
	greet_name = in->person != NULL ? in->person->name : in->contact;
	voice_init(&v, in->candidate, greet_name, in->pronouns, in->field, in->locale, check, arg);
	voice_add(&v, "client", in->client);
	voice_add(&v, "person", v.to);
	if (in->today != NULL)
		memcpy(today, in->today, DATE_LEN);
	else
		date_today(today);
	script_date(today, DECLINE_DAYS, in->locale, when, sizeof(when));
	voice_add(&v, "date", when);
	if (in->person != NULL) {
		struct person_name pn;
		int formal = person_name_parse(in->person->name, &pn) == 0 && pn.title[0] != '\0';

		out->role = person_role_names[in->person->role];
		snprintf(to, sizeof(to), "%s", in->person->name);
		draft(&nd, &c, v.to[0] && !formal ? phr_note_greeting : phr_note_greeting_formal,
		    v.subs, "\n\n");
		news(&nd, &c, in, v.subs);
		draft(&nd, &c, phr_note_body[in->person->role], v.subs, " ");
		draft(&nd, &c, phr_note_moment, v.subs, "\n\n");
		draft(&nd, &c, phr_note_ahead, v.subs, "\n\n");
		draft(&nd, &c, phr_note_closing, v.subs, "\n");
		/* Signed by the candidate if the guard allows the name. */
		signature(in->candidate, sign, sizeof(sign));
		if (c.check != NULL && c.check(c.arg, sign) != 0)
			snprintf(sign, sizeof(sign), "[your name]");
	} else {
		out->role = "client";
		if (v.to[0] != '\0')
			snprintf(to, sizeof(to), "%s, %s", in->contact, in->client);
		else if (c.check == NULL || c.check(c.arg, in->client) == 0)
			snprintf(to, sizeof(to), "%s", in->client);
		else
			snprintf(to, sizeof(to), "the hiring team");
		draft(&nd, &c, v.to[0] ? phr_note_greeting : phr_client_greeting_team, v.subs,
		    "\n\n");
		draft(&nd, &c, phr_client_thanks, v.subs, " ");
		draft(&nd, &c, phr_client_news, v.subs, " ");
		draft(&nd, &c, phr_client_next, v.subs, "\n\n");
		draft(&nd, &c, phr_note_closing, v.subs, "\n");
		/* Signed from the config, or a slot to fill. */
		snprintf(sign, sizeof(sign), "%s%s%s", in->recruiter ? in->recruiter : "[your name]",
		    in->firm ? "\n" : "", in->firm ? in->firm : "");
		if (c.check != NULL && c.check(c.arg, sign) != 0)
			snprintf(sign, sizeof(sign), "[your name]");
	}
	if (c.oom) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	if (nd.refused) {
		terr_set(err, EX_DATAERR, "note would disclose confidential content; no safe wording");
		goto out;
	}
	if ((out->to = strdup(to)) == NULL)
		goto oom;
	for (size_t i = 0; i < nd.n; i++)
		if (append(&out->text, nd.line[i], nd.sep[i]) != 0)
			goto oom;
	if (append(&out->text, sign, "") != 0)
		goto oom;
	rc = 0;
	goto out;
oom:
	terr_set(err, EX_OSERR, "out of memory");
out:
	if (rc != 0)
		note_clear(out);
	for (size_t i = 0; i < nd.n; i++)
		free(nd.line[i]);
	return rc;
}

void
note_write(const struct note *n, const char *role_words, enum script_format fmt, FILE *out)
{
	if (fmt == SCRIPT_MARKDOWN) {
		fprintf(out, "## To %s (%s)\n\n", n->to, role_words);
		for (const char *p = n->text; *p != '\0'; p++) {
			/* Markdown joins lines: a line break inside a paragraph is kept. */
			if (*p == '\n' && p[1] != '\n' && p[1] != '\0' && (p == n->text || p[-1] != '\n'))
				fputs("  ", out);
			fputc(*p, out);
		}
		fputc('\n', out);
		return;
	}
	fprintf(out, "To %s (%s)\n\n%s\n", n->to, role_words, n->text);
}
