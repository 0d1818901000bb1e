"""A name typed by people never becomes a live formula in a file staff download: the KPI workbook and the periodic
workbook (read back with openpyxl: string cells, not formulas), the KPI CSV and the queue's CSV (an apostrophe).
"""

import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from core.extensions import db
from core.models import PeriodicReport, Report, Unit, User
from core.search import fold
from intake.receipts import new_tracking_code
from triage.reporting.jobs import build_periodic_report
from triage.reporting.periodic import file_path

FORMULA = '=HYPERLINK("http://x")'
UNIT_FORMULA = '=HYPERLINK("http://y")'
QUANG_PHU = "16522"
TEXT = "Cán bộ địa chính xã hẹn lần hẹn lữa, ba tháng chưa trả kết quả hồ sơ đất của gia đình tôi."


@pytest.fixture
def app(make_app, tmp_path):
    return make_app(WTF_CSRF_ENABLED=True, PERIODIC_REPORTS_DIR=str(tmp_path / "periodic"))


@pytest.fixture
def data(app, make_user):
    """An inspector whose name and whose unit's name start with "=", with a report resolved in January 2026 (the
    directory of units outlives the test: the unit's name is put back)."""
    make_user("boss", role="supervisor")
    make_user("cb.x", role="inspector", unit=QUANG_PHU)
    with app.app_context():
        officer = db.session.scalar(select(User).where(User.username == "cb.x"))
        officer.full_name = FORMULA
        unit = db.session.scalar(select(Unit).where(Unit.code == QUANG_PHU))
        name, unit.name = unit.name, UNIT_FORMULA
        db.session.add(
            Report(
                tracking_code=new_tracking_code(),
                passphrase_hash="-",
                text=TEXT,
                text_folded=fold(TEXT),
                kind="phan-anh",
                track="phan-anh",
                status="resolved",
                unit_id=unit.id,
                agency=unit.agency,
                ward_code=unit.ward_code,
                category="cham-tre",
                received_at=datetime(2026, 1, 5, 3, tzinfo=UTC),
                accepted_at=datetime(2026, 1, 6, 3, tzinfo=UTC),
                accepted_on_time=True,
                accepted_wd=1,
                resolved_at=datetime(2026, 1, 20, 3, tzinfo=UTC),
                resolved_on_time=True,
                resolved_wd=11,
                outcome="substantiated",
                assignee_id=officer.id,
                resolved_by_id=officer.id,
            )
        )
        db.session.commit()
    yield
    with app.app_context():
        db.session.execute(update(Unit).where(Unit.code == QUANG_PHU).values(name=name))
        db.session.commit()


def _string_cells(wb, value):
    """Every cell of the workbook holding `value`; asserts no cell anywhere is a formula."""
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if cell.value == value:
                    found.append(cell)
    return found


def test_kpi_workbook_and_csv_keep_a_formula_like_name_as_text(app, data, client, login_as):
    login_as(client, "boss")
    response = client.get("/can-bo/bao-cao-dinh-ky/kpi.xlsx?period=month&start=2026-01&level=officer")
    assert response.status_code == 200
    cells = _string_cells(load_workbook(io.BytesIO(response.data)), FORMULA)
    assert cells and all(c.data_type == "s" for c in cells)
    unit_level = client.get("/can-bo/bao-cao-dinh-ky/kpi.xlsx?period=month&start=2026-01&level=unit")
    assert _string_cells(load_workbook(io.BytesIO(unit_level.data)), UNIT_FORMULA)

    text = client.get("/can-bo/bao-cao-dinh-ky/kpi.csv?period=month&start=2026-01&level=officer").data.decode()
    row = next(r for r in csv.reader(io.StringIO(text[1:])) if r[0] == "cb.x")
    assert row[1] == "'" + FORMULA and row[2] == "'" + UNIT_FORMULA and row[3:5] == ["1", "1"]

    text = client.get("/can-bo/xuat.csv?status=all").data.decode()
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == 2 and rows[1][5] == "'" + UNIT_FORMULA and rows[1][8] == "'" + FORMULA


def test_periodic_workbook_keeps_a_formula_like_unit_name_as_text(app, data):
    with app.app_context():
        assert build_periodic_report("month", "2026-01-01", as_of="2026-02-02") == "built"
        row = db.session.scalar(select(PeriodicReport))
        wb = load_workbook(file_path(app.config, row.file_key))
    cells = _string_cells(wb, UNIT_FORMULA)
    assert {c.parent.title for c in cells} == {"Theo đơn vị", "Theo lĩnh vực", "Xử lý đơn", "Đúng hạn từng bước"}
    assert all(c.data_type == "s" for c in cells)
