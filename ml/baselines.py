"""The two baselines the chosen model must beat, with the same `.predict` interface.

(a) `KeywordRouter`: hand-written keyword lists per agency and category (matched on the
    diacritics-free lowercase text), the accused-head rules of `ml.accused` for escalation, no learning.
(b) `CharTfidfBaseline`: character 2-5-gram TF-IDF of the raw lowercased text (no
    normalisation, no segmentation) + logistic regression, one head per label.
Both use the same ward extractor as the chosen model (it is not learned).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ml.accused import analyse, escalated_agency
from ml.classifier import find_ward
from ml.cues import CATEGORY_CUES as CATEGORY_KEYWORDS
from ml.dataset import load_rows, split_rows
from ml.escalation import _plain
from ml.prediction import Prediction

AGENCY_KEYWORDS: dict[str, list[str]] = {
    "xa": [
        "ubnd xa",
        "uy ban nhan dan xa",
        "uy ban xa",
        "ubnd phuong",
        "uy ban nhan dan phuong",
        "mot cua xa",
        "mot cua phuong",
        "can bo xa",
        "can bo phuong",
        "dia chinh xa",
        "tu phap xa",
        "ho tich",
        "khai sinh",
        "khai tu",
        "ket hon",
        "chung thuc",
        "xac nhan",
        "truong thon",
        "tro cap",
        "ho ngheo",
        "len xa",
        "ra xa",
        "hanh chinh cong xa",
        "van hoa xa hoi",
        "xa bao",
        "phuong bao",
    ],
    "so-nong-nghiep-moi-truong": [
        "so do",
        "giay chung nhan quyen su dung dat",
        "van phong dang ky dat dai",
        "dang ky dat dai",
        "do dac",
        "boi thuong",
        "giai phong mat bang",
        "thuy loi",
        "kiem lam",
        "moi truong",
        "lam nghiep",
        "sang ten",
        "tach thua",
        "chi cuc thuy",
        "de dieu",
        "thu y",
        "bao ve thuc vat",
    ],
    "so-xay-dung": [
        "giay phep xay dung",
        "quy hoach",
        "dang kiem",
        "van tai",
        "duong tinh",
        "giao thong",
        "nha o xa hoi",
        "so xay dung",
        "phu hieu",
        "bien hieu xe",
        "cau duong",
    ],
    "so-tai-chinh": [
        "dang ky kinh doanh",
        "dang ky doanh nghiep",
        "thanh lap cong ty",
        "du an dau tu",
        "chu truong dau tu",
        "dang ky dau tu",
        "tai san cong",
        "so tai chinh",
        "gia ca",
    ],
    "so-noi-vu": [
        "thi tuyen",
        "tuyen dung",
        "cong chuc",
        "vien chuc",
        "bao hiem that nghiep",
        "tro cap that nghiep",
        "nguoi co cong",
        "liet si",
        "thuong binh",
        "giay phep lao dong",
        "tien luong",
        "so noi vu",
    ],
    "so-giao-duc-dao-tao": [
        "truong",
        "hoc sinh",
        "giao vien",
        "tuyen sinh",
        "hoc phi",
        "bang tot nghiep",
        "van bang",
        "nhap hoc",
        "phu huynh",
        "so giao duc",
        "co giao",
        "thay giao",
    ],
    "so-y-te": [
        "benh vien",
        "bac si",
        "kham benh",
        "tram y te",
        "trung tam y te",
        "giay kham suc khoe",
        "chung chi hanh nghe",
        "benh nhan",
        "y ta",
        "dieu duong",
        "so y te",
        "bao tro xa hoi",
    ],
    "so-tu-phap": [
        "cong chung",
        "luat su",
        "tro giup phap ly",
        "quoc tich",
        "thua phat lai",
        "so tu phap",
        "dau gia",
        "giam dinh tu phap",
    ],
    "so-cong-thuong": [
        "quan ly thi truong",
        "xang dau",
        "ruou",
        "thuoc la",
        "dien luc",
        "tien dien",
        "an toan thuc pham",
        "cong thuong",
        "cho",
        "khuyen cong",
    ],
    "so-van-hoa-the-thao-du-lich": [
        "karaoke",
        "le hoi",
        "du lich",
        "khach san",
        "di tich",
        "bao chi",
        "xuat ban",
        "quang cao",
        "the thao",
        "van hoa tinh",
        "phat thanh",
        "truyen hinh",
        "bieu dien",
        "quan bar",
    ],
    "so-khoa-hoc-cong-nghe": [
        "buu dien",
        "buu chinh",
        "vien thong",
        "internet",
        "sim",
        "do luong",
        "tieu chuan",
        "so huu tri tue",
        "chu ky so",
        "khoa hoc cong nghe",
        "nha mang",
    ],
    "so-dan-toc-ton-giao": [
        "dan toc thieu so",
        "ton giao",
        "nha tho",
        "chua",
        "giao xu",
        "nguoi co uy tin",
        "dong bao",
        "dan toc",
    ],
    "cong-an-tinh": [
        "cong an",
        "can cuoc",
        "cccd",
        "ho chieu",
        "cu tru",
        "thuong tru",
        "tam tru",
        "dang ky xe",
        "bien so",
        "giay phep lai xe",
        "bang lai",
        "csgt",
        "canh sat",
        "ly lich tu phap",
        "phong chay",
        "pccc",
        "vneid",
        "dinh danh",
    ],
    "thue": ["thue", "hoa don", "quyet toan", "hoan thue", "ma so thue", "le phi truoc ba", "tien su dung dat"],
    "bhxh": [
        "bao hiem xa hoi",
        "bhxh",
        "the bhyt",
        "bao hiem y te",
        "luong huu",
        "thai san",
        "om dau",
        "so bao hiem",
        "chot so",
    ],
    "thanh-tra-tinh": [
        "thanh tra tinh",
        "chu tich xa",
        "chu tich ubnd",
        "pho chu tich",
        "giam doc so",
        "pho giam doc",
        "chu tich phuong",
    ],
}


def _compile(lists: dict[str, list[str]]) -> dict[str, re.Pattern]:
    return {k: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ws) + r")\b") for k, ws in lists.items()}


class KeywordRouter:
    """(a) Keyword rules: the label with the most keyword hits; ties go to the list order; no learning."""

    name = "keywords"

    def __init__(self, default_agency: str = "xa", default_category: str = "khac"):
        self.agency_rx = _compile(AGENCY_KEYWORDS)
        self.category_rx = _compile(CATEGORY_KEYWORDS)
        self.default_agency, self.default_category = default_agency, default_category
        self.version = "keyword-rules"

    @staticmethod
    def _score(rx: dict[str, re.Pattern], text: str) -> list[tuple[str, float]]:
        counts = {k: len(r.findall(text)) for k, r in rx.items()}
        total = sum(counts.values())
        return sorted(((k, v / total if total else 0.0) for k, v in counts.items()), key=lambda kv: -kv[1])

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        out = []
        for t in texts:
            plain = _plain(t)
            a = self._score(self.agency_rx, plain)
            c = self._score(self.category_rx, plain)
            agency, conf = a[0] if a[0][1] > 0 else (self.default_agency, 0.0)
            category = c[0][0] if c[0][1] > 0 else self.default_category
            ward = find_ward(t)
            acc = analyse(t, plain=plain, text_ward=ward, subject=[k for k, _v in a])
            esc = acc.state == "accused"
            if esc:
                agency, conf = escalated_agency(acc.accused), 1.0
            out.append(
                Prediction(
                    agency=agency,
                    ward_code=ward,
                    category=category,
                    escalate=esc,
                    confidence=conf,
                    agency_ranking=tuple(a[:4]),
                    category_ranking=tuple(c[:4]),
                    model_version=self.version,
                    accused=acc.accused if esc else None,
                    accused_state=acc.state,
                    suspected=acc.suspected,
                )
            )
        return out


class CharTfidfBaseline:
    """(b) Character 2-5-gram TF-IDF (char_wb, raw lowercase text, no segmentation) + logistic regression."""

    name = "char-tfidf-lr"

    def __init__(self, C: float = 10.0):
        self.C = C
        self.version = "char-tfidf-lr"

    def fit(self, rows: Sequence[dict]) -> CharTfidfBaseline:
        from sklearn.feature_extraction.text import TfidfVectorizer  # lazy: scikit-learn only to fit
        from sklearn.linear_model import LogisticRegression  # lazy: scikit-learn only to fit

        texts = [r["text"] for r in rows]
        self.vec = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, lowercase=True, dtype=np.float32
        )
        X = self.vec.fit_transform(texts)
        self.agency = LogisticRegression(C=self.C, max_iter=2000).fit(X, [r["agency"] for r in rows])
        self.category = LogisticRegression(C=self.C, max_iter=2000).fit(X, [r["category"] for r in rows])
        ye = np.array([bool(r["escalate"]) for r in rows])
        self.escalate = (
            LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced").fit(X, ye)
            if ye.any() and not ye.all()
            else None
        )
        return self

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        X = self.vec.transform(texts)
        pa, pc = self.agency.predict_proba(X), self.category.predict_proba(X)
        pe = (
            self.escalate.predict_proba(X)[:, list(self.escalate.classes_).index(True)]
            if self.escalate is not None
            else np.zeros(len(texts))
        )
        out = []
        for i, t in enumerate(texts):
            ia, ic = int(np.argmax(pa[i])), int(np.argmax(pc[i]))
            esc = bool(pe[i] >= 0.5)
            agency = "thanh-tra-tinh" if esc else str(self.agency.classes_[ia])
            out.append(
                Prediction(
                    agency=agency,
                    ward_code=find_ward(t),
                    category=str(self.category.classes_[ic]),
                    escalate=esc,
                    confidence=float(pa[i, ia]) if not esc else float(pe[i]),
                    escalate_probability=float(pe[i]),
                    model_version=self.version,
                )
            )
        return out


def train_baselines(data_path) -> dict:
    train, _test = split_rows(load_rows(data_path))
    return {"keywords": KeywordRouter(), "char-tfidf-lr": CharTfidfBaseline().fit(train)}
