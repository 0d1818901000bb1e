"""`python -m triage.worker`: one rq worker (with rq's scheduler) that holds the classifier in memory."""

import ctypes
import os
import signal
import sys

from rq import Queue, SimpleWorker

from core.extensions import db
from core.logs import configure_logging
from triage.context import create_base_app
from triage.routing.jobs import reconcile_unrouted

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """rq forks its scheduler from the worker: if the worker is killed, the child must not outlive it
    (it would keep copies of the worker's database sockets open, mid-transaction)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the scheduler then stops at its next heartbeat
        pass


def main(argv: list[str] | None = None) -> int:
    configure_logging("worker")
    os.register_at_fork(after_in_child=_die_with_parent)
    app = create_base_app()
    with app.app_context():
        # Load the model once, before any job (a forking worker would reload it in every child).
        app.extensions["services"].classifier()
        reconcile_unrouted()  # whatever Redis lost while nobody was looking
        db.engine.dispose()  # no pooled connection is shared with the scheduler process forked below
        redis = app.extensions["redis"]
        queues = [Queue(name, connection=redis) for name in (app.config["ROUTING_QUEUE"], app.config["JOBS_QUEUE"])]
        worker = SimpleWorker(queues, connection=redis)
        worker.work(with_scheduler=True, logging_level=app.config["LOG_LEVEL"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
