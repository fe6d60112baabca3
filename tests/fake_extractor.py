"""A stand-in for the extract stage: deterministic claims for testing the plumbing around it.

The real extractor's quality changes from week to week; the store, the job and the CLI must
work whatever it finds. This one finds "<digits> <word> <verb>" with a few fixed rules.
"""

from __future__ import annotations

import re

from tolltrace.extract.stage import DEFAULT_OPTIONS, ExtractOptions, claim_id
from tolltrace.model import Claim, CleanText

FAKE_VERSION = "fake/1"
_COUNT = re.compile(r"(\d[\d,]*) (\w+) (?:were )?(\w+)")
_CATEGORIES = {"killed": "killed", "detained": "detained", "arrested": "arrested"}


def make_claim(
    doc_id: str,
    text: str,
    start: int,
    category: str = "killed",
    version: str = FAKE_VERSION,
    **fields: object,
) -> Claim:
    """A claim on `text` at `start`; any other field can be given by name."""
    values: dict[str, object] = {
        "id": claim_id(doc_id, start, start + len(text), category, version),
        "document": doc_id,
        "uri": "file.txt",
        "text": text,
        "sentence": text,
        "start": start,
        "end": start + len(text),
        "raw_start": start,
        "raw_end": start + len(text),
        "low": 1,
        "high": 1,
        "qualifier": "exact",
        "category": category,
        "subject": "people",
        "extractor": version,
    }
    values.update(fields)
    return Claim(**values)  # type: ignore[arg-type]


def fake_extract(
    doc_id: str, uri: str, clean: CleanText, options: ExtractOptions = DEFAULT_OPTIONS
) -> tuple[Claim, ...]:
    """Claims for "40 students detained" and the like; the Monitor is the source if named."""
    claims = []
    for match in _COUNT.finditer(clean.text):
        sentence_start = clean.text.rfind(".", 0, match.start()) + 1
        sentence_end = clean.text.find(".", match.end())
        sentence = clean.text[sentence_start : sentence_end + 1].strip()
        value = int(match.group(1).replace(",", ""))
        raw_start, raw_end = clean.offsets.span_to_raw(match.start(), match.end())
        claims.append(
            make_claim(
                doc_id,
                match.group(0),
                match.start(),
                _CATEGORIES.get(match.group(3), "other"),
                uri=uri,
                sentence=sentence,
                raw_start=raw_start,
                raw_end=raw_end,
                low=value,
                high=value,
                subject=match.group(2),
                attributed_to="Valdorian Rights Monitor" if "Monitor" in sentence else None,
                attribution_cue="said" if "Monitor" in sentence else None,
                negated="denied" in sentence,
                confidence=0.75,
            )
        )
    return tuple(claims)
