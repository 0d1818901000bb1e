"""Helpers of the API's tests: a partner's filing as the spec's parameters."""

LAND_DELAY = (
    "Tôi nộp hồ sơ đăng ký biến động đất ở bộ phận một cửa UBND phường Quảng Phú từ tháng 3, "
    "cán bộ hẹn 15 ngày nhưng đến nay đã hai tháng vẫn chưa trả kết quả, hỏi thì bảo chờ."
)


def filing(**overrides) -> dict:
    """A partner's POST: a named reporter's tố cáo of a commune officer's delay, at phường Quảng Phú."""
    data = {
        "service_code": "cham-tre",
        "description": LAND_DELAY,
        "attribute[kind]": "to-cao",
        "attribute[ward]": "16522",
        "attribute[office]": "Bộ phận một cửa",
        "attribute[reporter_address]": "12 Lê Lai, phường Quảng Phú",
        "address_string": "UBND phường Quảng Phú",
        "first_name": "Nguyễn Văn",
        "last_name": "An",
        "email": "an.nguyen@example.vn",
        "phone": "0912 345 678",
        "lat": "19.82",
        "long": "105.77",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
