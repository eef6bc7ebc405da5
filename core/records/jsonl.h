/* jsonl.h - reading one `tact import` record: a turndown, or with "kind":
 * "feedback" a client's feedback (feedback.h). */
#ifndef TACT_JSONL_H
#define TACT_JSONL_H

#include <stddef.h>

#include <jansson.h>

#include "core/records/turndown.h"
#include "core/store/vault.h"

/* Fills TD from one JSON Lines record of LEN bytes and validates it;
 * EX_DATAERR with a message (no line number) if it is not a good record. */
int jsonl_parse_turndown(struct turndown *td, const char *line, size_t len, struct terr *err);

struct feedback;
enum jsonl_kind { JSONL_TURNDOWN, JSONL_FEEDBACK };
/* Reads one record of either kind: fills TD (a line without "kind", or
 * "turndown") or FB ("feedback", made with feedback_init()) and sets *KIND;
 * validated as jsonl_parse_turndown() does. */
int jsonl_parse_record(const char *line, size_t len, struct turndown *td, struct feedback *fb,
    enum jsonl_kind *kind, struct terr *err);

/* The field readers, shared with feedback_json.c.  A missing or null key
 * is NULL (or left as it was); a wrong type sets *BAD or is EX_DATAERR. */
const char *jsonl_opt_string(json_t *obj, const char *key, int *bad);
/* Sets *FIELD from OBJ[KEY] through turndown_set_text (MAX bytes, NOTE). */
int jsonl_set_field(char **field, json_t *obj, const char *key, size_t max, int note,
    struct terr *err);
/* Sets OUT from the date OBJ[KEY] ("today", "N days ago" too). */
int jsonl_set_date(char out[DATE_LEN], json_t *obj, const char *key, struct terr *err);

#endif
