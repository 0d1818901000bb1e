"""ASVS V11 (anti-automation) behind a reverse proxy: with TRUSTED_PROXY_HOPS the per-client limits key on the real
client from X-Forwarded-For, so one abuser does not block every citizen or officer behind the proxy; without it the
header is ignored, so nobody escapes a limit by writing it."""

from tests_support import sign_in

PROXY = {"REMOTE_ADDR": "10.0.0.2"}


def _attempts(app, csrf_token, forwarded_for: list[str]) -> list[int]:
    codes = []
    for address in forwarded_for:
        client = app.test_client()
        codes.append(
            sign_in(
                client,
                csrf_token,
                "khong.co.ai",
                "sai-mat-khau-9",
                environ_base=PROXY,
                headers={"X-Forwarded-For": address},
            ).status_code
        )
    return codes


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, TRUSTED_PROXY_HOPS=1, LOGIN_RATE_LIMIT="2 per minute")
    assert _attempts(app, csrf_token, ["198.51.100.1", "198.51.100.1", "198.51.100.1"]) == [401, 401, 429]
    assert _attempts(app, csrf_token, ["198.51.100.2", "198.51.100.3"]) == [401, 401]  # other citizens go on


def test_without_the_setting_the_header_is_ignored(make_app, csrf_token):
    app = make_app(WTF_CSRF_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute")
    assert _attempts(app, csrf_token, ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) == [401, 401, 429]


def test_https_at_the_proxy_is_https_to_the_service(make_app):
    app = make_app(TRUSTED_PROXY_HOPS=1)
    response = app.test_client().get(
        "/", environ_base=PROXY, headers={"X-Forwarded-For": "198.51.100.1", "X-Forwarded-Proto": "https"}
    )
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
