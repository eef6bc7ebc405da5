/*
 * decline.c - `tact decline ID`: the call script for delivering the decline
 * to the hiring manager, vetted by the same leak guard as the debrief.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/read.h"
#include "core/scripts/decline_notes.h"
#include "crypto/tcrypto.h"
#include "cmd/cmd.h"
#include "cmd/guarded.h"
#include "cmd/speaking.h"

struct decline_opts {
	struct cmd_ctx *ctx;
	long long id, seed;
	const char *referral;
	const char *to;
	enum script_format format;
};

static const struct argp_option options[] = {
	{ "seed", 's', "N", 0, "draw the wording from seed N, to get the same script again "
	  "in this vault", 0 },
	{ "referral", 'r', "TEXT", 0, "someone to introduce to the client in place of this "
	  "candidate (a name, or a name and a few words about them); without it the call offers "
	  "concrete help with the search", 0 },
	{ "to", 't', "NAME", 0, "the person on the line (default: the first hiring manager the "
	  "candidate met)", 0 },
	{ "format", 'f', "FORMAT", 0, "text (default) or markdown; --json for JSON", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct decline_opts *o = state->input;

	switch (key) {
	case 's':
		return cmd_opt_seed(state, arg, &o->seed);
	case 'r':
		if (text_check("--referral", arg, strlen(arg), TEXT_NAME_MAX, 0,
		    &o->ctx->err) != 0)
			return EINVAL;
		o->referral = arg;
		break;
	case 't':
		if (text_check("--to", arg, strlen(arg), TEXT_NAME_MAX, 0, &o->ctx->err) != 0)
			return EINVAL;
		o->to = arg;
		break;
	case 'f':
		if (strcmp(arg, "text") == 0)
			o->format = SCRIPT_TEXT;
		else if (strcmp(arg, "markdown") == 0)
			o->format = SCRIPT_MARKDOWN;
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
	"Write the call script for delivering a decline to the hiring manager: the candidate's "
	"thanks, the decision (\"I wanted you to hear it from me\"), the shareable reason in "
	"general words, the wish to work together again, an offer (the --referral, else concrete "
	"help with the search), and a next step on a date a few working days ahead.\v"
	"The script speaks to the person on the line by first name or title, of the candidate "
	"by first name with the pronouns given at log, in the English of [scripts] locale.  "
	"Also useful for coaching a candidate who makes the call.  Example:  "
	"tact decline 12 --referral 'Dana Kraus'",
	NULL, NULL, NULL
};

struct render_arg {
	const struct decline_input *in;
	const struct cmd_wording *wording;
	uint64_t seed;
	enum script_format format;
};

static void
write_text(const void *obj, FILE *out)
{
	decline_write(obj, SCRIPT_TEXT, out);
}

static void
write_markdown(const void *obj, FILE *out)
{
	decline_write(obj, SCRIPT_MARKDOWN, out);
}

static json_t *
to_json(const struct decline *d)
{
	return json_pack("{s:I, s:I, s:s?, s:o, s:o, s:o, s:o, s:o, s:o}", "turndown",
	    (json_int_t)d->turndown, "seed", (json_int_t)d->seed, "to", d->to,
	    "thanks", cmd_json_strings(d->thanks, d->nthanks),
	    "reason", cmd_json_strings(d->reason, d->nreason),
	    "future", cmd_json_strings(d->future, d->nfuture),
	    "offer", cmd_json_strings(d->offer, d->noffer),
	    "next_steps", cmd_json_strings(d->next, d->nnext),
	    "tips", cmd_json_strings(d->tips, d->ntips));
}

static char *
render(struct cmd_ctx *ctx, uint64_t seed, void *arg)
{
	struct render_arg *a = arg;
	struct decline *d;
	char *buf;

	if ((d = decline_build(a->in, seed, cmd_check_wording, (void *)a->wording,
	    &ctx->err)) == NULL)
		return NULL;
	d->seed = a->seed;
	buf = cmd_render(ctx, ctx->json ? to_json(d) : NULL, a->format == SCRIPT_MARKDOWN ?
	    write_markdown : write_text, d);
	decline_free(d);
	return buf;
}

static void
decline_defaults(void *opts)
{
	struct decline_opts *o = opts;

	o->seed = cmd_random_seed();
}

static int
decline_exec(struct cmd_ctx *ctx, void *opts)
{
	struct decline_opts *o = opts;
	struct decline_input in;
	struct render_arg ra;
	struct cmd_wording w;
	struct turndown td;
	struct guard *g = NULL;
	char *out;
	int rc = -1;

	long who;

	memset(&td, 0, sizeof(td));
	if (turndown_load(ctx->vault, o->id, TD_IDENTITY | TD_CLIENT | TD_SIGNALS | TD_PEOPLE |
	    TD_SHAREABLE, &td, &ctx->err) != 0)
		goto out;
	/* The person on the line may be named, in full, whatever was said of them. */
	who = cmd_person_on_line(&td, o->to);
	if ((g = guard_new_for(ctx->vault, &td, who, &ctx->err)) == NULL)
		goto out;
	memset(&in, 0, sizeof(in));
	in.turndown = td.id;
	in.candidate = td.candidate;
	in.client = td.client;
	in.reasons = td.reasons;
	in.nreasons = td.nreasons;
	in.referral = o->referral;
	in.to = o->to != NULL ? o->to : who >= 0 ? td.met[who].name : NULL;
	in.pronouns = td.pronouns;
	in.field = field_effective(td.field, td.role);
	in.locale = cmd_locale(ctx);
	ra.in = &in;
	cmd_wording_init(&w, g, (const char *const[]){ td.candidate, td.client, in.to }, 3);
	ra.wording = &w;
	ra.format = o->format;
	ra.seed = (uint64_t)o->seed;
	if ((out = cmd_guarded(ctx, &w, keyring_script_seed(ctx->vault->keys, "decline", td.id,
	    (uint64_t)o->seed), "decline script", render, &ra)) == NULL)
		goto out;
	cmd_print_secret(out, ctx->json);
	rc = 0;
out:
	guard_free(g);
	turndown_clear(&td);
	return rc;
}

const struct cmd_entry cmd_decline_entry = {
	.name = "decline",
	.summary = "the call script for delivering a decline to the hiring manager",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct decline_opts),
	.defaults = decline_defaults,
	.exec = decline_exec,
};
