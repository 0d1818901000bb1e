"""The data of the form's commune picker, and the matching it does in the browser.

Citizens still say the names of before the 2025 merger: the commune ("Quảng Thành", now part of Phường Quảng Phú),
the town or the district ("thành phố Thanh Hóa", now several wards). The picker finds a 2025 commune or ward by
its own name or by any of the pre-2025 names of `ml.gazetteer`, typed with or without diacritics.

`picker_data()` is what the browser gets, as `intake/static/communes.json` (`python -m intake.communes` writes
it; a test checks the shipped file is current): the 166 communes in the order of the form's list, the old
communes, wards and towns with their old district and successors, and the old districts with theirs (indices
into the commune list, to keep the file small). `search(query)` is the matching of `intake/static/app.js`, in
Python: the two are written to give the same answer, and the tests of one read the other's data.

Matching: the query is folded like `core.search.fold` (lower case, no diacritics, single spaces), punctuation
becomes a space and a leading abbreviation of a division word is spelled out ("tp" -> "thanh pho"). A name
matches when the query starts at one of its words ("quang th" matches "phường Quảng Thành"). A commune found by
its own name comes first (its exact name before the others), then one found by an old commune's name, then by an
old district's; the label of the latter two says which old name it was found by.
"""

import json
import re
import sys
from functools import cache
from pathlib import Path

from core.search import fold
from core.units import ward_choices
from ml.gazetteer import old_units

STATIC_PATH = Path(__file__).with_name("static") / "communes.json"

# A division word a citizen abbreviates at the start of the query, spelled out as the names write it.
ABBREVIATIONS = {"tp": "thanh pho", "tx": "thi xa", "tt": "thi tran", "p": "phuong", "x": "xa", "h": "huyen"}

# Ranks of a match, best first.
OWN_EXACT, OWN, OLD_EXACT, OLD, DISTRICT = range(5)


def _lower_division(name: str) -> str:
    """ "Phường Quảng Thành" -> "phường Quảng Thành": an old name inside a sentence."""
    return name[:1].lower() + name[1:]


@cache
def picker_data() -> dict:
    communes = ward_choices()
    index = {code: i for i, (code, _) in enumerate(communes)}
    olds = [o for o in old_units() if o.district_code is not None]
    districts = [o for o in old_units() if o.district_code is None]
    district_index = {d.code: i for i, d in enumerate(districts)}
    return {
        "communes": [[code, name] for code, name in communes],
        "old": [
            [_lower_division(o.name), district_index[o.district_code], [index[c] for c in o.successors]] for o in olds
        ],
        "districts": [[_lower_division(d.name), [index[c] for c in d.successors]] for d in districts],
    }


def picker_json() -> str:
    return json.dumps(picker_data(), ensure_ascii=False, separators=(",", ":")) + "\n"


def query_key(query: str) -> str:
    """The query as names are compared with it: folded, punctuation as spaces, a leading abbreviation spelled out."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(query)).split()
    if words and words[0] in ABBREVIATIONS and len(words) > 1:
        words[0] = ABBREVIATIONS[words[0]]
    return " ".join(words)


# The division words a name starts with, folded, longest first where one starts another.
DIVISIONS = ("thi tran", "thi xa", "thanh pho", "xa", "phuong", "huyen")


def _short(folded: str) -> str:
    """A folded name without its division word: "phuong quang phu" -> "quang phu"."""
    return next((folded[len(d) + 1 :] for d in DIVISIONS if folded.startswith(d + " ")), folded)


def _matches(name: str, key: str) -> int | None:
    """0: the name is the query (with or without its division word), 1: a word of the name starts the query."""
    folded = fold(name)
    if key in (folded, _short(folded)):
        return 0
    return 1 if f" {key}" in f" {folded}" else None


def search(query: str, data: dict | None = None) -> list[tuple[str, str]]:
    """The communes a query finds, best first, as (code, label): the label adds the old name a commune was found
    by ("Phường Quảng Phú (trước đây: phường Quảng Thành, thành phố Thanh Hóa)")."""
    data = data or picker_data()
    key = query_key(query)
    if not key:
        return []
    communes, districts = data["communes"], data["districts"]
    found: dict[int, tuple[int, list[str]]] = {}  # commune index -> (rank, old names it was found by)

    def note(i: int, rank: int, why: str | None) -> None:
        best, whys = found.get(i, (rank, []))
        if rank < best:
            best, whys = rank, []
        if rank == best and why and why not in whys:
            whys.append(why)
        found[i] = (best, whys)

    for i, (_, name) in enumerate(communes):
        m = _matches(name, key)
        if m is not None:
            note(i, OWN_EXACT + m, None)
    for name, district, successors in data["old"]:
        m = _matches(name, key)
        if m is not None:
            for i in successors:
                note(i, OLD_EXACT + m, f"trước đây: {name}, {districts[district][0]}")
    for name, successors in districts:
        if _matches(name, key) is not None:
            for i in successors:
                note(i, DISTRICT, f"trước đây thuộc {name}")
    ranked = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
    return [
        (communes[i][0], f"{communes[i][1]} ({'; '.join(whys)})" if whys else communes[i][1]) for i, (_, whys) in ranked
    ]


def write_static(path: Path = STATIC_PATH) -> int:
    text = picker_json()
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


if __name__ == "__main__":  # python -m intake.communes: rewrite intake/static/communes.json from the gazetteer
    print(f"wrote {STATIC_PATH}: {write_static()} bytes", file=sys.stderr)
