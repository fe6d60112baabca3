"""The whole tolltrace pipeline as an `Extract` for the scorers: clean the text, then extract.

Claims' `raw_start`/`raw_end` index `EvalDocument.text`, which the cleaner reads as the raw
text. The data set's publication date, when it gives one, stands in for a corpus field.

NewsQuant measures the number layer on its own (every count of people or things, not only
casualty figures), so `extractor_for("newsquant")` is `count_extract`: each count the
extract stage reads in a sentence, as a claim of category "other".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from tolltrace.clean.document import clean_document
from tolltrace.evaluate.datasets import EvalDocument, Extract
from tolltrace.extract.numbers import counted_noun, find_counts
from tolltrace.extract.stage import DEFAULT_OPTIONS, ExtractOptions, extract_document
from tolltrace.model import Claim
from tolltrace.nlp.sentences import Sentence, split_sentences


def tolltrace_extract(
    document: EvalDocument, options: ExtractOptions = DEFAULT_OPTIONS
) -> Sequence[Claim]:
    fields: dict[str, str] = {}
    if document.published:
        fields["date"] = document.published
    if document.title:
        fields["title"] = document.title
    clean = clean_document(document.text, "text/plain", fields=fields)
    return extract_document(document.id, document.id, clean, options)


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
