/*
 * jsonl.c - one JSON Lines record into a turndown (jansson).
 *
 * The record is parsed strictly: unknown keys, wrong types and duplicate
 * keys are errors, and every field goes through the same checks as the
 * options of `tact log`.  A line's "kind" says what it is: "turndown" (the
 * default, so files written before feedback existed read as they did) or
 * "feedback", which feedback_json.c reads from the same parsed object.
 */
#include <jansson.h>
#include <string.h>

#include "core/records/feedback.h"
#include "core/records/jsonl.h"

const char *
jsonl_opt_string(json_t *obj, const char *key, int *bad)
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

int
jsonl_set_field(char **field, json_t *obj, const char *key, size_t max, int note,
    struct terr *err)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return terr_set(err, EX_DATAERR, "'%s' must be a string", key);
	return turndown_set_text(field, key, json_string_value(v), json_string_length(v), max,
	    note, err);
}

int
jsonl_set_date(char out[DATE_LEN], json_t *obj, const char *key, struct terr *err)
{
	int bad = 0;
	const char *s = jsonl_opt_string(obj, key, &bad);

	if (bad)
		return terr_set(err, EX_DATAERR, "'%s' must be a string", key);
	return s ? date_parse_typed(key, s, out, err) : 0;
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
		cat = jsonl_opt_string(r, "category", &bad);
		vis = jsonl_opt_string(r, "visibility", &bad);
		if (bad || cat == NULL)
			return terr_set(err, EX_DATAERR, "reasons[%zu] needs a string 'category'", i);
		if (turndown_add_category(td, cat, vis, err) != 0)
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
		name = jsonl_opt_string(m, "name", &bad);
		role = jsonl_opt_string(m, "role", &bad);
		imp = jsonl_opt_string(m, "impression", &bad);
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
	"shareable", "met", "consent", "candidate_ref", "kind",
	"pronouns", "field",
	/* tact export's: its follow-up tasks are read past (import plans its
	 * own), and a line without its confidential parts is refused below */
	"followups", "confidential_omitted", NULL
};

/* Fills TD from one parsed line. */
static int
from_json(struct turndown *td, json_t *obj, struct terr *err)
{
	const char *key, *consent, *pronouns, *field;
	json_t *v;
	int bad = 0;

	if (!json_is_object(obj))
		return terr_set(err, EX_DATAERR, "not a JSON object");
	if (json_is_true(json_object_get(obj, "confidential_omitted")))
		return terr_set(err, EX_DATAERR, "exported without its confidential parts: importing "
		    "it would lose them (export again with --confidential)");
	json_object_foreach(obj, key, v) {
		int known = 0;

		for (int i = 0; known_keys[i] != NULL; i++)
			known |= strcmp(known_keys[i], key) == 0;
		if (!known)
			return terr_set(err, EX_DATAERR, "unknown key '%.40s'", key);
	}
	if (jsonl_set_field(&td->candidate, obj, "candidate", TEXT_NAME_MAX, 0, err) != 0 ||
	    jsonl_set_field(&td->client, obj, "client", TEXT_NAME_MAX, 0, err) != 0 ||
	    jsonl_set_field(&td->role, obj, "role", TEXT_ROLE_MAX, 0, err) != 0 ||
	    jsonl_set_field(&td->candidate_ref, obj, "candidate_ref", TEXT_NAME_MAX, 0, err) != 0 ||
	    jsonl_set_field(&td->confidential, obj, "confidential", TEXT_NOTE_MAX, 1, err) != 0 ||
	    jsonl_set_field(&td->shareable, obj, "shareable", TEXT_NOTE_MAX, 1, err) != 0 ||
	    jsonl_set_date(td->offer_date, obj, "offer_date", err) != 0 ||
	    jsonl_set_date(td->decline_date, obj, "decline_date", err) != 0 ||
	    add_reasons(td, json_object_get(obj, "reasons"), err) != 0 ||
	    add_met(td, json_object_get(obj, "met"), err) != 0)
		return -1;
	consent = jsonl_opt_string(obj, "consent", &bad);
	if (bad)
		return terr_set(err, EX_DATAERR, "'consent' must be a string");
	if (consent != NULL && turndown_set_consent(td, consent, err) != 0)
		return -1;
	pronouns = jsonl_opt_string(obj, "pronouns", &bad);
	field = jsonl_opt_string(obj, "field", &bad);
	if (bad)
		return terr_set(err, EX_DATAERR, "'pronouns' and 'field' must be strings");
	if ((pronouns != NULL && turndown_set_pronouns(td, pronouns, err) != 0) ||
	    (field != NULL && turndown_set_field(td, field, err) != 0))
		return -1;
	if (td->candidate == NULL)
		return terr_set(err, EX_DATAERR, "missing 'candidate'");
	if (td->client == NULL)
		return terr_set(err, EX_DATAERR, "missing 'client'");
	if (td->nreasons == 0)
		return terr_set(err, EX_DATAERR, "missing 'reasons'");
	return turndown_validate(td, err);
}

/* Parses LINE into *OBJ (owned); EX_DATAERR saying what went wrong and where. */
static int
load_line(const char *line, size_t len, json_t **obj, struct terr *err)
{
	json_error_t jerr;

	*obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (*obj == NULL) {
		/* jansson quotes the text near the error, which may be a note: keep
		 * only what went wrong and where. */
		char *near = strstr(jerr.text, " near ");

		if (near != NULL)
			*near = '\0';
		return terr_set(err, EX_DATAERR, "%s (column %d)", jerr.text, jerr.column);
	}
	return 0;
}

int
jsonl_parse_turndown(struct turndown *td, const char *line, size_t len, struct terr *err)
{
	json_t *obj;
	int rc;

	if (load_line(line, len, &obj, err) != 0)
		return -1;
	rc = from_json(td, obj, err);
	json_decref(obj);
	return rc;
}

int
jsonl_parse_record(const char *line, size_t len, struct turndown *td, struct feedback *fb,
    enum jsonl_kind *kind, struct terr *err)
{
	const char *k;
	json_t *obj;
	int bad = 0, rc;

	*kind = JSONL_TURNDOWN;
	if (load_line(line, len, &obj, err) != 0)
		return -1;
	k = json_is_object(obj) ? jsonl_opt_string(obj, "kind", &bad) : NULL;
	if (bad)
		rc = terr_set(err, EX_DATAERR, "'kind' must be a string");
	else if (k == NULL || strcmp(k, "turndown") == 0)
		rc = from_json(td, obj, err);
	else if (strcmp(k, "feedback") == 0) {
		*kind = JSONL_FEEDBACK;
		rc = feedback_from_json(fb, obj, err);
	} else
		rc = terr_set(err, EX_DATAERR, "unknown kind '%.40s' (turndown or feedback)", k);
	json_decref(obj);
	return rc;
}
