from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base


class Unit(Base):
    """A body that handles reports: a commune/ward People's Committee or a provincial body."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # ward code "16522" or agency code
    name: Mapped[str] = mapped_column(String(200))
    name_ascii: Mapped[str] = mapped_column(String(200), index=True)
    division: Mapped[str] = mapped_column(String(20))  # "xã", "phường" or "cơ quan tỉnh"
    agency: Mapped[str] = mapped_column(String(40), index=True)  # taxonomy agency code
    ward_code: Mapped[str | None] = mapped_column(String(5), unique=True)
    email: Mapped[str] = mapped_column(String(200))
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))

    parent: Mapped["Unit | None"] = relationship(remote_side=[id])

    def __repr__(self) -> str:
        return f"<Unit {self.code} {self.name}>"


def is_body(unit: Unit, agency: str | None, ward_code: str | None) -> bool:
    """True when `unit` is the body named by an agency code and, for communes, a ward code. A commune body whose
    ward is unknown (None) matches every commune: a report accusing "the chairman of the commune" of no named
    commune may go to none of them."""
    if not agency or unit.agency != agency:
        return False
    return unit.ward_code is None or ward_code is None or unit.ward_code == ward_code
