/*
 * wipe.c - erasing secrets before free(), on libsodium's sodium_memzero()
 * so that the compiler cannot drop the stores as dead.
 */
#include <sodium.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"

void
wipe(void *p, size_t len)
{
	if (p != NULL && len > 0)
		sodium_memzero(p, len);
}

void
wipe_free(void *p, size_t len)
{
	if (p == NULL)
		return;
	wipe(p, len);
	free(p);
}

void
wipe_str_free(char *s)
{
	if (s != NULL)
		wipe_free(s, strlen(s));
}

void
wipe_str_drop(char **p)
{
	wipe_str_free(*p);
	*p = NULL;
}

void
wipe_free_any(void *p)
{
	if (p == NULL)
		return;
	sodium_memzero(p, malloc_usable_size(p));
	free(p);
}
