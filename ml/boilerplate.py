"""Petition boilerplate: the parts of a complaint that say nothing about what happened.

Formal complaints open with the national motto, a title ("ĐƠN PHẢN ÁNH"), "Kính gửi ...",
the petitioner's particulars (name, year of birth, ID card number, residence, phone) and
an announcement ("xin trình bày sự việc như sau"); they close with a sworn statement
("Tôi xin cam đoan ..."), thanks, the attachments, the date and the signature block.
None of it tells which misconduct happened, and in a short complaint it can outweigh the
sentences that do. `complaint_plain(text, plain)` returns the diacritics-free normalised
text (`ml.normalize.views`) without those pieces; `ml.features.analyze` builds the text
features from it. The subject line ("V/v: phản ánh cán bộ đòi tiền") is kept: it is
where a petition states its grievance.

Pieces are lines, then sentences. Matching is on the diacritics-free view, so unaccented
typing is handled alike. A piece is dropped when it is boilerplate from end to end, or
when it is short and opens like a particulars line, an address line, an attachment list or
a signature block; announcements and oaths are also cut out of a longer sentence. A
closing "Xin cảm ơn!" is dropped, but a sentence thanking someone for something is not
(thank-you notes are reports too). A text of nothing but boilerplate is kept whole.
Texts without any of the cue words (most short complaints) are returned unchanged at the
cost of one regular-expression search.
"""

from __future__ import annotations

import re

from ml.normalize import views

# cheap test: does the text hold any boilerplate at all?
_CUES = re.compile(
    r"kinh gui|kinh thua|ten la|ho (?:va )?ten|sinh (?:nam|ngay)|cccd|cmnd|can cuoc|dien thoai|thuong tru|tru tai|"
    r"dia chi|cam doan|cam on|tran trong|trinh bay|nhu sau|tai lieu|kem theo|gui kem|nguoi (?:lam|viet) don|"
    r"noi nhan|ghi ro ho ten|cong hoa|doc lap|lam don|trach nhiem truoc phap luat|ngay \d+ thang \d+ nam"
)
_PIECE_RE = re.compile(r"[^.!?;]+[.!?;]*")
_WORD_RE = re.compile(r"\w+")
_LEADING = re.compile(r"^\W+")

# Removed wherever they stand (the motto often shares a line with the title).
_HEADINGS = re.compile(
    r"cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc|"
    r"^\W*(?:don|to don) (?:phan anh|kien nghi|to cao|khieu nai|trinh bay|de nghi|thu)"
    r"(?:\W+(?:phan anh|kien nghi|to cao|khieu nai))*(?=\W*$)"
)
# A short piece opening with one of these is boilerplate as a whole.
_LEADS = re.compile(
    r"^\W*(?:kinh gui|kinh thua|gui:|nguoi (?:lam|viet|gui) don|nguoi phan anh:|noi nhan|"
    r"tai lieu (?:kem theo|gui kem)|ho so kem theo|kem theo(?: don)?:|gui kem|"
    r"(?:thanh hoa, )?ngay \d{1,2} thang \d{1,2} nam \d{4}|\(?ky,? ghi ro ho ten\)?)"
)
# Particulars of the petitioner.
_PARTICULARS = re.compile(
    r"\b(?:toi ten la|ho (?:va )?ten(?: nguoi lam don)?\b|sinh nam \d{4}|sinh ngay \d|nam sinh\b|"
    r"(?:cccd|cmnd|can cuoc(?: cong dan)?|so dinh danh)(?: so)?\W*\d{6,}|cap ngay \d|"
    r"(?:so )?dien thoai(?: lien he)?\W*0\d{8,}|ho khau thuong tru|noi cu tru\b|thuong tru tai|"
    r"(?:hien )?tru tai|cho o hien nay|dia chi(?: lien he)?\W|nghe nghiep\W)"
)
# Announcements and oaths: cut out of any sentence.
_ANNOUNCE = re.compile(
    r"(?:nay )?(?:toi )?(?:lam|viet) don nay(?: de)?(?: kinh)?(?: trinh bay| phan anh)?(?: voi quy co quan)?|"
    r"(?:toi )?(?:xin |kinh )?trinh bay(?: voi quy co quan)?(?: (?:su viec|noi dung)(?: su viec)?)?(?: nhu sau)?|"
    r"(?:noi dung |cu the )?su viec(?: cu the)? nhu sau|"
    r"(?:toi )?(?:xin )?cam doan[^.;!?]*|(?:xin )?chiu (?:hoan toan )?trach nhiem (?:truoc phap luat|ve [^.;!?]*)|"
    r"kinh mong quy co quan xem xet|(?:toi )?kinh de nghi(?: quy co quan)?\W*$"
)
# Closing formulas: boilerplate only as the whole piece.
_CLOSING = re.compile(
    r"^\W*(?:toi )?(?:xin )?(?:chan thanh |tran trong )?(?:cam on|tran trong)(?: (?:cam on|quy co quan))?"
    r"(?: va mong som nhan duoc phan hoi)?\W*$"
)
_LINE = "\u00b6"  # a line break, as a token of its own through `views`
SHORT = 14  # words: a lead or particulars piece longer than this may carry the complaint and is kept


_HEADING_CUE = re.compile(r"cong hoa|doc lap|^\W*(?:to )?don ")
_ANNOUNCE_CUE = re.compile(r"don nay|trinh bay|nhu sau|cam doan|trach nhiem|kinh mong|kinh de nghi")


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


def _clean(piece: str) -> str | None:
    """One piece (diacritics-free, lower case) without its formulas; None when it is boilerplate as a whole."""
    rest = _HEADINGS.sub(" ", piece) if _HEADING_CUE.search(piece) else piece
    words = _words(rest)
    if not words or _CLOSING.match(rest):
        return None
    if len(words) <= SHORT and (_LEADS.search(rest) or _PARTICULARS.search(rest)):
        return None
    if len(words) <= 3 * SHORT and len(_PARTICULARS.findall(rest)) >= 2:  # a line of particulars
        return None
    if _ANNOUNCE_CUE.search(rest):
        rest = _LEADING.sub("", _ANNOUNCE.sub(" ", rest))  # "... như sau: X" -> "X"
        if not _WORD_RE.search(rest):
            return None
    return rest.strip()


def is_boilerplate(piece: str) -> bool:
    """Whether one piece (diacritics-free, lower case) is boilerplate from end to end."""
    return _clean(piece) is None


def complaint_plain(text: str, plain: str) -> str:
    """The diacritics-free normalised `plain` view of `text`, without petition boilerplate."""
    if not _CUES.search(plain):
        return plain
    # lines matter (a petition's heading has no full stop): one more pass over the text with the line breaks kept
    lines = views(text.replace("\n", f" {_LINE} "))[1].split(_LINE) if "\n" in text else [plain]
    kept = [c for line in lines for c in map(_clean, _PIECE_RE.findall(line)) if c]
    return " ".join(kept) or plain
