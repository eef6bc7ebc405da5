/*
 * check_followup.c - unit tests for the stay-in-touch plan
 * (core/records/followup.c) and the calendar arithmetic under it
 * (date_add_months and date_add_days of core/base/date.c).
 *
 * The "dates" cases need no vault: followup_due over month ends, leap years
 * (2024 and 2028 leap, 2100 not, 2000 leap) and year boundaries.  The
 * "tasks" cases each get a fresh vault in a temporary folder (removed
 * afterwards), created with a passphrase read by secret_from_file(), as
 * `--passphrase-file` does; turndowns are stored with record_put, which
 * gives each its plan.  Every test frees what it builds (followup_free_list,
 * turndown_clear, td_writer_free, candkey_free, tbuf_free, vault_close), so
 * `CK_FORK=no valgrind` and ASan see no leak.
 */
#include <check.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/keyslots.h"
#include "core/records/write.h"
#include "core/records/identity.h"
#include "core/store/engine.h"
#include "core/records/followup.h"
#include "core/base/taxonomy.h"
#include "core/base/check.h"
#include "core/base/date.h"
#include "core/base/wipe.h"
#include "core/records/turndown.h"
#include "core/store/vault.h"
#include "fixture.h"
#include "suites.h"

static char tmpdir[PATH_MAX];
static char vpath[PATH_MAX + 16];
static struct secret *pass;
static struct vault *v;

/* ---- helpers -------------------------------------------------------------- */

static void
setup(void)
{
	struct terr err = { 0 };

	fixture_mkdir(tmpdir, sizeof(tmpdir), "followup");
	snprintf(vpath, sizeof(vpath), "%s/vault.db", tmpdir);
	pass = fixture_secret(tmpdir, "pw", "follow me up");
	v = vault_init(vpath, pass, TC_KDF_INTERACTIVE, &err);
	ck_assert_msg(v != NULL, "vault_create: %s", err.msg);
	ck_assert_ptr_nonnull(v->keys);
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

/* Checks that the last call failed with CODE. */
static void
check_err(int rc, const struct terr *err, int code)
{
	ck_assert_int_eq(rc, -1);
	ck_assert_msg(err->code == code, "code %d, want %d (%s)", err->code, code, err->msg);
	ck_assert_msg(err->msg[0] != '\0', "no message with code %d", code);
}

static long long store_met(const char *cand, const char *client, const char *decline,
    const char *conf, int met);

/* Stores a turndown (one shareable reason, one confidential, a confidential
 * note and one person met) declined on DECLINE; returns its id. */
static long long
store(const char *cand, const char *client, const char *decline, const char *conf)
{
	return store_met(cand, client, decline, conf, 1);
}

/* The same, with MET people met (0 or 1). */
static long long
store_met(const char *cand, const char *client, const char *decline, const char *conf, int met)
{
	struct terr err = { 0 };
	struct turndown td;
	struct td_writer *w;
	long long id;
	int new_cand, new_client;
	char day[DATE_LEN];

	memset(&td, 0, sizeof(td));
	ck_assert_msg(turndown_set_text(&td.candidate, "candidate", cand, strlen(cand),
	    TEXT_NAME_MAX, 0, &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_set_text(&td.client, "client", client, strlen(client),
	    TEXT_NAME_MAX, 0, &err) == 0, "%s", err.msg);
	ck_assert_msg(date_parse("decline", decline, day, &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_add_reason(&td, "compensation:shareable", &err) == 0, "%s",
	    err.msg);
	ck_assert_msg(turndown_add_reason(&td, "hr:confidential", &err) == 0, "%s", err.msg);
	ck_assert_msg(turndown_set_text(&td.confidential, "confidential", conf, strlen(conf),
	    TEXT_NOTE_MAX, 1, &err) == 0, "%s", err.msg);
	if (met)
		ck_assert_msg(turndown_add_person(&td, "Quentin Marlowe", "hr", "negative", &err) ==
		    0, "%s", err.msg);
	ck_assert_msg(turndown_validate(&td, &err) == 0, "%s", err.msg);
	/* The planner is tested on future declines too, which log and import
	 * refuse: the date is set after the record's checks. */
	memcpy(td.decline_date, day, DATE_LEN);
	ck_assert_msg(vault_begin(v, &err) == 0, "%s", err.msg);
	w = td_writer_new(v, &err);
	ck_assert_msg(w != NULL, "td_writer_new: %s", err.msg);
	ck_assert_msg(record_put(w, &td, &new_cand, &new_client, &err) == 0, "record_put: %s", err.msg);
	td_writer_free(w);
	ck_assert_msg(vault_commit(v, &err) == 0, "%s", err.msg);
	id = td.id;
	ck_assert_int_gt(id, 0);
	turndown_clear(&td);
	return id;
}

/* Runs a one-number query (with ?1 bound to ARG); returns the number. */
static long long
query_num(const char *sql, long long arg)
{
	struct terr err = { 0 };
	struct est *st;
	long long n;

	ck_assert_msg((st = engine_prepare(v, sql, &err)) != NULL, "%s", err.msg);
	est_bind_int64(st, 1, arg);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	n = est_int64(st, 0);
	est_finalize(st);
	return n;
}

/* Lists tasks with ALL and UNTIL; fails the test on error. */
static struct task *
list(int all, const char *until, size_t *n)
{
	struct fu_filter f = { all, until, 0, 0, 0 };
	struct terr err = { 0 };
	struct task *t = NULL;

	ck_assert_msg(followup_list(v, &f, &t, n, &err) == 0, "followup_list: %s", err.msg);
	return t;
}

/* The task of turndown TD and KIND in LIST, or NULL. */
static const struct task *
find(const struct task *t, size_t n, long long td, int kind)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].turndown == td && t[i].kind == kind)
			return &t[i];
	return NULL;
}

/* The id of turndown TD's task of KIND, from the table. */
static long long
task_id(long long td, int kind)
{
	struct terr err = { 0 };
	struct est *st;
	long long id;

	ck_assert_msg((st = engine_prepare(v, "SELECT id FROM followups WHERE turndown_id = ? "
	    "AND kind = ?", &err)) != NULL, "%s", err.msg);
	est_bind_int64(st, 1, td);
	est_bind_int64(st, 2, kind);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	id = est_int64(st, 0);
	est_finalize(st);
	return id;
}

/* How many times NEEDLE occurs in HAY. */
static int
count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* ---- dates ---------------------------------------------------------------- */

struct date_case {
	const char *from;
	int months;
	const char *want;
};

START_TEST(test_add_months)
{
	static const struct date_case cases[] = {
		{ "2026-01-15", 0, "2026-01-15" },
		{ "2026-01-15", 1, "2026-02-15" },
		/* month ends: keep the day or clamp to the month's last day */
		{ "2026-01-31", 1, "2026-02-28" },
		{ "2026-03-31", 1, "2026-04-30" },
		{ "2026-03-31", 6, "2026-09-30" },
		{ "2026-05-31", 3, "2026-08-31" },
		{ "2026-08-31", 3, "2026-11-30" },
		{ "2026-08-31", 6, "2027-02-28" },
		{ "2026-08-30", 6, "2027-02-28" },
		{ "2026-08-28", 6, "2027-02-28" },
		{ "2026-08-27", 6, "2027-02-27" },
		{ "2026-08-31", 12, "2027-08-31" },
		{ "2026-10-31", 1, "2026-11-30" },
		{ "2026-04-30", 1, "2026-05-30" },
		/* leap years: 2024 and 2028 are, 2100 is not, 2000 is */
		{ "2027-08-31", 6, "2028-02-29" },
		{ "2027-11-30", 3, "2028-02-29" },
		{ "2023-11-29", 3, "2024-02-29" },
		{ "2023-11-28", 3, "2024-02-28" },
		{ "2024-01-31", 1, "2024-02-29" },
		{ "2024-02-29", 12, "2025-02-28" },
		{ "2024-02-29", 48, "2028-02-29" },
		{ "2024-02-29", 3, "2024-05-29" },
		{ "2024-02-29", 6, "2024-08-29" },
		{ "2028-02-29", 12, "2029-02-28" },
		{ "2099-11-30", 3, "2100-02-28" },
		{ "2099-08-31", 6, "2100-02-28" },
		{ "2100-02-28", 12, "2101-02-28" },
		{ "1999-11-30", 3, "2000-02-29" },
		{ "1999-08-31", 6, "2000-02-29" },
		{ "2000-02-29", 12, "2001-02-28" },
		{ "1900-01-31", 1, "1900-02-28" },       /* 1900: not leap */
		/* year boundaries */
		{ "2026-10-31", 3, "2027-01-31" },
		{ "2026-11-30", 3, "2027-02-28" },
		{ "2026-12-31", 1, "2027-01-31" },
		{ "2026-12-31", 2, "2027-02-28" },
		{ "2026-12-31", 12, "2027-12-31" },
		{ "2026-12-01", 13, "2028-01-01" },
		{ "2026-07-15", 6, "2027-01-15" },
		{ "2026-06-30", 6, "2026-12-30" },
		{ "2026-01-01", 12, "2027-01-01" },
		{ "2998-12-31", 12, "2999-12-31" },
	};
	char out[DATE_LEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(out, 'x', sizeof(out));
		date_add_months(cases[i].from, cases[i].months, out);
		ck_assert_msg(strcmp(out, cases[i].want) == 0, "%s + %d months = %s, want %s",
		    cases[i].from, cases[i].months, out, cases[i].want);
	}
}
END_TEST

struct day_case {
	const char *from;
	long days;
	const char *want;
};

START_TEST(test_add_days)
{
	static const struct day_case cases[] = {
		{ "2026-08-31", 2, "2026-09-02" },
		{ "2026-08-31", 7, "2026-09-07" },
		{ "2026-02-27", 2, "2026-03-01" },
		{ "2026-02-28", 1, "2026-03-01" },
		{ "2024-02-28", 1, "2024-02-29" },
		{ "2024-02-28", 2, "2024-03-01" },
		{ "2024-02-27", 7, "2024-03-05" },
		{ "2100-02-28", 1, "2100-03-01" },     /* not leap */
		{ "2000-02-28", 1, "2000-02-29" },     /* leap */
		{ "1900-02-28", 1, "1900-03-01" },
		{ "2026-12-30", 2, "2027-01-01" },
		{ "2026-12-31", 2, "2027-01-02" },
		{ "2026-12-25", 7, "2027-01-01" },
		{ "2026-04-29", 2, "2026-05-01" },
		{ "2024-01-01", 366, "2025-01-01" },
		{ "2026-01-01", 365, "2027-01-01" },
		{ "2026-03-01", -1, "2026-02-28" },
		{ "2024-03-01", -1, "2024-02-29" },
		{ "2026-05-05", 0, "2026-05-05" },
	};
	char out[DATE_LEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		date_add_days(cases[i].from, cases[i].days, out);
		ck_assert_msg(strcmp(out, cases[i].want) == 0, "%s + %ld days = %s, want %s",
		    cases[i].from, cases[i].days, out, cases[i].want);
	}
}
END_TEST

/* The plan: thank-you +2 days, connect +7 days, check-in +3 months, update
 * +6 months, catch-up +12 months. */
START_TEST(test_followup_due)
{
	static const struct {
		const char *decline;
		const char *want[FU_KINDS];
	} cases[] = {
		{ "2026-08-31", { "2026-09-02", "2026-09-07", "2026-11-30", "2027-02-28",
		    "2027-08-31" } },
		{ "2027-08-31", { "2027-09-02", "2027-09-07", "2027-11-30", "2028-02-29",
		    "2028-08-31" } },
		{ "2024-02-29", { "2024-03-02", "2024-03-07", "2024-05-29", "2024-08-29",
		    "2025-02-28" } },
		{ "2023-11-30", { "2023-12-02", "2023-12-07", "2024-02-29", "2024-05-30",
		    "2024-11-30" } },
		{ "2099-11-30", { "2099-12-02", "2099-12-07", "2100-02-28", "2100-05-30",
		    "2100-11-30" } },
		{ "2100-02-27", { "2100-03-01", "2100-03-06", "2100-05-27", "2100-08-27",
		    "2101-02-27" } },
		{ "1999-11-30", { "1999-12-02", "1999-12-07", "2000-02-29", "2000-05-30",
		    "2000-11-30" } },
		{ "2000-02-27", { "2000-02-29", "2000-03-05", "2000-05-27", "2000-08-27",
		    "2001-02-27" } },
		{ "2026-12-30", { "2027-01-01", "2027-01-06", "2027-03-30", "2027-06-30",
		    "2027-12-30" } },
		{ "2026-12-31", { "2027-01-02", "2027-01-07", "2027-03-31", "2027-06-30",
		    "2027-12-31" } },
		{ "2026-10-31", { "2026-11-02", "2026-11-07", "2027-01-31", "2027-04-30",
		    "2027-10-31" } },
		{ "2026-03-31", { "2026-04-02", "2026-04-07", "2026-06-30", "2026-09-30",
		    "2027-03-31" } },
		{ "2026-01-15", { "2026-01-17", "2026-01-22", "2026-04-15", "2026-07-15",
		    "2027-01-15" } },
	};
	char out[DATE_LEN];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (int k = 0; k < FU_KINDS; k++) {
			followup_due(cases[i].decline, k, out);
			ck_assert_msg(strcmp(out, cases[i].want[k]) == 0, "%s %s: %s, want %s",
			    cases[i].decline, fu_kind_names[k], out, cases[i].want[k]);
		}
	}
}
END_TEST

START_TEST(test_names_and_wording)
{
	struct task t;
	char buf[1024];

	ck_assert_str_eq(fu_kind_names[FU_THANKS], "thank-you");
	ck_assert_str_eq(fu_kind_names[FU_CONNECT], "connect");
	ck_assert_str_eq(fu_kind_names[FU_CHECKIN], "check-in");
	ck_assert_str_eq(fu_kind_names[FU_UPDATE], "update");
	ck_assert_str_eq(fu_kind_names[FU_CATCHUP], "catch-up");
	ck_assert_str_eq(fu_status_names[FU_OPEN], "open");
	ck_assert_str_eq(fu_status_names[FU_DONE], "done");
	ck_assert_str_eq(fu_status_names[FU_SKIPPED], "skipped");

	memset(&t, 0, sizeof(t));
	t.turndown = 42;
	t.candidate = (char *)"Ines Okafor";
	t.client = (char *)"Borealis Ltd";
	for (int k = 0; k < FU_KINDS; k++) {
		t.kind = k;
		followup_summary(&t, buf, sizeof(buf));
		ck_assert_msg(strlen(buf) > 10, "empty summary for %s", fu_kind_names[k]);
		followup_describe(&t, buf, sizeof(buf));
		ck_assert_msg(strlen(buf) > 20, "empty description for %s", fu_kind_names[k]);
	}
	t.kind = FU_THANKS;
	followup_summary(&t, buf, sizeof(buf));
	ck_assert_msg(strstr(buf, "tact notes 42") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "Ines Okafor") != NULL, "%s", buf);
	t.kind = FU_CHECKIN;
	followup_summary(&t, buf, sizeof(buf));
	ck_assert_msg(strstr(buf, "Ines Okafor") != NULL, "%s", buf);
	/* no names: general wording, never a NULL printed */
	t.candidate = t.client = NULL;
	for (int k = 0; k < FU_KINDS; k++) {
		t.kind = k;
		followup_describe(&t, buf, sizeof(buf));
		ck_assert_msg(strstr(buf, "(null)") == NULL, "%s", buf);
	}
	/* a small buffer is cut, not overrun */
	t.kind = FU_UPDATE;
	memset(buf, 'z', sizeof(buf));
	followup_describe(&t, buf, 16);
	ck_assert_uint_eq(strlen(buf), 15);
	ck_assert_int_eq(buf[16], 'z');
}
END_TEST

/* ---- tasks in a vault ----------------------------------------------------- */

START_TEST(test_plan_on_store)
{
	struct terr err = { 0 };
	struct task *t;
	size_t n;
	long long a, b;
	static const char *const want_a[FU_KINDS] = { "2026-09-02", "2026-09-07", "2026-11-30",
		"2027-02-28", "2027-08-31" };
	static const char *const want_b[FU_KINDS] = { "2028-03-02", "2028-03-07", "2028-05-29",
		"2028-08-29", "2029-02-28" };

	a = store("Ines Okafor", "Borealis Ltd", "2026-08-31", "Quentin was cold to me.");
	b = store("Tomasz Wrona", "Kestrel GmbH", "2028-02-29", "Money elsewhere was better.");
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE turndown_id = ?", a),
	    FU_KINDS);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE turndown_id = ?", b),
	    FU_KINDS);

	t = list(0, NULL, &n);
	ck_assert_uint_eq(n, 2 * FU_KINDS);
	for (int k = 0; k < FU_KINDS; k++) {
		const struct task *x = find(t, n, a, k), *y = find(t, n, b, k);

		ck_assert_ptr_nonnull(x);
		ck_assert_ptr_nonnull(y);
		ck_assert_str_eq(x->due, want_a[k]);
		ck_assert_str_eq(y->due, want_b[k]);
		ck_assert_int_eq(x->status, FU_OPEN);
		ck_assert_str_eq(x->done_on, "");
		ck_assert_str_eq(x->candidate, "Ines Okafor");
		ck_assert_str_eq(x->client, "Borealis Ltd");
		ck_assert_str_eq(y->candidate, "Tomasz Wrona");
		ck_assert_str_eq(y->client, "Kestrel GmbH");
	}
	/* due first, then id */
	for (size_t i = 1; i < n; i++)
		ck_assert_msg(strcmp(t[i - 1].due, t[i].due) < 0 || (strcmp(t[i - 1].due,
		    t[i].due) == 0 && t[i - 1].id < t[i].id), "not in due order at %zu", i);
	followup_free_list(t, n);

	/* a plan that exists gets nothing more */
	ck_assert_msg(vault_begin(v, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(followup_plan(v, a, &err), 0);
	ck_assert_msg(vault_commit(v, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups", 0), 2 * FU_KINDS);

	/* tasks deleted by hand come back, all five, with the same dates */
	ck_assert_int_eq(engine_exec(v, "DELETE FROM followups WHERE turndown_id = 1", &err), 0);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE turndown_id = ?", a), 0);
	ck_assert_msg(vault_begin(v, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(followup_plan(v, a, &err), FU_KINDS);
	ck_assert_msg(vault_commit(v, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE turndown_id = ?", a),
	    FU_KINDS);
	t = list(0, NULL, &n);
	ck_assert_uint_eq(n, 2 * FU_KINDS);
	for (int k = 0; k < FU_KINDS; k++)
		ck_assert_str_eq(find(t, n, a, k)->due, want_a[k]);
	followup_free_list(t, n);

	/* one task missing: only that one is added */
	ck_assert_int_eq(engine_exec(v, "DELETE FROM followups WHERE turndown_id = 2 AND kind = 3",
	    &err), 0);
	ck_assert_msg(vault_begin(v, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(followup_plan(v, b, &err), 1);
	ck_assert_int_eq(followup_plan(v, b, &err), 0);
	ck_assert_msg(vault_commit(v, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE turndown_id = ?", b),
	    FU_KINDS);

	/* no such turndown */
	memset(&err, 0, sizeof(err));
	ck_assert_msg(vault_begin(v, &err) == 0, "%s", err.msg);
	check_err(followup_plan(v, 999, &err), &err, EX_NOINPUT);
	vault_rollback(v);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups", 0), 2 * FU_KINDS);
}
END_TEST

START_TEST(test_list_filters)
{
	struct task *t;
	size_t n;
	long long a, b;

	a = store("Ines Okafor", "Borealis Ltd", "2026-08-31", "Quentin was cold to me.");
	b = store("Tomasz Wrona", "Kestrel GmbH", "2024-02-29", "Money elsewhere was better.");

	/* until: inclusive */
	t = list(0, "2026-09-02", &n);
	ck_assert_uint_eq(n, FU_KINDS + 1);     /* all of b, a's thank-you */
	ck_assert_ptr_nonnull(find(t, n, a, FU_THANKS));
	ck_assert_ptr_null(find(t, n, a, FU_CONNECT));
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(strcmp(t[i].due, "2026-09-02") <= 0, "%s after until", t[i].due);
	followup_free_list(t, n);

	t = list(0, "2026-09-01", &n);
	ck_assert_uint_eq(n, FU_KINDS);
	followup_free_list(t, n);

	t = list(0, "2024-05-29", &n);          /* b: thank-you, connect, check-in */
	ck_assert_uint_eq(n, 3);
	ck_assert_ptr_nonnull(find(t, n, b, FU_CHECKIN));
	followup_free_list(t, n);

	t = list(0, "2000-01-01", &n);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(t);
	followup_free_list(t, n);

	t = list(1, "2999-12-31", &n);
	ck_assert_uint_eq(n, 2 * FU_KINDS);
	followup_free_list(t, n);
}
END_TEST

START_TEST(test_close)
{
	struct terr err = { 0 };
	struct task *t;
	size_t n;
	long long a, done_id, skip_id;
	char today[DATE_LEN];

	a = store("Ines Okafor", "Borealis Ltd", "2026-08-31", "Quentin was cold to me.");
	done_id = task_id(a, FU_THANKS);
	skip_id = task_id(a, FU_CONNECT);
	date_today(today);

	ck_assert_msg(followup_close(v, done_id, FU_DONE, "called her, all good", &err) == 0,
	    "%s", err.msg);
	ck_assert_msg(followup_close(v, skip_id, FU_SKIPPED, NULL, &err) == 0, "%s", err.msg);

	/* closed tasks leave the default list, stay in --all with their status */
	t = list(0, NULL, &n);
	ck_assert_uint_eq(n, FU_KINDS - 2);
	ck_assert_ptr_null(find(t, n, a, FU_THANKS));
	ck_assert_ptr_null(find(t, n, a, FU_CONNECT));
	followup_free_list(t, n);
	t = list(1, NULL, &n);
	ck_assert_uint_eq(n, FU_KINDS);
	ck_assert_int_eq(find(t, n, a, FU_THANKS)->status, FU_DONE);
	ck_assert_str_eq(find(t, n, a, FU_THANKS)->done_on, today);
	ck_assert_int_eq(find(t, n, a, FU_CONNECT)->status, FU_SKIPPED);
	ck_assert_str_eq(find(t, n, a, FU_CONNECT)->done_on, today);
	ck_assert_int_eq(find(t, n, a, FU_CHECKIN)->status, FU_OPEN);
	followup_free_list(t, n);

	/* closing twice: bad data, nothing changed */
	memset(&err, 0, sizeof(err));
	check_err(followup_close(v, done_id, FU_DONE, NULL, &err), &err, EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "done") != NULL, "%s", err.msg);
	memset(&err, 0, sizeof(err));
	check_err(followup_close(v, done_id, FU_SKIPPED, "again", &err), &err, EX_DATAERR);
	memset(&err, 0, sizeof(err));
	check_err(followup_close(v, skip_id, FU_DONE, "late", &err), &err, EX_DATAERR);
	ck_assert_msg(strstr(err.msg, "skipped") != NULL, "%s", err.msg);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", done_id), FU_DONE);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", skip_id),
	    FU_SKIPPED);
	ck_assert_int_eq(query_num("SELECT note IS NULL FROM followups WHERE id = ?", skip_id),
	    1);

	/* unknown task: not found */
	memset(&err, 0, sizeof(err));
	check_err(followup_close(v, 9999, FU_DONE, NULL, &err), &err, EX_NOINPUT);
	memset(&err, 0, sizeof(err));
	check_err(followup_close(v, 0, FU_SKIPPED, NULL, &err), &err, EX_NOINPUT);

	/* a bad note is refused before anything is written */
	memset(&err, 0, sizeof(err));
	check_err(followup_close(v, task_id(a, FU_CHECKIN), FU_DONE, "bad\x01note", &err), &err,
	    EX_DATAERR);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?",
	    task_id(a, FU_CHECKIN)), FU_OPEN);
	/* the vault is usable after the failures */
	ck_assert_msg(followup_close(v, task_id(a, FU_CHECKIN), FU_DONE, "", &err) == 0, "%s",
	    err.msg);
	ck_assert_int_eq(query_num("SELECT note IS NULL FROM followups WHERE id = ?",
	    task_id(a, FU_CHECKIN)), 1);
}
END_TEST

/* The note is sealed under the candidate's key, bound to its row. */
START_TEST(test_note_sealed)
{
	struct tc_err ce = { 0 };
	static const char note[] = "Rang Ines on Tuesday: loves the new team, open to a coffee";
	struct terr err = { 0 };
	struct candkey *ck;
	struct tbuf out = { 0 };
	struct est *st;
	long long a, id, other, cand;
	uint8_t *blob, *wrapped;
	size_t blen, wlen;

	a = store("Ines Okafor", "Borealis Ltd", "2026-08-31", "Quentin was cold to me.");
	id = task_id(a, FU_UPDATE);
	other = task_id(a, FU_CATCHUP);
	ck_assert_msg(followup_close(v, id, FU_DONE, note, &err) == 0, "%s", err.msg);

	ck_assert_msg((st = engine_prepare(v, "SELECT f.note, t.candidate_id, c.wrapped_key "
	    "FROM followups f JOIN turndowns t ON t.id = f.turndown_id "
	    "JOIN candidates c ON c.id = t.candidate_id WHERE f.id = ?", &err)) != NULL, "%s",
	    err.msg);
	est_bind_int64(st, 1, id);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	ck_assert(!est_is_null(st, 0));
	blen = est_bytes(st, 0);
	ck_assert_uint_gt(blen, strlen(note));
	ck_assert_ptr_nonnull(blob = malloc(blen));
	memcpy(blob, est_blob(st, 0), blen);
	cand = est_int64(st, 1);
	wlen = est_bytes(st, 2);
	ck_assert_ptr_nonnull(wrapped = malloc(wlen));
	memcpy(wrapped, est_blob(st, 2), wlen);
	est_finalize(st);

	/* no plaintext in the column, not even a word of it */
	ck_assert_ptr_null(memmem(blob, blen, note, strlen(note)));
	ck_assert_ptr_null(memmem(blob, blen, "Tuesday", 7));
	ck_assert_ptr_null(memmem(blob, blen, "coffee", 6));
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE CAST(note AS TEXT) "
	    "LIKE '%Tuesday%'", 0), 0);

	/* it opens under the candidate's key with its own row's binding... */
	ck_assert_ptr_nonnull(ck = candkey_alloc(&ce));
	ck_assert_msg(candkey_unwrap(v->keys, ck, cand, wrapped, wlen, &ce) == 0, "%s", ce.msg);
	{
		struct tc_ad ad = { "followups", "note", id, cand };

		ck_assert_msg(part_open(ck, TC_PART_FOLLOWUP, &ad, blob, blen, &out, &ce) == 0,
		    "%s", ce.msg);
		ck_assert_uint_eq(out.len, strlen(note));
		ck_assert_int_eq(memcmp(out.data, note, out.len), 0);
		tbuf_free(&out);
	}
	/* ...and not as another row's note, nor as another part */
	{
		struct tc_ad ad = { "followups", "note", other, cand };

		memset(&ce, 0, sizeof(ce));
		ck_assert_int_ne(part_open(ck, TC_PART_FOLLOWUP, &ad, blob, blen, &out, &ce), 0);
		ck_assert_int_eq(ce.code, EX_DATAERR);
		ck_assert_ptr_null(out.data);
	}
	{
		struct tc_ad ad = { "followups", "note", id, cand };

		memset(&ce, 0, sizeof(ce));
		ck_assert_int_ne(part_open(ck, TC_PART_SHAREABLE, &ad, blob, blen, &out, &ce), 0);
		ck_assert_ptr_null(out.data);
	}
	candkey_free(ck);
	free(blob);
	free(wrapped);
}
END_TEST

/* Returns the UIDs of ICS, one per line, sorted (free it). */
static char *
uids(const char *ics)
{
	char *out = calloc(1, strlen(ics) + 1), *lines[256];
	size_t n = 0;

	ck_assert_ptr_nonnull(out);
	for (const char *p = ics; (p = strstr(p, "\nUID:")) != NULL; p += 5) {
		size_t len = strcspn(p + 5, "\r\n");

		ck_assert_uint_lt(n, 256);
		ck_assert_ptr_nonnull(lines[n] = strndup(p + 5, len));
		n++;
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(lines[j - 1], lines[j]) > 0; j--) {
			char *x = lines[j];

			lines[j] = lines[j - 1];
			lines[j - 1] = x;
		}
	for (size_t i = 0; i < n; i++) {
		strcat(strcat(out, lines[i]), "\n");
		free(lines[i]);
	}
	return out;
}

START_TEST(test_ics)
{
	struct terr err = { 0 };
	struct task *t;
	size_t n;
	long long a, b, closed;
	char *ics, *ics2, *u1, *u2, want[64];
	const char *p;

	a = store("Ines Okafor", "Borealis Ltd", "2026-08-31",
	    "Quentin Marlowe in HR was rude and the Zanzibar office felt chaotic.");
	b = store("Tomasz Wrona", "Kestrel GmbH", "2027-08-31", "Money elsewhere was better.");
	closed = task_id(b, FU_THANKS);
	ck_assert_msg(followup_close(v, closed, FU_DONE, "sent", &err) == 0, "%s", err.msg);

	/* --all includes the closed task; the calendar holds only open ones */
	t = list(1, NULL, &n);
	ck_assert_uint_eq(n, 2 * FU_KINDS);
	ics = followup_ics(v, t, n, &err);
	ck_assert_msg(ics != NULL, "followup_ics: %s", err.msg);
	ck_assert_int_eq(count(ics, "BEGIN:VCALENDAR"), 1);
	ck_assert_int_eq(count(ics, "END:VCALENDAR"), 1);
	ck_assert_int_eq(count(ics, "BEGIN:VTODO"), 2 * FU_KINDS - 1);
	ck_assert_int_eq(count(ics, "END:VTODO"), 2 * FU_KINDS - 1);
	ck_assert_int_eq(count(ics, "DUE;VALUE=DATE:"), 2 * FU_KINDS - 1);
	ck_assert_int_eq(count(ics, "\nUID:"), 2 * FU_KINDS - 1);
	ck_assert_int_eq(count(ics, "\nSUMMARY:"), 2 * FU_KINDS - 1);
	ck_assert_int_eq(count(ics, "\nDTSTAMP:"), 2 * FU_KINDS - 1);
	ck_assert_msg(strncmp(ics, "BEGIN:VCALENDAR", 15) == 0, "%.40s", ics);
	ck_assert_ptr_nonnull(strstr(ics, "VERSION:2.0"));
	ck_assert_ptr_nonnull(strstr(ics, "PRODID:"));
	/* the dates of the plan, as DATE values */
	ck_assert_ptr_nonnull(strstr(ics, "DUE;VALUE=DATE:20260902"));
	ck_assert_ptr_nonnull(strstr(ics, "DUE;VALUE=DATE:20261130"));
	ck_assert_ptr_nonnull(strstr(ics, "DUE;VALUE=DATE:20270228"));
	ck_assert_ptr_nonnull(strstr(ics, "DUE;VALUE=DATE:20280229"));
	ck_assert_ptr_nonnull(strstr(ics, "DUE;VALUE=DATE:20280831"));
	ck_assert_ptr_null(strstr(ics, "DUE;VALUE=DATE:20270902"));     /* b's thank-you, done */
	/* the closed task's UID is absent, an open one's present */
	snprintf(want, sizeof(want), "UID:followup-%lld-", closed);
	ck_assert_ptr_null(strstr(ics, want));
	snprintf(want, sizeof(want), "UID:followup-%lld-", task_id(b, FU_CONNECT));
	ck_assert_ptr_nonnull(strstr(ics, want));
	/* no confidential text, no person met */
	ck_assert_ptr_null(strstr(ics, "Quentin"));
	ck_assert_ptr_null(strstr(ics, "Marlowe"));
	ck_assert_ptr_null(strstr(ics, "Zanzibar"));
	ck_assert_ptr_null(strstr(ics, "rude"));
	ck_assert_ptr_null(strstr(ics, "chaotic"));
	/* every line ends CRLF (RFC 5545) */
	for (p = ics; (p = strchr(p, '\n')) != NULL; p++)
		ck_assert_msg(p > ics && p[-1] == '\r', "bare LF at %td", p - ics);

	/* UIDs are stable across exports */
	ics2 = followup_ics(v, t, n, &err);
	ck_assert_msg(ics2 != NULL, "followup_ics: %s", err.msg);
	u1 = uids(ics);
	u2 = uids(ics2);
	ck_assert_str_eq(u1, u2);
	ck_assert_int_eq(count(u1, "\n"), 2 * FU_KINDS - 1);
	ck_assert_int_eq(count(u1, "@tact"), 2 * FU_KINDS - 1);
	followup_free_list(t, n);
	free(ics);
	free(ics2);
	free(u2);

	/* from a fresh list: same UIDs; after closing one, that UID goes */
	t = list(0, NULL, &n);
	ics = followup_ics(v, t, n, &err);
	ck_assert_msg(ics != NULL, "followup_ics: %s", err.msg);
	u2 = uids(ics);
	ck_assert_str_eq(u1, u2);
	followup_free_list(t, n);
	free(ics);
	free(u2);
	ck_assert_msg(followup_close(v, task_id(a, FU_CATCHUP), FU_SKIPPED, NULL, &err) == 0, "%s",
	    err.msg);
	t = list(0, NULL, &n);
	ck_assert_uint_eq(n, 2 * FU_KINDS - 2);
	ics = followup_ics(v, t, n, &err);
	ck_assert_msg(ics != NULL, "followup_ics: %s", err.msg);
	ck_assert_int_eq(count(ics, "BEGIN:VTODO"), 2 * FU_KINDS - 2);
	snprintf(want, sizeof(want), "UID:followup-%lld-", task_id(a, FU_CATCHUP));
	ck_assert_ptr_null(strstr(ics, want));
	ck_assert_ptr_nonnull(strstr(u1, want + 4));
	followup_free_list(t, n);
	free(ics);
	free(u1);

	/* no tasks: still a calendar, with no to-do */
	ics = followup_ics(v, NULL, 0, &err);
	ck_assert_msg(ics != NULL, "followup_ics: %s", err.msg);
	ck_assert_int_eq(count(ics, "BEGIN:VCALENDAR"), 1);
	ck_assert_int_eq(count(ics, "BEGIN:VTODO"), 0);
	free(ics);
}
END_TEST

/* Forgetting a candidate removes their tasks with their turndowns. */
START_TEST(test_forget_removes_tasks)
{
	struct terr err = { 0 };
	struct task *t;
	size_t n;
	long long a, b, cand;
	int pending = 0;

	a = store("Ines Okafor", "Borealis Ltd", "2026-08-31", "Quentin was cold to me.");
	b = store("Tomasz Wrona", "Kestrel GmbH", "2027-08-31", "Money elsewhere was better.");
	ck_assert_msg(followup_close(v, task_id(a, FU_THANKS), FU_DONE, "sent the notes", &err) ==
	    0, "%s", err.msg);
	cand = query_num("SELECT candidate_id FROM turndowns WHERE id = ?", a);
	ck_assert_msg(candidate_forget(v, cand, &pending, &err) == 0, "candidate_forget: %s", err.msg);
	ck_assert_int_eq(query_num("SELECT count(*) FROM followups WHERE turndown_id = ?", a), 0);
	t = list(1, NULL, &n);
	ck_assert_uint_eq(n, FU_KINDS);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(t[i].turndown, b);
	followup_free_list(t, n);
}
END_TEST

/* How many tasks of KIND turndown TD has. */
static long long
count_kind(long long td, int kind)
{
	struct terr err = { 0 };
	struct est *st;
	long long n;

	ck_assert_msg((st = engine_prepare(v, "SELECT count(*) FROM followups WHERE turndown_id = ? "
	    "AND kind = ?", &err)) != NULL, "%s", err.msg);
	est_bind_int64(st, 1, td);
	est_bind_int64(st, 2, kind);
	ck_assert_int_eq(engine_row(v, st, "test", NULL), 1);
	n = est_int64(st, 0);
	est_finalize(st);
	return n;
}

/* No "connect" task when nobody was met; one with someone; a re-plan adds none. */
START_TEST(test_plan_connect_needs_people)
{
	struct terr err = { 0 };
	long long alone = store_met("Noor Alone", "Blythe Labs", "2026-03-02", "quiet", 0);
	long long met = store_met("Mia Met", "Blythe Labs", "2026-03-02", "quiet", 1);

	ck_assert_int_eq(count_kind(alone, FU_CONNECT), 0);
	ck_assert_int_eq(count_kind(alone, FU_THANKS), 1);
	ck_assert_int_eq(count_kind(alone, FU_CHECKIN), 1);
	ck_assert_int_eq(count_kind(met, FU_CONNECT), 1);
	ck_assert_int_eq(followup_plan(v, alone, &err), 0);
	ck_assert_int_eq(followup_plan(v, met, &err), 0);
	ck_assert_int_eq(count_kind(alone, FU_CONNECT), 0);
}
END_TEST

/* Two turndowns of one candidate on one day: one check-in between them; on
 * another day, or for another candidate, each its own. */
START_TEST(test_plan_one_checkin_per_day)
{
	long long a = store("Cara Twice", "Ashby Health", "2026-01-10", "one");
	long long b = store("Cara Twice", "Birch Care", "2026-01-10", "two");
	long long c = store("Cara Twice", "Cedar Clinic", "2026-01-11", "three");
	long long d = store("Dana Other", "Ashby Health", "2026-01-10", "four");

	ck_assert_int_eq(count_kind(a, FU_CHECKIN) + count_kind(b, FU_CHECKIN), 1);
	ck_assert_int_eq(count_kind(a, FU_CHECKIN), 1);         /* the first keeps it */
	ck_assert_int_eq(count_kind(b, FU_THANKS), 1);          /* the rest of b's plan stays */
	ck_assert_int_eq(count_kind(b, FU_UPDATE), 1);
	ck_assert_int_eq(count_kind(c, FU_CHECKIN), 1);
	ck_assert_int_eq(count_kind(d, FU_CHECKIN), 1);
}
END_TEST

/* Several tasks at once, all or none; reopen; the note shown again. */
START_TEST(test_set_reopen_show)
{
	struct terr err = { 0 };
	long long a = store("Eve Many", "Fenwick Ltd", "2026-02-01", "x");
	long long ids[3], bad[2];
	struct task *t;
	char *note;

	ids[0] = task_id(a, FU_THANKS);
	ids[1] = task_id(a, FU_CONNECT);
	ids[2] = task_id(a, FU_THANKS);         /* the same twice is once */
	ck_assert_msg(followup_set(v, ids, 3, FU_DONE, "sent them all", &err) == 0, "%s", err.msg);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", ids[0]), FU_DONE);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", ids[1]), FU_DONE);
	/* One that cannot move stops them all. */
	bad[0] = task_id(a, FU_UPDATE);
	bad[1] = ids[0];
	check_err(followup_set(v, bad, 2, FU_SKIPPED, NULL, &err), &err, EX_DATAERR);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", bad[0]), FU_OPEN);
	memset(&err, 0, sizeof(err));
	bad[1] = 999999;
	check_err(followup_set(v, bad, 2, FU_SKIPPED, NULL, &err), &err, EX_NOINPUT);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", bad[0]), FU_OPEN);
	/* show opens the note. */
	memset(&err, 0, sizeof(err));
	ck_assert_msg(followup_show(v, ids[1], &t, &note, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(t->status, FU_DONE);
	ck_assert(t->has_note);
	ck_assert_str_eq(note, "sent them all");
	ck_assert_str_eq(t->candidate, "Eve Many");
	wipe_str_drop(&note);
	followup_free_list(t, 1);
	/* Reopen: open again, done_on gone, the note kept. */
	ck_assert_msg(followup_reopen(v, ids[1], &err) == 0, "%s", err.msg);
	ck_assert_int_eq(query_num("SELECT status FROM followups WHERE id = ?", ids[1]), FU_OPEN);
	ck_assert_int_eq(query_num("SELECT done_on IS NULL FROM followups WHERE id = ?", ids[1]), 1);
	ck_assert_msg(followup_show(v, ids[1], &t, &note, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(t->status, FU_OPEN);
	ck_assert_str_eq(note, "sent them all");
	wipe_str_drop(&note);
	followup_free_list(t, 1);
	check_err(followup_reopen(v, ids[1], &err), &err, EX_DATAERR);
	memset(&err, 0, sizeof(err));
	/* A task without a note shows none; an unknown task is not found. */
	ck_assert_msg(followup_show(v, task_id(a, FU_UPDATE), &t, &note, &err) == 0, "%s", err.msg);
	ck_assert_ptr_null(note);
	followup_free_list(t, 1);
	check_err(followup_show(v, 999999, &t, &note, &err), &err, EX_NOINPUT);
	ck_assert_ptr_null(t);
}
END_TEST

/* --client and --candidate: only the tasks of that client or candidate. */
START_TEST(test_list_by_party)
{
	struct terr err = { 0 };
	long long a = store("Gil One", "Harbor Inc", "2026-02-01", "x");
	long long b = store("Ivy Two", "Juniper Co", "2026-02-01", "y");
	struct fu_filter f = { 1, NULL, 0, 0, 0 };
	struct task *t;
	size_t n;

	f.client = client_find(v, "Juniper Co", &err);
	ck_assert_int_gt(f.client, 0);
	ck_assert_msg(followup_list(v, &f, &t, &n, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(n, 5);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(t[i].turndown, b);
	followup_free_list(t, n);
	f.client = 0;
	f.candidate = candidate_find(v, "Gil One", &err);
	ck_assert_msg(followup_list(v, &f, &t, &n, &err) == 0, "%s", err.msg);
	ck_assert_uint_eq(n, 5);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(t[i].turndown, a);
	followup_free_list(t, n);
}
END_TEST

Suite *
make_followup_suite(void)
{
	Suite *s = suite_create("followup");
	TCase *tc;

	tc = tcase_create("dates");
	tcase_add_test(tc, test_add_months);
	tcase_add_test(tc, test_add_days);
	tcase_add_test(tc, test_followup_due);
	tcase_add_test(tc, test_names_and_wording);
	suite_add_tcase(s, tc);

	tc = tcase_create("tasks");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);             /* an Argon2id derivation per test */
	tcase_add_test(tc, test_plan_on_store);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_close);
	tcase_add_test(tc, test_note_sealed);
	tcase_add_test(tc, test_ics);
	tcase_add_test(tc, test_forget_removes_tasks);
	tcase_add_test(tc, test_plan_connect_needs_people);
	tcase_add_test(tc, test_plan_one_checkin_per_day);
	tcase_add_test(tc, test_set_reopen_show);
	tcase_add_test(tc, test_list_by_party);
	suite_add_tcase(s, tc);
	return s;
}
