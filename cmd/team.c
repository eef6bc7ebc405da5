/*
 * team.c - `tact team`: a firm's shared vault on PostgreSQL (SPEC section
 * 10).  init makes one with its first admin; invite, join, list and remove
 * manage its members; transfer hands a candidate to another member.  The
 * work is core/records/team.c; this file parses and prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/team.h"
#include "cmd/cmd.h"

struct team_opts {
	struct cmd_ctx *ctx;
	const char *name;
	const char *arg1, *arg2;
	enum tc_kdf kdf;
	int nargs;
};

static const struct argp_option init_options[] = {
	{ "name", 'n', "NAME", 0, "your member name (a-z, 0-9, _; default: your login name)", 0 },
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost of your passphrase: interactive (default), "
	  "moderate or sensitive", 0 },
	{ 0 }
};

static const struct argp_option join_options[] = {
	{ "kdf", 'k', "LEVEL", 0, "Argon2id cost of your passphrase: interactive (default), "
	  "moderate or sensitive", 0 },
	{ 0 }
};

/* Takes up to MAX positional arguments, requiring MIN. */
static error_t
parse_args(int key, char *arg, struct argp_state *state, int min, int max)
{
	struct team_opts *o = state->input;

	switch (key) {
	case 'n':
		o->name = arg;
		return 0;
	case 'k':
		if (tc_kdf_parse(arg, &o->kdf) != 0)
			return cmd_usage(state, "unknown --kdf '%s' (interactive, moderate or "
			    "sensitive)", arg);
		return 0;
	case ARGP_KEY_ARG:
		if (o->nargs >= max)
			return cmd_usage(state, "too many arguments");
		if (o->nargs++ == 0)
			o->arg1 = arg;
		else
			o->arg2 = arg;
		return 0;
	case ARGP_KEY_END:
		if (o->nargs < min)
			return cmd_usage(state, "missing argument (see --help)");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static error_t parse0(int k, char *a, struct argp_state *s) { return parse_args(k, a, s, 0, 0); }
static error_t parse1(int k, char *a, struct argp_state *s) { return parse_args(k, a, s, 1, 1); }
static error_t parse12(int k, char *a, struct argp_state *s) { return parse_args(k, a, s, 1, 2); }
static error_t parse2(int k, char *a, struct argp_state *s) { return parse_args(k, a, s, 2, 2); }

static void
team_defaults(void *opts)
{
	((struct team_opts *)opts)->kdf = TC_KDF_INTERACTIVE;
}

/* Prints where the member connects from now on. */
static int
print_member(struct cmd_ctx *ctx, const char *what, const char *url)
{
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:s, s:s}", "done", what, "url", url));
	printf("%s\nyour vault from now on: %s\n(for example: export TACT_VAULT='%s')\n", what, url,
	    url);
	return 0;
}

/* ---- init ----------------------------------------------------------------- */

static const struct argp init_argp = {
	init_options, parse0, NULL,
	"Make the PostgreSQL database of --vault (a URL of a role that owns the database and may "
	"create roles) a firm's shared vault, with you as its first member and admin.\v"
	"Your passphrase comes from --passphrase-file, else it is asked twice.  A database role "
	"of your own, tact_DATABASE_NAME, is made with a random password kept in "
	"$XDG_CONFIG_HOME/tact/pgpass (0600); tact prints the URL to use from then on.\n\n"
	"Example:  tact --vault postgresql://dba@db.example/firm team init --name ana",
	NULL, NULL, NULL
};

static int
init_exec(struct cmd_ctx *ctx, void *opts)
{
	struct team_opts *o = opts;
	const char *name = o->name != NULL ? o->name : getenv("USER");
	char *url = NULL, what[160];
	int rc;

	if (name == NULL || *name == '\0')
		return terr_set(&ctx->err, EX_USAGE, "give your member name with --name");
	ctx->vault = team_init(ctx->vault_path, name, &ctx->src, o->kdf, &url, &ctx->err);
	if (ctx->vault == NULL)
		return -1;
	snprintf(what, sizeof(what), "made a firm vault with member '%s' (admin)", name);
	rc = print_member(ctx, what, url);
	free(url);
	return rc;
}

static const struct cmd_entry init_entry = {
	.name = "init",
	.summary = "make a PostgreSQL database a firm's shared vault, you its first admin",
	.argp = &init_argp,
	.opts_size = CMD_OPTS(struct team_opts),
	.defaults = team_defaults,
	.exec = init_exec,
};

/* ---- invite --------------------------------------------------------------- */

static const struct argp invite_argp = {
	NULL, parse1, "NAME",
	"Invite NAME to the firm (admins only): makes their database role and prints a one-time "
	"code, NAME-SECRET, to hand to them privately.\v"
	"The code is not stored: it gives the role's first password and opens the firm key for "
	"NAME once, with `tact team join URL CODE`.\n\n"
	"Example:  tact team invite bo",
	NULL, NULL, NULL
};

static int
invite_exec(struct cmd_ctx *ctx, void *opts)
{
	struct team_opts *o = opts;
	char code[TEAM_CODE_MAX];
	int rc = 0;

	if (team_invite(ctx->vault, o->arg1, code, &ctx->err) != 0)
		return -1;
	if (ctx->json)
		rc = cmd_print_json(ctx, json_pack("{s:s, s:s}", "member", o->arg1, "code", code));
	else
		printf("invited '%s'; their one-time code (hand it over privately):\n%s\n", o->arg1,
		    code);
	wipe(code, sizeof(code));
	return rc;
}

static const struct cmd_entry invite_entry = {
	.name = "invite",
	.summary = "invite a member: their database role and a one-time code",
	.argp = &invite_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct team_opts),
	.exec = invite_exec,
};

/* ---- join ----------------------------------------------------------------- */

static const struct argp join_argp = {
	join_options, parse12, "URL [CODE]",
	"Join the firm vault at URL with the one-time CODE an admin gave you, and choose your "
	"passphrase.\v"
	"Without CODE it is asked on the terminal: a code on the command line can be read by "
	"other users (ps) and stays in the shell's history, and tact warns once.  Your database "
	"password is changed to a random one kept in $XDG_CONFIG_HOME/tact/pgpass (0600).  A used "
	"or unknown code exits 77.\n\n"
	"Example:  tact team join postgresql://db.example/firm",
	NULL, NULL, NULL
};

static int
join_exec(struct cmd_ctx *ctx, void *opts)
{
	struct team_opts *o = opts;
	struct secret *asked = NULL;
	struct tc_err ce = { 0 };
	const char *code = o->arg2;
	char *url = NULL, what[160];
	int rc;

	if (code != NULL) {
		cmd_notice("warning: an invitation code on the command line can be read by other "
		    "users (ps) and stays in your shell's history; leave it out to be asked");
	} else {
		if ((asked = secret_from_tty("Invitation code: ", 0, &ce)) == NULL)
			return terr_crypto(&ctx->err, &ce);
		code = secret_str(asked);
	}
	ctx->vault = team_join(o->arg1, code, &ctx->src, o->kdf, &url, &ctx->err);
	secret_free(asked);
	if (ctx->vault == NULL)
		return -1;
	snprintf(what, sizeof(what), "joined the firm vault");
	rc = print_member(ctx, what, url);
	free(url);
	return rc;
}

static const struct cmd_entry join_entry = {
	.name = "join",
	.summary = "join a firm vault with a one-time code",
	.argp = &join_argp,
	.opts_size = CMD_OPTS(struct team_opts),
	.defaults = team_defaults,
	.exec = join_exec,
};

/* ---- list ----------------------------------------------------------------- */

static const struct argp list_argp = {
	NULL, parse0, NULL,
	"The firm's members: name, admin, state (invited or active), candidates owned, and "
	"when they joined.\v"
	"Example:  tact team list",
	NULL, NULL, NULL
};

static int
list_exec(struct cmd_ctx *ctx, void *opts)
{
	struct member_row *m;
	json_t *arr;
	int n;

	(void)opts;
	if ((n = team_list(ctx->vault, &m, &ctx->err)) < 0)
		return -1;
	if (ctx->json) {
		if ((arr = json_array()) == NULL) {
			free(m);
			return terr_set(&ctx->err, EX_OSERR, "out of memory");
		}
		for (int i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:b, s:s, s:I, s:s?}", "name",
			    m[i].name, "admin", m[i].admin, "state", m[i].state == MEMBER_ACTIVE ?
			    "active" : "invited", "candidates", (json_int_t)m[i].owned, "joined",
			    m[i].joined[0] ? m[i].joined : NULL));
		free(m);
		return cmd_print_json(ctx, arr);
	}
	printf("%-20s %-5s %-7s %10s  %s\n", "NAME", "ADMIN", "STATE", "CANDIDATES", "JOINED");
	for (int i = 0; i < n; i++)
		printf("%-20s %-5s %-7s %10lld  %s\n", m[i].name, m[i].admin ? "yes" : "no",
		    m[i].state == MEMBER_ACTIVE ? "active" : "invited", m[i].owned,
		    m[i].joined[0] ? m[i].joined : "-");
	free(m);
	return 0;
}

static const struct cmd_entry list_entry = {
	.name = "list",
	.summary = "the firm's members",
	.argp = &list_argp,
	.flags = CMD_NEEDS_VAULT,
	.opts_size = CMD_OPTS(struct team_opts),
	.exec = list_exec,
};

/* ---- remove --------------------------------------------------------------- */

static const struct argp remove_argp = {
	NULL, parse1, "NAME",
	"Remove NAME from the firm (admins only) and rotate the firm key.\v"
	"NAME must own no candidate (they hand theirs over first with `tact team transfer`).  "
	"Their database role is dropped, pending invitations are cancelled (they wrap the old "
	"firm key: invite again), and in the same transaction a new firm key is sealed to every "
	"remaining member and everything under the old one is sealed again: candidates' shared "
	"keys and names, signals, shareable notes, clients' names, the report ledger, and every "
	"blind index.  A copy of the old firm key then opens nothing.\n\n"
	"Example:  tact team remove bo",
	NULL, NULL, NULL
};

static int
remove_exec(struct cmd_ctx *ctx, void *opts)
{
	struct team_opts *o = opts;
	int cancelled;

	if (team_remove(ctx->vault, o->arg1, &cancelled, &ctx->err) != 0)
		return -1;
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:s, s:i, s:b}", "removed", o->arg1,
		    "invitations_cancelled", cancelled, "rotated", 1));
	printf("removed '%s'; the firm key is rotated", o->arg1);
	if (cancelled > 0)
		printf(" (%d pending invitation%s cancelled: invite again)", cancelled,
		    cancelled == 1 ? "" : "s");
	printf("\n");
	return 0;
}

static const struct cmd_entry remove_entry = {
	.name = "remove",
	.summary = "remove a member and rotate the firm key",
	.argp = &remove_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct team_opts),
	.exec = remove_exec,
};

/* ---- transfer ------------------------------------------------------------- */

static const struct argp transfer_argp = {
	NULL, parse2, "CANDIDATE MEMBER",
	"Hand CANDIDATE (#ID or a name) of yours to MEMBER: their private key, which opens the "
	"people met, follow-up notes and confidential notes, is sealed to MEMBER instead.\v"
	"Only the owner can hand a candidate over.  The private key itself is not changed, so "
	"what you could read before stays readable to you if you kept a copy of it.\n\n"
	"Example:  tact team transfer '#12' bo",
	NULL, NULL, NULL
};

static int
transfer_exec(struct cmd_ctx *ctx, void *opts)
{
	struct team_opts *o = opts;
	long long id;

	if (team_transfer(ctx->vault, o->arg1, o->arg2, &id, &ctx->err) != 0)
		return -1;
	if (ctx->json)
		return cmd_print_json(ctx, json_pack("{s:I, s:s}", "candidate", (json_int_t)id,
		    "owner", o->arg2));
	printf("candidate #%lld now belongs to '%s'\n", id, o->arg2);
	return 0;
}

static const struct cmd_entry transfer_entry = {
	.name = "transfer",
	.summary = "hand a candidate of yours to another member",
	.argp = &transfer_argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct team_opts),
	.exec = transfer_exec,
};

static const struct cmd_entry *const team_subs[] = {
	&init_entry, &invite_entry, &join_entry, &list_entry, &remove_entry, &transfer_entry,
	NULL
};

static const struct argp team_argp = {
	NULL, NULL, NULL,
	"A firm's shared vault on PostgreSQL: each recruiter a member with a passphrase and a "
	"database role of their own; the firm key opens what the firm shares (names, signals, "
	"shareable notes), and each candidate's people met and confidential notes open only for "
	"the member who owns the candidate.\v"
	"Example:\n"
	"  tact --vault postgresql://dba@db.example/firm team init --name ana\n"
	"  tact team invite bo\n"
	"  tact team join postgresql://db.example/firm        (as bo, with the code)\n"
	"  tact team list", NULL, NULL, NULL
};

const struct cmd_entry cmd_team_entry = {
	.name = "team",
	.summary = "a firm's shared vault: init, invite, join, list, remove, transfer",
	.argp = &team_argp,
	.subs = team_subs,
};
