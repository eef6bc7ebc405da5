/*
 * coach_bank.h - the wording behind the recruiter's coaching call with a
 * candidate a client turned down, and behind the candidate's own call to
 * the hiring manager (`tact feedback coach`, `tact feedback ask`).
 *
 * Every string is the project's own wording, written to be read aloud on
 * the phone.  It is plain data: the builders never see the client's
 * confidential note, so nothing here may depend on what a client said.
 * A question never presumes that anything went wrong, so that it reads the
 * same whether its area is what the client raised or a cover.
 *
 * Placeholders: {first} (the candidate's first name), {client} (the
 * company), {role} ("the role" or the role's title).  No line names a
 * person at the client: who said what is never said.
 */
#ifndef TACT_COACH_BANK_H
#define TACT_COACH_BANK_H

#include <stddef.h>

#define COACH_BANK_QUESTIONS 4
#define COACH_BANK_FOLLOW_UPS 4
#define COACH_BANK_SHARED 3

struct coach_question {
	const char *question;                           /* open, about the candidate's own view */
	const char *follow_ups[COACH_BANK_FOLLOW_UPS];  /* >= 3, NULL-terminated if fewer */
};

struct coach_area {
	const char *slug;                               /* one of the feedback areas */
	/* >= 2 sentences passing a shared area on constructively, as something to work on */
	const char *shared[COACH_BANK_SHARED];
	struct coach_question questions[COACH_BANK_QUESTIONS];  /* >= 3 */
};

/* The feedback areas, in the order of feedback_areas[]. */
extern const struct coach_area coach_areas[];
extern const size_t coach_area_count;

/* NULL-terminated lists of whole sentences for the coaching call. */
extern const char *const coach_openings[];      /* sincere appreciation; {first} */
extern const char *const coach_decision[];      /* the decision, plainly and kindly */
extern const char *const coach_shared_intro[];  /* before the shared points */
extern const char *const coach_nothing_shared[]; /* when the client shared no area */
extern const char *const coach_note_intro[];    /* before quoting the shareable points, ends in ':' */
extern const char *const coach_questions_intro[];
extern const char *const coach_cues[];          /* listening cues */
extern const char *const coach_next_steps[];    /* in groups: see coach.c */
extern const char *const coach_guardrails[];    /* recruiter-only reminders */

/* The candidate's call to the hiring manager, in order of the call. */
extern const char *const ask_thanks[];          /* {client}, {role} */
extern const char *const ask_wish[];            /* the wish to learn */
extern const char *const ask_questions[];       /* open questions */
extern const char *const ask_stage_questions[]; /* one per stage: none, screen, interview, final */
extern const char *const ask_listen[];          /* while they answer */
extern const char *const ask_closing[];         /* thanks again */
extern const char *const ask_keep_in_touch[];   /* the wish to stay in touch */
extern const char *const ask_reminders[];       /* for the candidate: no arguing, no undoing */

#endif
