/*
 * notes.c - `tact notes ID`: thank-you note drafts, one per person the
 * candidate met and one from the recruiter to the client.
 *
 * A note goes to its recipient, so it may name them; it names nobody else
 * seen neutrally or negatively, and says nothing of reasons or impressions.
 * Each note is vetted by a guard for which only its own recipient's name is
 * allowed.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/read.h"
#include "core/base/wipe.h"
#include "core/scripts/decline_notes.h"
#include "crypto/tcrypto.h"
#include "cmd/cmd.h"
#include "cmd/guarded.h"
#include "cmd/speaking.h"

struct notes_opts {
	struct cmd_ctx *ctx;
	long long id, seed;
	enum script_format format;
};

static const struct argp_option options[] = {
	{ "seed", 's', "N", 0, "draw the wording from seed N, to get the same drafts again "
	  "in this vault", 0 },
	{ "format", 'f', "FORMAT", 0, "text (default) or markdown; --json for JSON", 0 },
	{ 0 }
};

static error_t
parse(int key, char *arg, struct argp_state *state)
{
	struct notes_opts *o = state->input;

	switch (key) {
	case 's':
		return cmd_opt_seed(state, arg, &o->seed);
	case 'f':
		if (strcmp(arg, "text") == 0)
			o->format = SCRIPT_TEXT;
		else if (strcmp(arg, "markdown") == 0)
			o->format = SCRIPT_MARKDOWN;
		else
			return cmd_usage(state, "unknown --format '%.40s' (text or markdown)", arg);
		break;
	case ARGP_KEY_ARG:
	case ARGP_KEY_END:
		return cmd_arg_turndown(state, key, arg, &o->id);
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, "ID",
	"Draft short thank-you notes: one from the candidate to each person they met, fitted "
	"to that person's role, and one from you to the client.\v"
	"Each note greets its reader by first name (or title and surname: \"Dear Dr. Hale\"), "
	"acknowledges the decline warmly and leaves a [a moment you remember] slot for the "
	"candidate to fill.  The client note is addressed to the first hiring manager met (else "
	"to nobody by name) and signed with [recruiter] name and firm from the config file; "
	"without them it ends in a \"[your name]\" slot to fill.  "
	"Send them within two days of the decline.  Example:  tact notes 12 --format markdown",
	NULL, NULL, NULL
};

struct render_arg {
	const struct turndown *td;
	const struct person *to;        /* NULL: the client note */
	const char *contact;            /* the client note's addressee, or NULL */
	int field, locale;
	const char *recruiter, *firm;
	enum script_format format;
	uint64_t set_seed;              /* one for the whole set of notes */
	size_t index;                   /* the note's place in the set */
	struct guard *guard;            /* allows only this recipient's name */
	struct cmd_wording wording;     /* the guard, names read whole */
};

static char *
render(struct cmd_ctx *ctx, uint64_t seed, void *arg)
{
	struct render_arg *a = arg;
	struct note n;
	char *buf = NULL;
	json_t *j;

	struct note_input in = { .candidate = a->td->candidate, .client = a->td->client,
		.person = a->to, .contact = a->contact, .pronouns = a->td->pronouns,
		.field = a->field, .locale = a->locale, .recruiter = a->recruiter, .firm = a->firm,
		.set_seed = a->set_seed, .index = a->index };
	FILE *f;
	size_t len;

	if (note_build(&in, seed, cmd_check_wording, &a->wording, &n, &ctx->err) != 0)
		return NULL;
	if (ctx->json) {
		if ((j = json_pack("{s:s, s:s, s:s}", "to", n.to, "role", n.role, "text",
		    n.text)) != NULL) {
			buf = json_dumps(j, JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
			json_decref(j);
		}
	} else if ((f = open_memstream(&buf, &len)) != NULL) {
		note_write(&n, a->to ? person_role_words[a->to->role] : "client", a->format, f);
		if (fclose(f) != 0) {
			free(buf);
			buf = NULL;
		}
	}
	note_clear(&n);
	if (buf == NULL)
		terr_set(&ctx->err, EX_OSERR, "out of memory");
	return buf;
}

static void
notes_defaults(void *opts)
{
	struct notes_opts *o = opts;

	o->seed = cmd_random_seed();
}

static int
notes_exec(struct cmd_ctx *ctx, void *opts)
{
	struct notes_opts *o = opts;
	struct turndown td;
	struct render_arg ra;
	json_t *arr = NULL;
	char *out = NULL, *all = NULL;
	size_t alllen = 0;
	FILE *text = NULL;
	long hm;
	int rc = -1;

	memset(&td, 0, sizeof(td));
	if (turndown_load(ctx->vault, o->id, TD_IDENTITY | TD_CLIENT | TD_SIGNALS | TD_PEOPLE |
	    TD_SHAREABLE, &td, &ctx->err) != 0)
		goto out;
	hm = cmd_person_on_line(&td, NULL);
	ra.contact = hm >= 0 ? td.met[hm].name : NULL;
	ra.field = field_effective(td.field, td.role);
	ra.locale = cmd_locale(ctx);
	ra.recruiter = cmd_recruiter(ctx);
	ra.firm = cmd_firm(ctx);
	ra.format = o->format;
	ra.set_seed = keyring_script_seed(ctx->vault->keys, "notes set", td.id, (uint64_t)o->seed);
	/* Nothing is printed until every note has passed the guard. */
	if (ctx->json)
		arr = json_array();
	else if ((text = open_memstream(&all, &alllen)) == NULL) {
		terr_set(&ctx->err, EX_OSERR, "out of memory");
		goto out;
	}
	for (long i = -1; i < (long)td.nmet; i++) {
		/* The people first, in the order met; the note to the client last. */
		long who = i + 1 < (long)td.nmet ? i + 1 : -1;

		ra.td = &td;
		ra.to = who >= 0 ? &td.met[who] : NULL;
		ra.index = (size_t)(i + 1);
		/* The client note may name whom it is addressed to. */
		if ((ra.guard = guard_new_for(ctx->vault, &td, who >= 0 ? who : hm,
		    &ctx->err)) == NULL)
			goto out;
		cmd_wording_init(&ra.wording, ra.guard, (const char *const[]){ td.candidate,
		    td.client, ra.to ? ra.to->name : ra.contact }, 3);
		out = cmd_guarded(ctx, &ra.wording, keyring_script_seed(ctx->vault->keys, "notes",
		    td.id, (uint64_t)o->seed + (uint64_t)(i + 1)), "note", render, &ra);
		guard_free(ra.guard);
		if (out == NULL)
			goto out;
		if (arr != NULL)
			json_array_append_new(arr, json_loads(out, 0, NULL));
		else
			fprintf(text, "%s%s", i >= 0 ? "\n" : "", out);
		wipe_str_free(out);
	}
	if (arr != NULL) {
		rc = cmd_print_json(ctx, arr);
		arr = NULL;
	} else {
		fprintf(text, o->format == SCRIPT_MARKDOWN ? "\n*Drafts %lld: --seed %lld gives "
		    "them again.*\n" : "\n(drafts %lld: --seed %lld gives them again)\n", o->seed,
		    o->seed);
		fclose(text);
		text = NULL;
		cmd_print_secret(all, 0);
		all = NULL;
		rc = 0;
	}
out:
	if (text != NULL)
		fclose(text);
	wipe_free(all, alllen);
	json_decref(arr);
	turndown_clear(&td);
	return rc;
}

const struct cmd_entry cmd_notes_entry = {
	.name = "notes",
	.summary = "thank-you note drafts for everyone the candidate met, and the client",
	.argp = &argp,
	.flags = CMD_NEEDS_VAULT | CMD_NEEDS_KEY,
	.opts_size = CMD_OPTS(struct notes_opts),
	.defaults = notes_defaults,
	.exec = notes_exec,
};
