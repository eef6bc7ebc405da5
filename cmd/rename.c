/*
 * rename.c - `tact rename candidate|client ID NEW-NAME`: correct a name.
 * The new name is sealed again and its blind index replaced; the turndowns
 * are untouched.  Also the helper merge.c shares: a record given as an id,
 * #ID or a name.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/identity.h"
#include "core/records/merge.h"
#include "cmd/cmd.h"
#include "cmd/rename.h"

long long
rename_record(struct cmd_ctx *ctx, int clients, const char *spec)
{
	long long id;

	if (cmd_number(spec, 1, 999999999999LL, &id) == 0)
		return id;
	id = clients ? client_find(ctx->vault, spec, &ctx->err) :
	    candidate_find(ctx->vault, spec, &ctx->err);
	if (id == 0)
		return terr_set(&ctx->err, EX_NOINPUT, "no %s '%.80s' (see tact %s)",
		    clients ? "client" : "candidate", spec, clients ? "clients" : "candidates");
	return id;
}

struct rename_opts {
	struct cmd_ctx *ctx;
	const char *who, *name;
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct rename_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (o->who == NULL)
			o->who = arg;
		else if (o->name == NULL)
			o->name = arg;
		else
			return cmd_usage(state, "rename takes an id and the new name (quote a name "
			    "with spaces)");
		return 0;
	case ARGP_KEY_END:
		if (o->name == NULL)
			return cmd_usage(state, "rename: give the id and the new name");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static int
rename_exec(struct cmd_ctx *ctx, struct rename_opts *o, int clients)
{
	long long id = rename_record(ctx, clients, o->who);

	if (id < 0)
		return -1;
	if ((clients ? client_rename(ctx->vault, id, o->name, &ctx->err) :
	    candidate_rename(ctx->vault, id, o->name, &ctx->err)) != 0)
		return -1;
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I, s:s}", "renamed", (json_int_t)id,
		    "kind", clients ? "client" : "candidate"));
	return printf("renamed %s #%lld\n", clients ? "client" : "candidate", id) < 0 ? -1 : 0;
}

static int
rename_cand_exec(struct cmd_ctx *ctx, void *opts)
{
	return rename_exec(ctx, opts, 0);
}

static int
rename_client_exec(struct cmd_ctx *ctx, void *opts)
{
	return rename_exec(ctx, opts, 1);
}

static const struct argp cand_argp = {
	NULL, parse, "ID NEW-NAME",
	"Correct a candidate's name (ID as 'tact candidates' shows it, #ID, or the name).\v"
	"Example:  tact rename candidate 12 'Jane Roe-Smith'",
	NULL, NULL, NULL
};

static const struct argp client_argp = {
	NULL, parse, "ID NEW-NAME",
	"Correct a client's name (ID as 'tact clients' shows it, #ID, or the name).\v"
	"Example:  tact rename client 3 'Northwind Robotics'\n\n"
	"A name another client already has is refused: merge the two instead.",
	NULL, NULL, NULL
};

static const struct argp rename_argp = {
	NULL, NULL, NULL,
	"Correct the name of a candidate or a client.\v"
	"The name is sealed again and its blind index replaced; the turndowns keep their ids.",
	NULL, NULL, NULL
};

static const struct cmd_entry rename_cand_entry = {
	.name = "candidate",
	.summary = "correct a candidate's name",
	.argp = &cand_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct rename_opts),
	.exec = rename_cand_exec,
};

static const struct cmd_entry rename_client_entry = {
	.name = "client",
	.summary = "correct a client's name",
	.argp = &client_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct rename_opts),
	.exec = rename_client_exec,
};

static const struct cmd_entry *const rename_subs[] = {
	&rename_cand_entry, &rename_client_entry, NULL
};

const struct cmd_entry cmd_rename_entry = {
	.name = "rename",
	.summary = "correct a candidate's or client's name",
	.argp = &rename_argp,
	.subs = rename_subs,
};
