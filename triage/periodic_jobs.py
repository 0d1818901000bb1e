"""The periodic-report jobs at the dotted paths of jobs already queued in Redis; they live in
triage.reporting.jobs (see triage.jobs)."""

from triage.reporting.jobs import build_due_periodic_reports, build_periodic_report

__all__ = ["build_due_periodic_reports", "build_periodic_report"]
