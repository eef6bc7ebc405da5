/*
 * taxonomy.h - the reason categories a turndown is filed under, and the
 * small closed vocabularies beside them (visibility, roles, impressions,
 * consent).
 */
#ifndef TACT_TAXONOMY_H
#define TACT_TAXONOMY_H

#include <stddef.h>

#define TAXONOMY_COUNT 24

struct category {
	const char *slug;
	const char *description;
};

extern const struct category taxonomy[TAXONOMY_COUNT];

/* Returns the index of SLUG, or -1. */
int taxonomy_find(const char *slug);
/* Returns the closest slug to a misspelt one, or NULL if none is close. */
const char *taxonomy_suggest(const char *slug);
/* Writes "compensation, equity, ..." into BUF. */
void taxonomy_list(char *buf, size_t size);

enum visibility { VIS_SHAREABLE = 0, VIS_CONFIDENTIAL = 1 };
enum impression { IMP_POSITIVE = 0, IMP_NEUTRAL = 1, IMP_NEGATIVE = 2 };
enum consent { CONSENT_AGGREGATE = 0, CONSENT_NONE = 1 };
#define PERSON_ROLE_COUNT 6

extern const char *const visibility_names[2];
extern const char *const impression_names[3];
extern const char *const consent_names[2];
extern const char *const person_role_names[PERSON_ROLE_COUNT];  /* slugs: hiring-manager, ... */
extern const char *const person_role_words[PERSON_ROLE_COUNT];  /* plain words: hiring manager, ... */

/* Returns the index of NAME in the NULL-free list NAMES of length N, or -1. */
int vocab_find(const char *const *names, size_t n, const char *name);

#endif
