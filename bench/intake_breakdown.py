"""Where a filing's time goes, as a staircase in one process: the bare Flask-WTF POST of `intake_bench`, then views
added to the real application (`wsgi:app`, with every hook, CSRF and the submission limit) that stop after each
step of a filing, then the real filing.

    .venv/bin/python bench/intake_breakdown.py [--requests 2000] [--redis-url URL]

Each row is the CPU time (`time.process_time`) per POST through the WSGI application, no server and no client, the
best of two rounds: "hooks" answers 201 at once; "+ form" validates the citizen's form; "+ store" writes the
report and its first event with two SQLAlchemy Core INSERTs (no unit of work, no session hooks) and commits;
"+ push" adds an LPUSH to Redis; "+ receipt" renders the receipt page. Under gunicorn each request costs the
same on top of these for the server and the client, which `intake_bench` measures; this bench says how much of a
filing is left once the form, CSRF and the limiter are paid for.
"""

import argparse
import os
import random
import shutil
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import bench.intake_bench as ib  # noqa: E402
from bench.benchdb import machine_line  # noqa: E402

STEPS = ("hooks", "+ form", "+ store", "+ push", "+ receipt")


def staircase_view(step: int):
    """A view doing the first `step` steps of a filing (see the module docstring), answering 201."""
    from flask import current_app, render_template
    from sqlalchemy import insert

    from core.extensions import db
    from core.models import Report, ReportEvent, utcnow
    from core.search import fold
    from intake.public import _report_form
    from intake.receipts import hash_passphrase, new_passphrase, new_tracking_code
    from intake.submission import Receipt, legal_track

    new_report = insert(Report).returning(Report.id)  # built once: compiled once, then from the cache
    new_event = insert(ReportEvent)

    def view():
        if step == 0:
            return "", 201
        form = _report_form()
        if not form.validate():
            return "", 400
        if step == 1:
            return "", 201
        passphrase, now, text = new_passphrase(), utcnow(), form.text.data
        track = legal_track(form.kind.data, form.reporter_name.data, form.reporter_address.data)
        connection = db.session.connection()
        values = dict(tracking_code=new_tracking_code(), passphrase_hash=hash_passphrase(passphrase), text=text)
        values |= dict(text_folded=fold(text), kind=form.kind.data, track=track, ward_code_given=form.ward.data or None)
        values |= dict(received_at=now, channel="web")
        report_id = connection.execute(new_report, values).scalar_one()
        connection.execute(new_event, dict(report_id=report_id, kind="received", at=now, public=True, data={}))
        db.session.commit()
        if step == 2:
            return "", 201
        current_app.extensions["redis"].lpush("intake-breakdown", report_id)
        if step == 3:
            return "", 201
        receipt = Receipt(report_id, values["tracking_code"], passphrase, form.kind.data, track)
        files = SimpleNamespace(accepted=[], refused=[])
        return render_template("public/receipt.html", receipt=receipt, files=files, status_url="/tra-cuu"), 201

    return view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="POSTs per row and round")
    parser.add_argument("--redis-url", default=ib.DEFAULT_REDIS)
    args = parser.parse_args()

    run = ib.BenchInstance("intake-breakdown-", None, args.redis_url)
    os.environ.update(run.env)
    from werkzeug.test import EnvironBuilder

    from core.ratelimit import limit_view
    from wsgi import app

    for step in range(len(STEPS)):
        app.add_url_rule(f"/step-{step}", f"step_{step}", staircase_view(step), methods=["POST"])
        limit_view(app, f"step_{step}", "SUBMIT_RATE_LIMIT")
    bare = ib.bare_app()

    def session(application, token_pattern):
        client = application.test_client()
        page = client.get("/").get_data(as_text=True)
        match = token_pattern.search(page)
        return client.get_cookie("session").value, match.group(1) or match.group(2), page

    real_cookie, real_token, page = session(app, ib.CSRF)
    bare_cookie, bare_token, _ = session(bare, ib.CSRF)
    wards = [w for w in ib.OPTION.findall(page) if w]
    rng = random.Random(0)

    def environ(path: str, is_bare: bool) -> dict:
        if is_bare:
            fields = {"csrf_token": bare_token, "text": rng.choice(ib.STORIES).format(d=1, m=2, n=3)}
            fields["kind"], cookie = rng.choice(ib.KINDS), bare_cookie
        else:
            fields, cookie = {"csrf_token": real_token, **ib.report_fields(rng, wards)}, real_cookie
        return EnvironBuilder(
            path=path,
            method="POST",
            data=urlencode(fields),
            content_type="application/x-www-form-urlencoded",
            headers={"Cookie": f"session={cookie}"},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        ).get_environ()

    def cost(application, path: str, is_bare: bool = False) -> float:
        best, statuses = float("inf"), []

        def answer(status, _headers, _exc_info=None):
            statuses.append(status)

        for _ in range(2):
            environs = [environ(path, is_bare) for _ in range(args.requests)]
            statuses.clear()
            start = time.process_time()
            for env in environs:
                b"".join(application.wsgi_app(env, answer))
            if any(not status.startswith("201") for status in statuses):
                raise RuntimeError(f"POST {path} answered {sorted(set(statuses))}")
            best = min(best, (time.process_time() - start) / args.requests * 1000)
        return best

    rows = [("bare form POST", cost(bare, "/", is_bare=True))]
    rows += [(name, cost(app, f"/step-{step}")) for step, name in enumerate(STEPS)]
    rows.append(("the real filing", cost(app, "/")))
    print(machine_line())
    print(f"SQLite, Redis {run.redis_url}; {args.requests} POSTs per row, best of 2 rounds, CPU ms per POST in-process")
    base, previous = rows[0][1], None
    for name, ms in rows:
        step = f"{ms - previous:+8.3f}" if previous is not None and name in STEPS[1:] else f"{'':8}"
        print(f"{name:18} {ms:8.3f} {step} {ms / base:8.1f}x bare")
        previous = ms
    run.app.extensions["redis"].delete("intake-breakdown")
    run.clean()
    shutil.rmtree(run.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
