"""The staff side: the queue of reports a user may work on, with filters, counts, search and bulk actions.

Every list, count and search goes through `visible_reports`; counting is done by the database (one GROUP BY
over the combinations of the filters' values, summed per facet here); "most urgent first" and the overdue filter
read `Report.next_due_on` (the nearest pending due date, kept by the ORM on every flush), so they are index walks.
The filters' SQL (parsing, conditions, order) is `triage.casework.filters`, shared with the CSV export.
"""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, selectinload
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from core.extensions import db
from core.models import Clock, Report, Unit, User
from core.states import InvalidTransition
from core.vietnamese import today_in_vietnam
from core.vocabulary import FINISHED, ClockStatus, Role, Status
from triage.casework import actions
from triage.casework.access import PROVINCE_WIDE, guard_blueprint, may, visible_reports
from triage.casework.filters import (
    ASSIGNEE_CHOICES,
    CATEGORY_CHOICES,
    DUE_CHOICES,
    SORT_CHOICES,
    STATUS_CHOICES,
    TRACK_CHOICES,
    DueTerms,
    Filters,
    conditions,
    due_terms,
    order_terms,
    search_term,
)
from triage.casework.jobs import enqueue_export_corrections

bp = Blueprint("staff", __name__, url_prefix="/can-bo")
guard_blueprint(bp, "work the queue")

PAGE_SIZE = 50
TRIAGE_CHOICE = "__triage__"  # the same value as the case file's reroute form


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
    per_report = visible_reports(user, select(*columns).select_from(Report))
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

    def matches(row, skip):
        return all(
            not getattr(f, facet) or skip == facet or row[facet] == getattr(f, facet)
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
            .where(*conditions(f, user=user, due=due, skip="ward"))
            .group_by(Report.ward_code)
        )
        counts["ward"] = {value: n for value, n in db.session.execute(query)}
    for facet in ("status", "track", "category", "ward"):
        if facet in counts:
            counts[facet][""] = sum(counts[facet].values())
    return counts, total


# -- the page ----------------------------------------------------------------------------------------------------


def _services():
    return current_app.extensions["services"]


def _sees_wards(user) -> bool:
    """Supervisors, admins, triage officers and provincial bodies work across wards."""
    return user.role != Role.INSPECTOR or (user.unit is not None and user.unit.ward_code is None)


class BulkForm(FlaskForm):
    action = SelectField(
        "Thao tác", choices=[SelectChoice("assign", "Giao cho cán bộ"), SelectChoice("reroute", "Chuyển đơn")]
    )
    assignee = SelectField("Cán bộ", coerce=str, validate_choice=False, validators=[Optional()])
    unit = SelectField("Chuyển đến", coerce=str, validate_choice=False, validators=[Optional()])
    reason = StringField(
        "Lý do chuyển",
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        validators=[Optional(), Length(max=500)],
    )


def _assignable(unit_ids) -> list[User]:
    """Who the checked reports may be given to: the user's own colleagues, or (province-wide) the units' inspectors."""
    query = select(User).options(joinedload(User.unit)).where(User.role == Role.INSPECTOR, User.active.is_(True))
    if current_user.role in PROVINCE_WIDE:
        if not unit_ids:
            return []
        query = query.where(User.unit_id.in_(unit_ids))
    elif current_user.role == Role.INSPECTOR and current_user.unit_id is not None:
        query = query.where(User.unit_id == current_user.unit_id)
    else:
        return []
    return list(db.session.scalars(query.order_by(User.unit_id, User.full_name, User.username)))


def _assignee_choices(users: list[User]) -> list[SelectChoice]:
    province = current_user.role in PROVINCE_WIDE
    return [SelectChoice("none", "— Bỏ giao (chưa giao ai) —")] + [
        SelectChoice(str(u.id), (u.full_name or u.username) + (f" — {u.unit.name}" if province and u.unit else ""))
        for u in users
    ]


def _unit_choices() -> list[SelectChoice]:
    units = db.session.execute(select(Unit.code, Unit.name).order_by(Unit.division, Unit.name_ascii)).all()
    return [SelectChoice(TRIAGE_CHOICE, "— Trả về phân loại thủ công —")] + [
        SelectChoice(code, name) for code, name in units
    ]


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
            query.where(*conditions(f, user=user, due=due))
            .order_by(*order_terms(f.sort))
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
    )
    loaded = (
        {
            r.id: r
            for r in db.session.scalars(
                select(Report)
                .where(Report.id.in_(ids))
                .options(selectinload(Report.clocks), joinedload(Report.assignee))
            ).unique()
        }
        if ids
        else {}
    )
    reports = [loaded[i] for i in ids if i in loaded]

    ward_choices = []
    if with_ward:
        codes = sorted(c for c in counts["ward"] if c)
        if f.ward and f.ward not in codes:
            codes.append(f.ward)
        names = (
            dict(db.session.execute(select(Unit.ward_code, Unit.name).where(Unit.ward_code.in_(codes))).all())
            if codes
            else {}
        )
        ward_choices = sorted(((c, names.get(c, c)) for c in codes), key=lambda item: item[1])

    form = BulkForm()
    form.assignee.choices = _assignee_choices(_assignable({r.unit_id for r in reports if r.unit_id}))
    form.unit.choices = _unit_choices()
    return render_template(
        "staff/queue.html",
        reports=reports,
        f=f,
        counts=counts,
        total=total,
        page=page,
        pages=pages,
        choices={
            "status": STATUS_CHOICES,
            "track": TRACK_CHOICES,
            "category": CATEGORY_CHOICES,
            "due": DUE_CHOICES,
            "assignee": ASSIGNEE_CHOICES,
            "ward": ward_choices,
        },
        sort_choices=SORT_CHOICES,
        with_ward=with_ward,
        form=form,
        nearest=lambda r: _nearest_clock(r),
        today=today,
        calendar=calendar,
    )


def _nearest_clock(report: Report) -> Clock | None:
    """The clock shown in the row: the same rule as the urgent order (from the preloaded clocks)."""
    pending = [
        c for c in report.clocks if c.is_open or (c.status == ClockStatus.BREACHED and report.status not in FINISHED)
    ]
    return min(pending, key=lambda c: c.due_on, default=None)


@bp.post("/hang-loat")
def bulk():
    f = Filters.parse(request.form)
    back = redirect(url_for("staff.queue", **f.args(), **_page_arg()), code=303)
    form = BulkForm()
    form.unit.choices = _unit_choices()
    if not form.validate_on_submit():
        flash("Phiên làm việc đã hết hạn hoặc dữ liệu chưa hợp lệ, xin thử lại.", "error")
        return back
    ids = sorted({int(v) for v in request.form.getlist("ids") if v.isdigit()})
    if not ids:
        flash("Xin chọn ít nhất một đơn.", "error")
        return back
    # Only what this user can see is loaded: anything else counts as not found and is never touched.
    reports = {r.id: r for r in db.session.scalars(visible_reports(current_user).where(Report.id.in_(ids)))}
    if form.action.data == "assign":
        done, refusals = _bulk_assign(form, ids, reports)
        if done is None:
            return back
        verb = "Đã giao"
    else:
        done, refusals = _bulk_reroute(form, ids, reports)
        if done is None:
            return back
        verb = "Đã chuyển"
    if done:
        flash(f"{verb} {len(done)} đơn: {', '.join(done)}.", "ok")
    if refusals:
        flash("Không thực hiện được với " + str(len(refusals)) + " đơn: " + "; ".join(refusals), "error")
    return back


def _page_arg() -> dict:
    page = request.form.get("page", "")
    return {"page": int(page)} if page.isdigit() and int(page) > 1 else {}


def _not_found(report_id: int) -> str:
    return f"đơn #{report_id}: không tìm thấy"


def _bulk_assign(form, ids, reports):
    if not may(current_user, "assign"):
        flash("Tài khoản này không giao đơn được.", "error")
        return None, []
    choice = form.assignee.data or ""
    assignee = None
    if choice != "none":
        allowed = {str(u.id): u for u in _assignable({r.unit_id for r in reports.values() if r.unit_id})}
        assignee = allowed.get(choice)
        if assignee is None:
            flash("Xin chọn cán bộ được giao.", "error")
            return None, []
    done, refusals = [], []
    for report_id in ids:
        report = reports.get(report_id)
        if report is None:
            refusals.append(_not_found(report_id))
            continue
        if not may(current_user, "assign", report):
            refusals.append(f"{report.tracking_code}: không có quyền giao đơn này")
            continue
        if (assignee.id if assignee else None) == report.assignee_id:
            done.append(report.tracking_code)
            continue
        try:
            with db.session.begin_nested():
                actions.assign_report(report, assignee, actor_id=current_user.id)
        except actions.ActionRefused as exc:
            refusals.append(f"{report.tracking_code}: {exc}")
            continue
        done.append(report.tracking_code)
    db.session.commit()
    return done, refusals


def _bulk_reroute(form, ids, reports):
    reason = form.reason.data or ""
    if form.unit.data == TRIAGE_CHOICE:
        unit = None
    else:
        unit = db.session.scalar(select(Unit).where(Unit.code == (form.unit.data or "")))
        if unit is None:
            flash("Xin chọn nơi chuyển đến.", "error")
            return None, []
    if len(reason) < 5:
        flash("Xin ghi lý do chuyển đơn.", "error")
        return None, []
    done, refusals, corrected = [], [], False
    for report_id in ids:
        report = reports.get(report_id)
        if report is None:
            refusals.append(_not_found(report_id))
            continue
        if not may(current_user, "reroute", report):
            refusals.append(f"{report.tracking_code}: không có quyền chuyển đơn này")
            continue
        if unit is None and report.status == Status.NEEDS_TRIAGE:
            refusals.append(f"{report.tracking_code}: đơn đang chờ phân loại thủ công")
            continue
        try:
            with db.session.begin_nested():
                correction = actions.reroute_report(db.session, report, unit, reason=reason, actor_id=current_user.id)
        except actions.ActionRefused as exc:
            refusals.append(f"{report.tracking_code}: {exc}")
            continue
        except InvalidTransition:
            refusals.append(f"{report.tracking_code}: đơn không ở trạng thái chuyển được")
            continue
        corrected = corrected or correction is not None
        done.append(report.tracking_code)
    db.session.commit()
    if corrected:
        enqueue_export_corrections()
    return done, refusals
