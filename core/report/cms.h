/*
 * envelope.h - sealing a finished report for one recipient: CMS (S/MIME)
 * enveloped data for an X.509 certificate, with OpenSSL, so the client opens
 * it with standard tools (`openssl cms -decrypt`, a mail client).
 *
 * Public-key encryption only: no key of the vault is involved.
 */
#ifndef TACT_ENVELOPE_H
#define TACT_ENVELOPE_H

#include <stddef.h>
#include <stdio.h>

#include "core/base/error.h"

struct envelope;

/* Reads the recipient's certificate (PEM, or DER) from PATH.  Returns a new
 * envelope, or NULL: EX_NOINPUT if PATH cannot be read, EX_DATAERR if it is
 * not a certificate, has expired or is not yet valid, or its key cannot
 * receive encrypted data.  Free it with envelope_free(). */
struct envelope *envelope_new(const char *path, struct terr *err);
void envelope_free(struct envelope *env);

/* Content encryption: AES-256-GCM (AuthEnvelopedData, RFC 5083: tamper-evident; OpenSSL
 * 3 and later) or AES-256-CBC (EnvelopedData: older OpenSSL and most mail clients). */
enum envelope_cipher { ENVELOPE_AES256_GCM, ENVELOPE_AES256_CBC };

/* Returns the cipher named NAME ("aes-256-gcm", "aes-256-cbc"), or -1. */
int envelope_cipher_parse(const char *name);

/* Encrypts DATA (LEN bytes) with CIPHER under a fresh key, wraps that key
 * for the certificate (RSA-OAEP for an RSA key, ECDH for an EC key), and
 * writes the result to OUT as S/MIME (base64 with MIME headers). */
int envelope_seal(const struct envelope *env, enum envelope_cipher cipher, const void *data,
    size_t len, FILE *out, struct terr *err);

#endif
