"""Surface styles: diacritics stripping, texting abbreviations, typos.

All functions take an explicit `random.Random` so the build stays deterministic.
"""

from __future__ import annotations

import re
import unicodedata

STYLE_WEIGHTS = {  # style -> share of the corpus
    "formal": 0.16,
    "plain": 0.33,
    "texting": 0.10,
    "no-diacritics": 0.25,
    "texting-no-diacritics": 0.06,
    "plain-typos": 0.10,
}


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in nfd if unicodedata.category(c) != "Mn"))


# (pattern, replacements): whole-word, case-insensitive; applied with a probability.
ABBREV = [
    (r"không", ["ko", "k", "hok", "kg", "hông"]),
    (r"được", ["dc", "đc", "đk"]),
    (r"cán bộ", ["cb", "cán bộ"]),
    (r"gì", ["j", "gi"]),
    (r"người", ["ng", "ngừ"]),
    (r"như thế nào", ["ntn"]),
    (r"với", ["vs", "voi"]),
    (r"bạn", ["bn"]),
    (r"triệu", ["tr", "củ"]),
    (r"nghìn", ["k", "nghìn"]),
    (r"chồng", ["ck"]),
    (r"vợ", ["vk"]),
    (r"mọi người", ["mn", "mọi ng"]),
    (r"UBND", ["ubnd", "ubnd"]),
    (r"sổ đỏ", ["sdd", "sđ", "sổ đỏ"]),
    (r"thành phố", ["tp"]),
    (r"giờ", ["h"]),
    (r"bây giờ", ["bh", "bjo"]),
    (r"biết", ["bít", "bik"]),
    (r"rồi", ["r", "rùi"]),
    (r"vậy", ["v", "z"]),
    (r"thôi", ["thoi"]),
    (r"anh", ["a"]),
    (r"em", ["e"]),
    (r"chị", ["c"]),
    (r"tôi", ["t", "e", "mình"]),
    (r"hồ sơ", ["hs", "hso"]),
    (r"căn cước", ["cc", "căn cc"]),
    (r"ngày", ["ng`", "ngày"]),
    (r"phường", ["p", "phg"]),
    (r"quá", ["wá", "qá"]),
    (r"thì", ["thỳ", "thì"]),
    (r"chủ tịch", ["ct", "chủ tịch"]),
    (r"cũng", ["cũg", "cug"]),
    (r"lắm", ["lém", "lắm"]),
    (r"trả lời", ["tl"]),
    (r"điện thoại", ["đt", "dt"]),
]
_ABBREV_RE = [(re.compile(rf"(?<!\w){p}(?!\w)", re.IGNORECASE), r) for p, r in ABBREV]

TEXTING_TAILS = [
    "",
    "",
    " bực mình ghê",
    " mn ơi",
    "!!!",
    " ai xử lý giùm với",
    " thật sự quá đáng",
    " chán thật sự",
    " :((",
    " hic",
]
TEXTING_HEADS = ["", "", "", "cho hỏi ", "mn ơi ", "bức xúc quá, ", "thật sự là ", "alo "]


def texting(rng, text: str, rate: float = 0.6) -> str:
    for rx, reps in _ABBREV_RE:
        text = rx.sub(lambda m, reps=reps: rng.choice(reps) if rng.random() < rate else m.group(0), text)
    text = text.replace("Kính gửi", "gửi")
    if rng.random() < 0.7:
        text = text.lower()
    if rng.random() < 0.6:
        text = re.sub(r"[.;:]\s+", lambda m: rng.choice([" ", ", ", " . ", "  "]), text)
        text = text.rstrip(".")
    if rng.random() < 0.3:
        text = re.sub(r"[\"'()]", "", text)
    return rng.choice(TEXTING_HEADS) + text + rng.choice(TEXTING_TAILS)


_NEIGHBOURS = "qwertyuiopasdfghjklzxcvbnm"


def typos(rng, text: str, n: int) -> str:
    """Insert n small typos: dropped, doubled or swapped letters, a missing space."""
    chars = list(text)
    for _ in range(n):
        idx = [i for i, c in enumerate(chars) if c.isalpha()]
        if len(idx) < 5:
            break
        i = rng.choice(idx)
        op = rng.random()
        if op < 0.3:
            del chars[i]
        elif op < 0.5:
            chars.insert(i, chars[i])
        elif op < 0.75 and i + 1 < len(chars) and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op < 0.9:
            chars[i] = rng.choice(_NEIGHBOURS)
        else:
            j = text.find(" ", i)
            if 0 < j < len(chars) and chars[j] == " ":
                del chars[j]
    return "".join(chars)


def drop_punctuation(rng, text: str) -> str:
    return re.sub(r"[,.](?=\s)", lambda m: "" if rng.random() < 0.6 else m.group(0), text)


def apply_style(rng, text: str, style: str) -> str:
    if style == "texting":
        return texting(rng, text)
    if style == "texting-no-diacritics":
        return strip_diacritics(texting(rng, text))
    if style == "no-diacritics":
        t = strip_diacritics(text)
        if rng.random() < 0.4:
            t = t.lower()
        if rng.random() < 0.3:
            t = drop_punctuation(rng, t)
        if rng.random() < 0.2:
            t = typos(rng, t, 1 + len(t) // 200)
        return t
    if style == "plain-typos":
        t = drop_punctuation(rng, text) if rng.random() < 0.6 else text
        return typos(rng, t, 1 + len(t) // 120)
    return text
