"""The same harmed person across documents and sources: victim mentions become victims.

Two steps. Within one document, mentions of one name are one person (a full name and its
surname alone: "Jon Arven" ... "Arven"). Across documents, splink (`victim_linkage`) scores
each pair of document persons that share a surname or the same name words in another order,
on the name (transliteration and spelling folded by `person_names`; name order; Jaro-Winkler
for what the fold leaves apart), age (one year off is nearly as good as equal), sex, date,
place and event; pairs at or above `MATCH_PROBABILITY` are one person, and their match
weights per comparison are kept as the evidence of the merge.

A person's decisions (`VictimDecision`) come last, so they hold over any score: a merge joins
the victims of the mentions it names, a split takes the named mentions out into a victim of
their own. They are replayed on every re-link.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tolltrace.extract.victim_records import GRAVITY
from tolltrace.link.person_names import first_and_last, name_words
from tolltrace.model import MatchEvidence, Victim, VictimDecision, VictimMention

MATCH_PROBABILITY = 0.5


@dataclass(frozen=True, slots=True)
class DocumentPerson:
    """One person within one document: the mentions of one name there."""

    id: str  # the id of its first mention
    mentions: tuple[VictimMention, ...]

    @property
    def name(self) -> str | None:
        names = [m.name for m in self.mentions if m.name]
        return max(names, key=lambda n: len(name_words(n))) if names else None

    def record(self) -> dict[str, object]:
        """The row splink compares (see `victim_linkage`)."""
        name = self.name or ""
        first, last = first_and_last(name)
        words = name_words(name)
        ages = [m.age for m in self.mentions if m.age is not None]
        sexes = [m.sex for m in self.mentions if m.sex]
        dates = [m.when[:10] for m in self.mentions if m.when and len(m.when) >= 10]
        places = [m.where.casefold() for m in self.mentions if m.where]
        events = [m.event for m in self.mentions if m.event]
        return {
            "unique_id": self.id,
            "document": self.mentions[0].document,
            "full_name": " ".join(words) or None,
            "name_sorted": " ".join(sorted(words)) or None,
            "first_name": first,
            "surname": last,
            "age": _most_common(ages),
            "sex": _most_common(sexes),
            "date": _most_common(dates),
            "place": _most_common(places),
            "event": _most_common(events),
        }


def _most_common(values: Sequence[object]) -> object | None:
    return Counter(values).most_common(1)[0][0] if values else None


def document_persons(mentions: Iterable[VictimMention]) -> list[DocumentPerson]:
    """Each document's mentions grouped by person: one normalised name, or a surname alone
    that only one full name of the document ends with; a described person is its own."""
    by_document: dict[str, list[VictimMention]] = defaultdict(list)
    for mention in mentions:
        by_document[mention.document].append(mention)
    persons: list[DocumentPerson] = []
    for document in sorted(by_document):
        groups: dict[str, list[VictimMention]] = {}
        ordered = sorted(by_document[document], key=lambda m: (m.start, m.end))
        full = [m for m in ordered if m.name and len(name_words(m.name)) > 1]
        for mention in ordered:
            key = _person_key(mention, full)
            groups.setdefault(key, []).append(mention)
        persons += [DocumentPerson(group[0].id, tuple(group)) for group in groups.values()]
    return persons


def _person_key(mention: VictimMention, full: Sequence[VictimMention]) -> str:
    if not mention.name:
        return "described:" + mention.id
    words = name_words(mention.name)
    if len(words) == 1:  # "Arven" (or a child's "Tomas") for the one full name it is part of
        owners = {
            " ".join(name_words(m.name or ""))
            for m in full
            if words[0] in (name_words(m.name or "")[-1], name_words(m.name or "")[0])
        }
        if len(owners) == 1:
            return "name:" + owners.pop()
    return "name:" + " ".join(words)


def link_victims(
    mentions: Sequence[VictimMention],
    decisions: Sequence[VictimDecision] = (),
    threshold: float = MATCH_PROBABILITY,
) -> list[Victim]:
    """Victims from every stored mention: document persons, linked by splink, then the
    decisions of people replayed."""
    from tolltrace.link.victim_linkage import score_pairs

    persons = document_persons(mentions)
    named = [p for p in persons if p.name]
    pairs = score_pairs([p.record() for p in named]) if len(named) > 1 else []
    parent = {p.id: p.id for p in persons}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    evidence: list[MatchEvidence] = []
    for pair in pairs:
        if pair.probability >= threshold:
            parent[find(pair.first)] = find(pair.second)
            evidence.append(pair)
    groups: dict[str, list[VictimMention]] = defaultdict(list)
    for person in persons:
        groups[find(person.id)].extend(person.mentions)
    clusters = [tuple(sorted(g, key=_order)) for g in groups.values()]
    clusters, manual = apply_decisions(clusters, decisions)
    victims = [_victim(cluster, [*evidence, *manual]) for cluster in clusters]
    return sorted(victims, key=lambda v: (v.name is None, (v.normalised or ""), v.id))


def _order(mention: VictimMention) -> tuple[str, int]:
    return mention.document, mention.start


def apply_decisions(
    clusters: Sequence[tuple[VictimMention, ...]], decisions: Sequence[VictimDecision]
) -> tuple[list[tuple[VictimMention, ...]], list[MatchEvidence]]:
    """The clusters after each decision in turn; a decision naming an unknown mention does
    nothing (its document may be gone)."""
    current = [list(c) for c in clusters]
    manual: list[MatchEvidence] = []
    for decision in decisions:
        where = {m.id: i for i, cluster in enumerate(current) for m in cluster}
        known = [i for i in decision.ids if i in where]
        if decision.action == "merge" and len(known) > 1:
            target = where[known[0]]
            for ident in known[1:]:
                source = where[ident]
                if source != target:
                    current[target] += current[source]
                    current[source] = []
                    where = {m.id: i for i, c in enumerate(current) for m in c}
                manual.append(MatchEvidence(known[0], ident, 1.0, 0.0, {}, decision.reason))
        elif decision.action == "split" and known:
            taken = set(known)
            for cluster in current:
                if any(m.id in taken for m in cluster) and len(cluster) > 1:
                    out = [m for m in cluster if m.id in taken]
                    cluster[:] = [m for m in cluster if m.id not in taken]
                    current.append(out)
                    break
    return [tuple(sorted(c, key=_order)) for c in current if c], manual


def _victim(mentions: tuple[VictimMention, ...], evidence: Sequence[MatchEvidence]) -> Victim:
    ids = {m.id for m in mentions}
    names = [m.name for m in mentions if m.name]
    name = max(names, key=lambda n: (len(name_words(n)), len(n))) if names else None
    fate = min((m.fate for m in mentions), key=GRAVITY.index)
    ages = Counter(m.age for m in mentions if m.age is not None)
    sexes = Counter(m.sex for m in mentions if m.sex)
    return Victim(
        id=hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16],
        name=name,
        normalised=" ".join(name_words(name)) if name else None,
        fate=fate,
        age=ages.most_common(1)[0][0] if ages else None,
        sex=sexes.most_common(1)[0][0] if sexes else None,
        when=next((m.when for m in mentions if m.when), None),
        where=next((m.where for m in mentions if m.where), None),
        event=next((m.event for m in mentions if m.event), None),
        mentions=mentions,
        evidence=tuple(e for e in evidence if e.first in ids and e.second in ids),
    )


def evidence_lines(victim: Victim) -> list[str]:
    """Each merge of the victim as one line: the mentions, the probability and the weights."""
    lines = []
    for item in victim.evidence:
        if item.manual is not None:
            lines.append(f"{item.first} + {item.second}: merged by hand ({item.manual})")
            continue
        weights = ", ".join(f"{k} {v:+.1f}" for k, v in item.comparisons.items())
        lines.append(
            f"{item.first} + {item.second}: p={item.probability:.3f} "
            f"(weight {item.weight:+.1f}: {weights})"
        )
    return lines


def mention_ids(victims: Iterable[Victim]) -> Mapping[str, str]:
    """Mention id -> the id of its victim."""
    return {m.id: v.id for v in victims for m in v.mentions}
