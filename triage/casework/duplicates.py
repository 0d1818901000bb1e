"""Reports that may tell the same incident as the one an inspector is reading: candidates for a link or a merge.

A candidate is an open report the user may see, of the same unit (or, waiting in triage, of the same ward or
agency), received within `WINDOW_DAYS` of this one, not already in a case of its own (`Report.case_id`), and
with at least one strong reason:

- close text: TF-IDF cosine over syllable unigrams and bigrams of the diacritics-free, normalised text
  (`ml.normalize.views`: "ko" reads "không", "500k" reads "500 nghìn"), without the petition's boilerplate
  (`ml.boilerplate.complaint_plain`: "Kính gửi ...", the particulars, "Tôi xin cam đoan ...") and without the stop
  words every complaint shares ("tôi", "đề nghị", "cán bộ", ...). The IDF comes from the pool itself, so words
  every report of the unit uses weigh little;
- the tracking code of one quoted in the text of the other ("như tôi đã gửi, mã TH-ACDE-FH7K");
- the same reporter phone number or e-mail address (the reason is named, the number never shown).

The pool is bounded (`POOL_LIMIT` newest reports), so a case page reads at most a few hundred short rows; the
measured cost is in BENCHMARKS.md ("Duplicate candidates").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import or_
from sqlalchemy.orm import load_only

from core.models import Report
from core.vocabulary import FINISHED
from intake.receipts import normalize_tracking_code
from ml.boilerplate import complaint_plain
from ml.normalize import views

WINDOW_DAYS = 180
POOL_LIMIT = 300
THRESHOLD = 0.30  # cosine at or above which two texts are shown as close (chosen on bench/data/duplicates.jsonl)
SHOWN = 8

# Words (diacritics-free) that every complaint uses whatever it is about: they say nothing of the incident.
STOP_WORDS = frozenset(
    """
    a ai anh bi biet bo cac cach can chi chinh cho chu chua co con cua cung da dang de den deu di dia do don du duoc
    gi gio gui ha hay hien ho hoac hoi hon huong kinh khi khong la lai lam len luc ma minh moi mot muon nam nao ne
    neu ngay nguoi nhan nhu nhung nay noi nua o ong phai phan anh qua ra rang rat roi sau se su ta tai the thi thay
    theo thu tinh toi trong tu tuc va van vao vay ve vi viec voi xa xin xem ba em chung chau nhieu it lan dieu nhe
    a oi vang ah uh thang day kia tren duoi truoc nhau hom qua nua
    """.split()
)
# Phrases of address and request that open and close petitions (matched on the folded text, then removed).
BOILERPLATE = re.compile(
    r"\b(?:kinh gui|kinh thua|toi xin|toi ten la|de nghi|kinh de nghi|kinh mong|mong cac cap|xin cam on|"
    r"chan thanh cam on|tran trong|can bo|co quan chuc nang|xem xet giai quyet|giai quyet dut diem|"
    r"xu ly nghiem|lam ro|phan anh|to cao|khieu nai|su viec|nhu sau)\b"
)
_WORD = re.compile(r"[a-z0-9]+")
_CODE = re.compile(r"\bTH[\s\-_.]*([A-Za-z0-9]{4})[\s\-_.]*([A-Za-z0-9]{4})\b", re.IGNORECASE)


# -- text ------------------------------------------------------------------------------------------------------------


def terms(text: str) -> Counter:
    """The weighted terms of a text: syllables and pairs of neighbouring syllables, stop words left out."""
    _normalised, plain = views(text or "")
    plain = BOILERPLATE.sub(" ", complaint_plain(text or "", plain))
    words = [w for w in _WORD.findall(plain) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    counts = Counter(words)
    counts.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return counts


def idf_of(documents: list[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency over a pool of term bags."""
    df: Counter = Counter()
    for doc in documents:
        df.update(doc.keys())
    n = len(documents)
    return {term: math.log((n + 1) / (k + 1)) + 1.0 for term, k in df.items()}


def _vector(doc: Counter, idf: dict[str, float]) -> dict[str, float]:
    weights = {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in doc.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


class Similarity:
    """TF-IDF cosine between texts of one pool (the IDF of the pool's texts)."""

    def __init__(self, texts: list[str]):
        self.bags = [terms(t) for t in texts]
        self.idf = idf_of(self.bags)
        self.vectors = [_vector(b, self.idf) for b in self.bags]

    def score(self, i: int, j: int) -> float:
        return cosine(self.vectors[i], self.vectors[j])


def jaccard(a: str, b: str) -> float:
    """The baseline: plain word overlap of the lower-cased texts (accents kept, nothing removed)."""
    wa, wb = set(re.findall(r"\w+", (a or "").lower())), set(re.findall(r"\w+", (b or "").lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


# -- the other signals -----------------------------------------------------------------------------------------------


def quoted_codes(text: str) -> set[str]:
    """The tracking codes a text quotes, normalised ("th acde fh7k" → "TH-ACDE-FH7K")."""
    found = {normalize_tracking_code("TH" + a + b) for a, b in _CODE.findall(text or "")}
    return {code for code in found if code}


def phone_key(phone: str | None) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 9 else ""


def email_key(email: str | None) -> str:
    return (email or "").strip().lower()


# -- candidates ------------------------------------------------------------------------------------------------------

SAME_UNIT = "cùng đơn vị giải quyết"
SAME_PLACE = "cùng xã, phường hoặc cơ quan (đang chờ phân loại)"
SAME_PHONE = "cùng số điện thoại người gửi"
SAME_EMAIL = "cùng thư điện tử người gửi"
QUOTES_OTHER = "đơn này ghi mã theo dõi của đơn kia"
QUOTED_BY_OTHER = "đơn kia ghi mã theo dõi của đơn này"


@dataclass
class Candidate:
    report: Report
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


POOL_COLUMNS = (
    Report.id,
    Report.tracking_code,
    Report.received_at,
    Report.text,
    Report.status,
    Report.unit_id,
    Report.ward_code,
    Report.agency,
    Report.case_id,
    Report.reporter_phone,
    Report.reporter_email,
)


def _scope(report: Report):
    """Where the same incident would be: the same unit, or for a report not yet placed, its ward or agency."""
    if report.unit_id is not None:
        return Report.unit_id == report.unit_id
    places = [Report.ward_code == report.ward_code] if report.ward_code else []
    if report.agency:
        places.append(Report.agency == report.agency)
    return or_(*places) if places else Report.id.is_(None)


def pool(session, visible, report: Report, exclude: set[int]) -> list[Report]:
    """The open reports to compare with: `visible` is the user's `visible_reports` query over Report."""
    since, until = report.received_at - timedelta(days=WINDOW_DAYS), report.received_at + timedelta(days=WINDOW_DAYS)
    open_ = [Report.status.not_in([str(s) for s in FINISHED]), Report.case_id.is_(None)]
    excluded = Report.id.not_in(sorted(exclude | {report.id}))
    query = (
        visible.where(_scope(report), Report.received_at >= since, Report.received_at <= until, *open_, excluded)
        .options(load_only(*POOL_COLUMNS))
        .order_by(Report.received_at.desc(), Report.id.desc())
        .limit(POOL_LIMIT)
    )
    found = {r.id: r for r in session.scalars(query)}
    codes = quoted_codes(report.text)
    if codes:  # a quoted report counts wherever it is, if the user sees it
        for r in session.scalars(visible.where(Report.tracking_code.in_(sorted(codes)), *open_, excluded)):
            found.setdefault(r.id, r)
    return list(found.values())


def reasons_for(report: Report, other: Report, score: float, threshold: float = THRESHOLD) -> list[str]:
    """The strong reasons two reports may be one incident ([] if none), then the context."""
    reasons = []
    if score >= threshold:
        reasons.append(f"nội dung gần giống ({round(score * 100)}%)")
    if other.tracking_code in quoted_codes(report.text):
        reasons.append(QUOTES_OTHER)
    if report.tracking_code in quoted_codes(other.text):
        reasons.append(QUOTED_BY_OTHER)
    if phone_key(report.reporter_phone) and phone_key(report.reporter_phone) == phone_key(other.reporter_phone):
        reasons.append(SAME_PHONE)
    if email_key(report.reporter_email) and email_key(report.reporter_email) == email_key(other.reporter_email):
        reasons.append(SAME_EMAIL)
    if reasons:
        same_unit = report.unit_id is not None and report.unit_id == other.unit_id
        reasons.append(SAME_UNIT if same_unit else SAME_PLACE)
    return reasons


def candidates(session, visible, report: Report, exclude: set[int] = frozenset()) -> list[Candidate]:
    """The candidates for `report`, best first (at most `SHOWN`)."""
    others = pool(session, visible, report, set(exclude))
    if not others:
        return []
    similarity = Similarity([report.text] + [o.text for o in others])
    found = []
    for i, other in enumerate(others, start=1):
        score = similarity.score(0, i)
        reasons = reasons_for(report, other, score)
        if reasons:
            found.append(Candidate(other, score, reasons))
    found.sort(key=lambda c: (len(c.reasons) - (c.score >= THRESHOLD), c.score), reverse=True)
    return found[:SHOWN]
