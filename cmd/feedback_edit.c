/*
 * feedback_edit.c - `tact feedback edit ID [LOG OPTIONS]`: correct a
 * client's feedback.  Each option given replaces its field (--area the
 * whole list), the rest is kept; every part is sealed again in one
 * transaction, and a kept confidential note is re-sealed inside crypto/.
 */
#include <stdio.h>
#include <string.h>

#include "core/base/wipe.h"
#include "cmd/feedback.h"

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	return fb_opts_parse(key, arg, state, 1);
}

static const struct argp argp = {
	fb_log_options, parse, "ID",
	"Correct a client's feedback: each option given replaces that field (--area replaces "
	"the whole list), the rest is kept.\v"
	"Example:  tact feedback edit 3 --area accomplishments,preparation:confidential",
	NULL, NULL, NULL
};

static void
edit_defaults(void *opts)
{
	struct fb_opts *o = opts;

	feedback_init(&o->fb);
}

static int
edit_prepare(struct cmd_ctx *ctx, void *opts)
{
	struct fb_opts *o = opts;

	if (!o->any)
		return terr_set(&ctx->err, EX_USAGE, "nothing to change: give the options of "
		    "'tact feedback log' for the fields to replace");
	return 0;
}

/* Moves *FROM into *TO when GIVEN. */
static void
take(char **to, char **from, int given)
{
	if (!given)
		return;
	wipe_str_drop(to);
	*to = *from;
	*from = NULL;
}

static char *
ref_of(long long id)
{
	char *s = NULL;

	return asprintf(&s, "#%lld", id) < 0 ? NULL : s;
}

static int
edit_exec(struct cmd_ctx *ctx, void *opts)
{
	struct fb_opts *o = opts;
	struct feedback cur, *p = &o->fb;
	struct td_writer *w = NULL;
	int nc = 0, ncl = 0, rc = -1;

	feedback_init(&cur);
	if (feedback_load(ctx->vault, o->id, FB_SIGNALS | FB_SHAREABLE, &cur, &ctx->err) != 0)
		goto out;
	take(&cur.candidate, &p->candidate, 1);
	if (cur.candidate == NULL && (cur.candidate = ref_of(cur.candidate_id)) == NULL)
		goto oom;
	take(&cur.client, &p->client, 1);
	if (cur.client == NULL && (cur.client = ref_of(cur.client_id)) == NULL)
		goto oom;
	take(&cur.role, &p->role, o->have_role);
	take(&cur.shareable, &p->shareable, o->have_share);
	take(&cur.confidential, &p->confidential, o->have_conf);
	if (o->have_from) {
		take(&cur.from, &p->from, 1);
		cur.from_role = p->from_role;
	}
	if (o->have_stage)
		cur.stage = p->stage;
	if (o->have_date)
		memcpy(cur.date, p->date, DATE_LEN);
	if (o->have_areas) {
		memcpy(cur.areas, p->areas, sizeof(cur.areas));
		cur.nareas = p->nareas;
	}
	cur.new_candidate = p->new_candidate;
	if (feedback_validate(&cur, &ctx->err) != 0 || vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL ||
	    feedback_update(w, &cur, !o->have_conf, &nc, &ncl, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		goto out;
	}
	if (nc)
		cmd_notice("new candidate '%s', #%lld", cur.candidate, cur.candidate_id);
	if (ncl)
		cmd_notice("new client '%s'", cur.client);
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I}", "feedback", (json_int_t)cur.id,
		    "candidate", (json_int_t)cur.candidate_id, "client", (json_int_t)cur.client_id));
	else
		rc = printf("updated feedback %lld\n", cur.id) < 0 ? -1 : 0;
	goto out;
oom:
	terr_set(&ctx->err, EX_OSERR, "out of memory");
out:
	td_writer_free(w);
	feedback_clear(&cur);
	return rc;
}

const struct cmd_entry cmd_feedback_edit_entry = {
	.name = "edit",
	.summary = "correct a client's feedback (log's options replace fields)",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct fb_opts),
	.defaults = edit_defaults,
	.prepare = edit_prepare,
	.exec = edit_exec,
	.fini = fb_opts_fini,
};
