/*
 * debrief.c - building the client debrief script from the question bank.
 *
 * The script is spoken to the person on the line: it greets them by name
 * (or title and surname), calls the candidate by first name (or title) with
 * their pronouns, and asks questions worded for the role's field, in the
 * configured English.
 *
 * Assume the client knows this code and the bank.  So the script's shape
 * never depends on what was said in confidence:
 * - the number of probes is fixed (5, or what --probes asked for; more only
 *   when the confidential areas alone exceed it), every probe has the same
 *   number of follow-ups and one listening cue, and the probes come in
 *   shuffled order;
 * - the areas probed and their order are drawn once per turndown (the
 *   areas seed, keyed by the vault and the turndown, not by --seed), so
 *   that two scripts of one turndown probe the same areas: comparing them
 *   tells nothing that one of them does not;
 * - every confidential area is probed, and the other probes are cover
 *   areas drawn from the distribution confidential reasons themselves
 *   follow given the shareable ones (cover.h), so that each probed area not
 *   stated as shareable is about as likely to be the real one; an area's
 *   wording is drawn from the same pool (its probes for the field) whether
 *   it is real or cover;
 * - the question about people and every other line is said in every script;
 * - the opening says the same kind of lines whatever the candidate thought:
 *   greeting, the decision, appreciation, the shareable reasons, one general line, the
 *   shareable note cleaned of contacts, the way into the questions.  No
 *   impression of anyone is spoken;
 * - the guardrails never name an area.
 * Every line is put to the leak guard before it is kept; a line the guard
 * refuses is replaced by another wording, never dropped.  Where no wording
 * passes, the whole script is refused.  Randomness comes from the seed the
 * caller derives (cmd/ keys it with the vault's master key).
 */
#include <stdlib.h>
#include <string.h>

#include "core/text/contacts.h"
#include "core/text/person.h"
#include "core/scripts/cover.h"
#include "core/scripts/debrief_bank.h"
#include "core/scripts/debrief.h"
#include "core/scripts/choose.h"
#include "core/scripts/locale.h"
#include "core/scripts/voice.h"

/* What a part of the builder returns: done, out of memory, or no safe wording. */
enum { B_OK = 0, B_OOM = -1, B_REFUSED = 1 };

#define ORDER_MAX 64

struct builder {
	struct debrief *d;
	const struct debrief_input *in;
	struct chooser c;
	struct chooser areas;           /* which areas, in which order: one draw per turndown */
	struct voice v;                 /* names, pronouns and words filled into the bank */
	size_t cues[ORDER_MAX], ncues, next_cue;        /* taken in turn, so they do not repeat */
	size_t follow[ORDER_MAX], nfollow, next_follow; /* the shared follow-ups, likewise */
};

/* Returns the next line of LIST in the shuffled ORDER the guard lets through, or NULL. */
static char *
next_of(struct builder *b, const char *const *list, const size_t *order, size_t n, size_t *next)
{
	char *s;

	for (size_t i = 0; i < n; i++) {
		size_t k = order[(*next + i) % n];

		if ((s = choose_line(&b->c, list[k], b->v.subs)) != NULL) {
			*next = (*next + i + 1) % n;
			return s;
		}
	}
	return NULL;
}

/* Adds a line of LIST to the list *LINES; B_REFUSED when none passes. */
static int
must_add(struct builder *b, char ***lines, size_t *n, const char *const *list)
{
	char *s = choose_from(&b->c, list, 0, wording_count(list), b->v.subs);

	if (s == NULL)
		return b->c.oom ? B_OOM : B_REFUSED;
	return strlist_push(lines, n, s) == 0 ? B_OK : B_OOM;
}

/* Adds the shareable note, cleaned of contacts, after one of the lead-ins;
 * when the guard lets none through, the note is left out and the caller
 * says so (on stderr, never in the script). */
static int
add_note(struct builder *b)
{
	size_t order[ORDER_MAX], n = wording_count(bank_note_intro);
	char *note, *s = NULL;

	if (b->in->shareable == NULL || b->in->shareable[0] == '\0')
		return B_OK;
	if ((note = text_contacts_scrub(b->in->shareable)) == NULL)
		return B_OOM;
	if (n > ORDER_MAX)
		n = ORDER_MAX;
	chooser_permute(&b->c, order, n);
	for (size_t i = 0; i < n && s == NULL && !b->c.oom; i++) {
		char *intro = choose_line(&b->c, bank_note_intro[order[i]], b->v.subs);
		char *line;

		if (intro == NULL)
			continue;
		if ((line = malloc(strlen(intro) + strlen(note) + 8)) == NULL) {
			free(intro);
			free(note);
			return B_OOM;
		}
		sprintf(line, "%s \"%s\"", intro, note);
		free(intro);
		/* The note as written: no placeholder of it is filled, no word respelt. */
		if (b->c.check == NULL || b->c.check(b->c.arg, line) == 0)
			s = line;
		else
			free(line);
	}
	free(note);
	if (b->c.oom)
		return B_OOM;
	if (s == NULL) {
		b->d->note_left_out = 1;
		return B_OK;
	}
	return strlist_push(&b->d->opening, &b->d->nopening, s) == 0 ? B_OK : B_OOM;
}

static int
build_opening(struct builder *b)
{
	const struct debrief_input *in = b->in;
	struct debrief *d = b->d;
	int rc, lead = 0;

	if ((rc = must_add(b, &d->opening, &d->nopening, b->v.to[0] ? bank_greet_to :
	    bank_greet_none)) != B_OK || (rc = must_add(b, &d->opening, &d->nopening,
	    bank_decision)) != B_OK || (rc = must_add(b, &d->opening, &d->nopening,
	    bank_appreciate)) != B_OK)
		return rc;
	for (size_t i = 0; i < in->nreasons; i++) {
		const struct bank_area *a;
		char *s;

		if (in->reasons[i].visibility != VIS_SHAREABLE)
			continue;
		if ((a = bank_find(taxonomy[in->reasons[i].category].slug)) == NULL)
			continue;
		if (!lead++ && (rc = must_add(b, &d->opening, &d->nopening, bank_reason_lead)) != B_OK)
			return rc;
		if ((s = choose_from(&b->c, a->safe, 0, bank_safe_count(a), b->v.subs)) == NULL)
			return b->c.oom ? B_OOM : B_REFUSED;
		if (strlist_push(&d->opening, &d->nopening, s) != 0)
			return B_OOM;
	}
	/* Said in every script, so that it tells nothing. */
	if ((rc = must_add(b, &d->opening, &d->nopening, bank_no_reason)) != B_OK ||
	    (rc = add_note(b)) != B_OK)
		return rc;
	return must_add(b, &d->opening, &d->nopening, bank_transition);
}

static void
probe_clear(struct debrief_probe *p)
{
	free(p->question);
	for (size_t j = 0; j < p->nfollow; j++)
		free(p->follow_ups[j]);
	free(p->cue);
	memset(p, 0, sizeof(*p));
}

/* Fills P from the bank probe BP: its question, two of its own follow-ups
 * (the shared ones stand in for those the guard refuses), and a cue.  B_REFUSED when the guard leaves too little. */
static int
fill_probe(struct builder *b, const struct bank_probe *bp, const char *area,
    struct debrief_probe *p)
{
	size_t forder[BANK_MAX_FOLLOW_UPS], nf;

	memset(p, 0, sizeof(*p));
	for (nf = 0; nf < BANK_MAX_FOLLOW_UPS && bp->follow_ups[nf] != NULL; nf++)
		;
	chooser_permute(&b->c, forder, nf);
	if ((p->question = choose_line(&b->c, bp->question, b->v.subs)) != NULL) {
		for (size_t j = 0; j < nf && p->nfollow < DEBRIEF_FOLLOW_UPS; j++) {
			char *f = choose_line(&b->c, bp->follow_ups[forder[j]], b->v.subs);

			if (f != NULL)
				p->follow_ups[p->nfollow++] = f;
		}
		for (size_t tries = 0; tries < b->nfollow && p->nfollow < DEBRIEF_FOLLOW_UPS &&
		    !b->c.oom; tries++) {
			char *f = next_of(b, bank_follow_any, b->follow, b->nfollow, &b->next_follow);

			if (f == NULL)
				break;
			if (p->nfollow > 0 && strcmp(f, p->follow_ups[0]) == 0) {
				free(f);
				continue;
			}
			p->follow_ups[p->nfollow++] = f;
		}
		p->cue = next_of(b, bank_cues, b->cues, b->ncues, &b->next_cue);
	}
	if (b->c.oom) {
		probe_clear(p);
		return B_OOM;
	}
	if (p->question != NULL && p->nfollow == DEBRIEF_FOLLOW_UPS && p->cue != NULL) {
		p->area = area;
		return B_OK;
	}
	probe_clear(p);
	return B_REFUSED;
}

/* Fills P with a probe of area A fitted to the field, whose wording the
 * guard lets through.  B_REFUSED when none has enough safe lines. */
static int
build_probe(struct builder *b, const struct bank_area *a, struct debrief_probe *p)
{
	size_t order[BANK_MAX_PROBES], fit[BANK_MAX_PROBES], n = 0;
	int rc;

	for (size_t i = 0; i < BANK_MAX_PROBES && a->probes[i].question != NULL; i++)
		if (bank_probe_fits(&a->probes[i], b->v.field))
			fit[n++] = i;
	chooser_permute(&b->c, order, n);
	for (size_t i = 0; i < n; i++)
		if ((rc = fill_probe(b, &a->probes[fit[order[i]]], a->slug, p)) != B_REFUSED)
			return rc;
	return B_REFUSED;
}

static int
build_probes(struct builder *b)
{
	const struct debrief_input *in = b->in;
	unsigned char shareable[COVER_AREAS], taken[COVER_AREAS];
	unsigned weight[COVER_AREAS];
	size_t nconf = 0, target, order[TAXONOMY_COUNT + DEBRIEF_PROBES_MAX], i;
	struct debrief_probe *probes;
	int rc;

	memset(shareable, 0, sizeof(shareable));
	memset(taken, 0, sizeof(taken));
	for (i = 0; i < in->nreasons; i++) {
		int cat = in->reasons[i].category;

		if (in->reasons[i].visibility == VIS_SHAREABLE)
			shareable[cat] = 1;
		else if (!taken[cat]) {
			taken[cat] = 1;
			nconf++;
		}
	}
	target = in->nprobes ? in->nprobes : DEBRIEF_PROBES;
	if (target < nconf)
		target = nconf;
	if ((probes = calloc(target, sizeof(*probes))) == NULL)
		return B_OOM;
	b->d->probes = probes;
	/* Every confidential area is probed. */
	for (i = 0; i < COVER_AREAS; i++) {
		if (!taken[i])
			continue;
		if ((rc = build_probe(b, bank_find(taxonomy[i].slug), &probes[b->d->nprobes])) != B_OK)
			return rc;
		b->d->nprobes++;
	}
	/* Covers, drawn as confidential reasons are, given the shareable ones. */
	for (i = 0; i < COVER_AREAS; i++)
		weight[i] = taken[i] ? 0 : cover_weight((int)i, shareable);
	while (b->d->nprobes < target) {
		unsigned long total = 0, x;
		size_t cat;

		for (i = 0; i < COVER_AREAS; i++)
			total += weight[i];
		if (total == 0)
			return B_REFUSED;
		x = (unsigned long)chooser_below(&b->areas, total);
		for (cat = 0; cat + 1 < COVER_AREAS && x >= weight[cat]; cat++)
			x -= weight[cat];
		weight[cat] = 0;
		rc = build_probe(b, bank_find(taxonomy[cat].slug), &probes[b->d->nprobes]);
		if (rc == B_OOM)
			return rc;
		if (rc == B_OK)
			b->d->nprobes++;
	}
	/* Shuffled, so that the confidential areas do not come first. */
	{
		struct debrief_probe *shuffled = calloc(b->d->nprobes, sizeof(*shuffled));

		if (shuffled == NULL)
			return B_OOM;
		chooser_permute(&b->areas, order, b->d->nprobes);
		for (i = 0; i < b->d->nprobes; i++)
			shuffled[i] = probes[order[i]];
		memcpy(probes, shuffled, b->d->nprobes * sizeof(*probes));
		free(shuffled);
	}
	return B_OK;
}

/* The question about people, in every script: one comparing them only
 * when there are three or more to compare. */
static int
build_people(struct builder *b)
{
	const struct bank_probe *pool = b->in->nmet >= 3 ? bank_people : bank_people_few;
	size_t order[ORDER_MAX], n = 0;
	int rc;

	while (pool[n].question != NULL && n < ORDER_MAX)
		n++;
	chooser_permute(&b->c, order, n);
	for (size_t i = 0; i < n; i++)
		if ((rc = fill_probe(b, &pool[order[i]], "people", &b->d->people)) != B_REFUSED)
			return rc;
	return B_REFUSED;
}

/* One line of each group of GROUPS onto *LINES. */
static int
add_groups(struct builder *b, const char *const *const *groups, char ***lines, size_t *n)
{
	int rc;

	for (size_t g = 0; groups[g] != NULL; g++)
		if ((rc = must_add(b, lines, n, groups[g])) != B_OK)
			return rc;
	return B_OK;
}

struct debrief *
debrief_build(const struct debrief_input *in, uint64_t seed, wording_check_fn check,
    void *arg, struct terr *err)
{
	struct builder b;
	int rc;

	memset(&b, 0, sizeof(b));
	if ((b.d = calloc(1, sizeof(*b.d))) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	b.d->turndown = in->turndown;
	b.d->seed = seed;
	b.in = in;
	chooser_init(&b.c, seed, check, arg);
	chooser_set_locale(&b.c, in->locale);
	chooser_init(&b.areas, in->areas_seed ? in->areas_seed : seed, NULL, NULL);
	voice_init(&b.v, in->candidate, in->to, in->pronouns, in->field, in->locale, check, arg);
	if (b.v.to[0] != '\0' && (b.d->to = strdup(b.v.to)) == NULL)
		b.c.oom = 1;
	b.ncues = wording_count(bank_cues);
	b.nfollow = wording_count(bank_follow_any);
	if (b.ncues > ORDER_MAX)
		b.ncues = ORDER_MAX;
	if (b.nfollow > ORDER_MAX)
		b.nfollow = ORDER_MAX;
	chooser_permute(&b.c, b.cues, b.ncues);
	chooser_permute(&b.c, b.follow, b.nfollow);
	if ((rc = build_opening(&b)) == B_OK && (rc = build_probes(&b)) == B_OK &&
	    (rc = build_people(&b)) == B_OK &&
	    (rc = add_groups(&b, bank_closings, &b.d->closing, &b.d->nclosing)) == B_OK)
		rc = add_groups(&b, bank_guardrails, &b.d->guardrails, &b.d->nguardrails);
	if (rc == B_OK && b.c.oom)
		rc = B_OOM;
	if (rc != B_OK) {
		if (rc == B_OOM)
			terr_set(err, EX_OSERR, "out of memory");
		else
			terr_set(err, EX_DATAERR, "debrief would disclose confidential content; "
			    "no safe wording left for a whole script");
		debrief_free(b.d);
		return NULL;
	}
	return b.d;
}

void
debrief_free(struct debrief *d)
{
	if (d == NULL)
		return;
	free(d->to);
	strlist_free(d->opening, d->nopening);
	strlist_free(d->closing, d->nclosing);
	strlist_free(d->guardrails, d->nguardrails);
	for (size_t i = 0; i < d->nprobes; i++)
		probe_clear(&d->probes[i]);
	free(d->probes);
	probe_clear(&d->people);
	free(d);
}

/* Writes one probe, numbered N. */
static void
write_probe(const struct debrief_probe *p, size_t n, int md, FILE *out)
{
	char lead[32];

	snprintf(lead, sizeof(lead), md ? "%zu. " : "  %zu. ", n);
	wording_wrap(out, lead, md ? "   " : "     ", p->question, md ? 100000 : 78);
	for (size_t j = 0; j < p->nfollow; j++)
		wording_wrap(out, md ? "   - " : "      - ", md ? "     " : "        ", p->follow_ups[j],
		    md ? 100000 : 78);
	wording_wrap(out, md ? "   - *Listen:* " : "      Listen: ", md ? "     " : "        ", p->cue,
	    md ? 100000 : 78);
}

void
debrief_write(const struct debrief *d, enum debrief_format fmt, FILE *out)
{
	size_t i;
	int md = fmt == DEBRIEF_MARKDOWN;

	if (md)
		fprintf(out, "# Debrief script, turndown %lld\n\n", d->turndown);
	else
		fprintf(out, "DEBRIEF SCRIPT - turndown %lld\n\n", d->turndown);
	if (d->to != NULL)
		fprintf(out, md ? "*The call with %s.*\n\n" : "The call with %s.\n\n", d->to);
	fputs(md ? "## Opening\n\n" : "OPENING\n", out);
	for (i = 0; i < d->nopening; i++)
		wording_wrap(out, md ? "- " : "  ", md ? "  " : "  ", d->opening[i], md ? 100000 : 78);
	fputs(md ? "\n## Probes\n\n" : "\nPROBES\n", out);
	for (i = 0; i < d->nprobes; i++) {
		write_probe(&d->probes[i], i + 1, md, out);
		fputc('\n', out);
	}
	write_probe(&d->people, d->nprobes + 1, md, out);
	fputs(md ? "\n## Closing\n\n" : "\nCLOSING\n", out);
	for (i = 0; i < d->nclosing; i++)
		wording_wrap(out, md ? "- " : "  ", md ? "  " : "  ", d->closing[i], md ? 100000 : 78);
	fputs(md ? "\n## Guardrails (recruiter only)\n\n" :
	    "\nGUARDRAILS (recruiter only)\n", out);
	for (i = 0; i < d->nguardrails; i++)
		wording_wrap(out, md ? "- " : "  - ", md ? "  " : "    ", d->guardrails[i], md ? 100000 : 78);
	fprintf(out, md ? "\n*Script %llu: --seed %llu gives this script again.*\n" :
	    "\n(script %llu: --seed %llu gives this script again)\n",
	    (unsigned long long)d->seed, (unsigned long long)d->seed);
}
