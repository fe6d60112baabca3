"""Clean one document: raw text -> clean text with an offset map, title and dated evidence.

`clean_document` is a pure function of its arguments, so any runner can map it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from tolltrace.clean.dates import best_date, find_dates
from tolltrace.clean.html import clean_html
from tolltrace.clean.normalize import normalize
from tolltrace.clean.offsets import OffsetMap, insert_break
from tolltrace.clean.outlet import scrape_site
from tolltrace.clean.text import clean_plain
from tolltrace.errors import NoText
from tolltrace.model import EMPTY, CleanText, DateCandidate

CLEANER = "clean/2"  # bump when the clean text of an item may change
# Corpus fields that carry a publication date, in order of preference.
DATE_FIELDS = ("date", "dct", "published", "publication_date", "pub_date", "datePublished")
TITLE_FIELDS = ("title", "headline")
_TITLE_MAX_WORDS = 25
_BYLINE = re.compile(r"(?i)^by\s+\w")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?$")


def clean_document(
    raw_text: str, media_type: str, *, uri: str | None = None, fields: Mapping[str, Any] = EMPTY
) -> CleanText:
    """Clean one document's raw text. HTML goes through main-text extraction first."""
    metadata = [(f"field:{name}", str(fields[name])) for name in DATE_FIELDS if fields.get(name)]
    url = uri if uri and uri.startswith(("http://", "https://")) else None
    field_title = next((str(fields[f]) for f in TITLE_FIELDS if fields.get(f)), None)
    if media_type == "text/html":
        return _clean_page(raw_text, url, metadata, field_title)
    plain = clean_plain(raw_text)
    if not plain.text.strip():
        raise NoText("nothing is left after removing boilerplate: the item holds no article text")
    text, offsets = plain.text, plain.offsets
    if field_title:
        text, offsets = _detach_title(text, offsets, normalize(field_title))
    dates = find_dates(raw_text, metadata=metadata, header_lines=plain.header_lines, uri=url)
    return CleanText(
        text=text,
        offsets=offsets,
        title=normalize(field_title) if field_title else _headline(plain.text),
        published=best_date(dates),
        dates=dates,
        removed=plain.removed,
        cleaner=CLEANER,
        site=scrape_site(raw_text, fields),
    )


def _clean_page(
    raw_html: str, url: str | None, metadata: list[tuple[str, str]], field_title: str | None
) -> CleanText:
    page = clean_html(raw_html, url)
    if page.date:
        metadata.append((page.date_evidence or "html metadata", page.date))
    # Dates in the text are found in the clean text, then mapped back to the HTML source.
    dates = tuple(
        _to_raw(d, page.offsets) for d in find_dates(page.text, metadata=metadata, uri=url)
    )
    return CleanText(
        text=page.text,
        offsets=page.offsets,
        title=page.title or (normalize(field_title) if field_title else None),
        author=page.author,
        site=page.site,
        published=best_date(dates),
        dates=dates,
        cleaner=CLEANER,
    )


def _to_raw(date: DateCandidate, offsets: OffsetMap) -> DateCandidate:
    if date.raw_start is None or date.raw_end is None:
        return date
    start, end = offsets.span_to_raw(date.raw_start, date.raw_end)
    return replace(date, raw_start=start, raw_end=end)


def _headline(text: str) -> str | None:
    """A scrape's headline: a short line above the body, not a masthead, menu or byline.

    Scrapes open with a masthead ("THE DAILY HERALD"), a menu, the headline, a byline and
    captions; the headline is the line just above the byline, else the longest such line.
    """
    leading: list[str] = []
    for paragraph in text.split("\n\n")[:12]:
        line = paragraph.strip()
        if _BYLINE.match(line):
            return leading[-1] if leading else None
        if len(line.split()) > _TITLE_MAX_WORDS or _SENTENCE_END.search(line):
            break
        if line and not line.isupper() and "|" not in line:
            leading.append(line)
    return max(leading, key=lambda line: len(line.split())) if leading else None


def _detach_title(text: str, offsets: OffsetMap, title: str) -> tuple[str, OffsetMap]:
    """Scrapes often glue the page title to the first words of the body ("...TimesJoel
    Gonzalez, a ..."): when the text opens with the known title, a paragraph break follows."""
    at = text.find(title, 0, len(title) + 8) if len(title) >= 12 else -1
    end = at + len(title)
    if at < 0 or end >= len(text) or text[end].isspace():
        return text, offsets
    return insert_break(text, offsets, end)
