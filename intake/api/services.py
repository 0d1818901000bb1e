"""The Open311 services: one per kind of misconduct (the categories of core.vocabulary, docs/taxonomy.md), and
the definition of the attributes a partner fills in beside the text (the kind of đơn, the commune, the office,
the reporter's address). The codes are the category codes, a contract like them: never renamed."""

from functools import cache

from core.units import ward_choices
from core.vocabulary import CATEGORY_NAMES, Category, Kind, label

# When the list of services or their definitions last changed (discovery's `changeset`): change it with them.
CHANGESET = "2026-12-03T00:00:00+07:00"

CORRUPTION = "Tham nhũng, tiêu cực"
DUTY = "Thực thi công vụ"

# code -> (group, description, keywords), in the citizen's words.
SERVICES: dict[Category, tuple[str, str, str]] = {
    Category.DOI_TIEN: (
        CORRUPTION,
        "Cán bộ đòi tiền, quà, phong bì, nhận hối lộ hoặc thu thêm khoản ngoài quy định khi giải quyết thủ tục.",
        "đòi tiền, phong bì, hối lộ, tiền bồi dưỡng, thu ngoài biên lai",
    ),
    Category.SACH_NHIEU: (
        CORRUPTION,
        "Cán bộ cố tình gây khó dễ, bắt bẻ, hạch sách để người dân phải chịu thiệt hoặc đưa thêm gì đó.",
        "sách nhiễu, gây khó dễ, hạch sách, làm khó",
    ),
    Category.CHAM_TRE: (
        DUTY,
        "Quá ngày hẹn trả kết quả, hẹn đi hẹn lại, để hồ sơ nằm im không giải quyết.",
        "chậm trễ, trễ hẹn, quá hạn, ngâm hồ sơ",
    ),
    Category.THAI_DO: (
        DUTY,
        "Cán bộ có thái độ không đúng mực: to tiếng, thiếu tôn trọng, làm việc riêng khi tiếp dân.",
        "thái độ, quát nạt, thiếu tôn trọng, hách dịch",
    ),
    Category.SAI_QUY_TRINH: (
        DUTY,
        "Đòi giấy tờ hoặc bước không có trong quy định, làm sai quy trình, không hướng dẫn người dân.",
        "sai quy trình, đòi thêm giấy tờ, không hướng dẫn",
    ),
    Category.NE_TRANH: (
        DUTY,
        "Không nhận hồ sơ, đùn đẩy trách nhiệm, bảo người dân đi hỏi nơi khác.",
        "né tránh, đùn đẩy, không nhận hồ sơ, đá qua đá lại",
    ),
    Category.LOI_DUNG: (
        CORRUPTION,
        "Lợi dụng chức vụ, ưu ái người quen, tiếp tay cho cò, ép người dân.",
        "lợi dụng chức vụ, cò, ưu ái, người quen",
    ),
    Category.KHAC: (
        DUTY,
        "Việc làm chưa đúng khác của cán bộ, công chức khi giải quyết thủ tục hành chính.",
        "khác",
    ),
}

# What each kind of đơn means, for the partner's form (the law's words, shortened).
KIND_EXPLANATIONS = {
    Kind.PHAN_ANH: "báo cho cơ quan biết việc cán bộ làm chưa đúng để chấn chỉnh; có thể gửi ẩn danh",
    Kind.KHIEU_NAI: "đề nghị xem xét lại quyết định, việc làm của cơ quan đã ảnh hưởng đến quyền lợi của chính người "
    "gửi; luật yêu cầu họ tên và địa chỉ người khiếu nại",
    Kind.TO_CAO: "báo cán bộ vi phạm pháp luật để xử lý; luật yêu cầu họ tên và địa chỉ người tố cáo, danh tính "
    "được giữ bí mật",
}


def service_list() -> list[dict]:
    return [
        {
            "service_code": str(code),
            "service_name": CATEGORY_NAMES[code],
            "description": description,
            "metadata": True,
            "type": "realtime",
            "keywords": keywords,
            "group": group,
        }
        for code, (group, description, keywords) in SERVICES.items()
    ]


def service_name(code: str | None) -> str | None:
    try:
        return CATEGORY_NAMES[Category(code)]
    except ValueError:
        return None


@cache
def ward_names() -> dict[str, str]:
    return dict(ward_choices())


def definition(code: str) -> dict:
    """The service definition: the attributes of a POST, in the order a form shows them."""
    kinds = [{"key": str(kind), "name": f"{label(kind)}: {KIND_EXPLANATIONS[kind]}"} for kind in Kind]
    return {
        "service_code": code,
        "attributes": [
            {
                "variable": True,
                "code": "kind",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": "Mặc định: phan-anh.",
                "order": 1,
                "description": "Loại đơn. Đơn khiếu nại, tố cáo không ghi đủ họ tên (first_name, last_name) và "
                "địa chỉ người gửi (reporter_address) được xử lý theo trình tự phản ánh, kiến nghị.",
                "values": kinds,
            },
            {
                "variable": True,
                "code": "ward",
                "datatype": "string",
                "required": False,
                "datatype_description": "Mã 5 chữ số của một trong 166 xã, phường của tỉnh theo danh mục năm 2025, "
                "ví dụ 16522 là phường Quảng Phú, 15061 là xã Ngọc Lặc.",
                "order": 2,
                "description": "Xã, phường nơi xảy ra sự việc (nếu biết).",
            },
            {
                "variable": True,
                "code": "office",
                "datatype": "string",
                "required": False,
                "datatype_description": "Tối đa 300 ký tự.",
                "order": 3,
                "description": "Cơ quan, bộ phận hoặc thủ tục liên quan (nếu biết).",
            },
            {
                "variable": True,
                "code": "reporter_address",
                "datatype": "string",
                "required": False,
                "datatype_description": "Tối đa 300 ký tự. Không phải địa điểm xảy ra sự việc (address_string).",
                "order": 4,
                "description": "Địa chỉ của người gửi đơn; bắt buộc theo luật với đơn khiếu nại, tố cáo.",
            },
        ],
    }
