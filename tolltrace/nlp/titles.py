"""Titles, honorifics and offices as English writes them before a person's name.

A title is not part of a name ("Mrs. Maryam Rajavi" is Maryam Rajavi) but it is evidence
that the name is a person's, and an office ("then-Minister of Justice", "Supreme Leader") is
a role. This module only reads words: no spaCy, so the link stage can use it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# Forms of address and clerical ranks: evidence of a person, not an office.
HONORIFICS = _words(
    """mr mrs ms miss mx dr prof sir dame lord lady rev reverend fr father ayatollah
    ayatullah hojatoleslam hojjatoleslam hojatolislam hojjat-ol-eslam mullah mollah sheikh
    shaikh sayyid seyyed sayed imam rabbi pastor bishop archbishop cardinal pope saint st
    grand-ayatollah"""
)
# Offices and positions: the head word of a role.
ROLE_HEADS = _words(
    """president president-elect vice-president minister premier chancellor leader judge
    justice prosecutor attorney governor mayor senator sen rep representative congressman
    congresswoman lawmaker legislator secretary secretary-general director head chief
    chairman chairwoman chairperson chair commander commander-in-chief general gen colonel
    col lieutenant lt captain capt major maj sergeant sgt corporal cpl officer detective det
    trooper sheriff deputy inspector superintendent commissioner ambassador envoy rapporteur
    spokesman spokeswoman spokesperson member founder co-founder adviser advisor counselor
    official king queen prince princess emir sultan shah ceo coordinator warden speaker mp
    councilman councilwoman councillor councilor dean coroner examiner administrator agent
    trustee interrogator executioner clerk magistrate ruler monarch"""
)
# Words that qualify an office before its head ("then-", "deputy", "Supreme").
MODIFIERS = _words(
    """then former ex late acting interim current incumbent deputy vice assistant associate
    senior supreme grand prime foreign interior district state county federal police army
    military executive managing first high regional provincial national special elect
    co chief general principal public"""
)
# Words that join an office to what it is over ("Minister of Justice").
CONNECTORS = frozenset({"of", "the", "for", "and", "to", "on", "at"})
# Prefixes of an office that say when it was held, relative to the text.
THEN_WORDS = frozenset({"then"})
NOW_WORDS = frozenset({"current", "incumbent", "now", "sitting"})
DROPPED_WORDS = frozenset({"then", "current", "incumbent", "now", "sitting", "late"})

_TOKEN = re.compile(r"[^\W_][\w.'’\-]*")
_WINDOW = 160
_MAX_TITLE_TOKENS = 12


@dataclass(frozen=True, slots=True)
class Title:
    """The title words before a name: `start`/`end` are offsets into the text."""

    start: int
    end: int
    text: str
    office: bool  # names an office (a role), not only a form of address


def word_kind(word: str) -> str:
    """'honorific', 'head', 'modifier', 'connector' or '' for any other word."""
    lower = word.lower().rstrip(".").replace("’", "'")
    if lower in HONORIFICS:
        return "honorific"
    if lower in ROLE_HEADS or (lower.endswith("s") and lower[:-1] in ROLE_HEADS):
        return "head"  # "Officers Lena Korr and ..." too
    if lower in CONNECTORS:
        return "connector"
    if lower in MODIFIERS:
        return "modifier"
    parts = [part for part in lower.split("-") if part]
    if len(parts) > 1 and all(p in MODIFIERS or p in ROLE_HEADS or p in HONORIFICS for p in parts):
        return "head" if any(p in ROLE_HEADS for p in parts) else "modifier"
    return ""


def is_title_word(word: str) -> bool:
    """A word that can only be part of a title before a name, never of the name itself."""
    return word_kind(word) in ("honorific", "head", "modifier")


def title_before(text: str, start: int) -> Title | None:
    """The title phrase that ends right before offset `start` (a name), if there is one.

    Walks back over title words; capitalised or numbered words are accepted only after an
    office and a connector ("Minister of Justice", "head of Branch 41 of the Supreme Court").
    """
    low = max(0, start - _WINDOW)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, low, start)]
    chosen: list[tuple[int, int]] = []
    position = start
    for token_start, token_end in reversed(tokens):
        gap = text[token_end:position]
        if gap.strip() or "\n" in gap or (position == start and not gap):
            break
        word = text[token_start:token_end]
        kind = word_kind(word)
        if not kind and not (word[0].isupper() or word[0].isdigit()):
            break
        if kind == "" and any(word_kind(text[s:e]) in ("head", "honorific") for s, e in chosen):
            break  # a capitalised word before the office is a name or a place, not the title
        if word.endswith(("'s", "’s")):
            break
        chosen.append((token_start, token_end))
        position = token_start
        if len(chosen) >= _MAX_TITLE_TOKENS:
            break
    return _valid_title(text, list(reversed(chosen)))


def _valid_title(text: str, tokens: list[tuple[int, int]]) -> Title | None:
    # The phrase must open with a title word and every capitalised non-title word must come
    # after an office and a connector.
    while tokens and word_kind(text[tokens[0][0] : tokens[0][1]]) in ("", "connector"):
        tokens.pop(0)
    if not tokens:
        return None
    kinds = [word_kind(text[s:e]) for s, e in tokens]
    if "head" not in kinds and "honorific" not in kinds:
        return None
    seen_head = seen_connector = False
    for kind in kinds:
        if kind in ("head", "honorific"):
            seen_head = True
        elif kind == "connector" and seen_head:
            seen_connector = True
        elif kind == "" and not (seen_head and seen_connector):
            return None
    if kinds[-1] == "connector":
        return None  # "adviser to the Arvenian regime": a title ends right before the name
    first, last = tokens[0][0], tokens[-1][1]
    return Title(first, last, text[first:last], office="head" in kinds)


def strip_leading_title(name: str) -> tuple[str, str]:
    """Split `name` into (title words, the name itself): "Supreme Leader Ali Khamenei"."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and (is_title_word(words[cut]) or _joins_portfolio(words, cut)):
        cut += 1
    if cut == 0 or not any(word_kind(word) in ("head", "honorific") for word in words[:cut]):
        return "", name
    rest = name
    for word in words[:cut]:
        rest = rest[rest.index(word) + len(word) :]
    return name[: len(name) - len(rest)].strip(), rest.strip()


def _joins_portfolio(words: list[str], index: int) -> bool:
    # "of Justice" after an office belongs to the title when a two-word name still follows.
    word = words[index].lower()
    if word in ("of", "for") and index > 0 and is_title_word(words[index - 1]):
        return index + 3 < len(words) and words[index + 1][:1].isupper()
    if index > 0 and words[index - 1].lower() in ("of", "for"):
        return index + 2 < len(words) and words[index][:1].isupper()
    return False
