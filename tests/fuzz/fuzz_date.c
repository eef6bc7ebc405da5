/*
 * fuzz_date.c - libFuzzer harness for date_parse() (--offer-date,
 * --decline-date, --since, --until and the JSON Lines date fields) and the
 * date arithmetic behind it, plus the text checks every name and note goes
 * through (text_check, text_trim, text_name_key).
 *
 * date_parse must accept exactly the real calendar dates YYYY-MM-DD of
 * 1900..2999: on yes, the output is the input, and date_days/date_add_days
 * agree with it (adding zero days gives it back; adding N days and counting
 * gives N); on no, a one-line EX_DATAERR.  text_check must accept only
 * valid UTF-8 without NUL or control characters (C0, DEL, C1) within its
 * limit.
 */
#include <ctype.h>
#include <sysexits.h>

#include "core/base/check.h"
#include "core/base/date.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* An independent check of the calendar, to hold date_parse to. */
static int
real_date(const char *s)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= mdays[m - 1] + (m == 2 && leap);
}

static void
check_one_line(const struct terr *err)
{
	FUZZ_CHECK(err->code == EX_DATAERR, "code %d", err->code);
	for (const char *p = err->msg; *p != '\0' && !fuzz_known("msg-ctl"); p++)
		FUZZ_CHECK((unsigned char)*p >= 0x20 && *p != 0x7f, "control character 0x%02x in '%s'",
		    (unsigned char)*p, err->msg);
}

static void
fuzz_date(const char *s, long shift)
{
	struct terr err = { 0 };
	char out[DATE_LEN], back[DATE_LEN], later[DATE_LEN];
	int rc;

	memset(out, 'x', sizeof(out));
	rc = date_parse("--date", s, out, &err);
	FUZZ_CHECK(rc == 0 || rc == -1, "returned %d", rc);
	FUZZ_CHECK((rc == 0) == real_date(s), "date_parse('%s') said %s", s, rc ? "no" : "yes");
	if (rc != 0) {
		check_one_line(&err);
		return;
	}
	FUZZ_CHECK(strcmp(out, s) == 0, "'%s' parsed as '%s'", s, out);
	date_add_days(out, 0, back);
	FUZZ_CHECK(strcmp(back, out) == 0, "'%s' + 0 days is '%s'", out, back);
	date_add_days(out, shift, later);
	FUZZ_CHECK(date_days(later) - date_days(out) == shift, "'%s' + %ld days is '%s'", out,
	    shift, later);
}

static int
utf8_ok(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i], n, cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		if (i + n >= len)
			return 0;
		for (unsigned k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		i += n + 1;
	}
	return 1;
}

static void
fuzz_text(const uint8_t *data, size_t size, int note, size_t max)
{
	struct terr err = { 0 };
	int rc = text_check("note", (const char *)data, size, max, note, &err), want = 1;
	char *s, *t, *k;

	for (size_t i = 0; i < size; i++)
		if (data[i] == 0 || data[i] == 0x7f || (data[i] < 0x20 && !(note &&
		    (data[i] == '\n' || data[i] == '\t' || data[i] == '\r'))))
			want = 0;
	/* U+0080..U+009F, the C1 controls (C2 80..C2 9F), are control characters too. */
	for (size_t i = 0; i + 1 < size; i++)
		if (data[i] == 0xc2 && data[i + 1] >= 0x80 && data[i + 1] <= 0x9f)
			want = 0;   /* (0xc2 is never a continuation byte) */
	want = want && size <= max && utf8_ok(data, size);
	FUZZ_CHECK((rc == 0) == want, "text_check said %s", rc ? "no" : "yes");
	if (rc != 0) {
		check_one_line(&err);
		return;
	}
	s = fuzz_cstr(data, size);
	t = text_trim(s);
	k = text_name_key(s);
	FUZZ_CHECK(t != NULL && k != NULL, "out of memory");
	FUZZ_CHECK(strlen(t) <= size && strlen(k) <= size, "grew");
	FUZZ_CHECK(t[0] == '\0' || (!isspace((unsigned char)t[0]) &&
	    !isspace((unsigned char)t[strlen(t) - 1])), "'%s' not trimmed", t);
	FUZZ_CHECK(strstr(k, "  ") == NULL && (k[0] == '\0' || (k[0] != ' ' &&
	    k[strlen(k) - 1] != ' ')), "key '%s' not normalised", k);
	free(s);
	free(t);
	free(k);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	long shift = 0;

	/* The first two bytes give a day shift (-32768..32767) for the arithmetic. */
	if (size >= 2)
		shift = (long)(int16_t)(data[0] | data[1] << 8);
	s = fuzz_cstr(size >= 2 ? data + 2 : data, size >= 2 ? size - 2 : size);
	fuzz_date(s, shift);
	free(s);
	fuzz_text(data, size, 0, 64);
	fuzz_text(data, size, 1, TEXT_NOTE_MAX);
	return 0;
}
