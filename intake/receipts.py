"""Tracking codes that read aloud well, and follow-up passphrases stored only as slow hashes."""

import secrets

from core.passwords import hash_secret, verify_secret

# No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: nothing that can be misheard or mistyped.
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"


def _group(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def new_tracking_code() -> str:
    return f"TH-{_group(4)}-{_group(4)}"


def new_passphrase() -> str:
    return "-".join(_group(4) for _ in range(3))


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


def hash_passphrase(passphrase: str) -> str:
    return hash_secret(normalize_passphrase(passphrase))


def verify_passphrase(stored_hash: str | None, passphrase: str) -> bool:
    """Whether the passphrase matches; with no stored hash (no such tracking code), the same work and False."""
    return verify_secret(stored_hash, normalize_passphrase(passphrase))
