"""Escalation rules: does the report accuse the head or a deputy head of the handling body?

docs/taxonomy.md section 2: a report against the chủ tịch / phó chủ tịch of a commune or
ward People's Committee, or the giám đốc / phó giám đốc of a provincial body (sở,
Công an tỉnh, Thuế tỉnh, Bảo hiểm xã hội), goes to `thanh-tra-tinh`. Heads of units
INSIDE a body (director of a hospital, head of the commune police post, head of a
land-office branch), chairmen of associations (hội nông dân, hội phụ nữ...), of the
People's Council or of a cooperative are not escalations; neither is a chairman who
is only the recipient of the report ("Kính gửi Chủ tịch UBND xã", "đề nghị chủ tịch
xã xem xét").

The rules work on the diacritics-free lowercase view, so "chủ tịch xã", "chu tich xa",
"CT xã", "pct UBND phường", "PGĐ Sở" and "pgd so" all match. They produce a few
features (`rule_features`) that the escalation model combines with the text features;
`rule_escalate` is the rule alone (used by the keyword baseline and reported in the
model selection).
"""

from __future__ import annotations

import re

import numpy as np

from ml.normalize import views

_SP = r"[\s.\-/]*"  # "p.ct", "p/gd", "phó-chủ tịch"
_DEPUTY = r"(?:pho" + _SP + r")?"

# The role word itself (deputy prefix included).
_CHAIR = r"(?:" + _DEPUTY + r"chu\s+tich|p?ct|pct)"
_DIRECTOR = r"(?:" + _DEPUTY + r"giam\s+doc|p?gd|pgd)"
_TAX_HEAD = r"(?:" + _DEPUTY + r"(?:cuc\s+truong|truong))"

# What follows the role: the body it heads.
_COMMUNE_BODY = (
    r"(?:(?:ubnd|ub|uy\s+ban(?:\s+nhan\s+dan)?)\s+)?"
    r"(?:xa|phuong|thi\s+tran|tt)\b(?!\s*hoi\b)"
)
_COMMUNE_BODY_UBND_ONLY = r"(?:ubnd|uy\s+ban\s+nhan\s+dan)\b(?!\s+(?:tinh|thanh\s+pho\s+thanh\s+hoa))"
_PROVINCIAL_BODY = (
    r"(?:so\b|cong\s+an\s+tinh\b|ca\s+tinh\b|bhxh\s+tinh\b|bhxh\b(?!\s+(?:huyen|co\s+so|khu\s+vuc|thi\s+xa))"
    r"|bao\s+hiem\s+xa\s+hoi\s+tinh\b|bao\s+hiem\s+xa\s+hoi\b(?!\s+(?:huyen|co\s+so|khu\s+vuc|thi\s+xa)))"
)
_TAX_BODY = r"(?:thue\s+tinh|cuc\s+thue)\b"

COMMUNE_HEAD = re.compile(r"\b" + _CHAIR + r"\s+(?:" + _COMMUNE_BODY + "|" + _COMMUNE_BODY_UBND_ONLY + r")")
COMMUNE_HEAD_SHORT = re.compile(r"\bp?ctx\b")  # "ctx" = chủ tịch xã in texting
PROVINCIAL_HEAD = re.compile(r"\b" + _DIRECTOR + r"\s+" + _PROVINCIAL_BODY)
TAX_HEAD = re.compile(r"\b" + _TAX_HEAD + r"\s+" + _TAX_BODY)

# Heads that are NOT escalations (they belong to a unit inside a body, or to another organisation).
NOT_HEAD = re.compile(
    r"\b(?:" + _DIRECTOR + r"\s+(?:benh\s+vien|bv|trung\s+tam|ttyt|chi\s+nhanh|van\s+phong|vpdk|cong\s+ty|cty|"
    r"ban\s+quan\s+ly|bql|kho\s+bac|ngan\s+hang|doanh\s+nghiep|nha\s+may|hop\s+tac\s+xa|htx|truong|"
    r"bhxh\s+(?:huyen|co\s+so|khu\s+vuc|thi\s+xa)|bao\s+hiem\s+xa\s+hoi\s+(?:huyen|co\s+so|khu\s+vuc|thi\s+xa))"
    r"|" + _CHAIR + r"\s+(?:hoi|hdnd|hoi\s+dong|mat\s+tran|mttq|cong\s+doan|hop\s+tac\s+xa|htx|cong\s+ty|cty|"
    r"ubnd\s+tinh|uy\s+ban\s+nhan\s+dan\s+tinh|tinh|hdqt|doan|cau\s+lac\s+bo|clb)"
    r"|" + r"(?:pho\s+)?truong\s+(?:cong\s+an|ca|tram|phong|khoa|ban|chi\s+nhanh|thon|ban|bo\s+phan|doi|to)\b"
    r"|hieu\s+truong|giam\s+doc\s+benh\s+vien)"
)

# A mention preceded by one of these is (most likely) the recipient of the report, not the accused.
_RECIPIENT_CUE = re.compile(
    r"(?:kinh\s+gui|kinh\s+trinh|kinh\s+mong|(?:gui|nop|chuyen)(?:\s+(?:don|thu|phan\s+anh|kien\s+nghi|ho\s+so))?(?:\s+(?:len|den|toi|cho))?|"
    r"dua\s+(?:don|thu|ho\s+so)(?:\s+(?:len|den|toi|cho))?|de\s+nghi|kien\s+nghi|mong|xin|nho|"
    r"bao\s+cao|trinh|len\s+gap|xin\s+gap|den\s+gap|gap|dong\s+kinh\s+gui|yeu\s+cau|toi\s+da\s+bao)"
    r"(?:\s+(?:ong|ba|dong\s+chi|d/c|dc|lanh\s+dao|cac|anh|chi|toi|len|den))*\s*[:,]?\s*$"
)


def _plain(text: str) -> str:
    """The normalised (lowercase, abbreviations expanded) diacritics-free view, as `Doc.plain`."""
    return views(text or "")[1]


def _is_recipient(plain: str, start: int) -> bool:
    return bool(_RECIPIENT_CUE.search(plain[max(0, start - 40) : start]))


def find_heads(plain: str) -> list[tuple[str, int, int, bool]]:
    """(kind, start, end, is_recipient) of every head-of-body mention in a diacritics-free text."""
    blocked = [(m.start(), m.end()) for m in NOT_HEAD.finditer(plain)]
    found = []
    for kind, rx in (
        ("commune", COMMUNE_HEAD),
        ("commune", COMMUNE_HEAD_SHORT),
        ("provincial", PROVINCIAL_HEAD),
        ("provincial", TAX_HEAD),
    ):
        for m in rx.finditer(plain):
            if any(s <= m.start() < e for s, e in blocked):
                continue
            found.append((kind, m.start(), m.end(), _is_recipient(plain, m.start())))
    return sorted(found, key=lambda f: f[1])


RULE_FEATURES = (
    "head_any",
    "head_accused",
    "head_recipient_only",
    "commune_head_accused",
    "provincial_head_accused",
    "not_head_mention",
    "bare_chairman",
)
_BARE_CHAIR = re.compile(r"\b(?:pho\s+)?chu\s+tich\b")


# Every head pattern contains one of these; a text without any cannot mention an accused head.
_PREFILTER = re.compile(r"chu\s+tich|giam\s+doc|\bp?ctx?\b|\bp?gd\b|truong\s+(?:thue|cuc)|cuc\s+truong")
_NO_RULE_HIT = [0.0] * 7


def rule_features_plain(plain: str) -> list[float]:
    if not _PREFILTER.search(plain):  # no role word at all: most reports, answered with one cheap search
        return list(_NO_RULE_HIT)
    heads = find_heads(plain)
    accused = [h for h in heads if not h[3]]
    return [
        float(bool(heads)),
        float(bool(accused)),
        float(bool(heads) and not accused),
        float(any(h[0] == "commune" for h in accused)),
        float(any(h[0] == "provincial" for h in accused)),
        float(bool(NOT_HEAD.search(plain))),
        float(bool(_BARE_CHAIR.search(plain))),
    ]


def rule_features(texts_plain: list[str]) -> np.ndarray:
    """Rule features of already diacritics-free lowercase texts (e.g. `Doc.plain`)."""
    return np.array([rule_features_plain(p) for p in texts_plain], dtype=np.float32).reshape(-1, len(RULE_FEATURES))


def rule_escalate(text: str) -> bool:
    """The rule alone: a head of a commune/ward or provincial body is mentioned and is not the recipient."""
    return any(not h[3] for h in find_heads(_plain(text)))
