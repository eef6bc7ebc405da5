/*
 * unlock.c - `tact unlock` and `tact lock`: sessions, and how every command
 * unlocks the vault (cmd_unlock).
 *
 * unlock always asks for the passphrase, never an existing session, so a
 * session cannot be stretched forever by someone holding only its token.
 * A session that has ended is not the end of the command: on a terminal
 * tact says so and asks for the passphrase, so that what was typed into
 * `tact log` is not lost; without a terminal it is 77, as before.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/wipe.h"
#include "cmd/cmd.h"

#define TTL_DEFAULT 15
#define PASS_TRIES 3
#define TTL_MAX (24 * 60)

struct unlock_opts {
	struct cmd_ctx *ctx;
	long long ttl;
	int all;
};

static const struct argp_option unlock_options[] = {
	{ "ttl", 't', "MINUTES", 0, "how long the session lasts (default 15, at most 1440)", 0 },
	{ 0 }
};

static const struct argp_option lock_options[] = {
	{ "all", 'a', NULL, 0, "end every session of yours, not only $TACT_SESSION's", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct unlock_opts *o = state->input;

	switch (key) {
	case 't':
		if (cmd_number(arg, 1, TTL_MAX, &o->ttl) != 0)
			return cmd_usage(state, "--ttl wants minutes from 1 to %d, not '%s'",
			    TTL_MAX, arg);
		break;
	case 'a':
		o->all = 1;
		break;
	case ARGP_KEY_ARG:
		return cmd_usage(state, "unexpected argument '%s'", arg);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp unlock_argp = {
	unlock_options, parse, NULL,
	"Verify the passphrase once and start a session.\v"
	"Prints 'export TACT_SESSION=...'; run it as  eval \"$(tact unlock)\"  and later commands "
	"need no passphrase until the session expires or 'tact lock' ends it.  The token is not "
	"the master key: it unwraps a copy kept in a private file under $XDG_RUNTIME_DIR/tact.",
	NULL, NULL, NULL
};

static const struct argp lock_argp = {
	lock_options, parse, NULL,
	"End the session in $TACT_SESSION by destroying its key file; with --all, or when "
	"$TACT_SESSION is not set, end every session of yours.\v"
	"Prints 'unset TACT_SESSION'; run it as  eval \"$(tact lock)\".",
	NULL, NULL, NULL
};

static void
unlock_defaults(void *opts)
{
	struct unlock_opts *o = opts;

	o->ttl = TTL_DEFAULT;
}

static int
unlock_exec(struct cmd_ctx *ctx, void *opts)
{
	const struct unlock_opts o = *(const struct unlock_opts *)opts;
	struct tc_err ce = { 0 };
	char *token;

	token = session_create(ctx->vault->keys, ctx->vault->id, (unsigned)o.ttl, &ce);
	if (token == NULL)
		return terr_crypto(&ctx->err, &ce);
	if (ctx->json)
		cmd_print_json(ctx, json_pack("{s:s, s:I}", "session", token, "ttl_minutes",
		    (json_int_t)o.ttl));
	else
		printf("export TACT_SESSION=%s\n", token);
	wipe_str_free(token);
	/* Printed bare, the token sets nothing: the shell must eval it. */
	if (!ctx->json && isatty(STDOUT_FILENO))
		cmd_notice("to start the session, run it as:  eval \"$(tact unlock)\"");
	return ctx->err.code ? -1 : 0;
}

static int
lock_exec(struct cmd_ctx *ctx, void *opts)
{
	const struct unlock_opts o = *(const struct unlock_opts *)opts;
	struct tc_err ce = { 0 };
	int n;

	if (!o.all && ctx->src.session != NULL && *ctx->src.session != '\0')
		n = session_destroy(ctx->src.session, &ce);
	else
		n = session_destroy_all(&ce);
	if (n < 0)
		return terr_crypto(&ctx->err, &ce);
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:i}", "sessions_ended", n));
	printf("unset TACT_SESSION\n");
	return 0;
}

/* Whether a person can be asked for the passphrase on /dev/tty. */
static int
have_tty(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

int
cmd_unlock(struct cmd_ctx *ctx, struct vault *v, const struct unlock_src *src)
{
	struct unlock_src s = *src;

	if (vault_unlock(v, &s, &ctx->err) == 0)
		return 0;
	if (s.session == NULL || *s.session == '\0' || ctx->err.code != EX_NOPERM ||
	    v->keys != NULL || !have_tty())
		return -1;
	cmd_notice("%s; give the passphrase to go on (and 'eval \"$(tact unlock)\"' for a new "
	    "session)", ctx->err.msg);
	s.session = NULL;
	s.passfile = NULL;
	for (int i = 0; i < PASS_TRIES; i++) {
		terr_clear(&ctx->err);
		if (vault_unlock(v, &s, &ctx->err) == 0)
			return 0;
		if (ctx->err.code != EX_NOPERM || i + 1 == PASS_TRIES)
			break;
		cmd_notice("%s; try again", ctx->err.msg);
	}
	return -1;
}

/* CMD_PASSPHRASE: unlocked by the passphrase, never by $TACT_SESSION. */
const struct cmd_entry cmd_unlock_entry = {
	.name = "unlock",
	.summary = "start a session so later commands need no passphrase",
	.argp = &unlock_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY | CMD_PASSPHRASE,
	.opts_size = CMD_OPTS(struct unlock_opts),
	.defaults = unlock_defaults,
	.exec = unlock_exec,
};

/* No flags: ending a session needs neither the vault nor a key. */
const struct cmd_entry cmd_lock_entry = {
	.name = "lock",
	.summary = "end the session (or every session)",
	.argp = &lock_argp,
	.opts_size = CMD_OPTS(struct unlock_opts),
	.exec = lock_exec,
};
