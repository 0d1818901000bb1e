"""What the classifier returns for one report."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Prediction:
    agency: str
    ward_code: str | None
    category: str
    escalate: bool
    confidence: float  # probability of the chosen agency
    category_confidence: float = 0.0
    escalate_probability: float = 0.0
    agency_ranking: tuple[tuple[str, float], ...] = field(default_factory=tuple)  # best first
    category_ranking: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    model_version: str = ""
    # Who is accused (ml.accused): "none", "mentioned" (a head is named, not accused), "accused", "unsure".
    accused_state: str = "none"
    accused: dict | None = None  # {"agency", "ward_code"} of the body whose head is accused, when escalate
    suspected: dict | None = None  # the body whose head may be accused, when accused_state == "unsure"
    evidence: dict[str, list[str]] = field(default_factory=dict)  # label -> phrases of the text that decided it

    def contract(self, report_id) -> dict:
        """The JSON object of the `python -m ml predict` contract (docs/taxonomy.md, section 5)."""
        return {
            "id": report_id,
            "agency": self.agency,
            "ward_code": self.ward_code,
            "category": self.category,
            "escalate": self.escalate,
            "accused": self.accused if self.escalate else None,
            "confidence": round(float(self.confidence), 4),
        }
