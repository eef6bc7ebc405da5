/*
 * suites.h - every Check suite the one runner (check_main.c) runs.
 *
 * One builder per module, `Suite *make_<module>_suite(void)` in
 * tests/check_<module>.c.  The Makefile finds them and writes the list to
 * suites.inc as SUITE(name) lines, so adding a suite needs no edit here.
 */
#ifndef TACT_TESTS_SUITES_H
#define TACT_TESTS_SUITES_H

#include <check.h>

#define SUITE(name) Suite *name(void);
#include "suites.inc"
#undef SUITE

#endif
