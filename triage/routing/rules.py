"""Where a classified report goes: a pure rule over the prediction."""

from dataclasses import dataclass

from core.vocabulary import Agency, RoutingReason
from ml.prediction import Prediction


@dataclass(frozen=True)
class Destination:
    agency: str
    ward_code: str | None
    needs_triage: bool
    reason: RoutingReason


def choose_destination(prediction: Prediction, *, threshold: float, ward_given: str | None = None) -> Destination:
    """Escalated reports go to the provincial inspectorate, never to the accused body.

    A commune matter needs a ward: the one the citizen picked, else the classifier's. A prediction
    under the confidence threshold, or a commune matter without a ward, goes to manual triage.
    """
    ward = ward_given or prediction.ward_code
    if prediction.escalate:
        return Destination(Agency.THANH_TRA_TINH, ward, False, RoutingReason.ESCALATE)
    if prediction.confidence < threshold:
        return Destination(prediction.agency, ward, True, RoutingReason.LOW_CONFIDENCE)
    if prediction.agency == Agency.XA and not ward:
        return Destination(prediction.agency, None, True, RoutingReason.NO_WARD)
    return Destination(prediction.agency, ward, False, RoutingReason.CLASSIFIER)
