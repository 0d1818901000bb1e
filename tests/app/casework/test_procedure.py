"""Every legal branch of handling a đơn, through the case file as an inspector and a leader use it: each step's
event, its clocks (and what the sweep says of them on a later day), its numbered PDF, and what the reporter sees
on the status page."""

import hashlib
import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.document_files import DocumentFiles
from core.extensions import db
from core.models import Document, Report, utcnow
from core.vietnamese import legal_date
from tests_support import look_up
from triage.casework.actions import accept_report
from triage.deadlines.jobs import sweep_deadlines
from triage.routing.jobs import route_report

COMPLAINT = (
    "Tôi khiếu nại việc cán bộ địa chính UBND phường Quảng Phú trả lại hồ sơ cấp giấy chứng nhận quyền sử dụng "
    "đất của gia đình tôi mà không nêu lý do, bắt tôi nộp lại ba lần."
)
DENUNCIATION = (
    "Tôi tố cáo cán bộ một cửa UBND phường Quảng Phú đòi tôi đưa 2 triệu đồng mới nhận hồ sơ đăng ký kinh doanh "
    "hộ gia đình, có người làm chứng."
)
NAMED = {"reporter_name": "Nguyễn Văn An", "reporter_address": "số 12 phố Quảng Phú", "ward_code": "16522"}


@pytest.fixture
def staff(make_user):
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc")
    make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Lãnh")


@pytest.fixture
def routed(app, make_report, staff):
    """A đơn of the given kind, routed to UBND phường Quảng Phú."""

    def _make(kind: str = "khieu-nai", text: str = COMPLAINT, **fields):
        receipt = make_report(text=text, kind=kind, **{**NAMED, **fields})
        with app.app_context():
            assert route_report(receipt.report_id) == "routed"
            assert db.session.get(Report, receipt.report_id).unit.code == "16522"
        return receipt

    return _make


def _post(client, csrf_token, report_id, action, **data):
    token = csrf_token(client.get(f"/can-bo/bao-cao/{report_id}"))
    return client.post(f"/can-bo/bao-cao/{report_id}/{action}", data={"csrf_token": token, **data})


def _followed(client, csrf_token, report_id, action, **data):
    token = csrf_token(client.get(f"/can-bo/bao-cao/{report_id}"))
    return client.post(
        f"/can-bo/bao-cao/{report_id}/{action}", data={"csrf_token": token, **data}, follow_redirects=True
    )


def _report(app, report_id) -> Report:
    with app.app_context():
        report = db.session.get(Report, report_id)
        _ = report.clocks, report.events, report.unit  # loaded before the session closes
        return report


def _documents(app, report_id) -> list[Document]:
    with app.app_context():
        return list(db.session.scalars(select(Document).where(Document.report_id == report_id).order_by(Document.id)))


def _pdf_text(app, document: Document) -> str:
    data = DocumentFiles(app.config["ATTACHMENTS_DIR"]).read(document.storage_key)
    assert hashlib.sha256(data).hexdigest() == document.sha256
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _sweep(app, days: int) -> None:
    with app.app_context():
        sweep_deadlines(today=(legal_date(utcnow()) + timedelta(days=days)).isoformat(), inline=True)


def _accepted(app, receipt, now=None) -> Report:
    """Accept the đơn through the service (as on receipt, or at `now`); acceptance through the view is its own test."""
    with app.app_context():
        report = db.session.get(Report, receipt.report_id)
        accept_report(report, now=now or report.received_at, services=app.extensions["services"])
        db.session.commit()
    return _report(app, receipt.report_id)


def _citizen_page(app, csrf_token, receipt) -> str:
    return look_up(app.test_client(), csrf_token, receipt.tracking_code, receipt.passphrase).get_data(as_text=True)


def test_refusal_keeps_what_was_typed_until_confirmed_then_issues_its_numbered_notice(
    app, client, csrf_token, routed, login_as
):
    receipt = routed("khieu-nai")
    login_as(client, "cb.quangphu")
    page = client.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
    for button in ("Thụ lý", "Không thụ lý", "Hướng dẫn", "Chuyển đơn", "Lưu đơn", "Trả lại đơn"):
        assert f"<summary>{button}</summary>" in page or f">{button}</button>" in page, button
    assert "Duyệt kết quả" not in page and "Xử lý lại" not in page  # not in this state
    assert "kn-het-thoi-hieu" in page and "tc-hinh-thuc" not in page  # the grounds of this track only (as values)

    typed = "Đơn gửi sau 4 tháng kể từ ngày nhận quyết định, không nêu lý do chính đáng."
    response = _post(
        client, csrf_token, receipt.report_id, "khong-thu-ly", **{"ktl-ground": "kn-het-thoi-hieu", "ktl-reason": typed}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert typed in page  # nothing typed is lost
    assert "Xin đánh dấu xác nhận: bước này không hoàn tác được." in page
    assert _report(app, receipt.report_id).status == "routed"

    response = _followed(
        client,
        csrf_token,
        receipt.report_id,
        "khong-thu-ly",
        **{"ktl-ground": "kn-het-thoi-hieu", "ktl-reason": typed, "ktl-confirm": "y"},
    )
    assert "Đã quyết định không thụ lý" in response.get_data(as_text=True)
    report = _report(app, receipt.report_id)
    assert report.status == "not-accepted"
    assert {c.stage: c.status for c in report.clocks} == {"acceptance": "met"}
    event = [e for e in report.events if e.kind == "status"][-1]
    assert event.public and event.data["ground"] == "kn-het-thoi-hieu"
    (document,) = _documents(app, receipt.report_id)
    assert document.kind == "thong-bao-khong-thu-ly" and document.public
    assert re.fullmatch(r"1/TB-UBND", document.reference), document.reference
    text = _pdf_text(app, document)
    assert "Đã hết thời hiệu khiếu nại" in text and "1/TB-UBND" in text

    citizen = _citizen_page(app, csrf_token, receipt)
    assert "Không thụ lý" in citizen and "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng" in citizen
    assert "not-accepted" not in citizen
    _sweep(app, 30)
    report = _report(app, receipt.report_id)
    assert report.overdue_at is None and not [e for e in report.events if e.kind == "breach"]


def test_guidance_and_return_name_where_the_citizen_should_go(app, client, csrf_token, routed, login_as):
    guided, returned = routed("phan-anh"), routed("khieu-nai")
    login_as(client, "cb.quangphu")
    response = _post(
        client,
        csrf_token,
        guided.report_id,
        "huong-dan",
        **{"hd-body": "bo-nganh", "hd-guidance": "Gửi đơn đến Bộ Công an kèm bản sao giấy tờ.", "hd-confirm": "y"},
    )
    assert response.status_code == 422 and "Xin ghi tên cụ thể của cơ quan" in response.get_data(as_text=True)
    response = _followed(
        client,
        csrf_token,
        guided.report_id,
        "huong-dan",
        **{
            "hd-body": "bo-nganh",
            "hd-name": "Bộ Công an",
            "hd-guidance": "Gửi đơn đến Bộ Công an kèm bản sao giấy tờ.",
            "hd-confirm": "y",
        },
    )
    assert "phiếu hướng dẫn" in response.get_data(as_text=True)
    response = _followed(
        client,
        csrf_token,
        returned.report_id,
        "tra-lai-don",
        **{
            "tl-reason": "Quyết định bị khiếu nại do Sở ban hành.",
            "tl-body": "khac",
            "tl-name": "Sở Xây dựng",
            "tl-confirm": "y",
        },
    )
    assert "Đã trả lại đơn và giấy tờ" in response.get_data(as_text=True)
    assert (_report(app, guided.report_id).status, _report(app, returned.report_id).status) == ("guided", "returned")
    first, second = _documents(app, guided.report_id) + _documents(app, returned.report_id)
    assert (first.kind, second.kind) == ("phieu-huong-dan", "tra-lai-don")
    assert [first.number, second.number] == [1, 2]  # one series per unit and year
    assert "Bộ Công an" in _pdf_text(app, first)
    citizen = _citizen_page(app, csrf_token, guided)
    assert "Bộ Công an" in citizen and "Gửi đơn đến Bộ Công an kèm bản sao giấy tờ." in citizen


def test_transfer_outside_meets_or_breaches_the_forward_clock(app, client, csrf_token, routed, login_as):
    on_time, late = routed("to-cao", DENUNCIATION), routed("to-cao", DENUNCIATION)
    with app.app_context():  # the second one was received 9 working days ago
        report = db.session.get(Report, late.report_id)
        report.received_at -= timedelta(days=13)
        db.session.commit()
    login_as(client, "cb.quangphu")
    for receipt in (on_time, late):
        response = _followed(
            client,
            csrf_token,
            receipt.report_id,
            "chuyen-don",
            **{
                "cd-target": "ngoai:ubkt-tinh-uy",
                "cd-reason": "Người bị tố cáo là đảng viên, vi phạm điều lệ Đảng.",
                "cd-confirm": "y",
            },
        )
        assert "Đã chuyển đơn và ban hành phiếu chuyển đơn." in response.get_data(as_text=True)
    ok, breached = _report(app, on_time.report_id), _report(app, late.report_id)
    assert ok.status == breached.status == "transferred"
    assert ok.clock("forward").status == "met"
    assert breached.clock("forward").status == "breached" and breached.overdue_at is not None
    (slip,) = _documents(app, on_time.report_id)
    assert slip.kind == "phieu-chuyen-don" and slip.reference.endswith("/PC-UBND")
    text = _pdf_text(app, slip)
    assert "Ủy ban Kiểm tra Tỉnh ủy" in text and "Nguyễn Văn An" not in text  # the reporter's identity stays here
    assert "Ủy ban Kiểm tra Tỉnh ủy" in _citizen_page(app, csrf_token, on_time)


def test_transfer_inside_the_directory_restarts_acceptance_at_the_receiving_unit(
    app, client, csrf_token, routed, login_as, make_user
):
    receipt = routed("khieu-nai")
    login_as(client, "cb.quangphu")
    response = _post(
        client,
        csrf_token,
        receipt.report_id,
        "chuyen-don",
        **{"cd-target": "so-xay-dung", "cd-reason": "Giấy phép xây dựng do Sở Xây dựng cấp.", "cd-confirm": "y"},
    )
    assert response.status_code == 303 and response.headers["Location"].endswith("/can-bo/")  # out of sight now
    report = _report(app, receipt.report_id)
    assert report.status == "routed" and report.unit.code == "so-xay-dung"
    assert report.clock("acceptance").status == "running"
    assert [d.kind for d in _documents(app, receipt.report_id)] == ["phieu-chuyen-don"]
    make_user("cb.sxd", unit="so-xay-dung")
    login_as(other := app.test_client(), "cb.sxd")
    assert "Thụ lý" in other.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)


def test_archive_is_internal_and_the_reporter_sees_why(app, client, csrf_token, make_report, staff, login_as):
    receipt = make_report(text=DENUNCIATION, kind="to-cao", ward_code="16522")  # anonymous: phản ánh track
    with app.app_context():
        route_report(receipt.report_id)
    login_as(client, "cb.quangphu")
    _followed(client, csrf_token, receipt.report_id, "luu-don", **{"ld-ground": "nac-danh", "ld-confirm": "y"})
    report = _report(app, receipt.report_id)
    assert report.status == "archived" and report.track == "phan-anh"
    (note,) = _documents(app, receipt.report_id)
    assert note.kind == "phieu-luu-don" and not note.public
    citizen = _citizen_page(app, csrf_token, receipt)
    assert "Lưu đơn" in citizen and note.reference not in citizen


def test_anonymous_complaint_is_handled_as_feedback(app, make_report, staff):
    receipt = make_report(text=COMPLAINT, kind="khieu-nai", ward_code="16522")
    assert _report(app, receipt.report_id).track == "phan-anh"


def test_denunciation_accepted_on_time_has_its_notice_and_no_breach_twenty_days_later(
    app, client, csrf_token, routed, login_as, user_by_name
):
    receipt = routed("to-cao", DENUNCIATION)
    login_as(client, "cb.quangphu")
    typed = "Làm việc với bộ phận một cửa, thu thập lời khai người làm chứng"
    response = _post(
        client,
        csrf_token,
        receipt.report_id,
        "thu-ly",
        **{"six-assignee": str(user_by_name("cb.quangphu").id), "six-task": typed, "six-due_on": "2026-12-30"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and typed in page  # "6 rõ" typed, then Thụ lý: nothing lost
    assert (
        re.search(r'id="six-authority"[^>]*aria-invalid="true"', page)
        or 'aria-invalid="true" id="six-authority"' in page
    )
    response = _followed(
        client,
        csrf_token,
        receipt.report_id,
        "thu-ly",
        **{
            "six-assignee": str(user_by_name("cb.quangphu").id),
            "six-task": typed,
            "six-responsibility": "UBND phường Quảng Phú",
            "six-authority": "Luật Tố cáo 2018, Điều 24, 29",
            "six-due_on": "2026-12-30",
        },
    )
    assert "Đã ban hành thông báo thụ lý" in response.get_data(as_text=True)
    report = _report(app, receipt.report_id)
    assert report.status == "accepted" and report.sixclear_task == typed
    assert report.clock("notify").status == "met" and report.clock("resolution").status == "running"
    (notice,) = _documents(app, receipt.report_id)
    assert notice.kind == "thong-bao-thu-ly" and notice.public
    _sweep(app, 20)
    report = _report(app, receipt.report_id)
    assert not [e for e in report.events if e.kind == "breach"] and report.overdue_at is None


def test_suspension_pauses_the_clocks_and_termination_ends_the_case(app, client, csrf_token, routed, login_as):
    receipt = routed("to-cao", DENUNCIATION)
    _accepted(app, receipt)
    login_as(client, "cb.quangphu")
    page = client.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
    assert "Chưa ban hành thông báo thụ lý" in page  # accepted without its notice: the step is offered
    _followed(client, csrf_token, receipt.report_id, "thong-bao-thu-ly")
    assert _report(app, receipt.report_id).clock("notify").status == "met"
    _followed(client, csrf_token, receipt.report_id, "tam-dinh-chi", **{"tdc-reason": "Chờ kết quả giám định chữ ký"})
    report = _report(app, receipt.report_id)
    assert report.status == "suspended" and report.clock("resolution").status == "paused"
    _followed(client, csrf_token, receipt.report_id, "tiep-tuc", **{"tiep-reason": "Đã có kết quả giám định"})
    assert _report(app, receipt.report_id).clock("resolution").status == "running"
    response = _post(client, csrf_token, receipt.report_id, "dinh-chi", **{"dc-reason": "Người bị tố cáo đã chết"})
    assert response.status_code == 422  # not confirmed
    _followed(
        client, csrf_token, receipt.report_id, "dinh-chi", **{"dc-reason": "Người bị tố cáo đã chết", "dc-confirm": "y"}
    )
    report = _report(app, receipt.report_id)
    assert report.status == "terminated" and report.clock("resolution").status == "stopped"  # neither met nor late
    kinds = [d.kind for d in _documents(app, receipt.report_id)]
    assert kinds == ["thong-bao-thu-ly", "quyet-dinh-tam-dinh-chi", "quyet-dinh-dinh-chi"]
    assert "Người bị tố cáo đã chết" in _citizen_page(app, csrf_token, receipt)


def test_complexity_gives_a_complaint_its_longer_period(app, client, csrf_token, routed, login_as):
    receipt = routed("khieu-nai")
    before = _accepted(app, receipt).clock("resolution").amount
    login_as(client, "cb.quangphu")
    response = _post(client, csrf_token, receipt.report_id, "tam-dinh-chi", **{"tdc-reason": "Chờ ý kiến Sở"})
    assert response.status_code == 422 and "chỉ quy định tạm đình chỉ việc giải quyết tố cáo" in response.get_data(
        as_text=True
    )
    _followed(
        client, csrf_token, receipt.report_id, "muc-do", **{"pt-level": "complex", "pt-reason": "Liên quan 12 hộ"}
    )
    report = _report(app, receipt.report_id)
    assert (before, report.clock("resolution").amount) == (30, 45) and report.complexity == "complex"
    assert any(e.kind == "complexity" and e.public for e in report.events)


def test_sign_off_return_for_revision_then_approval_reaches_the_reporter(app, client, csrf_token, routed, login_as):
    receipt = routed("khieu-nai")
    _accepted(app, receipt)
    draft = {
        "kq-outcome": "partly-substantiated",
        "kq-findings": "Hồ sơ bị trả lại hai lần không đúng quy định; lần thứ ba đúng.",
        "kq-response": "Khiếu nại đúng một phần. Phường đã nhận hồ sơ và kiểm điểm cán bộ.",
    }
    login_as(client, "cb.quangphu")
    _followed(client, csrf_token, receipt.report_id, "giai-quyet", **draft)
    assert _report(app, receipt.report_id).status == "awaiting-approval"
    assert _post(client, csrf_token, receipt.report_id, "duyet", **{"duyet-confirm": "y"}).status_code == 403
    assert "Phường đã nhận hồ sơ" not in _citizen_page(app, csrf_token, receipt)
    login_as(leader := app.test_client(), "ld.quangphu")
    _followed(leader, csrf_token, receipt.report_id, "tra-lai-du-thao", **{"ykien-comment": "Nêu rõ căn cứ pháp lý"})
    report = _report(app, receipt.report_id)
    assert report.status == "accepted" and [e for e in report.events if e.kind == "revision-requested"]
    _followed(client, csrf_token, receipt.report_id, "giai-quyet", **draft)
    page = _followed(leader, csrf_token, receipt.report_id, "duyet", **{"duyet-confirm": "y"}).get_data(as_text=True)
    assert "Trả lời đã gửi người gửi đơn" in page and "Lê Văn Lãnh" in page
    report = _report(app, receipt.report_id)
    assert report.status == "resolved" and report.outcome == "partly-substantiated"
    assert report.approved_by_id is not None and report.submitted_at <= report.approved_at
    assert [e.kind for e in report.events if e.kind in ("submitted", "approved")] == [
        "submitted",
        "submitted",
        "approved",
    ]
    (decision,) = _documents(app, receipt.report_id)
    assert decision.kind == "quyet-dinh-giai-quyet" and decision.reference.endswith("/QĐ-UBND")
    citizen = _citizen_page(app, csrf_token, receipt)
    assert "Khiếu nại đúng một phần. Phường đã nhận hồ sơ và kiểm điểm cán bộ." in citizen
    assert "lần thứ ba đúng" not in citizen  # the internal findings stay internal


def test_reopening_starts_a_new_resolution_clock_and_counts(app, client, csrf_token, routed, login_as):
    receipt = routed("phan-anh")
    _accepted(app, receipt)
    login_as(leader := app.test_client(), "ld.quangphu")
    draft = {"kq-outcome": "substantiated", "kq-findings": "Đúng như phản ánh.", "kq-response": "Đã xử lý cán bộ."}
    _followed(leader, csrf_token, receipt.report_id, "giai-quyet", **draft)  # a leader's draft is signed at once
    assert _report(app, receipt.report_id).status == "resolved"
    _followed(
        leader,
        csrf_token,
        receipt.report_id,
        "xu-ly-lai",
        **{"xll-reason": "Người dân phản ánh chưa trả hồ sơ", "xll-confirm": "y"},
    )
    report = _report(app, receipt.report_id)
    assert report.status == "accepted" and report.reopened == 1
    resolutions = sorted((c.cycle, c.status) for c in report.clocks if c.stage == "resolution")
    assert resolutions == [(0, "met"), (1, "running")]
    _followed(leader, csrf_token, receipt.report_id, "giai-quyet", **draft)
    report = _report(app, receipt.report_id)
    assert report.status == "resolved" and report.clock("resolution").cycle == 1
    assert report.clock("resolution").status == "met"


def test_second_instance_from_paper_goes_to_the_provincial_chairman_with_its_own_periods(
    app, client, csrf_token, routed, login_as, make_user
):
    receipt = routed("khieu-nai")
    _accepted(app, receipt)
    login_as(leader := app.test_client(), "ld.quangphu")
    draft = {
        "kq-outcome": "unsubstantiated",
        "kq-findings": "Cán bộ làm đúng quy trình.",
        "kq-response": "Khiếu nại không đúng.",
    }
    _followed(leader, csrf_token, receipt.report_id, "giai-quyet", **draft)
    today = legal_date(utcnow())
    early = _post(
        leader,
        csrf_token,
        receipt.report_id,
        "lan-hai",
        **{"l2-received_on": "2020-01-01", "l2-reason": "Không đồng ý với quyết định lần đầu", "l2-confirm": "y"},
    )
    assert early.status_code == 422 and "không được trước ngày có quyết định lần đầu" in early.get_data(as_text=True)
    response = _post(
        leader,
        csrf_token,
        receipt.report_id,
        "lan-hai",
        **{"l2-received_on": today.isoformat(), "l2-reason": "Không đồng ý với quyết định lần đầu", "l2-confirm": "y"},
    )
    assert response.status_code == 303  # the case is no longer this unit's
    report = _report(app, receipt.report_id)
    assert (report.status, report.instance, report.unit.code) == ("routed", 2, "ubnd-tinh")
    acceptance = report.clock("acceptance")
    assert (acceptance.track, acceptance.status, acceptance.starts_on) == ("khieu-nai-2", "running", today)
    make_user("cb.ubndtinh", unit="ubnd-tinh")
    login_as(inspectorate := app.test_client(), "cb.ubndtinh")
    page = inspectorate.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
    assert "(lần hai)" in page
    resolution = _accepted(app, receipt, now=utcnow()).clock("resolution")
    assert (resolution.track, resolution.amount) == ("khieu-nai-2", 45)


def test_staff_record_a_withdrawal_and_the_accepted_case_gets_its_notice(app, client, csrf_token, routed, login_as):
    before, after = routed("phan-anh"), routed("khieu-nai")
    _accepted(app, after)
    login_as(client, "cb.quangphu")
    for receipt in (before, after):
        page = client.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
        assert "<summary>Người gửi rút đơn</summary>" in page
        _followed(
            client,
            csrf_token,
            receipt.report_id,
            "rut-don",
            **{"rut-reason": "Người gửi nộp đơn xin rút tại bộ phận một cửa", "rut-confirm": "y"},
        )
        report = _report(app, receipt.report_id)
        assert report.status == "withdrawn" and not [c for c in report.clocks if c.is_open]
        assert [d.kind for d in _documents(app, receipt.report_id)] == ["thong-bao-rut-don"]
    assert "Người gửi đã rút đơn" in _citizen_page(app, csrf_token, after)


def test_documents_download_and_signed_scans(app, client, csrf_token, routed, login_as):
    receipt = routed("khieu-nai")
    login_as(client, "cb.quangphu")
    _followed(client, csrf_token, receipt.report_id, "khong-thu-ly", **{"ktl-ground": "kn-toa-an", "ktl-confirm": "y"})
    (document,) = _documents(app, receipt.report_id)
    response = client.get(f"/can-bo/van-ban/{document.id}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert hashlib.sha256(response.data).hexdigest() == document.sha256
    assert response.headers["Cache-Control"] == "private, no-store"
    token = csrf_token(client.get(f"/can-bo/bao-cao/{receipt.report_id}"))
    page = client.post(
        f"/can-bo/van-ban/{document.id}/ban-ky",
        data={"csrf_token": token, "scan-scan": (io.BytesIO(b"<html>not a scan</html>"), "scan.pdf")},
        content_type="multipart/form-data",
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "phải là tệp PDF hoặc ảnh JPEG, PNG" in page
    scan = b"%PDF-1.4\n% signed and stamped\n"
    page = client.post(
        f"/can-bo/van-ban/{document.id}/ban-ky",
        data={"csrf_token": token, "scan-scan": (io.BytesIO(scan), "ky.pdf")},
        content_type="multipart/form-data",
        follow_redirects=True,
    ).get_data(as_text=True)
    assert f"Đã lưu bản quét đã ký của văn bản số {document.reference}." in page
    (document,) = _documents(app, receipt.report_id)
    assert document.scan_sha256 == hashlib.sha256(scan).hexdigest() and document.sha256 != document.scan_sha256
    assert client.get(f"/can-bo/van-ban/{document.id}/ban-ky").data == scan
    report = _report(app, receipt.report_id)
    assert [e.data["sha256"] for e in report.events if e.kind == "signed-scan"] == [document.scan_sha256]


def test_an_expired_session_keeps_what_was_typed(app, client, csrf_token, routed, login_as):
    receipt = routed("khieu-nai")
    login_as(client, "cb.quangphu")
    typed = "Quyết định bị khiếu nại do Tòa án thụ lý từ tháng trước."
    response = client.post(
        f"/can-bo/bao-cao/{receipt.report_id}/khong-thu-ly",
        data={"csrf_token": "expired", "ktl-ground": "kn-toa-an", "ktl-reason": typed, "ktl-confirm": "y"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and typed in page and "Phiên làm việc đã hết hạn" in page
    assert _report(app, receipt.report_id).status == "routed"
    # The step cannot be undone: its confirmation is given again on the fresh page, never carried over.
    assert not re.search(r'<input[^>]*\bchecked\b[^>]*id="ktl-confirm"|<input[^>]*id="ktl-confirm"[^>]*\bchecked', page)


@pytest.mark.parametrize(
    "headers", [{"Sec-Fetch-Site": "same-site", "Origin": "null"}, {"Origin": "https://khac.thanhhoa.gov.vn"}]
)
def test_a_step_forged_from_another_site_puts_none_of_its_words_on_the_case_file(
    app, client, routed, login_as, headers
):
    """A sibling site's page posting a step with the officer's cookie (SameSite=Lax lets it through): the case page
    comes back without its reason or its ticked confirmation, one click from returning the đơn."""
    receipt = routed("khieu-nai")
    login_as(client, "cb.quangphu")
    forged = "KE TAN CONG: don nay bi trung, tra lai"
    response = client.post(
        f"/can-bo/bao-cao/{receipt.report_id}/tra-lai-don",
        data={"tl-reason": forged, "tl-confirm": "y", "tl-body": "", "tl-name": "KE TAN CONG"},
        headers=headers,
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Thao tác chưa được thực hiện" in page
    assert "KE TAN CONG" not in page
    assert not re.search(r'<input[^>]*\bchecked\b[^>]*id="tl-confirm"|<input[^>]*id="tl-confirm"[^>]*\bchecked', page)
    assert _report(app, receipt.report_id).status == "routed"


def test_a_step_sent_after_signing_out_elsewhere_is_not_a_server_error(app, client, csrf_token, routed, login_as):
    """Signed out in another tab, then the old page's step sent: the officer reads that nothing was done and has
    the reason typed to copy, not a server error."""
    receipt = routed("khieu-nai")
    login_as(client, "cb.quangphu")
    token = csrf_token(client.get(f"/can-bo/bao-cao/{receipt.report_id}"))
    assert client.post("/can-bo/dang-xuat", data={"csrf_token": token}).status_code == 302
    typed = "Đơn đã được Tòa án nhân dân tỉnh thụ lý giải quyết"
    response = client.post(
        f"/can-bo/bao-cao/{receipt.report_id}/tra-lai-don",
        data={"csrf_token": token, "tl-reason": typed, "tl-confirm": "y"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Thao tác chưa được thực hiện" in page and typed in page
    assert client.post(f"/can-bo/bao-cao/{receipt.report_id}/luu-don", data={}).status_code == 400
    assert _report(app, receipt.report_id).status == "routed"


def test_the_leader_signs_what_they_approve_and_alone_reopens(app, client, csrf_token, routed, login_as, make_user):
    make_user("ld2.quangphu", role="leader", unit="16522", name="Phạm Thị Duyệt")
    receipt = routed("khieu-nai")
    _accepted(app, receipt)
    login_as(client, "cb.quangphu")
    _followed(client, csrf_token, receipt.report_id, "hoi-them", **{"ask-text": "Xin gửi bản sao quyết định."})
    draft = {"kq-outcome": "substantiated", "kq-findings": "Cán bộ trả hồ sơ sai.", "kq-response": "Khiếu nại đúng."}
    response = _post(client, csrf_token, receipt.report_id, "giai-quyet", **draft)
    assert response.status_code == 422 and "Đang chờ người gửi đơn bổ sung thông tin" in response.get_data(as_text=True)
    with app.app_context():
        from triage.deadlines.clocks import resume_clocks

        report = db.session.get(Report, receipt.report_id)
        resume_clocks(report, utcnow(), app.extensions["services"].calendar, app.extensions["services"].points)
        db.session.commit()
    _followed(client, csrf_token, receipt.report_id, "giai-quyet", **draft)
    login_as(second := app.test_client(), "ld2.quangphu")
    _followed(second, csrf_token, receipt.report_id, "duyet", **{"duyet-confirm": "y"})
    (decision,) = _documents(app, receipt.report_id)
    text = _pdf_text(app, decision)
    assert "Phạm Thị Duyệt" in text and "Lê Văn Lãnh" not in text  # signed by who approved
    assert "Nội dung khiếu nại là đúng" in text and "phản ánh là đúng" not in text
    assert "Nội dung khiếu nại là đúng" in _citizen_page(app, csrf_token, receipt)
    reopen = {"xll-reason": "Người khiếu nại cung cấp tình tiết mới", "xll-confirm": "y"}
    assert _post(client, csrf_token, receipt.report_id, "xu-ly-lai", **reopen).status_code == 403
    _followed(second, csrf_token, receipt.report_id, "xu-ly-lai", **reopen)
    assert _report(app, receipt.report_id).reopened == 1


def test_the_reason_for_filing_a_don_stays_inside_the_unit(app, client, csrf_token, routed, login_as):
    receipt = routed("phan-anh")
    login_as(client, "cb.quangphu")
    reason = "Người gửi là đối thủ cạnh tranh, đơn gửi nhiều lần"
    _followed(
        client,
        csrf_token,
        receipt.report_id,
        "luu-don",
        **{"ld-ground": "khac", "ld-reason": reason, "ld-confirm": "y"},
    )
    citizen = _citizen_page(app, csrf_token, receipt)
    assert "Lý do khác" in citizen and reason not in citizen
    assert reason in client.get(f"/can-bo/bao-cao/{receipt.report_id}").get_data(as_text=True)
