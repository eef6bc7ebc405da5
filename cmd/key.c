/*
 * key.c - `tact key add|passwd|remove|list`: the vault's key slots.
 *
 * Every slot wraps the same master key under its own passphrase, so adding
 * or changing one never touches the data.  Changing slots always asks for a
 * passphrase that opens a slot, never a session token: a borrowed session
 * must not be enough to plant a passphrase of one's own.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"

struct key_opts {
	struct cmd_ctx *ctx;
	enum tc_kdf kdf;
	const char *newfile;
	long long slot;
	int kdf_set;
};

static const struct argp_option add_options[] = {
	{ "new-passphrase-file", 'n', "FILE", 0, "read the new passphrase from FILE's first line "
	  "(default: ask twice on the terminal)", 0 },
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost of the slot: interactive (default), moderate or "
	  "sensitive", 0 },
	{ 0 }
};

static const struct argp_option passwd_options[] = {
	{ "new-passphrase-file", 'n', "FILE", 0, "read the new passphrase from FILE's first line "
	  "(default: ask twice on the terminal)", 0 },
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost: interactive, moderate or sensitive (default: "
	  "the slot's current one)", 0 },
	{ "slot", 's', "N", 0, "the slot to change (default: the one the passphrase opens)", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct key_opts *o = state->input;

	switch (key) {
	case 'n':
		o->newfile = arg;
		break;
	case 'k':
		if (tc_kdf_parse(arg, &o->kdf) != 0)
			return cmd_usage(state, "unknown --kdf '%s' (interactive, moderate or "
			    "sensitive)", arg);
		o->kdf_set = 1;
		break;
	case 's':
		if (cmd_number(arg, 1, 1000000, &o->slot) != 0)
			return cmd_usage(state, "--slot wants a slot number, not '%s'", arg);
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

/* `key remove SLOT`: the one argument is the slot. */
static error_t
parse_remove(int key, char *arg, struct argp_state *state)
{
	struct key_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_ARG:
		if (o->slot == 0 && cmd_number(arg, 1, 1000000, &o->slot) == 0)
			break;
		return cmd_usage(state, "unexpected argument '%s'", arg);
	case ARGP_KEY_END:
		if (o->slot == 0)
			return cmd_usage(state, "key remove: which slot? (see 'tact key list')");
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp add_argp = {
	add_options, parse, NULL,
	"Add a key slot: a further passphrase that opens the same vault.\v"
	"The current passphrase (--passphrase-file or the terminal) must open a slot first.",
	NULL, NULL, NULL
};
static const struct argp passwd_argp = {
	passwd_options, parse, NULL,
	"Change a key slot's passphrase.  Only the master key is re-wrapped; the data is not "
	"touched.", NULL, NULL, NULL
};
static const struct argp remove_argp = {
	NULL, parse_remove, "SLOT",
	"Remove a key slot, so its passphrase no longer opens the vault.  The last slot cannot be "
	"removed.", NULL, NULL, NULL
};
static const struct argp list_argp = {
	NULL, parse, NULL,
	"List the key slots with their key-derivation settings and creation dates (never any key "
	"material).", NULL, NULL, NULL
};
static const struct argp key_argp = {
	NULL, NULL, NULL,
	"Add, change, remove or list the vault's key slots.\v"
	"Every slot wraps the same master key under its own passphrase.  add, passwd and remove "
	"want a passphrase that opens a slot (--passphrase-file or the terminal), never "
	"$TACT_SESSION.", NULL, NULL, NULL
};

static struct secret *
new_passphrase(struct cmd_ctx *ctx, const struct key_opts *o)
{
	struct unlock_src src = { NULL, o->newfile };

	if (o->newfile == NULL && !cmd_interactive()) {
		terr_set(&ctx->err, EX_USAGE, "no new passphrase: give --new-passphrase-file FILE "
		    "or run on a terminal");
		return NULL;
	}
	return vault_ask_passphrase(&src, "New passphrase: ", 1, &ctx->err);
}

static int
key_add(struct cmd_ctx *ctx, void *opts)
{
	struct key_opts *o = opts;
	struct secret *pass;
	long long id;

	if ((pass = new_passphrase(ctx, o)) == NULL)
		return -1;
	if (vault_begin(ctx->vault, &ctx->err) != 0) {
		secret_free(pass);
		return -1;
	}
	id = vault_slot_add(ctx->vault, pass, o->kdf, &ctx->err);
	secret_free(pass);
	if (id < 0 || vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I}", "slot", (json_int_t)id));
	printf("added key slot %lld\n", id);
	return 0;
}

/* Sets *KDF to slot ID's current level, so changing a passphrase never
 * weakens the slot by accident. */
static void
keep_level(struct cmd_ctx *ctx, long long id, enum tc_kdf *kdf)
{
	struct slot_info *s;
	struct terr e = { 0 };
	int n = vault_slot_list(ctx->vault, &s, &e);

	for (int i = 0; i < n; i++)
		if (s[i].id == id)
			tc_kdf_parse(tc_kdf_name(s[i].opslimit, s[i].memlimit), kdf);
	if (n >= 0)
		free(s);
}

static int
key_passwd(struct cmd_ctx *ctx, void *opts)
{
	struct key_opts *o = opts;
	struct secret *pass;
	long long id;
	int rc;

	if ((pass = new_passphrase(ctx, o)) == NULL)
		return -1;
	id = o->slot ? o->slot : ctx->vault->slot_opened;
	if (!o->kdf_set)
		keep_level(ctx, id, &o->kdf);
	rc = vault_begin(ctx->vault, &ctx->err);
	if (rc == 0)
		rc = vault_slot_rewrap(ctx->vault, id, pass, o->kdf, &ctx->err);
	secret_free(pass);
	if (rc != 0 || vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I}", "slot", (json_int_t)id));
	printf("changed the passphrase of key slot %lld\n", id);
	return 0;
}

static int
key_remove(struct cmd_ctx *ctx, void *opts)
{
	struct key_opts *o = opts;

	if (vault_begin(ctx->vault, &ctx->err) != 0)
		return -1;
	if (vault_slot_remove(ctx->vault, o->slot, &ctx->err) != 0 ||
	    vault_commit(ctx->vault, &ctx->err) != 0) {
		vault_rollback(ctx->vault);
		return -1;
	}
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I}", "removed", (json_int_t)o->slot));
	printf("removed key slot %lld\n", o->slot);
	return 0;
}

static int
key_list(struct cmd_ctx *ctx, void *opts)
{
	struct slot_info *s;
	json_t *arr;
	int n, i;

	(void)opts;
	if ((n = vault_slot_list(ctx->vault, &s, &ctx->err)) < 0)
		return -1;
	if (ctx->json) {
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:I, s:I}",
			    "slot", (json_int_t)s[i].id, "created", s[i].created,
			    "kdf", "argon2id", "level", tc_kdf_name(s[i].opslimit, s[i].memlimit),
			    "opslimit", (json_int_t)s[i].opslimit,
			    "memlimit", (json_int_t)s[i].memlimit));
		free(s);
		return cmd_print_json(ctx, arr);
	}
	printf("%-5s %-21s %-9s %-12s %s\n", "SLOT", "CREATED", "KDF", "LEVEL", "LIMITS");
	for (i = 0; i < n; i++)
		printf("%-5lld %-21s %-9s %-12s ops=%llu mem=%zuMiB\n", s[i].id, s[i].created,
		    "argon2id", tc_kdf_name(s[i].opslimit, s[i].memlimit), s[i].opslimit,
		    s[i].memlimit >> 20);
	free(s);
	return 0;
}

static void
key_defaults(void *opts)
{
	struct key_opts *o = opts;

	o->kdf = TC_KDF_INTERACTIVE;
}

/* Changing slots: CMD_PASSPHRASE, so a session token is never enough. */
#define KEY_CHANGE (CMD_NEEDS_VAULT | CMD_NEEDS_KEY | CMD_PASSPHRASE)

static const struct cmd_entry key_add_entry = {
	.name = "add",
	.summary = "add a key slot with a new passphrase",
	.argp = &add_argp,
	.flags = KEY_CHANGE,
	.opts_size = CMD_OPTS(struct key_opts),
	.defaults = key_defaults,
	.exec = key_add,
};

static const struct cmd_entry key_passwd_entry = {
	.name = "passwd",
	.summary = "change a key slot's passphrase",
	.argp = &passwd_argp,
	.flags = KEY_CHANGE,
	.opts_size = CMD_OPTS(struct key_opts),
	.defaults = key_defaults,
	.exec = key_passwd,
};

static const struct cmd_entry key_remove_entry = {
	.name = "remove",
	.summary = "remove a key slot",
	.argp = &remove_argp,
	.flags = KEY_CHANGE,
	.opts_size = CMD_OPTS(struct key_opts),
	.exec = key_remove,
};

/* Reading the slots needs the vault open, not unlocked. */
static const struct cmd_entry key_list_entry = {
	.name = "list",
	.summary = "list the key slots",
	.argp = &list_argp,
	.flags = CMD_NEEDS_VAULT,
	.opts_size = CMD_OPTS(struct key_opts),
	.exec = key_list,
};

static const struct cmd_entry *const key_subs[] = {
	&key_add_entry, &key_passwd_entry, &key_remove_entry, &key_list_entry, NULL
};

const struct cmd_entry cmd_key_entry = {
	.name = "key",
	.summary = "add, change, remove or list key slots",
	.argp = &key_argp,
	.subs = key_subs,
};
