"""Where a classified report goes: a pure rule over the prediction."""
from dataclasses import dataclass

from ml.prediction import Prediction
from ml.taxonomy import Agency


@dataclass(frozen=True)
class Destination:
    agency: str
    ward_code: str | None
    needs_triage: bool
    reason: str


def choose_destination(prediction: Prediction, *, threshold: float, ward_given: str | None = None) -> Destination:
    """Escalated reports go to the provincial inspectorate, never to the accused body.

    A commune matter needs a ward: the one the citizen picked, else the classifier's. A prediction
    under the confidence threshold, or a commune matter without a ward, goes to manual triage.
    """
    ward = ward_given or prediction.ward_code
    if prediction.escalate:
        return Destination(Agency.THANH_TRA_TINH, ward, False, "escalate")
    if prediction.confidence < threshold:
        return Destination(prediction.agency, ward, True, "low-confidence")
    if prediction.agency == Agency.XA and not ward:
        return Destination(prediction.agency, None, True, "no-ward")
    return Destination(prediction.agency, ward, False, "classifier")
