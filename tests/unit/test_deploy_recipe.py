"""The production recipe (deploy/) agrees with the code: every setting in env.example, the limits of the proxies equal
to the app's, every unit restarted, confined and reading the one settings file. The recipe's processes themselves
run in tests/e2e/test_process_set.py."""

import os
import re
import runpy
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from process_set import procfile

from core.config import PROJECT_ROOT, Settings, default_of

DEPLOY = PROJECT_ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
ASSIGNMENT = re.compile(r"^#?([A-Z][A-Z0-9_]*)=(.*)$", re.MULTILINE)


def _env_example() -> dict[str, str]:
    return {name: value.strip('"') for name, value in ASSIGNMENT.findall((DEPLOY / "env.example").read_text())}


def test_env_example_lists_every_setting_and_nothing_else():
    assert set(_env_example()) == {f.name.upper() for f in fields(Settings)}


def test_env_example_values_parse():
    settings = Settings.from_env({name: value for name, value in _env_example().items() if "CHANGE" not in value})
    assert settings.instance_path == "/var/lib/phananh"
    assert settings.trusted_proxy_hops == 1
    assert settings.public_base_url.startswith("https://")


def test_procfile_runs_the_web_app_the_worker_and_the_cron():
    commands = procfile(DEPLOY / "Procfile")
    assert set(commands) == {"web", "worker", "cron"}
    assert "deploy/gunicorn.conf.py" in commands["web"] and "wsgi:app" in commands["web"]
    assert commands["worker"].endswith("-m triage.worker")
    assert commands["cron"].endswith("-m triage.cron")


def test_gunicorn_takes_its_workers_and_address_from_the_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))  # as phananh-web.service names it
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("HOST", "10.0.0.5")
    monkeypatch.setenv("PORT", "8123")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["workers"] == 3
    assert config["bind"] == ["10.0.0.5:8123"]
    assert config["timeout"] < _nginx_seconds("proxy_read_timeout")


def test_gunicorn_shares_the_metrics_of_its_processes_in_a_fresh_folder(tmp_path):
    """Without the unit's folder (honcho, by hand), one under the instance, emptied, named before prometheus_client
    is imported; and the hook that marks an ended process dead."""
    stale = tmp_path / "instance" / "metrics" / "counter_1.db"
    stale.parent.mkdir(parents=True)
    stale.write_text("an earlier run")
    script = (
        "import os, runpy, sys; config = runpy.run_path(sys.argv[1]); "
        "from prometheus_client import values; "
        "print(os.environ['PROMETHEUS_MULTIPROC_DIR'], callable(config['child_exit']), values.ValueClass.__name__)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    env["INSTANCE_PATH"] = str(tmp_path / "instance")
    result = subprocess.run(
        [sys.executable, "-c", script, str(DEPLOY / "gunicorn.conf.py")],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    folder, hook, value_class = result.stdout.split()
    assert folder == str(stale.parent) and hook == "True"
    assert value_class != "MutexValue"  # the multi-process values, not one process's own
    assert not stale.exists()


def _nginx_seconds(directive: str) -> int:
    return int(re.search(rf"^\s*{directive} (\d+)s;", (DEPLOY / "nginx" / "phananh.conf").read_text(), re.M).group(1))


def test_the_proxies_accept_the_requests_the_app_accepts():
    megabytes = default_of("max_request_mb")
    assert f"client_max_body_size {megabytes}m;" in (DEPLOY / "nginx" / "phananh.conf").read_text()
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert f"max_size {megabytes}MiB" in caddy
    assert f"request_buffers {megabytes}MiB" in caddy  # a slow upload holds the proxy, not a gunicorn worker
    assert "proxy_request_buffering on;" in (DEPLOY / "nginx" / "phananh.conf").read_text()


def test_the_proxies_show_a_vietnamese_page_when_the_service_does_not_answer():
    page = PROJECT_ROOT / "intake" / "static" / "tam-ngung.html"
    text = page.read_text()
    assert '<html lang="vi">' in text and "Hệ thống tạm thời gián đoạn" in text and 'href="/static/site.css"' in text
    assert 'class="brand" href="/"' in text and 'href="/tra-cuu"' in text  # the site's header and a way back
    assert "error_page 502 503 504 /static/tam-ngung.html;" in (DEPLOY / "nginx" / "phananh.conf").read_text()
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert "handle_errors 502 503 504" in caddy and "rewrite * /tam-ngung.html" in caddy


def test_nginx_sets_every_forwarded_header_the_app_trusts():
    text = (DEPLOY / "nginx" / "phananh.conf").read_text()
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port"):
        assert re.search(rf"proxy_set_header {header} \$", text), header
    assert "Strict-Transport-Security" not in text  # the app sends it


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_every_unit_is_restarted_confined_and_configured(unit):
    text = unit.read_text()
    instance = _env_example()["INSTANCE_PATH"]
    for line in (
        "Restart=always",
        "User=phananh",
        "EnvironmentFile=/etc/phananh/env",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        f"ReadWritePaths={instance}",
        "WantedBy=phananh.target",
    ):
        assert re.search(rf"^{re.escape(line)}$", text, re.M), f"{unit.name}: {line}"
    assert re.search(r"^ExecStartPre=.*grep -q CHANGE", text, re.M), "starts on the example's placeholders"


def test_units_pass_systemd_analyze(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    for path in (DEPLOY / "systemd").iterdir():  # the executables of a checkout in place of /opt/phananh's
        (tmp_path / path.name).write_text(path.read_text().replace("/opt/phananh", str(PROJECT_ROOT)))
    result = subprocess.run(
        [analyze, "verify", *sorted(str(p) for p in tmp_path.iterdir())], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_the_manage_script_is_valid_shell():
    script = Path(DEPLOY / "phananh-manage")
    assert subprocess.run(["sh", "-n", str(script)]).returncode == 0
    assert script.stat().st_mode & 0o111
