/*
 * check_debrief.c - unit tests for the leak guard (core/guard.c) and the
 * debrief builder (core/debrief.c).
 *
 * The guard is built from texts with guard_from_text() and asked about
 * crafted lines: three-word runs of the confidential note (in another case,
 * with other punctuation, with apostrophes kept or dropped), runs the
 * shareable note also holds, names of people seen negatively, neutrally or
 * positively, and names found only in the confidential note.  Inputs that
 * have crashed the guard are run in a child process, so that a crash fails
 * that one test and not the whole runner (CK_FORK=no under ASan).
 *
 * The builder is driven with check callbacks of our own: one that refuses
 * everything, one that accepts everything (and records what it saw), one
 * that refuses any line holding a given word.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/text/contacts.h"
#include "core/scripts/debrief_bank.h"
#include "core/scripts/decline_notes.h"
#include "core/scripts/decline_notes_bank.h"
#include "core/scripts/debrief.h"
#include "core/confidential/guard.h"
#include "suites.h"

Suite *make_debrief_suite(void);

/* ---- helpers -------------------------------------------------------------- */

#define P(n, r, i) { (char *)(n), (r), (i) }

/* Roles, by index into person_role_names[]. */
enum { R_HM = 0, R_HR = 1, R_EXEC = 2, R_INT = 3, R_PEER = 4, R_OTHER = 5 };

/* The guard a test is using, freed by the fixture even when the test fails
 * (so that a failure under CK_FORK=no is not also reported as a leak). */
static struct guard *cur;

static void
guard_teardown(void)
{
	guard_free(cur);
	cur = NULL;
}

/* Returns a new guard for the texts, replacing (and freeing) the test's
 * previous one; the fixture frees the last. */
static struct guard *
make_guard(const char *conf, const char *share, const struct person *met, size_t nmet)
{
	struct terr err = { 0 };

	guard_free(cur);
	cur = guard_from_text(conf, share, met, nmet, &err);
	ck_assert_msg(cur != NULL, "guard_from_text failed: %s", err.msg);
	return cur;
}

/* 1 if the guard refuses TEXT, 0 if it lets it through. */
static int
fires(const struct guard *g, const char *text)
{
	const char *rule = NULL;
	int r = guard_check(g, text, &rule);

	if (r)
		ck_assert_msg(rule != NULL && rule[0] != '\0', "no rule named for '%s'", text);
	return r != 0;
}

#define ck_fires(g, text) ck_assert_msg(fires((g), (text)), "guard let through: %s", (text))
#define ck_passes(g, text) ck_assert_msg(!fires((g), (text)), "guard refused: %s", (text))

/* In a child process: builds a guard and exits 1 if it refuses TEXT, 0 if
 * not, 3 if it could not be built. */
static void
child_check(const char *conf, const char *share, const struct person *met, size_t nmet,
    const char *text)
{
	struct terr err = { 0 };
	struct guard *g;
	const char *rule;
	int r;

	/* A crash report would only repeat what the failure says. */
	if (freopen("/dev/null", "w", stderr) == NULL)
		_exit(4);
	if ((g = guard_from_text(conf, share, met, nmet, &err)) == NULL)
		_exit(3);
	r = guard_check(g, text, &rule);
	guard_free(g);
	_exit(r ? 1 : 0);
}

/* Builds a guard and checks TEXT in a child process.  Returns 1 if the guard
 * refused it, 0 if it let it through, -1 if the child crashed (or ASan
 * stopped it), so that a crash is a plain test failure. */
static int
fires_isolated(const char *conf, const char *share, const struct person *met, size_t nmet,
    const char *text)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		child_check(conf, share, met, nmet, text);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
		return -1;
	return WEXITSTATUS(status);
}

/* ---- the guard: runs of words -------------------------------------------- */

START_TEST(test_guard_run_fires)
{
	struct guard *g = make_guard("Frankly the HR partner, Bob, was rude to her.", "", NULL, 0);

	ck_fires(g, "HR partner, Bob");
	ck_fires(g, "hr partner bob");
	ck_fires(g, "Ask the Hr-Partner (bob) about it?");
	ck_fires(g, "HR\npartner...BOB");
	ck_fires(g, "was rude to");
	/* Two words of a run, or the words out of order, are fine. */
	ck_passes(g, "HR partner");
	ck_passes(g, "partner and the HR");
	ck_passes(g, "What would you change next time?");
}
END_TEST

START_TEST(test_guard_run_in_shareable)
{
	struct guard *g = make_guard("She felt the whole process dragged on for months.",
	    "She said the whole process was long.", NULL, 0);

	ck_passes(g, "How did the whole process feel from your side?");
	ck_passes(g, "THE WHOLE PROCESS");
	ck_fires(g, "whole process dragged");
	ck_fires(g, "dragged on for months");
}
END_TEST

START_TEST(test_guard_run_empty_notes)
{
	struct guard *g = make_guard("", "", NULL, 0);

	ck_passes(g, "Anything at all can be said here.");
	ck_passes(g, "");
	g = make_guard(NULL, NULL, NULL, 0);
	ck_passes(g, "Still nothing to hide.");
}
END_TEST

START_TEST(test_guard_apostrophes)
{
	struct guard *g = make_guard("Honestly she didn't like the panel at all.", "", NULL, 0);

	ck_fires(g, "didn't like the");
	ck_fires(g, "didnt like the");
	ck_fires(g, "didn t like the");
	ck_fires(g, "DIDN'T LIKE THE");

	g = make_guard("Honestly she didnt like the panel at all.", "", NULL, 0);
	ck_fires(g, "didn't like the");
	ck_fires(g, "didnt like the");
}
END_TEST

/* U+2019 is how most phones and word processors write an apostrophe. */
START_TEST(test_guard_curly_apostrophe)
{
	static const char *const what[] = { "crashed", "let it through", "refused it" };
	int r;

	r = fires_isolated("Honestly she didn\u2019t like the panel.", "", NULL, 0,
	    "didn't like the");
	ck_assert_msg(r == 1, "curly apostrophe in the confidential note: "
	    "\"didn't like the\": guard %s", what[r + 1]);
	r = fires_isolated("Honestly she didn't like the panel.", "", NULL, 0,
	    "They didn\u2019t like the");
	ck_assert_msg(r == 1, "curly apostrophe in the checked text: guard %s", what[r + 1]);
	r = fires_isolated("Nothing to see.", "She\u2019s grateful for your time.", NULL, 0,
	    "Thank you for calling");
	ck_assert_msg(r == 0, "curly apostrophe in the shareable note: guard %s", what[r + 1]);
	r = fires_isolated("The partner, Ciar\u00e1n O\u2019Sullivan, was cold.", "", NULL, 0,
	    "Ask O'Sullivan?");
	ck_assert_msg(r == 1, "name with a curly apostrophe: guard %s", what[r + 1]);
}
END_TEST

/* Words are separated by punctuation whatever its encoding: an em dash, a
 * no-break space, curly quotes or an ellipsis ignored as "punctuation". */
START_TEST(test_guard_unicode_punctuation)
{
	struct guard *g = make_guard("I hated the process\u2014the hiring manager\u2014and "
	    "\u201cyour team\u201d came\u00a0across as bored\u2026 the other offer won.",
	    "", NULL, 0);

	ck_assert_msg(fires(g, "What did the hiring manager say?"),
	    "em dash: 'the hiring manager' let through");
	ck_assert_msg(fires(g, "you and your team"), "curly quotes: 'and your team' let through");
	ck_assert_msg(fires(g, "The team came across well."),
	    "no-break space: 'team came across' let through");
	ck_assert_msg(fires(g, "across as bored"), "ellipsis: 'across as bored' let through");
}
END_TEST

/* ---- the guard: names ----------------------------------------------------- */

static const struct person people4[] = {
	P("Will Grant", R_EXEC, IMP_NEGATIVE),
	P("Hope Mills", R_HR, IMP_NEUTRAL),
	P("Zo\u00eb Brandt", R_HM, IMP_POSITIVE),
	P("Jos\u00e9 \u00c1lvarez", R_PEER, IMP_NEGATIVE),
};

START_TEST(test_guard_negative_names)
{
	struct guard *g = make_guard("Will Grant ran the panel and Hope Mills sat in. "
	    "Zo\u00eb Brandt was kind.", "", people4, 4);

	ck_fires(g, "Please pass this on to Will Grant.");
	ck_fires(g, "WILL GRANT");
	ck_fires(g, "Grant was there.");
	ck_fires(g, "Talk to Will about it.");
	ck_fires(g, "Hope Mills");
	ck_fires(g, "Mills said so.");
	ck_fires(g, "Jos\u00e9 \u00c1lvarez");
	ck_fires(g, "ask \u00c1lvarez");
	ck_fires(g, "Jos\u00e9 might know");
	/* A common word that is only a first name is fine in lower case. */
	ck_passes(g, "What will you change next time?");
}
END_TEST

START_TEST(test_guard_positive_names)
{
	struct guard *g = make_guard("I think Zo\u00eb Brandt was the best of them; "
	    "Will Grant was not.", "", people4, 4);

	ck_passes(g, "Zo\u00eb Brandt (hiring manager) left a very good impression.");
	ck_passes(g, "Brandt stood out.");
	ck_fires(g, "and Will Grant too");
}
END_TEST

START_TEST(test_guard_confidential_only_names)
{
	struct guard *g = make_guard("The panel was fine, but Marguerite from finance was "
	    "dismissive. Okonjo said nothing.", "We met the finance team.", NULL, 0);

	ck_fires(g, "Ask Marguerite what she thought?");
	ck_fires(g, "ask marguerite");
	ck_fires(g, "How did Okonjo see it?");
	/* Capitalised words that the shareable note also has are not names. */
	ck_passes(g, "How did the Finance team see it?");
	ck_passes(g, "The panel: what did you think?");
}
END_TEST

/* A name entered in capitals must still match when written normally. */
START_TEST(test_guard_non_ascii_case)
{
	static const struct person caps[] = { P("ZO\u00cb M\u00dcLLER", R_OTHER, IMP_NEUTRAL) };
	struct guard *g = make_guard("", "", caps, 1);

	ck_assert_msg(fires(g, "Zo\u00eb M\u00fcller in payroll was helpful."),
	    "neutral person 'ZO\u00cb M\u00dcLLER' let through as 'Zo\u00eb M\u00fcller'");
}
END_TEST

/* ---- the builder ---------------------------------------------------------- */

static int
refuse_all(void *arg, const char *text)
{
	(void)arg;
	(void)text;
	return 1;
}

/* Accepts everything and remembers every line it was asked about. */
struct seen {
	char **lines;
	size_t n;
};

static int
accept_all(void *arg, const char *text)
{
	struct seen *s = arg;

	if (s != NULL) {
		s->lines = realloc(s->lines, (s->n + 1) * sizeof(*s->lines));
		ck_assert_ptr_nonnull(s->lines);
		s->lines[s->n] = strdup(text);
		ck_assert_ptr_nonnull(s->lines[s->n]);
		s->n++;
	}
	return 0;
}

static void
seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
	s->lines = NULL;
	s->n = 0;
}

static int
seen_has(const struct seen *s, const char *text)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->lines[i], text) == 0)
			return 1;
	return 0;
}

/* Refuses any line holding the word in ARG (case-insensitive substring). */
static int
refuse_word(void *arg, const char *text)
{
	return strcasestr(text, (const char *)arg) != NULL;
}

static int
slug_index(const char *slug)
{
	int c = taxonomy_find(slug);

	ck_assert_msg(c >= 0, "unknown slug %s", slug);
	return c;
}

/* Fills IN with the reasons named in SPECS ("slug:c" or "slug:s"). */
static void
input(struct debrief_input *in, struct reason *reasons, const char *const *specs)
{
	size_t n = 0;

	memset(in, 0, sizeof(*in));
	for (; specs[n] != NULL; n++) {
		char slug[64];
		const char *colon = strchr(specs[n], ':');

		ck_assert_ptr_nonnull(colon);
		snprintf(slug, sizeof(slug), "%.*s", (int)(colon - specs[n]), specs[n]);
		reasons[n].category = slug_index(slug);
		reasons[n].visibility = colon[1] == 'c' ? VIS_CONFIDENTIAL : VIS_SHAREABLE;
	}
	in->turndown = 42;
	in->candidate = "Dana Whitfield";
	in->reasons = reasons;
	in->nreasons = n;
	in->shareable = "Her current employer made a strong offer to keep her.";
}

/* Calls FN on every string of D. */
static void
each_string(const struct debrief *d, void (*fn)(const char *, void *), void *arg)
{
	size_t i, j;

	for (i = 0; i < d->nopening; i++)
		fn(d->opening[i], arg);
	for (i = 0; i < d->nprobes; i++) {
		fn(d->probes[i].question, arg);
		for (j = 0; j < d->probes[i].nfollow; j++)
			fn(d->probes[i].follow_ups[j], arg);
		fn(d->probes[i].cue, arg);
	}
	fn(d->people.question, arg);
	for (j = 0; j < d->people.nfollow; j++)
		fn(d->people.follow_ups[j], arg);
	fn(d->people.cue, arg);
	for (i = 0; i < d->nclosing; i++)
		fn(d->closing[i], arg);
	for (i = 0; i < d->nguardrails; i++)
		fn(d->guardrails[i], arg);
}

static void
check_shape(const struct debrief *d, const struct debrief_input *in)
{
	size_t i, j;

	size_t nconf = 0, nshare = 0, want;

	ck_assert_int_eq(d->turndown, in->turndown);
	for (i = 0; i < in->nreasons; i++) {
		nconf += in->reasons[i].visibility == VIS_CONFIDENTIAL;
		nshare += in->reasons[i].visibility == VIS_SHAREABLE;
	}
	/* A fixed number of probes, more only when the confidential areas are more. */
	want = in->nprobes ? in->nprobes : DEBRIEF_PROBES;
	if (nconf > want)
		want = nconf;
	ck_assert_msg(d->nprobes == want, "%zu probes with %zu confidential reasons, want %zu",
	    d->nprobes, nconf, want);
	/* The opening: greeting, the decision, appreciation, a lead and each shareable reason,
	 * the general line, the note, the way into the questions. */
	ck_assert_uint_eq(d->nopening, 5 + (nshare ? 1 + nshare : 0) + (in->shareable &&
	    *in->shareable && !d->note_left_out));
	/* One guardrail and one closing line of each group, in every script. */
	for (want = 0; bank_guardrails[want] != NULL; want++)
		;
	ck_assert_uint_eq(d->nguardrails, want);
	for (want = 0; bank_closings[want] != NULL; want++)
		;
	ck_assert_uint_eq(d->nclosing, want);
	/* The question about people, in every script. */
	ck_assert_str_eq(d->people.area, "people");
	ck_assert_uint_eq(d->people.nfollow, DEBRIEF_FOLLOW_UPS);
	ck_assert_ptr_nonnull(d->people.cue);
	for (i = 0; i < d->nprobes; i++) {
		const struct debrief_probe *p = &d->probes[i];
		size_t ql;

		ck_assert_ptr_nonnull(p->area);
		ck_assert_msg(taxonomy_find(p->area) >= 0, "probe area '%s' is no slug", p->area);
		ck_assert_ptr_nonnull(p->question);
		ql = strlen(p->question);
		ck_assert_msg(ql > 0 && p->question[ql - 1] == '?',
		    "question does not end with '?': %s", p->question);
		ck_assert_msg(p->nfollow == DEBRIEF_FOLLOW_UPS, "probe %s has %zu follow-ups",
		    p->area, p->nfollow);
		ck_assert_uint_le(p->nfollow, DEBRIEF_MAX_FOLLOW_UPS);
		for (j = 0; j < p->nfollow; j++)
			ck_assert_msg(p->follow_ups[j] != NULL && p->follow_ups[j][0] != '\0',
			    "empty follow-up in %s", p->area);
		ck_assert_ptr_nonnull(p->cue);
		for (j = 0; j < i; j++)
			ck_assert_msg(strcmp(d->probes[j].area, p->area) != 0,
			    "area %s probed twice", p->area);
	}
	/* Every confidential reason's area is probed. */
	for (i = 0; i < in->nreasons; i++) {
		const char *slug = taxonomy[in->reasons[i].category].slug;
		int found = 0;

		if (in->reasons[i].visibility != VIS_CONFIDENTIAL)
			continue;
		for (j = 0; j < d->nprobes && !found; j++)
			found = strcmp(d->probes[j].area, slug) == 0;
		ck_assert_msg(found, "confidential area %s is not probed", slug);
	}
	ck_assert_uint_ge(d->nopening, 1);
	ck_assert_uint_ge(d->nclosing, 1);
	ck_assert_uint_ge(d->nguardrails, 1);
}

static int
same_list(char *const *a, size_t na, char *const *b, size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return 1;
}

/* 1 if A and B hold the same strings in the same places. */
static int
same_script(const struct debrief *a, const struct debrief *b)
{
	if (!same_list(a->opening, a->nopening, b->opening, b->nopening) ||
	    !same_list(a->closing, a->nclosing, b->closing, b->nclosing) ||
	    !same_list(a->guardrails, a->nguardrails, b->guardrails, b->nguardrails) ||
	    a->nprobes != b->nprobes)
		return 0;
	for (size_t i = 0; i < a->nprobes; i++) {
		const struct debrief_probe *p = &a->probes[i], *q = &b->probes[i];

		if (strcmp(p->area, q->area) != 0 || strcmp(p->question, q->question) != 0 ||
		    strcmp(p->cue, q->cue) != 0 ||
		    !same_list(p->follow_ups, p->nfollow, q->follow_ups, q->nfollow))
			return 0;
	}
	return 1;
}

START_TEST(test_build_refuse_all)
{
	static const char *const specs[] = { "hr:c", "compensation:s", NULL };
	struct reason reasons[4];
	struct debrief_input in;
	struct terr err = { 0 };
	struct debrief *d;

	input(&in, reasons, specs);
	d = debrief_build(&in, 1, refuse_all, NULL, &err);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "disclose") != NULL, "message: %s", err.msg);
}
END_TEST

START_TEST(test_build_refuse_all_no_confidential)
{
	static const char *const specs[] = { "family:s", NULL };
	struct reason reasons[4];
	struct debrief_input in;
	struct terr err = { 0 };

	input(&in, reasons, specs);
	ck_assert_ptr_null(debrief_build(&in, 9, refuse_all, NULL, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
}
END_TEST

START_TEST(test_build_accept_all)
{
	static const char *const specs[] = { "hr:c", "culture:c", "compensation:s",
		"hiring-manager:c", NULL };
	struct reason reasons[8];
	struct debrief_input in;
	struct terr err = { 0 };
	struct seen seen = { 0 };
	struct debrief *d;

	input(&in, reasons, specs);
	d = debrief_build(&in, 7, accept_all, &seen, &err);
	ck_assert_msg(d != NULL, "debrief_build: %s", err.msg);
	check_shape(d, &in);
	/* Every line of the script was put to the check first. */
	for (size_t i = 0; i < d->nopening; i++)
		ck_assert_msg(seen_has(&seen, d->opening[i]), "unchecked: %s", d->opening[i]);
	for (size_t i = 0; i < d->nprobes; i++) {
		ck_assert_msg(seen_has(&seen, d->probes[i].question), "unchecked: %s",
		    d->probes[i].question);
		for (size_t j = 0; j < d->probes[i].nfollow; j++)
			ck_assert_msg(seen_has(&seen, d->probes[i].follow_ups[j]), "unchecked: %s",
			    d->probes[i].follow_ups[j]);
		ck_assert_msg(seen_has(&seen, d->probes[i].cue), "unchecked: %s", d->probes[i].cue);
	}
	for (size_t i = 0; i < d->nclosing; i++)
		ck_assert_msg(seen_has(&seen, d->closing[i]), "unchecked: %s", d->closing[i]);
	for (size_t i = 0; i < d->nguardrails; i++)
		ck_assert_msg(seen_has(&seen, d->guardrails[i]), "unchecked: %s", d->guardrails[i]);
	debrief_free(d);
	seen_free(&seen);
}
END_TEST

/* Every input shape: none, one, many or all categories confidential. */
START_TEST(test_build_shapes)
{
	static const char *const none[] = { "better-fit:s", "title:s", NULL };
	static const char *const one[] = { "process:c", NULL };
	static const char *const many[] = { "title:c", "scope:c", "growth:c", "equity:s",
		"workload:c", "leadership:c", "process:c", "team:c", "culture:c", "hr:c",
		"stability:c", "reputation:c", "schedule:c", NULL };
	static const char *const all[] = { "compensation:c", "equity:c", "benefits:c",
		"title:c", "scope:c", "growth:c", "better-fit:c", "counteroffer:c",
		"relocation:c", "commute:c", "remote:c", "family:c", "partner-career:c",
		"schedule:c", "workload:c", "culture:c", "hiring-manager:c", "team:c",
		"leadership:c", "hr:c", "process:c", "stability:c", "reputation:c", "other:c",
		NULL };
	static const char *const *const sets[] = { none, one, many, all };
	struct reason reasons[TAXONOMY_COUNT];
	struct debrief_input in;

	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		for (uint64_t seed = 0; seed < 25; seed++) {
			struct terr err = { 0 };
			struct debrief *d;

			input(&in, reasons, sets[k]);
			d = debrief_build(&in, seed, accept_all, NULL, &err);
			ck_assert_msg(d != NULL, "set %zu seed %llu: %s", k,
			    (unsigned long long)seed, err.msg);
			check_shape(d, &in);
			debrief_free(d);
		}
	}
}
END_TEST

START_TEST(test_build_seed)
{
	static const char *const specs[] = { "equity:c", "stability:c", "workload:s", NULL };
	struct reason reasons[4];
	struct debrief_input in;
	struct terr err = { 0 };
	struct debrief *a, *b, *c;
	int differs = 0;

	input(&in, reasons, specs);
	a = debrief_build(&in, 1, accept_all, NULL, &err);
	b = debrief_build(&in, 1, accept_all, NULL, &err);
	c = debrief_build(&in, 2, accept_all, NULL, &err);
	ck_assert_msg(a && b && c, "debrief_build: %s", err.msg);
	ck_assert_msg(same_script(a, b), "seed 1 twice gave two scripts");
	ck_assert_msg(!same_script(a, c), "seeds 1 and 2 gave the same script");
	debrief_free(a);
	debrief_free(b);
	debrief_free(c);
	/* Over a handful of seeds, the wording varies a good deal. */
	a = debrief_build(&in, 100, accept_all, NULL, &err);
	for (uint64_t s = 101; s < 110; s++) {
		b = debrief_build(&in, s, accept_all, NULL, &err);
		ck_assert_ptr_nonnull(b);
		differs += !same_script(a, b);
		debrief_free(b);
	}
	ck_assert_int_ge(differs, 8);
	debrief_free(a);
}
END_TEST

struct absent {
	const char *word;
	size_t strings;
};

static void
assert_absent(const char *s, void *arg)
{
	struct absent *a = arg;

	a->strings++;
	ck_assert_msg(strcasestr(s, a->word) == NULL, "'%s' kept in: %s", a->word, s);
}

START_TEST(test_build_refuse_word)
{
	static const char *const specs[] = { "team:c", "process:c", "benefits:s", NULL };
	static const char *const words[] = { "team", "process", "think", "candidate", "you",
		NULL };
	struct reason reasons[4];
	struct debrief_input in;

	input(&in, reasons, specs);
	for (size_t w = 0; words[w] != NULL; w++) {
		for (uint64_t seed = 0; seed < 10; seed++) {
			struct terr err = { 0 };
			struct absent a = { words[w], 0 };
			struct debrief *d = debrief_build(&in, seed, refuse_word, (void *)words[w],
			    &err);

			if (d == NULL) {
				/* Allowed only as "no safe wording". */
				ck_assert_int_eq(err.code, EX_DATAERR);
				continue;
			}
			check_shape(d, &in);
			each_string(d, assert_absent, &a);
			ck_assert_uint_gt(a.strings, 0);
			debrief_free(d);
		}
	}
	/* The bank's most common phrase: the script still exists without it. */
	{
		struct terr err = { 0 };
		struct absent a = { "do you think", 0 };
		struct debrief *d = debrief_build(&in, 3, refuse_word, (void *)"do you think",
		    &err);

		ck_assert_msg(d != NULL, "no script without 'do you think': %s", err.msg);
		each_string(d, assert_absent, &a);
		debrief_free(d);
	}
}
END_TEST

/* The builder, wired to a real guard, never keeps what the guard refuses. */
static int
guard_cb(void *arg, const char *text)
{
	const char *rule;

	return guard_check(arg, text, &rule);
}

static void
assert_guard_passes(const char *s, void *arg)
{
	const char *rule;

	ck_assert_msg(guard_check(arg, s, &rule) == 0, "kept a line the guard refuses: %s", s);
}

START_TEST(test_build_with_guard)
{
	static const char *const specs[] = { "team:c", "process:c", "benefits:s", NULL };
	static const struct person people[] = {
		P("Will Grant", R_HM, IMP_NEGATIVE),
		P("Zo\u00eb Brandt", R_HR, IMP_POSITIVE),
	};
	struct reason reasons[4];
	struct debrief_input in;
	struct guard *g = make_guard("Will Grant said your team came across as tired, the "
	    "other offer was better, and the whole process took the candidate months.",
	    "", people, 2);

	input(&in, reasons, specs);
	in.shareable = NULL;
	for (uint64_t seed = 0; seed < 40; seed++) {
		struct terr err = { 0 };
		struct debrief *d = debrief_build(&in, seed, guard_cb, g, &err);

		if (d == NULL) {
			ck_assert_int_eq(err.code, EX_DATAERR);
			continue;
		}
		check_shape(d, &in);
		each_string(d, assert_guard_passes, g);
		debrief_free(d);
	}
}
END_TEST

START_TEST(test_write_formats)
{
	static const char *const specs[] = { "relocation:c", "family:s", NULL };
	struct reason reasons[4];
	struct debrief_input in;
	struct terr err = { 0 };
	struct debrief *d;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	input(&in, reasons, specs);
	d = debrief_build(&in, 5, accept_all, NULL, &err);
	ck_assert_ptr_nonnull(d);
	for (int fmt = DEBRIEF_TEXT; fmt <= DEBRIEF_MARKDOWN; fmt++) {
		f = open_memstream(&buf, &len);
		ck_assert_ptr_nonnull(f);
		debrief_write(d, (enum debrief_format)fmt, f);
		fclose(f);
		ck_assert_uint_gt(len, 0);
		ck_assert_msg(strstr(buf, "42") != NULL, "no turndown id in the script");
		/* Each question is there, whatever the wrapping. */
		for (size_t i = 0; i < d->nprobes; i++) {
			const char *q = d->probes[i].question;
			char first[24];

			snprintf(first, sizeof(first), "%.20s", q);
			if (strchr(first, ' ') != NULL)
				*strrchr(first, ' ') = '\0';
			ck_assert_msg(strstr(buf, first) != NULL, "'%s' not in the script", first);
		}
		free(buf);
		buf = NULL;
	}
	debrief_free(d);
	debrief_free(NULL);
}
END_TEST

/* The number of probes never follows the number of confidential reasons. */
START_TEST(test_build_probe_count)
{
	static const char *const sets[][6] = {
		{ "compensation:s", NULL },
		{ "hr:c", NULL },
		{ "hr:c", "team:c", "relocation:s", NULL },
		{ "hr:c", "team:c", "leadership:c", NULL },
		{ "hr:c", "team:c", "leadership:c", "culture:c", "process:s", NULL },
		{ "hr:c", "team:c", "leadership:c", "culture:c", "stability:c", NULL },
	};
	struct reason reasons[8];
	struct debrief_input in;

	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		for (size_t want = 0; want <= DEBRIEF_PROBES_MAX; want += want ? 1 : DEBRIEF_PROBES_MIN) {
			for (uint64_t seed = 0; seed < 8; seed++) {
				struct terr err = { 0 };
				struct debrief *d;

				input(&in, reasons, sets[k]);
				in.nprobes = want;
				d = debrief_build(&in, seed, accept_all, NULL, &err);
				ck_assert_msg(d != NULL, "%s", err.msg);
				check_shape(d, &in);
				debrief_free(d);
			}
		}
	}
}
END_TEST

/* A confidential area may stand anywhere among the probes. */
START_TEST(test_build_probe_order)
{
	static const char *const specs[] = { "hr:c", "compensation:s", NULL };
	struct reason reasons[4];
	struct debrief_input in;
	size_t at[DEBRIEF_PROBES] = { 0 };

	input(&in, reasons, specs);
	for (uint64_t seed = 0; seed < 200; seed++) {
		struct terr err = { 0 };
		struct debrief *d = debrief_build(&in, seed, accept_all, NULL, &err);

		ck_assert_ptr_nonnull(d);
		for (size_t i = 0; i < d->nprobes; i++)
			if (strcmp(d->probes[i].area, "hr") == 0)
				at[i]++;
		debrief_free(d);
	}
	for (size_t i = 0; i < DEBRIEF_PROBES; i++)
		ck_assert_msg(at[i] >= 20, "the confidential area was probe %zu in %zu of 200 "
		    "scripts", i + 1, at[i]);
}
END_TEST

/* Covers are drawn from many areas, not from the real one's neighbours. */
START_TEST(test_build_covers_spread)
{
	static const char *const specs[] = { "other:c", NULL };
	struct reason reasons[2];
	struct debrief_input in;
	int seen[TAXONOMY_COUNT] = { 0 };
	size_t areas = 0;

	input(&in, reasons, specs);
	for (uint64_t seed = 0; seed < 200; seed++) {
		struct terr err = { 0 };
		struct debrief *d = debrief_build(&in, seed, accept_all, NULL, &err);

		ck_assert_ptr_nonnull(d);
		for (size_t i = 0; i < d->nprobes; i++)
			seen[taxonomy_find(d->probes[i].area)]++;
		debrief_free(d);
	}
	for (size_t i = 0; i < TAXONOMY_COUNT; i++)
		areas += seen[i] > 0;
	ck_assert_msg(areas >= 15, "covers came from only %zu areas", areas);
}
END_TEST

/* A refused wording is replaced, never dropped: every probe keeps its
 * follow-ups, whatever single word the guard refuses. */
START_TEST(test_build_refusal_replaces)
{
	static const char *const specs[] = { "team:c", "process:s", NULL };
	static const char *const words[] = { "what", "would", "think", "you", "they", NULL };
	struct reason reasons[4];
	struct debrief_input in;

	input(&in, reasons, specs);
	for (size_t w = 0; words[w] != NULL; w++) {
		for (uint64_t seed = 0; seed < 10; seed++) {
			struct terr err = { 0 };
			struct debrief *d = debrief_build(&in, seed, refuse_word, (void *)words[w], &err);

			if (d == NULL) {
				ck_assert_int_eq(err.code, EX_DATAERR);
				continue;
			}
			check_shape(d, &in);
			debrief_free(d);
		}
	}
}
END_TEST

/* The shareable note is read out without e-mail addresses, phones or links. */
START_TEST(test_build_note_contacts)
{
	static const char *const specs[] = { "relocation:s", NULL };
	struct reason reasons[2];
	struct debrief_input in;
	struct terr err = { 0 };
	struct debrief *d;
	int quoted = 0;

	input(&in, reasons, specs);
	in.shareable = "Happy to talk: dana.w@example.org, +44 20 7946 0321 or "
	    "https://example.org/dana (moving north this year).";
	d = debrief_build(&in, 3, accept_all, NULL, &err);
	ck_assert_ptr_nonnull(d);
	for (size_t i = 0; i < d->nopening; i++) {
		ck_assert_ptr_null(strstr(d->opening[i], "example.org"));
		ck_assert_ptr_null(strstr(d->opening[i], "7946"));
		if (strstr(d->opening[i], "moving north") != NULL) {
			quoted = 1;
			ck_assert_ptr_nonnull(strstr(d->opening[i], "[email]"));
			ck_assert_ptr_nonnull(strstr(d->opening[i], "[phone]"));
			ck_assert_ptr_nonnull(strstr(d->opening[i], "[link]"));
		}
	}
	ck_assert(quoted);
	debrief_free(d);
}
END_TEST

/* A note the guard refuses is left out and flagged, for the command to say
 * on stderr; the script keeps its shape. */
static int
refuse_note(void *arg, const char *text)
{
	(void)arg;
	return strstr(text, "strong offer") != NULL;
}

START_TEST(test_build_note_left_out)
{
	static const char *const specs[] = { "counteroffer:s", NULL };
	struct reason reasons[2];
	struct debrief_input in;
	struct terr err = { 0 };
	struct debrief *d;

	input(&in, reasons, specs);
	d = debrief_build(&in, 3, refuse_note, NULL, &err);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(d->note_left_out, 1);
	check_shape(d, &in);
	debrief_free(d);
}
END_TEST

START_TEST(test_contacts_scrub)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "mail me at a.b@c.org today", "mail me at [email] today" },
		{ "call +1 (555) 010-4477.", "call [phone]." },
		{ "see www.example.com/x, or http://a.b/c?d=1", "see [link], or [link]" },
		{ "on 2024-03-05 at 3pm, 2 people", "on 2024-03-05 at 3pm, 2 people" },
		{ "Jos\u00e9 wrote to jose@example.es", "Jos\u00e9 wrote to [email]" },
		{ "nothing here", "nothing here" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = text_contacts_scrub(cases[i].in);

		ck_assert_ptr_nonnull(s);
		ck_assert_str_eq(s, cases[i].out);
		free(s);
	}
}
END_TEST

/* Decline scripts and notes keep their shape when the guard refuses words:
 * as many tips, a reason line for each shareable reason and the general one,
 * two body sentences in every note. */
START_TEST(test_decline_notes_shape)
{
	static const char *const words[] = { "call", "thank", "offer", "time", "you", NULL };
	struct reason reasons[2] = { { .category = 0, .visibility = VIS_SHAREABLE },
		{ .category = 19, .visibility = VIS_CONFIDENTIAL } };
	struct decline_input in = { .turndown = 7, .candidate = "Dana Whitfield",
		.client = "Acme Health", .reasons = reasons, .nreasons = 2 };
	struct person p = P("Kofi Asante", R_PEER, IMP_NEGATIVE);

	for (size_t w = 0; words[w] != NULL; w++) {
		for (uint64_t seed = 0; seed < 10; seed++) {
			struct terr err = { 0 };
			struct decline *d = decline_build(&in, seed, refuse_word, (void *)words[w], &err);
			struct note n;

			if (d == NULL) {
				ck_assert_int_eq(err.code, EX_DATAERR);
			} else {
				ck_assert_uint_eq(d->ntips, wording_count(phr_decline_tips));
				ck_assert_uint_eq(d->nreason, 2);
				/* greeting, the candidate's thanks, the decision */
				ck_assert_uint_eq(d->nthanks, 3);
				decline_free(d);
			}
			struct note_input ni = { .candidate = in.candidate, .client = in.client,
				.person = &p };

			if (note_build(&ni, seed, refuse_word, (void *)words[w], &n, &err) == 0) {
				/* greeting, body, looking ahead, closing and signature */
				size_t paras = 1;

				for (const char *c = n.text; (c = strstr(c, "\n\n")) != NULL; c += 2)
					paras++;
				ck_assert_uint_eq(paras, 4);
				ck_assert_ptr_nonnull(strstr(n.text, "[a moment you remember]"));
				note_clear(&n);
			} else {
				ck_assert_int_eq(err.code, EX_DATAERR);
			}
		}
	}
}
END_TEST

Suite *
make_debrief_suite(void)
{
	Suite *s = suite_create("debrief");
	TCase *tc;

	tc = tcase_create("guard");
	tcase_add_checked_fixture(tc, NULL, guard_teardown);
	tcase_add_test(tc, test_guard_run_fires);
	tcase_add_test(tc, test_guard_run_in_shareable);
	tcase_add_test(tc, test_guard_run_empty_notes);
	tcase_add_test(tc, test_guard_apostrophes);
	tcase_add_test(tc, test_guard_curly_apostrophe);
	tcase_add_test(tc, test_guard_unicode_punctuation);
	tcase_add_test(tc, test_guard_negative_names);
	tcase_add_test(tc, test_guard_positive_names);
	tcase_add_test(tc, test_guard_confidential_only_names);
	tcase_add_test(tc, test_guard_non_ascii_case);
	suite_add_tcase(s, tc);

	tc = tcase_create("build");
	tcase_add_checked_fixture(tc, NULL, guard_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_build_refuse_all);
	tcase_add_test(tc, test_build_refuse_all_no_confidential);
	tcase_add_test(tc, test_build_accept_all);
	tcase_add_test(tc, test_build_shapes);
	tcase_add_test(tc, test_build_seed);
	tcase_add_test(tc, test_build_refuse_word);
	tcase_add_test(tc, test_build_with_guard);
	tcase_add_test(tc, test_build_probe_count);
	tcase_add_test(tc, test_build_probe_order);
	tcase_add_test(tc, test_build_covers_spread);
	tcase_add_test(tc, test_build_refusal_replaces);
	tcase_add_test(tc, test_build_note_contacts);
	tcase_add_test(tc, test_build_note_left_out);
	tcase_add_test(tc, test_contacts_scrub);
	tcase_add_test(tc, test_decline_notes_shape);
	tcase_add_test(tc, test_write_formats);
	suite_add_tcase(s, tc);
	return s;
}
