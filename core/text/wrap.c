/*
 * wrap.c - the one line wrapper, for scripts, notes and report quotes.
 *
 * Widths are display columns (libunistring's uc_width()), not bytes or
 * characters, so that accented, CJK and fullwidth text lines up as the
 * terminal shows it.  Words are broken only at spaces and tabs: wording is
 * never hyphenated, and a line break in a note stays where its writer put it.
 */
#include <string.h>
#include <uniwidth.h>

#include "core/text/utf8.h"
#include "core/text/wrap.h"

size_t
text_width(const char *s, size_t n)
{
	size_t cols = 0, i = 0;
	ucs4_t c;
	int w;

	while (i < n) {
		i += text_utf8_next(s + i, n - i, &c);
		if ((w = uc_width(c, "UTF-8")) > 0)
			cols += (size_t)w;
	}
	return cols;
}

void
text_wrap(FILE *out, const char *lead, const char *indent, const char *s, size_t width)
{
	size_t col = text_width(lead, strlen(lead)), len, w;
	int fresh = 1;                  /* nothing written on this line yet */

	fputs(lead, out);
	while (*s != '\0') {
		if (*s == '\n') {
			fputc('\n', out);
			fputs(indent, out);
			col = text_width(indent, strlen(indent));
			fresh = 1;
			s++;
			continue;
		}
		if (*s == ' ' || *s == '\t') {
			s++;
			continue;
		}
		len = strcspn(s, " \t\n");
		w = text_width(s, len);
		if (!fresh && col + 1 + w > width) {
			fputc('\n', out);
			fputs(indent, out);
			col = text_width(indent, strlen(indent));
		} else if (!fresh) {
			fputc(' ', out);
			col++;
		}
		fwrite(s, 1, len, out);
		col += w;
		fresh = 0;
		s += len;
	}
	fputc('\n', out);
}
