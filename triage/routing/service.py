"""Routing one report: classify, choose the unit, start the clocks, record every step."""

from sqlalchemy.orm import Session

from core.models import Report, utcnow
from core.units import unit_for
from core.vocabulary import EventKind, RoutingReason, Status
from triage.deadlines.clocks import start_clocks
from triage.routing.rules import Body, choose_destination


def _unit_of(session: Session, body: Body | None):
    return unit_for(session, agency=body.agency, ward_code=body.ward_code) if body else None


def route(session: Session, report: Report, services) -> str:
    classifier = services.classifier()
    prediction = classifier.predict([report.text])[0]
    destination = choose_destination(prediction, threshold=services.threshold, ward_given=report.ward_code_given)
    place = destination.place
    report.agency = destination.agency if prediction.escalate else prediction.agency
    report.ward_code = place.ward_code
    report.category = prediction.category
    report.escalate = prediction.escalate
    report.confidence = prediction.confidence
    report.model_version = prediction.model_version
    report.labels = {
        "agency": [list(p) for p in prediction.agency_ranking],
        "category": [list(p) for p in prediction.category_ranking],
        "escalate_probability": prediction.escalate_probability,
        "ward_code_predicted": prediction.ward_code,
        "ward_conflict": place.conflict,
        "accused_state": prediction.accused_state,
        "accused": prediction.accused,
        "suspected": prediction.suspected,
        "evidence": prediction.evidence,
    }
    report.record(
        EventKind.CLASSIFIED,
        agency=prediction.agency,
        ward_code=prediction.ward_code,
        category=prediction.category,
        escalate=prediction.escalate,
        accused_state=prediction.accused_state,
        confidence=round(prediction.confidence, 4),
        model_version=prediction.model_version,
    )

    accused = destination.accused
    report.set_accused(
        _unit_of(session, accused), accused.agency if accused else None, accused.ward_code if accused else None
    )
    unit = (
        None
        if destination.needs_triage
        else unit_for(session, agency=destination.agency, ward_code=destination.ward_code)
    )
    if report.accuses(unit):  # cannot happen with the rules above; the flush guard would refuse it anyway
        unit = None
    report.routed_at = utcnow()
    if unit is None:
        report.move_to(
            Status.NEEDS_TRIAGE, reason=destination.reason if destination.needs_triage else RoutingReason.NO_UNIT
        )
        outcome = Status.NEEDS_TRIAGE
    else:
        report.unit = unit
        report.move_to(Status.ROUTED, unit_code=unit.code, unit_name=unit.name, reason=destination.reason)
        outcome = Status.ROUTED
    start_clocks(
        report,
        calendar=services.calendar,
        policy=services.policy,
        points=services.points,
        remote=bool(unit and unit.remote),
    )
    session.flush()
    return outcome
