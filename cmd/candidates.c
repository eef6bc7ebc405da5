/*
 * candidates.c - `tact candidates` and `tact clients`: every record with its
 * id (what `#ID` and forget, rename and merge take), how many turndowns it
 * has and the last decline.  Names are sealed, so --search opens them all.
 */
#include <string.h>

#include "core/records/identity.h"
#include "core/records/search.h"
#include "cmd/cmd.h"

struct names_opts {
	struct cmd_ctx *ctx;
	const char *search;
};

enum { O_SEARCH = 0x100 };

static const struct argp_option options[] = {
	{ "search", O_SEARCH, "TEXT", 0, "only names that hold TEXT (any case)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct names_opts *o = state->input;

	switch (key) {
	case O_SEARCH:
		o->search = arg;
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp cand_argp = {
	options, parse, NULL,
	"List candidates: id, number of turndowns, last decline date and name.\v"
	"Wherever a command takes a candidate, '#ID' names one record, even where two people "
	"share a name.\n\nExample:  tact candidates --search roe",
	NULL, NULL, NULL
};

static const struct argp client_argp = {
	options, parse, NULL,
	"List clients: id, number of turndowns, last decline date and name.\v"
	"Wherever a command takes a client, '#ID' names it.\n\nExample:  tact clients --search acme",
	NULL, NULL, NULL
};

static int
names_exec(struct cmd_ctx *ctx, struct names_opts *o, int clients)
{
	struct name_row *list = NULL;
	struct search *search = NULL;
	json_t *arr = NULL;
	long long n;
	int rc = -1, bad = 0;

	if (o->search != NULL && (search = search_new(o->search, &ctx->err)) == NULL)
		return -1;
	if ((n = names_list(ctx->vault, clients, &list, &ctx->err)) < 0)
		goto out;
	if (ctx->json)
		arr = json_array();
	else
		printf("%-6s  %-9s  %-10s  %s\n", "ID", "TURNDOWNS", "LAST", "NAME");
	for (long long i = 0; i < n; i++) {
		struct name_row *r = &list[i];

		if (r->name == NULL) {
			cmd_notice("%s #%lld: name failed authentication (tampered or moved)",
			    clients ? "client" : "candidate", r->id);
			bad++;
			continue;
		}
		if (search != NULL && !search_match(search, r->name))
			continue;
		if (arr != NULL)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:i, s:s?}", "id",
			    (json_int_t)r->id, "name", r->name, "turndowns", r->turndowns,
			    "last_decline", r->last_decline[0] ? r->last_decline : NULL));
		else
			printf("%-6lld  %-9d  %-10s  %s\n", r->id, r->turndowns,
			    r->last_decline[0] ? r->last_decline : "-", r->name);
	}
	rc = arr != NULL ? cmd_print_json(ctx, arr) : 0;
	arr = NULL;
	if (rc == 0 && bad > 0)
		rc = terr_set(&ctx->err, EX_DATAERR, "%d name%s failed authentication and %s left "
		    "out", bad, bad == 1 ? "" : "s", bad == 1 ? "was" : "were");
out:
	json_decref(arr);
	names_free(list, n > 0 ? n : 0);
	search_free(search);
	return rc;
}

static int
candidates_exec(struct cmd_ctx *ctx, void *opts)
{
	return names_exec(ctx, opts, 0);
}

static int
clients_exec(struct cmd_ctx *ctx, void *opts)
{
	return names_exec(ctx, opts, 1);
}

const struct cmd_entry cmd_candidates_entry = {
	.name = "candidates",
	.summary = "list candidates: id, turndowns, last decline",
	.argp = &cand_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct names_opts),
	.exec = candidates_exec,
};

const struct cmd_entry cmd_clients_entry = {
	.name = "clients",
	.summary = "list clients: id, turndowns, last decline",
	.argp = &client_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct names_opts),
	.exec = clients_exec,
};
