/*
 * delete.c - `tact delete ID [--yes]`: erase one turndown and its
 * follow-up tasks, as forget erases a candidate: secure_delete zeroes the
 * freed cells and the WAL is checkpointed and truncated, so no copy of its
 * ciphertexts stays in the vault's files.  The candidate and client stay.
 */
#include <stdio.h>
#include <string.h>

#include "core/records/read.h"
#include "core/records/write.h"
#include "cmd/cmd.h"
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
		return cmd_arg_turndown(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, "ID",
	"Erase one turndown and its follow-up tasks, for good (the candidate stays).\v"
	"Example:  tact delete 42 --yes\n\n"
	"To erase everything about a person, use 'tact forget'.",
	NULL, NULL, NULL
};

static int
delete_exec(struct cmd_ctx *ctx, void *opts)
{
	struct delete_opts *o = opts;
	struct turndown td;
	char question[600];
	int pending = 0, rc = -1;

	memset(&td, 0, sizeof(td));
	/* Read it first: a missing id is 66, and the question names what goes. */
	if (turndown_load(ctx->vault, o->id, TD_IDENTITY | TD_CLIENT, &td, &ctx->err) != 0)
		goto out;
	if (!o->yes) {
		if (!cmd_interactive()) {
			terr_set(&ctx->err, EX_USAGE, "not deleting without confirmation: add --yes");
			goto out;
		}
		snprintf(question, sizeof(question), "Delete turndown %lld (%s at %s, declined %s) "
		    "and its follow-ups for good? [y/N] ", td.id, td.candidate, td.client,
		    td.decline_date);
		if (!input_confirm(question)) {
			terr_set(&ctx->err, EX_USAGE, "nothing deleted");
			goto out;
		}
	}
	if (record_delete(ctx->vault, o->id, &pending, &ctx->err) != 0)
		goto out;
	if (pending)
		cmd_notice("another process has the vault open; the erased pages leave the vault's "
		    "files when it closes");
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I}", "deleted", (json_int_t)o->id));
	else
		rc = printf("deleted turndown %lld\n", o->id) < 0 ? -1 : 0;
out:
	turndown_clear(&td);
	return rc;
}

const struct cmd_entry cmd_delete_entry = {
	.name = "delete",
	.summary = "erase one turndown and its follow-ups",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct delete_opts),
	.exec = delete_exec,
};
