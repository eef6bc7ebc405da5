/*
 * fuzz_guard.c - libFuzzer harness for the last-line leak guard
 * (core/confidential/guard.c): guard_from_text() over a confidential note,
 * a shareable note and people met, then guard_check() on a line of output.
 *
 * The input is four NUL-separated texts: the confidential note, the
 * shareable note, a person met (negative impression), and the line to
 * check.  Nothing may crash, whatever the bytes (the notes have passed
 * text_check in tact, but the guard must not rely on it).  And when both
 * notes are plain ASCII words, the guard must refuse the confidential note
 * itself if it has three or more words and the shareable note is empty:
 * that is the confidentiality rule at its simplest.  (The seed "unicode"
 * overflowed the word array of the guard's words() before 923e3dd.)
 */
#include <ctype.h>

#include "core/confidential/guard.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Returns the number of words if S is only ASCII letters and spaces, else -1. */
static int
plain_words(const char *s)
{
	int n = 0, in = 0;

	for (; *s != '\0'; s++) {
		if (isalpha((unsigned char)*s) && !(*s & 0x80)) {
			n += !in;
			in = 1;
		} else if (*s == ' ') {
			in = 0;
		} else {
			return -1;
		}
	}
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size), *part[4] = { "", "", "", "" }, *p = buf;
	struct person met = { NULL, 0, 2 };
	struct terr err = { 0 };
	struct guard *g;
	const char *rule = NULL;
	int r;

	for (int i = 0; i < 4 && p <= buf + size; i++) {
		part[i] = p;
		p += strlen(p) + 1;
	}
	met.name = part[2][0] != '\0' ? part[2] : NULL;
	g = guard_from_text(part[0], part[1], met.name ? &met : NULL, met.name ? 1 : 0, &err);
	if (g == NULL) {
		FUZZ_CHECK(err.code != 0, "no guard and no error");
		free(buf);
		return 0;
	}
	r = guard_check(g, part[3], &rule);
	FUZZ_CHECK(r == 0 || r == 1, "guard_check returned %d", r);
	FUZZ_CHECK(r == 0 || rule != NULL, "refused without naming the rule");
	if (part[1][0] == '\0' && plain_words(part[0]) >= 3) {
		rule = NULL;
		FUZZ_CHECK(guard_check(g, part[0], &rule) == 1,
		    "the confidential note '%s' itself was let through", part[0]);
	}
	guard_free(g);
	free(buf);
	return 0;
}
