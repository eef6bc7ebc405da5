/*
 * check_decline_notes.c - unit tests for core/scripts/decline_notes.c: the
 * decline call script (decline_build) and the thank-you notes (note_build).
 *
 * Both are driven with check callbacks of our own: one that accepts every
 * line and records it, one that refuses every line, one that refuses any
 * line holding a given word.  What the builders promise: the same seed
 * gives the same text, other seeds other wordings; every line that reaches
 * the output was put to the check first, exactly as it is printed; a line
 * the check refuses is worded again (neutral stand-ins for names), and
 * where no safe wording is left the result is an EX_DATAERR error, never a
 * script that drops a section.  Only shareable reasons are passed on.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/scripts/debrief_bank.h"
#include "core/scripts/decline_notes.h"
#include "core/scripts/decline_notes_bank.h"
#include "suites.h"

/* ---- check callbacks ---------------------------------------------------------- */

struct seen {
	char *lines[512];
	size_t n;
	const char *refuse;     /* refuse lines holding this; NULL: accept all */
	const char *const *refuse_any;  /* or any of these (NULL-terminated) */
	int refuse_all;
};

/* Whether S refuses TEXT. */
static int
refuses(const struct seen *s, const char *text)
{
	if (s->refuse_all || (s->refuse != NULL && strstr(text, s->refuse) != NULL))
		return 1;
	for (size_t i = 0; s->refuse_any != NULL && s->refuse_any[i] != NULL; i++)
		if (strstr(text, s->refuse_any[i]) != NULL)
			return 1;
	return 0;
}

/* Records TEXT and says whether it may be said. */
static int
check_line(void *arg, const char *text)
{
	struct seen *s = arg;

	if (s->n < sizeof(s->lines) / sizeof(s->lines[0]))
		ck_assert_ptr_nonnull(s->lines[s->n++] = strdup(text));
	return refuses(s, text);
}

/* Whether the check saw exactly TEXT and let it through. */
static int
was_checked(const struct seen *s, const char *text)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->lines[i], text) == 0)
			return !refuses(s, text);
	return 0;
}

static void
seen_clear(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->lines[i]);
	s->n = 0;
}

/* ---- helpers -------------------------------------------------------------------- */

static const struct reason shareable_comp[] = {
	{ 0, VIS_SHAREABLE },                   /* compensation */
	{ 19, VIS_CONFIDENTIAL },               /* hr */
};

static struct decline_input
input(const struct reason *reasons, size_t n, const char *referral)
{
	struct decline_input in;

	memset(&in, 0, sizeof(in));
	in.turndown = 42;
	in.candidate = "Zebedee Quill";
	in.client = "Quorvex Labs";
	in.reasons = reasons;
	in.nreasons = n;
	in.referral = referral;
	return in;
}

static struct decline *
built(const struct decline_input *in, uint64_t seed, struct seen *s)
{
	struct terr err = { 0 };
	struct decline *d = decline_build(in, seed, s ? check_line : NULL, s, &err);

	ck_assert_msg(d != NULL, "decline_build: %s", err.msg);
	return d;
}

/* Returns D as decline_write() prints it, as a new string. */
static char *
written(const struct decline *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	decline_write(d, SCRIPT_TEXT, f);
	ck_assert_int_eq(fclose(f), 0);
	return buf;
}

/* Fills LINES with every line of D, section by section; returns how many. */
static size_t
all_lines(const struct decline *d, const char **lines, size_t max)
{
	const struct { char **l; size_t n; } parts[] = {
		{ d->thanks, d->nthanks }, { d->reason, d->nreason }, { d->future, d->nfuture },
		{ d->offer, d->noffer }, { d->next, d->nnext }, { d->tips, d->ntips },
	};
	size_t n = 0;

	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		for (size_t i = 0; i < parts[p].n; i++) {
			ck_assert_uint_lt(n, max);
			lines[n++] = parts[p].l[i];
		}
	return n;
}

/* Whether LINE is the wording TMPL filled in: each {placeholder} stands for
 * any words, and the first letter may have been made a capital. */
static int
fills(const char *tmpl, const char *line, int first)
{
	if (*tmpl == '\0')
		return *line == '\0';
	if (*tmpl == '{') {
		const char *end = strchr(tmpl, '}');

		for (const char *l = line + 1; end != NULL && l <= line + strlen(line); l++)
			if (l > line && fills(end + 1, l, 0))
				return 1;
		return 0;
	}
	if (*tmpl != *line && !(first && *tmpl >= 'a' && *tmpl <= 'z' && *line == *tmpl - 32))
		return 0;
	return fills(tmpl + 1, line + 1, 0);
}

/* Whether LINE is one of the safe wordings of area A. */
static int
is_safe_wording(const struct bank_area *a, const char *line)
{
	for (size_t i = 0; i < bank_safe_count(a); i++)
		if (fills(a->safe[i], line, 1))
			return 1;
	return 0;
}

/* Whether LINE is one of LIST's lines. */
static int
in_list(const char *const *list, const char *line)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (fills(list[i], line, 1))
			return 1;
	return 0;
}

/* ---- the decline call ------------------------------------------------------------ */

START_TEST(test_decline_same_seed_same_script)
{
	struct decline_input in = input(shareable_comp, 2, "Ada Referral");
	struct decline *a = built(&in, 7, NULL), *b = built(&in, 7, NULL);
	char *wa = written(a), *wb = written(b);

	ck_assert_str_eq(wa, wb);
	ck_assert_ptr_nonnull(strstr(wa, "--seed 7 "));
	ck_assert_ptr_nonnull(strstr(wa, "DECLINE CALL - turndown 42\n"));
	free(wa);
	free(wb);
	decline_free(a);
	decline_free(b);
}
END_TEST

START_TEST(test_decline_seeds_vary)
{
	struct decline_input in = input(shareable_comp, 2, NULL);
	char *first[64];
	size_t nfirst = 0, nscripts = 0;
	char *scripts[40];

	for (uint64_t seed = 1; seed <= 40; seed++) {
		struct decline *d = built(&in, seed, NULL);
		char *w = written(d), *cut = strstr(w, "\n(script ");
		size_t k;

		ck_assert_ptr_nonnull(cut);
		*cut = '\0';                    /* the seed line differs anyway */
		for (k = 0; k < nscripts && strcmp(scripts[k], w) != 0; k++)
			;
		if (k == nscripts)
			scripts[nscripts++] = w;
		else
			free(w);
		for (k = 0; k < nfirst && strcmp(first[k], d->thanks[0]) != 0; k++)
			;
		if (k == nfirst)
			ck_assert_ptr_nonnull(first[nfirst++] = strdup(d->thanks[0]));
		decline_free(d);
	}
	/* 40 seeds: nearly 40 scripts, and most opening lines used. */
	ck_assert_msg(nscripts >= 30, "only %zu different scripts from 40 seeds", nscripts);
	ck_assert_msg(nfirst >= 4, "only %zu different opening lines", nfirst);
	for (size_t k = 0; k < nscripts; k++)
		free(scripts[k]);
	for (size_t k = 0; k < nfirst; k++)
		free(first[k]);
}
END_TEST

START_TEST(test_decline_every_line_checked)
{
	struct decline_input in = input(shareable_comp, 2, "Ada Referral");
	struct seen s = { .n = 0 };
	struct decline *d = built(&in, 3, &s);
	const char *lines[64];
	size_t n = all_lines(d, lines, 64);

	ck_assert_uint_ge(n, 7);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(was_checked(&s, lines[i]), "\"%s\" was never checked", lines[i]);
	decline_free(d);
	seen_clear(&s);
}
END_TEST

START_TEST(test_decline_shape)
{
	struct decline_input in = input(shareable_comp, 2, "Ada Referral");
	const struct bank_area *comp = bank_find("compensation"), *hr = bank_find("hr");
	struct decline *d = built(&in, 11, NULL);
	char *w = written(d);

	/* A greeting, the candidate's thanks, the decision said in person. */
	ck_assert_uint_eq(d->nthanks, 3);
	ck_assert(in_list(phr_decline_open, d->thanks[1]));
	ck_assert(in_list(phr_decline_decision, d->thanks[2]));
	ck_assert_ptr_nonnull(strstr(d->thanks[2], "I wanted you to hear it from me"));
	ck_assert_ptr_null(strstr(w, "Zebedee Quill"));     /* called by first name */
	/* The shareable reason, in its area's safe words, then the line that is
	 * there whatever was confidential; the confidential one nowhere. */
	ck_assert_uint_eq(d->nreason, 2);
	ck_assert(in_list(bank_no_reason, d->reason[1]));
	ck_assert_msg(is_safe_wording(comp, d->reason[0]), "\"%s\"", d->reason[0]);
	for (size_t k = 0; k < bank_safe_count(hr); k++)
		ck_assert_ptr_null(strstr(w, hr->safe[k]));
	ck_assert_uint_eq(d->nfuture, 1);
	ck_assert_uint_eq(d->noffer, 1);
	ck_assert_ptr_nonnull(strstr(d->offer[0], "Ada Referral"));
	ck_assert_uint_eq(d->nnext, 1);
	ck_assert(in_list(phr_decline_next, d->next[0]));
	/* Every tip, in the bank's order. */
	for (size_t k = 0; phr_decline_tips[k] != NULL; k++) {
		ck_assert_uint_gt(d->ntips, k);
		ck_assert_str_eq(d->tips[k], phr_decline_tips[k]);
	}
	ck_assert_ptr_null(strchr(w, '{'));
	free(w);
	decline_free(d);
}
END_TEST

START_TEST(test_decline_without_shareable_reason_or_referral)
{
	static const struct reason conf_only[] = { { 19, VIS_CONFIDENTIAL }, { 3, VIS_CONFIDENTIAL } };
	static const struct reason two[] = { { 0, VIS_SHAREABLE }, { 9, VIS_SHAREABLE } };
	struct decline_input in = input(conf_only, 2, NULL);
	struct decline *d = built(&in, 5, NULL);

	/* Nothing shareable: a line that gives no reason. */
	ck_assert_uint_eq(d->nreason, 1);
	ck_assert(in_list(bank_no_reason, d->reason[0]));
	/* No one to introduce: help with the search instead. */
	ck_assert_uint_eq(d->noffer, 1);
	ck_assert(in_list(phr_decline_help, d->offer[0]));
	decline_free(d);

	in = input(two, 2, "");
	d = built(&in, 5, NULL);
	ck_assert_uint_eq(d->nreason, 3);
	ck_assert(in_list(phr_decline_help, d->offer[0]));
	decline_free(d);
}
END_TEST

START_TEST(test_decline_refused_names_reworded)
{
	struct decline_input in = input(shareable_comp, 2, "Ada Referral");
	struct seen s = { .refuse = "Zebedee" };
	struct decline *d = built(&in, 9, &s);
	char *w = written(d);
	const char *lines[64];
	size_t n = all_lines(d, lines, 64);

	ck_assert_ptr_null(strstr(w, "Zebedee"));
	ck_assert_uint_eq(d->nthanks, 3);
	ck_assert_uint_eq(d->nfuture, 1);
	ck_assert_uint_eq(d->noffer, 1);
	ck_assert_uint_eq(d->nnext, 1);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(was_checked(&s, lines[i]), "\"%s\" was never checked", lines[i]);
	free(w);
	decline_free(d);
	seen_clear(&s);
}
END_TEST

START_TEST(test_decline_refuse_all)
{
	struct decline_input in = input(shareable_comp, 2, "Ada Referral");
	struct seen s = { .refuse_all = 1 };
	struct terr err = { 0 };

	ck_assert_ptr_null(decline_build(&in, 1, check_line, &s, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "no safe wording"));
	ck_assert_uint_gt(s.n, 0);
	seen_clear(&s);
}
END_TEST

/* Where every wording of one section is refused, there is no script: the
 * section is not dropped from it. */
START_TEST(test_decline_no_wording_left_for_a_section)
{
	/* Words of every decision line; of every next step. */
	static const char *const decision[] = { "decided", "will not be", NULL };
	static const char *const next[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
		NULL };
	static const char *const *const sections[] = { decision, next };
	struct decline_input in = input(shareable_comp, 2, NULL);

	for (size_t k = 0; k < 2; k++) {
		struct seen s = { .refuse_any = sections[k] };
		struct terr err = { 0 };
		struct decline *d = decline_build(&in, 2, check_line, &s, &err);

		ck_assert_msg(d == NULL, "section %zu: a script with %zu thanks, %zu next steps", k,
		    d ? d->nthanks : 0, d ? d->nnext : 0);
		ck_assert_int_eq(err.code, EX_DATAERR);
		ck_assert_ptr_nonnull(strstr(err.msg, "no safe wording"));
		seen_clear(&s);
	}
}
END_TEST

/* ---- thank-you notes ---------------------------------------------------------------- */

static int
longer_first(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : 0;
}

static const struct person peer = { (char *)"Wenna Trask", 4, IMP_NEGATIVE };

static void
note_ok(const struct person *p, uint64_t seed, struct seen *s, struct note *n)
{
	struct terr err = { 0 };

	struct note_input in = { .candidate = "Zebedee Quill", .client = "Quorvex Labs",
		.person = p };

	ck_assert_msg(note_build(&in, seed, s ? check_line : NULL, s, n, &err) == 0,
	    "note_build: %s", err.msg);
	ck_assert_ptr_nonnull(n->text);
}

START_TEST(test_note_same_seed_same_text)
{
	struct note a, b, c;
	int differ = 0;

	note_ok(&peer, 21, NULL, &a);
	note_ok(&peer, 21, NULL, &b);
	ck_assert_str_eq(a.text, b.text);
	ck_assert_str_eq(a.to, "Wenna Trask");
	ck_assert_str_eq(a.role, "peer");
	for (uint64_t seed = 22; seed < 32 && !differ; seed++) {
		note_ok(&peer, seed, NULL, &c);
		differ = strcmp(a.text, c.text) != 0;
		note_clear(&c);
	}
	ck_assert_msg(differ, "ten other seeds all gave the same note");
	note_clear(&a);
	note_clear(&b);
}
END_TEST

/* Every piece of a note (greeting, body sentences, sign-off, signature)
 * went through the check: taking them out of the text leaves only the
 * white space between them. */
START_TEST(test_note_every_piece_checked)
{
	const struct person *people[] = { &peer, NULL };

	for (size_t p = 0; p < 2; p++) {
		for (uint64_t seed = 1; seed <= 20; seed++) {
			struct seen s = { .n = 0 };
			struct note n;
			char *rest;

			note_ok(people[p], seed, &s, &n);
			ck_assert_ptr_nonnull(rest = strdup(n.text));
			/* Longest first: a piece may hold a shorter checked one. */
			qsort(s.lines, s.n, sizeof(s.lines[0]), longer_first);
			for (size_t i = 0; i < s.n; i++) {
				char *at = strstr(rest, s.lines[i]);

				if (at != NULL)
					memset(at, ' ', strlen(s.lines[i]));
			}
			for (char *c = rest; *c != '\0'; c++)
				ck_assert_msg(*c == ' ' || *c == '\n', "unchecked text in \"%s\": \"%s\"",
				    n.text, rest);
			free(rest);
			note_clear(&n);
			seen_clear(&s);
		}
	}
}
END_TEST

START_TEST(test_note_wording_of_the_role)
{
	const char *const *body = phr_note_body[peer.role];
	struct note n;

	for (uint64_t seed = 1; seed <= 10; seed++) {
		int lines = 0;

		note_ok(&peer, seed, NULL, &n);
		/* Greeted by first name, the decline acknowledged, a moment to fill. */
		ck_assert_ptr_nonnull(strstr(n.text, " Wenna,\n\n"));
		ck_assert_ptr_null(strstr(n.text, "Wenna Trask"));
		ck_assert_ptr_nonnull(strstr(n.text, "[a moment you remember]"));
		for (size_t i = 0; phr_note_news[i] != NULL; i++)
			lines += strstr(n.text, phr_note_news[i]) != NULL;
		ck_assert_int_eq(lines, 1);
		/* One sentence of the role's lines. */
		lines = 0;
		for (size_t i = 0; body[i] != NULL; i++) {
			char line[512], *open = strchr(body[i], '{');

			if (open != NULL) {
				/* {client} and {team} are the placeholders of a peer's lines. */
				snprintf(line, sizeof(line), "%.*s", (int)(open - body[i]), body[i]);
			} else {
				snprintf(line, sizeof(line), "%s", body[i]);
			}
			lines += strstr(n.text, line) != NULL;
		}
		ck_assert_msg(lines == 1, "seed %llu: \"%s\"", (unsigned long long)seed, n.text);
		/* Signed by the candidate. */
		ck_assert_str_eq(n.text + strlen(n.text) - strlen("\nZebedee Quill"), "\nZebedee Quill");
		ck_assert_ptr_null(strchr(n.text, '{'));
		note_clear(&n);
	}
}
END_TEST

/* The client note: addressed to the person known, signed from the config. */
START_TEST(test_note_to_the_client)
{
	struct note_input in = { .candidate = "Zebedee Quill", .client = "Quorvex Labs",
		.contact = "Dr. Ingrid Hale", .recruiter = "Jamie Morgan", .firm = "Morgan Search" };
	struct terr err = { 0 };
	struct note n;

	ck_assert_int_eq(note_build(&in, 3, NULL, NULL, &n, &err), 0);
	ck_assert_str_eq(n.to, "Dr. Ingrid Hale, Quorvex Labs");
	ck_assert_ptr_nonnull(strstr(n.text, " Dr. Hale,\n\n"));
	ck_assert_ptr_null(strstr(n.text, "team,"));
	ck_assert_str_eq(n.text + strlen(n.text) - strlen("\nJamie Morgan\nMorgan Search"),
	    "\nJamie Morgan\nMorgan Search");
	note_clear(&n);
}
END_TEST

START_TEST(test_note_refused_names)
{
	struct seen s = { .refuse = "Zebedee" };
	struct note n;

	/* The candidate's name refused: signed with a slot to fill instead. */
	note_ok(&peer, 4, &s, &n);
	ck_assert_ptr_null(strstr(n.text, "Zebedee"));
	ck_assert_str_eq(n.text + strlen(n.text) - strlen("\n[your name]"), "\n[your name]");
	note_clear(&n);
	seen_clear(&s);

	/* The recruiter's note to the client, addressed to its team ... */
	note_ok(NULL, 4, NULL, &n);
	ck_assert_str_eq(n.to, "Quorvex Labs");
	ck_assert_str_eq(n.role, "client");
	ck_assert_str_eq(n.text + strlen(n.text) - strlen("\n[your name]"), "\n[your name]");
	note_clear(&n);
	/* ... or, when the client's name may not be said, to the hiring team. */
	s.refuse = "Quorvex";
	note_ok(NULL, 4, &s, &n);
	ck_assert_str_eq(n.to, "the hiring team");
	ck_assert_ptr_null(strstr(n.text, "Quorvex"));
	note_clear(&n);
	seen_clear(&s);
}
END_TEST

START_TEST(test_note_refuse_all)
{
	struct seen s = { .refuse_all = 1 };
	struct terr err = { 0 };
	struct note n;

	struct note_input in = { .candidate = "Zebedee Quill", .client = "Quorvex Labs",
		.person = &peer };

	ck_assert_int_eq(note_build(&in, 1, check_line, &s, &n, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "no safe wording"));
	ck_assert_ptr_null(n.text);
	ck_assert_ptr_null(n.to);
	note_clear(&n);
	seen_clear(&s);
}
END_TEST

Suite *
make_decline_notes_suite(void)
{
	Suite *s = suite_create("decline_notes");
	TCase *decline = tcase_create("decline");
	TCase *notes = tcase_create("notes");

	tcase_add_test(decline, test_decline_same_seed_same_script);
	tcase_add_test(decline, test_decline_seeds_vary);
	tcase_add_test(decline, test_decline_every_line_checked);
	tcase_add_test(decline, test_decline_shape);
	tcase_add_test(decline, test_decline_without_shareable_reason_or_referral);
	tcase_add_test(decline, test_decline_refused_names_reworded);
	tcase_add_test(decline, test_decline_refuse_all);
	tcase_add_test(decline, test_decline_no_wording_left_for_a_section);
	tcase_add_test(notes, test_note_same_seed_same_text);
	tcase_add_test(notes, test_note_every_piece_checked);
	tcase_add_test(notes, test_note_wording_of_the_role);
	tcase_add_test(notes, test_note_refused_names);
	tcase_add_test(notes, test_note_to_the_client);
	tcase_add_test(notes, test_note_refuse_all);
	suite_add_tcase(s, decline);
	suite_add_tcase(s, notes);
	return s;
}
