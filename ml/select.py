"""Model selection by cross-validation INSIDE the train split (`python -m ml select`).

The held-out test split and ml/data/dev-examples.jsonl are never read here. Every
fold's validation rows are scored as written and again with their diacritics stripped
(the "plain" columns), which measures how well a configuration survives unaccented
input. Texts are segmented once (DocCache) and shared by all configurations.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

import numpy as np

from ml.dataset import load_rows, split_rows
from ml.evaluate import headline
from ml.normalize import strip_diacritics
from ml.train import DEFAULT_SETTINGS, DocCache, fit_classifier

FEATURE_SETS = {
    "word": ["word", "word_plain"],
    "syl": ["syl"],
    "char": ["char"],
    "word+syl": ["word", "word_plain", "syl"],
    "word (accented only)+syl": ["word", "syl"],
    "syl+char": ["syl", "char"],
    "word+char": ["word", "word_plain", "char"],
    "combined": ["word", "word_plain", "syl", "char"],
}
MODELS = {
    "lr C=10": {"model": "lr", "C": 10.0},
    "svc+sigmoid C=0.5": {"model": "svc_sigmoid", "C": 0.5},
    "svc+sigmoid C=0.2": {"model": "svc_sigmoid", "C": 0.2},
    "svc+isotonic C=0.5": {"model": "svc_isotonic", "C": 0.5},
    "sgd+sigmoid": {"model": "sgd", "C": 1.0},
}
ESCALATION = {
    "rule only": {"escalate_mode": "rule"},
    "model, text only": {"escalate_mode": "model", "rule_features": False},
    "model + rule features": {"escalate_mode": "model", "rule_features": True},
    "rule AND model": {"escalate_mode": "rule_and_model", "rule_features": True},
    "rule OR model": {"escalate_mode": "rule_or_model", "rule_features": True},
    "model + rule features, balanced": {"escalate_mode": "model", "rule_features": True, "escalate_balanced": True},
    "model + rule features, agency head on all rows": {
        "escalate_mode": "model",
        "rule_features": True,
        "agency_scope": "all",
    },
}


def _folds(rows: Sequence[dict], k: int, seed: int = 7) -> list[np.ndarray]:
    """Folds stratified by agency (deterministic)."""
    rng = np.random.default_rng(seed)
    by: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by.setdefault(r["agency"], []).append(i)
    assign = np.zeros(len(rows), dtype=int)
    for idx in by.values():
        idx = list(rng.permutation(idx))
        for j, i in enumerate(idx):
            assign[i] = j % k
    return [np.where(assign == f)[0] for f in range(k)]


def cross_validate(rows: Sequence[dict], settings: dict, k: int, cache: DocCache) -> dict:
    folds = _folds(rows, k)
    accum: dict[str, list[float]] = {}
    t0 = time.time()
    for f in range(k):
        va = folds[f]
        tr = np.concatenate([folds[g] for g in range(k) if g != f])
        clf = fit_classifier([rows[i] for i in tr], settings, cache=cache)
        vrows = [rows[i] for i in va]
        texts = [r["text"] for r in vrows]
        preds = clf.predict_docs(cache.get_many(texts), texts, wards=[None] * len(texts))
        h = headline(vrows, preds)
        ptexts = [strip_diacritics(t) for t in texts]
        ph = headline(vrows, clf.predict_docs(cache.get_many(ptexts), ptexts, wards=[None] * len(texts)))
        for key, val in (
            ("agency", h["agency_accuracy"]),
            ("category", h["category_macro_f1"]),
            ("escalate", h["escalate_f1"]),
            ("ece", h["agency_ece"]),
            ("agency_plain", ph["agency_accuracy"]),
            ("category_plain", ph["category_macro_f1"]),
            ("escalate_plain", ph["escalate_f1"]),
        ):
            accum.setdefault(key, []).append(val)
    out = {k2: float(np.mean(v)) for k2, v in accum.items()}
    out["agency_sd"] = float(np.std(accum["agency"], ddof=1)) if k > 1 else 0.0
    out["seconds_per_fit"] = (time.time() - t0) / k
    return out


HEADER = ("config", "agency (sd)", "cat-F1", "esc-F1", "ECE", "agency plain", "cat-F1 plain", "esc-F1 plain", "s/fit")


def _row(name: str, m: dict) -> str:
    return (
        f"| {name} | {m['agency']:.3f} ({m['agency_sd']:.3f}) | {m['category']:.3f} | {m['escalate']:.3f} | "
        f"{m['ece']:.3f} | "
        f"{m['agency_plain']:.3f} | {m['category_plain']:.3f} | {m['escalate_plain']:.3f} | "
        f"{m['seconds_per_fit']:.1f} |"
    )


def _table(title: str, results: dict[str, dict]) -> str:
    lines = [f"\n{title}\n", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += [_row(n, m) for n, m in results.items()]
    return "\n".join(lines)


def run_selection(
    data_path, folds: int = 4, stage: str = "all", max_rows: int | None = None, base: dict | None = None
) -> dict:
    train, _ = split_rows(load_rows(data_path))
    if max_rows:
        train = train[:max_rows]
    print(f"Model selection: {folds}-fold CV on the train split ({len(train)} rows)", flush=True)
    cache = DocCache()
    texts = [r["text"] for r in train]
    cache.get_many(texts + [strip_diacritics(t) for t in texts], progress=True)
    base = {**DEFAULT_SETTINGS, **(base or {})}
    results: dict[str, dict] = {}

    def run(title, grid, fixed):
        res = {}
        for name, over in grid.items():
            s = {**base, **fixed, **over}
            res[name] = cross_validate(train, s, folds, cache)
            print(_row(name, res[name]), file=sys.stderr, flush=True)
        print(_table(title, res), flush=True)
        return res

    stages = set(stage.split(",")) if stage != "all" else {"features", "augment", "models", "escalation"}
    if "features" in stages:
        results["features"] = run(
            "Feature blocks (other settings as DEFAULT_SETTINGS)",
            {k: {"blocks": v} for k, v in FEATURE_SETS.items()},
            {},
        )
    if "augment" in stages:
        results["augment"] = run(
            "Diacritics-stripped training copies (chosen blocks, rule escalation for speed)",
            {"with plain copies": {"augment_plain": True}, "without": {"augment_plain": False}},
            {"escalate_mode": "rule"},
        )
    if "models" in stages:
        results["models"] = run(
            "Linear models (chosen blocks, rule escalation for speed)", MODELS, {"escalate_mode": "rule"}
        )
    if "escalation" in stages:
        results["escalation"] = run("Escalation: rules, model, combinations (chosen blocks and model)", ESCALATION, {})
    return results
