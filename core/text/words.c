/*
 * words.c - where words begin and end, for the guard and the scrubber
 * alike, on libunistring's character data.
 *
 * A word is a run of letters, marks and digits of any script; everything
 * else separates words ("process—the" is two).  Inside a word may be
 * an apostrophe or a hyphen ("O'Brien", "Anne-Marie") and characters that
 * show nothing (a zero-width space, a soft hyphen).  A reader may take each
 * of those as a break or not at all, so a text is read twice over by those
 * who must not miss a word: once with them splitting the word ("O Brien"),
 * once with them dropped ("OBrien").
 *
 * Chinese, Japanese, Thai and the other scripts written without spaces
 * make one long word of a whole phrase; a word also ends where such a
 * script meets one written with spaces, so that a Latin name inside
 * Chinese text is a word of its own.  Finding a name inside the long word
 * is the reader's business (text_word.spaceless tells it to look).
 */
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "core/base/wipe.h"
#include "core/text/chars.h"
#include "core/text/fold.h"
#include "core/text/utf8.h"
#include "core/text/words.h"

/* Scripts written without spaces between words.  Korean has spaces, but
 * between phrases: a particle is written onto the name it follows
 * ("김민수가"), so a name is looked for inside Hangul words too. */
enum word_class { CLASS_ANY, CLASS_SPACED, CLASS_SPACELESS };


/* Returns the class of a word character: digits, marks and signs used by
 * every script go with any word. */
static enum word_class
class_of(ucs4_t c)
{
	const uc_script_t *s;

	if (c < 0x80)
		return c >= '0' && c <= '9' ? CLASS_ANY : CLASS_SPACED;
	if ((s = uc_script(c)) == NULL || strcmp(s->name, "Common") == 0 ||
	    strcmp(s->name, "Inherited") == 0)
		return CLASS_ANY;
	return text_is_spaceless(c) ? CLASS_SPACELESS : CLASS_SPACED;
}

/* Whether a character of class K may continue a word of class *CLS; if
 * so, *CLS takes it on. */
static int
joins_class(enum word_class *cls, enum word_class k)
{
	if (k != CLASS_ANY && *cls != CLASS_ANY && k != *cls)
		return 0;
	if (k != CLASS_ANY)
		*cls = k;
	return 1;
}

/* Whether C may stand between two word characters of one word. */
static int
is_joiner(ucs4_t c)
{
	return text_is_apostrophe(c) || text_is_hyphen(c) || text_is_ignorable(c);
}

/* Returns the length of the joint at S (N bytes left) inside a word of
 * class CLS: invisible characters with at most one apostrophe or hyphen,
 * followed by a word character that may continue the word; 0 if there is
 * none. */
static size_t
joint_len(const char *s, size_t n, enum word_class cls)
{
	size_t j = 0, len;
	int punct = 0;
	ucs4_t c;

	while (j < n) {
		len = text_utf8_next(s + j, n - j, &c);
		if (text_is_word_char(c))
			return j > 0 && joins_class(&cls, class_of(c)) ? j : 0;
		if (text_is_apostrophe(c) || text_is_hyphen(c)) {
			if (punct++)
				return 0;
		} else if (!text_is_ignorable(c)) {
			return 0;
		}
		j += len;
	}
	return 0;
}

/* Scans the word at S (N bytes left): word characters of one class (see
 * class_of()) and the joints between them.  Returns its length, 0 if S
 * does not start with a word character, and its class in *CLS. */
static size_t
scan_word(const char *s, size_t n, enum word_class *cls)
{
	size_t i = 0, len;
	ucs4_t c;

	*cls = CLASS_ANY;
	while (i < n) {
		len = text_utf8_next(s + i, n - i, &c);
		if (text_is_word_char(c)) {
			if (!joins_class(cls, class_of(c)))
				break;
			i += len;
		} else if (i > 0 && (len = joint_len(s + i, n - i, *cls)) > 0) {
			i += len;
		} else {
			break;
		}
	}
	return i;
}

size_t
text_word_len(const char *s, size_t n)
{
	enum word_class cls;

	return scan_word(s, n, &cls);
}

int
text_word_spaceless(const char *s, size_t n)
{
	enum word_class cls;

	scan_word(s, n, &cls);
	return cls == CLASS_SPACELESS;
}

/* Makes room in W for one more word and NEED more bytes of forms after USED. */
static int
grow(struct text_words *w, size_t *vcap, size_t used, size_t need)
{
	if (w->n == *vcap) {
		size_t cap = *vcap ? *vcap * 2 : 16;
		struct text_word *v = realloc(w->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		w->v = v;
		*vcap = cap;
	}
	if (used + need > w->forms_cap) {
		size_t cap = (used + need) * 2;
		char *f = malloc(cap);

		if (f == NULL)
			return -1;
		if (w->forms != NULL)
			memcpy(f, w->forms, used);
		wipe_free(w->forms, w->forms_cap);
		w->forms = f;
		w->forms_cap = cap;
	}
	return 0;
}

/* Adds to W the piece of word that starts at TEXT[*K] (END: where the word
 * ends): up to the next joint (split) or to END (join).  Moves *K past it
 * and past the joint.  USED: bytes of forms taken so far. */
static int
add_piece(struct text_words *w, size_t *vcap, size_t *used, const char *text, size_t *k,
    size_t end, enum text_reading how, int spaceless, int *start)
{
	char buf[TEXT_FOLD_MAX];
	struct text_word *tw;
	size_t len = 0, step, fl;
	ucs4_t c;

	if (grow(w, vcap, *used, 1) != 0)
		return -1;
	tw = &w->v[w->n];
	memset(tw, 0, sizeof(*tw));
	tw->at = *k;
	text_utf8_next(text + *k, end - *k, &c);
	tw->capital = text_is_capital(c);
	tw->sentence_start = *start;
	tw->spaceless = spaceless;
	*start = 0;
	for (; *k < end; *k += step) {
		step = text_utf8_next(text + *k, end - *k, &c);
		if (is_joiner(c)) {
			if (how == TEXT_SPLIT)
				break;
			continue;
		}
		fl = text_fold_char(c, buf);
		if (grow(w, vcap, *used + len, fl + 1) != 0) {
			wipe(buf, sizeof(buf));
			return -1;
		}
		memcpy(w->forms + *used + len, buf, fl);
		len += fl;
		tw->chars += text_utf8_count(buf, fl);
	}
	wipe(buf, sizeof(buf));
	tw->span = *k - tw->at;
	tw->len = len;
	tw->form_at = *used;            /* forms may still move as they grow */
	w->forms[*used + len] = '\0';
	*used += len + 1;
	w->n++;
	while (*k < end && (step = text_utf8_next(text + *k, end - *k, &c), is_joiner(c)))
		*k += step;
	return 0;
}

int
text_words_read(struct text_words *w, const char *text, size_t n, enum text_reading how)
{
	size_t i = 0, used = 0, vcap = 0, end, k;
	enum word_class cls;
	int start = 1;
	ucs4_t c;

	memset(w, 0, sizeof(*w));
	while (i < n) {
		size_t step = text_utf8_next(text + i, n - i, &c);

		if (!text_is_word_char(c)) {
			if (text_ends_sentence(c))
				start = 1;
			i += step;
			continue;
		}
		end = i + scan_word(text + i, n - i, &cls);
		for (k = i; k < end;)
			if (add_piece(w, &vcap, &used, text, &k, end, how, cls == CLASS_SPACELESS,
			    &start) != 0) {
				text_words_free(w);
				return -1;
			}
		i = end;
	}
	for (size_t j = 0; j < w->n; j++)
		w->v[j].form = w->forms + w->v[j].form_at;
	return 0;
}

void
text_words_free(struct text_words *w)
{
	if (w == NULL)
		return;
	if (w->v != NULL)
		wipe_free(w->v, w->n * sizeof(*w->v));
	wipe_free(w->forms, w->forms_cap);
	memset(w, 0, sizeof(*w));
}
