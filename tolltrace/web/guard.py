"""What every response carries and every request is held to: security headers, a body limit.

Both sit outside the routes so that no page, error or early refusal escapes them: the
headers are set by a middleware and, for a 500 (answered outside every middleware), by the
error handler itself; the body limit refuses a request before its body is read.
"""

from __future__ import annotations

from fastapi import HTTPException  # FastAPI passes its own on from a body read; not others
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages load scripts, styles and images only from this server; nothing is sent elsewhere.
# The original of a scraped page is shown in a sandboxed srcdoc frame under its own stricter
# policy (see `documents.original_srcdoc`).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-src 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# A sign-in, a review or a form is a few kilobytes; anything far larger is refused unread.
MAX_BODY_BYTES = 64 * 1024


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def secure(path: str, response: Response) -> Response:
    """`response` with the security headers (and no caching of API answers or pages)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    content_type = response.headers.get("content-type", "")
    if is_api(path) or "text/html" in content_type or response.status_code >= 400:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


class SecurityHeaders:
    """Adds the security headers to every response that passes through the app's middleware.

    A plain ASGI middleware (not `BaseHTTPMiddleware`, which would wrap the body limit's
    refusal raised while a body is read into an exception group).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                response = Response(status_code=message["status"])
                response.raw_headers = list(message.get("headers", []))
                secure(scope["path"], response)
                message = {**message, "headers": response.raw_headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def too_large_message(limit: int) -> str:
    return f"the request body is larger than {limit // 1024} KB: send less"


class BodyLimit:
    """Refuses a request body over `limit` bytes with 413, before reading it into memory.

    A declared Content-Length over the limit is refused at once; a body without one (chunked)
    is counted as it arrives and refused as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            status = 413 if declared.isdigit() else 400
            message = too_large_message(self.limit) if status == 413 else "bad Content-Length"
            body = {"error": {"status": status, "code": f"HTTP{status}", "message": message}}
            # Connection: close, so the client stops sending the body we will not read.
            answer = JSONResponse(body, status_code=status, headers={"Connection": "close"})
            await secure(scope["path"], answer)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, too_large_message(self.limit))
            return message

        await self.app(scope, counted, send)
