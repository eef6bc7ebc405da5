/*
 * fuzz_met.c - libFuzzer harness for the option parsers of `tact log`:
 * --met NAME:ROLE:IMPRESSION (turndown_add_met), --reason CATEGORY[:VIS]
 * (turndown_add_reason), and the builders underneath them that JSON Lines
 * import also uses (turndown_add_category, turndown_add_person,
 * turndown_set_consent).
 *
 * An input is a run of NUL-separated arguments, all applied to one record
 * as a command line would be.  The first byte of each picks the parser:
 *   'r' --reason, 'R' category TAB visibility, 'p' name TAB role TAB
 *   impression, 'c' --consent, anything else --met (the whole argument).
 * After each call the record must still be sound (at most 24 distinct
 * reasons, at most 32 people, each with a valid name and known role and
 * impression), a failure must leave the record as it was, and its message
 * must be one line with no control character.
 */
#include <sysexits.h>

#include "core/records/turndown.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
check_sound(const struct turndown *td)
{
	struct terr e = { 0 };
	int seen[TAXONOMY_COUNT] = { 0 };

	FUZZ_CHECK(td->nreasons <= TAXONOMY_COUNT, "%zu reasons", td->nreasons);
	for (size_t i = 0; i < td->nreasons; i++) {
		int c = td->reasons[i].category;

		FUZZ_CHECK(c >= 0 && c < TAXONOMY_COUNT && !seen[c], "category %d", c);
		seen[c] = 1;
		FUZZ_CHECK(td->reasons[i].visibility == VIS_SHAREABLE ||
		    td->reasons[i].visibility == VIS_CONFIDENTIAL, "visibility %d",
		    td->reasons[i].visibility);
	}
	FUZZ_CHECK(td->nmet <= TEXT_MET_MAX, "%zu people", td->nmet);
	for (size_t i = 0; i < td->nmet; i++) {
		const char *n = td->met[i].name;

		FUZZ_CHECK(n != NULL && n[0] != '\0', "person %zu has no name", i);
		FUZZ_CHECK(text_check("name", n, strlen(n), TEXT_NAME_MAX, 0, &e) == 0, "%s", e.msg);
		FUZZ_CHECK(n[0] != ' ' && n[strlen(n) - 1] != ' ', "name '%s' not trimmed", n);
		FUZZ_CHECK(td->met[i].role >= 0 && td->met[i].role < PERSON_ROLE_COUNT, "role %d",
		    td->met[i].role);
		FUZZ_CHECK(td->met[i].impression >= IMP_POSITIVE &&
		    td->met[i].impression <= IMP_NEGATIVE, "impression %d", td->met[i].impression);
	}
	FUZZ_CHECK(td->consent == CONSENT_AGGREGATE || td->consent == CONSENT_NONE, "consent %d",
	    td->consent);
}

static void
check_message(const struct terr *err)
{
	size_t len = strnlen(err->msg, sizeof(err->msg));

	FUZZ_CHECK(err->code == EX_DATAERR || err->code == EX_USAGE, "code %d (%s)", err->code,
	    err->msg);
	FUZZ_CHECK(len > 0 && len < sizeof(err->msg), "empty or unterminated message");
	for (size_t i = 0; i < len && !fuzz_known("msg-ctl"); i++)
		FUZZ_CHECK((unsigned char)err->msg[i] >= 0x20 && err->msg[i] != 0x7f,
		    "control character 0x%02x at %zu in the error message '%s'",
		    (unsigned char)err->msg[i], i, err->msg);
}

/* Splits S at its first TAB: returns what follows, or NULL. */
static char *
field(char *s)
{
	char *tab = s ? strchr(s, '\t') : NULL;

	if (tab == NULL)
		return NULL;
	*tab = '\0';
	return tab + 1;
}

static int
apply(struct turndown *td, char *arg, struct terr *err)
{
	char *a, *b;

	switch (arg[0]) {
	case 'r':
		return turndown_add_reason(td, arg + 1, err);
	case 'R':
		b = field(arg + 1);
		return turndown_add_category(td, arg + 1, b, err);
	case 'p':
		a = field(arg + 1);
		b = field(a);
		if (a == NULL || b == NULL)
			return turndown_add_met(td, arg, err);
		return turndown_add_person(td, arg + 1, a, b, err);
	case 'c':
		return turndown_set_consent(td, arg + 1, err);
	default:
		return turndown_add_met(td, arg, err);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct turndown td, before;
	char *buf = fuzz_cstr(data, size), *p = buf, *end = buf + size;

	memset(&td, 0, sizeof(td));
	while (p <= end) {
		struct terr err = { 0 };
		size_t len = strlen(p);
		int rc;

		before = td;
		rc = apply(&td, p, &err);
		FUZZ_CHECK(rc == 0 || rc == -1, "returned %d", rc);
		if (rc != 0) {
			check_message(&err);
			FUZZ_CHECK(td.nmet == before.nmet && td.nreasons == before.nreasons &&
			    td.consent == before.consent &&
			    memcmp(td.reasons, before.reasons, sizeof(td.reasons)) == 0,
			    "a failed call changed the record");
		} else {
			FUZZ_CHECK(err.code == 0, "success with an error set: %s", err.msg);
		}
		check_sound(&td);
		p += len + 1;
	}
	turndown_clear(&td);
	free(buf);
	return 0;
}
