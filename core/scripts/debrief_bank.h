/*
 * debrief_bank.h - the question bank behind debrief scripts.
 *
 * Every string here is the project's own wording, written for a recruiter
 * talking to the person on the line (the hiring manager, usually) on the
 * phone: it speaks to them as "you".  The bank is plain data: the code that
 * picks from it (debrief.c) never sees confidential text, so nothing in here
 * may depend on what a candidate said.
 *
 * Placeholders (filled by debrief.c, see choose.h):
 *   {cand}    the candidate as the recruiter calls them ("Priya", "Dr. Okafor")
 *   {to}      the person on the line, likewise (greetings only)
 *   {they} {them} {their} {They} {Their}   the candidate's pronouns
 *   {is} {has} {was} {s}   verbs agreeing with them ("{they} want{s}")
 *   {team}    the field's word for the team ("the group", "the unit")
 *   {time_off} {health} {retirement}   the locale's words for benefits
 * A probe fits every field (fields 0) or those of its mask; every area has
 * at least three probes in every field.
 */
#ifndef TACT_BANK_H
#define TACT_BANK_H

#include <stddef.h>

#include "core/base/field.h"

#define BANK_MAX_FOLLOW_UPS 4
#define BANK_MAX_PROBES 12
#define BANK_MAX_SAFE 3
#define BANK_MAX_NEIGHBOURS 4

struct bank_probe {
	unsigned fields;                               /* 1u << enum field, or 0 for every field */
	const char *question;                          /* open, client's own view, ends in '?' */
	const char *follow_ups[BANK_MAX_FOLLOW_UPS];   /* >= 2, NULL-terminated if fewer than max */
};

struct bank_area {
	const char *slug;                              /* one of the 24 taxonomy slugs */
	const char *safe[BANK_MAX_SAFE];               /* >= 2 whole sentences passing the reason on in general, positive terms */
	const char *neighbours[BANK_MAX_NEIGHBOURS];   /* >= 3 plausible cover areas (slugs), NULL-terminated if fewer */
	struct bank_probe probes[BANK_MAX_PROBES];     /* unused entries have question == NULL */
};

/* The 24 areas, in taxonomy order. */
extern const struct bank_area bank_areas[];
extern const size_t bank_area_count;

/* Returns the area for SLUG, or NULL. */
const struct bank_area *bank_find(const char *slug);
/* Returns how many safe wordings A has (its array may be full, with no NULL). */
size_t bank_safe_count(const struct bank_area *a);
/* Whether probe P may be asked in FIELD (enum field). */
int bank_probe_fits(const struct bank_probe *p, int field);

/* NULL-terminated lists of whole sentences. */
extern const char *const bank_greet_to[];       /* greeting the person on the line by {to} */
extern const char *const bank_greet_none[];     /* greeting when nobody is known by name */
extern const char *const bank_decision[];       /* the decision, naming {cand} */
extern const char *const bank_appreciate[];     /* thanks true whatever the candidate thought */
extern const char *const bank_reason_lead[];    /* before the shareable reasons */
extern const char *const bank_no_reason[];      /* said in every script */
extern const char *const bank_note_intro[];     /* lead-in before quoting the shareable note, ends in ':' */
extern const char *const bank_transition[];     /* into the probes */
extern const char *const bank_follow_any[];     /* follow-ups that suit any probe */
extern const char *const bank_cues[];           /* listening cues */
/* The question about people asked in every script (question NULL ends
 * it): one comparing them, with three people met or more; else one about
 * how the meetings were arranged, which compares nobody. */
extern const struct bank_probe bank_people[];
extern const struct bank_probe bank_people_few[];
/* NULL-terminated lists of groups; a script says one line of each group. */
extern const char *const *const bank_closings[];        /* door open, help, next step, thanks */
extern const char *const *const bank_guardrails[];      /* recruiter-only reminders */

#endif
