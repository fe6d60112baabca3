"""The words that name what happened to people, by claim category, as spaCy lemmatises them.

A category comes from the word that governs a count (its predicate, its head noun, or the noun
a "toll" or "number" is of), never from a keyword elsewhere in the sentence: see claims.py.

The words are data: the reading profiles in `profiles/*.toml` (`profile.py`). This module holds
the merged tables of the profiles in use, under the names the rules read; `use(profiles)`
switches them (the extract stage does, from `ExtractOptions.profiles`). The default is every
built-in profile.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tolltrace.extract.profile import (
    DEFAULT_PROFILES,
    WORD_SETS,
    Lexicon,
    load_lexicon,
    stems_pattern,
)

# The provisional category of a person shot, stabbed or wounded: injured in a document that
# reports no death, generic victims in one that does (the dead were shot too).
WOUNDED = "wounded?"

# Verbs whose grammatical object (or passive subject) is who it happened to.
TRANSITIVE: dict[str, str] = {}
# Verbs whose subject is who it happened to (or who did it, for the protest verbs).
INTRANSITIVE: dict[str, str] = {}
# Nouns and adjectives that are themselves a category: "1,500 deaths", "the massacre of ...".
NOMINAL: dict[str, str] = {}
# Nouns a counted noun may be named by without stating what happened ("political prisoners"):
# the fallback category when no predicate gives one.
HOLDERS: dict[str, str] = {}
# A toll or number whose words say nothing of what it counts: "the toll rose to 40".
CARRIER_DEFAULTS: dict[str, str] = {}
# Prepositional complements that make a neutral verb a category: "taken into custody".
COMPLEMENTS: dict[tuple[str, str], str] = {}

# Word sets (see the profiles for what each holds and why).
NATURAL_CAUSES: frozenset[str] = frozenset()
NATURAL_ATTACKS: frozenset[str] = frozenset()
ACCIDENTS: frozenset[str] = frozenset()
CRASH_VIOLENCE: frozenset[str] = frozenset()
VEHICLES: frozenset[str] = frozenset()
ROAD_AGENTS: frozenset[str] = frozenset()
CUSTODY_WORDS: frozenset[str] = frozenset()
CARRIERS: frozenset[str] = frozenset()
PLACING: frozenset[str] = frozenset()
INTENT: frozenset[str] = frozenset()
FATAL_EVENT: frozenset[str] = frozenset()
FATAL: frozenset[str] = frozenset()
NONFATAL: frozenset[str] = frozenset()
WOUNDING: frozenset[str] = frozenset()
ASSAILANTS: frozenset[str] = frozenset()
PROJECTILES: frozenset[str] = frozenset()
BODY_PARTS: frozenset[str] = frozenset()
GLANCING: frozenset[str] = frozenset()
LOSS: frozenset[str] = frozenset()
NOT_PEOPLE: frozenset[str] = frozenset()
PERSON_NOUNS: frozenset[str] = frozenset()
ORGANISATION_WORDS: frozenset[str] = frozenset()
MONTHS: frozenset[str] = frozenset()
RAISING: frozenset[str] = frozenset()
INSTANCES: frozenset[str] = frozenset()
UNSEEN: frozenset[str] = frozenset()
LIFE_TAKING: frozenset[str] = frozenset()
TESTIFYING: frozenset[str] = frozenset()

# The passes of the rules that only some profiles enable ("road", "vigils", "murder-suicide").
PASSES: frozenset[str] = frozenset()
# What a sentence needs besides a number to be parsed (nlp.sentences reads them).
VIOLENCE_PATTERN: re.Pattern[str] = re.compile(r"(?!)")
HARM_PATTERN: re.Pattern[str] = re.compile(r"(?!)")

ACTIVE: Lexicon | None = None

_SETS = tuple(name.upper() for name in WORD_SETS)


def use(profiles: Sequence[str] = DEFAULT_PROFILES) -> Lexicon:
    """Make the tables of `profiles` (with the core) the ones the rules read."""
    global ACTIVE, TRANSITIVE, INTRANSITIVE, NOMINAL, HOLDERS, COMPLEMENTS, PASSES
    global CARRIER_DEFAULTS
    global VIOLENCE_PATTERN, HARM_PATTERN
    lexicon = load_lexicon(tuple(profiles))
    if ACTIVE is lexicon:
        return lexicon
    TRANSITIVE = lexicon.table("transitive")
    INTRANSITIVE = lexicon.table("intransitive")
    NOMINAL = lexicon.table("nominal")
    HOLDERS = lexicon.table("holders")
    CARRIER_DEFAULTS = lexicon.table("carriers")
    COMPLEMENTS = dict(lexicon.complements)
    for name in _SETS:
        globals()[name] = lexicon.word_set(name.lower())
    PASSES = lexicon.passes
    VIOLENCE_PATTERN = stems_pattern(lexicon.violence_stems)
    HARM_PATTERN = stems_pattern(lexicon.harm_stems)
    ACTIVE = lexicon
    return lexicon


use()
