"""The commune picker's data and matching: old names find the 2025 commune, nonsense finds nothing."""

import gzip
import json

import pytest

from core.units import ward_choices
from intake.communes import STATIC_PATH, picker_data, picker_json, query_key, search
from ml.gazetteer import old_units

OLD_CITY = "380"  # Thành phố Thanh Hóa before 2025


def _successors(code: str) -> set[str]:
    return set(next(o.successors for o in old_units() if o.code == code))


@pytest.mark.parametrize("query", ["quang thanh", "Quảng Thành", "  QUANG   thanh ", "p. quang thanh"])
def test_an_old_ward_finds_the_commune_that_took_it_over(query):
    assert search(query) == [("16522", "Phường Quảng Phú (trước đây: phường Quảng Thành, thành phố Thanh Hóa)")]


def test_the_old_city_finds_its_wards():
    city = _successors(OLD_CITY)
    assert len(city) == 7 and "14797" in city and "16522" in city  # Hạc Thành, Quảng Phú...
    found = dict(search("thanh hoa"))
    assert city <= set(found)
    assert found["14797"] == "Phường Hạc Thành (trước đây thuộc thành phố Thanh Hóa)"
    # an old commune of the same name elsewhere comes too; "tp" says which one is meant
    assert found["16213"] == "Xã Thanh Phong (trước đây: xã Thanh Hòa, huyện Như Xuân)"
    assert {code for code, _ in search("TP Thanh Hóa")} == city


def test_a_district_finds_its_communes():
    district = next(o for o in old_units() if o.name == "Huyện Quảng Xương")
    assert {code for code, _ in search("huyen quang xuong")} == set(district.successors)


def test_a_current_name_comes_first_and_without_a_note():
    assert search("hac thanh") == [("14797", "Phường Hạc Thành")]
    found = search("quảng phú")
    assert found[0] == ("16522", "Phường Quảng Phú")  # then the communes that took over other old "Quảng Phú"s
    assert all("trước đây" in label for _, label in found[1:])


@pytest.mark.parametrize("query", ["xyz abc", "", "   ", "!!!", "quang thanhx"])
def test_nonsense_finds_nothing(query):
    assert search(query) == []


def test_query_key_folds_like_the_search_of_the_staff_pages():
    assert query_key("  Thị  trấn NGỌC LẶC ") == "thi tran ngoc lac"
    assert query_key("tx. Bỉm Sơn") == "thi xa bim son"
    assert query_key("Đông-Sơn") == "dong son"


def test_the_shipped_file_is_current_and_small():
    assert STATIC_PATH.read_text(encoding="utf-8") == picker_json(), "run: python -m intake.communes"
    data = json.loads(picker_json())
    assert [tuple(c) for c in data["communes"]] == ward_choices()
    assert len(data["communes"]) == 166 and len(data["old"]) > 500 and len(data["districts"]) == 26
    assert len(gzip.compress(picker_json().encode())) < 60_000
    assert search("quang thanh", data) == search("quang thanh", picker_data())
