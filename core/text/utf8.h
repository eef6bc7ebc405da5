/*
 * utf8.h - reading and writing UTF-8 one character at a time, for the
 * text module and for the code that scans text with it.
 */
#ifndef TACT_TEXT_UTF8_H
#define TACT_TEXT_UTF8_H

#include <stddef.h>
#include <unitypes.h>

/* The most bytes one character takes in UTF-8. */
#define TEXT_UTF8_MAX 4

/* Decodes the character at S (N > 0 bytes left) into *C and returns its
 * length, at least 1.  A malformed or cut-off sequence reads as U+FFFD, so
 * that it separates words and is stepped over, never read past. */
size_t text_utf8_next(const char *s, size_t n, ucs4_t *c);

/* Writes C as UTF-8 at OUT (room for TEXT_UTF8_MAX bytes) and returns its
 * length; a value that is not a character is written as U+FFFD. */
size_t text_utf8_put(char *out, ucs4_t c);

/* Returns the number of characters in the N bytes at S. */
size_t text_utf8_count(const char *s, size_t n);

#endif
