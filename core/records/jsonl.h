/* jsonl.h - reading one `tact import` record. */
#ifndef TACT_JSONL_H
#define TACT_JSONL_H

#include <stddef.h>

#include "core/records/turndown.h"
#include "core/store/vault.h"

/* Fills TD from one JSON Lines record of LEN bytes and validates it;
 * EX_DATAERR with a message (no line number) if it is not a good record. */
int jsonl_parse_turndown(struct turndown *td, const char *line, size_t len, struct terr *err);

#endif
