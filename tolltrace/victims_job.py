"""The job that reads every document's victim mentions from its stored claims and text,
links them across documents (`link.victims`) and stores the victims in place of the last
ones; people's merges and splits are replayed."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from tolltrace.extract.victim_records import victim_mentions
from tolltrace.link.victims import link_victims
from tolltrace.model import Claim, VictimMention
from tolltrace.store.base import Store


@dataclass(frozen=True, slots=True)
class VictimSummary:
    run: str
    documents: int
    mentions: int
    victims: int
    replaced: int


def store_mentions(store: Store) -> list[VictimMention]:
    """Every document's victim mentions, in the order the store lists the documents."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in store.claims():
        by_document[claim.document].append(claim)
    mentions: list[VictimMention] = []
    for document in store.documents():  # a text without claims may still name a victim
        clean = store.get_document(document.id).clean
        if clean is None:
            continue
        claims = by_document.get(document.id, [])
        mentions += victim_mentions(claims, clean.text, clean.offsets, document.id, document.uri)
    return mentions


def link_victims_job(store: Store, run: str | None = None) -> VictimSummary:
    run = run or uuid.uuid4().hex[:12]
    mentions = store_mentions(store)
    victims = link_victims(mentions, store.victim_decisions())
    replaced = store.replace_victims(victims, run)
    documents = len({m.document for m in mentions})
    return VictimSummary(run, documents, len(mentions), len(victims), replaced)
