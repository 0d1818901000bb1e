"""Nothing on the public side keeps who the reporter is: no client address or user agent in the database,
the logs or Redis after a submission and a status look-up."""

import http.client
import re
import time
import urllib.parse

from redis import Redis
from sqlalchemy import create_engine, inspect, text

CLIENT_ADDRESS = "127.0.0.2"  # a loopback address of its own, so it cannot be confused with the server's
AGENT = "UA-canary-7731 (Android 14; Zalo)"
TEXT = "Cán bộ tư pháp UBND xã Ngọc Lặc đòi 300 nghìn tiền bồi dưỡng mới chứng thực giấy tờ cho tôi."


def _request(base: str, method: str, path: str, body: dict | None = None, cookie: str = ""):
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10, source_address=(CLIENT_ADDRESS, 0))
    headers = {"User-Agent": AGENT, "Cookie": cookie}
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    page = response.read().decode()
    set_cookie = response.getheader("Set-Cookie") or ""
    conn.close()
    return response.status, page, set_cookie.split(";")[0] or cookie


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_no_address_or_user_agent_is_kept_anywhere(live_service, database_url, redis_url):
    base = live_service["base"]
    _, page, cookie = _request(base, "GET", "/")
    status, page, cookie = _request(
        base, "POST", "/", {"csrf_token": _token(page), "text": TEXT, "kind": "phan-anh"}, cookie
    )
    assert status == 201
    code = re.search(r'id="tracking-code">([^<]+)<', page).group(1)
    passphrase = re.search(r'id="passphrase">([^<]+)<', page).group(1)
    _, page, cookie = _request(base, "GET", "/tra-cuu", cookie=cookie)
    status, _, _ = _request(
        base, "POST", "/tra-cuu", {"csrf_token": _token(page), "code": code, "passphrase": passphrase}, cookie
    )
    assert status == 200
    time.sleep(3)  # let the worker route it and write its own log lines

    logs = "".join(p.read_text(errors="replace") for p in live_service["logs"].iterdir())
    assert "POST / 201" in logs  # the access log is there, and says only this
    assert CLIENT_ADDRESS not in logs and "UA-canary-7731" not in logs

    engine = create_engine(database_url)
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                dumped = " ".join(str(v) for v in row)
                assert CLIENT_ADDRESS not in dumped and "UA-canary-7731" not in dumped, table
    engine.dispose()

    redis = Redis.from_url(redis_url)
    for key in redis.scan_iter(count=1000):
        assert CLIENT_ADDRESS.encode() not in key
        kind = redis.type(key)
        if kind == b"string":
            value = redis.get(key) or b""
            assert CLIENT_ADDRESS.encode() not in value and b"UA-canary-7731" not in value
