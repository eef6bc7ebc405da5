/*
 * fuzz_jsonl.c - libFuzzer harness for `tact import`'s record parser,
 * jsonl_parse_turndown() (core/records/jsonl.c, jansson underneath).
 *
 * Each input is one JSON Lines record.  Whatever the bytes, the parser must
 * not crash, must answer yes or no, and:
 *   - on no: an EX_DATAERR (or EX_USAGE) error with a one-line message that
 *     holds no control character (cmd/main.c prints it as "tact: MSG");
 *   - on yes: a record that would pass every check of `tact log` (names
 *     present and valid UTF-8 within their limits, 1..24 distinct reasons,
 *     at most 32 people met, real dates in order, known vocabulary).
 */
#include <sysexits.h>

#include "core/records/jsonl.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
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

static void
check_name(const char *what, const char *s, size_t max)
{
	struct terr e = { 0 };

	FUZZ_CHECK(s != NULL, "%s missing", what);
	FUZZ_CHECK(s[0] != '\0', "%s empty", what);
	FUZZ_CHECK(text_check(what, s, strlen(s), max, 0, &e) == 0, "%s: %s", what, e.msg);
}

static void
check_record(const struct turndown *td)
{
	struct terr e = { 0 };
	char d[DATE_LEN];
	int seen[TAXONOMY_COUNT] = { 0 };

	check_name("candidate", td->candidate, TEXT_NAME_MAX);
	check_name("client", td->client, TEXT_NAME_MAX);
	if (td->role != NULL)
		check_name("role", td->role, TEXT_ROLE_MAX);
	FUZZ_CHECK(td->nreasons >= 1 && td->nreasons <= TAXONOMY_COUNT, "%zu reasons",
	    td->nreasons);
	for (size_t i = 0; i < td->nreasons; i++) {
		int c = td->reasons[i].category;

		FUZZ_CHECK(c >= 0 && c < TAXONOMY_COUNT, "category %d", c);
		FUZZ_CHECK(!seen[c], "category %d twice", c);
		seen[c] = 1;
		FUZZ_CHECK(td->reasons[i].visibility == VIS_SHAREABLE ||
		    td->reasons[i].visibility == VIS_CONFIDENTIAL, "visibility %d",
		    td->reasons[i].visibility);
	}
	FUZZ_CHECK(td->nmet <= TEXT_MET_MAX, "%zu people met", td->nmet);
	for (size_t i = 0; i < td->nmet; i++) {
		check_name("person", td->met[i].name, TEXT_NAME_MAX);
		FUZZ_CHECK(td->met[i].role >= 0 && td->met[i].role < PERSON_ROLE_COUNT, "role %d",
		    td->met[i].role);
		FUZZ_CHECK(td->met[i].impression >= IMP_POSITIVE &&
		    td->met[i].impression <= IMP_NEGATIVE, "impression %d", td->met[i].impression);
	}
	FUZZ_CHECK(td->consent == CONSENT_AGGREGATE || td->consent == CONSENT_NONE, "consent %d",
	    td->consent);
	FUZZ_CHECK(date_parse("decline", td->decline_date, d, &e) == 0, "decline date '%s'",
	    td->decline_date);
	if (td->offer_date[0] != '\0') {
		FUZZ_CHECK(date_parse("offer", td->offer_date, d, &e) == 0, "offer date '%s'",
		    td->offer_date);
		FUZZ_CHECK(strcmp(td->offer_date, td->decline_date) <= 0, "offer %s after decline %s",
		    td->offer_date, td->decline_date);
	}
	if (td->shareable != NULL)
		FUZZ_CHECK(td->shareable[0] != '\0' && text_check("shareable", td->shareable,
		    strlen(td->shareable), TEXT_NOTE_MAX, 1, &e) == 0, "shareable note: %s", e.msg);
	if (td->confidential != NULL)
		FUZZ_CHECK(td->confidential[0] != '\0' && text_check("confidential",
		    td->confidential, strlen(td->confidential), TEXT_NOTE_MAX, 1, &e) == 0,
		    "confidential note: %s", e.msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct turndown td;
	struct terr err = { 0 };
	int rc;

	memset(&td, 0, sizeof(td));
	rc = jsonl_parse_turndown(&td, (const char *)data, size, &err);
	FUZZ_CHECK(rc == 0 || rc == -1, "returned %d", rc);
	if (rc == 0) {
		FUZZ_CHECK(err.code == 0, "success with an error set: %s", err.msg);
		check_record(&td);
	} else {
		check_message(&err);
	}
	turndown_clear(&td);
	return 0;
}
