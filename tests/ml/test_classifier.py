"""The classifier on real outputs: routing of clear sentences, escalation, artifacts, reloads, corrections."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import warnings
from importlib.metadata import version

import joblib
import pytest

from ml import ModelVersionWarning, load_classifier
from ml.classifier import ModelHandle, publish, resolve_artifact
from ml.corrections import CorrectionError, append_correction, load_corrections
from ml.dataset import DEFAULT_DATA
from ml.escalation import rule_escalate
from ml.normalize import strip_diacritics
from ml.prediction import Prediction
from ml.taxonomy import Agency, Category
from ml.train import train_and_publish

HAS_WARDS = importlib.util.find_spec("ml.wards") is not None

# My own sentences, one clear procedure each (not from the corpus or dev-examples).
CLEAR = [
    ("Tôi đi làm căn cước công dân ở công an xã, cán bộ công an bảo đưa 500 nghìn thì làm nhanh cho.", "cong-an-tinh"),
    (
        "Tôi lên bảo hiểm xã hội làm thủ tục hưởng chế độ thai sản, nộp sổ bảo hiểm xã hội đủ giấy tờ mà cán bộ "
        "hẹn hết lần này đến lần khác, hai tháng chưa có tiền.",
        "bhxh",
    ),
    (
        "Tôi ra bộ phận một cửa UBND xã đăng ký khai sinh cho con, cán bộ tư pháp hộ tịch quát nạt, "
        "bảo tôi không biết điền tờ khai thì về nhà.",
        "xa",
    ),
    (
        "Tôi đến văn phòng công chứng để công chứng hợp đồng mua bán nhà, công chứng viên đòi thêm "
        "2 triệu ngoài phí công chứng.",
        "so-tu-phap",
    ),
    (
        "Tôi làm hồ sơ hoàn thuế thu nhập cá nhân, cán bộ thuế bảo muốn được hoàn nhanh thì phải gửi "
        "phong bì, không thì để đó.",
        "thue",
    ),
]


def test_predict_returns_contract_predictions(small_model):
    preds = small_model.predict([t for t, _ in CLEAR])
    assert len(preds) == len(CLEAR)
    for p in preds:
        assert isinstance(p, Prediction)
        assert p.agency in {a.value for a in Agency}
        assert p.category in {c.value for c in Category}
        assert 0.0 <= p.confidence <= 1.0
        assert p.agency_ranking[0][0] == p.agency or p.escalate
        assert len(p.agency_ranking) >= 2 and len(p.category_ranking) >= 2  # runners-up
        probs = [q for _, q in p.agency_ranking]
        assert probs == sorted(probs, reverse=True)
        assert p.model_version == small_model.version
    assert small_model.predict([]) == []


@pytest.mark.parametrize("text,agency", CLEAR)
def test_clear_sentences_route_the_same_with_and_without_diacritics(small_model, text, agency):
    accented, plain = small_model.predict([text, strip_diacritics(text)])
    assert accented.agency == agency
    assert plain.agency == agency
    assert not accented.escalate and not plain.escalate


def test_escalated_report_goes_to_the_inspectorate_and_keeps_its_ward(small_model):
    text = (
        "Chủ tịch UBND xã Ngọc Lặc nhận của tôi 50 triệu để ký xác nhận hồ sơ đất, "
        "sau đó vẫn không ký mà còn đe dọa tôi."
    )
    for t in (text, strip_diacritics(text).lower()):
        p = small_model.predict([t])[0]
        assert p.escalate is True
        assert p.agency == "thanh-tra-tinh"
        if HAS_WARDS:
            assert p.ward_code == "15061"


def test_chairman_as_recipient_does_not_escalate(small_model):
    text = (
        "Kính gửi Chủ tịch UBND xã Ngọc Lặc. Cán bộ địa chính xã đòi tôi 5 triệu mới xác nhận "
        "nguồn gốc đất. Đề nghị Chủ tịch xã xem xét xử lý."
    )
    p = small_model.predict([text])[0]
    assert p.escalate is False
    assert p.agency == "xa"


def test_report_without_place_has_null_ward(small_model):
    p = small_model.predict(["cán bộ quát nạt tôi khi tôi hỏi thủ tục, thái độ rất hách dịch"])[0]
    assert p.ward_code is None


# --------------------------------------------------------------------------- escalation rules


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND xã Hoằng Phong nhận tiền của dân rồi mới ký",
        "pho chu tich xa an chan tien ho tro lu lut",
        "CT xã ăn tiền đền bù của dân",
        "ông PCT UBND phường Quảng Phú chỉ đạo bán đất công cho người nhà",
        "Phó giám đốc Sở Xây dựng ưu ái công ty của em vợ",
        "pgd so tai chinh doi tien moi ky quyet dinh",
        "Giám đốc Công an tỉnh bao che cho cấp dưới",
        "Giám đốc Bảo hiểm xã hội tỉnh ký sai quyết định",
        "chủ tịch phường Đông Vệ quát dân ngay tại trụ sở",
        "Tôi đưa cho chủ tịch xã 5 triệu thì mới được ký",
    ],
)
def test_rule_escalates_accused_heads(text):
    assert rule_escalate(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Kính gửi Chủ tịch UBND xã Hoằng Phong. Cán bộ địa chính đòi tiền.",
        "Đề nghị chủ tịch xã xem xét xử lý cán bộ một cửa",
        "Tôi đã gửi đơn lên chủ tịch xã nhưng không ai trả lời",
        "trưởng công an xã đòi tiền mới làm căn cước",
        "Giám đốc bệnh viện đa khoa tỉnh cho thu thêm tiền giường",
        "chủ tịch hội nông dân xã ép dân mua phân bón",
        "chủ tịch hợp tác xã ăn chặn tiền hỗ trợ",
        "Giám đốc chi nhánh văn phòng đăng ký đất đai ngâm hồ sơ",
        "giám đốc trung tâm y tế huyện cũ quát bệnh nhân",
        "chủ tịch HĐND xã nói sai sự thật",
        "cán bộ địa chính xã đòi 5 triệu",
    ],
)
def test_rule_does_not_escalate_hard_negatives(text):
    assert rule_escalate(text) is False


# --------------------------------------------------------------------------- artifacts


def test_artifact_metadata(small_model_dir, small_model):
    artifact = resolve_artifact(small_model_dir)
    md = small_model.metadata
    assert artifact.name == f"classifier-{md['version']}.joblib"
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{8}", md["version"])
    assert md["data_sha256"] == hashlib.sha256(DEFAULT_DATA.read_bytes()).hexdigest()
    assert md["version"].endswith(md["data_sha256"][:8])
    assert "+ml." in md["code_version"]
    assert md["created_at"].endswith("+00:00")
    # the agency head learns the bodies of non-escalated reports; ubnd-tinh is reached only by escalation
    assert set(md["agency_labels"]) == {a.value for a in Agency} - {Agency.UBND_TINH.value}
    assert set(md["category_labels"]) == {c.value for c in Category}
    assert md["n_corrections"] == 0
    assert md["settings"]["blocks"]
    test = md["metrics"]["test"]
    assert 0.0 <= test["agency_accuracy"] <= 1.0 and test["n"] > 0
    assert (small_model_dir / "current").read_text().strip() == artifact.name
    gate = md["gate"]  # the first model of a directory: nothing to compare, published
    assert gate["published"] and gate["current"] is None and gate["rows"] > 0


LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib")


def test_artifact_records_library_versions(small_model):
    recorded = small_model.metadata["library_versions"]
    assert recorded == {lib: version(lib) for lib in LIBRARIES}
    import numpy
    import sklearn

    assert recorded["scikit-learn"] == sklearn.__version__
    assert recorded["numpy"] == numpy.__version__


def _artifact_with_metadata(small_model_dir, tmp_path, edit) -> str:
    """A copy of the session model whose metadata `edit` changed."""
    clf = joblib.load(resolve_artifact(small_model_dir))
    clf.metadata.pop("path", None)
    edit(clf.metadata)
    path = tmp_path / "edited.joblib"
    joblib.dump(clf, path)
    return str(path)


def test_loading_a_model_of_the_installed_versions_does_not_warn(small_model_dir):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_classifier(small_model_dir)
    assert not [w for w in caught if issubclass(w.category, ModelVersionWarning)]


def test_loading_a_model_of_other_versions_warns_naming_library_and_versions(small_model_dir, tmp_path):
    path = _artifact_with_metadata(
        small_model_dir, tmp_path, lambda md: md["library_versions"].update({"scikit-learn": "0.24.2"})
    )
    with pytest.warns(ModelVersionWarning) as caught:
        clf = load_classifier(path)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert message.startswith(f"model {path} was trained with other library versions: ")
    assert message.split("versions: ", 1)[1] == f"scikit-learn 0.24.2, installed {version('scikit-learn')}"  # only it
    assert clf.predict(["cán bộ xã đòi tiền"])[0].agency in {a.value for a in Agency}  # the model still loads


def test_loading_a_model_without_recorded_versions_warns(small_model_dir, tmp_path):
    path = _artifact_with_metadata(small_model_dir, tmp_path, lambda md: md.pop("library_versions"))
    with pytest.warns(ModelVersionWarning) as caught:
        load_classifier(path)
    message = str(caught[0].message)
    for lib in LIBRARIES:
        assert f"{lib} (not recorded), installed {version(lib)}" in message


def test_model_handle_reloads_after_a_newer_model_is_published(small_model_dir, tmp_path):
    model_dir = tmp_path / "models"
    model_dir.mkdir()
    first = resolve_artifact(small_model_dir)
    shutil.copy(first, model_dir / first.name)
    publish(model_dir, first.name)

    handle = ModelHandle(model_dir, check_interval=0.0)
    m1 = handle.get()
    assert handle.get() is m1  # pointer unchanged: the same object, no reload
    assert m1.version == load_classifier(first).version

    newer = load_classifier(first)
    newer.metadata["version"] = "29990101T000000Z-newer000"
    joblib.dump(newer, model_dir / "classifier-29990101T000000Z-newer000.joblib")
    publish(model_dir, "classifier-29990101T000000Z-newer000.joblib")

    m2 = handle.get()
    assert m2 is not m1
    assert m2.version == "29990101T000000Z-newer000"
    assert m2.predict(["cán bộ xã đòi tiền"])[0].model_version == "29990101T000000Z-newer000"


def test_model_handle_checks_at_most_every_interval(small_model_dir, tmp_path):
    model_dir = tmp_path / "models"
    model_dir.mkdir()
    first = resolve_artifact(small_model_dir)
    shutil.copy(first, model_dir / first.name)
    publish(model_dir, first.name)
    handle = ModelHandle(model_dir, check_interval=3600)
    m1 = handle.get()
    newer = load_classifier(first)
    newer.metadata["version"] = "29990101T000000Z-later000"
    joblib.dump(newer, model_dir / "later.joblib")
    publish(model_dir, "later.joblib")
    assert handle.get() is m1  # within the interval: no stat, no reload


# --------------------------------------------------------------------------- corrections


def test_corrections_are_validated(tmp_path):
    path = tmp_path / "corrections.jsonl"
    append_correction(
        path,
        {
            "text": "cán bộ xã đòi tiền",
            "agency": "xa",
            "ward_code": "15061",
            "category": "doi-tien",
            "escalate": False,
            "source": "reroute:42",
        },
    )
    rows = load_corrections(path)
    assert rows == [
        {
            "text": "cán bộ xã đòi tiền",
            "agency": "xa",
            "ward_code": "15061",
            "category": "doi-tien",
            "escalate": False,
            "source": "reroute:42",
            "split": "train",
        }
    ]
    with pytest.raises(CorrectionError, match="unknown agency"):
        append_correction(path, {"text": "x", "agency": "so-khong-co", "category": "khac", "escalate": False})
    path.write_text(path.read_text() + "{not json\n")
    with pytest.raises(CorrectionError, match="line 2"):
        load_corrections(path)


@pytest.mark.slow
def test_corrections_are_folded_into_training(tmp_path):
    """A made-up procedure word, labelled only by corrections, is learnt and counted in the metadata."""
    corr = tmp_path / "corrections.jsonl"
    phrasings = [
        "Tôi làm thủ tục zorblat thì cán bộ {} .",
        "zorblat ở đây {}, mong xem xét.",
        "thu tuc zorblat: can bo {}",
        "Hồ sơ zorblat của tôi bị {}.",
    ]
    fills = ["hẹn mãi không trả", "đòi thêm tiền", "không tiếp nhận", "quát nạt", "bắt nộp thêm giấy"]
    for ph in phrasings:
        for f in fills:
            append_correction(
                corr,
                {
                    "text": ph.format(f),
                    "agency": "so-tu-phap",
                    "ward_code": None,
                    "category": "khac",
                    "escalate": False,
                    "source": "test",
                },
            )
    out = tmp_path / "models"
    clf, path, _ = train_and_publish(
        DEFAULT_DATA,
        out,
        corrections_path=corr,
        max_rows=600,
        progress=False,
        evaluate_test=False,
        corrections_weight=3.0,
    )
    assert clf.metadata["n_corrections"] == 20
    assert clf.metadata["corrections_weight"] == 3.0
    assert clf.metadata["corrections_sha256"] == hashlib.sha256(corr.read_bytes()).hexdigest()
    p = load_classifier(out).predict(["Thủ tục zorblat của tôi bị cán bộ làm khó"])[0]
    assert p.agency == "so-tu-phap"


# --------------------------------------------------------------------------- serving form


def test_loaded_model_needs_no_scikit_learn(small_model_dir):
    """Heads are compiled to numpy arrays: a worker loading the model never imports scikit-learn."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom ml import load_classifier\n"
        f"clf = load_classifier({str(small_model_dir)!r})\n"
        "p = clf.predict(['cán bộ xã đòi tiền'])[0]\n"
        "print(type(clf.agency_model).__name__, p.agency, any(m.startswith('sklearn') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "LinearHead"
    assert out[2] == "False"


def test_feature_transform_matches_scikit_learn(corpus_rows):
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer

    from ml.features import FeatureBuilder, analyze

    docs = [analyze(r["text"]) for r in corpus_rows[:300]]
    fb = FeatureBuilder(["word", "word_plain", "syl", "char"]).fit(docs[:200])
    ours = fb.transform(docs[200:])
    ref = (
        sp.hstack(
            [
                TfidfVectorizer(analyzer=an, sublinear_tf=True, min_df=2, lowercase=False)
                .fit(docs[:200])
                .transform(docs[200:])
                for an in fb.analyzers
            ]
        ).tocsr()
        / 2.0
    )
    assert ours.shape == ref.shape
    assert abs(ours - ref).max() < 1e-5
    assert np.isclose(sp.linalg.norm(ours[0]), 1.0, atol=1e-5)


@pytest.mark.slow
def test_segment_equals_underthesea_word_tokenize(corpus_rows):
    """ml.segment drives underthesea's own regex tokeniser and CRF model: same words as word_tokenize."""
    from underthesea import word_tokenize

    from ml.normalize import normalize
    from ml.segment import segment

    texts = [normalize(r["text"]) for r in corpus_rows[:400]]
    for t in texts:
        assert segment(t) == [w.replace(" ", "_") for w in word_tokenize(t, use_token_normalize=False)]
    assert segment("") == []
