/*
 * check_report.c - unit tests for core/report/report.c: counting,
 * suppression, the median, quotes, the order of the rows and the formats.
 * What quotes lose is tested in check_scrub.c, the encrypted envelope in
 * check_cms.c.
 *
 * Reports are fed synthetic turndowns, as the vault iterator would hand
 * them over (ordered by candidate), so every number is known exactly.
 * Every format is read back with a real parser: jansson for JSON, libcsv
 * for CSV.
 */
#include <check.h>
#include <csv.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report/report.h"
#include "suites.h"

Suite *make_report_suite(void);

/* ---- helpers ---------------------------------------------------------------- */

static struct report_scope
scope_k(int k)
{
	struct report_scope s;

	memset(&s, 0, sizeof(s));
	s.min_group = k;
	s.seeded = 1;
	s.seed = 42;
	return s;
}

/* Fills TD as candidate CAND's turndown with the categories in CATS (NULL-
 * terminated slugs, ":c" for confidential), dates OFFER and DECLINE. */
static void
make_td(struct turndown *td, long long id, long long cand, const char *const *cats,
    const char *offer, const char *decline, int consent)
{
	memset(td, 0, sizeof(*td));
	td->id = id;
	td->candidate_id = cand;
	td->client_id = 1;
	td->consent = consent;
	if (offer != NULL)
		snprintf(td->offer_date, sizeof(td->offer_date), "%s", offer);
	snprintf(td->decline_date, sizeof(td->decline_date), "%s", decline);
	for (size_t i = 0; cats != NULL && cats[i] != NULL; i++) {
		char slug[32];
		char *colon;

		snprintf(slug, sizeof(slug), "%s", cats[i]);
		colon = strchr(slug, ':');
		if (colon != NULL)
			*colon = '\0';
		td->reasons[td->nreasons].category = taxonomy_find(slug);
		ck_assert_int_ge(td->reasons[td->nreasons].category, 0);
		td->reasons[td->nreasons].visibility = colon ? VIS_CONFIDENTIAL : VIS_SHAREABLE;
		td->nreasons++;
	}
}

static void
add(struct report *r, struct turndown *td)
{
	struct terr err = { 0 };

	ck_assert_msg(report_add(r, td, &err) == 0, "report_add: %s", err.msg);
}

/* Adds N candidates (ids FROM, FROM+1, ...) with one aggregate turndown
 * each, giving the categories CATS. */
static void
add_candidates(struct report *r, long long from, int n, const char *const *cats)
{
	struct turndown td;

	for (int i = 0; i < n; i++) {
		make_td(&td, from + i, from + i, cats, "2026-01-01", "2026-01-11", CONSENT_AGGREGATE);
		add(r, &td);
	}
}

static void
finish_ok(struct report *r)
{
	struct terr err = { 0 };

	ck_assert_msg(report_finish(r, &err) == 0, "report_finish: %s", err.msg);
}

/* Returns report R written in FMT, as a new string. */
static char *
written(const struct report *r, enum report_format fmt)
{
	struct terr err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(report_write(r, fmt, f, &err), 0);
	fclose(f);
	return buf;
}

static json_t *
as_json(const struct report *r)
{
	char *s = written(r, REPORT_JSON);
	json_error_t e;
	json_t *j = json_loads(s, 0, &e);

	ck_assert_msg(j != NULL, "JSON does not parse: %s", e.text);
	free(s);
	return j;
}

/* Returns the reasons entry for SLUG in the JSON report J, or NULL. */
static json_t *
json_reason(json_t *j, const char *slug)
{
	json_t *reasons = json_object_get(j, "reasons"), *e;
	size_t i;

	json_array_foreach(reasons, i, e)
		if (strcmp(json_string_value(json_object_get(e, "category")), slug) == 0)
			return e;
	return NULL;
}

/* ---- counting and suppression ---------------------------------------------- */

START_TEST(test_counts_distinct_candidates)
{
	struct report_scope s = scope_k(3);
	struct report *r = report_new(&s, NULL);
	struct turndown td;
	const char *const a[] = { "compensation", "hr:c", NULL };
	const char *const b[] = { "compensation", "process", NULL };
	const char *const c[] = { "process", NULL };

	/* Candidate 1 declines twice, both times for compensation: one candidate. */
	make_td(&td, 1, 1, a, "2026-01-01", "2026-01-05", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 2, 1, b, "2026-02-01", "2026-02-05", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 3, 2, a, NULL, "2026-01-05", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 4, 3, b, NULL, "2026-01-05", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 5, 4, c, NULL, "2026-01-05", CONSENT_AGGREGATE);
	add(r, &td);
	finish_ok(r);
	ck_assert_int_eq(r->turndowns, 5);
	ck_assert_int_eq(r->candidates, 4);
	ck_assert_int_eq(r->reasons[taxonomy_find("compensation")], 3);
	ck_assert_int_eq(r->reasons[taxonomy_find("process")], 3);
	ck_assert_int_eq(r->reasons[taxonomy_find("hr")], 2);     /* confidential: counted */
	ck_assert_int_eq(report_shown(r, taxonomy_find("hr")), -1);
	ck_assert_int_eq(report_shown(r, taxonomy_find("process")), 3);
	/* nobody gave it: shown as <K like any small count, never left out */
	ck_assert_int_eq(report_shown(r, taxonomy_find("equity")), -1);
	report_free(r);
}
END_TEST

START_TEST(test_consent_none_excluded)
{
	struct report_scope s = scope_k(3);
	struct report *r = report_new(&s, NULL);
	struct turndown td;
	const char *const comp[] = { "compensation", NULL };
	const char *const hr[] = { "hr", NULL };

	add_candidates(r, 1, 3, comp);
	/* Candidate 10 said no to aggregation: neither counted nor a candidate. */
	make_td(&td, 10, 10, hr, "2026-01-01", "2026-03-01", CONSENT_NONE);
	add(r, &td);
	/* Candidate 11: one turndown with consent, one without. */
	make_td(&td, 11, 11, comp, NULL, "2026-01-01", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 12, 11, hr, NULL, "2026-01-01", CONSENT_NONE);
	add(r, &td);
	finish_ok(r);
	ck_assert_int_eq(r->turndowns, 4);
	ck_assert_int_eq(r->candidates, 4);
	ck_assert_int_eq(r->reasons[taxonomy_find("compensation")], 4);
	ck_assert_int_eq(r->reasons[taxonomy_find("hr")], 0);
	report_free(r);
}
END_TEST

START_TEST(test_suppression_at_k_minus_1_and_k)
{
	struct report_scope s = scope_k(5);
	struct report *r = report_new(&s, NULL);
	const char *const both[] = { "compensation", "process", NULL };
	const char *const comp[] = { "compensation", NULL };
	json_t *j, *e;

	add_candidates(r, 1, 4, both);          /* process: 4 = K-1 */
	add_candidates(r, 5, 1, comp);          /* compensation: 5 = K */
	finish_ok(r);
	ck_assert_int_eq(report_shown(r, taxonomy_find("compensation")), 5);
	ck_assert_int_eq(report_shown(r, taxonomy_find("process")), -1);
	j = as_json(r);
	e = json_reason(j, "compensation");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(json_integer_value(json_object_get(e, "count")), 5);
	ck_assert(json_is_false(json_object_get(e, "suppressed")));
	e = json_reason(j, "process");
	ck_assert_ptr_nonnull(e);
	ck_assert(json_is_null(json_object_get(e, "count")));
	ck_assert(json_is_true(json_object_get(e, "suppressed")));
	/* a category nobody gave is listed too, suppressed like any small count */
	e = json_reason(j, "equity");
	ck_assert_ptr_nonnull(e);
	ck_assert(json_is_null(json_object_get(e, "count")));
	ck_assert(json_is_true(json_object_get(e, "suppressed")));
	ck_assert_uint_eq(json_array_size(json_object_get(j, "reasons")), TAXONOMY_COUNT);
	ck_assert_int_eq(json_integer_value(json_object_get(j, "min_group")), 5);
	ck_assert_int_eq(json_integer_value(json_object_get(j, "turndowns")), 5);
	json_decref(j);
	report_free(r);
}
END_TEST

START_TEST(test_refused_below_k)
{
	struct report_scope s = scope_k(5);
	struct report *r = report_new(&s, NULL);
	const char *const comp[] = { "compensation", NULL };
	struct turndown td;
	struct terr err = { 0 };

	add_candidates(r, 1, 4, comp);
	/* Many turndowns of one more candidate without consent change nothing. */
	for (int i = 0; i < 10; i++) {
		make_td(&td, 100 + i, 100, comp, NULL, "2026-01-01", CONSENT_NONE);
		add(r, &td);
	}
	ck_assert_int_eq(report_finish(r, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "fewer than 5"));
	report_free(r);

	s = scope_k(5);
	r = report_new(&s, NULL);
	add_candidates(r, 1, 5, comp);
	finish_ok(r);
	report_free(r);
}
END_TEST

START_TEST(test_min_group_floor)
{
	struct report_scope s = scope_k(2);
	struct terr err = { 0 };

	ck_assert_ptr_null(report_new(&s, &err));
	ck_assert_int_eq(err.code, EX_USAGE);
}
END_TEST

START_TEST(test_out_of_order)
{
	struct report_scope s = scope_k(3);
	struct report *r = report_new(&s, NULL);
	const char *const comp[] = { "compensation", NULL };
	struct turndown td;
	struct terr err = { 0 };

	make_td(&td, 1, 5, comp, NULL, "2026-01-01", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 2, 4, comp, NULL, "2026-01-01", CONSENT_AGGREGATE);
	ck_assert_int_eq(report_add(r, &td, &err), -1);
	report_free(r);
}
END_TEST

/* ---- median ------------------------------------------------------------------ */

/* Returns a report of candidates whose offers took DAYS[i] days to decline. */
static struct report *
median_report(const long *days, int n, int k)
{
	struct report_scope s = scope_k(k);
	struct report *r = report_new(&s, NULL);
	struct turndown td;
	char decline[DATE_LEN];

	for (int i = 0; i < n; i++) {
		date_add_days("2025-06-01", days[i], decline);
		make_td(&td, i + 1, i + 1, NULL, "2025-06-01", decline, CONSENT_AGGREGATE);
		add(r, &td);
	}
	finish_ok(r);
	return r;
}

START_TEST(test_median_odd)
{
	const long days[] = { 30, 2, 14, 9, 100 };
	struct report *r = median_report(days, 5, 3);
	json_t *j;

	ck_assert(r->median_known);
	ck_assert(r->median_days == 14);
	j = as_json(r);
	ck_assert(json_is_integer(json_object_get(j, "median_days_to_decline")));
	ck_assert_int_eq(json_integer_value(json_object_get(j, "median_days_to_decline")), 14);
	json_decref(j);
	report_free(r);
}
END_TEST

START_TEST(test_median_even)
{
	const long days[] = { 10, 3, 20, 7, 1, 40 };
	struct report *r = median_report(days, 6, 3);
	json_t *j;
	char *text;

	ck_assert(r->median_known);
	ck_assert(r->median_days == 8.5);       /* (7 + 10) / 2 */
	j = as_json(r);
	ck_assert(json_real_value(json_object_get(j, "median_days_to_decline")) == 8.5);
	json_decref(j);
	text = written(r, REPORT_TEXT);
	ck_assert_ptr_nonnull(strstr(text, "8.5 days"));
	free(text);
	report_free(r);
}
END_TEST

START_TEST(test_median_clamped_and_same_day)
{
	const long days[] = { 0, 0, 5000 };
	struct report *r = median_report(days, 3, 3);

	ck_assert(r->median_days == 0);
	report_free(r);
	{
		const long more[] = { 5000, 6000, 4000 };

		r = median_report(more, 3, 3);
		ck_assert(r->median_days == REPORT_DAYS_MAX);
		report_free(r);
	}
}
END_TEST

START_TEST(test_median_needs_k_candidates_with_offer_dates)
{
	struct report_scope s = scope_k(3);
	struct report *r = report_new(&s, NULL);
	struct turndown td;
	json_t *j;

	/* Five candidates, two with an offer date (one of them twice). */
	make_td(&td, 1, 1, NULL, "2026-01-01", "2026-01-02", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 2, 1, NULL, "2026-01-01", "2026-01-09", CONSENT_AGGREGATE);
	add(r, &td);
	make_td(&td, 3, 2, NULL, "2026-01-01", "2026-01-05", CONSENT_AGGREGATE);
	add(r, &td);
	for (int i = 3; i <= 5; i++) {
		make_td(&td, 10 + i, i, NULL, NULL, "2026-01-05", CONSENT_AGGREGATE);
		add(r, &td);
	}
	finish_ok(r);
	ck_assert(!r->median_known);
	j = as_json(r);
	ck_assert(json_is_null(json_object_get(j, "median_days_to_decline")));
	json_decref(j);
	report_free(r);
}
END_TEST

/* ---- quotes ------------------------------------------------------------------- */

/* Returns a finished report over N candidates at K, each with a shareable
 * note that names them and a person they met. */
static struct report *
quote_report(int n, int k, uint64_t seed)
{
	struct report_scope s = scope_k(k);
	struct report *r;
	struct turndown td;
	struct person met = { NULL, 1, IMP_NEGATIVE };
	char note[256], name[64];

	s.quotes = 1;
	s.seed = seed;
	r = report_new(&s, NULL);
	for (int i = 0; i < n; i++) {
		make_td(&td, i + 1, i + 1, NULL, NULL, "2026-01-05", CONSENT_AGGREGATE);
		snprintf(name, sizeof(name), "Zed%c Quorra", 'a' + i % 26);
		snprintf(note, sizeof(note), "note %d: Zed%c liked the team but zed%c and "
		    "Yolanda Oakshott were slow, call 555-123-4567.", i, 'a' + i % 26,
		    'a' + i % 26);
		td.shareable = note;
		td.candidate = name;
		met.name = (char *)"Yolanda Oakshott";
		td.met = &met;
		td.nmet = 1;
		add(r, &td);
	}
	finish_ok(r);
	return r;
}

START_TEST(test_quotes_threshold)
{
	struct report *r = quote_report(9, 5, 1);
	json_t *j;

	ck_assert(r->quotes_withheld);
	ck_assert_uint_eq(r->nquotes, 0);
	j = as_json(r);
	ck_assert_uint_eq(json_array_size(json_object_get(j, "quotes")), 0);
	json_decref(j);
	report_free(r);

	r = quote_report(10, 5, 1);
	ck_assert(!r->quotes_withheld);
	ck_assert_uint_eq(r->nquotes, 10);
	report_free(r);
}
END_TEST

START_TEST(test_quotes_per_candidate_not_per_note)
{
	struct report_scope s = scope_k(3);
	struct report *r;
	struct turndown td;
	char note[] = "Too slow.";

	s.quotes = 1;
	r = report_new(&s, NULL);
	/* 3 candidates, 10 notes: notes from 3 candidates are fewer than 2K = 6. */
	for (int i = 0; i < 10; i++) {
		make_td(&td, i + 1, i < 4 ? 1 : i < 7 ? 2 : 3, NULL, NULL, "2026-01-05",
		    CONSENT_AGGREGATE);
		td.shareable = note;
		add(r, &td);
	}
	finish_ok(r);
	ck_assert(r->quotes_withheld);
	report_free(r);
}
END_TEST

START_TEST(test_quotes_scrubbed_bounded_and_shuffled)
{
	struct report *r = quote_report(60, 3, 7), *r2;
	char *all[3];
	int same = 1;

	ck_assert_uint_eq(r->nquotes, REPORT_QUOTES_MAX);
	for (size_t q = 0; q < r->nquotes; q++) {
		ck_assert_ptr_null(strstr(r->quotes[q], "Zed"));
		ck_assert_ptr_null(strstr(r->quotes[q], "zed"));
		ck_assert_ptr_null(strstr(r->quotes[q], "Yolanda"));
		ck_assert_ptr_null(strstr(r->quotes[q], "Oakshott"));
		ck_assert_ptr_null(strstr(r->quotes[q], "555"));
		ck_assert_ptr_nonnull(strstr(r->quotes[q], "[phone]"));
	}
	/* The same seed gives the same report; another seed another order. */
	r2 = quote_report(60, 3, 7);
	all[0] = written(r, REPORT_JSON);
	all[1] = written(r2, REPORT_JSON);
	ck_assert_str_eq(all[0], all[1]);
	report_free(r2);
	r2 = quote_report(60, 3, 8);
	all[2] = written(r2, REPORT_JSON);
	ck_assert_str_ne(all[0], all[2]);
	report_free(r2);
	/* Not simply the first notes in input order. */
	for (size_t q = 0; q < r->nquotes; q++) {
		char want[32];

		snprintf(want, sizeof(want), "note %zu:", q);
		if (strncmp(r->quotes[q], want, strlen(want)) != 0)
			same = 0;
	}
	ck_assert(!same);
	for (int i = 0; i < 3; i++)
		free(all[i]);
	report_free(r);
}
END_TEST

/* ---- formats --------------------------------------------------------------------- */

static struct report *
format_report(void)
{
	struct report_scope s = scope_k(3);
	struct report *r;
	const char *const a[] = { "compensation", "process", NULL };
	const char *const b[] = { "compensation", "hr:c", NULL };

	s.client = "Acme, \"Health\" & Co";
	snprintf(s.since, sizeof(s.since), "2026-01");
	snprintf(s.until, sizeof(s.until), "2026-03");
	r = report_new(&s, NULL);
	add_candidates(r, 1, 6, a);
	add_candidates(r, 7, 2, b);
	finish_ok(r);
	return r;
}

struct csv_rows {
	char cells[1 + TAXONOMY_COUNT][2][32];
	int field, rows;
};

static void
csv_cell(void *s, size_t len, void *arg)
{
	struct csv_rows *c = arg;

	if (c->rows < 1 + TAXONOMY_COUNT && c->field < 2)
		snprintf(c->cells[c->rows][c->field], 32, "%.*s", (int)len, (const char *)s);
	c->field++;
}

static void
csv_row(int ch, void *arg)
{
	struct csv_rows *c = arg;

	(void)ch;
	ck_assert_int_eq(c->field, 2);
	c->field = 0;
	c->rows++;
}

START_TEST(test_format_csv)
{
	struct report *r = format_report();
	char *s = written(r, REPORT_CSV);
	struct csv_parser p;
	struct csv_rows c;

	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	ck_assert_uint_eq(csv_parse(&p, s, strlen(s), csv_cell, csv_row, &c), strlen(s));
	ck_assert_int_eq(csv_fini(&p, csv_cell, csv_row, &c), 0);
	csv_free(&p);
	ck_assert_int_eq(c.rows, 1 + TAXONOMY_COUNT);     /* every category, every time */
	ck_assert_str_eq(c.cells[0][0], "category");
	ck_assert_str_eq(c.cells[0][1], "count");
	ck_assert_str_eq(c.cells[1][0], "compensation");
	ck_assert_str_eq(c.cells[1][1], "8");
	ck_assert_str_eq(c.cells[2][0], "process");
	ck_assert_str_eq(c.cells[2][1], "6");
	ck_assert_str_eq(c.cells[3][0], "equity");      /* nobody: <3, first in taxonomy order */
	ck_assert_str_eq(c.cells[3][1], "<3");
	for (int i = 3; i <= TAXONOMY_COUNT; i++)
		ck_assert_str_eq(c.cells[i][1], "<3");
	ck_assert_int_eq(strncmp(s, "category,count\r\n", 16), 0);
	free(s);
	report_free(r);
}
END_TEST

START_TEST(test_format_json_scope)
{
	struct report *r = format_report();
	json_t *j = as_json(r), *scope = json_object_get(j, "scope");

	ck_assert_str_eq(json_string_value(json_object_get(scope, "client")),
	    "Acme, \"Health\" & Co");
	ck_assert_str_eq(json_string_value(json_object_get(scope, "since")), "2026-01");
	ck_assert_str_eq(json_string_value(json_object_get(scope, "until")), "2026-03");
	ck_assert_int_eq(json_integer_value(json_object_get(j, "turndowns")), 8);
	ck_assert(json_is_array(json_object_get(j, "quotes")));
	ck_assert_int_eq(json_integer_value(json_object_get(j, "median_days_to_decline")), 10);
	json_decref(j);
	report_free(r);
}
END_TEST

START_TEST(test_format_text_and_markdown)
{
	struct report *r = format_report();
	char *t = written(r, REPORT_TEXT), *m = written(r, REPORT_MARKDOWN);
	const char *line;

	ck_assert_ptr_nonnull(strstr(t, "2026-01 to 2026-03"));
	ck_assert_ptr_nonnull(strstr(t, "8, from 8 consenting candidates"));
	line = strstr(t, "\ncompensation ");
	ck_assert_ptr_nonnull(line);
	/* Bars: the largest count gets the full width, suppressed rows none. */
	ck_assert_ptr_nonnull(strstr(line, "########################################\n"));
	ck_assert_ptr_nonnull(strstr(t, "\nhr                      <3\n"));
	ck_assert_ptr_nonnull(strstr(t, "\nother                   <3\n"));
	ck_assert_ptr_nonnull(strstr(m, "| Reason | Candidates |"));
	ck_assert_ptr_nonnull(strstr(m, "| compensation | 8 |"));
	ck_assert_ptr_nonnull(strstr(m, "| hr | <3 |"));
	free(t);
	free(m);
	report_free(r);
}
END_TEST

START_TEST(test_suppressed_rows_last_in_taxonomy_order)
{
	struct report_scope s = scope_k(5);
	struct report *r = report_new(&s, NULL);
	const char *const hr[] = { "hr", NULL }, *const eq[] = { "equity", NULL };
	const char *const comp[] = { "compensation", NULL };
	json_t *j, *reasons;

	add_candidates(r, 1, 4, hr);            /* hr: 4, suppressed */
	add_candidates(r, 5, 1, eq);            /* equity: 1, suppressed */
	add_candidates(r, 6, 5, comp);
	finish_ok(r);
	j = as_json(r);
	reasons = json_object_get(j, "reasons");
	ck_assert_uint_eq(json_array_size(reasons), TAXONOMY_COUNT);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reasons, 0),
	    "category")), "compensation");
	/* then every other category, given or not, in taxonomy order */
	for (int i = 1, c = 0; i < TAXONOMY_COUNT; i++, c++) {
		if (c == taxonomy_find("compensation"))
			c++;
		ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reasons,
		    (size_t)i), "category")), taxonomy[c].slug);
		ck_assert(json_is_true(json_object_get(json_array_get(reasons, (size_t)i),
		    "suppressed")));
	}
	json_decref(j);
	report_free(r);
}
END_TEST

/* Returns where the row of SLUG starts in S (written in FMT), or NULL. */
static const char *
row_at(const char *s, enum report_format fmt, const char *slug)
{
	char pat[64];

	switch (fmt) {
	case REPORT_CSV:
		snprintf(pat, sizeof(pat), "\n%s,", slug);
		break;
	case REPORT_MARKDOWN:
		snprintf(pat, sizeof(pat), "\n| %s |", slug);
		break;
	default:
		snprintf(pat, sizeof(pat), "\n%s ", slug);
		break;
	}
	return strstr(s, pat);
}

/* Shown counts are ranked, largest first, whatever the taxonomy order;
 * equal counts keep the taxonomy order; suppressed rows follow, in
 * taxonomy order.  The counts are chosen so that taxonomy order, input
 * order and smallest-first would each give another order. */
START_TEST(test_rows_ranked_by_count)
{
	static const char *const want[] = {
		"other", "growth", "process", "compensation", "equity", "benefits",
	};
	static const long long counts[] = { 9, 7, 7, 4, -1, -1 };
	static const enum report_format fmts[] = { REPORT_TEXT, REPORT_MARKDOWN, REPORT_CSV };
	const char *const four[] = { "compensation", "growth", "process", "other", NULL };
	const char *const three[] = { "growth", "process", "other", NULL };
	const char *const two[] = { "hr", "other", NULL };
	const char *const one[] = { "equity", NULL };
	struct report_scope s = scope_k(3);
	struct report *r = report_new(&s, NULL);
	const size_t n = sizeof(want) / sizeof(want[0]);
	json_t *j, *reasons, *e;

	add_candidates(r, 1, 4, four);          /* compensation 4 */
	add_candidates(r, 5, 3, three);         /* growth 7, process 7 */
	add_candidates(r, 8, 2, two);           /* other 9, hr 2 (suppressed) */
	add_candidates(r, 10, 1, one);          /* equity 1 (suppressed) */
	finish_ok(r);
	j = as_json(r);
	reasons = json_object_get(j, "reasons");
	ck_assert_uint_eq(json_array_size(reasons), TAXONOMY_COUNT);
	for (size_t i = 0; i < n; i++) {
		const char *got;

		e = json_array_get(reasons, i);
		got = json_string_value(json_object_get(e, "category"));
		ck_assert_msg(got != NULL && strcmp(got, want[i]) == 0, "row %zu is '%s', want '%s'",
		    i, got ? got : "(none)", want[i]);
		if (counts[i] < 0)
			ck_assert(json_is_null(json_object_get(e, "count")));
		else
			ck_assert_int_eq(json_integer_value(json_object_get(e, "count")), counts[i]);
	}
	json_decref(j);
	/* Every other format shows the rows in the same order. */
	for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
		char *out = written(r, fmts[f]);
		const char *prev = out, *at;

		for (size_t i = 0; i < n; i++) {
			at = row_at(out, fmts[f], want[i]);
			ck_assert_msg(at != NULL, "format %d: no row '%s'", (int)fmts[f], want[i]);
			ck_assert_msg(at > prev, "format %d: '%s' comes before '%s'", (int)fmts[f],
			    want[i], i > 0 ? want[i - 1] : "the start");
			prev = at;
		}
		free(out);
	}
	report_free(r);
}
END_TEST

START_TEST(test_report_month)
{
	char m[REPORT_MONTH_LEN];
	struct terr err = { 0 };

	ck_assert_int_eq(report_month("--since", "2026-02-17", m, &err), 0);
	ck_assert_str_eq(m, "2026-02");
	ck_assert_int_eq(report_month("--since", "2026-11", m, &err), 0);
	ck_assert_str_eq(m, "2026-11");
	ck_assert_int_eq(report_month("--since", "2026-13", m, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	terr_clear(&err);
	ck_assert_int_eq(report_month("--until", "2026-02-30", m, &err), -1);
	terr_clear(&err);
	ck_assert_int_eq(report_month("--until", "yesterday", m, &err), -1);
}
END_TEST

Suite *
make_report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *counts = tcase_create("counts");
	TCase *median = tcase_create("median");
	TCase *quotes = tcase_create("quotes");
	TCase *formats = tcase_create("formats");

	tcase_add_test(counts, test_counts_distinct_candidates);
	tcase_add_test(counts, test_consent_none_excluded);
	tcase_add_test(counts, test_suppression_at_k_minus_1_and_k);
	tcase_add_test(counts, test_refused_below_k);
	tcase_add_test(counts, test_min_group_floor);
	tcase_add_test(counts, test_out_of_order);
	tcase_add_test(median, test_median_odd);
	tcase_add_test(median, test_median_even);
	tcase_add_test(median, test_median_clamped_and_same_day);
	tcase_add_test(median, test_median_needs_k_candidates_with_offer_dates);
	tcase_add_test(quotes, test_quotes_threshold);
	tcase_add_test(quotes, test_quotes_per_candidate_not_per_note);
	tcase_add_test(quotes, test_quotes_scrubbed_bounded_and_shuffled);
	tcase_add_test(formats, test_format_csv);
	tcase_add_test(formats, test_format_json_scope);
	tcase_add_test(formats, test_format_text_and_markdown);
	tcase_add_test(formats, test_suppressed_rows_last_in_taxonomy_order);
	tcase_add_test(formats, test_rows_ranked_by_count);
	tcase_add_test(formats, test_report_month);
	suite_add_tcase(s, counts);
	suite_add_tcase(s, median);
	suite_add_tcase(s, quotes);
	suite_add_tcase(s, formats);
	return s;
}
