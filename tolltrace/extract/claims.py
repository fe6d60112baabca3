"""Claims from one parsed sentence: each count of people, its category from the predicate.

The category of a count is read off the dependency parse, from the word that governs the
counted noun: the verb it is the object or passive subject of ("30,000 prisoners were
executed", "killed 12 villagers"), the participle after it ("1,000 killed and 4,000 injured"),
the noun it is "of" ("the massacre of 30,000"), or the noun a toll or number is of ("the death
toll rose to 1,500"), or the clause that states an injury ("two people suffered gunshot
wounds", `injuries`). A part of a count takes the count's verb ("Five people were shot, two of
them fatally"). A keyword elsewhere in the sentence never gives a category. A sentence that
names persons harmed ("Jon Arven was executed", "a man with a gunshot wound") is a claim of as
many (`victims`). What each word says is in `predicates`; how the counts of a sentence
combine (coordinated people add up, a part that died makes the whole victims) in `tallies`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tolltrace.extract import gatherings, injuries, tallies, victims
from tolltrace.extract import lexicon as lx
from tolltrace.extract.attribution import attribute
from tolltrace.extract.numbers import counted_noun, find_counts
from tolltrace.extract.predicates import (
    COPULAS,
    PREDICATE_REACH,
    WOUNDED,
    Reading,
    active_relative,
    carried_category,
    carrier_category,
    complement_category,
    is_hypothetical,
    is_intended,
    natural_death,
    nominal,
    people_like,
    perpetrator_of,
    verb_category,
)
from tolltrace.extract.when import claim_time
from tolltrace.extract.where import claim_place
from tolltrace.model import Claim, Count
from tolltrace.nlp.parse import ParsedSentence, Token

__all__ = [
    "POINTING_BACK",
    "WOUNDED",
    "Claim",
    "find_claims",
    "resolve_pointing_back",
    "resolve_wounded",
]

_NOUNS = frozenset(("NOUN", "PROPN", "PRON", "ADJ", "NUM"))
_SUBJECT_SKIP = frozenset(("of", "the", "a", "an", "these", "those", "its", "their", "his", "her"))
_SHARED = frozenset(("them", "whom", "those", "these"))  # "two of them"
_MAX_CLIMB = 8
_GRAVELY = frozenset(
    ("critically", "seriously", "gravely", "severely", "non-fatally", "nonfatally")
)
_CLAUSE_OPENERS = frozenset(("after", "before", "when", "until", "since", "as"))
_OWN_ARGUMENTS = frozenset(("nsubj", "nsubjpass", "dobj", "obj"))
_HARM_REACH = 10  # tokens after a predicate its words of harm may end ("left a man in ...")


def find_claims(sentence: ParsedSentence, published: str | None, text: str = "") -> list[Claim]:
    """Every casualty or repression claim the sentence states, in text order.

    `text` is the whole clean text the sentence is part of (attributions may sit outside the
    sentence, e.g. a quotation closed in the next one).
    """
    if not sentence.tokens:
        return []
    drafts: list[Claim] = []
    claimed: set[int] = set()
    counts = find_counts(sentence.text)
    for count in counts:
        draft = _count_claim(sentence, count, published, text, claimed, counts)
        if draft is not None:
            drafts.append(draft)
    for named in (victims.named_victims, victims.victims_of_nominals, victims.harmed_people):
        for found in named(sentence, claimed):
            drafts.append(
                _draft(sentence, found.first, found.last, found.people, found.people, "exact",
                       found.reading, found.subject, found.perpetrator, published, text)
            )  # fmt: skip
    drafts.sort(key=lambda draft: (draft.start, draft.end))
    return tallies.with_fatal_parts(drafts, text or sentence.text, 0 if text else sentence.start)


def resolve_wounded(
    drafts: list[Claim], published: str | None = None, text: str = "", title: str = ""
) -> list[Claim]:
    """Settle the provisional `WOUNDED` category once a document's claims are all known:
    people shot in a report of a death may be among the dead (victims); in a report of none
    they were hurt.

    Some deaths are no reason to doubt that the people shot lived: one the report dates to a
    year, a month, or a day months away from its publication ("45 people were killed in
    July", "the 2010 shooting death of ..."), which is another incident's; the dead a vigil is
    for, in a report of people shot at that vigil (`gatherings`); an assailant's ("police
    killed the gunman"). People the count's own words set beside the dead lived
    (`tallies.besides_the_dead`).

    A `text` that calls its incident a murder-suicide ("the man shot his wife and then
    himself"), or a `title` that says someone died ("Teen shot to death in Kerevo", not
    "nearly killed"), reports a death the text may not count. "A fatal shooting" in the text
    was tried as such words too, and lost more right injured counts than it won (related
    links name other incidents so)."""
    if not any(draft.category == WOUNDED for draft in drafts):
        return drafts
    mourning = "vigils" in lx.PASSES and gatherings.violence_at_gathering(text)
    murder_suicide = "murder-suicide" in lx.PASSES
    someone_died = (
        any(
            d.category in ("killed", "executed")
            and _this_incident(d.when, published)
            and not (mourning and gatherings.mourned(d.sentence, text[d.start : d.end]))
            and not _assailant(d)
            for d in drafts
            if not d.negated
        )
        or (murder_suicide and any(_DEATH_UNCOUNTED.search(t) for t in (text, title)))
        or bool(_TITLE_DEATH.search(title))
    )
    settled = "victims" if someone_died else "injured"
    return [
        replace(
            d,
            category="injured"
            if tallies.besides_the_dead(d, text, drafts[i + 1 :], drafts[:i])
            else settled,
        )
        if d.category == WOUNDED
        else d
        for i, d in enumerate(drafts)
    ]


# A report of a death that counts no one: "an apparent murder-suicide".
_DEATH_UNCOUNTED = re.compile(r"(?<!attempted )\bmurder[- ]suicide\b", re.IGNORECASE)
_TITLE_DEATH = re.compile(
    r"(?<!nearly )(?<!almost )\b(?:dies|died|dead|killed|kills|slain|fatally|shot to death)\b",
    re.IGNORECASE,
)


def _assailant(dead: Claim) -> bool:
    """The dead is who did the harm ("police killed the gunman"): the people he shot are not
    among the dead for that."""
    words = dead.subject.lower().split()
    return bool(words) and words[-1] in lx.ASSAILANTS


def _this_incident(when: str | None, published: str | None) -> bool:
    """A death that may be the report's own incident: undated, or dated to a day or a few
    days ("last week") within `_INCIDENT_DAYS` of publication (of unknown publication: any).
    A year, a month or a longer span dates a tally, not an incident."""
    if when is None:
        return True
    first, _, last = when.partition("/")
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        return False
    if (end - start).days > _INCIDENT_SPAN:
        return False
    if published is None:
        return True
    try:
        reference = date.fromisoformat(published[:10])
    except ValueError:
        return True
    return abs((reference - start).days) <= _INCIDENT_DAYS


_INCIDENT_SPAN = 10  # days a span of days may cover and still date one incident
_INCIDENT_DAYS = 120  # days between a death and the report that may follow it up

# ----------------------------------------------------------------------------- counts


def _count_claim(
    sentence: ParsedSentence,
    count: Count,
    published: str | None,
    text: str,
    claimed: set[int],
    counts: tuple[Count, ...] = (),
) -> Claim | None:
    if _per_unit(sentence.text, count):
        return None
    span = tallies.tokens_of(sentence, sentence.start + count.start, sentence.start + count.end)
    if not span or set(span) <= claimed:
        return None  # already summed into an earlier count ("two men and [two women]")
    number = _span_root(sentence, span)
    noun = _counted(sentence, number, span)
    if noun == number:
        noun = _counted_by_text(sentence, count, number)
    claimed.update(span)
    claimed.add(noun)
    coordination: str | None = None
    together = (
        tallies.coordinated_people(sentence, noun, counts)
        if noun != number and not _sets_apart(sentence, count)
        else None
    )  # (the parts a list sets apart are each a figure: "among them nine women and two boys")
    if together is not None:  # "two men and two women", "a prison guard and three others"
        people, members = together
        claimed.update(members)
        count = replace(count, low=people, high=people, qualifier="exact")
        span = sorted(set(span) | {sentence.subtree(min(members))[0]})
        noun = max(members)
        coordination = sentence.span_text(span[0], noun)  # "two men and a 9-year-old boy"
    noun_token = sentence.tokens[noun]
    if noun != number and noun_token.lemma in lx.NOT_PEOPLE:
        return None
    # A noun reached through "of" ("120,000 of its members") leaves the count to govern.
    governing = (
        number
        if sentence.tokens[noun].head != number
        and noun > number
        and (number in sentence.ancestors(noun))
        else noun
    )
    if _one_of(sentence, number, count):
        return None
    reading = None
    if noun < number and sentence.tokens[sentence.tokens[noun].head].head == number:
        # a partitive put first: in "of those sentenced, 153 are in detention" the count's
        # own predicate says what it counts; the group it is taken from is the fallback
        own = _read(sentence, number, number, span)
        reading = own if own is not None and own.category not in (WOUNDED, "victims") else None
    reading = (
        reading
        or _read(sentence, governing, noun, span)
        or _labelled(sentence, span)
        or _pointing_back(sentence, number, noun)
        or _part_of_earlier(sentence, count, number, noun)
    )
    if reading is None:
        return None
    if reading.category == "victims" and not people_like(sentence, number, noun):
        return None
    first, last = span[0], max(span[-1], noun)
    if reading.predicate is not None:
        gap = min(abs(reading.predicate - first), abs(reading.predicate - last))
        if gap <= PREDICATE_REACH:
            first, last = min(first, reading.predicate), max(last, reading.predicate)
    return _draft(
        sentence,
        first,
        last,
        count.low,
        count.high,
        count.qualifier,
        reading,
        coordination or _subject(sentence, span, noun, count),
        perpetrator_of(sentence, reading.predicate, noun),
        published,
        text,
    )


_ONE_OF = re.compile(r"\A\s*of\s+(?:the\s+|at\s+least\s+|more\s+than\s+|some\s+)*\d", re.I)


def _one_of(sentence: ParsedSentence, number: int, count: Count) -> bool:
    """ "He was one of 312 people executed": one person said to be among a count, not a
    figure of its own (the count is the figure)."""
    token = sentence.tokens[number]
    return (
        count.low == 1
        and token.lower == "one"
        and token.dep in ("attr", "appos", "npadvmod")
        and bool(_ONE_OF.match(sentence.text[count.end :]))
    )


# The provisional category of a figure that points back to a count before it ("Activists
# put the figure at 2,000", "the government says 12"): the category of that count, settled
# once the document's claims are known (`resolve_pointing_back`).
POINTING_BACK = "earlier?"
_BACK_REACH = 600  # characters back, within the paragraph, where the count pointed to may be
# A share, then its count in brackets: "26% (2,600)", "a quarter (500)".
_SHARE_THEN_COUNT = re.compile(r"(?:\d\s*%|\bper\s?cent|\bpercent)\s*\(\s*\Z", re.IGNORECASE)
_BARE_FIGURE_VERBS = frozenset(("say", "put", "give", "report", "claim", "count", "estimate"))


def _pointing_back(sentence: ParsedSentence, number: int, noun: int) -> Reading | None:
    """A figure whose words name no category but point back: the value of a toll, figure or
    number named without what it counts ("put the figure at 2,000", "the total rose to 90"),
    or a bare number a source gives ("the government says 12")."""
    if noun != number:
        return None
    tokens = sentence.tokens
    token = tokens[number]
    before = sentence.text[: token.start - sentence.start]
    if _SHARE_THEN_COUNT.search(before):  # "74% (7,400) are men and 26% (2,600) women"
        return Reading(POINTING_BACK, number, 0.5)
    if token.dep in ("dobj", "ccomp", "attr") and tokens[token.head].lemma in _BARE_FIGURE_VERBS:
        return Reading(POINTING_BACK, token.head, 0.5)
    preposition = tokens[token.head]
    if (
        token.dep == "pobj"
        and preposition.lower == "from"
        and tokens[preposition.head].lower in ("up", "down")
    ):  # "..., up from 31,000 in April": the same figure earlier
        return Reading(POINTING_BACK, preposition.head, 0.5)
    current = number
    for _ in range(4):
        head = tokens[current].head
        if head == current:
            return None
        if tokens[head].lemma in lx.CARRIERS or any(
            tokens[c].lemma in lx.CARRIERS and tokens[c].dep in ("nsubj", "dobj", "nsubjpass")
            for c in sentence.children[head]
        ):
            return Reading(POINTING_BACK, head, 0.5)
        if tokens[current].dep not in ("pobj", "prep", "attr", "dobj", "nummod", "quantmod"):
            return None
        current = head
    return None


# A part of a count given just before, named by the words that take it from that count:
# "among them six children", "including eight journalists", "Of these, 1,104 are men",
# "the list includes nine women". The part counts what its whole counts
# (`resolve_pointing_back` settles which). Not "four of them police officers": measured, that
# form read more figures nobody counts than parts.
_PART_OPENER = re.compile(
    r"(?:\b(?:among|including|of)\s+(?:them|whom|these|those)|\bincluding"
    r"|\b(?:toll|list|dead|victims|figure|number|total)\s+(?:includes?|included|comprised?))"
    r"\s*[,:—–-]?\s*(?:(?:were|are|was|is)\s+)?(?:some\s+|about\s+|at\s+least\s+)?\Z",
    re.IGNORECASE,
)
_PART_OPENER_WORDS = re.compile(
    r"\b(?:among|including|of)\s+(?:them|whom|these|those)\b|\bincluding\b", re.IGNORECASE
)
_OPENS_WITH_PART = re.compile(
    r"\A\W*(?:among|including|of)\s+(?:them|whom|these|those)\b", re.IGNORECASE
)


def opens_with_part(sentence: str) -> bool:
    """The sentence sets apart a part of a count given before it ("Of these, 1,104 are men")."""
    return bool(_OPENS_WITH_PART.match(sentence))


_LIST_OF_PARTS = re.compile(r"\A[^.;:()]{0,60}?(?:,|\band)\s*\Z")  # "nine women and [two boys]"


def _sets_apart(sentence: ParsedSentence, count: Count) -> bool:
    """Words before the count set it apart as a part, or as one of a list of parts."""
    before = sentence.text[: count.start]
    if _OPENS_WITH_PART.match(before) or _PART_OPENER.search(before):
        return True
    openers = list(_PART_OPENER_WORDS.finditer(before))
    return bool(openers) and bool(_LIST_OF_PARTS.match(before[openers[-1].end() :]))


def _part_of_earlier(
    sentence: ParsedSentence, count: Count, number: int, noun: int
) -> Reading | None:
    """A count of people that its words set apart as a part of a count just given (see
    `_PART_OPENER`): it takes that count's category, once known."""
    if not _sets_apart(sentence, count):
        return None
    if noun == number:  # "Of these, 1,104 are men"; not "who were under 18"
        bare = sentence.tokens[number].dep in ("nsubj", "nsubjpass", "conj", "appos", "ROOT")
        return Reading(POINTING_BACK, None, 0.5) if bare else None
    token = sentence.tokens[noun]
    if not (token.lemma in lx.PERSON_NOUNS or token.lemma in lx.HOLDERS or token.lemma == "people"):
        return None  # "among them six towns"
    return Reading(POINTING_BACK, None, 0.5)


def resolve_pointing_back(drafts: list[Claim], text: str) -> list[Claim]:
    """A figure that points back takes the category of the nearest count before it in its
    paragraph; with none, it is no claim."""
    settled: list[Claim] = []
    for draft in drafts:
        if draft.category != POINTING_BACK:
            settled.append(draft)
            continue
        before = [
            d
            for d in settled
            if d.end <= draft.start
            and draft.start - d.end <= _BACK_REACH
            and "\n\n" not in text[d.end : draft.start]
        ]
        if not before:
            continue
        antecedent = before[-1]
        settled.append(replace(draft, category=antecedent.category))
        if draft.attributed_to is None and antecedent.sentence == draft.sentence:
            # "the ministry said 40,000 had fled, up from 31,000": one source for both
            settled[-1] = replace(
                settled[-1],
                attributed_to=antecedent.attributed_to,
                attributed_as=antecedent.attributed_as,
                attribution_cue=antecedent.attribution_cue,
            )
    return settled


_LABEL_WORDS = 5  # words of a label before its colon: "Total detentions (2031): 412"


def _labelled(sentence: ParsedSentence, span: list[int]) -> Reading | None:
    """A figure after a label and a colon, as in a table, an infobox or a list of key figures:
    "Killed: 45", "Total detentions (2031): 412". The label's word of harm is its category."""
    tokens = sentence.tokens
    colon = span[0] - 1
    if colon < 1 or not tokens[colon].text.endswith(":"):  # "):" is one token too
        return None
    if any(t.pos in ("NOUN", "PROPN", "ADJ", "VERB") for t in tokens[span[-1] + 1 :]):
        return None  # more words after the figure: a sentence, not a label's value
    label = [t for t in tokens[:colon] if t.pos != "PUNCT" and t.tag != "CD"]
    if not label or len(label) > _LABEL_WORDS:
        return None
    for word in reversed(label):
        category = nominal(word) or lx.TRANSITIVE.get(word.lemma) or lx.INTRANSITIVE.get(word.lemma)
        if category is not None and category != "victims":
            return Reading(category, word.i, 0.6)
    return None


# A distributive frame before "at least one": "every family has at least one person who was
# killed", "in nine of ten households at least one relative is missing". The one is per family
# or household, no total of people.
_DISTRIBUTIVE = re.compile(
    rf"\b(?:every|each|per|most|many)\b"
    rf"|\b{tallies.SMALL_NUMBER}\s+(?:out\s+)?of\s+(?:every\s+)?{tallies.SMALL_NUMBER}\b",
    re.IGNORECASE,
)


def _per_unit(text: str, count: Count) -> bool:
    return (
        count.low == 1
        and count.qualifier == "at_least"
        and _DISTRIBUTIVE.search(text, 0, count.start) is not None
    )


def _span_root(sentence: ParsedSentence, span: list[int]) -> int:
    """The token of a count's words whose head lies outside them (numbers first)."""
    inside = set(span)
    roots = [
        i for i in span if sentence.tokens[i].head not in inside or sentence.tokens[i].head == i
    ]
    numeric = [i for i in roots if sentence.tokens[i].tag == "CD"]
    if not numeric and roots and sentence.tokens[roots[-1]].lower == "between":
        # "put the toll between 400 and 1,500": the range's first number, not its preposition
        ends = [
            c
            for c in sentence.children[roots[-1]]
            if c in inside and sentence.tokens[c].dep == "pobj" and sentence.tokens[c].tag == "CD"
        ]
        if ends:
            return ends[0]
    return (numeric or roots or span)[-1]


def _counted(sentence: ParsedSentence, number: int, span: list[int]) -> int:
    """The noun a count counts: its head ("30,000 prisoners"), its "of" ("dozens of them")."""
    token = sentence.tokens[number]
    if token.dep in ("nummod", "quantmod", "amod", "compound", "nmod") and token.head > number:
        head = sentence.tokens[token.head]
        if head.pos in _NOUNS and head.tag != "CD":  # not "Five dead, [8] wounded"
            return head.i
    for child in sentence.children[number]:
        if sentence.tokens[child].dep == "prep" and sentence.tokens[child].lower == "of":
            for grandchild in sentence.children[child]:
                if sentence.tokens[grandchild].dep == "pobj":
                    return grandchild
    return number


def _counted_by_text(sentence: ParsedSentence, count: Count, number: int) -> int:
    """The counted noun by its words, when the parse did not attach it to the count."""
    phrase = counted_noun(sentence.text, count)
    if not phrase:
        return number
    at = sentence.text.find(phrase, count.end)
    if at < 0:
        return number
    last = sentence.token_at(sentence.start + at + len(phrase) - 1)
    if last is None or sentence.tokens[last].pos not in ("NOUN", "PROPN"):
        return number
    return last


def _subject(sentence: ParsedSentence, span: list[int], noun: int, count: Count) -> str:
    if noun in span or noun < span[-1]:
        return counted_noun(sentence.text, count) or ""
    first = span[-1] + 1
    while first < noun and (
        sentence.tokens[first].lower in _SUBJECT_SKIP
        or sentence.tokens[first].tag in ("PRP$", "DT")
    ):
        first += 1
    return sentence.span_text(first, noun)


# ----------------------------------------------------------------------------- reading


def _read(sentence: ParsedSentence, governing: int, noun: int, span: list[int]) -> Reading | None:
    """The count's category and the word it comes from, or None when it counts no victims."""
    noun_token = sentence.tokens[noun]
    if noun_token.pos in ("ADJ", "VERB"):
        own = nominal(noun_token)
        if own is not None and governing != noun:
            # "dozens of the detained were never seen again": what befell them, over the
            # state they are named by
            climbed = _climb(sentence, governing, noun)
            if climbed is not None and climbed.category not in (WOUNDED, "victims", own):
                return climbed
        if own is not None:  # "30 dead", "1 dead, 2 hurt"
            return Reading(own, noun, 0.8)
    instances = _instances_of(sentence, noun)
    if instances is not None:  # "500 cases of torture", "cases of people being disappeared"
        return instances
    local = _participle(sentence, noun, span)
    if local is None and (harm := injuries.noun_harm(sentence, noun)) is not None:
        local = Reading(harm, None, 0.7)  # "two men with gunshot wounds"
    if local is not None and local.category not in (WOUNDED, "victims"):
        return local
    if local is not None and _one_of_several(sentence, noun):
        return local  # "left one man dead and six others with gunshot wounds": their own harm
    climbed = _climb(sentence, governing, noun)
    intended = (
        climbed is not None
        and climbed.predicate is not None
        and is_intended(sentence, climbed.predicate)
    )
    if climbed is not None and intended:
        climbed = Reading("victims", climbed.predicate, 0.4)  # targeted, not (yet) harmed
    elif (
        climbed is not None
        and climbed.predicate is not None
        and sentence.tokens[climbed.predicate].pos in ("VERB", "AUX")
        # a modal on the verb that gives a toll its value is an estimate: "the toll could be
        # over 90", "could rise to 200"
        and sentence.tokens[climbed.predicate].lemma not in COPULAS
        and is_hypothetical(sentence, climbed.predicate, figure=True)
    ):
        return None  # "the bomb could have killed hundreds": no event
    if local is not None and (climbed is None or climbed.category in (WOUNDED, "victims")):
        return local  # "two people who were shot": unless the clause says more ("... died")
    if climbed is not None:
        return climbed
    own = nominal(sentence.tokens[noun])
    if own is not None:
        return Reading(own, None, 0.6)
    holder = lx.HOLDERS.get(sentence.tokens[noun].lemma)
    if holder is not None:
        return Reading(holder, None, 0.4)
    return None


def _instances_of(sentence: ParsedSentence, noun: int) -> Reading | None:
    """A count of cases is a count of what they are cases of: "500 cases of torture",
    "hundreds of cases of people being forcibly disappeared"."""
    token = sentence.tokens[noun]
    if token.lemma not in lx.INSTANCES:
        return None
    for prep in sentence.children[noun]:
        if sentence.tokens[prep].lower != "of":
            continue
        for kind in sentence.children[prep]:
            if sentence.tokens[kind].dep != "pobj":
                continue
            category = nominal(sentence.tokens[kind])
            if category is not None:  # "cases of torture"
                return Reading(category, kind, 0.7)
            described = _participle(sentence, kind, [])
            if described is not None:  # "cases of people being forcibly disappeared"
                return described
    return None


def _one_of_several(sentence: ParsedSentence, noun: int) -> bool:
    """The noun is one of several objects or conjuncts, each of which may state its own harm:
    "left [one man] dead and [six others] with gunshot wounds"."""
    token = sentence.tokens[noun]
    if token.dep == "conj":
        return True
    siblings = [c for c in sentence.children[token.head] if sentence.tokens[c].dep == token.dep]
    return token.dep in ("dobj", "obj") and len(siblings) > 1


def _participle(sentence: ParsedSentence, noun: int, span: list[int]) -> Reading | None:
    """A participle or adjective right after the counted words: "4,000 injured", "30 dead"."""
    candidates = [
        c for c in sentence.children[noun] if sentence.tokens[c].dep in ("acl", "relcl", "amod")
    ]
    after = noun + 1
    if after < len(sentence.tokens):
        candidates.insert(0, after)
    for index in candidates:
        token = sentence.tokens[index]
        if token.dep == "relcl" and (state := _relative_state(sentence, index)) is not None:
            return Reading(state, index, 0.8)  # "96 civilians who are missing"
        if token.tag not in ("VBN", "VBD", "JJ", "VBG") or index in span:
            continue
        if index == after and any(
            sentence.tokens[c].dep == "dobj" for c in sentence.children[index]
        ):
            continue  # "5 gunmen killed 12 people": the count did it
        if token.tag == "VBG" and index == after:
            continue  # "12 people killing" is rare; "protesters demanding" is not a category
        if index == after and _fired_at(sentence, index):
            continue  # "two men shot at them": they fired
        if token.dep == "relcl" and active_relative(sentence, index):
            continue  # "two officers who fatally shot a man": the count did it
        if token.tag == "JJ":
            category = lx.NOMINAL.get(token.lower)
        else:
            category = verb_category(sentence, index) or lx.NOMINAL.get(token.lower)
        if category is not None:
            return Reading(category, index, 0.9)
    return None


def _relative_state(sentence: ParsedSentence, clause: int) -> str | None:
    """The state a relative clause puts its noun in: "who are missing" (of states joined by
    "and", the last), "whose whereabouts remain unknown" (a state the clause's subject names).
    (Not a copula's complement in general, "who were in custody": measured, it read more
    wrong figures than right ones.)"""
    tokens = sentence.tokens
    subjects = [c for c in sentence.children[clause] if tokens[c].dep in ("nsubj", "nsubjpass")]
    if len(subjects) == 1 and any(
        tokens[c].lower == "whose" for c in sentence.children[subjects[0]]
    ):
        state = nominal(tokens[subjects[0]])
        return state if state not in (None, "victims", "protesters") else None
    found: str | None = None
    for verb in (clause, *(c for c in sentence.children[clause] if tokens[c].dep == "conj")):
        token = tokens[verb]
        if token.tag in ("VBG", "JJ") and token.lower in lx.NOMINAL:
            found = lx.NOMINAL[token.lower]  # "who are missing": a state, not the verb "miss"
    return found if found not in ("protesters", "victims") else None


def _fired_at(sentence: ParsedSentence, verb: int) -> bool:
    """ "shot at them", "shot at officers": fired towards people (not "shot at the bar")."""
    tokens = sentence.tokens
    return any(
        tokens[c].dep == "prep"
        and tokens[c].lower == "at"
        and c == verb + 1
        and any(
            tokens[o].dep == "pobj"
            and (tokens[o].pos == "PRON" or tokens[o].lemma in lx.PERSON_NOUNS)
            for o in sentence.children[c]
        )
        for c in sentence.children[verb]
    )


def _climb(sentence: ParsedSentence, start: int, noun: int) -> Reading | None:
    """Walk up from the counted noun to the word that says what happened to it."""
    current = start
    for _ in range(_MAX_CLIMB):
        token = sentence.tokens[current]
        head = sentence.tokens[token.head]
        if token.head == current:
            return None
        share = _share(sentence, current)
        if share is not None:
            return share
        if token.dep in ("conj", "appos"):
            current = token.head
            continue
        if token.dep == "pobj":
            return _clause_read_as_phrase(sentence, head, current) or _through_preposition(
                sentence, head, current
            )
        if token.dep in ("nsubjpass", "dobj", "obj", "dative"):
            if token.dep == "dobj" and injuries.leaves_harmed(sentence, head.i):
                # of several objects, each its own words: "left one dead and [six others]
                # with gunshot wounds"; the verb's complement ("dead") is another object's
                harm = injuries.object_harm(sentence, head.i, current)
                return Reading(harm, head.i, 0.7) if harm is not None else None
            category = verb_category(sentence, head.i)
            if category is None and head.lemma in lx.LOSS and people_like(sentence, noun, noun):
                category = "killed"
            if category is None and token.dep == "dobj":
                category = _object_as(sentence, head.i)  # "listed 214 people as disappeared"
            if category is None:
                harm = (
                    injuries.subject_harm(sentence, head.i)
                    if token.dep == "nsubjpass"
                    else injuries.object_harm(sentence, head.i, current)
                )  # "were taken to the hospital", "left two people in critical condition"
                if harm is not None:
                    return Reading(harm, head.i, 0.7)
                category = carried_category(sentence, head.i, exclude=current)
                return Reading(category, head.i, 0.7) if category else None
            return Reading(category, head.i, 0.9)
        if token.dep == "nsubj":
            if any(
                current < c < head.i and sentence.tokens[c].dep in ("nsubj", "nsubjpass")
                for c in sentence.children[head.i]
            ):
                # two subjects: the parser hung a verbless clause's on the next clause's verb
                # ("2 in the ward and the 3rd has passed away"); the nearer is the verb's
                return None
            return _as_subject(sentence, head, current)
        if token.dep in ("attr", "oprd", "acomp", "npadvmod") and head.pos in ("VERB", "AUX"):
            category = carried_category(sentence, head.i, exclude=current)
            return Reading(category, head.i, 0.7) if category else None
        return None
    return None


def _object_as(sentence: ParsedSentence, verb: int) -> str | None:
    """The state an object is recorded in: "listed 214 people as forcibly disappeared",
    "registered 40 as missing"."""
    tokens = sentence.tokens
    for preposition in sentence.children[verb]:
        if (
            tokens[preposition].dep == "advcl"
            and any(
                tokens[m].lower == "as" and tokens[m].dep == "mark"
                for m in sentence.children[preposition]
            )
            and (category := lx.NOMINAL.get(tokens[preposition].lower)) is not None
        ):
            return category  # "as forcibly disappeared", parsed as a clause
        if tokens[preposition].dep != "prep" or tokens[preposition].lower != "as":
            continue
        for state in sentence.children[preposition]:
            category = lx.NOMINAL.get(sentence.tokens[state].lower)
            if category is not None and category not in ("protesters", "victims"):
                return category
    return None


def _share(sentence: ParsedSentence, part: int) -> Reading | None:
    """A part of a count the sentence has just given takes its verb: "Five people were shot,
    two of them fatally", "2,650 were detained, 410 of them in Kerevo", "112 were killed,
    among them nine children" (or "including nine children")."""
    token = sentence.tokens[part]
    head = sentence.tokens[token.head]
    if token.tag == "CD" and token.dep in (
        "npadvmod",
        "appos",
        "dep",
        "oprd",
        "conj",
        "prep",
        "dobj",
    ):  # (a bare number the parser made a second object: "leaving six wounded -- two mortally")
        manner = [c for c in sentence.children[part] if sentence.tokens[c].dep == "advmod"]
        words = {sentence.tokens[c].lower for c in manner}
        if words & lx.FATAL:  # "five people wounded -- three mortally", "one fatally"
            return Reading("killed", max(manner), 0.8)
        if words & _GRAVELY:  # "five were shot, one critically"
            return Reading("injured", max(manner), 0.7)
    if token.dep == "pobj" and head.dep == "prep" and head.lower in ("among", "including"):
        governor = sentence.tokens[head.head]
        if governor.pos in ("NOUN", "PROPN") and head.head != head.i:
            whole = _climb(sentence, governor.i, governor.i)  # "killed 112 people, including"
            return None if whole is None else replace(whole, predicate=None)
        verb = governor.i
    elif token.dep in ("npadvmod", "appos", "dep") and any(
        sentence.tokens[p].lower == "of"
        and any(sentence.tokens[o].lower in _SHARED for o in sentence.children[p])
        for p in sentence.children[part]
    ):
        verb = token.head
    else:
        return None
    if sentence.tokens[verb].pos != "VERB" or (category := verb_category(sentence, verb)) is None:
        return None
    manner = [c for c in sentence.children[part] if sentence.tokens[c].dep == "advmod"]
    words = {sentence.tokens[c].lower for c in manner}
    if category in (WOUNDED, "victims", "injured") and words & lx.FATAL:
        category = "killed"
    elif category in (WOUNDED, "victims") and words & lx.NONFATAL:
        category = "injured"
    return Reading(category, max(manner) if manner else None, 0.8)


def _as_subject(sentence: ParsedSentence, verb: Token, subject: int) -> Reading | None:
    if natural_death(sentence, verb.i):
        return None  # "two inmates died of pneumonia"
    if verb.lemma in lx.INTRANSITIVE:
        return Reading(lx.INTRANSITIVE[verb.lemma], verb.i, 0.9)
    if verb.lemma in lx.LOSS and any(
        sentence.tokens[c].dep == "dobj" and sentence.tokens[c].lemma in ("life", "lives")
        for c in sentence.children[verb.i]
    ):
        return Reading("killed", verb.i, 0.9)  # "60 people lost their lives"
    harm = injuries.subject_harm(sentence, verb.i)
    if harm is not None:  # "two people suffered gunshot wounds", "both are in stable condition"
        return Reading(harm, verb.i, 0.7)
    has_object = any(sentence.tokens[c].dep in ("dobj", "obj") for c in sentence.children[verb.i])
    if not has_object and verb.tag == "VBG" and (state := lx.NOMINAL.get(verb.lower)):
        return Reading(state, verb.i, 0.8)  # "40 people are missing": an adjective, not "miss"
    passive_like = (
        verb.tag == "VBN"
        and not has_object
        and not _fired_at(sentence, verb.i)
        and not any(
            sentence.tokens[c].dep == "aux" and sentence.tokens[c].lemma == "have"
            for c in sentence.children[verb.i]
        )
    )
    if passive_like:  # "... and 40 injured": a reduced passive
        category = verb_category(sentence, verb.i)
        if category is not None:
            return Reading(category, verb.i, 0.8)
    if verb.lemma in lx.RAISING and not has_object:
        # "12 of the detainees have reported being tortured", "were reported killed"
        complement = complement_category(sentence, verb.i)
        if complement is not None:
            return Reading(complement, verb.i, 0.7)
    if verb.lemma in COPULAS or verb.lemma in ("die",):
        # the count's own state first: "of those sentenced, 153 are in detention"
        complement = complement_category(sentence, verb.i)
        if complement is not None:
            return Reading(complement, verb.i, 0.8)
        category = carried_category(sentence, verb.i, exclude=subject)
        if category is not None:
            return Reading(category, verb.i, 0.7)
    if verb.lemma in lx.TESTIFYING:
        told = _told_of_themselves(sentence, verb.i)
        if told is not None:
            return told
    return None  # the subject of an active violent verb is who did it, not who suffered


_THEMSELVES = frozenset(("they", "we"))


def _told_of_themselves(sentence: ParsedSentence, verb: int) -> Reading | None:
    """People who tell what was done to them: in "16 detainees said they were beaten" or "40
    told the monitor that they had been subjected to torture", the clause's harm is the
    count's, when the clause's subject is the tellers themselves."""
    tokens = sentence.tokens
    for clause in sentence.children[verb]:
        if tokens[clause].dep != "ccomp" or tokens[clause].pos not in ("VERB", "AUX"):
            continue
        subjects = [c for c in sentence.children[clause] if tokens[c].dep in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or tokens[subjects[0]].lower not in _THEMSELVES:
            continue
        if tokens[subjects[0]].dep == "nsubjpass":
            category = verb_category(sentence, clause)
        else:
            category = complement_category(sentence, clause)
        if category is not None and category != WOUNDED:
            return Reading(category, clause, 0.7)
    return None


def _clause_read_as_phrase(sentence: ParsedSentence, opener: Token, noun: int) -> Reading | None:
    """A clause the parser read as a phrase: in "after three clerks and two nurses were shot",
    "after" took the people as its object and "were shot" went to the main verb without a
    subject. The verb right after the people, passive or of dying and with no subject of its
    own, is theirs."""
    if opener.lower not in _CLAUSE_OPENERS:
        return None
    tokens = sentence.tokens
    verb = sentence.subtree(noun)[1] + 1
    while verb < len(tokens) and tokens[verb].dep in ("aux", "auxpass", "neg", "advmod"):
        verb += 1
    if verb >= len(tokens) or tokens[verb].pos != "VERB":
        return None
    children = {tokens[c].dep for c in sentence.children[verb]}
    if children & {"nsubj", "nsubjpass", "csubj"}:
        return None
    if "auxpass" in children:
        category = verb_category(sentence, verb)
    else:
        category = lx.INTRANSITIVE.get(tokens[verb].lemma)
    return Reading(category, verb, 0.8) if category is not None else None


def _through_preposition(
    sentence: ParsedSentence, preposition: Token, object_: int | None = None
) -> Reading | None:
    governor = sentence.tokens[preposition.head]
    if preposition.head == preposition.i:
        return None
    if preposition.lower == "of" and governor.pos in ("NOUN", "PROPN", "ADJ"):
        category = nominal(governor)
        if governor.lower in ("life", "lives") and (
            sentence.tokens[governor.head].lemma not in lx.LIFE_TAKING
        ):
            return None  # "claimed the lives of 31", not "an impact on the lives of 300"
        if category is None and governor.lemma in lx.CARRIERS:
            # "a total of 112 people were killed": the carrier's own predicate says what
            carried = _climb(sentence, governor.i, governor.i)
            if carried is not None:
                return carried
        category = category or carrier_category(sentence, governor.i, preposition.i)
        return Reading(category, governor.i, 0.8) if category else None
    if (
        preposition.lower in ("to", "at", "by", "from", "above", "over", "around")
        # "put the toll between 400 and 1,500": a range of numbers, not "between 2 and 30 April"
        or (
            preposition.lower == "between"
            and object_ is not None
            and sentence.tokens[object_].tag == "CD"
            and any(sentence.tokens[c].tag == "CD" for c in sentence.children[object_])
        )
        # "put the number of dead in the hundreds", "the toll is in the thousands"
        or (preposition.lower == "in" and governor.lemma in COPULAS)
    ) and governor.pos in ("VERB", "AUX", "NOUN"):
        category = carried_category(sentence, governor.i, exclude=preposition.i)
        if category is None:
            return _carrier_above(sentence, governor.i, preposition.i)
        return Reading(category, governor.i, 0.7)
    if preposition.lower in ("with", "to") and governor.lemma == "compare":
        # "29 were executed last year, compared with 17 in 2030": the clause's own count
        main = sentence.tokens[governor.head]
        if governor.head != governor.i and main.pos in ("VERB", "AUX"):
            category = verb_category(sentence, main.i) or carried_category(
                sentence, main.i, exclude=governor.i
            )
            return Reading(category, main.i, 0.6) if category else None
    if preposition.lower == "for" and governor.pos == "VERB":
        # "issued death sentences for 183 defendants": a penalty for the people counted
        category = carried_category(sentence, governor.i, exclude=preposition.i)
        return Reading(category, governor.i, 0.7) if category in _PENALTIES else None
    return None


_PENALTIES = frozenset(("sentenced", "executed"))


def _carrier_above(sentence: ParsedSentence, word: int, exclude: int) -> Reading | None:
    """A count hung inside the words of the toll it is the value of: in "put the number of
    those detained at 4,100" the parser may give "at 4,100" to "detained"."""
    current = word
    for _ in range(4):
        token = sentence.tokens[current]
        if token.lemma in lx.CARRIERS:
            category = carrier_category(sentence, current, exclude)
            return Reading(category, current, 0.6) if category else None
        if token.head == current:
            return None
        current = token.head
    return None


# ----------------------------------------------------------------------------- one victim


# ----------------------------------------------------------------------------- assembly


def _extent(sentence: ParsedSentence, predicate: int) -> int:
    """The last token of a predicate's words that say what happened ("found dead", "suffered
    a gunshot wound")."""
    last = injuries.harm_extent(sentence, predicate, _HARM_REACH)
    for child in sentence.children[predicate]:
        token = sentence.tokens[child]
        if child - predicate > 4:
            break
        if token.dep in ("xcomp", "oprd", "acomp", "conj") and (
            lx.TRANSITIVE.get(token.lemma) or nominal(token)
        ):
            if token.dep == "conj" and any(
                sentence.tokens[g].dep in _OWN_ARGUMENTS or sentence.tokens[g].tag == "CD"
                for g in sentence.children[child]
            ):
                continue  # "one died and three were hurt": the next clause is another claim
            last = child
        elif token.dep == "prep":
            objects = [g for g in sentence.children[child] if sentence.tokens[g].dep == "pobj"]
            if objects and (token.lower, sentence.tokens[objects[0]].lemma) in lx.COMPLEMENTS:
                last = objects[0]
    return last


def _draft(
    sentence: ParsedSentence,
    first: int,
    last: int,
    low: int | None,
    high: int | None,
    qualifier: str,
    reading: Reading,
    subject: str,
    perpetrator: str | None,
    published: str | None,
    text: str,
) -> Claim:
    if reading.predicate is not None and first <= reading.predicate <= last:
        last = max(last, _extent(sentence, reading.predicate))
    attribution = attribute(text, sentence, first, last)
    return Claim(
        start=sentence.tokens[first].start,
        end=sentence.tokens[last].end,
        sentence=sentence.text,
        low=low,
        high=high,
        qualifier=qualifier,
        category=reading.category,
        subject=subject,
        when=claim_time(sentence, first, last, published),
        where=claim_place(sentence, first, last),
        attributed_to=attribution.source,
        attribution_cue=attribution.cue,
        attributed_as=attribution.mention,
        negated=attribution.negated,
        confidence=reading.confidence,
        perpetrator=perpetrator,
    )
