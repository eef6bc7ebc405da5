/*
 * check_debrief_bank.c - unit tests for core/scripts/debrief_bank.c: the
 * question bank obeys the rules its header states, on which the debrief
 * builder relies.
 *
 * - one area per taxonomy category, in taxonomy order, found by slug;
 * - per area: at least 2 safe wordings, at least 3 probes, each with at
 *   least 2 follow-ups, and at least 3 neighbours, each list filled from the
 *   front (unused entries NULL only at the end);
 * - neighbours are other areas of the bank, none twice;
 * - probe questions and follow-ups are questions (ending in '?'); safe
 *   wordings and the sentence lists are whole sentences; note intros end
 *   in ':';
 * - placeholders: only those of a voice (voice.h), {to} only in greetings
 *   by name, and no other brace anywhere;
 * - no wording appears twice in the bank, and every list has enough lines
 *   for scripts to read differently;
 * - every area has at least three probes worded for every field, and none
 *   uses a word that sounds wrong in a field it is asked in ("vesting" to a
 *   cardiology group), a benefit word of one locale, a role in brackets, or
 *   wording that reopens the offer.
 */
#include <check.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/field.h"
#include "core/base/taxonomy.h"
#include "core/scripts/debrief_bank.h"
#include "suites.h"

/* The placeholders of a voice (core/scripts/voice.h), and with {to}. */
#define VOICE_KEYS "cand", "they", "them", "their", "They", "Their", "is", "has", "was", "s", \
	"team", "time_off", "health", "retirement"
static const char *const voice[] = { VOICE_KEYS, NULL };
static const char *const voice_to[] = { VOICE_KEYS, "to", NULL };

/* The NULL-terminated sentence lists, with what each must hold. */
static const struct {
	const char *name;
	const char *const *list;
	const char *const *allowed;     /* placeholders it may use */
	int needs_all;                  /* every line uses the first allowed placeholder */
	char last;                      /* how each line ends */
	size_t min;                     /* at least this many lines, for variety */
} lists[] = {
	{ "greet_to", bank_greet_to, voice_to, 0, '.', 8 },
	{ "greet_none", bank_greet_none, voice, 0, '.', 8 },
	{ "appreciate", bank_appreciate, voice, 0, '.', 8 },
	{ "decision", bank_decision, voice, 0, '.', 8 },
	{ "reason_lead", bank_reason_lead, voice, 0, '.', 6 },
	{ "no_reason", bank_no_reason, voice, 0, '.', 8 },
	{ "note_intro", bank_note_intro, voice, 0, ':', 6 },
	{ "transition", bank_transition, voice, 0, '?', 0 },
	{ "follow_any", bank_follow_any, voice, 0, '?', 8 },
	{ "cues", bank_cues, voice, 0, '.', 16 },
};
#define NLISTS (sizeof(lists) / sizeof(lists[0]))


/* Returns the length of the NULL-terminated LIST. */
static size_t
count(const char *const *list)
{
	size_t n = 0;

	while (list[n] != NULL)
		n++;
	return n;
}

/* Checks every brace of S opens one of the placeholders ALLOWED ("{name}")
 * and returns a bit mask of those used. */
static unsigned
placeholders(const char *where, const char *s, const char *const *allowed)
{
	unsigned used = 0;

	for (const char *p = s; *p != '\0'; p++) {
		size_t k;

		if (*p == '}')
			ck_abort_msg("%s: stray '}' in \"%s\"", where, s);
		if (*p != '{')
			continue;
		for (k = 0; allowed[k] != NULL; k++) {
			size_t n = strlen(allowed[k]);

			if (strncmp(p + 1, allowed[k], n) == 0 && p[1 + n] == '}') {
				used |= 1u << k;
				p += n + 1;
				break;
			}
		}
		if (allowed[k] == NULL)
			ck_abort_msg("%s: placeholder not allowed here in \"%s\"", where, s);
	}
	return used;
}

/* Checks S is one plain line: no leading or trailing space, no double
 * space, no control character, starting with a capital letter or a
 * placeholder and ending with LAST. */
static void
plain_line(const char *where, const char *s, char last)
{
	size_t n = strlen(s);

	ck_assert_msg(n > 10, "%s: \"%s\" is too short", where, s);
	ck_assert_msg(isupper((unsigned char)s[0]) || s[0] == '{', "%s: \"%s\" does not start "
	    "with a capital", where, s);
	ck_assert_msg(s[n - 1] == last, "%s: \"%s\" does not end with '%c'", where, s, last);
	ck_assert_msg(s[n - 2] != ' ' && strstr(s, "  ") == NULL, "%s: stray space in \"%s\"",
	    where, s);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg((unsigned char)s[i] >= 0x20 && s[i] != 0x7f,
		    "%s: control character in \"%s\"", where, s);
}

/* Returns the number of leading non-NULL entries of LIST (at most MAX),
 * checking every entry after them is NULL too. */
static size_t
filled(const char *where, const char *const *list, size_t max)
{
	size_t n = 0;

	while (n < max && list[n] != NULL)
		n++;
	for (size_t i = n; i < max; i++)
		ck_assert_msg(list[i] == NULL, "%s: entry %zu after a NULL", where, i);
	return n;
}

START_TEST(test_areas_in_taxonomy_order)
{
	ck_assert_uint_eq(bank_area_count, TAXONOMY_COUNT);
	for (size_t i = 0; i < bank_area_count; i++) {
		ck_assert_str_eq(bank_areas[i].slug, taxonomy[i].slug);
		ck_assert_ptr_eq(bank_find(taxonomy[i].slug), &bank_areas[i]);
	}
	ck_assert_ptr_null(bank_find(NULL));
	ck_assert_ptr_null(bank_find(""));
	ck_assert_ptr_null(bank_find("Compensation"));
	ck_assert_ptr_null(bank_find("hr:confidential"));
}
END_TEST

START_TEST(test_area_counts)
{
	for (size_t i = 0; i < bank_area_count; i++) {
		const struct bank_area *a = &bank_areas[i];
		size_t nsafe = filled(a->slug, a->safe, BANK_MAX_SAFE), nprobes;

		ck_assert_msg(nsafe >= 2, "%s: %zu safe wordings", a->slug, nsafe);
		ck_assert_uint_eq(bank_safe_count(a), nsafe);
		ck_assert_msg(filled(a->slug, a->neighbours, BANK_MAX_NEIGHBOURS) >= 3,
		    "%s: fewer than 3 neighbours", a->slug);
		for (nprobes = 0; nprobes < BANK_MAX_PROBES && a->probes[nprobes].question; nprobes++)
			ck_assert_msg(filled(a->probes[nprobes].question, a->probes[nprobes].follow_ups,
			    BANK_MAX_FOLLOW_UPS) >= 2, "%s: probe %zu has fewer than 2 follow-ups",
			    a->slug, nprobes);
		ck_assert_msg(nprobes >= 3, "%s: %zu probes", a->slug, nprobes);
		for (size_t p = nprobes; p < BANK_MAX_PROBES; p++) {
			ck_assert_msg(a->probes[p].question == NULL, "%s: probe %zu after an unused one",
			    a->slug, p);
			ck_assert_ptr_null(a->probes[p].follow_ups[0]);
		}
	}
}
END_TEST

START_TEST(test_safe_count)
{
	struct bank_area a;

	memset(&a, 0, sizeof(a));
	ck_assert_uint_eq(bank_safe_count(&a), 0);
	a.safe[0] = "One.";
	ck_assert_uint_eq(bank_safe_count(&a), 1);
	a.safe[1] = "Two.";
	a.safe[2] = "Three.";
	ck_assert_uint_eq(bank_safe_count(&a), BANK_MAX_SAFE);   /* full, no NULL */
}
END_TEST

START_TEST(test_neighbours_valid)
{
	for (size_t i = 0; i < bank_area_count; i++) {
		const struct bank_area *a = &bank_areas[i];

		for (size_t k = 0; k < BANK_MAX_NEIGHBOURS && a->neighbours[k] != NULL; k++) {
			const char *nb = a->neighbours[k];

			ck_assert_msg(taxonomy_find(nb) >= 0, "%s: neighbour '%s' is no category",
			    a->slug, nb);
			ck_assert_msg(bank_find(nb) != NULL, "%s: neighbour '%s' has no area", a->slug,
			    nb);
			ck_assert_msg(strcmp(nb, a->slug) != 0, "%s is its own neighbour", a->slug);
			for (size_t j = 0; j < k; j++)
				ck_assert_msg(strcmp(nb, a->neighbours[j]) != 0, "%s: neighbour '%s' twice",
				    a->slug, nb);
		}
	}
}
END_TEST

START_TEST(test_area_wording)
{
	for (size_t i = 0; i < bank_area_count; i++) {
		const struct bank_area *a = &bank_areas[i];

		for (size_t k = 0; k < bank_safe_count(a); k++) {
			plain_line(a->slug, a->safe[k], '.');
			placeholders(a->slug, a->safe[k], voice);
		}
		for (size_t p = 0; p < BANK_MAX_PROBES && a->probes[p].question; p++) {
			const struct bank_probe *bp = &a->probes[p];

			plain_line(a->slug, bp->question, '?');
			placeholders(a->slug, bp->question, voice);
			for (size_t f = 0; f < BANK_MAX_FOLLOW_UPS && bp->follow_ups[f]; f++) {
				plain_line(a->slug, bp->follow_ups[f], '?');
				placeholders(a->slug, bp->follow_ups[f], voice);
			}
		}
	}
}
END_TEST

START_TEST(test_sentence_lists)
{
	for (size_t l = 0; l < NLISTS; l++) {
		size_t n = count(lists[l].list);

		/* The builder picks one of several, so a refused line can be replaced,
		 * and no line is heard in more than a few scripts. */
		ck_assert_msg(n >= 2 && n >= lists[l].min, "%s: %zu lines", lists[l].name, n);
		for (size_t i = 0; i < n; i++) {
			const char *line = lists[l].list[i];
			size_t len = strlen(line);

			/* A transition may end in a question or a full stop. */
			plain_line(lists[l].name, line, lists[l].last == '?' && line[len - 1] == '.' ?
			    '.' : lists[l].last);
			placeholders(lists[l].name, line, lists[l].allowed);
		}
	}
	/* Every greeting by name says the name. */
	for (size_t i = 0; bank_greet_to[i] != NULL; i++)
		ck_assert_msg(strstr(bank_greet_to[i], "{to}") != NULL, "\"%s\" greets nobody",
		    bank_greet_to[i]);
	/* Closings and guardrails: several groups, each with several lines. */
	for (size_t g = 0; bank_closings[g] != NULL; g++) {
		ck_assert_uint_ge(count(bank_closings[g]), 5);
		for (size_t i = 0; bank_closings[g][i] != NULL; i++) {
			plain_line("closings", bank_closings[g][i], bank_closings[g][i][
			    strlen(bank_closings[g][i]) - 1] == '?' ? '?' : '.');
			placeholders("closings", bank_closings[g][i], voice);
		}
	}
	for (size_t g = 0; bank_guardrails[g] != NULL; g++) {
		ck_assert_uint_ge(count(bank_guardrails[g]), 4);
		for (size_t i = 0; bank_guardrails[g][i] != NULL; i++) {
			plain_line("guardrails", bank_guardrails[g][i], '.');
			placeholders("guardrails", bank_guardrails[g][i], voice);
		}
	}
	/* The question about people: several, each about everyone met. */
	ck_assert_uint_ge(count((const char *const[]){ bank_people[0].question,
	    bank_people[1].question, bank_people[2].question, NULL }), 3);
	for (size_t i = 0; bank_people[i].question != NULL; i++) {
		plain_line("people", bank_people[i].question, '?');
		placeholders("people", bank_people[i].question, voice);
		ck_assert_msg(strstr(bank_people[i].question, "met") != NULL ||
		    strstr(bank_people[i].question, "involved") != NULL ||
		    strstr(bank_people[i].question, "dealt with") != NULL,
		    "people question about nobody met: %s", bank_people[i].question);
		for (size_t f = 0; f < BANK_MAX_FOLLOW_UPS && bank_people[i].follow_ups[f]; f++)
			placeholders("people", bank_people[i].follow_ups[f], voice);
	}
}
END_TEST

/* Words that sound wrong in a field, and wording no probe may use anywhere. */
static const struct {
	unsigned fields;                /* 1u << enum field; 0: every field */
	const char *word;
} wrong[] = {
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "vesting" },
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "shares" },
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "options" },
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "equity" },
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "working from home" },
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "hybrid" },
	{ 1u << FIELD_PHYSICIAN | 1u << FIELD_NURSING | 1u << FIELD_ALLIED_HEALTH, "salary conversation" },
	{ 1u << FIELD_TECHNOLOGY | 1u << FIELD_SALES | 1u << FIELD_FINANCE, "partnership" },
	{ 1u << FIELD_TECHNOLOGY | 1u << FIELD_SALES | 1u << FIELD_FINANCE, "physician" },
	{ 1u << FIELD_TECHNOLOGY | 1u << FIELD_SALES | 1u << FIELD_FINANCE, "nurse" },
	{ 1u << FIELD_TECHNOLOGY | 1u << FIELD_EXECUTIVE | 1u << FIELD_FINANCE, "call schedule" },
	{ 1u << FIELD_GENERAL, "RVU" },
	{ 1u << FIELD_GENERAL, "staffing ratio" },
	{ 0, "pension" }, { 0, "401(k)" }, { 0, "PTO" }, { 0, "annual leave" },
	{ 0, "health cover" }, { 0, "open to discussion" }, { 0, "reopen" }, { 0, "negotiate" },
	{ 0, "improve the offer" }, { 0, "counter-offer" }, { 0, " CV" }, { 0, "(hiring manager)" },
	{ 0, "the candidate" },
};

/* Whether WORD is in S: as written if it has a capital ("PTO"), else in any case. */
static int
has_word(const char *s, const char *word)
{
	for (const char *w = word; *w != '\0'; w++)
		if (isupper((unsigned char)*w))
			return strstr(s, word) != NULL;
	return strcasestr(s, word) != NULL;
}

/* Every area has at least three probes worded for every field, and none of
 * them uses a word that sounds wrong there. */
START_TEST(test_probes_per_field)
{
	for (size_t i = 0; i < bank_area_count; i++) {
		const struct bank_area *a = &bank_areas[i];

		for (int f = FIELD_PHYSICIAN; f < FIELD_COUNT; f++) {
			size_t n = 0;

			for (size_t p = 0; p < BANK_MAX_PROBES && a->probes[p].question; p++) {
				const struct bank_probe *bp = &a->probes[p];

				if (!bank_probe_fits(bp, f))
					continue;
				n++;
				for (size_t w = 0; w < sizeof(wrong) / sizeof(wrong[0]); w++) {
					if (wrong[w].fields != 0 && !(wrong[w].fields & (1u << f)))
						continue;
					ck_assert_msg(!has_word(bp->question, wrong[w].word),
					    "%s, %s: '%s' in \"%s\"", a->slug, field_names[f],
					    wrong[w].word, bp->question);
					for (size_t k = 0; k < BANK_MAX_FOLLOW_UPS && bp->follow_ups[k]; k++)
						ck_assert_msg(!has_word(bp->follow_ups[k], wrong[w].word),
						    "%s, %s: '%s' in \"%s\"", a->slug, field_names[f],
						    wrong[w].word, bp->follow_ups[k]);
				}
			}
			ck_assert_msg(n >= 3, "%s: %zu probes for %s", a->slug, n, field_names[f]);
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
	const char **all;
	size_t n = 0, cap = 2048;

	ck_assert_ptr_nonnull(all = calloc(cap, sizeof(*all)));
	for (size_t i = 0; i < bank_area_count; i++) {
		const struct bank_area *a = &bank_areas[i];

		for (size_t k = 0; k < bank_safe_count(a); k++)
			all[n++] = a->safe[k];
		for (size_t p = 0; p < BANK_MAX_PROBES && a->probes[p].question; p++) {
			all[n++] = a->probes[p].question;
			for (size_t f = 0; f < BANK_MAX_FOLLOW_UPS && a->probes[p].follow_ups[f]; f++)
				all[n++] = a->probes[p].follow_ups[f];
		}
		ck_assert_uint_lt(n, cap - 64);
	}
	for (size_t l = 0; l < NLISTS; l++)
		for (size_t i = 0; lists[l].list[i] != NULL; i++)
			all[n++] = lists[l].list[i];
	for (size_t g = 0; bank_closings[g] != NULL; g++)
		for (size_t i = 0; bank_closings[g][i] != NULL; i++)
			all[n++] = bank_closings[g][i];
	for (size_t g = 0; bank_guardrails[g] != NULL; g++)
		for (size_t i = 0; bank_guardrails[g][i] != NULL; i++)
			all[n++] = bank_guardrails[g][i];
	for (size_t i = 0; bank_people[i].question != NULL; i++)
		all[n++] = bank_people[i].question;
	for (size_t i = 0; bank_people_few[i].question != NULL; i++)
		all[n++] = bank_people_few[i].question;
	ck_assert_uint_lt(n, cap);
	qsort(all, n, sizeof(*all), cmp_fold);
	for (size_t i = 1; i < n; i++)
		ck_assert_msg(strcasecmp(all[i - 1], all[i]) != 0, "\"%s\" appears twice", all[i]);
	free(all);
}
END_TEST

Suite *
make_debrief_bank_suite(void)
{
	Suite *s = suite_create("debrief_bank");
	TCase *tc = tcase_create("bank");

	tcase_add_test(tc, test_areas_in_taxonomy_order);
	tcase_add_test(tc, test_area_counts);
	tcase_add_test(tc, test_safe_count);
	tcase_add_test(tc, test_neighbours_valid);
	tcase_add_test(tc, test_area_wording);
	tcase_add_test(tc, test_sentence_lists);
	tcase_add_test(tc, test_no_duplicates);
	tcase_add_test(tc, test_probes_per_field);
	suite_add_tcase(s, tc);
	return s;
}
