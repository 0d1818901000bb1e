"""Supervisors' periodic reports, KPI exports, and the CSV export of any filtered queue list.

- blueprint "reports" (/can-bo/bao-cao-dinh-ky, supervisors and admins; anyone else gets 404): the kept
  workbooks with download links, a form to build one now, a printable page of a period, and the KPI export
  (CSV and XLSX) per unit and per officer for a month or a quarter, with a column legend;
- blueprint "exports" (/can-bo/xuat.csv, any signed-in staff): the queue's list with the queue's own filters
  (parsed and turned into SQL by triage.casework.filters), through `visible_reports`, without reporter data or text.

Every file is written by `triage.reporting.spreadsheets` (CSV and XLSX, no cell a spreadsheet would run as a formula).
"""

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    stream_with_context,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import case, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired

from core.extensions import db
from core.models import PeriodicReport, Report, Unit, User, utcnow
from core.vietnamese import PERIOD_KINDS, PERIOD_NAMES, Period, legal_date, today_in_vietnam
from core.vocabulary import label
from triage.casework import filters as queue_filters
from triage.casework.access import guard_blueprint, visible_reports
from triage.reporting import charts, stats
from triage.reporting import figures as report_figures
from triage.reporting.periodic import (
    PeriodFigures,
    build_report,
    collect_figures,
    discard_file,
    download_name,
    file_path,
    first_working_day,
    workbook_bytes,
)
from triage.reporting.periods import DEFAULT_KIND, default_period, kind_of, recent_periods
from triage.reporting.spreadsheets import XLSX_MIME, Column, Table, csv_stream, csv_text

bp = Blueprint("reports", __name__, url_prefix="/can-bo/bao-cao-dinh-ky")
guard_blueprint(bp, "export")
exports = Blueprint("exports", __name__, url_prefix="/can-bo")
guard_blueprint(exports, "work the queue")

KPI_PERIODS = ("month", "quarter")
KPI_LEVELS = {"unit": "Theo đơn vị", "officer": "Theo cán bộ"}


def _calendar():
    return current_app.extensions["services"].calendar


class BuildForm(FlaskForm):
    period = SelectField("Kỳ báo cáo", choices=[SelectChoice(k, PERIOD_NAMES[k]) for k in PERIOD_KINDS])
    start = StringField("Kỳ (vd. 2026-01, 2026-Q1, 2026)", validators=[DataRequired("Xin chọn kỳ báo cáo.")])


def _period_from_args(args, kinds=PERIOD_KINDS, *, ended: bool = True) -> Period:
    """The period of the query string (?period=month&start=2026-01); by default the last one ended (a workbook,
    a printable page), or with `ended=False` the one every supervisor's screen opens on (`periods.default_period`)."""
    start = args.get("start", "")
    kind = args.get("period") or kind_of(start) or DEFAULT_KIND  # a picker's "2026-Q1" says its kind
    if kind not in kinds:
        abort(404)
    if not start:
        current = default_period(today_in_vietnam(), kind)
        return current.previous() if ended else current
    try:
        return Period.parse(kind, start)
    except ValueError:
        abort(404)


@bp.get("/")
def index():
    rows = db.session.execute(
        select(PeriodicReport, User.full_name, User.username)
        .outerjoin(User, User.id == PeriodicReport.created_by)
        .order_by(PeriodicReport.starts_on.desc(), PeriodicReport.period)
    ).all()
    today = today_in_vietnam()
    items = [
        {
            "row": r,
            "period": Period(r.period, r.starts_on, r.ends_on),
            "by": (name or username) if r.created_by else "Lịch tự động",
        }
        for r, name, username in rows
    ]
    nxt = {kind: first_working_day(Period.containing(kind, today).next(), _calendar()) for kind in PERIOD_KINDS}
    return render_template(
        "reports/index.html",
        items=items,
        form=BuildForm(),
        choices=recent_periods(today),
        next_runs=nxt,
        period_names=PERIOD_NAMES,
        kpi_levels=KPI_LEVELS,
    )


@bp.post("/lap")
def build():
    form = BuildForm()
    if not form.validate_on_submit():
        flash("Phiên làm việc đã hết hạn hoặc kỳ báo cáo chưa hợp lệ, xin thử lại.", "error")
        return redirect(url_for("reports.index"), code=303)
    try:
        period = Period.parse(form.period.data, form.start.data)
    except ValueError:
        flash("Kỳ báo cáo không hợp lệ.", "error")
        return redirect(url_for("reports.index"), code=303)
    if period.starts_on > today_in_vietnam():
        flash("Kỳ báo cáo chưa bắt đầu.", "error")
        return redirect(url_for("reports.index"), code=303)
    new_key = None
    try:
        result = build_report(
            db.session, current_app.config, period, calendar=_calendar(), created_by=current_user.id, replace=True
        )
        new_key = result.row.file_key
        db.session.commit()
    except IntegrityError:  # the same period recorded at the same moment (the scheduled job, a colleague)
        db.session.rollback()
        discard_file(current_app.config, new_key)
        flash(f"Báo cáo {period.label} vừa được lập cùng lúc; xin xem trong danh sách.", "error")
        return redirect(url_for("reports.index"), code=303)
    discard_file(current_app.config, result.replaced_key)
    flash(f"Đã lập báo cáo {period.label} ({result.seconds:.1f} giây).", "ok")
    return redirect(url_for("reports.index"), code=303)


@bp.get("/<int:report_id>/tai-ve")
def download(report_id: int):
    row = db.session.get(PeriodicReport, report_id) or abort(404)
    path = file_path(current_app.config, row.file_key)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=XLSX_MIME, as_attachment=True, download_name=download_name(row), max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/in")
def printable():
    """The period's figures as a printable page (the workbook's sheets as tables; print CSS)."""
    period = _period_from_args(request.args)
    figures = collect_figures(db.session, period, calendar=_calendar(), overdue_limit=200)
    granularity = "week" if period.kind == "month" else "month"
    trend = stats.trend(
        db.session, current_user, period.starts_on, period.ends_on, granularity=granularity, period_kind=period.kind
    )
    chart = charts.bar_chart(
        f"Đơn tiếp nhận và giải quyết xong theo {'tuần' if granularity == 'week' else 'tháng'} — {period.label}",
        "Biểu đồ cột; số liệu chi tiết ở bảng ngay dưới.",
        [p.label for p in trend.points],
        [
            charts.Series("Tiếp nhận", [p.received for p in trend.points]),
            charts.Series("Giải quyết xong", [p.resolved for p in trend.points]),
            charts.Series("Giải quyết đúng hạn", [p.resolved_on_time for p in trend.points]),
        ],
    )
    return render_template("reports/print.html", figures=figures, period=period, trend=trend, chart=chart)


# -- KPI ----------------------------------------------------------------------------------------------------------


def _kpi_args():
    period = _period_from_args(request.args, KPI_PERIODS, ended=False)  # the dashboard's KPI tab opens on it too
    level = request.args.get("level", "unit")
    if level not in KPI_LEVELS:
        abort(404)
    return period, level


@bp.get("/kpi")
def kpi():
    period, level = _kpi_args()
    table = report_figures.kpi_table(db.session, period, level, calendar=_calendar())
    return render_template(
        "reports/kpi.html",
        table=table,
        period=period,
        level=level,
        kpi_levels=KPI_LEVELS,
        choices=recent_periods(today_in_vietnam()),
        legend=report_figures.KPI_LEGEND,
    )


@bp.get("/kpi.csv")
def kpi_csv():
    period, level = _kpi_args()
    table = report_figures.kpi_table(db.session, period, level, calendar=_calendar())
    return _csv_response(csv_text(table), f"kpi-{'don-vi' if level == 'unit' else 'can-bo'}-{period.slug}.csv")


@bp.get("/kpi.xlsx")
def kpi_xlsx():
    period, level = _kpi_args()
    table = report_figures.kpi_table(db.session, period, level, calendar=_calendar())
    legend = Table(
        title="Chú giải",
        heading="CHÚ GIẢI CÁC CỘT (ĐẦU VÀO CHẤM ĐIỂM KPI)",
        columns=[Column("Cột", 34), Column("Ý nghĩa", 70), Column("Đầu vào KPI", 60)],
        rows=[list(item) for item in report_figures.KPI_LEGEND],
    )
    data = workbook_bytes(
        PeriodFigures(period=period, as_of=today_in_vietnam(), built_at=utcnow(), tables=[table, legend])
    )
    name = f"kpi-{'don-vi' if level == 'unit' else 'can-bo'}-{period.slug}.xlsx"
    return Response(
        data,
        mimetype=XLSX_MIME,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "private, no-store"},
    )


# -- CSV ----------------------------------------------------------------------------------------------------------


def _csv_response(body, filename: str) -> Response:
    """A CSV download (`body`: the text, or its chunks), never cached."""
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "private, no-store"}
    return Response(body, headers=headers, content_type="text/csv; charset=utf-8")


# -- the queue's CSV export ------------------------------------------------------------------------------------------

QUEUE_CSV_COLUMNS = [
    "Mã đơn",
    "Ngày nhận",
    "Loại đơn",
    "Trạng thái",
    "Lĩnh vực",
    "Đơn vị giải quyết",
    "Mã xã/phường",
    "Xã/phường",
    "Cán bộ được giao",
    "Hạn gần nhất",
    "Quá hạn",
    "Chuyển cấp trên",
]


@exports.get("/xuat.csv")
def queue_csv():
    """The queue's list with the queue's filters (GET parameters of /can-bo/), every matching row (not one
    page), in the queue's order. Only what `visible_reports` lets this user see; no text, no contact data."""
    services = current_app.extensions["services"]
    today = today_in_vietnam()
    user = current_user._get_current_object()
    f = queue_filters.Filters.parse(request.args)
    due = queue_filters.due_terms(today, services.calendar)
    ward = aliased(Unit)
    assignee = aliased(User)
    query = visible_reports(
        user,
        select(
            Report.tracking_code,
            Report.received_at,
            Report.track,
            Report.status,
            Report.category,
            Unit.name,
            Report.ward_code,
            ward.name,
            assignee.full_name,
            assignee.username,
            Report.next_due_on,
            case((due.overdue, True), else_=False),
            Report.escalate,
        ).select_from(Report),
    )
    query = (
        query.outerjoin(Unit, Unit.id == Report.unit_id)
        .outerjoin(ward, ward.ward_code == Report.ward_code)
        .outerjoin(assignee, assignee.id == Report.assignee_id)
    )
    # The queue's own filter terms and order, so the file lists exactly what the queue shows.
    query = query.where(*queue_filters.conditions(f, user=user, due=due)).order_by(*queue_filters.order_terms(f.sort))

    def rows():
        result = db.session.execute(query.execution_options(yield_per=2000))
        for (
            code,
            received_at,
            track,
            status,
            category,
            unit_name,
            ward_code,
            ward_name,
            full_name,
            username,
            nearest,
            overdue,
            escalate,
        ) in result:
            yield (
                code,
                legal_date(received_at),
                label(track),
                label(status),
                label(category),
                unit_name,
                ward_code,
                ward_name,
                full_name or username,
                nearest,
                bool(overdue),
                bool(escalate),
            )

    stamp = today.strftime("%Y%m%d")
    return _csv_response(stream_with_context(csv_stream(QUEUE_CSV_COLUMNS, rows())), f"danh-sach-don-{stamp}.csv")
