"""Slow hashes of secrets (staff passwords, reporters' follow-up passphrases): one argon2 hasher for all.

Nothing is hashed at import. The dummy hash, verified against when an account or a tracking code does not
exist (so that the answer costs one verification either way and its timing tells nothing), is computed on
first use and kept for the life of the process.
"""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """Whether `secret` matches `stored_hash`; with no stored hash, one verification against the dummy, False."""
    if stored_hash is None:
        return dummy_verify(secret)
    try:
        return _hasher.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether a hash was made with other parameters than the hasher's current ones."""
    return _hasher.check_needs_rehash(stored_hash)


@cache
def _dummy_hash() -> str:
    return _hasher.hash("not-a-secret")


def dummy_verify(secret: str = "") -> bool:
    """Spend one verification, as for a real secret, and answer False."""
    try:
        _hasher.verify(_dummy_hash(), secret)
    except (VerificationError, InvalidHashError):
        pass
    return False


def dummy_hash_computed() -> bool:
    """Whether this process has computed the dummy hash yet."""
    return _dummy_hash.cache_info().currsize > 0
