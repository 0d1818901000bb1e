"""The model handle keeps the last good model when a newly published artifact does not load."""

from __future__ import annotations

import logging
import shutil

import joblib
import pytest

from ml.classifier import ModelHandle, artifact_problem, load_classifier, publish, resolve_artifact


def _directory_with(small_model_dir, tmp_path):
    """A copy of the session's model directory (its artifact published), and that artifact."""
    model_dir = shutil.copytree(small_model_dir, tmp_path / "models")
    return model_dir, resolve_artifact(model_dir)


def _publish_truncated(model_dir, good, name="classifier-29990101T000000Z-broken00.joblib"):
    data = good.read_bytes()
    (model_dir / name).write_bytes(data[: len(data) // 2])
    publish(model_dir, name)
    return name


def test_a_truncated_model_published_as_current_leaves_the_good_one_serving(small_model_dir, tmp_path, caplog):
    model_dir, good = _directory_with(small_model_dir, tmp_path)
    handle = ModelHandle(model_dir, check_interval=0.0)
    held = handle.get()
    assert not handle.state().degraded and handle.state().loaded == held.version

    bad = _publish_truncated(model_dir, good)
    with caplog.at_level(logging.ERROR, logger="ml.classifier"):
        for _ in range(5):
            assert handle.get() is held
        assert held.predict(["Cán bộ xã đòi tiền mới nhận hồ sơ."])[0].model_version == held.version
    state = handle.state()
    assert state.degraded and state.failed == bad and state.published == bad and state.loaded == held.version
    assert state.error  # the exception's type, e.g. EOFError or UnpicklingError
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and bad in errors[0].getMessage() and held.version in errors[0].getMessage()

    # Publishing the same bad artifact again logs nothing new; a good newer one is taken and clears the state.
    with caplog.at_level(logging.ERROR, logger="ml.classifier"):
        publish(model_dir, bad)
        assert handle.get() is held
    assert len([r for r in caplog.records if r.levelno == logging.ERROR]) == 1
    newer = load_classifier(good)
    newer.metadata["version"] = "29990101T000000Z-newer000"
    joblib.dump(newer, model_dir / "classifier-29990101T000000Z-newer000.joblib")
    publish(model_dir, "classifier-29990101T000000Z-newer000.joblib")
    assert handle.get().version == "29990101T000000Z-newer000"
    assert handle.state() == handle.state().__class__(
        loaded="29990101T000000Z-newer000", published="classifier-29990101T000000Z-newer000.joblib"
    )


def test_a_pointer_to_a_missing_file_keeps_the_model_too(small_model_dir, tmp_path):
    model_dir, _ = _directory_with(small_model_dir, tmp_path)
    handle = ModelHandle(model_dir, check_interval=0.0)
    held = handle.get()
    publish(model_dir, "classifier-gone.joblib")
    assert handle.get() is held
    assert handle.state().failed == "classifier-gone.joblib" and handle.state().error == "FileNotFoundError"


def test_with_no_good_model_in_memory_a_bad_artifact_is_an_error(small_model_dir, tmp_path):
    model_dir, good = _directory_with(small_model_dir, tmp_path)
    bad = _publish_truncated(model_dir, good)
    handle = ModelHandle(model_dir, check_interval=0.0)
    with pytest.raises(Exception):  # noqa: B017  (whatever the truncated pickle raises)
        handle.get()
    state = handle.state()
    assert state.loaded == "" and state.failed == bad and not state.degraded


def test_a_whole_artifact_is_told_from_a_truncated_or_garbage_one_without_loading_it(small_model_dir, tmp_path):
    model_dir, good = _directory_with(small_model_dir, tmp_path)
    assert artifact_problem(good) == ""
    data = good.read_bytes()
    for cut in (1, len(data) // 3, len(data) - 1):
        (model_dir / "cut.joblib").write_bytes(data[:cut])
        assert artifact_problem(model_dir / "cut.joblib") in ("EOFError", "UnpicklingError"), cut
    (model_dir / "garbage.joblib").write_bytes(b"<html>not found</html>.")
    assert artifact_problem(model_dir / "garbage.joblib") == "UnpicklingError"
    assert artifact_problem(model_dir / "missing.joblib") == "FileNotFoundError"
