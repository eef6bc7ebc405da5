/*
 * report.c - `tact report`: the anonymized feedback report, as text,
 * Markdown, CSV or JSON, optionally sealed for one recipient's certificate.
 *
 * The whole report is written into memory first and only then to stdout
 * (or, encrypted, to --output): a report that fails half-way prints
 * nothing, and the plain report never touches the disk.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/identity.h"
#include "core/base/wipe.h"
#include "core/report/cms.h"
#include "core/report/report.h"
#include "cmd/cmd.h"

struct report_opts {
	struct cmd_ctx *ctx;
	struct report_scope scope;
	int format;                     /* enum report_format, or -1 if not given */
	const char *encrypt_to;
	const char *output;
	int cipher;                     /* enum envelope_cipher */
	int cipher_given;
	struct envelope *env;           /* the recipient, with --encrypt-to */
};

enum { O_CLIENT = 0x100, O_SINCE, O_UNTIL, O_MIN_GROUP, O_QUOTES, O_FORMAT, O_ENCRYPT,
	O_OUTPUT, O_SEED, O_CIPHER };

static const struct argp_option options[] = {
	{ "client", O_CLIENT, "NAME", 0, "only this client's turndowns (default: all clients)", 0 },
	{ "since", O_SINCE, "DATE", 0, "declined in this month or later (YYYY-MM-DD or YYYY-MM; "
	  "rounded down to the first of the month)", 0 },
	{ "until", O_UNTIL, "DATE", 0, "declined in this month or earlier (rounded up to the end "
	  "of the month)", 0 },
	{ "min-group", O_MIN_GROUP, "K", 0, "smallest group shown (default 5, at least 3): fewer "
	  "candidates in scope is refused, smaller counts show as <K", 1 },
	{ "quotes", O_QUOTES, NULL, 0, "add shareable notes, scrubbed of names, e-mail addresses "
	  "and phone numbers (only with notes from at least 2K candidates)", 1 },
	{ "seed", O_SEED, "N", 0, "shuffle the quotes reproducibly", 1 },
	{ "format", O_FORMAT, "FMT", 0, "text (default), markdown, csv or json", 2 },
	{ "encrypt-to", O_ENCRYPT, "CERT.pem", 0, "encrypt the report for this X.509 "
	  "certificate (CMS/S-MIME)", 2 },
	{ "output", O_OUTPUT, "FILE", 0, "write the encrypted report to FILE (created, mode 0600) "
	  "instead of stdout", 2 },
	{ "cipher", O_CIPHER, "NAME", 0, "aes-256-gcm (default) or aes-256-cbc, for recipients "
	  "whose tools predate OpenSSL 3", 2 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct report_opts *o = state->input;
	struct terr *err = &o->ctx->err;
	long long n;

	switch (key) {
	case O_CLIENT:
		o->scope.client = arg;
		break;
	case O_SINCE:
		return report_month("--since", arg, o->scope.since, err) ? EINVAL : 0;
	case O_UNTIL:
		return report_month("--until", arg, o->scope.until, err) ? EINVAL : 0;
	case O_MIN_GROUP:
		if (cmd_number(arg, 0, REPORT_MIN_GROUP_MAX, &n) != 0)
			return cmd_usage(state, "--min-group '%.40s' is not a number from %d to %d",
			    arg, REPORT_MIN_GROUP_FLOOR, REPORT_MIN_GROUP_MAX);
		if (n < REPORT_MIN_GROUP_FLOOR)
			return cmd_usage(state, "--min-group must be at least %d (groups smaller "
			    "than that can single a candidate out)", REPORT_MIN_GROUP_FLOOR);
		o->scope.min_group = (int)n;
		break;
	case O_QUOTES:
		o->scope.quotes = 1;
		break;
	case O_SEED:
		if (cmd_number(arg, 0, 999999999999999999LL, &n) != 0)
			return cmd_usage(state, "--seed '%.40s' is not a number", arg);
		o->scope.seeded = 1;
		o->scope.seed = (uint64_t)n;
		break;
	case O_FORMAT:
		if ((o->format = report_format_parse(arg)) < 0)
			return cmd_usage(state, "unknown format '%.40s' (text, markdown, csv or "
			    "json)", arg);
		break;
	case O_ENCRYPT:
		o->encrypt_to = arg;
		break;
	case O_OUTPUT:
		o->output = arg;
		break;
	case O_CIPHER:
		o->cipher_given = 1;
		if ((o->cipher = envelope_cipher_parse(arg)) < 0)
			return cmd_usage(state, "unknown cipher '%.40s' (aes-256-gcm or aes-256-cbc)",
			    arg);
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
	"Report why candidates decline, in aggregate: for each reason, how many candidates "
	"gave it; the median days from offer to decline; optionally scrubbed quotes.  Only "
	"turndowns with consent 'aggregate' count.  Small groups are hidden: a scope with "
	"fewer than K candidates is refused, and counts below K show as <K.  Dates are "
	"widened to whole months.\v"
	"Examples:\n"
	"  tact report --client 'Acme Health' --since 2026-01 --until 2026-06\n"
	"  tact report --format markdown --quotes\n"
	"  tact report --client 'Acme Health' --encrypt-to acme.pem --output acme.p7m",
	NULL, NULL, NULL
};

/* Checks the options that depend on each other. */
static int
check_opts(struct cmd_ctx *ctx, struct report_opts *o)
{
	struct stat st;

	if (ctx->json) {
		if (o->format >= 0 && o->format != REPORT_JSON)
			return terr_set(&ctx->err, EX_USAGE, "--json and --format %s disagree",
			    o->format == REPORT_TEXT ? "text" : o->format == REPORT_MARKDOWN ?
			    "markdown" : "csv");
		o->format = REPORT_JSON;
	}
	if (o->format < 0)
		o->format = REPORT_TEXT;
	if (o->format == REPORT_CSV && o->scope.quotes)
		return terr_set(&ctx->err, EX_USAGE, "--quotes has no place in CSV (use --format "
		    "text, markdown or json)");
	if (o->scope.since[0] && o->scope.until[0] && strcmp(o->scope.since,
	    o->scope.until) > 0)
		return terr_set(&ctx->err, EX_USAGE, "--since %s is after --until %s",
		    o->scope.since, o->scope.until);
	if (o->output != NULL && o->encrypt_to == NULL)
		return terr_set(&ctx->err, EX_USAGE, "--output writes only encrypted reports "
		    "(add --encrypt-to CERT.pem, or redirect stdout)");
	if (o->cipher_given && o->encrypt_to == NULL)
		return terr_set(&ctx->err, EX_USAGE, "--cipher needs --encrypt-to CERT.pem");
	if (o->output != NULL && lstat(o->output, &st) == 0)
		return terr_set(&ctx->err, EX_CANTCREAT, "'%.200s' already exists; tact will not "
		    "overwrite it", o->output);
	return 0;
}

/* Creates PATH for the encrypted report: new, never through a link, 0600. */
static FILE *
create_output(struct cmd_ctx *ctx, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *f;

	if (fd < 0) {
		terr_set(&ctx->err, EX_CANTCREAT, "cannot create '%.200s': %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		terr_set(&ctx->err, EX_OSERR, "out of memory");
	}
	return f;
}

/* Writes the finished report TEXT to stdout, or sealed for o->env to stdout
 * or the output file. */
static int
emit(struct cmd_ctx *ctx, struct report_opts *o, const char *text, size_t len)
{
	FILE *out = stdout;
	int rc;

	if (o->env == NULL) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
			return terr_set(&ctx->err, EX_IOERR, "cannot write the report");
		return 0;
	}
	if (o->output != NULL && (out = create_output(ctx, o->output)) == NULL)
		return -1;
	rc = envelope_seal(o->env, o->cipher, text, len, out, &ctx->err);
	if (out != stdout) {
		if (fclose(out) != 0 && rc == 0)
			rc = terr_set(&ctx->err, EX_IOERR, "cannot write '%.200s'", o->output);
		if (rc != 0)
			unlink(o->output);
	}
	return rc;
}

static void
report_defaults(void *opts)
{
	struct report_opts *o = opts;

	o->format = -1;
	o->scope.min_group = REPORT_MIN_GROUP_DEFAULT;
}

/* Checks the options and reads the certificate before the vault is opened
 * (and the passphrase asked for). */
static int
report_prepare(struct cmd_ctx *ctx, void *opts)
{
	struct report_opts *o = opts;

	if (check_opts(ctx, o) != 0)
		return -1;
	if (o->encrypt_to != NULL && (o->env = envelope_new(o->encrypt_to, &ctx->err)) == NULL)
		return -1;
	return 0;
}

static int
report_exec(struct cmd_ctx *ctx, void *opts)
{
	struct report_opts *o = opts;
	struct report *r = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int rc = -1;

	if (o->scope.client != NULL &&
	    (o->scope.client_id = client_find(ctx->vault, o->scope.client, &ctx->err)) <= 0) {
		if (o->scope.client_id == 0)
			terr_set(&ctx->err, EX_NOINPUT, "no client named '%.80s'", o->scope.client);
		goto out;
	}
	if ((r = report_build(ctx->vault, &o->scope, &ctx->err)) == NULL)
		goto out;
	if ((mem = open_memstream(&text, &len)) == NULL) {
		terr_set(&ctx->err, EX_OSERR, "out of memory");
		goto out;
	}
	rc = report_write(r, o->format, mem, &ctx->err);
	if (fclose(mem) != 0 && rc == 0)
		rc = terr_set(&ctx->err, EX_OSERR, "out of memory");
	if (rc == 0)
		rc = emit(ctx, o, text, len);
out:
	wipe_free(text, len);
	report_free(r);
	return rc;
}

static void
report_fini(void *opts)
{
	struct report_opts *o = opts;

	envelope_free(o->env);
}

const struct cmd_entry cmd_report_entry = {
	.name = "report",
	.summary = "anonymized feedback report: why candidates decline, in aggregate",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct report_opts),
	.defaults = report_defaults,
	.prepare = report_prepare,
	.exec = report_exec,
	.fini = report_fini,
};
