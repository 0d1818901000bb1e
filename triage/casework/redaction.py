"""Masking what identifies a reporter, for the copy of a report that goes to whoever verifies it.

Luật Tố cáo Art. 56: the identity of a denouncer is kept confidential.
"""

import re

MASK = "[đã che]"
PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SELF_NAME = re.compile(
    r"(?i)(tôi tên là|tên tôi là|tôi là|toi ten la|ten toi la|họ tên:?|ho ten:?)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s*){1,5})"
)
SELF_ADDRESS = re.compile(r"(?i)(nhà tôi ở|trú tại|thường trú|địa chỉ:?|nha toi o|dia chi:?)\s+([^.;\n]{3,120})")


def contacts(report) -> tuple[str | None, ...]:
    """What the reporter gave of themselves, to mask wherever the text goes."""
    return (report.reporter_name, report.reporter_address, report.reporter_phone, report.reporter_email)


def redact(text: str, *, known: tuple[str | None, ...] = ()) -> str:
    """The text with the reporter's name, address, phone numbers and e-mail addresses masked."""
    out = text
    for value in sorted({k.strip() for k in known if k and len(k.strip()) >= 3}, key=len, reverse=True):
        out = re.sub(re.escape(value), MASK, out, flags=re.IGNORECASE)
    out = EMAIL.sub(MASK, out)
    out = PHONE.sub(MASK, out)
    out = SELF_NAME.sub(lambda m: f"{m.group(1)} {MASK} ", out)
    out = SELF_ADDRESS.sub(lambda m: f"{m.group(1)} {MASK}", out)
    return out
