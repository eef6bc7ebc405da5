/*
 * feedback_log.c - `tact feedback log`: record a client's feedback on a
 * candidate it rejected, sealed per candidate as a turndown is.  On a
 * terminal, missing fields are asked for (the notes may be written in
 * $EDITOR); elsewhere a missing field is a usage error that names it.
 */
#include <stdio.h>

#include "core/base/wipe.h"
#include "core/records/identity.h"
#include "cmd/feedback.h"

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	return fb_opts_parse(key, arg, state, 0);
}

static const struct argp argp = {
	fb_log_options, parse, NULL,
	"Record a client's feedback on a candidate it rejected.\v"
	"Example:\n"
	"  tact feedback log --candidate 'Jane Roe' --client 'Acme Health' --role 'Chief Nursing "
	"Officer' --stage final --area accomplishments --area communication:confidential "
	"--share 'Wanted more numbers behind the turnaround story.' --confidential-file - "
	"--from 'Ann Lee:hiring-manager'\n\n"
	"With --candidate, --client or --area missing on a terminal, tact asks for them.  Prints "
	"the new feedback's id.",
	NULL, NULL, NULL
};

static void
log_defaults(void *opts)
{
	struct fb_opts *o = opts;

	feedback_init(&o->fb);
}

static int
log_prepare(struct cmd_ctx *ctx, void *opts)
{
	struct fb_opts *o = opts;

	if ((o->fb.candidate == NULL || o->fb.client == NULL || o->fb.nareas == 0) &&
	    cmd_interactive() && fb_opts_ask(ctx, o) != 0)
		return -1;
	return feedback_validate(&o->fb, &ctx->err);
}

static int
log_exec(struct cmd_ctx *ctx, void *opts)
{
	struct fb_opts *o = opts;
	struct td_writer *w = NULL;
	int new_cand = 0, new_client = 0, rc = -1;

	if (vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL ||
	    feedback_put(w, &o->fb, 0, &new_cand, &new_client, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		goto out;
	}
	if (new_cand)
		cmd_notice("new candidate '%s', #%lld", o->fb.candidate, o->fb.candidate_id);
	else
		cmd_notice("existing candidate #%lld", o->fb.candidate_id);
	if (new_client)
		cmd_notice("new client '%s'", o->fb.client);
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I}", "feedback",
		    (json_int_t)o->fb.id, "candidate", (json_int_t)o->fb.candidate_id, "client",
		    (json_int_t)o->fb.client_id));
	else
		rc = printf("%lld\n", o->fb.id) < 0 ? -1 : 0;
out:
	td_writer_free(w);
	return rc;
}

const struct cmd_entry cmd_feedback_log_entry = {
	.name = "log",
	.summary = "record a client's feedback on a candidate it rejected",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct fb_opts),
	.defaults = log_defaults,
	.prepare = log_prepare,
	.exec = log_exec,
	.fini = fb_opts_fini,
};
