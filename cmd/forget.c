/*
 * forget.c - `tact forget CANDIDATE [--yes]` and `tact forget --older-than
 * AGE`: crypto-shredding.
 *
 * The candidate's wrapped key and every row of theirs are deleted with
 * secure_delete on, then the WAL is checkpointed and truncated, so neither
 * the key nor the ciphertexts survive anywhere in the vault's files.  With
 * --older-than, every candidate whose last decline is older than AGE is
 * listed, then (asked, or --yes) erased in one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/identity.h"
#include "core/records/retention.h"
#include "core/base/wipe.h"
#include "core/records/turndown.h"
#include "core/records/team.h"
#include "cmd/cmd.h"
#include "cmd/forget.h"
#include "cmd/input.h"

struct forget_opts {
	struct cmd_ctx *ctx;
	const char *who;
	const char *older;
	int yes;
};

enum { O_OLDER = 0x100 };

static const struct argp_option options[] = {
	{ "yes", 'y', NULL, 0, "do not ask for confirmation (required off a terminal)", 0 },
	{ "older-than", O_OLDER, "AGE", 0, "every candidate whose last decline is older than AGE "
	  "(24m, 400d, 2y)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct forget_opts *o = state->input;

	switch (key) {
	case 'y':
		o->yes = 1;
		break;
	case O_OLDER:
		o->older = arg;
		break;
	case ARGP_KEY_ARG:
		if (o->who != NULL)
			return cmd_usage(state, "forget takes one candidate (quote a name with "
			    "spaces)");
		o->who = arg;
		break;
	case ARGP_KEY_END:
		if (o->who != NULL && o->older != NULL)
			return cmd_usage(state, "forget takes a candidate or --older-than, not both");
		if (o->who == NULL && o->older == NULL)
			return cmd_usage(state, "forget: which candidate? (a name or an id, or "
			    "--older-than AGE)");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "CANDIDATE",
	"Erase a candidate, by name or id: their key and every turndown of theirs, for good.  "
	"With --older-than AGE, every candidate whose last decline is older than AGE (Nd, Nm or "
	"Ny), listed first.\v"
	"Examples:\n"
	"  tact forget 'Jane Roe' --yes\n"
	"  tact forget --older-than 24m\n\n"
	"A retention period in the config file ([vault] retention = 24m) makes 'tact list' and "
	"'tact verify' say how many candidates are past it.",
	NULL, NULL, NULL
};

static int
confirmed(struct cmd_ctx *ctx, int yes, const char *question)
{
	if (yes)
		return 1;
	if (!cmd_interactive()) {
		terr_set(&ctx->err, EX_USAGE, "not forgetting without confirmation: add --yes");
		return 0;
	}
	if (!input_confirm(question)) {
		terr_set(&ctx->err, EX_USAGE, "nothing forgotten");
		return 0;
	}
	return 1;
}

/* Lists the candidates of LIST on stdout (or into J), names opened where they open. */
static void
list_past(struct cmd_ctx *ctx, const struct retention_row *list, long long n, json_t *j)
{
	char spec[32], *name;
	int count;

	if (j == NULL)
		printf("%-7s %-11s %-9s %s\n", "ID", "LAST", "TURNDOWNS", "NAME");
	for (long long i = 0; i < n; i++) {
		snprintf(spec, sizeof(spec), "#%lld", list[i].id);
		name = NULL;
		count = 0;
		candidate_resolve(ctx->vault, spec, &name, &count, NULL);
		if (j != NULL)
			json_array_append_new(j, json_pack("{s:I, s:s, s:i}", "id",
			    (json_int_t)list[i].id, "last_decline", list[i].last_decline, "turndowns",
			    count));
		else
			printf("%-7lld %-11s %-9d %s\n", list[i].id, list[i].last_decline, count,
			    name ? name : "(name does not open)");
		wipe_str_free(name);
	}
}

static int
forget_older(struct cmd_ctx *ctx, struct forget_opts *o)
{
	struct retention_row *list = NULL;
	char today[DATE_LEN], cutoff[DATE_LEN], question[200];
	json_t *j = NULL;
	long long n;
	int pending = 0, rc = -1;

	date_today(today);
	if (retention_cutoff(o->older, today, cutoff, &ctx->err) != 0 ||
	    (n = retention_past(ctx->vault, cutoff, &list, &ctx->err)) < 0)
		return -1;
	if (n == 0) {
		rc = ctx->json ? cmd_print_json(ctx, json_pack("{s:[], s:s}", "forgotten",
		    "before", cutoff)) : printf("no candidate's last decline is before %s\n",
		    cutoff) < 0 ? -1 : 0;
		goto out;
	}
	if (ctx->json)
		j = json_array();
	else
		printf("Last declined before %s (%lld candidate%s):\n", cutoff, n,
		    n == 1 ? "" : "s");
	list_past(ctx, list, n, j);
	fflush(stdout);
	snprintf(question, sizeof(question), "Forget these %lld candidate%s and every turndown of "
	    "theirs for good? This cannot be undone. [y/N] ", n, n == 1 ? "" : "s");
	if (!confirmed(ctx, o->yes, question) ||
	    retention_forget(ctx->vault, list, n, &pending, &ctx->err) != 0)
		goto out;
	if (pending)
		cmd_notice("another process has the vault open; the erased pages leave the vault's "
		    "files when it closes");
	if (ctx->json) {
		rc = cmd_print_json(ctx, json_pack("{s:o, s:s}", "forgotten", j, "before", cutoff));
		j = NULL;
	} else
		rc = printf("forgot %lld candidate%s\n", n, n == 1 ? "" : "s") < 0 ? -1 : 0;
out:
	json_decref(j);
	free(list);
	return rc;
}

void
retention_notice(struct cmd_ctx *ctx)
{
	const char *age = config_get(&ctx->config, CONF_VAULT_RETENTION);
	struct retention_row *list = NULL;
	char today[DATE_LEN], cutoff[DATE_LEN];
	struct terr e = { 0 };
	long long n;

	if (age == NULL || ctx->vault == NULL)
		return;
	date_today(today);
	if (retention_cutoff(age, today, cutoff, &e) != 0 ||
	    (n = retention_past(ctx->vault, cutoff, &list, &e)) <= 0) {
		free(list);
		return;
	}
	cmd_notice("%lld candidate%s past the retention period (%s, last decline before %s): "
	    "see 'tact forget --older-than %s'", n, n == 1 ? " is" : "s are", age, cutoff, age);
	free(list);
}

static int
forget_exec(struct cmd_ctx *ctx, void *opts)
{
	struct forget_opts *o = opts;
	char *name = NULL, question[512];
	long long id;
	int count = 0, pending = 0, rc = -1;

	if (o->older != NULL)
		return forget_older(ctx, o);
	if ((id = candidate_resolve(ctx->vault, o->who, &name, &count, &ctx->err)) < 0)
		goto out;
	if (!o->yes) {
		if (!cmd_interactive()) {
			terr_set(&ctx->err, EX_USAGE, "not forgetting without confirmation: add --yes");
			goto out;
		}
		snprintf(question, sizeof(question), "Forget %s and %d turndown%s for good? "
		    "This cannot be undone. [y/N] ", name ? name : "this candidate", count,
		    count == 1 ? "" : "s");
		if (!input_confirm(question)) {
			terr_set(&ctx->err, EX_USAGE, "nothing forgotten");
			goto out;
		}
	}
	if (team_check_owner(ctx->vault, id, &ctx->err) != 0 ||
	    candidate_forget(ctx->vault, id, &pending, &ctx->err) != 0)
		goto out;
	if (pending)
		cmd_notice("another process has the vault open; the erased pages leave the vault's "
		    "files when it closes");
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:i}", "forgotten", (json_int_t)id,
		    "turndowns", count));
	else
		rc = printf("forgot candidate %lld and %d turndown%s\n", id, count,
		    count == 1 ? "" : "s") < 0 ? -1 : 0;
out:
	wipe_str_free(name);
	return rc;
}

const struct cmd_entry cmd_forget_entry = {
	.name = "forget",
	.summary = "erase a candidate and every turndown of theirs",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct forget_opts),
	.exec = forget_exec,
};
