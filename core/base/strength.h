/*
 * strength.h - how hard a passphrase is to guess, by libzxcvbn's estimate.
 */
#ifndef TACT_STRENGTH_H
#define TACT_STRENGTH_H

/* Below this many bits a passphrase is refused unless the user insists
 * (about a million guesses: a day of one core even at Argon2id's cost). */
#define STRENGTH_REFUSE_BITS 20.0
/* Below this many bits it is accepted with a warning. */
#define STRENGTH_WARN_BITS 50.0

/* Returns the estimated entropy of PASS in bits: the log2 of the guesses
 * zxcvbn expects an attacker to need, knowing WORDS too (NULL-terminated,
 * words of this user such as their name; may be NULL).  Nothing of PASS is
 * kept or copied outside the call. */
double strength_bits(const char *pass, const char *const *words);

#endif
