"""The victim export: one row per person, with every mention and source (JSON Lines, CSV or
Parquet, like the other exports; fields are added, never renamed or dropped).

Fields: id, name, normalised, fate, age, sex, when, where, event, documents, sources (each
mention's attributed source, else its document's uri), mention_count, mentions [{id,
document, uri, words, name, start, end, raw_start, raw_end, fate, age, sex, when, where,
attributed_to, claim, sentence}], evidence [{first, second, probability, weight,
comparisons (JSON text: comparison -> match weight), manual}].
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from tolltrace.export_links import export_records
from tolltrace.model import Victim

VICTIM_FIELDS = (
    "id", "name", "normalised", "fate", "age", "sex", "when", "where", "event", "documents",
    "sources", "mention_count", "mentions", "evidence",
)  # fmt: skip


def victim_record(victim: Victim) -> dict[str, Any]:
    return {
        "id": victim.id,
        "name": victim.name,
        "normalised": victim.normalised,
        "fate": victim.fate,
        "age": victim.age,
        "sex": victim.sex,
        "when": victim.when,
        "where": victim.where,
        "event": victim.event,
        "documents": list(victim.documents),
        "sources": list(victim.sources),
        "mention_count": len(victim.mentions),
        "mentions": [
            {
                "id": m.id,
                "document": m.document,
                "uri": m.uri,
                "words": m.words,
                "name": m.name,
                "start": m.start,
                "end": m.end,
                "raw_start": m.raw_start,
                "raw_end": m.raw_end,
                "fate": m.fate,
                "age": m.age,
                "sex": m.sex,
                "when": m.when,
                "where": m.where,
                "attributed_to": m.attributed_to,
                "claim": m.claim,
                "sentence": m.sentence,
            }
            for m in victim.mentions
        ],
        "evidence": [
            {
                "first": e.first,
                "second": e.second,
                "probability": e.probability,
                "weight": e.weight,
                "comparisons": json.dumps(dict(e.comparisons)),
                "manual": e.manual,
            }
            for e in victim.evidence
        ],
    }


def export_victims(
    victims: Iterable[Victim], fmt: str, output: Path | None, stdout: IO[str]
) -> int:
    records = (victim_record(victim) for victim in victims)
    return export_records(records, VICTIM_FIELDS, fmt, output, stdout, _schema)


def _schema() -> Any:
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    mention = pa.struct(
        [(name, i if name in ("start", "end", "raw_start", "raw_end", "age") else s)
         for name in ("id", "document", "uri", "words", "name", "start", "end", "raw_start",
                      "raw_end", "fate", "age", "sex", "when", "where", "attributed_to", "claim",
                      "sentence")]
    )  # fmt: skip
    evidence = pa.struct(
        [("first", s), ("second", s), ("probability", f), ("weight", f), ("comparisons", s),
         ("manual", s)]
    )  # fmt: skip
    return pa.schema(
        [("id", s), ("name", s), ("normalised", s), ("fate", s), ("age", i), ("sex", s),
         ("when", s), ("where", s), ("event", s), ("documents", pa.list_(s)),
         ("sources", pa.list_(s)), ("mention_count", i), ("mentions", pa.list_(mention)),
         ("evidence", pa.list_(evidence))]
    )  # fmt: skip
