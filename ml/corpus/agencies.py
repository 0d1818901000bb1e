"""Per agency: the procedures citizens bring, the offices, and the officers they meet.

`Service.scope` says where such a matter happens:
  local  an office in a commune/ward (commune police, land-office branch, school...)
  city   a provincial office in the city (a sở, the provincial tax office...)
  field  officers who come out to the place (survey, checkpoint, inspection)
Offices are `(template with {p}, generic wording)`; {p} is a rendered place name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .coverage import EXTRA


@dataclass(frozen=True)
class Service:
    procs: tuple[str, ...]  # verb phrases: "làm lại căn cước"
    docs: tuple[str, ...]  # what is filed: "hồ sơ cấp căn cước"
    scope: str = "local"
    officers: tuple[str, ...] = ()  # extra officers specific to this procedure
    offices: tuple[tuple[str, str], ...] = ()  # local offices specific to this procedure
    mentions: tuple[str, ...] = ()  # sentences naming another body in passing (label unchanged)


@dataclass(frozen=True)
class AgencyInfo:
    code: str
    services: tuple[Service, ...]
    officers: tuple[str, ...]
    unit_heads: tuple[str, ...]  # heads of units inside the body: NOT an escalation
    local_offices: tuple[tuple[str, str], ...] = ()
    city_offices: tuple[str, ...] = ()
    heads: tuple[str, ...] = ()  # head / deputy head of the body itself: escalation
    body: tuple[str, ...] = field(default=())  # names of the body


def S(procs, docs, scope="local", officers=(), offices=()):
    return Service(tuple(procs), tuple(docs), scope, tuple(officers), tuple(offices))


AGENCIES: dict[str, AgencyInfo] = {}


def _add(info: AgencyInfo) -> None:
    AGENCIES[info.code] = info


_add(
    AgencyInfo(
        "xa",
        services=(
            S(
                ["đăng ký khai sinh cho con", "làm giấy khai sinh cho cháu", "đăng ký khai sinh quá hạn cho con"],
                ["hồ sơ khai sinh", "tờ khai đăng ký khai sinh"],
                officers=["cán bộ tư pháp - hộ tịch", "chị hộ tịch"],
            ),
            S(
                ["đăng ký khai tử cho bố", "làm giấy chứng tử cho mẹ tôi"],
                ["hồ sơ khai tử"],
                officers=["cán bộ tư pháp - hộ tịch"],
            ),
            S(
                ["đăng ký kết hôn", "xin giấy xác nhận tình trạng hôn nhân", "làm giấy xác nhận độc thân"],
                ["hồ sơ đăng ký kết hôn", "giấy xác nhận tình trạng hôn nhân"],
                officers=["cán bộ tư pháp - hộ tịch"],
            ),
            S(
                [
                    "chứng thực bản sao giấy tờ",
                    "công chứng photo mấy cái bằng",
                    "chứng thực chữ ký",
                    "chứng thực hợp đồng tặng cho",
                ],
                ["bản sao cần chứng thực", "giấy tờ chứng thực"],
                officers=["công chức một cửa", "cán bộ chứng thực"],
            ),
            S(
                [
                    "xin xác nhận hộ nghèo",
                    "xin xác nhận hộ cận nghèo",
                    "xin xác nhận hoàn cảnh khó khăn cho con đi học",
                ],
                ["giấy xác nhận hộ nghèo", "đơn xin xác nhận"],
                officers=["cán bộ văn hóa - xã hội", "cán bộ lao động xã"],
            ),
            S(
                [
                    "làm hồ sơ trợ cấp người cao tuổi cho bố",
                    "xin trợ cấp khuyết tật cho con",
                    "xin hỗ trợ khắc phục nhà sập sau bão",
                    "làm chế độ trợ cấp xã hội cho mẹ",
                ],
                ["hồ sơ trợ cấp", "hồ sơ hưởng trợ cấp xã hội"],
                officers=["cán bộ chính sách xã", "cán bộ văn hóa - xã hội"],
            ),
            S(
                [
                    "xin xác nhận nguồn gốc đất",
                    "làm hồ sơ cấp giấy chứng nhận đất lần đầu ở xã",
                    "giải quyết tranh chấp ranh giới đất với nhà bên cạnh",
                    "hòa giải tranh chấp lối đi chung",
                ],
                ["hồ sơ đất", "đơn tranh chấp đất", "đơn đề nghị xác nhận nguồn gốc đất"],
                officers=["cán bộ địa chính xã", "anh địa chính", "công chức địa chính - xây dựng"],
            ),
            S(
                ["xin giấy phép xây dựng nhà ở", "xin phép sửa lại nhà", "báo việc nhà bên cạnh lấn chiếm vỉa hè"],
                ["hồ sơ xin phép xây dựng", "đơn xin cấp phép xây nhà"],
                officers=["cán bộ địa chính - xây dựng", "cán bộ trật tự đô thị"],
            ),
            S(
                ["đăng ký hộ kinh doanh", "làm giấy phép hộ kinh doanh cho quán tạp hóa"],
                ["hồ sơ đăng ký hộ kinh doanh"],
                officers=["công chức một cửa", "cán bộ kinh tế xã"],
            ),
            S(
                [
                    "xin xác nhận đơn vay vốn ngân hàng chính sách",
                    "xin xác nhận cho con đi nghĩa vụ",
                    "xin xác nhận lý lịch để đi làm",
                ],
                ["giấy xác nhận", "đơn xin xác nhận"],
                officers=["văn phòng UBND xã", "cán bộ văn phòng"],
            ),
        ),
        officers=(
            "cán bộ một cửa",
            "công chức một cửa",
            "cán bộ xã",
            "chị cán bộ tiếp nhận",
            "anh cán bộ văn phòng",
            "cán bộ phường",
            "nhân viên bộ phận một cửa",
            "cán bộ tiếp dân của xã",
        ),
        unit_heads=(
            "trưởng thôn",
            "trưởng phòng kinh tế của xã",
            "chủ tịch hội nông dân xã",
            "chủ tịch hội phụ nữ xã",
            "chánh văn phòng UBND xã",
            "trưởng khu phố",
            "trưởng phòng văn hóa - xã hội phường",
        ),
        local_offices=(
            ("UBND {p}", "UBND xã"),
            ("bộ phận một cửa {p}", "bộ phận một cửa xã"),
            ("trung tâm phục vụ hành chính công {p}", "trung tâm hành chính công xã"),
            ("trụ sở UBND {p}", "trụ sở xã"),
            ("một cửa {p}", "một cửa phường"),
        ),
        heads=(
            "chủ tịch xã",
            "chủ tịch UBND xã",
            "phó chủ tịch xã",
            "phó chủ tịch UBND xã",
            "ông chủ tịch xã",
            "bà phó chủ tịch xã",
            "ông PCT xã",
            "đồng chí phó chủ tịch",
            "ct xã",
            "chú chủ tịch xã",
            "anh phó chủ tịch xã",
            "phó chủ tịch UBND xã phụ trách đất đai",
            "ông chủ tịch UBND xã",
            "pct xã",
            "bà chủ tịch xã",
            "CT UBND xã",
            "đồng chí chủ tịch xã",
            "ông phó chủ tịch phụ trách văn hóa xã hội của xã",
            # the Party committee's secretary and deputies direct the commune's officers (docs/taxonomy.md §2)
            "bí thư đảng ủy xã",
            "phó bí thư đảng ủy xã",
            "ông bí thư đảng ủy xã",
            "bà phó bí thư đảng ủy xã",
            # loose wordings of the chairman or a vice-chairman
            "người đứng đầu UBND xã",
            "sếp lớn nhất ở xã",
            "ông phó của ủy ban xã",
            "lãnh đạo UBND xã",
            "bà pct ubnd xã",
        ),
        body=("UBND xã", "xã", "phường"),
    )
)

_add(
    AgencyInfo(
        "so-nong-nghiep-moi-truong",
        services=(
            S(
                ["làm sổ đỏ", "xin cấp giấy chứng nhận quyền sử dụng đất", "cấp đổi sổ đỏ cũ", "cấp lại sổ đỏ bị mất"],
                ["hồ sơ cấp sổ đỏ", "hồ sơ cấp giấy chứng nhận", "hồ sơ cấp đổi sổ"],
            ),
            S(
                [
                    "sang tên sổ đỏ mảnh đất mua",
                    "đăng ký biến động đất đai",
                    "tách thửa đất cho con",
                    "làm thủ tục thừa kế đất",
                ],
                ["hồ sơ sang tên", "hồ sơ tách thửa", "hồ sơ đăng ký biến động"],
            ),
            S(
                ["đo đạc lại thửa đất", "trích đo bản đồ địa chính", "cắm mốc ranh giới đất"],
                ["hồ sơ đo đạc", "đơn xin trích đo"],
                scope="field",
                officers=["tổ đo đạc", "anh cán bộ đo đạc", "nhân viên đo vẽ"],
            ),
            S(
                [
                    "nhận tiền bồi thường giải phóng mặt bằng",
                    "kiểm đếm đất bị thu hồi làm đường",
                    "khiếu nại giá đền bù",
                ],
                ["hồ sơ bồi thường", "phương án đền bù"],
                scope="field",
                officers=["cán bộ trung tâm phát triển quỹ đất", "tổ kiểm đếm", "cán bộ giải phóng mặt bằng"],
            ),
            S(
                [
                    "xin giấy phép môi trường cho xưởng",
                    "đăng ký môi trường cho trại lợn",
                    "xin giấy phép khai thác nước ngầm",
                ],
                ["hồ sơ giấy phép môi trường", "hồ sơ đăng ký môi trường"],
                scope="city",
                officers=["chuyên viên phòng môi trường", "chuyên viên thẩm định"],
            ),
            S(
                [
                    "xin cấp phép khai thác gỗ rừng trồng",
                    "khai báo vận chuyển lâm sản",
                    "nhận hỗ trợ giống lúa sau lũ",
                    "xin kiểm dịch đàn lợn xuất chuồng",
                ],
                ["hồ sơ khai thác gỗ", "hồ sơ hỗ trợ giống", "giấy kiểm dịch"],
                scope="field",
                officers=["anh kiểm lâm địa bàn", "cán bộ hạt kiểm lâm", "cán bộ thú y", "cán bộ trạm khuyến nông"],
            ),
            S(
                ["xin nước tưới từ kênh thủy lợi", "phản ánh trạm bơm thủy lợi"],
                ["đơn xin nước", "đơn phản ánh"],
                scope="field",
                officers=["cán bộ công ty thủy lợi", "cán bộ trạm thủy nông"],
            ),
        ),
        officers=(
            "cán bộ văn phòng đăng ký đất đai",
            "nhân viên chi nhánh văn phòng đất đai",
            "chuyên viên sở nông nghiệp",
            "chị tiếp nhận hồ sơ đất",
            "cán bộ chi nhánh đất đai",
            "người trả kết quả ở văn phòng đất đai",
        ),
        unit_heads=(
            "giám đốc chi nhánh văn phòng đăng ký đất đai",
            "trưởng chi nhánh văn phòng đất đai",
            "hạt trưởng kiểm lâm",
            "trưởng phòng đăng ký",
            "giám đốc văn phòng đăng ký đất đai",
        ),
        local_offices=(
            ("chi nhánh văn phòng đăng ký đất đai ở {p}", "chi nhánh văn phòng đăng ký đất đai"),
            ("chi nhánh VPĐKĐĐ tại {p}", "chi nhánh VPĐKĐĐ"),
            ("văn phòng đất đai khu vực {p}", "văn phòng đất đai khu vực"),
        ),
        city_offices=(
            "Văn phòng đăng ký đất đai tỉnh",
            "Sở Nông nghiệp và Môi trường",
            "Sở NN&MT",
            "sở nông nghiệp môi trường",
        ),
        heads=(
            "giám đốc Sở Nông nghiệp và Môi trường",
            "phó giám đốc Sở NN&MT",
            "ông phó giám đốc sở nông nghiệp",
            "anh Phó GĐ sở tài nguyên cũ",
            "giám đốc sở",
            "PGĐ Sở Nông nghiệp và Môi trường",
        ),
        body=("Sở Nông nghiệp và Môi trường",),
    )
)

_add(
    AgencyInfo(
        "so-xay-dung",
        services=(
            S(
                ["xin giấy phép xây dựng công trình", "xin cấp phép xây nhà xưởng", "điều chỉnh giấy phép xây dựng"],
                ["hồ sơ cấp phép xây dựng", "hồ sơ giấy phép xây dựng"],
                scope="city",
            ),
            S(
                ["xin chứng chỉ quy hoạch", "xin thông tin quy hoạch mảnh đất", "thẩm định thiết kế"],
                ["hồ sơ quy hoạch", "hồ sơ thẩm định"],
                scope="city",
            ),
            S(
                ["đăng kiểm xe ô tô", "kiểm định xe tải", "đăng kiểm lại xe khách"],
                ["hồ sơ đăng kiểm", "xe đi đăng kiểm"],
                scope="local",
                officers=["đăng kiểm viên", "nhân viên trung tâm đăng kiểm"],
            ),
            S(
                ["xin phù hiệu xe tải", "cấp giấy phép kinh doanh vận tải", "đăng ký tuyến xe khách"],
                ["hồ sơ phù hiệu", "hồ sơ giấy phép vận tải"],
                scope="city",
            ),
            S(
                ["mua nhà ở xã hội", "xin thuê nhà ở xã hội", "xin chứng chỉ hành nghề xây dựng"],
                ["hồ sơ nhà ở xã hội", "hồ sơ chứng chỉ hành nghề"],
                scope="city",
            ),
            S(
                ["bị dừng xe ở trạm cân tải trọng", "bị thanh tra giao thông kiểm tra"],
                ["giấy tờ xe", "biên bản"],
                scope="field",
                officers=["thanh tra giao thông", "nhân viên trạm cân", "anh thanh tra xây dựng"],
            ),
        ),
        officers=(
            "chuyên viên sở xây dựng",
            "cán bộ phòng quản lý xây dựng",
            "cán bộ tiếp nhận của sở xây dựng",
            "chuyên viên phòng quy hoạch",
            "cán bộ sở giao thông cũ",
        ),
        unit_heads=(
            "trưởng phòng quản lý xây dựng",
            "giám đốc trung tâm đăng kiểm",
            "trưởng phòng quy hoạch",
            "đội trưởng thanh tra giao thông",
        ),
        local_offices=(
            ("trung tâm đăng kiểm ở {p}", "trung tâm đăng kiểm"),
            ("trạm đăng kiểm {p}", "trạm đăng kiểm xe cơ giới"),
        ),
        city_offices=("Sở Xây dựng", "sở xây dựng tỉnh", "bộ phận một cửa Sở Xây dựng", "Sở XD"),
        heads=(
            "giám đốc Sở Xây dựng",
            "phó giám đốc Sở Xây dựng",
            "ông PGĐ sở xây dựng",
            "anh Phó GĐ Sở XD",
            "giám đốc sở xây dựng (ông H.)",
        ),
        body=("Sở Xây dựng",),
    )
)

_add(
    AgencyInfo(
        "so-tai-chinh",
        services=(
            S(
                [
                    "đăng ký thành lập công ty",
                    "thay đổi đăng ký kinh doanh",
                    "đăng ký doanh nghiệp",
                    "đổi người đại diện pháp luật của công ty",
                    "tạm ngừng kinh doanh công ty",
                ],
                ["hồ sơ đăng ký doanh nghiệp", "hồ sơ thay đổi đăng ký kinh doanh"],
                officers=["chuyên viên phòng đăng ký kinh doanh"],
                scope="city",
            ),
            S(
                ["xin chủ trương đầu tư dự án", "điều chỉnh dự án đầu tư", "xin ưu đãi đầu tư"],
                ["hồ sơ dự án đầu tư", "hồ sơ chủ trương đầu tư"],
                scope="city",
                officers=["chuyên viên phòng đầu tư"],
            ),
            S(
                ["đấu giá thanh lý tài sản công", "thẩm định giá tài sản", "quyết toán vốn công trình"],
                ["hồ sơ quyết toán", "hồ sơ thẩm định giá"],
                scope="city",
                officers=["chuyên viên phòng giá", "cán bộ phòng tài chính đầu tư"],
            ),
        ),
        officers=(
            "chuyên viên sở tài chính",
            "cán bộ sở kế hoạch đầu tư cũ",
            "cán bộ tiếp nhận của sở tài chính",
            "chuyên viên thẩm định",
        ),
        unit_heads=("trưởng phòng đăng ký kinh doanh", "trưởng phòng đầu tư", "phó trưởng phòng giá"),
        city_offices=(
            "Sở Tài chính",
            "phòng đăng ký kinh doanh của Sở Tài chính",
            "sở tài chính tỉnh",
            "Sở KH&ĐT cũ (nay là Sở Tài chính)",
        ),
        heads=(
            "giám đốc Sở Tài chính",
            "phó giám đốc Sở Tài chính",
            "ông phó giám đốc sở tài chính",
            "anh Phó GĐ sở tài chính",
        ),
        body=("Sở Tài chính",),
    )
)

_add(
    AgencyInfo(
        "so-noi-vu",
        services=(
            S(
                ["thi tuyển viên chức", "nộp hồ sơ thi công chức", "xét tuyển giáo viên hợp đồng vào biên chế"],
                ["hồ sơ dự tuyển", "hồ sơ thi tuyển"],
                scope="city",
                officers=["cán bộ hội đồng tuyển dụng", "chuyên viên phòng công chức"],
            ),
            S(
                [
                    "làm chế độ người có công cho ông nội",
                    "xin trợ cấp thương binh cho bố",
                    "làm hồ sơ liệt sĩ cho bác",
                    "xin chế độ chất độc da cam",
                ],
                ["hồ sơ người có công", "hồ sơ thương binh"],
                scope="city",
                officers=["chuyên viên phòng người có công"],
            ),
            S(
                ["làm trợ cấp thất nghiệp", "nhận trợ cấp thất nghiệp", "đăng ký tìm việc làm"],
                ["hồ sơ trợ cấp thất nghiệp", "sổ bảo hiểm thất nghiệp"],
                scope="local",
                officers=["cán bộ trung tâm dịch vụ việc làm", "nhân viên trung tâm việc làm"],
            ),
            S(
                [
                    "xin giấy phép lao động cho người nước ngoài",
                    "đăng ký nội quy lao động",
                    "giải quyết tranh chấp lương với công ty",
                ],
                ["hồ sơ giấy phép lao động", "đơn tranh chấp lao động"],
                scope="city",
                officers=["thanh tra lao động"],
            ),
            S(
                ["nâng ngạch lương", "xét thi đua khen thưởng", "chuyển công tác"],
                ["hồ sơ nâng lương", "hồ sơ khen thưởng"],
                scope="city",
            ),
        ),
        officers=("chuyên viên sở nội vụ", "cán bộ sở lao động cũ", "cán bộ tiếp nhận của sở nội vụ", "chuyên viên sở"),
        unit_heads=("trưởng phòng công chức", "giám đốc trung tâm dịch vụ việc làm", "trưởng phòng người có công"),
        local_offices=(
            ("trung tâm dịch vụ việc làm ở {p}", "trung tâm dịch vụ việc làm"),
            ("chi nhánh trung tâm dịch vụ việc làm {p}", "chi nhánh trung tâm việc làm"),
        ),
        city_offices=("Sở Nội vụ", "sở nội vụ tỉnh", "Sở Lao động cũ (nay là Sở Nội vụ)", "bộ phận một cửa Sở Nội vụ"),
        heads=("giám đốc Sở Nội vụ", "phó giám đốc Sở Nội vụ", "ông phó giám đốc sở nội vụ", "bà Phó GĐ Sở Nội vụ"),
        body=("Sở Nội vụ",),
    )
)

_add(
    AgencyInfo(
        "so-giao-duc-dao-tao",
        services=(
            S(
                [
                    "xin cho con vào lớp 10",
                    "nộp hồ sơ tuyển sinh lớp 10",
                    "chuyển trường cho con",
                    "xin cho cháu nhập học lớp 1",
                ],
                ["hồ sơ tuyển sinh", "hồ sơ chuyển trường", "hồ sơ nhập học"],
                officers=["cô văn thư nhà trường", "thầy phụ trách tuyển sinh"],
                offices=[
                    ("trường THPT ở {p}", "trường THPT"),
                    ("trường THCS {p}", "trường cấp 2"),
                    ("trường tiểu học {p}", "trường tiểu học"),
                ],
            ),
            S(
                ["đóng các khoản thu đầu năm cho con", "đóng quỹ lớp cho con", "cho con đi học thêm"],
                ["các khoản thu", "tiền học thêm"],
                officers=["cô giáo chủ nhiệm", "kế toán nhà trường", "thầy dạy toán", "ban đại diện phụ huynh"],
            ),
            S(
                [
                    "xin cấp bản sao bằng tốt nghiệp",
                    "xác minh văn bằng",
                    "xin phúc khảo bài thi",
                    "đính chính bằng tốt nghiệp",
                ],
                ["hồ sơ cấp bản sao văn bằng", "đơn phúc khảo"],
                scope="city",
                officers=["chuyên viên phòng khảo thí", "chuyên viên phòng quản lý chất lượng"],
            ),
        ),
        officers=("cô giáo", "thầy giáo", "giáo viên chủ nhiệm", "cán bộ nhà trường", "chuyên viên sở giáo dục"),
        unit_heads=("hiệu trưởng", "thầy hiệu trưởng", "cô hiệu phó", "phó hiệu trưởng", "trưởng phòng khảo thí"),
        local_offices=(
            ("trường THPT ở {p}", "trường THPT"),
            ("trường THCS {p}", "trường cấp 2"),
            ("trường tiểu học {p}", "trường tiểu học"),
            ("trường mầm non {p}", "trường mầm non"),
        ),
        city_offices=("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "sở giáo dục tỉnh"),
        heads=(
            "giám đốc Sở Giáo dục và Đào tạo",
            "phó giám đốc Sở GD&ĐT",
            "ông phó giám đốc sở giáo dục",
            "bà PGĐ sở GD",
        ),
        body=("Sở Giáo dục và Đào tạo",),
    )
)

_add(
    AgencyInfo(
        "so-y-te",
        services=(
            S(
                [
                    "khám bệnh bằng thẻ bảo hiểm",
                    "đưa mẹ đi cấp cứu",
                    "nằm viện điều trị",
                    "đưa con đi khám",
                    "mổ ruột thừa",
                ],
                ["phiếu khám", "giấy ra viện", "bệnh án"],
                officers=["bác sĩ trực", "điều dưỡng", "nhân viên thu viện phí", "y tá", "bảo vệ bệnh viện"],
            ),
            S(
                ["xin giấy khám sức khỏe", "khám sức khỏe để đi học lái xe", "khám sức khỏe đi làm"],
                ["giấy khám sức khỏe"],
                officers=["bác sĩ khám", "nhân viên phòng khám"],
            ),
            S(
                ["xin chứng chỉ hành nghề y", "xin giấy phép mở phòng khám tư", "giám định y khoa cho bố"],
                ["hồ sơ cấp chứng chỉ hành nghề", "hồ sơ giám định y khoa"],
                scope="city",
                officers=["chuyên viên phòng nghiệp vụ y", "hội đồng giám định y khoa"],
            ),
            S(
                [
                    "làm hồ sơ bảo vệ trẻ em",
                    "đưa người lang thang vào trung tâm bảo trợ",
                    "xin cho mẹ vào trung tâm bảo trợ xã hội",
                ],
                ["hồ sơ trẻ em có hoàn cảnh đặc biệt", "hồ sơ tiếp nhận vào trung tâm"],
                scope="city",
                officers=["cán bộ trung tâm bảo trợ xã hội"],
            ),
        ),
        officers=("bác sĩ", "điều dưỡng", "nhân viên bệnh viện", "cán bộ sở y tế", "nhân viên tiếp đón", "hộ lý"),
        unit_heads=(
            "giám đốc bệnh viện",
            "phó giám đốc bệnh viện",
            "trưởng khoa",
            "giám đốc trung tâm y tế",
            "điều dưỡng trưởng",
        ),
        local_offices=(
            ("trung tâm y tế ở {p}", "trung tâm y tế"),
            ("bệnh viện đa khoa khu vực ở {p}", "bệnh viện đa khoa khu vực"),
            ("phòng khám đa khoa {p}", "phòng khám đa khoa"),
        ),
        city_offices=(
            "Bệnh viện Đa khoa tỉnh",
            "Bệnh viện Nhi Thanh Hóa",
            "Bệnh viện Phụ sản",
            "Sở Y tế",
            "bệnh viện tỉnh",
        ),
        heads=("giám đốc Sở Y tế", "phó giám đốc Sở Y tế", "ông phó giám đốc sở y tế"),
        body=("Sở Y tế",),
    )
)

_add(
    AgencyInfo(
        "so-tu-phap",
        services=(
            S(
                [
                    "công chứng hợp đồng mua bán nhà",
                    "công chứng văn bản thừa kế",
                    "công chứng hợp đồng ủy quyền",
                    "công chứng di chúc",
                ],
                ["hợp đồng công chứng", "hồ sơ công chứng"],
                officers=["công chứng viên", "nhân viên văn phòng công chứng"],
                offices=[
                    ("văn phòng công chứng ở {p}", "văn phòng công chứng"),
                    ("phòng công chứng {p}", "phòng công chứng"),
                ],
            ),
            S(
                ["xin trợ giúp pháp lý", "nhờ trợ giúp viên pháp lý bào chữa"],
                ["đơn trợ giúp pháp lý"],
                scope="city",
                officers=["trợ giúp viên pháp lý", "cán bộ trung tâm trợ giúp pháp lý"],
            ),
            S(
                ["xin thôi quốc tịch", "xin nhập quốc tịch cho vợ", "ghi chú kết hôn với người nước ngoài"],
                ["hồ sơ quốc tịch"],
                scope="city",
                officers=["chuyên viên phòng hành chính tư pháp"],
            ),
            S(
                ["thuê thừa phát lại lập vi bằng", "đấu giá tài sản thi hành án", "thuê luật sư"],
                ["vi bằng", "hồ sơ đấu giá"],
                scope="local",
                officers=["thừa phát lại", "luật sư", "đấu giá viên"],
                offices=[
                    ("văn phòng thừa phát lại ở {p}", "văn phòng thừa phát lại"),
                    ("văn phòng luật sư ở {p}", "văn phòng luật sư"),
                ],
            ),
        ),
        officers=("công chứng viên", "chuyên viên sở tư pháp", "nhân viên văn phòng công chứng", "cán bộ sở tư pháp"),
        unit_heads=(
            "trưởng văn phòng công chứng",
            "giám đốc trung tâm trợ giúp pháp lý",
            "trưởng phòng công chứng số 1",
        ),
        local_offices=(
            ("văn phòng công chứng ở {p}", "văn phòng công chứng"),
            ("phòng công chứng {p}", "phòng công chứng"),
            ("văn phòng thừa phát lại ở {p}", "văn phòng thừa phát lại"),
        ),
        city_offices=(
            "Sở Tư pháp",
            "sở tư pháp tỉnh",
            "Trung tâm trợ giúp pháp lý nhà nước tỉnh",
            "Phòng công chứng số 1",
        ),
        heads=("giám đốc Sở Tư pháp", "phó giám đốc Sở Tư pháp", "ông PGĐ sở tư pháp"),
        body=("Sở Tư pháp",),
    )
)

_add(
    AgencyInfo(
        "so-cong-thuong",
        services=(
            S(
                [
                    "xin giấy phép bán lẻ xăng dầu",
                    "xin giấy phép bán rượu",
                    "xin giấy phép bán lẻ thuốc lá",
                    "đăng ký khuyến mại",
                ],
                ["hồ sơ giấy phép kinh doanh xăng dầu", "hồ sơ cấp phép bán rượu"],
                scope="city",
            ),
            S(
                ["khiếu nại hóa đơn tiền điện tăng vọt", "xin kéo điện cho xưởng", "phản ánh cắt điện không báo trước"],
                ["đơn khiếu nại tiền điện"],
                scope="city",
                officers=["chuyên viên phòng quản lý năng lượng"],
            ),
            S(
                ["bị đội quản lý thị trường kiểm tra cửa hàng", "bị quản lý thị trường thu giữ hàng"],
                ["biên bản kiểm tra"],
                scope="field",
                officers=["cán bộ quản lý thị trường", "đội quản lý thị trường", "anh quản lý thị trường"],
            ),
            S(
                ["xin chứng nhận xuất xứ hàng hóa", "thuê đất trong cụm công nghiệp"],
                ["hồ sơ C/O", "hồ sơ cụm công nghiệp"],
                scope="city",
            ),
        ),
        officers=("chuyên viên sở công thương", "cán bộ sở công thương", "cán bộ phòng quản lý thương mại"),
        unit_heads=(
            "đội trưởng quản lý thị trường",
            "trưởng phòng quản lý thương mại",
            "chi cục trưởng quản lý thị trường",
        ),
        city_offices=("Sở Công Thương", "sở công thương tỉnh", "Sở CT"),
        heads=("giám đốc Sở Công Thương", "phó giám đốc Sở Công Thương", "ông phó giám đốc sở công thương"),
        body=("Sở Công Thương",),
    )
)

_add(
    AgencyInfo(
        "so-van-hoa-the-thao-du-lich",
        services=(
            S(
                [
                    "xin giấy phép kinh doanh karaoke",
                    "xin giấy phép quán bar",
                    "xin phép tổ chức biểu diễn ca nhạc",
                    "xin phép tổ chức sự kiện",
                ],
                ["hồ sơ giấy phép karaoke", "hồ sơ xin phép biểu diễn"],
                scope="city",
            ),
            S(
                [
                    "xin giấy phép in ấn",
                    "xin phép xuất bản bản tin",
                    "xin giấy phép trang thông tin điện tử tổng hợp",
                    "đăng ký hoạt động cơ sở in",
                ],
                ["hồ sơ cấp phép in", "hồ sơ giấy phép xuất bản"],
                scope="city",
                officers=["chuyên viên phòng báo chí xuất bản"],
            ),
            S(
                [
                    "xin công nhận cơ sở lưu trú du lịch",
                    "cấp thẻ hướng dẫn viên du lịch",
                    "đăng ký lễ hội truyền thống",
                    "tu bổ di tích của làng",
                ],
                ["hồ sơ thẻ hướng dẫn viên", "hồ sơ di tích"],
                scope="city",
                officers=["chuyên viên phòng quản lý du lịch", "cán bộ quản lý di tích"],
            ),
            S(
                [
                    "đăng ký giải thể thao phong trào",
                    "thuê sân ở trung tâm thể thao",
                    "cho con thi tuyển năng khiếu thể thao",
                ],
                ["hồ sơ đăng ký giải"],
                scope="city",
                officers=["cán bộ trung tâm huấn luyện thể thao"],
            ),
            S(
                ["bị kiểm tra quán karaoke", "bị thanh tra văn hóa lập biên bản biển quảng cáo"],
                ["biên bản kiểm tra"],
                scope="field",
                officers=["đoàn kiểm tra liên ngành văn hóa", "thanh tra văn hóa"],
            ),
        ),
        officers=(
            "chuyên viên sở văn hóa",
            "cán bộ sở văn hóa thể thao",
            "cán bộ phòng nghiệp vụ văn hóa",
            "chuyên viên sở",
        ),
        unit_heads=(
            "trưởng phòng quản lý văn hóa",
            "giám đốc trung tâm văn hóa tỉnh",
            "giám đốc ban quản lý di tích",
            "trưởng đài phát thanh",
        ),
        city_offices=("Sở Văn hóa, Thể thao và Du lịch", "sở văn hóa thể thao du lịch", "Sở VHTTDL", "sở văn hóa tỉnh"),
        heads=("giám đốc Sở Văn hóa, Thể thao và Du lịch", "phó giám đốc Sở VHTTDL", "ông phó giám đốc sở văn hóa"),
        body=("Sở Văn hóa, Thể thao và Du lịch",),
    )
)

_add(
    AgencyInfo(
        "so-khoa-hoc-cong-nghe",
        services=(
            S(
                [
                    "nhận kết quả thủ tục hành chính qua bưu điện",
                    "gửi hồ sơ qua bưu chính công ích",
                    "nhận sổ đỏ chuyển phát qua bưu điện",
                ],
                ["bưu phẩm kết quả", "hồ sơ gửi bưu điện"],
                officers=["nhân viên bưu điện", "bưu tá", "nhân viên bưu cục"],
            ),
            S(
                [
                    "khiếu nại cột phát sóng đặt sát nhà",
                    "phản ánh sóng điện thoại chập chờn",
                    "đăng ký thuê bao chính chủ",
                ],
                ["đơn khiếu nại viễn thông"],
                scope="city",
                officers=["chuyên viên phòng bưu chính viễn thông"],
            ),
            S(
                ["nộp hồ sơ trên cổng dịch vụ công", "đăng ký chữ ký số", "dùng cổng dịch vụ công của tỉnh"],
                ["hồ sơ trực tuyến"],
                scope="city",
                officers=["cán bộ trung tâm chuyển đổi số", "nhân viên hỗ trợ cổng dịch vụ công"],
            ),
            S(
                [
                    "kiểm định cân điện tử",
                    "đăng ký nhãn hiệu cho sản phẩm",
                    "xin công bố hợp chuẩn",
                    "nghiệm thu đề tài khoa học",
                ],
                ["hồ sơ kiểm định", "hồ sơ đăng ký nhãn hiệu"],
                scope="city",
                officers=["chuyên viên chi cục tiêu chuẩn đo lường", "cán bộ phòng sở hữu trí tuệ"],
            ),
        ),
        officers=("chuyên viên sở khoa học công nghệ", "cán bộ sở thông tin truyền thông cũ", "chuyên viên sở KH&CN"),
        unit_heads=(
            "trưởng bưu cục",
            "giám đốc bưu điện",
            "chi cục trưởng tiêu chuẩn đo lường",
            "giám đốc trung tâm chuyển đổi số",
        ),
        local_offices=(("bưu điện {p}", "bưu điện văn hóa xã"), ("bưu cục {p}", "bưu cục")),
        city_offices=("Sở Khoa học và Công nghệ", "Sở KH&CN", "sở khoa học công nghệ tỉnh"),
        heads=("giám đốc Sở Khoa học và Công nghệ", "phó giám đốc Sở KH&CN", "ông PGĐ sở khoa học"),
        body=("Sở Khoa học và Công nghệ",),
    )
)

_add(
    AgencyInfo(
        "so-dan-toc-ton-giao",
        services=(
            S(
                [
                    "nhận hỗ trợ nhà ở cho hộ dân tộc thiểu số",
                    "nhận hỗ trợ đất sản xuất theo chương trình 1719",
                    "xin hỗ trợ nước sinh hoạt phân tán",
                    "nhận tiền hỗ trợ hộ đồng bào dân tộc",
                ],
                ["hồ sơ hỗ trợ dân tộc", "danh sách hỗ trợ chương trình 1719"],
                scope="field",
                officers=["cán bộ sở dân tộc", "cán bộ ban dân tộc cũ", "cán bộ chương trình 1719"],
            ),
            S(
                [
                    "đăng ký sinh hoạt tôn giáo tập trung",
                    "xin phép tổ chức lễ của nhà thờ",
                    "đăng ký người chuyên hoạt động tôn giáo",
                    "xin sửa chữa chùa",
                ],
                ["hồ sơ đăng ký sinh hoạt tôn giáo", "hồ sơ đăng ký tôn giáo"],
                scope="city",
                officers=["chuyên viên phòng tôn giáo"],
            ),
            S(
                ["xét công nhận người có uy tín trong đồng bào", "xin hỗ trợ cho người có uy tín ở bản"],
                ["hồ sơ xét người có uy tín"],
                scope="city",
            ),
        ),
        officers=(
            "chuyên viên sở dân tộc và tôn giáo",
            "cán bộ sở dân tộc",
            "cán bộ ban tôn giáo cũ",
            "chuyên viên sở",
        ),
        unit_heads=("trưởng phòng tôn giáo", "trưởng phòng chính sách dân tộc"),
        city_offices=(
            "Sở Dân tộc và Tôn giáo",
            "sở dân tộc tôn giáo",
            "Ban Dân tộc tỉnh cũ (nay là Sở Dân tộc và Tôn giáo)",
        ),
        heads=("giám đốc Sở Dân tộc và Tôn giáo", "phó giám đốc Sở Dân tộc và Tôn giáo", "ông phó giám đốc sở dân tộc"),
        body=("Sở Dân tộc và Tôn giáo",),
    )
)

_add(
    AgencyInfo(
        "cong-an-tinh",
        services=(
            S(
                [
                    "làm căn cước công dân",
                    "làm lại CCCD bị mất",
                    "cấp đổi căn cước",
                    "làm căn cước cho con",
                    "tích hợp thông tin lên VNeID",
                ],
                ["hồ sơ căn cước", "hồ sơ cấp CCCD", "hồ sơ cấp đổi căn cước"],
                officers=["cán bộ công an xã", "anh công an làm CCCD"],
            ),
            S(
                [
                    "đăng ký thường trú",
                    "nhập hộ khẩu cho vợ",
                    "đăng ký tạm trú",
                    "xin xác nhận thông tin cư trú",
                    "tách hộ khẩu",
                ],
                ["hồ sơ đăng ký thường trú", "hồ sơ cư trú", "hồ sơ tạm trú"],
                officers=["cảnh sát khu vực", "cán bộ công an phường"],
            ),
            S(
                ["làm hộ chiếu", "gia hạn hộ chiếu", "làm passport cho con"],
                ["hồ sơ hộ chiếu"],
                scope="city",
                officers=["cán bộ phòng xuất nhập cảnh"],
            ),
            S(
                ["đăng ký xe máy mới", "sang tên xe", "bấm biển số xe", "cấp đổi giấy đăng ký xe"],
                ["hồ sơ đăng ký xe", "hồ sơ sang tên xe"],
                officers=["cán bộ đăng ký xe", "anh công an đăng ký xe"],
            ),
            S(
                ["đổi giấy phép lái xe", "cấp lại bằng lái xe bị mất", "đổi bằng lái sang thẻ PET"],
                ["hồ sơ đổi GPLX", "hồ sơ cấp lại bằng lái"],
                scope="city",
                officers=["cán bộ phòng cảnh sát giao thông"],
            ),
            S(
                ["xin phiếu lý lịch tư pháp", "làm lý lịch tư pháp số 2 để đi xuất khẩu lao động"],
                ["hồ sơ lý lịch tư pháp"],
                scope="city",
                officers=["cán bộ hồ sơ nghiệp vụ"],
            ),
            S(
                ["bị CSGT dừng xe", "nộp phạt vi phạm giao thông", "lấy lại xe bị tạm giữ"],
                ["biên bản phạt", "xe bị tạm giữ"],
                scope="field",
                officers=["CSGT", "anh cảnh sát giao thông", "tổ tuần tra", "cảnh sát giao thông"],
            ),
            S(
                [
                    "xin thẩm duyệt phòng cháy chữa cháy",
                    "nghiệm thu PCCC cho nhà xưởng",
                    "bị kiểm tra PCCC quán karaoke",
                ],
                ["hồ sơ thẩm duyệt PCCC", "hồ sơ nghiệm thu PCCC"],
                scope="city",
                officers=["cán bộ cảnh sát PCCC"],
            ),
        ),
        officers=("cán bộ công an", "anh công an", "chiến sĩ công an", "công an viên", "cán bộ tiếp dân công an"),
        unit_heads=(
            "trưởng công an xã",
            "phó trưởng công an phường",
            "trưởng phòng cảnh sát giao thông",
            "đội trưởng CSGT",
            "trưởng phòng xuất nhập cảnh",
            "trưởng phòng PC06",
        ),
        local_offices=(
            ("công an {p}", "công an xã"),
            ("trụ sở công an {p}", "trụ sở công an xã"),
            ("điểm làm căn cước ở công an {p}", "công an phường"),
        ),
        city_offices=(
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06)",
            "phòng xuất nhập cảnh công an tỉnh",
            "Công an tỉnh",
            "phòng cảnh sát giao thông công an tỉnh",
            "phòng PC07 công an tỉnh",
        ),
        heads=(
            "giám đốc Công an tỉnh",
            "phó giám đốc Công an tỉnh",
            "ông phó giám đốc công an tỉnh",
            "một phó giám đốc Công an tỉnh",
            "ông đại tá phó giám đốc công an tỉnh",
        ),
        body=("Công an tỉnh",),
    )
)

_add(
    AgencyInfo(
        "thue",
        services=(
            S(
                ["quyết toán thuế thu nhập cá nhân", "hoàn thuế TNCN", "xin hoàn thuế thu nhập cá nhân nộp thừa"],
                ["hồ sơ hoàn thuế", "hồ sơ quyết toán thuế"],
                scope="city",
                officers=["cán bộ thuế", "chuyên viên hoàn thuế"],
            ),
            S(
                [
                    "nộp lệ phí trước bạ nhà đất",
                    "nộp lệ phí trước bạ xe máy",
                    "nộp tiền sử dụng đất",
                    "xin miễn tiền sử dụng đất",
                ],
                ["tờ khai lệ phí trước bạ", "thông báo nộp tiền sử dụng đất"],
                officers=["cán bộ thuế phụ trách trước bạ", "anh thuế"],
            ),
            S(
                ["đăng ký hóa đơn điện tử", "xin mua hóa đơn", "điều chỉnh hóa đơn"],
                ["hồ sơ hóa đơn điện tử"],
                scope="city",
                officers=["cán bộ quản lý hóa đơn"],
            ),
            S(
                ["đăng ký mã số thuế", "khai thuế hộ kinh doanh", "xin giảm thuế khoán cho quán", "đóng mã số thuế"],
                ["tờ khai thuế", "hồ sơ đăng ký thuế"],
                officers=["cán bộ thuế quản lý địa bàn", "cán bộ đội thuế"],
            ),
        ),
        officers=(
            "cán bộ thuế",
            "chuyên viên thuế",
            "anh cán bộ thuế",
            "nhân viên bộ phận một cửa của thuế",
            "cán bộ chi cục thuế cũ",
        ),
        unit_heads=("đội trưởng đội thuế", "trưởng thuế cơ sở", "trưởng phòng kiểm tra thuế", "đội phó đội thuế"),
        local_offices=(
            ("thuế cơ sở ở {p}", "thuế cơ sở"),
            ("đội thuế {p}", "đội thuế liên xã"),
            ("chi cục thuế khu vực đóng ở {p}", "chi cục thuế khu vực"),
        ),
        city_offices=(
            "Thuế tỉnh Thanh Hóa",
            "Cục Thuế cũ (nay là Thuế tỉnh)",
            "thuế tỉnh",
            "bộ phận một cửa Thuế tỉnh",
        ),
        heads=(
            "trưởng Thuế tỉnh",
            "phó trưởng Thuế tỉnh Thanh Hóa",
            "lãnh đạo Thuế tỉnh (ông phó trưởng thuế tỉnh)",
            "ông cục trưởng thuế",
        ),
        body=("Thuế tỉnh Thanh Hóa",),
    )
)

_add(
    AgencyInfo(
        "bhxh",
        services=(
            S(["chốt sổ bảo hiểm xã hội", "gộp sổ BHXH", "điều chỉnh thông tin sổ BHXH"], ["sổ BHXH", "hồ sơ gộp sổ"]),
            S(
                ["làm chế độ hưu trí", "nhận lương hưu", "làm hồ sơ nghỉ hưu"],
                ["hồ sơ hưu trí", "hồ sơ hưởng lương hưu"],
            ),
            S(["làm chế độ thai sản", "nhận tiền thai sản", "làm chế độ ốm đau"], ["hồ sơ thai sản", "hồ sơ ốm đau"]),
            S(["rút BHXH một lần", "nhận bảo hiểm xã hội một lần"], ["hồ sơ BHXH một lần"]),
            S(
                ["cấp lại thẻ BHYT", "gia hạn thẻ bảo hiểm y tế", "làm thẻ BHYT cho con", "đóng BHXH tự nguyện"],
                ["hồ sơ thẻ BHYT", "thẻ bảo hiểm y tế"],
                officers=["nhân viên thu BHYT"],
            ),
            S(["nhận trợ cấp tử tuất cho mẹ", "làm chế độ mai táng phí cho bố"], ["hồ sơ tử tuất"]),
        ),
        officers=(
            "cán bộ bảo hiểm",
            "nhân viên BHXH",
            "cán bộ BHXH",
            "chị tiếp nhận ở bảo hiểm",
            "cán bộ bảo hiểm xã hội",
        ),
        unit_heads=("giám đốc BHXH cơ sở", "trưởng phòng thu BHXH", "trưởng phòng chế độ"),
        local_offices=(
            ("BHXH cơ sở ở {p}", "BHXH cơ sở"),
            ("bảo hiểm xã hội khu vực {p}", "bảo hiểm xã hội khu vực"),
            ("điểm giao dịch BHXH {p}", "BHXH huyện cũ"),
        ),
        city_offices=("BHXH tỉnh", "Bảo hiểm xã hội tỉnh Thanh Hóa", "bảo hiểm xã hội tỉnh"),
        heads=(
            "giám đốc BHXH tỉnh",
            "phó giám đốc Bảo hiểm xã hội tỉnh",
            "ông phó giám đốc bảo hiểm xã hội tỉnh",
            "bà PGĐ BHXH tỉnh",
        ),
        body=("Bảo hiểm xã hội tỉnh",),
    )
)

_add(
    AgencyInfo(
        "thanh-tra-tinh",
        services=(
            S(
                [
                    "gửi đơn tố cáo lên thanh tra tỉnh",
                    "đến tiếp công dân ở ban tiếp công dân tỉnh",
                    "khiếu nại lên tỉnh",
                ],
                ["đơn tố cáo", "đơn khiếu nại"],
                scope="city",
                officers=["cán bộ thanh tra tỉnh", "cán bộ tiếp công dân của thanh tra tỉnh", "thanh tra viên tỉnh"],
            ),
            S(
                ["làm việc với đoàn thanh tra tỉnh", "cung cấp tài liệu cho đoàn thanh tra của tỉnh"],
                ["tài liệu thanh tra"],
                scope="field",
                officers=["đoàn thanh tra tỉnh", "thành viên đoàn thanh tra tỉnh", "thanh tra viên của tỉnh"],
            ),
        ),
        officers=("cán bộ thanh tra tỉnh", "thanh tra viên tỉnh", "cán bộ ban tiếp công dân tỉnh"),
        unit_heads=("trưởng đoàn thanh tra", "trưởng phòng nghiệp vụ của thanh tra tỉnh"),
        city_offices=("Thanh tra tỉnh", "ban tiếp công dân tỉnh", "trụ sở tiếp công dân của tỉnh"),
        # accusing these sends the report to the provincial chairman (ubnd-tinh)
        heads=(
            "chánh thanh tra tỉnh",
            "phó chánh thanh tra tỉnh",
            "ông chánh thanh tra tỉnh",
            "bà phó chánh thanh tra tỉnh",
            "ông phó chánh tt tỉnh",
        ),
        body=("Thanh tra tỉnh",),
    )
)

# Bodies whose head / deputy head can be accused (escalation source), with weights.
ESCALATION_SOURCES = {
    "xa": 60,
    "so-nong-nghiep-moi-truong": 6,
    "so-xay-dung": 4,
    "so-tai-chinh": 3,
    "so-noi-vu": 3,
    "so-giao-duc-dao-tao": 3,
    "so-y-te": 3,
    "so-tu-phap": 2,
    "so-cong-thuong": 2,
    "so-van-hoa-the-thao-du-lich": 2,
    "so-khoa-hoc-cong-nghe": 2,
    "so-dan-toc-ton-giao": 2,
    "cong-an-tinh": 4,
    "thue": 3,
    "bhxh": 3,
    "thanh-tra-tinh": 2,  # the chánh / phó chánh thanh tra: agency ubnd-tinh
}
INSPECTORATE_ESCALATION_AGENCY = "ubnd-tinh"


def _merge_coverage() -> None:
    """Add the procedures, officers and offices of coverage.py to each agency."""
    for code, extra in EXTRA.items():
        info = AGENCIES[code]
        svcs = tuple(
            Service(tuple(p), tuple(d), sc, tuple(o), tuple(of), tuple(m))
            for p, d, sc, o, of, m in extra.get("services", ())
        )
        AGENCIES[code] = replace(
            info,
            services=info.services + svcs,
            officers=info.officers + tuple(extra.get("officers", ())),
            unit_heads=info.unit_heads + tuple(extra.get("unit_heads", ())),
            local_offices=info.local_offices + tuple(extra.get("local_offices", ())),
            city_offices=info.city_offices + tuple(extra.get("city_offices", ())),
        )


_merge_coverage()
