/*
 * edit.c - `tact edit ID [LOG OPTIONS]`: correct a turndown.
 *
 * Each option of `tact log` given replaces that field (--reason and --met
 * replace the whole list); the rest is kept.  The turndown is read (every
 * part but the confidential note, which is only ever re-sealed inside
 * crypto/ unless --confidential replaces it), changed, checked as log
 * checks, and written back by record_update() in one transaction: every
 * part sealed again, follow-up tasks moved with a changed decline date.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/wipe.h"
#include "core/records/read.h"
#include "core/records/write.h"
#include "cmd/cmd.h"
#include "cmd/edit_form.h"
#include "cmd/input.h"

enum {
	F_CAND = 0x001, F_CLIENT = 0x002, F_ROLE = 0x004, F_OFFER = 0x008, F_DECLINE = 0x010,
	F_REASON = 0x020, F_CONF = 0x040, F_SHARE = 0x080, F_MET = 0x100, F_CONSENT = 0x200,
	F_PRONOUNS = 0x400, F_FIELD = 0x800,
};

struct edit_opts {
	struct cmd_ctx *ctx;
	long long id;
	struct turndown td;             /* the given fields */
	unsigned given;
	int nreason_args;
	int in_argv;            /* --confidential TEXT or --met given: warn once */
};

enum { O_CAND = 0x100, O_CLIENT, O_ROLE, O_OFFER, O_DECLINE, O_REASON, O_CONF, O_CONF_FILE,
	O_SHARE, O_SHARE_FILE, O_MET, O_CONSENT, O_NEW_CAND, O_PRONOUNS, O_FIELD };

static const struct argp_option options[] = {
	{ "candidate", O_CAND, "NAME", 0, "move it to this candidate (a name or #ID)", 0 },
	{ "new-candidate", O_NEW_CAND, NULL, 0, "with --candidate: a new record of that name", 0 },
	{ "client", O_CLIENT, "NAME", 0, "the client (a name or #ID, or created)", 0 },
	{ "role", O_ROLE, "TITLE", 0, "the role offered", 0 },
	{ "offer-date", O_OFFER, "DATE", 0, "when the offer was made", 0 },
	{ "decline-date", O_DECLINE, "DATE", 0, "when it was declined (its follow-ups move)", 0 },
	{ "reason", O_REASON, "CATEGORY[:VIS]", 0, "a reason; the given ones replace the list", 1 },
	{ "confidential", O_CONF, "TEXT", 0, "replace the confidential note", 2 },
	{ "confidential-file", O_CONF_FILE, "FILE", 0, "replace it from FILE (- for stdin)", 2 },
	{ "share", O_SHARE, "TEXT", 0, "replace the shareable note", 2 },
	{ "share-file", O_SHARE_FILE, "FILE", 0, "replace it from FILE (- for stdin)", 2 },
	{ "met", O_MET, "NAME:ROLE:IMPRESSION", 0, "someone the candidate met; the given ones "
	  "replace the list", 3 },
	{ "consent", O_CONSENT, "aggregate|none", 0, "may it count in anonymized reports", 3 },
	{ "pronouns", O_PRONOUNS, "she|he|they", 0, "the candidate's pronouns", 4 },
	{ "field", O_FIELD, "FIELD", 0, "the role's field (see 'tact log --help'); 'auto' "
	  "derives it from the role again", 4 },
	{ 0 }
};

static int
note(struct edit_opts *o, char **field, unsigned flag, const char *what, const char *text,
    size_t len)
{
	if (o->given & flag)
		return terr_set(&o->ctx->err, EX_USAGE, "%s given twice", what);
	o->given |= flag;
	return turndown_set_text(field, what, text, len, TEXT_NOTE_MAX, 1, &o->ctx->err);
}

static int
note_file(struct edit_opts *o, char **field, unsigned flag, const char *what, const char *path)
{
	size_t len;
	char *text = input_file(path, TEXT_NOTE_MAX, &len, &o->ctx->err);
	int rc;

	if (text == NULL)
		return -1;
	rc = note(o, field, flag, what, text, len);
	input_free(text);
	return rc;
}

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct edit_opts *o = state->input;
	struct turndown *td = &o->td;
	struct terr *err = &o->ctx->err;
	int rc = 0;

	switch (key) {
	case O_CAND:
		o->given |= F_CAND;
		rc = turndown_set_text(&td->candidate, "candidate", arg, strlen(arg), TEXT_NAME_MAX,
		    0, err);
		break;
	case O_NEW_CAND:
		td->new_candidate = 1;
		break;
	case O_CLIENT:
		o->given |= F_CLIENT;
		rc = turndown_set_text(&td->client, "client", arg, strlen(arg), TEXT_NAME_MAX, 0,
		    err);
		break;
	case O_ROLE:
		o->given |= F_ROLE;
		rc = turndown_set_text(&td->role, "role", arg, strlen(arg), TEXT_ROLE_MAX, 0, err);
		break;
	case O_OFFER:
		o->given |= F_OFFER;
		rc = date_parse_typed("--offer-date", arg, td->offer_date, err);
		break;
	case O_DECLINE:
		o->given |= F_DECLINE;
		rc = date_parse_typed("--decline-date", arg, td->decline_date, err);
		break;
	case O_REASON:
		o->given |= F_REASON;
		if (++o->nreason_args > TD_REASONS_IN_MAX)
			rc = terr_set(err, EX_DATAERR, "too many --reason options (the limit is %d)",
			    TD_REASONS_IN_MAX);
		else
			rc = turndown_add_reason(td, arg, err);
		break;
	case O_CONF:
		o->in_argv = 1;
		rc = note(o, &td->confidential, F_CONF, "confidential note", arg, strlen(arg));
		break;
	case O_CONF_FILE:
		rc = note_file(o, &td->confidential, F_CONF, "confidential note", arg);
		break;
	case O_SHARE:
		rc = note(o, &td->shareable, F_SHARE, "shareable note", arg, strlen(arg));
		break;
	case O_SHARE_FILE:
		rc = note_file(o, &td->shareable, F_SHARE, "shareable note", arg);
		break;
	case O_MET:
		o->in_argv = 1;
		o->given |= F_MET;
		rc = turndown_add_met(td, arg, err);
		break;
	case O_CONSENT:
		o->given |= F_CONSENT;
		rc = turndown_set_consent(td, arg, err);
		break;
	case O_PRONOUNS:
		o->given |= F_PRONOUNS;
		rc = turndown_set_pronouns(td, arg, err);
		break;
	case O_FIELD:
		o->given |= F_FIELD;
		td->field = FIELD_UNSET;
		rc = strcmp(arg, "auto") == 0 ? 0 : turndown_set_field(td, arg, err);
		break;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		if (key == ARGP_KEY_END && o->in_argv)
			input_warn_argv();
		if (key == ARGP_KEY_END && td->new_candidate && !(o->given & F_CAND))
			return cmd_usage(state, "--new-candidate goes with --candidate NAME");
		return cmd_arg_turndown(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return rc == 0 ? 0 : EINVAL;
}

static const struct argp argp = {
	options, parse, "ID",
	"Correct a turndown: each option of 'tact log' given replaces that field.\v"
	"--reason and --met replace the whole list; the rest is kept.  With no option, on a "
	"terminal, the turndown opens in $EDITOR as a JSON form (import's keys; the "
	"confidential note is not shown: \"confidential\": null keeps it, a text replaces "
	"it); a bad form opens again with the error on top, and one saved unchanged changes "
	"nothing.  Every changed part is "
	"sealed again, in one transaction, and the follow-up tasks move with a changed decline "
	"date.\n\nExamples:\n"
	"  tact edit 12 --client 'Northwind Robotics'\n"
	"  tact edit 12 --decline-date 2026-03-14 --reason compensation --reason hr:confidential",
	NULL, NULL, NULL
};

/* Moves the string *FROM into *TO. */
static void
take(char **to, char **from)
{
	wipe_str_drop(to);
	*to = *from;
	*from = NULL;
}

/* Puts the given fields of O into CUR; the owner is kept by id unless given. */
static int
apply(struct edit_opts *o, struct turndown *cur, struct terr *err)
{
	struct turndown *n = &o->td;
	char spec[32];

	if (o->given & F_CAND) {
		take(&cur->candidate, &n->candidate);
		cur->new_candidate = n->new_candidate;
	} else {
		snprintf(spec, sizeof(spec), "#%lld", cur->candidate_id);
		wipe_str_drop(&cur->candidate);
		if ((cur->candidate = strdup(spec)) == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
	}
	if (o->given & F_CLIENT) {
		take(&cur->client, &n->client);
	} else {
		snprintf(spec, sizeof(spec), "#%lld", cur->client_id);
		wipe_str_drop(&cur->client);
		if ((cur->client = strdup(spec)) == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
	}
	if (o->given & F_ROLE)
		take(&cur->role, &n->role);
	if (o->given & F_OFFER)
		memcpy(cur->offer_date, n->offer_date, DATE_LEN);
	if (o->given & F_DECLINE)
		memcpy(cur->decline_date, n->decline_date, DATE_LEN);
	if (o->given & F_REASON) {
		memcpy(cur->reasons, n->reasons, sizeof(cur->reasons));
		cur->nreasons = n->nreasons;
	}
	if (o->given & F_CONF)
		take(&cur->confidential, &n->confidential);
	if (o->given & F_SHARE)
		take(&cur->shareable, &n->shareable);
	if (o->given & F_MET) {
		struct person *met = cur->met;
		size_t nmet = cur->nmet;

		cur->met = n->met;
		cur->nmet = n->nmet;
		n->met = met;
		n->nmet = nmet;
	}
	if (o->given & F_CONSENT)
		cur->consent = n->consent;
	if (o->given & F_PRONOUNS)
		cur->pronouns = n->pronouns;
	if (o->given & F_FIELD)
		cur->field = n->field;
	return 0;
}

/* Takes the fields of the form's record F into O as if each had been given
 * as an option; a candidate or client whose name is unchanged stays the
 * record it was (two people may share a name). */
static void
form_given(struct edit_opts *o, const struct turndown *cur, struct turndown *f, int conf)
{
	turndown_clear(&o->td);
	o->td = *f;
	memset(f, 0, sizeof(*f));
	o->given = F_ROLE | F_OFFER | F_DECLINE | F_REASON | F_SHARE | F_MET | F_CONSENT |
	    F_PRONOUNS | F_FIELD;
	if (strcmp(o->td.candidate, cur->candidate) != 0)
		o->given |= F_CAND;
	if (strcmp(o->td.client, cur->client) != 0)
		o->given |= F_CLIENT;
	if (conf)
		o->given |= F_CONF;
	wipe_str_drop(&o->td.candidate_ref);
}

/* The form in $EDITOR: 0 with O filled, 1 if nothing changed, -1. */
static int
from_form(struct edit_opts *o, const struct turndown *cur, struct terr *err)
{
	struct turndown f;
	int conf = 0, rc = edit_form(cur, &f, &conf, err);

	if (rc == 0)
		form_given(o, cur, &f, conf);
	return rc;
}

static int
edit_exec(struct cmd_ctx *ctx, void *opts)
{
	struct edit_opts *o = opts;
	struct turndown cur;
	struct td_writer *w = NULL;
	int nc = 0, ncl = 0, rc = -1;

	memset(&cur, 0, sizeof(cur));
	if (o->given == 0 && !(isatty(STDIN_FILENO) && isatty(STDERR_FILENO))) {
		terr_set(&ctx->err, EX_USAGE, "nothing to change: give the options of 'tact log' "
		    "to replace, or run it on a terminal for the form (see 'tact edit --help')");
		return -1;
	}
	if (turndown_load(ctx->vault, o->id, TD_ALL_OPEN, &cur, &ctx->err) != 0)
		goto out;
	if (o->given == 0) {
		if ((rc = from_form(o, &cur, &ctx->err)) != 0) {
			if (rc == 1)
				rc = printf("turndown %lld unchanged\n", cur.id) < 0 ? -1 : 0;
			goto out;
		}
		rc = -1;
	}
	if (apply(o, &cur, &ctx->err) != 0 || turndown_validate(&cur, &ctx->err) != 0)
		goto out;
	if (vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL ||
	    record_update(w, &cur, !(o->given & F_CONF), &nc, &ncl, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		goto out;
	}
	if (nc)
		cmd_notice("new candidate '%s', #%lld", cur.candidate, cur.candidate_id);
	if (ncl)
		cmd_notice("new client '%s'", cur.client);
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I}", "turndown", (json_int_t)cur.id,
		    "candidate", (json_int_t)cur.candidate_id, "client", (json_int_t)cur.client_id));
	else
		rc = printf("edited turndown %lld\n", cur.id) < 0 ? -1 : 0;
out:
	td_writer_free(w);
	turndown_clear(&cur);
	return rc;
}

static void
edit_fini(void *opts)
{
	struct edit_opts *o = opts;

	turndown_clear(&o->td);
}

const struct cmd_entry cmd_edit_entry = {
	.name = "edit",
	.summary = "correct a turndown",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct edit_opts),
	.exec = edit_exec,
	.fini = edit_fini,
};
