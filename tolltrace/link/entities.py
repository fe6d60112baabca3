"""Entities across documents: every name merged into canonical entities, with evidence.

`link_entities` reads each document on its own (`alias_evidence.read_document`: definitions,
partial names, titles, roles), then merges the names of the corpus, never comparing every
pair: candidates are blocked by acronym, by initials, and by the first letters of a surname
or name.

1. acronyms: the names one acronym is defined for are one entity, unless two of them are each
   spelled by it and are not spellings of one name ("International Cricket Council (ICC)" and
   "International Criminal Court (ICC)" stay apart); an acronym used without a definition
   joins the one name whose initials spell it;
2. persons: two full names are one person when their given names agree and the surnames are
   one spelling apart (hyphens, transliteration, typos); different given names never merge;
3. organisations and places: word by word spellings of one name ("Mujahedin-e-Khalq");
4. a surname alone joins the one person in the corpus with that surname; with two, it joins
   only a clearly closer spelling, else it stays apart.

Manual decisions are applied last (`alias_decisions.apply_decisions`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations, product

from tolltrace.link.alias_decisions import apply_decisions, entity_id
from tolltrace.link.alias_evidence import DocumentNames, read_document
from tolltrace.link.aliases import (
    MARGIN,
    VARIANT_THRESHOLD,
    acronym_key,
    close_spellings,
    initial_slots,
    is_acronym_text,
    matches_acronym,
    name_key,
    person_name,
    same_name,
    same_person,
    similarity,
    surname_keys,
    word_initials,
)
from tolltrace.model import Alias, Entity, EntityDecision, Mention, Role
from tolltrace.nlp.titles import strip_leading_title

# Which evidence explains a name best when several do.
_EVIDENCE_RANK = {"definition": 0, "acronym": 1, "surname": 2, "title": 3, "variant": 4}
_MAX_OPTIONAL_INITIALS = 4


@dataclass(frozen=True, slots=True)
class EntityDocument:
    """One document as the entity linker reads it."""

    id: str
    text: str  # clean text
    mentions: tuple[Mention, ...]
    published: str | None = None  # ISO date: the time of "current" offices


def link_entities(
    documents: Sequence[EntityDocument], decisions: Sequence[EntityDecision] = ()
) -> list[Entity]:
    """Canonical entities of the corpus, every alias with the evidence that merged it."""
    read = [read_document(d.id, d.text, d.mentions, d.published) for d in documents]
    return link_names(read, decisions)


def link_names(
    documents: Iterable[DocumentNames], decisions: Sequence[EntityDecision] = ()
) -> list[Entity]:
    """The corpus stage of `link_entities`, over documents read by `read_document` (which a
    runner may map in parallel)."""
    corpus = _Corpus()
    for names in documents:
        corpus.add(names)
    corpus.merge()
    return apply_decisions(corpus.entities(), decisions)


def alias_index(entities: Iterable[Entity]) -> dict[str, str]:
    """Every alias and canonical name, case-folded, to its entity's canonical name.

    A name two entities go by ("Vargadunn" for two people) is left out: it says nothing.
    """
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entity in entities:
        for name in (entity.name, *(alias.name for alias in entity.aliases)):
            key = name.casefold()
            if index.setdefault(key, entity.name) != entity.name:
                ambiguous.add(key)
    for key in ambiguous:
        del index[key]
    return index


def canonical_name(index: dict[str, str], name: str) -> str | None:
    """The canonical name `name` stands for in `index` (titles, "the" and "'s" aside)."""
    candidates = [name.strip(), strip_leading_title(name.strip())[1]]
    for candidate in list(candidates):
        bare = candidate[4:] if candidate.lower().startswith("the ") else candidate
        candidates += [bare, bare.removesuffix("'s").removesuffix("’s")]
    for candidate in candidates:
        found = index.get(candidate.casefold())
        if found is not None:
            return found
    return None


# ---------------------------------------------------------------------------------- corpus


@dataclass(slots=True)
class _Node:
    surfaces: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)

    best: str = ""  # `surface`, computed once every mention is in

    @property
    def surface(self) -> str:
        """The name the node is compared by: a full name, not an acronym, the most used."""
        if not self.best:
            self.best = self._surface()
        return self.best

    def _surface(self) -> str:
        return max(
            sorted(self.surfaces),
            key=lambda s: (
                not is_acronym_text(s),
                person_name(s).full,
                self.surfaces[s],
                len(s),
            ),
        )

    @property
    def type(self) -> str:
        return max(sorted(self.types), key=lambda t: self.types[t]) if self.types else "person"


class _Corpus:
    def __init__(self) -> None:
        self.nodes: dict[str, _Node] = defaultdict(_Node)
        self.parent: dict[str, str] = {}
        self.evidence: dict[str, list[Alias]] = defaultdict(list)
        self.roles: dict[str, list[Role]] = defaultdict(list)
        self.defined: dict[str, list[str]] = defaultdict(list)  # acronym key -> name keys

    # union-find over name keys; the smaller key is the root, so results do not depend on order
    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(key, key) != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def add(self, names: DocumentNames) -> None:
        for mention, key in names.assigned:
            node = self.nodes[key]
            node.best = ""
            node.surfaces[mention.text] += 1
            node.types[mention.type] += 1
            node.mentions.append(mention)
        for key, alias in names.evidence:
            self._ensure(key, alias.name)
            self.evidence[key].append(alias)
        for first, second, alias in names.unions:
            self.union(first, second)
            self.evidence[second].append(alias)
        for acronym, key, _ in names.definitions:
            self.defined[acronym].append(key)
        for key, role in names.roles:
            self.roles[key].append(role)

    def _ensure(self, key: str, name: str) -> None:
        node = self.nodes[key]  # a defined name the mentions missed still gets a node
        if not node.surfaces:
            node.best = ""
            node.surfaces[name] += 0
            node.types["organisation"] += 0

    def merge(self) -> None:
        self._defined_acronyms()
        self._spelled_acronyms()
        self._person_variants()
        self._name_variants()
        self._surnames()
        self._lone_surnames()

    # -------------------------------------------------------------------------- acronyms

    def _defined_acronyms(self) -> None:
        for acronym, keys in sorted(self.defined.items()):
            names = sorted(set(keys))
            spelled = [k for k in names if matches_acronym(acronym, self.nodes[k].surface)]
            if any(
                self.find(a) != self.find(b)
                and same_name(self.nodes[a].surface, self.nodes[b].surface) == 0.0
                for a, b in combinations(spelled, 2)
            ):
                continue  # one acronym for two different names: each document keeps its own
            for key in names[1:]:
                self.union(names[0], key)
            if acronym in self.nodes:
                self.union(names[0], acronym)

    def _spelled_acronyms(self) -> None:
        spelled_by: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            surface = node.surface
            if node.type != "person" and " " in surface and not is_acronym_text(surface):
                for letters in _initial_variants(surface):
                    spelled_by[letters].add(key)
        for key, node in sorted(self.nodes.items()):
            surface = node.surface
            if not is_acronym_text(surface) or key in self.defined or not node.mentions:
                continue
            roots = {self.find(k) for k in spelled_by.get(acronym_key(surface), ())}
            if len(roots) == 1 and self.find(key) not in roots:
                self.union(key, roots.pop())
                first = node.mentions[0]
                self.evidence[key].append(_quoted(surface, "acronym", first))

    # -------------------------------------------------------------------- spelling variants

    def _person_variants(self) -> None:
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key, node in self.nodes.items():
            parts = person_name(node.surface)
            if node.type == "person" and parts.full:
                # typos are rarer in a first letter than anywhere else
                blocks[(parts.given[:3], parts.rest[:1])].append(key)
                if parts.last[:1] != parts.rest[:1]:
                    blocks[(parts.given[:3], parts.last[:1])].append(key)
        for block in blocks.values():
            for a, b in combinations(sorted(set(block)), 2):
                if self.find(a) == self.find(b):
                    continue
                score = same_person(self.nodes[a].surface, self.nodes[b].surface)
                if score > 0:
                    self._join_variant(a, b, score)

    def _name_variants(self) -> None:
        blocks: dict[str, list[str]] = defaultdict(list)
        for key, node in self.nodes.items():
            surface = node.surface
            if node.type != "person" and len(key) > 5 and not is_acronym_text(surface):
                blocks[word_initials(surface)].append(key)
        for block in blocks.values():
            for a, b in combinations(sorted(block), 2):
                if self.find(a) == self.find(b):
                    continue
                if self.nodes[a].type != self.nodes[b].type:
                    continue
                score = same_name(self.nodes[a].surface, self.nodes[b].surface)
                if score > 0:
                    self._join_variant(a, b, score)

    def _join_variant(self, a: str, b: str, score: float) -> None:
        self.union(a, b)
        for key in (a, b):
            node = self.nodes[key]
            if node.mentions:
                self.evidence[key].append(_quoted(node.surface, "variant", node.mentions[0], score))

    # ----------------------------------------------------------------------- lone surnames

    def _lone(self) -> list[str]:
        return sorted(
            key
            for key, node in self.nodes.items()
            if node.type == "person"
            and node.mentions
            and not person_name(node.surface).full
            and not is_acronym_text(node.surface)
        )

    def _surnames(self) -> None:
        """A surname alone joins the one person of the corpus it can be, spelled alike."""
        holders: dict[str, set[str]] = defaultdict(set)
        for key, node in self.nodes.items():
            if node.type == "person" and person_name(node.surface).full:
                for surname in surname_keys(node.surface):
                    holders[surname].add(key)
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for surname in holders:
            by_prefix[surname[:1]].append(surname)
        for key in self._lone():
            exact = {self.find(k) for k in holders.get(key, ())}
            if exact:
                if len(exact) == 1:
                    self._join_surname(key, exact.pop(), 1.0)
                continue
            best: dict[str, float] = {}
            for surname, score in close_spellings(key, by_prefix.get(key[:1], ())):
                if score >= VARIANT_THRESHOLD:
                    for holder in holders[surname]:
                        root = self.find(holder)
                        best[root] = max(best.get(root, 0.0), score)
            ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
            if ranked and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= MARGIN):
                self._join_surname(key, ranked[0][0], ranked[0][1])

    def _join_surname(self, key: str, root: str, score: float) -> None:
        if self.find(key) == root:
            return
        self.union(key, root)
        node = self.nodes[key]
        self.evidence[key].append(_quoted(node.surface, "surname", node.mentions[0], score))

    def _lone_surnames(self) -> None:
        """Two spellings of a surname alone are one person when each is the other's only match."""
        lone = [key for key in self._lone() if self.find(key) == key]
        by_prefix: dict[str, list[str]] = defaultdict(list)
        for key in lone:
            by_prefix[key[:1]].append(key)
        matches: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for block in by_prefix.values():
            for a in block:
                matches[a] += [(b, score) for b, score in close_spellings(a, block) if b != a]
        for a, found in sorted(matches.items()):
            if len(found) == 1 and len(matches[found[0][0]]) == 1 and a < found[0][0]:
                self._join_variant(a, found[0][0], found[0][1])

    # ---------------------------------------------------------------------------- results

    def entities(self) -> list[Entity]:
        clusters: dict[str, list[str]] = defaultdict(list)
        for key in self.nodes:
            clusters[self.find(key)].append(key)
        entities = [self._entity(sorted(keys)) for keys in clusters.values()]
        return [e for e in entities if e is not None]

    def _entity(self, keys: list[str]) -> Entity | None:
        nodes = [self.nodes[k] for k in keys]
        mentions = sorted((m for n in nodes for m in n.mentions), key=_mention_order)
        surfaces: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for node in nodes:
            surfaces.update(node.surfaces)
            types.update(node.types)
        if not surfaces:
            return None
        kind = max(sorted(types), key=lambda t: types[t])
        name = _canonical(surfaces, kind)
        evidence = sorted(
            (a for k in keys for a in self.evidence.get(k, ())),
            key=lambda a: (_EVIDENCE_RANK.get(a.evidence, 9), a.document or "", a.start or 0),
        )
        first = next((m for m in mentions if m.text == name), mentions[0] if mentions else None)
        aliases = [_quoted(name, "canonical", first) if first else Alias(name, "canonical")]
        named = {name}
        for alias in evidence:
            if alias.name not in named:
                named.add(alias.name)
                aliases.append(alias)
        by_key = {name_key(a.name): a for a in reversed(aliases)}
        for mention in mentions:
            if mention.text not in named:
                named.add(mention.text)
                same = by_key.get(name_key(mention.text))
                if same is not None and same.evidence != "canonical":
                    aliases.append(replace(same, name=mention.text))  # "US" as "U.S."
                    continue
                score = 1.0 if same else similarity(name_key(mention.text), name_key(name))
                aliases.append(_quoted(mention.text, "variant", mention, score))
        roles = _unique_roles(r for k in keys for r in self.roles.get(k, ()))
        return Entity(
            id=entity_id(kind, name),
            name=name,
            type=kind,
            aliases=tuple(aliases),
            roles=roles if kind == "person" else (),
            mentions=tuple(mentions),
        )


def _mention_order(mention: Mention) -> tuple[str, int, int]:
    return mention.document, mention.start, mention.end


def _quoted(name: str, evidence: str, mention: Mention, score: float = 1.0) -> Alias:
    return Alias(name, evidence, mention.text, mention.document, mention.start, mention.end, score)


def _canonical(surfaces: Counter[str], kind: str) -> str:
    """The fullest, most used name: a full name for a person, no acronym for the rest."""
    by_key: Counter[str] = Counter()
    for surface, count in surfaces.items():
        by_key[name_key(surface)] += count + 1

    def rank(surface: str) -> tuple[bool, int, int, int, str]:
        person = kind == "person"
        preferred = person_name(surface).full if person else not is_acronym_text(surface)
        titled = bool(strip_leading_title(surface)[0])
        return (
            preferred and not titled,
            by_key[name_key(surface)],
            surfaces[surface],
            len(surface),
            surface,
        )

    return max(surfaces, key=rank)


def _unique_roles(roles: Iterable[Role]) -> tuple[Role, ...]:
    seen: set[tuple[str, str | None]] = set()
    unique: list[Role] = []
    for role in sorted(roles, key=lambda r: (r.document, r.start)):
        key = (role.title.casefold(), role.when)
        if key not in seen:
            seen.add(key)
            unique.append(role)
    return tuple(unique)


def _initial_variants(name: str) -> set[str]:
    """Every acronym a name's initials can spell (joiners and hyphen parts optional)."""
    slots = initial_slots(name)
    optional = [i for i, (_, required) in enumerate(slots) if not required]
    if len(optional) > _MAX_OPTIONAL_INITIALS:
        optional = optional[:_MAX_OPTIONAL_INITIALS]
    variants: set[str] = set()
    for chosen in product((False, True), repeat=len(optional)):
        used = {index for index, use in zip(optional, chosen, strict=True) if use}
        letters = "".join(
            letter for i, (letter, required) in enumerate(slots) if required or i in used
        )
        if len(letters) >= 2:
            variants.add(letters)
    return variants
