/*
 * scrub.c - free text made safe to quote: names, e-mail addresses, phone
 * numbers, web addresses and dates replaced by [name], [email], [phone],
 * [link] and [date].
 *
 * Leaking a name is worse than losing a word, so the rules are one-sided.
 * The names we know (the candidate's, the people met) are matched word by
 * word in any case.  Beyond them, every word with a capital letter is taken
 * for a name, except "I", a short list of business abbreviations (HR, CEO)
 * and, at the start of a sentence only, a list of common words ("The",
 * "Compensation", "We").  A capitalised word opening a sentence that is not
 * on that list ("Karen was great") is replaced too.  Names written in lower
 * case and not among the known ones cannot be recognised; nor can names in
 * scripts without capitals.
 *
 * The text is scanned once, code point by code point; lookahead is bounded
 * (an address or number is at most a few hundred bytes), so the cost is
 * linear in the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/report/scrub.h"

#define PHONE_SCAN_MAX 40       /* bytes: the longest phone number we look at */
#define EMAIL_LOCAL_MAX 64
#define EMAIL_DOMAIN_MAX 255
#define LINK_SCAN_MAX 2048
#define PHONE_DIGITS_MIN 7
#define WORD_PARTS_MAX 16

/* ---- a growing output buffer ---------------------------------------------- */

struct sbuf {
	char *p;
	size_t len, cap;
	int oom;
};

static void
sb_put(struct sbuf *b, const void *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->p, cap)) == NULL) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_puts(struct sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

/* ---- code points and character classes ------------------------------------ */

/* Decodes the code point at S[I] (N bytes in all); sets *LEN to its length.
 * A malformed byte reads as U+FFFD of length 1. */
static uint32_t
cp_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
	uint32_t cp;
	size_t l, k;

	if (s[i] < 0x80) {
		*len = 1;
		return s[i];
	}
	if (s[i] >= 0xc2 && s[i] <= 0xdf) {
		l = 2;
		cp = s[i] & 0x1f;
	} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
		l = 3;
		cp = s[i] & 0x0f;
	} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
		l = 4;
		cp = s[i] & 0x07;
	} else {
		*len = 1;
		return 0xfffd;
	}
	if (i + l > n)
		goto bad;
	for (k = 1; k < l; k++) {
		if ((s[i + k] & 0xc0) != 0x80)
			goto bad;
		cp = (cp << 6) | (s[i + k] & 0x3f);
	}
	*len = l;
	return cp;
bad:
	*len = 1;
	return 0xfffd;
}

static int
is_alnum_ascii(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Whether CP is part of a word: letters and digits, ASCII or not.  Outside
 * ASCII, punctuation and symbol blocks are not. */
static int
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return is_alnum_ascii(cp);
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || cp == 0xfffd)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xfe10 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff0f) ||
	    (cp >= 0x1f000 && cp <= 0x1faff))
		return 0;
	return 1;
}

static int
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018;
}

static int
is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Whether CP is an upper-case letter, for the scripts with case that names
 * are most often written in: Latin, Greek, Cyrillic. */
static int
is_upper_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xc0 && cp <= 0xde)
		return cp != 0xd7;
	if (cp >= 0x100 && cp <= 0x137)
		return cp % 2 == 0;
	if (cp >= 0x139 && cp <= 0x148)
		return cp % 2 == 1;
	if (cp >= 0x14a && cp <= 0x177)
		return cp % 2 == 0;
	if (cp == 0x178)
		return 1;
	if (cp >= 0x179 && cp <= 0x17e)
		return cp % 2 == 1;
	if (cp >= 0x180 && cp <= 0x24f)         /* Latin Extended-B: be generous */
		return cp % 2 == 0;
	if (cp == 0x386 || (cp >= 0x388 && cp <= 0x38f) || (cp >= 0x391 && cp <= 0x3ab))
		return 1;
	if (cp >= 0x400 && cp <= 0x42f)
		return 1;
	if (cp >= 0x460 && cp <= 0x4ff)
		return cp % 2 == 0;
	if (cp >= 0x1e00 && cp <= 0x1eff)
		return cp % 2 == 0;
	return 0;
}

static char
lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether the N bytes at A equal the N bytes at B, ASCII letters in any case. */
static int
same_fold(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower_ascii(a[i]) != lower_ascii(b[i]))
			return 0;
	return 1;
}

/* Whether the N bytes at W, folded to lower case and with typographic
 * apostrophes made plain, are one of LIST's words. */
static int
in_list(const char *const *list, const char *w, size_t n)
{
	char buf[48];
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (k + 1 >= sizeof(buf))
			return 0;
		if ((unsigned char)w[i] == 0xe2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
		    ((unsigned char)w[i + 2] == 0x99 || (unsigned char)w[i + 2] == 0x98)) {
			buf[k++] = '\'';
			i += 2;
			continue;
		}
		buf[k++] = lower_ascii(w[i]);
	}
	buf[k] = '\0';
	for (size_t i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], buf) == 0)
			return 1;
	return 0;
}

/* ---- word lists ------------------------------------------------------------ */

/* Common words that may open a sentence with a capital and are not names.
 * A capitalised word opening a sentence that is not here is replaced. */
static const char *const opening_words[] = {
	"a", "an", "the", "i", "we", "they", "he", "she", "it", "you", "this", "that", "these",
	"those", "there", "their", "our", "my", "his", "her", "its", "your", "and", "but", "or",
	"so", "also", "however", "overall", "although", "though", "because", "since", "after",
	"before", "when", "while", "if", "as", "at", "in", "on", "for", "with", "without", "from",
	"to", "of", "by", "about", "not", "no", "yes", "all", "both", "each", "every", "some",
	"many", "most", "much", "more", "less", "few", "several", "one", "two", "three", "four",
	"five", "first", "second", "third", "then", "finally", "still", "just", "only", "even",
	"very", "really", "honestly", "frankly", "unfortunately", "fortunately", "ultimately",
	"basically", "generally", "mostly", "mainly", "partly", "compensation", "salary", "pay",
	"base", "bonus", "package", "offer", "offers", "equity", "benefits", "pension", "title",
	"scope", "growth", "culture", "team", "teams", "leadership", "management", "process",
	"relocation", "commute", "commuting", "remote", "hybrid", "office", "family", "schedule",
	"hours", "workload", "travel", "role", "job", "position", "company", "organisation",
	"organization", "interview", "interviews", "interviewers", "interviewing", "everyone",
	"everything", "nobody", "nothing", "someone", "somebody", "something", "anyone",
	"great", "good", "nice", "lovely", "strong", "weak", "poor", "slow", "fast", "long",
	"short", "too", "what", "why", "how", "where", "which", "who", "would", "could", "should",
	"will", "can", "did", "does", "do", "was", "were", "is", "are", "had", "has", "have",
	"been", "being", "felt", "feels", "liked", "loved", "enjoyed", "thanks", "thank",
	"candidate", "candidates", "client", "clients", "hiring", "money", "location", "distance",
	"timing", "communication", "feedback", "decided", "decision", "accepted", "declined",
	"happy", "concerned", "worried", "prefers", "preferred", "wanted", "wants", "needs",
	"needed", "other", "another", "again", "later", "now", "today", "yesterday", "next",
	"last", "currently", "recently", "previously", "definitely", "probably", "maybe",
	"perhaps", "instead", "otherwise", "meanwhile", "anyway", "besides", "despite", "given",
	"compared", "between", "during", "until", "unless", "whether", "here", "well", "ok",
	"okay", "sorry", "please", "best", "regards", "dear", "hi", "hello", "note", "notes",
	"reason", "reasons", "main", "key", "big", "small", "new", "old", "better", "worse",
	"clear", "clearly", "quite", "rather", "such", "any", "none", "neither", "either",
	"once", "twice", "always", "never", "often", "sometimes", "manager", "managers",
	"people", "staff", "colleagues", "peers", "benefit", "working", "work", "worked",
	"onboarding", "start", "starting", "moving", "move", "children", "kids", "partner",
	"spouse", "health", "personal", "private", "public", "market", "industry", "sector",
	"funding", "finances", "stability", "reputation", "competitor", "competitors",
	"counteroffer", "counter", "current", "existing", "previous", "future", "long-term",
	"short-term", "part-time", "full-time", "i'm", "i've", "i'd", "i'll", "it's", "that's",
	"there's", "they're", "we're", "we've", "they've", "you're", "he's", "she's", "let's",
	"don't", "didn't", "doesn't", "wasn't", "weren't", "isn't", "aren't", "couldn't",
	"wouldn't", "shouldn't", "can't", "won't", "hasn't", "haven't", "hadn't", "what's",
	"met", "meeting", "spoke", "said", "says", "told", "asked", "got", "took", "went", "came",
	"saw", "thought", "think", "know", "knew", "found", "made", "left", "joined", "stayed",
	"chose", "turned", "received", "heard", "seemed", "seems", "looks", "looked", "loves",
	"likes", "hates", "hated", "disliked", "absolutely", "everybody", "somewhat", "fair",
	"fine", "unclear", "line", "end", "nor", "yet", "plus", "hence", "thus", "therefore",
	"likewise", "similarly", "instead", "sadly", "luckily", "interestingly", "apparently",
	"obviously", "especially", "particularly", "specifically", "personally", "again",
	"lots", "plenty", "none", "little", "whole", "entire", "half", "full", "high", "low",
	"higher", "lower", "lack", "limited", "slower", "faster", "too", "way", "things",
	"thing", "nothing", "time", "times", "day", "days", "week", "weeks", "month", "months",
	"year", "years", "contact", "email", "e-mail", "phone", "call", "ask", "let", "might",
	"must", "shall", "per", "via", "she'd", "he'd", "they'd", "we'd", "you'd", "she'll",
	"he'll", "they'll", "we'll", "you'll", "who's", "where's", "how's", "here's",
	"should've", "would've", "could've", "isn't", "ain't", "mail", "reach", "write", "text",
	"message", "see", "tell", "send", "keep", "get", "give", "take", "make", "try", "happy",
	"glad", "keen", "open", "ready", "unsure", "nervous", "excited", "impressed",
	"disappointed", "surprised", "frustrated", "annoyed", "pleased", "grateful", NULL
};

/* Abbreviations kept as written wherever they appear. */
static const char *const abbreviations[] = {
	"HR", "CEO", "CFO", "CTO", "COO", "CIO", "CMO", "CPO", "CRO", "CISO", "CHRO", "VP",
	"SVP", "EVP", "AVP", "MD", "GM", "IT", "PR", "OK", "UK", "US", "USA", "EU", "IPO", "KPI",
	"KPIs", "OKR", "OKRs", "ROI", "PTO", "WFH", "AI", "ML", "API", "SaaS", "B2B", "B2C",
	"PhD", "MBA", "CV", "CVs", "NDA", "RSU", "RSUs", "ESOP", "LTIP", "TBD", "ASAP", "FYI",
	"HQ", "UX", "UI", "QA", "SRE", "CEOs", "VPs", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FTE",
	"NHS", "GP", "ICU", "ER", NULL
};

/* Abbreviations with an ampersand, kept as written. */
static const char *const amp_abbreviations[] = { "R&D", "P&L", "M&A", NULL };

/* Month and weekday names (folded); a capitalised one is a date. */
static const char *const date_words[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
	"sun", NULL
};

static int
in_list_exact(const char *const *list, const char *w, size_t n)
{
	for (size_t i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

/* ---- known names ----------------------------------------------------------- */

struct part {
	const char *s;
	size_t len;
};

struct names {
	struct part *v;
	size_t n, cap;
	int oom;
};

/* Splits NAME into its words (at anything that is not a letter or digit)
 * and adds those of two code points or more. */
static void
names_add(struct names *ns, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strlen(name), i = 0, len, start, cps;
	uint32_t cp;

	while (i < n) {
		cp = cp_at(s, n, i, &len);
		if (!is_word_cp(cp)) {
			i += len;
			continue;
		}
		start = i;
		cps = 0;
		while (i < n && is_word_cp(cp_at(s, n, i, &len))) {
			i += len;
			cps++;
		}
		if (cps < 2)
			continue;
		if (ns->n == ns->cap) {
			size_t cap = ns->cap ? ns->cap * 2 : 16;
			struct part *v = realloc(ns->v, cap * sizeof(*v));

			if (v == NULL) {
				ns->oom = 1;
				return;
			}
			ns->v = v;
			ns->cap = cap;
		}
		ns->v[ns->n].s = name + start;
		ns->v[ns->n].len = i - start;
		ns->n++;
	}
}

/* Returns CP in lower case, for the scripts with case that is_upper_cp()
 * knows; other code points are returned as they are. */
static uint32_t
fold_cp(uint32_t cp)
{
	if (!is_upper_cp(cp))
		return cp;
	if (cp < 0x80 || (cp >= 0xc0 && cp <= 0xde) || (cp >= 0x391 && cp <= 0x3ab) ||
	    (cp >= 0x410 && cp <= 0x42f))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	if (cp == 0x178)
		return 0xff;
	if (cp == 0x386)
		return 0x3ac;
	if (cp >= 0x388 && cp <= 0x38a)
		return cp + 0x25;
	if (cp == 0x38c)
		return 0x3cc;
	if (cp == 0x38e || cp == 0x38f)
		return cp + 0x3f;
	return cp + 1;          /* the Latin and Cyrillic blocks of upper/lower pairs */
}

/* Whether A (ALEN bytes) and B (BLEN bytes) are the same word, letters in
 * any case. */
static int
same_word(const char *a, size_t alen, const char *b, size_t blen)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	size_t i = 0, j = 0, li, lj;

	while (i < alen && j < blen) {
		if (fold_cp(cp_at(x, alen, i, &li)) != fold_cp(cp_at(y, blen, j, &lj)))
			return 0;
		i += li;
		j += lj;
	}
	return i == alen && j == blen;
}

static int
names_match(const struct names *ns, const char *w, size_t n)
{
	for (size_t i = 0; i < ns->n; i++)
		if (same_word(ns->v[i].s, ns->v[i].len, w, n))
			return 1;
	return 0;
}

/* ---- tokens ----------------------------------------------------------------- */

static int
email_local(unsigned char c)
{
	return is_alnum_ascii(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static int
email_domain(unsigned char c)
{
	return is_alnum_ascii(c) || c == '.' || c == '-';
}

/* Whether an e-mail address starts at S[I]; sets *END past it. */
static int
email_at(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t j = i, k;

	while (j < n && j - i <= EMAIL_LOCAL_MAX && email_local(s[j]))
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
static int
link_at(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t j = i, dots = 0;
	int scheme = 0, path = 0;

	if ((n - i >= 7 && same_fold((const char *)s + i, "http://", 7)) ||
	    (n - i >= 8 && same_fold((const char *)s + i, "https://", 8)) ||
	    (n - i >= 4 && same_fold((const char *)s + i, "www.", 4)))
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

enum number_kind { NUM_NONE, NUM_PHONE, NUM_DATE };

/* Whether the digit groups of S[I..END) form a calendar date: three groups
 * joined by the same '-', '/' or '.', the year first or last. */
static int
number_is_date(const unsigned char *s, size_t i, size_t end)
{
	size_t len[4] = { 0 }, g = 0;
	unsigned char sep = 0;

	for (size_t k = i; k < end; k++) {
		if (is_digit(s[k])) {
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
static enum number_kind
number_at(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t j = i, last = 0, digits = 0;

	if (s[i] == '+' || s[i] == '(') {
		if (i + 1 >= n || !is_digit(s[i + 1]))
			return NUM_NONE;
		j++;
	} else if (!is_digit(s[i])) {
		return NUM_NONE;
	}
	for (; j < n && j - i < PHONE_SCAN_MAX; j++) {
		if (is_digit(s[j])) {
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
		return NUM_NONE;
	if (last < n && is_alnum_ascii(s[last]))
		return NUM_NONE;        /* "3rd", "2026th": a word, not a number */
	if (number_is_date(s, i, last)) {
		*end = last;
		return NUM_DATE;
	}
	if (digits >= PHONE_DIGITS_MIN) {
		*end = last;
		return NUM_PHONE;
	}
	return NUM_NONE;
}

/* Returns the end of an abbreviation such as R&D at S[I], or I. */
static size_t
amp_at(const unsigned char *s, size_t n, size_t i)
{
	for (size_t k = 0; amp_abbreviations[k] != NULL; k++) {
		size_t l = strlen(amp_abbreviations[k]);

		if (n - i >= l && memcmp(s + i, amp_abbreviations[k], l) == 0 &&
		    (i + l == n || !is_alnum_ascii(s[i + l])))
			return i + l;
	}
	return i;
}

/* ---- emitting ----------------------------------------------------------------- */

/* Whether the output ends with TOKEN followed by one or more blanks (or, for
 * [date], ", "); if so, drops the blanks so the new token merges with it. */
static int
merge_with_last(struct sbuf *b, const char *token)
{
	size_t k = b->len, tl = strlen(token);

	while (k > 0 && (b->p[k - 1] == ' ' || b->p[k - 1] == '\t' ||
	    (b->p[k - 1] == ',' && strcmp(token, "[date]") == 0)))
		k--;
	if (k == b->len || k < tl || memcmp(b->p + k - tl, token, tl) != 0)
		return 0;
	b->len = k;
	b->p[k] = '\0';
	return 1;
}

/* Drops a day number ("3 ", "3rd ", "3rd of ") the output ends with, when
 * a month follows it. */
static void
drop_day_before(struct sbuf *b)
{
	size_t k = b->len, d;

	if (k >= 3 && memcmp(b->p + k - 3, "of ", 3) == 0 && (k == 3 || b->p[k - 4] == ' '))
		k -= k == 3 ? 3 : 4;
	else if (k > 0 && b->p[k - 1] == ' ')
		k--;
	else
		return;
	if (k >= 2 && (same_fold(b->p + k - 2, "st", 2) || same_fold(b->p + k - 2, "nd", 2) ||
	    same_fold(b->p + k - 2, "rd", 2) || same_fold(b->p + k - 2, "th", 2)))
		k -= 2;
	for (d = 0; k > 0 && d < 3 && is_digit((unsigned char)b->p[k - 1]); d++)
		k--;
	if (d == 0 || d > 2 || (k > 0 && is_alnum_ascii((unsigned char)b->p[k - 1])))
		return;
	b->len = k;
	b->p[k] = '\0';
}

/* Returns how many bytes of S[I..] make a day number after a month
 * (" 3", " 3rd", " 21st"), or 0. */
static size_t
day_after(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, d = 0;

	if (j >= n || s[j] != ' ')
		return 0;
	j++;
	while (j < n && is_digit(s[j]) && d < 3) {
		j++;
		d++;
	}
	if (d == 0 || d > 2)
		return 0;
	if (j + 1 < n && (same_fold((const char *)s + j, "st", 2) ||
	    same_fold((const char *)s + j, "nd", 2) || same_fold((const char *)s + j, "rd", 2) ||
	    same_fold((const char *)s + j, "th", 2)))
		j += 2;
	if (j < n && is_alnum_ascii(s[j]))
		return 0;
	return j - i;
}

static void
emit_token(struct sbuf *b, const char *token, const char *suffix, size_t slen)
{
	if (!merge_with_last(b, token))
		sb_puts(b, token);
	sb_put(b, suffix, slen);
}

enum word_kind { WORD_KEEP, WORD_NAME, WORD_DATE };

/* Decides what the word W (N bytes) at a sentence start or not becomes.
 * STEM is its length without a possessive "'s". */
static enum word_kind
classify(const struct names *ns, const unsigned char *w, size_t n, size_t stem, int start)
{
	size_t i = 0, len, first_len = 0, part = 0;
	int upper = 0, upper_rest = 0, first = 1;
	uint32_t cp;

	/* Any known name among its parts (split at apostrophes and hyphens). */
	while (i <= n) {
		cp = i < n ? cp_at(w, n, i, &len) : 0;
		if (i == n || is_apostrophe(cp) || is_hyphen(cp)) {
			if (i > part && names_match(ns, (const char *)w + part, i - part))
				return WORD_NAME;
			if (i == n)
				break;
			part = i + len;
		} else if (is_upper_cp(cp)) {
			upper = 1;
			if (!first)
				upper_rest = 1;
		}
		if (first)
			first_len = len;
		first = 0;
		i += len;
	}
	if (!upper)
		return WORD_KEEP;
	if (w[0] == 'I' && (n == 1 || (first_len == 1 && n > 1 &&
	    is_apostrophe(cp_at(w, n, 1, &len)))))
		return WORD_KEEP;               /* I, I'm, I've, I'd, I'll */
	if (in_list_exact(abbreviations, (const char *)w, stem))
		return WORD_KEEP;
	if (!upper_rest && in_list(date_words, (const char *)w, stem))
		return WORD_DATE;
	if (start && !upper_rest && (in_list(opening_words, (const char *)w, n) ||
	    in_list(opening_words, (const char *)w, stem)))
		return WORD_KEEP;
	return WORD_NAME;
}

/* Returns the length of the word at S[I..]: word characters, with single
 * apostrophes and hyphens between them. */
static size_t
word_len(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i, len, len2;
	uint32_t cp;

	while (j < n) {
		cp = cp_at(s, n, j, &len);
		if (is_word_cp(cp)) {
			j += len;
			continue;
		}
		if ((is_apostrophe(cp) || is_hyphen(cp)) && j > i && j + len < n &&
		    is_word_cp(cp_at(s, n, j + len, &len2))) {
			j += len;
			continue;
		}
		break;
	}
	return j - i;
}

/* Returns the length of W without a possessive "'s" at its end. */
static size_t
stem_len(const unsigned char *w, size_t n)
{
	if (n >= 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] == '\'')
		return n - 2;
	if (n >= 5 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 4] == 0xe2 &&
	    w[n - 3] == 0x80 && w[n - 2] == 0x99)
		return n - 4;
	return n;
}

char *
scrub_text(const char *text, const char *const *names, size_t nnames)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i = 0, len, end, stem;
	struct names ns = { 0 };
	struct sbuf b = { 0 };
	int start = 1;
	uint32_t cp, prev = ' ';

	for (size_t k = 0; k < nnames; k++)
		if (names[k] != NULL)
			names_add(&ns, names[k]);
	sb_put(&b, "", 0);
	while (i < n && !ns.oom && !b.oom) {
		int boundary = !is_word_cp(prev) && (prev >= 0x80 || !email_local((unsigned
		    char)prev));

		cp = cp_at(s, n, i, &len);
		if (cp == '\r') {
			if (i + 1 >= n || s[i + 1] != '\n')
				sb_put(&b, "\n", 1);
			start = 1;
			prev = '\n';
			i++;
			continue;
		}
		if (boundary && link_at(s, n, i, &end)) {
			emit_token(&b, "[link]", "", 0);
		} else if (boundary && email_at(s, n, i, &end)) {
			emit_token(&b, "[email]", "", 0);
		} else if (cp == '@' && i + 1 < n && is_word_cp(cp_at(s, n, i + 1, &len)) &&
		    !is_word_cp(prev)) {
			end = i + 1 + word_len(s, n, i + 1);       /* @handle */
			emit_token(&b, "[name]", "", 0);
		} else if (!is_word_cp(prev) && (cp == '+' || cp == '(' || is_digit((unsigned char)cp))) {
			enum number_kind k = number_at(s, n, i, &end);

			if (k == NUM_NONE) {
				if (is_digit((unsigned char)cp))
					goto word;
				goto other;
			}
			emit_token(&b, k == NUM_DATE ? "[date]" : "[phone]", "", 0);
		} else if (!is_word_cp(prev) && (end = amp_at(s, n, i)) > i) {
			sb_put(&b, s + i, end - i);
		} else if (is_word_cp(cp)) {
word:
			len = word_len(s, n, i);
			stem = stem_len(s + i, len);
			switch (classify(&ns, s + i, len, stem, start)) {
			case WORD_KEEP:
				sb_put(&b, s + i, len);
				break;
			case WORD_NAME:
				emit_token(&b, "[name]", (const char *)s + i + stem, len - stem);
				break;
			case WORD_DATE:
				drop_day_before(&b);
				emit_token(&b, "[date]", "", 0);
				len += day_after(s, n, i + len);
				break;
			}
			end = i + len;
		} else {
other:
			if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == 0x2026)
				start = 1;
			sb_put(&b, s + i, len);
			prev = cp;
			i += len;
			continue;
		}
		start = 0;
		prev = 'a';
		i = end;
	}
	free(ns.v);
	if (ns.oom || b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}
