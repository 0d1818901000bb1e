"""Units, reports and facts for the document tests: in memory, as the database would hold them."""

from datetime import UTC, date, datetime

from core.models import Report, Unit
from core.vocabulary import DocumentKind

ISSUED_ON = date(2026, 12, 3)
PHONE, EMAIL, ADDRESS = "0912345678", "hoang.em@example.vn", "số 5 ngõ 3, phường Quảng Phú"
GROUND = "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng"

# Every key any kind reads, with a value a step could have decided.
FACTS = {
    "received_on": date(2026, 12, 1),
    "due_on": date(2027, 1, 15),
    "ground": GROUND,
    "reason": "Cần chờ kết quả giám định của cơ quan chuyên môn",
    "body": "Ủy ban nhân dân tỉnh Nghệ An",
    "guidance": "Gửi đơn kèm bản sao giấy tờ có liên quan đến Bộ phận tiếp công dân của cơ quan đó",
    "withdrawn_on": "2026-12-02",
    "continued": False,
    "stage_label": "giải quyết",
    "response": "Giữ nguyên Quyết định số 45/QĐ-UBND về việc thu hồi đất",
    "findings": "Cán bộ địa chính đã trả hồ sơ chậm 20 ngày làm việc so với giấy hẹn",
    "outcome": "Nội dung tố cáo là đúng một phần",
}


def commune() -> Unit:
    return Unit(code="16522", name="UBND Phường Quảng Phú", division="phường", agency="xa", ward_code="16522")


def body(agency: str, name: str) -> Unit:
    return Unit(code=agency, name=name, division="cơ quan tỉnh", agency=agency, ward_code=None)


def report(track: str = "khieu-nai", *, name: str | None = "Hoàng Văn Em", instance: int = 1) -> Report:
    return Report(
        tracking_code="TH-7K3M-9QXA",
        kind=track,
        track=track,
        text="Cán bộ địa chính phường Quảng Phú hẹn lần hẹn lữa.",
        reporter_name=name,
        reporter_phone=PHONE,
        reporter_email=EMAIL,
        reporter_address=ADDRESS,
        received_at=datetime(2026, 11, 30, 20, 0, tzinfo=UTC),  # 1 December in Vietnam
        instance=instance,
    )


def facts_for(kind: DocumentKind) -> dict:
    from triage.documents.texts import OPTIONAL, REQUIRED

    return {key: FACTS[key] for key in REQUIRED[kind] + OPTIONAL[kind]}
