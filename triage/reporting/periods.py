"""The periods the supervisors' screens offer and open on: one default for the dashboard, its KPI tab and the KPI
export page (the month in progress), the recent periods their pickers list, and the kind of a period read from its
reference ("2026-11" a month, "2026-Q4" a quarter, "2026" a year)."""

from __future__ import annotations

import re
from datetime import date

from core.vietnamese import Period

DEFAULT_KIND = "month"
RECENT = (("month", 24), ("quarter", 8), ("year", 3))
_REFS = (
    ("quarter", re.compile(r"\d{4}-[Qq][1-4]")),
    ("month", re.compile(r"\d{4}-\d{2}")),
    ("year", re.compile(r"\d{4}")),
)


def default_period(today: date, kind: str = DEFAULT_KIND) -> Period:
    """The period a screen opens on when none is asked for: the one in progress."""
    return Period.containing(kind, today)


def kind_of(ref: str) -> str | None:
    """The kind of period a reference names, or None."""
    for kind, pattern in _REFS:
        if pattern.fullmatch(ref or ""):
            return kind
    return None


def recent_periods(today: date, kinds=tuple(kind for kind, _ in RECENT)) -> dict[str, list[tuple[str, str]]]:
    """Recent periods for the pickers, newest first: {kind: [(ref, label), ...]}."""
    out = {}
    for kind, count in RECENT:
        if kind not in kinds:
            continue
        p, items = Period.containing(kind, today), []
        for _ in range(count):
            items.append((p.ref, p.label))
            p = p.previous()
        out[kind] = items
    return out
