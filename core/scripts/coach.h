/*
 * coach.h - the recruiter's coaching call with a candidate a client turned
 * down (`tact feedback coach`), and the script of the candidate's own call
 * to the hiring manager (`tact feedback ask`, ask.c).
 *
 * As for the debrief, the builder is handed only what it may use: the areas
 * with their visibility, the shareable points, the candidate's name, the
 * client and the role.  It never holds the client's confidential note, nor
 * who gave the feedback: it asks the leak guard a yes/no question about
 * every line (a wording_check_fn) and picks another wording on a no.
 */
#ifndef TACT_COACH_H
#define TACT_COACH_H

#include <stdint.h>
#include <stdio.h>

#include "core/records/feedback.h"
#include "core/scripts/choose.h"

#define COACH_FOLLOW_UPS 2              /* every question has exactly this many */
#define COACH_PROBES 5                  /* questions in a script by default */
#define COACH_PROBES_MIN 4
#define COACH_PROBES_MAX 8

/* The weight of each feedback area as one a client keeps confidential
 * (of 100): covers are drawn with these, and tests/privacy/feedback.py
 * draws its clients' confidential areas with the same table. */
extern const unsigned coach_cover_weights[FB_AREA_COUNT];

struct coach_input {
	long long feedback;
	const char *candidate;          /* full name; spoken by first name */
	const char *client;
	const char *role;               /* NULL: "the role" */
	int stage;                      /* enum fb_stage (ask) */
	const struct fb_area *areas;
	size_t nareas;
	const char *shareable;          /* NULL if none; contacts are taken out here */
	size_t nprobes;                 /* 0: COACH_PROBES */
};

struct coach_probe {
	const char *area;               /* area slug */
	char *question;
	char *follow_ups[COACH_FOLLOW_UPS];
	size_t nfollow;
	char *cue;
};

struct coach {
	long long feedback;
	uint64_t seed;
	char *first;                    /* the candidate's first name as spoken */
	char **opening;
	size_t nopening;
	char **shared;
	size_t nshared;
	char *questions_intro;
	struct coach_probe *probes;
	size_t nprobes;
	char **next_steps;
	size_t nnext;
	char **guardrails;
	size_t nguardrails;
	int note_left_out;              /* the shareable points could not be read out */
};

enum coach_format { COACH_TEXT, COACH_MARKDOWN };

/* Returns the name to speak to CANDIDATE by (free it): the first name, or
 * a title and the surname ("Dr. Okafor") when the name starts with one. */
char *coach_first_name(const char *candidate);

/* Returns a new coaching script, or NULL (EX_DATAERR when no safe wording
 * exists).  Free it with coach_free(). */
struct coach *coach_build(const struct coach_input *in, uint64_t seed, wording_check_fn check,
    void *arg, struct terr *err);
void coach_free(struct coach *c);
void coach_write(const struct coach *c, enum coach_format fmt, FILE *out);

/* The candidate's call to the hiring manager (ask.c). */
struct ask {
	long long feedback;
	uint64_t seed;
	char **opening;                 /* thanks, the wish to learn */
	size_t nopening;
	char **questions;
	size_t nquestions;
	char *listen;
	char **closing;                 /* thanks again, stay in touch */
	size_t nclosing;
	char **reminders;               /* for the candidate's eyes */
	size_t nreminders;
};
#define ASK_QUESTIONS 4

struct ask *ask_build(const struct coach_input *in, uint64_t seed, wording_check_fn check,
    void *arg, struct terr *err);
void ask_free(struct ask *a);
void ask_write(const struct ask *a, enum coach_format fmt, FILE *out);

#endif
