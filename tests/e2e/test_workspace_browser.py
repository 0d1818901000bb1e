"""The whole case in a real browser: citizen files → inspector accepts with "6 rõ" → asks → citizen answers →
inspector resolves → citizen sees the outcome. Screenshots for the README: `make screenshots`."""

import re
import time
from pathlib import Path

from tests_support import PASSWORD

TEXT = (
    "Tôi lên bộ phận một cửa UBND xã Ngọc Lặc làm thủ tục chứng thực hợp đồng, cán bộ bảo phải nộp thêm "
    "giấy xác nhận tình trạng hôn nhân dù thủ tục không yêu cầu, bắt đi lại ba lần."
)


def _shot(page, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def _status(page, base, code, passphrase):
    page.goto(base + "/tra-cuu")
    page.fill("input[name=code]", code)
    page.fill("input[name=passphrase]", passphrase)
    page.click("button[type=submit]")


def test_a_case_from_filing_to_outcome(browser, live_service, database_url, screenshots, make_user):
    base = live_service["base"]
    make_user("cb.ngoclac", unit="15061", name="Nguyễn Thị Hoa")

    citizen = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="vi-VN").new_page()
    citizen.goto(base + "/")
    citizen.fill("textarea[name=text]", TEXT)
    citizen.select_option("#ward", "15061")
    _shot(citizen, screenshots, "1-citizen-form")
    citizen.click("button[type=submit]")
    code, passphrase = citizen.text_content("#tracking-code"), citizen.text_content("#passphrase")
    _shot(citizen, screenshots, "2-citizen-receipt")

    staff = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    staff.goto(base + "/can-bo/dang-nhap")
    staff.fill("input[name=username]", "cb.ngoclac")
    staff.fill("input[name=password]", PASSWORD)
    staff.click("button[type=submit]")
    deadline = time.monotonic() + 30
    while code not in staff.content() and time.monotonic() < deadline:  # the worker routes it
        time.sleep(0.5)
        staff.goto(base + "/can-bo/")
    assert code in staff.content()
    _shot(staff, screenshots, "3-inspector-queue")
    staff.click(f"text={code}")

    staff.select_option("#six-assignee", label="Nguyễn Thị Hoa")
    staff.fill("#six-task", "Làm việc với bộ phận một cửa, kiểm tra yêu cầu giấy tờ")
    staff.fill("#six-authority", "Nghị định 20/2008/NĐ-CP")
    staff.fill("#six-due_on", "2026-12-31")
    staff.click('text=Lưu "6 rõ"')
    staff.click("button:has-text('Thụ lý')")
    assert "Đã thụ lý đơn." in staff.text_content("main")
    _shot(staff, screenshots, "4-inspector-case-accepted")

    staff.click("summary:has-text('Đề nghị người phản ánh bổ sung thông tin')")
    staff.fill("#ask-text", "Xin cho biết ngày giờ và tên cán bộ đã yêu cầu giấy xác nhận.")
    staff.click("button:has-text('Gửi câu hỏi')")
    assert "tạm dừng" in staff.text_content("main")

    _status(citizen, base, code, passphrase)
    assert "Xin cho biết ngày giờ" in citizen.text_content("#question")
    citizen.fill("textarea[name=answer]", "Sáng thứ Hai 23/11, chị cán bộ ngồi bàn số 2.")
    _shot(citizen, screenshots, "5-citizen-answers")
    citizen.click("button:has-text('Gửi trả lời')")
    assert "Đã gửi câu trả lời" in citizen.text_content("main")

    staff.reload()
    deadline = time.monotonic() + 30
    while "tạm dừng chờ người phản ánh" in staff.text_content("main") and time.monotonic() < deadline:
        time.sleep(0.5)  # the worker resumes the clocks
        staff.reload()
    assert "Sáng thứ Hai 23/11" in staff.text_content("#events")
    staff.select_option("#res-outcome", "substantiated")
    staff.fill("#res-response", "UBND xã đã chấn chỉnh bộ phận một cửa; hồ sơ của ông/bà được nhận ngay.")
    staff.click("button:has-text('Ghi kết quả giải quyết')")
    assert "Đã ghi kết quả giải quyết" in staff.text_content("main")
    _shot(staff, screenshots, "6-inspector-resolved")

    _status(citizen, base, code, passphrase)
    assert "UBND xã đã chấn chỉnh bộ phận một cửa" in citizen.text_content("#response")
    assert re.search(r"Nội dung phản ánh là đúng", citizen.text_content("main"))
    _shot(citizen, screenshots, "7-citizen-outcome")
