/*
 * ledger.h - the release ledger: every report that leaves tact is a release
 * to a recipient, recorded sealed under the vault key with its scope and the
 * set of candidates it counted, so that the next report can be compared
 * with everything its recipient may already hold.
 *
 * Two releases seen by one recipient that differ by 1 to K-1 candidates
 * tell the recipient, by subtraction, what those few candidates said; the
 * ledger refuses the second one.  A candidate "differs" when only one of
 * the two counted them, when both did but over different turndowns, or when
 * their id was erased (forgotten) after the earlier release and is now
 * somebody else's, or when a turndown was edited in between.  Only ids and
 * fingerprints (of turndown ids, reasons and days) are kept:
 * numbers, nothing of what anybody said.
 */
#ifndef TACT_LEDGER_H
#define TACT_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "core/base/check.h"
#include "core/base/error.h"
#include "core/store/vault.h"

#define LEDGER_MONTH_LEN 8              /* "YYYY-MM" and its NUL */
#define LEDGER_FORMAT_LEN 16

/* The candidates a report counted, in increasing id order, each with a
 * fingerprint of the turndown ids it counted for them; compact (about five
 * bytes a candidate), so that a report over a million turndowns keeps it. */
struct ledger_set {
	uint8_t *data;                  /* the set, or with spilling its last chunk */
	size_t len, cap;
	long long last;                 /* the last candidate added */
	long long count;
	struct vault *v;                /* spilling into v's release_chunks, or NULL */
	long long release;              /* the id the release will have */
	long long chunks;               /* chunks written */
};
/* Once a set grows past this many bytes, a spilling set seals them as a
 * chunk into the vault, so that a report holds one chunk at a time. */
#define LEDGER_CHUNK 32768
/* Starts the fingerprint of one candidate's counted turndowns. */
#define LEDGER_FP_INIT 2166136261u
/* Returns fingerprint FP with turndown ID mixed in. */
uint32_t ledger_fp_mix(uint32_t fp, long long id);
/* Adds CANDIDATE (greater than the last one added) with fingerprint FP. */
int ledger_set_add(struct ledger_set *s, long long candidate, uint32_t fp, struct terr *err);
void ledger_set_free(struct ledger_set *s);
/* Makes S write its chunks into V (inside the transaction the report is
 * made in, so that they go with the release or are rolled back with it). */
int ledger_set_spill(struct ledger_set *s, struct vault *v, struct terr *err);
/* Writes what is left of a spilling set as its last chunk. */
int ledger_set_finish(struct ledger_set *s, struct terr *err);

/* One release, as --history lists it: no candidate data. */
struct release {
	long long id;
	char created[32];               /* UTC */
	long long client_id;            /* 0: all clients */
	char recipient[TEXT_NAME_MAX + 1];      /* the client's name, or --to LABEL */
	char since[LEDGER_MONTH_LEN];   /* "" for open */
	char until[LEDGER_MONTH_LEN];
	int min_group;
	long long turndowns, candidates;
	char format[LEDGER_FORMAT_LEN];
};

/* Compares NEXT, counting SET, with every earlier release its recipient may
 * have seen: those to the same client, and every all-clients release (seen
 * by every client, as an all-clients release is seen by each of them).
 * Returns 0 when each differs by none or by at least K candidates (K the
 * larger of the two releases'); 1 with *CONFLICT filled when one differs by
 * 1 to K-1; -1 on error (a release that will not open is EX_DATAERR). */
int ledger_check(struct vault *v, const struct release *next, const struct ledger_set *set,
    struct release *conflict /* OUT */, struct terr *err);
/* Records NEXT with SET inside the caller's transaction; sets next->id and
 * next->created. */
int ledger_record(struct vault *v, struct release *next, const struct ledger_set *set,
    struct terr *err);
/* Fills *OUT with every release, oldest first (free with free()); returns
 * the count or -1. */
long long ledger_history(struct vault *v, struct release **out, struct terr *err);

#endif
