"""Helpers shared by tests."""

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def ci_requires(what: str) -> None:
    """Under CI a missing part is a failure, never a skip."""
    if IN_CI:
        pytest.fail(f"CI=true but {what} is missing")


PASSWORD = "mat-khau-dai-12"
# The audit chain and the passphrases of the session's database are written and read by every app and process of
# the run: one key for all.
TEST_AUDIT_KEY = "test-audit-key"


def sign_in(client, csrf_token, username: str, password: str = PASSWORD, **kwargs):
    """Sign in through the real form."""
    token = csrf_token(client.get("/can-bo/dang-nhap"))
    return client.post(
        "/can-bo/dang-nhap", data={"csrf_token": token, "username": username, "password": password}, **kwargs
    )


def look_up(client, csrf_token, code: str, passphrase: str):
    """Follow a report on the status page, as a citizen does."""
    token = csrf_token(client.get("/tra-cuu"))
    return client.post("/tra-cuu", data={"csrf_token": token, "code": code, "passphrase": passphrase})


class Browser:
    """A client of a running service over real HTTP, with cookies (a citizen's phone, an officer's desk)."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=10) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def page(self, path: str) -> str:
        status, body = self.get(path)
        assert status == 200, (path, status)
        return body

    def post(self, path: str, data: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=10) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    @staticmethod
    def token(page: str) -> str:
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        form = self.page("/can-bo/dang-nhap")
        self.post("/can-bo/dang-nhap", {"csrf_token": self.token(form), "username": username, "password": password})
        with self.opener.open(self.base + "/can-bo/", timeout=10) as r:  # signed in: the queue, not the form
            assert "/can-bo/dang-nhap" not in r.url, f"sign-in of {username} refused"


def smallest_chart_text(page, charts: str) -> float:
    """The smallest label of the SVG charts matching `charts`, in pixels as drawn on the page (its font size times
    the scale at which the chart is drawn)."""
    return page.evaluate(
        """selector => Math.min(...[...document.querySelectorAll(selector)].flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        }))""",
        charts,
    )
