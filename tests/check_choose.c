/*
 * check_choose.c - unit tests for choosing wording (core/scripts/choose.c):
 * the seeded chooser, placeholder filling, the check every line is put to,
 * and the owned string lists.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/scripts/choose.h"
#include "suites.h"

/* Refuses any line containing the word in ARG. */
static int
refuse_word(void *arg, const char *text)
{
	return strstr(text, (const char *)arg) != NULL;
}

static int
refuse_all(void *arg, const char *text)
{
	(void)arg;
	(void)text;
	return 1;
}

START_TEST(test_same_seed_same_choices)
{
	struct chooser a, b, c;
	int differ = 0;

	chooser_init(&a, 42, NULL, NULL);
	chooser_init(&b, 42, NULL, NULL);
	chooser_init(&c, 43, NULL, NULL);
	for (int i = 0; i < 100; i++) {
		size_t x = chooser_below(&a, 1000);

		ck_assert_uint_lt(x, 1000);
		ck_assert_uint_eq(x, chooser_below(&b, 1000));
		differ += x != chooser_below(&c, 1000);
	}
	ck_assert_int_gt(differ, 90);
}
END_TEST

START_TEST(test_permute_is_a_permutation)
{
	struct chooser c;
	size_t order[20], seen[20], moved = 0;

	chooser_init(&c, 7, NULL, NULL);
	for (int round = 0; round < 50; round++) {
		memset(seen, 0, sizeof(seen));
		chooser_permute(&c, order, 20);
		for (size_t i = 0; i < 20; i++) {
			ck_assert_uint_lt(order[i], 20);
			ck_assert_uint_eq(seen[order[i]]++, 0);
			moved += order[i] != i;
		}
	}
	/* not the identity every time */
	ck_assert_uint_gt(moved, 500);
}
END_TEST

START_TEST(test_fill)
{
	const char *const subs[] = { "candidate", "Jane", "client", "Acme", NULL };
	char *s = wording_fill("{candidate} met {client}; {candidate} again", subs);

	ck_assert_str_eq(s, "Jane met Acme; Jane again");
	free(s);
	s = wording_fill("no placeholder", subs);
	ck_assert_str_eq(s, "no placeholder");
	free(s);
}
END_TEST

START_TEST(test_line_checked_and_capitalised)
{
	const char *const subs[] = { "candidate", "the candidate", NULL };
	struct chooser c;
	char *s;

	chooser_init(&c, 1, refuse_word, (void *)"secret");
	s = choose_line(&c, "{candidate} has decided", subs);
	ck_assert_str_eq(s, "The candidate has decided");
	free(s);
	ck_assert_ptr_null(choose_line(&c, "a secret plan", NULL));
	ck_assert_int_eq(c.oom, 0);
}
END_TEST

START_TEST(test_choose_from_skips_refused)
{
	static const char *const list[] = { "one secret", "two", "three secret", NULL };
	struct chooser c;

	for (uint64_t seed = 0; seed < 20; seed++) {
		char *s;

		chooser_init(&c, seed, refuse_word, (void *)"secret");
		s = choose_from(&c, list, 0, wording_count(list), NULL);
		ck_assert_str_eq(s, "Two");
		free(s);
	}
	chooser_init(&c, 3, refuse_all, NULL);
	ck_assert_ptr_null(choose_from(&c, list, 0, 3, NULL));
	ck_assert_ptr_null(choose_from(&c, list, 2, 2, NULL));
}
END_TEST

START_TEST(test_choose_from_varies)
{
	static const char *const list[] = { "a", "b", "c", "d", NULL };
	int seen[4] = { 0 };
	struct chooser c;

	for (uint64_t seed = 0; seed < 200; seed++) {
		char *s;

		chooser_init(&c, seed, NULL, NULL);
		s = choose_from(&c, list, 0, 4, NULL);
		seen[s[0] - 'A']++;
		free(s);
	}
	for (int i = 0; i < 4; i++)
		ck_assert_int_gt(seen[i], 20);
}
END_TEST

START_TEST(test_strlist)
{
	char **list = NULL;
	size_t n = 0;

	ck_assert_int_eq(strlist_push(&list, &n, strdup("x")), 0);
	ck_assert_int_eq(strlist_push(&list, &n, NULL), 0);
	ck_assert_int_eq(strlist_push(&list, &n, strdup("y")), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(list[1], "y");
	strlist_free(list, n);
}
END_TEST

Suite *
make_choose_suite(void)
{
	Suite *s = suite_create("choose");
	TCase *tc = tcase_create("choose");

	tcase_add_test(tc, test_same_seed_same_choices);
	tcase_add_test(tc, test_permute_is_a_permutation);
	tcase_add_test(tc, test_fill);
	tcase_add_test(tc, test_line_checked_and_capitalised);
	tcase_add_test(tc, test_choose_from_skips_refused);
	tcase_add_test(tc, test_choose_from_varies);
	tcase_add_test(tc, test_strlist);
	suite_add_tcase(s, tc);
	return s;
}
