"""The citizen follows a report with code + passphrase and sees the public timeline only."""

import re

from core.extensions import db
from core.models import Report
from tests_support import look_up
from triage.routing.jobs import route_report

_lookup = look_up


def test_wrong_passphrase_or_code_tells_nothing(client, csrf_token, make_report):
    receipt = make_report()
    for code, passphrase in [(receipt.tracking_code, "AAAA-AAAA-AAAA"), ("TH-AAAA-AAAA", receipt.passphrase)]:
        response = _lookup(client, csrf_token, code, passphrase)
        assert response.status_code == 403
        page = response.get_data(as_text=True)
        assert "Mã theo dõi hoặc mật mã tra cứu không đúng" in page
        assert "Diễn biến" not in page


def test_code_typed_loosely_is_accepted(client, csrf_token, make_report):
    receipt = make_report()
    loose = receipt.tracking_code.lower().replace("-", " ")
    response = _lookup(client, csrf_token, loose, receipt.passphrase.lower().replace("-", ""))
    assert response.status_code == 200
    assert receipt.tracking_code in response.get_data(as_text=True)


def test_routed_report_shows_body_and_deadline_but_nothing_internal(app, client, csrf_token, make_report):
    text = (
        "Chị cán bộ địa chính phường Quảng Phú hẹn lần hẹn lữa, gần hai tháng chưa trả kết quả hồ sơ, "
        "lần nào lên cũng bảo chờ thêm."
    )
    receipt = make_report(text=text, ward_code="16522")
    with app.app_context():
        assert route_report(receipt.report_id) in ("routed", "needs-triage")
        report = db.session.get(Report, receipt.report_id)
        category, confidence = report.category, report.confidence
        due = report.clocks[0].due_on.strftime("%d/%m/%Y")
    response = _lookup(client, csrf_token, receipt.tracking_code, receipt.passphrase)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Đã tiếp nhận đơn" in page
    assert due in page
    assert category not in page  # labels are internal
    assert f"{confidence:.2f}" not in page
    assert "model" not in page.lower()
    titles = re.findall(r"<strong>([^<]+)</strong>", page)
    assert any(t.startswith("Đã chuyển đến") or t.startswith("Đang được cán bộ phân loại") for t in titles)
