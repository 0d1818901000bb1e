"""`make run`: the whole service in the foreground on embedded defaults. Ctrl-C stops all of it."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from core.config import PROJECT_ROOT, load_config
from triage.app import create_app
from triage.cli import ensure_model, prepare_database
from triage.embedded_redis import EmbeddedRedis

HOST, PORT = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
# Access log without the client's address or user agent: method, path (no query string), status, time.
ACCESS_LOG = ["--access-logfile", "-", "--access-logformat", "%(m)s %(U)s %(s)s %(L)ss"]


def _say(message: str) -> None:
    print(f"[run] {message}", file=sys.stderr, flush=True)


def main() -> int:
    redis = None
    env = dict(os.environ)
    if not env.get("REDIS_URL"):
        instance = Path(load_config()["INSTANCE_PATH"])
        redis = EmbeddedRedis(instance / "redis").start()
        env["REDIS_URL"] = redis.url
        _say(f"embedded Redis at {redis.url}")
    os.environ.update(env)  # read by create_app below and by the child processes

    app = create_app()
    created, _ = prepare_database(app)
    _say(f"database ready ({app.config['SQLALCHEMY_DATABASE_URI'].split('://')[0]}); {created} unit(s) added")
    ensure_model(app.config["ML_MODEL_DIR"])

    py = sys.executable
    commands = {
        "web": [py, "-m", "gunicorn", "-w", os.environ.get("WEB_CONCURRENCY", "2"), "-b", f"{HOST}:{PORT}",
                *ACCESS_LOG, "wsgi:app"],
        "worker": [py, "-m", "triage.worker"],
        "cron": [py, "-m", "triage.cron"],
    }
    children = {name: subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env) for name, cmd in commands.items()}
    _say(f"service on http://{HOST}:{PORT}/  (staff: http://{HOST}:{PORT}/can-bo/)  Ctrl-C to stop")

    stopping = False

    def _stop(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    status = 0
    try:
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    _say(f"{name} exited with status {child.returncode}; stopping")
                    status, stopping = 1, True
                    break
            time.sleep(0.3)
    finally:
        _say("stopping…")
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for name, child in children.items():
            try:
                child.wait(15)
            except subprocess.TimeoutExpired:
                _say(f"{name} did not stop in time; killing it")
                child.kill()
        if redis:
            redis.stop()
        _say("stopped")
    return status


if __name__ == "__main__":
    sys.exit(main())
