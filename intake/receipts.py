"""Tracking codes that read aloud well, and follow-up passphrases stored only as slow hashes."""
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: nothing that can be misheard or mistyped.
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
_hasher = PasswordHasher()
# Checked against when a tracking code does not exist, so both answers cost the same.
DUMMY_HASH = _hasher.hash("AAAA-AAAA-AAAA")


def _group(n: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(n))


def new_tracking_code() -> str:
    return f"TH-{_group(4)}-{_group(4)}"


def new_passphrase() -> str:
    return "-".join(_group(4) for _ in range(3))


def clean_code(value: str) -> str:
    """Accept what people type: lower case, spaces, missing dashes, look-alike letters."""
    raw = "".join(ch for ch in (value or "").upper() if ch.isalnum())
    raw = raw.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return raw


def normalize_tracking_code(value: str) -> str:
    raw = clean_code(value)
    if raw.startswith("TH"):
        raw = raw[2:]
    return f"TH-{raw[:4]}-{raw[4:8]}" if len(raw) == 8 else ""


def normalize_passphrase(value: str) -> str:
    raw = clean_code(value)
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def hash_passphrase(passphrase: str) -> str:
    return _hasher.hash(normalize_passphrase(passphrase))


def verify_passphrase(stored_hash: str, passphrase: str) -> bool:
    try:
        return _hasher.verify(stored_hash, normalize_passphrase(passphrase))
    except (VerificationError, InvalidHashError):
        return False
