"""The reporter's notices, written by the session hook with each public step: what each step says by e-mail and SMS,
nothing for a reporter who opted out or left no contact, nothing for a step rolled back, one row per step and
recipient however often the code runs."""

from datetime import timedelta

import pytest
from rq import Queue
from sqlalchemy import select

from core.extensions import db
from core.models import Notification, Report, Unit, User, utcnow
from core.vocabulary import EventKind
from triage.casework import actions, handling, proceedings, signoff
from triage.casework.steps import Step
from triage.deadlines.jobs import sweep_deadlines
from triage.notices.reporter import tell
from triage.routing.jobs import route_report

DENUNCIATION = (
    "Tôi tố cáo cán bộ một cửa UBND phường Quảng Phú đòi tôi đưa 2 triệu đồng mới nhận hồ sơ đăng ký kinh doanh "
    "hộ gia đình, có người làm chứng."
)
CONTACT = {
    "reporter_name": "Hoàng Văn Em",
    "reporter_address": "số 5 ngõ 3, phường Quảng Phú",
    "reporter_phone": "0912 345 678",
    "reporter_email": "Em.Hoang@example.vn",
}
EMAIL, PHONE = "em.hoang@example.vn", "0912345678"
NOTE = "Anh T. từng bị nhắc nhở năm 2025 về việc giữ hồ sơ"
FINDINGS = "Hồ sơ bị giữ 40 ngày không lý do, cán bộ T. thừa nhận"
RESPONSE = "Phường đã trả kết quả đăng ký kinh doanh và kiểm điểm cán bộ một cửa."
QUESTION = "Xin gửi ảnh giấy biên nhận hồ sơ và tên người làm chứng."
SECRETS = (
    "0912 345 678",
    PHONE,
    EMAIL,
    "Hoàng Văn Em",
    "số 5 ngõ 3",
    "Trần Thị Cúc",
    "Lê Văn Lãnh",
    NOTE,
    FINDINGS,
)


@pytest.fixture
def staff(make_user):
    """The inspector and the leader of phường Quảng Phú."""
    for username, role, name in (("cb.quangphu", None, "Trần Thị Cúc"), ("ld.quangphu", "leader", "Lê Văn Lãnh")):
        make_user(username, role=role, unit="16522", name=name)


@pytest.fixture
def filed(app, make_report, staff):
    """A named reporter's tố cáo with an e-mail address and a phone, routed to phường Quảng Phú."""

    def _make(**fields):
        receipt = make_report(text=DENUNCIATION, kind="to-cao", ward_code="16522", **{**CONTACT, **fields})
        with app.app_context():
            assert route_report(receipt.report_id) == "routed"
        return receipt

    return _make


def _run(app, report_id, service, actor="cb.quangphu", **kwargs):
    """One step of the procedure by `actor`, committed as a view commits it."""
    with app.app_context():
        report = db.session.get(Report, report_id)
        user = db.session.scalar(select(User).where(User.username == actor))
        step = Step(db.session, user, utcnow(), app.extensions["services"], app.config["ATTACHMENTS_DIR"])
        service(step, report, **kwargs)
        db.session.commit()


def _accept(app, report_id):
    with app.app_context():
        report = db.session.get(Report, report_id)
        user = db.session.scalar(select(User).where(User.username == "cb.quangphu"))
        actions.assign_report(report, user, actor_id=user.id)
        actions.accept_report(report, now=utcnow(), services=app.extensions["services"], actor_id=user.id)
        actions.add_note(report, NOTE, actor_id=user.id)
        db.session.commit()


def _rows(app, report_id, channel=None) -> list[Notification]:
    with app.app_context():
        query = select(Notification).where(
            Notification.report_id == report_id, Notification.recipient_role == "citizen"
        )
        if channel:
            query = query.where(Notification.channel == channel)
        rows = db.session.scalars(query.order_by(Notification.id)).all()
        db.session.expunge_all()
        return rows


def _steps(rows) -> list[str]:
    return [row.event_key.split(":")[2] for row in rows]


def _last(app, report_id) -> tuple[Notification, Notification]:
    """The e-mail and the SMS of the last step told."""
    *_, mail = _rows(app, report_id, "email")
    *_, sms = _rows(app, report_id, "sms")
    assert mail.event_key == sms.event_key
    return mail, sms


def _check_told(app, receipt, rows) -> None:
    """Every notice: the code and the status link, none of the secrets, an SMS in two plain segments."""
    link = app.extensions["services"].links.status()
    for row in rows:
        assert receipt.tracking_code in row.body and link in row.body, row.event_key
        assert receipt.passphrase not in row.body and receipt.passphrase not in row.subject
        for secret in SECRETS:
            assert secret not in row.body and secret not in row.subject, (row.event_key, secret)
        if row.channel == "sms":
            assert row.recipient == PHONE and row.body.isascii() and len(row.body) <= 306
        else:
            assert row.recipient == EMAIL and row.subject.startswith(f"Đơn {receipt.tracking_code}: ")


def test_each_public_step_of_an_accepted_case_is_told_once_by_mail_and_sms(app, filed):
    receipt = filed()
    report_id = receipt.report_id
    _accept(app, report_id)
    with app.app_context():
        report = db.session.get(Report, report_id)
        actions.request_information(report, now=utcnow(), question=QUESTION, actor_id=None)
        db.session.commit()
        actions.receive_information(report, now=utcnow(), services=app.extensions["services"])  # not told back
        db.session.commit()
    _run(app, report_id, proceedings.set_complexity, level="complex", reason="Liên quan nhiều hộ kinh doanh")
    _run(app, report_id, proceedings.extend, stage="resolution", reason="Cần xác minh thêm người làm chứng")
    _run(app, report_id, signoff.submit, outcome="substantiated", findings=FINDINGS, response=RESPONSE)
    _run(app, report_id, signoff.approve, actor="ld.quangphu")

    steps = ["received", "routed", "accepted", "information-requested", "extended", "resolved"]
    mails, texts = _rows(app, report_id, "email"), _rows(app, report_id, "sms")
    assert _steps(mails) == steps and _steps(texts) == steps
    _check_told(app, receipt, mails + texts)
    said = dict(zip(steps, mails, strict=True))
    with app.app_context():
        report = db.session.get(Report, report_id)
        unit, resolution = report.unit.name, report.clock("resolution").due_on.strftime("%d/%m/%Y")
    assert "đã tiếp nhận đơn" in said["received"].body
    assert unit in said["routed"].subject and unit in said["routed"].body
    assert "đã thụ lý" in said["accepted"].body
    assert QUESTION in said["information-requested"].body
    assert "tạm dừng cho đến khi ông/bà trả lời" in said["information-requested"].body
    assert resolution in said["extended"].body and "Cần xác minh thêm người làm chứng" in said["extended"].body
    assert RESPONSE in said["resolved"].body and "Nội dung tố cáo là đúng" in said["resolved"].body
    assert "gia han" in texts[4].body and resolution in texts[4].body
    assert all(row.status == "pending" for row in mails + texts)


@pytest.mark.parametrize(
    ("service", "kwargs", "step", "says"),
    [
        (handling.refuse, {"ground": "tc-khong-co-so"}, "not-accepted", "Căn cứ: Không có cơ sở"),
        (
            handling.guide,
            {"body": "bo-nganh", "name": "Bộ Tài chính", "guidance": "Gửi đơn đến Bộ Tài chính kèm bản sao hồ sơ."},
            "guided",
            "gửi đơn đến Bộ Tài chính",
        ),
        (
            handling.transfer,
            {"body": "co-quan-dieu-tra", "reason": "Có dấu hiệu tội phạm nhận hối lộ"},
            "transferred",
            "Lý do: Có dấu hiệu tội phạm nhận hối lộ.",
        ),
        (
            handling.return_to_reporter,
            {"reason": "Đơn gửi kèm bản gốc giấy tờ không cần thiết"},
            "returned",
            "trả lại đơn",
        ),
    ],
)
def test_each_answer_without_acceptance_is_told_with_its_ground_or_body(app, filed, service, kwargs, step, says):
    receipt = filed()
    _run(app, receipt.report_id, service, **kwargs)
    mail, sms = _last(app, receipt.report_id)
    assert mail.event_key.endswith(f":{step}") and says in mail.body
    _check_told(app, receipt, [mail, sms])


def test_a_transfer_to_another_unit_names_it_and_an_archived_report_is_not_told(app, filed):
    receipt = filed()
    with app.app_context():
        other = db.session.scalar(select(Unit).where(Unit.code == "15061"))
        name, other_id = other.name, other.id
    _run(app, receipt.report_id, handling.transfer, unit=other, reason="Nơi xảy ra thuộc xã Ngọc Lặc")
    mail, sms = _last(app, receipt.report_id)
    assert mail.event_key.endswith(":transferred-in") and name in mail.body
    _check_told(app, receipt, [mail, sms])

    rerouted = filed()
    with app.app_context():
        report, other = db.session.get(Report, rerouted.report_id), db.session.get(Unit, other_id)
        actions.reroute_report(db.session, report, other, reason="Nơi xảy ra ở xã Ngọc Lặc", actor_id=None)
        db.session.commit()
    mail, sms = _last(app, rerouted.report_id)
    assert mail.event_key.endswith(":rerouted") and name in mail.subject and "chuyen sang" in sms.body

    archived = filed()
    _run(app, archived.report_id, handling.archive, ground="trung")
    assert _steps(_rows(app, archived.report_id, "email")) == ["received", "routed"]


def test_suspension_resumption_termination_withdrawal_and_reopening_are_told(app, filed):
    receipt = filed()
    _accept(app, receipt.report_id)
    _run(app, receipt.report_id, proceedings.suspend, reason="Chờ kết quả giám định chữ ký")
    _run(app, receipt.report_id, proceedings.resume, reason="Đã có kết quả giám định")
    _run(app, receipt.report_id, proceedings.terminate, reason="Người bị tố cáo đã chết")
    mails = _rows(app, receipt.report_id, "email")
    assert _steps(mails)[3:] == ["suspended", "resumed", "terminated"]
    assert "Chờ kết quả giám định chữ ký" in mails[3].body and "Người bị tố cáo đã chết" in mails[5].body
    _check_told(app, receipt, _rows(app, receipt.report_id))

    withdrawn = filed()
    _run(app, withdrawn.report_id, proceedings.withdraw, reason="Người gửi đề nghị rút đơn tại trụ sở")
    assert _steps(_rows(app, withdrawn.report_id, "sms"))[-1] == "withdrawn"

    reopened = filed()
    _accept(app, reopened.report_id)
    _run(app, reopened.report_id, signoff.submit, outcome="unsubstantiated", findings=FINDINGS, response=RESPONSE)
    _run(app, reopened.report_id, signoff.approve, actor="ld.quangphu")
    _run(app, reopened.report_id, proceedings.reopen, reason="Kết quả bị hủy do thiếu chứng cứ")
    assert _steps(_rows(app, reopened.report_id, "email"))[-2:] == ["resolved", "reopened"]


def test_a_reporter_who_opted_out_or_left_no_contact_is_told_nothing_not_even_a_breach(app, filed, make_report):
    quiet = filed(notify_reporter=False)
    anonymous = make_report(text=DENUNCIATION, kind="to-cao", ward_code="16522")
    with app.app_context():
        assert route_report(anonymous.report_id) == "routed"
        due = db.session.get(Report, quiet.report_id).clock("acceptance").due_on
    for receipt in (quiet, anonymous):
        _accept(app, receipt.report_id)
    with app.app_context():
        sweep_deadlines(today=(due + timedelta(days=400)).isoformat(), inline=True)
        overdue = db.session.scalars(
            select(Report.overdue_at).where(Report.id.in_([quiet.report_id, anonymous.report_id]))
        )
        assert all(overdue)  # both breached: the sweep told the unit and those above it, not the reporter
    assert _rows(app, quiet.report_id) == [] and _rows(app, anonymous.report_id) == []


def test_a_breach_adds_its_sms_to_the_sweeps_mail(app, filed):
    receipt = filed()
    with app.app_context():
        due = db.session.get(Report, receipt.report_id).clock("acceptance").due_on
        sweep_deadlines(today=(due + timedelta(days=1)).isoformat(), inline=True)
    mails, texts = _rows(app, receipt.report_id, "email"), _rows(app, receipt.report_id, "sms")
    assert _steps(texts) == ["received", "routed", "breach"]
    assert [m.event_key.endswith(":breach") for m in mails] == [False, False, True]  # the sweep's own mail
    assert "qua han" in texts[-1].body
    _check_told(app, receipt, texts)


def test_a_rolled_back_step_tells_nobody_and_a_step_is_one_row_per_recipient(app, filed):
    receipt = filed()
    with app.app_context():
        report = db.session.get(Report, receipt.report_id)
        actions.request_information(report, now=utcnow(), question=QUESTION, actor_id=None)
        db.session.flush()
        db.session.rollback()
        assert _steps(_rows(app, receipt.report_id)) == ["received", "received", "routed", "routed"]

        report = db.session.get(Report, receipt.report_id)
        event = report.record(EventKind.INFORMATION_REQUESTED, public=True, question=QUESTION)
        db.session.commit()
        again = tell(db.session, report, event, app.extensions["services"].links)  # the same step once more
        db.session.commit()
        queued = Queue(app.config["JOBS_QUEUE"], connection=app.extensions["redis"]).job_ids
    rows = _rows(app, receipt.report_id)
    assert again == [] and len(rows) == 6
    assert {f"notify-{row.id}" for row in rows} <= set(queued)  # each sent right after its commit


def test_each_merged_report_tells_its_own_reporter_on_its_own_code(app, filed):
    first, second = filed(), filed(reporter_email="thu.ba@example.vn", reporter_phone="0987 000 111")
    with app.app_context():
        for receipt in (first, second):  # the case's step, recorded on each report of it
            db.session.get(Report, receipt.report_id).record(
                EventKind.INFORMATION_REQUESTED, public=True, question=QUESTION
            )
        db.session.commit()
    for receipt, address in ((first, EMAIL), (second, "thu.ba@example.vn")):
        mail, sms = _last(app, receipt.report_id)
        assert mail.recipient == address and receipt.tracking_code in mail.body and receipt.tracking_code in sms.body
    assert first.tracking_code not in _last(app, second.report_id)[0].body


def test_a_don_entered_late_is_told_its_first_period_is_over(app, filed):
    """A paper đơn received weeks before it was entered: the routed notice does not promise a day already past."""
    from datetime import timedelta

    from core.models import utcnow

    late = filed(received_at=utcnow() - timedelta(days=40))
    routed = next(row for row in _rows(app, late.report_id, "email") if row.event_key.endswith(":routed"))
    assert "đã hết ngày" in routed.body and "phải trả lời ông/bà ngay" in routed.body
    fresh = filed()
    routed = next(row for row in _rows(app, fresh.report_id, "email") if row.event_key.endswith(":routed"))
    assert "Hạn trả lời: đến hết ngày" in routed.body and "đã hết ngày" not in routed.body
