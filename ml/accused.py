"""Who is accused? The heads of bodies a report names, and whether the report accuses them.

docs/taxonomy.md section 2: a report that ACCUSES the head or a deputy head of the body that
would handle it (chủ tịch / phó chủ tịch UBND xã/phường; giám đốc / phó giám đốc of a sở,
Công an tỉnh, Bảo hiểm xã hội; trưởng / phó trưởng Thuế tỉnh; bí thư / phó bí thư đảng ủy
xã/phường) goes to `thanh-tra-tinh`; one that accuses the chánh / phó chánh thanh tra tỉnh
goes to `ubnd-tinh`. A head who is only named (thanked, received the reporter, signed
correctly, is the addressee, was present, is a past step) changes nothing.

    a = analyse(text)        # an Accusation
    a.state                  # "none" | "mentioned" | "accused" | "unsure"
    a.accused                # {"agency": "xa", "ward_code": "16522"} when state == "accused"
    a.suspected              # the candidate body when state == "unsure"
    a.evidence               # ["Chủ tịch UBND phường Quảng Phú", "đòi 5 triệu mới"]
    a.mentions               # every head mention: role, body, status, the words that decided

How a text is read
------------------

1. Views. Each line of the text is normalised (`ml.normalize.views`): an accented view and a
   diacritics-free view of the same length, character for character. Every phrase of the
   lexicon below is written with diacritics and found on the diacritics-free view; a match
   counts when each letter of the accented view at the same place carries the phrase's own
   diacritics or none (`Phrases`), so "doi" from "đợi" is not "đòi" while "doi tien", or
   "doi 5 triệu" half typed and half expanded from "5tr", is. Words that are other words
   without diacritics ("bà"/ba, "chị"/chỉ, "họ"/hộ, "sở"/số, "quát"/quạt, "cò"/có) count only
   when written with them (`strict`). The frames around a noun phrase ("kính gửi", "tố cáo",
   "do", "bị") are read the same way on the accented view (`_frame`).
2. Mentions. Unit heads are found first and blocked: the director of a hospital, centre,
   branch or company, the head of a commune police post, trưởng phòng / thôn / đội,
   hiệu trưởng, bí thư chi bộ, chairmen of associations, HĐND, MTTQ, cooperatives, of the
   province. Then the heads of bodies, with their body: a commune/ward head (with the ward
   named after the mention, else that of another commune head's mention, else the ward of
   the whole text), a sở director (the sở's name words give its code; unnamed, the sở the
   text names, else the subject matter's), Công an tỉnh, Thuế tỉnh, BHXH tỉnh, the
   inspectorate, a commune Party secretary. Loose wordings count ("người đứng đầu UBND phường", "lãnh đạo xã",
   "sếp lớn nhất ở phường", "ông phó của ủy ban xã", "bà phó phụ trách văn hóa - xã hội",
   "ct ubnd p.", "ctx"). A bare "chủ tịch" / "giám đốc" / "bí thư" takes the body of the
   nearest explicit one of its kind in the text (a bare "chủ tịch" after "chủ tịch hội nông
   dân" is that association's), else the commune for a chairman. A head of another province
   ("chủ tịch xã ... ở Nghệ An", "Hồi ở Hà Tĩnh, chủ tịch xã bên đó...", "Giám đốc Công an tỉnh
   Nghệ An") is no head of a Thanh Hóa body: it is left out.
3. Sentences and clauses. Sentences end at . ! ? ; and at line ends; clauses at commas,
   quotes, brackets and conjunctions (nhưng, mà, rồi, thì, nên, còn, vì, do...).
4. Attribution. Noun phrases are found in each clause (heads; officers: cán bộ, chuyên
   viên, công an, anh/chị...; pronouns: ông ấy, bà ta, họ...; the reporter: tôi, gia đình
   tôi, người dân; institutions: UBND, sở; things: hồ sơ, đơn, giấy...). The agent of a
   misconduct predicate is the nearest noun phrase before it in its clause that is not the
   object of a preposition or verb (cho, với, gửi, gặp, của, lên, đến, làm...), "bị X đòi"
   and "X đòi" alike; a clause without one takes the subject of the clause before (the
   sentence before, across sentences), unless a thing or a passive "bị"/"được" stands in
   for it, or the clause opens with the reporter's own request ("đề nghị làm rõ..."). A
   pronoun takes the nearest person before it ("họ" the nearest who is not a head); "ông B"
   is the head introduced as "ông Lê Văn B". An officer the head "chỉ đạo"/"bảo"/"ép" to do
   the misconduct, or who did it "cùng" the head, makes the head an agent too.
   A cleft names the agent after "là" ("người đòi tiền là anh văn thư", "... không phải chủ tịch xã
   mà là cán bộ"); a head the sentence is about ("Điều tôi bức xúc nhất là bà phó chủ tịch, ...")
   is the subject of the clauses after it; a head in apposition to a person ("ông Lê Văn B, chủ
   tịch xã", "Ông B là chủ tịch xã") is one noun phrase with the person, and "ông B" later is the head.
   Someone told or made to act ("bảo tôi rằng", "ép cán bộ") is not a subject; a head a request
   is addressed to ("Đề nghị chủ tịch xã chỉ đạo xử lý việc cán bộ đòi tiền") makes nobody act.
   A head is ACCUSED when it is the agent of a misconduct predicate that is not negated
   ("không hề đòi"), when it is the object of a denunciation ("tố cáo ông chủ tịch xã"),
   of a call for sanctions ("đề nghị xử lý phó chủ tịch"), of a misconduct noun ("sai phạm
   của chủ tịch"), the recipient of a payment ("đưa cho chủ tịch xã 5 triệu"), or the cause
   ("do chính phó chủ tịch chỉ đạo") of misconduct in the same sentence; a report "about"
   the head ("tôi phản ánh phó giám đốc sở") accuses it when it names any misconduct.
   It is MENTIONED when it is the addressee ("Kính gửi", "đề nghị chủ tịch xem xét",
   "gửi đơn lên"), the agent of praise or of a correct act (thanked, received, listened,
   signed, instructed staff to fix it, was present), the agent of a negated misconduct,
   when someone else did the misconduct, when the reporter says it does not accuse it ("tôi không tố
   cáo chủ tịch xã"), when it denied giving the order ("không hề chỉ đạo việc thu"), or when its
   refusal is the file's own fault ("không ký vì hồ sơ còn thiếu giấy"); an earlier petition
   against it ("đã gửi đơn tố cáo lãnh đạo xã") is a past step, and its head, once the petition
   went to it, is who "ông ấy" after it means ("gửi đơn tới chủ tịch xã nhưng ông không trả lời").
   A former head ("nguyên/cựu chủ tịch xã", "chủ tịch xã ... (đã nghỉ hưu)") is not the head of the body now:
   mentioned whatever it did.
   It is UNSURE when misconduct stands in its sentence and
   nobody can be named as the agent (nor anyone but the reporter, a thing or someone of another sentence),
   when words of misconduct the acts do not cover stand next to it and no act is read ("người nhà",
   "ngoài quy định"), when something was done to the reporter by it ("hồ sơ bị chủ tịch xã ..."),
   when it is only hearsay ("người ta đồn chủ tịch xã nhận tiền"), when a relative or acquaintance of the head did it or
   gained by it, when the head's part is only in staff's words ("cán bộ bảo chủ tịch xã
   đòi..."), when the report is "about" the head with no act named, or when staff said they
   acted "theo chỉ đạo của" the head.
5. Decision. Accused if any head is accused (the highest body wins: the inspectorate's
   head, then a provincial body's, then a commune's); else unsure if any is unsure; else
   mentioned if a head is named; else none.

The misconduct predicates are the acts of the category cue words (`ml.cues.CATEGORY_ACTS`)
and the phrases of `_ACTS` below (what an officer is blamed for, by category). Cost: one
regular expression rejects a text that names no head (most reports); the others cost a few
regular expressions per sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ml.cues import CATEGORY_ACTS
from ml.gazetteer import other_provinces
from ml.normalize import normalize, strip_diacritics, views
from ml.taxonomy import Agency
from ml.wards import extract_ward, ward_candidates

__all__ = [
    "Accusation",
    "HeadMention",
    "analyse",
    "STATES",
    "escalated_agency",
    "RULE_FEATURES",
    "rule_features_of",
]

STATES = ("none", "mentioned", "accused", "unsure")

XA = Agency.XA.value
THANH_TRA = Agency.THANH_TRA_TINH.value
UBND_TINH = Agency.UBND_TINH.value


# --------------------------------------------------------------------------- matching on both views


_GAP = "[\\s'\"“”‘’«»]+"  # between two words of a phrase: spaces, and quotes ("nói phải 'cảm ơn' 3 triệu")


def _alternation(patterns: Iterable[str]) -> str:
    """One expression for all `patterns`, whole words; a space between words also takes quotes (a space inside
    a look-behind is written \\x20)."""
    return r"(?<!\w)(?:" + "|".join(p.replace(" ", _GAP) for p in patterns) + r")(?!\w)"


def _tolerant(pattern: str) -> str:
    """`pattern` with each letter carrying diacritics also accepting its bare letter ("đòi" -> "[đd][òo]i")."""
    return "".join(f"[{ch}{strip_diacritics(ch)}]" if strip_diacritics(ch) != ch else ch for ch in pattern)


class Phrases:
    """Phrases written with diacritics (regular expressions), found on the diacritics-free view.

    A match on the plain view counts when each word of the accented view at the same place is
    either written without diacritics or with the phrase's own ("doi" from "đợi" is not "đòi";
    "doi 5 triệu", half typed and half expanded from "5tr", is). `strict` phrases count only when
    written with their diacritics. `plain` patterns are diacritics-free already and always count.
    """

    def __init__(self, accented: Iterable[str] = (), strict: Iterable[str] = (), plain: Iterable[str] = ()):
        accented, strict, plain = list(accented), list(strict), list(plain)
        self._tolerant = re.compile(_alternation(_tolerant(p) for p in accented)) if accented else None
        self._strict = re.compile(_alternation(strict)) if strict else None
        self._plain_only = re.compile(_alternation(plain)) if plain else None
        self._plain = re.compile(_alternation([strip_diacritics(p) for p in accented + strict] + plain))

    def spans(
        self, norm: str, plain: str, start: int = 0, end: int | None = None, blocked: Sequence[tuple[int, int]] = ()
    ) -> list[tuple[int, int]]:
        """(start, end) of each match; none overlaps a `blocked` range (a match may start after its start)."""
        end = len(plain) if end is None else end
        out = []
        pos = start
        while (m := self._plain.search(plain, pos, end)) is not None:
            a, b = m.span()
            if not self._accepts(norm[a:b], plain[a:b]) and self._plain_only is not None:
                alt = self._plain_only.match(plain, a, end)  # a plain pattern starting at the same place
                if alt is not None:
                    b = alt.end()
            if self._accepts(norm[a:b], plain[a:b]) and not any(a < y and x < b for x, y in blocked):
                out.append((a, b))
                pos = b
            else:  # another word ("tỉnh" is not "tính"): a match may still start inside it
                pos = a + 1
        return out

    def _accepts(self, seg_norm: str, seg_plain: str) -> bool:
        return bool(
            (self._plain_only is not None and self._plain_only.fullmatch(seg_plain))
            or (self._tolerant is not None and self._tolerant.fullmatch(seg_norm))
            or (self._strict is not None and self._strict.fullmatch(seg_norm))
        )


# --------------------------------------------------------------------------- the lexicon

_HON = r"(?:(?:ông|bà|anh|chị|đồng chí|đ/c|đc|vị|ngài|chính|cả|cựu|tân) )?"  # honorific before a role
_NOT_SO = r"(?<!sở\x20)"  # "sở CT" is Sở Công Thương, not a chairman
_ABBR_END = r"(?![&\-/]\w)"  # "gđ", "ct" as a role, not "gd&đt", "ct-tt"
_DEP = r"(?:phó )?"
_UB = r"(?:ủy ban nhân dân|ủy ban|ubnd|ub|chính quyền)"
_COMMUNE = r"(?:xã|phường|thị trấn|p\.?|x\.?|tt)"
_CHARGE = (  # "... phụ trách văn hóa - xã hội": part of the mention
    r"(?: (?:phụ trách|phụ trách mảng|phụ trách lĩnh vực|phụ trách khối|mảng|khối|bên) "
    r"(?:văn hóa ?-? ?xã hội|văn hóa và xã hội|văn hóa|xã hội|kinh tế|đô thị|đất đai|địa chính|xây dựng|nông nghiệp|"
    r"tài chính|nội chính|giáo dục|y tế|tư pháp|quân sự|hành chính|chung|khối \w+|\w+))?"
)
# The same after a commune head's ward name, with or without diacritics. Without them only "phu trach" is
# unambiguous: a bare "mang" may be "mắng" (to scold), the act itself.
_CHARGE_AFTER = re.compile(
    _CHARGE[:-1]
    + "|"
    + strip_diacritics(_CHARGE[:-1]).replace(
        "(?:phu trach|phu trach mang|phu trach linh vuc|phu trach khoi|mang|khoi|ben)",
        "phu trach(?: mang| linh vuc| khoi)?",
    )
)
_NOT_PROVINCE = r"(?! (?:nhân dân )?tỉnh)(?! mặt trận)"

# Unit heads and heads of other organisations: never a head of a body (blocked first).
# The family says which bare role they anchor ("chủ tịch" after "chủ tịch hội" is the association's).
_UNIT_HEADS = {
    "director": [
        _HON + _DEP + r"(?:giám đốc|gđ|pgđ) (?:của )?(?:bệnh viện|bv|trung tâm|ttyt|tt|chi nhánh|cn|văn phòng|vpđk|vp|"
        r"công ty|cty|ban quản lý|ban|bql|kho bạc|ngân hàng|doanh nghiệp|nhà máy|hợp tác xã|htx|trường|quỹ|"
        r"bưu điện|điện lực|xí nghiệp|cảng|khu|học viện|đài|nhà xuất bản|thư viện|bảo tàng|nông trường|lâm trường|"
        r"(?:bảo hiểm xã hội|bhxh|công an) (?:huyện|cơ sở|khu vực|thị xã|thành phố|xã|phường))",
    ],
    "chair": [
        _HON
        + _DEP
        + r"(?:chủ tịch|ct) (?:của )?(?:hội|hđnd|hội đồng|mặt trận|mttq|công đoàn|hợp tác xã|htx|công ty|cty|"
        r"hđqt|đoàn|câu lạc bộ|clb|nước|quốc hội|tỉnh|hồ chí minh|thành phố|tp|huyện|thị xã|liên đoàn|tập đoàn|"
        r"(?:ủy ban nhân dân|ủy ban|ubnd|ub) (?:nhân dân )?(?:tỉnh|thành phố|huyện|thị xã|mặt trận)|ủy ban mặt trận)",
    ],
    "secretary": [
        _HON
        + _DEP
        + r"bí thư (?:chi bộ|đoàn|chi đoàn|thanh niên|tỉnh ủy|huyện ủy|thành ủy|đảng ủy (?:tỉnh|khối|công ty))",
    ],
    "other": [
        _HON + _DEP + r"trưởng (?:công an|ca|trạm|phòng|khoa|ban|chi nhánh|thôn|bản|bộ phận|đội|tổ|khu|xóm|ấp|làng|cụm|"
        r"bưu điện|đài|văn phòng|kho|ngành|đoàn|chi cục|hạt|nhóm|thuế (?:cơ sở|xã|phường|khu vực))",
        _HON + r"(?:chi cục|đội|tổ|hạt|trạm|khoa|xưởng|lớp|nhóm|thôn|xóm|bản) (?:phó|trưởng)",
        r"hiệu (?:trưởng|phó)",
        _HON + r"(?:phó|trưởng) (?:phòng|ban|khoa|trạm|đội|chánh văn phòng)(?: \w+)?",
        r"chánh (?:văn phòng|án)",
        r"trưởng (?:thôn|bản|xóm|khu phố|tổ dân phố)",
    ],
}

# Heads of bodies. Each: (kind, family, patterns); the kind decides the body.
_HEADS = [
    (
        "commune",
        "chair",
        [
            _HON + _DEP + r"chủ tịch (?:" + _UB + r" )?" + _COMMUNE + r"(?! hội)" + _CHARGE,
            _HON + _DEP + r"chủ tịch " + _UB + _NOT_PROVINCE + _CHARGE,
            _NOT_SO + _HON + r"p?ct (?:" + _UB + r" )?" + _COMMUNE + _CHARGE,
            _NOT_SO + _HON + r"p?ct " + _UB + _NOT_PROVINCE,
            _HON + r"p?ctx" + _ABBR_END,
            _HON + r"người đứng đầu (?:(?:" + _UB + r") )?" + _COMMUNE,
            _HON + r"người đứng đầu " + _UB + _NOT_PROVINCE,
            r"(?:các |ban )?lãnh đạo (?:(?:" + _UB + r"|đảng ủy) )?" + _COMMUNE,
            r"(?:các |ban )?lãnh đạo " + _UB + _NOT_PROVINCE,
            r"sếp (?:lớn nhất |to nhất |cao nhất |lớn |to |lớn |cả )?(?:(?:ở|của|bên|trên) )?(?:" + _UB + r" )?"
            r"(?:" + _COMMUNE + r"|ủy ban)",
            r"(?:ông|bà|anh|chị) phó (?:(?:của|bên|ở|trên) )?(?:" + _UB + r" )?" + _COMMUNE + _CHARGE,
            r"(?:ông|bà|anh|chị) phó (?:(?:của|bên|ở|trên) )?" + _UB + _NOT_PROVINCE + _CHARGE,
            r"(?:ông|bà|anh|chị) phó (?:phụ trách|mảng|khối) "
            r"(?:văn hóa ?-? ?xã hội|văn hóa|xã hội|kinh tế|đô thị|đất đai|địa chính|xây dựng|nông nghiệp|\w+)",
        ],
    ),
    (
        "commune-party",
        "secretary",
        [
            _HON + _DEP + r"bí thư (?:kiêm chủ tịch )?(?:đảng ủy |đảng bộ )?" + _COMMUNE,
            _HON + _DEP + r"bí thư (?:đảng ủy|đảng bộ)(?! (?:tỉnh|khối|công ty|cơ quan|sở|bệnh viện|trường))",
        ],
    ),
    (
        "police",
        "director",
        [
            _HON
            + _DEP
            + r"(?:giám đốc|gđ|pgđ|ban giám đốc)"
            + _ABBR_END
            + r" (?:công an|ca)(?: tỉnh(?: thanh hóa)?)?(?! (?:huyện|xã|phường|thị xã))",
            r"(?:lãnh đạo|người đứng đầu) công an tỉnh",
        ],
    ),
    (
        "bhxh",
        "director",
        [
            _HON
            + _DEP
            + r"(?:giám đốc|gđ|pgđ|ban giám đốc)"
            + _ABBR_END
            + r" (?:bảo hiểm xã hội|bhxh)(?: tỉnh(?: thanh hóa)?)?"
            r"(?! (?:huyện|cơ sở|khu vực|thị xã|thành phố|xã|phường))",
            r"(?:lãnh đạo|người đứng đầu) (?:bảo hiểm xã hội|bhxh) tỉnh",
        ],
    ),
    (
        "tax",
        "other",
        [
            _HON
            + _DEP
            + r"(?:cục trưởng|trưởng)(?: cục)? thuế(?: tỉnh)?(?: thanh hóa)?(?! (?:cơ sở|xã|phường|khu vực))",
            r"(?:lãnh đạo|người đứng đầu) (?:cục )?thuế tỉnh",
        ],
    ),
    (
        "inspectorate",
        "other",
        [
            _HON + _DEP + r"chánh (?:thanh tra|tt)(?: tỉnh(?: thanh hóa)?)?(?! (?:sở|huyện|bộ|chính phủ|thành phố))",
            r"(?:lãnh đạo|người đứng đầu) thanh tra tỉnh",
        ],
    ),
    (
        "so",
        "director",
        [
            _HON + _DEP + r"(?:giám đốc|gđ|pgđ|ban giám đốc)" + _ABBR_END + r" (?:của )?sở",
            r"(?:các |ban )?(?:lãnh đạo|người đứng đầu) (?:của )?sở",
        ],
    ),
    (
        "bare-chair",
        "chair",
        [
            _HON + _DEP + r"chủ tịch" + _CHARGE,
            r"(?:ông|bà) phó phụ trách \w+",
            r"(?:ông|bà|anh|chị|đồng chí) (?:phó )?ct" + _ABBR_END + _CHARGE,
        ],
    ),
    ("bare-director", "director", [_HON + _DEP + r"(?:giám đốc|gđ|pgđ)" + _ABBR_END]),
    ("bare-secretary", "secretary", [r"(?:ông|bà|đồng chí) " + _DEP + r"bí thư"]),
]
_STRICT_HEADS = {"bare-secretary-strict": [_DEP + r"bí thư"]}  # "bi thu" is also "bị thu": diacritics needed

# Which sở: its name words after "sở" (diacritics-free, as normalised).
_SO_NAMES = [
    (
        r"nong nghiep|tai nguyen|moi truong|nn ?& ?mt|nn-mt|nnmt|tn ?& ?mt|tnmt|nn&ptnt|nnptnt",
        "so-nong-nghiep-moi-truong",
    ),
    (r"xay dung|giao thong|xd|gtvt|gt ?& ?vt", "so-xay-dung"),
    (r"tai chinh|ke hoach|dau tu|kh ?& ?dt|khdt|kh-dt|tc", "so-tai-chinh"),
    (r"noi vu|lao dong|ldtbxh|ld-tb ?& ?xh|ld ?tb ?& ?xh|nv", "so-noi-vu"),
    (r"giao duc|gd ?& ?dt|gddt|gd-dt", "so-giao-duc-dao-tao"),
    (r"y te|yt", "so-y-te"),
    (r"tu phap|tp", "so-tu-phap"),
    (r"cong thuong|ct", "so-cong-thuong"),
    (r"van hoa|the thao|du lich|vh ?tt ?& ?dl|vhttdl|vh-tt-dl", "so-van-hoa-the-thao-du-lich"),
    (r"khoa hoc|cong nghe|thong tin|truyen thong|kh ?& ?cn|khcn|kh-cn|tt ?& ?tt|tttt", "so-khoa-hoc-cong-nghe"),
    (r"dan toc|ton giao", "so-dan-toc-ton-giao"),
]
# The rest of a sở's full name ("Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch"): part of the mention
_SO_NAME_TAIL = (
    r"(?:(?:,? va|,|\s?&|\s?-)\s?(?:phat trien nong thon|moi truong|dau tu|dao tao|cong nghe|"
    r"thuong binh(?: va xa hoi)?|xa hoi|the thao|du lich|ton giao|van tai|truyen thong|ke hoach|thong tin)|"
    r"\s(?:van tai|thuong binh va xa hoi))*"
)
_SO_NAME_RX = [(re.compile(r"^(?:" + rx + r")" + _SO_NAME_TAIL + r"(?!\w)"), code) for rx, code in _SO_NAMES]

_KIND_AGENCY = {
    "commune": XA,
    "commune-party": XA,
    "police": Agency.CONG_AN_TINH.value,
    "bhxh": Agency.BHXH.value,
    "tax": Agency.THUE.value,
    "inspectorate": THANH_TRA,
}

# Noun phrases that can be agents (or not) of a predicate.
_NP = {
    "reporter": Phrases(
        [
            r"(?:chúng |bọn )?tôi",
            r"chúng (?:em|mình|cháu)",
            r"(?:gia đình|nhà|bố|mẹ|vợ|chồng|con|cháu) (?:tôi|mình|em)",
            r"bà con(?: \w+)?",
            r"người dân",
            r"hàng xóm",
            r"cả (?:thôn|xóm|làng|bản)",
        ],
        strict=[r"em", r"dân", r"mình"],
    ),
    "pronoun": Phrases(
        [
            r"(?:ông|anh|chú|bác) (?:ấy|ta|này|kia|đó|nọ)",
            r"(?:bà|chị|cô) (?:ấy|ta|này|kia|đó|nọ)",
            r"vị (?:này|đó|ấy)",
            r"đồng chí (?:này|đó|ấy)",
            r"người (?:này|đó|kia)",
            r"ông",
        ],
        strict=[r"họ", r"bà", r"ổng|bả|hắn"],  # without diacritics: họ/hồ/hộ, ba, ong, hạn
    ),
    "officer": Phrases(
        [
            r"cán bộ(?: \w+)?",
            r"công chức|viên chức|chuyên viên|nhân viên|kế toán|thủ quỹ|văn thư|thư ký",
            r"cảnh sát|csgt|công an(?! tỉnh)",
            r"bộ phận(?: một cửa| tiếp nhận)?|một cửa",
            r"địa chính|tư pháp",
            r"giáo viên|bác sĩ|y tá|điều dưỡng|kiểm lâm|thanh tra viên|công chứng viên",
            r"(?:đoàn|tổ|đội) (?:kiểm tra|thanh tra|công tác|trật tự|đo đạc|quản lý|thuế)",
            r"ban (?:quản lý|giải phóng mặt bằng|bồi thường|tiếp dân|chỉ đạo|điều hành|quản trị)(?: \w+)?",
            r"(?:anh|chú|bác) (?:cán bộ|\w+)",
            r"(?:chị|cô) (?:cán bộ|hộ tịch|tư pháp|địa chính|trả kết quả|tiếp nhận|một cửa|kế toán|văn thư|thủ quỹ|"
            r"văn phòng|ở|bên|phụ trách|trực|chuyên viên|nhân viên)",
            r"anh",
            r"(?:không|chẳng|chưa) (?:có )?ai",
            r"ai",
        ],
        strict=[r"(?:chị|cô) (?:cán bộ|\w+)", r"chị|cô|thầy|cò"],  # without diacritics: chỉ, có, thay
    ),
    "institution": Phrases(
        [
            r"(?:ủy ban nhân dân|ủy ban|ubnd|chính quyền|đảng ủy)(?: (?:xã|phường|thị trấn))?",
            r"trung tâm|văn phòng|chi nhánh|bệnh viện|ngân hàng|công ty|cơ quan|đơn vị",
            r"bên (?:xã|phường|sở|thuế|bảo hiểm|địa chính|tư pháp|một cửa)",
        ],
        strict=[r"sở", r"phòng", r"thôn", r"(?:nhà )?trường(?! hợp)"],
    ),
    "thing": Phrases(
        [
            r"hồ sơ|giấy(?: tờ| phép| chứng nhận| xác nhận)?|kết quả|quyết định|văn bản|biên bản|thủ tục|dự án",
            r"việc (?:này|đó|ấy)",
        ],
        strict=[r"đơn(?: từ)?", r"sổ(?: đỏ| hồng)?"],
    ),
}
_NP_ORDER = ("reporter", "pronoun", "officer", "institution", "thing")
_PERSON = {"head", "unit-head", "officer", "pronoun", "relative"}

_AMOUNT = r"\d[\d.,]*\s?(?:triệu|tr|nghìn|ngàn|k|đồng|đ|củ|trăm|tỷ)|hàng (?:chục |trăm )?(?:triệu|nghìn|tỷ)"
_MONEY = _AMOUNT + r"|tiền|phong bì|quà"

# Misconduct predicates beyond the category cue words, by category.
_ACTS = {
    "doi-tien": [
        r"đòi (?:hỏi )?(?:tiền|thêm|chi|phong bì|bồi dưỡng|lót tay|quà|phí|lệ phí)",
        r"đòi (?:\S+ ){0,4}?(?:" + _MONEY + ")",
        r"vòi vĩnh|vòi tiền|gạ gẫm|gạ tiền",
        r"ăn (?:tiền|chặn|bớt|hối lộ|của đút|chia|dày|hoa hồng|phần trăm|chênh lệch|tiền hoa hồng)",
        r"nhận (?:tiền )?(?:hoa hồng|phần trăm|chênh lệch)",
        r"nhận (?:hối lộ|" + _MONEY + "|của (?:tôi|dân|người dân|chúng tôi) (?:" + _MONEY + "))",
        r"lấy (?:" + _MONEY + ")",
        r"thu (?:thêm|ngoài|phí ngoài|tiền (?:ngoài|sai|trái|thêm)|" + _AMOUNT + ")",
        r"thu (?:\S+ ){0,4}?(?:ngoài|trái|sai|vượt) (?:quy định|mức)",
        r"(?:thu|nhận|lấy) (?:\S+ ){0,4}?(?:để|cho) (?:được )?(?:làm|ký|giải quyết|cấp|xong|xử lý) nhanh",
        r"bôi trơn|lót tay|chi ngoài|đút lót",
        r"tham (?:ô|nhũng)|biển thủ|bớt xén|ăn chia",
        r"ra giá",
        r"xin (?:" + _MONEY + ")",
        r"bắt (?:nộp|đóng|đưa|chi|gửi) (?:tiền|thêm|\d)",
        r"muốn (?:nhanh|xong|được việc|sớm|thông|lọt|có)(?: thì)? (?:\S+ ){0,2}?(?:phải )?"
        r"(?:có|đưa|gửi|chi|bồi dưỡng|lo|chuyển|chuẩn bị)",
        r"(?:về )?(?:suy nghĩ|nghĩ) xem (?:nên )?làm (?:thế nào|sao)|biết điều|hiểu ý|tự hiểu",
        r"muốn (?:tiền|ăn tiền|phong bì|được bồi dưỡng|được cảm ơn)",
        r"gợi ý (?:\S+ ){0,6}?(?:" + _MONEY + ")",
        r"(?:bảo|báo|nói|tính|lấy)(?: \S+){0,2}? (?:lệ phí|phí|giá)(?: \S+){0,4}? (?:" + _AMOUNT + ")",
        r"(?:thu|lấy|nhận) (?:\S+ ){0,6}?(?:của )?(?:mỗi|từng) (?:nhà|hộ|người|suất|gia đình)",
        r"thu (?:tiền|phí|quỹ)(?: \S+){0,8}? (?:mà )?(?:không|chẳng) (?:có |viết |đưa |cấp |ghi )?"
        r"(?:biên lai|hóa đơn|chứng từ|phiếu thu)",
        r"nếu (?:tôi |dân |gia đình tôi |chúng tôi )?(?:không|chưa) (?:\S+ )?(?:cảm ơn|bồi dưỡng|lo lót|lo|chi|"
        r"có gì|có quà|biết điều|đưa|gửi|biếu)(?: \S+){0,2}? thì",
        r"(?:phải )?có (?:tí|chút|ít) (?:gì|quà|lòng|đỉnh)|chút quà|tí quà",
        r"thu (?:của (?:\S+ ){1,2})?(?:gấp (?:đôi|ba)|cao hơn|nhiều hơn|vượt)",
        r"(?:có gì|chút gì|tiền|ít|chút) (?:\S+ ){0,3}?(?:uống nước|cà phê|cafe|trà nước|ăn sáng)",
        r"phí (?:làm nhanh|ngoài|bôi trơn|anh em|cà phê|trà nước|bồi dưỡng)",
        r"(?:quà|tiền|bồi dưỡng|cảm ơn|phong bì|chút) (?:\S+ ){0,2}?cho anh em",
        r"nếu (?:tôi |chúng tôi |gia đình tôi )?(?:chi|đưa|gửi|biếu|lo) (?:\S+ ){0,4}?(?:" + _MONEY + ")",
        r"(?:bảo|nói|yêu cầu|bắt) (?:\S+ ){0,2}?phải (?:có|đưa|nộp|chi|gửi|đóng|lo) (?:\S+ ){0,2}?(?:" + _MONEY + ")",
    ],
    "sach-nhieu": [
        r"đòi (?:\S+ )?(?:viết|làm|sửa|nộp|in|chụp|photo|khai) lại",
        r"đòi (?:xem|kiểm tra|khám|lục)",
        r"(?:lấy|viện|kiếm|đặt|tìm) (?:lý do|cớ)",
        r"(?:không sai|đúng) mà (?:vẫn )?(?:bảo|nói|bắt) sai",
        r"bắt (?:\S+ ){0,3}?(?:lại|thêm)",
        r"(?:gặp|lên gặp|ra gặp|đi uống|ra quán) (?:\S+ ){0,2}?riêng|ngoài giờ (?:để )?(?:trao đổi|nói chuyện|gặp)",
        r"(?:gợi ý|ép|bắt|bảo) (?:\S+ ){0,3}?(?:bán|nhượng|sang tên) (?:lại )?(?:\S+ ){0,6}?"
        r"(?:giá rẻ|giá thấp|cho (?:người|anh em|họ))",
        r"(?:ai |nhà nào |hộ nào )?(?:không|chưa) (?:nộp|đóng|đưa|chi|ủng hộ|đi|đến|làm theo)(?: \S+){0,3}? thì "
        r"(?:\S+ ){0,2}?(?:không|sẽ không|chưa|bị) "
        r"(?:được|cho|ký|xác nhận|giải quyết|cấp)",
        r"(?:thành|là) bắt buộc|bắt buộc (?:dân|người dân|các hộ|mọi người|phải)",
        r"gây (?:khó dễ|khó khăn|phiền hà|sức ép|áp lực|phiền)",
        r"làm khó(?: dễ)?",
        r"hành (?:dân|hạ)",
        r"bới lông tìm vết",
        r"chèn ép|o ép|ép buộc",
        r"ép (?:dân|tôi|phải|bán|ký|nộp|chúng tôi|người dân|gia đình|các hộ)",
        r"ép (?:\S+ ){0,4}?(?:mua|thuê|dùng|sử dụng|đặt)",
        r"ép (?:\S+ ){0,2}?(?:cán bộ|công chức|nhân viên|cấp dưới|bộ phận|văn phòng|chuyên viên|kế toán|thủ quỹ|"
        r"địa chính|tư pháp|một cửa|công chứng)",
        r"vì (?:\S+ ){0,2}?(?:mâu thuẫn|xích mích|thù hằn|thù oán|thù riêng|hiềm khích|tư thù)",
        r"trù (?:dập|úm)",
        r"đe dọa|dọa(?: nạt| dẫm)?",
        r"cố (?:tình|ý) (?:làm|gây|không|dây dưa|kéo dài|trì hoãn|ngâm|giữ|bắt|đòi|né|tránh|hạch|bỏ|che|vi phạm|chậm)",
        r"vặn vẹo|trả thù",
    ],
    "cham-tre": [
        r"ngâm (?:hồ sơ|đơn|giấy|sổ)",
        r"găm (?:hồ sơ|lại|sổ)",
        r"giữ (?:lại )?(?:hồ sơ|đơn|sổ|giấy)",
        r"(?:không|chưa|chẳng|nhất quyết không) (?:chịu |thèm )?ký",
        r"giữ lại không ký",
        r"hẹn (?:đi )?hẹn lại",
        r"chây ì",
        r"chậm (?:trễ|giải quyết|ký|trả)",
        r"(?:không|chưa|chẳng) (?:chịu )?(?:giải quyết|xử lý|trả (?:kết quả|hồ sơ|lời))",
        r"đắp chiếu|treo (?:hồ sơ|đơn)",
        r"để (?:hồ sơ |đơn )?(?:nằm|tồn|quá hạn)",
        r"để (?:[^\s,;.]+ ){1,10}?(?:nằm (?:im|yên|đó|đấy|một chỗ|trong|trên|mãi)|tồn đọng|quá hạn)",
        r"ôm (?:hồ sơ|đơn|sổ|giấy)",
        r"giữ lại (?:\S+ ){0,2}?(?:hơn |gần |cả |suốt |đến )?(?:\d+|mấy|hàng|nhiều|hai|ba|bốn|năm|sáu) "
        r"(?:ngày|tuần|tháng|năm)",
        r"bao giờ rảnh|khi nào rảnh|chưa rảnh|(?:cứ )?về mà (?:chờ|đợi)",
    ],
    "thai-do": [
        r"quát (?:nạt|tháo|mắng)|mắng (?:chửi|nhiếc)|chửi (?:bới|mắng|thề)",
        r"xúc phạm|lăng mạ|mày tao|cửa quyền|coi thường|xua đuổi|thô lỗ",
        r"đuổi (?:tôi|dân|về|ra|đi|chúng tôi|người dân)",
        r"đập bàn|hành hung",
        r"đánh (?:dân|người|tôi)",
        r"không thèm (?:trả lời|tiếp|nghe|nhìn)",
        r"cáu (?:gắt|kỉnh)",
        r"to tiếng|lớn tiếng|nói trống không|mỉa mai|thiếu tôn trọng|cau (?:mặt|có)|nhăn nhó|gắt gỏng|chê bai",
        r"hút thuốc|say rượu|mùi rượu|mặc quần đùi|đi dép lê|xem phim|chơi game",
        r"(?:lướt|xem|bấm|nghịch|chơi) điện thoại|không (?:đáp|chào lại|thèm nhìn)",
        r"quát (?:tôi|dân|người dân|chúng tôi|mọi người|bà con|ầm|lên)",
        r"(?:mắng|chửi|quát) (?:tôi|dân|người dân|chúng tôi|bà con|mẹ tôi|bố tôi) (?:là|như|thậm tệ|xối xả|té tát)",
        r"như (?:quát|mắng|chửi) (?:con|người|tôi|dân)",
        r"(?:cúp|dập|tắt) máy(?: ngang| giữa chừng)?|cộc lốc|(?:phẩy|xua|khoát) tay",
        r"chỉ tay (?:vào )?(?:mặt|mũi)|giọng (?:ra lệnh|hách dịch|cửa quyền|trịch thượng|quát nạt|bề trên)",
        r"(?:nói|dùng|buông) (?:những |mấy )?(?:câu|lời|từ)(?: ngữ| lẽ)? (?:\S+ ){0,2}?"
        r"(?:khó nghe|xúc phạm|thô tục|tục tĩu|"
        r"không đúng mực|thiếu văn hóa|hỗn láo)",
    ],
    "sai-quy-trinh": [
        r"bắt (?:\S+ ){0,2}?(?:nộp|bổ sung|photo|công chứng|xác nhận|làm|phải) (?:thêm|lại)",
        r"bắt (?:tôi |dân |người dân |chúng tôi |mọi người |bà con )?(?:phải )?(?:nộp|bổ sung|photo|công chứng|"
        r"xác nhận|chứng thực|làm lại|đi|xin|mang|in|mua|đóng|chờ|sửa|viết lại|ký)",
        r"(?:bắt|bảo|ép|yêu cầu) (?:\S+ ){0,3}?phải (?:mua|làm|thuê|qua|đi|dùng) (?:\S+ ){0,3}?(?:của|ở|tại|qua|bên)",
        r"không (?:vào sổ|cho phiếu hẹn|viết giấy biên nhận|(?:viết|cấp|đưa) (?:giấy |phiếu )?(?:biên nhận|hẹn))",
        r"không ghi (?:số|nội dung|rõ|ngày|tên|biên lai)",
        r"yêu cầu (?:thêm|sai)",
        r"yêu cầu (?:\S+ ){0,2}?(?:phải )?(?:nộp|bổ sung|photo|công chứng|làm|chứng thực) (?:\S+ )?(?:thêm|lại)",
        r"sai (?:quy định|quy trình|luật|thẩm quyền|trái)",
        r"trái (?:phép|luật|quy định|thẩm quyền|pháp luật)",
        r"làm sai|ký sai|cấp sai|duyệt sai",
        r"không đúng (?:quy định|thẩm quyền|quy trình|luật)",
        r"vượt (?:thẩm )?quyền",
        r"tự ý",
        r"không (?:hướng dẫn|công khai)",
        r"khuất tất",
        r"làm giả|giả mạo|giả chữ ký",
        r"ký (?:khống|thay|bừa)",
    ],
    "ne-tranh": [
        r"né tránh",
        r"(?:không|chẳng) (?:thèm |hề )?(?:nêu|nói|đưa ra|cho biết|giải thích) (?:rõ )?lý do",
        r"(?:không|chưa|chẳng) (?:chịu |thèm |hề )?(?:tiếp(?: dân| nhận| công dân| tôi)?|nhận (?:hồ sơ|đơn)|"
        r"trả lời|gặp|nghe máy)",
        r"từ chối(?: tiếp| gặp| nhận| trả lời| giải quyết| ký)?",
        r"lảng tránh|thoái thác|tránh mặt|phớt lờ|làm ngơ|bỏ mặc|lờ đi",
        r"trốn (?:tránh|tiếp|gặp)",
        r"đẩy (?:sang|qua|lên|về) (?:chỗ|bên|nơi|cơ quan)",
        r"(?:giao|đẩy|chuyển) (?:\S+ )?cho người khác",
        r"(?:đẩy|đá|đùn) qua (?:đẩy|đá|đùn) lại",
        r"đổ (?:lỗi |trách nhiệm |hết )?cho|(?:không ai|chẳng ai|không) (?:chịu |nhận )trách nhiệm",
        r"(?:quay|bỏ) đi không (?:giải thích|trả lời|nói)|không (?:giải thích|trả lời) (?:câu nào|gì cả|một lời)",
        r"tự (?:lên mạng|đi hỏi|tìm hiểu|đọc) mà (?:xem|hỏi|làm|biết)",
        r"đứng dậy (?:bỏ )?đi|bỏ ra ngoài|bỏ về|bỏ đi ra",
        r"(?:lần nào|(?:\d+|hai|ba|bốn|năm|mấy|nhiều|các|cả \d+|cả mấy) lần)(?: \S+){0,3}? (?:đều|cũng) "
        r"(?:được |bị )?(?:bảo|báo|nói) "
        r"(?:là )?(?:đi họp|đi vắng|bận|vắng|không có|đi công tác)",
        # absent from duty, lax
        r"vắng mặt|(?:không|chẳng) (?:có mặt|ngồi trụ sở|ở trụ sở)",
        r"(?<!cán\x20)bỏ (?:cả )?(?:buổi |lịch |ca )?(?:tiếp dân|trực|làm việc|nhiệm sở)",
        r"buông lỏng|thiếu trách nhiệm|tắc trách|vô trách nhiệm",
        # perfunctory, put off
        r"qua loa|chiếu lệ|làm cho có|đại khái",
        r"(?:hứa|hẹn)(?: \S+){0,2}? (?:rồi|xong|nhưng) (?:lại |cứ )?"
        r"(?:để đó|để đấy|bỏ đó|bỏ đấy|im luôn|lờ đi|không làm)",
        r"(?:cứ )?hẹn rồi để (?:đó|đấy)",
        r"hẹn (?:lại )?(?:tuần sau|hôm sau|ngày mai|tháng sau|lần sau|hôm khác)",
        r"(?:bảo|bắt) (?:\S+ )?chờ (?:thêm|tiếp|mãi|dài)",
        r"để (?:\S+ ){0,2}?(?:trên bàn|một góc|trong ngăn kéo)",
        r"làm mất (?:hồ sơ|đơn|giấy|sổ)|bỏ quên|để thất lạc|rồi quên",
        r"(?:không|chẳng) (?:thông báo|báo lại|gọi lại)",
        r"(?:để |đợi )?(?:mai|sáng mai|hôm khác|hôm sau|tuần sau|tháng sau) mới (?:xuống|đến|làm|giải quyết|ký|về)",
    ],
    "loi-dung": [
        r"lạm quyền",
        r"lạm dụng (?:chức vụ|quyền|vị trí|tài sản|ngân sách|công quỹ|danh nghĩa|thẩm quyền)",
        # dishonest
        r"(?:báo cáo|nói|trả lời|kết luận|nêu|ghi|xác nhận|tính|vẽ) (?:\S+ ){0,2}?sai",
        r"(?:đo|cân) (?:đất|đạc|lại|diện tích|ranh giới|thửa|hàng|lúa)(?: \S+){0,2}? sai",
        r"(?:không|chẳng) (?:trung thực|đúng (?:sự thật|sự thực|thực tế))",
        r"sai sự thật|gian dối|dối trá|nói dối|man khai",
        # public things for private use, land, homes
        r"(?:dùng|sử dụng|lấy|mượn) (?:\S+ ){0,5}?(?:vào|cho) (?:việc|mục đích|đám) (?:riêng|cá nhân|cưới|nhà)",
        r"(?:dùng|sử dụng|lấy|mượn) (?:\S+ ){0,6}?"
        r"(?:của (?:cơ quan|xã|phường|nhà nước|công|ủy ban)|xe công|tài sản công|"
        r"công quỹ|ngân sách|con dấu)",
        r"(?:dùng|lấy|sử dụng) thông tin (?:\S+ ){0,6}?(?:để|vào)",
        r"(?:đứng tên|mượn tên) (?:hộ )?(?:\S+ ){0,2}?để (?:nhận|hưởng|lấy)",
        r"giới thiệu (?:\S+ ){0,3}?(?:qua|sang|đến|tới) (?:\S+ ){0,3}?(?:dịch vụ|cò|người nhà|người quen|văn phòng)",
        r"(?:rào|lấn|chiếm|quây|xây|san) (?:\S+ ){0,3}?đất "
        r"(?:công|của (?:xã|thôn|người khác|hàng xóm|nhà (?:bên|bên cạnh)))",
        r"chặt (?:cả |hết )?cây",
        r"xâm phạm (?:chỗ ở|nhà|quyền|tài sản)|phá (?:khóa|cửa|tường|nhà)|tự ý vào nhà",
        # the reporter's identity given away
        r"(?:nói|báo|cho) (?:\S+ ){0,5}?biết (?:\S+ ){0,3}?(?:người|ai) (?:tố cáo|phản ánh|làm đơn|gửi đơn|viết đơn)",
        r"ưu tiên (?:người nhà|người quen|cho (?:người|vợ|con|em|cháu))",
        r"dung túng|tiếp tay|móc nối|câu kết|cấu kết|thông đồng|bảo kê",
        r"can thiệp (?:vào (?:việc )?(?:xét|chấm|bình|thi|tuyển|đấu|phân|duyệt|lập|kết quả|danh sách|hồ sơ)|"
        r"để (?:xóa|bỏ|hủy|cho|được|trả|thả|giảm|lấy|nâng|hồ sơ|đơn|người|con|em|cháu|vợ)|trái|sai|"
        r"cho (?:người|con|em|cháu|vợ|công ty|doanh nghiệp))",
        r"chỉ đạo (?:\S+ ){0,4}?(?:không|đừng|chưa|ngừng|dừng) (?:được )?(?:cấp|ký|giải quyết|công chứng|chứng thực|"
        r"nhận|tiếp nhận|xác nhận|tiếp|trả|cho)",
        r"(?:lập|làm|kê|khai|ghi|báo cáo) (?:\S+ ){0,3}?khống",
        r"(?:rút|ăn|chiếm|giữ|chia|lấy) (?:\S+ )?tiền (?:hỗ trợ|trợ cấp|bồi thường|đền bù|cứu trợ)",
        r"cho (?:người nhà|người quen|người thân|họ hàng|vợ|chồng|con|em|cháu|anh em)(?: \S+){0,2}? (?:được )?"
        r"(?:thuê|mua|trúng thầu|trúng|nhận|hưởng|vào làm)",
        r"(?:cấp|giao|bán|cho thuê|ký|duyệt) (?:\S+ ){0,8}?của (?:người nhà|người quen|người thân|họ hàng|vợ|chồng|"
        r"con|em|cháu)",
        r"(?:chặn|gạt|loại|gạch) (?:\S+ ){0,3}?(?:không cho|khỏi|ra khỏi) (?:vào )?(?:danh sách|diện)",
        r"không cho (?:\S+ ){0,3}?vào (?:danh sách|diện)",
        r"chỉ đạo (?:bán|cấp|giao|thu|sai|ép|bỏ qua|xóa|hợp thức|cho người nhà)",
        r"(?:bảo|dặn|ra lệnh|cấm|yêu cầu) (?:\S+ ){0,4}?(?:không|đừng) (?:được |cho )?(?:nhận|tiếp nhận|giải quyết|"
        r"ký|tiếp|cấp|xác nhận)",
        r"(?:cấp|giao|bán|chia|cho thuê|phân|ký|duyệt) (?:\S+ ){0,6}?cho "
        r"(?:người nhà|người quen|vợ|chồng|con|em|anh|chị|"
        r"cháu|bố|mẹ|họ hàng|anh em|e|công ty (?:của|người))",
        r"(?:bán|giao|cho thuê|chia|cấp) đất công",
        r"bán đất(?: công)?",
        r"(?:xếp|đưa|cho|đề xuất|kê) (?:người nhà|người quen|người thân|vợ|chồng|con|em|cháu|họ hàng)(?: \S+){0,4}? "
        r"vào (?:danh sách|diện)",
        r"(?:dù|tuy|mặc dù) (?:không|chưa) đủ (?:điều kiện|tiêu chuẩn)",
        r"bị (?:loại|gạch tên|cắt)(?: khỏi)?(?: danh sách)?",
        r"vào thẳng (?:\S+ ){0,2}?(?:phòng|bàn)|không (?:cần|phải) (?:lấy số|xếp hàng)|chen ngang",
        r"(?:nhận|làm|giải quyết|ký|ưu tiên) (?:\S+ ){0,3}?(?:của )?người quen trước|giấu (?:hồ sơ|đơn)",
        r"giao đất (?:trái|sai)",
        r"chiếm (?:dụng|đất|đoạt|làm của riêng)|lấn chiếm",
        r"trục lợi|vụ lợi|tư lợi|thiên vị|sân sau|nhóm lợi ích",
        r"cưỡng chế (?:trái|sai)",
        r"hợp thức hóa",
        r"nhận hối lộ",
        r"bổ nhiệm (?:người nhà|con|cháu|vợ|em)",
        r"(?:bố trí|sắp xếp|nhận|đưa|cài) (?:người nhà|người quen|con|cháu|vợ|chồng|em|anh em)(?: \S+){0,3}? "
        r"vào (?:biên chế|làm|cơ quan|vị trí|chức)",
        r"tiết lộ|lộ (?:thông tin|danh tính)",
    ],
}
# Payment acts: misconduct when an official is their agent (a demand: "bảo đưa 5 triệu"), a bribe
# to the one after "cho" when the reporter pays.
_PAY = (
    r"(?:(?:đưa|biếu|bồi dưỡng|lót tay|chuyển(?: khoản)?|gửi|nộp|lo|cảm ơn) (?:\S+ ){0,4}?"
    r"|chi (?:thêm |ngoài |riêng )?)(?:" + _MONEY + ")"
)

# One-syllable acts that are other words without diacritics ("quat" is also quạt, "voi" với): diacritics needed.
_STRICT_ACTS = {
    "doi-tien": [r"vòi", r"gạ"],
    "sach-nhieu": [r"cố (?:tình|ý)"],
    "loi-dung": [r"lạm dụng", r"(?:đo|cân) (?:\S+ ){0,2}?sai"],  # "do ... sai", "can bo sua sai": other words
    "cham-tre": [r"ngâm", r"găm"],
    "thai-do": [r"quát", r"mắng", r"chửi", r"cáu", r"hỗn", r"gắt", r"thách(?: thức| đố)?"],
    "ne-tranh": [r"né", r"trốn"],
}
_MISCONDUCT = Phrases(
    [p for cat in _ACTS for p in _ACTS[cat]],
    strict=[p for cat in _STRICT_ACTS for p in _STRICT_ACTS[cat]],
    plain=[w for cat, words in CATEGORY_ACTS.items() if cat != "khac" for w in words]
    # "lập khống" typed bare reads "lap khong", which the normaliser takes for "không"
    + [r"(?:lap|ke|khai) khong (?:\S+ )?(?:ho so|danh sach|chung tu|hoa don|bien ban|giay|ho|suat)"]
    # "ngâm" typed bare is also "ngắm": with how long the file was held, it is holding it
    # "mắng tôi trước mặt...", typed bare: "mang toi" alone may be "mang tôi" (carry me)
    + [r"mang (?:toi|dan|nguoi dan|chung toi|me toi|bo toi) (?:truoc (?:mat|dong|ca|moi)|giua|xoi xa|tham te|nhu)"]
    + [r"ngam (?:\S+ ){0,3}?(?:\d+|may|hang|nhieu|ca|gan|hon|suot) (?:ngay|tuan|thang|nam)"],
)
_PAYMENT = Phrases([_PAY])
_LEGIT_FEE = re.compile(r"\ble phi\b|\bphi theo\b|\bbien lai\b|\bhoa don\b|\bdung quy dinh\b|\btheo quy dinh\b")
_MONEY_RX = Phrases([_MONEY])

# Acts of a head that did nothing wrong: praise, a correct step, being present.
_PRAISE = Phrases(
    [
        r"cảm ơn|cám ơn|biết ơn|khen|ghi nhận",
        r"(?:rất |đã |cũng )?(?:nhiệt tình|tận tình|chu đáo|niềm nở|ân cần|cởi mở|vui vẻ|đúng mực|công tâm|sâu sát|"
        r"gương mẫu|tâm huyết|đàng hoàng|lịch sự|tử tế|nhanh chóng|kịp thời|đúng hạn|đúng quy định)",
        r"đã tiếp|tiếp (?:nhận|dân|tôi|chúng tôi|công dân|gia đình)|lắng nghe|nghe (?:tôi|dân|ý kiến|chúng tôi)",
        r"đã ký|ký (?:rồi|xong|đúng|ngay|từ|duyệt|giấy|quyết định|văn bản|hồ sơ|phê duyệt|cho)",
        r"(?:đã )?(?:phê duyệt|đồng ý|chấp thuận)",
        r"(?:đã )?chỉ đạo(?: cán bộ| bộ phận| phòng| các| cho| giải quyết| khắc phục| kiểm tra| xử lý| làm rõ|"
        r" xác minh|"
        r" rà soát| làm ngay)?",
        r"hứa|hướng dẫn|xin lỗi|nhắc nhở|phê bình|kỷ luật|giải thích",
        r"(?:đã )?giải quyết(?: ngay| nhanh| dứt điểm| xong| thỏa đáng| kịp thời)?",
        r"có mặt|chủ trì|tham dự|đi họp|đi công tác",
        r"yêu cầu (?:cán bộ|bộ phận|anh|chị|các)",
        r"trả lời|xuống (?:tận nơi|kiểm tra|hiện trường)|đã (?:xuống|về|đến)",
        r"xem xét|xử lý|kiểm tra",
    ],
    strict=[r"dự|vắng|ngồi"],
)


def _frame(pattern: str) -> re.Pattern:
    """A frame written with diacritics, matched on the accented view, tolerant of unaccented typing."""
    return re.compile(_tolerant(pattern))


_HONORIFICS = r"(?:\s+(?:ông|bà|đồng chí|đ/c|đc|anh|chị|ngài))*"
_NEGATION = _frame(
    r"(?:không|chưa|chẳng|chả|không hề|chưa hề|chưa từng|chẳng hề|không phải|không bao giờ|chưa bao giờ|"
    r"chẳng bao giờ|chưa một lần|không một lần|không từng|(?:nghiêm )?cấm|chống|ngăn chặn)\s*$"
)
# "không hề chỉ đạo việc thu thêm tiền": the order, so the act, is denied
_NEGATED_ORDER = _frame(
    r"(?:không|chưa|chẳng)(?:\s+(?:hề|từng|có))*\s+(?:chỉ đạo|ra lệnh|bảo|yêu cầu|cho phép|đồng ý|biết|liên quan)"
    r"(?:\s+(?:gì|việc|cho|về|đến|tới|chuyện))*\s*$"
)
_PASSIVE = _frame(r"(?:^|\s)(?:bị|được)(?:\s+\S+)?\s*$")  # "bị (đòi)", "được (bảo)": the agent is not the subject

# Before a noun phrase: it is an object, not the subject of what follows.
_OBJECT_BEFORE = _frame(
    r"(?:^|\s)(?:cho|chờ|với|gửi|gặp|của|về|lên|đến|tới|hỏi|nhờ|mời|theo|vào|trước|tận tay|không phải(?: là)?|ở|"
    r"tại|thấy|chỉ|nói với|xin|tìm|đưa|làm|kiêm)\s*$"
)
# Before a person who is told or made to do something ("bảo tôi rằng", "ép cán bộ"): not a subject (a head after
# "bảo" is in someone's words instead: `_REPORTED_BEFORE`)
_TOLD_BEFORE = _frame(r"(?:^|\s)(?:bảo|dặn|ép|bắt|gọi|kêu|rủ|hẹn|giục)\s*$")
# Before a head: it is the addressee of the report or of a request.
_ADDRESSEE_BEFORE = _frame(
    r"(?:kính gửi|đồng kính gửi|kính trình|kính mong|kính đề nghị|gửi(?: đơn| thư| phản ánh| kiến nghị| hồ sơ)?"
    r"(?: lên| đến| tới| cho)?|nộp đơn(?: lên| cho| tới)?|đưa đơn(?: lên| cho)?|đề nghị|kiến nghị|mong|xin|nhờ|"
    r"báo cáo(?: với| lên)?|trình|(?:lên |xin |đến |đi )?gặp|hỏi|phản ánh(?: với| lên| đến| tới)|"
    r"trình bày(?: với| lên)?|ý kiến(?: với| lên)?|kính thưa)"
    r"(?:\s+(?:ông|bà|đồng chí|đ/c|đc|lãnh đạo|các|anh|chị|tôi|lên|đến|tới|trực tiếp|ngài))*\s*:?\s*$"
)
# Of those, the addressee of this letter or of a request (not one an earlier petition went to, nor one met): no
# antecedent of "ông ấy".
_REQUEST_TO_BEFORE = _frame(
    r"(?:kính gửi|đồng kính gửi|kính trình|kính mong|kính đề nghị|đề nghị|kiến nghị|mong|xin|nhờ|kính thưa)"
    r"(?:\s+(?:ông|bà|đồng chí|đ/c|đc|lãnh đạo|các|anh|chị|ngài))*\s*:?\s*$"
)
# "(tôi đã) báo (cho) chủ tịch xã": told, a past step (with diacritics: "bao" is also "bảo", told by someone)
_INFORMED_BEFORE = re.compile(
    r"(?<!\w)(?:báo|thông báo|trình báo)(?:\s+(?:cho|với|lên|tới|đến))?(?:\s+(?:ông|bà))?\s*$"
)
_MEETING_BEFORE = _frame(r"(?:^|\s)(?:lên |xin |đến |đi )?gặp(?:\s+(?:ông|bà|đồng chí|anh|chị|trực tiếp))*\s*$")
# Before a head: the report is about it.
_DENOUNCE_BEFORE = _frame(
    r"(?:tố cáo|tố giác|(?<!ý )kiện|khiếu nại(?: về)?|phản ánh(?: về| việc| hành vi)?)"
    r"(?:\s+(?:việc|hành vi|sai phạm|về|đối với|cả))*" + _HONORIFICS + r"\s*:?\s*$"
)
# Before a head: the reporter says it does NOT accuse it ("tôi không tố cáo chủ tịch xã").
_NOT_DENOUNCED_BEFORE = _frame(
    r"(?:không|chẳng|chưa)(?:\s+(?:hề|có|ý|muốn|định|nhằm|phải|là))*\s+(?:tố cáo|tố giác|kiện|khiếu nại|phản ánh)"
    r"(?:\s+(?:việc|hành vi|về|đối với))*" + _HONORIFICS + r"\s*:?\s*$"
)
_PETITION_BEFORE = _frame(  # an earlier one ("đã gửi đơn tố cáo"), not this letter ("tôi làm đơn tố cáo")
    r"(?:(?:đã|từng|có|trước đây|năm ngoái)\s+(?:\S+\s+){0,2}?|(?:gửi|nộp)\s+)đơn\s+"
    r"(?:tố cáo|tố giác|khiếu nại|phản ánh|kiện)(?:\s+\S+){0,2}?\s*$"
)
_STRONG_DENOUNCE = _frame(r"(?:^|\s)(?:tố cáo|tố giác)(?!\w)")
# Before a head: sanctions are asked for.
_SANCTION_BEFORE = _frame(
    r"(?:xử lý|kỷ luật|xem xét trách nhiệm|làm rõ(?: trách nhiệm| sai phạm| hành vi)?|điều tra|cách chức|"
    r"thanh tra|xác minh|đình chỉ|bãi nhiệm|miễn nhiệm|truy cứu|(?:kiểm tra|xem xét|làm rõ) việc)"
    r"(?:\s+(?:nghiêm|đối với|của|về|việc|trách nhiệm|sai phạm|hành vi|cả))*" + _HONORIFICS + r"\s*:?\s*$"
)
# Before a head: misconduct nouns of it ("sai phạm của chủ tịch xã").
_OF_MISCONDUCT_BEFORE = _frame(
    r"(?:sai phạm|vi phạm|sai trái|tiêu cực|khuất tất|hành vi|tài sản|bất minh|thái độ|trách nhiệm)"
    r"(?:\s+\S+){0,5}?\s+của" + _HONORIFICS + r"\s*$"
)
# Before a head: it caused the misconduct of the sentence, or staff followed its orders.
_CAUSE_BEFORE = _frame(
    r"(?:^|\s)(?<!hôm )(?<!lúc )(?<!khi )(?<!bữa )(?<!ngày )(?<!lần )(?<!sau )(?<!từ )(?<!trước )"
    r"(?:do|bởi|tại|vì)(?:\s+(?:chính|cả))?" + _HONORIFICS + r"\s*$"  # not "hôm đó" typed as "hom do"
)
_REPORTED_BEFORE = _frame(
    r"(?<!\w)(?:rằng|(?:bảo|nói|cho biết|trả lời|giải thích|đồn|nghe nói|nghe đồn)(?:\s+(?:là|rằng|do|vì|tại))?)"
    r"\s*:?\s*$"
)
_SPEECH_BEFORE = _frame(r"(?<!\w)(?:bảo|nói|cho biết|trả lời|giải thích)(?!\w)")
_DIRECTIVE_BEFORE = _frame(r"(?:theo|là)\s+(?:sự\s+)?(?:chỉ đạo|lệnh|ý kiến|ý)\s+(?:của\s+)?(?:ông|bà)?\s*$")
# Before a noun phrase: it was paid.
_RECIPIENT_BEFORE = _frame(
    r"(?:đưa|chi|biếu|bồi dưỡng|lót tay|đút lót|chuyển(?: khoản)?|gửi(?! (?:thư|đơn|hồ sơ|văn bản|giấy|công văn))|"
    r"nộp(?! (?:đơn|hồ sơ|giấy))|góp|lo|hối lộ|cảm ơn|tiền)"
    r"(?:\s+\S+){0,5}?\s+(?:cho|tận tay|vào tài khoản(?: của)?|vào túi(?: của)?)(?:\s+(?:ông|bà|anh|chị))?\s*$"
)
# Before a head: a relative of it ("vợ ông phó chủ tịch") or its business.
_RELATIVE_BEFORE = _frame(
    r"(?:^|\s)(?:vợ|chồng|con(?: trai| gái| rể| dâu)?|em(?: trai| gái| vợ| rể| ruột| họ)?|anh(?: trai| vợ| rể)|"
    r"chị(?: gái)?|cháu|bố(?: vợ)?|mẹ(?: vợ)?|người (?:nhà|thân|quen)|họ hàng|anh em|gia đình|công ty|"
    r"doanh nghiệp)(?:\s+(?:của|nhà))?(?:\s+(?:ông|bà))?\s*$"
)
# Verbs by which a head makes an officer act ("chỉ đạo cán bộ thu thêm"), and coordination.
_CAUSATIVE = _frame(
    r"^\s*(?:\S+\s+){0,3}?(?:chỉ đạo|ra lệnh|sai|giao(?: cho)?|ép|bắt|cho phép|để cho|bảo|yêu cầu|nói|chỉ thị)"
    r"(?:\s+(?:cho|để))?\s*$"
)
# A clause opening with a request is the reporter's own: "Đề nghị làm rõ việc yêu cầu thêm giấy tờ".
_REQUEST_OPENING = _frame(
    r"^\W*(?:(?:tôi|chúng tôi|gia đình tôi|nay tôi)\s+)?(?:kính\s+|xin\s+|rất\s+|tha thiết\s+)?"
    r"(?:đề nghị|kiến nghị|mong|yêu cầu|xin|cần)(?!\w)"
)
# A cleft: "người đòi tiền là cán bộ địa chính" names the agent after "là" (unless "là người" came before).
_CLEFT_BEFORE = _frame(r"(?:^|\s)(?<!là\s)(?:người|kẻ|đứa)\s*$")
_CLEFT_IS = _frame(r"(?<!\w)là(?!\w)")
_CLEFT_NOT = _frame(r"(?:không phải|chẳng phải|không)\s*$")
# A refusal followed by the file's own fault is no misconduct: "không ký vì hồ sơ của tôi còn thiếu giấy".
_REFUSAL = re.compile(r"(?:khong|chua|chang|tu choi|nhat quyet)\b")
_JUSTIFIED_AFTER = _frame(
    r"^\s*(?:vì|do|bởi|bởi vì|tại vì)\s+(?:hồ sơ|giấy tờ|giấy|đơn|tờ khai|bản vẽ|sổ|chứng từ)(?:\s+\S+){0,3}?\s+"
    r"(?:còn\s+|bị\s+)?(?:thiếu|chưa đủ|không đủ|không hợp lệ|chưa hợp lệ|hết hạn|sai sót|sai thông tin|"
    r"không đúng)(?!\w)"
)
# "(Điều tôi bức xúc nhất / Người làm khó tôi) là <head>": the head is who the sentence goes on about
_FOCUS_BEFORE = _frame(r"(?<!phải )(?<!chẳng )(?<!không )là\s+(?:chính\s+)?$")
_COORD = _frame(r"^\s*(?:và|cùng|với|cùng với|và cả|,)\s*$")
_WITH_SUBJECT = _frame(r"^\s*(?:\S+\s+){0,2}?(?:và|cùng|cùng với|và cả)\s*$")  # "cán bộ địa chính cùng <head>"
_FORMER_BEFORE = _frame(r"(?:^|\s)(?:nguyên|cựu)\s+(?:\S+\s+)?$|^(?:nguyên|cựu)\s")  # a former head
# accented only; not "cũ", which after a head's body names the old commune or sở ("chủ tịch xã Quảng Văn cũ")
_FORMER_AFTER = re.compile(r"\s*\(?(?:trước đây|đã nghỉ hưu|đã về hưu)(?!\w)")
_ORDER_AT_END = _frame(
    r"^\s*(?:chỉ đạo|ra lệnh|yêu cầu|bày ra|sắp đặt|quyết)(?:\s+(?:như vậy|như thế|vậy|thế|cả))?\W*$"
)
_ADVERSE = _frame(r"(?:^|\s)(?:bị|cắt|trả lại|từ chối|gạt|loại|thu hồi|đình chỉ)(?!\w)")
_BY_BEFORE = _frame(r"(?:^|\s)bị\s*$")
# Words of misconduct beyond the acts: with a head in the sentence and no act read, a person decides.
_HINTS = Phrases(
    [
        r"(?:ngoài|trái|sai|không đúng) (?:quy định|luật|pháp luật)",
        r"(?:bồi dưỡng|lót tay|phong bì|chi phí ngoài|tiền ngoài|tiền riêng|bôi trơn)",
        r"người nhà|người thân|con (?:gái|trai) (?:mình|ông|bà)|họ hàng",
        r"ép|gây khó|hạch sách|ngâm|giữ (?:lại )?hồ sơ|không (?:được|cho) (?:nhận|nộp|làm)",
        r"trả thù|trù|cắt (?:trợ cấp|chế độ|hỗ trợ|tên)",
    ],
    strict=[r"mắng|chửi|quát|ngâm|dọa"],
)

# Clause boundaries: conjunctions (diacritics-free, with the accented form when the view has one).
_CONJ = {
    "nhung": ("nhưng",),
    "song": ("song",),
    "ma": ("mà",),
    "roi": ("rồi",),
    "thi": ("thì",),
    "nen": ("nên",),
    "con": ("còn",),
    "vi": ("vì",),
    "do": ("do",),
    "khi": ("khi",),
    "sau": ("sau",),
    "tuy": ("tuy",),
    "lai": ("lại",),
}
_OPEN_PUNCT = "\"“‘'(«"
_CLOSE_PUNCT = ",;:)\"”’'»"
_SENT_END = ".!?;…"

# Cheap first test: a text without any of these names no head.
_PREFILTER = re.compile(
    r"chu tich|giam doc|\bp?gd\b|\bp?ctx?\b|bi thu|lanh dao|dung dau|\bsep\b|\b(?:ong|ba|anh|chi) pho\b|"
    r"truong (?:cuc )?thue|cuc truong|chanh thanh tra"
)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class HeadMention:
    """One mention of a head of a body."""

    phrase: str  # the words of the original text ("Chủ tịch UBND phường Quảng Phú")
    role: str  # "chu-tich" | "pho-chu-tich" | "giam-doc" | "pho-giam-doc" | "bi-thu" | "pho-bi-thu" | "truong"
    #            | "pho-truong" | "chanh-thanh-tra" | "pho-chanh-thanh-tra" | "lanh-dao"
    body: dict  # {"agency": code | None, "ward_code": code | None}
    status: str  # "accused" | "mentioned" | "unsure"
    reason: str  # what decided: "agent", "passive", "denounced", "sanction", "recipient", "cause",
    #              "addressee", "praise", "negated", "other-agent", "relative", "about", "directive", "no-act"
    cue: str | None = None  # the predicate or frame that decided, from the original text


@dataclass(frozen=True)
class Accusation:
    state: str  # "none" | "mentioned" | "accused" | "unsure"
    accused: dict | None = None  # the accused body when state == "accused"
    suspected: dict | None = None  # the candidate body when state == "unsure"
    evidence: tuple[str, ...] = ()
    mentions: tuple[HeadMention, ...] = ()

    @property
    def escalate(self) -> bool:
        return self.state == "accused"


NONE = Accusation("none")


def escalated_agency(accused: dict | None) -> str:
    """Where an escalated report goes: the inspectorate, or UBND tỉnh when its head is the accused."""
    return UBND_TINH if accused and accused.get("agency") == THANH_TRA else THANH_TRA


# --------------------------------------------------------------------------- sentences


class _Line:
    """One line of the original text and its normalised view; aligned to the original only when asked."""

    def __init__(self, line: str, off: int, norm: str, plain: str):
        self.line, self.off, self.norm, self.plain = line, off, norm, plain
        self._aligned: tuple[list[tuple[int, int]] | None, list[bool] | None] | None = None

    def aligned(self) -> tuple[list[tuple[int, int]] | None, list[bool] | None]:
        if self._aligned is None:
            self._aligned = _align(self.line, self.off, self.norm, self.plain)
        return self._aligned


@dataclass
class _Sentence:
    norm: str
    plain: str
    starts: list[int]  # offset of each word
    line: _Line
    first: int  # index of the sentence's first word in its line
    source: str  # the original text
    clauses: list[int] = field(default_factory=list)  # offsets where clauses start

    @property
    def orig(self) -> list[tuple[int, int]] | None:
        """Each word's span in the original text, when the line aligns."""
        spans = self.line.aligned()[0]
        return spans[self.first : self.first + len(self.starts)] if spans is not None else None

    @property
    def caps(self) -> list[bool] | None:
        """Whether each word is Title Case in the original (None when the casing says nothing)."""
        if self.line.line == self.line.line.lower():
            return None  # no capital letter: nothing to tell (and no alignment to compute)
        caps = self.line.aligned()[1]
        return caps[self.first : self.first + len(self.starts)] if caps is not None else None

    def word_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def clause_of(self, offset: int) -> int:
        return bisect.bisect_right(self.clauses, offset) - 1

    def clause_span(self, offset: int) -> tuple[int, int]:
        k = self.clause_of(offset)
        end = self.clauses[k + 1] if k + 1 < len(self.clauses) else len(self.plain)
        return self.clauses[k], end

    def phrase(self, a: int, b: int) -> str:
        """The original words of plain[a:b] (the normalised words when the line did not align)."""
        i, j = self.word_at(a), self.word_at(max(a, b - 1))
        orig = self.orig
        if orig is not None:
            s, e = orig[i][0], orig[j][1]
            return self.source[s:e].strip(" ,.;:!?\"“”'‘’()")
        return self.norm[a:b].strip(" ,.;:!?\"“”'‘’()")


def _sentences(text: str) -> list[_Sentence]:
    out = []
    for lm in re.finditer(r"[^\n]+", text):
        line, off = lm.group(), lm.start()
        norm, plain = views(line)
        if not plain or len(norm) != len(plain):
            continue
        words = plain.split(" ")
        ln = _Line(line, off, norm, plain)
        pos, begin = 0, 0
        starts: list[int] = []
        for k, w in enumerate(words):
            starts.append(pos)
            pos += len(w) + 1
            last = k == len(words) - 1
            if last or (w and w[-1] in _SENT_END and not re.fullmatch(r"\w\.|[px]\.|tp\.|tt\.", w)):
                a, b = starts[begin], pos - 1
                rel = [s - a for s in starts[begin : k + 1]]
                out.append(_Sentence(norm=norm[a:b], plain=plain[a:b], starts=rel, line=ln, first=begin, source=text))
                begin = k + 1
    for s in out:
        s.clauses = _clause_starts(s)
    return out


def _align(line: str, off: int, norm: str, plain_line: str) -> tuple[list[tuple[int, int]] | None, list[bool] | None]:
    """Each normalised word's span in the original text, and whether it is Title Case there.

    A chunk of the text that folds to the next word of the view is that word; other chunks are
    normalised alone, or two or three together where a rule spans them ("p. Quảng Phú", "2 tr").
    (None, None) when the line does not align.
    """
    chunks = [(m.start() + off, m.end() + off, m.group()) for m in re.finditer(r"\S+", line)]
    words = norm.split(" ")
    plain = plain_line.split(" ")
    folded = strip_diacritics(line.lower())
    if len(folded) != len(line):
        folded = ""
    spans: list[tuple[int, int]] = []
    caps: list[bool] = []
    i = pos = 0
    while i < len(chunks):
        a, b = chunks[i][0] - off, chunks[i][1] - off
        if pos < len(words) and (folded[a:b] if folded else strip_diacritics(chunks[i][2].lower())) == plain[pos]:
            group, n = chunks[i : i + 1], [words[pos]]
        else:
            for w in (1, 2, 3):
                group = chunks[i : i + w]
                n = normalize(" ".join(c[2] for c in group)).split(" ")
                if words[pos : pos + len(n)] == n:
                    break
            else:
                return None, None
        for k in range(len(n)):
            c = group[k] if len(n) == len(group) else None
            spans.append((c[0], c[1]) if c else (group[0][0], group[-1][1]))
            first = next((ch for ch in (c or group[0])[2] if ch.isalpha()), "")
            caps.append(first.isupper())
        i += len(group)
        pos += len(n)
    if pos != len(words):
        return None, None
    if not any(caps) or all(caps):
        return spans, None  # all lower or all upper case: casing says nothing
    return spans, caps


def _clause_starts(s: _Sentence) -> list[int]:
    words = s.plain.split(" ")
    nwords = s.norm.split(" ")
    starts = [0]
    for k in range(1, len(words)):
        prev, w = words[k - 1], words[k]
        if (prev and prev[-1] in _CLOSE_PUNCT) or (w and w[0] in _OPEN_PUNCT):
            starts.append(s.starts[k])
            continue
        forms = _CONJ.get(w.strip(_CLOSE_PUNCT + _OPEN_PUNCT))
        if forms and (nwords[k] == w or nwords[k].strip(_CLOSE_PUNCT + _OPEN_PUNCT) in forms):
            if w == "sau" and not (k + 1 < len(words) and words[k + 1].startswith("do")):
                continue  # "sau đó" only
            if w == "lai" and not (k + 1 < len(words) and words[k + 1] in ("con", "bao", "noi")):
                continue
            starts.append(s.starts[k])
    return starts


# --------------------------------------------------------------------------- mentions

_BLOCK = {fam: Phrases(pats) for fam, pats in _UNIT_HEADS.items()}
_HEAD_PHRASES = [(kind, fam, Phrases(pats)) for kind, fam, pats in _HEADS] + [
    ("bare-secretary", "secretary", Phrases(strict=_STRICT_HEADS["bare-secretary-strict"]))
]
# One expression each for "any head" and "any unit head": most sentences have neither.
_ANY_HEAD = Phrases([p for _k, _f, pats in _HEADS for p in pats], strict=_STRICT_HEADS["bare-secretary-strict"])
_ANY_UNIT = Phrases([p for pats in _UNIT_HEADS.values() for p in pats])


@dataclass
class _Span:
    sent: int
    a: int
    b: int
    kind: str  # np kind: "head", "unit-head", "officer", ...
    family: str | None = None  # for heads / unit heads: chair, director, secretary, other
    head_kind: str | None = None  # commune, so, police, ..., bare-chair
    mention: int | None = None  # index into the mentions for heads
    obj: bool = False  # object of a preposition / verb: not a subject
    addressee: bool = False  # a head the report or a request is addressed to: no antecedent of "ông ấy"
    relative_of: int | None = None  # a relative of this mention ("vợ ông phó chủ tịch")
    antecedent: _Span | None = None  # who a pronoun stands for
    reported: bool = False  # right after "bảo", "nói": in someone's words, not the teller
    shown_end: int | None = None  # end of the words shown as evidence (a commune head with its ward name)
    appos: int | None = None  # start of the person a head is in apposition to ("ông Lê Văn B, chủ tịch xã")


def _role(plain: str, head_kind: str) -> str:
    deputy = bool(re.search(r"\bpho\b|\bpgd\b|\bpct", plain))
    if re.search(r"lanh dao|dung dau|\bsep\b|ban giam doc", plain):
        return "lanh-dao"
    if re.search(r"chanh (?:thanh tra|tt)\b", plain):
        return "pho-chanh-thanh-tra" if deputy else "chanh-thanh-tra"
    if "bi thu" in plain:
        return "pho-bi-thu" if deputy else "bi-thu"
    if head_kind == "tax":
        return "pho-truong" if deputy else "truong"
    if re.search(r"giam doc|\bp?gd\b", plain):
        return "pho-giam-doc" if deputy else "giam-doc"
    if re.search(r"\b(?:ong|ba|anh|chi) pho\b", plain) and "chu tich" not in plain:
        return "pho-chu-tich"
    return "pho-chu-tich" if deputy else "chu-tich"


def _so_agency(after: str) -> str | None:
    """The sở named at the start of `after` (diacritics-free words following "sở")."""
    return _so_name(after)[0]


def _so_name(after: str) -> tuple[str | None, int]:
    """(agency, length of its name words in `after`) of the sở named at the start of `after`."""
    t = after.lstrip(" ")
    for rx, code in _SO_NAME_RX:
        m = rx.match(t)
        if m:
            end = len(after) - len(t) + m.end()
            return code, end
    return None, 0


def _find_heads(sents: list[_Sentence]) -> tuple[list[_Span], list[_Span]]:
    """(head spans, unit-head spans) of every sentence: unit heads first, then the longest head at each place."""
    heads: list[_Span] = []
    units: list[_Span] = []
    for si, s in enumerate(sents):
        taken: list[tuple[int, int]] = []
        if _ANY_UNIT.spans(s.norm, s.plain):
            for fam, ph in _BLOCK.items():
                for a, b in ph.spans(s.norm, s.plain):
                    if not _overlaps(taken, a, b):
                        units.append(_Span(si, a, b, "unit-head", family=fam))
                        taken.append((a, b))
        if not _ANY_HEAD.spans(s.norm, s.plain):
            continue
        found = sorted(
            (a, -(b - a), b, kind, fam) for kind, fam, ph in _HEAD_PHRASES for a, b in ph.spans(s.norm, s.plain)
        )
        for a, _neg, b, kind, fam in found:
            if not _overlaps(taken, a, b):
                heads.append(_Span(si, a, b, "head", family=fam, head_kind=kind))
                taken.append((a, b))
    return heads, units


def _overlaps(taken: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < e and s < b for s, e in taken)


def _commune_ward(s: _Sentence, a: int, b: int) -> tuple[str | None, int]:
    """The ward named by the mention itself or right after it ("chủ tịch UBND xã Ngọc Lặc"), and where
    its name ends (the mention's end when none is named)."""
    k = s.word_at(b) + 7
    tail = s.norm[a : s.starts[k] if k < len(s.starts) else len(s.norm)]
    shift = 0
    if s.plain[a:b].endswith("ctx"):  # "ctx Sao Vàng" reads "ct xã Sao Vàng"
        tail, shift = tail[: b - a - 1] + " xã" + tail[b - a :], 2
    best, best_pos = None, None
    for c in ward_candidates(tail):
        pos = tail.find(c.matched)
        if 0 <= pos <= b - a + 3 and c.via != "old-district" and (best_pos is None or pos < best_pos):
            best, best_pos = c, pos
    if best is None or best_pos is None:
        return None, b
    return best.code, max(b, a + best_pos + len(best.matched) - shift)


def _resolve_bodies(
    sents: list[_Sentence],
    heads: list[_Span],
    units: list[_Span],
    text_ward: Callable[[], str | None],
    subject: Sequence[str],
) -> list[tuple[str, dict] | None]:
    """(role, body) of each head span; None when a bare role belongs to a unit head or to nobody.

    A commune head takes the ward named with it, else the one named with the nearest commune head
    before (after) it, else the ward of the whole text. Sets each commune head's span end past the
    ward name that follows it (for the evidence).
    """
    out: list[tuple[str, dict] | None] = [None] * len(heads)
    subject_so = next((c for c in subject if c.startswith("so-")), None)
    sos = _sos_named(sents)
    for i, h in enumerate(heads):  # explicit mentions first: bare ones refer to them
        kind = h.head_kind or ""
        if kind.startswith("bare-"):
            continue
        s = sents[h.sent]
        role = _role(s.plain[h.a : h.b], kind)
        if kind == "so":
            code, length = _so_name(s.plain[h.b :])
            h.shown_end = h.b + length if code else None
            if code is None:  # "giám đốc sở": the sở the text names, the nearest before it, else the subject matter
                before = [c for pos, c in sos if pos < (h.sent, h.a)]
                code = before[-1] if before else (sos[0][1] if sos else subject_so)
            out[i] = (role, {"agency": code, "ward_code": None})
        elif kind in ("commune", "commune-party"):
            ward, end = _commune_ward(s, h.a, h.b)
            # "phó chủ tịch UBND phường X phụ trách địa chính": the portfolio after the ward is the head's own,
            # not an officer who acts
            charge = _CHARGE_AFTER.match(s.norm, end)
            h.shown_end = charge.end() if charge else end
            out[i] = (role, {"agency": XA, "ward_code": ward})
        else:
            out[i] = (role, {"agency": _KIND_AGENCY[kind], "ward_code": None})
    named = [(i, b[1]["ward_code"]) for i, b in enumerate(out) if b and b[1]["agency"] == XA and b[1]["ward_code"]]
    for i, b in enumerate(out):
        if b and b[1]["agency"] == XA and not b[1]["ward_code"]:
            before = [w for j, w in named if j < i]
            b[1]["ward_code"] = before[-1] if before else (named[0][1] if named else text_ward())
    index = {id(h): i for i, h in enumerate(heads)}
    anchors = sorted(heads + units, key=lambda x: (x.sent, x.a))
    named_so = None
    for i, h in enumerate(heads):
        kind = h.head_kind or ""
        if not kind.startswith("bare-"):
            continue
        plain = sents[h.sent].plain[h.a : h.b]
        ref = _bare_reference(h, anchors)
        if ref is not None:
            ref_body = out[index[id(ref)]] if ref.kind == "head" else None
            if ref_body is not None:
                out[i] = (_role(plain, ref.head_kind or ""), dict(ref_body[1]))
        elif kind == "bare-chair":
            out[i] = (_role(plain, "commune"), {"agency": XA, "ward_code": text_ward()})
        elif kind == "bare-secretary":
            out[i] = (_role(plain, "commune-party"), {"agency": XA, "ward_code": text_ward()})
        elif kind == "bare-director":
            if named_so is None:
                named_so = set() if any(_UNIT_WORDS.search(x.plain) for x in sents) else {c for _p, c in sos}
            if len(named_so) == 1:
                out[i] = (_role(plain, "so"), {"agency": next(iter(named_so)), "ward_code": None})
    return out


_PLACE_PREP = {"o", "tai", "ben", "ngoai", "trong", "que", "tinh", "thuoc"}  # before a place ("ở Nghệ An")
_THERE = re.compile(r"\b(?:ben|o|ngoai|noi) (?:do|ay)\b")  # "chủ tịch xã bên đó" (not "ở đây"): of a place named before
_HERE = re.compile(r"\b(?:xa|phuong|thi tran|huyen|thanh hoa|xu thanh|o day|tai day)\b")


def _province_at(words: list[str], k: int) -> int:
    """Length of another province's name starting at word k (0 when none)."""
    provinces = other_provinces()
    for n in (3, 2, 1):
        if tuple(words[k : k + n]) in provinces:
            return n
    return 0


def _elsewhere(sents: list[_Sentence], h: _Span) -> bool:
    """A head of another province: "chủ tịch xã X ở Nghệ An", "Hồi ở Nghệ An, chủ tịch xã bên đó...", "Giám đốc Công
    an tỉnh Nghệ An". The province is named right after the head (after "ở", "tại", "tỉnh"...; for a provincial body
    also with nothing between), or before it in its sentence (or the sentence before, for "bên đó") with no place of
    Thanh Hóa between."""
    s = sents[h.sent]
    raw = s.plain.split(" ")
    words = [w.strip(".,;:!?\"'()") for w in raw]
    end = s.word_at((h.shown_end or h.b) - 1) + 1
    provincial = (h.head_kind or "") not in ("commune", "commune-party", "bare-chair", "bare-secretary")
    for k in range(end, min(len(words), end + 8)):  # after the head, in its clause
        if _province_at(words, k) and (words[k - 1] in _PLACE_PREP or (provincial and k == end)):
            return True
        if raw[k][-1:] in ",;:.!?":
            break
    if provincial:
        return False
    before = [(s, s.word_at(h.a))]
    if _THERE.search(s.plain[h.a : (h.shown_end or h.b) + 8]) and h.sent > 0:
        before.append((sents[h.sent - 1], len(sents[h.sent - 1].starts)))
    for t, upto in before:
        ws = [w.strip(".,;:!?\"'()") for w in t.plain.split(" ")]
        for k in range(upto - 1, 0, -1):
            if _province_at(ws, k) and ws[k - 1] in _PLACE_PREP:
                return not _HERE.search(" ".join(ws[k:upto]))
    return False


_UNIT_WORDS = re.compile(r"\b(?:benh vien|trung tam|cong ty|chi nhanh|ngan hang|truong|nha may|xi nghiep)\b")


def _sos_named(sents: list[_Sentence]) -> list[tuple[tuple[int, int], str]]:
    """((sentence, offset), agency) of every sở the text names ("Sở Xây dựng", "sở nn&mt")."""
    out = []
    for si, s in enumerate(sents):
        for m in re.finditer(r"\bso\s+", s.plain):
            if s.norm[m.start() : m.start() + 2] in ("sở", "so"):
                code = _so_agency(s.plain[m.end() :])
                if code:
                    out.append(((si, m.start()), code))
    return out


def _bare_reference(h: _Span, anchors: list[_Span]) -> _Span | None:
    """The explicit mention of the same family a bare role refers to: the nearest before, else after."""
    same = [x for x in anchors if x.family == h.family and x is not h and not (x.head_kind or "").startswith("bare-")]
    before = [x for x in same if (x.sent, x.a) < (h.sent, h.a)]
    if before:
        return before[-1]
    after = [x for x in same if (x.sent, x.a) > (h.sent, h.a)]
    return after[0] if after else None


# --------------------------------------------------------------------------- attribution


@dataclass
class _Pred:
    a: int
    b: int
    kind: str  # "misconduct" | "praise" | "payment"
    negated: bool = False
    passive: bool = False


def _nps(s: _Sentence, si: int, heads: list[_Span], units: list[_Span]) -> list[_Span]:
    spans = [h for h in heads if h.sent == si] + [u for u in units if u.sent == si]
    taken = [(x.a, x.shown_end or x.b) for x in spans]  # "Sở Tư pháp" after a director is not an officer
    for kind in _NP_ORDER:
        for a, b in _NP[kind].spans(s.norm, s.plain):
            if not _overlaps(taken, a, b):
                spans.append(_Span(si, a, b, kind))
                taken.append((a, b))
    spans.sort(key=lambda x: x.a)
    # an institution right after another noun phrase qualifies it ("cán bộ xã"); drop it
    merged: list[_Span] = []
    for x in spans:
        if merged and x.kind == "institution" and x.a <= merged[-1].b + 1 and merged[-1].kind in _PERSON:
            continue
        merged.append(x)
    for x in merged:
        cs, _ = s.clause_span(x.a)
        x.obj = bool(_OBJECT_BEFORE.search(s.norm[cs : x.a])) or (
            x.kind != "head" and bool(_TOLD_BEFORE.search(s.norm[cs : x.a]))
        )
        x.reported = bool(_REPORTED_BEFORE.search(s.norm[max(0, x.a - 25) : x.a]))
        words_before = s.plain[cs : x.a].count(" ")
        if x.kind == "reporter" and (words_before > 3 or (words_before > 1 and s.plain[x.a : x.b] == "dan")):
            x.obj = True  # "tôi", "dân" deep in a clause are what was done to ("tiếp dân", "quát tôi")
    return merged


_NOT_ACTS = {"lời đúng"}  # a cue word typed bare ("loi dung") that the accented view shows is other words


def _preds(s: _Sentence, heads: Sequence[tuple[int, int]] = ()) -> list[_Pred]:
    """Misconduct, payments and correct acts of a sentence (none inside the words of a head: `heads`)."""
    out: list[_Pred] = []
    taken: list[tuple[int, int]] = list(heads)
    for a, b in _MISCONDUCT.spans(s.norm, s.plain, blocked=heads):
        if s.norm[a:b] in _NOT_ACTS or s.plain[max(0, a - 4) : b] == "tra loi dung":
            continue  # "trả lời đúng (quy định)" typed bare is not "lợi dụng"
        if not _overlaps(taken, a, b):
            out.append(_Pred(a, b, "misconduct"))
            taken.append((a, b))
    for a, b in _PAYMENT.spans(s.norm, s.plain, blocked=heads):
        if not _overlaps(taken, a, b):
            out.append(_Pred(a, b, "payment"))
            taken.append((a, b))
    for a, b in _PRAISE.spans(s.norm, s.plain, blocked=heads):
        if not _overlaps(taken, a, b):
            out.append(_Pred(a, b, "praise"))
            taken.append((a, b))
    for p in out:
        cs, _ = s.clause_span(p.a)
        starts_negative = s.plain[p.a : p.b].startswith(("khong", "chua", "chang", "nhat quyet"))
        p.negated = not starts_negative and bool(
            _NEGATION.search(s.norm[max(cs, p.a - 20) : p.a]) or _NEGATED_ORDER.search(s.norm[max(cs, p.a - 40) : p.a])
        )
        p.passive = bool(_PASSIVE.search(s.norm[max(cs, p.a - 12) : p.a]))
    out.sort(key=lambda p: p.a)
    return out


@dataclass
class _Verdict:
    status: str  # accused | mentioned | unsure
    reason: str
    cue: _Words | None
    strength: int  # accused 3 > positive mention 2 > unsure 1 > plain mention 0


_RANK = {"accused": 3, "mentioned-positive": 2, "unsure": 1, "mentioned": 0}  # a verdict only grows


class _Reader:
    """One pass over the sentences: finds the agent of every predicate and judges every head."""

    def __init__(self, sents: list[_Sentence], heads: list[_Span], units: list[_Span], valid: list[bool]):
        self.sents = sents
        self.heads = heads
        self.units = units
        self.valid = valid  # heads that are heads of bodies (bare roles of unit heads are not)
        self.verdicts: dict[int, _Verdict] = {}
        self.topic: _Span | None = None  # subject of the last clause that had one
        self.last_person: _Span | None = None  # antecedent of the next pronoun
        self.last_staff: _Span | None = None  # antecedent of the next "họ"
        self.names: dict[str, int] = {}  # a head's name word -> its mention ("ông B")
        self.former: set[int] = set()  # heads named as former ("nguyên chủ tịch xã"): not the head of the body now
        self.partner: _Span | None = None  # a head who acts together with the running subject ("cán bộ cùng chủ tịch")

    def judge(self, m: int, status: str, reason: str, cue: _Words | None) -> None:
        if m in self.former and status != "mentioned":
            status, reason = "mentioned", "former"  # a former head is not the head of the body now
        key = "mentioned-positive" if status == "mentioned" and reason not in ("no-act", "other-agent") else status
        strength = _RANK[key]
        cur = self.verdicts.get(m)
        if cur is None or strength > cur.strength:
            self.verdicts[m] = _Verdict(status, reason, cue, strength)

    def run(self) -> dict[int, _Verdict]:
        spans: dict[int, list[tuple[int, int]]] = {}
        for h in self.heads:
            spans.setdefault(h.sent, []).append((h.a, h.shown_end or h.b))
        self.preds = [_preds(s, spans.get(si, ())) for si, s in enumerate(self.sents)]
        self.any_misconduct = any(p.kind == "misconduct" and not p.negated for ps in self.preds for p in ps)
        first = min(h.sent for h in self.heads)  # nothing before the first head can be about it
        for si in range(first, len(self.sents)):
            self._sentence(si, self.sents[si])
        return self.verdicts

    def _is_head(self, x: _Span) -> bool:
        return x.kind == "head" and x.mention is not None and self.valid[x.mention]

    # -- one sentence
    def _sentence(self, si: int, s: _Sentence) -> None:
        nps = _nps(s, si, self.heads, self.units)
        self.sent_nps = nps
        preds = self.preds[si]
        for x in nps:  # "cán bộ đòi tiền": the word a noun phrase took is where a predicate starts
            if x.kind != "head":
                cut = min((p.a for p in preds if x.a < p.a < x.b), default=None)
                if cut is not None:
                    x.b = cut - 1
        sent_heads = [x for x in nps if self._is_head(x)]
        for h in sent_heads:
            if (
                _FORMER_BEFORE.search(s.norm[max(0, h.a - 12) : h.a])
                or _FORMER_BEFORE.search(s.norm[h.a : h.a + 5])
                or _FORMER_AFTER.match(s.norm[h.shown_end or h.b :])
            ):
                self.former.add(h.mention)
        for h in sent_heads:
            named = _name_before(s, h.a)
            if named is not None:  # "ông Lê Văn B, chủ tịch xã": one noun phrase, and a later "ông B" is the head
                h.appos, name = named
                self.names[name] = h.mention
                s.clauses = [c for c in s.clauses if not h.appos < c <= h.a]
                nps[:] = [x for x in nps if not (x.a == h.appos and x.kind in ("pronoun", "officer"))]
        for h in sent_heads:
            self._frames(s, h, nps, preds)
        self._link_names(s, nps)
        self._antecedents(s, nps)
        done: list[tuple[_Pred, list[_Span]]] = []
        for k, cs in enumerate(s.clauses):
            ce = s.clauses[k + 1] if k + 1 < len(s.clauses) else len(s.plain)
            clause_nps = [x for x in nps if cs <= x.a < ce]
            request = bool(_REQUEST_OPENING.match(s.norm[cs:ce])) and not any(
                (h.shown_end or h.b) <= cs and not s.norm[(h.shown_end or h.b) : cs].strip(" ,-–") for h in sent_heads
            )  # "bà Lan, phó chủ tịch xã, yêu cầu tôi nộp thêm...": the head asks, not the reporter
            justified = bool(_JUSTIFIED_AFTER.match(s.norm[ce:]))
            for p in (p for p in preds if cs <= p.a < ce):
                if justified and p.kind == "misconduct" and _REFUSAL.match(s.plain[p.a : p.b]):
                    continue  # "không ký vì hồ sơ còn thiếu giấy": a refusal the file's own fault explains
                agents = self._agents(s, p, clause_nps, request)
                if p.kind == "praise":
                    if any(q.kind != "praise" and not q.negated and cs <= q.a < ce for q in preds):
                        continue  # "đòi 10 triệu mới ký": no correct act in a clause of misconduct
                    for ag in agents:
                        if self._is_head(ag) and not p.negated:
                            self.judge(ag.mention, "mentioned", "praise", (s, p.a, p.b))
                    continue
                if p.kind == "payment":
                    if _LEGIT_FEE.search(s.plain[cs:ce]):
                        continue
                    agents = self._payment(s, p, clause_nps, agents)
                    if agents is None:
                        continue
                done.append((p, agents))
                for ag in agents:
                    if not self._is_head(ag):
                        continue
                    if p.negated:
                        self.judge(ag.mention, "mentioned", "negated", (s, p.a, p.b))
                    else:
                        reported = ag.reported and ag.sent == si and ag.a > cs  # "cán bộ bảo chủ tịch xã đòi..."
                        self.judge(
                            ag.mention,
                            "unsure" if reported else "accused",
                            "reported" if reported else "agent",
                            _cue(s, p),
                        )
            subject = next((x for x in clause_nps if not x.obj and not x.reported and x.kind != "thing"), None)
            focus = next((x for x in clause_nps if self._is_head(x) and _FOCUS_BEFORE.search(s.norm[cs : x.a])), None)
            if focus is not None:  # "Điều tôi bức xúc nhất là bà phó chủ tịch phường, ...": what follows is hers
                subject = focus
            if subject is None and request:
                subject = _Span(si, cs, cs, "reporter")
            if subject is not None and not s.plain[cs:ce].startswith("("):  # a bracket does not change the subject
                resolved = self._resolve(subject)
                if resolved is not None:
                    self.topic = resolved
                    self.partner = next(
                        (
                            x
                            for x in clause_nps
                            if x.a > subject.b and self._is_head(x) and _WITH_SUBJECT.match(s.norm[subject.b : x.a])
                        ),
                        None,
                    )  # "cán bộ địa chính cùng chủ tịch xã đến đo đạc rồi đòi tiền": both did it
        self._leftovers(s, sent_heads, done)

    def _agents(self, s: _Sentence, p: _Pred, clause_nps: list[_Span], request: bool = False) -> list[_Span]:
        """Who did `p`: the nearest subject-like noun phrase before it, or the running subject (the reporter
        in a clause that opens with a request); in a cleft ("người đòi tiền là cán bộ"), who comes after "là"."""
        cs, _ce = s.clause_span(p.a)
        if _CLEFT_BEFORE.search(s.norm[cs : p.a]):
            return self._cleft_agents(s, p)
        before = [x for x in clause_nps if x.b <= p.a]
        subj = [x for x in before if not x.obj and x.kind != "thing"]
        if p.passive and subj and subj[-1].kind == "reporter":
            subj = []  # "tôi đều được bảo đi họp": the reporter is who it happened to
        if subj:
            nearest = subj[-1]
            agents = [nearest]
            i = before.index(nearest)
            # coordination: "chủ tịch xã và cán bộ địa chính"; a head who made the agent act
            if i > 0 and _COORD.match(s.norm[before[i - 1].shown_end or before[i - 1].b : nearest.a]):
                agents.append(before[i - 1])
            for x in before[:i]:
                if x.kind == "head" and not x.addressee and _CAUSATIVE.search(s.norm[x.shown_end or x.b : nearest.a]):
                    agents.append(x)
            return [r for r in (self._resolve(a) for a in agents) if r is not None]
        if request:
            return [_Span(p.a, p.a, p.a, "reporter")]
        if p.passive or any(x.kind == "thing" for x in before):
            return []  # "bị đòi", "hồ sơ chưa trả": the agent is not named
        if self.topic is None:
            return []
        return [self.topic] + ([self.partner] if self.partner is not None else [])

    def _cleft_agents(self, s: _Sentence, p: _Pred) -> list[_Span]:
        """ "người đòi tiền (không phải chủ tịch xã mà) là anh văn thư": the person after the "là" that is
        not negated; nobody named when there is none."""
        for m in _CLEFT_IS.finditer(s.norm, p.b):
            if _CLEFT_NOT.search(s.norm[max(0, m.start() - 12) : m.start()]):
                continue
            after = [x for x in self.sent_nps if x.a >= m.end() and x.kind in _PERSON | {"head"}]
            if after:
                r = self._resolve(after[0])
                return [r] if r is not None else []
            break
        return []

    def _named_head(self, s: _Sentence, x: _Span) -> _Span | None:
        """The head a title and name stand for ("ông Thành", "ông Lê Văn Thành"), if the text named it so."""
        if not self.names or s.plain[x.a : x.b].split(" ")[0] not in _NAME_TITLES:
            return None
        k = s.word_at(x.a) + 1
        if k >= len(s.starts) or s.starts[k] > x.b + 1:
            return None
        name = _name_at(s, k)
        for word in (name[-1:] + name[:1]) if name else ():
            if word in self.names:
                return self.heads[self.names[word]]
        return None

    def _antecedents(self, s: _Sentence, nps: list[_Span]) -> None:
        """Each pronoun's antecedent: the last person named before it; "ông B" is the head named B."""
        for x in nps:
            named = self._named_head(s, x) if x.kind in ("pronoun", "officer") else None
            if named is not None:  # "ông B", "anh B": the head named B
                x.kind = "pronoun"
                x.antecedent = named
            elif x.kind == "pronoun":
                if s.plain[x.a : x.b] in ("ong", "ba") and _title_case_after(s, x.b):
                    x.antecedent = _Span(x.sent, x.a, x.b, "officer")  # "ông Lê Văn C": someone else, named
                elif s.plain[x.a : x.b] == "ho":
                    x.antecedent = self.last_staff  # "họ" (they) are staff, not one head
                else:
                    x.antecedent = self.last_person
            elif x.kind == "officer" and _INDEFINITE.fullmatch(s.plain[x.a : x.b]):
                continue  # "ai lên hỏi cũng bị ông ấy đuổi": nobody in particular, no antecedent
            elif x.kind in ("head", "unit-head", "officer", "relative") and not x.addressee:
                self.last_person = x
                if x.kind != "head":
                    self.last_staff = x

    def _resolve(self, x: _Span) -> _Span | None:
        return x.antecedent if x.kind == "pronoun" else x

    def _payment(self, s: _Sentence, p: _Pred, clause_nps: list[_Span], agents: list[_Span]) -> list[_Span] | None:
        """A payment is misconduct of its agent when an official asks for it ("bảo đưa 5 triệu"); when the
        reporter (or nobody named) pays, of whoever it goes to ("đưa cho chủ tịch xã 5 triệu")."""
        if agents and all(a.kind not in ("reporter", "thing", "institution") for a in agents):
            return agents
        cs, _ce = s.clause_span(p.a)
        recipients = [x for x in clause_nps if x.kind != "reporter" and _RECIPIENT_BEFORE.search(s.norm[cs : x.a])]
        found = [r for r in (self._resolve(x) for x in recipients) if r is not None]
        return found or None

    def _frames(self, s: _Sentence, h: _Span, nps: list[_Span], preds: list[_Pred]) -> None:
        """What stands right before a head: addressee, denunciation, sanctions, payment, a relative..."""
        start = h.a if h.appos is None else h.appos
        cs, ce = s.clause_span(start)
        before = s.norm[:start]
        m = h.mention
        misconduct_here = any(p.kind != "praise" and not p.negated for p in preds)
        paid = _RECIPIENT_BEFORE.search(s.norm[cs:start])
        if _NOT_DENOUNCED_BEFORE.search(before):
            h.obj = True
            self.judge(m, "mentioned", "negated", _tail_phrase(s, before))
        elif paid and _MONEY_RX.spans(s.norm, s.plain, cs + paid.start(), min(ce, (h.shown_end or h.b) + 40)):
            h.obj = True
            self.judge(m, "accused", "recipient", _tail_phrase(s, before))
        elif _SANCTION_BEFORE.search(before):
            h.obj = True
            self.judge(m, "accused", "sanction", _tail_phrase(s, before))
        elif _OF_MISCONDUCT_BEFORE.search(before):
            h.obj = True
            self.judge(m, "accused", "misconduct-of", _tail_phrase(s, before))
        elif _DENOUNCE_BEFORE.search(before):
            h.obj = True
            if _PETITION_BEFORE.search(before):
                pass  # "(gửi) đơn tố cáo chủ tịch xã": an earlier petition; what the head did, if anything, decides
            elif _STRONG_DENOUNCE.search(before[-40:]) or misconduct_here or self.any_misconduct:
                self.judge(m, "accused", "denounced", _tail_phrase(s, before))
            else:
                self.judge(m, "unsure", "about", _tail_phrase(s, before))
        elif _ADDRESSEE_BEFORE.search(before) or _INFORMED_BEFORE.search(before):
            h.obj = True
            h.addressee = bool(_REQUEST_TO_BEFORE.search(before))
            self.judge(m, "mentioned", "addressee", _tail_phrase(s, before))
        elif (
            _CAUSE_BEFORE.search(before)
            and not misconduct_here
            and _ORDER_AT_END.match(s.norm[h.shown_end or h.b : ce])
            and _ADVERSE.search(before)
        ):  # "Việc hồ sơ bị trả lại là do chính chủ tịch xã chỉ đạo.": the head ordered what is complained of
            self.judge(m, "accused", "cause", _tail_phrase(s, before))
        elif _CAUSE_BEFORE.search(before) and misconduct_here:
            if _SPEECH_BEFORE.search(
                s.norm[max(0, h.a - 40) : h.a]
            ):  # "cán bộ bảo do phó chủ tịch chưa ký": staff's word for it
                self.judge(m, "unsure", "reported", _tail_phrase(s, before))
            else:
                self.judge(m, "accused", "cause", _tail_phrase(s, before))
        elif _DIRECTIVE_BEFORE.search(before) and misconduct_here:
            h.obj = True
            self.judge(m, "unsure", "directive", _tail_phrase(s, before))
        elif _BY_BEFORE.search(s.norm[cs:start]):  # "hồ sơ bị chủ tịch xã ...": something was done to the reporter
            self.judge(m, "unsure", "passive", _tail_phrase(s, before))
        rel = _RELATIVE_BEFORE.search(s.norm[cs:start])
        if rel and not h.obj:
            h.obj = True
            start = cs + rel.start() + (1 if s.norm[cs + rel.start()] == " " else 0)
            nps.append(_Span(h.sent, start, h.b, "relative", relative_of=m))
            nps.sort(key=lambda x: x.a)

    def _link_names(self, s: _Sentence, nps: list[_Span]) -> None:
        """ "Chủ tịch xã là ông Lê Văn B": a later "ông B" is that head."""
        for x in nps:
            if not self._is_head(x):
                continue
            end = x.shown_end or x.b
            m = re.match(r"\s*,?\s*(?:la\s+)?(?:ong|ba|anh|chi)\s+(?=\w)", s.plain[end : end + 40])
            if not m:
                continue
            name = _name_at(s, s.word_at(end + m.end()))
            if name:
                self.names[name[-1]] = x.mention

    def _leftovers(self, s: _Sentence, sent_heads: list[_Span], done: list[tuple[_Pred, list[_Span]]]) -> None:
        """Heads of the sentence no predicate judged: unsure next to misconduct nobody is named for."""
        unattributed = [p for p, ags in done if not ags and not p.negated]
        relatives = {ag.relative_of: p for p, ags in done for ag in ags if ag.kind == "relative"}
        others = any(ags and any(a.kind != "head" for a in ags) for _p, ags in done)
        # misconduct whose only agent is nobody who could do it (the reporter, a thing, someone of another sentence)
        si = sent_heads[0].sent if sent_heads else -1
        loose = [p for p, ags in done if not p.negated and all(a.kind == "thing" or a.sent != si for a in ags)]
        hint = _HINTS.spans(s.norm, s.plain, blocked=[(h.a, h.shown_end or h.b) for h in sent_heads])
        for h in sent_heads:
            m = h.mention
            if m in relatives:
                self.judge(m, "unsure", "relative", _cue(s, relatives[m]))
            elif unattributed:
                self.judge(m, "unsure", "near-misconduct", _cue(s, unattributed[0]))
            elif loose and not h.obj:  # safety net: misconduct next to the head that nobody else can be given
                self.judge(m, "unsure", "near-misconduct", _cue(s, loose[0]))
            elif others:
                self.judge(m, "mentioned", "other-agent", None)
            elif hint and not done and not h.obj:  # safety net: words of misconduct the acts do not cover
                self.judge(m, "unsure", "near-misconduct", (s, hint[0][0], hint[0][1]))
            else:
                self.judge(m, "mentioned", "no-act", None)


_INDEFINITE = re.compile(r"(?:(?:khong|chang|chua) (?:co )?)?ai")
_NAME_TITLES = {"ong", "ba", "anh", "chi", "chu", "bac", "co"}
_NOT_NAMES = {
    "ay",
    "ta",
    "nay",
    "kia",
    "do",
    "no",
    "bao",
    "noi",
    "la",
    "da",
    "cung",
    "van",
    "thi",
    "con",
    "ma",
    "ra",
    "can",
    "cb",
    "chu",
    "pho",
    "giam",
    "bi",
}  # pronouns, verbs, roles: not a name (without casing)
_APPOSITION = re.compile(
    r"(?:^|\s)(?:ong|ba|anh|chi|dong chi|d/c|dc)\s+(?!(?:ong|ba|anh|chi|dong chi)\s)"
    r"((?:[^\s,.;:()]+\s+){0,3}[^\s,.;:()]+)\s*"
    r"(?:,|\s-|\s–|\(|\sla|\s(?:hien|dang|nguyen) la|\sgiu chuc)\s*$"
)


def _name_at(s: _Sentence, k: int) -> list[str]:
    """The personal name starting at word k (its words, diacritics-free): Title Case words, else (no casing) up to
    punctuation, one word when none comes."""
    words = s.plain.split(" ")
    name: list[str] = []
    while k < len(words) and len(name) < 4:
        core = words[k].strip(".,;:!?\"'()")
        if not core or (s.caps is not None and not s.caps[k]) or (s.caps is None and core in _NOT_NAMES):
            break
        name.append(core)
        if words[k][-1:] in ".,;:!?)":
            break
        k += 1
    if s.caps is None and name and words[k if k < len(words) else -1][-1:] not in ".,;:":
        name = name[:1]  # no casing: the name ends where punctuation does, else one word
    return name


def _name_before(s: _Sentence, a: int) -> tuple[int, str] | None:
    """ "ông Lê Văn B, chủ tịch xã", "Ông B là chủ tịch xã": (start of "ông", the name's last word) right before a
    head at `a`."""
    m = _APPOSITION.search(s.plain[:a])
    if m is None:
        return None
    k0, k1 = s.word_at(m.start(1)), s.word_at(m.end(1) - 1)
    if s.caps is not None:
        if not all(s.caps[k] for k in range(k0, k1 + 1)):
            return None
    elif any(w in _NOT_NAMES for w in s.plain[m.start(1) : m.end(1)].split()):
        return None
    start = m.start() + (1 if s.plain[m.start()] == " " else 0)
    return start, s.plain[m.start(1) : m.end(1)].split()[-1]


def _title_case_after(s: _Sentence, end: int) -> bool:
    k = s.word_at(end + 1)
    return s.caps is not None and k < len(s.caps) and s.caps[k] and s.starts[k] == end + 1


_Words = tuple[_Sentence, int, int]  # words of a sentence, read from the original text only when shown


def _tail_phrase(s: _Sentence, before: str) -> _Words | None:
    """The last few words before a head."""
    words = before.rstrip().split(" ")
    tail = " ".join(words[-3:]).strip()
    if not tail:
        return None
    end = len(before.rstrip())
    return s, end - len(tail), end


def _cue(s: _Sentence, p: _Pred) -> _Words:
    """The predicate with the next two words of its clause ("đòi 5 triệu")."""
    _cs, ce = s.clause_span(p.a)
    k = s.word_at(p.b - 1)
    end = p.b
    for j in (k + 1, k + 2):
        if j < len(s.starts) and s.starts[j] < ce:
            end = s.starts[j] + len(s.plain[s.starts[j] :].split(" ", 1)[0])
    return s, p.a, end


# --------------------------------------------------------------------------- decision

_LEVEL = {UBND_TINH: 3, THANH_TRA: 3, XA: 1}  # provincial bodies: 2


def _level(body: dict) -> int:
    return _LEVEL.get(body.get("agency") or "", 2)


_UNSET = object()


def analyse(
    text: str,
    plain: str | None = None,
    text_ward=_UNSET,
    subject: Sequence[str] = (),
    norm: str | None = None,
    words: bool = True,
) -> Accusation:
    """Heads of bodies named in `text`, and whether it accuses them (module docstring).

    `norm` and `plain` may pass the normalised views of the whole text (`Doc.norm`, `Doc.plain`)
    for the cheap first tests; `text_ward` the ward of the whole text, or None (the body of a commune head
    named without its ward; found with `ml.wards.extract_ward` when not given); `subject` the
    agencies of the subject matter, best first (the body of a sở director named without the sở's
    name). `words=False` leaves out the words of the text (`phrase`, `cue`, `evidence`): the decision
    alone, cheaper.
    """
    if not text:
        return NONE
    if plain is None or norm is None:
        norm, plain = views(text)
    if not _PREFILTER.search(plain) or not _ANY_HEAD.spans(norm, plain):
        return NONE  # no head of a body named (most reports: one regular expression)
    sents = _sentences(text)
    heads, units = _find_heads(sents)
    if not heads:
        return NONE
    cached: list[str | None] = []

    def ward_of_text() -> str | None:
        if not cached:
            if text_ward is _UNSET:
                match = extract_ward(text)
                cached.append(match.code if match is not None else None)
            else:
                cached.append(text_ward)
        return cached[0]

    bodies = _resolve_bodies(sents, heads, units, ward_of_text, subject)
    for i, h in enumerate(heads):
        if bodies[i] is not None and _elsewhere(sents, h):
            bodies[i] = None  # a head of another province's body is no Thanh Hóa body: neither accused nor mentioned
    for i, h in enumerate(heads):
        h.mention = i
        s = sents[h.sent]  # a head is one noun phrase: no clause starts inside it ("văn hóa - xã hội")
        s.clauses = [c for c in s.clauses if not h.a < c < (h.shown_end or h.b)]
    valid = [b is not None and b[1].get("agency") is not None for b in bodies]
    if not any(valid):
        return NONE
    verdicts = _Reader(sents, heads, units, valid).run()
    mentions: list[HeadMention] = []
    for i, h in enumerate(heads):
        if not valid[i]:
            continue
        role, body = bodies[i]
        v = verdicts.get(i) or _Verdict("mentioned", "no-act", None, 0)
        mentions.append(
            HeadMention(
                phrase=sents[h.sent].phrase(h.a, h.shown_end or h.b) if words else "",
                role=role,
                body=body,
                status=v.status,
                reason=v.reason,
                cue=v.cue[0].phrase(v.cue[1], v.cue[2]) if words and v.cue else None,
            )
        )
    return _decide(tuple(mentions))


def _decide(mentions: tuple[HeadMention, ...]) -> Accusation:
    accused = [m for m in mentions if m.status == "accused"]
    if accused:
        top = max(accused, key=lambda m: _level(m.body))  # max keeps the first of equals
        return Accusation("accused", accused=dict(top.body), evidence=_evidence(top), mentions=mentions)
    unsure = [m for m in mentions if m.status == "unsure"]
    if unsure:
        top = max(unsure, key=lambda m: _level(m.body))
        return Accusation("unsure", suspected=dict(top.body), evidence=_evidence(top), mentions=mentions)
    return Accusation("mentioned", evidence=_evidence(mentions[0]), mentions=mentions)


def _evidence(m: HeadMention) -> tuple[str, ...]:
    return tuple(p for p in (m.phrase, m.cue) if p)


# --------------------------------------------------------------------------- features for a learned head

RULE_FEATURES = (
    "head_any",
    "head_accused",
    "head_mentioned_only",
    "head_unsure",
    "commune_accused",
    "provincial_accused",
)


def rule_features_of(a: Accusation) -> list[float]:
    """The analysis as the dense features a learned escalation head may add to the text features."""
    acc = a.accused or {}
    return [
        float(a.state != "none"),
        float(a.state == "accused"),
        float(a.state == "mentioned"),
        float(a.state == "unsure"),
        float(acc.get("agency") == XA),
        float(bool(acc) and acc.get("agency") != XA),
    ]
