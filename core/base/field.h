/*
 * field.h - the family of a role (the field it belongs to) and the pronouns
 * a candidate goes by: two small vocabularies that scripts use to speak
 * naturally and to ask questions that fit the field.
 */
#ifndef TACT_FIELD_H
#define TACT_FIELD_H

#include <stddef.h>

enum field {
	FIELD_UNSET = 0,        /* not given: derived from the role title */
	FIELD_PHYSICIAN,
	FIELD_NURSING,
	FIELD_ALLIED_HEALTH,
	FIELD_EXECUTIVE,
	FIELD_TECHNOLOGY,
	FIELD_SALES,
	FIELD_FINANCE,
	FIELD_OPERATIONS,
	FIELD_GENERAL,
	FIELD_COUNT
};

enum pronouns { PRON_UNSET = 0, PRON_SHE, PRON_HE, PRON_THEY, PRON_COUNT };

/* Slugs by enum value; field_names[FIELD_UNSET] and pronoun_names[PRON_UNSET] are "". */
extern const char *const field_names[FIELD_COUNT];
extern const char *const pronoun_names[PRON_COUNT];

/* Returns the field of slug NAME, or -1 (FIELD_UNSET is not a valid slug). */
int field_find(const char *name);
/* Returns the pronouns of NAME ("she", "he", "they"), or -1. */
int pronouns_find(const char *name);

/* Returns the field a role title belongs to, FIELD_GENERAL when nothing in
 * it says.  Words are matched whole and case-insensitively, and the first
 * rule that matches wins, in this order:
 *   1. executive: seniority beats function, so "VP Engineering", "Chief
 *      Nursing Officer", "President", "Managing Director", "General
 *      Manager" are executive; "Account Executive" is not (sales);
 *   2. nursing ("RN", "Charge Nurse", "Nurse Practitioner", "CRNA");
 *   3. allied-health ("Physician Assistant", "Physical Therapist",
 *      "Pharmacist", "Sonographer"), before physician so that these
 *      titles are not read as a doctor's;
 *   4. physician ("Cardiologist", "Hospitalist", "MD", "Surgeon");
 *   5. sales, 6. technology, 7. finance, 8. operations. */
enum field field_from_role(const char *role);

/* The field to use: FIELD if given, else the role's. */
enum field field_effective(int field, const char *role);

#endif
