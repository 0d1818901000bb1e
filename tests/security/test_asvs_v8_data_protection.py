"""ASVS V8 (data protection): the reporter's contact details reach no page outside the logged reveal, not even the
supervisors' view of the outbox that mails them."""

from sqlalchemy import select

from core.extensions import db
from core.models import Notification
from core.vocabulary import Recipient

EMAIL, PHONE = "nguoi.gui.kin@example.vn", "0912345678"


def test_the_outbox_page_hides_the_reporter_address(app, client, make_user, login_as, make_report):
    make_report(reporter_name="Lê Thị Kín", reporter_address="thôn Đông", reporter_email=EMAIL, reporter_phone=PHONE)
    with app.app_context():
        roles = set(db.session.scalars(select(Notification.recipient_role)))
    assert Recipient.CITIZEN in roles  # the receipt notice to the reporter is in the outbox
    make_user("gs.tinh", role="supervisor")
    login_as(client, "gs.tinh")
    page = client.get("/can-bo/giam-sat/thong-bao").get_data(as_text=True)
    assert "giữ kín" in page
    assert EMAIL not in page and PHONE not in page
