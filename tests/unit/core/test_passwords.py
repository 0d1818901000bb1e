"""core.passwords: one argon2 hasher, and a dummy hash computed on first use, never at import."""

import json
import subprocess
import sys
from pathlib import Path

from core import passwords

ROOT = Path(__file__).resolve().parents[3]

# Run in a fresh interpreter: count every argon2 hash made while the modules that verify secrets are imported.
IMPORT_PROBE = """
import json
import argon2

made = []
real_hash = argon2.PasswordHasher.hash


def counting_hash(self, *args, **kwargs):
    made.append(1)
    return real_hash(self, *args, **kwargs)


argon2.PasswordHasher.hash = counting_hash
import intake.receipts, intake.public, triage.casework.auth, triage.app
from core import passwords

print(json.dumps({"hashes": len(made), "dummy": passwords.dummy_hash_computed()}))
"""


def test_importing_the_modules_that_verify_secrets_computes_no_hash():
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"hashes": 0, "dummy": False}


def test_hash_and_verify():
    stored = passwords.hash_secret("mot-cau-mat-khau-dai")
    assert stored.startswith("$argon2id$") and "mot-cau" not in stored
    assert passwords.verify_secret(stored, "mot-cau-mat-khau-dai")
    assert not passwords.verify_secret(stored, "mot-cau-mat-khau-dai!")
    assert not passwords.verify_secret("not-a-hash", "mot-cau-mat-khau-dai")
    assert not passwords.needs_rehash(stored)


def test_a_missing_hash_costs_one_verification_against_a_cached_dummy(monkeypatch):
    verified = []

    class Counting:
        def __init__(self, real):
            self.real = real

        def verify(self, stored_hash, secret):
            verified.append(stored_hash)
            return self.real.verify(stored_hash, secret)

        def __getattr__(self, name):
            return getattr(self.real, name)

    monkeypatch.setattr(passwords, "_hasher", Counting(passwords._hasher))
    assert passwords.verify_secret(None, "not-a-secret") is False  # even the dummy's own secret matches nothing
    assert passwords.dummy_verify() is False
    assert passwords.dummy_hash_computed()
    assert len(verified) == 2 and verified[0] == verified[1] and verified[0].startswith("$argon2")
