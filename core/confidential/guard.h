/*
 * guard.h - the last-line leak guard.
 *
 * A guard is built from one turndown's confidential note, shareable note
 * and people met.  It keeps no text, only what it needs to answer: the
 * hashed three-word runs of the confidential note that the shareable note
 * does not also contain, and the names that must not be said.  Asked about
 * a piece of output, it answers yes or no, and which rule fired.
 */
#ifndef TACT_GUARD_H
#define TACT_GUARD_H

#include "core/records/feedback.h"
#include "core/records/turndown.h"
#include "core/store/vault.h"

struct guard;

/* Builds a guard for TD (loaded with TD_PEOPLE and TD_SHAREABLE), reading
 * the confidential note itself.  Free with guard_free(). */
struct guard *guard_new(struct vault *v, const struct turndown *td, struct terr *err);
/* The same, for a note to person RECIPIENT of td->met (-1: none), who may
 * be named, in full, even if seen neutrally or negatively. */
struct guard *guard_new_for(struct vault *v, const struct turndown *td, long recipient,
    struct terr *err);
/* Builds a guard for a client's feedback FB (loaded with FB_ALL_OPEN): the
 * client's confidential note in the candidate's place, the shareable points
 * as the shareable note, and the person who gave it never to be named. */
struct guard *guard_new_feedback(struct vault *v, const struct feedback *fb, struct terr *err);
/* Builds a guard from texts directly (for tests and for callers that hold them). */
struct guard *guard_from_text(const char *confidential, const char *shareable,
    const struct person *met, size_t nmet, struct terr *err);
/* Returns 0 if TEXT may be said; 1 if not, with *RULE naming the rule. */
int guard_check(const struct guard *g, const char *text, const char **rule);
void guard_free(struct guard *g);

#endif
