/*
 * fold.c - comparison forms, the way people read two spellings as one
 * word, on libunistring's Unicode data:
 *
 *   - compatibility decomposition (NFKD): a ligature ("ﬁ") is its
 *     letters, a fullwidth or mathematical letter is the letter; two texts
 *     have the same NFKD exactly when they have the same NFKC;
 *   - full case folding ("Straße" is "strasse"), decomposed again;
 *   - no accents: nonspacing and enclosing marks are dropped, so "José"
 *     and "Jose" (and "Jose" with a combining accent) are one word; a Latin
 *     letter with a stroke or without its dot, which Unicode does not
 *     decompose, is read as the letter Unicode names it after ("Łukasz
 *     Øberg" is "lukasz oberg"), and the ligatures æ and œ as "ae", "oe";
 *   - no default-ignorable characters (zero-width space, joiner and
 *     non-joiner, soft hyphen, direction marks, BOM, variation selectors);
 *   - every apostrophe written ' and every hyphen -.
 *
 * Folding a text is folding its characters one after another (all of the
 * above is per character once marks are dropped), so every byte of a form
 * can be traced back to the character it came from.
 */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uniname.h>
#include <uninorm.h>

#include "core/base/wipe.h"
#include "core/text/chars.h"
#include "core/text/fold.h"
#include "core/text/utf8.h"

#define FOLD_CHARS (TEXT_FOLD_MAX / TEXT_UTF8_MAX)

/* Whether C is left out of a comparison form. */
static int
dropped(ucs4_t c)
{
	return uc_is_general_category(c, UC_CATEGORY_Mn) ||
	    uc_is_general_category(c, UC_CATEGORY_Me) || text_is_ignorable(c);
}

/* Writes the plain letters a Latin small letter C that does not decompose
 * is read as, taken from its Unicode name ("LATIN SMALL LETTER L WITH
 * STROKE" is "l"); returns their length, 0 if there are none. */
static size_t
latin_base(ucs4_t c, char *out)
{
	static const char *const prefixes[] = {
		"LATIN SMALL LETTER ", "LATIN SMALL LIGATURE ", NULL
	};
	char name[UNINAME_MAX];
	const char *p = NULL;
	const uc_script_t *script;

	if (!uc_is_general_category(c, UC_CATEGORY_Ll) || (script = uc_script(c)) == NULL ||
	    strcmp(script->name, "Latin") != 0 || unicode_character_name(c, name) == NULL)
		return 0;
	for (size_t i = 0; prefixes[i] != NULL && p == NULL; i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			p = name + strlen(prefixes[i]);
	if (p == NULL)
		return 0;
	if (strncmp(p, "DOTLESS ", 8) == 0)
		p += 8;
	/* One letter and what is added to it, or the two letters of AE and OE. */
	if (p[0] >= 'A' && p[0] <= 'Z' && (p[1] == '\0' || strncmp(p + 1, " WITH ", 6) == 0)) {
		out[0] = (char)(p[0] - 'A' + 'a');
		return 1;
	}
	if ((strcmp(p, "AE") == 0 || strcmp(p, "OE") == 0)) {
		out[0] = (char)(p[0] - 'A' + 'a');
		out[1] = 'e';
		return 2;
	}
	return 0;
}

size_t
text_fold_char(ucs4_t c, char *out)
{
	uint32_t dbuf[FOLD_CHARS], fbuf[FOLD_CHARS], *d, *f;
	size_t nd = FOLD_CHARS, nf = FOLD_CHARS, len = 0;

	if (text_is_apostrophe(c)) {
		out[0] = '\'';
		return 1;
	}
	if (text_is_hyphen(c)) {
		out[0] = '-';
		return 1;
	}
	if (c < 0x80) {
		out[0] = (char)uc_tolower(c);
		return 1;
	}
	if (text_is_ignorable(c))
		return 0;
	if ((d = u32_normalize(UNINORM_NFKD, &c, 1, dbuf, &nd)) == NULL) {
		d = &c;
		nd = 1;
	}
	if ((f = u32_casefold(d, nd, NULL, UNINORM_NFKD, fbuf, &nf)) == NULL) {
		f = d;
		nf = nd;
	}
	for (size_t i = 0; i < nf && len + TEXT_UTF8_MAX <= TEXT_FOLD_MAX; i++) {
		size_t base;

		if (dropped(f[i]))
			continue;
		if (f[i] >= 0x80 && (base = latin_base(f[i], out + len)) > 0)
			len += base;
		else
			len += text_utf8_put(out + len, f[i]);
	}
	if (f != fbuf && f != d)
		free(f);
	if (d != dbuf && d != &c)
		free(d);
	return len;
}

int
text_fold_mapped(struct text_folded *f, const char *s, size_t n, int map)
{
	size_t cap = n + 1, step, fl;
	char buf[TEXT_FOLD_MAX];
	ucs4_t c;

	memset(f, 0, sizeof(*f));
	if ((f->form = malloc(cap)) == NULL ||
	    (map && ((f->from = malloc(cap * sizeof(*f->from))) == NULL ||
	    (f->to = malloc(cap * sizeof(*f->to))) == NULL)))
		goto oom;
	f->cap = cap;
	for (size_t i = 0; i < n; i += step) {
		step = text_utf8_next(s + i, n - i, &c);
		fl = text_fold_char(c, buf);
		if (f->len + fl + 1 > f->cap) {
			struct text_folded g = { 0 };

			g.cap = (f->cap + fl) * 2;
			if ((g.form = malloc(g.cap)) == NULL ||
			    (map && ((g.from = malloc(g.cap * sizeof(*g.from))) == NULL ||
			    (g.to = malloc(g.cap * sizeof(*g.to))) == NULL))) {
				text_folded_free(&g);
				goto oom;
			}
			g.len = f->len;
			memcpy(g.form, f->form, f->len);
			if (map) {
				memcpy(g.from, f->from, f->len * sizeof(*g.from));
				memcpy(g.to, f->to, f->len * sizeof(*g.to));
			}
			text_folded_free(f);
			*f = g;
		}
		memcpy(f->form + f->len, buf, fl);
		for (size_t k = 0; map && k < fl; k++) {
			f->from[f->len + k] = i;
			f->to[f->len + k] = i + step;
		}
		f->len += fl;
	}
	f->form[f->len] = '\0';
	wipe(buf, sizeof(buf));
	return 0;
oom:
	wipe(buf, sizeof(buf));
	text_folded_free(f);
	return -1;
}

void
text_folded_free(struct text_folded *f)
{
	wipe_free(f->form, f->cap);
	free(f->from);
	free(f->to);
	memset(f, 0, sizeof(*f));
}

/* text_fold() of an ASCII text: each byte as text_fold_char() folds it
 * (apostrophes ', hyphens -, letters lower case), without the Unicode
 * tables: searches fold every name they open. */
static char *
fold_ascii(const char *s, size_t n, size_t *len)
{
	static char table[128];
	static int ready;
	char *out = malloc(n + 1);

	if (out == NULL)
		return NULL;
	if (!ready) {
		for (int c = 0; c < 128; c++)
			(void)text_fold_char((ucs4_t)c, &table[c]);
		ready = 1;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = table[(unsigned char)s[i]];
	out[n] = '\0';
	if (len != NULL)
		*len = n;
	return out;
}

char *
text_fold(const char *s, size_t n, size_t *len)
{
	struct text_folded f;
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80 && s[i] != '\0'; i++)
		;
	if (i == n)
		return fold_ascii(s, n, len);
	if (text_fold_mapped(&f, s, n, 0) != 0)
		return NULL;
	if (len != NULL)
		*len = f.len;
	free(f.from);
	free(f.to);
	return f.form;
}
