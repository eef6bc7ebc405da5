/*
 * log.c - `tact log`: record one turndown right after the candidate's call.
 *
 * Everything the options give is checked by core/ before anything is
 * written.  On a terminal, missing required fields are asked for one by
 * one; elsewhere a missing field is a usage error that names it.
 */
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/identity.h"
#include "core/records/write.h"
#include "core/records/turndown.h"
#include "cmd/cmd.h"
#include "cmd/input.h"

struct log_opts {
	struct cmd_ctx *ctx;
	struct turndown td;
	int have_conf, have_share;
	int nreason_args;
	int in_argv;            /* --confidential TEXT or --met given: warn once */
};

enum { O_CAND = 0x100, O_CLIENT, O_ROLE, O_OFFER, O_DECLINE, O_REASON, O_CONF, O_CONF_FILE,
	O_SHARE, O_SHARE_FILE, O_MET, O_CONSENT, O_NEW_CAND, O_PRONOUNS, O_FIELD };

static const struct argp_option options[] = {
	{ "candidate", O_CAND, "NAME", 0, "the candidate (matched by name or #ID, or created)", 0 },
	{ "new-candidate", O_NEW_CAND, NULL, 0, "a new candidate record even if one has this name "
	  "(another person of the same name)", 0 },
	{ "client", O_CLIENT, "NAME", 0, "the client company (matched by name or #ID, or created)",
	  0 },
	{ "role", O_ROLE, "TITLE", 0, "the role offered", 0 },
	{ "offer-date", O_OFFER, "YYYY-MM-DD", 0, "when the offer was made", 0 },
	{ "decline-date", O_DECLINE, "YYYY-MM-DD", 0, "when it was declined (default today)", 0 },
	{ "reason", O_REASON, "CATEGORY[:VIS],...", 0, "reasons, VIS confidential or shareable "
	  "(default); a comma list, repeatable; see 'tact categories'", 1 },
	{ "confidential", O_CONF, "TEXT", 0, "what the candidate said in confidence", 2 },
	{ "confidential-file", O_CONF_FILE, "FILE", 0, "the confidential note from FILE (- for "
	  "stdin)", 2 },
	{ "share", O_SHARE, "TEXT", 0, "what the candidate agreed may be passed on", 2 },
	{ "share-file", O_SHARE_FILE, "FILE", 0, "the shareable note from FILE (- for stdin)", 2 },
	{ "met", O_MET, "NAME:ROLE:IMPRESSION", 0, "someone the candidate met; ROLE hiring-manager, "
	  "hr, executive, interviewer, peer or other; IMPRESSION positive, neutral or negative; "
	  "repeatable", 3 },
	{ "consent", O_CONSENT, "aggregate|none", 0, "may this turndown count in anonymized "
	  "reports (default aggregate)", 3 },
	{ "pronouns", O_PRONOUNS, "she|he|they", 0, "the candidate's pronouns, for scripts "
	  "(default: they, or the name)", 4 },
	{ "field", O_FIELD, "FIELD", 0, "the role's field: physician, nursing, allied-health, "
	  "executive, technology, sales, finance, operations or general (default: from the "
	  "role)", 4 },
	{ 0 }
};

/* Adds the reasons of one --reason, a comma list ("compensation, equity:confidential"). */
static int
add_reasons(struct log_opts *o, const char *arg)
{
	char *copy, *tok, *save = NULL, *end;
	int rc = 0;

	if ((copy = strdup(arg)) == NULL)
		return terr_set(&o->ctx->err, EX_OSERR, "out of memory");
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ",", &save)) {
		tok += strspn(tok, " \t");
		for (end = tok + strlen(tok); end > tok && (end[-1] == ' ' || end[-1] == '\t'); )
			*--end = '\0';
		if (*tok == '\0')
			continue;
		if (++o->nreason_args > TD_REASONS_IN_MAX)
			rc = terr_set(&o->ctx->err, EX_DATAERR, "too many reasons (the limit is %d)",
			    TD_REASONS_IN_MAX);
		else
			rc = turndown_add_reason(&o->td, tok, &o->ctx->err);
	}
	if (rc == 0 && o->nreason_args == 0)
		rc = terr_set(&o->ctx->err, EX_USAGE, "--reason wants a category (see 'tact "
		    "categories')");
	free(copy);
	return rc;
}

static int
set_note(struct log_opts *o, char **field, int *have, const char *what, const char *text,
    size_t len)
{
	if (*have)
		return terr_set(&o->ctx->err, EX_USAGE, "%s given twice", what);
	*have = 1;
	return turndown_set_text(field, what, text, len, TEXT_NOTE_MAX, 1, &o->ctx->err);
}

static int
note_file(struct log_opts *o, char **field, int *have, const char *what, const char *path)
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

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct log_opts *o = state->input;
	struct turndown *td = &o->td;
	struct terr *err = &o->ctx->err;
	int rc = 0;

	switch (key) {
	case O_CAND:
		rc = turndown_set_text(&td->candidate, "candidate", arg, strlen(arg), TEXT_NAME_MAX,
		    0, err);
		break;
	case O_CLIENT:
		rc = turndown_set_text(&td->client, "client", arg, strlen(arg), TEXT_NAME_MAX, 0,
		    err);
		break;
	case O_ROLE:
		rc = turndown_set_text(&td->role, "role", arg, strlen(arg), TEXT_ROLE_MAX, 0, err);
		break;
	case O_OFFER:
		rc = date_parse_typed("--offer-date", arg, td->offer_date, err);
		break;
	case O_DECLINE:
		rc = date_parse_typed("--decline-date", arg, td->decline_date, err);
		break;
	case O_REASON:
		rc = add_reasons(o, arg);
		break;
	case O_CONF:
		o->in_argv = 1;
		rc = set_note(o, &td->confidential, &o->have_conf, "confidential note", arg,
		    strlen(arg));
		break;
	case O_CONF_FILE:
		rc = note_file(o, &td->confidential, &o->have_conf, "confidential note", arg);
		break;
	case O_SHARE:
		rc = set_note(o, &td->shareable, &o->have_share, "shareable note", arg, strlen(arg));
		break;
	case O_SHARE_FILE:
		rc = note_file(o, &td->shareable, &o->have_share, "shareable note", arg);
		break;
	case O_MET:
		o->in_argv = 1;
		rc = turndown_add_met(td, arg, err);
		break;
	case O_CONSENT:
		rc = turndown_set_consent(td, arg, err);
		break;
	case O_NEW_CAND:
		td->new_candidate = 1;
		break;
	case O_PRONOUNS:
		rc = turndown_set_pronouns(td, arg, err);
		break;
	case O_FIELD:
		rc = turndown_set_field(td, arg, err);
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return rc == 0 ? 0 : EINVAL;
}

static const struct argp argp = {
	options, parse, NULL,
	"Record why a candidate turned an offer down.\v"
	"Example:\n"
	"  tact log --candidate 'Jane Roe' --client 'Acme Health' --role 'Chief Nursing Officer' "
	"--reason compensation --reason hr:confidential --share 'Chose a role closer to family.' "
	"--confidential-file -"
	"\n\nWith --candidate, --client or --reason missing on a terminal, tact asks for them, "
	"the notes and the people met.  --confidential TEXT and --met on the command line can be "
	"read by other users (ps) and stay in the shell's history: tact warns once.  "
	"Prints the new turndown's id.",
	NULL, NULL, NULL
};

/* Asks for a required text field until it is valid. */
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
ask_reasons(struct cmd_ctx *ctx, struct turndown *td)
{
	char *a, *tok, *save = NULL;
	char num[8];
	int i, n;

	fprintf(stderr, "Reasons:\n");
	for (i = 0; i < TAXONOMY_COUNT; i++)
		fprintf(stderr, "  %2d  %-15s %s\n", i + 1, taxonomy[i].slug, taxonomy[i].description);
	for (;;) {
		terr_clear(&ctx->err);
		td->nreasons = 0;
		a = input_ask("Reasons (numbers or names, comma-separated; add :confidential to keep "
		    "one confidential): ", &ctx->err);
		if (a == NULL)
			return -1;
		for (tok = strtok_r(a, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save)) {
			char *colon = strchr(tok, ':'), spec[160];

			n = atoi(tok);
			if (n >= 1 && n <= TAXONOMY_COUNT && (size_t)snprintf(num, sizeof(num), "%d", n)
			    == (colon ? (size_t)(colon - tok) : strlen(tok)))
				snprintf(spec, sizeof(spec), "%s%s", taxonomy[n - 1].slug,
				    colon ? colon : "");
			else
				snprintf(spec, sizeof(spec), "%s", tok);
			if (turndown_add_reason(td, spec, &ctx->err) != 0)
				break;
		}
		free(a);
		if (ctx->err.code == 0 && td->nreasons > 0)
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
		if ((text = input_note(what, TEXT_NOTE_MAX, &ctx->err)) == NULL)
			return -1;
		rc = turndown_set_text(field, what, text, strlen(text), TEXT_NOTE_MAX, 1, &ctx->err);
		input_free(text);
		return rc;
	}
	rc = turndown_set_text(field, what, a, strlen(a), TEXT_NOTE_MAX, 1, &ctx->err);
	input_free(a);
	return rc;
}

/* Asks for the people met, one a line, until an empty line. */
static int
ask_met(struct cmd_ctx *ctx, struct turndown *td)
{
	char *a;
	int rc;

	for (;;) {
		terr_clear(&ctx->err);
		if ((a = input_ask("Someone the candidate met, as NAME:ROLE:IMPRESSION (Enter when "
		    "done): ", &ctx->err)) == NULL)
			return -1;
		if (*a == '\0') {
			input_free(a);
			return 0;
		}
		rc = turndown_add_met(td, a, &ctx->err);
		input_free(a);
		if (rc != 0)
			cmd_notice("%s", ctx->err.msg);
	}
}

static int
ask_missing(struct cmd_ctx *ctx, struct log_opts *o)
{
	struct turndown *td = &o->td;

	if (td->candidate == NULL && ask_text(ctx, &td->candidate, "candidate", "Candidate: ") != 0)
		return -1;
	if (td->client == NULL && ask_text(ctx, &td->client, "client", "Client: ") != 0)
		return -1;
	if (td->nreasons == 0 && ask_reasons(ctx, td) != 0)
		return -1;
	if (!o->have_share && ask_note(ctx, &td->shareable, "shareable note",
	    "Shareable note (what may be passed on; Enter to skip, 'e' for $EDITOR): ") != 0)
		return -1;
	if (!o->have_conf && ask_note(ctx, &td->confidential, "confidential note",
	    "Confidential note (kept from every output but 'show --confidential'; Enter to skip, "
	    "'e' for $EDITOR): ") != 0)
		return -1;
	if (td->nmet == 0 && ask_met(ctx, td) != 0)
		return -1;
	return 0;
}

/* Asks for what is missing on a terminal, then checks the whole turndown,
 * before the vault is opened and the passphrase asked for. */
static int
log_prepare(struct cmd_ctx *ctx, void *opts)
{
	struct log_opts *o = opts;

	if (o->in_argv)
		input_warn_argv();
	if ((o->td.candidate == NULL || o->td.client == NULL || o->td.nreasons == 0) &&
	    cmd_interactive() && ask_missing(ctx, o) != 0)
		return -1;
	return turndown_validate(&o->td, &ctx->err);
}

static int
log_exec(struct cmd_ctx *ctx, void *opts)
{
	struct log_opts *o = opts;
	struct td_writer *w = NULL;
	int new_cand = 0, new_client = 0, rc = -1;

	if (vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL ||
	    record_put(w, &o->td, &new_cand, &new_client, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		goto out;
	}
	if (new_cand) {
		cmd_notice("new candidate '%s', #%lld", o->td.candidate, o->td.candidate_id);
	} else {
		/* Say whom the name matched, so a same-name stranger is noticed. */
		char *name = NULL;
		int count = 0;
		char spec[32];

		snprintf(spec, sizeof(spec), "#%lld", o->td.candidate_id);
		if (candidate_resolve(ctx->vault, spec, &name, &count, &ctx->err) > 0)
			cmd_notice("existing candidate #%lld '%s', %d turndown%s",
			    o->td.candidate_id, name ? name : "?", count - 1, count - 1 == 1 ? "" : "s");
		terr_clear(&ctx->err);
		wipe_str_drop(&name);
	}
	if (new_client)
		cmd_notice("new client '%s'", o->td.client);
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I}", "turndown",
		    (json_int_t)o->td.id, "candidate", (json_int_t)o->td.candidate_id, "client",
		    (json_int_t)o->td.client_id));
	else
		rc = printf("%lld\n", o->td.id) < 0 ? -1 : 0;
out:
	td_writer_free(w);
	return rc;
}

static void
log_fini(void *opts)
{
	struct log_opts *o = opts;

	turndown_clear(&o->td);
}

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.summary = "record a turndown",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct log_opts),
	.prepare = log_prepare,
	.exec = log_exec,
	.fini = log_fini,
};
