"""Shared fixtures of the classifier tests: one small real model, trained once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ml.dataset import DEFAULT_DATA

SMALL_ROWS = 1000  # train rows of the session model: enough to route clear sentences, ~15 s to train


def _require_corpus():
    if not Path(DEFAULT_DATA).exists():
        pytest.skip(f"corpus {DEFAULT_DATA} not present")


@pytest.fixture(scope="session")
def corpus_rows():
    _require_corpus()
    return [json.loads(line) for line in Path(DEFAULT_DATA).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def small_model_dir(tmp_path_factory):
    """A model directory holding one published small model (trained on a subsample of the train split)."""
    _require_corpus()
    from ml.train import train_and_publish

    out = tmp_path_factory.mktemp("models")
    train_and_publish(DEFAULT_DATA, out, max_rows=SMALL_ROWS, progress=False)
    return out


@pytest.fixture(scope="session")
def small_model(small_model_dir):
    from ml.classifier import load_classifier

    return load_classifier(small_model_dir)
