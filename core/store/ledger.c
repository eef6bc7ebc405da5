/*
 * ledger.c - the release ledger's tables: one row per report released, its
 * client id (0 for all clients), when, the mark of erasures it had seen, and
 * one sealed body (recipient, scope, candidate set) the store never reads.
 *
 * Forgetting a candidate leaves their id in the bodies of earlier releases
 * (numbers only), so a later report cannot quietly drop them.  Since ids are
 * handed out again once the highest is gone, a trigger of schema 4 notes each
 * erased candidate id with a sequence number in release_gone: an id a
 * release counted that was erased after it (a larger sequence than the
 * release's mark) names somebody else now.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/engine.h"

long long
store_release_next_id(struct vault *v, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT coalesce(max(id), 0) + 1 FROM releases", err);
	long long id = -1;

	if (st == NULL)
		return -1;
	if (engine_row(v, st, "releases", err) == 1)
		id = est_int64(st, 0);
	est_finalize(st);
	return id;
}

long long
store_release_gone_mark(struct vault *v, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT coalesce(max(seq), 0) FROM release_gone",
	    err);
	long long mark = -1;

	if (st == NULL)
		return -1;
	if (engine_row(v, st, "releases", err) == 1)
		mark = est_int64(st, 0);
	est_finalize(st);
	return mark;
}

int
store_release_add(struct vault *v, const struct store_release *r, struct terr *err)
{
	struct est *st = engine_prepare(v, "INSERT INTO releases(id, created, client_id, "
	    "gone_mark, body) VALUES (?, ?, ?, ?, ?)", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, r->id);
	est_bind_text(st, 2, r->created);
	est_bind_int64(st, 3, r->client_id);
	est_bind_int64(st, 4, r->gone_mark);
	est_bind_blob(st, 5, r->body.data, r->body.len);
	rc = engine_done(v, st, "releases", err);
	est_finalize(st);
	return rc;
}

int
store_release_chunk_add(struct vault *v, long long release, long long seq,
    const struct tbuf *body, struct terr *err)
{
	struct est *st = engine_prepare(v, "INSERT INTO release_chunks(release_id, seq, body) "
	    "VALUES (?, ?, ?)", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, release);
	est_bind_int64(st, 2, seq);
	est_bind_blob(st, 3, body->data, body->len);
	rc = engine_done(v, st, "release_chunks", err);
	est_finalize(st);
	return rc;
}

int
store_release_chunk_get(struct vault *v, long long release, long long seq, struct tbuf *body,
    struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT body FROM release_chunks WHERE release_id = ? "
	    "AND seq = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, release);
	est_bind_int64(st, 2, seq);
	if ((rc = engine_row(v, st, "release_chunks", err)) == 1 && engine_blob(st, 0, body, err) != 0)
		rc = -1;
	est_finalize(st);
	return rc;
}

int
store_release_move_client(struct vault *v, long long from, long long into, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE releases SET client_id = ? WHERE client_id = ?",
	    err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, into);
	est_bind_int64(st, 2, from);
	rc = engine_done(v, st, "releases", err);
	est_finalize(st);
	return rc;
}

long long
store_release_gone(struct vault *v, struct store_gone **out, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT candidate_id, seq FROM release_gone "
	    "ORDER BY candidate_id", err);
	struct store_gone *list = NULL, *t;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (st == NULL)
		return -1;
	while ((rc = engine_row(v, st, "releases", err)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((t = realloc(list, cap * sizeof(*list))) == NULL) {
				rc = terr_set(err, EX_OSERR, "out of memory");
				break;
			}
			list = t;
		}
		list[n].candidate = est_int64(st, 0);
		list[n].seq = est_int64(st, 1);
		n++;
	}
	est_finalize(st);
	if (rc < 0) {
		free(list);
		return -1;
	}
	*out = list;
	return (long long)n;
}

/* ---- reading ---------------------------------------------------------------- */

struct store_release_iter {
	struct vault *v;
	struct est *st;
};

struct store_release_iter *
store_release_iter_new(struct vault *v, int with_body, struct terr *err)
{
	struct store_release_iter *it = calloc(1, sizeof(*it));

	if (it == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	it->v = v;
	it->st = engine_prepare_stream(v, with_body ?
	    "SELECT id, created, client_id, gone_mark, body FROM releases ORDER BY id" :
	    "SELECT id, created, client_id, gone_mark, NULL FROM releases ORDER BY id", err);
	if (it->st == NULL) {
		free(it);
		return NULL;
	}
	return it;
}

int
store_release_iter_next(struct store_release_iter *it, struct store_release *r,
    struct terr *err)
{
	const char *created;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = engine_row(it->v, it->st, "releases", err)) != 1)
		return rc;
	r->id = est_int64(it->st, 0);
	created = est_text(it->st, 1);
	snprintf(r->created, sizeof(r->created), "%s", created ? created : "");
	r->client_id = est_int64(it->st, 2);
	r->gone_mark = est_int64(it->st, 3);
	r->body.data = est_blob(it->st, 4);
	r->body.len = est_bytes(it->st, 4);
	return 1;
}

void
store_release_iter_free(struct store_release_iter *it)
{
	if (it == NULL)
		return;
	est_finalize(it->st);
	free(it);
}
