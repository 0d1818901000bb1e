"""What the reporter asks on the status page: to withdraw the đơn, and for a khiếu nại decided at first instance,
the second instance. Recorded and committed at once, applied by the job; refused next to the field, nothing typed
lost; the wrong passphrase answered as the look-up answers it."""

import re
from datetime import timedelta

import pytest
from procedure_support import RESPONSE, accept, file_routed, post_as_reporter, run, status_page, submit_result
from rq import Queue
from sqlalchemy import select

from core.extensions import db
from core.models import Report, Unit
from core.vietnamese import legal_date
from tests_support import look_up
from triage.casework import proceedings, signoff
from triage.casework.jobs import apply_reporter_request

pytestmark = pytest.mark.usefixtures("no_documents")

WITHDRAW = "/tra-cuu/rut-don"
SECOND = "/tra-cuu/khieu-nai-lan-hai"
REASON = "Phường đã trả sổ đỏ cho tôi, tôi không cần giải quyết nữa."
DISAGREE = "Quyết định chưa xem xét giấy hẹn trả kết quả mà tôi đã nộp, tôi không đồng ý."


def _errors_next_to(page: str, field_id: str) -> list[str]:
    """The messages shown inside the field block of `field_id`."""
    inside = r"(?:(?!</div>).)*"
    block = re.search(rf'<div class="field has-error">{inside}id="{field_id}"{inside}</div>', page, re.S)
    return re.findall(r'<p class="error" role="alert">([^<]+)</p>', block.group(0)) if block else []


def _queued(app, report_id: int) -> bool:
    queue = Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"])
    return f"reporter-request-{report_id}" in queue.job_ids


def _report(app, report_id: int) -> Report:
    with app.app_context():
        report = db.session.get(Report, report_id)
        db.session.expunge(report)
        return report


def test_withdrawal_ends_a_routed_report_after_the_job(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report)
    page = status_page(client, csrf_token, receipt)
    assert 'id="rut-don"' in page and "Tôi hiểu: rút đơn thì cơ quan ngừng giải quyết" in page

    response = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **{"rut-reason": "  "})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert _errors_next_to(page, "rut-reason") == ["Xin ghi lý do rút đơn."]
    assert _errors_next_to(page, "rut-confirm") == ["Xin đánh dấu vào ô này để xác nhận bạn muốn rút đơn."]
    response = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **{"rut-reason": REASON})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and REASON in page  # what was typed comes back
    assert _errors_next_to(page, "rut-confirm") and not _errors_next_to(page, "rut-reason")
    assert _report(app, receipt.report_id).withdrawal_requested_at is None

    response = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **{"rut-reason": REASON, "rut-confirm": "y"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Đã ghi nhận đề nghị rút đơn của bạn" in page
    assert "Bạn đã đề nghị rút đơn" in page and 'id="rut-don"' not in page
    report = _report(app, receipt.report_id)
    assert report.withdrawal_requested_at is not None and report.status == "routed"  # recorded, not yet applied
    assert _queued(app, receipt.report_id)

    again = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **{"rut-reason": "Lần nữa", "rut-confirm": "y"})
    page = again.get_data(as_text=True)
    assert again.status_code == 409 and "Đề nghị rút đơn đã được ghi nhận trước đó." in page and "Lần nữa" in page

    with app.app_context():
        assert apply_reporter_request(receipt.report_id) == "withdrawn"
        assert apply_reporter_request(receipt.report_id) == "nothing"
    report = _report(app, receipt.report_id)
    assert report.status == "withdrawn"
    with app.app_context():
        assert all(not c.is_open for c in db.session.get(Report, receipt.report_id).clocks)
    page = status_page(client, csrf_token, receipt)
    assert "Người gửi đã rút đơn" in page and "Đơn đã được rút theo đề nghị của bạn" in page
    assert f"Lý do: {REASON.rstrip('.')}." in page
    assert 'id="rut-don"' not in page and "withdrawn" not in page


def test_withdrawal_with_a_wrong_passphrase_is_refused_and_counts(make_app, csrf_token, make_report, make_user):
    app = make_app(STATUS_MAX_FAILURES=2)
    make_user("cb.quangphu", unit="16522")
    receipt = file_routed(app, make_report)
    client = app.test_client()
    data = {"rut-reason": REASON, "rut-confirm": "y"}
    for _ in range(2):
        wrong = post_as_reporter(client, csrf_token, receipt, WITHDRAW, passphrase="AAAA-AAAA-AAAA", **data)
        assert wrong.status_code == 403
        assert "Mã theo dõi hoặc mật mã tra cứu không đúng" in wrong.get_data(as_text=True)
    locked = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **data)
    assert locked.status_code == 429
    assert look_up(client, csrf_token, receipt.tracking_code, receipt.passphrase).status_code == 429
    assert _report(app, receipt.report_id).withdrawal_requested_at is None


def test_withdrawal_is_kept_when_redis_is_away(make_app, csrf_token, make_report, make_user):
    app = make_app(REDIS_URL="redis://127.0.0.1:9/0")  # nothing listens there
    make_user("cb.quangphu", unit="16522")
    receipt = make_report(text="Cán bộ một cửa phường Quảng Phú hẹn mãi không trả kết quả hồ sơ.", ward_code="16522")
    client = app.test_client()
    response = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **{"rut-reason": REASON, "rut-confirm": "y"})
    assert response.status_code == 200 and "Đã ghi nhận đề nghị rút đơn" in response.get_data(as_text=True)
    assert _report(app, receipt.report_id).withdrawal_requested_at is not None


def test_accepted_denunciation_waits_for_the_inspector(app, client, csrf_token, make_report, commune_staff, login_as):
    receipt = file_routed(app, make_report, kind="to-cao")
    accept(app, receipt.report_id)
    page = status_page(client, csrf_token, receipt)
    assert "nếu có dấu hiệu vi phạm pháp luật, cơ quan vẫn tiếp tục giải quyết" in page
    response = post_as_reporter(client, csrf_token, receipt, WITHDRAW, **{"rut-reason": REASON, "rut-confirm": "y"})
    assert response.status_code == 200
    with app.app_context():
        assert apply_reporter_request(receipt.report_id) == "awaiting-decision"
    assert _report(app, receipt.report_id).status == "accepted"
    page = status_page(client, csrf_token, receipt)
    assert "Vì tố cáo đã được thụ lý, cơ quan sẽ xem xét" in page and 'id="withdrawal-pending"' in page

    staff = app.test_client()
    login_as(staff, "cb.quangphu")
    case = staff.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
    assert "Người gửi đơn đã đề nghị rút đơn" in case and REASON in case

    run(app, receipt.report_id, proceedings.pursue, actor="cb.quangphu", reason="Có dấu hiệu nhận tiền của dân")
    page = status_page(client, csrf_token, receipt)
    assert "Cơ quan tiếp tục giải quyết tố cáo dù bạn đã đề nghị rút" in page
    assert "Có dấu hiệu nhận tiền" not in page  # what the inspector found stays in the case file
    assert _report(app, receipt.report_id).status == "accepted"


def _decided_complaint(app, make_report):
    receipt = file_routed(app, make_report, kind="khieu-nai")
    accept(app, receipt.report_id)
    submit_result(app, receipt.report_id, "unsubstantiated", findings="Hồ sơ đã trả đúng hạn theo sổ theo dõi")
    run(app, receipt.report_id, signoff.approve, actor="ld.quangphu")
    assert _report(app, receipt.report_id).status == "resolved"
    return receipt


def test_second_instance_goes_to_the_provincial_inspectorate(app, client, csrf_token, make_report, commune_staff):
    receipt = _decided_complaint(app, make_report)
    resolved_on = legal_date(_report(app, receipt.report_id).resolved_at)
    page = status_page(client, csrf_token, receipt)
    until = (resolved_on + timedelta(days=30)).strftime("%d/%m/%Y")
    assert f"hết ngày {until}" in page and 'id="khieu-nai-lan-hai"' in page
    assert "Lý do không đồng ý với quyết định giải quyết lần đầu" in page

    response = post_as_reporter(client, csrf_token, receipt, SECOND, **{"lan2-reason": "Sai", "lan2-confirm": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert _errors_next_to(page, "lan2-reason") == ["Xin ghi rõ hơn vì sao bạn không đồng ý (ít nhất 10 ký tự)."]
    assert _errors_next_to(page, "lan2-confirm")
    response = post_as_reporter(client, csrf_token, receipt, SECOND, **{"lan2-reason": DISAGREE, "lan2-confirm": "y"})
    assert response.status_code == 200 and "Đã ghi nhận đề nghị khiếu nại lần hai" in response.get_data(as_text=True)
    assert _queued(app, receipt.report_id)
    again = post_as_reporter(client, csrf_token, receipt, SECOND, **{"lan2-reason": DISAGREE, "lan2-confirm": "y"})
    assert again.status_code == 409
    assert "Đề nghị giải quyết lần hai đã được ghi nhận trước đó." in again.get_data(as_text=True)

    with app.app_context():
        assert apply_reporter_request(receipt.report_id) == "second-instance"
        report = db.session.get(Report, receipt.report_id)
        requested_at = next(e.at for e in report.events if e.kind == "second-instance-requested")
        calendar = app.extensions["services"].calendar
        province = db.session.scalar(select(Unit).where(Unit.code == "ubnd-tinh"))
        assert (report.unit_id, report.instance, report.status) == (province.id, 2, "routed")
        acceptance = report.clock("acceptance")
        assert acceptance.track == "khieu-nai-2" and acceptance.is_open
        assert acceptance.due_on == calendar.add_working_days(legal_date(requested_at), 10)
        name, due = province.name, acceptance.due_on.strftime("%d/%m/%Y")
    page = status_page(client, csrf_token, receipt)
    assert f"Khiếu nại lần hai: đơn đã chuyển đến {name}" in page
    assert f"Khiếu nại lần hai của bạn đã đến {name}" in page
    assert f"Hạn thụ lý: <strong>{due}</strong>" in page
    assert 'id="khieu-nai-lan-hai"' not in page and RESPONSE not in page


def test_second_instance_is_refused_past_the_window(app, client, csrf_token, make_report, commune_staff):
    receipt = _decided_complaint(app, make_report)
    with app.app_context():
        report = db.session.get(Report, receipt.report_id)
        report.resolved_at -= timedelta(days=31)  # decided 31 days ago: the 30-day window is over
        db.session.commit()
        until = (legal_date(report.resolved_at) + timedelta(days=30)).strftime("%d/%m/%Y")
    page = status_page(client, csrf_token, receipt)
    assert 'id="khieu-nai-lan-hai"' not in page and f"Thời hạn khiếu nại lần hai đã hết ngày {until}" in page
    response = post_as_reporter(client, csrf_token, receipt, SECOND, **{"lan2-reason": DISAGREE, "lan2-confirm": "y"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert f"Đã quá thời hạn khiếu nại lần hai (hết ngày {until}" in page and DISAGREE in page
    with app.app_context():
        assert apply_reporter_request(receipt.report_id) == "nothing"
        report = db.session.get(Report, receipt.report_id)
        assert (report.instance, report.status, report.unit.code) == (1, "resolved", "16522")


def test_a_stale_session_keeps_what_was_typed(app, client, csrf_token, make_report, commune_staff):
    receipt = file_routed(app, make_report)
    form = {"code": receipt.tracking_code, "passphrase": receipt.passphrase, "rut-reason": REASON, "rut-confirm": "y"}
    response = client.post(WITHDRAW, data={**form, "csrf_token": "stale"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Phiên làm việc đã hết hạn" in page
    assert REASON in page and 'id="rut-don"' in page
    assert _report(app, receipt.report_id).withdrawal_requested_at is None


def test_requests_are_rate_limited_like_the_look_up(make_app, csrf_token, make_report, make_user):
    app = make_app(STATUS_RATE_LIMIT="2 per minute")
    make_user("cb.quangphu", unit="16522")
    receipt = file_routed(app, make_report)
    client = app.test_client()
    answers = [
        post_as_reporter(client, csrf_token, receipt, path, **{"rut-reason": ""}).status_code
        for path in (WITHDRAW, WITHDRAW, WITHDRAW)
    ]
    assert answers == [400, 400, 429]
    answers = [post_as_reporter(client, csrf_token, receipt, "/tra-cuu/van-ban").status_code for _ in range(3)]
    assert answers == [400, 400, 429]
