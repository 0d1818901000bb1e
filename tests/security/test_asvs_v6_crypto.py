"""ASVS V6 (stored cryptography): a reporter's passphrase is a server-made 89-bit secret stored as an HMAC under a
key outside the database; a look-up costs no slow hash; receipts handed out before keep working."""

import pytest
from sqlalchemy import update

from core import passwords
from core.extensions import db
from core.models import Report
from intake.receipts import normalize_passphrase
from tests_support import look_up


@pytest.fixture
def no_argon2(monkeypatch):
    class Refusing:
        def __getattr__(self, name):
            raise AssertionError(f"argon2 {name} called")

    monkeypatch.setattr(passwords, "_hasher", Refusing())


def test_a_look_up_costs_no_slow_hash(app, make_report, csrf_token, no_argon2):
    receipt = make_report()
    assert len(normalize_passphrase(receipt.passphrase).replace("-", "")) == 20
    assert look_up(app.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 200
    wrong = look_up(app.test_client(), csrf_token, receipt.tracking_code, "ACDE-FHJK-MNPR-TUVW-XY34")
    assert wrong.status_code == 403
    assert look_up(app.test_client(), csrf_token, "TH-AAAA-AAAA", receipt.passphrase).status_code == 403


def test_the_database_alone_does_not_verify_a_passphrase(app, make_app, make_report, csrf_token):
    receipt = make_report()
    elsewhere = make_app(WTF_CSRF_ENABLED=True, PASSPHRASE_KEY="another-key")  # same database, another key
    assert look_up(elsewhere.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 403
    assert look_up(app.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 200


def test_a_receipt_from_before_the_keyed_hashes_still_works(app, make_report, csrf_token):
    receipt = make_report()
    old = "ACDE-FHJK-MNPR"
    with app.app_context():
        db.session.execute(
            update(Report)
            .where(Report.id == receipt.report_id)
            .values(passphrase_hash=passwords.hash_secret(normalize_passphrase(old)))
        )
        db.session.commit()
    assert look_up(app.test_client(), csrf_token, receipt.tracking_code, "acde fhjk mnpr").status_code == 200
    assert look_up(app.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 403
