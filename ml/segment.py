"""Vietnamese word segmentation: one underthesea CRF pass per text.

underthesea ships its CRF segmentation model inside the wheel
(`underthesea/pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727`), so nothing
is downloaded at run time. Segmentation is the cost floor of the classifier: every
other feature is derived from its output or from cheap string operations.

`segment` does what `underthesea.word_tokenize(text, use_token_normalize=False)` does
(same regex pre-tokeniser, same featuriser and CRF model, same output) but returns the
words "_"-joined directly and skips the per-token re-normalisation, which ml.normalize
has already done (NFC, one tone-mark placement). tests/ml check the equality on the
corpus. If underthesea's internals ever move, it falls back to `word_tokenize`.
"""

from __future__ import annotations

import re

_SYLLABLE_RE = re.compile(r"\w+", re.UNICODE)
_impl = None


def _load():
    global _impl
    try:
        import underthesea.pipeline.word_tokenize as wt  # lazy: underthesea loads on the first segmentation
        from underthesea.pipeline.word_tokenize import regex_tokenize  # lazy: as above

        if wt.word_tokenize_model is None:
            wt.word_tokenize("khởi động")  # let underthesea load its own model, from its own path
        model = wt.word_tokenize_model
        featurizer, tagger, tokenize = model.featurizer, model.estimator, regex_tokenize.tokenize
        _impl = ("direct", featurizer, tagger, tokenize)
    except (ImportError, AttributeError):  # pragma: no cover - other underthesea versions
        from underthesea import word_tokenize  # lazy: as above

        _impl = ("word_tokenize", word_tokenize, None, None)
    return _impl


def segment(text: str) -> list[str]:
    """Words of `text` (multi-syllable words joined by "_"), e.g. ["cán_bộ", "một", "cửa"]."""
    if not text or not text.strip():
        return []
    impl = _impl or _load()
    if impl[0] != "direct":
        return [w.replace(" ", "_") for w in impl[1](text, use_token_normalize=False)]
    _, featurizer, tagger, tokenize = impl
    tokens = tokenize(text, use_token_normalize=False)
    tags = tagger.tag(featurizer.process([[[t] for t in tokens]])[0])
    words: list[str] = []
    for tag, tok in zip(tags, tokens, strict=True):
        if tag == "I-W" and words:
            words[-1] = words[-1] + "_" + tok
        else:
            words.append(tok)
    return words


def syllables(text: str) -> list[str]:
    """Syllables (runs of word characters) of `text`: a regex split, ~100x cheaper than `segment`."""
    return _SYLLABLE_RE.findall(text)


def warm_up() -> None:
    """Load underthesea's CRF model now (it is loaded lazily on the first call)."""
    segment("cán bộ xã")
