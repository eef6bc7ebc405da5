/*
 * slots.c - the keyslots table: each row is the master key wrapped under one
 * passphrase, with the Argon2id parameters that open it.  Only sealed bytes
 * and parameters pass through here; unlocking is core/records/keyslots.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/engine.h"

/* Fills ROW from the current row of ST (id, created, alg, opslimit, memlimit, salt, wrapped). */
static void
slot_read(struct est *st, struct slot_row *row)
{
	const char *created = est_text(st, 1);

	memset(row, 0, sizeof(*row));
	row->id = est_int64(st, 0);
	snprintf(row->created, sizeof(row->created), "%s", created ? created : "");
	row->slot.alg = est_int(st, 2);
	row->slot.opslimit = (unsigned long long)est_int64(st, 3);
	row->slot.memlimit = (size_t)est_int64(st, 4);
	if (est_bytes(st, 5) != TC_SALT_LEN ||
	    est_bytes(st, 6) != TC_WRAPPED_KEY_LEN) {
		row->damaged = 1;
		return;
	}
	memcpy(row->slot.salt, est_blob(st, 5), TC_SALT_LEN);
	memcpy(row->slot.wrapped, est_blob(st, 6), TC_WRAPPED_KEY_LEN);
}

int
store_slots(struct vault *v, struct slot_row **out, struct terr *err)
{
	struct est *st;
	struct slot_row *arr = NULL, *grown;
	int n = 0, rc;

	*out = NULL;
	st = engine_prepare(v, "SELECT id, created, alg, opslimit, memlimit, salt, wrapped "
	    "FROM keyslots ORDER BY id", err);
	if (st == NULL)
		return -1;
	while ((rc = engine_row(v, st, "key slots", err)) == 1) {
		if ((grown = realloc(arr, (size_t)(n + 1) * sizeof(*arr))) == NULL) {
			free(arr);
			est_finalize(st);
			return terr_set(err, EX_OSERR, "out of memory");
		}
		arr = grown;
		slot_read(st, &arr[n++]);
	}
	est_finalize(st);
	if (rc < 0) {
		free(arr);
		return -1;
	}
	*out = arr;
	return n;
}

/* Inserts SLOT (ID 0) or replaces slot ID; returns the slot's id or -1. */
static long long
slot_write(struct vault *v, long long id, const struct keyslot *slot, struct terr *err)
{
	struct est *st;
	char when[32];
	long long got = id;
	int rc;

	date_now_utc(when);
	st = engine_prepare(v, id > 0 ?
	    "UPDATE keyslots SET created=?1, alg=?2, opslimit=?3, memlimit=?4, salt=?5, "
	    "wrapped=?6 WHERE id=?7" :
	    "INSERT INTO keyslots(created, alg, opslimit, memlimit, salt, wrapped) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id", err);
	if (st == NULL)
		return -1;
	est_bind_text(st, 1, when);
	est_bind_int64(st, 2, slot->alg);
	est_bind_int64(st, 3, slot->opslimit);
	est_bind_int64(st, 4, slot->memlimit);
	est_bind_blob(st, 5, slot->salt, TC_SALT_LEN);
	est_bind_blob(st, 6, slot->wrapped, TC_WRAPPED_KEY_LEN);
	if (id > 0)
		est_bind_int64(st, 7, id);
	if (id > 0)
		rc = engine_done(v, st, "key slot", err);
	else if ((rc = engine_row(v, st, "key slot", err)) == 1) {
		got = est_int64(st, 0);
		rc = 0;
	} else if (rc == 0)
		rc = terr_set(err, EX_SOFTWARE, "key slot: no id");
	est_finalize(st);
	if (rc != 0)
		return -1;
	if (id > 0 && engine_changes(v) != 1)
		return terr_set(err, EX_NOINPUT, "no key slot %lld", id);
	return got;
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
	struct est *st;
	int rc, left = 0;

	if ((st = engine_prepare(v, "SELECT count(*) FROM keyslots WHERE id != ?", err)) == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	if (engine_row(v, st, "key slots", err) == 1)
		left = est_int(st, 0);
	est_finalize(st);
	if (left == 0)
		return terr_set(err, EX_USAGE, "cannot remove the last key slot");
	if ((st = engine_prepare(v, "DELETE FROM keyslots WHERE id = ?", err)) == NULL)
		return -1;
	est_bind_int64(st, 1, id);
	rc = engine_done(v, st, "key slot", err);
	est_finalize(st);
	if (rc != 0)
		return -1;
	if (engine_changes(v) != 1)
		return terr_set(err, EX_NOINPUT, "no key slot %lld", id);
	return 0;
}
