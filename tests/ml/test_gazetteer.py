import json

from ml.gazetteer import DATA_PATH, alias_index, build_data, old_units, other_provinces, unit_details, wards_2025


def test_2025_list_and_corrected_codes():
    units = {u.code: u.name for u in wards_2025()}
    assert len(units) == 166
    assert units["15106"] == "Xã Nguyệt Ấn"
    assert units["15112"] == "Xã Kiên Thọ"
    assert units["15715"] == "Xã Tân Ninh"
    assert units["16072"] == "Xã Hoa Lộc"
    assert units["16213"] == "Xã Thanh Phong"
    assert units["16222"] == "Xã Thanh Quân"
    assert units["16522"] == "Phường Quảng Phú"
    assert units["15061"] == "Xã Ngọc Lặc"


def test_shipped_file_matches_the_packages():
    shipped = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(build_data(), ensure_ascii=False))


def test_old_units_and_successors():
    by_name = {}
    for o in old_units():
        by_name.setdefault(o.name, []).append(o)
    assert [o.successors[0] for o in by_name["Thị trấn Ngọc Lặc"]] == ["15061"]
    (district,) = by_name["Huyện Quảng Xương"]
    assert district.division == "huyện" and district.district_code is None
    assert district.successors[0] == "16438"  # Xã Lưu Vệ took over the seat, thị trấn Tân Phong
    (city,) = by_name["Thành phố Thanh Hóa"]
    assert city.successors[0] == "14797"  # Phường Hạc Thành
    # an old unit split between two 2025 units keeps both, the main one first
    (town,) = by_name["Thị trấn Hà Trung"]
    assert set(town.successors) == {"15271", "15286"} and town.successors[0] == "15271"
    # communes merged in 2024 that only vietnamadminunits converts
    (dong_khe,) = by_name["Xã Đông Khê"]
    assert dong_khe.successors == ("16378",)


def test_alias_index_keys_are_unaccented_syllables():
    index = alias_index()
    kinds = {(a.kind, a.code) for a in index[("ngoc", "lac")]}
    assert ("new", "15061") in kinds and ("old-town", "15061") in kinds and ("old-district", "15061") in kinds
    assert {a.name for a in index[("hoa", "loc")]} >= {"hoa lộc", "hòa lộc"}
    assert ("thanh", "hoa") in index  # the old city; the extractor decides when it counts


def test_unit_details():
    d = unit_details("16522")
    assert d["name"] == "Phường Quảng Phú" and d["division"] == "phường"
    assert 19.5 < d["lat"] < 20.1 and 105.5 < d["lon"] < 106.0
    assert d["area_km2"] > 0
    assert d["population"] is None  # neither package carries it


def test_other_provinces_from_the_packages():
    provinces = other_provinces()
    assert ("nghe", "an") in provinces and ("ha", "noi") in provinces and ("ho", "chi", "minh") in provinces
    assert ("hoa", "binh") in provinces  # a pre-2025 province is kept
    assert ("thanh", "hoa") not in provinces
    assert len(provinces) >= 60


def test_old_cities_initials():
    index = alias_index()
    (th,) = index[("th",)]
    assert (th.kind, th.unit_code, th.name) == ("old-city-initials", "380", "th")  # Thành phố Thanh Hóa
    assert index[("ss",)][0].unit_code == "382"  # Thành phố Sầm Sơn
    # only cities and thị xã get initials, and no district's initials are taken from a name
    assert ("qx",) not in index
