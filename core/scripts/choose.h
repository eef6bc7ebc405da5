/*
 * choose.h - choosing lines of wording for scripts and notes: a seeded
 * generator, placeholder filling, and a chooser that puts every candidate
 * line to a yes/no check (the leak guard) before keeping it.
 */
#ifndef TACT_CHOOSE_H
#define TACT_CHOOSE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Returns 0 if TEXT may be said, non-zero if not. */
typedef int (*wording_check_fn)(void *arg, const char *text);

struct chooser {
	uint64_t state;         /* core/base/rng.h: the same sequence for a seed everywhere */
	wording_check_fn check;
	void *arg;
	int oom;                /* set when an allocation failed */
	int locale;             /* enum locale (locale.h): templates are respelt before filling */
};

void chooser_init(struct chooser *c, uint64_t seed, wording_check_fn check, void *arg);
/* Writes every later line in LOC (enum locale); US English by default. */
void chooser_set_locale(struct chooser *c, int loc);
/* Returns a uniform number below N (0 when N is 0). */
size_t chooser_below(struct chooser *c, size_t n);
/* Fills ORDER with a random permutation of 0..N-1. */
void chooser_permute(struct chooser *c, size_t *order, size_t n);

/* Length of a NULL-terminated list of strings. */
size_t wording_count(const char *const *list);
/* Returns TMPL with each {key} of the NULL-terminated key/value pairs SUBS
 * replaced (free it), or NULL when out of memory. */
char *wording_fill(const char *tmpl, const char *const *subs);
/* Returns TMPL filled if the check lets it through (free it), else NULL. */
char *choose_line(struct chooser *c, const char *tmpl, const char *const *subs);
/* Returns a random line of LIST[FROM..TO) that passes, filled; NULL if none. */
char *choose_from(struct chooser *c, const char *const *list, size_t from, size_t to,
    const char *const *subs);

/* A growing list of owned strings. */
int strlist_push(char ***list, size_t *n, char *s);     /* S NULL: nothing added, 0 */
void strlist_free(char **list, size_t n);

/* Writes S wrapped at WIDTH columns, after LEAD on the first line and INDENT
 * after: text_wrap() of core/text/wrap.h. */
void wording_wrap(FILE *out, const char *lead, const char *indent, const char *s, size_t width);

#endif
