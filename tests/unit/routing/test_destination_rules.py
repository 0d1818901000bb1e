"""The destination rules (triage/routing/rules.py) and the accused-body check (Report.accuses), without an app."""

import pytest

from core.models import Report, Unit
from core.models.unit import is_body
from ml.prediction import Prediction
from triage.routing.rules import Body, body_above, choose_destination, place_of


def _pred(**kw):
    base = dict(agency="xa", ward_code="16522", category="cham-tre", escalate=False, confidence=0.9)
    return Prediction(**{**base, **kw})


def _accusing(body: dict, **kw):
    return _pred(escalate=True, accused_state="accused", accused=body, agency="thanh-tra-tinh", **kw)


def test_an_ordinary_report_goes_to_the_body_the_classifier_names():
    d = choose_destination(_pred(), threshold=0.5)
    assert (d.agency, d.ward_code, d.needs_triage, d.reason, d.accused) == ("xa", "16522", False, "classifier", None)
    d = choose_destination(_pred(agency="cong-an-tinh", ward_code=None), threshold=0.5)
    assert (d.agency, d.needs_triage) == ("cong-an-tinh", False)


def test_the_citizens_pick_is_where_it_happened_and_a_disagreement_is_kept():
    assert place_of("15061", None).ward_code == place_of("15061", "15061").ward_code == "15061"
    assert place_of("15061", "16522").ward_code == "15061" and place_of("15061", "16522").conflict
    assert place_of(None, "16522").ward_code == "16522" and not place_of(None, "16522").conflict
    assert place_of("", None).ward_code is None
    d = choose_destination(_pred(), threshold=0.5, ward_given="15061")
    assert (d.ward_code, d.place.read, d.place.conflict) == ("15061", "16522", True)


def test_unsure_readings_wait_for_a_person():
    assert choose_destination(_pred(confidence=0.3), threshold=0.5).reason == "low-confidence"
    d = choose_destination(_pred(ward_code=None), threshold=0.5)
    assert (d.needs_triage, d.reason) == (True, "no-ward")
    assert not choose_destination(_pred(ward_code=None), threshold=0.5, ward_given="15061").needs_triage


@pytest.mark.parametrize(
    "accused, above",
    [
        ({"agency": "xa", "ward_code": "16522"}, "thanh-tra-tinh"),
        ({"agency": "so-xay-dung", "ward_code": None}, "thanh-tra-tinh"),
        ({"agency": "cong-an-tinh", "ward_code": None}, "thanh-tra-tinh"),
        ({"agency": "thanh-tra-tinh", "ward_code": None}, "ubnd-tinh"),
    ],
)
def test_an_accused_head_sends_the_report_to_the_body_above(accused, above):
    d = choose_destination(_accusing(accused, confidence=0.1), threshold=0.5)
    assert (d.agency, d.needs_triage, d.reason) == (above, False, "escalate")
    assert d.accused == Body(accused["agency"], accused["ward_code"])
    assert body_above(d.accused) == above


def test_the_accused_body_is_the_one_the_text_names_not_the_subject_matter():
    d = choose_destination(_accusing({"agency": "xa", "ward_code": "16522"}, ward_code="15061"), threshold=0.5)
    assert d.accused == Body("xa", "16522") and d.ward_code == "15061"


def test_a_commune_head_of_no_named_commune_is_the_reports_own_commune_or_every_commune():
    d = choose_destination(_accusing({"agency": "xa", "ward_code": None}), threshold=0.5, ward_given="15061")
    assert d.accused == Body("xa", "15061")
    d = choose_destination(_accusing({"agency": "xa", "ward_code": None}, ward_code=None), threshold=0.5)
    assert d.accused == Body("xa", None) and d.agency == "thanh-tra-tinh" and not d.needs_triage


def test_a_head_maybe_accused_waits_in_triage_with_the_suspected_body_recorded():
    p = _pred(accused_state="unsure", suspected={"agency": "xa", "ward_code": "16522"})
    d = choose_destination(p, threshold=0.5)
    assert (d.needs_triage, d.reason, d.accused) == (True, "unsure-accused", Body("xa", "16522"))
    d = choose_destination(_pred(escalate=True, accused_state="accused", accused=None), threshold=0.5)
    assert (d.needs_triage, d.reason) == (True, "unsure-accused")


def test_a_head_only_mentioned_changes_nothing():
    d = choose_destination(_pred(accused_state="mentioned"), threshold=0.5)
    assert (d.agency, d.needs_triage, d.accused) == ("xa", False, None)


def _unit(id, agency, ward=None):
    return Unit(id=id, code=ward or agency, name=agency, name_ascii=agency, division="", agency=agency, ward_code=ward)


def test_accuses_matches_the_body_by_unit_or_by_agency_and_ward():
    quang_phu, ngoc_lac, so = _unit(1, "xa", "16522"), _unit(2, "xa", "15061"), _unit(3, "so-xay-dung")
    report = Report()
    report.set_accused(quang_phu, None, None)
    assert report.accuses(quang_phu) and not report.accuses(ngoc_lac) and not report.accuses(so)
    report.set_accused(None, "xa", None)  # "the chairman of the commune", no commune named
    assert report.accuses(quang_phu) and report.accuses(ngoc_lac) and not report.accuses(so)
    report.set_accused(None, "so-xay-dung", None)
    assert report.accuses(so) and not report.accuses(quang_phu)
    report.set_accused(None, None, None)
    assert not any(report.accuses(u) for u in (quang_phu, ngoc_lac, so, None))
    assert not is_body(so, None, None)
