"""The audit trail: written with every staff action, append-only, and a broken chain is named."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from core.audit import AuditViolation, verify_chain
from core.extensions import db
from core.models import AuditRecord
from triage.routing.jobs import route_report

TEXT = "Cán bộ tư pháp UBND phường Quảng Phú quát nạt người dân khi tôi đến chứng thực giấy tờ, số đt 0912345678."


def _records(app, since: int) -> list[AuditRecord]:
    with app.app_context():
        rows = db.session.scalars(select(AuditRecord).where(AuditRecord.id > since).order_by(AuditRecord.id)).all()
        db.session.expunge_all()
        return rows


def _last_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1)) or 0


def test_staff_actions_and_contact_views_are_recorded(app, client, csrf_token, make_report, make_user, login_as):
    start = _last_id(app)
    make_user("cb1", unit="16522")
    receipt = make_report(text=TEXT, ward_code="16522", reporter_name="Đỗ Văn G", reporter_phone="0912345678")
    with app.app_context():
        route_report(receipt.report_id)
    login_as(client, "cb1")
    token = csrf_token(client.get(f"/can-bo/bao-cao/{receipt.report_id}"))
    client.post(
        f"/can-bo/bao-cao/{receipt.report_id}/ghi-chu",
        data={"csrf_token": token, "note-text": "Đã gọi điện cho phường"},
    )
    client.post(f"/can-bo/bao-cao/{receipt.report_id}/lien-he", data={"csrf_token": token})
    records = _records(app, start)
    actions = [r.action for r in records]
    assert "user.create" in actions
    assert "report.note" in actions and "report.contact-viewed" in actions
    user_record = next(r for r in records if r.action == "user.create")
    assert user_record.data["username"] == "cb1" and user_record.data["password_hash"] == "(changed)"
    viewed = next(r for r in records if r.action == "report.contact-viewed")
    assert viewed.actor_id is not None and viewed.object_id == receipt.report_id
    with app.app_context():
        assert verify_chain(db.session).first_broken is None


def test_the_app_cannot_change_or_delete_records(app, make_user):
    make_user("cb2", unit="16522")
    with app.app_context():
        record = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
        record.action = "nothing-happened"
        with pytest.raises(AuditViolation):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.get(AuditRecord, record.id))
        with pytest.raises(AuditViolation):
            db.session.flush()
        db.session.rollback()
        with pytest.raises(DatabaseError):  # below the ORM, the database refuses too
            db.session.execute(text("UPDATE audit_records SET action = 'x' WHERE id = :id"), {"id": record.id})
        db.session.rollback()


def test_verify_names_the_first_record_edited_in_the_database(app, make_user):
    runner = app.test_cli_runner()
    for name in ("cb.a1", "cb.a2", "cb.a3"):
        make_user(name, unit="16522")
    assert "audit trail intact" in runner.invoke(args=["audit", "verify"]).output
    with app.app_context():
        victim = db.session.scalars(
            select(AuditRecord).where(AuditRecord.action == "user.create").order_by(AuditRecord.id.desc())
        ).all()[1]
        original = victim.data
        dialect = db.engine.dialect.name
        _without_triggers(
            dialect,
            lambda: db.session.execute(
                text("UPDATE audit_records SET data = :d WHERE id = :id"),
                {"d": '{"username": "someone-else"}', "id": victim.id},
            ),
        )
        db.session.commit()
        result = runner.invoke(args=["audit", "verify"])
        assert result.exit_code == 1
        assert f"BROKEN at record {victim.id}" in result.output
        import json

        _without_triggers(
            dialect,
            lambda: db.session.execute(
                text("UPDATE audit_records SET data = :d WHERE id = :id"), {"d": json.dumps(original), "id": victim.id}
            ),
        )
        db.session.commit()
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0


def _without_triggers(dialect: str, statement) -> None:
    """What an attacker with direct database access would do."""
    if dialect == "postgresql":
        db.session.execute(text("ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only"))
        statement()
        db.session.execute(text("ALTER TABLE audit_records ENABLE TRIGGER audit_records_append_only"))
    else:
        db.session.execute(text("DROP TRIGGER audit_records_no_update"))
        statement()
        db.session.execute(
            text(
                "CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records "
                "BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END"
            )
        )
