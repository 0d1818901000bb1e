"""Admin pages: staff accounts, units, the working-day calendar and the deadline policy in force.

Admins only; anyone else signed in gets 404 (the pages do not admit they exist), anonymous users are
sent to sign in like on every staff page. Each action changes one row and nothing else (the audit
trail is a later issue); views commit, forms validate.
"""

from datetime import date

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectChoice, SelectField, StringField
from wtforms.fields import DateField, enum_choices
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError

from core.extensions import db
from core.models import CalendarOverride, Unit, User
from core.vietnamese import format_date
from core.vocabulary import Role, label
from ml.normalize import strip_diacritics
from triage.casework import accounts, sign_in_guard
from triage.casework.access import guard_blueprint
from triage.casework.accounts import PASSWORD_MARK, AccountRefused, is_locked, password_mark
from triage.deadlines.calendar_store import set_override

bp = Blueprint("admin", __name__, url_prefix="/can-bo/quan-tri")
guard_blueprint(bp, "administer")

UNIT_LABELS = {"working_days": "ngày làm việc", "calendar_days": "ngày"}
COUNTS_FROM_LABELS = {"received": "kể từ ngày nhận đơn", "accepted": "kể từ ngày thụ lý"}
FLAG_LABELS = {"complex": "phức tạp", "remote": "vùng sâu, vùng xa", "several_places": "nhiều nơi"}
COMPLEXITY_LABELS = {"normal": "bình thường", "complex": "phức tạp", "especially_complex": "đặc biệt phức tạp"}


@bp.context_processor
def flashed_messages():
    """The messages the admin layout shows (the queues page, triage.admin.queues, shows them too)."""
    return {"messages": get_flashed_messages(with_categories=True)}


# ------------------------------------------------------------------------- forms
class _Rule:
    """A field validator made of one of the accounts rules (a function giving what is wrong, or None)."""

    def __init__(self, problem):
        self.problem = problem

    def __call__(self, form, field):
        if (message := self.problem(field.data or "")) is not None:
            raise ValidationError(message)


def _refused(form, exc: AccountRefused) -> None:
    """A refusal of an accounts service, shown under the form's field it is about."""
    getattr(form, exc.field).errors.append(str(exc))


def _password_fields():
    password = PasswordField(
        "Mật khẩu",
        description=f"Ít nhất {accounts.PASSWORD_LENGTH[0]} ký tự; nên là một cụm vài từ dễ nhớ.",
        validators=[DataRequired("Xin nhập mật khẩu."), _Rule(accounts.password_problem)],
    )
    confirm = PasswordField(
        "Nhập lại mật khẩu",
        validators=[DataRequired("Xin nhập lại mật khẩu."), EqualTo("password", "Hai lần nhập mật khẩu không khớp.")],
    )
    return password, confirm


def _unit_choices() -> list[SelectChoice]:
    units = db.session.scalars(select(Unit).order_by(Unit.division != "cơ quan tỉnh", Unit.name_ascii)).all()
    return [SelectChoice("", "— Không thuộc đơn vị nào —")] + [
        SelectChoice(str(u.id), f"{u.name} ({u.code})") for u in units
    ]


class _AccountFields(FlaskForm):
    full_name = StringField("Họ và tên", validators=[Optional(), Length(max=200, message="Tối đa 200 ký tự.")])
    email = EmailField(
        "Thư điện tử",
        description="Nơi nhận nhắc hạn và cảnh báo của người này (có thể để trống).",
        validators=[
            Optional(),
            Email("Địa chỉ thư điện tử không hợp lệ."),
            Length(max=200, message="Tối đa 200 ký tự."),
        ],
    )
    role = SelectField(
        "Vai trò", choices=enum_choices(Role, label=label), validators=[DataRequired("Xin chọn vai trò.")]
    )
    unit_id = SelectField("Đơn vị", description="Cán bộ xử lý phải thuộc một đơn vị.", choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit_id.choices = _unit_choices()

    def validate_unit_id(self, field):
        if (message := accounts.unit_problem(self.role.data, field.data or None)) is not None:
            raise ValidationError(message)

    @property
    def unit_value(self) -> int | None:
        return int(self.unit_id.data) if self.unit_id.data else None


class UserCreateForm(_AccountFields):
    username = StringField(
        "Tên đăng nhập",
        description="Chữ thường không dấu, số, dấu chấm, gạch nối (vd. tp.quangphu).",
        validators=[DataRequired("Xin nhập tên đăng nhập."), _Rule(accounts.username_problem)],
    )
    password, confirm = _password_fields()

    def validate_username(self, field):
        if accounts.username_taken(db.session, field.data):
            raise ValidationError(accounts.USERNAME_TAKEN)


class UserEditForm(_AccountFields):
    pass


class PasswordForm(FlaskForm):
    password, confirm = _password_fields()


class ActionForm(FlaskForm):
    """A button: only the CSRF token."""


class UnitForm(FlaskForm):
    email = EmailField(
        "Thư điện tử của đơn vị",
        description="Nơi nhận thông báo về đơn của đơn vị.",
        validators=[
            DataRequired("Xin nhập thư điện tử."),
            Email("Địa chỉ thư điện tử không hợp lệ."),
            Length(max=200, message="Tối đa 200 ký tự."),
        ],
    )
    remote = BooleanField("Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài hơn)")


class OverrideForm(FlaskForm):
    day = DateField(
        "Ngày",
        validators=[DataRequired("Xin nhập ngày (ngày/tháng/năm).")],
        description="Nếu ngày này đã có trong danh sách, thông tin cũ sẽ được thay.",
    )
    kind = RadioField(
        "Loại",
        choices=[
            SelectChoice("off", "Ngày nghỉ (theo quyết định của Chính phủ)"),
            SelectChoice("working", "Ngày làm việc bù (thường là thứ Bảy)"),
        ],
        validators=[DataRequired("Xin chọn loại ngày.")],
    )
    reason = StringField(
        "Lý do / căn cứ",
        description="Ví dụ: Nghỉ bù Tết Nguyên đán theo Thông báo số …",
        validators=[DataRequired("Xin nhập lý do."), Length(max=300, message="Tối đa 300 ký tự.")],
    )

    def validate_day(self, field):
        if field.data and not date(2000, 1, 1) <= field.data <= date(2100, 12, 31):
            raise ValidationError("Ngày nằm ngoài khoảng cho phép.")


# ------------------------------------------------------------------------- users
def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _edit_form_for(user: User) -> UserEditForm:
    form = UserEditForm(formdata=None, obj=user)
    form.unit_id.data = str(user.unit_id) if user.unit_id else ""
    return form


@bp.get("/")
def index():
    return redirect(url_for("admin.users"))


@bp.get("/nguoi-dung")
def users():
    rows = db.session.scalars(select(User).order_by(User.active.desc(), User.username)).all()
    return render_template("admin/users.html", users=rows, is_locked=is_locked)


@bp.route("/nguoi-dung/moi", methods=["GET", "POST"])
def user_new():
    form = UserCreateForm()
    if form.validate_on_submit():
        try:
            user = accounts.create_user(
                db.session,
                username=form.username.data,
                password=form.password.data,
                role=form.role.data,
                unit_id=form.unit_value,
                full_name=form.full_name.data or "",
                email=form.email.data,
            )
        except AccountRefused as exc:
            _refused(form, exc)
        else:
            db.session.commit()
            flash(f"Đã tạo tài khoản {user.username}.", "ok")
            return redirect(url_for("admin.user_edit", user_id=user.id))
    return render_template("admin/user_new.html", form=form), 400 if form.errors else 200


@bp.route("/nguoi-dung/<int:user_id>", methods=["GET", "POST"])
def user_edit(user_id: int):
    user = _user_or_404(user_id)
    form = _edit_form_for(user) if request.method == "GET" else UserEditForm()
    if form.validate_on_submit():
        if user.id == current_user.id and form.role.data != Role.ADMIN:
            form.role.errors.append("Bạn không thể tự bỏ quyền quản trị của chính mình.")
        else:
            try:
                accounts.set_role(db.session, user, form.role.data, form.unit_value)
            except AccountRefused as exc:
                _refused(form, exc)
            else:
                accounts.set_details(db.session, user, full_name=form.full_name.data or "", email=form.email.data)
                db.session.commit()
                flash("Đã lưu thay đổi.", "ok")
                return redirect(url_for("admin.user_edit", user_id=user.id))
    status = 400 if form.errors else 200
    return render_template(
        "admin/user_edit.html",
        user=user,
        form=form,
        password_form=PasswordForm(),
        action_form=ActionForm(),
        locked=is_locked(user),
    ), status


@bp.post("/nguoi-dung/<int:user_id>/kich-hoat")
def user_active(user_id: int):
    user = _user_or_404(user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    activate = request.form.get("active") == "1"
    if user.id == current_user.id and not activate:
        flash("Bạn không thể tự vô hiệu hoá tài khoản của chính mình.", "error")
    else:
        accounts.set_active(db.session, user, activate)
        db.session.commit()
        flash(
            "Đã kích hoạt lại tài khoản."
            if activate
            else "Đã vô hiệu hoá tài khoản: người này không đăng nhập được nữa và phiên đang mở bị đóng.",
            "ok",
        )
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.post("/nguoi-dung/<int:user_id>/mo-khoa")
def user_unlock(user_id: int):
    user = _user_or_404(user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    accounts.unlock(db.session, user)
    db.session.commit()
    sign_in_guard.lift(user.username)
    flash("Đã mở khoá tài khoản.", "ok")
    return redirect(url_for("admin.user_edit", user_id=user.id))


@bp.post("/nguoi-dung/<int:user_id>/mat-khau")
def user_password(user_id: int):
    user = _user_or_404(user_id)
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            accounts.set_password(db.session, user, form.password.data)
        except AccountRefused as exc:
            _refused(form, exc)
    if form.errors:
        return render_template(
            "admin/user_edit.html",
            user=user,
            form=_edit_form_for(user),
            password_form=form,
            action_form=ActionForm(),
            locked=is_locked(user),
        ), 400
    db.session.commit()
    if user.id == current_user.id:
        session[PASSWORD_MARK] = password_mark(user)  # keep the admin's own session; others' end
    flash("Đã đặt mật khẩu mới. Các phiên đăng nhập cũ của người này đã bị đóng.", "ok")
    return redirect(url_for("admin.user_edit", user_id=user.id))


# ------------------------------------------------------------------------- units
def _fold(text: str) -> str:
    return strip_diacritics(text).lower().strip()


@bp.get("/don-vi")
def units():
    q = (request.args.get("q") or "").strip()
    query = select(Unit).order_by(Unit.division != "cơ quan tỉnh", Unit.name_ascii)
    if q:
        like = f"%{_fold(q)}%"
        query = query.where(or_(Unit.name_ascii.like(like), Unit.code.like(f"%{q}%")))
    rows = db.session.scalars(query).all()
    return render_template("admin/units.html", units=rows, q=q)


@bp.route("/don-vi/<int:unit_id>", methods=["GET", "POST"])
def unit_edit(unit_id: int):
    unit = db.session.get(Unit, unit_id)
    if unit is None:
        abort(404)
    form = UnitForm(obj=unit)
    if form.validate_on_submit():
        unit.email, unit.remote = form.email.data.strip(), bool(form.remote.data)
        db.session.commit()
        flash(f"Đã lưu {unit.name}.", "ok")
        return redirect(url_for("admin.units"))
    return render_template("admin/unit_edit.html", unit=unit, form=form), 400 if form.errors else 200


# ---------------------------------------------------------------------- calendar
@bp.route("/lich-lam-viec", methods=["GET", "POST"])
def calendar():
    form = OverrideForm()
    if request.method == "GET" and request.args.get("ngay"):
        row = db.session.scalar(
            select(CalendarOverride).where(CalendarOverride.day == _parse_day(request.args["ngay"]))
        )
        if row is not None:
            form.day.data, form.kind.data, form.reason.data = row.day, "working" if row.working else "off", row.reason
    if form.validate_on_submit():
        working = form.kind.data == "working"
        set_override(db.session, form.day.data, working=working, reason=form.reason.data.strip())
        db.session.commit()
        current_app.extensions["services"].forget_calendar()
        flash(f"Đã lưu ngày {format_date(form.day.data)}: {'ngày làm việc bù' if working else 'ngày nghỉ'}.", "ok")
        return redirect(url_for("admin.calendar"))
    rows = db.session.scalars(select(CalendarOverride).order_by(CalendarOverride.day.desc())).all()
    cal = current_app.extensions["services"].calendar
    return render_template("admin/calendar.html", form=form, rows=rows, calendar=cal), 400 if form.errors else 200


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# ------------------------------------------------------------------------ policy
@bp.get("/chinh-sach-thoi-han")
def policy():
    policy = current_app.extensions["services"].policy
    return render_template(
        "admin/policy.html",
        policy=policy,
        unit_labels=UNIT_LABELS,
        counts_from_labels=COUNTS_FROM_LABELS,
        flag_labels=FLAG_LABELS,
        complexity_labels=COMPLEXITY_LABELS,
    )
