"""Text features that survive missing diacritics.

Each text is analysed once (`analyze`): normalised (NFC, lowercase, abbreviations
expanded, by `ml.normalize`), segmented into words by ONE underthesea call, and
projected onto its diacritics-free view. The feature blocks are then cheap:

- ``word``:       word 1-2-grams of the accented view (as the citizen wrote it);
- ``word_plain``: the same words with diacritics stripped, so "cán_bộ" and the
                  unaccented "can_bo" share a feature once segmented alike;
- ``syl``:        syllable 1-3-grams of the diacritics-free view: independent of how
                  the segmenter split an unaccented text (segmentation quality drops
                  without diacritics, syllables do not);
- ``char``:       character 2-5-grams (within word boundaries) of the
                  diacritics-free view: robust to typos and to "ko"/"k" style spelling.

Blocks are TF-IDF weighted (sublinear tf), L2-normalised per block and stacked.
Which blocks are used is a setting chosen by cross-validation on the train split
(`python -m ml select`); see BENCHMARKS.md.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize

from ml.segment import segment

_HAS_ALNUM = re.compile(r"\w", re.UNICODE)
_SYL_RE = re.compile(r"\w+", re.UNICODE)

BLOCKS = ("word", "word_plain", "syl", "char")


@dataclass(frozen=True, slots=True)
class Doc:
    """One analysed text: both views and the segmentation, computed once."""

    norm: str  # normalised text, diacritics kept as written
    plain: str  # normalised text without diacritics
    words: tuple[str, ...]  # segmented words of `norm` ("cán_bộ"), punctuation dropped
    words_plain: tuple[str, ...]  # the same words without diacritics ("can_bo")
    syls: tuple[str, ...]  # syllables of `plain`


def _views(text: str) -> tuple[str, str]:
    from ml.normalize import views

    return views(text)


def _strip(text: str) -> str:
    from ml.normalize import strip_diacritics

    return strip_diacritics(text)


def analyze(text: str) -> Doc:
    norm, plain = _views(text or "")
    words = [w for w in segment(norm) if _HAS_ALNUM.search(w)]
    joined = " ".join(words)
    stripped = _strip(joined).split(" ") if joined else []
    if len(stripped) != len(words):  # defensive: stripping must not merge or split words
        stripped = [_strip(w) for w in words]
    return Doc(norm=norm, plain=plain, words=tuple(words), words_plain=tuple(stripped),
               syls=tuple(_SYL_RE.findall(plain)))


def analyze_many(texts: Iterable[str], progress: bool = False, desc: str = "segmenting") -> list[Doc]:
    texts = list(texts)
    if progress:
        from tqdm import tqdm

        return [analyze(t) for t in tqdm(texts, desc=desc, unit="text", leave=False)]
    return [analyze(t) for t in texts]


class TokenNgrams:
    """Picklable analyzer: n-grams of one token field of a `Doc`."""

    def __init__(self, field: str, n_min: int, n_max: int):
        self.field, self.n_min, self.n_max = field, n_min, n_max

    def __call__(self, doc: Doc) -> list[str]:
        toks = getattr(doc, self.field)
        out: list[str] = []
        if self.n_min <= 1:
            out.extend(toks)
        n_tok = len(toks)
        for n in range(max(2, self.n_min), self.n_max + 1):
            for i in range(n_tok - n + 1):
                out.append(" ".join(toks[i:i + n]))
        return out


def _vectorizer(block: str, min_df: int) -> TfidfVectorizer:
    common = dict(sublinear_tf=True, min_df=min_df, dtype=np.float32, lowercase=False)
    if block == "word":
        return TfidfVectorizer(analyzer=TokenNgrams("words", 1, 2), **common)
    if block == "word_plain":
        return TfidfVectorizer(analyzer=TokenNgrams("words_plain", 1, 2), **common)
    if block == "syl":
        return TfidfVectorizer(analyzer=TokenNgrams("syls", 1, 3), **common)
    if block == "char":
        return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                               preprocessor=operator.attrgetter("plain"), **common)
    raise ValueError(f"unknown feature block {block!r}; known: {BLOCKS}")


class FeatureBuilder:
    """Fits one TF-IDF vectoriser per block and stacks their (per-block L2-normalised) outputs."""

    def __init__(self, blocks: Sequence[str] = BLOCKS, min_df: int = 2):
        self.blocks = tuple(blocks)
        self.min_df = min_df
        self.vectorizers: dict[str, TfidfVectorizer] = {}

    def fit(self, docs: Sequence[Doc]) -> "FeatureBuilder":
        self.vectorizers = {b: _vectorizer(b, self.min_df).fit(docs) for b in self.blocks}
        return self

    def transform(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        parts = [self.vectorizers[b].transform(docs) for b in self.blocks]
        if len(parts) == 1:
            return parts[0].tocsr()
        scale = 1.0 / np.sqrt(len(parts))
        return (sp.hstack(parts, format="csr") * scale).astype(np.float32)

    def fit_transform(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        return self.fit(docs).transform(docs)

    @property
    def n_features(self) -> int:
        return sum(len(v.vocabulary_) for v in self.vectorizers.values())

    def __getstate__(self):
        # The fitted stop_words_ set can be large and is never used at predict time.
        for v in self.vectorizers.values():
            if hasattr(v, "stop_words_"):
                v.stop_words_ = None
        return self.__dict__


def with_dense(X: sp.csr_matrix, dense: np.ndarray, weight: float = 1.0) -> sp.csr_matrix:
    """Append a few dense columns (e.g. escalation rule flags) to a sparse feature matrix."""
    return sp.hstack([X, sp.csr_matrix(np.asarray(dense, dtype=np.float32) * weight)], format="csr")


__all__ = ["Doc", "analyze", "analyze_many", "FeatureBuilder", "BLOCKS", "with_dense", "l2_normalize"]
