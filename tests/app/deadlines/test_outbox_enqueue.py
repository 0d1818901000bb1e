"""Each outbox row has at most one send job waiting: the creating transaction, the sweep and an admin's retry may all
try to enqueue it at the same moment, and a second copy would be run as well."""

import threading

from redis import Redis
from rq import Queue
from rq.job import JobStatus

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


def test_a_row_is_enqueued_again_once_its_last_job_has_ended(app):
    redis = Redis.from_url(app.config["REDIS_URL"])
    queue = Queue(app.config["JOBS_QUEUE"], connection=redis)
    assert enqueue_send(redis, queue.name, 20_001) and enqueue_send(redis, queue.name, 20_001)
    assert queue.get_job_ids() == ["notify-20001"]  # the second caller found it waiting
    job = queue.dequeue_any([queue], None, connection=redis)[0]  # a worker takes it, and its delivery fails
    job.set_status(JobStatus.FAILED)
    assert queue.get_job_ids() == []
    assert enqueue_send(redis, queue.name, 20_001)  # the sweep finds the row due again: a new job
    assert queue.get_job_ids() == ["notify-20001"]
