"""A person's merge and split decisions, replayed over linked entities on every re-link.

- merge: the entities that go by any of `names` become one, named by the first name; every
  merged name is recorded as an alias with manual evidence (the decision's reason as quote);
- split: the aliases and mentions named by any of `names` leave their entity and become one
  new entity, named by the first name, with manual evidence.

Names are matched case-insensitively against canonical names and aliases; a decision that
matches nothing changes nothing (the entity it named may have gone from the corpus).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from tolltrace.model import Alias, Entity, EntityDecision, Mention


def entity_id(kind: str, name: str) -> str:
    """Stable: the same type and canonical name give the same id."""
    return hashlib.sha256(f"{kind}:{name}".encode()).hexdigest()[:24]


def apply_decisions(entities: list[Entity], decisions: Sequence[EntityDecision]) -> list[Entity]:
    for decision in decisions:
        if decision.action == "merge":
            entities = _merge(entities, decision)
        elif decision.action == "split":
            entities = _split(entities, decision)
    return entities


def _names(entity: Entity) -> set[str]:
    return {entity.name.casefold(), *(alias.name.casefold() for alias in entity.aliases)}


def _manual(name: str, decision: EntityDecision) -> Alias:
    return Alias(name, "manual", decision.reason)


def _merge(entities: list[Entity], decision: EntityDecision) -> list[Entity]:
    wanted = {name.casefold() for name in decision.names}
    chosen = [e for e in entities if _names(e) & wanted]
    if len(chosen) < 2 or not decision.names:
        return entities
    name = decision.names[0]
    kinds = Counter(e.type for e in chosen for _ in range(max(1, len(e.mentions))))
    kind = max(sorted(kinds), key=lambda k: kinds[k])
    aliases = [_manual(name, decision)]
    seen = {name}
    for entity in chosen:
        if entity.name not in seen:
            seen.add(entity.name)
            aliases.append(_manual(entity.name, decision))
    for entity in chosen:
        for alias in entity.aliases:
            if alias.name not in seen:
                seen.add(alias.name)
                aliases.append(alias)
    merged = Entity(
        id=entity_id(kind, name),
        name=name,
        type=kind,
        aliases=tuple(aliases),
        roles=tuple(r for e in chosen for r in e.roles),
        mentions=tuple(sorted((m for e in chosen for m in e.mentions), key=_order)),
    )
    rest = [e for e in entities if e not in chosen]
    return [merged, *rest]


def _split(entities: list[Entity], decision: EntityDecision) -> list[Entity]:
    wanted = {name.casefold() for name in decision.names}
    if not wanted:
        return entities
    result: list[Entity] = []
    taken_mentions: list[Mention] = []
    kinds: Counter[str] = Counter()
    for entity in entities:
        if not _names(entity) & wanted:
            result.append(entity)
            continue
        kinds[entity.type] += 1
        kept = tuple(a for a in entity.aliases if a.name.casefold() not in wanted)
        moved = [m for m in entity.mentions if m.text.casefold() in wanted]
        taken_mentions += moved
        mentions = tuple(m for m in entity.mentions if m.text.casefold() not in wanted)
        if not kept:
            continue
        name = entity.name
        if name.casefold() in wanted:
            name = kept[0].name
            kept = (replace(kept[0], evidence="canonical"), *kept[1:])
        result.append(
            replace(
                entity,
                id=entity_id(entity.type, name),
                name=name,
                aliases=kept,
                mentions=mentions,
            )
        )
    if not kinds:
        return entities
    kind = max(sorted(kinds), key=lambda k: kinds[k])
    name = decision.names[0]
    result.append(
        Entity(
            id=entity_id(kind, name),
            name=name,
            type=kind,
            aliases=tuple(_manual(n, decision) for n in dict.fromkeys(decision.names)),
            mentions=tuple(sorted(taken_mentions, key=_order)),
        )
    )
    return result


def _order(mention: Mention) -> tuple[str, int]:
    return mention.document, mention.start
