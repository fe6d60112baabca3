"""One person's outcome across a document: hurt at first, dead by the end of the report.

Local news writes a shooting as it unfolds: "He was taken to Kerevo General in critical
condition" and, paragraphs later or in the headline, "Arven died on Monday". Both are true
of their moment, but the report's tally has one dead and no one injured. An injury claim of
one person is that person's earlier state (category "victims", like a wound in a report of a
death) when the same document reports the death of the same person, as far as the words tell:

- the same name ("Tam Arven was in critical condition" ... "Arven died");
- the same age ("a 19-year-old was stabbed" ... "the 19-year-old died on Sunday");
- "he", "she" or "the victim", of the right sex, in a report of one death that hurts no one
  else: every injury it states is of one person, none of them "another", "also" hurt or
  "surviving", and no count of several people hurt. A relative ("his father", "the teen's
  brother") is someone else;
- in such a report, also a description of the same kind of person ("the wounded boy" ... "a
  5-year-old boy died", not "a man died"), and a name whose death the report tells with "he"
  or "she" ("Voss lay in critical condition" ... "he died that night").

None of the last two ties holds for someone the report calls out of danger ("non-life-
threatening", "stable", "released", "expected to survive").

Counts of several people are left as they are: which of them died is not the words' to say,
unless they name the dead person among them ("Five people, including Arven, were hurt" ...
"Tam Arven died on Sunday"; "Arven was one of five people hurt"): the count, and the same
figure told again, is then of victims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tolltrace.model import Claim

__all__ = ["earlier_states", "sex_of"]

_MALE = frozenset(
    ("he", "him", "himself", "man", "boy", "father", "son", "husband", "brother", "uncle",
     "nephew", "grandfather", "boyfriend", "male")
)  # fmt: skip
_FEMALE = frozenset(
    ("she", "her", "herself", "woman", "girl", "mother", "daughter", "wife", "sister", "aunt",
     "niece", "grandmother", "girlfriend", "female")
)  # fmt: skip
_SOMEONE_ELSE = re.compile(
    r"\b(?:another|other|others|second|third|also|too|both|surviv\w*|recover\w*)\b", re.I
)
_AGE = re.compile(r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b", re.I)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_WORD = re.compile(r"[A-Za-z]+")
# Capitalised words that are no names: sentence-initial articles and pronouns, titles.
_NOT_NAMES = frozenset(
    ("The", "This", "That", "His", "Her", "Their", "He", "She", "A", "An", "One", "Police",
     "Officers", "Officer", "Deputies", "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Victim")
)  # fmt: skip


def earlier_states(drafts: Sequence[Claim], text: str) -> list[Claim]:
    """The drafts, with each injury of one person who the document says died made a victim.

    `text` is the clean text the drafts' offsets point into.
    """
    dead = [d for d in drafts if d.category == "killed" and not d.negated]
    hurt = [d for d in drafts if d.category == "injured" and not d.negated]
    if not dead or not hurt:
        return list(drafts)
    harmed = [d for d in drafts if d.category in ("injured", "victims") and not d.negated]
    alone = all(_one(d) for d in hurt) and not any(
        _SOMEONE_ELSE.search(text[d.start : d.end]) or (d.low or 0) > 1 for d in harmed
    )
    dead_names = set().union(*(_names(d.subject) for d in dead))
    # a count that names someone dead among its people, and the same figure told again
    with_dead = {d.low for d in hurt if _counts_the_dead(d, dead_names, text)}
    return [
        replace(d, category="victims")
        if d.category == "injured"
        and not d.negated
        and (
            _died_later(d, dead, alone, text) or d.low in with_dead or _one_of(d, dead_names, text)
        )
        else d
        for d in drafts
    ]


# A person named as one of a count: "Tam Arven was one of five people hurt", "Five people,
# including Tam Arven, were hurt".
_ONE_OF = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:was|is)\s+(?:one|among)\b(?:\s+of)?\s*\Z")
_INCLUDING = re.compile(r"\A[^.;]*?\bincluding\s+((?:[A-Z][\w'’-]+\s*)+)")


def _one_of(hurt: Claim, dead_names: set[str], text: str) -> bool:
    """ "Arven was one of five people hurt", of a dead Arven: that one is a victim."""
    if not _one(hurt) or not dead_names:
        return False
    if not text[hurt.start : hurt.end].lower().startswith("one of"):
        return False
    found = _NAMED_ONE.search(_before(hurt, text))
    return found is not None and found.group(1) in dead_names


_NAMED_ONE = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:was|is)\s*\Z")


def _before(hurt: Claim, text: str) -> str:
    """The words of the claim's sentence before the claim's own."""
    window = max(0, hurt.end - len(hurt.sentence))  # the sentence holds the claim: look near it
    first = text.rfind(hurt.sentence, window, hurt.start + len(hurt.sentence))
    return hurt.sentence[: hurt.start - first] if first != -1 and first <= hurt.start else ""


def _counts_the_dead(hurt: Claim, dead_names: set[str], text: str) -> bool:
    """A count of several people hurt that names among them someone the report says died
    ("Five people, including Arven, were hurt" ... "Tam Arven died on Sunday"): its people
    are victims, not all of them injured."""
    if (hurt.low or 0) < 2 or not dead_names:
        return False
    at = len(_before(hurt, text))
    named = [m.group(1) for m in _ONE_OF.finditer(hurt.sentence[:at])]
    named += [w for m in _INCLUDING.finditer(hurt.sentence[at:]) for w in m.group(1).split()]
    return any(name in dead_names for name in named)


def _one(draft: Claim) -> bool:
    return draft.low == 1 and draft.high == 1


def _died_later(hurt: Claim, dead: Sequence[Claim], alone: bool, text: str) -> bool:
    words_of = {id(d): text[d.start : d.end] for d in (hurt, *dead)}
    if not _one(hurt) or _SOMEONE_ELSE.search(words_of[id(hurt)]):
        return False
    singles = [d for d in dead if _one(d)]
    if any(_told_dead_after(hurt, d) for d in singles):
        return True  # "found a wounded clerk in the yard, and he died an hour later"
    names = _names(hurt.subject)
    # "Arven" and "Tam Arven" are one person; "Lena Arven" and "Tam Arven" are family
    if names and any(
        _names(d.subject) and (names <= _names(d.subject) or _names(d.subject) <= names)
        for d in singles
    ):
        return True
    age = _AGE.search(words_of[id(hurt)])
    if age and any(
        age.group(1) in {m.group(1) for m in _AGE.finditer(words_of[id(d)])} for d in singles
    ):
        return True
    words = [w.lower() for w in _WORD.findall(hurt.subject)]
    pronoun = words in (["he"], ["she"], ["the", "victim"])
    described = _described(words) or _introduced(words, dead)
    if not alone or not (pronoun or described or names) or _LIVED.search(hurt.sentence):
        return False
    dead_words = [[w.lower() for w in _WORD.findall(d.subject)] for d in dead]
    if (
        len(singles) < len(dead)
        or _persons([_names(d.subject) for d in dead]) > 1
        or len({sex_of(words) for words in dead_words} - {""}) > 1
        or any(_SOMEONE_ELSE.search(words_of[id(d)]) for d in dead)
    ):
        return False  # more than one dead: which of them, or someone else, is not said
    if names and not all(words in (["he"], ["she"]) for words in dead_words):
        return False  # "Tam Voss was in critical condition" ... "he died"; not "the teen died"
    if described and not all(_same_kind(described, other) for other in dead_words):
        return False  # "the wounded boy" is not "a man was killed"
    sex = sex_of(words)
    return all(not sex or sex_of(other) in ("", sex) for other in dead_words)


# One person described by the report's words for them: "the girl", "the wounded boy", "the
# badly wounded teenager", "the child". The noun says which kind of person.
_YOUNG = frozenset(
    ("child", "boy", "girl", "toddler", "infant", "baby", "teen", "teenager", "juvenile", "kid",
     "youth", "student", "son", "daughter")
)  # fmt: skip
_ADULT = frozenset(
    ("man", "woman", "adult", "mother", "father", "wife", "husband", "uncle", "aunt",
     "grandmother", "grandfather", "girlfriend", "boyfriend")
)  # fmt: skip
_ANYONE = frozenset(("victim", "person", "male", "female"))
_DESCRIBING = frozenset(
    ("injured", "wounded", "hurt", "badly", "critically", "seriously", "gravely", "young",
     "little", "teenage", "male", "female", "shooting", "gunshot", "only")
)  # fmt: skip


# Words that say the person hurt was out of danger: not someone the report goes on to bury.
_LIVED = re.compile(
    r"\b(?:non-?\s?life|not life|minor|good condition|fair condition|stable|"
    r"(?<!not )(?<!not being )(?<!yet )released|"
    r"expected to (?:survive|recover|live))",
    re.IGNORECASE,
)


def _told_dead_after(hurt: Claim, dead: Claim) -> bool:
    """The hurt person's own sentence goes on to say "he" or "she" (not someone of the other
    sex) died."""
    words = [w.lower() for w in _WORD.findall(dead.subject)]
    if dead.sentence != hurt.sentence or dead.start < hurt.end or words not in (["he"], ["she"]):
        return False
    sex = sex_of([w.lower() for w in _WORD.findall(hurt.subject)])
    return sex in ("", sex_of(words))


def _introduced(words: list[str], dead: Sequence[Claim]) -> str | None:
    """The person noun of an indefinite description of one person ("a 9-year-old boy", "a
    wounded child") that a death goes on to name definitely ("the boy died")."""
    if len(words) < 2 or words[0] not in ("a", "an"):
        return None
    if not set(words[1:-1]) <= _DESCRIBING | {"year", "month", "old"}:
        return None
    noun = words[-1]
    if noun not in _YOUNG | _ADULT:
        return None
    definite = [[w.lower() for w in _WORD.findall(d.subject)] for d in dead]
    return noun if ["the", noun] in definite else None


def _described(words: list[str]) -> str | None:
    """The person noun of a definite description of one person, or None."""
    if len(words) < 2 or words[0] != "the" or not set(words[1:-1]) <= _DESCRIBING:
        return None
    noun = words[-1]
    return noun if noun in _YOUNG | _ADULT | _ANYONE else None


def _same_kind(noun: str, dead_words: list[str]) -> bool:
    """The dead person's words allow the described noun: a young person is no man."""
    kinds = [k for k in (_YOUNG, _ADULT) if noun in k]
    others = [k for k in (_YOUNG, _ADULT) if set(dead_words) & k]
    return not kinds or not others or kinds[0] in others


def _persons(names: list[set[str]]) -> int:
    """How many people these names are: "Arven" and "Tam Arven" are one."""
    found = [n for n in names if n]
    return len({frozenset(n) for n in found if not any(n < other for other in found)})


def _names(subject: str) -> set[str]:
    """The capitalised words of a name in the subject; not a place or a body that describes a
    common noun after it ("a 15-year-old Valdoria Heights boy", "Kerevo police officer Tam
    Voss": Tam Voss)."""
    found: set[str] = set()
    for run in _NAME_RUN.finditer(subject):
        if _LOWER_NEXT.match(subject, run.end()):
            continue
        found |= {w for w in _NAME.findall(run.group()) if w not in _NOT_NAMES}
    return found


_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)*\b")
_LOWER_NEXT = re.compile(r"\s+[a-z]")


def sex_of(words: list[str]) -> str:
    """ "male", "female", or "" when the words do not tell."""
    found = set(words)
    return "male" if found & _MALE else "female" if found & _FEMALE else ""
