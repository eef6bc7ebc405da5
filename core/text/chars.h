/*
 * chars.h - what a character is to a reader: part of a word, an apostrophe,
 * a hyphen, invisible, a capital, the end of a sentence, or a letter of a
 * script written without spaces.  On libunistring's character data.
 */
#ifndef TACT_TEXT_CHARS_H
#define TACT_TEXT_CHARS_H

#include <unitypes.h>

/* Whether C is part of a word: a letter, a mark or a digit, in any script. */
int text_is_word_char(ucs4_t c);
/* Whether C is written as an apostrophe (' U+2019 U+2018 U+02BC ...). */
int text_is_apostrophe(ucs4_t c);
/* Whether C is written as a hyphen inside a word (- U+2010 U+2011 U+30FB ...). */
int text_is_hyphen(ucs4_t c);
/* Whether C is a default-ignorable character: shown as nothing (U+200B,
 * U+200C, U+200D, U+00AD, U+200E, U+FEFF ...). */
int text_is_ignorable(ucs4_t c);
/* Whether C is a capital letter (upper or title case). */
int text_is_capital(ucs4_t c);
/* Whether C ends a sentence (. ! ? a line break, an ellipsis, U+3002 ...). */
int text_ends_sentence(ucs4_t c);
/* Whether C belongs to a script written without spaces between words
 * (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar ...) or, like Korean,
 * with particles written onto names. */
int text_is_spaceless(ucs4_t c);

#endif
