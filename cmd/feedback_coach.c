/*
 * feedback_coach.c - `tact feedback coach ID`: the recruiter's coaching call
 * with a candidate a client turned down.
 *
 * Built from what may be shared (core/scripts/coach.c); the leak guard,
 * built from the client's confidential note with the person who gave the
 * feedback as a name never to be said, checks every line as it is chosen
 * and then the whole output once more (cmd/guarded.c).  The choices are
 * drawn from a generator keyed by the vault's master key and the seed.
 */
#include <stdlib.h>
#include <string.h>

#include "core/confidential/guard.h"
#include "core/scripts/coach.h"
#include "crypto/tcrypto.h"
#include "cmd/feedback.h"
#include "cmd/guarded.h"

struct coach_opts {
	struct cmd_ctx *ctx;
	long long id;
	long long seed;
	long nprobes;
	enum coach_format format;
};

static const struct argp_option options[] = {
	{ "seed", 's', "N", 0, "draw the wording and order from seed N, to get the same script "
	  "again in this vault", 0 },
	{ "probes", 'p', "N", 0, "ask N questions, 4 to 8 (default 5); more only when the "
	  "confidential areas alone are more", 0 },
	{ "format", 'f', "FORMAT", 0, "text (default) or markdown; --json for JSON", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct coach_opts *o = state->input;

	switch (key) {
	case 's':
		return cmd_opt_seed(state, arg, &o->seed);
	case 'p': {
		char *end;
		long n = strtol(arg, &end, 10);

		if (*arg == '\0' || *end != '\0' || n < COACH_PROBES_MIN || n > COACH_PROBES_MAX)
			return cmd_usage(state, "--probes wants a number from %d to %d, not '%.40s'",
			    COACH_PROBES_MIN, COACH_PROBES_MAX, arg);
		o->nprobes = n;
		return 0;
	}
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
	"Write the script of the coaching call with a candidate a client turned down: "
	"appreciation, only what the client agreed to share, put constructively, questions that "
	"let the candidate see for themselves how each part went, and next steps for the "
	"search.\v"
	"The questions are always the same number; every area the client raised in confidence "
	"is among them, with cover areas each as likely to be one, in a shuffled order, so that "
	"the set of questions does not single out what was said in confidence.  The guardrails, "
	"for the recruiter alone, name no area and no person.  --seed N gives the same script "
	"again in this vault, and nowhere else.  "
	"Example:  tact feedback coach 3 --seed 7",
	NULL, NULL, NULL
};

static json_t *
to_json(const struct coach *s)
{
	json_t *probes = json_array();

	for (size_t i = 0; i < s->nprobes; i++)
		json_array_append_new(probes, json_pack("{s:s, s:s, s:o, s:s}", "area",
		    s->probes[i].area, "question", s->probes[i].question, "follow_ups",
		    cmd_json_strings(s->probes[i].follow_ups, s->probes[i].nfollow), "listening_cue",
		    s->probes[i].cue));
	return json_pack("{s:I, s:I, s:s, s:o, s:o, s:s, s:o, s:o, s:o}", "feedback",
	    (json_int_t)s->feedback, "seed", (json_int_t)s->seed, "candidate", s->first, "opening",
	    cmd_json_strings(s->opening, s->nopening), "shared",
	    cmd_json_strings(s->shared, s->nshared), "questions_intro", s->questions_intro,
	    "questions", probes, "next_steps", cmd_json_strings(s->next_steps, s->nnext),
	    "guardrails", cmd_json_strings(s->guardrails, s->nguardrails));
}

struct render_arg {
	const struct coach_input *in;
	const struct cmd_wording *wording;
	uint64_t seed;
	enum coach_format format;
	int note_left_out;
};

static void
write_text(const void *obj, FILE *out)
{
	coach_write(obj, COACH_TEXT, out);
}

static void
write_markdown(const void *obj, FILE *out)
{
	coach_write(obj, COACH_MARKDOWN, out);
}

static char *
render(struct cmd_ctx *ctx, uint64_t seed, void *arg)
{
	struct render_arg *a = arg;
	struct coach *s;
	char *buf;

	if ((s = coach_build(a->in, seed, cmd_check_wording, (void *)a->wording,
	    &ctx->err)) == NULL)
		return NULL;
	s->seed = a->seed;
	a->note_left_out = s->note_left_out;
	buf = cmd_render(ctx, ctx->json ? to_json(s) : NULL, a->format == COACH_MARKDOWN ?
	    write_markdown : write_text, s);
	coach_free(s);
	return buf;
}

static void
coach_defaults(void *opts)
{
	struct coach_opts *o = opts;

	o->seed = cmd_random_seed();
}

static int
coach_exec(struct cmd_ctx *ctx, void *opts)
{
	struct coach_opts *o = opts;
	struct feedback fb;
	struct coach_input in;
	struct render_arg ra;
	struct cmd_wording w;
	struct guard *g = NULL;
	char *out, *first = NULL;
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
	in.areas = fb.areas;
	in.nareas = fb.nareas;
	in.shareable = fb.shareable;
	in.nprobes = (size_t)o->nprobes;
	/* The candidate is spoken to by first name even when someone at the
	 * client shares it: said to them, it names no one else. */
	if ((first = coach_first_name(fb.candidate)) == NULL) {
		terr_set(&ctx->err, EX_OSERR, "out of memory");
		goto out;
	}
	cmd_wording_init(&w, g, (const char *const[]){ fb.candidate, fb.client, first }, 3);
	ra.in = &in;
	ra.wording = &w;
	ra.seed = (uint64_t)o->seed;
	ra.format = o->format;
	ra.note_left_out = 0;
	if ((out = cmd_guarded(ctx, &w, keyring_script_seed(ctx->vault->keys, "feedback-coach",
	    fb.id, (uint64_t)o->seed), "coaching script", render, &ra)) == NULL)
		goto out;
	if (ra.note_left_out)
		cmd_notice("the shareable points were left out of the script: they could not be read "
		    "out without touching what was said in confidence");
	cmd_print_secret(out, ctx->json);
	rc = 0;
out:
	free(first);
	guard_free(g);
	feedback_clear(&fb);
	return rc;
}

const struct cmd_entry cmd_feedback_coach_entry = {
	.name = "coach",
	.summary = "the coaching call with the candidate: what may be shared, and questions",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct coach_opts),
	.defaults = coach_defaults,
	.exec = coach_exec,
};
