"""Staff accounts: one set of username and password rules, and the services that the admin pages and
`flask users ...` share; both refuse the same bad passwords with the same message."""

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import User
from tests_support import PASSWORD
from triage.casework import accounts
from triage.casework.accounts import AccountRefused

TOO_SHORT = "Mật khẩu cần ít nhất 12 ký tự."
TOO_LONG = "Mật khẩu dài tối đa 200 ký tự."
REPEATED = "Mật khẩu không được chỉ là một ký tự lặp lại."
DIGITS = "Mật khẩu không được chỉ gồm chữ số."
COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán ra. Xin chọn mật khẩu khác."
GUESSABLE = accounts.password_problem("1234567890ab")
assert GUESSABLE and GUESSABLE.startswith("Mật khẩu này dễ bị đoán ra")
LONG_PHRASE = (
    "Đường từ phường Hạc Thành về xã Quảng Phú đi qua cầu Hoằng Long, hai bên đồng lúa chín vàng, "
    "chiều nào bà con cũng mang cơm ra ruộng, trẻ con thả diều trên đê, tiếng trống trường vang xa "
    "tận bến đò cũ ven sông Mã."
)[:200]
BAD_PASSWORDS = [
    ("a", TOO_SHORT),
    ("mat-khau-11", TOO_SHORT),
    ("x" * 201, TOO_LONG),
    ("aaaaaaaaaaaa", REPEATED),
    ("            ", "Xin nhập mật khẩu."),
    ("123456789012", DIGITS),
    ("20262026202620", DIGITS),
    ("passwordpassword", COMMON),
    ("PasswordPassword", COMMON),
    ("qwerty123456", COMMON),
    ("matkhau123456", COMMON),
    ("1234567890ab", GUESSABLE),
    ("abcd" * 50, GUESSABLE),
    ("qwertyuiopasdf", GUESSABLE),
    ("anhyeuem12345678", GUESSABLE),
    # Built on what a guesser in Vietnam tries first: the country, its cities, a ward of the province, a name.
    ("Vietnam@2025", GUESSABLE),
    ("Hanoi123456!", GUESSABLE),
    ("nguyenvana123", GUESSABLE),
    ("Quangphu@2025", GUESSABLE),
    ("Lê Thị Hoa 1985!!", GUESSABLE),
]


@pytest.mark.parametrize("password, message", BAD_PASSWORDS)
def test_bad_passwords_are_refused_with_their_reason(password, message):
    assert accounts.password_problem(password) == message


GOOD_PASSWORDS = [PASSWORD, "mot-cau-mat-khau", LONG_PHRASE, "ba con cá nhỏ bơi", "ca-phe-sua-da-77"]


@pytest.mark.parametrize("password", GOOD_PASSWORDS)
def test_good_passwords_pass(password):
    assert accounts.password_problem(password) is None


def test_the_account_own_name_makes_a_password_guessable():
    assert accounts.password_problem("tp.quangphu2026") is None
    assert accounts.password_problem("tp.quangphu2026", ("tp.quangphu", "Lê Văn Phú")) == GUESSABLE


@pytest.mark.parametrize(
    "username, message",
    [
        ("", "Xin nhập tên đăng nhập."),
        ("ab", "Tên đăng nhập dài từ 3 đến 80 ký tự."),
        ("a" * 81, "Tên đăng nhập dài từ 3 đến 80 ký tự."),
        ("Tran.Van", "Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới, gạch nối."),
        ("trần.văn", "Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới, gạch nối."),
        (".tp", "Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới, gạch nối."),
        ("tp quangphu", "Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới, gạch nối."),
    ],
)
def test_bad_usernames_are_refused_with_their_reason(username, message):
    assert accounts.username_problem(username) == message


@pytest.mark.parametrize("username", ["tp.quangphu", "inspector_a", "cb-16522", "abc", "a" * 80])
def test_good_usernames_pass(username):
    assert accounts.username_problem(username) is None


# -- the services ------------------------------------------------------------------------------------------------


def test_services_flush_and_leave_the_commit_to_the_caller(session):
    user = accounts.create_user(
        session, username="tp.quangphu", password=PASSWORD, role="triage", full_name="  Trần Thị C ", email=""
    )
    assert user.id is not None and (user.full_name, user.email, user.active) == ("Trần Thị C", None, True)
    assert user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash
    old_hash, old_mark = user.password_hash, accounts.password_mark(user)
    accounts.set_password(session, user, "mot-cau-mat-khau-moi")
    assert user.password_hash != old_hash and accounts.password_mark(user) != old_mark
    accounts.set_active(session, user, False)
    assert session.scalar(select(User.active).where(User.username == "tp.quangphu")) is False
    session.rollback()
    assert session.scalar(select(User).where(User.username == "tp.quangphu")) is None


def test_services_refuse_what_the_rules_refuse(session):
    user = accounts.create_user(session, username="tp.quangphu", password=PASSWORD, role="triage")
    password_hash = user.password_hash
    refusals = [
        (
            lambda: accounts.create_user(session, username="tp.quangphu", password=PASSWORD, role="triage"),
            "username",
            accounts.USERNAME_TAKEN,
        ),
        (
            lambda: accounts.create_user(session, username="Tp", password=PASSWORD, role="triage"),
            "username",
            "Tên đăng nhập dài từ 3 đến 80 ký tự.",
        ),
        (
            lambda: accounts.create_user(session, username="khac", password=PASSWORD, role="inspector"),
            "unit_id",
            "Cán bộ xử lý phải thuộc một đơn vị.",
        ),
        (
            lambda: accounts.create_user(session, username="khac", password="passwordpassword", role="triage"),
            "password",
            COMMON,
        ),
        (lambda: accounts.set_password(session, user, "a"), "password", TOO_SHORT),
        (lambda: accounts.set_role(session, user, "inspector", None), "unit_id", "Cán bộ xử lý phải thuộc một đơn vị."),
    ]
    for call, field, message in refusals:
        with pytest.raises(AccountRefused) as refused:
            call()
        assert (refused.value.field, str(refused.value)) == (field, message)
    assert session.scalars(select(User.username)).all() == ["tp.quangphu"]
    assert (user.role, user.password_hash) == ("triage", password_hash)


def test_unlock_forgets_the_failures(session):
    from datetime import timedelta

    from core.models import utcnow

    user = accounts.create_user(session, username="tp.quangphu", password=PASSWORD, role="triage")
    user.failed_logins, user.locked_until = 3, utcnow() + timedelta(minutes=5)
    assert accounts.is_locked(user)
    accounts.unlock(session, user)
    assert (user.failed_logins, user.locked_until, accounts.is_locked(user)) == (0, None, False)


# -- the command line and the admin form: the same refusals --------------------------------------------------------


@pytest.fixture
def signed_in_admin(app, make_user, login_as):
    make_user("quantri", role="admin")
    client = app.test_client()
    login_as(client, "quantri")
    return client


def _usernames(app) -> list[str]:
    with app.app_context():
        return db.session.scalars(select(User.username).order_by(User.username)).all()


@pytest.mark.parametrize("password, message", BAD_PASSWORDS)
def test_the_cli_and_the_admin_form_refuse_the_same_passwords_alike(
    app, signed_in_admin, csrf_token, password, message
):
    runner = app.test_cli_runner()
    created = runner.invoke(args=["users", "create", "phanloai", "--role", "triage", "--password", password])
    assert created.exit_code != 0 and message in created.output
    reset = runner.invoke(args=["users", "reset-password", "quantri", "--password", password])
    assert reset.exit_code != 0 and message in reset.output

    token = csrf_token(signed_in_admin.get("/can-bo/quan-tri/nguoi-dung/moi"))
    response = signed_in_admin.post(
        "/can-bo/quan-tri/nguoi-dung/moi",
        data={
            "csrf_token": token,
            "username": "phanloai",
            "role": "triage",
            "unit_id": "",
            "password": password,
            "confirm": password,
        },
    )
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    with app.app_context():
        me = db.session.scalar(select(User).where(User.username == "quantri"))
        before, my_id = me.password_hash, me.id
    page = f"/can-bo/quan-tri/nguoi-dung/{my_id}"
    token = csrf_token(signed_in_admin.get(page))
    response = signed_in_admin.post(
        page + "/mat-khau", data={"csrf_token": token, "password": password, "confirm": password}
    )
    assert response.status_code == 400 and message in response.get_data(as_text=True)

    assert _usernames(app) == ["quantri"]
    with app.app_context():
        assert db.session.scalar(select(User.password_hash).where(User.id == my_id)) == before


def test_the_cli_now_applies_the_username_rules(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "Trần Văn", "--role", "triage", "--password", PASSWORD]
    )
    assert result.exit_code != 0 and "Chỉ dùng chữ thường không dấu" in result.output
    assert _usernames(app) == []
