"""Reports that may tell the same incident as the one an inspector is reading: candidates for a link or a merge.

A candidate is an open report the user may see, of the same unit (or, waiting in triage, of the same ward or
agency), received within `WINDOW_DAYS` of this one, not already in a case of its own (`Report.case_id`), and
with at least one strong reason:

- close text: TF-IDF cosine over the syllables of the diacritics-free, normalised text
  (`ml.normalize.views`: "ko" reads "không", "500k" reads "500 nghìn"), without the petition's boilerplate
  (`ml.boilerplate.complaint_plain`: "Kính gửi ...", the particulars, "Tôi xin cam đoan ...") and without the stop
  words every complaint shares ("tôi", "đề nghị", "cán bộ", ...). The IDF comes from the pool itself, so words
  every report of the unit uses weigh little;
- the tracking code of one quoted in the text of the other ("như tôi đã gửi, mã TH-ACDE-FH7K");
- the same reporter phone number or e-mail address (the reason is named, the number never shown).

The pool is bounded (`POOL_LIMIT` newest reports), so a case page reads at most a few hundred short rows, and the
term bags of stored reports are kept in the process (`report_terms`): the text is normalised once per report, not
once per page view. The measured cost is in BENCHMARKS.md ("Duplicate candidates").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import or_, select

from core.models import Report
from core.vocabulary import FINISHED
from intake.receipts import normalize_tracking_code
from ml.boilerplate import complaint_plain
from ml.normalize import views
from triage.casework.access import visible_reports

WINDOW_DAYS = 180
POOL_LIMIT = 300
THRESHOLD = 0.45  # cosine at or above which two texts are shown as close (chosen on bench/data/duplicates.jsonl)
SHOWN = 8
BAGS_CACHED = 20_000  # term bags kept per process (a few KB each)

# Words (diacritics-free) that every complaint uses whatever it is about: they say nothing of the incident.
STOP_WORDS = frozenset(
    """
    a ai anh bi cac cho chu chua co con cua cung da dang de den deu di duoc gi ha hay khi khong la lai lam len ma
    minh moi mot nao ne neu nguoi nhu nhung nay o ong phai ra rang rat roi sau se thi thay theo toi trong va van vao
    vay ve vi voi xin nhe oi vang day kia nhau
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
    """The syllables of a text that may tell the incident: folded and normalised, boilerplate and stop words out.

    Pairs of neighbouring syllables were measured too (bench/duplicates_bench.py): on short paraphrases they
    lower the cosine of the same incident told in other words more than they separate near misses."""
    _normalised, plain = views(text or "")
    plain = BOILERPLATE.sub(" ", complaint_plain(text or "", plain))
    return Counter(w for w in _WORD.findall(plain) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit()))


def idf_of(documents: list[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency over a pool of term bags."""
    df: Counter = Counter()
    for doc in documents:
        df.update(doc.keys())
    n = len(documents)
    return {term: math.log((n + 1) / (k + 1)) + 1.0 for term, k in df.items()}


@lru_cache(maxsize=BAGS_CACHED)
def _cached_terms(report_id: int, text: str) -> Counter:
    return terms(text)


def report_terms(report) -> Counter:
    """`terms` of a stored report, kept in the process (a report's text never changes): normalising the text is
    most of the cost of a case page's candidates, and the pool's reports come back on every page of the unit."""
    return _cached_terms(report.id, report.text or "")


class Similarity:
    """TF-IDF cosine between the term bags of one pool (the IDF of the pool's texts), with binary term weights:
    a syllable said twice is no more of the incident."""

    def __init__(self, texts: list[str], bags: list[Counter] | None = None):
        self.bags = bags if bags is not None else [terms(t) for t in texts]
        self.idf = idf_of(self.bags)
        squared = {t: w * w for t, w in self.idf.items()}
        self.squared = squared
        self.norms = [math.sqrt(sum(squared[t] for t in bag)) or 1.0 for bag in self.bags]

    def score(self, i: int, j: int) -> float:
        a, b = self.bags[i], self.bags[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(self.squared[t] for t in a if t in b) / (self.norms[i] * self.norms[j])


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


def pool(session, user, report: Report, exclude: set[int]) -> list:
    """The open reports to compare with, as rows of `POOL_COLUMNS` (no entities: a few hundred are read on each
    case page), among those `user` sees."""
    since, until = report.received_at - timedelta(days=WINDOW_DAYS), report.received_at + timedelta(days=WINDOW_DAYS)
    open_ = [Report.status.not_in([str(s) for s in FINISHED]), Report.case_id.is_(None)]
    excluded = Report.id.not_in(sorted(exclude | {report.id}))
    rows = visible_reports(user, select(*POOL_COLUMNS))
    query = (
        rows.where(_scope(report), Report.received_at >= since, Report.received_at <= until, *open_, excluded)
        .order_by(Report.received_at.desc(), Report.id.desc())
        .limit(POOL_LIMIT)
    )
    found = {r.id: r for r in session.execute(query)}
    codes = quoted_codes(report.text)
    if codes:  # a quoted report counts wherever it is, if the user sees it
        for r in session.execute(rows.where(Report.tracking_code.in_(sorted(codes)), *open_, excluded)):
            found.setdefault(r.id, r)
    return list(found.values())


@dataclass(frozen=True)
class Keys:
    """What a report is compared by besides its text, computed once per case page."""

    tracking_code: str
    unit_id: int | None
    codes: frozenset[str]
    phone: str
    email: str

    @classmethod
    def of(cls, report) -> Keys:
        return cls(
            report.tracking_code,
            report.unit_id,
            frozenset(quoted_codes(report.text)),
            phone_key(report.reporter_phone),
            email_key(report.reporter_email),
        )


def reasons_for(report, other, score: float, threshold: float = THRESHOLD, keys: Keys | None = None) -> list[str]:
    """The strong reasons two reports may be one incident ([] if none), then the context. `keys`: those of
    `report`, when the caller has them already."""
    mine = keys or Keys.of(report)
    reasons = []
    if score >= threshold:
        reasons.append(f"nội dung gần giống ({round(score * 100)}%)")
    if other.tracking_code in mine.codes:
        reasons.append(QUOTES_OTHER)
    if "th" in (other.text or "").lower() and mine.tracking_code in quoted_codes(other.text):
        reasons.append(QUOTED_BY_OTHER)
    if mine.phone and mine.phone == phone_key(other.reporter_phone):
        reasons.append(SAME_PHONE)
    if mine.email and mine.email == email_key(other.reporter_email):
        reasons.append(SAME_EMAIL)
    if reasons:
        same_unit = mine.unit_id is not None and mine.unit_id == other.unit_id
        reasons.append(SAME_UNIT if same_unit else SAME_PLACE)
    return reasons


def candidates(session, user, report: Report, exclude: set[int] = frozenset()) -> list[Candidate]:
    """The candidates for `report` among the reports `user` sees, best first (at most `SHOWN`)."""
    others = pool(session, user, report, set(exclude))
    if not others:
        return []
    similarity = Similarity([], bags=[report_terms(r) for r in (report, *others)])
    keys = Keys.of(report)
    found = []
    for i, other in enumerate(others, start=1):
        score = similarity.score(0, i)
        reasons = reasons_for(report, other, score, keys=keys)
        if reasons:
            found.append((other.id, score, reasons))
    found.sort(key=lambda c: (len(c[2]) - (c[1] >= THRESHOLD), c[1]), reverse=True)
    found = found[:SHOWN]
    loaded = {r.id: r for r in session.scalars(select(Report).where(Report.id.in_([i for i, _, _ in found])))}
    return [Candidate(loaded[i], score, reasons) for i, score, reasons in found if i in loaded]
