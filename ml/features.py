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

``syl`` and ``char`` read the diacritics-free view without petition boilerplate
(`Doc.focus`, `ml.boilerplate.complaint_plain`: motto, "Kính gửi", the petitioner's
particulars, oaths, attachments, signature), so a long formal letter and a one-line
complaint telling the same thing get similar features. The full views stay in `Doc.norm`
and `Doc.plain` for whoever needs the whole text (escalation cues, places).

Blocks are TF-IDF weighted (sublinear tf), L2-normalised per block and stacked.
Which blocks are used is a setting chosen by cross-validation on the train split
(`python -m ml select`); see BENCHMARKS.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from tqdm import tqdm

from ml.boilerplate import complaint_plain
from ml.normalize import strip_diacritics, views
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
    syls: tuple[str, ...]  # syllables of `focus`
    focus: str  # `plain` without petition boilerplate (ml.boilerplate)


WORD_BLOCKS = frozenset({"word", "word_plain"})


def analyze(text: str, words: bool = True) -> Doc:
    """Both views of `text` and, when `words`, its segmentation (the one underthesea CRF pass)."""
    norm, plain = views(text or "")
    focus = complaint_plain(text or "", plain)
    syls = tuple(_SYL_RE.findall(focus))
    if not words:
        return Doc(norm=norm, plain=plain, words=(), words_plain=(), syls=syls, focus=focus)
    ws = [w for w in segment(norm) if w[0].isalnum() or _HAS_ALNUM.search(w)]  # drop punctuation tokens
    joined = " ".join(ws)
    stripped = strip_diacritics(joined).split(" ") if joined else []
    if len(stripped) != len(ws):  # defensive: stripping must not merge or split words
        stripped = [strip_diacritics(w) for w in ws]
    return Doc(norm=norm, plain=plain, words=tuple(ws), words_plain=tuple(stripped), syls=syls, focus=focus)


def analyze_many(texts: Iterable[str], progress: bool = False, desc: str = "segmenting") -> list[Doc]:
    texts = list(texts)
    if progress:
        return [analyze(t) for t in tqdm(texts, desc=desc, unit="text", leave=False)]
    return [analyze(t) for t in texts]


class TokenNgrams:
    """Picklable analyzer: n-grams of one token field of a `Doc`."""

    def __init__(self, field: str, n_min: int, n_max: int):
        self.field, self.n_min, self.n_max = field, n_min, n_max

    def __call__(self, doc: Doc) -> list[str]:
        toks = getattr(doc, self.field)
        out: list[str] = list(toks) if self.n_min <= 1 else []
        if self.n_max >= 2 and self.n_min <= 2:
            out += [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]
        if self.n_max >= 3 and self.n_min <= 3:
            out += [a + " " + b + " " + c for a, b, c in zip(toks, toks[1:], toks[2:], strict=False)]
        for n in range(max(4, self.n_min), self.n_max + 1):
            out += [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        return out


class CharNgrams:
    """Picklable analyzer: character n-grams inside word boundaries (sklearn's "char_wb") of `Doc.focus`."""

    def __init__(self, n_min: int, n_max: int):
        self.n_min, self.n_max = n_min, n_max

    def __call__(self, doc: Doc) -> list[str]:
        out: list[str] = []
        append = out.append
        for w in doc.focus.split():
            w = " " + w + " "
            w_len = len(w)
            for n in range(self.n_min, self.n_max + 1):
                offset = 0
                append(w[:n])
                while offset + n < w_len:
                    offset += 1
                    append(w[offset : offset + n])
                if offset == 0:
                    break
        return out


def _analyzer(block: str):
    if block == "word":
        return TokenNgrams("words", 1, 2)
    if block == "word_plain":
        return TokenNgrams("words_plain", 1, 2)
    if block == "syl":
        return TokenNgrams("syls", 1, 3)
    if block == "char":
        return CharNgrams(2, 5)
    raise ValueError(f"unknown feature block {block!r}; known: {BLOCKS}")


class FeatureBuilder:
    """One TF-IDF block per feature family, each L2-normalised, stacked (and scaled by 1/sqrt(#blocks)).

    `fit` learns each block's vocabulary and idf with scikit-learn's TfidfVectorizer
    (sublinear tf, smooth idf, min_df); `transform` is a plain-Python/numpy
    re-implementation of its transform (identical output, checked by the tests), so a
    loaded model needs neither scikit-learn nor its import time.
    """

    def __init__(self, blocks: Sequence[str] = BLOCKS, min_df: int = 2):
        self.blocks = tuple(blocks)
        self.min_df = min_df
        self.analyzers = [_analyzer(b) for b in self.blocks]
        self.vocabs: list[dict[str, int]] = []
        self.idfs: list[np.ndarray] = []

    def fit(self, docs: Sequence[Doc]) -> FeatureBuilder:
        from sklearn.feature_extraction.text import TfidfVectorizer  # lazy: only fitting needs scikit-learn

        self.vocabs, self.idfs = [], []
        for an in self.analyzers:
            v = TfidfVectorizer(
                analyzer=an, sublinear_tf=True, min_df=self.min_df, lowercase=False, dtype=np.float32
            ).fit(docs)
            self.vocabs.append(dict(v.vocabulary_))
            self.idfs.append(np.asarray(v.idf_, dtype=np.float32))
        return self

    def transform(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        n, n_blocks = len(docs), len(self.blocks)
        scale = 1.0 / np.sqrt(n_blocks) if n_blocks > 1 else 1.0
        offsets = np.cumsum([0] + [len(v) for v in self.vocabs])
        cols: list[int] = []
        vals: list[int] = []
        lens: list[int] = []  # entries per (doc, block), doc-major
        for doc in docs:
            for an, vocab in zip(self.analyzers, self.vocabs, strict=True):
                cnt = Counter(an(doc))
                get = vocab.get
                cols.extend([get(f, -1) for f in cnt])
                vals.extend(cnt.values())
                lens.append(len(cnt))
        c = np.asarray(cols, dtype=np.int64)
        key = np.repeat(np.arange(n * n_blocks, dtype=np.int64), lens)  # doc * n_blocks + block
        keep = c >= 0  # features outside the vocabulary
        c, key = c[keep], key[keep]
        if c.size == 0:
            return sp.csr_matrix((n, int(offsets[-1])), dtype=np.float32)
        bk = key % n_blocks
        c = c + offsets[bk]
        idf = np.concatenate(self.idfs)
        v = (np.log(np.asarray(vals, dtype=np.float64)[keep]) + 1.0) * idf[c]
        norms = np.sqrt(np.bincount(key, weights=v * v, minlength=n * n_blocks))
        v = v / norms[key] * scale
        X = sp.csr_matrix((v.astype(np.float32), (key // n_blocks, c)), shape=(n, int(offsets[-1])))
        X.sum_duplicates()
        return X

    def fit_transform(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        return self.fit(docs).transform(docs)

    @property
    def needs_words(self) -> bool:
        """Whether any block uses the segmentation (else `analyze(..., words=False)` suffices)."""
        return bool(WORD_BLOCKS & set(self.blocks))

    @property
    def n_features(self) -> int:
        return sum(len(v) for v in self.vocabs)


def with_dense(X: sp.csr_matrix, dense: np.ndarray, weight: float = 1.0) -> sp.csr_matrix:
    """Append a few dense columns (e.g. escalation rule flags) to a sparse feature matrix."""
    return sp.hstack([X, sp.csr_matrix(np.asarray(dense, dtype=np.float32) * weight)], format="csr")


__all__ = ["Doc", "analyze", "analyze_many", "FeatureBuilder", "BLOCKS", "with_dense"]
