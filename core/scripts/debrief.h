/*
 * debrief.h - the client debrief script.
 *
 * The builder is handed only what it may use: the categories with their
 * visibility, the shareable note, the candidate's name and pronouns, the
 * field of the role and the person on the line.  Impressions of
 * people met are never spoken, so the builder does not get them.  It never holds the confidential note or its
 * key.  Instead it asks a yes/no question of the leak guard for every line
 * it would say (a wording_check_fn), and picks another wording when the answer
 * is no.
 */
#ifndef TACT_DEBRIEF_H
#define TACT_DEBRIEF_H

#include <stdint.h>
#include <stdio.h>

#include "core/records/turndown.h"
#include "core/store/vault.h"
#include "core/scripts/choose.h"

#define DEBRIEF_MAX_FOLLOW_UPS 4
#define DEBRIEF_FOLLOW_UPS 2            /* every probe has exactly this many */
#define DEBRIEF_PROBES 5                /* probes in a script by default */
#define DEBRIEF_PROBES_MIN 4
#define DEBRIEF_PROBES_MAX 8


struct debrief_input {
	long long turndown;
	const char *candidate;          /* the full name; the script calls them by first name or title */
	const struct reason *reasons;
	size_t nreasons;
	const char *shareable;          /* NULL if none; contacts are taken out here */
	size_t nprobes;                 /* 0: DEBRIEF_PROBES */
	const char *to;                 /* the person on the line, or NULL: a greeting with no name */
	int pronouns;                   /* enum pronouns (core/base/field.h); PRON_UNSET: they */
	int field;                      /* enum field; FIELD_UNSET: general */
	int locale;                     /* enum locale (core/scripts/locale.h) */
	size_t nmet;                    /* how many people the candidate met (the client
					 * arranged it): picks the question about people */
	uint64_t areas_seed;            /* draws the areas probed and their order; the same
					 * for every seed of a turndown, so that two scripts
					 * of it differ only in wording (0: the seed) */
};

struct debrief_probe {
	const char *area;               /* category slug */
	char *question;
	char *follow_ups[DEBRIEF_MAX_FOLLOW_UPS];
	size_t nfollow;
	char *cue;
};

struct debrief {
	long long turndown;
	uint64_t seed;
	char *to;                       /* whom the script greets ("Dr. Hale"), or NULL */
	char **opening;
	size_t nopening;
	struct debrief_probe *probes;
	size_t nprobes;
	struct debrief_probe people;    /* the question about people, asked in every script */
	char **closing;
	size_t nclosing;
	char **guardrails;
	size_t nguardrails;
	int note_left_out;              /* the shareable note could not be read out */
};

enum debrief_format { DEBRIEF_TEXT, DEBRIEF_MARKDOWN };

/* Returns a new script, or NULL (EX_DATAERR when no safe wording exists).
 * The caller frees it with debrief_free(). */
struct debrief *debrief_build(const struct debrief_input *in, uint64_t seed,
    wording_check_fn check, void *arg, struct terr *err);
void debrief_free(struct debrief *d);
/* Writes the script as text or Markdown to OUT. */
void debrief_write(const struct debrief *d, enum debrief_format fmt, FILE *out);

#endif
