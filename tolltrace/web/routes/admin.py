"""The admin page: accounts, and whether visitors without one may read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tolltrace.model import ROLES
from tolltrace.store.reviews import ReviewError
from tolltrace.web.accounts import add_account, anonymous_read, remove_account, set_anonymous_read
from tolltrace.web.auth import check_csrf
from tolltrace.web.context import page, render

router = APIRouter(include_in_schema=False)


@router.get("/admin", response_class=HTMLResponse)
def admin_page(request: Request) -> Response:
    return _admin(request, "", 200)


def _admin(request: Request, error: str, status: int) -> Response:
    store, who = page(request, "admin")
    return render(
        request,
        who,
        "admin.html",
        status_code=status,
        users=store.users(),
        roles=ROLES,
        anonymous=anonymous_read(store),
        error=error,
    )


@router.post("/admin/users")
def add_user(
    request: Request,
    name: Annotated[str, Form()],
    role: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    store, who = page(request, "admin")
    check_csrf(who, request, csrf)
    assert who.user is not None
    try:
        add_account(store, name, role, password, by=who.user.name)
    except ReviewError as exc:
        return _admin(request, exc.message, 422)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/users/remove")
def remove_user(
    request: Request, name: Annotated[str, Form()], csrf: Annotated[str, Form()] = ""
) -> Response:
    store, who = page(request, "admin")
    check_csrf(who, request, csrf)
    assert who.user is not None
    if name == who.user.name:
        return _admin(request, "you cannot remove your own account", 422)
    remove_account(store, name, by=who.user.name)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/anonymous")
def anonymous(
    request: Request, allowed: Annotated[str, Form()], csrf: Annotated[str, Form()] = ""
) -> Response:
    store, who = page(request, "admin")
    check_csrf(who, request, csrf)
    assert who.user is not None
    set_anonymous_read(store, allowed == "on", by=who.user.name)
    return RedirectResponse("/admin", status_code=303)
