/*
 * turndown.c - building and checking a turndown record, field by field, with
 * the same rules whichever way it arrives (options, prompts, JSON Lines).
 * Every text that leaves a record is wiped before it is freed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/suggest.h"
#include "core/base/wipe.h"
#include "core/records/turndown.h"

/* ---- building and checking ---------------------------------------------- */

void
turndown_clear(struct turndown *td)
{
	wipe_str_drop(&td->candidate);
	wipe_str_drop(&td->client);
	wipe_str_drop(&td->role);
	wipe_str_drop(&td->shareable);
	wipe_str_drop(&td->confidential);
	wipe_str_drop(&td->candidate_ref);
	for (size_t i = 0; i < td->nmet; i++)
		wipe_str_drop(&td->met[i].name);
	free(td->met);
	memset(td, 0, sizeof(*td));
}

int
turndown_set_text(char **field, const char *what, const char *value, size_t len, size_t max,
    int note, struct terr *err)
{
	char *copy;

	if (text_check(what, value, len, max, note, err) != 0)
		return -1;
	if ((copy = note ? strndup(value, len) : NULL) == NULL && note)
		return terr_set(err, EX_OSERR, "out of memory");
	if (!note) {
		char *tmp = strndup(value, len);

		if (tmp == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
		copy = text_trim(tmp);
		wipe_str_drop(&tmp);
		if (copy == NULL)
			return terr_set(err, EX_OSERR, "out of memory");
		if (*copy == '\0') {
			free(copy);
			return terr_set(err, EX_DATAERR, "%s is empty", what);
		}
	}
	wipe_str_drop(field);
	*field = copy;
	return 0;
}

static int
unknown_category(const char *slug, struct terr *err)
{
	char list[512];
	const char *near = taxonomy_suggest(slug);

	if (near != NULL)
		return terr_set(err, EX_DATAERR, "unknown reason '%.60s' (did you mean '%s'?)", slug,
		    near);
	taxonomy_list(list, sizeof(list));
	return terr_set(err, EX_DATAERR, "unknown reason '%.60s' (one of: %s)", slug, list);
}

/* The error for a word not in NAMES: the nearest one as "did you mean",
 * else ONE_OF, the words spelt out. */
static int
unknown_word(struct terr *err, const char *what, const char *typed, const char *const *names,
    size_t n, const char *one_of)
{
	const char *near = suggest_word(typed, names, n);

	if (near != NULL)
		return terr_set(err, EX_DATAERR, "%s '%.40s' (did you mean '%s'?)", what, typed,
		    near);
	return terr_set(err, EX_DATAERR, "%s '%.40s' (%s)", what, typed, one_of);
}

int
turndown_add_category(struct turndown *td, const char *category, const char *visibility,
    struct terr *err)
{
	int cat = taxonomy_find(category), vis = VIS_SHAREABLE;

	if (cat < 0)
		return unknown_category(category, err);
	if (visibility != NULL && (vis = vocab_find(visibility_names, 2, visibility)) < 0) {
		char what[64];

		snprintf(what, sizeof(what), "reason '%s': unknown visibility", category);
		return unknown_word(err, what, visibility, visibility_names, 2,
		    "confidential or shareable");
	}
	for (size_t i = 0; i < td->nreasons; i++) {
		if (td->reasons[i].category == cat) {
			/* Given twice: the more careful visibility wins. */
			if (vis == VIS_CONFIDENTIAL)
				td->reasons[i].visibility = vis;
			return 0;
		}
	}
	td->reasons[td->nreasons].category = cat;
	td->reasons[td->nreasons].visibility = vis;
	td->nreasons++;
	return 0;
}

int
turndown_add_reason(struct turndown *td, const char *spec, struct terr *err)
{
	char buf[128], *colon;

	if (text_check("reason", spec, strlen(spec), sizeof(buf) - 1, 0, err) != 0)
		return -1;
	strcpy(buf, spec);
	if ((colon = strchr(buf, ':')) != NULL)
		*colon++ = '\0';
	return turndown_add_category(td, buf, colon, err);
}

int
turndown_add_person(struct turndown *td, const char *name, const char *role,
    const char *impression, struct terr *err)
{
	struct person *grown, p = { NULL, 0, 0 };

	if (td->nmet >= TEXT_MET_MAX)
		return terr_set(err, EX_DATAERR, "too many people met (the limit is %d)",
		    TEXT_MET_MAX);
	if ((p.role = vocab_find(person_role_names, PERSON_ROLE_COUNT, role)) < 0)
		return unknown_word(err, "person met: unknown role", role, person_role_names,
		    PERSON_ROLE_COUNT, "hiring-manager, hr, executive, interviewer, peer or other");
	if ((p.impression = vocab_find(impression_names, 3, impression)) < 0)
		return unknown_word(err, "person met: unknown impression", impression,
		    impression_names, 3, "positive, neutral or negative");
	if (turndown_set_text(&p.name, "name of person met", name, strlen(name), TEXT_NAME_MAX, 0,
	    err) != 0)
		return -1;
	if ((grown = realloc(td->met, (td->nmet + 1) * sizeof(*grown))) == NULL) {
		wipe_str_drop(&p.name);
		return terr_set(err, EX_OSERR, "out of memory");
	}
	td->met = grown;
	td->met[td->nmet++] = p;
	return 0;
}

int
turndown_add_met(struct turndown *td, const char *spec, struct terr *err)
{
	char *copy, *imp, *role;
	int rc;

	if (text_check("--met", spec, strlen(spec), TEXT_NAME_MAX + 64, 0, err) != 0)
		return -1;
	if ((copy = strdup(spec)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	/* From the right, so a name may itself hold a colon. */
	if ((imp = strrchr(copy, ':')) == NULL || (*imp = '\0', role = strrchr(copy, ':')) == NULL) {
		wipe_str_drop(&copy);
		return terr_set(err, EX_DATAERR, "--met '%.60s' is not NAME:ROLE:IMPRESSION", spec);
	}
	*role++ = '\0';
	imp++;
	rc = turndown_add_person(td, copy, role, imp, err);
	wipe_str_drop(&copy);
	return rc;
}

int
turndown_set_consent(struct turndown *td, const char *value, struct terr *err)
{
	int c = vocab_find(consent_names, 2, value);

	if (c < 0)
		return terr_set(err, EX_DATAERR, "consent '%.40s' is neither 'aggregate' nor 'none'",
		    value);
	td->consent = c;
	return 0;
}

int
turndown_set_pronouns(struct turndown *td, const char *value, struct terr *err)
{
	int p = pronouns_find(value);

	if (p < 0)
		return terr_set(err, EX_DATAERR, "pronouns '%.40s' are not one of she, he, they",
		    value);
	td->pronouns = p;
	return 0;
}

int
turndown_set_field(struct turndown *td, const char *value, struct terr *err)
{
	int f = field_find(value);

	if (f < 0)
		return terr_set(err, EX_DATAERR, "field '%.40s' is not one of physician, nursing, "
		    "allied-health, executive, technology, sales, finance, operations, general",
		    value);
	td->field = f;
	return 0;
}

int
turndown_validate(struct turndown *td, struct terr *err)
{
	char today[DATE_LEN];

	if (td->candidate == NULL)
		return terr_set(err, EX_USAGE, "missing the candidate (--candidate)");
	if (td->client == NULL)
		return terr_set(err, EX_USAGE, "missing the client (--client)");
	if (td->nreasons == 0)
		return terr_set(err, EX_USAGE, "missing a reason (--reason)");
	date_today(today);
	if (td->decline_date[0] == '\0')
		memcpy(td->decline_date, today, DATE_LEN);
	/* A decline is logged after it happens: a future date is a typo. */
	if (strcmp(td->decline_date, today) > 0)
		return terr_set(err, EX_DATAERR, "the decline date %s is in the future (today is %s)",
		    td->decline_date, today);
	if (td->offer_date[0] != '\0' && strcmp(td->offer_date, td->decline_date) > 0)
		return terr_set(err, EX_DATAERR, "the offer date %s is after the decline date %s",
		    td->offer_date, td->decline_date);
	if (td->shareable != NULL && td->shareable[0] == '\0')
		wipe_str_drop(&td->shareable);
	if (td->confidential != NULL && td->confidential[0] == '\0')
		wipe_str_drop(&td->confidential);
	return 0;
}
