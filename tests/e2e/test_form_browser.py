"""The citizen's form on a phone, in a real browser (Debian's Chromium, headless): the commune picker finds an old
name, Enter chooses and never sends, typing again takes the choice back, nothing found is said; a failed sending
puts the focus on the box of errors; the đơn sent carries the commune chosen. Without JavaScript, Enter in a field
sends nothing either."""

from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from core.extensions import db
from core.models import Report
from intake.communes import search

# The form's server side runs on both backends in tests/app/intake/test_form_fields.py.
pytestmark = pytest.mark.one_backend

TEXT = (
    "Cán bộ địa chính phường Quảng Phú đòi tôi nộp thêm 2 triệu đồng ngoài quy định mới nhận hồ sơ đăng ký "
    "biến động đất đai, không viết biên lai."
)


def _phone(browser, javascript: bool = True):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, locale="vi-VN", java_script_enabled=javascript
    )
    return context.new_page()


def _posts(page) -> list[str]:
    """The paths of the forms the page sends from now on."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(urlsplit(request.url).path) if request.method == "POST" else None)
    return sent


def _reports(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Report.id)))


def _options(page) -> list[str]:
    return page.eval_on_selector_all("#ward-options [role=option]", "els => els.map(e => e.textContent)")


def test_the_form_on_a_phone_with_and_without_javascript(browser, live_service, screenshots):
    base, app = live_service["base"], live_service["app"]
    before = _reports(app)
    page = _phone(browser)
    sent = _posts(page)
    page.goto(base + "/")
    box = page.locator("#ward-search")
    box.wait_for(state="visible")
    assert page.get_attribute("label#ward-label", "for") == "ward-search"
    assert page.get_attribute("label[data-for]", "for") == "ward"  # the list, still there, has its own label

    # An old ward's name, typed without diacritics: the commune that took it over, with the old name.
    box.press_sequentially("quang thanh")
    assert _options(page) == ["Phường Quảng Phú (trước đây: phường Quảng Thành, thành phố Thanh Hóa)"]
    page.locator("#ward-search").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "form-1-commune-picker.png"))
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-activedescendant") == "ward-search-option-0"
    box.press("Enter")  # the phone keyboard's "Go": chooses the commune, sends nothing
    assert page.input_value("#ward") == "16522"
    assert page.text_content("#ward-chosen-name") == "Phường Quảng Phú" and page.is_visible("#ward-chosen")
    assert box.input_value() == "Phường Quảng Phú" and box.get_attribute("aria-expanded") == "false"
    assert page.is_hidden("#ward-options")
    assert page.url == base + "/" and sent == []

    # Typing again takes the choice back: nothing is sent that is not shown chosen.
    box.press("End")
    box.press_sequentially(" x")
    assert page.input_value("#ward") == "" and page.is_hidden("#ward-chosen")
    box.fill("")
    box.press_sequentially("xyz abc")
    assert "Không tìm thấy xã/phường nào khớp với “xyz abc”" in page.text_content("#ward-status")
    assert page.is_hidden("#ward-options") and page.input_value("#ward") == ""

    # The old city: its wards; the arrow keys move, Escape closes without choosing, Enter chooses.
    box.fill("")
    box.press_sequentially("thanh hoa")
    offered = _options(page)
    assert "Phường Hạc Thành (trước đây thuộc thành phố Thanh Hóa)" in offered and len(offered) >= 7
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "ward-search-option-1"
    box.press("Escape")
    assert page.is_hidden("#ward-options") and page.input_value("#ward") == ""
    box.press("ArrowDown")
    box.press("ArrowDown")
    second = page.get_attribute("#ward-search-option-1", "data-code")
    box.press("Enter")
    assert page.input_value("#ward") == second
    page.click("#ward-clear")
    assert page.input_value("#ward") == "" and box.input_value() == "" and page.is_hidden("#ward-chosen")

    # The browser's matching is intake/communes.py's, answer for answer.
    for query in ("TP Thanh Hóa", "huyen quang xuong", "quảng phú", "tt ngoc lac"):
        box.fill(query)
        assert _options(page) == [label for _, label in search(query)], query
    box.fill("")

    # Enter in another one-line field goes to the next field; the đơn is still not sent.
    box.press_sequentially("quang thanh")
    page.click("#ward-search-option-0")
    page.fill("#reporter_name", "Nguyễn Văn An")
    page.press("#reporter_name", "Enter")
    assert page.evaluate("document.activeElement.id") == "reporter_address"
    assert page.url == base + "/" and sent == [] and _reports(app) == before

    # Too short a text: the box of errors takes the focus and links to the field; the choices are kept.
    assert "ít nhất" in page.text_content("#text-hint")
    page.fill("#text", "quá ngắn")
    assert "cần thêm ít nhất" in page.text_content("#text-count")
    page.click("button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    page.screenshot(path=str(screenshots / "form-2-errors.png"))
    page.click("#error-summary a[href='#text']")
    assert page.evaluate("document.activeElement.id") == "text"
    assert page.input_value("#ward") == "16522" and page.text_content("#ward-chosen-name") == "Phường Quảng Phú"
    assert _reports(app) == before

    # A full sending carries the commune chosen.
    page.fill("#text", TEXT)
    page.check("#no_notices")
    page.click("button[type=submit]")
    code = page.text_content("#tracking-code")
    with app.app_context():
        report = db.session.scalar(select(Report).where(Report.tracking_code == code))
        assert (report.ward_code_given, report.reporter_name, report.notify_reporter) == (
            "16522",
            "Nguyễn Văn An",
            False,
        )
    assert _reports(app) == before + 1
    page.context.close()

    # Without JavaScript: the plain list, and Enter in a field sends nothing either (the default button is disabled).
    page = _phone(browser, javascript=False)
    sent = _posts(page)
    page.goto(base + "/")
    assert page.is_hidden("#ward-search")
    page.fill("#text", TEXT)
    page.fill("#reporter_name", "Nguyễn Văn An")
    page.press("#reporter_name", "Enter")
    page.press("#reporter_phone", "Enter")
    assert sent == [] and _reports(app) == before + 1
    page.select_option("#ward", "16522")
    page.click("button[type=submit]")
    assert page.text_content("#tracking-code") and sent == ["/"]
    assert _reports(app) == before + 2
    page.context.close()
