"""Precision and recall of the duplicate candidates' text similarity (triage/casework/duplicates.py), with a baseline.

    .venv/bin/python bench/duplicates_bench.py [--data bench/data/duplicates.jsonl] [--pg 20000]

The labelled set: pairs of complaint texts written by hand, `same` true when both tell the same incident (another
reporter, another style: accented, unaccented, texting, formal petition) and false for near misses (the same office
and kind of misconduct, another incident) and for incidents of the same kind elsewhere. The IDF is computed over all
the set's texts, as the case page computes it over the pool of a unit's open reports.

Prints, in one run: precision, recall and F1 of the TF-IDF cosine at the threshold the case page uses
(`duplicates.THRESHOLD`) and at its best threshold on this set; the baselines (plain word-overlap Jaccard on the
lower-cased texts, and on the texts with diacritics folded) at their own best thresholds (tuned on the same set, so
the baselines' best case); both again with the threshold chosen by two-fold cross-validation (tuned on one half,
counted on the other: what to expect on texts the threshold was not chosen on); and the
time to score one report against a pool of `POOL_LIMIT` reports (what a case page adds).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.search import fold  # noqa: E402
from triage.casework.duplicates import POOL_LIMIT, THRESHOLD, Similarity, jaccard  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "duplicates.jsonl"


def prf(scores: list[float], labels: list[bool], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best(scores: list[float], labels: list[bool]) -> tuple[float, tuple[float, float, float]]:
    grid = [t / 100 for t in range(1, 100)]
    return max(((t, prf(scores, labels, t)) for t in grid), key=lambda item: (item[1][2], -item[0]))


def crossed(scores: list[float], labels: list[bool]) -> tuple[float, tuple[float, float, float]]:
    """Two-fold cross-validation (pairs alternately in each half): the threshold tuned on one half, counted on
    the other; the figures pooled over both halves, the threshold shown is the mean of the two tuned."""
    tp = fp = fn = 0
    chosen = []
    for fold_ in (0, 1):
        tune = [i for i in range(len(scores)) if i % 2 != fold_]
        test = [i for i in range(len(scores)) if i % 2 == fold_]
        t, _ = best([scores[i] for i in tune], [labels[i] for i in tune])
        chosen.append(t)
        tp += sum(1 for i in test if scores[i] >= t and labels[i])
        fp += sum(1 for i in test if scores[i] >= t and not labels[i])
        fn += sum(1 for i in test if scores[i] < t and labels[i])
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return sum(chosen) / 2, (p, r, 2 * p * r / (p + r) if p + r else 0.0)


def line(name: str, threshold: float, figures: tuple[float, float, float]) -> str:
    p, r, f = figures
    return f"{name:<44} threshold {threshold:.2f}   precision {p:.3f}   recall {r:.3f}   F1 {f:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--pg", type=int, default=0, help="also time the case page's candidates on PostgreSQL")
    args = parser.parse_args()
    rows = [json.loads(raw) for raw in Path(args.data).read_text(encoding="utf-8").splitlines() if raw.strip()]
    labels = [bool(r["same"]) for r in rows]
    print(f"{len(rows)} pairs: {sum(labels)} same incident, {len(labels) - sum(labels)} not")

    texts = sorted({t for r in rows for t in (r["a"], r["b"])})
    index = {t: i for i, t in enumerate(texts)}
    similarity = Similarity(texts)
    tfidf = [similarity.score(index[r["a"]], index[r["b"]]) for r in rows]
    overlap = [jaccard(r["a"], r["b"]) for r in rows]
    folded = [jaccard(fold(r["a"]), fold(r["b"])) for r in rows]

    print(line("TF-IDF cosine (case page threshold)", THRESHOLD, prf(tfidf, labels, THRESHOLD)))
    print(line("TF-IDF cosine (best threshold on this set)", *best(tfidf, labels)))
    print(line("baseline: word Jaccard (its best threshold)", *best(overlap, labels)))
    print(line("baseline: Jaccard, diacritics folded (best)", *best(folded, labels)))
    for name, scores in (("TF-IDF cosine", tfidf), ("Jaccard, diacritics folded", folded)):
        print(line(f"{name}, 2-fold", *crossed(scores, labels)))
    for kind in sorted({r["kind"] for r in rows}):
        picked = [s for s, r in zip(tfidf, rows, strict=True) if r["kind"] == kind]
        shown = sum(1 for s in picked if s >= THRESHOLD)
        print(f"  {kind:<52} {shown:>3} of {len(picked):>3} shown as candidates")

    pool = (texts * (POOL_LIMIT // len(texts) + 1))[:POOL_LIMIT]
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        scored = Similarity([pool[0], *pool])
        _ = [scored.score(0, i) for i in range(1, len(pool) + 1)]
        timings.append(time.perf_counter() - start)
    print(f"one report against a pool of {POOL_LIMIT}: median {statistics.median(timings) * 1000:.0f} ms (5 runs)")
    if args.pg:
        on_postgres(texts, args.pg)


def on_postgres(texts: list[str], n: int) -> None:
    """What the case page pays: `candidates` for 20 open reports of a busy unit holding `n` reports over two years
    (a third still open), on PostgreSQL (database `bench_duplicates`, dropped and made again)."""
    import random
    from datetime import timedelta
    from types import SimpleNamespace

    from sqlalchemy import create_engine, insert, select
    from sqlalchemy.orm import Session

    from bench.benchdb import machine_line, recreate_database, url
    from core.database import upgrade_database
    from core.models import Report, Unit, utcnow
    from core.search import fold
    from core.units import load_units
    from core.vocabulary import Role, Status
    from triage.casework.duplicates import _cached_terms, candidates, pool

    recreate_database("bench_duplicates")
    upgrade_database(url("bench_duplicates"))
    engine = create_engine(url("bench_duplicates"))
    rng = random.Random(7)
    now = utcnow()
    with Session(engine) as session:
        load_units(session)
        session.commit()
        unit = session.scalar(select(Unit).where(Unit.code == "16522"))
        rows = []
        for i in range(n):
            text = f"{rng.choice(texts)} {rng.choice(texts)[:60]}"
            open_ = rng.random() < 1 / 3
            rows.append(
                {
                    "tracking_code": f"TH-B{i:03d}-{i // 1000:04d}"[:12] + f"{i}",
                    "passphrase_hash": "x",
                    "received_at": now - timedelta(days=rng.randint(0, 730)),
                    "text": text,
                    "text_folded": fold(text),
                    "kind": "phan-anh",
                    "track": "phan-anh",
                    "status": rng.choice([Status.ROUTED, Status.ACCEPTED]) if open_ else Status.CLOSED,
                    "unit_id": unit.id,
                    "ward_code": unit.ward_code,
                    "reporter_phone": f"09{rng.randint(0, 99_999_999):08d}",
                }
            )
        session.execute(insert(Report), rows)
        session.commit()
        inspector = SimpleNamespace(role=Role.INSPECTOR, unit_id=unit.id)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE reports")
        picked = session.scalars(
            select(Report).where(Report.status != Status.CLOSED).order_by(Report.received_at.desc()).limit(20)
        ).all()
        pools, found, runs = [], [], {"first view (cold cache)": [], "next views (terms cached)": []}
        for report in picked:
            for times in runs.values():
                session.expire_all()
                start = time.perf_counter()
                shown = candidates(session, inspector, report)
                times.append(time.perf_counter() - start)
            found.append(len(shown))
            pools.append(len(pool(session, inspector, report, set())))
            _cached_terms.cache_clear()
    print(machine_line())
    print(f"PostgreSQL, {n} reports in one unit: candidates of 20 case pages, pools of {min(pools)}-{max(pools)}")
    for name, times in runs.items():
        print(f"  {name:<28} median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"  candidates shown: median {statistics.median(found):.0f}")


if __name__ == "__main__":
    main()
