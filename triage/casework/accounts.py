"""Staff accounts: the one set of rules for usernames and passwords, and the services that create and change
accounts, used alike by the admin pages and by `flask users ...`. Services flush; the caller commits.

A refused change raises `AccountRefused`, whose message (Vietnamese) is shown as is by the form or the command.
"""

import re
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session
from zxcvbn import zxcvbn

from core.models import User, utcnow
from core.passwords import hash_secret
from core.ratelimit import keyed_hash
from core.search import fold
from core.units import ward_choices
from core.vocabulary import Role

USERNAME_LENGTH = (3, 80)
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
USERNAME_TAKEN = "Tên đăng nhập này đã có người dùng."
PASSWORD_LENGTH = (12, 200)
PASSWORD_MIN_SCORE = 3  # zxcvbn: "safely unguessable: moderate protection from offline slow-hash scenario"
# Words anyone would try first against this service, besides the account's own names.
SITE_WORDS = ("thanh hoa", "thanhhoa", "phan anh", "phananh", "can bo", "canbo", "mat khau", "matkhau", "admin")
# What a guesser in Vietnam tries before any English word (zxcvbn's dictionaries are English): the country and its
# big cities, the commonest family names, middle names and given names (the "Nguyễn Văn A" of every form), besides
# the province's own communes and wards (`vietnamese_words`).
PLACES = ("vietnam", "viet nam", "hanoi", "ha noi", "saigon", "sai gon", "hochiminh", "ho chi minh", "da nang")
PLACES += ("hai phong", "can tho", "hue", "thanh hoa", "xu thanh")
FAMILY_NAMES = (
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh lam mai trinh luong cao doan "
    "tong quach lai"
).split()
MIDDLE_NAMES = "van thi duc minh ngoc huu thanh quang cong xuan".split()
GIVEN_NAMES = (
    "an anh binh chi cuong dung dat giang hai hanh hieu hoa hung huong huy khanh lan linh long nam nga nhung "
    "phong phuong quan son tam thang thao thu thuy trang trung tuan tung viet yen"
).split()


@cache
def vietnamese_words() -> tuple[str, ...]:
    """The words above, and each commune and ward of the province folded with and without its spaces ("quang phu",
    "quangphu"), as zxcvbn's own dictionary of the account: a password built on them is guessed early."""
    wards = [fold(re.sub(r"^(Phường|Xã)\s+", "", name)) for _, name in ward_choices()]
    names = [*PLACES, *FAMILY_NAMES, *MIDDLE_NAMES, *GIVEN_NAMES, *wards, *(w.replace(" ", "") for w in wards)]
    return tuple(dict.fromkeys(names))


def built_on_names(password: str) -> bool:
    """Whether the letters of `password` are one to three of `vietnamese_words` (one single letter allowed, as in
    "Nguyễn Văn A"), whatever digits and signs surround them: "Quangphu@2025", "nguyenvana123", "Hanoi123456!".
    zxcvbn scores these just above its threshold, its model not knowing that they come first in a guesser's list."""
    letters = re.sub(r"[^a-z]", "", fold(password))
    words = {w.replace(" ", "") for w in vietnamese_words()}
    # reach[i]: the fewest (words, single letters) that spell letters[:i], or None
    reach: list[tuple[int, int] | None] = [(0, 0)] + [None] * len(letters)
    for i in range(1, len(letters) + 1):
        for j in range(max(0, i - 20), i):
            if reach[j] is None:
                continue
            piece = letters[j:i]
            if piece in words:
                step = (reach[j][0] + 1, reach[j][1])
            elif len(piece) == 1:
                step = (reach[j][0] + 1, reach[j][1] + 1)
            else:
                continue
            if reach[i] is None or step < reach[i]:
                reach[i] = step
    end = reach[len(letters)] if letters else None
    return end is not None and end[0] <= 3 and end[1] <= 1


# Among the most used passwords of 12 characters or more (shorter ones are refused anyway), compared in lower case.
COMMON_PASSWORDS = frozenset(
    {
        "passwordpassword",
        "password1234",
        "password12345",
        "password123456",
        "passw0rd1234",
        "123456789012",
        "1234567890123",
        "qwertyuiop12",
        "qwertyuiop123",
        "qwerty123456",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "abc123456789",
        "123456789abc",
        "iloveyou1234",
        "admin1234567",
        "administrator",
        "welcome12345",
        "letmein12345",
        "zxcvbnm12345",
        "asdfghjkl123",
        "matkhau12345",
        "matkhau123456",
        "matkhaumatkhau",
        "anhyeuem1234",
        "emyeuanh1234",
        "vietnam12345",
    }
)

# Session key of the password mark (see `password_mark`).
PASSWORD_MARK = "pw_mark"


class AccountRefused(ValueError):
    """A rule refused the change; `field` names what was wrong (username, password, role, unit_id)."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


# -- the rules -----------------------------------------------------------------------------------------------------


def username_problem(username: str) -> str | None:
    """What is wrong with a new username, or None."""
    shortest, longest = USERNAME_LENGTH
    if not username:
        return "Xin nhập tên đăng nhập."
    if not shortest <= len(username) <= longest:
        return f"Tên đăng nhập dài từ {shortest} đến {longest} ký tự."
    if not USERNAME_PATTERN.fullmatch(username):
        return "Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch dưới, gạch nối."
    return None


def password_problem(password: str, context: tuple[str, ...] = ()) -> str | None:
    """What is wrong with a new password, or None. Beyond the length and the short list above, zxcvbn's estimate
    of how many guesses it takes (its dictionaries of breached and common passwords, keyboard walks, repeats,
    dates, and the account's own name in `context`) must reach PASSWORD_MIN_SCORE."""
    shortest, longest = PASSWORD_LENGTH
    if not password.strip():
        return "Xin nhập mật khẩu."
    if len(password) < shortest:
        return f"Mật khẩu cần ít nhất {shortest} ký tự."
    if len(password) > longest:
        return f"Mật khẩu dài tối đa {longest} ký tự."
    if len(set(password)) == 1:
        return "Mật khẩu không được chỉ là một ký tự lặp lại."
    if password.isdigit():
        return "Mật khẩu không được chỉ gồm chữ số."
    if password.lower() in COMMON_PASSWORDS:
        return "Mật khẩu này quá phổ biến, dễ bị đoán ra. Xin chọn mật khẩu khác."
    values = [value.lower() for value in (*context, *SITE_WORDS) if value]
    inputs = values + [word for value in values for word in re.split(r"[\s._@-]+", value) if word]
    inputs += vietnamese_words()
    if built_on_names(password) or zxcvbn(password[:72], user_inputs=inputs)["score"] < PASSWORD_MIN_SCORE:
        return (
            "Mật khẩu này dễ bị đoán ra (từ phổ biến, chuỗi lặp, phím liền nhau hoặc tên tài khoản). "
            "Xin chọn một cụm vài từ không liên quan đến nhau, ví dụ: ca-phe-sua-da-77."
        )
    return None


def unit_problem(role: str, unit: object | None) -> str | None:
    """What is wrong with this role and unit (the unit, its id or None), or None."""
    if role in (Role.INSPECTOR, Role.LEADER) and unit is None:
        return f"{Role(role).label} phải thuộc một đơn vị."
    return None


def username_taken(session: Session, username: str) -> bool:
    return session.scalar(select(User.id).where(User.username == username)) is not None


def _check(problem: str | None, field: str) -> None:
    if problem is not None:
        raise AccountRefused(problem, field)


# -- the services --------------------------------------------------------------------------------------------------


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    unit_id: int | None = None,
    full_name: str = "",
    email: str | None = None,
) -> User:
    _check(username_problem(username), "username")
    if username_taken(session, username):
        raise AccountRefused(USERNAME_TAKEN, "username")
    role = Role(role)
    _check(unit_problem(role, unit_id), "unit_id")
    _check(password_problem(password, (username, full_name)), "password")
    user = User(
        username=username,
        full_name=full_name.strip(),
        email=email or None,
        role=role,
        unit_id=unit_id,
        password_hash=hash_secret(password),
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return user


def set_role(session: Session, user: User, role: str, unit_id: int | None) -> None:
    role = Role(role)
    _check(unit_problem(role, unit_id), "unit_id")
    user.role, user.unit_id = role, unit_id
    session.flush()


def set_details(session: Session, user: User, *, full_name: str, email: str | None) -> None:
    user.full_name, user.email = full_name.strip(), email or None
    session.flush()


def set_password(session: Session, user: User, password: str) -> None:
    """A new password; the sessions opened with the old one end at their next request (see `password_mark`)."""
    _check(password_problem(password, (user.username, user.full_name)), "password")
    user.password_hash = hash_secret(password)
    session.flush()


def set_active(session: Session, user: User, active: bool) -> None:
    """Deactivate (the account cannot sign in and its open sessions end) or reactivate."""
    user.active = active
    session.flush()


def unlock(session: Session, user: User) -> None:
    """Lift a lock after wrong passwords, and forget the failures counted so far."""
    user.failed_logins, user.locked_until = 0, None
    session.flush()


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def password_mark(user: User) -> str:
    """A keyed digest of the password hash kept in the session: a new password ends older sessions."""
    return keyed_hash("pw:" + user.password_hash)[:24]
