"""Legal deadlines of the three tracks (phản ánh, khiếu nại, tố cáo) as data.

The figures live in ``triage/deadlines/data/deadline_policy.toml`` (see the shape at the top
of that file); this module only reads them and does the arithmetic on a
``WorkingCalendar``. No database, no Flask: callers store what ``plan_clocks``
returns (every ``ClockPlan`` records the policy version it was computed with).

A due date is a pure function of: the event date (``starts_on``), the period
(base amount, the variant for complex / remote / several places, and extensions),
then the pauses while the unit waited for the citizen. So:

* ``plan_clocks`` gives the planned clocks;
* ``extend`` gives the due date after one more extension, recomputed from the
  planned period (``starts_on`` + amount + extensions);
* ``shift_for_pause`` then moves that date by each waiting interval.

Legal days are Vietnamese dates; inputs may be dates or aware datetimes (UTC in
the database), see ``triage.deadlines.calendar.legal_date``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

from core.vietnamese import legal_date
from core.vocabulary import Complexity, Kind
from triage.deadlines.calendar import WorkingCalendar, end_of_day_utc

__all__ = [
    "ClockPlan",
    "Complexity",
    "CountsFrom",
    "ExtensionError",
    "ExtensionRule",
    "Policy",
    "PolicyError",
    "StageRule",
    "Track",
    "Unit",
    "Variant",
    "due_date",
    "extend",
    "load_policy",
    "paused_days",
    "plan_clocks",
    "shift_for_pause",
]

_DEFAULT_POLICY = "data/deadline_policy.toml"


class Unit(StrEnum):
    WORKING_DAYS = "working_days"  # "ngày làm việc"
    CALENDAR_DAYS = "calendar_days"  # plain "ngày" (Civil Code 2015 Art. 145-148)


class CountsFrom(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"


VARIANT_FLAGS = frozenset({"complex", "remote", "several_places"})


class PolicyError(ValueError):
    """The policy file is malformed, or it has no rule for what was asked."""


class ExtensionError(ValueError):
    """An extension the law does not allow (no extension for this stage, or past
    the number of extensions / the maximum total)."""


# --------------------------------------------------------------------------- policy
@dataclass(frozen=True, slots=True)
class Variant:
    when: frozenset[str]
    amount: int


@dataclass(frozen=True, slots=True)
class ExtensionRule:
    amount: int  # length of each extension
    unit: Unit
    max_times: Mapping[str, int]  # Complexity value -> how many extensions allowed
    max_total: int | None = None  # base + extensions, in the stage's unit

    def allowed(self, complexity: str) -> int:
        return self.max_times.get(str(complexity), 0)


@dataclass(frozen=True, slots=True)
class StageRule:
    stage: str
    label_vi: str
    amount: int
    unit: Unit
    counts_from: CountsFrom
    variants: tuple[Variant, ...] = ()
    extension: ExtensionRule | None = None
    condition: str | None = None
    basis: str = ""

    def amount_for(self, flags: frozenset[str]) -> tuple[int, tuple[str, ...]]:
        """The period for the active variant flags, and the flags of the variant
        applied. The matching variant with the most flags wins; between equally
        specific ones, the longer period (the law's ceiling)."""
        matching = [v for v in self.variants if v.when <= flags]
        if not matching:
            return self.amount, ()
        best = max(matching, key=lambda v: (len(v.when), v.amount))
        return best.amount, tuple(sorted(best.when))


@dataclass(frozen=True, slots=True)
class Track:
    key: str
    kind: Kind
    instance: int
    label_vi: str
    basis: str
    stages: tuple[StageRule, ...]

    def stage(self, name: str) -> StageRule:
        for rule in self.stages:
            if rule.stage == name:
                return rule
        raise PolicyError(f"track {self.key!r} has no stage {name!r}")


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    tracks: Mapping[str, Track]
    source: str = ""

    def track(self, kind: str, instance: int = 1) -> Track:
        k = _kind(kind)
        for t in self.tracks.values():
            if t.kind == k and t.instance == instance:
                return t
        raise PolicyError(f"policy {self.version!r} has no track for {k.value!r} instance {instance}")

    def stage(self, track_key: str, stage: str) -> StageRule:
        try:
            track = self.tracks[track_key]
        except KeyError:
            raise PolicyError(f"policy {self.version!r} has no track {track_key!r}") from None
        return track.stage(stage)


def _kind(kind: str) -> Kind:
    try:
        return Kind(str(kind))
    except ValueError:
        raise ValueError(f"unknown report kind {kind!r}; expected one of {[k.value for k in Kind]}") from None


# ------------------------------------------------------------------------- loading
def _int(value, where: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise PolicyError(f"{where}: expected an integer >= {minimum}, got {value!r}")
    return value


def _enum(cls, value, where: str):
    try:
        return cls(value)
    except ValueError:
        raise PolicyError(f"{where}: {value!r} is not one of {[m.value for m in cls]}") from None


def _check_keys(table: Mapping, allowed: set[str], required: set[str], where: str) -> None:
    if not isinstance(table, Mapping):
        raise PolicyError(f"{where}: expected a table")
    unknown = set(table) - allowed
    if unknown:
        raise PolicyError(f"{where}: unknown keys {sorted(unknown)}")
    missing = required - set(table)
    if missing:
        raise PolicyError(f"{where}: missing keys {sorted(missing)}")


def _parse_extension(raw, unit: Unit, base: int, where: str) -> ExtensionRule:
    _check_keys(raw, {"amount", "unit", "max_times", "max_total"}, {"amount", "unit", "max_times"}, where)
    amount = _int(raw["amount"], f"{where}.amount")
    ext_unit = _enum(Unit, raw["unit"], f"{where}.unit")
    max_times_raw = raw["max_times"]
    if not isinstance(max_times_raw, Mapping):
        raise PolicyError(f"{where}.max_times: expected a table")
    max_times: dict[str, int] = {}
    for key, n in max_times_raw.items():
        _enum(Complexity, key, f"{where}.max_times")
        max_times[key] = _int(n, f"{where}.max_times.{key}", minimum=0)
    max_total = raw.get("max_total")
    if max_total is not None:
        max_total = _int(max_total, f"{where}.max_total")
        if ext_unit == unit:
            most = base + amount * max(max_times.values(), default=0)
            if most > max_total:
                raise PolicyError(
                    f"{where}: {base} + {max(max_times.values())} x {amount} = {most} exceeds max_total {max_total}"
                )
    return ExtensionRule(amount, ext_unit, MappingProxyType(max_times), max_total)


def _parse_stage(raw, where: str) -> StageRule:
    _check_keys(
        raw,
        {"stage", "label_vi", "amount", "unit", "counts_from", "variants", "extension", "condition", "basis"},
        {"stage", "label_vi", "amount", "unit", "counts_from"},
        where,
    )
    stage = raw["stage"]
    if not isinstance(stage, str) or not stage:
        raise PolicyError(f"{where}.stage: expected a non-empty string")
    where = f"{where}[{stage}]"
    amount = _int(raw["amount"], f"{where}.amount")
    unit = _enum(Unit, raw["unit"], f"{where}.unit")
    counts_from = _enum(CountsFrom, raw["counts_from"], f"{where}.counts_from")
    variants: list[Variant] = []
    for i, v in enumerate(raw.get("variants", [])):
        vw = f"{where}.variants[{i}]"
        _check_keys(v, {"when", "amount"}, {"when", "amount"}, vw)
        when = v["when"]
        if not isinstance(when, list) or not when or not set(when) <= VARIANT_FLAGS:
            raise PolicyError(f"{vw}.when: expected a non-empty list of {sorted(VARIANT_FLAGS)}")
        variant = Variant(frozenset(when), _int(v["amount"], f"{vw}.amount"))
        if any(o.when == variant.when for o in variants):
            raise PolicyError(f"{vw}: duplicate variant {sorted(variant.when)}")
        variants.append(variant)
    extension = None
    if "extension" in raw:
        extension = _parse_extension(raw["extension"], unit, amount, f"{where}.extension")
    condition = raw.get("condition")
    if condition is not None and not isinstance(condition, str):
        raise PolicyError(f"{where}.condition: expected a string")
    return StageRule(
        stage=stage,
        label_vi=str(raw["label_vi"]),
        amount=amount,
        unit=unit,
        counts_from=counts_from,
        variants=tuple(variants),
        extension=extension,
        condition=condition,
        basis=str(raw.get("basis", "")),
    )


_REQUIRED_TRACKS = {(Kind.PHAN_ANH, 1), (Kind.KHIEU_NAI, 1), (Kind.KHIEU_NAI, 2), (Kind.TO_CAO, 1)}


def parse_policy(data: Mapping, source: str = "") -> Policy:
    """Build a ``Policy`` from already-parsed TOML (e.g. a mapping kept in a DB)."""
    _check_keys(data, {"version", "tracks"}, {"version", "tracks"}, source or "policy")
    version = data["version"]
    if not isinstance(version, str) or not version.strip():
        raise PolicyError(f"{source}: 'version' must be a non-empty string")
    tracks: dict[str, Track] = {}
    seen: set[tuple[Kind, int]] = set()
    for key, raw in data["tracks"].items():
        where = f"tracks.{key}"
        _check_keys(raw, {"kind", "instance", "label_vi", "basis", "stages"}, {"kind", "stages"}, where)
        kind = _enum(Kind, raw["kind"], f"{where}.kind")
        instance = _int(raw.get("instance", 1), f"{where}.instance")
        if (kind, instance) in seen:
            raise PolicyError(f"{where}: a second track for {kind.value} instance {instance}")
        seen.add((kind, instance))
        stages = tuple(_parse_stage(s, f"{where}.stages") for s in raw["stages"])
        names = [s.stage for s in stages]
        if len(set(names)) != len(names):
            raise PolicyError(f"{where}: duplicate stage names {names}")
        tracks[key] = Track(
            key=key,
            kind=kind,
            instance=instance,
            label_vi=str(raw.get("label_vi", "")),
            basis=str(raw.get("basis", "")),
            stages=stages,
        )
    missing = _REQUIRED_TRACKS - seen
    if missing:
        raise PolicyError(f"{source}: no track for {sorted((k.value, i) for k, i in missing)}")
    return Policy(version=version, tracks=MappingProxyType(tracks), source=source)


def load_policy(path: str | Path | None = None) -> Policy:
    """Read and validate a policy file (default: the shipped
    ``triage/deadlines/data/deadline_policy.toml``). Raises ``PolicyError`` on any mistake."""
    if path is None:
        ref = resources.files("triage.deadlines").joinpath(_DEFAULT_POLICY)
        text, source = ref.read_text(encoding="utf-8"), str(ref)
    else:
        text, source = Path(path).read_text(encoding="utf-8"), str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{source}: {exc}") from exc
    return parse_policy(data, source)


# --------------------------------------------------------------------------- clocks
@dataclass(frozen=True, slots=True)
class ClockPlan:
    """One legal clock of a report.

    ``starts_on`` is the Vietnamese date of the triggering event (receipt or
    acceptance); the period counts from the next day. ``nominal_due_on`` is the
    last day of the period before the Civil Code's roll-forward off a day off;
    ``due_on`` is the real deadline (end of that Vietnamese day, ``due_at_utc``).
    For working-day clocks both are the same."""

    track: str
    stage: str
    label_vi: str
    starts_on: date
    due_on: date
    nominal_due_on: date
    unit: Unit
    amount: int
    counts_from: CountsFrom
    policy_version: str
    condition: str | None = None
    variant: tuple[str, ...] = field(default=())
    basis: str = ""

    @property
    def due_at_utc(self) -> datetime:
        return end_of_day_utc(self.due_on)


def _nominal_end(starts_on: date, amount: int, unit: str, calendar: WorkingCalendar) -> date:
    if Unit(unit) == Unit.WORKING_DAYS:
        return calendar.add_working_days(starts_on, amount)
    return starts_on + timedelta(days=amount)


def due_date(starts_on: date | datetime, amount: int, unit: str, calendar: WorkingCalendar) -> date:
    """Deadline of a period of ``amount`` ``unit`` after the event on ``starts_on``."""
    start = legal_date(starts_on)
    if Unit(unit) == Unit.WORKING_DAYS:
        return calendar.add_working_days(start, amount)
    return calendar.add_calendar_days(start, amount)


def plan_clocks(
    kind: str,
    received_at: date | datetime,
    calendar: WorkingCalendar,
    policy: Policy,
    *,
    instance: int = 1,
    remote: bool = False,
    complex: bool = False,  # noqa: A002 - the name the callers use
    several_places: bool = False,
    accepted_at: date | datetime | None = None,
) -> list[ClockPlan]:
    """The clocks of a report of ``kind`` (``instance`` 2 = khiếu nại lần hai).

    Clocks counting from receipt are always planned; those counting from
    acceptance (resolution, notification) only once ``accepted_at`` is given.
    Clocks with a ``condition`` (e.g. "not_competent" for forwarding) are included;
    the caller closes the ones that do not apply."""
    k = _kind(kind)
    if k != Kind.KHIEU_NAI and instance != 1:
        raise ValueError(f"only khiếu nại has a second instance, got {k.value!r} instance {instance}")
    track = policy.track(k, instance)
    received = legal_date(received_at)
    accepted = legal_date(accepted_at) if accepted_at is not None else None
    if accepted is not None and accepted < received:
        raise ValueError(f"accepted on {accepted} before it was received on {received}")
    flags = frozenset(
        name for name, on in (("remote", remote), ("complex", complex), ("several_places", several_places)) if on
    )
    plans: list[ClockPlan] = []
    for rule in track.stages:
        if rule.counts_from == CountsFrom.ACCEPTED:
            if accepted is None:
                continue
            start = accepted
        else:
            start = received
        amount, applied = rule.amount_for(flags)
        nominal = _nominal_end(start, amount, rule.unit, calendar)
        plans.append(
            ClockPlan(
                track=track.key,
                stage=rule.stage,
                label_vi=rule.label_vi,
                starts_on=start,
                due_on=calendar.next_working_day(nominal, inclusive=True),
                nominal_due_on=nominal,
                unit=rule.unit,
                amount=amount,
                counts_from=rule.counts_from,
                policy_version=policy.version,
                condition=rule.condition,
                variant=applied,
                basis=rule.basis,
            )
        )
    return plans


class PlannedClock(Protocol):
    """What ``extend`` reads of a clock: a ``ClockPlan`` or a stored clock row."""

    track: str
    stage: str
    starts_on: date
    amount: int
    unit: str


def extend(
    clock: PlannedClock,
    times_already_extended: int,
    policy: Policy,
    calendar: WorkingCalendar,
    complexity: str,
) -> date:
    """Due date after one more extension of ``clock`` (as planned by
    ``plan_clocks``, with its planned ``amount``).

    The result is recomputed from the planned period: ``starts_on`` + amount +
    (times_already_extended + 1) extensions, rolled to a working day. Apply pauses
    afterwards with ``shift_for_pause``. Raises ``ExtensionError`` when the stage has
    no extension, when ``complexity`` allows fewer extensions, or past the maximum
    total."""
    if isinstance(times_already_extended, bool) or times_already_extended < 0:
        raise ValueError("times_already_extended must be a non-negative integer")
    level = _enum_arg(Complexity, complexity, "complexity")
    rule = policy.stage(clock.track, clock.stage)
    ext = rule.extension
    if ext is None:
        hint = ""
        if rule.variants:
            hint = "; its longer periods are variants, not extensions: re-plan with complex=True / remote=True"
        raise ExtensionError(f"{clock.track} {clock.stage}: the law allows no extension{hint} ({rule.basis})")
    allowed = ext.allowed(level)
    n = times_already_extended + 1
    if n > allowed:
        raise ExtensionError(
            f"{clock.track} {clock.stage}: a {level.value} case may be extended at most "
            f"{allowed} time(s) by {ext.amount} {ext.unit.value}; it has already been "
            f"extended {times_already_extended} time(s) ({rule.basis})"
        )
    if ext.max_total is not None and ext.unit == clock.unit and clock.amount + n * ext.amount > ext.max_total:
        raise ExtensionError(
            f"{clock.track} {clock.stage}: {clock.amount} + {n} x {ext.amount} "
            f"{ext.unit.value} exceeds the legal maximum of {ext.max_total} ({rule.basis})"
        )
    if ext.unit == clock.unit:
        return due_date(clock.starts_on, clock.amount + n * ext.amount, clock.unit, calendar)
    nominal = _nominal_end(clock.starts_on, clock.amount, clock.unit, calendar)
    return due_date(nominal, n * ext.amount, ext.unit, calendar)


def _enum_arg(cls, value, name: str):
    try:
        return cls(str(value))
    except ValueError:
        raise ValueError(f"{name} {value!r} is not one of {[m.value for m in cls]}") from None


def paused_days(
    paused_from: date | datetime,
    resumed_at: date | datetime,
    calendar: WorkingCalendar,
    unit: str,
) -> int:
    """Days lost while waiting for the citizen: those in (paused_from, resumed_at],
    counting working days for a working-day clock, calendar days otherwise."""
    start, end = legal_date(paused_from), legal_date(resumed_at)
    if end < start:
        raise ValueError(f"resumed on {end} before it was paused on {start}")
    if Unit(unit) == Unit.WORKING_DAYS:
        return calendar.working_days_between(start, end)
    return (end - start).days


def shift_for_pause(
    due_on: date,
    paused_from: date | datetime,
    resumed_at: date | datetime,
    calendar: WorkingCalendar,
    unit: str,
) -> date:
    """Move a deadline by the time spent waiting for the citizen.

    Working-day clocks move by the working days in (paused_from, resumed_at];
    calendar-day clocks by the calendar days, then roll forward off a day off.
    For a calendar-day clock pass the *nominal* end (``ClockPlan.nominal_due_on``):
    the period is lengthened, and only its new end is rolled; passing an already
    rolled date can add the days off it was rolled over. A pause that began after
    the deadline does not move it (waiting after the deadline excuses nothing)."""
    due = legal_date(due_on)
    start = legal_date(paused_from)
    lost = paused_days(paused_from, resumed_at, calendar, unit)
    rolled = calendar.next_working_day(due, inclusive=True)
    if start > rolled or lost == 0:
        return rolled
    if Unit(unit) == Unit.WORKING_DAYS:
        return calendar.add_working_days(due, lost)
    return calendar.add_calendar_days(due, lost)
