/*
 * feedback.c - the feedback table (schema 6): a client's feedback on a
 * candidate it rejected.  Like a turndown row, ids and the date it was given
 * are in clear (the date also sealed in the signals part, which the reader
 * compares), and three parts sealed under the candidate's key.  The
 * iterator never fetches the confidential part: only store_feedback_owner()
 * hands it out, to core/confidential/ and to the writer that re-seals it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/engine.h"

static void
bind_row(struct est *st, int first, const struct store_feedback *r)
{
	est_bind_int64(st, first, r->candidate_id);
	est_bind_int64(st, first + 1, r->client_id);
	est_bind_text(st, first + 2, r->date);
	est_bind_blob(st, first + 3, r->signals.data, r->signals.len);
	est_bind_blob(st, first + 4, r->shareable.data, r->shareable.len);
	est_bind_blob(st, first + 5, r->confidential.data, r->confidential.len);
}

int
store_feedback_add(struct vault *v, const struct store_feedback *r, struct terr *err)
{
	struct est *st = engine_prepare(v, "INSERT INTO feedback(id, candidate_id, client_id, "
	    "given_date, signals, shareable, confidential, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	    err);
	char now[32];
	int rc;

	if (st == NULL)
		return -1;
	date_now_utc(now);
	est_bind_int64(st, 1, r->id);
	bind_row(st, 2, r);
	est_bind_text(st, 8, now);
	rc = engine_done(v, st, "feedback", err);
	est_finalize(st);
	return rc;
}

int
store_feedback_update(struct vault *v, const struct store_feedback *r, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE feedback SET candidate_id = ?, client_id = ?, "
	    "given_date = ?, signals = ?, shareable = ?, confidential = ? WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	bind_row(st, 1, r);
	est_bind_int64(st, 7, r->id);
	rc = engine_done(v, st, "feedback", err);
	est_finalize(st);
	return rc;
}

long long
store_feedback_exists(struct vault *v, long long candidate, long long client, const char *date,
    struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT id FROM feedback WHERE candidate_id = ? AND "
	    "client_id = ? AND given_date = ? LIMIT 1", err);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, candidate);
	est_bind_int64(st, 2, client);
	est_bind_text(st, 3, date);
	if ((rc = engine_row(v, st, "feedback", err)) == 1)
		id = est_int64(st, 0);
	est_finalize(st);
	return rc < 0 ? -1 : id;
}

int
store_feedback_owner(struct vault *v, long long id, long long *candidate, struct tbuf *wrapped,
    struct tbuf *confidential, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT f.candidate_id, c.wrapped_key, f.confidential "
	    "FROM feedback f JOIN candidates c ON c.id = f.candidate_id WHERE f.id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "feedback", err)) == 1) {
		*candidate = est_int64(st, 0);
		if (engine_blob(st, 1, wrapped, err) != 0 ||
		    engine_blob(st, 2, confidential, err) != 0) {
			tbuf_free(wrapped);
			rc = -1;
		}
	}
	est_finalize(st);
	return rc;
}

/* Runs SQL, a DELETE with one id parameter; returns the rows deleted or -1. */
static int
delete_by(struct vault *v, const char *sql, long long id, struct terr *err)
{
	struct est *st = engine_prepare(v, sql, err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	rc = engine_done(v, st, "feedback", err);
	est_finalize(st);
	return rc != 0 ? -1 : engine_changes(v);
}

int
store_feedback_delete(struct vault *v, long long id, struct terr *err)
{
	return delete_by(v, "DELETE FROM feedback WHERE id = ?", id, err);
}

int
store_feedback_delete_of(struct vault *v, long long candidate, struct terr *err)
{
	return delete_by(v, "DELETE FROM feedback WHERE candidate_id = ?", candidate, err);
}

long long
store_feedback_count(struct vault *v, enum store_table by, long long id, struct terr *err)
{
	struct est *st = engine_prepare(v, by == STORE_CLIENTS ?
	    "SELECT count(*) FROM feedback WHERE client_id = ?" :
	    "SELECT count(*) FROM feedback WHERE candidate_id = ?", err);
	long long n = -1;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if (engine_row(v, st, "feedback", err) == 1)
		n = est_int64(st, 0);
	est_finalize(st);
	return n;
}

/* ---- reading many ---------------------------------------------------------- */

struct store_fb_iter {
	struct vault *v;
	struct est *st;
};

struct store_fb_iter *
store_fb_iter_new(struct vault *v, const struct fb_filter *f, struct terr *err)
{
	struct store_fb_iter *it = calloc(1, sizeof(*it));
	char sql[512];
	int n, i = 1;

	if (it == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	it->v = v;
	n = snprintf(sql, sizeof(sql), "SELECT f.id, f.candidate_id, f.client_id, f.given_date, "
	    "f.signals, f.shareable, c.wrapped_key, c.name, cl.name FROM feedback f "
	    "JOIN candidates c ON c.id = f.candidate_id JOIN clients cl ON cl.id = f.client_id "
	    "WHERE 1 = 1");
	if (f->id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND f.id = ?%d", i++);
	if (f->candidate_id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND f.candidate_id = ?%d", i++);
	if (f->client_id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND f.client_id = ?%d", i++);
	snprintf(sql + n, sizeof(sql) - (size_t)n, f->newest_first ?
	    " ORDER BY f.given_date DESC, f.id DESC" : " ORDER BY f.id");
	if ((it->st = engine_prepare_stream(v, sql, err)) == NULL) {
		store_fb_iter_free(it);
		return NULL;
	}
	i = 1;
	if (f->id)
		est_bind_int64(it->st, i++, f->id);
	if (f->candidate_id)
		est_bind_int64(it->st, i++, f->candidate_id);
	if (f->client_id)
		est_bind_int64(it->st, i++, f->client_id);
	return it;
}

static struct store_blob
column_blob(struct est *st, int col)
{
	struct store_blob b = { est_blob(st, col), 0 };

	b.len = est_bytes(st, col);
	return b;
}

int
store_fb_iter_next(struct store_fb_iter *it, struct store_fb_row *row, struct terr *err)
{
	struct est *st = it->st;
	int rc;

	memset(row, 0, sizeof(*row));
	if ((rc = engine_row(it->v, st, "feedback", err)) != 1)
		return rc;
	row->fb.id = est_int64(st, 0);
	row->fb.candidate_id = est_int64(st, 1);
	row->fb.client_id = est_int64(st, 2);
	row->fb.date = est_text(st, 3);
	row->fb.signals = column_blob(st, 4);
	row->fb.shareable = column_blob(st, 5);
	row->wrapped_key = column_blob(st, 6);
	row->cand_name = column_blob(st, 7);
	row->client_name = column_blob(st, 8);
	return 1;
}

void
store_fb_iter_free(struct store_fb_iter *it)
{
	if (it == NULL)
		return;
	est_finalize(it->st);
	free(it);
}
