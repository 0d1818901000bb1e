"""The staff side: the queue of reports a user may work on, with filters, counts, search and bulk actions.

Every list, count and search goes through `visible_reports`; counting is done by the database (one GROUP BY
over the combinations of the filters' values, summed per facet here); "most urgent first" and the overdue filter
read `Report.next_due_on` (the nearest pending due date, kept by the ORM on every flush), so they are index walks.
The filters' SQL (parsing, conditions, order) is `triage.casework.filters`, shared with the CSV export; with no
status chosen the list leaves out the finished reports. A row shows the start of the text with the reporter masked
(`triage.casework.redaction`), from the columns the page loads anyway. The bulk actions and their form are
`triage.casework.bulk`; the view here flashes what they did and goes back to the same filtered page. Reports
merged into another's case (`triage.casework.linking`) are left out unless searched for; a case shows how many
people sent its reports.
"""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, load_only, selectinload

from core.extensions import db
from core.models import Clock, Report, Unit
from core.vietnamese import today_in_vietnam
from core.vocabulary import FINISHED, ClockStatus
from triage.casework.access import UNIT_ROLES, guard_blueprint, may, visible_reports
from triage.casework.actions import ward_name
from triage.casework.bulk import (
    ASSIGN,
    MAX_REASON,
    MIN_REASON,
    REROUTE,
    TRIAGE_CHOICE,
    UNASSIGN,
    assign,
    assignable,
    assignee_choices,
    bulk_form,
    checked_ids,
    person,
    reroute,
    unit_choices,
    visible_among,
)
from triage.casework.filters import (
    ASSIGNEE_CHOICES,
    CATEGORY_CHOICES,
    DUE_CHOICES,
    FINISHED_STATUS_CHOICES,
    OPEN_STATUS_CHOICES,
    SORT_CHOICES,
    STATUS_GROUPS,
    TRACK_CHOICES,
    DueTerms,
    Filters,
    conditions,
    due_terms,
    order_terms,
    search_term,
    statuses_of,
)
from triage.casework.jobs import enqueue_export_corrections
from triage.casework.linking import reporters
from triage.casework.redaction import contacts, redact

bp = Blueprint("staff", __name__, url_prefix="/can-bo")
guard_blueprint(bp, "work the queue")

PAGE_SIZE = 50


def default_view(f: Filters) -> list:
    """A report merged into another's case is handled in that case: the list shows the case (with its number of
    reporters), and the merged report only to a search (by its code or words)."""
    return [] if search_term(f) is not None else [Report.case_id.is_(None)]


def facet_counts(user, f: Filters, due: DueTerms, *, with_ward: bool) -> tuple[dict, int]:
    """Counts per value of each filter, with the other filters applied (what picking that value would show),
    and the total with every filter applied.

    One grouped query counts the reports per combination of (status, track, category, assigned to me / to no
    one / to someone else) with only the search applied, and per combination how many are overdue and due
    soon; every facet's counts and the total are sums over those few hundred rows here. The ward counts, when
    shown, are one more grouped query; with a search, the ward is one more key of the same query instead, so
    the matching texts are read once.
    """
    assignee = case((Report.assignee_id == user.id, "me"), (Report.assignee_id.is_(None), "none"), else_="other")
    search = search_term(f)
    by_ward = with_ward and search is not None
    columns = [
        Report.status.label("status"),
        Report.track.label("track"),
        Report.category.label("category"),
        assignee.label("assignee"),
        case((due.overdue, 1), else_=0).label("overdue"),
        case((due.soon, 1), else_=0).label("soon"),
    ]
    if by_ward:
        columns.append(Report.ward_code.label("ward"))
    per_report = visible_reports(user, select(*columns).select_from(Report)).where(*default_view(f))
    if search is not None:
        per_report = per_report.where(search)
    if f.ward and not by_ward:
        per_report = per_report.where(Report.ward_code == f.ward)
    per_report = per_report.subquery("per_report")
    keys = [per_report.c[name] for name in ("status", "track", "category", "assignee") + (("ward",) if by_ward else ())]
    rows = [
        row._mapping
        for row in db.session.execute(
            select(
                *keys,
                func.count().label("n"),
                func.sum(per_report.c.overdue).label("n_overdue"),
                func.sum(per_report.c.soon).label("n_soon"),
            ).group_by(*keys)
        )
    ]

    statuses = statuses_of(f.status)

    def passes(row, facet) -> bool:
        if facet == "status":
            return statuses is None or row["status"] in statuses
        return not getattr(f, facet) or row[facet] == getattr(f, facet)

    def matches(row, skip):
        return all(
            skip == facet or passes(row, facet)
            for facet in ("status", "track", "category", "assignee") + (("ward",) if by_ward else ())
        )

    def shown(row) -> int:
        """How many of a combination's reports pass the due filter."""
        return int(row["n"] if not f.due else row["n_overdue"] if f.due == "overdue" else row["n_soon"])

    def tally(facet) -> dict:
        values: dict = {}
        for row in rows:
            if matches(row, facet) and (n := shown(row)):
                values[row[facet]] = values.get(row[facet], 0) + n
        return values

    counts: dict[str, dict] = {facet: tally(facet) for facet in ("status", "track", "category")}
    due_rows = [row for row in rows if matches(row, "due")]
    counts["due"] = {
        "": sum(r["n"] for r in due_rows),
        "overdue": sum(int(r["n_overdue"]) for r in due_rows),
        "soon": sum(int(r["n_soon"]) for r in due_rows),
    }
    who = tally("assignee")
    counts["assignee"] = {"": sum(who.values()), "me": who.get("me", 0), "none": who.get("none", 0)}
    total = sum(shown(row) for row in rows if matches(row, None))
    if by_ward:
        counts["ward"] = tally("ward")
    elif with_ward:
        query = (
            visible_reports(user, select(Report.ward_code, func.count()).select_from(Report))
            .where(*conditions(f, user=user, due=due, skip="ward"), *default_view(f))
            .group_by(Report.ward_code)
        )
        counts["ward"] = {value: n for value, n in db.session.execute(query)}
    for facet in ("track", "category", "ward"):
        if facet in counts:
            counts[facet][""] = sum(counts[facet].values())
    per_status = dict(counts["status"])
    for choice, _ in STATUS_GROUPS:  # the default (not finished), the finished ones, all
        group = statuses_of(choice)
        counts["status"][choice] = sum(n for value, n in per_status.items() if group is None or value in group)
    return counts, total


# -- the page ----------------------------------------------------------------------------------------------------

EXCERPT_CHARS = 120
# The columns a row shows (with the clocks and the assignee, loaded alongside): the text for the excerpt and the
# reporter's contact details only to mask them in it; never the long columns (findings, answers, labels).
ROW_COLUMNS = (
    Report.id,
    Report.tracking_code,
    Report.received_at,
    Report.text,
    Report.kind,
    Report.track,
    Report.status,
    Report.category,
    Report.ward_code,
    Report.unit_id,
    Report.assignee_id,
    Report.escalate,
    Report.next_due_on,
    Report.case_id,
    Report.reporter_name,
    Report.reporter_address,
    Report.reporter_phone,
    Report.reporter_email,
)


def _services():
    return current_app.extensions["services"]


def _sees_wards(user) -> bool:
    """Supervisors, admins, triage officers and provincial bodies work across wards."""
    return user.role not in UNIT_ROLES or (user.unit is not None and user.unit.ward_code is None)


def excerpt(report: Report) -> str:
    """The start of the report's text, about EXCERPT_CHARS characters cut at a word, with the reporter's name,
    address, phone numbers and e-mail addresses masked (the whole text is masked before it is cut)."""
    known = contacts(report)
    text = " ".join(redact(report.text or "", known=known).split())
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text[: EXCERPT_CHARS + 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut[:EXCERPT_CHARS]
    if cut.rfind("[") > cut.rfind("]"):  # never half a mask
        cut = cut[: cut.rfind("[")]
    return cut.rstrip(" ,.;:-") + "…"


def commune(ward_code: str | None) -> str:
    """The commune's name; "" when there is none or it is no commune of the list (never the bare code)."""
    name = ward_name(ward_code)
    return "" if name == ward_code else name


def _page_reports(ids: list[int]) -> list[Report]:
    """The page's reports in the order of `ids`: two queries whatever the number of rows (the reports with the
    columns a row shows and their assignees, then their clocks)."""
    if not ids:
        return []
    loaded = {
        r.id: r
        for r in db.session.scalars(
            select(Report)
            .where(Report.id.in_(ids))
            .options(load_only(*ROW_COLUMNS), selectinload(Report.clocks), joinedload(Report.assignee))
        ).unique()
    }
    return [loaded[i] for i in ids if i in loaded]


@bp.get("/")
def queue():
    user, services = current_user, _services()
    calendar, today = services.calendar, today_in_vietnam()
    f = Filters.parse(request.args)
    due = due_terms(today, calendar)
    with_ward = _sees_wards(user)
    counts, total = facet_counts(user, f, due, with_ward=with_ward)
    pages = max(1, -(-total // PAGE_SIZE))
    try:
        page = min(max(1, int(request.args.get("page", 1))), pages)
    except ValueError:
        page = 1
    # The page's ids first (narrow rows: the sort never carries the reports' texts), then those reports.
    query = visible_reports(user, select(Report.id).select_from(Report))
    ids = list(
        db.session.scalars(
            query.where(*conditions(f, user=user, due=due), *default_view(f))
            .order_by(*order_terms(f.sort))
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
    )
    reports = _page_reports(ids)

    ward_choices = []
    if with_ward:
        codes = {c for c in counts["ward"] if c}
        if f.ward:
            codes.add(f.ward)
        ward_choices = sorted(((c, commune(c) or "Xã, phường ngoài danh sách") for c in codes), key=lambda i: i[1])

    return render_template(
        "staff/queue.html",
        reports=reports,
        f=f,
        counts=counts,
        total=total,
        page=page,
        pages=pages,
        choices={
            "status_groups": STATUS_GROUPS,
            "status_open": OPEN_STATUS_CHOICES,
            "status_finished": FINISHED_STATUS_CHOICES,
            "track": TRACK_CHOICES,
            "category": CATEGORY_CHOICES,
            "due": DUE_CHOICES,
            "assignee": ASSIGNEE_CHOICES,
            "ward": ward_choices,
        },
        sort_choices=SORT_CHOICES,
        with_ward=with_ward,
        bulk={
            "form": bulk_form(),
            "url": url_for("staff.bulk", **f.args(), **_page_arg(page)),
            "assignees": assignee_choices(user, assignable(user, {r.unit_id for r in reports if r.unit_id})),
            "units": unit_choices(),
            "actions": {"assign": ASSIGN, "unassign": UNASSIGN, "reroute": REROUTE},
        },
        reporters=reporters(db.session, [r.id for r in reports]),
        nearest=_nearest_clock,
        excerpt=excerpt,
        commune=commune,
        today=today,
        calendar=calendar,
    )


def _nearest_clock(report: Report) -> Clock | None:
    """The clock shown in the row: the same rule as the urgent order (from the preloaded clocks)."""
    pending = [
        c for c in report.clocks if c.is_open or (c.status == ClockStatus.BREACHED and report.status not in FINISHED)
    ]
    return min(pending, key=lambda c: c.due_on, default=None)


def _page_arg(page: int) -> dict:
    return {"page": page} if page > 1 else {}


# -- bulk actions ------------------------------------------------------------------------------------------------


@bp.post("/hang-loat")
def bulk():
    """One bulk action on the checked reports, then back to the same filtered page (the filters and the page
    number are the query string of this URL, never fields of the form)."""
    f = Filters.parse(request.args)
    page = request.args.get("page", "")
    back = redirect(url_for("staff.queue", **f.args(), **_page_arg(int(page) if page.isdigit() else 1)), code=303)
    form = bulk_form()
    if not form.validate_on_submit():
        flash("Phiên làm việc đã hết hạn hoặc dữ liệu chưa hợp lệ, xin thử lại.", "error")
        return back
    action = form.action.data
    if action not in (ASSIGN, UNASSIGN, REROUTE):
        flash(
            "Chưa làm gì với các đơn: xin bấm đúng nút của việc cần làm (Giao đơn, Bỏ giao hoặc Chuyển đơn).", "error"
        )
        return back
    ids = checked_ids(request.form)
    if not ids:
        flash("Chưa chọn đơn nào: xin đánh dấu các đơn cần xử lý trong danh sách rồi bấm lại.", "error")
        return back
    if action == REROUTE:
        _reroute(form, ids)
    elif not may(current_user, "assign"):
        flash("Tài khoản này không giao đơn được.", "error")
    else:
        _assign(form, ids, unassign=action == UNASSIGN)
    return back


def _assign(form, ids: list[int], *, unassign: bool) -> None:
    reports = visible_among(current_user, ids)
    assignee = None
    if not unassign:
        if not form.assignee.data:
            flash("Xin chọn cán bộ được giao.", "error")
            return
        allowed = {str(u.id): u for u in assignable(current_user, {r.unit_id for r in reports.values() if r.unit_id})}
        assignee = allowed.get(form.assignee.data)
        if assignee is None:
            flash("Xin chọn cán bộ được giao.", "error")
            return
    out = assign(current_user, ids, reports, assignee)
    db.session.commit()
    if unassign:
        _report_outcome(
            out,
            lambda n, codes: f"Đã bỏ giao {n} đơn: {codes}.",
            lambda n, codes: f"{n} đơn chưa giao cho ai, để nguyên: {codes}.",
        )
    else:
        name = person(assignee)
        _report_outcome(
            out,
            lambda n, codes: f"Đã giao {n} đơn cho {name}: {codes}.",
            lambda n, codes: f"{n} đơn đã giao cho {name} từ trước, để nguyên: {codes}.",
        )


def _reroute(form, ids: list[int]) -> None:
    unit = None
    if form.unit.data != TRIAGE_CHOICE:
        unit = db.session.scalar(select(Unit).where(Unit.code == form.unit.data)) if form.unit.data else None
        if unit is None:
            flash("Xin chọn nơi chuyển đến.", "error")
            return
    where = unit.name if unit is not None else "phân loại thủ công"
    reason = form.reason.data or ""
    if len(reason) < MIN_REASON:
        flash(f"Xin ghi lý do chuyển đơn (ít nhất {MIN_REASON} ký tự).", "error")
        return
    if len(reason) > MAX_REASON:
        flash(f"Lý do chuyển đơn dài quá {MAX_REASON} ký tự, xin viết gọn lại.", "error")
        return
    out = reroute(current_user, ids, visible_among(current_user, ids), unit, reason)
    db.session.commit()
    if out.corrected:
        enqueue_export_corrections()
    _report_outcome(out, lambda n, codes: f"Đã chuyển {n} đơn đến {where}: {codes}.")


def _report_outcome(out, done, unchanged=None) -> None:
    """Flash what was done, what was already so, and what was refused and why; `done` and `unchanged` word a
    number of reports and their codes."""
    if out.done:
        flash(done(len(out.done), ", ".join(out.done)), "ok")
    if out.unchanged and unchanged is not None:
        flash(unchanged(len(out.unchanged), ", ".join(out.unchanged)), "ok")
    if out.refusals:
        flash(f"Không thực hiện được với {len(out.refusals)} đơn: " + "; ".join(out.refusals), "error")
