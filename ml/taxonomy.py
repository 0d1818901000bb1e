"""The label codes of the routing taxonomy (docs/taxonomy.md). These strings are a contract."""

from enum import StrEnum


class Agency(StrEnum):
    XA = "xa"
    SO_NONG_NGHIEP_MOI_TRUONG = "so-nong-nghiep-moi-truong"
    SO_XAY_DUNG = "so-xay-dung"
    SO_TAI_CHINH = "so-tai-chinh"
    SO_NOI_VU = "so-noi-vu"
    SO_GIAO_DUC_DAO_TAO = "so-giao-duc-dao-tao"
    SO_Y_TE = "so-y-te"
    SO_TU_PHAP = "so-tu-phap"
    SO_CONG_THUONG = "so-cong-thuong"
    SO_VAN_HOA_THE_THAO_DU_LICH = "so-van-hoa-the-thao-du-lich"
    SO_KHOA_HOC_CONG_NGHE = "so-khoa-hoc-cong-nghe"
    SO_DAN_TOC_TON_GIAO = "so-dan-toc-ton-giao"
    CONG_AN_TINH = "cong-an-tinh"
    THUE = "thue"
    BHXH = "bhxh"
    THANH_TRA_TINH = "thanh-tra-tinh"
    UBND_TINH = "ubnd-tinh"


class Category(StrEnum):
    DOI_TIEN = "doi-tien"
    SACH_NHIEU = "sach-nhieu"
    CHAM_TRE = "cham-tre"
    THAI_DO = "thai-do"
    SAI_QUY_TRINH = "sai-quy-trinh"
    NE_TRANH = "ne-tranh"
    LOI_DUNG = "loi-dung"
    KHAC = "khac"


AGENCY_NAMES: dict[Agency, str] = {
    Agency.XA: "UBND xã/phường",
    Agency.SO_NONG_NGHIEP_MOI_TRUONG: "Sở Nông nghiệp và Môi trường",
    Agency.SO_XAY_DUNG: "Sở Xây dựng",
    Agency.SO_TAI_CHINH: "Sở Tài chính",
    Agency.SO_NOI_VU: "Sở Nội vụ",
    Agency.SO_GIAO_DUC_DAO_TAO: "Sở Giáo dục và Đào tạo",
    Agency.SO_Y_TE: "Sở Y tế",
    Agency.SO_TU_PHAP: "Sở Tư pháp",
    Agency.SO_CONG_THUONG: "Sở Công Thương",
    Agency.SO_VAN_HOA_THE_THAO_DU_LICH: "Sở Văn hóa, Thể thao và Du lịch",
    Agency.SO_KHOA_HOC_CONG_NGHE: "Sở Khoa học và Công nghệ",
    Agency.SO_DAN_TOC_TON_GIAO: "Sở Dân tộc và Tôn giáo",
    Agency.CONG_AN_TINH: "Công an tỉnh",
    Agency.THUE: "Thuế tỉnh Thanh Hóa",
    Agency.BHXH: "Bảo hiểm xã hội tỉnh",
    Agency.THANH_TRA_TINH: "Thanh tra tỉnh",
    Agency.UBND_TINH: "UBND tỉnh (Chủ tịch UBND tỉnh)",
}

CATEGORY_NAMES: dict[Category, str] = {
    Category.DOI_TIEN: "Đòi tiền, nhận hối lộ, thu ngoài quy định",
    Category.SACH_NHIEU: "Sách nhiễu, gây khó dễ",
    Category.CHAM_TRE: "Chậm trễ, trễ hẹn, ngâm hồ sơ",
    Category.THAI_DO: "Thái độ không đúng mực",
    Category.SAI_QUY_TRINH: "Sai quy trình, đòi giấy tờ không cần thiết",
    Category.NE_TRANH: "Né tránh, đùn đẩy trách nhiệm",
    Category.LOI_DUNG: "Lợi dụng chức vụ, ưu ái, tiếp tay cò",
    Category.KHAC: "Khác",
}
