"""Claims from one parsed sentence: each count, its category from the predicate, its subject."""

from __future__ import annotations

from dataclasses import dataclass

from tolltrace.extract.numbers import counted_noun, find_counts
from tolltrace.nlp.parse import ParsedSentence


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim before it knows its document: offsets are into the clean text."""

    start: int
    end: int
    sentence: str
    low: int | None
    high: int | None
    qualifier: str
    category: str
    subject: str
    when: str | None = None
    where: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    negated: bool = False
    confidence: float = 0.5
    perpetrator: str | None = None


def find_claims(sentence: ParsedSentence, published: str | None) -> list[ClaimDraft]:
    """Every casualty or repression claim the sentence states."""
    drafts = []
    for count in find_counts(sentence.text):
        subject = counted_noun(sentence.text, count) or ""
        drafts.append(
            ClaimDraft(
                start=sentence.start + count.start,
                end=sentence.start + count.end,
                sentence=sentence.text,
                low=count.low,
                high=count.high,
                qualifier=count.qualifier,
                category="other",
                subject=subject,
            )
        )
    return drafts
