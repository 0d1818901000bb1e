"""The job functions at the dotted paths of jobs already queued in Redis (`triage.jobs.route_report`, …).

New jobs are enqueued under their own modules (triage.routing.jobs, triage.deadlines.jobs, triage.casework.jobs,
triage.reporting.jobs); this façade only keeps older queued jobs runnable. Import from those modules, not here.
"""

from triage.casework.jobs import enqueue_export_corrections, export_corrections, purge_contacts
from triage.deadlines.jobs import (
    DeliveryError,
    enqueue_pending_notifications,
    process_due_clock,
    resume_after_reply,
    send_notification,
    sweep_deadlines,
)
from triage.routing.jobs import reconcile_unrouted, route_report

__all__ = [
    "DeliveryError",
    "enqueue_export_corrections",
    "enqueue_pending_notifications",
    "export_corrections",
    "process_due_clock",
    "purge_contacts",
    "reconcile_unrouted",
    "resume_after_reply",
    "route_report",
    "send_notification",
    "sweep_deadlines",
]
