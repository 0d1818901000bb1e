"""Admin page of the work queues: the rq queues with their depths, the jobs that failed (function, when, the last
line of the error; never a job's arguments, so never a report's text), and retrying one failed job or all of a
queue's, each retry written to the audit trail. Admins only, like the rest of the admin pages."""

from dataclasses import dataclass
from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from rq.exceptions import InvalidJobOperation, NoSuchJobError
from rq.job import Job
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

from core.audit import append as audit
from core.extensions import db
from triage.admin import views as admin_pages
from triage.casework.access import guard_blueprint
from triage.casework.redaction import redact

bp = Blueprint("admin_queues", __name__, url_prefix="/can-bo/quan-tri/hang-doi")
guard_blueprint(bp, "administer")
bp.context_processor(admin_pages.flashed_messages)  # the admin layout shows them

FAILED_SHOWN = 100  # the most recent failed jobs listed per queue
ERROR_SHOWN = 300  # characters of the error's last line
QUEUE_LABELS = {
    "ROUTING_QUEUE": "Phân loại đơn",
    "JOBS_QUEUE": "Thời hạn, thông báo và việc định kỳ",
}


@dataclass(frozen=True)
class QueueFigures:
    name: str
    label: str
    waiting: int
    started: int
    scheduled: int
    failed: int


@dataclass(frozen=True)
class FailedJob:
    id: str
    queue: str
    function: str
    failed_at: datetime | None
    error: str


class RetryForm(FlaskForm):
    """A button: only the CSRF token (the job and the queue come in hidden fields, checked against Redis)."""


def configured_queues() -> dict[str, str]:
    """The queues of this installation, name → Vietnamese label."""
    return {current_app.config[key]: label for key, label in QUEUE_LABELS.items()}


def queue_figures(redis: Redis, name: str, label: str) -> QueueFigures:
    queue = Queue(name, connection=redis)
    return QueueFigures(
        name=name,
        label=label,
        waiting=queue.count,
        started=StartedJobRegistry(queue=queue).count,
        scheduled=ScheduledJobRegistry(queue=queue).count,
        failed=FailedJobRegistry(queue=queue).count,
    )


def _last_line(error: str | None) -> str:
    """The error's last line, with any phone number or e-mail address a message repeated masked."""
    lines = [line for line in (error or "").strip().splitlines() if line.strip()]
    return redact(lines[-1].strip())[:ERROR_SHOWN] if lines else "—"


def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def failed_jobs(redis: Redis, name: str, limit: int = FAILED_SHOWN) -> list[FailedJob]:
    """The most recent failed jobs of a queue: what ran, when it failed and the error's last line."""
    registry = FailedJobRegistry(queue=Queue(name, connection=redis))
    ids = registry.get_job_ids(0, limit - 1, desc=True)
    jobs = []
    for job_id, job in zip(ids, Job.fetch_many(ids, connection=redis), strict=True):
        if job is None:  # its data expired before its place in the registry
            jobs.append(FailedJob(job_id, name, "—", None, "Dữ liệu của công việc đã hết hạn."))
            continue
        try:
            function = job.func_name
        except Exception:  # noqa: BLE001  (data no longer readable by this code: still listed, still retryable)
            function = "—"
        result = job.latest_result()
        error = result.exc_string if result is not None else None
        jobs.append(FailedJob(job_id, name, function, _utc(job.ended_at), _last_line(error)))
    return jobs


def requeue(redis: Redis, name: str, job_ids: list[str]) -> int:
    """Put failed jobs of a queue back in it; how many were (a job retried meanwhile is skipped)."""
    registry = FailedJobRegistry(queue=Queue(name, connection=redis))
    done = 0
    for job_id in job_ids:
        try:
            registry.requeue(job_id)
        except (InvalidJobOperation, NoSuchJobError):
            continue
        done += 1
    return done


@bp.get("/")
def index():
    redis = current_app.extensions["redis"]
    queues = configured_queues()
    try:
        figures = [queue_figures(redis, name, label) for name, label in queues.items()]
        failed = {name: failed_jobs(redis, name) for name in queues}
    except RedisError:
        figures, failed = [], {}
        flash("Không kết nối được tới Redis, nơi giữ các hàng đợi: chưa xem được hàng đợi lúc này.", "error")
    return render_template(
        "admin/queues.html", queues=figures, failed=failed, labels=queues, form=RetryForm(), shown=FAILED_SHOWN
    )


def _failed_registry() -> FailedJobRegistry:
    """The failed jobs of the queue the form names (one of this installation's, else 400)."""
    name = request.form.get("queue", "")
    if not RetryForm().validate_on_submit() or name not in configured_queues():
        abort(400)
    return FailedJobRegistry(queue=Queue(name, connection=current_app.extensions["redis"]))


@bp.post("/thu-lai")
def retry():
    registry = _failed_registry()
    job_id = request.form.get("job_id", "")
    if job_id not in registry:
        flash("Công việc này không còn trong danh sách lỗi (có thể đã được thử lại).", "error")
        return redirect(url_for("admin_queues.index"))
    _record("queue.retry", registry.name, [job_id])  # the record first: no retry without its trace
    requeue(registry.connection, registry.name, [job_id])
    flash("Đã đưa công việc trở lại hàng đợi.", "ok")
    return redirect(url_for("admin_queues.index"))


@bp.post("/thu-lai-tat-ca")
def retry_all():
    registry = _failed_registry()
    ids = registry.get_job_ids()
    if ids:
        _record("queue.retry-all", registry.name, ids)
    done = requeue(registry.connection, registry.name, ids)
    flash(f"Đã đưa {done} công việc trở lại hàng đợi «{configured_queues()[registry.name]}».", "ok")
    return redirect(url_for("admin_queues.index"))


def _record(action: str, queue: str, job_ids: list[str]) -> None:
    """The retry in the audit trail, committed before it happens: who, which queue, which jobs (ids only)."""
    data = {"queue": queue, "count": len(job_ids), "job_ids": job_ids[:FAILED_SHOWN]}
    audit(db.session, actor_id=current_user.id, action=action, object_type="rq-job", object_id=None, data=data)
    db.session.commit()
