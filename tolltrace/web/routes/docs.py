"""/docs: the API's OpenAPI description as a page of this site (no outside script or style)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tolltrace.web.auth import visitor
from tolltrace.web.context import render, store_of

router = APIRouter(include_in_schema=False)


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per path and method: summary, parameters, body and responses."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, spec in methods.items():
            body = spec.get("requestBody", {}).get("content", {}).get("application/json", {})
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": spec.get("summary", ""),
                    "parameters": [
                        (p["name"], p["in"], p.get("required", False))
                        for p in spec.get("parameters", [])
                    ],
                    "body": body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1],
                    "responses": sorted(spec.get("responses", {})),
                }
            )
    return rows


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    schema = request.app.openapi()
    return render(
        request,
        visitor(store_of(request), request),
        "docs.html",
        info=schema["info"],
        operations=operations(schema),
        schemas=schema.get("components", {}).get("schemas", {}),
    )
