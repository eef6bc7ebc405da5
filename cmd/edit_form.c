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
    "# Change what needs correcting, then save and quit; the keys are those of\n"
    "# 'tact import'.  \"confidential\": null keeps the confidential note, which is\n"
    "# not shown here; a text replaces it.  Save it unchanged, or empty it, to\n"
    "# change nothing.  Lines starting with '#' are left out.\n";

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

/* Writes the file the editor opens: the error (if any), the help, BODY. */
static char *
form_file(long long id, const char *error, const char *body)
{
	size_t n = strlen(HELP) + strlen(body) + (error ? strlen(error) : 0) + 160;
	char *s = malloc(n);

	if (s == NULL)
		return NULL;
	snprintf(s, n, "%s%s%s# Turndown %lld.\n%s%s\n", error ? "# Not saved: " : "",
	    error ? error : "", error ? "\n#\n" : "", id, HELP, body);
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
	char *orig = form_json(cur), *file = NULL, *text = NULL, msg[sizeof(err->msg)];
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (orig == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	if ((file = form_file(cur->id, NULL, orig)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto done;
	}
	for (int tries = 0; tries < FORM_TRIES; tries++) {
		struct terr perr = { 0 };

		if ((text = input_editor_text(file, FORM_MAX, err)) == NULL)
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
		snprintf(msg, sizeof(msg), "%s", perr.msg);
		wipe_str_free(file);
		file = form_file(cur->id, msg, text);
		input_free(text);
		text = NULL;
		if (file == NULL) {
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
	if (file != NULL)
		wipe_str_free(file);
	wipe_str_free(orig);
	return rc;
}
