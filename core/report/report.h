/*
 * report.h - the anonymized feedback report: why candidates decline, in
 * aggregate, with small groups suppressed.
 *
 * The report is built in one pass over turndowns ordered by candidate:
 * per-category counts of distinct candidates, a histogram of days from offer
 * to decline, and a bounded random sample of shareable notes, in memory that
 * does not depend on how many there are; and, for the release ledger, the
 * set of candidates counted, about five bytes each.  It sees reason categories,
 * dates, consent and shareable notes; names are opened only for the few
 * notes the sample keeps, and only to scrub them out.  The confidential note
 * is never read.
 */
#ifndef TACT_REPORT_H
#define TACT_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "core/records/ledger.h"
#include "core/records/turndown.h"
#include "core/store/vault.h"

#define REPORT_MIN_GROUP_DEFAULT 5
#define REPORT_MIN_GROUP_FLOOR 3        /* --min-group is never below this */
#define REPORT_MIN_GROUP_MAX 100000
#define REPORT_QUOTES_MAX 20            /* quotes kept in the sample */
#define REPORT_DAYS_MAX 3650            /* offers held longer count as this many days */
#define REPORT_MONTH_LEN 8              /* "YYYY-MM" and its NUL */

enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_CSV, REPORT_JSON, REPORT_HTML };

/* What the report covers and how it is made. */
struct report_scope {
	const char *client;             /* the client's name as given, or NULL for all */
	long long client_id;            /* 0: every client */
	char since[REPORT_MONTH_LEN];   /* first month, "YYYY-MM", or "" */
	char until[REPORT_MONTH_LEN];   /* last month, "YYYY-MM", or "" */
	int min_group;                  /* K */
	int quotes;                     /* sample shareable notes */
	int seeded;                     /* shuffle with SEED (reproducible) instead of at random */
	uint64_t seed;
};

struct report {
	struct report_scope scope;
	char client[TEXT_NAME_MAX + 1]; /* a copy of scope.client */

	/* Results, valid after report_finish(). */
	long long turndowns;            /* with consent to aggregate, in scope */
	long long candidates;           /* distinct candidates behind them */
	long long reasons[TAXONOMY_COUNT];      /* distinct candidates per category */
	int median_known;               /* enough offer dates for a median */
	double median_days;
	char *quotes[REPORT_QUOTES_MAX];        /* scrubbed, shuffled */
	size_t nquotes;
	int quotes_withheld;            /* asked for, but fewer than 2K candidates wrote notes */

	/* Accumulators. */
	long long cur_candidate;        /* candidate of the turndowns being added */
	uint32_t cur_mask;              /* categories that candidate gave */
	int cur_any;                    /* it has a turndown in the report */
	int cur_offer, cur_note;        /* it gave an offer date / a shareable note */
	long long offer_candidates;     /* distinct candidates with an offer date */
	long long note_candidates;      /* distinct candidates with a shareable note */
	long long notes_seen;           /* shareable notes offered to the sample */
	uint64_t days[REPORT_DAYS_MAX + 1];
	uint64_t rng;                   /* splitmix64 state when seeded */
	uint32_t cur_fp;                /* fingerprint of the current candidate's turndowns */
	struct ledger_set set;          /* the candidates counted, for the ledger */
	int finished;

	/* Fills NAMES_TD with the candidate's name and the people met of
	 * turndown ID, to scrub a sampled note; NULL to use the turndown's own
	 * candidate and met fields as given to report_add(). */
	int (*names)(void *arg, long long id, struct turndown *names_td, struct terr *err);
	void *names_arg;
};

/* Returns a new, empty report for SCOPE (copied); free it with report_free(). */
struct report *report_new(const struct report_scope *scope, struct terr *err);
/* Adds one turndown in scope, read with at least TD_SIGNALS (and
 * TD_SHAREABLE for quotes).  Turndowns must come ordered by candidate id;
 * those without consent to aggregate are ignored. */
int report_add(struct report *r, const struct turndown *td, struct terr *err);
/* Closes the counts: EX_DATAERR if fewer than K candidates are in scope. */
int report_finish(struct report *r, struct terr *err);
void report_free(struct report *r);

/* Reads the vault once and returns the finished report for SCOPE, or NULL.
 * A turndown that fails authentication stops it (EX_DATAERR, naming it):
 * a report never silently leaves records out. */
struct report *report_build(struct vault *v, const struct report_scope *scope, struct terr *err);

/* Writes R in FMT to OUT; EX_IOERR if writing fails. */
int report_write(const struct report *r, enum report_format fmt, FILE *out, struct terr *err);
/* Returns the format named NAME, or -1. */
int report_format_parse(const char *name);

/* Returns the count shown for category CAT: its value, or -1 when suppressed
 * (0 to K-1). */
long long report_shown(const struct report *r, int cat);

/* Fills REL with what the ledger records of R: RECIPIENT (the client, or
 * --to LABEL; NULL for none named) and FMT. */
void report_release(const struct report *r, const char *recipient, enum report_format fmt,
    struct release *rel /* OUT */);
/* Checks finished report R, as release REL, against the ledger: 0 if it may
 * go out; EX_DATAERR naming the earlier release it could be differenced
 * with, and how to widen the scope, if not. */
int report_check(struct vault *v, const struct report *r, const struct release *rel,
    struct terr *err);
/* Records REL with R's candidate set, inside the caller's transaction. */
int report_record(struct vault *v, const struct report *r, struct release *rel,
    struct terr *err);

/* Parses DATE (YYYY-MM-DD or YYYY-MM) into its month "YYYY-MM"; EX_DATAERR
 * naming WHAT if it is neither. */
int report_month(const char *what, const char *date, char out[REPORT_MONTH_LEN],
    struct terr *err);

#endif
