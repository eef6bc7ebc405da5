/*
 * text.h - checking what a user typed: text limits, UTF-8, names, dates.
 */
#ifndef TACT_TEXT_H
#define TACT_TEXT_H

#include <stddef.h>

#include "error.h"

#define TEXT_NAME_MAX 200       /* bytes: candidate, client, person names */
#define TEXT_ROLE_MAX 200       /* bytes: role title */
#define TEXT_NOTE_MAX 8192      /* bytes: each note */
#define TEXT_MET_MAX 32         /* people met per turndown */
#define DATE_LEN 11             /* "YYYY-MM-DD" and its NUL */

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

/* Parses a strict YYYY-MM-DD calendar date into OUT; EX_DATAERR if not one. */
int date_parse(const char *what, const char *s, char out[DATE_LEN], struct terr *err);
/* Writes today's local date into OUT. */
void date_today(char out[DATE_LEN]);
/* Returns the day number of a valid date (days since 1970-01-01). */
long date_days(const char *date);
/* Writes the date MONTHS calendar months after DATE into OUT, keeping the
 * day of the month where it exists and else the month's last day. */
void date_add_months(const char *date, int months, char out[DATE_LEN]);
/* Writes the date DAYS after DATE into OUT. */
void date_add_days(const char *date, long days, char out[DATE_LEN]);

#endif
