"""Users, passwords, sessions and who may see what.

Where it sits: apps/web, over ``tables``; used by ``app`` (sign-in, every request) and by the
``juesuan users`` command. Passwords are hashed with argon2 (argon2-cffi) and never kept or
printed in clear; a session is a random token in an HttpOnly, SameSite cookie, kept in the
database only as its SHA-256, with its own CSRF token for the forms.

Who sees what: an administrator everything; a reviewer the documents of their regions; a
preparer the documents of their unit (any of its stored names).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from ...core.findings import InputError
from ...rules.units import name_key
from ..store import db
from ..store.schema import now
from .tables import ROLES, User, WebSession

SESSION_HOURS = 12
_HASHER = PasswordHasher()
_LOGIN = re.compile(r"^[A-Za-z0-9_.@\-\u4e00-\u9fff]{2,60}$")
MIN_PASSWORD = 8


@dataclass(frozen=True, slots=True)
class Account:
    """The signed-in user, as the pages need them (no password hash)."""

    id: int
    login: str
    role: str
    unit: str
    regions: tuple[str, ...]
    csrf: str

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)

    def sees_unit(self, unit_names: list[str], region: str) -> bool:
        """May this account open a document of the unit known by these names, in this region?"""
        if self.role == "admin":
            return True
        if self.role == "reviewer":
            return region in self.regions
        keys = {name_key(n) for n in unit_names}
        return name_key(self.unit) in keys

    def sees_region(self, region: str) -> bool:
        return self.role == "admin" or (self.role == "reviewer" and region in self.regions)


def regions_of(text: str) -> tuple[str, ...]:
    return tuple(r for r in re.split(r"[、,，\s]+", text or "") if r)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def add_user(engine: Engine, login: str, password: str, role: str, unit: str = "", region: str = "") -> str:
    """Create a user; one Chinese line for what is wrong with the request."""
    if not _LOGIN.match(login or ""):
        raise InputError(f"用户名“{login}”不可用：应为 2–60 个字母、数字、汉字或 _ . @ -")
    if role not in ROLES:
        raise InputError(f"角色“{role}”无法识别（可选：{'、'.join(ROLES)}）")
    if role == "preparer" and not unit.strip():
        raise InputError("编制人员须用 --unit 指明所属单位")
    if role == "reviewer" and not regions_of(region):
        raise InputError("审核人员须用 --region 指明负责的地区（如 上海；多个地区用“、”分隔）")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"密码太短：至少 {MIN_PASSWORD} 个字符")
    with db.session(engine, write=True) as s:
        if s.execute(select(User.id).where(User.login == login)).first() is not None:
            raise InputError(f"用户“{login}”已存在")
        s.add(User(login=login, password_hash=hash_password(password), role=role, unit=unit.strip(),
                   region="、".join(regions_of(region)), created_at=now()))
    scope = f"，单位：{unit.strip()}" if role == "preparer" else f"，地区：{'、'.join(regions_of(region))}" if role == "reviewer" else ""
    return f"已建立用户 {login}（{ROLES[role]}{scope}）"


def list_users(engine: Engine) -> list[str]:
    with db.session(engine) as s:
        users = s.execute(select(User).order_by(User.login)).scalars().all()
        return [f"{u.login}\t{ROLES.get(u.role, u.role)}\t{u.unit or u.region or '全部'}" for u in users]


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def sign_in(engine: Engine, login: str, password: str) -> str | None:
    """A new session token for a right password, else None (the same answer for an unknown user)."""
    with db.session(engine, write=True) as s:
        user = s.execute(select(User).where(User.login == login)).scalar_one_or_none()
        stored = user.password_hash if user is not None else _DUMMY
        try:
            _HASHER.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        token = secrets.token_urlsafe(32)
        s.add(WebSession(token_hash=_token_hash(token), user_id=user.id, csrf=secrets.token_urlsafe(32),
                         created_at=now(), expires_at=now() + timedelta(hours=SESSION_HOURS)))
        s.execute(delete(WebSession).where(WebSession.expires_at < now()))
        return token


_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))  # verified against for unknown users: the same time taken


def account_for(engine: Engine, token: str | None) -> Account | None:
    if not token:
        return None
    with db.session(engine) as s:
        row = s.execute(select(WebSession, User).join(User, User.id == WebSession.user_id)
                        .where(WebSession.token_hash == _token_hash(token))).first()
        if row is None:
            return None
        sess, user = row
        expires = sess.expires_at if sess.expires_at.tzinfo else sess.expires_at.replace(tzinfo=now().tzinfo)
        if expires < now():
            return None
        return Account(user.id, user.login, user.role, user.unit, regions_of(user.region), sess.csrf)


def sign_out(engine: Engine, token: str | None) -> None:
    if token:
        with db.session(engine, write=True) as s:
            s.execute(delete(WebSession).where(WebSession.token_hash == _token_hash(token)))


def same_token(given: str | None, expected: str) -> bool:
    return bool(given) and secrets.compare_digest(given.encode(), expected.encode())
