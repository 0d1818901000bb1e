"""A backup taken by the command line from a running service (gunicorn and an rq worker) while citizens keep filing
reports with photos over HTTP and the worker routes them: the archive is whole and consistent (every report with its
first event, every file its rows name), and it restores, by the command line too, into a fresh instance whose audit
chain verifies."""

import hashlib
import io
import json
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from urllib.request import Request

import pytest
from PIL import Image
from sqlalchemy import create_engine, func, select

from core.models import Report
from tests_support import Browser
from triage.backup.archive import check_archive, members

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Cán bộ một cửa UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ đất số {n} ba tháng chưa trả kết quả."


def _photo(n: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (n % 256, 80, 160)).save(out, format="PNG")
    return out.getvalue()


def _file_report(citizen: Browser, n: int) -> int:
    """The citizen's form posted over HTTP as a browser posts it: multipart, with a photo."""
    token = Browser.token(citizen.page("/"))
    boundary = uuid.uuid4().hex
    fields = {"csrf_token": token, "text": TEXT.format(n=n), "kind": "phan-anh", "ward": "16522"}
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()
    )
    body += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="anh-{n}.png"\r\n'
        "Content-Type: image/png\r\n\r\n"
    ).encode() + _photo(n)
    body += f"\r\n--{boundary}--\r\n".encode()
    request = Request(
        citizen.base + "/", data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    with citizen.opener.open(request, timeout=20) as response:
        return response.status


class Citizens(threading.Thread):
    """Files reports one after another until stopped; counts those accepted."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.citizen, self.filed, self.stopping = Browser(base), 0, threading.Event()
        self.progress = threading.Condition()

    def run(self) -> None:
        while not self.stopping.is_set() and self.filed < 400:
            assert _file_report(self.citizen, self.filed) == 201
            with self.progress:
                self.filed += 1
                self.progress.notify_all()
            self.stopping.wait(0.1)  # a steady trickle, not a load test

    def wait_for(self, count: int) -> None:
        with self.progress:
            assert self.progress.wait_for(lambda: self.filed >= count or not self.is_alive(), timeout=120)
        assert self.filed >= count, "the citizens stopped filing"


def _flask(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _table(archive: Path, manifest: dict, table: str) -> list[dict]:
    columns = manifest["database"]["tables"][table]["columns"]
    for info, stream in members(archive):
        if info.name == f"database/{table}.jsonl":
            return [dict(zip(columns, json.loads(line), strict=True)) for line in stream if line.strip()]
    raise AssertionError(f"no part for {table}")


@pytest.mark.service_env(SUBMIT_RATE_LIMIT="10000 per minute")
def test_a_backup_of_a_service_being_written_is_consistent_and_restores(live_service, tmp_path):
    env = live_service["env"]
    citizens = Citizens(live_service["base"])
    citizens.start()
    try:
        citizens.wait_for(3)
        archive = tmp_path / "live.tar.gz"
        created = _flask(env, "backup", "create", str(archive))
        assert created.returncode == 0, created.stderr
        citizens.wait_for(citizens.filed + 2)  # still filing after the backup: the backup stopped nobody
    finally:
        citizens.stopping.set()
        citizens.join(30)
    check = check_archive(archive)
    assert check.ok, check.problems
    manifest = check.manifest
    assert manifest["missing_files"] == []  # every evidence file the snapshot names is in the archive
    reports = {row["id"] for row in _table(archive, manifest, "reports")}
    assert len(reports) >= 3
    received = {row["report_id"] for row in _table(archive, manifest, "report_events") if row["kind"] == "received"}
    assert reports <= received  # no report without the event committed with it
    assert {row["report_id"] for row in _table(archive, manifest, "attachments")} <= reports

    fresh = tmp_path / "restored"
    restored_env = {
        **env,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.db'}",
        "INSTANCE_PATH": str(fresh),
        "ML_MODEL_DIR": str(fresh / "models"),
    }
    restored = _flask(restored_env, "backup", "restore", str(archive))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "audit trail intact" in restored.stdout  # the chain recomputed with the instance's AUDIT_KEY
    engine = create_engine(restored_env["DATABASE_URL"])
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Report)) == len(reports)
    engine.dispose()
    for row in _table(archive, manifest, "attachments"):  # files newer than the snapshot may come along, unnamed
        photo = fresh / "attachments" / row["storage_key"][:2] / f"{row['storage_key']}.orig"
        assert hashlib.sha256(photo.read_bytes()).hexdigest() == row["sha256"]
