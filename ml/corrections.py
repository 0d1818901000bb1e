"""Corrections: labelled examples produced when an inspector reroutes a report.

A corrections file is JSON Lines with the corpus's label fields:

    {"text": "...", "agency": "xa", "ward_code": "15061", "category": "doi-tien",
     "escalate": false, "source": "reroute:report-1234"}

`python -m ml train --with-corrections [FILE]` (FILE defaults to env
`ML_CORRECTIONS`, else `instance/corrections.jsonl`) adds them to the TRAIN split only,
each with weight `--corrections-weight` (default 2.0), and records their number and
hash in the artifact's metadata. `append_correction` is what the reroute button uses.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ml.taxonomy import Agency, Category

FIELDS = ("text", "agency", "ward_code", "category", "escalate")
_AGENCIES = {a.value for a in Agency}
_CATEGORIES = {c.value for c in Category}


class CorrectionError(ValueError):
    pass


def default_corrections_path() -> Path:
    return Path(os.environ.get("ML_CORRECTIONS") or Path.cwd() / "instance" / "corrections.jsonl")


def validate(example: dict, where: str = "correction") -> dict:
    """The example with only the known fields, or CorrectionError naming what is wrong."""
    if not isinstance(example, dict):
        raise CorrectionError(f"{where}: not a JSON object")
    text = example.get("text")
    if not isinstance(text, str) or not text.strip():
        raise CorrectionError(f"{where}: 'text' must be a non-empty string")
    if example.get("agency") not in _AGENCIES:
        raise CorrectionError(f"{where}: unknown agency {example.get('agency')!r}")
    if example.get("category") not in _CATEGORIES:
        raise CorrectionError(f"{where}: unknown category {example.get('category')!r}")
    ward = example.get("ward_code")
    if ward is not None and not (isinstance(ward, str) and len(ward) == 5 and ward.isdigit()):
        raise CorrectionError(f"{where}: ward_code must be null or a 5-digit string, got {ward!r}")
    esc = example.get("escalate", False)
    if not isinstance(esc, bool):
        raise CorrectionError(f"{where}: escalate must be true or false")
    out = {
        "text": text,
        "agency": example["agency"],
        "ward_code": ward,
        "category": example["category"],
        "escalate": esc,
    }
    if example.get("source") is not None:
        out["source"] = str(example["source"])
    if example.get("id") is not None:
        out["id"] = str(example["id"])
    return out


def load_corrections(path: str | os.PathLike) -> list[dict]:
    """Validated corrections of a JSONL file; a later line with the same text replaces an earlier one."""
    by_text: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise CorrectionError(f"{path}: line {n}: invalid JSON ({e.msg})") from None
            ex = validate(obj, f"{path}: line {n}")
            ex["split"] = "train"
            by_text[ex["text"]] = ex
    return list(by_text.values())


def append_correction(path: str | os.PathLike, example: dict) -> dict:
    """Validate and append one correction (one write call of one line, so concurrent appends do not interleave)."""
    ex = validate(example)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (json.dumps(ex, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)
    return ex
