"""Training: fit the classifier on the corpus's train split, measure it on the held-out split, publish it.

`python -m ml train [--data ml/data/reports.jsonl] [--out DIR] [--with-corrections [FILE]] [--force]`

A trained model is written to DIR, but becomes `current` only when it passes the
publication gate (`ml/gate.py`): on the real-text set it must be no worse than the model
published now (agency accuracy and category macro-F1 within 0.01, escalation F1 within
0.02). Both sets of figures and the decision are printed; a refused model stays in DIR,
unpublished, and the command exits with status 3. `--force` publishes it anyway. With no
published model yet (first start of the service) there is nothing to compare: it is published.

The held-out split (`split == "test"`) is never used for fitting or for choosing
settings; settings (DEFAULT_SETTINGS) were chosen by cross-validation inside the train
split (`python -m ml select`, figures in BENCHMARKS.md). The escalation threshold is
re-chosen at every training run from out-of-fold predictions on the train split.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ml.classifier import Classifier, LinearHead, default_model_dir, publish
from ml.corrections import load_corrections
from ml.dataset import DEFAULT_DATA, load_rows, refuse_evaluation_data, split_rows
from ml.escalation import RULE_FEATURES, rule_features
from ml.evaluate import format_headline, format_subsets, format_targets, full_report
from ml.features import WORD_BLOCKS, Doc, FeatureBuilder, analyze, with_dense
from ml.gate import GateDecision, format_decision
from ml.gate import check as gate_check
from ml.normalize import strip_diacritics
from ml.taxonomy import Agency, Category
from ml.versions import installed_versions

ML_DIR = Path(__file__).resolve().parent

DEFAULT_SETTINGS: dict = {
    "blocks": ["syl"],  # feature blocks (ml.features); chosen by CV, see BENCHMARKS.md
    "min_df": 3,  # n-grams of 3+ training texts: on the real set as good as 2, half the features (BENCHMARKS.md)
    "model": "svc_sigmoid",  # agency and category heads
    "C": 0.5,
    "calibration_folds": 3,
    "augment_plain": True,  # also train on a diacritics-stripped copy of every accented text (CV: BENCHMARKS.md)
    "escalate_mode": "model",  # rule | model | rule_and_model | rule_or_model
    "rule_features": True,  # escalation model sees the rule features
    "rule_weight": 1.0,
    "escalate_C": 4.0,
    "escalate_threshold": "cv",  # "cv": chosen from out-of-fold F1 on train; or a number
    "escalate_balanced": False,  # class_weight="balanced" for the escalation head
    "agency_scope": "non_escalated",  # agency head fitted on non-escalated reports (see fit_classifier)
    "ttt_needs_escalate": False,
    "corrections_weight": 2.0,
    "seed": 13,
}


# --------------------------------------------------------------------------- data


def sha256_file(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def code_version() -> str:
    """git describe (or the package version) + a hash of the ml/*.py sources."""
    h = hashlib.sha256()
    for p in sorted(ML_DIR.glob("*.py")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    src = h.hexdigest()[:12]
    try:
        desc = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ML_DIR, capture_output=True, text=True, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        desc = ""
    if not desc:
        try:
            desc = "v" + metadata.version("thanhhoa-phan-anh")
        except metadata.PackageNotFoundError:  # the project is not installed: no package version to report
            desc = "unknown"
    return f"{desc}+ml.{src}"


# --------------------------------------------------------------------------- heads


def make_head(settings: dict):
    from sklearn.calibration import CalibratedClassifierCV  # lazy: scikit-learn only to fit
    from sklearn.linear_model import LogisticRegression, SGDClassifier  # lazy: scikit-learn only to fit
    from sklearn.svm import LinearSVC  # lazy: scikit-learn only to fit

    kind, C, seed = settings["model"], settings["C"], settings.get("seed", 0)
    if kind == "lr":
        return LogisticRegression(C=C, max_iter=3000)
    if kind in ("svc_sigmoid", "svc_isotonic"):
        # ensemble=False: calibrators fitted on cross-validated scores, ONE LinearSVC fitted on all rows
        # (a third of the prediction cost of the default ensemble of one SVC per fold)
        return CalibratedClassifierCV(
            LinearSVC(C=C, random_state=seed),
            method=kind.split("_")[1],
            cv=settings.get("calibration_folds", 3),
            ensemble=False,
        )
    if kind == "sgd":
        return CalibratedClassifierCV(
            SGDClassifier(loss="modified_huber", alpha=1e-4 / max(C, 1e-6), random_state=seed, max_iter=50, tol=None),
            method="sigmoid",
            cv=settings.get("calibration_folds", 3),
        )
    raise ValueError(f"unknown model {kind!r}")


def compile_head(est, X_check=None):
    """The fitted estimator as a numpy-only LinearHead when its form allows, else the estimator itself.

    With `X_check`, the compiled head must reproduce the estimator's probabilities (else it is not used).
    """
    from sklearn.calibration import CalibratedClassifierCV, _SigmoidCalibration  # lazy: scikit-learn only to fit
    from sklearn.linear_model import LogisticRegression  # lazy: scikit-learn only to fit

    head = None
    if isinstance(est, LogisticRegression):
        coef, icpt = est.coef_, est.intercept_
        head = LinearHead("logistic", est.classes_, coef, icpt)
    elif (
        isinstance(est, CalibratedClassifierCV)
        and len(est.calibrated_classifiers_) == 1
        and all(isinstance(c, _SigmoidCalibration) for c in est.calibrated_classifiers_[0].calibrators)
    ):
        cc = est.calibrated_classifiers_[0]
        base = cc.estimator
        if list(base.classes_) == list(est.classes_) and hasattr(base, "coef_"):
            kind = "binary_sigmoid" if len(est.classes_) == 2 else "ovr_sigmoid"
            head = LinearHead(
                kind,
                est.classes_,
                base.coef_,
                base.intercept_,
                a=[c.a_ for c in cc.calibrators],
                b=[c.b_ for c in cc.calibrators],
            )
    if head is None:
        return est
    if X_check is not None:
        ref = est.predict_proba(X_check)
        if not np.allclose(head.predict_proba(X_check), ref, atol=1e-4):
            return est
    return head


def make_escalate_head(settings: dict):
    from sklearn.linear_model import LogisticRegression  # lazy: scikit-learn only to fit

    return LogisticRegression(
        C=settings.get("escalate_C", 4.0),
        solver="liblinear",
        class_weight="balanced" if settings.get("escalate_balanced", False) else None,
    )


def escalate_matrix(X, docs: Sequence[Doc], settings: dict):
    if not settings.get("rule_features", True):
        return X
    return with_dense(X, rule_features([d.plain for d in docs]), settings.get("rule_weight", 1.0))


def choose_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The probability threshold maximising F1 on out-of-fold predictions."""
    best_t, best_f = 0.5, -1.0
    for t in np.linspace(0.05, 0.95, 91):
        pred = p >= t
        tp = float(np.sum(pred & y))
        fp = float(np.sum(pred & ~y))
        fn = float(np.sum(~pred & y))
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best_f + 1e-9:
            best_t, best_f = float(t), f
    return best_t


# --------------------------------------------------------------------------- fitting


class DocCache:
    """Memoises `analyze` by text, so model selection segments every text once."""

    def __init__(self, words: bool = True):
        self.words = words  # segment (only needed by the word feature blocks)
        self.docs: dict[str, Doc] = {}

    def get_many(self, texts: Sequence[str], progress: bool = False, desc: str = "segmenting") -> list[Doc]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.docs]
        if todo:
            it = todo
            if progress:
                it = tqdm(todo, desc=desc, unit="text", file=sys.stderr)
            for t in it:
                self.docs[t] = analyze(t, words=self.words)
        return [self.docs[t] for t in texts]


def _plain_copy(text: str) -> str | None:
    s = strip_diacritics(text)
    return s if s != text else None


def training_set(
    rows: Sequence[dict], settings: dict, weights: Sequence[float] | None = None
) -> tuple[list[str], list[dict], np.ndarray]:
    """Texts, label rows and sample weights, with diacritics-stripped copies when `augment_plain`."""
    texts, labels, w = [], [], []
    weights = weights if weights is not None else [1.0] * len(rows)
    for r, wt in zip(rows, weights, strict=True):
        texts.append(r["text"])
        labels.append(r)
        w.append(wt)
        if settings.get("augment_plain"):
            p = _plain_copy(r["text"])
            if p is not None:
                texts.append(p)
                labels.append(r)
                w.append(wt)
    return texts, labels, np.asarray(w, dtype=float)


def fit_classifier(
    rows: Sequence[dict],
    settings: dict | None = None,
    weights: Sequence[float] | None = None,
    cache: DocCache | None = None,
    progress: bool = False,
    step: Callable[[str], None] | None = None,
) -> Classifier:
    """Fit features and the three heads on labelled rows; returns a Classifier without metadata."""
    settings = {**DEFAULT_SETTINGS, **(settings or {})}
    cache = cache or DocCache(words=bool(WORD_BLOCKS & set(settings["blocks"])))
    step = step or (lambda _name: None)
    texts, labels, w = training_set(rows, settings, weights)
    docs = cache.get_many(texts, progress=progress)
    step("segmentation")
    features = FeatureBuilder(settings["blocks"], min_df=settings["min_df"])
    X = features.fit_transform(docs)
    step("features")
    ya = np.array([r["agency"] for r in labels])
    yc = np.array([r["category"] for r in labels])
    ye = np.array([bool(r["escalate"]) for r in labels])
    if settings.get("agency_scope") == "non_escalated" and ye.any():
        # escalated reports are labelled thanh-tra-tinh whatever body they concern: the agency head learns
        # the bodies from the others, the escalation head decides thanh-tra-tinh for accused heads
        keep = ~ye
        agency = make_head(settings).fit(X[keep], ya[keep], sample_weight=w[keep])
    else:
        agency = make_head(settings).fit(X, ya, sample_weight=w)
    step("agency head")
    category = make_head(settings).fit(X, yc, sample_weight=w)
    step("category head")
    esc_model = None
    resolved = dict(settings)
    if settings["escalate_mode"] != "rule" and ye.any() and not ye.all():
        Xe = escalate_matrix(X, docs, settings)
        if settings.get("escalate_threshold") == "cv":
            resolved["escalate_threshold"] = _cv_threshold(Xe, ye, w, labels, settings)
        esc_model = make_escalate_head(settings).fit(Xe, ye, sample_weight=w)
    elif settings["escalate_mode"] != "rule":
        resolved["escalate_mode"] = "rule"
    if resolved.get("escalate_threshold") == "cv":
        resolved["escalate_threshold"] = 0.5
    step("escalation head")
    if settings.get("compile_heads", True):  # numpy-only heads: no scikit-learn import when serving
        check = X[: min(200, X.shape[0])]
        agency, category = compile_head(agency, check), compile_head(category, check)
        if esc_model is not None:
            esc_model = compile_head(esc_model, escalate_matrix(check, docs[: check.shape[0]], settings))
    return Classifier(
        features=features, agency_model=agency, category_model=category, escalate_model=esc_model, settings=resolved
    )


def _cv_threshold(Xe, ye: np.ndarray, w: np.ndarray, labels: Sequence[dict], settings: dict, folds: int = 3) -> float:
    """Escalation threshold from out-of-fold probabilities (folds grouped by original report)."""
    from sklearn.model_selection import GroupKFold  # lazy: scikit-learn only to fit

    first: dict[int, int] = {}  # a report and its diacritics-stripped copy share a group (deterministic ids)
    groups = np.array([first.setdefault(id(r), len(first)) for r in labels])
    oof = np.zeros(len(ye))
    for tr, va in GroupKFold(n_splits=folds).split(Xe, ye, groups):
        m = make_escalate_head(settings).fit(Xe[tr], ye[tr], sample_weight=w[tr])
        oof[va] = m.predict_proba(Xe[va])[:, list(m.classes_).index(True)]
    return choose_threshold(ye, oof)


# --------------------------------------------------------------------------- the train command


def make_version(data_hash: str, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now.strftime('%Y%m%dT%H%M%SZ')}-{data_hash[:8]}"


def train_and_publish(
    data_path: str | os.PathLike = DEFAULT_DATA,
    out_dir: str | os.PathLike | None = None,
    corrections_path: str | os.PathLike | None = None,
    settings: dict | None = None,
    max_rows: int | None = None,
    progress: bool = True,
    evaluate_test: bool = True,
    corrections_weight: float | None = None,
    force: bool = False,
    gate: bool = True,
) -> tuple[Classifier, Path, dict]:
    """Train on the train split (+ corrections), measure on the test split, write the artifact and publish it
    when it passes the gate (`ml.gate.check`; `force`: publish anyway; `gate=False`: no gate at all).
    `metrics["gate"]` holds the decision."""
    import joblib  # lazy: importing this module must not load joblib

    refuse_evaluation_data(data_path)
    if corrections_path is not None:
        refuse_evaluation_data(corrections_path)
    t0 = time.time()
    settings = {**DEFAULT_SETTINGS, **(settings or {})}
    if corrections_weight is not None:
        settings["corrections_weight"] = corrections_weight
    out_dir = Path(out_dir) if out_dir is not None else default_model_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = load_rows(data_path)
    train, test = split_rows(rows)
    if max_rows is not None:  # a small, fast model (tests): a stratified-ish deterministic subsample
        rng = np.random.default_rng(settings["seed"])
        idx = rng.permutation(len(train))[:max_rows]
        train = [train[i] for i in sorted(idx)]
        test = test[: max(1, max_rows // 4)]
    data_hash = sha256_file(data_path)
    corrections, corr_hash = [], None
    if corrections_path is not None and Path(corrections_path).exists():
        corrections = load_corrections(corrections_path)
        corr_hash = sha256_file(corrections_path)
    fit_rows = train + corrections
    weights = [1.0] * len(train) + [float(settings["corrections_weight"])] * len(corrections)

    cache = DocCache(words=bool(WORD_BLOCKS & set(settings["blocks"])))
    texts, _, _ = training_set(fit_rows, settings, weights)
    cache.get_many(
        texts + [r["text"] for r in test] if evaluate_test else texts,
        progress=progress,
        desc="analysing (train + held-out)",
    )
    steps = ["segmentation", "features", "agency head", "category head", "escalation head"]
    bar = tqdm(
        total=len(steps) + (1 if evaluate_test and test else 0),
        desc="training",
        unit="step",
        file=sys.stderr,
        disable=not progress,
    )

    def step(name):
        bar.set_postfix_str(name)
        bar.update(1)

    clf = fit_classifier(fit_rows, settings, weights=weights, cache=cache, step=step)
    train_seconds = time.time() - t0
    metrics: dict = {}
    if evaluate_test and test:
        test_texts = [r["text"] for r in test]
        preds = clf.predict_docs(cache.get_many(test_texts), test_texts)
        rep = full_report(test, preds)
        metrics = {
            "test": {k: v for k, v in rep.items() if not isinstance(v, dict)},
            "test_no_diacritics": rep["no_diacritics"],
            "test_accented": rep["accented"],
            "test_agency_per_class": rep["agency_per_class"],
            "test_category_per_class": rep["category_per_class"],
        }
        step("held-out evaluation")
    bar.close()

    combined_hash = data_hash if corr_hash is None else hashlib.sha256((data_hash + corr_hash).encode()).hexdigest()
    version = make_version(combined_hash)
    name = f"classifier-{version}.joblib"
    clf.metadata = {
        "version": version,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data_path": str(data_path),
        "data_sha256": data_hash,
        "corrections_path": str(corrections_path) if corrections else None,
        "corrections_sha256": corr_hash,
        "n_corrections": len(corrections),
        "corrections_weight": settings["corrections_weight"] if corrections else None,
        "n_train": len(train),
        "n_test": len(test),
        "code_version": code_version(),
        "library_versions": installed_versions(),
        "settings": clf.settings,
        "agency_labels": [str(c) for c in clf.agency_model.classes_],
        "category_labels": [str(c) for c in clf.category_model.classes_],
        "taxonomy_agencies": [a.value for a in Agency],
        "taxonomy_categories": [c.value for c in Category],
        "rule_features": list(RULE_FEATURES),
        "n_features": clf.features.n_features,
        "metrics": metrics,
        "train_seconds": round(train_seconds, 1),
    }
    decision: GateDecision | None = gate_check(clf, out_dir, force=force) if gate else None
    if decision is not None:
        metrics["gate"] = decision.summary()
        clf.metadata["gate"] = metrics["gate"]
    tmp = out_dir / f".{name}.tmp"
    joblib.dump(clf, tmp, compress=0)  # uncompressed: loads ~6x faster; size stays well under 50 MB
    final = out_dir / name
    os.replace(tmp, final)
    clf.metadata["path"] = str(final)
    if decision is None or decision.publish:
        publish(out_dir, name)
    return clf, final, metrics


def print_metrics(clf: Classifier, path: Path, metrics: dict, out=sys.stdout) -> None:
    md = clf.metadata
    decision = metrics.get("gate")
    published = decision is None or decision["published"]
    pointer = f"pointer {path.parent / 'current'} {'updated' if published else 'unchanged: not published'}"
    print(f"Model {md['version']} written to {path} ({pointer})", file=out)
    print(
        f"  trained on {md['n_train']} train rows + {md['n_corrections']} corrections in {md['train_seconds']} s; "
        f"{md['n_features']} features; code {md['code_version']}",
        file=out,
    )
    if "test" in metrics:
        rep = {**metrics["test"], "no_diacritics": metrics["test_no_diacritics"], "accented": metrics["test_accented"]}
        print(format_headline(rep, f"Held-out test split ({md['n_test']} rows):"), file=out)
        print(format_subsets(rep), file=out)
        print(format_targets(rep), file=out)
    if decision is not None:
        print(format_decision(decision), file=out)
