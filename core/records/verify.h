/*
 * verify.h - `tact verify`: SQLite's integrity check, then every sealed
 * value of every table opened (or, for the confidential note, authenticated
 * inside crypto/) and checked against its row, each damaged record named.
 */
#ifndef TACT_VERIFY_H
#define TACT_VERIFY_H

#include "core/base/error.h"
#include "core/store/vault.h"

#define VERIFY_SLOTS WALK_TABLES        /* the key slots' index in the counts */
#define VERIFY_TABLES (WALK_TABLES + 1)

struct verify_counts {
	long long rows[VERIFY_TABLES];
	long long damaged[VERIFY_TABLES];
	long long slots_unchecked;      /* slots another passphrase opens: form checked only */
	int integrity;                  /* problems SQLite's check reported */
};

/* What verify calls for each problem: TABLE (a VERIFY_* index, or -1 for
 * SQLite's check), the record's ID (0 for none) and a message naming it.
 * A non-zero return stops the walk. */
typedef int (*verify_fn)(void *arg, int table, long long id, const char *msg);

/* Verifies V, unlocked, filling *C; returns the number of damaged records
 * plus integrity problems (0: all good), or -1 when the walk itself failed.
 * Writes nothing. */
long long vault_verify(struct vault *v, verify_fn fn, void *arg, struct verify_counts *c,
    struct terr *err);
/* The name of table index T ("turndowns", "key slots", ...). */
const char *verify_table_name(int t);

#endif
