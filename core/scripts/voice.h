/*
 * voice.h - how a script speaks of the people in it: the candidate by
 * first name or title and surname, with their pronouns; the person on the
 * line likewise; the field's word for a team and the locale's words for
 * benefits.  A voice is the table of placeholders the banks are filled
 * with (debrief_bank.h lists them).
 */
#ifndef TACT_VOICE_H
#define TACT_VOICE_H

#include "core/text/person.h"
#include "core/scripts/choose.h"

#define VOICE_NAME_MAX (PERSON_PART_MAX + 16)
#define VOICE_SUBS_MAX 48

struct voice {
	char cand[VOICE_NAME_MAX];      /* "Priya", "Dr. Okafor", or "the candidate" */
	char to[VOICE_NAME_MAX];        /* "Tom", "Dr. Hale", or "" when nobody is named */
	int field;                      /* enum field, never FIELD_UNSET */
	const char *subs[VOICE_SUBS_MAX];       /* key, value, ..., NULL, NULL */
	size_t nsubs;
};

/* Fills V for the candidate named CANDIDATE and the person on the line TO
 * (NULL: nobody named).  A short form of a name that CHECK refuses (it is
 * also part of a name that must not be said) gives way to the full name,
 * then to a neutral one. */
void voice_init(struct voice *v, const char *candidate, const char *to, int pronouns,
    int field, int locale, wording_check_fn check, void *arg);
/* Adds placeholder {KEY} with VALUE (both kept by the caller); -1 when full. */
int voice_add(struct voice *v, const char *key, const char *value);
/* The short form of NAME (a first name, or title and surname) that CHECK
 * lets through, else NAME itself if it passes, else FALLBACK; into OUT. */
void voice_name(const char *name, const char *fallback, wording_check_fn check, void *arg,
    char *out, size_t size);

#endif
