/*
 * keyslots.h - the vault's keys: creating a vault with its first key slot,
 * unlocking it from a session, a passphrase file or the terminal, and adding,
 * changing, removing and listing key slots.
 */
#ifndef TACT_KEYSLOTS_H
#define TACT_KEYSLOTS_H

#include "core/base/error.h"
#include "core/store/vault.h"

/* Where the passphrase comes from, in the order tried. */
struct unlock_src {
	const char *session;            /* $TACT_SESSION, or NULL */
	const char *passfile;           /* --passphrase-file / $TACT_PASSPHRASE_FILE, or NULL */
};

struct slot_info {
	long long id;
	char created[32];
	int alg;
	unsigned long long opslimit;
	size_t memlimit;
};

/* Creates a new vault at PATH with a random master key and a first slot
 * under PASS, all in one transaction; nothing is left behind on failure. */
struct vault *vault_init(const char *path, const struct secret *pass, enum tc_kdf kdf,
    struct terr *err);

/* Unlocks V from SRC: session, passphrase file, else the terminal. */
int vault_unlock(struct vault *v, const struct unlock_src *src, struct terr *err);
/* Unlocks V with PASS alone (no session); sets v->slot_opened. */
int vault_unlock_pass(struct vault *v, const struct secret *pass, struct terr *err);
/* Reads the passphrase from SRC->passfile or the terminal. */
struct secret *vault_ask_passphrase(const struct unlock_src *src, const char *prompt,
    int confirm, struct terr *err);

/* Key slots.  Adding and changing wrap the unlocked master key. */
long long vault_slot_add(struct vault *v, const struct secret *pass, enum tc_kdf kdf,
    struct terr *err);
int vault_slot_rewrap(struct vault *v, long long slot, const struct secret *pass,
    enum tc_kdf kdf, struct terr *err);
int vault_slot_remove(struct vault *v, long long slot, struct terr *err);
/* Fills *OUT with a malloc'd array of slots; returns the count or -1. */
int vault_slot_list(struct vault *v, struct slot_info **out, struct terr *err);

#endif
