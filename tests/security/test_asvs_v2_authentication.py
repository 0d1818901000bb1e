"""ASVS V2 (authentication), replayed through HTTP: the lockout tells nobody which names are accounts, nobody can
lock an officer out from elsewhere, a spread-out guessing attack still locks the name, and every path that sets a
password refuses a guessable one."""

import pytest
from sqlalchemy import select

from core.audit import verify_chain
from core.extensions import db
from core.models import User
from tests_support import PASSWORD, sign_in

LOCKED = "Tài khoản tạm thời bị khoá"


@pytest.fixture
def guarded(make_app, make_user):
    app = make_app(
        WTF_CSRF_ENABLED=True, LOGIN_MAX_FAILURES=3, LOGIN_ACCOUNT_MAX_FAILURES=5, LOGIN_RATE_LIMIT="1000 per minute"
    )
    make_user("tp.quangphu", unit="16522")
    return app


def _from(address: str) -> dict:
    return {"environ_base": {"REMOTE_ADDR": address}}


def _answers(app, csrf_token, username: str, tries: int, address: str) -> list[int]:
    client = app.test_client()
    return [sign_in(client, csrf_token, username, "sai-mat-khau-9", **_from(address)).status_code for _ in range(tries)]


def test_an_unknown_name_locks_exactly_like_an_account(guarded, csrf_token):
    known = _answers(guarded, csrf_token, "tp.quangphu", 4, "198.51.100.1")
    unknown = _answers(guarded, csrf_token, "khong.co.ai", 4, "198.51.100.1")
    assert known == unknown == [401, 401, 403, 403]
    client = guarded.test_client()
    pages = [
        sign_in(client, csrf_token, name, "sai-mat-khau-9", **_from("198.51.100.1")).get_data(as_text=True)
        for name in ("tp.quangphu", "khong.co.ai")
    ]
    assert all(LOCKED in page for page in pages)


def test_guessing_from_elsewhere_does_not_lock_the_officer_out(guarded, csrf_token):
    assert _answers(guarded, csrf_token, "tp.quangphu", 3, "203.0.113.9")[-1] == 403  # the guesser is locked out
    desk = guarded.test_client()
    answer = sign_in(desk, csrf_token, "tp.quangphu", PASSWORD, **_from("192.0.2.10"))
    assert answer.status_code == 302  # the officer at their own desk signs in


def test_a_guessing_attack_spread_over_addresses_locks_the_name_for_everyone(guarded, csrf_token, login_as):
    for n, address in enumerate(("203.0.113.1", "203.0.113.2", "203.0.113.3")):
        _answers(guarded, csrf_token, "tp.quangphu", 2 if n < 2 else 1, address)
    desk = guarded.test_client()
    answer = sign_in(desk, csrf_token, "tp.quangphu", PASSWORD, **_from("192.0.2.10"))
    assert answer.status_code == 403 and LOCKED in answer.get_data(as_text=True)
    with guarded.app_context():
        user = db.session.scalar(select(User).where(User.username == "tp.quangphu"))
        assert user.locked_until is not None  # the administrators see the lock
        user_id = user.id
        assert verify_chain(db.session).first_broken is None  # the lockout and the account's change: one chain

    admin = guarded.test_client()
    guarded.test_cli_runner().invoke(args=["users", "create", "quantri", "--role", "admin", "--password", PASSWORD])
    assert sign_in(admin, csrf_token, "quantri", **_from("192.0.2.99")).status_code == 302
    token = csrf_token(admin.get(f"/can-bo/quan-tri/nguoi-dung/{user_id}"))
    assert admin.post(f"/can-bo/quan-tri/nguoi-dung/{user_id}/mo-khoa", data={"csrf_token": token}).status_code == 302
    assert sign_in(desk, csrf_token, "tp.quangphu", PASSWORD, **_from("192.0.2.10")).status_code == 302


WEAK = ("a", "123456789012", "passwordpassword", "qwertyuiopasdf", "tp.quangphu2026")


@pytest.mark.parametrize("password", WEAK)
def test_the_command_line_refuses_a_guessable_password(app, password):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "tp.quangphu", "--unit", "16522", "--password", password]
    )
    assert result.exit_code != 0
    assert "Mật khẩu" in result.output
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "tp.quangphu")) is None


def test_the_admin_form_refuses_the_same_passwords(app, client, make_user, login_as, csrf_token):
    make_user("quantri", role="admin")
    login_as(client, "quantri")
    for password in WEAK:
        token = csrf_token(client.get("/can-bo/quan-tri/nguoi-dung/moi"))
        response = client.post(
            "/can-bo/quan-tri/nguoi-dung/moi",
            data={
                "csrf_token": token,
                "username": "tp.quangphu",
                "role": "triage",
                "unit_id": "",
                "password": password,
                "confirm": password,
            },
        )
        assert response.status_code == 400, password
        assert "Mật khẩu" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "tp.quangphu")) is None
