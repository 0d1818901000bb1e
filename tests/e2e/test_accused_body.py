"""A complaint against the head of a body never reaches that body; one that only names a head reaches the body
that should act. Over real HTTP: the public form, the rq worker, and the accused body's own queue, search and case
page, signed in as its inspector."""

import re
import time
import urllib.parse

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Report
from tests_support import Browser

QUANG_PHU, NGOC_LAC, HAC_THANH = "16522", "15061", "14797"

# (text, ward picked on the form, accused body (agency, ward), the body that must handle it)
ACCUSING = [
    (
        "Ông Chủ tịch UBND phường Quảng Phú đòi tôi 30 triệu mới ký giấy phép xây dựng nhà ở, không đưa thì ông ấy "
        "bảo cứ để đó, hồ sơ nằm im bốn tháng nay.",
        QUANG_PHU,
        ("xa", QUANG_PHU),
        "thanh-tra-tinh",
    ),
    (
        "Người đứng đầu UBND phường Quảng Phú bao che cho cán bộ địa chính thu tiền ngoài quy định; tôi phản ánh trực "
        "tiếp thì chính ông ấy gạt đi và dọa không giải quyết hồ sơ của tôi nữa.",
        QUANG_PHU,
        ("xa", QUANG_PHU),
        "thanh-tra-tinh",
    ),
    (
        "Sếp lớn nhất ở phường Hạc Thành gây khó dễ, bắt tôi đi lại năm lần mới chịu ký xác nhận cho hồ sơ vay vốn.",
        HAC_THANH,
        ("xa", HAC_THANH),
        "thanh-tra-tinh",
    ),
    (
        "Ông phó của ủy ban xã Ngọc Lặc hạch sách, đòi phong bì mới duyệt hồ sơ hỗ trợ hộ nghèo cho mẹ tôi.",
        NGOC_LAC,
        ("xa", NGOC_LAC),
        "thanh-tra-tinh",
    ),
    (
        "ct ubnd p quang phu doi 5tr moi ky so do cho nha toi, ko dua thi ko ky, bao la cu cho",
        "",
        ("xa", QUANG_PHU),
        "thanh-tra-tinh",
    ),
    (
        "Pho chu tich UBND xa Ngoc Lac nhan tien cua nguoi quen roi uu tien duyet ho so cua ho truoc, ho so cua toi "
        "nop tu ba thang truoc van nam im.",
        NGOC_LAC,
        ("xa", NGOC_LAC),
        "thanh-tra-tinh",
    ),
    (
        "Bí thư Đảng ủy xã Ngọc Lặc ép cán bộ một cửa trả lại hồ sơ đất của gia đình tôi vì mâu thuẫn cá nhân.",
        NGOC_LAC,
        ("xa", NGOC_LAC),
        "thanh-tra-tinh",
    ),
    (
        "Giám đốc Sở Xây dựng chỉ đạo ém hồ sơ cấp phép của công ty tôi suốt năm tháng để ưu ái doanh nghiệp "
        "của người nhà ông ấy.",
        "",
        ("so-xay-dung", None),
        "thanh-tra-tinh",
    ),
    (
        "Tôi tố cáo ông Chánh Thanh tra tỉnh đã nhận tiền của doanh nghiệp để bỏ qua sai phạm trong kết luận "
        "thanh tra dự án đất ở phường Hạc Thành.",
        HAC_THANH,
        ("thanh-tra-tinh", None),
        "ubnd-tinh",
    ),
]

# (text, ward picked, the unit that must handle it)
MENTIONING = [
    (
        "Cán bộ địa chính phường Quảng Phú hẹn lần hẹn lữa, hồ sơ tách thửa của tôi quá hạn hai tháng. Tôi đã gặp "
        "Chủ tịch UBND phường, ông tiếp tôi chu đáo và hứa chỉ đạo, nhưng cán bộ vẫn chưa làm.",
        QUANG_PHU,
        QUANG_PHU,
    ),
    (
        "Kính gửi Chủ tịch UBND xã Ngọc Lặc. Cán bộ tư pháp xã quát nạt, mắng tôi là dốt khi tôi đi chứng thực "
        "giấy tờ, không thèm hướng dẫn gì.",
        NGOC_LAC,
        NGOC_LAC,
    ),
    (
        "Phó chủ tịch xã đã ký duyệt hồ sơ của tôi đúng hạn, nhưng cán bộ một cửa UBND xã Ngọc Lặc giữ lại đòi "
        "500 nghìn mới trả kết quả.",
        NGOC_LAC,
        NGOC_LAC,
    ),
]

INSPECTORS = {  # the accused bodies' inspectors, and the inspectorate's
    "cb.quangphu": QUANG_PHU,
    "cb.hacthanh": HAC_THANH,
    "cb.ngoclac": NGOC_LAC,
    "cb.soxd": "so-xay-dung",
    "cb.thanhtra": "thanh-tra-tinh",
    "cb.tinh": "ubnd-tinh",
}


def _file(base: str, text: str, ward: str) -> str:
    citizen = Browser(base)
    form = citizen.page("/")
    status, page = citizen.post(
        "/",
        {
            "csrf_token": citizen.token(form),
            "text": text,
            "kind": "to-cao",
            "ward": ward,
            "reporter_name": "Lê Văn B",
            "reporter_address": "số 5 đường Lê Lợi, phường Hạc Thành",
        },
    )
    assert status == 201, page[-2000:]
    return re.search(r'id="tracking-code">([^<]+)<', page).group(1)


def _wait_routed(app, codes: list[str], logs) -> dict[str, Report]:
    deadline = time.monotonic() + 60
    with app.app_context():
        while time.monotonic() < deadline:
            waiting = db.session.scalar(
                select(Report.id).where(Report.tracking_code.in_(codes), Report.status == "received").limit(1)
            )
            db.session.remove()  # end the read transaction: SQLite writers must not wait on us
            if waiting is None:
                break
            time.sleep(0.3)
        reports = {
            r.tracking_code: r for r in db.session.scalars(select(Report).where(Report.tracking_code.in_(codes)))
        }
        for report in reports.values():
            assert report.status != "received", (logs / "worker.log").read_text()[-3000:]
            assert report.routed_at is not None and (report.unit, report.accused_unit)  # loaded before it ends
        db.session.expunge_all()
        db.session.remove()
    return reports


@pytest.mark.slow
@pytest.mark.service_env(SUBMIT_RATE_LIMIT="100 per minute")
def test_a_complaint_against_a_head_never_reaches_the_accused_body(live_service, make_user):
    base, app = live_service["base"], live_service["app"]
    for username, unit in INSPECTORS.items():
        make_user(username, unit=unit)

    accusing = {_file(base, text, ward): (accused, above) for text, ward, accused, above in ACCUSING}
    mentioning = {_file(base, text, ward): unit for text, ward, unit in MENTIONING}
    reports = _wait_routed(app, [*accusing, *mentioning], live_service["logs"])

    officers = {}
    for username, unit in INSPECTORS.items():
        officers[unit] = Browser(base)
        officers[unit].sign_in(username)

    for code, ((agency, ward), above) in accusing.items():
        report = reports[code]
        assert report.escalate, (code, report.text, report.labels)
        assert (report.accused_agency, report.accused_ward_code) == (agency, ward), report.text
        assert report.status == "routed" and report.unit.code == above, (report.text, report.status)
        accused_unit = ward or agency
        assert report.accused_unit.code == accused_unit
        accused, link = officers[accused_unit], f'href="/can-bo/bao-cao/{report.id}"'
        assert link not in accused.page("/can-bo/")
        for query in (code, report.text.split()[3]):  # the search echoes the query, so look for the case's link
            assert link not in accused.page("/can-bo/?q=" + urllib.parse.quote(query))
        assert accused.get(f"/can-bo/bao-cao/{report.id}")[0] == 404
        handler = officers[above]
        assert link in handler.page("/can-bo/?q=" + code)
        assert handler.get(f"/can-bo/bao-cao/{report.id}")[0] == 200

    for code, unit in mentioning.items():
        report = reports[code]
        assert not report.escalate and report.accused_unit is None, (report.text, report.labels)
        assert report.status == "routed" and report.unit.code == unit, (report.text, report.status, report.labels)
        link = f'href="/can-bo/bao-cao/{report.id}"'
        assert link in officers[unit].page("/can-bo/?q=" + code)
        assert link not in officers["thanh-tra-tinh"].page("/can-bo/?q=" + code)
