/*
 * retention.h - how long candidates are kept: a period such as 24m, 400d
 * or 2y (`tact forget --older-than`, the config's [vault] retention), and
 * the candidates whose last decline is older than it.
 */
#ifndef TACT_RETENTION_H
#define TACT_RETENTION_H

#include "core/base/date.h"
#include "core/base/error.h"
#include "core/store/vault.h"

/* Writes into OUT the day AGE ("24m", "400d", "2y") before TODAY
 * (YYYY-MM-DD); EX_USAGE if AGE is not such a period. */
int retention_cutoff(const char *age, const char *today, char out[DATE_LEN], struct terr *err);

/* A candidate past the cutoff: id and last decline date. */
struct retention_row {
	long long id;
	char last_decline[DATE_LEN];
};
/* Fills *OUT (free with free()) with every candidate whose last decline is
 * before CUTOFF, in id order, opening nothing; returns the count or -1.
 * Candidates with no turndown are not counted. */
long long retention_past(struct vault *v, const char *cutoff, struct retention_row **out,
    struct terr *err);

/* Erases the N candidates of LIST as candidate_forget() erases one, all in
 * one transaction, then checkpoints the WAL (*PENDING set when another
 * process held the checkpoint off). */
int retention_forget(struct vault *v, const struct retention_row *list, long long n,
    int *pending, struct terr *err);

#endif
