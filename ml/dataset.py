"""The labelled data: where it lives, how its rows are read and split.

- `reports.jsonl` (DEFAULT_DATA): the synthetic corpus (ml/data/README.md); its
  `split` field separates the train rows from the held-out test rows.
- `dev-examples.jsonl` (DEV_EXAMPLES): hand-written reports for evaluation only.
  Nothing trains on them: `load_rows`, the reader of training data, refuses the file
  (or a copy of it).
- `real/complaints.jsonl` (REAL_SET): paraphrased real complaints (ml/data/real/README.md),
  for evaluation only and refused the same way.
- `adversarial/` (ADVERSARIAL_DIR): texts outside testers wrote to break the classifier
  (ml/data/adversarial/README.md), evaluation only: every file there, or a copy of one, is refused.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_DATA = DATA_DIR / "reports.jsonl"
DEV_EXAMPLES = DATA_DIR / "dev-examples.jsonl"
REAL_SET = DATA_DIR / "real" / "complaints.jsonl"
ADVERSARIAL_DIR = DATA_DIR / "adversarial"
LABELS = ("text", "agency", "category", "escalate")


def load_jsonl(path: str | os.PathLike) -> list[dict]:
    """The JSON objects of a JSON Lines file (blank lines skipped); ValueError naming a bad line."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}: line {n}: invalid JSON ({e.msg})") from None
    return rows


def is_evaluation_data(path: str | os.PathLike) -> bool:
    """True when `path` is an evaluation set (dev examples, real set, a file of the adversarial sets) or a
    byte-for-byte copy of one."""
    if ADVERSARIAL_DIR in Path(path).resolve().parents:
        return True
    return any(_same_file(path, evaluation_set) for evaluation_set in _evaluation_sets())


def _evaluation_sets() -> list[Path]:
    adversarial = sorted(p for p in ADVERSARIAL_DIR.glob("*.jsonl")) if ADVERSARIAL_DIR.is_dir() else []
    return [DEV_EXAMPLES, REAL_SET, *adversarial]


def _same_file(path: str | os.PathLike, reference: Path) -> bool:
    p = Path(path)
    if not reference.exists() or not p.exists():
        return False
    if os.path.samefile(p, reference):
        return True
    return p.stat().st_size == reference.stat().st_size and p.read_bytes() == reference.read_bytes()


def refuse_evaluation_data(path: str | os.PathLike) -> None:
    if is_evaluation_data(path):
        raise ValueError(f"{path} holds an evaluation set, which is for evaluation only: never train on it")


def load_rows(path: str | os.PathLike) -> list[dict]:
    """Labelled corpus rows to train on (both splits); refuses the evaluation-only dev examples."""
    refuse_evaluation_data(path)
    rows = load_jsonl(path)
    for i, r in enumerate(rows, 1):
        missing = [k for k in LABELS if k not in r]
        if missing:
            raise ValueError(f"{path}: row {i} lacks {missing}")
    return rows


def split_rows(rows: Sequence[dict]) -> tuple[list[dict], list[dict]]:
    """(train, test): rows without a `split` field are train rows."""
    train = [r for r in rows if r.get("split", "train") == "train"]
    test = [r for r in rows if r.get("split") == "test"]
    return train, test
