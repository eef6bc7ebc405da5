/*
 * date.c - strict calendar dates (YYYY-MM-DD) and the arithmetic the
 * follow-up plan and the report need, without the C library's time zones.
 * Where a person types a date, "today", "yesterday" and "N days ago" are
 * dates too, and a date the calendar lacks is refused with the reason.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/date.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December"
};

/* Reads "today", "yesterday" or "N day(s) ago" into OUT: 1 if S is one, 0 if not. */
static int
relative_date(const char *s, char out[DATE_LEN])
{
	char today[DATE_LEN], *end;
	long n;

	if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0) {
		date_today(today);
		date_add_days(today, s[0] == 'y' ? -1 : 0, out);
		return 1;
	}
	if (!isdigit((unsigned char)s[0]))
		return 0;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || n > 36500 || *end != ' ')
		return 0;
	while (*end == ' ')
		end++;
	if (strcmp(end, "days ago") != 0 && strcmp(end, "day ago") != 0)
		return 0;
	date_today(today);
	date_add_days(today, -n, out);
	return 1;
}

static int
parse(const char *what, const char *s, char out[DATE_LEN], int relative, struct terr *err)
{
	int y, m, d, i;

	if (relative && s != NULL && relative_date(s, out))
		return 0;
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			goto bad;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	/* A date of the right shape that the calendar lacks says why. */
	if (y < 1900 || y > 2999)
		return terr_set(err, EX_DATAERR, "%s %s: the year must be from 1900 to 2999", what, s);
	if (m < 1 || m > 12)
		return terr_set(err, EX_DATAERR, "%s %s: there is no month %02d", what, s, m);
	if (d < 1)
		return terr_set(err, EX_DATAERR, "%s %s: there is no day 00", what, s);
	if (d > month_days(y, m)) {
		if (m == 2)
			return terr_set(err, EX_DATAERR, "%s %s: February has %d days in %d", what,
			    s, month_days(y, m), y);
		return terr_set(err, EX_DATAERR, "%s %s: %s has %d days", what, s,
		    month_names[m - 1], month_days(y, m));
	}
	memcpy(out, s, 10);
	out[10] = '\0';
	return 0;
bad:
	return terr_set(err, EX_DATAERR, "%s '%.40s' is not a date (want YYYY-MM-DD%s)", what,
	    s ? s : "", relative ? ", today, yesterday or N days ago" : "");
}

int
date_parse(const char *what, const char *s, char out[DATE_LEN], struct terr *err)
{
	return parse(what, s, out, 0, err);
}

int
date_parse_typed(const char *what, const char *s, char out[DATE_LEN], struct terr *err)
{
	return parse(what, s, out, 1, err);
}

void
date_today(char out[DATE_LEN])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, DATE_LEN, "%Y-%m-%d", &tm);
}

void
date_now_utc(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Days from civil date, after Howard Hinnant's public-domain algorithm. */
static long
civil_days(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

long
date_days(const char *date)
{
	return civil_days(atol(date), (unsigned)atoi(date + 5), (unsigned)atoi(date + 8));
}

void
date_add_days(const char *date, long days, char out[DATE_LEN])
{
	long z = date_days(date) + days + 719468, era, y;
	unsigned doe, yoe, doy, mp, d, m;
	char tmp[48];

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	snprintf(tmp, sizeof(tmp), "%04ld-%02u-%02u", y, m, d);
	memcpy(out, tmp, DATE_LEN - 1);
	out[DATE_LEN - 1] = '\0';
}

void
date_add_months(const char *date, int months, char out[DATE_LEN])
{
	int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8), total;
	char tmp[48];

	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, DATE_LEN - 1);
	out[DATE_LEN - 1] = '\0';
}
