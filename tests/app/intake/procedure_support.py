"""Driving a đơn through routing and the staff side's services, and the reporter's status page over HTTP."""

from sqlalchemy import select

from core.extensions import db
from core.models import Report, User, utcnow
from tests_support import look_up
from triage.casework import actions, signoff
from triage.casework.steps import Step
from triage.routing.jobs import route_report

TEXT = (
    "Tôi tên là Hoàng Văn Em. Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, hồ sơ cấp đổi sổ đỏ "
    "của tôi nộp từ tháng trước đến nay chưa trả, lần nào lên cũng bảo chờ thêm."
)
NOTE = "Anh T. từng bị nhắc nhở năm 2025 về việc giữ hồ sơ"
FINDINGS = "Hồ sơ bị giữ 40 ngày không lý do, cán bộ T. thừa nhận"
RESPONSE = "Phường đã trả kết quả cấp đổi sổ đỏ và kiểm điểm cán bộ địa chính."


def file_routed(app, make_report, kind: str = "phan-anh"):
    """A named reporter's đơn of `kind` about phường Quảng Phú, routed to the phường."""
    receipt = make_report(
        text=TEXT,
        ward_code="16522",
        kind=kind,
        reporter_name="Hoàng Văn Em",
        reporter_address="số 5 ngõ 3, phường Quảng Phú",
        reporter_phone="0912345678",
    )
    with app.app_context():
        assert route_report(receipt.report_id) == "routed"
        assert db.session.get(Report, receipt.report_id).unit.code == "16522"
    return receipt


def run(app, report_id: int, service, *, actor: str | None = None, at=None, **kwargs):
    """One step of the legal procedure (a service of triage.casework taking a Step), by `actor`, committed."""
    with app.app_context():
        report = db.session.get(Report, report_id)
        user = db.session.scalar(select(User).where(User.username == actor)) if actor else None
        step = Step(
            session=db.session,
            actor=user,
            now=at or utcnow(),
            services=app.extensions["services"],
            files_root=app.config["ATTACHMENTS_DIR"],
        )
        result = service(step, report, **kwargs)
        db.session.commit()
        return getattr(result, "id", result)


def accept(app, report_id: int, actor: str = "cb.quangphu") -> None:
    """The đơn assigned to the commune's inspector and accepted (thụ lý): its resolution clock starts."""
    with app.app_context():
        report = db.session.get(Report, report_id)
        user = db.session.scalar(select(User).where(User.username == actor))
        actions.assign_report(report, user, actor_id=user.id)
        actions.accept_report(report, now=utcnow(), services=app.extensions["services"], actor_id=user.id)
        db.session.commit()


def status_page(client, csrf_token, receipt) -> str:
    response = look_up(client, csrf_token, receipt.tracking_code, receipt.passphrase)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def post_as_reporter(client, csrf_token, receipt, path: str, passphrase: str | None = None, **data):
    """A POST of the status page, with the reporter's code and passphrase (or the one given)."""
    token = csrf_token(client.get("/tra-cuu"))
    form = {"csrf_token": token, "code": receipt.tracking_code, "passphrase": passphrase or receipt.passphrase}
    return client.post(path, data={**form, **data})


def submit_result(app, report_id: int, outcome: str, findings: str = FINDINGS) -> None:
    """The inspector's draft of the result (findings, the answer RESPONSE, the outcome), waiting for the leader."""
    run(app, report_id, signoff.submit, actor="cb.quangphu", outcome=outcome, findings=findings, response=RESPONSE)
