/*
 * fixture.h - what the unit suites share for their fixtures: a fresh
 * private folder per test, removed afterwards, and passphrases read back
 * from files as tact reads them.
 */
#ifndef TACT_TESTS_FIXTURE_H
#define TACT_TESTS_FIXTURE_H

#include <stddef.h>

#include "crypto/tcrypto.h"

/* Makes a new folder $TMPDIR/tact-check-NAME.XXXXXX (mode 0700) and writes
 * its path into DIR; fails the test if it cannot. */
void fixture_mkdir(char *dir, size_t size, const char *name);
/* Removes DIR and everything below it. */
void fixture_rmtree(const char *dir);
/* Writes TEXT as the only line of DIR/FILE and returns it read back with
 * secret_from_file(); fails the test if that fails.  Free with secret_free(). */
struct secret *fixture_secret(const char *dir, const char *file, const char *text);

#endif
