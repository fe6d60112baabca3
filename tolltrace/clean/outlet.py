"""The outlet of a plain-text scrape, which has no HTML metadata to name it.

Found, in order, in a corpus record's field, in the page's own address written near the top
or the bottom of the text ("URL: https://...", a line that is only a URL), in its
copyright line ("© Dunmarra Coast Gazette 2025"), or in a masthead in capitals at its top
that names a kind of newspaper ("THE ORVANE HERALD — Regional news"). Otherwise there is
none, and the outlet falls back to the host of the document's URL or its file name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

SITE_FIELDS = ("site", "site_name", "outlet", "publisher", "source_domain", "domain")
_EDGE_LINES = 12  # a scrape's own address and copyright sit in its first or last lines
_URL_LINE = re.compile(
    r"(?i)^\s*(?:(?:url|source|link|permalink|canonical|original(?:ly published)?(?: at)?)"
    r"\s*:\s*)?<?(https?://[^\s<>]+?)>?\s*$"
)
_COPYRIGHT = re.compile(
    r"(?i)^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[^\d|©·•]{3,60}?)\s*(?:,?\s*\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
    r"(?:[.,;:]?\s*all rights reserved\.?)?\s*(?:[|·•].*)?$"  # then links: "| Privacy"
)


# Words that end an outlet's name in a masthead; other lines in capitals may be headlines.
_MASTHEAD_WORDS = frozenset(
    (
        "post", "herald", "times", "news", "observer", "gazette", "courier", "tribune",
        "journal", "daily", "ledger", "press", "wire", "chronicle", "telegraph", "guardian",
        "star", "mail", "express", "review", "record", "standard", "independent", "agency",
        "report", "bulletin", "dispatch", "sentinel", "monitor", "today",
    )
)  # fmt: skip
_MASTHEAD_LINES = 4


def scrape_site(raw_text: str, fields: Mapping[str, Any]) -> str | None:
    """The outlet a scrape names for itself, or None (see the module's docstring)."""
    for name in SITE_FIELDS:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return _host(value.strip()) or value.strip()
    lines = raw_text.splitlines()
    edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
    for line in edges:
        found = _URL_LINE.match(line)
        if found and (host := _host(found.group(1))):
            return host
    for line in edges:
        found = _COPYRIGHT.match(line)
        if found:
            return found.group("name").strip(" .,-–")
    return _masthead(lines[:_MASTHEAD_LINES])


def _masthead(lines: list[str]) -> str | None:
    """ "THE ORVANE HERALD — Regional news" -> "The Orvane Herald"."""
    for line in lines:
        name = re.split(r"\s+[—–|-]\s+|\s{2,}", line.strip())[0]
        words = name.split()
        if 2 <= len(words) <= 6 and name.isupper() and words[-1].lower() in _MASTHEAD_WORDS:
            return " ".join(word.capitalize() for word in words)
    return None


def _host(value: str) -> str | None:
    """The host of a URL without "www.", or None when `value` is no URL."""
    if not value.startswith(("http://", "https://")):
        return None
    host = urlsplit(value).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
