/*
 * feedback_edit.c - `tact feedback edit ID [LOG OPTIONS]`: correct a
 * client's feedback.  Each option given replaces its field (--area the
 * whole list), the rest is kept; every part is sealed again in one
 * transaction, and a kept confidential note is re-sealed inside crypto/.
 * With no option on a terminal, the record opens in $EDITOR as one
 * pretty-printed object of the import format, confidential parts included
 * (in the private folder `log` writes its notes in, wiped afterwards); on
 * save it is checked, and on an error the editor opens again with the error
 * on top.  An unchanged file changes nothing.
 */
#include <stdio.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/confidential/confidential.h"
#include "cmd/feedback.h"
#include "cmd/input.h"

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	return fb_opts_parse(key, arg, state, 1);
}

static const struct argp argp = {
	fb_log_options, parse, "ID",
	"Correct a client's feedback: each option given replaces that field (--area replaces "
	"the whole list), the rest is kept.  With no option on a terminal, the record opens in "
	"$EDITOR as one JSON object of the import format, confidential parts included; on save "
	"it is checked, and on an error the editor opens again with the error on top.\v"
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

	if (!o->any && cmd_interactive())
		o->editor = 1;
	else if (!o->any)
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

/* Replaces the name in *FIELD by "#ID" when it is still NAME, so that an
 * unchanged name keeps its record even if another shares it. */
static int
keep_ref(char **field, const char *name, long long id)
{
	char *ref;

	if (*field == NULL || name == NULL || strcmp(*field, name) != 0)
		return 0;
	if ((ref = ref_of(id)) == NULL)
		return -1;
	wipe_str_drop(field);
	*field = ref;
	return 0;
}

/* Reads the edited text into NEW: 0, or -1 with ERR saying what is wrong. */
static int
parse_edited(const char *text, const struct feedback *cur, struct feedback *new, int *keep,
    struct terr *err)
{
	json_error_t jerr;
	json_t *obj = json_loads(text, JSON_REJECT_DUPLICATES, &jerr), *c;
	int rc;

	feedback_clear(new);
	if (obj == NULL)
		return terr_set(err, EX_DATAERR, "not one JSON object: %s (line %d)", jerr.text,
		    jerr.line);
	c = json_object_get(obj, "confidential");
	*keep = c == NULL || json_is_null(c);
	if (c != NULL && json_is_null(c))
		json_object_del(obj, "confidential");
	rc = feedback_from_json(new, obj, err);
	json_decref(obj);
	if (rc != 0)
		return -1;
	new->id = cur->id;
	if (keep_ref(&new->candidate, cur->candidate, cur->candidate_id) != 0 ||
	    keep_ref(&new->client, cur->client, cur->client_id) != 0)
		return terr_set(err, EX_OSERR, "out of memory");
	return 0;
}

/* The record in $EDITOR until it is valid; 1 when nothing was changed. */
static int
edit_in_editor(struct cmd_ctx *ctx, long long id, struct feedback *new, int *keep)
{
	struct feedback cur;
	char *orig = NULL, *text = NULL, hint[600];
	json_t *j;
	int rc = -1;

	feedback_init(&cur);
	/* The client's confidential note is not put in the form: null keeps
	 * it, a text replaces it (as in the turndown's form). */
	if (feedback_load(ctx->vault, id, FB_ALL_OPEN, &cur, &ctx->err) != 0)
		goto out;
	if ((j = feedback_to_json(&cur, 1)) == NULL ||
	    json_object_set_new(j, "confidential", json_null()) != 0 ||
	    (orig = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) == NULL) {
		json_decref(j);
		terr_set(&ctx->err, EX_OSERR, "out of memory");
		goto out;
	}
	json_decref(j);
	snprintf(hint, sizeof(hint), "Feedback %lld in the import format; save to store it, "
	    "leave it unchanged to keep it as it is.", id);
	for (char *body = NULL;;) {
		char *edited = input_form(hint, body != NULL ? body : orig,
		    3 * TEXT_NOTE_MAX, &ctx->err);

		wipe_str_drop(&text);
		if ((text = edited) == NULL)
			goto out;
		if (strcmp(text, orig) == 0) {
			rc = 1;
			goto out;
		}
		terr_clear(&ctx->err);
		if (parse_edited(text, &cur, new, keep, &ctx->err) == 0) {
			rc = 0;
			goto out;
		}
		/* Again, with what is wrong on top. */
		snprintf(hint, sizeof(hint), "error: %s", ctx->err.msg);
		body = text;
	}
out:
	wipe_str_drop(&orig);
	wipe_str_drop(&text);
	feedback_clear(&cur);
	return rc;
}

/* Stores NEW over its record (KEEP: the stored confidential note stays). */
static int
store_edit(struct cmd_ctx *ctx, struct feedback *cur, int keep)
{
	struct td_writer *w = NULL;
	int nc = 0, ncl = 0, rc = -1;

	if (feedback_validate(cur, &ctx->err) != 0 || vault_begin(ctx->vault, &ctx->err) != 0)
		return -1;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL ||
	    feedback_update(w, cur, keep, &nc, &ncl, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		goto out;
	}
	if (nc)
		cmd_notice("new candidate '%s', #%lld", cur->candidate, cur->candidate_id);
	if (ncl)
		cmd_notice("new client '%s'", cur->client);
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I}", "feedback", (json_int_t)cur->id,
		    "candidate", (json_int_t)cur->candidate_id, "client", (json_int_t)cur->client_id));
	else
		rc = printf("updated feedback %lld\n", cur->id) < 0 ? -1 : 0;
out:
	td_writer_free(w);
	return rc;
}

static int
edit_exec(struct cmd_ctx *ctx, void *opts)
{
	struct fb_opts *o = opts;
	struct feedback cur, *p = &o->fb;
	int rc = -1, r, keep = 1;

	feedback_init(&cur);
	if (o->editor) {
		if ((r = edit_in_editor(ctx, o->id, &cur, &keep)) == 0)
			rc = store_edit(ctx, &cur, keep);
		else if (r == 1)
			rc = ctx->json ? cmd_print_json(ctx, json_pack("{s:I, s:b}", "feedback",
			    (json_int_t)o->id, "changed", 0)) : printf("feedback %lld unchanged\n",
			    o->id) < 0 ? -1 : 0;
		goto out;
	}
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
	rc = store_edit(ctx, &cur, !o->have_conf);
	goto out;
oom:
	terr_set(&ctx->err, EX_OSERR, "out of memory");
out:
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
