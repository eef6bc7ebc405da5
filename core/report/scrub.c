/*
 * scrub.c - free text made safe to quote: names, e-mail addresses, phone
 * numbers, web addresses and dates replaced by [name], [email], [phone],
 * [link] and [date].
 *
 * Leaking a name is worse than losing a word, so the rules are one-sided.
 * The names we know (the candidate's, the people met) are matched word by
 * word in their comparison forms (any case, accents, ligatures, fullwidth
 * letters, invisible characters, apostrophes and hyphens kept or dropped),
 * and inside the words of Chinese, Japanese, Thai and Korean text, which
 * has no spaces to end a name at.  Beyond them, every word with a capital
 * letter is taken for a name, except "I", a short list of business
 * abbreviations (HR, CEO) and, at the start of a sentence only, a list of
 * common words ("The", "Compensation", "We").  A capitalised word opening a sentence that is not
 * on that list ("Karen was great") is replaced too.  Names written in lower
 * case and not among the known ones cannot be recognised; nor can unknown
 * names in scripts without capitals.
 *
 * Words, their comparison forms and the lists of common words come from
 * core/text/, shared with the leak guard, so that both read a name alike;
 * addresses, links and phone numbers are found by core/text/contacts.c,
 * which also cleans the shareable note a debrief reads out.
 *
 * The text is scanned once, code point by code point; lookahead is bounded
 * (an address or number is at most a few hundred bytes), so the cost is
 * linear in the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/report/scrub.h"
#include "core/text/chars.h"
#include "core/text/contacts.h"
#include "core/text/common.h"
#include "core/text/fold.h"
#include "core/text/utf8.h"
#include "core/text/words.h"

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

/* Whether the N bytes at W, in their comparison form, pass IS_IN (a
 * common-word list of core/text/common.h). */
static int
folded_in(int (*is_in)(const char *), const unsigned char *w, size_t n)
{
	char *form = text_fold((const char *)w, n, NULL);
	int in = form == NULL || is_in(form);      /* out of memory: keep nothing */

	free(form);
	return in;
}

static int
is_date_word(const char *form)
{
	return text_common_date(form, 1);
}

/* ---- known names ----------------------------------------------------------- */

/* The comparison forms of the known names' words, and of those in scripts
 * written without spaces, which are looked for inside words too. */
struct forms {
	char **v;
	size_t n, cap;
};

struct names {
	struct forms words, inner;
	int oom;
};

/* Adds a copy of the N bytes at FORM to F. */
static void
forms_add(struct names *ns, struct forms *f, const char *form, size_t n)
{
	if (ns->oom)
		return;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		char **v = realloc(f->v, cap * sizeof(*v));

		if (v == NULL) {
			ns->oom = 1;
			return;
		}
		f->v = v;
		f->cap = cap;
	}
	if ((f->v[f->n] = strndup(form, n)) == NULL)
		ns->oom = 1;
	else
		f->n++;
}

static void
forms_free(struct forms *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
}

/* Adds the words of NAME of two characters or more, read both ways ("O'Brien"
 * gives "brien" and "obrien").  Those in a script written without spaces
 * are also looked for inside words, each and all run together. */
static void
names_add(struct names *ns, const char *name)
{
	static const enum text_reading readings[] = { TEXT_SPLIT, TEXT_JOIN };
	struct text_words w;

	for (size_t r = 0; r < 2 && !ns->oom; r++) {
		char *all = NULL;
		size_t len = 0;
		int spaceless = 1;

		if (text_words_read(&w, name, strlen(name), readings[r]) != 0) {
			ns->oom = 1;
			return;
		}
		for (size_t i = 0; i < w.n && !ns->oom; i++) {
			if (!w.v[i].spaceless)
				spaceless = 0;
			if (w.v[i].chars < 2)
				continue;
			forms_add(ns, &ns->words, w.v[i].form, w.v[i].len);
			if (w.v[i].spaceless)
				forms_add(ns, &ns->inner, w.v[i].form, w.v[i].len);
		}
		if (spaceless && w.n >= 2 && !ns->oom) {
			if ((all = calloc(1, w.forms_cap)) == NULL)
				ns->oom = 1;
			for (size_t i = 0; all != NULL && i < w.n; i++) {
				memcpy(all + len, w.v[i].form, w.v[i].len);
				len += w.v[i].len;
			}
			if (all != NULL)
				forms_add(ns, &ns->inner, all, len);
			free(all);
		}
		text_words_free(&w);
	}
}

static int
names_match(const struct names *ns, const char *form)
{
	for (size_t i = 0; i < ns->words.n; i++)
		if (strcmp(ns->words.v[i], form) == 0)
			return 1;
	return 0;
}

/* Returns where in FORM (LEN bytes) from AT the first name of NS->inner
 * starts (the longest there), its length in *NLEN; LEN if none does. */
static size_t
names_find_inner(const struct names *ns, const char *form, size_t len, size_t at,
    size_t *nlen)
{
	size_t best = len;

	*nlen = 0;
	for (size_t i = 0; i < ns->inner.n; i++) {
		size_t l = strlen(ns->inner.v[i]);
		const char *p = memmem(form + at, len - at, ns->inner.v[i], l);

		if (p != NULL && ((size_t)(p - form) < best ||
		    ((size_t)(p - form) == best && l > *nlen))) {
			best = (size_t)(p - form);
			*nlen = l;
		}
	}
	return best;
}

static void
names_free(struct names *ns)
{
	forms_free(&ns->words);
	forms_free(&ns->inner);
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

/* Whether the two bytes at S are an ordinal's ending (st, nd, rd, th). */
static int
is_ordinal(const char *s)
{
	return strncasecmp(s, "st", 2) == 0 || strncasecmp(s, "nd", 2) == 0 ||
	    strncasecmp(s, "rd", 2) == 0 || strncasecmp(s, "th", 2) == 0;
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
	if (k >= 2 && is_ordinal(b->p + k - 2))
		k -= 2;
	for (d = 0; k > 0 && d < 3 && text_ascii_digit((unsigned char)b->p[k - 1]); d++)
		k--;
	if (d == 0 || d > 2 || (k > 0 && text_ascii_alnum((unsigned char)b->p[k - 1])))
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
	while (j < n && text_ascii_digit(s[j]) && d < 3) {
		j++;
		d++;
	}
	if (d == 0 || d > 2)
		return 0;
	if (j + 1 < n && is_ordinal((const char *)s + j))
		j += 2;
	if (j < n && text_ascii_alnum(s[j]))
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

/* Whether the word W (N bytes), or a part of it split at apostrophes,
 * hyphens and invisible characters, is a known name's. */
static int
has_known_part(const struct names *ns, const unsigned char *w, size_t n)
{
	static const enum text_reading readings[] = { TEXT_SPLIT, TEXT_JOIN };
	struct text_words parts;
	int found = 0;

	if (ns->words.n == 0)
		return 0;
	for (size_t r = 0; r < 2 && !found; r++) {
		if (text_words_read(&parts, (const char *)w, n, readings[r]) != 0)
			return 1;       /* out of memory: replace rather than keep */
		for (size_t i = 0; i < parts.n && !found; i++)
			found = names_match(ns, parts.v[i].form);
		text_words_free(&parts);
	}
	return found;
}

/* Writes the word W (N bytes) of a script written without spaces, a whole
 * phrase, with every known name inside it replaced.  Returns -1 when out
 * of memory. */
static int
emit_spaceless(struct sbuf *b, const struct names *ns, const char *w, size_t n)
{
	struct text_folded f;
	size_t at = 0, done = 0, ms, nlen;

	if (ns->inner.n == 0) {
		sb_put(b, w, n);
		return 0;
	}
	if (text_fold_mapped(&f, w, n, 1) != 0)
		return -1;
	while (at < f.len && (ms = names_find_inner(ns, f.form, f.len, at, &nlen)) < f.len) {
		size_t from = f.from[ms], to = f.to[ms + nlen - 1];

		if (from < done)
			from = done;
		sb_put(b, w + done, from - done);
		emit_token(b, "[name]", "", 0);
		done = to;
		at = ms + nlen;
	}
	sb_put(b, w + done, n - done);
	text_folded_free(&f);
	return 0;
}

/* Decides what the word W (N bytes) at a sentence start or not becomes.
 * STEM is its length without a possessive "'s". */
static enum word_kind
classify(const struct names *ns, const unsigned char *w, size_t n, size_t stem, int start)
{
	size_t i = 0, len, first_len = 0;
	int upper = 0, upper_rest = 0;
	ucs4_t c;

	if (has_known_part(ns, w, n))
		return WORD_NAME;
	for (; i < n; i += len) {
		len = text_utf8_next((const char *)w + i, n - i, &c);
		if (i == 0)
			first_len = len;
		if (text_is_capital(c)) {
			upper = 1;
			if (i > 0)
				upper_rest = 1;
		}
	}
	if (!upper)
		return WORD_KEEP;
	if (w[0] == 'I' && (n == 1 || (first_len == 1 &&
	    (text_utf8_next((const char *)w + 1, n - 1, &c), text_is_apostrophe(c)))))
		return WORD_KEEP;               /* I, I'm, I've, I'd, I'll */
	if (text_common_abbreviation((const char *)w, stem))
		return WORD_KEEP;
	if (!upper_rest && folded_in(is_date_word, w, stem))
		return WORD_DATE;
	if (start && !upper_rest && (folded_in(text_common_word, w, n) ||
	    folded_in(text_common_word, w, stem)))
		return WORD_KEEP;
	return WORD_NAME;
}

/* Returns the length of W without a possessive "'s" at its end. */
static size_t
stem_len(const unsigned char *w, size_t n)
{
	size_t i = 0, len, prev = 0, last = 0;
	ucs4_t c;

	for (; i < n; i += len) {
		len = text_utf8_next((const char *)w + i, n - i, &c);
		prev = last;
		last = i;
	}
	if (n >= 3 && last == n - 1 && (w[last] == 's' || w[last] == 'S') && prev > 0 &&
	    (text_utf8_next((const char *)w + prev, n - prev, &c), text_is_apostrophe(c)))
		return prev;
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
	ucs4_t cp, prev = ' ', after;

	for (size_t k = 0; k < nnames; k++)
		if (names[k] != NULL)
			names_add(&ns, names[k]);
	sb_put(&b, "", 0);
	while (i < n && !ns.oom && !b.oom) {
		int boundary = !text_is_word_char(prev) && (prev >= 0x80 ||
		    !text_email_char((unsigned char)prev));

		len = text_utf8_next(text + i, n - i, &cp);
		if (cp == '\r') {
			if (i + 1 >= n || s[i + 1] != '\n')
				sb_put(&b, "\n", 1);
			start = 1;
			prev = '\n';
			i++;
			continue;
		}
		if (boundary && text_link_at(s, n, i, &end)) {
			emit_token(&b, "[link]", "", 0);
		} else if (boundary && text_email_at(s, n, i, &end)) {
			emit_token(&b, "[email]", "", 0);
		} else if (cp == '@' && i + 1 < n && !text_is_word_char(prev) &&
		    (text_utf8_next(text + i + 1, n - i - 1, &after), text_is_word_char(after))) {
			end = i + 1 + text_word_len(text + i + 1, n - i - 1);     /* @handle */
			emit_token(&b, "[name]", "", 0);
		} else if (!text_is_word_char(prev) && (cp == '+' || cp == '(' ||
		    text_ascii_digit((unsigned char)cp))) {
			enum text_number k = text_number_at(s, n, i, &end);

			if (k == TEXT_NUM_NONE) {
				if (text_ascii_digit((unsigned char)cp))
					goto word;
				goto other;
			}
			emit_token(&b, k == TEXT_NUM_DATE ? "[date]" : "[phone]", "", 0);
		} else if (!text_is_word_char(prev) &&
		    (end = i + text_common_ampersand(text + i, n - i)) > i) {
			sb_put(&b, s + i, end - i);            /* R&D */
		} else if (text_is_word_char(cp)) {
word:
			len = text_word_len(text + i, n - i);
			if (text_word_spaceless(text + i, len)) {
				if (emit_spaceless(&b, &ns, text + i, len) != 0)
					b.oom = 1;
				end = i + len;
				start = 0;
				prev = 'a';
				i = end;
				continue;
			}
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
			if (text_ends_sentence(cp))
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
	names_free(&ns);
	if (ns.oom || b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}
