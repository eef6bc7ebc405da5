/*
 * chars.c - character classes shared by the folding (fold.c) and the word
 * reading (words.c) of core/text/: one list of apostrophes, one of hyphens,
 * one idea of what shows as nothing.
 */
#include <stddef.h>
#include <string.h>
#include <unictype.h>
#include <uniname.h>

#include "core/text/chars.h"

static const char *const spaceless_scripts[] = {
	"Han", "Hiragana", "Katakana", "Bopomofo", "Thai", "Lao", "Khmer", "Myanmar",
	"Tibetan", "Yi", "Hangul", NULL
};

int
text_is_ignorable(ucs4_t c)
{
	return c >= 0x80 && uc_is_property_default_ignorable_code_point(c);
}

int
text_is_apostrophe(ucs4_t c)
{
	switch (c) {
	case '\'':
	case '`':
	case 0x00b4:            /* acute accent, typed for an apostrophe */
	case 0x02b9:            /* modifier letter prime */
	case 0x02bb:            /* modifier letter turned comma (okina) */
	case 0x02bc:            /* modifier letter apostrophe */
	case 0x2018:
	case 0x2019:
	case 0x201b:
	case 0x2032:            /* prime */
	case 0xff07:            /* fullwidth apostrophe */
		return 1;
	}
	return 0;
}

int
text_is_hyphen(ucs4_t c)
{
	if (c == '-')
		return 1;
	if (c < 0x80 || text_is_ignorable(c))
		return 0;
	/* The Hyphen property (U+2010, U+2011, U+30FB, U+FF0D ...) and the
	 * middle dots that join the parts of a name ("l·l", "・"). */
	return uc_is_property_hyphen(c) || c == 0x00b7 || c == 0x2027 || c == 0x30a0;
}

int
text_is_word_char(ucs4_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (text_is_apostrophe(c) || text_is_ignorable(c))
		return 0;
	return uc_is_alpha(c) || uc_is_general_category(c, UC_CATEGORY_L) ||
	    uc_is_general_category(c, UC_CATEGORY_M) || uc_is_general_category(c, UC_CATEGORY_N);
}

int
text_is_capital(ucs4_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	/* Uppercase (Lu, and Other_Uppercase such as circled capitals: the
	 * mathematical capitals have no lower case to map to) or titlecase. */
	return uc_is_property_uppercase(c) || uc_is_general_category(c, UC_CATEGORY_Lt);
}

int
text_ends_sentence(ucs4_t c)
{
	return c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x2026 ||
	    (c >= 0x80 && uc_is_property_sentence_terminal(c));
}

int
text_is_spaceless(ucs4_t c)
{
	const uc_script_t *s;

	if (c < 0x80 || (s = uc_script(c)) == NULL)
		return 0;
	for (size_t i = 0; spaceless_scripts[i] != NULL; i++)
		if (strcmp(s->name, spaceless_scripts[i]) == 0)
			return 1;
	return 0;
}
