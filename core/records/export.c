/*
 * export.c - a turndown as one `tact import` line, built with jansson.
 *
 * The keys are import's (core/records/jsonl.c reads them back), so that
 * `tact export | tact import -` into a new vault gives the same turndowns.
 * Without the confidential parts a line is marked "confidential_omitted",
 * and import refuses it rather than make a record that lacks them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/export.h"
#include "core/records/followup.h"

void
export_ref(const uint8_t vault_id[TC_VAULT_ID_LEN], long long id, char out[EXPORT_REF_LEN])
{
	char hex[17];

	tc_hex(hex, sizeof(hex), vault_id, 8);
	snprintf(out, EXPORT_REF_LEN, "tact:%s:%lld", hex, id);
}

static int
set_str(json_t *o, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return 0;
	return json_object_set_new(o, key, json_string(value));
}

json_t *
export_turndown(const struct turndown *td, const char *ref, int confidential, json_t *followups)
{
	json_t *o = json_object(), *reasons = json_array(), *met = json_array();
	int bad = 0;

	if (o == NULL || reasons == NULL || met == NULL)
		goto fail;
	for (size_t i = 0; i < td->nreasons; i++) {
		if (!confidential && td->reasons[i].visibility == VIS_CONFIDENTIAL)
			continue;
		bad |= json_array_append_new(reasons, json_pack("{s:s, s:s}", "category",
		    taxonomy[td->reasons[i].category].slug, "visibility",
		    visibility_names[td->reasons[i].visibility]));
	}
	for (size_t i = 0; confidential && i < td->nmet; i++)
		bad |= json_array_append_new(met, json_pack("{s:s, s:s, s:s}", "name",
		    td->met[i].name, "role", person_role_names[td->met[i].role], "impression",
		    impression_names[td->met[i].impression]));
	bad |= set_str(o, "candidate", td->candidate);
	bad |= set_str(o, "candidate_ref", ref);
	bad |= set_str(o, "client", td->client);
	bad |= set_str(o, "role", td->role);
	bad |= set_str(o, "offer_date", td->offer_date);
	bad |= set_str(o, "decline_date", td->decline_date);
	bad |= json_object_set_new(o, "reasons", reasons);
	reasons = NULL;
	bad |= set_str(o, "shareable", td->shareable);
	if (confidential) {
		bad |= set_str(o, "confidential", td->confidential);
		bad |= json_object_set_new(o, "met", met);
	} else {
		json_decref(met);
		bad |= json_object_set_new(o, "confidential_omitted", json_true());
	}
	met = NULL;
	bad |= set_str(o, "consent", consent_names[td->consent]);
	if (td->pronouns > PRON_UNSET && td->pronouns < PRON_COUNT)
		bad |= set_str(o, "pronouns", pronoun_names[td->pronouns]);
	if (td->field > FIELD_UNSET && td->field < FIELD_COUNT)
		bad |= set_str(o, "field", field_names[td->field]);
	if (followups != NULL)
		bad |= json_object_set_new(o, "followups", followups);
	followups = NULL;
	if (!bad)
		return o;
fail:
	json_decref(o);
	json_decref(reasons);
	json_decref(met);
	json_decref(followups);
	return NULL;
}

struct export_tasks {
	struct vault *v;
	struct store_task *list;        /* in turndown order */
	long long n;
};

static int
by_turndown(const void *a, const void *b)
{
	const struct store_task *x = a, *y = b;

	if (x->turndown != y->turndown)
		return x->turndown < y->turndown ? -1 : 1;
	return x->kind - y->kind;
}

struct export_tasks *
export_tasks_load(struct vault *v, long long candidate, struct terr *err)
{
	struct store_fu_filter f = { 1, NULL, candidate, 0, 0 };
	struct export_tasks *t = calloc(1, sizeof(*t));

	if (t == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	t->v = v;
	if ((t->n = store_followups(v, &f, &t->list, err)) < 0) {
		free(t);
		return NULL;
	}
	if (t->n > 0)
		qsort(t->list, (size_t)t->n, sizeof(*t->list), by_turndown);
	return t;
}

/* Opens task TASK's note (of candidate CANDIDATE) into *NOTE. */
static int
task_note(struct vault *v, long long task, long long candidate, char **note, struct terr *err)
{
	struct tc_ad ad = { "followups", "note", task, candidate };
	struct tbuf wrapped = { 0 }, sealed = { 0 }, plain = { 0 };
	struct candkey *ck = NULL;
	struct tc_err ce = { 0 };
	long long owner = 0;
	int status, rc = -1;

	*note = NULL;
	if (store_followup_owner(v, task, &status, &owner, &wrapped, err) != 1 ||
	    store_followup_note(v, task, &sealed, err) != 1)
		goto out;
	if (sealed.len == 0) {
		rc = 0;
		goto out;
	}
	ad.candidate = owner;
	if ((ck = candkey_alloc(&ce)) == NULL ||
	    candkey_unwrap(v->keys, ck, owner, wrapped.data, wrapped.len, &ce) != 0 ||
	    part_open(ck, TC_PART_FOLLOWUP, &ad, sealed.data, sealed.len, &plain, &ce) != 0) {
		terr_set(err, EX_DATAERR, "follow-up %lld: its note failed authentication", task);
		goto out;
	}
	if ((*note = strndup((const char *)plain.data, plain.len)) == NULL)
		terr_set(err, EX_OSERR, "out of memory");
	else
		rc = 0;
out:
	(void)candidate;
	candkey_free(ck);
	tbuf_free(&wrapped);
	tbuf_free(&sealed);
	tbuf_free(&plain);
	return rc;
}

json_t *
export_tasks_of(struct export_tasks *t, const struct turndown *td, struct terr *err)
{
	json_t *arr = json_array(), *o;
	long long lo = 0, hi = t->n, i;
	char *note;

	if (arr == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	/* The first task of this turndown (lower bound). */
	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;

		if (t->list[mid].turndown < td->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	i = lo;
	for (; i < t->n && t->list[i].turndown == td->id; i++) {
		const struct store_task *k = &t->list[i];

		note = NULL;
		if (k->has_note && task_note(t->v, k->id, td->candidate_id, &note, err) != 0) {
			json_decref(arr);
			return NULL;
		}
		o = json_pack("{s:s, s:s, s:s}", "task", fu_kind_names[k->kind], "due", k->due,
		    "status", fu_status_names[k->status]);
		if (o != NULL && k->done_on[0] != '\0')
			json_object_set_new(o, "done_on", json_string(k->done_on));
		if (o != NULL && note != NULL)
			json_object_set_new(o, "note", json_string(note));
		wipe_str_free(note);
		if (o == NULL || json_array_append_new(arr, o) != 0) {
			json_decref(arr);
			terr_set(err, EX_OSERR, "out of memory");
			return NULL;
		}
	}
	return arr;
}

void
export_tasks_free(struct export_tasks *t)
{
	if (t == NULL)
		return;
	free(t->list);
	free(t);
}
