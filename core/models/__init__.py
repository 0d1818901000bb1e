"""The database models; importing this module registers every table on the metadata."""

from core.models.api_key import ApiKey, ApiKeyUse
from core.models.attachment import Attachment
from core.models.audit import AuditRecord
from core.models.base import Base, utcnow
from core.models.calendar_override import CalendarOverride
from core.models.clock import Clock
from core.models.correction import Correction
from core.models.document import Document, DocumentCounter
from core.models.event import ReportEvent
from core.models.notification import Notification
from core.models.periodic_report import PeriodicReport
from core.models.report import Report
from core.models.report_link import ReportLink
from core.models.staff_session import StaffSession
from core.models.unit import Unit
from core.models.user import User

__all__ = [
    "ApiKey",
    "ApiKeyUse",
    "Attachment",
    "AuditRecord",
    "Base",
    "CalendarOverride",
    "Clock",
    "Correction",
    "Document",
    "DocumentCounter",
    "Notification",
    "PeriodicReport",
    "Report",
    "ReportEvent",
    "ReportLink",
    "StaffSession",
    "Unit",
    "User",
    "utcnow",
]
