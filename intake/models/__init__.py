"""The database models; importing this module registers every table on the metadata."""
from intake.models.base import Base, utcnow
from intake.models.clock import Clock, ClockStatus
from intake.models.event import ReportEvent
from intake.models.report import Report
from intake.models.unit import Unit
from intake.models.user import Role, User

__all__ = ["Base", "Clock", "ClockStatus", "Report", "ReportEvent", "Role", "Unit", "User", "utcnow"]
