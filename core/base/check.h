/*
 * check.h - checking what a user typed: text limits, UTF-8, names.
 */
#ifndef TACT_CHECK_H
#define TACT_CHECK_H

#include <stddef.h>

#include "core/base/error.h"

#define TEXT_NAME_MAX 200       /* bytes: candidate, client, person names */
#define TEXT_ROLE_MAX 200       /* bytes: role title */
#define TEXT_NOTE_MAX 8192      /* bytes: each note */
#define TEXT_MET_MAX 32         /* people met per turndown */

/* Checks S (LEN bytes) is valid UTF-8 with no NUL and no control character
 * (a note may also hold newlines and tabs) and at most MAX bytes.  WHAT
 * names the field in the message.  Errors are EX_DATAERR. */
int text_check(const char *what, const char *s, size_t len, size_t max, int note,
    struct terr *err);

/* Returns a malloc'd copy of S with leading and trailing white space removed. */
char *text_trim(const char *s);

/* Returns the name in the form its blind index is taken of: trimmed, runs of
 * white space made one space, ASCII letters lowered.  Free with free(). */
char *text_name_key(const char *s);

#endif
