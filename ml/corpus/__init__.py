"""Deterministic generator of the labelled training corpus (ml/data/reports.jsonl).

`python -m ml.corpus build` writes the corpus; see ml/data/README.md.
"""

from .build import OUT_PATH, SEED, build_rows, split_for, write

__all__ = ["OUT_PATH", "SEED", "build_rows", "split_for", "write"]
