/*
 * walk.c - reading every sealed value of the vault, table by table, for
 * `tact verify`, and SQLite's own integrity check.
 *
 * Each table is one entry of the list below: its name and one SELECT whose
 * columns are, in order, the row id, the owner candidate (0 if none), a
 * reference (the client of a turndown, the turndown of a follow-up), two
 * dates, the owner's wrapped key, then the sealed values.  A new table with
 * sealed values (feedback, say) is one more entry here and in vault.h's
 * enum store_walk_table.  Owners are LEFT JOINed, so a row whose owner has
 * gone is still walked (and verify names it) rather than skipped.
 */
#include <string.h>

#include "core/store/engine.h"

#define WALK_FIXED 6            /* columns before the sealed values */

static const struct walk_table {
	const char *name;
	const char *sql;
} walks[WALK_TABLES] = {
	[WALK_CANDIDATES] = { "candidates",
	    "SELECT id, id, 0, NULL, NULL, wrapped_key, name FROM candidates ORDER BY id" },
	[WALK_CLIENTS] = { "clients",
	    "SELECT id, 0, 0, NULL, NULL, NULL, name FROM clients ORDER BY id" },
	[WALK_TURNDOWNS] = { "turndowns",
	    "SELECT t.id, coalesce(c.id, 0), t.client_id, t.offer_date, t.decline_date, "
	    "c.wrapped_key, t.signals, t.people, t.shareable, t.confidential FROM turndowns t "
	    "LEFT JOIN candidates c ON c.id = t.candidate_id ORDER BY t.candidate_id, t.id" },
	[WALK_FOLLOWUPS] = { "follow-ups",
	    "SELECT f.id, coalesce(c.id, 0), f.turndown_id, f.due, f.done_on, c.wrapped_key, "
	    "f.note FROM followups f LEFT JOIN turndowns t ON t.id = f.turndown_id "
	    "LEFT JOIN candidates c ON c.id = t.candidate_id ORDER BY f.id" },
	[WALK_RELEASES] = { "releases",
	    "SELECT id, 0, client_id, created, NULL, NULL, body FROM releases ORDER BY id" },
	[WALK_RELEASE_CHUNKS] = { "release sets",
	    "SELECT release_id, 0, seq, NULL, NULL, NULL, body FROM release_chunks "
	    "ORDER BY release_id, seq" },
	[WALK_FEEDBACK] = { "feedback",
	    "SELECT f.id, coalesce(c.id, 0), f.client_id, f.given_date, NULL, c.wrapped_key, "
	    "f.signals, f.shareable, f.confidential FROM feedback f "
	    "LEFT JOIN candidates c ON c.id = f.candidate_id ORDER BY f.candidate_id, f.id" },
};

const char *
store_walk_name(enum store_walk_table table)
{
	return table < WALK_TABLES ? walks[table].name : "?";
}

static struct store_blob
blob_at(struct est *st, int col)
{
	struct store_blob b = { est_blob(st, col), 0 };

	b.len = est_bytes(st, col);
	return b;
}

int
store_walk(struct vault *v, enum store_walk_table table,
    int (*fn)(void *arg, const struct store_walk_row *row), void *arg, struct terr *err)
{
	struct store_walk_row row;
	struct est *st;
	int rc, ncols;

	if (table >= WALK_TABLES)
		return terr_set(err, EX_SOFTWARE, "no such table to walk");
	if ((st = engine_prepare_stream(v, walks[table].sql, err)) == NULL)
		return -1;
	ncols = est_columns(st) - WALK_FIXED;
	if (ncols > 4)
		ncols = 4;
	while ((rc = engine_row(v, st, walks[table].name, err)) == 1) {
		memset(&row, 0, sizeof(row));
		row.id = est_int64(st, 0);
		row.candidate = est_int64(st, 1);
		row.ref = est_int64(st, 2);
		row.date[0] = est_text(st, 3);
		row.date[1] = est_text(st, 4);
		row.key = blob_at(st, 5);
		for (int i = 0; i < ncols; i++)
			row.v[i] = blob_at(st, WALK_FIXED + i);
		row.nv = ncols;
		if ((rc = fn(arg, &row)) != 0)
			break;
	}
	est_finalize(st);
	return rc < 0 ? -1 : rc;
}

/* PostgreSQL checks its own pages and keys; what it cannot know is a row
 * whose owner went missing, so that is what its check lists (SQLite's
 * integrity check finds those too, through foreign keys it is told of). */
static const char pg_orphans[] =
    "SELECT 'turndown ' || t.id || ' has no candidate' FROM turndowns t "
    "WHERE NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = t.candidate_id) "
    "UNION ALL SELECT 'turndown ' || t.id || ' has no client' FROM turndowns t "
    "WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = t.client_id) "
    "UNION ALL SELECT 'feedback ' || f.id || ' has no candidate' FROM feedback f "
    "WHERE NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = f.candidate_id) "
    "UNION ALL SELECT 'follow-up ' || f.id || ' has no turndown' FROM followups f "
    "WHERE NOT EXISTS (SELECT 1 FROM turndowns t WHERE t.id = f.turndown_id) LIMIT 100";

int
vault_integrity(struct vault *v, int quick, int (*fn)(void *arg, const char *problem),
    void *arg, struct terr *err)
{
	struct est *st = engine_prepare(v, v->eng->kind == ENGINE_POSTGRES ? pg_orphans :
	    quick ? "PRAGMA quick_check(100)" : "PRAGMA integrity_check(100)", err);
	const char *msg;
	int rc, n = 0;

	if (st == NULL)
		return -1;
	while ((rc = engine_row(v, st, "integrity check", err)) == 1) {
		msg = est_text(st, 0);
		if (msg != NULL && strcmp(msg, "ok") == 0)
			continue;
		n++;
		if (fn != NULL && fn(arg, msg ? msg : "?") != 0)
			break;
	}
	est_finalize(st);
	return rc < 0 ? -1 : n;
}
