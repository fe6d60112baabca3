"""Where the counted events happened: the place a claim's sentence names for it.

Without named-entity recognition a place is read from the parse: a proper-noun phrase governed
by a locative preposition ("in Kerevo", "outside Evin Prison", "in the northern city of
Kerevo", "in the 1200 block of Oak Street"), or a common place noun named by proper nouns
("the Harbour Square area"). Small word lists tell organisations ("the Ministry of
Intelligence"), times ("in November") and languages from places. The phrase that belongs to
the claim is chosen by `closest_to_claim`, which `when.claim_time` shares: in the claim's own
clause and nearest in the tree, else nearest in the text; one attached to a verb of saying
("told reporters in Geneva") is where it was said. A dateline ("TEHRAN (Reuters) -") counts
when nothing else does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tolltrace.clean.dates import _MONTH_NAMES
from tolltrace.nlp.parse import ParsedSentence

# Verbs and nouns of saying: a time or place attached to them is the statement's, not the events'.
SPEECH_VERBS = frozenset(
    ["say", "tell", "report", "announce", "state", "confirm", "add", "claim", "declare", "note",
     "write", "tweet", "post", "publish", "release", "issue", "reveal", "disclose", "explain",
     "allege", "testify", "quote", "cite", "speak"]
)  # fmt: skip
# These say something only of a document: "a report released Monday", not "released 12 men".
_PUBLISHING = frozenset(["publish", "release", "issue", "post"])
SPEECH_NOUNS = frozenset(
    ["statement", "report", "interview", "conference", "briefing", "communique", "tweet",
     "post", "announcement", "release", "speech", "remarks"]
)  # fmt: skip
_LOCATIVE = frozenset(
    ["in", "at", "near", "outside", "across", "throughout", "inside", "within", "around",
     "on", "along", "off", "to"]
)  # fmt: skip
# "on Oak Street" but not "on Twitter"; "called to the 900 block of Elm Street".
_NEEDS_STREET = frozenset(["on", "along", "off", "to"])
_ALONG = frozenset(["side", "outskirts", "border", "island", "campus", "coast", "bank", "shore"])
_STREET = frozenset(
    ["street", "st.", "st", "avenue", "ave.", "ave", "road", "rd.", "rd", "boulevard", "blvd.",
     "blvd", "drive", "dr.", "lane", "ln.", "highway", "hwy", "route", "way", "parkway",
     "place", "court", "terrace", "circle", "square", "block", "bridge", "expressway"]
)  # fmt: skip
# Common nouns that stand for a place named by the proper nouns around them.
_AREA = frozenset(
    ["city", "town", "village", "province", "region", "district", "county", "state",
     "neighborhood", "neighbourhood", "area", "capital", "suburb", "suburbs", "outskirts",
     "township", "municipality", "prefecture", "governorate", "streets", "center", "centre",
     "heart", "part", "parts", "north", "south", "east", "west", "downtown", "community",
     "island", "valley", "border", "territory", "enclave", "zone", "quarter", "section",
     "side", "sector", "borough", "ward", "precinct", "estate", "province", "county"]
)  # fmt: skip
# Words that end a place's name ("Evin prison", "Kerevo province") ...
_SUFFIX = _STREET | frozenset(
    ["prison", "jail", "university", "hospital", "stadium", "camp", "market", "mosque",
     "church", "school", "park", "station", "airport", "province", "county", "district",
     "city", "village", "town", "region", "plaza", "mall", "compound", "base", "cemetery",
     "beach", "lake", "river", "mountains", "bay", "harbor", "harbour", "port"]
)  # fmt: skip
# ... and buildings named by the proper nouns before them ("a downtown Kerevo garage").
_FACILITY = _SUFFIX | frozenset(
    ["store", "shop", "restaurant", "bar", "nightclub", "club", "garage", "lot", "home",
     "house", "apartment", "apartments", "building", "complex", "hotel", "motel", "factory",
     "plant", "farm", "mine", "checkpoint", "barracks", "headquarters", "facility"]
)  # fmt: skip
_POINT = frozenset(["at", "near", "on"])  # a point, where "X and Y" is a crossing of streets
_AIM = frozenset(
    ["shoot", "fire", "look", "point", "aim", "shout", "yell", "throw", "swing", "lunge",
     "stare", "glance", "laugh", "wave", "spit", "scream", "strike", "lash", "snap"]
)  # fmt: skip
_CARE = frozenset(["hospital", "clinic", "infirmary", "morgue", "medical", "trauma"])
_DWELLING = frozenset(["home", "house", "residence", "apartment", "apartments", "room"])
_ADDRESS = frozenset(["block", "intersection", "corner"])  # "the 1200 block of Oak Street"
_ORGANISATION = frozenset(
    ["ministry", "council", "party", "police", "department", "court", "committee",
     "commission", "office", "agency", "union", "association", "organization",
     "organisation", "corps", "guard", "guards", "army", "forces", "force", "company",
     "corporation", "inc", "inc.", "corp", "corp.", "ltd", "bureau", "service", "services",
     "foundation", "watch", "international", "news", "times", "post", "press", "reuters",
     "network", "parliament", "assembly", "government", "administration", "group",
     "movement", "front", "brigade", "command", "authority", "tribunal", "judiciary",
     "channel", "tv", "radio", "magazine", "journal", "tribune", "herald", "gazette",
     "telegraph", "guardian", "daily", "twitter", "facebook", "instagram", "youtube",
     "telegram", "senate", "congress", "cabinet", "board", "fund"]
)  # fmt: skip
_NOT_PLACE = frozenset(
    [m.lower() for m in _MONTH_NAMES]
    + [m[:3].lower() + "." for m in _MONTH_NAMES]
    + ["sept.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
       "spring", "summer", "autumn", "fall", "winter", "christmas", "easter", "ramadan",
       "eid", "nowruz", "thanksgiving", "halloween",
       "english", "persian", "farsi", "arabic", "french", "spanish", "russian", "chinese",
       "kurdish", "turkish", "urdu", "hebrew", "god", "allah", "mr.", "mrs.", "ms.", "dr."]
)  # fmt: skip
# Web addresses and clock times are sometimes tagged as proper nouns.
_WEB = re.compile(
    r"www\.|https?:|@|\.(?:com|org|net)\b|^\d{1,2}(?::\d\d)?[ap]\.?m\.?$|^\d{1,2}:\d\d"
)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")  # "91st Street"
_NAME_DEPS = frozenset(["compound", "poss", "case", "nmod", "amod", "nummod", "cc", "conj"])

_NAME_WORD = r"[A-Z][\w.'’-]*"
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
_DATE = (
    rf"(?:{'|'.join(m[:3] for m in _MONTH_NAMES)})[a-z]*\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{'|'.join(_MONTH_NAMES)})\s+\d{{4}}"
)
_AFTER_PLACE = rf"[ \t]*(?P<agency>\([^()\n]{{1,40}}\)[ \t]*)?(?:,[ \t]*(?:{_DATE})[ \t]*)?"
# "TEHRAN (Reuters) -", "CHICAGO —", "ROCKFORD, Ill. —", "Kerevo, Valdoria (AP) --".
_DATELINE = re.compile(
    rf"^\s*(?P<place>(?P<caps>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}})"
    rf"|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
    rf"(?:,[ \t]*{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})?"
    rf"{_AFTER_PLACE}(?P<dash>—|–|--?)"
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A time or place phrase of a sentence: its head token, its extent and its value."""

    anchor: int
    low: int  # first and last token
    high: int
    value: str
    penalty: int = 0  # ranks it after every phrase with a lower one


PHRASE_REACH = 80  # tokens from a claim within which its place or time is looked for


def claim_place(sentence: ParsedSentence, first: int, last: int) -> str | None:
    """The place name for the claim on tokens `first`..`last` of `sentence`, or None."""
    phrases = [
        # "died at Kerevo General Hospital": where they were taken, not where it happened
        Phrase(anchor, low, high, sentence.span_text(low, high), _cared_for(sentence, low, high))
        for anchor, low, high in _places(sentence, first - PHRASE_REACH, last + PHRASE_REACH)
    ]
    return closest_to_claim(sentence, first, last, phrases) or dateline(sentence.text)


def closest_to_claim(
    sentence: ParsedSentence, first: int, last: int, phrases: Iterable[Phrase]
) -> str | None:
    """The value of the phrase that belongs to the claim on tokens `first`..`last`.

    Best is a phrase governed by the claim's own words ("identified two people shot and
    killed last week": "last week", not the identifying), then one in the claim's own clause
    (the subtree of its predicate), nearest in the tree to the claim; else the nearest in the
    text. A phrase that modifies a verb or noun of saying ("police said Monday", "told
    reporters in Geneva") is about the saying: skipped.
    """
    head = claim_head(sentence, first, last)
    predicate = claim_predicate(sentence, head)
    best: tuple[tuple[int, int, int, int], str] | None = None
    for phrase in phrases:
        nearness = min(abs(t - i) for t in (phrase.low, phrase.high) for i in (first, last))
        if nearness > PHRASE_REACH:
            continue  # in a sentence of thousands of words, only the claim's neighbourhood
        if said_by(sentence, phrase.anchor) or phrase.low <= head <= phrase.high:
            continue
        governors = (phrase.anchor, *sentence.ancestors(phrase.anchor))
        if any(first <= g <= last for g in governors):
            rank = (phrase.penalty, 0, tree_distance(sentence, head, phrase.anchor), nearness)
        elif predicate in governors:
            rank = (phrase.penalty, 1, tree_distance(sentence, head, phrase.anchor), nearness)
        else:
            rank = (phrase.penalty, 2, 0, nearness)
        if best is None or rank < best[0]:
            best = rank, phrase.value
    return best[1] if best else None


def claim_head(sentence: ParsedSentence, first: int, last: int) -> int:
    """The token of `first`..`last` through which the rest of the sentence governs it."""
    for i in range(first, last + 1):
        head = sentence.tokens[i].head
        if head == i or not first <= head <= last:
            return i
    return last


def claim_predicate(sentence: ParsedSentence, head: int) -> int:
    """The verb whose clause states the claim (the root when no verb governs it)."""
    top = head
    for top in (head, *sentence.ancestors(head)):
        if sentence.tokens[top].pos == "VERB":
            return top
    return top


def tree_distance(sentence: ParsedSentence, a: int, b: int) -> int:
    """The number of dependency arcs between tokens `a` and `b`."""
    up = {token: depth for depth, token in enumerate((a, *sentence.ancestors(a)))}
    for depth, token in enumerate((b, *sentence.ancestors(b))):
        if token in up:
            return depth + up[token]
    return len(sentence.tokens)


def said_by(sentence: ParsedSentence, anchor: int) -> bool:
    """Whether the phrase headed by `anchor` modifies a verb or noun of saying."""
    head = sentence.tokens[anchor].head
    while sentence.tokens[head].pos == "ADP" and sentence.tokens[head].head != head:
        head = sentence.tokens[head].head
    token = sentence.tokens[head]
    if head == anchor:
        return False
    if token.pos in ("VERB", "AUX") and token.lemma in _PUBLISHING:
        related = {token.head, *sentence.children[head]} - {head}
        return any(sentence.tokens[i].lemma in SPEECH_NOUNS for i in related)
    if token.pos in ("VERB", "AUX"):
        return token.lemma in SPEECH_VERBS
    return token.pos == "NOUN" and token.lemma in SPEECH_NOUNS


def _cared_for(sentence: ParsedSentence, low: int, high: int) -> int:
    return int(any(sentence.tokens[i].lower in _CARE for i in range(low, high + 1)))


def dateline(text: str) -> str | None:
    """The place of a dateline opening `text` ("TEHRAN (Reuters) -"), if any."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    words = match["place"].lower().split()
    if any(w in _NOT_PLACE or w in _ORGANISATION for w in words):
        return None
    if not match["caps"] and not match["agency"] and match["dash"] == "-":
        return None  # "Kerevo-based ..." or a hyphenated name, not a dateline
    end = match.end("place")
    region = re.match(rf",[ \t]*{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}", text[end:])
    if region and not re.match(rf",[ \t]*(?:{_DATE})", text[end:]):
        end += region.end()
    return text[match.start("place") : end].rstrip(" ,")


def _places(sentence: ParsedSentence, low: int, high: int) -> list[tuple[int, int, int]]:
    """Each locative place phrase whose preposition is among tokens `low`..`high`: its head
    token and its first and last token."""
    found = []
    tokens = sentence.tokens
    for prep in tokens[max(0, low) : max(0, high + 1)]:
        if prep.pos != "ADP" or prep.lemma not in _LOCATIVE:
            continue
        if prep.i > 0 and prep.text[0].isupper():
            continue  # "Man Shot In Groin": a headline capitalises every word
        for child in sentence.children[prep.i]:
            if tokens[child].dep not in ("pobj", "conj") or tokens[child].pos == "ADP":
                continue
            span = _place_phrase(sentence, child)
            if span is None:
                continue
            words = {tokens[i].lower for i in range(span[0], span[1] + 1)} | {tokens[child].lower}
            if prep.lemma in _NEEDS_STREET and not words & (_STREET | _ALONG):
                continue
            if prep.lemma == "at" and tokens[prep.head].lemma in _AIM and not words & _FACILITY:
                continue  # "fired at Martinez": a target, not a place
            if prep.lemma in _POINT:
                span = (span[0], _crossing(sentence, child, span[1]))
            found.append((child, *span))
    return found


def _crossing(sentence: ParsedSentence, noun: int, high: int) -> int:
    """The end of "Richards and Meinecke": at a point, two streets name a crossing."""
    for child in sentence.children[noun]:
        token = sentence.tokens[child]
        joined = child == high + 2 and sentence.tokens[high + 1].lower in ("and", "&")
        if joined and token.dep == "conj" and token.pos == "PROPN":
            return _name(sentence, child)[1]
    return high


def _place_phrase(sentence: ParsedSentence, noun: int) -> tuple[int, int] | None:
    """The first and last token of the place the object of a preposition names, if any."""
    token = sentence.tokens[noun]
    if token.pos == "PROPN":
        if any(sentence.tokens[c].lower in ("a", "an") for c in sentence.children[noun]):
            return None  # "in a white Mustang": a place's name takes no "a"
        return _checked(sentence, _name(sentence, noun))
    if token.pos not in ("NOUN", "NUM"):
        return None
    of = _of_object(sentence, noun, ("of", "on"))
    if token.lemma.rsplit("-", 1)[-1] in _ADDRESS and of is not None:
        name = _name(sentence, of)  # "1200 block of Oak Street", "corner of Elm and Oak"
        nummods = [c for c in sentence.children[noun] if sentence.tokens[c].dep == "nummod"]
        high = max(name[1], sentence.subtree(of)[1])
        return _checked(sentence, (min([noun, *nummods]), high), whole=False)
    if token.lemma not in _AREA and token.lemma not in _FACILITY:
        return None
    named = _named_by(sentence, noun)
    if named is not None and sentence.tokens[named].dep != "poss":
        low, high = _name(sentence, named)  # "San Bernardino liquor store": San Bernardino
        if high == noun - 1 and token.lemma in _SUFFIX:
            high = noun  # "Evin prison", "Kerevo province"
        return _checked(sentence, (low, high))
    if of is not None and sentence.tokens[of].pos == "PROPN":
        return _checked(sentence, _name(sentence, of))  # "the northern city of Kerevo"
    if named is not None and token.lemma not in _DWELLING:  # "Mr Lee's home" is no place
        return _checked(sentence, _name(sentence, named))  # "Tehran's north"
    return None


def _named_by(sentence: ParsedSentence, noun: int) -> int | None:
    """The last proper noun among the words before `noun` that modify it."""
    found = None
    stack = [noun]
    while stack:
        for child in sentence.children[stack.pop()]:
            if child < noun and sentence.tokens[child].dep in _NAME_DEPS:
                stack.append(child)
                if sentence.tokens[child].pos == "PROPN" and (found is None or child > found):
                    found = child
    return found


def _name(sentence: ParsedSentence, head: int) -> tuple[int, int]:
    """The proper-noun phrase around `head`: compounds, possessors, "of" + proper noun."""
    tokens = sentence.tokens
    keep = {head}
    stack = [head]
    while stack:
        for child in sentence.children[stack.pop()]:
            dep, pos = tokens[child].dep, tokens[child].pos
            named = pos in ("PROPN", "NUM", "PART", "CCONJ") or _ORDINAL.match(tokens[child].text)
            if child < head and dep in _NAME_DEPS and named:
                keep.add(child)
                stack.append(child)
    low = head
    while low - 1 in keep:
        low -= 1
    while tokens[low].pos in ("PART", "CCONJ") and low < head:
        low += 1
    high = head
    while (
        high + 1 < len(tokens) and tokens[high + 1].head == head and tokens[high + 1].pos == "NUM"
    ):
        high += 1  # "Route 48", "Camp 5"
    of = _of_object(sentence, head)
    if of is not None and tokens[of].pos == "PROPN" and tokens[head].lower not in _STREET:
        high = _name(sentence, of)[1]  # "Province of Nerin", "University of Kerevo"
    return low, high


def _of_object(
    sentence: ParsedSentence, noun: int, linking: tuple[str, ...] = ("of",)
) -> int | None:
    for child in sentence.children[noun]:
        if child > noun and sentence.tokens[child].lemma in linking:
            objects = [c for c in sentence.children[child] if sentence.tokens[c].dep == "pobj"]
            return objects[0] if objects else None
    return None


def _checked(
    sentence: ParsedSentence, span: tuple[int, int], whole: bool = True
) -> tuple[int, int] | None:
    """The span without leading lower-case words, if it names a place at all."""
    low, high = span
    tokens = sentence.tokens
    while whole and low < high and tokens[low].text[:1].islower():
        low += 1
    if high < low or not any(
        tokens[i].pos == "PROPN" and tokens[i].text[:1].isupper() for i in range(low, high + 1)
    ):
        return None
    words = [tokens[i].lower for i in range(low, high + 1)]
    if any(w in _ORGANISATION or w in _NOT_PLACE or _WEB.search(w) for w in words):
        return None
    return low, high
