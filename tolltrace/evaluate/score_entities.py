"""Entity figures of an evaluation set: what mentions + linking find, for a person to check.

No data set here has alias gold, so the report lists every alias group (an entity with two
names or more, each with the evidence that merged it) and runs one check that needs no
gold: no two people with different given names merged into one entity (a person entity whose
full names do not share a given name, or a transliteration of one).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from tolltrace.clean.document import clean_document
from tolltrace.errors import TolltraceError
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.metrics import Row, render_table
from tolltrace.link.alias_evidence import read_document
from tolltrace.link.aliases import given_compatible, name_key, person_name, surname_keys
from tolltrace.link.entities import link_names
from tolltrace.model import ENTITY_TYPES, Entity
from tolltrace.nlp.mentions import find_mentions_many, load_ner


@dataclass(frozen=True, slots=True)
class AliasGroup:
    """One entity with two names or more, and why each name is in it."""

    entity: str  # canonical name
    type: str
    mentions: int
    aliases: tuple[tuple[str, str, str], ...]  # (name, evidence, quote)
    roles: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "type": self.type,
            "mentions": self.mentions,
            "aliases": [{"name": n, "evidence": e, "quote": q} for n, e, q in self.aliases],
            "roles": list(self.roles),
        }


@dataclass(frozen=True, slots=True)
class EntityFigures:
    documents: int
    words: int
    seconds: float  # mentions + linking, cleaning excluded
    entities: Counter[str]  # per type
    groups: tuple[AliasGroup, ...]
    given_name_conflicts: tuple[str, ...]  # "entity: name / name" for each suspect merge
    unresolved: int  # partial names that two people in one document share
    failures: tuple[str, ...]  # "document: reason" for texts that could not be cleaned

    @property
    def words_per_second(self) -> float | None:
        return self.words / self.seconds if self.seconds > 0 else None

    def rows(self) -> list[Row]:
        rows: list[Row] = [("entity documents", self.documents, None)]
        rows += [(f"entities: {kind}", self.entities.get(kind, 0), None) for kind in ENTITY_TYPES]
        rows += [
            ("alias groups (2+ names)", len(self.groups), None),
            ("merged people, different given names", len(self.given_name_conflicts), None),
            ("partial names left unresolved", self.unresolved, None),
            ("entity words/s (mentions + linking)", self.words_per_second, None),
        ]
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "words": self.words,
            "seconds": self.seconds,
            "words_per_second": self.words_per_second,
            "entities": {kind: self.entities.get(kind, 0) for kind in ENTITY_TYPES},
            "groups": [group.to_json() for group in self.groups],
            "given_name_conflicts": list(self.given_name_conflicts),
            "unresolved": self.unresolved,
            "failures": list(self.failures),
        }

    def render(self) -> str:
        lines = [render_table("entities: aliases found (check them by eye)", self.rows())]
        for group in self.groups:
            lines.append(f"  {group.type} {group.entity!r} ({group.mentions} mentions)")
            for name, evidence, quote in group.aliases[1:]:
                lines.append(f"      {evidence:<10} {name!r}  <- {quote!r}")
        lines += [f"  SUSPECT {conflict}" for conflict in self.given_name_conflicts]
        return "\n".join(lines)


def entity_figures(documents: Sequence[EvalDocument]) -> EntityFigures:
    """Clean each document, find its mentions, link them, and count what came out."""
    cleaned: list[tuple[str, str, str | None]] = []
    failures: list[str] = []
    for document in documents:
        fields = {"date": document.published} if document.published else {}
        try:
            clean = clean_document(document.text, "text/plain", fields=fields)
        except TolltraceError as error:
            failures.append(f"{document.id}: {error}")
            continue
        cleaned.append((document.id, clean.text, clean.published))
    load_ner()  # loading the model is not part of the speed
    started = time.perf_counter()
    mentions = find_mentions_many((doc_id, text) for doc_id, text, _ in cleaned)
    read = [
        read_document(doc_id, text, found, published)
        for (doc_id, text, published), found in zip(cleaned, mentions, strict=True)
    ]
    entities = link_names(read)
    seconds = time.perf_counter() - started
    return EntityFigures(
        documents=len(cleaned),
        words=sum(len(text.split()) for _, text, _ in cleaned),
        seconds=seconds,
        entities=Counter(entity.type for entity in entities),
        groups=tuple(_group(e) for e in _by_size(entities) if len(e.aliases) > 1),
        given_name_conflicts=tuple(c for e in entities for c in given_name_conflicts(e)),
        unresolved=sum(len(names.unresolved) for names in read),
        failures=tuple(failures),
    )


def given_name_conflicts(entity: Entity) -> list[str]:
    """Pairs of full names in one person entity whose given names differ."""
    if entity.type != "person":
        return []
    names = sorted({m.text for m in entity.mentions if person_name(m.text).full})
    return [
        f"{entity.name}: {first} / {second}"
        for first, second in combinations(names, 2)
        if not given_compatible(person_name(first).given, person_name(second).given)
        # "Alberto Vargas" for "Pedro Alberto Vargas" is a partial name, not another person
        and name_key(first) not in surname_keys(second)
        and name_key(second) not in surname_keys(first)
    ]


def _by_size(entities: Sequence[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))


def _group(entity: Entity) -> AliasGroup:
    return AliasGroup(
        entity=entity.name,
        type=entity.type,
        mentions=len(entity.mentions),
        aliases=tuple((a.name, a.evidence, a.quote) for a in entity.aliases),
        roles=tuple(f"{r.title} ({r.when})" if r.when else r.title for r in entity.roles),
    )
