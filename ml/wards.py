"""Where did it happen? Extract the 2025 commune/ward of a report from its text.

`extract_ward(text)` returns the 2025 unit where the matter happened (the office, or
the place officers came out to) as a `WardMatch`, or None when the text does not
locate it. `ward_candidates(text)` returns every place found, best first.

How it works (see docs/taxonomy.md, `ward_code`):

* The text is normalised (`ml.normalize.views`) and split into tokens; names are
  looked up on the diacritic-free tokens in the alias index of `ml.gazetteer`
  (2025 names, pre-2025 communes, wards, towns and districts), and the accented
  surface, when the text has diacritics, breaks ties ("Hoa Lộc" / "Hòa Lộc").
* A name counts only after a division word ("xã", "phường", "thị trấn"/"tt",
  "huyện", "thị xã"/"tx", "thành phố"/"tp"), which also says which kind of unit it
  is; or, without one, when it is a 2025 name written in Title Case in the original
  text (many names are ordinary words: "Thắng Lợi", "Tân Tiến"). Names after
  "thôn", "bản", "xóm", "đường", "phố", "tỉnh"... are villages, streets or the
  province, not units.
* Old and new names: "xã A cũ" or "xã A, huyện B" (an old district that holds an old
  commune A) selects the pre-2025 commune; otherwise a current 2025 name wins. An old
  district mentioned anywhere in the text disambiguates old communes of the same
  name; an old district right after a commune is its context, not a second place.
* Several places: a place introduced as the reporter's home ("tôi ở", "nhà tôi",
  "quê", "thường trú"...) loses to any other place; an office context ("UBND",
  "công an", "chi nhánh", "một cửa", "lên", "tại"...) wins. A home alone is kept
  when the text refers to the commune's own office ("lên xã", "cán bộ xã") or when
  no provincial body is named; otherwise (home + "Sở ...") the result is None.
* An old district alone stands for the 2025 unit that took over its seat
  ("huyện Quảng Xương" -> Xã Lưu Vệ, "TP Thanh Hóa" -> Phường Hạc Thành), with a
  lower score than any commune-level name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ml.gazetteer import Alias, alias_index, old_district_of_unit, wards_2025
from ml.normalize import normalize, strip_diacritics, views

__all__ = ["WardMatch", "extract_ward", "ward_candidates"]


@dataclass(frozen=True)
class WardMatch:
    code: str  # 2025 code, e.g. "15061"
    name: str  # official 2025 name, "Xã Ngọc Lặc"
    matched: str  # surface text (normalised), "thị trấn ngọc lặc"
    via: str  # "new-name" | "old-commune" | "old-ward" | "old-town" | "old-district" | "bare-name"
    score: float


# cue words (unaccented); "thị trấn", "thị xã", "thành phố" end in "tran", "xa", "pho"
_CUE_WORDS = frozenset(
    {
        "xa",
        "phuong",
        "tran",
        "tt",
        "huyen",
        "tx",
        "tp",
        "pho",
        "thon",
        "ban",
        "xom",
        "lang",
        "duong",
        "tinh",
        "kp",
        "tdp",
        "khu",
        "ngo",
        "cum",
        "p",
        "x",
        "h",
    }
)
# kinds an alias may have after each cue, with the score of the match
_CUE_KINDS = {
    "xa": {"new": 1.0, "old-commune": 1.0, "old-ward": 0.8},
    "phuong": {"new": 1.0, "old-ward": 1.0, "old-commune": 0.8},
    "tt": {"old-town": 1.0, "new": 0.8},
    "huyen": {"old-district": 0.6, "new": 0.5},
    "tx": {"old-district": 0.6, "new": 0.5},
    "tp": {"old-district": 0.6, "new": 0.5},
    None: {"new": 0.7},  # bare Title-Case name
}
_VIA = {
    "new": "new-name",
    "old-commune": "old-commune",
    "old-ward": "old-ward",
    "old-town": "old-town",
    "old-district": "old-district",
}
_DIVISION_OF_CUE = {
    "xa": "xã",
    "phuong": "phường",
    "tt": "thị trấn",
    "huyen": "huyện",
    "tx": "thị xã",
    "tp": "thành phố",
}

# context words, on the unaccented text, in the few tokens before a mention
_HOME_RE = re.compile(
    r"\b(?:toi|chung toi|minh|em|nha|gia dinh|ho gia dinh) (?:dang |hien )?(?:o|song o|song tai)\b"
    r"|\bnha (?:toi|minh|em|chung toi)\b|\bque\b|\bthuong tru\b|\btam tru\b|\bcu tru\b"
    r"|\bsinh song\b|\btru tai\b|\bho khau\b|\bdia chi\b|\btoi la nguoi\b|\bnoi o\b"
)
_OFFICE_RE = re.compile(
    r"\b(?:uy ban|ubnd|cong an|can bo|mot cua|chi nhanh|van phong|tru so|dia chinh|chu tich"
    r"|len|ra|den|tai|xuong|nop|kiem tra|cho|tram|trung tam|benh vien|truong|doan|sang"
    r"|hop|hoi truong|giai quyet|phu trach)\b"
)
# a provincial body named in the text (diacritic-free view)
_PROVINCIAL_RE = re.compile(
    r"\bso (?:cong thuong|noi vu|tu phap|y te|giao duc|tai chinh|xay dung|nong nghiep|van hoa"
    r"|khoa hoc|dan toc|vhttdl|gd|gddt|nn|nnmt|xd|tc|tn|tnmt|ldtbxh|ttt?t|kh)"
    r"|\bcong an tinh\b|\bbao hiem xa hoi\b|\bbhxh\b|\bthue tinh\b|\bcuc thue\b|\bchi cuc\b"
    r"|\bbenh vien\b|\bkho bac\b|\bvan phong dang ky\b|\bchi nhanh\b|\bcong chung\b"
    r"|\bngan hang\b|\bdien luc\b|\bcanh sat\b|\bthanh tra tinh\b|\bubnd tinh\b"
    r"|\buy ban nhan dan tinh\b|\bphong giao duc\b|\btruong\b|\bdang kiem\b"
)
# officers came out to the place: a home named alone is where the matter is
_FIELD_RE = re.compile(
    r"\b(?:xuong|ve|den|toi) (?:tan )?(?:kiem tra|do dac|do dat|xac minh|kiem dem|lap bien ban"
    r"|nha(?! qua buu dien)|hien truong|xuong|co so|cua hang|quan)\b"
    r"|\bxuong tan noi\b"
)
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
    return _SIMPLE_CUES.get(w, "block")


_SIMPLE_CUES = {
    "phuong": "phuong",
    "tt": "tt",
    "huyen": "huyen",
    "tx": "tx",
    "tp": "tp",
    "p": "phuong",
    "x": "xa",
    "h": "huyen",
}


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


def _find_mentions(nwords: list[str], words: list[str], original: str) -> tuple[list[_Mention], int]:
    index = alias_index()
    mentions: list[_Mention] = []
    bare_office = 0  # "lên xã", "cán bộ xã": the commune's own office, no name
    covered: set[int] = set()
    cue_words = _CUE_WORDS
    for k in [i for i, w in enumerate(words) if w in cue_words]:
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
        if found is None:
            if cue in ("xa", "phuong") and (not name or name[0] != "hoi"):
                bare_office += 1
            continue
        length, aliases = found
        start, end = k + 1, k + 1 + length
        if cue == "block":
            covered.update(range(start, end))
            continue
        kinds = _CUE_KINDS[cue]
        aliases = tuple(a for a in aliases if a.kind in kinds)
        if not aliases:
            continue
        cue_start = k - 1 if words[k] in ("xa", "tran", "pho") and cue != "xa" else k
        if cue_start < k and not words[cue_start]:
            cue_start = k
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
            )
        )
        covered.update(range(start, end))

    # bare 2025 names written in Title Case in the original text ("ở Ngọc Lặc")
    runs = _TITLE_RUN_RE.findall(original) if not original.islower() else ()
    for run in runs:
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
                for j in range(len(words) - length + 1):
                    if (
                        words[j] == key[0]
                        and tuple(_name_words(words, j)[:length]) == key
                        and not covered.intersection(range(j, j + length))
                        and (j == 0 or _cue_kind(words, j - 1) is None or words[j - 1] not in cue_words)
                    ):
                        break
                else:
                    continue
                accented = " ".join(nwords[j : j + length]).rstrip(_PUNCT_END)
                mentions.append(
                    _Mention(
                        start=j,
                        end=j + length,
                        cue=None,
                        cue_start=j,
                        aliases=aliases,
                        surface=accented,
                        accented_name=accented if accented != " ".join(key) else None,
                    )
                )
                covered.update(range(j, j + length))
    for m in mentions:
        after = _words_after(words, m.end) if not _ends_clause(words[m.end - 1]) else []
        m.old_marker = after[:1] == ["cu"] or after == ["truoc", "day"]
    mentions.sort(key=lambda m: m.start)
    return mentions, bare_office


def _words_after(words: list[str], i: int) -> list[str]:
    """The next two words after i, skipping blanks left by brackets: "(cũ)" -> ["cu"]."""
    while i < len(words) and not words[i]:
        i += 1
    return _name_words(words, i)[:2]


def _ends_clause(word: str) -> bool:
    return bool(word) and word[-1] in _PUNCT_END


def _link_districts(mentions: list[_Mention], words: list[str]) -> None:
    """An old district right after a commune mention is that mention's context."""
    for i, m in enumerate(mentions[:-1]):
        if m.cue in ("huyen", "tx", "tp") or m.cue is None:
            continue
        d = mentions[i + 1]
        if d.cue not in ("huyen", "tx", "tp") or d.cue_start - m.end > 2:
            continue
        if any(w and w[-1] in _SENTENCE_PUNCT for w in words[m.end - 1 : d.cue_start]):
            continue
        dist = [a for a in d.aliases if a.kind == "old-district"]
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


def _role(m: _Mention, words: list[str]) -> str:
    before: list[str] = []
    for w in reversed(words[max(0, m.cue_start - 8) : m.cue_start]):
        if w and w[-1] in _SENTENCE_PUNCT:
            break
        before.append(w)
    before.reverse()
    near = " ".join(w for w in before[-4:] if w)
    if _HOME_RE.search(near):
        return "home"
    if _OFFICE_RE.search(" ".join(w for w in before[-3:] if w)):
        return "office"
    if _HOME_RE.search(" ".join(before)):
        return "home"
    return "neutral"


def ward_candidates(text: str, normalized: tuple[str, str] | None = None) -> list[WardMatch]:
    """Every place the text names, as 2025 units, best first (one entry per code).

    `normalized` may pass `ml.normalize.views(text)` when the caller has it already.
    """
    return _candidates(text, normalized)[0]


def _candidates(text: str, normalized: tuple[str, str] | None = None) -> tuple[list[WardMatch], dict]:
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
        a.unit_code for m in mentions if m.cue in ("huyen", "tx", "tp") for a in m.aliases if a.kind == "old-district"
    }
    districts_named |= {m.context_district for m in mentions if m.context_district}
    names = _unit_names()
    best: dict[str, WardMatch] = {}
    roles: dict[str, set[str]] = {}
    for m in mentions:
        if m.consumed:
            continue
        alias, score = _choose_alias(m, districts_named)
        role = _role(m, words)
        score += {"office": 0.3, "home": -0.4, "neutral": 0.0}[role]
        via = "bare-name" if m.cue is None else _VIA[alias.kind]
        roles.setdefault(alias.code, set()).add(role)
        prev = best.get(alias.code)
        if prev is not None:
            if prev.score >= score:
                best[alias.code] = WardMatch(prev.code, prev.name, prev.matched, prev.via, round(prev.score + 0.05, 3))
                continue
            score += 0.05  # named again
        best[alias.code] = WardMatch(alias.code, names[alias.code], m.surface, via, round(score, 3))
    ordered = sorted(best.values(), key=lambda w: -w.score)  # stable: earlier first on ties
    return ordered, {"roles": roles, "bare_office": bare_office, "plain": plain}


def extract_ward(text: str, normalized: tuple[str, str] | None = None) -> WardMatch | None:
    """The 2025 commune/ward where the reported matter happened, or None.

    `normalized` may pass `ml.normalize.views(text)` when the caller has it already.
    """
    cands, info = _candidates(text, normalized)
    if not cands:
        return None
    top = cands[0]
    if top.via == "old-district":
        return None  # a pre-2025 district spans many 2025 units: it does not locate
    if info["roles"][top.code] == {"home"} and not info["bare_office"]:
        # only the reporter's home is named and the text never points at the commune's
        # own office: it locates the matter only when no provincial body is involved
        if _PROVINCIAL_RE.search(info["plain"]) and not _FIELD_RE.search(info["plain"]):
            return None
    return top
