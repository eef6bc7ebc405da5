/*
 * check_feedback.c - unit tests for a client's feedback on a candidate
 * (core/records/feedback*.c, core/confidential/feedback_note.c, the guard's
 * feedback constructor), the set of areas cover_pick() chooses, and the
 * coaching and call scripts (core/scripts/coach.c, ask.c).
 *
 * The "store" cases get a fresh vault each; sealed columns are tampered
 * with through the vault's own SQLite handle to check that they fail closed.
 * The cover cases check the one property the coach's discretion rests on:
 * with real areas drawn by the weights, each probed area is about as often
 * the real one as any other.
 */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/taxonomy.h"
#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "core/confidential/guard.h"
#include "core/records/feedback.h"
#include "core/records/identity.h"
#include "core/records/jsonl.h"
#include "core/records/keyslots.h"
#include "core/records/turndown.h"
#include "core/scripts/coach.h"
#include "core/scripts/coach_bank.h"
#include "core/scripts/cover.h"
#include "core/store/engine.h"
#include "fixture.h"
#include "suites.h"

static char tmpdir[PATH_MAX];
static char vpath[PATH_MAX + 16];
static struct secret *pass;
static struct vault *v;

static void
setup(void)
{
	struct terr err = { 0 };

	fixture_mkdir(tmpdir, sizeof(tmpdir), "feedback");
	snprintf(vpath, sizeof(vpath), "%s/vault.db", tmpdir);
	pass = fixture_secret(tmpdir, "pw", "pass one");
	v = vault_init(vpath, pass, TC_KDF_INTERACTIVE, &err);
	ck_assert_msg(v != NULL, "vault_init: %s", err.msg);
}

static void
teardown(void)
{
	vault_close(v);
	v = NULL;
	secret_free(pass);
	pass = NULL;
	fixture_rmtree(tmpdir);
}

/* Fills FB with a record of CANDIDATE at Acme Health. */
static void
sample(struct feedback *fb, const char *candidate)
{
	struct terr err = { 0 };

	feedback_init(fb);
	ck_assert_int_eq(turndown_set_text(&fb->candidate, "c", candidate, strlen(candidate), 200,
	    0, &err), 0);
	ck_assert_int_eq(turndown_set_text(&fb->client, "c", "Acme Health", 11, 200, 0, &err), 0);
	ck_assert_int_eq(feedback_add_area(fb, "accomplishments", &err), 0);
	ck_assert_int_eq(feedback_add_area(fb, "communication:confidential", &err), 0);
	ck_assert_int_eq(feedback_set_stage(fb, "final", &err), 0);
	ck_assert_int_eq(feedback_set_from(fb, "Ann Lee:hiring-manager", &err), 0);
	fb->shareable = strdup("More numbers behind the results.");
	fb->confidential = strdup("Talked over Bob Quellmann twice.");
	ck_assert_int_eq(feedback_validate(fb, &err), 0);
}

static long long
store(struct feedback *fb)
{
	struct terr err = { 0 };
	struct td_writer *w;
	int nc, ncl;

	ck_assert_int_eq(vault_begin(v, &err), 0);
	w = td_writer_new(v, &err);
	ck_assert_ptr_nonnull(w);
	ck_assert_msg(feedback_put(w, fb, 0, &nc, &ncl, &err) == 0, "put: %s", err.msg);
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	return fb->id;
}

/* ---- input ----------------------------------------------------------------- */

START_TEST(test_areas_and_input)
{
	struct feedback fb;
	struct terr err = { 0 };

	feedback_init(&fb);
	ck_assert_int_eq(feedback_area_find("culture-add"), 5);
	ck_assert_int_eq(feedback_area_find("culture"), -1);
	ck_assert_int_eq(feedback_add_area(&fb, "comunication", &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "did you mean 'communication'"));
	terr_clear(&err);
	ck_assert_int_eq(feedback_add_area(&fb, "motivation:secret", &err), -1);
	terr_clear(&err);
	/* Given twice, the more careful visibility wins. */
	ck_assert_int_eq(feedback_add_area(&fb, "motivation", &err), 0);
	ck_assert_int_eq(feedback_add_area(&fb, "motivation:confidential", &err), 0);
	ck_assert_int_eq((int)fb.nareas, 1);
	ck_assert_int_eq(fb.areas[0].visibility, VIS_CONFIDENTIAL);
	ck_assert_int_eq(feedback_set_stage(&fb, "onsite", &err), -1);
	terr_clear(&err);
	ck_assert_int_eq(feedback_set_from(&fb, "Ann Lee", &err), -1);
	terr_clear(&err);
	ck_assert_int_eq(feedback_set_from(&fb, "Ann Lee:boss", &err), -1);
	terr_clear(&err);
	ck_assert_int_eq(feedback_validate(&fb, &err), -1);
	ck_assert_int_eq(err.code, EX_USAGE);
	feedback_clear(&fb);
	for (int i = 0; i < FB_AREA_COUNT; i++)
		ck_assert_msg(strcmp(coach_areas[i].slug, feedback_areas[i].slug) == 0,
		    "the coach bank is out of step at %d", i);
}
END_TEST

START_TEST(test_jsonl_kinds)
{
	struct turndown td;
	struct feedback fb;
	enum jsonl_kind kind;
	struct terr err = { 0 };
	const char *line = "{\"kind\": \"feedback\", \"candidate\": \"A\", \"client\": \"B\", "
	    "\"areas\": [\"other:confidential\", {\"area\": \"preparation\"}], \"from\": "
	    "{\"name\": \"Cy\", \"role\": \"hr\"}, \"stage\": \"screen\"}";
	const char *plain = "{\"candidate\": \"A\", \"client\": \"B\", \"reasons\": [\"equity\"]}";
	json_t *j;

	memset(&td, 0, sizeof(td));
	feedback_init(&fb);
	ck_assert_msg(jsonl_parse_record(line, strlen(line), &td, &fb, &kind, &err) == 0, "%s",
	    err.msg);
	ck_assert_int_eq(kind, JSONL_FEEDBACK);
	ck_assert_int_eq((int)fb.nareas, 2);
	ck_assert_int_eq(fb.stage, FB_STAGE_SCREEN);
	ck_assert_str_eq(fb.from, "Cy");
	/* Written back for export, the confidential parts stay out unless asked. */
	j = feedback_to_json(&fb, 0);
	ck_assert_int_eq((int)json_array_size(json_object_get(j, "areas")), 1);
	ck_assert_ptr_null(json_object_get(j, "from"));
	ck_assert(json_is_true(json_object_get(j, "confidential_omitted")));
	json_decref(j);
	j = feedback_to_json(&fb, 1);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "from"), "role")),
	    "hr");
	json_decref(j);
	feedback_clear(&fb);
	ck_assert_int_eq(jsonl_parse_record(plain, strlen(plain), &td, &fb, &kind, &err), 0);
	ck_assert_int_eq(kind, JSONL_TURNDOWN);
	turndown_clear(&td);
	ck_assert_int_eq(jsonl_parse_record("{\"kind\": \"x\"}", 13, &td, &fb, &kind, &err), -1);
	turndown_clear(&td);
	feedback_clear(&fb);
}
END_TEST

/* ---- the vault ------------------------------------------------------------- */

START_TEST(test_round_trip)
{
	struct feedback fb, got;
	struct terr err = { 0 };
	long long id;

	sample(&fb, "Jane Roe");
	id = store(&fb);
	feedback_init(&got);
	ck_assert_msg(feedback_load(v, id, FB_ALL_OPEN, &got, &err) == 0, "%s", err.msg);
	ck_assert_str_eq(got.candidate, "Jane Roe");
	ck_assert_str_eq(got.client, "Acme Health");
	ck_assert_str_eq(got.from, "Ann Lee");
	ck_assert_int_eq(got.stage, FB_STAGE_FINAL);
	ck_assert_int_eq((int)got.nareas, 2);
	ck_assert_str_eq(got.shareable, "More numbers behind the results.");
	ck_assert_ptr_null(got.confidential);
	ck_assert_int_eq(confidential_feedback_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "Talked over Bob Quellmann twice.");
	feedback_clear(&got);
	feedback_clear(&fb);
}
END_TEST

START_TEST(test_moved_parts_fail)
{
	struct feedback a, b, got;
	struct terr err = { 0 };
	long long ia, ib;

	sample(&a, "Jane Roe");
	sample(&b, "Sam Poe");
	ia = store(&a);
	ib = store(&b);
	/* The confidential note of one candidate's row, copied into another's. */
	ck_assert_int_eq(engine_exec(v, "UPDATE feedback SET confidential = (SELECT confidential "
	    "FROM feedback WHERE id = 1) WHERE id = 2", &err), 0);
	feedback_init(&got);
	ck_assert_int_eq(feedback_load(v, ib, FB_ALL_OPEN, &got, &err), 0);
	ck_assert_int_eq(confidential_feedback_load(v, &got, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	feedback_clear(&got);
	/* A turndown's subkey does not open a feedback note, nor the reverse:
	 * the signals of row 1 in row 2 fail, and row 1 still reads. */
	terr_clear(&err);
	ck_assert_int_eq(engine_exec(v, "UPDATE feedback SET signals = (SELECT signals FROM "
	    "feedback WHERE id = 1) WHERE id = 2", &err), 0);
	ck_assert_int_eq(feedback_load(v, ib, FB_SIGNALS, &got, &err), -1);
	feedback_clear(&got);
	terr_clear(&err);
	ck_assert_int_eq(feedback_load(v, ia, FB_ALL_OPEN, &got, &err), 0);
	feedback_clear(&got);
	/* A date changed in clear is caught against its sealed copy. */
	ck_assert_int_eq(engine_exec(v, "UPDATE feedback SET given_date = '2001-01-01' WHERE id = 1",
	    &err), 0);
	ck_assert_int_eq(feedback_load(v, ia, FB_SIGNALS, &got, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "changed outside tact"));
	feedback_clear(&got);
	feedback_clear(&a);
	feedback_clear(&b);
}
END_TEST

START_TEST(test_update_delete_forget)
{
	struct feedback fb, got;
	struct terr err = { 0 };
	struct td_writer *w;
	long long id, cand;
	int nc, ncl, pending;

	sample(&fb, "Jane Roe");
	id = store(&fb);
	cand = fb.candidate_id;
	feedback_clear(&fb);
	/* Moved to a new candidate, keeping the note: re-sealed, still opens. */
	feedback_init(&got);
	ck_assert_int_eq(feedback_load(v, id, FB_SIGNALS | FB_SHAREABLE, &got, &err), 0);
	got.candidate = strdup("Jane Q. Roe");
	got.client = strdup("#1");
	ck_assert_int_eq(vault_begin(v, &err), 0);
	w = td_writer_new(v, &err);
	ck_assert_msg(feedback_update(w, &got, 1, &nc, &ncl, &err) == 0, "%s", err.msg);
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	ck_assert_int_eq(nc, 1);
	ck_assert(got.candidate_id != cand);
	feedback_clear(&got);
	ck_assert_int_eq(feedback_load(v, id, FB_ALL_OPEN, &got, &err), 0);
	ck_assert_int_eq(confidential_feedback_load(v, &got, &err), 0);
	ck_assert_str_eq(got.confidential, "Talked over Bob Quellmann twice.");
	cand = got.candidate_id;
	feedback_clear(&got);
	/* Forget erases it with the candidate. */
	ck_assert_int_eq(candidate_forget(v, cand, &pending, &err), 0);
	ck_assert_int_eq(feedback_load(v, id, FB_SIGNALS, &got, &err), -1);
	ck_assert_int_eq(err.code, EX_NOINPUT);
	feedback_clear(&got);
	/* Delete: once, then there is nothing. */
	sample(&fb, "Sam Poe");
	id = store(&fb);
	feedback_clear(&fb);
	terr_clear(&err);
	ck_assert_int_eq(feedback_delete(v, id, &pending, &err), 0);
	ck_assert_int_eq(feedback_delete(v, id, &pending, &err), -1);
	ck_assert_int_eq(err.code, EX_NOINPUT);
}
END_TEST

START_TEST(test_guard)
{
	struct feedback fb, got;
	struct terr err = { 0 };
	const char *rule;
	struct guard *g;

	sample(&fb, "Jane Roe");
	store(&fb);
	feedback_init(&got);
	ck_assert_int_eq(feedback_load(v, fb.id, FB_ALL_OPEN, &got, &err), 0);
	g = guard_new_feedback(v, &got, &err);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(guard_check(g, "He talked over Bob at times.", &rule), 1);
	ck_assert_int_eq(guard_check(g, "Quellmann said so.", &rule), 1);
	ck_assert_int_eq(guard_check(g, "Ann said so.", &rule), 1);
	ck_assert_int_eq(guard_check(g, "Thank you, Jane, for your time at Acme Health.", &rule),
	    0);
	ck_assert_int_eq(guard_check(g, "Bring more numbers behind the results.", &rule), 0);
	guard_free(g);
	feedback_clear(&got);
	feedback_clear(&fb);
}
END_TEST

/* ---- the set of probed areas ---------------------------------------------- */

START_TEST(test_cover_pick_shape)
{
	struct chooser c;
	unsigned w[11] = { 6, 8, 16, 7, 14, 15, 10, 7, 8, 5, 4 };
	unsigned char must[11] = { 0 }, picked[11];
	size_t n, got;

	chooser_init(&c, 7, NULL, NULL);
	must[9] = must[10] = 1;         /* the two lightest areas */
	for (int t = 0; t < 2000; t++) {
		n = cover_pick(&c, w, 11, must, 5, picked);
		ck_assert_int_eq((int)n, 5);
		got = 0;
		for (int a = 0; a < 11; a++)
			got += picked[a];
		ck_assert_int_eq((int)got, 5);
		ck_assert(picked[9] && picked[10]);
	}
	/* More real areas than probes: all of them and nothing else. */
	memset(must, 0, sizeof(must));
	memset(must, 1, 7);
	ck_assert_int_eq((int)cover_pick(&c, w, 11, must, 5, picked), 7);
	for (int a = 0; a < 11; a++)
		ck_assert_int_eq(picked[a], a < 7);
	/* A zero weight is never a cover. */
	memset(must, 0, sizeof(must));
	w[2] = 0;
	for (int t = 0; t < 500; t++) {
		cover_pick(&c, w, 11, must, 5, picked);
		ck_assert(!picked[2]);
	}
}
END_TEST

START_TEST(test_cover_pick_uniform_posterior)
{
	/* One real area drawn by the weights; count, per area, how often it is
	 * probed and how often it is the real one.  Every probed area must be
	 * the real one about 1/5 of the times it is probed. */
	unsigned w[11] = { 6, 8, 16, 7, 14, 15, 10, 7, 8, 5, 4 };
	unsigned char must[11], picked[11];
	long probed[11] = { 0 }, real[11] = { 0 };
	struct chooser c;
	const int trials = 60000;

	chooser_init(&c, 11, NULL, NULL);
	for (int t = 0; t < trials; t++) {
		unsigned long x = (unsigned long)chooser_below(&c, 100);
		int r = 0;

		while (x >= w[r])
			x -= w[r++];
		memset(must, 0, sizeof(must));
		must[r] = 1;
		cover_pick(&c, w, 11, must, 5, picked);
		for (int a = 0; a < 11; a++)
			probed[a] += picked[a];
		real[r]++;
	}
	for (int a = 0; a < 11; a++) {
		double share = (double)real[a] / (double)probed[a];

		ck_assert_msg(share > 0.17 && share < 0.23, "area %d is the real one %.3f of the "
		    "times it is probed", a, share);
	}
}
END_TEST

/* ---- the scripts ----------------------------------------------------------- */

static int
refuse_word(void *arg, const char *text)
{
	return strstr(text, (const char *)arg) != NULL;
}

START_TEST(test_coach_script)
{
	struct fb_area areas[3] = { { 1, VIS_SHAREABLE }, { 2, VIS_CONFIDENTIAL },
		{ 9, VIS_CONFIDENTIAL } };
	struct coach_input in;
	struct terr err = { 0 };
	struct coach *s, *t;
	int seen[FB_AREA_COUNT] = { 0 };

	memset(&in, 0, sizeof(in));
	in.feedback = 4;
	in.candidate = "Dr. Priya Okafor";
	in.client = "Acme Health";
	in.areas = areas;
	in.nareas = 3;
	in.shareable = "Write to me at ann@acme.example.";
	s = coach_build(&in, 5, NULL, NULL, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->first, "Dr. Okafor");
	ck_assert_int_eq((int)s->nprobes, COACH_PROBES);
	for (size_t i = 0; i < s->nprobes; i++) {
		seen[feedback_area_find(s->probes[i].area)]++;
		ck_assert_int_eq((int)s->probes[i].nfollow, COACH_FOLLOW_UPS);
		ck_assert(s->probes[i].question[strlen(s->probes[i].question) - 1] == '?');
	}
	ck_assert_int_eq(seen[2], 1);
	ck_assert_int_eq(seen[9], 1);
	ck_assert_int_eq(seen[1], 0);           /* shared, so passed on, not asked */
	for (size_t i = 0; i < s->nshared; i++)
		ck_assert_ptr_null(strstr(s->shared[i], "ann@acme"));
	/* The same seed, the same script; a refused word is worded round. */
	t = coach_build(&in, 5, NULL, NULL, &err);
	ck_assert_str_eq(t->opening[0], s->opening[0]);
	coach_free(t);
	t = coach_build(&in, 5, refuse_word, "How do you think", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq((int)t->nprobes, COACH_PROBES);
	for (size_t i = 0; i < t->nprobes; i++)
		ck_assert_ptr_null(strstr(t->probes[i].question, "How do you think"));
	coach_free(t);
	/* Where no wording passes, no script at all. */
	ck_assert_ptr_null(coach_build(&in, 5, refuse_word, " ", &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	coach_free(s);
}
END_TEST

START_TEST(test_ask_script)
{
	struct coach_input in;
	struct terr err = { 0 };
	struct ask *a;

	memset(&in, 0, sizeof(in));
	in.client = "Acme Health";
	in.role = "Head of Data";
	in.stage = FB_STAGE_FINAL;
	a = ask_build(&in, 3, NULL, NULL, &err);
	ck_assert_ptr_nonnull(a);
	ck_assert_int_eq((int)a->nquestions, ASK_QUESTIONS);
	ck_assert_int_eq((int)a->nopening, 2);
	ck_assert_int_eq((int)a->nclosing, 2);
	for (size_t i = 0; i < a->nquestions; i++)
		ck_assert(a->questions[i][strlen(a->questions[i]) - 1] == '?');
	ask_free(a);
}
END_TEST

START_TEST(test_first_name)
{
	const char *cases[][2] = { { "Jane Roe", "Jane" }, { "Dr. Priya Okafor", "Dr. Okafor" },
		{ "prof Ada King", "Prof. King" }, { "Madonna", "Madonna" }, { "Dr.", "Dr." } };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = coach_first_name(cases[i][0]);

		ck_assert_str_eq(s, cases[i][1]);
		free(s);
	}
}
END_TEST

Suite *
make_feedback_suite(void)
{
	Suite *s = suite_create("feedback");
	TCase *in = tcase_create("input"), *st = tcase_create("store"), *sc = tcase_create("scripts");

	tcase_add_test(in, test_areas_and_input);
	tcase_add_test(in, test_jsonl_kinds);
	tcase_add_checked_fixture(st, setup, teardown);
	tcase_set_timeout(st, 60);
	tcase_add_test(st, test_round_trip);
	tcase_add_test(st, test_moved_parts_fail);
	tcase_add_test(st, test_update_delete_forget);
	tcase_add_test(st, test_guard);
	tcase_add_test(sc, test_cover_pick_shape);
	tcase_add_test(sc, test_cover_pick_uniform_posterior);
	tcase_add_test(sc, test_coach_script);
	tcase_add_test(sc, test_ask_script);
	tcase_add_test(sc, test_first_name);
	suite_add_tcase(s, in);
	suite_add_tcase(s, st);
	suite_add_tcase(s, sc);
	return s;
}
