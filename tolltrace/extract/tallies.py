"""How the counts of a sentence and of a report combine.

- People coordinated in one argument add up: "two men and two women were injured" is 4, "a
  prison guard and three others" 4, "Mira and her three children" 4 (`coordinated_people`);
  a count and its breakdown ("seven others, four men and three women") are not added, nor
  a coordination without an "and" in its noun phrase (a part: "six workers, ..., one man
  grazed").
- Others besides a count of the same category in the same sentence add up ("a guard was
  badly hurt and six others ...": 7, `with_others_added`), and so does a killer's own death
  beside his victims ("... before killing himself", `with_suicide_added`).
- A count of wounded that goes on to say some died ("five wounded -- three mortally", "five were
  shot, one fatally", "three others were shot, one of whom later died") counts victims, the
  dead its killed part, and the rest injured ("five were shot, one fatally": 4 injured, a
  claim over both counts' words; `with_fatal_parts`).
- People shot besides the dead ("a man was killed and three others were shot") lived, or the
  report would say they died (`besides_the_dead`).
- People of one sentence each named or described as someone new, each with a harm of his own
  ("a clerk was shot in the knee while a second victim was grazed"), add up
  (`with_individuals_added`), and so does a count and the person numbered after it ("four
  were taken to hospitals ... a fifth person was driven to ...", `with_one_more_added`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from tolltrace.extract import lexicon as lx
from tolltrace.extract import victims
from tolltrace.extract.predicates import WOUNDED
from tolltrace.model import Count
from tolltrace.nlp.parse import ParsedSentence

if TYPE_CHECKING:
    from tolltrace.model import Claim

# "three others", "four other people", "two more"; not "the other man", one of a pair
_BESIDES = re.compile(
    r"(?<!\bthe )\b(?:others|other\s+(?:\w+s|people|men|women|children)|more|additional|further)\b",
    re.IGNORECASE,
)
_FATAL_PART = re.compile(
    r"\b(?:fatally|mortally|lethally)\s*\Z"
    r"|\bof\s+(?:whom|them|those(?:\s+[\w-]+){0,3})\b.*\b(?:died|dead|killed)\s*\Z"
    r"|\Akilling\s+\w+(?:\s+of\s+(?:them|whom))?\s*\Z",  # "shot eight men, killing two"
    re.IGNORECASE,
)
_OF_THEM = re.compile(r"\bof\s+(?:whom|them|those)\b", re.IGNORECASE)  # "and three of them died"
# "Five porters were shot and one was killed": a bare number, the people just counted.
SMALL_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_BARE_PART = re.compile(
    rf"\A{SMALL_NUMBER}\s+(?:later\s+)?"
    r"(?:(?:was|were|has|have|had)\s+)?(?:been\s+)?(?:later\s+)?(?:killed|died|fatally)\b",
    re.IGNORECASE,
)
_WHO_DIED = re.compile(
    r"\bwho\s+(?:later\s+|since\s+|has\s+since\s+)?(?:died|passed\s+away|succumbed"
    r"(?:\s+to\s+(?:his|her|their)\s+(?:injuries|wounds))?)\s*\Z",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"\b(?:including|among\s+them)\s*\Z", re.IGNORECASE)
_PART_SEPARATOR = re.compile(r"[,;:(]|--|[—–]")
# "after a blast that also hurt two more guards": others besides, without "and"
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_PART_GAP = 30  # characters between a count and the part of it that died


def coordinated_people(
    sentence: ParsedSentence, noun: int, counts: tuple[Count, ...]
) -> tuple[int, list[int]] | None:
    """The people a coordination of counted and single persons adds up to, and its words:
    "two men and two women" (4), "a prison guard and three others" (4), "three men and a
    9-year-old boy" (4); None when the noun is coordinated with no one, or with anything
    that is not people, or when a count in it is not exact."""
    tokens = sentence.tokens
    first = noun
    while tokens[first].dep == "conj" and tokens[first].head != first:
        first = tokens[first].head
    members = [first, *_split_subjects(sentence, first)]
    index = 0
    while index < len(members):
        members += [c for c in sentence.children[members[index]] if tokens[c].dep == "conj"]
        index += 1
    if len(members) < 2 or not any(
        tokens[i].dep == "cc"
        and tokens[i].lower in ("and", "&", "plus")
        and _in_phrase_of(sentence, i, set(members))
        for i in range(min(members), max(members))
    ):
        return None  # "six workers, cut by glass, one man grazed": a part, not one more
    if any(tokens[c].dep == "relcl" for c in sentence.children[noun]):
        return None  # "the gunman and [the three people who were hurt]": the harm is theirs
    ordered = sorted(members)
    if any(
        member < c < after and tokens[c].dep in ("amod", "acl") and tokens[c].lower in lx.NOMINAL
        for member, after in pairwise(ordered)
        for c in sentence.children[member]
    ):  # a state between two of them is the first's: "two guards dead and two others in ..."
        return None  # (not "three men and three women injured", said of all)
    people = 0
    words: list[int] = []
    values: list[int] = []
    for member in members:
        counted = count_of(sentence, member, counts)
        if counted is not None:
            if counted.qualifier != "exact" or counted.low is None:
                return None
            people += counted.low
            words += tokens_of(
                sentence, sentence.start + counted.start, sentence.start + counted.end
            )
        elif victims.one_person(sentence, member):
            people += 1
        else:
            return None
        words.append(member)
        values.append(counted.low if counted is not None and counted.low is not None else 1)
    if len(values) > 2 and values[0] == sum(values[1:]):
        return None  # "seven others, four men and three women": a count and its breakdown
    return people, words


def _in_phrase_of(sentence: ParsedSentence, token: int, nouns: set[int]) -> bool:
    """The token is in the noun phrase of one of `nouns`, not in a clause of it: the "and" of
    "three men from Kerevo and a man", "three sisters, ages 4, 7 and 9, and their father"; not
    that of "six workers, cut by glass on their arms and hands, ..."."""
    tokens = sentence.tokens
    for _ in range(len(tokens)):
        head = tokens[token].head
        if head in nouns:
            return True
        if head == token or tokens[head].dep not in _PHRASE_DEPS:
            return False
        token = head
    return False


_PHRASE_DEPS = frozenset(("prep", "pobj", "appos", "compound", "amod", "nummod", "conj", "cc"))


def _split_subjects(sentence: ParsedSentence, noun: int) -> list[int]:
    """The other subjects of the noun's verb, when the parser split a coordination in two:
    "Three sisters, ages 4, 7 and 9, and their father were found dead" gives "found" the
    subjects "sisters" and "father", an "and" between them."""
    tokens = sentence.tokens
    dep = tokens[noun].dep
    if dep not in ("nsubj", "nsubjpass") or tokens[noun].head == noun:
        return []
    if not any(tokens[c].dep == "appos" for c in sentence.children[noun]):
        return []  # the split comes of an aside ("ages 4, 7 and 9") between the two
    # a common noun: names after a count are more often its breakdown ("their two children,
    # Lena, 9, and Tam, 6")
    siblings = [
        c
        for c in sentence.children[tokens[noun].head]
        if tokens[c].dep == dep and c > noun and tokens[c].pos == "NOUN"
    ]
    return [
        c
        for c in siblings
        if any(tokens[i].dep == "cc" and tokens[i].lower == "and" for i in range(noun + 1, c))
    ]


def count_of(sentence: ParsedSentence, noun: int, counts: tuple[Count, ...]) -> Count | None:
    """The count of people a noun is counted by ("[two] women", "[one] woman"), if it is a
    person."""
    token = sentence.tokens[noun]
    if token.tag not in ("NNS", "NN") or not (
        token.lemma in lx.PERSON_NOUNS or token.lower in ("others", "people", "persons")
    ):
        return None
    for child in sentence.children[noun]:
        if sentence.tokens[child].dep != "nummod":
            continue
        at = sentence.tokens[child].start - sentence.start
        for count in counts:
            if count.start <= at < count.end and (token.tag == "NNS" or count.low == 1):
                return count  # "[two] women", and "[one] girl" of "one girl and three men"
    return None


def with_fatal_parts(drafts: list[Claim], text: str, offset: int) -> list[Claim]:
    """A count of people wounded that goes on to say some died ("five people wounded -- three
    mortally", "five were shot, one fatally", "three others were shot, one of whom later
    died", "stabbed three porters, including one who later died", "five people were shot and
    one was killed") counts victims, dead and
    living: it is no injured count, or the dead would be counted twice. The rest lived: when both
    counts are exact, the sentence tells of their number too ("five were shot, one fatally":
    four injured), a claim whose words run over both counts."""
    settled = list(drafts)
    survivors: list[tuple[int, Claim]] = []
    for index in range(1, len(drafts)):
        part, whole = drafts[index], settled[index - 1]  # the count just before the part
        words = text[part.start - offset : part.end - offset]
        between = text[whole.end - offset : part.start - offset]
        if (
            part.category == "killed"
            and (
                _FATAL_PART.search(words)
                or (_WHO_DIED.search(words) and _INCLUDING.search(between))
                or (_BARE_PART.match(words) and " and " in between)  # not ", one died"
            )
            and len(between) <= _PART_GAP
            and (
                _PART_SEPARATOR.search(between)
                or (
                    " and " in between
                    and (_OF_THEM.search(words) is not None or _BARE_PART.match(words))
                )
            )
            and whole.category in ("injured", WOUNDED)
            and whole.low is not None
            and whole.low > (part.low or 0)
        ):
            settled[index - 1] = replace(whole, category="victims")
            if _exact(whole) and _exact(part) and part.low is not None:
                survivors.append((index, _survivors(whole, part, whole.sentence)))
    return _inserted(settled, survivors)


def with_fatal_parts_across(drafts: list[Claim], text: str) -> list[Claim]:
    """ "Four people were shot Sunday. Two of them died": a part of the last sentence's count
    that died, named as theirs ("of them", "of the victims"), makes that count victims and
    the rest injured, a claim whose words run from the first count to the part."""
    settled = list(drafts)
    survivors: list[tuple[int, Claim]] = []
    for index in range(1, len(drafts)):
        part, whole = drafts[index], drafts[index - 1]
        if (
            part.category != "killed"
            or whole.category not in ("injured", "victims", WOUNDED)
            or not _exact(part)
            or not _exact(whole)
            or whole.sentence == part.sentence
            or not _PART_OF_THEM.match(text[part.start : part.end])
            or part.low is None
            or whole.low is None
            or whole.low <= part.low
        ):
            continue
        # each sentence holds its claim: looked for near it, never through the whole text
        first = text.rfind(
            whole.sentence,
            max(0, whole.end - len(whole.sentence)),
            whole.start + len(whole.sentence),
        )
        second = text.find(
            part.sentence,
            max(whole.end, part.end - len(part.sentence)),
            part.start + len(part.sentence),
        )
        if first < 0 or second < 0 or text[first + len(whole.sentence) : second].strip():
            continue  # not the sentence right before
        if whole.category == "injured":
            settled[index - 1] = replace(whole, category="victims")
        joined = text[first : second + len(part.sentence)]
        survivors.append((index, _survivors(whole, part, joined)))
    return _inserted(settled, survivors)


def _survivors(whole: Claim, part: Claim, sentence: str) -> Claim:
    """The injured claim of a count less its part that died, its words running over both."""
    lived = (whole.low or 0) - (part.low or 0)
    return replace(
        whole, end=part.end, sentence=sentence, low=lived, high=lived, category="injured",
        confidence=0.6,
    )  # fmt: skip


def _inserted(drafts: list[Claim], after: list[tuple[int, Claim]]) -> list[Claim]:
    """`drafts` with each new draft placed right after the part it was read from."""
    settled = list(drafts)
    for index, draft in reversed(after):
        settled.insert(index + 1, draft)
    return settled


# "Two of them died", "One of the victims, a guard, later died", "Three of those wounded were
# pronounced dead": a part of the count before, named as theirs.
_PART_OF_THEM = re.compile(
    r"\w+\s+of\s+(?:them|those|the\s+(?:victims|wounded|injured))\b[^.;]*?"
    r"\b(?:died|dead|deceased|killed|succumbed|passed\s+away)\b",
    re.IGNORECASE,
)


def _exact(draft: Claim) -> bool:
    return draft.qualifier == "exact" and not draft.negated and draft.low == draft.high


def with_others_added(drafts: list[Claim], text: str) -> list[Claim]:
    """ "A guard was badly hurt and six others were hurt by flying glass": the others are
    besides the guard, so the sentence's tally is 7. A count of others of the same category
    right after a count in the same sentence becomes their sum, its words running from the
    first; the first count stays as it is. Only counts of one category add up: in "a guard
    was stabbed to death and three others were hurt" the guard is killed, and the injured are
    three; in "..., a nurse was badly hurt and two others were hurt by glass" they are
    three. `text` is the clean text of the drafts."""
    settled = list(drafts)
    for index in range(1, len(drafts)):
        first, others = drafts[index - 1], drafts[index]
        if (
            others.category in _SUMMABLE
            and _addable(first, others)
            and _BESIDES.search(text[others.start : others.end])
            and not _PART_SEPARATOR.search(text[first.end : others.start])
            and (
                " and " in text[first.end : others.start]
                or _ALSO.search(text[first.end : others.end]) is not None
            )
        ):
            total = (first.low or 0) + (others.low or 0)
            settled[index] = replace(
                others,
                start=first.start,
                low=total,
                high=total,
                subject=f"{first.subject} and {others.subject}",
            )
    return settled


# A count that is a part of the people just counted, by a bare number ("two are in critical
# condition", "one died at the scene") or a partitive ("two of the victims were ...").
_GROUP = re.compile(
    rf"\A{SMALL_NUMBER}\s+"
    r"(?:of\s+(?:the|them|those)\b|(?:were|was|are|is|remain(?:s|ed)?|suffered|sustained|"
    r"died|had|have|has)\b)",
    re.IGNORECASE,
)
# "three were treated and [two of them] are in grave condition": of the group before
_PART_OF_GROUP = re.compile(rf"\A{SMALL_NUMBER}\s+of\s+(?:them|those|whom)\b", re.IGNORECASE)
_GROUP_JOIN = re.compile(r"(?:,|;)?\s*(?:and|while)?\s*\Z")
_GROUP_GAP = 80  # characters from one group's words to the next's


def with_groups_added(drafts: list[Claim], text: str) -> list[Claim]:
    """ "Two of the guards are in serious condition and three had stab wounds", "Two died at
    the scene, and one died at the hospital": groups of the people a report has
    counted, each a part told by a bare number and its own state, are as many people as
    their sum, a claim whose words run from the first group to the last. Not a count with a
    noun of its own: in "Four people were hurt and two are in critical condition" the two
    are of the four."""
    settled = list(drafts)
    for index in range(1, len(drafts)):
        first, group = settled[index - 1], drafts[index]
        if (
            group.category in ("killed", "injured")
            and _addable(first, group)
            and _GROUP.match(text[group.start : group.end])
            and not _PART_OF_GROUP.match(text[group.start : group.end])
            and _GROUP.match(text[drafts[index - 1].start : drafts[index - 1].end])
            and group.start - first.end <= _GROUP_GAP
            and _GROUP_JOIN.search(text[first.end : group.start])
            and (", " in text[first.end : group.start] or " and " in text[first.end : group.start])
        ):
            total = (first.low or 0) + (group.low or 0)
            settled[index] = replace(group, start=first.start, low=total, high=total)
    return settled


def _addable(first: Claim, second: Claim) -> bool:
    """Two exact, affirmed counts of one category, the second after the first in the same
    sentence: the counts a sum may join."""
    return (
        first.category == second.category
        and first.sentence == second.sentence
        and first.end <= second.start
        and not first.negated
        and not second.negated
        and first.qualifier == second.qualifier == "exact"
        and first.low is not None
        and second.low is not None
    )


def with_individuals_added(drafts: list[Claim], text: str) -> list[Claim]:
    """ "A clerk was shot in the leg, a nurse was grazed and Tam Arven was hurt by glass": one
    sentence that tells of several people, each named or described as someone new ("a
    nurse", "another guard", "Arven and Osk") and each with a harm of his own, tells of their
    sum. The last of them becomes the sum, its words running from the first; the others stay
    as they are. Not "he", "the clerk" (someone told before), nor a count of several ("two
    men"), which may hold the others."""
    settled = list(drafts)
    run: list[int] = []
    for index, draft in enumerate(drafts):
        if run and not _next_individual(drafts[run[-1]], draft, text):
            _add_individuals(settled, drafts, run, text)
            run = []
        if _individual(draft):
            run.append(index)
    _add_individuals(settled, drafts, run, text)
    return settled


def _add_individuals(settled: list[Claim], drafts: list[Claim], run: list[int], text: str) -> None:
    people = [drafts[i] for i in run]
    if len({d.subject.lower() for d in people}) < 2:
        return
    start = text.rfind(people[0].sentence, 0, people[0].start + len(people[0].sentence))
    if start >= 0 and _SUBORDINATE.search(text[start : people[0].start]):
        return  # "hours after a clerk was shot, another was hurt": two incidents
    total = sum(d.low or 0 for d in people)
    settled[run[-1]] = replace(
        people[-1], start=people[0].start, low=total, high=total, confidence=0.6
    )


def _individual(draft: Claim) -> bool:
    return (
        draft.category == "injured"
        and _exact(draft)
        and (
            (draft.low == 1 and _SOMEONE_NEW.match(draft.subject) is not None)
            or _NAMES.fullmatch(draft.subject) is not None
        )
    )


def _next_individual(previous: Claim, draft: Claim, text: str) -> bool:
    """`draft` is the next person of the same sentence's list as `previous`."""
    return (
        _individual(draft)
        and draft.sentence == previous.sentence
        and previous.end <= draft.start
        and draft.subject.lower() != previous.subject.lower()
        and _LIST_JOIN.search(text[previous.end : draft.start]) is not None
    )


# "a 22-year-old man", "an officer", "another guard": someone not told before
_SOMEONE_NEW = re.compile(r"\A(?:a|an|another)\s+\S", re.IGNORECASE)
# "Tam Arven", "Arven, Osk and Vell": people by their names only
_NAME = r"[A-Z](?:[a-z][\w'’-]*|\.)(?:\s+[A-Z](?:[a-z][\w'’-]*|\.))*"  # not "CONGRESS TWP"
_NAMES = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?")
_SUBORDINATE = re.compile(r"\b(?:after|before|since|until|when|following)\s+\Z", re.I)
_LIST_JOIN = re.compile(r"[,;]|\b(?:and|while|whereas)\b", re.IGNORECASE)


def with_one_more_added(drafts: list[Claim], text: str) -> list[Claim]:
    """ "Four people were taken to hospitals in critical condition. A fifth person was taken
    to Kerevo General": the ordinal numbers the person after a count of the same harm, in
    the same sentence or the next, so the two tell of five. A claim of their sum is added
    after the ordinal's, its words running from the count to the ordinal person. Not after
    a count of others ("two other girls were hurt ... a third victim"), whose ordinal may
    number the people before them too."""
    added: list[tuple[int, Claim]] = []
    for index, draft in enumerate(drafts):
        ordinal = _ORDINAL_PERSON.match(text[draft.start : draft.end])
        if ordinal is None or not _exact(draft) or draft.low != 1:
            continue
        place = _ORDINALS[ordinal.group(1).lower()]
        count = next(
            (
                d
                for d in reversed(drafts[:index])
                if d.category == draft.category
                and _exact(d)
                and d.end <= draft.start
                and draft.start - d.end <= _ONE_MORE_GAP
            ),
            None,
        )
        if count is None or count.low != place - 1 or _BESIDES.search(count.subject):
            continue  # (not "two other girls": the ordinal numbers those before them too)
        if len(_STOP.findall(text[count.end : draft.start])) > 1:
            continue  # not the same sentence or the next
        first = text.rfind(count.sentence, 0, count.start + len(count.sentence))
        last = text.find(draft.sentence, max(0, draft.end - len(draft.sentence)))
        if first < 0 or last < 0:
            continue
        sum_ = replace(
            draft,
            start=count.start,
            sentence=text[first : max(first + len(count.sentence), last + len(draft.sentence))],
            low=place,
            high=place,
            subject=count.subject,
            confidence=0.6,
        )
        added.append((index, sum_))
    return _inserted(drafts, added)


# "A fifth person", "a third victim": the person after those counted
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
# (indefinite: "the third victim" may number the dead too, as one of those told)
_ORDINAL_PERSON = re.compile(rf"\A(?:a|an)\s+({'|'.join(_ORDINALS)})\b", re.IGNORECASE)
_ONE_MORE_GAP = 300  # characters from a count to the ordinal person after it
_STOP = re.compile(r"[.!?][\"”’')\]]*\s")  # the end of a sentence


def with_suicide_added(drafts: list[Claim], text: str) -> list[Claim]:
    """ "A farmer stabbed his brother and two nephews before killing himself": the sentence
    tells of four deaths. Of a count of killed next to the killer's own death in the same
    sentence, the second becomes their sum, its words running over both; the first stays as
    it is."""
    settled = list(drafts)
    for index in range(1, len(drafts)):
        first, second = drafts[index - 1], drafts[index]
        pair = (first, second)
        selves = [d for d in pair if d.subject.lower() in _SELVES and d.low == 1]
        if (
            len(selves) != 1
            or any(d.category != "killed" or d.negated or d.qualifier != "exact" for d in pair)
            or first.sentence != second.sentence
            or first.end > second.start
            or len(text[first.end : second.start]) > _SUICIDE_GAP
            or ";" in text[first.end : second.start]
        ):
            continue
        victims = second if selves[0] is first else first
        if victims.low is None or _SELF_IN.search(victims.subject):
            continue
        total = victims.low + 1
        settled[index] = replace(
            victims,
            start=first.start,
            end=second.end,
            low=total,
            high=total,
            subject=f"{first.subject} and {second.subject}",
        )
    return settled


_SELVES = frozenset(("himself", "herself", "themselves"))
_SELF_IN = re.compile(r"\b(?:himself|herself|themselves)\b", re.IGNORECASE)
_SUICIDE_GAP = 40  # characters between the two claims' words

_SUMMABLE = frozenset(("killed", "injured", "arrested", "detained"))


def besides_the_dead(
    draft: Claim,
    text: str = "",
    later: Sequence[Claim] = (),
    earlier: Sequence[Claim] = (),
) -> bool:
    """ "A guard was killed and three others were shot", "three other clerks were also shot",
    "the other five victims were driven to clinics", "two more were flown to the clinic",
    "a man was killed and a girl was shot", "Arven was pronounced dead, a nurse was flown to
    a clinic and a clerk was hit in the hip": people shot besides those the report counts
    dead lived, or it would say they died. It may say so further on ("the other three were
    taken to hospital. ... One died on arrival at the hospital"): then the others of the
    count's own words (not of its noun), and the people of a clause joined to a death, are
    victims. `text` is the clean text of the draft, `later` the drafts after it, `earlier`
    those before it."""
    if _BESIDES.search(draft.subject) and " and " not in draft.subject:
        return True
    before = text[max(0, draft.start - _BEFORE_REACH) : draft.start]
    words = text[draft.start : draft.end]
    others = bool(
        (_OTHER_BEFORE.search(before) and _SEVERAL.match(words))
        or _MORE_AFTER.match(words)
        or (_ONE_MORE.match(words) and not _PAIR.search(_sentence_before(draft, text)))
        or _ALSO_HARMED.match(text[draft.start : draft.end + _ALSO_REACH])
    ) or _joined_to_a_death(earlier, draft, text)
    return others and not any(
        d.category == "killed" and _DIED_IN_CARE.search(d.sentence) for d in later
    )


def _sentence_before(draft: Claim, text: str) -> str:
    """The words of the draft's sentence before its own."""
    start = text.rfind(
        draft.sentence,
        max(0, draft.end - len(draft.sentence)),
        draft.start + len(draft.sentence),
    )
    return text[start : draft.start] if start >= 0 else ""


def _joined_to_a_death(earlier: Sequence[Claim], draft: Claim, text: str) -> bool:
    """ "A man was killed [and] a girl was shot": the clause before, in the same sentence and
    joined by "and", tells of other people's death; or a death earlier in the sentence, and
    someone new after it ("Arven was pronounced dead, [a] clerk was hit in the side")."""
    deaths = [
        d
        for d in earlier
        if d.category == "killed" and not d.negated and d.sentence == draft.sentence
    ]
    if not deaths:
        return False
    if draft.low == 1 and _SOMEONE_NEW.match(draft.subject):
        return True
    between = text[earlier[-1].end : draft.start]
    return (
        earlier[-1] is deaths[-1]
        and len(between) <= _PART_GAP
        and _AND.search(between) is not None
        and not _PART_SEPARATOR.search(between)
    )


_AND = re.compile(r"\band\b", re.IGNORECASE)


# "the other five victims", "the remaining three": the count's own words, before its number
# (several: "the other woman" is the other of a pair, who may be among the dead)
_SEVERAL = re.compile(rf"\A(?!one\b){SMALL_NUMBER}\b", re.IGNORECASE)
_OTHER_BEFORE = re.compile(r"\b(?:other|remaining|surviving)\s+\Z", re.IGNORECASE)
# "An officer was also shot", "A mother and her son were also shot": besides the people
# told before (the verb may follow the count's words)
_ALSO_REACH = 30
_ALSO_HARMED = re.compile(
    r"\A(?:(?!\b(?:who|that)\b)[^;])*?\b(?:was|were)\s+also\s+(?:shot|wounded|struck|hit)\b",
    re.IGNORECASE,
)  # (not of a relative clause: "Both Arven and Osk, who was also shot, ...")
# "one was shot inside and another outside": the other of a pair, who may be dead too
_PAIR = re.compile(r"\bone\b[^.;]*\band\s+\Z", re.IGNORECASE)
# "Another man", "A fourth victim": one more person than those told so far
_ONE_MORE = re.compile(rf"\A(?:another|an?\s+(?:{'|'.join(_ORDINALS)}))\b", re.IGNORECASE)
# "two more were shot", "the two remaining victims"
_MORE_AFTER = re.compile(rf"\A{SMALL_NUMBER}\s+(?:more|other|remaining|surviving)\b", re.IGNORECASE)
_BEFORE_REACH = 12
# a death after the people were taken away: "died at the hospital", "died upon arrival"
_DIED_IN_CARE = re.compile(
    r"\b(?:died|dead|deceased|succumbed)\b[^.;]*\b(?:hospital|arrival|arriving)\b"
    r"|\b(?:later|since)\s+(?:died|succumbed)\b",
    re.IGNORECASE,
)


def tokens_of(sentence: ParsedSentence, start: int, end: int) -> list[int]:
    """The tokens overlapping the characters `start`..`end` of the clean text (a binary
    search: a sentence may have thousands of tokens and hundreds of counts)."""
    tokens = sentence.tokens
    found = []
    for i in range(bisect.bisect_right(tokens, start, key=lambda t: t.end), len(tokens)):
        if tokens[i].start >= end:
            break
        found.append(i)
    return found


def without_second_readings(drafts: list[Claim]) -> list[Claim]:
    """One figure read twice is one claim: drafts of one category whose words start at the
    same place and whose count is the same ("6,800 have been injured" and "6,800 have been
    injured, 700 are in critical condition"; "at least 30" read once as at least and once as
    exact). The first in text order stays; of two on the same words, the one with a
    qualifier beyond "exact"."""
    kept: list[Claim] = []
    for draft in drafts:
        twin = next(
            (
                i
                for i, other in enumerate(kept)
                if other.category == draft.category
                and (other.low, other.high) == (draft.low, draft.high)
                and other.start == draft.start  # the same words, not a neighbour's count
            ),
            None,
        )
        if twin is None:
            kept.append(draft)
        elif kept[twin].qualifier == "exact" and draft.qualifier != "exact":
            kept[twin] = draft
    return kept
