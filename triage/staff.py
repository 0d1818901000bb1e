"""The staff side: the queue of reports a user may work on, with filters, counts, search and bulk actions.

Every list, count and search goes through `visible_reports`; counting is done by the database (GROUP BY /
COUNT), and the "most urgent first" order is a correlated subquery on the nearest pending clock.
"""
from dataclasses import dataclass, fields, replace
from datetime import date

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import joinedload, selectinload
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional

from intake.extensions import db
from intake.models import Clock, ClockStatus, Report, Role, Unit, User, utcnow
from intake.search import like_pattern
from intake.states import KIND_LABELS, STATUS_LABELS, InvalidTransition, Kind, Status
from ml.taxonomy import CATEGORY_NAMES, Category
from triage import case_actions as actions
from triage.access import PROVINCE_WIDE, visible_reports
from triage.calendar import legal_date

bp = Blueprint("staff", __name__, url_prefix="/can-bo")

PAGE_SIZE = 50
TRIAGE_CHOICE = "__triage__"  # the same value as the case file's reroute form
SOON_WORKING_DAYS = 2
FINISHED = (Status.RESOLVED, Status.CLOSED)

STATUS_CHOICES = [(s.value, STATUS_LABELS[s]) for s in Status]
TRACK_CHOICES = [(k.value, KIND_LABELS[k]) for k in Kind]
CATEGORY_CHOICES = [(c.value, CATEGORY_NAMES[c]) for c in Category]
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
    def parse(cls, args) -> "Filters":
        def pick(name, choices):
            value = (args.get(name) or "").strip()
            return value if value in {c for c, _ in choices} else ""

        ward = (args.get("ward") or "").strip()
        return cls(
            status=pick("status", STATUS_CHOICES), track=pick("track", TRACK_CHOICES),
            category=pick("category", CATEGORY_CHOICES), ward=ward if ward.isdigit() and len(ward) <= 5 else "",
            due=pick("due", DUE_CHOICES), assignee=pick("assignee", ASSIGNEE_CHOICES),
            q=(args.get("q") or "").strip()[:200], sort=pick("sort", SORT_CHOICES) or "urgent")

    def args(self, **changes) -> dict:
        """The non-empty parameters, for links and redirects that keep the filters."""
        values = {f.name: getattr(replace(self, **changes), f.name) for f in fields(self)}
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == "urgent")}


# -- SQL pieces ------------------------------------------------------------------------------------------------

def _pending_clock():
    """A clock that still counts: open (running/paused), or breached on a report not yet resolved."""
    return or_(Clock.is_open, and_(Clock.status == ClockStatus.BREACHED, Report.status.not_in(FINISHED)))


def nearest_due():
    """Correlated subquery: the earliest due date among the report's pending clocks (NULL if none)."""
    return (select(func.min(Clock.due_on)).where(Clock.report_id == Report.id, _pending_clock())
            .correlate(Report).scalar_subquery())


def due_condition(kind: str, today: date, calendar):
    if kind == "overdue":
        late = or_(and_(Clock.is_open, Clock.due_on < today), Clock.status == ClockStatus.BREACHED)
        return and_(Report.status.not_in(FINISHED), exists().where(Clock.report_id == Report.id, late))
    soon_until = calendar.add_working_days(today, SOON_WORKING_DAYS)
    return exists().where(Clock.report_id == Report.id, Clock.is_open, Clock.due_on >= today, Clock.due_on <= soon_until)


def _conditions(f: Filters, *, user, today: date, calendar, skip: str | None = None) -> list:
    """The WHERE terms of the filters; `skip` leaves one facet out (to count that facet's values)."""
    terms = []
    if f.status and skip != "status":
        terms.append(Report.status == f.status)
    if f.track and skip != "track":
        terms.append(Report.track == f.track)
    if f.category and skip != "category":
        terms.append(Report.category == f.category)
    if f.ward and skip != "ward":
        terms.append(Report.ward_code == f.ward)
    if f.due and skip != "due":
        terms.append(due_condition(f.due, today, calendar))
    if f.assignee and skip != "assignee":
        terms.append(Report.assignee_id == user.id if f.assignee == "me" else Report.assignee_id.is_(None))
    if f.q and (pattern := like_pattern(f.q)):
        terms.append(or_(Report.text_folded.like(pattern, escape="\\"), Report.tracking_code == f.q.upper()))
    return terms


def _filtered(user, columns, terms):
    return visible_reports(user, select(*columns)).where(*terms)


def _grouped(user, f, column, facet, today, calendar) -> dict:
    query = _filtered(user, [column, func.count()], _conditions(f, user=user, today=today, calendar=calendar,
                                                                skip=facet)).group_by(column)
    return {value: n for value, n in db.session.execute(query)}


def facet_counts(user, f: Filters, today: date, calendar, *, with_ward: bool) -> dict:
    """Counts per value of each filter, with the other filters applied: what picking that value would show."""
    counts = {
        "status": _grouped(user, f, Report.status, "status", today, calendar),
        "track": _grouped(user, f, Report.track, "track", today, calendar),
        "category": _grouped(user, f, Report.category, "category", today, calendar),
    }
    if with_ward:
        counts["ward"] = _grouped(user, f, Report.ward_code, "ward", today, calendar)

    def flags(facet, named):
        cols = [func.count()] + [func.coalesce(func.sum(case((cond, 1), else_=0)), 0) for _, cond in named]
        row = db.session.execute(_filtered(user, cols, _conditions(f, user=user, today=today, calendar=calendar,
                                                                   skip=facet))).one()
        return {"": row[0], **{name: n for (name, _), n in zip(named, row[1:])}}

    counts["due"] = flags("due", [(k, due_condition(k, today, calendar)) for k, _ in DUE_CHOICES])
    counts["assignee"] = flags("assignee", [("me", Report.assignee_id == user.id), ("none", Report.assignee_id.is_(None))])
    for facet in ("status", "track", "category", "ward"):
        if facet in counts:
            counts[facet][""] = sum(counts[facet].values())
    return counts


def order_terms(sort: str) -> list:
    if sort == "newest":
        return [Report.received_at.desc(), Report.id.desc()]
    if sort == "oldest":
        return [Report.received_at.asc(), Report.id.asc()]
    due = nearest_due()
    return [case((due.is_(None), 1), else_=0), due.asc(), Report.received_at.asc(), Report.id.asc()]


# -- the page ----------------------------------------------------------------------------------------------------

def _services():
    return current_app.extensions["services"]


def _sees_wards(user) -> bool:
    """Supervisors, admins, triage officers and provincial bodies work across wards."""
    return user.role != Role.INSPECTOR or (user.unit is not None and user.unit.ward_code is None)


class BulkForm(FlaskForm):
    action = SelectField("Thao tác", choices=[("assign", "Giao cho cán bộ"), ("reroute", "Chuyển đơn")])
    assignee = SelectField("Cán bộ", coerce=str, validate_choice=False, validators=[Optional()])
    unit = SelectField("Chuyển đến", coerce=str, validate_choice=False, validators=[Optional()])
    reason = StringField("Lý do chuyển", filters=[lambda v: v.strip() if isinstance(v, str) else v],
                         validators=[Optional(), Length(max=500)])


def _may_assign(report: Report) -> bool:
    return _handles(report) or current_user.role == Role.SUPERVISOR


def _may_reroute(report: Report) -> bool:
    return _handles(report) or current_user.role == Role.SUPERVISOR or (
        current_user.role == Role.TRIAGE and report.status == Status.NEEDS_TRIAGE)


def _handles(report: Report) -> bool:
    return current_user.role == Role.ADMIN or (
        current_user.role == Role.INSPECTOR and report.unit_id is not None and report.unit_id == current_user.unit_id)


def _may_bulk_assign() -> bool:
    return current_user.role in (Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN)


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


def _assignee_choices(users: list[User]) -> list[tuple[str, str]]:
    province = current_user.role in PROVINCE_WIDE
    return [("none", "— Bỏ giao (chưa giao ai) —")] + [
        (str(u.id), (u.full_name or u.username) + (f" — {u.unit.name}" if province and u.unit else "")) for u in users]


def _unit_choices() -> list[tuple[str, str]]:
    units = db.session.execute(select(Unit.code, Unit.name).order_by(Unit.division, Unit.name_ascii)).all()
    return [(TRIAGE_CHOICE, "— Trả về phân loại thủ công —")] + [(code, name) for code, name in units]


@bp.get("/")
@login_required
def queue():
    user, services = current_user, _services()
    calendar, today = services.calendar, legal_date(utcnow())
    f = Filters.parse(request.args)
    terms = _conditions(f, user=user, today=today, calendar=calendar)
    total = db.session.scalar(_filtered(user, [func.count()], terms))
    pages = max(1, -(-total // PAGE_SIZE))
    try:
        page = min(max(1, int(request.args.get("page", 1))), pages)
    except ValueError:
        page = 1
    query = (visible_reports(user).where(*terms).order_by(*order_terms(f.sort))
             .options(selectinload(Report.clocks), joinedload(Report.assignee))
             .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE))
    reports = db.session.scalars(query).unique().all()

    with_ward = _sees_wards(user)
    counts = facet_counts(user, f, today, calendar, with_ward=with_ward)
    ward_choices = []
    if with_ward:
        codes = sorted(c for c in counts["ward"] if c)
        if f.ward and f.ward not in codes:
            codes.append(f.ward)
        names = dict(db.session.execute(select(Unit.ward_code, Unit.name).where(Unit.ward_code.in_(codes))).all()) if codes else {}
        ward_choices = sorted(((c, names.get(c, c)) for c in codes), key=lambda item: item[1])

    form = BulkForm()
    form.assignee.choices = _assignee_choices(_assignable({r.unit_id for r in reports if r.unit_id}))
    form.unit.choices = _unit_choices()
    return render_template(
        "staff/queue.html", reports=reports, f=f, counts=counts, total=total, page=page, pages=pages,
        status_labels=STATUS_LABELS, category_names=CATEGORY_NAMES, kind_labels=KIND_LABELS,
        choices={"status": STATUS_CHOICES, "track": TRACK_CHOICES, "category": CATEGORY_CHOICES,
                 "due": DUE_CHOICES, "assignee": ASSIGNEE_CHOICES, "ward": ward_choices},
        sort_choices=SORT_CHOICES, with_ward=with_ward, form=form, may_assign=_may_bulk_assign(),
        nearest=lambda r: _nearest_clock(r), today=today, calendar=calendar)


def _nearest_clock(report: Report) -> Clock | None:
    """The clock shown in the row: the same rule as the urgent order (from the preloaded clocks)."""
    pending = [c for c in report.clocks
               if c.is_open or (c.status == ClockStatus.BREACHED and report.status not in FINISHED)]
    return min(pending, key=lambda c: c.due_on, default=None)


@bp.post("/hang-loat")
@login_required
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
    if not _may_bulk_assign():
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
        if not _may_assign(report):
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
        if not _may_reroute(report):
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
        from triage.jobs import enqueue_export_corrections

        enqueue_export_corrections()
    return done, refusals
