"""Primary sources and independent-source counts.

Several outlets repeating one organisation's figure are one source, not many. For each claim:

- **outlet**: the publishing document's outlet (`SourceDocument.outlet`; `outlet_name` makes
  one from a site name or the host of the uri).
- **primary source**: who the text says reports the figure (`Claim.attributed_to`, cleaned:
  no article or possessive, no title such as "Mr", no trailing appositive ", a Sarenna-based
  group", no "data"/"report" after the name, the proper name out of "rights group VHRM"),
  else the outlet itself (the outlet's own voice). Pronouns ("he", "they") name nobody, so
  the figure is the outlet's; unnamed people ("witnesses", "residents") are the outlet's own
  sourcing and stay separate per outlet ("Coast Gazette: residents").
- **one source, many names**: within an event, the names of sources are grouped when they
  have the same `source_key`, when one is the acronym of another ("VHRM" = "Valdorian Human
  Rights Monitor", also from a definition "Popular Renewal Front (PRF)"), when they are
  spelling variants (similarity >= 92 on the keys of names of 8 characters or more), or when
  a one-word name is the last word of exactly one longer name ("the Monitor", "ministry").
  The user's affiliation table then merges groups (an outlet run by an organisation counts as
  that organisation). A group is named by its most frequent multi-word name.
- **relay**: an outlet whose figure comes from another primary source.

`source_support` counts, for each distinct figure (same interval and qualifier) of a finding,
the independent primary sources that state it and the outlets that relay them. Negated
figures support nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from tolltrace.model import Claim, Figure, Finding, SourceSupport
from tolltrace.reconcile.affiliations import Affiliations, source_key

__all__ = [
    "SourceDocument",
    "SourceResolver",
    "clean_attribution",
    "figure_words",
    "independent_source_count",
    "outlet_name",
    "resolver_for",
    "source_support",
]


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """What reconciliation needs to know about a document: where and when it was published."""

    id: str
    uri: str
    outlet: str  # site name, or the host of the uri
    published: str | None = None  # ISO 8601 at the precision known
    title: str | None = None


def outlet_name(uri: str, site: str | None = None) -> str:
    """The outlet of a document: its site name, else the host of a URL, else the file name."""
    if site and site.strip():
        return site.strip()
    parts = urlsplit(uri)
    if parts.netloc:
        host = parts.hostname or parts.netloc
        return host[4:] if host.startswith("www.") else host
    name = re.split(r"[\\/]", uri.rstrip("/\\"))[-1]
    return name.split(".", 1)[0] or uri


_PRONOUNS = frozenset(
    (
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "one",
        "someone", "somebody", "who", "which", "this", "that",
    )
)  # fmt: skip
# Unnamed people: the outlet's own sourcing, not one source across outlets.
_UNNAMED = frozenset(
    (
        "witness", "witnesses", "eyewitness", "eyewitnesses", "resident", "residents", "local",
        "locals", "source", "sources", "activist", "activists", "people", "person", "relative",
        "relatives", "family", "families", "neighbour", "neighbours", "neighbor", "neighbors",
        "survivor", "survivors", "observer", "observers", "report", "reports", "media",
        "reporter", "reporters", "journalist", "journalists", "friend", "friends", "man",
        "woman", "men", "women", "official", "officials",
    )
)  # fmt: skip
_LEADING_WORDS = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their|our|this|that|these|those|only|one|some|several)\s+)+",
    re.IGNORECASE,
)
_TITLES = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|madam)\.?\s+)+", re.IGNORECASE)
_TRAILING_NOUNS = re.compile(
    r"(?:['’]s)?\s+(?:data|figures?|reports?|statements?|counts?|tally|tallies|estimates?"
    r"|records?|lists?|numbers?|findings?|documentation|database)$",
    re.IGNORECASE,
)
_DEFINITION = re.compile(r"\s*\((?P<short>[^()]{1,40})\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_NAME_WORD = re.compile(r"^[A-Z0-9][\w'’&.-]*$")
_INITIAL_SKIP = frozenset(("of", "the", "and", "for", "on", "in", "de", "&", "at"))
_PREPOSITIONS = frozenset(
    ("of", "at", "from", "for", "with", "to", "in", "on", "by", "about", "near", "against")
)
_MEMBER_OF = frozenset(("of", "at", "from", "for", "with", "by"))  # "an official of the ministry"
_FUZZY_MIN = 92.0
_FUZZY_LENGTH = 8


@dataclass(frozen=True, slots=True)
class CleanName:
    name: str  # the name to show and to match
    aliases: tuple[str, ...] = ()  # short forms a definition gives: "(PRF/FPR)"
    unnamed: bool = False  # unnamed people ("witnesses"): the outlet's own sourcing


def clean_attribution(attributed_to: str | None) -> CleanName | None:
    """The name of the source an attribution states, or None when it names nobody."""
    if attributed_to is None:
        return None
    text = " ".join(attributed_to.replace("’", "'").split()).strip(" ,;:-\"'“”")
    aliases: list[str] = []
    definition = _DEFINITION.search(text)
    if definition is not None:
        aliases = [a.strip() for a in re.split(r"[/,;]", definition["short"]) if a.strip()]
        text = (text[: definition.start()] + text[definition.end() :]).strip()
    head, _, tail = text.partition(",")
    tail = tail.strip()
    described = _proper_tail(_LEADING_WORDS.sub("", head).split())
    # "its spokeswoman, Lidia Pravenko": the name after the description; "X, a Sarenna-based
    # group": the name without its appositive.
    named_after = bool(tail) and bool(_NAME_WORD.match(tail.split()[0])) and not described
    text = tail if named_after else head.strip()
    text = _LEADING_WORDS.sub("", text)
    text = _TITLES.sub("", text)
    text = _TRAILING_NOUNS.sub("", text).strip()
    words = text.split()
    if not words or (len(words) == 1 and words[0].lower() in _PRONOUNS):
        return None
    proper = _proper_tail(words)
    if proper and _describes(words[: len(words) - len(proper)]):
        text = " ".join(proper)
    # Unnamed people: no capital but a sentence-initial one ("Residents", "local activists").
    unnamed = words[-1].lower() in _UNNAMED and not any(_NAME_WORD.match(w) for w in words[1:])
    return CleanName(text, tuple(aliases), unnamed)


def _proper_tail(words: list[str]) -> list[str]:
    """The capitalised name that ends a description: "rights group VHRM" -> ["VHRM"]."""
    tail: list[str] = []
    for word in reversed(words):
        if _NAME_WORD.match(word) or (tail and word.lower() in _INITIAL_SKIP):
            tail.insert(0, word)
        else:
            break
    while tail and tail[0].lower() in _INITIAL_SKIP:
        tail.pop(0)
    if not tail or len(tail) == len(words):
        return [] if len(tail) != len(words) else words
    return tail


def _describes(description: list[str]) -> bool:
    """True when the words before a name describe it or its member ("rights group", "an
    official of the"), not a relation to it ("an advisor to the regime's")."""
    words = [word.lower() for word in description]
    while words and words[-1] in ("the", "a", "an"):
        words.pop()
    if any(word.endswith(("'s", "’s")) for word in words):
        return False
    prepositions = [i for i, word in enumerate(words) if word in _PREPOSITIONS]
    if not prepositions:
        return True
    return prepositions == [len(words) - 1] and words[-1] in _MEMBER_OF


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words).upper()


class SourceResolver:
    """Groups the source names of one event and maps each figure to its primary source."""

    def __init__(self, names: Iterable[CleanName | str], affiliations: Affiliations) -> None:
        self._affiliations = affiliations
        self._parent: dict[str, str] = {}
        self._count: Counter[str] = Counter()
        self._shown: dict[str, str] = {}  # key -> a name as written
        for item in names:
            name = CleanName(item) if isinstance(item, str) else item
            key = self._add(name.name)
            for alias in name.aliases:
                self._union(self._add(alias, counted=False), key)
        self._group_names()

    def _add(self, name: str, counted: bool = True) -> str:
        key = source_key(name)
        if key not in self._parent:
            self._parent[key] = key
            self._shown[key] = name
        if counted:
            self._count[key] += 1
        return key

    def _root(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, first: str, second: str) -> None:
        a, b = self._root(first), self._root(second)
        if a != b:
            self._parent[a] = b

    def _group_names(self) -> None:
        keys = [key for key in self._parent if key]
        names = {key: self._shown[key] for key in keys}
        for key in keys:  # acronyms
            if _ACRONYM.match(names[key]):
                for other in keys:
                    if other != key and _initials(names[other]) == names[key].upper():
                        self._union(key, other)
        long_keys = [k for k in keys if len(k) >= _FUZZY_LENGTH]
        for index, key in enumerate(long_keys):  # spelling variants
            for other in long_keys[index + 1 :]:
                if fuzz.ratio(key, other) >= _FUZZY_MIN:
                    self._union(key, other)
        for key in keys:  # "the Monitor" -> the one longer name ending in Monitor
            if " " in key:
                continue
            groups = {self._root(o) for o in keys if " " in o and o.rsplit(" ", 1)[1] == key}
            if len(groups) == 1:
                self._union(key, groups.pop())
        affiliated: dict[str, str] = {}  # affiliation group -> a root
        for key in keys:
            group = self._affiliations.group(names[key])
            if group is None:
                continue
            if group in affiliated:
                self._union(key, affiliated[group])
            affiliated[group] = self._root(key)
        members: dict[str, list[str]] = {}
        for key in keys:
            members.setdefault(self._root(key), []).append(key)
        self._display: dict[str, str] = {}
        for root, group_keys in members.items():
            self._display[root] = self._best_name(group_keys)

    def _best_name(self, keys: list[str]) -> str:
        for key in keys:
            group = self._affiliations.group(self._shown[key])
            if group is not None:
                return group
        best = max(keys, key=lambda k: (" " in k, self._count[k], len(k), k))
        return self._shown[best]

    def name(self, name: str) -> str:
        """The primary-source name of a source name (itself when it is unknown)."""
        key = source_key(name)
        if key in self._parent:
            return self._display[self._root(key)]
        return self._affiliations.canonical(name)

    def primary_source(self, claim: Claim, outlet: str) -> str:
        """Who a figure comes from first: its cleaned attribution, else its outlet."""
        cleaned = clean_attribution(claim.attributed_to)
        if cleaned is None:
            return self.name(outlet)
        if cleaned.unnamed:
            return f"{self.name(outlet)}: {cleaned.name}"
        return self.name(cleaned.name)


def resolver_for(
    claims: Sequence[Claim], outlets: Mapping[str, str], affiliations: Affiliations
) -> SourceResolver:
    """A resolver over every source name of these claims and their outlets (document -> outlet)."""
    names: list[CleanName | str] = [outlets.get(c.document, "") for c in claims]
    for claim in claims:
        cleaned = clean_attribution(claim.attributed_to)
        if cleaned is not None and not cleaned.unnamed:
            names.append(cleaned)
    return SourceResolver([n for n in names if n], affiliations)


def figure_words(low: int | None, high: int | None, qualifier: str) -> str:
    """A figure in words: "at least 40", "more than 1,500", "about 30,000", "200–300"."""

    def number(value: int | None) -> str:
        return "?" if value is None else f"{value:,}"

    if qualifier == "at_least":
        return f"at least {number(low)}"
    if qualifier == "more_than":
        return f"more than {number(low)}"
    if qualifier == "at_most":
        return f"at most {number(high)}"
    if qualifier == "less_than":
        return f"fewer than {number(high)}"
    if qualifier == "approximately":
        return f"about {number(low if low is not None else high)}"
    if qualifier == "vague":
        return f"{number(low)} or more (vague)" if high is None else f"{number(low)}–{number(high)}"
    if low is not None and low == high:
        return number(low)
    return f"{number(low)}–{number(high)}"


def source_support(
    figures: Sequence[Figure], outlet_source: Callable[[str], str] | None = None
) -> tuple[SourceSupport, ...]:
    """For each distinct figure (interval and qualifier), its independent sources and relays.

    Figures are taken in the order given (the timeline), so the first figure stated comes
    first; negated figures support nothing. `outlet_source` maps an outlet to the source it
    counts as (`SourceResolver.name`; default: the outlet itself): an outlet is a relay of a
    figure when that source is not the figure's primary source.
    """
    as_source = outlet_source or (lambda outlet: outlet)
    order: list[tuple[int | None, int | None, str]] = []
    sources: dict[tuple[int | None, int | None, str], list[str]] = {}
    relays: dict[tuple[int | None, int | None, str], list[str]] = {}
    for figure in figures:
        if figure.negated:
            continue
        key = (figure.low, figure.high, figure.qualifier)
        if key not in sources:
            order.append(key)
            sources[key], relays[key] = [], []
        if figure.primary_source not in sources[key]:
            sources[key].append(figure.primary_source)
        outlet = as_source(figure.outlet)
        if outlet != figure.primary_source and outlet not in relays[key]:
            relays[key].append(outlet)
    return tuple(
        SourceSupport(
            figure=figure_words(*key),
            low=key[0],
            high=key[1],
            sources=tuple(sources[key]),
            relays=tuple(r for r in relays[key] if r not in sources[key]),
        )
        for key in order
    )


def independent_source_count(finding: Finding) -> int:
    """How many independent primary sources state any figure of a finding."""
    return len({source for support in finding.support for source in support.sources})
