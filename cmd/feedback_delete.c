/*
 * feedback_delete.c - `tact feedback delete ID [--yes]`: erase one
 * client's feedback as `tact delete` erases a turndown (secure delete,
 * then the WAL checkpointed and truncated).  The candidate stays.
 */
#include <stdio.h>

#include "cmd/feedback.h"
#include "cmd/input.h"

struct delete_opts {
	struct cmd_ctx *ctx;
	long long id;
	int yes;
};

static const struct argp_option options[] = {
	{ "yes", 'y', NULL, 0, "do not ask for confirmation (required off a terminal)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct delete_opts *o = state->input;

	switch (key) {
	case 'y':
		o->yes = 1;
		return 0;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		return fb_arg_id(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, "ID",
	"Erase one client's feedback on a candidate, for good (the candidate stays).\v"
	"Example:  tact feedback delete 3 --yes", NULL, NULL, NULL
};

static int
delete_exec(struct cmd_ctx *ctx, void *opts)
{
	struct delete_opts *o = opts;
	struct feedback fb;
	char question[600];
	int pending = 0, rc = -1;

	feedback_init(&fb);
	if (feedback_load(ctx->vault, o->id, FB_IDENTITY | FB_CLIENT, &fb, &ctx->err) != 0)
		goto out;
	if (!o->yes) {
		if (!cmd_interactive()) {
			terr_set(&ctx->err, EX_USAGE, "not deleting without confirmation: add --yes");
			goto out;
		}
		snprintf(question, sizeof(question), "Delete feedback %lld (%s from %s, %s) for "
		    "good? [y/N] ", fb.id, fb.candidate, fb.client, fb.date);
		if (!input_confirm(question)) {
			terr_set(&ctx->err, EX_USAGE, "nothing deleted");
			goto out;
		}
	}
	if (feedback_delete(ctx->vault, o->id, &pending, &ctx->err) != 0)
		goto out;
	if (pending)
		cmd_notice("another process has the vault open; the erased pages leave the vault's "
		    "files when it closes");
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I}", "deleted", (json_int_t)o->id));
	else
		rc = printf("deleted feedback %lld\n", o->id) < 0 ? -1 : 0;
out:
	feedback_clear(&fb);
	return rc;
}

const struct cmd_entry cmd_feedback_delete_entry = {
	.name = "delete",
	.summary = "erase one client's feedback for good",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct delete_opts),
	.exec = delete_exec,
};
