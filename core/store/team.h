/*
 * team.h - a firm vault's own tables and roles (core/store/members.c): the
 * members, the database roles they connect as, the row-level security that
 * lets each change only what it owns, and the rows a rotation of the firm
 * key rewrites.  Only PostgreSQL vaults made by `tact team init` are firm
 * vaults; on any other vault these functions say so (EX_USAGE).
 */
#ifndef TACT_STORE_TEAM_H
#define TACT_STORE_TEAM_H

#include "core/store/vault.h"

#define TEAM_NAME_MAX 32                /* a member's name: [a-z0-9_], 1..32 */
#define TEAM_ROLE_MAX 64

enum member_state { MEMBER_INVITED = 0, MEMBER_ACTIVE = 1 };

struct member_row {
	char name[TEAM_NAME_MAX + 1];
	char role[TEAM_ROLE_MAX];
	int admin;
	int state;                      /* enum member_state */
	int has_keys;                   /* public key, slot and sealed firm key are set */
	uint8_t public_key[TC_PUBLIC_LEN];
	struct keyslot slot;
	uint8_t sealed[TC_SEALED_KEY_LEN];
	long long generation;           /* of the firm key SEALED holds */
	int has_invite;
	uint8_t invite[TC_WRAPPED_KEY_LEN];
	char invited[32], joined[32];
	long long owned;                /* candidates owned (store_members only) */
};

/* Whether NAME is a member name: 1..TEAM_NAME_MAX of [a-z0-9_]. */
int team_name_ok(const char *name);
/* Whether V is a firm vault: 1, 0, or -1. */
int store_team_is_firm(struct vault *v, struct terr *err);
/* The database role V is connected as ("" on SQLite). */
const char *store_team_role(const struct vault *v);
/* Fills ROLE (TEAM_ROLE_MAX) with member NAME's role, tact_DB_NAME, in V's
 * database or in the database URL names; EX_USAGE for a bad name. */
int store_team_role_of(struct vault *v, const char *name, char *role, struct terr *err);
int store_team_role_at(const char *url, const char *name, char *role, struct terr *err);

/* Makes V (vault_create()d on PostgreSQL, its transaction open) a firm
 * vault: the members table, the firm's group roles, the functions that make
 * and drop member roles, grants and row-level security. */
int store_team_create(struct vault *v, struct terr *err);

/* Member rows: 1 found, 0 none, -1.  by_role finds V's own when ROLE is NULL. */
int store_member_by_role(struct vault *v, const char *role, struct member_row *out,
    struct terr *err);
int store_member_by_name(struct vault *v, const char *name, struct member_row *out,
    struct terr *err);
/* Fills *OUT with every member (malloc'd, by name); returns the count or -1. */
int store_members(struct vault *v, struct member_row **out, struct terr *err);
/* Adds M (an invitation, or a member with keys); EX_DATAERR if the name is taken. */
int store_member_add(struct vault *v, const struct member_row *m, struct terr *err);
/* Sets member M->name's keys, state active, joined date; clears its invite. */
int store_member_join(struct vault *v, const struct member_row *m, struct terr *err);
/* Sets member NAME's sealed firm key and its generation (a rotation). */
int store_member_seal(struct vault *v, const char *name, const uint8_t sealed[TC_SEALED_KEY_LEN],
    long long generation, struct terr *err);
int store_member_delete(struct vault *v, const char *name, struct terr *err);

/* Database roles, through the functions store_team_create() made: a new
 * login role with the SCRAM verifier of PASSWORD (never the password in SQL
 * text), dropping one, and changing V's own role's password. */
int store_role_create(struct vault *v, const char *role, const char *password, int admin,
    struct terr *err);
int store_role_drop(struct vault *v, const char *role, struct terr *err);
int store_role_password(struct vault *v, const char *password, struct terr *err);

/* Where URL points: fills HOST, PORT, DB (each SIZE bytes), with libpq's
 * defaults where it names none. */
int store_team_target(const char *url, char *host, char *port, char *db, size_t size,
    struct terr *err);
/* Returns the URL ROLE connects with to URL's server and database (free
 * with free()), or NULL. */
char *store_team_member_url(const char *url, const char *role, struct terr *err);
/* Writes PASSWORD for ROLE at V's server and database into the passfile
 * ($XDG_CONFIG_HOME/tact/pgpass, 0600), replacing that role's line. */
int store_passfile_put(const struct vault *v, const char *role, const char *password,
    struct terr *err);
/* Opens the vault at URL as ROLE with PASSWORD (an invitation's). */
struct vault *store_open_as(const char *url, const char *role, const char *password,
    struct terr *err);

/* Candidates' owners: fills ROLE (TEAM_ROLE_MAX) and NAME (the member's, or
 * the role when it is no member); 1, 0 no such candidate, -1. */
int store_candidate_owner(struct vault *v, long long id, char *role, char *name,
    struct terr *err);
/* Hands candidate ID to ROLE with its key rewrapped as WRAPPED. */
int store_candidate_give(struct vault *v, long long id, const char *role, const uint8_t *wrapped,
    size_t len, struct terr *err);

/* ---- rotation: every row sealed under the firm key or a shared half ------- */

/* One row handed to a rotation callback: its id, candidate (0 if none) and
 * up to four sealed values, borrowed for the call.  The callback fills OUT
 * (owned by the caller after the call) with the values to write back, in
 * the same order. */
struct rot_row {
	long long id, candidate;
	struct store_blob v[4];
	size_t n;
};
enum rot_table {
	ROT_CANDIDATES,         /* wrapped_key, name */
	ROT_CLIENTS,            /* name */
	ROT_TURNDOWNS,          /* signals, shareable */
	ROT_FEEDBACK,           /* signals, shareable */
	ROT_RELEASES,           /* body */
	ROT_RELEASE_CHUNKS,     /* body (id is the release, candidate the seq) */
};
/* Reads every row of TABLE, calls FN on each and writes back what it
 * returns; for candidates and clients FN also fills BLIND (row blind and
 * name blind for candidates, name blind for clients).  Candidates' external
 * references (ref_blind) are cleared: they cannot be recomputed.  CANDIDATE
 * (turndowns and feedback) keeps to that candidate's rows; 0 for all. */
int store_rotate(struct vault *v, enum rot_table table, long long candidate,
    int (*fn)(void *arg, const struct rot_row *row, struct tbuf out[4],
    uint8_t blind[2][TC_BLIND_LEN], struct terr *err), void *arg, struct terr *err);
/* The firm key's generation (1 at init); store_team_bump sets it one on. */
long long store_team_generation(struct vault *v, struct terr *err);
int store_team_bump(struct vault *v, long long generation, struct terr *err);

#endif
