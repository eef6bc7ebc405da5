/*
 * check.c - input checks shared by every way a turndown arrives (options,
 * prompts, JSON Lines), so the rules are the same everywhere.  UTF-8 is
 * checked with libunistring's strict decoder (u8_mbtoucr: no overlong forms,
 * no surrogates, nothing past U+10FFFF), not a decoder of our own.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistr.h>

#include "core/base/check.h"

int
text_check(const char *what, const char *s, size_t len, size_t max, int note, struct terr *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	ucs4_t c;
	int n;

	if (len > max)
		return terr_set(err, EX_DATAERR, "%s is too long (%zu bytes; the limit is %zu)",
		    what, len, max);
	while (i < len) {
		if (p[i] == 0)
			return terr_set(err, EX_DATAERR, "%s contains a NUL byte", what);
		if (p[i] < 0x20 || p[i] == 0x7f) {
			if (!(note && (p[i] == '\n' || p[i] == '\t' || p[i] == '\r')))
				return terr_set(err, EX_DATAERR, "%s contains a control character",
				    what);
		}
		if ((n = u8_mbtoucr(&c, p + i, len - i)) <= 0)
			return terr_set(err, EX_DATAERR, "%s is not valid UTF-8", what);
		if (c >= 0x80 && c <= 0x9f)     /* the C1 controls */
			return terr_set(err, EX_DATAERR, "%s contains a control character", what);
		i += (size_t)n;
	}
	return 0;
}

char *
text_trim(const char *s)
{
	size_t len;

	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return strndup(s, len);
}

char *
text_name_key(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	int space = 0;

	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isspace(c)) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = (char)(c < 0x80 ? tolower(c) : c);
	}
	*o = '\0';
	return out;
}
