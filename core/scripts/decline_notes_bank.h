/*
 * phrases.h - wording for keeping the relationships after a turndown:
 * the call that delivers the decline, and thank-you note drafts.
 *
 * Every string is the project's own wording.  Placeholders: "{candidate}"
 * (the candidate's name), "{client}" (the client company), "{person}" (the
 * person a note is for, or someone seen positively), "{referral}" (a person
 * the recruiter can introduce).  No other braces appear.  Lists are
 * NULL-terminated.
 */
#ifndef TACT_PHRASES_H
#define TACT_PHRASES_H

#include "core/base/taxonomy.h"

/* The decline call, said by the recruiter to the hiring manager. */
extern const char *const phr_decline_open[];     /* thanks for the offer and the process */
extern const char *const phr_decline_decision[]; /* the decision, plainly and kindly */
extern const char *const phr_decline_future[];   /* the wish to work together in future */
extern const char *const phr_decline_referral[]; /* an offer of an introduction; uses {referral} */
extern const char *const phr_decline_help[];     /* an offer of help with the search, no name */
extern const char *const phr_decline_next[];     /* next steps */
extern const char *const phr_decline_tips[];     /* recruiter-only advice on delivering it */
extern const char *const phr_decline_tips_spare[]; /* said in place of a tip the guard refuses */

/* Thank-you notes from the candidate, one per person met, by role. */
extern const char *const *const phr_note_body[PERSON_ROLE_COUNT];
extern const char *const phr_note_greeting[];    /* uses {person} */
extern const char *const phr_note_closing[];     /* sign-off line before the candidate's name */
/* The recruiter's own note to the client. */
extern const char *const phr_client_note[];      /* whole-sentence lines; may use {client}, {candidate} */

#endif
