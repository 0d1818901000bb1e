"""The words of a report behind a label of the linear model.

`linear_evidence(features, model, X, i, label, text)` returns up to three phrases of `text`: the
n-grams of row `i` of the feature matrix `X` that add the most to the score of `label` in the
linear `model` (feature value times the label's weight, positive only), merged where they overlap
and mapped back to the words of the original text ("gây khó dễ", "Sở Xây dựng"); where a phrase
cannot be found as written (an abbreviation the normaliser expanded: "ko" -> "không"), its
normalised form is given.

Cheap: one sparse row times one weight row, and a few string searches. The feature names of a
model are indexed once per model (a weak reference keyed cache).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from typing import Any

import numpy as np

from ml.normalize import strip_diacritics

__all__ = ["linear_evidence", "fold"]

MAX_PHRASES = 3
_names_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fold(text: str) -> tuple[str, str]:
    """(NFC text, its lowercase diacritics-free form) of the same length, character for character."""
    nfc = unicodedata.normalize("NFC", text or "")
    low = nfc.lower()
    plain = strip_diacritics(low) if len(low) == len(nfc) else ""
    if len(plain) != len(nfc):
        plain = "".join(strip_diacritics(c.lower())[:1] or " " for c in nfc)
    return nfc, plain


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
        base = getattr(model, "calibrated_classifiers_", None)
        est = base[0].estimator if base else model
        coef = getattr(est, "coef_", None)
        if coef is None:
            return None
    coef = np.asarray(coef)
    if coef.shape[0] == 1 and len(classes) == 2:  # binary: one row, for the second class
        return coef[0] if k == 1 else -coef[0]
    return coef[k]


def _syllables(block: str, term: str) -> str | None:
    """The n-gram as diacritics-free syllables separated by spaces (None for character n-grams)."""
    if block == "char":
        return None
    return strip_diacritics(term.replace("_", " ")).lower().strip()


def _find(plain_text: str, phrase: str) -> tuple[int, int] | None:
    words = phrase.split()
    if not words:
        return None
    m = re.search(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)", plain_text)
    return m.span() if m else None


def linear_evidence(
    features, model: Any, X, i: int, label: str, text: str, plain: str = "", norm: str = ""
) -> list[str]:
    """Up to three phrases of `text` that most support `label` for row `i` (see the module docstring)."""
    w = class_weights(model, label)
    if w is None:
        return []
    row = X[i]
    idx, val = row.indices, row.data
    if idx.size == 0:
        return []
    contrib = val * w[idx]
    order = np.argsort(-contrib)[: 6 * MAX_PHRASES]
    names = _feature_names(features)
    nfc, folded = fold(text)
    found: list[tuple[int, int, int]] = []  # (start, end, rank) in the original text
    expanded: list[str] = []  # phrases only found in the normalised text
    for rank, j in enumerate(order):
        if contrib[j] <= 0:
            break
        block, term = names[idx[j]]
        syl = _syllables(block, term)
        if syl is None:  # a character n-gram: the word that holds it
            core = term.strip()
            m = re.search(r"\w*" + re.escape(core) + r"\w*", folded) if core else None
            syl = m.group() if m else None
        if not syl or (" " not in syl and len(syl) <= 3):
            continue  # one short syllable ("cho", "dan") says little on its own
        span = _find(folded, syl)
        if span is not None:
            found.append((span[0], span[1], rank))
        elif plain and norm and (alt := _find(plain, syl)) is not None and norm[alt[0] : alt[1]] not in expanded:
            expanded.append(norm[alt[0] : alt[1]])
    phrases = [nfc[a:b] for a, b in _merge(found)[:MAX_PHRASES]]
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
