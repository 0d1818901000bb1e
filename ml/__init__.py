"""Vietnamese routing classifier for misconduct reports: a plain library (no Flask, no SQLAlchemy)."""
from ml.prediction import Prediction

__all__ = ["Prediction", "load_classifier"]


def load_classifier(path):
    """Load a trained classifier artifact; `.predict(texts) -> list[Prediction]`."""
    from ml.classifier import load_classifier as _load

    return _load(path)
