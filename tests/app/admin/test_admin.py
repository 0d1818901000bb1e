"""Admin pages: hidden from everyone else, each action changes its one row, CSRF on every POST; the CLI additions."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from core.extensions import db
from core.models import CalendarOverride, Unit, utcnow
from tests_support import sign_in
from triage.deadlines.policy import load_policy

BASE = "/can-bo/quan-tri"
PAGES = ["/", "/nguoi-dung", "/nguoi-dung/moi", "/don-vi", "/lich-lam-viec", "/chinh-sach-thoi-han"]


def _cli(app, *args, ok=True):
    result = app.test_cli_runner().invoke(args=list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def _unit(app, code):
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.code == code))
        db.session.expunge(unit)
        return unit


def _snapshot(app) -> dict:
    """Every row of the tables an admin action could touch, for 'nothing else changed' checks."""
    tables = ("users", "units", "calendar_overrides", "report_events", "notifications", "reports")
    with app.app_context():
        return {
            t: {row[0]: tuple(row) for row in db.session.execute(text(f"SELECT * FROM {t} ORDER BY id"))}
            for t in tables
        }


def _changed(before: dict, after: dict) -> set[tuple[str, int]]:
    return {
        (t, key) for t in before for key in set(before[t]) | set(after[t]) if before[t].get(key) != after[t].get(key)
    }


@pytest.fixture(autouse=True)
def restore_units(app):
    """The directory of units is loaded once per session: put back what a test edits."""
    with app.app_context():
        saved = db.session.execute(text("SELECT id, email, remote FROM units")).all()
    yield
    with app.app_context():
        for unit_id, email, remote in saved:
            db.session.execute(
                text("UPDATE units SET email = :e, remote = :r WHERE id = :id"),
                {"e": email, "r": remote, "id": unit_id},
            )
        db.session.commit()


@pytest.fixture
def admin(app, client, csrf_token, make_user, login_as):
    """A signed-in admin client; post(path, data) adds the CSRF token of the page at `path`."""
    make_user("quantri", role="admin")
    login_as(client, "quantri")

    class Admin:
        def get(self, path, **kw):
            return client.get(BASE + path, **kw)

        def post(self, path, data=None, page=None):
            token = csrf_token(client.get(BASE + (page or path)))
            return client.post(BASE + path, data={"csrf_token": token, **(data or {})})

    return Admin()


def test_admin_pages_are_hidden_from_everyone_else(app, csrf_token, make_user, user_by_name, login_as):
    target = make_user("tp.quangphu", role="inspector", unit="16522")
    make_user("phanloai", role="triage")
    make_user("giamsat", role="supervisor")
    anonymous = app.test_client()
    for page in PAGES:
        response = anonymous.get(BASE + page)
        assert response.status_code == 302 and "/can-bo/dang-nhap" in response.headers["Location"]
    for username in ("tp.quangphu", "phanloai", "giamsat"):
        client = app.test_client()
        login_as(client, username)
        home = client.get("/can-bo/").get_data(as_text=True)
        assert "Quản trị" not in home
        for page in PAGES + [f"/nguoi-dung/{target.id}", "/don-vi/1"]:
            assert client.get(BASE + page).status_code == 404, (username, page)
        token = csrf_token(client.get("/can-bo/"))
        response = client.post(f"{BASE}/nguoi-dung/{target.id}/kich-hoat", data={"csrf_token": token, "active": "0"})
        assert response.status_code == 404
    assert user_by_name("tp.quangphu").active is True


def test_admin_sees_the_nav_link_and_every_page(app, client, admin):
    assert "Quản trị" in client.get("/can-bo/").get_data(as_text=True)
    for page in PAGES:
        response = admin.get(page, follow_redirects=True)
        assert response.status_code == 200, page


def test_users_list_shows_each_account(app, admin, make_user, user_by_name):
    make_user("tp.quangphu", role="inspector", unit="16522")
    _cli(app, "users", "deactivate", "tp.quangphu")
    make_user("giamsat", role="supervisor")
    with app.app_context():
        db.session.execute(
            text("UPDATE users SET locked_until = :t WHERE username = 'giamsat'"),
            {"t": utcnow() + timedelta(minutes=10)},
        )
        db.session.commit()
    page = admin.get("/nguoi-dung").get_data(as_text=True)
    row = page.split(f'id="user-{user_by_name("tp.quangphu").id}"')[1].split("</tr>")[0]
    assert "UBND Phường Quảng Phú" in row and "Cán bộ xử lý" in row and "Đã vô hiệu hoá" in row
    row = page.split(f'id="user-{user_by_name("giamsat").id}"')[1].split("</tr>")[0]
    assert "Lãnh đạo giám sát" in row and "Đang bị khoá" in row


def test_admin_creates_a_user_who_can_sign_in(app, admin, user_by_name, login_as):
    quang_phu = _unit(app, "16522")
    before = _snapshot(app)
    response = admin.post(
        "/nguoi-dung/moi",
        {
            "username": "tp.quangphu",
            "full_name": "Trần Thị C",
            "email": "tpc@quangphu.thanhhoa.gov.vn",
            "role": "inspector",
            "unit_id": str(quang_phu.id),
            "password": "mot-cau-mat-khau",
            "confirm": "mot-cau-mat-khau",
        },
    )
    assert response.status_code == 302
    user = user_by_name("tp.quangphu")
    assert (user.full_name, user.email, user.role, user.unit_id, user.active) == (
        "Trần Thị C",
        "tpc@quangphu.thanhhoa.gov.vn",
        "inspector",
        quang_phu.id,
        True,
    )
    assert user.password_hash.startswith("$argon2") and "mot-cau" not in user.password_hash
    assert _changed(before, _snapshot(app)) == {("users", user.id)}
    login_as(app.test_client(), "tp.quangphu", "mot-cau-mat-khau")


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"role": "inspector", "unit_id": ""}, "Cán bộ xử lý phải thuộc một đơn vị"),
        ({"password": "ngan-qua", "confirm": "ngan-qua"}, "Mật khẩu cần ít nhất 12 ký tự."),
        ({"confirm": "mot-cau-khac-han"}, "Hai lần nhập mật khẩu không khớp."),
        ({"username": "quantri"}, "Tên đăng nhập này đã có người dùng."),
        ({"username": "Trần Văn"}, "Chỉ dùng chữ thường không dấu"),
        ({"email": "khong-phai-email"}, "Địa chỉ thư điện tử không hợp lệ."),
    ],
)
def test_user_creation_is_validated(app, admin, fields, message):
    data = {
        "username": "moi",
        "role": "triage",
        "unit_id": "",
        "password": "mot-cau-mat-khau",
        "confirm": "mot-cau-mat-khau",
        **fields,
    }
    before = _snapshot(app)
    response = admin.post("/nguoi-dung/moi", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _changed(before, _snapshot(app)) == set()


def test_admin_changes_role_unit_and_email(app, admin, make_user, user_by_name):
    user, ngoc_lac = make_user("tp.quangphu", role="inspector", unit="16522"), _unit(app, "15061")
    before = _snapshot(app)
    response = admin.post(
        f"/nguoi-dung/{user.id}",
        {"full_name": "Lê Văn D", "email": "d@ngoclac.gov.vn", "role": "supervisor", "unit_id": str(ngoc_lac.id)},
    )
    assert response.status_code == 302
    changed = user_by_name("tp.quangphu")
    assert (changed.full_name, changed.email, changed.role, changed.unit_id) == (
        "Lê Văn D",
        "d@ngoclac.gov.vn",
        "supervisor",
        ngoc_lac.id,
    )
    assert changed.password_hash == user.password_hash
    assert _changed(before, _snapshot(app)) == {("users", user.id)}

    response = admin.post(f"/nguoi-dung/{user.id}", {"role": "inspector", "unit_id": "", "email": ""})
    assert response.status_code == 400 and "phải thuộc một đơn vị" in response.get_data(as_text=True)
    assert user_by_name("tp.quangphu").role == "supervisor"


def test_admin_cannot_demote_or_deactivate_themselves(app, admin, user_by_name):
    me = user_by_name("quantri")
    response = admin.post(f"/nguoi-dung/{me.id}", {"role": "triage", "unit_id": ""})
    assert response.status_code == 400 and "tự bỏ quyền quản trị" in response.get_data(as_text=True)
    admin.post(f"/nguoi-dung/{me.id}/kich-hoat", {"active": "0"}, page=f"/nguoi-dung/{me.id}")
    me = user_by_name("quantri")
    assert me.role == "admin" and me.active is True


def test_admin_deactivates_and_reactivates(app, admin, make_user, user_by_name, login_as):
    user = make_user("tp.quangphu", role="inspector", unit="16522")
    victim = app.test_client()
    login_as(victim, "tp.quangphu")
    before = _snapshot(app)
    response = admin.post(f"/nguoi-dung/{user.id}/kich-hoat", {"active": "0"}, page=f"/nguoi-dung/{user.id}")
    assert response.status_code == 302
    assert user_by_name("tp.quangphu").active is False
    assert _changed(before, _snapshot(app)) == {("users", user.id)}
    assert victim.get("/can-bo/").status_code == 302  # the open session is refused
    assert "Đã vô hiệu hoá" in admin.get(f"/nguoi-dung/{user.id}").get_data(as_text=True)
    admin.post(f"/nguoi-dung/{user.id}/kich-hoat", {"active": "1"}, page=f"/nguoi-dung/{user.id}")
    assert user_by_name("tp.quangphu").active is True


def test_admin_resets_a_password(app, admin, csrf_token, make_user, user_by_name, login_as):
    user = make_user("tp.quangphu", role="inspector", unit="16522")
    response = admin.post(
        f"/nguoi-dung/{user.id}/mat-khau", {"password": "ngan", "confirm": "ngan"}, page=f"/nguoi-dung/{user.id}"
    )
    assert response.status_code == 400 and "ít nhất 12 ký tự" in response.get_data(as_text=True)
    assert user_by_name("tp.quangphu").password_hash == user.password_hash
    before = _snapshot(app)
    response = admin.post(
        f"/nguoi-dung/{user.id}/mat-khau",
        {"password": "mat-khau-moi-rat-dai", "confirm": "mat-khau-moi-rat-dai"},
        page=f"/nguoi-dung/{user.id}",
    )
    assert response.status_code == 302
    assert _changed(before, _snapshot(app)) == {("users", user.id)}
    login_as(app.test_client(), "tp.quangphu", "mat-khau-moi-rat-dai")
    assert sign_in(app.test_client(), csrf_token, "tp.quangphu").status_code == 401


def test_admin_resetting_their_own_password_stays_signed_in(app, client, admin, user_by_name):
    me = user_by_name("quantri")
    admin.post(
        f"/nguoi-dung/{me.id}/mat-khau",
        {"password": "mat-khau-moi-rat-dai", "confirm": "mat-khau-moi-rat-dai"},
        page=f"/nguoi-dung/{me.id}",
    )
    assert user_by_name("quantri").password_hash != me.password_hash
    assert client.get("/can-bo/").status_code == 200


def test_admin_unlocks_an_account(app, admin, make_user, user_by_name, login_as):
    user = make_user("tp.quangphu", role="inspector", unit="16522")
    with app.app_context():
        db.session.execute(
            text("UPDATE users SET locked_until = :t, failed_logins = 2 WHERE id = :id"),
            {"t": utcnow() + timedelta(minutes=10), "id": user.id},
        )
        db.session.commit()
    assert "Đang bị khoá" in admin.get(f"/nguoi-dung/{user.id}").get_data(as_text=True)
    before = _snapshot(app)
    assert admin.post(f"/nguoi-dung/{user.id}/mo-khoa", page=f"/nguoi-dung/{user.id}").status_code == 302
    unlocked = user_by_name("tp.quangphu")
    assert unlocked.locked_until is None and unlocked.failed_logins == 0
    assert _changed(before, _snapshot(app)) == {("users", user.id)}
    login_as(app.test_client(), "tp.quangphu")


def test_units_list_and_edit(app, admin):
    unit = _unit(app, "16522")
    page = admin.get("/don-vi").get_data(as_text=True)
    assert "UBND Phường Quảng Phú" in page and unit.email in page
    found = admin.get("/don-vi", query_string={"q": "quang phu"}).get_data(as_text=True)
    assert "UBND Phường Quảng Phú" in found and "Ngọc Lặc" not in found

    before = _snapshot(app)
    response = admin.post(f"/don-vi/{unit.id}", {"email": "vanthu@quangphu.thanhhoa.gov.vn", "remote": "y"})
    assert response.status_code == 302
    changed = _unit(app, "16522")
    assert changed.email == "vanthu@quangphu.thanhhoa.gov.vn" and changed.remote is True
    assert _changed(before, _snapshot(app)) == {("units", unit.id)}
    row = admin.get("/don-vi").get_data(as_text=True).split(f'id="unit-{unit.id}"')[1].split("</tr>")[0]
    assert "vanthu@quangphu.thanhhoa.gov.vn" in row and "Có" in row

    admin.post(f"/don-vi/{unit.id}", {"email": "vanthu@quangphu.thanhhoa.gov.vn"})  # box unticked
    assert _unit(app, "16522").remote is False
    response = admin.post(f"/don-vi/{unit.id}", {"email": "khong hop le"})
    assert response.status_code == 400 and "không hợp lệ" in response.get_data(as_text=True)
    assert _unit(app, "16522").email == "vanthu@quangphu.thanhhoa.gov.vn"
    assert admin.get("/don-vi/999999").status_code == 404


def test_calendar_override_changes_the_working_days(app, admin):
    wednesday, saturday = date(2031, 3, 12), date(2031, 3, 15)
    services = app.extensions["services"]
    with app.app_context():
        assert services.calendar.is_working_day(wednesday) and not services.calendar.is_working_day(saturday)
        assert services.calendar.add_working_days(date(2031, 3, 11), 1) == wednesday

    before = _snapshot(app)
    response = admin.post("/lich-lam-viec", {"day": "2031-03-12", "kind": "off", "reason": "Nghỉ bù theo quyết định"})
    assert response.status_code == 302
    response = admin.post("/lich-lam-viec", {"day": "2031-03-15", "kind": "working", "reason": "Làm bù"})
    assert response.status_code == 302
    with app.app_context():
        rows = {r.day: (r.working, r.reason) for r in db.session.scalars(select(CalendarOverride))}
        assert rows == {wednesday: (False, "Nghỉ bù theo quyết định"), saturday: (True, "Làm bù")}
        # The cached calendar was dropped: the next computation sees the change at once.
        assert not services.calendar.is_working_day(wednesday) and services.calendar.is_working_day(saturday)
        assert services.calendar.add_working_days(date(2031, 3, 11), 1) == date(2031, 3, 13)
    assert {t for t, _ in _changed(before, _snapshot(app))} == {"calendar_overrides"}

    page = admin.get("/lich-lam-viec").get_data(as_text=True)
    assert "12/03/2031" in page and "Nghỉ bù theo quyết định" in page
    edit = admin.get("/lich-lam-viec", query_string={"ngay": "2031-03-12"}).get_data(as_text=True)
    assert 'value="2031-03-12"' in edit and "Nghỉ bù theo quyết định" in edit

    # Changing a day replaces its row.
    admin.post("/lich-lam-viec", {"day": "2031-03-12", "kind": "working", "reason": "Huỷ nghỉ bù"})
    with app.app_context():
        assert db.session.query(CalendarOverride).count() == 2
        assert services.calendar.is_working_day(wednesday)
    response = admin.post("/lich-lam-viec", {"day": "", "kind": "off", "reason": ""})
    assert response.status_code == 400 and "Xin nhập lý do." in response.get_data(as_text=True)


def test_policy_page_shows_the_policy_in_force(app, admin):
    policy = load_policy()
    page = admin.get("/chinh-sach-thoi-han").get_data(as_text=True)
    assert f'id="policy-version">{policy.version}<' in page
    for key, track in policy.tracks.items():
        section = page.split(f'id="track-{key}"')[1].split("</section>")[0]
        for stage in track.stages:
            assert stage.label_vi in section
            assert f"{stage.amount} {'ngày làm việc' if stage.unit == 'working_days' else 'ngày'}" in section
    assert "vùng sâu, vùng xa" in page


def test_admin_posts_need_a_csrf_token(app, client, admin, make_user):
    user, unit = make_user("tp.quangphu", role="inspector", unit="16522"), _unit(app, "16522")
    before = _snapshot(app)
    attempts = [
        (
            "/nguoi-dung/moi",
            {"username": "moi", "role": "triage", "password": "mot-cau-mat-khau", "confirm": "mot-cau-mat-khau"},
        ),
        (f"/nguoi-dung/{user.id}", {"role": "admin", "unit_id": ""}),
        (f"/nguoi-dung/{user.id}/kich-hoat", {"active": "0"}),
        (f"/nguoi-dung/{user.id}/mo-khoa", {}),
        (f"/nguoi-dung/{user.id}/mat-khau", {"password": "mot-cau-mat-khau", "confirm": "mot-cau-mat-khau"}),
        (f"/don-vi/{unit.id}", {"email": "x@example.org", "remote": "y"}),
        ("/lich-lam-viec", {"day": "2031-03-12", "kind": "off", "reason": "x"}),
    ]
    for path, data in attempts:
        assert client.post(BASE + path, data=data).status_code == 400, path
        assert client.post(BASE + path, data={**data, "csrf_token": "forged"}).status_code == 400, path
    assert _changed(before, _snapshot(app)) == set()


def test_cli_manages_accounts_and_units(app, make_user, user_by_name, login_as):
    make_user("tp.quangphu", role="inspector", unit="16522")
    assert _cli(app, "users", "set-role", "tp.quangphu", "inspector", "--unit", "00000", ok=False).exit_code != 0
    _cli(app, "users", "set-role", "tp.quangphu", "supervisor")
    assert user_by_name("tp.quangphu").role == "supervisor"
    _cli(app, "users", "set-role", "tp.quangphu", "inspector", "--unit", "15061")
    user = user_by_name("tp.quangphu")
    assert user.role == "inspector" and user.unit_id == _unit(app, "15061").id
    assert _cli(app, "users", "set-role", "nobody", "admin", ok=False).exit_code != 0

    _cli(app, "users", "deactivate", "tp.quangphu")
    assert user_by_name("tp.quangphu").active is False
    _cli(app, "users", "deactivate", "tp.quangphu", "--reactivate")
    assert user_by_name("tp.quangphu").active is True

    with app.app_context():
        db.session.execute(
            text("UPDATE users SET locked_until = :t, failed_logins = 4"), {"t": utcnow() + timedelta(minutes=10)}
        )
        db.session.commit()
    assert _cli(app, "users", "reset-password", "tp.quangphu", "--password", "ngan", ok=False).exit_code != 0
    _cli(app, "users", "reset-password", "tp.quangphu", "--password", "mat-khau-moi-rat-dai")
    user = user_by_name("tp.quangphu")
    assert user.locked_until is None and user.failed_logins == 0
    login_as(app.test_client(), "tp.quangphu", "mat-khau-moi-rat-dai")

    _cli(app, "units", "set", "16522", "--email", "vt@quangphu.gov.vn", "--remote")
    unit = _unit(app, "16522")
    assert unit.email == "vt@quangphu.gov.vn" and unit.remote is True
    _cli(app, "units", "set", "16522", "--not-remote")
    assert _unit(app, "16522").remote is False and _unit(app, "16522").email == "vt@quangphu.gov.vn"
    assert _cli(app, "units", "set", "16522", ok=False).exit_code != 0
    assert _cli(app, "units", "set", "nope", "--remote", ok=False).exit_code != 0
