"""The web review app: pages to see, check and correct every figure against its source."""

from tolltrace.web.app import create_app

__all__ = ["create_app"]
