/*
 * person.h - how to address a person from the name the recruiter typed:
 * the title and suffixes around it ("Dr. Amara Okafor", "Ingrid Hale, MD",
 * "Tom Reyes Jr."), the given name, the surname, and the form a recruiter
 * uses on the phone or in a note: title and surname for a doctor or a
 * professor ("Dr. Okafor"; a doctor's suffix such as MD, DO or PhD counts
 * as "Dr."), else the first name ("Tom"; "Mr. Henry Caldwell" is "Henry").
 */
#ifndef TACT_TEXT_PERSON_H
#define TACT_TEXT_PERSON_H

#include <stddef.h>

#define PERSON_PART_MAX 128

struct person_name {
	char title[8];                  /* "Dr.", "Prof.", "Mr.", "Ms.", "Mrs.", "Mx." or "" */
	char first[PERSON_PART_MAX];    /* given name, or the whole name if it is one word */
	char last[PERSON_PART_MAX];     /* surname, or "" */
};

/* Reads FULL into N; returns 0, or -1 when FULL holds no name at all. */
int person_name_parse(const char *full, struct person_name *n);

/* Writes into OUT (SIZE bytes) how to address the person named FULL:
 * "Dr. Okafor", "Amara", or FULL itself when it cannot be read; returns
 * OUT. */
char *person_call(const char *full, char *out, size_t size);

#endif
