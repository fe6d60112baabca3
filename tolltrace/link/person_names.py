"""Persons' names folded so that spellings of one name meet: accents, case, hyphens, and the
usual transliteration variants ("Mohammad", "Mohammed", "Muhammad" -> "muhammad").

The fold is deliberately small: it makes blocking and exact comparisons meet across
spellings; splink's string-similarity comparisons judge what the fold leaves apart.
"""

from __future__ import annotations

import re
import unicodedata

# Endings and inner spellings that transliterations of one name vary on, most specific first.
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^m[ou]h?a?m+[ae]d$", "muhammad"),  # Mohammad, Mohammed, Muhammad, Mohamed, Mhammad
        (r"^ah?m[ae]d$", "ahmad"),  # Ahmad, Ahmed, Amed
        (r"ou", "u"),  # Pourmohammadi / Purmohammadi
        (r"ee", "i"),
        (r"ph", "f"),
        (r"([a-z])\1", r"\1"),  # doubled letters: Hassan / Hasan
        (r"y$", "i"),  # Aleksey / Aleksei
        (r"(?:itch|ich)$", "ic"),  # Kerevich / Kerevic / Kerević (the accent is folded away)
        (r"of$", "ov"),  # Smirnoff / Smirnov (after the doubled letters)
    )
)
_PARTICLES = frozenset(("al", "el", "ul", "bin", "ibn", "van", "von", "de", "da", "di"))
_TITLES = frozenset(
    ("mr", "mrs", "ms", "miss", "dr", "jr", "sr", "ii", "iii", "officer", "deputy", "trooper",
     "sgt", "sergeant", "corporal", "cpl", "detective", "det", "lt", "lieutenant", "capt",
     "captain", "rev", "reverend", "pastor", "senior")
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def fold(text: str) -> str:
    """Lower case without accents; apostrophes gone ("O'Leary" -> "oleary")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"['’`]", "", plain)


def name_words(name: str) -> list[str]:
    """The words of a name, folded and respelt, hyphenated parts joined ("Pour-Mohammadi" ->
    "purmohamadi"), titles dropped."""
    words = []
    for word in _WORD.findall(fold(name)):
        if word in _TITLES:
            continue
        word = word.replace("-", "")
        for pattern, replacement in _SPELLINGS:
            word = pattern.sub(replacement, word)
        words.append(word)
    return words


def normalise_name(name: str) -> str:
    """The name as one folded string, words in their written order."""
    return " ".join(name_words(name))


def first_and_last(name: str) -> tuple[str | None, str | None]:
    """The given name and the surname of a normalised name (a particle stays with the
    surname: "al hassan"); one word is a surname."""
    words = name_words(name)
    if not words:
        return None, None
    if len(words) == 1:
        return None, words[0]
    last = words[-1]
    if len(words) > 2 and words[-2] in _PARTICLES:
        last = words[-2] + words[-1]
    return words[0], last
