"""Backup and restore drill: an instance with reports filed through the citizen's form (with a photo), a routed report
with its clocks and events, an official document, a periodic report and an audit trail is backed up, checked, and
restored into a fresh instance (a new SQLite file, and a new PostgreSQL database when one is configured); the
restored instance holds the same rows and files, its audit chain verifies, and the status page answers the same
receipt the same way."""

import hashlib
import io
import json
import os
import re
import tarfile
from pathlib import Path

import pytest
from PIL import Image
from redis import Redis
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from core.extensions import db
from core.models import AuditRecord, Report, Unit
from core.models.base import utcnow
from core.vocabulary import DocumentKind
from intake.submission import submit_report
from tests_support import IN_CI, TEST_AUDIT_KEY, look_up
from triage import cron
from triage.backup import dump
from triage.backup.archive import MANIFEST, check_archive, manifest_mac
from triage.backup.jobs import back_up_instance, kept_backups
from triage.backup.service import RestoreRefused, restore_backup
from triage.casework.evidence_jobs import clean_attachment
from triage.documents.issue import issue_document
from triage.reporting.jobs import build_periodic_report
from triage.routing.jobs import route_report

TEXT = "Cán bộ địa chính UBND phường Quảng Phú đòi 2 triệu mới đo đạc lại thửa đất, tôi có ảnh giấy hẹn."


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def _file_through_the_form(client, csrf_token) -> tuple[str, str]:
    """A citizen files a report with a photo; the receipt's code and passphrase."""
    data = {
        "csrf_token": csrf_token(client.get("/")),
        "text": TEXT,
        "kind": "phan-anh",
        "ward": "16522",
        "attachments": [(io.BytesIO(_photo()), "anh-giay-hen.png")],
    }
    page = client.post("/", data=data, content_type="multipart/form-data").get_data(as_text=True)
    code = re.search(r'id="tracking-code">([^<]+)<', page).group(1)
    return code, re.search(r'id="passphrase">([^<]+)<', page).group(1)


@pytest.fixture
def source(app, client, csrf_token, make_user, make_report):
    """The instance backed up: a routed report from the form with its photo (cleaned), a khiếu nại with a document,
    a periodic report, staff accounts (audit records)."""
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    leader = make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Bình")
    code, passphrase = _file_through_the_form(client, csrf_token)
    complaint = make_report(
        text="Cán bộ địa chính phường Quảng Phú đòi 20 triệu đồng mới làm hồ sơ đất cho tôi.",
        kind="khieu-nai",
        ward_code="16522",
        reporter_name="Hoàng Văn Em",
        reporter_address="số 5 ngõ 3, phường Quảng Phú",
        reporter_phone="0912345678",
    )
    with app.app_context():
        report_id = db.session.scalar(select(Report.id).where(Report.tracking_code == code))
        assert route_report(report_id) == "routed"
        assert clean_attachment(db.session.get(Report, report_id).attachments[0].id) == "clean"
        report = db.session.get(Report, complaint.report_id)
        issue_document(
            db.session,
            report,
            DocumentKind.REFUSAL,
            unit=db.session.scalar(select(Unit).where(Unit.code == "16522")),
            actor=None,
            now=utcnow(),
            facts={"ground": "Đã hết thời hiệu khiếu nại", "reason": "Quyết định ban hành từ năm 2023"},
            public=True,
            files_root=app.config["ATTACHMENTS_DIR"],
        )
        db.session.commit()
        assert build_periodic_report("month", "2026-01-01", as_of="2026-02-02") == "built"
        assert db.session.get(Report, report_id).clocks  # routed: its legal clocks run
    assert leader is not None
    return app, code, passphrase


def _restore_targets():
    targets = ["sqlite"]
    if os.environ.get("TEST_DATABASE_URL") or IN_CI:
        targets.append("postgresql")
    return targets


@pytest.fixture
def fresh_database(request, database_url, tmp_path):
    """An empty database of the kind asked for: a new SQLite file, or `<test database>_restore` on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.db'}"
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.fail("CI=true but TEST_DATABASE_URL is not set")
    url = make_url(base)
    name = f"{url.database}_restore{os.environ.get('PYTEST_XDIST_WORKER', '')}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _target(make_app, tmp_path, url, **keys):
    keys = keys or {"AUDIT_KEY": TEST_AUDIT_KEY, "PASSPHRASE_KEY": TEST_AUDIT_KEY}
    instance = tmp_path / "restored"
    return make_app(
        WTF_CSRF_ENABLED=True,
        SQLALCHEMY_DATABASE_URI=url,
        INSTANCE_PATH=str(instance),
        ATTACHMENTS_DIR=str(instance / "attachments"),
        PERIODIC_REPORTS_DIR=str(instance / "periodic"),
        AUDIT_ANCHOR_FILE=str(instance / "audit-anchors.jsonl"),
        ML_MODEL_DIR=str(instance / "models"),
        **keys,
    )


def _tables(url: str, tmp_path: Path, name: str) -> dict[str, bytes]:
    """Every table's rows as the portable dump writes them."""
    out = tmp_path / name
    out.mkdir()
    with dump.snapshot(url, out) as conn:
        dump.dump_database(conn, out)
    return {p.stem: p.read_bytes() for p in out.glob("*.jsonl")}


def _files(root: str) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in Path(root).rglob("*") if p.is_file()}


def _status_page(client, csrf_token, code, passphrase) -> str:
    page = look_up(client, csrf_token, code, passphrase).get_data(as_text=True)
    assert code in page
    return re.sub(r'(value|nonce|content)="[^"]*"', "", page)


@pytest.mark.parametrize("fresh_database", _restore_targets(), indirect=True)
def test_a_backup_restores_into_a_fresh_instance_with_the_same_data_files_and_receipts(
    source, fresh_database, make_app, tmp_path, csrf_token
):
    app, code, passphrase = source
    archive = tmp_path / "backup.tar.gz"
    created = app.test_cli_runner().invoke(args=["backup", "create", str(archive)])
    assert created.exit_code == 0, created.output
    assert "keys are not in this backup" in created.output and "PASSPHRASE_KEY" in created.output
    verified = app.test_cli_runner().invoke(args=["backup", "verify", str(archive)])
    assert verified.exit_code == 0 and "backup intact" in verified.output, verified.output
    assert "signed with this instance's AUDIT_KEY" in verified.output and "WARNING" not in verified.output
    manifest = check_archive(archive).manifest
    kinds = {part["kind"] for part in manifest["parts"]}
    assert {"database", "attachment", "document", "periodic-report", "model", "model-pointer"} <= kinds
    assert "key" not in kinds and manifest["missing_files"] == []
    assert manifest["alembic_revision"] and manifest["software_version"] and manifest["created_at"]

    target = _target(make_app, tmp_path, fresh_database)
    restored = target.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
    assert restored.exit_code == 0, restored.output
    assert "audit trail intact" in restored.output

    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    assert _tables(fresh_database, tmp_path, "after") == _tables(source_url, tmp_path, "before")
    assert _files(target.config["ATTACHMENTS_DIR"]) == _files(app.config["ATTACHMENTS_DIR"])
    assert _files(target.config["PERIODIC_REPORTS_DIR"]) == _files(app.config["PERIODIC_REPORTS_DIR"])
    assert (Path(target.config["ML_MODEL_DIR"]) / "current").read_text() == (
        Path(app.config["ML_MODEL_DIR"]) / "current"
    ).read_text()
    audit = target.test_cli_runner().invoke(args=["audit", "verify"])
    assert audit.exit_code == 0 and "audit trail intact" in audit.output, audit.output
    with target.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditRecord)) > 0
    assert _status_page(target.test_client(), csrf_token, code, passphrase) == _status_page(
        app.test_client(), csrf_token, code, passphrase
    )
    with target.app_context():  # a new report gets an id after every restored one (PostgreSQL's sequences)
        highest = db.session.scalar(select(func.max(Report.id)))
        receipt = submit_report(db.session, text=TEXT, kind="phan-anh")
        db.session.commit()
        assert receipt.report_id > highest


def _rewrite(archive: Path, out: Path, change) -> None:
    """Copy a plain tar archive member by member, `change(name, data)` giving each member's new bytes (None: drop)."""
    with tarfile.open(archive) as old, tarfile.open(out, "w") as new:
        for info in old:
            data = change(info.name, old.extractfile(info).read())
            if data is not None:
                info.size = len(data)
                new.addfile(info, io.BytesIO(data))


def _resigned(data: bytes, key: str = TEST_AUDIT_KEY) -> bytes:
    """A manifest signed again with `key`, as the instance holding it would have signed it."""
    manifest = json.loads(data)
    manifest["signature"]["value"] = manifest_mac(manifest, key.encode())
    return json.dumps(manifest).encode()


def test_verify_names_a_tampered_or_missing_part_and_restore_refuses_it(source, make_app, tmp_path):
    app = source[0]
    archive = tmp_path / "backup.tar"
    assert app.test_cli_runner().invoke(args=["backup", "create", str(archive)]).exit_code == 0
    photo = next(p["path"] for p in check_archive(archive).manifest["parts"] if p["path"].endswith(".orig"))

    flipped = tmp_path / "flipped.tar"
    _rewrite(archive, flipped, lambda name, data: bytes([data[0] ^ 1]) + data[1:] if name == photo else data)
    result = app.test_cli_runner().invoke(args=["backup", "verify", str(flipped)])
    assert result.exit_code == 1 and f"{photo}: its SHA-256 differs" in result.output

    extra_row = tmp_path / "extra-row.tar"
    _rewrite(archive, extra_row, lambda name, data: data + b'[1,"x"]\n' if name == "database/reports.jsonl" else data)
    result = app.test_cli_runner().invoke(args=["backup", "verify", str(extra_row)])
    assert result.exit_code == 1 and "database/reports.jsonl" in result.output

    dropped = tmp_path / "dropped.tar"
    _rewrite(archive, dropped, lambda name, data: None if name == photo else data)
    result = app.test_cli_runner().invoke(args=["backup", "verify", str(dropped)])
    assert result.exit_code == 1 and f"{photo}: missing from the archive" in result.output

    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    result = app.test_cli_runner().invoke(args=["backup", "verify", str(cut)])
    assert result.exit_code == 1 and f"no {MANIFEST}" in result.output

    target = _target(make_app, tmp_path, f"sqlite:///{tmp_path / 'restored.db'}")
    result = target.test_cli_runner().invoke(args=["backup", "restore", str(flipped)])
    assert result.exit_code == 1 and not (tmp_path / "restored.db").exists()

    newer = tmp_path / "newer.tar"  # from a release whose migrations this code does not have
    _rewrite(
        archive,
        newer,
        lambda name, data: _resigned(data.replace(b'_revision": "', b'_revision": "9')) if name == MANIFEST else data,
    )
    result = target.test_cli_runner().invoke(args=["backup", "restore", str(newer)])
    assert result.exit_code == 1 and "which this software does not know" in result.output
    assert not (tmp_path / "restored.db").exists()


def test_restore_refuses_an_instance_in_use_and_keys_that_differ(source, make_app, tmp_path):
    app = source[0]
    archive = tmp_path / "backup.tar.zst"
    assert app.test_cli_runner().invoke(args=["backup", "create", str(archive)]).exit_code == 0
    assert check_archive(archive).ok and archive.read_bytes()[:4] == b"\x28\xb5\x2f\xfd"  # zstd, by its name

    result = app.test_cli_runner().invoke(args=["backup", "restore", str(archive)])  # the instance it came from
    assert result.exit_code == 1 and "this instance is not empty" in result.output
    assert "row(s) of reports" in result.output

    url = f"sqlite:///{tmp_path / 'restored.db'}"
    other_keys = _target(make_app, tmp_path, url, AUDIT_KEY="another-audit-key", PASSPHRASE_KEY="another-key")
    result = other_keys.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
    assert result.exit_code == 1 and "NOT AUTHENTIC" in result.output  # signed with a key this instance lacks
    assert "its manifest names another AUDIT_KEY" in result.output
    result = other_keys.test_cli_runner().invoke(args=["backup", "restore", "--unsigned-ok", str(archive)])
    assert result.exit_code == 1 and "the keys do not match" in result.output
    assert "PASSPHRASE_KEY: this instance's key is not the one" in result.output
    assert dump.in_use(url) == {}  # nothing was touched


def test_a_backup_with_keys_restores_an_instance_that_has_none(source, make_app, tmp_path, csrf_token):
    app, code, passphrase = source
    archive = tmp_path / "backup.tar.gz"
    created = app.test_cli_runner().invoke(args=["backup", "create", "--with-keys", str(archive)])
    assert created.exit_code == 0 and "this backup holds the keys" in created.output
    target = _target(make_app, tmp_path, f"sqlite:///{tmp_path / 'restored.db'}", AUDIT_KEY="", PASSPHRASE_KEY="")
    refused = target.test_cli_runner().invoke(args=["backup", "restore", str(archive)])  # no key to check it with
    assert refused.exit_code == 1 and "give this instance the AUDIT_KEY" in refused.output, refused.output
    assert not (tmp_path / "restored.db").exists()
    restored = target.test_cli_runner().invoke(args=["backup", "restore", "--unsigned-ok", str(archive)])
    assert restored.exit_code == 0 and "audit trail intact" in restored.output, restored.output
    assert "SIGNATURE NOT CHECKED" in restored.output
    instance = Path(target.config["INSTANCE_PATH"])
    assert (instance / "passphrase_key").read_text() == TEST_AUDIT_KEY
    assert oct((instance / "audit_key").stat().st_mode & 0o777) == "0o600"
    page = look_up(target.test_client(), csrf_token, code, passphrase)
    assert page.status_code == 200 and code in page.get_data(as_text=True)


def test_the_nightly_backup_keeps_the_newest_ones(source, tmp_path):
    app = source[0]
    app.config.update(BACKUP_DIR=str(tmp_path / "backups"), BACKUP_KEEP=2)
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in ("20260101", "20260102", "20260103"):
        (folder / f"backup-{day}T021500Z.tar.gz").write_bytes(b"old")
    (folder / "operator-copy.tar.gz").write_bytes(b"not ours")
    with app.app_context():
        result = back_up_instance()
    assert result["removed"] == 2 and result["missing_files"] == 0
    kept = kept_backups(folder)
    assert [p.name for p in kept][0] == "backup-20260103T021500Z.tar.gz" and len(kept) == 2
    assert check_archive(kept[-1]).ok and (folder / "operator-copy.tar.gz").exists()


def test_the_cron_takes_a_backup_every_night(app):
    scheduler = cron.build_scheduler(app.config, Redis.from_url(app.config["REDIS_URL"]))
    nightly = [job for job in scheduler.get_jobs() if job.func_name == "triage.backup.jobs.back_up_instance"]
    assert [(job.cron, job.queue_name) for job in nightly] == [("45 2 * * *", app.config["JOBS_QUEUE"])]


@pytest.mark.parametrize("fresh_database", _restore_targets(), indirect=True)
def test_force_replaces_an_instance_that_holds_reports(source, fresh_database, make_app, tmp_path):
    app = source[0]
    archive = tmp_path / "backup.tar.gz"
    assert app.test_cli_runner().invoke(args=["backup", "create", str(archive)]).exit_code == 0
    target = _target(make_app, tmp_path, fresh_database)
    assert target.test_cli_runner().invoke(args=["backup", "restore", str(archive)]).exit_code == 0
    with target.app_context():
        submit_report(db.session, text=TEXT, kind="phan-anh")  # the restored instance goes on receiving reports
        db.session.commit()
        db.session.remove()
    refused = target.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
    assert refused.exit_code == 1 and "this instance is not empty" in refused.output
    forced = target.test_cli_runner().invoke(args=["backup", "restore", "--force", str(archive)])
    assert forced.exit_code == 0 and "audit trail intact" in forced.output, forced.output
    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    assert _tables(fresh_database, tmp_path, "after") == _tables(source_url, tmp_path, "before")


ALTERED = "Người dân tự nguyện biếu cán bộ, không ai đòi tiền."


def _repacked(archive: Path, out: Path, edit_manifest, parts: dict[str, bytes] | None = None) -> None:
    """The archive packed again with the parts of `parts` replaced and its manifest changed by `edit_manifest`."""
    parts = parts or {}

    def change(name, data):
        if name != MANIFEST:
            return parts.get(name, data)
        manifest = json.loads(data)
        edit_manifest(manifest)
        return json.dumps(manifest).encode()

    _rewrite(archive, out, change)


def _forged(archive: Path, out: Path) -> None:
    """The probe's attack, by someone who can write to the backup store but has no AUDIT_KEY: a report's text changed
    in database/reports.jsonl, that part's SHA-256 and size fixed in the manifest, the archive packed again."""
    name = "database/reports.jsonl"
    with tarfile.open(archive) as tar:
        rows = tar.extractfile(name).read()
    edited = rows.replace(TEXT.encode(), ALTERED.encode())
    assert edited != rows

    def fix_the_digest(manifest):
        part = next(p for p in manifest["parts"] if p["path"] == name)
        part.update(size=len(edited), sha256=hashlib.sha256(edited).hexdigest())

    _repacked(archive, out, fix_the_digest, {name: edited})


def _unsigned(archive: Path, out: Path) -> None:
    """The archive as a release before signed manifests wrote it: the same, without the signature."""
    _repacked(archive, out, lambda manifest: manifest.pop("signature"))


def _altered_backup(app, tmp_path: Path, alter) -> Path:
    """A backup of `app`, then `alter(archive, out)` of it."""
    archive, out = tmp_path / "backup.tar", tmp_path / "altered.tar"
    assert app.test_cli_runner().invoke(args=["backup", "create", str(archive)]).exit_code == 0
    alter(archive, out)
    return out


def test_a_part_changed_with_its_manifest_line_is_refused_by_the_signature(source, make_app, tmp_path):
    app = source[0]
    forged = _altered_backup(app, tmp_path, _forged)
    assert check_archive(forged).ok  # every digest matches: only the signature tells

    result = app.test_cli_runner().invoke(args=["backup", "verify", str(forged)])
    assert result.exit_code == 1 and "NOT AUTHENTIC" in result.output, result.output
    assert "signature does not match this instance's AUDIT_KEY" in result.output
    assert "another AUDIT_KEY" not in result.output  # same key: the archive was changed
    target = _target(make_app, tmp_path, f"sqlite:///{tmp_path / 'restored.db'}")
    result = target.test_cli_runner().invoke(args=["backup", "restore", str(forged)])
    assert result.exit_code == 1 and "NOT AUTHENTIC" in result.output, result.output
    assert not (tmp_path / "restored.db").exists()
    with app.app_context():  # the library refuses it as well, whoever calls it
        with pytest.raises(RestoreRefused, match="signature does not match"):
            restore_backup(target, forged)
    assert not (tmp_path / "restored.db").exists()

    keyless = make_app(AUDIT_KEY="", INSTANCE_PATH=str(tmp_path / "keyless"))  # a backup host without the key
    result = keyless.test_cli_runner().invoke(args=["backup", "verify", str(forged)])
    assert result.exit_code == 0 and "this proves integrity" in result.output and "not authenticity" in result.output


def test_an_unsigned_archive_is_refused_unless_unsigned_ok(source, make_app, tmp_path):
    app = source[0]
    unsigned = _altered_backup(app, tmp_path, _unsigned)

    result = app.test_cli_runner().invoke(args=["backup", "verify", str(unsigned)])
    assert result.exit_code == 1 and "the manifest is not signed" in result.output, result.output
    result = app.test_cli_runner().invoke(args=["backup", "verify", "--unsigned-ok", str(unsigned)])
    assert result.exit_code == 0 and "backup intact" in result.output
    assert "SIGNATURE NOT CHECKED (--unsigned-ok): the manifest is not signed" in result.output

    url = f"sqlite:///{tmp_path / 'restored.db'}"
    target = _target(make_app, tmp_path, url)
    result = target.test_cli_runner().invoke(args=["backup", "restore", str(unsigned)])
    assert result.exit_code == 1 and "the manifest is not signed" in result.output
    assert not (tmp_path / "restored.db").exists()
    result = target.test_cli_runner().invoke(args=["backup", "restore", "--unsigned-ok", str(unsigned)])
    assert result.exit_code == 0 and "audit trail intact" in result.output, result.output
    assert "SIGNATURE NOT CHECKED" in result.output
    assert _tables(url, tmp_path, "after") == _tables(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, "before")
