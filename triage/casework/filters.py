"""The queue's filters as SQL: what the staff queue (triage.casework.queue) shows and the CSV export
(triage.reporting.exports) writes, so both list exactly the same reports in the same order.

- `Filters`: the GET parameters, validated against the choices (an unknown value is dropped, never passed to SQL);
  with no status chosen only the reports still being worked are listed (status not in `FINISHED`);
- `statuses_of`: which statuses a status choice lists, the one rule both the SQL and the facet counts read;
- `due_terms`: the overdue / due-soon conditions of a day, on the report row (`Report.next_due_on`);
- `conditions`: the WHERE terms of the filters (one facet may be left out, to count that facet's values);
- `order_terms`: the ORDER BY of a sort choice.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import ColumnElement, and_, or_, select

from core.models import Clock, Report
from core.search import like_pattern
from core.vocabulary import FINISHED, Category, ClockStatus, Kind, Status, label

SOON_WORKING_DAYS = 2

OPEN_STATUS_CHOICES = [(s.value, label(s)) for s in Status if s not in FINISHED]
FINISHED_STATUS_CHOICES = [(s.value, label(s)) for s in Status if s in FINISHED]
STATUS_CHOICES = OPEN_STATUS_CHOICES + FINISHED_STATUS_CHOICES
# The status filter's groups: "" (the default) the reports still being worked, then the finished ones, then all.
DONE, ALL = "done", "all"
STATUS_GROUPS = [("", "Đang giải quyết (chưa xong)"), (DONE, "Đã xong"), (ALL, "Tất cả")]
TRACK_CHOICES = [(k.value, label(k)) for k in Kind]
CATEGORY_CHOICES = [(c.value, label(c)) for c in Category]
DUE_CHOICES = [("overdue", "Quá hạn"), ("soon", f"Sắp đến hạn (trong {SOON_WORKING_DAYS} ngày làm việc)")]
ASSIGNEE_CHOICES = [("me", "Giao cho tôi"), ("none", "Chưa giao")]
SORT_CHOICES = [("urgent", "Khẩn nhất trước"), ("newest", "Mới nhận trước"), ("oldest", "Nhận lâu nhất trước")]


@dataclass(frozen=True)
class Filters:
    """The queue's GET parameters, validated: an unknown value is dropped, never passed to SQL as is."""

    status: str = ""
    track: str = ""
    category: str = ""
    ward: str = ""
    due: str = ""
    assignee: str = ""
    q: str = ""
    sort: str = "urgent"

    @classmethod
    def parse(cls, args) -> Filters:
        def pick(name, choices):
            value = (args.get(name) or "").strip()
            return value if value in {c for c, _ in choices} else ""

        ward = (args.get("ward") or "").strip()
        return cls(
            status=pick("status", STATUS_GROUPS + STATUS_CHOICES),
            track=pick("track", TRACK_CHOICES),
            category=pick("category", CATEGORY_CHOICES),
            ward=ward if ward.isdigit() and len(ward) <= 5 else "",
            due=pick("due", DUE_CHOICES),
            assignee=pick("assignee", ASSIGNEE_CHOICES),
            q=(args.get("q") or "").strip()[:200],
            sort=pick("sort", SORT_CHOICES) or "urgent",
        )

    def args(self, **changes) -> dict:
        """The non-empty parameters, for links and redirects that keep the filters."""
        values = {f.name: getattr(replace(self, **changes), f.name) for f in fields(self)}
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == "urgent")}


# -- SQL pieces ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueTerms:
    """The due filters as SQL conditions on the report row, with no per-row subquery.

    `overdue`: not resolved, and a pending clock (open, or breached) is past its due date, i.e.
    `Report.next_due_on` (the earliest pending due date, kept on every flush) is before today. This covers
    "has a breached clock" because a breached clock's due date is always before today: the sweep breaches a
    clock only once today is past its due date (triage.deadlines.sweep), and an extension that moves the
    date makes it running again (clocks.extend_clock). `soon`: an open clock falls due within SOON_WORKING_DAYS
    working days: a semi-join on the few clocks in that window (index ix_clocks_status_due_report).
    """

    overdue: ColumnElement
    soon: ColumnElement


def due_terms(today: date, calendar) -> DueTerms:
    soon_until = calendar.add_working_days(today, SOON_WORKING_DAYS)
    soon_ids = select(Clock.report_id).where(
        Clock.status.in_([ClockStatus.RUNNING, ClockStatus.PAUSED]), Clock.due_on >= today, Clock.due_on <= soon_until
    )
    return DueTerms(
        overdue=and_(Report.status.not_in(FINISHED), Report.next_due_on < today), soon=Report.id.in_(soon_ids)
    )


def statuses_of(choice: str) -> frozenset[str] | None:
    """The statuses a status choice lists: the default ("") those not finished, `DONE` the finished ones, `ALL`
    every status (None: no condition), a status itself."""
    if choice == ALL:
        return None
    if choice == DONE:
        return frozenset(s.value for s in FINISHED)
    if choice == "":
        return frozenset(s.value for s in Status if s not in FINISHED)
    return frozenset((choice,))


def search_term(f: Filters):
    if f.q and (pattern := like_pattern(f.q)):
        return or_(Report.text_folded.like(pattern, escape="\\"), Report.tracking_code == f.q.upper())
    return None


def conditions(f: Filters, *, user, due: DueTerms, skip: str | None = None) -> list:
    """The WHERE terms of the filters; `skip` leaves one facet out (to count that facet's values)."""
    terms = []
    if skip != "status" and (statuses := statuses_of(f.status)) is not None:
        terms.append(Report.status.in_(sorted(statuses)))
    if f.track and skip != "track":
        terms.append(Report.track == f.track)
    if f.category and skip != "category":
        terms.append(Report.category == f.category)
    if f.ward and skip != "ward":
        terms.append(Report.ward_code == f.ward)
    if f.due and skip != "due":
        terms.append(due.overdue if f.due == "overdue" else due.soon)
    if f.assignee and skip != "assignee":
        terms.append(Report.assignee_id == user.id if f.assignee == "me" else Report.assignee_id.is_(None))
    if (search := search_term(f)) is not None:
        terms.append(search)
    return terms


def order_terms(sort: str) -> list:
    if sort == "newest":
        return [Report.received_at.desc(), Report.id.desc()]
    if sort == "oldest":
        return [Report.received_at.asc(), Report.id.asc()]
    # Most urgent first: the nearest pending due date, reports without one last (index ix_reports_next_due).
    return [Report.next_due_on.asc().nulls_last(), Report.received_at.asc(), Report.id.asc()]
