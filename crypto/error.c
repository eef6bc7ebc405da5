/* error.c - filling a struct tc_err; the first error set wins. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

int
tc_err_set(struct tc_err *err, int code, const char *fmt, ...)
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
