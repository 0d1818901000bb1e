"""Real rq jobs for the tests of queue figures and pages: a job that fails, run by a burst worker in this process."""

from redis import Redis
from rq import Queue, SimpleWorker
from rq.job import Job

FAILURE = "the test job failed on purpose"


def explode(argument) -> None:
    """A job that raises; its argument (a report id, or a text a page must not show) is not in the error."""
    raise RuntimeError(FAILURE)


def explode_repeating(argument) -> None:
    """A job whose error repeats its argument, as a library's message may repeat what it was given."""
    raise ValueError(f"could not deliver to {argument}")


def run_failing_job(redis: Redis, queue_name: str, argument=1, function=explode) -> Job:
    """Enqueue `function` on the queue and run it with a burst SimpleWorker: the job ends in the failed registry."""
    queue = Queue(queue_name, connection=redis)
    job = queue.enqueue(function, argument)
    SimpleWorker([queue], connection=redis).work(burst=True)
    job.refresh()
    assert job.is_failed
    return job
