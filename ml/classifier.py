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

import logging
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ml.accused import Accusation, analyse, escalated_agency
from ml.evidence import TextWords, linear_evidence
from ml.features import Doc, FeatureBuilder, analyze
from ml.prediction import Prediction
from ml.taxonomy import Agency
from ml.versions import warn_if_versions_differ
from ml.wards import Place, find_place

log = logging.getLogger(__name__)

POINTER_NAME = "current"
ESCALATED_AGENCY = Agency.THANH_TRA_TINH.value
HEAD_BODIES = {Agency.THANH_TRA_TINH.value, Agency.UBND_TINH.value}  # where escalated reports go
RUNNERS_UP = 3  # how many runners-up the rankings carry (besides the winner)
# The accused-head rules are not a model: an escalated report carries this confidence, and
# escalate_probability is this figure for each state of ml.accused (not a fitted probability).
RULE_CONFIDENCE = {"accused": 0.95, "unsure": 0.5, "mentioned": 0.05, "none": 0.0}


# --------------------------------------------------------------------------- ward extraction

_wards_on: bool | None = None  # ML_WARDS, read on first use


def find_ward(text: str) -> str | None:
    """The 2025 ward code the text locates, or None (delegates to `ml.wards.find_place`)."""
    place = _find_place(text)
    return place.ward_code if place is not None else None


def _find_place(text: str) -> Place | None:
    global _wards_on
    if _wards_on is None:
        _wards_on = os.environ.get("ML_WARDS", "on") != "off"  # off: measure the classifier without wards
    return find_place(text) if _wards_on else None


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
    def _accusations(
        self, docs: Sequence[Doc], texts: Sequence[str], wards: Sequence[str | None], pa: np.ndarray, classes: list
    ) -> list[Accusation]:
        """Who each text accuses (`ml.accused`): the decision to escalate, and the accused body.

        The learned escalation head an artifact may carry (`escalate_model`) is not consulted: it
        learned to escalate whenever a head is named."""
        return [
            analyse(t, plain=d.plain, norm=d.norm, text_ward=w, subject=[classes[j] for j in np.argsort(-pa[i])])
            for i, (d, t, w) in enumerate(zip(docs, texts, wards, strict=True))
        ]

    # -- prediction ---------------------------------------------------------------------
    def predict_docs(
        self, docs: Sequence[Doc], texts: Sequence[str], wards: Sequence[str | None] | None = None
    ) -> list[Prediction]:
        if not docs:
            return []
        X = self.features.transform(docs)
        pa = self.agency_model.predict_proba(X)
        pc = self.category_model.predict_proba(X)
        a_classes = [str(c) for c in self.agency_model.classes_]
        c_classes = [str(c) for c in self.category_model.classes_]
        places = [_find_place(t) for t in texts] if wards is None else [None] * len(texts)
        if wards is None:
            wards = [p.ward_code if p is not None else None for p in places]
        accusations = self._accusations(docs, texts, wards, pa, a_classes)
        out = []
        for i, text in enumerate(texts):
            acc = accusations[i]
            escalate = acc.state == "accused"
            order_a = np.argsort(-pa[i])
            order_c = np.argsort(-pc[i])
            # the subject matter: the agency head's bodies; an escalated report's agency is none of them
            subject = [(a_classes[j], float(pa[i, j])) for j in order_a]
            if escalate:
                agency, conf = escalated_agency(acc.accused), RULE_CONFIDENCE["accused"]
                rest = [(a, round(q * (1.0 - conf), 4)) for a, q in subject if a not in HEAD_BODIES]
                a_rank = ((agency, conf),) + tuple(rest[:RUNNERS_UP])
            else:
                if subject[0][0] in HEAD_BODIES and acc.state != "none" and len(subject) > 1:
                    subject = subject[1:] + subject[:1]  # never the inspectorate merely because a head is named
                agency, conf = subject[0]
                a_rank = tuple((a, round(q, 4)) for a, q in subject[: RUNNERS_UP + 1])
            c_rank = tuple((c_classes[j], round(float(pc[i, j]), 4)) for j in order_c[: RUNNERS_UP + 1])
            category = c_classes[order_c[0]]
            place = places[i]
            words = TextWords(text, docs[i].plain, docs[i].norm)
            evidence = {
                "escalate": list(acc.evidence),
                "agency": list(acc.evidence)  # an escalated report goes where it goes for who is accused
                if escalate
                else linear_evidence(self.features, self.agency_model, X, i, agency, words),
                "ward": [place.text] if place is not None and place.text else [],
                "category": linear_evidence(self.features, self.category_model, X, i, category, words),
            }
            out.append(
                Prediction(
                    agency=agency,
                    ward_code=wards[i],
                    category=category,
                    escalate=escalate,
                    confidence=conf,
                    category_confidence=float(pc[i, order_c[0]]),
                    escalate_probability=RULE_CONFIDENCE[acc.state],
                    agency_ranking=a_rank,
                    category_ranking=c_rank,
                    model_version=self.version,
                    accused=dict(acc.accused) if escalate and acc.accused else None,
                    accused_state=acc.state,
                    suspected=dict(acc.suspected) if acc.suspected else None,
                    evidence=evidence,
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


PICKLE_PROTO, PICKLE_STOP = b"\x80", b"."


def artifact_problem(path: str | os.PathLike) -> str:
    """Why an artifact (as `ml.train` writes it: joblib, uncompressed) would not load, read without loading it:
    "" when it looks whole. It checks the pickle's first byte (the protocol opcode) and last byte (STOP): garbage
    fails the first, a truncated file the last (unless it is cut right after a STOP byte by chance, 1 in 256).
    Cheap enough for a readiness probe in processes that never load a model, where loading one would import
    scikit-learn and underthesea and take seconds."""
    try:
        with open(path, "rb") as f:
            head = f.read(1)
            f.seek(0, os.SEEK_END)
            if f.tell() < 2:
                return "EOFError"
            f.seek(-1, os.SEEK_END)
            tail = f.read(1)
    except OSError as exc:
        return type(exc).__name__
    if head != PICKLE_PROTO:
        return "UnpicklingError"
    return "" if tail == PICKLE_STOP else "EOFError"


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


@dataclass(frozen=True)
class HandleState:
    """What a ModelHandle holds, read without loading anything.

    loaded: the version in memory ("" when none); published: the artifact the pointer named when last checked;
    failed: that artifact when it could not be loaded (the handle keeps serving `loaded`); error: the exception's
    type name."""

    loaded: str = ""
    published: str = ""
    failed: str = ""
    error: str = ""

    @property
    def degraded(self) -> bool:
        """Serving an older model because the published one does not load."""
        return bool(self.loaded and self.failed)


class ModelHandle:
    """The current classifier of a model directory, loaded once per process.

    `get()` stats the pointer file at most once every `check_interval` seconds and
    loads the newer artifact when the pointer changed; otherwise it returns the model
    it holds. When the newly published artifact does not load (truncated, corrupt, missing), it keeps serving
    the model it holds, logs one error per bad artifact and says so in `state()`; it tries again when the
    pointer changes. Safe to share between threads. Load it before forking workers.
    """

    def __init__(self, model_dir: str | os.PathLike | None = None, check_interval: float = 2.0):
        self.model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
        self.check_interval = check_interval
        self._model: Classifier | None = None
        self._stamp: tuple | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()
        self._published = ""
        self._failed = ""
        self._error = ""
        self._logged: set[str] = set()  # bad artifacts already logged

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
                self._load_published()
                self._stamp = stamp
            self._checked_at = now
            assert self._model is not None  # _load_published raised if there is none
            return self._model

    def _load_published(self) -> None:
        """Load what the pointer names unless it is the model held; on failure keep the model held (or raise when
        there is none)."""
        self._published = ""
        try:
            self._published = Path((self.model_dir / POINTER_NAME).read_text(encoding="utf-8").strip()).name
            artifact = resolve_artifact(self.model_dir)
            if self._model is None or Path(self._model.metadata.get("path", "")) != artifact:
                self._model = load_classifier(artifact)
        # Whatever a bad file raises (EOFError, UnpicklingError, ValueError, TypeError...): a truncated or
        # corrupt artifact must not stop the routing while a good model is in memory.
        except Exception as exc:
            self._failed = self._published or POINTER_NAME
            self._error = type(exc).__name__
            if self._failed not in self._logged:
                self._logged.add(self._failed)
                log.error(
                    "published model %s does not load (%s); %s",
                    self._failed,
                    self._error,
                    f"still serving {self._model.version}" if self._model is not None else "no model to serve",
                )
            if self._model is None:
                raise
        else:
            self._failed = self._error = ""

    def state(self) -> HandleState:
        """What is loaded and whether the published model failed to load (nothing is loaded by asking)."""
        loaded = self._model.version if self._model is not None else ""
        return HandleState(loaded=loaded, published=self._published, failed=self._failed, error=self._error)

    @property
    def version(self) -> str:
        return self.get().version
