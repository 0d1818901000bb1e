"""The supervisors' dashboard and triage/reporting/stats.py against figures computed by hand on a small fixed data set.

The data set (March 2026, days in Asia/Ho_Chi_Minh; DASHBOARD_MIN_SAMPLE = 4), put straight in the database:

unit A = phường Quảng Phú (16522)
  a1  received 02/03  accepted (2 wd, on time)  resolved 16/03 (10 wd, on time)  substantiated
  a2  received 03/03  accepted (3 wd, on time)  resolved 18/03 (12 wd, on time)  unsubstantiated
  a3  received 04/03  accepted (5 wd, on time)  resolved 27/03 (20 wd, late)     partly-substantiated
  a4  received 05/03  accepted (8 wd, late)     resolved 30/03 (30 wd, late)     transferred (no finding)
  a5  received 06/03  accepted (4 wd, on time)  open, overdue
  a6  received 10/03  escalated: accuses the head of A itself; open, overdue   (hidden from A's inspector)
  a7  received 2026-02-28 18:00 UTC = 01/03 01:00 in Vietnam: IN March; open, not overdue
  a8  received 2026-03-31 17:30 UTC = 01/04 00:30 in Vietnam: NOT in March; open
unit B = xã Ngọc Lặc (15061)
  b1  received 09/03  accepted (1 wd, on time)  resolved 20/03 (7 wd, on time)   unsubstantiated
  b2  received 11/03  accepted (6 wd, on time)  resolved 25/03 (25 wd, late)     substantiated

Supervisor, March 2026:
  received  a1..a7 + b1, b2 = 9 (a8 is April)
  open      a5, a6, a7 = 3 (a8 received after the period's end); overdue: a5, a6 = 2
  accepted  a1..a5, b1, b2 = 7; on time 6 (all but a4) -> 6/7
  accepted_wd sorted 1 2 3 4 5 6 8 (n=7): median at position 0.5*6 = 3 -> 4;
            p90 at 0.9*6 = 5.4 -> 6 + 0.4*(8-6) = 6.8
  resolved  a1..a4, b1, b2 = 6; on time a1, a2, b1 = 3/6
  resolved_wd sorted 7 10 12 20 25 30 (n=6): median at 2.5 -> 12 + 0.5*(20-12) = 16;
            p90 at 4.5 -> 25 + 0.5*(30-25) = 27.5
  substantiated: findings a1 a2 a3 b1 b2 (a4 transferred) = 5; substantiated or partly a1 a3 b2 = 3 -> 3/5
League: A has 4 reports resolved (sample 4 >= 4): ranked 1st, 2/4 on time.
  B has 2 (< 4): listed, NOT ranked; 1/2 on time, Wilson 95% (z = 1.959964):
    p = 0.5, n = 2, z² = 3.841459; denominator 1 + z²/n = 2.920730; centre (0.5 + z²/4)/2.920730 = 0.5;
    half-width z*sqrt(0.25/2 + z²/16)/2.920730 = 1.959964*0.604228/2.920730 = 1.184265/2.920730 = 0.405469
    -> [0.094531, 0.905469]
  A's backlog on 10/04/2026: a5, a6, a7 open; oldest a7 received 01/03 -> 40 days.
A's inspector (never sees a6): received 6, open 2 (a5, a7), overdue 1 (a5); league = A only, received 6.
"""

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Report, ReportEvent, Unit
from core.vietnamese import Period, today_in_vietnam, utc_bounds
from intake.receipts import new_tracking_code
from triage.reporting import stats

A, B = "16522", "15061"
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def app(make_app):
    return make_app(WTF_CSRF_ENABLED=True, LOGIN_RATE_LIMIT="1000 per minute", DASHBOARD_MIN_SAMPLE=4)


def _utc(day, hour=3, month=3, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def data(app):
    """The data set above; returns {name: tracking code}."""
    with app.app_context():
        ids = dict(db.session.execute(select(Unit.code, Unit.id).where(Unit.code.in_([A, B]))).all())
        rows = {
            "a1": dict(
                unit=A,
                received_at=_utc(2),
                status="closed",
                accepted_at=_utc(4),
                accepted_wd=2,
                accepted_on_time=True,
                resolved_at=_utc(16),
                resolved_wd=10,
                resolved_on_time=True,
                outcome="substantiated",
            ),
            "a2": dict(
                unit=A,
                received_at=_utc(3),
                status="resolved",
                accepted_at=_utc(6),
                accepted_wd=3,
                accepted_on_time=True,
                resolved_at=_utc(18),
                resolved_wd=12,
                resolved_on_time=True,
                outcome="unsubstantiated",
            ),
            "a3": dict(
                unit=A,
                received_at=_utc(4),
                status="resolved",
                accepted_at=_utc(11),
                accepted_wd=5,
                accepted_on_time=True,
                resolved_at=_utc(27),
                resolved_wd=20,
                resolved_on_time=False,
                outcome="partly-substantiated",
                overdue_at=_utc(25),
            ),
            "a4": dict(
                unit=A,
                received_at=_utc(5),
                status="resolved",
                accepted_at=_utc(17),
                accepted_wd=8,
                accepted_on_time=False,
                resolved_at=_utc(30),
                resolved_wd=30,
                resolved_on_time=False,
                outcome="transferred",
                overdue_at=_utc(16),
            ),
            "a5": dict(
                unit=A,
                received_at=_utc(6),
                status="accepted",
                accepted_at=_utc(12),
                accepted_wd=4,
                accepted_on_time=True,
                overdue_at=_utc(28),
            ),
            "a6": dict(unit=A, received_at=_utc(10), status="routed", escalate=True, accused=A, overdue_at=_utc(24)),
            "a7": dict(unit=A, received_at=datetime(2026, 2, 28, 18, tzinfo=UTC), status="routed"),
            "a8": dict(unit=A, received_at=datetime(2026, 3, 31, 17, 30, tzinfo=UTC), status="routed"),
            "b1": dict(
                unit=B,
                received_at=_utc(9),
                status="resolved",
                accepted_at=_utc(10),
                accepted_wd=1,
                accepted_on_time=True,
                resolved_at=_utc(20),
                resolved_wd=7,
                resolved_on_time=True,
                outcome="unsubstantiated",
            ),
            "b2": dict(
                unit=B,
                received_at=_utc(11),
                status="resolved",
                accepted_at=_utc(19),
                accepted_wd=6,
                accepted_on_time=True,
                resolved_at=_utc(25),
                resolved_wd=25,
                resolved_on_time=False,
                outcome="substantiated",
                overdue_at=_utc(23),
            ),
        }
        codes = {}
        for name, fields in rows.items():
            unit = fields.pop("unit")
            accused = fields.pop("accused", None)
            report = Report(
                tracking_code=new_tracking_code(),
                passphrase_hash="-",
                text=f"Đơn thử {name}",
                text_folded=f"don thu {name}",
                kind="phan-anh",
                track="phan-anh",
                unit_id=ids[unit],
                ward_code=unit,
                agency="xa",
                category="cham-tre" if name != "b2" else "doi-tien",
                accused_unit_id=ids[accused] if accused else None,
                **fields,
            )
            db.session.add(report)
            db.session.flush()
            codes[name] = report.tracking_code
        db.session.commit()
    return codes


@pytest.fixture
def staff(make_user):
    """The province's supervisor and A's inspector."""
    return (
        make_user("giamsat", role="supervisor", name="Giám sát tỉnh"),
        make_user("tp.quangphu", unit=A, name="Trần Thị C"),
    )


# -- stats.py, hand-computed --------------------------------------------------------------------------------------


def test_summary_matches_hand_computed_figures(app, data, staff):
    supervisor, inspector = staff
    with app.app_context():
        s = stats.period_summary(db.session, supervisor, *MARCH)
        assert (s.received, s.open_now, s.overdue_now, s.accepted, s.resolved) == (9, 3, 2, 7, 6)
        assert (s.accepted_on_time.k, s.accepted_on_time.n) == (6, 7)
        assert (s.resolved_on_time.k, s.resolved_on_time.n) == (3, 6)
        assert (s.substantiated.k, s.substantiated.n) == (3, 5)
        assert s.accepted_wd_median == pytest.approx(4.0)
        assert s.accepted_wd_p90 == pytest.approx(6.8)
        assert s.resolved_wd_median == pytest.approx(16.0)
        assert s.resolved_wd_p90 == pytest.approx(27.5)

        # The accused body's inspector: a6 is in no figure.
        mine = stats.period_summary(db.session, inspector, *MARCH)
        assert (mine.received, mine.open_now, mine.overdue_now) == (6, 2, 1)
        assert (mine.resolved, mine.resolved_on_time.k) == (4, 2)
        # Filters narrow the same way.
        only_b = stats.period_summary(
            db.session, supervisor, *MARCH, unit_id=db.session.scalar(select(Unit.id).where(Unit.code == B))
        )
        assert (only_b.received, only_b.resolved, only_b.resolved_wd_median) == (2, 2, pytest.approx(16.0))
        with pytest.raises(TypeError):
            stats.period_summary(db.session, supervisor, *MARCH, colour="red")


def test_league_ranks_only_units_with_enough_sample_and_gives_wilson_bounds(app, data, staff):
    supervisor, inspector = staff
    with app.app_context():
        rows = stats.league(db.session, supervisor, *MARCH, min_sample=4, today=date(2026, 4, 10))
        assert len(rows) == db.session.query(Unit).count()  # every unit is listed
        by_code = {r.code: r for r in rows}
        a, b = by_code[A], by_code[B]
        assert rows[0] is a and a.ranked and a.rank == 1
        assert (a.received, a.resolved, a.resolved_on_time.k, a.resolved_on_time.n) == (7, 4, 2, 4)
        assert (a.open_now, a.overdue_now, a.backlog_age_days) == (3, 2, 40)
        assert a.resolved_wd_median == pytest.approx(16.0)  # 10 12 20 30 -> (12 + 20) / 2
        assert not b.ranked and b.rank is None
        assert (b.resolved_on_time.k, b.resolved_on_time.n) == (1, 2)
        assert b.resolved_on_time.low == pytest.approx(0.094531, abs=1e-6)
        assert b.resolved_on_time.high == pytest.approx(0.905469, abs=1e-6)
        assert (b.substantiated.k, b.substantiated.n) == (1, 2)
        assert [r.code for r in rows if r.ranked] == [A]

        mine = stats.league(db.session, inspector, *MARCH, min_sample=4, today=date(2026, 4, 10))
        assert [(r.code, r.received, r.open_now, r.overdue_now) for r in mine] == [(A, 6, 2, 1)]


def test_trend_matrices_wards_and_officers(app, data, staff):
    supervisor, inspector = staff
    with app.app_context():
        t = stats.trend(db.session, supervisor, *MARCH, "week")
        assert t.points[0].start == date(2026, 2, 23)  # the Monday of the week holding 1 March
        assert sum(p.received for p in t.points) == 9 and sum(p.resolved for p in t.points) == 6
        week = {p.start: p.received for p in t.points}
        # 01/03 (a7) falls in the week of 23/02; 02-06/03 (a1..a5) in the week of 02/03; 09-11/03: a6, b1, b2.
        assert (week[date(2026, 2, 23)], week[date(2026, 3, 2)], week[date(2026, 3, 9)]) == (1, 5, 3)
        assert t.previous.starts_on == date(2026, 2, 1) and sum(p.received for p in t.previous_points) == 0
        m = stats.trend(db.session, supervisor, date(2026, 1, 1), date(2026, 12, 31), "month")
        assert [(p.start.month, p.received) for p in m.points if p.received] == [(3, 9), (4, 1)]

        agency = stats.category_matrix(db.session, supervisor, *MARCH, by="agency")
        assert agency.cell("cham-tre", "xa").received == 8 and agency.cell("doi-tien", "xa").received == 1
        assert agency.cell("cham-tre", "xa").overdue == 4  # a3, a4, a5, a6 (received in March, breached)
        mine = stats.category_matrix(db.session, inspector, *MARCH, by="unit")
        assert sum(c.received for c in mine.cells.values()) == 6

        wards = {w.ward_code: w for w in stats.ward_rows(db.session, supervisor, *MARCH)}
        assert (wards[A].received, wards[A].overdue, wards[A].open_now) == (7, 4, 3)
        assert wards[A].overdue_rate.rate == pytest.approx(4 / 7)
        assert (wards[B].received, wards[B].overdue) == (2, 1)
        mine = {w.ward_code: w for w in stats.ward_rows(db.session, inspector, *MARCH)}
        assert set(mine) == {A} and (mine[A].received, mine[A].overdue) == (6, 3)


def test_officer_rows(app, data, staff):
    supervisor, inspector = staff
    with app.app_context():
        for code in (data["a1"], data["a3"], data["a5"]):
            report = db.session.scalar(select(Report).where(Report.tracking_code == code))
            report.assignee_id = inspector.id
            if report.resolved_at:
                report.resolved_by_id = inspector.id
        reopened = db.session.scalar(select(Report).where(Report.tracking_code == data["a3"]))
        reopened.reopened = 1
        reopened.events.append(ReportEvent(kind="reopened", at=_utc(28), data={}))  # xử lý lại in March
        db.session.commit()
        rows = stats.officer_rows(db.session, supervisor, *MARCH)
        assert [
            (r.username, r.handled, r.resolved, r.on_time, r.overdue, r.substantiated, r.reopened) for r in rows
        ] == [("tp.quangphu", 3, 2, 1, 2, 2, 1)]


# -- pages and drill-down -----------------------------------------------------------------------------------------


def _codes(page: str) -> set[str]:
    return set(re.findall(r'class="tracking" href="[^"]+">(TH-[A-Z0-9]{4}-[A-Z0-9]{4})</a>', page))


def _drill(client, **params):
    response = client.get("/can-bo/tong-quan/don", query_string={"start": "2026-03-01", "end": "2026-03-31", **params})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    total = int(re.search(r'id="drill-total">(\d+)<', page).group(1))
    return total, _codes(page)


def test_drill_down_lists_exactly_the_reports_behind_each_figure(app, client, data, staff, login_as):
    login_as(client, "giamsat")
    d = data
    expected = {
        "received": {"a1", "a2", "a3", "a4", "a5", "a6", "a7", "b1", "b2"},
        "open": {"a5", "a6", "a7"},
        "overdue": {"a5", "a6"},
        "resolved": {"a1", "a2", "a3", "a4", "b1", "b2"},
        "resolved_late": {"a3", "a4", "b2"},
        "accepted_late": {"a4"},
        "substantiated": {"a1", "a3", "b2"},
    }
    for figure, names in expected.items():
        total, codes = _drill(client, figure=figure)
        assert codes == {d[n] for n in names}, figure
        assert total == len(names), figure
    assert _drill(client, figure="received", unit=B)[1] == {d["b1"], d["b2"]}
    assert _drill(client, figure="received", category="doi-tien")[1] == {d["b2"]}
    assert _drill(client, figure="breached", ward=A)[1] == {d[n] for n in ("a3", "a4", "a5", "a6")}

    page = client.get("/can-bo/tong-quan/", query_string={"period": "month", "ref": "2026-03"}).get_data(as_text=True)
    card = lambda key: re.search(rf'id="card-{key}">.*?<strong class="value">([^<]+)</strong>', page, re.S).group(1)  # noqa: E731
    assert (card("received"), card("open"), card("overdue"), card("resolved")) == ("9", "3", "2", "6")
    assert card("accepted_late") == "85,7%" and card("resolved_late") == "50,0%"
    assert "chưa đủ mẫu" in page and "Tổng quan" in page
    assert re.search(rf'<tr class="unranked" data-unit="{B}">', page)
    assert re.search(rf'<tr class="" data-unit="{A}">\s*<td>1</td>', page)
    hot = client.get("/can-bo/tong-quan/diem-nong", query_string={"ref": "2026-03"})
    assert hot.status_code == 200 and "<svg" in hot.get_data(as_text=True)
    assert "<title" in hot.get_data(as_text=True) and "tỷ lệ đơn quá hạn" in hot.get_data(as_text=True).lower()


def test_accused_bodys_inspector_never_sees_the_escalated_report(app, client, data, staff, login_as):
    login_as(client, "tp.quangphu")
    for figure in ("received", "open", "overdue", "breached"):
        total, codes = _drill(client, figure=figure)
        assert data["a6"] not in codes, figure
    assert _drill(client, figure="overdue") == (1, {data["a5"]})
    # Asking for another unit changes nothing: an inspector is held to their own unit.
    assert _drill(client, figure="received", unit=B)[1] == {data[n] for n in ("a1", "a2", "a3", "a4", "a5", "a7")}
    page = client.get("/can-bo/tong-quan/", query_string={"ref": "2026-03"}).get_data(as_text=True)
    assert re.search(r'id="card-received">.*?<strong class="value">6</strong>', page, re.S)
    assert re.search(r'id="card-overdue">.*?<strong class="value">1</strong>', page, re.S)
    assert f'data-unit="{B}"' not in page
    hot = client.get("/can-bo/tong-quan/diem-nong", query_string={"ref": "2026-03"}).get_data(as_text=True)
    assert data["a6"] not in hot


def test_only_supervisors_admins_and_inspectors(app, client, make_user, login_as):
    make_user("phanloai", role="triage")
    assert client.get("/can-bo/tong-quan/").status_code in (302, 401)
    login_as(client, "phanloai")
    assert client.get("/can-bo/tong-quan/").status_code == 404
    assert client.get("/can-bo/tong-quan/don?figure=received&start=2026-03-01&end=2026-03-31").status_code == 404


def test_periods_in_vietnam_days():
    lo, hi = utc_bounds(date(2026, 3, 1), date(2026, 3, 31))
    assert lo == datetime(2026, 2, 28, 17, tzinfo=UTC) and hi == datetime(2026, 3, 31, 17, tzinfo=UTC)
    assert Period.containing("quarter", date(2026, 2, 5)).previous() == Period(
        "quarter", date(2025, 10, 1), date(2025, 12, 31)
    )
    assert Period.custom(date(2026, 3, 10), date(2026, 3, 19)).previous().starts_on == date(2026, 2, 28)
    assert stats.wilson(0, 0) == (None, None)


# -- the supervisors' screens ---------------------------------------------------------------------------------------


def test_supervisors_land_on_the_dashboard_the_others_on_the_queue(app, client, make_user, login_as):
    make_user("giamsat", role="supervisor")
    make_user("quantri", role="admin")
    make_user("tp.quangphu", unit=A)
    for username, home in (("giamsat", "/can-bo/tong-quan/"), ("quantri", "/can-bo/"), ("tp.quangphu", "/can-bo/")):
        with app.test_client() as fresh:
            assert login_as(fresh, username).headers["Location"] == home, username
    # A page asked for before signing in still wins.
    with app.test_client() as fresh:
        response = login_as(fresh, "giamsat", query_string={"next": "/can-bo/tong-quan/diem-nong"})
        assert response.headers["Location"] == "/can-bo/tong-quan/diem-nong"


def test_filters_pick_the_unit_by_name_and_the_period_from_a_list(app, client, data, staff, login_as):
    login_as(client, "giamsat")
    page = client.get("/can-bo/tong-quan/", query_string={"ref": "2026-03"}).get_data(as_text=True)
    assert "vd. 16522" not in page and 'name="unit" value=' not in page  # no code typed by hand
    units = re.search(r'<select id="p-unit" name="unit">(.*?)</select>', page, re.S).group(1)
    assert re.search(rf'<option value="{A}">UBND Phường Quảng Phú</option>', units)
    assert 'data-picker data-noun="đơn vị"' in page  # the commune picker's search, over these options
    periods = re.search(r'<select id="p-ref" name="ref">(.*?)</select>', page, re.S).group(1)
    assert re.search(r'<option value="2026-03" selected>Tháng 3/2026</option>', periods)
    assert '<optgroup label="Quý">' in periods and '<option value="custom">' in periods
    assert 'name="period"' not in page
    # What the picker sends: the reference names the kind of period; "custom" takes the two dates.
    quarter = client.get("/can-bo/tong-quan/", query_string={"ref": "2026-Q1"}).get_data(as_text=True)
    assert "<title>Tổng quan — Quý I/2026 — Tỉnh Thanh Hóa</title>" in quarter
    custom = client.get(
        "/can-bo/tong-quan/", query_string={"ref": "custom", "start": "2026-03-01", "end": "2026-03-10"}
    ).get_data(as_text=True)
    assert re.search(r'<option value="custom" selected>', custom) and "01/03/2026 – 10/03/2026" in custom


def test_league_hides_units_without_reports_unless_asked(app, client, data, staff, login_as):
    login_as(client, "giamsat")
    page = client.get("/can-bo/tong-quan/", query_string={"ref": "2026-03"}).get_data(as_text=True)
    shown = re.findall(r'<tr class="[^"]*" data-unit="([^"]+)">', page)
    assert shown == [A, B]
    toggle = re.search(r'<p class="actions" id="league-toggle"><a class="button" href="([^"]+)">Hiện cả (\d+)', page)
    with app.app_context():
        quiet = db.session.query(Unit).count() - 2
    assert int(toggle.group(2)) == quiet
    everything = client.get(toggle.group(1).replace("&amp;", "&")).get_data(as_text=True)
    rows = re.findall(r'<tr class="[^"]*" data-unit="([^"]+)">', everything)
    assert len(rows) == quiet + 2 and rows[:2] == [A, B]  # the active units first
    assert f"Ẩn {quiet} đơn vị không có đơn" in everything
    # Sorting keeps the choice.
    assert re.search(r'href="/can-bo/tong-quan/\?[^"]*units=all[^"]*">Tiếp nhận</a>', everything)


def test_dashboard_kpi_tab_and_kpi_page_open_on_the_same_month(app, client, staff, login_as):
    login_as(client, "giamsat")
    label = Period.containing("month", today_in_vietnam()).label
    officers = client.get("/can-bo/tong-quan/can-bo").get_data(as_text=True)
    kpi = client.get("/can-bo/bao-cao-dinh-ky/kpi").get_data(as_text=True)
    dashboard = client.get("/can-bo/tong-quan/").get_data(as_text=True)
    for page in (officers, kpi, dashboard):
        assert re.search(rf"<title>[^<]*{re.escape(label)}[^<]*</title>", page)
    # The KPI page's period is picked from a list too; a quarter's reference says its kind.
    assert re.search(rf'<select name="start" id="k-start">.*?selected>{re.escape(label)}</option>', kpi, re.S)
    quarter = client.get("/can-bo/bao-cao-dinh-ky/kpi", query_string={"start": "2026-Q1"}).get_data(as_text=True)
    assert "<title>Số liệu KPI — Quý I/2026" in quarter


def test_headings_say_what_is_filtered(app, client, data, staff, login_as):
    login_as(client, "giamsat")
    province = client.get("/can-bo/tong-quan/", query_string={"ref": "2026-03"}).get_data(as_text=True)
    assert "<h1>Tổng quan — toàn tỉnh</h1>" in province
    hot = client.get("/can-bo/tong-quan/diem-nong", query_string={"ref": "2026-03", "ward": A, "category": "cham-tre"})
    assert "<h1>Điểm nóng — UBND Phường Quảng Phú · " in hot.get_data(as_text=True)
    drill = client.get(
        "/can-bo/tong-quan/don",
        query_string={"figure": "received", "start": "2026-03-01", "end": "2026-03-31", "ward": A},
    ).get_data(as_text=True)
    assert "toàn tỉnh" not in drill
    assert re.search(r"<h1>Các đơn: [^<]+ — UBND Phường Quảng Phú</h1>", drill)
    assert re.search(r'id="drill-summary">.*· UBND Phường Quảng Phú', drill, re.S)
