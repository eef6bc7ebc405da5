/*
 * vault.h - the SQLite vault: opening, creating, schema, transactions,
 * key slots and unlocking.
 */
#ifndef TACT_VAULT_H
#define TACT_VAULT_H

#include <sqlite3.h>

#include "crypto/tcrypto.h"
#include "core/base/error.h"

#define VAULT_SCHEMA_VERSION 3

struct vault {
	sqlite3 *db;
	char *path;
	uint8_t id[TC_VAULT_ID_LEN];
	struct keyring *keys;           /* NULL while locked */
	long long slot_opened;          /* slot the passphrase opened; 0 for a session */
};

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

/* Returns the default vault path (free with free()): $TACT_VAULT, else the XDG data folder. */
char *vault_default_path(void);

/* Creates a new vault at PATH with the keyring KR and a first slot under PASS. */
struct vault *vault_create(const char *path, const struct secret *pass, enum tc_kdf kdf,
    struct terr *err);
/* Opens an existing vault, migrating its schema; EX_NOINPUT if there is none. */
struct vault *vault_open(const char *path, struct terr *err);
void vault_close(struct vault *v);

int vault_begin(struct vault *v, struct terr *err);     /* BEGIN IMMEDIATE */
int vault_commit(struct vault *v, struct terr *err);
void vault_rollback(struct vault *v);
int vault_exec(struct vault *v, const char *sql, struct terr *err);
/* Returns a prepared statement (finalize it), or NULL. */
sqlite3_stmt *vault_prepare(struct vault *v, const char *sql, struct terr *err);
/* Maps a SQLite failure to an error; returns -1. */
int vault_sqlerr(struct vault *v, int rc, const char *what, struct terr *err);

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

/* Checkpoints the WAL and truncates it, so no old page survives there. */
int vault_checkpoint(struct vault *v, struct terr *err);

#endif
