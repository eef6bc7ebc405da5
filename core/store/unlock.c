/*
 * unlock.c - key slots and unlocking the vault.
 *
 * The passphrase is taken in the documented order: a session token, then a
 * passphrase file, then the terminal.  A passphrase is tried against every
 * key slot; the first that opens gives the master key.  Nothing is written
 * when unlocking fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/store/vault.h"

static int
slot_read(sqlite3_stmt *st, struct keyslot *slot)
{
	const void *salt = sqlite3_column_blob(st, 4), *wrapped = sqlite3_column_blob(st, 5);

	memset(slot, 0, sizeof(*slot));
	slot->alg = sqlite3_column_int(st, 1);
	slot->opslimit = (unsigned long long)sqlite3_column_int64(st, 2);
	slot->memlimit = (size_t)sqlite3_column_int64(st, 3);
	if (sqlite3_column_bytes(st, 4) != TC_SALT_LEN ||
	    sqlite3_column_bytes(st, 5) != TC_WRAPPED_KEY_LEN)
		return -1;
	memcpy(slot->salt, salt, TC_SALT_LEN);
	memcpy(slot->wrapped, wrapped, TC_WRAPPED_KEY_LEN);
	return 0;
}

int
vault_unlock_pass(struct vault *v, const struct secret *pass, struct terr *err)
{
	sqlite3_stmt *st;
	struct keyslot slot;
	struct terr tryerr;
	int rc, slots = 0, damaged = 0;

	st = vault_prepare(v, "SELECT id, alg, opslimit, memlimit, salt, wrapped FROM keyslots "
	    "ORDER BY id", err);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		slots++;
		if (slot_read(st, &slot) != 0) {
			damaged++;
			continue;
		}
		terr_clear(&tryerr);
		v->keys = keyslot_open(&slot, pass, v->id, &tryerr);
		if (v->keys != NULL) {
			v->slot_opened = sqlite3_column_int64(st, 0);
			break;
		}
		if (tryerr.code == EX_DATAERR)
			damaged++;
		else if (tryerr.code != EX_NOPERM) {
			sqlite3_finalize(st);
			return terr_set(err, tryerr.code, "%s", tryerr.msg);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return vault_sqlerr(v, rc, "key slots", err);
	if (v->keys == NULL && slots > 0 && damaged == slots)
		return terr_set(err, EX_DATAERR, "vault '%s': every key slot is damaged", v->path);
	if (v->keys == NULL)
		return terr_set(err, EX_NOPERM, slots ? "wrong passphrase" : "vault has no key slot");
	return 0;
}

struct secret *
vault_ask_passphrase(const struct unlock_src *src, const char *prompt, int confirm,
    struct terr *err)
{
	if (src->passfile != NULL && *src->passfile != '\0')
		return secret_from_file(src->passfile, err);
	return secret_from_tty(prompt, confirm, err);
}

int
vault_unlock(struct vault *v, const struct unlock_src *src, struct terr *err)
{
	struct secret *pass;
	int rc;

	if (v->keys != NULL)
		return 0;
	if (src->session != NULL && *src->session != '\0') {
		v->keys = session_open(src->session, v->id, err);
		return v->keys != NULL ? 0 : -1;
	}
	if ((pass = vault_ask_passphrase(src, "Vault passphrase: ", 0, err)) == NULL)
		return -1;
	rc = vault_unlock_pass(v, pass, err);
	secret_free(pass);
	return rc;
}

static int
slot_write(struct vault *v, long long id, const struct keyslot *slot, struct terr *err)
{
	sqlite3_stmt *st;
	char when[32];
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	st = vault_prepare(v, id > 0 ?
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
		return vault_sqlerr(v, rc, "key slot", err);
	if (id > 0 && sqlite3_changes(v->db) != 1)
		return terr_set(err, EX_NOINPUT, "no key slot %lld", id);
	return 0;
}

long long
vault_slot_add(struct vault *v, const struct secret *pass, enum tc_kdf kdf, struct terr *err)
{
	struct keyslot slot;

	if (v->keys == NULL)
		return terr_set(err, EX_SOFTWARE, "vault is locked");
	if (keyslot_seal(v->keys, pass, kdf, v->id, &slot, err) != 0 ||
	    slot_write(v, 0, &slot, err) != 0)
		return -1;
	return sqlite3_last_insert_rowid(v->db);
}

int
vault_slot_rewrap(struct vault *v, long long id, const struct secret *pass, enum tc_kdf kdf,
    struct terr *err)
{
	struct keyslot slot;

	if (v->keys == NULL)
		return terr_set(err, EX_SOFTWARE, "vault is locked");
	if (keyslot_seal(v->keys, pass, kdf, v->id, &slot, err) != 0)
		return -1;
	return slot_write(v, id, &slot, err);
}

int
vault_slot_remove(struct vault *v, long long id, struct terr *err)
{
	sqlite3_stmt *st;
	int rc, left = 0;

	if ((st = vault_prepare(v, "SELECT count(*) FROM keyslots WHERE id != ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		left = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (left == 0)
		return terr_set(err, EX_USAGE, "cannot remove the last key slot");
	if ((st = vault_prepare(v, "DELETE FROM keyslots WHERE id = ?", err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return vault_sqlerr(v, rc, "key slot", err);
	if (sqlite3_changes(v->db) != 1)
		return terr_set(err, EX_NOINPUT, "no key slot %lld", id);
	return 0;
}

int
vault_slot_list(struct vault *v, struct slot_info **out, struct terr *err)
{
	sqlite3_stmt *st;
	struct slot_info *arr = NULL, *grown;
	int n = 0, rc;

	*out = NULL;
	st = vault_prepare(v, "SELECT id, created, alg, opslimit, memlimit FROM keyslots "
	    "ORDER BY id", err);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((grown = realloc(arr, (size_t)(n + 1) * sizeof(*arr))) == NULL) {
			free(arr);
			sqlite3_finalize(st);
			return terr_set(err, EX_OSERR, "out of memory");
		}
		arr = grown;
		arr[n].id = sqlite3_column_int64(st, 0);
		snprintf(arr[n].created, sizeof(arr[n].created), "%s",
		    (const char *)sqlite3_column_text(st, 1));
		arr[n].alg = sqlite3_column_int(st, 2);
		arr[n].opslimit = (unsigned long long)sqlite3_column_int64(st, 3);
		arr[n].memlimit = (size_t)sqlite3_column_int64(st, 4);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(arr);
		return vault_sqlerr(v, rc, "key slots", err);
	}
	*out = arr;
	return n;
}
