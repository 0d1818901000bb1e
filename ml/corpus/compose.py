"""Compose one labelled report from the tables (agencies, misconduct, places, styles)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from . import details, khac, styles, tell
from .agencies import AGENCIES, ESCALATION_SOURCES, INSPECTORATE_ESCALATION_AGENCY, AgencyInfo, Service
from .coverage import MENTION_PREFIX
from .misconduct import ESCALATE_NARR, MINOR, NARR, OTHER_DESKS, PRED
from .places import (
    NewUnit,
    new_units,
    old_districts,
    old_units,
    render_district,
    render_new,
    render_old,
    unit_by_code,
)

# Label shares among non-escalated reports (normalised below); escalations come on top.
AGENCY_WEIGHTS = {
    "xa": 0.34,
    "thanh-tra-tinh": 0.025,
    "cong-an-tinh": 0.085,
    "so-nong-nghiep-moi-truong": 0.085,
    "thue": 0.045,
    "bhxh": 0.045,
    "so-y-te": 0.045,
    "so-giao-duc-dao-tao": 0.045,
    "so-xay-dung": 0.05,
    "so-tai-chinh": 0.04,
    "so-noi-vu": 0.05,
    "so-tu-phap": 0.04,
    "so-cong-thuong": 0.04,
    "so-van-hoa-the-thao-du-lich": 0.045,
    "so-khoa-hoc-cong-nghe": 0.04,
    "so-dan-toc-ton-giao": 0.04,
}
CATEGORY_WEIGHTS = {
    "doi-tien": 0.14,
    "sach-nhieu": 0.13,
    "cham-tre": 0.14,
    "thai-do": 0.13,
    "sai-quy-trinh": 0.12,
    "ne-tranh": 0.11,
    "loi-dung": 0.10,
    "khac": 0.13,
}
ESCALATE_CATEGORY_WEIGHTS = {
    "doi-tien": 0.22,
    "sach-nhieu": 0.12,
    "cham-tre": 0.10,
    "thai-do": 0.14,
    "sai-quy-trinh": 0.06,
    "ne-tranh": 0.14,
    "loi-dung": 0.22,
}
ESCALATE_RATE = 0.135
STORY_RATE = 0.8  # reports told as a story (ml/corpus/tell.py) rather than from the predicate tables
FRAME_WEIGHTS = {"none": 0.5, "petition": 0.3, "news": 0.2}  # wrapping of a story (formal style: petition)
LOCATED_RATE = {"local": 0.82, "field": 0.8, "city": 0.45}


@dataclass
class Report:
    text: str
    agency: str
    ward_code: str | None
    category: str
    escalate: bool
    accused: dict | None  # {"agency": body whose head is accused, "ward_code": ...} when escalate
    style: str
    place_form: str
    place_role: str


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


# ---------------------------------------------------------------- places
CITY_WARDS = sorted({o.successor for o in old_units() if o.district == "Thanh Hóa" and o.district_kind == "thành phố"})


TOWNS = [o for o in old_units() if o.kind == "thị trấn"]


@dataclass
class Place:
    text: str | None  # how the text names it (None: not named)
    code: str | None
    form: str


def place_for(rng: random.Random, unit: NewUnit | None = None, wards_only: bool = False) -> Place:
    """Name a 2025 unit, half the time by a pre-2025 name that resolves to it."""
    if unit is None and rng.random() < 0.5:
        unit = rng.choice(new_units())
        return Place(render_new(rng, unit), unit.code, "new")
    if unit is not None:
        olds = [o for o in old_units() if o.successor == unit.code and (not wards_only or o.kind == "phường")]
        if not olds or rng.random() < 0.5:
            return Place(render_new(rng, unit), unit.code, "new")
        o = rng.choice(olds)
    else:
        pool = TOWNS if rng.random() < 0.18 else old_units()
        o = rng.choice(pool)
    with_district = (not o.name_unique) or rng.random() < 0.4
    form = {"xã": "old-commune", "phường": "old-ward", "thị trấn": "old-town"}[o.kind]
    return Place(render_old(rng, o, with_district), o.successor, form)


def null_place(rng: random.Random) -> Place:
    r = rng.random()
    if r < 0.45:
        return Place(None, None, "none")
    if r < 0.6:
        return Place(rng.choice(["tỉnh Thanh Hóa", "Thanh Hóa", "tỉnh Thanh", "xứ Thanh"]), None, "province-only")
    if r < 0.78:
        return Place(rng.choice(details.VILLAGES), None, "village-only")
    kind, name = rng.choice(old_districts())
    return Place(render_district(rng, kind, name), None, "old-district")


def commune_word(code: str | None) -> str:
    return unit_by_code(code).division if code else "xã"


# ---------------------------------------------------------------- people
def officer_for(rng, info: AgencyInfo, svc: Service) -> tuple[str, bool]:
    """An officer of the body who is not its head. Returns (phrase, is_unit_head)."""
    r = rng.random()
    if r < 0.13 and info.unit_heads:
        return rng.choice(info.unit_heads), True
    if svc.officers and (svc.scope != "city" or rng.random() < 0.7):
        pool = list(svc.officers)
    else:
        pool = list(info.officers)
    o = rng.choice(pool)
    if rng.random() < 0.3:
        n = details.officer_name(rng)
        o = rng.choice([f"{o} ({n.split()[-1]})", f"{n} {o}", f"{o} tên {n.split()[-1]}", f"{o}, {n}"])
    return o, False


def headword(src: str) -> str:
    if src.startswith("so-"):
        return "giám đốc sở"
    return {"bhxh": "giám đốc BHXH tỉnh", "cong-an-tinh": "lãnh đạo Công an tỉnh", "thue": "lãnh đạo Thuế tỉnh"}.get(
        src, "lãnh đạo"
    )


def head_for(rng, info: AgencyInfo, code: str | None) -> str:
    h = rng.choice(info.heads)
    if info.code == "xa":
        w = commune_word(code)
        if w == "phường":
            h = h.replace("xã", "phường")
    return h


# ---------------------------------------------------------------- sentences
FORMAL_OPEN = [
    "Kính gửi: Cơ quan có thẩm quyền. Tôi tên là {reporter}, {home_clause}xin trình bày sự việc như sau.",
    "Kính gửi các cơ quan chức năng tỉnh Thanh Hóa. Tôi là {reporter}, {home_clause}xin phản ánh một việc.",
    "Kính gửi Ban tiếp nhận phản ánh, kiến nghị. Tôi tên là {reporter}, {home_clause}tôi xin trình bày:",
    "Tôi tên là {reporter}, {home_clause}xin trình bày sự việc sau đây.",
    "Kính gửi: UBND tỉnh Thanh Hóa. Tôi là {reporter}, {home_clause}kính trình bày sự việc như sau:",
]
FORMAL_CLOSE = [
    "Kính đề nghị cơ quan có thẩm quyền xem xét, xử lý nghiêm. Tôi xin chân thành cảm ơn.",
    "Tôi xin cam đoan những nội dung trên là đúng sự thật và xin chịu trách nhiệm trước pháp luật.",
    "Kính mong các cơ quan chức năng kiểm tra, làm rõ và trả lời cho tôi.",
    "Đề nghị xác minh, xử lý và công khai kết quả. Trân trọng cảm ơn.",
]
PLAIN_CLOSE = [
    "Đề nghị xem xét.",
    "Mong được giải quyết sớm.",
    "Đề nghị làm rõ.",
    "Mong các cơ quan vào cuộc.",
    "Người dân rất bức xúc.",
    "Không biết phải làm sao nữa.",
    "Đề nghị chấn chỉnh.",
    "",
]
# A head mentioned but NOT accused (hard negatives for `escalate`).
HEAD_NOT_ACCUSED_XA = [
    "Tôi đã gửi đơn lên chủ tịch {w} nhưng {off} vẫn không làm.",
    "Chủ tịch UBND {w} đã chỉ đạo giải quyết nhưng {off} vẫn để đó.",
    "Kính đề nghị đồng chí Chủ tịch UBND {w} xem xét, xử lý cán bộ này.",
    "Mong ông chủ tịch {w} chấn chỉnh lại bộ phận này.",
    "Tôi có gặp phó chủ tịch {w}, ông ấy hứa sẽ nhắc nhở nhưng mọi việc vẫn như cũ.",
    "Nếu không được giải quyết tôi sẽ gửi đơn lên Chủ tịch UBND tỉnh.",
    "Trưởng thôn cũng đã xác nhận cho tôi rồi mà {off} vẫn không chịu làm.",
]
HEAD_NOT_ACCUSED_SO = [
    "Đề nghị {headword} chỉ đạo kiểm tra, xử lý.",
    "Tôi mong lãnh đạo {body} biết để chấn chỉnh.",
    "Tôi đã gửi thư cho lãnh đạo {body} và được trả lời sẽ kiểm tra, nhưng {off} vẫn vậy.",
    "Tôi biết ông giám đốc sở rất quyết liệt chuyện này nên mới mạnh dạn phản ánh.",
    "Mong Chủ tịch UBND tỉnh và lãnh đạo {body} quan tâm chỉ đạo.",
]
FOLLOW_UP = [
    "Ngày {date} tôi quay lại lần nữa, gặp {name} ở quầy, vẫn không được giải quyết gì.",
    "Tôi có ghi âm lại cuộc nói chuyện lúc {time} hôm đó, sẵn sàng cung cấp khi cơ quan chức năng cần.",
    "Chuyện này không chỉ xảy ra với tôi, mấy người cùng thôn cũng gặp y như vậy.",
    "Tôi đã chụp ảnh giấy hẹn và giữ lại toàn bộ giấy tờ liên quan.",
    "Hôm đó có nhiều người chứng kiến, trong đó có {name}, người cùng xóm với tôi.",
    "Tôi đã phản ánh qua đường dây nóng một lần nhưng chưa thấy ai liên hệ lại.",
    "Tôi không muốn làm to chuyện, chỉ mong được làm đúng quy định như mọi người.",
]
IMPACT = [
    "Tôi phải nghỉ làm {n} buổi chỉ vì việc này.",
    "Nhà tôi ở xa, mỗi lần đi lại mất cả buổi.",
    "Bố tôi đã già, đi lại rất vất vả.",
    "Vợ chồng tôi phải xin nghỉ việc để đi lo giấy tờ.",
    "Vì chậm nên tôi lỡ mất hạn nộp hồ sơ cho con đi học.",
    "Tôi đã tốn tiền xe đi lại {n} lần.",
]


def render_office(rng, info: AgencyInfo, svc: Service, scope: str, place: Place) -> tuple[str, bool]:
    """Office phrase for the service; returns (phrase, place_in_phrase)."""
    if scope == "local" and (svc.offices or info.local_offices):
        tmpl, generic = rng.choice(svc.offices or info.local_offices)
        if place.code is not None and place.text:
            return tmpl.format(p=place.text), True
        return generic, False
    if info.city_offices:
        return rng.choice(info.city_offices), False
    tmpl, generic = rng.choice(info.local_offices)
    return generic, False


_DATE_AFTER_HOM = re.compile(r"\b([Hh])ôm (ngày|đầu|giữa|cuối) ")
_SENTENCE_START = re.compile(r"(?<![A-ZĐ])([.!?:]\s+)([a-zà-ỹđ])")


def tidy(text: str) -> str:
    text = text.replace("..", ".").replace(" ,", ",").replace("  ", " ")
    text = _DATE_AFTER_HOM.sub(lambda m: cap(m.group(2)) + " " if m.group(1) == "H" else m.group(2) + " ", text)
    text = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return cap(text)


def fill(template: str, ctx: dict[str, str]) -> str:
    return template.format(**ctx)


def compose(rng: random.Random) -> Report:
    escalate = rng.random() < ESCALATE_RATE
    if escalate:
        src = pick(rng, ESCALATION_SOURCES)
        category = pick(rng, ESCALATE_CATEGORY_WEIGHTS)
        agency = INSPECTORATE_ESCALATION_AGENCY if src == "thanh-tra-tinh" else "thanh-tra-tinh"
    else:
        src = agency = pick(rng, AGENCY_WEIGHTS)
        category = pick(rng, CATEGORY_WEIGHTS)
    info = AGENCIES[src]
    svc = rng.choice(info.services)
    style = pick(rng, styles.STYLE_WEIGHTS)

    # --- where
    scope = svc.scope
    if escalate and src != "xa":
        scope = "city"
    located = rng.random() < LOCATED_RATE[scope if not (src == "xa") else "local"]
    role = "office"
    home: Place | None = None
    if src == "xa" or (scope == "local" and info.local_offices):
        place = place_for(rng) if located else null_place(rng)
        if located and rng.random() < 0.2 and src in ("xa", "cong-an-tinh"):
            role = "home-is-office"
        elif located and rng.random() < 0.2:
            role = "office-elsewhere-than-home"
            home = place_for(rng)
            if home.code == place.code:
                home = None
    elif scope == "field":
        place = place_for(rng) if located else null_place(rng)
        role = "field" if located else "none"
    else:  # city office
        if located:
            place = place_for(rng, unit_by_code(rng.choice(CITY_WARDS)), wards_only=True)
            role = "city-office"
        else:
            place = null_place(rng)
            if rng.random() < 0.3:
                home = place_for(rng)
                role = "home-only"
    if place.code is None and role not in ("home-only",):
        role = "none"

    # the body whose head is accused, as the text presents it (docs/taxonomy.md §2)
    accused = {"agency": src, "ward_code": place.code if src == "xa" else None} if escalate else None

    # --- who
    if escalate:
        off = head_for(rng, info, place.code)
        is_unit_head = False
    else:
        off, is_unit_head = officer_for(rng, info, svc)
    office, place_in_office = render_office(rng, info, svc, scope, place)
    if src == "xa" and escalate:
        office = "UBND " + (
            place.text if place.code and place.text and not place.text.startswith("UBND") else commune_word(place.code)
        )
        place_in_office = place.code is not None and bool(place.text)
    if role == "home-is-office":
        office = rng.choice(
            ["xã", "UBND xã", "xã mình", "công an xã"]
            if src == "cong-an-tinh"
            else ["xã", "UBND xã", "bộ phận một cửa của xã"]
        )
        if src == "cong-an-tinh":
            office = "công an " + commune_word(place.code)
        elif commune_word(place.code) == "phường":
            office = office.replace("xã", "phường")
        place_in_office = False

    ctx = details.slots(rng)
    ctx.update(
        off=off,
        doc=rng.choice(svc.docs),
        proc=rng.choice(svc.procs),
        office=office,
        other=rng.choice(OTHER_DESKS),
        w=commune_word(place.code),
    )
    if escalate:
        ctx["head"] = off
        ctx["off2"] = officer_for(rng, info, svc)[0]
    elif info.heads:
        ctx["passing_head"] = head_for(rng, info, place.code)  # named only: thanked, received, signed

    # --- sentences
    parts: list[str] = []
    where_sentence = ""
    if role == "home-is-office":
        where_sentence = rng.choice(
            [f"Nhà tôi ở {place.text}.", f"Tôi là người dân {place.text}.", f"Tôi ở {place.text}."]
        )
        ctx["office"] = "lên " + office if not office.startswith("công an") else "ra " + office
        where_sentence += " " + rng.choice(
            [f"Hôm {ctx['date']} tôi {ctx['office']} để {ctx['proc']}.", f"Tôi {ctx['office']} {ctx['proc']}."]
        )
        ctx["office"] = office
    elif role == "city-office":
        where_sentence = rng.choice(
            [
                f"Tôi đến {office} (trụ sở ở {place.text}) để {ctx['proc']}.",
                f"Tại {office}, {place.text}, tôi {ctx['proc']}.",
                f"Hôm {ctx['date']} tôi lên {office} ở {place.text} {ctx['proc']}.",
            ]
        )
    elif role == "field":
        v = rng.choice(details.VILLAGES)
        where_sentence = rng.choice(
            [
                f"Khi {ctx['proc']} ở {v}, {place.text}, ",
                f"Tại {place.text}, lúc {ctx['proc']}, ",
                f"Ở {v} ({place.text}), ",
            ]
        )
    else:
        if home is not None and role == "office-elsewhere-than-home":
            where_sentence = rng.choice(
                [
                    f"Tôi ở {home.text} nhưng {ctx['proc']} tại {office}.",
                    f"Nhà tôi ở {home.text}, tôi sang {office} để {ctx['proc']}.",
                    f"Tôi hộ khẩu {home.text}, làm việc ở {office}, nộp {ctx['doc']} ở đó.",
                ]
            )
        elif home is not None and role == "home-only":
            where_sentence = rng.choice(
                [
                    f"Tôi quê ở {home.text}, lên {office} để {ctx['proc']}.",
                    f"Nhà tôi ở {home.text}, đi {ctx['proc']} ở {office}.",
                ]
            )
        elif place.code is None and place.text:
            where_sentence = (
                rng.choice(
                    [f"Tôi là người dân {place.text}.", f"Nhà tôi ở {place.text}.", f"Việc xảy ra ở {place.text}."]
                )
                + " "
                + rng.choice([f"Tôi đến {office} để {ctx['proc']}.", f"Tôi {ctx['proc']} ở {office}."])
            )
        else:
            where_sentence = rng.choice(
                [
                    f"Tôi đến {office} để {ctx['proc']}.",
                    f"Hôm {ctx['date']} tôi lên {office} {ctx['proc']}.",
                    f"Tôi có {ctx['doc']} nộp tại {office} từ {ctx['date']}.",
                    f"Tôi {ctx['proc']} ở {office}.",
                ]
            )

    length = rng.choices(["short", "medium", "long", "very-long"], weights=[0.24, 0.40, 0.26, 0.10])[0]
    if style == "formal" and length == "short":
        length = "medium"

    if rng.random() < STORY_RATE:
        text = _story_text(
            rng,
            ctx,
            category,
            length,
            style,
            Scene(src, info, svc, escalate, place, home, role, off, office, place_in_office, where_sentence),
        )
        text = styles.apply_style(rng, text, style)
        return Report(text, agency, place.code, category, escalate, accused, style, place.form, role)

    preds = PRED[category]
    narrs = NARR[category]
    if escalate:  # the accused head must be the one the story blames
        narrs = [n for n in narrs if "{off}" in n]
    use_narr = not preds or rng.random() < (0.55 if length != "short" else 0.15)
    if category == "khac":
        core = fill(rng.choice(narrs), ctx)
        if "{off}" not in core and rng.random() < 0.5:
            pass
    elif escalate and category in ESCALATE_NARR and length != "short" and rng.random() < 0.35:
        core = fill(rng.choice(ESCALATE_NARR[category]), ctx)
    elif use_narr:
        core = fill(rng.choice(narrs), ctx)
    else:
        subj = off if rng.random() < 0.6 or office.lower()[:8] in off.lower() else f"{off} ở {office}"
        core = cap(subj) + " " + fill(rng.choice(preds), ctx) + "."

    # Another body named in passing; the accused officer's body stays the label.
    mention = ""
    if svc.mentions and rng.random() < (0.45 if length != "short" else 0.2):
        mention = fill(rng.choice(svc.mentions), ctx)
    if not escalate and category != "khac" and not mention and rng.random() < 0.12:
        opts = [t for t, not_for in MENTION_PREFIX if src not in not_for]
        pre = fill(rng.choice(opts), ctx)
        if core[:1].isupper() and core[1:2].islower():
            core = core[0].lower() + core[1:]
        core = cap(pre + core)

    if length == "short":
        loc = ""
        if place_in_office or role == "city-office":
            loc = rng.choice(["ở ", "tại ", ""]) + office + (f" ({place.text})" if role == "city-office" else "")
        elif place.code or (place.text and rng.random() < 0.5):
            loc = f"ở {place.text}"
        elif rng.random() < 0.5:
            loc = rng.choice(["ở ", "tại ", ""]) + office
        if not use_narr and category != "khac":
            core = cap(f"{off} {loc}".strip()) + " " + fill(rng.choice(preds), ctx) + "."
        elif loc:
            core = rng.choice([f"{cap(loc)}: {core}", f"{core.rstrip('.')} ({loc})."])
        if mention:
            parts.append(mention)
        parts.append(core)
    else:
        if style == "formal":
            home_clause = ""
            if rng.random() < 0.5:
                hp = home if home is not None else (place if role == "home-is-office" else None)
                if hp is None and rng.random() < 0.5:
                    hp = Place(rng.choice(details.VILLAGES), None, "")
                home_clause = f"trú tại {hp.text}, " if hp is not None and hp.text else ""
            parts.append(fill(rng.choice(FORMAL_OPEN), {"reporter": details.person(rng), "home_clause": home_clause}))
        if role == "field":
            parts.append(where_sentence + core[0].lower() + core[1:])
        else:
            parts.append(where_sentence)
            if mention and rng.random() < 0.6:
                parts.append(mention)
                mention = ""
            parts.append(core)
        if mention:
            parts.append(mention)
        if length == "very-long" and category != "khac":
            parts.append(fill(rng.choice(FOLLOW_UP), ctx))
            parts.append(fill(rng.choice([n for n in narrs if fill(n, ctx) != core] or narrs), ctx))
        if length in ("long", "very-long"):
            extra_cat = category if category != "khac" and preds else None
            if extra_cat and use_narr:
                parts.append(
                    cap(rng.choice(["Cụ thể, ", "Không những thế, ", "Hơn nữa, ", ""]) + fill(rng.choice(preds), ctx))
                    + "."
                )
            elif extra_cat:
                parts.append(fill(rng.choice(narrs), ctx))
            if (rng.random() < 0.6 or length == "very-long") and category != "khac":
                parts.append(fill(rng.choice(IMPACT), ctx))
            if length == "very-long" and category != "khac":
                parts.append(fill(rng.choice(FOLLOW_UP), ctx))
        if category != "khac" and rng.random() < 0.25:
            other = rng.choice([c for c in MINOR if c not in (category, "khac")])
            parts.append(rng.choice(MINOR[other]))
        if not escalate and category != "khac" and rng.random() < 0.18:
            if src == "xa":
                parts.append(fill(rng.choice(HEAD_NOT_ACCUSED_XA), {"w": commune_word(place.code), "off": off}))
            elif src != "thanh-tra-tinh":
                parts.append(
                    fill(rng.choice(HEAD_NOT_ACCUSED_SO), {"body": info.body[0], "off": off, "headword": headword(src)})
                )
        if category == "khac":
            if rng.random() < 0.6:
                parts.append(rng.choice(khac.CLOSE))
        elif style == "formal":
            parts.append(rng.choice(FORMAL_CLOSE))
        elif rng.random() < 0.5:
            parts.append(rng.choice(PLAIN_CLOSE))
    text = " ".join(p.strip() for p in parts if p.strip())
    text = tidy(text)
    text = styles.apply_style(rng, text, style)
    return Report(text, agency, place.code, category, escalate, accused, style, place.form, role)


def _residence(rng: random.Random, place: Place, home: Place | None, role: str) -> str | None:
    """Where a petition or a newspaper says the reporter lives, without changing the ward label."""
    if home is not None and home.text:
        return home.text
    if role in ("home-is-office", "office", "field") and place.code is not None and place.text:
        return place.text
    if rng.random() < 0.5:
        return rng.choice(details.VILLAGES) + rng.choice(["", ", tỉnh Thanh Hóa", ", Thanh Hóa"])
    return None


def _addressee(rng: random.Random, info: AgencyInfo, office: str) -> str:
    r = rng.random()
    if r < 0.35:
        return info.body[0]
    if r < 0.5:
        return cap(office)
    return rng.choice(
        ["UBND tỉnh Thanh Hóa", "Thanh tra tỉnh Thanh Hóa", "Các cơ quan có thẩm quyền", "Ban Tiếp công dân tỉnh"]
    )


@dataclass
class Scene:
    """Who, where and which office, as compose drew them."""

    src: str  # the body whose officer is accused (before escalation)
    info: AgencyInfo
    svc: Service
    escalate: bool
    place: Place
    home: Place | None
    role: str
    off: str
    office: str
    place_in_office: bool
    where: str


def _story_text(rng: random.Random, ctx: dict[str, str], category: str, length: str, style: str, sc: Scene) -> str:
    """The text of a report told as a story (tell.py), wrapped as a petition or a retelling or bare."""
    src, info, svc, escalate, place, role, off, office = (
        sc.src,
        sc.info,
        sc.svc,
        sc.escalate,
        sc.place,
        sc.role,
        sc.off,
        sc.office,
    )
    ctx["pr"] = tell.pronoun(rng, off)
    sents = tell.story(
        rng, category, ctx, length, src, has_where=length != "short" and bool(sc.where.strip()), officer_first=escalate
    )
    if escalate and category in ESCALATE_NARR and rng.random() < 0.3:
        sents.insert(min(1, len(sents)), fill(rng.choice(ESCALATE_NARR[category]), ctx))
    where = sc.where
    if length == "short":
        loc = ""
        if sc.place_in_office or role == "city-office":
            loc = rng.choice(["ở ", "tại ", ""]) + office + (f" ({place.text})" if role == "city-office" else "")
        elif place.code or (place.text and rng.random() < 0.5):
            loc = f"ở {place.text}"
        elif rng.random() < 0.5:
            loc = rng.choice(["ở ", "tại ", ""]) + office
        if loc:
            sents[0] = rng.choice([f"{cap(loc)}: {sents[0]}", f"{sents[0].rstrip('.')} ({loc})."])
        body = sents
    elif role == "field":
        body = [where + sents[0][0].lower() + sents[0][1:]] + sents[1:]
    else:
        body = [where] + sents
    if svc.mentions and rng.random() < (0.4 if length != "short" else 0.15):
        body.insert(rng.randint(1, len(body)), fill(rng.choice(svc.mentions), ctx))
    if length != "short" and not escalate and category != "khac" and rng.random() < 0.18:
        if src == "xa":
            body.append(fill(rng.choice(HEAD_NOT_ACCUSED_XA), {"w": commune_word(place.code), "off": off}))
        elif src != "thanh-tra-tinh":
            body.append(
                fill(rng.choice(HEAD_NOT_ACCUSED_SO), {"body": info.body[0], "off": off, "headword": headword(src)})
            )
    body = [b.strip() for b in body if b.strip()]
    frame = "petition" if style == "formal" and length != "short" else pick(rng, FRAME_WEIGHTS)
    if length == "short":
        frame = "none"
    home = _residence(rng, place, sc.home, role)
    if frame == "petition":
        stated = category != "khac" and rng.random() < 0.5
        text = tell.petition(rng, body, category, ctx, _addressee(rng, info, office), home, stated)
    elif frame == "news":
        text = tell.news(rng, body, home)
    else:
        text = " ".join(body)
    return tidy(text)
