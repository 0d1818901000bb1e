"""`python -m ml train | evaluate | predict | select` (see ml/train.py, ml/evaluate.py, docs/taxonomy.md section 5).

`train` exits with status 3 when the new model is written but refused by the publication gate
(`ml/gate.py`; `--force` publishes it anyway). `evaluate --real` prints the figures on the real-text set
(ml/data/real/complaints.jsonl), the keyword baseline on it and the generated held-out split.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from ml.classifier import default_model_dir, load_classifier
from ml.corrections import default_corrections_path
from ml.dataset import DEFAULT_DATA
from ml.evaluate import run_evaluate
from ml.gate import run_real
from ml.select import run_selection
from ml.train import print_metrics, train_and_publish

TRAINED_NOT_PUBLISHED = 3  # `train`: the model was written but refused by the publication gate (ml/gate.py)
CHUNK = 64  # predict: lines classified together (the segmentation dominates; batching amortises the rest)


# --------------------------------------------------------------------------- predict


class InputError(Exception):
    pass


def _parse_line(raw: bytes, lineno: int):
    """(id, text) of one input line; InputError naming the line when it is not a report."""
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        msg = getattr(e, "msg", str(e))
        raise InputError(f"line {lineno}: invalid JSON ({msg})") from None
    if not isinstance(obj, dict):
        raise InputError(f'line {lineno}: expected a JSON object with a "text" field')
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f'line {lineno}: missing "text" (a string)')
    return obj.get("id"), text


def _iter_lines(fd: int):
    """Lines of fd as they arrive (no waiting for EOF): yields (lines, more_pending)."""
    buf = b""
    while True:
        data = os.read(fd, 1 << 16)
        if not data:
            if buf:
                yield [buf], False
            return
        buf += data
        *lines, buf = buf.split(b"\n")
        if lines:
            yield lines, True


def cmd_predict(args) -> int:
    try:
        clf = load_classifier(args.model or default_model_dir())
    except (FileNotFoundError, TypeError) as e:
        print(f"ml predict: {e}", file=sys.stderr)
        return 2
    print(f"ml predict: model {clf.version}", file=sys.stderr)
    out = sys.stdout
    lineno = 0
    pending: list[tuple[object, str]] = []

    def flush():
        if pending:
            texts = [t for _, t in pending]
            preds = clf.predict_docs([clf.analyze(t) for t in texts], texts)
            out.write(
                "".join(
                    json.dumps(p.contract(rid), ensure_ascii=False) + "\n"
                    for (rid, _), p in zip(pending, preds, strict=True)
                )
            )
            out.flush()
            pending.clear()

    try:
        for lines, _more in _iter_lines(sys.stdin.fileno()):
            for raw in lines:
                lineno += 1
                if not raw.strip():
                    continue  # blank lines carry no report
                try:
                    pending.append(_parse_line(raw, lineno))
                except InputError as e:
                    flush()  # answer every valid line before the bad one, in order
                    print(f"ml predict: {e}", file=sys.stderr)
                    return 1
                if len(pending) >= args.batch:
                    flush()
            flush()  # whatever arrived so far: answer it now rather than wait for more input
    except BrokenPipeError:
        return 0
    return 0


# --------------------------------------------------------------------------- train / evaluate / select


def cmd_train(args) -> int:
    corrections = None
    if args.with_corrections is not None:
        corrections = args.with_corrections or str(default_corrections_path())
        if not os.path.exists(corrections):
            print(f"ml train: no corrections file at {corrections}; training without corrections", file=sys.stderr)
    settings = json.loads(args.settings) if args.settings else None
    clf, path, metrics = train_and_publish(
        args.data or DEFAULT_DATA,
        args.out,
        corrections_path=corrections,
        settings=settings,
        max_rows=args.max_rows,
        corrections_weight=args.corrections_weight,
        force=args.force,
    )
    print_metrics(clf, path, metrics)
    return 0 if metrics["gate"]["published"] else TRAINED_NOT_PUBLISHED


def cmd_evaluate(args) -> int:
    if args.real:
        try:
            run_real(args.model or default_model_dir(), args.data or DEFAULT_DATA, args.file)
        except (FileNotFoundError, TypeError) as e:  # no model there, or not a classifier
            print(f"ml evaluate: {e}", file=sys.stderr)
            return 2
        return 0
    if not args.file:
        print("ml evaluate: give a labelled JSONL file, or --real", file=sys.stderr)
        return 2
    run_evaluate(
        args.file,
        args.model,
        str(args.data or DEFAULT_DATA),
        with_baselines=not args.no_baselines,
        split=args.split,
        show_errors=not args.no_errors,
    )
    return 0


def cmd_select(args) -> int:
    run_selection(args.data or DEFAULT_DATA, folds=args.folds, stage=args.stage, max_rows=args.max_rows)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ml", description="Vietnamese routing classifier")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("train", help="train on the train split, print held-out metrics, publish the model")
    p.add_argument("--data", help="corpus JSONL (default ml/data/reports.jsonl)")
    p.add_argument("--out", help="model directory (default $ML_MODEL_DIR or ./instance/models)")
    p.add_argument(
        "--with-corrections",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="fold in corrections (default $ML_CORRECTIONS or ./instance/corrections.jsonl)",
    )
    p.add_argument("--corrections-weight", type=float, default=None, help="sample weight of a correction (default 2)")
    p.add_argument("--settings", help="JSON object overriding training settings (ml.train.DEFAULT_SETTINGS)")
    p.add_argument("--max-rows", type=int, help="train on a subsample of this many rows (quick models)")
    p.add_argument(
        "--force", action="store_true", help="publish even when the model is worse on the real set (ml/gate.py)"
    )
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="figures of a model on a labelled JSONL file, against the baselines")
    p.add_argument("file", nargs="?", help="labelled JSONL (with --real: the real set to use instead of the default)")
    p.add_argument(
        "--real",
        action="store_true",
        help="figures on the real set (ml/data/real/complaints.jsonl), the keyword baseline and the held-out split",
    )
    p.add_argument("--model", help="artifact or model directory (default $ML_MODEL_DIR or ./instance/models)")
    p.add_argument("--data", help="corpus whose train split trains the baselines (default ml/data/reports.jsonl)")
    p.add_argument("--split", help="only rows with this split value (default: 'test' when rows carry a split)")
    p.add_argument("--no-baselines", action="store_true")
    p.add_argument("--no-errors", action="store_true", help="do not list misclassified rows")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("predict", help="JSON Lines in on stdin, one JSON line out per report (taxonomy.md 5)")
    p.add_argument("--model", help="artifact or model directory (default $ML_MODEL_DIR or ./instance/models)")
    p.add_argument("--batch", type=int, default=CHUNK, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("select", help="model selection by cross-validation on the train split")
    p.add_argument("--data")
    p.add_argument("--folds", type=int, default=4)
    p.add_argument("--stage", default="all", help="features | models | escalation | all")
    p.add_argument("--max-rows", type=int)
    p.set_defaults(func=cmd_select)

    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
