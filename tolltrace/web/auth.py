"""Who is asking: passwords (argon2), server-side sessions, roles and CSRF tokens.

The session cookie holds a random token; the store keeps only its SHA-256, with the session's
CSRF token. Every state-changing request must carry that CSRF token (a form field or the
`X-CSRF-Token` header); the login form, before any session exists, uses a double-submit
cookie. Cookies are HttpOnly and SameSite=Strict.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from fastapi import Request, Response

from tolltrace.model import ROLES, Session, User
from tolltrace.store.base import Store
from tolltrace.store.custody import now_utc
from tolltrace.store.reviews import BadCredentials, NotAllowed, ReviewError, UserNotFound

SESSION_COOKIE = "tolltrace_session"
LOGIN_CSRF_COOKIE = "tolltrace_login_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SESSION_HOURS = 12
ANONYMOUS_READ = "anonymous_read"  # the setting an admin turns on: "on" lets anyone read
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password anyone has")  # equal work for unknown names


class NotSignedIn(NotAllowed):
    """Reading needs an account here (the admin has not opened read-only access)."""

    code = "T328"


@dataclass(frozen=True, slots=True)
class Visitor:
    """The person behind a request: a signed-in user, or anonymous (user None)."""

    user: User | None
    session: Session | None

    @property
    def csrf(self) -> str:
        return self.session.csrf if self.session else ""

    def may(self, role: str) -> bool:
        """Whether the visitor's role is `role` or above (viewer < analyst < admin)."""
        return self.user is not None and ROLES.index(self.user.role) >= ROLES.index(role)


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ReviewError("a password needs at least 8 characters")
    return _hasher.hash(password)


def check_password(store: Store, name: str, password: str) -> User:
    """The user, if `password` is theirs; BadCredentials (the same for any cause) if not."""
    try:
        stored = store.password_hash(name)
    except UserNotFound:
        stored = _DUMMY_HASH
        name = ""
    try:
        _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        name = ""
    if not name:
        raise BadCredentials("wrong name or password")
    if _hasher.check_needs_rehash(stored):
        store.set_password_hash(name, _hasher.hash(password))
    return store.get_user(name)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(store: Store, user: User, response: Response, secure: bool) -> Session:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session = Session(
        token_sha256=_digest(token),
        user=user,
        csrf=secrets.token_urlsafe(32),
        created_at=_iso(now),
        expires_at=_iso(now + timedelta(hours=SESSION_HOURS)),
    )
    store.add_session(session)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=secure,
        path="/",
    )
    return session


def end_session(store: Store, request: Request, response: Response) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        store.remove_session(_digest(token))
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")


def visitor(store: Store, request: Request) -> Visitor:
    token = request.cookies.get(SESSION_COOKIE)
    session = store.get_session(_digest(token), now_utc()) if token else None
    return Visitor(session.user if session else None, session)


def require(store: Store, request: Request, role: str = "viewer") -> Visitor:
    """The visitor, if they may act as `role`; NotSignedIn or NotAllowed otherwise.

    Anyone may read (role "viewer") without an account only when an admin turned it on.
    """
    who = visitor(store, request)
    if who.may(role):
        return who
    if who.user is None:
        if role == "viewer" and store.get_setting(ANONYMOUS_READ, "off") == "on":
            return who
        raise NotSignedIn("sign in first: this page needs an account")
    raise NotAllowed(f"{who.user.name} is a {who.user.role}: this needs the {role} role")


def check_csrf(who: Visitor, request: Request, submitted: str | None) -> None:
    """Refuse a write whose CSRF token (form field or header) is not the session's."""
    token = submitted or request.headers.get(CSRF_HEADER, "")
    if not who.session or not token or not hmac.compare_digest(token, who.session.csrf):
        raise NotAllowed("missing or wrong CSRF token: reload the page and try again")


def login_token(request: Request) -> str:
    """The double-submit token of the login form: the visitor's cookie, or a new one."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_login_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/", max_age=3600
    )


def check_login_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise NotAllowed("missing or wrong CSRF token: reload the sign-in page and try again")


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")
