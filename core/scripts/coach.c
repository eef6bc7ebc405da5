/*
 * coach.c - building the recruiter's coaching call with a candidate a
 * client turned down.
 *
 * Assume the candidate knows this code and the bank.  So, as in the
 * debrief, the script's shape never depends on what the client said in
 * confidence:
 * - the number of questions is fixed (5, or --probes; more only when the
 *   confidential areas alone exceed it), each with the same number of
 *   follow-ups and one listening cue, in shuffled order;
 * - every confidential area is asked about, among cover areas chosen by
 *   cover_pick() with chances proportional to how often clients keep each
 *   area confidential (coach_cover_weights), so that each area asked about
 *   is as likely as any other to be one the client raised in confidence;
 * - the areas the client agreed to share are passed on in constructive
 *   wording, and only they: the shared section depends on shareable data
 *   alone;
 * - the guardrails are the same in every script and name no area or person.
 * Every line goes to the leak guard before it is kept; a refused line is
 * replaced by another wording, never dropped, and where none passes the
 * whole script is refused.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/taxonomy.h"
#include "core/text/contacts.h"
#include "core/scripts/coach.h"
#include "core/scripts/coach_bank.h"
#include "core/scripts/cover.h"

/* Of 100: the areas clients tend to raise only in confidence (how someone
 * came across) weigh more than those they share readily (experience). */
const unsigned coach_cover_weights[FB_AREA_COUNT] = {
	/* experience-gap */ 6, /* accomplishments */ 8, /* communication */ 16,
	/* technical-depth */ 7, /* leadership-presence */ 14, /* culture-add */ 15,
	/* motivation */ 10, /* preparation */ 7, /* compensation-expectations */ 8,
	/* references */ 5, /* other */ 4,
};

enum { B_OK = 0, B_OOM = -1, B_REFUSED = 1 };

struct builder {
	struct coach *s;
	const struct coach_input *in;
	struct chooser c;
	const char *subs[7];
	size_t cues[16], ncues, next_cue;
};

static const char *const titles[] = { "dr", "prof", "mr", "mrs", "ms", "mx", NULL };

/* Whether the N bytes at P, a trailing full stop aside, are a title. */
static int
is_title(const char *p, size_t n)
{
	if (n > 0 && p[n - 1] == '.')
		n--;
	for (size_t t = 0; titles[t] != NULL; t++)
		if (strlen(titles[t]) == n && strncasecmp(titles[t], p, n) == 0)
			return 1;
	return 0;
}

char *
coach_first_name(const char *candidate)
{
	const char *p = candidate, *end, *last;
	char *s = NULL;
	size_t n;

	while (*p == ' ')
		p++;
	for (end = p; *end != '\0' && *end != ' '; end++)
		;
	n = (size_t)(end - p);
	last = strrchr(p, ' ');
	/* A title goes with the surname: "Dr. Okafor". */
	if (is_title(p, n) && last != NULL && last > end - 1 && last[1] != '\0') {
		if (p[n - 1] == '.')
			n--;
		if (asprintf(&s, "%.*s. %s", (int)n, p, last + 1) < 0)
			return NULL;
		s[0] = (char)toupper((unsigned char)s[0]);
		return s;
	}
	return strndup(p, n);
}

static int
must_add(struct builder *b, char ***list, size_t *n, const char *const *from, size_t from_i,
    size_t to)
{
	char *s = choose_from(&b->c, from, from_i, to, b->subs);

	if (s == NULL)
		return b->c.oom ? B_OOM : B_REFUSED;
	return strlist_push(list, n, s) == 0 ? B_OK : B_OOM;
}

static int
must_add_all(struct builder *b, char ***list, size_t *n, const char *const *from)
{
	return must_add(b, list, n, from, 0, wording_count(from));
}

static char *
next_cue(struct builder *b)
{
	char *s;

	for (size_t i = 0; i < b->ncues; i++) {
		size_t k = b->cues[(b->next_cue + i) % b->ncues];

		if ((s = choose_line(&b->c, coach_cues[k], b->subs)) != NULL) {
			b->next_cue = (b->next_cue + i + 1) % b->ncues;
			return s;
		}
	}
	return NULL;
}

/* Adds the shareable points, cleaned of contacts, after a lead-in; when the
 * guard lets none through they are left out and the caller says so. */
static int
add_note(struct builder *b)
{
	size_t order[8], n = wording_count(coach_note_intro);
	char *note, *s = NULL;

	if (b->in->shareable == NULL || b->in->shareable[0] == '\0')
		return B_OK;
	if ((note = text_contacts_scrub(b->in->shareable)) == NULL)
		return B_OOM;
	if (n > 8)
		n = 8;
	chooser_permute(&b->c, order, n);
	for (size_t i = 0; i < n && s == NULL && !b->c.oom; i++) {
		const char *intro = coach_note_intro[order[i]];
		char *line = malloc(strlen(intro) + strlen(note) + 8);

		if (line == NULL) {
			free(note);
			return B_OOM;
		}
		sprintf(line, "%s \"%s\"", intro, note);
		/* Not filled: braces in the note are the note's own. */
		if ((s = strdup(line)) == NULL)
			b->c.oom = 1;
		else if (b->c.check != NULL && b->c.check(b->c.arg, s) != 0) {
			free(s);
			s = NULL;
		}
		free(line);
	}
	free(note);
	if (b->c.oom)
		return B_OOM;
	if (s == NULL) {
		b->s->note_left_out = 1;
		return B_OK;
	}
	return strlist_push(&b->s->shared, &b->s->nshared, s) == 0 ? B_OK : B_OOM;
}

static int
build_opening(struct builder *b)
{
	int rc;

	if ((rc = must_add_all(b, &b->s->opening, &b->s->nopening, coach_openings)) != B_OK)
		return rc;
	return must_add_all(b, &b->s->opening, &b->s->nopening, coach_decision);
}

static int
build_shared(struct builder *b)
{
	const struct coach_input *in = b->in;
	size_t nshared = 0;
	int rc;

	for (size_t i = 0; i < in->nareas; i++)
		nshared += in->areas[i].visibility == VIS_SHAREABLE;
	if (nshared == 0 && (in->shareable == NULL || in->shareable[0] == '\0'))
		return must_add_all(b, &b->s->shared, &b->s->nshared, coach_nothing_shared);
	if ((rc = must_add_all(b, &b->s->shared, &b->s->nshared, coach_shared_intro)) != B_OK)
		return rc;
	for (size_t i = 0; i < in->nareas; i++) {
		const struct coach_area *a = &coach_areas[in->areas[i].area];
		size_t n = 0;

		if (in->areas[i].visibility != VIS_SHAREABLE)
			continue;
		while (n < COACH_BANK_SHARED && a->shared[n] != NULL)
			n++;
		if ((rc = must_add(b, &b->s->shared, &b->s->nshared, a->shared, 0, n)) != B_OK)
			return rc;
	}
	return add_note(b);
}

static void
probe_clear(struct coach_probe *p)
{
	free(p->question);
	for (size_t j = 0; j < p->nfollow; j++)
		free(p->follow_ups[j]);
	free(p->cue);
	memset(p, 0, sizeof(*p));
}

/* Fills P with a question of area A that the guard lets through, with
 * COACH_FOLLOW_UPS follow-ups and a cue; B_REFUSED if none has them. */
static int
build_probe(struct builder *b, const struct coach_area *a, struct coach_probe *p)
{
	size_t order[COACH_BANK_QUESTIONS], forder[COACH_BANK_FOLLOW_UPS], n = 0, nf, i, j;

	while (n < COACH_BANK_QUESTIONS && a->questions[n].question != NULL)
		n++;
	chooser_permute(&b->c, order, n);
	for (i = 0; i < n; i++) {
		const struct coach_question *q = &a->questions[order[i]];

		memset(p, 0, sizeof(*p));
		for (nf = 0; nf < COACH_BANK_FOLLOW_UPS && q->follow_ups[nf] != NULL; nf++)
			;
		chooser_permute(&b->c, forder, nf);
		if ((p->question = choose_line(&b->c, q->question, b->subs)) != NULL) {
			for (j = 0; j < nf && p->nfollow < COACH_FOLLOW_UPS; j++) {
				char *f = choose_line(&b->c, q->follow_ups[forder[j]], b->subs);

				if (f != NULL)
					p->follow_ups[p->nfollow++] = f;
			}
			p->cue = next_cue(b);
		}
		if (b->c.oom) {
			probe_clear(p);
			return B_OOM;
		}
		if (p->question != NULL && p->nfollow == COACH_FOLLOW_UPS && p->cue != NULL) {
			p->area = a->slug;
			return B_OK;
		}
		probe_clear(p);
	}
	return B_REFUSED;
}

/* Draws the set of areas to ask about and builds a question for each; a
 * set where some area has no safe wording is drawn again (the same for a
 * real area and a cover, so it says nothing about which is which), and
 * after COACH_SET_TRIES sets the script is refused. */
#define COACH_SET_TRIES 16

static int
build_probes(struct builder *b)
{
	const struct coach_input *in = b->in;
	unsigned char conf[FB_AREA_COUNT], picked[FB_AREA_COUNT];
	unsigned w[FB_AREA_COUNT];
	size_t target, nconf = 0, order[FB_AREA_COUNT], i;
	int rc = B_REFUSED;

	memset(conf, 0, sizeof(conf));
	for (i = 0; i < FB_AREA_COUNT; i++)
		w[i] = coach_cover_weights[i];
	for (i = 0; i < in->nareas; i++) {
		if (in->areas[i].visibility == VIS_SHAREABLE)
			w[in->areas[i].area] = 0;
		else if (!conf[in->areas[i].area]) {
			conf[in->areas[i].area] = 1;
			nconf++;
		}
	}
	target = in->nprobes ? in->nprobes : COACH_PROBES;
	if (target < nconf)
		target = nconf;
	if ((b->s->probes = calloc(target, sizeof(*b->s->probes))) == NULL)
		return B_OOM;
	for (int t = 0; t < COACH_SET_TRIES && rc == B_REFUSED; t++) {
		size_t n = 0, want = cover_pick(&b->c, w, FB_AREA_COUNT, conf, target, picked);

		while (b->s->nprobes > 0)
			probe_clear(&b->s->probes[--b->s->nprobes]);
		/* In a shuffled order, so that nothing tells the real areas apart. */
		chooser_permute(&b->c, order, FB_AREA_COUNT);
		rc = B_OK;
		for (i = 0; i < FB_AREA_COUNT && n < want && rc == B_OK; i++) {
			if (!picked[order[i]])
				continue;
			if ((rc = build_probe(b, &coach_areas[order[i]], &b->s->probes[n])) == B_OK)
				b->s->nprobes = ++n;
		}
	}
	if (rc != B_OK)
		return rc;
	if ((b->s->questions_intro = choose_from(&b->c, coach_questions_intro, 0,
	    wording_count(coach_questions_intro), b->subs)) == NULL)
		return b->c.oom ? B_OOM : B_REFUSED;
	return B_OK;
}

/* Next steps in the bank's groups, one line of each. */
static const size_t next_groups[] = { 0, 3, 6, 8, 10 };

static int
build_next_steps(struct builder *b)
{
	size_t ngroups = sizeof(next_groups) / sizeof(next_groups[0]) - 1;
	size_t n = wording_count(coach_next_steps);
	int rc;

	for (size_t g = 0; g < ngroups; g++) {
		size_t to = next_groups[g + 1] < n ? next_groups[g + 1] : n;

		if (next_groups[g] < to && (rc = must_add(b, &b->s->next_steps, &b->s->nnext,
		    coach_next_steps, next_groups[g], to)) != B_OK)
			return rc;
	}
	return B_OK;
}

static int
build_guardrails(struct builder *b)
{
	for (size_t i = 0; coach_guardrails[i] != NULL; i++) {
		char *s = choose_line(&b->c, coach_guardrails[i], b->subs);

		if (s == NULL)
			return b->c.oom ? B_OOM : B_REFUSED;
		if (strlist_push(&b->s->guardrails, &b->s->nguardrails, s) != 0)
			return B_OOM;
	}
	return B_OK;
}

struct coach *
coach_build(const struct coach_input *in, uint64_t seed, wording_check_fn check, void *arg,
    struct terr *err)
{
	struct builder b;
	char *role = NULL;
	int rc = B_OOM;

	memset(&b, 0, sizeof(b));
	if ((b.s = calloc(1, sizeof(*b.s))) == NULL ||
	    (b.s->first = coach_first_name(in->candidate ? in->candidate : "")) == NULL)
		goto out;
	if (in->role != NULL && asprintf(&role, "the %s role", in->role) < 0) {
		role = NULL;
		goto out;
	}
	b.s->feedback = in->feedback;
	b.s->seed = seed;
	b.in = in;
	b.subs[0] = "first";
	b.subs[1] = b.s->first;
	b.subs[2] = "client";
	b.subs[3] = in->client ? in->client : "the client";
	b.subs[4] = "role";
	b.subs[5] = role ? role : "the role";
	b.subs[6] = NULL;
	chooser_init(&b.c, seed, check, arg);
	b.ncues = wording_count(coach_cues);
	if (b.ncues > sizeof(b.cues) / sizeof(b.cues[0]))
		b.ncues = sizeof(b.cues) / sizeof(b.cues[0]);
	chooser_permute(&b.c, b.cues, b.ncues);
	if ((rc = build_opening(&b)) == B_OK && (rc = build_shared(&b)) == B_OK &&
	    (rc = build_probes(&b)) == B_OK && (rc = build_next_steps(&b)) == B_OK)
		rc = build_guardrails(&b);
	if (rc == B_OK && b.c.oom)
		rc = B_OOM;
out:
	free(role);
	if (rc != B_OK) {
		if (rc == B_OOM)
			terr_set(err, EX_OSERR, "out of memory");
		else
			terr_set(err, EX_DATAERR, "coaching script would disclose confidential "
			    "content; no safe wording left for a whole script");
		coach_free(b.s);
		return NULL;
	}
	return b.s;
}

void
coach_free(struct coach *s)
{
	if (s == NULL)
		return;
	free(s->first);
	strlist_free(s->opening, s->nopening);
	strlist_free(s->shared, s->nshared);
	free(s->questions_intro);
	for (size_t i = 0; i < s->nprobes; i++)
		probe_clear(&s->probes[i]);
	free(s->probes);
	strlist_free(s->next_steps, s->nnext);
	strlist_free(s->guardrails, s->nguardrails);
	free(s);
}

static void
write_list(FILE *out, int md, char **list, size_t n, const char *lead, const char *indent)
{
	for (size_t i = 0; i < n; i++)
		wording_wrap(out, md ? "- " : lead, md ? "  " : indent, list[i], md ? 100000 : 78);
}

void
coach_write(const struct coach *s, enum coach_format fmt, FILE *out)
{
	int md = fmt == COACH_MARKDOWN;

	if (md)
		fprintf(out, "# Coaching call, feedback %lld\n\n## Opening\n\n", s->feedback);
	else
		fprintf(out, "COACHING CALL - feedback %lld\n\nOPENING\n", s->feedback);
	write_list(out, md, s->opening, s->nopening, "  ", "  ");
	fputs(md ? "\n## What the client shared\n\n" : "\nWHAT THE CLIENT SHARED\n", out);
	write_list(out, md, s->shared, s->nshared, "  ", "  ");
	fputs(md ? "\n## Questions\n\n" : "\nQUESTIONS\n", out);
	wording_wrap(out, md ? "" : "  ", md ? "" : "  ", s->questions_intro, md ? 100000 : 78);
	fputc('\n', out);
	for (size_t i = 0; i < s->nprobes; i++) {
		const struct coach_probe *p = &s->probes[i];
		char lead[32];

		snprintf(lead, sizeof(lead), md ? "%zu. " : "  %zu. ", i + 1);
		wording_wrap(out, lead, md ? "   " : "     ", p->question, md ? 100000 : 78);
		for (size_t j = 0; j < p->nfollow; j++)
			wording_wrap(out, md ? "   - " : "      - ", md ? "     " : "        ",
			    p->follow_ups[j], md ? 100000 : 78);
		wording_wrap(out, md ? "   - *Listen:* " : "      Listen: ", md ? "     " : "        ",
		    p->cue, md ? 100000 : 78);
		if (md || i + 1 < s->nprobes)
			fputc('\n', out);
	}
	fputs(md ? "## Next steps\n\n" : "\nNEXT STEPS\n", out);
	write_list(out, md, s->next_steps, s->nnext, "  ", "  ");
	fputs(md ? "\n## Guardrails (recruiter only)\n\n" : "\nGUARDRAILS (recruiter only)\n", out);
	write_list(out, md, s->guardrails, s->nguardrails, "  - ", "    ");
	fprintf(out, md ? "\n*Script %llu: --seed %llu gives this script again.*\n" :
	    "\n(script %llu: --seed %llu gives this script again)\n",
	    (unsigned long long)s->seed, (unsigned long long)s->seed);
}
