/*
 * debrief.c - `tact debrief ID`: the call script for the hiring manager.
 *
 * The script is built from what may be shared (core/scripts/debrief.c);
 * the leak guard, which alone reads the confidential note, checks every
 * line as it is chosen and then the whole rendered output once more.  If
 * the whole still trips the guard (words meeting across two lines), another
 * wording is drawn; if none passes, nothing is printed and the command fails.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/read.h"
#include "core/scripts/debrief.h"
#include "core/confidential/guard.h"
#include "cmd/cmd.h"
#include "cmd/guarded.h"

struct debrief_opts {
	struct cmd_ctx *ctx;
	long long id;
	long long seed;
	enum debrief_format format;
};

static const struct argp_option options[] = {
	{ "seed", 's', "N", 0, "draw the wording and order from seed N, to get the same script "
	  "again", 0 },
	{ "format", 'f', "FORMAT", 0, "text (default) or markdown; --json for JSON", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct debrief_opts *o = state->input;

	switch (key) {
	case 's':
		return cmd_opt_seed(state, arg, &o->seed);
	case 'f':
		if (strcmp(arg, "text") == 0)
			o->format = DEBRIEF_TEXT;
		else if (strcmp(arg, "markdown") == 0)
			o->format = DEBRIEF_MARKDOWN;
		else
			return cmd_usage(state, "unknown --format '%.40s' (text or markdown)", arg);
		break;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		return cmd_arg_turndown(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "ID",
	"Write a call script for debriefing the hiring manager on a turndown: open questions that "
	"let them see for themselves what went wrong, without breaching the candidate's "
	"confidence.\v"
	"Sections: opening (only what may be shared), probes (every confidential area among "
	"plausible others, shuffled), closing, and guardrails for the recruiter alone.  "
	"Example:  tact debrief 12 --seed 7",
	NULL, NULL, NULL
};

static json_t *
to_json(const struct debrief *d)
{
	json_t *probes = json_array();

	for (size_t i = 0; i < d->nprobes; i++)
		json_array_append_new(probes, json_pack("{s:s, s:s, s:o, s:s}", "area",
		    d->probes[i].area, "question", d->probes[i].question, "follow_ups",
		    cmd_json_strings(d->probes[i].follow_ups, d->probes[i].nfollow), "listening_cue",
		    d->probes[i].cue));
	return json_pack("{s:I, s:I, s:o, s:o, s:o, s:o}", "turndown", (json_int_t)d->turndown,
	    "seed", (json_int_t)d->seed, "opening", cmd_json_strings(d->opening, d->nopening), "probes",
	    probes, "closing", cmd_json_strings(d->closing, d->nclosing), "guardrails",
	    cmd_json_strings(d->guardrails, d->nguardrails));
}

struct render_arg {
	struct debrief_input *in;
	const struct guard *guard;
	uint64_t seed;                  /* the seed the user sees */
	enum debrief_format format;
};

static void
write_text(const void *obj, FILE *out)
{
	debrief_write(obj, DEBRIEF_TEXT, out);
}

static void
write_markdown(const void *obj, FILE *out)
{
	debrief_write(obj, DEBRIEF_MARKDOWN, out);
}

/* Builds a script from SEED and renders it as the user asked (free it). */
static char *
render(struct cmd_ctx *ctx, uint64_t seed, void *arg)
{
	struct render_arg *a = arg;
	struct debrief *d;
	char *buf;

	if ((d = debrief_build(a->in, seed, cmd_check_wording, (void *)a->guard,
	    &ctx->err)) == NULL)
		return NULL;
	d->seed = a->seed;
	buf = cmd_render(ctx, ctx->json ? to_json(d) : NULL, a->format == DEBRIEF_MARKDOWN ?
	    write_markdown : write_text, d);
	debrief_free(d);
	return buf;
}

static void
debrief_defaults(void *opts)
{
	struct debrief_opts *o = opts;

	o->seed = cmd_random_seed();
}

static int
debrief_exec(struct cmd_ctx *ctx, void *opts)
{
	struct debrief_opts *o = opts;
	struct turndown td;
	struct person positive[TEXT_MET_MAX];
	struct debrief_input in;
	struct render_arg ra;
	struct guard *g = NULL;
	char *out;
	size_t npos = 0;
	int rc = -1;

	memset(&td, 0, sizeof(td));
	if (turndown_load(ctx->vault, o->id, TD_IDENTITY | TD_SIGNALS | TD_PEOPLE | TD_SHAREABLE,
	    &td, &ctx->err) != 0 || (g = guard_new(ctx->vault, &td, &ctx->err)) == NULL)
		goto out;
	/* The builder sees only the people who may be named. */
	for (size_t i = 0; i < td.nmet; i++)
		if (td.met[i].impression == IMP_POSITIVE)
			positive[npos++] = td.met[i];
	memset(&in, 0, sizeof(in));
	in.turndown = td.id;
	in.candidate = td.candidate;
	in.reasons = td.reasons;
	in.nreasons = td.nreasons;
	in.shareable = td.shareable;
	in.positive = positive;
	in.npositive = npos;
	ra.in = &in;
	ra.guard = g;
	ra.seed = (uint64_t)o->seed;
	ra.format = o->format;
	if ((out = cmd_guarded(ctx, g, (uint64_t)o->seed, "debrief", render, &ra)) == NULL)
		goto out;
	cmd_print_secret(out, ctx->json);
	rc = 0;
out:
	guard_free(g);
	turndown_clear(&td);
	return rc;
}

const struct cmd_entry cmd_debrief_entry = {
	.name = "debrief",
	.summary = "a call script that lets the client see what went wrong, without "
	    "breaching a confidence",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct debrief_opts),
	.defaults = debrief_defaults,
	.exec = debrief_exec,
};
