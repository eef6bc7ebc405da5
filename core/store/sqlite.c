/*
 * sqlite.c - the SQLite engine: the vault file, its schema and migrations,
 * its half of the statement interface (engine.h), and the one mapping of
 * SQLite errors to exit codes.
 *
 * One database in WAL mode with secure_delete on, so that deleted rows are
 * overwritten, and synchronous=FULL, so that a committed turndown survives
 * a power cut.  Writers take BEGIN IMMEDIATE and wait on a busy timeout, so
 * two processes logging at once both land.  The schema carries its version
 * in PRAGMA user_version and is migrated forward step by step on open.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/store/engine.h"

#define BUSY_TIMEOUT_MS 15000

/* Each entry moves the schema from version i to i + 1. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE keyslots(id INTEGER PRIMARY KEY, created TEXT NOT NULL,"
	"  alg INTEGER NOT NULL, opslimit INTEGER NOT NULL, memlimit INTEGER NOT NULL,"
	"  salt BLOB NOT NULL, wrapped BLOB NOT NULL);"
	"CREATE TABLE candidates(id INTEGER PRIMARY KEY, blind BLOB NOT NULL UNIQUE,"
	"  wrapped_key BLOB NOT NULL, name BLOB NOT NULL);"
	"CREATE TABLE clients(id INTEGER PRIMARY KEY, blind BLOB NOT NULL UNIQUE,"
	"  name BLOB NOT NULL);"
	"CREATE TABLE turndowns(id INTEGER PRIMARY KEY,"
	"  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  offer_date TEXT, decline_date TEXT NOT NULL, created TEXT NOT NULL,"
	"  signals BLOB NOT NULL, people BLOB NOT NULL, shareable BLOB NOT NULL,"
	"  confidential BLOB NOT NULL);"
	"CREATE INDEX turndowns_client ON turndowns(client_id, decline_date);"
	"CREATE INDEX turndowns_candidate ON turndowns(candidate_id);",
	/* 1 -> 2: follow-up tasks; only ids, kinds, dates and status in clear */
	"CREATE TABLE followups(id INTEGER PRIMARY KEY,"
	"  turndown_id INTEGER NOT NULL REFERENCES turndowns(id) ON DELETE CASCADE,"
	"  kind INTEGER NOT NULL, due TEXT NOT NULL, status INTEGER NOT NULL DEFAULT 0,"
	"  done_on TEXT, note BLOB);"
	"CREATE UNIQUE INDEX followups_turndown ON followups(turndown_id, kind);"
	"CREATE INDEX followups_due ON followups(status, due);",
	/* 2 -> 3: reading by candidate (reports) scans one covering index in
	 * order instead of fetching wide rows at random */
	"DROP INDEX turndowns_candidate;"
	"CREATE INDEX turndowns_by_candidate ON turndowns(candidate_id, id, client_id,"
	"  decline_date, offer_date, signals);",
	/* 3 -> 4: two people may share a name, and another system's id may
	 * decide who is who.  Names are found by name_blind (not unique);
	 * blind keeps schema 1's UNIQUE (dropping it means rebuilding the
	 * table, whose DROP would cascade to the turndowns) and from now on
	 * holds a per-row value for new, renamed and merged records.
	 * ref_blind is the keyed blind index of an import's candidate_ref. */
	"ALTER TABLE candidates ADD COLUMN name_blind BLOB;"
	"ALTER TABLE candidates ADD COLUMN ref_blind BLOB;"
	"UPDATE candidates SET name_blind = blind;"
	"CREATE INDEX candidates_name ON candidates(name_blind);"
	"CREATE UNIQUE INDEX candidates_ref ON candidates(ref_blind) WHERE ref_blind IS NOT NULL;",
	/* 4 -> 5: the release ledger.  Each report released is a row, its
	 * recipient, scope and candidate set sealed under the vault key; an
	 * erased candidate's id is noted (a number only) so that a release
	 * that counted them is not matched to whoever gets the id next */
	"CREATE TABLE releases(id INTEGER PRIMARY KEY, created TEXT NOT NULL,"
	"  client_id INTEGER NOT NULL, gone_mark INTEGER NOT NULL, body BLOB NOT NULL);"
	"CREATE TABLE release_gone(candidate_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL);"
	"CREATE TRIGGER release_gone_note AFTER DELETE ON candidates"
	"  WHEN EXISTS (SELECT 1 FROM releases) BEGIN"
	"  INSERT OR REPLACE INTO release_gone(candidate_id, seq) VALUES (OLD.id,"
	"    (SELECT coalesce(max(seq), 0) + 1 FROM release_gone));"
	"  END;",
	/* 5 -> 6: a release's candidate set in sealed chunks, written while
	 * the report reads, so that a report's memory does not grow with the
	 * candidates it counts */
	"CREATE TABLE release_chunks(release_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  body BLOB NOT NULL, PRIMARY KEY (release_id, seq));",
	/* 6 -> 7: a client's feedback on a candidate it rejected, sealed per
	 * candidate like a turndown: the date it was given and the ids in
	 * clear, three sealed parts (signals, shareable points, the client's
	 * confidential note).  No ON DELETE CASCADE: forget and delete erase
	 * these rows themselves, and a merge that forgot them fails instead of
	 * losing them */
	"CREATE TABLE feedback(id INTEGER PRIMARY KEY,"
	"  candidate_id INTEGER NOT NULL REFERENCES candidates(id),"
	"  client_id INTEGER NOT NULL REFERENCES clients(id),"
	"  given_date TEXT NOT NULL, created TEXT NOT NULL,"
	"  signals BLOB NOT NULL, shareable BLOB NOT NULL, confidential BLOB NOT NULL);"
	"CREATE INDEX feedback_candidate ON feedback(candidate_id, id);"
	"CREATE INDEX feedback_client ON feedback(client_id, given_date);",
};

char *
vault_default_path(void)
{
	const char *e = getenv("TACT_VAULT"), *home;
	char *p = NULL;

	if (e != NULL && *e != '\0')
		return strdup(e);
	if ((e = getenv("XDG_DATA_HOME")) != NULL && e[0] == '/') {
		if (asprintf(&p, "%s/tact/vault.db", e) < 0)
			return NULL;
		return p;
	}
	home = getenv("HOME");
	if (asprintf(&p, "%s/.local/share/tact/vault.db", home ? home : ".") < 0)
		return NULL;
	return p;
}

/* A statement of this engine. */
struct sq_est {
	struct est base;
	sqlite3_stmt *st;
};

static sqlite3 *
db_of(const struct vault *v)
{
	return v && v->eng ? (sqlite3 *)v->eng->db : NULL;
}

struct sqlite3 *
sq_db(struct vault *v)
{
	return v->eng->kind == ENGINE_SQLITE ? db_of(v) : NULL;
}

int
sq_error(struct vault *v, int rc, const char *what, struct terr *err)
{
	int code = EX_SOFTWARE;

	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
	case SQLITE_FORMAT:
		return terr_set(err, EX_DATAERR, "vault '%s' is damaged or not a tact vault (%s)",
		    v ? v->path : "?", what);
	case SQLITE_ERROR:
	case SQLITE_SCHEMA:
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
		/* Our own statements fail like this only on tables that were
		 * altered outside tact (or a schema version that lies). */
		return terr_set(err, EX_DATAERR, "vault '%s' is damaged (%s: %s)",
		    v ? v->path : "?", what, db_of(v) ? sqlite3_errmsg(db_of(v)) : sqlite3_errstr(rc));
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		code = EX_IOERR;
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		code = EX_TEMPFAIL;
		break;
	case SQLITE_NOMEM:
		code = EX_OSERR;
		break;
	}
	return terr_set(err, code, "%s: %s", what,
	    db_of(v) ? sqlite3_errmsg(db_of(v)) : sqlite3_errstr(rc));
}

static int
sq_exec(struct vault *v, const char *sql, struct terr *err)
{
	int rc = sqlite3_exec(db_of(v), sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return sq_error(v, rc, "vault", err);
	return 0;
}

static struct est *
sq_prepare(struct vault *v, const char *sql, struct terr *err)
{
	struct sq_est *e = calloc(1, sizeof(*e));
	int rc;

	if (e == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	e->base.ops = &engine_sqlite_ops;
	rc = sqlite3_prepare_v3(db_of(v), sql, -1, SQLITE_PREPARE_PERSISTENT, &e->st, NULL);
	if (rc != SQLITE_OK) {
		sq_error(v, rc, "vault", err);
		sqlite3_finalize(e->st);
		free(e);
		return NULL;
	}
	return &e->base;
}

static sqlite3_stmt *
st_of(struct est *st)
{
	return ((struct sq_est *)st)->st;
}

static int
sq_step(struct vault *v, struct est *st, const char *what, struct terr *err)
{
	int rc = sqlite3_step(st_of(st));

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		v->eng->changes = sqlite3_changes(db_of(v));
		return 0;
	}
	return sq_error(v, rc, what, err);
}

static void
sq_reset(struct est *st)
{
	sqlite3_reset(st_of(st));
	sqlite3_clear_bindings(st_of(st));
}

static void
sq_finalize(struct est *st)
{
	sqlite3_finalize(st_of(st));
	free(st);
}

static void
sq_bind_int64(struct est *st, int i, long long value)
{
	sqlite3_bind_int64(st_of(st), i, value);
}

static void
sq_bind_text(struct est *st, int i, const char *text)
{
	sqlite3_bind_text(st_of(st), i, text, -1, SQLITE_TRANSIENT);
}

static void
sq_bind_blob(struct est *st, int i, const void *data, size_t len)
{
	sqlite3_bind_blob64(st_of(st), i, data, len, SQLITE_STATIC);
}

static void
sq_bind_null(struct est *st, int i)
{
	sqlite3_bind_null(st_of(st), i);
}

static int
sq_is_null(struct est *st, int col)
{
	return sqlite3_column_type(st_of(st), col) == SQLITE_NULL;
}

static long long
sq_int64(struct est *st, int col)
{
	return sqlite3_column_int64(st_of(st), col);
}

static const char *
sq_text(struct est *st, int col)
{
	return (const char *)sqlite3_column_text(st_of(st), col);
}

static const void *
sq_blob(struct est *st, int col)
{
	return sqlite3_column_blob(st_of(st), col);
}

static size_t
sq_bytes(struct est *st, int col)
{
	return (size_t)sqlite3_column_bytes(st_of(st), col);
}

static int
sq_columns(struct est *st)
{
	return sqlite3_column_count(st_of(st));
}

const struct engine_ops engine_sqlite_ops = {
	sq_exec, sq_prepare, sq_step, sq_reset, sq_finalize, sq_bind_int64, sq_bind_text,
	sq_bind_blob, sq_bind_null, sq_is_null, sq_int64, sq_text, sq_blob, sq_bytes, sq_columns,
	NULL,
};

int
sq_in_transaction(struct vault *v)
{
	return !sqlite3_get_autocommit(db_of(v));
}

int
sq_checkpoint(struct vault *v, struct terr *err)
{
	int rc = sqlite3_wal_checkpoint_v2(db_of(v), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

	if (rc != SQLITE_OK)
		return sq_error(v, rc, "checkpoint", err);
	return 0;
}

static int
pragmas(struct vault *v, struct terr *err)
{
	sqlite3_busy_timeout(db_of(v), BUSY_TIMEOUT_MS);
	sqlite3_db_config(db_of(v), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db_of(v), SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	return engine_exec(v,
	    "PRAGMA journal_mode=WAL;"
	    "PRAGMA secure_delete=ON;"
	    "PRAGMA synchronous=FULL;"
	    "PRAGMA foreign_keys=ON;"
	    "PRAGMA temp_store=MEMORY;"
	    "PRAGMA cache_size=-16384;", err);
}

static int
user_version(struct vault *v, int *out, struct terr *err)
{
	struct est *st = engine_prepare(v, "PRAGMA user_version", err);
	int rc;

	if (st == NULL)
		return -1;
	if ((rc = engine_row(v, st, "schema version", err)) == 1)
		*out = est_int(st, 0);
	else if (rc == 0)
		rc = terr_set(err, EX_DATAERR, "vault '%s' has no schema version", v->path);
	est_finalize(st);
	return rc == 1 ? 0 : -1;
}

/* Moves the schema forward to the newest version; only a vault being
 * created may start from 0 (CREATING). */
static int
migrate(struct vault *v, int creating, struct terr *err)
{
	int have, n = (int)(sizeof(migrations) / sizeof(migrations[0]));
	char sql[64];

	if (user_version(v, &have, err) != 0)
		return -1;
	if (have == n)
		return 0;
	if (have < 0 || (have == 0 && !creating))
		return terr_set(err, EX_DATAERR, "vault '%s' is damaged (schema version %d)",
		    v->path, have);
	if (have > n)
		return terr_set(err, EX_DATAERR, "vault '%s' was written by a newer tact "
		    "(schema %d, this one knows %d)", v->path, have, n);
	if (vault_begin(v, err) != 0)
		return -1;
	if (user_version(v, &have, err) != 0)
		goto fail;
	if (have < 0 || (have == 0 && !creating)) {
		terr_set(err, EX_DATAERR, "vault '%s' is damaged (schema version %d)", v->path, have);
		goto fail;
	}
	for (; have < n; have++) {
		if (engine_exec(v, migrations[have], err) != 0)
			goto fail;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version=%d", n);
	if (engine_exec(v, sql, err) != 0 || vault_commit(v, err) != 0)
		goto fail;
	return 0;
fail:
	vault_rollback(v);
	return -1;
}

static int
db_open(struct vault *v, int flags, struct terr *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(v->path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

	v->eng->db = db;
	if (rc != SQLITE_OK)
		return sq_error(v, rc, "cannot open vault", err);
	sqlite3_extended_result_codes(db_of(v), 1);
	return pragmas(v, err);
}

/* Refuses, without writing anything, a file that is not a tact vault:
 * opening it read-write would otherwise turn it into one. */
static int
check_is_vault(struct vault *v, struct terr *err)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int ok = 0, rc;

	rc = sqlite3_open_v2(v->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
	if (db != NULL)
		sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM meta WHERE key = 'vault_id'", -1,
		    &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = sqlite3_column_int(st, 0) == 1;
	sqlite3_finalize(st);
	sqlite3_close_v2(db);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_NOMEM:
		return sq_error(NULL, rc, "cannot open vault", err);
	}
	if (!ok)
		return terr_set(err, EX_DATAERR, "'%s' is not a tact vault, or is damaged", v->path);
	return 0;
}

struct vault *
sq_vault_open(const char *path, struct terr *err)
{
	struct vault *v;
	struct stat st;

	if (stat(path, &st) != 0) {
		terr_set(err, EX_NOINPUT, "no vault at '%s' (create one with 'tact init')", path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		terr_set(err, EX_NOINPUT, "vault '%s' is not a file", path);
		return NULL;
	}
	if ((v = engine_vault_alloc(path, ENGINE_SQLITE, err)) == NULL)
		return NULL;
	if (check_is_vault(v, err) != 0 || db_open(v, SQLITE_OPEN_READWRITE, err) != 0 ||
	    migrate(v, 0, err) != 0 || engine_load_id(v, err) != 0) {
		vault_close(v);
		return NULL;
	}
	return v;
}

struct vault *
sq_vault_open_readonly(const char *path, struct terr *err)
{
	int n = (int)(sizeof(migrations) / sizeof(migrations[0])), have;
	sqlite3 *db = NULL;
	struct vault *v;
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		terr_set(err, EX_NOINPUT, "no vault at '%s'", path);
		return NULL;
	}
	if ((v = engine_vault_alloc(path, ENGINE_SQLITE, err)) == NULL)
		return NULL;
	if (check_is_vault(v, err) != 0)
		goto fail;
	/* Not db_open(): its journal_mode=WAL would rewrite a backup's header. */
	have = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	v->eng->db = db;
	if (have != SQLITE_OK) {
		sq_error(v, have, "cannot open vault", err);
		goto fail;
	}
	sqlite3_extended_result_codes(db_of(v), 1);
	sqlite3_busy_timeout(db_of(v), BUSY_TIMEOUT_MS);
	sqlite3_db_config(db_of(v), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(db_of(v), SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (engine_exec(v, "PRAGMA query_only=ON; PRAGMA temp_store=MEMORY;", err) != 0 ||
	    user_version(v, &have, err) != 0)
		goto fail;
	if (have != n) {
		terr_set(err, EX_DATAERR, "vault '%s' has schema %d, this tact knows %d (%s)", path,
		    have, n, have < n ? "open it once with another command to migrate it" :
		    "written by a newer tact");
		goto fail;
	}
	if (engine_load_id(v, err) != 0)
		goto fail;
	return v;
fail:
	vault_close(v);
	return NULL;
}

/* Creates PATH's folders (0700) where missing, and PATH itself empty with 0600. */
static int
create_file(const char *path, struct terr *err)
{
	char *dir = strdup(path), *slash, *p;
	int fd, rc = -1;

	if (dir == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		for (p = dir + 1; p <= slash; p++) {
			if (*p != '/' && *p != '\0')
				continue;
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				terr_set(err, EX_CANTCREAT, "cannot create folder '%s': %s", dir,
				    strerror(errno));
				goto out;
			}
			*p = c;
		}
	}
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			terr_set(err, EX_CANTCREAT, "vault '%s' already exists", path);
		else
			terr_set(err, EX_CANTCREAT, "cannot create vault '%s': %s", path,
			    strerror(errno));
		goto out;
	}
	close(fd);
	rc = 0;
out:
	free(dir);
	return rc;
}

static void
remove_files(const char *path)
{
	char buf[4096];

	unlink(path);
	snprintf(buf, sizeof(buf), "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-journal", path);
	unlink(buf);
}

struct vault *
sq_vault_create(const char *path, struct terr *err)
{
	struct vault *v;
	struct stat st;

	if (lstat(path, &st) == 0) {
		terr_set(err, EX_CANTCREAT, "vault '%s' already exists", path);
		return NULL;
	}
	if ((v = engine_vault_alloc(path, ENGINE_SQLITE, err)) == NULL)
		return NULL;
	if (create_file(path, err) != 0) {
		vault_close(v);
		return NULL;
	}
	if (db_open(v, SQLITE_OPEN_READWRITE, err) != 0 || migrate(v, 1, err) != 0)
		goto fail;
	if (vault_begin(v, err) != 0 || engine_new_id(v, err) != 0)
		goto fail;
	return v;
fail:
	vault_discard(v);
	return NULL;
}

void
sq_vault_discard(struct vault *v)
{
	char *path;

	if (v == NULL)
		return;
	vault_rollback(v);
	path = v->path;
	v->path = NULL;
	vault_close(v);
	if (path != NULL)
		remove_files(path);
	free(path);
}

void
sq_close(struct vault *v)
{
	if (db_of(v) != NULL)
		sqlite3_close_v2(db_of(v));
	v->eng->db = NULL;
}
