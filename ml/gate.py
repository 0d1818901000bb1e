"""Figures on real wording, and the gate a new model must pass to be published.

The generated corpus's held-out split shares templates with the training rows, so its
figures measure fit to the generator. What counts is real wording:
`ml/data/real/complaints.jsonl` (`ml.dataset.REAL_SET`, paraphrased real complaints;
`ml/data/dev-examples.jsonl` when the real set is absent). Both are evaluation only.

`python -m ml evaluate --real [--model M]` (`run_real`) prints, on the real set, agency
accuracy, category macro-F1 and accuracy, escalation F1, the same on the accented and
the no-diacritics rows, per-class category F1, the keyword baseline (`ml/baselines.py`)
on the same rows, and the model's figures on the generated held-out split beside them.
The accented and no-diacritics rows are different complaints, so it also scores the
accented rows a second time with their diacritics stripped: the typing alone.

The publication gate (`check`, run by `python -m ml train`): a newly trained model
becomes `current` only when, on the real set, it is no worse than the published model:
agency accuracy and category macro-F1 each at least the published value minus 0.01
(about two rows of 170), escalation F1 at least the published value minus 0.02 (the set
has few escalations; one of them moves F1 by several points). A figure the published
model does not have (no escalation in the set) is not compared. `--force` publishes
anyway; corrections folded in with `--with-corrections` pass the same gate. With no
published model (first start of the service) or one this code cannot load, there is
nothing to compare and the new model is published.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ml.baselines import KeywordRouter
from ml.classifier import load_classifier, resolve_artifact
from ml.dataset import DEFAULT_DATA, DEV_EXAMPLES, REAL_SET, load_jsonl, split_rows
from ml.evaluate import full_report, has_diacritics
from ml.normalize import strip_diacritics

GATE_TOLERANCE = {"agency_accuracy": 0.01, "category_macro_f1": 0.01, "escalate_f1": 0.02}
FIGURES = ("agency_accuracy", "category_macro_f1", "category_accuracy", "escalate_f1")


def real_set(path: str | Path | None = None) -> tuple[Path, list[dict]]:
    """The rows the gate and `evaluate --real` use: `path`, else the real set, else the dev examples."""
    p = Path(path) if path is not None else (REAL_SET if REAL_SET.exists() else DEV_EXAMPLES)
    return p, load_jsonl(p)


def figures(model, rows: Sequence[dict]) -> dict:
    """`ml.evaluate.full_report` of `model` (anything with `.predict(texts)`) on `rows`."""
    return full_report(rows, model.predict([r["text"] for r in rows]))


def _ok(v) -> bool:
    return v is not None and v == v  # not None, not NaN


def compare(new: dict, current: dict, tolerance: dict[str, float] = GATE_TOLERANCE) -> list[str]:
    """The figures where `new` falls below `current` by more than the tolerance."""
    worse = []
    for key, tol in tolerance.items():
        if not _ok(current.get(key)):
            continue  # the published model has no such figure (no escalation in the set): nothing to defend
        if not _ok(new.get(key)) or new[key] < current[key] - tol:
            worse.append(key)
    return worse


@dataclass
class GateDecision:
    publish: bool
    reason: str
    set_path: str
    n_rows: int
    new: dict
    current: dict | None = None
    current_version: str | None = None
    worse: list[str] = field(default_factory=list)
    forced: bool = False

    def summary(self) -> dict:
        """What the artifact's metadata keeps of the decision."""
        pick = lambda rep: {k: rep.get(k) for k in FIGURES} if rep else None  # noqa: E731
        return {
            "published": self.publish,
            "forced": self.forced,
            "reason": self.reason,
            "set": self.set_path,
            "rows": self.n_rows,
            "new": pick(self.new),
            "current": pick(self.current),
            "current_version": self.current_version,
            "worse": list(self.worse),
        }


def check(new_model, model_dir: str | Path, force: bool = False, set_path: str | Path | None = None) -> GateDecision:
    """Whether `new_model` may replace the model published in `model_dir` (see the module docstring)."""
    path, rows = real_set(set_path)
    new = figures(new_model, rows)
    common = {"set_path": str(path), "n_rows": len(rows), "new": new, "forced": force}
    try:
        artifact = resolve_artifact(model_dir)
    except FileNotFoundError:
        return GateDecision(True, "no published model yet: nothing to compare", **common)
    try:
        current_model = load_classifier(artifact)
    except Exception as e:  # a pickle this code cannot read fails in many ways; the service could not use it either
        reason = f"the published model {artifact.name} cannot be loaded by this code ({e}): nothing to compare"
        return GateDecision(True, reason, **common)
    current = figures(current_model, rows)
    worse = compare(new, current)
    version = current_model.version
    if not worse:
        reason = f"no worse than the published model {version} on the real set (within the tolerance)"
        return GateDecision(True, reason, current=current, current_version=version, **common)
    reason = f"worse than the published model {version} on: {', '.join(worse)}"
    if force:
        reason += " (published anyway: --force)"
    return GateDecision(force, reason, current=current, current_version=version, worse=worse, **common)


# --------------------------------------------------------------------------- printing


def _f(v) -> str:
    return f"{v:.3f}" if _ok(v) else "  n/a"


def format_decision(d: dict) -> str:
    """The gate's decision (`GateDecision.summary()`) as printed by `python -m ml train`."""
    lines = [
        f"Publication gate on {d['set']} ({d['rows']} rows):",
        f"  {'figure':<20} {'new':>7} {'current':>8}  tolerance",
    ]
    for key in FIGURES:
        tol = GATE_TOLERANCE.get(key)
        cur = d["current"].get(key) if d["current"] else None
        mark = "  WORSE" if key in d["worse"] else ""
        lines.append(f"  {key:<20} {_f(d['new'].get(key)):>7} {_f(cur):>8}  {f'{tol:.2f}' if tol else '-':>9}{mark}")
    lines.append(f"  decision: {'PUBLISHED' if d['published'] else 'NOT PUBLISHED'}: {d['reason']}")
    return "\n".join(lines)


def format_real(reports: dict[str, dict], title: str) -> str:
    names = list(reports)
    w = 46
    lines = [title, f"  {'figure':<{w}}" + "".join(f"{n:>14}" for n in names)]
    for key in FIGURES:
        lines.append(f"  {key:<{w}}" + "".join(f"{_f(reports[n].get(key)):>14}" for n in names))
    for sub in ("accented", "no_diacritics"):
        for key in ("agency_accuracy", "category_macro_f1", "category_accuracy"):
            label = f"{sub} {key} (n={reports[names[0]].get(sub, {}).get('n', 0)})"
            lines.append(f"  {label:<{w}}" + "".join(f"{_f(reports[n].get(sub, {}).get(key)):>14}" for n in names))
    for key in ("agency_accuracy", "category_macro_f1"):
        gaps = []
        for n in names:
            a, p = reports[n].get("accented", {}).get(key), reports[n].get("no_diacritics", {}).get(key)
            gaps.append(_f(a - p) if _ok(a) and _ok(p) else "  n/a")
        lines.append(f"  {'gap accented - no-diacritics ' + key:<{w}}" + "".join(f"{g:>14}" for g in gaps))
    return "\n".join(lines)


def format_category_f1(rep: dict) -> str:
    per = rep["category_per_class"]
    return "  category F1 per class: " + ", ".join(f"{c} {v['f1']:.2f} (n={v['support']})" for c, v in per.items())


def run_real(model_path, data_path: str | Path = DEFAULT_DATA, set_path: str | Path | None = None, out=sys.stdout):
    """`python -m ml evaluate --real`: the model and the keyword baseline on the real set; the held-out split."""
    clf = load_classifier(model_path)
    path, rows = real_set(set_path)
    print(f"Model {clf.version} ({clf.metadata.get('path', '')})", file=out)
    reports = {"model": figures(clf, rows), "keywords": figures(KeywordRouter(), rows)}
    print(format_real(reports, f"Real set {path} ({len(rows)} rows): model vs keyword baseline"), file=out)
    print(format_category_f1(reports["model"]), file=out)
    # the subsets hold different complaints; the same complaints with and without diacritics isolate the typing
    accented = [r for r in rows if has_diacritics(r["text"])]
    stripped = [{**r, "text": strip_diacritics(r["text"])} for r in accented]
    same = {"as written": figures(clf, accented), "stripped": figures(clf, stripped)}
    title = f"\nThe {len(accented)} accented rows as written and with their diacritics stripped (model):"
    print(format_real(same, title).split("\n  accented")[0], file=out)
    _, test = split_rows(load_jsonl(data_path))
    held = figures(clf, test)
    print(format_real({"model": held}, f"\nGenerated held-out split of {data_path} ({len(test)} rows):"), file=out)
    return {"real": reports, "real_accented": same, "heldout": held}
