/*
 * turndowns.c - the turndowns table: ids, client and dates in clear (the
 * dates are also sealed inside the signals part, which the reader compares),
 * and four sealed parts.  Reading goes through one iterator that fetches
 * only the sealed columns asked for, joined with the candidate's wrapped
 * key; ordered by candidate, it scans the covering index of schema 3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/engine.h"

int
store_turndown_add(struct vault *v, const struct store_turndown *r, struct terr *err)
{
	struct est *st = engine_kept(v, ES_TD_ADD, "INSERT INTO turndowns(id, candidate_id, "
	    "client_id, offer_date, decline_date, created, signals, people, shareable, confidential) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	char now[32];

	if (st == NULL)
		return -1;
	date_now_utc(now);
	est_bind_int64(st, 1, r->id);
	est_bind_int64(st, 2, r->candidate_id);
	est_bind_int64(st, 3, r->client_id);
	if (r->offer_date != NULL && r->offer_date[0] != '\0')
		est_bind_text(st, 4, r->offer_date);
	est_bind_text(st, 5, r->decline_date);
	est_bind_text(st, 6, now);
	est_bind_blob(st, 7, r->signals.data, r->signals.len);
	est_bind_blob(st, 8, r->people.data, r->people.len);
	est_bind_blob(st, 9, r->shareable.data, r->shareable.len);
	est_bind_blob(st, 10, r->confidential.data, r->confidential.len);
	return engine_done(v, st, "turndowns", err);
}

int
store_turndown_update(struct vault *v, const struct store_turndown *r, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE turndowns SET candidate_id = ?, client_id = ?, "
	    "offer_date = ?, decline_date = ?, signals = ?, people = ?, shareable = ?, "
	    "confidential = ? WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, r->candidate_id);
	est_bind_int64(st, 2, r->client_id);
	if (r->offer_date != NULL && r->offer_date[0] != '\0')
		est_bind_text(st, 3, r->offer_date);
	est_bind_text(st, 4, r->decline_date);
	est_bind_blob(st, 5, r->signals.data, r->signals.len);
	est_bind_blob(st, 6, r->people.data, r->people.len);
	est_bind_blob(st, 7, r->shareable.data, r->shareable.len);
	est_bind_blob(st, 8, r->confidential.data, r->confidential.len);
	est_bind_int64(st, 9, r->id);
	rc = engine_done(v, st, "turndowns", err);
	est_finalize(st);
	return rc;
}

int
store_turndown_owner(struct vault *v, long long id, long long *candidate, char decline[DATE_LEN],
    struct tbuf *wrapped, struct tbuf *confidential, struct terr *err)
{
	struct est *st;
	const char *d;
	int rc;

	st = engine_prepare(v, "SELECT t.candidate_id, t.decline_date, c.wrapped_key, "
	    "t.confidential FROM turndowns t JOIN candidates c ON c.id = t.candidate_id "
	    "WHERE t.id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "turndowns", err)) == 1) {
		*candidate = est_int64(st, 0);
		d = est_text(st, 1);
		snprintf(decline, DATE_LEN, "%s", d ? d : "");
		if (engine_blob(st, 2, wrapped, err) != 0 || engine_blob(st, 3, confidential, err) != 0) {
			tbuf_free(wrapped);
			rc = -1;
		}
	}
	est_finalize(st);
	return rc;
}

long long
store_turndowns_of(struct vault *v, enum store_table by, long long id, long long **out,
    struct terr *err)
{
	struct est *st = engine_prepare(v, by == STORE_CLIENTS ?
	    "SELECT id FROM turndowns WHERE client_id = ? ORDER BY id" :
	    "SELECT id FROM turndowns WHERE candidate_id = ? ORDER BY id", err);
	long long *list = NULL, *grown, n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	while ((rc = engine_row(v, st, "turndowns", err)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = realloc(list, (size_t)cap * sizeof(*list))) == NULL) {
				rc = terr_set(err, EX_OSERR, "out of memory");
				break;
			}
			list = grown;
		}
		list[n++] = est_int64(st, 0);
	}
	est_finalize(st);
	if (rc < 0) {
		free(list);
		return -1;
	}
	*out = list;
	return n;
}

int
store_client_delete(struct vault *v, long long id, struct terr *err)
{
	struct est *st = engine_prepare(v, "DELETE FROM clients WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	rc = engine_done(v, st, "clients", err);
	est_finalize(st);
	return rc != 0 ? -1 : engine_changes(v);
}

int
store_turndown_delete(struct vault *v, long long id, struct terr *err)
{
	struct est *st = engine_prepare(v, "DELETE FROM turndowns WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	rc = engine_done(v, st, "turndowns", err);
	est_finalize(st);
	return rc != 0 ? -1 : engine_changes(v);
}

long long
store_turndown_exists(struct vault *v, long long candidate, long long client,
    const char *decline, struct terr *err)
{
	struct est *st = engine_kept(v, ES_TD_EXISTS, "SELECT id FROM turndowns WHERE "
	    "candidate_id = ? AND client_id = ? AND decline_date = ? LIMIT 1", err);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, candidate);
	est_bind_int64(st, 2, client);
	est_bind_text(st, 3, decline);
	if ((rc = engine_row(v, st, "turndowns", err)) == 1)
		id = est_int64(st, 0);
	est_reset(st);
	return rc < 0 ? -1 : id;
}

int
store_turndown_decline(struct vault *v, long long id, char out[DATE_LEN], struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT decline_date FROM turndowns WHERE id = ?", err);
	const char *d;
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "turndowns", err)) == 1) {
		d = est_text(st, 0);
		snprintf(out, DATE_LEN, "%s", d ? d : "");
	}
	est_finalize(st);
	return rc;
}

int
store_turndown_confidential(struct vault *v, long long id, long long candidate,
    struct tbuf *wrapped, struct tbuf *sealed, struct terr *err)
{
	struct est *st;
	int rc;

	st = engine_prepare(v, "SELECT c.wrapped_key, t.confidential FROM turndowns t JOIN "
	    "candidates c ON c.id = t.candidate_id WHERE t.id = ? AND t.candidate_id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	est_bind_int64(st, 2, candidate);
	if ((rc = engine_row(v, st, "turndowns", err)) == 1 &&
	    (engine_blob(st, 0, wrapped, err) != 0 || engine_blob(st, 1, sealed, err) != 0)) {
		tbuf_free(wrapped);
		rc = -1;
	}
	est_finalize(st);
	return rc;
}

/* ---- reading many ---------------------------------------------------------- */

struct store_iter {
	struct vault *v;
	struct est *st;
};

enum { COL_ID, COL_CAND, COL_CLIENT, COL_OFFER, COL_DECLINE, COL_SIGNALS, COL_PEOPLE,
	COL_SHARE, COL_WRAPPED, COL_CNAME, COL_CLNAME };

struct store_iter *
store_iter_new(struct vault *v, const struct td_filter *f, unsigned cols, struct terr *err)
{
	struct store_iter *it = calloc(1, sizeof(*it));
	char sql[1024];
	int n, i = 1;

	if (it == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	it->v = v;
	n = snprintf(sql, sizeof(sql),
	    "SELECT t.id, t.candidate_id, t.client_id, t.offer_date, t.decline_date, %s, %s, %s, "
	    "c.wrapped_key, %s, %s FROM turndowns t JOIN candidates c ON c.id = t.candidate_id%s "
	    "WHERE 1 = 1",
	    cols & STORE_SIGNALS ? "t.signals" : "NULL",
	    cols & STORE_PEOPLE ? "t.people" : "NULL",
	    cols & STORE_SHAREABLE ? "t.shareable" : "NULL",
	    cols & STORE_CAND_NAME ? "c.name" : "NULL",
	    cols & STORE_CLIENT_NAME ? "cl.name" : "NULL",
	    cols & STORE_CLIENT_NAME ? " JOIN clients cl ON cl.id = t.client_id" : "");
	if (f->id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.id = ?%d", i++);
	if (f->client_id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.client_id = ?%d", i++);
	if (f->candidate_id)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.candidate_id = ?%d", i++);
	if (f->since)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.decline_date >= ?%d", i++);
	if (f->until)
		n += snprintf(sql + n, sizeof(sql) - (size_t)n, " AND t.decline_date <= ?%d", i++);
	n += snprintf(sql + n, sizeof(sql) - (size_t)n, f->by_candidate ?
	    " ORDER BY t.candidate_id, t.id" : f->newest_first ?
	    " ORDER BY t.decline_date DESC, t.id DESC" : " ORDER BY t.decline_date, t.id");
	if (f->limit > 0)
		snprintf(sql + n, sizeof(sql) - (size_t)n, " LIMIT %lld", f->limit);
	if ((it->st = engine_prepare_stream(v, sql, err)) == NULL) {
		store_iter_free(it);
		return NULL;
	}
	i = 1;
	if (f->id)
		est_bind_int64(it->st, i++, f->id);
	if (f->client_id)
		est_bind_int64(it->st, i++, f->client_id);
	if (f->candidate_id)
		est_bind_int64(it->st, i++, f->candidate_id);
	if (f->since)
		est_bind_text(it->st, i++, f->since);
	if (f->until)
		est_bind_text(it->st, i++, f->until);
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
store_iter_next(struct store_iter *it, struct store_row *row, struct terr *err)
{
	struct est *st = it->st;
	int rc;

	memset(row, 0, sizeof(*row));
	if ((rc = engine_row(it->v, st, "turndowns", err)) != 1)
		return rc;
	row->td.id = est_int64(st, COL_ID);
	row->td.candidate_id = est_int64(st, COL_CAND);
	row->td.client_id = est_int64(st, COL_CLIENT);
	row->td.offer_date = est_text(st, COL_OFFER);
	row->td.decline_date = est_text(st, COL_DECLINE);
	row->td.signals = column_blob(st, COL_SIGNALS);
	row->td.people = column_blob(st, COL_PEOPLE);
	row->td.shareable = column_blob(st, COL_SHARE);
	row->wrapped_key = column_blob(st, COL_WRAPPED);
	row->cand_name = column_blob(st, COL_CNAME);
	row->client_name = column_blob(st, COL_CLNAME);
	return 1;
}

void
store_iter_free(struct store_iter *it)
{
	if (it == NULL)
		return;
	est_finalize(it->st);
	free(it);
}
