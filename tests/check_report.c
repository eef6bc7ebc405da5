/*
 * check_report.c - unit tests for core/report.c (counting, suppression,
 * median, quotes, formats), core/scrub.c (what quotes lose) and
 * core/envelope.c (CMS for one certificate).
 *
 * Reports are fed synthetic turndowns, as the vault iterator would hand
 * them over (ordered by candidate), so every number is known exactly.
 * Every format is read back with a real parser: jansson for JSON, libcsv
 * for CSV.  The envelope is opened again with OpenSSL's own CMS_decrypt.
 */
#include <check.h>
#include <csv.h>
#include <ftw.h>
#include <jansson.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/report/cms.h"
#include "core/report/report.h"
#include "core/report/scrub.h"
#include "fixture.h"
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
	ck_assert_int_eq(report_shown(r, taxonomy_find("equity")), 0);
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
	ck_assert_ptr_null(json_reason(j, "equity"));
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

/* ---- scrubbing ---------------------------------------------------------------- */

static void
scrubs_to(const char *in, const char *const *names, size_t n, const char *want)
{
	char *got = scrub_text(in, names, n);

	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strcmp(got, want) == 0, "scrub(\"%s\")\n got \"%s\"\nwant \"%s\"", in, got,
	    want);
	free(got);
}

START_TEST(test_scrub_known_names)
{
	const char *const names[] = { "Ann-Marie O'Neill", "Bob Jones" };

	scrubs_to("Bob Jones was rude; bob never called.", names, 2,
	    "[name] was rude; [name] never called.");
	scrubs_to("She said ann-marie's manager was fine.", names, 2,
	    "She said [name]'s manager was fine.");
	scrubs_to("the o'neill family moved", names, 2, "the [name] family moved");
	scrubs_to("Loved meeting Bob Jones's team.", names, 2, "Loved meeting [name]'s team.");
	scrubs_to("jones and JONES", names, 2, "[name] and [name]");
}
END_TEST

START_TEST(test_scrub_names_beyond_ascii)
{
	const char *const names[] = { "ZOË MÜLLER", "Ærin Łukasz-Øberg", "Σοφία Νικολάου",
		"Дмитрий Иванов" };

	scrubs_to("spoke to zoë müller and zoë.", names, 4, "spoke to [name] and [name].");
	scrubs_to("then ærin, łukasz and øberg", names, 4, "then [name], [name] and [name]");
	scrubs_to("met σοφία and дмитрий иванов", names, 4, "met [name] and [name]");
}
END_TEST

START_TEST(test_scrub_capitalised_words)
{
	scrubs_to("The team at Northwind was great, but Karen Smith in finance was slow.", NULL,
	    0, "The team at [name] was great, but [name] in finance was slow.");
	scrubs_to("Karen was great. Compensation was low.", NULL, 0,
	    "[name] was great. Compensation was low.");
	scrubs_to("I think the CEO and HR were fine, and I'm happy.", NULL, 0,
	    "I think the CEO and HR were fine, and I'm happy.");
	scrubs_to("Met Dr. McAllister and Élodie Brunet.", NULL, 0,
	    "Met [name]. [name] and [name].");
	scrubs_to("Worked with O'Brien and de Vries in R&D.", NULL, 0,
	    "Worked with [name] and de [name] in R&D.");
	scrubs_to("Don't know. It's fine.", NULL, 0, "Don't know. It's fine.");
}
END_TEST

START_TEST(test_scrub_emails_and_phones)
{
	scrubs_to("mail ann.smith+jobs@example.co.uk or BOB@Example.com.", NULL, 0,
	    "mail [email] or [email].");
	scrubs_to("call +44 20 7946 0958 now", NULL, 0, "call [phone] now");
	scrubs_to("call (555) 123-4567 now", NULL, 0, "call [phone] now");
	scrubs_to("call 555-123-4567 now", NULL, 0, "call [phone] now");
	scrubs_to("call 07700 900123 now", NULL, 0, "call [phone] now");
	scrubs_to("call 555.123.4567 now", NULL, 0, "call [phone] now");
	scrubs_to("call +1-555-123-4567.", NULL, 0, "call [phone].");
	scrubs_to("(tel: 5551234567)", NULL, 0, "(tel: [phone])");
	scrubs_to("a 10-15% raise in 2026, 3 rounds, 120,000 base", NULL, 0,
	    "a 10-15% raise in 2026, 3 rounds, 120,000 base");
}
END_TEST

START_TEST(test_scrub_dates_links_handles)
{
	scrubs_to("offer on 2026-01-19, declined 19/01/2026", NULL, 0,
	    "offer on [date], declined [date]");
	scrubs_to("started on Monday, 3 March and left March 21st.", NULL, 0,
	    "started on [date] and left [date].");
	scrubs_to("see https://linkedin.com/in/someone, or linkedin.com/in/x.", NULL, 0,
	    "see [link], or [link].");
	scrubs_to("ping @zedq on chat", NULL, 0, "ping [name] on chat");
	scrubs_to("mid 2026-01 is fine", NULL, 0, "mid 2026-01 is fine");
}
END_TEST

START_TEST(test_scrub_collapses_and_keeps_text)
{
	scrubs_to("Mary Ann Jane Smith said hi", NULL, 0, "[name] said hi");
	scrubs_to("", NULL, 0, "");
	scrubs_to("line one\r\nThe end\rthe very end", NULL, 0,
	    "line one\nThe end\nthe very end");
	scrubs_to("naïve café, über-cool", NULL, 0, "naïve café, über-cool");
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
	char cells[16][2][32];
	int field, rows;
};

static void
csv_cell(void *s, size_t len, void *arg)
{
	struct csv_rows *c = arg;

	if (c->rows < 16 && c->field < 2)
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
	ck_assert_int_eq(c.rows, 4);
	ck_assert_str_eq(c.cells[0][0], "category");
	ck_assert_str_eq(c.cells[0][1], "count");
	ck_assert_str_eq(c.cells[1][0], "compensation");
	ck_assert_str_eq(c.cells[1][1], "8");
	ck_assert_str_eq(c.cells[2][0], "process");
	ck_assert_str_eq(c.cells[2][1], "6");
	ck_assert_str_eq(c.cells[3][0], "hr");
	ck_assert_str_eq(c.cells[3][1], "<3");
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
	ck_assert_ptr_nonnull(strstr(t, "\nhr                    <3\n"));
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
	ck_assert_uint_eq(json_array_size(reasons), 3);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reasons, 0),
	    "category")), "compensation");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reasons, 1),
	    "category")), "equity");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reasons, 2),
	    "category")), "hr");
	json_decref(j);
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

/* ---- envelope ------------------------------------------------------------------ */

static char tmpdir[PATH_MAX];

static void
env_setup(void)
{
	fixture_mkdir(tmpdir, sizeof(tmpdir), "report");
}

static void
env_teardown(void)
{
	fixture_rmtree(tmpdir);
}

/* Writes a self-signed certificate for KEY into PATH. */
static void
write_cert(EVP_PKEY *key, const char *path, long valid_from, long valid_days)
{
	X509 *x = X509_new();
	X509_NAME *name;
	FILE *f;

	ck_assert_ptr_nonnull(x);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), valid_from);
	X509_gmtime_adj(X509_getm_notAfter(x), valid_days * 86400L);
	X509_set_pubkey(x, key);
	name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"client", -1,
	    -1, 0);
	X509_set_issuer_name(x, name);
	ck_assert_int_gt(X509_sign(x, key, EVP_sha256()), 0);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(PEM_write_X509(f, x), 1);
	fclose(f);
	X509_free(x);
}

/* Seals TEXT for the certificate at CERT and opens it again with KEY. */
static void
round_trip(EVP_PKEY *key, const char *cert, enum envelope_cipher cipher, const char *text)
{
	struct envelope *env;
	struct terr err = { 0 };
	char *buf = NULL, *plain = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	BIO *in, *out;
	CMS_ContentInfo *cms;
	long n;

	env = envelope_new(cert, &err);
	ck_assert_msg(env != NULL, "envelope_new: %s", err.msg);
	ck_assert_int_eq(envelope_seal(env, cipher, text, strlen(text), f, &err), 0);
	fclose(f);
	envelope_free(env);
	ck_assert_ptr_nonnull(strstr(buf, "MIME-Version: 1.0"));
	ck_assert_ptr_null(strstr(buf, text));
	in = BIO_new_mem_buf(buf, (int)len);
	cms = SMIME_read_CMS(in, NULL);
	ck_assert_ptr_nonnull(cms);
	out = BIO_new(BIO_s_mem());
	ck_assert_int_eq(CMS_decrypt(cms, key, NULL, NULL, out, CMS_BINARY), 1);
	n = BIO_get_mem_data(out, &plain);
	ck_assert_int_eq(n, (long)strlen(text));
	ck_assert_int_eq(memcmp(plain, text, (size_t)n), 0);
	BIO_free(out);
	BIO_free(in);
	CMS_ContentInfo_free(cms);
	free(buf);
}

START_TEST(test_envelope_rsa_and_ec)
{
	char path[PATH_MAX + 64];
	EVP_PKEY *rsa = EVP_RSA_gen(2048), *ec = EVP_EC_gen("P-256");

	ck_assert_ptr_nonnull(rsa);
	ck_assert_ptr_nonnull(ec);
	snprintf(path, sizeof(path), "%s/rsa.pem", tmpdir);
	write_cert(rsa, path, 0, 2);
	round_trip(rsa, path, ENVELOPE_AES256_GCM, "category,count\r\ncompensation,8\r\n");
	round_trip(rsa, path, ENVELOPE_AES256_CBC, "category,count\r\ncompensation,8\r\n");
	snprintf(path, sizeof(path), "%s/ec.pem", tmpdir);
	write_cert(ec, path, 0, 2);
	round_trip(ec, path, ENVELOPE_AES256_GCM, "{\"turndowns\": 8}\n");
	round_trip(ec, path, ENVELOPE_AES256_CBC, "{\"turndowns\": 8}\n");
	EVP_PKEY_free(rsa);
	EVP_PKEY_free(ec);
}
END_TEST

START_TEST(test_envelope_refuses)
{
	char path[PATH_MAX + 64];
	struct terr err = { 0 };
	EVP_PKEY *rsa = EVP_RSA_gen(2048);
	FILE *f;

	snprintf(path, sizeof(path), "%s/missing.pem", tmpdir);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_NOINPUT);

	terr_clear(&err);
	snprintf(path, sizeof(path), "%s/key.pem", tmpdir);
	f = fopen(path, "w");
	PEM_write_PrivateKey(f, rsa, NULL, NULL, 0, NULL, NULL);
	fclose(f);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not a PEM X.509 certificate"));

	terr_clear(&err);
	snprintf(path, sizeof(path), "%s/old.pem", tmpdir);
	write_cert(rsa, path, -10 * 86400L, -1);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "expired"));
	EVP_PKEY_free(rsa);
}
END_TEST

Suite *
make_report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *counts = tcase_create("counts");
	TCase *median = tcase_create("median");
	TCase *quotes = tcase_create("quotes");
	TCase *scrub = tcase_create("scrub");
	TCase *formats = tcase_create("formats");
	TCase *envelope = tcase_create("envelope");

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
	tcase_add_test(scrub, test_scrub_known_names);
	tcase_add_test(scrub, test_scrub_names_beyond_ascii);
	tcase_add_test(scrub, test_scrub_capitalised_words);
	tcase_add_test(scrub, test_scrub_emails_and_phones);
	tcase_add_test(scrub, test_scrub_dates_links_handles);
	tcase_add_test(scrub, test_scrub_collapses_and_keeps_text);
	tcase_add_test(formats, test_format_csv);
	tcase_add_test(formats, test_format_json_scope);
	tcase_add_test(formats, test_format_text_and_markdown);
	tcase_add_test(formats, test_suppressed_rows_last_in_taxonomy_order);
	tcase_add_test(formats, test_report_month);
	tcase_add_test(envelope, test_envelope_rsa_and_ec);
	tcase_add_test(envelope, test_envelope_refuses);
	tcase_add_checked_fixture(envelope, env_setup, env_teardown);
	tcase_set_timeout(envelope, 60);
	suite_add_tcase(s, counts);
	suite_add_tcase(s, median);
	suite_add_tcase(s, quotes);
	suite_add_tcase(s, scrub);
	suite_add_tcase(s, formats);
	suite_add_tcase(s, envelope);
	return s;
}
