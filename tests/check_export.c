/*
 * check_export.c - unit tests for what `tact export` and `tact forget
 * --older-than` compute without a vault: retention periods into cutoff
 * dates (core/records/retention.c), and a turndown into an import line
 * that import's parser reads back field for field (core/records/export.c,
 * core/records/jsonl.c).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/records/export.h"
#include "core/records/jsonl.h"
#include "core/records/retention.h"
#include "suites.h"

START_TEST(test_cutoff)
{
	static const struct { const char *age, *today, *want; } cases[] = {
		{ "24m", "2026-12-02", "2024-12-02" },
		{ "2y", "2026-12-02", "2024-12-02" },
		{ "400d", "2026-12-02", "2025-10-28" },
		{ "1d", "2026-03-01", "2026-02-28" },
		{ "1m", "2026-03-31", "2026-02-28" },
		{ "1y", "2024-02-29", "2023-02-28" },
	};
	char out[DATE_LEN];
	struct terr err;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_int_eq(retention_cutoff(cases[i].age, cases[i].today, out, &err), 0);
		ck_assert_msg(strcmp(out, cases[i].want) == 0, "%s before %s: got %s, want %s",
		    cases[i].age, cases[i].today, out, cases[i].want);
	}
}
END_TEST

START_TEST(test_cutoff_refused)
{
	static const char *const bad[] = { "", "24", "m", "0m", "24w", "-3d", "2y1", "123456d",
		"24 m", "y2" };
	char out[DATE_LEN];
	struct terr err;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(retention_cutoff(bad[i], "2026-12-02", out, &err) == -1,
		    "'%s' accepted", bad[i]);
		ck_assert_int_eq(err.code, EX_USAGE);
	}
}
END_TEST

/* A turndown with every field set, built as import builds one. */
static void
full_turndown(struct turndown *td)
{
	struct terr err = { 0 };

	memset(td, 0, sizeof(*td));
	ck_assert_int_eq(turndown_set_text(&td->candidate, "candidate", "Jane Roe", 8, 200, 0,
	    &err), 0);
	ck_assert_int_eq(turndown_set_text(&td->client, "client", "Acme Health", 11, 200, 0,
	    &err), 0);
	ck_assert_int_eq(turndown_set_text(&td->role, "role", "CNO", 3, 200, 0, &err), 0);
	ck_assert_int_eq(turndown_set_text(&td->shareable, "shareable", "Closer to family.", 17,
	    8192, 1, &err), 0);
	ck_assert_int_eq(turndown_set_text(&td->confidential, "confidential", "HR was rude.\nVery.",
	    18, 8192, 1, &err), 0);
	ck_assert_int_eq(turndown_add_reason(td, "compensation", &err), 0);
	ck_assert_int_eq(turndown_add_reason(td, "hr:confidential", &err), 0);
	ck_assert_int_eq(turndown_add_met(td, "Ann Lee:hiring-manager:positive", &err), 0);
	ck_assert_int_eq(turndown_add_met(td, "Bob Smith:hr:negative", &err), 0);
	ck_assert_int_eq(turndown_set_consent(td, "none", &err), 0);
	strcpy(td->offer_date, "2025-01-02");
	strcpy(td->decline_date, "2025-01-10");
}

START_TEST(test_round_trip)
{
	struct turndown td, back;
	struct terr err = { 0 };
	json_t *j;
	char *line;

	full_turndown(&td);
	j = export_turndown(&td, "tact:00:1", 1, json_array());
	ck_assert_ptr_nonnull(j);
	line = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	memset(&back, 0, sizeof(back));
	ck_assert_msg(jsonl_parse_turndown(&back, line, strlen(line), &err) == 0, "%s", err.msg);
	ck_assert_str_eq(back.candidate, td.candidate);
	ck_assert_str_eq(back.client, td.client);
	ck_assert_str_eq(back.role, td.role);
	ck_assert_str_eq(back.shareable, td.shareable);
	ck_assert_str_eq(back.confidential, td.confidential);
	ck_assert_str_eq(back.candidate_ref, "tact:00:1");
	ck_assert_str_eq(back.offer_date, td.offer_date);
	ck_assert_str_eq(back.decline_date, td.decline_date);
	ck_assert_int_eq(back.consent, td.consent);
	ck_assert_uint_eq(back.nreasons, td.nreasons);
	for (size_t i = 0; i < td.nreasons; i++) {
		ck_assert_int_eq(back.reasons[i].category, td.reasons[i].category);
		ck_assert_int_eq(back.reasons[i].visibility, td.reasons[i].visibility);
	}
	ck_assert_uint_eq(back.nmet, td.nmet);
	for (size_t i = 0; i < td.nmet; i++) {
		ck_assert_str_eq(back.met[i].name, td.met[i].name);
		ck_assert_int_eq(back.met[i].role, td.met[i].role);
		ck_assert_int_eq(back.met[i].impression, td.met[i].impression);
	}
	free(line);
	turndown_clear(&back);
	turndown_clear(&td);
}
END_TEST

START_TEST(test_omitted)
{
	struct turndown td, back;
	struct terr err = { 0 };
	json_t *j;
	char *line;

	full_turndown(&td);
	j = export_turndown(&td, "tact:00:1", 0, NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert(json_is_true(json_object_get(j, "confidential_omitted")));
	ck_assert_ptr_null(json_object_get(j, "confidential"));
	ck_assert_ptr_null(json_object_get(j, "met"));
	ck_assert_int_eq(json_array_size(json_object_get(j, "reasons")), 1);
	line = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	ck_assert_ptr_null(strstr(line, "HR was rude"));
	ck_assert_ptr_null(strstr(line, "Bob Smith"));
	/* Import refuses it rather than make a record without its confidential parts. */
	memset(&back, 0, sizeof(back));
	ck_assert_int_eq(jsonl_parse_turndown(&back, line, strlen(line), &err), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "--confidential"));
	free(line);
	turndown_clear(&back);
	turndown_clear(&td);
}
END_TEST

Suite *
make_export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");

	tcase_add_test(tc, test_cutoff);
	tcase_add_test(tc, test_cutoff_refused);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_omitted);
	suite_add_tcase(s, tc);
	return s;
}
