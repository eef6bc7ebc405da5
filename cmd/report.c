/*
 * report.c - `tact report`: the anonymized feedback report, as text,
 * Markdown, HTML, CSV or JSON, optionally sealed for one recipient's
 * certificate; `--history` lists the releases; `--preview` shows a report
 * on this terminal without releasing it.
 *
 * The whole report is written into memory first and only then to stdout
 * (or, encrypted, to --output): a report that fails half-way prints
 * nothing, and the plain report never touches the disk.  A release is
 * checked against the ledger and recorded in one write transaction that
 * commits only once it is written out, so two reports run at once are
 * compared with each other too, and a report that could not be written is
 * not recorded.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/identity.h"
#include "core/records/ledger.h"
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
	const char *to;                 /* --to LABEL: who receives an all-clients report */
	int preview, history;
	int min_group_given;            /* --min-group on the command line */
};

enum { O_CLIENT = 0x100, O_SINCE, O_UNTIL, O_MIN_GROUP, O_QUOTES, O_FORMAT, O_ENCRYPT,
	O_OUTPUT, O_SEED, O_CIPHER, O_TO, O_PREVIEW, O_HISTORY };

static const struct argp_option options[] = {
	{ "client", O_CLIENT, "NAME", 0, "only this client's turndowns (default: all clients)", 0 },
	{ "since", O_SINCE, "DATE", 0, "declined in this month or later (YYYY-MM-DD or YYYY-MM; "
	  "rounded down to the first of the month)", 0 },
	{ "until", O_UNTIL, "DATE", 0, "declined in this month or earlier (rounded up to the end "
	  "of the month)", 0 },
	{ "min-group", O_MIN_GROUP, "K", 0, "smallest group shown (default 5, or the config's [report] min_group; at least 3): fewer "
	  "candidates in scope is refused, smaller counts show as <K", 1 },
	{ "quotes", O_QUOTES, NULL, 0, "add shareable notes, scrubbed of names, e-mail addresses "
	  "and phone numbers (only with notes from at least 2K candidates)", 1 },
	{ "seed", O_SEED, "N", 0, "shuffle the quotes reproducibly", 1 },
	{ "format", O_FORMAT, "FMT", 0, "text (default), markdown, html, csv or json", 2 },
	{ "encrypt-to", O_ENCRYPT, "CERT.pem", 0, "encrypt the report for this X.509 "
	  "certificate (CMS/S-MIME)", 2 },
	{ "output", O_OUTPUT, "FILE", 0, "write the encrypted report to FILE (created, mode 0600) "
	  "instead of stdout", 2 },
	{ "cipher", O_CIPHER, "NAME", 0, "aes-256-gcm (default) or aes-256-cbc, for recipients "
	  "whose tools predate OpenSSL 3", 2 },
	{ "to", O_TO, "LABEL", 0, "who receives an all-clients report (recorded in the ledger; "
	  "a client's report goes to that client)", 3 },
	{ "preview", O_PREVIEW, NULL, 0, "show the report on this terminal without releasing "
	  "it: not recorded, not for sending", 3 },
	{ "history", O_HISTORY, NULL, 0, "list the reports released so far (no candidate data)",
	  3 },
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
		o->min_group_given = 1;
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
			return cmd_usage(state, "unknown format '%.40s' (text, markdown, html, csv "
			    "or json)", arg);
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
	case O_TO:
		if (arg[0] == '\0' || strlen(arg) > TEXT_NAME_MAX)
			return cmd_usage(state, "--to wants a label of 1 to %d bytes", TEXT_NAME_MAX);
		o->to = arg;
		break;
	case O_PREVIEW:
		o->preview = 1;
		break;
	case O_HISTORY:
		o->history = 1;
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
	"widened to whole months.  Every report is a release, recorded in a sealed ledger: "
	"one whose candidates differ by 1 to K-1 from an earlier release its recipient may "
	"hold (the same client's, or any all-clients report) is refused.\v"
	"Examples:\n"
	"  tact report --client 'Acme Health' --since 2026-01 --until 2026-06\n"
	"  tact report --format markdown --quotes --to 'board pack'\n"
	"  tact report --client 'Acme Health' --format html --encrypt-to acme.pem --output acme.p7m\n"
	"  tact report --client 'Acme Health' --preview\n"
	"  tact report --history",
	NULL, NULL, NULL
};

/* Checks the options that depend on each other. */
static int
check_opts(struct cmd_ctx *ctx, struct report_opts *o)
{
	static const char *const names[] = { "text", "markdown", "csv", "json", "html" };
	struct stat st;

	if (o->history)
		return 0;
	if (ctx->json) {
		if (o->format >= 0 && o->format != REPORT_JSON)
			return terr_set(&ctx->err, EX_USAGE, "--json and --format %s disagree",
			    names[o->format]);
		o->format = REPORT_JSON;
	}
	if (o->to != NULL && o->scope.client != NULL)
		return terr_set(&ctx->err, EX_USAGE, "--to names who receives an all-clients "
		    "report; a report on '%.80s' goes to that client", o->scope.client);
	if (o->preview && (o->output != NULL || o->encrypt_to != NULL))
		return terr_set(&ctx->err, EX_USAGE, "--preview is for this terminal only, never "
		    "with --%s (a report that leaves tact is a release)", o->output != NULL ?
		    "output" : "encrypt-to");
	if (o->preview && !isatty(STDOUT_FILENO))
		return terr_set(&ctx->err, EX_USAGE, "--preview writes only to a terminal, not to "
		    "a pipe or a file (a report that leaves tact is a release)");
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

/* [report] min_group of the config file, where --min-group was not given
 * (config_load() has checked it is a number of at least 3). */
static int
config_min_group(struct cmd_ctx *ctx, struct report_opts *o)
{
	const char *k = config_get(&ctx->config, CONF_REPORT_MIN_GROUP);
	long long n;

	if (k == NULL)
		return 0;
	if (cmd_number(k, REPORT_MIN_GROUP_FLOOR, REPORT_MIN_GROUP_MAX, &n) != 0)
		return terr_set(&ctx->err, EX_CONFIG, "[report] min_group '%.40s' is not a number "
		    "from %d to %d", k, REPORT_MIN_GROUP_FLOOR, REPORT_MIN_GROUP_MAX);
	o->scope.min_group = (int)n;
	return 0;
}

/* Checks the options and reads the certificate before the vault is opened
 * (and the passphrase asked for). */
static int
report_prepare(struct cmd_ctx *ctx, void *opts)
{
	struct report_opts *o = opts;

	if (!o->min_group_given && config_min_group(ctx, o) != 0)
		return -1;
	if (check_opts(ctx, o) != 0)
		return -1;
	if (o->encrypt_to != NULL && (o->env = envelope_new(o->encrypt_to, &ctx->err)) == NULL)
		return -1;
	return 0;
}

/* Prints every release, oldest first: when, to whom, what scope; never
 * who was counted. */
static int
report_history(struct cmd_ctx *ctx)
{
	struct release *list = NULL;
	json_t *arr = NULL;
	long long n;
	int rc = -1;

	if ((n = ledger_history(ctx->vault, &list, &ctx->err)) < 0)
		return -1;
	if (ctx->json) {
		if ((arr = json_array()) == NULL)
			goto oom;
		for (long long i = 0; i < n; i++) {
			const struct release *r = &list[i];

			if (json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?, s:o, s:o, "
			    "s:i, s:I, s:I, s:s}", "id", (json_int_t)r->id, "created", r->created,
			    "recipient", r->recipient, "client", r->client_id ? r->recipient : NULL,
			    "since", r->since[0] ? json_string(r->since) : json_null(),
			    "until", r->until[0] ? json_string(r->until) : json_null(),
			    "min_group", r->min_group, "turndowns", (json_int_t)r->turndowns,
			    "candidates", (json_int_t)r->candidates, "format", r->format)) != 0)
				goto oom;
		}
		rc = cmd_print_json(ctx, json_pack("{s:o}", "releases", arr));
		arr = NULL;
		goto out;
	}
	if (n == 0 && printf("no reports released yet\n") < 0)
		goto io;
	for (long long i = 0; i < n; i++) {
		const struct release *r = &list[i];
		char period[48];

		if (r->since[0] && r->until[0])
			snprintf(period, sizeof(period), "%s to %s", r->since, r->until);
		else if (r->since[0] || r->until[0])
			snprintf(period, sizeof(period), "%s %s", r->since[0] ? "from" : "up to",
			    r->since[0] ? r->since : r->until);
		else
			snprintf(period, sizeof(period), "all dates");
		if (printf("#%-4lld %.10s  %-12s %-24s %-24s K %-3d %lld candidates, %s\n", r->id,
		    r->created, r->client_id ? "client" : "all clients to",
		    r->recipient[0] ? r->recipient : "(not named)", period, r->min_group,
		    r->candidates, r->format) < 0)
			goto io;
	}
	if (fflush(stdout) != 0)
		goto io;
	rc = 0;
	goto out;
oom:
	terr_set(&ctx->err, EX_OSERR, "out of memory");
	goto out;
io:
	terr_set(&ctx->err, EX_IOERR, "cannot write the history");
out:
	json_decref(arr);
	free(list);
	return rc;
}

#define PREVIEW_BANNER "*** PREVIEW: not recorded in the ledger, not for sending ***"

/* Shows R on the terminal between two banners, saying whether it could be
 * released as it is. */
static int
preview(struct cmd_ctx *ctx, const char *text, size_t len, const struct terr *verdict)
{
	if (printf("%s\n", PREVIEW_BANNER) < 0 || fwrite(text, 1, len, stdout) != len ||
	    printf("%s\n", PREVIEW_BANNER) < 0 || fflush(stdout) != 0)
		return terr_set(&ctx->err, EX_IOERR, "cannot write the report");
	if (verdict->code != 0)
		cmd_notice("as a release this report would be refused: %s", verdict->msg);
	return 0;
}

static int
report_exec(struct cmd_ctx *ctx, void *opts)
{
	struct report_opts *o = opts;
	struct report *r = NULL;
	struct release rel;
	struct terr verdict = { 0 };
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int rc = -1, began = 0;

	if (o->history)
		return report_history(ctx);
	if (o->scope.client != NULL &&
	    (o->scope.client_id = client_find(ctx->vault, o->scope.client, &ctx->err)) <= 0) {
		if (o->scope.client_id == 0)
			terr_set(&ctx->err, EX_NOINPUT, "no client named '%.80s'", o->scope.client);
		goto out;
	}
	/* Reading, the check and the record in one write transaction: a report
	 * run at the same time waits, and is compared with this one; the
	 * candidate set is written as it is read, and a preview, or a report
	 * refused, rolls it back. */
	if (vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	began = 1;
	if ((r = report_build(ctx->vault, &o->scope, &ctx->err)) == NULL)
		goto out;
	report_release(r, o->scope.client != NULL ? o->scope.client : o->to, o->format, &rel);
	if (report_check(ctx->vault, r, &rel, o->preview ? &verdict : &ctx->err) != 0 &&
	    !o->preview)
		goto out;
	if ((mem = open_memstream(&text, &len)) == NULL) {
		terr_set(&ctx->err, EX_OSERR, "out of memory");
		goto out;
	}
	rc = report_write(r, o->format, mem, &ctx->err);
	if (fclose(mem) != 0 && rc == 0)
		rc = terr_set(&ctx->err, EX_OSERR, "out of memory");
	if (rc != 0)
		goto out;
	if (o->preview) {
		rc = preview(ctx, text, len, &verdict);
		goto out;
	}
	if ((rc = report_record(ctx->vault, r, &rel, &ctx->err)) == 0 &&
	    (rc = emit(ctx, o, text, len)) == 0)
		rc = vault_commit(ctx->vault, &ctx->err);
out:
	if (began && (rc != 0 || o->preview))
		vault_rollback(ctx->vault);
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
