/*
 * check.c - input checks shared by every way a turndown arrives (options,
 * prompts, JSON Lines), so the rules are the same everywhere.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/check.h"

/* Returns the length of the UTF-8 sequence at S (at most N bytes), or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

int
text_check(const char *what, const char *s, size_t len, size_t max, int note, struct terr *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

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
		if ((n = utf8_len(p + i, len - i)) == 0)
			return terr_set(err, EX_DATAERR, "%s is not valid UTF-8", what);
		/* U+0080..U+009F, the C1 controls, are C2 80..C2 9F. */
		if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0)
			return terr_set(err, EX_DATAERR, "%s contains a control character", what);
		i += n;
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
