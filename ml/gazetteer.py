"""The 2025 communes and wards of Thanh Hoa, from the maintained `vietnam-provinces` data.

Besides the 2025 list (`wards_2025`), the module holds what the place extractor
(`ml.wards`) resolves names with: the pre-2025 units and their successors
(`old_units`), the alias index of every way a unit is written (`alias_index`), the
2025 unit holding the seat of an old district (`district_seat`: the seat is the
district's thị trấn) and the names of the other provinces (`other_provinces`), all
built from the installed packages and shipped in `ml/data/gazetteer.json`.
"""

import importlib.metadata as md
import json
import sqlite3
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ml.normalize import normalize, strip_diacritics

THANH_HOA_PROVINCE_CODE = 38


@dataclass(frozen=True)
class Unit2025:
    code: str  # official 5-digit code, e.g. "16522"
    name: str  # "Phường Quảng Phú"
    division: str  # "xã" or "phường"


@cache
def wards_2025() -> tuple[Unit2025, ...]:
    from vietnam_provinces import Ward  # lazy: the package's tables load only when the list is asked for

    units = [
        Unit2025(code=f"{int(w.code):05d}", name=w.name, division=w.division_type.value)
        for w in Ward.iter_all()
        if int(w.province_code) == THANH_HOA_PROVINCE_CODE
    ]
    return tuple(sorted(units, key=lambda u: u.code))


# =========================================================================== alias index
#
# Pre-2025 units (communes, wards, towns, districts) and their 2025 successors, plus
# centroid coordinates and area of each 2025 unit, built from the two maintained
# packages:
#   * vietnam_provinces (2026.x): the 2025 list and codes, the legacy (pre-2025) units
#     and the official old -> new ward conversion table (`_ward_conversion_2025`);
#   * vietnamadminunits: per-unit centroid and area (`dataset.db`), which successor is
#     the default one when an old unit was split (`converter_2025.json`), and the
#     conversion of the few legacy units the first table lacks.
# Reading both packages costs ~0.5 s, so the result is shipped precomputed in
# `ml/data/gazetteer.json` (`python -m ml.gazetteer build`); a test rebuilds it from the
# packages and compares. Nothing is read at import time.

DATA_PATH = Path(__file__).with_name("data") / "gazetteer.json"


@dataclass(frozen=True)
class OldUnit:
    """A pre-2025 unit of Thanh Hoa and the 2025 unit(s) that took it over."""

    code: str  # pre-2025 code (5 digits for communes, 3 for districts)
    name: str  # "Thị trấn Ngọc Lặc", "Huyện Quảng Xương"
    division: str  # "xã", "phường", "thị trấn", "huyện", "thị xã", "thành phố"
    district_code: str | None  # the old district of a commune; None for a district
    successors: tuple[str, ...]  # 2025 codes, the default (main) one first


def _short_name(name: str, division: str) -> str:
    prefix = division + " "
    return name[len(prefix) :] if name.lower().startswith(prefix) else name


def _key(s: str) -> str:
    """vietnamadminunits' key: lower case, no diacritics, no spaces."""
    return strip_diacritics(unicodedata.normalize("NFC", s).lower()).replace(" ", "")


def build_data() -> dict:
    """Build the gazetteer from the installed packages (slow: ~0.5 s)."""
    import vietnamadminunits  # lazy: ~0.7 s to import, read only to build the shipped gazetteer.json
    from vietnam_provinces import Province  # lazy: only to build gazetteer.json
    from vietnam_provinces import _ward_conversion_2025 as conv  # lazy: only to build gazetteer.json
    from vietnam_provinces.legacy import District as LDistrict  # lazy: only to build gazetteer.json
    from vietnam_provinces.legacy import Province as LProvince  # lazy: only to build gazetteer.json
    from vietnam_provinces.legacy import Ward as LWard  # lazy: only to build gazetteer.json

    units = wards_2025()
    by_name = {u.name: u for u in units}
    by_key = {_key(u.name): u for u in units}

    vau_dir = Path(vietnamadminunits.__file__).parent / "data"
    con = sqlite3.connect(f"file:{vau_dir / 'dataset.db'}?mode=ro", uri=True)
    try:
        rows_new = con.execute(
            "select ward, wardCode, wardLat, wardLon, wardAreaKm2, wardKey from admin_units where provinceCode = ?",
            (str(THANH_HOA_PROVINCE_CODE),),
        ).fetchall()
        rows_old = con.execute(
            "select wardCode, districtKey, wardKey from admin_units_legacy where provinceCode = ?",
            (str(THANH_HOA_PROVINCE_CODE),),
        ).fetchall()
    finally:
        con.close()
    vau_key_to_code: dict[str, str] = {}
    details: dict[str, dict] = {}
    for name, vcode, lat, lon, area, wkey in rows_new:
        unit = by_name.get(name) or by_key.get(_key(name))
        if unit is None:
            raise ValueError(f"vietnamadminunits unit {name!r} not in vietnam_provinces")
        vau_key_to_code[wkey] = unit.code
        details[unit.code] = {"lat": lat, "lon": lon, "area_km2": area, "vau_code": f"{int(vcode):05d}"}
    old_keys = {f"{int(c):05d}": f"tinhthanhhoa_{dk}_{wk}" for c, dk, wk in rows_old}

    cj = json.loads((vau_dir / "converter_2025.json").read_text(encoding="utf-8"))
    vau_succ: dict[str, list[str]] = {}  # old key -> 2025 codes, default first
    for new_key, olds in cj["DICT_PROVINCE_WARD_NO_DIVIDED"]["tinhthanhhoa"].items():
        for ok in olds:
            vau_succ.setdefault(ok, []).append(vau_key_to_code[new_key])
    for ok, news in cj["DICT_PROVINCE_WARD_DIVIDED"]["tinhthanhhoa"].items():
        ordered = sorted(news, key=lambda n: not n["isDefaultNewWard"])
        vau_succ[ok] = [vau_key_to_code[n["newWardKey"]] for n in ordered]

    districts = [d for d in LDistrict.iter_all() if int(d.province_code) == THANH_HOA_PROVINCE_CODE]
    dcodes = {int(d.code) for d in districts}
    old_units: list[dict] = []
    per_district: dict[str, list[dict]] = {}
    for w in LWard.iter_all():
        if int(w.district_code) not in dcodes:
            continue
        code = f"{int(w.code):05d}"
        entry = conv.OLD_TO_NEW.get(int(w.code))
        official = [f"{int(n.code):05d}" for n in entry.new_wards] if entry else []
        vau = vau_succ.get(old_keys.get(code, ""), [])
        if official:
            # the official table's set, ordered by vietnamadminunits' default, then by name
            short = _short_name(w.name, w.division_type.value)
            rank = {c: i for i, c in enumerate(vau)}
            succ = sorted(
                official,
                key=lambda c: (rank.get(c, 99), _short_name(next(u.name for u in units if u.code == c), "") != short),
            )
        else:
            succ = vau  # a few units only vietnamadminunits converts (merged in 2024)
        if not succ:
            continue
        rec = {
            "code": code,
            "name": w.name,
            "division": w.division_type.value,
            "district_code": f"{int(w.district_code):03d}",
            "successors": succ,
        }
        old_units.append(rec)
        per_district.setdefault(rec["district_code"], []).append(rec)

    short_of = {u.code: _short_name(u.name, u.division) for u in units}
    old_districts = []
    for d in districts:
        dcode = f"{int(d.code):03d}"
        members = per_district.get(dcode, [])
        counts: dict[str, int] = {}
        for m in members:
            counts[m["successors"][0]] = counts.get(m["successors"][0], 0) + 1
        short = _short_name(d.name, d.division_type.value)
        # the 2025 unit standing for the district (where its offices were): a unit of
        # the same name, else the successor of its town(s), else the one that took
        # over most of its communes/wards
        same = [c for c in counts if short_of[c] == short]
        towns = [m["successors"][0] for m in members if m["division"] == "thị trấn"]
        if same:
            seat = same[0]
        elif towns:
            seat = max(towns, key=lambda c: counts[c])
        else:
            seat = max(sorted(counts), key=lambda c: counts[c])
        succ = [seat] + sorted((c for c in counts if c != seat), key=lambda c: -counts[c])
        old_districts.append(
            {
                "code": dcode,
                "name": d.name,
                "division": d.division_type.value,
                "district_code": None,
                "successors": succ,
            }
        )

    return {
        "source": {
            "vietnam-provinces": md.version("vietnam-provinces"),
            "vietnamadminunits": md.version("vietnamadminunits"),
        },
        "units": [
            {
                "code": u.code,
                "name": u.name,
                "division": u.division,
                "lat": details.get(u.code, {}).get("lat"),
                "lon": details.get(u.code, {}).get("lon"),
                "area_km2": details.get(u.code, {}).get("area_km2"),
                "population": None,
            }
            for u in units
        ],
        "old_units": sorted(old_units, key=lambda r: r["code"]),
        "old_districts": sorted(old_districts, key=lambda r: r["code"]),
        # provinces and centrally-run cities other than Thanh Hoa, before and after 2025
        "other_provinces": sorted(
            {
                _short_name(_short_name(p.name, "tỉnh"), "thành phố")
                for p in [*Province.iter_all(), *LProvince.iter_all()]
                if int(p.code) != THANH_HOA_PROVINCE_CODE
            }
        ),
    }


def write_data(path: Path = DATA_PATH) -> dict:
    data = build_data()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data


@cache
def _data() -> dict:
    if DATA_PATH.exists():
        return json.loads(DATA_PATH.read_text(encoding="utf-8"))
    return build_data()  # pragma: no cover - the file is shipped


@cache
def old_units() -> tuple[OldUnit, ...]:
    """Every pre-2025 unit of Thanh Hoa (communes, wards, towns, then districts)."""
    d = _data()
    return tuple(
        OldUnit(
            code=r["code"],
            name=r["name"],
            division=r["division"],
            district_code=r["district_code"],
            successors=tuple(r["successors"]),
        )
        for r in d["old_units"] + d["old_districts"]
    )


@cache
def _details() -> dict[str, dict]:
    return {r["code"]: r for r in _data()["units"]}


def unit_details(code: str) -> dict:
    """Name, division, centroid (lat, lon), area (km²) and population of a 2025 unit.

    Coordinates and area come from vietnamadminunits; neither package carries the
    population, so it is None. Raises KeyError for an unknown code.
    """
    r = _details()[code]
    return {
        "code": r["code"],
        "name": r["name"],
        "division": r["division"],
        "lat": r["lat"],
        "lon": r["lon"],
        "area_km2": r["area_km2"],
        "population": r["population"],
    }


@dataclass(frozen=True)
class Alias:
    """One way of writing a unit: the syllables of its name without diacritics."""

    key: tuple[str, ...]  # ("ngoc", "lac")
    name: str  # accented short name, lower case: "ngọc lặc"
    kind: str  # "new" | "old-commune" | "old-ward" | "old-town" | "old-district" | "old-city-initials"
    division: str  # division word of the unit: "xã", "thị trấn", "huyện", ...
    code: str  # 2025 code (for an old unit: its default successor)
    unit_code: str  # the unit's own code (2025 or pre-2025)
    district_code: str | None  # old district of an old commune
    successors: tuple[str, ...]


_OLD_KIND = {
    "xã": "old-commune",
    "phường": "old-ward",
    "thị trấn": "old-town",
    "huyện": "old-district",
    "thị xã": "old-district",
    "thành phố": "old-district",
}


@cache
def alias_index() -> dict[tuple[str, ...], tuple[Alias, ...]]:
    """Unaccented syllable tuple of a short name -> every unit written that way.

    Keys have no division word ("ngoc lac"); the division word is a cue matched
    separately. Lookups on the accented name (`Alias.name`) break ties between
    names that only differ by diacritics. The old cities and thị xã are also written
    by their initials ("tp th", "tx bs"): kind "old-city-initials", for initials that
    only one of them has.
    """
    index: dict[tuple[str, ...], list[Alias]] = {}

    def add(name: str, division: str, **kw) -> None:
        short = normalize(_short_name(name, division))
        key = tuple(strip_diacritics(short).split())
        index.setdefault(key, []).append(Alias(key=key, name=short, division=division, **kw))

    for u in wards_2025():
        add(u.name, u.division, kind="new", code=u.code, unit_code=u.code, district_code=None, successors=(u.code,))
    for o in old_units():
        add(
            o.name,
            o.division,
            kind=_OLD_KIND[o.division],
            code=o.successors[0],
            unit_code=o.code,
            district_code=o.district_code,
            successors=o.successors,
        )
    cities: dict[tuple[str, ...], list[OldUnit]] = {}
    for o in old_units():
        if o.division in ("thành phố", "thị xã"):
            syllables = strip_diacritics(normalize(_short_name(o.name, o.division))).split()
            cities.setdefault(("".join(s[0] for s in syllables),), []).append(o)
    for key, (o, *others) in cities.items():
        if not others and key not in index:
            index[key] = [
                Alias(
                    key=key,
                    name=key[0],
                    division=o.division,
                    kind="old-city-initials",
                    code=o.successors[0],
                    unit_code=o.code,
                    district_code=None,
                    successors=o.successors,
                )
            ]
    return {k: tuple(v) for k, v in index.items()}


@cache
def district_seat(district_code: str) -> str | None:
    """The 2025 unit that holds the seat of an old district, or None when the data cannot tell.

    The seat of a huyện is its thị trấn. With several towns, the one bearing the
    district's name, else the one whose main successor bears it ("Thị trấn Quán Lào"
    -> Xã Yên Định); otherwise (or for a city or thị xã, which has no thị trấn) None.
    The 2025 unit is the town's main successor.
    """
    units = {o.code: o for o in old_units()}
    district = units.get(district_code)
    if district is None or district.district_code is not None:
        return None
    towns = [o for o in old_units() if o.district_code == district_code and o.division == "thị trấn"]
    if len(towns) > 1:
        short = _short_name(district.name, district.division)
        names = {u.code: _short_name(u.name, u.division) for u in wards_2025()}
        towns = [t for t in towns if _short_name(t.name, t.division) == short] or [
            t for t in towns if names[t.successors[0]] == short
        ]
    return towns[0].successors[0] if len(towns) == 1 else None


@cache
def other_provinces() -> frozenset[tuple[str, ...]]:
    """Unaccented syllables of the other provinces' names, pre- and post-2025: ("nghe", "an")."""
    return frozenset(tuple(strip_diacritics(normalize(n)).split()) for n in _data()["other_provinces"])


@cache
def old_district_of_unit() -> dict[str, frozenset[str]]:
    """2025 code -> the old district codes its territory came from."""
    out: dict[str, set[str]] = {}
    for o in old_units():
        if o.district_code:
            for c in o.successors:
                out.setdefault(c, set()).add(o.district_code)
    return {k: frozenset(v) for k, v in out.items()}


def _main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        data = write_data()
        print(
            f"wrote {DATA_PATH}: {len(data['units'])} units, {len(data['old_units'])} "
            f"old communes/wards/towns, {len(data['old_districts'])} old districts",
            file=sys.stderr,
        )
        return 0
    print("usage: python -m ml.gazetteer build", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
