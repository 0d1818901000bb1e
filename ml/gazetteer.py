"""The 2025 communes and wards of Thanh Hoa, from the maintained `vietnam-provinces` data."""
from dataclasses import dataclass
from functools import cache

THANH_HOA_PROVINCE_CODE = 38


@dataclass(frozen=True)
class Unit2025:
    code: str  # official 5-digit code, e.g. "16522"
    name: str  # "Phường Quảng Phú"
    division: str  # "xã" or "phường"


@cache
def wards_2025() -> tuple[Unit2025, ...]:
    from vietnam_provinces import Ward

    units = [
        Unit2025(code=f"{int(w.code):05d}", name=w.name, division=w.division_type.value)
        for w in Ward.iter_all()
        if int(w.province_code) == THANH_HOA_PROVINCE_CODE
    ]
    return tuple(sorted(units, key=lambda u: u.code))
