"""ASVS V7 (log integrity): someone who can write to the database cannot delete the last records of the audit
trail, nor delete records and recompute the chain, without `flask audit verify` saying so."""

import hashlib

import pytest
from sqlalchemy import insert, select, text

from core.audit import GENESIS, read_anchors
from core.extensions import db
from core.models import AuditRecord


@pytest.fixture
def trail(make_app, make_user, tmp_path):
    """An app with its own anchor file and a few audited actions (accounts created). The trail is shared by the
    whole run (append-only): what a test breaks is put back as it was."""
    app = make_app(AUDIT_ANCHOR_FILE=str(tmp_path / "anchors.jsonl"))
    for name in ("cb.mot", "cb.hai", "cb.ba"):
        make_user(name, role="supervisor")
    with app.app_context():
        saved = [dict(row._mapping) for row in db.session.execute(select(AuditRecord.__table__))]
    yield app
    with app.app_context():
        _as_attacker("DELETE FROM audit_records")
        db.session.execute(insert(AuditRecord.__table__), saved)
        db.session.commit()


def _cli(app, *args):
    return app.test_cli_runner().invoke(args=["audit", *args])


def _as_attacker(statement: str, params: dict | None = None) -> None:
    """Write straight to the database, past the triggers that keep the trail append-only."""
    dialect = db.engine.dialect.name
    if dialect == "postgresql":
        db.session.execute(text("ALTER TABLE audit_records DISABLE TRIGGER USER"))
        db.session.execute(text(statement), params or {})
        db.session.execute(text("ALTER TABLE audit_records ENABLE TRIGGER USER"))
    else:
        triggers = db.session.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_records'")
        ).all()
        for name, _ in triggers:
            db.session.execute(text(f"DROP TRIGGER {name}"))
        db.session.execute(text(statement), params or {})
        for _, sql in triggers:
            db.session.execute(text(sql))
    db.session.commit()


def test_an_intact_trail_verifies_against_its_anchor(trail):
    assert _cli(trail, "anchor").exit_code == 0
    result = _cli(trail, "verify")
    assert result.exit_code == 0 and "1 anchor(s) matched" in result.output


def test_deleting_the_last_records_is_noticed(trail):
    assert _cli(trail, "anchor").exit_code == 0
    with trail.app_context():
        last = db.session.scalar(select(AuditRecord.id).order_by(AuditRecord.id.desc()).limit(1))
        _as_attacker("DELETE FROM audit_records WHERE id >= :last", {"last": last - 1})
    result = _cli(trail, "verify")
    assert result.exit_code == 1 and "TRUNCATED" in result.output and "records were deleted" in result.output


def test_deleting_records_and_recomputing_the_chain_without_the_key_is_noticed(trail):
    """The attacker deletes a record and re-hashes every later one as a plain SHA-256 chain would be."""
    from core import audit

    assert _cli(trail, "anchor").exit_code == 0
    with trail.app_context():
        rows = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id)).all()
        victim = rows[-2]
        _as_attacker("DELETE FROM audit_records WHERE id = :id", {"id": victim.id})
        prev = rows[-3].hash if len(rows) > 2 else GENESIS
        for row in rows[-1:]:
            guessed = audit.record_hash(
                prev, row.at, row.actor_id, row.action, row.object_type, row.object_id, row.data, key=b"guess"
            )
            plain = hashlib.sha256(guessed.encode()).hexdigest()
            rehash = "UPDATE audit_records SET prev_hash = :p, hash = :h WHERE id = :id"
            _as_attacker(rehash, {"p": prev, "h": plain, "id": row.id})
            prev = plain
    result = _cli(trail, "verify")
    assert result.exit_code == 1 and "BROKEN" in result.output


def test_the_cron_job_appends_anchors(trail):
    from triage.audit_jobs import anchor_audit_trail

    with trail.app_context():
        first = anchor_audit_trail()
        second = anchor_audit_trail()
    anchors = read_anchors(trail.config["AUDIT_ANCHOR_FILE"])
    assert [a.count for a in anchors] == [first["count"], second["count"]] and first["count"] >= 3
