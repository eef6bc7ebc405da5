/*
 * fuzz.h - what tact's libFuzzer harnesses share: a failing check that
 * libFuzzer records as a crash, and a NUL-terminated copy of an input.
 *
 * The harnesses link the project's core/ and crypto/ code built with
 * -fsanitize=fuzzer-no-link,address,undefined (tests/fuzz/fuzz.mk), so a
 * memory error or undefined behaviour is a crash too; FUZZ_CHECK adds the
 * properties the sanitizers cannot see (a parser that says yes to bad input,
 * an open that returns bytes for a forged blob).
 */
#ifndef TACT_FUZZ_H
#define TACT_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stops the run, naming the broken property; libFuzzer saves the input. */
#define FUZZ_CHECK(cond, ...)                                                   \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__,  \
			    __LINE__, #cond);                                   \
			fprintf(stderr, __VA_ARGS__);                           \
			fputc('\n', stderr);                                    \
			abort();                                                \
		}                                                               \
	} while (0)

/* Returns a malloc'd copy of DATA with a NUL after it (free with free()). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/*
 * Whether the bug NAME is listed in $FUZZ_KNOWN (comma-separated), so that
 * a run can look past a bug already reported and not yet fixed.  Unset, as
 * in `make fuzz`, every check is on: a known bug still fails the run.
 *   msg-ctl       an error message echoes a control character of the input
 *   user-version  a damaged PRAGMA user_version: negative indexes before
 *                 migrations[], lower re-runs them (exit 70)
 */
static inline int
fuzz_known(const char *name)
{
	const char *k = getenv("FUZZ_KNOWN");
	size_t n = strlen(name);

	while (k != NULL && *k != '\0') {
		if (strncmp(k, name, n) == 0 && (k[n] == ',' || k[n] == '\0'))
			return 1;
		k = strchr(k, ',');
		if (k != NULL)
			k++;
	}
	return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
