"""Every kind of page, citizen's and staff's, checked by axe-core (WCAG 2.1 A and AA rules) in Debian's Chromium.

axe-core comes from the `axe-playwright-python` package (its bundled axe.min.js), never from the network. One
live service and one signed-in browser context per role; the test fails on any violation whose impact is
"serious" or "critical", listing for each page the rule, its impact and the first elements it was found on.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.extensions import db
from intake.submission import submit_report
from tests_support import PASSWORD, smallest_chart_text
from triage.routing.jobs import route_report

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
TARGETS_SHOWN = 4
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
# Rows of a long table are one template's loop: the first 25 of each are checked, which keeps axe's contrast
# checks on the printable period's thousands of cells from taking most of the suite's time.
LONG_TABLES_CUT = {"include": [["html"]], "exclude": [["tbody > tr:nth-child(n+26)"]]}

TEXTS = [
    ("Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ tách thửa ba tháng chưa xong.", "16522"),
    ("Cán bộ một cửa UBND xã Ngọc Lặc đòi 500 nghìn tiền bồi dưỡng mới nhận hồ sơ khai sinh.", "15061"),
    ("Chị cán bộ tư pháp phường Hạc Thành quát nạt người dân khi chứng thực giấy tờ.", "14797"),
]
CITIZEN_TEXT = (
    "Cán bộ công an phường Hạc Thành làm căn cước bắt bổ sung giấy tờ không có trong quy định, "
    "hẹn ba lần vẫn chưa làm cho tôi."
)

# The sign-in throttle is low enough for the 429 page to be reached after the four roles have signed in. The pages'
# markup does not depend on the database: SQLite only.
pytestmark = [pytest.mark.service_env(LOGIN_RATE_LIMIT="6 per minute"), pytest.mark.one_backend]


def blocking_violations(results: dict) -> list[str]:
    """One line per serious or critical violation: rule, impact, how many elements, the first targets."""
    lines = []
    for v in results["violations"]:
        if v.get("impact") in BLOCKING:
            targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:TARGETS_SHOWN]]
            lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} elements): {targets}")
    return lines


class Checker:
    """Runs axe on pages and keeps what it finds, page by page."""

    def __init__(self, base: str):
        self.base, self.axe, self.found, self.checked = base, Axe(), {}, []

    def check(self, page, name: str, path: str | None = None, status: int | None = None) -> None:
        if path is not None:
            response = page.goto(self.base + path)
            if status is not None:
                assert response.status == status, f"{name}: {path} answered {response.status}"
        results = self.axe.run(page, context=LONG_TABLES_CUT, options=OPTIONS).response
        self.checked.append(name)
        lines = blocking_violations(results)
        if lines:
            self.found[name] = (page.url, lines)

    def report(self) -> str:
        return "\n".join(
            f"{name} ({url}):\n" + "\n".join(f"  {line}" for line in lines) for name, (url, lines) in self.found.items()
        )


def _sign_in(browser, base: str, username: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(base + "/can-bo/dang-nhap")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/dang-nhap" not in page.url, f"{username} was not signed in"
    return page


def test_every_page_passes_axe_wcag_21_aa(browser, live_service, make_user):
    base, app = live_service["base"], live_service["app"]
    with app.app_context():
        ids = [submit_report(db.session, text=t, kind="phan-anh", ward_code=w).report_id for t, w in TEXTS]
        db.session.commit()
        for report_id in ids:
            route_report(report_id)
    make_user("cb.quangphu", role="inspector", unit="16522", name="Lê Văn Xử")
    make_user("phanloai", role="triage", name="Tổ phân loại")
    make_user("giamsat", role="supervisor", name="Ban Nội chính")
    make_user("quantri", role="admin", name="Quản trị")
    axe = Checker(base)

    # The citizen: the form, the form refused, the receipt, the look-up and a status page, transparency.
    citizen = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True).new_page()
    axe.check(citizen, "form", "/", 200)
    citizen.click("button[type=submit]")
    citizen.wait_for_selector(".error")
    axe.check(citizen, "form with errors")
    citizen.fill("textarea[name=text]", CITIZEN_TEXT)
    citizen.fill("#ward-search", "hac thanh")
    citizen.press("#ward-search", "Enter")
    citizen.click("button[type=submit]")
    citizen.wait_for_selector("#tracking-code")
    axe.check(citizen, "receipt")
    code, passphrase = citizen.text_content("#tracking-code"), citizen.text_content("#passphrase")
    axe.check(citizen, "status look-up", "/tra-cuu", 200)
    citizen.fill("input[name=code]", code)
    citizen.fill("input[name=passphrase]", passphrase)
    citizen.click("button[type=submit]")
    citizen.wait_for_selector("#status")
    axe.check(citizen, "status page")
    axe.check(citizen, "transparency", "/minh-bach", 200)
    assert smallest_chart_text(citizen, ".chart svg") >= 8  # the chart's labels read on the phone
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 390  # it scrolls in its figure, not the page
    axe.check(citizen, "not found (404)", "/khong-co-trang-nay", 404)

    # The staff: sign-in, then one context per role.
    staff = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    axe.check(staff, "staff sign-in", "/can-bo/dang-nhap", 200)
    staff.evaluate("document.querySelector('input[name=csrf_token]').remove()")
    staff.fill("input[name=username]", "giamsat")
    staff.fill("input[name=password]", PASSWORD)
    with staff.expect_navigation() as refused:
        staff.click("button[type=submit]")
    assert refused.value.status == 400
    axe.check(staff, "refused form (400)")

    inspector = _sign_in(browser, base, "cb.quangphu")
    axe.check(inspector, "queue", "/can-bo/", 200)
    axe.check(inspector, "case file", inspector.get_attribute("a.tracking", "href"), 200)
    axe.check(inspector, "staff entry form", "/can-bo/nhap-don", 200)

    triage = _sign_in(browser, base, "phanloai")
    axe.check(triage, "needs-triage queue", "/can-bo/?status=needs-triage", 200)

    supervisor = _sign_in(browser, base, "giamsat")
    axe.check(supervisor, "dashboard", "/can-bo/tong-quan/", 200)
    drill = supervisor.get_attribute("#card-received a", "href")
    axe.check(supervisor, "dashboard drill-down", drill, 200)
    axe.check(supervisor, "hot spots", "/can-bo/tong-quan/diem-nong", 200)
    axe.check(supervisor, "hot spots by overdue rate", "/can-bo/tong-quan/diem-nong?measure=overdue", 200)
    axe.check(supervisor, "officers (KPI)", "/can-bo/tong-quan/can-bo", 200)
    axe.check(supervisor, "periodic reports", "/can-bo/bao-cao-dinh-ky/", 200)
    axe.check(supervisor, "KPI export page", "/can-bo/bao-cao-dinh-ky/kpi", 200)
    axe.check(supervisor, "printable period", "/can-bo/bao-cao-dinh-ky/in", 200)
    axe.check(supervisor, "supervision notices", "/can-bo/giam-sat/thong-bao", 200)

    admin = _sign_in(browser, base, "quantri")
    axe.check(admin, "users", "/can-bo/quan-tri/nguoi-dung", 200)
    axe.check(admin, "units", "/can-bo/quan-tri/don-vi", 200)
    axe.check(admin, "calendar", "/can-bo/quan-tri/lich-lam-viec", 200)

    # Too many sign-ins from one client: the throttle's page.
    for _ in range(10):
        staff.goto(base + "/can-bo/dang-nhap")
        staff.fill("input[name=username]", "khongco")
        staff.fill("input[name=password]", "sai-mat-khau")
        with staff.expect_navigation() as navigation:
            staff.click("button[type=submit]")
        if navigation.value.status == 429:
            break
    assert navigation.value.status == 429
    axe.check(staff, "too many requests (429)")

    assert len(axe.checked) == 26
    assert not axe.found, "axe found serious or critical violations:\n" + axe.report()
