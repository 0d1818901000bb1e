"""Configuration: embedded defaults, overridden by environment variables, overridden by the caller."""
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _secret_key(instance: Path) -> str:
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def load_config(overrides: Mapping | None = None, environ: Mapping | None = None) -> dict:
    env = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    instance = Path(overrides.get("INSTANCE_PATH") or env.get("INSTANCE_PATH") or PROJECT_ROOT / "instance")
    config = {
        "INSTANCE_PATH": str(instance),
        "SQLALCHEMY_DATABASE_URI": env.get("DATABASE_URL") or f"sqlite:///{instance / 'app.db'}",
        "REDIS_URL": env.get("REDIS_URL") or f"unix://{instance / 'redis' / 'redis.sock'}",
        "ML_MODEL_DIR": env.get("ML_MODEL_DIR") or str(instance / "models"),
        "ML_CORRECTIONS": env.get("ML_CORRECTIONS") or str(instance / "corrections.jsonl"),
        "ROUTING_QUEUE": env.get("ROUTING_QUEUE", "routing"),
        "JOBS_QUEUE": env.get("JOBS_QUEUE", "default"),  # deadlines and notifications
        # Reports whose agency confidence is below this go to the needs-triage queue.
        "TRIAGE_CONFIDENCE_THRESHOLD": float(env.get("TRIAGE_CONFIDENCE_THRESHOLD", "0.45")),
        "RECONCILE_INTERVAL_SECONDS": int(env.get("RECONCILE_INTERVAL_SECONDS", "60")),
        "PUBLIC_BASE_URL": env.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000"),
        # Deadlines and notifications.
        "REMINDER_POINTS": env.get("REMINDER_POINTS", "half,before:2,due"),
        "SWEEP_INTERVAL_SECONDS": int(env.get("SWEEP_INTERVAL_SECONDS", "300")),
        "SMTP_HOST": env.get("SMTP_HOST", ""),
        "SMTP_PORT": int(env.get("SMTP_PORT", "25")),
        "SMTP_USER": env.get("SMTP_USER", ""),
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": env.get("SMTP_STARTTLS", "") in ("1", "true", "yes"),
        "MAIL_FROM": env.get("MAIL_FROM", "phananh@thanhhoa.gov.vn"),
        "MAIL_MAX_ATTEMPTS": int(env.get("MAIL_MAX_ATTEMPTS", "5")),
        # A row 'sending' for longer than this belonged to a worker that died: it is retried.
        "MAIL_CLAIM_TIMEOUT_SECONDS": int(env.get("MAIL_CLAIM_TIMEOUT_SECONDS", "600")),
        "REPORT_TEXT_MIN": 20,
        "REPORT_TEXT_MAX": 10_000,
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": 8 * 3600,
        # Staff sign-in: lock after repeated failures, per-client throttle, idle timeout, secure cookie.
        "LOGIN_MAX_FAILURES": int(env.get("LOGIN_MAX_FAILURES", "5")),
        "LOGIN_LOCK_MINUTES": int(env.get("LOGIN_LOCK_MINUTES", "15")),
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "10 per minute"),
        # Namespace of the sign-in counters in Redis; empty: "login" (a TESTING app gets one of its own).
        "RATELIMIT_KEY_PREFIX": env.get("RATELIMIT_KEY_PREFIX", ""),
        # The public side: per-client limits, and a lock per tracking code after wrong passphrases.
        "SUBMIT_RATE_LIMIT": env.get("SUBMIT_RATE_LIMIT", "5 per minute;30 per hour"),
        "STATUS_RATE_LIMIT": env.get("STATUS_RATE_LIMIT", "10 per minute;60 per hour"),
        "STATUS_MAX_FAILURES": int(env.get("STATUS_MAX_FAILURES", "5")),
        "STATUS_LOCK_MINUTES": int(env.get("STATUS_LOCK_MINUTES", "15")),
        # Contact details of closed reports are erased after this many days (0: never).
        "CONTACT_RETENTION_DAYS": int(env.get("CONTACT_RETENTION_DAYS", "365")),
        "SESSION_IDLE_MINUTES": int(env.get("SESSION_IDLE_MINUTES", "30")),
        "PREFERRED_URL_SCHEME": env.get("PREFERRED_URL_SCHEME", "http"),
        "SESSION_COOKIE_SECURE": env.get("SESSION_COOKIE_SECURE", "") in ("1", "true", "yes"),
        # Evidence files: per file and per report limits; a request may be larger so that an oversized
        # file is refused with a message while the rest of the report is kept.
        "ATTACHMENTS_DIR": env.get("ATTACHMENTS_DIR") or str(instance / "attachments"),
        "ATTACHMENT_MAX_FILES": int(env.get("ATTACHMENT_MAX_FILES", "5")),
        "ATTACHMENT_MAX_FILE_MB": int(env.get("ATTACHMENT_MAX_FILE_MB", "10")),
        "ATTACHMENT_MAX_TOTAL_MB": int(env.get("ATTACHMENT_MAX_TOTAL_MB", "25")),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_REQUEST_MB", "64")) * 1024 * 1024,
        # Periodic reports (XLSX kept for download) and the public transparency page.
        "PERIODIC_REPORTS_DIR": env.get("PERIODIC_REPORTS_DIR") or str(instance / "periodic"),
        # The workbook's "Quá hạn" sheet lists at most this many overdue reports, longest late first (0: all);
        # the full list is the queue's CSV export filtered on "Quá hạn".
        "PERIODIC_OVERDUE_ROWS": int(env.get("PERIODIC_OVERDUE_ROWS", "10000")),
        # On the public page, a count from 1 to this - 1 (and any rate over fewer reports) is shown as "—".
        "PUBLIC_MIN_CELL": int(env.get("PUBLIC_MIN_CELL", "5")),
        "PUBLIC_CACHE_SECONDS": int(env.get("PUBLIC_CACHE_SECONDS", "600")),
    }
    if "SECRET_KEY" in overrides:
        config["SECRET_KEY"] = overrides["SECRET_KEY"]
    else:
        config["SECRET_KEY"] = env.get("SECRET_KEY") or _secret_key(instance)
    config.update(overrides)
    if config.get("PREFERRED_URL_SCHEME") == "https" and "SESSION_COOKIE_SECURE" not in overrides:
        config["SESSION_COOKIE_SECURE"] = True
    return config
