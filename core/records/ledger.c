/*
 * ledger.c - the release ledger: sealing releases under the vault key,
 * reading them back, and comparing candidate sets.
 *
 * A release's body is one sealed blob, bound to its row of `releases`:
 * a version byte, the recipient, the months of the scope, K, the totals,
 * the format, then the candidate set (each candidate as the varint step
 * from the previous id and a 32-bit fingerprint of what was counted of its
 * turndowns: ids, reasons, days to decline).  Comparing two sets is one merge of two sorted lists that stops as
 * soon as K differences are found, so a check costs one pass over each
 * earlier release and memory for one of them at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/wipe.h"
#include "core/records/ledger.h"

/* Version 3: a large candidate set is in sealed chunks of its own
 * (release_chunks), the body saying how many.  Version 2: the set is in
 * the body.  From version 2 on, each candidate's fingerprint covers the
 * ids, reasons and days to decline of their counted turndowns; version 1's
 * covered the ids only, so a version 1 release is compared by who it
 * counted, not by what. */
#define BODY_VERSION 3
#define BODY_VERSION_FP 2
#define BODY_VERSION_IDS 1
#define FP_LEN 4

/* ---- the set ------------------------------------------------------------------ */

uint32_t
ledger_fp_mix(uint32_t fp, long long id)
{
	uint64_t x = (uint64_t)id;

	for (int i = 0; i < 8; i++) {           /* FNV-1a over the id's bytes */
		fp ^= (uint32_t)(x & 0xff);
		fp *= 16777619u;
		x >>= 8;
	}
	return fp;
}

static int
grow(struct ledger_set *s, size_t more, struct terr *err)
{
	size_t cap;
	uint8_t *p;

	if (s->len + more <= s->cap)
		return 0;
	cap = s->cap ? 2 * s->cap : 4096;
	while (cap < s->len + more)
		cap *= 2;
	if ((p = realloc(s->data, cap)) == NULL)
		return terr_set(err, EX_OSERR, "out of memory");
	s->data = p;
	s->cap = cap;
	return 0;
}

static void
put_varint(struct ledger_set *s, uint64_t x)
{
	while (x >= 0x80) {
		s->data[s->len++] = (uint8_t)(x | 0x80);
		x >>= 7;
	}
	s->data[s->len++] = (uint8_t)x;
}

static void
put_u32(struct ledger_set *s, uint32_t x)
{
	for (int i = 0; i < FP_LEN; i++)
		s->data[s->len++] = (uint8_t)(x >> (8 * i));
}

static const char *const CHUNKS = "release_chunks";

/* Seals the bytes S holds as its next chunk, bound to the release and the
 * chunk's number, and empties S. */
static int
write_chunk(struct ledger_set *s, struct terr *err)
{
	struct tc_ad ad = { CHUNKS, "body", s->release, s->chunks };
	struct tbuf sealed = { 0 };
	struct tc_err ce = { 0 };
	int rc;

	if (keyring_seal(s->v->keys, &ad, s->data, s->len, &sealed, &ce) != 0)
		return terr_crypto(err, &ce);
	rc = store_release_chunk_add(s->v, s->release, s->chunks, &sealed, err);
	tbuf_free(&sealed);
	if (rc != 0)
		return -1;
	s->chunks++;
	s->len = 0;
	return 0;
}

int
ledger_set_add(struct ledger_set *s, long long candidate, uint32_t fp, struct terr *err)
{
	if (candidate <= s->last)
		return terr_set(err, EX_SOFTWARE, "candidates reach the ledger out of order");
	if (grow(s, 10 + FP_LEN, err) != 0)
		return -1;
	put_varint(s, (uint64_t)(candidate - s->last));
	put_u32(s, fp);
	s->last = candidate;
	s->count++;
	if (s->v != NULL && s->len >= LEDGER_CHUNK)
		return write_chunk(s, err);
	return 0;
}

void
ledger_set_free(struct ledger_set *s)
{
	free(s->data);
	memset(s, 0, sizeof(*s));
}

int
ledger_set_spill(struct ledger_set *s, struct vault *v, struct terr *err)
{
	if ((s->release = store_release_next_id(v, err)) < 0)
		return -1;
	s->v = v;
	return 0;
}

int
ledger_set_finish(struct ledger_set *s, struct terr *err)
{
	if (s->v == NULL || s->chunks == 0 || s->len == 0)
		return 0;       /* a set that never filled a chunk stays in the body */
	return write_chunk(s, err);
}

/* A reader over a set: its bytes in memory or in a body, then its chunks
 * in the vault, one opened at a time. */
struct cursor {
	const uint8_t *p, *end;
	long long id;
	uint32_t fp;
	int bad;
	int ids_only;           /* a version 1 body: fingerprints not comparable */
	struct vault *v;
	long long release, chunks, next;
	struct tbuf chunk;      /* the chunk being read */
};

static void
cursor_at(struct cursor *c, const uint8_t *p, size_t len, struct vault *v, long long release,
    long long chunks)
{
	memset(c, 0, sizeof(*c));
	c->p = p;
	c->end = p + len;
	c->v = v;
	c->release = release;
	c->chunks = chunks;
}

static void
cursor_free(struct cursor *c)
{
	tbuf_free(&c->chunk);
}

/* Opens C's next chunk once its bytes are read; sets C->bad on a chunk
 * missing or failing authentication. */
static void
cursor_fill(struct cursor *c)
{
	struct tc_ad ad = { CHUNKS, "body", c->release, 0 };
	struct tbuf sealed = { 0 };
	struct terr err = { 0 };
	int rc;

	while (c->p >= c->end && c->next < c->chunks && !c->bad) {
		tbuf_free(&c->chunk);
		ad.candidate = c->next;
		rc = store_release_chunk_get(c->v, c->release, c->next, &sealed, &err);
		if (rc != 1 || keyring_open_sealed(c->v->keys, &ad, sealed.data, sealed.len,
		    &c->chunk, NULL) != 0) {
			c->bad = 1;
		} else {
			c->p = c->chunk.data;
			c->end = c->chunk.data + c->chunk.len;
			c->next++;
		}
		tbuf_free(&sealed);
	}
}

static int
get_varint(const uint8_t **p, const uint8_t *end, uint64_t *out)
{
	uint64_t x = 0;

	for (int shift = 0; shift < 64; shift += 7) {
		if (*p >= end)
			return -1;
		x |= (uint64_t)(**p & 0x7f) << shift;
		if ((*(*p)++ & 0x80) == 0) {
			*out = x;
			return 0;
		}
	}
	return -1;
}

/* Steps C to its next candidate: 1, 0 at the end, or 0 with C->bad set. */
static int
cursor_next(struct cursor *c)
{
	uint64_t step;

	if (c->p >= c->end)
		cursor_fill(c);
	if (c->p >= c->end)
		return 0;
	if (get_varint(&c->p, c->end, &step) != 0 || step == 0 || step > (uint64_t)INT64_MAX / 2 ||
	    c->end - c->p < FP_LEN) {
		c->bad = 1;
		return 0;
	}
	c->id += (long long)step;
	c->fp = 0;
	for (int i = 0; i < FP_LEN; i++)
		c->fp |= (uint32_t)*c->p++ << (8 * i);
	return 1;
}

/* ---- the body ----------------------------------------------------------------- */

static int
put_str(struct ledger_set *b, const char *s, struct terr *err)
{
	size_t n = strlen(s);

	if (grow(b, n + 10, err) != 0)
		return -1;
	put_varint(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	return 0;
}

/* Writes R and SET into B, the body to be sealed. */
static int
body_encode(struct ledger_set *b, const struct release *r, const struct ledger_set *set,
    struct terr *err)
{
	if (grow(b, 1, err) != 0)
		return -1;
	b->data[b->len++] = BODY_VERSION;
	if (put_str(b, r->recipient, err) != 0 || put_str(b, r->since, err) != 0 ||
	    put_str(b, r->until, err) != 0 || put_str(b, r->format, err) != 0 ||
	    grow(b, 50 + set->len, err) != 0)
		return -1;
	size_t len = set->chunks > 0 ? 0 : set->len;

	put_varint(b, (uint64_t)r->min_group);
	put_varint(b, (uint64_t)r->turndowns);
	put_varint(b, (uint64_t)r->candidates);
	put_varint(b, (uint64_t)set->chunks);
	put_varint(b, (uint64_t)len);
	if (len > 0)
		memcpy(b->data + b->len, set->data, len);
	b->len += len;
	return 0;
}

static int
get_str(const uint8_t **p, const uint8_t *end, char *out, size_t size)
{
	uint64_t n;

	if (get_varint(p, end, &n) != 0 || n >= size || (uint64_t)(end - *p) < n)
		return -1;
	memcpy(out, *p, n);
	out[n] = '\0';
	*p += n;
	return 0;
}

/* Reads body B into R (fields of the row kept) and points SET at its
 * candidate set inside B; -1 if it is malformed. */
static int
body_decode(struct vault *v, const struct tbuf *b, struct release *r, struct cursor *set)
{
	const uint8_t *p = b->data, *end = b->data + b->len;
	uint64_t k, td, cand, len, chunks = 0;
	int version = b->len < 1 ? 0 : *p++;

	if ((version != BODY_VERSION && version != BODY_VERSION_FP &&
	    version != BODY_VERSION_IDS) ||
	    get_str(&p, end, r->recipient, sizeof(r->recipient)) != 0 ||
	    get_str(&p, end, r->since, sizeof(r->since)) != 0 ||
	    get_str(&p, end, r->until, sizeof(r->until)) != 0 ||
	    get_str(&p, end, r->format, sizeof(r->format)) != 0 ||
	    get_varint(&p, end, &k) != 0 || get_varint(&p, end, &td) != 0 ||
	    get_varint(&p, end, &cand) != 0 ||
	    (version == BODY_VERSION && get_varint(&p, end, &chunks) != 0) ||
	    get_varint(&p, end, &len) != 0 || len != (uint64_t)(end - p) || k > 1000000 ||
	    chunks > (uint64_t)INT64_MAX)
		return -1;
	r->min_group = (int)k;
	r->turndowns = (long long)td;
	r->candidates = (long long)cand;
	cursor_at(set, p, (size_t)len, v, r->id, (long long)chunks);
	set->ids_only = version == BODY_VERSION_IDS;
	return 0;
}

/* Opens row ROW's body into B (owned) and fills R from it. */
static int
release_open(struct vault *v, const struct store_release *row, struct tbuf *b,
    struct release *r, struct cursor *set, struct terr *err)
{
	struct tc_ad ad = { "releases", "body", row->id, 0 };
	struct tc_err ce = { 0 };

	memset(r, 0, sizeof(*r));
	r->id = row->id;
	snprintf(r->created, sizeof(r->created), "%s", row->created);
	r->client_id = row->client_id;
	if (keyring_open_sealed(v->keys, &ad, row->body.data, row->body.len, b, &ce) != 0) {
		return terr_set(err, EX_DATAERR, "release #%lld of the report ledger fails "
		    "authentication (tampered or damaged); no report was made", row->id);
	}
	if (body_decode(v, b, r, set) != 0) {
		tbuf_free(b);
		return terr_set(err, EX_DATAERR, "release #%lld of the report ledger is "
		    "malformed; no report was made", row->id);
	}
	return 0;
}

/* ---- comparing ---------------------------------------------------------------- */

/* Whether candidate ID was erased after a release whose mark is MARK. */
static int
gone_since(const struct store_gone *gone, long long n, long long id, long long mark)
{
	long long lo = 0, hi = n;

	while (lo < hi) {
		long long mid = lo + (hi - lo) / 2;

		if (gone[mid].candidate < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && gone[lo].candidate == id && gone[lo].seq > mark;
}

/* Returns how many candidates differ between sets A (of a release with
 * erasure mark MARK) and B, counting no further than LIMIT; -1 if A is
 * malformed. */
static long long
set_distance(struct cursor *a, const struct ledger_set *bset, long long mark,
    const struct store_gone *gone, long long ngone, long long limit)
{
	struct cursor b;
	int ha, hb;
	long long d = 0;

	cursor_at(&b, bset->data, bset->chunks > 0 ? 0 : bset->len, bset->v, bset->release,
	    bset->chunks);
	ha = cursor_next(a);
	hb = cursor_next(&b);

	while ((ha || hb) && d < limit) {
		if (hb && (!ha || b.id < a->id)) {
			d++;
			hb = cursor_next(&b);
		} else if (ha && (!hb || a->id < b.id)) {
			d++;
			ha = cursor_next(a);
		} else {
			if ((!a->ids_only && a->fp != b.fp) || gone_since(gone, ngone, a->id, mark))
				d++;
			ha = cursor_next(a);
			hb = cursor_next(&b);
		}
	}
	cursor_free(&b);
	return a->bad || b.bad ? -1 : d;
}

int
ledger_check(struct vault *v, const struct release *next, const struct ledger_set *set,
    struct release *conflict, struct terr *err)
{
	struct store_release_iter *it = NULL;
	struct store_release row;
	struct store_gone *gone = NULL;
	struct release r;
	struct cursor c;
	struct tbuf b = { 0 };
	long long ngone, d, k;
	int rc, found = 0;

	if ((ngone = store_release_gone(v, &gone, err)) < 0)
		return -1;
	if ((it = store_release_iter_new(v, 1, err)) == NULL)
		goto fail;
	while ((rc = store_release_iter_next(it, &row, err)) == 1) {
		if (next->client_id != 0 && row.client_id != 0 && row.client_id != next->client_id)
			continue;       /* another client's: never seen by this recipient */
		if (release_open(v, &row, &b, &r, &c, err) != 0)
			goto fail;
		k = r.min_group > next->min_group ? r.min_group : next->min_group;
		d = set_distance(&c, set, row.gone_mark, gone, ngone, k);
		cursor_free(&c);
		tbuf_free(&b);
		if (d < 0) {
			terr_set(err, EX_DATAERR, "release #%lld of the report ledger is damaged or malformed; "
			    "no report was made", row.id);
			goto fail;
		}
		if (d > 0 && d < k) {
			*conflict = r;
			conflict->min_group = (int)k;
			found = 1;
			break;
		}
	}
	if (rc < 0)
		goto fail;
	store_release_iter_free(it);
	free(gone);
	return found;
fail:
	tbuf_free(&b);
	store_release_iter_free(it);
	free(gone);
	return -1;
}

/* ---- recording and listing ---------------------------------------------------- */

int
ledger_record(struct vault *v, struct release *next, const struct ledger_set *set,
    struct terr *err)
{
	struct ledger_set body = { 0 };
	struct store_release row = { 0 };
	struct tbuf sealed = { 0 };
	struct tc_err ce = { 0 };
	struct tc_ad ad = { "releases", "body", 0, 0 };
	time_t now = time(NULL);
	struct tm tm;
	int rc = -1;

	if ((row.id = store_release_next_id(v, err)) < 0 ||
	    (row.gone_mark = store_release_gone_mark(v, err)) < 0)
		return -1;
	/* A spilt set's chunks were written under the id it was to have. */
	if (set->chunks > 0 && set->release != row.id)
		return terr_set(err, EX_SOFTWARE, "the report's candidate set was written for "
		    "release #%lld, not #%lld", set->release, row.id);
	gmtime_r(&now, &tm);
	strftime(next->created, sizeof(next->created), "%Y-%m-%dT%H:%M:%SZ", &tm);
	next->id = row.id;
	if (body_encode(&body, next, set, err) != 0)
		goto out;
	ad.row = row.id;
	if (keyring_seal(v->keys, &ad, body.data, body.len, &sealed, &ce) != 0) {
		terr_crypto(err, &ce);
		goto out;
	}
	memcpy(row.created, next->created, sizeof(row.created));
	row.client_id = next->client_id;
	row.body.data = sealed.data;
	row.body.len = sealed.len;
	rc = store_release_add(v, &row, err);
out:
	wipe_free(body.data, body.cap);
	tbuf_free(&sealed);
	return rc;
}

long long
ledger_history(struct vault *v, struct release **out, struct terr *err)
{
	struct store_release_iter *it;
	struct store_release row;
	struct release *list = NULL, *t;
	struct tbuf b = { 0 };
	struct cursor c;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if ((it = store_release_iter_new(v, 1, err)) == NULL)
		return -1;
	while ((rc = store_release_iter_next(it, &row, err)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((t = realloc(list, cap * sizeof(*list))) == NULL) {
				rc = terr_set(err, EX_OSERR, "out of memory");
				break;
			}
			list = t;
		}
		if ((rc = release_open(v, &row, &b, &list[n], &c, err)) != 0)
			break;
		cursor_free(&c);
		tbuf_free(&b);
		n++;
	}
	store_release_iter_free(it);
	if (rc < 0) {
		free(list);
		return -1;
	}
	*out = list;
	return (long long)n;
}
