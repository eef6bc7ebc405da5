/*
 * locale.h - the English a script is written in: US English by default,
 * British English when the config says `[scripts] locale = en-GB`.  The
 * wording banks are written in US English; this turns a line of them into
 * British spelling and gives the words for benefits in each.
 */
#ifndef TACT_LOCALE_H
#define TACT_LOCALE_H

enum locale { LOCALE_US = 0, LOCALE_GB = 1 };

/* Returns the locale of a config value ("en-GB", "en_GB", "en-US"...);
 * anything but British English (or NULL) is US English. */
enum locale locale_from_name(const char *name);

/* The locale's word for a benefit: KEY "time_off" (PTO / annual leave),
 * "health" (health insurance / private medical cover), "retirement"
 * (401(k) / pension); NULL for an unknown key. */
const char *locale_word(enum locale loc, const char *key);

/* Returns TEXT spelt for LOC (a new string, free it), or NULL when out of
 * memory.  US English is returned unchanged. */
char *locale_spell(enum locale loc, const char *text);

#endif
