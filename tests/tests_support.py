"""Helpers shared by tests."""
import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def ci_requires(what: str) -> None:
    """Under CI a missing part is a failure, never a skip."""
    if IN_CI:
        pytest.fail(f"CI=true but {what} is missing")
