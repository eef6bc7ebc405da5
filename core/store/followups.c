/*
 * followups.c - the followups table: one row per task of a turndown's
 * stay-in-touch plan.  Only ids, kinds, dates and status are in clear; a
 * done-note is sealed under the candidate's key.  Rows go with their
 * turndown (ON DELETE CASCADE), so forgetting a candidate erases them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/engine.h"

int
store_followup_add(struct vault *v, long long turndown, int kind, const char *due,
    struct terr *err)
{
	struct est *st = engine_kept(v, ES_FU_ADD, "INSERT INTO followups(turndown_id, "
	    "kind, due) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", err);

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, turndown);
	est_bind_int64(st, 2, kind);
	est_bind_text(st, 3, due);
	if (engine_done(v, st, "followups", err) != 0)
		return -1;
	return engine_changes(v) > 0;
}

long long
store_followups(struct vault *v, const struct store_fu_filter *f, struct store_task **out,
    struct terr *err)
{
	struct est *st;
	struct store_task *list = NULL, *grown, *t;
	const char *text;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	st = engine_prepare(v, "SELECT f.id, f.turndown_id, f.kind, f.due, f.status, f.done_on, "
	    "f.note IS NOT NULL FROM followups f JOIN turndowns t ON t.id = f.turndown_id "
	    "WHERE (?1 = 1 OR f.status = 0) AND (CAST(?2 AS TEXT) IS NULL OR f.due <= ?2) "
	    "AND (?3 = 0 OR t.candidate_id = ?3) AND (?4 = 0 OR t.client_id = ?4) "
	    "AND (?5 = 0 OR f.id = ?5) ORDER BY f.due, f.id", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, f->all != 0);
	if (f->until != NULL)
		est_bind_text(st, 2, f->until);
	est_bind_int64(st, 3, f->candidate);
	est_bind_int64(st, 4, f->client);
	est_bind_int64(st, 5, f->task);
	while ((rc = engine_row(v, st, "followups", err)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((grown = realloc(list, cap * sizeof(*list))) == NULL) {
				rc = terr_set(err, EX_OSERR, "out of memory");
				break;
			}
			list = grown;
		}
		t = &list[n++];
		memset(t, 0, sizeof(*t));
		t->id = est_int64(st, 0);
		t->turndown = est_int64(st, 1);
		t->kind = est_int(st, 2);
		text = est_text(st, 3);
		snprintf(t->due, sizeof(t->due), "%s", text ? text : "");
		t->status = est_int(st, 4);
		if ((text = est_text(st, 5)) != NULL)
			snprintf(t->done_on, sizeof(t->done_on), "%s", text);
		t->has_note = est_int(st, 6);
	}
	est_finalize(st);
	if (rc != 0) {
		free(list);
		return -1;
	}
	*out = list;
	return (long long)n;
}

int
store_followup_owner(struct vault *v, long long id, int *status, long long *candidate,
    struct tbuf *wrapped, struct terr *err)
{
	struct est *st;
	int rc;

	st = engine_prepare(v, "SELECT f.status, t.candidate_id, c.wrapped_key FROM followups f "
	    "JOIN turndowns t ON t.id = f.turndown_id JOIN candidates c ON c.id = t.candidate_id "
	    "WHERE f.id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "followups", err)) == 1) {
		*status = est_int(st, 0);
		*candidate = est_int64(st, 1);
		if (engine_blob(st, 2, wrapped, err) != 0)
			rc = -1;
	}
	est_finalize(st);
	return rc;
}

int
store_followup_close(struct vault *v, long long id, int status, const char *on,
    const struct tbuf *note, struct terr *err)
{
	struct est *st;
	int rc;

	st = engine_prepare(v, "UPDATE followups SET status = ?, done_on = ?, note = ? WHERE id = ?",
	    err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, status);
	est_bind_text(st, 2, on);
	if (note != NULL && note->data != NULL)
		est_bind_blob(st, 3, note->data, note->len);
	est_bind_int64(st, 4, id);
	rc = engine_done(v, st, "followups", err);
	est_finalize(st);
	return rc;
}

int
store_followup_reopen(struct vault *v, long long id, struct terr *err)
{
	struct est *st;
	int rc;

	/* The note stays: it is what happened the first time. */
	st = engine_prepare(v, "UPDATE followups SET status = 0, done_on = NULL WHERE id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	rc = engine_done(v, st, "followups", err);
	est_finalize(st);
	return rc;
}

int
store_followup_note(struct vault *v, long long id, struct tbuf *note, struct terr *err)
{
	struct est *st;
	int rc;

	st = engine_prepare(v, "SELECT note FROM followups WHERE id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "followups", err)) == 1 &&
	    !est_is_null(st, 0) && engine_blob(st, 0, note, err) != 0)
		rc = -1;
	est_finalize(st);
	return rc;
}

int
store_followup_taken(struct vault *v, long long turndown, int kind, const char *due,
    struct terr *err)
{
	/* status IN (...) lets the (status, due) index find the day's tasks. */
	struct est *st = engine_kept(v, ES_FU_TAKEN, "SELECT EXISTS(SELECT 1 FROM followups f "
	    "JOIN turndowns t ON t.id = f.turndown_id WHERE f.status IN (0, 1, 2) AND f.due = ?3 "
	    "AND f.kind = ?2 AND f.turndown_id != ?1 AND t.candidate_id = "
	    "(SELECT candidate_id FROM turndowns WHERE id = ?1))", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, turndown);
	est_bind_int64(st, 2, kind);
	est_bind_text(st, 3, due);
	if ((rc = engine_row(v, st, "followups", err)) == 1)
		rc = est_int(st, 0);
	est_reset(st);
	return rc;
}

long long
store_turndown_people_len(struct vault *v, long long turndown, struct terr *err)
{
	struct est *st = engine_kept(v, ES_FU_PEOPLE_LEN, "SELECT length(people) FROM turndowns "
	    "WHERE id = ?", err);
	long long rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, turndown);
	if ((rc = engine_row(v, st, "turndowns", err)) == 1)
		rc = est_int64(st, 0);
	else if (rc == 0)
		rc = terr_set(err, EX_NOINPUT, "no turndown %lld", turndown);
	est_reset(st);
	return rc;
}

int
store_followup_redate(struct vault *v, long long turndown, int kind, const char *due,
    struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE followups SET due = ? WHERE turndown_id = ? "
	    "AND kind = ? AND status = 0", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_text(st, 1, due);
	est_bind_int64(st, 2, turndown);
	est_bind_int64(st, 3, kind);
	rc = engine_done(v, st, "followups", err);
	est_finalize(st);
	return rc;
}

int
store_followup_notes(struct vault *v, long long turndown,
    int (*fn)(void *arg, long long task, const struct store_blob *note), void *arg,
    struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT id, note FROM followups WHERE turndown_id = ? "
	    "AND note IS NOT NULL AND length(note) > 0 ORDER BY id", err);
	struct store_blob b;
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, turndown);
	while ((rc = engine_row(v, st, "followups", err)) == 1) {
		b.data = est_blob(st, 1);
		b.len = est_bytes(st, 1);
		if ((rc = fn(arg, est_int64(st, 0), &b)) != 0)
			break;
	}
	est_finalize(st);
	return rc;
}

int
store_followup_set_note(struct vault *v, long long id, const struct tbuf *note, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE followups SET note = ? WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, note->data, note->len);
	est_bind_int64(st, 2, id);
	rc = engine_done(v, st, "followups", err);
	est_finalize(st);
	return rc;
}
