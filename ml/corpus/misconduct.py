"""How citizens describe each kind of misconduct (category codes of docs/taxonomy.md §3).

PRED: predicates that follow the accused officer ("{off} đòi 2 triệu mới nhận hồ sơ").
NARR: several-sentence narratives; some never use the category's stock words, so the
      category must be inferred from what happened.
MINOR: one short sentence about a side issue, added to reports whose primary
       category is another one.
Slots: {off} officer, {doc} the file, {proc} the procedure (verb phrase), {money},
{n} a small number, {days} a number of days, {date}, {time}, {name} an officer's initial.
"""

PRED = {
    "doi-tien": [
        "đòi {money} tiền bồi dưỡng mới nhận {doc}",
        "gợi ý phải có {money} 'tiền cà phê' thì {doc} mới đi nhanh",
        "nói thẳng muốn xong sớm thì gửi {money}",
        "bắt nộp thêm {money} ngoài lệ phí mà không có biên lai",
        "nhận phong bì {money} của người đi trước rồi mới làm cho họ",
        "bảo phải bôi trơn {money} thì mới ký",
        "thu {money} gọi là phí dịch vụ nhưng không ghi hóa đơn",
        "nhắn tin xin {money} để 'lo' cho {doc}",
        "đòi {money} mới trả kết quả",
        "ra giá {money} trọn gói cho {doc}",
        "nói phải 'cảm ơn' anh em {money} thì tuần sau có",
        "thu tiền hồ sơ {money} trong khi niêm yết là miễn phí",
        "đòi chi ngoài {money} cho việc {proc}",
        "ám chỉ phải có 'phong bì' thì mới xong việc",
        "gạ tôi chuyển khoản {money} vào tài khoản cá nhân",
        "bắt đóng {money} 'phí ngoài' mới được {proc}",
    ],
    "sach-nhieu": [
        "cố tình gây khó dễ, bắt sửa {doc} hết lần này đến lần khác",
        "hạch sách đủ điều, soi từng dấu chấm dấu phẩy trong {doc}",
        "làm khó tôi suốt mấy tuần chỉ vì tôi không chịu 'nhờ' anh ấy",
        "nhũng nhiễu, mỗi lần lên lại bắt thêm một lỗi nhỏ",
        "hành dân, bắt tôi đi lại {n} lần chỉ để sửa một chữ",
        "trả {doc} về {n} lần, mỗi lần chỉ ra đúng một lỗi vặt",
        "bới lông tìm vết để không giải quyết {doc} cho tôi",
        "cứ lấy cớ chữ ký không giống để làm khó",
        "bắt tôi chờ cả buổi rồi lại bảo chiều quay lại, chiều lên thì bảo mai",
        "vặn vẹo đủ kiểu để tôi phải nhờ người quen của họ làm",
        "bắt chụp lại ảnh, in lại tờ khai {n} lần dù tờ khai đúng mẫu",
        "gây phiền hà, nói khó nghe để tôi phải 'hiểu ý'",
    ],
    "cham-tre": [
        "hẹn {days} ngày trả {doc} mà giờ quá hạn cả tháng vẫn chưa có",
        "hẹn lần hẹn lữa, hết tuần này đến tuần khác",
        "ngâm {doc} của tôi gần {n} tháng nay",
        "trễ hẹn {n} lần liền, lần nào cũng bảo chờ ký",
        "làm việc cầm chừng, {doc} nộp từ {date} đến giờ chưa xử lý",
        "để {doc} quá hạn mà không có văn bản xin lỗi hay giải thích",
        "cứ bảo 'đang trình', 'chờ lãnh đạo ký', đã hơn {days} ngày",
        "giải quyết {doc} rất chậm, người nộp sau đã có kết quả",
        "giữ {doc} quá thời hạn niêm yết mà không báo lý do",
        "hẹn trả kết quả ngày {date} nhưng đến nay vẫn chưa xong",
        "để hồ sơ nằm im trên bàn mấy tháng trời",
    ],
    "thai-do": [
        "quát nạt tôi giữa phòng đông người",
        "có thái độ hách dịch, nói trống không với người già",
        "không thèm trả lời khi tôi hỏi, mắt cứ dán vào điện thoại",
        "vừa tiếp dân vừa chơi điện thoại, hỏi mãi mới ngẩng lên",
        "lớn tiếng mắng tôi là 'không biết chữ à'",
        "cáu gắt, ném {doc} ra ngoài quầy",
        "nói năng xấc xược, bảo tôi 'về mà hỏi người khác'",
        "ăn sáng, nói chuyện riêng trong giờ làm, để dân đứng chờ",
        "chửi thề ngay tại quầy khi tôi hỏi lại",
        "thiếu tôn trọng, xưng hô mày tao với người dân",
        "mặt lạnh tanh, gõ bàn đuổi tôi ra ngoài",
        "vừa làm vừa cười cợt, chê người dân quê mùa",
        "tắt máy ngang khi tôi gọi hỏi, gọi lại thì không nghe",
    ],
    "sai-quy-trinh": [
        "bắt nộp thêm giấy tờ không có trong quy định",
        "yêu cầu bản sao công chứng trong khi quy định chỉ cần xuất trình bản chính",
        "không hướng dẫn gì, chỉ bảo 'về làm lại'",
        "đòi thêm giấy xác nhận của thôn mà thủ tục không yêu cầu",
        "yêu cầu sai quy định, bắt tôi phải có xác nhận cư trú dù đã có căn cước gắn chip",
        "nhận {doc} mà không viết giấy biên nhận, không hẹn ngày trả",
        "bắt nộp {doc} bản giấy dù tôi đã nộp trực tuyến đầy đủ",
        "không cho biết thiếu gì, mỗi lần chỉ nói một thứ",
        "làm sai thành phần hồ sơ so với niêm yết trên cổng dịch vụ công",
        "bắt nộp lệ phí ở chỗ khác rồi mới nhận hồ sơ, không theo quy trình một cửa",
        "tự đặt thêm bước 'xin ý kiến thôn' không có trong thủ tục",
        "không có phiếu hướng dẫn, không có mẫu tờ khai để người dân tham khảo",
    ],
    "ne-tranh": [
        "đùn đẩy, bảo việc này không phải của bộ phận mình",
        "không tiếp nhận {doc}, bảo lên chỗ khác mà hỏi",
        "né tránh, hẹn gặp thì không bao giờ có mặt",
        "bảo tôi lên tỉnh, lên tỉnh lại bảo về xã",
        "từ chối nhận đơn mà không nói lý do",
        "đẩy qua đẩy lại giữa hai bộ phận, không ai chịu trách nhiệm",
        "cứ bảo 'chưa có hướng dẫn' để không giải quyết",
        "không nhận {doc}, bảo tôi tự đi hỏi nơi khác",
        "trả lời 'không thuộc thẩm quyền' nhưng không chỉ nơi có thẩm quyền",
        "đổ cho hệ thống lỗi, đổ cho cấp trên, không ai nhận phần mình",
    ],
    "loi-dung": [
        "ưu ái người quen, cho họ làm trước dù họ đến sau",
        "giới thiệu tôi qua 'dịch vụ' của người nhà anh ta thì mới nhanh",
        "qua cò thì nhanh, tự làm thì bị làm khó, cò đứng ngay cửa",
        "lợi dụng chức vụ ép tôi bán lại mảnh đất với giá rẻ",
        "móc nối với cò bên ngoài, hồ sơ của cò được ký ngay trong ngày",
        "xếp người nhà vào danh sách được hỗ trợ dù không đủ điều kiện",
        "dùng thông tin trong hồ sơ của tôi để gọi điện mời chào dịch vụ",
        "bắt phải làm ở văn phòng dịch vụ của vợ anh ấy mới nhận",
        "lấy xe công đi việc riêng, đưa đón con cái",
        "cho người quen chen ngang, phát số thứ tự riêng cho người nhà",
    ],
    "khac": [],
}

NARR = {
    "doi-tien": [
        "Nộp {doc} xong, {off} kéo tôi ra hành lang nói nhỏ: 'Muốn nhanh thì em lo cho, {money} trọn gói'. Tôi không đưa thì {doc} cứ nằm đó.",
        "Lúc nhận {doc} {off} bảo lệ phí {money}. Về tra trên cổng dịch vụ công mới biết thủ tục này lệ phí chỉ vài chục nghìn, mà tôi cũng không được đưa biên lai.",
        "{off} nói với tôi 'anh em vất vả, chị có lòng thì tùy'. Thấy người trước kẹp tờ {money} vào hồ sơ là được gọi ngay, tôi không có thì ngồi chờ.",
        "Sau {n} lần đi lại, {off} nhắn Zalo cho tôi số tài khoản, bảo chuyển {money} 'chi phí đi lại' thì tuần sau có kết quả.",
        "Hàng xóm tôi làm cùng thủ tục đưa {money} thì ba hôm có kết quả. Tôi không đưa nên bị hẹn tới hẹn lui. Rõ ràng {off} muốn tiền.",
    ],
    "sach-nhieu": [
        "Lần đầu {off} bảo thiếu ảnh, lần hai bảo tờ khai ghi sai tên thôn, lần ba lại bảo chữ ký không giống trong căn cước. {n} lần đi lại, mỗi lần chỉ được nói một lỗi.",
        "{off} bảo {doc} của tôi 'có vấn đề' nhưng không nói vấn đề gì, chỉ bảo 'chị về suy nghĩ xem nên làm thế nào'. Tôi hiểu ý nhưng không chịu.",
        "Tôi mang đủ giấy tờ theo niêm yết, {off} lật qua lật lại rồi bảo ảnh chụp 'hơi tối', bắt chụp lại. Lần sau lại bảo giấy photo 'hơi mờ'.",
        "Người khác nộp cùng loại hồ sơ thì được nhận luôn, riêng tôi thì {off} soi từng chữ, bắt ký lại từng trang. Tôi thấy mình bị làm khó có chủ ý.",
    ],
    "cham-tre": [
        "Tôi nộp {doc} từ {date}, giấy hẹn ghi {days} ngày. Đến hẹn lên thì {off} bảo chờ thêm tuần nữa. Tuần sau lên lại bảo sếp đi vắng. Giờ đã gần {n} tháng.",
        "Giấy biên nhận ghi trả kết quả sau {days} ngày làm việc. Tôi đã lên {n} lần, lần nào {off} cũng bảo 'đang trình'. Không ai nói bao giờ xong.",
        "{doc} của tôi nộp từ {date}. Gọi điện hỏi thì {off} bảo đang làm, đến hỏi thì bảo chưa tới lượt. Tôi không biết phải chờ đến bao giờ.",
        "Cả tháng nay tôi bỏ việc đi lại {n} lần chỉ để hỏi {doc} đến đâu. Lần nào cũng một câu 'tuần sau quay lại'. Người nộp sau tôi đã có kết quả.",
    ],
    "thai-do": [
        "Tôi hỏi lại lần thứ hai vì không nghe rõ, {off} đập bàn: 'Nói bao nhiêu lần rồi, điếc à?'. Mọi người trong phòng đều nghe thấy. Tôi năm nay đã ngoài 70 tuổi.",
        "Đến quầy lúc {time}, {off} đang xem video trên điện thoại, tôi chào không thấy trả lời. Đứng 20 phút mới được hỏi một câu cộc lốc 'gì?'.",
        "{off} nói chuyện với dân như quát con, ai hỏi nhiều là bị mắng 'không hiểu thì về hỏi con cháu'.",
        "Tôi mang con nhỏ đi theo, con khóc thì {off} quay sang mắng 'mang con đi làm gì, ra ngoài'. Tôi thấy rất tủi thân.",
    ],
    "sai-quy-trinh": [
        "Trên cổng dịch vụ công ghi thành phần hồ sơ chỉ gồm tờ khai và bản sao căn cước. {off} lại bắt tôi nộp thêm giấy xác nhận của thôn và sổ hộ khẩu cũ đã bị bỏ.",
        "{off} nhận {doc} nhưng không ghi phiếu hẹn, không cho số biên nhận. Tôi hỏi thì bảo 'cứ về đi, có thì gọi'.",
        "Tôi hỏi cần những gì, {off} không giải thích mà chỉ đưa tờ giấy ghi tay. Về làm đủ theo tờ đó, lên lại bảo còn thiếu mấy thứ khác không có trong tờ.",
        "Tôi đã nộp {doc} trực tuyến và được báo hợp lệ, nhưng {off} vẫn bắt mang bản giấy lên nộp lại từ đầu và điền thêm tờ khai khác.",
    ],
    "ne-tranh": [
        "Tôi đến nộp {doc}, {off} bảo việc này bên kia làm. Sang bên kia thì được bảo phải quay lại chỗ cũ. Đi qua đi lại cả buổi, không ai nhận.",
        "{off} bảo 'chuyện này phải lên tỉnh'. Tôi lên tỉnh thì được trả lời là thẩm quyền của địa phương. Về lại thì {off} tránh mặt.",
        "Tôi làm đơn từ {date}, hỏi thì ai cũng bảo không phải việc của mình. Đến giờ không biết đơn nằm ở đâu, ai chịu trách nhiệm.",
        "Gọi điện thì {off} bảo đang họp, đến tận nơi thì bảo đi công tác, hẹn gặp {n} lần đều không có mặt. Rõ ràng là tránh.",
    ],
    "loi-dung": [
        "Ngoài cổng có mấy người mời làm 'dịch vụ' {doc}, {money} là xong trong tuần. Tôi tự nộp thì bị trả về mãi, còn hồ sơ qua họ thì {off} ký ngay. Tôi tin là có móc nối.",
        "{off} bảo tôi muốn nhanh thì qua văn phòng của 'người nhà' anh ấy ở đầu ngõ. Tôi không đi thì hồ sơ bị để đó.",
        "Danh sách hộ được hỗ trợ năm nay có nhà em ruột và con dâu của {off}, trong khi mấy hộ khó khăn thật trong thôn lại bị loại.",
        "Tôi đến từ {time} lấy số, {off} gọi mấy người vừa tới vào làm trước vì là chỗ quen biết. Người dân xếp hàng thì phải chờ.",
    ],
    "khac": [
        "Cho tôi hỏi {proc} thì cần những giấy tờ gì và nộp ở đâu?",
        "Xin hỏi {doc} nộp trực tuyến được không hay phải lên tận nơi?",
        "Tôi muốn hỏi lệ phí {proc} hiện nay là bao nhiêu, có được miễn cho người cao tuổi không?",
        "Tôi xin cảm ơn {off} đã hướng dẫn tận tình, chỉ một buổi là tôi {proc} xong.",
        "Xin khen {off}: nhiệt tình, làm nhanh, còn gọi điện nhắc tôi bổ sung giấy tờ.",
        "Đề nghị bố trí thêm ghế ngồi chờ, người già phải đứng cả buổi.",
        "Máy lấy số thứ tự hỏng cả tuần nay, người dân phải tự xếp hàng, đề nghị sửa sớm.",
        "Khu vực để xe không có mái che, trời mưa xe ướt hết, đề nghị làm thêm mái che.",
        "Cổng dịch vụ công bị lỗi không tải được tệp đính kèm khi tôi {proc}, mong được khắc phục.",
        "Đề nghị niêm yết rõ hơn các thủ tục và lệ phí, bảng niêm yết cũ mờ không đọc được.",
        "Nhà vệ sinh ở nơi tiếp dân bẩn và không có nước, đề nghị quan tâm.",
        "Tôi đề nghị mở thêm giờ làm việc sáng thứ bảy để người đi làm có thể {proc}.",
        "Có thể gửi kết quả {doc} về nhà qua bưu điện không, nhà tôi ở xa đi lại khó khăn?",
        "Tôi thấy {off} làm việc rất chu đáo, mong các cơ quan khác học tập.",
        "Đường vào nơi làm thủ tục ngập nước mỗi lần mưa, xin đề nghị sửa lại.",
        "Xin hỏi {proc} thì mất bao nhiêu ngày theo quy định?",
        "Biểu mẫu trên mạng khác với biểu mẫu ở quầy, không biết dùng mẫu nào cho đúng?",
        "Loa gọi số nhỏ quá, người ngồi cuối phòng không nghe được.",
        "{off} đến muộn, uống rượu buổi trưa rồi về làm việc người nồng nặc mùi bia.",
        "Wifi và máy tính tự phục vụ ở sảnh không dùng được, đề nghị kiểm tra.",
    ],
}

MINOR = {
    "doi-tien": ["Nghe nói muốn nhanh thì phải có chút 'quà'.", "Còn gợi ý chuyện tiền nong nữa."],
    "sach-nhieu": ["Lần nào lên cũng bị bắt bẻ vài lỗi vặt.", "Lại còn bắt sửa tờ khai mấy lần."],
    "cham-tre": ["Trước đó hồ sơ cũng đã bị trễ hẹn mấy ngày.", "Việc thì chậm như rùa."],
    "thai-do": ["Thái độ thì cũng chẳng niềm nở gì.", "Nói năng cũng hơi cộc."],
    "sai-quy-trinh": ["Lại còn không đưa giấy biên nhận.", "Hướng dẫn thì mù mờ."],
    "ne-tranh": ["Hỏi ai cũng bảo không phải việc của mình.", "Có lúc còn bảo sang chỗ khác hỏi."],
    "loi-dung": ["Trong khi người quen của họ thì được làm trước.", "Cò mồi đứng đầy ngoài cổng."],
    "khac": ["Chỗ ngồi chờ thì chật chội, nóng bức.", "Máy lấy số cũng hỏng."],
}

# Texts of category `khac` need no accused officer: the compliment and suggestion kinds.
KHAC_NEEDS_OFFICER = {i for i, t in enumerate(NARR["khac"]) if "{off}" in t}

# ---- more narratives where the category must be inferred (few stock words)
NARR["doi-tien"] += [
    "Tôi hỏi lệ phí bao nhiêu thì {off} giơ năm ngón tay, bảo 'năm trăm, không biên lai đâu'. Trên bảng niêm yết thì thủ tục này miễn phí.",
    "{off} hẹn tôi ra quán nước gần đó 'nói chuyện', rồi bảo hồ sơ kiểu này phải có {money} để anh em 'đi lại'.",
    "Cứ mỗi lần ký một tờ là {off} lại hỏi 'có gì cho anh em uống nước không'. Tôi đã đưa {money} rồi mà vẫn chưa xong.",
    "Biên lai ghi {money} nhưng {off} thu của tôi gấp đôi, bảo phần còn lại là 'phí làm nhanh'.",
]
NARR["sach-nhieu"] += [
    "Tôi nộp đúng mẫu mới nhất tải trên cổng dịch vụ công. {off} bảo mẫu đó 'không dùng ở đây', đưa mẫu khác, điền xong lại bảo điền sai dòng, bắt viết lại từ đầu.",
    "Mỗi lần lên {off} lại hỏi vặn 'đất này mua của ai, tiền đâu ra', những chuyện không liên quan gì đến {doc}, rồi bảo về bổ sung giải trình.",
    "Tôi đi lại từ tháng trước, lần nào {off} cũng tìm ra một lý do mới: khi thì sai dấu, khi thì ảnh không đúng nền, khi thì bảo chữ viết tay khó đọc.",
]
NARR["cham-tre"] += [
    "Giấy hẹn ghi ngày {date} trả kết quả. Đến nay đã qua hơn {n} tuần, tôi gọi thì {off} bảo 'chờ thêm', đến thì bảo 'chưa về'.",
    "Tôi nộp {doc} đã {n} tháng, hàng xóm nộp cùng đợt cũng chưa ai nhận được gì. Hỏi {off} thì chỉ được câu 'cứ về chờ'.",
    "Lần đầu {off} hẹn {days} ngày, lần hai hẹn sang tuần, lần ba bảo cuối tháng. Bây giờ {doc} vẫn nằm nguyên trong tủ.",
]
NARR["thai-do"] += [
    "{off} vừa ăn hạt hướng dương vừa nghe tôi trình bày, rồi phẩy tay 'biết rồi, về đi'. Tôi chưa nói hết câu.",
    "Tôi xin phép hỏi thêm một câu thì {off} gắt lên 'hỏi gì mà hỏi lắm thế', cả phòng quay lại nhìn.",
    "Người ta đứng chờ cả hàng, {off} ngồi gọi video với người nhà gần nửa tiếng mới chịu làm tiếp.",
]
NARR["sai-quy-trinh"] += [
    "Theo thủ tục chỉ cần tờ khai và giấy tờ tùy thân, nhưng {off} đòi thêm giấy xác nhận không tiền án, bản sao sổ hộ khẩu và ảnh 4x6.",
    "{off} nhận {doc} rồi để trên bàn, không vào sổ, không cho phiếu hẹn. Đến khi tôi hỏi lại thì bảo chưa nhận được gì.",
    "Tôi hỏi cần những gì thì {off} bảo 'tự lên mạng mà xem', trong khi ở quầy không có bảng hướng dẫn nào.",
]
NARR["ne-tranh"] += [
    "{off} bảo việc của tôi phải hỏi bên {other}. Bên {other} lại bảo phải có ý kiến của chỗ cũ. Tôi cầm {doc} đi qua đi lại {n} lượt.",
    "Tôi mang {doc} đến, {off} không nhận mà bảo 'để xin ý kiến', từ đó đến nay không ai liên hệ lại, hỏi thì không ai biết.",
    "Đến lần thứ {n}, {off} vẫn nói 'để hỏi cấp trên', cấp trên thì không bao giờ có mặt để gặp.",
]
NARR["loi-dung"] += [
    "Người quen của {off} vào thẳng trong phòng, không cần lấy số. Hồ sơ của họ ký luôn trong buổi sáng, còn tôi nộp từ tuần trước vẫn chờ.",
    "{off} gợi ý tôi bán lại lô đất cho 'một người anh em' với giá rẻ thì hồ sơ sẽ được duyệt ngay.",
    "Tôi thấy {off} nhận hồ sơ của một người đứng ngoài cổng mang vào cả chồng, rồi ký ngay. Người đó sau đó ra mời tôi làm 'dịch vụ' {money}.",
]
NARR["khac"] += [
    "Tôi muốn góp ý: nên có số điện thoại đường dây nóng dán ở cửa để người dân hỏi khi cần.",
    "Xin hỏi tôi đang ở tỉnh khác thì có {proc} được không hay phải về tận nơi?",
    "Cảm ơn {off} đã gọi điện hướng dẫn tôi bổ sung hồ sơ, làm rất nhanh.",
    "Bãi đỗ xe trước cổng chật, xe máy để tràn ra đường, đề nghị bố trí lại.",
    "{off} thường xuyên vắng mặt buổi chiều để đi đánh cầu lông, không rõ có đúng giờ giấc không.",
]
# ---- narratives that describe several behaviours; the category is the primary one
# (docs/taxonomy.md §3): repeated demands for papers the rules do not require is
# sai-quy-trinh even when the officer is also curt; obstruction aimed at getting
# something ("phải biết điều") is sach-nhieu; an explicit sum is doi-tien; brokers
# working with staff is loi-dung; a file left unhandled for weeks is cham-tre.
NARR["sai-quy-trinh"] += [
    "Lần đầu {off} bảo thiếu giấy xác nhận của thôn, lần sau đòi thêm bản sao sổ hộ khẩu, lần thứ {n} lại bắt giấy khám sức khỏe, toàn những thứ thủ tục không yêu cầu. Tôi hỏi căn cứ thì {off} chỉ nói cộc lốc 'quy định thế'.",
    "Mỗi lần lên, {off} lại đòi thêm một loại giấy mới không có trong danh mục niêm yết. Đi lại {n} lần tôi vẫn chưa nộp được {doc}.",
    "{doc} đã đủ theo niêm yết nhưng {off} bắt phải có xác nhận của xã, rồi xác nhận của công an, rồi bản sao công chứng. Không ai hướng dẫn một lần cho đủ, lại còn bị trễ mất {n} tuần.",
    "{off} yêu cầu tôi nộp bản chính sổ hộ khẩu giấy, trong khi sổ hộ khẩu đã bỏ từ lâu. Tôi giải thích thì bị gắt, nhưng cái sai chính là yêu cầu không đúng quy định.",
]
NARR["sach-nhieu"] += [
    "Giấy tờ tôi đủ cả, {off} vẫn bắt bổ sung lần thứ {n}, rồi nói bóng gió 'làm thế này thì còn lâu, phải biết điều một chút'. Tôi hiểu họ muốn gì nhưng không chịu.",
    "{off} cầm {doc} lật đi lật lại, chê chỗ này chỗ kia, bảo 'về nghĩ cách đi rồi quay lại'. Người đi cùng tôi 'gửi' riêng thì được làm ngay.",
    "Tôi bị {off} gọi lên {n} lần chỉ để hỏi những chuyện không liên quan, lần nào cũng kết thúc bằng câu 'chị tự hiểu nhé'.",
]
NARR["cham-tre"] += [
    "Quá hẹn {n} tuần, tôi gọi hỏi thì {off} nói trống không 'chưa xong' rồi tắt máy. Đến nay {doc} vẫn chưa có kết quả.",
    "{doc} nộp đủ từ {date}, không bị yêu cầu bổ sung gì, nhưng đến nay vẫn chưa xong. Mỗi lần hỏi {off} chỉ bảo chờ.",
]
NARR["thai-do"] += [
    "Tôi chỉ hỏi {doc} đến đâu rồi, {off} quát ầm lên 'hỏi lắm thế, về đi', trước mặt bao nhiêu người. Tôi chưa bao giờ bị đối xử như vậy.",
    "Hồ sơ thì vẫn đúng hẹn, nhưng cách {off} nói chuyện với người già như mắng con cháu, tôi thấy không chấp nhận được.",
]
NARR["ne-tranh"] += [
    "{off} không nhận {doc}, bảo sang bên {other} hỏi; bên đó lại đẩy về. Thành ra {n} tuần trôi qua mà hồ sơ chưa ai chịu nhận.",
    "Cả {n} lần tôi đến, {off} đều nói việc này không thuộc trách nhiệm của mình, nhưng cũng không nói là của ai.",
]
NARR["doi-tien"] += [
    "Hồ sơ bị ngâm {n} tuần, đến khi {off} gợi ý gửi {money} 'cho nhanh' thì tôi mới hiểu vì sao.",
    "{off} liên tục bắt bổ sung giấy tờ, cuối cùng nói thẳng: 'đưa {money} thì khỏi bổ sung gì nữa'.",
]
NARR["loi-dung"] += [
    "Hồ sơ tự nộp thì bị trả về vì thiếu giấy, nhưng người cò ngoài cổng bảo đưa {money} là xong, và đúng là hồ sơ qua cò được {off} ký ngay.",
    "{off} là người nhà của chủ doanh nghiệp trúng thầu, ai cũng biết nhưng vẫn ngồi thẩm định hồ sơ đó.",
]
OTHER_DESKS = ["địa chính", "tư pháp", "văn phòng", "một cửa", "tài chính", "chính sách", "chuyên môn"]

# Escalation narratives: the head (or deputy) of the body is accused, sometimes with a subordinate.
ESCALATE_NARR = {
    "doi-tien": [
        "{off2} nói thẳng hồ sơ phải qua {head} ký, mà muốn {head} ký nhanh thì gửi {money}. Tôi đã đưa tận tay {head} tại phòng làm việc.",
        "{head} trực tiếp gọi tôi lên phòng, bảo trường hợp của tôi 'khó', muốn xong thì chuẩn bị {money}.",
    ],
    "loi-dung": [
        "{head} chỉ đạo {off2} đưa người nhà vào danh sách được hỗ trợ, trong khi hộ tôi đủ điều kiện lại bị loại.",
        "{head} ký giao đất công cho em rể mình làm ki ốt, dân trong thôn ai cũng biết.",
        "{off2} nói hồ sơ của người quen {head} thì được ưu tiên, còn dân thường phải chờ.",
    ],
    "thai-do": [
        "Tại buổi tiếp dân, {head} quát tôi 'đừng có dạy đời' rồi bỏ ra ngoài, trước mặt rất nhiều người.",
    ],
    "ne-tranh": [
        "Lịch tiếp dân ghi {head} tiếp vào thứ năm, nhưng {n} lần tôi đến đều được bảo đi họp. Đơn gửi {head} từ {date} chưa có trả lời.",
    ],
    "sach-nhieu": [
        "Hồ sơ của tôi đã đủ, {off2} trình lên nhưng {head} không ký, bắt bổ sung hết lần này đến lần khác mà không nói rõ lý do.",
    ],
    "cham-tre": [
        "{off2} nói hồ sơ xong từ lâu, chỉ chờ {head} ký. Đã hơn {n} tháng {head} vẫn giữ lại không ký.",
    ],
    "sai-quy-trinh": [
        "{head} tự ý ra quy định mọi hồ sơ phải có chữ ký của trưởng thôn mới được nhận, không có văn bản nào quy định như vậy.",
    ],
}
