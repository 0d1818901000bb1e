"""The unit's mail clerk enters a paper đơn in a real browser: the commune found by its old name, the received date
typed the Vietnamese way, the scan attached, given straight to the unit; the receipt prints without the staff
menus; the case file says how it came in and how late; the reporter follows it with the passphrase printed."""

import pytest
from PIL import Image
from sqlalchemy import select
from test_workspace_browser import open_case, phone, shot, sign_in, status_page

from core.extensions import db
from core.models import Report
from core.vietnamese import today_in_vietnam

# The form's server side runs on both backends in tests/app/casework/test_entry.py.
pytestmark = pytest.mark.one_backend

TEXT = (
    "Kính gửi UBND phường. Cán bộ địa chính phường hẹn tôi lần hẹn lữa, hồ sơ tách thửa nộp từ tháng 8 đến nay "
    "chưa trả kết quả, không có giấy hẹn mới."
)


def test_a_paper_don_entered_at_the_units_desk(browser, live_service, screenshots, make_user, tmp_path):
    base, app = live_service["base"], live_service["app"]
    make_user("vanthu.quangphu", unit="16522", name="Phạm Thị Văn")
    with app.app_context():
        calendar = app.extensions["services"].calendar
        received_on = calendar.add_working_days(today_in_vietnam(), -3)
        late = calendar.working_days_between(received_on, today_in_vietnam())  # 3, or 2 on a weekend
    scan = tmp_path / "don-giay.png"
    Image.new("RGB", (40, 60), (250, 250, 240)).save(scan)

    desk = sign_in(browser, base, "vanthu.quangphu")
    desk.click("text=Nhập đơn")
    desk.check("input[name=channel][value=paper]")
    desk.fill("input[name=received_on]", received_on.isoformat())
    desk.fill("textarea[name=text]", TEXT)
    desk.locator("#ward-search").press_sequentially("quang thanh")  # the old ward the letter names
    desk.wait_for_selector("#ward-search-option-0")  # offered, with the old name
    assert "trước đây: phường Quảng Thành" in desk.text_content("#ward-search-option-0")
    desk.locator("#ward-search").press("Enter")
    assert desk.input_value("#ward") == "16522"
    desk.fill("input[name=reporter_name]", "Lê Văn Dân")
    desk.fill("input[name=reporter_phone]", "0912345678")
    desk.set_input_files("input[name=scans]", str(scan))
    desk.check("input[name=own_unit]")
    shot(desk, screenshots, "entry-form")
    desk.click("#entry-form button[type=submit]")

    code = desk.text_content("#tracking-code").strip()
    passphrase = desk.text_content("#passphrase").strip()
    assert f"Nhập muộn {late} ngày làm việc" in desk.text_content("#entered-late")
    assert desk.text_content("#unit").strip() == "UBND Phường Quảng Phú"
    assert desk.is_visible("[data-print]")  # the Print button, shown by app.js
    desk.emulate_media(media="print")
    assert desk.is_hidden("header.top") and desk.is_hidden("[data-print]") and desk.is_visible("#tracking-code")
    shot(desk, screenshots, "entry-receipt-print")
    desk.emulate_media(media="screen")

    open_case(desk, base, code)
    assert desk.text_content("#entry-channel") == "Đơn giấy, qua bưu điện"
    assert "Phạm Thị Văn" in desk.text_content("#entered-by")
    assert desk.text_content("#entered-late") == f"Nhập muộn {late} ngày làm việc"
    shot(desk, screenshots, "entry-case")
    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert [a.display_name for a in report.attachments] == ["don-giay.png"]
        assert report.clock("acceptance").starts_on == received_on

    citizen = phone(browser)
    status_page(citizen, base, code, passphrase)
    assert code in citizen.content() and "Đã tiếp nhận đơn" in citizen.content()
