/*
 * release.c - a report as a release: what the ledger records of it, and the
 * refusal, in words the recruiter can act on, of a report that could be
 * subtracted from one its recipient already holds.
 *
 * The candidate set is compared, never the numbers: two reports over the
 * same candidates and turndowns give the same numbers, so an identical set
 * is allowed; one that differs by K or more candidates only reveals, by
 * subtraction, a group as large as the report itself may show.
 */
#include <stdio.h>
#include <string.h>

#include "core/report/report.h"

static const char *const format_names[] = { "text", "markdown", "csv", "json", "html" };

void
report_release(const struct report *r, const char *recipient, enum report_format fmt,
    struct release *rel)
{
	memset(rel, 0, sizeof(*rel));
	rel->client_id = r->scope.client_id;
	snprintf(rel->recipient, sizeof(rel->recipient), "%s", recipient ? recipient : "");
	memcpy(rel->since, r->scope.since, sizeof(rel->since));
	memcpy(rel->until, r->scope.until, sizeof(rel->until));
	rel->min_group = r->scope.min_group;
	rel->turndowns = r->turndowns;
	rel->candidates = r->candidates;
	snprintf(rel->format, sizeof(rel->format), "%s", format_names[fmt]);
}

/* Writes release REL's period into BUF. */
static const char *
release_period(const struct release *rel, char *buf, size_t size)
{
	if (rel->since[0] && rel->until[0])
		snprintf(buf, size, "%s to %s", rel->since, rel->until);
	else if (rel->since[0])
		snprintf(buf, size, "from %s", rel->since);
	else if (rel->until[0])
		snprintf(buf, size, "up to %s", rel->until);
	else
		snprintf(buf, size, "all dates");
	return buf;
}

int
report_check(struct vault *v, const struct report *r, const struct release *rel,
    struct terr *err)
{
	struct release old;
	char period[48];
	int rc;

	if ((rc = ledger_check(v, rel, &r->set, &old, err)) <= 0)
		return rc;
	return terr_set(err, EX_DATAERR, "this report differs from release #%lld (%.10s, %s"
	    "'%.60s', %s) by 1 to %d candidates, whose reasons subtraction would reveal; "
	    "widen the period (--since/--until) until %d or more candidates come in or go out, "
	    "or see --history", old.id, old.created, old.client_id ? "to " : "all clients, to ",
	    old.recipient[0] ? old.recipient : "(not named)",
	    release_period(&old, period, sizeof(period)), old.min_group - 1, old.min_group);
}

int
report_record(struct vault *v, const struct report *r, struct release *rel, struct terr *err)
{
	return ledger_record(v, rel, &r->set, err);
}
