/*
 * followup.c - follow-up tasks: the plan, listing, closing, and iCalendar.
 *
 * A task row holds only ids, its kind, dates and status in clear; its
 * wording is made when shown, from the turndown's own sealed names, and a
 * note added when closing it is sealed under the candidate's key.  So the
 * plan costs nothing in secrecy, and forgetting a candidate removes their
 * tasks with their turndowns.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/records/followup.h"
#include "core/records/read.h"

const char *const fu_kind_names[FU_KINDS] = {
	"thank-you", "connect", "check-in", "update", "catch-up"
};
const char *const fu_status_names[3] = { "open", "done", "skipped" };

void
followup_due(const char *decline, int kind, char out[DATE_LEN])
{
	switch (kind) {
	case FU_THANKS:
		date_add_days(decline, 2, out);
		break;
	case FU_CONNECT:
		date_add_days(decline, 7, out);
		break;
	case FU_CHECKIN:
		date_add_months(decline, 3, out);
		break;
	case FU_UPDATE:
		date_add_months(decline, 6, out);
		break;
	default:
		date_add_months(decline, 12, out);
		break;
	}
}

/* Whether TURNDOWN has anyone met on record: 1, 0, or -1.  The people are
 * sealed, but a sealed part is its packed plaintext plus TC_SEAL_OVERHEAD,
 * and nobody met packs to two bytes (version, count 0), so the length
 * stored in clear says it without opening anything: a planner that opened
 * the part made importing four times slower.  check_followup.c pins this
 * both ways, so padding the part one day fails a test, not silently. */
#define PEOPLE_NONE_LEN (TC_SEAL_OVERHEAD + 2)
static int
anyone_met(struct vault *v, long long turndown, struct terr *err)
{
	long long len = store_turndown_people_len(v, turndown, err);

	if (len < 0)
		return -1;
	return len > PEOPLE_NONE_LEN;
}

int
followup_plan_from(struct vault *v, long long turndown, const char *decline, struct terr *err)
{
	return followup_plan_after(v, turndown, decline, NULL, err);
}

int
followup_plan_after(struct vault *v, long long turndown, const char *decline,
    const char *after, struct terr *err)
{
	char due[DATE_LEN];
	int added = 0, rc;

	for (int k = 0; k < FU_KINDS; k++) {
		followup_due(decline, k, due);
		if (after != NULL && strcmp(due, after) <= 0)
			continue;
		if (k == FU_CONNECT && (rc = anyone_met(v, turndown, err)) != 1) {
			if (rc < 0)
				return -1;
			continue;       /* nobody to connect with */
		}
		if (k == FU_CHECKIN && (rc = store_followup_taken(v, turndown, k, due, err)) != 0) {
			if (rc < 0)
				return -1;
			continue;       /* the candidate has a check-in that day */
		}
		if ((rc = store_followup_add(v, turndown, k, due, err)) < 0)
			return -1;
		added += rc;
	}
	return added;
}

int
followup_plan(struct vault *v, long long turndown, struct terr *err)
{
	char decline[DATE_LEN];
	int rc;

	if ((rc = store_turndown_decline(v, turndown, decline, err)) <= 0)
		return rc < 0 ? -1 : terr_set(err, EX_NOINPUT, "no turndown %lld", turndown);
	return followup_plan_from(v, turndown, decline, err);
}

void
followup_summary(const struct task *t, char *buf, size_t size)
{
	const char *cand = t->candidate ? t->candidate : "the candidate";
	const char *client = t->client ? t->client : "the client";

	switch (t->kind) {
	case FU_THANKS:
		snprintf(buf, size, "Thank-you notes after %s's decline at %s (drafts: tact notes "
		    "%lld)", cand, client, t->turndown);
		break;
	case FU_CONNECT:
		snprintf(buf, size, "Connect with the people at %s who met %s, with a brief "
		    "thank-you", client, cand);
		break;
	case FU_CHECKIN:
		snprintf(buf, size, "Check in with %s: how is the new role going?", cand);
		break;
	case FU_UPDATE:
		snprintf(buf, size, "Update the hiring manager at %s (after %s's decline)", client,
		    cand);
		break;
	default:
		snprintf(buf, size, "Coffee, lunch or a call with the key people at %s", client);
		break;
	}
}

void
followup_describe(const struct task *t, char *buf, size_t size)
{
	static const char *const why[FU_KINDS] = {
		"Short personal notes to everyone who gave real time to the process; "
		"'tact notes %lld' drafts them.",
		"The people who wanted to hire this candidate are now part of the network; connect "
		"and thank them briefly.",
		"A new job does not always work out; a friendly check-in keeps the relationship "
		"alive.",
		"A short update on how things are going, about six months on.",
		"A year on: treat them as part of the network, and meet the key people.",
	};
	char summary[512];

	followup_summary(t, summary, sizeof(summary));
	snprintf(buf, size, "%s%s ", summary, summary[0] && strchr(".?!",
	    summary[strlen(summary) - 1]) ? "" : ".");
	snprintf(buf + strlen(buf), size - strlen(buf), why[t->kind % FU_KINDS], t->turndown);
}

void
followup_free_list(struct task *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].candidate);
		free(list[i].client);
	}
	free(list);
}

int
followup_list(struct vault *v, const struct fu_filter *f, struct task **out, size_t *n,
    struct terr *err)
{
	struct store_fu_filter sf;
	struct store_task *rows = NULL;
	struct task *list = NULL;
	struct turndown td;
	long long count;

	*out = NULL;
	*n = 0;
	memset(&td, 0, sizeof(td));
	sf.all = f->all;
	sf.until = f->until;
	sf.candidate = f->candidate;
	sf.client = f->client;
	sf.task = f->task;
	if ((count = store_followups(v, &sf, &rows, err)) < 0)
		return -1;
	if (count > 0 && (list = calloc((size_t)count, sizeof(*list))) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto fail;
	}
	for (long long i = 0; i < count; i++) {
		struct task *t = &list[(*n)++];

		t->id = rows[i].id;
		t->turndown = rows[i].turndown;
		t->kind = rows[i].kind % FU_KINDS;
		memcpy(t->due, rows[i].due, sizeof(t->due));
		t->status = rows[i].status % 3;
		memcpy(t->done_on, rows[i].done_on, sizeof(t->done_on));
		t->has_note = rows[i].has_note;
		/* Names come from the turndown; rows of one turndown often follow each other. */
		if (td.id != t->turndown) {
			turndown_clear(&td);
			if (turndown_load(v, t->turndown, TD_IDENTITY | TD_CLIENT, &td, err) != 0)
				goto fail;
		}
		t->candidate = strdup(td.candidate);
		t->client = strdup(td.client);
		if (t->candidate == NULL || t->client == NULL) {
			terr_set(err, EX_OSERR, "out of memory");
			goto fail;
		}
	}
	free(rows);
	turndown_clear(&td);
	*out = list;
	return 0;
fail:
	free(rows);
	turndown_clear(&td);
	followup_free_list(list, *n);
	*n = 0;
	return -1;
}

/* Sets TASK to STATUS (FU_OPEN: reopens it) inside the caller's
 * transaction; a NOTE is sealed under the candidate's key. */
static int
set_one(struct vault *v, long long task, int status, const char *note, struct terr *err)
{
	struct candkey *ck = NULL;
	struct tbuf sealed = { 0 }, wrapped = { 0 };
	struct tc_err ce = { 0 };
	char today[DATE_LEN];
	long long candidate = 0;
	int rc = -1, cur = 0, found;

	if ((found = store_followup_owner(v, task, &cur, &candidate, &wrapped, err)) <= 0) {
		if (found == 0)
			terr_set(err, EX_NOINPUT, "no follow-up task %lld", task);
		goto out;
	}
	if (status == FU_OPEN) {
		if (cur == FU_OPEN)
			terr_set(err, EX_DATAERR, "follow-up task %lld is already open", task);
		else
			rc = store_followup_reopen(v, task, err);
		goto out;
	}
	if (cur != FU_OPEN) {
		terr_set(err, EX_DATAERR, "follow-up task %lld is already %s (reopen it first)", task,
		    fu_status_names[cur % 3]);
		goto out;
	}
	if (note != NULL && *note != '\0') {
		struct tc_ad ad = { "followups", "note", task, candidate };

		if ((ck = candkey_alloc(&ce)) == NULL ||
		    candkey_unwrap(v->keys, ck, candidate, wrapped.data, wrapped.len, &ce) != 0 ||
		    part_seal(ck, TC_PART_FOLLOWUP, &ad, note, strlen(note), &sealed, &ce) != 0) {
			terr_crypto(err, &ce);
			goto out;
		}
	}
	date_today(today);
	rc = store_followup_close(v, task, status, today, &sealed, err);
out:
	candkey_free(ck);
	tbuf_free(&sealed);
	tbuf_free(&wrapped);
	return rc;
}

int
followup_set(struct vault *v, const long long *tasks, size_t n, int status, const char *note,
    struct terr *err)
{
	if (note != NULL && text_check("note", note, strlen(note), TEXT_NOTE_MAX, 1, err) != 0)
		return -1;
	if (vault_begin(v, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		/* The same task twice is once. */
		size_t j = 0;

		while (j < i && tasks[j] != tasks[i])
			j++;
		if (j < i)
			continue;
		if (set_one(v, tasks[i], status, note, err) != 0) {
			vault_rollback(v);
			return -1;
		}
	}
	if (vault_commit(v, err) != 0) {
		vault_rollback(v);
		return -1;
	}
	return 0;
}

int
followup_close(struct vault *v, long long task, int status, const char *note, struct terr *err)
{
	if (status == FU_OPEN)
		return terr_set(err, EX_SOFTWARE, "followup_close: not a closing status");
	return followup_set(v, &task, 1, status, note, err);
}

int
followup_reopen(struct vault *v, long long task, struct terr *err)
{
	return followup_set(v, &task, 1, FU_OPEN, NULL, err);
}

int
followup_show(struct vault *v, long long task, struct task **out, char **note, struct terr *err)
{
	struct fu_filter f = { 1, NULL, 0, 0, task };
	struct candkey *ck = NULL;
	struct tbuf sealed = { 0 }, wrapped = { 0 }, plain = { 0 };
	struct tc_err ce = { 0 };
	long long candidate = 0;
	size_t n = 0;
	int cur, rc = -1;

	*out = NULL;
	*note = NULL;
	if (followup_list(v, &f, out, &n, err) != 0)
		return -1;
	if (n == 0)
		return terr_set(err, EX_NOINPUT, "no follow-up task %lld", task);
	if (!(*out)->has_note)
		return 0;
	if (store_followup_owner(v, task, &cur, &candidate, &wrapped, err) != 1 ||
	    store_followup_note(v, task, &sealed, err) != 1)
		goto out;
	{
		struct tc_ad ad = { "followups", "note", task, candidate };

		if ((ck = candkey_alloc(&ce)) == NULL ||
		    candkey_unwrap(v->keys, ck, candidate, wrapped.data, wrapped.len, &ce) != 0 ||
		    part_open(ck, TC_PART_FOLLOWUP, &ad, sealed.data, sealed.len, &plain, &ce) != 0) {
			terr_crypto(err, &ce);
			goto out;
		}
	}
	if ((*note = strndup((const char *)plain.data, plain.len)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	rc = 0;
out:
	if (rc != 0) {
		followup_free_list(*out, n);
		*out = NULL;
	}
	candkey_free(ck);
	tbuf_free(&sealed);
	tbuf_free(&wrapped);
	tbuf_free(&plain);
	return rc;
}

char *
followup_ics(struct vault *v, const struct task *list, size_t n, struct terr *err)
{
	icalcomponent *cal, *todo;
	struct icaltimetype due, now = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
	char uid[160], idhex[2 * TC_VAULT_ID_LEN + 1], text[1024], *out;

	tc_hex(idhex, sizeof(idhex), v->id, sizeof(v->id));
	cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//tact//follow-ups//EN"), (void *)0);
	if (cal == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (list[i].status != FU_OPEN)
			continue;
		/* Stable per task and vault, so a calendar updates rather than duplicates. */
		snprintf(uid, sizeof(uid), "followup-%lld-%.16s@tact", list[i].id, idhex);
		due = icaltime_null_date();
		due.year = atoi(list[i].due);
		due.month = atoi(list[i].due + 5);
		due.day = atoi(list[i].due + 8);
		due.is_date = 1;
		todo = icalcomponent_new(ICAL_VTODO_COMPONENT);
		icalcomponent_add_property(todo, icalproperty_new_uid(uid));
		icalcomponent_add_property(todo, icalproperty_new_dtstamp(now));
		icalcomponent_add_property(todo, icalproperty_new_due(due));
		followup_summary(&list[i], text, sizeof(text));
		icalcomponent_add_property(todo, icalproperty_new_summary(text));
		followup_describe(&list[i], text, sizeof(text));
		icalcomponent_add_property(todo, icalproperty_new_description(text));
		icalcomponent_add_property(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
		icalcomponent_add_component(cal, todo);
	}
	out = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (out == NULL)
		terr_set(err, EX_OSERR, "cannot write the calendar");
	return out;
}
