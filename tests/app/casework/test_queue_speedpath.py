"""`Report.next_due_on`, the nearest pending due date the staff queue sorts and filters on, stays equal to what
the clocks say through every change: start, pause, resume, extend, breach, resolution, stop, a removed clock."""

from datetime import timedelta

from sqlalchemy import Date, column, text

from core.extensions import db
from core.models import Clock, Report, utcnow
from core.vietnamese import legal_date
from triage.deadlines.clocks import extend_clock, pause_clocks, resume_clocks, stop_clocks
from triage.deadlines.policy import ExtensionError
from triage.deadlines.sweep import process_clock
from triage.routing.jobs import route_report

# The same rule as migration 0007's backfill, computed by the database from the clocks.
FROM_CLOCKS = text("""
    SELECT (SELECT min(c.due_on) FROM clocks c
            WHERE c.report_id = r.id
              AND (c.status IN ('running', 'paused')
                   OR (c.status = 'breached' AND r.status NOT IN ('resolved', 'closed')))) AS next_due_on
    FROM reports r WHERE r.id = :id
""").columns(column("next_due_on", Date))


class Links:
    def staff(self, report):
        return f"http://127.0.0.1/can-bo/bao-cao/{report.id}"

    def status(self):
        return "http://127.0.0.1/tra-cuu"


def _check(report_id):
    """Commit, then compare the stored column with the clocks, from a fresh read."""
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Report, report_id).next_due_on
    assert stored == db.session.scalar(FROM_CLOCKS, {"id": report_id})
    return stored


def test_next_due_on_follows_every_clock_change(app, make_report):
    receipt = make_report(
        text="Cán bộ địa chính phường Quảng Phú hẹn lần hẹn lữa, chưa trả sổ đỏ cho tôi.", ward_code="16522"
    )
    with app.app_context():
        services = app.extensions["services"]
        calendar, policy, points = services.calendar, services.policy, services.points
        assert route_report(receipt.report_id) == "routed"
        report = db.session.get(Report, receipt.report_id)
        open_dues = [c.due_on for c in report.clocks if c.is_open]
        assert open_dues, "routing starts a clock"
        assert _check(report.id) == min(open_dues)

        report = db.session.get(Report, receipt.report_id)
        assert pause_clocks(report, utcnow())
        assert _check(report.id) == min(open_dues)  # a paused clock still counts

        report = db.session.get(Report, receipt.report_id)
        later = utcnow() + timedelta(days=9)
        resumed = resume_clocks(report, later, calendar, points)
        assert resumed and resumed[0].due_on > min(open_dues)
        assert _check(report.id) == min(c.due_on for c in report.clocks if c.is_open)

        report = db.session.get(Report, receipt.report_id)
        clock = report.clocks[0]
        before = clock.due_on
        try:
            extend_clock(clock, complexity="complex", policy=policy, calendar=calendar, points=points)
        except ExtensionError:  # this stage allows none: move the date as an extension would
            clock.due_on = calendar.add_working_days(before, 10)
        assert clock.due_on > before
        assert _check(report.id) == clock.due_on

        # The sweep breaches it the day after it falls due: still pending, so still the nearest.
        report = db.session.get(Report, receipt.report_id)
        clock = report.clocks[0]
        due_on = clock.due_on
        clock.next_action_on = due_on + timedelta(days=1)
        assert (
            process_clock(
                db.session, clock, due_on + timedelta(days=1), utcnow(), calendar=calendar, points=points, links=Links()
            )
            == "breach"
        )
        assert clock.status == "breached"
        assert _check(report.id) == due_on

        # A resolved report's old breach is no longer work pending; reopening the status would count it again.
        report = db.session.get(Report, receipt.report_id)
        report.status = "resolved"
        assert _check(report.id) is None
        report = db.session.get(Report, receipt.report_id)
        report.status = "accepted"
        assert _check(report.id) == due_on

        # A new open clock nearer than the breach; then removed; another one, then stopped.
        def extra(stage):
            report = db.session.get(Report, receipt.report_id)
            report.clocks.append(
                Clock(
                    stage=stage,
                    label="Hạn thêm",
                    starts_on=legal_date(utcnow()),
                    due_on=due_on - timedelta(days=3),
                    due_at=utcnow(),
                    amount=1,
                    unit="working_days",
                    policy_version="test",
                    status="running",
                )
            )
            assert _check(report.id) == due_on - timedelta(days=3)

        extra("extra")
        report = db.session.get(Report, receipt.report_id)
        report.clocks.remove(next(c for c in report.clocks if c.stage == "extra"))
        assert _check(report.id) == due_on
        extra("extra-2")
        report = db.session.get(Report, receipt.report_id)
        assert stop_clocks(report, utcnow(), {"extra-2"})
        assert _check(report.id) == due_on


def test_a_clock_changed_on_its_own_updates_its_report(app, make_report):
    """A clock loaded and changed without its report in hand (as the sweep does) still moves the column."""
    receipt = make_report(
        text="Cán bộ một cửa phường Quảng Phú hẹn lần hẹn lữa, chưa trả kết quả hồ sơ.", ward_code="16522"
    )
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        db.session.expire_all()
        clock = db.session.scalars(db.select(Clock).where(Clock.report_id == receipt.report_id)).first()
        clock.due_on = clock.due_on + timedelta(days=30)
        db.session.commit()
        db.session.expire_all()
        assert _check(receipt.report_id) == db.session.scalar(
            db.select(db.func.min(Clock.due_on)).where(
                Clock.report_id == receipt.report_id, Clock.status.in_(["running", "paused"])
            )
        )
