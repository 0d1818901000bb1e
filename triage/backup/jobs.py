"""The nightly backup (registered in `triage.cron`): one archive of the instance in BACKUP_DIR, checked against its
manifest once written, then the oldest archives beyond the newest BACKUP_KEEP removed. A backup that fails its
check raises, so rq records the failure, and it is never counted among the ones kept."""

from datetime import datetime
from pathlib import Path

from core.extensions import db
from core.logs import logged_job
from core.models.base import utcnow
from triage.backup.archive import check_archive
from triage.backup.service import create_backup
from triage.context import job_app

PREFIX = "backup-"
SUFFIX = ".tar.gz"


class BackupDamaged(RuntimeError):
    """A backup just written that does not match its manifest."""


def backup_name(at: datetime) -> str:
    """`backup-20261204T021500Z.tar.gz`: names that sort as the backups were taken."""
    return f"{PREFIX}{at.strftime('%Y%m%dT%H%M%SZ')}{SUFFIX}"


def kept_backups(directory: Path) -> list[Path]:
    """The nightly backups of `directory`, oldest first."""
    return sorted(p for p in directory.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def prune(directory: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` nightly backups (at least one is always kept); the paths removed."""
    backups = kept_backups(directory)
    removed = backups[: max(len(backups) - max(keep, 1), 0)]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@logged_job
def back_up_instance() -> dict:
    app = job_app()
    try:
        directory = Path(app.config["BACKUP_DIR"])
        created = create_backup(app, directory / backup_name(utcnow()))
        check = check_archive(created.path)
        if not check.ok:
            raise BackupDamaged(f"{created.path.name}: {len(check.problems)} problem(s)")
        removed = prune(directory, int(app.config["BACKUP_KEEP"]))
    finally:
        db.session.remove()
    return {
        "parts": len(created.manifest["parts"]),
        "bytes": created.path.stat().st_size,
        "missing_files": len(created.missing),
        "removed": len(removed),
    }
