/*
 * choose.c - picking and filling lines of wording (see choose.h).  The
 * draws come from the one seeded generator, core/base/rng.c.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/rng.h"
#include "core/text/wrap.h"
#include "core/scripts/choose.h"
#include "core/scripts/locale.h"

void
chooser_init(struct chooser *c, uint64_t seed, wording_check_fn check, void *arg)
{
	c->state = seed;
	c->check = check;
	c->arg = arg;
	c->oom = 0;
	c->locale = LOCALE_US;
}

void
chooser_set_locale(struct chooser *c, int loc)
{
	c->locale = loc;
}

size_t
chooser_below(struct chooser *c, size_t n)
{
	return (size_t)rng_below(&c->state, n);
}

void
chooser_permute(struct chooser *c, size_t *order, size_t n)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = chooser_below(c, i), t = order[i - 1];

		order[i - 1] = order[j];
		order[j] = t;
	}
}

size_t
wording_count(const char *const *list)
{
	size_t n = 0;

	while (list[n] != NULL)
		n++;
	return n;
}

char *
wording_fill(const char *tmpl, const char *const *subs)
{
	size_t cap = strlen(tmpl) + 1, len = 0;
	const char *p = tmpl;
	char *out;

	for (size_t i = 0; subs[i] != NULL; i += 2)
		cap += 4 * strlen(subs[i + 1]);
	if ((out = malloc(cap)) == NULL)
		return NULL;
	while (*p != '\0') {
		int done = 0;

		for (size_t i = 0; *p == '{' && subs[i] != NULL && !done; i += 2) {
			size_t kl = strlen(subs[i]), vl = strlen(subs[i + 1]);

			if (strncmp(p + 1, subs[i], kl) == 0 && p[1 + kl] == '}' && len + vl < cap) {
				memcpy(out + len, subs[i + 1], vl);
				len += vl;
				p += kl + 2;
				done = 1;
			}
		}
		if (!done) {
			if (len + 1 >= cap)
				break;
			out[len++] = *p++;
		}
	}
	out[len] = '\0';
	return out;
}

char *
choose_line(struct chooser *c, const char *tmpl, const char *const *subs)
{
	static const char *const none[] = { NULL };
	char *spelt = c->locale == LOCALE_US ? NULL : locale_spell((enum locale)c->locale, tmpl);
	char *s;

	if (c->locale != LOCALE_US && spelt == NULL) {
		c->oom = 1;
		return NULL;
	}
	s = wording_fill(spelt ? spelt : tmpl, subs ? subs : none);
	free(spelt);

	if (s == NULL) {
		c->oom = 1;
		return NULL;
	}
	/* A placeholder may open the sentence: "the candidate has decided ...". */
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	if (c->check != NULL && c->check(c->arg, s) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

char *
choose_from(struct chooser *c, const char *const *list, size_t from, size_t to,
    const char *const *subs)
{
	size_t order[64], n = to > from ? to - from : 0;
	char *s;

	if (n == 0 || n > 64)
		return NULL;
	chooser_permute(c, order, n);
	for (size_t i = 0; i < n; i++)
		if ((s = choose_line(c, list[from + order[i]], subs)) != NULL)
			return s;
	return NULL;
}

int
strlist_push(char ***list, size_t *n, char *s)
{
	char **grown;

	if (s == NULL)
		return 0;
	if ((grown = realloc(*list, (*n + 1) * sizeof(**list))) == NULL) {
		free(s);
		return -1;
	}
	*list = grown;
	(*list)[(*n)++] = s;
	return 0;
}

void
strlist_free(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

void
wording_wrap(FILE *out, const char *lead, const char *indent, const char *s, size_t width)
{
	text_wrap(out, lead, indent, s, width);
}
