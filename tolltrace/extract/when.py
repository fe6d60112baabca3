"""When the counted events happened: time expressions normalised against the publication date."""

from __future__ import annotations

from tolltrace.nlp.parse import ParsedSentence


def claim_time(
    sentence: ParsedSentence, first: int, last: int, published: str | None
) -> str | None:
    """ISO 8601 date or interval of what the claim on tokens `first`..`last` counts, or None."""
    return None
