"""What the classifier returns for one report."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Prediction:
    agency: str
    ward_code: str | None
    category: str
    escalate: bool  # True exactly when accused_state == "accused"
    confidence: float  # probability of the chosen agency
    category_confidence: float = 0.0
    escalate_probability: float = 0.0
    agency_ranking: tuple[tuple[str, float], ...] = field(default_factory=tuple)  # best first
    category_ranking: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    model_version: str = ""
    # who is accused (ml/accused.py, docs/taxonomy.md section 2)
    accused: dict | None = None  # {"agency", "ward_code"} of the body whose head is accused, when escalate
    accused_state: str = "none"  # "none" | "mentioned" | "accused" | "unsure"
    suspected: dict | None = None  # the candidate body when accused_state == "unsure"
    # the words of the text behind each decision: keys "escalate", "agency", "ward", "category"
    evidence: dict[str, list[str]] = field(default_factory=dict)

    def contract(self, report_id) -> dict:
        """The JSON object of the `python -m ml predict` contract (docs/taxonomy.md, section 5)."""
        return {
            "id": report_id,
            "agency": self.agency,
            "ward_code": self.ward_code,
            "category": self.category,
            "escalate": self.escalate,
            "accused": dict(self.accused) if self.escalate and self.accused else None,
            "confidence": round(float(self.confidence), 4),
        }
