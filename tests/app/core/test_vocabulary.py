"""The vocabulary of codes (core.vocabulary): every code has a Vietnamese label, and no code reaches a screen."""

import re
import warnings
from html.parser import HTMLParser

import pytest

from core.extensions import db
from core.models import Report
from core.vocabulary import (
    AGENCY_NAMES,
    CATEGORY_NAMES,
    CODES,
    FINISHED,
    Agency,
    Category,
    ClockStatus,
    EventKind,
    Kind,
    Outcome,
    Role,
    RoutingReason,
    Status,
    label,
    outcome_label,
)
from tests_support import look_up
from triage.routing.jobs import route_report

VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
MEMBERS = [member for enum in CODES for member in enum]
WITHOUT_DIACRITICS = {"Video"}  # Vietnamese words written without a diacritic


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_code_has_a_vietnamese_label_that_is_not_its_code(member):
    text = label(member)
    assert text.strip() and text != member.value
    assert VIETNAMESE.search(text) or text in WITHOUT_DIACRITICS, text


def test_label_reads_members_and_plain_strings():
    assert label(Status.ACCEPTED) == label("accepted") == "Đã thụ lý"
    assert label(Kind.TO_CAO) == label("to-cao") == "Tố cáo"
    assert label("substantiated") == label(Outcome.SUBSTANTIATED) == "Nội dung phản ánh là đúng"
    assert label(EventKind.INFORMATION_RECEIVED) == label("information-received") == "Người phản ánh trả lời"
    assert label("paused") == label(ClockStatus.PAUSED) == "Tạm dừng chờ người phản ánh"
    assert label(Agency.XA) == label("xa") == AGENCY_NAMES[Agency.XA]
    assert label("doi-tien") == CATEGORY_NAMES[Category.DOI_TIEN]
    assert label(RoutingReason.REROUTE) == label("reroute") == "Cán bộ chuyển đơn"
    assert label(None) == label("") == ""


def test_a_plain_string_shared_by_two_enums_is_read_in_the_order_of_codes():
    # "received" is both a status and an event kind: the plain string is the status, the member keeps its own label.
    assert label("received") == label(Status.RECEIVED) == "Đã tiếp nhận, đang phân loại"
    assert label(EventKind.RECEIVED) == "Tiếp nhận đơn"
    assert label("supervisor") == label(Role.SUPERVISOR)


def test_a_string_that_is_no_code_is_refused():
    with pytest.raises(ValueError):
        label("not-a-code")
    with pytest.raises(ValueError):
        label("Received")


def test_members_are_their_stored_strings():
    assert Status.ROUTED == "routed" and str(Status.ROUTED) == "routed" and f"{Kind.TO_CAO}" == "to-cao"
    assert Status("routed") is Status.ROUTED and "routed" in Status
    assert {Status.RESOLVED, Status.CLOSED, Status.NOT_ACCEPTED, Status.WITHDRAWN} <= set(FINISHED)
    assert not {Status.ACCEPTED, Status.SUSPENDED, Status.AWAITING_APPROVAL, Status.ROUTED} & set(FINISHED)


def test_the_label_filter_and_the_enums_are_in_every_template(app):
    with app.app_context():
        template = app.jinja_env.from_string(
            "{{ 'to-cao' | label }}|{{ code | label }}|{{ code == Status.ACCEPTED }}|{{ EventKind('breach') | label }}"
        )
        assert template.render(code="accepted") == "Tố cáo|Đã thụ lý|True|Quá hạn"


def test_forms_take_their_choices_from_the_vocabulary_without_deprecated_tuples(app):
    from intake.forms import ReportForm
    from triage.admin.views import UserCreateForm
    from triage.casework.procedure_forms import procedure_forms

    with app.test_request_context(), warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        resolve = procedure_forms(Report(track=Kind.KHIEU_NAI, status=Status.ACCEPTED, clocks=[]))["submit"]
        report = ReportForm(meta={"csrf": False}, ward_choices=[("16522", "Phường Quảng Phú")])
        account = UserCreateForm(meta={"csrf": False})
        options = [(o.data, o.label.text) for o in resolve.outcome][1:]  # after "— Chọn —"
        assert options == [(o.value, outcome_label(o, Kind.KHIEU_NAI)) for o in Outcome if o != Outcome.TRANSFERRED]
        assert options[0][1] == "Nội dung khiếu nại là đúng"
        assert [o.label.text.split(" — ")[0] for o in report.kind] == [label(k) for k in Kind]
        assert [o.label.text for o in account.role] == [label(r) for r in Role]
        assert "Phường Quảng Phú" in report.ward()


class _VisibleText(HTMLParser):
    """The text a person sees: no tags, no attributes, nothing of scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style", "title")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def _raw_codes(text: str) -> set[str]:
    return {m.value for m in MEMBERS if re.search(rf"(?<![\w-]){re.escape(m.value)}(?![\w-])", text)}


TEXT = (
    "Tôi tên là Hoàng Văn Em. Cán bộ địa chính UBND phường Quảng Phú hẹn lần hẹn lữa, đòi tôi đưa tiền "
    "thì mới trả hồ sơ cấp đổi sổ đỏ nộp từ tháng trước; tôi tố cáo việc này."
)


@pytest.fixture
def resolved_case(app, client, csrf_token, make_report, make_user, login_as):
    """A tố cáo routed to its ward, accepted, then resolved as substantiated through the case page (drafted and
    signed by the unit's leader)."""
    make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc", role="leader")
    receipt = make_report(
        text=TEXT,
        ward_code="16522",
        kind=Kind.TO_CAO,
        reporter_name="Hoàng Văn Em",
        reporter_address="số 5 ngõ 3, phường Quảng Phú",
    )
    with app.app_context():
        assert route_report(receipt.report_id) == Status.ROUTED
        report = db.session.get(Report, receipt.report_id)
        assert report.track == Kind.TO_CAO
        report.status = Status.ACCEPTED  # acceptance itself is tested in tests/app/casework/test_case_actions.py
        db.session.commit()
    login_as(client, "cb.quangphu")
    token = csrf_token(client.get(f"/can-bo/bao-cao/{receipt.report_id}"))
    done = client.post(
        f"/can-bo/bao-cao/{receipt.report_id}/giai-quyet",
        follow_redirects=True,
        data={
            "csrf_token": token,
            "kq-outcome": Outcome.SUBSTANTIATED.value,
            "kq-findings": "Cán bộ một cửa đã đòi tiền như đơn tố cáo.",
            "kq-response": "Đã xác minh, kiểm điểm cán bộ và trả hồ sơ cho người dân.",
        },
    )
    assert "Đã ký duyệt kết quả" in done.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Report, receipt.report_id).status == Status.RESOLVED
    return receipt


def test_the_case_page_of_a_resolved_report_shows_labels_never_codes(client, resolved_case):
    page = client.get(f"/can-bo/bao-cao/{resolved_case.report_id}")
    assert page.status_code == 200
    text = _visible(page.get_data(as_text=True))
    assert _raw_codes(text) == set()
    for shown in (
        label(Status.RESOLVED),
        label(Kind.TO_CAO),
        outcome_label(Outcome.SUBSTANTIATED, Kind.TO_CAO),  # "Nội dung tố cáo là đúng"
        label(EventKind.RECEIVED),
        label(EventKind.STATUS),
    ):
        assert shown in text
    assert "substantiated" not in text and "to-cao" not in text and "accepted" not in text


def test_the_status_page_of_a_resolved_report_shows_labels_never_codes(app, csrf_token, resolved_case):
    page = look_up(app.test_client(), csrf_token, resolved_case.tracking_code, resolved_case.passphrase)
    text = _visible(page.get_data(as_text=True))
    assert _raw_codes(text) == set()
    assert label(Status.RESOLVED) in text and outcome_label(Outcome.SUBSTANTIATED, Kind.TO_CAO) in text
