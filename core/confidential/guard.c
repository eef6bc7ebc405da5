/*
 * guard.c - does a piece of output disclose a confidence?
 *
 * Rules (SPEC section 5): no run of three or more consecutive words of the
 * confidential note unless the run is also in the shareable note; never the
 * name of a person met who was seen neutrally or negatively; never a name
 * that appears only in the confidential note.  Words are compared without
 * case or punctuation, and twice over: once with apostrophes splitting a
 * word ("don't" is "don t") and once joining it ("dont"), so neither way of
 * reading the text slips past.  A hash collision can only make the guard
 * stricter, never let a run through.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>
#include <unicase.h>
#include <uninorm.h>

#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "core/confidential/guard.h"

#define WORD_MAX 64

struct hashset {
	uint64_t *slots;        /* 0 is empty */
	size_t cap, count;
};

struct guard {
	struct hashset runs;    /* confidential trigrams not in the shareable note */
	struct hashset names;   /* single words that must not appear */
	struct hashset cap_names;       /* words that must not appear capitalised */
};

/* ---- words ---------------------------------------------------------------- */

struct word {
	char text[WORD_MAX];
	int capital;            /* began with an upper-case letter */
	int sentence_start;     /* first word of the text or after . ! ? */
};

#define free_words(w, n) wipe_free((w), (n) * sizeof(struct word))

static int
is_apostrophe(ucs4_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc;
}

static int
ends_sentence(ucs4_t c)
{
	return c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x2026 || c == 0x3002;
}

/* Decodes the character at P (N bytes left) into *C; returns its length,
 * at least 1, so malformed bytes are stepped over as separators. */
static size_t
next_char(const uint8_t *p, size_t n, ucs4_t *c)
{
	int len = u8_mbtouc(c, p, n);

	return len > 0 ? (size_t)len : 1;
}

/* Splits TEXT into words of letters and digits (any script; everything else
 * separates, so "process\u2014the" is two words), lowered.  JOIN keeps an
 * apostrophe inside a word ("don't" is "dont") instead of splitting there.
 * Returns a malloc'd array (free it) and its length in *N. */
static struct word *
words(const char *text, int join, size_t *n)
{
	const uint8_t *in = (const uint8_t *)(text ? text : "");
	size_t left = strlen((const char *)in), cap, len, step, nfc_len = 0;
	/* Composed form first, so "Rene\u0301e" and "Ren\u00e9e" are one word. */
	uint8_t *nfc = u8_normalize(UNINORM_NFC, in, left, NULL, &nfc_len);
	const uint8_t *p = nfc != NULL ? nfc : in;
	struct word *w;
	int start = 1;
	ucs4_t c, c2;

	*n = 0;
	if (nfc != NULL)
		left = nfc_len;
	cap = left / 2 + 2;
	if ((w = calloc(cap, sizeof(*w))) == NULL) {
		wipe_free(nfc, nfc_len);
		return NULL;
	}
	while (left > 0) {
		step = next_char(p, left, &c);
		if (!uc_is_alnum(c)) {
			if (ends_sentence(c))
				start = 1;
			p += step;
			left -= step;
			continue;
		}
		len = 0;
		w[*n].capital = uc_is_upper(c) || uc_tolower(c) != c;
		w[*n].sentence_start = start;
		start = 0;
		while (left > 0) {
			step = next_char(p, left, &c);
			if (uc_is_alnum(c)) {
				uint8_t buf[8];
				int bl = u8_uctomb(buf, uc_tolower(c), sizeof(buf));

				if (bl > 0 && len + (size_t)bl < WORD_MAX) {
					memcpy(w[*n].text + len, buf, (size_t)bl);
					len += (size_t)bl;
				}
			} else if (!(join && is_apostrophe(c) && left > step &&
			    (next_char(p + step, left - step, &c2), uc_is_alnum(c2)))) {
				break;
			}
			p += step;
			left -= step;
		}
		w[*n].text[len] = '\0';
		(*n)++;
	}
	wipe_free(nfc, nfc_len);
	return w;
}

static uint64_t
hash_words(const struct word *w, size_t count)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < count; i++) {
		for (const char *c = w[i].text; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
		h = (h ^ 0x1f) * 1099511628211ULL;
	}
	return h ? h : 1;
}

/* ---- a small open-addressing set of hashes -------------------------------- */

static int
set_add(struct hashset *s, uint64_t h)
{
	if (s->count * 2 + 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64, i;
		uint64_t *slots = calloc(cap, sizeof(*slots));

		if (slots == NULL)
			return -1;
		for (i = 0; i < s->cap; i++) {
			if (s->slots[i] != 0) {
				size_t j = s->slots[i] & (cap - 1);

				while (slots[j] != 0)
					j = (j + 1) & (cap - 1);
				slots[j] = s->slots[i];
			}
		}
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	for (size_t j = h & (s->cap - 1);; j = (j + 1) & (s->cap - 1)) {
		if (s->slots[j] == h)
			return 0;
		if (s->slots[j] == 0) {
			s->slots[j] = h;
			s->count++;
			return 0;
		}
	}
}

static int
set_has(const struct hashset *s, uint64_t h)
{
	if (s->cap == 0)
		return 0;
	for (size_t j = h & (s->cap - 1);; j = (j + 1) & (s->cap - 1)) {
		if (s->slots[j] == h)
			return 1;
		if (s->slots[j] == 0)
			return 0;
	}
}

static void
set_free(struct hashset *s)
{
	wipe_free(s->slots, s->cap * sizeof(*s->slots));
	memset(s, 0, sizeof(*s));
}

/* ---- building ------------------------------------------------------------- */

/* Common words that are capitalised for grammar, not because they are names. */
static const char *const common[] = {
	"a", "about", "after", "all", "also", "an", "and", "any", "as", "at", "be", "because",
	"before", "both", "but", "by", "can", "could", "did", "do", "does", "even", "every",
	"for", "from", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in",
	"into", "is", "it", "its", "just", "last", "let", "like", "maybe", "me", "more", "most",
	"my", "no", "not", "now", "of", "on", "once", "one", "only", "or", "our", "overall",
	"please", "she", "so", "some", "still", "that", "the", "their", "them", "then", "there",
	"these", "they", "this", "those", "though", "to", "too", "very", "was", "we", "well",
	"were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "would",
	"yes", "yet", "you", "your", "hr", "ceo", "cfo", "cto", "coo", "vp", "md", "ok",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", NULL
};

/* Titles and suffixes around a name, which name nobody by themselves. */
static const char *const titles[] = {
	"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "jr", "sr", "st", "rev", NULL
};

static int
is_title(const char *w)
{
	for (int i = 0; titles[i] != NULL; i++)
		if (strcmp(titles[i], w) == 0)
			return 1;
	return 0;
}

/* Whether W is a common word or a word of a category slug ("hiring-manager"). */
static int
is_common(const char *w)
{
	size_t len = strlen(w);

	for (int i = 0; common[i] != NULL; i++)
		if (strcmp(common[i], w) == 0)
			return 1;
	for (int i = 0; i < TAXONOMY_COUNT; i++) {
		const char *s = taxonomy[i].slug, *p;

		while ((p = strstr(s, w)) != NULL) {
			if ((p == taxonomy[i].slug || p[-1] == '-') && (p[len] == '\0' || p[len] == '-'))
				return 1;
			s = p + 1;
		}
	}
	return 0;
}

/* Adds the three-word runs of TEXT to SET. */
static int
add_trigrams(struct hashset *set, const char *text, int join)
{
	struct word *w;
	size_t n, i;
	int rc = 0;

	if (text == NULL)
		return 0;
	if ((w = words(text, join, &n)) == NULL)
		return -1;
	for (i = 0; i + 3 <= n && rc == 0; i++)
		rc = set_add(set, hash_words(w + i, 3));
	free_words(w, n);
	return rc;
}

/* ALSO: text whose runs may be said like the shareable note's, or NULL. */
static int
add_runs(struct guard *g, const char *conf, const char *share, const char *also, int join)
{
	struct hashset shared = { 0 };
	struct word *cw = NULL;
	size_t nc = 0, i;
	int rc = -1;

	if ((cw = words(conf, join, &nc)) == NULL || add_trigrams(&shared, share, join) != 0 ||
	    add_trigrams(&shared, also, join) != 0)
		goto out;
	for (i = 0; i + 3 <= nc; i++) {
		uint64_t h = hash_words(cw + i, 3);

		if (!set_has(&shared, h) && set_add(&g->runs, h) != 0)
			goto out;
	}
	rc = 0;
out:
	set_free(&shared);
	free_words(cw, nc);
	return rc;
}

/* Adds every single word of TEXT to SET. */
static int
add_words(struct hashset *set, const char *text)
{
	struct word *w;
	size_t n, i;
	int rc = 0;

	if (text == NULL)
		return 0;
	if ((w = words(text, 0, &n)) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = set_add(set, hash_words(w + i, 1));
	free_words(w, n);
	return rc;
}

/* Fills SAYABLE with the words a capitalised word of the confidential note
 * may be without being a secret name: the shareable note's, the KNOWN
 * names' (candidate, client) and those of people seen positively. */
static int
sayable_words(struct hashset *sayable, const char *share, const struct person *met,
    size_t nmet, const char *const *known)
{
	if (add_words(sayable, share) != 0)
		return -1;
	for (size_t i = 0; known != NULL && known[i] != NULL; i++)
		if (add_words(sayable, known[i]) != 0)
			return -1;
	for (size_t i = 0; i < nmet; i++)
		if (met[i].impression == IMP_POSITIVE && add_words(sayable, met[i].name) != 0)
			return -1;
	return 0;
}

static int
add_names(struct guard *g, const char *conf, const char *share, const struct person *met,
    size_t nmet, const char *const *known)
{
	struct hashset sayable = { 0 };
	struct word *w;
	size_t n, i, k;
	int rc = 0;

	/* People seen neutrally or negatively: the whole name, and each part. */
	for (k = 0; k < nmet; k++) {
		if (met[k].impression == IMP_POSITIVE || met[k].name == NULL)
			continue;
		if ((w = words(met[k].name, 0, &n)) == NULL)
			return -1;
		if (n > 0 && set_add(&g->names, hash_words(w, n) ^ n) != 0) {
			free_words(w, n);
			return -1;
		}
		for (i = 0; i < n; i++) {
			if (strlen(w[i].text) < 2 || is_title(w[i].text))
				continue;
			/* "Will", "Grant": said capitalised they are the name. */
			if (set_add(is_common(w[i].text) ? &g->cap_names : &g->names,
			    hash_words(w + i, 1)) != 0) {
				free_words(w, n);
				return -1;
			}
		}
		free_words(w, n);
	}
	/* Capitalised words of the confidential note the shareable note lacks. */
	if (sayable_words(&sayable, share, met, nmet, known) != 0 ||
	    (w = words(conf, 0, &n)) == NULL) {
		set_free(&sayable);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		uint64_t h = hash_words(w + i, 1);

		if (!w[i].capital || strlen(w[i].text) < 2 || is_common(w[i].text) ||
		    is_title(w[i].text) || set_has(&sayable, h))
			continue;
		rc = set_add(w[i].sentence_start ? &g->cap_names : &g->names, h);
	}
	free_words(w, n);
	set_free(&sayable);
	return rc;
}

/* KNOWN: names the client knows anyway (the candidate's, the client's),
 * which a confidential note may mention without making them secret. */
static struct guard *
guard_build(const char *confidential, const char *shareable, const struct person *met,
    size_t nmet, const char *const *known, const char *also, struct terr *err)
{
	struct guard *g = calloc(1, sizeof(*g));

	if (g == NULL || add_runs(g, confidential, shareable, also, 0) != 0 ||
	    add_runs(g, confidential, shareable, also, 1) != 0 ||
	    add_names(g, confidential, shareable, met, nmet, known) != 0) {
		guard_free(g);
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	return g;
}

struct guard *
guard_from_text(const char *confidential, const char *shareable, const struct person *met,
    size_t nmet, struct terr *err)
{
	return guard_build(confidential, shareable, met, nmet, NULL, NULL, err);
}

struct guard *
guard_new(struct vault *v, const struct turndown *td, struct terr *err)
{
	return guard_new_for(v, td, -1, err);
}

struct guard *
guard_new_for(struct vault *v, const struct turndown *td, long recipient, struct terr *err)
{
	struct person met[TEXT_MET_MAX];
	const char *also = NULL;
	struct turndown conf;
	struct guard *g;
	const char *known[3];
	size_t k = 0;

	if (td->candidate != NULL)
		known[k++] = td->candidate;
	if (td->client != NULL)
		known[k++] = td->client;
	known[k] = NULL;
	memset(&conf, 0, sizeof(conf));
	conf.id = td->id;
	conf.candidate_id = td->candidate_id;
	if (confidential_load(v, &conf, err) != 0)
		return NULL;
	/* A note may name its own recipient, even one seen negatively, and in full. */
	if (td->nmet > 0)
		memcpy(met, td->met, td->nmet * sizeof(*met));
	if (recipient >= 0 && (size_t)recipient < td->nmet) {
		met[recipient].impression = IMP_POSITIVE;
		also = met[recipient].name;
	}
	g = guard_build(conf.confidential, td->shareable, met, td->nmet, known, also, err);
	turndown_clear(&conf);
	return g;
}

/* ---- checking -------------------------------------------------------------- */

static int
check_words(const struct guard *g, const char *text, int join, const char **rule)
{
	struct word *w;
	size_t n, i, k;
	int fired = 0;

	if ((w = words(text, join, &n)) == NULL) {
		*rule = "out of memory";
		return 1;
	}
	for (i = 0; i + 3 <= n && !fired; i++) {
		if (set_has(&g->runs, hash_words(w + i, 3))) {
			*rule = "three or more words of the confidential note";
			fired = 1;
		}
	}
	for (i = 0; i < n && !fired; i++) {
		for (k = 1; k <= 4 && i + k <= n && !fired; k++) {
			uint64_t h = hash_words(w + i, k);

			if (set_has(&g->names, k == 1 ? h : h ^ k) ||
			    (k == 1 && w[i].capital && set_has(&g->cap_names, h))) {
				*rule = "a name that must not be said";
				fired = 1;
			}
		}
	}
	free_words(w, n);
	return fired;
}

int
guard_check(const struct guard *g, const char *text, const char **rule)
{
	*rule = NULL;
	return check_words(g, text, 0, rule) || check_words(g, text, 1, rule);
}

void
guard_free(struct guard *g)
{
	if (g == NULL)
		return;
	set_free(&g->runs);
	set_free(&g->names);
	set_free(&g->cap_names);
	free(g);
}
