"""The database models; importing this module registers every table on the metadata."""
from intake.models.attachment import Attachment
from intake.models.audit import AuditRecord
from intake.models.base import Base, utcnow
from intake.models.calendar_override import CalendarOverride
from intake.models.clock import Clock, ClockStatus
from intake.models.correction import Correction
from intake.models.event import ReportEvent
from intake.models.notification import Delivery, Notification
from intake.models.periodic_report import PeriodicReport
from intake.models.report import Report
from intake.models.unit import Unit
from intake.models.user import Role, User

__all__ = ["Attachment", "AuditRecord", "Base", "CalendarOverride", "Clock", "ClockStatus", "Correction", "Delivery", "Notification", "PeriodicReport", "Report", "ReportEvent", "Role", "Unit", "User", "utcnow"]
