"""`GET /metrics`: the service's figures in Prometheus' text format (prometheus_client).

Two kinds of figures:

- Counted by the web processes as requests go by: `thanhhoa_http_requests_total` (by Flask endpoint name, never the
  raw path, method and status) and `thanhhoa_http_request_duration_seconds` (by endpoint). Under gunicorn they are
  shared between its processes through PROMETHEUS_MULTIPROC_DIR (prometheus_client's multi-process mode; gunicorn's
  `child_exit` hook in `triage.gunicorn_conf` marks the dead ones); they start again from zero at a restart, as
  Prometheus counters do.
- Read at scrape time from the database and Redis, so every process and every restart tells the same: reports by
  channel (received, routed, needs triage; the received ones counted in full once per process, a chunk of ids per
  scrape, then by their newest ids), reports waiting to be routed and the age of the oldest, rq queue depths and
  failed jobs, the outbox, deadlines due soon and reports overdue, the cron's heartbeat, and the classifier each
  routing process reported holding. The database queries are counts on indexes, bounded by a statement timeout; a source
  that does not answer gives `thanhhoa_scrape_error{source=...} 1` instead of failing the scrape.

Readable from METRICS_ALLOW's addresses, judged on the connection's peer address and never on X-Forwarded-For
(the proxies answer 404 for /metrics: a scraper reaches gunicorn directly), or with METRICS_TOKEN as a bearer
token; anyone else gets 404. Never cached, no CSRF, no rate limit.
"""

import hmac
import ipaddress
import os
import threading
import time

from flask import Blueprint, Response, abort, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from redis.exceptions import RedisError
from rq import Queue
from rq.registry import FailedJobRegistry, StartedJobRegistry
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from core.extensions import db
from core.models import Clock, Notification, Report, utcnow
from core.vietnamese import today_in_vietnam
from core.vocabulary import Delivery, Status
from triage.casework.filters import SOON_WORKING_DAYS, due_terms
from triage.health import STATEMENT_TIMEOUT_MS, exempt, no_store, own_connection, probe_redis
from triage.heartbeat import classifier_states, last_beat

bp = Blueprint("metrics", __name__)
bp.before_request(own_connection)
bp.after_request(no_store)

PREFIX = "thanhhoa"
OUTBOX_WAITING = (Delivery.PENDING, Delivery.SENDING, Delivery.FAILED, Delivery.DEAD)


def init_app(app) -> None:
    """Count every request of `app`, and serve /metrics."""
    registry = CollectorRegistry(auto_describe=True)
    requests = Counter(
        f"{PREFIX}_http_requests",
        "HTTP requests answered, by Flask endpoint, method and status",
        ["endpoint", "method", "status"],
        registry=registry,
    )
    latency = Histogram(
        f"{PREFIX}_http_request_duration_seconds",
        "time to answer an HTTP request, by Flask endpoint",
        ["endpoint"],
        registry=registry,
    )
    registry.register(StateCollector(app))
    app.extensions["metrics"] = registry
    app.extensions["metrics_allow"] = [ipaddress.ip_network(c, strict=False) for c in app.config["METRICS_ALLOW"]]

    def _start():
        g.metrics_started = time.perf_counter()

    def _count(response):
        endpoint = request.endpoint or "none"  # no endpoint: a 404 or 405 (the raw path is never a label)
        requests.labels(endpoint, request.method, str(response.status_code)).inc()
        if (started := g.get("metrics_started")) is not None:
            latency.labels(endpoint).observe(time.perf_counter() - started)
        return response

    app.before_request_funcs.setdefault(None, []).insert(0, _start)  # first, before any guard answers
    app.after_request(_count)
    exempt(app, bp)
    app.register_blueprint(bp)


def _allowed() -> bool:
    token = current_app.config.get("METRICS_TOKEN") or ""
    given = request.headers.get("Authorization", "")
    if token and given.startswith("Bearer ") and hmac.compare_digest(given[7:].encode(), token.encode()):
        return True
    # The socket's peer: ProxyFix (TRUSTED_PROXY_HOPS) keeps the address it replaced in this key.
    peer = request.environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR", request.remote_addr)
    try:
        client = ipaddress.ip_address(peer or "")
    except ValueError:
        return False
    if client.version == 6 and client.ipv4_mapped is not None:
        client = client.ipv4_mapped
    return any(client in network for network in current_app.extensions["metrics_allow"])


@bp.get("/metrics")
def metrics():
    if not _allowed():
        abort(404)
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:  # gunicorn: the counts of every process, plus the figures read now
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=directory)
        registry.register(StateCollector(current_app._get_current_object()))  # type: ignore[attr-defined]
    else:
        registry = current_app.extensions["metrics"]
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


class ReceivedCounts:
    """Reports received by channel: counted in full once per process, a chunk of ids per scrape (so no scrape
    outruns the statement timeout), then only the newer ids.

    Reports are never deleted, so the count of the ids up to a mark only grows by the ids above it. The newest
    TAIL ids are counted at every scrape instead of being added to the mark: a transaction may commit a report
    whose id it took before a newer one's."""

    TAIL = 1000
    CHUNK = 100_000

    def __init__(self):
        self._lock = threading.Lock()
        self._upto = 0
        self._settled: dict[str, int] = {}

    def counts(self, session) -> dict[str, int] | None:
        """The counts by channel, or None while the first full count is still under way."""
        with self._lock:
            top = session.scalar(select(func.max(Report.id))) or 0
            settled = max(0, top - self.TAIL)
            if settled < self._upto:  # another database behind the same name: count again
                self._upto, self._settled = 0, {}
            if not self._upto and not self._settled:  # start below the first id (ids need not start at 1)
                self._upto = max(0, (session.scalar(select(func.min(Report.id))) or 1) - 1)
            if settled > self._upto:
                mark = min(settled, self._upto + self.CHUNK)
                for channel, n in self._by_channel(session, self._upto, mark):
                    self._settled[channel] = self._settled.get(channel, 0) + n
                self._upto = mark
                if mark < settled:
                    return None
            totals = dict(self._settled)
            for channel, n in self._by_channel(session, self._upto, None):
                totals[channel] = totals.get(channel, 0) + n
            return totals

    @staticmethod
    def _by_channel(session, above: int, upto: int | None):
        query = select(Report.channel, func.count()).where(Report.id > above).group_by(Report.channel)
        return session.execute(query if upto is None else query.where(Report.id <= upto)).all()


class StateCollector:
    """The figures read at scrape time (see the module docstring)."""

    def __init__(self, app):
        self.app = app
        self.received: ReceivedCounts = app.extensions.setdefault("metrics_received", ReceivedCounts())

    def describe(self):
        return []  # computed on each scrape: nothing to check at registration

    def collect(self):
        errors = GaugeMetricFamily(
            f"{PREFIX}_scrape_error", "1 when a source of the figures did not answer this scrape", labels=["source"]
        )
        with self.app.app_context():
            for source, read in (("database", self._database), ("redis", self._redis)):
                try:
                    yield from read()
                    errors.add_metric([source], 0)
                except (SQLAlchemyError, RedisError):
                    db.session.rollback()
                    errors.add_metric([source], 1)
        yield errors

    # -- the database ----------------------------------------------------------------------------------------------
    def _database(self):
        session = db.session
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text(f"SET LOCAL statement_timeout = {STATEMENT_TIMEOUT_MS}"))
        try:
            yield from self._reports(session)
            yield from self._outbox(session)
            yield from self._clocks(session)
        finally:
            session.rollback()

    def _reports(self, session):
        received = GaugeMetricFamily(
            f"{PREFIX}_reports_received", "reports in the database, by the channel they came by", labels=["channel"]
        )
        routed = GaugeMetricFamily(
            f"{PREFIX}_reports_routed",
            "reports given a unit (by the classifier or the desk), by channel",
            labels=["channel"],
        )
        triage = GaugeMetricFamily(
            f"{PREFIX}_reports_needs_triage", "reports waiting for manual triage now, by channel", labels=["channel"]
        )
        received_counts = self.received.counts(session)
        unrouted = dict(  # the partial index ix_reports_unrouted_channel: the few reports without a unit yet
            session.execute(
                select(Report.channel, func.count()).where(Report.routed_at.is_(None)).group_by(Report.channel)
            ).all()
        )
        triage_rows = session.execute(  # ix_reports_status_channel; count(routed_at): routed, yet given no unit
            select(Report.channel, func.count(), func.count(Report.routed_at))
            .where(Report.status == Status.NEEDS_TRIAGE)
            .group_by(Report.channel)
        ).all()
        triage_counts = {channel: n for channel, n, _ in triage_rows}
        for channel, _, routed_no_unit in triage_rows:
            unrouted[channel] = unrouted.get(channel, 0) + routed_no_unit
        for channel in sorted((received_counts or {}).keys() | unrouted.keys() | triage_counts.keys()):
            if received_counts is not None:  # None: left out until this process has counted every report once
                received.add_metric([channel], received_counts.get(channel, 0))
                routed.add_metric([channel], received_counts.get(channel, 0) - unrouted.get(channel, 0))
            triage.add_metric([channel], triage_counts.get(channel, 0))
        yield from (received, routed, triage)
        waiting, oldest = session.execute(
            select(func.count(), func.min(Report.received_at)).where(Report.status == Status.RECEIVED)
        ).one()
        yield GaugeMetricFamily(
            f"{PREFIX}_reports_waiting_routing", "reports received and not routed yet", value=waiting
        )
        age = max(0.0, (utcnow() - oldest).total_seconds()) if oldest is not None else 0.0
        yield GaugeMetricFamily(
            f"{PREFIX}_oldest_unrouted_report_age_seconds",
            "age of the oldest report waiting to be routed (0 when none waits)",
            value=age,
        )

    def _outbox(self, session):
        outbox = GaugeMetricFamily(
            f"{PREFIX}_outbox_notifications",
            "notifications not sent yet: pending, sending, failed (will be retried), dead (an admin may retry)",
            labels=["status"],
        )
        counts = dict(
            session.execute(
                select(Notification.status, func.count())
                .where(Notification.status.in_(OUTBOX_WAITING))
                .group_by(Notification.status)
            ).all()
        )
        for status in OUTBOX_WAITING:
            outbox.add_metric([status.value], counts.get(status.value, 0))
        yield outbox

    def _clocks(self, session):
        today = today_in_vietnam()
        calendar = self.app.extensions["services"].calendar
        soon_until = calendar.add_working_days(today, SOON_WORKING_DAYS)
        due_soon = session.scalar(
            select(func.count())
            .select_from(Clock)
            .where(Clock.is_open, Clock.due_on >= today, Clock.due_on <= soon_until)
        )
        # The staff queue's "Quá hạn" rule (triage.casework.filters): a report not answered whose earliest pending
        # deadline is past, i.e. with a breached clock or one the sweep has yet to mark; on the report row.
        overdue = session.scalar(select(func.count()).select_from(Report).where(due_terms(today, calendar).overdue))
        unswept = session.scalar(select(func.count()).select_from(Clock).where(Clock.is_open, Clock.due_on < today))
        yield GaugeMetricFamily(
            f"{PREFIX}_clocks_due_soon",
            f"open deadlines falling due within {SOON_WORKING_DAYS} working days",
            value=due_soon,
        )
        yield GaugeMetricFamily(
            f"{PREFIX}_reports_overdue",
            "reports not answered with a deadline past due (breached), as the staff queue's overdue filter counts them",
            value=overdue,
        )
        yield GaugeMetricFamily(
            f"{PREFIX}_clocks_overdue_unswept",
            "open deadlines past their due date the sweep has not marked breached yet (a late sweep)",
            value=unswept,
        )

    # -- Redis -----------------------------------------------------------------------------------------------------
    def _redis(self):
        redis = probe_redis(self.app)
        depth = GaugeMetricFamily(f"{PREFIX}_rq_queue_depth", "jobs waiting in an rq queue", labels=["queue"])
        started = GaugeMetricFamily(f"{PREFIX}_rq_started_jobs", "jobs being run, by queue", labels=["queue"])
        failed = GaugeMetricFamily(
            f"{PREFIX}_rq_failed_jobs", "jobs in rq's failed registry, by queue", labels=["queue"]
        )
        for name in dict.fromkeys((self.app.config["ROUTING_QUEUE"], self.app.config["JOBS_QUEUE"])):
            queue = Queue(name, connection=redis)
            depth.add_metric([name], queue.count)
            started.add_metric([name], StartedJobRegistry(queue=queue).count)
            failed.add_metric([name], FailedJobRegistry(queue=queue).count)
        yield from (depth, started, failed)
        beat = last_beat(redis)
        heartbeat = GaugeMetricFamily(
            f"{PREFIX}_cron_heartbeat_age_seconds", "seconds since the cron scheduler's last heartbeat (absent: never)"
        )
        if beat is not None:
            heartbeat.add_metric([], max(0.0, time.time() - beat))
        yield heartbeat
        yield from self._classifiers(redis)

    # -- the classifier ---------------------------------------------------------------------------------------------
    def _classifiers(self, redis):
        """What each process that routes reported holding (`triage.heartbeat`), by "host:pid"."""
        info = GaugeMetricFamily(
            f"{PREFIX}_classifier_info",
            "the classifier each routing process holds (version empty: none) and the one published",
            labels=["process", "version", "published"],
        )
        degraded = GaugeMetricFamily(
            f"{PREFIX}_classifier_degraded",
            "1 when the published model does not load and the process serves the last good one (or none)",
            labels=["process"],
        )
        for process, state in sorted(classifier_states(redis, self.app.config["ROUTING_QUEUE"]).items()):
            info.add_metric([process, state.get("loaded", ""), state.get("published", "")], 1)
            degraded.add_metric([process], 1 if state.get("failed") else 0)
        yield from (info, degraded)
        published = GaugeMetricFamily(
            f"{PREFIX}_classifier_published_whole",
            "the artifact the model directory publishes now: 1 when it looks whole, 0 when it would not load",
            labels=["published"],
        )
        try:
            name, problem = self.app.extensions["services"].published_artifact()
            published.add_metric([name], 0 if problem else 1)
        except OSError:  # nothing published: no sample
            pass
        yield published
