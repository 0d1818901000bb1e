"""Tell a report as a story, and wrap it as a petition or a newspaper's retelling.

`story(...)` picks neutral setup, one to three episodes of the primary category, maybe a
lesser grievance of another category, aftermath, feelings and a request;
`petition(...)` and `news(...)` put boilerplate around the sentences. The label is the
primary category whatever the wrapping.
"""

from __future__ import annotations

import random

from . import details, frames, khac, matters, stories

NEUTRAL_PRONOUNS = ["cán bộ này", "người này", "họ", "cán bộ đó", "người cán bộ ấy"]
_TITLES = {"anh": "anh ấy", "chị": "chị ấy", "ông": "ông ấy", "bà": "bà ấy", "cô": "cô ấy", "chú": "chú ấy"}


def pronoun(rng: random.Random, off: str) -> str:
    first = off.split(" ", 1)[0].lower()
    if first in _TITLES and rng.random() < 0.7:
        return _TITLES[first]
    return rng.choice(NEUTRAL_PRONOUNS)


def _fill(rng: random.Random, template: str, ctx: dict[str, str], later: bool) -> str:
    """Fill a template; a later mention of the officer may be a pronoun instead of the full phrase."""
    c = ctx
    if later and "{off}" in template and rng.random() < 0.5:
        c = {**ctx, "off": ctx["pr"]}
    s = template.format(**c)
    return s[:1].upper() + s[1:]


def _setup(rng: random.Random, has_where: bool) -> str:
    """A neutral opening; after a sentence naming the office and procedure, one that names neither."""
    pool = [s for s in stories.SETUP if "{office}" not in s and "{proc}" not in s] if has_where else stories.SETUP
    return rng.choice(pool)


def story(
    rng: random.Random,
    category: str,
    ctx: dict[str, str],
    length: str,
    agency: str,
    has_where: bool = True,
    officer_first: bool = False,
) -> list[str]:
    """The sentences of a story whose primary misconduct is `category` (`khac`: no misconduct).

    `officer_first`: the first episode names the officer (`{off}`), as a report accusing a head must.
    """
    if category == "khac":
        return khac_story(rng, ctx, length, agency, has_where)
    n_ep = {"short": 1, "medium": rng.choice([1, 2]), "long": 2, "very-long": rng.choice([2, 3])}[length]
    pool = stories.EPISODES[category]
    first = rng.choice([e for e in pool if "{off}" in e] if officer_first else pool)
    episodes = [first] + rng.sample([e for e in pool if e != first], n_ep - 1)
    out: list[str] = []
    r = rng.random()
    if matters.MATTERS.get(agency) and r < (0.35 if length != "short" else 0.2):
        out.append(_fill(rng, rng.choice(matters.MATTERS[agency]), ctx, later=False))
    elif length != "short" and r < 0.6:
        out.append(_fill(rng, _setup(rng, has_where), ctx, later=False))
    for i, ep in enumerate(episodes):
        out.append(_fill(rng, ep, ctx, later=i > 0))
    if length != "short" and rng.random() < 0.35:
        other = rng.choice([c for c in stories.SIDE if c != category])
        side = _fill(rng, rng.choice(stories.SIDE[other]), ctx, later=True)
        out.insert(rng.randint(1, len(out)), side)  # never before the first sentence
    if length in ("long", "very-long") and rng.random() < 0.7:
        out.append(_fill(rng, rng.choice(stories.AFTER), ctx, later=True))
    if length != "short" and rng.random() < 0.12 and "passing_head" in ctx:  # never in an escalated report
        passing = {**ctx, "head": ctx["passing_head"]}
        out.insert(rng.randint(1, len(out)), _fill(rng, rng.choice(stories.HEAD_MENTIONED), passing, later=True))
    if rng.random() < 0.3:
        out.append(rng.choice(stories.FEELING))
    r = rng.random()
    if r < 0.25:
        out.append(rng.choice(stories.ASK[category]))
    elif r < 0.6 and length != "short":
        out.append(rng.choice(stories.ASK_ANY))
    return out


def khac_story(rng: random.Random, ctx: dict[str, str], length: str, agency: str, has_where: bool) -> list[str]:
    n = {"short": 1, "medium": 1, "long": 2, "very-long": 2}[length]
    r = rng.random()
    if r < 0.22 and "passing_head" in ctx:
        pool = khac.THANKS
        ctx = {**ctx, "head": ctx["passing_head"]}
    elif r < 0.42:
        pool = khac.NO_FAULT
    elif r < 0.72 and khac.BY_AGENCY.get(agency):
        pool = khac.BY_AGENCY[agency]
    else:
        pool = khac.GENERIC
    picks = rng.sample(pool, min(n, len(pool)))
    if length in ("long", "very-long") and rng.random() < 0.5:
        picks[0] = rng.choice(khac.LONG)
    out = []
    r = rng.random()
    if matters.MATTERS.get(agency) and r < 0.3:
        out.append(_fill(rng, rng.choice(matters.MATTERS[agency]), ctx, later=False))
    elif length != "short" and r < 0.5:
        out.append(_fill(rng, _setup(rng, has_where), ctx, later=False))
    out += [_fill(rng, t, ctx, later=False) for t in picks]
    if rng.random() < 0.3:
        out.append(rng.choice(khac.CLOSE))
    return out


def _place_date(rng: random.Random) -> str:
    d = details.date(rng)
    return rng.choice(
        [f"Thanh Hóa, {d}", d.capitalize(), f"Ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm 2026"]
    )


def particulars(rng: random.Random, reporter: str, home: str | None) -> dict[str, str]:
    year = rng.randint(1950, 2001)
    return {
        "reporter": reporter,
        "year": str(year),
        "year_age": str(2026 - year),
        "dob": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}",
        "idno": "0" + "".join(str(rng.randint(0, 9)) for _ in range(11)),
        "issued": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.choice([2021, 2022, 2023, 2024, 2025])}",
        "phone": "09" + "".join(str(rng.randint(0, 9)) for _ in range(8)),
        "job": rng.choice(frames.JOBS),
        "home": home or rng.choice(details.VILLAGES) + ", tỉnh Thanh Hóa",
        "year_old": str(rng.randint(1975, 2018)),
        "area": str(rng.choice([80, 120, 150, 200, 250, 300, 360, 500])),
        "lot": str(rng.randint(10, 900)),
        "sheet": str(rng.randint(1, 40)),
        "age_old": str(rng.randint(70, 92)),
        "staff": str(rng.choice([12, 20, 35, 50, 80, 150])),
        "n": str(rng.randint(2, 12)),
    }


def petition(
    rng: random.Random,
    body: list[str],
    category: str,
    ctx: dict[str, str],
    addressee: str,
    home: str | None,
    stated: bool,
) -> str:
    """A formal petition around `body`; `stated`: the subject line names the category (once)."""
    p = particulars(rng, details.person(rng), home)
    head: list[str] = []
    if rng.random() < 0.6:
        head.append(rng.choice(frames.MOTTO))
    if rng.random() < 0.7:
        head.append(rng.choice(frames.TITLE))
    if rng.random() < 0.5:
        subject = rng.choice(frames_subject(category) if stated else stories.SUBJECT_ANY)
        head.append(subject.format(**ctx))
    head.append(rng.choice(frames.ADDRESSEE).format(addressee=addressee) if rng.random() < 0.85 else "")
    ident = [rng.choice(frames.PARTICULARS).format(**p)]
    if rng.random() < 0.8:
        ident.append(rng.choice(frames.RESIDENCE).format(**p))
    paras = ["\n".join(h for h in head if h), " ".join(ident)]
    intro = [rng.choice(frames.INTRO)] if rng.random() < 0.7 else []
    for _ in range(rng.choice([0, 1, 1, 2])):
        intro.append(rng.choice(frames.BACKGROUND).format(**p))
    if intro:
        paras.append(" ".join(intro))
    paras.append(" ".join(body))
    tail = []
    if rng.random() < 0.6:
        items = rng.sample(frames.REQUEST_ITEMS, rng.choice([1, 2, 3]))
        tail.append(rng.choice(frames.REQUEST_HEAD) + " " + " ".join(f"{i + 1}. {t}" for i, t in enumerate(items)))
    if rng.random() < 0.6:
        tail.append(rng.choice(frames.OATH))
    tail.append(rng.choice(frames.THANKS))
    paras.append(" ".join(tail))
    if rng.random() < 0.4:
        paras.append(rng.choice(frames.ATTACHMENTS).format(**p))
    if rng.random() < 0.5:
        paras.append(rng.choice(frames.SIGNATURE).format(place_date=_place_date(rng), reporter=p["reporter"]))
    if rng.random() < 0.1:
        paras.append(rng.choice(frames.RECIPIENTS))
    return "\n\n".join(x for x in paras if x.strip())


def frames_subject(category: str) -> list[str]:
    return stories.SUBJECT.get(category, stories.SUBJECT_ANY)


def news(rng: random.Random, body: list[str], home: str | None) -> str:
    """A third-person retelling: the reporter quoted, or the story retold about him or her."""
    person = details.person(rng)
    given = person.split()[-1]
    title = rng.choice(["ông", "bà", "anh", "chị"])
    who = rng.choice([f"{title} {person}", f"{title} {given}", f"{title} {person.split()[0][0]}.{given[0]}."])
    p = {"who": who, "home": home or rng.choice(details.VILLAGES)}
    opening = rng.choice(frames.NEWS_OPEN).format(**p)
    text = " ".join(body)
    if rng.random() < 0.5:  # quoted, in the first person
        say = rng.choice(frames.NEWS_SAY)
        mid = f'{opening[:1].upper() + opening[1:]} "{text}", {who} {say}.'
    else:  # retold: the reporter's "tôi" becomes the third person
        short = f"{title} {given}"
        retold = (
            text.replace("Tôi ", short.capitalize() + " ")
            .replace(" tôi", " " + short)
            .replace("Gia đình " + short, "Gia đình " + title)
        )
        mid = f"{opening[:1].upper() + opening[1:]} {retold}"
    if rng.random() < 0.5:
        mid += " " + rng.choice(frames.NEWS_CLOSE).format(who=who)
    return mid
