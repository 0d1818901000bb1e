"""The inspector's queue: filters, counts, diacritics-blind search, pagination, urgency order, bulk actions (posted
as a browser posts the form, the Enter key included) and what a row shows.

Reports are put in the states a test needs directly in the database; every assertion reads the real page.
"""

import html
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from rq import Queue
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from core.extensions import db
from core.models import Clock, Correction, Report, ReportEvent, Unit, utcnow
from core.search import fold
from core.vietnamese import format_date, legal_date
from core.vocabulary import label
from intake.receipts import new_tracking_code
from intake.submission import submit_report
from triage.casework.actions import ward_name
from triage.routing.jobs import route_report

CODE = re.compile(r"TH-[A-Z0-9]{4}-[A-Z0-9]{4}")
QUANG_PHU, NGOC_LAC, PROVINCE = "16522", "15061", "thanh-tra-tinh"
CHAIRMAN = (
    "Phó chủ tịch UBND phường Quảng Phú đòi tôi đưa 20 triệu thì mới ký cho hồ sơ xin cấp phép "
    "xây dựng nhà ở, tôi tố cáo ông này nhận hối lộ."
)


@pytest.fixture
def app(make_app):
    """The shared app, with sign-in throttling out of the way (these tests sign in many times a minute)."""
    return make_app(WTF_CSRF_ENABLED=True, LOGIN_RATE_LIMIT="1000 per minute")


# -- helpers -------------------------------------------------------------------------------------------------------


def _unit_id(app, code):
    with app.app_context():
        return db.session.scalar(select(Unit.id).where(Unit.code == code))


def _today(app):
    return legal_date(utcnow())


def _due(app, working_days: int):
    """A due date `working_days` working days from today (negative: in the past)."""
    with app.app_context():
        return app.extensions["services"].calendar.add_working_days(_today(app), working_days)


def _report(
    app,
    *,
    text="Cán bộ một cửa hẹn lần hẹn lữa, chưa trả kết quả hồ sơ.",
    unit=QUANG_PHU,
    status="routed",
    track="phan-anh",
    category="cham-tre",
    ward=QUANG_PHU,
    assignee_id=None,
    received_at=None,
    clocks=(),
    accused=None,
    escalate=False,
) -> tuple[int, str]:
    """A report straight in the database, in the state the test needs. clocks: (due_on, status) pairs."""
    with app.app_context():
        report = Report(
            tracking_code=new_tracking_code(),
            passphrase_hash="-",
            text=text,
            text_folded=fold(text),
            kind=track,
            track=track,
            status=status,
            unit_id=_unit_id(app, unit) if unit else None,
            ward_code=ward,
            category=category,
            assignee_id=assignee_id,
            escalate=escalate,
            accused_unit_id=_unit_id(app, accused) if accused else None,
            received_at=received_at or utcnow(),
        )
        for i, (due_on, clock_status) in enumerate(clocks):
            report.clocks.append(
                Clock(
                    stage=f"stage{i}",
                    label=f"Hạn {i}",
                    starts_on=due_on - timedelta(days=10),
                    due_on=due_on,
                    due_at=datetime(due_on.year, due_on.month, due_on.day, 17, tzinfo=UTC),
                    amount=10,
                    unit="working_days",
                    policy_version="test",
                    status=clock_status,
                )
            )
        db.session.add(report)
        db.session.commit()
        return report.id, report.tracking_code


def _set(app, report_id, **fields):
    with app.app_context():
        report = db.session.get(Report, report_id)
        for name, value in fields.items():
            setattr(report, name, value)
        db.session.commit()


def _page(client, **params):
    response = client.get("/can-bo/", query_string=params)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _codes(page: str) -> list[str]:
    """Tracking codes of the rows, in order (each row links its code once)."""
    return re.findall(r'class="tracking">(TH-[A-Z0-9]{4}-[A-Z0-9]{4})</a>', page)


def _count(page: str, facet: str, value: str) -> int:
    select_html = re.search(rf'<select id="f-{facet}" name="{facet}">(.*?)</select>', page, re.S).group(1)
    match = re.search(rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)</option>', select_html)
    assert match, f"no option {facet}={value!r}"
    return int(match.group(1))


def _total(page: str) -> int:
    return int(re.search(r'id="queue-total"><strong>(\d+)</strong>', page).group(1))


# -- filters, counts, isolation ------------------------------------------------------------------------------------


def test_each_filter_narrows_and_counts_match(app, client, make_user, login_as):
    me = make_user("tp.quangphu", unit=QUANG_PHU, name="Trần Thị C").id
    colleague = make_user("tp.quangphu2", unit=QUANG_PHU, name="Lê Văn D").id
    soon = _report(app, category="cham-tre", clocks=[(_due(app, 1), "running")])
    mine_late = _report(
        app,
        status="accepted",
        category="doi-tien",
        track="to-cao",
        assignee_id=me,
        clocks=[(_due(app, -3), "running"), (_due(app, 20), "running")],
    )
    breached = _report(
        app, category="thai-do", track="khieu-nai", assignee_id=colleague, clocks=[(_due(app, -1), "breached")]
    )
    done = _report(app, status="resolved", category="thai-do", clocks=[(_due(app, -5), "breached")])
    paused_far = _report(app, category="sach-nhieu", clocks=[(_due(app, 9), "paused")])
    # Never visible to this inspector: another unit's, and one accusing the head of their own body.
    other_unit = _report(app, unit=NGOC_LAC, ward=NGOC_LAC, category="cham-tre", clocks=[(_due(app, -2), "running")])
    against_own = _report(
        app,
        unit=QUANG_PHU,
        accused=QUANG_PHU,
        escalate=True,
        category="cham-tre",
        text="Chủ tịch phường hẹn lần hẹn lữa, đòi tiền.",
        clocks=[(_due(app, -4), "running")],
    )
    hidden = {other_unit[1], against_own[1]}
    login_as(client, "tp.quangphu")

    # By default the finished reports are left out; "Tất cả" and "Đã xong" show them.
    everything = _page(client)
    assert set(_codes(everything)) == {r[1] for r in (soon, mine_late, breached, paused_far)}
    assert _total(everything) == 4 and _count(everything, "status", "") == 4
    assert _count(everything, "status", "all") == 5 and _count(everything, "status", "done") == 1
    assert set(_codes(_page(client, status="all"))) == {r[1] for r in (soon, mine_late, breached, done, paused_far)}
    assert _codes(_page(client, status="done")) == [done[1]]

    expected = {
        ("status", "routed"): {soon, breached, paused_far},
        ("status", "accepted"): {mine_late},
        ("status", "resolved"): {done},
        ("status", "needs-triage"): set(),
        ("track", "to-cao"): {mine_late},
        ("track", "khieu-nai"): {breached},
        ("track", "phan-anh"): {soon, paused_far},
        ("category", "thai-do"): {breached},
        ("category", "doi-tien"): {mine_late},
        ("category", "cham-tre"): {soon},
        ("due", "soon"): {soon},
        ("due", "overdue"): {mine_late, breached},  # a resolved report's old breach is not work overdue
        ("assignee", "me"): {mine_late},
        ("assignee", "none"): {soon, paused_far},
    }
    for (facet, value), reports in expected.items():
        page = _page(client, **{facet: value})
        codes = _codes(page)
        assert set(codes) == {r[1] for r in reports}, (facet, value)
        assert _count(everything, facet, value) == len(reports), (facet, value)
        assert _total(page) == len(reports)
        assert not hidden & set(CODE.findall(page))
    assert "Quá hạn (2)" in everything and "Sắp đến hạn (trong 2 ngày làm việc) (1)" in everything

    # Filters combine, and the counts of one facet follow the others.
    combined = _page(client, status="routed", due="overdue")
    assert _codes(combined) == [breached[1]]
    assert _count(combined, "status", "routed") == 1 and _count(combined, "status", "accepted") == 1
    assert _count(combined, "due", "overdue") == 1 and _count(combined, "due", "soon") == 1
    assert _count(_page(client, category="thai-do"), "status", "resolved") == 1
    # A value that is not a filter is ignored, never passed on.
    assert set(_codes(_page(client, status="nope", due="' OR 1=1 --"))) == set(_codes(everything))
    # Searching for the hidden report's words finds nothing of it.
    assert not hidden & set(CODE.findall(_page(client, q="chu tich phuong")))
    assert "Chủ tịch phường" not in everything
    # A ward inspector does not get a ward filter; row contents are the real ones.
    assert 'name="ward"' not in everything
    row = re.search(rf'<tr id="row-{mine_late[0]}">(.*?)</tr>', everything, re.S).group(1)
    assert "Trần Thị C" in row and "Đòi tiền, nhận hối lộ" in row and "Đã thụ lý" in row
    with app.app_context():
        late_by = -app.extensions["services"].calendar.working_days_between(_today(app), _due(app, -3))
    assert f"quá hạn {late_by} ngày làm việc" in row and f'href="/can-bo/bao-cao/{mine_late[0]}"' in row
    assert f'name="bulk-ids" value="{mine_late[0]}"' in row
    assert "còn 1 ngày làm việc" in everything and "(tạm dừng)" in everything


def test_supervisor_filters_by_ward_and_inspector_never_sees_escalated(app, client, make_user, login_as):
    make_user("giamsat", role="supervisor")
    ours = _report(app, ward=QUANG_PHU)
    theirs = _report(app, unit=NGOC_LAC, ward=NGOC_LAC)
    login_as(client, "giamsat")
    page = _page(client)
    assert set(_codes(page)) == {ours[1], theirs[1]}
    assert _count(page, "ward", QUANG_PHU) == 1 and _count(page, "ward", NGOC_LAC) == 1
    assert re.search(rf'<option value="{QUANG_PHU}"[^>]*>[^<]*Quảng Phú \(1\)</option>', page)
    assert _codes(_page(client, ward=NGOC_LAC)) == [theirs[1]]

    # The real routing of a report against the head of a ward: the ward's inspector never sees it.
    make_user("tp.quangphu", unit=QUANG_PHU)
    quang_phu = _unit_id(app, QUANG_PHU)
    with app.app_context():
        receipt = submit_report(db.session, text=CHAIRMAN, kind="to-cao", ward_code=QUANG_PHU)
        db.session.commit()
        route_report(receipt.report_id)
        report = db.session.get(Report, receipt.report_id)
        assert report.escalate and report.unit.code == PROVINCE
        category = report.category or "khac"
        report.unit_id = quang_phu  # even if it landed in the accused body's unit by mistake
        db.session.commit()
    inspector = app.test_client()
    login_as(inspector, "tp.quangphu")
    for params in (
        {},
        {"q": "hoi lo"},
        {"status": "routed"},
        {"track": "to-cao"},
        {"category": category},
        {"due": "soon"},
        {"due": "overdue"},
        {"assignee": "none"},
        {"sort": "newest"},
    ):
        page = _page(inspector, **params)
        assert receipt.tracking_code not in page, params
    page = _page(inspector)
    assert _total(page) == 1 and _count(page, "track", "to-cao") == 0 and _count(page, "category", category) == 0


# -- search ----------------------------------------------------------------------------------------------------------


def test_search_ignores_diacritics_and_case_and_takes_wildcards_literally(
    app, client, make_report, make_user, login_as
):
    make_user("tp.quangphu", unit=QUANG_PHU)
    texts = {
        "accented": "Cán bộ địa chính giữ Sổ Đỏ của gia đình tôi ba tháng không trả.",
        "plain": "Can bo dia chinh giu so do cua toi, hen mai khong tra.",
        "percent": "Thu phí công chứng cao hơn 100% so với quy định, không có biên lai.",
        "underscore": "Cán bộ bắt nộp mẫu ma_so thuế viết tay, không nhận bản in.",
        "lookalike": "Cán bộ bắt khai lại maXso thuế nhiều lần, gây khó dễ.",
    }
    codes = {}
    for key, text in texts.items():
        receipt = make_report(text=text)
        _set(app, receipt.report_id, status="routed", unit_id=_unit_id(app, QUANG_PHU))
        codes[key] = receipt.tracking_code
    elsewhere = make_report(text="Cán bộ giữ sổ đỏ của dân ở xã khác.")
    _set(app, elsewhere.report_id, status="routed", unit_id=_unit_id(app, NGOC_LAC))
    login_as(client, "tp.quangphu")

    def found(q, **more):
        return set(_codes(_page(client, q=q, **more)))

    assert found("so do") == {codes["accented"], codes["plain"]}
    assert found("Sổ Đỏ") == {codes["accented"], codes["plain"]}
    assert found("SO   DO") == {codes["accented"], codes["plain"]}
    assert found("sổ đỏ", status="routed") == {codes["accented"], codes["plain"]}
    assert found("%") == {codes["percent"]}
    assert found("100%") == {codes["percent"]}
    assert found("ma_so") == {codes["underscore"]}
    assert found("_") == {codes["underscore"]}
    assert found("khong tra") == {codes["accented"], codes["plain"]}
    assert found("không có gì như thế") == set()
    assert found("\\") == set()
    page = _page(client, q="so do")
    assert _total(page) == 2 and _count(page, "status", "routed") == 2 and _count(page, "status", "") == 2
    assert 'value="so do"' in page  # the box keeps the query
    assert elsewhere.tracking_code not in page


# -- pagination and order --------------------------------------------------------------------------------------------


def test_pagination_keeps_filters(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    start = utcnow() - timedelta(days=200)
    with app.app_context():
        unit_id = _unit_id(app, QUANG_PHU)
        for i in range(125):
            text = f"Đơn số {i}: cán bộ chậm trả kết quả."
            db.session.add(
                Report(
                    tracking_code=new_tracking_code(),
                    passphrase_hash="-",
                    text=text,
                    text_folded=fold(text),
                    kind="phan-anh",
                    status="routed",
                    unit_id=unit_id,
                    track="phan-anh" if i < 120 else "khieu-nai",
                    received_at=start + timedelta(hours=i),
                )
            )
        db.session.commit()
    login_as(client, "tp.quangphu")

    first = _page(client, track="phan-anh")
    assert _total(first) == 120 and "trang 1/3" in first
    assert "Trang trước" not in first
    seen = _codes(first)
    assert len(seen) == 50
    page = first
    for number in (2, 3):
        link = html.unescape(re.search(r'<a rel="next" href="([^"]+)"', page).group(1))
        assert "track=phan-anh" in link and f"page={number}" in link
        page = client.get(link).get_data(as_text=True)
        assert f"Trang {number}/3" in page and "Trang trước" in page
        seen += _codes(page)
    assert len(_codes(page)) == 20 and "Trang sau" not in page
    assert len(seen) == len(set(seen)) == 120
    previous = html.unescape(re.search(r'<a rel="prev" href="([^"]+)"', page).group(1))
    assert "track=phan-anh" in previous and "page=2" in previous
    # No clocks: the oldest received first by default; "newest" reverses it; a page past the end shows the last.
    assert seen[0] == _codes(_page(client, track="phan-anh", sort="oldest"))[0]
    assert _codes(_page(client, track="phan-anh", sort="newest"))[0] == seen[-1]
    assert _codes(_page(client, track="phan-anh", page=99)) == _codes(page)
    assert len(_codes(_page(client, page="abc"))) == 50


def test_default_order_is_most_urgent_first(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    old = utcnow() - timedelta(days=30)
    no_clock_old = _report(app, received_at=old)
    far = _report(app, clocks=[(_due(app, 10), "running")])
    late = _report(app, clocks=[(_due(app, -3), "running"), (_due(app, 30), "running")])
    breached = _report(app, clocks=[(_due(app, -1), "breached")])
    near = _report(app, clocks=[(_due(app, 2), "paused")])
    met_only = _report(app, received_at=old + timedelta(days=1), clocks=[(_due(app, -10), "met")])
    tie_newer = _report(app, received_at=utcnow(), clocks=[(_due(app, 10), "running")])
    login_as(client, "tp.quangphu")

    expected = [late, breached, near, far, tie_newer, no_clock_old, met_only]
    assert _codes(_page(client)) == [r[1] for r in expected]
    assert _codes(_page(client, sort="urgent")) == [r[1] for r in expected]
    newest = _codes(_page(client, sort="newest"))
    assert newest[0] == tie_newer[1] and newest[-2:] == [met_only[1], no_clock_old[1]]


# -- bulk actions ------------------------------------------------------------------------------------------------------


def _bulk(client, csrf_token, data, *, params=None):
    """Post the bulk form as its buttons do: the fields under the "bulk-" prefix, the filters in the URL."""
    token = csrf_token(client.get("/can-bo/", query_string=params or {}))
    fields = {"bulk-csrf_token": token, **{f"bulk-{name}": value for name, value in data.items()}}
    return client.post("/can-bo/hang-loat", query_string=params or {}, data=fields)


def _assignee(app, report_id):
    with app.app_context():
        return db.session.get(Report, report_id).assignee_id


def test_bulk_assign_acts_on_own_unit_only(app, client, csrf_token, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    colleague = make_user("tp.quangphu2", unit=QUANG_PHU, name="Lê Văn D").id
    stranger = make_user("tp.ngoclac", unit=NGOC_LAC, name="Người Xã Khác").id
    a = _report(app)
    b = _report(app, status="accepted")
    theirs = _report(app, unit=NGOC_LAC, ward=NGOC_LAC)
    against_own = _report(app, accused=QUANG_PHU, escalate=True)
    login_as(client, "tp.quangphu")
    page = _page(client)
    assert "Lê Văn D" in page and "Người Xã Khác" not in page

    response = _bulk(
        client,
        csrf_token,
        {
            "action": "assign",
            "assignee": str(colleague),
            "ids": [str(a[0]), str(b[0]), str(theirs[0]), str(against_own[0])],
        },
        params={"status": "all", "q": "hẹn"},
    )
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/can-bo/?") and "status=all" in location and "q=h%E1%BA%B9n" in location
    assert _assignee(app, a[0]) == colleague and _assignee(app, b[0]) == colleague
    assert _assignee(app, theirs[0]) is None and _assignee(app, against_own[0]) is None
    with app.app_context():
        touched = db.session.scalars(select(ReportEvent.report_id).where(ReportEvent.kind == "assigned")).all()
        assert sorted(touched) == sorted([a[0], b[0]])
    page = client.get(location).get_data(as_text=True)
    assert "Đã giao 2 đơn cho Lê Văn D: " in page and a[1] in page
    assert f"đơn #{theirs[0]}: không tìm thấy" in page and theirs[1] not in page and against_own[1] not in page

    # Someone of another unit is not a choice; unassigning is a button of its own.
    response = _bulk(client, csrf_token, {"action": "assign", "assignee": str(stranger), "ids": [str(a[0])]})
    assert "Xin chọn cán bộ được giao." in client.get(response.headers["Location"]).get_data(as_text=True)
    assert _assignee(app, a[0]) == colleague
    _bulk(client, csrf_token, {"action": "unassign", "ids": [str(a[0])]})
    assert _assignee(app, a[0]) is None

    # Without the CSRF token nothing happens.
    response = client.post(
        "/can-bo/hang-loat", data={"bulk-action": "assign", "bulk-assignee": str(colleague), "bulk-ids": [str(a[0])]}
    )
    assert response.status_code in (302, 303, 400)
    assert _assignee(app, a[0]) is None


def test_supervisor_bulk_assigns_within_each_reports_unit(app, client, csrf_token, make_user, login_as):
    make_user("giamsat", role="supervisor")
    quang_phu_inspector = make_user("tp.quangphu", unit=QUANG_PHU, name="Trần Thị C").id
    ours = _report(app)
    theirs = _report(app, unit=NGOC_LAC, ward=NGOC_LAC)
    login_as(client, "giamsat")
    response = _bulk(
        client,
        csrf_token,
        {"action": "assign", "assignee": str(quang_phu_inspector), "ids": [str(ours[0]), str(theirs[0])]},
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _assignee(app, ours[0]) == quang_phu_inspector and _assignee(app, theirs[0]) is None
    assert f"{theirs[1]}: Chỉ giao được cho cán bộ đang làm việc của đơn vị đang giải quyết đơn." in page


def test_bulk_reroute_keeps_corrections_and_refuses_the_accused_body(app, client, csrf_token, make_user, login_as):
    make_user("tt.tinh", unit=PROVINCE)
    escalated = _report(app, unit=PROVINCE, accused=QUANG_PHU, escalate=True, category="doi-tien")
    misrouted = _report(app, unit=PROVINCE, text="Cán bộ phường Quảng Phú chậm trả sổ đỏ.")
    accepted = _report(app, unit=PROVINCE, status="accepted")
    to_triage = _report(app, unit=PROVINCE)
    theirs = _report(app, unit=NGOC_LAC, ward=NGOC_LAC)
    login_as(client, "tt.tinh")
    page = _page(client)
    assert 'name="ward"' in page  # a provincial body works across wards

    response = _bulk(
        client,
        csrf_token,
        {
            "action": "reroute",
            "unit": QUANG_PHU,
            "reason": "Thuộc thẩm quyền UBND phường",
            "ids": [str(escalated[0]), str(misrouted[0]), str(accepted[0]), str(theirs[0])],
        },
        params={"category": "cham-tre"},
    )
    assert response.status_code == 303 and "category=cham-tre" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        units = dict(db.session.execute(select(Report.id, Unit.code).join(Unit, Report.unit_id == Unit.id)).all())
        corrections = db.session.execute(select(Correction.report_id, Correction.reason)).all()
    assert units[misrouted[0]] == QUANG_PHU
    assert units[escalated[0]] == PROVINCE and units[accepted[0]] == PROVINCE and units[theirs[0]] == NGOC_LAC
    assert corrections == [(misrouted[0], "Thuộc thẩm quyền UBND phường")]
    assert f"Đã chuyển 1 đơn đến UBND Phường Quảng Phú: {misrouted[1]}." in page
    assert "không được chuyển cho chính cơ quan bị phản ánh" in page
    assert f"{accepted[1]}: Chỉ chuyển được đơn chưa thụ lý." in page
    assert f"đơn #{theirs[0]}: không tìm thấy" in page
    assert misrouted[1] not in _codes(page)  # now out of this unit's sight
    jobs = Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"]).job_ids
    assert "export-corrections" in jobs

    # A reason is required; back to triage works and leaves no correction.
    _bulk(client, csrf_token, {"action": "reroute", "unit": "__triage__", "reason": "", "ids": [str(to_triage[0])]})
    with app.app_context():
        assert db.session.get(Report, to_triage[0]).status == "routed"
    _bulk(
        client,
        csrf_token,
        {"action": "reroute", "unit": "__triage__", "reason": "Không rõ nơi xảy ra", "ids": [str(to_triage[0])]},
    )
    with app.app_context():
        report = db.session.get(Report, to_triage[0])
        assert report.status == "needs-triage" and report.unit_id is None
        assert db.session.scalar(select(func.count()).select_from(Correction)) == 1


def test_triage_officer_reroutes_needs_triage_only(app, client, csrf_token, make_user, login_as):
    make_user("phanloai", role="triage")
    waiting = _report(app, unit=None, status="needs-triage", ward=None)
    routed = _report(app)
    login_as(client, "phanloai")
    page = _page(client)
    assert _codes(page) == [waiting[1]] and _count(page, "status", "needs-triage") == 1
    assert "Giao các đơn đã chọn" not in page
    response = _bulk(
        client,
        csrf_token,
        {
            "action": "reroute",
            "unit": NGOC_LAC,
            "reason": "Xảy ra ở xã Ngọc Lặc",
            "ids": [str(waiting[0]), str(routed[0])],
        },
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"đơn #{routed[0]}: không tìm thấy" in page
    with app.app_context():
        assert db.session.get(Report, waiting[0]).unit.code == NGOC_LAC
        assert db.session.get(Report, routed[0]).unit.code == QUANG_PHU
    response = _bulk(client, csrf_token, {"action": "unassign", "ids": [str(waiting[0])]})
    assert "không giao đơn được" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_queue_queries_do_not_grow_with_the_rows(app, client, make_user, login_as):
    """No N+1: the clocks and assignees of a page come in a fixed number of queries, however many rows."""
    from sqlalchemy import event

    me = make_user("tp.quangphu", unit=QUANG_PHU, name="Trần Thị C").id
    login_as(client, "tp.quangphu")
    with app.app_context():
        engine = db.engine
    statements = []

    def count(*_args):
        statements.append(1)

    def measure():
        statements.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            page = _page(client)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        return len(statements), page

    for _ in range(3):
        _report(app, assignee_id=me, clocks=[(_due(app, 3), "running"), (_due(app, 8), "running")])
    few, page = measure()
    assert len(_codes(page)) == 3
    for _ in range(40):
        _report(app, assignee_id=me, clocks=[(_due(app, 3), "running"), (_due(app, 8), "running")])
    many, page = measure()
    assert len(_codes(page)) == 43 and page.count("Trần Thị C") >= 43
    assert many == few


# -- the bulk form as a browser uses it -------------------------------------------------------------------------------


class _Form(HTMLParser):
    """The controls of one form of a page, in tree order, as a browser sees them (`form=` owners included)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.action = form_id, False, None
        self.controls: list[dict] = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside, self.action = True, html.unescape(a["action"])
        owned = self.inside if "form" not in a else a["form"] == self.form_id
        if tag in ("input", "button") and owned:
            kind = a.get("type", "submit" if tag == "button" else "text")
            self.controls.append({"tag": tag, "type": kind, **a})
        elif tag == "select" and owned:
            self._select = {"tag": "select", "options": [], **a}
            self.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None

    def default_button(self) -> dict | None:
        """The button implicit submission (the Enter key in a field) presses: the form's first submit button."""
        return next((c for c in self.controls if c["tag"] in ("input", "button") and c["type"] == "submit"), None)

    def data(self, typed: dict, checked: set[str], submitter: dict | None = None) -> list[tuple[str, str]]:
        """What the browser posts: each enabled named control (checkboxes only when checked, a select its selected
        or first option, text what was typed), then the button pressed, if any."""
        out = []
        for c in self.controls:
            if "name" not in c or "disabled" in c or c.get("type") in ("submit", "button", "reset"):
                continue
            if c["tag"] == "select":
                options = c["options"]
                chosen = typed.get(c["name"]) or next(
                    (o["value"] for o in options if "selected" in o), options[0]["value"] if options else None
                )
                if chosen is not None:
                    out.append((c["name"], chosen))
            elif c.get("type") == "checkbox":
                if c["value"] in checked:
                    out.append((c["name"], c["value"]))
            else:
                out.append((c["name"], typed.get(c["name"], c.get("value", ""))))
        if submitter is not None and "name" in submitter:
            out.append((submitter["name"], submitter["value"]))
        return out


def _bulk_form(page: str) -> _Form:
    form = _Form("bulk")
    form.feed(page)
    assert form.action and form.controls, "the page has no bulk form"
    return form


def _post_as_browser(client, form: _Form, data: list[tuple[str, str]]) -> str:
    """Post the form's data to its action, as the browser does; the page it is sent back to."""
    response = client.post(form.action, data=MultiDict(data))
    assert response.status_code == 303
    return client.get(response.headers["Location"]).get_data(as_text=True)


def _flashes(page: str) -> list[str]:
    return [
        html.unescape(m)
        for m in re.findall(r'<p class="(?:notice|error banner)" role="(?:status|alert)">(.*?)</p>', page)
    ]


def _events(app, kind: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ReportEvent).where(ReportEvent.kind == kind))


def test_enter_in_a_bulk_field_does_nothing(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    colleague = make_user("tp.quangphu2", unit=QUANG_PHU, name="Lê Văn D").id
    a = _report(app, assignee_id=colleague)
    b = _report(app, assignee_id=colleague)
    login_as(client, "tp.quangphu")
    page = _page(client, q="hẹn")
    form = _bulk_form(page)

    # The Enter key presses the form's first submit button: it is disabled, so a browser submits nothing.
    default = form.default_button()
    assert default is not None and "disabled" in default and "name" not in default
    # No select of the form defaults to a change: the assignee's and the unit's first choices are empty, and no
    # assignee choice takes reports back (that is a button of its own).
    selects = {c["name"]: c["options"] for c in form.controls if c["tag"] == "select"}
    assert selects["bulk-assignee"][0]["value"] == "" and selects["bulk-unit"][0]["value"] == ""
    assert all(o["value"] == "" or o["value"].isdigit() for o in selects["bulk-assignee"])
    assert "Bỏ giao (chưa giao ai)" not in page

    # Even posted, what Enter would send (the fields, a reason typed, two rows checked, no button) changes nothing.
    typed = {"bulk-reason": "Thuộc thẩm quyền xã khác"}
    before = _events(app, "assigned"), _events(app, "status")
    shown = _post_as_browser(client, form, form.data(typed, {str(a[0]), str(b[0])}))
    assert _assignee(app, a[0]) == colleague and _assignee(app, b[0]) == colleague
    assert (_events(app, "assigned"), _events(app, "status")) == before
    messages = _flashes(shown)
    assert messages == [
        "Chưa làm gì với các đơn: xin bấm đúng nút của việc cần làm (Giao đơn, Bỏ giao hoặc Chuyển đơn)."
    ]
    assert not any(m.startswith(("Đã giao", "Đã bỏ giao", "Đã chuyển")) for m in messages)
    assert 'value="hẹn"' in shown  # back to the same filtered list


def test_unassign_is_an_explicit_button_and_each_action_says_what_it_did(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    colleague = make_user("tp.quangphu2", unit=QUANG_PHU, name="Lê Văn D").id
    a = _report(app, assignee_id=colleague)
    b = _report(app, assignee_id=colleague)
    c = _report(app)
    login_as(client, "tp.quangphu")
    form = _bulk_form(_page(client))
    buttons = {c["value"]: c for c in form.controls if c["tag"] == "button" and "name" in c}
    assert set(buttons) == {"assign", "unassign", "reroute"}
    picked = {str(a[0]), str(b[0]), str(c[0])}

    # "Giao đơn" with no one chosen (the select's empty first choice) refuses and takes nothing back.
    shown = _post_as_browser(client, form, form.data({}, picked, buttons["assign"]))
    assert _flashes(shown) == ["Xin chọn cán bộ được giao."]
    assert _assignee(app, a[0]) == colleague and _assignee(app, c[0]) is None

    # Nothing checked: refused, whatever the button.
    for button in buttons.values():
        shown = _post_as_browser(client, form, form.data({}, set(), button))
        assert _flashes(shown) == ["Chưa chọn đơn nào: xin đánh dấu các đơn cần xử lý trong danh sách rồi bấm lại."]

    # Reroute needs a place and a reason.
    shown = _post_as_browser(client, form, form.data({"bulk-reason": "Thuộc xã khác"}, picked, buttons["reroute"]))
    assert _flashes(shown) == ["Xin chọn nơi chuyển đến."]
    shown = _post_as_browser(client, form, form.data({"bulk-unit": NGOC_LAC}, picked, buttons["reroute"]))
    assert _flashes(shown) == ["Xin ghi lý do chuyển đơn (ít nhất 5 ký tự)."]
    long = {"bulk-unit": NGOC_LAC, "bulk-reason": "Thuộc xã khác. " * 40}
    shown = _post_as_browser(client, form, form.data(long, picked, buttons["reroute"]))
    assert _flashes(shown) == ["Lý do chuyển đơn dài quá 500 ký tự, xin viết gọn lại."]
    with app.app_context():
        assert {db.session.get(Report, r[0]).unit.code for r in (a, b, c)} == {QUANG_PHU}

    # The explicit button takes the reports back, and says how many and which.
    shown = _post_as_browser(client, form, form.data({}, picked, buttons["unassign"]))
    assert _flashes(shown) == [f"Đã bỏ giao 2 đơn: {a[1]}, {b[1]}.", f"1 đơn chưa giao cho ai, để nguyên: {c[1]}."]
    assert _assignee(app, a[0]) is None and _assignee(app, b[0]) is None
    shown = _post_as_browser(client, form, form.data({"bulk-assignee": str(colleague)}, {str(a[0])}, buttons["assign"]))
    assert _flashes(shown) == [f"Đã giao 1 đơn cho Lê Văn D: {a[1]}."]
    assert _assignee(app, a[0]) == colleague

    shown = _post_as_browser(
        client,
        form,
        form.data(
            {"bulk-unit": NGOC_LAC, "bulk-reason": "Xảy ra ở xã Ngọc Lặc"}, {str(b[0]), str(c[0])}, buttons["reroute"]
        ),
    )
    assert _flashes(shown) == [f"Đã chuyển 2 đơn đến UBND {ward_name(NGOC_LAC)}: {b[1]}, {c[1]}."]
    with app.app_context():
        assert db.session.get(Report, b[0]).unit.code == NGOC_LAC == db.session.get(Report, c[0]).unit.code


def test_the_filters_survive_a_bulk_action_and_never_mix_with_its_fields(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    colleague = make_user("tp.quangphu2", unit=QUANG_PHU, name="Lê Văn D").id
    a = _report(app, category="sach-nhieu", track="khieu-nai")
    b = _report(app, category="sach-nhieu", track="khieu-nai")
    other = _report(app, category="cham-tre")
    login_as(client, "tp.quangphu")
    params = {"assignee": "none", "category": "sach-nhieu", "track": "khieu-nai", "q": "hẹn", "sort": "newest"}
    page = _page(client, **params)
    assert set(_codes(page)) == {a[1], b[1]}
    form = _bulk_form(page)
    # The filters travel in the form's URL; no field of the form has a filter's name.
    action = urlsplit(form.action)
    assert action.path == "/can-bo/hang-loat" and dict(parse_qsl(action.query)) == params
    names = {c["name"] for c in form.controls if "name" in c}
    assert names and all(name.startswith("bulk-") for name in names)

    assign = next(c for c in form.controls if c.get("value") == "assign")
    response = client.post(
        form.action,
        data=MultiDict(form.data({"bulk-assignee": str(colleague)}, {str(a[0]), str(b[0])}, assign)),
    )
    assert response.status_code == 303
    location = urlsplit(response.headers["Location"])
    assert location.path == "/can-bo/" and dict(parse_qsl(location.query)) == params
    # The bulk assignee (a user id) did not become the "assignee" filter, nor the filter ("none") the assignee.
    assert _assignee(app, a[0]) == colleague == _assignee(app, b[0]) and _assignee(app, other[0]) is None
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _flashes(shown) == [f"Đã giao 2 đơn cho Lê Văn D: {a[1]}, {b[1]}."]
    assert _codes(shown) == []  # both are now assigned: the "not assigned" filter still applies
    assert 'value="hẹn"' in shown and re.search(r'<option value="newest" selected>', shown)


# -- what a row shows -------------------------------------------------------------------------------------------------


def _text(page: str) -> str:
    """The page's text as read on screen: no tags, no attributes, no scripts."""

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def _row(page: str, report_id: int) -> str:
    return re.search(rf'<tr id="row-{report_id}">(.*?)</tr>', page, re.S).group(1)


def test_rows_show_a_masked_excerpt_the_commune_the_kind_and_the_deadline_in_words(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    text = (
        "Tôi gọi số 0912 345 678 và gửi thư tới dan.nguyen@example.com nhưng cán bộ địa chính phường vẫn hẹn lần "
        "hẹn lữa, bắt bồi dưỡng mới làm hồ sơ sổ đỏ cho gia đình tôi, đã ba tháng nay chưa có kết quả gì cả."
    )
    late = _report(app, text=text, category="sach-nhieu", track="khieu-nai", clocks=[(_due(app, -2), "running")])
    _set(app, late[0], kind="phan-anh", reporter_phone="0988 777 666")
    short = _report(app, text="Cán bộ một cửa chậm trả hồ sơ, gọi 0988777666.", clocks=[(_due(app, 3), "paused")])
    _set(app, short[0], reporter_phone="0988777666")
    login_as(client, "tp.quangphu")
    page = _page(client)
    row = _text(_row(page, late[0]))

    excerpt = re.search(r'<span class="excerpt">(.*?)</span>', _row(page, late[0]), re.S).group(1)
    assert excerpt.startswith(
        "Tôi gọi số [đã che] và gửi thư tới [đã che] nhưng cán bộ địa chính"
    ) and excerpt.endswith("…")
    assert len(excerpt) <= 121 and "hồ sơ sổ đỏ" not in excerpt  # the first ~120 characters, cut at a word
    assert "0912" not in page and "345 678" not in page and "example.com" not in page
    assert "[đã che]" in _row(page, short[0]) and "0988777666" not in page
    assert "Phường Quảng Phú" in row
    assert label("phan-anh") in row and f"giải quyết theo: {label('khieu-nai')}" in row
    assert label("sach-nhieu") in row
    assert label("routed") in row
    with app.app_context():
        stored = db.session.get(Report, late[0]).next_due_on
        late_by = -app.extensions["services"].calendar.working_days_between(_today(app), stored)
    assert stored == _due(app, -2)
    assert f"{format_date(stored)} — quá hạn {late_by} ngày làm việc" in row
    short_row = _text(_row(page, short[0]))
    assert f"{format_date(_due(app, 3))} — còn 3 ngày làm việc (tạm dừng)" in short_row
    assert "quá hạn" not in short_row


def test_the_default_list_leaves_out_finished_reports_and_shows_no_codes(app, client, make_user, login_as):
    make_user("tp.quangphu", unit=QUANG_PHU)
    working = _report(app, category="sach-nhieu", status="accepted", clocks=[(_due(app, 4), "running")])
    suspended = _report(app, category="sach-nhieu", status="suspended", clocks=[(_due(app, 6), "paused")])
    awaiting = _report(app, status="awaiting-approval", track="to-cao", clocks=[(_due(app, 2), "running")])
    resolved = _report(app, status="resolved", category="sach-nhieu", clocks=[(_due(app, -5), "breached")])
    refused = _report(app, status="not-accepted", category="sach-nhieu", track="khieu-nai")
    login_as(client, "tp.quangphu")

    page = _page(client)
    assert set(_codes(page)) == {working[1], suspended[1], awaiting[1]}
    assert _total(page) == 3 == _count(page, "status", "")
    assert _count(page, "status", "done") == 2 and _count(page, "status", "all") == 5
    # Every facet counts the same list: the open reports.
    assert _count(page, "category", "") == 3 and _count(page, "category", "sach-nhieu") == 2
    assert _count(page, "track", "") == 3 and _count(page, "track", "khieu-nai") == 0
    assert _count(page, "assignee", "") == 3 and _count(page, "due", "") == 3
    # The new statuses, in words, each with its count.
    for status, n in (("suspended", 1), ("awaiting-approval", 1), ("resolved", 1), ("not-accepted", 1)):
        assert _count(page, "status", status) == n, status
    text = _text(page)
    for status in ("suspended", "awaiting-approval", "not-accepted"):
        assert f"{label(status)} (1)" in text
    for status in ("guided", "transferred", "archived", "returned", "withdrawn", "terminated"):
        assert f"{label(status)} (0)" in text

    everything = _page(client, status="all")
    assert set(_codes(everything)) == {r[1] for r in (working, suspended, awaiting, resolved, refused)}
    assert _total(everything) == 5 == _count(everything, "status", "all")
    assert set(_codes(_page(client, status="done"))) == {resolved[1], refused[1]}
    assert _codes(_page(client, status="not-accepted")) == [refused[1]]
    refused_row = _text(_row(everything, refused[0]))
    assert label("not-accepted") in refused_row and "Không có hạn đang tính" in refused_row

    # No code on screen, its label instead.
    shown = _text(everything)
    for code in ("sach-nhieu", "not-accepted", "awaiting-approval", "suspended", "khieu-nai", "to-cao", "phan-anh"):
        assert code not in shown, code
    for words in (label("sach-nhieu"), label("not-accepted"), label("suspended"), "Khiếu nại", "Tố cáo"):
        assert words in shown
    assert not re.search(r"\b\d{5}\b", shown)  # no bare ward code either
