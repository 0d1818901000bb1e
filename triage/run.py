"""`make run`: the whole service in the foreground on embedded defaults. A child that exits (web, worker, cron) is
started again (triage.supervisor); Ctrl-C or SIGTERM stops all of it, and none of it outlives the runner, even when
the runner is killed."""

import logging
import os
import signal
import sys
import time
from pathlib import Path

from gunicorn.glogging import Logger

from core.config import PROJECT_ROOT, Settings
from core.logs import configure_logging, formatter
from triage.app import create_app
from triage.cli import ensure_model, prepare_database
from triage.embedded_redis import EmbeddedRedis
from triage.gunicorn_conf import fresh_metrics_dir
from triage.supervisor import Supervisor

# Access log without the client's address or user agent: method, path (no query string), status, time.
ACCESS_LOG = ["--access-logfile", "-", "--access-logformat", "%(m)s %(U)s %(s)s %(L)ss"]
# gunicorn's logging: that access log, and every line in the format of the other processes.
WEB_LOGGING = [*ACCESS_LOG, "--logger-class", "triage.run.WebLogger"]
WEB_CONFIG = ["-c", "python:triage.gunicorn_conf"]  # marks ended processes in the shared metrics directory

log = logging.getLogger(__name__)


class WebLogger(Logger):
    """gunicorn's logger, its error and access logs in the one format (core.logs) at LOG_LEVEL, and the application's
    records through the same set-up."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        level = Settings.from_env().log_level
        configure_logging("web", level)
        self.error_log.setLevel(level)
        for logger in (self.error_log, self.access_log):
            for handler in logger.handlers:
                handler.setFormatter(formatter("web"))


def main() -> int:
    # What the service writes (database, evidence, mail, keys) is its user's alone, as under the systemd units.
    os.umask(0o077)
    settings = Settings.from_env()
    configure_logging("run", settings.log_level)
    redis = None
    env = dict(os.environ)
    if not env.get("REDIS_URL"):
        redis = EmbeddedRedis(Path(settings.instance_path) / "redis").start()
        env["REDIS_URL"] = redis.url
        log.info("embedded Redis at %s", redis.url)
    os.environ.update(env)  # read by create_app below and by the child processes
    if not settings.prometheus_multiproc_dir:  # where gunicorn's processes share their metrics (triage.metrics)
        env["PROMETHEUS_MULTIPROC_DIR"] = fresh_metrics_dir(Path(settings.instance_path) / "metrics")

    app = create_app()
    created, _ = prepare_database(app)
    log.info("database ready (%s); %d unit(s) added", app.config["SQLALCHEMY_DATABASE_URI"].split("://")[0], created)
    ensure_model(app.config["ML_MODEL_DIR"], settings.train_max_rows)

    py = sys.executable
    commands = {
        "web": [
            py,
            "-m",
            "gunicorn",
            "-w",
            str(settings.web_concurrency),
            "-b",
            f"{settings.host}:{settings.port}",
            *WEB_LOGGING,
            *WEB_CONFIG,
            "wsgi:app",
        ],
        "worker": [py, "-m", "triage.worker"],
        "cron": [py, "-m", "triage.cron"],
    }
    children = Supervisor(commands, cwd=str(PROJECT_ROOT), env=env)
    children.start()
    base = f"http://{settings.host}:{settings.port}"
    log.info("service on %s/  (staff: %s/can-bo/)  Ctrl-C to stop", base, base)

    stopping = False

    def _stop(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    status = 0
    try:
        while not stopping:
            if redis is not None and redis.process is not None and redis.process.poll() is not None:
                log.error("embedded Redis exited with status %s; starting it again", redis.process.returncode)
                redis.process = None
                redis.start()
            if not children.check():
                status = 1
                break
            time.sleep(0.3)
    finally:
        log.info("stopping…")
        children.stop()
        if redis:
            redis.stop()
        log.info("stopped")
    return status


if __name__ == "__main__":
    sys.exit(main())
