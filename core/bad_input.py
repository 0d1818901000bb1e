"""Input no database column can hold answers a clear 400, never a server error: ids in URLs are bounded to the
database's integer range (a larger one is simply not found: 404), and a value that still overflows a column on
its way to the database (an id typed in a form) is refused with a Vietnamese message."""

from flask import render_template
from sqlalchemy.exc import DataError
from werkzeug.routing import IntegerConverter

from core.extensions import db

# The id columns are 32-bit on PostgreSQL.
LARGEST_ID = 2**31 - 1
BAD_INPUT = "Dữ liệu gửi lên không hợp lệ (một số hoặc ngày tháng vượt quá giới hạn). Xin kiểm tra lại."


class BoundedIntConverter(IntegerConverter):
    """`<int:…>` in every route: at most LARGEST_ID, so a longer number is a 404 like any unknown id."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def _refused(_error):
    db.session.rollback()
    return render_template("error.html", message=BAD_INPUT), 400


def init_app(app) -> None:
    """Call before any blueprint is registered: the converter is read when a route is added."""
    app.url_map.converters["int"] = BoundedIntConverter
    app.register_error_handler(DataError, _refused)
    app.register_error_handler(OverflowError, _refused)
