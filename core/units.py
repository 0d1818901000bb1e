"""The directory of units: the 166 communes/wards (2025 codes) and the provincial bodies."""

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Unit
from core.vocabulary import AGENCY_NAMES, Agency
from ml.gazetteer import wards_2025
from ml.normalize import strip_diacritics

ESCALATION_BODY = Agency.THANH_TRA_TINH


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    division: str
    agency: str
    ward_code: str | None
    email: str
    parent_code: str | None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", strip_diacritics(name).lower())


def _parent(agency: Agency) -> str | None:
    """The body above: Thanh tra tỉnh above every body, the Chairman of the provincial committee above it."""
    if agency == Agency.UBND_TINH:
        return None
    return str(Agency.UBND_TINH if agency == ESCALATION_BODY else ESCALATION_BODY)


def directory(email_domain: str) -> list[UnitRow]:
    rows = [
        UnitRow(
            code=str(agency),
            name=AGENCY_NAMES[agency],
            division="cơ quan tỉnh",
            agency=str(agency),
            ward_code=None,
            email=f"{agency}@{email_domain}",
            parent_code=_parent(agency),
        )
        for agency in Agency
        if agency != Agency.XA
    ]
    rows += [
        UnitRow(
            code=ward.code,
            name=f"UBND {ward.name}",
            division=ward.division,
            agency=str(Agency.XA),
            ward_code=ward.code,
            email=f"ubnd.{_slug(ward.name)}@{email_domain}",
            parent_code=str(ESCALATION_BODY),
        )
        for ward in wards_2025()
    ]
    return rows


def load_units(session: Session, email_domain: str = "thanhhoa.gov.vn") -> tuple[int, int]:
    """Insert missing units and refresh names; keeps e-mails and flags edited by admins. Idempotent."""
    existing = {u.code: u for u in session.scalars(select(Unit))}
    created = updated = 0
    rows = directory(email_domain)
    for row in rows:
        unit = existing.get(row.code)
        if unit is None:
            unit = Unit(code=row.code, email=row.email)
            session.add(unit)
            existing[row.code] = unit
            created += 1
        elif (unit.name, unit.division, unit.agency, unit.ward_code) != (
            row.name,
            row.division,
            row.agency,
            row.ward_code,
        ):
            updated += 1
        unit.name, unit.name_ascii = row.name, strip_diacritics(row.name).lower()
        unit.division, unit.agency, unit.ward_code = row.division, row.agency, row.ward_code
    session.flush()
    for row in rows:
        if row.parent_code:
            existing[row.code].parent_id = existing[row.parent_code].id
    session.flush()
    return created, updated


def unit_for(session: Session, *, agency: str, ward_code: str | None) -> Unit | None:
    """The unit that handles reports for an agency (and, for communes, a ward)."""
    if agency == Agency.XA:
        return session.scalar(select(Unit).where(Unit.ward_code == ward_code)) if ward_code else None
    return session.scalar(select(Unit).where(Unit.code == agency))


def ward_choices() -> list[tuple[str, str]]:
    """The 2025 communes as (code, name), in the order a reader looks for a name. Every citizen's form asks for
    them: the sort (166 names stripped of diacritics) is done once per process, the list handed out is a copy."""
    return list(_sorted_wards())


@cache
def _sorted_wards() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((w.code, w.name) for w in wards_2025()), key=lambda c: strip_diacritics(c[1]).lower()))
