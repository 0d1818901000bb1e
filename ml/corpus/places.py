"""Places of Thanh Hóa: the 166 units of 2025 and the pre-2025 names that resolve to them.

The 2025 list (codes and names) comes from `ml.gazetteer.wards_2025()`. The mapping of
pre-2025 communes, wards and towns to their 2025 successor comes from the data that
ships with the `vietnamadminunits` package (the tables behind its `convert_address`):
an old unit is kept only when it merged entirely into one 2025 unit (it is absent
from the package's "divided" table).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ml.gazetteer import wards_2025

PROVINCE_KEY = "tinhthanhhoa"


@dataclass(frozen=True)
class NewUnit:
    code: str
    name: str  # short name, e.g. "Quảng Phú"
    division: str  # "xã" | "phường"


@dataclass(frozen=True)
class OldUnit:
    name: str  # short name, e.g. "Quảng Ninh"
    kind: str  # "xã" | "phường" | "thị trấn"
    district: str  # short name of the old district, e.g. "Quảng Xương"
    district_kind: str  # "huyện" | "thị xã" | "thành phố"
    successor: str  # 2025 code
    name_unique: bool  # True when "kind name" alone identifies it (no district needed)


def _strip_prefix(full: str) -> str:
    for p in ("Phường ", "Xã ", "Thị trấn "):
        if full.startswith(p):
            return full[len(p) :]
    return full


@cache
def new_units() -> tuple[NewUnit, ...]:
    return tuple(NewUnit(u.code, _strip_prefix(u.name), u.division.lower()) for u in wards_2025())


def _package_dir() -> Path:
    import vietnamadminunits  # lazy: ~0.7 s to import, needed only to build the corpus

    return Path(vietnamadminunits.__file__).parent


@cache
def old_units() -> tuple[OldUnit, ...]:
    pkg = _package_dir()
    conv = json.loads((pkg / "data" / "converter_2025.json").read_text(encoding="utf-8"))
    whole = conv["DICT_PROVINCE_WARD_NO_DIVIDED"][PROVINCE_KEY]
    divided = set(conv["DICT_PROVINCE_WARD_DIVIDED"].get(PROVINCE_KEY, {}))
    db = sqlite3.connect(pkg / "data" / "dataset.db")
    try:
        new_code = dict(db.execute("select wardKey, wardCode from admin_units where provinceKey=?", (PROVINCE_KEY,)))
        legacy = {
            (dk, wk): (ws, wt, ds, dt)
            for dk, wk, ws, wt, ds, dt in db.execute(
                "select districtKey, wardKey, wardShort, wardType, districtShort, districtType "
                "from admin_units_legacy where provinceKey=?",
                (PROVINCE_KEY,),
            )
        }
    finally:
        db.close()
    valid = {u.code for u in new_units()}
    succ: dict[tuple[str, str], set[str]] = defaultdict(set)
    for new_key, olds in whole.items():
        code = f"{int(new_code[new_key]):05d}"
        assert code in valid, (new_key, code)
        for full in olds:
            if full in divided:
                continue
            _, dk, wk = full.split("_")
            succ[(dk, wk)].add(code)
    rows = []
    for key, codes in succ.items():
        if len(codes) != 1 or key not in legacy:
            continue
        ws, wt, ds, dt = legacy[key]
        rows.append((ws, wt.lower(), ds, dt.lower(), codes.pop()))
    # "kind name" alone is unambiguous when no other old unit carries it and no 2025
    # unit of the same kind carries it with a different code.
    by_label: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ws, wt, _, _, code in rows:
        by_label[(wt, ws)].add(code)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for ws, wt, *_ in rows:
        counts[(wt, ws)] += 1
    new_by_label = {(u.division, u.name): u.code for u in new_units()}
    out = []
    for ws, wt, ds, dt, code in sorted(rows):
        clash = new_by_label.get((wt, ws))
        unique = counts[(wt, ws)] == 1 and (clash is None or clash == code)
        out.append(OldUnit(ws, wt, ds, dt, code, unique))
    return tuple(out)


@cache
def old_districts() -> tuple[tuple[str, str], ...]:
    """(kind, short name) of the pre-2025 districts, towns and the city."""
    return tuple(sorted({(o.district_kind, o.district) for o in old_units()}))


def unit_by_code(code: str) -> NewUnit:
    return {u.code: u for u in new_units()}[code]


# ---------------------------------------------------------------- rendering
NEW_PREFIX = {
    "xã": ["xã", "xã", "xã", "Xã", "X.", "xa"],
    "phường": ["phường", "phường", "phường", "Phường", "P.", "p.", "F."],
}
OLD_PREFIX = {
    "xã": ["xã", "xã", "Xã"],
    "phường": ["phường", "phường", "P."],
    "thị trấn": ["thị trấn", "thị trấn", "TT", "tt."],
}
DISTRICT_PREFIX = {
    "huyện": ["huyện", "huyện", "H.", "Huyện"],
    "thị xã": ["thị xã", "TX", "tx"],
    "thành phố": ["thành phố", "TP", "tp"],
}


def render_new(rng, u: NewUnit) -> str:
    p = rng.choice(NEW_PREFIX[u.division])
    sep = "" if p.endswith(".") and rng.random() < 0.5 else " "
    return f"{p}{sep}{u.name}"


def render_district(rng, kind: str, name: str, old_mark: bool = True) -> str:
    p = rng.choice(DISTRICT_PREFIX[kind])
    mark = rng.choice([" cũ", " cũ", " (cũ)", ""]) if old_mark else ""
    return f"{p} {name}{mark}"


def render_old(rng, o: OldUnit, with_district: bool) -> str:
    base = f"{rng.choice(OLD_PREFIX[o.kind])} {o.name}"
    if not with_district:
        return base + rng.choice(["", "", " cũ", " (cũ)"])
    d = render_district(rng, o.district_kind, o.district)
    return rng.choice([f"{base}, {d}", f"{base} ({d})", f"{base} {d}", f"{base}, {d}"])
