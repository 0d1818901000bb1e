"""The wording of each official document, as data: `compose` turns a kind, the report, the issuing unit and what
the step decided (`facts`) into a `DocumentContent`, which `triage.documents.pdf.render` lays out.

The layout follows the administrative format (Nghị định 30/2020/NĐ-CP): the issuing body top left under its
parent body, the national motto top right, "Số: 12/TB-UBND" and "<place>, ngày 03 tháng 12 năm 2026", the title,
"Kính gửi", the body, "Nơi nhận" bottom left and the signer bottom right. The wording paraphrases the forms of
Thông tư 05/2021/TT-TTCP and cites Luật Khiếu nại 2011, Luật Tố cáo 2018 and Nghị định 124/2020/NĐ-CP.

Privacy: no document ever carries the reporter's phone, e-mail or address. The reporter's name appears only in
documents addressed to the reporter (and in the decision on a khiếu nại, which the law has name the
complainant); a document that goes to another body names the đơn by its tracking code and date, and for a
tố cáo says that the reporter's identity is kept confidential (Luật Tố cáo 2018, Điều 8 and Điều 47).

The facts each kind reads (`REQUIRED` must be present and not blank, `OPTIONAL` may be; a date may be a `date`
or an ISO string "2026-12-03"):

- every kind, optional: `received_on` (date the đơn was received; default the report's own date).
- ACCEPTANCE (thông báo thụ lý): `due_on` (date the case is due).
- REFUSAL (thông báo không thụ lý): `ground` (label of the legal ground); optional `reason` (free text).
- TRANSFER (phiếu chuyển đơn): `body` (name of the competent body); optional `reason`.
- GUIDANCE (phiếu hướng dẫn): `body`, `guidance` (what the citizen should do).
- RETURN (trả lại đơn và giấy tờ): `reason`; optional `body` (where the citizen may take the đơn).
- ARCHIVE (phiếu đề xuất lưu đơn): `ground`; optional `reason`.
- WITHDRAWAL (thông báo về việc rút đơn): `withdrawn_on` (date the reporter asked); optional `continued`
  (True: a tố cáo is pursued despite the withdrawal) and `reason` (why it is pursued).
- SUSPENSION (quyết định tạm đình chỉ): `reason`; optional `stage_label` (what is suspended, e.g. "giải quyết").
- TERMINATION (quyết định đình chỉ): `reason`.
- EXTENSION (quyết định gia hạn): `due_on` (the new due date), `reason`; optional `stage_label`.
- ANSWER (văn bản trả lời): `response` (the answer); optional `findings`.
- COMPLAINT_DECISION (quyết định giải quyết khiếu nại): `findings`, `outcome` (label), `response` (what is
  decided).
- CONCLUSION (kết luận nội dung tố cáo): `findings`, `outcome` (label); optional `response` (measures taken or
  recommended).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from core.models import Report, Unit
from core.vietnamese import legal_date
from core.vocabulary import Agency, DocumentKind, Kind

PROVINCE = "Thanh Hóa"
PROVINCIAL_COMMITTEE = "UBND TỈNH THANH HÓA"
ANONYMOUS = "Người gửi đơn (không ghi tên)"

# Type symbols of the reference "Số: 12/TB-UBND"; the văn bản trả lời (a công văn) has none.
SYMBOLS: dict[DocumentKind, str] = {
    DocumentKind.ACCEPTANCE: "TB",
    DocumentKind.REFUSAL: "TB",
    DocumentKind.TRANSFER: "PC",
    DocumentKind.GUIDANCE: "PHD",
    DocumentKind.RETURN: "TB",
    DocumentKind.ARCHIVE: "PĐX",
    DocumentKind.WITHDRAWAL: "TB",
    DocumentKind.SUSPENSION: "QĐ",
    DocumentKind.TERMINATION: "QĐ",
    DocumentKind.EXTENSION: "QĐ",
    DocumentKind.COMPLAINT_DECISION: "QĐ",
    DocumentKind.CONCLUSION: "KL",
}

REQUIRED: dict[DocumentKind, tuple[str, ...]] = {
    DocumentKind.ACCEPTANCE: ("due_on",),
    DocumentKind.REFUSAL: ("ground",),
    DocumentKind.TRANSFER: ("body",),
    DocumentKind.GUIDANCE: ("body", "guidance"),
    DocumentKind.RETURN: ("reason",),
    DocumentKind.ARCHIVE: ("ground",),
    DocumentKind.WITHDRAWAL: ("withdrawn_on",),
    DocumentKind.SUSPENSION: ("reason",),
    DocumentKind.TERMINATION: ("reason",),
    DocumentKind.EXTENSION: ("due_on", "reason"),
    DocumentKind.ANSWER: ("response",),
    DocumentKind.COMPLAINT_DECISION: ("findings", "outcome", "response"),
    DocumentKind.CONCLUSION: ("findings", "outcome"),
}
OPTIONAL: dict[DocumentKind, tuple[str, ...]] = {
    DocumentKind.ACCEPTANCE: ("received_on",),
    DocumentKind.REFUSAL: ("received_on", "reason"),
    DocumentKind.TRANSFER: ("received_on", "reason"),
    DocumentKind.GUIDANCE: ("received_on",),
    DocumentKind.RETURN: ("received_on", "body"),
    DocumentKind.ARCHIVE: ("received_on", "reason"),
    DocumentKind.WITHDRAWAL: ("received_on", "continued", "reason"),
    DocumentKind.SUSPENSION: ("received_on", "stage_label"),
    DocumentKind.TERMINATION: ("received_on",),
    DocumentKind.EXTENSION: ("received_on", "stage_label"),
    DocumentKind.ANSWER: ("received_on", "findings"),
    DocumentKind.COMPLAINT_DECISION: ("received_on",),
    DocumentKind.CONCLUSION: ("received_on", "response"),
}

# Sent to the reporter: "Kính gửi" names them. Every other document goes to a body, or to several parties.
TO_REPORTER = (
    DocumentKind.ACCEPTANCE,
    DocumentKind.REFUSAL,
    DocumentKind.GUIDANCE,
    DocumentKind.RETURN,
    DocumentKind.WITHDRAWAL,
    DocumentKind.ANSWER,
)
# Decided by the head of the body in person (người giải quyết): signed without "TM." of a committee.
PERSONAL_AUTHORITY = (
    DocumentKind.SUSPENSION,
    DocumentKind.TERMINATION,
    DocumentKind.EXTENSION,
    DocumentKind.COMPLAINT_DECISION,
    DocumentKind.CONCLUSION,
)

LAW_KN = "Luật Khiếu nại năm 2011"
LAW_TC = "Luật Tố cáo năm 2018"
DECREE_KN = (
    "Nghị định số 124/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định chi tiết một số điều "
    "và biện pháp thi hành Luật Khiếu nại"
)
CIRCULAR = (
    "Thông tư số 05/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ quy định quy trình tiếp công dân, "
    "xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh"
)
CONFIDENTIAL = (
    "Họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố cáo được giữ bí mật "
    "theo quy định tại Điều 8 và Điều 47 Luật Tố cáo năm 2018."
)
FILED = "- Lưu: VT, hồ sơ."


@dataclass(frozen=True)
class Block:
    """One block of the body: `style` "p" (a justified paragraph), "basis" (an italic "Căn cứ ..." line of a
    decision) or "heading" (a bold centred line such as "QUYẾT ĐỊNH:")."""

    style: str
    text: str


@dataclass(frozen=True)
class DocumentContent:
    """What a document says, in the order it is laid out. `as_dict`/`from_dict` keep it as JSON."""

    kind: str
    issuer: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "PHƯỜNG QUẢNG PHÚ") or ("UBND TỈNH THANH HÓA", "SỞ XÂY DỰNG")
    reference: str  # "12/TB-UBND" (printed "Số: 12/TB-UBND")
    place_date: str  # "Quảng Phú, ngày 03 tháng 12 năm 2026"
    title: str  # "THÔNG BÁO"; "" for a công văn, whose subject sits under its number
    subject: str  # "Về việc không thụ lý đơn khiếu nại"; "V/v trả lời đơn ..." for a công văn
    authority: str  # a decision's "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG QUẢNG PHÚ"; "" otherwise
    addressee: str  # who "Kính gửi" names; "" when none (decisions, conclusions, proposals)
    blocks: tuple[Block, ...]
    recipients: tuple[str, ...]  # the "Nơi nhận:" lines
    signer_lines: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    signer_title: str  # "Chủ tịch Ủy ban nhân dân phường Quảng Phú", for the record
    signer_name: str  # blank when the unit has no leader on record
    number: int
    year: int
    issued_on: date = field(compare=False)

    @property
    def heading(self) -> str:
        """The title as one line of text: "Thông báo về việc không thụ lý đơn khiếu nại"."""
        if not self.title:
            subject = self.subject.removeprefix("V/v ")
            return subject[:1].upper() + subject[1:]
        subject = self.subject[:1].lower() + self.subject[1:]
        return f"{self.title.capitalize()} {subject}".strip()

    @property
    def text(self) -> str:
        """Every line of the document, for search and tests."""
        lines = [*self.issuer, f"Số: {self.reference}", self.place_date, self.title, self.subject, self.authority]
        if self.addressee:
            lines.append(f"Kính gửi: {self.addressee}")
        lines += [b.text for b in self.blocks] + ["Nơi nhận:", *self.recipients, *self.signer_lines, self.signer_name]
        return "\n".join(line for line in lines if line)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["issued_on"] = self.issued_on.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentContent:
        values = dict(data)
        values["blocks"] = tuple(Block(**b) for b in values["blocks"])
        for name in ("issuer", "recipients", "signer_lines"):
            values[name] = tuple(values[name])
        values["issued_on"] = date.fromisoformat(values["issued_on"])
        return cls(**values)


# -- the issuing unit ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issuer:
    """How a unit appears on its documents."""

    header: tuple[str, ...]  # the issuing body's lines, top left
    name: str  # in running text: "Ủy ban nhân dân phường Quảng Phú", "Sở Xây dựng"
    abbreviation: str  # "UBND", "SXD"
    head: str  # the head's title in running text: "Chủ tịch Ủy ban nhân dân phường Quảng Phú"
    signer: tuple[str, ...]  # the signer block's title lines
    place: str  # "Quảng Phú", "Thanh Hóa"
    committee: bool  # a people's committee (its head signs "TM. ỦY BAN NHÂN DÂN" for it)


# Provincial bodies: (parent body, body in capitals, name in running text, abbreviation, head's title).
PROVINCIAL: dict[str, tuple[str, str, str, str, str]] = {
    Agency.SO_NONG_NGHIEP_MOI_TRUONG: (PROVINCIAL_COMMITTEE, "", "", "SNNMT", "Giám đốc"),
    Agency.SO_XAY_DUNG: (PROVINCIAL_COMMITTEE, "", "", "SXD", "Giám đốc"),
    Agency.SO_TAI_CHINH: (PROVINCIAL_COMMITTEE, "", "", "STC", "Giám đốc"),
    Agency.SO_NOI_VU: (PROVINCIAL_COMMITTEE, "", "", "SNV", "Giám đốc"),
    Agency.SO_GIAO_DUC_DAO_TAO: (PROVINCIAL_COMMITTEE, "", "", "SGDĐT", "Giám đốc"),
    Agency.SO_Y_TE: (PROVINCIAL_COMMITTEE, "", "", "SYT", "Giám đốc"),
    Agency.SO_TU_PHAP: (PROVINCIAL_COMMITTEE, "", "", "STP", "Giám đốc"),
    Agency.SO_CONG_THUONG: (PROVINCIAL_COMMITTEE, "", "", "SCT", "Giám đốc"),
    Agency.SO_VAN_HOA_THE_THAO_DU_LICH: (PROVINCIAL_COMMITTEE, "", "", "SVHTTDL", "Giám đốc"),
    Agency.SO_KHOA_HOC_CONG_NGHE: (PROVINCIAL_COMMITTEE, "", "", "SKHCN", "Giám đốc"),
    Agency.SO_DAN_TOC_TON_GIAO: (PROVINCIAL_COMMITTEE, "", "", "SDTTG", "Giám đốc"),
    Agency.THANH_TRA_TINH: (PROVINCIAL_COMMITTEE, "THANH TRA TỈNH", "Thanh tra tỉnh", "TTr", "Chánh Thanh tra"),
    # Bodies of the central government in the province: their parent is the central body.
    Agency.CONG_AN_TINH: ("BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA", "Công an tỉnh Thanh Hóa", "CAT", "Giám đốc"),
    Agency.THUE: ("CỤC THUẾ", "THUẾ TỈNH THANH HÓA", "Thuế tỉnh Thanh Hóa", "CT", "Giám đốc"),
    Agency.BHXH: (
        "BẢO HIỂM XÃ HỘI VIỆT NAM",
        "BẢO HIỂM XÃ HỘI TỈNH THANH HÓA",
        "Bảo hiểm xã hội tỉnh Thanh Hóa",
        "BHXH",
        "Giám đốc",
    ),
}


def issuer_of(unit: Unit) -> Issuer:
    """The issuing body as its documents show it."""
    if unit.agency in (Agency.XA, Agency.UBND_TINH):
        if unit.agency == Agency.XA:
            division = (unit.division or "xã").lower()
            bare = unit.name.removeprefix("UBND ").strip()
            place = bare[len(division) :].strip() if bare.lower().startswith(division) else bare
        else:
            division, place = "tỉnh", PROVINCE
        name = f"Ủy ban nhân dân {division} {place}"
        return Issuer(
            header=("ỦY BAN NHÂN DÂN", f"{division} {place}".upper()),
            name=name,
            abbreviation="UBND",
            head=f"Chủ tịch {name}",
            signer=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            place=place,
            committee=True,
        )
    if unit.agency not in PROVINCIAL:
        raise ValueError(f"no document format for the agency of unit {unit.code!r}")
    parent, capitals, name, abbreviation, head = PROVINCIAL[unit.agency]
    name = name or unit.name
    return Issuer(
        header=(parent, capitals or name.upper()),
        name=name,
        abbreviation=abbreviation,
        head=f"{head} {name}" if head != "Chánh Thanh tra" else "Chánh Thanh tra tỉnh",
        signer=(head.upper(),),
        place=PROVINCE,
        committee=False,
    )


def reference(kind: DocumentKind, number: int, issuer: Issuer) -> str:
    """ "12/TB-UBND"; a văn bản trả lời: "12/UBND"."""
    symbol = SYMBOLS.get(kind)
    return f"{number}/{symbol}-{issuer.abbreviation}" if symbol else f"{number}/{issuer.abbreviation}"


def place_date(place: str, day: date) -> str:
    """ "Quảng Phú, ngày 03 tháng 12 năm 2026": days below 10 and the months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


# -- the wording -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Track:
    """How the text names the đơn and its author on one legal track."""

    letter: str  # "đơn khiếu nại"
    matter: str  # "khiếu nại": "thụ lý giải quyết khiếu nại", "rút khiếu nại"
    author: str  # "người khiếu nại"
    laws: str  # what the handling follows


TRACKS = {
    Kind.KHIEU_NAI: Track("đơn khiếu nại", "khiếu nại", "người khiếu nại", f"{LAW_KN} và {DECREE_KN}"),
    Kind.TO_CAO: Track("đơn tố cáo", "tố cáo", "người tố cáo", LAW_TC),
    Kind.PHAN_ANH: Track("đơn phản ánh, kiến nghị", "phản ánh, kiến nghị", "người phản ánh, kiến nghị", CIRCULAR),
}


def _date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _dmy(value: date | str) -> str:
    return _date(value).strftime("%d/%m/%Y")


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text[-1:] in ".!?:;" else f"{text}."


class _Writer:
    """The pieces every kind's wording is made of, for one report, unit and set of facts."""

    def __init__(self, kind: DocumentKind, report: Report, issuer: Issuer, facts: dict, issued_on: date):
        self.kind, self.report, self.issuer, self.facts, self.issued_on = kind, report, issuer, facts, issued_on
        self.track = TRACKS.get(Kind(report.track), TRACKS[Kind.PHAN_ANH])
        self.is_tc = report.track == Kind.TO_CAO
        self.code = report.tracking_code
        received = facts.get("received_on") or legal_date(report.instance_received_at or report.received_at)
        self.received = _dmy(received)

    @property
    def reporter(self) -> str:
        """The reporter as a document addressed to them names them."""
        return f"Ông (Bà) {self.report.reporter_name}" if self.report.reporter_name else ANONYMOUS

    @property
    def you(self) -> str:
        return f"Ông (Bà) {self.report.reporter_name}" if self.report.reporter_name else "người gửi đơn"

    @property
    def instance(self) -> str:
        return "lần hai" if (self.report.instance or 1) >= 2 else "lần đầu"

    def received_named(self) -> str:
        """The opening of a document to the reporter: their đơn, by date, author and tracking code."""
        of = f" của Ông (Bà) {self.report.reporter_name}" if self.report.reporter_name else ""
        return f"Ngày {self.received}, {self.issuer.name} nhận được {self.track.letter}{of} (mã theo dõi {self.code})."

    def received_anonymous(self) -> str:
        """The opening of a document to anyone else: the đơn by its tracking code and date only."""
        return f"Ngày {self.received}, {self.issuer.name} nhận được {self.track.letter} có mã theo dõi {self.code}."

    def reason(self, prefix: str = "") -> list[Block]:
        reason = self.facts.get("reason")
        return [Block("p", f"{prefix}{_sentence(reason)}")] if reason else []

    def follow_up(self) -> Block:
        return Block(
            "p",
            f"Người gửi đơn có thể theo dõi việc xử lý đơn bằng mã theo dõi {self.code} "
            "trên trang tra cứu của Hệ thống tiếp nhận phản ánh, kiến nghị tỉnh Thanh Hóa.",
        )

    def basis(self) -> list[Block]:
        """The "Căn cứ" lines of a decision."""
        if self.report.track == Kind.KHIEU_NAI:
            laws = [f"Căn cứ {LAW_KN};", f"Căn cứ {DECREE_KN};"]
        elif self.is_tc:
            laws = [f"Căn cứ {LAW_TC};", "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10/4/2019 của Chính phủ;"]
        else:
            laws = [f"Căn cứ {CIRCULAR};"]
        return [Block("basis", line) for line in laws]

    def decision_end(self, party: str) -> Block:
        return Block(
            "p",
            f"Điều 3. {party}, các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
        )


def check_facts(kind: DocumentKind | str, facts: dict) -> DocumentKind:
    """The kind, when `facts` has every key it requires; KeyError naming the kind and the missing keys else."""
    kind = DocumentKind(kind)
    missing = [key for key in REQUIRED[kind] if facts.get(key) in (None, "")]
    if missing:
        raise KeyError(f"document {kind.value!r} needs the facts {', '.join(missing)}")
    return kind


def compose(
    kind: DocumentKind | str,
    *,
    report: Report,
    unit: Unit,
    facts: dict,
    number: int,
    issued_on: date,
    signer_name: str,
) -> DocumentContent:
    """The text of document `kind` number `number` of `unit`, issued on `issued_on` about `report`.

    KeyError (naming the kind and the keys) when `facts` lacks a key `REQUIRED[kind]` lists."""
    kind = check_facts(kind, facts)
    issuer = issuer_of(unit)
    w = _Writer(kind, report, issuer, facts, issued_on)
    parts = _WORDING[kind](w)
    signer = ("CHỦ TỊCH",) if issuer.committee and kind in PERSONAL_AUTHORITY else issuer.signer
    return DocumentContent(
        kind=kind.value,
        issuer=issuer.header,
        reference=reference(kind, number, issuer),
        place_date=place_date(issuer.place, issued_on),
        title=parts["title"],
        subject=parts["subject"],
        authority=issuer.head.upper() if parts.get("decision") else "",
        addressee=parts.get("addressee", ""),
        blocks=tuple(parts["blocks"]),
        recipients=tuple(parts["recipients"]),
        signer_lines=signer,
        signer_title=issuer.head,
        signer_name=signer_name or "",
        number=number,
        year=issued_on.year,
        issued_on=issued_on,
    )


def _letter(w: _Writer, title: str, subject: str, blocks: list[Block]) -> dict:
    """A document addressed to the reporter: "Kính gửi" names them, "Nơi nhận" is them and the file."""
    return {
        "title": title,
        "subject": subject,
        "addressee": w.reporter,
        "blocks": blocks,
        "recipients": ["- Như trên;", FILED],
    }


def _acceptance(w: _Writer) -> dict:
    t = w.track
    if w.report.track == Kind.KHIEU_NAI:
        subject = f"Về việc thụ lý giải quyết khiếu nại {w.instance}"
        decided = (
            f"Căn cứ Điều 27 {LAW_KN} và {DECREE_KN}, xét thấy khiếu nại đủ điều kiện thụ lý, {w.issuer.name} "
            f"thông báo thụ lý giải quyết khiếu nại {w.instance} kể từ ngày {_dmy(w.issued_on)}."
        )
    elif w.is_tc:
        subject = "Về việc thụ lý tố cáo"
        decided = (
            f"Căn cứ Điều 29 {LAW_TC}, xét thấy tố cáo đủ điều kiện thụ lý, {w.issuer.name} thông báo "
            f"thụ lý tố cáo kể từ ngày {_dmy(w.issued_on)}."
        )
    else:
        subject = "Về việc tiếp nhận, xử lý đơn phản ánh, kiến nghị"
        decided = (
            f"Căn cứ {CIRCULAR}, {w.issuer.name} thông báo đã tiếp nhận và xem xét, xử lý nội dung "
            "phản ánh, kiến nghị theo thẩm quyền."
        )
    blocks = [
        Block("p", w.received_named()),
        Block("p", decided),
        Block(
            "p",
            f"Thời hạn giải quyết đến hết ngày {_dmy(w.facts['due_on'])}, trừ trường hợp tạm đình chỉ "
            "hoặc gia hạn theo quy định của pháp luật. Kết quả giải quyết sẽ được thông báo đến "
            f"{t.author}.",
        ),
        w.follow_up(),
    ]
    if w.is_tc:
        blocks.append(Block("p", CONFIDENTIAL))
    blocks.append(Block("p", f"{w.issuer.name} thông báo để {w.you} được biết."))
    return _letter(w, "THÔNG BÁO", subject, blocks)


def _refusal(w: _Writer) -> dict:
    t = w.track
    if w.report.track == Kind.KHIEU_NAI:
        basis = f"Căn cứ Điều 11 {LAW_KN} và {DECREE_KN}"
    elif w.is_tc:
        basis = f"Căn cứ Điều 29 {LAW_TC}"
    else:
        basis = f"Căn cứ {CIRCULAR}"
    blocks = [
        Block("p", w.received_named()),
        Block(
            "p", f"Qua xem xét, {t.letter} không đủ điều kiện thụ lý, thuộc trường hợp: {_sentence(w.facts['ground'])}"
        ),
        *w.reason("Cụ thể: "),
        Block("p", f"{basis}, {w.issuer.name} thông báo không thụ lý {t.letter} nêu trên."),
        Block("p", f"{w.issuer.name} thông báo để {w.you} được biết."),
    ]
    return _letter(w, "THÔNG BÁO", f"Về việc không thụ lý {t.letter}", blocks)


def _transfer(w: _Writer) -> dict:
    t, body = w.track, w.facts["body"]
    blocks = [
        Block("p", w.received_anonymous()),
        Block("p", f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {w.issuer.name}."),
        *w.reason("Lý do: "),
        Block(
            "p",
            f"Căn cứ {t.laws if w.is_tc else CIRCULAR}, {w.issuer.name} chuyển {t.letter} nêu trên (kèm theo đơn "
            f"và tài liệu có liên quan) đến {body} để xem xét, giải quyết theo thẩm quyền và thông báo kết quả "
            f"cho {t.author} theo quy định của pháp luật.",
        ),
    ]
    if w.is_tc:
        blocks.append(
            Block(
                "p",
                f"Đề nghị {body} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của người tố "
                "cáo theo quy định tại Điều 8 và Điều 47 Luật Tố cáo năm 2018.",
            )
        )
    return {
        "title": "PHIẾU CHUYỂN ĐƠN",
        "subject": f"Về việc chuyển {t.letter}",
        "addressee": body,
        "blocks": blocks,
        "recipients": ["- Như trên;", f"- Người gửi đơn (để biết, mã theo dõi {w.code});", FILED],
    }


def _guidance(w: _Writer) -> dict:
    t, body = w.track, w.facts["body"]
    blocks = [
        Block("p", w.received_named()),
        Block(
            "p",
            f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {w.issuer.name}. Căn cứ {CIRCULAR}, "
            f"{w.issuer.name} hướng dẫn {w.you} gửi đơn đến {body} để được xem xét, giải quyết theo quy định của "
            "pháp luật.",
        ),
        Block("p", f"Cụ thể: {_sentence(w.facts['guidance'])}"),
        Block("p", f"{w.issuer.name} hướng dẫn để {w.you} biết và thực hiện."),
    ]
    return _letter(w, "PHIẾU HƯỚNG DẪN", f"Về việc gửi {t.letter} đến cơ quan có thẩm quyền", blocks)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _return(w: _Writer) -> dict:
    blocks = [
        Block("p", w.received_named()),
        Block("p", f"Lý do trả lại: {_sentence(w.facts['reason'])}"),
        *(
            [Block("p", f"{_capital(w.you)} có thể gửi đơn đến {w.facts['body']} để được xem xét.")]
            if w.facts.get("body")
            else []
        ),
        Block(
            "p",
            f"Căn cứ {CIRCULAR}, {w.issuer.name} trả lại đơn và các giấy tờ, tài liệu là bản gốc kèm theo đơn "
            f"(nếu có) để {w.you} biết và thực hiện quyền của mình theo quy định của pháp luật.",
        ),
    ]
    return _letter(w, "THÔNG BÁO", "Về việc trả lại đơn và giấy tờ, tài liệu", blocks)


def _archive(w: _Writer) -> dict:
    blocks = [
        Block("p", w.received_anonymous()),
        Block("p", f"Qua xem xét, đơn thuộc trường hợp: {_sentence(w.facts['ground'])}"),
        *w.reason("Cụ thể: "),
        Block("p", f"Căn cứ {CIRCULAR}, đề xuất lưu đơn, không xử lý."),
        Block("p", f"Kính trình lãnh đạo {w.issuer.name} xem xét, quyết định."),
    ]
    if w.is_tc:
        blocks.append(Block("p", CONFIDENTIAL))
    return {
        "title": "PHIẾU ĐỀ XUẤT",
        "subject": "Về việc lưu đơn",
        "blocks": blocks,
        "recipients": [FILED],
    }


def _withdrawal(w: _Writer) -> dict:
    t = w.track
    asked = f"Ngày {_dmy(w.facts['withdrawn_on'])}, {w.you} có đề nghị rút {t.matter}."
    if w.report.track == Kind.KHIEU_NAI:
        decided = (
            f"Căn cứ Điều 10 {LAW_KN} và {DECREE_KN}, {w.issuer.name} ghi nhận việc rút khiếu nại "
            "và đình chỉ việc giải quyết khiếu nại."
        )
    elif w.is_tc and w.facts.get("continued"):
        decided = (
            f"Căn cứ Điều 33 {LAW_TC}, xét thấy hành vi bị tố cáo có dấu hiệu vi phạm pháp luật, {w.issuer.name} "
            "tiếp tục giải quyết tố cáo theo quy định."
        )
    elif w.is_tc:
        decided = (
            f"Căn cứ Điều 33 {LAW_TC}, {w.issuer.name} ghi nhận việc rút tố cáo và đình chỉ việc giải quyết tố cáo."
        )
    else:
        decided = f"Căn cứ {CIRCULAR}, {w.issuer.name} ghi nhận việc rút đơn và kết thúc việc xử lý đơn."
    blocks = [Block("p", w.received_named()), Block("p", asked), Block("p", decided)]
    if w.is_tc and w.facts.get("continued"):
        blocks += w.reason("Lý do: ")
    if w.is_tc:
        blocks.append(Block("p", CONFIDENTIAL))
    blocks.append(Block("p", f"{w.issuer.name} thông báo để {w.you} được biết."))
    return _letter(w, "THÔNG BÁO", f"Về việc rút {t.letter}", blocks)


def _decision_party(w: _Writer) -> str:
    """Who a decision binds: the complainant by name (the law has a decision name them), anyone else not."""
    if w.report.track == Kind.KHIEU_NAI and w.report.reporter_name:
        return f"Ông (Bà) {w.report.reporter_name}"
    return w.track.author.capitalize()


def _procedural_decision(w: _Writer, subject: str, article_1: str, reason_label: str, article_2: str) -> dict:
    """A decision on the course of a case (suspension, termination, extension): the same frame, its own articles."""
    blocks = [
        *w.basis(),
        Block("basis", f"Xét {w.track.letter} có mã theo dõi {w.code} nhận ngày {w.received};"),
        Block("heading", "QUYẾT ĐỊNH:"),
        Block("p", f"Điều 1. {article_1}"),
        Block("p", f"{reason_label}: {_sentence(w.facts['reason'])}"),
        Block("p", f"Điều 2. {article_2}"),
        w.decision_end(_decision_party(w)),
    ]
    if w.is_tc:
        blocks.append(Block("p", CONFIDENTIAL))
    return {
        "title": "QUYẾT ĐỊNH",
        "subject": subject,
        "decision": True,
        "blocks": blocks,
        "recipients": ["- Như Điều 3;", FILED],
    }


def _suspension(w: _Writer) -> dict:
    t, stage = w.track, w.facts.get("stage_label") or "giải quyết"
    law = f"Điều 34 {LAW_TC}" if w.is_tc else (DECREE_KN if w.report.track == Kind.KHIEU_NAI else CIRCULAR)
    return _procedural_decision(
        w,
        f"Về việc tạm đình chỉ việc giải quyết {t.matter}",
        f"Tạm đình chỉ việc {stage} {t.matter} nêu trên kể từ ngày {_dmy(w.issued_on)}.",
        "Lý do",
        f"Việc {stage} được tiếp tục khi lý do tạm đình chỉ không còn (theo {law}); thời gian tạm đình chỉ không "
        "tính vào thời hạn giải quyết.",
    )


def _termination(w: _Writer) -> dict:
    t = w.track
    if w.report.track == Kind.KHIEU_NAI:
        law = f"Điều 10 {LAW_KN} và {DECREE_KN}"
    else:
        law = f"Điều 34 {LAW_TC}" if w.is_tc else CIRCULAR
    return _procedural_decision(
        w,
        f"Về việc đình chỉ việc giải quyết {t.matter}",
        f"Đình chỉ việc giải quyết {t.matter} nêu trên kể từ ngày {_dmy(w.issued_on)}, theo {law}.",
        "Lý do",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    )


def _extension(w: _Writer) -> dict:
    t, stage = w.track, w.facts.get("stage_label") or "giải quyết"
    law = f"Điều 30 {LAW_TC}" if w.is_tc else t.laws
    return _procedural_decision(
        w,
        f"Về việc gia hạn giải quyết {t.matter}",
        f"Gia hạn thời hạn {stage} {t.matter} nêu trên đến hết ngày {_dmy(w.facts['due_on'])}, theo {law}.",
        "Lý do gia hạn",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    )


def _answer(w: _Writer) -> dict:
    blocks = [Block("p", w.received_named())]
    if w.facts.get("findings"):
        blocks.append(Block("p", f"Kết quả xem xét, xác minh: {_sentence(w.facts['findings'])}"))
    blocks += [
        Block("p", f"{w.issuer.name} trả lời như sau: {_sentence(w.facts['response'])}"),
        Block("p", f"{w.issuer.name} trả lời để {w.you} được biết."),
    ]
    return _letter(w, "", f"V/v trả lời {w.track.letter}", blocks)


def _complaint_decision(w: _Writer) -> dict:
    party = _decision_party(w) if w.report.track == Kind.KHIEU_NAI else "Người khiếu nại"
    if w.instance == "lần đầu":
        rights = (
            f"Điều 2. Trong thời hạn 30 ngày kể từ ngày nhận được Quyết định này, nếu không đồng ý, {party} có "
            "quyền khiếu nại lần hai đến người có thẩm quyền hoặc khởi kiện vụ án hành chính tại Tòa án theo "
            "quy định của Luật Tố tụng hành chính."
        )
    else:
        rights = (
            f"Điều 2. Quyết định này có hiệu lực pháp luật theo {LAW_KN}; nếu không đồng ý, {party} có quyền "
            "khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành chính."
        )
    blocks = [
        Block("basis", f"Căn cứ {LAW_KN};"),
        Block("basis", f"Căn cứ {DECREE_KN};"),
        Block("basis", f"Xét đơn khiếu nại có mã theo dõi {w.code} nhận ngày {w.received};"),
        Block("p", f"Kết quả xác minh nội dung khiếu nại: {_sentence(w.facts['findings'])}"),
        Block("p", f"Kết luận: {_sentence(w.facts['outcome'])}"),
        Block("heading", "QUYẾT ĐỊNH:"),
        Block("p", f"Điều 1. {_sentence(w.facts['response'])}"),
        Block("p", rights),
        w.decision_end(party),
    ]
    named = w.report.track == Kind.KHIEU_NAI and w.report.reporter_name
    of = f" của Ông (Bà) {w.report.reporter_name}" if named else ""
    return {
        "title": "QUYẾT ĐỊNH",
        "subject": f"Về việc giải quyết khiếu nại{of} ({w.instance})",
        "decision": True,
        "blocks": blocks,
        "recipients": ["- Như Điều 3;", FILED],
    }


def _conclusion(w: _Writer) -> dict:
    blocks = [
        Block("p", f"{w.received_anonymous()} {w.issuer.name} đã thụ lý, xác minh nội dung tố cáo theo {LAW_TC}."),
        Block("p", f"Kết quả xác minh: {_sentence(w.facts['findings'])}"),
        Block("p", f"Căn cứ Điều 35 {LAW_TC}, {w.issuer.head} kết luận: {_sentence(w.facts['outcome'])}"),
    ]
    if w.facts.get("response"):
        blocks.append(Block("p", f"Biện pháp xử lý, kiến nghị: {_sentence(w.facts['response'])}"))
    blocks.append(Block("p", CONFIDENTIAL))
    return {
        "title": "KẾT LUẬN",
        "subject": "Nội dung tố cáo",
        "blocks": blocks,
        "recipients": ["- Người tố cáo (thông báo kết quả);", "- Người bị tố cáo;", FILED],
    }


_WORDING = {
    DocumentKind.ACCEPTANCE: _acceptance,
    DocumentKind.REFUSAL: _refusal,
    DocumentKind.TRANSFER: _transfer,
    DocumentKind.GUIDANCE: _guidance,
    DocumentKind.RETURN: _return,
    DocumentKind.ARCHIVE: _archive,
    DocumentKind.WITHDRAWAL: _withdrawal,
    DocumentKind.SUSPENSION: _suspension,
    DocumentKind.TERMINATION: _termination,
    DocumentKind.EXTENSION: _extension,
    DocumentKind.ANSWER: _answer,
    DocumentKind.COMPLAINT_DECISION: _complaint_decision,
    DocumentKind.CONCLUSION: _conclusion,
}
