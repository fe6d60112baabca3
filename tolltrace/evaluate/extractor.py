"""The whole tolltrace pipeline as an `Extract` for the scorers: clean the text, then extract.

Claims' `raw_start`/`raw_end` index `EvalDocument.text`, which the cleaner reads as the raw
text. The data set's publication date, when it gives one, stands in for a corpus field.
"""

from __future__ import annotations

from collections.abc import Sequence

from tolltrace.clean.document import clean_document
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.extract.stage import DEFAULT_OPTIONS, ExtractOptions, extract_document
from tolltrace.model import Claim


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
