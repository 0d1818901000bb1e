"""What starting a process of the service costs: wall time and peak memory of importing and building the web
app (`wsgi.py`), of the worker's and cron's modules, each in a fresh interpreter, against the bare interpreter
measured in the same run, and against the same start with one argon2 hash computed at import (what every process
paid while the dummy hash was built at import time).

    .venv/bin/python bench/startup_bench.py [--repeats 7]

Prints the median of the repeats (interleaved) and the ratios to the bare interpreter. No database or Redis is
touched: building the app opens no connection (tests/test_layers.py checks it).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import resource, sys, time
t0 = time.perf_counter()
exec(sys.argv[1])
wall = time.perf_counter() - t0
print(wall, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

CASES = {
    "bare interpreter": "pass",
    "web app (wsgi.py)": "import wsgi",
    "web app + one argon2 hash at import": "import wsgi\nfrom core.passwords import dummy_verify; dummy_verify()",
    "worker modules": "import triage.worker, triage.routing.jobs, triage.deadlines.jobs",
    "cron modules": "import triage.cron",
}


def measure(code: str, env: dict) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as instance:
        env = {**os.environ, "INSTANCE_PATH": instance, "PYTHONPATH": str(ROOT)}
        env.pop("REDIS_URL", None)
        env.pop("DATABASE_URL", None)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in CASES}
        for _ in range(args.repeats):
            for name, code in CASES.items():
                results[name].append(measure(code, env))
    base_wall = statistics.median(w for w, _ in results["bare interpreter"])
    base_rss = statistics.median(r for _, r in results["bare interpreter"])
    print(f"median of {args.repeats} interleaved runs, each in a fresh interpreter (Python {sys.version.split()[0]})")
    print(f"{'':40} {'import+build s':>15} {'peak RSS MiB':>13} {'RSS / bare':>11}")
    figures = {}
    for name in CASES:
        wall = statistics.median(w for w, _ in results[name])
        rss = statistics.median(r for _, r in results[name])
        figures[name] = {"seconds": round(wall, 3), "peak_rss_mib": round(rss, 1)}
        print(f"{name:40} {wall:15.3f} {rss:13.1f} {rss / base_rss:10.2f}x")
    hashed = figures["web app + one argon2 hash at import"]
    web = figures["web app (wsgi.py)"]
    print(
        f"\nlazy dummy hash saves {hashed['seconds'] - web['seconds']:.3f} s and "
        f"{hashed['peak_rss_mib'] - web['peak_rss_mib']:.1f} MiB per process "
        f"(bare interpreter: {base_wall:.3f} s, {base_rss:.1f} MiB)"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
