"""What routing needs, built lazily once per process and passed in (tests build their own)."""

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

from redis.exceptions import RedisError

from core.queueing import redis_connection
from triage.deadlines.calendar import WorkingCalendar, default_calendar
from triage.deadlines.mailer import mailer_from_config
from triage.deadlines.policy import Policy, load_policy
from triage.deadlines.reminders import DEFAULT_POINTS, parse_points
from triage.heartbeat import report_classifier_state
from triage.notices.sms import sms_from_config

CALENDAR_TTL_SECONDS = 60
STATE_REPORT_SECONDS = 60  # the classifier's state is written again this often while it serves (and on a change)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Links:
    base_url: str

    def staff(self, report) -> str:
        return f"{self.base_url.rstrip('/')}/can-bo/bao-cao/{report.id}"

    def status(self) -> str:
        return f"{self.base_url.rstrip('/')}/tra-cuu"


@dataclass
class Services:
    model_dir: str
    threshold: float
    config: dict = field(default_factory=dict, repr=False)
    calendar_loader: Callable[[], WorkingCalendar] | None = field(default=None, repr=False)
    _handle: Any = field(default=None, repr=False)
    _calendar: WorkingCalendar | None = field(default=None, repr=False)
    _calendar_at: float = 0.0
    _reported_state: Any = field(default=None, repr=False)
    _reported_at: float = 0.0
    _checked_artifacts: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_config(cls, config, calendar_loader=None) -> "Services":
        return cls(
            model_dir=config["ML_MODEL_DIR"],
            threshold=config["TRIAGE_CONFIDENCE_THRESHOLD"],
            config=dict(config),
            calendar_loader=calendar_loader,
        )

    @cached_property
    def points(self) -> tuple[str, ...]:
        return parse_points(self.config.get("REMINDER_POINTS", DEFAULT_POINTS))

    @cached_property
    def links(self) -> Links:
        return Links(self.config.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000"))

    @cached_property
    def mailer(self):
        return mailer_from_config(self.config)

    @cached_property
    def sms(self):
        return sms_from_config(self.config)

    def classifier(self):
        """The current model; a newer one published in model_dir is picked up without a restart. What the handle
        holds is written to Redis (`triage.heartbeat`) when it changes, and once a minute, for /readyz and /metrics
        of the web processes."""
        if self._handle is None:
            from ml.classifier import ModelHandle  # loads scikit-learn and underthesea: only where a model is used

            self._handle = ModelHandle(self.model_dir)
        try:
            return self._handle.get()
        finally:
            self._report_classifier_state()

    def _report_classifier_state(self) -> None:
        state = self._handle.state()
        now = time.monotonic()
        if not self.config.get("REDIS_URL") or (
            state == self._reported_state and now - self._reported_at < STATE_REPORT_SECONDS
        ):
            return
        try:
            process = f"{socket.gethostname()}:{os.getpid()}"
            report_classifier_state(self._redis, self.config.get("ROUTING_QUEUE", "routing"), process, asdict(state))
        except RedisError as exc:  # routing goes on; the next call tries again
            log.warning("classifier state not written to Redis (%s)", type(exc).__name__)
            return
        self._reported_state, self._reported_at = state, now

    @cached_property
    def _redis(self):
        return redis_connection(self.config["REDIS_URL"])

    def classifier_state(self):
        """What this process holds (`ml.classifier.HandleState`: the version loaded, a published model that failed
        to load), or None when no model was asked for in this process yet. Loads nothing."""
        return self._handle.state() if self._handle is not None else None

    def published_model(self) -> str:
        """The artifact the model directory's pointer names, checked to exist but not loaded (FileNotFoundError
        when there is none)."""
        from ml.classifier import resolve_artifact  # loads scikit-learn and underthesea: only where a model is used

        return resolve_artifact(self.model_dir).name

    def published_artifact(self) -> tuple[str, str]:
        """The artifact the pointer names and why it would not load ("" when it looks whole: see
        `ml.classifier.artifact_problem`), checked once per file (name, size, mtime) in this process. Loads nothing;
        OSError when nothing is published."""
        from ml.classifier import artifact_problem, resolve_artifact  # see published_model

        artifact = resolve_artifact(self.model_dir)
        st = artifact.stat()
        key = (artifact.name, st.st_size, st.st_mtime_ns)
        if key not in self._checked_artifacts:
            self._checked_artifacts = {key: artifact_problem(artifact)}  # only the current one is worth keeping
        return artifact.name, self._checked_artifacts[key]

    @property
    def calendar(self) -> WorkingCalendar:
        """The calendar in force, rebuilt from the database at most once a minute (admins may edit it)."""
        now = time.monotonic()
        if self._calendar is None or now - self._calendar_at > CALENDAR_TTL_SECONDS:
            self._calendar = self.calendar_loader() if self.calendar_loader else default_calendar()
            self._calendar_at = now
        return self._calendar

    def forget_calendar(self) -> None:
        self._calendar = None

    @cached_property
    def policy(self) -> Policy:
        return load_policy()
