/*
 * decline_notes_bank.h - wording for keeping the relationships after a
 * turndown: the call that delivers the decline, and thank-you note drafts.
 *
 * Every string is the project's own wording, in US English (locale.c
 * respells it).  Placeholders, besides those of debrief_bank.h ({cand},
 * {to}, the pronouns, {team}): "{client}" (the client company),
 * "{person}" (how a note greets its recipient: "Tom", "Dr. Hale"),
 * "{referral}" (whom the recruiter can introduce), "{date}" (a day a
 * little after today, "Friday, November 20").  Lists are NULL-terminated.
 */
#ifndef TACT_PHRASES_H
#define TACT_PHRASES_H

#include "core/base/taxonomy.h"

/* The decline call, said by the recruiter to the person on the line. */
extern const char *const phr_decline_greet_to[];  /* greeting by {to} */
extern const char *const phr_decline_greet_none[];/* greeting with no name */
extern const char *const phr_decline_open[];     /* the candidate's thanks, passed on */
extern const char *const phr_decline_decision[]; /* the decision; "I wanted you to hear it from me" */
extern const char *const phr_decline_future[];   /* the wish to work together in future */
extern const char *const phr_decline_referral[]; /* an offer of an introduction; uses {referral} */
extern const char *const phr_decline_help[];     /* concrete help with the search, no name */
extern const char *const phr_decline_next[];     /* a next step on {date} */
extern const char *const phr_decline_tips[];     /* recruiter-only advice on delivering it */
extern const char *const phr_decline_tips_spare[]; /* said in place of a tip the guard refuses */

/* Thank-you notes from the candidate, one per person met, by role. */
extern const char *const *const phr_note_body[PERSON_ROLE_COUNT];
extern const char *const phr_note_greeting[];    /* uses {person}; formal ones for a title */
extern const char *const phr_note_greeting_formal[];
extern const char *const phr_note_news[];        /* the decline, acknowledged warmly */
extern const char *const phr_note_moment[];      /* the [a moment you remember] slot */
extern const char *const phr_note_ahead[];       /* the wish to stay in touch */
extern const char *const phr_note_closing[];     /* sign-off line before the name */
/* The recruiter's own note to the client (greeting a person as notes do). */
extern const char *const phr_client_greeting_team[]; /* no person known; uses {client} */
extern const char *const phr_client_thanks[];    /* may use {client}, {cand} */
extern const char *const phr_client_news[];      /* the outcome, acknowledged */
extern const char *const phr_client_next[];      /* what the recruiter will do next */

#endif
