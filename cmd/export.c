/*
 * export.c - `tact export [--candidate NAME] [--confidential] [--output
 * FILE]`: the turndowns as JSON Lines in `tact import`'s format.
 *
 * `tact export --confidential | tact import -` into a new vault gives an
 * equal vault, ids aside.  Without --confidential the confidential reasons,
 * the confidential note and the people met are left out, and each line says
 * so.  --candidate NAME --confidential is a subject-access export: every
 * turndown held about one person, each with its follow-up tasks and notes.
 * The confidential note is read through core/confidential/ only with
 * --confidential, as `tact show --confidential` reads it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "core/records/export.h"
#include "core/records/identity.h"
#include "core/records/read.h"
#include "cmd/cmd.h"

struct export_opts {
	struct cmd_ctx *ctx;
	const char *candidate;
	const char *output;
	int confidential;
};

enum { O_CAND = 0x100, O_CONF, O_OUTPUT };

static const struct argp_option options[] = {
	{ "candidate", O_CAND, "NAME", 0, "only this candidate (a name or #ID): with "
	  "--confidential, everything held about them", 0 },
	{ "confidential", O_CONF, NULL, 0, "include the confidential reasons, note and people met",
	  0 },
	{ "output", O_OUTPUT, "FILE", 0, "write to FILE, a new file (mode 0600), not stdout", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct export_opts *o = state->input;

	switch (key) {
	case O_CAND:
		o->candidate = arg;
		return 0;
	case O_CONF:
		o->confidential = 1;
		return 0;
	case O_OUTPUT:
		o->output = arg;
		return 0;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, NULL,
	"Write the turndowns as JSON Lines in the format of 'tact import', one per line, with "
	"each one's follow-up tasks.\v"
	"Without --confidential the confidential reasons, note and people met are left out and "
	"each line says \"confidential_omitted\": true (import refuses such lines).  Each line's "
	"candidate_ref names its candidate's record, so importing the export twice changes "
	"nothing and two people of one name stay two; the follow-up tasks are for reading: "
	"import plans its own (--plan).\n\n"
	"Examples:\n"
	"  tact export --confidential --output desk.jsonl\n"
	"  tact export --candidate 'Jane Roe' --confidential --output jane-roe.jsonl",
	NULL, NULL, NULL
};

static FILE *
open_output(struct cmd_ctx *ctx, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *f;

	if (fd < 0) {
		terr_set(&ctx->err, EX_CANTCREAT, "cannot create '%.200s': %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		terr_set(&ctx->err, EX_OSERR, "out of memory");
	}
	return f;
}

/* Writes one turndown's line to OUT. */
static int
write_line(struct cmd_ctx *ctx, struct export_opts *o, struct turndown *td,
    struct export_tasks *tasks, FILE *out)
{
	char ref[EXPORT_REF_LEN], *line;
	json_t *fu, *j;
	int rc;

	if (o->confidential && confidential_load(ctx->vault, td, &ctx->err) != 0)
		return -1;
	if ((fu = export_tasks_of(tasks, td, &ctx->err)) == NULL)
		return -1;
	export_ref(ctx->vault->id, td->candidate_id, ref);
	if ((j = export_turndown(td, ref, o->confidential, fu)) == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	line = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (line == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	rc = fprintf(out, "%s\n", line) < 0 ? terr_set(&ctx->err, EX_IOERR, "cannot write the "
	    "export: %s", strerror(errno)) : 0;
	wipe_str_free(line);
	return rc;
}

static int
export_exec(struct cmd_ctx *ctx, void *opts)
{
	struct export_opts *o = opts;
	struct export_tasks *tasks = NULL;
	struct td_filter f = { 0 };
	struct td_iter *it = NULL;
	struct turndown td;
	FILE *out = stdout;
	long long n = 0;
	int r, rc = -1;

	memset(&td, 0, sizeof(td));
	if (o->candidate != NULL) {
		if ((f.candidate_id = candidate_find(ctx->vault, o->candidate, &ctx->err)) <= 0)
			return f.candidate_id < 0 ? -1 : terr_set(&ctx->err, EX_NOINPUT,
			    "no candidate named '%.80s'", o->candidate);
	}
	if ((tasks = export_tasks_load(ctx->vault, f.candidate_id, &ctx->err)) == NULL ||
	    (it = td_iter_new(ctx->vault, &f, TD_ALL_OPEN, &ctx->err)) == NULL)
		goto out;
	if (o->output != NULL && (out = open_output(ctx, o->output)) == NULL)
		goto out;
	while ((r = td_iter_next(it, &td, &ctx->err)) == 1) {
		if (write_line(ctx, o, &td, tasks, out) != 0)
			break;
		n++;
	}
	if (r == 1 || r < 0)
		goto out;
	if (fflush(out) != 0 || (out != stdout && fsync(fileno(out)) != 0)) {
		terr_set(&ctx->err, EX_IOERR, "cannot write the export: %s", strerror(errno));
		goto out;
	}
	rc = 0;
	if (o->output != NULL)
		cmd_notice("exported %lld turndown%s to %s%s", n, n == 1 ? "" : "s", o->output,
		    o->confidential ? " (with their confidential parts: keep it as you keep the vault)"
		    : " (confidential parts left out)");
out:
	if (out != stdout) {
		fclose(out);
		if (rc != 0)
			unlink(o->output);
	}
	turndown_clear(&td);
	td_iter_free(it);
	export_tasks_free(tasks);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.summary = "write the turndowns as JSON Lines in the import format",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct export_opts),
	.exec = export_exec,
};
