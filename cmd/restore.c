/*
 * restore.c - `tact restore FILE [--yes]`: put a backup in place of the
 * vault.  FILE must be a vault the current passphrase (or session) opens
 * and that passes verify; it is copied next to the vault (SQLite's backup
 * API again, so FILE itself is never changed), the old vault is kept as
 * vault.db.before-restore, and the copy is renamed into place: at every
 * moment the vault's path holds one whole vault (core/store/backup.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records/verify.h"
#include "cmd/cmd.h"
#include "cmd/input.h"

struct restore_opts {
	struct cmd_ctx *ctx;
	const char *file;
	int yes;
};

static const struct argp_option options[] = {
	{ "yes", 'y', NULL, 0, "do not ask for confirmation (required off a terminal)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct restore_opts *o = state->input;

	switch (key) {
	case 'y':
		o->yes = 1;
		return 0;
	case ARGP_KEY_ARG:
		if (o->file != NULL)
			return cmd_usage(state, "restore takes one FILE");
		o->file = arg;
		return 0;
	case ARGP_KEY_END:
		if (o->file == NULL)
			return cmd_usage(state, "restore: which backup FILE?");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp argp = {
	options, parse, "FILE",
	"Put the backup FILE in place of the vault; the old vault is kept as "
	"vault.db.before-restore.\v"
	"FILE must open with the current passphrase (or session) and pass 'tact verify'; it is "
	"not changed.  The swap is atomic: the vault's path always holds one whole vault.  Close "
	"other tact commands first.\n\n"
	"Example:  tact restore ~/backups/tact-2026-11-30.db",
	NULL, NULL, NULL
};

/* Makes the folders above PATH (0700) where missing. */
static int
make_parents(struct cmd_ctx *ctx, const char *path)
{
	char *dir = strdup(path), *p;

	if (dir == NULL)
		return terr_set(&ctx->err, EX_OSERR, "out of memory");
	for (p = strchr(dir + 1, '/'); p != NULL; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			terr_set(&ctx->err, EX_CANTCREAT, "cannot create folder '%s': %s", dir,
			    strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* Opens FILE, unlocks it as the current vault would be, and verifies it. */
static struct vault *
open_checked(struct cmd_ctx *ctx, const char *file)
{
	struct verify_counts c;
	struct vault *v;
	long long bad;

	if ((v = vault_open_readonly(file, &ctx->err)) == NULL)
		return NULL;
	if (cmd_unlock(ctx, v, &ctx->src) != 0)
		goto fail;
	if ((bad = vault_verify(v, NULL, NULL, &c, &ctx->err)) < 0)
		goto fail;
	if (bad > 0) {
		terr_set(&ctx->err, EX_DATAERR, "'%s' has %lld damaged record%s or problem%s (see "
		    "'tact --vault %s verify'): not restored", file, bad, bad == 1 ? "" : "s",
		    bad == 1 ? "" : "s", file);
		goto fail;
	}
	return v;
fail:
	vault_close(v);
	return NULL;
}

static int
restore_exec(struct cmd_ctx *ctx, void *opts)
{
	struct restore_opts *o = opts;
	const char *path = ctx->vault_path;
	char tmp[4200], hex[17], question[4400];
	unsigned char rnd[8];
	struct stat a, b;
	struct vault *v;
	int had, rc = -1;

	if (stat(o->file, &a) == 0 && stat(path, &b) == 0 && a.st_ino == b.st_ino &&
	    a.st_dev == b.st_dev)
		return terr_set(&ctx->err, EX_USAGE, "'%s' is the vault itself", o->file);
	if ((v = open_checked(ctx, o->file)) == NULL)
		return -1;
	if (!o->yes) {
		if (!cmd_interactive()) {
			terr_set(&ctx->err, EX_USAGE, "not restoring without confirmation: add --yes");
			goto out;
		}
		snprintf(question, sizeof(question), "Put '%s' in place of the vault '%s' (the old "
		    "one is kept as '%s.before-restore')? [y/N] ", o->file, path, path);
		if (!input_confirm(question)) {
			terr_set(&ctx->err, EX_USAGE, "nothing restored");
			goto out;
		}
	}
	tc_random(rnd, sizeof(rnd));
	tc_hex(hex, sizeof(hex), rnd, sizeof(rnd));
	if (snprintf(tmp, sizeof(tmp), "%s.restore-%s", path, hex) >= (int)sizeof(tmp)) {
		terr_set(&ctx->err, EX_USAGE, "vault path too long");
		goto out;
	}
	if (make_parents(ctx, path) != 0 || vault_backup_to(v, tmp, &ctx->err) != 0)
		goto out;
	vault_close(v);
	v = NULL;
	had = lstat(path, &b) == 0;
	if (vault_swap_in(path, tmp, &ctx->err) != 0) {
		unlink(tmp);
		goto out;
	}
	if (ctx->json)
		rc = cmd_print_json(ctx, had ? json_pack("{s:s, s:s, s:s+}", "restored", o->file,
		    "vault", path, "kept", path, ".before-restore") : json_pack("{s:s, s:s, s:n}",
		    "restored", o->file, "vault", path, "kept"));
	else if (had)
		rc = printf("restored %s into %s (the old vault is %s.before-restore)\n", o->file,
		    path, path) < 0 ? -1 : 0;
	else
		rc = printf("restored %s into %s\n", o->file, path) < 0 ? -1 : 0;
out:
	vault_close(v);
	return rc;
}

/* No flags: the vault in place may be damaged or gone; FILE is what must open. */
const struct cmd_entry cmd_restore_entry = {
	.name = "restore",
	.summary = "put a backup in place of the vault (the old one is kept)",
	.argp = &argp,
	.opts_size = CMD_OPTS(struct restore_opts),
	.exec = restore_exec,
};
