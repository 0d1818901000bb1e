"""The supervisors' dashboard (/can-bo/tong-quan): headline figures of a period against the previous one,
trends, the league table of units, hotspots (heat maps, ward map), officers' KPI figures, and a drill-down
page listing the reports behind any figure.

Every figure comes from `triage.reporting.stats` (SQL aggregation through `visible_reports`); the drill-down lists
`stats.figure_query(...)`, the same conditions as the count it came from. Supervisors and admins see the
province; an inspector sees only their own unit's dashboard (its figures already exclude the reports that
accuse their own body). Other roles get 404.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from itertools import zip_longest

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from core.extensions import db
from core.models import Report, Unit, User
from core.vietnamese import (
    PERIOD_KINDS,
    PERIOD_NAMES,
    Period,
    format_decimal,
    format_int,
    format_number,
    format_percent,
    today_in_vietnam,
)
from core.vocabulary import AGENCY_NAMES, CATEGORY_NAMES
from ml.gazetteer import unit_details
from triage.casework.access import PROVINCE_WIDE, guard_blueprint
from triage.reporting import charts, outcomes, stats
from triage.reporting.decisions import OUTCOME_FIGURES, OUTCOMES
from triage.reporting.periods import DEFAULT_KIND, default_period, kind_of, recent_periods

bp = Blueprint("dashboard", __name__, url_prefix="/can-bo/tong-quan")
guard_blueprint(bp, "view dashboard")

PAGE_SIZE = 50
PERIOD_CHOICES = [(kind, PERIOD_NAMES[kind]) for kind in PERIOD_KINDS] + [("custom", "Tùy chọn")]
LEAGUE_SORTS = {
    "rank": "Xếp hạng",
    "name": "Đơn vị",
    "received": "Tiếp nhận",
    "resolved": "Giải quyết",
    "acc_rate": "Thụ lý đúng hạn",
    "res_rate": "Giải quyết đúng hạn",
    "substantiated": "Có căn cứ",
    "open": "Tồn",
    "overdue": "Quá hạn",
    "age": "Tồn lâu nhất",
    "median": "Trung vị ngày",
}


# -- the view's parameters -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """Period and filters from the query string, validated (unknown values dropped)."""

    period: str = DEFAULT_KIND
    ref: str = ""  # month: 2026-11, quarter: 2026-Q4, year: 2026
    start: str = ""  # custom: ISO dates
    end: str = ""
    unit: str = ""  # unit code
    category: str = ""
    agency: str = ""
    ward: str = ""

    @classmethod
    def parse(cls, args) -> View:
        """The period is read from what the picker sends: "custom" (or no reference and both dates) for the dates'
        range, else the kind named by the reference ("2026-11", "2026-Q4", "2026"), else `period` (the links built
        by `args`), else the default."""
        ref = (args.get("ref") or "").strip()[:10]
        start, end = (args.get("start") or "")[:10], (args.get("end") or "")[:10]
        period = args.get("period", "")
        if ref == "custom" or (not ref and start and end):
            period, ref = "custom", ""
        elif kind_of(ref):
            period = kind_of(ref)
        period = period if period in dict(PERIOD_CHOICES) else DEFAULT_KIND
        category = args.get("category", "")
        agency = args.get("agency", "")
        ward = (args.get("ward") or "").strip()
        unit = (args.get("unit") or "").strip()[:40]
        view = cls(
            period=period,
            ref=ref,
            start=start,
            end=end,
            unit=unit,
            category=category if category in CATEGORY_NAMES else "",
            agency=agency if agency in AGENCY_NAMES else "",
            ward=ward if ward.isdigit() and len(ward) <= 5 else "",
        )
        if current_user.role not in PROVINCE_WIDE:  # an inspector: their own unit, always
            view = replace(view, unit=current_user.unit.code)
        return view

    def args(self, **changes) -> dict:
        values = {f.name: getattr(replace(self, **changes), f.name) for f in fields(self)}
        if current_user.role not in PROVINCE_WIDE:
            values.pop("unit", None)
        return {k: v for k, v in values.items() if v and not (k == "period" and v == DEFAULT_KIND)}

    def resolve_period(self, today: date) -> Period:
        """The period asked for; the current month, quarter or year when the dates are missing or wrong."""
        try:
            if self.period == "custom":
                return Period.custom(date.fromisoformat(self.start), date.fromisoformat(self.end))
            if self.ref:
                return Period.parse(self.period, self.ref)
        except (ValueError, TypeError):
            pass
        return default_period(today, self.period if self.period in PERIOD_KINDS else DEFAULT_KIND)

    def filters(self) -> dict:
        """`stats` filters; 404 for an unknown unit code."""
        out = {}
        if self.unit:
            unit_id = db.session.scalar(select(Unit.id).where(Unit.code == self.unit))
            if unit_id is None:
                abort(404)
            out["unit_id"] = unit_id
        if self.category:
            out["category"] = self.category
        if self.agency:
            out["agency"] = self.agency
        if self.ward:
            out["ward_code"] = self.ward
        return out


def _period_ref(period: Period) -> dict:
    if period.kind == "custom":
        return {"period": "custom", "start": period.starts_on.isoformat(), "end": period.ends_on.isoformat()}
    return {"period": period.kind, "ref": period.ref}


def _drill(figure: str, period: Period, view: View, **extra) -> str:
    """URL of the reports behind a figure (the dashboard's own drill-down page)."""
    args = {k: v for k, v in view.args().items() if k in ("unit", "category", "agency", "ward")}
    args.update({k: v for k, v in extra.items() if v not in (None, "")})
    return url_for(
        "dashboard.reports", figure=figure, start=period.starts_on.isoformat(), end=period.ends_on.isoformat(), **args
    )


def _change(now, before) -> dict:
    """Change against the previous period, for the headline figures."""
    if now is None or before is None:
        return {"text": "", "sign": 0}
    delta = now - before
    if isinstance(now, float) or isinstance(before, float):
        text = f"{format_decimal(delta * 100, 1, signed=True)} điểm %"
    else:
        text = format_int(delta, signed=True)
        if before:
            text += f" ({format_percent(delta / before, 0, signed=True)})"
    return {"text": text, "sign": (delta > 0) - (delta < 0)}


def _common(view: View):
    today = today_in_vietnam()
    period = view.resolve_period(today)
    return today, period, view.filters()


def _context(view, period, today, **more) -> dict:
    unit_name = _unit_name(view.unit)
    return dict(
        view=view,
        period=period,
        today=today,
        kinds=PERIOD_CHOICES,
        pct=format_percent,
        num=format_number,
        drill=lambda f, **kw: _drill(f, period, view, **kw),
        province=current_user.role in PROVINCE_WIDE,
        period_ref=_period_ref,
        previous=period.previous(),
        unit_name=unit_name,
        ward_name=_ward_name(view.ward),
        scope=_scope(view, unit_name),
        recent=recent_periods(today),
        period_names=PERIOD_NAMES,
        unit_field=_unit_field(view) if current_user.role in PROVINCE_WIDE else None,
        **more,
    )


def _unit_name(code: str) -> str:
    if not code:
        return ""
    return db.session.scalar(select(Unit.name).where(Unit.code == code)) or code


def _ward_name(code: str) -> str:
    if not code:
        return ""
    return db.session.scalar(select(Unit.name).where(Unit.ward_code == code)) or f"xã, phường mã {code}"


def _scope(view: View, unit_name: str) -> str:
    """What the figures cover, for the headings: the unit, the ward, the category and the agency filtered on, or
    the whole province."""
    parts = [
        unit_name,
        _ward_name(view.ward) if view.ward and view.ward != view.unit else "",
        CATEGORY_NAMES.get(view.category, ""),
        AGENCY_NAMES.get(view.agency, ""),
    ]
    return " · ".join(p for p in parts if p) or "toàn tỉnh"


@dataclass(frozen=True)
class _Choice:
    value: str
    label: str


@dataclass(frozen=True)
class _Label:
    text: str


@dataclass(frozen=True)
class _PickerField:
    """What templates/_commune_picker.html reads of a form field, for the unit filter (a GET form, no WTForms)."""

    id: str
    name: str
    label: _Label
    data: str
    choices: list
    errors: tuple = ()


def _unit_field(view: View) -> _PickerField:
    """The unit filter: every unit by name (a select the picker searches without diacritics), "" for all."""
    units = db.session.execute(select(Unit.code, Unit.name).order_by(Unit.name)).all()
    return _PickerField(
        id="p-unit",
        name="unit",
        label=_Label("Đơn vị (xã, phường hoặc cơ quan)"),
        data=view.unit,
        choices=[_Choice("", "Tất cả đơn vị")] + [_Choice(code, name) for code, name in units],
    )


def _min_sample() -> int:
    return int(current_app.config["DASHBOARD_MIN_SAMPLE"])


def _calendar():
    return current_app.extensions["services"].calendar


def _procedure_context(session, user, period: Period, filters: dict, *, by: str | None = None) -> dict:
    """The legal procedure's figures of the period (and, ungrouped, of the previous one) for the templates."""
    calendar = _calendar()
    previous = period.previous()
    if by is None:
        now, before = (
            groups.get(None, outcomes.Procedure())
            for groups in outcomes.procedures(
                session,
                user,
                [(period.starts_on, period.ends_on), (previous.starts_on, previous.ends_on)],
                calendar=calendar,
                **filters,
            )
        )
    else:
        now = outcomes.procedure(session, user, period.starts_on, period.ends_on, calendar=calendar, by=by, **filters)
        before = None
    return dict(
        proc=now,
        proc_before=before,
        outcome_codes=OUTCOMES,
        outcome_figures=OUTCOME_FIGURES,
        stage_labels=outcomes.STAGE_LABELS,
        empty_procedure=outcomes.Procedure(),
    )


# -- pages -----------------------------------------------------------------------------------------------------------


@bp.get("/")
def index():
    view = View.parse(request.args)
    today, period, filters = _common(view)
    user, session = current_user, db.session
    previous = period.previous()
    summary = stats.period_summary(session, user, period.starts_on, period.ends_on, **filters)
    before = stats.period_summary(session, user, previous.starts_on, previous.ends_on, **filters)
    weekly = stats.trend(session, user, period.starts_on, period.ends_on, "week", period_kind=period.kind, **filters)
    year = Period.containing("year", period.ends_on)
    monthly = stats.trend(session, user, year.starts_on, year.ends_on, "month", period_kind="year", **filters)

    headline = [
        ("received", "Đơn tiếp nhận", format_number(summary.received), _change(summary.received, before.received)),
        ("open", "Đang xử lý (tồn)", format_number(summary.open_now), None),
        ("overdue", "Đang quá hạn", format_number(summary.overdue_now), None),
        ("resolved", "Đã giải quyết", format_number(summary.resolved), _change(summary.resolved, before.resolved)),
        (
            "accepted_late",
            "Thụ lý đúng hạn",
            format_percent(summary.accepted_on_time.rate),
            _change(summary.accepted_on_time.rate, before.accepted_on_time.rate),
        ),
        (
            "resolved_late",
            "Giải quyết đúng hạn",
            format_percent(summary.resolved_on_time.rate),
            _change(summary.resolved_on_time.rate, before.resolved_on_time.rate),
        ),
    ]
    days = [
        (
            "accepted",
            "Ngày làm việc đến khi thụ lý",
            summary.accepted_wd_median,
            summary.accepted_wd_p90,
            before.accepted_wd_median,
        ),
        (
            "resolved",
            "Ngày làm việc đến khi giải quyết",
            summary.resolved_wd_median,
            summary.resolved_wd_p90,
            before.resolved_wd_median,
        ),
    ]
    week_links = [
        _drill(
            "received",
            Period.custom(max(p.start, period.starts_on), min(p.start + timedelta(days=6), period.ends_on)),
            view,
        )
        for p in weekly.points
    ]
    n = max(len(weekly.points), len(weekly.previous_points))

    def pad(values):
        return list(values) + [None] * (n - len(values))

    week_labels = (
        [p.label for p in weekly.points] if len(weekly.points) >= n else [f"Tuần thứ {i + 1}" for i in range(n)]
    )
    week_chart = charts.bar_chart(
        f"Đơn tiếp nhận theo tuần — {period.label} so với {previous.label}",
        "Cột xanh: số đơn tiếp nhận mỗi tuần của kỳ đang xem; cột xám: tuần tương ứng (cùng thứ tự) của kỳ trước.",
        week_labels,
        [
            charts.Series(period.label, pad([p.received for p in weekly.points]), links=pad(week_links)),
            charts.Series(previous.label, pad([p.received for p in weekly.previous_points]), color="#9aa7b4"),
        ],
    )
    month_labels = [p.label for p in monthly.points]
    month_chart = charts.line_chart(
        f"Tiếp nhận và giải quyết theo tháng — năm {year.starts_on.year} so với năm {year.starts_on.year - 1}",
        "Đường liền: năm đang xem; đường đứt: năm trước. Xanh: tiếp nhận; đỏ: giải quyết.",
        [p.label[:2] for p in monthly.points],
        [
            charts.Series(f"Tiếp nhận {year.starts_on.year}", [p.received for p in monthly.points], color="#1f5fa8"),
            charts.Series(
                f"Tiếp nhận {year.starts_on.year - 1}",
                [p.received for p in monthly.previous_points],
                color="#1f5fa8",
                dashed=True,
            ),
            charts.Series(f"Giải quyết {year.starts_on.year}", [p.resolved for p in monthly.points], color="#d7301f"),
            charts.Series(
                f"Giải quyết {year.starts_on.year - 1}",
                [p.resolved for p in monthly.previous_points],
                color="#d7301f",
                dashed=True,
            ),
        ],
    )
    week_rows = [  # the chart's figures, and its links (the picture itself is a mouse shortcut)
        [
            a.label if a else "",
            Markup('<a href="{}">{}</a>').format(href, a.received) if a else "",
            b.label if b else "",
            b.received if b else "",
        ]
        for a, b, href in zip_longest(weekly.points, weekly.previous_points, week_links)
    ]
    month_rows = [
        [a.label, a.received, a.resolved, a.resolved_on_time, b.received if b else "", b.resolved if b else ""]
        for a, b in zip_longest(monthly.points, monthly.previous_points)
        if a
    ]
    league_rows = _sorted_league(
        stats.league(
            session,
            user,
            period.starts_on,
            period.ends_on,
            min_sample=_min_sample(),
            today=today,
            **{k: v for k, v in filters.items() if k != "unit_id"} if user.role in PROVINCE_WIDE else filters,
        ),
        request.args.get("sort", "rank"),
        request.args.get("dir", ""),
    )
    if view.unit and user.role in PROVINCE_WIDE:
        league_rows = [r for r in league_rows if r.code == view.unit] + [r for r in league_rows if r.code != view.unit]
    all_units = request.args.get("units") == "all"
    league_rows, quiet = _active_first(league_rows, keep=view.unit)
    return render_template(
        "dashboard/index.html",
        **_context(view, period, today),
        summary=summary,
        before=before,
        headline=headline,
        days=days,
        weekly=weekly,
        monthly=monthly,
        week_chart=week_chart,
        month_chart=month_chart,
        month_labels=month_labels,
        league=league_rows + (quiet if all_units else []),
        quiet_units=len(quiet),
        all_units=all_units,
        sorts=LEAGUE_SORTS,
        sort=request.args.get("sort", "rank"),
        direction=request.args.get("dir", ""),
        min_sample=_min_sample(),
        week_links=week_links,
        week_rows=week_rows,
        month_rows=month_rows,
        **_procedure_context(session, user, period, filters),
    )


def _active_first(rows: list[stats.UnitRow], *, keep: str = "") -> tuple[list, list]:
    """The units with reports in the period or still open (and the unit filtered on), in the order given, then the
    quiet ones: no report received, resolved or open."""
    active = [r for r in rows if r.received or r.resolved or r.open_now or r.code == keep]
    return active, [r for r in rows if not (r.received or r.resolved or r.open_now or r.code == keep)]


def _sorted_league(rows: list[stats.UnitRow], sort: str, direction: str) -> list[stats.UnitRow]:
    """The league as asked: by rank (ranked first, then the small units by name) or by a column; None last."""
    if sort not in LEAGUE_SORTS or sort == "rank":
        return rows
    keys = {
        "name": lambda r: r.name,
        "received": lambda r: r.received,
        "resolved": lambda r: r.resolved,
        "acc_rate": lambda r: r.accepted_on_time.rate,
        "res_rate": lambda r: r.resolved_on_time.rate,
        "substantiated": lambda r: r.substantiated.rate,
        "open": lambda r: r.open_now,
        "overdue": lambda r: r.overdue_now,
        "age": lambda r: r.backlog_age_days,
        "median": lambda r: r.resolved_wd_median,
    }
    key = keys[sort]
    # Default direction: names A→Z, rates worst first, counts and ages largest first.
    ascending = sort in ("name", "acc_rate", "res_rate") if direction not in ("asc", "desc") else direction == "asc"
    present = [r for r in rows if key(r) is not None]
    missing = [r for r in rows if key(r) is None]
    return sorted(present, key=key, reverse=not ascending) + missing


@bp.get("/diem-nong")
def hotspots():
    """Heat maps category × unit and category × agency, and the ward map."""
    view = View.parse(request.args)
    today, period, filters = _common(view)
    user, session = current_user, db.session
    by_agency = stats.category_matrix(session, user, period.starts_on, period.ends_on, by="agency", **filters)
    by_unit = stats.category_matrix(session, user, period.starts_on, period.ends_on, by="unit", **filters)
    top_units = by_unit.cols[:30]
    unit_codes = (
        dict(session.execute(select(Unit.id, Unit.code).where(Unit.id.in_([c for c in by_unit.cols if c]))).all())
        if by_unit.cols
        else {}
    )
    cat_label = lambda c: CATEGORY_NAMES.get(c, c or "Chưa phân loại")  # noqa: E731
    agency_heat = charts.heat_map(
        f"Số đơn theo lĩnh vực vi phạm và cơ quan — {period.label}",
        "Mỗi ô: số đơn tiếp nhận trong kỳ của một lĩnh vực vi phạm (hàng) tại một loại cơ quan (cột); màu càng đậm, "
        "càng nhiều đơn.",
        [cat_label(c) for c in by_agency.rows],
        [by_agency.col_labels[c] for c in by_agency.cols],
        [[by_agency.cell(r, c).received for c in by_agency.cols] for r in by_agency.rows],
        links=[
            [_drill("received", period, view, category=r, agency=c) for c in by_agency.cols] for r in by_agency.rows
        ],
    )
    unit_heat = charts.heat_map(
        f"Số đơn theo lĩnh vực vi phạm và đơn vị (30 đơn vị nhiều đơn nhất) — {period.label}",
        "Mỗi ô: số đơn tiếp nhận trong kỳ của một lĩnh vực vi phạm (hàng) tại một đơn vị (cột); màu càng đậm, "
        "càng nhiều đơn.",
        [cat_label(c) for c in by_unit.rows],
        [by_unit.col_labels[c] for c in top_units],
        [[by_unit.cell(r, c).received for c in top_units] for r in by_unit.rows],
        links=[
            [
                _drill("received", period, view, category=r, unit=unit_codes.get(c)) if c in unit_codes else None
                for c in top_units
            ]
            for r in by_unit.rows
        ],
    )
    measure = request.args.get("measure", "received")
    measure = measure if measure in ("received", "overdue") else "received"
    wards = stats.ward_rows(session, user, period.starts_on, period.ends_on, **filters)
    points, table = _ward_points(wards, period, view, measure)
    ward_map = charts.point_map(
        ("Tỷ lệ đơn quá hạn theo xã, phường" if measure == "overdue" else "Số đơn tiếp nhận theo xã, phường")
        + f" — {period.label}",
        "Mỗi vòng tròn là một xã hoặc phường, đặt tại tâm hành chính của đơn vị (tọa độ từ dữ liệu "
        "vietnamadminunits); diện tích vòng theo số đơn tiếp nhận, màu theo "
        + ("tỷ lệ đơn đã quá hạn trên số đơn tiếp nhận." if measure == "overdue" else "số đơn tiếp nhận."),
        points,
        legend_title="Tỷ lệ quá hạn" if measure == "overdue" else "Số đơn tiếp nhận",
        percent=measure == "overdue",
    )
    return render_template(
        "dashboard/hotspots.html",
        **_context(view, period, today),
        by_agency=by_agency,
        by_unit=by_unit,
        top_units=top_units,
        unit_codes=unit_codes,
        agency_heat=agency_heat,
        unit_heat=unit_heat,
        ward_map=ward_map,
        ward_table=table,
        measure=measure,
        cat_label=cat_label,
        overdue_by_unit={c: sum(by_unit.cell(r, c).overdue for r in by_unit.rows) for c in by_unit.cols},
    )


def _ward_points(wards, period, view, measure):
    by_code = {w.ward_code: w for w in wards}
    names = dict(db.session.execute(select(Unit.ward_code, Unit.name).where(Unit.ward_code.is_not(None))).all())
    points, table = [], []
    for code in sorted(names, key=lambda c: names[c]):
        try:
            details = unit_details(code)
        except KeyError:
            details = {"lat": None, "lon": None}
        row = by_code.get(code)
        received = row.received if row else 0
        overdue = row.overdue if row else 0
        rate = row.overdue_rate.rate if row else None
        value = rate if measure == "overdue" else (received or None)
        text = f"{received} đơn tiếp nhận, {overdue} đơn quá hạn" + (
            f" ({format_percent(rate)})" if rate is not None else ""
        )
        points.append(
            charts.MapPoint(
                lat=details.get("lat"),
                lon=details.get("lon"),
                label=names[code],
                value=value,
                size=received,
                text=text,
                href=_drill("breached" if measure == "overdue" else "received", period, view, ward=code)
                if received
                else None,
            )
        )
        table.append(
            {
                "code": code,
                "name": names[code],
                "received": received,
                "overdue": overdue,
                "rate": rate,
                "open": row.open_now if row else 0,
                "lat": details.get("lat"),
                "lon": details.get("lon"),
            }
        )
    return points, table


@bp.get("/can-bo")
def officers():
    """Per-officer KPI inputs of the period (month or quarter)."""
    view = View.parse(request.args)
    today, period, filters = _common(view)
    rows = stats.officer_rows(db.session, current_user, period.starts_on, period.ends_on, **filters)
    procedure = _procedure_context(db.session, current_user, period, filters, by="officer")
    people = {r.user_id: r for r in rows}
    missing = [uid for uid in procedure["proc"] if uid is not None and uid not in people]
    if missing:  # assigned a report decided in the period, but no KPI row (neither handled nor resolved)
        for uid, username, full_name, unit_name in db.session.execute(
            select(User.id, User.username, User.full_name, Unit.name)
            .outerjoin(Unit, Unit.id == User.unit_id)
            .where(User.id.in_(missing))
        ):
            people[uid] = stats.OfficerRow(uid, username, full_name or "", None, unit_name or "")
    decided = sorted(
        (people[uid] for uid in procedure["proc"] if uid in people),
        key=lambda r: (r.unit_name, r.full_name or r.username),
    )
    return render_template(
        "dashboard/officers.html", **_context(view, period, today), rows=rows, decided=decided, **procedure
    )


@bp.get("/don")
def reports():
    """The reports behind a figure: `stats.figure_query` with the figure's period and filters, paginated."""
    figure = request.args.get("figure", "received")
    if figure not in stats.FIGURES:
        abort(404)
    view = View.parse(request.args)
    try:
        start = date.fromisoformat(request.args.get("start", ""))
        end = date.fromisoformat(request.args.get("end", ""))
    except ValueError:
        abort(404)
    period = Period.custom(start, end)
    filters = view.filters()
    for key, name in (("assignee", "assignee_id"), ("resolved_by", "resolved_by_id")):
        value = request.args.get(key, "")
        if value.isdigit():
            filters[name] = int(value)
    total = stats.count_figure(db.session, current_user, figure, start, end, **filters)
    pages = max(1, -(-total // PAGE_SIZE))
    try:
        page = min(max(1, int(request.args.get("page", 1))), pages)
    except ValueError:
        page = 1
    rows = (
        db.session.scalars(
            stats.figure_query(current_user, figure, start, end, **filters)
            .options(joinedload(Report.unit), joinedload(Report.assignee))
            .limit(PAGE_SIZE)
            .offset((page - 1) * PAGE_SIZE)
        )
        .unique()
        .all()
    )
    officer = None
    for key in ("assignee_id", "resolved_by_id"):
        if key in filters:
            officer = db.session.get(User, filters[key])
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "dashboard/reports.html",
        **_context(view, period, today_in_vietnam()),
        figure=figure,
        figure_label=stats.FIGURE_LABELS[figure],
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        args=args,
        officer=officer,
    )
