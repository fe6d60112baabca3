"""Who the text says reports a figure, with the cue words; and whether the text disputes it."""

from __future__ import annotations

from dataclasses import dataclass

from tolltrace.nlp.parse import ParsedSentence


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None  # the source's name as the text gives it; None = the document's own voice
    cue: str | None  # the words that attribute it ("according to", "said", "documented")
    negated: bool = False  # the text denies or disputes the figure
    source_start: int | None = None  # offsets of the source's words in the clean text
    source_end: int | None = None


NO_ATTRIBUTION = Attribution(None, None)


def attribute(text: str, sentence: ParsedSentence, first: int, last: int) -> Attribution:
    """The attribution of the claim on tokens `first`..`last` of `sentence` (within `text`)."""
    return NO_ATTRIBUTION
