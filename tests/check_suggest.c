/*
 * check_suggest.c - unit tests for "did you mean" (core/base/suggest.c):
 * the edit distance, and which known word is near enough to suggest.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/base/suggest.h"
#include "suites.h"

START_TEST(test_distance)
{
	ck_assert_uint_eq(suggest_distance("", ""), 0);
	ck_assert_uint_eq(suggest_distance("log", "log"), 0);
	ck_assert_uint_eq(suggest_distance("LOG", "log"), 0);          /* case is no edit */
	ck_assert_uint_eq(suggest_distance("lg", "log"), 1);            /* insertion */
	ck_assert_uint_eq(suggest_distance("logs", "log"), 1);          /* deletion */
	ck_assert_uint_eq(suggest_distance("lug", "log"), 1);           /* substitution */
	ck_assert_uint_eq(suggest_distance("lgo", "log"), 1);           /* a swap is one edit */
	ck_assert_uint_eq(suggest_distance("confidentail", "confidential"), 1);
	ck_assert_uint_eq(suggest_distance("kitten", "sitting"), 3);
	ck_assert_uint_eq(suggest_distance("", "abc"), 3);
}
END_TEST

START_TEST(test_too_long)
{
	char big[SUGGEST_MAX + 2];

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ck_assert_uint_eq(suggest_distance(big, "a"), SIZE_MAX);
	ck_assert_ptr_null(suggest_word(big, (const char *[]){ "a" }, 1));
}
END_TEST

START_TEST(test_word)
{
	static const char *const commands[] = { "init", "log", "list", "show", NULL, "followup" };
	static const char *const vis[] = { "confidential", "shareable" };
	static const char *const roles[] = { "hiring-manager", "hr", "executive", "interviewer",
		"peer", "other" };

	ck_assert_str_eq(suggest_word("lgo", commands, 6), "log");
	ck_assert_str_eq(suggest_word("folowup", commands, 6), "followup");
	ck_assert_str_eq(suggest_word("shwo", commands, 6), "show");
	ck_assert_str_eq(suggest_word("confidentail", vis, 2), "confidential");
	ck_assert_str_eq(suggest_word("sharable", vis, 2), "shareable");
	ck_assert_str_eq(suggest_word("hiring-manger", roles, 6), "hiring-manager");
	ck_assert_str_eq(suggest_word("interveiwer", roles, 6), "interviewer");
	/* Too far from anything: no guess. */
	ck_assert_ptr_null(suggest_word("frobnicate", commands, 6));
	ck_assert_ptr_null(suggest_word("xyz", commands, 6));
	ck_assert_ptr_null(suggest_word("", commands, 6));
	/* A tie goes to the first: "lst" is one edit from "list" and two from "log". */
	ck_assert_str_eq(suggest_word("lst", commands, 6), "list");
	ck_assert_str_eq(suggest_word("ist", commands, 6), "list");
}
END_TEST

Suite *
make_suggest_suite(void)
{
	Suite *s = suite_create("suggest");
	TCase *tc = tcase_create("suggest");

	tcase_add_test(tc, test_distance);
	tcase_add_test(tc, test_too_long);
	tcase_add_test(tc, test_word);
	suite_add_tcase(s, tc);
	return s;
}
