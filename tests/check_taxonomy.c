/*
 * check_taxonomy.c - unit tests for core/base/taxonomy.c: the reason
 * categories and the small vocabularies beside them.
 *
 * The order and the slugs themselves are checked against SPEC section 4 in
 * check_turndown.c; here are the rules the rest of tact leans on: slugs are
 * unique, short and plain (lower-case letters and inner hyphens), few
 * enough for the report's 32-bit category mask; descriptions are unique;
 * suggestions for a misspelt slug; the list written into a buffer of any
 * size; and the closed vocabularies found by name.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/base/taxonomy.h"
#include "suites.h"

START_TEST(test_slugs_plain_and_unique)
{
	/* The report keeps a candidate's categories as bits of a uint32_t. */
	ck_assert_int_le(TAXONOMY_COUNT, 32);
	for (int i = 0; i < TAXONOMY_COUNT; i++) {
		const char *s = taxonomy[i].slug;
		size_t n = strlen(s);

		ck_assert_msg(n >= 2 && n < 32, "slug %d '%s': length %zu", i, s, n);
		ck_assert_msg(s[0] != '-' && s[n - 1] != '-', "slug '%s' starts or ends with '-'", s);
		ck_assert_msg(strspn(s, "abcdefghijklmnopqrstuvwxyz-") == n,
		    "slug '%s' is not lower-case letters and hyphens", s);
		ck_assert_msg(strchr(s, ':') == NULL, "slug '%s' holds the visibility separator", s);
		for (int j = 0; j < i; j++) {
			ck_assert_msg(strcmp(s, taxonomy[j].slug) != 0, "slug '%s' twice", s);
			ck_assert_msg(strcmp(taxonomy[i].description, taxonomy[j].description) != 0,
			    "'%s' and '%s' share a description", s, taxonomy[j].slug);
		}
	}
}
END_TEST

START_TEST(test_find_is_exact)
{
	ck_assert_int_eq(taxonomy_find("compensation"), 0);
	ck_assert_int_eq(taxonomy_find("other"), TAXONOMY_COUNT - 1);
	ck_assert_int_eq(taxonomy_find("hiring-manager"), 16);
	ck_assert_int_eq(taxonomy_find("Compensation"), -1);
	ck_assert_int_eq(taxonomy_find("HR"), -1);
	ck_assert_int_eq(taxonomy_find("hr:confidential"), -1);
	ck_assert_int_eq(taxonomy_find(" hr"), -1);
	ck_assert_int_eq(taxonomy_find("hiring"), -1);
}
END_TEST

START_TEST(test_suggest)
{
	static const struct { const char *typed, *want; } cases[] = {
		{ "teem", "team" },
		{ "equty", "equity" },
		{ "proccess", "process" },
		{ "stabilty", "stability" },
		{ "Compensation", "compensation" },
		{ "remot", "remote" },          /* a prefix */
		{ "hiring", "hiring-manager" },
		{ "partner", "partner-career" },
		{ "com", "compensation" },      /* the first slug with that prefix */
		{ "hx", "hr" },
		{ "counter-offer", "counteroffer" },
	};
	static const char *const none[] = { "xyz", "a", "zz", "bananas", "qqqqqqqq" };
	const char *s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = taxonomy_suggest(cases[i].typed);
		ck_assert_msg(s != NULL && strcmp(s, cases[i].want) == 0, "'%s': got '%s', want '%s'",
		    cases[i].typed, s ? s : "(none)", cases[i].want);
	}
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		s = taxonomy_suggest(none[i]);
		ck_assert_msg(s == NULL, "'%s': got '%s', want no suggestion", none[i], s);
	}
	/* What it suggests is always a slug. */
	s = taxonomy_suggest("beter-fit");
	ck_assert_ptr_nonnull(s);
	ck_assert_int_ge(taxonomy_find(s), 0);
}
END_TEST

/* The list fits a buffer of exactly its length, and any smaller buffer
 * gets as much as fits, still terminated. */
START_TEST(test_list_any_size)
{
	char full[1024], buf[1024];
	size_t len;

	taxonomy_list(full, sizeof(full));
	len = strlen(full);
	ck_assert_ptr_eq(strstr(full, "compensation, equity, "), full);
	ck_assert_str_eq(full + len - strlen(", reputation, other"), ", reputation, other");
	memset(buf, 'Z', sizeof(buf));
	taxonomy_list(buf, len + 1);
	ck_assert_str_eq(buf, full);
	ck_assert_int_eq(buf[len + 1], 'Z');
	for (size_t size = 1; size <= len; size++) {
		memset(buf, 'Z', sizeof(buf));
		taxonomy_list(buf, size);
		ck_assert_msg(strlen(buf) < size, "size %zu: '%s'", size, buf);
		ck_assert_int_eq(strncmp(buf, full, strlen(buf)), 0);
		ck_assert_int_eq(buf[size], 'Z');
	}
}
END_TEST

START_TEST(test_vocabularies)
{
	ck_assert_int_eq(vocab_find(person_role_names, 0, "hr"), -1);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, "HR"), -1);
	ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT, ""), -1);
	ck_assert_int_eq(vocab_find(impression_names, 3, "negative"), IMP_NEGATIVE);
	ck_assert_int_eq(vocab_find(impression_names, 2, "negative"), -1);
	for (int i = 0; i < PERSON_ROLE_COUNT; i++) {
		ck_assert_int_eq(vocab_find(person_role_names, PERSON_ROLE_COUNT,
		    person_role_names[i]), i);
		/* Every role has its plain words, spoken in scripts, unlike its slug. */
		ck_assert_ptr_nonnull(person_role_words[i]);
		ck_assert_int_gt((int)strlen(person_role_words[i]), 1);
		ck_assert_ptr_null(strchr(person_role_words[i], '-'));
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(person_role_words[i], person_role_words[j]);
	}
	ck_assert_str_eq(person_role_words[0], "hiring manager");
	ck_assert_str_eq(person_role_words[1], "HR partner");
}
END_TEST

Suite *
make_taxonomy_suite(void)
{
	Suite *s = suite_create("taxonomy");
	TCase *tc = tcase_create("categories");

	tcase_add_test(tc, test_slugs_plain_and_unique);
	tcase_add_test(tc, test_find_is_exact);
	tcase_add_test(tc, test_suggest);
	tcase_add_test(tc, test_list_any_size);
	tcase_add_test(tc, test_vocabularies);
	suite_add_tcase(s, tc);
	return s;
}
