"""Build the corpus: N reports, unique texts, fixed seed, split by a hash of the id."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

from .compose import compose

SEED = 20250701
N_REPORTS = 15000
TEST_SHARE = 15  # percent
OUT_PATH = Path(__file__).resolve().parents[1] / "data" / "reports.jsonl"


def split_for(report_id: str) -> str:
    h = int(hashlib.sha256(report_id.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_SHARE else "train"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def build_rows(n: int = N_REPORTS, seed: int = SEED) -> list[dict]:
    rows: list[dict] = []
    seen: set[str] = set()
    attempt = 0
    while len(rows) < n:
        rng = random.Random(f"{seed}:{attempt}")
        attempt += 1
        r = compose(rng)
        k = _key(r.text)
        if k in seen:
            continue
        seen.add(k)
        rid = f"c{len(rows) + 1:05d}"
        rows.append(
            {
                "id": rid,
                "text": r.text,
                "agency": r.agency,
                "ward_code": r.ward_code,
                "category": r.category,
                "escalate": r.escalate,
                "accused": r.accused,
                "split": split_for(rid),
                "style": r.style,
                "place_form": r.place_form,
                "place_role": r.place_role,
            }
        )
    return rows


def write(path: Path = OUT_PATH, rows: list[dict] | None = None) -> Path:
    rows = build_rows() if rows is None else rows
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
