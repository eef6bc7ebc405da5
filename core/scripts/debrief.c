/*
 * debrief.c - building the client debrief script from the question bank.
 *
 * The probes always span several areas: every confidential reason's area,
 * plus plausible cover areas drawn from the bank's neighbours, at least
 * three in all and always two more than the confidential ones, in shuffled
 * order.  Asking about HR alone would tell the client HR was the problem.
 * Randomness comes from a seeded generator, so --seed reproduces a script.
 * Every line is put to the leak guard before it is kept; a line the guard
 * refuses is replaced by another wording, or left out where it is optional.
 */
#include <stdlib.h>
#include <string.h>

#include "core/scripts/debrief_bank.h"
#include "core/scripts/debrief.h"
#include "core/scripts/choose.h"

#define MAX_AREAS 12
#define MAX_POSITIVE 3

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

static int
build_opening(struct builder *b)
{
	const struct debrief_input *in = b->in;
	const char *subs[] = { "candidate", in->candidate ? in->candidate : "the candidate", NULL,
		NULL };
	struct debrief *d = b->d;
	size_t nshare = 0;
	char *s;

	if (strlist_push(&d->opening, &d->nopening, choose_from(&b->c, bank_openings, 0, wording_count(bank_openings),
	    subs)) != 0)
		return -1;
	for (size_t i = 0; i < in->nreasons; i++) {
		const struct bank_area *a;

		if (in->reasons[i].visibility != VIS_SHAREABLE)
			continue;
		a = bank_find(taxonomy[in->reasons[i].category].slug);
		if (a == NULL)
			continue;
		s = choose_from(&b->c, a->safe, 0, bank_safe_count(a), NULL);
		nshare += s != NULL;
		if (strlist_push(&d->opening, &d->nopening, s) != 0)
			return -1;
	}
	if (nshare == 0 && strlist_push(&d->opening, &d->nopening, choose_from(&b->c, bank_no_reason, 0,
	    wording_count(bank_no_reason), NULL)) != 0)
		return -1;
	if (in->shareable != NULL && in->shareable[0] != '\0') {
		const char *intro = bank_note_intro[chooser_below(&b->c, wording_count(bank_note_intro))];
		char *line = malloc(strlen(intro) + strlen(in->shareable) + 8);

		if (line == NULL)
			return -1;
		sprintf(line, "%s \"%s\"", intro, in->shareable);
		s = choose_line(&b->c, line, NULL);
		free(line);
		if (strlist_push(&d->opening, &d->nopening, s) != 0)
			return -1;
	}
	for (size_t i = 0; i < in->npositive && i < MAX_POSITIVE; i++) {
		const char *psubs[] = { "person", in->positive[i].name, "role",
			person_role_words[in->positive[i].role], NULL, NULL };

		if (strlist_push(&d->opening, &d->nopening, choose_from(&b->c, bank_positive, 0,
		    wording_count(bank_positive), psubs)) != 0)
			return -1;
	}
	return 0;
}

/* Fills P with a probe of area A whose wording the guard lets through. */
static int
build_probe(struct builder *b, const struct bank_area *a, struct debrief_probe *p)
{
	size_t order[BANK_MAX_PROBES], n = 0, i, j;

	while (n < BANK_MAX_PROBES && a->probes[n].question != NULL)
		n++;
	chooser_permute(&b->c, order, n);
	for (i = 0; i < n; i++) {
		const struct bank_probe *bp = &a->probes[order[i]];

		memset(p, 0, sizeof(*p));
		if ((p->question = choose_line(&b->c, bp->question, NULL)) == NULL)
			continue;
		for (j = 0; j < BANK_MAX_FOLLOW_UPS && bp->follow_ups[j] != NULL; j++) {
			char *f = choose_line(&b->c, bp->follow_ups[j], NULL);

			if (f != NULL)
				p->follow_ups[p->nfollow++] = f;
		}
		p->cue = next_cue(b);
		if (p->nfollow >= 2 && p->cue != NULL) {
			p->area = a->slug;
			return 0;
		}
		free(p->question);
		for (j = 0; j < p->nfollow; j++)
			free(p->follow_ups[j]);
		free(p->cue);
		memset(p, 0, sizeof(*p));
	}
	return -1;
}

static int
has_area(const int *areas, size_t n, int cat)
{
	for (size_t i = 0; i < n; i++)
		if (areas[i] == cat)
			return 1;
	return 0;
}

static void
add_neighbours(int *pool, size_t *npool, int cat)
{
	const struct bank_area *a = bank_find(taxonomy[cat].slug);

	for (size_t i = 0; a != NULL && i < BANK_MAX_NEIGHBOURS && a->neighbours[i]; i++) {
		int c = taxonomy_find(a->neighbours[i]);

		if (c >= 0 && !has_area(pool, *npool, c))
			pool[(*npool)++] = c;
	}
}

static int
build_probes(struct builder *b, struct terr *err)
{
	const struct debrief_input *in = b->in;
	int areas[TAXONOMY_COUNT], pool[TAXONOMY_COUNT * 2];
	size_t nareas = 0, npool = 0, nconf = 0, target, order[TAXONOMY_COUNT], i;
	struct debrief_probe *probes;

	for (i = 0; i < in->nreasons; i++) {
		if (in->reasons[i].visibility == VIS_CONFIDENTIAL &&
		    !has_area(areas, nareas, in->reasons[i].category)) {
			areas[nareas++] = in->reasons[i].category;
			nconf++;
		}
	}
	for (i = 0; i < in->nreasons; i++)
		add_neighbours(pool, &npool, in->reasons[i].category);
	for (i = 0; i < in->nreasons; i++)
		if (in->reasons[i].visibility == VIS_SHAREABLE &&
		    !has_area(pool, npool, in->reasons[i].category))
			pool[npool++] = in->reasons[i].category;
	target = nconf + 2 < 3 ? 3 : nconf + 2;
	if (target > MAX_AREAS)
		target = nconf > MAX_AREAS ? nconf : MAX_AREAS;
	if ((probes = calloc(target + TAXONOMY_COUNT, sizeof(*probes))) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	b->d->probes = probes;
	/* Every confidential area must be covered. */
	for (i = 0; i < nconf; i++) {
		if (build_probe(b, bank_find(taxonomy[areas[i]].slug), &probes[b->d->nprobes]) != 0)
			return terr_set(err, EX_DATAERR, "debrief would disclose confidential content; "
			    "no safe wording for the '%s' area", taxonomy[areas[i]].slug);
		b->d->nprobes++;
	}
	/* Cover areas: the neighbours first, then any other, until the target. */
	while (b->d->nprobes < target) {
		int cat = -1;

		while (npool > 0 && cat < 0) {
			size_t k = chooser_below(&b->c, npool);

			cat = pool[k];
			pool[k] = pool[--npool];
			if (has_area(areas, nareas, cat))
				cat = -1;
		}
		if (cat < 0) {
			chooser_permute(&b->c, order, TAXONOMY_COUNT);
			for (i = 0; i < TAXONOMY_COUNT && cat < 0; i++)
				if (!has_area(areas, nareas, (int)order[i]) &&
				    strcmp(taxonomy[order[i]].slug, "other") != 0)
					cat = (int)order[i];
		}
		if (cat < 0)
			break;
		areas[nareas++] = cat;
		if (build_probe(b, bank_find(taxonomy[cat].slug), &probes[b->d->nprobes]) == 0)
			b->d->nprobes++;
	}
	if (b->d->nprobes < 3)
		return terr_set(err, EX_DATAERR, "debrief would disclose confidential content; "
		    "too few safe probes");
	/* Shuffle so that the confidential areas do not come first. */
	for (i = b->d->nprobes; i > 1; i--) {
		size_t j = chooser_below(&b->c, i);
		struct debrief_probe t = probes[i - 1];

		probes[i - 1] = probes[j];
		probes[j] = t;
	}
	return 0;
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

	for (size_t g = 0; g < ngroups; g++) {
		size_t to = closing_groups[g + 1] < n ? closing_groups[g + 1] : n;

		if (closing_groups[g] < to && strlist_push(&b->d->closing, &b->d->nclosing,
		    choose_from(&b->c, bank_closings, closing_groups[g], to, subs)) != 0)
			return -1;
	}
	return 0;
}

static int
build_guardrails(struct builder *b)
{
	const struct debrief_input *in = b->in;
	char line[512];
	size_t used = 0;
	int n = 0;

	used = (size_t)snprintf(line, sizeof(line), "Held in confidence, so never say or hint: ");
	for (size_t i = 0; i < in->nreasons && used < sizeof(line); i++) {
		if (in->reasons[i].visibility != VIS_CONFIDENTIAL)
			continue;
		used += (size_t)snprintf(line + used, sizeof(line) - used, "%s%s", n++ ? ", " : "",
		    taxonomy[in->reasons[i].category].slug);
	}
	if (n > 0 && used < sizeof(line) - 1) {
		snprintf(line + used, sizeof(line) - used, ".");
		if (strlist_push(&b->d->guardrails, &b->d->nguardrails, choose_line(&b->c, line, NULL)) != 0)
			return -1;
	}
	for (size_t i = 0; bank_guardrails[i] != NULL; i++)
		if (strlist_push(&b->d->guardrails, &b->d->nguardrails, choose_line(&b->c, bank_guardrails[i],
		    NULL)) != 0)
			return -1;
	return 0;
}

struct debrief *
debrief_build(const struct debrief_input *in, uint64_t seed, wording_check_fn check,
    void *arg, struct terr *err)
{
	struct builder b;

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
	if (build_opening(&b) != 0 || build_probes(&b, err) != 0 || build_closing(&b) != 0 ||
	    build_guardrails(&b) != 0 || b.c.oom) {
		terr_set(err, EX_OSERR, "out of memory");
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
