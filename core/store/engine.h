/*
 * engine.h - what the SQLite engine's files share and nothing above
 * core/store/ sees: the connection, the statements prepared once per vault,
 * and the one mapping from SQLite result codes to exit codes.
 */
#ifndef TACT_STORE_ENGINE_H
#define TACT_STORE_ENGINE_H

#include <sqlite3.h>

#include "core/store/vault.h"

/* Statements kept prepared for the life of the vault (an import runs each
 * once per row). */
enum engine_stmt {
	ES_CAND_FIND, ES_CAND_ADD, ES_CLIENT_FIND, ES_CLIENT_ADD, ES_TD_ADD, ES_FU_ADD,
	ES_FU_TAKEN, ES_FU_PEOPLE_LEN, 	ES_TD_EXISTS, ES_CAND_REF,
	ES_COUNT
};

struct vault_engine {
	sqlite3 *db;
	sqlite3_stmt *kept[ES_COUNT];
};

/* Maps a SQLite failure on WHAT to an error; returns -1.  Damage (a schema
 * that does not match, a corrupt file) is EX_DATAERR, I/O EX_IOERR, a busy
 * vault EX_TEMPFAIL, memory EX_OSERR, anything else EX_SOFTWARE. */
int engine_error(struct vault *v, int rc, const char *what, struct terr *err);
/* Runs SQL (no rows). */
int engine_exec(struct vault *v, const char *sql, struct terr *err);
/* Returns a new prepared statement (finalize it), or NULL. */
sqlite3_stmt *engine_prepare(struct vault *v, const char *sql, struct terr *err);
/* Returns statement ID, prepared from SQL on first use and reset since, or NULL. */
sqlite3_stmt *engine_kept(struct vault *v, enum engine_stmt id, const char *sql,
    struct terr *err);
/* Steps ST to its end (a write), then resets it; -1 with ERR on failure. */
int engine_done(struct vault *v, sqlite3_stmt *st, const char *what, struct terr *err);
/* Steps ST once: 1 for a row, 0 for none, -1 with ERR. */
int engine_row(struct vault *v, sqlite3_stmt *st, const char *what, struct terr *err);
/* Copies column COL of ST's row into OUT (owned); -1 when out of memory. */
int engine_blob(sqlite3_stmt *st, int col, struct tbuf *out, struct terr *err);

#endif
