/*
 * feedback_pack.c - the byte layout of a feedback record's signals part
 * before it is sealed, in the pieces of pack.c: a version byte, the stage,
 * the areas with their visibility, the role, who gave it (role and name),
 * and the row's clear client id and date, so that a row moved to another
 * client or day is detected when it is read (as a turndown's signals).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/taxonomy.h"
#include "core/base/wipe.h"
#include "core/records/feedback_pack.h"
#include "core/records/pack.h"

#define FB_SIGNALS_VERSION 1
#define NO_ROLE 0xff

void
feedback_pack_signals(struct pack *p, const struct feedback *fb)
{
	char client[24];

	pack_u8(p, FB_SIGNALS_VERSION);
	pack_u8(p, (unsigned)fb->stage);
	pack_u8(p, (unsigned)fb->nareas);
	for (size_t i = 0; i < fb->nareas; i++) {
		pack_u8(p, (unsigned)fb->areas[i].area);
		pack_u8(p, (unsigned)fb->areas[i].visibility);
	}
	pack_str(p, fb->role);
	pack_u8(p, fb->from_role < 0 ? NO_ROLE : (unsigned)fb->from_role);
	pack_str(p, fb->from);
	snprintf(client, sizeof(client), "%lld", fb->client_id);
	pack_str(p, client);
	pack_str(p, fb->date);
}

/* Returns a copy of S made NULL when empty; frees S. */
static char *
or_null(char *s)
{
	if (s != NULL && s[0] == '\0')
		wipe_str_drop(&s);
	return s;
}

int
feedback_unpack_signals(const uint8_t *data, size_t len, struct feedback *fb)
{
	struct unpack u = { data, len, 0 };
	char client[24], *sealed_client, *sealed_date;
	unsigned role;
	size_t n;
	int moved;

	if (unpack_u8(&u) != FB_SIGNALS_VERSION)
		return -1;
	fb->stage = (int)unpack_u8(&u);
	n = unpack_u8(&u);
	if (fb->stage >= FB_STAGE_COUNT || n > FB_AREA_COUNT)
		return -1;
	for (fb->nareas = 0; fb->nareas < n; fb->nareas++) {
		struct fb_area *a = &fb->areas[fb->nareas];

		a->area = (int)unpack_u8(&u);
		a->visibility = (int)unpack_u8(&u);
		if (a->area >= FB_AREA_COUNT || a->visibility > VIS_CONFIDENTIAL)
			return -1;
	}
	fb->role = or_null(unpack_str(&u));
	role = unpack_u8(&u);
	fb->from = or_null(unpack_str(&u));
	fb->from_role = role == NO_ROLE ? -1 : (int)role;
	sealed_client = unpack_str(&u);
	sealed_date = unpack_str(&u);
	snprintf(client, sizeof(client), "%lld", fb->client_id);
	moved = sealed_client == NULL || sealed_date == NULL || strcmp(sealed_client, client) != 0 ||
	    strcmp(sealed_date, fb->date) != 0;
	free(sealed_client);
	free(sealed_date);
	if (u.bad || u.left != 0 || (role != NO_ROLE && role >= PERSON_ROLE_COUNT))
		return -1;
	return moved ? -2 : 0;
}
