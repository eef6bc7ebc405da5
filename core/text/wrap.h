/*
 * wrap.h - writing text wrapped at a number of terminal columns.
 */
#ifndef TACT_TEXT_WRAP_H
#define TACT_TEXT_WRAP_H

#include <stddef.h>
#include <stdio.h>

/* Returns the number of terminal columns the N bytes at S take: two for a
 * wide (East Asian) character, none for a combining or invisible one. */
size_t text_width(const char *s, size_t n);

/* Writes S to OUT wrapped at WIDTH columns, after LEAD on its first line
 * and INDENT on the others, and ends it with a line break.  Runs of spaces
 * and tabs are one break; the text's own line breaks are kept (and
 * indented); a word wider than a line is written whole. */
void text_wrap(FILE *out, const char *lead, const char *indent, const char *s, size_t width);

#endif
