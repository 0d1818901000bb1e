"""Fixtures of the status page's tests: documents emptied around a test, the commune's staff."""

import pytest
from sqlalchemy import create_engine, delete

from core.models import Document, DocumentCounter


@pytest.fixture
def no_documents(database_url):
    """Documents refer to reports, which every app test empties: remove them around each test."""

    def forget():
        engine = create_engine(database_url)
        with engine.begin() as conn:
            conn.execute(delete(Document))
            conn.execute(delete(DocumentCounter))
        engine.dispose()

    forget()
    yield
    forget()


@pytest.fixture
def commune_staff(make_user):
    """The inspector and the leader of phường Quảng Phú (16522), who handle the đơn of these tests."""
    return (
        make_user("cb.quangphu", unit="16522", name="Trần Thị Cúc"),
        make_user("ld.quangphu", role="leader", unit="16522", name="Lê Văn Lãnh"),
    )
