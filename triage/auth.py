"""Staff sign-in with Flask-Login; passwords hashed with argon2."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from intake.extensions import db
from intake.models import User

bp = Blueprint("auth", __name__, url_prefix="/can-bo")
_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not tell which usernames exist.
_DUMMY_HASH = _hasher.hash("not-a-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class LoginForm(FlaskForm):
    username = StringField("Tên đăng nhập", validators=[DataRequired("Xin nhập tên đăng nhập.")])
    password = PasswordField("Mật khẩu", validators=[DataRequired("Xin nhập mật khẩu.")])


def init_login(manager) -> None:
    manager.login_view = "auth.login"
    manager.login_message = "Xin đăng nhập để tiếp tục."

    @manager.user_loader
    def _load(user_id: str):
        return db.session.get(User, int(user_id))


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("staff.queue")


@bp.route("/dang-nhap", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(User.username == form.username.data.strip()))
        ok = check_password(user.password_hash if user else _DUMMY_HASH, form.password.data)
        if user and ok and user.active:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("Tên đăng nhập hoặc mật khẩu không đúng.")
        return render_template("staff/login.html", form=form), 401
    return render_template("staff/login.html", form=form), 400 if form.errors else 200


@bp.post("/dang-xuat")
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"))
