/*
 * fold.h - the comparison form of text: what two spellings of a word share
 * when people would read them as the same word (see fold.c for the steps).
 */
#ifndef TACT_TEXT_FOLD_H
#define TACT_TEXT_FOLD_H

#include <stddef.h>
#include <unitypes.h>

/* The most bytes text_fold_char() writes for one character. */
#define TEXT_FOLD_MAX 128

/* Writes the comparison form of character C at OUT (room for TEXT_FOLD_MAX
 * bytes) and returns its length, which may be 0.  Every apostrophe is
 * written as ' and every hyphen as -. */
size_t text_fold_char(ucs4_t c, char *out);

/* Returns the comparison form of the N bytes at S, NUL-terminated, its
 * length in *LEN (if not NULL); NULL when out of memory.  The caller frees
 * it, with wipe_str_free() when S was confidential. */
char *text_fold(const char *s, size_t n, size_t *len);

/* A comparison form that knows where each of its bytes came from. */
struct text_folded {
	char *form;             /* NUL-terminated */
	size_t len, cap;
	size_t *from, *to;      /* byte I of FORM came from S[from[I]..to[I]) */
};

/* Fills F with the comparison form of the N bytes at S and, if MAP, where
 * each byte came from.  Returns 0, or -1 when out of memory (F is then
 * empty).  Free with text_folded_free(), which wipes the form. */
int text_fold_mapped(struct text_folded *f, const char *s, size_t n, int map);
void text_folded_free(struct text_folded *f);

#endif
