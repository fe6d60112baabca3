"""Claims from one parsed sentence: each count of people, its category from the predicate.

The category of a count is read off the dependency parse, from the word that governs the
counted noun: the verb it is the object or passive subject of ("30,000 prisoners were
executed", "killed 12 villagers"), the participle after it ("1,000 killed and 4,000 injured"),
the noun it is "of" ("the massacre of 30,000"), or the noun a toll or number is of ("the death
toll rose to 1,500"). A keyword elsewhere in the sentence never gives a category. A sentence
that names one victim of a violent verb ("Jon Arven was executed") is a claim of one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tolltrace.extract import lexicon as lx
from tolltrace.extract.attribution import attribute
from tolltrace.extract.numbers import counted_noun, find_counts
from tolltrace.extract.when import claim_time
from tolltrace.extract.where import claim_place
from tolltrace.model import Count
from tolltrace.nlp.parse import ParsedSentence, Token

_NOUNS = frozenset(("NOUN", "PROPN", "PRON", "ADJ", "NUM"))
_SUBJECT_SKIP = frozenset(("of", "the", "a", "an", "these", "those", "its", "their", "his", "her"))
_COPULAS = frozenset(
    ("be", "include", "number", "total", "reach", "rise", "climb", "stand", "exceed", "top",
     "surpass", "hit", "put", "bring", "raise", "increase", "jump", "soar", "mount", "remain",
     "grow", "estimate", "place", "set", "count", "swell")
)  # fmt: skip
# The provisional category of "shot"/"stabbed" victims: injured in a document that reports no
# death, generic victims in one that does (the dead were shot too). See `resolve_wounded`.
WOUNDED = "wounded?"
_STRONG = frozenset(("killed", "executed", "arrested", "detained", "disappeared", "tortured"))
_ONE_PERSON = frozenset(("a", "an", "the", "this", "that", "his", "her", "their", "another"))
_CLAUSES = frozenset(("relcl", "acl", "advcl", "punct", "cc", "conj"))
_PREDICATE_REACH = 10  # tokens between a count and its predicate for both to be the claim's text
_MAX_CLIMB = 8


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """A claim before it knows its document: offsets are into the clean text."""

    start: int
    end: int
    sentence: str
    low: int | None
    high: int | None
    qualifier: str
    category: str
    subject: str
    when: str | None = None
    where: str | None = None
    attributed_to: str | None = None
    attribution_cue: str | None = None
    negated: bool = False
    confidence: float = 0.5
    perpetrator: str | None = None


@dataclass(frozen=True, slots=True)
class _Reading:
    category: str
    predicate: int | None  # the token that gives the category, when it is not the noun
    confidence: float


def find_claims(
    sentence: ParsedSentence, published: str | None, text: str = ""
) -> list[ClaimDraft]:
    """Every casualty or repression claim the sentence states, in text order.

    `text` is the whole clean text the sentence is part of (attributions may sit outside the
    sentence, e.g. a quotation closed in the next one).
    """
    if not sentence.tokens:
        return []
    drafts: list[ClaimDraft] = []
    claimed: set[int] = set()
    for count in find_counts(sentence.text):
        draft = _count_claim(sentence, count, published, text, claimed)
        if draft is not None:
            drafts.append(draft)
    drafts.extend(_single_victims(sentence, published, text, claimed))
    drafts.extend(_named_in_nominals(sentence, published, text, claimed))
    drafts.sort(key=lambda draft: (draft.start, draft.end))
    return drafts


def resolve_wounded(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """Settle the provisional `WOUNDED` category once a document's claims are all known."""
    if not any(draft.category == WOUNDED for draft in drafts):
        return drafts
    someone_died = any(d.category in ("killed", "executed") for d in drafts if not d.negated)
    settled = "victims" if someone_died else "injured"
    return [replace(d, category=settled) if d.category == WOUNDED else d for d in drafts]


# ----------------------------------------------------------------------------- counts


def _count_claim(
    sentence: ParsedSentence, count: Count, published: str | None, text: str, claimed: set[int]
) -> ClaimDraft | None:
    span = _tokens_of(sentence, sentence.start + count.start, sentence.start + count.end)
    if not span:
        return None
    number = _span_root(sentence, span)
    noun = _counted(sentence, number, span)
    if noun == number:
        noun = _counted_by_text(sentence, count, number)
    claimed.update(span)
    claimed.add(noun)
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
    reading = _read(sentence, governing, noun, span)
    if reading is None:
        return None
    if reading.category == "victims" and not _people_like(sentence, number, noun):
        return None
    first, last = span[0], max(span[-1], noun)
    if reading.predicate is not None:
        gap = min(abs(reading.predicate - first), abs(reading.predicate - last))
        if gap <= _PREDICATE_REACH:
            first, last = min(first, reading.predicate), max(last, reading.predicate)
    return _draft(
        sentence,
        first,
        last,
        count.low,
        count.high,
        count.qualifier,
        reading,
        _subject(sentence, span, noun, count),
        _perpetrator(sentence, reading.predicate, noun),
        published,
        text,
    )


def _tokens_of(sentence: ParsedSentence, start: int, end: int) -> list[int]:
    return [t.i for t in sentence.tokens if t.start < end and t.end > start]


def _span_root(sentence: ParsedSentence, span: list[int]) -> int:
    """The token of a count's words whose head lies outside them (numbers first)."""
    inside = set(span)
    roots = [
        i for i in span if sentence.tokens[i].head not in inside or sentence.tokens[i].head == i
    ]
    numeric = [i for i in roots if sentence.tokens[i].tag == "CD"]
    return (numeric or roots or span)[-1]


def _counted(sentence: ParsedSentence, number: int, span: list[int]) -> int:
    """The noun a count counts: its head ("30,000 prisoners"), its "of" ("dozens of them")."""
    token = sentence.tokens[number]
    if token.dep in ("nummod", "quantmod", "amod", "compound", "nmod") and token.head > number:
        head = sentence.tokens[token.head]
        if head.pos in _NOUNS:
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


def _read(sentence: ParsedSentence, governing: int, noun: int, span: list[int]) -> _Reading | None:
    """The count's category and the word it comes from, or None when it counts no victims."""
    noun_token = sentence.tokens[noun]
    if noun_token.pos in ("ADJ", "VERB"):
        own = _nominal(noun_token)
        if own is not None:  # "30 dead", "1 dead, 2 hurt"
            return _Reading(own, noun, 0.8)
    local = _participle(sentence, noun, span)
    if local is not None and local.category not in (WOUNDED, "victims"):
        return local
    climbed = _climb(sentence, governing, noun)
    intended = (
        climbed is not None
        and climbed.predicate is not None
        and _intended(sentence, climbed.predicate)
    )
    if climbed is not None and intended:
        climbed = _Reading("victims", climbed.predicate, 0.4)  # targeted, not (yet) harmed
    if local is not None and (climbed is None or climbed.category in (WOUNDED, "victims")):
        return local  # "two people who were shot": unless the clause says more ("... died")
    if climbed is not None:
        return climbed
    own = _nominal(sentence.tokens[noun])
    if own is not None:
        return _Reading(own, None, 0.6)
    holder = lx.HOLDERS.get(sentence.tokens[noun].lemma)
    if holder is not None:
        return _Reading(holder, None, 0.4)
    return None


def _participle(sentence: ParsedSentence, noun: int, span: list[int]) -> _Reading | None:
    """A participle or adjective right after the counted words: "4,000 injured", "30 dead"."""
    candidates = [
        c for c in sentence.children[noun] if sentence.tokens[c].dep in ("acl", "relcl", "amod")
    ]
    after = noun + 1
    if after < len(sentence.tokens):
        candidates.insert(0, after)
    for index in candidates:
        token = sentence.tokens[index]
        if token.tag not in ("VBN", "VBD", "JJ", "VBG") or index in span:
            continue
        if index == after and any(
            sentence.tokens[c].dep == "dobj" for c in sentence.children[index]
        ):
            continue  # "5 gunmen killed 12 people": the count did it
        if token.tag == "VBG" and index == after:
            continue  # "12 people killing" is rare; "protesters demanding" is not a category
        if token.dep == "relcl" and _active_relative(sentence, index):
            continue  # "two officers who fatally shot a man": the count did it
        if token.tag == "JJ":
            category = lx.NOMINAL.get(token.lower)
        else:
            category = _verb_category(sentence, index) or lx.NOMINAL.get(token.lower)
        if category is not None:
            return _Reading(category, index, 0.9)
    return None


def _climb(sentence: ParsedSentence, start: int, noun: int) -> _Reading | None:
    """Walk up from the counted noun to the word that says what happened to it."""
    current = start
    for _ in range(_MAX_CLIMB):
        token = sentence.tokens[current]
        head = sentence.tokens[token.head]
        if token.head == current:
            return None
        if token.dep in ("conj", "appos"):
            current = token.head
            continue
        if token.dep == "pobj":
            return _through_preposition(sentence, head)
        if token.dep in ("nsubjpass", "dobj", "obj", "dative"):
            category = _verb_category(sentence, head.i)
            if category is None and head.lemma in lx.LOSS and _people_like(sentence, noun, noun):
                category = "killed"
            if category is None:
                category = _carried(sentence, head.i, exclude=current)
                return _Reading(category, head.i, 0.7) if category else None
            return _Reading(category, head.i, 0.9)
        if token.dep == "nsubj":
            return _as_subject(sentence, head, current)
        if token.dep in ("attr", "oprd", "acomp", "npadvmod") and head.pos in ("VERB", "AUX"):
            category = _carried(sentence, head.i, exclude=current)
            return _Reading(category, head.i, 0.7) if category else None
        return None
    return None


def _as_subject(sentence: ParsedSentence, verb: Token, subject: int) -> _Reading | None:
    if verb.lemma in lx.INTRANSITIVE:
        return _Reading(lx.INTRANSITIVE[verb.lemma], verb.i, 0.9)
    has_object = any(sentence.tokens[c].dep in ("dobj", "obj") for c in sentence.children[verb.i])
    passive_like = (
        verb.tag == "VBN"
        and not has_object
        and not any(
            sentence.tokens[c].dep == "aux" and sentence.tokens[c].lemma == "have"
            for c in sentence.children[verb.i]
        )
    )
    if passive_like:  # "... and 40 injured": a reduced passive
        category = _verb_category(sentence, verb.i)
        if category is not None:
            return _Reading(category, verb.i, 0.8)
    if verb.lemma in _COPULAS or verb.lemma in ("die",):
        category = _carried(sentence, verb.i, exclude=subject)
        if category is not None:
            return _Reading(category, verb.i, 0.7)
        complement = _complement(sentence, verb.i)
        if complement is not None:
            return _Reading(complement, verb.i, 0.8)
    return None  # the subject of an active violent verb is who did it, not who suffered


def _through_preposition(sentence: ParsedSentence, preposition: Token) -> _Reading | None:
    governor = sentence.tokens[preposition.head]
    if preposition.head == preposition.i:
        return None
    if preposition.lower == "of" and governor.pos in ("NOUN", "PROPN", "ADJ"):
        category = _nominal(governor)
        if category is None and governor.lemma in lx.CARRIERS:
            # "a total of 112 people were killed": the carrier's own predicate says what
            carried = _climb(sentence, governor.i, governor.i)
            if carried is not None:
                return carried
        category = category or _carrier_category(sentence, governor.i, preposition.i)
        return _Reading(category, governor.i, 0.8) if category else None
    if preposition.lower in ("to", "at", "by", "from", "above", "over", "around") and (
        governor.pos in ("VERB", "AUX", "NOUN")
    ):
        category = _carried(sentence, governor.i, exclude=preposition.i)
        return _Reading(category, governor.i, 0.7) if category else None
    return None


def _verb_category(sentence: ParsedSentence, verb: int) -> str | None:
    """The category a verb (with its complements) gives its object or passive subject."""
    token = sentence.tokens[verb]
    category = lx.TRANSITIVE.get(token.lemma) or lx.INTRANSITIVE.get(token.lemma)
    if token.lemma in ("disappear",):
        category = "disappeared"
    children = [sentence.tokens[c] for c in sentence.children[verb]]
    words = {c.lower for c in children} | {c.lemma for c in children}
    if category in ("victims", "injured") and words & lx.FATAL:
        return "killed"  # "fatally shot", "shot dead", "fatally wounded"
    if category == "victims" and words & lx.NONFATAL:
        return "injured"
    if category in (None, "victims"):
        conjoined = [c for c in children if c.dep == "conj" and c.pos == "VERB"]
        conjoined = [c for c in conjoined if not _has_own_object(sentence, c.i)]
        specific = [lx.TRANSITIVE.get(c.lemma) for c in conjoined]
        specific = [s for s in specific if s and s != "victims"]
        if specific:
            return specific[0]
        complement = _complement(sentence, verb)
        if complement is not None:
            return complement
    if category == "victims" and token.lemma in lx.WOUNDING:
        return WOUNDED  # shot, stabbed, struck; whether they died is for the document to say
    if category is not None and category != "victims":
        alternatives = [
            lx.TRANSITIVE.get(c.lemma) for c in children if c.dep == "conj" and c.pos == "VERB"
        ]
        if "or" in words and any(a and a != category for a in alternatives):
            return "victims"  # "killed or injured"
    return category


def _active_relative(sentence: ParsedSentence, verb: int) -> bool:
    """ "officers who shot a man" (the noun did it), not "people who were shot"."""
    if sentence.tokens[verb].lemma in lx.INTRANSITIVE:
        return False
    deps = {sentence.tokens[c].dep for c in sentence.children[verb]}
    return "nsubjpass" not in deps and ("nsubj" in deps or "dobj" in deps)


def _has_own_object(sentence: ParsedSentence, verb: int) -> bool:
    """ "hitting all five and killing both women": the second verb has its own object (a date
    misread as one, "killed Jan. 11", does not count)."""
    return any(
        sentence.tokens[c].dep in ("dobj", "obj", "nsubjpass")
        and sentence.tokens[c].lemma.rstrip(".") not in lx.MONTHS
        for c in sentence.children[verb]
    )


def _intended(sentence: ParsedSentence, word: int) -> bool:
    """The violent word is an intent or attempt, not an event: "tried to kill", "attempted
    murder", "an effort to kill himself"."""
    token = sentence.tokens[word]
    children = [sentence.tokens[c] for c in sentence.children[word]]
    if any(
        c.lemma in lx.INTENT or c.lower in lx.INTENT
        for c in children
        if c.dep in ("amod", "compound")
    ):
        return True
    infinitive = any(c.dep == "aux" and c.tag == "TO" for c in children)
    if infinitive and token.head != word:
        head = sentence.tokens[token.head]
        return head.lemma in lx.INTENT or head.lower in lx.INTENT
    return False


def _complement(sentence: ParsedSentence, verb: int) -> str | None:
    """ "reported killed", "found dead", "taken into custody", "sent to prison"."""
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if token.dep in ("xcomp", "oprd", "acomp", "ccomp") and token.tag in ("VBN", "JJ"):
            category = lx.NOMINAL.get(token.lower)
            if token.tag == "VBN" and token.lemma in lx.TRANSITIVE:
                category = _verb_category(sentence, child)  # "found shot to death"
            if category is not None:
                return category
        if token.dep == "prep" and sentence.tokens[verb].lemma in lx.PLACING:
            for grandchild in sentence.children[child]:
                complement = lx.COMPLEMENTS.get((token.lower, sentence.tokens[grandchild].lemma))
                if sentence.tokens[grandchild].dep == "pobj" and complement is not None:
                    return complement
    return None


def _nominal(token: Token) -> str | None:
    return lx.NOMINAL.get(token.lemma) or lx.NOMINAL.get(token.lower)


def _carried(sentence: ParsedSentence, verb: int, exclude: int) -> str | None:
    """The category carried by a verb's other argument: "the death toll rose to 1,500"."""
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if child == exclude or token.dep not in ("nsubj", "nsubjpass", "dobj", "attr", "prep"):
            continue
        if token.dep == "prep":
            if token.lower != "among":
                continue
            objects = [g for g in sentence.children[child] if sentence.tokens[g].dep == "pobj"]
            if objects and (category := _nominal(sentence.tokens[objects[0]])):
                return category
            continue
        category = _nominal(token) or _carrier_category(sentence, child, exclude)
        if category is not None:
            return category
    return None


def _carrier_category(sentence: ParsedSentence, carrier: int, exclude: int) -> str | None:
    """A toll or number's category from its modifiers: "death toll", "number of those killed"."""
    token = sentence.tokens[carrier]
    if token.lemma not in lx.CARRIERS and token.pos != "PRON" and token.tag != "DT":
        return None  # "those" (killed) is a determiner that carries too
    low, high = sentence.subtree(carrier)
    best: tuple[int, str] | None = None
    for index in range(low, high + 1):
        if index in (carrier, exclude):
            continue
        token = sentence.tokens[index]
        category = _nominal(token) or (
            lx.TRANSITIVE.get(token.lemma) if token.pos == "VERB" else None
        )
        if category is not None and (best is None or abs(index - carrier) < best[0]):
            best = (abs(index - carrier), category)
    return best[1] if best else None


def _people_like(sentence: ParsedSentence, number: int, noun: int) -> bool:
    if noun == number:
        return True
    token = sentence.tokens[noun]
    if token.lemma in lx.PERSON_NOUNS or token.lemma in lx.HOLDERS or _nominal(token):
        return True
    return token.lemma in ("people", "person", "other", "civilian", "member", "citizen") or (
        token.lemma.endswith(("er", "ist", "ian", "ant", "ent", "ee", "or"))
    )


def _perpetrator(sentence: ParsedSentence, predicate: int | None, noun: int) -> str | None:
    """Who did it, when the sentence says: the active subject or the passive "by" agent."""
    if predicate is None or sentence.tokens[predicate].lemma not in lx.TRANSITIVE:
        return None
    for child in sentence.children[predicate]:
        token = sentence.tokens[child]
        if token.dep == "nsubj" and child != noun and token.pos in ("NOUN", "PROPN"):
            return _phrase(sentence, child)
        if token.dep == "nsubj" and token.lower in ("who", "that", "which"):
            relative = sentence.tokens[predicate]
            if relative.dep == "relcl" and relative.head != noun:
                return _phrase(sentence, relative.head)  # "officers who shot a man"
        if token.dep == "agent":
            objects = [g for g in sentence.children[child] if sentence.tokens[g].dep == "pobj"]
            if objects:
                return _phrase(sentence, objects[0])
    return None


def _phrase(sentence: ParsedSentence, head: int, limit: int = 8) -> str:
    """A noun phrase without its clauses: "two officers", not "two officers who shot ..."."""
    low, high = sentence.subtree(head)
    clauses = [
        c for c in sentence.children[head] if c > head and sentence.tokens[c].dep in _CLAUSES
    ]
    if clauses:
        high = max(head, min(sentence.subtree(c)[0] for c in clauses) - 1)
    if high - low >= limit:
        modifiers = [
            c for c in sentence.children[head]
            if c < head and sentence.tokens[c].dep in ("compound", "amod")
        ]  # fmt: skip
        low, high = min([*modifiers, head]), head
    while low < head and sentence.tokens[low].tag == "DT":
        low += 1
    return sentence.span_text(low, high).strip(" ,")


# ----------------------------------------------------------------------------- one victim


def _named_in_nominals(
    sentence: ParsedSentence, published: str | None, text: str, claimed: set[int]
) -> list[ClaimDraft]:
    """ "the murder of Romario Green", "the body of a man", "Caskey's body": one victim."""
    drafts: list[ClaimDraft] = []
    for noun in sentence.tokens:
        category = _nominal(noun) if noun.pos == "NOUN" and noun.tag == "NN" else None
        if category not in _STRONG or _intended(sentence, noun.i):
            continue
        for child in sentence.children[noun.i]:
            token = sentence.tokens[child]
            if token.dep == "prep" and token.lower == "of":
                objects = [g for g in sentence.children[child] if sentence.tokens[g].dep == "pobj"]
                victim = objects[0] if objects else None
            elif token.dep == "poss":
                victim = child
            else:
                continue
            if victim is None or victim in claimed:
                continue
            low, high, people = _victims(sentence, victim)
            if low is None or any(i in claimed for i in range(low, high + 1)):
                continue
            claimed.update(range(low, high + 1))
            first, last = min(low, noun.i), max(high, noun.i)
            reading = _Reading(category or "victims", noun.i, 0.6)
            subject = sentence.span_text(low, high)
            drafts.append(
                _draft(sentence, first, last, people, people, "exact", reading, subject, None,
                       published, text)
            )  # fmt: skip
    return drafts


def _single_victims(
    sentence: ParsedSentence, published: str | None, text: str, claimed: set[int]
) -> list[ClaimDraft]:
    drafts: list[ClaimDraft] = []
    for verb in sentence.tokens:
        if verb.pos != "VERB":
            continue
        if verb.dep == "conj" and sentence.tokens[verb.head].pos == "VERB":
            continue  # "was shot and killed": the first verb speaks for both
        category = _verb_category(sentence, verb.i)
        if category is None or category in ("displaced", "protesters"):
            continue
        if _intended(sentence, verb.i):
            continue
        for child in sentence.children[verb.i]:
            token = sentence.tokens[child]
            role_ok = token.dep in ("nsubjpass", "dobj") or (
                token.dep == "nsubj"
                and (verb.lemma in lx.INTRANSITIVE or verb.tag == "VBN" or verb.lemma in _COPULAS)
            )
            if not role_ok or child in claimed:
                continue
            if token.lower in ("who", "whom", "that") and verb.dep == "relcl":
                child = verb.head  # "Lena Varo, who was arrested on Monday"
            low, high, people = _victims(sentence, child)
            if low is None or any(i in claimed for i in range(low, high + 1)):
                continue
            claimed.update(range(low, high + 1))
            first, last = min(low, verb.i), max(high, verb.i)
            if abs(verb.i - child) > _PREDICATE_REACH:
                first, last = low, high
            reading = _Reading(category, verb.i, 0.7)
            drafts.append(
                _draft(
                    sentence, first, last, people, people, "exact", reading,
                    sentence.span_text(low, high), _perpetrator(sentence, verb.i, child),
                    published, text,
                )
            )  # fmt: skip
    return drafts


def _victims(sentence: ParsedSentence, head: int) -> tuple[int | None, int, int]:
    """The words naming one person, or persons joined by "and" ("a man and a woman"): their
    first and last token and how many; (None, 0, 0) when they are not named persons."""
    low, high = _victim_span(sentence, head)
    if low is None:
        return None, 0, 0
    people = 1
    conjoined = [c for c in sentence.children[head] if sentence.tokens[c].dep == "conj"]
    while conjoined:  # "a man, a woman and a child"
        more = conjoined.pop()
        more_low, more_high = _victim_span(sentence, more)
        if more_low is None:
            return low, high, 1
        people += 1
        high = max(high, more_high)
        conjoined += [c for c in sentence.children[more] if sentence.tokens[c].dep == "conj"]
    return low, high, people


def _victim_span(sentence: ParsedSentence, head: int) -> tuple[int | None, int]:
    """The words naming one person ("Jon Arven", "a 25-year-old man"), or (None, 0)."""
    token = sentence.tokens[head]
    if token.pos == "PROPN":
        names = [head] + [
            c for c in sentence.children[head]
            if sentence.tokens[c].dep == "compound" and sentence.tokens[c].pos == "PROPN"
        ]  # fmt: skip
        words = {sentence.tokens[i].lower for i in names}
        if len(names) < 2 or words & lx.ORGANISATION_WORDS or token.tag == "NNPS":
            return None, 0
        return min(names), max(names)
    if token.lower in ("he", "she", "himself", "herself"):
        return head, head  # one person, named elsewhere in the text
    aged = token.lemma == "old" and any(  # "a 13-year-old", "the 22-year-old"
        sentence.tokens[c].lower == "year" for c in range(max(0, head - 3), head)
    )
    if (token.tag == "NN" and token.lemma in lx.PERSON_NOUNS) or aged:
        determiners = [
            c for c in sentence.children[head] if sentence.tokens[c].dep in ("det", "poss")
        ]
        if not determiners or sentence.tokens[determiners[0]].lower not in _ONE_PERSON:
            return None, 0
        if any(sentence.tokens[c].dep in ("nummod", "neg") for c in sentence.children[head]):
            return None, 0  # a count, or "not a single prisoner"
        return determiners[0], head
    return None, 0


# ----------------------------------------------------------------------------- assembly


def _extent(sentence: ParsedSentence, predicate: int) -> int:
    """The last token of a predicate's words that say what happened ("found dead")."""
    last = predicate
    for child in sentence.children[predicate]:
        token = sentence.tokens[child]
        if child - predicate > 4:
            break
        if token.dep in ("xcomp", "oprd", "acomp", "conj") and (
            lx.TRANSITIVE.get(token.lemma) or _nominal(token)
        ):
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
    reading: _Reading,
    subject: str,
    perpetrator: str | None,
    published: str | None,
    text: str,
) -> ClaimDraft:
    if reading.predicate is not None and first <= reading.predicate <= last:
        last = max(last, _extent(sentence, reading.predicate))
    attribution = attribute(text, sentence, first, last)
    return ClaimDraft(
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
        negated=attribution.negated,
        confidence=reading.confidence,
        perpetrator=perpetrator,
    )
