"""Where the counted events happened: the place a claim's sentence names for it."""

from __future__ import annotations

from tolltrace.nlp.parse import ParsedSentence


def claim_place(sentence: ParsedSentence, first: int, last: int) -> str | None:
    """The place name for the claim on tokens `first`..`last` of `sentence`, or None."""
    return None
