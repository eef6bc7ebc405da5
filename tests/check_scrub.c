/*
 * check_scrub.c - unit tests for core/report/scrub.c: what a shareable note
 * loses before a report quotes it.
 *
 * Each case is a note and the exact text it must become, through the public
 * scrub_text() only: known names in any case and form, other capitalised
 * words, e-mail addresses, phone numbers, dates, links and handles replaced;
 * ordinary words, numbers that are not phone numbers, and text in other
 * scripts kept.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report/scrub.h"
#include "suites.h"

static void
scrubs_to(const char *in, const char *const *names, size_t n, const char *want)
{
	char *got = scrub_text(in, names, n);

	ck_assert_ptr_nonnull(got);
	ck_assert_msg(strcmp(got, want) == 0, "scrub(\"%s\")\n got \"%s\"\nwant \"%s\"", in, got,
	    want);
	free(got);
}

START_TEST(test_scrub_known_names)
{
	const char *const names[] = { "Ann-Marie O'Neill", "Bob Jones" };

	scrubs_to("Bob Jones was rude; bob never called.", names, 2,
	    "[name] was rude; [name] never called.");
	scrubs_to("She said ann-marie's manager was fine.", names, 2,
	    "She said [name]'s manager was fine.");
	scrubs_to("the o'neill family moved", names, 2, "the [name] family moved");
	scrubs_to("Loved meeting Bob Jones's team.", names, 2, "Loved meeting [name]'s team.");
	scrubs_to("jones and JONES", names, 2, "[name] and [name]");
}
END_TEST

START_TEST(test_scrub_names_beyond_ascii)
{
	const char *const names[] = { "ZOË MÜLLER", "Ærin Łukasz-Øberg", "Σοφία Νικολάου",
		"Дмитрий Иванов" };

	scrubs_to("spoke to zoë müller and zoë.", names, 4, "spoke to [name] and [name].");
	scrubs_to("then ærin, łukasz and øberg", names, 4, "then [name], [name] and [name]");
	scrubs_to("met σοφία and дмитрий иванов", names, 4, "met [name] and [name]");
}
END_TEST

START_TEST(test_scrub_capitalised_words)
{
	scrubs_to("The team at Northwind was great, but Karen Smith in finance was slow.", NULL,
	    0, "The team at [name] was great, but [name] in finance was slow.");
	scrubs_to("Karen was great. Compensation was low.", NULL, 0,
	    "[name] was great. Compensation was low.");
	scrubs_to("I think the CEO and HR were fine, and I'm happy.", NULL, 0,
	    "I think the CEO and HR were fine, and I'm happy.");
	scrubs_to("Met Dr. McAllister and Élodie Brunet.", NULL, 0,
	    "Met [name]. [name] and [name].");
	scrubs_to("Worked with O'Brien and de Vries in R&D.", NULL, 0,
	    "Worked with [name] and de [name] in R&D.");
	scrubs_to("Don't know. It's fine.", NULL, 0, "Don't know. It's fine.");
}
END_TEST

START_TEST(test_scrub_emails_and_phones)
{
	scrubs_to("mail ann.smith+jobs@example.co.uk or BOB@Example.com.", NULL, 0,
	    "mail [email] or [email].");
	scrubs_to("call +44 20 7946 0958 now", NULL, 0, "call [phone] now");
	scrubs_to("call (555) 123-4567 now", NULL, 0, "call [phone] now");
	scrubs_to("call 555-123-4567 now", NULL, 0, "call [phone] now");
	scrubs_to("call 07700 900123 now", NULL, 0, "call [phone] now");
	scrubs_to("call 555.123.4567 now", NULL, 0, "call [phone] now");
	scrubs_to("call +1-555-123-4567.", NULL, 0, "call [phone].");
	scrubs_to("(tel: 5551234567)", NULL, 0, "(tel: [phone])");
	scrubs_to("a 10-15% raise in 2026, 3 rounds, 120,000 base", NULL, 0,
	    "a 10-15% raise in 2026, 3 rounds, 120,000 base");
}
END_TEST

START_TEST(test_scrub_dates_links_handles)
{
	scrubs_to("offer on 2026-01-19, declined 19/01/2026", NULL, 0,
	    "offer on [date], declined [date]");
	scrubs_to("started on Monday, 3 March and left March 21st.", NULL, 0,
	    "started on [date] and left [date].");
	scrubs_to("see https://linkedin.com/in/someone, or linkedin.com/in/x.", NULL, 0,
	    "see [link], or [link].");
	scrubs_to("ping @zedq on chat", NULL, 0, "ping [name] on chat");
	scrubs_to("mid 2026-01 is fine", NULL, 0, "mid 2026-01 is fine");
}
END_TEST

START_TEST(test_scrub_collapses_and_keeps_text)
{
	scrubs_to("Mary Ann Jane Smith said hi", NULL, 0, "[name] said hi");
	scrubs_to("", NULL, 0, "");
	scrubs_to("line one\r\nThe end\rthe very end", NULL, 0,
	    "line one\nThe end\nthe very end");
	scrubs_to("naïve café, über-cool", NULL, 0, "naïve café, über-cool");
}
END_TEST

/* Known names go wherever they stand, whatever the case, also as part of a
 * word joined by a hyphen or apostrophe; words that merely contain one
 * (Bobby, Annexe) stay. */
START_TEST(test_scrub_known_names_only_whole_words)
{
	const char *const names[] = { "bob ann" };

	scrubs_to("ann and bob; ANN, Bob.", names, 1, "[name] and [name]; [name], [name].");
	scrubs_to("bobby met ann's team in the annexe", names, 1,
	    "bobby met [name]'s team in the annexe");
	scrubs_to("no names given here", NULL, 0, "no names given here");
}
END_TEST

/* Whatever the known names, none of them survives in any note built from
 * them, in any case, at any place in a sentence. */
START_TEST(test_scrub_no_known_name_survives)
{
	static const char *const names[] = { "Ottilie Brackwater", "Quentin Vayle",
		"Maëlle Øster" };
	static const char *const forms[] = { "%s", "%s's", "(%s)", "%s-led", "\"%s\"" };
	/* Each word of each name as written, in lower case and in capitals; the
	 * check looks for the word without its first letter, in either case. */
	static const struct { const char *word, *rest; } words[] = {
		{ "ottilie", "ttilie" }, { "Ottilie", "ttilie" }, { "OTTILIE", "TTILIE" },
		{ "brackwater", "rackwater" }, { "BRACKWATER", "RACKWATER" },
		{ "quentin", "uentin" }, { "Vayle", "ayle" }, { "vayle", "ayle" },
		{ "maëlle", "aëlle" }, { "MAËLLE", "AËLLE" }, { "øster", "ster" },
		{ "ØSTER", "STER" },
	};
	char note[256], part[64];

	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
			char *got;

			snprintf(part, sizeof(part), forms[f], words[w].word);
			snprintf(note, sizeof(note), "we spoke, then %s called back", part);
			got = scrub_text(note, names, 3);
			ck_assert_ptr_nonnull(got);
			ck_assert_msg(strstr(got, words[w].rest) == NULL, "'%s' became '%s'", note,
			    got);
			free(got);
		}
	}
}
END_TEST

Suite *
make_scrub_suite(void)
{
	Suite *s = suite_create("scrub");
	TCase *names = tcase_create("names");
	TCase *details = tcase_create("details");

	tcase_add_test(names, test_scrub_known_names);
	tcase_add_test(names, test_scrub_names_beyond_ascii);
	tcase_add_test(names, test_scrub_capitalised_words);
	tcase_add_test(names, test_scrub_known_names_only_whole_words);
	tcase_add_test(names, test_scrub_no_known_name_survives);
	tcase_add_test(details, test_scrub_emails_and_phones);
	tcase_add_test(details, test_scrub_dates_links_handles);
	tcase_add_test(details, test_scrub_collapses_and_keeps_text);
	suite_add_tcase(s, names);
	suite_add_tcase(s, details);
	return s;
}
