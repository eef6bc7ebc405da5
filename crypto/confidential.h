/*
 * confidential.h - sealing and opening a turndown's confidential note.
 *
 * The confidential subkey of a candidate key is derived here and nowhere
 * else.  Include this header only where the confidential note may be read:
 * `tact show --confidential`, logging and importing (to seal it), and the
 * last-line leak guard, which answers yes or no.
 */
#ifndef TACT_CONFIDENTIAL_H
#define TACT_CONFIDENTIAL_H

#include "tcrypto.h"

int confidential_seal(struct candkey *ck, const struct tc_ad *ad, const void *pt,
    size_t len, struct tbuf *out /* OUT */, struct tc_err *err);
int confidential_open(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tbuf *out /* OUT */, struct tc_err *err);

/* Whether CT opens under CK for AD: 0 if it does, -1 (EX_DATAERR) if not.
 * The opened text is wiped before this returns and never handed out, so
 * `tact verify` can authenticate every note without reading one. */
int confidential_check(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tc_err *err);

/* Opens CT, sealed under FROM for FROM_AD, and seals it again under TO for
 * TO_AD into OUT, so that a turndown can move to another candidate or row
 * (edit, merge) without its note ever leaving crypto/: the opened text is
 * wiped before this returns. */
int confidential_reseal(struct candkey *from, const struct tc_ad *from_ad, struct candkey *to,
    const struct tc_ad *to_ad, const void *ct, size_t len, struct tbuf *out /* OUT */,
    struct tc_err *err);

/* The same three for the confidential note of a client's feedback on a
 * candidate (core/records/feedback.h), under a subkey of its own: a
 * turndown's note and a feedback note never open under each other's key. */
int confidential_feedback_seal(struct candkey *ck, const struct tc_ad *ad, const void *pt,
    size_t len, struct tbuf *out /* OUT */, struct tc_err *err);
/* Whether CT, a client's confidential note, authenticates (0) or not (-1);
 * the note itself never leaves crypto/ (for tact verify). */
int confidential_feedback_check(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tc_err *err);
int confidential_feedback_open(struct candkey *ck, const struct tc_ad *ad, const void *ct,
    size_t len, struct tbuf *out /* OUT */, struct tc_err *err);
int confidential_feedback_reseal(struct candkey *from, const struct tc_ad *from_ad,
    struct candkey *to, const struct tc_ad *to_ad, const void *ct, size_t len,
    struct tbuf *out /* OUT */, struct tc_err *err);

#endif
