/*
 * followup.h - the stay-in-touch plan every turndown gets: thank-you notes,
 * connecting, a check-in with the candidate, an update and a catch-up with
 * the client, each a task with a due date.
 */
#ifndef TACT_FOLLOWUP_H
#define TACT_FOLLOWUP_H

#include "core/records/turndown.h"
#include "core/store/vault.h"

enum fu_kind {
	FU_THANKS = 0,          /* decline + 2 days */
	FU_CONNECT = 1,         /* decline + 7 days */
	FU_CHECKIN = 2,         /* decline + 3 months: the candidate's new job */
	FU_UPDATE = 3,          /* decline + 6 months: the hiring manager */
	FU_CATCHUP = 4,         /* decline + 12 months: the key people */
};
#define FU_KINDS 5

enum fu_status { FU_OPEN = 0, FU_DONE = 1, FU_SKIPPED = 2 };

extern const char *const fu_kind_names[FU_KINDS];
extern const char *const fu_status_names[3];

struct task {
	long long id;
	long long turndown;
	int kind;
	char due[DATE_LEN];
	int status;
	char done_on[DATE_LEN];
	char *candidate;        /* names, for the task's wording */
	char *client;
	int has_note;           /* a note was kept when it was closed */
};

/* Writes the due date of task KIND for a turndown declined on DECLINE. */
void followup_due(const char *decline, int kind, char out[DATE_LEN]);
/* Adds the plan's missing tasks for TURNDOWN declined on DECLINE; returns
 * how many were added, or -1.  The one planner: record_put() and
 * `tact followup plan` both come here.  No "connect" task for a turndown
 * with nobody met, and one candidate check-in per date: a second turndown
 * of the same candidate with the same check-in day gets none of its own. */
int followup_plan_from(struct vault *v, long long turndown, const char *decline,
    struct terr *err);
/* The same, adding only the tasks due after AFTER (all if AFTER is NULL):
 * `tact import --plan future` gives past turndowns no overdue tasks. */
int followup_plan_after(struct vault *v, long long turndown, const char *decline,
    const char *after, struct terr *err);
/* The same for a stored turndown, reading its decline date; EX_NOINPUT if none. */
int followup_plan(struct vault *v, long long turndown, struct terr *err);
/* Writes the task's wording ("Send thank-you notes ...") into BUF. */
void followup_summary(const struct task *t, char *buf, size_t size);
void followup_describe(const struct task *t, char *buf, size_t size);

struct fu_filter {
	int all;                /* include done and skipped */
	const char *until;      /* due on or before, or NULL */
	long long candidate;    /* only this candidate's (0: any) */
	long long client;       /* only this client's (0: any) */
	long long task;         /* only this task (0: any) */
};
/* Fills *OUT with the tasks (free with followup_free_list), due first. */
int followup_list(struct vault *v, const struct fu_filter *f, struct task **out, size_t *n,
    struct terr *err);
void followup_free_list(struct task *list, size_t n);
/* Sets each of the N TASKS to STATUS, all or none, in one transaction:
 * FU_DONE (with an optional NOTE, sealed) or FU_SKIPPED closes an open
 * task, FU_OPEN reopens a closed one (keeping its note).  A task not in
 * the state to move is EX_DATAERR, one that does not exist EX_NOINPUT. */
int followup_set(struct vault *v, const long long *tasks, size_t n, int status,
    const char *note, struct terr *err);
/* Marks TASK done (with an optional NOTE, sealed) or skipped; EX_DATAERR
 * if it is not open. */
int followup_close(struct vault *v, long long task, int status, const char *note,
    struct terr *err);
/* Makes TASK, done or skipped, open again; its note is kept.  EX_DATAERR
 * if it is open. */
int followup_reopen(struct vault *v, long long task, struct terr *err);
/* Reads TASK into *OUT (free with followup_free_list(out, 1)) and its note,
 * opened, into *NOTE (NULL if none; the caller frees it with
 * wipe_str_drop()).  EX_NOINPUT if there is no such task. */
int followup_show(struct vault *v, long long task, struct task **out, char **note,
    struct terr *err);

/* Returns the open tasks as an iCalendar document (free it), or NULL. */
char *followup_ics(struct vault *v, const struct task *list, size_t n, struct terr *err);

#endif
