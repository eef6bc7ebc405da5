/*
 * slots.c - the keyslots table: each row is the master key wrapped under one
 * passphrase, with the Argon2id parameters that open it.  Only sealed bytes
 * and parameters pass through here; unlocking is core/records/keyslots.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/store/engine.h"

/* Fills ROW from the current row of ST (id, created, alg, opslimit, memlimit, salt, wrapped). */
static void
slot_read(sqlite3_stmt *st, struct slot_row *row)
{
	const char *created = (const char *)sqlite3_column_text(st, 1);

	memset(row, 0, sizeof(*row));
	row->id = sqlite3_column_int64(st, 0);
	snprintf(row->created, sizeof(row->created), "%s", created ? created : "");
	row->slot.alg = sqlite3_column_int(st, 2);
	row->slot.opslimit = (unsigned long long)sqlite3_column_int64(st, 3);
	row->slot.memlimit = (size_t)sqlite3_column_int64(st, 4);
	if (sqlite3_column_bytes(st, 5) != TC_SALT_LEN ||
	    sqlite3_column_bytes(st, 6) != TC_WRAPPED_KEY_LEN) {
		row->damaged = 1;
		return;
	}
	memcpy(row->slot.salt, sqlite3_column_blob(st, 5), TC_SALT_LEN);
	memcpy(row->slot.wrapped, sqlite3_column_blob(st, 6), TC_WRAPPED_KEY_LEN);
}

int
store_slots(struct vault *v, struct slot_row **out, struct terr *err)
{
	sqlite3_stmt *st;
	struct slot_row *arr = NULL, *grown;
	int n = 0, rc;

	*out = NULL;
	st = engine_prepare(v, "SELECT id, created, alg, opslimit, memlimit, salt, wrapped "
	    "FROM keyslots ORDER BY id", err);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((grown = realloc(arr, (size_t)(n + 1) * sizeof(*arr))) == NULL) {
			free(arr);
			sqlite3_finalize(st);
			return terr_set(err, EX_OSERR, "out of memory");
		}
		arr = grown;
		slot_read(st, &arr[n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(arr);
		return engine_error(v, rc, "key slots", err);
	}
	*out = arr;
	return n;
}

/* Inserts SLOT (ID 0) or replaces slot ID; returns the slot's id or -1. */
static long long
slot_write(struct vault *v, long long id, const struct keyslot *slot, struct terr *err)
{
	sqlite3_stmt *st;
	char when[32];
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = engine_prepare(v, id > 0 ?
	    "UPDATE keyslots SET created=?1, alg=?2, opslimit=?3, memlimit=?4, salt=?5, "
	    "wrapped=?6 WHERE id=?7" :
	    "INSERT INTO keyslots(created, alg, opslimit, memlimit, salt, wrapped) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, when, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, slot->alg);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)slot->opslimit);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)slot->memlimit);
	sqlite3_bind_blob(st, 5, slot->salt, TC_SALT_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(st, 6, slot->wrapped, TC_WRAPPED_KEY_LEN, SQLITE_STATIC);
	if (id > 0)
		sqlite3_bind_int64(st, 7, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return engine_error(v, rc, "key slot", err);
	if (id > 0 && sqlite3_changes(v->eng->db) != 1)
		return terr_set(err, EX_NOINPUT, "no key slot %lld", id);
	return id > 0 ? id : sqlite3_last_insert_rowid(v->eng->db);
}

long long
store_slot_add(struct vault *v, const struct keyslot *slot, struct terr *err)
{
	return slot_write(v, 0, slot, err);
}

int
store_slot_replace(struct vault *v, long long id, const struct keyslot *slot, struct terr *err)
{
	return slot_write(v, id, slot, err) < 0 ? -1 : 0;
}

int
store_slot_remove(struct vault *v, long long id, struct terr *err)
{
	sqlite3_stmt *st;
	int rc, left = 0;

	if ((st = engine_prepare(v, "SELECT count(*) FROM keyslots WHERE id != ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		left = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (left == 0)
		return terr_set(err, EX_USAGE, "cannot remove the last key slot");
	if ((st = engine_prepare(v, "DELETE FROM keyslots WHERE id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return engine_error(v, rc, "key slot", err);
	if (sqlite3_changes(v->eng->db) != 1)
		return terr_set(err, EX_NOINPUT, "no key slot %lld", id);
	return 0;
}
