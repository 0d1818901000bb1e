"""The routing job with the real classifier: unit, labels, clocks, events; idempotent; triage below threshold."""

from sqlalchemy import func, select

from core.extensions import db
from core.models import Clock, Report, ReportEvent
from triage.routing.jobs import reconcile_unrouted, route_report

LAND_DELAY = (
    "Tôi nộp hồ sơ đăng ký biến động đất ở bộ phận một cửa UBND phường Quảng Phú từ tháng 3, "
    "cán bộ hẹn 15 ngày nhưng đến nay đã hai tháng vẫn chưa trả kết quả, hỏi thì bảo chờ."
)
CHAIRMAN = (
    "Ông chủ tịch UBND xã Ngọc Lặc đòi tôi phải đưa 10 triệu mới ký giấy xác nhận đất, "
    "tôi tố cáo hành vi nhận hối lộ của chủ tịch xã."
)


def test_route_report_assigns_unit_labels_clocks_and_events(app, make_report):
    receipt = make_report(text=LAND_DELAY)
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        report = db.session.get(Report, receipt.report_id)
        assert report.status == "routed"
        assert report.agency == "xa" and report.ward_code == "16522"
        assert report.unit.ward_code == "16522"
        assert report.category == "cham-tre"
        assert 0 < report.confidence <= 1
        assert report.model_version
        assert report.labels["agency"][0][0] == "xa"
        clocks = {c.stage: c for c in report.clocks}
        assert "acceptance" in clocks
        acceptance = clocks["acceptance"]
        assert acceptance.unit == "working_days" and acceptance.policy_version
        expected = app.extensions["services"].calendar.add_working_days(acceptance.starts_on, acceptance.amount)
        assert acceptance.due_on == expected
        assert [e.kind for e in report.events][:3] == ["received", "classified", "status"]
        assert any(e.kind == "deadline" and e.public for e in report.events)


def test_routing_twice_changes_nothing(app, make_report):
    receipt = make_report(text=LAND_DELAY)
    with app.app_context():
        route_report(receipt.report_id)
        events = db.session.scalar(select(func.count(ReportEvent.id)))
        clocks = db.session.scalar(select(func.count(Clock.id)))
        assert route_report(receipt.report_id) == "already-routed"
        assert db.session.scalar(select(func.count(ReportEvent.id))) == events
        assert db.session.scalar(select(func.count(Clock.id))) == clocks


def test_report_against_a_chairman_goes_to_the_provincial_inspectorate(app, make_report):
    receipt = make_report(text=CHAIRMAN, kind="to-cao", reporter_name="Lê Văn B", reporter_address="xã Ngọc Lặc")
    with app.app_context():
        route_report(receipt.report_id)
        report = db.session.get(Report, receipt.report_id)
        assert report.escalate is True
        assert report.unit.code == "thanh-tra-tinh"
        assert report.ward_code == "15061"
        assert {c.stage for c in report.clocks} >= {"acceptance"}
        assert report.clocks[0].amount == 7  # tố cáo: 7 working days to accept


def test_low_confidence_goes_to_needs_triage(make_app, make_report):
    app = make_app(TRIAGE_CONFIDENCE_THRESHOLD=1.01)
    receipt = make_report(text=LAND_DELAY)
    with app.app_context():
        assert route_report(receipt.report_id) == "needs-triage"
        report = db.session.get(Report, receipt.report_id)
        assert report.status == "needs-triage" and report.unit_id is None
        assert report.events[-2].data["reason"] == "low-confidence" or any(
            e.data.get("reason") == "low-confidence" for e in report.events
        )


def test_reconciler_enqueues_every_waiting_report(app, make_report):
    from rq import Queue

    first, second = make_report(), make_report(text=LAND_DELAY)
    with app.app_context():
        route_report(second.report_id)
        assert reconcile_unrouted() == 1
        queue = Queue(app.config["ROUTING_QUEUE"], connection=app.extensions["redis"])
        assert queue.job_ids == [f"route-{first.report_id}"]
        queue.empty()
