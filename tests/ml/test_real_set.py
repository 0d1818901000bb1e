"""The real-text evaluation set (ml/data/real/): its schema, its labels, its mix, and that nothing trains on it."""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

from core.vocabulary import Kind
from ml.dataset import DEFAULT_DATA, DEV_EXAMPLES, REAL_SET, is_evaluation_data, load_jsonl, load_rows
from ml.gazetteer import wards_2025
from ml.normalize import strip_diacritics
from ml.taxonomy import Agency, Category

# docs/taxonomy.md section 1: `ubnd-tinh` receives reports against the chánh or a phó chánh thanh tra; the code
# is part of the contract even where `Agency` does not list it yet.
UBND_TINH = "ubnd-tinh"
AGENCIES = {a.value for a in Agency} | {UBND_TINH}
ESCALATION_TARGETS = {Agency.THANH_TRA_TINH.value, UBND_TINH}
PROVINCIAL = AGENCIES - {Agency.XA.value}
FIELDS = {
    "id": str,
    "text": str,
    "agency": str,
    "ward_code": (str, type(None)),
    "category": str,
    "escalate": bool,
    "accused": (dict, type(None)),
    "kind": str,
    "source_url": str,
    "style": str,
    "head": str,
    "unit_head": bool,
    "note": str,
}
STYLES = {"accented", "texting", "no-diacritics"}
HEADS = {"none", "mentioned", "accused"}


@pytest.fixture(scope="module")
def rows():
    return load_jsonl(REAL_SET)


@pytest.fixture(scope="module")
def ward_codes():
    return {u.code for u in wards_2025()}


def test_every_row_has_the_fields_with_their_types(rows):
    for r in rows:
        assert set(r) == set(FIELDS), r.get("id")
        for name, kind in FIELDS.items():
            assert isinstance(r[name], kind), (r["id"], name)
        assert r["text"].strip() and r["note"].strip()
        assert r["source_url"].startswith(("http://", "https://")), r["id"]


def test_ids_are_unique_and_numbered(rows):
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert ids == [f"real-{i:03d}" for i in range(1, len(rows) + 1)]


def test_codes_are_those_of_the_taxonomy(rows, ward_codes):
    kinds = {k.value for k in Kind}
    for r in rows:
        assert r["agency"] in AGENCIES, r["id"]
        assert r["category"] in {c.value for c in Category}, r["id"]
        assert r["kind"] in kinds, r["id"]
        assert r["style"] in STYLES, r["id"]
        assert r["head"] in HEADS, r["id"]
        assert r["ward_code"] is None or r["ward_code"] in ward_codes, r["id"]


def test_accused_is_set_exactly_on_escalations(rows, ward_codes):
    for r in rows:
        assert (r["accused"] is None) == (not r["escalate"]), r["id"]
        assert (r["head"] == "accused") == r["escalate"], r["id"]
        if not r["escalate"]:
            assert r["agency"] != UBND_TINH, r["id"]  # the provincial chairman only receives escalations
            continue
        assert r["agency"] in ESCALATION_TARGETS, r["id"]
        accused = r["accused"]
        assert set(accused) == {"agency", "ward_code"}, r["id"]
        assert accused["agency"] in AGENCIES - {UBND_TINH}, r["id"]
        # the chánh/phó chánh thanh tra tỉnh goes to the provincial chairman, every other leader to the inspectorate
        assert (r["agency"] == UBND_TINH) == (accused["agency"] == Agency.THANH_TRA_TINH.value), r["id"]
        if accused["agency"] == Agency.XA.value:
            assert accused["ward_code"] in ward_codes, r["id"]
        else:
            assert accused["ward_code"] is None, r["id"]


def test_unit_heads_inside_a_body_never_escalate(rows):
    assert all(not r["escalate"] for r in rows if r["unit_head"])


def test_styles_are_what_they_claim(rows):
    for r in rows:
        text = r["text"]
        plain = strip_diacritics(text) == text
        if r["style"] == "no-diacritics":
            assert plain, r["id"]
        else:
            assert not plain, r["id"]
        if r["style"] == "texting":
            assert text == text.lower(), r["id"]


def test_the_required_mix_holds(rows):
    assert len(rows) >= 170
    heads = Counter(r["head"] for r in rows)
    assert heads["mentioned"] >= 45 and heads["accused"] >= 30
    assert sum(r["unit_head"] for r in rows) >= 10
    styles = Counter(r["style"] for r in rows)
    assert styles["texting"] >= 25 and styles["no-diacritics"] >= 25
    assert sum(r["ward_code"] is None for r in rows) >= 20
    categories = Counter(r["category"] for r in rows)
    assert {c.value for c in Category} <= set(categories)
    assert min(categories.values()) >= 12
    agencies = Counter(r["agency"] for r in rows)
    assert agencies.most_common(1)[0][0] == Agency.XA.value
    assert all(agencies[a] >= 3 for a in PROVINCIAL), agencies
    assert set(Counter(r["kind"] for r in rows)) == {k.value for k in Kind}


def test_accused_bodies_are_varied(rows):
    accused = Counter(r["accused"]["agency"] for r in rows if r["escalate"])
    assert accused[Agency.XA.value] >= 10
    for body in (Agency.CONG_AN_TINH, Agency.THUE, Agency.BHXH, Agency.THANH_TRA_TINH):
        assert accused[body.value] >= 1, body
    assert sum(n for a, n in accused.items() if a.startswith("so-")) >= 4
    assert sum(r["agency"] == UBND_TINH for r in rows) >= 2


# The hard cases ml/data/real/README.md decides, by id: (agency, ward_code, escalate, accused).
HARD_CASES = {
    "real-003": ("xa", "15592", False, None),  # a former chairman leads nothing now
    "real-020": (UBND_TINH, None, True, {"agency": "thanh-tra-tinh", "ward_code": None}),  # deputy chief inspector
    "real-051": ("thanh-tra-tinh", None, True, {"agency": "so-tu-phap", "ward_code": None}),  # no place named
    "real-064": ("thanh-tra-tinh", "15499", True, {"agency": "bhxh", "ward_code": None}),  # provincial leadership
    "real-065": ("bhxh", "16279", False, None),  # the local branch director heads a unit, not the body
    "real-071": ("so-noi-vu", None, False, None),  # only the reporter's home commune is named
    "real-088": ("thue", "15271", False, None),  # the reporter is himself a commune vice-chairman
    "real-102": ("thanh-tra-tinh", "14932", True, {"agency": "xa", "ward_code": "14932"}),  # now leads a commune
    "real-103": (UBND_TINH, None, True, {"agency": "thanh-tra-tinh", "ward_code": None}),  # the chief inspector
    "real-111": ("thanh-tra-tinh", None, False, None),  # an ordinary inspectorate officer
    "real-112": ("xa", "16342", False, None),  # a retired chairman
}


def test_the_hard_cases_of_the_readme_keep_their_labels(rows):
    by_id = {r["id"]: r for r in rows}
    for row_id, (agency, ward, escalate, accused) in HARD_CASES.items():
        r = by_id[row_id]
        assert (r["agency"], r["ward_code"], r["escalate"], r["accused"]) == (agency, ward, escalate, accused), row_id


def _sentences(text: str) -> set[str]:
    """Sentences of at least six words, compared without case, diacritics or punctuation."""
    out = set()
    for s in re.split(r"[.!?;:\n]+", text):
        words = re.findall(r"\w+", strip_diacritics(s.lower()))
        if len(words) >= 6:
            out.add(" ".join(words))
    return out


def test_no_text_shares_a_sentence_with_the_corpus_or_the_dev_examples(rows):
    if not DEFAULT_DATA.exists():
        pytest.skip(f"corpus {DEFAULT_DATA} not present")
    other = set()
    for path in (DEFAULT_DATA, DEV_EXAMPLES):
        for r in load_jsonl(path):
            other |= _sentences(r["text"])
    shared = {r["id"]: _sentences(r["text"]) & other for r in rows}
    assert not {k: v for k, v in shared.items() if v}


def test_training_readers_refuse_the_real_set(tmp_path):
    copy = tmp_path / "anything.jsonl"
    shutil.copy(REAL_SET, copy)
    assert is_evaluation_data(REAL_SET) and is_evaluation_data(copy)
    for path in (REAL_SET, copy):
        with pytest.raises(ValueError, match="evaluation only"):
            load_rows(path)


def test_a_corpus_like_file_is_still_accepted(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(REAL_SET.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert not is_evaluation_data(path)
    assert load_rows(path)[0]["id"] == "real-001"
