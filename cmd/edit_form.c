/*
 * edit_form.c - `tact edit ID` with no option, on a terminal: the turndown
 * as a JSON form (import's keys, as `tact export` writes them) in $EDITOR,
 * in the private folder log's notes use.  The form is checked as import
 * checks a line; a bad one is opened again with the error on top and the
 * text as it was typed.  A form saved unchanged, or emptied, changes
 * nothing.  The confidential note is not in the form: "confidential" is
 * null, which keeps it, and a text given there replaces it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/export.h"
#include "core/records/jsonl.h"
#include "cmd/edit_form.h"
#include "cmd/input.h"

#define FORM_MAX (3 * TEXT_NOTE_MAX + 16384)
#define FORM_TRIES 20

static const char HELP[] =
    "Change what needs correcting, then save and quit; the keys are those of\n"
    "# 'tact import'.  \"confidential\": null keeps the confidential note, which is\n"
    "# not shown here; a text replaces it.  Save it unchanged, or empty it, to\n"
    "# change nothing.";

/* The form of CUR as JSON, without the confidential note (NULL: out of memory). */
static char *
form_json(const struct turndown *cur)
{
	json_t *o = export_turndown(cur, NULL, 1, NULL);
	char *s = NULL;

	if (o == NULL)
		return NULL;
	if (json_object_set_new(o, "confidential", json_null()) == 0)
		s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}

/* The comment lines on top of the form: the error (if any), then the help. */
static char *
form_hint(long long id, const char *error)
{
	size_t n = strlen(HELP) + (error ? strlen(error) : 0) + 160;
	char *s = malloc(n);

	if (s == NULL)
		return NULL;
	snprintf(s, n, "%s%s%sTurndown %lld.\n# %s", error ? "Not saved: " : "",
	    error ? error : "", error ? "\n#\n# " : "", id, HELP);
	return s;
}

/* Reads the form TEXT into OUT; *CONF says whether it replaces the
 * confidential note.  -1 with ERR (a message for the form's top). */
static int
form_read(const char *text, struct turndown *out, int *conf, struct terr *err)
{
	json_error_t jerr;
	json_t *o = json_loads(text, JSON_REJECT_DUPLICATES, &jerr), *c;
	char *line = NULL;
	int rc = -1;

	if (o == NULL)
		return terr_set(err, EX_DATAERR, "line %d: %s", jerr.line, jerr.text);
	c = json_object_get(o, "confidential");
	*conf = c != NULL && !json_is_null(c);
	if (c != NULL && !*conf)
		json_object_del(o, "confidential");
	if ((line = json_dumps(o, JSON_COMPACT)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	rc = jsonl_parse_turndown(out, line, strlen(line), err);
out:
	if (line != NULL)
		wipe_str_free(line);
	json_decref(o);
	return rc;
}

int
edit_form(const struct turndown *cur, struct turndown *out, int *conf, struct terr *err)
{
	char *orig = form_json(cur), *hint = NULL, *body = NULL, *text = NULL;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (orig == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	if ((hint = form_hint(cur->id, NULL)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto done;
	}
	for (int tries = 0; tries < FORM_TRIES; tries++) {
		struct terr perr = { 0 };

		text = input_form(hint, body != NULL ? body : orig, FORM_MAX, err);
		if (text == NULL)
			goto done;
		if (text[0] == '\0' || strcmp(text, orig) == 0) {
			rc = 1;
			goto done;
		}
		turndown_clear(out);
		if (form_read(text, out, conf, &perr) == 0) {
			rc = 0;
			goto done;
		}
		/* Opened again as typed, with what is wrong on top. */
		free(hint);
		if (body != NULL)
			input_free(body);
		body = text;
		text = NULL;
		if ((hint = form_hint(cur->id, perr.msg)) == NULL) {
			terr_set(err, EX_OSERR, "out of memory");
			goto done;
		}
	}
	terr_set(err, EX_DATAERR, "the form was not saved after %d tries; nothing was changed",
	    FORM_TRIES);
done:
	if (rc != 0)
		turndown_clear(out);
	if (text != NULL)
		input_free(text);
	if (body != NULL)
		input_free(body);
	free(hint);
	wipe_str_free(orig);
	return rc;
}
