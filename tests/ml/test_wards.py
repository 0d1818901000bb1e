import pytest

from ml.gazetteer import district_seat, old_units
from ml.wards import Place, WardMatch, evaluate, extract_ward, find_place, ward_candidates


def code(text):
    m = extract_ward(text)
    return m.code if m else None


def test_new_names_with_cue():
    m = extract_ward("Cán bộ một cửa UBND xã Nguyệt Ấn bắt tôi chờ cả buổi sáng.")
    assert isinstance(m, WardMatch)
    assert (m.code, m.name, m.via, m.role) == ("15106", "Xã Nguyệt Ấn", "new-name", "office")
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


# --------------------------------------------------------------------------- the office named with its place


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tôi nộp hồ sơ ở bộ phận một cửa phường Quảng Phú thì bị hẹn ba lần.", "16522"),
        ("UBND xã Ngọc Lặc giữ đơn của tôi hai tháng không trả lời.", "15061"),
        ("Công an phường Hạc Thành làm căn cước cho con tôi chậm cả tháng.", "14797"),
        ("Trung tâm phục vụ hành chính công xã Yên Định trả hồ sơ mà không nói lý do.", "15469"),
        ("Tôi ra UBND phường Hàm Rồng chứng thực thì bị đòi phí ngoài.", "14758"),
        ("cong an xa nga son bat toi cho tu sang den chieu", "16093"),
        ("bo phan mot cua phuong dong tien hen di hen lai", "15853"),
        ("cb o p. Quảng Phú đòi tiền mới ký", "16522"),
        ("x ngoc lac lam kho dan", "15061"),
        ("lên UBND X. Thanh Quân hỏi thì ko ai trả lời", "16222"),
        ("cb ubnd p.quang phu ko tiep dan", "16522"),
        ("can bo xa nguyet an doi 2tr moi ky", "15106"),
    ],
)
def test_office_named_with_its_place(text, expected):
    assert code(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the office's own name ends with the place it serves, without a division word
        ("Tôi làm thủ tục sang tên ở chi nhánh văn phòng đăng ký đất đai Ngọc Lặc, bị hẹn mãi.", "15061"),
        ("ho so cua toi nop o chi nhanh dang ky dat dai trieu son da 3 thang", "15664"),
        ("Cán bộ bảo hiểm xã hội cơ sở Thọ Xuân đòi tiền mới chốt sổ.", "15499"),
        ("trung tâm y tế Nông Cống thu thêm tiền giường", "16279"),
        # the office, then "ở"/"tại", then the place, all in lower case
        ("nho van phong cong chung o tho xuan den nha ky hop dong thi ho tu choi", "15499"),
    ],
)
def test_office_whose_name_ends_with_the_place(text, expected):
    assert code(text) == expected
    assert extract_ward(text).via == "office-name"


# --------------------------------------------------------------------------- officers who came out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bản chúng tôi ở xã Trung Sơn, đoàn kiểm tra của sở nông nghiệp xuống bản bắt nộp tiền.", "14875"),
        ("Thôn chúng tôi thuộc xã Tam Chung. Kiểm lâm vào bản lập biên bản rồi đòi bồi dưỡng.", "14848"),
        ("Nhà tôi ở xã Hoa Lộc, cán bộ Sở Nông nghiệp xuống tận nơi đo đất rồi đòi tiền.", "16072"),
        ("nha toi o xa hoa loc, doan do dac cua so ve tan thon do dat roi doi tien", "16072"),
    ],
)
def test_home_where_officers_came_out(text, expected):
    assert code(text) == expected


def test_home_where_the_matter_is_and_no_office_is_named():
    # the matter is in the reporter's neighbourhood and no body elsewhere is named
    text = "Ở khu phố tôi thuộc phường Quảng Phú, quán karaoke hát đến nửa đêm mà vẫn được cấp phép."
    assert code(text) == "16522"
    assert code("Đường vào xóm tôi ở xã Trung Sơn làm xong một năm đã hỏng, không ai sửa.") == "14875"


def test_home_with_the_communes_own_office():
    assert code("Nhà tôi ở thôn Đông, xã Hoa Lộc. Tôi lên xã xin xác nhận thì cán bộ bảo chờ.") == "16072"
    assert code("Tôi ở xã Vĩnh Lộc, địa chính bắt nộp thêm giấy tờ không có trong quy định.") == "15349"
    # a provincial body is named too, but the reporter went to the commune's office
    text = "Tôi ở xã Hoa Lộc. Tôi lên UBND xã xin xác nhận để nộp Sở Nội vụ thì cán bộ xã đòi 500 nghìn."
    assert code(text) == "16072"


# --------------------------------------------------------------------------- the reporter's home is not the place


@pytest.mark.parametrize(
    "text",
    [
        "Tôi ở xã Hoa Lộc, nộp hồ sơ ở Sở Tư pháp thì chuyên viên hẹn lần hẹn lữa.",
        "Tôi là Nguyễn Văn A, trú tại xã Vĩnh Lộc. Cán bộ Sở Y tế đòi tiền cấp chứng chỉ hành nghề.",
        "Địa chỉ: xã Nga Sơn. Chuyên viên Sở Xây dựng giữ hồ sơ cấp phép quá hạn.",
        "Nhà tôi ở xã Hoa Lộc, làm hộ chiếu ở Công an tỉnh, đăng ký gửi kết quả về nhà qua bưu điện mà chờ mãi.",
        # a home, and the papers went to a department that is not named
        "Tôi ở xã Thọ Xuân, hồ sơ người có công của bố tôi nộp lên sở bảy năm chưa xong.",
        "toi o xa tho xuan, ho so nguoi co cong cua bo toi gui len so 7 nam chua xong",
        "Ông Lê Văn B (xã Hoằng Hóa) phản ánh chuyên viên sở giữ hồ sơ.",
        # the commune's office did its part earlier; the matter is at the provincial body
        "Nhà tôi ở xã Hoa Lộc. UBND xã đã xác nhận đầy đủ nhưng chuyên viên Sở Nội vụ giữ hồ sơ ba tháng.",
        "nha toi o xa nga son, cong an xa da cho phep roi ma so van hoa khong cap giay phep",
        # "tôi nhà ở", "..., nhà ở": the reporter's home; the office is a provincial one or its online service
        "Tôi nhà ở xã Hậu Lộc nhưng lên Phòng Cảnh sát giao thông Công an tỉnh đổi bằng lái, cán bộ ở đó gây khó dễ.",
        "Tôi là Lê Thị Hà, nhà ở xã Vĩnh Lộc, cán bộ Thuế tỉnh giữ hồ sơ hoàn thuế của tôi quá hạn.",
        "Nhà tôi ở xã Thọ Xuân, tôi xin lý lịch tư pháp qua VNeID đã hai tháng chưa có.",
        "toi nha o xa nga son, lam ho chieu o phong xuat nhap canh thi bi doi them tien",
    ],
)
def test_home_alone_does_not_locate(text):
    assert code(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tôi trú tại xã Thọ Bình, nộp hồ sơ tại UBND xã Vĩnh Lộc thì bị đòi tiền.", "15349"),
        (
            "Tôi ở xã Nguyệt Ấn, lên chi nhánh văn phòng đăng ký đất đai ở xã Kiên Thọ làm sổ đỏ thì bị hẹn mãi.",
            "15112",
        ),
        ("nha toi o xa thanh quan, sang ubnd xa thanh phong xin xac nhan bi lam kho", "16213"),
        ("Địa chỉ: phường Hạc Thành. Tôi lên UBND phường Quảng Phú chứng thực thì bị đòi tiền.", "16522"),
        # the registration of residence is a procedure, not the reporter's home
        ("Tôi đăng ký tạm trú ở công an xã Thiệu Hóa thì bị gây khó dễ.", "15772"),
        ("Tôi xin giấy phép xây nhà ở ở phường Nghi Sơn, cán bộ bắt sửa bản vẽ mấy lần.", "16654"),
        # a place mentioned in passing loses to the office
        ("Chuyển hộ khẩu từ xã Hoa Lộc về, tôi lên công an xã Nga Sơn thì bị hẹn mãi.", "16093"),
    ],
)
def test_office_beats_home_and_passing(text, expected):
    assert code(text) == expected


def test_candidates_rank_office_before_home():
    text = "Tôi ở xã Nguyệt Ấn, lên chi nhánh văn phòng đăng ký đất đai ở xã Kiên Thọ làm sổ đỏ thì bị hẹn mãi."
    cands = ward_candidates(text)
    assert [c.code for c in cands][:2] == ["15112", "15106"]
    assert [c.role for c in cands][:2] == ["office", "home"]


# --------------------------------------------------------------------------- pre-2025 names


@pytest.mark.parametrize(
    "text, expected, via",
    [
        ("Tôi nộp hồ sơ ở bộ phận một cửa thị trấn Ngọc Lặc từ tháng trước.", "15061", "old-town"),
        ("tt ngoc lac hen toi 3 lan", "15061", "old-town"),
        ("Cán bộ phường Đông Vệ cũ, TP Thanh Hóa thu tiền vỉa hè không biên lai.", "14797", "old-ward"),
        ("ubnd p quang thang cu tp thanh hoa doi tien", "16417", "old-ward"),
        ("Cán bộ phường Điện Biên tp th hẹn tôi cả tháng", "14797", "old-ward"),
        ("UBND xã Nga Tân cũ giữ đơn của tôi ba tháng.", "16108", "old-commune"),
        ("ubnd xa nga tan cu giu don cua toi", "16108", "old-commune"),
        ("Cán bộ UBND thị trấn Bút Sơn đòi tiền dấu.", "15865", "old-town"),
        ("Công an xã Quảng Ninh, huyện Quảng Xương cũ bắt tôi chờ.", "16540", None),
    ],
)
def test_old_names_map_to_2025_units(text, expected, via):
    m = extract_ward(text)
    assert m is not None and m.code == expected
    if via:
        assert m.via == via


def test_old_district_context_disambiguates():
    # "Yên Thọ" is a 2025 commune (Như Thanh) and an old commune of Yên Định
    assert code("Tôi làm giấy tờ ở UBND xã Yên Thọ, huyện Yên Định cũ.") == "15412"
    assert code("Tôi làm giấy tờ ở UBND xã Yên Thọ.") == "16264"


# --------------------------------------------------------------------------- old districts and their seat


@pytest.mark.parametrize(
    "text",
    [
        "Cán bộ huyện Ngọc Lặc làm khó tôi.",
        "Huyện Quảng Xương cũ có nhiều xã bị làm khó.",
        "Tôi ở TP Thanh Hóa, cán bộ Sở Xây dựng đòi tiền.",
        "Cán bộ tp th làm khó tôi",
        "h. thach thanh cu co nhieu chuyen lam kho dan",
        # a city has no thị trấn, so no seat
        "Tôi lên trung tâm thành phố Thanh Hóa nộp hồ sơ.",
        # "thị trấn cũ" with no old district named anywhere
        "Lên thị trấn cũ thì bị đòi tiền.",
        # two districts: which seat is meant cannot be told
        "Tôi ở huyện Nga Sơn cũ, con tôi ở huyện Hậu Lộc cũ; lên thị trấn huyện thì bị đòi tiền.",
    ],
)
def test_district_alone_does_not_locate(text):
    assert code(text) is None


def test_district_alone_is_a_candidate_only():
    cands = ward_candidates("Cán bộ huyện Ngọc Lặc làm khó tôi.")
    assert [(c.code, c.via) for c in cands] == [("15061", "old-district")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trạm y tế ở xã trung tâm huyện Quan Hóa cũ (chỗ thị trấn ngày trước) thu tiền sai.", "14869"),
        ("cán bộ ở thị trấn huyện Ngọc Lặc cũ làm khó", "15061"),
        ("Tôi ở xã Nam Tiến, huyện Quan Hóa cũ. Lên thị trấn ngày trước thì bị đòi tiền.", "14869"),
        ("Tôi ở huyện Quan Hóa cũ. Lên tt huyện cũ làm giấy thì bị đòi tiền.", "14869"),
        ("Công an huyện Quảng Xương cũ giữ xe của tôi cả tháng.", "16438"),
        ("Cán bộ ở huyện lỵ Bá Thước đòi tiền.", "14923"),
    ],
)
def test_seat_of_an_old_district(text, expected):
    m = extract_ward(text)
    assert m is not None and (m.code, m.via) == (expected, "district-seat")


def test_district_seat_is_the_district_town():
    # derived from the packages' data: the seat is the district's thị trấn, then its 2025 unit
    by_name = {o.name: o for o in old_units()}
    for district in (o for o in old_units() if o.district_code is None):
        towns = [o for o in old_units() if o.district_code == district.code and o.division == "thị trấn"]
        seat = district_seat(district.code)
        if len(towns) == 1:
            assert seat == towns[0].successors[0]
        elif not towns:
            assert seat is None  # cities and thị xã have no thị trấn
        else:
            assert seat is None or seat in {t.successors[0] for t in towns}
    assert district_seat(by_name["Huyện Quảng Xương"].code) == "16438"  # Thị trấn Tân Phong -> Xã Lưu Vệ
    assert district_seat(by_name["Huyện Quan Hóa"].code) == "14869"  # Thị trấn Hồi Xuân -> Xã Hồi Xuân
    assert district_seat(by_name["Huyện Yên Định"].code) == "15469"  # Thị trấn Quán Lào -> Xã Yên Định
    assert district_seat(by_name["Huyện Thọ Xuân"].code) == "15499"  # three towns, one named after the district
    assert district_seat(by_name["Thành phố Thanh Hóa"].code) is None
    assert district_seat(by_name["Xã Nga Tân"].code) is None  # not a district


# --------------------------------------------------------------------------- no place


@pytest.mark.parametrize(
    "text",
    [
        "Cán bộ một cửa đòi tiền mới nhận hồ sơ của tôi.",
        "Cơ quan chức năng tỉnh Thanh Hóa cần xem xét việc này.",
        "Cán bộ Sở Tài chính tỉnh Thanh Hóa đòi tiền.",
        "Tôi ở thành phố, lên Sở Y tế thì bị hẹn.",
        "Hồ sơ gửi lên thành phố rồi không thấy trả lời.",
        "Tôi ở thôn Tân Tiến, cán bộ Sở Y tế bắt chờ.",  # a village, not a unit
        "Đội bóng thắng lợi, mọi người tân tiến lắm.",  # ordinary words that are also names
        "Hợp tác xã của bản chúng tôi bị làm khó.",
        "xa hoi bay gio can bo lam viec the nao",
        "Anh Quảng ở sở bảo chờ.",  # a bare word of a name
        # people's names equal to commune names
        "Ông Ngọc Lặc cán bộ sở tư pháp bắt chờ.",
        "Chị Hoằng Hóa ở phòng tiếp dân hẹn mãi.",
        "Gửi anh Đông Sơn, cán bộ thuế làm khó tôi.",
        "Tôi là Trần Ngọc Lặc, cán bộ Sở Y tế bắt tôi chờ mãi.",
        "Tôi là Lê Thị Hải Bình, công an tỉnh làm hộ chiếu chậm.",
        "Chủ tịch xã Hoàng Văn Sơn ký chậm giấy tờ cho dân.",  # not "xã Hoàng Văn" nor a typo of a name
        "Tôi ở đường Quang Trung, cán bộ thuế tỉnh làm khó tôi.",
        "Con tôi làm ở TP HCM, về làm căn cước thì công an tỉnh hẹn mãi.",
        "Tôi quê ở Quảng Xương, lên sở tư pháp xin lý lịch tư pháp thì bị hẹn.",
        "Cong an TP Thanh Hoa giu xe toi qua han.",
        # institutions and landmarks named after a place, not located there
        "Trường THPT Lam Sơn thu thêm tiền học.",
        "Tôi làm ở Khu kinh tế Nghi Sơn, Sở Nội vụ chậm hồ sơ.",
        "Tôi đi tắm biển Sầm Sơn xong lên công an tỉnh làm hộ chiếu thì bị đòi tiền.",
        # a unit of another province with a name found in Thanh Hóa
        "Tôi làm hồ sơ ở UBND xã Quảng Ninh, huyện Quảng Trạch, tỉnh Quảng Bình thì bị đòi tiền.",
        "Trước tôi làm ở phường Quang Trung, thành phố Hà Nội, giờ về đây thì sở không nhận hồ sơ.",
    ],
)
def test_no_place(text):
    assert code(text) is None
    assert find_place(text) is None


def test_empty_text():
    assert ward_candidates("") == []
    assert extract_ward("") is None
    assert find_place("") is None


def test_bare_title_case_name_after_a_word_of_place():
    m = extract_ward("Mẹ tôi nằm viện ở Ngọc Lặc, bị thu thêm tiền giường.")
    assert (m.code, m.via) == ("15061", "bare-name")
    assert code("Bệnh viện đa khoa ở Ngọc Lặc bắt bệnh nhân nộp thêm tiền.") == "15061"
    assert code("Tôi lên Sầm Sơn làm giấy tờ thì bị cán bộ phường gây khó.") == "16531"
    # the same words with no word of place before them
    assert code("Bệnh viện Ngọc Lặc bắt bệnh nhân nộp thêm tiền.") == "15061"  # an office's name
    assert code("Ngọc Lặc bắt bệnh nhân nộp thêm tiền.") is None


# --------------------------------------------------------------------------- misspelt and abbreviated division words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cán bộ một cửa phg Quảng Phú bắt tôi chờ cả ngày.", "16522"),
        ("cb tiep nhan o p . quang phu hen toi 3 lan", "16522"),
        ("hồ sơ nộp ở ubnd x, nguyệt ấn từ tháng trước vẫn chưa xong", "15106"),
        ("Tôi lên Sở Tài chính ở F. Hàm Rồng thì bị hẹn.", "14758"),
        ("Cán bộ một cửa phườg Hàm Rồng đòi tiền.", "14758"),
        ("UBND xxã Nguyệt Ấn giữ hồ sơ.", "15106"),
        ("Trạm y tế tthị trấn Ngọc Lặc thu tiền sai.", "15061"),
    ],
)
def test_misspelt_division_words(text, expected):
    assert code(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tôi lên Sở Tư pháp ở phường Hàm Rồbg thì bị hẹn.", "14758"),
        ("Cán bộ UBND xã Nguyêt Ấnn đòi tiền mới ký.", "15106"),
        ("Toi nop ho so o cong an xa Quyy Loc tu thang truoc", "15412"),
        # no capital, or an ordinary word one letter away from a name: nothing
        ("toi nop ho so o cong an xa quyy loc tu thang truoc", None),
        ("Tôi gửi đơn lên UBND xã từ tháng 12 mà chưa ai trả lời, Sở Tư pháp cũng vậy.", None),
    ],
)
def test_misspelt_names_after_a_division_word(text, expected):
    assert code(text) == expected


def test_a_misspelling_with_no_name_after_is_nothing():
    # "mã" is one key away from "xã" but only a name after it would make it a division word
    assert code("Tôi ở xã Hoa Lộc, cán bộ Sở Y tế bảo mã hồ sơ sai.") is None


# --------------------------------------------------------------------------- find_place


def test_find_place_returns_the_words_of_the_text():
    text = "Hôm qua cb o p. Quảng Phú đòi tiền mới ký"
    p = find_place(text)
    assert isinstance(p, Place)
    assert (p.ward_code, p.name, p.via, p.role) == ("16522", "Phường Quảng Phú", "new-name", "office")
    assert p.text == "p. Quảng Phú" == text[p.start : p.end]


@pytest.mark.parametrize(
    "text, words",
    [
        ("Tôi nộp ở UBND X. Thanh Quân hôm qua", "X. Thanh Quân"),
        ("ubnd p quang thang cu tp thanh hoa doi tien", "p quang thang"),
        ("cán bộ ở thị trấn huyện Ngọc Lặc cũ làm khó", "thị trấn huyện Ngọc Lặc"),
        ("TT Ngọc Lặc làm khó", "TT Ngọc Lặc"),
        ("tôi làm ở chi nhánh đăng ký đất đai ngọc lặc thì bị hẹn", "ngọc lặc"),
        # the second mention is the office: its words, not the first ones
        ("Tôi ở xã Hoa Lộc. Cán bộ xã Hoa Lộc đòi tiền.", "xã Hoa Lộc"),
    ],
)
def test_find_place_words(text, words):
    p = find_place(text)
    assert p is not None and p.text == words == text[p.start : p.end]


def test_find_place_picks_the_office_occurrence():
    text = "Tôi ở xã Nguyệt Ấn. Lên UBND xã Kiên Thọ thì bị hẹn, về xã Nguyệt Ấn kể lại."
    p = find_place(text)
    assert p.ward_code == "15112" and p.start == text.index("xã Kiên Thọ")


def test_find_place_agrees_with_extract_ward():
    for text in (
        "Công an phường Hạc Thành làm căn cước chậm.",
        "Tôi ở xã Hoa Lộc, nộp hồ sơ ở Sở Tư pháp thì bị hẹn.",
        "Trạm y tế ở xã trung tâm huyện Quan Hóa cũ (chỗ thị trấn ngày trước) thu tiền sai.",
    ):
        m, p = extract_ward(text), find_place(text)
        assert (m.code if m else None) == (p.ward_code if p else None)


def test_evaluate_counts_accuracy_and_wards_given_to_placeless_texts():
    rows = [
        {"text": "Công an phường Hạc Thành làm căn cước chậm.", "ward_code": "14797"},
        {"text": "cong an phuong hac thanh lam can cuoc cham", "ward_code": "16522"},  # wrong on purpose
        {"text": "Cán bộ một cửa đòi tiền.", "ward_code": None},
        {"text": "can bo xa nguyet an doi tien", "ward_code": None},  # given a ward
    ]
    figures = evaluate(rows)
    assert (figures["all"]["right"], figures["all"]["located"]) == (1, 2)
    assert (figures["all"]["given_a_ward"], figures["all"]["placeless"]) == (1, 2)
    assert figures["accented"]["accuracy"] == 1.0 and figures["accented"]["placeless_given_a_ward"] == 0.0
    assert figures["no-diacritics"]["accuracy"] == 0.0 and figures["no-diacritics"]["placeless_given_a_ward"] == 1.0


def test_find_place_words_of_a_seat_named_after_another_town():
    text = "Trước tôi ở thị trấn Hồi Xuân, nay ở huyện Quan Hóa cũ. Lên thị trấn ngày trước thì bị đòi tiền."
    p = find_place(text)
    assert (p.ward_code, p.via, p.text) == ("14869", "district-seat", "thị trấn")
    assert p.start == text.index("thị trấn ngày")


def test_a_home_said_nha_o_still_locates_at_the_communes_own_office():
    assert code("Tôi nhà ở xã Nga Sơn, lên xã làm giấy khai sinh thì cán bộ tư pháp đòi tiền.") == "16093"
    assert code("Tôi nhà ở xã Nga Sơn, cán bộ xuống tận nhà đo đất rồi đòi 2 triệu.") == "16093"


def test_a_home_named_before_a_tax_officer_is_not_the_place():
    assert code("Tôi quê ở xã Hoằng Lộc, lên làm thủ tục quyết toán thuế thì cán bộ thuế bắt chờ cả tháng.") is None
    assert code("Tôi ở xã Nga Sơn. Nhân viên thuế bắt tôi nộp thêm giấy tờ khi hoàn thuế.") is None


def test_the_plot_officers_came_to_survey_is_the_place_not_the_reporters_home():
    text = (
        "Tôi sống ở phường Quảng Phú, cán bộ Văn phòng đăng ký đất đai xuống đo thửa đất của mẹ tôi ở xã Hoằng Lộc "
        "rồi đòi tiền."
    )
    assert code(text) == "15961"
    assert code("Nhà tôi ở xã Hoằng Lộc, cán bộ địa chính xã đòi tiền.") == "15961"
