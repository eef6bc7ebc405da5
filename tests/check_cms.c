/*
 * check_cms.c - unit tests for core/report/cms.c: a report sealed as CMS
 * enveloped data for one X.509 certificate.
 *
 * Certificates and keys are made in a temporary folder, some with OpenSSL's
 * API and some with the openssl command, as a client would make them; what
 * envelope_seal() writes is opened again with OpenSSL's own CMS_decrypt and
 * with `openssl cms -decrypt`, so the envelope is checked by a reader that
 * is not ours.
 */
#include <check.h>
#include <limits.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/report/cms.h"
#include "fixture.h"
#include "suites.h"

static char tmpdir[PATH_MAX];

static void
env_setup(void)
{
	fixture_mkdir(tmpdir, sizeof(tmpdir), "cms");
}

static void
env_teardown(void)
{
	fixture_rmtree(tmpdir);
}

/* Writes a self-signed certificate for KEY into PATH. */
static void
write_cert(EVP_PKEY *key, const char *path, long valid_from, long valid_days)
{
	X509 *x = X509_new();
	X509_NAME *name;
	FILE *f;

	ck_assert_ptr_nonnull(x);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), valid_from);
	X509_gmtime_adj(X509_getm_notAfter(x), valid_days * 86400L);
	X509_set_pubkey(x, key);
	name = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"client", -1,
	    -1, 0);
	X509_set_issuer_name(x, name);
	ck_assert_int_gt(X509_sign(x, key, EVP_sha256()), 0);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(PEM_write_X509(f, x), 1);
	fclose(f);
	X509_free(x);
}

/* Seals TEXT for the certificate at CERT and opens it again with KEY. */
static void
round_trip(EVP_PKEY *key, const char *cert, enum envelope_cipher cipher, const char *text)
{
	struct envelope *env;
	struct terr err = { 0 };
	char *buf = NULL, *plain = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	BIO *in, *out;
	CMS_ContentInfo *cms;
	long n;

	env = envelope_new(cert, &err);
	ck_assert_msg(env != NULL, "envelope_new: %s", err.msg);
	ck_assert_int_eq(envelope_seal(env, cipher, text, strlen(text), f, &err), 0);
	fclose(f);
	envelope_free(env);
	ck_assert_ptr_nonnull(strstr(buf, "MIME-Version: 1.0"));
	ck_assert_ptr_null(strstr(buf, text));
	in = BIO_new_mem_buf(buf, (int)len);
	cms = SMIME_read_CMS(in, NULL);
	ck_assert_ptr_nonnull(cms);
	out = BIO_new(BIO_s_mem());
	ck_assert_int_eq(CMS_decrypt(cms, key, NULL, NULL, out, CMS_BINARY), 1);
	n = BIO_get_mem_data(out, &plain);
	ck_assert_int_eq(n, (long)strlen(text));
	ck_assert_int_eq(memcmp(plain, text, (size_t)n), 0);
	BIO_free(out);
	BIO_free(in);
	CMS_ContentInfo_free(cms);
	free(buf);
}

START_TEST(test_envelope_rsa_and_ec)
{
	char path[PATH_MAX + 64];
	EVP_PKEY *rsa = EVP_RSA_gen(2048), *ec = EVP_EC_gen("P-256");

	ck_assert_ptr_nonnull(rsa);
	ck_assert_ptr_nonnull(ec);
	snprintf(path, sizeof(path), "%s/rsa.pem", tmpdir);
	write_cert(rsa, path, 0, 2);
	round_trip(rsa, path, ENVELOPE_AES256_GCM, "category,count\r\ncompensation,8\r\n");
	round_trip(rsa, path, ENVELOPE_AES256_CBC, "category,count\r\ncompensation,8\r\n");
	snprintf(path, sizeof(path), "%s/ec.pem", tmpdir);
	write_cert(ec, path, 0, 2);
	round_trip(ec, path, ENVELOPE_AES256_GCM, "{\"turndowns\": 8}\n");
	round_trip(ec, path, ENVELOPE_AES256_CBC, "{\"turndowns\": 8}\n");
	EVP_PKEY_free(rsa);
	EVP_PKEY_free(ec);
}
END_TEST

START_TEST(test_envelope_refuses)
{
	char path[PATH_MAX + 64];
	struct terr err = { 0 };
	EVP_PKEY *rsa = EVP_RSA_gen(2048);
	FILE *f;

	snprintf(path, sizeof(path), "%s/missing.pem", tmpdir);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_NOINPUT);

	terr_clear(&err);
	snprintf(path, sizeof(path), "%s/key.pem", tmpdir);
	f = fopen(path, "w");
	PEM_write_PrivateKey(f, rsa, NULL, NULL, 0, NULL, NULL);
	fclose(f);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "is not a PEM X.509 certificate"));

	terr_clear(&err);
	snprintf(path, sizeof(path), "%s/old.pem", tmpdir);
	write_cert(rsa, path, -10 * 86400L, -1);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "expired"));
	EVP_PKEY_free(rsa);
}
END_TEST

/* Runs ARGV (a command and its arguments, NULL-terminated) with no input
 * and its output thrown away; returns its exit status, or -1. */
static int
run(const char *const argv[])
{
	pid_t pid = fork();
	int status;

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (freopen("/dev/null", "r", stdin) == NULL ||
		    freopen("/dev/null", "w", stdout) == NULL ||
		    freopen("/dev/null", "w", stderr) == NULL)
			_exit(126);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Makes, with the openssl command, a self-signed certificate NAME.pem and its
 * key NAME.key in tmpdir: KEYSPEC is -newkey's argument, EXT an -addext value
 * or NULL.  Writes the certificate's path into CERT. */
static void
openssl_cert(const char *name, const char *keyspec, const char *curve, const char *ext,
    char *cert, size_t size)
{
	char key[PATH_MAX + 64];
	const char *argv[24];
	int n = 0;

	snprintf(cert, size, "%s/%s.pem", tmpdir, name);
	snprintf(key, sizeof(key), "%s/%s.key", tmpdir, name);
	argv[n++] = "openssl";
	argv[n++] = "req";
	argv[n++] = "-x509";
	argv[n++] = "-newkey";
	argv[n++] = keyspec;
	if (curve != NULL) {
		argv[n++] = "-pkeyopt";
		argv[n++] = curve;
	}
	argv[n++] = "-nodes";
	argv[n++] = "-subj";
	argv[n++] = "/CN=client";
	argv[n++] = "-days";
	argv[n++] = "2";
	argv[n++] = "-keyout";
	argv[n++] = key;
	argv[n++] = "-out";
	argv[n++] = cert;
	if (ext != NULL) {
		argv[n++] = "-addext";
		argv[n++] = ext;
	}
	argv[n] = NULL;
	ck_assert_msg(run(argv) == 0, "openssl req -newkey %s failed", keyspec);
}

/* Seals TEXT for CERT into the file OUT, as `tact report --encrypt-to` does. */
static void
seal_to_file(const char *cert, enum envelope_cipher cipher, const char *text, const char *out)
{
	struct terr err = { 0 };
	struct envelope *env = envelope_new(cert, &err);
	FILE *f;

	ck_assert_msg(env != NULL, "envelope_new: %s", err.msg);
	ck_assert_ptr_nonnull(f = fopen(out, "w"));
	ck_assert_msg(envelope_seal(env, cipher, text, strlen(text), f, &err) == 0,
	    "envelope_seal: %s", err.msg);
	ck_assert_int_eq(fclose(f), 0);
	envelope_free(env);
}

/* Returns the contents of PATH as a new string. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	ck_assert_int_ge(n, 0);
	rewind(f);
	ck_assert_ptr_nonnull(buf = malloc((size_t)n + 1));
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A certificate and key made with the openssl command, as a client makes
 * them, and the sealed report opened again with `openssl cms -decrypt`. */
START_TEST(test_envelope_openssl_decrypts)
{
	static const struct {
		const char *name, *keyspec, *curve;
		enum envelope_cipher cipher;
	} cases[] = {
		{ "rsa-gcm", "rsa:2048", NULL, ENVELOPE_AES256_GCM },
		{ "rsa-cbc", "rsa:2048", NULL, ENVELOPE_AES256_CBC },
		{ "ec-gcm", "ec", "ec_paramgen_curve:P-256", ENVELOPE_AES256_GCM },
		{ "ec-cbc", "ec", "ec_paramgen_curve:P-384", ENVELOPE_AES256_CBC },
	};
	const char *text = "category,count\r\ncompensation,8\r\nhr,<5\r\n";
	char cert[PATH_MAX + 64], key[PATH_MAX + 64], sealed[PATH_MAX + 64],
	    plain[PATH_MAX + 64];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got;

		openssl_cert(cases[i].name, cases[i].keyspec, cases[i].curve, NULL, cert,
		    sizeof(cert));
		snprintf(key, sizeof(key), "%s/%s.key", tmpdir, cases[i].name);
		snprintf(sealed, sizeof(sealed), "%s/%s.p7m", tmpdir, cases[i].name);
		snprintf(plain, sizeof(plain), "%s/%s.txt", tmpdir, cases[i].name);
		seal_to_file(cert, cases[i].cipher, text, sealed);
		{
			const char *argv[] = { "openssl", "cms", "-decrypt", "-in", sealed, "-inkey", key,
				"-recip", cert, "-out", plain, NULL };

			ck_assert_msg(run(argv) == 0, "%s: openssl cms -decrypt failed",
			    cases[i].name);
		}
		got = slurp(plain);
		ck_assert_str_eq(got, text);
		free(got);
	}
}
END_TEST

/* Returns the CMS structure of what envelope_seal() wrote for CERT. */
static CMS_ContentInfo *
sealed_cms(const char *cert, enum envelope_cipher cipher, const char *text)
{
	char path[PATH_MAX + 64];
	CMS_ContentInfo *cms;
	BIO *in;

	snprintf(path, sizeof(path), "%s/sealed.p7m", tmpdir);
	seal_to_file(cert, cipher, text, path);
	ck_assert_ptr_nonnull(in = BIO_new_file(path, "r"));
	cms = SMIME_read_CMS(in, NULL);
	ck_assert_ptr_nonnull(cms);
	BIO_free(in);
	return cms;
}

/* GCM gives AuthEnvelopedData and CBC plain EnvelopedData; an RSA key
 * receives the content key by RSA-OAEP, never by PKCS #1 v1.5. */
START_TEST(test_envelope_content_types_and_oaep)
{
	char cert[PATH_MAX + 64];
	CMS_ContentInfo *cms;
	STACK_OF(CMS_RecipientInfo) *ris;
	X509_ALGOR *alg = NULL;
	const ASN1_OBJECT *oid;

	openssl_cert("oaep", "rsa:2048", NULL, NULL, cert, sizeof(cert));
	cms = sealed_cms(cert, ENVELOPE_AES256_GCM, "{}\n");
	ck_assert_int_eq(OBJ_obj2nid(CMS_get0_type(cms)), NID_id_smime_ct_authEnvelopedData);
	ck_assert_ptr_nonnull(ris = CMS_get0_RecipientInfos(cms));
	ck_assert_int_eq(sk_CMS_RecipientInfo_num(ris), 1);
	ck_assert_int_eq(CMS_RecipientInfo_type(sk_CMS_RecipientInfo_value(ris, 0)),
	    CMS_RECIPINFO_TRANS);
	ck_assert_int_eq(CMS_RecipientInfo_ktri_get0_algs(sk_CMS_RecipientInfo_value(ris, 0),
	    NULL, NULL, &alg), 1);
	X509_ALGOR_get0(&oid, NULL, NULL, alg);
	ck_assert_int_eq(OBJ_obj2nid(oid), NID_rsaesOaep);
	CMS_ContentInfo_free(cms);

	cms = sealed_cms(cert, ENVELOPE_AES256_CBC, "{}\n");
	ck_assert_int_eq(OBJ_obj2nid(CMS_get0_type(cms)), NID_pkcs7_enveloped);
	ris = CMS_get0_RecipientInfos(cms);
	ck_assert_int_eq(CMS_RecipientInfo_ktri_get0_algs(sk_CMS_RecipientInfo_value(ris, 0),
	    NULL, NULL, &alg), 1);
	X509_ALGOR_get0(&oid, NULL, NULL, alg);
	ck_assert_int_eq(OBJ_obj2nid(oid), NID_rsaesOaep);
	CMS_ContentInfo_free(cms);
}
END_TEST

/* With AES-256-GCM a changed byte is detected: the last bytes of the DER
 * encoding are the authentication tag. */
START_TEST(test_envelope_gcm_detects_change)
{
	char cert[PATH_MAX + 64], key[PATH_MAX + 64];
	CMS_ContentInfo *cms, *bad;
	EVP_PKEY *pk;
	unsigned char *der = NULL;
	const unsigned char *p;
	BIO *kb, *out;
	int len;

	openssl_cert("tag", "rsa:2048", NULL, NULL, cert, sizeof(cert));
	snprintf(key, sizeof(key), "%s/tag.key", tmpdir);
	ck_assert_ptr_nonnull(kb = BIO_new_file(key, "r"));
	ck_assert_ptr_nonnull(pk = PEM_read_bio_PrivateKey(kb, NULL, NULL, NULL));
	BIO_free(kb);
	cms = sealed_cms(cert, ENVELOPE_AES256_GCM, "compensation,8\r\n");
	ck_assert_int_gt(len = i2d_CMS_ContentInfo(cms, &der), 0);
	CMS_ContentInfo_free(cms);

	/* Unchanged, it opens. */
	p = der;
	ck_assert_ptr_nonnull(bad = d2i_CMS_ContentInfo(NULL, &p, len));
	out = BIO_new(BIO_s_mem());
	ck_assert_int_eq(CMS_decrypt(bad, pk, NULL, NULL, out, CMS_BINARY), 1);
	BIO_free(out);
	CMS_ContentInfo_free(bad);

	der[len - 1] ^= 0x01;
	p = der;
	ck_assert_ptr_nonnull(bad = d2i_CMS_ContentInfo(NULL, &p, len));
	out = BIO_new(BIO_s_mem());
	ck_assert_int_ne(CMS_decrypt(bad, pk, NULL, NULL, out, CMS_BINARY), 1);
	BIO_free(out);
	CMS_ContentInfo_free(bad);
	OPENSSL_free(der);
	EVP_PKEY_free(pk);
}
END_TEST

/* Certificates that cannot receive a report are refused up front, each with
 * its reason: not valid yet, a key usage without encryption, a key type that
 * cannot receive encrypted data. */
START_TEST(test_envelope_refuses_unusable_certificates)
{
	char path[PATH_MAX + 64];
	struct terr err = { 0 };
	EVP_PKEY *rsa = EVP_RSA_gen(2048);

	ck_assert_ptr_nonnull(rsa);
	snprintf(path, sizeof(path), "%s/future.pem", tmpdir);
	write_cert(rsa, path, 10 * 86400L, 20);
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "not valid yet"));
	EVP_PKEY_free(rsa);

	terr_clear(&err);
	openssl_cert("signonly", "rsa:2048", NULL, "keyUsage=critical,digitalSignature", path,
	    sizeof(path));
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "keyEncipherment"));

	terr_clear(&err);
	openssl_cert("ecsign", "ec", "ec_paramgen_curve:P-256",
	    "keyUsage=critical,digitalSignature", path, sizeof(path));
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "keyAgreement"));

	terr_clear(&err);
	openssl_cert("ed", "ed25519", NULL, NULL, path, sizeof(path));
	ck_assert_ptr_null(envelope_new(path, &err));
	ck_assert_int_eq(err.code, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot receive encrypted reports"));

	/* A key usage that allows it is accepted. */
	terr_clear(&err);
	openssl_cert("encipher", "rsa:2048", NULL, "keyUsage=critical,keyEncipherment", path,
	    sizeof(path));
	{
		struct envelope *env = envelope_new(path, &err);

		ck_assert_msg(env != NULL, "envelope_new: %s", err.msg);
		envelope_free(env);
	}
}
END_TEST

START_TEST(test_envelope_cipher_parse)
{
	ck_assert_int_eq(envelope_cipher_parse("aes-256-gcm"), ENVELOPE_AES256_GCM);
	ck_assert_int_eq(envelope_cipher_parse("aes-256-cbc"), ENVELOPE_AES256_CBC);
	ck_assert_int_eq(envelope_cipher_parse("AES-256-GCM"), -1);
	ck_assert_int_eq(envelope_cipher_parse("AES-256-CBC"), -1);
	ck_assert_int_eq(envelope_cipher_parse("aes-128-gcm"), -1);
	ck_assert_int_eq(envelope_cipher_parse(""), -1);
}
END_TEST

Suite *
make_cms_suite(void)
{
	Suite *s = suite_create("cms");
	TCase *tc = tcase_create("envelope");

	tcase_add_checked_fixture(tc, env_setup, env_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_envelope_rsa_and_ec);
	tcase_add_test(tc, test_envelope_openssl_decrypts);
	tcase_add_test(tc, test_envelope_content_types_and_oaep);
	tcase_add_test(tc, test_envelope_gcm_detects_change);
	tcase_add_test(tc, test_envelope_refuses);
	tcase_add_test(tc, test_envelope_refuses_unusable_certificates);
	tcase_add_test(tc, test_envelope_cipher_parse);
	suite_add_tcase(s, tc);
	return s;
}
