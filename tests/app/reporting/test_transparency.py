"""The public transparency page: aggregates only, small cells suppressed, cacheable, no cookie, no text.

Data (received within the last 12 months, relative to today):
    Quảng Phú (QP): 6 reports of "chậm trễ", 5 of them resolved (4 on time), 1 accepted late -> shown;
    Ngọc Lặc (NL): 2 reports of "đòi tiền" (one resolved) -> fewer than PUBLIC_MIN_CELL = 5: "—";
    Thanh tra tỉnh: 1 escalated report of "lợi dụng" -> "—";
    one report of 14 months ago -> outside the window.
"""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Report, Unit, utcnow
from core.search import fold
from core.vocabulary import CATEGORY_NAMES
from intake.receipts import new_tracking_code
from triage.reporting.transparency import clear_cache, window

TEXT = "Cán bộ tư pháp xã đòi thêm tiền bồi dưỡng mới chứng thực giấy tờ cho gia đình tôi, rất bức xúc."
SECRET_NAME = "Trần Văn Kín Đáo"


@pytest.fixture
def app(make_app):
    clear_cache()
    yield make_app(WTF_CSRF_ENABLED=True, LOGIN_RATE_LIMIT="1000 per minute", PUBLIC_MIN_CELL=5)
    clear_cache()


def _unit_id(code):
    return db.session.scalar(select(Unit.id).where(Unit.code == code))


def _add(code, received_at, category, **fields):
    unit_id = _unit_id(code)
    unit = db.session.get(Unit, unit_id)
    report = Report(
        tracking_code=new_tracking_code(),
        passphrase_hash="-",
        text=TEXT,
        text_folded=fold(TEXT),
        kind="phan-anh",
        track="phan-anh",
        status=fields.pop("status", "routed"),
        unit_id=unit_id,
        agency=unit.agency,
        ward_code=unit.ward_code,
        category=category,
        received_at=received_at,
        reporter_name=SECRET_NAME,
        reporter_phone="0987654321",
        **fields,
    )
    db.session.add(report)
    db.session.flush()
    return report.tracking_code


@pytest.fixture
def data(app, make_user):
    now = utcnow()
    codes = []
    with app.app_context():
        for i in range(6):
            received = now - timedelta(days=40 + i)
            fields = {}
            if i < 5:
                fields = {
                    "status": "resolved",
                    "accepted_at": received + timedelta(days=1),
                    "accepted_on_time": i != 0,
                    "resolved_at": received + timedelta(days=10),
                    "resolved_on_time": i != 4,
                    "outcome": "substantiated",
                }
            codes.append(_add("16522", received, "cham-tre", **fields))
        codes.append(
            _add(
                "15061",
                now - timedelta(days=20),
                "doi-tien",
                status="resolved",
                resolved_at=now - timedelta(days=5),
                resolved_on_time=True,
                outcome="unsubstantiated",
            )
        )
        codes.append(_add("15061", now - timedelta(days=21), "doi-tien"))
        codes.append(
            _add(
                "thanh-tra-tinh", now - timedelta(days=22), "loi-dung", escalate=True, accused_unit_id=_unit_id("16522")
            )
        )
        codes.append(_add("16522", now - timedelta(days=430), "cham-tre"))
        db.session.commit()
    make_user("boss", role="supervisor", name="Giám sát")
    return codes


def _row(body, table_id, name):
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', body, re.S).group(0)
    row = re.search(rf"<tr[^>]*><th scope=\"row\">{re.escape(name)}</th>(.*?)</tr>", table, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_window_is_the_last_twelve_months():
    from datetime import date

    assert window(date(2026, 11, 28)) == (date(2025, 12, 1), date(2026, 11, 28))
    assert window(date(2026, 1, 5)) == (date(2025, 2, 1), date(2026, 1, 5))


def test_public_page_figures_and_suppressed_small_cells(app, client, data):
    response = client.get("/minh-bach")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    headline = re.search(r'<dl class="headline">(.*?)</dl>', body, re.S).group(1)
    values = [re.sub(r"<[^>]+>", "", v).strip() for v in re.findall(r"<dd>(.*?)</dd>", headline, re.S)]
    # 9 received in the window (not the one of 14 months ago); 6 resolved; acceptance 4/5; resolution 5/6.
    assert values == ["9", "6", "80,0%", "83,3%"]
    with app.app_context():
        qp = db.session.get(Unit, _unit_id("16522")).name
        nl = db.session.get(Unit, _unit_id("15061")).name
    assert _row(body, "units", qp) == ["6", "5", "80,0%", "80,0%"]
    assert _row(body, "units", nl) == ["—", "—", "—", "—"]  # 2 reports: suppressed
    assert _row(body, "units", "Thanh tra tỉnh") == ["—", "—", "—", "—"]
    assert _row(body, "units", "Sở Y tế") == ["0", "0", "—", "—"]  # nothing to hide, no rate over nothing
    assert re.search(r'id="units-note">\d+ cơ quan, đơn vị có dưới 5 đơn', body)
    # Resolved: "đòi tiền" has 1, hidden; alone hidden, it would be the total (6) minus the 5 of "chậm trễ", so
    # "chậm trễ"'s 5 is hidden with it (complementary suppression).
    assert _row(body, "categories", CATEGORY_NAMES["cham-tre"]) == ["6", "—", "80,0%", "80,0%"]
    assert _row(body, "categories", CATEGORY_NAMES["doi-tien"]) == ["—", "—", "—", "—"]
    assert _row(body, "categories", CATEGORY_NAMES["loi-dung"]) == ["—", "0", "—", "—"]
    for table in ("units", "categories", "months"):  # no column with a total has exactly one hidden cell
        html = re.search(rf'<table[^>]*id="{table}".*?</table>', body, re.S).group(0)
        rows = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[:2] for row in re.findall(r"<tr.*?</tr>", html, re.S)]
        rows = [[re.sub(r"<[^>]+>", "", cell).strip() for cell in row] for row in rows if row]
        assert len(rows) >= 3, table
        for column in zip(*rows, strict=True):
            assert column.count("—") != 1, (table, column)
    months = re.search(r'<table[^>]*id="months".*?</table>', body, re.S).group(0)
    assert len(re.findall(r'<th scope="row">', months)) == 12
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", months, re.S)]
    assert all(c in ("0", "—") or int(c.replace(".", "")) >= 5 for c in cells)  # no count from 1 to 4 anywhere
    assert "<svg" in body and "<title" in body  # the chart, with a title and the table as its fallback


def test_public_page_shows_no_text_codes_or_names(app, client, data):
    body = client.get("/minh-bach").get_data(as_text=True)
    assert TEXT[:25] not in body and SECRET_NAME not in body and "0987654321" not in body
    assert not any(code in body for code in data)
    assert not re.search(r"TH-[A-Z0-9]{4}-[A-Z0-9]{4}", body)


def test_public_page_is_cacheable_and_sets_no_cookie(app, client, data, login_as):
    response = client.get("/minh-bach")
    assert "Set-Cookie" not in response.headers
    cache = response.headers["Cache-Control"]
    assert "public" in cache and "max-age=600" in cache and "private" not in cache and "no-store" not in cache
    assert "Cookie" not in response.headers.get("Vary", "")
    assert 'name="csrf_token"' not in response.get_data(as_text=True)
    etag = response.headers["ETag"]
    again = client.get("/minh-bach", headers={"If-None-Match": etag})
    assert again.status_code == 304 and "Set-Cookie" not in again.headers

    # Even for a signed-in member of staff (whose session the app's hooks touch on every request).
    login_as(client, "boss")
    signed_in = client.get("/minh-bach")
    assert signed_in.status_code == 200 and "Set-Cookie" not in signed_in.headers
    assert signed_in.get_data() == response.get_data()  # the same bytes for everyone: nothing personal
    assert client.get("/can-bo/").status_code == 200  # the staff session still works


def test_figures_are_cached(app, client, data):
    first = client.get("/minh-bach").get_data(as_text=True)
    with app.app_context():
        for _ in range(5):
            _add("15061", utcnow() - timedelta(days=3), "doi-tien")
        db.session.commit()
    assert client.get("/minh-bach").get_data(as_text=True) == first  # within the 10 minutes: the cached figures
    clear_cache()
    app.extensions["redis"].delete(
        *app.extensions["redis"].keys(f"{app.config['RATELIMIT_KEY_PREFIX']}:transparency:*")
    )
    fresh = client.get("/minh-bach").get_data(as_text=True)
    with app.app_context():
        nl = db.session.get(Unit, _unit_id("15061")).name
    assert _row(fresh, "units", nl)[0] == "7"


def test_public_header_links_the_page(client):
    assert 'href="/minh-bach"' in client.get("/").get_data(as_text=True)
