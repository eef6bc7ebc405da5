/*
 * backup.c - `tact backup FILE`: a consistent copy of the vault, made with
 * SQLite's online backup API while other tact processes may go on writing
 * (core/store/backup.c), into a new 0600 file that is never an existing
 * file or a link.  The copy is the vault: the same key slots open it, and
 * it is as secret as the vault.  No passphrase is needed to make one, so a
 * backup can run from cron.
 */
#include <stdio.h>
#include <sys/stat.h>

#include "cmd/cmd.h"

struct backup_opts {
	struct cmd_ctx *ctx;
	const char *file;
};

static const struct argp_option options[] = {
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct backup_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (o->file != NULL)
			return cmd_usage(state, "backup takes one FILE");
		o->file = arg;
		return 0;
	case ARGP_KEY_END:
		if (o->file == NULL)
			return cmd_usage(state, "backup: to which FILE? (a new file)");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, "FILE",
	"Write a consistent copy of the vault to FILE, a new file (mode 0600; an existing file or "
	"a link is refused).\v"
	"The copy is taken while other tact commands may be writing, holds the last committed "
	"state, and opens with the same passphrases: it is as secret as the vault.  Put it back "
	"with 'tact restore FILE'.\n\n"
	"Example:  tact backup ~/backups/tact-$(date +%F).db",
	NULL, NULL, NULL
};

static int
backup_exec(struct cmd_ctx *ctx, void *opts)
{
	struct backup_opts *o = opts;
	struct vault *copy;
	struct stat st;
	int problems;

	if (vault_backup_to(ctx->vault, o->file, &ctx->err) != 0)
		return -1;
	/* Read it back: the copy must open as a vault and pass SQLite's check. */
	if ((copy = vault_open_readonly(o->file, &ctx->err)) == NULL)
		return -1;
	problems = vault_integrity(copy, NULL, NULL, &ctx->err);
	vault_close(copy);
	if (problems != 0)
		return problems < 0 ? -1 : terr_set(&ctx->err, EX_IOERR, "the backup '%s' failed "
		    "its integrity check: make another", o->file);
	if (stat(o->file, &st) != 0)
		st.st_size = 0;
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:s, s:I}", "backup", o->file, "bytes",
		    (json_int_t)st.st_size));
	return printf("backed up the vault to %s (%lld bytes)\n", o->file,
	    (long long)st.st_size) < 0 ? -1 : 0;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.summary = "write a consistent copy of the vault to a new file",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_READONLY,
	.opts_size = CMD_OPTS(struct backup_opts),
	.exec = backup_exec,
};
