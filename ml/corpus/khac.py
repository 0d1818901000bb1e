# ruff: noqa: E501  (phrase tables: one phrase per line)
"""Reports that accuse no officer of misconduct: category `khac` (docs/taxonomy.md §3).

Questions, thanks, suggestions, disagreement with a decision or a policy, grievances
about neighbours, firms, roads or noise. Several are told at length, with the same words
("hồ sơ", "hẹn", "lệ phí", "cán bộ") that misconduct stories use, so that these words
alone do not make a category. `GENERIC` fits every agency (slots as in `stories`);
`BY_AGENCY` holds subject matter one body handles.
"""

from __future__ import annotations

CLOSE = ["Xin cảm ơn.", "Mong được trả lời.", "Trân trọng.", "Cảm ơn các anh chị.", "Mong được hướng dẫn."]

GENERIC = [
    "Cho tôi hỏi {proc} thì cần những giấy tờ gì và nộp ở đâu?",
    "Xin hỏi {doc} nộp trực tuyến được không hay phải lên tận nơi?",
    "Tôi muốn hỏi lệ phí {proc} hiện nay là bao nhiêu, có được miễn cho người cao tuổi không?",
    "Tôi xin cảm ơn {off} đã hướng dẫn tận tình, chỉ một buổi là tôi {proc} xong.",
    "Xin khen {off}: nhiệt tình, làm nhanh, còn gọi điện nhắc tôi bổ sung giấy tờ.",
    "Đề nghị bố trí thêm ghế ngồi chờ ở {office}, người già phải đứng cả buổi.",
    "Máy lấy số thứ tự ở {office} hỏng cả tuần nay, đề nghị sửa sớm.",
    "Cổng dịch vụ công bị lỗi không tải được tệp đính kèm khi tôi {proc}, mong được khắc phục.",
    "Đề nghị niêm yết rõ hơn các thủ tục và lệ phí, bảng niêm yết cũ mờ không đọc được.",
    "Tôi đề nghị mở thêm giờ làm việc sáng thứ bảy để người đi làm có thể {proc}.",
    "Có thể gửi kết quả {doc} về nhà qua bưu điện không, nhà tôi ở xa đi lại khó khăn?",
    "Xin hỏi {proc} thì mất bao nhiêu ngày theo quy định?",
    "Biểu mẫu trên mạng khác với biểu mẫu ở quầy, không biết dùng mẫu nào cho đúng?",
    "Tôi ở tỉnh khác, có thể ủy quyền cho người nhà {proc} được không?",
    "Tôi nộp {doc} ngày {date}, được hẹn {days} ngày, đúng hẹn đã có kết quả. Xin cảm ơn {off}.",
    "Tôi đã nộp lệ phí {money} và nhận biên lai đầy đủ. Nhờ hướng dẫn thêm khi nhận kết quả có cần mang bản chính không?",
    "Tôi không đồng ý với kết quả giải quyết {doc} của {office}, vì tôi cho rằng trường hợp của mình đủ điều kiện. Đề nghị xem xét lại.",
    "Hồ sơ của tôi bị từ chối vì không đủ điều kiện theo quy định. Tôi hiểu là cán bộ làm đúng, nhưng gia đình thật sự khó khăn, mong được xem xét hỗ trợ theo hướng khác.",
    "Mức hỗ trợ hiện nay quá thấp so với thực tế, đề nghị tỉnh nghiên cứu điều chỉnh.",
    "Quy định mới về {proc} còn nhiều điểm người dân chưa hiểu, đề nghị có buổi hướng dẫn ở thôn.",
    "Tôi đề nghị cho phép nộp bản chụp qua điện thoại thay cho bản photo để người dân đỡ đi lại.",
    "Tôi gửi đơn này để hỏi tiến độ {doc}, không phải để khiếu nại ai. Nếu cần bổ sung gì xin báo cho tôi.",
    "Nhờ cơ quan giải thích giúp vì sao năm nay mức thu {proc} khác năm trước, tôi không rõ nên hỏi.",
    "Đường vào {office} ngập nước mỗi lần mưa, đề nghị sửa lại.",
    "Bãi đỗ xe trước {office} chật, xe máy để tràn ra đường, đề nghị bố trí lại.",
    "Nhà vệ sinh ở nơi tiếp dân bẩn và không có nước, đề nghị quan tâm.",
    "Tôi muốn góp ý: nên có số điện thoại đường dây nóng dán ở cửa để người dân hỏi khi cần.",
    "Loa gọi số nhỏ quá, người ngồi cuối phòng không nghe được.",
    "Tôi bị mất giấy hẹn, xin hỏi có cách nào tra cứu tình trạng {doc} không?",
    "Gia đình tôi xin được hướng dẫn thủ tục {proc} cho người khuyết tật không tự đi được.",
    "Cán bộ đã giải thích rõ hồ sơ thiếu giấy gì, tôi đã bổ sung. Xin hỏi thêm bao lâu thì có kết quả?",
    "Tôi viết để ghi nhận {off}: hôm đó đông người nhưng vẫn làm việc đến quá giờ để dân không phải quay lại.",
]

BY_AGENCY: dict[str, list[str]] = {
    "xa": [
        "Nhà bên cạnh xây tường lấn sang phần đất nhà tôi khoảng nửa mét. Tôi đã nói chuyện nhưng họ không chịu, đề nghị xã tổ chức hòa giải.",
        "Hàng xóm nuôi chó thả rông, cắn người đi đường mấy lần rồi. Đề nghị xã nhắc nhở.",
        "Loa phát thanh của thôn đặt sát nhà tôi, phát từ năm giờ sáng, rất to. Đề nghị chuyển loa ra chỗ khác.",
        "Đường liên thôn đoạn qua xóm tôi có mấy ổ gà lớn, trời mưa đọng nước. Đề nghị xã cho sửa.",
        "Đèn đường ở thôn tôi hỏng cả tháng nay, buổi tối đi lại rất tối. Mong xã cho thay bóng.",
        "Rác thải ở điểm tập kết đầu làng không được thu gom đều, bốc mùi. Đề nghị xã tăng số lần thu gom.",
        "Một nhóm thanh niên tụ tập uống rượu, hát karaoke đến khuya ở nhà văn hóa thôn. Đề nghị xã nhắc nhở.",
        "Tôi muốn hỏi con tôi sinh ở tỉnh khác thì đăng ký khai sinh ở xã nơi thường trú được không?",
        "Gia đình tôi xin xác nhận hộ nghèo năm nay nhưng không được xét vì thu nhập vượt chuẩn. Tôi chấp hành, chỉ mong xã xem xét cho con tôi được hỗ trợ học phí theo diện khác.",
        "Mấy hộ trong xóm đổ đất lấn ra mương thoát nước, mưa to là ngập. Đề nghị xã kiểm tra.",
        "Tôi đề nghị xã lắp thêm biển báo giảm tốc ở đoạn cổng trường tiểu học.",
        "Tôi muốn đăng ký tham gia lớp dạy nghề miễn phí của xã thì liên hệ ai?",
    ],
    "so-nong-nghiep-moi-truong": [
        "Xưởng chế biến gần nhà tôi xả nước thải đen ra mương, cá chết, mùi hôi cả xóm. Đề nghị kiểm tra.",
        "Trại lợn của một hộ trong thôn gây mùi hôi nặng, ruồi nhặng nhiều. Đề nghị cơ quan môi trường xuống kiểm tra.",
        "Tôi không đồng ý với đơn giá bồi thường đất nông nghiệp khi thu hồi làm đường, giá thấp hơn nhiều so với giá chuyển nhượng thực tế. Đề nghị xem xét lại.",
        "Xin hỏi đất vườn liền kề đất ở thì chuyển mục đích sang đất ở phải nộp bao nhiêu tiền?",
        "Tôi muốn hỏi sổ đỏ cấp năm 1995 có bắt buộc đổi sang mẫu mới không?",
        "Kênh tưới đoạn qua cánh đồng thôn tôi bị bồi lấp, nước không về được ruộng. Đề nghị nạo vét.",
        "Một số người khai thác cát trái phép trên sông vào ban đêm, bờ sông sạt lở vào đất vườn. Đề nghị kiểm tra.",
        "Xin hướng dẫn thủ tục đăng ký trồng rừng sản xuất để được hỗ trợ giống.",
        "Cây trồng của gia đình bị sâu bệnh lạ, đề nghị trạm bảo vệ thực vật xuống hướng dẫn.",
    ],
    "so-xay-dung": [
        "Đường tỉnh qua địa phương tôi xuống cấp, đề nghị sớm duy tu, sửa chữa.",
        "Cầu tạm qua suối bị lũ cuốn, học sinh phải lội nước đi học. Đề nghị làm cầu mới.",
        "Xin hỏi khu đất nhà tôi có nằm trong quy hoạch mở đường không, tra ở đâu?",
        "Nhà ở xã hội ở thành phố bao giờ nhận hồ sơ, điều kiện thu nhập thế nào?",
        "Công trình thi công trên đường tỉnh để đất đá vương vãi, không có biển cảnh báo, đã có người ngã xe.",
        "Tôi muốn hỏi xe tải của tôi đăng kiểm ở tỉnh khác có được không?",
        "Đề nghị bố trí thêm tuyến xe buýt từ huyện về thành phố, học sinh sinh viên đi lại khó khăn.",
    ],
    "so-tai-chinh": [
        "Xin hỏi thành lập hộ kinh doanh và thành lập công ty khác nhau thế nào về thuế và thủ tục?",
        "Giá một số mặt hàng thiết yếu ở chợ tăng mạnh sau bão, đề nghị kiểm tra việc niêm yết giá.",
        "Doanh nghiệp chúng tôi đề nghị được hướng dẫn thủ tục điều chỉnh dự án đầu tư sau sáp nhập địa giới.",
        "Trụ sở cũ của xã sau sáp nhập bỏ hoang, xuống cấp, đề nghị sớm có phương án sử dụng.",
        "Xin hỏi đăng ký thay đổi người đại diện theo pháp luật có nộp qua mạng được không?",
    ],
    "so-noi-vu": [
        "Xin hỏi tôi nghỉ việc ở công ty được ba tháng thì còn được hưởng trợ cấp thất nghiệp không?",
        "Ông nội tôi là liệt sĩ, gia đình muốn hỏi thủ tục cấp lại bằng Tổ quốc ghi công bị mất.",
        "Công ty nợ lương công nhân hai tháng rồi đóng cửa, chúng tôi đề nghị cơ quan lao động can thiệp.",
        "Mức trợ cấp người có công hiện nay còn thấp, đề nghị tỉnh xem xét hỗ trợ thêm.",
        "Tôi là cán bộ không chuyên trách nghỉ theo sắp xếp, xin hỏi chế độ được hưởng thế nào?",
        "Đề nghị công bố rõ lịch thi tuyển công chức năm nay để thí sinh chuẩn bị.",
    ],
    "so-giao-duc-dao-tao": [
        "Phòng học của trường tiểu học ở bản xuống cấp, mưa là dột. Đề nghị sửa chữa trước năm học mới.",
        "Xin hỏi điều kiện tuyển sinh vào lớp 10 trường chuyên năm nay có gì thay đổi?",
        "Con tôi chuyển trường từ tỉnh khác về, xin hướng dẫn thủ tục.",
        "Đề nghị bố trí xe đưa đón học sinh vùng xa, các cháu phải đi bộ mấy cây số.",
        "Tôi bị mất bằng tốt nghiệp THPT, xin hỏi thủ tục cấp bản sao.",
    ],
    "so-y-te": [
        "Bệnh viện tuyến tỉnh quá tải, bệnh nhân nằm ghép hai ba người một giường. Đề nghị có giải pháp.",
        "Tôi muốn cảm ơn các bác sĩ khoa nhi đã cứu chữa con tôi tận tình.",
        "Xin hỏi khám sức khỏe để đi xuất khẩu lao động thì khám ở đâu?",
        "Trạm y tế ở xã tôi thiếu thuốc thông thường, người bệnh phải ra hiệu thuốc mua. Đề nghị bổ sung.",
        "Có cơ sở bán thuốc không rõ nguồn gốc ở chợ, đề nghị kiểm tra.",
    ],
    "so-tu-phap": [
        "Xin hỏi công chứng hợp đồng mua bán nhà thì phí công chứng tính thế nào?",
        "Tôi muốn được trợ giúp pháp lý miễn phí vì thuộc hộ nghèo, liên hệ ở đâu?",
        "Xin hỏi thủ tục xin lại quốc tịch Việt Nam cho con sinh ở nước ngoài.",
        "Đề nghị tổ chức tư vấn pháp luật về đất đai cho bà con ở các xã miền núi.",
    ],
    "so-cong-thuong": [
        "Khu vực thôn tôi mất điện thường xuyên, mỗi tuần vài lần, đồ điện hỏng nhiều. Đề nghị kiểm tra.",
        "Giá xăng ở cây xăng đầu xã cao hơn giá niêm yết chung, đề nghị kiểm tra.",
        "Chợ tạm dựng trên lòng đường gây ùn tắc, đề nghị sắp xếp lại.",
        "Có cửa hàng bán rượu không nhãn mác ngay cạnh trường học, đề nghị kiểm tra.",
        "Xin hỏi mở đại lý bán gas thì cần giấy phép gì?",
    ],
    "so-van-hoa-the-thao-du-lich": [
        "Quán karaoke gần nhà tôi hát đến một hai giờ sáng, rất ồn. Đề nghị kiểm tra giấy phép và giờ hoạt động.",
        "Di tích đình làng đang xuống cấp, mái ngói sụt. Đề nghị có kế hoạch tu bổ.",
        "Lễ hội ở địa phương có nhiều hàng quán chặt chém du khách, đề nghị chấn chỉnh.",
        "Xin hỏi thủ tục cấp thẻ hướng dẫn viên du lịch nội địa.",
        "Nhà văn hóa thôn không có dụng cụ thể thao, đề nghị hỗ trợ.",
    ],
    "so-khoa-hoc-cong-nghe": [
        "Sóng điện thoại ở bản tôi rất yếu, muốn gọi phải lên đồi. Đề nghị các nhà mạng lắp thêm trạm.",
        "Xin hỏi đăng ký nhãn hiệu cho sản phẩm nông sản của hợp tác xã thì làm thế nào?",
        "Tôi nhận nhiều tin nhắn, cuộc gọi lừa đảo, đề nghị có biện pháp ngăn chặn.",
        "Cổng dịch vụ công hay bị treo vào giờ cao điểm, mong được nâng cấp.",
    ],
    "so-dan-toc-ton-giao": [
        "Xin hỏi chính sách hỗ trợ nhà ở cho hộ đồng bào dân tộc thiểu số năm nay thế nào?",
        "Giáo xứ chúng tôi muốn hỏi thủ tục đăng ký sinh hoạt tôn giáo tập trung.",
        "Đề nghị tăng mức hỗ trợ cho người có uy tín ở vùng đồng bào dân tộc.",
    ],
    "cong-an-tinh": [
        "Ngã tư gần chợ không có đèn tín hiệu, thường xuyên xảy ra va chạm. Đề nghị bố trí người phân luồng giờ cao điểm.",
        "Xin hỏi làm căn cước cho con dưới 14 tuổi cần mang những gì?",
        "Trong xóm có nhóm đua xe vào ban đêm, rất nguy hiểm. Đề nghị công an tăng cường tuần tra.",
        "Xin hỏi đổi giấy phép lái xe hết hạn có làm trên VNeID được không?",
        "Tôi bị mất ví có căn cước và bằng lái, xin hướng dẫn thủ tục cấp lại.",
    ],
    "thue": [
        "Xin hỏi hộ kinh doanh nhỏ doanh thu dưới một trăm triệu một năm có phải nộp thuế không?",
        "Tôi muốn hỏi tặng cho đất giữa bố mẹ và con có được miễn thuế thu nhập cá nhân không?",
        "Phần mềm khai thuế điện tử hay lỗi chữ ký số, đề nghị hỗ trợ.",
        "Tôi không đồng ý với mức tiền sử dụng đất được thông báo, đề nghị xem xét lại cách tính.",
    ],
    "bhxh": [
        "Xin hỏi cách tính lương hưu của tôi khi có thời gian đóng ở hai tỉnh khác nhau.",
        "Tôi đóng bảo hiểm tự nguyện được mười năm, nay muốn hỏi có được rút một lần không?",
        "Thẻ bảo hiểm y tế của con tôi ghi sai ngày sinh, xin hướng dẫn sửa.",
        "Mức đóng bảo hiểm y tế hộ gia đình năm nay tăng, đề nghị xem xét hỗ trợ cho hộ cận nghèo.",
    ],
    "thanh-tra-tinh": [
        "Xin hỏi gửi đơn tố cáo qua mạng thì có được giữ bí mật thông tin người tố cáo không?",
        "Tôi muốn hỏi lịch tiếp công dân định kỳ của tỉnh.",
    ],
}

# Neighbours, firms and decisions: longer khac stories that mention offices without blaming anyone.
LONG = [
    "Gia đình tôi và nhà bên cạnh có tranh chấp ranh giới từ lâu. {office} đã mời hai bên lên hòa giải {n} lần, cán bộ làm việc đúng mực, nhưng hai bên chưa thống nhất. Tôi làm đơn này đề nghị được hướng dẫn bước tiếp theo.",
    "Tôi nộp {doc} từ {date}, có giấy hẹn. Đến hẹn cán bộ báo hồ sơ không đủ điều kiện và có văn bản trả lời nêu rõ lý do. Tôi thấy lý do chưa thỏa đáng nên làm đơn đề nghị xem xét lại, không khiếu nại cán bộ.",
    "Năm ngoái tôi được hỗ trợ theo chính sách, năm nay chính sách thay đổi nên không còn được hưởng. Cán bộ đã giải thích, tôi hiểu, nhưng mong tỉnh xem xét cho các trường hợp như tôi.",
    "Tôi gửi đơn này để cảm ơn {off}. Hồ sơ của tôi phức tạp, nhưng anh chị đã hướng dẫn từng bước, gọi điện nhắc lịch, nên tôi {proc} xong trước hẹn.",
    "Sau khi sáp nhập, trụ sở làm thủ tục chuyển sang chỗ mới xa hơn. Người già đi lại khó khăn, tôi đề nghị có điểm tiếp nhận lưu động hoặc cho nộp qua bưu điện.",
    "Tôi làm {doc} và đã được giải quyết đúng hẹn. Tuy nhiên quy trình còn nhiều giấy tờ, tôi đề nghị cắt giảm bớt những giấy tờ mà cơ quan đã có trong cơ sở dữ liệu.",
]

# No misconduct of the seven kinds: services that broke down, firms, and violence (not rudeness,
# not a misuse of office for gain) left to the inspectors.
GENERIC += [
    "Thiết bị phục vụ người dân ở {office} hỏng đã lâu chưa sửa. Đề nghị sớm khắc phục.",
    "Tôi thấy thủ tục {proc} hiện nay còn rườm rà, đề nghị đơn giản hóa cho người dân.",
    "Tôi nộp {doc} và được hẹn {days} ngày. Nay mới được mấy hôm, tôi chỉ muốn hỏi có cần bổ sung gì không để chuẩn bị trước.",
    "Đề nghị {office} công khai số điện thoại của từng bộ phận để người dân tiện liên hệ.",
]
BY_AGENCY["cong-an-tinh"] += [
    "Tôi bị hành hung trong lúc làm việc với tổ tuần tra. Đề nghị làm rõ.",
    "Trong lúc giải quyết va chạm, một cán bộ công an xô ngã bố tôi. Gia đình đề nghị làm rõ sự việc.",
]
BY_AGENCY["so-y-te"] += [
    "Trang thiết bị của bệnh viện cũ kỹ, hay hỏng. Đề nghị sở đầu tư thêm.",
    "Bệnh viện thiếu thuốc điều trị ngoại trú, bệnh nhân bảo hiểm phải tự mua ngoài.",
]
BY_AGENCY["so-cong-thuong"] += [
    "Cây xăng gần nhà bán hàng không đủ lượng, đề nghị kiểm tra.",
    "Cửa hàng điện máy bán hàng không rõ nguồn gốc, bảo hành không đúng cam kết.",
]
BY_AGENCY["xa"] += [
    "Trong buổi họp thôn, hai gia đình xô xát, một người bị thương. Đề nghị xã hòa giải và xử lý.",
    "Nhà tôi bị mất trộm gà, đề nghị xã và công an tăng cường tuần tra ban đêm.",
]
BY_AGENCY["so-giao-duc-dao-tao"] += [
    "Bếp ăn bán trú của trường chật chội, đề nghị đầu tư thêm để các cháu ăn uống đảm bảo.",
]

# Thanks, answers given, things that went right: the words of complaints without a complaint.
# `{head}` is the head of the body (thanking a leader does not escalate).
THANKS = [
    "Tôi xin cảm ơn {head} đã tiếp tôi và chỉ đạo giải quyết dứt điểm {doc}. Gia đình tôi rất yên tâm.",
    "Cảm ơn {head} đã xuống tận nơi nghe bà con trình bày và cho làm lại ngay trong tuần.",
    "Gia đình tôi viết thư này cảm ơn {head} và {off} đã giải quyết {doc} nhanh, đúng hẹn.",
    "Sau khi tôi phản ánh, {head} đã cho kiểm tra và trả lời rõ ràng. Tôi ghi nhận và cảm ơn.",
    "Cảm ơn {head} đã đối thoại thẳng thắn với bà con, mong các việc đã hứa được làm đúng tiến độ.",
    "Tôi cảm ơn {off} đã nhiệt tình hướng dẫn, giải thích kỹ từng bước khi tôi {proc}.",
    "Cảm ơn {head} đã tiếp công dân và cho xác minh lại đơn của tôi một cách công khai. Tôi chỉ mong sớm có văn bản kết luận.",
    "Hôm {date} tôi được {head} tiếp, nghe hết ý kiến và giao bộ phận chuyên môn trả lời. Tôi xin ghi nhận.",
]
# Inspections and checks that went as they should, and grievances against firms or nature.
NO_FAULT = [
    "Đoàn kiểm tra đến cơ sở tôi có quyết định, làm việc đúng giờ, lập biên bản rõ ràng. Tôi chỉ hỏi bao giờ có kết luận.",
    "{off} đã giải thích là hồ sơ của tôi thiếu giấy tờ theo quy định và đưa phiếu hướng dẫn bổ sung. Tôi hỏi thêm: nộp bổ sung qua mạng được không?",
    "Tôi được hẹn {days} ngày. Nay tôi phải đi công tác xa, xin hỏi có thể ủy quyền cho vợ nhận kết quả không?",
    "Tôi không thắc mắc gì về cán bộ, chỉ mong quy định về {proc} được hướng dẫn rõ hơn trên mạng.",
    "Cơ quan đã trả lời bằng văn bản, tôi chưa đồng ý với nội dung nên xin hỏi thủ tục khiếu nại tiếp theo.",
    "Hộ kinh doanh bên cạnh lấn chiếm vỉa hè làm chỗ để xe, người đi bộ phải xuống lòng đường.",
    "Đợt mưa lũ vừa rồi cuốn mất cầu tràn, bà con đi lại rất khó khăn, mong sớm có phương án.",
    "Công ty xây dựng chở vật liệu làm rơi vãi đất cát khắp đường làng, bụi mù mịt.",
    "Tôi thấy lệ phí {proc} hiện nay hơi cao so với thu nhập của bà con miền núi, đề nghị xem xét giảm.",
    "Cán bộ làm việc đúng quy định, nhưng quy định bắt người dân đi lại nhiều lần, tôi đề nghị sửa đổi.",
]
BY_AGENCY["so-khoa-hoc-cong-nghe"] += [
    "Nhà mạng chưa phủ sóng tới bản tôi, đề nghị sở đôn đốc.",
    "Chất lượng dịch vụ viễn thông ở xã tôi kém, cước phí lại cao.",
    "Bưu cục xã thường đóng cửa sớm, tôi đến nhận bưu phẩm mấy lần không được. Đề nghị xem lại giờ làm việc.",
    "Internet cáp quang ở thôn hay mất kết nối, gọi tổng đài báo hỏng nhiều lần. Mong được kiểm tra.",
]
BY_AGENCY["so-cong-thuong"] += [
    "Xin hỏi cách tính giá điện bậc thang hiện nay.",
    "Điện áp ở cuối đường dây yếu, buổi tối bóng đèn không sáng nổi.",
    "Đường dây điện hạ thế đi qua vườn nhà tôi võng thấp, rất nguy hiểm khi mưa gió. Đề nghị ngành điện xử lý.",
    "Chợ đầu mối bán nhiều hàng giả nhãn mác, đề nghị quản lý thị trường kiểm tra.",
]
BY_AGENCY["so-van-hoa-the-thao-du-lich"] += [
    "Xin hỏi quy định về giờ hoạt động của các cơ sở kinh doanh dịch vụ văn hóa.",
    "Đề nghị kiểm tra điều kiện phòng cháy của các cơ sở karaoke trong khu dân cư.",
    "Nhà văn hóa thôn đang bị dùng làm nơi tổ chức đám cưới thuê, phát nhạc rất to cả ngày.",
    "Biển quảng cáo dựng trái phép che khuất tầm nhìn ở ngã ba, đề nghị tháo dỡ.",
]
BY_AGENCY["so-tai-chinh"] += [
    "Tài sản công ở địa phương sau sáp nhập chưa được sử dụng, đề nghị tỉnh sớm có phương án.",
    "Đề nghị công khai phương án xử lý nhà, đất công dôi dư sau khi sắp xếp bộ máy.",
    "Giá vật liệu xây dựng ở địa phương tăng bất thường, đề nghị kiểm tra việc găm hàng.",
]
BY_AGENCY["so-y-te"] += [
    "Phòng khám tư ở đầu xã quảng cáo chữa được mọi bệnh, đề nghị kiểm tra giấy phép.",
    "Khoa cấp cứu quá đông, người nhà phải đứng ngoài hành lang cả đêm. Mong bệnh viện bố trí thêm chỗ chờ.",
]
BY_AGENCY["so-xay-dung"] += [
    "Đường giao thông nông thôn xuống cấp, đề nghị đưa vào kế hoạch sửa chữa.",
    "Xe quá tải chạy suốt đêm trên đường tỉnh, nhà dân hai bên nứt tường. Đề nghị kiểm tra.",
]
BY_AGENCY["so-dan-toc-ton-giao"] += [
    "Bà con bản tôi mong được hỗ trợ làm đường nội đồng theo chương trình dành cho vùng đồng bào.",
    "Bà con mong được tăng hỗ trợ giống cây trồng cho các hộ đồng bào ở vùng cao.",
]

# More grievances without misconduct: disputes between citizens, firms, services, behaviour of
# officials outside their duties, and reports of wrongdoing by people who hold no office.
NO_FAULT += [
    "Hàng xóm xây nhà đổ vật liệu lấn sang đất nhà tôi, tôi đã báo và đang chờ hai bên hòa giải.",
    "Một công ty tuyển dụng lừa người lao động nộp tiền rồi biến mất, đề nghị cơ quan chức năng vào cuộc.",
    "Tôi mua phải hàng kém chất lượng ở chợ, người bán không chịu đổi, xin hỏi tôi có thể khiếu nại ở đâu?",
    "Tôi thấy một cán bộ ngoài giờ làm việc uống rượu rồi lái xe, đề nghị nhắc nhở để làm gương.",
    "Đợt vừa rồi cơ quan đã giải quyết đúng hẹn, tôi chỉ góp ý nên gửi tin nhắn báo kết quả cho người dân.",
    "Tôi đồng ý với kết quả giải quyết, nhưng mong cơ quan hướng dẫn thêm thủ tục tiếp theo.",
    "Tôi xin hỏi việc xử lý vi phạm của hộ bên cạnh đã đến đâu, gia đình tôi vẫn bị ảnh hưởng.",
    "Nhà máy gần khu dân cư thường xả khói vào ban đêm, đề nghị kiểm tra quan trắc.",
    "Tôi có ý kiến về mức phạt vi phạm hành chính hiện nay, theo tôi quá cao so với thu nhập của người dân nông thôn.",
    "Một người tự xưng là cán bộ gọi điện đòi tôi chuyển tiền 'phí hồ sơ', tôi nghi là lừa đảo, nhờ cơ quan xác minh.",
]
