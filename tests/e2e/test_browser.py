"""A real browser (Debian's Chromium, headless) on a phone-sized screen, with and without JavaScript."""

import re
import time

import pytest

TEXT = (
    "Tôi đến công an phường Hạc Thành làm căn cước cho con, cán bộ bảo thiếu giấy tờ, bắt về bổ sung "
    "ba lần, lần nào cũng đòi thêm một loại giấy khác không có trong quy định."
)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_user_files_a_report_and_follows_it(browser, live_service, javascript, tmp_path):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=javascript, locale="vi-VN", is_mobile=True
    )
    page = context.new_page()
    page.goto(live_service["base"] + "/")
    # Nothing wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.fill("textarea[name=text]", TEXT)
    if javascript:
        # The commune picker finds the unit ignoring diacritics; Enter chooses it (tests/e2e/test_form_browser.py).
        page.fill("#ward-search", "hac thanh")
        assert page.text_content("#ward-options [role=option]") == "Phường Hạc Thành"
        page.press("#ward-search", "Enter")
        assert page.input_value("#ward") == "14797"
    else:
        assert page.is_hidden("#ward-search")
        page.select_option("#ward", "14797")
    page.click("button[type=submit]")
    page.wait_for_selector("#tracking-code")
    page.screenshot(path=str(tmp_path / f"receipt-{'js' if javascript else 'nojs'}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    code = page.text_content("#tracking-code")
    passphrase = page.text_content("#passphrase")
    assert re.fullmatch(r"TH-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert page.is_visible("[data-print]") == javascript  # the print button needs JavaScript; saving does not
    assert page.get_attribute("a[download]", "href").startswith("data:text/plain")

    deadline = time.monotonic() + 30
    while True:
        page.goto(live_service["base"] + "/tra-cuu")
        page.fill("input[name=code]", code.lower())
        page.fill("input[name=passphrase]", passphrase)
        page.click("button[type=submit]")
        status = page.text_content("#status")
        if status != "Đã tiếp nhận, đang phân loại" or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert status in ("Đã chuyển đến đơn vị xử lý", "Đang phân loại thủ công")
    body = page.text_content("main")
    assert "Đã tiếp nhận đơn" in body
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
