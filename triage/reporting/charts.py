"""Server-side SVG charts for the dashboard: bars, lines, heat map and a map of points from lat/lon.

No JavaScript, no web fonts, no online tiles: each function returns a `Markup` <svg> with a <title> and a <desc>,
numbers written on the marks where they fit (readable in black and white print), and optional links on the marks
(drill-down). A picture without links is role="img", named by its title and description. A bar, line or heat chart
with links is a shortcut for the mouse: the picture is hidden from assistive technologies (aria-hidden, its links
out of the tab order), and the page's data table beside it carries the same figures and the same links. The map is
a group of labelled links, one per ward with reports, each showing its name on hover and keyboard focus.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import count

from markupsafe import Markup, escape

from core.vietnamese import format_number, format_percent

_ids = count(1)
# Sequential palette (light to dark), distinguishable in greyscale print.
HEAT = ("#fff7ec", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548", "#d7301f", "#b30000", "#7f0000")
SERIES = ("#1f5fa8", "#9aa7b4", "#d7301f", "#2e8b57")
FONT = 'font-family="system-ui, sans-serif"'


@dataclass(frozen=True)
class Series:
    name: str
    values: list  # numbers (None: no value)
    color: str | None = None
    links: list | None = None  # one URL (or None) per value
    dashed: bool = False


def _head(width: int, height: int, title: str, desc: str, css: str, *, role: str = "img") -> tuple[str, str]:
    """The <svg> opening: role "img" (a picture named by its title and description), "group" (a map of labelled
    links) or "hidden" (a mouse shortcut whose figures and links the page repeats in a table)."""
    uid = f"chart{next(_ids)}"
    a11y = (
        'aria-hidden="true" focusable="false"'
        if role == "hidden"
        else f'role="{role}" aria-labelledby="{uid}-t {uid}-d"'
    )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {css}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" {a11y} {FONT} '
        f'font-size="12"><title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
    )
    return uid, head


def _role(*link_lists) -> str:
    """ "hidden" when the chart has any link (see the module's docstring), else "img"."""
    return "hidden" if any(href for links in link_lists if links for href in links) else "img"


def _nice_max(value: float) -> float:
    """The axis' top: four equal steps of a round size, whole numbers when the values reach 1 (counts)."""
    if value <= 0:
        return 1
    step = value / 4
    exponent = 10 ** math.floor(math.log10(step))
    for nice in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        candidate = nice * exponent
        if candidate + 1e-9 >= step and (value < 1 or candidate >= 1 and candidate % 1 == 0):
            return 4 * candidate
    return 4 * 10 * exponent


def _link(inner: str, href: str | None, label: str, *, focusable: bool = False) -> str:
    """A mark as a link; out of the tab order unless `focusable` (the page's table has the same link)."""
    if not href:
        return inner
    tab = "" if focusable else ' tabindex="-1"'
    return f'<a href="{escape(href)}" aria-label="{escape(label)}"{tab}>{inner}</a>'


def _axes(width, height, left, top, plot_w, plot_h, top_value, labels, *, percent=False) -> list[str]:
    parts = []
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        text = format_percent(value, 0) if percent else format_number(round(value, 1) if value % 1 else int(value))
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d0d7de" '
            f'stroke-width="1"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">'
            f"{escape(text)}</text>"
        )
    n = max(1, len(labels))
    step = max(1, math.ceil(n / 14))  # at most ~14 labels under the axis
    for i, label in enumerate(labels):
        if i % step:
            continue
        x = left + plot_w * (i + 0.5) / n
        parts.append(
            f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#333" '
            f'font-size="11">{escape(label)}</text>'
        )
    parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#333"/>')
    return parts


def _legend(series: list[Series], x: int, y: int) -> list[str]:
    parts, offset = [], 0
    for i, s in enumerate(series):
        color = s.color or SERIES[i % len(SERIES)]
        dash = ' stroke-dasharray="4 3"' if s.dashed else ""
        parts.append(
            f'<rect x="{x + offset}" y="{y - 9}" width="12" height="10" fill="{color}"{dash} '
            f'stroke="#333" stroke-width="0.5"/><text x="{x + offset + 16}" y="{y}" fill="#222">'
            f"{escape(s.name)}</text>"
        )
        offset += 28 + 7 * len(s.name)
    return parts


def bar_chart(
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    *,
    width: int = 720,
    height: int = 260,
    percent: bool = False,
) -> Markup:
    """Grouped vertical bars: one group per label, one bar per series (e.g. this period and the previous)."""
    uid, head = _head(width, height, title, desc, "bars", role=_role(*(s.links for s in series)))
    left, top, right, bottom = 52, 28, 12, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = 1.0 if percent else _nice_max(max((v or 0 for s in series for v in s.values), default=0))
    parts = [
        head,
        *_legend(series, left, 16),
        *_axes(width, height, left, top, plot_w, plot_h, top_value, labels, percent=percent),
    ]
    n, k = max(1, len(labels)), max(1, len(series))
    group_w = plot_w / n
    bar_w = max(2.0, group_w * 0.8 / k)
    for si, s in enumerate(series):
        color = s.color or SERIES[si % len(SERIES)]
        for i, value in enumerate(s.values):
            if value is None:
                continue
            h = plot_h * (value / top_value if top_value else 0)
            x = left + group_w * i + group_w * 0.1 + bar_w * si
            y = top + plot_h - h
            shown = format_percent(value, 0) if percent else format_number(value)
            label = f"{s.name}, {labels[i]}: {shown}"
            bar = (
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{max(h, 0.5):.1f}" fill="{color}" '
                f'stroke="#333" stroke-width="0.4"><title>{escape(label)}</title></rect>'
            )
            if bar_w >= 14 and value:
                bar += (
                    f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" font-size="10" '
                    f'fill="#111">{escape(shown)}</text>'
                )
            parts.append(_link(bar, s.links[i] if s.links else None, label))
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    *,
    width: int = 720,
    height: int = 260,
    percent: bool = False,
) -> Markup:
    """Lines with a dot per value; a dashed series for the previous period."""
    uid, head = _head(width, height, title, desc, "lines", role=_role(*(s.links for s in series)))
    left, top, right, bottom = 52, 28, 12, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = 1.0 if percent else _nice_max(max((v or 0 for s in series for v in s.values), default=0))
    parts = [
        head,
        *_legend(series, left, 16),
        *_axes(width, height, left, top, plot_w, plot_h, top_value, labels, percent=percent),
    ]
    n = max(1, len(labels))
    for si, s in enumerate(series):
        color = s.color or SERIES[si % len(SERIES)]
        points = []
        for i, value in enumerate(s.values):
            if value is None:
                continue
            x = left + plot_w * (i + 0.5) / n
            y = top + plot_h - plot_h * (value / top_value if top_value else 0)
            points.append((i, x, y, value))
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for _, x, y, _ in points)
            dash = ' stroke-dasharray="6 4"' if s.dashed else ""
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for i, x, y, value in points:
            shown = format_percent(value, 0) if percent else format_number(value)
            label = f"{s.name}, {labels[i] if i < len(labels) else i}: {shown}"
            dot = (
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}" stroke="#fff">'
                f"<title>{escape(label)}</title></circle>"
            )
            parts.append(_link(dot, s.links[i] if s.links else None, label))
    parts.append("</svg>")
    return Markup("".join(parts))


def heat_class(value: float, top: float) -> int:
    """The colour class of a value: 0 for nothing, else 1..len(HEAT)-1, the class i holding the values in
    (top·(i-1)/k, top·i/k] (k classes); whole numbers are counted exactly, without rounding errors."""
    if not value or top <= 0:
        return 0
    classes = len(HEAT) - 1
    if isinstance(value, int) and isinstance(top, int):
        index = -(-value * classes // top)
    else:
        index = math.ceil(value / top * classes - 1e-9)
    return min(classes, max(1, index))


def heat_color(value: float, top: float) -> str:
    index = heat_class(value, top)
    return HEAT[index] if index else "#ffffff"


def class_ranges(top: int) -> list[tuple[int, int, int]]:
    """The whole numbers each colour class holds when the largest value is `top`: (class, lowest, highest), empty
    classes left out, so that no two ranges overlap ("1", "2–3", ...)."""
    classes = len(HEAT) - 1
    out = []
    for i in range(1, classes + 1):
        low, high = top * (i - 1) // classes + 1, top * i // classes
        if low <= high:
            out.append((i, low, high))
    return out


def _text_width(text: str, size: float = 12) -> float:
    """Roughly how wide a line of system-ui text is (no font metrics on the server)."""
    return len(text) * size * 0.56


def heat_map(
    title: str,
    desc: str,
    row_labels: list[str],
    col_labels: list[str],
    values: list[list],
    *,
    links: list[list] | None = None,
    cell: int = 34,
    header_height: int = 120,
) -> Markup:
    """Rows x columns of shaded cells with the number written in each (0 left blank). The row labels are written
    in full, the label column as wide as the longest of them."""
    rows, cols = len(row_labels), len(col_labels)
    label_width = int(max((_text_width(label) for label in row_labels), default=0)) + 14
    # The column labels are turned 55° up to the right: room above the cells and past the last column for them.
    reach = max((_text_width(_short(label, 24), 11) for label in col_labels), default=0)
    header_height = max(header_height, int(reach * math.sin(math.radians(55))) + 16)
    width = label_width + cols * cell + max(10, int(reach * math.cos(math.radians(55)) - cell / 2) + 14)
    height = header_height + rows * cell + 10
    uid, head = _head(width, height, title, desc, "heat", role=_role(*(links or [])))
    top = max((v or 0 for row in values for v in row), default=0)
    parts = [head]
    for j, label in enumerate(col_labels):
        x = label_width + j * cell + cell / 2
        parts.append(
            f'<text transform="translate({x + 4:.1f},{header_height - 6}) rotate(-55)" font-size="11" '
            f'fill="#222">{escape(_short(label, 24))}<title>{escape(label)}</title></text>'
        )
    for i, label in enumerate(row_labels):
        y = header_height + i * cell
        parts.append(
            f'<text x="{label_width - 6}" y="{y + cell / 2 + 4:.1f}" text-anchor="end" fill="#222">'
            f"{escape(label)}</text>"
        )
        for j in range(cols):
            value = values[i][j] or 0
            x = label_width + j * cell
            fill = heat_color(value, top)
            text_color = "#fff" if heat_class(value, top) >= 6 else "#111"
            tip = f"{label} × {col_labels[j]}: {format_number(value)}"
            box = (
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" stroke="#c8c8c8">'
                f"<title>{escape(tip)}</title></rect>"
            )
            if value:
                box += (
                    f'<text x="{x + cell / 2}" y="{y + cell / 2 + 4}" text-anchor="middle" font-size="11" '
                    f'fill="{text_color}">{escape(format_number(value))}</text>'
                )
            parts.append(_link(box, links[i][j] if links and value else None, tip))
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    label: str
    value: float | None  # what the colour shows (None: no data)
    size: float = 0  # what the area shows (e.g. reports received)
    href: str | None = None
    text: str = ""  # the tooltip's figures


def point_map(
    title: str,
    desc: str,
    points: list[MapPoint],
    *,
    legend_title: str,
    percent: bool = False,
    width: int = 640,
    height: int = 640,
) -> Markup:
    """Wards as circles at their centroids (equirectangular projection corrected by cos(latitude)), area by
    `size`, colour by `value` (a count, or a rate from 0 to 1 when `percent`); a legend of the colour classes,
    whose ranges never overlap. A ward with a link is a focusable link named by its figures; every ward shows its
    name on hover, and a linked one on keyboard focus too. No base map: the points draw the province."""
    uid, head = _head(width, height, title, desc, "map", role="group")
    located = [p for p in points if p.lat is not None and p.lon is not None]
    parts = [head, f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f6f8fa"/>']
    if not located:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">Không có dữ liệu</text></svg>')
        return Markup("".join(parts))
    lat0 = sum(p.lat for p in located) / len(located)
    kx = math.cos(math.radians(lat0))
    xs = [p.lon * kx for p in located]
    ys = [p.lat for p in located]
    pad, legend_h = 24, 70
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
    scale = min(
        (width - 2 * pad) / max(max(xs) - min(xs), 1e-6),
        (height - 2 * pad - legend_h) / max(max(ys) - min(ys), 1e-6),
        (width - 2 * pad) / span * 2,
    )
    # Colour classes over whole numbers: counts as they are, rates as whole percents (0..100).
    score = (lambda v: None if v is None else round(v * 100)) if percent else (lambda v: v)  # noqa: E731
    top = 100 if percent else max((p.value or 0 for p in located), default=0)
    size_top = max((p.size for p in located), default=0) or 1
    dots = []
    for p in sorted(located, key=lambda q: -q.size):  # small circles drawn last, on top
        x = pad + (p.lon * kx - min(xs)) * scale
        y = pad + (max(ys) - p.lat) * scale
        r = 3 + 11 * math.sqrt(p.size / size_top) if p.size else 3
        value = score(p.value)
        fill = "#ffffff" if value is None else heat_color(value, top) if value else HEAT[0]
        tip = f"{p.label}: {p.text}" if p.text else p.label
        # The name, shown on hover or focus (CSS .map .ward:hover text), on a white halo for contrast.
        anchor = "end" if x > width * 0.7 else "start"
        dx = -(r + 3) if anchor == "end" else r + 3
        name = (
            f'<text class="ward-name" x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="13" '
            f'fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">{escape(p.label)}</text>'
        )
        dot = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" stroke="#444" stroke-width="0.7">'
            f"<title>{escape(tip)}</title></circle>"
        )
        if p.href:
            dots.append(f'<a class="ward" href="{escape(p.href)}" aria-label="{escape(tip)}">{dot}{name}</a>')
        else:  # no reports: its name on hover only; the page's list of wards says the same to everyone
            dots.append(f'<g class="ward" aria-hidden="true">{dot}{name}</g>')
    parts += dots
    # Legend: the colour classes, each with the whole numbers (or percents) it holds.
    y0 = height - legend_h + 18
    parts.append(f'<text x="{pad}" y="{y0}" fill="#222">{escape(legend_title)}</text>')
    unit = "%" if percent else ""
    classes = [(0, 0, 0)] if percent else []
    classes += class_ranges(int(top)) if top else []
    for n, (i, low, high) in enumerate(classes):
        text = f"{format_number(low)}{unit}" if low == high else f"{format_number(low)}–{format_number(high)}{unit}"
        x = pad + n * 66
        parts.append(
            f'<rect x="{x}" y="{y0 + 8}" width="16" height="12" fill="{HEAT[i]}" stroke="#444" '
            f'stroke-width="0.5"/><text x="{x + 20}" y="{y0 + 18}" font-size="10" fill="#222">'
            f"{escape(text)}</text>"
        )
    parts.append(
        f'<text x="{pad}" y="{y0 + 40}" font-size="10" fill="#444">Kích thước vòng tròn: số đơn tiếp nhận; '
        f"vòng trắng: không có đơn.</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))
