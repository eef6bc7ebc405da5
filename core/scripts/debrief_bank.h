/*
 * bank.h - the question bank behind debrief scripts.
 *
 * Every string here is the project's own wording, written for a recruiter
 * talking to a hiring manager on the phone.  The bank is plain data: the
 * code that picks from it (core/debrief.c) never sees confidential text, so
 * nothing in here may depend on what a candidate said.
 *
 * Placeholders: a string may contain "{candidate}" (the candidate's name as
 * the client knows it).  No other braces appear in the bank: impressions of
 * people met are never spoken, so no line names one.
 */
#ifndef TACT_BANK_H
#define TACT_BANK_H

#include <stddef.h>

#define BANK_MAX_FOLLOW_UPS 4
#define BANK_MAX_PROBES 6
#define BANK_MAX_SAFE 3
#define BANK_MAX_NEIGHBOURS 4

struct bank_probe {
	const char *question;                          /* open, client's own view, ends in '?' */
	const char *follow_ups[BANK_MAX_FOLLOW_UPS];   /* >= 2, NULL-terminated if fewer than max */
};

struct bank_area {
	const char *slug;                              /* one of the 24 taxonomy slugs */
	const char *safe[BANK_MAX_SAFE];               /* >= 2 whole sentences passing the reason on in general, positive terms */
	const char *neighbours[BANK_MAX_NEIGHBOURS];   /* >= 3 plausible cover areas (slugs), NULL-terminated if fewer */
	struct bank_probe probes[BANK_MAX_PROBES];     /* >= 3; unused entries have question == NULL */
};

/* The 24 areas, in taxonomy order. */
extern const struct bank_area bank_areas[];
extern const size_t bank_area_count;

/* Returns the area for SLUG, or NULL. */
const struct bank_area *bank_find(const char *slug);
/* Returns how many safe wordings A has (its array may be full, with no NULL). */
size_t bank_safe_count(const struct bank_area *a);

/* NULL-terminated lists of whole sentences. */
extern const char *const bank_openings[];       /* appreciation; may use {candidate} */
extern const char *const bank_no_reason[];      /* when nothing specific may be shared */
extern const char *const bank_note_intro[];     /* lead-in before quoting the shareable note, ends in ':' */
extern const char *const bank_cues[];           /* listening cues */
extern const char *const bank_closings[];       /* keep the door open, offer help, next steps */
extern const char *const bank_guardrails[];     /* recruiter-only reminders */

#endif
