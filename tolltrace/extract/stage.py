"""The extract stage: a pure function from a cleaned document to its claims.

Sentences come from `nlp.sentences`; only those that may state a count of people harmed or
name a victim are parsed (`nlp.parse`); each count found there becomes a Claim with its
category, subject, attribution, time and place, and spans in both the clean and the raw text.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace

from tolltrace.errors import TimeLimit
from tolltrace.extract import lexicon, tallies
from tolltrace.extract.claims import (
    find_claims,
    opens_with_part,
    resolve_pointing_back,
    resolve_wounded,
)
from tolltrace.extract.numbers import find_counts
from tolltrace.extract.outcomes import earlier_states
from tolltrace.extract.profile import DEFAULT_PROFILES, load_lexicon
from tolltrace.model import Claim, CleanText
from tolltrace.nlp.parse import PIPELINE, parse_sentences
from tolltrace.nlp.sentences import may_harm, names_victim, needs_parse, split_sentences

EXTRACTOR = "extract/13"  # bump when the claims a document yields may change
DEFAULT_TIME_LIMIT = 60.0  # seconds per document
_PARSE_CHUNK = 32  # sentences parsed between two looks at the clock


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    time_limit: float = DEFAULT_TIME_LIMIT
    # The reading profiles (extract/profiles/*.toml, or a user's file) besides the core.
    profiles: tuple[str, ...] = DEFAULT_PROFILES


DEFAULT_OPTIONS = ExtractOptions()


def extractor_version(profiles: tuple[str, ...] = DEFAULT_PROFILES) -> str:
    """What produced a claim: this stage's version, the parser's, and the reading profiles'
    (a changed word list re-extracts, as a changed rule does)."""
    return f"{EXTRACTOR}+{PIPELINE}+profiles-{load_lexicon(profiles).digest}"


def extract_document(
    doc_id: str, uri: str, clean: CleanText, options: ExtractOptions = DEFAULT_OPTIONS
) -> tuple[Claim, ...]:
    """Every claim in one cleaned document, in text order.

    Raises `TimeLimit` (T201) when the document takes longer than `options.time_limit`.
    """
    deadline = time.monotonic() + options.time_limit
    lexicon.use(options.profiles)
    sentences = split_sentences(clean.text, within=needs_parse)
    selected = [s for s in sentences if _worth_parsing(s.text)]
    drafts: list[Claim] = []
    for first in range(0, len(selected), _PARSE_CHUNK):
        if time.monotonic() > deadline:
            raise TimeLimit(
                f"extraction took longer than {options.time_limit:g} s; "
                "raise --time-limit or split the document"
            )
        for parsed in parse_sentences(clean.text, selected[first : first + _PARSE_CHUNK]):
            drafts.extend(find_claims(parsed, clean.published, clean.text))
    drafts = tallies.with_fatal_parts_across(drafts, clean.text)
    drafts = resolve_wounded(drafts, clean.published, clean.text, clean.title or "")
    drafts = resolve_pointing_back(drafts, clean.text)
    drafts = tallies.with_others_added(drafts, clean.text)
    drafts = tallies.with_groups_added(drafts, clean.text)
    drafts = tallies.with_individuals_added(drafts, clean.text)
    drafts = tallies.with_one_more_added(drafts, clean.text)
    drafts = tallies.with_suicide_added(drafts, clean.text)
    drafts = earlier_states(drafts, clean.text)
    drafts = tallies.without_second_readings(drafts)
    version = extractor_version(options.profiles)
    return tuple(_claim(doc_id, uri, clean, draft, version) for draft in drafts)


def _worth_parsing(sentence: str) -> bool:
    """A named victim, or a count the number layer accepts (not a year, a date, an age...):
    the cheap tests run first, and only these sentences pay for a parse."""
    return names_victim(sentence) or (
        (may_harm(sentence) or opens_with_part(sentence)) and bool(find_counts(sentence))
    )


def claim_id(doc_id: str, start: int, end: int, category: str, version: str) -> str:
    """Stable: the same document, span, category and extractor give the same id."""
    key = f"{doc_id}:{start}:{end}:{category}:{version}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def _claim(doc_id: str, uri: str, clean: CleanText, draft: Claim, version: str) -> Claim:
    """The claim placed in its document: its id, quote and raw offsets."""
    raw_start, raw_end = clean.offsets.span_to_raw(draft.start, draft.end)
    return replace(
        draft,
        id=claim_id(doc_id, draft.start, draft.end, draft.category, version),
        document=doc_id,
        uri=uri,
        text=clean.text[draft.start : draft.end],
        raw_start=raw_start,
        raw_end=raw_end,
        extractor=version,
    )
