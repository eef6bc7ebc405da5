/*
 * pack.c - the byte layout of the signals and people parts before they are
 * sealed: a version byte, then small integers and length-prefixed strings.
 * Signals version 2 also carries the row's clear client id and dates, so that
 * a row moved to another client or period is detected when it is read.
 * Version 3 adds the candidate's pronouns and the role's field after them
 * (one byte each, 0 when not given); older parts read with both unset.
 * The small writers and readers are shared with feedback_pack.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/wipe.h"
#include "core/records/pack.h"

#define PACK_VERSION 1
#define SIGNALS_VERSION_2 2
#define SIGNALS_VERSION 3

void
pack_bytes(struct pack *p, const void *data, size_t len)
{
	if (p->failed)
		return;
	if (p->len + len > p->cap) {
		size_t cap = (p->cap ? p->cap * 2 : 256) + len;
		uint8_t *grown = malloc(cap);

		/* Not realloc: the old block held plaintext and is wiped first. */
		if (grown == NULL) {
			p->failed = 1;
			return;
		}
		if (p->len > 0)
			memcpy(grown, p->buf, p->len);
		wipe_free(p->buf, p->cap);
		p->buf = grown;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, data, len);
	p->len += len;
}

void
pack_u8(struct pack *p, unsigned v)
{
	uint8_t b = (uint8_t)v;

	pack_bytes(p, &b, 1);
}

void
pack_str(struct pack *p, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	uint8_t l[2] = { (uint8_t)(len >> 8), (uint8_t)len };

	pack_bytes(p, l, 2);
	pack_bytes(p, s ? s : "", len);
}

void
pack_free(struct pack *p)
{
	wipe_free(p->buf, p->cap);
	memset(p, 0, sizeof(*p));
}

unsigned
unpack_u8(struct unpack *u)
{
	if (u->left < 1) {
		u->bad = 1;
		return 0;
	}
	u->left--;
	return *u->p++;
}

char *
unpack_str(struct unpack *u)
{
	size_t len;
	char *s;

	len = unpack_u8(u) << 8;
	len |= unpack_u8(u);
	if (u->bad || len > u->left) {
		u->bad = 1;
		return NULL;
	}
	if ((s = strndup((const char *)u->p, len)) == NULL)
		u->bad = 1;
	u->p += len;
	u->left -= len;
	return s;
}

void
pack_signals(struct pack *p, const struct turndown *td)
{
	char client[24];

	pack_u8(p, SIGNALS_VERSION);
	pack_u8(p, (unsigned)td->consent);
	pack_u8(p, (unsigned)td->nreasons);
	for (size_t i = 0; i < td->nreasons; i++) {
		pack_u8(p, (unsigned)td->reasons[i].category);
		pack_u8(p, (unsigned)td->reasons[i].visibility);
	}
	pack_str(p, td->role);
	snprintf(client, sizeof(client), "%lld", td->client_id);
	pack_str(p, client);
	pack_str(p, td->offer_date);
	pack_str(p, td->decline_date);
	pack_u8(p, (unsigned)td->pronouns);
	pack_u8(p, (unsigned)td->field);
}

/* Whether the sealed copy S of a clear column equals the clear value;
 * frees S (so that the three comparisons below read as one expression). */
static int
same_then_free(char *s, const char *clear)
{
	int eq = s != NULL && strcmp(s, clear) == 0;

	free(s);
	return eq;
}

/* Fills TD's signals; -1 if malformed, -2 if the clear client id or dates
 * of the row (already in TD) differ from their sealed copies. */
int
unpack_signals(const uint8_t *data, size_t len, struct turndown *td)
{
	struct unpack u = { data, len, 0 };
	unsigned version = unpack_u8(&u);
	char client[24];
	size_t n;
	int moved = 0;

	if (version != PACK_VERSION && version != SIGNALS_VERSION_2 && version != SIGNALS_VERSION)
		return -1;
	td->consent = (int)unpack_u8(&u);
	n = unpack_u8(&u);
	if (td->consent > CONSENT_NONE || n > TAXONOMY_COUNT)
		return -1;
	for (td->nreasons = 0; td->nreasons < n; td->nreasons++) {
		struct reason *r = &td->reasons[td->nreasons];

		r->category = (int)unpack_u8(&u);
		r->visibility = (int)unpack_u8(&u);
		if (r->category >= TAXONOMY_COUNT || r->visibility > VIS_CONFIDENTIAL)
			return -1;
	}
	td->role = unpack_str(&u);
	if (version >= SIGNALS_VERSION_2) {
		int c, o, d;

		snprintf(client, sizeof(client), "%lld", td->client_id);
		c = same_then_free(unpack_str(&u), client);
		o = same_then_free(unpack_str(&u), td->offer_date);
		d = same_then_free(unpack_str(&u), td->decline_date);
		moved = !(c && o && d);
	}
	td->pronouns = PRON_UNSET;
	td->field = FIELD_UNSET;
	if (version == SIGNALS_VERSION) {
		td->pronouns = (int)unpack_u8(&u);
		td->field = (int)unpack_u8(&u);
		if (td->pronouns >= PRON_COUNT || td->field >= FIELD_COUNT)
			u.bad = 1;
	}
	if (u.bad || u.left != 0 || td->role == NULL)
		return -1;
	if (td->role[0] == '\0')
		wipe_str_drop(&td->role);
	return moved ? -2 : 0;
}

void
pack_people(struct pack *p, const struct turndown *td)
{
	pack_u8(p, PACK_VERSION);
	pack_u8(p, (unsigned)td->nmet);
	for (size_t i = 0; i < td->nmet; i++) {
		pack_u8(p, (unsigned)td->met[i].role);
		pack_u8(p, (unsigned)td->met[i].impression);
		pack_str(p, td->met[i].name);
	}
}

int
unpack_people(const uint8_t *data, size_t len, struct turndown *td)
{
	struct unpack u = { data, len, 0 };
	size_t n;

	if (unpack_u8(&u) != PACK_VERSION)
		return -1;
	n = unpack_u8(&u);
	if (n > TEXT_MET_MAX || (n > 0 && (td->met = calloc(n, sizeof(*td->met))) == NULL))
		return -1;
	for (td->nmet = 0; td->nmet < n; td->nmet++) {
		struct person *p = &td->met[td->nmet];

		p->role = (int)unpack_u8(&u);
		p->impression = (int)unpack_u8(&u);
		p->name = unpack_str(&u);
		if (u.bad || p->role >= PERSON_ROLE_COUNT || p->impression > IMP_NEGATIVE) {
			td->nmet++;
			return -1;
		}
	}
	return u.left == 0 ? 0 : -1;
}
