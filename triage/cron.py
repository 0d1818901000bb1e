"""`python -m triage.cron`: the periodic jobs, enqueued by rq's cron scheduler."""

import sys

from rq.cron import CronScheduler

from core.config import load_config
from core.logs import configure_logging
from core.queueing import redis_connection
from triage.audit_jobs import anchor_audit_trail
from triage.backup.jobs import back_up_instance
from triage.casework.evidence_jobs import reconcile_uncleaned
from triage.casework.jobs import purge_contacts, reconcile_reporter_requests
from triage.deadlines.jobs import sweep_deadlines
from triage.heartbeat import beat_on_each_turn
from triage.reporting.jobs import build_due_periodic_reports
from triage.routing.jobs import reconcile_unrouted


def main() -> int:
    configure_logging("cron")
    config = load_config()
    scheduler = CronScheduler(connection=redis_connection(config["REDIS_URL"]))
    beat_on_each_turn(scheduler)  # heartbeat:cron in Redis, read by /readyz and /metrics
    scheduler.register(reconcile_unrouted, config["ROUTING_QUEUE"], interval=config["RECONCILE_INTERVAL_SECONDS"])
    scheduler.register(reconcile_reporter_requests, config["JOBS_QUEUE"], interval=config["RECONCILE_INTERVAL_SECONDS"])
    scheduler.register(reconcile_uncleaned, config["JOBS_QUEUE"], interval=config["RECONCILE_INTERVAL_SECONDS"])
    scheduler.register(sweep_deadlines, config["JOBS_QUEUE"], interval=config["SWEEP_INTERVAL_SECONDS"])
    scheduler.register(purge_contacts, config["JOBS_QUEUE"], cron="30 2 * * *")  # nightly
    scheduler.register(anchor_audit_trail, config["JOBS_QUEUE"], cron="*/10 * * * *")
    # Periodic reports: due on the first working day of a month/quarter/year (Vietnamese date); every 6 hours,
    # whatever the server's time zone, and idempotent (a period already built is left alone).
    scheduler.register(build_due_periodic_reports, config["JOBS_QUEUE"], cron="20 */6 * * *", job_timeout=1800)
    scheduler.register(back_up_instance, config["JOBS_QUEUE"], cron="45 2 * * *", job_timeout=3600)  # nightly
    scheduler.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
