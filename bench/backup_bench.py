"""Benchmark of backups: how long `create`, `verify` and `restore` take, and how large the archive is, for an
instance of N reports (filed through `submit_report`, each with its `received` event) with one evidence file of
100 KB for every tenth report.

    .venv/bin/python bench/backup_bench.py [--reports 20000] [--postgres]

The instance is a fresh SQLite file in a temporary folder. Times (one run each, wall clock):
  (a) create, as .tar.gz and as .tar.zst;
  (b) verify (every part hashed again, every table's rows read as JSON);
  (c) restore into a fresh SQLite file; with --postgres, into the database `bench_backup` too (dropped and created).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchdb import machine_line, recreate_database, url  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from core.database import upgrade_database  # noqa: E402
from core.extensions import db  # noqa: E402
from core.models import Attachment, Report  # noqa: E402
from core.units import load_units  # noqa: E402
from intake.submission import submit_report  # noqa: E402
from triage.backup.archive import check_archive  # noqa: E402
from triage.backup.service import create_backup, restore_backup  # noqa: E402
from triage.context import create_base_app  # noqa: E402

KEY = "bench-key"
TEXT = "Cán bộ một cửa UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ đất số {n} ba tháng chưa trả kết quả."


def instance(folder: Path, database: str):
    return create_base_app(
        {
            "INSTANCE_PATH": str(folder),
            "SQLALCHEMY_DATABASE_URI": database,
            "AUDIT_KEY": KEY,
            "PASSPHRASE_KEY": KEY,
            "SECRET_KEY": KEY,
            "ML_MODEL_DIR": str(folder / "models"),
        }
    )


def populate(app, reports: int) -> None:
    upgrade_database(app.config["SQLALCHEMY_DATABASE_URI"])
    files = Path(app.config["ATTACHMENTS_DIR"])
    with app.app_context():
        load_units(db.session)
        for n in range(reports):
            receipt = submit_report(db.session, text=TEXT.format(n=n), kind="phan-anh", notify_reporter=False)
            if n % 10 == 0:
                data = os.urandom(100_000)
                key = secrets.token_hex(20)
                (files / key[:2]).mkdir(parents=True, exist_ok=True)
                (files / key[:2] / f"{key}.orig").write_bytes(data)
                db.session.add(
                    Attachment(
                        report_id=receipt.report_id,
                        kind="image",
                        content_type="image/jpeg",
                        display_name=f"anh-{n}.jpg",
                        size=len(data),
                        sha256=hashlib.sha256(data).hexdigest(),
                        storage_key=key,
                    )
                )
            if n % 500 == 499:
                db.session.commit()
        db.session.commit()
        db.session.remove()


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"  {label:<44} {time.perf_counter() - started:7.1f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="backup-bench-") as work:
        work = Path(work)
        source = instance(work / "source", f"sqlite:///{work / 'source.db'}")
        timed(f"populate {args.reports:,} reports", lambda: populate(source, args.reports))
        for name in ("bench.tar.gz", "bench.tar.zst"):
            created = timed(f"create {name}", lambda name=name: create_backup(source, work / name))
            print(f"  {'':<44} {created.path.stat().st_size / 1e6:7.1f} MB, {len(created.manifest['parts'])} parts")
        archive = work / "bench.tar.zst"
        check = timed("verify bench.tar.zst", lambda: check_archive(archive))
        assert check.ok, check.problems
        targets = [("SQLite", f"sqlite:///{work / 'restored.db'}")]
        if args.postgres:
            recreate_database("bench_backup")
            targets.append(("PostgreSQL", url("bench_backup")))
        for label, database in targets:
            target = instance(work / f"restored-{label}", database)
            restored = timed(f"restore into {label}", lambda t=target: restore_backup(t, archive, check=check))
            with target.app_context():
                assert db.session.scalar(select(func.count()).select_from(Report)) == args.reports
                db.session.remove()
            print(f"  {'':<44} {sum(restored.rows.values()):,} rows, {restored.files} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
