/*
 * search.c - substring search over opened names and roles.  Both sides go
 * through text_fold(), so "ACME", "acme" and "Acmé" find each other; the
 * folded value is wiped, since it is a name.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/search.h"
#include "core/text/fold.h"

struct search {
	char *form;
	size_t len;
};

struct search *
search_new(const char *text, struct terr *err)
{
	struct search *s = calloc(1, sizeof(*s));

	if (s == NULL || (s->form = text_fold(text, strlen(text), &s->len)) == NULL) {
		free(s);
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	wipe_str_free(s->form);
	free(s);
}

int
search_match(const struct search *s, const char *value)
{
	char *form;
	int found;

	if (value == NULL)
		return 0;
	if (s->len == 0)
		return 1;
	if ((form = text_fold(value, strlen(value), NULL)) == NULL)
		return 0;
	found = strstr(form, s->form) != NULL;
	wipe_str_free(form);
	return found;
}
