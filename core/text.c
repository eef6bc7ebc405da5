/*
 * text.c - input checks shared by every way a turndown arrives (options,
 * prompts, JSON Lines), so the rules are the same everywhere.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

/* Returns the length of the UTF-8 sequence at S (at most N bytes), or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

int
text_check(const char *what, const char *s, size_t len, size_t max, int note, struct terr *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	if (len > max)
		return terr_set(err, EX_DATAERR, "%s is too long (%zu bytes; the limit is %zu)",
		    what, len, max);
	while (i < len) {
		if (p[i] == 0)
			return terr_set(err, EX_DATAERR, "%s contains a NUL byte", what);
		if (p[i] < 0x20 || p[i] == 0x7f) {
			if (!(note && (p[i] == '\n' || p[i] == '\t' || p[i] == '\r')))
				return terr_set(err, EX_DATAERR, "%s contains a control character",
				    what);
		}
		if ((n = utf8_len(p + i, len - i)) == 0)
			return terr_set(err, EX_DATAERR, "%s is not valid UTF-8", what);
		/* U+0080..U+009F, the C1 controls, are C2 80..C2 9F. */
		if (n == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0)
			return terr_set(err, EX_DATAERR, "%s contains a control character", what);
		i += n;
	}
	return 0;
}

char *
text_trim(const char *s)
{
	size_t len;

	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return strndup(s, len);
}

char *
text_name_key(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	int space = 0;

	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (isspace(c)) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = (char)(c < 0x80 ? tolower(c) : c);
	}
	*o = '\0';
	return out;
}

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

int
date_parse(const char *what, const char *s, char out[DATE_LEN], struct terr *err)
{
	int y, m, d, i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			goto bad;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		goto bad;
	memcpy(out, s, 10);
	out[10] = '\0';
	return 0;
bad:
	return terr_set(err, EX_DATAERR, "%s '%.40s' is not a date (want YYYY-MM-DD)", what,
	    s ? s : "");
}

void
date_today(char out[DATE_LEN])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, DATE_LEN, "%Y-%m-%d", &tm);
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
