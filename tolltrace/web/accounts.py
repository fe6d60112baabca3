"""Managing accounts and access: the library calls behind `tolltrace users` and the admin page.

Each change appends an `account` or `setting` entry to the chain of custody.
"""

from __future__ import annotations

import re

from tolltrace.model import ROLES, User
from tolltrace.store.base import Store
from tolltrace.store.reviews import InvalidReview
from tolltrace.web.auth import ANONYMOUS_READ, hash_password

USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")


def add_account(store: Store, name: str, role: str, password: str, by: str = "cli") -> User:
    """Create a local account with an argon2 hash of `password`."""
    if not USER_NAME.fullmatch(name):
        raise InvalidReview(
            f"{name[:70]!r} cannot be an account name: use letters, digits and . _ @ - "
            "(at most 64, starting with a letter or digit)"
        )
    if role not in ROLES:
        raise InvalidReview(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    with store.batch():
        user = store.add_user(name, role, hash_password(password))
        store.append_custody("account", name, {"action": "add", "role": role, "by": by})
    return user


def remove_account(store: Store, name: str, by: str = "cli") -> None:
    with store.batch():
        store.remove_user(name)
        store.append_custody("account", name, {"action": "remove", "by": by})


def anonymous_read(store: Store) -> bool:
    return store.get_setting(ANONYMOUS_READ, "off") == "on"


def set_anonymous_read(store: Store, allowed: bool, by: str) -> None:
    """Let visitors without an account read every page (never review), or stop it."""
    value = "on" if allowed else "off"
    with store.batch():
        store.set_setting(ANONYMOUS_READ, value)
        store.append_custody("setting", ANONYMOUS_READ, {"value": value, "by": by})
