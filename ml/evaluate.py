"""Evaluation: the routing targets, for the chosen model and the two baselines.

`python -m ml evaluate FILE.jsonl [--model PATH] [--data CORPUS]` prints per-class
precision/recall/F1 and confusion matrices (agency, category), agency accuracy,
category macro-F1, ward exact accuracy on rows whose gold ward is not null (and the
rate of a ward predicted where the gold is null), escalation precision/recall/F1, the accused
body's accuracy on the escalations found (rows that carry `accused`) and the rate of reports
whose accused head is unsure (`ml.accused`),
expected calibration error of the agency confidence, the same headline figures on the
no-diacritics and accented subsets, and a table chosen-vs-baselines, the baselines
being trained in the same run on the corpus's train split.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np

from ml.baselines import train_baselines
from ml.classifier import default_model_dir, load_classifier
from ml.dataset import load_jsonl
from ml.normalize import strip_diacritics
from ml.prediction import Prediction

TARGETS = {  # the routing targets (docs/taxonomy.md, README "Classifier")
    "agency_accuracy": 0.90,
    "category_macro_f1": 0.80,
    "ward_accuracy": 0.95,
    "escalate_f1": 0.85,
}
MAX_DIACRITICS_GAP = 0.03


def has_diacritics(text: str) -> bool:
    return strip_diacritics(text) != text


# --------------------------------------------------------------------------- metrics


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """ECE: mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    conf = np.asarray(confidence, dtype=float)
    corr = np.asarray(correct, dtype=float)
    if len(conf) == 0:
        return float("nan")
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            ece += m.mean() * abs(corr[m].mean() - conf[m].mean())
    return float(ece)


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    out = {}
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[c] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    return out


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    ix = {c: i for i, c in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        if g in ix and p in ix:
            m[ix[g]][ix[p]] += 1
    return m


def binary_prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def headline(rows: Sequence[dict], preds: Sequence[Prediction]) -> dict:
    """The headline figures on `rows` (gold labels) against `preds`."""
    n = len(rows)
    if n == 0:
        return {"n": 0}
    ga = [r["agency"] for r in rows]
    pa = [p.agency for p in preds]
    gc = [r["category"] for r in rows]
    pc = [p.category for p in preds]
    cats = sorted(set(gc))
    cat_f1 = per_class(gc, pc, cats)
    with_ward = [(r["ward_code"], p.ward_code) for r, p in zip(rows, preds, strict=True) if r.get("ward_code")]
    null_ward = [p.ward_code for r, p in zip(rows, preds, strict=True) if not r.get("ward_code")]
    ge = [bool(r["escalate"]) for r in rows]
    pe = [bool(p.escalate) for p in preds]
    ep, er, ef = binary_prf(ge, pe)
    if not any(ge):  # no positive in the gold: recall and F1 are undefined, not 0
        er = ef = float("nan")
        ep = ep if any(pe) else float("nan")
    correct = [g == p for g, p in zip(ga, pa, strict=True)]
    # the accused body, on the escalations found (gold rows that carry it)
    bodies = [
        (r["accused"], p.accused)
        for r, p in zip(rows, preds, strict=True)
        if r.get("escalate") and p.escalate and "accused" in r
    ]
    return {
        "n": n,
        "agency_accuracy": float(np.mean(correct)),
        "category_macro_f1": float(np.mean([v["f1"] for v in cat_f1.values()])) if cats else float("nan"),
        "category_accuracy": float(np.mean([g == p for g, p in zip(gc, pc, strict=True)])),
        "ward_accuracy": float(np.mean([g == p for g, p in with_ward])) if with_ward else float("nan"),
        "ward_n": len(with_ward),
        "ward_null_fp_rate": float(np.mean([p is not None for p in null_ward])) if null_ward else float("nan"),
        "escalate_precision": ep,
        "escalate_recall": er,
        "escalate_f1": ef,
        "escalate_n": int(sum(ge)),
        "accused_accuracy": float(np.mean([g == p for g, p in bodies])) if bodies else float("nan"),
        "unsure_rate": float(np.mean([getattr(p, "accused_state", "none") == "unsure" for p in preds])),
        "agency_ece": expected_calibration_error([p.confidence for p in preds], correct),
    }


def full_report(rows: Sequence[dict], preds: Sequence[Prediction]) -> dict:
    """Headline figures, per-class reports, confusion matrices and the diacritics subsets."""
    rep = headline(rows, preds)
    ga = [r["agency"] for r in rows]
    pa = [p.agency for p in preds]
    gc = [r["category"] for r in rows]
    pc = [p.category for p in preds]
    a_labels = sorted(set(ga) | set(pa))
    c_labels = sorted(set(gc) | set(pc))
    rep["agency_per_class"] = per_class(ga, pa, a_labels)
    rep["agency_confusion"] = {"labels": a_labels, "matrix": confusion(ga, pa, a_labels)}
    rep["category_per_class"] = per_class(gc, pc, c_labels)
    rep["category_confusion"] = {"labels": c_labels, "matrix": confusion(gc, pc, c_labels)}
    plain_ix = [i for i, r in enumerate(rows) if not has_diacritics(r["text"])]
    acc_ix = [i for i, r in enumerate(rows) if has_diacritics(r["text"])]
    rep["no_diacritics"] = headline([rows[i] for i in plain_ix], [preds[i] for i in plain_ix])
    rep["accented"] = headline([rows[i] for i in acc_ix], [preds[i] for i in acc_ix])
    return rep


def target_checks(rep: dict) -> list[tuple[str, float, str, bool]]:
    """(figure, value, target text, met) for each routing target."""
    out = []
    for k, t in TARGETS.items():
        v = rep.get(k, float("nan"))
        out.append((k, v, f">= {t:.2f}", bool(v == v and v >= t)))
    for k in ("agency_accuracy", "category_macro_f1", "escalate_f1"):
        a, b = rep.get("accented", {}).get(k), rep.get("no_diacritics", {}).get(k)
        if a is not None and b is not None and a == a and b == b:
            gap = a - b
            out.append((f"gap accented-plain {k}", gap, f"<= {MAX_DIACRITICS_GAP:.2f}", gap <= MAX_DIACRITICS_GAP))
    return out


# --------------------------------------------------------------------------- printing

HEADLINE_KEYS = (
    "agency_accuracy",
    "category_macro_f1",
    "ward_accuracy",
    "ward_null_fp_rate",
    "escalate_precision",
    "escalate_recall",
    "escalate_f1",
    "accused_accuracy",
    "unsure_rate",
    "agency_ece",
)


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return "  n/a" if v != v else f"{v:.3f}"
    return str(v)


def format_headline(rep: dict, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(
        f"  rows {rep.get('n', 0)}  (ward-labelled {rep.get('ward_n', 0)}, "
        f"escalate-positive {rep.get('escalate_n', 0)})"
    )
    for k in HEADLINE_KEYS:
        lines.append(f"  {k:<22} {_fmt(rep.get(k))}")
    return "\n".join(lines)


def format_per_class(per: dict, title: str) -> str:
    lines = [title, f"  {'label':<30} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}"]
    for c, v in per.items():
        lines.append(f"  {c:<30} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
    return "\n".join(lines)


def format_confusion(conf: dict, title: str) -> str:
    labels = conf["labels"]
    short = [c[:6] for c in labels]
    lines = [title + "  (rows gold, columns predicted)", "  " + " " * 28 + " ".join(f"{s:>6}" for s in short)]
    for c, row in zip(labels, conf["matrix"], strict=True):
        lines.append(f"  {c:<28}" + " ".join(f"{v:>6}" if v else f"{'.':>6}" for v in row))
    return "\n".join(lines)


def format_subsets(rep: dict) -> str:
    a, p = rep.get("accented", {}), rep.get("no_diacritics", {})
    lines = [
        f"Diacritics subsets: accented {a.get('n', 0)} rows, no-diacritics {p.get('n', 0)} rows",
        f"  {'figure':<22} {'accented':>9} {'no-diac':>9} {'gap':>7}",
    ]
    for k in ("agency_accuracy", "category_macro_f1", "ward_accuracy", "escalate_f1", "agency_ece"):
        va, vp = a.get(k, float("nan")), p.get(k, float("nan"))
        gap = va - vp if va == va and vp == vp else float("nan")
        lines.append(f"  {k:<22} {_fmt(va):>9} {_fmt(vp):>9} {_fmt(gap):>7}")
    return "\n".join(lines)


def format_targets(rep: dict) -> str:
    lines = ["Targets:"]
    for name, v, t, ok in target_checks(rep):
        status = ("MET " if ok else "MISS") if v == v else "n/a "
        lines.append(f"  {status} {name:<40} {_fmt(v):>7}  {t}")
    return "\n".join(lines)


def format_comparison(reports: dict[str, dict]) -> str:
    names = list(reports)
    keys = ("agency_accuracy", "category_macro_f1", "ward_accuracy", "escalate_f1", "agency_ece")
    lines = [
        "Chosen model vs baselines (same rows; baselines trained in this run on the train split):",
        f"  {'figure':<30}" + "".join(f"{n:>16}" for n in names),
    ]
    for k in keys:
        lines.append(f"  {k:<30}" + "".join(f"{_fmt(reports[n].get(k)):>16}" for n in names))
    for sub in ("accented", "no_diacritics"):
        for k in ("agency_accuracy", "category_macro_f1", "escalate_f1"):
            lines.append(
                f"  {sub + ' ' + k:<30}" + "".join(f"{_fmt(reports[n].get(sub, {}).get(k)):>16}" for n in names)
            )
    return "\n".join(lines)


def errors(rows: Sequence[dict], preds: Sequence[Prediction]) -> list[str]:
    out = []
    for r, p in zip(rows, preds, strict=True):
        bad = []
        if p.agency != r["agency"]:
            bad.append(f"agency {p.agency} (gold {r['agency']}, p={p.confidence:.2f})")
        if p.category != r["category"]:
            bad.append(f"category {p.category} (gold {r['category']})")
        if bool(p.escalate) != bool(r["escalate"]):
            bad.append(f"escalate {p.escalate} (gold {r['escalate']}, accused head: {p.accused_state})")
        elif p.escalate and "accused" in r and p.accused != r["accused"]:
            bad.append(f"accused {p.accused} (gold {r['accused']})")
        if r.get("ward_code") and p.ward_code != r["ward_code"]:
            bad.append(f"ward {p.ward_code} (gold {r['ward_code']})")
        elif not r.get("ward_code") and p.ward_code:
            bad.append(f"ward {p.ward_code} (gold null)")
        if bad:
            out.append(f"  {r.get('id', '?')}: " + "; ".join(bad))
    return out


def print_full(rep: dict, out=sys.stdout, title: str = "") -> None:
    print(format_headline(rep, title), file=out)
    print(file=out)
    print(format_per_class(rep["agency_per_class"], "Agency per class:"), file=out)
    print(file=out)
    print(format_confusion(rep["agency_confusion"], "Agency confusion matrix"), file=out)
    print(file=out)
    print(format_per_class(rep["category_per_class"], "Category per class:"), file=out)
    print(file=out)
    print(format_confusion(rep["category_confusion"], "Category confusion matrix"), file=out)
    print(file=out)
    print(format_subsets(rep), file=out)
    print(file=out)
    print(format_targets(rep), file=out)


def run_evaluate(
    file: str,
    model_path: str | None,
    data_path: str,
    with_baselines: bool = True,
    split: str | None = None,
    show_errors: bool = True,
) -> dict:
    rows = load_jsonl(file)
    if split is None and rows and "split" in rows[0]:
        split = "test"  # a corpus file: evaluate on its held-out split only
    if split:
        rows = [r for r in rows if r.get("split") == split]
    clf = load_classifier(model_path or default_model_dir())
    print(f"Model {clf.version} ({clf.metadata.get('path', '')})", file=sys.stderr)
    print(f"Evaluating on {file}{' split=' + split if split else ''}: {len(rows)} rows", flush=True)
    texts = [r["text"] for r in rows]
    preds = clf.predict(texts)
    rep = full_report(rows, preds)
    print_full(rep, title=f"Chosen model {clf.version}:")
    if show_errors:
        errs = errors(rows, preds)
        print(f"\nMisclassified rows ({len(errs)} of {len(rows)}), predicted (gold):")
        print("\n".join(errs[:200]) if errs else "  none")
    reports = {"chosen": rep}
    if with_baselines:
        print("\nTraining the baselines on the train split of", data_path, file=sys.stderr)
        baselines = train_baselines(data_path)
        for name, model in baselines.items():
            bp = model.predict(texts)
            reports[name] = full_report(rows, bp)
        print()
        print(format_comparison(reports))
    return reports
