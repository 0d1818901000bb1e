"""Benchmark of the routing classifier. Prints figures and ratios.

    .venv/bin/python bench/ml_bench.py [--model DIR_OR_FILE] [--n 2000] [--skip-train]

- throughput of `python -m ml predict`'s code path (JSON parse, analyse = normalise +
  ONE underthesea word_tokenize, features, three heads, escalation rules, ward
  extraction, JSON dump; chunks of 64) on ONE core, vs underthesea `word_tokenize`
  alone on the same texts: ratio must be >= 0.80;
- the same through a real `python -m ml predict` subprocess (includes start-up and load);
- model load time in a fresh process (< 2 s), model file size (< 50 MB);
- training time of `python -m ml train` on this machine (< 3 min);
- peak RSS of a process that holds the model and has classified the 2,000 reports (< 400 MB).

The texts are 2,000 reports drawn (with replacement, fixed seed) from the corpus, so
their length distribution is the corpus's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

PY = sys.executable
# Throughput is measured in CPU time of this process (time.process_time): the machine is shared,
# and wall time on a busy core counts other processes' turns; CPU time does not.
CLOCK = time.process_time
CHILD_LOAD = """
import sys, time, resource
t0 = time.perf_counter()
from ml import load_classifier
clf = load_classifier(sys.argv[1])
clf.predict(["cán bộ xã đòi tiền"])   # first prediction loads underthesea's CRF model
t1 = time.perf_counter()
import json
texts = json.load(open(sys.argv[2], encoding="utf-8"))
clf.predict(texts)
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": t1 - t0, "peak_rss_mb": rss_kb / 1024}))
"""


def pin_one_core() -> int:
    cpu = sorted(os.sched_getaffinity(0))[0]
    os.sched_setaffinity(0, {cpu})
    return cpu


def sample_texts(n: int, seed: int = 3) -> list[str]:
    import random

    from ml.dataset import DEFAULT_DATA, load_rows

    rows = load_rows(DEFAULT_DATA)
    rng = random.Random(seed)
    return [rng.choice(rows)["text"] for _ in range(n)]


def time_tokenize(texts: list[str]) -> float:
    from underthesea import word_tokenize

    t0 = CLOCK()
    for t in texts:
        word_tokenize(t)
    return CLOCK() - t0


def time_predict_path(clf, texts: list[str]) -> float:
    """What cmd_predict does per chunk of 64 lines, minus reading stdin."""
    from ml.__main__ import CHUNK, _parse_line

    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False).encode() for i, t in enumerate(texts)]
    sink = []
    t0 = CLOCK()
    for s in range(0, len(lines), CHUNK):
        items = [_parse_line(raw, s + k + 1) for k, raw in enumerate(lines[s : s + CHUNK])]
        tx = [t for _, t in items]
        preds = clf.predict_docs([clf.analyze(t) for t in tx], tx)
        sink.append(
            "".join(
                json.dumps(p.contract(rid), ensure_ascii=False) + "\n"
                for (rid, _), p in zip(items, preds, strict=False)
            )
        )
    return CLOCK() - t0


def time_stages(clf, texts: list[str]) -> dict:
    """Seconds spent per stage on the texts (one pass each)."""
    from ml.classifier import find_ward
    from ml.escalation import _plain, rule_features
    from ml.normalize import views
    from ml.segment import segment

    out = {}
    t0 = CLOCK()
    normed = [views(t)[0] for t in texts]
    out["normalize"] = CLOCK() - t0
    t0 = CLOCK()
    for t in normed:
        segment(t)
    out["segment (underthesea CRF; %s by this model)" % ("used" if clf.features.needs_words else "NOT used")] = (
        CLOCK() - t0
    )
    t0 = CLOCK()
    docs = [clf.analyze(t) for t in texts]
    out["analyze (what the model needs: views%s)" % (" + segmentation" if clf.features.needs_words else "")] = (
        CLOCK() - t0
    )
    t0 = CLOCK()
    X = clf.features.transform(docs)
    out["features"] = CLOCK() - t0
    t0 = CLOCK()
    clf.agency_model.predict_proba(X)
    clf.category_model.predict_proba(X)
    out["agency+category heads"] = CLOCK() - t0
    t0 = CLOCK()
    rule_features([_plain(t) for t in texts])
    out["escalation rules"] = CLOCK() - t0
    t0 = CLOCK()
    for t in texts:
        find_ward(t)
    out["ward extraction"] = CLOCK() - t0
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.environ.get("ML_MODEL_DIR", str(ROOT / "instance" / "models")))
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-train", action="store_true")
    args = ap.parse_args()

    from ml.classifier import load_classifier, resolve_artifact

    cpu = pin_one_core()
    texts = sample_texts(args.n)
    n_syl = statistics.mean(len(t.split()) for t in texts)
    print(
        f"{len(texts)} reports sampled from the corpus: mean {statistics.mean(map(len, texts)):.0f} chars, "
        f"{n_syl:.0f} syllables; pinned to CPU {cpu}"
    )

    artifact = resolve_artifact(args.model)
    clf = load_classifier(artifact)
    clf.predict(["khởi động"])  # warm caches: underthesea CRF model, ward gazetteer
    time_tokenize(texts[:50])

    tok, pred = [], []
    for _ in range(args.repeats):  # interleaved, medians
        tok.append(time_tokenize(texts))
        pred.append(time_predict_path(clf, texts))
    tok_s, pred_s = statistics.median(tok), statistics.median(pred)
    tok_rate, pred_rate = len(texts) / tok_s, len(texts) / pred_s
    ratio = pred_rate / tok_rate
    print(f"\nThroughput on one core, CPU time (median of {args.repeats} interleaved runs):")
    print(f"  underthesea word_tokenize alone      {tok_rate:8.1f} reports/s ({1000 * tok_s / len(texts):.2f} ms each)")
    print(
        f"  ml predict code path                 {pred_rate:8.1f} reports/s ({1000 * pred_s / len(texts):.2f} ms each)"
    )
    print(f"  ratio predict / word_tokenize        {ratio:8.3f}   (target >= 0.80)  {'OK' if ratio >= 0.8 else 'MISS'}")

    stages = time_stages(clf, texts)
    print("\nWhere the time goes (one pass, ms per report):")
    for k, v in stages.items():
        print(f"  {k:<36} {1000 * v / len(texts):7.3f}")

    with tempfile.TemporaryDirectory() as tmp:
        tf = Path(tmp) / "texts.json"
        tf.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        jl = Path(tmp) / "in.jsonl"
        jl.write_text(
            "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
            encoding="utf-8",
        )
        t0 = time.perf_counter()
        with open(jl, "rb") as fin:
            r = subprocess.run(
                ["taskset", "-c", str(cpu), PY, "-m", "ml", "predict", "--model", str(artifact)],
                stdin=fin,
                capture_output=True,
                cwd=ROOT,
            )
        sub_s = time.perf_counter() - t0
        n_out = len(r.stdout.splitlines())
        print(
            f"\n`python -m ml predict` subprocess, {n_out} lines answered (rc {r.returncode}): {sub_s:.2f} s wall "
            f"including start-up and model load = {n_out / sub_s:.1f} reports/s"
        )

        loads, rss = [], []
        for _ in range(3):
            out = subprocess.run(
                [PY, "-c", CHILD_LOAD, str(artifact), str(tf)], capture_output=True, text=True, cwd=ROOT, check=True
            ).stdout
            d = json.loads(out.strip().splitlines()[-1])
            loads.append(d["load_s"])
            rss.append(d["peak_rss_mb"])
        load_s, rss_mb = statistics.median(loads), max(rss)
        size_mb = artifact.stat().st_size / 1e6
        print("\nModel:")
        print(
            f"  load in a fresh process (imports + load + first prediction) {load_s:6.2f} s   (target < 2 s)  "
            f"{'OK' if load_s < 2 else 'MISS'}"
        )
        print(f"  file size {artifact.name}  {size_mb:6.1f} MB   (target < 50 MB)  {'OK' if size_mb < 50 else 'MISS'}")
        print(
            f"  peak RSS of a process holding it, after 2,000 predictions  {rss_mb:6.0f} MB   (target < 400 MB)  "
            f"{'OK' if rss_mb < 400 else 'MISS'}"
        )

        if not args.skip_train:
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
            t0 = time.perf_counter()
            r = subprocess.run(
                [PY, "-m", "ml", "train", "--out", str(Path(tmp) / "models")], capture_output=True, text=True, cwd=ROOT
            )
            train_s = time.perf_counter() - t0
            print(
                f"\nTraining `python -m ml train` (all cores, {os.cpu_count()}): {train_s:.1f} s wall   "
                f"(target < 180 s)  {'OK' if train_s < 180 and r.returncode == 0 else 'MISS'} (rc {r.returncode})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
