/*
 * utf8.c - the one UTF-8 decoder of core/ above base/, on libunistring's
 * u8_mbtouc().  Every scan of free text (the guard, the scrubber, word
 * splitting, wrapping) steps through it, so that malformed bytes are read
 * the same way everywhere: as U+FFFD, one separator.
 */
#include <unistr.h>

#include "core/text/utf8.h"

size_t
text_utf8_next(const char *s, size_t n, ucs4_t *c)
{
	int len = u8_mbtouc(c, (const uint8_t *)s, n);

	return len > 0 ? (size_t)len : 1;
}

size_t
text_utf8_put(char *out, ucs4_t c)
{
	int len = u8_uctomb((uint8_t *)out, c, TEXT_UTF8_MAX);

	if (len <= 0)
		len = u8_uctomb((uint8_t *)out, 0xfffd, TEXT_UTF8_MAX);
	return (size_t)len;
}

size_t
text_utf8_count(const char *s, size_t n)
{
	size_t count = 0, i = 0;
	ucs4_t c;

	while (i < n) {
		i += text_utf8_next(s + i, n - i, &c);
		count++;
	}
	return count;
}
