/*
 * locale.c - US and British English for scripts (see locale.h).  The
 * spelling table turns the banks' US words into British ones; it is
 * applied to wording before names are filled in, so a name is never
 * respelt.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/scripts/locale.h"

enum locale
locale_from_name(const char *name)
{
	if (name != NULL && (strcasecmp(name, "en-GB") == 0 || strcasecmp(name, "en_GB") == 0 ||
	    strcasecmp(name, "en-UK") == 0 || strcasecmp(name, "british") == 0))
		return LOCALE_GB;
	return LOCALE_US;
}

struct vocab {
	const char *key, *us, *gb;
};

static const struct vocab words[] = {
	{ "time_off", "PTO", "annual leave" },
	{ "health", "health insurance", "private medical cover" },
	{ "retirement", "401(k)", "pension" },
	{ NULL, NULL, NULL }
};

const char *
locale_word(enum locale loc, const char *key)
{
	for (size_t i = 0; words[i].key != NULL; i++)
		if (strcmp(words[i].key, key) == 0)
			return loc == LOCALE_GB ? words[i].gb : words[i].us;
	return NULL;
}

/* US spellings and their British forms, matched as the start of a word
 * (so "organiz" covers organize, organized, organization). */
static const char *const spelling[][2] = {
	{ "organiz", "organis" }, { "Organiz", "Organis" }, { "recogniz", "recognis" },
	{ "prioritiz", "prioritis" }, { "realiz", "realis" }, { "emphasiz", "emphasis" },
	{ "summariz", "summaris" }, { "characteriz", "characteris" }, { "apologiz", "apologis" },
	{ "minimiz", "minimis" }, { "maximiz", "maximis" }, { "finaliz", "finalis" },
	{ "analyz", "analys" }, { "program", "programme" }, { "Program", "Programme" },
	{ "center", "centre" }, { "favor", "favour" }, { "behavior", "behaviour" },
	{ "honor", "honour" }, { "labor", "labour" }, { "candor", "candour" },
	{ "color", "colour" }, { "neighbor", "neighbour" }, { "judgment", "judgement" },
	{ "fulfill", "fulfil" }, { "enroll", "enrol" }, { "skeptic", "sceptic" },
	{ "pediatric", "paediatric" }, { "anesthesi", "anaesthesi" }, { "orthoped", "orthopaed" },
	{ "vacation", "holiday" }, { "license", "licence" }, { "toward ", "towards " },
	{ "on the calendar", "in the diary" }, { "résumé", "CV" }, { "gotten", "got" },
	{ NULL, NULL }
};

static int
word_start(const char *text, const char *p)
{
	return p == text || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z'));
}

char *
locale_spell(enum locale loc, const char *text)
{
	size_t len = strlen(text), cap = len * 2 + 16, n = 0;
	char *out = malloc(cap);

	if (out == NULL)
		return NULL;
	for (const char *p = text; *p != '\0'; ) {
		size_t i, ul = 0;

		for (i = 0; loc == LOCALE_GB && spelling[i][0] != NULL; i++) {
			ul = strlen(spelling[i][0]);
			if (strncmp(p, spelling[i][0], ul) == 0 && word_start(text, p) &&
			    !(strcmp(spelling[i][0] + 1, "rogram") == 0 && p[ul] == 'm'))
				break;
		}
		if (loc == LOCALE_GB && spelling[i][0] != NULL) {
			size_t gl = strlen(spelling[i][1]);

			if (n + gl + 1 >= cap) {
				char *grown = realloc(out, cap = cap * 2 + gl);

				if (grown == NULL) {
					free(out);
					return NULL;
				}
				out = grown;
			}
			memcpy(out + n, spelling[i][1], gl);
			n += gl;
			p += ul;
			continue;
		}
		if (n + 2 >= cap) {
			char *grown = realloc(out, cap *= 2);

			if (grown == NULL) {
				free(out);
				return NULL;
			}
			out = grown;
		}
		out[n++] = *p++;
	}
	out[n] = '\0';
	return out;
}
