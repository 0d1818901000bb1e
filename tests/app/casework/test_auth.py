"""Staff sign-in hardening: lockout, per-client throttle, session expiry, cookie flags, fixation, deactivation."""

import re
import time
import uuid

import pytest
from redis import Redis

from core.extensions import db
from core.models import User
from tests_support import sign_in

WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED = "Tài khoản tạm thời bị khoá"


def _cli(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result


def _set(app, username="tp.quangphu", **values):
    with app.app_context():
        db.session.query(User).filter_by(username=username).update(values)
        db.session.commit()


def _signed_in(client) -> bool:
    return client.get("/can-bo/").status_code == 200


@pytest.fixture
def lock_app(make_app):
    return make_app(
        WTF_CSRF_ENABLED=True, LOGIN_MAX_FAILURES=3, LOGIN_LOCK_MINUTES=15, LOGIN_RATE_LIMIT="1000 per minute"
    )


def _lock_time_passes(app) -> None:
    """What LOGIN_LOCK_MINUTES of waiting does: the counters of this app expire."""
    redis = app.extensions["redis"]
    prefix = app.config["RATELIMIT_KEY_PREFIX"]
    keys = list(redis.scan_iter(match=f"{prefix}:signin:*"))
    assert keys
    redis.delete(*keys)


def test_a_client_is_locked_out_after_repeated_failures_until_the_lock_time_passes(
    lock_app, csrf_token, make_user, user_by_name, login_as
):
    app, client = lock_app, lock_app.test_client()
    make_user("tp.quangphu", unit="16522")
    for _ in (1, 2):
        response = sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau")
        assert response.status_code == 401
        assert WRONG in response.get_data(as_text=True)
    response = sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau")  # the third: locked
    page = response.get_data(as_text=True)
    assert response.status_code == 403
    assert LOCKED in page and "15 phút" in page

    # The right password is refused from this client while the lock lasts.
    response = sign_in(client, csrf_token, "tp.quangphu")
    assert response.status_code == 403 and LOCKED in response.get_data(as_text=True)
    assert not _signed_in(client)
    assert user_by_name("tp.quangphu").locked_until is None  # one client's lock is not the account's

    _lock_time_passes(app)
    login_as(client, "tp.quangphu")
    assert _signed_in(client)


def test_success_resets_the_failure_count(lock_app, csrf_token, make_user, user_by_name, login_as):
    client = lock_app.test_client()
    make_user("tp.quangphu", unit="16522")
    sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau")
    sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau")
    login_as(client, "tp.quangphu")
    client.post("/can-bo/dang-xuat", data={"csrf_token": csrf_token(client.get("/can-bo/"))})
    assert sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau").status_code == 401
    assert sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau").status_code == 401  # 2 + 2: no lock
    login_as(client, "tp.quangphu")


def test_unknown_user_gets_the_wrong_password_answer_and_the_same_work(make_app, csrf_token, monkeypatch, make_user):
    app = make_app(WTF_CSRF_ENABLED=True, LOGIN_MAX_FAILURES=1000, LOGIN_RATE_LIMIT="1000 per minute")
    client = app.test_client()
    make_user("tp.quangphu", unit="16522")
    unknown = sign_in(client, csrf_token, "khong.ton.tai", "sai-mat-khau")
    known = sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau")
    assert unknown.status_code == known.status_code == 401
    assert WRONG in unknown.get_data(as_text=True)
    same = lambda r: re.sub(r'value="[^"]*"', "", r.get_data(as_text=True))  # noqa: E731 (token, username)
    assert same(unknown) == same(known)

    # Both answers cost one real argon2 verification (against a dummy hash for an unknown user), so the
    # time taken does not tell which usernames exist.
    from core import passwords

    verified = []

    class Counting:
        def __init__(self, real):
            self.real = real

        def verify(self, stored_hash, password):
            verified.append(stored_hash)
            return self.real.verify(stored_hash, password)

        def __getattr__(self, name):
            return getattr(self.real, name)

    monkeypatch.setattr(passwords, "_hasher", Counting(passwords._hasher))
    for username in ("khong.ton.tai", "tp.quangphu"):
        sign_in(client, csrf_token, username, "sai-mat-khau")
    assert len(verified) == 2 and all(h.startswith("$argon2") for h in verified)
    assert verified[0] != verified[1]


def test_deactivated_user_cannot_sign_in_and_open_sessions_are_refused(app, client, csrf_token, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    login_as(client, "tp.quangphu")
    assert _signed_in(client)
    _cli(app, "users", "deactivate", "tp.quangphu")
    response = client.get("/can-bo/")
    assert response.status_code == 302 and "/can-bo/dang-nhap" in response.headers["Location"]
    response = sign_in(client, csrf_token, "tp.quangphu")
    assert response.status_code == 401 and WRONG in response.get_data(as_text=True)
    _cli(app, "users", "deactivate", "tp.quangphu", "--reactivate")
    login_as(client, "tp.quangphu")


def test_password_reset_ends_open_sessions(app, client, csrf_token, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    login_as(client, "tp.quangphu")
    _cli(app, "users", "reset-password", "tp.quangphu", "--password", "mot-mat-khau-moi-dai")
    assert not _signed_in(client)
    assert sign_in(client, csrf_token, "tp.quangphu").status_code == 401
    login_as(client, "tp.quangphu", "mot-mat-khau-moi-dai")


def test_sign_in_is_throttled_per_client(make_app, redis_url, csrf_token, make_user, login_as):
    prefix = f"login-test-{uuid.uuid4().hex[:8]}"
    app = make_app(WTF_CSRF_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute", RATELIMIT_KEY_PREFIX=prefix)
    client = app.test_client()
    make_user("tp.quangphu", unit="16522")
    for _ in range(3):
        assert sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau").status_code == 401
    response = sign_in(client, csrf_token, "tp.quangphu")  # even the right password
    assert response.status_code == 429
    assert "quá nhiều lần" in response.get_data(as_text=True)
    assert response.headers["Retry-After"] == "60"
    assert client.get("/can-bo/dang-nhap").status_code == 200  # only POSTs count
    assert not _signed_in(client)

    other = app.test_client()  # another address is not affected
    login_as(other, "tp.quangphu", environ_base={"REMOTE_ADDR": "203.0.113.7"})

    keys = [k.decode() for k in Redis.from_url(redis_url).scan_iter(match=f"*{prefix}*")]
    assert keys, "the counters live in Redis"
    assert not any("127.0.0.1" in k or "203.0.113.7" in k for k in keys), keys


def test_sign_in_works_when_redis_is_down(make_app, csrf_token, make_user, login_as):
    app = make_app(WTF_CSRF_ENABLED=True, REDIS_URL="redis://127.0.0.1:1/0", LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    make_user("tp.quangphu", unit="16522")
    assert sign_in(client, csrf_token, "tp.quangphu", "sai-mat-khau").status_code == 401
    login_as(client, "tp.quangphu")
    assert _signed_in(client)


def test_idle_session_expires(app, client, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    login_as(client, "tp.quangphu")
    with client.session_transaction() as s:
        s["seen_at"] -= 29 * 60
    assert _signed_in(client)  # 29 minutes idle: still signed in, and the clock restarts
    with client.session_transaction() as s:
        assert time.time() - s["seen_at"] < 60
        s["seen_at"] -= 31 * 60
    response = client.get("/can-bo/")
    assert response.status_code == 302 and "/can-bo/dang-nhap" in response.headers["Location"]
    assert "Phiên làm việc đã hết hạn" in client.get("/can-bo/dang-nhap").get_data(as_text=True)
    assert not _signed_in(client)


def test_session_has_a_total_lifetime(app, client, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    login_as(client, "tp.quangphu")
    with client.session_transaction() as s:
        s["login_at"] -= 8 * 3600 + 1
    assert not _signed_in(client)


def test_session_cookie_flags(make_app, make_user, login_as):
    app = make_app(WTF_CSRF_ENABLED=True)
    make_user("tp.quangphu", unit="16522")
    response = login_as(app.test_client(), "tp.quangphu")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Expires=" in cookie  # a permanent session with PERMANENT_SESSION_LIFETIME
    assert "Secure" not in cookie

    secure = make_app(WTF_CSRF_ENABLED=True, PREFERRED_URL_SCHEME="https")
    response = login_as(
        secure.test_client(),
        "tp.quangphu",
        base_url="https://localhost",
        headers={"Referer": "https://localhost/can-bo/dang-nhap"},
    )  # Flask-WTF checks it on https
    assert "Secure" in response.headers["Set-Cookie"]


def test_sign_in_starts_a_fresh_session(app, client, make_user, user_by_name, login_as):
    make_user("tp.quangphu", unit="16522")
    client.get("/can-bo/dang-nhap")
    with client.session_transaction() as s:
        s["planted"] = "by-an-attacker"
    login_as(client, "tp.quangphu")
    with client.session_transaction() as s:
        assert "planted" not in s
        assert s["_user_id"] == str(user_by_name("tp.quangphu").id)


def test_logout_is_a_post_with_csrf(app, client, csrf_token, make_user, login_as):
    make_user("tp.quangphu", unit="16522")
    login_as(client, "tp.quangphu")
    assert client.get("/can-bo/dang-xuat").status_code == 405
    assert client.post("/can-bo/dang-xuat").status_code == 400
    assert _signed_in(client)
    token = csrf_token(client.get("/can-bo/"))
    assert client.post("/can-bo/dang-xuat", data={"csrf_token": token}).status_code == 302
    assert not _signed_in(client)


def test_a_sign_in_from_a_page_open_too_long_asks_again_and_never_echoes_the_password(app, client, make_user):
    make_user("cb.cu", unit="16522")
    client.get("/can-bo/dang-nhap")
    response = client.post(
        "/can-bo/dang-nhap?next=/can-bo/bao-cao/1",
        data={"csrf_token": "stale", "username": "cb.cu", "password": "mat-khau-bi-lo-1"},
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/can-bo/dang-nhap?next=/can-bo/bao-cao/1")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Trang đăng nhập đã mở quá lâu" in page and "mat-khau-bi-lo-1" not in page
    assert client.get("/can-bo/").status_code == 302  # still signed out
