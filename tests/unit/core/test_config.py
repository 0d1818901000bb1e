"""Settings: declared once, parsed with clear errors, rendered into the same Flask config as before."""

import re
from dataclasses import fields
from pathlib import Path

import pytest

from core.config import PROJECT_ROOT, ConfigError, Settings, load_config, markdown_table

# The Flask config of the defaults, taken from core/config.py before settings were declared (INSTANCE_PATH and
# SECRET_KEY set so that nothing depends on the machine).
DEFAULTS_SNAPSHOT = {
    "INSTANCE_PATH": "/srv/phananh",
    "SQLALCHEMY_DATABASE_URI": "sqlite:////srv/phananh/app.db",
    "REDIS_URL": "unix:///srv/phananh/redis/redis.sock",
    "ML_MODEL_DIR": "/srv/phananh/models",
    "ML_CORRECTIONS": "/srv/phananh/corrections.jsonl",
    "ROUTING_QUEUE": "routing",
    "JOBS_QUEUE": "default",
    "TRIAGE_CONFIDENCE_THRESHOLD": 0.45,
    "RECONCILE_INTERVAL_SECONDS": 60,
    "PUBLIC_BASE_URL": "http://127.0.0.1:8000",
    "REMINDER_POINTS": "half,before:2,due",
    "SWEEP_INTERVAL_SECONDS": 300,
    "SMTP_HOST": "",
    "SMTP_PORT": 25,
    "SMTP_USER": "",
    "SMTP_PASSWORD": "",
    "SMTP_STARTTLS": False,
    "MAIL_FROM": "phananh@thanhhoa.gov.vn",
    "MAIL_MAX_ATTEMPTS": 5,
    "MAIL_CLAIM_TIMEOUT_SECONDS": 600,
    "REPORT_TEXT_MIN": 20,
    "REPORT_TEXT_MAX": 10000,
    "WTF_CSRF_TIME_LIMIT": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 28800,
    "LOGIN_MAX_FAILURES": 5,
    "LOGIN_LOCK_MINUTES": 15,
    "LOGIN_RATE_LIMIT": "10 per minute",
    "RATELIMIT_KEY_PREFIX": "",
    "SUBMIT_RATE_LIMIT": "5 per minute;30 per hour",
    "STATUS_RATE_LIMIT": "10 per minute;60 per hour",
    "STATUS_MAX_FAILURES": 5,
    "STATUS_LOCK_MINUTES": 15,
    "CONTACT_RETENTION_DAYS": 365,
    "SESSION_IDLE_MINUTES": 30,
    "PREFERRED_URL_SCHEME": "http",
    "SESSION_COOKIE_SECURE": False,
    "ATTACHMENTS_DIR": "/srv/phananh/attachments",
    "ATTACHMENT_MAX_FILES": 5,
    "ATTACHMENT_MAX_FILE_MB": 10,
    "ATTACHMENT_MAX_TOTAL_MB": 25,
    "MAX_CONTENT_LENGTH": 67108864,
    "PERIODIC_REPORTS_DIR": "/srv/phananh/periodic",
    "PERIODIC_OVERDUE_ROWS": 10000,
    "PUBLIC_MIN_CELL": 5,
    "PUBLIC_CACHE_SECONDS": 600,
    "SECRET_KEY": "k",
}

# Every variable set to something else than its default, and the Flask config it gave before the declarations.
FULL_ENVIRON = {
    "INSTANCE_PATH": "/srv/x",
    "SECRET_KEY": "sk",
    "DATABASE_URL": "postgresql+psycopg://app@db/phananh",
    "REDIS_URL": "redis://cache:6379/2",
    "ML_MODEL_DIR": "/models",
    "ML_CORRECTIONS": "/data/c.jsonl",
    "ROUTING_QUEUE": "r",
    "JOBS_QUEUE": "j",
    "TRIAGE_CONFIDENCE_THRESHOLD": "0.6",
    "RECONCILE_INTERVAL_SECONDS": "30",
    "PUBLIC_BASE_URL": "https://phananh.example",
    "REMINDER_POINTS": "half,due",
    "SWEEP_INTERVAL_SECONDS": "120",
    "SMTP_HOST": "mail",
    "SMTP_PORT": "587",
    "SMTP_USER": "u",
    "SMTP_PASSWORD": "p",
    "SMTP_STARTTLS": "yes",
    "MAIL_FROM": "a@b.vn",
    "MAIL_MAX_ATTEMPTS": "3",
    "MAIL_CLAIM_TIMEOUT_SECONDS": "900",
    "LOGIN_MAX_FAILURES": "7",
    "LOGIN_LOCK_MINUTES": "20",
    "LOGIN_RATE_LIMIT": "3 per minute",
    "RATELIMIT_KEY_PREFIX": "px",
    "SUBMIT_RATE_LIMIT": "1 per minute",
    "STATUS_RATE_LIMIT": "2 per minute",
    "STATUS_MAX_FAILURES": "4",
    "STATUS_LOCK_MINUTES": "9",
    "CONTACT_RETENTION_DAYS": "0",
    "SESSION_IDLE_MINUTES": "45",
    "PREFERRED_URL_SCHEME": "https",
    "SESSION_COOKIE_SECURE": "1",
    "ATTACHMENTS_DIR": "/files",
    "ATTACHMENT_MAX_FILES": "3",
    "ATTACHMENT_MAX_FILE_MB": "4",
    "ATTACHMENT_MAX_TOTAL_MB": "8",
    "MAX_REQUEST_MB": "16",
    "PERIODIC_REPORTS_DIR": "/reports",
    "PERIODIC_OVERDUE_ROWS": "0",
    "PUBLIC_MIN_CELL": "3",
    "PUBLIC_CACHE_SECONDS": "60",
}
FULL_SNAPSHOT = {
    "INSTANCE_PATH": "/srv/x",
    "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://app@db/phananh",
    "REDIS_URL": "redis://cache:6379/2",
    "ML_MODEL_DIR": "/models",
    "ML_CORRECTIONS": "/data/c.jsonl",
    "ROUTING_QUEUE": "r",
    "JOBS_QUEUE": "j",
    "TRIAGE_CONFIDENCE_THRESHOLD": 0.6,
    "RECONCILE_INTERVAL_SECONDS": 30,
    "PUBLIC_BASE_URL": "https://phananh.example",
    "REMINDER_POINTS": "half,due",
    "SWEEP_INTERVAL_SECONDS": 120,
    "SMTP_HOST": "mail",
    "SMTP_PORT": 587,
    "SMTP_USER": "u",
    "SMTP_PASSWORD": "p",
    "SMTP_STARTTLS": True,
    "MAIL_FROM": "a@b.vn",
    "MAIL_MAX_ATTEMPTS": 3,
    "MAIL_CLAIM_TIMEOUT_SECONDS": 900,
    "REPORT_TEXT_MIN": 20,
    "REPORT_TEXT_MAX": 10000,
    "WTF_CSRF_TIME_LIMIT": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 28800,
    "LOGIN_MAX_FAILURES": 7,
    "LOGIN_LOCK_MINUTES": 20,
    "LOGIN_RATE_LIMIT": "3 per minute",
    "RATELIMIT_KEY_PREFIX": "px",
    "SUBMIT_RATE_LIMIT": "1 per minute",
    "STATUS_RATE_LIMIT": "2 per minute",
    "STATUS_MAX_FAILURES": 4,
    "STATUS_LOCK_MINUTES": 9,
    "CONTACT_RETENTION_DAYS": 0,
    "SESSION_IDLE_MINUTES": 45,
    "PREFERRED_URL_SCHEME": "https",
    "SESSION_COOKIE_SECURE": True,
    "ATTACHMENTS_DIR": "/files",
    "ATTACHMENT_MAX_FILES": 3,
    "ATTACHMENT_MAX_FILE_MB": 4,
    "ATTACHMENT_MAX_TOTAL_MB": 8,
    "MAX_CONTENT_LENGTH": 16777216,
    "PERIODIC_REPORTS_DIR": "/reports",
    "PERIODIC_OVERDUE_ROWS": 0,
    "PUBLIC_MIN_CELL": 3,
    "PUBLIC_CACHE_SECONDS": 60,
    "SECRET_KEY": "sk",
}


def _differences(config: dict, snapshot: dict) -> list[str]:
    """Every key of the snapshot that the config lacks, or holds with another value or type."""
    return [
        f"{key}: {config.get(key, '<missing>')!r} != {value!r}"
        for key, value in snapshot.items()
        if key not in config or config[key] != value or type(config[key]) is not type(value)
    ]


def test_the_defaults_give_the_flask_config_of_before():
    config = load_config(environ={"INSTANCE_PATH": "/srv/phananh", "SECRET_KEY": "k"})
    assert _differences(config, DEFAULTS_SNAPSHOT) == []


def test_every_variable_set_gives_the_flask_config_of_before():
    assert _differences(load_config(environ=FULL_ENVIRON), FULL_SNAPSHOT) == []


def test_an_instance_path_override_moves_the_derived_defaults_and_the_secret_key(tmp_path):
    config = load_config({"INSTANCE_PATH": str(tmp_path)}, environ={"INSTANCE_PATH": "/elsewhere"})
    expected = {
        key: value.replace("/srv/phananh", str(tmp_path)) if isinstance(value, str) else value
        for key, value in DEFAULTS_SNAPSHOT.items()
        if key != "SECRET_KEY"
    }
    assert _differences(config, expected) == []
    assert re.fullmatch(r"[0-9a-f]{64}", config["SECRET_KEY"])
    assert (tmp_path / "secret_key").read_text().strip() == config["SECRET_KEY"]
    assert load_config({"INSTANCE_PATH": str(tmp_path)}, environ={})["SECRET_KEY"] == config["SECRET_KEY"]


def test_overrides_win_over_the_environment():
    config = load_config(
        {"SMTP_PORT": 2525, "SECRET_KEY": "o", "SQLALCHEMY_DATABASE_URI": "sqlite://"}, environ=FULL_ENVIRON
    )
    assert (config["SMTP_PORT"], config["SECRET_KEY"], config["SQLALCHEMY_DATABASE_URI"]) == (2525, "o", "sqlite://")


def test_https_makes_the_session_cookie_secure_unless_overridden():
    env = {"INSTANCE_PATH": "/srv/x", "SECRET_KEY": "k", "PREFERRED_URL_SCHEME": "https"}
    assert load_config(environ=env)["SESSION_COOKIE_SECURE"] is True
    assert load_config({"SESSION_COOKIE_SECURE": False}, environ=env)["SESSION_COOKIE_SECURE"] is False


def test_the_default_instance_is_in_the_project():
    config = load_config(environ={"SECRET_KEY": "k"})
    assert config["INSTANCE_PATH"] == str(PROJECT_ROOT / "instance")
    assert config["ML_MODEL_DIR"] == str(Path(PROJECT_ROOT / "instance" / "models"))


def test_the_new_settings_are_in_the_flask_config_and_nothing_else():
    config = load_config(environ={"INSTANCE_PATH": "/srv/phananh", "SECRET_KEY": "k"})
    sms = {"SMS_GATEWAY_URL", "SMS_GATEWAY_KEY", "SMS_SENDER"}
    security = {"LOGIN_ACCOUNT_MAX_FAILURES", "TRUSTED_PROXY_HOPS", "AUDIT_KEY", "AUDIT_ANCHOR_FILE", "PASSPHRASE_KEY"}
    backups = {"BACKUP_DIR", "BACKUP_KEEP"}
    operations = {"CRON_HEARTBEAT_MAX_AGE_SECONDS", "METRICS_ALLOW", "METRICS_TOKEN"}
    assert set(config) - set(DEFAULTS_SNAPSHOT) == {
        "DASHBOARD_MIN_SAMPLE",
        "LOG_LEVEL",
        "CRON_LEASE_SECONDS",
        "REQUEST_QUEUE_TIMEOUT_SECONDS",
        *sms,
        *security,
        *backups,
        *operations,
    }
    assert (config["METRICS_ALLOW"], config["METRICS_TOKEN"]) == (("127.0.0.1/32", "::1/128"), "")
    assert (config["DASHBOARD_MIN_SAMPLE"], config["LOG_LEVEL"]) == (10, "INFO")
    assert [config[key] for key in sorted(sms)] == ["", "", "THANHHOA"]  # no gateway: SMS go to instance/sms
    env = {"INSTANCE_PATH": "/srv/x", "SECRET_KEY": "k", "DASHBOARD_MIN_SAMPLE": "3", "LOG_LEVEL": "DEBUG"}
    assert (load_config(environ=env)["DASHBOARD_MIN_SAMPLE"], load_config(environ=env)["LOG_LEVEL"]) == (3, "DEBUG")


# -- the typed settings ----------------------------------------------------------------------------------------------


def test_settings_are_typed_values():
    settings = Settings.from_env(
        {
            "INSTANCE_PATH": "/srv/x/",
            "SMTP_PORT": "587",
            "SMTP_STARTTLS": "On",
            "TRIAGE_CONFIDENCE_THRESHOLD": "0.5",
            "REMINDER_POINTS": " half , due ,",
            "PORT": "9000",
            "ROUTING_QUEUE": "",
        }
    )
    assert settings.instance_path == "/srv/x" and settings.ml_model_dir == "/srv/x/models"
    assert (settings.smtp_port, settings.smtp_starttls, settings.triage_confidence_threshold) == (587, True, 0.5)
    assert settings.reminder_points == ("half", "due")
    assert (settings.host, settings.port, settings.web_concurrency) == ("127.0.0.1", 9000, 2)
    assert settings.routing_queue == "routing"  # an empty variable counts as unset
    assert Settings.from_env({"SMTP_STARTTLS": "no"}).smtp_starttls is False


def test_values_that_do_not_parse_are_refused_with_every_reason():
    with pytest.raises(ConfigError) as refused:
        Settings.from_env(
            {
                "SMTP_PORT": "abc",
                "TRIAGE_CONFIDENCE_THRESHOLD": "high",
                "SMTP_STARTTLS": "maybe",
                "REMINDER_POINTS": ",",
                "PREFERRED_URL_SCHEME": "ftp",
                "LOG_LEVEL": "loud",
            }
        )
    assert str(refused.value).splitlines() == [
        "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'loud'",
        "TRIAGE_CONFIDENCE_THRESHOLD must be a number, got 'high'",
        "REMINDER_POINTS must be a comma-separated list, got ','",
        "SMTP_PORT must be an integer, got 'abc'",
        "SMTP_STARTTLS must be a boolean (1/0, true/false, yes/no, on/off), got 'maybe'",
        "PREFERRED_URL_SCHEME must be one of http, https, got 'ftp'",
    ]
    with pytest.raises(ConfigError, match="MAX_REQUEST_MB must be an integer, got '1.5'"):
        load_config({"SECRET_KEY": "k"}, environ={"MAX_REQUEST_MB": "1.5"})


def test_the_example_placeholders_of_the_keys_are_refused():
    env = {"SECRET_KEY": "CHANGE", "AUDIT_KEY": "CHANGE-me", "PASSPHRASE_KEY": "x" * 40}
    with pytest.raises(ConfigError) as refused:
        Settings.from_env(env)
    named = [line.split(" ", 1)[0] for line in str(refused.value).splitlines()]
    assert named == ["SECRET_KEY", "AUDIT_KEY"]
    assert "placeholder of deploy/env.example" in str(refused.value)
    with pytest.raises(ConfigError, match="PASSPHRASE_KEY is still the placeholder"):
        load_config(environ={"PASSPHRASE_KEY": "CHANGE"})
    assert Settings.from_env({"PASSPHRASE_KEY": "x" * 40}).passphrase_key == "x" * 40


def test_secrets_stay_out_of_the_settings_repr():
    settings = Settings.from_env(
        {
            "SECRET_KEY": "s3cret-key",
            "SMTP_PASSWORD": "pw-0042",
            "DATABASE_URL": "postgresql+psycopg://app:dbpass@db/x",
            "REDIS_URL": "redis://:redispass@cache:6379/0",
        }
    )
    shown = repr(settings)
    assert "smtp_port=25" in shown
    for secret in ("s3cret-key", "pw-0042", "dbpass", "redispass"):
        assert secret not in shown


# -- README ----------------------------------------------------------------------------------------------------------


def _readme_table() -> list[str]:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("|")]


def test_every_declared_setting_is_in_the_readme_table_and_every_variable_there_is_declared():
    rows = _readme_table()
    assert rows[:2] == ["| variable | default | meaning |", "|---|---|---|"]
    documented = [name for row in rows[2:] for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1])]
    declared = [f.name.upper() for f in fields(Settings)]
    assert sorted(documented) == sorted(declared)


def test_the_readme_table_is_the_one_the_declarations_print():
    assert "\n".join(_readme_table()) + "\n" == markdown_table()
    assert all(row.count("|") == 4 for row in markdown_table().splitlines())  # no meaning breaks the table


# -- a setting that used to be ignored -------------------------------------------------------------------------------


@pytest.fixture
def app(monkeypatch, make_app):
    """An app built while the environment sets DASHBOARD_MIN_SAMPLE (no override)."""
    monkeypatch.setenv("DASHBOARD_MIN_SAMPLE", "7")
    return make_app(WTF_CSRF_ENABLED=True)


def test_the_dashboard_ranks_units_with_the_minimum_sample_of_the_environment(app, make_user, login_as):
    make_user("giamsat.cfg", role="supervisor")
    client = app.test_client()
    login_as(client, "giamsat.cfg")
    page = client.get("/can-bo/tong-quan/").get_data(as_text=True)
    assert "chỉ với đơn vị có từ 7 đơn giải quyết trở lên" in page
