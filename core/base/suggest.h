/*
 * suggest.h - "did you mean": the nearest of a list of known words to a
 * word the user misspelt.
 */
#ifndef TACT_SUGGEST_H
#define TACT_SUGGEST_H

#include <stddef.h>

/* Returns the number of single-character insertions, deletions,
 * substitutions and swaps of neighbours that turn A into B, ignoring ASCII
 * case (optimal string alignment distance); SIZE_MAX for a word longer
 * than SUGGEST_MAX bytes. */
#define SUGGEST_MAX 64
size_t suggest_distance(const char *a, const char *b);

/* Returns the word of WORDS (N of them; NULL entries are skipped) nearest
 * to TYPED, if it is near enough to be what was meant (at most one edit in
 * a short word, two from five letters on, three from nine), else NULL.  A
 * tie goes to the first.  The result points into WORDS. */
const char *suggest_word(const char *typed, const char *const *words, size_t n);

#endif
