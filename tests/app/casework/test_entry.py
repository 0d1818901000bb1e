"""/can-bo/nhap-don: staff enter a đơn received on paper, at the desk or by phone, through the real form with CSRF."""

import io
import re
from datetime import date, timedelta

import pytest
from PIL import Image
from rq import Queue, SimpleWorker
from sqlalchemy import func, select

from core.extensions import db
from core.models import Report
from core.vietnamese import format_date, legal_date, today_in_vietnam
from core.vocabulary import Channel, EventKind, RoutingReason, Status
from tests_support import look_up
from triage.casework.evidence_jobs import clean_attachment

PAPER_TEXT = (
    "Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ tách thửa của tôi ba tháng chưa trả kết quả."
)
HEAD_TEXT = "Ông chủ tịch UBND phường Quảng Phú đòi 20 triệu mới ký hồ sơ xây nhà, tôi tố cáo ông chủ tịch phường."
HOTLINE_TEXT = "Người gọi cho biết cán bộ một cửa UBND phường Quảng Phú đòi 500 nghìn mới nhận hồ sơ khai sinh cho con."


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 10, 10)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def desk(app, make_user, login_as):
    """The reception (triage) officer, the inspector of phường Quảng Phú (16522), each signed in on a client."""
    make_user("tiepdan", role="triage", name="Nguyễn Thị Tiếp")
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    clients = {}
    for name in ("tiepdan", "cb.quangphu"):
        login_as(clients.setdefault(name, app.test_client()), name)
    return clients


def _blank(client, csrf_token) -> dict:
    """What a blank entry form carries: its CSRF token and its one-time token."""
    page = client.get("/can-bo/nhap-don")
    once = re.search(r'name="once" type="hidden" value="([^"]+)"', page.get_data(as_text=True))
    return {"csrf_token": csrf_token(page), "once": once.group(1) if once else ""}  # none: the page is refused


def _enter(client, csrf_token, files=(), blank=None, **fields):
    data = {
        **(blank or _blank(client, csrf_token)),
        "channel": "paper",
        "received_on": today_in_vietnam().isoformat(),
        "text": PAPER_TEXT,
        "kind": "phan-anh",
        "ward": "16522",
        "notify_reporter": "y",
        **fields,
        "scans": [(io.BytesIO(content), name) for name, content in files],
    }
    return client.post("/can-bo/nhap-don", data=data, content_type="multipart/form-data")


def _stored(app) -> tuple[int, int]:
    """Reports in the database, files in the attachments directory."""
    with app.app_context():
        reports = db.session.scalar(select(func.count(Report.id)))
    root = app.config["ATTACHMENTS_DIR"]
    from pathlib import Path

    return reports, sum(1 for p in Path(root).rglob("*") if p.is_file()) if Path(root).exists() else 0


def test_paper_don_with_its_scan_entered_eight_working_days_late(app, desk, csrf_token, make_user, login_as):
    with app.app_context():
        calendar = app.extensions["services"].calendar
        received_on = calendar.add_working_days(today_in_vietnam(), -8)
        # Eight working days before today; entered today, that is 8 late on a working day, 7 on a weekend (today
        # itself does not count then).
        late = calendar.working_days_between(received_on, today_in_vietnam())
    assert late in (7, 8)
    response = _enter(
        desk["tiepdan"],
        csrf_token,
        files=[("don-giay.jpg", _jpeg())],
        received_on=received_on.isoformat(),
        reporter_name="Lê Văn Dân",
        reporter_address="Thôn 3, phường Quảng Phú",
        reporter_phone="0912 345 678",
        kind="khieu-nai",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 201, page
    assert response.headers["Cache-Control"] == "no-store"
    code = re.search(r'id="tracking-code">([^<]+)<', page).group(1)
    passphrase = re.search(r'id="passphrase">([^<]+)<', page).group(1)
    assert f"Nhập muộn {late} ngày làm việc" in page and format_date(received_on) in page
    assert "Đơn giấy, qua bưu điện" in page and "/tra-cuu" in page
    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert passphrase not in (report.passphrase_hash or "")
        assert report.channel == Channel.PAPER and legal_date(report.received_at) == received_on
        assert report.entered_by.username == "tiepdan" and report.entered_at is not None
        assert report.reporter_phone == "0912345678" and report.track == "khieu-nai" and report.notify_reporter
        assert [a.display_name for a in report.attachments] == ["don-giay.jpg"]
        assert report.attachments[0].clean_state == "pending" and not report.attachments[0].has_clean_copy
        scan_id = report.attachments[0].id
        received = next(e for e in report.events if e.kind == EventKind.RECEIVED)
        assert legal_date(received.at) == received_on and legal_date(report.entered_at) == today_in_vietnam()
        notes = [e.data for e in report.events if e.kind == EventKind.NOTE]
        assert notes[0]["entered_late_working_days"] == late
        report_id = report.id
    # not ticked: the routing worker places it, as it places a đơn from the web form
    with app.app_context():
        queue = Queue(app.config["ROUTING_QUEUE"], connection=app.extensions["redis"])
        assert queue.job_ids == [f"route-{report_id}"]
        SimpleWorker([queue], connection=app.extensions["redis"]).work(burst=True)
        report = db.session.get(Report, report_id)
        assert report.status in (Status.ROUTED, Status.NEEDS_TRIAGE)
        acceptance = report.clock("acceptance")
        assert acceptance.starts_on == received_on
        assert acceptance.due_on == calendar.add_working_days(received_on, acceptance.amount)
        assert clean_attachment(scan_id) == "clean"  # the scan's clean copy, made by its job
        assert db.session.get(Report, report_id).attachments[0].has_clean_copy
    status = look_up(app.test_client(), csrf_token, code, passphrase)
    assert status.status_code == 200 and code in status.get_data(as_text=True)
    make_user("giamsat", role="supervisor")
    login_as(supervisor := app.test_client(), "giamsat")
    case = supervisor.get(f"/can-bo/bao-cao/{report_id}").get_data(as_text=True)
    assert f"Nhập muộn {late} ngày làm việc" in case and "Nguyễn Thị Tiếp" in case and "Đơn giấy, qua bưu điện" in case


def test_hotline_call_given_straight_to_the_officers_unit(app, desk, csrf_token):
    response = _enter(
        desk["cb.quangphu"], csrf_token, channel="hotline", text=HOTLINE_TEXT, kind="to-cao", own_unit="y"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 201, page
    assert "trình tự <strong>phản ánh, kiến nghị</strong>" in page  # anonymous tố cáo: the feedback track
    assert "Nhập muộn" not in page and "Phường Quảng Phú" in page
    with app.app_context():
        report = db.session.scalar(select(Report))
        assert report.status == Status.ROUTED and report.unit.ward_code == "16522" and report.track == "phan-anh"
        assert report.channel == Channel.HOTLINE and report.entered_by.username == "cb.quangphu"
        assert report.clock("acceptance").starts_on == today_in_vietnam()
        routed = [e for e in report.events if e.kind == EventKind.STATUS][-1]
        assert routed.data["reason"] == RoutingReason.DESK and routed.actor_id == report.entered_by_id
        assert Queue(app.config["ROUTING_QUEUE"], connection=app.extensions["redis"]).job_ids == []
    case = desk["cb.quangphu"].get(f"/can-bo/bao-cao/{report.id}").get_data(as_text=True)
    assert 'id="entry-channel">Đường dây nóng<' in case and "Nhập muộn" not in case


def test_refusals_store_nothing(app, desk, csrf_token):
    today = today_in_vietnam()
    year_back = today - timedelta(days=400)
    cases = [
        ({"received_on": (today + timedelta(days=1)).isoformat()}, (), "ở sau hôm nay"),
        ({"received_on": "2025-06-30"}, (), "trước ngày 01/07/2025"),
        ({"received_on": "hôm qua"}, (), "Ngày chưa đúng"),
        ({"reporter_phone": "12345"}, (), "Số điện thoại chưa đúng"),
        ({"text": "   "}, (), "Xin nhập nội dung đơn"),
        ({}, [("don.jpg", _jpeg()), ("ghi-chu.txt", b"khong phai anh hay pdf, chi la chu")], "ghi-chu.txt"),
        ({}, [("cuoc-goi.mp3", (b"\xff\xfb\x90\x64" + bytes(413)) * 12)], "chỉ nhận bản quét"),
        ({"text": HEAD_TEXT, "kind": "to-cao", "own_unit": "y"}, (), "không được chuyển cho chính cơ quan bị phản ánh"),
    ]
    if year_back >= date(2025, 7, 1):
        cases.append(({"received_on": year_back.isoformat()}, (), "hơn một năm trước"))
    for fields, files, message in cases:
        response = _enter(desk["cb.quangphu"], csrf_token, files=files, **fields)
        page = response.get_data(as_text=True)
        assert response.status_code in (400, 409) and message in page, (fields, response.status_code)
        assert _stored(app) == (0, 0), fields
    # a stale session: the form comes back with the text typed, nothing stored
    stale = _enter(desk["cb.quangphu"], lambda _page: "stale-token")
    assert stale.status_code == 400 and "Phiên làm việc đã hết hạn" in stale.get_data(as_text=True)
    assert PAPER_TEXT in stale.get_data(as_text=True) and _stored(app) == (0, 0)
    # the reception officer has no unit: "straight to my unit" is refused with the reason
    response = _enter(desk["tiepdan"], csrf_token, own_unit="y")
    assert response.status_code == 409 and "không thuộc đơn vị nào" in response.get_data(as_text=True)
    assert _stored(app) == (0, 0)


def test_who_may_enter(app, desk, make_user, login_as, csrf_token):
    make_user("giamsat", role="supervisor")
    supervisor = app.test_client()
    login_as(supervisor, "giamsat")
    assert supervisor.get("/can-bo/nhap-don").status_code == 404
    assert "Nhập đơn" not in supervisor.get("/can-bo/").get_data(as_text=True)
    assert _enter(supervisor, lambda _page: csrf_token(supervisor.get("/"))).status_code == 404
    anonymous = app.test_client()
    response = _enter(anonymous, lambda _page: csrf_token(anonymous.get("/")))
    assert response.status_code == 302 and "/can-bo/dang-nhap" in response.headers["Location"]
    assert 'href="/can-bo/nhap-don"' in desk["tiepdan"].get("/can-bo/").get_data(as_text=True)
    assert _stored(app) == (0, 0)


def test_the_same_form_sent_twice_stores_one_don(app, desk, csrf_token):
    """A double click or a reload of the receipt page sends the same form again: one đơn, and the desk is told."""
    clerk = desk["tiepdan"]
    before = _stored(app)[0]
    blank = _blank(clerk, csrf_token)
    assert _enter(clerk, csrf_token, blank=blank).status_code == 201
    again = _enter(clerk, csrf_token, blank=blank)
    assert again.status_code == 409 and "không lưu thêm một bản nữa" in again.get_data(as_text=True)
    assert _stored(app)[0] == before + 1
    assert _enter(clerk, csrf_token).status_code == 201  # a new blank form is a new đơn
