"""python -m ml.corpus build [--out PATH] | stats"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .build import OUT_PATH, build_rows, write


def stats(rows: list[dict]) -> str:
    out = [f"rows: {len(rows)}"]
    for field in ("agency", "category", "escalate", "style", "place_form", "place_role", "split"):
        c = Counter(str(r[field]) for r in rows)
        out.append(f"{field}: " + ", ".join(f"{k}={v}" for k, v in c.most_common()))
    out.append(f"ward_code set: {sum(r['ward_code'] is not None for r in rows)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ml.corpus")
    ap.add_argument("command", choices=["build", "stats"])
    ap.add_argument("--out", type=Path, default=OUT_PATH)
    a = ap.parse_args(argv)
    if a.command == "build":
        rows = build_rows()
        write(a.out, rows)
        print(f"wrote {len(rows)} reports to {a.out}", file=sys.stderr)
        print(stats(rows), file=sys.stderr)
    else:
        rows = [json.loads(line) for line in open(a.out, encoding="utf-8")]
        print(stats(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
