"""Configuration: every setting declared once in `Settings` (its environment variable is the field's name in capitals,
its type the annotation; default and one-line meaning in the field's metadata). `Settings.from_env` parses the
environment once, with an error naming each variable that does not parse; `load_config` renders the Flask config from
it, the caller's overrides winning. An empty variable counts as unset. `python -m core.config` prints the table of
README.md's "Configuration" section.
"""

import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Self

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TRUE_WORDS, FALSE_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_SAME = "same as the variable"  # the Flask key of a setting, unless told otherwise

# Flask settings that no environment variable changes.
FIXED = {
    "REPORT_TEXT_MIN": 20,
    "REPORT_TEXT_MAX": 10_000,
    "WTF_CSRF_TIME_LIMIT": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 8 * 3600,
}


# The keys a deployment must set itself: signing, the audit chain, the passphrases. deploy/env.example marks them
# CHANGE, and a value still holding that word is refused (everyone could read the key).
KEYS = ("SECRET_KEY", "AUDIT_KEY", "PASSPHRASE_KEY")


class ConfigError(ValueError):
    """Environment variables that do not parse; the message has one line per variable."""


@dataclass(frozen=True)
class InInstance:
    """A default under the instance folder: `prefix` followed by INSTANCE_PATH joined with `relative`."""

    relative: str
    prefix: str = ""

    def value(self, instance: Path) -> str:
        return self.prefix + str(instance / self.relative)

    def __str__(self) -> str:
        return f"{self.prefix}instance/{self.relative}"


def setting(
    default: Any,
    meaning: str,
    *,
    key: str | None = _SAME,
    shown: str = "",
    secret: bool = False,
    choices: tuple[str, ...] = (),
    to_config: Callable[[Any], Any] | None = None,
) -> Any:
    """Declare one setting (a dataclass field of `Settings`).

    key: its Flask config key (None: not in the Flask config); shown: its default as README shows it, when the value
    does not say it well; secret: kept out of the repr; choices: the only values allowed; to_config: the conversion
    from the typed value to the Flask value.
    """
    return field(
        repr=not secret,
        metadata={
            "default": default,
            "meaning": meaning,
            "key": key,
            "shown": shown,
            "choices": choices,
            "to_config": to_config,
        },
    )


def _mebibytes(value: int) -> int:
    return value * 1024 * 1024


def _comma_list(value: tuple[str, ...]) -> str:
    return ",".join(value)


@dataclass(frozen=True)
class Settings:
    """The deployment's settings, typed; build it with `Settings.from_env`."""

    # Where things are kept.
    instance_path: str = setting(
        None, "local data: SQLite file, Redis data, models, attachments, periodic reports", shown="`instance/`"
    )
    database_url: str = setting(
        InInstance("app.db", "sqlite:///"),
        "SQLAlchemy URL; e.g. `postgresql+psycopg://user@host/db`",
        key="SQLALCHEMY_DATABASE_URI",
        secret=True,
    )
    redis_url: str = setting(
        InInstance("redis/redis.sock", "unix://"),
        "the Redis that carries jobs",
        shown="embedded server on `instance/redis/redis.sock`",
        secret=True,
    )
    secret_key: str = setting(
        "", "session and CSRF signing", key=None, secret=True, shown="generated once into `instance/secret_key`"
    )
    audit_key: str = setting(
        "",
        "HMAC key of the audit trail's hash chain; keep it out of the database and its backups",
        secret=True,
        shown="generated once into `instance/audit_key`",
    )
    passphrase_key: str = setting(
        "",
        "HMAC key of the reporters' passphrases; never change it, or every receipt stops working",
        secret=True,
        shown="generated once into `instance/passphrase_key`",
    )
    audit_anchor_file: str = setting(
        InInstance("audit-anchors.jsonl"),
        "where the head of the audit chain is written periodically, out of the database's reach",
    )
    log_level: str = setting("INFO", "least level logged by the web, worker and cron processes", choices=LOG_LEVELS)
    # The web server of `make run`.
    host: str = setting("127.0.0.1", "address the web server of `make run` listens on", key=None)
    port: int = setting(8000, "port the web server of `make run` listens on", key=None)
    web_concurrency: int = setting(2, "web server processes of `make run`", key=None)
    train_max_rows: int = setting(
        0, "rows of the corpus the classifier trained by the first `make run` learns from (0: all)", key=None
    )
    # Routing.
    ml_model_dir: str = setting(InInstance("models"), "classifier artifacts; `current` points at the one in use")
    ml_corrections: str = setting(
        InInstance("corrections.jsonl"), "inspectors' corrections, folded in by `python -m ml train --with-corrections`"
    )
    triage_confidence_threshold: float = setting(0.45, "below this agency confidence a report goes to manual triage")
    reconcile_interval_seconds: int = setting(60, "how often reports waiting to be routed are enqueued again")
    routing_queue: str = setting("routing", "rq queue for routing jobs")
    jobs_queue: str = setting("default", "rq queue for deadlines, notifications and other jobs")
    # Deadlines and notifications.
    reminder_points: tuple[str, ...] = setting(
        ("half", "before:2", "due"),
        "when reminders go to the unit: half the time gone, N working days before, on the due day",
        to_config=_comma_list,
    )
    sweep_interval_seconds: int = setting(300, "how often the deadline sweep runs")
    cron_lease_seconds: int = setting(
        20, "one cron process is active, holding a lease in Redis this long; a standby takes over when it runs out"
    )
    smtp_host: str = setting("", "the mail server", shown="unset: messages are written to `instance/mail/*.eml`")
    smtp_port: int = setting(25, "the mail server's port")
    smtp_user: str = setting("", "user name on the mail server")
    smtp_password: str = setting("", "password on the mail server", secret=True)
    smtp_starttls: bool = setting(False, "upgrade the connection to the mail server with STARTTLS")
    mail_from: str = setting("phananh@thanhhoa.gov.vn", "sender of notifications")
    mail_max_attempts: int = setting(
        5, "deliveries tried before a notification is marked failed for good (an admin can retry)"
    )
    mail_claim_timeout_seconds: int = setting(
        600, "a notification being sent for longer than this belonged to a worker that died: it is sent again"
    )
    sms_gateway_url: str = setting(
        "", "HTTP gateway the reporter's SMS notices are POSTed to", shown="unset: SMS are written to `instance/sms/`"
    )
    sms_gateway_key: str = setting("", "bearer key of the SMS gateway", secret=True)
    sms_sender: str = setting("THANHHOA", "sender name (brandname) of SMS notices")
    public_base_url: str = setting("http://127.0.0.1:8000", "links in messages")
    trusted_proxy_hops: int = setting(
        0, "reverse proxies in front of the service whose X-Forwarded-For/-Proto/-Host are trusted (0: none)"
    )
    # Staff sign-in.
    login_max_failures: int = setting(5, "wrong passwords in a row that lock one client out of a staff account")
    login_account_max_failures: int = setting(
        50, "wrong passwords from all clients within the lock time that lock a staff account for everyone"
    )
    login_lock_minutes: int = setting(15, "how long a locked staff account stays locked")
    login_rate_limit: str = setting("10 per minute", "sign-in attempts per client (keyed hashes in Redis)")
    ratelimit_key_prefix: str = setting("", "namespace of the sign-in counters in Redis", shown="unset: `login`")
    session_idle_minutes: int = setting(30, "staff sessions idle this long are signed out")
    preferred_url_scheme: str = setting(
        "http", "scheme of generated links; `https` also makes the session cookie secure", choices=("http", "https")
    )
    session_cookie_secure: bool = setting(False, "send the session cookie over HTTPS only")
    # The public side.
    submit_rate_limit: str = setting("5 per minute;30 per hour", "report submissions per client")
    status_rate_limit: str = setting("10 per minute;60 per hour", "status page look-ups and replies per client")
    status_max_failures: int = setting(5, "wrong passphrases that lock a tracking code on the status page")
    status_lock_minutes: int = setting(15, "how long a locked tracking code stays locked")
    request_queue_timeout_seconds: int = setting(
        20,
        "a citizen's POST that waited longer than this in front of the service (the trusted proxy's "
        "X-Request-Start) is answered busy at once, nothing stored (0: never)",
    )
    contact_retention_days: int = setting(
        365, "reporters' contact details are erased this long after a report is closed (0: never)"
    )
    # Evidence files.
    attachments_dir: str = setting(InInstance("attachments"), "evidence files (outside any static folder)")
    attachment_max_files: int = setting(5, "evidence files per report")
    attachment_max_file_mb: int = setting(10, "size limit of one evidence file, in MB")
    attachment_max_total_mb: int = setting(25, "size limit of a report's evidence files together, in MB")
    max_request_mb: int = setting(
        64,
        "size limit of a request, in MB (above the evidence limits, so that an "
        "oversized file is refused with a message)",
        key="MAX_CONTENT_LENGTH",
        to_config=_mebibytes,
    )
    # Reporting.
    periodic_reports_dir: str = setting(InInstance("periodic"), "where periodic XLSX reports are kept")
    periodic_overdue_rows: int = setting(
        10_000, "overdue reports listed in a periodic workbook, longest late first (0: all)"
    )
    dashboard_min_sample: int = setting(10, "reports resolved in the period a unit needs to be ranked on the dashboard")
    public_min_cell: int = setting(5, "smallest count shown on the public page (smaller ones are shown as —)")
    public_cache_seconds: int = setting(600, "how long the public page is cached")
    # Backups.
    backup_dir: str = setting(InInstance("backups"), "where the nightly backup writes its archives")
    backup_keep: int = setting(7, "nightly backups kept in BACKUP_DIR; older ones are removed")
    # Operations: /healthz, /readyz, /metrics.
    cron_heartbeat_max_age_seconds: int = setting(
        180, "`/readyz` answers 503 when the cron scheduler's last heartbeat is older than this"
    )
    metrics_allow: tuple[str, ...] = setting(
        ("127.0.0.1/32", "::1/128"),
        "peer addresses (CIDRs) that may read `/metrics`: the connection's own, never X-Forwarded-For",
    )
    metrics_token: str = setting("", "bearer token that lets any address read `/metrics`", secret=True)
    prometheus_multiproc_dir: str = setting(
        "",
        "directory where gunicorn's processes share their metrics (prometheus_client's multi-process mode)",
        key=None,
        shown="unset: one process's own; `make run` sets a fresh `instance/metrics/`",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """Parse every setting from `environ` (default: the process environment) at once."""
        env = os.environ if environ is None else environ
        instance = Path(env.get("INSTANCE_PATH") or PROJECT_ROOT / "instance")
        values: dict[str, Any] = {"instance_path": str(instance)}
        problems = []
        for f in fields(cls):
            if f.name in values:
                continue
            raw = env.get(f.name.upper(), "")
            if raw == "":
                default = f.metadata["default"]
                values[f.name] = default.value(instance) if isinstance(default, InInstance) else default
                continue
            try:
                values[f.name] = _parse(f.name.upper(), f.type, raw, f.metadata["choices"])
            except ValueError as exc:
                problems.append(str(exc))
        problems += [
            f"{name} is still the placeholder of deploy/env.example: set a random value, e.g. the output of "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`"
            for name in KEYS
            if "CHANGE" in env.get(name, "")
        ]
        if problems:
            raise ConfigError("\n".join(problems))
        return cls(**values)

    def flask_config(self) -> dict[str, Any]:
        """The Flask config keys of the settings (SECRET_KEY aside: see `load_config`)."""
        config = {}
        for f in fields(self):
            key = f.metadata["key"]
            if key is None:
                continue
            value = getattr(self, f.name)
            convert = f.metadata["to_config"]
            config[f.name.upper() if key is _SAME else key] = convert(value) if convert else value
        return config


def _parse(name: str, kind: Any, raw: str, choices: tuple[str, ...]) -> Any:
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{name} must be an integer, got {raw!r}") from None
    if kind is float:
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if kind is bool:
        word = raw.strip().lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise ValueError(f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {raw!r}")
        return word in TRUE_WORDS
    if kind == tuple[str, ...]:
        items = tuple(item.strip() for item in raw.split(",") if item.strip())
        if not items:
            raise ValueError(f"{name} must be a comma-separated list, got {raw!r}")
        return items
    if choices and raw not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, got {raw!r}")
    return raw


def instance_secret(instance: Path, name: str) -> str:
    """A random key kept in a file of the instance folder (mode 0600), made on first use."""
    path = instance / name
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def app_secret(app, name: str) -> bytes:
    """The key named by the setting `name` (AUDIT_KEY, PASSPHRASE_KEY) of this app: its value, else a key made once
    under the instance folder (`audit_key`, `passphrase_key`), never in the database; read once per process."""
    key = app.extensions.get(name)
    if key is None:
        value = app.config.get(name) or instance_secret(Path(app.config["INSTANCE_PATH"]), name.lower())
        key = app.extensions[name] = value.encode()
    return key


def load_config(overrides: Mapping | None = None, environ: Mapping | None = None) -> dict:
    """The Flask config: declared defaults, overridden by environment variables, overridden by `overrides`."""
    env = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    if overrides.get("INSTANCE_PATH"):  # the defaults under the instance follow the caller's instance
        env = {**env, "INSTANCE_PATH": str(overrides["INSTANCE_PATH"])}
    settings = Settings.from_env(env)
    config: dict[str, Any] = {**FIXED, **settings.flask_config()}
    if "SECRET_KEY" not in overrides:
        config["SECRET_KEY"] = settings.secret_key or instance_secret(Path(settings.instance_path), "secret_key")
    config.update(overrides)
    # Published over HTTPS (told by the scheme or by the public address): links say https, HSTS is sent and the
    # session cookie never travels in clear.
    if str(config.get("PUBLIC_BASE_URL") or "").startswith("https://") and "PREFERRED_URL_SCHEME" not in overrides:
        config["PREFERRED_URL_SCHEME"] = "https"
    if config.get("PREFERRED_URL_SCHEME") == "https" and "SESSION_COOKIE_SECURE" not in overrides:
        config["SESSION_COOKIE_SECURE"] = True
    return config


def default_of(name: str) -> Any:
    """The declared default of one setting, by its field name (`default_of("dashboard_min_sample")`)."""
    return next(f.metadata["default"] for f in fields(Settings) if f.name == name)


def _shown_default(f: Any) -> str:
    shown, default = f.metadata["shown"], f.metadata["default"]
    if shown:
        return shown
    if default == "":
        return "unset"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, tuple):
        return f"`{_comma_list(default)}`"
    return f"`{default}`"


def markdown_table() -> str:
    """The table of README.md's "Configuration" section, one row per setting, in declaration order."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    rows += [f"| `{f.name.upper()}` | {_shown_default(f)} | {f.metadata['meaning']} |" for f in fields(Settings)]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
