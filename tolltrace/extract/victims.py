"""Claims of persons named one by one: "Jon Arven was executed", "a man was shot and
killed", "the murder of Lena Varo", "a man with a gunshot wound", "Both were taken to the
hospital".

Whom a sentence names as harmed, read off the parse: the object or passive subject of a verb
with a category (`predicates.verb_category`), the subject of a clause that states an injury
(`injuries`), the person of a nominal ("the killing of ..."), or a person whose own noun
phrase says it ("the wounded man"). A person is a name ("Jon Arven"; a lone surname,
"Arven", where the verb only harms people), a pronoun ("he", "him"), a singular noun for a
person with "a"/"the"/"his" ("a 25-year-old man"; headlines drop the article), "another" or
"a second", "both"; persons joined by "and" (or listed: "A man, a woman and a child") are
counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tolltrace.extract import injuries
from tolltrace.extract import lexicon as lx
from tolltrace.extract.injuries import has_subject
from tolltrace.extract.predicates import (
    COPULAS,
    PREDICATE_REACH,
    WOUNDED,
    Reading,
    active_relative,
    complement_category,
    coordinated,
    has_own_object,
    is_hypothetical,
    is_intended,
    nominal,
    perpetrator_of,
    verb_category,
)
from tolltrace.nlp.parse import ParsedSentence, Token

_STRONG = frozenset(("killed", "executed", "arrested", "detained", "disappeared", "tortured"))
_ONE_PERSON = frozenset(("a", "an", "the", "this", "that", "his", "her", "their", "another"))
_OTHER_ONE = frozenset(("another", "other", "second", "third", "fourth"))
_FINDING = frozenset(("find", "discover", "leave", "locate"))  # "found him shot"
_REFLEXIVE = frozenset(("himself", "herself", "themselves", "itself"))


@dataclass(frozen=True, slots=True)
class Victims:
    """Persons a sentence names as harmed: tokens `first`..`last` are the claim's words."""

    first: int
    last: int
    people: int
    reading: Reading
    subject: str  # the words naming them
    perpetrator: str | None = None


def named_victims(sentence: ParsedSentence, claimed: set[int]) -> list[Victims]:
    """Persons a verb says were harmed: "Jon Arven was executed", "killed a neighbour", "he
    suffered a gunshot wound", "Man shot and killed in Kerevo"."""
    found: list[Victims] = []
    readings: list[tuple[Token, dict[str, str], tuple[int, ...]]] = []
    for verb in sentence.tokens:
        if _small_clause(sentence, verb):
            category = nominal(verb)
            if category is not None:  # "found [the man] dead in his car"
                readings.append((verb, {"nsubj": category}, sentence.children[verb.i]))
            continue
        if verb.pos not in ("VERB", "AUX"):
            continue
        candidates = sentence.children[verb.i]
        if (
            verb.dep == "conj"
            and sentence.tokens[verb.head].pos in ("VERB", "AUX")
            and not has_own_object(sentence, verb.i)
            and not any(sentence.tokens[c].dep == "nsubj" for c in sentence.children[verb.i])
        ):
            candidates = _shared_subject(sentence, verb)
            if not candidates:
                continue  # "was shot and killed": the first verb speaks for both
        roles = _victim_roles(sentence, verb)
        if roles and not is_intended(sentence, verb.i) and not is_hypothetical(sentence, verb.i):
            readings.append((verb, roles, candidates))
    # "a teen who was found shot has died", "she suffered a gunshot wound and was pronounced
    # dead": a verb that says the person died speaks first, then one that says what else became
    # of them, last one that only says they were shot or attacked.
    readings.sort(key=lambda reading: _rank(set(reading[1].values())))
    for verb, roles, candidates in readings:
        for child in candidates:
            token = sentence.tokens[child]
            category = roles.get(_role(sentence, verb, child))
            if category is None or child in claimed:
                continue
            if token.lower in ("who", "whom", "that") and verb.dep == "relcl":
                child = verb.head  # "Lena Varo, who was arrested on Monday"
            # "struck Kerevo" is a place; "fatally struck Arven" a person
            lone_name = category == "killed" or (
                category != "victims" and verb.lemma not in lx.GLANCING
            )
            low, high, people = _victims(sentence, child, lone_name)
            if low is None or any(i in claimed for i in range(low, high + 1)):
                continue
            claimed.update(range(low, high + 1))
            if category in (WOUNDED, "victims", "injured") and _said_dead(sentence, child):
                category = "killed"  # "located a deceased man with a gunshot wound"
            first, last = min(low, verb.i), max(high, _verb_end(sentence, verb))
            if abs(verb.i - child) > PREDICATE_REACH:
                first, last = low, high
            found.append(
                Victims(
                    first, last, people, Reading(category, verb.i, 0.7),
                    sentence.span_text(low, high), perpetrator_of(sentence, verb.i, child),
                )
            )  # fmt: skip
    return found


def _said_dead(sentence: ParsedSentence, noun: int) -> bool:
    """The person's own noun phrase says they are dead: "a deceased man", "the dead woman"."""
    return any(
        sentence.tokens[c].dep == "amod" and nominal(sentence.tokens[c]) == "killed"
        for c in sentence.children[noun]
    )


def _verb_end(sentence: ParsedSentence, verb: Token) -> int:
    """The last word of the verb: its particle, if it has one ("passed away")."""
    particles = [c for c in sentence.children[verb.i] if sentence.tokens[c].tag == "RP"]
    return max([verb.i, *particles])


def _rank(categories: set[str]) -> int:
    if categories & {"killed", "executed"}:
        return 0
    return 2 if categories <= {WOUNDED, "victims"} else 1


def _shared_subject(sentence: ParsedSentence, verb: Token) -> tuple[int, ...]:
    """The subject a second verb of death shares with the first: "[she] suffered a gunshot
    wound and was pronounced dead", "[the nurse] turned the blade on herself and died". Only
    death: it is the last word on what became of the person, and no other verb says it."""
    if has_subject(sentence, verb.i) or not _says_death(sentence, verb):
        return ()
    head = sentence.tokens[verb.head]
    while head.dep == "conj" and not has_subject(sentence, head.i):
        head = sentence.tokens[head.head]  # "[X] sustained ..., was taken ..., and died"
    if lx.TRANSITIVE.get(head.lemma) == "killed" or head.lemma in lx.INTRANSITIVE:
        return ()  # "was shot and killed", "was beaten and died": the first verb says it
    if any(sentence.tokens[c].lower in _REFLEXIVE for c in sentence.children[head.i]):
        return ()  # "shot himself in the chest ... and later died": "himself" is the person
    return tuple(
        c for c in sentence.children[head.i] if sentence.tokens[c].dep in ("nsubj", "nsubjpass")
    )


def _says_death(sentence: ParsedSentence, verb: Token) -> bool:
    """ "died", "passed away", "was pronounced dead", "was killed"."""
    if verb.lemma in lx.INTRANSITIVE:
        return lx.INTRANSITIVE[verb.lemma] == "killed"
    if complement_category(sentence, verb.i) == "killed":
        return True
    return lx.TRANSITIVE.get(verb.lemma) == "killed" and _passive(sentence, verb)


def _passive(sentence: ParsedSentence, verb: Token) -> bool:
    return any(sentence.tokens[c].dep == "auxpass" for c in sentence.children[verb.i])


def _role(sentence: ParsedSentence, verb: Token, child: int) -> str:
    """The dependency `child` has to `verb`; a subject shared with the verb before has the
    voice of this one ("[she] suffered ... and was pronounced dead": a passive subject)."""
    token = sentence.tokens[child]
    if token.head == verb.i:
        return token.dep
    return "nsubjpass" if _passive(sentence, verb) else "nsubj"


def _small_clause(sentence: ParsedSentence, word: Token) -> bool:
    """An adjective of harm heading the clause a verb of finding takes: "found [the man]
    dead", "left [Jon Arven] dead" (the parser makes "dead" a clause with a subject)."""
    return (
        word.pos == "ADJ"
        and word.dep in ("ccomp", "xcomp", "oprd")
        and sentence.tokens[word.head].lemma in _FINDING
        and any(sentence.tokens[c].dep == "nsubj" for c in sentence.children[word.i])
    )


def _victim_roles(sentence: ParsedSentence, verb: Token) -> dict[str, str]:
    """The category a verb gives each of its dependents that may name a victim, by their
    dependency: "[Jon Arven] was shot", "killed [a neighbour]", "[he] suffered a wound"."""
    if verb.pos == "VERB":
        category = verb_category(sentence, verb.i)
    else:
        category = complement_category(sentence, verb.i)  # "another man was dead"
    if category in ("displaced", "protesters"):
        return {}
    if category is not None:
        roles = {"nsubjpass": category, "dobj": category}
        if (
            verb.lemma in lx.INTRANSITIVE
            or verb.lemma in COPULAS
            or _bare_participle(sentence, verb)
        ):
            roles["nsubj"] = category
        elif _reduced_passive(sentence, verb):
            roles["nsubj"] = category  # "Man shot and killed in Kerevo"
        return roles
    roles = {}
    if (harm := injuries.subject_harm(sentence, verb.i)) is not None:
        roles["nsubj"] = roles["nsubjpass"] = harm
    if (harm := injuries.object_harm(sentence, verb.i)) is not None:
        roles["dobj"] = harm
    return roles


def _bare_participle(sentence: ParsedSentence, verb: Token) -> bool:
    """ "... and 40 injured": a participle without "have" and without an object is a passive
    (not "Gunmen have shot a guard")."""
    return (
        verb.tag == "VBN"
        and not has_own_object(sentence, verb.i)
        and not any(
            sentence.tokens[c].dep == "aux" and sentence.tokens[c].lemma == "have"
            for c in sentence.children[verb.i]
        )
        and not any(  # "a man stabbed and killed his wife": the object is both verbs'
            sentence.tokens[c].dep == "conj" and has_own_object(sentence, c)
            for c in sentence.children[verb.i]
        )
    )


def _reduced_passive(sentence: ParsedSentence, verb: Token) -> bool:
    """A past participle the parser took for a past tense, so that its subject looks like the
    doer: in a headline ("Man shot and killed in Kerevo", "Man found dead"), after a verb of
    finding ("they found Jon Arven shot to death"), or before a passive agent ("a man shot and
    killed by police Monday carried a rifle")."""
    if verb.tag != "VBD" or verb.dep == "relcl" or has_own_object(sentence, verb.i):
        return False
    if any(
        sentence.tokens[c].dep == "prep" and sentence.tokens[c].lower == "at"
        for c in sentence.children[verb.i]
    ):
        return False  # "a man shot at police"
    if _headline(sentence):
        return True
    if verb.lemma in _FINDING and any(
        sentence.tokens[c].dep in ("oprd", "acomp", "xcomp") for c in sentence.children[verb.i]
    ):
        return True  # "the man found dead last Friday": found whom, if not him?
    if verb.lemma not in lx.TRANSITIVE:
        return False  # "... that he realized someone had been hurt": he did the realising
    if verb.dep in ("ccomp", "xcomp", "oprd") and sentence.tokens[verb.head].lemma in _FINDING:
        return True
    if any(_bare_harm(sentence, c) for c in sentence.children[verb.i]):
        return True  # "a man shot and killed in Kerevo on Monday has been identified"
    return any(
        sentence.tokens[c].dep == "agent"
        for c in (
            verb.i,
            *(c for c in sentence.children[verb.i] if coordinated(sentence.tokens[c])),
        )
        for c in sentence.children[c]
    )


def _bare_harm(sentence: ParsedSentence, word: int) -> bool:
    """A participle of harm coordinated with a verb, with no object and no auxiliary of its
    own: "shot and [killed]" with nobody shot or killed after them is a passive."""
    token = sentence.tokens[word]
    return (
        token.dep == "conj"
        and token.tag == "VBN"
        and token.lemma in lx.TRANSITIVE
        and not has_own_object(sentence, word)
        and not any(
            sentence.tokens[c].dep in ("aux", "auxpass", "nsubj") for c in sentence.children[word]
        )
    )


def _near(sentence: ParsedSentence, noun: int) -> bool:
    """ "the almost lifeless body of a guard": a modifier that says it almost was."""
    tokens = sentence.tokens
    return any(
        tokens[c].dep == "amod"
        and any(tokens[m].lower in ("nearly", "almost") for m in sentence.children[c])
        for c in sentence.children[noun]
    )


def victims_of_nominals(sentence: ParsedSentence, claimed: set[int]) -> list[Victims]:
    """ "the murder of Jon Arven", "the body of a man", "Arven's killing": one victim."""
    found: list[Victims] = []
    for noun in sentence.tokens:
        category = nominal(noun) if noun.pos == "NOUN" and noun.tag == "NN" else None
        if category not in _STRONG or is_intended(sentence, noun.i) or _near(sentence, noun.i):
            continue
        for child in sentence.children[noun.i]:
            token = sentence.tokens[child]
            if token.dep == "prep" and token.lower == "of":
                objects = [g for g in sentence.children[child] if sentence.tokens[g].dep == "pobj"]
                victim = objects[0] if objects else None
            elif token.dep == "poss" and not any(
                sentence.tokens[c].lower == "of" for c in sentence.children[noun.i]
            ):  # "Kerevo's killing of protesters": the possessor did it
                victim = child
            else:
                continue
            if victim is None or victim in claimed:
                continue
            # "Arven's death": a name alone, as a possessor of a death, names a person (not
            # of a body: "Jett's little body has swelling" is alive)
            lone_name = token.dep == "poss" and noun.lemma not in ("body", "corpse")
            low, high, people = _victims(sentence, victim, lone_name=lone_name)
            if low is None or any(i in claimed for i in range(low, high + 1)):
                continue
            claimed.update(range(low, high + 1))
            first, last = min(low, noun.i), max(high, noun.i)
            reading = Reading(category or "victims", noun.i, 0.6)
            found.append(Victims(first, last, people, reading, sentence.span_text(low, high)))
    return found


def harmed_people(sentence: ParsedSentence, claimed: set[int]) -> list[Victims]:
    """Persons the noun phrase itself says were harmed: "a man with a gunshot wound", "a man
    injured in the shooting", "the dead man", "the victim of a fatal shooting"."""
    found: list[Victims] = []
    for noun in sentence.tokens:
        if noun.pos not in ("NOUN", "PROPN", "PRON") or noun.i in claimed:
            continue
        reading = _noun_reading(sentence, noun.i)
        if reading is None:
            continue
        low, high, people = _victims(sentence, _first_conjunct(sentence, noun.i), lone_name=True)
        if low is None or high < noun.i:  # the whole coordination is not people
            low, high, people = _victims(sentence, noun.i, lone_name=True)
        if low is None or any(i in claimed for i in range(low, high + 1)):
            continue
        claimed.update(range(low, high + 1))
        last = high
        if reading.predicate is not None and reading.predicate - high <= PREDICATE_REACH:
            last = max(high, reading.predicate)
        found.append(Victims(low, last, people, reading, sentence.span_text(low, high)))
    return found


def _first_conjunct(sentence: ParsedSentence, noun: int) -> int:
    """The first noun of the coordination `noun` ends: a participle after the last of them
    speaks for all ("a nurse and a teenage boy hurt")."""
    tokens = sentence.tokens
    first = noun
    while tokens[first].dep == "conj" and tokens[tokens[first].head].pos in ("NOUN", "PROPN"):
        first = tokens[first].head
    # a subject whose verb is gapped ("... and a woman and a girl [were] injured"); as an
    # object ("questioned a driver and a woman injured in the crash") the participle may
    # speak of the last alone
    return first if tokens[first].dep in ("nsubj", "nsubjpass", "conj", "ROOT") else noun


def _noun_reading(sentence: ParsedSentence, noun: int) -> Reading | None:
    if _dead_aged(sentence, noun):
        return Reading("killed", None, 0.6)  # "found the 17-year-old dead"
    if (fatal := _fatally_after(sentence, noun)) is not None:
        return Reading("killed", fatal, 0.6)  # "named the teenager fatally stabbed June 9"
    harm = injuries.noun_harm(sentence, noun)
    if harm is not None:  # "a man with a knife wound"; "a deceased man with ...": killed
        return Reading("killed" if _said_dead(sentence, noun) else harm, None, 0.6)
    for child in sentence.children[noun]:
        token = sentence.tokens[child]
        state = nominal(token) if token.dep == "amod" else None
        if state in ("killed", "injured"):  # "the dead man", "the fatally wounded child"
            if any(sentence.tokens[m].lower in lx.FATAL for m in sentence.children[child]):
                state = "killed"
            return Reading(state or "", child, 0.6)
        event = _fatal_event(sentence, token) if sentence.tokens[noun].lemma == "victim" else None
        if event is not None:  # "the homicide victim", "the victim of a deadly shooting"
            return Reading("killed", event, 0.6)
        if token.dep == "acl" and token.tag == "VBN" and not active_relative(sentence, child):
            done = verb_category(sentence, child)  # "a man shot in the leg"
            if done in ("killed", "executed", "injured", WOUNDED):
                return Reading(done or "", child, 0.6)
    return None


def _victims(
    sentence: ParsedSentence, head: int, lone_name: bool = False
) -> tuple[int | None, int, int]:
    """The words naming one person, or persons joined by "and" ("a man and a woman"): their
    first and last token and how many; (None, 0, 0) when they are not named persons.

    `lone_name`: a single proper name ("Arven") names a person too (the verb only harms
    people); "both" and "both men" name two."""
    token = sentence.tokens[head]
    if token.lower == "both" and token.dep in ("nsubj", "nsubjpass", "dobj"):
        return head, head, 2  # "Both were taken to the hospital"
    if (
        token.tag == "NNS"
        and (token.lemma in lx.PERSON_NOUNS or nominal(token) == "victims")
        and any(sentence.tokens[c].lower == "both" and c < head for c in sentence.children[head])
    ):
        return min(sentence.subtree(head)[0], head), head, 2  # "both victims", "both men"
    low, high = _victim_span(sentence, head, lone_name)
    if low is None:
        return None, 0, 0
    people = 1
    conjoined = [
        c
        for c in sentence.children[head]
        if sentence.tokens[c].dep == "conj" or _listed(sentence, head, c)
    ]
    while conjoined:  # "a man, a woman and a child", "a woman and 3-year-old child"
        more = conjoined.pop()
        more_low, more_high = _victim_span(sentence, more, lone_name, coordinated=True)
        if more_low is None:
            return low, high, 1
        people += 1
        high = max(high, more_high)
        conjoined += [c for c in sentence.children[more] if sentence.tokens[c].dep == "conj"]
    return low, high, people


def one_person(sentence: ParsedSentence, head: int) -> bool:
    """The noun phrase of `head`, coordinated with people, names one person: "Jon Arven",
    "Mira" ("Mira and her three children"), "a 25-year-old man", "her mother", "another"."""
    return _victim_span(sentence, head, lone_name=True, coordinated=True)[0] is not None


def _victim_span(
    sentence: ParsedSentence, head: int, lone_name: bool = False, coordinated: bool = False
) -> tuple[int | None, int]:
    """The words naming one person ("Jon Arven", "a 25-year-old man"), or (None, 0)."""
    token = sentence.tokens[head]
    if token.pos == "PROPN":
        names = [head] + [
            c for c in sentence.children[head]
            if sentence.tokens[c].dep == "compound" and sentence.tokens[c].pos == "PROPN"
        ]  # fmt: skip
        words = {sentence.tokens[i].lower for i in names}
        if words & lx.ORGANISATION_WORDS or token.tag == "NNPS" or words & lx.MONTHS:
            return None, 0
        if len(names) < 2 and not (lone_name and _lone_name(sentence, head)):
            return None, 0
        return min(names), max(names)
    if token.lower in _OTHER_ONE and _one_more(sentence, head):
        return min(sentence.subtree(head)[0], head), head  # "another", "a second", "the other"
    if token.lower in ("he", "she", "himself", "herself") or (
        token.lower in ("him", "her") and token.tag == "PRP"
    ):
        return head, head  # one person, named elsewhere in the text
    aged = _aged(sentence, head)  # "a 13-year-old", "the 22-year-old", "an 18-month old"
    if (token.tag == "NN" and token.lemma in lx.PERSON_NOUNS) or aged or _dead_aged(sentence, head):
        determiners = [
            c for c in sentence.children[head] if sentence.tokens[c].dep in ("det", "poss")
        ]
        if not determiners and (
            _headline(sentence) or (coordinated and token.dep in ("conj", "appos"))
        ):
            # "Man shot in hand at Kerevo bus stop"; "a woman and [3-year-old child]"
            return min(sentence.subtree(head)[0], head), head
        if not determiners or not (
            sentence.tokens[determiners[0]].lower in _ONE_PERSON
            or _possessor(sentence, determiners[0])
        ):
            return None, 0
        if any(sentence.tokens[c].dep in ("nummod", "neg") for c in sentence.children[head]):
            return None, 0  # a count, or "not a single prisoner"
        return sentence.subtree(determiners[0])[0], head
    return None, 0


def _fatally_after(sentence: ParsedSentence, noun: int) -> int | None:
    """ "the teenager [fatally stabbed] June 9": "fatally" and a participle of harm right after
    the noun, with no subject or object of their own, say what happened to it (the parser
    hangs them elsewhere); the participle's index, or None."""
    tokens = sentence.tokens
    if noun + 2 >= len(tokens) or tokens[noun + 1].lower not in ("fatally", "mortally"):
        return None
    verb = tokens[noun + 2]
    if verb.tag not in ("VBD", "VBN") or verb.lemma not in lx.TRANSITIVE:
        return None
    if has_own_object(sentence, verb.i) or has_subject(sentence, verb.i):
        return None
    return verb.i


def _dead_aged(sentence: ParsedSentence, noun: int) -> bool:
    """ "found [the 17-year-old dead]": the parser makes "dead" a noun and the age its
    adjective; the words name one person, dead."""
    return sentence.tokens[noun].lower == "dead" and any(
        sentence.tokens[c].dep == "amod" and _aged(sentence, c) for c in sentence.children[noun]
    )


def _aged(sentence: ParsedSentence, word: int) -> bool:
    """ "13-year-old", "18-month old": an age that names a person."""
    return sentence.tokens[word].lemma == "old" and any(
        sentence.tokens[c].lemma in ("year", "month", "week", "day")
        for c in range(max(0, word - 3), word)
    )


def _possessor(sentence: ParsedSentence, determiner: int) -> bool:
    """ "[the boy's] mother", "[Arven's] son": a possessive noun phrase before a noun for a
    person makes it one person, as "his" does."""
    token = sentence.tokens[determiner]
    return (
        token.dep == "poss"
        and token.pos in ("NOUN", "PROPN")
        and any(sentence.tokens[c].dep == "case" for c in sentence.children[determiner])
    )


def _headline(sentence: ParsedSentence) -> bool:
    """A headline, where a person goes without an article and "Man shot" is a passive: the
    text does not end a sentence the way prose does."""
    return not sentence.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")", ":"))


def _fatal_event(sentence: ParsedSentence, token: Token) -> int | None:
    """The word naming a killing that a modifier of "victim" holds: "[homicide] victim",
    "victim of a fatal [shooting]"; None when it names none."""
    if token.dep == "compound":
        return token.i if nominal(token) == "killed" else None
    if token.dep != "prep" or token.lower != "of":
        return None
    for event in sentence.children[token.i]:
        if sentence.tokens[event].dep != "pobj":
            continue
        if nominal(sentence.tokens[event]) == "killed" or any(
            sentence.tokens[m].lower in lx.FATAL_EVENT for m in sentence.children[event]
        ):
            return event
    return None


def _listed(sentence: ParsedSentence, head: int, appos: int) -> bool:
    """ "A man, a woman and a child", "Jon Arven, Lena Varo and Tomas Kerevic": the parser
    makes the second item an apposition of the first. A list, not a description ("Jon Arven,
    a teacher"): the apposition heads a coordination, and both name alike (two names, or two
    nouns with "a")."""
    tokens = sentence.tokens
    if tokens[appos].dep != "appos" or not any(
        tokens[c].dep == "conj" for c in sentence.children[appos]
    ):
        return False
    if tokens[head].pos == "PROPN" and tokens[appos].pos == "PROPN":
        return True
    if _shares_determiner(sentence, head, appos):
        return True  # "his wife, son and daughter"
    return all(
        any(tokens[c].dep == "det" and tokens[c].lower in ("a", "an") for c in sentence.children[i])
        for i in (head, appos)
    )


def _shares_determiner(sentence: ParsedSentence, head: int, appos: int) -> bool:
    """ "his wife, son and daughter": bare words for people after one with "his" or "the"
    share it, a list of people and not a description of the first."""
    tokens = sentence.tokens
    return (
        tokens[head].lemma in lx.PERSON_NOUNS
        and tokens[appos].lemma in lx.PERSON_NOUNS
        and tokens[appos].tag == "NN"
        and any(tokens[c].dep in ("det", "poss") for c in sentence.children[head])
        and not any(tokens[c].dep in ("det", "poss", "nummod") for c in sentence.children[appos])
    )


_QUANTITY_WORDS = frozenset(
    ("dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
     "several", "many", "few", "some", "all", "both", "none", "most", "handful", "others")
)  # fmt: skip


# "McLean", "LaVoss", "DeMarco": a name whose prefix keeps its own capital.
_PREFIXED_NAME = re.compile(r"[A-Z][a-z]{1,2}[A-Z][a-z]{2,}")


def _lone_name(sentence: ParsedSentence, head: int) -> bool:
    """A single capitalised name ("Arven"), not an acronym, a month or a word of an office."""
    word = sentence.tokens[head].text
    return (
        len(word) > 2
        and word[0].isupper()
        and word[1:].replace("-", "").replace("'", "").isalpha()
        and (word[1:].islower() or _PREFIXED_NAME.fullmatch(word) is not None)
        and sentence.tokens[head].tag == "NNP"
        and word.lower() not in _QUANTITY_WORDS  # a headline's "Dozen injured in ..."
    )


def _one_more(sentence: ParsedSentence, head: int) -> bool:
    """ "another", "a second", "the other", "the third": one more person of those counted."""
    token = sentence.tokens[head]
    if token.lower == "another":
        return token.pos in ("PRON", "DET") and token.dep != "det"
    if token.pos not in ("ADJ", "NOUN", "PRON"):
        return False
    return any(
        sentence.tokens[c].dep == "det" and sentence.tokens[c].lower in ("a", "the")
        for c in sentence.children[head]
    )
