/*
 * keyslots.c - the vault's keys: its first slot, unlocking, and key slots.
 *
 * The passphrase is taken in the documented order: a session token, then a
 * passphrase file, then the terminal.  A passphrase is tried against every
 * key slot; the first that opens gives the master key.  Nothing is written
 * when unlocking fails.  The slots' rows are core/store/slots.c; the key
 * material never leaves crypto/.
 */
#include <stdlib.h>
#include <string.h>

#include "core/records/keyslots.h"
#include "core/store/team.h"

struct vault *
vault_init(const char *path, const struct secret *pass, enum tc_kdf kdf, struct terr *err)
{
	struct tc_err ce = { 0 };
	struct vault *v;

	if ((v = vault_create(path, err)) == NULL)
		return NULL;
	if ((v->keys = keyring_new_random(&ce)) == NULL) {
		terr_crypto(err, &ce);
		goto fail;
	}
	if (vault_slot_add(v, pass, kdf, err) < 0 || vault_commit(v, err) != 0)
		goto fail;
	return v;
fail:
	vault_discard(v);
	return NULL;
}

/* Unlocks firm vault V as the member its connection's database role is:
 * PASS opens the member's seed, and the seed the firm key sealed to it. */
static int
member_unlock(struct vault *v, const struct secret *pass, struct terr *err)
{
	struct tc_err ce = { 0 };
	struct member_row m;
	long long gen;
	int rc;

	if ((rc = store_member_by_role(v, NULL, &m, err)) <= 0)
		return rc < 0 ? -1 : terr_set(err, EX_NOPERM, "database role '%s' is not a member "
		    "of this firm vault", store_team_role(v));
	if (m.state != MEMBER_ACTIVE || !m.has_keys)
		return terr_set(err, EX_NOPERM, "member '%s' has not joined yet: run `tact team join "
		    "URL CODE` with the code you were given", m.name);
	if ((gen = store_team_generation(v, err)) < 0)
		return -1;
	if (m.generation != gen)
		return terr_set(err, EX_DATAERR, "member '%s': the firm key sealed to you is of "
		    "generation %lld, the firm's is %lld (damaged or rolled back)", m.name,
		    m.generation, gen);
	if ((v->keys = member_open(&m.slot, pass, v->id, m.name, m.sealed, sizeof(m.sealed),
	    &ce)) == NULL)
		return terr_crypto(err, &ce);
	v->slot_opened = 0;
	return 0;
}

int
vault_unlock_pass(struct vault *v, const struct secret *pass, struct terr *err)
{
	struct slot_row *rows;
	struct tc_err tryerr;
	int n, damaged = 0, rc = -1;

	/* A firm vault has no key slots: each member's passphrase opens its
	 * own seed, and the firm key sealed to it (core/records/team.c). */
	if ((n = store_team_is_firm(v, err)) != 0)
		return n < 0 ? -1 : member_unlock(v, pass, err);
	if ((n = store_slots(v, &rows, err)) < 0)
		return -1;
	for (int i = 0; i < n && v->keys == NULL; i++) {
		if (rows[i].damaged) {
			damaged++;
			continue;
		}
		memset(&tryerr, 0, sizeof(tryerr));
		v->keys = keyslot_open(&rows[i].slot, pass, v->id, &tryerr);
		if (v->keys != NULL) {
			v->slot_opened = rows[i].id;
			break;
		}
		if (tryerr.code == EX_DATAERR)
			damaged++;
		else if (tryerr.code != EX_NOPERM) {
			terr_crypto(err, &tryerr);
			goto out;
		}
	}
	if (v->keys == NULL && n > 0 && damaged == n)
		terr_set(err, EX_DATAERR, "vault '%s': every key slot is damaged", v->path);
	else if (v->keys == NULL)
		terr_set(err, EX_NOPERM, n ? "wrong passphrase" : "vault has no key slot");
	else
		rc = 0;
out:
	free(rows);
	return rc;
}

struct secret *
vault_ask_passphrase(const struct unlock_src *src, const char *prompt, int confirm,
    struct terr *err)
{
	struct tc_err ce = { 0 };
	struct secret *s;

	if (src->passfile != NULL && *src->passfile != '\0')
		s = secret_from_file(src->passfile, &ce);
	else
		s = secret_from_tty(prompt, confirm, &ce);
	if (s == NULL)
		terr_crypto(err, &ce);
	return s;
}

int
vault_unlock(struct vault *v, const struct unlock_src *src, struct terr *err)
{
	struct tc_err ce = { 0 };
	struct secret *pass;
	int rc;

	if (v->keys != NULL)
		return 0;
	if (src->session != NULL && *src->session != '\0') {
		if ((v->keys = session_open(src->session, v->id, &ce)) == NULL)
			return terr_crypto(err, &ce);
		return 0;
	}
	if ((pass = vault_ask_passphrase(src, "Vault passphrase: ", 0, err)) == NULL)
		return -1;
	rc = vault_unlock_pass(v, pass, err);
	secret_free(pass);
	return rc;
}

/* Fills SLOT with the unlocked master key wrapped under PASS. */
static int
slot_seal(struct vault *v, const struct secret *pass, enum tc_kdf kdf, struct keyslot *slot,
    struct terr *err)
{
	struct tc_err ce = { 0 };

	if (v->keys == NULL)
		return terr_set(err, EX_SOFTWARE, "vault is locked");
	if (keyslot_seal(v->keys, pass, kdf, v->id, slot, &ce) != 0)
		return terr_crypto(err, &ce);
	return 0;
}

long long
vault_slot_add(struct vault *v, const struct secret *pass, enum tc_kdf kdf, struct terr *err)
{
	struct keyslot slot;

	if (slot_seal(v, pass, kdf, &slot, err) != 0)
		return -1;
	return store_slot_add(v, &slot, err);
}

int
vault_slot_rewrap(struct vault *v, long long id, const struct secret *pass, enum tc_kdf kdf,
    struct terr *err)
{
	struct keyslot slot;

	if (slot_seal(v, pass, kdf, &slot, err) != 0)
		return -1;
	return store_slot_replace(v, id, &slot, err);
}

int
vault_slot_remove(struct vault *v, long long id, struct terr *err)
{
	return store_slot_remove(v, id, err);
}

int
vault_slot_list(struct vault *v, struct slot_info **out, struct terr *err)
{
	struct slot_row *rows;
	struct slot_info *arr = NULL;
	int n;

	*out = NULL;
	if ((n = store_slots(v, &rows, err)) < 0)
		return -1;
	if (n > 0 && (arr = calloc((size_t)n, sizeof(*arr))) == NULL) {
		free(rows);
		return terr_set(err, EX_OSERR, "out of memory");
	}
	for (int i = 0; i < n; i++) {
		arr[i].id = rows[i].id;
		memcpy(arr[i].created, rows[i].created, sizeof(arr[i].created));
		arr[i].alg = rows[i].slot.alg;
		arr[i].opslimit = rows[i].slot.opslimit;
		arr[i].memlimit = rows[i].slot.memlimit;
	}
	free(rows);
	*out = arr;
	return n;
}
