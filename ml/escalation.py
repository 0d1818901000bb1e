"""Escalation as the rest of the package asks for it, from the accused-head rules of `ml.accused`.

The decision itself is `ml.accused.analyse(text).state == "accused"` (docs/taxonomy.md section 2);
this module holds no rule of its own. It gives:

- `rule_escalate(text)`: that decision alone (the keyword baseline, tests);
- `rule_features(texts_plain)`: the analysis as a few dense features (`RULE_FEATURES`), for a
  learned escalation head fitted beside the text features (`ml.train`). The classifier does not
  decide on that head: it escalates exactly when the rules find an accused head.
"""

from __future__ import annotations

import numpy as np

from ml.accused import RULE_FEATURES, analyse, rule_features_of
from ml.normalize import views

__all__ = ["RULE_FEATURES", "rule_escalate", "rule_features", "rule_features_plain"]


def _plain(text: str) -> str:
    """The normalised (lowercase, abbreviations expanded) diacritics-free view, as `Doc.plain`."""
    return views(text or "")[1]


def rule_features_plain(plain: str) -> list[float]:
    """Features of one text given as its diacritics-free view (the text itself when only that is at hand)."""
    return rule_features_of(analyse(plain, plain=plain, norm=plain, text_ward=None, words=False))


def rule_features(texts_plain: list[str]) -> np.ndarray:
    """Rule features of already diacritics-free lowercase texts (e.g. `Doc.plain`)."""
    return np.array([rule_features_plain(p) for p in texts_plain], dtype=np.float32).reshape(-1, len(RULE_FEATURES))


def rule_escalate(text: str) -> bool:
    """The rules alone: the text accuses the head or a deputy head of a body."""
    return analyse(text).state == "accused"
