"""Helpers shared by tests."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def ci_requires(what: str) -> None:
    """Under CI a missing part is a failure, never a skip."""
    if IN_CI:
        pytest.fail(f"CI=true but {what} is missing")


PASSWORD = "mat-khau-dai-12"


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
