/*
 * suggest.c - "did you mean": edit distance between two short words, and
 * the nearest known word to a misspelt one.
 *
 * The distance counts a swap of two neighbours as one edit (optimal string
 * alignment), because "confidentail" is one slip of the fingers, not two.
 * Words are bytes: the words tact suggests (commands, options, categories,
 * roles) are ASCII, and a non-ASCII typo simply finds nothing.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "core/base/suggest.h"

static int
same(char a, char b)
{
	return tolower((unsigned char)a) == tolower((unsigned char)b);
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t d[SUGGEST_MAX + 1][SUGGEST_MAX + 1];

	if (la > SUGGEST_MAX || lb > SUGGEST_MAX)
		return SIZE_MAX;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;

			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	}
	return d[la][lb];
}

const char *
suggest_word(const char *typed, const char *const *words, size_t n)
{
	size_t len = strlen(typed), limit, best = SIZE_MAX, dist;
	const char *found = NULL;

	limit = len >= 9 ? 3 : len >= 5 ? 2 : 1;
	if (len == 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (words[i] == NULL || (dist = suggest_distance(typed, words[i])) > limit)
			continue;
		if (dist < best) {
			best = dist;
			found = words[i];
		}
	}
	return found;
}
