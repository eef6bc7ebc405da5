/* error.c - filling a struct terr; the first error set wins. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/base/error.h"
#include "crypto/error.h"

/* Replaces control characters (C0, DEL, C1) with '?', so a message stays
 * one line and cannot carry terminal escapes from what the user typed. */
static void
terr_clean(char *msg)
{
	unsigned char *p = (unsigned char *)msg;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			*p = '?';
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) {
			p[0] = '?';
			p[1] = '?';
			p++;
		}
	}
}

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
	terr_clean(err->msg);
	return -1;
}

void
terr_clear(struct terr *err)
{
	memset(err, 0, sizeof(*err));
}

int
terr_crypto(struct terr *err, const struct tc_err *ce)
{
	return terr_set(err, ce->code != 0 ? ce->code : EX_SOFTWARE, "%s",
	    ce->code != 0 ? ce->msg : "cryptographic operation failed");
}
