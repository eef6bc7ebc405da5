/*
 * forget.c - `tact forget CANDIDATE [--yes]`: crypto-shredding.
 *
 * The candidate's wrapped key and every row of theirs are deleted with
 * secure_delete on, then the WAL is checkpointed and truncated, so neither
 * the key nor the ciphertexts survive anywhere in the vault's files.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/identity.h"
#include "core/base/wipe.h"
#include "core/records/turndown.h"
#include "cmd/cmd.h"
#include "cmd/input.h"

struct forget_opts {
	struct cmd_ctx *ctx;
	const char *who;
	int yes;
};

static const struct argp_option options[] = {
	{ "yes", 'y', NULL, 0, "do not ask for confirmation (required off a terminal)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct forget_opts *o = state->input;

	switch (key) {
	case 'y':
		o->yes = 1;
		break;
	case ARGP_KEY_ARG:
		if (o->who != NULL)
			return cmd_usage(state, "forget takes one candidate (quote a name with "
			    "spaces)");
		o->who = arg;
		break;
	case ARGP_KEY_END:
		if (o->who == NULL)
			return cmd_usage(state, "forget: which candidate? (a name or an id)");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "CANDIDATE",
	"Erase a candidate, by name or id: their key and every turndown of theirs, for good.\v"
	"Example:  tact forget 'Jane Roe' --yes",
	NULL, NULL, NULL
};

static int
forget_exec(struct cmd_ctx *ctx, void *opts)
{
	struct forget_opts *o = opts;
	char *name = NULL, question[512];
	long long id;
	int count = 0, pending = 0, rc = -1;

	if ((id = candidate_resolve(ctx->vault, o->who, &name, &count, &ctx->err)) < 0)
		goto out;
	if (!o->yes) {
		if (!cmd_interactive()) {
			terr_set(&ctx->err, EX_USAGE, "not forgetting without confirmation: add --yes");
			goto out;
		}
		snprintf(question, sizeof(question), "Forget %s and %d turndown%s for good? "
		    "This cannot be undone. [y/N] ", name ? name : "this candidate", count,
		    count == 1 ? "" : "s");
		if (!input_confirm(question)) {
			terr_set(&ctx->err, EX_USAGE, "nothing forgotten");
			goto out;
		}
	}
	if (candidate_forget(ctx->vault, id, &pending, &ctx->err) != 0)
		goto out;
	if (pending)
		cmd_notice("another process has the vault open; the erased pages leave the vault's "
		    "files when it closes");
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:i}", "forgotten", (json_int_t)id,
		    "turndowns", count));
	else
		rc = printf("forgot candidate %lld and %d turndown%s\n", id, count,
		    count == 1 ? "" : "s") < 0 ? -1 : 0;
out:
	wipe_str_free(name);
	return rc;
}

const struct cmd_entry cmd_forget_entry = {
	.name = "forget",
	.summary = "erase a candidate and every turndown of theirs",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct forget_opts),
	.exec = forget_exec,
};
