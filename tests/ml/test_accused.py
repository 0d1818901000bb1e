"""Who is accused: mentions of heads of bodies, their body, and whether the text accuses them (ml/accused.py).

Every sentence here is written for this test (none comes from the corpus, the dev examples or the
real-text set). Ward codes: 16522 Phường Quảng Phú, 15061 Xã Ngọc Lặc, 16378 Phường Đông Sơn,
15271 Xã Hà Trung, 15349 Xã Vĩnh Lộc, 16531 Phường Sầm Sơn, 15499 Xã Thọ Xuân, 14812 Phường Bỉm Sơn,
15664 Xã Triệu Sơn, 16654 Phường Nghi Sơn, 16540 Xã Quảng Ninh, 15991 Xã Hoằng Tiến, 15961 Xã Hoằng
Lộc, 16093 Xã Nga Sơn, 16012 Xã Hậu Lộc, 15127 Xã Cẩm Thủy, 14797 Phường Hạc Thành, 15544 Xã Lam Sơn,
15880 Xã Hoằng Giang, 15976 Xã Hoằng Châu, 16000 Xã Hoằng Thanh, 16561 Phường Tĩnh Gia, 15910 Xã
Hoằng Sơn.
"""

from __future__ import annotations

import pytest

from ml.accused import analyse, escalated_agency
from ml.normalize import strip_diacritics


def xa(ward):
    return {"agency": "xa", "ward_code": ward}


def body(agency):
    return {"agency": agency, "ward_code": None}


ACCUSED = [
    # the portfolio after the ward's name is the head's own ("phụ trách địa chính"), not an officer who acts
    ("Phó chủ tịch UBND phường Quảng Phú phụ trách địa chính đòi tôi 5 triệu đồng để ký hồ sơ.", xa("16522")),
    ("pho chu tich ubnd phuong quang phu phu trach dia chinh doi toi 5 trieu", xa("16522")),
    # a commune head accused over a matter another body handles: the accused body is the commune
    ("Chủ tịch UBND phường Quảng Phú đòi 5 triệu mới ký giấy phép xây dựng", xa("16522")),
    ("Chủ tịch xã Ngọc Lặc đòi 20 triệu mới cho chuyển mục đích sử dụng đất", xa("15061")),
    ("Tôi tố cáo ông chủ tịch xã Ngọc Lặc đã nhận tiền của các hộ dân", xa("15061")),
    ("Chủ tịch phường Đông Sơn lợi dụng chức vụ giao đất công cho em trai", xa("16378")),
    ("Việc bán đất công cho người nhà là do chính phó chủ tịch xã Hà Trung chỉ đạo.", xa("15271")),
    ("Hồ sơ của tôi bị phó chủ tịch UBND xã Vĩnh Lộc gây khó dễ suốt 3 tháng", xa("15349")),
    ("Gia đình tôi bị chủ tịch xã Cẩm Thủy đe dọa vì đã gửi đơn", xa("15127")),
    ("Tôi đề nghị xử lý nghiêm phó chủ tịch UBND phường Hạc Thành vì đã nhận phong bì", xa("14797")),
    ("Tôi đưa cho chủ tịch xã Hoằng Lộc 5 triệu thì mới được ký", xa("15961")),
    ("Phó chủ tịch xã Hoằng Thanh không chịu ký giấy phép cho tôi dù hồ sơ đủ.", xa("16000")),
    # indirect wordings of a head
    ("Người đứng đầu UBND phường Sầm Sơn bao che cho cán bộ địa chính thu tiền sai", xa("16531")),
    ("Lãnh đạo xã Thọ Xuân ăn chặn tiền hỗ trợ lũ lụt của dân", xa("15499")),
    ("Sếp lớn nhất ở phường Bỉm Sơn cứ ngâm hồ sơ của tôi, gọi thì không nghe máy", xa("14812")),
    ("Ông phó của ủy ban xã Triệu Sơn hạch sách đủ điều khi tôi xin xác nhận", xa("15664")),
    ("Bà phó phụ trách văn hóa - xã hội ở xã Quảng Ninh gây khó dễ khi tôi làm hồ sơ trợ cấp", xa("16540")),
    ("Bí thư đảng ủy xã Nga Sơn chỉ đạo bán đất công cho người quen", xa("16093")),
    # texting, no diacritics
    ("ct ubnd p. Nghi Sơn đòi 10tr mới ký sổ đỏ", xa("16654")),
    ("ctx o xa Hoang Tien ko ky giay cho e, bao phai co 2 trieu", xa("15991")),
    ("pho chu tich ubnd xa hoang tien an chan tien ho tro cua dan", xa("15991")),
    ("chu tich phuong quang phu quat nat dan ngay tai tru so", xa("16522")),
    ("pct xa nga son gay kho de ko cho lam so", xa("16093")),
    ("sep phuong bao che cho can bo dia chinh", xa(None)),
    ("lanh dao xa ko tiep dan 3 lan roi", xa(None)),
    # several clauses and sentences: the head is the subject carried over, or named by a pronoun or name
    ("Cán bộ địa chính xã Hậu Lộc đòi tiền, chủ tịch xã biết nhưng bao che.", xa("16012")),
    ("Tôi lên gặp chủ tịch xã Lam Sơn. Ông ấy bảo muốn nhanh thì phải có 10 triệu.", xa("15544")),
    ("Chủ tịch UBND xã Hoằng Sơn là ông Lê Văn B. Năm 2024 ông B đã tự ý bán 3 lô đất công.", xa("15910")),
    ("Tôi bị đòi 5 triệu, chủ tịch xã Cẩm Thủy có mặt nhưng làm ngơ.", xa("15127")),
    # classes of misconduct beyond money: absence, lies, perfunctory work, putting off, coercion, rudeness,
    # public property, a home entered, the reporter given away, favours, veiled asking
    ("Chủ tịch xã Ngọc Lặc vắng mặt cả buổi tiếp dân, dân chờ từ sáng đến trưa.", xa("15061")),
    ("Phó chủ tịch phường Quảng Phú báo cáo sai sự thật lên cấp trên về vụ đất của tôi.", xa("16522")),
    ("ct xã Hà Trung kết luận qua loa đơn của tôi", xa("15271")),
    ("Báo ông phó chủ tịch xã Hà Trung thì ông bảo mai mới xuống.", xa("15271")),
    ("Lãnh đạo phường Sầm Sơn ra thông báo nhà nào không đóng quỹ thì không được xác nhận giấy tờ.", xa("16531")),
    ("Bà phó chủ tịch xã Vĩnh Lộc nói những lời rất khó nghe với mẹ tôi.", xa("15349")),
    ("Chủ tịch xã Thọ Xuân dùng xe công chở gia đình đi du lịch.", xa("15499")),
    ("Phó chủ tịch xã Cẩm Thủy chỉ đạo dân quân phá khóa cửa nhà tôi.", xa("15127")),
    ("Chủ tịch phường Bỉm Sơn nói cho người bị tố cáo biết tôi là người làm đơn.", xa("14812")),
    ("Chủ tịch xã Lam Sơn gợi ý phải có 10 triệu thì mới ký", xa("15544")),
    ("phó chủ tịch phường Đông Sơn hỏi có gì cho anh em uống nước không", xa("16378")),
    ("Lịch tiếp dân ghi chủ tịch xã Nga Sơn tiếp thứ năm nhưng ba lần tôi đến đều được bảo đi họp.", xa("16093")),
    ("Bà phó bí thư đảng ủy xã Hậu Lộc bảo muốn xong thì chuẩn bị 20 triệu.", xa("16012")),
    ("Ông phó chủ tịch xã Triệu Sơn chỉ vào chỗ không sai mà bảo sai, rồi đòi viết lại.", xa("15664")),
    ("Phó trưởng Thuế tỉnh nói phải 'cảm ơn' anh em 3 triệu thì tuần sau có.", body("thue")),
    ("Chủ tịch UBND xã Hà Trung đổ lỗi cho phần mềm, không nhận trách nhiệm.", xa("15271")),
    ("Chủ tịch xã Vĩnh Lộc lấy cớ giấy tờ giả để giữ đơn của tôi.", xa("15349")),
    ("pho chu tich xa Lam Son nhan 'sap xong roi, nho co qua cho anh em'", xa("15544")),
    ("Phó giám đốc Sở Tài chính vừa tiếp dân vừa hút thuốc trong phòng.", body("so-tai-chinh")),
    ("Ba tháng nay chủ tịch UBND xã Cẩm Thủy không trả lời đơn của gia đình tôi.", xa("15127")),
    ("Tôi muốn tố cáo chủ tịch xã Hoằng Phú vì đã bán đất công cho người nhà.", xa("15889")),
    ("Bí thư chi bộ thôn và chủ tịch xã Nga Sơn cùng ăn chặn tiền hỗ trợ.", xa("16093")),
    ("Ông phó chủ tịch xã Hậu Lộc cùng cán bộ địa chính đo đất sai cho nhà tôi.", xa("16012")),
    ("giam doc so xay dung ky giay phep cho cong ty cua con trai minh", body("so-xay-dung")),
    ("Phó chánh thanh tra tỉnh bao che cho sai phạm của giám đốc Sở Xây dựng.", body("thanh-tra-tinh")),
    ("Phó giám đốc Công an tỉnh đòi xem điện thoại của tôi dù tôi chỉ làm lý lịch tư pháp.", body("cong-an-tinh")),
    ("Tôi gặp phó giám đốc Sở Tài chính, ông hứa rồi để đó suốt hai tháng.", body("so-tai-chinh")),
    ("Phó giám đốc Sở Nội vụ xếp người nhà vào danh sách được hỗ trợ.", body("so-noi-vu")),
    ("ông phó giám đốc Sở Y tế bảo phí làm giấy là 3 triệu", body("so-y-te")),
    # provincial bodies
    ("Phó giám đốc Sở Xây dựng ưu ái công ty của em vợ khi xét thầu", body("so-xay-dung")),
    ("pgd so tai chinh doi tien moi ky quyet dinh", body("so-tai-chinh")),
    ("Giám đốc Sở Y tế giao gói thầu thiết bị cho công ty của con trai", body("so-y-te")),
    ("giam doc so giao duc doi moi giao vien nop 20 trieu de duoc chuyen truong", body("so-giao-duc-dao-tao")),
    ("Giám đốc Công an tỉnh bao che cho cấp dưới đánh người", body("cong-an-tinh")),
    ("Phó giám đốc BHXH tỉnh ký sai quyết định hưởng lương hưu của tôi", body("bhxh")),
    ("Trưởng Thuế tỉnh Thanh Hóa làm ngơ cho doanh nghiệp người nhà trốn thuế", body("thue")),
    ("Tôi tố cáo chánh thanh tra tỉnh nhận tiền để bỏ qua sai phạm của doanh nghiệp", body("thanh-tra-tinh")),
    # acts of a head beyond the cue words: collecting without receipts, letting files sit, intervening, favouring,
    # pressing staff, padding lists, racketeering, commissions, orders not to act, veiled asking, put-offs, scolding
    (
        "Phó chủ tịch xã Hà Trung cùng thủ quỹ xã đi thu tiền 'quỹ làm cổng làng' của các hộ mà không có biên lai.",
        xa("15271"),
    ),
    ("Chủ tịch UBND xã Triệu Sơn để đơn xin trợ cấp của bố tôi nằm im gần nửa năm không xử lý.", xa("15664")),
    ("Bà phó chủ tịch phường Bỉm Sơn can thiệp vào việc bình xét hộ nghèo, đưa người thân vào danh sách.", xa("14812")),
    ("Chủ tịch xã Hậu Lộc ép công chức tư pháp trả lại hồ sơ của nhà tôi vì hai nhà có xích mích.", xa("16012")),
    (
        "Phó giám đốc Sở Công Thương gọi điện can thiệp để trả lại lô hàng bị tạm giữ cho người quen.",
        body("so-cong-thuong"),
    ),
    ("Chủ tịch phường Đông Sơn cho em vợ được thuê mặt bằng chợ với giá rẻ.", xa("16378")),
    ("Phó chủ tịch xã Vĩnh Lộc cùng cán bộ văn hóa kê khống danh sách để rút tiền trợ cấp.", xa("15349")),
    ("pgd so y te an phan tram cua cong ty thiet bi", body("so-y-te")),
    ("giam doc cong an tinh bao ke cho bai cat trai phep", body("cong-an-tinh")),
    ("chu tich xa Nga Son de ho so cua toi nam im 3 thang khong ky", xa("16093")),
    ("Bí thư xã Thọ Xuân chỉ đạo cán bộ không xác nhận đơn cho nhà tôi vì nhà tôi đi khiếu kiện.", xa("15499")),
    (
        "Phó giám đốc Sở Nội vụ chỉ đạo phòng chuyên môn không tiếp nhận hồ sơ của tôi mà không nêu lý do.",
        body("so-noi-vu"),
    ),
    ("Giám đốc Sở Tài chính ký cấp phép cho cửa hàng của người quen dù chưa đủ điều kiện.", body("so-tai-chinh")),
    ("Phó chủ tịch phường Sầm Sơn ôm hồ sơ không ký, cán bộ nói đã trình từ tháng 5.", xa("16531")),
    ("Ông phó ủy ban xã Nga Sơn mắng tôi là đồ lắm chuyện khi tôi hỏi tiền đền bù.", xa("16093")),
    ("Sếp to nhất ở xã Hậu Lộc nói với dân như quát con, ai lên hỏi cũng bị ông ấy đuổi về.", xa("16012")),
    ("Giám đốc BHXH tỉnh can thiệp để hồ sơ của người quen được duyệt trước.", body("bhxh")),
    ("Phó chủ tịch phường Sầm Sơn lập khống hồ sơ hộ nghèo cho người thân.", xa("16531")),
    ("pct xa ngoc lac bat dan dong 200k moi ho ko co bien lai", xa("15061")),
    (
        "Tôi tố cáo ông Đỗ Minh Khôi - Phó chủ tịch xã Lam Sơn - đã nhận 30 triệu của tôi để làm sổ đỏ.",
        xa("15544"),
    ),
    (
        "Ông Nguyễn Văn Tám hiện là Chủ tịch UBND phường Quảng Phú. Tháng trước ông Tám ép tôi ký biên bản nhận đền "
        "bù thấp.",
        xa("16522"),
    ),
    ("Tôi gọi hỏi thì phó giám đốc Sở Y tế cúp máy ngang, gặp trực tiếp thì trả lời cộc lốc.", body("so-y-te")),
    ("Chủ tịch phường Hạc Thành chỉ tay vào mặt tôi, nói bằng giọng ra lệnh.", xa("14797")),
    ("Ông phó chủ tịch xã Lam Sơn bảo ngoài lệ phí còn 'phí anh em' 500 nghìn.", xa("15544")),
    # a petition the head got earlier, then its silence; a file sent up to a head and held; a head in a later paragraph
    ("Tôi nộp đơn cho phó chủ tịch xã Lam Sơn hai lần mà ông không hề trả lời.", xa("15544")),
    (
        "Bà phó chủ tịch xã Cẩm Thủy, người ký xác nhận, nói thẳng rằng nếu không 'bồi dưỡng' thì hồ sơ cứ nằm đó.",
        xa("15127"),
    ),
    (
        "Hồ sơ chuyển lên chủ tịch xã Hoằng Sơn thì bị giữ lại gần 2 tháng; tôi hỏi thì ông ấy bảo 'cứ về mà đợi'.",
        xa("15910"),
    ),
    (
        "Kính gửi Thanh tra tỉnh.\nTôi là Trần Văn Bình, trú tại xã Hậu Lộc.\nCán bộ một cửa xã tiếp nhận hồ sơ đúng "
        "hẹn, tôi cảm ơn.\nNhưng hồ sơ trình lên chủ tịch xã thì bị ngâm đến nay đã 4 tháng; tôi hỏi thì ông ta bảo "
        "'bao giờ rảnh thì ký'.\nĐề nghị Thanh tra tỉnh xem xét.",
        xa("16012"),
    ),
    (
        "Tôi ở xã Hà Trung, cán bộ tiếp nhận rất nhiệt tình.\n\nĐiều làm tôi bất bình là ông phó chủ tịch xã Hà Trung, "
        "người duyệt hồ sơ, đã bảo tôi rằng nếu không 'lo' thì còn chờ dài.",
        xa("15271"),
    ),
    ("chu tich xa Lam Son yeu cau toi phai nop them ban sao so ho khau du khong co trong quy dinh", xa("15544")),
    # a head named with a person's name: apposition, "X là chủ tịch", the formal denunciation
    (
        "Tôi làm đơn tố cáo bà Nguyễn Thị Hoa, Phó chủ tịch UBND phường Sầm Sơn, về việc sau: tháng 5/2025, bà Hoa bắt "
        "tôi nộp 8 triệu để được ký.",
        xa("16531"),
    ),
    ("Ông Lê Đình Tuấn là Phó chủ tịch xã Ngọc Lặc. Ông Tuấn đã tự ý bán đất công cho người quen.", xa("15061")),
    ("Tôi xin phản ánh ông Hoàng Văn Sơn, chủ tịch xã Hà Trung. Ông Sơn đã nhận 20 triệu của nhà thầu.", xa("15271")),
    # several heads: the highest accused body
    (
        "Phó giám đốc Sở Xây dựng cùng chủ tịch UBND phường Quảng Phú bắt tay nhau hợp thức hóa công trình sai phép.",
        body("so-xay-dung"),
    ),
    ("Giám đốc Sở Tài chính và phó chủ tịch xã Thọ Xuân đều nhận tiền của nhà thầu.", body("so-tai-chinh")),
    (
        "Phó giám đốc Sở Văn hóa, Thể thao và Du lịch cùng chủ tịch xã Nga Sơn thông đồng cấp phép cho quán karaoke.",
        body("so-van-hoa-the-thao-du-lich"),
    ),
    (
        "Chủ tịch xã Triệu Sơn và Phó giám đốc Sở Nông nghiệp và Môi trường cấu kết cấp sổ đỏ cho người quen",
        body("so-nong-nghiep-moi-truong"),
    ),
    ("Giám đốc Sở Tư pháp đã chỉ đạo kiểm tra, nhưng phó chủ tịch phường Tĩnh Gia vẫn gây khó dễ.", xa("16561")),
    (
        "Chánh thanh tra tỉnh đã tiếp tôi, nhưng phó chánh thanh tra tỉnh nhận tiền của doanh nghiệp để bỏ qua",
        body("thanh-tra-tinh"),
    ),
    # a head who acts together with staff ("cùng", "và ... cùng nhau"), before or after them
    ("Phó chủ tịch xã Hoằng Lộc cùng cán bộ địa chính thu tiền cắm mốc ngoài quy định.", xa("15961")),
    (
        "Cán bộ tư pháp và phó chủ tịch UBND phường Quảng Phú cùng nhau thu tiền của dân để làm nhanh giấy tờ.",
        xa("16522"),
    ),
    (
        "Chuyên viên địa chính cùng chủ tịch xã Hà Trung xuống kiểm tra thửa đất rồi đòi tiền bồi dưỡng 1 triệu.",
        xa("15271"),
    ),
    # acts: forcing purchases, placing a relative, telling staff to refuse a file, holding a file for months
    ("Giám đốc Sở Y tế ép các bệnh viện mua thiết bị của công ty người quen.", body("so-y-te")),
    ("Giám đốc Sở Xây dựng ép các chủ đầu tư mua vật liệu của công ty em vợ.", body("so-xay-dung")),
    ("chu tich phuong Sam Son mang toi truoc mat moi nguoi", xa("16531")),
    ("Giám đốc Sở Tài chính đã bố trí cháu ruột vào biên chế trái quy định.", body("so-tai-chinh")),
    ("Chủ tịch UBND phường Quảng Phú dặn văn thư không được nhận hồ sơ của gia đình tôi.", xa("16522")),
    ("Ho so cua toi bi pho chu tich xa Nga Son ngam gan 3 thang.", xa("16093")),
    # a demand right after the head in apposition is the head's, not the reporter's request
    (
        "Sau ba lần hẹn, ông Lê Văn Hùng, chủ tịch UBND xã Nga Sơn, yêu cầu tôi phải nộp thêm 2 triệu đồng thì mới ký.",
        xa("16093"),
    ),
    # the head ordered what is complained of, with nothing after "chỉ đạo"
    ("Việc gia đình tôi bị cắt hộ nghèo là do chính chủ tịch UBND xã Hà Trung chỉ đạo.", xa("15271")),
    # "ctx" typed before a commune's name reads "chủ tịch xã <name>"
    ("ctx hoang tien doi 2 trieu moi ky xac nhan", xa("15991")),
    ("pctx Nga Son bat nop them 500k", xa("16093")),
    # the reporter called out by the head is not who demands the money
    (
        "Tôi nộp đơn ở xã Hậu Lộc. Khi đơn chuyển lên chủ tịch xã là ông Trịnh Văn Quang thì ông này giữ lại, hẹn tôi "
        "ra nhà riêng đòi 3 triệu.",
        xa("16012"),
    ),
]

MENTIONED = [
    "Kính gửi Chủ tịch UBND xã Ngọc Lặc. Cán bộ địa chính xã đòi tôi 5 triệu mới xác nhận nguồn gốc đất.",
    "Đề nghị chủ tịch xã xem xét xử lý cán bộ một cửa",
    "Tôi đã gửi đơn lên chủ tịch xã nhưng không ai trả lời",
    "Tôi cảm ơn chủ tịch phường Quảng Phú đã tiếp tôi rất nhiệt tình, nhưng cán bộ địa chính phường thì gây khó dễ",
    "Phó chủ tịch xã đã ký từ tháng trước nhưng bộ phận một cửa vẫn giữ hồ sơ, đòi 2 triệu mới trả.",
    "Chủ tịch xã chỉ đạo cán bộ giải quyết ngay, nhưng đến nay cán bộ tư pháp vẫn ngâm hồ sơ.",
    "Hôm họp thôn có cả bí thư đảng ủy xã dự, cán bộ địa chính vẫn quát nạt bà con.",
    "Năm ngoái chủ tịch xã đã ký xác nhận cho tôi đúng hạn, năm nay cán bộ mới lại đòi phải có 1 triệu.",
    "Chủ tịch xã không hề đòi tiền, chính cán bộ địa chính tự đặt ra khoản phí 3 triệu.",
    "Tôi lên gặp chủ tịch xã, ông tiếp tôi rất nhiệt tình và hứa sẽ kiểm tra.",
    "cam on chu tich xa da giai quyet nhanh ho so cho gia dinh toi",
    "Tôi đã phản ánh với phó chủ tịch phường nhưng cán bộ một cửa vẫn bắt nộp thêm giấy tờ.",
    "kinh gui chu tich ubnd xa ngoc lac, can bo dia chinh doi 5tr",
    "Phó chủ tịch xã Hoằng Thanh đã ký giấy phép cho tôi, cảm ơn ông.",
    "Cán bộ một cửa bảo hồ sơ chờ chủ tịch xã ký, đã 2 tháng rồi.",
    "Chủ tịch xã Ngọc Lặc vắng vì đi họp tỉnh, phó chủ tịch tiếp tôi rất chu đáo.",
    "Tôi phản ánh, sau đó chủ tịch xã đã cho kiểm tra và trả lời rõ ràng.",
    "Đề nghị làm rõ việc cán bộ địa chính yêu cầu thêm giấy tờ; phó chủ tịch xã đã hứa kiểm tra.",
    "Bà phó phòng văn hóa - thông tin của xã to tiếng với tôi, hôm đó phó chủ tịch xã chủ trì buổi họp.",
    "Tôi đã gửi đơn tố cáo lãnh đạo xã lên tỉnh từ năm ngoái. Lần này cán bộ thuế ở chợ thu tiền không biên lai.",
    "Tôi có gửi thư cho ông phó giám đốc Sở Xây dựng, nhưng nhân viên trung tâm đăng kiểm vẫn làm chậm, đòi tiền.",
    "Chủ tịch xã Vĩnh Lộc là người rất tốt, nhưng cán bộ văn phòng thì hách dịch.",
    "Cán bộ bảo chủ tịch xã đã ký rồi nhưng vẫn đòi tôi 5 triệu.",
    "Lên xã xin ký giấy, văn phòng bảo chủ tịch đi họp, hẹn tuần sau, phó chủ tịch có mặt mà văn phòng không trình.",
    "Chánh thanh tra tỉnh đã chỉ đạo xác minh đơn của tôi rất nhanh, tôi cảm ơn.",
    "Trưởng công an xã Hà Trung đòi 2 triệu, tôi báo chủ tịch xã thì chủ tịch bảo sẽ xử lý.",
    "Tôi có gửi thư cho phó bí thư đảng ủy xã, còn công chức tư pháp thu 500 nghìn không biên lai.",
    "Giám đốc Sở Nông nghiệp và Môi trường đã ký duyệt đúng hạn, vậy mà chị trả kết quả ở chi nhánh vẫn giữ lại hồ sơ.",
    "Giám đốc Sở Xây dựng đã tiếp chúng tôi và chỉ đạo phòng chuyên môn giải quyết, nhưng chuyên viên vẫn hẹn lần "
    "hẹn lữa.",
    # the one who did it is someone else ("người đòi tiền là ..."), the head denied it or never did it
    "Chủ tịch xã Hoằng Giang chưa bao giờ nhận phong bì của ai, người nhận là chị kế toán xã.",
    "Phó chủ tịch phường Tĩnh Gia có mặt lúc đo đạc nhưng người đòi tiền chúng tôi là anh cán bộ địa chính.",
    "Người gây khó dễ cho tôi không phải chủ tịch xã Lam Sơn mà là cán bộ văn phòng.",
    # the reporter says it does not accuse the head
    "Tôi không tố cáo phó chủ tịch xã Hà Trung, tôi chỉ phản ánh cán bộ một cửa để hồ sơ quá hạn.",
    "Tôi không hề có ý tố cáo chủ tịch phường, chỉ mong nhắc nhở cán bộ địa chính phường Đông Sơn đã quát tôi.",
    # the head is asked to act ("chỉ đạo xử lý việc ...")
    "Kính mong Giám đốc Sở Y tế chỉ đạo làm rõ việc nhân viên trạm y tế xã thu tiền khám ngoài quy định.",
    "Đề nghị chủ tịch xã Ngọc Lặc chỉ đạo xử lý việc cán bộ địa chính đòi tiền.",
    "Mong phó giám đốc Công an tỉnh chỉ đạo kiểm tra việc công an phường đòi tiền làm hộ chiếu.",
    # the head helped, was told and acted, or refused for a reason the reporter grants
    "Nhờ phó chủ tịch xã Hậu Lộc quan tâm, hồ sơ đã lên văn phòng đăng ký đất đai, nhưng ở đó cán bộ bắt tôi chờ 4 "
    "tháng.",
    "Phó chủ tịch xã không ký vì hồ sơ của tôi còn thiếu giấy tờ, điều đó đúng; nhưng cán bộ một cửa xã Cẩm Thủy không "
    "hướng dẫn từ đầu.",
    "Tôi báo chủ tịch xã Vĩnh Lộc việc cán bộ thu tiền sai, ông đã kỷ luật cán bộ đó.",
    "Tôi hỏi chủ tịch xã Lam Sơn thì ông ấy nói chưa từng chỉ đạo việc bắt dân nộp thêm tiền, đó là cán bộ tự làm.",
    "Tôi từ Hà Nội về, thấy chủ tịch xã Nga Sơn làm việc rất tận tình, nhưng cán bộ địa chính xã đòi tiền.",
    "Tôi không kiện chủ tịch xã Hà Trung, tôi chỉ phản ánh chị kế toán thu tiền sai.",
    "Phó chủ tịch xã Vĩnh Lộc từ chối ký vì giấy tờ của tôi hết hạn, việc đó đúng; nhưng cán bộ một cửa thì quát tôi.",
    "Điều tôi biết ơn nhất là chủ tịch xã Hà Trung, người đã tiếp tôi; còn cán bộ địa chính thì đòi 2 triệu.",
    # a former head is not the head of the body now
    "Nguyên phó chủ tịch xã Hoằng Lộc (đã nghỉ hưu) nay làm dịch vụ, nhận tiền làm giấy tờ cho người dân.",
    "Cựu chủ tịch xã Vĩnh Lộc từng nhận tiền của dân.",
    # a provincial head's correct act; the misconduct after "nhưng" is staff's or the hospital's
    "Giám đốc Sở Tư pháp đã có văn bản trả lời đúng quy định, nhưng chuyên viên vẫn không chịu nhận hồ sơ của tôi.",
    "Giám đốc Sở Y tế đã ký văn bản nghiêm cấm lạm thu, nhưng bệnh viện huyện vẫn thu thêm.",
    "Việc hồ sơ được giải quyết nhanh là do chủ tịch xã Hoằng Lộc chỉ đạo.",
    "Giám đốc Sở Y tế đã ban hành văn bản hướng dẫn, nhưng trường mầm non ở xã Hậu Lộc vẫn thu tiền ngoài quy định.",
]

NOT_HEADS = [  # unit heads, heads of other organisations, look-alikes: no head of a body at all
    "Giám đốc bệnh viện đa khoa tỉnh cho thu thêm tiền giường",
    "trưởng công an xã đòi tiền mới làm căn cước",
    "Giám đốc chi nhánh văn phòng đăng ký đất đai ngâm hồ sơ của tôi 4 tháng",
    "Hiệu trưởng trường tiểu học bắt phụ huynh đóng 2 triệu tiền xây dựng",
    "Trưởng phòng tài nguyên môi trường gây khó dễ",
    "Trưởng thôn tự ý bán đất công cho người nhà",
    "Bí thư chi bộ thôn ăn chặn tiền hỗ trợ",
    "chủ tịch hội nông dân xã ép dân mua phân bón",
    "Chủ tịch HĐND xã nói sai sự thật",
    "chủ tịch hợp tác xã ăn chặn tiền hỗ trợ",
    "Chủ tịch Mặt trận Tổ quốc xã đòi tiền",
    "Tôi bị thu 100k phí mà không có biên lai",
    "bi thu 200k phi xac nhan ma ko co bien lai",
    "Mong Chủ tịch UBND tỉnh chỉ đạo kiểm tra việc cán bộ thuế thu tiền ngoài.",
    "Chủ tịch hội cựu chiến binh xã ép hội viên đóng tiền, chủ tịch còn dọa đuổi khỏi hội",
    "Chi cục trưởng thuế cơ sở gây khó dễ cho hộ kinh doanh",
    "cán bộ địa chính xã đòi 5 triệu",
    "Chuyên viên sở GD&ĐT bắt nộp thêm giấy tờ không cần thiết",
    "Chuyên viên sở CT phường Đông Sơn không hướng dẫn gì, chỉ bảo về làm lại.",
    "Đề nghị chấn chỉnh tác phong của cán bộ tiếp dân.",
]

UNSURE = [
    ("Tôi phản ánh về phó chủ tịch xã Hoằng Giang.", xa("15880")),
    ("Vợ ông chủ tịch xã Hoằng Châu chiếm đất công làm quán.", xa("15976")),
    ("Cán bộ nói làm theo chỉ đạo của chủ tịch xã Hoằng Châu nên bắt dân nộp thêm 500 nghìn.", xa("15976")),
    ("Người quen của phó chủ tịch xã Lam Sơn vào thẳng phòng, không cần lấy số.", xa("15544")),
    ("Cán bộ địa chính bảo do phó chủ tịch xã Lam Sơn chưa ký nên chưa trả sổ.", xa("15544")),
    ("Cán bộ một cửa bảo chủ tịch xã Lam Sơn đòi 10 triệu mới ký.", xa("15544")),
    (
        "Cán bộ một cửa xã Nga Sơn nói với tôi rằng chủ tịch xã bắt nộp 1 triệu, nhưng chủ tịch xã khẳng định không có "
        "chuyện đó.",
        xa("16093"),
    ),
    (
        "Danh sách hộ được hỗ trợ có nhà em ruột của phó chủ tịch xã Hoằng Giang, còn mấy hộ nghèo thật bị loại.",
        xa("15880"),
    ),
    # hearsay: someone else's word for it
    ("Có người đồn chủ tịch xã Hoằng Lộc nhận tiền, nhưng ông đã bác bỏ.", xa("15961")),
    # safety net: misconduct next to the head that the acts do not cover, or done to the reporter by the head
    ("Hồ sơ của tôi bị chủ tịch xã Hoằng Lộc xếp xó suốt mùa hè.", xa("15961")),
    ("Phó chủ tịch xã Vĩnh Lộc để người nhà trúng thầu con đường thôn.", xa("15349")),
]


@pytest.mark.parametrize("text,expected", ACCUSED)
def test_accused_heads_and_their_body(text, expected):
    a = analyse(text)
    assert a.state == "accused", a
    assert a.accused == expected
    assert a.escalate
    assert len(a.evidence) == 2 and all(p and p in text for p in a.evidence)


@pytest.mark.parametrize("text,expected", [(t, e) for t, e in ACCUSED if strip_diacritics(t) != t])
def test_accused_without_diacritics(text, expected):
    a = analyse(strip_diacritics(text).lower())
    assert a.state == "accused", a
    assert a.accused == expected


@pytest.mark.parametrize("text", MENTIONED)
def test_heads_only_mentioned(text):
    a = analyse(text)
    assert a.state == "mentioned", a
    assert a.accused is None and a.suspected is None and not a.escalate
    assert a.mentions and all(m.status == "mentioned" for m in a.mentions)


@pytest.mark.parametrize("text", [t for t in MENTIONED if strip_diacritics(t) != t])
def test_heads_only_mentioned_without_diacritics(text):
    assert analyse(strip_diacritics(text)).state == "mentioned"


@pytest.mark.parametrize("text", NOT_HEADS)
def test_unit_heads_and_other_chairmen_are_not_heads_of_a_body(text):
    a = analyse(text)
    assert a.state == "none", a
    assert not a.mentions


@pytest.mark.parametrize("text,expected", UNSURE)
def test_unclear_attribution_is_unsure(text, expected):
    a = analyse(text)
    assert a.state == "unsure", a
    assert a.suspected == expected and a.accused is None and not a.escalate


OTHER_PROVINCE = [  # a head of another province's body is no Thanh Hóa body: never accused, the commune stays in play
    "Hồi còn ở Hà Tĩnh, chủ tịch xã bên đó ăn tiền mới ký, giờ về xã Nga Sơn thì cán bộ tư pháp cũng đòi 300 nghìn.",
    "Chủ tịch UBND xã ở quê tôi ngoài Nghệ An từng bị kỷ luật vì nhận hối lộ; ở phường Quảng Phú thì cán bộ một cửa "
    "đòi phong bì.",
    "o Ninh Binh ct xa an tien la binh thuong, ve xa Hoang Tien thi cb dia chinh cung doi tien",
    "Chủ tịch phường Trường Thi ở Nam Định từng nhận tiền; ở phường Hạc Thành cán bộ một cửa cũng nhận phong bì.",
    "Giám đốc Công an tỉnh Nghệ An từng bị kỷ luật vì nhận tiền, còn ở đây công an xã Hà Trung đòi tôi 2 triệu.",
    "Tôi ở Hà Nam ra. Chủ tịch xã bên đó nhận phong bì công khai.",
]


@pytest.mark.parametrize("text", OTHER_PROVINCE)
def test_a_head_of_another_province_is_not_accused(text):
    for t in (text, strip_diacritics(text)):
        a = analyse(t)
        assert a.state in ("none", "mentioned") and a.accused is None, a


def test_a_thanh_hoa_head_next_to_another_province_is_still_read():
    a = analyse("Hồi ở Nghệ An chủ tịch xã bên đó nhận tiền; về đây thì chủ tịch xã Nga Sơn cũng đòi tôi 5 triệu.")
    assert a.accused == xa("16093")
    assert analyse("Chủ tịch xã Quảng Ninh đòi tôi 5 triệu mới ký.").accused == xa(
        "16540"
    )  # a commune, not the province
    assert analyse("Tôi từ Hà Nội về, chủ tịch xã Nga Sơn đòi tôi 5 triệu.").accused == xa("16093")


def test_plain_text_is_not_read_as_other_words():
    # without diacritics "lam dung" is also "làm đúng", "co tinh" "có tính", "ba" three, "minh" in "xác minh"
    assert analyse("cam on pho chu tich xa da lam dung tien do").state == "mentioned"
    assert analyse("pho chu tich xa noi phi nay co tinh vao hoa don").state == "mentioned"
    a = analyse("ông phó chánh tt tỉnh làm trưởng đoàn xác minh đơn tố cáo giám đốc sở khcn cố tình làm sai luật")
    assert a.state == "accused" and a.accused == body("thanh-tra-tinh")


def test_a_head_thanked_then_accused_is_accused():
    a = analyse("Tôi cảm ơn chủ tịch xã Ngọc Lặc đã tiếp dân. Nhưng sau đó chủ tịch xã Ngọc Lặc lại đòi tôi 10 triệu.")
    assert a.state == "accused" and a.accused == xa("15061")
    assert [m.status for m in a.mentions] == ["mentioned", "accused"]


def test_a_commune_head_without_ward_takes_the_ward_of_the_text():
    a = analyse("Tôi lên UBND phường Quảng Phú làm giấy tờ. Phó chủ tịch phường gây khó dễ đủ điều.")
    assert a.accused == xa("16522")


def test_the_ward_passed_by_the_caller_is_used_for_an_unnamed_commune():
    assert analyse("phó chủ tịch xã quát nạt tôi", text_ward="15061").accused == xa("15061")


def test_an_unnamed_so_takes_the_subject_matter():
    a = analyse("Giám đốc sở ký quyết định thu hồi đất trái luật", subject=("xa", "so-nong-nghiep-moi-truong"))
    assert a.accused == body("so-nong-nghiep-moi-truong")


def test_evidence_is_words_of_the_original_text():
    a = analyse("Hôm qua CT UBND P. Quảng Phú đòi 5tr mới ký.")
    assert a.state == "accused"
    assert a.evidence[0] == "CT UBND P. Quảng Phú"
    assert a.evidence[1].startswith("đòi 5tr")


def test_the_inspectorate_head_goes_to_the_provincial_chairman():
    a = analyse("Phó chánh thanh tra tỉnh gây khó dễ, đòi doanh nghiệp chi 200 triệu để kết luận có lợi")
    assert a.accused == body("thanh-tra-tinh")
    assert escalated_agency(a.accused) == "ubnd-tinh"
    assert escalated_agency(xa("16522")) == "thanh-tra-tinh"


def test_texts_without_any_head_are_none_and_cheap():
    for t in ("", "cán bộ một cửa quát nạt dân", "Tôi nộp hồ sơ cấp sổ đỏ từ tháng 3 chưa có"):
        a = analyse(t)
        assert a.state == "none" and a.mentions == () and a.evidence == ()


def test_a_head_named_as_former_after_the_role_is_only_mentioned():
    assert analyse("Ông chủ tịch xã Quảng Văn cũ không thèm trả lời khi tôi hỏi.").state == "accused"  # the old commune
    a = analyse("Ông chủ tịch xã Nga Sơn (đã nghỉ hưu) từng nhận tiền của dân.")
    assert a.state == "mentioned", a
    assert a.mentions[0].reason == "former"


def test_a_thanked_head_is_not_caught_by_the_safety_net():
    a = analyse("Cảm ơn chủ tịch xã Hoằng Lộc, nhưng tôi vẫn muốn biết khoản tiền lót tay năm ngoái.")
    assert a.state == "mentioned", a
