"""Benchmark of the working-day calendar. Prints figures and ratios.

    .venv/bin/python bench/calendar_bench.py [--ops 50000] [--reps 7] [--seed 4]

- throughput (deadline computations per second, one core) of ``WorkingCalendar``
  (``default_calendar()``, the shipped overrides) on a fixed mix of calls:
  50 % ``add_working_days``, 25 % ``working_days_between``, 25 %
  ``add_calendar_days``, N uniform in 5..30, start dates uniform over 2025-2028;
- the same mix through a naive day-by-day implementation written below (the former
  algorithm: a loop that asks the SAME calendar's ``is_working_day`` for every day
  walked), measured in the same run, and the ratio new / naive;
- the worst single ``add_working_days`` call for N = 2,000 working days (forward and
  backward, many start dates), new vs naive: the new one must not grow with N.

Each figure is the median of ``--reps`` repetitions timed with time.perf_counter.
Both implementations are checked to give the same answers on the whole mix first.
The calendar's table is warmed up (built) before timing: the figures are the
steady state of a long-lived process, the one-off build time is printed apart.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import subprocess
import sys
import time
import types
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.vietnamese import legal_date  # noqa: E402
from triage.deadlines.calendar import WorkingCalendar, default_calendar, load_overrides  # noqa: E402

ONE = timedelta(days=1)


class NaiveCalendar:
    """The day-by-day algorithm, on top of a calendar's ``is_working_day``."""

    def __init__(self, cal: WorkingCalendar) -> None:
        self.is_working_day = cal.is_working_day

    def next_working_day(self, d, *, inclusive=False):
        day = legal_date(d)
        if inclusive and self.is_working_day(day):
            return day
        while True:
            day += ONE
            if self.is_working_day(day):
                return day

    def add_working_days(self, start, n):
        day = legal_date(start)
        if n == 0:
            return self.next_working_day(day, inclusive=True)
        step = ONE if n > 0 else -ONE
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a, b):
        da, db = legal_date(a), legal_date(b)
        if da == db:
            return 0
        sign = 1 if db > da else -1
        lo, hi = (da, db) if sign > 0 else (db, da)
        count = 0
        day = lo + ONE
        while day <= hi:
            if self.is_working_day(day):
                count += 1
            day += ONE
        return sign * count

    def add_calendar_days(self, start, n):
        return self.next_working_day(legal_date(start) + timedelta(days=n), inclusive=True)


def make_mix(n_ops: int, seed: int) -> list[tuple[str, date, object]]:
    rng = random.Random(seed)
    first, last = date(2025, 1, 1).toordinal(), date(2028, 12, 31).toordinal()
    ops: list[tuple[str, date, object]] = []
    for _ in range(n_ops):
        start = date.fromordinal(rng.randint(first, last))
        n = rng.randint(5, 30)
        r = rng.random()
        if r < 0.5:
            ops.append(("add_working_days", start, n))
        elif r < 0.75:
            # "còn N ngày" between today and a due date some working days away
            ops.append(("working_days_between", start, start + timedelta(days=rng.randint(-2 * n, 2 * n))))
        else:
            ops.append(("add_calendar_days", start, n))
    return ops


def run_mix(cal, ops) -> list:
    awd, wdb, acd = cal.add_working_days, cal.working_days_between, cal.add_calendar_days
    out = []
    append = out.append
    for name, a, b in ops:
        if name == "add_working_days":
            append(awd(a, b))
        elif name == "working_days_between":
            append(wdb(a, b))
        else:
            append(acd(a, b))
    return out


def throughput(cal, ops, reps: int) -> float:
    rates = []
    for _ in range(reps):
        t0 = time.perf_counter()
        run_mix(cal, ops)
        rates.append(len(ops) / (time.perf_counter() - t0))
    return statistics.median(rates)


def single_calls(cal, starts: list[date], n: int, reps: int) -> tuple[float, float]:
    """(worst, mean) single-call time in s of add_working_days over all starts, +n
    and -n; each the median over reps. GC is off while timing: a worst case is
    otherwise mostly a collection or a scheduler tick, whatever N."""
    worsts, means = [], []
    gc.disable()
    try:
        for _ in range(reps):
            times = []
            for s in starts:
                for k in (n, -n):
                    t0 = time.perf_counter()
                    cal.add_working_days(s, k)
                    times.append(time.perf_counter() - t0)
            worsts.append(max(times))
            means.append(statistics.fmean(times))
    finally:
        gc.enable()
    return statistics.median(worsts), statistics.median(means)


def _source_at_rev(rev: str) -> str:
    """The calendar module's source at ``rev``: triage/deadlines/calendar.py, or triage/calendar.py before the
    domain sub-packages."""
    for path in ("triage/deadlines/calendar.py", "triage/calendar.py"):
        shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True)
        if shown.returncode == 0:
            return shown.stdout
    raise SystemExit(f"no calendar module at {rev}")


def calendar_at_rev(rev: str) -> WorkingCalendar:
    """``default_calendar()`` of triage/deadlines/calendar.py as it was at git ``rev`` (e.g. the
    day-by-day implementation it replaced), with today's shipped overrides."""
    src = _source_at_rev(rev)
    mod = types.ModuleType("calendar_at_rev")
    mod.__package__ = "triage"
    sys.modules[mod.__name__] = mod  # dataclasses look the module up
    exec(compile(src, f"{rev}:calendar.py", "exec"), mod.__dict__)
    return mod.WorkingCalendar([mod.Override(r.day, r.working, r.reason) for r in load_overrides()])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ops", type=int, default=50_000, help="calls in the mix")
    ap.add_argument("--reps", type=int, default=7, help="repetitions (median reported)")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument(
        "--compare-rev",
        metavar="REV",
        help="also time the WorkingCalendar of triage/deadlines/calendar.py at this git revision "
        "(e.g. the commit before the table-based calendar) on the same mix",
    )
    args = ap.parse_args()

    t0 = time.perf_counter()
    cal = default_calendar()
    cal.is_working_day(date(2026, 6, 1))  # builds the first year range
    build = time.perf_counter() - t0
    naive = NaiveCalendar(cal)

    ops = make_mix(args.ops, args.seed)
    # Warm-up (extends the table over every date the mix reaches) and agreement check.
    fast_out, naive_out = run_mix(cal, ops), run_mix(naive, ops)
    mismatches = sum(x != y for x, y in zip(fast_out, naive_out, strict=True))
    assert mismatches == 0, f"{mismatches} answers differ between the table and the naive loop"

    naive_reps = max(3, args.reps // 2)
    fast_rate = throughput(cal, ops, args.reps)
    naive_rate = throughput(naive, ops, naive_reps)

    rng = random.Random(args.seed + 1)
    starts = [
        date.fromordinal(rng.randint(date(2025, 1, 1).toordinal(), date(2028, 12, 31).toordinal())) for _ in range(200)
    ]
    cal.add_working_days(starts[0], 2_000), cal.add_working_days(starts[0], -2_000)  # warm-up
    worst_2000, mean_2000 = single_calls(cal, starts, 2_000, 3 * args.reps)
    worst_30, mean_30 = single_calls(cal, starts, 30, 3 * args.reps)
    worst_naive_2000, mean_naive_2000 = single_calls(naive, starts[:20], 2_000, 3)

    rev_rate = None
    if args.compare_rev:
        old = calendar_at_rev(args.compare_rev)
        old_out = run_mix(old, ops)
        assert old_out == fast_out, f"{args.compare_rev} gives other answers"
        rev_rate = throughput(old, ops, 3)

    print(
        f"python {sys.version.split()[0]}; {args.ops:,} calls per repetition "
        f"(50% add_working_days, 25% working_days_between, 25% add_calendar_days; N 5-30; "
        f"starts 2025-2028, seed {args.seed}); median of {args.reps} reps (naive: {naive_reps})"
    )
    print(f"answers agree on all {len(ops):,} calls")
    print(f"first build (default_calendar + table 2025-2029): {build * 1e3:.1f} ms")
    print(f"new   (table):        {fast_rate:>12,.0f} computations/s  ({1e6 / fast_rate:.2f} us/call)")
    print(f"naive (day by day):   {naive_rate:>12,.0f} computations/s  ({1e6 / naive_rate:.2f} us/call)")
    print(f"ratio new / naive:    {fast_rate / naive_rate:>12.1f} x")
    if rev_rate is not None:
        print(
            f"{args.compare_rev} (its own code):  {rev_rate:>12,.0f} computations/s  "
            f"({1e6 / rev_rate:.2f} us/call); ratio new / {args.compare_rev}: {fast_rate / rev_rate:.1f} x"
        )
    print(f"single add_working_days, 200 starts x (+N, -N), median of {3 * args.reps} reps:")
    print(f"  new,   N=2,000: worst {worst_2000 * 1e6:6.1f} us, mean {mean_2000 * 1e6:.2f} us")
    print(f"  new,   N=30:    worst {worst_30 * 1e6:6.1f} us, mean {mean_30 * 1e6:.2f} us")
    print(
        f"  naive, N=2,000: worst {worst_naive_2000 * 1e3:6.2f} ms, mean {mean_naive_2000 * 1e3:.2f} ms (20 starts, 3 reps)"
    )
    print(f"target >= 100,000 computations/s: {'met' if fast_rate >= 100_000 else 'NOT met'}")


if __name__ == "__main__":
    main()
