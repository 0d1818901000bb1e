"""gunicorn's settings for the web processes: `gunicorn -c python:triage.gunicorn_conf wsgi:app` (`make run` passes
it). With PROMETHEUS_MULTIPROC_DIR set, the processes write their metrics there and `/metrics` adds them up
(`triage.metrics`); a process that ended is marked dead, so its live gauges stop counting."""

import os
import shutil
from pathlib import Path

from prometheus_client import multiprocess

# No runtime control socket: gunicorn 25+ opens one in ~/.gunicorn/ by default, shared by every gunicorn of the
# user on the machine; the runner (or systemd) manages these processes.
control_socket_disable = True


def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)


def fresh_metrics_dir(path: Path) -> str:
    """An empty directory for the metrics of one run of the service (the files of an earlier run removed)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return str(path)
