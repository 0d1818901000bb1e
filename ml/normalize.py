"""Text normalisation for Vietnamese citizen reports.

`normalize(text)` gives one canonical form of a report: Unicode NFC, lower case,
collapsed whitespace, one tone-mark placement ("hoà" -> "hòa", "thuỷ" -> "thủy",
"khoẻ" -> "khỏe"; the convention of the official unit names, "Thanh Hóa"), and
common texting abbreviations expanded as whole tokens ("ko" -> "không",
"đc" -> "được", "cb" -> "cán bộ", "2tr" -> "2 triệu", "8h30" -> "8 giờ 30",
"tp" -> "thành phố", "p.Quảng Phú" -> "phường quảng phú", ...).

`strip_diacritics(text)` removes every Vietnamese diacritic (đ -> d, Đ -> D) and keeps
everything else (case included). `views(text)` returns both forms of the normalised
text, which is what matchers working on accented and unaccented input want.

Speed: the text is split on whitespace and each chunk is normalised once, then
remembered (a bounded dict), so a typical report costs a few dict look-ups per
word; the per-chunk work itself is a few precompiled regular expressions and
`str.translate`. Rules spanning two chunks ("2 tr", "x. Quảng Ninh", "TT Ngọc Lặc")
run on the whole text, and only when a cheap substring test says they may apply.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "strip_diacritics", "views", "ABBREVIATIONS"]


# --------------------------------------------------------------------------- diacritics

_MARKS_RE = re.compile("[\u0300-\u036f]+")
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def strip_diacritics(text: str) -> str:
    """Remove all Vietnamese diacritics: "Đồng Lương" -> "Dong Luong". Case is kept."""
    decomposed = unicodedata.normalize("NFD", text).translate(_D_TABLE)
    ascii_ = decomposed.encode("ascii", "ignore")
    if len(ascii_) == len(text):
        # every non-ASCII character of the text was a letter with marks: the marks
        # are all that was dropped (fast path, all in C)
        return ascii_.decode("ascii")
    # other non-ASCII characters (quotes, dashes, stray combining marks): keep them
    return _MARKS_RE.sub("", decomposed)


# --------------------------------------------------------------------------- tone marks

_TONES = {  # base vowel -> its five toned forms (huyền, sắc, hỏi, ngã, nặng)
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}
_VIET_LETTERS = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# Old-style placement puts the mark on the second vowel of an open "oa", "oe", "uy"
# ("hoà", "khoẻ", "thuỷ"); the new style (and the official names) on the first
# ("hòa", "khỏe", "thủy"). With a final consonant both styles agree ("hoàng").
# "quý" is not "uy" (the u belongs to "qu") and stays.
_OLD_TONE_RE = re.compile(
    rf"(?<![q])(o)([{_TONES['a']}{_TONES['e']}])(?![{_VIET_LETTERS}])"
    rf"|(?<![q])(u)([{_TONES['y']}])(?![{_VIET_LETTERS}])"
)


def _tone_fix(m: re.Match) -> str:
    first = m.group(1) or m.group(3)
    toned = m.group(2) or m.group(4)
    for base, forms in _TONES.items():
        i = forms.find(toned)
        if i >= 0:
            return _TONES[first][i] + base
    return m.group(0)  # pragma: no cover


# --------------------------------------------------------------------------- abbreviations

#: Whole-token texting abbreviations (after lower-casing) and their expansion.
ABBREVIATIONS: dict[str, str] = {
    # negation
    "ko": "không",
    "k": "không",
    "khg": "không",
    "kh": "không",
    "hok": "không",
    "khong": "không",
    "hông": "không",
    "k0": "không",
    "kô": "không",
    "hk": "không",
    # được
    "dc": "được",
    "đc": "được",
    "dk": "được",
    "đk": "đăng ký",
    # people and bodies
    "cb": "cán bộ",
    "cbcc": "cán bộ công chức",
    "ng": "người",
    "mn": "mọi người",
    "ubnd": "ủy ban nhân dân",
    "ub": "ủy ban",
    "hđnd": "hội đồng nhân dân",
    "hdnd": "hội đồng nhân dân",
    "csgt": "cảnh sát giao thông",
    "vpđkđđ": "văn phòng đăng ký đất đai",
    "vpdkdd": "văn phòng đăng ký đất đai",
    "vpđk": "văn phòng đăng ký",
    "vpdk": "văn phòng đăng ký",
    "cq": "cơ quan",
    "pct": "phó chủ tịch",
    # places
    "tp": "thành phố",
    "tx": "thị xã",
    "tdp": "tổ dân phố",
    "kp": "khu phố",
    "phg": "phường",
    # papers
    "sdd": "sổ đỏ",
    "sđđ": "sổ đỏ",
    "sđ": "sổ đỏ",
    "gcn": "giấy chứng nhận",
    "gcnqsdđ": "giấy chứng nhận quyền sử dụng đất",
    "gcnqsdd": "giấy chứng nhận quyền sử dụng đất",
    "qsdđ": "quyền sử dụng đất",
    "qsdd": "quyền sử dụng đất",
    "gpxd": "giấy phép xây dựng",
    "đkkd": "đăng ký kinh doanh",
    "sđt": "số điện thoại",
    "sdt": "số điện thoại",
    # function words
    "j": "gì",
    "gi": "gì",
    "ntn": "như thế nào",
    "vs": "với",
    "bn": "bao nhiêu",
    "bnhieu": "bao nhiêu",
    "r": "rồi",
    "trc": "trước",
    "ns": "nói",
    "nhiu": "nhiều",
    "nhìu": "nhiều",
    "bít": "biết",
    "bik": "biết",
    "bjo": "bây giờ",
    "bh": "bao giờ",
    "ck": "chồng",
    "vk": "vợ",
    "lm": "làm",
    "ms": "mới",
    "mk": "mình",
    "ntin": "nhắn tin",
    "z": "vậy",
    "zậy": "vậy",
    "dzậy": "vậy",
    "ak": "à",
    "uk": "ừ",
    "thik": "thích",
    "iu": "yêu",
    "cx": "cũng",
    "cũg": "cũng",
    "kq": "kết quả",
}
# Not expanded on purpose: "cccd", "bhxh", "bhyt" (acronyms kept as they are);
# ambiguous ones: "hs" (hồ sơ / học sinh), "ct" (chủ tịch / công ty), "đt", "ca",
# "kg"; "tt" (thủ tục / thông tin / thị trấn) becomes "thị trấn" only before a
# capitalised name ("TT Ngọc Lặc") or dotted ("tt.Ngọc Lặc"), else stays "tt".

_TOKEN_RE = re.compile(
    r"(?<![\w.])(" + "|".join(sorted((re.escape(k) for k in ABBREVIATIONS), key=len, reverse=True)) + r")(?![\w])"
)

# numbers with units: "2tr", "2 tr", "2tr5", "500k", "8h", "8h30", "8 h"
_NUM_UNIT_RE = re.compile(r"(\d)\s?(tr|k|h)(\d{1,2})?(?![\w])")
_NUM_UNITS = {"tr": "triệu", "k": "nghìn", "h": "giờ"}

# dotted forms of division words: "p.Quảng Phú", "x. Quảng Ninh", "tp.Thanh Hóa",
# "h.Quảng Xương", "tt.Ngọc Lặc", "tx.Nghi Sơn", texting "F.Hạc Thành" ("f" for "ph"); also with a space before the dot
# ("p . Thiệu Khánh"; not "x ." / "h .": "anh X . ở quầy") or a comma and a space
# for the dot ("p, Quảng Thành", "tt, Lam Sơn"; not "h, ": "8h, ")
_DOTTED_RE = re.compile(r"(?<![\w.,])(?:(tp|tx|tt|p|f|x|h)\.\s*|(tp|tx|tt|p) \.\s*|(tp|tx|tt|p|x), \s*)(?=[^\W\d_])")
_DOTTED = {
    "tp": "thành phố ",
    "tx": "thị xã ",
    "tt": "thị trấn ",
    "p": "phường ",
    "f": "phường ",
    "x": "xã ",
    "h": "huyện ",
}

# "tt" / "TT" followed by a capitalised word is a town ("TT Ngọc Lặc"); tested on the
# original casing, before lower-casing.
# "TT" is also "Trung tâm" ("TT Hành chính công", "TT Y tế"): those heads are excluded.
_TT_PLACE_RE = re.compile(
    r"(?<!\w)(?:tt|TT|Tt)\s+(?=[A-ZĐÀÁẢÃẠÂĂÈÉÊÌÍÒÓÔƠÙÚƯỲÝ])"
    r"(?!(?:Hành|Y|Dịch|Phục|Kiểm|Giáo|Đăng|Phát|Thông|Hỗ|Tư|Giám|Trợ|Văn|Bảo|Quản|"
    r"Công|Kỹ|Khuyến|Dạy|Đào|Thương|Xúc|Truyền|Chăm|Hanh|Dich|Dang|Thong|Cong|Giao)\b)"
)


def _dotted(m: re.Match) -> str:
    return _DOTTED[m.group(1) or m.group(2) or m.group(3)]


def _abbr(m: re.Match) -> str:
    return ABBREVIATIONS[m.group(1)]


def _num_unit(m: re.Match) -> str:
    tail = m.group(3)
    out = f"{m.group(1)} {_NUM_UNITS[m.group(2)]}"
    return f"{out} {tail}" if tail else out


def _normalize_token(tok: str) -> str:
    """Normalise one lower-cased, whitespace-free chunk (may carry punctuation)."""
    t = _OLD_TONE_RE.sub(_tone_fix, tok)
    t = _NUM_UNIT_RE.sub(_num_unit, t)
    t = _DOTTED_RE.sub(_dotted, t)
    return _TOKEN_RE.sub(_abbr, t)


class _TokenCache(dict):
    """token -> value, computed on first use; bounded so a long-lived worker cannot grow it forever."""

    def __init__(self, fn, limit: int = 200_000):
        super().__init__()
        self._fn = fn
        self._limit = limit

    def __missing__(self, key: str) -> str:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._fn(key)
        return value


_NORM_TOKEN = _TokenCache(_normalize_token)
_STRIP_TOKEN = _TokenCache(strip_diacritics)
# context rules that span two chunks: "2 tr", "8 h", "500 k"; "x. Quảng Ninh"
_NUM_UNIT_SPACED_RE = re.compile(r"\d (?:tr|k|h)\b")
_DOTTED_SPACED = (
    "p. ",
    "x. ",
    "h. ",
    "tp. ",
    "tx. ",
    "tt. ",
    "p . ",
    "tp . ",
    "tx . ",
    "tt . ",
    "p, ",
    "x, ",
    "tt, ",
    "tp, ",
    "tx, ",
)


def _normalized_tokens(text: str) -> list[str]:
    s = unicodedata.normalize("NFC", text)
    if "tt " in s or "TT " in s or "Tt " in s:
        s = _TT_PLACE_RE.sub("thị trấn ", s)
    s = s.lower()
    if _NUM_UNIT_SPACED_RE.search(s):
        s = _NUM_UNIT_RE.sub(_num_unit, s)
    if any(g in s for g in _DOTTED_SPACED):
        s = _DOTTED_RE.sub(_dotted, s)
    cache = _NORM_TOKEN
    return [cache[t] for t in s.split()]


def normalize(text: str) -> str:
    """Canonical form of a report: NFC, lower case, one tone-mark style, abbreviations expanded."""
    if not text:
        return ""
    return " ".join(_normalized_tokens(text))


def views(text: str) -> tuple[str, str]:
    """(normalised text, normalised text without diacritics)."""
    if not text:
        return "", ""
    toks = _normalized_tokens(text)
    strip = _STRIP_TOKEN
    return " ".join(toks), " ".join([strip[t] for t in toks])
