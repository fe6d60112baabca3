"""Running the review app: uvicorn over `create_app`."""

from __future__ import annotations

import uvicorn

from tolltrace.web.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8400


def serve(db: str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve the store at `db` until interrupted (one process; reads in worker threads)."""
    app = create_app(db)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
