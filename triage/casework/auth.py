"""Staff sign-in with Flask-Login; passwords hashed with argon2.

Hardening, all configured in ``core.config``:

- wrong passwords lock a client out of a name (LOGIN_MAX_FAILURES), or a name for everyone
  (LOGIN_ACCOUNT_MAX_FAILURES), for LOGIN_LOCK_MINUTES, counted alike for names that are accounts and
  names that are not (`sign_in_guard`); a lock refuses even the right password; an unknown username
  gets the wrong-password message after the same argon2 work;
- sign-in POSTs are throttled per client (LOGIN_RATE_LIMIT) by Flask-Limiter with Redis storage,
  keyed by an HMAC of the remote address (no raw IP in Redis), failing open when Redis is down;
- a session is held on the server (`staff_sessions`): signing out ends every copy of its cookie; it ends
  after SESSION_IDLE_MINUTES without a request, and PERMANENT_SESSION_LIFETIME after sign-in whatever
  the activity; it is refused as soon as its user is deactivated or their password is reset; sign-in
  starts from an empty session (no fixation);
- sign-ins, failures, lockouts and sign-outs are written to the audit trail with the account, never
  the client's address.
"""

import time
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_login import login_required, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

from core.audit import append as audit
from core.extensions import db
from core.models import User
from core.models.base import utcnow
from core.passwords import hash_secret, needs_rehash, verify_secret
from core.ratelimit import keyed_hash, limit_view
from core.vocabulary import Role
from triage.casework import sign_in_guard as guard
from triage.casework.accounts import PASSWORD_MARK, password_mark
from triage.casework.staff_sessions import end_session, is_open, open_session

bp = Blueprint("auth", __name__, url_prefix="/can-bo")

BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."
IDLE_NOTICE = "Phiên làm việc đã hết hạn. Xin đăng nhập lại."
STALE_LOGIN_NOTICE = "Trang đăng nhập đã mở quá lâu nên chưa đăng nhập được. Xin nhập lại tên đăng nhập và mật khẩu."

# Session keys of ours (Flask-Login keeps its own: _user_id, _fresh, _id), and accounts' PASSWORD_MARK.
SEEN_AT, LOGIN_AT, NOTICE, SESSION_ID = "seen_at", "login_at", "login_notice", "sid"


class LoginForm(FlaskForm):
    username = StringField("Tên đăng nhập", validators=[DataRequired("Xin nhập tên đăng nhập.")])
    password = PasswordField("Mật khẩu", validators=[DataRequired("Xin nhập mật khẩu.")])


def init_login(manager) -> None:
    manager.login_view = "auth.login"
    manager.login_message = "Xin đăng nhập để tiếp tục."

    @manager.user_loader
    def _load(user_id: str):
        try:
            user = db.session.get(User, int(user_id))
        except (TypeError, ValueError):
            return None
        # A deactivated user, a session from before a password reset, or a session signed out (on any copy of its
        # cookie) is anonymous from the next request.
        if user is None or not user.active or session.get(PASSWORD_MARK) != password_mark(user):
            return None
        if not is_open(db.session, user.id, session.get(SESSION_ID)):
            return None
        return user


def _home(user: User) -> str:
    """Where a sign-in lands without a `next`: supervisors on the dashboard, everyone else on the queue."""
    return url_for("dashboard.index") if user.role == Role.SUPERVISOR else url_for("staff.queue")


def _safe_next(target: str | None, user: User) -> str:
    """A path of this site to go to after sign-in, else the user's home page (`_home`). Browsers drop tabs and line
    breaks from a URL ("/", a tab, "/evil.example" becomes "//evil.example") and read a backslash as a slash: any of
    them, any other control or space character, or anything with a scheme or a host, is refused."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and all(ch.isprintable() and not ch.isspace() and ch != "\\" for ch in target)
    ):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return _home(user)


def _locked_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return (
        f"Tài khoản tạm thời bị khoá do nhập sai mật khẩu nhiều lần. "
        f"Xin thử lại sau {minutes} phút hoặc liên hệ quản trị viên để mở khoá."
    )


def _audit(action: str, user: User | None, **data) -> None:
    """Sign-ins, failures, lockouts and sign-outs in the audit trail: the account, never the client's address."""
    user_id = user.id if user is not None else None
    audit(db.session, actor_id=user_id, action=action, object_type="user", object_id=user_id, data=data)


def _name_mark(name: str) -> str:
    """The name a failed sign-in was tried on, as a keyed hash: an auditor sees the tries on one name, an account
    or not, without the trail keeping what people type there (a password typed in the wrong box, among others)."""
    return keyed_hash("sign-in-name:" + name)[:16]


def _start_session(user: User) -> None:
    session.clear()  # a fresh session: nothing set before sign-in survives it (session fixation)
    session_id = open_session(db.session, user.id, current_app.permanent_session_lifetime.total_seconds())
    _audit("auth.sign-in", user)
    db.session.commit()
    login_user(user)
    session.permanent = True
    now = int(time.time())
    session[SEEN_AT] = session[LOGIN_AT] = now
    session[PASSWORD_MARK] = password_mark(user)
    session[SESSION_ID] = session_id


def _end_session(reason: str | None = None) -> None:
    """Sign out: the server-side session ends (every copy of the cookie with it), then the cookie is emptied."""
    session_id = session.get(SESSION_ID)
    if session_id:
        end_session(db.session, session_id)
        if reason is not None:
            user_id = session.get("_user_id")
            user = db.session.get(User, int(user_id)) if str(user_id or "").isdigit() else None
            _audit(reason, user)
        db.session.commit()
    logout_user()
    session.clear()


@bp.route("/dang-nhap", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        name = form.username.data.strip()
        user = db.session.scalar(select(User).where(User.username == name))
        # Always one argon2 verification (against a dummy hash for an unknown user), whether the user exists,
        # is locked or is deactivated, so the time taken does not tell which usernames exist; and the same
        # counting of failures for every name (`sign_in_guard`).
        ok = verify_secret(user.password_hash if user else None, form.password.data)
        verdict = guard.locked(name)
        if verdict.locked_seconds:
            _audit("auth.refused-locked", user, name=_name_mark(name))
            db.session.commit()
            form.password.errors.append(_locked_message(verdict.locked_seconds))
            return render_template("staff/login.html", form=form), 403
        if user is not None and user.active and ok:
            guard.succeeded(name)
            if user.failed_logins or user.locked_until:
                user.failed_logins, user.locked_until = 0, None
            if needs_rehash(user.password_hash):
                user.password_hash = hash_secret(form.password.data)
            db.session.commit()
            _start_session(user)
            return redirect(_safe_next(request.args.get("next"), user))
        verdict = guard.failed(name)
        if verdict.locked_seconds:
            if verdict.account_wide and user is not None:  # shown to the administrators, who can lift it
                user.locked_until = utcnow() + timedelta(seconds=verdict.locked_seconds)
            _audit("auth.lockout", user, account_wide=verdict.account_wide, name=_name_mark(name))
            db.session.commit()
            form.password.errors.append(_locked_message(verdict.locked_seconds))
            return render_template("staff/login.html", form=form), 403
        _audit("auth.failure", user, name=_name_mark(name))
        db.session.commit()
        form.password.errors.append(BAD_CREDENTIALS)
        return render_template("staff/login.html", form=form), 401
    notice = session.pop(NOTICE, None)
    if notice and request.method == "GET":
        form.form_errors.append(notice)
    return render_template("staff/login.html", form=form), 400 if form.errors else 200


def after_expired_session():
    """A sign-in whose page was open too long (a stale CSRF token): the sign-in page again, saying so, with the
    same `next`. Nothing typed is kept: the password never comes back in a page."""
    session[NOTICE] = STALE_LOGIN_NOTICE
    target = request.args.get("next")
    return redirect(url_for("auth.login", next=target) if target else url_for("auth.login"), 303)


@bp.post("/dang-xuat")
@login_required
def logout():
    _end_session("auth.sign-out")
    return redirect(url_for("auth.login"))


@bp.before_app_request
def _enforce_session_limits():
    """End a signed-in session that has been idle too long or has reached its total lifetime."""
    if "_user_id" not in session:
        return None
    now = int(time.time())
    seen, started = session.get(SEEN_AT), session.get(LOGIN_AT)
    idle = int(current_app.config["SESSION_IDLE_MINUTES"]) * 60
    lifetime = current_app.permanent_session_lifetime.total_seconds()
    if not isinstance(seen, int) or not isinstance(started, int) or now - seen > idle or now - started > lifetime:
        _end_session("auth.session-expired")
        session[NOTICE] = IDLE_NOTICE
        return None
    if request.endpoint != "static":  # static files alone do not keep a session alive
        session[SEEN_AT] = now
    return None


# ------------------------------------------------------------------ per-client throttle
def _init_limiter(state) -> None:
    """Throttle POSTs to the sign-in view per client (see core.ratelimit)."""
    limit_view(state.app, f"{bp.name}.login", "LOGIN_RATE_LIMIT")


# Recorded after the routes above, so the sign-in view exists when this runs at registration.
bp.record_once(_init_limiter)
