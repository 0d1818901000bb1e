"""The whole case in a real browser: citizen files → inspector accepts with "6 rõ" in one step → asks → citizen
answers → inspector submits the draft result → the unit's leader approves it → citizen sees the answer.
Screenshots for the README: `make screenshots`."""

import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from core.extensions import db
from core.models import Document, Report
from tests_support import PASSWORD

TEXT = (
    "Tôi lên bộ phận một cửa UBND xã Ngọc Lặc làm thủ tục chứng thực hợp đồng, cán bộ bảo phải nộp thêm "
    "giấy xác nhận tình trạng hôn nhân dù thủ tục không yêu cầu, bắt đi lại ba lần."
)
ANSWER = "UBND xã đã chấn chỉnh bộ phận một cửa; hồ sơ của ông/bà được nhận ngay."


def shot(page, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def phone(browser):
    """A citizen's phone."""
    return browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="vi-VN").new_page()


def status_page(page, base: str, code: str, passphrase: str) -> None:
    """The citizen follows the đơn on the status page."""
    page.goto(base + "/tra-cuu")
    page.fill("input[name=code]", code)
    page.fill("input[name=passphrase]", passphrase)
    page.click("button[type=submit]")


def sign_in(browser, base: str, username: str):
    """A staff member's desk: a new browser context, signed in through the real form."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    page.goto(base + "/can-bo/dang-nhap")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    assert "/can-bo/dang-nhap" not in page.url, f"sign-in of {username} refused"
    return page


def wait_in_queue(page, base: str, code: str, timeout: float = 30) -> None:
    """Reload the queue until the đơn is there (the worker routes it)."""
    deadline = time.monotonic() + timeout
    page.goto(base + "/can-bo/")
    while page.locator(f"a.tracking:text-is('{code}')").count() == 0 and time.monotonic() < deadline:
        time.sleep(0.5)
        page.goto(base + "/can-bo/")
    assert page.locator(f"a.tracking:text-is('{code}')").count() == 1, f"{code} is not in the queue"


def open_case(page, base: str, code: str, timeout: float = 30) -> None:
    """The case file of the đơn, opened from the queue once it is there."""
    wait_in_queue(page, base, code, timeout)
    page.click(f"a.tracking:text-is('{code}')")


def report_by_code(app, code: str) -> Report:
    """The đơn as the database holds it now, with its clocks and events (detached)."""
    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        _ = report.clocks, report.events
        db.session.expunge(report)
        return report


def test_a_case_from_filing_to_outcome(browser, live_service, screenshots, make_user):
    base, app = live_service["base"], live_service["app"]
    make_user("cb.ngoclac", unit="15061", name="Nguyễn Thị Hoa")
    make_user("ld.ngoclac", role="leader", unit="15061", name="Lê Văn Lãnh")

    citizen = phone(browser)
    citizen.goto(base + "/")
    citizen.fill("textarea[name=text]", TEXT)
    citizen.select_option("#ward", "15061")
    shot(citizen, screenshots, "1-citizen-form")
    citizen.click("button[type=submit]")
    code, passphrase = citizen.text_content("#tracking-code"), citizen.text_content("#passphrase")
    shot(citizen, screenshots, "2-citizen-receipt")

    staff = sign_in(browser, base, "cb.ngoclac")
    wait_in_queue(staff, base, code)
    shot(staff, screenshots, "3-inspector-queue")
    staff.click(f"a.tracking:text-is('{code}')")
    case_url = staff.url

    # "6 rõ" typed and "Thụ lý" pressed at once, without "Lưu": what was typed is saved with the acceptance.
    assert staff.text_content("#case-status") == "Đã chuyển đến đơn vị xử lý"
    staff.select_option("#six-assignee", label="Nguyễn Thị Hoa")
    staff.fill("#six-task", "Làm việc với bộ phận một cửa, kiểm tra yêu cầu giấy tờ")
    staff.fill("#six-authority", "Nghị định 20/2008/NĐ-CP")
    due = (date.today() + timedelta(days=28)).isoformat()
    staff.fill("#six-due_on", due)
    staff.click("#six-clear button:text-is('Thụ lý')")
    assert "Đã thụ lý đơn." in staff.text_content("main")
    assert staff.text_content("#case-status") == "Đã thụ lý"
    report = report_by_code(app, code)
    assert report.status == "accepted" and report.assignee_id is not None
    assert report.sixclear_task == "Làm việc với bộ phận một cửa, kiểm tra yêu cầu giấy tờ"
    assert report.sixclear_authority == "Nghị định 20/2008/NĐ-CP"
    assert report.sixclear_due_on.isoformat() == due
    assert staff.input_value("#six-task") == "Làm việc với bộ phận một cửa, kiểm tra yêu cầu giấy tờ"
    assert "Cán bộ xử lý: Nguyễn Thị Hoa" in staff.text_content("main")
    shot(staff, screenshots, "4-inspector-case-accepted")

    staff.click("#step-ask summary")
    staff.fill("#ask-text", "Xin cho biết ngày giờ và tên cán bộ đã yêu cầu giấy xác nhận.")
    staff.click("#step-ask button[type=submit]")
    assert "tạm dừng" in staff.text_content("main")

    status_page(citizen, base, code, passphrase)
    assert "Xin cho biết ngày giờ" in citizen.text_content("#question")
    citizen.fill("textarea[name=answer]", "Sáng thứ Hai 23/11, chị cán bộ ngồi bàn số 2.")
    shot(citizen, screenshots, "5-citizen-answers")
    citizen.click("button:text-is('Gửi trả lời')")
    assert "Đã gửi câu trả lời" in citizen.text_content("main")

    staff.reload()
    deadline = time.monotonic() + 30
    while "tạm dừng chờ người phản ánh" in staff.text_content("main") and time.monotonic() < deadline:
        time.sleep(0.5)  # the worker resumes the clocks
        staff.reload()
    assert "tạm dừng chờ người phản ánh" not in staff.text_content("main")
    assert "Sáng thứ Hai 23/11" in staff.text_content("#events")

    # The inspector drafts the result; it reaches the citizen only once the unit's leader approves it.
    assert staff.get_attribute("#step-submit", "open") is not None
    staff.select_option("#kq-outcome", "substantiated")
    staff.fill("#kq-findings", "Bộ phận một cửa yêu cầu giấy xác nhận tình trạng hôn nhân không có trong thủ tục.")
    staff.fill("#kq-response", ANSWER)
    staff.click("#step-submit button:text-is('Trình lãnh đạo duyệt')")
    assert "Đã trình lãnh đạo duyệt kết quả." in staff.text_content("main")
    assert staff.text_content("#case-status") == "Đang chờ lãnh đạo duyệt kết quả"
    assert ANSWER in staff.text_content("#draft")
    assert staff.locator("#step-approve").count() == 0  # an inspector cannot approve
    shot(staff, screenshots, "6-inspector-submitted")

    status_page(citizen, base, code, passphrase)
    assert citizen.text_content("#status") == "Đang chờ lãnh đạo duyệt kết quả"
    assert citizen.locator("#response").count() == 0 and ANSWER not in citizen.text_content("main")

    leader = sign_in(browser, base, "ld.ngoclac")
    leader.goto(case_url)
    assert ANSWER in leader.text_content("#draft")
    shot(leader, screenshots, "6-leader-approves")
    leader.check("#duyet-confirm")
    leader.click("#step-approve button[type=submit]")
    assert "Đã duyệt kết quả; văn bản trả lời đã gửi người gửi đơn." in leader.text_content("main")
    assert leader.text_content("#case-status") == "Đã có kết quả giải quyết"
    assert "Lãnh đạo duyệt: Lê Văn Lãnh" in leader.text_content("#answer")
    with app.app_context():
        (answer,) = db.session.scalars(select(Document).where(Document.report_id == report.id))
    assert answer.kind == "van-ban-tra-loi" and answer.public
    assert answer.reference in leader.text_content("#documents")

    staff.goto(case_url)
    assert staff.text_content("#case-status") == "Đã có kết quả giải quyết"
    assert ANSWER in staff.text_content("#answer")
    shot(staff, screenshots, "6-inspector-resolved")

    status_page(citizen, base, code, passphrase)
    assert ANSWER in citizen.text_content("#response")
    assert citizen.text_content("#outcome") == "Nội dung phản ánh là đúng"
    assert answer.reference in citizen.text_content("#van-ban")
    shot(citizen, screenshots, "7-citizen-outcome")
