/*
 * debrief.c - building the client debrief script from the question bank.
 *
 * Assume the client knows this code and the bank.  So the script's shape
 * never depends on what was said in confidence:
 * - the number of probes is fixed (5, or what --probes asked for; more only
 *   when the confidential areas alone exceed it), every probe has the same
 *   number of follow-ups and one listening cue, and the probes come in
 *   shuffled order;
 * - every confidential area is probed, and the other probes are cover
 *   areas drawn from the distribution confidential reasons themselves
 *   follow given the shareable ones (cover.h), so that each probed area not
 *   stated as shareable is about as likely to be the real one;
 * - the opening says the same kind of lines whatever the candidate thought:
 *   appreciation, the shareable reasons, one general line, the shareable
 *   note cleaned of contacts.  No impression of anyone is spoken;
 * - the guardrails never name an area.
 * Every line is put to the leak guard before it is kept; a line the guard
 * refuses is replaced by another wording, never dropped.  Where no wording
 * passes, the whole script is refused.  Randomness comes from the seed the
 * caller derives (cmd/ keys it with the vault's master key).
 */
#include <stdlib.h>
#include <string.h>

#include "core/text/contacts.h"
#include "core/scripts/cover.h"
#include "core/scripts/debrief_bank.h"
#include "core/scripts/debrief.h"
#include "core/scripts/choose.h"

/* What a part of the builder returns: done, out of memory, or no safe wording. */
enum { B_OK = 0, B_OOM = -1, B_REFUSED = 1 };

struct builder {
	struct debrief *d;
	const struct debrief_input *in;
	struct chooser c;
	size_t cues[32];                /* the listening cues in a shuffled order */
	size_t ncues, next_cue;         /* taken in turn, so they do not repeat */
};

/* Returns the next listening cue the guard lets through, or NULL. */
static char *
next_cue(struct builder *b)
{
	char *s;

	for (size_t i = 0; i < b->ncues; i++) {
		size_t k = b->cues[(b->next_cue + i) % b->ncues];

		if ((s = choose_line(&b->c, bank_cues[k], NULL)) != NULL) {
			b->next_cue = (b->next_cue + i + 1) % b->ncues;
			return s;
		}
	}
	return NULL;
}

/* Adds a line of LIST[FROM..TO) to the opening or closing; B_REFUSED when
 * none passes. */
static int
must_add(struct builder *b, char ***list, size_t *n, const char *const *from, size_t from_i,
    size_t to, const char *const *subs)
{
	char *s = choose_from(&b->c, from, from_i, to, subs);

	if (s == NULL)
		return b->c.oom ? B_OOM : B_REFUSED;
	return strlist_push(list, n, s) == 0 ? B_OK : B_OOM;
}

/* Adds the shareable note, cleaned of contacts, after one of the lead-ins;
 * when the guard lets none through, the note is left out and the caller
 * says so (on stderr, never in the script). */
static int
add_note(struct builder *b)
{
	size_t order[16], n = wording_count(bank_note_intro);
	char *note, *s = NULL;

	if (b->in->shareable == NULL || b->in->shareable[0] == '\0')
		return B_OK;
	if ((note = text_contacts_scrub(b->in->shareable)) == NULL)
		return B_OOM;
	if (n > 16)
		n = 16;
	chooser_permute(&b->c, order, n);
	for (size_t i = 0; i < n && s == NULL && !b->c.oom; i++) {
		const char *intro = bank_note_intro[order[i]];
		char *line = malloc(strlen(intro) + strlen(note) + 8);

		if (line == NULL) {
			free(note);
			return B_OOM;
		}
		sprintf(line, "%s \"%s\"", intro, note);
		s = choose_line(&b->c, line, NULL);
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
	const char *subs[] = { "candidate", in->candidate ? in->candidate : "the candidate", NULL,
		NULL };
	struct debrief *d = b->d;
	int rc;

	if ((rc = must_add(b, &d->opening, &d->nopening, bank_openings, 0,
	    wording_count(bank_openings), subs)) != B_OK)
		return rc;
	for (size_t i = 0; i < in->nreasons; i++) {
		const struct bank_area *a;

		if (in->reasons[i].visibility != VIS_SHAREABLE)
			continue;
		if ((a = bank_find(taxonomy[in->reasons[i].category].slug)) == NULL)
			continue;
		if ((rc = must_add(b, &d->opening, &d->nopening, a->safe, 0, bank_safe_count(a),
		    NULL)) != B_OK)
			return rc;
	}
	/* Said in every script, so that it tells nothing. */
	if ((rc = must_add(b, &d->opening, &d->nopening, bank_no_reason, 0,
	    wording_count(bank_no_reason), NULL)) != B_OK)
		return rc;
	return add_note(b);
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

/* Fills P with a probe of area A whose wording the guard lets through:
 * a question, DEBRIEF_FOLLOW_UPS of its follow-ups and a cue.  B_REFUSED
 * when no question of the area has that many safe lines. */
static int
build_probe(struct builder *b, const struct bank_area *a, struct debrief_probe *p)
{
	size_t order[BANK_MAX_PROBES], forder[BANK_MAX_FOLLOW_UPS], n = 0, nf, i, j;

	while (n < BANK_MAX_PROBES && a->probes[n].question != NULL)
		n++;
	chooser_permute(&b->c, order, n);
	for (i = 0; i < n; i++) {
		const struct bank_probe *bp = &a->probes[order[i]];

		memset(p, 0, sizeof(*p));
		for (nf = 0; nf < BANK_MAX_FOLLOW_UPS && bp->follow_ups[nf] != NULL; nf++)
			;
		chooser_permute(&b->c, forder, nf);
		if ((p->question = choose_line(&b->c, bp->question, NULL)) != NULL) {
			for (j = 0; j < nf && p->nfollow < DEBRIEF_FOLLOW_UPS; j++) {
				char *f = choose_line(&b->c, bp->follow_ups[forder[j]], NULL);

				if (f != NULL)
					p->follow_ups[p->nfollow++] = f;
			}
			p->cue = next_cue(b);
		}
		if (b->c.oom) {
			probe_clear(p);
			return B_OOM;
		}
		if (p->question != NULL && p->nfollow == DEBRIEF_FOLLOW_UPS && p->cue != NULL) {
			p->area = a->slug;
			return B_OK;
		}
		probe_clear(p);
	}
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
		x = (unsigned long)chooser_below(&b->c, total);
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
		chooser_permute(&b->c, order, b->d->nprobes);
		for (i = 0; i < b->d->nprobes; i++)
			shuffled[i] = probes[order[i]];
		memcpy(probes, shuffled, b->d->nprobes * sizeof(*probes));
		free(shuffled);
	}
	return B_OK;
}

/* Closing lines in the bank's order: keeping in touch (0-1), help with the
 * search (2-4), next steps (5-6), thanks (7-8); one of each group. */
static const size_t closing_groups[] = { 0, 2, 5, 7, 9 };

static int
build_closing(struct builder *b)
{
	const char *subs[] = { "candidate", b->in->candidate ? b->in->candidate :
		"the candidate", NULL, NULL };
	size_t ngroups = sizeof(closing_groups) / sizeof(closing_groups[0]) - 1;
	size_t n = wording_count(bank_closings);
	int rc;

	for (size_t g = 0; g < ngroups; g++) {
		size_t to = closing_groups[g + 1] < n ? closing_groups[g + 1] : n;

		if (closing_groups[g] < to && (rc = must_add(b, &b->d->closing, &b->d->nclosing,
		    bank_closings, closing_groups[g], to, subs)) != B_OK)
			return rc;
	}
	return B_OK;
}

/* The same reminders in every script: none names an area. */
static int
build_guardrails(struct builder *b)
{
	for (size_t i = 0; bank_guardrails[i] != NULL; i++) {
		char *s = choose_line(&b->c, bank_guardrails[i], NULL);

		if (s == NULL)
			return b->c.oom ? B_OOM : B_REFUSED;
		if (strlist_push(&b->d->guardrails, &b->d->nguardrails, s) != 0)
			return B_OOM;
	}
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
	b.ncues = wording_count(bank_cues);
	if (b.ncues > sizeof(b.cues) / sizeof(b.cues[0]))
		b.ncues = sizeof(b.cues) / sizeof(b.cues[0]);
	chooser_permute(&b.c, b.cues, b.ncues);
	if ((rc = build_opening(&b)) == B_OK && (rc = build_probes(&b)) == B_OK &&
	    (rc = build_closing(&b)) == B_OK)
		rc = build_guardrails(&b);
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
	strlist_free(d->opening, d->nopening);
	strlist_free(d->closing, d->nclosing);
	strlist_free(d->guardrails, d->nguardrails);
	for (size_t i = 0; i < d->nprobes; i++) {
		free(d->probes[i].question);
		free(d->probes[i].cue);
		for (size_t j = 0; j < d->probes[i].nfollow; j++)
			free(d->probes[i].follow_ups[j]);
	}
	free(d->probes);
	free(d);
}

void
debrief_write(const struct debrief *d, enum debrief_format fmt, FILE *out)
{
	size_t i, j;
	int md = fmt == DEBRIEF_MARKDOWN;

	if (md)
		fprintf(out, "# Debrief script, turndown %lld\n\n## Opening\n\n", d->turndown);
	else
		fprintf(out, "DEBRIEF SCRIPT - turndown %lld\n\nOPENING\n", d->turndown);
	for (i = 0; i < d->nopening; i++)
		wording_wrap(out, md ? "- " : "  ", md ? "  " : "  ", d->opening[i], md ? 100000 : 78);
	fputs(md ? "\n## Probes\n\n" : "\nPROBES\n", out);
	for (i = 0; i < d->nprobes; i++) {
		char lead[32];
		const struct debrief_probe *p = &d->probes[i];

		snprintf(lead, sizeof(lead), md ? "%zu. " : "  %zu. ", i + 1);
		wording_wrap(out, lead, md ? "   " : "     ", p->question, md ? 100000 : 78);
		for (j = 0; j < p->nfollow; j++)
			wording_wrap(out, md ? "   - " : "      - ", md ? "     " : "        ", p->follow_ups[j],
			    md ? 100000 : 78);
		wording_wrap(out, md ? "   - *Listen:* " : "      Listen: ", md ? "     " : "        ", p->cue,
		    md ? 100000 : 78);
		if (md || i + 1 < d->nprobes)
			fputc('\n', out);
	}
	fputs(md ? "## Closing\n\n" : "\nCLOSING\n", out);
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
