/*
 * vault.h - the storage interface: the only way core/ reaches the vault's
 * tables.  Everything above core/store/ calls these functions and nothing
 * else; no SQL and no engine type appears outside core/store/.
 *
 * What a second engine (a firm's shared vault on another database) must
 * implement, and what it may assume:
 *   - every function declared below, with the same meaning, error classes
 *     and ownership: rows are handed over as ids, dates and sealed blobs
 *     only; this layer never sees plaintext and never holds a key;
 *   - a vault is opened by a path or URL in vault_open(); vault_create()
 *     makes a new empty one (schema, random vault id) inside a write
 *     transaction that the caller commits once the first key slot is in;
 *   - one write transaction per command (vault_begin/commit/rollback);
 *     concurrent writers wait (busy timeout) rather than fail, and a
 *     failure inside leaves nothing written;
 *   - the schema is versioned and migrated forward on open; a damaged
 *     schema is EX_DATAERR "vault ... is damaged", never EX_SOFTWARE;
 *   - erased rows leave no copy behind (secure delete, then checkpoint).
 * The SQLite engine lives in the other files of this folder: sqlite.c (file,
 * schema, transactions, errors), slots.c, names.c, turndowns.c, followups.c,
 * ledger.c, feedback.c.
 */
#ifndef TACT_VAULT_H
#define TACT_VAULT_H

#include <stddef.h>

#include "core/base/date.h"
#include "core/base/error.h"
#include "crypto/tcrypto.h"

#define VAULT_SCHEMA_VERSION 7

struct vault_engine;                    /* the engine's own state, private to core/store/ */

struct vault {
	struct vault_engine *eng;
	char *path;
	uint8_t id[TC_VAULT_ID_LEN];
	struct keyring *keys;           /* NULL while locked; set by core/records/keyslots.c */
	long long slot_opened;          /* slot the passphrase opened; 0 for a session */
};

/* A sealed value borrowed from the engine: valid until the next call on the
 * same iterator, or owned (struct tbuf) where a function says so. */
struct store_blob {
	const void *data;
	size_t len;
};

/* ---- the vault ------------------------------------------------------------ */

/* Returns the default vault path (free with free()): $TACT_VAULT, else the XDG data folder. */
char *vault_default_path(void);
/* Creates a new, empty vault at PATH (folders 0700, file 0600, O_EXCL) with
 * its schema and a random vault id, and leaves a write transaction open:
 * the caller adds the first key slot and calls vault_commit(), or
 * vault_discard() on failure. */
struct vault *vault_create(const char *path, struct terr *err);
/* Rolls back, closes V and removes the files of a vault vault_create() made. */
void vault_discard(struct vault *v);
/* Opens an existing vault, migrating its schema; EX_NOINPUT if there is none. */
struct vault *vault_open(const char *path, struct terr *err);
void vault_close(struct vault *v);

int vault_begin(struct vault *v, struct terr *err);     /* one write transaction */
int vault_commit(struct vault *v, struct terr *err);
void vault_rollback(struct vault *v);
/* Whether a transaction (vault_begin) is open. */
int vault_in_transaction(struct vault *v);
/* Pushes every page out of the write-ahead log and truncates it, so no old
 * page survives there; fails (EX_TEMPFAIL) while another reader holds it. */
int vault_checkpoint(struct vault *v, struct terr *err);

/* ---- key slots ------------------------------------------------------------ */

struct slot_row {
	long long id;
	char created[32];
	int damaged;                    /* the row's salt or wrapped key has the wrong size */
	struct keyslot slot;
};
/* Fills *OUT with every slot in id order (free with free()); returns the count or -1. */
int store_slots(struct vault *v, struct slot_row **out, struct terr *err);
/* Adds SLOT; returns its id or -1. */
long long store_slot_add(struct vault *v, const struct keyslot *slot, struct terr *err);
/* Replaces slot ID's parameters and wrapped key. */
int store_slot_replace(struct vault *v, long long id, const struct keyslot *slot,
    struct terr *err);
/* Removes slot ID unless it is the last one (EX_USAGE); EX_NOINPUT if there is none. */
int store_slot_remove(struct vault *v, long long id, struct terr *err);

/* ---- candidates and clients ---------------------------------------------- */

enum store_table { STORE_CANDIDATES, STORE_CLIENTS, STORE_TURNDOWNS, STORE_FEEDBACK };
/* Returns the next free id of TABLE (ids are chosen before sealing, so that
 * each sealed value can be bound to its row), or -1. */
long long store_next_id(struct vault *v, enum store_table table, struct terr *err);

/* Looks candidates up by the blind index of their name: returns how many
 * records have it (0, 1, or 2 for two or more), the lowest id in *ID (and
 * its wrapped key in WRAPPED, owned, unless NULL) and the next in *OTHER
 * (unless NULL); -1 on error. */
int store_candidate_find(struct vault *v, const uint8_t blind[TC_BLIND_LEN], long long *id,
    long long *other, struct tbuf *wrapped /* OUT */, struct terr *err);
/* Looks a candidate up by the blind index of another system's id: 1 with
 * *ID and WRAPPED (owned) filled, 0 if none, -1 on error. */
int store_candidate_find_ref(struct vault *v, const uint8_t ref[TC_BLIND_LEN], long long *id,
    struct tbuf *wrapped /* OUT */, struct terr *err);
/* Adds candidate ID: ROW is a value unique to the row, BLIND the name's
 * blind index, REF that of another system's id (or NULL). */
int store_candidate_add(struct vault *v, long long id, const uint8_t row[TC_BLIND_LEN],
    const uint8_t blind[TC_BLIND_LEN], const uint8_t *ref, const uint8_t *wrapped,
    size_t wrapped_len, const struct tbuf *name, struct terr *err);
/* Replaces candidate ID's row value, name blind index and sealed name. */
int store_candidate_rename(struct vault *v, long long id, const uint8_t row[TC_BLIND_LEN],
    const uint8_t blind[TC_BLIND_LEN], const struct tbuf *name, struct terr *err);
/* Replaces client ID's blind index and sealed name. */
int store_client_rename(struct vault *v, long long id, const uint8_t blind[TC_BLIND_LEN],
    const struct tbuf *name, struct terr *err);
/* Whether row ID exists in TABLE: 1, 0, or -1 on error. */
int store_exists(struct vault *v, enum store_table table, long long id, struct terr *err);

/* A candidate or client as the lists show it; blobs borrowed for the call. */
struct store_name_row {
	long long id;
	struct store_blob name, wrapped_key;    /* wrapped_key empty for a client */
	int turndowns;
	const char *last_decline;               /* NULL if none */
};
/* Calls FN for every candidate (or client, CLIENTS set) in id order; stops
 * at FN's first non-zero return and returns it, or -1 on error. */
int store_names(struct vault *v, int clients,
    int (*fn)(void *arg, const struct store_name_row *row), void *arg, struct terr *err);
/* Reads candidate ID: 1 with WRAPPED and NAME (owned) and *TURNDOWNS filled,
 * 0 if there is none, -1 on error. */
int store_candidate_get(struct vault *v, long long id, struct tbuf *wrapped /* OUT */,
    struct tbuf *name /* OUT */, int *turndowns, struct terr *err);
/* Deletes candidate ID and every turndown of theirs (and, through them,
 * their follow-ups) inside the caller's transaction; returns how many
 * candidates were deleted (0 or 1), or -1. */
int store_candidate_delete(struct vault *v, long long id, struct terr *err);
/* Gives candidate INTO the import reference (ref_blind) of FROM, if FROM has
 * one: 0 when done or nothing to move, 1 (nothing changed) when both have
 * one, -1 on error. */
int store_candidate_move_ref(struct vault *v, long long from, long long into, struct terr *err);

/* Looks a client up by blind index: its id, 0 if there is none, -1 on error. */
long long store_client_find(struct vault *v, const uint8_t blind[TC_BLIND_LEN],
    struct terr *err);
int store_client_add(struct vault *v, long long id, const uint8_t blind[TC_BLIND_LEN],
    const struct tbuf *name, struct terr *err);
/* Reads client ID's sealed name (owned): 1, 0 if there is none, -1. */
int store_client_get(struct vault *v, long long id, struct tbuf *name /* OUT */,
    struct terr *err);

/* ---- turndowns ------------------------------------------------------------ */

/* A turndown row: ids and dates in clear, each part sealed. */
struct store_turndown {
	long long id, candidate_id, client_id;
	const char *offer_date;         /* NULL or "" if unknown */
	const char *decline_date;
	struct store_blob signals, people, shareable, confidential;
};
int store_turndown_add(struct vault *v, const struct store_turndown *row, struct terr *err);
/* Whether a turndown of CANDIDATE for CLIENT declined on DECLINE exists:
 * its id, 0 if none, -1 on error (how import knows a line it has seen). */
long long store_turndown_exists(struct vault *v, long long candidate, long long client,
    const char *decline, struct terr *err);
/* Replaces every column of turndown ROW->id (candidate, client, dates and
 * the four sealed parts). */
int store_turndown_update(struct vault *v, const struct store_turndown *row, struct terr *err);
/* Reads turndown ID's candidate, decline date, that candidate's wrapped key
 * and the sealed confidential part (both owned): 1, 0 if none, -1. */
int store_turndown_owner(struct vault *v, long long id, long long *candidate,
    char decline[DATE_LEN], struct tbuf *wrapped /* OUT */, struct tbuf *confidential /* OUT */,
    struct terr *err);
/* Fills *OUT with the ids of the turndowns of candidate (BY STORE_CANDIDATES)
 * or client (STORE_CLIENTS) ID, in id order (free with free()); returns the
 * count or -1. */
long long store_turndowns_of(struct vault *v, enum store_table by, long long id,
    long long **out, struct terr *err);
/* Deletes client ID (once it has no turndowns); returns 0 or 1 deleted, or -1. */
int store_client_delete(struct vault *v, long long id, struct terr *err);
/* Deletes turndown ID and (ON DELETE CASCADE) its follow-ups inside the
 * caller's transaction; returns how many turndowns went (0 or 1), or -1. */
int store_turndown_delete(struct vault *v, long long id, struct terr *err);
/* Writes turndown ID's decline date into OUT: 1, 0 if there is none, -1. */
int store_turndown_decline(struct vault *v, long long id, char out[DATE_LEN],
    struct terr *err);
/* Reads turndown ID of CANDIDATE's confidential column and the candidate's
 * wrapped key (both owned): 1, 0 if there is no such row, -1. */
int store_turndown_confidential(struct vault *v, long long id, long long candidate,
    struct tbuf *wrapped /* OUT */, struct tbuf *sealed /* OUT */, struct terr *err);

/* Which turndowns to read. */
struct td_filter {
	long long id;           /* 0: any */
	long long client_id;    /* 0: any */
	long long candidate_id; /* 0: any */
	const char *since;      /* decline date >= since, or NULL */
	const char *until;      /* decline date <= until, or NULL */
	int by_candidate;       /* order by candidate (fewer key unwraps) instead of date */
	int newest_first;       /* order by date, the latest first */
	long long limit;        /* at most this many rows; 0: all */
};
/* Which sealed columns to fetch with each row. */
#define STORE_SIGNALS     0x01
#define STORE_PEOPLE      0x02
#define STORE_SHAREABLE   0x04
#define STORE_CAND_NAME   0x08
#define STORE_CLIENT_NAME 0x10

/* One row as the iterator returns it; blobs are borrowed until the next call. */
struct store_row {
	struct store_turndown td;       /* confidential left empty */
	struct store_blob wrapped_key;  /* the candidate's */
	struct store_blob cand_name, client_name;
};
struct store_iter;
struct store_iter *store_iter_new(struct vault *v, const struct td_filter *f, unsigned cols,
    struct terr *err);
/* 1: ROW filled; 0: done; -1: error. */
int store_iter_next(struct store_iter *it, struct store_row *row, struct terr *err);
void store_iter_free(struct store_iter *it);

/* ---- follow-up tasks ------------------------------------------------------ */

/* Adds task KIND of TURNDOWN due on DUE unless it exists: 1 added, 0 there, -1. */
int store_followup_add(struct vault *v, long long turndown, int kind, const char *due,
    struct terr *err);
struct store_task {
	long long id, turndown;
	int kind, status;
	char due[DATE_LEN], done_on[DATE_LEN];  /* done_on "" while open */
	int has_note;
};
struct store_fu_filter {
	int all;                        /* done and skipped too */
	const char *until;              /* due on or before, or NULL */
	long long candidate, client;    /* of this candidate, this client (0: any) */
	long long task;                 /* this task only (0: any) */
};
/* Fills *OUT with the tasks F lets through, due first; free with free().
 * Returns the count or -1. */
long long store_followups(struct vault *v, const struct store_fu_filter *f,
    struct store_task **out, struct terr *err);
/* Makes task ID open again (its note is kept). */
int store_followup_reopen(struct vault *v, long long id, struct terr *err);
/* Reads task ID's sealed note into NOTE (owned; empty if none): 1, 0 if
 * there is no such task, -1. */
int store_followup_note(struct vault *v, long long id, struct tbuf *note /* OUT */,
    struct terr *err);
/* Whether another turndown of TURNDOWN's candidate has a task KIND due on
 * DUE: 1, 0, or -1. */
int store_followup_taken(struct vault *v, long long turndown, int kind, const char *due,
    struct terr *err);
/* Returns the length in bytes of TURNDOWN's sealed people part, or -1
 * (EX_NOINPUT if there is no such turndown). */
long long store_turndown_people_len(struct vault *v, long long turndown, struct terr *err);
/* Reads task ID's status, its candidate and that candidate's wrapped key
 * (owned): 1, 0 if there is no such task, -1. */
int store_followup_owner(struct vault *v, long long id, int *status, long long *candidate,
    struct tbuf *wrapped /* OUT */, struct terr *err);
/* Sets the due date of TURNDOWN's open task KIND (a changed decline date). */
int store_followup_redate(struct vault *v, long long turndown, int kind, const char *due,
    struct terr *err);
/* Calls FN with each task of TURNDOWN that has a sealed note (borrowed);
 * returns FN's first non-zero return, 0, or -1 on error. */
int store_followup_notes(struct vault *v, long long turndown,
    int (*fn)(void *arg, long long task, const struct store_blob *note), void *arg,
    struct terr *err);
/* Replaces task ID's sealed note. */
int store_followup_set_note(struct vault *v, long long id, const struct tbuf *note,
    struct terr *err);
/* Sets task ID's status, the day it was closed and its sealed note (or none). */
int store_followup_close(struct vault *v, long long id, int status, const char *on,
    const struct tbuf *note, struct terr *err);

/* ---- a client's feedback on a candidate (feedback.c) ----------------------- */

/* A feedback row: ids and the date given in clear, each part sealed. */
struct store_feedback {
	long long id, candidate_id, client_id;
	const char *date;
	struct store_blob signals, shareable, confidential;
};
int store_feedback_add(struct vault *v, const struct store_feedback *row, struct terr *err);
/* Replaces every column of feedback ROW->id. */
int store_feedback_update(struct vault *v, const struct store_feedback *row, struct terr *err);
/* Whether feedback on CANDIDATE from CLIENT given on DATE exists: its id,
 * 0 if none, -1 (how import knows a line it has seen). */
long long store_feedback_exists(struct vault *v, long long candidate, long long client,
    const char *date, struct terr *err);
/* Reads feedback ID's candidate, that candidate's wrapped key and the sealed
 * confidential part (both owned): 1, 0 if there is none, -1. */
int store_feedback_owner(struct vault *v, long long id, long long *candidate,
    struct tbuf *wrapped /* OUT */, struct tbuf *confidential /* OUT */, struct terr *err);
/* Deletes feedback ID: 0 or 1 deleted, or -1. */
int store_feedback_delete(struct vault *v, long long id, struct terr *err);
/* Deletes every feedback row of candidate ID (forget); returns how many, or -1. */
int store_feedback_delete_of(struct vault *v, long long candidate, struct terr *err);
/* How many feedback rows candidate (BY STORE_CANDIDATES) or client
 * (STORE_CLIENTS) ID has, or -1. */
long long store_feedback_count(struct vault *v, enum store_table by, long long id,
    struct terr *err);

/* Which feedback rows to read (0: any); the oldest first unless NEWEST_FIRST. */
struct fb_filter {
	long long id, candidate_id, client_id;
	int newest_first;
};
/* One row as the iterator returns it; blobs are borrowed until the next call.
 * The confidential part is never fetched here. */
struct store_fb_row {
	struct store_feedback fb;
	struct store_blob wrapped_key, cand_name, client_name;
};
struct store_fb_iter;
struct store_fb_iter *store_fb_iter_new(struct vault *v, const struct fb_filter *f,
    struct terr *err);
/* 1: ROW filled; 0: done; -1: error. */
int store_fb_iter_next(struct store_fb_iter *it, struct store_fb_row *row, struct terr *err);
void store_fb_iter_free(struct store_fb_iter *it);

/* ---- the release ledger ---------------------------------------------------- */

/* A released report: what the store sees of it.  BODY is sealed (recipient,
 * scope, candidate set) and borrowed from the iterator, or the caller's. */
struct store_release {
	long long id;
	char created[32];               /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	long long client_id;            /* 0: all clients */
	long long gone_mark;            /* release_gone's last sequence when it was made */
	struct store_blob body;
};
/* An erased candidate id and the sequence number of its erasure. */
struct store_gone {
	long long candidate, seq;
};
/* Returns the id the next release gets (chosen before sealing), or -1. */
long long store_release_next_id(struct vault *v, struct terr *err);
/* Returns the sequence number of the last erasure noted (0 for none), or -1. */
long long store_release_gone_mark(struct vault *v, struct terr *err);
int store_release_add(struct vault *v, const struct store_release *r, struct terr *err);
/* Makes every release to client FROM one to client INTO (merging clients:
 * what FROM's recipient holds, INTO's now may). */
/* A release's candidate set, chunk SEQ (from 0): added, or read into BODY
 * (1 found, 0 not, -1 error). */
int store_release_chunk_add(struct vault *v, long long release, long long seq,
    const struct tbuf *body, struct terr *err);
int store_release_chunk_get(struct vault *v, long long release, long long seq, struct tbuf *body,
    struct terr *err);
int store_release_move_client(struct vault *v, long long from, long long into, struct terr *err);
/* Fills *OUT with every erased candidate id in id order (free with free());
 * returns the count or -1. */
long long store_release_gone(struct vault *v, struct store_gone **out, struct terr *err);
struct store_release_iter;
/* Iterates over releases oldest first; bodies only WITH_BODY. */
struct store_release_iter *store_release_iter_new(struct vault *v, int with_body,
    struct terr *err);
/* 1: R filled (body borrowed until the next call); 0: done; -1: error. */
int store_release_iter_next(struct store_release_iter *it, struct store_release *r,
    struct terr *err);
void store_release_iter_free(struct store_release_iter *it);

/* ---- verify, backup and restore (walk.c, backup.c) ------------------------ */

/* Opens an existing vault for reading only: no migration (a schema other
 * than this tact's is EX_DATAERR) and PRAGMA query_only, so nothing is
 * written to the vault's files. */
struct vault *vault_open_readonly(const char *path, struct terr *err);
/* Runs SQLite's integrity check (QUICK: its quick check, which skips
 * comparing indexes with their tables); calls FN with each problem it
 * reports (at most 100) and returns how many, or -1 on error. */
int vault_integrity(struct vault *v, int quick, int (*fn)(void *arg, const char *problem),
    void *arg, struct terr *err);

/* The tables whose sealed values verify opens, one walk each.  A new
 * table with sealed values gets an entry here and one in walk.c's list. */
enum store_walk_table {
	WALK_CANDIDATES,        /* v[0] name; key the row's own wrapped key */
	WALK_CLIENTS,           /* v[0] name */
	WALK_TURNDOWNS,         /* v[0..3] signals, people, shareable, confidential */
	WALK_FOLLOWUPS,         /* v[0] note (may be empty: none) */
	WALK_RELEASES,          /* v[0] body */
	WALK_RELEASE_CHUNKS,    /* id the release, ref the chunk's number; v[0] body */
	WALK_FEEDBACK,          /* v[0..2] signals, shareable points, confidential note */
	WALK_TABLES
};
/* One row of a walk: clear ids and dates, the owner's wrapped key, and the
 * sealed values, all borrowed for the call. */
struct store_walk_row {
	long long id;
	long long candidate;            /* the owner (0: vault-level, or the owner is missing) */
	long long ref;                  /* turndowns: the client; follow-ups: the turndown;
	                                 * release chunks: the chunk's number */
	const char *date[2];            /* turndowns: offer, decline date (NULL if none) */
	struct store_blob key;          /* the owner candidate's wrapped key (empty if none) */
	struct store_blob v[4];
	int nv;
};
/* Calls FN for every row of TABLE in id order (turndowns: by candidate);
 * stops at FN's first non-zero return and returns it, 0 at the end, -1 on
 * error. */
int store_walk(struct vault *v, enum store_walk_table table,
    int (*fn)(void *arg, const struct store_walk_row *row), void *arg, struct terr *err);
/* The table's name, as verify prints it. */
const char *store_walk_name(enum store_walk_table table);

/* Writes a consistent copy of V (SQLite's online backup API, one read
 * transaction, so other processes may go on writing) to DEST, a new file:
 * created 0600 with O_EXCL and O_NOFOLLOW (an existing file or a link is
 * EX_CANTCREAT), written in rollback mode, fsynced with its folder.  A
 * failure removes what it made. */
int vault_backup_to(struct vault *v, const char *dest, struct terr *err);
/* Puts NEW (a file in the same folder as the vault at PATH, which
 * vault_backup_to() made) in place of PATH: the old vault, if any, is
 * checkpointed and closed (EX_TEMPFAIL while another process has it
 * open), kept as PATH.before-restore (which must not exist), and NEW is
 * renamed over PATH; no -wal or -shm of the old vault is left behind to
 * be replayed onto the new one. */
int vault_swap_in(const char *path, const char *fresh, struct terr *err);

#endif
