"""The routing classifier: agency, ward, category and escalation for a report text.

    clf = load_classifier("instance/models")            # a directory (follows its `current` pointer)
    clf = load_classifier("instance/models/classifier-20261128T203000Z-1a2b3c4d.joblib")
    clf.predict(["Cán bộ một cửa xã Ngọc Lặc đòi 2 triệu..."])  # -> [Prediction(...)]
    clf.version, clf.metadata

    handle = ModelHandle("instance/models")             # one per worker process
    handle.get().predict(texts)                         # reloads when a newer model is published

Loading is explicit and lazy: importing this module loads nothing.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ml.escalation import rule_features
from ml.features import Doc, FeatureBuilder, analyze, with_dense
from ml.prediction import Prediction
from ml.taxonomy import Agency
from ml.versions import warn_if_versions_differ
from ml.wards import extract_ward

POINTER_NAME = "current"
ESCALATED_AGENCY = Agency.THANH_TRA_TINH.value
RUNNERS_UP = 3  # how many runners-up the rankings carry (besides the winner)


# --------------------------------------------------------------------------- ward extraction

_wards_on: bool | None = None  # ML_WARDS, read on first use


def find_ward(text: str) -> str | None:
    """The 2025 ward code the text locates, or None (delegates to `ml.wards.extract_ward`)."""
    global _wards_on
    if _wards_on is None:
        _wards_on = os.environ.get("ML_WARDS", "on") != "off"  # off: measure the classifier without wards
    match = extract_ward(text) if _wards_on else None
    return match.code if match is not None else None


# --------------------------------------------------------------------------- linear heads


def _expit(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + exp(-z)), without overflow warnings


class LinearHead:
    """A fitted linear classifier reduced to numpy arrays (no scikit-learn needed to load or predict).

    kind "ovr_sigmoid": one-vs-rest scores, each through its Platt sigmoid, normalised to sum 1
    (= CalibratedClassifierCV(method="sigmoid", ensemble=False) over a linear model);
    "binary_sigmoid": the same for two classes; "logistic": LogisticRegression (binary or multinomial).
    `train.compile_head` builds it and checks it reproduces the fitted estimator.
    """

    def __init__(self, kind: str, classes, coef, intercept, a=None, b=None):
        self.kind = kind
        self.classes_ = np.asarray(classes)
        self.coef = np.ascontiguousarray(coef, dtype=np.float32)  # (n_scores, n_features)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.a = None if a is None else np.asarray(a, dtype=np.float64)
        self.b = None if b is None else np.asarray(b, dtype=np.float64)

    def decision_function(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef.T, dtype=np.float64) + self.intercept

    def predict_proba(self, X) -> np.ndarray:
        d = self.decision_function(X)
        k = len(self.classes_)
        if self.kind == "logistic":
            if k == 2:
                p1 = _expit(d[:, 0])
                return np.column_stack([1.0 - p1, p1])
            d = d - d.max(axis=1, keepdims=True)
            e = np.exp(d)
            return e / e.sum(axis=1, keepdims=True)
        p = _expit(-(self.a * d + self.b))
        if self.kind == "binary_sigmoid":
            p1 = p[:, 0]
            proba = np.column_stack([1.0 - p1, p1])
        else:
            den = p.sum(axis=1, keepdims=True)
            proba = np.divide(p, den, out=np.full_like(p, 1.0 / k), where=den != 0)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba


# --------------------------------------------------------------------------- the model


@dataclass
class Classifier:
    features: FeatureBuilder
    agency_model: Any  # predict_proba + classes_
    category_model: Any
    escalate_model: Any | None  # binary predict_proba on features + rule features, or None (rules only)
    settings: dict
    metadata: dict = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.metadata.get("version", "")

    # -- escalation ---------------------------------------------------------------------
    def _escalate(self, X, docs: Sequence[Doc]) -> tuple[np.ndarray, np.ndarray]:
        """(probability, decision) of escalation for each text."""
        rules = rule_features([d.plain for d in docs])
        rule_hit = rules[:, 1] > 0  # head_accused
        mode = self.settings.get("escalate_mode", "model")
        if self.escalate_model is None or mode == "rule":
            p = rule_hit.astype(float)
            return p, rule_hit
        Xe = (
            with_dense(X, rules, self.settings.get("rule_weight", 1.0))
            if self.settings.get("rule_features", True)
            else X
        )
        p = self.escalate_model.predict_proba(Xe)[:, list(self.escalate_model.classes_).index(True)]
        model_hit = p >= self.settings.get("escalate_threshold", 0.5)
        if mode == "rule_and_model":
            return p, model_hit & rule_hit
        if mode == "rule_or_model":
            return p, model_hit | rule_hit
        return p, model_hit

    # -- prediction ---------------------------------------------------------------------
    def predict_docs(
        self, docs: Sequence[Doc], texts: Sequence[str], wards: Sequence[str | None] | None = None
    ) -> list[Prediction]:
        if not docs:
            return []
        X = self.features.transform(docs)
        pa = self.agency_model.predict_proba(X)
        pc = self.category_model.predict_proba(X)
        pe, esc = self._escalate(X, docs)
        a_classes = [str(c) for c in self.agency_model.classes_]
        c_classes = [str(c) for c in self.category_model.classes_]
        ttt = a_classes.index(ESCALATED_AGENCY) if ESCALATED_AGENCY in a_classes else None
        out = []
        combine = self.settings.get("agency_scope", "all") == "non_escalated" and ttt is not None
        for i, text in enumerate(texts):
            escalate = bool(esc[i])
            if combine:
                # the agency head was fitted on non-escalated reports: P(agency) = P(escalate) [thanh-tra-tinh]
                # + P(not escalate) * P(agency | not escalated)
                dist = (1.0 - pe[i]) * pa[i]
                dist[ttt] += pe[i]
            else:
                dist = pa[i]
            order_a = np.argsort(-dist)
            order_c = np.argsort(-pc[i])
            a_rank = tuple((a_classes[j], round(float(dist[j]), 4)) for j in order_a[: RUNNERS_UP + 1])
            c_rank = tuple((c_classes[j], round(float(pc[i, j]), 4)) for j in order_c[: RUNNERS_UP + 1])
            if escalate:
                agency = ESCALATED_AGENCY
                conf = float(dist[ttt]) if combine else max(float(pe[i]), float(pa[i, ttt]) if ttt is not None else 0.0)
            else:
                best = int(np.argmax(pa[i])) if combine else int(order_a[0])
                agency, conf = a_classes[best], float(dist[best])
                if best != order_a[0]:  # the ranking starts with the decision
                    a_rank = ((agency, round(conf, 4)),) + tuple(r for r in a_rank if r[0] != agency)[:RUNNERS_UP]
                if agency == ESCALATED_AGENCY and self.settings.get("ttt_needs_escalate", False):
                    # thanh-tra-tinh without an accused head: fall back to the runner-up body
                    agency, conf = a_classes[order_a[1]], float(dist[order_a[1]])
            ward = wards[i] if wards is not None else find_ward(text)
            out.append(
                Prediction(
                    agency=agency,
                    ward_code=ward,
                    category=c_classes[order_c[0]],
                    escalate=escalate,
                    confidence=conf,
                    category_confidence=float(pc[i, order_c[0]]),
                    escalate_probability=float(pe[i]),
                    agency_ranking=a_rank,
                    category_ranking=c_rank,
                    model_version=self.version,
                )
            )
        return out

    def analyze(self, text: str) -> Doc:
        """What the model needs of a text (the segmentation only when a feature block uses words)."""
        return analyze(text, words=self.features.needs_words)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        texts = [t if isinstance(t, str) else "" for t in texts]
        return self.predict_docs([self.analyze(t) for t in texts], texts)


# --------------------------------------------------------------------------- artifacts


def resolve_artifact(path: str | os.PathLike) -> Path:
    """An artifact file, or the file a model directory's `current` pointer names."""
    p = Path(path)
    if p.is_dir():
        pointer = p / POINTER_NAME
        if not pointer.exists():
            raise FileNotFoundError(
                f"no published model in {p} (missing {POINTER_NAME!r}); run `python -m ml train --out {p}`"
            )
        name = pointer.read_text(encoding="utf-8").strip()
        target = Path(name) if os.path.isabs(name) else p / name
        if not target.exists():
            raise FileNotFoundError(f"{pointer} names {name!r}, which does not exist")
        return target
    if not p.exists():
        raise FileNotFoundError(f"model not found: {p}")
    return p


def load_classifier(path: str | os.PathLike) -> Classifier:
    """The classifier of an artifact; ModelVersionWarning when it was made with other library versions."""
    import joblib  # lazy: importing this module must not load joblib

    artifact = resolve_artifact(path)
    obj = joblib.load(artifact)
    if not isinstance(obj, Classifier):
        raise TypeError(f"{artifact} does not hold a Classifier (got {type(obj).__name__})")
    warn_if_versions_differ(obj.metadata, artifact)
    obj.metadata.setdefault("path", str(artifact))
    return obj


def publish(model_dir: str | os.PathLike, artifact_name: str) -> Path:
    """Atomically point `model_dir/current` at `artifact_name` (temp file + os.replace)."""
    model_dir = Path(model_dir)
    tmp = model_dir / f".{POINTER_NAME}.{os.getpid()}.{time.time_ns()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(artifact_name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, model_dir / POINTER_NAME)
    return model_dir / POINTER_NAME


def default_model_dir() -> Path:
    return Path(os.environ.get("ML_MODEL_DIR") or Path.cwd() / "instance" / "models")


class ModelHandle:
    """The current classifier of a model directory, loaded once per process.

    `get()` stats the pointer file at most once every `check_interval` seconds and
    loads the newer artifact when the pointer changed; otherwise it returns the model
    it holds. Safe to share between threads. Load it before forking workers.
    """

    def __init__(self, model_dir: str | os.PathLike | None = None, check_interval: float = 2.0):
        self.model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
        self.check_interval = check_interval
        self._model: Classifier | None = None
        self._stamp: tuple | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def _pointer_stamp(self) -> tuple:
        st = os.stat(self.model_dir / POINTER_NAME)
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def get(self) -> Classifier:
        now = time.monotonic()
        if self._model is not None and now - self._checked_at < self.check_interval:
            return self._model
        with self._lock:
            if self._model is not None and now - self._checked_at < self.check_interval:
                return self._model
            try:
                stamp = self._pointer_stamp()
            except FileNotFoundError:
                if self._model is not None:  # pointer briefly gone: keep serving the model we have
                    self._checked_at = now
                    return self._model
                raise
            if self._model is None or stamp != self._stamp:
                artifact = resolve_artifact(self.model_dir)
                if self._model is None or Path(self._model.metadata.get("path", "")) != artifact:
                    self._model = load_classifier(artifact)
                self._stamp = stamp
            self._checked_at = now
            return self._model

    @property
    def version(self) -> str:
        return self.get().version
