"""What one document says about its names: definitions, partial names, titles and offices.

Each document is read on its own (a pure function, so it can run in any worker):

- a definition, "Free Coast Movement (FCM)" or "(FCM/MLC)", makes the acronyms names of the
  defined organisation in this document, and is recorded for the corpus (two names defined
  with one acronym are one entity, unless both are spelled by it);
- "FCM/MLC" outside parentheses, and "X, also known as Y", make two names one;
- a surname alone ("Varga Dunn", "Vargadunn") is the one person named in full with that
  surname in this document; with two such persons it is left unresolved;
- a title before a name ("Judge Orsolya Varga-Dunn") is an alias with title evidence, and
  every office around a person's name is a role.

Names are keyed by `aliases.name_key`; the corpus stage merges keys across documents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from tolltrace.link.aliases import (
    is_acronym_text,
    name_key,
    person_name,
    same_person,
    surname_keys,
)
from tolltrace.link.roles import find_roles
from tolltrace.model import Alias, Mention, Role
from tolltrace.nlp.mentions import definition_at
from tolltrace.nlp.titles import title_before

_ALSO_KNOWN = re.compile(
    r"\s*,?\s*\(?\s*(?:(?:also|better|otherwise|formerly|widely)\s+)?"
    r"(?:known\s+as|called|a\.?k\.?a\.?)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PAREN_WINDOW = 80


@dataclass(slots=True)
class DocumentNames:
    """One document's names, each under the key of the entity it names here."""

    document: str
    assigned: list[tuple[Mention, str]] = field(default_factory=list)
    evidence: list[tuple[str, Alias]] = field(default_factory=list)  # key -> alias evidence
    unions: list[tuple[str, str, Alias]] = field(default_factory=list)  # keys said to be one
    definitions: list[tuple[str, str, Alias]] = field(default_factory=list)  # acronym, name key
    roles: list[tuple[str, Role]] = field(default_factory=list)
    unresolved: list[Mention] = field(default_factory=list)  # partial names of several people


def read_document(
    doc_id: str, text: str, mentions: Sequence[Mention], published: str | None = None
) -> DocumentNames:
    names = DocumentNames(doc_id)
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    defined = _definitions(doc_id, text, mentions, names)
    full_names = _full_names(mentions)
    for mention in mentions:
        key = defined.get(mention.text) or name_key(mention.text)
        if not key:
            continue
        if mention.text not in defined and mention.type != "place":
            resolved = _partial_name(mention, key, full_names)
            if resolved is None:
                names.unresolved.append(mention)
                continue
            if resolved != key:
                names.evidence.append((resolved, _quoted(mention.text, "surname", mention)))
                key = resolved
                mention = replace(mention, type="person")  # a person's partial name
        titled = mention.type != "place" and title_before(text, mention.start) is not None
        if titled and not is_acronym_text(mention.text):
            mention = replace(mention, type="person")  # "Sheriff Lena Korr": a person
        names.assigned.append((mention, key))
        if mention.type == "person":
            _titles_and_roles(text, mention, key, published, names)
    _joined_names(text, names)
    return names


def _quoted(name: str, evidence: str, mention: Mention, score: float = 1.0) -> Alias:
    return Alias(name, evidence, mention.text, mention.document, mention.start, mention.end, score)


# ------------------------------------------------------------------------------ definitions


def _definitions(
    doc_id: str, text: str, mentions: Sequence[Mention], names: DocumentNames
) -> dict[str, str]:
    """Acronym -> the key of the name it is defined for in this document (the first one)."""
    ends = {m.end: (m.start, m.type) for m in mentions if not is_acronym_text(m.text)}
    defined: dict[str, str] = {}
    seen: set[int] = set()
    for mention in mentions:
        if not is_acronym_text(mention.text):
            continue
        opening = text.rfind("(", max(0, mention.start - _PAREN_WINDOW), mention.start)
        closing = text.find(")", mention.end, mention.end + _PAREN_WINDOW)
        if opening < 0 or closing < 0 or opening in seen or ")" in text[opening : mention.start]:
            continue
        definition = definition_at(text, opening, closing + 1, ends)
        if definition is None:
            continue
        seen.add(opening)
        (start, end, _), parts = definition
        long_name, quote = text[start:end], text[start : closing + 1]
        long_key = name_key(long_name)
        names.evidence.append(
            (long_key, Alias(long_name, "definition", quote, doc_id, start, closing + 1))
        )
        for part_start, part_end in parts:
            acronym = text[part_start:part_end]
            alias = Alias(acronym, "definition", quote, doc_id, start, closing + 1)
            names.evidence.append((long_key, alias))
            names.definitions.append((name_key(acronym), long_key, alias))
            defined.setdefault(acronym, long_key)
    return defined


def _joined_names(text: str, names: DocumentNames) -> None:
    """ "FCM/MLC" and "X, also known as Y" outside a definition: two keys for one entity."""
    assigned = names.assigned
    for (first, first_key), (second, second_key) in pairwise(assigned):
        if first_key == second_key:
            continue
        between = text[first.end : second.start]
        slash = between == "/" and is_acronym_text(first.text) and is_acronym_text(second.text)
        if slash or (len(between) < 40 and _ALSO_KNOWN.fullmatch(between)):
            if first.type == "person" or second.type == "person":
                continue
            quote = text[first.start : second.end]
            alias = Alias(second.text, "definition", quote, first.document, first.start, second.end)
            names.unions.append((first_key, second_key, alias))


# ---------------------------------------------------------------------------- partial names


def _full_names(mentions: Sequence[Mention]) -> dict[str, str]:
    """Partial-name key -> the key of the one full person name it can stand for here.

    Surnames ("Vargadunn" for "Orsolya Varga-Dunn") come first; a given name alone ("Orsolya")
    stands for its full name when no surname is spelled the same. "" marks a partial name
    shared by two different people.
    """
    surnames: dict[str, str] = {}
    given: dict[str, str] = {}
    people: dict[str, str] = {}  # a full name -> the first name here of the same person
    full = [m for m in mentions if m.type == "person" and person_name(m.text).full]
    # "Varga Dunn" looks like a full name but is the surname of "Orsolya Varga-Dunn"
    partial = {key for m in full for key in surname_keys(m.text)}
    for mention in full:
        parts = person_name(mention.text)
        if name_key(mention.text) in partial:
            continue
        key = people.get(mention.text) or next(
            (k for n, k in people.items() if same_person(n, mention.text) > 0),
            name_key(mention.text),
        )
        people[mention.text] = key
        for surname in surname_keys(mention.text):
            surnames[surname] = key if surnames.get(surname, key) == key else ""
        given[parts.given] = key if given.get(parts.given, key) == key else ""
    return given | surnames


def _partial_name(mention: Mention, key: str, full_names: dict[str, str]) -> str | None:
    """The full name a partial name stands for here; its own key when it is not partial;
    None when two people here share it."""
    if key not in full_names or key in full_names.values():
        return key
    if mention.type != "person" and len(mention.text.split()) > 1:
        return key
    return full_names[key] or None


def _titles_and_roles(
    text: str, mention: Mention, key: str, published: str | None, names: DocumentNames
) -> None:
    title = title_before(text, mention.start)
    if title is not None:
        titled = text[title.start : mention.end]
        names.evidence.append(
            (key, Alias(titled, "title", titled, mention.document, title.start, mention.end))
        )
    for role in find_roles(mention.document, text, mention.start, mention.end, published):
        names.roles.append((key, role))
