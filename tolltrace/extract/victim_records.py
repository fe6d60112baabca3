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
from dataclasses import dataclass, replace

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
# Words that describe a person rather than name one ("Man shot in Orvane", "Teen Injured").
_DESCRIBING = frozenset(
    ("man", "men", "woman", "women", "boy", "boys", "girl", "girls", "teen", "teens",
     "teenager", "child", "children", "kid", "kids", "baby", "infant", "toddler", "father",
     "mother", "dad", "mom", "son", "daughter", "brother", "sister", "husband", "wife",
     "officer", "officers", "deputy", "trooper", "victim", "victims", "suspect", "suspects",
     "gunman", "shooter", "driver", "student", "resident", "another", "both", "family",
     "person", "people", "grandmother", "grandfather", "marine", "soldier", "guard",
     "year-old", "old", "police", "content", "related", "advertisement", "photo", "video",
     "staff", "reporter", "writer", "editor", "news", "county", "city", "state", "north",
     "south", "east", "west", "fort", "lake", "mount", "port", "saint", "st", "new", "center",
     "hospital", "metro", "department", "office", "church", "school", "street", "avenue",
     "court", "good", "samaritan", "apartments", "coverage", "park", "bar", "club", "road",
     "two", "three", "four", "five", "six", "others", "rouge")
)  # fmt: skip
# Titles before a name, not part of it: "Officer Jon Arven", "the Rev. Lena Varo".
_TITLE = (
    r"(?:(?:the\s+)?(?:Rev\.|Reverend|Officer|Deputy|Trooper|Sgt\.|Sergeant|Detective|Det\.|"
    r"Lt\.|Capt\.|Cpl\.|Dr\.|Mr\.|Mrs\.|Ms\.|Miss|Pastor)\s+)"
)
_NAME_WORD = (
    r"(?:[A-Z][a-z]?['’]?[A-Z][a-z]+|[A-Z][a-z]+['’][A-Z][a-z]+"
    r"|[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]\.)(?![A-Za-z'’])"
)
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:,?\s+(?:Jr|Sr)\.?|\s+I{{2,3}})?"
_NOT_NAMES = frozenset(
    ("The", "A", "An", "Police", "Officers", "Authorities", "Monday", "Tuesday", "Wednesday",
     "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
     "June", "July", "August", "September", "October", "November", "December", "County",
     "Street", "Avenue", "Road", "Department", "Office", "Hospital", "Center", "Centre",
     "Police", "Sheriff", "University", "School", "City", "Court", "Ministry", "Rights",
     "Watch", "News", "Council", "Committee", "Army", "Forces", "Guard", "Party", "Front", "On",
     "In", "At", "By", "For", "From", "Of", "And", "But", "When", "After", "Before", "As",
     "Related", "Coverage", "Photo", "Video", "Read", "More", "Click", "Advertisement")
)  # fmt: skip
_AGE_AFTER = re.compile(r"\A\s*,\s*(\d{1,3})\s*(?:,|;|\.|\)|\band\b|$)")
_AGE_WORDS = re.compile(r"(\d{1,3})[- ](?:year|yr)s?[- ]old", re.IGNORECASE)
_SUSPECT_WORDS = r"(?:suspects?|shooter|gunman|gunmen|man\s+arrested|alleged)"
_IDENTIFIED = re.compile(
    r"\b(?P<who>(?:\w+\s+){0,3}?)(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
    r"(?:identified|ID['’]d)\s+(?P<whom>(?:[\w'’-]+\s+){0,7}?)as\s+"
    rf"(?:{_TITLE}?(?:\d{{1,3}}-year-old\s+)?)(?P<name>{_NAME})"
)
_NAMED = re.compile(
    r"\b(?:boy|girl|child|toddler|baby|son|daughter)\s+named\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)
# "Three people were killed, including 20-year-old Jon Arven", "They are Jon Arven, 58; ...",
# "the victim was Jon Arven, 13".
_LISTING = re.compile(
    r"(?:\bincluding|\b(?:They|(?:The|Those|These|Other)\s+(?:\w+\s+)?"
    r"(?:victims?|dead|deceased|injured|wounded))\s+(?:are|were|was|is|include|included)|\b(?:killing|wounding|injuring)(?:\s+(?:\w+\s+){0,3}?"
    r"(?:people|others|men|women|victims),)?)\s+"
    rf"{_TITLE}?(?:\d{{1,3}}-year-old\s+)?(?P<name>{_NAME})"
)
# "killed his father Jon Arven", "the death of Jon Arven", "the bodies of 10-year-old Lena
# Varo and ...": the verb or noun says what became of the person named after it, on its line
# (not a headline's last word over the byline: "... 2,650 detained\n\nBy Pavel Strom").
_OBJECT = re.compile(
    r"\b(?P<verb>killed|murdered|shot|wounded|injured|deaths?|killings?|murders?|slayings?|"
    r"arrested|charged|booked|detained|"
    r"bod(?:y|ies)|li(?:fe|ves)|homicides?|funerals?|shooting)[ \t]+(?:of\s+)?"
    r"(?:(?:his|her|their|the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:[\w'’-]+,\s+)?)?"
    rf"{_TITLE}?(?:\d{{1,3}}-year-old\s+)?(?P<name>{_NAME})"
)
# "A 21-year-old woman, identified as Lena Varo, was shot": a described person named after.
_NAMED_AFTER = re.compile(
    r"\s*,\s*(?:(?:later\s+)?identified\s+as\s+|named\s+)?"
    rf"{_TITLE}?(?:\d{{1,3}}-year-old\s+)?(?P<name>{_NAME})\s*(?:,|\bwas\b|\bwere\b)"
)
_VICTIM_APPOSITION = re.compile(
    rf"\b(?:[Tt]he|[Aa])\s+(?:\w+\s+)?(?:victims?|deceased|dead\s+(?:man|woman))\s*,\s*"
    rf"(?:(?:identified\s+as|named)\s+)?(?P<name>{_NAME})\s*,"
)
_PLACE_AFTER = r"(?:\s*,?\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
_LISTED_AFTER = re.compile(
    rf"(?:\s*,\s*\d{{1,3}})?{_PLACE_AFTER}?(?:\s*,\s*\d{{1,3}})?"
    rf"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+[\w'’-]+,?\s+)?"
    rf"{_TITLE}?(?:\d{{1,3}}-year-old\s+)?(?P<name>{_NAME})"
)
# "Jon Arven, 24, of Orvane, was shot and killed": a name (or a list of them) right before
# the verb phrase that says what became of them.
_STATED_VERB = re.compile(
    r"\s*,?\s*(?:who\s+)?(?P<aux>was|were|had\s+been|has\s+been|have\s+been|is|are)\s+"
    r"(?:(?:also|later|then|both|each|allegedly|reportedly|critically|fatally|mortally|"
    r"seriously|accidentally|not)\s+)*"
    r"(?P<verb>shot\s+(?:and\s+)?killed|shot\s+dead|shot\s+to\s+death|killed|murdered|slain|"
    r"gunned\s+down|fatally\s+\w+|"
    r"pronounced\s+(?:dead|deceased)|found\s+dead|declared\s+dead|shot|wounded|injured|hurt|grazed|struck|"
    r"hospitali[sz]ed|taken\s+to\s+(?:a|the)\s+hospital|arrested|charged|booked|detained|"
    r"jailed|indicted|taken\s+into\s+custody|executed|tortured|sentenced)\b"
    r"|\s*,?\s*(?:(?:has|have|had)\s+(?:since\s+|later\s+)?)?(?P<died>died|dies|passed\s+away)\b"
    r"|\s*,?\s*(?P<held>turned\s+(?:himself|herself)\s+in|surrendered|faces?\s+(?:\w+\s+){0,3}?"
    r"charges?|(?:is|was)\s+(?:being\s+)?held\s+(?:in|at|on|without)|pleaded\s+guilty)\b"
)
_VERB_FATE = (
    (
        "killed",
        r"kill|dead|death|murder|slain|slaying|died|dies|passed|deceased|bod|li(?:fe|ves)|gunned|fatal|"
        r"homicide|funeral",
    ),
    ("executed", r"executed"),
    ("tortured", r"tortured"),
    ("sentenced", r"sentenced"),
    ("arrested", r"arrested|charged|booked|detained|jailed|indicted|custody"),
    ("injured", r"shot|wounded|injured|hurt|grazed|struck|hospitali|hospital"),
)
_NAME_AT_END = re.compile(
    rf"(?:^|[\s(\[\-–—:;,]){_TITLE}?(?:[\w-]+-year-old\s+)?(?P<name>{_NAME})"
    rf"(?P<tail>(?:\s*,\s*\d{{1,3}})?(?:{_PLACE_AFTER}(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)?"
    r"(?:\s*,\s*\d{1,3})?(?:\s*,\s*(?:a|an|the|his|her)\s+[^,;.]{1,80},?)?)\s*,?\s*$"
)
_NEAR = 600  # characters back a pronoun or an identification may look for its person


@dataclass(frozen=True, slots=True)
class _Context:
    """What a mention takes from the claim it was read from (or from none: the document's
    own voice)."""

    document: str
    uri: str
    claim: str | None = None
    when: str | None = None
    where: str | None = None
    event: str | None = None
    attributed_to: str | None = None
    sentence: str = ""

    @classmethod
    def of(cls, claim: Claim) -> _Context:
        return cls(
            claim.document, claim.uri, claim.id, claim.when, claim.where, claim.event,
            claim.attributed_to, claim.sentence,
        )  # fmt: skip


def victim_mentions(
    claims: Sequence[Claim],
    text: str,
    offsets: OffsetMap | None = None,
    document: str | None = None,
    uri: str | None = None,
) -> list[VictimMention]:
    """The persons the document's claims and text name or describe one by one as harmed."""
    if document is None:
        if not claims:
            return []
        document, uri = claims[0].document, claims[0].uri
    bare = _Context(document, uri or document)
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
    found += _stated(claims, text, offsets, bare, {(m.start, m.end) for m in found})
    found = _identified(found, claims, text, offsets, bare)
    found = _resolve_pronouns(found, text)
    found = _shot_in_a_killing(found, claims)
    found.sort(key=lambda m: (m.start, m.end))
    return _one_per_span(found)


_SURVIVED = re.compile(
    r"wound|injur|hurt|hospital|condition|surviv|recover|treated|graz|critical|stable|released",
    re.IGNORECASE,
)


def _shot_in_a_killing(found: list[VictimMention], claims: Sequence[Claim]) -> list[VictimMention]:
    """A person only said to be shot, in a report of deaths and of no injury, is among the
    dead: nothing in their sentence says they survived."""
    live = [c for c in claims if not c.negated]
    if not any(c.category == "killed" for c in live) or any(c.category == "injured" for c in live):
        return found
    return [
        replace(m, fate="killed") if m.fate == "injured" and not _SURVIVED.search(m.sentence) else m
        for m in found
    ]


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
        mention = _mention(_Context.of(claim), fate, text, offsets, base + start, base + end)
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
    claim: _Context,
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
    if name is not None and words.endswith(name) and len(name) < len(words):
        start = end - len(name)  # "her husband Israel Alvarez": the name is the span
        words = name
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
        claim=claim.claim,
        sentence=claim.sentence or _sentence_at(text, start),
        normalised=None if name is None else normalise_name(name),
    )


def _name_in(words: str) -> str | None:
    """The personal name the words end with: two to four capitalised words ("Jon Arven",
    "her husband Jon Arven"), or a lone surname ("Arven"); None for a description ("a
    24-year-old man", "Man shot in Orvane") or a pronoun."""
    words = re.sub(r"['’]s?$", "", words.strip())
    words = re.sub(r"\s*\([^)]*\)$", "", words)  # "Jon Arven (left)"
    match = _NAME_AT_END.search(words)
    if match is not None:
        return clean_name(match.group("name"))
    plain = re.sub(rf"^{_TITLE}", "", words)
    if re.fullmatch(_NAME_WORD, plain) and len(plain) > 2:
        return clean_name(plain)
    return None


def _span_of(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """The span of `name` (cleaned) within the words `text[start:end]` it was read from."""
    at = text.find(name, start, end)
    return (at, at + len(name)) if at >= 0 else (start, end)


def clean_name(name: str) -> str | None:
    """The name without leading words that are no part of it ("Sunday Jon Arven"); None when
    a word of it describes rather than names ("Teen Shot", "Related Content")."""
    words = name.split()
    while words and (words[0] in _NOT_NAMES or words[0].rstrip(".") in ("Rev", "Officer")):
        words = words[1:]
    while words and words[-1] in _NOT_NAMES:  # "... Jon Arven The" (a line that ran on)
        words = words[:-1]
    if not words or any(w.lower().strip(".,") in _DESCRIBING for w in words):
        return None
    if words[0].lower() in _PRONOUNS or len("".join(words)) < 3:
        return None
    return " ".join(words)


def _age(words: str, text: str, end: int) -> int | None:
    written = _AGE_WORDS.search(words)
    if written:
        return int(written.group(1))
    before = re.search(
        r"(\d{1,3})[- ]years?[- ]old\s+$", text[max(0, end - len(words) - 16) : end - len(words)]
    )
    if before:  # "32-year-old Dara Orvik"
        return int(before.group(1))
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
    found: list[VictimMention],
    claims: Sequence[Claim],
    text: str,
    offsets: OffsetMap | None,
    bare: _Context,
) -> list[VictimMention]:
    """Names the text gives described persons: "identified the victim as Jon Arven, 24" (and
    the names listed after it), "the victim, Jon Arven, 24,", "a boy named Tomas". Each takes
    the fate of the nearest described person before it, else of the nearest claim of harm;
    a suspect's identification names nobody harmed, unless an arrest is claimed near it."""
    for at, mention in enumerate(found):  # "a 21-year-old woman, identified as Lena Varo,"
        after = _NAMED_AFTER.match(text, mention.end) if mention.name is None else None
        name = None if after is None else clean_name(after.group("name"))
        if name is not None and mention.words.lower() not in _PRONOUNS:
            found[at] = replace(mention, name=name, normalised=normalise_name(name))
    named = {m.normalised for m in found if m.normalised}
    extra: list[VictimMention] = []
    matches = [*_IDENTIFIED.finditer(text), *_VICTIM_APPOSITION.finditer(text)]
    matches += [*_NAMED.finditer(text), *_LISTING.finditer(text), *_OBJECT.finditer(text)]
    for match in matches:
        spans = [match.span("name")]
        rest = match.end("name")
        while (more := _LISTED_AFTER.match(text, rest)) is not None:
            spans.append(more.span("name"))
            rest = more.end("name")
        groups = match.groupdict()
        cue = f"{groups.get('who') or ''} {groups.get('whom') or ''}"
        suspect = re.search(_SUSPECT_WORDS, cue, re.IGNORECASE) is not None
        for start, end in spans:
            name = clean_name(text[start:end])
            if name is None or normalise_name(name) in named:
                continue
            start, end = _span_of(text, start, end, name)
            said = groups.get("verb")
            described: VictimMention | None = None
            claim: Claim | None = None
            fate: str | None
            if said:  # the words before the name say what became of them
                fate = next(f for f, pattern in _VERB_FATE if re.search(pattern, said + " shot"))
            elif (cued := _cued_fate(cue)) is not None:  # "identified the dead victims as"
                described, fate, claim = _fate_before(found, claims, start, suspect)
                fate = cued
            else:
                described, fate, claim = _fate_before(found, claims, start, suspect)
            if fate is None:
                continue
            context = bare if claim is None else replace(_Context.of(claim), sentence="")
            read = _mention(context, fate, text, offsets, start, end, name)
            if read is None:
                continue
            mention = replace(
                read,
                sex=read.sex or (described.sex if described else None),
                age=read.age or (described.age if described else None),
            )
            extra.append(mention)
            named.add(mention.normalised or name)
            if described is not None:  # "a 19-year-old woman" ... "identified her as Lena Varo"
                at = found.index(described)
                found[at] = replace(described, name=name, normalised=mention.normalised)
    return found + extra


def _cued_fate(cue: str) -> str | None:
    """The fate the words of an identification state: "the dead victims", "the injured"."""
    if re.search(r"\b(?:dead|deceased|killed|slain|murdered|fatal\w*)\b", cue, re.IGNORECASE):
        return "killed"
    if re.search(r"\b(?:injured|wounded|hurt|survivors?)\b", cue, re.IGNORECASE):
        return "injured"
    return None


_HARMS = frozenset(("killed", "executed", "injured", "victims", "tortured"))


def _fate_before(
    found: Sequence[VictimMention], claims: Sequence[Claim], at: int, suspect: bool
) -> tuple[VictimMention | None, str | None, Claim | None]:
    """The described person an identification names (the nearest unnamed one before it, not
    a pronoun), its fate and claim; else the fate of the nearest claim of harm (of arrest,
    for a suspect)."""
    by_id = {claim.id: claim for claim in claims}
    wanted = {"arrested", "detained", "sentenced"} if suspect else _HARMS
    described = [
        m
        for m in found
        if m.name is None
        and m.words.lower() not in _PRONOUNS
        and m.end <= at
        and at - m.end < _NEAR * 2
        and (FATE_OF.get(m.fate, m.fate) in wanted or (not suspect and m.fate == "injured"))
    ]
    if described:
        last = max(described, key=lambda m: m.end)
        return last, last.fate, by_id.get(last.claim or "")
    near = [
        c
        for c in claims
        if c.category in wanted and not c.negated and c.low is not None and abs(c.start - at) < 3000
    ]
    if not near:
        return None, None, None
    claim = min(near, key=lambda c: (c.start > at, abs(at - c.start)))
    return None, FATE_OF[claim.category], claim


def _stated(
    claims: Sequence[Claim],
    text: str,
    offsets: OffsetMap | None,
    bare: _Context,
    taken: set[tuple[int, int]],
) -> list[VictimMention]:
    """ "Jon Arven, 24, of Orvane, was shot and killed", "Lena Varo and Tomas Kerevic, 19, were
    wounded", "Arven died": names right before a verb phrase that says what became of them."""
    found: list[VictimMention] = []
    for match in _STATED_VERB.finditer(text):
        verb = match.group("verb") or match.group("died") or ""
        if match.group("held"):
            verb = "arrested"  # "turned himself in", "faces charges", "is being held in"
        if match.group("aux") in ("is", "are") and not re.match(r"hospitali|charged|jailed", verb):
            continue
        if match.group("verb") and re.search(r"\bnot\s", match.group(0)):
            continue
        fate = next(f for f, pattern in _VERB_FATE if re.search(pattern, verb))
        clause = re.split(r"[.;]\s", text[match.end() : match.end() + 200], maxsplit=1)[0]
        if fate == "injured" and re.search(r"\b(?:died|dies|dead|killed|fatal)", clause):
            fate = "killed"  # "was shot several times and died at a hospital"
        sentence_start = max(_sentence_start(text, match.start()), match.start() - 400)
        prefix = text[sentence_start : match.start()]
        while prefix:
            named = _NAME_AT_END.search(prefix)
            if named is None:
                break
            start = sentence_start + named.start("name")
            end = sentence_start + named.end("name")
            name = clean_name(named.group("name"))
            place = re.search(
                r"\b(?:of|from|in|at|on|near)\s+(?:the\s+)?$", prefix[: named.start("name")]
            )
            if name is not None and place is None and (start, end) not in taken:
                start, end = _span_of(text, start, end, name)
                claim = next((c for c in claims if c.start <= start < c.end), None)
                context = bare if claim is None else replace(_Context.of(claim), sentence="")
                mention = _mention(context, fate, text, offsets, start, end, name)
                if mention is not None:
                    found.append(mention)
            rest = prefix[: named.start("name")]
            listed = re.search(
                r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their)\s+[\w'’-]+\s+)?"
                rf"{_TITLE}?(?:[\w-]+-year-old\s+)?$",
                rest,
            )
            if listed is None:
                break
            prefix = rest[: listed.start()]
    return found


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


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset `at` starts (after ". " or a line break)."""
    stop = text.rfind(". ", 0, at)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, at) + 1)


def _sentence_at(text: str, at: int) -> str:
    start = _sentence_start(text, at)
    end = min(i for i in (text.find(". ", at), text.find("\n", at), len(text)) if i >= 0)
    return text[start : end + 1].strip()
