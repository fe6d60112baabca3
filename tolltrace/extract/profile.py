"""Reading profiles: the word lists and patterns of one kind of text, as data files.

The core of extraction (numbers, the predicate that governs a count, attribution, time and
place) is code; which words name which harm is data. A profile is a TOML file with these
tables, each optional:

- `[transitive]`, `[intransitive]`, `[nominal]`, `[holders]`: category = [lemmas] (verbs whose
  object, resp. subject, is who it happened to; nouns and adjectives that are a category;
  nouns that name people by their state, "prisoners"; what a bare "toll" counts);
- `[complements]`: category = ["preposition noun", ...] ("into custody");
- `[words]`: named word sets the rules read (`not_people`, `person_nouns`, `accidents`...);
- `[prefilter]`: `violence` and `harm`, regular-expression stems a sentence needs to be parsed,
  beyond the words of the tables above (irregular forms, "life support");
- `[passes]`: `enabled`, the passes of the rules that only make sense for this kind of text
  ("road", "vigils", "murder-suicide").

The built-in profiles live beside this module (`core` always, then `human-rights` and
`local-news`); a user's profile is any other TOML file of the same shape, named by its path.
Several profiles merge in order: category tables by word (a later profile wins), word sets by
union.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tolltrace.errors import ProfileError

BUILTIN = Path(__file__).parent / "profiles"
CORE = "core"
# What `--profile` defaults to: every built-in profile, so that one run reads any report.
DEFAULT_PROFILES: tuple[str, ...] = ("human-rights", "local-news")
CATEGORY_TABLES = ("transitive", "intransitive", "nominal", "holders", "carriers")
# The word sets the rules read (`[words]`), by the names `lexicon` gives them in lower case.
WORD_SETS = (
    "natural_causes", "natural_attacks", "accidents", "crash_violence", "vehicles",
    "road_agents", "custody_words", "carriers", "placing", "intent", "fatal_event", "fatal",
    "nonfatal", "wounding", "assailants", "projectiles", "body_parts", "glancing", "loss",
    "not_people", "person_nouns", "organisation_words", "months", "raising", "instances",
    "unseen", "life_taking", "testifying",
)  # fmt: skip
TABLES = (*CATEGORY_TABLES, "complements", "words", "prefilter", "passes")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The merged tables of some profiles."""

    profiles: tuple[str, ...]
    digest: str  # of the profiles' names and bytes: part of the extractor's version
    categories: Mapping[str, Mapping[str, str]]  # table -> lemma -> category
    complements: Mapping[tuple[str, str], str]
    words: Mapping[str, frozenset[str]]
    violence_stems: tuple[str, ...]
    harm_stems: tuple[str, ...]
    passes: frozenset[str]

    def table(self, name: str) -> dict[str, str]:
        return dict(self.categories.get(name, {}))

    def word_set(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())


def builtin_profiles() -> list[str]:
    return sorted(p.stem for p in BUILTIN.glob("*.toml") if p.stem != CORE)


def profile_path(name: str) -> Path:
    """A built-in profile's file, or a user's profile by its path."""
    builtin = BUILTIN / f"{name}.toml"
    if builtin.is_file():
        return builtin
    path = Path(name)
    if path.suffix == ".toml" and path.is_file():
        return path
    known = ", ".join(builtin_profiles())
    raise ProfileError(f"no profile {name!r}: choose one of {known}, or give a .toml file's path")


@cache
def load_lexicon(profiles: tuple[str, ...] = DEFAULT_PROFILES) -> Lexicon:
    """The core profile merged with `profiles`, in that order."""
    names = (CORE, *(p for p in profiles if p != CORE))
    categories: dict[str, dict[str, str]] = {t: {} for t in CATEGORY_TABLES}
    complements: dict[tuple[str, str], str] = {}
    words: dict[str, set[str]] = {}
    violence: list[str] = []
    harm: list[str] = []
    passes: set[str] = set()
    digest = hashlib.sha256()
    for name in names:
        path = profile_path(name)
        try:
            raw = path.read_bytes()
            digest.update(name.encode("utf-8") + b"\0" + raw + b"\0")
            data = tomllib.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ProfileError(f"profile {path}: cannot be read ({error})") from error
        unknown = sorted(set(data) - set(TABLES)) + sorted(
            f"words.{key}" for key in set(_table(data, "words", path)) - set(WORD_SETS)
        )
        if unknown:  # a misspelt table or set would be read as nothing, silently
            raise ProfileError(
                f"profile {path}: unknown {', '.join(unknown)}; the tables are "
                f"{', '.join(TABLES)} and the word sets {', '.join(WORD_SETS)}"
            )
        for table in CATEGORY_TABLES:
            for category, lemmas in _table(data, table, path).items():
                categories[table].update(dict.fromkeys(_strings(lemmas, path), category))
        for category, phrases in _table(data, "complements", path).items():
            for phrase in _strings(phrases, path):
                preposition, _, noun = phrase.partition(" ")
                complements[(preposition, noun)] = category
        for key, values in _table(data, "words", path).items():
            words.setdefault(key, set()).update(_strings(values, path))
        prefilter = _table(data, "prefilter", path)
        violence += _strings(prefilter.get("violence", []), path)
        harm += _strings(prefilter.get("harm", []), path)
        passes.update(_strings(_table(data, "passes", path).get("enabled", []), path))
    generated = [_stem(w) for table in categories.values() for w in table]
    generated += [_stem(noun) for (_, noun) in complements]
    return Lexicon(
        profiles=names,
        digest=digest.hexdigest()[:8],
        categories=categories,
        complements=complements,
        words={key: frozenset(values) for key, values in words.items()},
        violence_stems=tuple(dict.fromkeys(violence)),
        harm_stems=tuple(dict.fromkeys([*violence, *harm, *generated])),
        passes=frozenset(passes),
    )


def _table(data: Mapping[str, Any], name: str, path: Path) -> Mapping[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ProfileError(f"profile {path}: [{name}] must be a table")
    return table


def _strings(values: Any, path: Path) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ProfileError(f"profile {path}: expected a list of strings, got {values!r}")
    return [v.lower() for v in values]


_SHORT = 5  # words shorter than this match only with a regular ending, not as a prefix


def _stem(word: str) -> str:
    """A regular expression for a lemma's inflected forms, as a prefix of a word: "execute"
    reads "executed", "executions"; a short word only with a regular ending ("die", "dies",
    "died", "flogged"), so that "nab" is no prefix of "nabob"."""
    parts = [re.escape(part) for part in word.split()]
    last = parts[-1]
    if len(word) >= _SHORT:
        parts[-1] = last[:-1] if last[-1:] in ("e", "y") else last
    else:
        # a short word doubles its last consonant before an ending: "flogged", "nabbed"
        parts[-1] = rf"{last}{re.escape(word[-1])}?(?:s|es|d|ed|ing|er|ers)?\b"
    return r"\s+".join(parts)


def stems_pattern(stems: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern of word-initial stems, longest first."""
    ordered = sorted(set(stems), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(ordered)})", re.IGNORECASE)
