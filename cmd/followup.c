/*
 * followup.c - `tact followup`: the stay-in-touch tasks every turndown gets.
 *
 *   tact followup [list] [--due] [--until DATE] [--all] [--client NAME]
 *                 [--candidate NAME] [--format text|markdown] [--ics FILE [--force]]
 *   tact followup plan ID
 *   tact followup show TASK
 *   tact followup done TASK... [--note TEXT]
 *   tact followup skip TASK...
 *   tact followup reopen TASK...
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
#include "core/records/identity.h"
#include "core/base/wipe.h"
#include "cmd/cmd.h"

struct fu_opts {
	struct cmd_ctx *ctx;
	int due, all, force, markdown;
	char until[DATE_LEN];
	const char *ics, *note, *client, *candidate;
	long long id;                   /* plan's turndown, show's task */
	long long *tasks;               /* done, skip, reopen: the tasks */
	size_t ntasks;
};

enum { O_DUE = 0x100, O_UNTIL, O_ALL, O_ICS, O_NOTE, O_FORCE, O_CLIENT, O_CAND, O_FORMAT };

static const struct argp_option list_options[] = {
	{ "due", O_DUE, NULL, 0, "only tasks due today or overdue", 0 },
	{ "until", O_UNTIL, "YYYY-MM-DD", 0, "only tasks due on or before this date", 0 },
	{ "all", O_ALL, NULL, 0, "also tasks done or skipped", 0 },
	{ "client", O_CLIENT, "NAME", 0, "only this client's tasks (a name or #ID)", 0 },
	{ "candidate", O_CAND, "NAME", 0, "only this candidate's tasks (a name or #ID)", 0 },
	{ "format", O_FORMAT, "text|markdown", 0, "the listing as text (default) or a Markdown "
	  "table", 0 },
	{ "ics", O_ICS, "FILE", 0, "write the open tasks to FILE as iCalendar to-dos (a new file, "
	  "mode 0600)", 1 },
	{ "force", O_FORCE, NULL, 0, "with --ics, replace FILE if it exists", 1 },
	{ 0 }
};

static const struct argp_option done_options[] = {
	{ "note", O_NOTE, "TEXT", 0, "a note on how it went (kept encrypted; see 'followup show')",
	  0 },
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
	case O_FORCE:
		o->force = 1;
		break;
	case O_CLIENT:
		o->client = arg;
		break;
	case O_CAND:
		o->candidate = arg;
		break;
	case O_FORMAT:
		if (strcmp(arg, "text") != 0 && strcmp(arg, "markdown") != 0)
			return cmd_usage(state, "unknown --format '%.40s' (text or markdown)", arg);
		o->markdown = strcmp(arg, "markdown") == 0;
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	case ARGP_KEY_END:
		if (o->force && o->ics == NULL)
			return cmd_usage(state, "--force goes with --ics FILE");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* The one id of plan and show; MISSING is the error without one. */
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

static error_t
parse_show(int key, char *arg, struct argp_state *state)
{
	return parse_id(key, arg, state, "which task? (see 'tact followup')");
}

/* done, skip and reopen: one or more tasks, and done's --note. */
static error_t
parse_tasks(int key, char *arg, struct argp_state *state)
{
	struct fu_opts *o = state->input;
	long long id, *grown;

	switch (key) {
	case O_NOTE:
		o->note = arg;
		break;
	case ARGP_KEY_ARG:
		/* "#12" as well as "12", as the listing shows them. */
		if (cmd_number(arg[0] == '#' ? arg + 1 : arg, 1, 999999999999LL, &id) != 0)
			return cmd_usage(state, "'%.40s' is not a task id", arg);
		if ((grown = realloc(o->tasks, (o->ntasks + 1) * sizeof(*grown))) == NULL)
			return cmd_usage(state, "out of memory");
		o->tasks = grown;
		o->tasks[o->ntasks++] = id;
		break;
	case ARGP_KEY_END:
		if (o->ntasks == 0)
			return cmd_usage(state, "which task? (see 'tact followup')");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static void
fu_fini(void *opts)
{
	struct fu_opts *o = opts;

	free(o->tasks);
	o->tasks = NULL;
}

static const struct argp list_argp = {
	list_options, parse_list, NULL,
	"List the follow-up tasks, due first, overdue marked.\v"
	"Examples:\n"
	"  tact followup --due\n"
	"  tact followup --client 'Acme Health' --format markdown\n"
	"  tact followup --ics followups.ics",
	NULL, NULL, NULL
};
static const struct argp plan_argp = {
	NULL, parse_plan, "ID", "Make the follow-up plan for a turndown that has none.", NULL, NULL,
	NULL
};
static const struct argp done_argp = {
	done_options, parse_tasks, "TASK...", "Mark follow-up tasks done, all or none.\v"
	"Example:\n"
	"  tact followup done 12 13 --note 'Sent the notes.'", NULL, NULL, NULL
};
static const struct argp skip_argp = {
	NULL, parse_tasks, "TASK...", "Skip follow-up tasks, all or none.", NULL, NULL, NULL
};
static const struct argp reopen_argp = {
	NULL, parse_tasks, "TASK...", "Make done or skipped tasks open again (a note is kept).",
	NULL, NULL, NULL
};
static const struct argp show_argp = {
	NULL, parse_show, "TASK", "Show one follow-up task: what it is, its state, and the note "
	"kept when it was done.", NULL, NULL, NULL
};
static const struct argp followup_argp = {
	NULL, NULL, NULL,
	"List the follow-up tasks, due first, overdue marked; plan, close, skip, reopen or show "
	"them.\v"
	"Every turndown gets a plan when it is logged: thank-you notes within 2 days of the "
	"decline, connect within a week (when someone was met), check in with the candidate at 3 "
	"months (once per day, however many turndowns), update the hiring manager at about 6 "
	"months, catch up at about 12 months.  'tact followup plan ID' makes the plan for a "
	"turndown that has none; 'done', 'skip' and 'reopen' take several tasks.",
	NULL, NULL, NULL
};

/* Resolves SPEC, a name or #ID of a candidate (CLIENT 0) or a client. */
static long long
resolve(struct cmd_ctx *ctx, const char *spec, int client)
{
	const char *what = client ? "client" : "candidate";
	long long id;

	if (spec[0] == '#') {
		if (cmd_number(spec + 1, 1, 999999999999LL, &id) != 0) {
			terr_set(&ctx->err, EX_USAGE, "'%.40s' is not a %s id", spec, what);
			return -1;
		}
		return id;
	}
	id = client ? client_find(ctx->vault, spec, &ctx->err) :
	    candidate_find(ctx->vault, spec, &ctx->err);
	if (id == 0)
		terr_set(&ctx->err, EX_NOINPUT, "no %s named '%.80s'", what, spec);
	return id > 0 ? id : -1;
}

/* Writes TEXT to PATH, mode 0600, never through a link: a new file, or with
 * FORCE one that replaces what is there (the rule of `report --output`). */
static int
write_ics(struct cmd_ctx *ctx, const char *path, int force, const char *text)
{
	size_t len = strlen(text);
	int fd = open(path, O_WRONLY | O_CREAT | (force ? O_TRUNC : O_EXCL) | O_NOFOLLOW |
	    O_CLOEXEC, 0600);

	if (fd < 0 && errno == EEXIST)
		return terr_set(&ctx->err, EX_CANTCREAT, "'%.200s' already exists; tact will not "
		    "overwrite it (add --force to replace it)", path);
	if (fd < 0)
		return terr_set(&ctx->err, EX_CANTCREAT, "cannot create '%.200s': %s", path,
		    strerror(errno));
	if (fchmod(fd, 0600) != 0 || write(fd, text, len) != (ssize_t)len) {
		close(fd);
		return terr_set(&ctx->err, EX_IOERR, "cannot write '%.200s'", path);
	}
	if (close(fd) != 0)
		return terr_set(&ctx->err, EX_IOERR, "cannot write '%.200s'", path);
	return 0;
}

/* The status word of task T as the listing shows it. */
static const char *
status_word(const struct task *t, const char *today)
{
	if (t->status == FU_OPEN && strcmp(t->due, today) < 0)
		return "OVERDUE";
	if (t->status == FU_OPEN && strcmp(t->due, today) == 0)
		return "today";
	return fu_status_names[t->status];
}

/* Writes S for a Markdown table cell: pipes escaped, line breaks as spaces. */
static void
md_cell(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`' || *s == '<' ||
		    *s == '[' || *s == ']')
			putchar('\\');
		putchar(*s == '\n' || *s == '\r' ? ' ' : *s);
	}
}

static json_t *
task_json(const struct task *t, const char *today)
{
	char text[1024];

	followup_summary(t, text, sizeof(text));
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s?, s:b, s:s, s:s, s:s, s:b}",
	    "id", (json_int_t)t->id, "turndown", (json_int_t)t->turndown, "kind",
	    fu_kind_names[t->kind], "due", t->due, "status", fu_status_names[t->status],
	    "done_on", t->done_on[0] ? t->done_on : NULL, "overdue",
	    t->status == FU_OPEN && strcmp(t->due, today) < 0, "candidate", t->candidate,
	    "client", t->client, "task", text, "note", t->has_note);
}

static int
list(struct cmd_ctx *ctx, void *opts)
{
	struct fu_opts *o = opts;
	struct fu_filter f = { o->all, NULL, 0, 0, 0 };
	struct task *tasks;
	char today[DATE_LEN], text[1024], *ics;
	size_t n, i, open_n = 0;
	json_t *arr;
	int rc = 0;

	date_today(today);
	f.until = o->until[0] ? o->until : NULL;
	if (o->due && (f.until == NULL || strcmp(today, f.until) < 0))
		f.until = today;
	if (o->client != NULL && (f.client = resolve(ctx, o->client, 1)) < 0)
		return -1;
	if (o->candidate != NULL && (f.candidate = resolve(ctx, o->candidate, 0)) < 0)
		return -1;
	if (followup_list(ctx->vault, &f, &tasks, &n, &ctx->err) != 0)
		return -1;
	for (i = 0; i < n; i++)
		open_n += tasks[i].status == FU_OPEN;
	if (o->ics != NULL) {
		if ((ics = followup_ics(ctx->vault, tasks, n, &ctx->err)) == NULL)
			rc = -1;
		else {
			rc = write_ics(ctx, o->ics, o->force, ics);
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
		for (i = 0; i < n; i++)
			json_array_append_new(arr, task_json(&tasks[i], today));
		rc = cmd_print_json(ctx, arr);
	} else if (o->markdown) {
		printf("| Task | Due | Status | Turndown | What |\n");
		printf("| ---: | --- | --- | ---: | --- |\n");
		for (i = 0; i < n; i++) {
			followup_summary(&tasks[i], text, sizeof(text));
			printf("| %lld | %s | %s | %lld | ", tasks[i].id, tasks[i].due,
			    status_word(&tasks[i], today), tasks[i].turndown);
			md_cell(text);
			printf(" |\n");
		}
	} else {
		printf("%-6s  %-10s  %-8s  %-8s  %s\n", "TASK", "DUE", "STATUS", "TURNDOWN", "WHAT");
		for (i = 0; i < n; i++) {
			followup_summary(&tasks[i], text, sizeof(text));
			printf("%-6lld  %-10s  %-8s  %-8lld  %s\n", tasks[i].id, tasks[i].due,
			    status_word(&tasks[i], today), tasks[i].turndown, text);
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

/* Sets the tasks of O to STATUS, all or none, and says so. */
static int
set_tasks(struct cmd_ctx *ctx, struct fu_opts *o, int status)
{
	const char *word = status == FU_DONE ? "done" : status == FU_SKIPPED ? "skipped" : "open";
	json_t *arr;

	if (o->note != NULL && status != FU_DONE)
		return terr_set(&ctx->err, EX_USAGE, "--note goes with 'followup done'");
	if (followup_set(ctx->vault, o->tasks, o->ntasks, status, o->note, &ctx->err) != 0)
		return -1;
	/* One task: one object, as before several could be given. */
	if (ctx->json && o->ntasks == 1)
		return cmd_print_json(ctx, json_pack("{s:I, s:s}", "task", (json_int_t)o->tasks[0],
		    "status", word));
	if (ctx->json) {
		arr = json_array();
		for (size_t i = 0; i < o->ntasks; i++)
			json_array_append_new(arr, json_pack("{s:I, s:s}", "task",
			    (json_int_t)o->tasks[i], "status", word));
		return cmd_print_json(ctx, arr);
	}
	for (size_t i = 0; i < o->ntasks; i++)
		if (printf("task %lld %s\n", o->tasks[i], word) < 0)
			return -1;
	return 0;
}

static int
done(struct cmd_ctx *ctx, void *opts)
{
	return set_tasks(ctx, opts, FU_DONE);
}

static int
skip(struct cmd_ctx *ctx, void *opts)
{
	return set_tasks(ctx, opts, FU_SKIPPED);
}

static int
reopen(struct cmd_ctx *ctx, void *opts)
{
	return set_tasks(ctx, opts, FU_OPEN);
}

static int
show(struct cmd_ctx *ctx, void *opts)
{
	struct fu_opts *o = opts;
	struct task *t;
	char today[DATE_LEN], text[2048], *note;
	json_t *j;
	int rc = 0;

	if (followup_show(ctx->vault, o->id, &t, &note, &ctx->err) != 0)
		return -1;
	date_today(today);
	if (ctx->json) {
		j = task_json(t, today);
		json_object_set_new(j, "note", note != NULL ? json_string(note) : json_null());
		rc = cmd_print_json(ctx, j);
	} else {
		followup_describe(t, text, sizeof(text));
		printf("task:      %lld (%s)\n", t->id, fu_kind_names[t->kind]);
		printf("turndown:  %lld (%s, %s)\n", t->turndown, t->candidate, t->client);
		printf("due:       %s\n", t->due);
		printf("status:    %s%s%s\n", status_word(t, today), t->done_on[0] ? " on " : "",
		    t->done_on);
		printf("\n%s\n", text);
		if (note != NULL)
			printf("\nNote:\n%s\n", note);
	}
	wipe_str_drop(&note);
	followup_free_list(t, 1);
	return rc;
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

static const struct cmd_entry show_entry = {
	.name = "show",
	.summary = "one task: what it is, its state and its note",
	.argp = &show_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = show,
};

static const struct cmd_entry done_entry = {
	.name = "done",
	.summary = "mark tasks done",
	.argp = &done_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = done,
	.fini = fu_fini,
};

static const struct cmd_entry skip_entry = {
	.name = "skip",
	.summary = "skip tasks",
	.argp = &skip_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = skip,
	.fini = fu_fini,
};

static const struct cmd_entry reopen_entry = {
	.name = "reopen",
	.summary = "make done or skipped tasks open again",
	.argp = &reopen_argp,
	.flags = FU_NEEDS,
	.opts_size = CMD_OPTS(struct fu_opts),
	.exec = reopen,
	.fini = fu_fini,
};

static const struct cmd_entry *const followup_subs[] = {
	&list_entry, &plan_entry, &show_entry, &done_entry, &skip_entry, &reopen_entry, NULL
};

const struct cmd_entry cmd_followup_entry = {
	.name = "followup",
	.summary = "stay-in-touch tasks: list, plan, show, done, skip, reopen, export to a calendar",
	.argp = &followup_argp,
	.subs = followup_subs,
};
