"""Periodic reports, KPI exports and the queue's CSV export, against a small fixed data set whose figures are
computed by hand below (January 2026; Vietnam time, UTC+7).

    #  unit  received (VN)      accepted            resolved                    outcome           category
    1  QP    05/01 10:00        06/01 on time, 1wd  20/01 on time, 11 wd, by a1 substantiated     doi-tien
    2  QP    10/01 10:00        12/01 late, 3 wd    28/01 late, 12 wd, by a1    unsubstantiated   cham-tre
       (report 2 also has overdue_at set and was reopened once)
    3  QP    15/01 10:00        16/01 on time, 1 wd open (accepted), breached resolution clock due 26/01   cham-tre
    4  NL    31/01 23:30        open (routed)                                                     thai-do
    5  NL    01/02 00:30        open (routed): February in Vietnam although 31/01 in UTC             thai-do
    6  NL    20/12/2025         22/12/2025 on time  08/01 on time, 12 wd        partly-subst.     sach-nhieu
    7  TTT   07/01 10:00        open, escalated (accuses QP), running acceptance clock due 12/01, overdue_at  loi-dung

Reports 1-3 are assigned to the inspector a1 of Quảng Phú (QP), username qp.a1 (usernames have 3 characters or more).
"""

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from core.extensions import db
from core.models import Clock, PeriodicReport, Report, ReportEvent, Unit
from core.search import fold
from core.vietnamese import Period
from intake.receipts import new_tracking_code
from triage.reporting.jobs import build_due_periodic_reports, build_periodic_report, due_periods
from triage.reporting.periodic import file_path

VN = ZoneInfo("Asia/Ho_Chi_Minh")
QUANG_PHU, NGOC_LAC, PROVINCE = "16522", "15061", "thanh-tra-tinh"
TEXT = "Cán bộ địa chính xã hẹn lần hẹn lữa, ba tháng chưa trả kết quả hồ sơ đất của gia đình tôi."
REPORTER = {
    "reporter_name": "Lê Thị Bí Mật",
    "reporter_phone": "0912345678",
    "reporter_email": "bimat@example.vn",
    "reporter_address": "Thôn Đông, xã Bí Mật",
}


@pytest.fixture
def app(make_app, tmp_path):
    return make_app(
        WTF_CSRF_ENABLED=True, LOGIN_RATE_LIMIT="1000 per minute", PERIODIC_REPORTS_DIR=str(tmp_path / "periodic")
    )


def vn(y, m, d, h=10, minute=0):
    return datetime(y, m, d, h, minute, tzinfo=VN).astimezone(UTC)


def _unit(code):
    return db.session.scalar(select(Unit).where(Unit.code == code))


def _report(unit_code, received_at, *, status="routed", category="cham-tre", clocks=(), **fields):
    unit = _unit(unit_code)
    report = Report(
        tracking_code=new_tracking_code(),
        passphrase_hash="-",
        text=TEXT,
        text_folded=fold(TEXT),
        kind="phan-anh",
        track="phan-anh",
        status=status,
        unit_id=unit.id,
        agency=unit.agency,
        ward_code=unit.ward_code,
        category=category,
        received_at=received_at,
        **REPORTER,
        **fields,
    )
    for stage, label, due_on, clock_status in clocks:
        report.clocks.append(
            Clock(
                stage=stage,
                label=label,
                starts_on=due_on - timedelta(days=10),
                due_on=due_on,
                due_at=datetime(due_on.year, due_on.month, due_on.day, 16, 59, tzinfo=UTC),
                amount=10,
                unit="working_days",
                policy_version="test",
                status=clock_status,
            )
        )
    db.session.add(report)
    db.session.flush()
    return report


@pytest.fixture
def data(app, make_user):
    a1 = make_user("qp.a1", role="inspector", unit=QUANG_PHU, name="Cán bộ qp.a1", email="qp.a1@example.vn")
    make_user("boss", role="supervisor", name="Cán bộ boss", email="boss@example.vn")
    make_user("nl1", role="inspector", unit=NGOC_LAC, name="Cán bộ nl1", email="nl1@example.vn")
    with app.app_context():
        r = {}
        r[1] = _report(
            QUANG_PHU,
            vn(2026, 1, 5),
            status="resolved",
            category="doi-tien",
            assignee_id=a1.id,
            accepted_at=vn(2026, 1, 6),
            accepted_wd=1,
            accepted_on_time=True,
            resolved_at=vn(2026, 1, 20),
            resolved_wd=11,
            resolved_on_time=True,
            resolved_by_id=a1.id,
            outcome="substantiated",
        )
        r[2] = _report(
            QUANG_PHU,
            vn(2026, 1, 10),
            status="resolved",
            category="cham-tre",
            assignee_id=a1.id,
            accepted_at=vn(2026, 1, 12),
            accepted_wd=3,
            accepted_on_time=False,
            resolved_at=vn(2026, 1, 28),
            resolved_wd=12,
            resolved_on_time=False,
            resolved_by_id=a1.id,
            outcome="unsubstantiated",
            overdue_at=vn(2026, 1, 20),
            reopened=1,
        )
        r[2].events.append(ReportEvent(kind="reopened", at=vn(2026, 1, 25), data={}))  # xử lý lại in January
        r[3] = _report(
            QUANG_PHU,
            vn(2026, 1, 15),
            status="accepted",
            category="cham-tre",
            assignee_id=a1.id,
            accepted_at=vn(2026, 1, 16),
            accepted_wd=1,
            accepted_on_time=True,
            overdue_at=vn(2026, 1, 27),
            clocks=[
                ("acceptance", "Hạn thụ lý", date(2026, 1, 20), "met"),
                ("resolution", "Hạn giải quyết", date(2026, 1, 26), "breached"),
            ],
        )
        r[4] = _report(
            NGOC_LAC,
            vn(2026, 1, 31, 23, 30),
            category="thai-do",
            clocks=[("acceptance", "Hạn thụ lý", date(2026, 2, 20), "running")],
        )
        r[5] = _report(NGOC_LAC, vn(2026, 2, 1, 0, 30), category="thai-do")
        r[6] = _report(
            NGOC_LAC,
            vn(2025, 12, 20),
            status="resolved",
            category="sach-nhieu",
            accepted_at=vn(2025, 12, 22),
            accepted_wd=1,
            accepted_on_time=True,
            resolved_at=vn(2026, 1, 8),
            resolved_wd=12,
            resolved_on_time=True,
            outcome="partly-substantiated",
        )
        r[7] = _report(
            PROVINCE,
            vn(2026, 1, 7),
            category="loi-dung",
            escalate=True,
            accused_unit_id=_unit(QUANG_PHU).id,
            overdue_at=vn(2026, 1, 13),
            clocks=[("acceptance", "Hạn tiếp nhận, phân loại", date(2026, 1, 12), "running")],
        )
        db.session.commit()
        return {n: (rep.id, rep.tracking_code) for n, rep in r.items()}


def _build_january(app) -> PeriodicReport:
    with app.app_context():
        assert build_periodic_report("month", "2026-01-01", as_of="2026-02-02") == "built"
        return db.session.scalar(select(PeriodicReport).where(PeriodicReport.starts_on == date(2026, 1, 1)))


def _rows(ws, first=5):
    return [list(row) for row in ws.iter_rows(min_row=first, values_only=True)]


# -- periods ---------------------------------------------------------------------------------------------------------


def test_periods_and_their_bounds():
    p = Period.parse("quarter", "2026-Q1")
    assert (p.starts_on, p.ends_on, p.label) == (date(2026, 1, 1), date(2026, 3, 31), "Quý I/2026")
    assert Period.parse("month", "2026-02").ends_on == date(2026, 2, 28)
    assert Period.parse("year", "2025").previous() == Period("year", date(2024, 1, 1), date(2024, 12, 31))
    assert Period.containing("month", date(2026, 1, 1)).previous().label == "Tháng 12/2025"
    jan = Period.parse("month", "2026-01-15")
    assert jan.start_utc == datetime(2025, 12, 31, 17, tzinfo=UTC)
    assert jan.end_utc == datetime(2026, 1, 31, 17, tzinfo=UTC)
    with pytest.raises(ValueError):
        Period.parse("week", "2026-01")


# -- the workbook ----------------------------------------------------------------------------------------------------


def test_workbook_cells_match_hand_computed_figures(app, data):
    row = _build_january(app)
    assert row.period == "month" and row.ends_on == date(2026, 1, 31) and row.created_by is None
    path = file_path(app.config, row.file_key)
    assert path.parent == __import__("pathlib").Path(app.config["PERIODIC_REPORTS_DIR"])
    assert re.fullmatch(r"thang-01-2026-[A-Za-z0-9_-]{24}\.xlsx", row.file_key)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp", "Theo đơn vị", "Theo lĩnh vực", "Quá hạn", "Xử lý đơn", "Đúng hạn từng bước"]

    ws = wb["Tổng hợp"]
    assert ws["A1"].value.endswith("THÁNG 1/2026")
    assert "Từ ngày 01/01/2026 đến ngày 31/01/2026" in ws["A2"].value
    assert [c.value for c in ws[4]] == ["Chỉ tiêu", "Tháng 1/2026", "Tháng 12/2025 (kỳ trước)", "Tăng (+) / giảm (−)"]
    assert ws.freeze_panes == "A5"
    assert ws.column_dimensions["A"].width == 52
    summary = {r[0]: r[1:] for r in _rows(ws) if r[0] and r[1:] != [None, None, None]}
    assert summary["Đơn tiếp nhận trong kỳ"] == [5, 1, 4]  # 1, 2, 3, 4, 7 (5 is February in Vietnam) vs 6
    assert summary["Đơn được thụ lý trong kỳ"] == [3, 1, 2]
    assert summary["Thụ lý đúng hạn (tỷ lệ)"][:2] == [pytest.approx(2 / 3), 1.0]
    assert summary["Đơn giải quyết xong trong kỳ"] == [3, 0, 3]  # 1, 2, 6
    assert summary["Giải quyết đúng hạn (tỷ lệ)"] == [pytest.approx(2 / 3), None, None]
    assert summary["Phản ánh có căn cứ (đúng, đúng một phần; tỷ lệ)"][0] == pytest.approx(2 / 3)
    assert summary["Đơn đang xử lý (nhận đến cuối kỳ)"] == [3, 0, 3]  # 3, 4, 7
    assert summary["Trong đó đang quá hạn"] == [2, 0, 2]  # 3, 7
    assert summary["Số ngày làm việc đến khi thụ lý — trung vị"][0] == 1  # 1, 1, 3
    assert summary["Số ngày làm việc đến khi thụ lý — 90% đơn không quá"][0] == pytest.approx(2.6)
    assert summary["Số ngày làm việc đến khi giải quyết — trung vị"][0] == 12  # 11, 12, 12
    assert ws["B5"].number_format == "#,##0" and ws["B7"].number_format == "0.0%" and ws["B13"].number_format == "0.0"

    ws = wb["Theo đơn vị"]
    assert ws.freeze_panes == "A5"
    assert [c.value for c in ws[4]][:10] == [
        "Mã",
        "Cơ quan, đơn vị",
        "Cấp",
        "Tiếp nhận",
        "Thụ lý",
        "Giải quyết xong",
        "Giải quyết đúng hạn",
        "Giải quyết trễ hạn",
        "Đang quá hạn",
        "Có căn cứ",
    ]
    units = {r[0]: r for r in _rows(ws) if r[0] and r[2]}
    with app.app_context():
        assert len(units) == db.session.scalar(
            select(func.count()).select_from(Unit)
        )  # every unit, even without reports
    assert units[QUANG_PHU][3:10] == [3, 3, 2, 1, 1, 1, 1]
    assert units[QUANG_PHU][10] == pytest.approx(0.5)
    assert units[QUANG_PHU][13] == "Chưa đủ mẫu"  # 2 resolved: never ranked
    assert units[NGOC_LAC][3:10] == [1, 0, 1, 1, 0, 0, 1]
    assert units[PROVINCE][3:10] == [1, 0, 0, 0, 0, 1, 0]
    assert sum(1 for r in units.values() if r[3:10] == [0] * 7) == len(units) - 3
    total = next(r for r in _rows(ws) if r[1] == "TOÀN TỈNH")
    assert total[3:10] == [5, 3, 3, 2, 1, 2, 2]
    first_data = ws.cell(row=5, column=4)
    assert first_data.number_format == "#,##0"

    ws = wb["Theo lĩnh vực"]
    header = [c.value for c in ws[4]]
    assert header[0] == "Cơ quan / đơn vị" and header[1] == "Đòi tiền, nhận hối lộ, thu ngoài quy định"
    assert header[-2:] == ["Tổng", "Trong đó đã quá hạn"]
    rows = _rows(ws)
    xa = next(r for r in rows if r[0] == "UBND xã/phường")
    assert xa[1:] == [1, 0, 2, 1, 0, 0, 0, 0, 4, 2]
    inspectorate = next(r for r in rows if r[0] == "Thanh tra tỉnh")
    assert inspectorate[1:] == [0, 0, 0, 0, 0, 0, 1, 0, 1, 1]
    assert "Theo cơ quan, đơn vị giải quyết" in [r[0] for r in rows]
    qp_row = next(r for r in rows if r[0] and r[0].startswith("UBND") and "Quảng Phú" in r[0])
    assert qp_row[1:] == [1, 0, 2, 0, 0, 0, 0, 0, 3, 2]
    assert next(r for r in rows if r[0] == "TOÀN TỈNH")[1:] == [1, 0, 2, 1, 0, 0, 1, 0, 5, 3]

    ws = wb["Quá hạn"]
    assert ws.freeze_panes == "A5"
    assert [c.value for c in ws[4]] == [
        "Mã đơn",
        "Đơn vị giải quyết",
        "Loại đơn",
        "Lĩnh vực",
        "Ngày nhận",
        "Thời hạn bị trễ",
        "Hạn",
        "Số ngày làm việc quá hạn",
    ]
    late = [r for r in _rows(ws) if r[0] and r[0].startswith("TH-")]
    assert [r[0] for r in late] == [data[7][1], data[3][1]]  # longest late first
    assert late[0][1] == "Thanh tra tỉnh" and late[0][5] == "Hạn tiếp nhận, phân loại"
    assert late[0][6].date() == date(2026, 1, 12) and late[0][7] == 15  # 13-16, 19-23, 26-30 January, 2 February
    assert late[1][6].date() == date(2026, 1, 26) and late[1][7] == 5
    assert ws["G5"].number_format == "dd/mm/yyyy"

    # No reporter data and no report text anywhere in the workbook.
    for sheet in wb.worksheets:
        for cells in sheet.iter_rows(values_only=True):
            for value in cells:
                if isinstance(value, str):
                    assert TEXT[:30] not in value
                    assert not any(v in value for v in REPORTER.values())


def test_scheduled_job_builds_once_on_the_first_working_day(app, data):
    with app.app_context():
        calendar = app.extensions["services"].calendar
        assert not calendar.is_working_day(date(2026, 1, 2))
        # Friday 2 January 2026 is a day off (Tết Dương lịch, swapped): nothing is due yet.
        assert due_periods(date(2026, 1, 2), calendar) == []
        assert build_due_periodic_reports("2026-01-02") == []
        # Monday 5 January 2026, the first working day of January, of Q1 and of 2026.
        assert build_due_periodic_reports("2026-01-05") == ["Tháng 12/2025", "Quý IV/2025", "Năm 2025"]
        assert build_due_periodic_reports("2026-01-05") == []
        assert build_due_periodic_reports("2026-01-06") == []
        rows = db.session.execute(
            select(PeriodicReport.period, PeriodicReport.starts_on).order_by(
                PeriodicReport.starts_on, PeriodicReport.period
            )
        ).all()
        assert rows == [("year", date(2025, 1, 1)), ("quarter", date(2025, 10, 1)), ("month", date(2025, 12, 1))]
        keys = db.session.scalars(select(PeriodicReport.file_key)).all()
        assert all(file_path(app.config, k).is_file() for k in keys)
        assert len(list(file_path(app.config, keys[0]).parent.iterdir())) == 3  # no orphan files
        # Sunday 1 February is a day off: January is built on Monday 2 February, once.
        assert build_due_periodic_reports("2026-01-31") == []
        assert build_due_periodic_reports("2026-02-02") == ["Tháng 1/2026"]
        assert build_due_periodic_reports("2026-02-03") == []


def test_cron_registers_the_periodic_job():
    import inspect

    import triage.cron as cron

    assert "build_due_periodic_reports" in inspect.getsource(cron.build_scheduler)


# -- the pages -------------------------------------------------------------------------------------------------------

REPORT_PAGES = [
    "/can-bo/bao-cao-dinh-ky/",
    "/can-bo/bao-cao-dinh-ky/in?period=month&start=2026-01",
    "/can-bo/bao-cao-dinh-ky/kpi?period=month&start=2026-01",
    "/can-bo/bao-cao-dinh-ky/kpi.csv?period=month&start=2026-01&level=officer",
    "/can-bo/bao-cao-dinh-ky/kpi.xlsx?period=quarter&start=2026-Q1&level=unit",
]


def test_inspectors_get_404_and_supervisors_200(app, data, client, csrf_token, login_as):
    row = _build_january(app)
    pages = REPORT_PAGES + [f"/can-bo/bao-cao-dinh-ky/{row.id}/tai-ve"]
    for page in pages:
        assert client.get(page).status_code in (302, 401)  # signed out: to the sign-in page
    login_as(client, "qp.a1")
    for page in pages:
        assert client.get(page).status_code == 404, page
    assert "bao-cao-dinh-ky" not in client.get("/can-bo/").get_data(as_text=True)
    client.post("/can-bo/dang-xuat", data={"csrf_token": csrf_token(client.get("/can-bo/"))})
    login_as(client, "boss")
    for page in pages:
        assert client.get(page).status_code == 200, page
    assert "/can-bo/bao-cao-dinh-ky/" in client.get("/can-bo/").get_data(as_text=True)


def test_list_download_and_build_now(app, data, client, csrf_token, user_by_name, login_as):
    row = _build_january(app)
    login_as(client, "boss")
    page = client.get("/can-bo/bao-cao-dinh-ky/")
    body = page.get_data(as_text=True)
    assert "Tháng 1/2026" in body and f"/can-bo/bao-cao-dinh-ky/{row.id}/tai-ve" in body
    response = client.get(f"/can-bo/bao-cao-dinh-ky/{row.id}/tai-ve")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "bao-cao-thang-01-2026.xlsx" in response.headers["Content-Disposition"]
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert load_workbook(io.BytesIO(response.data)).sheetnames[0] == "Tổng hợp"
    old_key = row.file_key
    response.close()

    # Build now: a new quarter, and January again (replaced: a new file, the old one deleted).
    token = csrf_token(page)
    for period, start in (("quarter", "2026-Q1"), ("month", "2026-01")):
        response = client.post(
            "/can-bo/bao-cao-dinh-ky/lap", data={"csrf_token": token, "period": period, "start": start}
        )
        assert response.status_code == 303
    assert "Đã lập báo cáo Tháng 1/2026" in client.get("/can-bo/bao-cao-dinh-ky/").get_data(as_text=True)
    boss = user_by_name("boss")
    with app.app_context():
        rows = db.session.scalars(select(PeriodicReport).order_by(PeriodicReport.id)).all()
        assert [(r.period, r.starts_on) for r in rows] == [("month", date(2026, 1, 1)), ("quarter", date(2026, 1, 1))]
        assert rows[0].created_by == boss.id and rows[0].file_key != old_key
        assert not file_path(app.config, old_key).exists() and file_path(app.config, rows[0].file_key).is_file()
    # No CSRF token: refused.
    assert client.post("/can-bo/bao-cao-dinh-ky/lap", data={"period": "year", "start": "2025"}).status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PeriodicReport)) == 2


def test_printable_page(app, data, client, login_as):
    login_as(client, "boss")
    body = client.get("/can-bo/bao-cao-dinh-ky/in?period=month&start=2026-01").get_data(as_text=True)
    assert "Tháng 1/2026" in body and "Từ ngày 01/01/2026 đến ngày 31/01/2026" in body
    assert data[7][1] in body  # the overdue list
    assert "<svg" in body and 'role="img"' in body and 'id="trend"' in body  # the chart and its table
    trend = re.search(r'<table[^>]*id="trend".*?</table>', body, re.S).group(0)
    received = [int(n) for n in re.findall(r'<td class="num">(\d+)</td><td class="num">\d+</td><td', trend)]
    assert sum(received) == 5  # the month's weeks add up to the month
    assert TEXT[:30] not in body and "0912345678" not in body
    assert client.get("/can-bo/bao-cao-dinh-ky/in?period=month&start=bad").status_code == 404


def test_kpi_exports_per_officer_and_per_unit(app, data, client, login_as):
    login_as(client, "boss")
    response = client.get("/can-bo/bao-cao-dinh-ky/kpi.csv?period=month&start=2026-01&level=officer")
    assert response.headers["Content-Disposition"].startswith("attachment")
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == [
        "Tên đăng nhập",
        "Họ và tên",
        "Đơn vị",
        "Được giao xử lý",
        "Giải quyết xong",
        "Giải quyết đúng hạn",
        "Tỷ lệ giải quyết đúng hạn",
        "Quá hạn",
        "Có căn cứ",
        "Phải xử lý lại",
    ]
    a1 = next(r for r in rows if r[0] == "qp.a1")
    assert a1[3:] == ["3", "2", "1", "0.5", "2", "1", "1"]

    text = client.get("/can-bo/bao-cao-dinh-ky/kpi.csv?period=month&start=2026-01&level=unit").data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text[1:])))
    qp = next(r for r in rows if r[0] == QUANG_PHU)
    # handled, received, accepted on time / known, resolved, on time, rate, overdue, substantiated, reopened
    assert qp[4:14] == ["3", "3", "2", "3", "2", "1", "0.5", "2", "1", "1"]
    assert qp[14:] == ["1", "11.5"]

    response = client.get("/can-bo/bao-cao-dinh-ky/kpi.xlsx?period=month&start=2026-01&level=unit")
    wb = load_workbook(io.BytesIO(response.data))
    assert wb.sheetnames == ["KPI đơn vị", "Chú giải"]
    legend = [r[0] for r in wb["Chú giải"].iter_rows(min_row=5, values_only=True)]
    assert "Giải quyết đúng hạn" in legend and "Có căn cứ" in legend
    page = client.get("/can-bo/bao-cao-dinh-ky/kpi?period=quarter&start=2026-Q1&level=officer").get_data(as_text=True)
    assert "Quý I/2026" in page and "Nghị định 335/2025" in page and "kpi-legend" in page
    assert client.get("/can-bo/bao-cao-dinh-ky/kpi?period=year&start=2026").status_code == 404


# -- the queue's CSV export ------------------------------------------------------------------------------------------


def _csv(client, **params):
    response = client.get("/can-bo/xuat.csv", query_string=params)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    return text, list(csv.reader(io.StringIO(text[1:])))


def test_queue_csv_respects_access_and_has_no_contact_data(app, data, client, csrf_token, login_as):
    with app.app_context():  # escalated against Quảng Phú's head but landed in Quảng Phú's unit by mistake
        own = _report(
            QUANG_PHU, vn(2026, 1, 9), category="doi-tien", escalate=True, accused_unit_id=_unit(QUANG_PHU).id
        )
        db.session.commit()
        hidden = own.tracking_code
    login_as(client, "qp.a1")
    text, rows = _csv(client, status="all")
    assert rows[0][:4] == ["Mã đơn", "Ngày nhận", "Loại đơn", "Trạng thái"]
    codes = {r[0] for r in rows[1:]}
    assert codes == {data[1][1], data[2][1], data[3][1]}  # not 7 (another unit), never the report against QP
    assert hidden not in text
    for secret in list(REPORTER.values()) + [TEXT[:30]]:
        assert secret not in text
    # The queue's filters apply: resolved only; a search by code.
    _, rows = _csv(client, status="resolved")
    assert {r[0] for r in rows[1:]} == {data[1][1], data[2][1]}
    _, rows = _csv(client, q=data[3][1])
    assert [r[0] for r in rows[1:]] == [data[3][1]]
    _, rows = _csv(client, due="overdue")
    assert [r[0] for r in rows[1:]] == [data[3][1]]
    row3 = rows[1]
    assert row3[1] == "15/01/2026" and row3[9] == "26/01/2026" and row3[10] == "Có"
    # The queue page links the export with its filters.
    assert "/can-bo/xuat.csv?status=resolved" in client.get("/can-bo/?status=resolved").get_data(as_text=True)

    client.post("/can-bo/dang-xuat", data={"csrf_token": csrf_token(client.get("/can-bo/"))})
    login_as(client, "boss")
    _, rows = _csv(client, status="all")
    assert {data[7][1], hidden} <= {r[0] for r in rows[1:]} and len(rows) == 1 + 8


def test_queue_csv_needs_sign_in(app, data, client):
    assert client.get("/can-bo/xuat.csv").status_code in (302, 401)
