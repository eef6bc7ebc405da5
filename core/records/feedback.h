/*
 * feedback.h - a client's feedback on a candidate it rejected: the record,
 * its areas, building and checking it, sealing it into the vault and
 * reading it back.
 *
 * It is the turndown turned round, and sealed the same way, per candidate:
 * a signals part (the areas with their visibility, the stage, the role, the
 * date and who gave it), the shareable points, and the client's
 * confidential note under a subkey of its own.  The confidential note is
 * sealed here (feedback_write.c) and read only through core/confidential/
 * (confidential_feedback_load and the leak guard).
 */
#ifndef TACT_FEEDBACK_H
#define TACT_FEEDBACK_H

#include <jansson.h>
#include <stddef.h>

#include "core/base/check.h"
#include "core/base/date.h"
#include "core/base/error.h"
#include "core/records/write.h"
#include "core/store/vault.h"

/* The feedback areas (`tact feedback areas`). */
#define FB_AREA_COUNT 11
struct fb_area_def {
	const char *slug;
	const char *description;
};
extern const struct fb_area_def feedback_areas[FB_AREA_COUNT];
/* Returns the index of SLUG, or -1. */
int feedback_area_find(const char *slug);

/* Where in the process the candidate was let go; FB_STAGE_NONE if not said. */
enum fb_stage { FB_STAGE_NONE = 0, FB_STAGE_SCREEN, FB_STAGE_INTERVIEW, FB_STAGE_FINAL };
#define FB_STAGE_COUNT 4
extern const char *const fb_stage_names[FB_STAGE_COUNT];        /* "" for none */

struct fb_area {
	int area;               /* index into feedback_areas[] */
	int visibility;         /* enum visibility */
};

struct feedback {
	long long id;
	long long candidate_id;
	long long client_id;
	char *candidate;        /* FB_IDENTITY */
	char *client;           /* FB_CLIENT */
	char *role;             /* FB_SIGNALS; NULL if none */
	int stage;              /* FB_SIGNALS; enum fb_stage */
	char date[DATE_LEN];    /* the day the client gave it */
	struct fb_area areas[FB_AREA_COUNT];
	size_t nareas;          /* FB_SIGNALS */
	char *from;             /* FB_SIGNALS: who gave it; NULL if not said */
	int from_role;          /* index into person_role_names[]; -1 if not said */
	char *shareable;        /* FB_SHAREABLE: the points the client agreed to share */
	char *confidential;     /* only through confidential_feedback_load(); NULL otherwise */
	char *candidate_ref;    /* import: another system's id, deciding identity; or NULL */
	int new_candidate;      /* a new record even if the name exists */
};

/* Which parts to read. */
#define FB_IDENTITY  0x01
#define FB_CLIENT    0x02
#define FB_SIGNALS   0x04
#define FB_SHAREABLE 0x08
#define FB_ALL_OPEN  0x0f       /* everything but the confidential note */

/* Makes FB empty (from_role -1); call before building one. */
void feedback_init(struct feedback *fb);
/* Frees and wipes what FB holds and empties it. */
void feedback_clear(struct feedback *fb);

/* Builders: each checks its input; -1 with EX_DATAERR on bad input. */
/* Adds "AREA[:confidential|:shareable]" (default shareable). */
int feedback_add_area(struct feedback *fb, const char *spec, struct terr *err);
int feedback_add_area_vis(struct feedback *fb, const char *area, const char *visibility,
    struct terr *err);
int feedback_set_stage(struct feedback *fb, const char *stage, struct terr *err);
/* Sets who gave it from "NAME:ROLE" (ROLE as for --met: hiring-manager, ...). */
int feedback_set_from(struct feedback *fb, const char *spec, struct terr *err);
int feedback_set_from_parts(struct feedback *fb, const char *name, const char *role,
    struct terr *err);
/* Checks the whole record; the date is today if unset, never in the future. */
int feedback_validate(struct feedback *fb, struct terr *err);

/* ---- the vault (feedback_write.c, feedback_read.c) ------------------------ */

/* Stores FB (validated) inside the caller's transaction, its candidate and
 * client found or created as a turndown's are (through W); fills fb->id,
 * candidate_id, client_id.  With SKIP_DUPLICATES, feedback on the same
 * candidate from the same client on the same day is not stored again:
 * returns 1 (fb->id the stored one).  Returns 0, or -1. */
int feedback_put(struct td_writer *w, struct feedback *fb, int skip_duplicates,
    int *new_candidate, int *new_client, struct terr *err);
/* Replaces stored feedback FB->id with FB inside the caller's transaction;
 * with KEEP_CONFIDENTIAL the stored confidential note is kept (re-sealed
 * inside crypto/ when the candidate changes). */
int feedback_update(struct td_writer *w, struct feedback *fb, int keep_confidential,
    int *new_candidate, int *new_client, struct terr *err);
/* Erases feedback ID as delete erases a turndown (its own transaction,
 * secure delete, then the WAL checkpointed; *PENDING set when another
 * process held the checkpoint off).  EX_NOINPUT if there is none. */
int feedback_delete(struct vault *v, long long id, int *pending, struct terr *err);

/* Moves every feedback record of candidate (or, CLIENTS set, client) FROM
 * to INTO inside the caller's transaction, each opened and re-sealed (the
 * confidential note inside crypto/): how a merge takes the feedback along.
 * Returns how many moved, or -1. */
long long feedback_move_all(struct vault *v, int clients, long long from, long long into,
    struct terr *err);

/* Iterates over the feedback records F selects, opening PARTS of each (never
 * the confidential note); free with fb_iter_free().  This is what `tact
 * export` walks. */
struct fb_iter;
struct fb_iter *fb_iter_new(struct vault *v, const struct fb_filter *f, unsigned parts,
    struct terr *err);
/* 1: FB filled (cleared first); 0: done; -1: this row could not be read (ERR
 * names it; iteration may go on); -2: fatal. */
int fb_iter_next(struct fb_iter *it, struct feedback *fb, struct terr *err);
void fb_iter_free(struct fb_iter *it);
/* Reads feedback ID's PARTS into FB; EX_NOINPUT if there is none. */
int feedback_load(struct vault *v, long long id, unsigned parts, struct feedback *fb,
    struct terr *err);

/* ---- JSON Lines (feedback_json.c) ----------------------------------------- */

/* Fills FB from one parsed import object (its "kind" is "feedback") and
 * validates it; EX_DATAERR naming what is wrong. */
int feedback_from_json(struct feedback *fb, json_t *obj, struct terr *err);
/* Returns FB as one import-format object ("kind": "feedback"), for export:
 * with WITH_CONFIDENTIAL the confidential note (loaded by the caller through
 * core/confidential/) is included, else left out and the object says
 * "confidential_omitted": true.  NULL when out of memory. */
json_t *feedback_to_json(const struct feedback *fb, int with_confidential);

#endif
