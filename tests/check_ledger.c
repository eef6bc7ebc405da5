/*
 * check_ledger.c - unit tests for the release ledger (core/records/ledger.c,
 * core/store/ledger.c) and its use by the report (core/report/release.c).
 *
 * Turndowns go into a real vault through the writer, reports are built
 * from it as `tact report` builds them, and releases are checked and
 * recorded as it does.  Each differencing attack of the ledger's issue is a
 * test; the property test runs random sequences of logs, forgets and
 * reports and checks, against a model of its own (people and turndowns by
 * serial numbers that are never reused, unlike the vault's ids), that no two
 * releases the same recipient may hold differ by 1 to K-1 candidates.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/rng.h"
#include "core/records/identity.h"
#include "core/records/keyslots.h"
#include "core/records/ledger.h"
#include "core/records/write.h"
#include "core/report/report.h"
#include "core/store/engine.h"
#include "fixture.h"
#include "suites.h"

Suite *make_ledger_suite(void);

static char tmpdir[512], vpath[600];
static struct secret *pass;
static struct vault *v;

static void
setup(void)
{
	struct terr err = { 0 };

	fixture_mkdir(tmpdir, sizeof(tmpdir), "ledger");
	snprintf(vpath, sizeof(vpath), "%s/vault.db", tmpdir);
	pass = fixture_secret(tmpdir, "pw", "ledger test");
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

/* Logs a turndown of CANDIDATE at CLIENT declined on 2025-MONTH-10 with
 * REASON (confidential when CONF); returns its candidate's id. */
static long long
put(const char *candidate, const char *client, int month, const char *reason, int conf,
    int consent)
{
	struct turndown td = { 0 };
	struct td_writer *w;
	struct terr err = { 0 };
	int nc = 0, ncl = 0;
	long long id;

	td.candidate = strdup(candidate);
	td.client = strdup(client);
	snprintf(td.decline_date, sizeof(td.decline_date), "2025-%02d-10", month);
	ck_assert_int_eq(turndown_add_category(&td, reason, conf ? "confidential" : "shareable",
	    &err), 0);
	td.consent = consent;
	ck_assert_msg(turndown_validate(&td, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_ptr_nonnull(w = td_writer_new(v, &err));
	ck_assert_msg(record_put(w, &td, &nc, &ncl, &err) == 0, "%s", err.msg);
	td_writer_free(w);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	id = td.candidate_id;
	turndown_clear(&td);
	return id;
}

static void
forget(long long candidate)
{
	struct terr err = { 0 };
	int pending;

	ck_assert_msg(candidate_forget(v, candidate, &pending, &err) == 0, "%s", err.msg);
}

/* Runs `tact report` for CLIENT (NULL: all clients, to TO), months SINCE to
 * UNTIL (0: open) and K: returns 0 released, 65 refused by the ledger, 1 too
 * few candidates.  *OUT gets the report when released (free it). */
static int
release_k(const char *client, const char *to, int since, int until, int k, struct report **out)
{
	struct report_scope s;
	struct report *r;
	struct release rel;
	struct terr err = { 0 };
	int rc;

	memset(&s, 0, sizeof(s));
	s.min_group = k;
	s.client = client;
	if (client != NULL)
		ck_assert_int_gt(s.client_id = client_find(v, client, &err), 0);
	if (since)
		snprintf(s.since, sizeof(s.since), "2025-%02d", since);
	if (until)
		snprintf(s.until, sizeof(s.until), "2025-%02d", until);
	ck_assert_int_eq(vault_begin(v, &err), 0);
	if ((r = report_build(v, &s, &err)) == NULL) {
		vault_rollback(v);
		ck_assert_msg(err.code == EX_DATAERR && strstr(err.msg, "too few"), "%s", err.msg);
		return 1;
	}
	report_release(r, client ? client : to, REPORT_TEXT, &rel);
	if (report_check(v, r, &rel, &err) != 0) {
		vault_rollback(v);
		ck_assert_msg(err.code == EX_DATAERR && strstr(err.msg, "release #"), "%s", err.msg);
		report_free(r);
		return 65;
	}
	ck_assert_msg(report_record(v, r, &rel, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	rc = 0;
	if (out != NULL)
		*out = r;
	else
		report_free(r);
	return rc;
}

static int
release(const char *client, int since, int until)
{
	return release_k(client, NULL, since, until, 5, NULL);
}

/* Six Acme candidates, one a month from January to June. */
static void
six_at_acme(void)
{
	char name[32];

	for (int m = 1; m <= 6; m++) {
		snprintf(name, sizeof(name), "Candidate %d", m);
		put(name, "Acme Health", m, m % 2 ? "compensation" : "process", 0,
		    CONSENT_AGGREGATE);
	}
}

/* ---- the attacks -------------------------------------------------------------- */

/* One more month brings in the one candidate who declined in July. */
START_TEST(test_widen_by_one_month)
{
	six_at_acme();
	put("July Person", "Acme Health", 7, "hr", 1, CONSENT_AGGREGATE);
	ck_assert_int_eq(release("Acme Health", 1, 6), 0);
	ck_assert_int_eq(release("Acme Health", 1, 7), 65);
	/* the same scope again is the same set: allowed */
	ck_assert_int_eq(release("Acme Health", 1, 6), 0);
}
END_TEST

START_TEST(test_identical_set_identical_numbers)
{
	struct report *a = NULL, *b = NULL;

	six_at_acme();
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 6, 5, &a), 0);
	/* a wider period that counts nobody new is the same set */
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 12, 5, &b), 0);
	ck_assert_int_eq(a->turndowns, b->turndowns);
	ck_assert_int_eq(a->candidates, b->candidates);
	ck_assert_mem_eq(a->reasons, b->reasons, sizeof(a->reasons));
	report_free(a);
	report_free(b);
}
END_TEST

START_TEST(test_forget_between)
{
	six_at_acme();
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	forget(candidate_find(v, "Candidate 3", NULL));
	ck_assert_int_eq(release("Acme Health", 0, 0), 65);
}
END_TEST

/* The forgotten candidate had the highest id; the next one gets it again.
 * Same ids, same number of turndowns: only the erasure mark tells. */
START_TEST(test_forget_then_id_reused)
{
	long long gone, again;

	six_at_acme();
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	gone = candidate_find(v, "Candidate 6", NULL);
	forget(gone);
	again = put("Someone Else", "Acme Health", 6, "hr", 1, CONSENT_AGGREGATE);
	ck_assert_int_eq(again, gone);
	ck_assert_int_eq(release("Acme Health", 0, 0), 65);
}
END_TEST

START_TEST(test_one_new_turndown_same_arguments)
{
	six_at_acme();
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	/* an existing candidate declines again: same set of people, one
	 * contribution changed */
	put("Candidate 2", "Acme Health", 2, "process", 0, CONSENT_AGGREGATE);
	ck_assert_int_eq(release("Acme Health", 0, 0), 65);
}
END_TEST

START_TEST(test_new_candidate_same_arguments)
{
	six_at_acme();
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	put("Candidate 7", "Acme Health", 6, "hr", 1, CONSENT_AGGREGATE);
	ck_assert_int_eq(release("Acme Health", 0, 0), 65);
}
END_TEST

/* Without consent a turndown does not count: as if it left the set. */
START_TEST(test_consent_withheld)
{
	six_at_acme();
	put("Candidate 7", "Acme Health", 6, "hr", 1, CONSENT_NONE);
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	put("Candidate 8", "Acme Health", 6, "hr", 1, CONSENT_AGGREGATE);
	ck_assert_int_eq(release("Acme Health", 0, 0), 65);
}
END_TEST

/* Lowering K does not lower the bar against a release made at a higher K. */
START_TEST(test_min_group_lowered)
{
	char name[32];

	for (int m = 1; m <= 9; m++) {
		snprintf(name, sizeof(name), "Candidate %d", m);
		put(name, "Acme Health", m, "compensation", 0, CONSENT_AGGREGATE);
	}
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 5, 5, NULL), 0);
	/* 3 more candidates: enough at K=3, not against the K=5 release */
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 8, 3, NULL), 65);
	/* the same set at K=3 is the same candidates, so no subtraction */
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 5, 3, NULL), 0);
	/* 5 changed candidates (4 in, 1 out... here 4 in): still refused; 5 in: allowed */
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 9, 5, NULL), 65);
	put("Candidate 10", "Acme Health", 9, "compensation", 0, CONSENT_AGGREGATE);
	ck_assert_int_eq(release_k("Acme Health", NULL, 1, 9, 5, NULL), 0);
}
END_TEST

/* An all-clients report is assumed seen by every client. */
START_TEST(test_all_clients_and_one_client)
{
	six_at_acme();
	put("Globex Person", "Globex", 3, "hr", 1, CONSENT_AGGREGATE);
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	ck_assert_int_eq(release_k(NULL, "board", 0, 0, 5, NULL), 65);
	ck_assert_int_eq(release_k(NULL, NULL, 0, 0, 5, NULL), 65);
}
END_TEST

START_TEST(test_one_client_after_all_clients)
{
	six_at_acme();
	put("Globex Person", "Globex", 3, "hr", 1, CONSENT_AGGREGATE);
	ck_assert_int_eq(release_k(NULL, "board", 0, 0, 5, NULL), 0);
	ck_assert_int_eq(release("Acme Health", 0, 0), 65);
}
END_TEST

/* Two clients' own reports are never compared with each other. */
START_TEST(test_other_clients_apart)
{
	char name[32];

	six_at_acme();
	for (int m = 1; m <= 5; m++) {
		snprintf(name, sizeof(name), "Globex %d", m);
		put(name, "Globex", m, "hr", 1, CONSENT_AGGREGATE);
	}
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	ck_assert_int_eq(release("Globex", 0, 0), 0);
}
END_TEST

/* ---- the ledger itself -------------------------------------------------------- */

START_TEST(test_history_has_no_candidates)
{
	struct release *list = NULL;
	struct terr err = { 0 };
	long long n;

	six_at_acme();
	ck_assert_int_eq(release("Acme Health", 1, 6), 0);
	ck_assert_int_eq(release_k(NULL, "board pack", 0, 0, 5, NULL), 0);
	ck_assert_int_eq(n = ledger_history(v, &list, &err), 2);
	ck_assert_str_eq(list[0].recipient, "Acme Health");
	ck_assert_str_eq(list[0].since, "2025-01");
	ck_assert_str_eq(list[0].until, "2025-06");
	ck_assert_int_eq(list[0].candidates, 6);
	ck_assert_int_gt(list[0].client_id, 0);
	ck_assert_str_eq(list[1].recipient, "board pack");
	ck_assert_int_eq(list[1].client_id, 0);
	free(list);
}
END_TEST

/* Sets the first byte of release 1's body to its complement, outside tact. */
static void
tamper_release(void)
{
	struct terr err = { 0 };
	struct est *st = engine_prepare(v, "UPDATE releases SET body = "
	    "CAST(zeroblob(0) || x'00' || substr(body, 2) AS BLOB) WHERE id = 1", &err);

	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 0);
	est_finalize(st);
}

START_TEST(test_tampered_release_stops_the_report)
{
	struct report_scope s;
	struct report *r;
	struct release rel;
	struct terr err = { 0 };

	six_at_acme();
	ck_assert_int_eq(release("Acme Health", 0, 0), 0);
	tamper_release();
	memset(&s, 0, sizeof(s));
	s.min_group = 5;
	ck_assert_ptr_nonnull(r = report_build(v, &s, &err));
	report_release(r, "board", REPORT_TEXT, &rel);
	ck_assert_int_eq(report_check(v, r, &rel, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "release #1") != NULL, "%s", err.msg);
	report_free(r);
}
END_TEST

/* The body is sealed: no client name in the vault's file. */
START_TEST(test_sealed_body)
{
	FILE *f;
	char *buf;
	long n;
	struct terr err = { 0 };

	six_at_acme();
	ck_assert_int_eq(release_k(NULL, "Zanzibar Board Label", 0, 0, 5, NULL), 0);
	ck_assert_int_eq(vault_checkpoint(v, &err), 0);
	ck_assert_ptr_nonnull(f = fopen(vpath, "rb"));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	ck_assert_ptr_nonnull(buf = malloc((size_t)n));
	ck_assert_int_eq(fread(buf, 1, (size_t)n, f), n);
	fclose(f);
	ck_assert_ptr_null(memmem(buf, (size_t)n, "Zanzibar", 8));
	free(buf);
}
END_TEST

START_TEST(test_set_encoding)
{
	struct ledger_set s = { 0 };
	struct terr err = { 0 };

	ck_assert_int_eq(ledger_set_add(&s, 3, 7, &err), 0);
	ck_assert_int_eq(ledger_set_add(&s, 1000000, 9, &err), 0);
	ck_assert_int_eq(ledger_set_add(&s, 1000000, 9, &err), -1);
	ck_assert_int_eq(err.code, EX_SOFTWARE);
	ck_assert_int_eq(s.count, 2);
	ck_assert_uint_eq(s.len, 1 + 4 + 3 + 4);
	ck_assert_uint_ne(ledger_fp_mix(LEDGER_FP_INIT, 1), ledger_fp_mix(LEDGER_FP_INIT, 2));
	ledger_set_free(&s);
}
END_TEST

/* A set of N candidates (1..N, fingerprint i, or i + 1 for candidate ODD),
 * spilt into the vault inside a transaction left open. */
static void
spilt_set(struct ledger_set *set, long long n, long long odd)
{
	struct terr err = { 0 };

	memset(set, 0, sizeof(*set));
	ck_assert_int_eq(vault_begin(v, &err), 0);
	ck_assert_int_eq(ledger_set_spill(set, v, &err), 0);
	for (long long i = 1; i <= n; i++)
		ck_assert_int_eq(ledger_set_add(set, i, (uint32_t)(i + (i == odd)), &err), 0);
	ck_assert_int_eq(ledger_set_finish(set, &err), 0);
}

/* A large set is written in sealed chunks as it grows, compared chunk by
 * chunk, and a damaged chunk stops the report. */
START_TEST(test_set_in_chunks)
{
	struct ledger_set set;
	struct release rel, old;
	struct terr err = { 0 };
	struct est *st;

	memset(&rel, 0, sizeof(rel));
	rel.min_group = 5;
	snprintf(rel.recipient, sizeof(rel.recipient), "board");
	snprintf(rel.format, sizeof(rel.format), "text");
	spilt_set(&set, 20000, 0);
	ck_assert_int_ge(set.chunks, 2);
	ck_assert_uint_le(set.cap, 2 * LEDGER_CHUNK);
	ck_assert_int_eq(ledger_check(v, &rel, &set, &old, &err), 0);
	ck_assert_msg(ledger_record(v, &rel, &set, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(vault_commit(v, &err), 0);
	ledger_set_free(&set);
	/* the same candidates again: allowed; one of them changed: refused */
	spilt_set(&set, 20000, 0);
	ck_assert_int_eq(ledger_check(v, &rel, &set, &old, &err), 0);
	vault_rollback(v);
	ledger_set_free(&set);
	spilt_set(&set, 20000, 17777);
	ck_assert_int_eq(ledger_check(v, &rel, &set, &old, &err), 1);
	ck_assert_int_eq(old.id, 1);
	vault_rollback(v);
	ledger_set_free(&set);
	spilt_set(&set, 20001, 0);
	ck_assert_int_eq(ledger_check(v, &rel, &set, &old, &err), 1);
	vault_rollback(v);
	ledger_set_free(&set);
	/* a chunk moved to another place fails authentication */
	ck_assert_ptr_nonnull(st = engine_prepare(v, "UPDATE release_chunks SET seq = 99 "
	    "WHERE release_id = 1 AND seq = 1", &err));
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 0);
	est_finalize(st);
	spilt_set(&set, 20000, 0);
	ck_assert_int_eq(ledger_check(v, &rel, &set, &old, &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	vault_rollback(v);
	ledger_set_free(&set);
}
END_TEST

/* ---- the property -------------------------------------------------------------- */

#define P_PEOPLE 40
#define P_TDS 120
#define P_RELEASES 64

struct p_td { int person, client, month, consent; };
struct p_person { long long vault_id; int alive; char name[24]; };
struct p_release {
	int client;                     /* 0 all, 1 or 2 */
	int since, until, k;
	/* per person: a bit per turndown serial counted (P_TDS bits) */
	uint64_t counted[P_PEOPLE][(P_TDS + 63) / 64];
};

struct p_model {
	struct p_person people[P_PEOPLE];
	int npeople;
	struct p_td tds[P_TDS];
	int ntds;
	struct p_release rel[P_RELEASES];
	int nrel;
};

/* Fills REL's counted turndowns from the model, as the report counts them. */
static void
p_count(const struct p_model *m, struct p_release *rel)
{
	memset(rel->counted, 0, sizeof(rel->counted));
	for (int t = 0; t < m->ntds; t++) {
		const struct p_td *td = &m->tds[t];

		if (!m->people[td->person].alive || td->consent != CONSENT_AGGREGATE)
			continue;
		if ((rel->client && td->client != rel->client) ||
		    (rel->since && td->month < rel->since) || (rel->until && td->month > rel->until))
			continue;
		rel->counted[td->person][t / 64] |= 1ull << (t % 64);
	}
}

/* Returns how many people differ between A and B. */
static int
p_distance(const struct p_release *a, const struct p_release *b)
{
	int d = 0;

	for (int p = 0; p < P_PEOPLE; p++)
		if (memcmp(a->counted[p], b->counted[p], sizeof(a->counted[p])) != 0)
			d++;
	return d;
}

static const char *const p_clients[] = { NULL, "Acme Health", "Globex" };
static const char *const p_reasons[] = { "compensation", "hr", "process", "stability" };

static void
p_run(uint64_t seed)
{
	struct p_model *m = calloc(1, sizeof(*m));
	uint64_t rng = seed;
	int allowed = 0, refused = 0, forgotten = 0;

	ck_assert_ptr_nonnull(m);
	for (int step = 0; step < 150 && m->ntds < P_TDS && m->nrel < P_RELEASES; step++) {
		int op = (int)rng_below(&rng, 10);

		if (op < 6 || m->npeople < 6) {                 /* log */
			int p = (int)rng_below(&rng, (uint64_t)m->npeople + 1);
			struct p_td *td = &m->tds[m->ntds];

			if (p == m->npeople || !m->people[p].alive) {
				if (m->npeople == P_PEOPLE)
					continue;
				p = m->npeople++;
				snprintf(m->people[p].name, sizeof(m->people[p].name), "Person %d", p);
				m->people[p].alive = 1;
			}
			td->person = p;
			td->client = 1 + (int)rng_below(&rng, 2);
			td->month = 1 + (int)rng_below(&rng, 12);
			td->consent = rng_below(&rng, 8) == 0 ? CONSENT_NONE : CONSENT_AGGREGATE;
			m->people[p].vault_id = put(m->people[p].name, p_clients[td->client],
			    td->month, p_reasons[rng_below(&rng, 4)], (int)rng_below(&rng, 2),
			    td->consent);
			m->ntds++;
		} else if (op < 7) {                            /* forget, often the newest */
			int p = rng_below(&rng, 2) ? m->npeople - 1 :
			    (int)rng_below(&rng, (uint64_t)m->npeople);

			if (!m->people[p].alive)
				continue;
			forget(m->people[p].vault_id);
			m->people[p].alive = 0;
			forgotten++;
		} else {                                        /* report */
			struct p_release *rel = &m->rel[m->nrel];
			int rc;

			rel->client = (int)rng_below(&rng, 3);
			rel->since = (int)rng_below(&rng, 7);
			rel->until = rng_below(&rng, 3) ? 6 + (int)rng_below(&rng, 7) : 0;
			rel->k = 3 + (int)rng_below(&rng, 3);
			rc = release_k(p_clients[rel->client], "board", rel->since, rel->until,
			    rel->k, NULL);
			if (rc == 0) {
				p_count(m, rel);
				m->nrel++;
				allowed++;
			} else if (rc == 65) {
				refused++;
			}
		}
	}
	/* The property, over every pair a recipient may hold. */
	for (int i = 0; i < m->nrel; i++)
		for (int j = i + 1; j < m->nrel; j++) {
			const struct p_release *a = &m->rel[i], *b = &m->rel[j];
			int k = a->k > b->k ? a->k : b->k, d;

			if (a->client && b->client && a->client != b->client)
				continue;
			d = p_distance(a, b);
			ck_assert_msg(d == 0 || d >= k, "seed %llu: releases %d and %d differ by %d "
			    "candidates (K %d)", (unsigned long long)seed, i + 1, j + 1, d, k);
		}
	/* The run must have exercised both outcomes. */
	ck_assert_msg(allowed > 0 && refused > 0, "seed %llu: %d allowed, %d refused",
	    (unsigned long long)seed, allowed, refused);
	(void)forgotten;
	free(m);
}

START_TEST(test_property_no_small_differences)
{
	p_run(1000 + (uint64_t)_i);
}
END_TEST

Suite *
make_ledger_suite(void)
{
	Suite *s = suite_create("ledger");
	TCase *tc = tcase_create("attacks");
	TCase *tp = tcase_create("property");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_set_in_chunks);
	tcase_add_test(tc, test_widen_by_one_month);
	tcase_add_test(tc, test_identical_set_identical_numbers);
	tcase_add_test(tc, test_forget_between);
	tcase_add_test(tc, test_forget_then_id_reused);
	tcase_add_test(tc, test_one_new_turndown_same_arguments);
	tcase_add_test(tc, test_new_candidate_same_arguments);
	tcase_add_test(tc, test_consent_withheld);
	tcase_add_test(tc, test_min_group_lowered);
	tcase_add_test(tc, test_all_clients_and_one_client);
	tcase_add_test(tc, test_one_client_after_all_clients);
	tcase_add_test(tc, test_other_clients_apart);
	tcase_add_test(tc, test_history_has_no_candidates);
	tcase_add_test(tc, test_tampered_release_stops_the_report);
	tcase_add_test(tc, test_sealed_body);
	tcase_add_test(tc, test_set_encoding);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tp, setup, teardown);
	tcase_set_timeout(tp, 120);
	tcase_add_loop_test(tp, test_property_no_small_differences, 0, 6);
	suite_add_tcase(s, tp);
	return s;
}
