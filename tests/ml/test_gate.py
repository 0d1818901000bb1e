"""The publication gate of `python -m ml train` (ml/gate.py) and `python -m ml evaluate --real`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ml.classifier import resolve_artifact
from ml.corrections import append_correction
from ml.dataset import DEFAULT_DATA, REAL_SET
from ml.gate import GATE_TOLERANCE, check, compare, real_set
from ml.train import train_and_publish

ROOT = Path(__file__).resolve().parents[2]
WEAK = {"C": 1e-5}  # a linear model this regularised predicts (almost) the majority label for everything
NAN = float("nan")


def test_compare_flags_only_drops_beyond_the_tolerance():
    current = {"agency_accuracy": 0.80, "category_macro_f1": 0.70, "escalate_f1": 0.60}
    assert compare(dict(current), current) == []
    within = {"agency_accuracy": 0.795, "category_macro_f1": 0.691, "escalate_f1": 0.585}
    assert compare(within, current) == []
    worse = {"agency_accuracy": 0.78, "category_macro_f1": 0.70, "escalate_f1": 0.50}
    assert compare(worse, current) == ["agency_accuracy", "escalate_f1"]
    assert GATE_TOLERANCE["escalate_f1"] > GATE_TOLERANCE["agency_accuracy"]


def test_compare_skips_figures_the_current_model_lacks():
    # no escalation in the set: F1 is undefined for both and is not a reason to refuse
    assert (
        compare(
            {"agency_accuracy": 0.8, "category_macro_f1": 0.7, "escalate_f1": NAN},
            {"agency_accuracy": 0.8, "category_macro_f1": 0.7, "escalate_f1": NAN},
        )
        == []
    )
    # a figure the new model lacks where the current one has it counts as worse
    assert compare(
        {"agency_accuracy": 0.8, "category_macro_f1": NAN}, {"agency_accuracy": 0.8, "category_macro_f1": 0.5}
    ) == ["category_macro_f1"]


def test_the_gate_measures_on_the_real_set():
    path, rows = real_set()
    assert path == REAL_SET and len(rows) >= 170


def _copy_published(src: Path, dst: Path) -> str:
    """A model directory holding a copy of `src`'s published model; returns the pointer's text."""
    dst.mkdir()
    artifact = resolve_artifact(src)
    shutil.copy(artifact, dst / artifact.name)
    shutil.copy(src / "current", dst / "current")
    return (dst / "current").read_text()


@pytest.mark.slow
def test_a_weakened_model_is_refused_even_with_corrections_and_published_with_force(small_model_dir, tmp_path):
    models = tmp_path / "models"
    pointer = _copy_published(small_model_dir, models)
    corr = tmp_path / "corrections.jsonl"
    append_correction(
        corr,
        {
            "text": "Cán bộ xã đòi 2 triệu mới ký",
            "agency": "xa",
            "ward_code": None,
            "category": "doi-tien",
            "escalate": False,
            "source": "test",
        },
    )
    clf, path, metrics = train_and_publish(
        DEFAULT_DATA,
        models,
        corrections_path=corr,
        settings=WEAK,
        max_rows=300,
        progress=False,
        evaluate_test=False,
    )
    gate = metrics["gate"]
    assert not gate["published"] and gate["worse"] and "category_macro_f1" in gate["worse"]
    assert gate["current"]["category_macro_f1"] > gate["new"]["category_macro_f1"]
    assert (models / "current").read_text() == pointer  # still the good model
    assert path.exists()  # the refused model is kept, unpublished
    assert clf.metadata["n_corrections"] == 1

    _, forced_path, forced = train_and_publish(
        DEFAULT_DATA, models, settings=WEAK, max_rows=300, progress=False, evaluate_test=False, force=True
    )
    assert forced["gate"]["published"] and forced["gate"]["forced"] and forced["gate"]["worse"]
    assert (models / "current").read_text().strip() == forced_path.name


def test_no_published_model_or_an_unreadable_one_means_publish(small_model, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    d = check(small_model, empty)
    assert d.publish and d.current is None and "nothing to compare" in d.reason
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "classifier-old.joblib").write_bytes(b"not a pickle")
    (broken / "current").write_text("classifier-old.joblib\n")
    d = check(small_model, broken)
    assert d.publish and "cannot be loaded" in d.reason


def run_ml(args, **kw):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "ml", *args], cwd=ROOT, capture_output=True, env=env, **kw)


@pytest.mark.slow
def test_train_cli_prints_both_figures_and_exits_3_when_refused(small_model_dir, tmp_path):
    models = tmp_path / "models"
    pointer = _copy_published(small_model_dir, models)
    args = ["train", "--out", str(models), "--max-rows", "300", "--settings", json.dumps(WEAK)]
    r = run_ml(args)
    out = r.stdout.decode()
    assert r.returncode == 3, r.stderr.decode()[-2000:]
    assert "Publication gate on" in out and "NOT PUBLISHED" in out and "WORSE" in out
    assert "current" in out and "unchanged: not published" in out
    assert (models / "current").read_text() == pointer
    r = run_ml([*args, "--force"])
    assert r.returncode == 0 and "PUBLISHED" in r.stdout.decode()
    assert (models / "current").read_text() != pointer


@pytest.mark.slow
def test_evaluate_real_prints_real_baseline_and_heldout_figures(small_model_dir):
    r = run_ml(["evaluate", "--real", "--model", str(small_model_dir)])
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    assert f"Real set {REAL_SET}" in out and "keywords" in out and "Generated held-out split" in out
    for figure in ("agency_accuracy", "category_macro_f1", "category_accuracy", "escalate_f1"):
        assert figure in out
    assert "no_diacritics category_macro_f1" in out and "gap accented - no-diacritics" in out
    # the same accented complaints with their diacritics stripped score the same: features ignore diacritics
    same = out.split("with their diacritics stripped")[1].split("Generated held-out split")[0]
    for line in same.strip().splitlines()[2:]:  # after the title and the column heads
        figure, written, stripped = line.split()
        assert written == stripped, figure


def test_evaluate_real_without_a_model_says_so(tmp_path):
    r = run_ml(["evaluate", "--real", "--model", str(tmp_path / "none")])
    assert r.returncode == 2 and "ml evaluate: model not found" in r.stderr.decode()
