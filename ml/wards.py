"""Where did it happen? The 2025 commune/ward of a report, found in its text.

`find_place(text)` returns the `Place` where the reported matter happened: the 2025
unit (`ward_code`, official name), the words of the text that named it (`text`,
`start`, `end`), how they were read (`via`) and what the place is to the story
(`role`); None when the text does not locate the matter. `extract_ward(text)` gives
the same answer as a `WardMatch` (what the classifier stores), `ward_candidates(text)`
every place named, best first.

The place rule (docs/taxonomy.md, `ward_code`): the place is the office where the
matter happened, or the spot officers came out to (a field survey, a check in the
village); the reporter's home does not count by itself, only when the text shows
that the office is the home commune's own ("lên xã", "cán bộ xã"), that officers
came there, or that the matter itself is there and no body elsewhere is named. A
text that names no place, or only weak evidence of one, gives None.

How a text is read:

* Names. The text is normalised (`ml.normalize.views`: lower case, texting forms
  such as "p.", "tp", "tt Ngọc Lặc" expanded) and names are looked up, on the
  diacritic-free words, in the alias index of `ml.gazetteer`: 2025 names, pre-2025
  communes, wards, towns and districts (each mapped to its 2025 successor, from the
  packages' conversion data), the old cities' initials ("tp th"). When the text has
  diacritics, the accented name breaks ties ("Hoa Lộc" / "Hòa Lộc").
* A name counts after a division word ("xã"/"x", "phường"/"p"/"phg"/"f", "thị
  trấn"/"tt", "huyện"/"h", "thị xã"/"tx", "thành phố"/"tp"), which also says which
  kind of unit it is; a capitalised name with one typo after it still resolves when
  a single unit is one edit away ("phường Hàm Rồbg"). Without a division word, a 2025
  name counts right after an office it ends the name of, or after such an office and
  "ở"/"tại", in any case ("chi nhánh đăng ký đất đai Ngọc Lặc", "bhxh cơ sở thọ
  xuân", "văn phòng công chứng ở thọ xuân"); an old district's name there stands
  for its seat ("công an huyện Quảng Xương"). Otherwise only a 2025 name written in
  Title Case right after a word of place ("ở", "tại", "về", "lên", "xuống", "trên
  địa bàn"...): "ở Ngọc Lặc" counts, "anh Ngọc Lặc", "Trường THPT Lam Sơn", "biển
  Sầm Sơn" do not, nor a full name after a surname. A surname, "văn"/"thị" and a
  given name after a division word are a person ("chủ tịch xã Hoàng Văn Sơn").
  Names after "thôn", "bản", "xóm", "đường", "phố", "tỉnh"... are villages, streets
  or the province. A name followed by another province ("xã A, tỉnh Nghệ An") is not
  in Thanh Hóa.
* Old and new names. "xã A cũ" or "xã A, huyện B" (B an old district holding an old
  commune A) selects the pre-2025 commune; otherwise a 2025 name wins. An old
  district named anywhere in the text disambiguates old communes of the same name.
* Old districts. A district, city or thị xã alone spans several 2025 units and does
  not locate ("huyện Quảng Xương", "TP Thanh Hóa" -> None). Its seat does: "thị
  trấn huyện X", "trung tâm huyện X (cũ)", "huyện lỵ X", or "thị trấn huyện cũ" /
  "thị trấn ngày trước" when the text names exactly one old district. The seat is the
  district's thị trấn and its 2025 successor (`ml.gazetteer.district_seat`); a city,
  which has no thị trấn, has no seat.
* Roles. Each place gets a role from the words before it in its sentence: "office"
  ("UBND", "công an", "một cửa", "chi nhánh", "lên", "tại"...), "home" ("tôi ở",
  "nhà tôi", "trú tại", "thường trú", "quê"...), "passing" ("từ", "giáp", "gần",
  "như"...) or "neutral". Scores: the kind of match (a division word and a 2025 name
  score highest) plus office +0.3, home -0.4, passing -0.3; the best place wins,
  the earlier one on a tie.
* A home alone. When the only place is the reporter's home, it is kept if officers
  came out there ("xuống bản", "về thôn", "đến tận nhà"), if the reporter went to the
  commune's own office or its officers acted ("lên xã", "cán bộ xã bắt..."), or if no
  body elsewhere is named (the matter is local: a road, a bar in the neighbourhood).
  It is not kept when a provincial body or "sở" is named and the commune's office
  only appears as having done its part ("UBND xã đã xác nhận"): "trú tại xã A ...
  cán bộ Sở Y tế ..." is not located. A provincial service counts as a provincial body
  (passports, lý lịch tư pháp, VNeID).

Cost: a few dictionary look-ups per division word and per Title-Case run, on views
the classifier computes anyway; the span of the original text is computed only by
`find_place`.

Measure: `python -m ml.wards FILE.jsonl ...` prints ward accuracy on the rows with a
`ward_code` and the share of the others given a ward, for texts with and without
diacritics (`evaluate`).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache

from ml.gazetteer import Alias, alias_index, district_seat, old_district_of_unit, other_provinces, wards_2025
from ml.normalize import normalize, strip_diacritics, views

__all__ = ["Place", "WardMatch", "evaluate", "extract_ward", "find_place", "ward_candidates"]


@dataclass(frozen=True)
class WardMatch:
    code: str  # 2025 code, e.g. "15061"
    name: str  # official 2025 name, "Xã Ngọc Lặc"
    matched: str  # surface text (normalised), "thị trấn ngọc lặc"
    via: str  # "new-name" | "old-commune" | "old-ward" | "old-town" | "old-district" | "district-seat" | "bare-name"
    score: float
    role: str = "neutral"  # "office" | "home" | "passing" | "neutral"


@dataclass(frozen=True)
class Place:
    """The place a report locates, with the words of the text that named it."""

    ward_code: str  # 2025 code, "16522"
    name: str  # official 2025 name, "Phường Quảng Phú"
    text: str  # the words of the text (NFC) that named it, "p. Quảng Phú"
    start: int  # offsets of those words in the NFC form of the text
    end: int
    via: str  # how they were read, as `WardMatch.via`
    role: str  # what the place is to the story, as `WardMatch.role`
    score: float


# --------------------------------------------------------------------------- words

# cue words (unaccented); "thị trấn", "thị xã", "thành phố" end in "tran", "xa", "pho";
# "huyện lỵ" in "ly"
_CUE_WORDS = frozenset(
    "xa phuong tran tt huyen tx tp pho thon ban xom lang duong tinh kp tdp khu ngo cum p x h f ly".split()
)
# kinds an alias may have after each cue, with the score of the match
_CUE_KINDS = {
    "xa": {"new": 1.0, "old-commune": 1.0, "old-ward": 0.8},
    "phuong": {"new": 1.0, "old-ward": 1.0, "old-commune": 0.8},
    "tt": {"old-town": 1.0, "new": 0.8},
    "huyen": {"old-district": 0.6, "new": 0.5},
    "tx": {"old-district": 0.6, "new": 0.5, "old-city-initials": 0.6},
    "tp": {"old-district": 0.6, "new": 0.5, "old-city-initials": 0.6},
    "seat": {"old-district": 0.9},
    "office": {"new": 0.8},  # a name ending an office's name
    None: {"new": 0.7},  # bare Title-Case name after a word of place
}
_DISTRICT_CUES = ("huyen", "tx", "tp")
_DOTTED_CUES = frozenset({"p.", "x.", "h.", "f.", "tt.", "tp.", "tx."})


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {
    c: {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
    | {other[j] for other in _KEYBOARD_ROWS if other != row for j in (i - 1, i, i + 1) if 0 <= j < len(other)}
    for row in _KEYBOARD_ROWS
    for i, c in enumerate(row)
}


def _typos(word: str) -> set[str]:
    """Misspellings of an accented division word at one keystroke: a letter dropped,
    doubled, swapped with the next or replaced by a key next to it ("phườg", "xxã",
    "hpường", "pbường", "tthị"), keeping a mark of the word (so no plain word is one)."""
    out = set()
    for i, c in enumerate(word):
        out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + c + word[i:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + c + word[i + 2 :])
        out.update(word[:i] + n + word[i + 1 :] for n in _NEIGHBOURS.get(c, ()))
    return {t for t in out if t and t != word and t != strip_diacritics(t)}


# accented misspelling -> the plain cue word it stands for; only a name after it makes it a cue
_TYPO_CUES = {
    t: plain for word, plain in (("xã", "xa"), ("phường", "phuong"), ("huyện", "huyen")) for t in _typos(word)
}
_TYPO_CUES.update({t: "thi" for t in _typos("thị")})
_TYPO_CUES.update({"thịtrấn": "tt", "thịxã": "tx"})
_VIA = {
    "new": "new-name",
    "old-commune": "old-commune",
    "old-ward": "old-ward",
    "old-town": "old-town",
    "old-district": "old-district",
    "old-city-initials": "old-district",
}
_DIVISION_OF_CUE = {
    "xa": "xã",
    "phuong": "phường",
    "tt": "thị trấn",
    "huyen": "huyện",
    "tx": "thị xã",
    "tp": "thành phố",
}
_SIMPLE_CUES = {
    "phuong": "phuong",
    "tt": "tt",
    "huyen": "huyen",
    "tx": "tx",
    "tp": "tp",
    "p": "phuong",
    "f": "phuong",  # texting "F." for "ph"
    "x": "xa",
    "h": "huyen",
}
_ROLE_BONUS = {"office": 0.3, "home": -0.4, "passing": -0.3, "neutral": 0.0}

# context words, on the unaccented text, in the few words before a mention
_HOME_RE = re.compile(
    r"\b(?:toi|chung toi|minh|em|gia dinh|ho gia dinh|ban|thon|xom|lang) (?:dang |hien |van )?"
    r"(?:o|song o|song tai|thuoc)\b"
    r"|\bnha (?:toi|minh|em|chung toi)\b|\bque\b|(?<!ky )(?<!bao )\b(?:thuong|tam) tru\b|\bcu tru\b"
    r"|\bsinh song\b|\btru tai\b|\btru o\b|\bngu (?:o|tai)\b|\bcho o hien nay\b|\bho khau\b|\bdia chi\b|\bnguoi dan\b"
    r"|\bla nguoi\b|\bnoi o\b|(?:\b(?:toi|minh|em|chung toi|gia dinh)|,) nha (?:dang )?(?:o|tai)\b"
)
_PLOT_RE = re.compile(
    r"\b(?:thua dat|manh dat|lo dat|khu dat|thua ruong|dat ruong|dat vuon|dat nong nghiep|dat rung)"
    r"(?: (?:cua )?(?:toi|nha toi|gia dinh toi|chung toi|minh|em|bo toi|me toi))? (?:o|tai|thuoc)$"
)
_OFFICE_RE = re.compile(
    r"\b(?:uy ban|ubnd|cong an|can bo|mot cua|chi nhanh|van phong|tru so|dia chinh|chu tich"
    r"|len|ra|den|tai|xuong|nop|kiem tra|cho|tram|trung tam|benh vien|truong|doan|sang"
    r"|hop|hoi truong|giai quyet|phu trach|kinh gui|gui)\b"
)
_HONORIFICS = frozenset("ông bà anh chị cô chú bác em cụ cháu".split())
_STRONG_OFFICE_RE = re.compile(r"\b(?:uy ban(?: nhan dan)?|ubnd|cong an|mot cua|chi nhanh|tru so|hoi truong|kinh gui)$")
# an office whose name ends with the place it serves: "chi nhánh đăng ký đất đai Ngọc Lặc",
# "BHXH cơ sở Thọ Xuân", "công an huyện Quảng Xương"; the place follows the match
_OFFICE_HEAD_RE = re.compile(
    r"\b(?:(?:chi nhanh |van phong |vp )*dang ky dat dai|chi nhanh|bao hiem xa hoi|bhxh|trung tam y te|ttyt"
    r"|benh vien(?: da khoa)?|chi cuc thue|thue co so|doi thue|cong an|kho bac|dien luc|toa an(?: nhan dan)?"
    r"|vien kiem sat(?: nhan dan)?|hat kiem lam|phong giao duc(?: va dao tao)?|uy ban nhan dan|ubnd"
    r"|(?:van phong |phong )?cong chung|tram y te|chi cuc \w+(?: \w+)?)"
    r"(?: co so| khu vuc)?(?: o| tai)? $"
)
# before a bare "xã"/"phường": the reporter went to the commune's office, or its officers acted
_TO_THE_OFFICE = frozenset("len ra den toi ve xuong sang o tai nop bo an ban dan chuc tich chinh phap cua".split())
# after it: the office only did its part earlier ("UBND xã đã xác nhận", "xã đồng ý")
_DONE_BY_THE_OFFICE = frozenset("da dong xac cap gui cho lam chuyen".split())
_PASSING_RE = re.compile(r"\b(?:tu|giap|gan|canh|nhu|so voi|khac voi|chuyen tu|quay ve)$")
# a provincial body named in the text (diacritic-free view)
_PROVINCIAL_RE = re.compile(
    r"\bso (?:cong thuong|noi vu|tu phap|y te|giao duc|tai chinh|xay dung|nong nghiep|van hoa"
    r"|khoa hoc|dan toc|vhttdl|gd|gddt|nn|nnmt|xd|tc|tn|tnmt|ldtbxh|ttt?t|kh)"
    r"|\bcong an tinh\b|\bbao hiem xa hoi\b|\bbhxh\b|\bthue tinh\b|\bcuc thue\b|\bchi cuc\b"
    r"|\bbenh vien\b|\bkho bac\b|\bvan phong dang ky\b|\bchi nhanh\b|\bcong chung\b"
    r"|\bngan hang\b|\bdien luc\b|\bcanh sat\b|\bthanh tra tinh\b|\bubnd tinh\b"
    r"|\buy ban nhan dan tinh\b|\bphong giao duc\b|\bdang kiem\b"
    r"|\bly lich tu phap\b|\bvneid\b|\bho chieu\b|\bxuat nhap canh\b"
    r"|\b(?:can bo|cb|nhan vien|chuyen vien|co quan|ben) thue\b|\bhoan thue\b|\bquyet toan thue\b"
    r"|\btruong (?:thpt|thcs|tieu hoc|mam non|mau giao|dai hoc|cao dang|trung cap|pho thong|chuyen|dan toc)\b"
)
# a provincial department with no name: "nộp lên sở", "chuyên viên của sở"
_A_SO_RE = re.compile(r"\b(?:lên|nộp|gửi|của|ở|tại|về|sang|viên|bộ) sở\b|\b(?:len|nop|gui) so\b")
# officers came out to the place: a home named alone is where the matter is
_FIELD_RE = re.compile(
    r"\b(?:xuong|ve|den|toi|vao) (?:tan )?(?:tan noi|kiem tra|do dac|do dat|xac minh|kiem dem|lap bien ban"
    r"|nha(?! qua buu dien)(?! (?:o|tai) (?:xa|phuong|thi tran)\b)"  # not "tôi nhà ở xã A" (tôi/tới)
    r"|hien truong|co so|cua hang|quan|thon|xom|lang|dia phuong|khu dat|thua dat"
    r"|ruong|nuong|rung)\b"
    r"|\b(?:xuong|vao|ve) (?:tan )?ban\b|\bxuong tan noi\b|\btai (?:hien truong|thua dat|ruong)\b"
)
# the words of place that let a bare Title-Case name count ("ở Ngọc Lặc")
_PLACE_WORDS = frozenset("o tai ve len xuong den vao ra qua sang tren duoi thuoc".split())
_PLACE_PAIRS = frozenset({("dia", "ban"), ("khu", "vuc"), ("nay", "la"), ("nay", "thuoc"), ("tai", "khu")})
# "thị trấn cũ", "thị trấn ngày trước": the seat of the district named elsewhere
_SEAT_AFTER_TOWN = (["cu"], ["ngay", "truoc"], ["truoc", "day"], ["ngay", "xua"], ["xua"], ["huyen"], ["cua", "huyen"])
_SEAT_BEFORE = (
    ["thi", "tran"],
    ["trung", "tam"],
    ["thi", "tran", "cua"],
    ["trung", "tam", "cua"],
    ["tt"],
    ["tt", "cua"],
)
# the central cities, written without "tỉnh": "TP Hồ Chí Minh", "Hà Nội"
_OTHER_CITY_WORDS = frozenset({("ha", "noi"), ("ho", "chi", "minh"), ("sai", "gon"), ("hcm",), ("hn",)})
_FOREIGN_TRIGGERS = frozenset({"tinh", "pho", "tp"} | {k[0] for k in _OTHER_CITY_WORDS})
_OPENING_RE = re.compile(r"[(\[{“‘\"']")
_PUNCT_END = ".,;:!?)]}\"'”’…("
_SENTENCE_PUNCT = ".;:!?"
# a Title-Case run of at least two words in the original text: a possible bare name
_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
_TITLE_RUN_RE = re.compile(rf"[{_UPPER}](?<!\w.)\w*(?:[ \t]+[{_UPPER}]\w*)+")
# bare names that are too common to count without a division word
_BARE_STOP = {("thanh", "hoa"), ("viet", "nam"), ("ha", "noi")}
# common surnames: a Title-Case run of three words or more starting with one is a
# person's name, not a place ("Vũ Minh Sơn", "Cầm Văn Toàn")
_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh mai trinh"
    " cam lo quach luong lam kieu tong thai doan vuong cao chu luu ta khuc".split()
)


_SURNAMES_ACCENTED = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh mai trịnh cầm lò quách lương"
    " lâm kiều tống thái đoàn vương cao chu lưu tạ khúc hà nguyen tran le pham hoang huynh vu vo dang bui do"
    " ho ngo duong ly dinh trinh cam lo quach luong lam kieu tong thai doan vuong luu ta khuc".split()
)


def _person_name(nwords: list[str], start: int, end: int, original: str) -> bool:
    """A surname, "văn"/"thị" and a capitalised given name: a person, whatever unit the first words name."""
    if end - start != 2 or end >= len(nwords) or nwords[start] not in _SURNAMES_ACCENTED:
        return False
    middle, given = nwords[start + 1], nwords[end].rstrip(_PUNCT_END)
    return middle in ("văn", "thị", "van", "thi") and bool(given) and given[:1].upper() + given[1:] in original


@dataclass
class _Mention:
    start: int  # index of the first word of the name
    end: int  # index after its last word
    cue: str | None
    cue_start: int  # index of the first word of the cue
    aliases: tuple[Alias, ...]
    surface: str
    accented_name: str | None  # the name as written, when the text has diacritics
    old_marker: bool = False  # "cũ" right after
    context_district: str | None = None  # an old district right after ("xã A, huyện B")
    consumed: bool = False  # this district mention is the context of a commune mention
    name_key: tuple[str, ...] = ()  # the unaccented words searched for in the original text


@cache
def _unit_names() -> dict[str, str]:
    return {u.code: u.name for u in wards_2025()}


def _cue_kind(words: list[str], k: int) -> str | None:
    """Kind of the cue ending at word k: a division, "block", or None (no cue)."""
    w = words[k]
    prev = words[k - 1] if k else ""
    if w == "xa":
        return "tx" if prev == "thi" else (None if prev == "tac" else "xa")
    if w == "tran":
        return "tt" if prev == "thi" else None
    if w == "pho":
        return "tp" if prev == "thanh" else "block"
    if w == "ly":
        return "huyen" if prev == "huyen" else None  # "huyện lỵ X": the seat, see _find_mentions
    return _SIMPLE_CUES.get(w, "block")


def _name_words(words: list[str], i: int) -> list[str]:
    """Up to three words from i, stopping after one that carries punctuation."""
    out = []
    for w in words[i : i + 3]:
        core = w.rstrip(_PUNCT_END)
        if core:
            out.append(core)
        if core != w or not core:
            break
    return out


def _words_after(words: list[str], i: int, n: int = 2) -> list[str]:
    """The next n words after i within the clause, skipping blanks left by brackets: "(cũ)" -> ["cu"]."""
    while i < len(words) and not words[i]:
        i += 1
    out = []
    for w in words[i : i + n]:
        core = w.rstrip(_PUNCT_END)
        if core:
            out.append(core)
        if core != w or not core:
            break
    return out


def _ends_clause(word: str) -> bool:
    return bool(word) and word[-1] in _PUNCT_END


def _foreign(words: list[str], end: int) -> bool:
    """Another province follows the name in its sentence: "xã A, huyện B, tỉnh Nghệ An"."""
    window = words[end : end + 10]
    if _FOREIGN_TRIGGERS.isdisjoint(w.rstrip(_PUNCT_END) for w in window):
        return False
    provinces = other_provinces()
    tail: list[str] = []
    for w in window:
        core = w.rstrip(_PUNCT_END)
        if core:
            tail.append(core)
        if w and w[-1] in _SENTENCE_PUNCT:
            break
    for i, w in enumerate(tail):
        if w == "tinh" or (w == "pho" and i and tail[i - 1] == "thanh") or w == "tp":
            for n in (5, 4, 3, 2, 1):
                if tuple(tail[i + 1 : i + 1 + n]) in provinces:
                    return True
        for n in (3, 2, 1):
            if tuple(tail[i : i + n]) in _OTHER_CITY_WORDS:
                return True
    return False


def _seat_before(words: list[str], k: int) -> int | None:
    """Start of "thị trấn" / "trung tâm" (+ "của") right before word k, the seat of the district at k."""
    for before in _SEAT_BEFORE:
        n = len(before)
        if k >= n and words[k - n : k] == before:
            return k - n
    return None


def _find_mentions(nwords: list[str], words: list[str], original: str) -> tuple[list[_Mention], tuple[int, int]]:
    index = alias_index()
    mentions: list[_Mention] = []
    bare_office = 0  # "lên xã", "cán bộ xã": the commune's own office, no name
    office_visits = 0  # of which the reporter went there or its officers acted ("lên xã", "cán bộ xã bắt")
    covered: set[int] = set()
    cue_words = _CUE_WORDS
    typos = set()
    if not _TYPO_CUES.keys().isdisjoint(nwords):
        for i, nw in enumerate(nwords):
            if nw in _TYPO_CUES:  # "phườg Hàm Rồng", "tthị trấn Vân Du"
                words[i] = _TYPO_CUES[nw]
                typos.add(i)
    for k in [i for i, w in enumerate(words) if w in cue_words or w in _DOTTED_CUES]:
        if words[k] in _DOTTED_CUES:  # "F. Hàm Rồng", "x. Quảng Yên" left dotted by the normaliser
            words[k] = words[k][:-1]
        cue = _cue_kind(words, k)
        if cue is None:
            continue
        name = _name_words(words, k + 1)
        found = None
        for length in range(len(name), 0, -1):
            aliases = index.get(tuple(name[:length]))
            if aliases:
                found = (length, aliases)
                break
        cue_start = k - 1 if words[k] in ("xa", "tran", "pho", "ly") and cue != "xa" else k
        if cue_start < k and not words[cue_start]:
            cue_start = k
        if found is None and cue != "block" and k not in typos and name and name[0] not in ("hoi", "doi"):
            first = nwords[k + 1]
            if first[:1].upper() + first[1:] in original and first not in _SURNAMES_ACCENTED:
                found = _misspelt_name(name)  # a capitalised name with a typo: "phường Hàm Rồbg"
        if found is None:
            after = _words_after(words, k + 1)
            if cue == "tt" and any(after[: len(p)] == p for p in _SEAT_AFTER_TOWN[:5]):
                # "thị trấn cũ", "thị trấn ngày trước": the seat of the district named elsewhere
                mentions.append(
                    _Mention(k + 1, k + 1, "seat", cue_start, (), " ".join(nwords[cue_start : k + 1]), None)
                )
            elif cue == "huyen" and (seat := _seat_before(words, cue_start)) is not None:
                # "thị trấn huyện", "trung tâm huyện" with no name: the district named elsewhere
                key_end = k + 1
                mentions.append(
                    _Mention(
                        key_end, key_end, "seat", seat, (), " ".join(nwords[seat:key_end]).rstrip(_PUNCT_END), None
                    )
                )
            elif cue in ("xa", "phuong") and k not in typos and (not name or name[0] not in ("hoi", "doi")):
                bare_office += 1
                if words[k - 1] in _TO_THE_OFFICE and (not name or name[0] not in _DONE_BY_THE_OFFICE):
                    office_visits += 1
            continue
        length, aliases = found
        start, end = k + 1, k + 1 + length
        if _person_name(nwords, start, end, original):
            continue  # "chủ tịch xã Hoàng Văn Sơn": a person, not "xã Hoàng Văn"
        if cue == "block":
            covered.update(range(start, end))
            continue
        if cue == "huyen" or cue in ("tx", "tp"):
            seat = _seat_before(words, cue_start)
            if seat is None and (
                words[k] == "ly" or _OFFICE_HEAD_RE.search(" ".join(words[max(0, cue_start - 6) : cue_start]) + " ")
            ):
                seat = cue_start  # "huyện lỵ X"; "công an huyện X": the district's offices were at its seat
            if seat is not None and any(a.kind == "old-district" for a in aliases):
                cue, cue_start = "seat", seat
            elif any(a.kind == "old-district" for a in aliases) and _seat_after(words, end):
                cue = "seat"
        kinds = _CUE_KINDS[cue]
        aliases = tuple(a for a in aliases if a.kind in kinds)
        if not aliases or _foreign(words, end):
            covered.update(range(start, end))
            continue
        accented = " ".join(nwords[start:end]).rstrip(_PUNCT_END)
        mentions.append(
            _Mention(
                start=start,
                end=end,
                cue=cue,
                cue_start=cue_start,
                aliases=aliases,
                surface=" ".join(nwords[cue_start:end]).rstrip(_PUNCT_END),
                accented_name=accented if accented != " ".join(name[:length]) else None,
                name_key=tuple(name[:length]),
            )
        )
        covered.update(range(start, end))

    mentions.extend(_office_name_mentions(nwords, words, covered))
    if not original.islower():
        mentions.extend(_bare_mentions(nwords, words, original, covered))
    for m in mentions:
        after = _words_after(words, m.end) if m.end and not _ends_clause(words[m.end - 1]) else []
        m.old_marker = after[:1] == ["cu"] or after == ["truoc", "day"]
    mentions.sort(key=lambda m: m.start)
    return mentions, (bare_office, office_visits)


@cache
def _deletions_index() -> dict[str, frozenset[tuple[str, ...]]]:
    """Names of two syllables or more, written without spaces, and each with one letter deleted -> their keys."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for key in alias_index():
        joined = "".join(key)
        if len(key) > 1 and len(joined) >= _MIN_FUZZY:
            for v in _deletions(joined):
                out.setdefault(v, set()).add(key)
    return {k: frozenset(v) for k, v in out.items()}


_MIN_FUZZY = 6  # shorter names are too close to ordinary words to be matched with a typo


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter inserted, deleted, replaced or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _misspelt_name(name: list[str]) -> tuple[int, tuple[Alias, ...]] | None:
    """A name after a division word with one typo ("ham orng" -> "hàm rồng"): the unit, when only one fits."""
    index = _deletions_index()
    for length in (3, 2):
        if len(name) < length:
            continue
        query = "".join(name[:length])
        if len(query) < _MIN_FUZZY:
            continue
        keys = {
            key
            for v in _deletions(query)
            for key in index.get(v, ())
            if key[0][0] == query[0] and _one_edit("".join(key), query)
        }
        aliases = tuple(a for key in keys for a in alias_index()[key])
        if len({a.code for a in aliases}) == 1:
            return length, aliases
    return None


def _seat_after(words: list[str], end: int) -> bool:
    """ "huyện X cũ (chỗ thị trấn ngày trước)": the seat is meant."""
    tail: list[str] = []
    for w in words[end : end + 6]:
        core = w.rstrip(_PUNCT_END)
        if core:
            tail.append(core)
        if w and w[-1] in _SENTENCE_PUNCT:
            break
    while tail and tail[0] == "cu":
        tail.pop(0)
    if tail[:1] and tail[0] in ("cho", "khu", "tuc", "la", "o"):
        tail.pop(0)
    return tail[:2] == ["thi", "tran"] and (len(tail) == 2 or tail[2] in ("cu", "ngay", "truoc", "xua", "huyen"))


@cache
def _first_syllables() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """First syllables and first two syllables of the names of two syllables or more."""
    keys = [k for k in alias_index() if len(k) > 1]
    return frozenset(k[0] for k in keys), frozenset(k[:2] for k in keys)


def _office_name_mentions(nwords: list[str], words: list[str], covered: set[int]) -> list[_Mention]:
    """A 2025 name, or an old district's, right after an office it names ("chi nhánh đăng ký đất đai
    Ngọc Lặc", "bhxh cơ sở Thọ Xuân"), in any case: the office is there (a district's, at its seat)."""
    index = alias_index()
    firsts, pairs = _first_syllables()
    out: list[_Mention] = []
    for j in range(1, len(words) - 1):
        if words[j] not in firsts or (words[j], words[j + 1].rstrip(_PUNCT_END)) not in pairs or j in covered:
            continue
        name = _name_words(words, j)
        for length in (3, 2):
            key = tuple(name[:length])
            if len(key) < length or key in _BARE_STOP or covered.intersection(range(j, j + length)):
                continue
            aliases = index.get(key, ())
            new = tuple(a for a in aliases if a.kind == "new")
            districts = tuple(a for a in aliases if a.kind == "old-district")
            if not (new or districts):
                continue
            if not _OFFICE_HEAD_RE.search(" ".join(words[max(0, j - 7) : j]) + " ") or _foreign(words, j + length):
                break
            accented = " ".join(nwords[j : j + length]).rstrip(_PUNCT_END)
            out.append(
                _Mention(
                    start=j,
                    end=j + length,
                    cue="office" if new else "seat",
                    cue_start=j,
                    aliases=new or districts,
                    surface=accented,
                    accented_name=accented if accented != " ".join(key) else None,
                    name_key=key,
                )
            )
            covered.update(range(j, j + length))
            break
    return out


def _bare_mentions(nwords: list[str], words: list[str], original: str, covered: set[int]) -> list[_Mention]:
    """2025 names written in Title Case right after a word of place ("ở Ngọc Lặc"), with no division word."""
    index = alias_index()
    out: list[_Mention] = []
    for run in _TITLE_RUN_RE.findall(original):
        rw = strip_diacritics(normalize(run)).split()
        if len(rw) > 2 and rw[0] in _SURNAMES:
            continue  # a person's full name ("Tôi là Phạm Ngọc Liên"), not a place
        for length in (3, 2):
            for i in range(len(rw) - length + 1):
                key = tuple(rw[i : i + length])
                if key in _BARE_STOP:
                    continue
                aliases = tuple(a for a in index.get(key, ()) if a.kind == "new")
                if not aliases:
                    continue
                for j in range(1, len(words) - length + 1):
                    if (
                        words[j] == key[0]
                        and tuple(_name_words(words, j)[:length]) == key
                        and not covered.intersection(range(j, j + length))
                        and (words[j - 1] in _PLACE_WORDS or tuple(words[max(0, j - 2) : j]) in _PLACE_PAIRS)
                    ):
                        break
                else:
                    continue
                if _foreign(words, j + length):
                    continue
                accented = " ".join(nwords[j : j + length]).rstrip(_PUNCT_END)
                out.append(
                    _Mention(
                        start=j,
                        end=j + length,
                        cue=None,
                        cue_start=j,
                        aliases=aliases,
                        surface=accented,
                        accented_name=accented if accented != " ".join(key) else None,
                        name_key=key,
                    )
                )
                covered.update(range(j, j + length))
    return out


def _link_districts(mentions: list[_Mention], words: list[str]) -> None:
    """An old district right after a commune mention is that mention's context."""
    for i, m in enumerate(mentions[:-1]):
        if m.cue in _DISTRICT_CUES or m.cue in (None, "seat"):
            continue
        d = mentions[i + 1]
        if d.cue not in _DISTRICT_CUES or d.cue_start - m.end > 2:
            continue
        if any(w and w[-1] in _SENTENCE_PUNCT for w in words[m.end - 1 : d.cue_start]):
            continue
        dist = [a for a in d.aliases if a.kind in ("old-district", "old-city-initials")]
        if dist:
            m.context_district = dist[0].unit_code
            d.consumed = True
            if not _ends_clause(words[d.end - 1]) and _words_after(words, d.end)[:1] == ["cu"]:
                m.old_marker = True


def _choose_alias(m: _Mention, districts_named: set[str]) -> tuple[Alias, float]:
    kinds = _CUE_KINDS[m.cue]
    cands = list(m.aliases)
    if m.accented_name:
        exact = [a for a in cands if a.name == m.accented_name]
        if exact:
            cands = exact
    # the division word itself: "xã A" prefers a xã, "phường A" a phường
    want = _DIVISION_OF_CUE.get(m.cue)
    if want:
        same_div = [a for a in cands if a.division == want]
        if same_div:
            cands = same_div
    if m.context_district:
        context = {m.context_district}
        inside = [
            a
            for a in cands
            if (a.district_code in context)
            or (a.kind == "new" and context & old_district_of_unit().get(a.code, frozenset()))
        ]
        olds_inside = [a for a in inside if a.kind != "new"]
        news_inside = [a for a in inside if a.kind == "new"]
        if m.old_marker and olds_inside:
            cands = olds_inside
        elif news_inside:
            cands = news_inside
        elif inside:
            cands = inside
    elif m.old_marker and any(a.kind != "new" for a in cands):
        cands = [a for a in cands if a.kind != "new"]
    elif any(a.kind == "new" for a in cands):
        cands = [a for a in cands if a.kind == "new"]
    if len({a.code for a in cands}) > 1 and districts_named:
        inside = [a for a in cands if a.district_code in districts_named]
        if inside:
            cands = inside
    best = max(cands, key=lambda a: kinds.get(a.kind, 0))
    score = kinds.get(best.kind, 0.5)
    if len({a.code for a in cands}) > 1:
        score *= 0.7  # still ambiguous: same name in several places
    return best, score


def _role(m: _Mention, words: list[str], nwords: list[str]) -> str:
    before: list[str] = []
    for i, w in enumerate(reversed(words[max(0, m.cue_start - 8) : m.cue_start])):
        if w and w[-1] in _SENTENCE_PUNCT:
            if w[-1] != ":" or i > 1:
                break
            w = w[:-1]  # "Địa chỉ: xã A": the label before the colon says what the place is
        before.append(w)
    before.reverse()
    if before and not before[-1] and any(nw in _HONORIFICS for nw in nwords[max(0, m.cue_start - 5) : m.cue_start]):
        return "home"  # "ông Lê Văn B (xã A)": where a person lives
    if _STRONG_OFFICE_RE.search(" ".join(w for w in before[-3:] if w)):
        return "office"  # "đăng ký tạm trú ở công an xã A": the office, whatever came before
    near = " ".join(w for w in before[-4:] if w)
    if _PLOT_RE.search(" ".join(w for w in before[-6:] if w)):
        return "neutral"  # "thửa đất của tôi ở xã B": the land the matter is about, not where the reporter lives
    if _HOME_RE.search(near):
        return "home"
    last = " ".join(w.rstrip(_PUNCT_END) for w in before[-2:] if w)
    if _PASSING_RE.search(last):
        return "passing"
    if _OFFICE_RE.search(" ".join(w for w in before[-3:] if w)):
        return "office"
    if _HOME_RE.search(" ".join(before)):
        return "home"
    if _OFFICE_RE.search(" ".join(w for w in before if w)):
        return "office"
    return "neutral"


# --------------------------------------------------------------------------- scoring


@dataclass
class _Scored:
    match: WardMatch
    mention: _Mention


def _candidates(text: str, normalized: tuple[str, str] | None = None) -> tuple[list[_Scored], dict]:
    if not text:
        return [], {}
    norm, plain = normalized if normalized is not None else views(text)
    if _OPENING_RE.search(plain):  # "(xã A": same-length blanking keeps the views aligned
        norm, plain = _OPENING_RE.sub(" ", norm), _OPENING_RE.sub(" ", plain)
    nwords = norm.split(" ")
    words = plain.split(" ")
    if len(words) != len(nwords):  # pragma: no cover - views() keeps them aligned
        nwords = words
    mentions, bare_office = _find_mentions(nwords, words, text)
    if not mentions:
        return [], {}
    _link_districts(mentions, words)
    districts_named = {
        a.unit_code
        for m in mentions
        if m.cue in _DISTRICT_CUES or m.cue == "seat"
        for a in m.aliases
        if a.kind in ("old-district", "old-city-initials")
    }
    districts_named |= {m.context_district for m in mentions if m.context_district}
    names = _unit_names()
    best: dict[str, _Scored] = {}
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if m.consumed:
            continue
        if m.cue == "seat":
            resolved = _seat(m, districts_named)
            if resolved is None:
                continue
            code, score, via = resolved, _CUE_KINDS["seat"]["old-district"], "district-seat"
        else:
            alias, score = _choose_alias(m, districts_named)
            code, via = alias.code, {None: "bare-name", "office": "office-name"}.get(m.cue, _VIA[alias.kind])
        role = "office" if m.cue == "office" else _role(m, words, nwords)
        score += _ROLE_BONUS[role]
        roles.setdefault(code, set()).add(role)
        prev = best.get(code)
        if prev is not None:
            if prev.match.score >= score:
                pm = prev.match
                best[code] = _Scored(
                    WardMatch(pm.code, pm.name, pm.matched, pm.via, round(pm.score + 0.05, 3), pm.role), prev.mention
                )
                continue
            score += 0.05  # named again
        best[code] = _Scored(WardMatch(code, names[code], m.surface, via, round(score, 3), role), m)
    ordered = sorted(best.values(), key=lambda s: -s.match.score)  # stable: earlier first on ties
    return ordered, {"roles": roles, "bare_office": bare_office, "plain": plain, "norm": norm}


def _seat(m: _Mention, districts_named: set[str]) -> str | None:
    """The 2025 unit holding the seat of the district of a seat mention (named, or the only one in the text)."""
    if m.aliases:
        codes = {a.unit_code for a in m.aliases if a.kind == "old-district"}
    else:
        codes = districts_named
    seats = {district_seat(c) for c in codes}
    return seats.pop() if len(seats) == 1 and None not in seats else None


def ward_candidates(text: str, normalized: tuple[str, str] | None = None) -> list[WardMatch]:
    """Every place the text names, as 2025 units, best first (one entry per code).

    Old districts alone are listed (via "old-district", the unit that took over their
    seat or most of their communes) though `extract_ward` never returns them.
    `normalized` may pass `ml.normalize.views(text)` when the caller has it already.
    """
    return [s.match for s in _candidates(text, normalized)[0]]


def _decide(text: str, normalized: tuple[str, str] | None) -> _Scored | None:
    cands, info = _candidates(text, normalized)
    cands = [c for c in cands if c.match.via != "old-district"]  # a pre-2025 district spans many units
    if not cands:
        return None
    top = cands[0]
    if info["roles"][top.match.code] == {"home"}:
        # only the reporter's home is named: it locates the matter when the text points
        # at the commune's own office ("lên xã") or officers came out there; or when a
        # commune officer is meant ("địa chính") and no provincial body is involved
        plain = info["plain"]
        bare_office, office_visits = info["bare_office"]
        if office_visits or _FIELD_RE.search(plain):
            return top
        if _PROVINCIAL_RE.search(plain) or _A_SO_RE.search(info["norm"]):
            return None  # "UBND xã đã xác nhận" in passing: the matter is at the provincial body
    return top


def extract_ward(text: str, normalized: tuple[str, str] | None = None) -> WardMatch | None:
    """The 2025 commune/ward where the reported matter happened, or None.

    `normalized` may pass `ml.normalize.views(text)` when the caller has it already.
    """
    top = _decide(text, normalized)
    return top.match if top is not None else None


def find_place(text: str, normalized: tuple[str, str] | None = None) -> Place | None:
    """The place where the reported matter happened, with the words that named it; None if not located."""
    top = _decide(text, normalized)
    if top is None:
        return None
    nfc = unicodedata.normalize("NFC", text)
    start, end = _span(nfc, top.mention, top.match.matched)
    m = top.match
    return Place(m.code, m.name, nfc[start:end], start, end, m.via, m.role, m.score)


# --------------------------------------------------------------------------- span in the original text

_CUE_TAIL_RE = re.compile(
    r"(?:(?:(?:xa|khu) )?(?:thi\s*tran|trung\s*tam)\s+(?:cua\s+)?)?"
    r"(?:\bthi\s*tran|\bthi\s*xa|\bthanh\s*pho|\bphuong|\bphg|\bhuyen(?:\s+ly)?|\bxa|\btt|\btx|\btp|\bp|\bx|\bh|\bf)"
    r"[\s.,]*$"
)

_SEAT_RE = re.compile(r"\b(?:thi\s*tran|trung\s*tam|tt)\b(?:\W+cua)?(?:\W+(?:huyen|h)\b)?")


def _fold(nfc: str) -> str:
    """Lower case, no diacritics, one character for each character of `nfc`."""
    low = nfc.lower()
    if len(low) == len(nfc):
        plain = strip_diacritics(low)
        if len(plain) == len(nfc):
            return plain
    out = []
    for c in nfc:
        f = strip_diacritics(c.lower())
        out.append(f if len(f) == 1 else c)
    return "".join(out)


def _span(nfc: str, m: _Mention, surface: str) -> tuple[int, int]:
    """Character offsets in the text of the cue and name of a mention ("p. Quảng Phú")."""
    fold = _fold(nfc)
    key = m.name_key or tuple(strip_diacritics(surface).split())
    pattern = re.compile(r"(?<![a-z0-9])" + r"[\W_]*".join(re.escape(w) for w in key) + r"(?![a-z0-9])")
    hits = list(pattern.finditer(fold))
    if not hits:  # a seat written "tt huyện cũ": the normalised surface is not in the text
        hit = _SEAT_RE.search(fold)
        return (hit.start(), hit.end()) if hit else (0, 0)
    # the k-th occurrence of the name in the text is the k-th in the normalised words
    plain_words = [w.rstrip(_PUNCT_END) for w in _plain_words(nfc)[: m.start if m.name_key else m.cue_start]]
    n = len(key)
    k = sum(1 for i in range(len(plain_words) - n + 1) if tuple(plain_words[i : i + n]) == key) if n else 0
    hit = hits[min(k, len(hits) - 1)]
    start, end = hit.start(), hit.end()
    if m.name_key:
        tail = _CUE_TAIL_RE.search(fold, max(0, start - 40), start)
        if tail is not None and m.cue is not None:
            start = tail.start()
    return start, end


def _plain_words(nfc: str) -> list[str]:
    _, plain = views(nfc)
    if _OPENING_RE.search(plain):
        plain = _OPENING_RE.sub(" ", plain)
    return plain.split(" ")


# --------------------------------------------------------------------------- evaluation


def evaluate(rows: list[dict]) -> dict[str, dict[str, float]]:
    """Ward accuracy on rows with a `ward_code`, and the share of rows without one given a ward.

    Figures for all rows, for rows written with diacritics and for rows without any
    ("accented" / "no-diacritics", read from the text itself).
    """
    out: dict[str, dict[str, float]] = {}
    for r in rows:
        text = r["text"]
        group = "no-diacritics" if strip_diacritics(text) == text else "accented"
        m = extract_ward(text)
        got = m.code if m else None
        for g in ("all", group):
            s = out.setdefault(g, {"located": 0, "right": 0, "placeless": 0, "given_a_ward": 0})
            if r.get("ward_code"):
                s["located"] += 1
                s["right"] += got == r["ward_code"]
            else:
                s["placeless"] += 1
                s["given_a_ward"] += got is not None
    for s in out.values():
        s["accuracy"] = s["right"] / s["located"] if s["located"] else float("nan")
        s["placeless_given_a_ward"] = s["given_a_ward"] / s["placeless"] if s["placeless"] else float("nan")
    return out


def _main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m ml.wards FILE.jsonl ...  (rows with text and ward_code)", file=sys.stderr)
        return 2
    for path in argv:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        for group, s in sorted(evaluate(rows).items()):
            print(
                f"{path} {group}: ward accuracy {s['right']}/{s['located']} = {s['accuracy']:.3f}; "
                f"place-less given a ward {s['given_a_ward']}/{s['placeless']} = {s['placeless_given_a_ward']:.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
