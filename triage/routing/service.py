"""Routing one report: classify, choose the unit, start the clocks, record every step."""

from sqlalchemy.orm import Session

from core.models import Report, utcnow
from core.units import unit_for
from core.vocabulary import Agency, EventKind, RoutingReason, Status
from triage.deadlines.clocks import start_clocks
from triage.routing.rules import choose_destination


def accused_body(session: Session, prediction, ward_code: str | None):
    """The body whose head an escalated report accuses: the best non-inspectorate agency of the prediction."""
    for agency, _p in prediction.agency_ranking:
        if agency != Agency.THANH_TRA_TINH:
            return unit_for(session, agency=agency, ward_code=ward_code)
    return unit_for(session, agency=Agency.XA, ward_code=ward_code)


def route(session: Session, report: Report, services) -> str:
    classifier = services.classifier()
    prediction = classifier.predict([report.text])[0]
    report.agency = prediction.agency
    report.ward_code = prediction.ward_code or report.ward_code_given
    report.category = prediction.category
    report.escalate = prediction.escalate
    report.confidence = prediction.confidence
    report.model_version = prediction.model_version
    report.labels = {
        "agency": [list(p) for p in prediction.agency_ranking],
        "category": [list(p) for p in prediction.category_ranking],
        "escalate_probability": prediction.escalate_probability,
        "ward_code_predicted": prediction.ward_code,
    }
    report.record(
        EventKind.CLASSIFIED,
        agency=prediction.agency,
        ward_code=prediction.ward_code,
        category=prediction.category,
        escalate=prediction.escalate,
        confidence=round(prediction.confidence, 4),
        model_version=prediction.model_version,
    )

    if prediction.escalate:
        report.accused_unit = accused_body(session, prediction, report.ward_code)
    destination = choose_destination(prediction, threshold=services.threshold, ward_given=report.ward_code_given)
    unit = (
        None
        if destination.needs_triage
        else unit_for(session, agency=destination.agency, ward_code=destination.ward_code)
    )
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
