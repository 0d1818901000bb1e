"""The legal procedure's figures (triage/reporting/outcomes.py): the decisions taken on each đơn, the on-time rate
of each legal deadline and the leaders' sign-off, per unit, per officer and province-wide, against a small data set
whose figures are counted by hand below (February and March 2026; days and times in Vietnam, UTC+7; March 2026
starts on a Sunday; DASHBOARD_MIN_SAMPLE = 4).

unit A = phường Quảng Phú (16522), officer a1; unit B = xã Ngọc Lặc (15061), officer b1.

    A1 (a1)  accepted 04/02; submitted 02/03, returned for revision 03/03, submitted 05/03 (Thu) 10:00, approved
             10/03 (Tue) 15:00 (3 working days: 06, 09, 10), reopened 20/03, submitted 25/03 (Wed), approved 27/03
             (Fri) (2 working days): resolved twice in March, counted once.
             clocks: acceptance due 10/02 met 04/02 (February, on time); resolution due 06/03 met 10/03 (late).
    A2 (a1)  not accepted 03/03; acceptance due 05/03 met 03/03 (on time).
    A3 (a1)  guided 31/03 23:30 (still March in Vietnam); acceptance due 31/03 met 31/03 23:30 (on time).
    A4 (a1)  transferred 01/04 00:30 (31/03 17:30 UTC: April); acceptance due 02/04 met then (April).
    A5 (a1)  accepted 05/03, withdrawn 12/03; acceptance due 10/03 met 11/03 00:30 (10/03 17:30 UTC: the UTC date
             is the due date, the Vietnamese one is not: late); resolution running (not closed).
    A6 (-)   archived 06/03; acceptance due 06/03 met 06/03 23:59 (on time).
    B1 (b1)  accepted 10/02, suspended 15/02, resumed 20/02 (no new acceptance), terminated 05/03;
             acceptance due 12/02 breached 13/02 (February, late).
    B2 (b1)  returned 09/03; acceptance breached 05/03 (late); forward due 12/03 met 09/03 (on time).
    B3 (b1)  accepted 02/03, resolved 30/03 (no sign-off); acceptance due 03/03 met 02/03 (on time);
             notify due 09/03 met 04/03 (on time).
    B4 (b1)  accepted 03/02, resolved 27/02, reopened 02/03.
    C1 (-)   no unit: withdrawn 15/03 before routing (province only).

March:  A: accepted 1 (A5), not accepted 1, guided 1, archived 1, withdrawn 1, resolved 1 (A1), reopened 1 (A1)
        B: accepted 1 (B3), returned 1, terminated 1, resolved 1 (B3), reopened 1 (B4)
        province (with C1): accepted 2, not accepted 1, guided 1, transferred 0, archived 1, returned 1,
        withdrawn 2, terminated 1, resolved 2, reopened 2
        clocks: A acceptance 3 on time / 4 (A2, A3, A6; A5 late), resolution 0/1; B acceptance 1/2, forward 1/1,
        notify 1/1; province acceptance 4/6 (66,7 %), forward 1/1, notify 1/1, resolution 0/1
        sign-off (A): submitted 3, approved 2, revision requested 1, median working days (3, 2) = 2.5
February: A accepted 1; B accepted 2 (B1, B4), resolved 1 (B4); acceptance clocks A 1/1, B 0/1.
"""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.extensions import db
from core.models import Clock, PeriodicReport, Report, ReportEvent, Unit
from core.search import fold
from core.vietnamese import Period, today_in_vietnam
from intake.receipts import new_tracking_code
from triage.casework.actions import accept_report
from triage.deadlines.calendar import end_of_day_utc
from triage.reporting import outcomes, stats
from triage.reporting.figures import province_user
from triage.reporting.jobs import build_periodic_report
from triage.reporting.periodic import collect_figures, file_path
from triage.routing.jobs import route_report

VN = ZoneInfo("Asia/Ho_Chi_Minh")
A, B = "16522", "15061"
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
FEBRUARY = (date(2026, 2, 1), date(2026, 2, 28))
APRIL = (date(2026, 4, 1), date(2026, 4, 30))
TEXT = "Cán bộ địa chính xã hẹn lần hẹn lữa, ba tháng chưa trả kết quả hồ sơ đất của gia đình tôi."
ORDER = (
    "accepted",
    "not-accepted",
    "guided",
    "transferred",
    "archived",
    "returned",
    "withdrawn",
    "terminated",
    "resolved",
    "reopened",
)


@pytest.fixture
def app(make_app, tmp_path):
    return make_app(
        WTF_CSRF_ENABLED=True,
        LOGIN_RATE_LIMIT="1000 per minute",
        DASHBOARD_MIN_SAMPLE=4,
        PERIODIC_REPORTS_DIR=str(tmp_path / "periodic"),
    )


def vn(month, day, hour=10, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=VN).astimezone(UTC)


def _status(report, at, previous, status):
    report.events.append(ReportEvent(kind="status", at=at, data={"previous": previous, "status": status}))


def _event(report, at, kind):
    report.events.append(ReportEvent(kind=kind, at=at, data={}))


def _clock(report, stage, due_on, status, *, stopped_at=None, breached_at=None):
    report.clocks.append(
        Clock(
            stage=stage,
            track=report.track,
            label=outcomes.STAGE_LABELS[stage],
            starts_on=due_on - timedelta(days=10),
            due_on=due_on,
            due_at=end_of_day_utc(due_on),
            amount=5,
            unit="working_days",
            policy_version="test",
            status=status,
            stopped_at=stopped_at,
            breached_at=breached_at,
        )
    )


def _report(unit_code, *, assignee=None, status, steps=(), track="phan-anh", **fields):
    """A report with its decisions: steps are (at, previous, status) status events or (at, kind) events."""
    unit = db.session.scalar(select(Unit).where(Unit.code == unit_code)) if unit_code else None
    report = Report(
        tracking_code=new_tracking_code(),
        passphrase_hash="-",
        text=TEXT,
        text_folded=fold(TEXT),
        kind=track,
        track=track,
        status=status,
        unit_id=unit.id if unit else None,
        agency=unit.agency if unit else None,
        ward_code=unit.ward_code if unit else None,
        category="cham-tre",
        received_at=vn(2, 1),
        assignee_id=assignee,
        **fields,
    )
    for step in steps:
        if len(step) == 3:
            _status(report, *step)
        else:
            _event(report, *step)
    db.session.add(report)
    return report


@pytest.fixture
def data(app, make_user):
    a1 = make_user("qp.a1", role="inspector", unit=A, name="Nguyễn Văn A")
    b1 = make_user("nl.b1", role="inspector", unit=B, name="Trần Thị B")
    make_user("giamsat", role="supervisor", name="Lãnh đạo giám sát")
    with app.app_context():
        r = {}
        r["A1"] = _report(
            A,
            assignee=a1.id,
            status="resolved",
            # The last submission and approval: the approval of 27/03 reads its submission here, the one of
            # 10/03 (before the last submission) from the events.
            submitted_at=vn(3, 25),
            approved_at=vn(3, 27),
            steps=[
                (vn(2, 4), "routed", "accepted"),
                (vn(3, 2, 9), "submitted"),
                (vn(3, 2, 9), "accepted", "awaiting-approval"),
                (vn(3, 3), "revision-requested"),
                (vn(3, 3), "awaiting-approval", "accepted"),
                (vn(3, 5), "submitted"),
                (vn(3, 5), "accepted", "awaiting-approval"),
                (vn(3, 10, 15), "approved"),
                (vn(3, 10, 15), "awaiting-approval", "resolved"),
                (vn(3, 20), "reopened"),
                (vn(3, 20), "resolved", "accepted"),
                (vn(3, 25), "submitted"),
                (vn(3, 25), "accepted", "awaiting-approval"),
                (vn(3, 27), "approved"),
                (vn(3, 27), "awaiting-approval", "resolved"),
            ],
        )
        _clock(r["A1"], "acceptance", date(2026, 2, 10), "met", stopped_at=vn(2, 4))
        _clock(r["A1"], "resolution", date(2026, 3, 6), "met", stopped_at=vn(3, 10, 15))
        r["A2"] = _report(A, assignee=a1.id, status="not-accepted", steps=[(vn(3, 3), "routed", "not-accepted")])
        _clock(r["A2"], "acceptance", date(2026, 3, 5), "met", stopped_at=vn(3, 3))
        r["A3"] = _report(A, assignee=a1.id, status="guided", steps=[(vn(3, 31, 23, 30), "routed", "guided")])
        _clock(r["A3"], "acceptance", date(2026, 3, 31), "met", stopped_at=vn(3, 31, 23, 30))
        r["A4"] = _report(A, assignee=a1.id, status="transferred", steps=[(vn(4, 1, 0, 30), "routed", "transferred")])
        _clock(r["A4"], "acceptance", date(2026, 4, 2), "met", stopped_at=vn(4, 1, 0, 30))
        r["A5"] = _report(
            A,
            assignee=a1.id,
            status="withdrawn",
            steps=[(vn(3, 5), "routed", "accepted"), (vn(3, 12), "accepted", "withdrawn")],
        )
        _clock(r["A5"], "acceptance", date(2026, 3, 10), "met", stopped_at=vn(3, 11, 0, 30))
        _clock(r["A5"], "resolution", date(2026, 4, 20), "running")
        r["A6"] = _report(A, status="archived", steps=[(vn(3, 6), "routed", "archived")])
        _clock(r["A6"], "acceptance", date(2026, 3, 6), "met", stopped_at=vn(3, 6, 23, 59))
        r["B1"] = _report(
            B,
            assignee=b1.id,
            status="terminated",
            steps=[
                (vn(2, 10), "routed", "accepted"),
                (vn(2, 15), "accepted", "suspended"),
                (vn(2, 20), "suspended", "accepted"),
                (vn(3, 5), "accepted", "terminated"),
            ],
        )
        _clock(r["B1"], "acceptance", date(2026, 2, 12), "breached", breached_at=vn(2, 13, 0, 5))
        r["B2"] = _report(B, assignee=b1.id, status="returned", steps=[(vn(3, 9), "routed", "returned")])
        _clock(r["B2"], "acceptance", date(2026, 3, 4), "breached", breached_at=vn(3, 5, 0, 5))
        _clock(r["B2"], "forward", date(2026, 3, 12), "met", stopped_at=vn(3, 9))
        r["B3"] = _report(
            B,
            assignee=b1.id,
            status="resolved",
            track="to-cao",
            steps=[(vn(3, 2), "routed", "accepted"), (vn(3, 30), "accepted", "resolved")],
        )
        _clock(r["B3"], "acceptance", date(2026, 3, 3), "met", stopped_at=vn(3, 2))
        _clock(r["B3"], "notify", date(2026, 3, 9), "met", stopped_at=vn(3, 4))
        r["B4"] = _report(
            B,
            assignee=b1.id,
            status="accepted",
            steps=[
                (vn(2, 3), "routed", "accepted"),
                (vn(2, 27), "accepted", "resolved"),
                (vn(3, 2), "reopened"),
                (vn(3, 2), "resolved", "accepted"),
            ],
        )
        r["C1"] = _report(None, status="withdrawn", steps=[(vn(3, 15), "received", "withdrawn")])
        db.session.commit()
        return {
            "codes": {name: rep.tracking_code for name, rep in r.items()},
            "units": dict(db.session.execute(select(Unit.code, Unit.id).where(Unit.code.in_([A, B]))).all()),
            "a1": a1.id,
            "b1": b1.id,
        }


def _counts(procedure) -> list[int]:
    return [procedure.outcome(code) for code in ORDER]


def _rates(procedure) -> dict:
    return {stage: (r.k, r.n) for stage, r in procedure.stages.items() if r.n}


# -- the figures -----------------------------------------------------------------------------------------------------


def test_outcomes_per_unit_officer_and_province(app, data, session):
    supervisor, calendar = province_user(), app.extensions["services"].calendar
    a, b = data["units"][A], data["units"][B]
    units = outcomes.procedure(session, supervisor, *MARCH, calendar=calendar, by="unit")
    assert _counts(units[a]) == [1, 1, 1, 0, 1, 0, 1, 0, 1, 1]
    assert _counts(units[b]) == [1, 0, 0, 0, 0, 1, 0, 1, 1, 1]
    assert _counts(units[None]) == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0]  # C1: no unit
    province = outcomes.total(session, supervisor, *MARCH, calendar=calendar)
    assert _counts(province) == [2, 1, 1, 0, 1, 1, 2, 1, 2, 2]

    officers = outcomes.procedure(session, supervisor, *MARCH, calendar=calendar, by="officer")
    assert _counts(officers[data["a1"]]) == [1, 1, 1, 0, 0, 0, 1, 0, 1, 1]  # A6 is nobody's
    assert _counts(officers[data["b1"]]) == [1, 0, 0, 0, 0, 1, 0, 1, 1, 1]

    february = outcomes.procedure(session, supervisor, *FEBRUARY, calendar=calendar, by="unit")
    assert _counts(february[a]) == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert _counts(february[b]) == [2, 0, 0, 0, 0, 0, 0, 0, 1, 0]  # B1's resumption is no acceptance
    assert _counts(outcomes.total(session, supervisor, *FEBRUARY, calendar=calendar))[-1] == 0


def test_period_boundaries_are_vietnamese_days(app, data, session):
    """A3 guided at 23:30 on 31/03 is March; A4 transferred at 00:30 on 01/04 (31/03 in UTC) is April."""
    supervisor, calendar = province_user(), app.extensions["services"].calendar
    march = outcomes.total(session, supervisor, *MARCH, calendar=calendar)
    april = outcomes.total(session, supervisor, *APRIL, calendar=calendar)
    assert (march.outcome("guided"), march.outcome("transferred")) == (1, 0)
    assert (april.outcome("guided"), april.outcome("transferred")) == (0, 1)
    assert april.stages["acceptance"] == stats.Rate(1, 1)  # A4's clock closed on 01/04
    one_day = outcomes.total(session, supervisor, date(2026, 3, 31), date(2026, 3, 31), calendar=calendar)
    assert _counts(one_day) == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]


def test_stage_rates_and_sign_off(app, data, session):
    supervisor, calendar = province_user(), app.extensions["services"].calendar
    a, b = data["units"][A], data["units"][B]
    units = outcomes.procedure(session, supervisor, *MARCH, calendar=calendar, by="unit")
    assert _rates(units[a]) == {"acceptance": (3, 4), "resolution": (0, 1)}
    assert _rates(units[b]) == {"acceptance": (1, 2), "forward": (1, 1), "notify": (1, 1)}
    province = outcomes.total(session, supervisor, *MARCH, calendar=calendar)
    assert _rates(province) == {"acceptance": (4, 6), "forward": (1, 1), "notify": (1, 1), "resolution": (0, 1)}
    assert outcomes.shown_rate(province.stages["acceptance"], 4) == pytest.approx(4 / 6)
    assert outcomes.shown_rate(units[b].stages["acceptance"], 4) is None  # 2 < 4: not enough sample
    february = outcomes.procedure(session, supervisor, *FEBRUARY, calendar=calendar, by="unit")
    assert _rates(february[a]) == {"acceptance": (1, 1)} and _rates(february[b]) == {"acceptance": (0, 1)}

    sign = units[a].signoff
    assert (sign.submitted, sign.approved, sign.revision_requested) == (3, 2, 1)
    assert sorted(sign.days) == [2, 3] and sign.median_days == 2.5
    assert units[b].signoff.approved == 0 and units[b].signoff.median_days is None
    assert province.signoff.median_days == 2.5


def test_an_inspector_counts_only_their_unit(app, data, session, user_by_name):
    inspector, calendar = user_by_name("nl.b1"), app.extensions["services"].calendar
    mine = outcomes.total(session, inspector, *MARCH, calendar=calendar)
    assert _counts(mine) == [1, 0, 0, 0, 0, 1, 0, 1, 1, 1]
    assert _rates(mine) == {"acceptance": (1, 2), "forward": (1, 1), "notify": (1, 1)}


def test_reopened_is_counted_from_the_events_of_the_period(app, data, session):
    """Xử lý lại is real: the KPI figures, the officers' rows and the drill-down count the reopened events."""
    supervisor = province_user()
    assert stats.count_figure(session, supervisor, "reopened", *MARCH) == 2
    assert stats.count_figure(session, supervisor, "reopened", *FEBRUARY) == 0
    assert stats.count_figure(session, supervisor, "reopened", *MARCH, unit_id=data["units"][A]) == 1
    codes = set(
        session.scalars(stats.figure_query(supervisor, "reopened", *MARCH).with_only_columns(Report.tracking_code))
    )
    assert codes == {data["codes"]["A1"], data["codes"]["B4"]}
    officers = {r.username: r.reopened for r in stats.officer_rows(session, supervisor, *MARCH)}
    assert officers == {"qp.a1": 1, "nl.b1": 1}
    # Each outcome's drill-down lists the reports of its count.
    accepted = stats.figure_query(supervisor, "decided_accepted", *MARCH).with_only_columns(Report.tracking_code)
    assert set(session.scalars(accepted)) == {data["codes"]["A5"], data["codes"]["B3"]}
    assert stats.count_figure(session, supervisor, "decided_not_accepted", *MARCH) == 1
    assert stats.count_figure(session, supervisor, "decided_withdrawn", *MARCH) == 2


# -- the pages and files -----------------------------------------------------------------------------------------------


def _cells(html: str, table_id: str) -> dict[str, list[str]]:
    """{row heading: [cell texts]} of one table of a page (tags stripped, spaces collapsed)."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [
            " ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells:
            rows[cells[0]] = cells[1:]
    return rows


def test_dashboard_shows_the_procedure_with_vietnamese_labels(app, client, data, login_as):
    login_as(client, "giamsat")
    page = client.get("/can-bo/tong-quan/?period=month&ref=2026-03").get_data(as_text=True)
    rows = _cells(page, "outcomes")
    assert rows["Đã thụ lý"] == ["2", "3"]  # March, February
    assert rows["Không thụ lý"] == ["1", "0"]
    assert rows["Đã hướng dẫn người gửi đơn đến cơ quan có thẩm quyền"] == ["1", "0"]
    assert rows["Đã chuyển đơn đến cơ quan có thẩm quyền"] == ["0", "0"]
    assert rows["Lưu đơn, không xử lý"] == ["1", "0"]
    assert rows["Đã trả lại đơn và giấy tờ"] == ["1", "0"]
    assert rows["Người gửi đã rút đơn"] == ["2", "0"]
    assert rows["Đình chỉ giải quyết"] == ["1", "0"]
    assert rows["Đã có kết quả giải quyết"] == ["2", "1"]
    assert rows["Xử lý lại"] == ["2", "0"]
    stages = _cells(page, "stages")
    # Wilson 95%, k = 4, n = 6: centre (4/6 + z²/12) / (1 + z²/6) = 0.6016, half-width 0.3016 -> 30,0%–90,3%
    assert stages["Hạn xử lý đơn, thụ lý"] == ["4", "2", "66,7% 30,0%–90,3% · n=6"]
    assert stages["Hạn chuyển đơn"] == ["1", "0", "chưa đủ mẫu n=1"]
    assert stages["Hạn giải quyết"] == ["0", "1", "chưa đủ mẫu n=1"]
    sign = _cells(page, "signoff")
    assert sign["Kết quả trình lãnh đạo duyệt"] == ["3", "0"]
    assert sign["Lãnh đạo đã duyệt"] == ["2", "0"]
    assert sign["Trả lại, yêu cầu sửa"] == ["1", "0"]
    assert sign["Ngày làm việc từ trình đến duyệt (trung vị)"][0] == "2,5 n=2"
    section = re.search(r'<section aria-labelledby="h-procedure">.*?</section>', page, re.S).group(0)
    text = re.sub(r"<[^>]+>", " ", section)
    for code in ("not-accepted", "awaiting-approval", "acceptance", "resolution", "reopened", "None"):
        assert code not in text
    # The count links to the reports behind it.
    link = re.search(r'<th scope="row">Xử lý lại</th><td><a href="([^"]+)"', section).group(1)
    drill = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert data["codes"]["A1"] in drill and data["codes"]["B4"] in drill and data["codes"]["A2"] not in drill

    unit_page = client.get(f"/can-bo/tong-quan/?period=month&ref=2026-03&unit={B}").get_data(as_text=True)
    rows = _cells(unit_page, "outcomes")
    assert rows["Đã thụ lý"] == ["1", "2"] and rows["Xử lý lại"] == ["1", "0"] and rows["Không thụ lý"] == ["0", "0"]
    assert _cells(unit_page, "stages")["Hạn xử lý đơn, thụ lý"] == ["1", "1", "chưa đủ mẫu n=2"]


def test_officers_page_counts_each_officer(app, client, data, login_as):
    login_as(client, "giamsat")
    page = client.get("/can-bo/tong-quan/can-bo?period=month&ref=2026-03").get_data(as_text=True)
    rows = _cells(page, "officer-outcomes")
    assert rows["Nguyễn Văn A"] == ["1", "1", "1", "0", "0", "0", "1", "0", "1", "1", "3", "2", "1"]
    assert rows["Trần Thị B"] == ["1", "0", "0", "0", "0", "1", "0", "1", "1", "1", "0", "0", "0"]
    officers = _cells(page, "officers")
    assert officers["Nguyễn Văn A"][-1] == "1" and officers["Trần Thị B"][-1] == "1"  # Xử lý lại


def test_periodic_report_workbook_page_and_kpi(app, client, data, login_as):
    with app.app_context():
        figures = collect_figures(
            db.session, Period.parse("month", "2026-03"), calendar=app.extensions["services"].calendar
        )
        assert [t.title for t in figures.tables][-2:] == ["Xử lý đơn", "Đúng hạn từng bước"]
    login_as(client, "giamsat")
    page = client.get("/can-bo/bao-cao-dinh-ky/in?period=month&start=2026-03").get_data(as_text=True)
    summary = _cells(page, "sheet-1")
    assert summary["Đơn được thụ lý (quyết định trong kỳ)"] == ["2", "3", "-1"]
    assert summary["Đơn không thụ lý"] == ["1", "0", "1"]
    assert summary["Đơn phải xử lý lại"] == ["2", "0", "2"]
    assert summary["Kết quả trình lãnh đạo duyệt"] == ["3", "0", "3"]
    assert summary["Số ngày làm việc từ khi trình đến khi duyệt — trung vị"][0] == "2,5"
    units = _cells(page, "sheet-5")
    header = units["Mã"]
    assert header[:10] == [
        "Cơ quan, đơn vị",
        "Cấp",
        "Đã thụ lý",
        "Không thụ lý",
        "Đã hướng dẫn người gửi đơn đến cơ quan có thẩm quyền",
        "Đã chuyển đơn đến cơ quan có thẩm quyền",
        "Lưu đơn, không xử lý",
        "Đã trả lại đơn và giấy tờ",
        "Người gửi đã rút đơn",
        "Đình chỉ giải quyết",
    ]
    assert units[A][2:] == ["1", "1", "1", "0", "1", "0", "1", "0", "1", "1", "3", "2", "1", "2,5"]
    assert units[B][2:] == ["1", "0", "0", "0", "0", "1", "0", "1", "1", "1", "0", "0", "0", "—"]
    stages = _cells(page, "sheet-6")
    assert stages[A][2:5] == ["3", "1", "75,0%"]
    assert stages[B][2:11] == ["1", "1", "—", "1", "0", "—", "1", "0", "—"]

    response = client.get("/can-bo/bao-cao-dinh-ky/kpi.csv?period=month&start=2026-03&level=unit")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8")[1:])))
    column = rows[0].index("Phải xử lý lại")
    assert {r[0]: r[column] for r in rows if r[0] in (A, B)} == {A: "1", B: "1"}
    response = client.get("/can-bo/bao-cao-dinh-ky/kpi.csv?period=month&start=2026-03&level=officer")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8")[1:])))
    column = rows[0].index("Phải xử lý lại")
    assert {r[0]: r[column] for r in rows[1:]} == {"qp.a1": "1", "nl.b1": "1"}


def test_workbook_cells(app, data):
    with app.app_context():
        assert build_periodic_report("month", "2026-03-01", as_of="2026-04-02") == "built"
        row = db.session.scalar(select(PeriodicReport).where(PeriodicReport.starts_on == date(2026, 3, 1)))
        wb = load_workbook(file_path(app.config, row.file_key))
    assert wb.sheetnames[-2:] == ["Xử lý đơn", "Đúng hạn từng bước"]
    summary = {r[0]: list(r[1:4]) for r in wb["Tổng hợp"].iter_rows(min_row=5, values_only=True) if r[0]}
    assert summary["Đơn được thụ lý (quyết định trong kỳ)"] == [2, 3, -1]
    assert summary["Đơn người gửi đã rút"] == [2, 0, 2]
    assert summary["Đơn phải xử lý lại"] == [2, 0, 2]
    assert summary["Dự thảo bị lãnh đạo trả lại, yêu cầu sửa"] == [1, 0, 1]
    assert summary["Số ngày làm việc từ khi trình đến khi duyệt — trung vị"][0] == 2.5

    ws = wb["Xử lý đơn"]
    header = [c.value for c in ws[4]]
    assert header[3] == "Đã thụ lý" and header[12] == "Xử lý lại" and header[-1].startswith("Ngày làm việc")
    rows = {r[0]: list(r) for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    assert rows[A][3:] == [1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 3, 2, 1, 2.5]
    assert rows[B][3:] == [1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, None]
    total = next(r for r in ws.iter_rows(min_row=5, values_only=True) if r[1] == "TOÀN TỈNH")
    assert list(total[3:13]) == [2, 1, 1, 0, 1, 1, 2, 1, 2, 2]
    assert ws.cell(row=5, column=4).number_format == "#,##0"

    ws = wb["Đúng hạn từng bước"]
    header = [c.value for c in ws[4]]
    assert header[3:6] == [
        "Hạn xử lý đơn, thụ lý: đúng hạn",
        "Hạn xử lý đơn, thụ lý: trễ hạn",
        "Hạn xử lý đơn, thụ lý: tỷ lệ đúng hạn",
    ]
    rows = {r[0]: list(r) for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    assert rows[A][3:6] == [3, 1, 0.75] and rows[A][12:15] == [0, 1, None]
    assert rows[B][3:12] == [1, 1, None, 1, 0, None, 1, 0, None]
    total = next(r for r in ws.iter_rows(min_row=5, values_only=True) if r[1] == "TOÀN TỈNH")
    assert list(total[3:5]) == [4, 2] and total[5] == pytest.approx(4 / 6)


# -- with the casework services ----------------------------------------------------------------------------------------

COMPLAINT = (
    "Tôi khiếu nại việc cán bộ địa chính UBND phường Quảng Phú trả lại hồ sơ cấp giấy chứng nhận quyền sử dụng "
    "đất của gia đình tôi mà không nêu lý do, bắt tôi nộp lại ba lần."
)


def test_the_figures_read_what_the_casework_services_record(app, client, csrf_token, make_report, make_user, login_as):
    """Accepted, resolved by the leader's own draft, reopened and resolved again, through the case file: the
    figures of those days count one acceptance, one resolution, one reopening, two results signed off, and the
    acceptance and both resolution clocks (cycles 0 and 1) on time."""
    make_user("cb.quangphu", unit=A, name="Trần Thị Cúc")
    make_user("ld.quangphu", role="leader", unit=A, name="Lê Văn Lãnh")
    receipt = make_report(
        text=COMPLAINT, kind="phan-anh", reporter_name="Nguyễn Văn An", reporter_address="số 12", ward_code=A
    )
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        report = db.session.get(Report, receipt.report_id)
        accept_report(report, now=report.received_at, services=app.extensions["services"])
        db.session.commit()

    def post(action, **form):
        token = csrf_token(client.get(f"/can-bo/bao-cao/{receipt.report_id}"))
        response = client.post(f"/can-bo/bao-cao/{receipt.report_id}/{action}", data={"csrf_token": token, **form})
        assert response.status_code in (302, 303), action

    login_as(client, "ld.quangphu")
    draft = {"kq-outcome": "substantiated", "kq-findings": "Đúng như phản ánh.", "kq-response": "Đã xử lý cán bộ."}
    post("giai-quyet", **draft)  # a leader's own draft is approved at once
    post("xu-ly-lai", **{"xll-reason": "Người dân phản ánh chưa trả hồ sơ", "xll-confirm": "y"})
    post("giai-quyet", **draft)
    today = today_in_vietnam()
    window = (today - timedelta(days=1), today + timedelta(days=1))
    with app.app_context():
        assert db.session.get(Report, receipt.report_id).reopened == 1
        figures = outcomes.total(db.session, province_user(), *window, calendar=app.extensions["services"].calendar)
        assert (figures.outcome("accepted"), figures.outcome("resolved"), figures.outcome("reopened")) == (1, 1, 1)
        assert sum(figures.outcomes.values()) == 3
        sign = figures.signoff
        assert (sign.submitted, sign.approved, sign.revision_requested, sign.days) == (2, 2, 0, [0, 0])
        assert figures.stages["acceptance"] == stats.Rate(1, 1)
        assert figures.stages["resolution"] == stats.Rate(2, 2)
        assert stats.count_figure(db.session, province_user(), "reopened", *window) == 1
