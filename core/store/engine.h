/*
 * engine.h - what the files of core/store/ share and nothing above sees:
 * one statement interface over the two engines (SQLite in sqlite.c,
 * PostgreSQL in postgres.c, chosen in engine.c by the vault's path or URL),
 * the statements prepared once per vault, and the mapping of each engine's
 * failures to exit codes.
 *
 * The SQL of the table files is written once for both engines: '?' or '?N'
 * placeholders (PostgreSQL's are renumbered to $N when prepared), no SQL
 * function that only one engine has (timestamps are bound from C), and
 * "ON CONFLICT DO NOTHING" where SQLite would say "OR IGNORE".
 */
#ifndef TACT_STORE_ENGINE_H
#define TACT_STORE_ENGINE_H

#include <stddef.h>

#include "core/store/vault.h"

/* Statements kept prepared for the life of the vault (an import runs each
 * once per row). */
enum engine_stmt {
	ES_CAND_FIND, ES_CAND_ADD, ES_CLIENT_FIND, ES_CLIENT_ADD, ES_TD_ADD, ES_FU_ADD,
	ES_FU_TAKEN, ES_FU_PEOPLE_LEN, ES_TD_EXISTS, ES_CAND_REF,
	ES_COUNT
};

enum engine_kind { ENGINE_SQLITE, ENGINE_POSTGRES };

struct est;                             /* a prepared statement of either engine */

struct vault_engine {
	enum engine_kind kind;
	void *db;                       /* sqlite3 * or PGconn * */
	struct est *kept[ES_COUNT];
	long long changes;              /* rows the last finished write changed */
	int in_tx;                      /* PostgreSQL: a transaction is open */
	unsigned next_name;             /* PostgreSQL: names of prepared statements */
	char member[64];                /* PostgreSQL: the database role connected as */
};

/* Whether PATH names a PostgreSQL vault (postgresql:// or postgres://). */
int engine_is_url(const char *path);

/* Runs SQL (no rows; several statements may be separated by ';'). */
int engine_exec(struct vault *v, const char *sql, struct terr *err);
/* Returns a new prepared statement (est_finalize it), or NULL. */
struct est *engine_prepare(struct vault *v, const char *sql, struct terr *err);
/* The same for a statement whose rows are read one after another and may
 * be many (the iterators): inside a transaction, PostgreSQL hands them
 * over in batches through a cursor rather than all at once, so that memory
 * does not grow with the vault. */
struct est *engine_prepare_stream(struct vault *v, const char *sql, struct terr *err);
/* Returns statement ID, prepared from SQL on first use and reset since, or NULL. */
struct est *engine_kept(struct vault *v, enum engine_stmt id, const char *sql,
    struct terr *err);
/* Steps ST to its end (a write), then resets it; -1 with ERR on failure.
 * engine_changes() then tells how many rows it changed. */
int engine_done(struct vault *v, struct est *st, const char *what, struct terr *err);
/* Steps ST once: 1 for a row, 0 for none, -1 with ERR. */
int engine_row(struct vault *v, struct est *st, const char *what, struct terr *err);
/* Rows changed by the last engine_done(). */
long long engine_changes(struct vault *v);
/* Copies column COL of ST's row into OUT (owned); -1 when out of memory. */
int engine_blob(struct est *st, int col, struct tbuf *out, struct terr *err);

/* Returns a new vault handle for PATH on engine KIND (nothing opened yet). */
struct vault *engine_vault_alloc(const char *path, enum engine_kind kind, struct terr *err);
/* The meta table: reads KEY's value into BUF (EX_DATAERR if there is none),
 * or adds it. */
int engine_meta_get(struct vault *v, const char *key, char *buf, size_t size,
    struct terr *err);
int engine_meta_set(struct vault *v, const char *key, const char *value, struct terr *err);
/* Gives a new vault a random id and its creation time (the meta table). */
int engine_new_id(struct vault *v, struct terr *err);
/* Reads the vault id from the meta table into v->id. */
int engine_load_id(struct vault *v, struct terr *err);

/* The passfile (libpq's format, 0600) where a member's database password
 * is kept, $XDG_CONFIG_HOME/tact/pgpass; it is used when it exists and
 * neither the URL nor $PGPASSFILE names one.  Free with free(). */
char *engine_pg_passfile(void);
/* Writes into OUT the SCRAM verifier of PASSWORD for ROLE, computed here,
 * so that CREATE/ALTER ROLE never carries the password itself. */
int engine_pg_verifier(struct vault *v, const char *role, const char *password, char *out,
    size_t size, struct terr *err);

/* Binding: parameters count from 1.  Text is copied; a blob's bytes must
 * stay put until the statement has been stepped. */
void est_bind_int64(struct est *st, int i, long long value);
void est_bind_text(struct est *st, int i, const char *text);
void est_bind_blob(struct est *st, int i, const void *data, size_t len);
void est_bind_null(struct est *st, int i);
/* Makes ST ready to run again, its bindings cleared. */
void est_reset(struct est *st);
void est_finalize(struct est *st);

/* The current row's columns, counting from 0.  Text and blobs are borrowed
 * until the next step; a NULL column reads as 0, NULL text, or no bytes. */
int est_is_null(struct est *st, int col);
long long est_int64(struct est *st, int col);
int est_int(struct est *st, int col);
const char *est_text(struct est *st, int col);
const void *est_blob(struct est *st, int col);
size_t est_bytes(struct est *st, int col);
int est_columns(struct est *st);

/* ---- each engine's own half (sqlite.c, postgres.c) ------------------------ */

/* What engine.c calls; each engine implements every entry. */
struct engine_ops {
	int (*exec)(struct vault *v, const char *sql, struct terr *err);
	struct est *(*prepare)(struct vault *v, const char *sql, struct terr *err);
	int (*step)(struct vault *v, struct est *st, const char *what, struct terr *err);
	void (*reset)(struct est *st);
	void (*finalize)(struct est *st);
	void (*bind_int64)(struct est *st, int i, long long value);
	void (*bind_text)(struct est *st, int i, const char *text);
	void (*bind_blob)(struct est *st, int i, const void *data, size_t len);
	void (*bind_null)(struct est *st, int i);
	int (*is_null)(struct est *st, int col);
	long long (*int64)(struct est *st, int col);
	const char *(*text)(struct est *st, int col);
	const void *(*blob)(struct est *st, int col);
	size_t (*bytes)(struct est *st, int col);
	int (*columns)(struct est *st);
	void (*stream)(struct est *st);
};

/* Every statement starts with the ops of its engine. */
struct est {
	const struct engine_ops *ops;
};

extern const struct engine_ops engine_sqlite_ops, engine_postgres_ops;

/* The vault-level half of each engine, which engine.c dispatches to. */
struct vault *sq_vault_create(const char *path, struct terr *err);
struct vault *sq_vault_open(const char *path, struct terr *err);
struct vault *sq_vault_open_readonly(const char *path, struct terr *err);
void sq_vault_discard(struct vault *v);
void sq_close(struct vault *v);
int sq_in_transaction(struct vault *v);
int sq_checkpoint(struct vault *v, struct terr *err);
/* The SQLite connection of V (backup.c), or NULL on another engine. */
struct sqlite3 *sq_db(struct vault *v);
/* Maps a SQLite failure on WHAT to an error; returns -1. */
int sq_error(struct vault *v, int rc, const char *what, struct terr *err);

/* READONLY: no migration, and the session is read-only (verify). */
struct vault *pg_vault_open(const char *url, int readonly, struct terr *err);
/* The same, signed in as USER with PASSWORD instead of the URL's (both in
 * memory only: a one-time code's role joining a firm). */
struct vault *pg_vault_open_as(const char *url, const char *user, const char *password,
    int readonly, struct terr *err);
struct vault *pg_vault_create(const char *url, struct terr *err);
void pg_vault_discard(struct vault *v);
void pg_close(struct vault *v);
/* BEGIN, then the vault's write lock: writers queue as on SQLite. */
int pg_begin(struct vault *v, struct terr *err);
int pg_in_transaction(struct vault *v);

#endif
