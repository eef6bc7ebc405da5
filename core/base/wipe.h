/*
 * wipe.h - the one way tact erases a buffer that held a passphrase, a token,
 * a key or decrypted text before it gives the memory back.
 *
 * A memset() just before free() is dead code to the compiler and is removed
 * at -O2; sodium_memzero() is not.  Every wipe in cmd/ and core/ goes
 * through these functions (crypto/ calls sodium_memzero itself).
 */
#ifndef TACT_WIPE_H
#define TACT_WIPE_H

#include <stddef.h>

/* Overwrites the LEN bytes at P with zeros; the compiler keeps it. */
void wipe(void *p, size_t len);
/* Wipes the LEN bytes at P and frees P; P may be NULL. */
void wipe_free(void *p, size_t len);
/* Wipes the NUL-terminated string S and frees it; S may be NULL. */
void wipe_str_free(char *s);
/* Wipes and frees the string *P (if any) and sets *P to NULL. */
void wipe_str_drop(char **p);
/* Wipes the whole of the malloc()ed block P, its size asked of the
 * allocator, and frees it: for libraries that free what they hold without
 * saying how long it was (jansson's strings: json_set_alloc_funcs()). */
void wipe_free_any(void *p);

#endif
