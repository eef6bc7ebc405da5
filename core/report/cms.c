/*
 * envelope.c - CMS enveloped data for one X.509 recipient, with OpenSSL's
 * CMS API.
 *
 * The content is encrypted with AES-256-GCM by default (CMS
 * AuthEnvelopedData, RFC 5083), so a changed byte is detected on decryption;
 * AES-256-CBC (plain EnvelopedData) is there for recipients whose tools are
 * older than OpenSSL 3 or do not read AuthEnvelopedData.  The content key is
 * wrapped with RSA-OAEP (SHA-256) for an RSA certificate rather than the
 * older PKCS #1 v1.5 padding, and by ECDH for an EC one.  The certificate is
 * checked up front (a certificate, valid today, a key that may receive
 * encrypted data) so a report is never built only to fail at the end.
 */
#include <errno.h>
#include <limits.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/report/cms.h"

#define CERT_FILE_MAX (1 << 20)

struct envelope {
	X509 *cert;
	int rsa;
};

/* Reads all of PATH (at most CERT_FILE_MAX bytes) into a BIO. */
static BIO *
read_file(const char *path, struct terr *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len;
	BIO *b = NULL;

	if (f == NULL) {
		terr_set(err, EX_NOINPUT, "cannot read certificate '%.200s': %s", path,
		    strerror(errno));
		return NULL;
	}
	if ((buf = malloc(CERT_FILE_MAX + 1)) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	len = fread(buf, 1, CERT_FILE_MAX + 1, f);
	if (ferror(f)) {
		terr_set(err, EX_NOINPUT, "cannot read certificate '%.200s': %s", path,
		    strerror(errno));
		goto out;
	}
	if (len > CERT_FILE_MAX) {
		terr_set(err, EX_DATAERR, "'%.200s' is not a PEM X.509 certificate (too large)",
		    path);
		goto out;
	}
	/* NONCLEAR_RESET: a reset rewinds instead of emptying, so DER can be
	 * tried on the same bytes after PEM has read them. */
	if ((b = BIO_new(BIO_s_mem())) != NULL)
		BIO_set_flags(b, BIO_FLAGS_NONCLEAR_RST);
	if (b == NULL || BIO_write(b, buf, (int)len) != (int)len) {
		BIO_free(b);
		b = NULL;
		terr_set(err, EX_OSERR, "out of memory");
	}
out:
	free(buf);
	fclose(f);
	return b;
}

struct envelope *
envelope_new(const char *path, struct terr *err)
{
	struct envelope *env = NULL;
	const unsigned char *p;
	X509 *cert = NULL;
	EVP_PKEY *pk;
	BIO *b;
	char *data;
	long len;
	uint32_t ku;
	int id;

	if ((b = read_file(path, err)) == NULL)
		return NULL;
	cert = PEM_read_bio_X509(b, NULL, NULL, NULL);
	if (cert == NULL && BIO_reset(b) == 1 && (len = BIO_get_mem_data(b, &data)) > 0) {
		p = (const unsigned char *)data;
		cert = d2i_X509(NULL, &p, len);
	}
	BIO_free(b);
	ERR_clear_error();
	if (cert == NULL) {
		terr_set(err, EX_DATAERR, "'%.200s' is not a PEM X.509 certificate", path);
		goto fail;
	}
	if (X509_cmp_current_time(X509_get0_notAfter(cert)) < 0) {
		terr_set(err, EX_DATAERR, "certificate '%.200s' has expired", path);
		goto fail;
	}
	if (X509_cmp_current_time(X509_get0_notBefore(cert)) > 0) {
		terr_set(err, EX_DATAERR, "certificate '%.200s' is not valid yet", path);
		goto fail;
	}
	if ((pk = X509_get0_pubkey(cert)) == NULL) {
		terr_set(err, EX_DATAERR, "certificate '%.200s' has no usable public key", path);
		goto fail;
	}
	id = EVP_PKEY_get_base_id(pk);
	if (id != EVP_PKEY_RSA && id != EVP_PKEY_EC) {
		terr_set(err, EX_DATAERR, "certificate '%.200s' has a %s key, which cannot "
		    "receive encrypted reports (use an RSA or EC certificate)", path,
		    OBJ_nid2sn(id));
		goto fail;
	}
	ku = X509_get_key_usage(cert);
	if (ku != UINT32_MAX && !(ku & (id == EVP_PKEY_RSA ? KU_KEY_ENCIPHERMENT :
	    KU_KEY_AGREEMENT))) {
		terr_set(err, EX_DATAERR, "certificate '%.200s' may not be used for encryption "
		    "(its key usage lacks %s)", path, id == EVP_PKEY_RSA ? "keyEncipherment" :
		    "keyAgreement");
		goto fail;
	}
	if ((env = calloc(1, sizeof(*env))) == NULL) {
		terr_set(err, EX_OSERR, "out of memory");
		goto fail;
	}
	env->cert = cert;
	env->rsa = id == EVP_PKEY_RSA;
	ERR_clear_error();
	return env;
fail:
	X509_free(cert);
	ERR_clear_error();
	return NULL;
}

void
envelope_free(struct envelope *env)
{
	if (env == NULL)
		return;
	X509_free(env->cert);
	free(env);
}

int
envelope_cipher_parse(const char *name)
{
	if (strcmp(name, "aes-256-gcm") == 0)
		return ENVELOPE_AES256_GCM;
	if (strcmp(name, "aes-256-cbc") == 0)
		return ENVELOPE_AES256_CBC;
	return -1;
}

int
envelope_seal(const struct envelope *env, enum envelope_cipher cipher, const void *data,
    size_t len, FILE *out, struct terr *err)
{
	const unsigned flags = CMS_BINARY | CMS_PARTIAL;
	CMS_ContentInfo *cms = NULL;
	CMS_RecipientInfo *ri;
	EVP_PKEY_CTX *pctx;
	BIO *in = NULL, *bout = NULL;
	int rc = -1;

	if (len > INT_MAX)
		return terr_set(err, EX_DATAERR, "the report is too large to encrypt");
	if ((cms = CMS_encrypt(NULL, NULL, cipher == ENVELOPE_AES256_CBC ?
	    EVP_aes_256_cbc() : EVP_aes_256_gcm(), flags)) == NULL)
		goto ossl;
	if ((ri = CMS_add1_recipient_cert(cms, env->cert, CMS_KEY_PARAM)) == NULL)
		goto ossl;
	if (env->rsa) {
		if ((pctx = CMS_RecipientInfo_get0_pkey_ctx(ri)) == NULL ||
		    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_OAEP_PADDING) <= 0 ||
		    EVP_PKEY_CTX_set_rsa_oaep_md(pctx, EVP_sha256()) <= 0 ||
		    EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) <= 0)
			goto ossl;
	}
	if ((in = BIO_new_mem_buf(data, (int)len)) == NULL)
		goto ossl;
	if (CMS_final(cms, in, NULL, CMS_BINARY) != 1)
		goto ossl;
	if ((bout = BIO_new_fp(out, BIO_NOCLOSE)) == NULL)
		goto ossl;
	if (SMIME_write_CMS(bout, cms, NULL, CMS_BINARY) != 1 || BIO_flush(bout) != 1 ||
	    fflush(out) != 0 || ferror(out)) {
		terr_set(err, EX_IOERR, "cannot write the encrypted report");
		goto out;
	}
	rc = 0;
	goto out;
ossl:
	{
		char msg[256];

		ERR_error_string_n(ERR_peek_last_error(), msg, sizeof(msg));
		terr_set(err, EX_SOFTWARE, "cannot encrypt the report: %s", msg);
	}
out:
	BIO_free(in);
	BIO_free(bout);
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return rc;
}
