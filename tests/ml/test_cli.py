"""`python -m ml predict | train | evaluate` as real subprocesses (docs/taxonomy.md section 5)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ml.taxonomy import Agency, Category

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_KEYS = {"id", "agency", "ward_code", "category", "escalate", "accused", "confidence"}


def run_ml(args, stdin: str = "", timeout: int = 300, env_extra: dict | None = None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "ml", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
        env=env,
    )


def jl(rows) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


REPORTS = [
    {"id": "r1", "text": "Cán bộ một cửa xã Ngọc Lặc đòi 2 triệu mới nhận hồ sơ đất của tôi"},
    {"id": 2, "text": "lam can cuoc o cong an ma can bo quat nat dan, thai do hach dich"},
    {"id": "r3", "text": "Tôi nộp hồ sơ hưởng lương hưu ở bảo hiểm xã hội từ tháng 3, quá hẹn 2 tháng chưa có."},
    {"id": "r4", "text": "cán bộ thái độ rất hách dịch, không thèm trả lời khi tôi hỏi"},
    {"text": "Văn phòng công chứng bắt tôi nộp thêm giấy tờ không cần thiết"},
]


def test_predict_follows_the_contract(small_model_dir):
    r = run_ml(["predict", "--model", str(small_model_dir)], jl(REPORTS))
    assert r.returncode == 0, r.stderr.decode()
    lines = r.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(REPORTS)
    outs = [json.loads(line) for line in lines]  # nothing but JSON on stdout
    assert [o["id"] for o in outs] == ["r1", 2, "r3", "r4", None]  # same order, ids echoed as given
    for o in outs:
        assert set(o) == CONTRACT_KEYS
        assert o["agency"] in {a.value for a in Agency}
        assert o["category"] in {c.value for c in Category}
        assert isinstance(o["escalate"], bool)
        assert isinstance(o["confidence"], float) and 0.0 <= o["confidence"] <= 1.0
        assert o["ward_code"] is None or (isinstance(o["ward_code"], str) and len(o["ward_code"]) == 5)
    assert outs[3]["ward_code"] is None  # no place named: null ward
    assert outs[1]["agency"] == "cong-an-tinh"
    assert outs[2]["agency"] == "bhxh"


def test_predict_matches_the_python_api(small_model_dir, small_model):
    r = run_ml(["predict", "--model", str(small_model_dir)], jl(REPORTS))
    outs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    preds = small_model.predict([x["text"] for x in REPORTS])
    api = [p.contract(rep.get("id")) for rep, p in zip(REPORTS, preds, strict=True)]
    assert outs == api


def test_predict_bad_json_names_the_line(small_model_dir):
    stdin = jl(REPORTS[:2]) + '{"id": "r3", "text": "thiếu ngoặc"\n' + jl(REPORTS[2:])
    r = run_ml(["predict", "--model", str(small_model_dir)], stdin)
    assert r.returncode != 0
    err = r.stderr.decode()
    assert "line 3" in err and "invalid JSON" in err
    out_lines = r.stdout.decode().splitlines()
    assert [json.loads(x)["id"] for x in out_lines] == ["r1", 2]  # lines before the bad one answered, nothing else


def test_predict_line_without_text_names_the_line(small_model_dir):
    r = run_ml(["predict", "--model", str(small_model_dir)], jl([REPORTS[0], {"id": "x", "body": "no text"}]))
    assert r.returncode != 0
    assert "line 2" in r.stderr.decode() and '"text"' in r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == 1


def test_predict_streams_before_eof(small_model_dir):
    """The first answer arrives while stdin is still open."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "ml", "predict", "--model", str(small_model_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        proc.stdin.write(jl(REPORTS[:1]).encode())
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())
        assert first["id"] == "r1"
        proc.stdin.write(jl(REPORTS[1:2]).encode())
        proc.stdin.close()
        assert json.loads(proc.stdout.readline())["id"] == 2
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            stream.close()


def test_predict_warns_on_stderr_about_a_model_of_other_library_versions(small_model_dir, tmp_path):
    import joblib

    from ml.classifier import resolve_artifact

    clf = joblib.load(resolve_artifact(small_model_dir))
    clf.metadata.pop("path", None)
    clf.metadata["library_versions"]["numpy"] = "1.0.0"
    joblib.dump(clf, tmp_path / "old-numpy.joblib")
    r = run_ml(["predict", "--model", str(tmp_path / "old-numpy.joblib")], jl(REPORTS[:2]))
    assert r.returncode == 0, r.stderr.decode()
    assert "ModelVersionWarning" in r.stderr.decode() and "numpy 1.0.0, installed" in r.stderr.decode()
    assert [json.loads(x)["id"] for x in r.stdout.decode().splitlines()] == ["r1", 2]  # stdout stays JSON only


def test_predict_without_a_model_fails_clearly(tmp_path):
    r = run_ml(["predict", "--model", str(tmp_path)], jl(REPORTS[:1]))
    assert r.returncode != 0
    assert r.stdout == b""
    assert "no published model" in r.stderr.decode()


@pytest.mark.slow
def test_train_cli_writes_artifact_and_pointer(tmp_path):
    out = tmp_path / "models"
    r = run_ml(["train", "--out", str(out), "--max-rows", "400"])
    assert r.returncode == 0, r.stderr.decode()
    text = r.stdout.decode()
    assert "Held-out test split" in text and "agency_accuracy" in text
    assert "training" in r.stderr.decode()  # the progress bar goes to stderr
    pointer = (out / "current").read_text().strip()
    assert pointer.startswith("classifier-") and (out / pointer).exists()
    assert not list(out.glob(".*tmp"))  # no temp file left behind


@pytest.mark.slow
def test_train_env_default_dir_and_corrections(tmp_path):
    corr = tmp_path / "corr.jsonl"
    corr.write_text(
        jl(
            [
                {
                    "text": "cán bộ xã đòi tiền làm khai sinh",
                    "agency": "xa",
                    "ward_code": None,
                    "category": "doi-tien",
                    "escalate": False,
                }
            ]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "envmodels"
    r = run_ml(
        ["train", "--max-rows", "300", "--with-corrections"],
        env_extra={"ML_MODEL_DIR": str(out), "ML_CORRECTIONS": str(corr)},
    )
    assert r.returncode == 0, r.stderr.decode()
    assert "+ 1 corrections" in r.stdout.decode()
    assert (out / "current").exists()


@pytest.mark.slow
def test_evaluate_cli_prints_figures_and_baselines(small_model_dir, corpus_rows, tmp_path):
    test_rows = [r for r in corpus_rows if r["split"] == "test"][:60]
    train_rows = [r for r in corpus_rows if r["split"] == "train"][:400]
    evalf = tmp_path / "eval.jsonl"
    evalf.write_text(jl([{k: v for k, v in r.items() if k != "split"} for r in test_rows]), encoding="utf-8")
    data = tmp_path / "data.jsonl"
    data.write_text(jl(train_rows), encoding="utf-8")
    r = run_ml(["evaluate", str(evalf), "--model", str(small_model_dir), "--data", str(data)])
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    for needle in (
        "agency_accuracy",
        "category_macro_f1",
        "ward_accuracy",
        "escalate_f1",
        "agency_ece",
        "Agency confusion matrix",
        "Category per class",
        "no-diacritics",
        "keywords",
        "char-tfidf-lr",
    ):
        assert needle in out, needle
