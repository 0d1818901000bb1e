"""PostgreSQL down: every page answers a Vietnamese 503 with Retry-After, the citizen's forms come back with what was
typed and nothing of the failed submission is kept; PostgreSQL back: the pooled connections it dropped are
replaced before use, so the next request succeeds."""

import io
import json
import re
import socket
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from core.extensions import db

REPORT = "Cán bộ địa chính xã Quảng Phú đòi 2 triệu đồng mới ký xác nhận hồ sơ cấp sổ đỏ cho nhà tôi."
CODE, PASSPHRASE = "TH-7KMP-3XRA", "ABCD-EFGH-JKLM-NPQR-STUV"


def _port_nobody_listens_on() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: connections to it are refused


@pytest.fixture
def app_without_database(make_app):
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_port_nobody_listens_on()}/phananh"
    return make_app(WTF_CSRF_ENABLED=True, SQLALCHEMY_DATABASE_URI=url)


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(out, format="JPEG")
    return out.getvalue()


def _unavailable(response, status: int = 503) -> str:
    assert response.status_code == status
    assert response.headers["Retry-After"] == "60" and "no-store" in response.headers["Cache-Control"]
    page = response.get_data(as_text=True)
    assert "tạm thời gián đoạn" in page and 'class="brand"' in page
    assert "OperationalError" not in page and "Service Unavailable" not in page and "psycopg" not in page
    return page


def test_the_citizen_keeps_the_report_and_nothing_is_stored(app_without_database, csrf_token):
    app = app_without_database
    client = app.test_client()
    form = client.get("/")
    assert form.status_code == 200  # the form itself needs no database
    data = {
        "csrf_token": csrf_token(form),
        "text": REPORT,
        "kind": "to-cao",
        "office": "UBND xã Quảng Phú",
        "reporter_name": "Nguyễn Văn An",
        "attachments": (io.BytesIO(_jpeg()), "anh.jpg"),
    }
    page = _unavailable(client.post("/", data=data, content_type="multipart/form-data"))
    assert REPORT in page and "UBND xã Quảng Phú" in page and "Nguyễn Văn An" in page
    assert re.search(r'<input checked[^>]*value="to-cao"', page)
    assert "chọn lại các tệp đính kèm" in page and 'action="/"' in page
    assert [p for p in Path(app.config["ATTACHMENTS_DIR"]).rglob("*") if p.is_file()] == []  # the photo is gone


def test_the_status_look_up_keeps_the_code_and_passphrase(app_without_database, csrf_token):
    client = app_without_database.test_client()
    token = csrf_token(client.get("/tra-cuu"))
    page = _unavailable(client.post("/tra-cuu", data={"csrf_token": token, "code": CODE, "passphrase": PASSPHRASE}))
    assert f'value="{CODE}"' in page and f'value="{PASSPHRASE}"' in page and "bấm Tra cứu" in page


def test_staff_pages_and_the_api_answer_503_in_their_own_form(app_without_database, csrf_token):
    client = app_without_database.test_client()
    token = csrf_token(client.get("/can-bo/dang-nhap"))
    page = _unavailable(
        client.post("/can-bo/dang-nhap", data={"csrf_token": token, "username": "cb.a", "password": "x" * 12})
    )
    assert 'href="/can-bo/">Về hàng đợi hồ sơ' in page
    api = client.post("/api/v1/tra-cuu", json={"code": CODE, "passphrase": PASSPHRASE})
    assert api.status_code == 503 and api.mimetype == "application/json" and api.headers["Retry-After"] == "60"
    assert "tạm thời gián đoạn" in json.loads(api.data)[0]["description"]


def _drop_connections(database_url: str) -> None:
    """What a database restart does to the connections the app keeps in its pool: on PostgreSQL the server ends
    them (from another connection); a SQLite file has no server, so they are closed behind the pool's back."""
    if database_url.startswith("postgresql"):
        engine = create_engine(database_url)
        with engine.connect() as conn:
            ended = conn.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        engine.dispose()
        assert ended >= 1
    else:
        pooled = list(db.engine.pool._pool.queue)  # the connections checked in, as the pool keeps them
        assert pooled
        for record in pooled:
            record.dbapi_connection.close()


def test_the_first_request_after_the_database_dropped_its_connections_succeeds(app, database_url, csrf_token):
    client = app.test_client()

    def look_up():
        token = csrf_token(client.get("/tra-cuu"))
        return client.post("/tra-cuu", data={"csrf_token": token, "code": CODE, "passphrase": PASSPHRASE})

    assert look_up().status_code == 403  # the database answered: no such đơn; its connection is back in the pool
    with app.app_context():
        _drop_connections(database_url)
    assert look_up().status_code == 403  # not 503: the dead connection was replaced before use
