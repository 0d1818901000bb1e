"""The labelled data: corpus rows and splits, and the dev examples that nothing trains on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ml.dataset import (
    ADVERSARIAL_DIR,
    DEFAULT_DATA,
    DEV_EXAMPLES,
    is_evaluation_data,
    load_jsonl,
    load_rows,
    split_rows,
)
from ml.taxonomy import Agency, Category
from ml.train import train_and_publish

ROOT = Path(__file__).resolve().parents[2]


def test_dev_examples_are_in_the_repository_and_labelled():
    rows = load_jsonl(DEV_EXAMPLES)
    assert len(rows) == 40
    for r in rows:
        assert r["text"].strip()
        assert r["agency"] in {a.value for a in Agency}
        assert r["category"] in {c.value for c in Category}
        assert isinstance(r["escalate"], bool)
        assert "split" not in r  # evaluated whole, never split into train rows


def test_split_rows_keeps_test_rows_apart():
    rows = [{"id": 1, "split": "train"}, {"id": 2, "split": "test"}, {"id": 3}]
    train, test = split_rows(rows)
    assert [r["id"] for r in train] == [1, 3]
    assert [r["id"] for r in test] == [2]


def test_load_rows_names_a_row_without_labels(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(
        json.dumps({"text": "x", "agency": "xa", "category": "khac", "escalate": False})
        + "\n\n"
        + json.dumps({"text": "y", "agency": "xa"})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"row 2 lacks \['category', 'escalate'\]"):
        load_rows(path)


def test_training_data_readers_refuse_the_dev_examples(tmp_path):
    copy = tmp_path / "renamed.jsonl"
    shutil.copy(DEV_EXAMPLES, copy)
    assert is_evaluation_data(DEV_EXAMPLES) and is_evaluation_data(copy)
    assert not is_evaluation_data(DEFAULT_DATA)
    for path in (DEV_EXAMPLES, copy):
        with pytest.raises(ValueError, match="evaluation only"):
            load_rows(path)
        with pytest.raises(ValueError, match="evaluation only"):
            train_and_publish(path, tmp_path / "models", max_rows=50, progress=False)
    with pytest.raises(ValueError, match="evaluation only"):
        train_and_publish(DEFAULT_DATA, tmp_path / "models", corrections_path=copy, max_rows=50, progress=False)
    assert not (tmp_path / "models").exists()  # refused before anything was written


AUDIT = """
import os, sys
opened = set()

def record(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.add(os.path.realpath(os.fsdecode(args[0])))

sys.addaudithook(record)
from ml.__main__ import main
try:
    code = main(sys.argv[1:])
finally:
    with open(os.environ["OPENED_LOG"], "w", encoding="utf-8") as f:
        f.write("\\n".join(sorted(opened)))
sys.exit(code)
"""


@pytest.mark.slow
def test_training_never_opens_the_dev_examples(tmp_path):
    """`python -m ml train`, watched by an audit hook: the corpus is opened, the dev examples never are."""
    log = tmp_path / "opened.txt"
    r = subprocess.run(
        [sys.executable, "-c", AUDIT, "train", "--out", str(tmp_path / "models"), "--max-rows", "300"],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        env={**os.environ, "OPENED_LOG": str(log)},
    )
    assert r.returncode == 0, r.stderr.decode()
    opened = set(log.read_text(encoding="utf-8").splitlines())
    assert os.path.realpath(DEFAULT_DATA) in opened  # the hook sees what training reads
    assert os.path.realpath(DEV_EXAMPLES) not in opened


def test_training_readers_refuse_the_adversarial_sets(tmp_path):
    sets = sorted(ADVERSARIAL_DIR.glob("*.jsonl"))
    assert sets  # the outside testers' sets are in the repository
    copy = tmp_path / "outsider.jsonl"
    shutil.copy(sets[0], copy)
    for path in (*sets, copy):
        assert is_evaluation_data(path)
        with pytest.raises(ValueError, match="evaluation only"):
            load_rows(path)
    one_row = tmp_path / "one.jsonl"  # a file of corpus rows that merely looks like them is accepted
    one_row.write_text(sets[0].read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert not is_evaluation_data(one_row)
    assert load_rows(one_row)[0]["text"]
