"""Small random details: dates, times, amounts, people's names, villages."""

from __future__ import annotations

FAMILY = [
    "Nguyễn",
    "Lê",
    "Trần",
    "Phạm",
    "Hoàng",
    "Lê",
    "Đỗ",
    "Trịnh",
    "Mai",
    "Vũ",
    "Bùi",
    "Hà",
    "Lò",
    "Cầm",
    "Đinh",
    "Quách",
]
MIDDLE_M = ["Văn", "Đình", "Hữu", "Xuân", "Ngọc", "Minh"]
MIDDLE_F = ["Thị", "Thị", "Ngọc", "Thu", "Hồng"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Nam", "Sơn", "Hải", "Bình", "Thắng", "Lâm", "Quang", "Cường", "Toàn"]
GIVEN_F = ["Hoa", "Lan", "Hương", "Mai", "Thủy", "Hằng", "Nga", "Liên", "Trang", "Yến", "Dung", "Oanh"]
INITIALS = list("BCDHKLMNPQSTVX")
VILLAGES = [
    "thôn Đông",
    "thôn 3",
    "xóm 5",
    "thôn Trung Sơn",
    "bản Khạt",
    "làng Mới",
    "thôn Yên Lạc",
    "khu phố 4",
    "tổ dân phố số 2",
    "bản Na",
    "thôn Bắc Sơn",
    "xóm Chùa",
    "thôn Tân Lập",
    "làng Vạn",
]


def person(rng) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def officer_name(rng) -> str:
    return f"{rng.choice(['anh', 'anh', 'chị', 'chị', 'ông', 'bà', 'cô', 'chú'])} {rng.choice(INITIALS)}."


def money(rng) -> str:
    n = rng.choice([200, 300, 500, 500, 800, 1000, 1000, 1500, 2000, 2000, 3000, 5000, 10000, 20000])
    if n < 1000:
        return rng.choice([f"{n} nghìn", f"{n}k", f"{n}.000 đồng", f"{n} ngàn"])
    tr = n / 1000
    s = f"{tr:g}".replace(".", ",")
    return rng.choice([f"{s} triệu", f"{s} triệu đồng", f"{s}tr", f"{n:,}.000 đồng".replace(",", ".")])


def date(rng) -> str:
    y, m = rng.choice([(2025, m) for m in range(7, 13)] + [(2026, m) for m in range(1, 5)])
    d = rng.randint(1, 28)
    return rng.choice(
        [f"ngày {d}/{m}/{y}", f"{d}/{m}", f"ngày {d}/{m}", f"đầu tháng {m}", f"giữa tháng {m}/{y}", f"cuối tháng {m}"]
    )


def time(rng) -> str:
    h = rng.choice([7, 8, 9, 10, 13, 14, 15, 16])
    return rng.choice(
        [f"{h}h", f"{h} giờ sáng" if h < 12 else f"{h - 12} giờ chiều", f"{h}h{rng.choice(['15', '30', '45'])}"]
    )


def slots(rng) -> dict[str, str]:
    return {
        "money": money(rng),
        "n": str(rng.choice([2, 3, 3, 4, 5, 6])),
        "days": str(rng.choice([5, 7, 10, 15, 20, 30])),
        "date": date(rng),
        "time": time(rng),
        "name": officer_name(rng),
    }
