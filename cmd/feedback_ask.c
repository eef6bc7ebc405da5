/*
 * feedback_ask.c - `tact feedback ask ID`: the script a candidate who was
 * not chosen can follow to call the hiring manager and learn (built by
 * core/scripts/ask.c), checked by the leak guard like every script.
 */
#include <stdlib.h>
#include <string.h>

#include "core/confidential/guard.h"
#include "core/scripts/coach.h"
#include "crypto/tcrypto.h"
#include "cmd/feedback.h"
#include "cmd/guarded.h"

struct ask_opts {
	struct cmd_ctx *ctx;
	long long id;
	long long seed;
	enum coach_format format;
};

static const struct argp_option options[] = {
	{ "seed", 's', "N", 0, "draw the wording from seed N, to get the same script again in "
	  "this vault", 0 },
	{ "format", 'f', "FORMAT", 0, "text (default) or markdown; --json for JSON", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct ask_opts *o = state->input;

	switch (key) {
	case 's':
		return cmd_opt_seed(state, arg, &o->seed);
	case 'f':
		if (strcmp(arg, "text") == 0)
			o->format = COACH_TEXT;
		else if (strcmp(arg, "markdown") == 0)
			o->format = COACH_MARKDOWN;
		else
			return cmd_usage(state, "unknown --format '%.40s' (text or markdown)", arg);
		return 0;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		return fb_arg_id(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, "ID",
	"Write the script the candidate can follow to call the hiring manager after being "
	"turned down: thanks, the wish to learn, open questions, listening without defending, "
	"thanks again and a wish to stay in touch.  It never argues the decision or asks for it "
	"to be undone, and it carries nothing of what the client said, shared or not.\v"
	"Example:  tact feedback ask 3 --format markdown > call.md",
	NULL, NULL, NULL
};

static json_t *
to_json(const struct ask *a)
{
	return json_pack("{s:I, s:I, s:o, s:o, s:s, s:o, s:o}", "feedback",
	    (json_int_t)a->feedback, "seed", (json_int_t)a->seed, "opening",
	    cmd_json_strings(a->opening, a->nopening), "questions",
	    cmd_json_strings(a->questions, a->nquestions), "while_they_answer", a->listen,
	    "closing", cmd_json_strings(a->closing, a->nclosing), "before_you_call",
	    cmd_json_strings(a->reminders, a->nreminders));
}

struct render_arg {
	const struct coach_input *in;
	const struct cmd_wording *wording;
	uint64_t seed;
	enum coach_format format;
};

static void
write_text(const void *obj, FILE *out)
{
	ask_write(obj, COACH_TEXT, out);
}

static void
write_markdown(const void *obj, FILE *out)
{
	ask_write(obj, COACH_MARKDOWN, out);
}

static char *
render(struct cmd_ctx *ctx, uint64_t seed, void *arg)
{
	struct render_arg *ra = arg;
	struct ask *a;
	char *buf;

	if ((a = ask_build(ra->in, seed, cmd_check_wording, (void *)ra->wording,
	    &ctx->err)) == NULL)
		return NULL;
	a->seed = ra->seed;
	buf = cmd_render(ctx, ctx->json ? to_json(a) : NULL, ra->format == COACH_MARKDOWN ?
	    write_markdown : write_text, a);
	ask_free(a);
	return buf;
}

static void
ask_defaults(void *opts)
{
	struct ask_opts *o = opts;

	o->seed = cmd_random_seed();
}

static int
ask_exec(struct cmd_ctx *ctx, void *opts)
{
	struct ask_opts *o = opts;
	struct feedback fb;
	struct coach_input in;
	struct render_arg ra;
	struct cmd_wording w;
	struct guard *g = NULL;
	char *out;
	int rc = -1;

	feedback_init(&fb);
	if (feedback_load(ctx->vault, o->id, FB_ALL_OPEN, &fb, &ctx->err) != 0 ||
	    (g = guard_new_feedback(ctx->vault, &fb, &ctx->err)) == NULL)
		goto out;
	memset(&in, 0, sizeof(in));
	in.feedback = fb.id;
	in.candidate = fb.candidate;
	in.client = fb.client;
	in.role = fb.role;
	in.stage = fb.stage;
	cmd_wording_init(&w, g, (const char *const[]){ fb.candidate, fb.client }, 2);
	ra.in = &in;
	ra.wording = &w;
	ra.seed = (uint64_t)o->seed;
	ra.format = o->format;
	if ((out = cmd_guarded(ctx, &w, keyring_script_seed(ctx->vault->keys, "feedback-ask",
	    fb.id, (uint64_t)o->seed), "call script", render, &ra)) == NULL)
		goto out;
	cmd_print_secret(out, ctx->json);
	rc = 0;
out:
	guard_free(g);
	feedback_clear(&fb);
	return rc;
}

const struct cmd_entry cmd_feedback_ask_entry = {
	.name = "ask",
	.summary = "the candidate's own call to the hiring manager, to learn",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct ask_opts),
	.defaults = ask_defaults,
	.exec = ask_exec,
};
