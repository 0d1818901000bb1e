"""Tests of the generated training corpus (ml/corpus, ml/data/reports.jsonl)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from ml.corpus import OUT_PATH, build_rows, split_for
from ml.dataset import DEV_EXAMPLES, load_jsonl
from ml.gazetteer import wards_2025
from ml.taxonomy import Agency, Category

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return build_rows()


@pytest.fixture(scope="module")
def committed() -> list[dict]:
    return [json.loads(line) for line in OUT_PATH.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_build_is_deterministic(rows):
    assert build_rows() == rows


def test_committed_file_matches_build(rows, committed):
    assert committed == rows


def test_fields_and_labels_valid(rows):
    agencies = {a.value for a in Agency}
    categories = {c.value for c in Category}
    codes = {u.code for u in wards_2025()}
    assert len(codes) == 166
    for r in rows:
        assert set(r) >= {"id", "text", "agency", "ward_code", "category", "escalate", "split", "style", "place_form"}
        assert r["agency"] in agencies
        assert r["category"] in categories
        assert r["ward_code"] is None or r["ward_code"] in codes
        assert isinstance(r["escalate"], bool)
        assert r["split"] == split_for(r["id"])
        if r["escalate"]:  # the accused head's body; the chánh thanh tra's reports go to the provincial chairman
            accused = r["accused"]["agency"]
            assert accused in agencies and accused != Agency.UBND_TINH.value
            inspectorate = accused == Agency.THANH_TRA_TINH.value
            assert r["agency"] == (Agency.UBND_TINH.value if inspectorate else Agency.THANH_TRA_TINH.value)
            assert r["accused"]["ward_code"] == (r["ward_code"] if accused == Agency.XA.value else None)
        else:
            assert r["accused"] is None


def test_ids_and_texts_unique(rows):
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({" ".join(r["text"].lower().split()) for r in rows}) == len(rows)


def test_counts(rows):
    n = len(rows)
    assert n >= 9000
    ag = Counter(r["agency"] for r in rows)
    assert set(ag) == {a.value for a in Agency}
    assert min(v for a, v in ag.items() if a != Agency.UBND_TINH.value) >= 250
    assert ag[Agency.UBND_TINH.value] >= 15  # reports accusing the chánh / phó chánh thanh tra tỉnh
    assert ag.most_common(1)[0][0] == "xa"
    assert 0.25 <= ag["xa"] / n <= 0.36
    cat = Counter(r["category"] for r in rows)
    assert set(cat) == {c.value for c in Category}
    assert min(cat.values()) >= 500
    esc = sum(r["escalate"] for r in rows) / n
    assert 0.11 <= esc <= 0.16
    located = sum(r["ward_code"] is not None for r in rows) / n
    assert 0.62 <= located <= 0.78
    forms = Counter(r["place_form"] for r in rows if r["ward_code"] is not None)
    new_share = forms["new"] / sum(forms.values())
    assert 0.35 <= new_share <= 0.65
    test_share = sum(r["split"] == "test" for r in rows) / n
    assert 0.12 <= test_share <= 0.18


def _no_marks(s: str) -> bool:
    return not any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", s)) and "đ" not in s.lower()


def test_styles(rows):
    n = len(rows)
    style = Counter(r["style"] for r in rows)
    nd = [r for r in rows if "no-diacritics" in r["style"]]
    assert 0.25 <= len(nd) / n <= 0.38
    assert all(_no_marks(r["text"]) for r in nd)
    assert 0.12 <= (style["texting"] + style["texting-no-diacritics"]) / n <= 0.22
    words = [len(r["text"].split()) for r in rows]
    assert min(words) <= 15 and max(words) >= 150


def test_escalation_spread(rows):
    esc = [r for r in rows if r["escalate"]]
    with_ward = sum(r["ward_code"] is not None for r in esc)
    assert with_ward > 0.3 * len(esc)  # commune chairmen keep their ward
    text = " ".join(r["text"].lower() for r in esc)
    assert "giám đốc" in text or "giam doc" in text
    hard = [
        r
        for r in rows
        if not r["escalate"] and re.search(r"chủ tịch|giám đốc|chu tich|giam doc", r["text"], re.IGNORECASE)
    ]
    assert len(hard) >= 300  # heads mentioned but not accused, unit heads


def _dev_texts() -> list[str]:
    return [r["text"] for r in load_jsonl(DEV_EXAMPLES)]


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _shingles(s: str, k: int = 4) -> set[tuple[str, ...]]:
    w = s.split()
    return {tuple(w[i : i + k]) for i in range(max(1, len(w) - k + 1))}


def test_no_dev_example_text_leaks(rows):
    dev = _dev_texts()
    assert len(dev) == 40
    dev_sh = [(_norm(t), _shingles(_norm(t))) for t in dev]
    for r in rows:
        t = _norm(r["text"])
        sh = _shingles(t)
        for dt, dsh in dev_sh:
            assert dt not in t and t not in dt, r["id"]
            inter = len(sh & dsh)
            # near-duplicate: most of either text's 4-word shingles shared
            assert inter < 0.5 * min(len(sh), len(dsh)) or inter < 4, (r["id"], dt[:80])


def test_old_names_resolve_like_vietnamadminunits():
    from vietnamadminunits import convert_address

    from ml.corpus.places import old_units

    for o in old_units():
        r = convert_address(f"{o.kind} {o.name}, {o.district_kind} {o.district}, tỉnh Thanh Hóa")
        assert f"{int(r.ward_code):05d}" == o.successor, o


def test_generator_imports_no_service_code():
    src = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "ml" / "corpus").glob("*.py"))
    for mod in ("flask", "sqlalchemy", "intake", "triage"):
        assert not re.search(rf"^\s*(from|import)\s+{mod}\b", src, re.MULTILINE), mod


# Subjects of each row of taxonomy.md's agency table that the corpus must cover,
# written without diacritics (matched against the normalised text of that agency's rows).
TAXONOMY_SUBJECTS = {
    "xa": ["khai sinh", "ket hon", "chung thuc", "xac nhan", "tro cap", "ki ot", "cho xa", "duong lien thon"],
    "so-nong-nghiep-moi-truong": ["so do", "do dac", "boi thuong", "moi truong", "kiem lam", "thuy loi", "de", "thu y"],
    "so-xay-dung": ["giay phep xay dung", "quy hoach", "dang kiem", "duong tinh", "van tai", "nha o xa hoi"],
    "so-tai-chinh": ["dang ky doanh nghiep", "dau tu", "tai san cong", "gia"],
    "so-noi-vu": ["cong chuc", "that nghiep", "liet si", "lao dong", "luong"],
    "so-giao-duc-dao-tao": ["tuyen sinh", "cac khoan thu", "bang tot nghiep", "hoc them"],
    "so-y-te": ["benh vien", "giay kham suc khoe", "chung chi hanh nghe", "bao tro xa hoi", "tre em"],
    "so-tu-phap": ["cong chung", "luat su", "tro giup phap ly", "quoc tich", "thua phat lai"],
    "so-cong-thuong": ["xang dau", "ruou", "thuoc la", "dien", "quan ly thi truong"],
    "so-van-hoa-the-thao-du-lich": [
        "karaoke",
        "su kien",
        "xuat ban",
        "in",
        "ban tin",
        "khach san",
        "huong dan vien",
        "lu hanh",
        "di tich",
        "trang thong tin dien tu",
    ],
    "so-khoa-hoc-cong-nghe": ["buu dien", "vien thong", "dich vu cong", "do luong", "nhan hieu"],
    "so-dan-toc-ton-giao": ["ton giao", "dan toc", "nguoi co uy tin"],
    "cong-an-tinh": ["can cuoc", "tru", "ho chieu", "dang ky xe", "bang lai", "ly lich tu phap", "pccc"],
    "thue": ["hoan thue", "truoc ba", "tien su dung dat", "hoa don", "ma so thue"],
    "bhxh": ["so bhxh", "luong huu", "thai san", "bhyt"],
}


def test_taxonomy_subjects_covered(rows):
    texts: dict[str, list[str]] = {}
    for r in rows:
        if not r["escalate"]:
            texts.setdefault(r["agency"], []).append(" " + _norm(r["text"]) + " ")
    for agency, subjects in TAXONOMY_SUBJECTS.items():
        for s in subjects:
            n = sum(f" {s} " in t for t in texts[agency])
            assert n >= 5, (agency, s, n)
