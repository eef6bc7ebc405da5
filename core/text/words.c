/*
 * words.c - where words begin and end, for the guard and the scrubber
 * alike, on libunistring's character data.
 *
 * A word is a run of letters, marks and digits of any script; everything
 * else separates words ("process\u2014the" is two).  An apostrophe or a
 * hyphen between two word characters is inside the word, and a reader may
 * take it either way, so a text is read twice over by those who must not
 * miss a word: once with each apostrophe splitting the word, once with it
 * dropped.
 */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>

#include "core/base/wipe.h"
#include "core/text/fold.h"
#include "core/text/utf8.h"
#include "core/text/words.h"

int
text_is_word_char(ucs4_t c)
{
	return !text_is_apostrophe(c) && (uc_is_alnum(c) ||
	    uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_M) ||
	    uc_is_general_category(c, UC_CATEGORY_N));
}

int
text_is_apostrophe(ucs4_t c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc;
}

int
text_is_hyphen(ucs4_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

int
text_is_capital(ucs4_t c)
{
	return uc_is_upper(c) || uc_tolower(c) != c;
}

int
text_ends_sentence(ucs4_t c)
{
	return c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x2026 || c == 0x3002;
}

/* Whether the character at S (N bytes) is a word character; its length in *LEN. */
static int
word_char_at(const char *s, size_t n, size_t *len)
{
	ucs4_t c;

	if (n == 0)
		return 0;
	*len = text_utf8_next(s, n, &c);
	return text_is_word_char(c);
}

size_t
text_word_len(const char *s, size_t n)
{
	size_t i = 0, len, len2;
	ucs4_t c;

	while (i < n) {
		if (word_char_at(s + i, n - i, &len)) {
			i += len;
			continue;
		}
		len = text_utf8_next(s + i, n - i, &c);
		if (i > 0 && (text_is_apostrophe(c) || text_is_hyphen(c)) &&
		    word_char_at(s + i + len, n - i - len, &len2)) {
			i += len;
			continue;
		}
		break;
	}
	return i;
}

/* Makes room in W for one more word and NEED more bytes of forms. */
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

int
text_words_read(struct text_words *w, const char *text, size_t n, enum text_reading how)
{
	size_t i = 0, used = 0, vcap = 0, len, step;
	char buf[TEXT_FOLD_MAX];
	int start = 1;
	ucs4_t c;

	memset(w, 0, sizeof(*w));
	while (i < n) {
		size_t span, end, k;

		step = text_utf8_next(text + i, n - i, &c);
		if (!text_is_word_char(c)) {
			if (text_ends_sentence(c))
				start = 1;
			i += step;
			continue;
		}
		end = i + text_word_len(text + i, n - i);
		/* One word per piece between apostrophes (split), or the whole (join). */
		for (k = i; k < end;) {
			struct text_word *tw;

			if (grow(w, &vcap, used, 1) != 0)
				goto oom;
			tw = &w->v[w->n];
			memset(tw, 0, sizeof(*tw));
			tw->at = k;
			tw->capital = text_is_capital(c);
			tw->sentence_start = start;
			start = 0;
			len = 0;
			for (; k < end; k += step) {
				step = text_utf8_next(text + k, end - k, &c);
				if (text_is_hyphen(c) || text_is_apostrophe(c)) {
					if (how == TEXT_SPLIT || text_is_hyphen(c))
						break;
					continue;
				}
				span = text_fold_char(c, buf);
				if (grow(w, &vcap, used + len, span + 1) != 0)
					goto oom;
				memcpy(w->forms + used + len, buf, span);
				len += span;
				tw->chars += text_utf8_count(buf, span);
			}
			tw->span = k - tw->at;
			w->forms[used + len] = '\0';
			tw->len = len;
			tw->form_at = used;     /* forms may still move as they grow */
			used += len + 1;
			w->n++;
			if (k < end) {
				k += step;      /* past the apostrophe or hyphen */
				step = text_utf8_next(text + k, end - k, &c);
			}
		}
		i = end;
	}
	for (size_t j = 0; j < w->n; j++)
		w->v[j].form = w->forms + w->v[j].form_at;
	wipe(buf, sizeof(buf));
	return 0;
oom:
	wipe(buf, sizeof(buf));
	text_words_free(w);
	return -1;
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
