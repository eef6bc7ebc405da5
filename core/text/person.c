/*
 * person.c - reading titles, suffixes, given names and surnames out of a
 * name as typed (see person.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/text/person.h"

struct title_word {
	const char *word;               /* lower case, without the dot */
	const char *title;              /* as it is written in front of a surname */
};

static const struct title_word titles[] = {
	{ "dr", "Dr." }, { "doctor", "Dr." }, { "prof", "Prof." }, { "professor", "Prof." },
	{ "mr", "Mr." }, { "ms", "Ms." }, { "mrs", "Mrs." }, { "mx", "Mx." }, { "miss", "Ms." },
	{ NULL, NULL }
};

/* Suffixes; those that make a doctor give the title "Dr.". */
static const struct title_word suffixes[] = {
	{ "md", "Dr." }, { "do", "Dr." }, { "phd", "Dr." }, { "dds", "Dr." }, { "dmd", "Dr." },
	{ "pharmd", "Dr." }, { "dnp", "Dr." }, { "dpt", "Dr." }, { "psyd", "Dr." },
	{ "mbbs", "Dr." }, { "frcs", "Dr." }, { "mrcp", "Dr." }, { "frcp", "Dr." },
	{ "jr", "" }, { "sr", "" }, { "ii", "" }, { "iii", "" }, { "iv", "" }, { "rn", "" },
	{ "bsn", "" }, { "msn", "" }, { "np", "" }, { "aprn", "" }, { "crna", "" },
	{ "pa", "" }, { "pac", "" }, { "mba", "" }, { "cpa", "" }, { "esq", "" },
	{ "facs", "" }, { "facc", "" }, { "facp", "" }, { "lpn", "" }, { "pe", "" },
	{ NULL, NULL }
};

/* Returns the entry of LIST for the token T (dots, commas and hyphens
 * ignored, any case), or NULL. */
static const struct title_word *
lookup(const struct title_word *list, const char *t, size_t len)
{
	char w[16];
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)t[i];

		if (ch == '.' || ch == ',' || ch == '-')
			continue;
		if (n + 1 >= sizeof(w) || ch >= 0x80)
			return NULL;
		w[n++] = (char)tolower(ch);
	}
	w[n] = '\0';
	for (size_t i = 0; n > 0 && list[i].word != NULL; i++)
		if (strcmp(list[i].word, w) == 0)
			return &list[i];
	return NULL;
}

#define TOKENS_MAX 16

struct token {
	const char *s;
	size_t len;
};

/* Splits FULL at spaces and commas. */
static size_t
tokens(const char *full, struct token *t, size_t max)
{
	size_t n = 0;
	const char *p = full;

	while (*p != '\0' && n < max) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		t[n].s = p;
		while (*p != '\0' && *p != ' ' && *p != ',' && *p != '\t')
			p++;
		t[n].len = (size_t)(p - t[n].s);
		n++;
	}
	return n;
}

static void
copy_part(char *dst, const struct token *t)
{
	size_t len = t->len < PERSON_PART_MAX - 1 ? t->len : PERSON_PART_MAX - 1;

	memcpy(dst, t->s, len);
	dst[len] = '\0';
}

int
person_name_parse(const char *full, struct person_name *n)
{
	struct token t[TOKENS_MAX];
	const struct title_word *w;
	size_t nt, from = 0, to;

	memset(n, 0, sizeof(*n));
	if (full == NULL || (nt = tokens(full, t, TOKENS_MAX)) == 0)
		return -1;
	to = nt;
	/* Titles in front ("Dr.", "Prof. Dr."), while a name is left. */
	while (from + 1 < to && (w = lookup(titles, t[from].s, t[from].len)) != NULL) {
		if (n->title[0] == '\0' || strcmp(w->title, "Dr.") == 0)
			snprintf(n->title, sizeof(n->title), "%s", w->title);
		from++;
	}
	/* Suffixes behind, while two words are left (a one-word "Do" is a name). */
	while (to > from + 1 && (w = lookup(suffixes, t[to - 1].s, t[to - 1].len)) != NULL) {
		if (w->title[0] != '\0' && (n->title[0] == '\0' || strcmp(n->title, "Prof.") != 0))
			snprintf(n->title, sizeof(n->title), "%s", w->title);
		to--;
	}
	copy_part(n->first, &t[from]);
	if (to > from + 1)
		copy_part(n->last, &t[to - 1]);
	return 0;
}

char *
person_call(const char *full, char *out, size_t size)
{
	struct person_name n;

	if (size == 0)
		return out;
	out[0] = '\0';
	if (full == NULL)
		return out;
	if (person_name_parse(full, &n) != 0) {
		snprintf(out, size, "%s", full);
		return out;
	}
	/* A doctor or professor is called by title; Mr., Ms. and the like are
	 * read but, on the phone and in a note, a first name is warmer. */
	if (strcmp(n.title, "Dr.") == 0 || strcmp(n.title, "Prof.") == 0)
		snprintf(out, size, "%s %s", n.title, n.last[0] ? n.last : n.first);
	else
		snprintf(out, size, "%s", n.first);
	return out;
}
