"""`python -m triage.worker`: one rq worker (with rq's scheduler) that holds the classifier in memory."""
import logging
import sys

from rq import Queue, SimpleWorker

from triage.app import create_app
from triage.jobs import reconcile_unrouted



def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker %(levelname)s %(message)s")
    app = create_app()
    with app.app_context():
        # Load the model once, before any job (a forking worker would reload it in every child).
        app.extensions["services"].classifier()
        reconcile_unrouted()  # whatever Redis lost while nobody was looking
        redis = app.extensions["redis"]
        queues = [Queue(name, connection=redis) for name in (app.config["ROUTING_QUEUE"], app.config["JOBS_QUEUE"])]
        worker = SimpleWorker(queues, connection=redis)
        worker.work(with_scheduler=True, logging_level="INFO")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
