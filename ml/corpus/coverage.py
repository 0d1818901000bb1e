"""Wider coverage of docs/taxonomy.md's agency table: more procedures, offices and officers.

Each agency row of `docs/taxonomy.md` section 1 lists "typical procedures / subjects
citizens deal with"; the first version of the generator covered only a few of each.
This module adds the rest (publishing, tourism, events, irrigation, dykes, forestry,
agriculture inspections, commune-run markets and village roads, provincial roads and
road administration, religious registration, ethnic-minority programmes, people with
meritorious services, labour and unemployment insurance...), each with its own
officers and offices, and `mentions`: sentences that name ANOTHER body in passing
(the commune that certified a paper, the police that gave a permit, the post that
delivers the result, the online portal) while the accused officer belongs to the
handling body, which stays the label.

Entries are plain tuples so that `agencies.py` can merge them without an import cycle:
    services: (procs, docs, scope, officers, offices, mentions)
Mentions use the slots of compose.py: {off} {doc} {proc} {office} {w} (xã/phường)
{date} {money} {n} {days}.
"""

from __future__ import annotations

EXTRA: dict[str, dict] = {}

# ------------------------------------------------------------------ xa (commune / ward)
EXTRA["xa"] = dict(
    services=[
        (
            [
                "thuê ki ốt trong chợ của xã",
                "xin chỗ ngồi bán hàng ở chợ xã",
                "gia hạn hợp đồng thuê ki ốt chợ",
                "nộp tiền thuê sạp ở chợ xã",
                "bốc thăm ki ốt ở chợ mới của xã",
            ],
            ["hợp đồng thuê ki ốt", "đơn xin chỗ bán hàng", "hợp đồng thuê sạp"],
            "local",
            [
                "ban quản lý chợ xã",
                "tổ quản lý chợ của xã",
                "nhân viên thu tiền chợ do xã giao",
                "cán bộ kinh tế xã phụ trách chợ",
                "trưởng ban quản lý chợ của phường",
                "bà quản lý chợ xã",
            ],
            [
                ("chợ {p}", "chợ xã"),
                ("ban quản lý chợ {p}", "ban quản lý chợ của xã"),
                ("chợ trung tâm {p} do xã quản lý", "chợ của xã"),
            ],
            [
                "Chợ này do UBND {w} quản lý, ban quản lý chợ là người của {w}.",
                "Sở Công Thương chỉ cấp phép kinh doanh, còn việc chia ki ốt là do ban quản lý chợ của {w} làm.",
                "Hợp đồng thuê ki ốt do UBND {w} ký với tiểu thương.",
            ],
        ),
        (
            [
                "phản ánh đường liên thôn xuống cấp",
                "đề nghị sửa đường bê tông trong xóm",
                "phản ánh đèn chiếu sáng trong khu dân cư hỏng",
                "phản ánh rác không được thu gom",
                "phản ánh cống thoát nước trong ngõ bị tắc",
                "hỏi về khoản đóng góp làm đường thôn",
            ],
            ["đơn phản ánh", "đơn kiến nghị của các hộ dân", "biên bản họp thôn"],
            "local",
            [
                "cán bộ giao thông xã",
                "công chức địa chính - xây dựng",
                "cán bộ phụ trách môi trường của xã",
                "cán bộ kinh tế - hạ tầng xã",
                "cán bộ giám sát công trình của xã",
            ],
            [],
            [
                "Đường này là đường thôn do {w} làm chủ đầu tư, không phải đường tỉnh.",
                "Tiền đóng góp làm đường thôn do UBND {w} thu và quản lý.",
            ],
        ),
        (
            [
                "báo việc hàng xóm đổ phế thải ra đường",
                "báo việc lấn chiếm lối đi chung",
                "đề nghị hòa giải mâu thuẫn với hàng xóm",
                "báo việc xây nhà không phép trong xóm",
                "phản ánh quán hàng lấn chiếm vỉa hè",
            ],
            ["đơn đề nghị", "đơn phản ánh trật tự"],
            "local",
            [
                "cán bộ trật tự đô thị phường",
                "công chức địa chính - xây dựng",
                "tổ hòa giải",
                "cán bộ tư pháp xã",
                "đội trật tự của phường",
            ],
            [],
            ["Công an {w} có đến ghi nhận nhưng bảo việc này thuộc trách nhiệm của UBND {w}."],
        ),
        (
            [
                "đăng ký thay đổi, cải chính hộ tịch",
                "xin trích lục khai sinh bản sao",
                "đăng ký nhận cha con",
                "đăng ký giám hộ cho cháu",
                "đăng ký lại khai sinh bị mất sổ gốc",
                "chứng thực di chúc",
                "chứng thực hợp đồng chuyển nhượng đất ở xã",
            ],
            ["hồ sơ cải chính hộ tịch", "tờ khai trích lục", "hồ sơ nhận cha con", "hồ sơ chứng thực"],
            "local",
            ["cán bộ tư pháp - hộ tịch", "công chức tư pháp xã", "cán bộ hộ tịch phường", "chị bên tư pháp xã"],
            [],
            [
                "Bệnh viện đã cấp giấy chứng sinh đầy đủ, công an {w} cũng đã có số định danh cho cháu.",
                "Tôi đã nộp trên Cổng dịch vụ công, hệ thống báo hồ sơ đã chuyển về UBND {w}.",
                "Sở Tư pháp trả lời qua điện thoại là thủ tục này UBND {w} phải giải quyết.",
            ],
        ),
        (
            [
                "nhận tiền trợ cấp hàng tháng cho mẹ",
                "lĩnh trợ cấp người khuyết tật cho con",
                "xin hỗ trợ tiền điện hộ nghèo",
                "đề nghị đưa mẹ vào danh sách hưởng trợ cấp 80 tuổi",
                "nhận tiền hỗ trợ sau lũ",
            ],
            ["danh sách chi trả trợ cấp", "hồ sơ trợ cấp xã hội", "danh sách hỗ trợ"],
            "local",
            [
                "cán bộ chính sách xã",
                "cán bộ văn hóa - xã hội",
                "người chi trả trợ cấp của xã",
                "cán bộ lao động - thương binh xã hội xã",
            ],
            [],
            [
                "Tiền trợ cấp do UBND {w} lập danh sách và chi trả qua bưu điện.",
                "Nhân viên bưu điện bảo họ chỉ chi theo danh sách UBND {w} gửi sang.",
            ],
        ),
    ],
    unit_heads=["trưởng ban quản lý chợ xã", "trưởng ban quản lý chợ phường", "trưởng công an thôn (bán chuyên trách)"],
)

# ------------------------------------------------------------------ agriculture & environment
EXTRA["so-nong-nghiep-moi-truong"] = dict(
    services=[
        (
            [
                "xin phép làm nhà trong hành lang bảo vệ đê",
                "phản ánh đê bị sạt lở không được tu bổ",
                "xin cấp phép hoạt động trong phạm vi bảo vệ đê",
                "phản ánh việc đổ đất lấn hành lang đê",
                "báo đoạn đê biển bị xói",
            ],
            ["hồ sơ cấp phép đê điều", "đơn phản ánh đê điều"],
            "field",
            ["cán bộ hạt quản lý đê", "nhân viên hạt đê", "cán bộ chi cục thủy lợi", "anh cán bộ đê điều"],
            [("hạt quản lý đê {p}", "hạt quản lý đê")],
            [
                "Xã có báo cáo lên rồi nhưng việc đê là của hạt quản lý đê thuộc sở.",
                "UBND {w} đã lập biên bản và chuyển cho hạt quản lý đê.",
            ],
        ),
        (
            [
                "xin nước tưới vụ chiêm",
                "phản ánh kênh tưới không được nạo vét",
                "phản ánh trạm bơm không bơm nước đúng lịch",
                "phản ánh hồ chứa xả lũ không báo trước",
                "nộp hồ sơ cấp phép xả thải vào công trình thủy lợi",
                "đề nghị sửa cống tiêu úng",
            ],
            ["đơn xin nước tưới", "đơn phản ánh thủy lợi", "hồ sơ cấp phép thủy lợi"],
            "field",
            [
                "cán bộ chi cục thủy lợi",
                "nhân viên công ty thủy lợi",
                "cán bộ cụm thủy nông",
                "người vận hành trạm bơm",
                "cán bộ chi nhánh thủy lợi",
                "công nhân quản lý kênh",
            ],
            [("cụm thủy nông {p}", "cụm thủy nông"), ("trạm bơm {p}", "trạm bơm")],
            [
                "Hợp tác xã và UBND {w} đã có văn bản đề nghị, nhưng việc bơm nước là do bên thủy lợi của tỉnh quyết định.",
                "Ruộng của cả thôn khô nẻ trong khi kênh chính của công ty thủy lợi vẫn đầy nước.",
            ],
        ),
        (
            [
                "xin phép khai thác gỗ rừng trồng",
                "nhận tiền chi trả dịch vụ môi trường rừng",
                "bị kiểm lâm lập biên bản chở gỗ",
                "nhận khoán bảo vệ rừng",
                "xin chuyển đổi rừng sản xuất",
                "báo cháy rừng",
                "xin cấp mã số cơ sở gây nuôi động vật rừng",
            ],
            [
                "hồ sơ khai thác gỗ",
                "biên bản kiểm lâm",
                "hợp đồng khoán bảo vệ rừng",
                "hồ sơ chi trả dịch vụ môi trường rừng",
            ],
            "field",
            [
                "kiểm lâm viên",
                "anh kiểm lâm phụ trách địa bàn",
                "cán bộ hạt kiểm lâm",
                "cán bộ ban quản lý rừng phòng hộ",
                "cán bộ chi cục kiểm lâm",
                "tổ tuần tra kiểm lâm",
            ],
            [("hạt kiểm lâm {p}", "hạt kiểm lâm"), ("ban quản lý rừng phòng hộ {p}", "ban quản lý rừng phòng hộ")],
            [
                "Xã đã xác nhận diện tích rừng trồng của gia đình, nhưng kiểm lâm vẫn không cho.",
                "Công an {w} có mặt lúc đó nhưng người lập biên bản là kiểm lâm.",
            ],
        ),
        (
            [
                "bị đoàn kiểm tra vật tư nông nghiệp lập biên bản cửa hàng phân bón",
                "xin giấy chứng nhận buôn bán thuốc bảo vệ thực vật",
                "bị kiểm tra cơ sở giết mổ gia súc",
                "xin giấy chứng nhận an toàn thực phẩm nông sản",
                "xin hỗ trợ sau dịch tả lợn châu Phi",
                "đăng ký mã số vùng trồng cho vườn bưởi",
                "đăng ký tàu cá",
                "xin giấy phép khai thác thủy sản",
                "xin giấy chứng nhận cơ sở nuôi trồng thủy sản",
            ],
            ["biên bản kiểm tra", "hồ sơ chứng nhận đủ điều kiện", "hồ sơ hỗ trợ dịch bệnh", "hồ sơ đăng ký tàu cá"],
            "field",
            [
                "thanh tra sở nông nghiệp",
                "cán bộ chi cục trồng trọt và bảo vệ thực vật",
                "cán bộ chi cục chăn nuôi và thú y",
                "cán bộ chi cục thủy sản",
                "đoàn kiểm tra của sở nông nghiệp",
                "cán bộ kiểm dịch động vật",
                "cán bộ quản lý chất lượng nông sản",
            ],
            [
                ("trạm chăn nuôi và thú y {p}", "trạm thú y"),
                ("trạm trồng trọt và bảo vệ thực vật {p}", "trạm bảo vệ thực vật"),
            ],
            [
                "Quản lý thị trường không liên quan, đoàn kiểm tra là của sở nông nghiệp.",
                "Xã chỉ đi cùng cho có, người lập biên bản là cán bộ của sở.",
            ],
        ),
        (
            [
                "xin chuyển mục đích sử dụng đất vườn sang đất ở",
                "đăng ký thế chấp sổ đỏ vay ngân hàng",
                "xóa đăng ký thế chấp",
                "xin trích lục thửa đất",
                "xin cung cấp thông tin đất đai",
                "đính chính thông tin trên sổ đỏ",
                "làm sổ đỏ cho đất ông bà để lại",
            ],
            [
                "hồ sơ đăng ký thế chấp",
                "hồ sơ chuyển mục đích",
                "hồ sơ đính chính giấy chứng nhận",
                "phiếu yêu cầu cung cấp thông tin đất đai",
            ],
            "local",
            [
                "cán bộ văn phòng đăng ký đất đai",
                "nhân viên chi nhánh VPĐKĐĐ",
                "viên chức chi nhánh đăng ký đất đai",
                "chị trả kết quả ở chi nhánh đất đai",
            ],
            [],
            [
                "UBND {w} đã xác nhận nguồn gốc đất và niêm yết công khai xong từ {date}.",
                "Ngân hàng đã gửi văn bản giải chấp, thuế đã thông báo xong, chỉ còn chờ chi nhánh văn phòng đất đai.",
                "Tôi đăng ký nhận sổ qua bưu điện nhưng hồ sơ còn chưa được chi nhánh ký.",
                "Tôi nộp trên dịch vụ công trực tuyến, hệ thống báo đã chuyển về chi nhánh văn phòng đăng ký đất đai.",
                "Cán bộ địa chính xã bảo phần của xã xong rồi, giờ là việc của văn phòng đăng ký đất đai.",
            ],
        ),
        (
            [
                "phản ánh xưởng gây ô nhiễm không được xử lý",
                "phản ánh khai thác cát trái phép trên sông",
                "xin giấy phép khai thác đất san lấp",
                "phản ánh bãi rác gây ô nhiễm nguồn nước",
                "xin giấy phép xả thải",
                "đề nghị quan trắc môi trường quanh nhà máy",
            ],
            ["đơn phản ánh môi trường", "hồ sơ giấy phép khai thác khoáng sản", "hồ sơ xả thải"],
            "field",
            [
                "thanh tra môi trường",
                "cán bộ chi cục bảo vệ môi trường",
                "chuyên viên phòng khoáng sản",
                "đoàn kiểm tra môi trường của sở",
                "cán bộ phòng tài nguyên nước",
            ],
            [],
            ["UBND {w} báo cáo lên sở rồi mà đoàn kiểm tra của sở xuống xong không thấy kết luận."],
        ),
    ],
    officers=[
        "cán bộ sở nông nghiệp và môi trường",
        "chuyên viên sở NN&MT",
        "cán bộ chi cục thủy lợi",
        "kiểm lâm viên",
    ],
    unit_heads=[
        "chi cục trưởng chi cục thủy lợi",
        "hạt trưởng hạt quản lý đê",
        "chi cục trưởng kiểm lâm",
        "giám đốc ban quản lý rừng phòng hộ",
        "trưởng trạm thú y",
        "giám đốc công ty thủy lợi",
        "chánh thanh tra sở nông nghiệp",
    ],
    city_offices=["Chi cục Thủy lợi", "Chi cục Kiểm lâm tỉnh", "Chi cục Chăn nuôi và Thú y", "sở nông nghiệp tỉnh"],
)

# ------------------------------------------------------------------ construction & transport
EXTRA["so-xay-dung"] = dict(
    services=[
        (
            [
                "phản ánh đường tỉnh xuống cấp, ổ gà nhiều",
                "phản ánh cầu trên đường tỉnh bị hư hỏng",
                "phản ánh biển báo trên đường tỉnh bị mất",
                "phản ánh đèn tín hiệu ở ngã tư quốc lộ hỏng",
                "phản ánh dự án nâng cấp đường tỉnh thi công dây dưa",
                "phản ánh đường tránh đào bới bỏ dở",
                "phản ánh xe chở vật liệu làm đường rơi vãi",
                "phản ánh rãnh thoát nước dọc đường tỉnh bị tắc gây ngập",
            ],
            ["đơn phản ánh hạ tầng giao thông", "kiến nghị sửa đường", "đơn phản ánh công trình giao thông"],
            "field",
            [
                "cán bộ ban quản lý dự án giao thông",
                "nhân viên hạt quản lý đường bộ",
                "cán bộ phòng quản lý kết cấu hạ tầng giao thông",
                "thanh tra sở xây dựng",
                "cán bộ giám sát của sở xây dựng",
                "cán bộ đoạn quản lý đường bộ",
                "tư vấn giám sát do sở thuê",
            ],
            [("hạt quản lý đường bộ {p}", "hạt quản lý đường bộ")],
            [
                "Tôi đã báo UBND {w} nhưng xã trả lời đây là đường tỉnh, do Sở Xây dựng quản lý.",
                "Công an {w} có ra phân luồng nhưng việc sửa đường là của bên quản lý đường bộ thuộc sở.",
                "Đoạn đường này là đường tỉnh, không phải đường xã.",
            ],
        ),
        (
            [
                "xin cấp phép đấu nối đường nhánh vào đường tỉnh",
                "xin giấy phép thi công trên đường tỉnh",
                "xin cấp phép lưu hành xe quá tải",
                "xin chấp thuận đặt biển quảng cáo trong hành lang đường bộ",
                "xin cấp phép mở bến đò ngang",
                "đăng ký phương tiện thủy nội địa",
                "xin cấp phép xây dựng cửa hàng bên đường tỉnh",
                "xin cấp phép cải tạo nút giao",
            ],
            [
                "hồ sơ cấp phép thi công",
                "hồ sơ đấu nối",
                "hồ sơ cấp phép lưu hành xe",
                "hồ sơ đăng ký phương tiện thủy",
            ],
            "city",
            [
                "chuyên viên phòng quản lý giao thông",
                "cán bộ phòng quản lý vận tải",
                "chuyên viên sở xây dựng",
                "cán bộ phòng quản lý kết cấu hạ tầng giao thông",
            ],
            [],
            [
                "UBND {w} đã có văn bản đồng ý về vị trí, chỉ còn chờ sở cấp phép.",
                "Tôi nộp qua dịch vụ công trực tuyến và đăng ký nhận kết quả qua bưu điện.",
            ],
        ),
        (
            [
                "xin giấy phép xây dựng dự án nhà ở",
                "thẩm định dự án đầu tư xây dựng",
                "nghiệm thu công trình",
                "xin xác nhận nhà ở hình thành trong tương lai",
                "mua nhà ở xã hội cho công nhân",
                "phản ánh chất lượng chung cư tái định cư",
                "kiểm tra chất lượng công trình",
            ],
            ["hồ sơ thẩm định", "hồ sơ nghiệm thu", "hồ sơ mua nhà ở xã hội"],
            "city",
            [
                "chuyên viên phòng quản lý nhà",
                "cán bộ phòng giám định chất lượng công trình",
                "chuyên viên phòng kinh tế xây dựng",
            ],
            [],
            ["Sở Tài chính đã phê duyệt dự án từ lâu, phần thẩm định thiết kế thì nằm ở Sở Xây dựng."],
        ),
        (
            [
                "đăng kiểm xe lần đầu",
                "đăng kiểm xe kinh doanh vận tải",
                "xin cấp lại tem đăng kiểm",
                "xin phù hiệu xe taxi",
                "cấp giấy phép kinh doanh vận tải bằng xe ô tô",
                "đăng ký khai thác tuyến xe buýt",
            ],
            ["hồ sơ đăng kiểm", "hồ sơ phù hiệu", "hồ sơ kinh doanh vận tải"],
            "local",
            [
                "đăng kiểm viên",
                "nhân viên trạm đăng kiểm",
                "cán bộ phòng quản lý vận tải",
                "chuyên viên sở xây dựng phụ trách vận tải",
            ],
            [],
            [
                "Xe đã đăng ký biển số bên công an xong xuôi, chỉ vướng ở đăng kiểm.",
                "CSGT không liên quan, tôi phản ánh về trung tâm đăng kiểm.",
            ],
        ),
    ],
    officers=[
        "cán bộ sở giao thông vận tải cũ (nay là Sở Xây dựng)",
        "chuyên viên phòng quản lý giao thông",
        "thanh tra sở xây dựng",
    ],
    unit_heads=[
        "giám đốc ban quản lý dự án giao thông",
        "hạt trưởng hạt quản lý đường bộ",
        "chánh thanh tra sở xây dựng",
        "trưởng phòng quản lý vận tải",
        "trưởng phòng quản lý kết cấu hạ tầng giao thông",
        "trưởng trạm đăng kiểm",
    ],
    local_offices=[("hạt quản lý đường bộ {p}", "hạt quản lý đường bộ")],
    city_offices=[
        "Sở Xây dựng (sở giao thông cũ)",
        "Ban quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
        "Sở GTVT cũ (nay là Sở Xây dựng)",
    ],
)

# ------------------------------------------------------------------ finance & investment
EXTRA["so-tai-chinh"] = dict(
    services=[
        (
            [
                "đăng ký thành lập chi nhánh công ty",
                "giải thể doanh nghiệp",
                "bổ sung ngành nghề kinh doanh",
                "đăng ký hợp tác xã cấp tỉnh",
                "cấp lại giấy chứng nhận đăng ký doanh nghiệp",
                "thông báo thay đổi vốn điều lệ",
            ],
            ["hồ sơ đăng ký doanh nghiệp", "hồ sơ giải thể", "hồ sơ thay đổi đăng ký kinh doanh"],
            "city",
            [
                "chuyên viên phòng đăng ký kinh doanh",
                "cán bộ phòng đăng ký doanh nghiệp",
                "chuyên viên tiếp nhận hồ sơ doanh nghiệp",
            ],
            [],
            [
                "Tôi nộp trên Cổng thông tin quốc gia về đăng ký doanh nghiệp, hồ sơ chuyển về phòng đăng ký kinh doanh của Sở Tài chính.",
                "Bên thuế đã xác nhận công ty không nợ thuế, chỉ còn chờ phòng đăng ký kinh doanh.",
                "Con dấu đã khắc xong, công an không liên quan, vướng ở phòng đăng ký kinh doanh.",
            ],
        ),
        (
            [
                "xin giấy chứng nhận đăng ký đầu tư",
                "xin chấp thuận nhà đầu tư",
                "tham gia đấu thầu dự án dùng vốn ngân sách",
                "giãn tiến độ dự án đầu tư",
            ],
            ["hồ sơ đề xuất dự án", "hồ sơ dự thầu", "hồ sơ điều chỉnh tiến độ"],
            "city",
            ["chuyên viên phòng đầu tư", "chuyên viên phòng thẩm định dự án", "cán bộ phòng kinh tế đối ngoại"],
            [],
            ["UBND {w} đồng ý về địa điểm từ lâu, hồ sơ nằm ở Sở Tài chính."],
        ),
        (
            [
                "phản ánh trụ sở xã cũ sau sáp nhập bị bỏ hoang",
                "mua tài sản công thanh lý",
                "đấu giá xe công dôi dư",
                "hỏi về sắp xếp lại nhà đất công",
                "kê khai giá dịch vụ",
                "phản ánh giá trông giữ xe bị nâng",
                "thanh toán vốn công trình đã nghiệm thu",
            ],
            ["hồ sơ tài sản công", "hồ sơ kê khai giá", "hồ sơ thanh toán vốn"],
            "city",
            [
                "chuyên viên phòng quản lý công sản",
                "chuyên viên phòng quản lý giá",
                "cán bộ phòng tài chính hành chính sự nghiệp",
                "chuyên viên phòng quản lý ngân sách",
            ],
            [],
            ["UBND {w} nói đã báo cáo phương án sắp xếp tài sản lên Sở Tài chính."],
        ),
    ],
    unit_heads=["trưởng phòng quản lý công sản", "trưởng phòng quản lý giá", "trưởng phòng đăng ký doanh nghiệp"],
)

# ------------------------------------------------------------------ home affairs, labour, merit
EXTRA["so-noi-vu"] = dict(
    services=[
        (
            [
                "làm hồ sơ hưởng trợ cấp thờ cúng liệt sĩ",
                "xin cấp lại bằng Tổ quốc ghi công",
                "xác nhận thân nhân liệt sĩ",
                "di chuyển hồ sơ người có công về tỉnh",
                "làm chế độ cho người hoạt động kháng chiến",
                "xin hỗ trợ nhà ở cho người có công",
                "giám định lại thương tật cho thương binh",
                "xin đi điều dưỡng cho bố là bệnh binh",
                "xin thông tin mộ liệt sĩ",
            ],
            ["hồ sơ người có công", "hồ sơ liệt sĩ", "hồ sơ thương binh", "hồ sơ trợ cấp thờ cúng"],
            "city",
            [
                "chuyên viên phòng người có công",
                "cán bộ phòng chính sách người có công của sở",
                "cán bộ sở lao động thương binh cũ",
                "chuyên viên thẩm định hồ sơ người có công",
            ],
            [],
            [
                "UBND {w} đã xác nhận và chuyển hồ sơ lên sở từ {date}.",
                "Cán bộ chính sách xã đã làm xong phần của xã, hồ sơ nằm ở Sở Nội vụ.",
                "Bên bảo hiểm xã hội bảo không phải việc của họ, hồ sơ người có công là Sở Nội vụ giải quyết.",
            ],
        ),
        (
            [
                "làm hồ sơ hưởng bảo hiểm thất nghiệp",
                "thông báo tìm việc hằng tháng",
                "xin học nghề miễn phí theo chế độ thất nghiệp",
                "nhận quyết định hưởng trợ cấp thất nghiệp",
                "xin tạm dừng hưởng trợ cấp thất nghiệp",
            ],
            ["hồ sơ hưởng bảo hiểm thất nghiệp", "quyết định hưởng trợ cấp thất nghiệp", "sổ bảo hiểm"],
            "local",
            [
                "nhân viên trung tâm dịch vụ việc làm",
                "cán bộ tư vấn của trung tâm việc làm",
                "cán bộ tiếp nhận bảo hiểm thất nghiệp",
            ],
            [],
            [
                "BHXH đã chốt sổ cho tôi đầy đủ, còn việc duyệt trợ cấp thất nghiệp là của trung tâm dịch vụ việc làm.",
                "Công ty cũ đã trả sổ, bên bảo hiểm xã hội xác nhận xong.",
            ],
        ),
        (
            [
                "khiếu nại công ty nợ lương",
                "phản ánh công ty không ký hợp đồng lao động",
                "phản ánh công ty cho thôi việc trái luật",
                "đăng ký hợp đồng đi làm việc ở nước ngoài",
                "xin giấy phép cho thuê lại lao động",
                "phản ánh tai nạn lao động không được giải quyết",
            ],
            ["đơn khiếu nại tiền lương", "đơn phản ánh lao động", "hồ sơ đi làm việc ở nước ngoài"],
            "city",
            [
                "thanh tra lao động",
                "chuyên viên phòng lao động - việc làm",
                "chuyên viên phòng quan hệ lao động",
                "cán bộ sở lao động cũ",
            ],
            [],
            ["Công đoàn công ty và bảo hiểm xã hội đều bảo phải gửi Sở Nội vụ."],
        ),
        (
            [
                "thi tuyển công chức cấp xã",
                "làm chế độ nghỉ việc theo Nghị định 178",
                "xét chuyển công chức xã sau sáp nhập",
                "xin sao tài liệu ở trung tâm lưu trữ tỉnh",
                "xin thành lập hội",
                "phê duyệt điều lệ quỹ từ thiện",
                "xếp lương sau sáp nhập",
            ],
            [
                "hồ sơ dự tuyển",
                "hồ sơ nghỉ việc theo Nghị định 178",
                "hồ sơ xin phép thành lập hội",
                "phiếu yêu cầu sao tài liệu lưu trữ",
            ],
            "city",
            [
                "chuyên viên phòng công chức viên chức",
                "chuyên viên phòng tổ chức biên chế",
                "cán bộ trung tâm lưu trữ lịch sử",
                "chuyên viên phòng tổ chức phi chính phủ",
            ],
            [],
            ["UBND {w} đã gửi danh sách lên Sở Nội vụ, nhưng sở chưa thẩm định."],
        ),
    ],
    officers=["chuyên viên phòng người có công", "cán bộ trung tâm dịch vụ việc làm", "thanh tra sở nội vụ"],
    unit_heads=["trưởng phòng lao động - việc làm", "chánh thanh tra sở nội vụ", "giám đốc trung tâm lưu trữ lịch sử"],
    city_offices=["Trung tâm Dịch vụ việc làm tỉnh", "Sở Nội vụ (sở lao động cũ)", "phòng người có công Sở Nội vụ"],
)

# ------------------------------------------------------------------ education
EXTRA["so-giao-duc-dao-tao"] = dict(
    services=[
        (
            [
                "đóng tiền bán trú cho con",
                "mua đồng phục theo yêu cầu của trường",
                "mua sách tham khảo trường bắt",
                "đóng tiền xã hội hóa sửa lớp",
                "đóng tiền học thêm trong trường",
                "phản ánh con bị bạo lực học đường",
                "đóng tiền xe đưa đón học sinh",
            ],
            ["các khoản thu", "phiếu thu của trường", "tiền bán trú"],
            "local",
            [
                "cô giáo chủ nhiệm",
                "kế toán nhà trường",
                "thầy tổng phụ trách",
                "ban đại diện cha mẹ học sinh do trường lập",
                "cô giáo dạy thêm",
            ],
            [],
            [
                "UBND {w} bảo việc thu chi ở trường thuộc ngành giáo dục.",
                "Ban đại diện phụ huynh chỉ thông báo theo yêu cầu của nhà trường.",
            ],
        ),
        (
            [
                "xin cấp phép trung tâm ngoại ngữ",
                "xin phép dạy thêm ngoài nhà trường",
                "công nhận văn bằng nước ngoài",
                "xét tốt nghiệp THPT cho con",
                "đăng ký thi tốt nghiệp THPT",
                "chuyển trường cho con từ tỉnh khác về",
                "xin học bổng cho con học trường chuyên",
            ],
            ["hồ sơ cấp phép trung tâm", "hồ sơ công nhận văn bằng", "hồ sơ thi tốt nghiệp", "hồ sơ chuyển trường"],
            "city",
            [
                "chuyên viên phòng giáo dục thường xuyên",
                "chuyên viên phòng khảo thí",
                "chuyên viên phòng giáo dục trung học",
                "chuyên viên sở GD&ĐT",
            ],
            [],
            ["Tôi nộp qua dịch vụ công trực tuyến và đăng ký nhận kết quả qua bưu điện."],
        ),
        (
            [
                "học bổ túc ở trung tâm giáo dục thường xuyên",
                "đăng ký học nghề ở trung tâm GDNN-GDTX",
                "xin cho con vào trường dân tộc nội trú",
                "xin miễn học phí cho con hộ nghèo",
            ],
            ["hồ sơ nhập học", "đơn xin miễn học phí"],
            "local",
            ["giáo viên trung tâm GDNN-GDTX", "cán bộ giáo vụ", "cô văn thư nhà trường"],
            [
                ("trung tâm GDNN-GDTX {p}", "trung tâm giáo dục thường xuyên"),
                ("trường phổ thông dân tộc nội trú {p}", "trường dân tộc nội trú"),
            ],
            ["Xã đã xác nhận hộ nghèo cho tôi rồi nhưng nhà trường vẫn không miễn."],
        ),
    ],
    unit_heads=["giám đốc trung tâm GDNN-GDTX", "tổng phụ trách đội", "trưởng phòng giáo dục trung học"],
)

# ------------------------------------------------------------------ health & social protection
EXTRA["so-y-te"] = dict(
    services=[
        (
            [
                "xin giấy chứng sinh cho con",
                "xin sao bệnh án",
                "xin giấy chuyển tuyến",
                "gọi xe cấp cứu 115",
                "mua thuốc ngoài dù có thẻ BHYT",
                "xin giấy báo tử ở bệnh viện",
                "tiêm vắc xin cho con",
            ],
            ["giấy chứng sinh", "bệnh án", "giấy chuyển viện", "hóa đơn viện phí"],
            "local",
            [
                "bác sĩ điều trị",
                "điều dưỡng khoa sản",
                "nhân viên phòng kế hoạch tổng hợp",
                "nhân viên xe cấp cứu",
                "dược sĩ bệnh viện",
            ],
            [],
            [
                "Thẻ BHYT còn hạn, bên bảo hiểm xã hội xác nhận là thẻ hợp lệ, vậy mà bệnh viện vẫn bắt trả tiền.",
                "UBND {w} cần giấy chứng sinh để làm khai sinh mà bệnh viện chưa cấp.",
            ],
        ),
        (
            [
                "xin giấy chứng nhận an toàn thực phẩm cho nhà hàng",
                "xin giấy phép mở nhà thuốc",
                "xin chứng chỉ hành nghề dược",
                "xin xác nhận quảng cáo thực phẩm chức năng",
                "bị kiểm tra an toàn thực phẩm bếp ăn",
            ],
            ["hồ sơ an toàn thực phẩm", "hồ sơ cấp phép nhà thuốc", "biên bản kiểm tra an toàn thực phẩm"],
            "city",
            [
                "chuyên viên phòng nghiệp vụ dược",
                "cán bộ chi cục an toàn vệ sinh thực phẩm",
                "đoàn kiểm tra an toàn thực phẩm của sở y tế",
                "thanh tra sở y tế",
            ],
            [],
            ["Giấy phép kinh doanh thì xã cấp rồi, còn giấy an toàn thực phẩm là của Sở Y tế."],
        ),
        (
            [
                "xin trợ giúp cho trẻ bị bạo hành",
                "đưa cháu mồ côi vào trung tâm công tác xã hội",
                "xin nhận nuôi trẻ ở trung tâm bảo trợ",
                "đưa người tâm thần lang thang vào cơ sở bảo trợ",
                "xin chăm sóc người già không nơi nương tựa tại trung tâm",
            ],
            ["hồ sơ tiếp nhận đối tượng bảo trợ", "hồ sơ trẻ em cần bảo vệ", "đơn xin vào trung tâm"],
            "city",
            [
                "cán bộ trung tâm công tác xã hội",
                "nhân viên trung tâm bảo trợ xã hội",
                "chuyên viên phòng bảo trợ xã hội và trẻ em",
            ],
            [("trung tâm bảo trợ xã hội ở {p}", "trung tâm bảo trợ xã hội")],
            [
                "UBND {w} đã lập biên bản và đề nghị tiếp nhận, nhưng trung tâm của Sở Y tế từ chối.",
                "Công an {w} đã đưa cháu đến trung tâm, phần còn lại là của trung tâm.",
            ],
        ),
    ],
    unit_heads=[
        "giám đốc trung tâm công tác xã hội",
        "chi cục trưởng an toàn vệ sinh thực phẩm",
        "trưởng khoa cấp cứu",
        "trưởng khoa dược",
    ],
    city_offices=["Trung tâm Công tác xã hội tỉnh", "Bệnh viện Đa khoa tỉnh Thanh Hóa", "Trung tâm cấp cứu 115"],
)

# ------------------------------------------------------------------ justice
EXTRA["so-tu-phap"] = dict(
    services=[
        (
            [
                "công chứng hợp đồng chuyển nhượng đất",
                "công chứng hợp đồng mua bán xe",
                "công chứng hợp đồng vay tiền",
                "công chứng văn bản phân chia di sản",
                "công chứng bản dịch",
                "công chứng hợp đồng thế chấp",
            ],
            ["hợp đồng công chứng", "hồ sơ công chứng"],
            "local",
            ["công chứng viên", "thư ký nghiệp vụ văn phòng công chứng", "nhân viên văn phòng công chứng"],
            [
                ("văn phòng công chứng ở {p}", "văn phòng công chứng"),
                ("văn phòng công chứng đóng tại {p}", "văn phòng công chứng tư"),
            ],
            [
                "Văn phòng đăng ký đất đai bảo phải có hợp đồng công chứng, mà văn phòng công chứng lại làm khó.",
                "Xã chỉ chứng thực được một số giấy tờ, hợp đồng này phải ra văn phòng công chứng.",
            ],
        ),
        (
            [
                "xin trợ giúp pháp lý miễn phí cho mẹ",
                "nhờ luật sư bào chữa",
                "yêu cầu giám định tư pháp",
                "yêu cầu bồi thường nhà nước",
                "đăng ký đấu giá tài sản",
                "xin hòa giải thương mại",
            ],
            ["đơn yêu cầu trợ giúp pháp lý", "hồ sơ giám định", "hồ sơ đấu giá"],
            "city",
            ["trợ giúp viên pháp lý", "luật sư", "đấu giá viên", "giám định viên tư pháp", "chuyên viên sở tư pháp"],
            [("chi nhánh trợ giúp pháp lý ở {p}", "chi nhánh trợ giúp pháp lý")],
            [
                "Tòa án và công an đã hướng dẫn tôi đến trung tâm trợ giúp pháp lý.",
                "UBND {w} đã xác nhận tôi thuộc hộ nghèo để được trợ giúp pháp lý miễn phí.",
            ],
        ),
        (
            [
                "lập vi bằng giao nhận tiền",
                "thuê thừa phát lại tống đạt giấy tờ",
                "xác minh điều kiện thi hành án qua thừa phát lại",
            ],
            ["vi bằng", "hợp đồng dịch vụ thừa phát lại"],
            "local",
            ["thừa phát lại", "thư ký văn phòng thừa phát lại"],
            [("văn phòng thừa phát lại ở {p}", "văn phòng thừa phát lại")],
            [],
        ),
    ],
    unit_heads=[
        "trưởng văn phòng thừa phát lại",
        "giám đốc trung tâm dịch vụ đấu giá tài sản",
        "trưởng phòng bổ trợ tư pháp",
    ],
)

# ------------------------------------------------------------------ industry & trade
EXTRA["so-cong-thuong"] = dict(
    services=[
        (
            [
                "xin giấy phép kinh doanh khí hóa lỏng",
                "xin giấy phép bán buôn rượu",
                "xin giấy phép sản xuất rượu thủ công để bán",
                "xin giấy chứng nhận đủ điều kiện kinh doanh hóa chất",
                "xin giấy phép bán buôn thuốc lá",
                "xin cấp phép cửa hàng xăng dầu ven đường",
                "xin giấy chứng nhận an toàn thực phẩm cho cơ sở sản xuất bánh kẹo",
            ],
            ["hồ sơ cấp phép kinh doanh", "hồ sơ giấy phép bán buôn", "hồ sơ đủ điều kiện kinh doanh"],
            "city",
            [
                "chuyên viên phòng quản lý thương mại",
                "chuyên viên phòng kỹ thuật an toàn - môi trường",
                "cán bộ sở công thương",
                "chuyên viên phòng quản lý công nghiệp",
            ],
            [],
            [
                "Giấy đăng ký doanh nghiệp Sở Tài chính cấp rồi, PCCC công an cũng nghiệm thu xong, chỉ còn giấy phép của Sở Công Thương.",
                "UBND {w} đã cấp đăng ký hộ kinh doanh, nhưng giấy phép bán rượu thì phải xin Sở Công Thương.",
            ],
        ),
        (
            [
                "xin chấp thuận xây siêu thị",
                "phản ánh quy hoạch chợ đầu mối của tỉnh",
                "đăng ký bán hàng đa cấp",
                "đăng ký tổ chức hội chợ thương mại",
                "xin giấy phép lập cơ sở bán lẻ cho công ty nước ngoài",
            ],
            ["hồ sơ xin chấp thuận", "hồ sơ đăng ký hội chợ", "hồ sơ bán hàng đa cấp"],
            "city",
            ["chuyên viên phòng quản lý thương mại", "cán bộ phòng xúc tiến thương mại"],
            [],
            [],
        ),
        (
            [
                "khiếu nại điện lực tính sai chỉ số công tơ",
                "phản ánh mất điện kéo dài",
                "xin đấu nối điện mặt trời mái nhà",
                "phản ánh cột điện trung thế sát nhà",
                "phản ánh đường dây điện võng thấp",
            ],
            ["đơn khiếu nại điện", "đơn phản ánh về điện"],
            "city",
            [
                "chuyên viên phòng quản lý năng lượng",
                "thanh tra sở công thương",
                "cán bộ sở công thương phụ trách điện",
            ],
            [],
            [
                "Điện lực huyện cũ không giải quyết nên tôi gửi Sở Công Thương, nhưng cán bộ sở cũng không trả lời.",
                "UBND {w} bảo việc điện phải hỏi Sở Công Thương.",
            ],
        ),
        (
            [
                "xin thuê đất trong cụm công nghiệp",
                "phản ánh cụm công nghiệp gây ồn",
                "đăng ký sản phẩm OCOP cấp tỉnh",
                "xin hỗ trợ khuyến công",
            ],
            ["hồ sơ cụm công nghiệp", "hồ sơ khuyến công"],
            "city",
            ["cán bộ trung tâm khuyến công", "chuyên viên phòng quản lý công nghiệp"],
            [],
            [],
        ),
    ],
    unit_heads=["giám đốc trung tâm khuyến công", "trưởng phòng quản lý năng lượng", "chánh thanh tra sở công thương"],
)

# ------------------------------------------------------------------ culture, sports, tourism, press
EXTRA["so-van-hoa-the-thao-du-lich"] = dict(
    services=[
        (
            [
                "xin giấy phép xuất bản bản tin",
                "xin phép xuất bản tài liệu không kinh doanh",
                "xin giấy phép hoạt động in",
                "đăng ký cơ sở in",
                "xin giấy phép xuất bản đặc san",
                "xin giấy phép trang thông tin điện tử tổng hợp",
                "đăng ký hoạt động phát hành xuất bản phẩm",
                "xin phép nhập khẩu xuất bản phẩm",
                "xin cấp phép kênh truyền hình nội bộ",
                "đăng ký in lịch, tờ rơi có nội dung",
            ],
            ["hồ sơ cấp giấy phép xuất bản", "hồ sơ cấp phép in", "hồ sơ bản tin", "hồ sơ trang thông tin điện tử"],
            "city",
            [
                "chuyên viên phòng quản lý báo chí, xuất bản",
                "cán bộ phòng báo chí - xuất bản",
                "chuyên viên phụ trách xuất bản của sở văn hóa",
                "cán bộ sở thông tin và truyền thông cũ nay về sở văn hóa",
            ],
            [],
            [
                "Trước đây việc này do Sở Thông tin và Truyền thông làm, nay đã chuyển sang Sở Văn hóa, Thể thao và Du lịch.",
                "Sở Khoa học và Công nghệ bảo từ năm 2025 báo chí, xuất bản không còn thuộc họ nữa.",
                "Tôi nộp trên cổng dịch vụ công trực tuyến, hệ thống báo hồ sơ chuyển về sở văn hóa.",
            ],
        ),
        (
            [
                "xin công nhận khách sạn 3 sao",
                "xin xếp hạng cơ sở lưu trú du lịch",
                "xin giấy phép kinh doanh lữ hành nội địa",
                "cấp đổi thẻ hướng dẫn viên du lịch",
                "xin cấp thẻ hướng dẫn viên tại điểm",
                "xin công nhận điểm du lịch cộng đồng",
                "rút tiền ký quỹ lữ hành",
                "phản ánh giá dịch vụ ở khu du lịch biển",
            ],
            [
                "hồ sơ xếp hạng khách sạn",
                "hồ sơ giấy phép lữ hành",
                "hồ sơ thẻ hướng dẫn viên",
                "hồ sơ công nhận điểm du lịch",
            ],
            "city",
            [
                "chuyên viên phòng quản lý du lịch",
                "cán bộ thẩm định xếp hạng khách sạn",
                "cán bộ trung tâm xúc tiến du lịch",
                "thanh tra sở văn hóa",
            ],
            [],
            [
                "Công an {w} đã cấp giấy an ninh trật tự cho khách sạn rồi, chỉ còn thẩm định sao của sở văn hóa.",
                "PCCC nghiệm thu xong, giấy đăng ký kinh doanh có đủ, vướng ở phòng quản lý du lịch.",
            ],
        ),
        (
            [
                "xin giấy phép kinh doanh karaoke",
                "xin giấy phép kinh doanh vũ trường",
                "xin phép tổ chức lễ hội bia",
                "xin phép tổ chức biểu diễn nghệ thuật",
                "xin phép tổ chức cuộc thi người đẹp",
                "xin phép tổ chức triển lãm ảnh",
                "xin phép treo băng rôn quảng cáo sự kiện",
                "xin giấy chứng nhận đủ điều kiện kinh doanh phòng tập gym",
                "xin phép tổ chức giải chạy",
            ],
            [
                "hồ sơ giấy phép karaoke",
                "hồ sơ xin phép tổ chức sự kiện",
                "hồ sơ biểu diễn",
                "hồ sơ phòng tập thể thao",
            ],
            "city",
            [
                "chuyên viên phòng quản lý văn hóa",
                "cán bộ phòng nghiệp vụ văn hóa",
                "chuyên viên phòng quản lý thể dục thể thao",
                "thanh tra sở văn hóa",
            ],
            [],
            [
                "Công an xã đã cho phép về an ninh trật tự nhưng giấy phép karaoke thì sở văn hóa vẫn chưa cấp.",
                "UBND {w} đồng ý địa điểm tổ chức rồi, hồ sơ nằm ở sở văn hóa.",
                "Công an đã nghiệm thu PCCC cho quán từ {date}.",
            ],
        ),
        (
            [
                "xin tu bổ đình làng là di tích",
                "xin xếp hạng di tích cho nhà thờ họ",
                "phản ánh di tích bị xâm hại",
                "mượn sách ở thư viện tỉnh",
                "tham quan bảo tàng tỉnh",
                "báo bạo lực gia đình cần hỗ trợ",
            ],
            ["hồ sơ tu bổ di tích", "hồ sơ xếp hạng di tích", "đơn phản ánh di tích"],
            "city",
            [
                "cán bộ ban quản lý di tích",
                "chuyên viên phòng quản lý di sản",
                "nhân viên thư viện tỉnh",
                "nhân viên bảo tàng tỉnh",
            ],
            [("ban quản lý di tích ở {p}", "ban quản lý di tích")],
            ["UBND {w} đã đồng ý về chủ trương, nhưng thỏa thuận tu bổ di tích là của sở văn hóa."],
        ),
    ],
    officers=[
        "chuyên viên phòng quản lý báo chí, xuất bản",
        "chuyên viên phòng quản lý du lịch",
        "thanh tra sở văn hóa",
    ],
    unit_heads=[
        "trưởng phòng quản lý báo chí, xuất bản",
        "trưởng phòng quản lý du lịch",
        "chánh thanh tra sở văn hóa",
        "giám đốc thư viện tỉnh",
        "giám đốc bảo tàng tỉnh",
        "giám đốc trung tâm xúc tiến du lịch",
    ],
    city_offices=[
        "Sở Văn hóa, Thể thao và Du lịch (bộ phận báo chí, xuất bản)",
        "phòng quản lý du lịch của Sở VHTTDL",
        "Sở Du lịch cũ",
    ],
)

# ------------------------------------------------------------------ science, telecoms, post, digital
EXTRA["so-khoa-hoc-cong-nghe"] = dict(
    services=[
        (
            [
                "nhận căn cước gửi qua bưu điện",
                "nhận bằng lái xe gửi qua bưu điện",
                "nhận kết quả hộ tịch qua bưu điện",
                "gửi hồ sơ qua dịch vụ bưu chính công ích",
                "nhận bưu phẩm kết quả giải quyết thủ tục",
                "nhận lương hưu qua bưu điện",
            ],
            ["bưu phẩm kết quả", "phong bì kết quả thủ tục", "bưu gửi hồ sơ"],
            "local",
            [
                "bưu tá",
                "nhân viên bưu điện",
                "nhân viên giao bưu phẩm",
                "nhân viên bưu cục",
                "nhân viên điểm bưu điện văn hóa xã",
            ],
            [],
            [
                "Công an {w} đã làm xong căn cước và gửi qua bưu điện, nhưng bưu tá giữ lại không giao.",
                "UBND {w} báo kết quả đã gửi đi từ {date}, lỗi là ở khâu chuyển phát của bưu điện.",
                "Văn phòng đất đai xác nhận đã chuyển sổ cho bưu điện từ lâu.",
            ],
        ),
        (
            [
                "tạo tài khoản trên cổng dịch vụ công của tỉnh",
                "phản ánh cổng dịch vụ công bị lỗi",
                "đăng ký chữ ký số cá nhân",
                "phản ánh tin nhắn rác, cuộc gọi lừa đảo",
                "phản ánh vùng lõm sóng điện thoại",
                "đăng ký tên miền cho cơ sở",
                "phản ánh cáp viễn thông treo ngang đường",
            ],
            ["hồ sơ trực tuyến", "đơn phản ánh viễn thông", "hồ sơ chữ ký số"],
            "city",
            [
                "nhân viên hỗ trợ cổng dịch vụ công",
                "cán bộ trung tâm chuyển đổi số",
                "chuyên viên phòng bưu chính viễn thông",
                "chuyên viên phòng chuyển đổi số",
            ],
            [],
            [
                "Sở Tư pháp bảo hồ sơ của tôi không lên được vì cổng dịch vụ công lỗi, việc đó thuộc trung tâm chuyển đổi số."
            ],
        ),
        (
            [
                "kiểm định đồng hồ nước",
                "kiểm định công tơ điện",
                "xin cấp phép sử dụng máy X-quang",
                "đăng ký bảo hộ nhãn hiệu tập thể",
                "xin chỉ dẫn địa lý cho nước mắm",
                "đăng ký đề tài khoa học cấp tỉnh",
                "công bố hợp quy sản phẩm",
            ],
            ["hồ sơ kiểm định", "hồ sơ cấp phép an toàn bức xạ", "hồ sơ bảo hộ nhãn hiệu", "hồ sơ đề tài"],
            "city",
            [
                "chuyên viên chi cục tiêu chuẩn đo lường chất lượng",
                "kiểm định viên đo lường",
                "chuyên viên phòng an toàn bức xạ",
                "chuyên viên phòng quản lý khoa học",
            ],
            [],
            ["Sở Y tế đã cấp phép phòng khám, còn giấy phép an toàn bức xạ thì Sở Khoa học và Công nghệ giữ."],
        ),
    ],
    unit_heads=["trưởng bưu điện văn hóa xã", "giám đốc bưu điện tỉnh", "trưởng phòng bưu chính viễn thông"],
)

# ------------------------------------------------------------------ ethnic affairs & religion
EXTRA["so-dan-toc-ton-giao"] = dict(
    services=[
        (
            [
                "đăng ký sinh hoạt tôn giáo tập trung cho nhóm Tin Lành",
                "xin phép tổ chức lễ ngoài cơ sở tôn giáo",
                "đăng ký thuyên chuyển chức sắc",
                "đăng ký mở lớp bồi dưỡng giáo lý",
                "thông báo người được phong phẩm",
                "đăng ký hoạt động tôn giáo hằng năm của giáo xứ",
                "xin công nhận tổ chức tôn giáo trực thuộc",
                "xin phép tổ chức đại lễ Phật đản",
                "xin xây dựng lại nhà thờ giáo họ",
            ],
            [
                "hồ sơ đăng ký hoạt động tôn giáo",
                "hồ sơ đăng ký sinh hoạt tôn giáo tập trung",
                "văn bản đề nghị tổ chức lễ",
            ],
            "city",
            [
                "chuyên viên phòng quản lý tôn giáo",
                "cán bộ ban tôn giáo cũ",
                "chuyên viên sở dân tộc và tôn giáo phụ trách tôn giáo",
            ],
            [],
            [
                "UBND {w} đã có ý kiến đồng ý về địa điểm, nhưng việc đăng ký là của Sở Dân tộc và Tôn giáo.",
                "Sở Nội vụ trước đây làm việc này, nay đã chuyển về Sở Dân tộc và Tôn giáo.",
                "Công an {w} đã nắm tình hình và không có ý kiến gì.",
            ],
        ),
        (
            [
                "nhận hỗ trợ bò sinh sản theo chương trình dân tộc thiểu số",
                "nhận hỗ trợ chuyển đổi nghề cho đồng bào",
                "xin hỗ trợ đất ở cho hộ dân tộc thiểu số",
                "nhận hỗ trợ theo chương trình mục tiêu quốc gia vùng đồng bào",
                "xin đưa thôn vào danh sách thôn đặc biệt khó khăn",
                "xét công nhận người có uy tín",
                "nhận quà Tết cho người có uy tín",
                "nhận hỗ trợ học sinh dân tộc rất ít người",
            ],
            [
                "hồ sơ hỗ trợ dân tộc",
                "danh sách hộ hưởng chương trình",
                "hồ sơ người có uy tín",
                "danh sách thôn đặc biệt khó khăn",
            ],
            "field",
            [
                "cán bộ phòng chính sách dân tộc",
                "cán bộ sở dân tộc về thôn",
                "chuyên viên sở dân tộc và tôn giáo",
                "cán bộ chương trình 1719 của sở",
            ],
            [],
            [
                "UBND {w} đã bình xét và gửi danh sách lên, nhưng cán bộ sở dân tộc loại tên nhà tôi.",
                "Xã bảo chỉ làm theo danh sách sở dân tộc duyệt.",
            ],
        ),
    ],
    officers=["chuyên viên phòng quản lý tôn giáo", "cán bộ phòng chính sách dân tộc"],
    unit_heads=["trưởng phòng quản lý tôn giáo", "trưởng phòng kế hoạch - tổng hợp sở dân tộc"],
)

# ------------------------------------------------------------------ police
EXTRA["cong-an-tinh"] = dict(
    services=[
        (
            [
                "thi sát hạch lái xe",
                "làm lại bằng lái sau khi chuyển về công an",
                "xin lý lịch tư pháp trên VNeID",
                "kích hoạt định danh điện tử mức 2",
                "khai báo tạm vắng",
                "xin xác nhận số định danh cá nhân",
                "đăng ký xe qua dịch vụ công",
            ],
            ["hồ sơ sát hạch", "hồ sơ lý lịch tư pháp", "hồ sơ định danh điện tử", "hồ sơ đăng ký xe"],
            "local",
            ["cán bộ công an xã", "cán bộ sát hạch", "cán bộ phòng hồ sơ nghiệp vụ", "anh công an phường"],
            [],
            [
                "Sở Tư pháp bảo từ năm 2025 lý lịch tư pháp chuyển sang công an.",
                "Trước đây bằng lái do Sở Giao thông cấp, giờ công an làm.",
                "UBND {w} đã xác nhận đầy đủ, chỉ còn bên công an.",
            ],
        ),
        (
            [
                "xin giấy chứng nhận đủ điều kiện an ninh trật tự cho quán karaoke",
                "xin giấy an ninh trật tự cho cơ sở lưu trú",
                "đăng ký mẫu con dấu",
                "trình báo mất trộm",
                "tố giác người cho vay nặng lãi",
                "trình báo bị lừa đảo qua mạng",
            ],
            ["hồ sơ an ninh trật tự", "đơn trình báo", "đơn tố giác"],
            "local",
            ["cán bộ công an xã", "điều tra viên", "cán bộ trực ban công an", "cảnh sát khu vực", "cán bộ phòng PC06"],
            [],
            [
                "Sở văn hóa đã hẹn cấp giấy phép karaoke, chỉ chờ giấy an ninh trật tự của công an.",
                "UBND {w} hướng dẫn tôi ra công an trình báo.",
            ],
        ),
    ],
    unit_heads=["trưởng phòng cảnh sát hình sự", "đội trưởng đội sát hạch", "trưởng công an phường"],
)

# ------------------------------------------------------------------ tax
EXTRA["thue"] = dict(
    services=[
        (
            [
                "nộp thuế chuyển nhượng đất",
                "nhận thông báo thuế khi sang tên sổ đỏ",
                "xin gia hạn nộp tiền sử dụng đất",
                "nộp tiền thuê đất hằng năm",
                "nộp thuế đất phi nông nghiệp",
                "xin ghi nợ tiền sử dụng đất",
            ],
            ["thông báo nộp thuế", "tờ khai thuế thu nhập cá nhân chuyển nhượng", "hồ sơ ghi nợ tiền sử dụng đất"],
            "local",
            ["cán bộ thuế cơ sở", "cán bộ thuế phụ trách đất đai", "chuyên viên thuế"],
            [],
            [
                "Văn phòng đăng ký đất đai đã chuyển thông tin sang thuế từ {date}, nhưng bên thuế chưa ra thông báo.",
                "Hồ sơ sang tên đã xong bên đất đai, chỉ chờ thuế.",
                "UBND {w} xác nhận tôi thuộc diện được miễn nhưng cán bộ thuế vẫn bắt nộp.",
            ],
        ),
        (
            [
                "khai thuế cho thuê nhà",
                "nộp thuế qua eTax",
                "xin hủy hóa đơn viết sai",
                "khai thuế thương mại điện tử",
                "xin xác nhận hoàn thành nghĩa vụ thuế",
            ],
            ["tờ khai thuế", "hồ sơ hóa đơn", "giấy xác nhận nghĩa vụ thuế"],
            "city",
            ["cán bộ bộ phận một cửa thuế", "chuyên viên hỗ trợ người nộp thuế", "cán bộ kiểm tra thuế"],
            [],
            [
                "Sở Tài chính đã cấp đăng ký doanh nghiệp, mã số thuế có rồi.",
                "Tôi nộp qua dịch vụ công trực tuyến nhưng thuế vẫn bắt lên nộp bản giấy.",
            ],
        ),
    ],
    unit_heads=["trưởng phòng tuyên truyền hỗ trợ người nộp thuế", "trưởng thuế cơ sở số 3"],
)

# ------------------------------------------------------------------ social insurance
EXTRA["bhxh"] = dict(
    services=[
        (
            [
                "cấp sổ BHXH lần đầu",
                "phản ánh công ty nợ BHXH không chốt sổ",
                "truy đóng BHXH",
                "gộp hai sổ BHXH",
                "xác nhận quá trình đóng BHXH",
            ],
            ["sổ BHXH", "hồ sơ truy đóng", "hồ sơ gộp sổ"],
            "local",
            ["cán bộ thu BHXH", "cán bộ sổ thẻ", "chuyên viên BHXH cơ sở"],
            [],
            [
                "Sở Nội vụ bảo phần chốt sổ là của bảo hiểm xã hội.",
                "Công ty đã đóng đủ, ngân hàng có chứng từ, nhưng BHXH vẫn chưa chốt sổ.",
            ],
        ),
        (
            [
                "mua BHYT hộ gia đình",
                "đóng BHYT cho cả nhà qua đại lý thu",
                "thanh toán trực tiếp chi phí khám BHYT",
                "đổi nơi khám chữa bệnh ban đầu",
                "cấp lại thẻ BHYT sai thông tin",
                "làm thẻ BHYT cho người có công",
            ],
            ["thẻ BHYT", "hồ sơ thanh toán trực tiếp", "tờ khai tham gia BHYT"],
            "local",
            ["nhân viên đại lý thu BHYT", "cán bộ giám định BHYT", "cán bộ BHXH cơ sở", "nhân viên thu BHYT ở xã"],
            [],
            [
                "Bệnh viện bảo thẻ sai thông tin, phải lên bảo hiểm xã hội sửa.",
                "UBND {w} đã lập danh sách cấp thẻ, nhưng BHXH chưa in thẻ.",
                "Tôi đăng ký nhận thẻ qua bưu điện mà đợi mãi không thấy.",
            ],
        ),
        (
            [
                "nhận trợ cấp dưỡng sức sau sinh",
                "hưởng chế độ tai nạn lao động",
                "nhận lương hưu tháng đầu",
                "chuyển nơi nhận lương hưu",
            ],
            ["hồ sơ dưỡng sức", "hồ sơ tai nạn lao động", "hồ sơ hưu trí"],
            "local",
            ["cán bộ chế độ BHXH", "chuyên viên bảo hiểm xã hội"],
            [],
            ["Bưu điện bảo chưa nhận được danh sách chi trả từ bảo hiểm xã hội."],
        ),
    ],
    unit_heads=["trưởng phòng giám định BHYT", "trưởng phòng sổ thẻ"],
)

# ------------------------------------------------------------------ inspectorate
EXTRA["thanh-tra-tinh"] = dict(
    services=[
        (
            [
                "khiếu nại quyết định giải quyết lần hai",
                "gửi đơn tố cáo lãnh đạo xã lên tỉnh",
                "kiến nghị về chủ trương chung của tỉnh",
                "phản ánh đơn gửi thanh tra tỉnh bị ỉm đi",
            ],
            ["đơn khiếu nại lần hai", "đơn tố cáo", "đơn kiến nghị"],
            "city",
            ["thanh tra viên tỉnh", "cán bộ ban tiếp công dân tỉnh", "cán bộ xử lý đơn của thanh tra tỉnh"],
            [],
            ["Đơn của tôi đã gửi UBND {w} nhưng xã không có thẩm quyền nên tôi gửi thanh tra tỉnh."],
        ),
    ],
)

# Prefixes that name another body in passing before the complaint itself (the handling
# body stays the label). Keys: which agencies may use it (None = any except `not_for`).
MENTION_PREFIX = [
    ("UBND {w} đã xác nhận đầy đủ rồi nhưng ", ("xa",)),
    ("Xã đã ký xác nhận cho tôi từ {date}, vậy mà ", ("xa",)),
    ("UBND {w} xác nhận rồi, chỉ còn thủ tục ở đây, nhưng ", ("xa",)),
    ("Công an {w} đã cho phép nhưng ", ("cong-an-tinh", "xa")),
    ("Công an {w} xác nhận cư trú rồi, nhưng ", ("cong-an-tinh",)),
    ("Tôi nộp qua dịch vụ công trực tuyến từ {date}, hệ thống báo hợp lệ, nhưng ", ("so-khoa-hoc-cong-nghe",)),
    ("Tôi đăng ký nhận kết quả qua bưu điện, nhưng ", ("so-khoa-hoc-cong-nghe",)),
    ("Hồ sơ nộp trên Cổng dịch vụ công quốc gia, vậy mà ", ("so-khoa-hoc-cong-nghe",)),
    ("Trưởng thôn và xã đều đã ký, thế mà ", ("xa",)),
    ("Bên thuế đã xong phần của họ, nhưng ", ("thue",)),
    ("Tôi đã hỏi đường dây nóng của tỉnh và được hướng dẫn nộp đúng nơi, nhưng ", ("thanh-tra-tinh",)),
]
