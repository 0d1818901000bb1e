"""The dashboard's SVG charts: no link inside a role="img" picture, whole labels, legend classes that do not overlap."""

import re

from triage.reporting import charts


def _legend(svg: str) -> list[str]:
    """The texts of the map's legend swatches, left to right."""
    return re.findall(r'<rect x="\d+" y="\d+" width="16" height="12"[^>]*/><text[^>]*>([^<]+)</text>', svg)


def _points(values):
    return [charts.MapPoint(lat=19.8 + i / 100, lon=105.7 + i / 100, label=f"Xã {i}", value=v) for i, v in values]


def test_a_chart_with_links_is_hidden_and_its_links_leave_the_tab_order():
    linked = charts.bar_chart("Tiêu đề", "Mô tả", ["T1", "T2"], [charts.Series("Kỳ này", [3, 4], links=["/a", "/b"])])
    assert 'role="img"' not in linked and 'aria-hidden="true"' in linked
    assert linked.count('tabindex="-1"') == linked.count("<a ") == 2
    plain = charts.line_chart("Tiêu đề", "Mô tả", ["T1", "T2"], [charts.Series("Kỳ này", [3, 4])])
    assert 'role="img"' in plain and "<a " not in plain and "aria-hidden" not in plain
    heat = charts.heat_map("Tiêu đề", "Mô tả", ["Hàng"], ["Cột"], [[2]], links=[["/x"]])
    assert 'role="img"' not in heat and 'aria-hidden="true"' in heat


def test_heat_map_row_labels_are_whole_and_fit():
    label = "Nhũng nhiễu, gây phiền hà trong thủ tục hành chính về đất đai"
    svg = charts.heat_map("Tiêu đề", "Mô tả", [label, "Khác"], ["Cột"], [[1], [2]])
    assert f">{label}</text>" in svg
    x = float(re.search(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="end"', svg).group(1))
    assert x >= charts._text_width(label)  # right-aligned at x: its left end is inside the picture


def test_map_legend_classes_do_not_overlap():
    svg = charts.point_map("Bản đồ", "Mô tả", _points([(0, 1), (1, 2), (2, 3)]), legend_title="Số đơn")
    assert _legend(svg) == ["1", "2", "3"]
    svg = charts.point_map("Bản đồ", "Mô tả", _points([(0, 1), (1, 40)]), legend_title="Số đơn")
    assert _legend(svg) == ["1–5", "6–10", "11–15", "16–20", "21–25", "26–30", "31–35", "36–40"]
    rates = charts.point_map("Bản đồ", "Mô tả", _points([(0, 0.0), (1, 0.5)]), legend_title="Tỷ lệ", percent=True)
    assert _legend(rates) == ["0%", "1–12%", "13–25%", "26–37%", "38–50%", "51–62%", "63–75%", "76–87%", "88–100%"]
    # Every value gets the colour of the class whose range holds it.
    for top in (1, 3, 7, 8, 40, 123):
        for i, low, high in charts.class_ranges(top):
            assert charts.heat_class(low, top) == charts.heat_class(high, top) == i


def test_map_wards_are_named_links_that_show_their_name_on_focus():
    points = [
        charts.MapPoint(19.8, 105.7, "Phường Quảng Phú", 3, size=3, href="/don?ward=16522", text="3 đơn"),
        charts.MapPoint(19.9, 105.8, "Xã Ngọc Lặc", None),
    ]
    svg = charts.point_map("Bản đồ", "Mô tả", points, legend_title="Số đơn")
    assert 'role="group"' in svg and 'role="img"' not in svg
    link = re.search(r'<a class="ward" href="/don\?ward=16522" aria-label="Phường Quảng Phú: 3 đơn">(.*?)</a>', svg)
    assert link and 'class="ward-name"' in link.group(1) and "tabindex" not in link.group(0)
    assert re.search(r'<g class="ward" aria-hidden="true"><circle[^>]*>.*?</circle><text class="ward-name"', svg)


def test_count_axes_step_by_whole_numbers():
    svg = charts.bar_chart("Tiêu đề", "Mô tả", ["T1", "T2"], [charts.Series("Kỳ này", [4, 9])])
    ticks = re.findall(r'<text x="46" y="[\d.]+" text-anchor="end" fill="#333">([^<]+)</text>', svg)
    assert ticks == ["0", "3", "6", "9", "12"]
    assert [charts._nice_max(v) for v in (1, 4, 5, 123)] == [4, 4, 8, 160]


def test_heat_map_has_room_for_its_turned_column_labels():
    label = "UBND Phường Quảng Phú"
    svg = charts.heat_map("Tiêu đề", "Mô tả", ["Hàng"], ["Cột", label], [[1, 2]])
    width = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
    last = float(re.findall(r"translate\(([\d.]+),", svg)[-1])
    assert last + charts._text_width(label, 11) * 0.574 <= width  # cos 55°: how far right the turned text reaches
