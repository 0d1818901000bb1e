"""Vietnamese word segmentation: one underthesea `word_tokenize` call per text.

underthesea ships its CRF segmentation model inside the wheel
(`underthesea/pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727`), so nothing
is downloaded at run time. Segmentation is the cost floor of the classifier: every
other feature is derived from its output or from cheap string operations.
"""
from __future__ import annotations

import re

_SYLLABLE_RE = re.compile(r"\w+", re.UNICODE)


def segment(text: str) -> list[str]:
    """Words of `text` (multi-syllable words joined by "_"), e.g. ["cán_bộ", "một", "cửa"]."""
    from underthesea import word_tokenize

    if not text or not text.strip():
        return []
    # The text comes from ml.normalize (NFC, one tone-mark placement), so underthesea's own per-token
    # normalisation is skipped: same words on normalised text (checked on the corpus), less time.
    return [w.replace(" ", "_") for w in word_tokenize(text, use_token_normalize=False)]


def syllables(text: str) -> list[str]:
    """Syllables (runs of word characters) of `text`: a regex split, ~100x cheaper than `segment`."""
    return _SYLLABLE_RE.findall(text)


def warm_up() -> None:
    """Load underthesea's CRF model now (it is loaded lazily on the first call)."""
    segment("cán bộ xã")
