/*
 * merge.c - `tact merge candidate|client FROM INTO`: two records of one
 * person or company become one.  A candidate's rows are re-sealed under
 * INTO's key and FROM's key is destroyed as forget destroys it
 * (core/records/merge.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/records/merge.h"
#include "cmd/cmd.h"
#include "cmd/rename.h"

struct merge_opts {
	struct cmd_ctx *ctx;
	const char *from, *into;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct merge_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (o->from == NULL)
			o->from = arg;
		else if (o->into == NULL)
			o->into = arg;
		else
			return cmd_usage(state, "merge takes two ids: FROM and INTO");
		return 0;
	case ARGP_KEY_END:
		if (o->into == NULL)
			return cmd_usage(state, "merge: give FROM and INTO");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static int
merge_exec(struct cmd_ctx *ctx, struct merge_opts *o, int clients)
{
	long long from, into, n;
	int pending = 0;

	if ((from = rename_record(ctx, clients, o->from)) < 0 ||
	    (into = rename_record(ctx, clients, o->into)) < 0)
		return -1;
	n = clients ? client_merge(ctx->vault, from, into, &pending, &ctx->err) :
	    candidate_merge(ctx->vault, from, into, &pending, &ctx->err);
	if (n < 0)
		return -1;
	if (pending)
		cmd_notice("another process has the vault open; the erased pages leave the vault's "
		    "files when it closes");
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:s, s:I, s:I, s:I}", "kind",
		    clients ? "client" : "candidate", "from", (json_int_t)from, "into",
		    (json_int_t)into, "turndowns", (json_int_t)n));
	return printf("merged %s #%lld into #%lld (%lld turndown%s moved)\n",
	    clients ? "client" : "candidate", from, into, n, n == 1 ? "" : "s") < 0 ? -1 : 0;
}

static int
merge_cand_exec(struct cmd_ctx *ctx, void *opts)
{
	return merge_exec(ctx, opts, 0);
}

static int
merge_client_exec(struct cmd_ctx *ctx, void *opts)
{
	return merge_exec(ctx, opts, 1);
}

static const struct argp cand_argp = {
	NULL, parse, "FROM INTO",
	"Make two records of one candidate one: FROM's turndowns move to INTO, re-sealed under "
	"INTO's key, and FROM's key and record are erased.\v"
	"Example:  tact merge candidate 14 12",
	NULL, NULL, NULL
};

static const struct argp client_argp = {
	NULL, parse, "FROM INTO",
	"Make two records of one client one: FROM's turndowns move to INTO and FROM is erased.\v"
	"Example:  tact merge client 'Northwind Robotic' 'Northwind Robotics'",
	NULL, NULL, NULL
};

static const struct argp merge_argp = {
	NULL, NULL, NULL,
	"Merge two records of one candidate or one client.\v"
	"Ids as 'tact candidates' and 'tact clients' show them, #ID, or names.",
	NULL, NULL, NULL
};

static const struct cmd_entry merge_cand_entry = {
	.name = "candidate",
	.summary = "merge two records of one candidate",
	.argp = &cand_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct merge_opts),
	.exec = merge_cand_exec,
};

static const struct cmd_entry merge_client_entry = {
	.name = "client",
	.summary = "merge two records of one client",
	.argp = &client_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct merge_opts),
	.exec = merge_client_exec,
};

static const struct cmd_entry *const merge_subs[] = {
	&merge_cand_entry, &merge_client_entry, NULL
};

const struct cmd_entry cmd_merge_entry = {
	.name = "merge",
	.summary = "make two records of one candidate or client one",
	.argp = &merge_argp,
	.subs = merge_subs,
};
