/*
 * alloc.c - locked, guarded allocation: sodium_malloc puts guard pages
 * around the block and keeps it out of swap; sodium_free wipes it.
 */
#include <sodium.h>

#include "alloc.h"

void *
tc_secure_alloc(size_t len, struct tc_err *err)
{
	void *p = sodium_malloc(len);

	if (p == NULL)
		tc_err_set(err, EX_OSERR, "cannot allocate locked memory");
	return p;
}
