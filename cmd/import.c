/*
 * import.c - `tact import FILE|-`: many turndowns from JSON Lines (each
 * line read by core/records/jsonl.c), in one transaction: every bad line is
 * reported with its number (the first IMPORT_SHOW_BAD, then how many more)
 * and nothing is imported.  A line already in the vault (same candidate,
 * client and decline date) is skipped and counted, so a file imported twice
 * changes nothing.  --dry-run does all of it and rolls back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/records/write.h"
#include "core/base/wipe.h"
#include "core/records/feedback.h"
#include "core/records/jsonl.h"
#include "cmd/cmd.h"

#define IMPORT_LINE_MAX (1 << 20)
#define IMPORT_SHOW_BAD 20

struct import_opts {
	struct cmd_ctx *ctx;
	const char *file;
	int dry_run;
	enum td_plan plan;
	FILE *f;                        /* the file, or stdin */
	char *line;                     /* IMPORT_LINE_MAX + 1 bytes, wiped after */
};

enum { O_DRY_RUN = 0x100, O_PLAN };

static const struct argp_option options[] = {
	{ "dry-run", O_DRY_RUN, NULL, 0, "check every line and report, but write nothing", 0 },
	{ "plan", O_PLAN, "future|all|none", 0, "which follow-up tasks the imported turndowns "
	  "get: only those not yet due (default), all, or none", 0 },
	{ 0 }
};

static void
import_defaults(void *opts)
{
	struct import_opts *o = opts;

	o->plan = TD_PLAN_FUTURE;
}

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct import_opts *o = state->input;
	int i;

	switch (key) {
	case O_DRY_RUN:
		o->dry_run = 1;
		break;
	case O_PLAN:
		for (i = 0; i < 3 && strcmp(arg, td_plan_names[i]) != 0; i++)
			;
		if (i == 3)
			return cmd_usage(state, "--plan '%s' is not future, all or none", arg);
		o->plan = (enum td_plan)i;
		break;
	case ARGP_KEY_ARG:
		if (o->file != NULL)
			return cmd_usage(state, "import takes one file");
		o->file = arg;
		break;
	case ARGP_KEY_END:
		if (o->file == NULL)
			return cmd_usage(state, "import: which file? (- for stdin)");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "FILE",
	"Record many turndowns from JSON Lines (FILE, or - for stdin), all or nothing.\v"
	"One object per line with the keys candidate, client, role, offer_date, decline_date, "
	"reasons ([{\"category\": SLUG, \"visibility\": \"confidential\"|\"shareable\"}]), "
	"confidential, shareable, met ([{\"name\", \"role\", \"impression\"}]), consent, "
	"pronouns (she, he or they) and field (physician, nursing, allied-health, executive, "
	"technology, sales, finance, operations or general; default: from the role).  "
	"Dates may also be today, yesterday or N days ago.  Blank lines are skipped.  Every bad "
	"line is reported with its number (the first 20, then how many more) and nothing is "
	"imported.  A line whose candidate, client and decline date match a turndown already in "
	"the vault, or an earlier line, is skipped and counted: importing a file twice changes "
	"nothing.  A line with \"kind\": \"feedback\" is a client's feedback on a candidate "
	"(the keys of 'tact feedback log': candidate, client, role, stage, date, areas, "
	"shareable, confidential, from {\"name\", \"role\"}; see tact-feedback(1)); a line "
	"without \"kind\" is a turndown.\n\nExample:  tact import --dry-run old-crm.jsonl && tact import old-crm.jsonl",
	NULL, NULL, NULL
};

/* Reads one line into BUF (IMPORT_LINE_MAX + 1 bytes) without ever holding
 * more: returns its length, 0 at the end, or -1 if it is too long. */
static ssize_t
read_line(FILE *f, char *buf)
{
	size_t len = 0;
	int c;

	while ((c = getc_unlocked(f)) != EOF) {
		if (len == IMPORT_LINE_MAX)
			return -1;
		buf[len++] = (char)c;
		if (c == '\n')
			break;
	}
	return (ssize_t)len;
}

static int
blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Opens the file before the vault, so a missing file is the error even
 * where there is no vault. */
static int
import_prepare(struct cmd_ctx *ctx, void *opts)
{
	struct import_opts *o = opts;

	if (strcmp(o->file, "-") == 0)
		o->f = stdin;
	else if ((o->f = fopen(o->file, "re")) == NULL)
		return terr_set(&ctx->err, errno == ENOENT ? EX_NOINPUT : EX_IOERR,
		    "cannot read '%s': %s", o->file, strerror(errno));
	if ((o->line = malloc(IMPORT_LINE_MAX + 1)) == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	return 0;
}

/* Notes bad line LINENO: one of the first IMPORT_SHOW_BAD is printed; the
 * first is kept in ERR for when it is the only one. */
static void
bad_line(size_t lineno, const struct terr *e, size_t *nbad,
    struct terr *first)
{
	int code = e->code == EX_USAGE || e->code == 0 ? EX_DATAERR : e->code;

	if (++*nbad == 1)
		terr_set(first, code, "line %zu: %s", lineno, e->msg);
	else if (*nbad == 2)
		cmd_notice("%s", first->msg);
	if (*nbad >= 2 && *nbad <= IMPORT_SHOW_BAD)
		cmd_notice("line %zu: %s", lineno, e->msg);
}

static int
import_exec(struct cmd_ctx *ctx, void *opts)
{
	struct import_opts *o = opts;
	struct td_writer *w = NULL;
	struct turndown td;
	struct feedback fb;
	enum jsonl_kind kind;
	struct terr e, first = { 0 };
	char *line = o->line;
	size_t lineno = 0, count = 0, nfb = 0, cands = 0, clients = 0, dups = 0, nbad = 0;
	ssize_t n;
	int nc, ncl, rc = -1, in_tx = 0, r;

	memset(&td, 0, sizeof(td));
	feedback_init(&fb);
	if (vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	in_tx = 1;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL)
		goto out;
	td_writer_options(w, 1, o->plan);
	while ((n = read_line(o->f, line)) != 0) {
		lineno++;
		terr_clear(&e);
		if (n < 0) {
			/* The rest of the over-long line is not a line of its own. */
			int c;

			while ((c = getc_unlocked(o->f)) != EOF && c != '\n')
				;
			terr_set(&e, EX_DATAERR, "longer than %d bytes", IMPORT_LINE_MAX);
			bad_line(lineno, &e, &nbad, &first);
			continue;
		}
		if (blank(line, (size_t)n))
			continue;
		/* A line's "kind" routes it: a turndown (the default) or feedback. */
		r = jsonl_parse_record(line, (size_t)n, &td, &fb, &kind, &e);
		/* After a bad line nothing will be kept: check the rest, store none. */
		if (r == 0 && nbad == 0) {
			nc = ncl = 0;
			r = kind == JSONL_FEEDBACK ? feedback_put(w, &fb, 1, &nc, &ncl, &e) :
			    record_put(w, &td, &nc, &ncl, &e);
		}
		turndown_clear(&td);
		feedback_clear(&fb);
		if (r < 0) {
			if (e.code != EX_DATAERR && e.code != EX_USAGE) {
				terr_set(&ctx->err, e.code, "line %zu: %s", lineno, e.msg);
				goto out;
			}
			bad_line(lineno, &e, &nbad, &first);
			continue;
		}
		if (r == 1) {
			dups++;
			continue;
		}
		if (kind == JSONL_FEEDBACK)
			nfb++;
		else
			count++;
		cands += (size_t)nc;
		clients += (size_t)ncl;
	}
	if (ferror(o->f)) {
		terr_set(&ctx->err, EX_IOERR, "cannot read '%s'", o->file);
		goto out;
	}
	if (nbad == 1) {
		terr_set(&ctx->err, first.code, "%s", first.msg);
		goto out;
	}
	if (nbad > 1) {
		if (nbad > IMPORT_SHOW_BAD)
			terr_set(&ctx->err, first.code, "%zu bad lines (the first %d shown, %zu more); "
			    "nothing imported", nbad, IMPORT_SHOW_BAD, nbad - IMPORT_SHOW_BAD);
		else
			terr_set(&ctx->err, first.code, "%zu bad lines; nothing imported", nbad);
		goto out;
	}
	td_writer_free(w);
	w = NULL;
	if (o->dry_run) {
		vault_rollback(ctx->vault);
		in_tx = 0;
	} else {
		if (vault_commit(ctx->vault, &ctx->err) != 0)
			goto out;
		in_tx = 0;
	}
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I, s:I, s:I, s:b}", "imported",
		    (json_int_t)count, "feedback", (json_int_t)nfb, "duplicates", (json_int_t)dups, "new_candidates",
		    (json_int_t)cands, "new_clients", (json_int_t)clients, "dry_run", o->dry_run));
	else
		rc = printf("%s %zu turndown%s (%zu new candidate%s, %zu new client%s); %zu "
		    "duplicate%s skipped\n", o->dry_run ? "would import" : "imported",
		    count, count == 1 ? "" : "s", cands, cands == 1 ? "" : "s", clients,
		    clients == 1 ? "" : "s", dups, dups == 1 ? "" : "s") < 0 ? -1 : 0;
	if (rc == 0 && !ctx->json && nfb > 0)
		rc = printf("%s %zu feedback record%s\n", o->dry_run ? "would import" : "imported",
		    nfb, nfb == 1 ? "" : "s") < 0 ? -1 : 0;
out:
	td_writer_free(w);
	if (in_tx)
		vault_rollback(ctx->vault);
	turndown_clear(&td);
	feedback_clear(&fb);
	return rc;
}

static void
import_fini(void *opts)
{
	struct import_opts *o = opts;

	wipe_free(o->line, IMPORT_LINE_MAX + 1);
	if (o->f != NULL && o->f != stdin)
		fclose(o->f);
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.summary = "record many turndowns from JSON Lines, all or nothing",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct import_opts),
	.defaults = import_defaults,
	.prepare = import_prepare,
	.exec = import_exec,
	.fini = import_fini,
};
