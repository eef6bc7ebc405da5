/*
 * check_check.c - unit tests for core/base/check.c: the checks on what a
 * user typed, shared by options, prompts and JSON Lines.
 *
 * check_turndown.c covers UTF-8 forms, the limits and the common control
 * characters; here are the rules at their edges: only LEN bytes are looked
 * at, a note may hold a carriage return as well as newlines and tabs (a
 * name none of them), C1 controls are refused in notes too, each message
 * names the field, and trimming and the name key treat every ASCII white
 * space alike.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/check.h"
#include "suites.h"

/* Checks that text_check refuses S (LEN bytes) with a message naming WHAT
 * and holding NEEDLE. */
static void
refused(const char *what, const char *s, size_t len, size_t max, int note, const char *needle)
{
	struct terr err = { 0 };

	ck_assert_msg(text_check(what, s, len, max, note, &err) == -1, "'%s' accepted", s);
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_msg(strncmp(err.msg, what, strlen(what)) == 0, "'%s' does not start with '%s'",
	    err.msg, what);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "'%s' not in '%s'", needle, err.msg);
}

static void
accepted(const char *s, size_t len, size_t max, int note)
{
	struct terr err = { 0 };

	ck_assert_msg(text_check("field", s, len, max, note, &err) == 0, "'%s' refused: %s", s,
	    err.msg);
}

START_TEST(test_only_len_bytes)
{
	/* What lies past LEN is not looked at, NUL and controls included. */
	accepted("abc\x01", 3, 200, 0);
	accepted("ab\0\x1b", 2, 200, 0);
	accepted("\xc3\xa9\xff", 2, 200, 0);
	accepted("", 0, 0, 0);
	refused("name", "a", 1, 0, 0, "too long");
	refused("name", "ab", 2, 1, 0, "(2 bytes; the limit is 1)");
}
END_TEST

START_TEST(test_note_white_space)
{
	accepted("one\r\ntwo\tthree\n", 15, 200, 1);
	accepted("\r", 1, 200, 1);
	refused("candidate", "Jane\rRoe", 8, 200, 0, "control character");
	refused("candidate", "\n", 1, 200, 0, "control character");
	/* Vertical tab and form feed are not line breaks a note keeps. */
	refused("shareable note", "a\vb", 3, 200, 1, "control character");
	refused("shareable note", "a\fb", 3, 200, 1, "control character");
}
END_TEST

START_TEST(test_c1_in_notes)
{
	refused("confidential note", "x\xc2\x9b" "2J", 5, 200, 1, "control character");
	refused("confidential note", "\xc2\x85", 2, 200, 1, "control character");
	accepted("\xc2\xa0\xc2\xbf", 4, 200, 1);    /* U+00A0 and U+00BF are not controls */
}
END_TEST

START_TEST(test_messages_name_the_field)
{
	refused("role", "a\0b", 3, 200, 0, "NUL byte");
	refused("client", "caf\xe9", 4, 200, 0, "not valid UTF-8");
	refused("name of person met", "\x7f", 1, 200, 0, "control character");
}
END_TEST

START_TEST(test_trim_every_ascii_space)
{
	static const struct { const char *in, *trim, *key; } cases[] = {
		{ "\v\f Jane \r\n", "Jane", "jane" },
		{ "\tAcme\v\fHealth\r", "Acme\v\fHealth", "acme health" },
		{ "a", "a", "a" },
		{ "  \xc3\x89lodie  ", "\xc3\x89lodie", "\xc3\x89lodie" },
		{ "MIXED case\t\tNAME", "MIXED case\t\tNAME", "mixed case name" },
	};
	char *s;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_ptr_nonnull(s = text_trim(cases[i].in));
		ck_assert_msg(strcmp(s, cases[i].trim) == 0, "trim #%zu: '%s'", i, s);
		free(s);
		ck_assert_ptr_nonnull(s = text_name_key(cases[i].in));
		ck_assert_msg(strcmp(s, cases[i].key) == 0, "key #%zu: '%s'", i, s);
		free(s);
	}
}
END_TEST

/* Two spellings of one name give one key; two names two keys. */
START_TEST(test_name_key_identity)
{
	char *a = text_name_key("  Jane   ROE "), *b = text_name_key("jane roe"),
	    *c = text_name_key("janeroe"), *d = text_name_key("jane  roe x");

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(a, b);
	ck_assert_str_ne(a, c);
	ck_assert_str_ne(a, d);
	free(a);
	free(b);
	free(c);
	free(d);
}
END_TEST

Suite *
make_check_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, test_only_len_bytes);
	tcase_add_test(tc, test_note_white_space);
	tcase_add_test(tc, test_c1_in_notes);
	tcase_add_test(tc, test_messages_name_the_field);
	tcase_add_test(tc, test_trim_every_ascii_space);
	tcase_add_test(tc, test_name_key_identity);
	suite_add_tcase(s, tc);
	return s;
}
