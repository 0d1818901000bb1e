"""Search that ignores diacritics and case ("so do" finds "sổ đỏ"), the same on SQLite and PostgreSQL."""

import re

from ml.normalize import strip_diacritics


def fold(text: str) -> str:
    """The searchable form of a text: lower case, no diacritics, single spaces."""
    return re.sub(r"\s+", " ", strip_diacritics(text or "").lower()).strip()


def like_pattern(query: str) -> str | None:
    """A LIKE pattern for a user's query (wildcards in it are taken literally), or None if empty."""
    folded = fold(query)
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
