"""The directory of units: 166 communes/wards with their 2025 codes, every provincial body, and the body above
each (Thanh tra tỉnh above all, the Chairman of the provincial committee above Thanh tra tỉnh)."""

from sqlalchemy import func, select

from core.extensions import db
from core.models import Unit
from core.units import load_units
from core.vocabulary import Agency


def test_directory_has_every_unit_with_right_codes(app):
    with app.app_context():
        wards = db.session.scalars(select(Unit).where(Unit.agency == Agency.XA)).all()
        bodies = db.session.scalars(select(Unit).where(Unit.agency != Agency.XA)).all()
        assert len(wards) == 166
        assert sum(u.division == "phường" for u in wards) == 19
        assert sum(u.division == "xã" for u in wards) == 147
        assert {b.code for b in bodies} == {a.value for a in Agency} - {"xa"}
        by_code = {u.ward_code: u.name for u in wards}
        # the six codes that older package releases got wrong
        assert by_code["15106"] == "UBND Xã Nguyệt Ấn"
        assert by_code["15112"] == "UBND Xã Kiên Thọ"
        assert by_code["15715"] == "UBND Xã Tân Ninh"
        assert by_code["16072"] == "UBND Xã Hoa Lộc"
        assert by_code["16213"] == "UBND Xã Thanh Phong"
        assert by_code["16222"] == "UBND Xã Thanh Quân"
        assert by_code["16522"] == "UBND Phường Quảng Phú"
        inspectorate = db.session.scalar(select(Unit).where(Unit.code == "thanh-tra-tinh"))
        province = db.session.scalar(select(Unit).where(Unit.code == "ubnd-tinh"))
        assert province.parent_id is None and inspectorate.parent_id == province.id
        assert all(u.parent_id == inspectorate.id for u in wards + bodies if u not in (inspectorate, province))
        assert all("@" in u.email for u in wards + bodies)


def test_loading_again_changes_nothing_and_keeps_edits(app):
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.ward_code == "15061"))
        unit.email, unit.remote = "motcua@ngoclac.example.vn", True
        db.session.commit()
        assert load_units(db.session) == (0, 0)
        db.session.commit()
        assert db.session.scalar(select(func.count(Unit.id))) == 182
        unit = db.session.scalar(select(Unit).where(Unit.ward_code == "15061"))
        assert (unit.email, unit.remote) == ("motcua@ngoclac.example.vn", True)
        unit.email, unit.remote = "ubnd.xangoclac@thanhhoa.gov.vn", False
        db.session.commit()
