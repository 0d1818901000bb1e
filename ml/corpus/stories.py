# ruff: noqa: E501  (phrase tables: one phrase per line)
"""Story material: how citizens tell what happened, category by category (docs/taxonomy.md §3).

Real complaints rarely name the misconduct with a stock phrase; they tell a story
(what the officer said, what was asked for, how many trips, who got served first) and
the category has to be inferred from it. This module holds that story material, written
for this project (wordings widened after reading how complaints are told in Vietnamese
news and citizen-feedback pages; no sentence is taken from them or from any evaluation
file):

- `SETUP`: neutral opening sentences (the file, the office, the date). Some carry words
  that look like a category's ("hẹn", "lệ phí", "biên lai") in an innocent sense, so the
  model learns that they alone are not a complaint.
- `EPISODES[category]`: one to three sentences telling the misconduct itself; several
  of them make up the core of a story.
- `SIDE[category]`: a short mention of a second, lesser grievance; a report's label stays
  its primary category (the one the story dwells on).
- `AFTER`: neutral aftermath (trips, lost work, evidence kept), `FEELING`: reactions.
- `ASK[category]` and `ASK_ANY`: the closing request; the category's own asks restate the
  category once, the generic ones do not.

Slots: {off} the officer (first mention), {pr} a later reference to the same officer
("anh ấy", "cán bộ này"), {doc} the file, {proc} the procedure (verb phrase), {office},
{money}, {n}, {days}, {date}, {time}, {name}, {other} another desk, {w} "xã" / "phường".
"""

from __future__ import annotations

PRONOUNS = ["anh ấy", "chị ấy", "cán bộ này", "người này", "ông ấy", "bà ấy", "cô ấy", "anh ta", "chị ta", "họ"]

SETUP = [
    "Tôi nộp {doc} tại {office} ngày {date}, có giấy tiếp nhận hẹn trả kết quả sau {days} ngày.",
    "Ngày {date} tôi đến {office} để {proc}.",
    "Gia đình tôi có việc cần {proc} nên tôi lên {office} từ {date}.",
    "Tôi đã chuẩn bị đầy đủ giấy tờ theo hướng dẫn niêm yết để {proc}.",
    "Tôi làm {doc} từ {date}, nộp đủ lệ phí theo quy định và có biên lai.",
    "Đầu tháng này tôi mang {doc} đến {office}, cán bộ tiếp nhận kiểm tra và nhận hồ sơ.",
    "Tôi đăng ký {proc} qua cổng dịch vụ công, sau đó được hẹn mang bản giấy lên {office} đối chiếu.",
    "Khoảng {time} sáng {date} tôi có mặt ở {office}, lấy số thứ tự rồi ngồi chờ.",
    "Việc của tôi là {proc}, một thủ tục không có gì phức tạp.",
    "Tôi được hướng dẫn nộp {doc} ở {office}, thời hạn giải quyết theo niêm yết là {days} ngày làm việc.",
    "Năm nay tôi đã ngoài sáu mươi, con cái đi làm xa nên tự mình đi {proc}.",
    "Vợ chồng tôi bàn nhau {proc} cho xong trước Tết.",
    "Hôm {date}, tôi cùng chồng lên {office} để {proc}.",
    "Tôi có một bộ {doc} nộp ở {office}, giấy tờ đầy đủ, không có tranh chấp gì.",
    "Tôi đã đóng phí {money} theo đúng mức niêm yết, cán bộ thu có đưa biên lai.",
    "Mẹ tôi nhờ tôi đi {proc} giúp vì bà đã yếu.",
    "Sau khi tìm hiểu trên mạng, tôi mang hồ sơ đến {office} để {proc}.",
    "Tôi là người lao động tự do, phải xin nghỉ mấy buổi để đi {proc}.",
    "Nhà tôi cách {office} gần hai chục cây số.",
    "Hồ sơ của tôi gồm tờ khai, bản sao căn cước và các giấy tờ liên quan, nộp tại {office}.",
    "Tôi nhận được tin nhắn hẹn lên {office} vào {date} để bổ sung chữ ký.",
    "Theo giấy biên nhận, ngày {date} là ngày trả kết quả.",
]

# ---------------------------------------------------------------- the misconduct, told
EPISODES: dict[str, list[str]] = {
    "doi-tien": [
        "{off} cầm hồ sơ lên xem rồi bảo: 'Giấy tờ thế này thì lâu đấy, muốn nhanh thì chị chuẩn bị {money}'.",
        "Đến lượt tôi, {off} không xem hồ sơ mà hỏi luôn 'đã chuẩn bị gì chưa', rồi viết con số {money} ra mảnh giấy đưa cho tôi xem.",
        "{off} nói thủ tục này 'phải chạy mấy chỗ', mỗi chỗ mất một ít, tính ra tôi phải đưa {money} thì mới xong.",
        "Tôi đưa hồ sơ, {off} đẩy lại và bảo 'kẹp thêm cái gì vào thì anh em mới có động lực làm'.",
        "Khi tôi hỏi bao giờ có kết quả, {off} cười: 'Cái đó tùy chị, chị nhanh thì em nhanh', rồi giơ ba ngón tay.",
        "{off} gọi tôi ra góc phòng, nói nhỏ là hồ sơ của tôi 'có vướng', nếu gửi {money} thì anh ấy tự lo phần vướng đó.",
        "Ngoài lệ phí nộp ở quầy, {off} thu thêm của tôi {money} gọi là 'tiền công', không có giấy tờ gì.",
        "Sau khi nhận hồ sơ, {off} nhắn tin cho tôi số tài khoản và bảo chuyển {money} 'để bên anh xử lý cho'.",
        "{off} đến tận nhà tôi buổi tối, nói thẳng là muốn có giấy sớm thì 'bồi dưỡng' {money}, không thì cứ chờ.",
        "Tôi được {off} báo phải nộp {money} 'phí thẩm định nhanh'; tra trên cổng dịch vụ công thì không hề có khoản phí đó.",
        "Mỗi lần ký một tờ giấy là {pr} lại bóng gió chuyện 'uống nước', tính ra tôi đã mất gần {money}.",
        "{off} bảo bà con ai cũng 'gửi' cả, không gửi thì hồ sơ cứ để dưới cùng.",
        "Lúc trả kết quả, {off} giữ lại giấy và nói 'em vất vả mấy tuần rồi đấy', tôi phải đưa {money} mới được cầm về.",
        "Khoản thu ghi trên biên lai chỉ bằng một nửa số tiền {off} bắt tôi nộp, phần còn lại {pr} bảo là 'phí ngoài'.",
        "{off} gợi ý tôi mời đoàn đi ăn một bữa 'cho phải phép', rồi nhắn thêm là đi ăn không tiện thì gửi {money} cũng được.",
        "Người đi cùng tôi kẹp tiền vào trong tập hồ sơ, {off} nhận ngay; hồ sơ của tôi không có gì thì bị để sang một bên.",
        "{off} bán cho tôi bộ biểu mẫu giá {money}, trong khi mẫu đó được phát miễn phí và có sẵn trên mạng.",
        "Muốn được ký xác nhận, tôi phải 'ủng hộ' {off} một khoản {money}.",
        "{off} nói phải nộp {money} tiền xăng xe cho tổ xuống kiểm tra, không có phiếu thu.",
        "{off} bảo nếu tôi không muốn bổ sung giấy tờ gì thêm thì 'gửi' {money}, coi như xong.",
        "Thấy tôi chần chừ, {off} nói 'người ta đưa {money} là tuần sau có, chị tính đi'.",
        "Trước Tết, {off} nhắn cho tôi là 'hồ sơ sắp xong, chị nhớ có quà cho anh em', kèm mức {money}.",
        "Tôi hỏi khoản {money} là phí gì, {off} chỉ nói 'phí làm nhanh, ai cũng nộp', và không viết phiếu thu.",
        "{off} yêu cầu đặt cọc {money} mới cho tôi hẹn lịch, nói xong việc sẽ trả lại, nhưng đến nay vẫn không thấy trả.",
        "Tôi được {pr} dặn 'lần sau lên thì cầm theo ít tiền cà phê', rồi mới chịu nhận hồ sơ.",
        "{off} nói mức thuế đất của tôi có thể 'tính nhẹ đi' nếu tôi chi cho {pr} {money}.",
        "Đoàn kiểm tra xuống, {off} nói cơ sở tôi có nhiều lỗi, nhưng 'thông cảm' được nếu có {money}; tôi đưa thì họ đi, không lập biên bản gì.",
        "Ngay lần đầu gặp, {off} đã hỏi thẳng 'định chi bao nhiêu cho việc này'.",
        "{off} bảo giấy tờ tôi đủ nhưng 'chưa thông', muốn thông thì phải có {money} cho {pr}.",
        "Tôi trình bày hoàn cảnh khó khăn, {off} vẫn nói không có {money} thì không làm được.",
        "Hàng xóm làm cùng thủ tục đã đưa {money} nên có giấy sau vài hôm, còn tôi không đưa thì bị {off} hẹn mãi.",
        "{off} giữ bản chính giấy tờ của tôi và nói chỉ trả khi tôi nộp đủ {money} 'phí lưu hồ sơ'.",
        "Lúc đo đất xong, {off} bảo tổ đo phải được 'bồi dưỡng' {money}, ngoài số tiền đo đạc tôi đã nộp ở quầy.",
        "Tôi ghi âm được lúc {off} nói 'không có tiền thì đừng mong ký'.",
        "{off} thu của mỗi hộ {money} để 'làm nhanh danh sách', không biên lai, không ai dám hỏi lại.",
    ],
    "sach-nhieu": [
        "Lần thứ nhất {off} bảo ảnh chưa đúng kích cỡ, lần thứ hai bảo tờ khai viết tắt, lần thứ ba lại bảo chữ ký không khớp.",
        "{off} trả hồ sơ về {n} lần, mỗi lần chỉ chỉ ra đúng một lỗi nhỏ, không bao giờ nói hết một lượt.",
        "{off} hỏi tôi đủ thứ chẳng liên quan đến {doc}: tiền đâu mà mua đất, con cái làm gì, quen ai trên {w}.",
        "Tôi sửa đúng theo yêu cầu, lên lại thì {off} bảo 'sửa thế này cũng chưa được', nhưng không nói phải sửa thế nào.",
        "{off} nói bóng gió rằng ai hay phản ánh thì phải chịu khó chờ, rồi bắt tôi ngồi hết buổi.",
        "{off} soi từng dấu chấm, dấu phẩy trong tờ khai, bắt tôi viết lại cả bộ chỉ vì một chữ bị gạch.",
        "Mỗi lần lên, {pr} lại 'phát hiện' thêm một chỗ chưa ổn mà lần trước không hề nhắc tới.",
        "{off} kiểm tra cơ sở của tôi hết lần này đến lần khác, lần nào cũng dọa phạt cho bằng được.",
        "{off} bắt tôi viết bản cam kết, bản giải trình, rồi lại bản tường trình, toàn những thứ không có trong thủ tục, để 'cho chắc'.",
        "{off} cố ý kéo dài buổi làm việc, hỏi đi hỏi lại một câu, đến gần giờ nghỉ thì bảo 'thôi hôm khác'.",
        "Hồ sơ của tôi giống hệt hồ sơ người đi trước, người ta được nhận, còn {off} bảo của tôi 'có vấn đề' mà không nói vấn đề gì.",
        "{off} nhắn tôi lên gặp riêng ngoài giờ 'để trao đổi thêm', tôi không đi thì hồ sơ bị trả về.",
        "{off} bảo giấy tờ photo 'hơi mờ', bắt photo lại, lần sau lại bảo giấy 'hơi mỏng'.",
        "Tôi chỉ xin nộp lại một trang bị thiếu, {off} bắt làm lại từ đầu và xếp số lại.",
        "{off} dọa sẽ 'xem xét lại toàn bộ' giấy tờ đất nhà tôi nếu tôi còn hỏi nhiều.",
        "Từ ngày tôi phản ánh lên đường dây nóng, {off} tìm mọi cớ để không ký giấy cho nhà tôi.",
        "{off} giữ hồ sơ của tôi rồi bảo 'cứ về suy nghĩ đi, nghĩ kỹ rồi hãy quay lại', nói đi nói lại như vậy mấy lần.",
        "{off} chê cách tôi điền tờ khai, bắt tôi ngồi chép lại ngay tại bàn trong khi mọi người nhìn.",
        "Tôi mang đủ bản chính, {off} vẫn lật đi lật lại, hỏi vặn từng con số rồi bảo 'chưa thuyết phục'.",
        "{off} lấy lý do nghi giấy tờ giả để giữ {doc} của tôi, nhưng không gửi đi xác minh ở đâu cả.",
        "Lần nào tôi lên cũng bị {off} bắt đợi đến cuối buổi, trong khi người đến sau vẫn được gọi trước.",
        "{off} đòi xem cả sổ sách, điện thoại của tôi, nói là 'để kiểm tra', dù việc của tôi chỉ là {proc}.",
        "Cứ mỗi lần tôi gần xong thì {off} lại đưa ra một 'yêu cầu mới của cấp trên', không có văn bản nào.",
        "Tôi nộp qua mạng đúng mẫu, {off} gọi điện bảo mẫu đó 'cũ rồi', gửi mẫu khác, gửi xong lại bảo mẫu mới cũng 'không phù hợp'.",
        "{off} cố tình gọi tôi lên đúng những ngày tôi đã báo là đi làm ca, rồi ghi là 'công dân không hợp tác'.",
        "{off} bảo nhà tôi phải 'biết điều hơn' thì hồ sơ mới đi được, nói xong quay đi làm việc khác.",
        "Đoàn của {off} dừng xe tôi, kiểm tra đi kiểm tra lại giấy tờ gần một tiếng, dù giấy tờ đủ cả, rồi bảo 'lần sau liệu hồn'.",
        "{off} cứ chờ tôi sửa xong mới bảo còn chỗ khác, cộng lại tôi đã đi {n} lần chỉ cho một tờ giấy.",
        "Tôi hỏi rõ còn thiếu gì để bổ sung một lần, {off} trả lời 'về tự đọc quy định'.",
    ],
    "cham-tre": [
        "Đến ngày hẹn, tôi lên thì {off} bảo hồ sơ 'đang trình', hẹn tuần sau; tuần sau lên lại bảo chờ thêm.",
        "Quá hẹn đã hơn {n} tuần mà {doc} vẫn chưa có kết quả, cũng không ai gọi báo lý do.",
        "Từ {date} đến nay tôi đã lên hỏi {n} lần, lần nào cũng được trả lời 'chưa xong, về chờ'.",
        "{off} nói hồ sơ chỉ còn chờ lãnh đạo ký, nhưng chờ ký đã gần {n} tháng.",
        "Luật quy định giải quyết trong {days} ngày làm việc, vậy mà hồ sơ của tôi nằm đó hơn hai tháng.",
        "Gọi điện hỏi thì {off} bảo người phụ trách nghỉ phép, khi người đó đi làm lại thì bảo 'đang tồn nhiều hồ sơ quá'.",
        "Hồ sơ của tôi không bị yêu cầu bổ sung gì, chỉ là mãi không thấy xử lý.",
        "Người nộp sau tôi cả tháng đã nhận kết quả, còn {doc} của tôi vẫn 'đang xem xét'.",
        "{off} hẹn ba lần, lần đầu bảo cuối tuần, lần hai bảo đầu tháng, lần ba bảo 'sau Tết'.",
        "Trễ hẹn mà không có phiếu xin lỗi, không có văn bản hẹn lại ngày nào, tôi phải tự đi hỏi.",
        "{off} bảo hệ thống đang nâng cấp nên chưa làm được, hệ thống nâng cấp đã hơn một tháng.",
        "Tôi nộp từ mùa hè, nay đã sang đông, {doc} vẫn nằm ở bàn {off}.",
        "Việc thẩm định đã xong từ lâu nhưng kết quả vẫn chưa được ban hành.",
        "{off} nhận hồ sơ rồi quên, đến khi tôi hỏi mới lục ra thì thấy vẫn chưa chuyển đi đâu.",
        "Cứ mỗi lần tôi gọi, {off} lại hẹn 'mai', 'ngày kia', 'đầu tuần', đến nay đã hơn {days} ngày so với giấy hẹn.",
        "Tôi đã làm đơn đề nghị từ {date} nhưng quá thời hạn trả lời theo luật vẫn chưa nhận được văn bản nào.",
        "Hồ sơ chuyển đi chuyển lại giữa các phòng mất hơn hai tháng, không có ai thúc.",
        "Vì chậm có giấy tờ nên tôi lỡ kỳ vay vốn, ngân hàng đã hủy hồ sơ của tôi.",
        "{off} nói 'việc nhiều lắm, chị thông cảm', nhưng đã quá hạn gấp đôi thời gian quy định.",
        "Tiền hỗ trợ của đợt trước đến giờ nhà tôi vẫn chưa nhận được, hỏi thì {off} bảo 'đang làm thủ tục'.",
        "Tôi đợi gần nửa năm mà hồ sơ vẫn chưa được đưa ra xét, mỗi lần họp lại bảo 'để kỳ sau'.",
        "{off} làm việc cầm chừng, một buổi sáng chỉ giải quyết được vài hồ sơ, hồ sơ của tôi cứ thế lùi dần.",
        "Kết quả đã có từ lâu nhưng {off} không báo, tôi phải tự lên hỏi mới biết, trong khi giấy hẹn ghi sẽ gọi điện.",
        "Đến nay đã quá hạn {n} tháng, tôi vẫn chưa được nhận tiền bồi thường dù đã ký biên bản từ lâu.",
        "Tôi gửi đơn từ đầu năm, cuối năm mới có người gọi hỏi lại những thông tin đã ghi rõ trong đơn.",
    ],
    "thai-do": [
        "Tôi vừa hỏi một câu, {off} đã quát: 'Không biết đọc à, ra kia mà xem'.",
        "{off} xưng 'mày tao' với bố tôi, một người đã ngoài bảy mươi tuổi.",
        "Đang giờ làm việc mà {off} ngồi gác chân lên ghế xem phim trên điện thoại, tôi gọi mấy lần mới ngẩng lên.",
        "{off} ném tập giấy của tôi xuống bàn, nói 'làm thế này mà cũng mang lên đây'.",
        "Khi tôi xin giải thích, {off} chỉ tay vào mặt tôi và bảo 'im, tôi đang nói'.",
        "{off} vừa ăn sáng vừa làm việc, nói chuyện với dân bằng giọng khó chịu, không ai dám hỏi thêm.",
        "Thấy tôi mặc quần áo lao động, {off} bảo 'dân quê thì biết gì mà hỏi'.",
        "{off} cúp máy ngang khi tôi đang hỏi, gọi lại thì không nghe.",
        "{off} mắng một cụ già trước mặt mọi người chỉ vì cụ ngồi nhầm ghế.",
        "Tôi chào hỏi lễ phép nhưng {off} không đáp, cứ thế lướt điện thoại gần mười lăm phút.",
        "{off} nói với tôi 'hỏi gì hỏi lắm thế, có mỗi việc ấy mà cũng không hiểu'.",
        "Buổi chiều {off} đến làm việc người nồng nặc mùi rượu, nói năng lè nhè, quát cả người đến nộp hồ sơ.",
        "{off} bỏ quầy đi đâu cả buổi, dân ngồi chờ không ai tiếp, về thì còn gắt là 'đi công việc chứ chơi à'.",
        "{off} chê chữ tôi xấu, cười với đồng nghiệp ngay trước mặt tôi.",
        "Tôi người dân tộc, nói tiếng Kinh chưa sõi, {off} nhại lại giọng tôi rồi cả phòng cười.",
        "{off} đập bàn, đuổi tôi ra ngoài chỉ vì tôi xin xem lại biên bản.",
        "Trong lúc làm việc, {off} liên tục nói chuyện riêng, chửi thề, không để ý người đang đứng chờ.",
        "{off} bảo tôi 'về mà hỏi con cháu', rồi quay đi, không giải thích câu nào.",
        "Khi tôi nói sẽ phản ánh, {off} thách: 'Cứ đi mà kiện, xem ai làm gì được tôi'.",
        "{off} bỏ bàn làm việc đi đâu không rõ, quay về thì gắt gỏng với người đang chờ.",
        "{off} dùng lời lẽ xúc phạm, gọi bà con là 'lũ lắm chuyện'.",
        "Con tôi khóc vì đói, {off} quay ra quát 'mang con đi đâu thì mang, đừng làm ồn ở đây'.",
        "{off} tiếp dân với thái độ như ban ơn, trả lời nhát gừng, mặt cau có.",
        "{off} nói chuyện điện thoại riêng rất to trong phòng làm việc suốt nửa tiếng, mặc dân chờ.",
        "Tôi hỏi lại vì chưa nghe rõ, {off} gắt 'điếc à', mọi người quay lại nhìn tôi.",
        "{off} mặc quần đùi, đi dép lê tiếp công dân, vừa nói chuyện vừa hút thuốc trong phòng.",
        "Trong buổi đối thoại, {off} ngắt lời bà con liên tục, dọa 'ai nói nữa thì mời ra ngoài'.",
    ],
    "sai-quy-trinh": [
        "{off} bắt tôi nộp thêm giấy xác nhận của thôn, trong khi danh mục thành phần hồ sơ không có giấy này.",
        "Thủ tục chỉ cần xuất trình bản chính để đối chiếu, nhưng {off} đòi bản sao có chứng thực, mỗi thứ hai bộ.",
        "{off} nhận {doc} mà không viết giấy tiếp nhận, không hẹn ngày trả, chỉ bảo 'có thì gọi'.",
        "Tôi đã nộp trực tuyến và được báo hợp lệ, {off} vẫn bắt mang toàn bộ bản giấy lên nộp lại từ đầu.",
        "{off} không hướng dẫn gì, chỉ bảo thiếu giấy, hỏi thiếu giấy gì thì bảo 'về tự tìm hiểu'.",
        "{off} yêu cầu phải có sổ hộ khẩu giấy, trong khi sổ hộ khẩu đã hết giá trị từ năm 2023.",
        "Quầy tiếp nhận không có bảng niêm yết thủ tục, không có mẫu tờ khai, người dân phải tự hỏi nhau.",
        "{off} bắt đương sự phải có mặt ký trực tiếp, dù quy định cho phép ủy quyền và tôi có giấy ủy quyền hợp lệ.",
        "{off} tự đặt thêm bước 'xin ý kiến tổ dân phố' rồi mới nhận hồ sơ, quy định không có bước này.",
        "{off} bắt tôi đi xác nhận cư trú ở công an, trong khi căn cước gắn chip đã có đủ thông tin.",
        "Tổ kiểm tra của {off} vào cơ sở tôi mà không có quyết định kiểm tra, không lập biên bản, chỉ ghi chép vào sổ tay.",
        "{off} thu hồ sơ ở nhà riêng chứ không qua bộ phận một cửa, cũng không vào sổ theo dõi.",
        "{off} yêu cầu thêm văn bản đồng ý của những người không liên quan, điều mà thủ tục không hề đòi.",
        "Tôi hỏi căn cứ văn bản nào bắt nộp thêm, {off} nói 'quy định nội bộ', nhưng không đưa được văn bản.",
        "{off} trả lại hồ sơ bằng miệng, không có phiếu yêu cầu bổ sung ghi rõ thiếu gì.",
        "{off} không chấp nhận giấy tờ điện tử, bắt nộp bản giấy dù quy định đã cho dùng bản điện tử.",
        "Lịch niêm yết thủ tục trên cổng dịch vụ công khác hẳn với những gì {off} yêu cầu ở quầy.",
        "{off} đòi giấy khám sức khỏe và lý lịch có xác nhận, những thứ chẳng liên quan gì tới {proc}.",
        "Lẽ ra phải niêm yết công khai danh sách trước khi xét, nhưng {off} xét xong mới dán lên, ai thắc mắc thì bảo hết hạn.",
        "{off} ra quyết định xử phạt khi chưa lập biên bản vi phạm, không cho tôi giải trình.",
        "{off} yêu cầu nộp hồ sơ ở một phòng khác ngoài bộ phận một cửa, người dân phải chạy qua chạy lại.",
        "{off} bắt tôi tự đi lấy xác nhận của ba nơi khác nhau, trong khi việc lấy ý kiến liên ngành là trách nhiệm của cơ quan.",
        "Tôi hỏi mẫu đơn ở đâu, {off} bảo 'tự viết tay cũng được', viết xong lại bảo không đúng mẫu.",
        "{off} đo đạc đất nhà tôi mà không báo cho hộ liền kề, không có ai ký biên bản xác định ranh giới.",
        "{off} đưa tôi một tờ giấy ghi tay liệt kê giấy tờ phải nộp, khác với danh mục trên mạng.",
        "{off} tính phí theo mức cũ đã bị bãi bỏ, khi tôi đưa văn bản mới thì bảo 'ở đây vẫn làm thế'.",
    ],
    "ne-tranh": [
        "{off} bảo việc này không thuộc thẩm quyền ở đây, bảo tôi lên cấp trên; lên trên thì lại được bảo về địa phương giải quyết.",
        "{off} không nhận đơn, nói 'chuyện này phải sang bên {other}', sang bên {other} thì bảo quay về chỗ cũ.",
        "Tôi hẹn gặp {off} {n} lần, lần nào cũng được báo đi họp, đi công tác, không bao giờ gặp được.",
        "{off} nói 'chưa có hướng dẫn của cấp trên' nên không giải quyết, cũng không hỏi lên cấp trên giúp tôi.",
        "Hai bộ phận đẩy qua đẩy lại, bộ phận nào cũng bảo việc của bên kia, hồ sơ không ai chịu nhận.",
        "{off} nhận đơn nhưng không vào sổ, sau đó bảo không thấy đơn nào, tôi phải nộp lại.",
        "Hỏi ai cũng lắc đầu, người bảo hỏi văn phòng, văn phòng bảo hỏi chuyên môn, chuyên môn bảo hỏi lãnh đạo.",
        "{off} bảo tôi tự đi liên hệ với đơn vị kia rồi mang ý kiến của họ về, trong khi việc phối hợp là của cơ quan.",
        "Gửi đơn đến nay đã lâu nhưng không nhận được văn bản trả lời nào, gọi điện thì không ai nghe máy.",
        "{off} đổ cho phần mềm, đổ cho cấp trên, đổ cho người tiền nhiệm, không ai nhận trách nhiệm phần mình.",
        "{off} trả lời 'việc này không phải của tôi' rồi đứng dậy đi ra ngoài.",
        "Tôi được chuyển tiếp từ phòng này sang phòng khác {n} lần trong một buổi sáng, cuối cùng không ai tiếp.",
        "{off} từ chối nhận hồ sơ, không ghi lý do bằng văn bản, chỉ nói miệng 'về đi, ở đây không làm'.",
        "{off} bảo chờ có chỉ đạo rồi sẽ báo, từ đó im lặng, tôi nhắn tin cũng không trả lời.",
        "Tôi đến đúng lịch tiếp dân nhưng {off} vắng mặt, cũng không cử ai tiếp thay.",
        "Đơn của tôi bị chuyển vòng từ nơi này sang nơi khác, rồi lại quay về đúng chỗ tôi nộp lần đầu.",
        "{off} bảo việc của tôi 'phức tạp, để xin ý kiến', rồi giao cho người khác, người khác lại bảo chưa được giao.",
        "{off} nói bên mình chỉ nhận, còn giải quyết là bên kia; bên kia thì bảo chưa nhận được gì từ bên này.",
        "{off} khuyên tôi rút đơn về 'tự thỏa thuận với nhau', nhất quyết không ghi nhận nội dung phản ánh.",
        "Khi sự việc xảy ra, tôi báo ngay cho {off} nhưng {pr} bảo 'không phải địa bàn của tôi', không ai xuống.",
        "Cả xã lẫn đơn vị kia đều có văn bản nói việc này không thuộc trách nhiệm của mình.",
        "{off} hứa sẽ xuống xem xét hiện trường, đến nay đã {n} tháng vẫn chưa thấy ai xuống.",
        "Tôi hỏi nên nộp ở đâu cho đúng, {off} chỉ đáp 'đâu cũng được, không phải ở đây'.",
    ],
    "loi-dung": [
        "Người quen của {off} vào thẳng bàn trong, không cần lấy số, được làm xong trong buổi sáng.",
        "Danh sách được hỗ trợ có tên vợ, em gái và cháu của {off}, trong khi nhiều hộ khó khăn thật lại không có tên.",
        "{off} giới thiệu tôi sang văn phòng dịch vụ của người nhà, bảo làm ở đó thì 'đảm bảo có'.",
        "Ngoài cổng có người chuyên nhận làm hồ sơ, qua người đó thì {off} ký ngay, còn tự nộp thì bị trả về.",
        "{off} dùng xe công chở vợ con đi chơi cuối tuần, dân trong xóm ai cũng thấy.",
        "{off} ép tôi bán lại mảnh đất cho người quen của {pr} với giá rẻ thì mới xác nhận hồ sơ.",
        "{off} ưu tiên chia những chỗ tốt nhất cho người nhà, phần còn lại mới đến lượt người dân.",
        "{off} lấy thông tin trong hồ sơ của tôi để gọi điện mời mua bảo hiểm, mời vay tiền.",
        "{off} vừa làm cán bộ thẩm định vừa là chủ một công ty tư vấn, hồ sơ qua công ty đó thì được duyệt nhanh.",
        "{off} dùng tài sản của cơ quan vào việc hiếu hỷ của gia đình mình.",
        "Một nhóm 'cò' ngồi sẵn ở quán nước trước cổng, ra vào phòng làm việc của {off} như người nhà.",
        "{off} cho người thân thuê đất công với giá rất rẻ, không đấu giá, không thông báo.",
        "{off} nhận làm 'trọn gói' cho những ai chịu trả tiền qua một người trung gian, còn ai tự làm thì bị làm khó.",
        "{off} lợi dụng việc được giao kiểm đếm để kê thêm diện tích cho nhà mình và nhà người quen.",
        "Học sinh con nhà quen biết của {off} được xếp vào lớp chọn, dù không qua xét tuyển như những em khác.",
        "{off} bảo vật liệu phải mua của cửa hàng do em rể {pr} mở thì mới được nghiệm thu.",
        "Việc tuyển dụng năm nay, người trúng tuyển đều là con cháu của {off} và người trong cơ quan.",
        "{off} ép các hộ phải ký hợp đồng với công ty do người nhà mình làm chủ, ai không ký thì không được giải quyết.",
        "{off} giữ lại tiền hỗ trợ của mấy hộ già cả, nói là 'nộp hộ' nhưng không thấy nộp đi đâu.",
        "{off} dùng chức vụ để dọa tôi phải rút đơn tranh chấp với nhà họ hàng của {pr}.",
        "Người của {off} đứng ở cửa phát số thứ tự riêng cho người quen, người dân xếp hàng từ sớm lại bị đẩy xuống sau.",
        "Hồ sơ qua người môi giới được {off} ký ngay trong ngày, hồ sơ tự nộp thì bị hẹn cả tháng.",
        "{off} tự ý cho doanh nghiệp quen thân đổ đất lấn vào phần đất công của thôn.",
        "{off} đứng tên hộ người nhà để nhận suất hỗ trợ, dù gia đình {pr} thuộc diện khá giả.",
    ],
}

# ---------------------------------------------------------------- a lesser, second grievance
SIDE: dict[str, list[str]] = {
    "doi-tien": [
        "Nghe nói muốn nhanh thì phải có chút 'quà'.",
        "Có người còn bóng gió chuyện 'bồi dưỡng'.",
        "Ngoài ra tôi còn bị thu thêm một khoản không có biên lai.",
        "Lúc về còn được gợi ý 'lần sau nhớ có gì cho anh em'.",
    ],
    "sach-nhieu": [
        "Lần nào lên cũng bị bắt bẻ vài lỗi vặt.",
        "Lại còn bị hỏi vặn đủ chuyện không liên quan.",
        "Trước đó tôi cũng đã bị trả hồ sơ mấy lần vì những lỗi rất nhỏ.",
    ],
    "cham-tre": [
        "Hồ sơ trước đó cũng đã bị trễ hẹn mấy ngày.",
        "Việc giải quyết cũng chậm hơn giấy hẹn.",
        "Kết quả thì có muộn gần một tuần.",
    ],
    "thai-do": [
        "Cách nói chuyện cũng chẳng niềm nở gì.",
        "Cán bộ nói năng cũng hơi cộc.",
        "Thái độ tiếp dân thì lạnh nhạt.",
        "Lúc tôi hỏi lại còn bị gắt một câu.",
    ],
    "sai-quy-trinh": [
        "Lại còn không đưa giấy biên nhận.",
        "Hướng dẫn thì mù mờ, mỗi người nói một kiểu.",
        "Bảng niêm yết thủ tục cũng không có.",
    ],
    "ne-tranh": [
        "Hỏi ai cũng bảo không phải việc của mình.",
        "Có lúc còn bảo sang chỗ khác hỏi.",
        "Gọi đường dây nóng thì không ai nghe.",
    ],
    "loi-dung": [
        "Trong khi người quen của họ thì được làm trước.",
        "Cò mồi đứng đầy ngoài cổng.",
        "Thấy mấy người 'dịch vụ' ra vào phòng làm việc rất thoải mái.",
    ],
}

# ---------------------------------------------------------------- neutral material
AFTER = [
    "Tôi đã phải nghỉ làm {n} buổi để đi lại.",
    "Mỗi lần đi lại mất cả buổi, tốn tiền xe.",
    "Tôi còn giữ giấy hẹn và tin nhắn, sẵn sàng cung cấp.",
    "Hôm đó có mấy người cùng thôn chứng kiến.",
    "Tôi có ghi âm lại cuộc nói chuyện.",
    "Chuyện này không chỉ xảy ra với gia đình tôi.",
    "Tôi đã báo với trưởng thôn nhưng thôn cũng không giúp được gì.",
    "Tôi đã gọi đường dây nóng một lần, được ghi nhận nhưng chưa thấy trả lời.",
    "Bố tôi già yếu, mỗi lần đi lại rất vất vả.",
    "Vì việc này mà kế hoạch làm ăn của gia đình bị đình lại.",
    "Tôi có chụp ảnh lại giấy tờ và thời gian từng lần đến.",
    "Hôm đó là {date}, khoảng {time}.",
    "Người làm chứng là {name}, người cùng xóm với tôi.",
    "Con tôi sắp đến hạn nhập học mà vẫn chưa có giấy tờ.",
    "Tôi phải vay mượn khắp nơi trong lúc chờ.",
]
FEELING = [
    "Tôi thấy rất bức xúc.",
    "Người dân chúng tôi rất mệt mỏi.",
    "Tôi không biết phải kêu ai.",
    "Thật sự quá đáng.",
    "Tôi rất mong được giải quyết sớm.",
    "Gia đình tôi rất hoang mang.",
    "Tôi thấy mất niềm tin vào cán bộ.",
    "Làm dân khổ quá.",
    "Như thế có đúng không?",
    "Tôi viết ra đây mong được lắng nghe.",
]
ASK_ANY = [
    "Đề nghị cơ quan chức năng xem xét.",
    "Kính mong lãnh đạo các cấp quan tâm giải quyết.",
    "Đề nghị kiểm tra, làm rõ và trả lời cho tôi.",
    "Mong được trả lời bằng văn bản.",
    "Đề nghị xác minh và xử lý theo quy định.",
    "Tôi mong sự việc được làm rõ.",
    "Rất mong nhận được phản hồi.",
]
ASK: dict[str, list[str]] = {
    "doi-tien": [
        "Đề nghị xử lý nghiêm việc vòi tiền người dân.",
        "Đề nghị làm rõ các khoản thu ngoài quy định.",
        "Mong các cơ quan chấm dứt tình trạng 'bôi trơn' khi làm thủ tục.",
    ],
    "sach-nhieu": [
        "Đề nghị chấn chỉnh việc gây khó dễ cho dân.",
        "Mong cơ quan chức năng xử lý tình trạng nhũng nhiễu này.",
        "Đề nghị làm rõ vì sao hồ sơ của tôi bị làm khó.",
    ],
    "cham-tre": [
        "Đề nghị giải quyết hồ sơ đúng thời hạn.",
        "Mong hồ sơ của tôi sớm có kết quả.",
        "Đề nghị làm rõ trách nhiệm để hồ sơ quá hạn.",
    ],
    "thai-do": [
        "Đề nghị nhắc nhở cán bộ về thái độ phục vụ nhân dân.",
        "Mong cán bộ ăn nói cho phải phép với người dân.",
        "Đề nghị chấn chỉnh tác phong của cán bộ tiếp dân.",
    ],
    "sai-quy-trinh": [
        "Đề nghị thực hiện đúng thủ tục đã niêm yết.",
        "Đề nghị làm rõ căn cứ yêu cầu thêm giấy tờ.",
        "Mong cơ quan hướng dẫn đúng quy định cho người dân.",
    ],
    "ne-tranh": [
        "Đề nghị xác định rõ cơ quan nào có trách nhiệm giải quyết.",
        "Mong có một nơi chịu trách nhiệm tiếp nhận đơn của tôi.",
        "Đề nghị không để tình trạng đùn đẩy kéo dài.",
    ],
    "loi-dung": [
        "Đề nghị làm rõ việc ưu ái người quen.",
        "Đề nghị điều tra mối quan hệ giữa cán bộ và những người làm dịch vụ.",
        "Đề nghị xử lý việc lợi dụng chức vụ.",
    ],
}

# Subject lines of formal petitions; half of them restate the category (stated once, at the top).
SUBJECT_ANY = [
    "V/v: phản ánh việc giải quyết hồ sơ của gia đình tôi",
    "V/v: đề nghị xem xét, giải quyết {doc}",
    "V/v: phản ánh, kiến nghị",
    "V/v: phản ánh cán bộ trong quá trình giải quyết thủ tục hành chính",
]
SUBJECT: dict[str, list[str]] = {
    "doi-tien": ["V/v: phản ánh cán bộ đòi tiền ngoài quy định", "V/v: tố cáo hành vi nhận tiền của người dân"],
    "sach-nhieu": ["V/v: phản ánh cán bộ gây phiền hà, sách nhiễu", "V/v: phản ánh việc cố tình gây khó khăn"],
    "cham-tre": ["V/v: hồ sơ quá hạn chưa được giải quyết", "V/v: đề nghị giải quyết hồ sơ trễ hẹn"],
    "thai-do": ["V/v: phản ánh thái độ tiếp dân của cán bộ", "V/v: phản ánh tác phong, lời nói của cán bộ"],
    "sai-quy-trinh": [
        "V/v: phản ánh việc yêu cầu giấy tờ ngoài quy định",
        "V/v: giải quyết thủ tục không đúng quy trình",
    ],
    "ne-tranh": ["V/v: đơn không được tiếp nhận, giải quyết", "V/v: phản ánh việc đùn đẩy trách nhiệm"],
    "loi-dung": ["V/v: tố cáo cán bộ lợi dụng chức vụ", "V/v: phản ánh việc ưu ái người thân, móc nối cò"],
    "khac": ["V/v: đề nghị hướng dẫn thủ tục", "V/v: kiến nghị"],
}

# ---------------------------------------------------------------- wider readings of each category
# Complaints often blame the office rather than one officer, and each category covers more
# than its stock case: doi-tien is also any charge no rule allows (extra fees, "voluntary"
# contributions made compulsory, overcharging, money kept instead of refunded);
# loi-dung is also embezzling what citizens entrusted, using the body's name or assets for
# private ends, privileges officials give themselves and their kin, coercion by rank;
# sach-nhieu is also reprisal against someone who complained (summons, repeated checks);
# ne-tranh is also not acting when called on (an emergency, a petition left unanswered).
EPISODES["doi-tien"] += [
    "{office} thu của mỗi hộ {money} gọi là đóng góp tự nguyện, nhưng nhà nào không nộp thì không được ký giấy tờ gì.",
    "Ngoài các khoản niêm yết, {office} còn thu thêm mấy khoản không có trong danh mục thu công khai, hỏi thì bảo 'năm nào cũng thế'.",
    "Các khoản {office} thu của người dân đều cao hơn mức giá được duyệt, không có vé hay phiếu thu.",
    "{off} thu của các hộ mỗi nhà một khoản, nói là để lo 'chi phí bên trên' cho việc {proc}.",
    "Khoản tiền tôi đã nộp cho việc không được làm, {off} giữ luôn, không chịu hoàn lại.",
    "Mỗi lần làm giấy tờ ở {office} đều phải nộp một khoản 'phí' không có biên lai, người nghèo cũng không được miễn.",
    "{off} bắt chúng tôi mua ấn phẩm, lịch và báo với giá {money} mới giải quyết hồ sơ.",
    "Các khoản thu năm nay tăng gần gấp đôi mà không họp dân, không có văn bản nào, {off} chỉ bảo 'cấp trên giao'.",
    "{off} thu tiền phạt {money} của tôi nhưng không viết biên lai, không có quyết định xử phạt.",
    "Để được xét vào danh sách hỗ trợ, mỗi hộ phải 'góp' cho {off} {money}.",
    "{off} nhận tiền của bà con để 'lo' thủ tục, nói là chi phí cho cấp trên, nhưng không ai được giấy tờ gì.",
    "Tôi nộp tiền theo thông báo của {office}, sau mới biết khoản đó đã bị bãi bỏ từ lâu.",
]
EPISODES["loi-dung"] += [
    "Tiền người dân nhờ {off} nộp hộ vào ngân sách, {pr} không nộp mà giữ lại tiêu riêng.",
    "{off} dùng danh nghĩa và con dấu cơ quan cho việc riêng của gia đình mình.",
    "Nhà {off} làm sai quy định về đất đai mà không ai xử lý, trong khi hộ dân làm tương tự thì bị lập biên bản ngay.",
    "{off} dùng quyền của mình ép người dân ký vào biên bản nhận lỗi mà họ không gây ra.",
    "Hồ sơ của người có 'dịch vụ' thì {off} vui vẻ làm ngay, còn người dân tự đi làm thì bị lạnh nhạt, hẹn tới hẹn lui.",
    "Qua 'cò' thì vài ngày có kết quả vì cò có người quen bên trong, còn xếp hàng đúng quy trình thì phải chờ cả tháng.",
    "{off} tự ý đem đất công của thôn cho người nhà thuê, không họp dân, tiền thuê không ai biết ở đâu.",
    "{off} sử dụng xe và người của cơ quan vào việc riêng trong giờ hành chính.",
    "{off} chỉ định nhà thầu là công ty của người thân, công trình làm xong đã xuống cấp.",
    "Khoản tiền hỗ trợ của người dân được {off} giữ lại nhiều tháng, khi bị hỏi mới trả một phần.",
    "{off} nhận hồ sơ của người quen trước, giấu hồ sơ của người không quen xuống dưới.",
    "{off} dùng chức vụ để can thiệp cho em trai mình được trúng thầu dự án ở địa phương.",
    "Con của {off} được xếp việc ngay trong cơ quan dù không thi tuyển.",
]
EPISODES["sach-nhieu"] += [
    "Sau khi tôi lên tiếng phản ánh, {off} liên tục triệu tập tôi lên làm việc, lần nào cũng kéo dài.",
    "Sau khi tôi gửi đơn phản ánh, {office} liên tục cử người đến kiểm tra nhà tôi, hết chuyện này đến chuyện khác.",
    "Lúc gia đình đang gặp chuyện gấp, {off} vẫn bắt đi lấy thêm giấy nọ giấy kia, đi lại mấy lần mới xong.",
    "{off} bắt bẻ đủ thứ, trả về vì những lỗi vặt vãnh, lần sau lại nêu lỗi khác.",
    "Tôi là người đi làm thủ tục đàng hoàng, vậy mà {off} ngồi chờ rồi bảo không thấy hồ sơ, tìm ra rồi lại bảo thiếu một thứ vặt.",
    "{off} dừng xe tôi không có lý do, giữ giấy tờ cả buổi rồi mới trả, không lập biên bản.",
    "Vì tôi không 'hiểu ý', {off} cứ kiếm cớ hẹn lại, mỗi lần một lý do.",
    "{off} đe dọa sẽ cho đóng cửa cơ sở nếu tôi còn đi phản ánh.",
    "Hồ sơ đã đủ nhưng {off} bắt sửa đi sửa lại bản vẽ, viết lại đơn mấy lần vì những lỗi không đáng.",
]
EPISODES["ne-tranh"] += [
    "Lúc cần người xử lý gấp, {off} đang trực lại từ chối, bảo để hôm khác, bà con phải tự xoay xở.",
    "Bà con kiến nghị nhiều lần nhưng {office} không cử ai làm việc với dân.",
    "{off} chỉ trả lời một câu 'không có quy định' rồi thôi, không hướng dẫn phải làm gì, không chuyển cho ai.",
    "Tôi xin gặp {off} để hỏi thì lần nào {pr} cũng lảng tránh, cử người ra bảo đi vắng.",
    "{office} bảo tôi đi hỏi nơi khác, nơi đó lại bảo về hỏi {office}, đến giờ chưa ai trả lời.",
    "Tôi gửi đơn đã quá thời hạn mà không nhận được thông báo thụ lý hay không thụ lý.",
    "{off} hẹn sẽ xuống giải quyết nhưng rồi không xuống, gọi điện thì bảo việc này 'để xã tự lo'.",
    "Đơn gửi đi nơi nào cũng bị chuyển về lại nơi bị phản ánh, không ai đứng ra giải quyết.",
]
EPISODES["cham-tre"] += [
    "Giấy tờ gửi cho tôi bị chuyển chậm, đến lúc nhận thì đã quá hạn.",
    "Giấy tờ của gia đình tôi nằm ở {office} rất lâu mà không ai báo cho nhà tôi.",
    "Hồ sơ nộp đã rất lâu vẫn nằm trong tủ của {off}, hỏi thì bảo chờ thêm.",
    "Tiền chế độ đáng lẽ được nhận từ lâu nhưng đến nay gia đình tôi vẫn chưa được chi trả.",
    "{office} đã hứa trả lời trong tháng, vậy mà đã hơn hai tháng vẫn im lặng.",
    "Thiết bị hỏng nên {office} bắt tôi chờ hết tuần này sang tuần khác mà không có hẹn cụ thể.",
    "Việc bồi thường đã có kết luận từ năm trước nhưng đến nay vẫn chưa được thực hiện.",
]
EPISODES["sai-quy-trinh"] += [
    "{office} làm thủ tục mà bỏ qua các bước bắt buộc, không có quyết định, không thông báo cho người dân.",
    "{off} nhận hồ sơ mà không đưa giấy biên nhận, chỉ hẹn miệng.",
    "{off} bắt người dân ký đơn 'tự nguyện' làm những việc trái với quy định đã công bố.",
    "Hồ sơ bị trả về nhưng không có văn bản nêu lý do, chỉ được báo miệng qua điện thoại.",
    "{office} tự ý cho người ngoài sử dụng chỗ đã giao cho người khác mà không có quyết định nào.",
    "{off} ghi sai thông tin trong hồ sơ của tôi rồi bắt tôi tự đi đính chính, dù lỗi là của cơ quan.",
    "{office} tổ chức xét duyệt mà không niêm yết, không họp thôn, danh sách do một mình {off} lập.",
    "{off} đưa ra quyết định mà không mời gia đình tôi đến làm việc, cũng không cho xem biên bản.",
]
EPISODES["thai-do"] += [
    "Hỏi gì {off} cũng nhăn mặt, trả lời cộc lốc, không hướng dẫn, như thể người dân làm phiền.",
    "{off} vừa uống rượu xong đến nơi làm việc, nói năng thô lỗ, chửi thề với người dân.",
    "{off} còn quát to khi thấy bà con ghi âm, ghi hình.",
    "{off} tiếp dân mà mắt không rời điện thoại, trả lời qua loa rồi bảo về.",
    "{off} to tiếng trước mặt bệnh nhân và người nhà, bảo 'không thích thì đi chỗ khác mà khám'.",
]

# ---------------------------------------------------------------- more ways to tell each category
# Short, plain retellings as people type them, and longer ones that state the outcome.
EPISODES["doi-tien"] += [
    "Muốn được xác nhận nhanh thì phải 'gửi' {off} một ít, ai cũng biết thế nên chẳng ai dám không gửi.",
    "Đóng tiền xong {off} không đưa phiếu thu, tôi xin thì bảo 'tin nhau là được'.",
    "{off} bảo phí chính thức là một chuyện, còn 'phí anh em' lại là chuyện khác.",
    "Cả xóm bị thu mỗi nhà {money} cho việc {proc}, hỏi tiền đó nộp vào đâu thì không ai trả lời.",
    "Tôi không muốn mất tiền oan nhưng không đưa {money} thì {doc} cứ nằm đó.",
    "Khi kiểm tra xong, {off} ngồi lại uống nước rồi nói thẳng là 'phải có gì cho anh em về'.",
    "Tiền tôi nộp theo thông báo cao hơn hẳn mức thu mà cơ quan niêm yết, phần chênh lệch không ai giải thích.",
    "{off} nói 'không có tiền thì chịu khó chờ', người có tiền thì được làm trước.",
    "{off} đòi tôi chuyển khoản {money} 'tiền hồ sơ' vào số tài khoản mang tên một người lạ.",
    "Ai muốn được ưu tiên trong đợt này thì phải nộp cho {off} {money}, nộp rồi vẫn không có giấy biên nhận.",
    "Lúc tôi đến nhận, {off} bảo 'còn thiếu tiền công chuyển hồ sơ', đòi thêm {money}.",
    "{off} giữ lại một phần tiền hỗ trợ của nhà tôi, bảo là 'phí làm thủ tục', trong khi thủ tục này không thu phí.",
]
EPISODES["sach-nhieu"] += [
    "Giấy tờ đủ cả, {off} vẫn bảo 'để xem đã', hẹn tôi lên lại, lên lại thì bảo 'chưa xem'.",
    "{off} bắt tôi đứng chờ ngoài cửa, gọi vào rồi lại bảo ra, cứ thế mấy lần trong buổi sáng.",
    "Chỉ vì tôi hỏi lại căn cứ, {off} bảo 'thích thì làm, không thích thì thôi' và gạt hồ sơ sang một bên.",
    "Tôi bị {off} bắt phải tự mang hồ sơ đi xin chữ ký của từng người, từng nơi, mất cả tuần.",
    "Mỗi lần tôi đến, {off} lại hỏi những câu đã hỏi lần trước, như cố tình cho tôi phải quay về.",
    "{off} cứ nói lấp lửng 'hồ sơ này khó lắm', 'để anh tính', mục đích là để tôi phải chạy theo.",
    "Vì trước đây tôi có ý kiến trong buổi họp dân, nay {off} tìm cách làm khó mỗi khi tôi cần giấy tờ.",
    "Tổ công tác đến nhà tôi nhiều lần trong tháng, lần nào cũng kiểm tra một thứ khác, không có văn bản.",
    "Cơ sở của tôi vừa được kiểm tra xong thì tuần sau {off} lại dẫn đoàn khác xuống kiểm tra đúng những nội dung cũ.",
    "{off} lật từng trang, chỉ vào những chỗ không sai mà bảo sai, rồi đòi viết lại cho 'đẹp'.",
]
EPISODES["cham-tre"] += [
    "Đã quá hẹn mà không ai báo, tôi gọi mãi mới có người nghe, bảo 'đang chờ'.",
    "{doc} của tôi cứ 'đang xử lý' trên hệ thống suốt mấy tháng nay.",
    "Người ta nộp cùng đợt đều có rồi, riêng của tôi thì vẫn chưa, cũng không ai giải thích vì sao.",
    "Đơn gửi từ năm ngoái đến nay vẫn chưa có kết quả giải quyết.",
    "Tôi đã chờ hơn {n} tháng, đi lại mấy chục cây số mỗi lần, kết quả vẫn là 'tuần sau'.",
    "Thời hạn giải quyết là {days} ngày mà đến nay đã gấp mấy lần thời hạn.",
    "Mọi giấy tờ đã ký xong từ lâu, chỉ còn khâu trả kết quả mà cũng không làm.",
    "Kết luận đã có, nhưng việc thực hiện kết luận thì kéo dài mãi không xong.",
    "Khoản trợ cấp hằng tháng của mẹ tôi bị chậm liền mấy tháng, hỏi thì bảo chờ danh sách.",
    "Hẹn trả lời trong mười ngày, nay đã gần một quý.",
]
EPISODES["thai-do"] += [
    "{off} nói chuyện với dân bằng giọng ra lệnh, hỏi câu nào cũng bị gạt đi.",
    "Tôi vừa bước vào, {off} đã cau mặt hỏi 'lại việc gì nữa đây'.",
    "Người già hỏi chậm, {off} tỏ vẻ bực bội, thở dài, gõ bút xuống bàn.",
    "{off} gọi người dân bằng 'ê', 'này', không một lời xưng hô tử tế.",
    "Có mặt ở nơi làm việc mà {off} cứ ngồi nói chuyện phiếm, bảo dân 'đợi đấy'.",
    "{off} lớn tiếng với chúng tôi ngay giữa cuộc họp dân, còn đuổi người ra khỏi hội trường.",
    "{off} chửi bới công nhân vì khai sai một chi tiết, lời lẽ rất nặng nề.",
    "Khi tôi trình bày, {off} quay đi nói chuyện điện thoại, xong thì bảo 'nói lại đi, nãy không nghe'.",
]
EPISODES["sai-quy-trinh"] += [
    "Mỗi người ở {office} hướng dẫn một kiểu, làm theo người này thì người kia bảo sai.",
    "{off} bảo tôi nộp bản giấy ở một nơi rồi lại nộp bản điện tử ở nơi khác, hai bên yêu cầu khác nhau.",
    "Việc đáng lẽ cơ quan tự liên thông thì {off} bắt tôi tự cầm giấy chạy từng nơi.",
    "{office} xử lý đơn của tôi không đúng trình tự, chuyển đơn sai nơi có thẩm quyền.",
    "{off} làm lộ thông tin của người phản ánh, giờ hàng xóm ai cũng biết tôi là người đi báo.",
    "Kết luận được đưa ra mà không xác minh tại chỗ, không mời các bên đối chất.",
    "Hồ sơ bị trả lại vì 'lãnh đạo có ý kiến', nhưng không có văn bản nào ghi ý kiến đó.",
    "{off} bắt ký vào biên bản để trống nội dung, bảo 'về sẽ ghi sau'.",
]
EPISODES["ne-tranh"] += [
    "Tôi báo nhiều lần mà không đơn vị nào xuống kiểm tra, ai cũng bảo không phải việc của mình.",
    "Gọi lên tổng đài thì bảo ngoài phạm vi, chuyển sang bộ phận khác rồi im luôn.",
    "Việc đã được hứa giải quyết ở buổi đối thoại nhưng sau đó không ai làm, hỏi thì mỗi người đẩy cho một nơi.",
    "{off} hết giờ là đóng cửa, bảo 'mai quay lại', mai quay lại cũng bảo hết giờ.",
    "Bà con ký đơn đã mấy lần mà cơ quan chức năng vẫn chưa có ai đến xem xét.",
    "{office} trả lời rằng việc này cấp dưới làm, cấp dưới lại nói phải chờ cấp trên.",
    "Đơn gửi đến nơi nào cũng nhận được một tờ phiếu chuyển đơn, không nơi nào giải quyết.",
]
EPISODES["loi-dung"] += [
    "{off} tự ý dùng tiền của quỹ chung vào việc khác, sổ sách ghi một đằng làm một nẻo.",
    "Có khoản tiền lớn để ngoài sổ sách, không ai giải thích được đã chi vào việc gì.",
    "{off} ký khống chứng từ, hợp thức hóa bằng hóa đơn để rút tiền của cơ quan.",
    "Vì tôi góp ý về sai phạm trong cơ quan mà {off} tìm cách trù dập, cắt phụ cấp, bắt làm việc nặng.",
    "{off} dựa vào chức vụ để chiếm một phần đất công làm lối đi riêng cho nhà mình.",
    "Người nhà của {off} được cấp suất tái định cư đẹp nhất, dù không thuộc diện bị thu hồi đất.",
    "{off} sắp xếp cho người thân vào hội đồng chấm điểm, kết quả ai cũng đoán trước được.",
    "Tài sản công bị {off} cho mượn làm việc riêng rồi không trả.",
    "{off} đi chơi với các doanh nghiệp đang chịu sự quản lý của chính cơ quan mình, được họ bao toàn bộ.",
    "{off} lấy danh nghĩa cơ quan để xin tài trợ của doanh nghiệp cho việc riêng.",
]

# The head of the body named in passing (received the reporter, promised, signed, thanked):
# not the one accused, so no escalation (docs/taxonomy.md §2). `{head}`: the head's wording.
HEAD_MENTIONED = [
    "Tôi đã được {head} tiếp và hứa chỉ đạo giải quyết, nhưng đến nay {off} vẫn chưa làm.",
    "{head} đã ký duyệt đúng hạn, vậy mà {off} vẫn giữ lại không giao cho tôi.",
    "Tại buổi tiếp công dân, {head} đã giao bộ phận chuyên môn trả lời trong tháng, nhưng {off} vẫn im lặng.",
    "Tôi cảm ơn {head} đã ghi nhận ý kiến, nhưng mong việc của {off} được xử lý đến nơi đến chốn.",
    "{head} đã nhắc nhở {off} một lần, được vài hôm lại đâu vào đấy.",
    "Tôi có gửi thư cho {head}, được trả lời là sẽ kiểm tra, nhưng {off} vẫn làm như cũ.",
    "Trong buổi đối thoại, {head} đã nhận trách nhiệm chỉ đạo, còn người trực tiếp gây khó là {off}.",
]

# Wordings widened after reading how complaints are put in newspapers' readers' pages and
# feedback portals (paraphrased; no sentence taken over).
EPISODES["doi-tien"] += [
    "Bị dừng xe, tôi nhận lỗi và xin nộp phạt theo quy định, nhưng {off} không lập biên bản mà 'xin' luôn {money} rồi cho đi.",
    "{off} nhận tiền 'tạm ứng' của tôi để lo giấy tờ, không viết giấy biên nhận, đến nay giấy tờ cũng chưa có.",
    "Phiếu thu {off} đưa cho tôi không ghi số, không ghi nội dung thu, chỉ có một chữ ký viết tắt.",
]
EPISODES["loi-dung"] += [
    "Người thân quen với {off} thì được làm giấy mang đến tận nhà, còn người không quen thì phải đi lại mấy lần.",
    "Trong khi dân xếp hàng theo số thứ tự, {off} lại bận làm cho những người không có tên trong danh sách để kiếm thêm ngoài luồng.",
    "{off} làm hồ sơ 'dịch vụ' cho người quen ngay trong giờ làm việc, còn hồ sơ của dân thì để đó.",
]
EPISODES["sach-nhieu"] += [
    "{off} đã xin lỗi tôi trước mặt mọi người, nhưng sau đó lại tìm cách 'hành' lại mỗi khi nhà tôi cần giấy tờ.",
    "{off} ra oai, hạch hỏi đủ điều, bắt tôi giải trình những việc không liên quan đến thủ tục.",
]
EPISODES["cham-tre"] += [
    "Tôi báo sự việc ngay lúc xảy ra, nhưng mãi rất lâu sau {off} mới có mặt, rồi lại hẹn lên trụ sở làm tường trình vào hôm khác.",
    "Mỗi lần trễ hẹn lại có một tờ phiếu xin lỗi, nhưng hồ sơ thì vẫn không nhúc nhích.",
]
EPISODES["ne-tranh"] += [
    "Gọi điện báo thì mãi mới có người nghe, nghe xong lại bảo gọi số khác, số khác thì không ai bắt máy.",
    "{off} bảo tôi chờ lãnh đạo về rồi tính, lãnh đạo về thì lại bảo việc này đã giao cho {off}.",
]
EPISODES["sai-quy-trinh"] += [
    "{off} bắt nộp bản sao có chứng thực cho cả những giấy tờ mà quy định chỉ cần bản chụp kèm bản chính để đối chiếu.",
    "Hai nơi cùng làm một thủ tục mà mỗi nơi yêu cầu một kiểu giấy tờ, không nơi nào đúng với danh mục đã công bố.",
]
EPISODES["thai-do"] += [
    "{off} trả lời cộc lốc, nhăn trán nhíu mày với cả những người đáng tuổi cha mẹ mình.",
    "{off} quát mắng xối xả những người đưa hồ sơ vào không đúng lúc, không giải thích câu nào.",
]

# Procedure broken in the many ways the law lays one down (sai-quy-trinh), and obstruction
# in its many forms (sach-nhieu): written from the rules of procedure, not from any report.
EPISODES["sai-quy-trinh"] += [
    "{off} tạm giữ giấy tờ và tài sản của tôi mà không lập biên bản tạm giữ, không đưa cho tôi bản nào.",
    "{off} vào nhà tôi kiểm tra khi gia đình vắng mặt, không có người chứng kiến, không có quyết định.",
    "{office} giải quyết đơn của tôi khi chưa xác minh, chưa làm việc với người bị phản ánh, rồi kết luận luôn.",
    "Việc thuộc thẩm quyền của cấp trên nhưng {off} tự ý ra văn bản giải quyết.",
    "{off} không giữ bí mật thông tin người phản ánh, để lộ tên tôi cho người bị phản ánh biết.",
    "Quyết định được ban hành mà không nêu căn cứ, không ghi quyền khiếu nại của người dân.",
    "{off} ký thay người có thẩm quyền, văn bản không đúng thể thức.",
    "Kết quả xét duyệt không được niêm yết công khai theo quy định, người dân không biết để có ý kiến.",
    "{off} ghi biên bản khác với nội dung buổi làm việc, rồi bắt tôi ký.",
    "{office} thu hồi giấy tờ đã cấp cho tôi mà không có quyết định thu hồi, chỉ báo miệng.",
    "{off} tự đặt ra điều kiện riêng, ngoài những điều kiện luật quy định, mới cho làm thủ tục.",
    "{office} không lấy ý kiến các hộ liên quan như quy định mà vẫn phê duyệt phương án.",
    "{off} làm việc với tôi ngoài trụ sở, buổi tối, không có biên bản, không có người chứng kiến.",
    "Hồ sơ của tôi bị chuyển sang bộ phận khác xử lý mà không có văn bản chuyển, không ai báo.",
]
EPISODES["sach-nhieu"] += [
    "Tôi bị {off} gọi lên trụ sở liên tục để 'làm rõ', hỏi đi hỏi lại một chuyện, không có kết luận gì.",
    "{off} cố tình kéo dài, mỗi lần chỉ nhận một phần giấy tờ, phần còn lại bảo để lần sau.",
    "{off} bắt tôi chờ từ sáng đến trưa chỉ để ký một chữ, trong khi không có ai khác đang làm.",
    "Hễ tôi có ý kiến trong họp thôn là hôm sau {off} lại cho người đến kiểm tra nhà tôi.",
    "{off} bắt tôi viết lại đơn vì 'chữ không đẹp', 'lời lẽ không chuẩn', dù nội dung đầy đủ.",
    "Không có lý do chính đáng, {off} vẫn giữ giấy tờ của tôi và hẹn 'khi nào rảnh thì lên lấy'.",
    "{off} đòi đối chiếu những giấy tờ đã đối chiếu lần trước, như thể cố ý để tôi đi thêm một chuyến.",
    "{off} dọa không cấp giấy tờ cho cả nhà nếu tôi không rút ý kiến phản ánh.",
]
EPISODES["ne-tranh"] += [
    "Tôi đề nghị gặp người có trách nhiệm, {off} bảo 'không ai có thẩm quyền trả lời việc này'.",
    "{office} nhận đơn rồi để đó, không thụ lý, không trả lại, cũng không hướng dẫn tôi gửi nơi khác.",
]
EPISODES["sai-quy-trinh"] += [
    "{office} cấp phép cho cơ sở khi cơ sở chưa đáp ứng đủ điều kiện theo quy định.",
    "Đã có văn bản chỉ đạo xử lý, nhưng {off} không thực hiện, mọi việc vẫn như cũ.",
    "{off} kết luận qua loa, không xác minh thực tế, không mời người phản ánh đến làm việc.",
    "Việc xác minh kéo dài quá thời hạn luật định mà không có thông báo gia hạn cho người tố cáo.",
]
