/*
 * feedback_list.c - `tact feedback list [--candidate NAME] [--client NAME]`:
 * one line per feedback record, newest first: id, date, candidate, client,
 * role.  Which areas were confidential is not listed: that is for `show`.
 */
#include <stdio.h>
#include <string.h>

#include "core/records/identity.h"
#include "cmd/feedback.h"

struct list_opts {
	struct cmd_ctx *ctx;
	const char *candidate, *client;
};

static const struct argp_option options[] = {
	{ "candidate", 'c', "NAME", 0, "only feedback on this candidate (name or #ID)", 0 },
	{ "client", 'C', "NAME", 0, "only feedback from this client (name or #ID)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct list_opts *o = state->input;

	switch (key) {
	case 'c':
		o->candidate = arg;
		return 0;
	case 'C':
		o->client = arg;
		return 0;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, NULL,
	"List clients' feedback on candidates, newest first.\v"
	"Example:  tact feedback list --candidate 'Jane Roe'", NULL, NULL, NULL
};

/* Resolves SPEC through FIND into *ID; a name nobody has is 66. */
static int
resolve(struct cmd_ctx *ctx, const char *spec, const char *what,
    long long (*find)(struct vault *, const char *, struct terr *), long long *id)
{
	if (spec == NULL)
		return 0;
	if ((*id = find(ctx->vault, spec, &ctx->err)) < 0)
		return -1;
	if (*id == 0)
		return terr_set(&ctx->err, EX_NOINPUT, "no %s '%.80s'", what, spec);
	return 0;
}

static int
list_exec(struct cmd_ctx *ctx, void *opts)
{
	struct list_opts *o = opts;
	struct fb_filter f = { 0 };
	struct feedback fb;
	struct fb_iter *it;
	json_t *arr = NULL;
	int r, rc = 0, bad = 0;

	feedback_init(&fb);
	if (resolve(ctx, o->candidate, "candidate", candidate_find, &f.candidate_id) != 0 ||
	    resolve(ctx, o->client, "client", client_find, &f.client_id) != 0)
		return -1;
	f.newest_first = 1;
	if ((it = fb_iter_new(ctx->vault, &f, FB_ALL_OPEN & ~FB_SHAREABLE, &ctx->err)) == NULL)
		return -1;
	if (ctx->json && (arr = json_array()) == NULL) {
		fb_iter_free(it);
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	}
	while ((r = fb_iter_next(it, &fb, &ctx->err)) != 0) {
		if (r == -2) {
			rc = -1;
			break;
		}
		if (r == -1) {
			/* Named and skipped; the command fails at the end. */
			cmd_notice("%s", ctx->err.msg);
			terr_clear(&ctx->err);
			bad++;
			continue;
		}
		if (arr != NULL)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:s?}", "id",
			    (json_int_t)fb.id, "date", fb.date, "candidate", fb.candidate, "client",
			    fb.client, "role", fb.role, "stage", fb.stage ? fb_stage_names[fb.stage] :
			    NULL));
		else
			printf("%-6lld %s  %s  %s%s%s\n", fb.id, fb.date, fb.candidate, fb.client,
			    fb.role ? "  " : "", fb.role ? fb.role : "");
	}
	feedback_clear(&fb);
	fb_iter_free(it);
	if (rc == 0 && arr != NULL) {
		rc = cmd_print_json(ctx, arr);
		arr = NULL;
	}
	json_decref(arr);
	if (rc == 0 && bad > 0)
		rc = terr_set(&ctx->err, EX_DATAERR, "%d feedback record%s failed authentication "
		    "and %s left out", bad, bad == 1 ? "" : "s", bad == 1 ? "was" : "were");
	return rc;
}

const struct cmd_entry cmd_feedback_list_entry = {
	.name = "list",
	.summary = "one line per feedback record, newest first",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct list_opts),
	.exec = list_exec,
};
