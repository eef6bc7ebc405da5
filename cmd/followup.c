/*
 * followup.c - `tact followup`: the stay-in-touch tasks every turndown gets.
 *
 *   tact followup [--due] [--until DATE] [--all] [--ics FILE]
 *   tact followup plan ID
 *   tact followup done TASK [--note TEXT]
 *   tact followup skip TASK
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/followup.h"
#include "cmd/cmd.h"

enum sub { SUB_LIST, SUB_PLAN, SUB_DONE, SUB_SKIP };

struct fu_opts {
	struct cmd_ctx *ctx;
	enum sub sub;
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

static error_t
parse(int key, char *arg, struct argp_state *state)
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
	case O_NOTE:
		o->note = arg;
		break;
	case ARGP_KEY_ARG:
		if (o->sub == SUB_LIST || o->id != 0)
			return cmd_usage(state, "unexpected argument '%s'", arg);
		if (cmd_number(arg, 1, 999999999999LL, &o->id) != 0)
			return cmd_usage(state, "'%.40s' is not an id", arg);
		break;
	case ARGP_KEY_END:
		if (o->sub != SUB_LIST && o->id == 0)
			return cmd_usage(state, o->sub == SUB_PLAN ? "which turndown?" :
			    "which task? (see 'tact followup')");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp list_argp = {
	list_options, parse, "[plan ID | done TASK | skip TASK]",
	"List the follow-up tasks, due first, overdue marked.\v"
	"Every turndown gets a plan when it is logged: thank-you notes within 2 days of the "
	"decline, connect within a week, check in with the candidate at 3 months, update the "
	"hiring manager at about 6 months, catch up at about 12 months.  'tact followup plan ID' "
	"makes the plan for a turndown that has none; 'done' and 'skip' close a task.",
	NULL, NULL, NULL
};
static const struct argp plan_argp = {
	NULL, parse, "ID", "Make the follow-up plan for a turndown that has none.", NULL, NULL,
	NULL
};
static const struct argp done_argp = {
	done_options, parse, "TASK", "Mark a follow-up task done.", NULL, NULL, NULL
};
static const struct argp skip_argp = {
	NULL, parse, "TASK", "Skip a follow-up task.", NULL, NULL, NULL
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
list(struct cmd_ctx *ctx, struct fu_opts *o)
{
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
			fprintf(stderr, "tact: wrote %zu open task%s to %s\n", open_n,
			    open_n == 1 ? "" : "s", o->ics);
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

int
cmd_followup_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct fu_opts o;
	const struct argp *argp = &list_argp;
	const char *sub = argc > 1 ? argv[1] : NULL;
	char *name = NULL, *saved = NULL;
	int rc = -1, n;

	memset(&o, 0, sizeof(o));
	o.ctx = ctx;
	if (sub != NULL && strcmp(sub, "list") == 0) {
		/* "tact followup list" is the plain listing. */
		argv[1] = argv[0];
		argc--;
		argv++;
		sub = NULL;
	}
	if (sub != NULL && (strcmp(sub, "plan") == 0 || strcmp(sub, "done") == 0 ||
	    strcmp(sub, "skip") == 0)) {
		o.sub = sub[0] == 'p' ? SUB_PLAN : sub[0] == 'd' ? SUB_DONE : SUB_SKIP;
		argp = o.sub == SUB_PLAN ? &plan_argp : o.sub == SUB_DONE ? &done_argp : &skip_argp;
		if (asprintf(&name, "tact followup %s", sub) < 0)
			return terr_set(&ctx->err, EX_OSERR, "out of memory");
		saved = argv[1];
		argv[1] = name;
		argc--;
		argv++;
	}
	if (cmd_parse(ctx, argp, argc, argv, &o) != 0 || cmd_ready(ctx) != 0)
		goto out;
	switch (o.sub) {
	case SUB_LIST:
		rc = list(ctx, &o);
		break;
	case SUB_PLAN:
		if (vault_begin(ctx->vault, &ctx->err) != 0)
			break;
		if ((n = followup_plan(ctx->vault, o.id, &ctx->err)) < 0 ||
		    vault_commit(ctx->vault, &ctx->err) != 0) {
			vault_rollback(ctx->vault);
			break;
		}
		rc = ctx->json ? cmd_print_json(ctx, json_pack("{s:I, s:i}", "turndown",
		    (json_int_t)o.id, "added", n)) : (printf("added %d task%s to turndown %lld\n", n,
		    n == 1 ? "" : "s", o.id) < 0 ? -1 : 0);
		break;
	default:
		if (followup_close(ctx->vault, o.id, o.sub == SUB_DONE ? FU_DONE : FU_SKIPPED,
		    o.note, &ctx->err) != 0)
			break;
		rc = ctx->json ? cmd_print_json(ctx, json_pack("{s:I, s:s}", "task", (json_int_t)o.id,
		    "status", o.sub == SUB_DONE ? "done" : "skipped")) :
		    (printf("task %lld %s\n", o.id, o.sub == SUB_DONE ? "done" : "skipped") < 0 ? -1 :
		    0);
		break;
	}
out:
	if (saved != NULL)
		argv[0] = saved;
	free(name);
	return rc;
}
