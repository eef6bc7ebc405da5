/*
 * sqlite.c - the SQLite engine: the vault file, its schema and migrations,
 * transactions, and the one mapping of SQLite errors to exit codes.
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

int
engine_error(struct vault *v, int rc, const char *what, struct terr *err)
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
		    v ? v->path : "?", what, v && v->eng && v->eng->db ?
		    sqlite3_errmsg(v->eng->db) : sqlite3_errstr(rc));
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
	    v && v->eng && v->eng->db ? sqlite3_errmsg(v->eng->db) : sqlite3_errstr(rc));
}

int
engine_exec(struct vault *v, const char *sql, struct terr *err)
{
	int rc = sqlite3_exec(v->eng->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return engine_error(v, rc, "vault", err);
	return 0;
}

sqlite3_stmt *
engine_prepare(struct vault *v, const char *sql, struct terr *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(v->eng->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);

	if (rc != SQLITE_OK)
		engine_error(v, rc, "vault", err);
	if (rc != SQLITE_OK)
		return NULL;
	return st;
}

int
vault_begin(struct vault *v, struct terr *err)
{
	return engine_exec(v, "BEGIN IMMEDIATE", err);
}

int
vault_commit(struct vault *v, struct terr *err)
{
	return engine_exec(v, "COMMIT", err);
}

int
vault_in_transaction(struct vault *v)
{
	return !sqlite3_get_autocommit(v->eng->db);
}

void
vault_rollback(struct vault *v)
{
	if (!sqlite3_get_autocommit(v->eng->db))
		sqlite3_exec(v->eng->db, "ROLLBACK", NULL, NULL, NULL);
}

int
vault_checkpoint(struct vault *v, struct terr *err)
{
	int rc = sqlite3_wal_checkpoint_v2(v->eng->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

	if (rc != SQLITE_OK)
		return engine_error(v, rc, "checkpoint", err);
	return 0;
}

static int
pragmas(struct vault *v, struct terr *err)
{
	sqlite3_busy_timeout(v->eng->db, BUSY_TIMEOUT_MS);
	sqlite3_db_config(v->eng->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(v->eng->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
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
	sqlite3_stmt *st = engine_prepare(v, "PRAGMA user_version", err);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return engine_error(v, rc, "schema version", err);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
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
meta_get(struct vault *v, const char *key, char *buf, size_t size, struct terr *err)
{
	sqlite3_stmt *st = engine_prepare(v, "SELECT value FROM meta WHERE key = ?", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return terr_set(err, EX_DATAERR, "vault '%s' has no %s", v->path, key);
		return engine_error(v, rc, "vault", err);
	}
	snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

static int
meta_set(struct vault *v, const char *key, const char *value, struct terr *err)
{
	sqlite3_stmt *st = engine_prepare(v, "INSERT INTO meta(key, value) VALUES (?, ?)", err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return engine_error(v, rc, "vault", err);
	return 0;
}

static struct vault *
vault_alloc(const char *path, struct terr *err)
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
	return v;
}

static int
db_open(struct vault *v, int flags, struct terr *err)
{
	int rc = sqlite3_open_v2(v->path, &v->eng->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

	if (rc != SQLITE_OK)
		return engine_error(v, rc, "cannot open vault", err);
	sqlite3_extended_result_codes(v->eng->db, 1);
	return pragmas(v, err);
}

static int
load_id(struct vault *v, struct terr *err)
{
	char hex[2 * TC_VAULT_ID_LEN + 8];

	if (meta_get(v, "vault_id", hex, sizeof(hex), err) != 0)
		return -1;
	if (tc_unhex(v->id, sizeof(v->id), hex) != 0)
		return terr_set(err, EX_DATAERR, "vault '%s' has a malformed id", v->path);
	return 0;
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
		return engine_error(NULL, rc, "cannot open vault", err);
	}
	if (!ok)
		return terr_set(err, EX_DATAERR, "'%s' is not a tact vault, or is damaged", v->path);
	return 0;
}

struct vault *
vault_open(const char *path, struct terr *err)
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
	if ((v = vault_alloc(path, err)) == NULL)
		return NULL;
	if (check_is_vault(v, err) != 0 || db_open(v, SQLITE_OPEN_READWRITE, err) != 0 ||
	    migrate(v, 0, err) != 0 || load_id(v, err) != 0) {
		vault_close(v);
		return NULL;
	}
	return v;
}

struct vault *
vault_open_readonly(const char *path, struct terr *err)
{
	int n = (int)(sizeof(migrations) / sizeof(migrations[0])), have;
	struct vault *v;
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		terr_set(err, EX_NOINPUT, "no vault at '%s'", path);
		return NULL;
	}
	if ((v = vault_alloc(path, err)) == NULL)
		return NULL;
	if (check_is_vault(v, err) != 0)
		goto fail;
	/* Not db_open(): its journal_mode=WAL would rewrite a backup's header. */
	if ((have = sqlite3_open_v2(path, &v->eng->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
	    NULL)) != SQLITE_OK) {
		engine_error(v, have, "cannot open vault", err);
		goto fail;
	}
	sqlite3_extended_result_codes(v->eng->db, 1);
	sqlite3_busy_timeout(v->eng->db, BUSY_TIMEOUT_MS);
	sqlite3_db_config(v->eng->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(v->eng->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	if (engine_exec(v, "PRAGMA query_only=ON; PRAGMA temp_store=MEMORY;", err) != 0 ||
	    user_version(v, &have, err) != 0)
		goto fail;
	if (have != n) {
		terr_set(err, EX_DATAERR, "vault '%s' has schema %d, this tact knows %d (%s)", path,
		    have, n, have < n ? "open it once with another command to migrate it" :
		    "written by a newer tact");
		goto fail;
	}
	if (load_id(v, err) != 0)
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

static void
now_iso(char *buf, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

struct vault *
vault_create(const char *path, struct terr *err)
{
	struct vault *v;
	char hex[2 * TC_VAULT_ID_LEN + 1], when[32];
	struct stat st;

	if (lstat(path, &st) == 0) {
		terr_set(err, EX_CANTCREAT, "vault '%s' already exists", path);
		return NULL;
	}
	if ((v = vault_alloc(path, err)) == NULL)
		return NULL;
	if (create_file(path, err) != 0) {
		vault_close(v);
		return NULL;
	}
	if (db_open(v, SQLITE_OPEN_READWRITE, err) != 0 || migrate(v, 1, err) != 0)
		goto fail;
	tc_random(v->id, sizeof(v->id));
	tc_hex(hex, sizeof(hex), v->id, sizeof(v->id));
	now_iso(when, sizeof(when));
	if (vault_begin(v, err) != 0)
		goto fail;
	if (meta_set(v, "vault_id", hex, err) != 0 || meta_set(v, "created", when, err) != 0)
		goto fail;
	return v;
fail:
	vault_discard(v);
	return NULL;
}

void
vault_discard(struct vault *v)
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
vault_close(struct vault *v)
{
	if (v == NULL)
		return;
	if (v->eng != NULL) {
		for (int i = 0; i < ES_COUNT; i++)
			sqlite3_finalize(v->eng->kept[i]);
		if (v->eng->db != NULL)
			sqlite3_close_v2(v->eng->db);
		free(v->eng);
	}
	keyring_free(v->keys);
	free(v->path);
	free(v);
}

sqlite3_stmt *
engine_kept(struct vault *v, enum engine_stmt id, const char *sql, struct terr *err)
{
	sqlite3_stmt *st = v->eng->kept[id];

	if (st == NULL)
		return v->eng->kept[id] = engine_prepare(v, sql, err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

int
engine_done(struct vault *v, sqlite3_stmt *st, const char *what, struct terr *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return engine_error(v, rc, what, err);
	return 0;
}

int
engine_row(struct vault *v, sqlite3_stmt *st, const char *what, struct terr *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return engine_error(v, rc, what, err);
}

int
engine_blob(sqlite3_stmt *st, int col, struct tbuf *out, struct terr *err)
{
	size_t n = (size_t)sqlite3_column_bytes(st, col);
	const void *p = sqlite3_column_blob(st, col);

	out->len = 0;
	if ((out->data = malloc(n + 1)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	if (n > 0)
		memcpy(out->data, p, n);
	out->data[n] = 0;
	out->len = n;
	return 0;
}
