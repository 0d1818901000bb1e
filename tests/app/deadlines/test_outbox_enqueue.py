"""Each outbox row has at most one send job waiting: the creating transaction, the sweep and an admin's retry may all
try to enqueue it at the same moment, and a second copy would be run as well."""

import threading

from redis import Redis
from rq import Queue

from triage.deadlines.outbox import enqueue_send

ROWS = 25
CALLERS = 6


def test_callers_enqueueing_the_same_rows_at_once_leave_one_job_each(app):
    redis = Redis.from_url(app.config["REDIS_URL"])
    queue_name = app.config["JOBS_QUEUE"]
    for row in range(1, ROWS + 1):
        barrier = threading.Barrier(CALLERS)

        def call(row=row, barrier=barrier):
            connection = Redis.from_url(app.config["REDIS_URL"])  # each caller a process of its own
            barrier.wait()
            assert enqueue_send(connection, queue_name, 10_000 + row)

        callers = [threading.Thread(target=call) for _ in range(CALLERS)]
        for caller in callers:
            caller.start()
        for caller in callers:
            caller.join()
    queued = Queue(queue_name, connection=redis).get_job_ids()
    assert sorted(queued) == sorted({f"notify-{10_000 + row}" for row in range(1, ROWS + 1)})
