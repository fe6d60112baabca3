"""How two names can be the same name: keys, person-name parts, acronyms, spelling variants.

Pure string rules, no corpus state:

- `name_key`: case, accents, apostrophes, hyphens and spaces aside ("Pour-Mohammadi" and
  "Pourmohammadi", "Varga Dunn" and "Vargadunn" share a key);
- `person_name`: the given name, the rest (surname with any middle names) and the last word;
  different given names are different people, whatever the surname;
- `matches_acronym`: an acronym spelled by a name's initials ("FCM" for "Free Coast
  Movement", "MEK" for "Mojahedin-e Khalq", "MoJ" for "Ministry of Justice");
- `similarity`: rapidfuzz's normalised indel similarity, for transliterations and typos.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

# Two spellings of one surname or word: "Raisi"/"Raisie" 0.91, "Khomeini"/"Khomenei" 0.88,
# while "Khamenei"/"Khomeini" (two people) are 0.75 and "Smith"/"Smyth" 0.80.
VARIANT_THRESHOLD = 0.85
# Below this many characters a word must be spelled the same: "Iran" and "Iraq" differ.
MIN_FUZZY_LENGTH = 5
# The best of several spellings must beat the next one by this much to be chosen.
MARGIN = 0.03

_JOINERS = frozenset({"of", "and", "for", "the", "de", "la", "du", "al", "el", "e", "in", "on"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, accents removed, straight apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(name: str) -> list[str]:
    """The words of a name as written, without a leading "the" or a trailing possessive."""
    words = [w.strip(".,;:'\"()[]") for w in name.translate(_QUOTES).split()]
    words = [w for w in words if w]
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return [w for w in words if w]


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The form two spellings of one name share: letters and digits only, folded."""
    return _NOT_ALNUM.sub("", fold(" ".join(name_words(name))))


def word_key(word: str) -> str:
    return _NOT_ALNUM.sub("", fold(word))


@dataclass(frozen=True, slots=True)
class PersonName:
    given: str  # key of the first word; "" for a one-word name (a surname alone)
    rest: str  # key of every word after the first: the surname with middle names
    last: str  # key of the last word
    middle: tuple[str, ...]  # keys of the words between the first and the last

    @property
    def full(self) -> bool:
        return bool(self.given)


@lru_cache(maxsize=200_000)
def person_name(name: str) -> PersonName:
    words = [w for w in name_words(name) if word_key(w) not in _SUFFIXES] or name_words(name)
    keys = [word_key(w) for w in words]
    keys = [k for k in keys if k] or [name_key(name)]
    if len(keys) == 1:
        return PersonName("", keys[0], keys[0], ())
    return PersonName(keys[0], "".join(keys[1:]), keys[-1], tuple(keys[1:-1]))


def surname_keys(name: str) -> set[str]:
    """Keys a partial reference to this full name can have: "Varga Dunn", "Dunn"? no: the
    words after the given name joined, and each shorter run of final words."""
    words = [word_key(w) for w in name_words(name)]
    words = [w for w in words if w and w not in _SUFFIXES]
    return {"".join(words[i:]) for i in range(1, len(words))}


def similarity(first: str, second: str) -> float:
    """0..1; equal keys are 1, short keys are either equal or 0."""
    if first == second:
        return 1.0
    if min(len(first), len(second)) < MIN_FUZZY_LENGTH:
        return 0.0
    return float(Indel.normalized_similarity(first, second))


def close_spellings(key: str, candidates: Sequence[str]) -> list[tuple[str, float]]:
    """The candidates at least `VARIANT_THRESHOLD` similar to `key` (rapidfuzz, in C)."""
    if len(key) < MIN_FUZZY_LENGTH or not candidates:
        return [(c, 1.0) for c in candidates if c == key]
    found = process.extract(
        key,
        candidates,
        scorer=Indel.normalized_similarity,
        score_cutoff=VARIANT_THRESHOLD,
        limit=None,
    )
    return [
        (c, float(score))
        for c, score, _ in found
        if min(len(c), len(key)) >= MIN_FUZZY_LENGTH or c == key
    ]


def word_initials(name: str) -> str:
    """The first letter of every word and hyphen part: the block of an organisation's name."""
    parts = re.split(r"[\s\-]+", " ".join(name_words(name)))
    return "".join(fold(p)[:1] for p in parts if p)


def given_compatible(first: str, second: str) -> bool:
    """Two given names of one person: equal, or a transliteration ("Mohammad"/"Mohammed")."""
    if first == second:
        return True
    return first[:1] == second[:1] and similarity(first, second) >= VARIANT_THRESHOLD


def same_person(first: str, second: str) -> float:
    """How surely two full names are one person (0 when the given names differ)."""
    a, b = person_name(first), person_name(second)
    if not (a.full and b.full) or not given_compatible(a.given, b.given):
        return 0.0
    if a.rest == b.rest:
        return 1.0 if a.given == b.given else similarity(a.given, b.given)
    if a.last == b.last and (set(a.middle) <= set(b.middle) or set(b.middle) <= set(a.middle)):
        return 0.95  # a middle name written or left out
    score = similarity(a.rest, b.rest)
    return score if score >= VARIANT_THRESHOLD else 0.0


def same_name(first: str, second: str) -> float:
    """How surely two names of organisations or places are one (word by word)."""
    a = [word_key(w) for w in re.split(r"[\s\-]+", " ".join(name_words(first)))]
    b = [word_key(w) for w in re.split(r"[\s\-]+", " ".join(name_words(second)))]
    a, b = [w for w in a if w], [w for w in b if w]
    if len(a) != len(b) or not a:
        return 0.0
    scores = [similarity(x, y) for x, y in zip(a, b, strict=True)]
    if min(scores) < VARIANT_THRESHOLD - 0.05:
        return 0.0
    whole = similarity("".join(a), "".join(b))
    return whole if whole >= VARIANT_THRESHOLD else 0.0


# -------------------------------------------------------------------------------- acronyms


def acronym_key(acronym: str) -> str:
    return "".join(c for c in acronym.upper() if c.isalnum())


@lru_cache(maxsize=200_000)
def is_acronym_text(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return " " not in name.strip() and capitals >= 2 and capitals * 2 >= len(letters)


def initial_slots(name: str) -> list[tuple[str, bool]]:
    # (initial, required): content words must give their initial, joiners and the later
    # parts of a hyphenated word may ("Mojahedin-e Khalq" -> M, e?, K).
    slots: list[tuple[str, bool]] = []
    for word in name_words(name):
        parts = [p for p in word.split("-") if p]
        for index, part in enumerate(parts):
            letter = fold(part)[:1].upper()
            if not letter.isalnum():
                continue
            optional = index > 0 or part.lower() in _JOINERS or not part[:1].isupper()
            slots.append((letter, not optional))
    return slots


@lru_cache(maxsize=100_000)
def matches_acronym(acronym: str, name: str) -> bool:
    """Whether `name`'s initials spell `acronym`, joiners and hyphen parts optional."""
    letters = acronym_key(acronym)
    slots = initial_slots(name)
    if not letters or len(letters) < 2 or not slots:
        return False
    # reachable[i]: positions in `letters` reachable after the first i slots
    reachable = {0}
    for letter, required in slots:
        following = {i + 1 for i in reachable if i < len(letters) and letters[i] == letter}
        reachable = following if required else following | reachable
        if not reachable:
            return False
    return len(letters) in reachable


def initials(name: str) -> str:
    """The initials of a name's content words ("Free Coast Movement" -> "FCM")."""
    return "".join(letter for letter, required in initial_slots(name) if required)
