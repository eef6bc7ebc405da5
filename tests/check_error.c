/*
 * check_error.c - unit tests for core/base/error.c: how core/ and crypto/
 * report a failure without printing.
 *
 * The rules under test are the header's: the first error set wins (a later
 * one neither replaces the code nor the message), terr_set() always returns
 * -1 and accepts a NULL error, a message stays one line with every control
 * character (C0, DEL, C1) replaced by '?', and it is cut to fit, never
 * overrun.
 */
#include <check.h>
#include <string.h>

#include "core/base/error.h"
#include "suites.h"

START_TEST(test_first_error_wins)
{
	struct terr err = { 0 };

	ck_assert_int_eq(err.code, 0);
	ck_assert_int_eq(terr_set(&err, EX_DATAERR, "bad date '%s'", "2026-13-01"), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_str_eq(err.msg, "bad date '2026-13-01'");
	/* A second failure on the way out keeps the first, which says what went wrong. */
	ck_assert_int_eq(terr_set(&err, EX_IOERR, "cannot write"), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_str_eq(err.msg, "bad date '2026-13-01'");
	ck_assert_int_eq(terr_set(&err, EX_SOFTWARE, "%s", ""), -1);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_str_eq(err.msg, "bad date '2026-13-01'");
}
END_TEST

START_TEST(test_clear_and_null)
{
	struct terr err = { 0 };

	terr_set(&err, EX_NOINPUT, "no vault at '%s'", "/x");
	terr_clear(&err);
	ck_assert_int_eq(err.code, 0);
	ck_assert_str_eq(err.msg, "");
	/* Cleared, it takes the next error. */
	ck_assert_int_eq(terr_set(&err, EX_USAGE, "unknown option"), -1);
	ck_assert_int_eq(err.code, EX_USAGE);
	ck_assert_str_eq(err.msg, "unknown option");
	/* Callers that do not want the message pass NULL. */
	ck_assert_int_eq(terr_set(NULL, EX_DATAERR, "ignored %d", 1), -1);
}
END_TEST

/* Control characters from what the user typed never reach the terminal:
 * each is replaced by '?', so the message is one line and carries no escape
 * sequence.  Printable UTF-8 is kept as it is. */
START_TEST(test_control_characters_cleaned)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "two\nlines", "two?lines" },
		{ "tab\there", "tab?here" },
		{ "cr\r", "cr?" },
		{ "\x1b[2J\x1b[31mred", "?[2J?[31mred" },
		{ "bell\x07 del\x7f", "bell? del?" },
		{ "\x01\x1f", "??" },
		{ "csi \xc2\x9b" "2J", "csi ??2J" },         /* U+009B, C1 CSI */
		{ "nel \xc2\x85 end", "nel ?? end" },        /* U+0085 */
		{ "\xc2\x80\xc2\x9f", "????" },              /* the ends of the C1 range */
		{ "Zo\xc3\xab M\xc3\xbcller \xe2\x82\xac", "Zo\xc3\xab M\xc3\xbcller \xe2\x82\xac" },
		{ "nbsp\xc2\xa0kept", "nbsp\xc2\xa0kept" },  /* U+00A0 is not a control */
		{ "\xc2\xa9 \xc3\x85", "\xc2\xa9 \xc3\x85" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct terr err = { 0 };

		terr_set(&err, EX_DATAERR, "'%s'", cases[i].in);
		ck_assert_msg(strlen(err.msg) == strlen(cases[i].want) + 2 &&
		    strncmp(err.msg + 1, cases[i].want, strlen(cases[i].want)) == 0,
		    "case %zu: got \"%s\", want \"'%s'\"", i, err.msg, cases[i].want);
	}
}
END_TEST

/* Also control characters that come from the format itself. */
START_TEST(test_format_cleaned_too)
{
	struct terr err = { 0 };

	terr_set(&err, EX_DATAERR, "line one\nline %d\t", 2);
	ck_assert_str_eq(err.msg, "line one?line 2?");
}
END_TEST

/* A message longer than the buffer is cut, NUL-terminated, and the cut
 * part is cleaned like the rest. */
START_TEST(test_long_message_cut)
{
	struct terr err = { 0 };
	char big[3 * TERR_MSG_MAX];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	big[TERR_MSG_MAX - 10] = '\n';
	ck_assert_int_eq(terr_set(&err, EX_DATAERR, "%s", big), -1);
	ck_assert_uint_eq(strlen(err.msg), TERR_MSG_MAX - 1);
	ck_assert_int_eq(err.msg[TERR_MSG_MAX - 10], '?');
	ck_assert_int_eq(err.msg[0], 'x');
	ck_assert_int_eq(err.msg[TERR_MSG_MAX - 2], 'x');
}
END_TEST

Suite *
make_error_suite(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("terr");

	tcase_add_test(tc, test_first_error_wins);
	tcase_add_test(tc, test_clear_and_null);
	tcase_add_test(tc, test_control_characters_cleaned);
	tcase_add_test(tc, test_format_cleaned_too);
	tcase_add_test(tc, test_long_message_cut);
	suite_add_tcase(s, tc);
	return s;
}
