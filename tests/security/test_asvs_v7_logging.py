"""ASVS V7 (logging): sign-ins, failures, lockouts and sign-outs are in the hash-chained audit trail, with the
account and never the client's address."""

from sqlalchemy import func, select

from core.audit import verify_chain
from core.extensions import db
from core.models import AuditRecord
from tests_support import sign_in


def _last_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.max(AuditRecord.id))) or 0


def _records(app, after: int, prefix="auth."):
    """The records of this test (the trail is append-only: earlier tests' records stay)."""
    with app.app_context():
        rows = db.session.scalars(
            select(AuditRecord)
            .where(AuditRecord.id > after, AuditRecord.action.like(f"{prefix}%"))
            .order_by(AuditRecord.id)
        ).all()
        return [(r.action, r.object_id, r.data) for r in rows]


def test_sign_in_failures_lockout_and_sign_out_are_audited(make_app, make_user, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, LOGIN_MAX_FAILURES=2)
    user = make_user("cb.nhatky", role="supervisor")
    client = app.test_client()
    address = {"REMOTE_ADDR": "203.0.113.77"}
    start = _last_id(app)
    assert sign_in(client, csrf_token, "cb.nhatky", environ_base=address).status_code == 302
    token = csrf_token(client.get("/can-bo/"))
    client.post("/can-bo/dang-xuat", data={"csrf_token": token}, environ_base=address)
    assert sign_in(client, csrf_token, "khong-co-ai", "sai-mat-khau-123", environ_base=address).status_code == 401
    assert sign_in(client, csrf_token, "cb.nhatky", "sai-mat-khau-123", environ_base=address).status_code == 401
    assert sign_in(client, csrf_token, "cb.nhatky", "sai-mat-khau-123", environ_base=address).status_code == 403

    records = _records(app, start)
    assert [(action, object_id) for action, object_id, _ in records] == [
        ("auth.sign-in", user.id),
        ("auth.sign-out", user.id),
        ("auth.failure", None),
        ("auth.failure", user.id),
        ("auth.lockout", user.id),
    ]
    assert "203.0.113.77" not in repr(records) and "khong-co-ai" not in repr(records)
    # The name tried, as a keyed mark: the tries on one name go together, an account or not.
    marks = [data.get("name") for _, _, data in records[2:]]
    assert all(marks) and marks[0] != marks[1] == marks[2]
    with app.app_context():
        assert verify_chain(db.session).first_broken is None
