/*
 * check_decline_notes_bank.c - unit tests for
 * core/scripts/decline_notes_bank.c: the wording of the decline call and of
 * the thank-you notes obeys the rules its header states.
 *
 * - every list is NULL-terminated and has at least two lines to choose from
 *   (the thank-you bodies at least two, one from each half);
 * - placeholders are only the documented ones, each where it can be
 *   filled: those of a voice (voice.h) and {client} everywhere, {to} in
 *   the call's greetings by name, {referral} only in the introduction lines,
 *   each of which uses it (the offer of help names nobody), {date} in every
 *   next step, {person} in every note greeting; no other brace anywhere;
 * - every note has its [a moment you remember] slot, every decision says
 *   "I wanted you to hear it from me";
 * - every line is one plain sentence (greetings and sign-offs end in ',');
 * - no wording appears twice.
 */
#include <check.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/scripts/decline_notes_bank.h"
#include "suites.h"

#define LIST_MAX 64     /* a list longer than this has lost its NULL */

#define VOICE_KEYS "cand", "they", "them", "their", "They", "Their", "is", "has", "was", "s", \
	"team", "client"
static const char *const greet_subs[] = { "to", VOICE_KEYS, NULL };
static const char *const call_subs[] = { VOICE_KEYS, NULL };
static const char *const referral_subs[] = { "referral", VOICE_KEYS, NULL };
static const char *const next_subs[] = { "date", VOICE_KEYS, NULL };
static const char *const note_subs[] = { "person", VOICE_KEYS, NULL };
static const char *const slot_subs[] = { VOICE_KEYS, NULL };
static const char *const nothing[] = { NULL };

static const struct {
	const char *name;
	const char *const *list;        /* NULL: phr_note_body[role] */
	int role;
	const char *const *allowed;     /* placeholders it may use */
	int needs_first;                /* every line uses allowed[0] */
	char last;                      /* how each line ends */
} lists[] = {
	{ "decline_greet_to", phr_decline_greet_to, -1, greet_subs, 1, '.' },
	{ "decline_greet_none", phr_decline_greet_none, -1, nothing, 0, '.' },
	{ "decline_open", phr_decline_open, -1, call_subs, 0, '.' },
	{ "decline_decision", phr_decline_decision, -1, call_subs, 0, '.' },
	{ "decline_future", phr_decline_future, -1, call_subs, 0, '.' },
	{ "decline_referral", phr_decline_referral, -1, referral_subs, 1, '.' },
	{ "decline_help", phr_decline_help, -1, nothing, 0, '.' },
	{ "decline_next", phr_decline_next, -1, next_subs, 1, '.' },
	{ "decline_tips", phr_decline_tips, -1, call_subs, 0, '.' },
	{ "note_body hiring-manager", NULL, 0, note_subs, 0, '.' },
	{ "note_body hr", NULL, 1, note_subs, 0, '.' },
	{ "note_body executive", NULL, 2, note_subs, 0, '.' },
	{ "note_body interviewer", NULL, 3, note_subs, 0, '.' },
	{ "note_body peer", NULL, 4, note_subs, 0, '.' },
	{ "note_body other", NULL, 5, note_subs, 0, '.' },
	{ "note_greeting", phr_note_greeting, -1, note_subs, 1, ',' },
	{ "note_news", phr_note_news, -1, slot_subs, 0, '.' },
	{ "note_moment", phr_note_moment, -1, slot_subs, 0, '.' },
	{ "note_ahead", phr_note_ahead, -1, slot_subs, 0, '.' },
	{ "note_closing", phr_note_closing, -1, nothing, 0, ',' },
	{ "client_greeting_team", phr_client_greeting_team, -1, nothing, 0, ',' },
	{ "client_thanks", phr_client_thanks, -1, call_subs, 0, '.' },
	{ "client_news", phr_client_news, -1, call_subs, 0, '.' },
	{ "client_next", phr_client_next, -1, next_subs, 1, '.' },
};
#define NLISTS (sizeof(lists) / sizeof(lists[0]))

/* Returns list L (the role bodies come from phr_note_body). */
static const char *const *
list_at(size_t l)
{
	return lists[l].role >= 0 ? phr_note_body[lists[l].role] : lists[l].list;
}

/* Returns the length of LIST, failing if no NULL comes within LIST_MAX. */
static size_t
count(const char *where, const char *const *list)
{
	size_t n = 0;

	while (n < LIST_MAX && list[n] != NULL)
		n++;
	ck_assert_msg(n < LIST_MAX, "%s: no NULL within %d lines", where, LIST_MAX);
	return n;
}

/* Checks every brace of S opens a placeholder of ALLOWED; returns whether
 * ALLOWED[0] is used. */
static int
placeholders(const char *where, const char *s, const char *const *allowed)
{
	int first = 0;

	for (const char *p = s; *p != '\0'; p++) {
		size_t k;

		if (*p == '}')
			ck_abort_msg("%s: stray '}' in \"%s\"", where, s);
		if (*p != '{')
			continue;
		for (k = 0; allowed[k] != NULL; k++) {
			size_t n = strlen(allowed[k]);

			if (strncmp(p + 1, allowed[k], n) == 0 && p[1 + n] == '}') {
				first |= k == 0;
				p += n + 1;
				break;
			}
		}
		if (allowed[k] == NULL)
			ck_abort_msg("%s: placeholder not allowed here in \"%s\"", where, s);
	}
	return first;
}

START_TEST(test_lists_terminated_and_long_enough)
{
	for (size_t l = 0; l < NLISTS; l++) {
		size_t n = count(lists[l].name, list_at(l));

		ck_assert_msg(n >= 2, "%s: %zu lines", lists[l].name, n);
	}
	/* Every note leaves the candidate a moment to fill in. */
	for (size_t i = 0; phr_note_moment[i] != NULL; i++)
		ck_assert_ptr_nonnull(strstr(phr_note_moment[i], "[a moment you remember]"));
	/* Every decision is said in person. */
	for (size_t i = 0; phr_decline_decision[i] != NULL; i++)
		ck_assert_ptr_nonnull(strstr(phr_decline_decision[i], "I wanted you to hear it from me"));
}
END_TEST

START_TEST(test_placeholders)
{
	for (size_t l = 0; l < NLISTS; l++) {
		const char *const *list = list_at(l);

		for (size_t i = 0; list[i] != NULL; i++) {
			int first = placeholders(lists[l].name, list[i], lists[l].allowed);

			if (lists[l].needs_first)
				ck_assert_msg(first, "%s: \"%s\" does not use {%s}", lists[l].name,
				    list[i], lists[l].allowed[0]);
		}
	}
}
END_TEST

START_TEST(test_plain_sentences)
{
	for (size_t l = 0; l < NLISTS; l++) {
		const char *const *list = list_at(l);

		for (size_t i = 0; list[i] != NULL; i++) {
			const char *s = list[i];
			size_t n = strlen(s);

			ck_assert_msg(n >= 4, "%s: \"%s\" is too short", lists[l].name, s);
			ck_assert_msg(isupper((unsigned char)s[0]) || s[0] == '{',
			    "%s: \"%s\" does not start with a capital", lists[l].name, s);
			ck_assert_msg(s[n - 1] == lists[l].last, "%s: \"%s\" does not end with '%c'",
			    lists[l].name, s, lists[l].last);
			ck_assert_msg(strstr(s, "  ") == NULL && s[n - 2] != ' ',
			    "%s: stray space in \"%s\"", lists[l].name, s);
			for (size_t k = 0; k < n; k++)
				ck_assert_msg((unsigned char)s[k] >= 0x20 && s[k] != 0x7f,
				    "%s: control character in \"%s\"", lists[l].name, s);
		}
	}
}
END_TEST

static int
cmp_fold(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

START_TEST(test_no_duplicates)
{
	const char *all[NLISTS * LIST_MAX];
	size_t n = 0;

	for (size_t l = 0; l < NLISTS; l++) {
		const char *const *list = list_at(l);

		for (size_t i = 0; list[i] != NULL; i++)
			all[n++] = list[i];
	}
	qsort(all, n, sizeof(all[0]), cmp_fold);
	for (size_t i = 1; i < n; i++)
		ck_assert_msg(strcasecmp(all[i - 1], all[i]) != 0, "\"%s\" appears twice", all[i]);
}
END_TEST

Suite *
make_decline_notes_bank_suite(void)
{
	Suite *s = suite_create("decline_notes_bank");
	TCase *tc = tcase_create("bank");

	tcase_add_test(tc, test_lists_terminated_and_long_enough);
	tcase_add_test(tc, test_placeholders);
	tcase_add_test(tc, test_plain_sentences);
	tcase_add_test(tc, test_no_duplicates);
	suite_add_tcase(s, tc);
	return s;
}
