/*
 * read.h - reading turndowns back part by part: a reader asks only for the
 * parts it needs (TD_* of turndown.h), and each part is opened under its
 * candidate's key and checked against its row.  The confidential note is
 * never read here: only core/confidential/ reads it.
 */
#ifndef TACT_READ_H
#define TACT_READ_H

#include "core/records/turndown.h"
#include "core/store/vault.h"

struct td_iter;
/* Returns an iterator over the turndowns F selects, opening PARTS of each;
 * free it with td_iter_free(). */
struct td_iter *td_iter_new(struct vault *v, const struct td_filter *f, unsigned parts,
    struct terr *err);
/* 1: TD filled (clear it before the next call, or let next do it); 0: done;
 * -1: this row could not be read (ERR names it; iteration may go on); -2: fatal. */
int td_iter_next(struct td_iter *it, struct turndown *td, struct terr *err);
void td_iter_free(struct td_iter *it);

/* Reads turndown ID's PARTS; EX_NOINPUT if there is none. */
int turndown_load(struct vault *v, long long id, unsigned parts, struct turndown *td,
    struct terr *err);

#endif
