/*
 * guard.c - does a piece of output disclose a confidence?
 *
 * Rules (SPEC section 5): no run of three or more consecutive words of the
 * confidential note unless the run is also in the shareable note; never the
 * name of a person met who was seen neutrally or negatively; never a name
 * that appears only in the confidential note (a capitalised word that is
 * not a common word).
 *
 * Words are read as people read them (core/text/, shared with the report's
 * scrubber): in their comparison forms (NFKC, full case folding, no
 * accents, no invisible characters, so "JOSÉ" and "Jose" are one word), and
 * twice over: once with apostrophes, hyphens and invisible characters
 * splitting a word ("O Brien") and once dropped ("OBrien").
 * Every rule is built from both readings and checked against both.  In
 * Chinese, Japanese, Thai and Korean text, where a whole phrase is one
 * word, the names of people met are also looked for inside it.
 *
 * The guard keeps no text: runs and names are kept as 64-bit hashes.  A
 * hash collision can only make the guard stricter, never let a run through.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "core/confidential/guard.h"
#include "core/text/common.h"
#include "core/text/utf8.h"
#include "core/text/words.h"

struct hashset {
	uint64_t *slots;        /* 0 is empty */
	size_t cap, count;
};

struct guard {
	struct hashset runs;    /* confidential trigrams not in the shareable note */
	struct hashset names;   /* single words and whole names that must not appear */
	struct hashset cap_names;       /* words that must not appear capitalised */
	struct hashset inner;   /* names in scripts without spaces: not even inside a word */
	uint64_t inner_lens;    /* bit L: some name of INNER has L characters */
};

/* The longest name, in characters, looked for inside a word. */
#define INNER_MAX 63

/* Both readings of a text's apostrophes, hyphens and invisible characters
 * (core/text/words.h), for every rule. */
static const enum text_reading readings[] = { TEXT_SPLIT, TEXT_JOIN };
#define NREADINGS (sizeof(readings) / sizeof(*readings))

/* Reads TEXT (NULL: empty) as words the HOW way; 0, or -1 when out of memory. */
static int
read_words(struct text_words *w, const char *text, enum text_reading how)
{
	if (text == NULL)
		text = "";
	return text_words_read(w, text, strlen(text), how);
}

/* Hashes (FNV-1a) a sequence of words: bytes of a word, then an end of word. */
#define HASH_START 1469598103934665603ULL

static uint64_t
hash_bytes(uint64_t h, const char *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)p[k]) * 1099511628211ULL;
	return h;
}

static uint64_t
hash_end_word(uint64_t h)
{
	return (h ^ 0x1f) * 1099511628211ULL;
}

/* Returns the hash of the COUNT words at W, never 0. */
static uint64_t
hash_words(const struct text_word *w, size_t count)
{
	uint64_t h = HASH_START;

	for (size_t i = 0; i < count; i++)
		h = hash_end_word(hash_bytes(h, w[i].form, w[i].len));
	return h ? h : 1;
}

/* Returns the hash of the N bytes at P read as one word, never 0: a word
 * hashes as a piece of another word with the same letters does. */
static uint64_t
hash_piece(const char *p, size_t n)
{
	uint64_t h = hash_end_word(hash_bytes(HASH_START, p, n));

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
		wipe_free(s->slots, s->cap * sizeof(*s->slots));
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

/* Whether word W of TEXT is grammar rather than a name: a common word, a
 * month or weekday, a business abbreviation as written ("HR"), or a word of
 * a category slug ("hiring-manager"). */
static int
is_common(const struct text_word *w, const char *text)
{
	if (text_common_word(w->form) || text_common_date(w->form, 0) ||
	    text_common_abbreviation(text + w->at, w->span))
		return 1;
	for (int i = 0; i < TAXONOMY_COUNT; i++) {
		const char *s = taxonomy[i].slug, *p;

		while ((p = strstr(s, w->form)) != NULL) {
			if ((p == taxonomy[i].slug || p[-1] == '-') &&
			    (p[w->len] == '\0' || p[w->len] == '-'))
				return 1;
			s = p + 1;
		}
	}
	return 0;
}

/* Whether W may name someone by itself: two letters or more, no title. */
static int
may_name(const struct text_word *w)
{
	return w->chars >= 2 && !text_common_title(w->form);
}

/* Adds the three-word runs of TEXT, read the HOW way, to SET. */
static int
add_trigrams(struct hashset *set, const char *text, enum text_reading how)
{
	struct text_words w;
	int rc = 0;

	if (text == NULL)
		return 0;
	if (read_words(&w, text, how) != 0)
		return -1;
	for (size_t i = 0; i + 3 <= w.n && rc == 0; i++)
		rc = set_add(set, hash_words(w.v + i, 3));
	text_words_free(&w);
	return rc;
}

/* Adds the runs of CONF, read the HOW way, that SHARE does not hold.  ALSO:
 * text whose runs may be said like the shareable note's, or NULL. */
static int
add_runs(struct guard *g, const char *conf, const char *share, const char *also,
    enum text_reading how)
{
	struct hashset shared = { 0 };
	struct text_words cw = { 0 };
	int rc = -1;

	if (read_words(&cw, conf, how) != 0 || add_trigrams(&shared, share, how) != 0 ||
	    add_trigrams(&shared, also, how) != 0)
		goto out;
	for (size_t i = 0; i + 3 <= cw.n; i++) {
		uint64_t h = hash_words(cw.v + i, 3);

		if (!set_has(&shared, h) && set_add(&g->runs, h) != 0)
			goto out;
	}
	rc = 0;
out:
	set_free(&shared);
	text_words_free(&cw);
	return rc;
}

/* Adds every single word of TEXT, read both ways, to SET. */
static int
add_words(struct hashset *set, const char *text)
{
	struct text_words w;
	int rc = 0;

	if (text == NULL)
		return 0;
	for (size_t r = 0; r < NREADINGS && rc == 0; r++) {
		if (read_words(&w, text, readings[r]) != 0)
			return -1;
		for (size_t i = 0; i < w.n && rc == 0; i++)
			rc = set_add(set, hash_words(w.v + i, 1));
		text_words_free(&w);
	}
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

/* Adds the N bytes at P (CHARS characters), a name in a script written
 * without spaces, to the names looked for inside words. */
static int
add_inner(struct guard *g, const char *p, size_t n, size_t chars)
{
	if (chars < 2 || chars > INNER_MAX)
		return 0;
	g->inner_lens |= (uint64_t)1 << chars;
	return set_add(&g->inner, hash_piece(p, n));
}

/* Adds the names in W, the name of a person read one way, that are written
 * without spaces: each such part, and when every part is, all of them run
 * together (a name entered as "王 小明" is written "王小明" in a sentence). */
static int
add_inner_parts(struct guard *g, const struct text_words *w)
{
	size_t bytes = 0, chars = 0, at = 0;
	int all_spaceless = w->n >= 2, rc = 0;
	char *all;

	for (size_t i = 0; i < w->n && rc == 0; i++) {
		if (!w->v[i].spaceless) {
			all_spaceless = 0;
			continue;
		}
		bytes += w->v[i].len;
		chars += w->v[i].chars;
		rc = add_inner(g, w->v[i].form, w->v[i].len, w->v[i].chars);
	}
	if (rc != 0 || !all_spaceless)
		return rc;
	if ((all = malloc(bytes + 1)) == NULL)
		return -1;
	for (size_t i = 0; i < w->n; i++) {
		memcpy(all + at, w->v[i].form, w->v[i].len);
		at += w->v[i].len;
	}
	rc = add_inner(g, all, bytes, chars);
	wipe_free(all, bytes + 1);
	return rc;
}

/* Adds the name of a person seen neutrally or negatively, read both ways:
 * the whole name, and each part that may name them ("Will", "Grant": said
 * capitalised, a common word is the name). */
static int
add_person(struct guard *g, const char *name)
{
	struct text_words w;
	int rc = 0;

	for (size_t r = 0; r < NREADINGS && rc == 0; r++) {
		if (read_words(&w, name, readings[r]) != 0)
			return -1;
		if (w.n >= 2)
			rc = set_add(&g->names, hash_words(w.v, w.n));
		for (size_t i = 0; i < w.n && rc == 0; i++)
			if (may_name(&w.v[i]))
				rc = set_add(is_common(&w.v[i], name) ? &g->cap_names : &g->names,
				    hash_words(w.v + i, 1));
		if (rc == 0)
			rc = add_inner_parts(g, &w);
		text_words_free(&w);
	}
	return rc;
}

/* Adds the capitalised words of CONF, read the HOW way, that SAYABLE lacks. */
static int
add_capitalised(struct guard *g, const char *conf, const struct hashset *sayable,
    enum text_reading how)
{
	struct text_words w;
	int rc = 0;

	if (read_words(&w, conf, how) != 0)
		return -1;
	for (size_t i = 0; i < w.n && rc == 0; i++) {
		uint64_t h = hash_words(w.v + i, 1);

		if (!w.v[i].capital || !may_name(&w.v[i]) || is_common(&w.v[i], conf) ||
		    set_has(sayable, h))
			continue;
		rc = set_add(w.v[i].sentence_start ? &g->cap_names : &g->names, h);
	}
	text_words_free(&w);
	return rc;
}

static int
add_names(struct guard *g, const char *conf, const char *share, const struct person *met,
    size_t nmet, const char *const *known)
{
	struct hashset sayable = { 0 };
	int rc;

	for (size_t k = 0; k < nmet; k++)
		if (met[k].impression != IMP_POSITIVE && met[k].name != NULL &&
		    add_person(g, met[k].name) != 0)
			return -1;
	/* Capitalised words of the confidential note the shareable note lacks. */
	rc = sayable_words(&sayable, share, met, nmet, known);
	for (size_t r = 0; r < NREADINGS && rc == 0; r++)
		rc = add_capitalised(g, conf, &sayable, readings[r]);
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

	int rc = g == NULL ? -1 : 0;

	for (size_t r = 0; r < NREADINGS && rc == 0; r++)
		rc = add_runs(g, confidential, shareable, also, readings[r]);
	if (rc != 0 || add_names(g, confidential, shareable, met, nmet, known) != 0) {
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

struct guard *
guard_new_feedback(struct vault *v, const struct feedback *fb, struct terr *err)
{
	struct person from = { NULL, 0, IMP_NEGATIVE };
	struct feedback conf;
	struct guard *g;
	const char *known[3];
	size_t k = 0;

	if (fb->candidate != NULL)
		known[k++] = fb->candidate;
	if (fb->client != NULL)
		known[k++] = fb->client;
	known[k] = NULL;
	feedback_init(&conf);
	conf.id = fb->id;
	conf.candidate_id = fb->candidate_id;
	if (confidential_feedback_load(v, &conf, err) != 0)
		return NULL;
	/* Who gave the feedback is never said: like someone seen negatively. */
	from.name = fb->from;
	if (fb->from_role >= 0)
		from.role = fb->from_role;
	g = guard_build(conf.confidential, fb->shareable, &from, fb->from != NULL ? 1 : 0, known,
	    NULL, err);
	feedback_clear(&conf);
	return g;
}

/* ---- checking -------------------------------------------------------------- */

/* Whether the N bytes at FORM, words of a script written without spaces,
 * hold a name of G->inner anywhere in them. */
static int
has_inner_name(const struct guard *g, const char *form, size_t n)
{
	size_t starts[INNER_MAX + 1], at = 0;
	ucs4_t c;

	/* STARTS: where the last INNER_MAX + 1 characters began, in a ring. */
	for (size_t i = 0; at <= n; i++) {
		starts[i % (INNER_MAX + 1)] = at;
		for (size_t l = 2; l <= INNER_MAX && l <= i; l++) {
			size_t from = starts[(i - l) % (INNER_MAX + 1)];

			if ((g->inner_lens & ((uint64_t)1 << l)) &&
			    set_has(&g->inner, hash_piece(form + from, at - from)))
				return 1;
		}
		if (at == n)
			break;
		at += text_utf8_next(form + at, n - at, &c);
	}
	return 0;
}

/* Whether the words of W from *I on that are in a script written without
 * spaces, run together (a space or a comma between them is no break to a
 * reader of Chinese), hold a name of G->inner.  Moves *I past them; -1 when
 * out of memory. */
static int
inner_run_has_name(const struct guard *g, const struct text_words *w, size_t *i)
{
	size_t end = *i, bytes = 0, at = 0;
	char *all;
	int found;

	while (end < w->n && w->v[end].spaceless)
		bytes += w->v[end++].len;
	if (end == *i + 1) {
		found = has_inner_name(g, w->v[*i].form, w->v[*i].len);
		*i = end;
		return found;
	}
	if ((all = malloc(bytes + 1)) == NULL)
		return -1;
	for (size_t k = *i; k < end; k++) {
		memcpy(all + at, w->v[k].form, w->v[k].len);
		at += w->v[k].len;
	}
	found = has_inner_name(g, all, bytes);
	wipe_free(all, bytes + 1);
	*i = end;
	return found;
}

/* Whether TEXT, read the HOW way, breaks a rule; *RULE names it. */
static int
check_words(const struct guard *g, const char *text, enum text_reading how, const char **rule)
{
	struct text_words w;
	int fired = 0;

	if (read_words(&w, text, how) != 0) {
		*rule = "out of memory";
		return 1;
	}
	for (size_t i = 0; i + 3 <= w.n && !fired; i++) {
		if (set_has(&g->runs, hash_words(w.v + i, 3))) {
			*rule = "three or more words of the confidential note";
			fired = 1;
		}
	}
	/* A name is a word, or up to four in a row (a whole name). */
	for (size_t i = 0; i < w.n && !fired; i++) {
		for (size_t k = 1; k <= 4 && i + k <= w.n && !fired; k++) {
			uint64_t h = hash_words(w.v + i, k);

			if (set_has(&g->names, h) ||
			    (k == 1 && w.v[i].capital && set_has(&g->cap_names, h))) {
				*rule = "a name that must not be said";
				fired = 1;
			}
		}
	}
	for (size_t i = 0; i < w.n && !fired && g->inner_lens != 0;) {
		int found;

		if (!w.v[i].spaceless) {
			i++;
			continue;
		}
		if ((found = inner_run_has_name(g, &w, &i)) != 0) {
			*rule = found < 0 ? "out of memory" : "a name that must not be said";
			fired = 1;
		}
	}
	text_words_free(&w);
	return fired;
}

int
guard_check(const struct guard *g, const char *text, const char **rule)
{
	*rule = NULL;
	for (size_t r = 0; r < NREADINGS; r++)
		if (check_words(g, text, readings[r], rule))
			return 1;
	return 0;
}

void
guard_free(struct guard *g)
{
	if (g == NULL)
		return;
	set_free(&g->runs);
	set_free(&g->names);
	set_free(&g->cap_names);
	set_free(&g->inner);
	free(g);
}
