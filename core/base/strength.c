/*
 * strength.c - passphrase strength, estimated by libzxcvbn (dictionary
 * words, keyboard runs, dates, repeats and l33t spellings count for what
 * they are worth, not for their length).
 *
 * zxcvbn is asked for the estimate only, not for its list of matches, so
 * it hands back no pieces of the passphrase for anyone to free or wipe.
 */
#include <zxcvbn.h>

#include "core/base/strength.h"

double
strength_bits(const char *pass, const char *const *words)
{
	/* zxcvbn's prototype takes a non-const array; it only reads it. */
	return ZxcvbnMatch(pass, (const char **)words, NULL);
}
