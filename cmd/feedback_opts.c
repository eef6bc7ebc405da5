/*
 * feedback_opts.c - the options `tact feedback log` and `feedback edit`
 * share (SPEC section 9), their prompts on a terminal, and the feedback id
 * argument of the other subcommands.  Every value is checked by core/ as
 * it is parsed, the way `tact log` checks a turndown's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/taxonomy.h"
#include "core/base/wipe.h"
#include "core/records/turndown.h"
#include "cmd/feedback.h"
#include "cmd/input.h"

enum { O_CAND = 0x100, O_CLIENT, O_ROLE, O_STAGE, O_DATE, O_AREA, O_CONF, O_CONF_FILE,
	O_SHARE, O_SHARE_FILE, O_FROM, O_NEW_CAND };

const struct argp_option fb_log_options[] = {
	{ "candidate", O_CAND, "NAME", 0, "the candidate the client turned down (name or #ID, "
	  "or created)", 0 },
	{ "new-candidate", O_NEW_CAND, NULL, 0, "a new candidate record even if one has this "
	  "name", 0 },
	{ "client", O_CLIENT, "NAME", 0, "the client that gave the feedback (name or #ID, or "
	  "created)", 0 },
	{ "role", O_ROLE, "TITLE", 0, "the role the candidate was considered for", 0 },
	{ "stage", O_STAGE, "STAGE", 0, "how far the candidate got: screen, interview or final",
	  0 },
	{ "date", O_DATE, "YYYY-MM-DD", 0, "when the client gave the feedback (default today)", 0 },
	{ "area", O_AREA, "AREA[:VIS],...", 0, "areas of the feedback, VIS confidential or "
	  "shareable (default); a comma list, repeatable; see 'tact feedback areas'", 1 },
	{ "confidential", O_CONF, "TEXT", 0, "what the client said in confidence", 2 },
	{ "confidential-file", O_CONF_FILE, "FILE", 0, "the confidential note from FILE (- for "
	  "stdin)", 2 },
	{ "share", O_SHARE, "TEXT", 0, "the points the client agreed may be passed on", 2 },
	{ "share-file", O_SHARE_FILE, "FILE", 0, "the shareable points from FILE (- for stdin)",
	  2 },
	{ "from", O_FROM, "NAME:ROLE", 0, "who gave the feedback; ROLE hiring-manager, hr, "
	  "executive, interviewer, peer or other (never said in scripts)", 3 },
	{ 0 }
};

static int
add_areas(struct fb_opts *o, const char *arg)
{
	char *copy, *tok, *save = NULL, *end;
	int rc = 0, n = 0;

	if (!o->have_areas)
		o->fb.nareas = 0;       /* edit: --area replaces the whole list */
	o->have_areas = 1;
	if ((copy = strdup(arg)) == NULL)
		return terr_set(&o->ctx->err, EX_OSERR, "out of memory");
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		tok += strspn(tok, " \t");
		for (end = tok + strlen(tok); end > tok && (end[-1] == ' ' || end[-1] == '\t'); )
			*--end = '\0';
		if (*tok == '\0')
			continue;
		n++;
		rc = feedback_add_area(&o->fb, tok, &o->ctx->err);
	}
	if (rc == 0 && n == 0)
		rc = terr_set(&o->ctx->err, EX_USAGE, "--area wants an area (see 'tact feedback "
		    "areas')");
	free(copy);
	return rc;
}

static int
set_note(struct fb_opts *o, char **field, int *have, const char *what, const char *text,
    size_t len)
{
	if (*have)
		return terr_set(&o->ctx->err, EX_USAGE, "%s given twice", what);
	*have = 1;
	return turndown_set_text(field, what, text, len, TEXT_NOTE_MAX, 1, &o->ctx->err);
}

static int
note_file(struct fb_opts *o, char **field, int *have, const char *what, const char *path)
{
	size_t len;
	char *text = input_file(path, TEXT_NOTE_MAX, &len, &o->ctx->err);
	int rc;

	if (text == NULL)
		return -1;
	rc = set_note(o, field, have, what, text, len);
	input_free(text);
	return rc;
}

static int
set_name(struct fb_opts *o, char **field, const char *what, const char *arg, size_t max)
{
	return turndown_set_text(field, what, arg, strlen(arg), max, 0, &o->ctx->err);
}

int
fb_arg_id(struct argp_state *state, int key, const char *arg, long long *id)
{
	if (key == ARGP_KEY_END)
		return *id == 0 ? cmd_usage(state, "which feedback? (see 'tact feedback list')") : 0;
	if (*id != 0)
		return cmd_usage(state, "give one feedback id (see '%s --help')", state->name);
	if (cmd_number(arg, 1, 999999999999LL, id) != 0)
		return cmd_usage(state, "'%.40s' is not a feedback id", arg);
	return 0;
}

error_t
fb_opts_parse(int key, char *arg, struct argp_state *state, int edit)
{
	struct fb_opts *o = state->input;
	struct feedback *fb = &o->fb;
	struct terr *err = &o->ctx->err;
	int rc = 0;

	if (key >= O_CAND && key <= O_NEW_CAND)
		o->any = 1;
	switch (key) {
	case O_CAND:
		rc = set_name(o, &fb->candidate, "candidate", arg, TEXT_NAME_MAX);
		break;
	case O_CLIENT:
		rc = set_name(o, &fb->client, "client", arg, TEXT_NAME_MAX);
		break;
	case O_ROLE:
		o->have_role = 1;
		rc = set_name(o, &fb->role, "role", arg, TEXT_ROLE_MAX);
		break;
	case O_STAGE:
		o->have_stage = 1;
		rc = feedback_set_stage(fb, arg, err);
		break;
	case O_DATE:
		o->have_date = 1;
		rc = date_parse_typed("--date", arg, fb->date, err);
		break;
	case O_AREA:
		rc = add_areas(o, arg);
		break;
	case O_CONF:
		/* The client's words in argv: ps and the shell's history show them. */
		input_warn_argv();
		rc = set_note(o, &fb->confidential, &o->have_conf, "confidential note", arg,
		    strlen(arg));
		break;
	case O_CONF_FILE:
		rc = note_file(o, &fb->confidential, &o->have_conf, "confidential note", arg);
		break;
	case O_SHARE:
		rc = set_note(o, &fb->shareable, &o->have_share, "shareable points", arg,
		    strlen(arg));
		break;
	case O_SHARE_FILE:
		rc = note_file(o, &fb->shareable, &o->have_share, "shareable points", arg);
		break;
	case O_FROM:
		o->have_from = 1;
		rc = feedback_set_from(fb, arg, err);
		break;
	case O_NEW_CAND:
		fb->new_candidate = 1;
		break;
	case ARGP_KEY_ARG:
		if (edit)
			return fb_arg_id(state, key, arg, &o->id);
		return cmd_usage(state, "unexpected argument '%s'", arg);
	case ARGP_KEY_END:
		if (edit)
			return fb_arg_id(state, key, arg, &o->id);
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return rc == 0 ? 0 : EINVAL;
}

/* Asks for a required name until it is valid. */
static int
ask_text(struct cmd_ctx *ctx, char **field, const char *what, const char *question)
{
	char *a;
	int rc;

	for (;;) {
		terr_clear(&ctx->err);
		if ((a = input_ask(question, &ctx->err)) == NULL)
			return -1;
		rc = turndown_set_text(field, what, a, strlen(a), TEXT_NAME_MAX, 0, &ctx->err);
		input_free(a);
		if (rc == 0)
			return 0;
		cmd_notice("%s", ctx->err.msg);
	}
}

static int
ask_areas(struct cmd_ctx *ctx, struct feedback *fb)
{
	char *a, *tok, *save = NULL, spec[160];
	int i, n;

	fprintf(stderr, "Areas:\n");
	for (i = 0; i < FB_AREA_COUNT; i++)
		fprintf(stderr, "  %2d  %-26s %s\n", i + 1, feedback_areas[i].slug,
		    feedback_areas[i].description);
	for (;;) {
		terr_clear(&ctx->err);
		fb->nareas = 0;
		a = input_ask("Areas (numbers or names, comma-separated; add :confidential to keep "
		    "one confidential): ", &ctx->err);
		if (a == NULL)
			return -1;
		for (tok = strtok_r(a, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save)) {
			char *colon = strchr(tok, ':'), *end = NULL;

			n = (int)strtol(tok, &end, 10);
			if (n >= 1 && n <= FB_AREA_COUNT && end != tok && (*end == '\0' || end == colon))
				snprintf(spec, sizeof(spec), "%s%s", feedback_areas[n - 1].slug,
				    colon ? colon : "");
			else
				snprintf(spec, sizeof(spec), "%s", tok);
			if (feedback_add_area(fb, spec, &ctx->err) != 0)
				break;
		}
		input_free(a);
		if (ctx->err.code == 0 && fb->nareas > 0)
			return 0;
		cmd_notice("%s", ctx->err.code ? ctx->err.msg : "give at least one");
	}
}

static int
ask_note(struct cmd_ctx *ctx, char **field, const char *what, const char *question)
{
	char *a, *text;
	int rc;

	terr_clear(&ctx->err);
	if ((a = input_ask(question, &ctx->err)) == NULL)
		return -1;
	if (strcmp(a, "e") == 0) {
		input_free(a);
		if ((text = input_editor(what, TEXT_NOTE_MAX, &ctx->err)) == NULL)
			return -1;
		rc = turndown_set_text(field, what, text, strlen(text), TEXT_NOTE_MAX, 1, &ctx->err);
		input_free(text);
		return rc;
	}
	rc = turndown_set_text(field, what, a, strlen(a), TEXT_NOTE_MAX, 1, &ctx->err);
	input_free(a);
	return rc;
}

int
fb_opts_ask(struct cmd_ctx *ctx, struct fb_opts *o)
{
	struct feedback *fb = &o->fb;

	if (fb->candidate == NULL && ask_text(ctx, &fb->candidate, "candidate", "Candidate: ") != 0)
		return -1;
	if (fb->client == NULL && ask_text(ctx, &fb->client, "client", "Client: ") != 0)
		return -1;
	if (fb->nareas == 0 && ask_areas(ctx, fb) != 0)
		return -1;
	if (!o->have_share && ask_note(ctx, &fb->shareable, "shareable points",
	    "Shareable points (what the client agreed may be passed on; Enter to skip, 'e' for "
	    "$EDITOR): ") != 0)
		return -1;
	if (!o->have_conf && ask_note(ctx, &fb->confidential, "confidential note",
	    "Confidential note (kept from every script; Enter to skip, 'e' for $EDITOR): ") != 0)
		return -1;
	return 0;
}

void
fb_opts_fini(void *opts)
{
	struct fb_opts *o = opts;

	feedback_clear(&o->fb);
}
