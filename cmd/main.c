/*
 * main.c - tact's entry point: global options, the command table, and the
 * one place where errors are printed and mapped to exit codes.
 *
 * Global options are parsed with ARGP_IN_ORDER and parsing stops at the
 * command name; the command then parses the rest with its own argp, so each
 * has a real --help.  The table's flags say what a command needs (an open
 * vault, an unlocked one), and cmd_ready() (cmd.c) does that setup for all
 * of them.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"

const char *argp_program_version = "tact 0.1.0";
const char *argp_program_bug_address = NULL;

static const struct cmd_entry commands[] = {
	{ "init", "create a vault and its first key slot", 0, cmd_init_exec },
	{ "unlock", "start a session so later commands need no passphrase",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_unlock_exec },
	{ "lock", "end the session (or every session)", 0, cmd_lock_exec },
	{ "key", "add, change, remove or list key slots", CMD_NEEDS_VAULT, cmd_key_exec },
	{ "log", "record a turndown", CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_log_exec },
	{ "import", "record many turndowns from JSON Lines, all or nothing",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_import_exec },
	{ "list", "one line per turndown", CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_list_exec },
	{ "show", "one turndown; the confidential part only with --confidential",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_show_exec },
	{ "forget", "erase a candidate and every turndown of theirs",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_forget_exec },
	{ "categories", "the reason categories with one-line descriptions", 0,
	  cmd_categories_exec },
	{ "debrief", "a call script that lets the client see what went wrong, without "
	  "breaching a confidence", CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_debrief_exec },
	{ "report", "anonymized feedback report: why candidates decline, in aggregate",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_report_exec },
	{ "decline", "the call script for delivering a decline to the hiring manager",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_decline_exec },
	{ "notes", "thank-you note drafts for everyone the candidate met, and the client",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_notes_exec },
	{ "followup", "stay-in-touch tasks: list, plan, done, skip, export to a calendar",
	  CMD_NEEDS_VAULT | CMD_NEEDS_KEY, cmd_followup_exec },
};
static const size_t ncommands = sizeof(commands) / sizeof(commands[0]);

struct global {
	struct cmd_ctx *ctx;
	const char *vault;
	const char *passfile;
	int bad;                        /* argv index just past a bad option */
};

enum { OPT_VAULT = 0x100, OPT_PASSFILE, OPT_JSON, OPT_USAGE, OPT_VERSION };

static const struct argp_option global_options[] = {
	{ "vault", OPT_VAULT, "PATH", 0, "vault file (default $TACT_VAULT, else "
	  "$XDG_DATA_HOME/tact/vault.db)", 0 },
	{ "passphrase-file", OPT_PASSFILE, "FILE", 0, "read the passphrase from FILE's first line "
	  "(default $TACT_PASSPHRASE_FILE)", 0 },
	{ "json", OPT_JSON, NULL, 0, "machine output: one JSON document on stdout", 0 },
	{ "help", '?', NULL, 0, "give this help list", -1 },
	{ "usage", OPT_USAGE, NULL, 0, "give a short usage message", -1 },
	{ "version", OPT_VERSION, NULL, 0, "print the program version", -1 },
	{ 0 }
};

static const struct argp global_argp;

static error_t
global_parse(int key, char *arg, struct argp_state *state)
{
	struct global *g = state->input;

	switch (key) {
	case '?':
	case OPT_USAGE:
		argp_help(&global_argp, stdout, key == '?' ? ARGP_HELP_STD_HELP :
		    ARGP_HELP_USAGE, (char *)"tact");
		g->ctx->done = 1;
		return EINVAL;
	case OPT_VERSION:
		printf("%s\n", argp_program_version);
		g->ctx->done = 1;
		return EINVAL;
	case ARGP_KEY_ERROR:
		g->bad = state->next;
		break;
	case OPT_VAULT:
		g->vault = arg;
		break;
	case OPT_PASSFILE:
		g->passfile = arg;
		break;
	case OPT_JSON:
		g->ctx->json = 1;
		break;
	case ARGP_KEY_NO_ARGS:
		return cmd_usage(state, "no command given (see 'tact --help')");
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static char *
global_help(int key, const char *text, void *input)
{
	char *buf = NULL;
	size_t len = 0, i;
	FILE *f;

	(void)input;
	if (key != ARGP_KEY_HELP_POST_DOC)
		return (char *)text;
	if ((f = open_memstream(&buf, &len)) == NULL)
		return (char *)text;
	fputs("Commands:\n", f);
	for (i = 0; i < ncommands; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'tact COMMAND --help' for a command's options.  Exit codes: 0 ok, 64 usage, "
	    "65 bad data or integrity failure, 66 not found, 73 cannot create, 74 I/O error, "
	    "77 wrong passphrase, locked or session expired.", f);
	fclose(f);
	return buf;
}

static const struct argp global_argp = {
	global_options, global_parse, "COMMAND [OPTION...]",
	"tact -- record why candidates turn offers down, encrypted, and turn it into "
	"debrief scripts and anonymized reports.\v", NULL, global_help, NULL
};

static const struct cmd_entry *
find_command(const char *name)
{
	for (size_t i = 0; i < ncommands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	struct cmd_ctx ctx;
	struct global g = { &ctx, NULL, NULL, 0 };
	char *vault_path = NULL, *name = NULL;
	int first = 0, rc = 0;

	memset(&ctx, 0, sizeof(ctx));
	umask(077);
	if (tc_init(&ctx.err) != 0)
		goto out;
	if (argp_parse(&global_argp, argc, argv, ARGP_IN_ORDER | ARGP_NO_ERRS | ARGP_NO_HELP,
	    &first, &g) != 0) {
		if (!ctx.done && g.bad > 0 && g.bad <= argc)
			terr_set(&ctx.err, EX_USAGE, "unknown option or missing value '%s' "
			    "(see 'tact --help')", argv[g.bad - 1]);
		else if (!ctx.done)
			terr_set(&ctx.err, EX_USAGE, "bad arguments (see 'tact --help')");
		goto out;
	}
	if (first >= argc) {
		terr_set(&ctx.err, EX_USAGE, "no command given (see 'tact --help')");
		goto out;
	}
	if ((ctx.cmd = find_command(argv[first])) == NULL) {
		terr_set(&ctx.err, EX_USAGE, "unknown command '%s' (see 'tact --help')", argv[first]);
		goto out;
	}
	if (g.vault != NULL)
		vault_path = strdup(g.vault);
	else
		vault_path = vault_default_path();
	if (vault_path == NULL || *vault_path == '\0') {
		terr_set(&ctx.err, EX_USAGE, "no vault path");
		goto out;
	}
	ctx.vault_path = vault_path;
	ctx.src.session = getenv("TACT_SESSION");
	ctx.src.passfile = g.passfile != NULL ? g.passfile : getenv("TACT_PASSPHRASE_FILE");
	if (asprintf(&name, "tact %s", ctx.cmd->name) < 0) {
		name = NULL;
		terr_set(&ctx.err, EX_OSERR, "out of memory");
		goto out;
	}
	argv[first] = name;
	if (ctx.cmd->exec(&ctx, argc - first, argv + first) != 0 && ctx.err.code == 0 &&
	    !ctx.done)
		terr_set(&ctx.err, EX_SOFTWARE, "%s failed", ctx.cmd->name);
	if (fflush(stdout) != 0 && ctx.err.code == 0)
		terr_set(&ctx.err, EX_IOERR, "cannot write output");
out:
	if (ctx.err.code != 0) {
		fprintf(stderr, "tact: %s\n", ctx.err.msg);
		rc = ctx.err.code;
	}
	vault_close(ctx.vault);
	free(vault_path);
	free(name);
	return rc;
}
