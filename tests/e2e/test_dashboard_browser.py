"""A supervisor's dashboard in a real browser, with a screenshot for the README."""

from core.extensions import db
from intake.submission import submit_report
from tests_support import PASSWORD
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
    page.goto(live_service["base"] + "/can-bo/tong-quan/")
    main = page.text_content("main")
    assert "Tổng quan" in main and "chưa đủ mẫu" in main
    assert page.locator("svg title").count() >= 2  # charts carry titles for screen readers and print
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.screenshot(path=str(screenshots / "dashboard.png"))  # the top of the page: figures, trends, league

    page.click("a[href*='figure=received']")  # the reports behind "received this month"
    listed = page.text_content("main")
    assert all(code in listed for code in codes)
