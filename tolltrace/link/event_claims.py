"""Within one document: which of its claims count the victims of which event.

A report has a lead incident, and may also mention named events ("the 1988 massacre"), other
incidents on other days ("in March, two men were shot ...") and statistics that are no incident
at all ("344 people were killed in the city last year"). Each claim gets a slot:

- `named:<key>`: its sentence names the event; else its `when` falls in a named event's year;
  else the nearest reference before it (within `WINDOW` characters: the event's name, a year it
  names, or a bare "the massacre" of the same family) when its `when` does not contradict it;
  else it restates (same figure, 10 or more) a figure already given to a named event;
- `statistic`: its sentence speaks of a period or an area rather than an incident ("this year",
  "since 2010", "nationwide", "in March alone", "in the past three weeks", "homicides") or sums
  several incidents ("wounded in separate shootings", "a violent weekend", "a five-hour span",
  "within a week of each other", and right after the count "hurt in shootings", "killed in
  gun violence"): linked to no event;
- a part of a count ("1,186 of the dead", "two of them") takes the slot of the nearest
  earlier count of the same category;
- `side:other@<offset>`: a casualty count its sentence tells as another incident by their
  distance in time ("The attack came ten days after a gunman killed five guards", "a clerk
  killed in a previous shooting", "A year earlier, ..."), another story's headline below the
  report, or the dead a vigil is for in a report of violence at the vigil; one undated
  incident per sentence, joined by the lead's counts dated to its day when that is not the
  lead's and by a "he" or "she" right after it; such a count never dates the lead;
- `side:<when>`: a casualty count dated more than `SIDE_DAYS` days from the lead's date (not
  a later death of wounds: "died of his wounds on Saturday" is the lead's), or
  dated to a month or a span that does not hold it ("In August, a cyclist was gunned down");
  when no count is dated to a day and the first is undated (this week's news), a month that
  ended days before publication;
- `main`: everything else, the document's lead incident.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from tolltrace.extract.gatherings import mourned, violence_at_gathering
from tolltrace.extract.outcomes import sex_of
from tolltrace.link.event_names import (
    NamedMention,
    family_references,
    named_mentions,
    year_mentions,
)
from tolltrace.link.event_similarity import parse_day
from tolltrace.model import Claim

WINDOW = 800  # characters before a claim's sentence searched for the event it counts
SIDE_DAYS = 3
_AHEAD_DAYS = 7  # a count dated up to this many days after publication is still the news
SEASON_DAYS = 92  # a casualty count dated over a longer span sums a period
MAIN = "main"
STATISTIC = "statistic"
TALLY = "tally:"  # a period tally's slot: "tally:<n>" (`event_tallies`)
OTHER = "other@"  # a side slot's day for another incident the text does not date: "other@<offset>"
_CASUALTIES = frozenset({"killed", "injured", "victims", "executed"})
_DEPRIVED = frozenset({"arrested", "detained", "imprisoned", "disappeared", "sentenced"})
_PERIOD = re.compile(
    r"\b(?:so far this|so far in|this year|last year|this month|last month|year-to-date|"
    r"to date|annually|each year|every year|per year|a year ago|over the past|in the past \w+ "
    r"(?:years|months|decades)|since (?:19|20)\d\d|since (?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)|in (?:19|20)\d\d alone|"
    r"statewide|nationwide|citywide|countywide|across the (?:country|nation|state|city|county)|"
    r"in the past (?:\w+ )?(?:weeks|days|months)|in (?:the|this|that) \w+ alone|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) alone|"
    r"(?:the )?(?:city|county|state|nation|country)'s (?:\w+ )?(?:homicides?|murders?|"
    r"shootings?|death toll))\b",
    re.IGNORECASE,
)
_PARTITIVE_OF = re.compile(
    r"\bof (?:the (?:dead|victims|killed|wounded|injured|bodies|prisoners)|them|whom|those)\b",
    re.IGNORECASE,
)
_WHOLE_YEAR = re.compile(r"\d{4}(?:/\d{4})?")
# A count framed by several shootings sums a roundup of incidents ("wounded in three separate
# shootings", "in separate incidents", "in shootings around the county", "in Kerevo
# shootings"); "the shootings" may still be one incident's volley, so the definite plural
# alone is not enough.
_ROUNDUP = re.compile(
    r"\b(?:(?i:(?:separate|unrelated|different|multiple|several|numerous|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+) (?:separate |unrelated |different )?shootings|"
    r"(?:separate|unrelated|different) (?:[\w-]+ )?(?:incidents|attacks)|"
    r"shootings (?:across|around|throughout|all over))|"
    r"in (?:[A-Z][\w.'-]* ){1,3}shootings|"
    # "a violent weekend", "a violent Monday night", "the deadliest weekend of the year", "a
    # five-hour span", "in about ten hours", "on the South and West sides"
    r"(?i:(?:violent|bloody|bloodiest|deadly|deadliest) (?:[A-Z]\w+ |holiday )?"
    r"(?:night|weekend|week|month|stretch))|"
    r"(?i:[\w-]+[- ](?:hour|day|week) (?:span|stretch|period))|"
    r"(?i:in (?:about |less than |under |just |only )?(?:\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|a few|several) hours)|"
    # "a series of overnight shootings", "a spate of stabbings", "in four separate scenes"
    r"(?i:(?:series|spate|string|rash|wave) of (?:[\w'’-]+ ){0,3}(?:shootings|shooting's|"
    r"stabbings|attacks|killings|gunfire|violence))|"
    r"(?i:(?:separate|unrelated) (?:[\w-]+ )?scenes)|"
    # "two deaths within a week of each other", "shootings hours apart"
    r"(?i:within (?:about |just |only )?(?:an? |\w+ )?(?:minutes|hours?|days?|weeks?|months?) "
    r"of (?:each other|one another))|(?i:(?:minutes|hours|days|weeks|months) apart)|"
    r"on the [A-Z]\w+ and [A-Z]\w+ sides)\b"
)
# Right after the count: "wounded in shootings", "killed in attacks in the city", "hurt in gun
# violence", "hurt in those attacks": events in the plural with no article (or with a
# demonstrative), or violence itself, sum several incidents.
# Only the words that follow the count's own, so that "a man was shot dead at home, while five
# others were wounded in shootings" leaves the first count to its incident.
_SUMMED = re.compile(
    r"\bin (?:(?:those|these|such) )?(?:(?:gun|street|gang|weekend|overnight) )?"
    r"(?:shootings|attacks|incidents|homicides|violence)\b",
    re.IGNORECASE,
)
_SUMMED_REACH = 40  # characters after a count's words searched for `_SUMMED`
# A count of events, by its head noun (the last word): "homicides", not "shooting victims".
_EVENT_SUBJECT = re.compile(r"\b(?:homicides?|murders?|shootings?|incidents?|cases?)\W*\Z", re.I)


@dataclass(frozen=True, slots=True)
class DocumentSlots:
    """A document's claims split by event slot, and its named-event mentions."""

    slots: dict[str, str]  # claim id -> slot
    mentions: tuple[NamedMention, ...]
    lead_day: date | None  # the date of the lead incident, when a claim dates it
    lead_key: str | None = None  # the named event the lead incident is part of
    lead_reason: str = ""  # why, in words


def assign_slots(
    text: str, published: str | None, claims: Sequence[Claim], title: str | None = None
) -> DocumentSlots:
    mentions = tuple(named_mentions(text, published))
    by_key = {m.key: m for m in mentions}
    years = {m.year: m.key for m in mentions if m.year is not None}
    ordered = sorted(claims, key=lambda c: (c.start, c.end, c.id))
    references = _references(text, mentions, years)
    slots: dict[str, str] = {}
    named_values: dict[int, str] = {}
    # counts the text tells as another incident than the one it reports: never its lead
    mourning = violence_at_gathering(text)
    others = {
        c.id
        for c in ordered
        if c.category in _CASUALTIES
        and (
            another_incident(c)
            or _another_headline(text, c, title)
            or (mourning and mourned(c.sentence, c.text))
        )
    }
    published_day = parse_day(published)
    lead = (
        _lead_claim([c for c in ordered if c.id not in others], published_day)
        or _lead_claim(ordered, published_day)
        # with no casualty count dated, arrests, detentions, disappearances and sentences
        # date the lead as deaths do
        or _lead_claim(ordered, published_day, _DEPRIVED)
    )
    for claim in ordered:
        key = _named_slot(text, claim, mentions, by_key, years, references, named_values, lead)
        if key is not None:
            slots[claim.id] = f"named:{key}"
            value = claim.low if claim.low is not None else claim.high
            if value is not None and value >= 10:
                named_values.setdefault(value, key)
    lead_day = parse_day(lead.when) if lead is not None else None
    lead_event = _lead_event(lead_day, mentions)
    # no casualty count dated to a day, and the first undated: the lead is this week's news
    # ("Four porters have been hurt at the depot"), and a month past after it another incident
    # (a report that opens with "a shooting in July 2014 that left a boy dead" follows it up)
    first = next((c for c in ordered if c.category in _CASUALTIES and not is_statistic(c)), None)
    undated_lead = lead_day is None and first is not None and not first.when
    reference = parse_day(published) if undated_lead else None
    for index, claim in enumerate(ordered):
        if claim.id in slots:
            continue
        if (whole := _whole_of(claim, ordered[:index])) is not None:
            slots[claim.id] = slots[whole.id]  # "1,186 of the dead": part of that count's event
        elif is_statistic(claim):
            slots[claim.id] = STATISTIC
        elif lead_event is not None and _compatible(claim.when, lead_event):
            slots[claim.id] = f"named:{lead_event.key}"
        elif claim.id in others:
            slots[claim.id] = f"side:{OTHER}{_sentence_start(text, claim)}"
        elif (side := _side_day(claim, lead_day) or _side_month(claim, reference)) is not None:
            slots[claim.id] = f"side:{side}"
        else:
            slots[claim.id] = MAIN
    _join_other_days(ordered, slots, lead_day)
    _join_pronouns(ordered, slots)
    if lead_event is None:
        return DocumentSlots(slots, mentions, lead_day)
    reason = f'its lead incident ({lead_day}) falls in "{lead_event.text}", which it names'
    return DocumentSlots(slots, mentions, lead_day, lead_event.key, reason)


def _join_other_days(
    ordered: Sequence[Claim], slots: dict[str, str], lead_day: date | None
) -> None:
    """A count of the lead's that is dated to the day of another incident, not the lead's, is
    that incident's: "The vigil was for a son killed Sunday" tells Sunday's killing apart
    from Monday's shooting at the vigil, and so "Her son was shot to death Sunday" too."""
    if lead_day is None:
        return
    other_days: dict[str, str] = {}
    for claim in ordered:
        if slots[claim.id].startswith(f"side:{OTHER}") and _a_day_not(claim.when, lead_day):
            other_days.setdefault(claim.when or "", slots[claim.id])
    for claim in ordered:
        if slots[claim.id] == MAIN and claim.category in _CASUALTIES and claim.when in other_days:
            slots[claim.id] = other_days[claim.when]


_PRONOUNS = frozenset(("he", "she", "they", "him", "her", "them"))
_NEXT_SENTENCE = 400  # characters from another incident's sentence to the next one's


def _join_pronouns(ordered: Sequence[Claim], slots: dict[str, str]) -> None:
    """An undated count of "he", "she" or "they" right after another incident's sentence is
    that incident's: "Separately, a man was fatally shot in Tarnwick. He died at the depot
    gate." (the pronoun's nearest antecedent is the other incident's person), unless the two
    are of another sex ("a man ..." and then "she")."""
    previous: Claim | None = None
    for claim in ordered:
        if claim.category not in _CASUALTIES:
            continue
        pronoun = (claim.subject or "").lower()
        if (
            previous is not None
            and slots[claim.id] == MAIN
            and slots[previous.id].startswith(f"side:{OTHER}")
            and not claim.when
            and pronoun in _PRONOUNS
            and claim.start - previous.end <= _NEXT_SENTENCE
            and _same_sex(pronoun, previous.text)
        ):
            slots[claim.id] = slots[previous.id]
        previous = claim


def _same_sex(pronoun: str, words: str) -> bool:
    """The pronoun may stand for the person of these words: not "she" after "a man"."""
    sex, other = sex_of([pronoun]), sex_of(_WORD.findall(words.lower()))
    return not sex or not other or sex == other


_WORD = re.compile(r"[a-z]+")


def _a_day_not(when: str | None, lead_day: date) -> bool:
    """`when` is a single day, and not the lead's."""
    day = parse_day(when) if when and "/" not in when else None
    return day is not None and day != lead_day


def _lead_claim(
    ordered: Sequence[Claim], published: date | None, categories: frozenset[str] = _CASUALTIES
) -> Claim | None:
    """The claim that dates the document's lead incident: its first casualty count dated to
    the day of publication or the day before, else its first dated one (no statistics either
    way, and none the text tells as another incident).

    News leads with the day's incident, so a count dated to it wins over an earlier dated one
    ("two weeks ago, two students were killed" before the lead). A window of the whole week
    before publication was measured instead, and did worse (on the gva development split,
    77 killed counts above the gold against 75). A date after publication can only be one
    written out ("on March 3"): weekdays are read back from the publication date.
    """
    dated = [
        c
        for c in ordered
        if c.category in categories and parse_day(c.when) is not None and not is_statistic(c)
    ]
    if published is not None:
        recent = (c for c in dated if -_AHEAD_DAYS <= _days_before(c, published) <= 1)
        if (found := next(recent, None)) is not None:
            return found
    return dated[0] if dated else None


def _days_before(claim: Claim, published: date) -> int:
    day = parse_day(claim.when)
    return (published - day).days if day is not None else 0


def _lead_event(lead_day: date | None, mentions: Sequence[NamedMention]) -> NamedMention | None:
    """The named event of the document's own month-long name that its lead incident falls in.

    "Police shot 14 protesters on Friday ... since last week's protests began": when the
    document names an event of a month ("the March protests") and its lead incident is dated
    in that month, the lead incident is a part of the named event, not an incident of its own.
    """
    if lead_day is None:
        return None
    return next(
        (m for m in mentions if m.month == lead_day.month and m.year == lead_day.year), None
    )


def is_statistic(claim: Claim) -> bool:
    """The claim counts over a period or an area, or counts events rather than people.

    A count dated to a whole year ("38 executions in 2024") is a statistic of that year: an
    incident is dated to its day, its days or its month. A count of people hurt in several
    shootings ("five wounded in separate shootings Sunday") sums incidents, dated or not.
    """
    if _EVENT_SUBJECT.search(claim.subject or ""):
        return True
    if claim.when is not None and _WHOLE_YEAR.fullmatch(claim.when):
        return True
    if claim.category in _CASUALTIES and _span_days(claim.when) > SEASON_DAYS:
        return True  # "between January 2010 and August 2013": years, not an incident
    if claim.category in _CASUALTIES and _roundup(claim.sentence):
        return True
    if claim.category in _CASUALTIES and _SUMMED.search(_words_after(claim)):
        return True
    if claim.category in _CASUALTIES and (claim.low or 0) > 1 and _summed_later(claim):
        return True  # "Four people were killed, ..., and eight others were wounded in shootings"
    if not _tells_a_period(claim.sentence):
        return False
    if parse_day(claim.when) is None:
        return True
    # Over several days ("in the past four days"), a count of several people sums incidents;
    # one person "shot earlier this month" who has died is one incident.
    return "/" in (claim.when or "") and (claim.low or 0) > 1


# Searched once per sentence, not once per claim: a sentence may hold hundreds of counts.
@lru_cache(maxsize=256)
def _roundup(sentence: str) -> bool:
    return _ROUNDUP.search(sentence) is not None


@lru_cache(maxsize=256)
def _tells_a_period(sentence: str) -> bool:
    return _PERIOD.search(sentence) is not None


# Another incident, told by its distance in time from the one the sentence is about: "came
# (just) ten days after ...", "hours before ...", "just days after ...", "followed ...".
_DISTANCE = (
    r"(?:(?:just|only|barely|about|some|nearly|almost|less than|more than|just over|over|"
    r"within) )?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a few|several|a couple of|\d+) )?(?:hours?|days?|weeks?|months?|years?)"
)
_CAME_AFTER = re.compile(
    rf"\b(?:comes?|came|coming) (?:just |only )?(?:{_DISTANCE} )?(?:after|before)\b"
    r"|\b(?:follows|followed) (?:on |closely on )?(?:the heels of )?"
    r"(?=(?:an?|the) (?:\w+ ){0,3}(?:shootings?|attacks?|massacre|killings?|deaths?)\b)",
    re.IGNORECASE,
)
_DAYS_AFTER = re.compile(rf"\b{_DISTANCE} (?:after|before)\b", re.IGNORECASE)
# "in a previous shooting", "in a separate attack", "Separately, ...", "a year ago".
_EARLIER = re.compile(
    r"\b(?:in|during) (?:(?:an?|the) (?:previous|prior|earlier|separate|unrelated|different)"
    r"|another) (?:[\w-]+ )?(?:shootings?|incidents?|attacks?|stabbings?)\b"
    r"|^\W*(?:separately|elsewhere|meanwhile),"
    r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many|\d+) "
    r"years?(?: and a half)? (?:ago|earlier|before)\b|\byears (?:ago|earlier|before)\b",
    re.IGNORECASE,
)
# What the clause a distance follows must tell for the distance to part two incidents.
_INCIDENT = re.compile(
    r"\b(?:shootings?|attacks?|ambush(?:es)?|killings?|incidents?|violence|massacres?|"
    r"rampages?|stabbings?|deaths?|killed|shot|wounded|injured|died|dead|murdered)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:while|but|whereas|and then)\b", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"[;:]|\b(?:while|but|whereas|and then)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:where|who|whom|which|that|when|after|before|since)\b", re.I)
# A word each match of `_CAME_AFTER`, `_DAYS_AFTER` and `_EARLIER` holds ("separate" is in
# "separately"): a sentence with none of them is searched no further, once for all its claims.
_DISTANCE_WORDS = (
    "after", "before", "follow", "previous", "prior", "earlier", "separate", "unrelated",
    "different", "another", "elsewhere", "meanwhile", "ago",
)  # fmt: skip


@lru_cache(maxsize=256)
def _may_tell_distance(sentence: str) -> bool:
    folded = sentence.casefold()
    return any(word in folded for word in _DISTANCE_WORDS)


def another_incident(claim: Claim) -> bool:
    """The sentence tells the claim as another incident than the one it is about, by their
    distance in time: "The attack came ten days after [a gunman killed five officers]", "...
    in Tarnwick just days after [three guards were shot]", "Another attack, a day after
    [nine porters were hurt]", "[a teen killed] in a previous shooting", "[Two men were killed]
    a year earlier".

    "Two days after the shooting, [the second victim died]" is the same incident told later:
    a distance that dates a clause before the claim's ("..., ") leaves the claim alone.
    """
    sentence = claim.sentence
    start = sentence.find(claim.text)
    if start < 0 or not _may_tell_distance(sentence):
        return False
    before, after = sentence[:start], sentence[start + len(claim.text) :]
    # the distance is between two incidents, not an arrest or a talk and the incident
    distances = [
        m
        for m in (*_CAME_AFTER.finditer(before), *_DAYS_AFTER.finditer(before))
        if _INCIDENT.search(before[: m.start()])
    ]
    if any(m.re is _CAME_AFTER for m in distances):
        return True
    if any(not _CLAUSE_BREAK.search(before[m.end() :]) for m in distances):
        return True
    # "A year earlier, ..." dates the clause it opens; "... a year earlier" the one it ends
    if any(not _NEW_CLAUSE.search(before[m.end() :]) for m in _EARLIER.finditer(before)):
        return True
    return any(
        not _CLAUSE_BREAK.search(after[: m.start()]) and not _RELATIVE.search(after[: m.start()])
        for m in _EARLIER.finditer(after)
    )


_HEADLINE_WORDS = 25  # at most, in a line that reads as a headline
_HEAD_OF_TEXT = 300  # characters at the top of a text: its own title, dek and byline
_LINE_MARGIN = 200  # characters around a sentence searched for the breaks of its line
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’')\]]\s*\Z")
_NOT_A_HEADLINE = re.compile(r"\A\W*(?:update|updated|latest|breaking)\b|\(@|pic\.twitter", re.I)
_CONTENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
# Words any report of a shooting shares with any other.
_COMMON_WORDS = frozenset(
    ("shot", "shooting", "shootings", "killed", "kill", "kills", "dead", "death", "deaths",
     "died", "dies", "wounded", "injured", "hurt", "police", "officer", "officers", "woman",
     "women", "teen", "teens", "girl", "girls", "boys", "child", "children", "people", "person",
     "year", "year-old", "month-old", "after",
     "says", "said", "from", "with", "into", "over", "near", "during", "were", "while")
)  # fmt: skip


def _another_headline(text: str, claim: Claim, title: str | None) -> bool:
    """The claim's sentence is a line of its own that reads as another story's headline, in
    a list of related links ("Up to 40 feared dead in warehouse fire", "Man shot, killed
    blocks from home"), or a teaser cut off with an ellipsis: no full stop, a few words,
    below the top of the text, not an update or a post, and no name or word of the report's
    own title but the shooting's common ones."""
    if title is None:
        return False
    start = _sentence_start(text, claim)
    end = start + len(claim.sentence)
    # a line of its own: nothing but spaces between the sentence and the line breaks (looked
    # for near it only, so that a text of one huge line costs nothing)
    opening = text.rfind("\n", max(0, start - _LINE_MARGIN), start)
    closing = text.find("\n", end, end + _LINE_MARGIN)
    line_start = opening + 1
    if (opening == -1 and start > _LINE_MARGIN) or text[line_start:start].strip():
        return False
    line_end = closing if closing != -1 else len(text)
    if (closing == -1 and end + _LINE_MARGIN < len(text)) or text[end:line_end].strip():
        return False
    line = claim.sentence.strip()
    teaser = line.endswith(("…", "..."))  # a headline and the start of its story, cut off
    if (
        (_ENDS_SENTENCE.search(line) and not teaser)
        or len(line.split()) > _HEADLINE_WORDS * (3 if teaser else 1)
        or line_start < _HEAD_OF_TEXT
        or _NOT_A_HEADLINE.search(line)
        or line.isupper()  # a broadcast's caption or a section's heading, not a link
    ):
        return False
    own = {w.lower() for w in _CONTENT_WORD.findall(title)} - _COMMON_WORDS
    words = {w.lower() for w in _CONTENT_WORD.findall(line)} - _COMMON_WORDS
    return not own & words


def _span_days(when: str | None) -> int:
    """The days a `when` range spans ("2010-01/2013-08"), 0 for a day, a month or a year."""
    if when is None or "/" not in when:
        return 0
    period = _period(when)
    return (period[1] - period[0]).days if period is not None else 0


def _summed_later(claim: Claim) -> bool:
    """A count of several in a clause joined by "and" to one that says "in shootings": the
    shootings are both clauses' ("Four people were killed, including a guard, and eight
    others were wounded in shootings"); not after "while" or a semicolon, another clause."""
    start = claim.sentence.find(claim.text)
    if start < 0:
        return False
    rest = claim.sentence[start + len(claim.text) :]
    summed = _SUMMED.search(rest)
    if summed is None:
        return False
    between = rest[: summed.start()]
    return " and " in between and not _OTHER_CLAUSE.search(between)


_OTHER_CLAUSE = re.compile(r"\b(?:while|whereas|but|after|before|when)\b|;", re.IGNORECASE)


def _words_after(claim: Claim) -> str:
    """The claim's words and the few after them in its sentence."""
    start = claim.sentence.find(claim.text)
    if start < 0:
        return claim.text
    return claim.sentence[start : start + len(claim.text) + _SUMMED_REACH]


def _named_slot(
    text: str,
    claim: Claim,
    mentions: Sequence[NamedMention],
    by_key: dict[str, NamedMention],
    years: dict[int, str],
    references: list[tuple[int, str]],
    named_values: dict[int, str],
    lead: Claim | None = None,
) -> str | None:
    if not mentions:
        return None
    start = _sentence_start(text, claim)
    end = start + len(claim.sentence)
    # A name in the claim's own sentence wins unless the claim is dated to a day outside it
    # ("executed on June 17 for a killing during the March protests").
    day = claim.when if parse_day(claim.when) is not None else None
    inside = [m for m in mentions if start <= m.start < end and _compatible(day, m)]
    if inside:
        return min(inside, key=lambda m: abs(m.start - claim.start)).key
    claim_year = _year(claim.when)
    if (
        claim_year is not None
        and claim_year in years
        and _compatible(claim.when, by_key[years[claim_year]])
    ):
        return years[claim_year]

    # Nearness alone is weak: an undated claim restating the document's lead ("Kerevic was
    # hanged", in a report of the hanging) stays with the lead when the name is dated
    # otherwise ("... for a killing during the March protests").
    def fits(mention: NamedMention) -> bool:
        if not _compatible(claim.when, mention):
            return False
        return not restates_lead(claim, lead) or _compatible(lead.when if lead else None, mention)

    # a reference in an earlier paragraph is not near: an infobox below a lead paragraph
    # that compares the event with another counts the event's own victims
    paragraph = text.rfind("\n\n", 0, start) + 1
    before = [key for offset, key in references if max(start - WINDOW, paragraph) <= offset < start]
    if before and fits(by_key[before[-1]]):
        return before[-1]
    value = claim.low if claim.low is not None else claim.high
    if value is not None and value in named_values:
        key = named_values[value]
        if fits(by_key[key]):
            return key
    return None


def _whole_of(claim: Claim, earlier: Sequence[Claim]) -> Claim | None:
    """The nearest earlier count of the same kind (or of victims: "11 people were shot ...
    Three of those victims died") a partitive claim takes its part of."""
    if not _PARTITIVE_OF.search(claim.text):
        return None
    return next(
        (
            c
            for c in reversed(earlier)
            if c.category in (claim.category, "victims") and claim.start - c.end <= WINDOW
        ),
        None,
    )


def restates_lead(claim: Claim, lead: Claim | None) -> bool:
    """The claim gives the same kind and figure as the document's lead claim."""
    return (
        lead is not None
        and claim.category == lead.category
        and (claim.low, claim.high) == (lead.low, lead.high)
    )


def _references(
    text: str, mentions: Sequence[NamedMention], years: dict[int, str]
) -> list[tuple[int, str]]:
    """(offset, key) of every reference to a named event of the document, in text order."""
    found = [(m.start, m.key) for m in mentions]
    found += [(offset, years[year]) for offset, year in year_mentions(text) if year in years]
    families: dict[str, set[str]] = {}
    for mention in mentions:
        families.setdefault(mention.family, set()).add(mention.key)
    for offset, family in family_references(text):
        keys = families.get(family, set())
        if len(keys) == 1:  # "the massacre" is a named event only when the text has one
            found.append((offset, next(iter(keys))))
    return sorted(found)


def _compatible(when: str | None, mention: NamedMention) -> bool:
    """The claim's time (ISO day, month, year or interval) does not contradict the name's.

    A count over a whole year, or over a span longer than a season, is a tally of that period
    and no part of an event of one month ("312 executions in 2031" and "the March protests").
    """
    start = (when or "").split("/")[0]
    if mention.year is None or not start[:4].isdigit():
        return True
    if mention.month is not None and (
        _WHOLE_YEAR.fullmatch(when or "") or _span_days(when) > SEASON_DAYS
    ):
        return False
    if int(start[:4]) != mention.year:
        return False
    month = int(start[5:7]) if len(start) >= 7 and start[5:7].isdigit() else None
    return month is None or mention.month is None or month == mention.month


def _year(when: str | None) -> int | None:
    if not when or not when[:4].isdigit():
        return None
    return int(when[:4])


# A death of wounds dates the death, not the incident: "died Sunday of his wounds".
_OF_WOUNDS = re.compile(
    r"\b(?:succumbed|(?:as a result|died|dies|passed away) (?:of|from) (?:his|her|their|the) "
    r"(?:\w+ )?(?:wounds?|injuries|injury))\b|\bas a result of (?:his|her|their) (?:\w+ )?"
    r"(?:wounds?|injuries)\b",
    re.IGNORECASE,
)


def _side_day(claim: Claim, lead_day: date | None) -> str | None:
    """The day (or month, or span) of a casualty count dated away from the lead incident.

    A day more than `SIDE_DAYS` from the lead's is another incident (a span of days counts
    from its first); so is a month or a span of months that does not hold the lead's day ("In
    August, a cyclist was gunned down" in a report of a shooting in November). A month is how news
    dates what is no longer this week's story.
    """
    if lead_day is None or claim.category not in _CASUALTIES or not claim.when:
        return None
    day = parse_day(claim.when)
    if day is not None and day > lead_day and _OF_WOUNDS.search(claim.sentence):
        return None  # a later death of the lead's wounds: "died Sunday of his wounds"
    if day is not None:  # a day, or a span of days from its first
        return day.isoformat() if abs((day - lead_day).days) > SIDE_DAYS else None
    period = _period(claim.when)
    if period is None or period[0] <= lead_day <= period[1]:
        return None
    return claim.when


def _side_month(claim: Claim, published: date | None) -> str | None:
    """The month (or span) of a casualty count that ended over `SIDE_DAYS` days before the
    publication of a report whose lead is undated: "In August, three men were found dead" in
    a report of "four people shot at the bar", published in March."""
    if published is None or claim.category not in _CASUALTIES or not claim.when:
        return None
    period = _period(claim.when)
    if period is None or (published - period[1]).days <= SIDE_DAYS:
        return None
    return claim.when


def _period(when: str) -> tuple[date, date] | None:
    """The first and last day of a `when` (a day, a month or a span of them)."""
    first, _, last = when.partition("/")
    start = parse_day(first) or _month(first, last_day=False)
    end = parse_day(last or first) or _month(last or first, last_day=True)
    return (start, end) if start is not None and end is not None else None


def _month(value: str, *, last_day: bool) -> date | None:
    """The first or last day of an ISO month ("2015-08"), None for anything else."""
    if not re.fullmatch(r"\d{4}-\d{2}", value):
        return None
    year, month = int(value[:4]), int(value[5:7])
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1] if last_day else 1)


def _sentence_start(text: str, claim: Claim) -> int:
    """Offset of the claim's sentence in the text (the claim's own start when not found)."""
    if not claim.sentence:
        return claim.start
    found = text.find(
        claim.sentence, max(0, claim.end - len(claim.sentence)), claim.end + len(claim.sentence)
    )
    return found if found != -1 and found <= claim.start else claim.start
