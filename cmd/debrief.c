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
#include "crypto/tcrypto.h"
#include "cmd/cmd.h"
#include "cmd/guarded.h"
#include "cmd/speaking.h"

struct debrief_opts {
	struct cmd_ctx *ctx;
	long long id;
	long long seed;
	long nprobes;
	const char *to;
	enum debrief_format format;
};

static const struct argp_option options[] = {
	{ "seed", 's', "N", 0, "draw the wording and order from seed N, to get the same script "
	  "again in this vault", 0 },
	{ "probes", 'p', "N", 0, "ask N probes, 4 to 8 (default 5); more only when the "
	  "confidential areas alone are more", 0 },
	{ "to", 't', "NAME", 0, "the person on the line (default: the first hiring manager the "
	  "candidate met; with nobody met, a greeting with no name)", 0 },
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
	case 'p': {
		char *end;
		long n = strtol(arg, &end, 10);

		if (*arg == '\0' || *end != '\0' || n < DEBRIEF_PROBES_MIN || n > DEBRIEF_PROBES_MAX)
			return cmd_usage(state, "--probes wants a number from %d to %d, not '%.40s'",
			    DEBRIEF_PROBES_MIN, DEBRIEF_PROBES_MAX, arg);
		o->nprobes = n;
		break;
	}
	case 't':
		if (text_check("--to", arg, strlen(arg), TEXT_NAME_MAX, 0, &o->ctx->err) != 0)
			return EINVAL;
		o->to = arg;
		break;
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
	"Sections: opening (only what may be shared: the shareable reasons and note, with "
	"e-mail addresses, phone numbers and links taken out), probes (always the same number, "
	"every confidential area among cover areas as likely to be the reason, shuffled), "
	"a question about the people met, closing, and guardrails for the recruiter alone, which "
	"name no area.  The script speaks to the person on the line by first name (or title and "
	"surname: \"Dr. Hale\"), calls the candidate by first name (or title) with the pronouns "
	"given at log, asks questions worded for the role's field, and is written in US English, "
	"or British English with [scripts] locale = en-GB in the config file.  The wording "
	"and order are drawn from a generator keyed by the vault and the seed: --seed N gives "
	"the same script again in this vault, and nowhere else.  A shareable note that cannot "
	"be read out safely is left out, and tact says so on stderr.  "
	"Example:  tact debrief 12 --to 'Dr. Ingrid Hale' --seed 7 --probes 6",
	NULL, NULL, NULL
};

static json_t *
probe_json(struct debrief_probe *p)
{
	return json_pack("{s:s, s:s, s:o, s:s}", "area", p->area, "question", p->question,
	    "follow_ups", cmd_json_strings(p->follow_ups, p->nfollow), "listening_cue", p->cue);
}

static json_t *
to_json(struct debrief *d)
{
	json_t *probes = json_array();

	for (size_t i = 0; i < d->nprobes; i++)
		json_array_append_new(probes, probe_json(&d->probes[i]));
	return json_pack("{s:I, s:I, s:s?, s:o, s:o, s:o, s:o, s:o}", "turndown",
	    (json_int_t)d->turndown, "seed", (json_int_t)d->seed, "to", d->to, "opening",
	    cmd_json_strings(d->opening, d->nopening), "probes", probes, "people",
	    probe_json(&d->people), "closing", cmd_json_strings(d->closing, d->nclosing),
	    "guardrails", cmd_json_strings(d->guardrails, d->nguardrails));
}

struct render_arg {
	struct debrief_input *in;
	const struct cmd_wording *wording;
	uint64_t seed;                  /* the seed the user sees */
	enum debrief_format format;
	int note_left_out;              /* of the last script rendered */
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

	if ((d = debrief_build(a->in, seed, cmd_check_wording, (void *)a->wording,
	    &ctx->err)) == NULL)
		return NULL;
	d->seed = a->seed;
	a->note_left_out = d->note_left_out;
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
	struct debrief_input in;
	struct render_arg ra;
	struct cmd_wording w;
	struct guard *g = NULL;
	char *out;
	int rc = -1;

	long who;

	memset(&td, 0, sizeof(td));
	if (turndown_load(ctx->vault, o->id, TD_IDENTITY | TD_SIGNALS | TD_PEOPLE | TD_SHAREABLE,
	    &td, &ctx->err) != 0)
		goto out;
	/* The person on the line may be named, in full, whatever was said of them. */
	who = cmd_person_on_line(&td, o->to);
	if ((g = guard_new_for(ctx->vault, &td, who, &ctx->err)) == NULL)
		goto out;
	memset(&in, 0, sizeof(in));
	in.turndown = td.id;
	in.candidate = td.candidate;
	in.reasons = td.reasons;
	in.nreasons = td.nreasons;
	in.shareable = td.shareable;
	in.nprobes = (size_t)o->nprobes;
	in.to = o->to != NULL ? o->to : who >= 0 ? td.met[who].name : NULL;
	in.pronouns = td.pronouns;
	in.field = field_effective(td.field, td.role);
	in.locale = cmd_locale(ctx);
	in.nmet = td.nmet;
	/* The same areas for every seed and every --to of this turndown. */
	in.areas_seed = keyring_script_seed(ctx->vault->keys, "debrief areas", td.id, 0) | 1;
	ra.in = &in;
	cmd_wording_init(&w, g, (const char *const[]){ td.candidate, in.to }, 2);
	ra.wording = &w;
	ra.seed = (uint64_t)o->seed;
	ra.format = o->format;
	ra.note_left_out = 0;
	/* Keyed by the vault: a printed seed replays nowhere else. */
	if ((out = cmd_guarded(ctx, &w, keyring_script_seed(ctx->vault->keys, "debrief", td.id,
	    (uint64_t)o->seed), "debrief", render, &ra)) == NULL)
		goto out;
	if (ra.note_left_out)
		cmd_notice("the shareable note was left out of the script: it could not be read out "
		    "without touching what was said in confidence");
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
