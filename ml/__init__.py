"""Vietnamese routing classifier for misconduct reports: a plain library (no Flask, no SQLAlchemy)."""

from ml.prediction import Prediction
from ml.versions import ModelVersionWarning

__all__ = ["ModelVersionWarning", "Prediction", "load_classifier"]


def load_classifier(path):
    """Load a trained classifier artifact; `.predict(texts) -> list[Prediction]`."""
    from ml.classifier import load_classifier as _load  # lazy: ml.classifier loads numpy and scipy

    return _load(path)
