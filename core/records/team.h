/*
 * team.h - a firm's shared vault: making one, inviting, joining, listing,
 * removing members (with the rotation of the firm key that follows), handing
 * a candidate to another member, unlocking as a member, and the refusal a
 * member gets on another member's candidate.
 */
#ifndef TACT_RECORDS_TEAM_H
#define TACT_RECORDS_TEAM_H

#include "core/base/error.h"
#include "core/records/keyslots.h"
#include "core/store/team.h"

/* Makes a firm vault at URL (the operator's) with NAME as its first member
 * and admin, whose passphrase comes from SRC (asked twice); writes the
 * member's database password to the passfile.  Returns the vault and fills
 * *MEMBER_URL (free with free()), the URL the member uses from then on. */
struct vault *team_init(const char *url, const char *name, const struct unlock_src *src,
    enum tc_kdf kdf, char **member_url, struct terr *err);

/* An admin invites NAME: its role and an invitation row; fills CODE
 * (TEAM_CODE_MAX), "NAME-SECRET", to hand to them once. */
#define TEAM_CODE_MAX (TEAM_NAME_MAX + 2 + TC_INVITE_LEN)
int team_invite(struct vault *v, const char *name, char *code, struct terr *err);
/* Joins the firm vault at URL with CODE; the new passphrase comes from SRC
 * (asked twice).  Returns the vault, unlocked, and the member's URL. */
struct vault *team_join(const char *url, const char *code, const struct unlock_src *src,
    enum tc_kdf kdf, char **member_url, struct terr *err);
/* Fills *OUT with every member (free with free()); returns the count. */
int team_list(struct vault *v, struct member_row **out, struct terr *err);
/* An admin removes NAME (who must own no candidate): role dropped, pending
 * invitations cancelled (*CANCELLED of them), the firm key rotated. */
int team_remove(struct vault *v, const char *name, int *cancelled, struct terr *err);
/* The owner hands CANDIDATE ("#ID" or a name) to member NAME. */
int team_transfer(struct vault *v, const char *candidate, const char *name,
    long long *id, struct terr *err);

/* Fills ERR with EX_NOPERM "candidate ID belongs to NAME; ask them or `tact
 * team transfer`" and returns -1. */
int team_refuse_foreign(struct vault *v, long long id, struct terr *err);
/* 0 when V is no firm vault, CANDIDATE is gone, or it is V's member's; else
 * team_refuse_foreign(). */
int team_check_owner(struct vault *v, long long candidate, struct terr *err);

#endif
