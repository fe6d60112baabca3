"""Victim mentions: each person a document names or describes one by one as harmed.

Read from the document's claims of a few people (`victims.named_victims` makes "Jon Arven
was executed" a claim of 1 whose subject is "Jon Arven") and from its clean text:

- the claim's subject, split into persons ("Jon Arven and Lena Varo", "a man and a woman");
- a name the text gives a described person: "identified the victim as Jon Arven", "the
  victim, Jon Arven, 24,", "Police identified him as ...";
- the age and sex the words give: "Jon Arven, 24,", "a 24-year-old woman", "he";
- a pronoun ("he died at the hospital") is the named person of the same sex just before it.

A pure function of the claims and the text: the same input gives the same mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from tolltrace.clean.offsets import OffsetMap
from tolltrace.link.person_names import normalise_name
from tolltrace.model import Claim, VictimMention

# A claim's category as a fate; "victims" (shot, attacked) is read as injured.
FATE_OF = {
    "killed": "killed", "executed": "executed", "injured": "injured", "arrested": "arrested",
    "detained": "detained", "imprisoned": "detained", "disappeared": "disappeared",
    "sentenced": "sentenced", "tortured": "tortured", "victims": "injured",
}  # fmt: skip
# Gravest first: a person one text says was shot and another says died was killed.
GRAVITY = (
    "executed", "killed", "disappeared", "tortured", "injured", "sentenced", "detained",
    "arrested",
)  # fmt: skip
_MOST_PEOPLE = 6  # a claim of more people than this is a count, not persons one by one
_MALE = frozenset(
    ("man", "boy", "he", "him", "himself", "father", "son", "brother", "husband", "teenager-boy",
     "grandfather", "uncle", "nephew", "mr", "mr.", "gentleman", "male")
)  # fmt: skip
_FEMALE = frozenset(
    ("woman", "girl", "she", "her", "herself", "mother", "daughter", "sister", "wife",
     "grandmother", "aunt", "niece", "mrs", "mrs.", "ms", "ms.", "lady", "female")
)  # fmt: skip
_PRONOUNS = frozenset(("he", "she", "him", "her", "himself", "herself"))
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|[A-Z][a-z]?[A-Z][a-z]+)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:,?\s+(?:Jr|Sr)\.?|\s+I{{2,3}})?"
_NOT_NAMES = frozenset(
    ("The", "A", "An", "Police", "Officers", "Authorities", "Monday", "Tuesday", "Wednesday",
     "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
     "June", "July", "August", "September", "October", "November", "December", "County",
     "Street", "Avenue", "Road", "Department", "Office", "Hospital", "Center", "Centre",
     "Police", "Sheriff", "University", "School", "City", "Court", "Ministry", "Rights",
     "Watch", "News", "Council", "Committee", "Army", "Forces", "Guard", "Party", "Front")
)  # fmt: skip
_AGE_AFTER = re.compile(r"\A\s*,\s*(\d{1,3})\s*(?:,|\.|\)|\band\b|$)")
_AGE_WORDS = re.compile(r"(\d{1,3})[- ](?:year|yr)s?[- ]old")
_IDENTIFIED = re.compile(
    r"\b(?:identified|named|is|was)\s+(?:(?:the|a|one|both)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:victims?|him|her|them|man|woman|boy|girl|teen(?:ager)?|deceased|dead|driver|"
    r"suspects?|shooter|gunman)?\s*as\s+"
    rf"(?P<name>{_NAME})"
)
_VICTIM_APPOSITION = re.compile(
    rf"\b(?:[Tt]he|[Aa])\s+(?:\w+\s+)?(?:victims?|deceased|dead\s+(?:man|woman))\s*,\s*"
    rf"(?:(?:identified\s+as|named)\s+)?(?P<name>{_NAME})\s*,"
)
_LISTED_AFTER = re.compile(
    rf"\A(?:\s*,\s*\d{{1,3}})?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<name>{_NAME})"
)
_NEAR = 600  # characters back a pronoun or an identification may look for its person


def victim_mentions(
    claims: Sequence[Claim], text: str, offsets: OffsetMap | None = None
) -> list[VictimMention]:
    """The persons the document's claims and text name or describe one by one as harmed."""
    found: list[VictimMention] = []
    for claim in claims:
        fate = FATE_OF.get(claim.category)
        if (
            fate is None
            or claim.negated
            or claim.low is None
            or claim.low != claim.high
            or claim.low > _MOST_PEOPLE
        ):
            continue
        found += _from_claim(claim, fate, text, offsets)
    found = _identified(found, claims, text, offsets)
    found = _resolve_pronouns(found, text)
    found.sort(key=lambda m: (m.start, m.end))
    return _one_per_span(found)


def _from_claim(
    claim: Claim, fate: str, text: str, offsets: OffsetMap | None
) -> list[VictimMention]:
    subject = claim.subject.strip()
    at = claim.text.find(subject) if subject else -1
    if at < 0:
        return []
    base = claim.start + at
    parts = _persons(subject)
    if len(parts) < (claim.low or 0) and len(parts) == 1 and claim.low != 1:
        return []  # "both", "two men": persons the text does not set apart
    mentions = []
    for start, end in parts:
        words = subject[start:end]
        if words.isdigit():
            continue
        mention = _mention(claim, fate, text, offsets, base + start, base + end)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _persons(subject: str) -> list[tuple[int, int]]:
    """The spans of each person in words like "Jon Arven, Lena Varo and a child"."""
    spans = []
    position = 0
    for piece in re.split(r"(,\s*(?:and\s+)?|\s+and\s+)", subject):
        if piece and not re.fullmatch(r",\s*(?:and\s+)?|\s+and\s+", piece):
            stripped = piece.strip()
            if stripped and not re.fullmatch(r"\d{1,3}", stripped):  # "Jon Arven, 24, and ..."
                lead = len(piece) - len(piece.lstrip())
                spans.append((position + lead, position + lead + len(stripped)))
        position += len(piece)
    return spans


def _mention(
    claim: Claim,
    fate: str,
    text: str,
    offsets: OffsetMap | None,
    start: int,
    end: int,
    name: str | None = None,
) -> VictimMention | None:
    words = text[start:end]
    if name is None:
        name = _name_in(words)
    lowered = [w.strip(".,").lower() for w in words.split()]
    if name is None and not (
        set(lowered) & (_MALE | _FEMALE)
        or any(w in ("person", "victim", "child", "teen", "teenager") for w in lowered)
        or _AGE_WORDS.search(words)
    ):
        return None  # not a person the words set apart ("the city", "it")
    age = _age(words, text, end)
    sex = _sex(lowered)
    raw_start, raw_end = offsets.span_to_raw(start, end) if offsets else (start, end)
    ident = hashlib.sha256(f"{claim.document}:{start}:{end}".encode()).hexdigest()[:20]
    return VictimMention(
        id=ident,
        document=claim.document,
        uri=claim.uri,
        words=words,
        name=name,
        start=start,
        end=end,
        raw_start=raw_start,
        raw_end=raw_end,
        fate=fate,
        age=age,
        sex=sex,
        when=claim.when,
        where=claim.where,
        event=claim.event,
        attributed_to=claim.attributed_to,
        claim=claim.id,
        sentence=claim.sentence,
        normalised=None if name is None else normalise_name(name),
    )


def _name_in(words: str) -> str | None:
    """A personal name of two to four capitalised words ("Jon Arven"), or a lone surname
    ("Arven"), in the words; None for a description ("a 24-year-old man") or a pronoun."""
    match = re.search(_NAME, words)
    if match is not None:
        name = match.group(0)
        if not (set(name.split()) & _NOT_NAMES):
            return name
    plain = words.strip()
    if re.fullmatch(_NAME_WORD, plain) and plain not in _NOT_NAMES and len(plain) > 2:
        return plain if plain.lower() not in _PRONOUNS else None
    return None


def _age(words: str, text: str, end: int) -> int | None:
    written = _AGE_WORDS.search(words)
    if written:
        return int(written.group(1))
    after = _AGE_AFTER.match(text[end : end + 12])
    if after and int(after.group(1)) < 120:
        return int(after.group(1))
    return None


def _sex(words: list[str]) -> str | None:
    if set(words) & _MALE:
        return "male"
    if set(words) & _FEMALE:
        return "female"
    return None


def _identified(
    found: list[VictimMention], claims: Sequence[Claim], text: str, offsets: OffsetMap | None
) -> list[VictimMention]:
    """Names the text gives described persons: "identified the victim as Jon Arven, 24" (and
    the names listed after it), "the victim, Jon Arven, 24,". Each takes the fate of the
    nearest described person before it, else of the claim of a few people nearest before."""
    named = {m.normalised for m in found if m.normalised}
    extra: list[VictimMention] = []
    for match in [*_IDENTIFIED.finditer(text), *_VICTIM_APPOSITION.finditer(text)]:
        spans = [match.span("name")]
        rest = match.end("name")
        while (more := _LISTED_AFTER.match(text, rest)) is not None:
            spans.append(more.span("name"))
            rest = more.end("name")
        for start, end in spans:
            name = text[start:end]
            if set(name.split()) & _NOT_NAMES or normalise_name(name) in named:
                continue
            described, fate, claim = _fate_before(found, claims, start)
            if fate is None or claim is None:
                continue
            mention = _mention(claim, fate, text, offsets, start, end, name)
            if mention is None:
                continue
            # the words of the identification, not the claim's, say who is harmed
            mention = replace(
                mention,
                sentence=_sentence_at(text, start),
                sex=mention.sex or (described.sex if described else None),
                age=mention.age or (described.age if described else None),
            )
            extra.append(mention)
            named.add(mention.normalised or name)
            if described is not None:  # "a 19-year-old woman" ... "identified her as Lena Varo"
                at = found.index(described)
                found[at] = replace(described, name=name, normalised=mention.normalised)
    return found + extra


def _fate_before(
    found: Sequence[VictimMention], claims: Sequence[Claim], at: int
) -> tuple[VictimMention | None, str | None, Claim | None]:
    """The described person an identification names (the nearest unnamed one before it, not
    a pronoun), its fate and claim; else the fate of the nearest claim of a few people."""
    by_id = {claim.id: claim for claim in claims}
    described = [
        m
        for m in found
        if m.name is None
        and m.words.lower() not in _PRONOUNS
        and m.end <= at
        and at - m.end < _NEAR * 2
    ]
    if described:
        last = max(described, key=lambda m: m.end)
        return last, last.fate, by_id.get(last.claim or "")
    small = [
        c
        for c in claims
        if c.category in FATE_OF and not c.negated and c.low is not None and c.low <= _MOST_PEOPLE
    ]
    before = [c for c in small if c.start <= at] or small
    if not before:
        return None, None, None
    claim = min(before, key=lambda c: abs(at - c.start))
    return None, FATE_OF[claim.category], claim


def _resolve_pronouns(found: list[VictimMention], text: str) -> list[VictimMention]:
    """ "He died at the hospital": a pronoun is the named person of its sex just before it
    (any sex when the name does not say); an unresolved pronoun names nobody."""
    resolved = []
    ordered = sorted(found, key=lambda m: m.start)
    for mention in ordered:
        if mention.name is not None or mention.words.lower() not in _PRONOUNS:
            resolved.append(mention)
            continue
        before = [
            m
            for m in ordered
            if m.name is not None
            and m.end <= mention.start
            and mention.start - m.end < _NEAR
            and m.sex in (None, mention.sex)
        ]
        if before:
            person = before[-1]
            resolved.append(
                replace(mention, name=person.name, normalised=person.normalised, age=person.age)
            )
    return resolved


def _one_per_span(found: list[VictimMention]) -> list[VictimMention]:
    """One mention per span: the gravest fate read for it."""
    best: dict[tuple[int, int], VictimMention] = {}
    for mention in found:
        key = (mention.start, mention.end)
        kept = best.get(key)
        if kept is None or GRAVITY.index(mention.fate) < GRAVITY.index(kept.fate):
            best[key] = mention
    return sorted(best.values(), key=lambda m: (m.start, m.end))


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = min(i for i in (text.find(". ", at), text.find("\n", at), len(text)) if i >= 0)
    return text[start : end + 1].strip()
