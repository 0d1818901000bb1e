"""The words of a report behind a label of the linear model.

    words = TextWords(text, doc.plain, doc.norm)      # once per text
    linear_evidence(features, model, X, i, label, words)

returns up to three phrases of the text: the n-grams of row `i` of the feature matrix `X` that add
the most to the score of `label` in the linear `model` (feature value times the label's weight,
positive only; one short syllable alone is skipped), merged where they overlap or touch and
mapped back to the words of the original text ("gây khó dễ", "Sở Xây dựng"). An n-gram the text
only holds once normalised (an abbreviation expanded: "ko" -> "không") is given in its normalised
form, after the phrases of the original text.

Cheap: one sparse row times one weight row and a few list look-ups; the feature names of a model
are indexed once per model (a cache keyed by a weak reference).
"""

from __future__ import annotations

import unicodedata
import weakref
from typing import Any

import numpy as np

from ml.normalize import strip_diacritics

__all__ = ["TextWords", "class_weights", "linear_evidence"]

MAX_PHRASES = 3
_names_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _find(hay: str, phrase: str) -> tuple[int, int] | None:
    """Offsets of the first occurrence of `phrase` in `hay` as whole words."""
    start, n = 0, len(phrase)
    while (k := hay.find(phrase, start)) >= 0:
        if (k == 0 or not hay[k - 1].isalnum()) and (k + n == len(hay) or not hay[k + n].isalnum()):
            return k, k + n
        start = k + 1
    return None


class TextWords:
    """A report's original text and its normalised views, as `linear_evidence` searches them."""

    def __init__(self, text: str, plain: str = "", norm: str = ""):
        self.nfc = unicodedata.normalize("NFC", text or "")
        low = self.nfc.lower()
        folded = strip_diacritics(low) if len(low) == len(self.nfc) else ""
        if len(folded) != len(self.nfc):  # keep one character for each character of the text
            folded = "".join(strip_diacritics(c.lower())[:1] or " " for c in self.nfc)
        self.folded = folded
        self.plain = plain if plain and len(plain) == len(norm) else ""
        self.norm = norm

    def word_holding(self, chars: str) -> str | None:
        k = self.folded.find(chars)
        if k < 0:
            return None
        a, b = k, k + len(chars)
        while a > 0 and self.folded[a - 1].isalnum():
            a -= 1
        while b < len(self.folded) and self.folded[b].isalnum():
            b += 1
        return self.folded[a:b]


def _feature_names(features) -> list[tuple[str, str]]:
    """(block, n-gram) of every column of the feature matrix."""
    names = _names_cache.get(features)
    if names is None:
        names = []
        for block, vocab in zip(features.blocks, features.vocabs, strict=True):
            col = [""] * len(vocab)
            for term, j in vocab.items():
                col[j] = term
            names.extend((block, t) for t in col)
        _names_cache[features] = names
    return names


def class_weights(model: Any, label: str) -> np.ndarray | None:
    """The weight row of `label` in a linear model (a compiled `LinearHead` or a fitted scikit-learn one)."""
    classes = [str(c) for c in getattr(model, "classes_", [])]
    if label not in classes:
        return None
    k = classes.index(label)
    coef = getattr(model, "coef", None)
    if coef is None:
        calibrated = getattr(model, "calibrated_classifiers_", None)
        coef = getattr(calibrated[0].estimator if calibrated else model, "coef_", None)
        if coef is None:
            return None
    coef = np.asarray(coef)
    if coef.shape[0] == 1 and len(classes) == 2:  # binary: one row, for the second class
        return coef[0] if k == 1 else -coef[0]
    return coef[k]


def linear_evidence(features, model: Any, X, i: int, label: str, words: TextWords) -> list[str]:
    """Up to three phrases of the text that most support `label` for row `i` (see the module docstring)."""
    w = class_weights(model, label)
    if w is None:
        return []
    lo, hi = X.indptr[i], X.indptr[i + 1]
    idx, val = X.indices[lo:hi], X.data[lo:hi]
    if idx.size == 0:
        return []
    contrib = val * w[idx]
    order = np.argsort(-contrib)[: 6 * MAX_PHRASES]
    names = _feature_names(features)
    found: list[tuple[int, int, int]] = []  # (start, end, rank) in the original text
    expanded: list[str] = []  # phrases found in the normalised text only
    for rank, j in enumerate(order):
        if contrib[j] <= 0:
            break
        block, term = names[idx[j]]
        if block == "char":  # a character n-gram: the word that holds it
            syl = words.word_holding(term.strip()) if term.strip() else None
        else:
            syl = strip_diacritics(term.replace("_", " ")).lower()
        if not syl or (" " not in syl and len(syl) <= 3):
            continue  # one short syllable ("cho", "dan") says little on its own
        span = _find(words.folded, syl)
        if span is not None:
            found.append((span[0], span[1], rank))
        elif words.plain and (alt := _find(words.plain, syl)) is not None:
            phrase = words.norm[alt[0] : alt[1]]
            if phrase not in expanded:
                expanded.append(phrase)
    phrases = [words.nfc[a:b] for a, b in _merge(found)[:MAX_PHRASES]]
    return phrases + expanded[: MAX_PHRASES - len(phrases)]


def _merge(spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans as one, best-ranked first."""
    groups: list[list[int]] = []
    for a, b, rank in sorted(spans):
        if groups and a <= groups[-1][1] + 1:
            g = groups[-1]
            g[1], g[2] = max(g[1], b), min(g[2], rank)
        else:
            groups.append([a, b, rank])
    return [(a, b) for a, b, _r in sorted(groups, key=lambda g: g[2])]
