/*
 * common.h - the words that name nobody: common English words, dates,
 * business abbreviations and titles, one list each for everyone who must
 * tell a name from a word capitalised for grammar.
 */
#ifndef TACT_TEXT_COMMON_H
#define TACT_TEXT_COMMON_H

#include <stddef.h>

/* Whether FORM (a comparison form, core/text/fold.h) is a common word that
 * may open a sentence with a capital without being a name ("the", "we",
 * "compensation", "don't"). */
int text_common_word(const char *form);
/* Whether FORM is a month or a weekday ("march", "monday"); SHORT_FORMS
 * also takes their abbreviations ("mar", "mon"), which are surnames too. */
int text_common_date(const char *form, int short_forms);
/* Whether FORM is a title or a suffix around a name ("dr", "ms", "jr"). */
int text_common_title(const char *form);
/* Whether the N bytes at S are, exactly as written, a business
 * abbreviation ("HR", "CEO", "PhD"). */
int text_common_abbreviation(const char *s, size_t n);
/* Returns the length of the abbreviation with an ampersand ("R&D", "P&L")
 * that starts the N bytes at S and ends a word there, or 0. */
size_t text_common_ampersand(const char *s, size_t n);

#endif
