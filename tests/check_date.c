/*
 * check_date.c - unit tests for core/base/date.c: strict calendar dates and
 * the day and month arithmetic of the follow-up plan and the report.
 *
 * check_turndown.c walks a century day by day and check_followup.c the
 * month ends of the plan; here are the edges of the accepted range
 * (1900-01-01 to 2999-12-31), today's date, the error message, and long
 * steps in both directions across centuries.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/date.h"
#include "suites.h"

START_TEST(test_parse_range)
{
	static const char *const good[] = { "1900-01-01", "2999-12-31", "2000-02-29",
		"2400-02-29", "1904-02-29" };
	static const char *const bad[] = { "1899-12-31", "3000-01-01", "0000-01-01",
		"9999-12-31", "2996-02-30", "1900-02-29", "2026-02-2\xc3\xa9" };
	char out[DATE_LEN];
	struct terr err;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(date_parse("date", good[i], out, &err) == 0, "'%s' refused: %s",
		    good[i], err.msg);
		ck_assert_str_eq(out, good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		ck_assert_msg(date_parse("date", bad[i], out, &err) == -1, "'%s' accepted", bad[i]);
		ck_assert_int_eq(err.code, EX_DATAERR);
	}
	/* No error to fill: still refused. */
	ck_assert_int_eq(date_parse("date", "2026-02-30", out, NULL), -1);
}
END_TEST

/* The message names the field and quotes what was typed, at most 40 bytes
 * of it, and says what is wanted. */
START_TEST(test_parse_message)
{
	char out[DATE_LEN], long_in[200];
	struct terr err = { 0 };

	ck_assert_int_eq(date_parse("--offer-date", "next week", out, &err), -1);
	ck_assert_str_eq(err.msg, "--offer-date 'next week' is not a date (want YYYY-MM-DD)");
	memset(long_in, 'y', sizeof(long_in) - 1);
	long_in[sizeof(long_in) - 1] = '\0';
	terr_clear(&err);
	ck_assert_int_eq(date_parse("--decline-date", long_in, out, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.msg, "'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'"));
	ck_assert_ptr_null(strstr(err.msg, "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"));
}
END_TEST

/* Returns today's date in the time zone TZ (a POSIX TZ string), by
 * date_today() in DATE and by the C library in WANT. */
static void
today_in(const char *tz, char date[DATE_LEN], char want[DATE_LEN])
{
	char again[DATE_LEN];
	time_t t;
	struct tm tm;

	setenv("TZ", tz, 1);
	tzset();
	for (int tries = 0; tries < 3; tries++) {
		t = time(NULL);
		localtime_r(&t, &tm);
		strftime(want, DATE_LEN, "%Y-%m-%d", &tm);
		date_today(date);
		date_today(again);
		if (strcmp(date, again) == 0 && strcmp(date, want) == 0)
			break;                  /* not across midnight */
	}
}

/* Today is the local calendar date, and a valid one.  Of the two zones,
 * 26 hours apart, at least one is on another date than UTC at any time. */
START_TEST(test_today)
{
	static const char *const zones[] = { "<+14>-14", "<-12>+12" };
	const char *old = getenv("TZ");
	char *saved = old != NULL ? strdup(old) : NULL;
	char today[DATE_LEN], want[DATE_LEN], parsed[DATE_LEN];
	struct terr err = { 0 };

	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		today_in(zones[i], today, want);
		ck_assert_msg(strcmp(today, want) == 0, "TZ=%s: today is %s, want %s", zones[i],
		    today, want);
		ck_assert_int_eq(date_parse("today", today, parsed, &err), 0);
	}
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}
END_TEST

START_TEST(test_days_at_the_ends)
{
	char out[DATE_LEN];

	ck_assert_int_eq(date_days("1900-01-01"), -25567);
	ck_assert_int_eq(date_days("1900-03-01"), -25508);
	ck_assert_int_eq(date_days("2026-01-01"), 20454);
	ck_assert_int_eq(date_days("2999-12-31"), 376199);
	date_add_days("1900-01-01", 376199 + 25567, out);
	ck_assert_str_eq(out, "2999-12-31");
	date_add_days("2999-12-31", -(376199 + 25567), out);
	ck_assert_str_eq(out, "1900-01-01");
	date_add_days("1900-03-01", -1, out);
	ck_assert_str_eq(out, "1900-02-28");
	date_add_days("1970-01-01", -1, out);
	ck_assert_str_eq(out, "1969-12-31");
	/* 2000-02-29 plus 36,524 days: 2100 is not a leap year. */
	date_add_days("2000-02-29", 36524, out);
	ck_assert_str_eq(out, "2100-02-28");
}
END_TEST

START_TEST(test_add_months_long_steps)
{
	static const struct { const char *from; int months; const char *want; } cases[] = {
		{ "2026-05-17", 0, "2026-05-17" },
		{ "2000-02-29", 1200, "2100-02-28" },   /* a century on: not leap */
		{ "2000-02-29", 4800, "2400-02-29" },   /* four centuries on: leap */
		{ "1900-01-31", 1, "1900-02-28" },
		{ "1999-12-31", 2, "2000-02-29" },
		{ "2026-01-31", 13, "2027-02-28" },
		{ "2026-03-31", 120, "2036-03-31" },
		{ "2026-08-31", 18, "2028-02-29" },
	};
	char out[DATE_LEN], parsed[DATE_LEN];
	struct terr err = { 0 };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(out, 'x', sizeof(out));
		date_add_months(cases[i].from, cases[i].months, out);
		ck_assert_msg(strcmp(out, cases[i].want) == 0, "%s + %d months = %s, want %s",
		    cases[i].from, cases[i].months, out, cases[i].want);
		ck_assert_int_eq(date_parse("result", out, parsed, &err), 0);
	}
}
END_TEST

Suite *
make_date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("dates");

	tcase_add_test(tc, test_parse_range);
	tcase_add_test(tc, test_parse_message);
	tcase_add_test(tc, test_today);
	tcase_add_test(tc, test_days_at_the_ends);
	tcase_add_test(tc, test_add_months_long_steps);
	suite_add_tcase(s, tc);
	return s;
}
