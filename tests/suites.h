/*
 * suites.h - every Check suite the one runner (check_main.c) runs.
 *
 * One builder per module, defined in tests/check_<module>.c.  To add a
 * suite: declare its builder here, one line, and add it to the table in
 * check_main.c.
 */
#ifndef TACT_TESTS_SUITES_H
#define TACT_TESTS_SUITES_H

#include <check.h>

Suite *make_crypto_suite(void);
Suite *make_vault_suite(void);

#endif
