"""The whole path over real HTTP: form with CSRF → database → rq worker → routed with deadlines → status page."""

import re
import time

from sqlalchemy import select

from core.extensions import db
from core.models import Report
from tests_support import Browser

TEXT = (
    "Tôi lên bộ phận một cửa UBND xã Ngọc Lặc làm thủ tục đăng ký khai sinh cho con, "
    "cán bộ đòi 500 nghìn tiền bồi dưỡng mới làm nhanh, không đưa thì hẹn tuần sau."
)


def test_report_goes_in_and_comes_out_routed(live_service):
    browser = Browser(live_service["base"])
    form = browser.page("/")
    status, page = browser.post("/", {"csrf_token": browser.token(form), "text": TEXT, "kind": "phan-anh"})
    assert status == 201, page
    code = re.search(r'id="tracking-code">([^<]+)<', page).group(1)
    passphrase = re.search(r'id="passphrase">([^<]+)<', page).group(1)

    app = live_service["app"]
    deadline = time.monotonic() + 30
    with app.app_context():
        while time.monotonic() < deadline:
            status = db.session.scalar(select(Report.status).where(Report.tracking_code == code))
            db.session.remove()  # end the read transaction: SQLite writers must not wait on us
            if status != "received":
                break
            time.sleep(0.2)
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert report.status == "routed", (live_service["logs"] / "worker.log").read_text()[-3000:]
        assert report.unit.ward_code == "15061"
        assert report.clocks and report.clocks[0].stage == "acceptance"
        due = report.clocks[0].due_on.strftime("%d/%m/%Y")
        db.session.remove()

    lookup = browser.page("/tra-cuu")
    status, page = browser.post(
        "/tra-cuu", {"csrf_token": browser.token(lookup), "code": code, "passphrase": passphrase}
    )
    assert status == 200
    assert "Đã chuyển đến cơ quan có thẩm quyền" in page
    assert "UBND Xã Ngọc Lặc" in page
    assert due in page


def test_form_without_csrf_token_is_refused_over_http(live_service):
    browser = Browser(live_service["base"])
    status, page = browser.post("/", {"text": TEXT, "kind": "phan-anh"})
    assert status == 400
    assert TEXT in page
