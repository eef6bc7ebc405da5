/*
 * scrub.h - taking what could identify a person out of free text before
 * it is quoted in a report.
 */
#ifndef TACT_SCRUB_H
#define TACT_SCRUB_H

#include <stddef.h>

/* Returns a malloc'd copy of TEXT in which the NNAMES names in NAMES (each
 * word of each, in any case) and every other word that could be a name are
 * replaced by [name], e-mail addresses by [email], phone numbers by
 * [phone], web addresses by [link] and calendar dates by [date]; NULL if
 * out of memory.  It errs on the side of replacing too much: any
 * capitalised word is taken for a name unless it is "I", a common
 * abbreviation (HR, CEO, ...) or a common word opening a sentence. */
char *scrub_text(const char *text, const char *const *names, size_t nnames);

#endif
