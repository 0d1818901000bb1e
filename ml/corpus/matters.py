# ruff: noqa: E501  (phrase tables: one phrase per line)
"""What the matter is, told the way citizens tell it, per body (docs/taxonomy.md §1).

Citizens often describe the matter in their own words instead of naming an office or a
procedure ("chú tôi hy sinh năm 1972 mà gia đình chưa được cấp bằng Tổ quốc ghi công"); the
body follows from the subject. Each sentence here sets the scene of a story (`tell.story`)
and says nothing about misconduct. Slots as in `stories`.
"""

from __future__ import annotations

MATTERS: dict[str, list[str]] = {
    "xa": [
        "Tôi báo xã về việc lấn chiếm đường làng trong thôn.",
        "Tôi cần giấy xác nhận của xã để con đi học nghề được miễn học phí.",
        "Con tôi mới sinh, tôi làm giấy khai sinh và đăng ký thường trú cho cháu ở xã.",
        "Bố tôi mất, gia đình làm giấy khai tử để lo hậu sự.",
        "Gia đình tôi xin phép sửa lại căn nhà cấp bốn đã xuống cấp.",
        "Bà con kiến nghị xã sửa đường và cống thoát nước trong thôn.",
        "Mẹ tôi thuộc diện hưởng trợ cấp người cao tuổi do xã chi trả hằng tháng.",
        "Tôi thuê ki-ốt ở chợ do xã quản lý để bán hàng tạp hóa.",
        "Nhà tôi và nhà bên cạnh có tranh chấp lối đi chung, tôi gửi đơn nhờ xã hòa giải.",
        "Tôi làm hồ sơ xin hỗ trợ làm lại nhà sau bão theo danh sách của xã.",
        "Tôi cần chứng thực bản sao học bạ, bằng tốt nghiệp cho con nộp hồ sơ.",
        "Đường bê tông trong thôn làm theo kiểu nhà nước và nhân dân cùng làm, mỗi hộ góp một phần.",
    ],
    "so-nong-nghiep-moi-truong": [
        "Gia đình tôi làm thủ tục sang tên thửa đất được bố mẹ cho tặng.",
        "Tôi nộp hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất vì sổ cũ đã rách nát.",
        "Đất nhà tôi bị thu hồi một phần để mở rộng quốc lộ, đang chờ nhận tiền bồi thường.",
        "Thửa đất của tôi đo đạc lại thì dư mấy mét vuông so với giấy tờ cũ.",
        "Xưởng của tôi cần giấy phép môi trường để được hoạt động tiếp.",
        "Nhà tôi nhận khoán bảo vệ rừng, mỗi năm được chi tiền dịch vụ môi trường rừng.",
        "Trang trại lợn của tôi làm hồ sơ kiểm dịch để xuất bán.",
        "Tôi xin chuyển mục đích một phần đất vườn sang đất ở để làm nhà cho con.",
        "Cánh đồng thôn tôi lấy nước từ kênh thủy lợi của công ty thủy lợi.",
        "Gia đình tôi thế chấp sổ đỏ vay ngân hàng, cần xóa đăng ký thế chấp sau khi trả nợ.",
    ],
    "so-xay-dung": [
        "Công ty tôi xin giấy phép xây dựng nhà xưởng trong cụm công nghiệp.",
        "Tôi đưa xe ô tô đi đăng kiểm định kỳ.",
        "Nhà xe của tôi làm hồ sơ xin cấp phù hiệu xe hợp đồng.",
        "Tôi nộp hồ sơ mua nhà ở xã hội ở thành phố.",
        "Tôi hỏi thông tin quy hoạch của khu đất định mua.",
        "Doanh nghiệp tôi xin phép đấu nối đường nhánh vào đường tỉnh.",
        "Hồ sơ thẩm định thiết kế dự án của công ty tôi nộp ở sở từ đầu năm.",
    ],
    "so-tai-chinh": [
        "Tôi làm thủ tục thành lập công ty trách nhiệm hữu hạn.",
        "Công ty tôi xin cấp giấy chứng nhận đăng ký đầu tư cho dự án mới.",
        "Doanh nghiệp tôi đăng ký thay đổi vốn điều lệ và người đại diện.",
        "Tôi hỏi về việc sắp xếp, xử lý nhà đất công sau khi sáp nhập đơn vị hành chính.",
        "Doanh nghiệp tôi đăng ký tham gia đấu giá tài sản công của tỉnh.",
        "Công ty tôi làm hồ sơ xin ưu đãi đầu tư theo quy định của tỉnh.",
    ],
    "so-noi-vu": [
        "Chú ruột tôi là liệt sĩ, gia đình làm hồ sơ đề nghị cấp bằng Tổ quốc ghi công.",
        "Gia đình tôi làm hồ sơ đề nghị xác nhận thông tin mộ liệt sĩ.",
        "Bà nội tôi là mẹ liệt sĩ, đến nay vẫn chưa được hưởng chế độ thân nhân.",
        "Bố tôi là thương binh, làm hồ sơ giám định lại tỷ lệ thương tật.",
        "Tôi nghỉ việc ở công ty và làm hồ sơ hưởng trợ cấp thất nghiệp.",
        "Công ty nợ lương và bảo hiểm của công nhân mấy tháng liền.",
        "Tôi dự thi tuyển công chức cấp xã năm nay.",
        "Tôi là cán bộ không chuyên trách, nghỉ việc theo sắp xếp bộ máy và chờ nhận chế độ.",
        "Gia đình tôi xin trích lục hồ sơ người có công đang lưu ở sở.",
    ],
    "so-giao-duc-dao-tao": [
        "Con tôi học lớp 6 ở trường trung học cơ sở của xã.",
        "Đầu năm học, nhà trường thông báo các khoản thu cho học sinh.",
        "Con tôi thi tuyển vào lớp 10 năm nay.",
        "Tôi xin cấp bản sao bằng tốt nghiệp trung học phổ thông bị mất.",
        "Con tôi ăn bán trú ở trường tiểu học.",
    ],
    "so-y-te": [
        "Bố tôi nằm điều trị ở bệnh viện đa khoa tỉnh.",
        "Tôi đi khám sức khỏe để làm hồ sơ xin việc.",
        "Tôi làm hồ sơ xin cấp chứng chỉ hành nghề dược.",
        "Mẹ tôi khám bệnh bằng thẻ bảo hiểm y tế ở trung tâm y tế.",
        "Cháu tôi được đưa vào trung tâm bảo trợ xã hội của tỉnh.",
        "Cơ sở sản xuất thực phẩm của tôi xin giấy chứng nhận an toàn thực phẩm.",
    ],
    "so-tu-phap": [
        "Tôi công chứng hợp đồng mua bán nhà ở văn phòng công chứng.",
        "Gia đình tôi cần thừa phát lại lập vi bằng việc giao nhận tiền.",
        "Tôi xin trợ giúp pháp lý miễn phí vì thuộc hộ nghèo.",
        "Con tôi sinh ở nước ngoài, tôi làm hồ sơ xin quốc tịch Việt Nam cho cháu.",
        "Tài sản thế chấp của gia đình được đưa ra bán đấu giá.",
    ],
    "so-cong-thuong": [
        "Tôi làm hồ sơ đề nghị cấp điện cho xưởng sản xuất.",
        "Tôi hỏi về việc ngừng cấp điện để bảo trì lưới điện.",
        "Tôi xin giấy phép bán lẻ rượu cho cửa hàng tạp hóa.",
        "Tôi xin giấy chứng nhận đủ điều kiện bán lẻ xăng dầu.",
        "Cửa hàng của tôi bị đội quản lý thị trường kiểm tra hàng hóa.",
        "Tôi mở đại lý bán gas và xin giấy chứng nhận đủ điều kiện.",
    ],
    "so-van-hoa-the-thao-du-lich": [
        "Tôi làm hồ sơ xin giấy phép tổ chức biểu diễn nghệ thuật.",
        "Tôi xin giấy phép kinh doanh karaoke cho quán mới mở.",
        "Khách sạn của gia đình tôi đề nghị công nhận hạng sao.",
        "Đơn vị chúng tôi xin giấy phép in ấn phẩm tuyên truyền.",
        "Làng tôi tổ chức lễ hội truyền thống, phải xin phép tổ chức.",
        "Tôi làm thẻ hướng dẫn viên du lịch.",
    ],
    "so-khoa-hoc-cong-nghe": [
        "Tôi đăng ký lắp đặt dịch vụ internet cho gia đình.",
        "Kết quả giấy tờ của tôi được gửi về qua đường bưu điện.",
        "Tôi nộp hồ sơ trực tuyến trên cổng dịch vụ công của tỉnh.",
        "Hợp tác xã chúng tôi đăng ký nhãn hiệu cho sản phẩm đặc sản.",
        "Cân ở chợ và cột đo xăng cần được kiểm định định kỳ.",
    ],
    "so-dan-toc-ton-giao": [
        "Cơ sở tôn giáo của chúng tôi đăng ký hoạt động tôn giáo ngoài cơ sở.",
        "Tôi muốn biết chính sách dành cho người có uy tín ở vùng đồng bào dân tộc.",
        "Nhà chùa xin đăng ký hoạt động tôn giáo tập trung.",
        "Gia đình tôi là hộ đồng bào dân tộc thiểu số, được hỗ trợ nhà ở theo chương trình của tỉnh.",
    ],
    "cong-an-tinh": [
        "Tôi làm căn cước cho con ở công an phường.",
        "Tôi đăng ký thường trú cho vợ mới cưới về nhà chồng.",
        "Tôi làm hộ chiếu để đi làm việc ở nước ngoài.",
        "Tôi đổi giấy phép lái xe hết hạn.",
        "Tôi xin phiếu lý lịch tư pháp để bổ sung hồ sơ xin việc.",
        "Tôi đăng ký xe máy mới mua và chờ cấp biển số.",
        "Xưởng của tôi làm thủ tục nghiệm thu phòng cháy chữa cháy.",
        "Tôi bị dừng xe kiểm tra trên đường tỉnh.",
    ],
    "thue": [
        "Tôi tự quyết toán thuế thu nhập cá nhân năm vừa rồi.",
        "Gia đình tôi nộp lệ phí trước bạ khi sang tên đất.",
        "Hộ kinh doanh của tôi nộp thuế khoán hằng năm.",
        "Công ty tôi đề nghị hoàn thuế giá trị gia tăng.",
        "Tôi nhận thông báo nộp tiền sử dụng đất khi làm sổ đỏ lần đầu.",
        "Công ty tôi đăng ký sử dụng hóa đơn điện tử.",
    ],
    "bhxh": [
        "Tôi làm hồ sơ hưởng chế độ thai sản sau khi sinh con.",
        "Tôi làm thủ tục cấp lại sổ bảo hiểm xã hội bị mất.",
        "Bố tôi làm hồ sơ hưởng lương hưu.",
        "Thẻ bảo hiểm y tế của con tôi bị ghi sai ngày sinh.",
        "Tôi xin thanh toán trực tiếp chi phí khám chữa bệnh bảo hiểm y tế.",
        "Tôi nghỉ việc và làm hồ sơ hưởng bảo hiểm xã hội một lần.",
    ],
    "thanh-tra-tinh": [
        "Tôi gửi đơn tố cáo đến thanh tra tỉnh từ đầu năm.",
        "Tôi đến trụ sở tiếp công dân của tỉnh để trình bày vụ việc.",
        "Đoàn thanh tra của tỉnh về làm việc ở địa phương tôi.",
    ],
}
