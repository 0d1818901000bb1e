import pytest

from ml.wards import WardMatch, extract_ward, ward_candidates


def code(text):
    m = extract_ward(text)
    return m.code if m else None


def test_new_names_with_cue():
    m = extract_ward("Cán bộ một cửa UBND xã Nguyệt Ấn bắt tôi chờ cả buổi sáng.")
    assert isinstance(m, WardMatch)
    assert (m.code, m.name, m.via) == ("15106", "Xã Nguyệt Ấn", "new-name")
    assert m.matched == "xã nguyệt ấn"
    assert code("Công an phường Quảng Phú giữ hồ sơ cư trú của tôi hai tuần.") == "16522"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tôi lên xã Kiên Thọ làm giấy khai sinh cho cháu, bị hẹn ba lần.", "15112"),
        ("Địa chính xã Tân Ninh đòi tiền mới đo đất.", "15715"),
        ("Cán bộ tư pháp xã Hoa Lộc không chứng thực cho tôi.", "16072"),
        ("UBND xã Thanh Phong chậm chi trả trợ cấp.", "16213"),
        ("Chủ tịch xã Thanh Quân quát mắng người dân.", "16222"),
    ],
)
def test_corrected_codes(text, expected):
    assert code(text) == expected


def test_without_diacritics_and_texting():
    assert code("can bo xa nguyet an doi 2tr moi ky") == "15106"
    assert code("cb ubnd p.quang phu ko tiep dan") == "16522"
    assert code("lên UBND X. Thanh Quân hỏi thì ko ai trả lời") == "16222"


def test_old_names_map_to_2025_units():
    m = extract_ward("Tôi nộp hồ sơ ở bộ phận một cửa thị trấn Ngọc Lặc từ tháng trước.")
    assert (m.code, m.via) == ("15061", "old-town")
    assert code("tt ngoc lac hen toi 3 lan") == "15061"
    # an old ward of the former city
    m = extract_ward("Cán bộ phường Đông Vệ cũ, TP Thanh Hóa thu tiền vỉa hè không biên lai.")
    assert (m.code, m.via) == ("14797", "old-ward")
    # an old commune that merged into a differently named one
    assert code("UBND xã Nga Tân cũ giữ đơn của tôi ba tháng.") == "16108"


def test_old_district_context_disambiguates():
    # "Yên Thọ" is a 2025 commune (Như Thanh) and an old commune of Yên Định
    assert code("Tôi làm giấy tờ ở UBND xã Yên Thọ, huyện Yên Định cũ.") == "15412"
    assert code("Tôi làm giấy tờ ở UBND xã Yên Thọ.") == "16264"


def test_district_alone_does_not_locate():
    assert code("Cán bộ huyện Ngọc Lặc làm khó tôi.") is None
    assert code("Cán bộ xã Ngọc Lặc làm khó tôi.") == "15061"
    cands = ward_candidates("Cán bộ huyện Ngọc Lặc làm khó tôi.")
    assert [(c.code, c.via) for c in cands] == [("15061", "old-district")]


def test_office_beats_home():
    text = "Tôi ở xã Nguyệt Ấn, lên chi nhánh văn phòng đăng ký đất đai ở xã Kiên Thọ làm sổ đỏ thì bị hẹn mãi."
    assert code(text) == "15112"
    assert [c.code for c in ward_candidates(text)][:2] == ["15112", "15106"]
    assert code("nha toi o xa thanh quan, sang ubnd xa thanh phong xin xac nhan bi lam kho") == "16213"


def test_home_commune_office():
    # the home commune is where it happened when the text points at its own office
    assert code("Nhà tôi ở thôn Đông, xã Hoa Lộc. Tôi lên xã xin xác nhận thì cán bộ bảo chờ.") == "16072"
    # home named, but the matter is at a provincial body elsewhere: not located
    assert code("Tôi ở xã Hoa Lộc, nộp hồ sơ ở Sở Tư pháp thì chuyên viên hẹn lần hẹn lữa.") is None


def test_null_cases():
    assert code("Cán bộ một cửa đòi tiền mới nhận hồ sơ của tôi.") is None
    assert code("Cơ quan chức năng tỉnh Thanh Hóa cần xem xét việc này.") is None
    assert code("Tôi ở thôn Tân Tiến, cán bộ Sở Y tế bắt chờ.") is None  # a village, not a unit
    # ordinary words that are also unit names do not count without a cue
    assert code("Đội bóng thắng lợi, mọi người tân tiến lắm.") is None
    assert code("Hợp tác xã của bản chúng tôi bị làm khó.") is None
    assert ward_candidates("") == []


def test_bare_title_case_name():
    m = extract_ward("Bệnh viện đa khoa ở Ngọc Lặc bắt bệnh nhân nộp thêm tiền.")
    assert (m.code, m.via) == ("15061", "bare-name")


def test_ward_abbreviations_phg_spaced_and_comma():
    assert code("Cán bộ một cửa phg Quảng Phú bắt tôi chờ cả ngày.") == "16522"
    assert code("cb tiep nhan o p . quang phu hen toi 3 lan") == "16522"
    assert code("hồ sơ nộp ở ubnd x, nguyệt ấn từ tháng trước vẫn chưa xong") == "15106"


def test_person_name_is_not_a_place():
    # "Ngọc Lặc" inside a full name after a surname is not the unit
    assert code("Tôi là Trần Ngọc Lặc, cán bộ Sở Y tế bắt tôi chờ mãi.") is None
    assert code("Bệnh viện đa khoa ở Ngọc Lặc bắt bệnh nhân nộp thêm tiền.") == "15061"


def test_result_by_post_is_not_officers_coming_out():
    text = "Nhà tôi ở xã Hoa Lộc, làm hộ chiếu ở Công an tỉnh, đăng ký gửi kết quả về nhà qua bưu điện mà chờ mãi."
    assert code(text) is None
    # officers who come to the house do locate it
    assert code("Nhà tôi ở xã Hoa Lộc, cán bộ Sở Nông nghiệp xuống tận nơi đo đất rồi đòi tiền.") == "16072"
