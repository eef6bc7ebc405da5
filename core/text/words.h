/*
 * words.h - what a word is: the characters that make one, where one ends,
 * the apostrophes and hyphens inside one, and a text read as a list of
 * words in their comparison forms.
 */
#ifndef TACT_TEXT_WORDS_H
#define TACT_TEXT_WORDS_H

#include <stddef.h>
#include <unitypes.h>


/* Returns the length in bytes of the word that starts at S (N bytes left),
 * 0 if S does not start with a word character: word characters, with
 * single apostrophes or hyphens and invisible characters between them
 * ("O'Brien", "Anne-Marie"), ending where a script written without spaces
 * meets one written with them. */
size_t text_word_len(const char *s, size_t n);
/* Whether the word that starts at S is in a script written without spaces. */
int text_word_spaceless(const char *s, size_t n);

/* Two ways to read the apostrophes, hyphens and invisible characters inside
 * a word, both of which people use: as a break ("O'Brien" is "O Brien") or
 * not at all ("OBrien"). */
enum text_reading {
	TEXT_SPLIT,
	TEXT_JOIN
};

struct text_word {
	const char *form;       /* comparison form (core/text/fold.h), NUL-terminated */
	size_t len;             /* its bytes */
	size_t form_at;         /* where the form is in text_words.forms */
	size_t chars;           /* the characters of the form */
	size_t at, span;        /* where the word was in the text read (bytes) */
	unsigned capital : 1;   /* began with a capital letter */
	unsigned sentence_start : 1;    /* first word of the text or after . ! ? */
	unsigned spaceless : 1; /* in a script written without spaces: a phrase */
};

struct text_words {
	struct text_word *v;
	size_t n;
	char *forms;            /* every form, one after another */
	size_t forms_cap;
};

/* Reads the N bytes at TEXT as words, the HOW way, into W.  Returns 0, or
 * -1 when out of memory (W is then empty).  Free with text_words_free(),
 * which wipes the forms: the text may be confidential. */
int text_words_read(struct text_words *w, const char *text, size_t n, enum text_reading how);
void text_words_free(struct text_words *w);

#endif
