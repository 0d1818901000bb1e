"""Where a report goes: pure rules over the classifier's reading, the citizen's pick and the accused body.

- Place (`place_of`): the report's ward is where it happened. The form asks exactly that ("Xã/phường nơi xảy
  ra"), so the citizen's pick wins; the place read from the text fills in when nothing was picked. When both
  exist and differ, the report keeps the pick and the case file shows both (`Place.conflict`).
- Escalation (`body_above`): a report that accuses the head or a deputy head of a body goes to the body above
  it: Thanh tra tỉnh, or the Chairman of the provincial People's Committee (`ubnd-tinh`) when the heads of
  Thanh tra tỉnh are accused (docs/taxonomy.md section 2). The accused body is the one the text names, never
  the subject matter's.
- Safety over convenience: when the reading is unsure whether a head is accused, the report waits in the
  needs-triage queue with the reason shown, and the suspected body is recorded as accused until a person
  settles it, so that it cannot be sent there by mistake.
- A reading under the confidence threshold, and a commune matter without a ward, wait in needs-triage too.
- `Report.accuses(unit)` (core/models/report.py) is the check every path that gives a report a unit passes
  (routing, reroutes, bulk actions, label corrections), and a flush guard refuses any that does not.
"""

from dataclasses import dataclass

from core.vocabulary import Agency, RoutingReason
from ml.prediction import Prediction


@dataclass(frozen=True)
class Body:
    """A body by agency code and, for a commune, its ward (None when the text does not say which)."""

    agency: str
    ward_code: str | None = None

    @classmethod
    def from_contract(cls, value: dict | None) -> "Body | None":
        return cls(value["agency"], value.get("ward_code")) if value and value.get("agency") else None


@dataclass(frozen=True)
class Place:
    ward_code: str | None  # where it happened: the report's ward
    given: str | None  # the citizen's pick
    read: str | None  # read from the text
    conflict: bool  # both exist and differ


@dataclass(frozen=True)
class Destination:
    agency: str
    place: Place
    needs_triage: bool
    reason: RoutingReason
    accused: Body | None = None  # the body that must never receive the report

    @property
    def ward_code(self) -> str | None:
        return self.place.ward_code


def place_of(given: str | None, read: str | None) -> Place:
    given, read = given or None, read or None
    return Place(given or read, given, read, bool(given and read and given != read))


def body_above(accused: Body) -> str:
    """The body that handles a report accusing the head of `accused`."""
    return Agency.UBND_TINH if accused.agency == Agency.THANH_TRA_TINH else Agency.THANH_TRA_TINH


def accused_body(prediction: Prediction, ward_code: str | None) -> Body | None:
    """The body whose head is accused, or suspected when the reading is unsure: as the text names it; a commune
    head named without a commune is taken to be the report's own commune only when the report has one."""
    body = Body.from_contract(prediction.accused if prediction.escalate else prediction.suspected)
    if body is not None and body.agency == Agency.XA and body.ward_code is None:
        return Body(Agency.XA, ward_code)
    return body


def choose_destination(prediction: Prediction, *, threshold: float, ward_given: str | None = None) -> Destination:
    place = place_of(ward_given, prediction.ward_code)
    accused = accused_body(prediction, place.ward_code)
    if prediction.escalate and accused is not None:
        return Destination(body_above(accused), place, False, RoutingReason.ESCALATE, accused)
    if prediction.escalate:  # a head is accused but the text does not say of which body: a person decides
        return Destination(Agency.THANH_TRA_TINH, place, True, RoutingReason.UNSURE_ACCUSED, None)
    if prediction.accused_state == "unsure":
        return Destination(prediction.agency, place, True, RoutingReason.UNSURE_ACCUSED, accused)
    if prediction.confidence < threshold:
        return Destination(prediction.agency, place, True, RoutingReason.LOW_CONFIDENCE)
    if prediction.agency == Agency.XA and not place.ward_code:
        return Destination(prediction.agency, place, True, RoutingReason.NO_WARD)
    return Destination(prediction.agency, place, False, RoutingReason.CLASSIFIER)
