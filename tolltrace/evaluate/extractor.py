"""The whole tolltrace pipeline as an `Extract` for the scorers: clean the text, then extract.

Claims' `raw_start`/`raw_end` index `EvalDocument.text`, which the cleaner reads as the raw
text. The data set's publication date, when it gives one, stands in for a corpus field.

Linking needs more than claims: the clean text, title and publication date of each document.
`tolltrace_extract` returns its claims as `LinkedClaims`, a sequence of claims that also
carries the `LinkDocument` linking reads; `extract_linked` runs any extractor over a data set
and gives every document a `LinkDocument` (built from the raw text, the claims' raw offsets
standing in for clean ones, when the extractor returns plain claims).

NewsQuant measures the number layer on its own (every count of people or things, not only
casualty figures), so `extractor_for("newsquant")` is `count_extract`: each count the
extract stage reads in a sentence, as a claim of category "other".
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from tolltrace.clean.document import clean_document
from tolltrace.evaluate.datasets import EvalDocument, Extract
from tolltrace.evaluate.metrics import Failure
from tolltrace.extract.numbers import counted_noun, find_counts
from tolltrace.extract.stage import DEFAULT_OPTIONS, ExtractOptions, extract_document
from tolltrace.link.events import LinkDocument
from tolltrace.model import Claim
from tolltrace.nlp.sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class LinkedClaims(Sequence[Claim]):
    """A document's claims, and what linking needs to know of the document."""

    claims: tuple[Claim, ...]
    document: LinkDocument

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...

    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self.claims[index]

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)


def tolltrace_extract(
    document: EvalDocument, options: ExtractOptions = DEFAULT_OPTIONS
) -> LinkedClaims:
    fields: dict[str, str] = {}
    if document.published:
        fields["date"] = document.published
    if document.title:
        fields["title"] = document.title
    clean = clean_document(document.text, "text/plain", fields=fields)
    claims = extract_document(document.id, document.id, clean, options)
    published = clean.published or document.published
    linked = LinkDocument(document.id, document.id, clean.title, published, clean.text, claims)
    return LinkedClaims(claims, linked)


def raw_link_document(document: EvalDocument, claims: Iterable[Claim]) -> LinkDocument:
    """A `LinkDocument` over the raw text: each claim's raw span becomes its span."""
    moved = tuple(
        dataclasses.replace(claim, start=claim.raw_start, end=claim.raw_end) for claim in claims
    )
    return LinkDocument(
        document.id, document.id, document.title, document.published, document.text, moved
    )


def extract_linked(
    documents: Iterable[EvalDocument], extract: Extract
) -> tuple[dict[str, tuple[Claim, ...]], dict[str, LinkDocument], tuple[Failure, ...]]:
    """Claims and a `LinkDocument` per document; one failure never stops the batch."""
    claims: dict[str, tuple[Claim, ...]] = {}
    linked: dict[str, LinkDocument] = {}
    failures: list[Failure] = []
    for document in documents:
        try:
            found = extract(document)
        except Exception as error:  # the extractor is foreign code: record and go on
            found = ()
            failures.append(Failure(document.id, f"{type(error).__name__}: {error}"))
        claims[document.id] = tuple(found)
        if isinstance(found, LinkedClaims):
            linked[document.id] = found.document
        else:
            linked[document.id] = raw_link_document(document, claims[document.id])
    return claims, linked, tuple(failures)


def text_claim(
    document: EvalDocument,
    sentence: Sentence,
    start: int,
    end: int,
    low: int | None,
    high: int | None,
    qualifier: str,
    category: str,
    subject: str = "",
    extractor: str = "",
) -> Claim:
    """A claim read straight off `document.text` (no cleaning: raw offsets are the offsets)."""
    return Claim(
        id=hashlib.sha256(f"{document.id}:{start}:{end}".encode()).hexdigest()[:24],
        document=document.id,
        uri=document.id,
        text=document.text[start:end],
        sentence=sentence.text,
        start=start,
        end=end,
        raw_start=start,
        raw_end=end,
        low=low,
        high=high,
        qualifier=qualifier,
        category=category,
        subject=subject,
        extractor=extractor,
    )


def count_extract(document: EvalDocument) -> Sequence[Claim]:
    """Every count in the text (the number layer of extraction), category "other"."""
    return [
        text_claim(
            document, sentence, sentence.start + count.start, sentence.start + count.end,
            count.low, count.high, count.qualifier, "other",
            counted_noun(sentence.text, count) or "",
        )
        for sentence in split_sentences(document.text)
        for count in find_counts(sentence.text)
    ]  # fmt: skip


def extractor_for(dataset: str) -> Extract:
    """The extractor `tolltrace eval` scores on `dataset`."""
    return count_extract if dataset == "newsquant" else tolltrace_extract
