/*
 * date.h - strict calendar dates: parsing, today, and day and month arithmetic.
 */
#ifndef TACT_DATE_H
#define TACT_DATE_H

#include "core/base/error.h"

#define DATE_LEN 11             /* "YYYY-MM-DD" and its NUL */

/* Parses a strict YYYY-MM-DD calendar date into OUT; EX_DATAERR saying why
 * if it is not one ("2026-11-31: November has 30 days"). */
int date_parse(const char *what, const char *s, char out[DATE_LEN], struct terr *err);
/* The same, also taking what a person types: "today", "yesterday" and
 * "N days ago" (log, edit, import and list). */
int date_parse_typed(const char *what, const char *s, char out[DATE_LEN], struct terr *err);
/* Writes today's local date into OUT. */
void date_today(char out[DATE_LEN]);
/* Writes the current UTC time, "YYYY-MM-DDTHH:MM:SSZ", into OUT (32 bytes). */
void date_now_utc(char out[32]);
/* Returns the day number of a valid date (days since 1970-01-01). */
long date_days(const char *date);
/* Writes the date MONTHS calendar months after DATE into OUT, keeping the
 * day of the month where it exists and else the month's last day. */
void date_add_months(const char *date, int months, char out[DATE_LEN]);
/* Writes the date DAYS after DATE into OUT. */
void date_add_days(const char *date, long days, char out[DATE_LEN]);

#endif
