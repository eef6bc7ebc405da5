/*
 * contacts.c - e-mail addresses, web links and phone numbers in free text:
 * found (for the report's scrubber, core/report/scrub.c) and taken out
 * (for the shareable note a script reads out).
 *
 * One-sided like the scrubber: a number of seven digits or more, with the
 * spaces, dots, dashes and brackets phone numbers are written with, is a
 * phone number; anything with an '@' between address characters is an
 * address; http://, https://, www. or a domain followed by a path is a link.
 * Lookahead is bounded, so the cost is linear in the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text/chars.h"
#include "core/text/contacts.h"
#include "core/text/utf8.h"

#define PHONE_SCAN_MAX 40       /* bytes: the longest phone number we look at */
#define EMAIL_LOCAL_MAX 64
#define EMAIL_DOMAIN_MAX 255
#define LINK_SCAN_MAX 2048
#define PHONE_DIGITS_MIN 7

int
text_ascii_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int
text_ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

int
text_email_char(unsigned char c)
{
	return text_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static int
email_domain(unsigned char c)
{
	return text_ascii_alnum(c) || c == '.' || c == '-';
}

/* Whether an e-mail address starts at S[I]; sets *END past it. */
int
text_email_at(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t j = i, k;

	while (j < n && j - i <= EMAIL_LOCAL_MAX && text_email_char(s[j]))
		j++;
	if (j == i || j >= n || s[j] != '@')
		return 0;
	k = j + 1;
	while (k < n && k - j <= EMAIL_DOMAIN_MAX && email_domain(s[k]))
		k++;
	while (k > j + 1 && (s[k - 1] == '.' || s[k - 1] == '-'))
		k--;
	if (k == j + 1)
		return 0;
	*end = k;
	return 1;
}

/* Whether a web address starts at S[I] (http://, https://, www., or a
 * domain followed by a path); sets *END past it, trailing punctuation left. */
int
text_link_at(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t j = i, dots = 0;
	int scheme = 0, path = 0;

	if ((n - i >= 7 && strncasecmp((const char *)s + i, "http://", 7) == 0) ||
	    (n - i >= 8 && strncasecmp((const char *)s + i, "https://", 8) == 0) ||
	    (n - i >= 4 && strncasecmp((const char *)s + i, "www.", 4) == 0))
		scheme = 1;
	if (!scheme) {
		/* label(.label)+/ */
		while (j < n && j - i < LINK_SCAN_MAX && (email_domain(s[j]))) {
			if (s[j] == '.')
				dots++;
			j++;
		}
		if (j >= n || s[j] != '/' || dots == 0 || s[j - 1] == '.' || s[i] == '.')
			return 0;
		path = 1;
	}
	(void)path;
	while (j < n && j - i < LINK_SCAN_MAX && s[j] > ' ' && s[j] != 0x7f)
		j++;
	while (j > i && strchr(".,;:!?)]}'\"", s[j - 1]) != NULL)
		j--;
	if (j == i)
		return 0;
	*end = j;
	return 1;
}

/* Whether the digit groups of S[I..END) form a calendar date: three groups
 * joined by the same '-', '/' or '.', the year first or last. */
static int
number_is_date(const unsigned char *s, size_t i, size_t end)
{
	size_t len[4] = { 0 }, g = 0;
	unsigned char sep = 0;

	for (size_t k = i; k < end; k++) {
		if (text_ascii_digit(s[k])) {
			len[g]++;
			continue;
		}
		if ((s[k] != '-' && s[k] != '/' && s[k] != '.') || (sep && s[k] != sep) ||
		    len[g] == 0 || ++g > 2)
			return 0;
		sep = s[k];
	}
	if (g != 2 || len[2] == 0)
		return 0;
	if (len[0] == 4)
		return len[1] <= 2 && len[2] <= 2;
	return len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || len[2] == 2);
}

/* Whether a phone number or a date starts at S[I]: digits with spaces,
 * dots, dashes, slashes and brackets between them, seven digits or more (a
 * phone) or in a date's shape.  Sets *END past its last digit. */
enum text_number
text_number_at(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t j = i, last = 0, digits = 0;

	if (s[i] == '+' || s[i] == '(') {
		if (i + 1 >= n || !text_ascii_digit(s[i + 1]))
			return TEXT_NUM_NONE;
		j++;
	} else if (!text_ascii_digit(s[i])) {
		return TEXT_NUM_NONE;
	}
	for (; j < n && j - i < PHONE_SCAN_MAX; j++) {
		if (text_ascii_digit(s[j])) {
			digits++;
			last = j + 1;
			continue;
		}
		if (s[j] == ' ' && j + 1 < n && (s[j + 1] == ' ' || s[j - 1] == ' '))
			break;
		if (strchr(" ().-/", s[j]) == NULL || s[j] == '\0')
			break;
	}
	if (last == 0)
		return TEXT_NUM_NONE;
	if (last < n && text_ascii_alnum(s[last]))
		return TEXT_NUM_NONE;        /* "3rd", "2026th": a word, not a number */
	if (number_is_date(s, i, last)) {
		*end = last;
		return TEXT_NUM_DATE;
	}
	if (digits >= PHONE_DIGITS_MIN) {
		*end = last;
		return TEXT_NUM_PHONE;
	}
	return TEXT_NUM_NONE;
}

char *
text_contacts_scrub(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i = 0, len, end, o = 0;
	ucs4_t cp, prev = ' ';
	char *out;

	/* "[phone]" is the longest token and replaces at least 7 bytes. */
	if ((out = malloc(n + 1)) == NULL)
		return NULL;
	while (i < n) {
		const char *token = NULL;
		int boundary = !text_is_word_char(prev) && (prev >= 0x80 ||
		    !text_email_char((unsigned char)prev));

		len = text_utf8_next(text + i, n - i, &cp);
		if (boundary && text_link_at(s, n, i, &end))
			token = "[link]";
		else if (boundary && text_email_at(s, n, i, &end))
			token = "[email]";
		else if (!text_is_word_char(prev) && (cp == '+' || cp == '(' ||
		    text_ascii_digit((unsigned char)cp)) &&
		    text_number_at(s, n, i, &end) == TEXT_NUM_PHONE)
			token = "[phone]";
		if (token != NULL && strlen(token) <= end - i) {
			memcpy(out + o, token, strlen(token));
			o += strlen(token);
			i = end;
			prev = 'a';
			continue;
		}
		memcpy(out + o, text + i, len);
		o += len;
		i += len;
		prev = cp;
	}
	out[o] = '\0';
	return out;
}
