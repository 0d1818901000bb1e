"""Benchmark of official documents: milliseconds to compose and render one document, against a baseline.

    .venv/bin/python bench/documents_bench.py [--reps 15]

- per DocumentKind: `compose` + `render` of a document of a commune (facts of every key), median of `--reps`;
- baselines measured in the same run: a one-line A4 page in fpdf2's built-in Helvetica (no font file), and the
  same page in DejaVu Serif (one TrueType font parsed and subset), so the ratio shows what the document itself
  costs beyond fpdf2's fixed cost;
- the size of each document's PDF.

Each figure is the median of the repetitions, timed with time.perf_counter; nothing touches a database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fpdf import FPDF

from core.models import Report, Unit
from core.vocabulary import DocumentKind
from triage.documents.pdf import FONT_DIR, render
from triage.documents.texts import OPTIONAL, REQUIRED, compose

FACTS = {
    "received_on": date(2026, 12, 1),
    "due_on": date(2027, 1, 15),
    "ground": "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng",
    "reason": "Cần chờ kết quả giám định của cơ quan chuyên môn",
    "body": "Ủy ban nhân dân tỉnh Nghệ An",
    "guidance": "Gửi đơn kèm bản sao giấy tờ có liên quan đến Bộ phận tiếp công dân của cơ quan đó",
    "withdrawn_on": date(2026, 12, 2),
    "continued": False,
    "stage_label": "giải quyết",
    "response": "Giữ nguyên Quyết định số 45/QĐ-UBND về việc thu hồi đất",
    "findings": "Cán bộ địa chính đã trả hồ sơ chậm 20 ngày làm việc so với giấy hẹn",
    "outcome": "Nội dung tố cáo là đúng một phần",
}


def one_line(ttf: bool) -> bytes:
    pdf = FPDF(format="A4")
    if ttf:
        pdf.add_font("DejaVuSerif", "", FONT_DIR / "DejaVuSerif.ttf")
        pdf.set_font("DejaVuSerif", size=13)
    else:
        pdf.set_font("Helvetica", size=13)
    pdf.add_page()
    pdf.cell(text="Thong bao" if not ttf else "Thông báo")
    return bytes(pdf.output())


def median_ms(fn, reps: int) -> float:
    fn()  # warm up: imports, caches
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=15)
    args = parser.parse_args()
    unit = Unit(code="16522", name="UBND Phường Quảng Phú", division="phường", agency="xa", ward_code="16522")
    report = Report(
        tracking_code="TH-7K3M-9QXA",
        kind="khieu-nai",
        track="khieu-nai",
        reporter_name="Hoàng Văn Em",
        received_at=datetime(2026, 12, 1, 2, 0, tzinfo=UTC),
        instance=1,
    )
    core_ms = median_ms(lambda: one_line(False), args.reps)
    ttf_ms = median_ms(lambda: one_line(True), args.reps)
    print(f"baseline, one-line page, Helvetica:    {core_ms:7.1f} ms")
    print(f"baseline, one-line page, DejaVu Serif: {ttf_ms:7.1f} ms")
    print(f"{'kind':28} {'ms/doc':>8} {'x Helvetica':>12} {'x DejaVu':>9} {'bytes':>8}")
    all_ms = []
    for kind in DocumentKind:
        facts = {key: FACTS[key] for key in REQUIRED[kind] + OPTIONAL[kind]}

        def document(kind=kind, facts=facts) -> bytes:
            content = compose(
                kind, report=report, unit=unit, facts=facts, number=12, issued_on=date(2026, 12, 3), signer_name="A"
            )
            return render(content)

        ms = median_ms(document, args.reps)
        all_ms.append(ms)
        print(f"{kind.value:28} {ms:8.1f} {ms / core_ms:12.1f} {ms / ttf_ms:9.2f} {len(document()):8,}")
    overall = statistics.median(all_ms)
    print(f"{'median over the kinds':28} {overall:8.1f} {overall / core_ms:12.1f} {overall / ttf_ms:9.2f}")


if __name__ == "__main__":
    main()
