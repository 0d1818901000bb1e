"""Fixtures of the API's tests: keys made as an administrator makes them (the `api-keys` command)."""

import pytest


@pytest.fixture
def new_key(app):
    """Factory: a key created by `flask api-keys create NAME [--rate-limit ...]`, as printed (its last line)."""

    def _create(name: str, rate_limit: str | None = None) -> str:
        args = ["api-keys", "create", name] + (["--rate-limit", rate_limit] if rate_limit else [])
        result = app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 0, result.output
        return result.output.strip().splitlines()[-1]

    return _create
