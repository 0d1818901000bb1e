"""What routing needs, built lazily once per process and passed in (tests build their own)."""
from dataclasses import dataclass, field
from functools import cached_property

from triage.calendar import WorkingCalendar, default_calendar
from triage.deadlines import Policy, load_policy


@dataclass
class Services:
    model_dir: str
    threshold: float
    _handle: object = field(default=None, repr=False)

    @classmethod
    def from_config(cls, config) -> "Services":
        return cls(model_dir=config["ML_MODEL_DIR"], threshold=config["TRIAGE_CONFIDENCE_THRESHOLD"])

    def classifier(self):
        """The current model; a newer one published in model_dir is picked up without a restart."""
        if self._handle is None:
            from ml.classifier import ModelHandle

            self._handle = ModelHandle(self.model_dir)
        return self._handle.get()

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return default_calendar()

    @cached_property
    def policy(self) -> Policy:
        return load_policy()
