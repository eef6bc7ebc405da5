/*
 * followup.c - `tact followup`: the stay-in-touch tasks every turndown gets.
 *
 *   tact followup [list] [--due] [--until DATE] [--all] [--ics FILE]
 *   tact followup plan ID
 *   tact followup done TASK [--note TEXT]
 *   tact followup skip TASK
 *
 * Each is a subcommand of its own; `list` is the default, so the options
 * of `tact followup --due` are list's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/followup.h"
#include "cmd/cmd.h"

struct fu_opts {
	struct cmd_ctx *ctx;
	int due, all;
	char until[DATE_LEN];
	const char *ics, *note;
	long long id;
};

enum { O_DUE = 0x100, O_UNTIL, O_ALL, O_ICS, O_NOTE };

static const struct argp_option list_options[] = {
	{ "due", O_DUE, NULL, 0, "only tasks due today or overdue", 0 },
	{ "until", O_UNTIL, "YYYY-MM-DD", 0, "only tasks due on or before this date", 0 },
	{ "all", O_ALL, NULL, 0, "also tasks done or skipped", 0 },
	{ "ics", O_ICS, "FILE", 0, "write the open tasks to FILE as iCalendar to-dos (mode 0600)",
	  0 },
	{ 0 }
};

static const struct argp_option done_options[] = {
	{ "note", O_NOTE, "TEXT", 0, "a note on how it went (kept encrypted)", 0 },
	{ 0 }
};

/* The options of the listing. */
static error_t
parse_list(int key, char *arg, struct argp_state *state)
{
	struct fu_opts *o = state->input;

	switch (key) {
	case O_DUE:
		o->due = 1;
		break;
	case O_UNTIL:
		return date_parse("--until", arg, o->until, &o->ctx->err) ? EINVAL : 0;
	case O_ALL:
		o->all = 1;
		break;
	case O_ICS:
		o->ics = arg;
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The one id of plan, done and skip; MISSING is the error without one. */
static error_t
parse_id(int key, char *arg, struct argp_state *state, const char *missing)
{
	struct fu_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (o->id != 0)
			return cmd_usage(state, "unexpected argument '%s'", arg);
		if (cmd_number(arg, 1, 999999999999LL, &o->id) != 0)
			return cmd_usage(state, "'%.40s' is not an id", arg);
		break;
	case ARGP_KEY_END:
		if (o->id == 0)
			return cmd_usage(state, "%s", missing);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static error_t
parse_plan(int key, char *arg, struct argp_state *state)
{
	return parse_id(key, arg, state, "which turndown?");
}

/* done and skip: a task, and done's --note. */
static error_t
parse_task(int key, char *arg, struct argp_state *state)
{
	struct fu_opts *o = state->input;

	if (key == O_NOTE) {
		o->note = arg;
		return 0;
	}
	return parse_id(key, arg, state, "which task? (see 'tact followup')");
}

static const struct argp list_argp = {
	list_options, parse_list, NULL,
	"List the follow-up tasks, due first, overdue marked.", NULL, NULL, NULL
};
static const struct argp plan_argp = {
	NULL, parse_plan, "ID", "Make the follow-up plan for a turndown that has none.", NULL, NULL,
	NULL
};
static const struct argp done_argp = {
	done_options, parse_task, "TASK", "Mark a follow-up task done.", NULL, NULL, NULL
};
static const struct argp skip_argp = {
	NULL, parse_task, "TASK", "Skip a follow-up task.", NULL, NULL, NULL
};
static const struct argp followup_argp = {
	NULL, NULL, NULL,
	"List the follow-up tasks, due first, overdue marked; plan, close or skip them.\v"
	"Every turndown gets a plan when it is logged: thank-you notes within 2 days of the "
	"decline, connect within a week, check in with the candidate at 3 months, update the "
	"hiring manager at about 6 months, catch up at about 12 months.  'tact followup plan ID' "
	"makes the plan for a turndown that has none; 'done' and 'skip' close a task.",
	NULL, NULL, NULL
};

static int
write_ics(struct cmd_ctx *ctx, const char *path, const char *text)
{
	size_t len = strlen(text);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0)
		return terr_set(&ctx->err, EX_CANTCREAT, "cannot create '%s': %s", path,
		    strerror(errno));
	if (fchmod(fd, 0600) != 0 || write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return terr_set(&ctx->err, EX_IOERR, "cannot write '%s'", path);
	}
	if (close(fd) != 0)
		return terr_set(&ctx->err, EX_IOERR, "cannot write '%s'", path);
	return 0;
}

static int
list(struct cmd_ctx *ctx, void *opts)
{
	struct fu_opts *o = opts;
	struct fu_filter f = { o->all, NULL };
	struct task *tasks;
	char today[DATE_LEN], text[1024], *ics;
	size_t n, i, open_n = 0;
	json_t *arr;
	int rc = 0;

	date_today(today);
	f.until = o->until[0] ? o->until : NULL;
	if (o->due && (f.until == NULL || strcmp(today, f.until) < 0))
		f.until = today;
	if (followup_list(ctx->vault, &f, &tasks, &n, &ctx->err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		open_n += tasks[i].status == FU_OPEN;
	if (o->ics != NULL) {
		if ((ics = followup_ics(ctx->vault, tasks, n, &ctx->err)) == NULL)
			rc = -1;
		else {
			rc = write_ics(ctx, o->ics, ics);
			free(ics);
		}
		if (rc == 0 && ctx->json)
			rc = cmd_print_json(ctx, json_pack("{s:s, s:I}", "ics", o->ics, "tasks",
			    (json_int_t)open_n));
		else if (rc == 0)
			cmd_notice("wrote %zu open task%s to %s", open_n, open_n == 1 ? "" : "s",
			    o->ics);
	} else if (ctx->json) {
		arr = json_array();
		for (i = 0; i < n; i++) {
			followup_summary(&tasks[i], text, sizeof(text));
			json_array_append_new(arr, json_pack("{s:I, s:I, s:s, s:s, s:s, s:b, s:s}",
			    "id", (json_int_t)tasks[i].id, "turndown", (json_int_t)tasks[i].turndown,
			    "kind", fu_kind_names[tasks[i].kind], "due", tasks[i].due, "status",
			    fu_status_names[tasks[i].status], "overdue",
			    tasks[i].status == FU_OPEN && strcmp(tasks[i].due, today) < 0, "task",
			    text));
		}
		rc = cmd_print_json(ctx, arr);
	} else {
		printf("%-6s  %-10s  %-8s  %s\n", "TASK", "DUE", "STATUS", "WHAT");
		for (i = 0; i < n; i++) {
			const char *st = fu_status_names[tasks[i].status];

			if (tasks[i].status == FU_OPEN && strcmp(tasks[i].due, today) < 0)
				st = "OVERDUE";
			else if (tasks[i].status == FU_OPEN && strcmp(tasks[i].due, today) == 0)
				st = "today";
			followup_summary(&tasks[i], text, sizeof(text));
			printf("%-6lld  %-10s  %-8s  %s\n", tasks[i].id, tasks[i].due, st, text);
		}
	}
	followup_free_list(tasks, n);
	return rc;
}

static int
plan(struct cmd_ctx *ctx, void *opts)
{
	struct fu_opts *o = opts;
	int n;

	if (vault_begin(ctx->vault, &ctx->err) != 0)
		return -1;
	if ((n = followup_plan(ctx->vault, o->id, &ctx->err)) < 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I, s:i}", "turndown", (json_int_t)o->id,
		    "added", n));
	return printf("added %d task%s to turndown %lld\n", n, n == 1 ? "" : "s", o->id) < 0 ?
	    -1 : 0;
}

/* Closes task o->id as STATUS (FU_DONE or FU_SKIPPED). */
static int
close_task(struct cmd_ctx *ctx, struct fu_opts *o, int status)
{
	const char *word = status == FU_DONE ? "done" : "skipped";

	if (followup_close(ctx->vault, o->id, status, o->note, &ctx->err) != 0)
		return -1;
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I, s:s}", "task", (json_int_t)o->id,
		    "status", word));
	return printf("task %lld %s\n", o->id, word) < 0 ? -1 : 0;
}

static int
done(struct cmd_ctx *ctx, void *opts)
{
	return close_task(ctx, opts, FU_DONE);
}

static int
skip(struct cmd_ctx *ctx, void *opts)
{
	return close_task(ctx, opts, FU_SKIPPED);
}

#define FU_NEEDS (CMD_NEEDS_VAULT | CMD_NEEDS_KEY)

static const struct cmd_entry list_entry = {
	.name = "list",
	.summary = "list the tasks, due first, overdue marked",
	.argp = &list_argp,
	.flags = FU_NEEDS | CMD_DEFAULT,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = list,
};

static const struct cmd_entry plan_entry = {
	.name = "plan",
	.summary = "make the follow-up plan for a turndown that has none",
	.argp = &plan_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = plan,
};

static const struct cmd_entry done_entry = {
	.name = "done",
	.summary = "mark a follow-up task done",
	.argp = &done_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = done,
};

static const struct cmd_entry skip_entry = {
	.name = "skip",
	.summary = "skip a follow-up task",
	.argp = &skip_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = skip,
};

static const struct cmd_entry *const followup_subs[] = {
	&list_entry, &plan_entry, &done_entry, &skip_entry, NULL
};

const struct cmd_entry cmd_followup_entry = {
	.name = "followup",
	.summary = "stay-in-touch tasks: list, plan, done, skip, export to a calendar",
	.argp = &followup_argp,
	.subs = followup_subs,
};
