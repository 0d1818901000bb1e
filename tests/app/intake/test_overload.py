"""Under overload no report is stored that its citizen never got a receipt for: a POST that waited too long in front
of the service is answered busy at once with the text kept, and one whose browser gave up is not kept. A full
evidence disk refuses the file cleanly and keeps the report."""

import io
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from core.extensions import db
from core.models import Attachment, Report
from intake.busy import queued_seconds

TEXT = "Cán bộ một cửa UBND phường Quảng Phú đòi 500 nghìn đồng mới nhận hồ sơ khai sinh cho con tôi."


def jpeg(size=(64, 48), noise=False) -> bytes:
    """A photo; with noise, one that compresses badly (a large file)."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)) if noise else Image.new("RGB", size)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=95)
    return out.getvalue()


def _form(client, csrf_token, **extra):
    return {"csrf_token": csrf_token(client.get("/")), "text": TEXT, "kind": "phan-anh", "ward": "16522", **extra}


def _reports(app) -> int:
    with app.app_context():
        return db.session.query(Report).count()


@pytest.mark.parametrize(
    ("header", "waited"),
    [
        ("t=1700000000.250", 9.75),  # nginx ${msec}
        ("1700000000250", 9.75),  # milliseconds
        ("t=1700000000250000", 9.75),  # microseconds
        ("t=1700000020.000", 0.0),  # a proxy clock a little ahead: no wait, never negative
        ("t=12", None),  # not a time of the last day
        ("soon", None),
        (None, None),
    ],
)
def test_the_proxy_stamp_is_read_in_each_convention(header, waited):
    assert queued_seconds(header, 1700000010.0) == waited


def test_a_post_that_waited_too_long_is_answered_busy_with_the_text_kept(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, TRUSTED_PROXY_HOPS=1, REQUEST_QUEUE_TIMEOUT_SECONDS=20)
    client = app.test_client()
    stale = {"X-Request-Start": f"t={time.time() - 45:.3f}", "X-Forwarded-For": "203.0.113.7"}
    response = client.post("/", data=_form(client, csrf_token), headers=stale)
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "quá tải" in page and "chưa có gì được lưu" in page
    assert "đòi 500 nghìn đồng mới nhận hồ sơ khai sinh" in page  # the citizen's text is in the form again
    assert _reports(app) == 0

    fresh = {"X-Request-Start": f"t={time.time() - 1:.3f}", "X-Forwarded-For": "203.0.113.7"}
    assert client.post("/", data=_form(client, csrf_token), headers=fresh).status_code == 201
    assert _reports(app) == 1


def test_the_stamp_counts_only_behind_a_trusted_proxy(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, TRUSTED_PROXY_HOPS=0, REQUEST_QUEUE_TIMEOUT_SECONDS=20)
    client = app.test_client()
    forged = {"X-Request-Start": f"t={time.time() - 3600:.3f}"}
    assert client.post("/", data=_form(client, csrf_token), headers=forged).status_code == 201
    assert _reports(app) == 1


def test_a_report_whose_browser_gave_up_is_not_kept(app, client, csrf_token):
    server_side, browser = socket.socketpair()
    browser.close()  # the citizen's browser timed out and closed the connection
    try:
        data = _form(client, csrf_token, attachments=[(io.BytesIO(jpeg()), "giay-hen.jpg")])
        response = client.post(
            "/", data=data, content_type="multipart/form-data", environ_base={"gunicorn.socket": server_side}
        )
    finally:
        server_side.close()
    assert response.status_code == 503
    assert _reports(app) == 0
    with app.app_context():
        assert db.session.query(Attachment).count() == 0
    stored = [p for p in Path(app.config["ATTACHMENTS_DIR"]).rglob("*") if p.is_file()]
    assert stored == []  # its evidence file went with it

    server_side, browser = socket.socketpair()  # a browser still waiting for the answer
    try:
        response = client.post("/", data=_form(client, csrf_token), environ_base={"gunicorn.socket": server_side})
    finally:
        server_side.close()
        browser.close()
    assert response.status_code == 201
    assert _reports(app) == 1


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KB file system for the evidence files (tmpfs; needs the right to mount, which CI has)."""
    where = tmp_path / "full-disk"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"cannot mount a small tmpfs under CI: {mounted.stderr.decode().strip()}")
        pytest.skip(f"mounting a small tmpfs is not permitted here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_evidence_disk_refuses_the_file_and_keeps_the_report(make_app, csrf_token, small_disk):
    (small_disk / "filler").write_bytes(b"\0" * 200 * 1024)  # the disk is almost full
    app = make_app(WTF_CSRF_ENABLED=True, ATTACHMENTS_DIR=str(small_disk))
    client = app.test_client()
    photo = jpeg(size=(900, 700), noise=True)
    assert len(photo) > 64 * 1024  # more than the room left
    data = _form(client, csrf_token, attachments=[(io.BytesIO(photo), "anh-chup.jpg")])
    response = client.post("/", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 201  # the receipt: the report is kept
    assert "anh-chup.jpg" in page and "không lưu được tệp này" in page
    with app.app_context():
        report = db.session.query(Report).one()
        assert report.attachments == []
    assert sorted(p.name for p in small_disk.rglob("*") if p.is_file()) == ["filler"]  # no partial file left
