"""`make run` as a newcomer runs it, on an empty instance folder and a free port: the first start trains a (small)
classifier and serves the form; a worker that dies is started again; Ctrl-C stops the whole tree; the second start
reuses the classifier; a runner killed with SIGKILL takes Redis and every child with it."""

import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.request import urlopen

import pytest
from process_tree import alive, child_running, descendants, file_report, free_port, wait_until
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from core.models import Report
from triage.lifeline import tied_to_this_process

ROOT = Path(__file__).resolve().parents[2]
# What a newcomer's shell does not have: the suite's own databases, Redis and settings.
NOT_A_NEWCOMERS = ("REDIS_URL", "DATABASE_URL", "TEST_DATABASE_URL", "ML_MODEL_DIR", "INSTANCE_PATH", "PORT", "HOST")


class MakeRun:
    """`make run` in a session of its own (a terminal's), its output in a log file."""

    def __init__(self, instance: Path, port: int, log: Path):
        venv = Path(sys.prefix)
        env = {k: v for k, v in os.environ.items() if k not in NOT_A_NEWCOMERS}
        env.update(INSTANCE_PATH=str(instance), PORT=str(port), WEB_CONCURRENCY="1", TRAIN_MAX_ROWS="400")
        self.base, self.log = f"http://127.0.0.1:{port}", log
        # The virtualenv is the suite's own: make must not reinstall it (-o: taken as up to date).
        self.make = subprocess.Popen(
            ["make", "-s", f"VENV={venv}", f"PY={sys.executable}", "-o", f"{venv}/.installed", "run"],
            cwd=ROOT,
            env=env,
            stdout=open(log, "a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=tied_to_this_process(),
        )
        self.runner = wait_until(lambda: child_running(self.make.pid, "triage.run"), 60, "the runner starts")

    def answers(self) -> bool:
        try:
            with urlopen(self.base + "/", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def wait_ready(self, timeout: float) -> None:
        def ready():
            assert self.make.poll() is None, self.output()[-4000:]
            return self.answers()

        wait_until(ready, timeout, "the form answers")

    def tree(self) -> list[int]:
        return [self.runner, *descendants(self.runner)]

    def output(self) -> str:
        return self.log.read_text()


def report_status(instance: Path, code: str) -> str | None:
    engine = create_engine(f"sqlite:///{instance / 'app.db'}")
    try:
        with Session(engine) as session:
            return session.scalar(select(Report.status).where(Report.tracking_code == code))
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def instance(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("make-run") / "instance"


@pytest.fixture(scope="module")
def first_start(instance):
    log = instance.parent / "make-run.log"
    service = MakeRun(instance, free_port(), log)
    try:
        service.wait_ready(600)  # the first start trains the classifier
        yield service
    finally:
        for pid in service.tree():
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        service.make.wait(10)


def test_the_first_start_trains_a_classifier_and_serves_the_form(first_start, instance):
    assert (instance / "models" / "current").exists()
    assert "training one" in first_start.output()
    for marker in ("redis-server", "gunicorn", "triage.worker", "triage.cron"):
        assert child_running(first_start.runner, marker), marker
    # What the service wrote is readable by its user alone: the database, the keys, the model.
    written = [instance / "app.db", instance / "secret_key", *(instance / "models").rglob("*")]
    assert {p.name: oct(p.stat().st_mode & 0o077) for p in written if p.is_file()} == {
        p.name: "0o0" for p in written if p.is_file()
    }
    assert "Control socket" not in first_start.output()  # none in the user's shared ~/.gunicorn/


def test_a_killed_worker_is_started_again_and_reports_are_still_routed(first_start, instance):
    worker = child_running(first_start.runner, "triage.worker")
    os.kill(worker, signal.SIGKILL)
    replacement = wait_until(
        lambda: (pid := child_running(first_start.runner, "triage.worker")) != worker and pid,
        60,
        "a new worker",
    )
    assert replacement != worker
    assert first_start.answers()
    code = file_report(first_start.base)
    wait_until(lambda: report_status(instance, code) not in (None, "received"), 90, "the report is routed")
    assert "worker exited with status" in first_start.output()


def test_a_killed_embedded_redis_is_started_again_and_the_worker_rides_it_out(first_start, instance):
    redis = child_running(first_start.runner, "redis-server")
    worker = child_running(first_start.runner, "triage.worker")
    os.kill(redis, signal.SIGKILL)
    wait_until(lambda: (pid := child_running(first_start.runner, "redis-server")) != redis and pid, 60, "Redis again")
    code = file_report(first_start.base)
    wait_until(lambda: report_status(instance, code) not in (None, "received"), 90, "the report is routed")
    assert child_running(first_start.runner, "triage.worker") == worker  # the same worker throughout
    assert "embedded Redis exited" in first_start.output()


def test_ctrl_c_stops_the_whole_tree(first_start):
    tree = first_start.tree()
    assert len(tree) >= 5  # runner, Redis, gunicorn (master and worker), worker, cron
    os.killpg(first_start.make.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    wait_until(lambda: not any(alive(pid) for pid in tree), 60, "every process of the tree has stopped")
    assert "stopped" in first_start.output()


def test_the_second_start_reuses_the_classifier_and_a_killed_runner_takes_everything_with_it(first_start, instance):
    trained = sorted((instance / "models").iterdir())
    log = instance.parent / "second-start.log"
    service = MakeRun(instance, free_port(), log)
    tree = service.tree()
    try:
        service.wait_ready(300)
        assert "training one" not in service.output()
        assert sorted((instance / "models").iterdir()) == trained
        tree = service.tree()
        assert child_running(service.runner, "redis-server")
        os.kill(service.runner, signal.SIGKILL)
        wait_until(lambda: not any(alive(pid) for pid in tree), 60, "Redis and every child end with the runner")
    finally:
        for pid in tree:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        service.make.wait(10)
