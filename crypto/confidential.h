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

#endif
