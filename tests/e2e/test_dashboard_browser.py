"""A supervisor's dashboard in a real browser, on a desk and on a phone, with a screenshot for the README."""

from core.extensions import db
from intake.submission import submit_report
from tests_support import PASSWORD, smallest_chart_text
from triage.routing.jobs import route_report

TEXTS = [
    ("Cán bộ một cửa UBND xã Ngọc Lặc đòi 500 nghìn tiền bồi dưỡng mới nhận hồ sơ khai sinh.", "15061"),
    ("Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ tách thửa ba tháng chưa xong.", "16522"),
    ("Chị cán bộ tư pháp phường Hạc Thành quát nạt người dân khi chứng thực giấy tờ.", "14797"),
    ("Cán bộ công an phường Hạc Thành làm căn cước bắt bổ sung giấy tờ không có trong quy định.", "14797"),
]


def test_supervisor_sees_the_province_and_drills_down(browser, live_service, screenshots, make_user):
    app = live_service["app"]
    with app.app_context():
        ids = [submit_report(db.session, text=t, kind="phan-anh", ward_code=w).report_id for t, w in TEXTS]
        db.session.commit()
        for report_id in ids:
            route_report(report_id)
        from core.models import Report

        codes = {db.session.get(Report, i).tracking_code for i in ids}
    make_user("giamsat", role="supervisor", name="Ban Nội chính")

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    page.goto(live_service["base"] + "/can-bo/dang-nhap")
    page.fill("input[name=username]", "giamsat")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/can-bo/tong-quan/")  # a supervisor lands on the dashboard
    main = page.text_content("main")
    assert "Tổng quan" in main and "chưa đủ mẫu" in main
    assert page.locator("svg title").count() >= 2  # charts carry titles for screen readers and print
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.screenshot(path=str(screenshots / "dashboard.png"))  # the top of the page: figures, trends, league

    page.click("a[href*='figure=received']")  # the reports behind "received this month"
    listed = page.text_content("main")
    assert all(code in listed for code in codes)

    # The ward map: a ward's name shows on keyboard focus; the list beside it filters without diacritics.
    page.goto(live_service["base"] + "/can-bo/tong-quan/diem-nong")
    ward = page.locator(".map a.ward").first
    name = ward.locator(".ward-name")
    assert not name.is_visible()
    ward.focus()
    assert name.is_visible() and name.text_content() in ward.get_attribute("aria-label")
    page.fill("#ward-filter", "hac thanh")
    assert page.locator("#ward-table tbody tr:visible th").all_text_contents() == ["UBND Phường Hạc Thành"]
    assert "1 trong 3 dòng" in page.text_content("#ward-filter-status")

    page.context.close()

    # On a phone (390×844) the filters are compact: the first figure is on the first screen; a unit is picked by
    # its name.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="vi-VN")
    page = context.new_page()
    page.goto(live_service["base"] + "/can-bo/dang-nhap")
    page.fill("input[name=username]", "giamsat")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/can-bo/tong-quan/")
    box = page.locator("#card-received .value").bounding_box()
    assert box["y"] + box["height"] <= 844  # within the first screen, no scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The charts' labels read on the phone (at least 8 px as drawn); a chart wider than the screen scrolls inside
    # its figure, not the page.
    smallest = smallest_chart_text(page, ".dash-chart svg")
    assert smallest >= 8, smallest

    page.click(".dash-more > summary")
    page.fill("#p-unit-search", "quang phu")
    assert page.text_content("#p-unit-options [role=option]") == "UBND Phường Quảng Phú"
    page.press("#p-unit-search", "Enter")
    assert page.input_value("#p-unit") == "16522"
    page.select_option("#p-ref", index=1)  # last month, from the picker
    page.click(".dash-quick button[type=submit]")
    page.wait_for_url("**unit=16522**")
    assert page.text_content("h1") == "Tổng quan — UBND Phường Quảng Phú"
    context.close()
