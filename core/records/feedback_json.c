/*
 * feedback_json.c - a client's feedback as a line of the import format:
 * read (a line whose "kind" is "feedback", found by jsonl.c) and written
 * (for export).  The keys mirror `tact feedback log`'s options: candidate,
 * client, role, stage, date, areas (strings "AREA[:VIS]" or objects
 * {"area", "visibility"}), shareable, confidential, from ({"name",
 * "role"}), candidate_ref.  Parsing is as strict as a turndown's.
 */
#include <string.h>

#include "core/base/taxonomy.h"
#include "core/records/feedback.h"
#include "core/records/jsonl.h"

static const char *const known_keys[] = {
	"kind", "candidate", "client", "role", "stage", "date", "areas", "shareable",
	"confidential", "from", "candidate_ref", "confidential_omitted", NULL
};

static int
add_areas(struct feedback *fb, json_t *arr, struct terr *err)
{
	size_t i;
	json_t *a;
	int bad = 0;

	if (arr == NULL || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return terr_set(err, EX_DATAERR, "'areas' must be an array");
	json_array_foreach(arr, i, a) {
		const char *area, *vis;

		if (json_is_string(a)) {
			if (feedback_add_area(fb, json_string_value(a), err) != 0)
				return -1;
			continue;
		}
		if (!json_is_object(a))
			return terr_set(err, EX_DATAERR, "areas[%zu] must be an object", i);
		area = jsonl_opt_string(a, "area", &bad);
		vis = jsonl_opt_string(a, "visibility", &bad);
		if (bad || area == NULL)
			return terr_set(err, EX_DATAERR, "areas[%zu] needs a string 'area'", i);
		if (feedback_add_area_vis(fb, area, vis, err) != 0)
			return -1;
	}
	return 0;
}

static int
set_from(struct feedback *fb, json_t *from, struct terr *err)
{
	const char *name, *role;
	int bad = 0;

	if (from == NULL || json_is_null(from))
		return 0;
	if (!json_is_object(from))
		return terr_set(err, EX_DATAERR, "'from' must be an object {\"name\", \"role\"}");
	name = jsonl_opt_string(from, "name", &bad);
	role = jsonl_opt_string(from, "role", &bad);
	if (bad || name == NULL || role == NULL || json_object_size(from) != 2)
		return terr_set(err, EX_DATAERR, "'from' needs exactly the strings 'name' and 'role'");
	return feedback_set_from_parts(fb, name, role, err);
}

int
feedback_from_json(struct feedback *fb, json_t *obj, struct terr *err)
{
	const char *key, *stage;
	json_t *v;
	int bad = 0;

	if (!json_is_object(obj))
		return terr_set(err, EX_DATAERR, "not a JSON object");
	json_object_foreach(obj, key, v) {
		int known = 0;

		for (int i = 0; known_keys[i] != NULL; i++)
			known |= strcmp(known_keys[i], key) == 0;
		if (!known)
			return terr_set(err, EX_DATAERR, "unknown key '%.40s' in a feedback line", key);
	}
	if (jsonl_set_field(&fb->candidate, obj, "candidate", TEXT_NAME_MAX, 0, err) != 0 ||
	    jsonl_set_field(&fb->client, obj, "client", TEXT_NAME_MAX, 0, err) != 0 ||
	    jsonl_set_field(&fb->role, obj, "role", TEXT_ROLE_MAX, 0, err) != 0 ||
	    jsonl_set_field(&fb->candidate_ref, obj, "candidate_ref", TEXT_NAME_MAX, 0, err) != 0 ||
	    jsonl_set_field(&fb->confidential, obj, "confidential", TEXT_NOTE_MAX, 1, err) != 0 ||
	    jsonl_set_field(&fb->shareable, obj, "shareable", TEXT_NOTE_MAX, 1, err) != 0 ||
	    jsonl_set_date(fb->date, obj, "date", err) != 0 ||
	    add_areas(fb, json_object_get(obj, "areas"), err) != 0 ||
	    set_from(fb, json_object_get(obj, "from"), err) != 0)
		return -1;
	stage = jsonl_opt_string(obj, "stage", &bad);
	if (bad)
		return terr_set(err, EX_DATAERR, "'stage' must be a string");
	if (stage != NULL && feedback_set_stage(fb, stage, err) != 0)
		return -1;
	if (fb->candidate == NULL)
		return terr_set(err, EX_DATAERR, "missing 'candidate'");
	if (fb->client == NULL)
		return terr_set(err, EX_DATAERR, "missing 'client'");
	if (fb->nareas == 0)
		return terr_set(err, EX_DATAERR, "missing 'areas'");
	return feedback_validate(fb, err);
}

/* Sets KEY of OBJ to the string S, or to null when S is NULL; -1 when out of memory. */
static int
put_str(json_t *obj, const char *key, const char *s)
{
	return json_object_set_new(obj, key, s != NULL ? json_string(s) : json_null());
}

json_t *
feedback_to_json(const struct feedback *fb, int with_confidential)
{
	json_t *obj = json_object(), *areas = json_array();
	int rc = obj == NULL || areas == NULL ? -1 : 0;

	for (size_t i = 0; rc == 0 && i < fb->nareas; i++) {
		if (!with_confidential && fb->areas[i].visibility == VIS_CONFIDENTIAL)
			continue;
		rc = json_array_append_new(areas, json_pack("{s:s, s:s}", "area",
		    feedback_areas[fb->areas[i].area].slug, "visibility",
		    visibility_names[fb->areas[i].visibility]));
	}
	if (rc == 0)
		rc = put_str(obj, "kind", "feedback") | put_str(obj, "candidate", fb->candidate) |
		    put_str(obj, "client", fb->client) | put_str(obj, "role", fb->role) |
		    put_str(obj, "stage", fb->stage ? fb_stage_names[fb->stage] : NULL) |
		    put_str(obj, "date", fb->date) | json_object_set(obj, "areas", areas) |
		    put_str(obj, "shareable", fb->shareable);
	if (rc == 0 && with_confidential) {
		rc = put_str(obj, "confidential", fb->confidential) | json_object_set_new(obj, "from",
		    fb->from != NULL ? json_pack("{s:s, s:s}", "name", fb->from, "role",
		    person_role_names[fb->from_role]) : json_null());
	} else if (rc == 0)
		rc = json_object_set_new(obj, "confidential_omitted", json_true());
	json_decref(areas);
	if (rc != 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}
