#!/usr/bin/env python3
"""team_keys.py - open a firm vault's private parts by hand, with direct SQL.

Usage: team_keys.py URL MEMBER PASSPHRASE_FILE TURNDOWN

Reads, with psql on URL (as whichever role URL and $PGPASSFILE give), the
members row of MEMBER, the vault id, turndown TURNDOWN's people part and its
candidate's wrapped key; then, with libsodium (ctypes) and no tact code,
opens MEMBER's seed with the passphrase (Argon2id), derives the box key
pair, and tries to open the candidate's private half and the people part.

Exit 0 and the people part's bytes on stdout when it opens; 3 when the
private half does not open for MEMBER (the bytes stay sealed); 2 on error.
Used by t_team.sh to show that another member's keys and full SQL read
access are not enough, and (on the owner) that the check itself works.
"""
import ctypes
import ctypes.util
import subprocess
import sys


def psql(url, sql):
    out = subprocess.run(["psql", url, "-XAtc", sql], check=True, capture_output=True,
                         text=True).stdout.strip()
    return out.split("|") if out else []


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    url, member, passfile, td = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if not member.replace("_", "").isalnum():
        return 2
    with open(passfile, "rb") as f:
        pw = f.readline().rstrip(b"\r\n")
    vid = psql(url, "SELECT value FROM meta WHERE key = 'vault_id'")[0]
    alg, ops, mem, salt, slot = psql(url, "SELECT slot_alg, slot_ops, slot_mem, "
                                     "encode(slot_salt, 'hex'), encode(slot_wrapped, 'hex') "
                                     f"FROM members WHERE name = '{member}'")
    cand, people, wk = psql(url, "SELECT t.candidate_id, encode(t.people, 'hex'), "
                            "encode(c.wrapped_key, 'hex') FROM turndowns t JOIN candidates c "
                            f"ON c.id = t.candidate_id WHERE t.id = {td}")
    salt, slot, people, wk = (bytes.fromhex(x) for x in (salt, slot, people, wk))

    na = ctypes.CDLL(ctypes.util.find_library("sodium"))
    if na.sodium_init() < 0:
        return 2
    buf = ctypes.create_string_buffer
    kek = buf(32)
    if na.crypto_pwhash(kek, ctypes.c_ulonglong(32), pw, ctypes.c_ulonglong(len(pw)), salt,
                        ctypes.c_ulonglong(int(ops)), ctypes.c_size_t(int(mem)),
                        ctypes.c_int(int(alg))) != 0:
        return 2
    ad = f"tact1|member|{vid}|{member}|{alg}|{ops}|{mem}".encode()
    seed, mlen = buf(32), ctypes.c_ulonglong(0)
    if na.crypto_aead_xchacha20poly1305_ietf_decrypt(
            seed, ctypes.byref(mlen), None, slot[25:], ctypes.c_ulonglong(len(slot) - 25), ad,
            ctypes.c_ulonglong(len(ad)), slot[1:25], kek) != 0:
        print("team_keys: wrong passphrase for " + member, file=sys.stderr)
        return 2
    pk, sk = buf(32), buf(32)
    na.crypto_box_seed_keypair(pk, sk, seed)
    if len(wk) != 73 + 80:
        print("team_keys: not a split candidate key", file=sys.stderr)
        return 2
    priv = buf(32)
    if na.crypto_box_seal_open(priv, wk[73:], ctypes.c_ulonglong(80), pk, sk) != 0:
        print(f"team_keys: candidate {cand}'s private half does not open for {member}")
        return 3
    sub = buf(32)
    na.crypto_kdf_derive_from_key(sub, ctypes.c_size_t(32), ctypes.c_uint64(3), b"tactpriv",
                                  priv)
    ad = f"tact1|part|turndowns|people|{td}|{cand}".encode()
    pt = buf(len(people))
    if na.crypto_aead_xchacha20poly1305_ietf_decrypt(
            pt, ctypes.byref(mlen), None, people[25:], ctypes.c_ulonglong(len(people) - 25), ad,
            ctypes.c_ulonglong(len(ad)), people[1:25], sub) != 0:
        print("team_keys: people part does not authenticate", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(pt.raw[:mlen.value] + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
