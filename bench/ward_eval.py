"""Ward extraction accuracy and speed on the labelled sets.

    python bench/ward_eval.py [--show-errors]

Prints, per source (the dev examples, ml/data/dev-examples.jsonl; corpus rows with split == "train"):
exact accuracy on rows whose ward_code is set, the rate of a code output where the
label is null, and microseconds per text (normalisation + extraction).
"""

import json
import statistics
import sys
import time

from ml.dataset import DEFAULT_DATA, DEV_EXAMPLES
from ml.wards import extract_ward

SOURCES = {
    "dev-examples": (DEV_EXAMPLES, None),
    "corpus-train": (DEFAULT_DATA, "train"),
}


def load(path, split):
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def main(show_errors: bool) -> None:
    for name, (path, split) in SOURCES.items():
        rows = load(path, split)
        if not rows:
            print(f"{name}: no data at {path}")
            continue
        extract_ward(rows[0]["text"])  # build the index outside the timing
        labelled = ok = null_rows = fp = 0
        errors = []
        for r in rows:
            m = extract_ward(r["text"])
            got = m.code if m else None
            if r.get("ward_code"):
                labelled += 1
                ok += got == r["ward_code"]
                if got != r["ward_code"]:
                    errors.append((r.get("id"), r["ward_code"], m))
            else:
                null_rows += 1
                if got:
                    fp += 1
                    errors.append((r.get("id"), None, m))
        times = []
        for _ in range(3):
            for r in rows:
                t0 = time.perf_counter()
                extract_ward(r["text"])
                times.append(time.perf_counter() - t0)
        acc = ok / labelled if labelled else float("nan")
        fpr = fp / null_rows if null_rows else float("nan")
        print(
            f"{name}: {len(rows)} rows; ward accuracy {ok}/{labelled} = {acc:.3f}; "
            f"code output on null rows {fp}/{null_rows} = {fpr:.3f}; "
            f"median {statistics.median(times) * 1e6:.0f} us/text, "
            f"mean {statistics.fmean(times) * 1e6:.0f} us/text"
        )
        if show_errors:
            for e in errors[:40]:
                print("   ", e)


if __name__ == "__main__":
    main("--show-errors" in sys.argv)
