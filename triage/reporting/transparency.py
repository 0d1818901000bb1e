"""The public transparency page (/minh-bach): the province's figures of the last 12 months, aggregates only.

- no report text, no tracking code, no name: counts and rates by unit, by category and by month;
- any count from 1 to PUBLIC_MIN_CELL - 1, and any rate over fewer than PUBLIC_MIN_CELL reports, is replaced
  by "—" before the figures leave this module (they are never cached or rendered), so no reporter can be
  singled out from a small cell;
- the figures are computed by triage.reporting.stats / triage.reporting.figures (SQL aggregations) and cached for
  PUBLIC_CACHE_SECONDS in Redis (shared by the workers), or in this process when Redis is unavailable;
- the response is CDN-safe: `Cache-Control: public, max-age=...`, an ETag, and no cookie: the session opened
  by the app's own hooks is swapped for a null session, so it is never saved, and the page renders no form
  and no CSRF token.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import date

from flask import Blueprint, current_app, make_response, render_template, request
from flask.globals import request_ctx
from redis.exceptions import RedisError

from core.extensions import db
from core.models import utcnow
from core.vietnamese import today_in_vietnam
from core.vocabulary import CATEGORY_NAMES
from triage.reporting import figures as report_figures
from triage.reporting import stats

bp = Blueprint("transparency", __name__)

SUPPRESSED = None  # a suppressed cell; the template shows "—"
CACHE_VERSION = 2  # 2: complementary suppression
_local_cache: dict[str, tuple[float, dict]] = {}
_local_lock = threading.Lock()


@bp.before_request
def _no_session():
    """Whatever the app's hooks read or wrote in the session, this response saves none (no Set-Cookie)."""
    request_ctx._session = current_app.session_interface.make_null_session(current_app)


def window(today: date) -> tuple[date, date]:
    """The last 12 months: from the 1st of the month 11 months back to today."""
    index = today.year * 12 + today.month - 1 - 11
    return date(index // 12, index % 12 + 1, 1), today


def _count(n: int, minimum: int):
    return n if n == 0 or n >= minimum else SUPPRESSED


def _column(values: list[int], minimum: int, hidden: set[int] = frozenset()) -> list:
    """A column whose total the page also shows: the cells of 1 to `minimum` - 1 (and those of `hidden`, rows
    suppressed whole) are suppressed; when that leaves a single suppressed cell, the smallest other non-zero cell
    is suppressed with it, or the total minus the cells shown would give the hidden one back."""
    hidden = set(hidden) | {i for i, v in enumerate(values) if 0 < v < minimum}
    if len(hidden) == 1:
        others = sorted((v, i) for i, v in enumerate(values) if v > 0 and i not in hidden)
        hidden |= {others[0][1]} if others else set()
    return [SUPPRESSED if i in hidden else v for i, v in enumerate(values)]


def _rate(rate: stats.Rate, minimum: int):
    return rate.rate if rate.n >= minimum else SUPPRESSED


def public_figures(session, today: date, minimum: int) -> dict:
    """The page's figures, already suppressed (JSON-able)."""
    user = report_figures.province_user()
    start, end = window(today)
    summary = stats.period_summary(session, user, start, end)
    units = stats.league(session, user, start, end, min_sample=minimum, today=today)
    categories = report_figures.category_rows(session, user, start, end)
    trend = stats.trend(session, user, start, end, granularity="month")
    units = sorted(units, key=lambda r: (r.division != "cơ quan tỉnh", r.division, r.name))
    small = {i for i, r in enumerate(units) if 0 < r.received < minimum}  # suppressed whole
    unit_received = _column([r.received for r in units], minimum, small)
    unit_resolved = _column([r.resolved for r in units], minimum, small)
    unit_rows = [
        {
            "name": r.name,
            "division": r.division,
            "received": unit_received[i],
            "resolved": unit_resolved[i],
            "accepted_on_time": SUPPRESSED if i in small else _rate(r.accepted_on_time, minimum),
            "resolved_on_time": SUPPRESSED if i in small else _rate(r.resolved_on_time, minimum),
            "suppressed": i in small,
        }
        for i, r in enumerate(units)
    ]
    hidden = len(small)
    category_received = _column([c.received for c in categories], minimum)
    category_resolved = _column([c.resolved for c in categories], minimum)
    category_rows = [
        {
            "name": CATEGORY_NAMES.get(c.category, c.category),
            "received": category_received[i],
            "resolved": category_resolved[i],
            "accepted_on_time": _rate(c.accepted_on_time, minimum),
            "resolved_on_time": _rate(c.resolved_on_time, minimum),
        }
        for i, c in enumerate(categories)
    ]
    month_received = _column([p.received for p in trend.points], minimum)
    month_resolved = _column([p.resolved for p in trend.points], minimum)
    months = [
        {"label": p.label, "received": month_received[i], "resolved": month_resolved[i]}
        for i, p in enumerate(trend.points)
    ]
    return {
        "version": CACHE_VERSION,
        "minimum": minimum,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "received": _count(summary.received, minimum),
        "resolved": _count(summary.resolved, minimum),
        "accepted_on_time": _rate(summary.accepted_on_time, minimum),
        "resolved_on_time": _rate(summary.resolved_on_time, minimum),
        "units": unit_rows,
        "units_hidden": hidden,
        "categories": category_rows,
        "months": months,
        "computed_at": utcnow().isoformat(timespec="seconds"),
    }


def cached_figures() -> dict:
    config = current_app.config
    today = today_in_vietnam()
    minimum = int(config["PUBLIC_MIN_CELL"])
    ttl = int(config["PUBLIC_CACHE_SECONDS"])
    key = (
        f"{config.get('RATELIMIT_KEY_PREFIX') or 'public'}:transparency:v{CACHE_VERSION}:{minimum}:{today.isoformat()}"
    )
    redis = current_app.extensions.get("redis")
    try:
        raw = redis.get(key) if redis is not None else None
        if raw:
            return json.loads(raw)
    except RedisError:
        redis = None
    with _local_lock:
        hit = _local_cache.get(key)
        if hit and hit[0] > time.monotonic():
            return hit[1]
    try:
        figures = public_figures(db.session, today, minimum)
    finally:
        db.session.rollback()
    try:
        if redis is not None:
            redis.set(key, json.dumps(figures), ex=ttl)
    except RedisError:
        pass
    with _local_lock:
        _local_cache[key] = (time.monotonic() + ttl, figures)
        for stale in [k for k, (expires, _) in _local_cache.items() if expires <= time.monotonic()]:
            _local_cache.pop(stale, None)
    return figures


@bp.get("/minh-bach")
def page():
    figures = cached_figures()
    months = figures["months"]
    peak = max([m["received"] or 0 for m in months] + [m["resolved"] or 0 for m in months] + [1])
    html = render_template(
        "public/transparency.html",
        f=figures,
        peak=peak,
        period_from=date.fromisoformat(figures["from"]),
        period_to=date.fromisoformat(figures["to"]),
    )
    response = make_response(html)
    response.cache_control.public = True
    response.cache_control.max_age = int(current_app.config["PUBLIC_CACHE_SECONDS"])
    response.add_etag()
    return response.make_conditional(request)


def clear_cache() -> None:
    """For tests and admins: forget the in-process copy (the Redis copy expires by itself)."""
    with _local_lock:
        _local_cache.clear()


__all__ = ["bp", "public_figures", "cached_figures", "window", "clear_cache"]
