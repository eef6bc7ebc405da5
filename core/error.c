/* error.c - filling a struct terr; the first error set wins. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

int
terr_set(struct terr *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || err->code != 0)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void
terr_clear(struct terr *err)
{
	memset(err, 0, sizeof(*err));
}
