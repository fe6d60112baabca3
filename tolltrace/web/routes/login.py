"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from tolltrace.store.reviews import BadCredentials
from tolltrace.web.auth import (
    Visitor,
    check_csrf,
    check_login_csrf,
    end_session,
    login_token,
    set_login_cookie,
    start_session,
    visitor,
)
from tolltrace.web.context import client_address, now, render, store_of
from tolltrace.web.throttle import TooManySignIns, checked_sign_in, minutes_words

router = APIRouter(include_in_schema=False)


def _safe_next(target: str) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/search"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/search") -> Response:
    return _login_form(request, next, "", "", 200)


def _login_form(request: Request, next: str, name: str, error: str, status: int) -> Response:
    token = login_token(request)
    response = render(
        request,
        Visitor(None, None),
        "login.html",
        status_code=status,
        next=_safe_next(next),
        error=error,
        name=name,
        login_csrf=token,
    )
    set_login_cookie(response, token)
    return response


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/search",
) -> Response:
    check_login_csrf(request, csrf)
    store = store_of(request)
    try:
        user = checked_sign_in(store, name, password, client_address(request), now(request))
    except BadCredentials as exc:
        return _login_form(request, next, name, exc.message, 401)
    except TooManySignIns as exc:
        words = (
            "Too many failed sign-ins for this name or from this address. Please wait "
            f"{minutes_words(exc.retry_after)} and try again."
        )
        refused = _login_form(request, next, name, words, 429)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    response = RedirectResponse(_safe_next(next), status_code=303)
    start_session(store, user, response, secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    store = store_of(request)
    check_csrf(visitor(store, request), request, csrf)
    response = RedirectResponse("/login", status_code=303)
    end_session(store, request, response)
    return response
