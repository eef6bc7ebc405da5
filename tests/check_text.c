/*
 * check_text.c - unit tests for core/text/ (comparison forms, words,
 * common words, wrapping) and for the two readers built on it: the leak
 * guard (core/confidential/guard.c) and the report's quote scrubber
 * (core/report/scrub.c).
 *
 * Most of it is tables, one row per way of writing a word that people read
 * as the same word: NFKC forms (ligatures, fullwidth and mathematical
 * letters), full case folding, accents, invisible characters, hyphens and
 * apostrophes kept and dropped, and names inside Chinese, Japanese, Thai
 * and Korean text.  Each guard row builds a guard from its own notes and
 * person met, and says whether a line must be refused; each scrubber row
 * says what a quote becomes.  Rows that must pass are there too, so that
 * the guard is not made safe by refusing everything.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/confidential/guard.h"
#include "core/report/scrub.h"
#include "core/text/common.h"
#include "core/text/fold.h"
#include "core/text/utf8.h"
#include "core/text/words.h"
#include "core/text/wrap.h"
#include "suites.h"

/* ---- comparison forms ------------------------------------------------------ */

static const struct {
	const char *in, *want;
} fold_cases[] = {
	{ "Grant", "grant" },
	{ "Stra\u00dfe", "strasse" },                   /* full case folding */
	{ "STRAU\u1e9e", "strauss" },                   /* capital sharp s */
	{ "\ufb01nal \ufb02oor \ufb03x", "final floor ffix" },  /* ligatures */
	{ "\u0132sselmeer", "ijsselmeer" },
	{ "\uff2a\uff4f\uff53\u00e9", "jose" },         /* fullwidth */
	{ "\U0001d406\U0001d42b\U0001d41a\U0001d427\U0001d42d", "grant" },  /* mathematical bold */
	{ "\u24b6\u24d1", "ab" },                       /* circled letters */
	{ "Jos\u00e9 N\u00fa\u00f1ez", "jose nunez" },  /* accents */
	{ "Jose\u0301", "jose" },                       /* a combining accent */
	{ "\u0130lkay G\u00fcndo\u011fan", "ilkay gundogan" },
	{ "\u0141UKASZ \u00d8berg \u0110or\u0111e", "lukasz oberg dorde" },    /* strokes */
	{ "\u00c6rin \u0152uvre", "aerin oeuvre" },
	{ "Nguy\u1ec5n Th\u1ecb", "nguyen thi" },
	{ "\u039d\u0399\u039a\u039f\u039b\u0391\u03aa\u0394\u0397\u03a3", "νικολαιδησ" },
	{ "Gr\u200bant Gr\u200cant Gr\u200dant Gr\u00adant", "grant grant grant grant" },
	{ "\u200eGrant\u200f \ufeffGrant Gr\u2060ant Gr\u034fant", "grant grant grant grant" },
	{ "O\u2019Brien O\u02bcBrien O`Brien", "o'brien o'brien o'brien" },
	{ "Anne\u2010Marie Anne\u2011Marie Anne\uff0dMarie", "anne-marie anne-marie anne-marie" },
	{ "\uff78\uff9e\uff97\uff9d\uff84", "\u30af\u30e9\u30f3\u30c8" },      /* halfwidth katakana */
	{ "\u738b\u5c0f\u660e", "\u738b\u5c0f\u660e" },
	{ "", "" },
};

START_TEST(test_fold_table)
{
	for (size_t i = 0; i < sizeof(fold_cases) / sizeof(*fold_cases); i++) {
		size_t len = 0;
		char *got = text_fold(fold_cases[i].in, strlen(fold_cases[i].in), &len);

		ck_assert_ptr_nonnull(got);
		ck_assert_msg(strcmp(got, fold_cases[i].want) == 0 && len == strlen(got),
		    "fold(\"%s\")\n got \"%s\"\nwant \"%s\"", fold_cases[i].in, got,
		    fold_cases[i].want);
		free(got);
	}
}
END_TEST

START_TEST(test_fold_mapped)
{
	const char *s = "a\ufb01\u200bb\u00e9";  /* a, ﬁ, ZWSP, b, é */
	struct text_folded f;

	ck_assert_int_eq(text_fold_mapped(&f, s, strlen(s), 1), 0);
	ck_assert_str_eq(f.form, "afibe");
	/* Both letters of the ligature came from its three bytes. */
	ck_assert_uint_eq(f.from[1], 1);
	ck_assert_uint_eq(f.to[1], 4);
	ck_assert_uint_eq(f.from[2], 1);
	ck_assert_uint_eq(f.to[2], 4);
	/* The zero-width space left nothing; b came from after it. */
	ck_assert_uint_eq(f.from[3], 7);
	ck_assert_uint_eq(f.to[4], strlen(s));
	text_folded_free(&f);
}
END_TEST

/* ---- words ----------------------------------------------------------------- */

/* Returns the forms of TEXT's words read HOW, joined by single spaces, in BUF. */
static const char *
forms(const char *text, enum text_reading how, char *buf, size_t size)
{
	struct text_words w;
	size_t at = 0;

	ck_assert_int_eq(text_words_read(&w, text, strlen(text), how), 0);
	buf[0] = '\0';
	for (size_t i = 0; i < w.n; i++)
		at += (size_t)snprintf(buf + at, size - at, "%s%s%s", i ? " " : "",
		    w.v[i].form, w.v[i].spaceless ? "/z" : "");
	text_words_free(&w);
	return buf;
}

static const struct {
	const char *text, *split, *join;
} word_cases[] = {
	{ "O'Brien met Anne-Marie.", "o brien met anne marie", "obrien met annemarie" },
	{ "didn\u2019t like the panel", "didn t like the panel", "didnt like the panel" },
	{ "process\u2014the end", "process the end", "process the end" },
	{ "Mar\u00adguerite Gr\u200bant", "mar guerite gr ant", "marguerite grant" },
	{ "Will\u200bGrant", "will grant", "willgrant" },
	{ "x-y- 'quoted' O''Brien", "x y quoted o brien", "xy quoted o brien" },
	{ "\u6211\u548cWill Grant\u8c08\u8fc7",
	    "\u6211\u548c/z will grant \u8c08\u8fc7/z", "\u6211\u548c/z will grant \u8c08\u8fc7/z" },
	{ "\u30a6\u30a3\u30eb\u30fb\u30b0\u30e9\u30f3\u30c8\u3055\u3093",
	    "\u30a6\u30a3\u30eb/z \u30af\u30e9\u30f3\u30c8\u3055\u3093/z",
	    "\u30a6\u30a3\u30eb\u30af\u30e9\u30f3\u30c8\u3055\u3093/z" },
	{ "\u0e04\u0e38\u0e13Grant\u0e1a\u0e2d\u0e01", "\u0e04\u0e13/z grant \u0e1a\u0e2d\u0e01/z",
	    "\u0e04\u0e13/z grant \u0e1a\u0e2d\u0e01/z" },
	{ "3rd 2026-01 \u00bd", "3rd 2026 01 1\u20442", "3rd 202601 1\u20442" },
	{ "\xff\xfe bad \xc3", "bad", "bad" },
	{ "", "", "" },
};

START_TEST(test_words_table)
{
	char got[512];

	for (size_t i = 0; i < sizeof(word_cases) / sizeof(*word_cases); i++) {
		ck_assert_msg(strcmp(forms(word_cases[i].text, TEXT_SPLIT, got, sizeof(got)),
		    word_cases[i].split) == 0, "split \"%s\"\n got \"%s\"\nwant \"%s\"",
		    word_cases[i].text, got, word_cases[i].split);
		ck_assert_msg(strcmp(forms(word_cases[i].text, TEXT_JOIN, got, sizeof(got)),
		    word_cases[i].join) == 0, "join \"%s\"\n got \"%s\"\nwant \"%s\"",
		    word_cases[i].text, got, word_cases[i].join);
	}
}
END_TEST

START_TEST(test_words_flags)
{
	const char *t = "The panel. \uff2delodie said \u00c9mile and i. \U0001d40c";
	struct text_words w;

	ck_assert_int_eq(text_words_read(&w, t, strlen(t), TEXT_SPLIT), 0);
	ck_assert_uint_eq(w.n, 8);
	ck_assert(w.v[0].capital && w.v[0].sentence_start);
	ck_assert(!w.v[1].capital && !w.v[1].sentence_start);
	ck_assert(w.v[2].capital && w.v[2].sentence_start);         /* fullwidth M */
	ck_assert(w.v[4].capital && !w.v[4].sentence_start);        /* É */
	ck_assert(!w.v[6].capital);
	ck_assert(w.v[7].capital && w.v[7].sentence_start);         /* mathematical M */
	ck_assert_uint_eq(w.v[2].chars, 7);
	/* Where each word was in the text, for checks on its written form. */
	ck_assert_uint_eq(w.v[1].at, 4);
	ck_assert_uint_eq(w.v[1].span, 5);
	text_words_free(&w);
}
END_TEST

START_TEST(test_word_len)
{
	static const struct {
		const char *s;
		size_t len;
	} cases[] = {
		{ "O'Brien's team", 9 }, { "Anne-Marie", 10 }, { "end.", 3 }, { "a--b", 1 },
		{ "Mar\u00adguerite x", 12 }, { "word\u200b ", 4 }, { "'quote", 0 },
		{ "\u738b\u5c0f\u660eWill", 9 }, { "Will\u738b", 4 }, { "3\u738b", 4 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		ck_assert_msg(text_word_len(cases[i].s, strlen(cases[i].s)) == cases[i].len,
		    "text_word_len(\"%s\") is %zu, want %zu", cases[i].s,
		    text_word_len(cases[i].s, strlen(cases[i].s)), cases[i].len);
}
END_TEST

/* The ASCII shortcut of text_fold() gives what the per-character path
 * gives: every ASCII character, and a mixed text either side of it. */
START_TEST(test_fold_ascii)
{
	char all[128], *fast, *mixed;
	struct text_folded slow;
	size_t len;

	for (int c = 1; c < 128; c++)
		all[c - 1] = (char)c;
	all[127] = '\0';
	fast = text_fold(all, 127, &len);
	ck_assert_int_eq(text_fold_mapped(&slow, all, 127, 0), 0);
	ck_assert_uint_eq(len, slow.len);
	ck_assert_mem_eq(fast, slow.form, len);
	text_folded_free(&slow);
	free(fast);
	fast = text_fold("O'Brien-SMITH", 13, &len);
	ck_assert_str_eq(fast, "o'brien-smith");
	mixed = text_fold("O\u2019Brien\u2010SMITH", strlen("O\u2019Brien\u2010SMITH"), NULL);
	ck_assert_str_eq(mixed, fast);
	free(fast);
	free(mixed);
}
END_TEST

START_TEST(test_common_words)
{
	ck_assert(text_common_word("the") && text_common_word("compensation"));
	ck_assert(text_common_word("don't") && text_common_word("will") && text_common_word("me"));
	ck_assert(!text_common_word("karen") && !text_common_word("The"));
	ck_assert(text_common_date("march", 0) && !text_common_date("mar", 0));
	ck_assert(text_common_date("mar", 1) && !text_common_date("marc", 1));
	ck_assert(text_common_title("dr") && !text_common_title("drew"));
	ck_assert(text_common_abbreviation("HR", 2) && !text_common_abbreviation("Hr", 2));
	ck_assert(text_common_abbreviation("PhD", 3));
	ck_assert_uint_eq(text_common_ampersand("R&D team", 8), 3);
	ck_assert_uint_eq(text_common_ampersand("R&Dx", 4), 0);
	ck_assert_uint_eq(text_common_ampersand("R&", 2), 0);
}
END_TEST

/* ---- wrapping ---------------------------------------------------------------- */

START_TEST(test_width)
{
	ck_assert_uint_eq(text_width("abc", 3), 3);
	ck_assert_uint_eq(text_width("\u00e9", 2), 1);
	ck_assert_uint_eq(text_width("e\u0301", 3), 1);
	ck_assert_uint_eq(text_width("\u738b\u5c0f", 6), 4);
	ck_assert_uint_eq(text_width("\uff21", 3), 2);
	ck_assert_uint_eq(text_width("a\u200bb", 5), 2);
	ck_assert_uint_eq(text_utf8_count("a\u738b\U0001d406", 8), 3);
}
END_TEST

/* Returns S wrapped as text_wrap() writes it (free it). */
static char *
wrapped(const char *lead, const char *indent, const char *s, size_t width)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	text_wrap(f, lead, indent, s, width);
	fclose(f);
	return buf;
}

START_TEST(test_wrap)
{
	static const struct {
		const char *lead, *indent, *s;
		size_t width;
		const char *want;
	} cases[] = {
		{ "- ", "  ", "one two three four", 10, "- one two\n  three\n  four\n" },
		{ "- ", "  ", "  spaced \t out  ", 80, "- spaced out\n" },
		{ "- ", "  ", "line one\nline two", 80, "- line one\n  line two\n" },
		{ "- ", "  ", "unbreakablewordhere x", 8, "- unbreakablewordhere\n  x\n" },
		{ "", "", "", 10, "\n" },
		/* Wide characters take two columns: two words of two and a space
		 * are nine, one too many for 8. */
		{ "", "", "\u738b\u5c0f \u738b\u5c0f \u738b", 8,
		    "\u738b\u5c0f\n\u738b\u5c0f \u738b\n" },
		/* An accent takes none: "café" is four columns, not five bytes. */
		{ "", "", "cafe\u0301 caf\u00e9", 9, "cafe\u0301 caf\u00e9\n" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *got = wrapped(cases[i].lead, cases[i].indent, cases[i].s, cases[i].width);

		ck_assert_msg(strcmp(got, cases[i].want) == 0, "wrap(\"%s\", %zu)\n got \"%s\"\n"
		    "want \"%s\"", cases[i].s, cases[i].width, got, cases[i].want);
		free(got);
	}
}
END_TEST

/* ---- the guard -------------------------------------------------------------- */

enum { POS = 0, NEU = 1, NEG = 2 };    /* enum impression */

struct guard_case {
	const char *what;       /* the form under test */
	const char *conf, *share;       /* the notes (NULL: empty) */
	const char *person;     /* one person met (NULL: none) ... */
	int impression;         /* ... seen so */
	const char *text;       /* the line checked */
	int fires;              /* 1: must be refused; 0: may be said */
};

#define RUDE "In the end the final round felt rushed, and she didn't like the panel."
#define RUN(what, text, fires) { what, RUDE, NULL, NULL, 0, text, fires }
#define NAME(what, person, imp, text, fires) { what, NULL, NULL, person, imp, text, fires }
#define ONLY "The panel was fine, but Marguerite from finance was dismissive."
#define CONF_NAME(what, text, fires) { what, ONLY, NULL, NULL, 0, text, fires }

static const struct guard_case guard_cases[] = {
	/* Runs of the confidential note. */
	RUN("run as written", "the final round felt", 1),
	RUN("run in capitals", "THE FINAL ROUND", 1),
	RUN("run with a ligature", "the \ufb01nal round", 1),
	RUN("run in fullwidth letters", "\uff54\uff48\uff45 \uff46\uff49\uff4e\uff41\uff4c "
	    "\uff52\uff4f\uff55\uff4e\uff44", 1),
	RUN("run in mathematical letters", "\U0001d42d\U0001d421\U0001d41e final round", 1),
	RUN("run with accents added", "th\u00e9 f\u00efnal r\u00f6und", 1),
	RUN("run with zero-width spaces", "the fi\u200bnal ro\u200bund", 1),
	RUN("run with soft hyphens", "the fi\u00adnal round", 1),
	RUN("run with a word joiner and a BOM", "\ufeffthe final\u2060 round", 1),
	RUN("run with direction marks", "the \u200efinal\u200f round", 1),
	RUN("run with hyphens", "the final-round-felt", 1),
	RUN("words run together are other words", "thefinal round went", 0),
	RUN("apostrophe kept", "she didn't like", 1),
	RUN("apostrophe dropped", "she didnt like", 1),
	RUN("apostrophe as a space", "didn t like the", 1),
	RUN("curly apostrophe", "didn\u2019t like the", 1),
	RUN("modifier apostrophe", "didn\u02bct like the", 1),
	RUN("grave accent as an apostrophe", "didn`t like the", 1),
	RUN("fullwidth apostrophe", "didn\uff07t like the", 1),
	RUN("two words of a run", "the final decision", 0),
	RUN("words out of order", "round final the", 0),
	{ "run the shareable note holds, in another form", "The whole process dragged on.",
	    "The whole process was long.", NULL, 0, "THE \uff37\uff28\uff2f\uff2c\uff25 process", 0 },
	{ "run the shareable note holds, other apostrophes", "She didn\u2019t like the panel.",
	    "She didn't like the panel either.", NULL, 0, "she didnt like the panel", 0 },
	{ "hyphenated run, shareable without", "A well-known firm pays less.", "", NULL, 0,
	    "a well known firm", 1 },
	{ "hyphenated run, joined", "A well-known firm pays less.", "", NULL, 0,
	    "wellknown firm pays", 1 },

	/* Names of people seen neutrally or negatively. */
	NAME("accents dropped", "Jos\u00e9 N\u00fa\u00f1ez", NEG, "Ask Jose Nunez.", 1),
	NAME("accents in capitals", "Jos\u00e9 N\u00fa\u00f1ez", NEG, "JOS\u00c9", 1),
	NAME("accents added", "Jose Nunez", NEG, "Ask Jos\u00e9 N\u00fa\u00f1ez.", 1),
	NAME("combining accent", "Jos\u00e9 N\u00fa\u00f1ez", NEG, "Jose\u0301 said", 1),
	NAME("surname alone, no accent", "Jos\u00e9 N\u00fa\u00f1ez", NEG, "nunez", 1),
	NAME("umlauts", "Zo\u00eb M\u00fcller", NEU, "Zoe Muller in payroll", 1),
	NAME("ring and diaeresis", "\u00c5sa \u00d6berg", NEG, "asa oberg", 1),
	NAME("stroke letters", "\u0141ukasz \u00d8berg", NEG, "Lukasz", 1),
	NAME("stroke letters added", "Lukasz Oberg", NEG, "\u00d8berg", 1),
	NAME("Vietnamese tones", "Nguy\u1ec5n Th\u1ecb Minh", NEG, "Nguyen", 1),
	NAME("sharp s, capitals", "Johann Strau\u00df", NEG, "STRAUSS", 1),
	NAME("sharp s, spelt ss", "Johann Strau\u00df", NEG, "Strauss", 1),
	NAME("capital sharp s", "Johann Strauss", NEG, "STRAU\u1e9e", 1),
	NAME("dotted capital I", "\u0130lkay G\u00fcndo\u011fan", NEU, "ilkay gundogan", 1),
	NAME("Greek final sigma", "\u039d\u03b9\u03ba\u03bf\u03bb\u03b1\u0390\u03b4\u03b7\u03c2",
	    NEG, "\u039d\u0399\u039a\u039f\u039b\u0391\u03aa\u0394\u0397\u03a3", 1),
	NAME("Cyrillic capitals", "\u0414\u043c\u0438\u0442\u0440\u0438\u0439 "
	    "\u0418\u0432\u0430\u043d\u043e\u0432", NEG, "\u0418\u0412\u0410\u041d\u041e\u0412", 1),
	NAME("ligature fi", "Fiona Grant", NEG, "ask \ufb01ona", 1),
	NAME("ligature fl", "Flora Diaz", NEG, "\ufb02ora", 1),
	NAME("ligature IJ", "Ijsbrand Smit", NEG, "\u0132sbrand", 1),
	NAME("fullwidth letters", "Hope Mills", NEU, "\uff2d\uff49\uff4c\uff4c\uff53 said so", 1),
	NAME("fullwidth capitals", "Hope Mills", NEU, "\uff2d\uff29\uff2c\uff2c\uff33", 1),
	NAME("mathematical bold", "Hope Mills", NEU,
	    "\U0001d40c\U0001d422\U0001d425\U0001d425\U0001d42c", 1),
	NAME("circled letters", "Hope Mills", NEU, "\u24c2\u24d8\u24db\u24db\u24e2", 1),
	NAME("zero-width space", "Marguerite Okonjo", NEG, "Mar\u200bguerite", 1),
	NAME("zero-width non-joiner", "Marguerite Okonjo", NEG, "Mar\u200cguerite", 1),
	NAME("zero-width joiner", "Marguerite Okonjo", NEG, "Mar\u200dguerite", 1),
	NAME("soft hyphen", "Marguerite Okonjo", NEG, "Mar\u00adgue\u00adrite", 1),
	NAME("direction marks", "Marguerite Okonjo", NEG, "\u200eOkonjo\u200f", 1),
	NAME("bidi override", "Marguerite Okonjo", NEG, "\u202eOkonjo\u202c", 1),
	NAME("byte order mark", "Marguerite Okonjo", NEG, "\ufeffOkonjo", 1),
	NAME("word joiner", "Marguerite Okonjo", NEG, "Oko\u2060njo", 1),
	NAME("grapheme joiner", "Marguerite Okonjo", NEG, "Oko\u034fnjo", 1),
	NAME("variation selector", "Marguerite Okonjo", NEG, "Okonjo\ufe0f", 1),
	NAME("whole name joined by a zero-width space", "Marguerite Okonjo", NEG,
	    "Marguerite\u200bOkonjo", 1),
	NAME("apostrophe kept", "Anne-Marie O'Brien", NEU, "O'Brien", 1),
	NAME("apostrophe dropped", "Anne-Marie O'Brien", NEU, "Obrien", 1),
	NAME("apostrophe as a space", "Anne-Marie O'Brien", NEU, "O Brien", 1),
	NAME("curly apostrophe", "Anne-Marie O'Brien", NEU, "O\u2019Brien", 1),
	NAME("acute accent as an apostrophe", "Anne-Marie O'Brien", NEU, "O\u00b4Brien", 1),
	NAME("hyphen kept", "Anne-Marie O'Brien", NEU, "Anne-Marie", 1),
	NAME("hyphen dropped", "Anne-Marie O'Brien", NEU, "Annemarie", 1),
	NAME("hyphen as a space", "Anne-Marie O'Brien", NEU, "Anne Marie", 1),
	NAME("Unicode hyphen", "Anne-Marie O'Brien", NEU, "Anne\u2010Marie", 1),
	NAME("non-breaking hyphen", "Anne-Marie O'Brien", NEU, "ANNE\u2011MARIE", 1),
	NAME("fullwidth hyphen", "Anne-Marie O'Brien", NEU, "Anne\uff0dMarie", 1),
	NAME("name entered joined, said hyphenated", "Annemarie Obrien", NEU, "Anne-Marie", 1),
	NAME("name entered joined, apostrophe said", "Annemarie Obrien", NEU, "O\u2019Brien", 1),
	NAME("whole name, each way", "Anne-Marie O'Brien", NEU, "anne marie o brien", 1),
	NAME("a longer word is not the name", "Anne-Marie O'Brien", NEU, "Obrienne", 0),
	NAME("common first name in lower case", "Will Grant", NEG, "What will you change?", 0),
	NAME("common first name capitalised", "Will Grant", NEG, "Ask Will.", 1),
	NAME("a Latin name is not looked for inside words", "Will Grant", NEG,
	    "Grantham was lovely.", 0),
	NAME("seen positively", "Zo\u00eb Brandt", POS, "Zoe Brandt was kind.", 0),

	/* Names inside text written without spaces. */
	NAME("Chinese name inside Chinese text", "\u738b\u5c0f\u660e", NEU,
	    "\u6211\u548c\u738b\u5c0f\u660e\u8c08\u8fc7", 1),
	NAME("Chinese name entered with a space", "\u738b \u5c0f\u660e", NEU,
	    "\u6211\u548c\u738b\u5c0f\u660e\u8c08\u8fc7", 1),
	NAME("Chinese given name alone", "\u738b \u5c0f\u660e", NEU, "\u5c0f\u660e\u8bf4", 1),
	NAME("one character is not a name", "\u738b \u5c0f\u660e", NEU, "\u738b\u5148\u751f", 0),
	NAME("Chinese text without the name", "\u738b\u5c0f\u660e", NEU,
	    "\u6211\u4eec\u5f88\u597d", 0),
	NAME("Chinese name in traditional spacing", "\u738b\u5c0f\u660e", NEU,
	    "\u738b\u3000\u5c0f\u660e\u8bf4", 1),
	NAME("Japanese surname", "\u5c71\u7530 \u592a\u90ce", NEG,
	    "\u5c71\u7530\u3055\u3093\u306b\u3088\u308b\u3068", 1),
	NAME("Japanese given name", "\u5c71\u7530 \u592a\u90ce", NEG,
	    "\u592a\u90ce\u304f\u3093", 1),
	NAME("katakana name, middle dot dropped",
	    "\u30a6\u30a3\u30eb\u30fb\u30b0\u30e9\u30f3\u30c8", NEG,
	    "\u30a6\u30a3\u30eb\u30b0\u30e9\u30f3\u30c8\u3055\u3093", 1),
	NAME("katakana surname", "\u30a6\u30a3\u30eb\u30fb\u30b0\u30e9\u30f3\u30c8", NEG,
	    "\u30b0\u30e9\u30f3\u30c8\u3055\u3093\u306f", 1),
	NAME("halfwidth katakana", "\u30b0\u30e9\u30f3\u30c8", NEG,
	    "\uff78\uff9e\uff97\uff9d\uff84\u3055\u3093", 1),
	NAME("Thai name inside Thai text", "\u0e2a\u0e21\u0e0a\u0e32\u0e22 \u0e43\u0e08\u0e14\u0e35",
	    NEG, "\u0e04\u0e38\u0e13\u0e2a\u0e21\u0e0a\u0e32\u0e22\u0e1a\u0e2d\u0e01\u0e27\u0e48\u0e32", 1),
	NAME("Korean name with a particle", "\uae40\ubbfc\uc218", NEG,
	    "\uae40\ubbfc\uc218\uac00 \ub9d0\ud588\ub2e4", 1),
	NAME("Latin name inside Chinese text", "Will Grant", NEG,
	    "\u6211\u548cGrant\u8c08\u8fc7", 1),
	NAME("Latin name inside Thai text", "Will Grant", NEG,
	    "\u0e04\u0e38\u0e13Grant\u0e1a\u0e2d\u0e01", 1),
	NAME("fullwidth name inside Japanese text", "Will Grant", NEG,
	    "\uff27\uff52\uff41\uff4e\uff54\u3055\u3093", 1),

	/* Capitalised words found only in the confidential note. */
	CONF_NAME("as written", "Ask Marguerite.", 1),
	CONF_NAME("fullwidth capitals", "\uff2d\uff21\uff32\uff27\uff35\uff25\uff32\uff29\uff34\uff25",
	    1),
	CONF_NAME("accent added", "marguérite", 1),
	CONF_NAME("soft hyphen", "Mar\u00adguerite", 1),
	CONF_NAME("mathematical capitals", "\U0001d40c\U0001d41a\U0001d42b\U0001d420\U0001d42e"
	    "\U0001d41e\U0001d42b\U0001d422\U0001d42d\U0001d41e", 1),
	CONF_NAME("common words stay sayable", "The panel: what did you think?", 0),
	{ "apostrophe name from the confidential note, joined",
	    "We spoke to O'Sullivan later.", NULL, NULL, 0, "Osullivan", 1 },
	{ "apostrophe name from the confidential note, split",
	    "We spoke to O\u2019Sullivan later.", NULL, NULL, 0, "O Sullivan", 1 },
	{ "fullwidth capital in the confidential note", "We met \uff2barina there.", NULL, NULL, 0,
	    "karina", 1 },
	{ "hyphenated name in the confidential note", "Then Jean-Luc joined.", NULL, NULL, 0,
	    "jeanluc", 1 },
	{ "names the shareable note also has", "Then Jean-Luc joined.", "Jean-Luc was kind.", NULL,
	    0, "Jean Luc", 0 },
};

/* Returns whether a guard built for case C refuses its line: 1 or 0. */
static int
guard_fires(const struct guard_case *c)
{
	struct person met = { (char *)c->person, 0, c->impression };
	struct terr err = { 0 };
	struct guard *g = guard_from_text(c->conf, c->share, c->person ? &met : NULL,
	    c->person ? 1 : 0, &err);
	const char *rule = NULL;
	int r;

	ck_assert_msg(g != NULL, "%s: guard_from_text: %s", c->what, err.msg);
	r = guard_check(g, c->text, &rule);
	guard_free(g);
	ck_assert_msg(r == 0 || (rule != NULL && rule[0] != '\0'), "%s: no rule named", c->what);
	return r != 0;
}

START_TEST(test_guard_table)
{
	size_t failed = 0;

	for (size_t i = 0; i < sizeof(guard_cases) / sizeof(*guard_cases); i++) {
		const struct guard_case *c = &guard_cases[i];

		if (guard_fires(c) != c->fires) {
			fprintf(stderr, "guard: %s: \"%s\" %s\n", c->what, c->text,
			    c->fires ? "let through" : "refused");
			failed++;
		}
	}
	ck_assert_msg(failed == 0, "%zu of %zu guard cases failed (listed on stderr)", failed,
	    sizeof(guard_cases) / sizeof(*guard_cases));
}
END_TEST

/* ---- the scrubber -------------------------------------------------------------- */

static const char *const known[] = {
	"Jos\u00e9 N\u00fa\u00f1ez", "Anne-Marie O'Brien", "\u738b \u5c0f\u660e", "Johann Strau\u00df",
	"\u0e2a\u0e21\u0e0a\u0e32\u0e22 \u0e43\u0e08\u0e14\u0e35", "\uae40\ubbfc\uc218",
	"Fiona Grant", "\u30a6\u30a3\u30eb\u30fb\u30b0\u30e9\u30f3\u30c8", "\u0141ukasz \u00d8berg",
};

static const struct {
	const char *what, *text, *want;
} scrub_cases[] = {
	{ "accents dropped", "then jose nunez said", "then [name] said" },
	{ "accents in capitals", "we met JOS\u00c9 there", "we met [name] there" },
	{ "combining accent", "so jose\u0301 left", "so [name] left" },
	{ "stroke letters dropped", "then lukasz and oberg", "then [name] and [name]" },
	{ "sharp s spelt ss", "strauss agreed", "[name] agreed" },
	{ "capital sharp s", "ask STRAU\u1e9e", "ask [name]" },
	{ "hyphen dropped", "annemarie agreed", "[name] agreed" },
	{ "hyphen kept", "anne-marie agreed", "[name] agreed" },
	{ "Unicode hyphen", "anne\u2010marie agreed", "[name] agreed" },
	{ "apostrophe dropped", "obrien agreed", "[name] agreed" },
	{ "apostrophe as a space", "o brien agreed", "o [name] agreed" },
	{ "curly apostrophe", "o\u2019brien agreed", "[name] agreed" },
	{ "possessive", "o\u2019brien\u2019s team", "[name]\u2019s team" },
	{ "ligature", "\ufb01ona agreed", "[name] agreed" },
	{ "fullwidth", "\uff46\uff49\uff4f\uff4e\uff41 agreed", "[name] agreed" },
	{ "fullwidth capitals, unknown name", "ask \uff2e\uff4f\uff52\uff54\uff48\uff57\uff49\uff4e\uff44",
	    "ask [name]" },
	{ "zero-width space", "gr\u200bant agreed", "[name] agreed" },
	{ "soft hyphen", "fi\u00adona agreed", "[name] agreed" },
	{ "direction marks", "ask \u200egrant\u200f now", "ask \u200e[name]\u200f now" },
	{ "Chinese name inside Chinese text", "\u6211\u548c\u738b\u5c0f\u660e\u8c08\u8fc7",
	    "\u6211\u548c[name]\u8c08\u8fc7" },
	{ "Chinese given name", "\u5c0f\u660e\u8bf4\u5f88\u597d", "[name]\u8bf4\u5f88\u597d" },
	{ "Chinese name twice", "\u738b\u5c0f\u660e\u548c\u738b\u5c0f\u660e",
	    "[name]\u548c[name]" },
	{ "Thai name inside Thai text",
	    "\u0e04\u0e38\u0e13\u0e2a\u0e21\u0e0a\u0e32\u0e22\u0e1a\u0e2d\u0e01\u0e27\u0e48\u0e32",
	    "\u0e04\u0e38\u0e13[name]\u0e1a\u0e2d\u0e01\u0e27\u0e48\u0e32" },
	{ "Korean name with a particle", "\uae40\ubbfc\uc218\uac00 \ub9d0\ud588\ub2e4",
	    "[name]\uac00 \ub9d0\ud588\ub2e4" },
	{ "katakana name run together", "\u30a6\u30a3\u30eb\u30b0\u30e9\u30f3\u30c8\u3055\u3093",
	    "[name]\u3055\u3093" },
	{ "Latin name inside Chinese text", "\u6211\u548cgrant\u8c08\u8fc7",
	    "\u6211\u548c[name]\u8c08\u8fc7" },
	{ "Chinese text without a name", "\u6211\u4eec\u5f88\u597d", "\u6211\u4eec\u5f88\u597d" },
	{ "words kept", "the final round was fine", "the final round was fine" },
};

START_TEST(test_scrub_table)
{
	size_t failed = 0, n = sizeof(known) / sizeof(*known);

	for (size_t i = 0; i < sizeof(scrub_cases) / sizeof(*scrub_cases); i++) {
		char *got = scrub_text(scrub_cases[i].text, known, n);

		ck_assert_ptr_nonnull(got);
		if (strcmp(got, scrub_cases[i].want) != 0) {
			fprintf(stderr, "scrub: %s: \"%s\"\n  got \"%s\"\n want \"%s\"\n",
			    scrub_cases[i].what, scrub_cases[i].text, got, scrub_cases[i].want);
			failed++;
		}
		free(got);
	}
	ck_assert_msg(failed == 0, "%zu of %zu scrubber cases failed (listed on stderr)", failed,
	    sizeof(scrub_cases) / sizeof(*scrub_cases));
}
END_TEST

Suite *
make_text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *forms_tc = tcase_create("forms");
	TCase *readers = tcase_create("readers");

	tcase_add_test(forms_tc, test_fold_table);
	tcase_add_test(forms_tc, test_fold_mapped);
	tcase_add_test(forms_tc, test_words_table);
	tcase_add_test(forms_tc, test_words_flags);
	tcase_add_test(forms_tc, test_word_len);
	tcase_add_test(forms_tc, test_fold_ascii);
	tcase_add_test(forms_tc, test_common_words);
	tcase_add_test(forms_tc, test_width);
	tcase_add_test(forms_tc, test_wrap);
	suite_add_tcase(s, forms_tc);
	tcase_add_test(readers, test_guard_table);
	tcase_add_test(readers, test_scrub_table);
	suite_add_tcase(s, readers);
	return s;
}
