"""Link records as SQLite rows: plain columns for lookups, compact JSON for nested parts.

Fields that hold their default value are left out of the JSON (the constructors restore
them). Mentions are packed: each document, text and type once per entity, then five numbers
per mention.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields
from typing import Any

from tolltrace.model import (
    Alias,
    Contradiction,
    Entity,
    Event,
    Figure,
    Finding,
    Mention,
    Role,
    SourceSupport,
)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def entity_row(entity: Entity, rowids: Mapping[str, int]) -> tuple[Any, ...]:
    return (
        entity.id,
        entity.name,
        entity.type,
        dumps([_compact(asdict(alias), Alias) for alias in entity.aliases]),
        dumps([asdict(role) for role in entity.roles]),
        dumps(pack_mentions(entity.mentions, rowids)),
        len(entity.mentions),
    )


def entity_from_row(
    row: Sequence[Any], mentions: Mapping[str, Any] | None, documents: Mapping[int, str]
) -> Entity:
    entity_id, name, kind, aliases, roles = row
    return Entity(
        entity_id,
        name,
        kind,
        tuple(Alias(**alias) for alias in json.loads(aliases)),
        tuple(Role(**role) for role in json.loads(roles)),
        unpack_mentions(mentions, documents) if mentions is not None else (),
    )


def _compact(record: dict[str, Any], kind: type) -> dict[str, Any]:
    """`record` without the fields that hold their default value (the constructor restores them)."""
    defaults = {f.name: f.default for f in fields(kind)}
    return {key: value for key, value in record.items() if defaults.get(key, ...) != value}


def pack_mentions(mentions: Sequence[Mention], rowids: Mapping[str, int]) -> dict[str, Any]:
    """Each document, text and type once, then one flat run of five numbers per mention:
    document, start, length, text and type (the three indexes into those lists).

    A stored document is referred to by its row number (a few digits, not 64), any other by
    its id.
    """
    documents: dict[str, int] = {}
    texts: dict[str, int] = {}
    types: dict[str, int] = {}
    flat: list[int] = []
    for m in mentions:
        flat += (
            documents.setdefault(m.document, len(documents)),
            m.start,
            m.end - m.start,
            texts.setdefault(m.text, len(texts)),
            types.setdefault(m.type, len(types)),
        )
    return {
        "documents": [rowids.get(document, document) for document in documents],
        "texts": list(texts),
        "types": list(types),
        "flat": flat,
    }


def unpack_mentions(packed: Mapping[str, Any], stored: Mapping[int, str]) -> tuple[Mention, ...]:
    documents = [stored.get(d, "") if isinstance(d, int) else d for d in packed["documents"]]
    texts, types, flat = packed["texts"], packed["types"], packed["flat"]
    return tuple(
        Mention(
            documents[flat[i]],
            flat[i + 1],
            flat[i + 1] + flat[i + 2],
            texts[flat[i + 3]],
            types[flat[i + 4]],
        )
        for i in range(0, len(flat), 5)
    )


def event_row(event: Event) -> tuple[Any, ...]:
    return (
        event.id,
        event.label,
        event.type,
        event.when,
        event.where,
        event.name,
        dumps(list(event.documents)),
        dumps(list(event.claims)),
        dumps(list(event.evidence)),
    )


def event_from_row(row: tuple[Any, ...]) -> Event:
    event_id, label, kind, when, where, name, documents, claims, evidence = row
    return Event(
        event_id,
        label,
        kind,
        when,
        where,
        tuple(json.loads(documents)),
        tuple(json.loads(claims)),
        name,
        tuple(json.loads(evidence)),
    )


def finding_row(finding: Finding) -> tuple[Any, ...]:
    return (
        finding.event,
        finding.category,
        finding.low,
        finding.high,
        int(finding.consistent),
        dumps([_compact(asdict(figure), Figure) for figure in finding.figures]),
        dumps([[c.first, c.second, c.reason] for c in finding.contradictions]),
        dumps([_compact(asdict(support), SourceSupport) for support in finding.support]),
    )


def finding_from_row(row: tuple[Any, ...]) -> Finding:
    event, category, low, high, consistent, figures, contradictions, support = row
    return Finding(
        event,
        category,
        tuple(Figure(**figure) for figure in json.loads(figures)),
        low,
        high,
        bool(consistent),
        tuple(Contradiction(*c) for c in json.loads(contradictions)),
        tuple(_support(s) for s in json.loads(support)),
    )


def _support(record: dict[str, Any]) -> SourceSupport:
    record["sources"] = tuple(record["sources"])
    record["relays"] = tuple(record.get("relays", ()))
    return SourceSupport(**record)
