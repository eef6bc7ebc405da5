/*
 * import.c - `tact import FILE|-`: many turndowns from JSON Lines (each
 * line read by core/records/jsonl.c), in one transaction: a bad line names
 * its number and nothing is imported.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/records/write.h"
#include "core/base/wipe.h"
#include "core/records/jsonl.h"
#include "cmd/cmd.h"

#define IMPORT_LINE_MAX (1 << 20)

struct import_opts {
	struct cmd_ctx *ctx;
	const char *file;
	FILE *f;                        /* the file, or stdin */
	char *line;                     /* IMPORT_LINE_MAX + 1 bytes, wiped after */
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct import_opts *o = state->input;

	switch (key) {
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
	NULL, parse, "FILE",
	"Record many turndowns from JSON Lines (FILE, or - for stdin), all or nothing.\v"
	"One object per line with the keys candidate, client, role, offer_date, decline_date, "
	"reasons ([{\"category\": SLUG, \"visibility\": \"confidential\"|\"shareable\"}]), "
	"confidential, shareable, met ([{\"name\", \"role\", \"impression\"}]) and consent.  "
	"Blank lines are skipped.  A bad line is reported with its number and nothing is "
	"imported.",
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

static int
import_exec(struct cmd_ctx *ctx, void *opts)
{
	struct import_opts *o = opts;
	struct td_writer *w = NULL;
	struct turndown td;
	struct terr e;
	char *line = o->line;
	size_t lineno = 0, count = 0, cands = 0, clients = 0;
	ssize_t n;
	int nc, ncl, rc = -1, in_tx = 0;

	memset(&td, 0, sizeof(td));
	if (vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	in_tx = 1;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL)
		goto out;
	while ((n = read_line(o->f, line)) != 0) {
		lineno++;
		if (n < 0) {
			terr_set(&ctx->err, EX_DATAERR, "line %zu: longer than %d bytes", lineno,
			    IMPORT_LINE_MAX);
			goto out;
		}
		if (blank(line, (size_t)n))
			continue;
		terr_clear(&e);
		rc = jsonl_parse_turndown(&td, line, (size_t)n, &e);
		if (rc == 0)
			rc = record_put(w, &td, &nc, &ncl, &e);
		turndown_clear(&td);
		if (rc != 0) {
			terr_set(&ctx->err, e.code == EX_USAGE ? EX_DATAERR : e.code, "line %zu: %s",
			    lineno, e.msg);
			rc = -1;
			goto out;
		}
		rc = -1;
		count++;
		cands += (size_t)nc;
		clients += (size_t)ncl;
	}
	if (ferror(o->f)) {
		terr_set(&ctx->err, EX_IOERR, "cannot read '%s'", o->file);
		goto out;
	}
	td_writer_free(w);
	w = NULL;
	if (vault_commit(ctx->vault, &ctx->err) != 0)
		goto out;
	in_tx = 0;
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:I, s:I, s:I}", "imported", (json_int_t)count,
		    "new_candidates", (json_int_t)cands, "new_clients", (json_int_t)clients));
	else
		rc = printf("imported %zu turndown%s (%zu new candidate%s, %zu new client%s)\n",
		    count, count == 1 ? "" : "s", cands, cands == 1 ? "" : "s", clients,
		    clients == 1 ? "" : "s") < 0 ? -1 : 0;
out:
	td_writer_free(w);
	if (in_tx)
		vault_rollback(ctx->vault);
	turndown_clear(&td);
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
	.prepare = import_prepare,
	.exec = import_exec,
	.fini = import_fini,
};
