/*
 * fold.c - comparison forms, one character at a time: decomposed (NFD, so
 * that "e" and a combining accent read as the precomposed letter does),
 * lowered with libunistring's case data, apostrophes and hyphens made
 * plain.  Folding a text is folding its characters one after another, so
 * a form can be mapped back to the text it came from.
 */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

#include "core/base/wipe.h"
#include "core/text/fold.h"
#include "core/text/utf8.h"
#include "core/text/words.h"

size_t
text_fold_char(ucs4_t c, char *out)
{
	if (text_is_apostrophe(c)) {
		out[0] = '\'';
		return 1;
	}
	if (text_is_hyphen(c)) {
		out[0] = '-';
		return 1;
	}
	uint32_t buf[TEXT_FOLD_MAX / TEXT_UTF8_MAX], *d;
	size_t n = sizeof(buf) / sizeof(*buf), len = 0;

	if (c < 0x80) {
		out[0] = (char)uc_tolower(c);
		return 1;
	}
	if ((d = u32_normalize(UNINORM_NFD, &c, 1, buf, &n)) == NULL) {
		d = &c;
		n = 1;
	}
	for (size_t i = 0; i < n && len + TEXT_UTF8_MAX <= TEXT_FOLD_MAX; i++)
		len += text_utf8_put(out + len, uc_tolower(d[i]));
	if (d != buf && d != &c)
		free(d);
	return len;
}

char *
text_fold(const char *s, size_t n, size_t *len)
{
	size_t cap = n + 1, used = 0, step, fl;
	char *out = malloc(cap), buf[TEXT_FOLD_MAX], *grown;
	ucs4_t c;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < n; i += step) {
		step = text_utf8_next(s + i, n - i, &c);
		fl = text_fold_char(c, buf);
		if (used + fl + 1 > cap) {
			size_t ncap = (cap + fl) * 2;

			if ((grown = malloc(ncap)) == NULL) {
				wipe_free(out, cap);
				return NULL;
			}
			memcpy(grown, out, used);
			wipe_free(out, cap);
			out = grown;
			cap = ncap;
		}
		memcpy(out + used, buf, fl);
		used += fl;
	}
	wipe(buf, sizeof(buf));
	out[used] = '\0';
	if (len != NULL)
		*len = used;
	return out;
}
