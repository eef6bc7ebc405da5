/*
 * engine.c - one vault, two engines: chooses SQLite or PostgreSQL by the
 * vault's path or URL and hands every statement to its engine's half.
 * The table files (slots.c, names.c, ...) speak only to this interface.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/engine.h"

int
engine_is_url(const char *path)
{
	return path != NULL && (strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0);
}

static int
is_pg(const struct vault *v)
{
	return v->eng != NULL && v->eng->kind == ENGINE_POSTGRES;
}

/* ---- the vault ------------------------------------------------------------ */

struct vault *
engine_vault_alloc(const char *path, enum engine_kind kind, struct terr *err)
{
	struct vault *v = calloc(1, sizeof(*v));

	if (v == NULL || (v->eng = calloc(1, sizeof(*v->eng))) == NULL ||
	    (v->path = strdup(path)) == NULL) {
		if (v != NULL)
			free(v->eng);
		free(v);
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	v->eng->kind = kind;
	return v;
}

int
engine_meta_get(struct vault *v, const char *key, char *buf, size_t size, struct terr *err)
{
	struct est *st = engine_prepare(v, "SELECT value FROM meta WHERE key = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_text(st, 1, key);
	if ((rc = engine_row(v, st, "vault", err)) == 1)
		snprintf(buf, size, "%s", est_text(st, 0) ? est_text(st, 0) : "");
	else if (rc == 0)
		terr_set(err, EX_DATAERR, "vault '%s' has no %s", v->path, key);
	est_finalize(st);
	return rc == 1 ? 0 : -1;
}

int
engine_load_id(struct vault *v, struct terr *err)
{
	char hex[2 * TC_VAULT_ID_LEN + 8];

	if (engine_meta_get(v, "vault_id", hex, sizeof(hex), err) != 0)
		return -1;
	if (tc_unhex(v->id, sizeof(v->id), hex) != 0)
		return terr_set(err, EX_DATAERR, "vault '%s' has a malformed id", v->path);
	return 0;
}

int
engine_new_id(struct vault *v, struct terr *err)
{
	char hex[2 * TC_VAULT_ID_LEN + 1], when[32];

	tc_random(v->id, sizeof(v->id));
	tc_hex(hex, sizeof(hex), v->id, sizeof(v->id));
	date_now_utc(when);
	if (engine_meta_set(v, "vault_id", hex, err) != 0)
		return -1;
	return engine_meta_set(v, "created", when, err);
}

int
engine_meta_set(struct vault *v, const char *key, const char *value, struct terr *err)
{
	struct est *st = engine_prepare(v, "INSERT INTO meta(key, value) VALUES (?, ?)", err);
	int rc;

	if (st == NULL)
		return -1;
	est_bind_text(st, 1, key);
	est_bind_text(st, 2, value);
	rc = engine_done(v, st, "vault", err);
	est_finalize(st);
	return rc;
}

struct vault *
vault_create(const char *path, struct terr *err)
{
	return engine_is_url(path) ? pg_vault_create(path, err) : sq_vault_create(path, err);
}

struct vault *
vault_open(const char *path, struct terr *err)
{
	return engine_is_url(path) ? pg_vault_open(path, 0, err) : sq_vault_open(path, err);
}

struct vault *
vault_open_readonly(const char *path, struct terr *err)
{
	return engine_is_url(path) ? pg_vault_open(path, 1, err) :
	    sq_vault_open_readonly(path, err);
}

void
vault_discard(struct vault *v)
{
	if (v == NULL)
		return;
	if (is_pg(v))
		pg_vault_discard(v);
	else
		sq_vault_discard(v);
}

void
vault_close(struct vault *v)
{
	if (v == NULL)
		return;
	if (v->eng != NULL) {
		for (int i = 0; i < ES_COUNT; i++)
			est_finalize(v->eng->kept[i]);
		if (is_pg(v))
			pg_close(v);
		else
			sq_close(v);
		free(v->eng);
	}
	keyring_free(v->keys);
	free(v->path);
	free(v);
}

int
vault_begin(struct vault *v, struct terr *err)
{
	return is_pg(v) ? pg_begin(v, err) : engine_exec(v, "BEGIN IMMEDIATE", err);
}

int
vault_commit(struct vault *v, struct terr *err)
{
	return engine_exec(v, "COMMIT", err);
}

int
vault_in_transaction(struct vault *v)
{
	return is_pg(v) ? pg_in_transaction(v) : sq_in_transaction(v);
}

void
vault_rollback(struct vault *v)
{
	if (vault_in_transaction(v))
		engine_exec(v, "ROLLBACK", NULL);
}

int
vault_checkpoint(struct vault *v, struct terr *err)
{
	return is_pg(v) ? 0 : sq_checkpoint(v, err);
}

/* ---- statements ----------------------------------------------------------- */

static const struct engine_ops *
ops_of(const struct vault *v)
{
	return is_pg(v) ? &engine_postgres_ops : &engine_sqlite_ops;
}

int
engine_exec(struct vault *v, const char *sql, struct terr *err)
{
	return ops_of(v)->exec(v, sql, err);
}

struct est *
engine_prepare(struct vault *v, const char *sql, struct terr *err)
{
	return ops_of(v)->prepare(v, sql, err);
}

struct est *
engine_prepare_stream(struct vault *v, const char *sql, struct terr *err)
{
	struct est *st = engine_prepare(v, sql, err);

	if (st != NULL && st->ops->stream != NULL)
		st->ops->stream(st);
	return st;
}

struct est *
engine_kept(struct vault *v, enum engine_stmt id, const char *sql, struct terr *err)
{
	struct est *st = v->eng->kept[id];

	if (st == NULL)
		return v->eng->kept[id] = engine_prepare(v, sql, err);
	est_reset(st);
	return st;
}

int
engine_row(struct vault *v, struct est *st, const char *what, struct terr *err)
{
	return st->ops->step(v, st, what, err);
}

int
engine_done(struct vault *v, struct est *st, const char *what, struct terr *err)
{
	int rc = st->ops->step(v, st, what, err);

	st->ops->reset(st);
	return rc < 0 ? -1 : 0;
}

long long
engine_changes(struct vault *v)
{
	return v->eng->changes;
}

int
engine_blob(struct est *st, int col, struct tbuf *out, struct terr *err)
{
	size_t n = est_bytes(st, col);
	const void *p = est_blob(st, col);

	out->len = 0;
	if ((out->data = malloc(n + 1)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	if (n > 0)
		memcpy(out->data, p, n);
	out->data[n] = 0;
	out->len = n;
	return 0;
}

void
est_bind_int64(struct est *st, int i, long long value)
{
	st->ops->bind_int64(st, i, value);
}

void
est_bind_text(struct est *st, int i, const char *text)
{
	if (text == NULL)
		st->ops->bind_null(st, i);
	else
		st->ops->bind_text(st, i, text);
}

void
est_bind_blob(struct est *st, int i, const void *data, size_t len)
{
	st->ops->bind_blob(st, i, data, len);
}

void
est_bind_null(struct est *st, int i)
{
	st->ops->bind_null(st, i);
}

void
est_reset(struct est *st)
{
	st->ops->reset(st);
}

void
est_finalize(struct est *st)
{
	if (st != NULL)
		st->ops->finalize(st);
}

int
est_is_null(struct est *st, int col)
{
	return st->ops->is_null(st, col);
}

long long
est_int64(struct est *st, int col)
{
	return st->ops->int64(st, col);
}

int
est_int(struct est *st, int col)
{
	return (int)st->ops->int64(st, col);
}

const char *
est_text(struct est *st, int col)
{
	return st->ops->text(st, col);
}

const void *
est_blob(struct est *st, int col)
{
	return st->ops->blob(st, col);
}

size_t
est_bytes(struct est *st, int col)
{
	return st->ops->bytes(st, col);
}

int
est_columns(struct est *st)
{
	return st->ops->columns(st);
}
