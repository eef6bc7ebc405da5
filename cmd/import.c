/*
 * import.c - `tact import FILE|-`: many turndowns from JSON Lines (jansson),
 * in one transaction: a bad line names its number and nothing is imported.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/turndown.h"
#include "cmd.h"

#define IMPORT_LINE_MAX (1 << 20)

struct import_opts {
	struct cmd_ctx *ctx;
	const char *file;
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

static const char *
opt_string(json_t *obj, const char *key, int *bad)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

static int
set_field(char **field, json_t *obj, const char *key, size_t max, int note, struct terr *err)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return terr_set(err, EX_DATAERR, "'%s' must be a string", key);
	return turndown_set_text(field, key, json_string_value(v), json_string_length(v), max,
	    note, err);
}

static int
set_date(char out[DATE_LEN], json_t *obj, const char *key, struct terr *err)
{
	int bad = 0;
	const char *s = opt_string(obj, key, &bad);

	if (bad)
		return terr_set(err, EX_DATAERR, "'%s' must be a string", key);
	return s ? date_parse(key, s, out, err) : 0;
}

static int
add_reasons(struct turndown *td, json_t *arr, struct terr *err)
{
	size_t i;
	json_t *r;
	int bad = 0;

	if (arr == NULL || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return terr_set(err, EX_DATAERR, "'reasons' must be an array");
	if (json_array_size(arr) > TD_REASONS_IN_MAX)
		return terr_set(err, EX_DATAERR, "too many reasons (the limit is %d)",
		    TD_REASONS_IN_MAX);
	json_array_foreach(arr, i, r) {
		const char *cat, *vis;

		if (json_is_string(r)) {
			if (turndown_add_reason(td, json_string_value(r), err) != 0)
				return -1;
			continue;
		}
		if (!json_is_object(r))
			return terr_set(err, EX_DATAERR, "reasons[%zu] must be an object", i);
		cat = opt_string(r, "category", &bad);
		vis = opt_string(r, "visibility", &bad);
		if (bad || cat == NULL)
			return terr_set(err, EX_DATAERR, "reasons[%zu] needs a string 'category'", i);
		if (turndown_add_reason2(td, cat, vis, err) != 0)
			return -1;
	}
	return 0;
}

static int
add_met(struct turndown *td, json_t *arr, struct terr *err)
{
	size_t i;
	json_t *m;
	int bad = 0;

	if (arr == NULL || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return terr_set(err, EX_DATAERR, "'met' must be an array");
	if (json_array_size(arr) > TEXT_MET_MAX)
		return terr_set(err, EX_DATAERR, "too many people met (the limit is %d)",
		    TEXT_MET_MAX);
	json_array_foreach(arr, i, m) {
		const char *name, *role, *imp;

		if (!json_is_object(m))
			return terr_set(err, EX_DATAERR, "met[%zu] must be an object", i);
		name = opt_string(m, "name", &bad);
		role = opt_string(m, "role", &bad);
		imp = opt_string(m, "impression", &bad);
		if (bad || name == NULL || role == NULL || imp == NULL)
			return terr_set(err, EX_DATAERR, "met[%zu] needs strings 'name', 'role' and "
			    "'impression'", i);
		if (turndown_add_person(td, name, role, imp, err) != 0)
			return -1;
	}
	return 0;
}

static const char *const known_keys[] = {
	"candidate", "client", "role", "offer_date", "decline_date", "reasons", "confidential",
	"shareable", "met", "consent", NULL
};

/* Fills TD from one parsed line. */
static int
from_json(struct turndown *td, json_t *obj, struct terr *err)
{
	const char *key, *consent;
	json_t *v;
	int bad = 0;

	if (!json_is_object(obj))
		return terr_set(err, EX_DATAERR, "not a JSON object");
	json_object_foreach(obj, key, v) {
		int known = 0;

		for (int i = 0; known_keys[i] != NULL; i++)
			known |= strcmp(known_keys[i], key) == 0;
		if (!known)
			return terr_set(err, EX_DATAERR, "unknown key '%.40s'", key);
	}
	if (set_field(&td->candidate, obj, "candidate", TEXT_NAME_MAX, 0, err) != 0 ||
	    set_field(&td->client, obj, "client", TEXT_NAME_MAX, 0, err) != 0 ||
	    set_field(&td->role, obj, "role", TEXT_ROLE_MAX, 0, err) != 0 ||
	    set_field(&td->confidential, obj, "confidential", TEXT_NOTE_MAX, 1, err) != 0 ||
	    set_field(&td->shareable, obj, "shareable", TEXT_NOTE_MAX, 1, err) != 0 ||
	    set_date(td->offer_date, obj, "offer_date", err) != 0 ||
	    set_date(td->decline_date, obj, "decline_date", err) != 0 ||
	    add_reasons(td, json_object_get(obj, "reasons"), err) != 0 ||
	    add_met(td, json_object_get(obj, "met"), err) != 0)
		return -1;
	consent = opt_string(obj, "consent", &bad);
	if (bad)
		return terr_set(err, EX_DATAERR, "'consent' must be a string");
	if (consent != NULL && turndown_set_consent(td, consent, err) != 0)
		return -1;
	if (td->candidate == NULL)
		return terr_set(err, EX_DATAERR, "missing 'candidate'");
	if (td->client == NULL)
		return terr_set(err, EX_DATAERR, "missing 'client'");
	if (td->nreasons == 0)
		return terr_set(err, EX_DATAERR, "missing 'reasons'");
	return turndown_validate(td, err);
}

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

int
cmd_import_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct import_opts o = { ctx, NULL };
	struct td_writer *w = NULL;
	struct turndown td;
	struct terr e;
	json_error_t jerr;
	json_t *obj;
	FILE *f = NULL;
	char *line = NULL;
	size_t lineno = 0, count = 0, cands = 0, clients = 0;
	ssize_t n;
	int nc, ncl, rc = -1, in_tx = 0;

	memset(&td, 0, sizeof(td));
	if (cmd_parse(ctx, &argp, argc, argv, &o) != 0)
		return -1;
	if (strcmp(o.file, "-") == 0)
		f = stdin;
	else if ((f = fopen(o.file, "re")) == NULL)
		return terr_set(&ctx->err, errno == ENOENT ? EX_NOINPUT : EX_IOERR,
		    "cannot read '%s': %s", o.file, strerror(errno));
	if ((line = malloc(IMPORT_LINE_MAX + 1)) == NULL) {
		terr_set(&ctx->err, EX_OSERR, "out of memory");
		goto out;
	}
	if (cmd_ready(ctx) != 0 || vault_begin(ctx->vault, &ctx->err) != 0)
		goto out;
	in_tx = 1;
	if ((w = td_writer_new(ctx->vault, &ctx->err)) == NULL)
		goto out;
	while ((n = read_line(f, line)) != 0) {
		lineno++;
		if (n < 0) {
			terr_set(&ctx->err, EX_DATAERR, "line %zu: longer than %d bytes", lineno,
			    IMPORT_LINE_MAX);
			goto out;
		}
		if (blank(line, (size_t)n))
			continue;
		obj = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &jerr);
		if (obj == NULL) {
			terr_set(&ctx->err, EX_DATAERR, "line %zu: %s", lineno, jerr.text);
			goto out;
		}
		terr_clear(&e);
		rc = from_json(&td, obj, &e);
		json_decref(obj);
		if (rc == 0)
			rc = td_writer_put(w, &td, &nc, &ncl, &e);
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
	if (ferror(f)) {
		terr_set(&ctx->err, EX_IOERR, "cannot read '%s'", o.file);
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
		rc = printf("imported %zu turndowns (%zu new candidates, %zu new clients)\n", count,
		    cands, clients) < 0 ? -1 : 0;
out:
	td_writer_free(w);
	if (in_tx)
		vault_rollback(ctx->vault);
	if (line != NULL) {
		memset(line, 0, IMPORT_LINE_MAX + 1);
		free(line);
	}
	turndown_clear(&td);
	if (f != NULL && f != stdin)
		fclose(f);
	return rc;
}
