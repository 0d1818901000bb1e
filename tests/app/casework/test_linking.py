"""Duplicates and related reports through the case file: the candidates an inspector is shown, linking and
merging (one set of clocks, one row in the queue with its number of reporters), the case resolved through the
procedure's own endpoints and told to every reporter on their own code, and each refusal."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Report, ReportLink, Unit, User, utcnow
from core.vietnamese import format_date, legal_date
from core.vocabulary import ClockStatus, LinkKind, Status, label
from tests_support import look_up
from triage.casework import linking
from triage.casework.actions import accept_report
from triage.deadlines.clocks import start_for
from triage.deadlines.jobs import sweep_deadlines
from triage.reporting.stats import period_summary

BRIBE = (
    "Kính gửi UBND phường Quảng Phú. Tôi xin phản ánh: sáng thứ Hai tôi nộp hồ sơ đăng ký hộ kinh doanh ở bộ phận "
    "một cửa, cán bộ tên Hùng nói phải đưa 2 triệu đồng thì mới nhận hồ sơ, không thì để đó."
)
BRIBE_RETOLD = (
    "toi nop ho so dang ky ho kinh doanh o mot cua phuong quang phu, anh Hung can bo o do doi 2 trieu moi nhan "
    "ho so, ko dua thi de do. de nghi xu ly"
)
OTHER_INCIDENT = (
    "Cán bộ địa chính phường giữ sổ đỏ của nhà tôi hơn ba tháng, hẹn đi hẹn lại mà không trả kết quả cấp đổi."
)
PHONE = "0912 345 678"


@pytest.fixture
def units(app):
    with app.app_context():
        other = db.session.scalar(
            select(Unit.code).where(Unit.ward_code.is_not(None), Unit.code != "16522").order_by(Unit.code)
        )
    return "16522", other


@pytest.fixture
def staff(make_user):
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Lãnh")
    make_user("quantri", role="admin")


@pytest.fixture
def filed(app, make_report, staff):
    """A report filed `days_ago` and routed to the unit `unit` (its acceptance clock running)."""

    def _file(text: str, *, unit: str = "16522", days_ago: int = 0, **fields):
        received = utcnow() - timedelta(days=days_ago)
        receipt = make_report(text=text, kind="phan-anh", received_at=received, **fields)
        with app.app_context():
            report = db.session.get(Report, receipt.report_id)
            report.move_to(Status.ROUTED)
            report.unit = db.session.scalar(select(Unit).where(Unit.code == unit))
            start_for(report, app.extensions["services"])
            db.session.commit()
        return receipt

    return _file


def _case_page(client, report_id) -> str:
    response = client.get(f"/can-bo/bao-cao/{report_id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _candidates(page: str) -> str:
    found = re.search(r'<ul id="candidates">(.*?)</ul>', page, re.S)
    return found.group(1) if found else ""


def _link(client, csrf_token, report_id, other_code, kind):
    data = {"lk-other": other_code, "lk-kind": kind}
    data["csrf_token"] = csrf_token(client.get(f"/can-bo/bao-cao/{report_id}"))
    return client.post(f"/can-bo/bao-cao/{report_id}/lien-ket", data=data, follow_redirects=True).get_data(as_text=True)


def _load(app, report_id) -> Report:
    with app.app_context():
        report = db.session.get(Report, report_id)
        _ = report.clocks, report.events
        return report


def test_candidates_are_the_same_incident_and_never_reveal_the_contact(app, client, login_as, filed, units, csrf_token):
    first = filed(BRIBE, reporter_phone=PHONE, days_ago=2)
    retold = filed(BRIBE_RETOLD)  # unaccented, texting, another reporter
    same_phone = filed("Tôi muốn hỏi thêm về việc hôm trước, đến nay chưa ai gọi lại.", reporter_phone="+84912345678")
    quoting = filed(f"Bổ sung cho đơn mã {first.tracking_code.lower().replace('-', ' ')}: có người làm chứng.")
    different = filed(OTHER_INCIDENT)
    elsewhere = filed(BRIBE, unit=units[1])  # the same words in another unit: not this inspector's
    login_as(client, "cb.quangphu")
    page = _case_page(client, first.report_id)
    shown = _candidates(page)
    for receipt in (retold, same_phone, quoting):
        assert receipt.tracking_code in shown
    assert different.tracking_code not in shown and elsewhere.tracking_code not in page
    assert "cùng số điện thoại người gửi" in shown and "kia ghi mã theo dõi của đơn này" in shown
    assert "345" not in page  # the number itself stays behind the logged reveal
    assert first.tracking_code in _candidates(_case_page(client, quoting.report_id))


def test_merge_one_case_one_set_of_clocks_queue_and_both_reporters_told(app, client, login_as, filed, csrf_token):
    first = filed(BRIBE, days_ago=3)
    later = filed(BRIBE_RETOLD)
    login_as(client, "cb.quangphu")

    page = _link(client, csrf_token, first.report_id, later.tracking_code, "related")
    assert f"Đã ghi nhận đơn {later.tracking_code} là đơn liên quan." in page
    with app.app_context():
        (row,) = db.session.scalars(select(ReportLink)).all()
        assert row.kind == LinkKind.RELATED and db.session.get(Report, later.report_id).case_id is None
    assert later.tracking_code not in _candidates(page)  # linked: listed above, no longer a candidate

    # merged from the later report's page: the report received first is the case
    page = _link(client, csrf_token, later.report_id, first.tracking_code, "merged")
    assert f"Đã gộp đơn {later.tracking_code} vào vụ việc của đơn {first.tracking_code}" in page
    case, merged = _load(app, first.report_id), _load(app, later.report_id)
    assert merged.case_id == case.id and merged.next_due_on is None
    assert {c.status for c in merged.clocks} == {ClockStatus.STOPPED}
    assert case.clock("acceptance").is_open and case.next_due_on == case.clock("acceptance").due_on
    assert {e.kind for e in case.events} >= {"linked"} and {e.kind for e in merged.events} >= {"linked"}
    # the later reporter's status page shows the case's deadline, not their own stopped clock
    citizen = look_up(app.test_client(), csrf_token, later.tracking_code, later.passphrase).get_data(as_text=True)
    assert format_date(case.clock("acceptance").due_on) in citizen and label(ClockStatus.STOPPED) not in citizen

    queue = client.get("/can-bo/").get_data(as_text=True)
    assert first.tracking_code in queue and later.tracking_code not in queue
    assert "2 người gửi" in queue
    found = client.get("/can-bo/", query_string={"q": later.tracking_code}).get_data(as_text=True)
    assert later.tracking_code in found and "Đã gộp vào vụ việc khác" in found

    # the merged report takes its steps from the case: none of its own
    token = csrf_token(client.get(f"/can-bo/bao-cao/{later.report_id}"))
    assert client.post(f"/can-bo/bao-cao/{later.report_id}/thu-ly", data={"csrf_token": token}).status_code == 403
    assert 'id="merged-into"' in _case_page(client, later.report_id)

    # one set of clocks: the case's breaches, the merged report's stopped clocks stay stopped
    with app.app_context():
        sweep_deadlines(today=(legal_date(utcnow()) + timedelta(days=40)).isoformat(), inline=True)
    case, merged = _load(app, first.report_id), _load(app, later.report_id)
    assert case.clock("acceptance").status == ClockStatus.BREACHED
    assert {c.status for c in merged.clocks} == {ClockStatus.STOPPED}
    assert [e.data.get("case_id") for e in merged.events if e.kind == "breach"] == [case.id]

    # the case takes its steps: accepted (the service), then resolved by the leader through the procedure's endpoint
    with app.app_context():
        report = db.session.get(Report, first.report_id)
        accept_report(report, now=utcnow(), services=app.extensions["services"])
        db.session.commit()
    assert _load(app, later.report_id).status == Status.ACCEPTED
    login_as(leader := app.test_client(), "ld.quangphu")
    token = csrf_token(leader.get(f"/can-bo/bao-cao/{first.report_id}"))
    answer = "Phản ánh đúng. Phường đã nhận hồ sơ, đình chỉ công tác cán bộ Hùng và xin lỗi người dân."
    leader.post(
        f"/can-bo/bao-cao/{first.report_id}/giai-quyet",
        data={
            "csrf_token": token,
            "kq-outcome": "substantiated",
            "kq-findings": "Camera một cửa ghi lại việc đòi tiền.",
            "kq-response": answer,
        },
    )
    case, merged = _load(app, first.report_id), _load(app, later.report_id)
    assert case.status == merged.status == Status.RESOLVED
    assert merged.outcome == case.outcome == "substantiated" and merged.resolved_at == case.resolved_at
    for receipt in (first, later):
        citizen = look_up(app.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).get_data(
            as_text=True
        )
        assert "Đã có kết quả giải quyết" in citizen and answer in citizen
        assert "Camera một cửa" not in citizen

    # the figures count the case once, and both citizens' reports as received
    with app.app_context():
        supervisor = db.session.scalar(select(User).where(User.username == "quantri"))
        today = legal_date(utcnow())
        summary = period_summary(db.session, supervisor, today - timedelta(days=10), today)
        assert (summary.received, summary.resolved) == (2, 1)

    # decided: the merged report can no longer be split off
    page = client.post(
        f"/can-bo/bao-cao/{first.report_id}/bo-lien-ket",
        data={"csrf_token": csrf_token(client.get(f"/can-bo/bao-cao/{first.report_id}")), "ul-other": later.report_id},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert linking.DECIDED in page and _load(app, later.report_id).case_id == first.report_id


def test_splitting_off_restores_the_reports_own_clocks(app, client, login_as, filed, csrf_token):
    first = filed(BRIBE, days_ago=3)
    later = filed(BRIBE_RETOLD)
    own = _load(app, later.report_id).clock("acceptance").due_on
    login_as(client, "cb.quangphu")
    _link(client, csrf_token, first.report_id, later.tracking_code, "merged")
    page = client.post(
        f"/can-bo/bao-cao/{later.report_id}/bo-lien-ket",
        data={"csrf_token": csrf_token(client.get(f"/can-bo/bao-cao/{later.report_id}")), "ul-other": first.report_id},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert f"Đã bỏ liên kết với đơn {first.tracking_code}." in page
    split = _load(app, later.report_id)
    assert split.case_id is None and split.status == Status.ROUTED
    assert split.clock("acceptance").status == ClockStatus.RUNNING and split.next_due_on == own
    with app.app_context():
        assert db.session.scalars(select(ReportLink)).all() == []


def test_each_refusal_is_said_and_nothing_is_stored(app, client, login_as, filed, units, csrf_token):
    first = filed(BRIBE, days_ago=3)
    later = filed(BRIBE_RETOLD, days_ago=1)
    third = filed(BRIBE_RETOLD)
    elsewhere = filed(BRIBE, unit=units[1])
    done = filed(OTHER_INCIDENT)
    with app.app_context():
        report = db.session.get(Report, done.report_id)
        report.status = Status.ARCHIVED
        accuser = db.session.get(Report, elsewhere.report_id)
        accuser.set_accused(db.session.scalar(select(Unit).where(Unit.code == "16522")), None, None)
        db.session.commit()
    login_as(client, "cb.quangphu")
    cases = [
        (first, elsewhere.tracking_code, "merged", linking.NOT_VISIBLE),
        (first, first.tracking_code, "related", linking.SAME_REPORT),
        (first, done.tracking_code, "merged", "đã kết thúc"),
    ]
    for receipt, code, kind, message in cases:
        assert message in _link(client, csrf_token, receipt.report_id, code, kind), message
    no_token = {"lk-other": later.tracking_code, "lk-kind": "related"}
    assert client.post(f"/can-bo/bao-cao/{first.report_id}/lien-ket", data=no_token).status_code == 400
    with app.app_context():
        assert db.session.scalars(select(ReportLink)).all() == []

    _link(client, csrf_token, later.report_id, first.tracking_code, "merged")
    page = _link(client, csrf_token, third.report_id, later.tracking_code, "merged")
    assert "đã được gộp vào một vụ việc khác" in page

    login_as(admin := app.test_client(), "quantri")  # sees every unit: the unit and accused-body rules speak
    page = _link(admin, csrf_token, first.report_id, elsewhere.tracking_code, "merged")
    assert linking.ACCUSED.format(code=elsewhere.tracking_code) in page
    assert linking.OTHER_UNIT in _link(admin, csrf_token, first.report_id, elsewhere.tracking_code, "related")
    with app.app_context():
        assert len(db.session.scalars(select(ReportLink)).all()) == 1
