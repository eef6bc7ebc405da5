/*
 * names.c - the candidates and clients tables: a keyed blind index of the
 * normalised name (for finding without decrypting), the sealed name, and
 * for a candidate the wrapped key that opens every part of their rows.
 */
#include <stdio.h>
#include <string.h>

#include "core/store/engine.h"

static const char *const table_names[] = { "candidates", "clients", "turndowns", "feedback" };

long long
store_next_id(struct vault *v, enum store_table table, struct terr *err)
{
	char sql[96];
	struct est *st;
	long long id = -1;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), 0) + 1 FROM %s", table_names[table]);
	if ((st = engine_prepare(v, sql, err)) == NULL)
		return -1;
	if ((rc = engine_row(v, st, table_names[table], err)) == 1)
		id = est_int64(st, 0);
	else if (rc == 0)
		terr_set(err, EX_SOFTWARE, "%s: no next id", table_names[table]);
	est_finalize(st);
	return id;
}

int
store_candidate_find(struct vault *v, const uint8_t blind[TC_BLIND_LEN], long long *id,
    long long *other, struct tbuf *wrapped, struct terr *err)
{
	struct est *st = engine_kept(v, ES_CAND_FIND,
	    "SELECT id, wrapped_key FROM candidates WHERE name_blind = ? ORDER BY id LIMIT 2", err);
	int rc, n = 0;

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, blind, TC_BLIND_LEN);
	while ((rc = engine_row(v, st, "candidates", err)) == 1) {
		if (n++ == 0) {
			*id = est_int64(st, 0);
			if (wrapped != NULL && engine_blob(st, 1, wrapped, err) != 0) {
				rc = -1;
				break;
			}
		} else if (other != NULL) {
			*other = est_int64(st, 0);
		}
	}
	est_reset(st);
	if (rc < 0 && wrapped != NULL)
		tbuf_free(wrapped);
	return rc < 0 ? -1 : n;
}

int
store_candidate_find_ref(struct vault *v, const uint8_t ref[TC_BLIND_LEN], long long *id,
    struct tbuf *wrapped, struct terr *err)
{
	struct est *st = engine_kept(v, ES_CAND_REF,
	    "SELECT id, wrapped_key FROM candidates WHERE ref_blind = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, ref, TC_BLIND_LEN);
	if ((rc = engine_row(v, st, "candidates", err)) == 1) {
		*id = est_int64(st, 0);
		if (engine_blob(st, 1, wrapped, err) != 0)
			rc = -1;
	}
	est_reset(st);
	return rc;
}

int
store_candidate_add(struct vault *v, long long id, const uint8_t row[TC_BLIND_LEN],
    const uint8_t blind[TC_BLIND_LEN], const uint8_t *ref, const uint8_t *wrapped,
    size_t wrapped_len, const struct tbuf *name, struct terr *err)
{
	struct est *st = engine_kept(v, ES_CAND_ADD, "INSERT INTO candidates(id, blind, "
	    "name_blind, ref_blind, wrapped_key, name) VALUES (?, ?, ?, ?, ?, ?)", err);

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	est_bind_blob(st, 2, row, TC_BLIND_LEN);
	est_bind_blob(st, 3, blind, TC_BLIND_LEN);
	if (ref != NULL)
		est_bind_blob(st, 4, ref, TC_BLIND_LEN);
	else
		est_bind_null(st, 4);
	est_bind_blob(st, 5, wrapped, wrapped_len);
	est_bind_blob(st, 6, name->data, name->len);
	return engine_done(v, st, "candidates", err);
}

/* Reads candidate ID's ref_blind into OUT; 1 if it has one, 0 if not, -1. */
static int
candidate_ref(struct vault *v, long long id, uint8_t out[TC_BLIND_LEN], struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT ref_blind FROM candidates WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "candidates", err)) == 1) {
		if (!est_is_null(st, 0) && est_bytes(st, 0) == TC_BLIND_LEN)
			memcpy(out, est_blob(st, 0), TC_BLIND_LEN);
		else
			rc = 0;
	}
	est_finalize(st);
	return rc;
}

static int
candidate_set_ref(struct vault *v, long long id, const uint8_t *ref, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE candidates SET ref_blind = ? WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	if (ref != NULL)
		est_bind_blob(st, 1, ref, TC_BLIND_LEN);
	else
		est_bind_null(st, 1);
	est_bind_int64(st, 2, id);
	rc = engine_done(v, st, "candidates", err);
	est_finalize(st);
	return rc;
}

int
store_candidate_move_ref(struct vault *v, long long from, long long into, struct terr *err)
{
	uint8_t ref[TC_BLIND_LEN], other[TC_BLIND_LEN];
	int rc;

	if ((rc = candidate_ref(v, from, ref, err)) <= 0)
		return rc;
	if ((rc = candidate_ref(v, into, other, err)) != 0)
		return rc < 0 ? -1 : 1;
	if (candidate_set_ref(v, from, NULL, err) != 0 || candidate_set_ref(v, into, ref, err) != 0)
		return -1;
	return 0;
}

int
store_candidate_rename(struct vault *v, long long id, const uint8_t row[TC_BLIND_LEN],
    const uint8_t blind[TC_BLIND_LEN], const struct tbuf *name, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE candidates SET blind = ?, name_blind = ?, "
	    "name = ? WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, row, TC_BLIND_LEN);
	est_bind_blob(st, 2, blind, TC_BLIND_LEN);
	est_bind_blob(st, 3, name->data, name->len);
	est_bind_int64(st, 4, id);
	rc = engine_done(v, st, "candidates", err);
	est_finalize(st);
	return rc;
}

int
store_client_rename(struct vault *v, long long id, const uint8_t blind[TC_BLIND_LEN],
    const struct tbuf *name, struct terr *err)
{
	struct est *st = engine_prepare(v, "UPDATE clients SET blind = ?, name = ? WHERE id = ?",
	    err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, blind, TC_BLIND_LEN);
	est_bind_blob(st, 2, name->data, name->len);
	est_bind_int64(st, 3, id);
	rc = engine_done(v, st, "clients", err);
	est_finalize(st);
	return rc;
}

int
store_exists(struct vault *v, enum store_table table, long long id, struct terr *err)
{
	char sql[64];
	struct est *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE id = ?", table_names[table]);
	if ((st = engine_prepare(v, sql, err)) == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	rc = engine_row(v, st, table_names[table], err);
	est_finalize(st);
	return rc;
}

int
store_names(struct vault *v, int clients, int (*fn)(void *arg, const struct store_name_row *row),
    void *arg, struct terr *err)
{
	struct est *st;
	struct store_name_row r;
	int rc;

	st = engine_prepare_stream(v, clients ?
	    "SELECT c.id, c.name, NULL, count(t.id), max(t.decline_date) FROM clients c "
	    "LEFT JOIN turndowns t ON t.client_id = c.id GROUP BY c.id ORDER BY c.id" :
	    "SELECT c.id, c.name, c.wrapped_key, count(t.id), max(t.decline_date) FROM candidates c "
	    "LEFT JOIN turndowns t ON t.candidate_id = c.id GROUP BY c.id ORDER BY c.id", err);
	if (st == NULL)
		return -1;
	while ((rc = engine_row(v, st, clients ? "clients" : "candidates", err)) == 1) {
		r.id = est_int64(st, 0);
		r.name.data = est_blob(st, 1);
		r.name.len = est_bytes(st, 1);
		r.wrapped_key.data = est_blob(st, 2);
		r.wrapped_key.len = est_bytes(st, 2);
		r.turndowns = est_int(st, 3);
		r.last_decline = est_text(st, 4);
		if ((rc = fn(arg, &r)) != 0)
			break;
	}
	est_finalize(st);
	return rc;
}

int
store_candidate_get(struct vault *v, long long id, struct tbuf *wrapped, struct tbuf *name,
    int *turndowns, struct terr *err)
{
	struct est *st;
	int rc;

	st = engine_prepare(v, "SELECT wrapped_key, name, (SELECT count(*) FROM turndowns "
	    "WHERE candidate_id = c.id) FROM candidates c WHERE id = ?", err);
	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "candidates", err)) == 1) {
		*turndowns = est_int(st, 2);
		if (engine_blob(st, 0, wrapped, err) != 0 || engine_blob(st, 1, name, err) != 0) {
			tbuf_free(wrapped);
			rc = -1;
		}
	}
	est_finalize(st);
	return rc;
}

int
store_candidate_delete(struct vault *v, long long id, struct terr *err)
{
	struct est *st;
	int n;

	if ((st = engine_prepare(v, "DELETE FROM turndowns WHERE candidate_id = ?", err)) == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	n = engine_done(v, st, "turndowns", err);
	est_finalize(st);
	if (n != 0)
		return -1;
	if ((st = engine_prepare(v, "DELETE FROM candidates WHERE id = ?", err)) == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	n = engine_done(v, st, "candidates", err);
	est_finalize(st);
	if (n != 0)
		return -1;
	return engine_changes(v);
}

long long
store_client_find(struct vault *v, const uint8_t blind[TC_BLIND_LEN], struct terr *err)
{
	struct est *st = engine_kept(v, ES_CLIENT_FIND, "SELECT id FROM clients WHERE blind = ?",
	    err);
	long long id = 0;
	int rc;

	if (st == NULL)
		return -1;
	est_bind_blob(st, 1, blind, TC_BLIND_LEN);
	if ((rc = engine_row(v, st, "clients", err)) == 1)
		id = est_int64(st, 0);
	est_reset(st);
	return rc < 0 ? -1 : id;
}

int
store_client_add(struct vault *v, long long id, const uint8_t blind[TC_BLIND_LEN],
    const struct tbuf *name, struct terr *err)
{
	struct est *st = engine_kept(v, ES_CLIENT_ADD,
	    "INSERT INTO clients(id, blind, name) VALUES (?, ?, ?)", err);

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	est_bind_blob(st, 2, blind, TC_BLIND_LEN);
	est_bind_blob(st, 3, name->data, name->len);
	return engine_done(v, st, "clients", err);
}

int
store_client_get(struct vault *v, long long id, struct tbuf *name, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT name FROM clients WHERE id = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if ((rc = engine_row(v, st, "clients", err)) == 1 && engine_blob(st, 0, name, err) != 0)
		rc = -1;
	est_finalize(st);
	return rc;
}
