/*
 * list.c - `tact list`: one line per turndown, newest decline first.
 * --search compares the opened candidate, client and role (folded: any
 * case), so it reads every row in scope, in candidate order, and sorts what
 * it finds; --limit stops after N shown.
 * A record that fails authentication is reported and skipped; the others
 * are still listed, and the command then exits 65.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/records/identity.h"
#include "core/records/read.h"
#include "core/records/search.h"
#include "core/records/turndown.h"
#include "cmd/cmd.h"
#include "cmd/forget.h"

struct list_opts {
	struct cmd_ctx *ctx;
	const char *client, *candidate, *search;
	char since[DATE_LEN], until[DATE_LEN];
	long long limit;
};

enum { O_CLIENT = 0x100, O_CAND, O_SINCE, O_UNTIL, O_SEARCH, O_LIMIT };

static const struct argp_option options[] = {
	{ "client", O_CLIENT, "NAME", 0, "only this client's turndowns", 0 },
	{ "candidate", O_CAND, "NAME", 0, "only this candidate's turndowns", 0 },
	{ "since", O_SINCE, "YYYY-MM-DD", 0, "declined on or after this date", 0 },
	{ "until", O_UNTIL, "YYYY-MM-DD", 0, "declined on or before this date", 0 },
	{ "search", O_SEARCH, "TEXT", 0, "only turndowns whose candidate, client or role holds "
	  "TEXT (any case)", 0 },
	{ "limit", O_LIMIT, "N", 0, "at most N turndowns, the newest", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct list_opts *o = state->input;
	struct terr *err = &o->ctx->err;

	switch (key) {
	case O_CLIENT:
		o->client = arg;
		break;
	case O_CAND:
		o->candidate = arg;
		break;
	case O_SINCE:
		return date_parse_typed("--since", arg, o->since, err) ? EINVAL : 0;
	case O_UNTIL:
		return date_parse_typed("--until", arg, o->until, err) ? EINVAL : 0;
	case O_SEARCH:
		o->search = arg;
		break;
	case O_LIMIT:
		if (cmd_number(arg, 1, 1000000000, &o->limit) != 0)
			return cmd_usage(state, "--limit '%s' is not a number from 1", arg);
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, NULL,
	"List turndowns, newest first: id, decline date, candidate, client and role.\v"
	"A candidate or client is a name or #ID.  Dates may be YYYY-MM-DD, today, yesterday or "
	"N days ago.\n\n"
	"Examples:\n"
	"  tact list --client 'Acme Health' --since 2026-01-01\n"
	"  tact list --search northwind --limit 10",
	NULL, NULL, NULL
};

/* Prints S in a column of WIDTH characters, cut short on a terminal. */
static void
column(const char *s, int width, int tty, int last)
{
	int len = (int)strlen(s);

	if (last) {
		printf("%s\n", s);
		return;
	}
	if (tty && len > width)
		printf("%.*s~  ", width - 1, s);
	else
		printf("%-*s  ", width, s);
}

/* One turndown as a row of the table, or an element of ARR with --json. */
static void
show_row(json_t *arr, const struct turndown *td, int tty)
{
	if (arr != NULL) {
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s}",
		    "id", (json_int_t)td->id, "candidate", td->candidate, "client", td->client,
		    "role", td->role, "offer_date", td->offer_date[0] ? td->offer_date : NULL,
		    "decline_date", td->decline_date));
		return;
	}
	printf("%-6lld  %-10s  ", td->id, td->decline_date);
	column(td->candidate, 24, tty, 0);
	column(td->client, 24, tty, 0);
	column(td->role ? td->role : "-", 0, tty, 1);
}

/* What --search has found: the matching turndowns, kept to be shown newest
 * first, with whether each candidate and client matched, so that each name
 * is folded once however many rows share it (rows come in candidate order). */
#define CLIENT_MEMO 256
struct found {
	struct search *search;
	struct turndown *rows;
	size_t n, cap;
	long long cand_id;
	int cand_match;
	struct { long long id; int match; } clients[CLIENT_MEMO];
};

static int
found_match(struct found *f, const struct turndown *td)
{
	int *cm = &f->clients[td->client_id % CLIENT_MEMO].match;

	if (f->cand_id != td->candidate_id) {
		f->cand_id = td->candidate_id;
		f->cand_match = search_match(f->search, td->candidate);
	}
	if (f->clients[td->client_id % CLIENT_MEMO].id != td->client_id) {
		f->clients[td->client_id % CLIENT_MEMO].id = td->client_id;
		*cm = search_match(f->search, td->client);
	}
	return f->cand_match || *cm || search_match(f->search, td->role);
}

/* Moves TD into F's rows. */
static int
found_keep(struct found *f, struct turndown *td, struct terr *err)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 64;
		struct turndown *grown = realloc(f->rows, cap * sizeof(*grown));

		if (grown == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
		f->rows = grown;
		f->cap = cap;
	}
	f->rows[f->n++] = *td;
	memset(td, 0, sizeof(*td));
	return 0;
}

static void
found_free(struct found *f)
{
	for (size_t i = 0; i < f->n; i++)
		turndown_clear(&f->rows[i]);
	free(f->rows);
	search_free(f->search);
}

/* Newest decline first, then the higher id, as the vault lists them. */
static int
newest_first(const void *a, const void *b)
{
	const struct turndown *x = a, *y = b;
	int c = strcmp(y->decline_date, x->decline_date);

	return c != 0 ? c : (x->id < y->id) - (x->id > y->id);
}

static int
list_exec(struct cmd_ctx *ctx, void *opts)
{
	struct list_opts *o = opts;
	struct td_filter f;
	struct td_iter *it = NULL;
	struct turndown td;
	struct terr rowerr;
	struct found found;
	json_t *arr = NULL;
	long long shown = 0;
	int tty = isatty(STDOUT_FILENO), rc = -1, bad = 0, r;

	memset(&f, 0, sizeof(f));
	memset(&td, 0, sizeof(td));
	memset(&found, 0, sizeof(found));
	if (o->client && (f.client_id = client_find(ctx->vault, o->client, &ctx->err)) <= 0)
		return f.client_id < 0 ? -1 : terr_set(&ctx->err, EX_NOINPUT,
		    "no client named '%.80s'", o->client);
	if (o->candidate && (f.candidate_id = candidate_find(ctx->vault, o->candidate,
	    &ctx->err)) <= 0)
		return f.candidate_id < 0 ? -1 : terr_set(&ctx->err, EX_NOINPUT,
		    "no candidate named '%.80s'", o->candidate);
	f.since = o->since[0] ? o->since : NULL;
	f.until = o->until[0] ? o->until : NULL;
	/* Without a search the vault gives the rows newest first and can stop
	 * at the limit; a search opens every row in scope, in candidate order
	 * (one key unwrap and one name a candidate), and sorts what it found. */
	if (o->search == NULL) {
		f.newest_first = 1;
		f.limit = o->limit;
	} else {
		f.by_candidate = 1;
		if ((found.search = search_new(o->search, &ctx->err)) == NULL)
			return -1;
	}
	if ((it = td_iter_new(ctx->vault, &f, TD_IDENTITY | TD_CLIENT | TD_SIGNALS,
	    &ctx->err)) == NULL)
		goto out;
	if (ctx->json)
		arr = json_array();
	else
		printf("%-6s  %-10s  %-24s  %-24s  %s\n", "ID", "DECLINED", "CANDIDATE", "CLIENT",
		    "ROLE");
	while (found.search != NULL || o->limit == 0 || shown < o->limit) {
		terr_clear(&rowerr);
		r = td_iter_next(it, &td, &rowerr);
		if (r == 0)
			break;
		if (r == -2) {
			terr_set(&ctx->err, rowerr.code, "%s", rowerr.msg);
			goto out;
		}
		if (r == -1) {
			cmd_notice("%s", rowerr.msg);
			bad++;
			continue;
		}
		if (found.search == NULL) {
			show_row(arr, &td, tty);
			shown++;
		} else if (found_match(&found, &td) && found_keep(&found, &td, &ctx->err) != 0) {
			goto out;
		}
	}
	if (found.search != NULL) {
		if (found.n > 1)
			qsort(found.rows, found.n, sizeof(*found.rows), newest_first);
		for (size_t i = 0; i < found.n && (o->limit == 0 || (long long)i < o->limit); i++)
			show_row(arr, &found.rows[i], tty);
	}
	rc = arr != NULL ? cmd_print_json(ctx, arr) : 0;
	arr = NULL;
	retention_notice(ctx);
	if (rc == 0 && bad > 0)
		rc = terr_set(&ctx->err, EX_DATAERR, "%d turndown%s failed authentication and "
		    "%s left out", bad, bad == 1 ? "" : "s", bad == 1 ? "was" : "were");
out:
	json_decref(arr);
	turndown_clear(&td);
	td_iter_free(it);
	found_free(&found);
	return rc;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.summary = "one line per turndown",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct list_opts),
	.exec = list_exec,
};
