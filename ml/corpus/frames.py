# ruff: noqa: E501  (phrase tables: one phrase per line)
"""The wrappers around a complaint that carry no category: petition boilerplate, background, news framing.

A formal petition (đơn) opens with the national motto, a title, "Kính gửi", the
petitioner's particulars (name, year of birth, ID card, residence, phone) and often a long
background (how the family got the land, who lives where); it closes with requests, a
sworn statement, the list of attachments and the signature block. Newspapers and feedback
portals retell complaints in the third person ("Bà H. (trú tại ...) phản ánh: ...").
None of this says which misconduct happened; the generator wraps stories in it so the
model learns to ignore it.
"""

from __future__ import annotations

MOTTO = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc",
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.",
]
TITLE = [
    "ĐƠN PHẢN ÁNH",
    "ĐƠN PHẢN ÁNH, KIẾN NGHỊ",
    "ĐƠN KIẾN NGHỊ",
    "ĐƠN TỐ CÁO",
    "ĐƠN KHIẾU NẠI",
    "ĐƠN TRÌNH BÀY",
    "ĐƠN ĐỀ NGHỊ",
    "Đơn phản ánh",
]
ADDRESSEE = [
    "Kính gửi: {addressee}",
    "Kính gửi: - {addressee}\n- Thanh tra tỉnh Thanh Hóa",
    "Kính gửi: {addressee}; Ban Tiếp công dân tỉnh",
    "Kính gửi các cơ quan chức năng",
    "Kính gửi: Chủ tịch UBND tỉnh Thanh Hóa",
    "Kính gửi: Đường dây nóng của tỉnh",
    "Kính gửi: Báo Thanh Hóa và các cơ quan có thẩm quyền",
]
GREETING = [
    "Kính gửi quý cơ quan,",
    "Kính thưa các cơ quan chức năng,",
    "Xin chào ban biên tập,",
    "Chào anh chị,",
    "Kính gửi lãnh đạo,",
]
PARTICULARS = [
    "Tôi tên là: {reporter}, sinh năm {year}.",
    "Tôi tên là {reporter}, sinh năm {year}, CCCD số {idno} cấp ngày {issued}.",
    "Tôi là {reporter}, sinh ngày {dob}, số căn cước {idno}.",
    "Họ và tên người làm đơn: {reporter}. Năm sinh: {year}. Số CCCD: {idno}.",
    "Tôi tên là {reporter}, {year_age} tuổi, nghề nghiệp: {job}.",
    "Người phản ánh: {reporter}, sinh năm {year}, điện thoại {phone}.",
]
RESIDENCE = [
    "Hộ khẩu thường trú tại {home}.",
    "Nơi cư trú: {home}.",
    "Hiện trú tại {home}.",
    "Địa chỉ: {home}. Số điện thoại liên hệ: {phone}.",
    "Thường trú tại {home}, hiện đang làm ăn xa.",
    "Chỗ ở hiện nay: {home}.",
]
INTRO = [
    "Tôi làm đơn này để trình bày với quý cơ quan sự việc như sau:",
    "Nay tôi làm đơn này kính trình bày sự việc như sau:",
    "Tôi xin trình bày nội dung sự việc như sau:",
    "Tôi viết đơn này để phản ánh một việc mà gia đình tôi gặp phải.",
    "Sự việc cụ thể như sau:",
    "Tôi xin trình bày:",
    "Nội dung sự việc:",
]
JOBS = ["làm ruộng", "buôn bán nhỏ", "công nhân", "hưu trí", "lao động tự do", "giáo viên đã nghỉ hưu", "nội trợ"]

# Background paragraphs: long, factual, about the family, the land or the business; no misconduct.
BACKGROUND = [
    "Gia đình tôi sinh sống ổn định tại địa phương từ năm {year_old}. Thửa đất gia đình tôi đang ở do bố mẹ để lại, sử dụng liên tục, không tranh chấp với ai.",
    "Năm {year_old}, gia đình tôi nhận chuyển nhượng một thửa đất diện tích khoảng {area} m2, có giấy viết tay và xác nhận của thôn. Từ đó đến nay gia đình tôi làm nhà ở ổn định.",
    "Bố tôi mất năm {year_old}, để lại thửa đất số {lot}, tờ bản đồ số {sheet}, diện tích {area} m2. Anh em chúng tôi đã họp gia đình và thống nhất để tôi đứng tên.",
    "Gia đình tôi có {n} người, vợ chồng tôi làm nông, hai con đang đi học. Thu nhập chủ yếu từ mấy sào ruộng và chăn nuôi.",
    "Tôi mở cơ sở kinh doanh nhỏ từ năm {year_old}, có đăng ký đầy đủ, đóng thuế đúng hạn, chưa từng bị xử phạt.",
    "Công ty chúng tôi được thành lập năm {year_old}, hiện có khoảng {staff} lao động là người địa phương.",
    "Mẹ tôi năm nay đã {age_old} tuổi, sống một mình, mọi giấy tờ đều do tôi đi làm thay theo giấy ủy quyền.",
    "Thửa đất của gia đình tôi đã được cấp giấy chứng nhận từ năm {year_old}, nay cần làm thủ tục mới do có thay đổi.",
    "Sau đợt sắp xếp đơn vị hành chính năm 2025, địa chỉ trên giấy tờ của gia đình tôi thay đổi nên phải làm lại một số thủ tục.",
    "Vợ tôi sinh cháu thứ hai vào tháng trước, gia đình đang cần hoàn tất các giấy tờ cho cháu.",
    "Tôi đi làm công nhân ở khu công nghiệp, chỉ có ngày nghỉ cuối tuần mới về quê được.",
    "Hộ tôi thuộc diện cận nghèo nhiều năm nay, chồng tôi đau ốm thường xuyên.",
]
# Closing boilerplate: requests without a category, the sworn statement, attachments, signature.
REQUEST_HEAD = [
    "Vì những lý do trên, tôi kính đề nghị:",
    "Tôi làm đơn này kính đề nghị quý cơ quan:",
    "Từ những nội dung nêu trên, tôi đề nghị:",
    "Kính đề nghị:",
]
REQUEST_ITEMS = [
    "Xem xét, giải quyết dứt điểm hồ sơ của gia đình tôi.",
    "Kiểm tra, làm rõ sự việc nêu trên.",
    "Trả lời cho tôi bằng văn bản theo quy định.",
    "Xử lý theo quy định của pháp luật đối với cá nhân có sai phạm (nếu có).",
    "Bảo đảm quyền và lợi ích hợp pháp của gia đình tôi.",
    "Giữ bí mật thông tin người phản ánh.",
]
OATH = [
    "Tôi xin cam đoan những nội dung trình bày trên là đúng sự thật và chịu trách nhiệm trước pháp luật.",
    "Tôi cam đoan nội dung đơn là đúng sự thật, nếu sai tôi xin chịu hoàn toàn trách nhiệm.",
    "Tôi xin chịu trách nhiệm về tính chính xác của những thông tin trên.",
]
THANKS = [
    "Tôi xin chân thành cảm ơn!",
    "Trân trọng cảm ơn.",
    "Xin trân trọng cảm ơn!",
    "Kính mong quý cơ quan xem xét. Xin cảm ơn.",
    "Tôi xin trân trọng cảm ơn và mong sớm nhận được phản hồi.",
]
ATTACHMENTS = [
    "Tài liệu kèm theo: bản photo giấy tiếp nhận hồ sơ; bản photo căn cước.",
    "Tài liệu gửi kèm: giấy hẹn trả kết quả, ảnh chụp tin nhắn.",
    "Kèm theo đơn: bản sao các giấy tờ liên quan.",
    "Hồ sơ kèm theo gồm {n} trang.",
    "Gửi kèm: file ghi âm, ảnh chụp màn hình.",
]
SIGNATURE = [
    "{place_date}\nNgười làm đơn\n(ký, ghi rõ họ tên)\n{reporter}",
    "{place_date}. Người viết đơn: {reporter}.",
    "Người làm đơn: {reporter}",
    "{place_date}\nNgười phản ánh\n{reporter}",
]
RECIPIENTS = ["Nơi nhận: - Như trên; - Lưu.", "Nơi nhận: như kính gửi."]

# Third-person retelling (newspaper, feedback portal).
NEWS_OPEN = [
    "{who} (trú tại {home}) phản ánh:",
    "Theo phản ánh của {who}, trú tại {home}:",
    "Đường dây nóng nhận được phản ánh của {who} ({home}) về việc sau.",
    "{who}, ngụ ở {home}, có đơn gửi cơ quan chức năng.",
    "Bạn đọc {who} ({home}) gửi thư phản ánh:",
    "Người dân {who} ở {home} cho biết:",
]
NEWS_SAY = ["kể", "cho biết", "bức xúc nói", "chia sẻ", "trình bày"]
NEWS_CLOSE = [
    "Hiện {who} đã gửi đơn đến các cơ quan chức năng.",
    "{who} mong sự việc sớm được làm rõ.",
    "Được biết, không chỉ {who} mà nhiều hộ khác cũng gặp tình trạng tương tự.",
    "Phóng viên đã liên hệ với cơ quan liên quan để xác minh thông tin.",
    "Báo sẽ tiếp tục thông tin về sự việc.",
]
