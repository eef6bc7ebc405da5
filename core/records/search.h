/*
 * search.h - `--search TEXT`: whether a name, client or role holds TEXT,
 * compared in the folded form of core/text/fold.h (any case, accents and
 * spacing as people read them), after the value has been opened.
 */
#ifndef TACT_SEARCH_H
#define TACT_SEARCH_H

#include "core/base/error.h"

struct search;
/* Returns a search for TEXT (free with search_free()), or NULL with ERR. */
struct search *search_new(const char *text, struct terr *err);
void search_free(struct search *s);
/* Whether S is found in VALUE (NULL never matches). */
int search_match(const struct search *s, const char *value);

#endif
