"""Tracking codes that read aloud well, and follow-up passphrases stored only as keyed hashes.

A passphrase is made by the server, never chosen by a person: 20 characters of a 22-letter alphabet, 89 bits of
entropy, which no one guesses online (the status page locks a code after a few wrong tries) or offline. So it is
stored as an HMAC-SHA-256 under PASSPHRASE_KEY (a key outside the database) rather than a slow password hash: a copy
of the database alone reveals nothing, and checking a passphrase costs microseconds instead of a quarter of a second
of CPU and 64 MiB, which made the citizen's form and status page the most expensive pages to flood. Passphrases
handed out before (12 characters, argon2 hashes) keep working.
"""

import hashlib
import hmac
import secrets

from flask import current_app

from core.config import app_secret
from core.passwords import verify_secret

# No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: nothing that can be misheard or mistyped.
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"


def _group(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def new_tracking_code() -> str:
    return f"TH-{_group(4)}-{_group(4)}"


PASSPHRASE_GROUPS = 5  # of 4 characters: log2(22) × 20 = 89 bits
KEYED = "hmac-sha256$"


def new_passphrase() -> str:
    return "-".join(_group(4) for _ in range(PASSPHRASE_GROUPS))


def clean_code(value: str) -> str:
    """Accept what people type: lower case, spaces, missing or extra dashes. (The alphabet has no look-alike
    pairs, so there is nothing to map.)"""
    return "".join(ch for ch in (value or "").upper() if ch.isalnum())


def normalize_tracking_code(value: str) -> str:
    raw = clean_code(value)
    if raw.startswith("TH"):
        raw = raw[2:]
    return f"TH-{raw[:4]}-{raw[4:8]}" if len(raw) == 8 else ""


def normalize_passphrase(value: str) -> str:
    raw = clean_code(value)
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def passphrase_key() -> bytes:
    """PASSPHRASE_KEY, else a key made once under the instance folder. Changing it voids every receipt."""
    return app_secret(current_app, "PASSPHRASE_KEY")


def hash_passphrase(passphrase: str) -> str:
    digest = hmac.new(passphrase_key(), normalize_passphrase(passphrase).encode(), hashlib.sha256).hexdigest()
    return KEYED + digest


def verify_passphrase(stored_hash: str | None, passphrase: str) -> bool:
    """Whether the passphrase matches; with no stored hash (no such tracking code), the same work and False."""
    if stored_hash is not None and stored_hash.startswith("$argon2"):  # a receipt from before the keyed hashes
        return verify_secret(stored_hash, normalize_passphrase(passphrase))
    expected = hash_passphrase(passphrase)
    return hmac.compare_digest(stored_hash or KEYED, expected) and stored_hash is not None
