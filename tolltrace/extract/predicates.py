"""What the words of a parse say happened to people: the category a verb, a participle or a
noun gives the person it governs, and who did it.

Shared by the claims of counts (`claims`) and of named victims (`victims`). A verb gives its
object or passive subject a category from the lexicon ("killed", "executed"), made fatal or
not by its modifiers ("fatally shot", "shot dead"), or from the verb it is coordinated with
("shot and killed", "was shot and later died") or its complement ("found dead", "taken into
custody"). "shot" alone is provisional (`lexicon.WOUNDED`): whether the person died is for the
document to say.
"""

from __future__ import annotations

from dataclasses import dataclass

from tolltrace.extract import cues, injuries
from tolltrace.extract import lexicon as lx
from tolltrace.extract.injuries import has_subject
from tolltrace.nlp.parse import ParsedSentence, Token

WOUNDED = lx.WOUNDED
# Verbs that link a count to the word that says what it counts: "the toll rose to 1,500".
COPULAS = frozenset(
    ("be", "include", "number", "total", "reach", "rise", "climb", "stand", "exceed", "top",
     "surpass", "hit", "put", "bring", "raise", "increase", "jump", "soar", "mount", "remain",
     "grow", "estimate", "place", "set", "count", "swell", "go")
)  # fmt: skip
PREDICATE_REACH = 10  # tokens between a count and its predicate for both to be the claim's text
_CLAUSES = frozenset(("relcl", "acl", "advcl", "punct", "cc", "conj"))


@dataclass(frozen=True, slots=True)
class Reading:
    """A category read off the parse, and the word it comes from."""

    category: str
    predicate: int | None  # the token that gives the category, when it is not the noun
    confidence: float


def natural_death(sentence: ParsedSentence, verb: int) -> bool:
    """ "died of a heart attack", "passed away from cancer", "died of natural causes", "died
    at age 74": an illness or old age, not violence, is what the verb says killed; so is the
    road, for a death or a harm ("killed in a car crash", "injured in a collision", "struck
    by a car"), unless the sentence tells of violence. Not in custody: "two inmates died of
    pneumonia in Kestrel Prison" is a death a report holds the jailers to."""
    token = sentence.tokens[verb]
    fatal = lx.INTRANSITIVE.get(token.lemma) == "killed"
    if not fatal and lx.TRANSITIVE.get(token.lemma) not in ("killed", "injured", "victims"):
        return False
    natural = _on_the_road(sentence, verb) or (fatal and _natural_cause(sentence, verb))
    # the sentence-wide look last: a sentence of hundreds of counts would pay it per verb
    return natural and not any(_in_custody(sentence, t) for t in sentence.tokens)


def _natural_cause(sentence: ParsedSentence, verb: int) -> bool:
    """ "died at age 74", "died of cancer": an obituary's words or an illness."""
    for prep in sentence.children[verb]:
        if sentence.tokens[prep].lower == "at" and any(
            sentence.tokens[age].lemma == "age" or _an_age(sentence, age)
            for age in sentence.children[prep]
        ):
            return True  # "died Friday at age 74", "dies at 96": an obituary's words
        if sentence.tokens[prep].lower not in ("of", "from"):
            continue
        for cause in sentence.children[prep]:
            if sentence.tokens[cause].dep == "pobj" and _illness(sentence, cause):
                return True
    return False


def _on_the_road(sentence: ParsedSentence, verb: int) -> bool:
    """ "in a car crash", "in a traffic accident", "by a car", "by a drunk driver" (also in
    the clause that tells how: "killed when she was struck by a car"), in a sentence with no
    word of violence ("after soldiers fired on the car")."""
    if "road" not in lx.PASSES:
        return False
    how = [c for c in sentence.children[verb] if sentence.tokens[c].dep == "advcl"]
    for prep in (c for v in (verb, *how) for c in sentence.children[v]):
        word = sentence.tokens[prep].lower
        if word not in ("in", "by"):
            continue
        for noun in sentence.children[prep]:
            if _accident(sentence, noun) if word == "in" else _road_agent(sentence, noun):
                return not any(t.lemma in lx.CRASH_VIOLENCE for t in sentence.tokens)
    return False


def _in_custody(sentence: ParsedSentence, token: Token) -> bool:
    """A word of custody, but not the police as the source of what is said ("police said he
    died of a heart attack", "a police spokesman said")."""
    if token.lemma not in lx.CUSTODY_WORDS:
        return False
    if token.lemma != "police":
        return True
    tokens = sentence.tokens
    speaker = tokens[token.head] if token.dep == "compound" else token
    return not (speaker.dep == "nsubj" and tokens[speaker.head].lemma in cues.SPEECH_VERBS)


def _an_age(sentence: ParsedSentence, number: int) -> bool:
    """ "dies at 96": a bare whole number a life can reach, not a time ("at 3:15 a.m.")."""
    token = sentence.tokens[number]
    return (
        token.tag == "CD"
        and token.text.isdigit()
        and 0 < int(token.text) <= 120
        and not sentence.children[number]
    )


def _road_agent(sentence: ParsedSentence, noun: int) -> bool:
    """ "struck by a vehicle", "hit by a drunk driver"."""
    token = sentence.tokens[noun]
    return token.dep == "pobj" and token.lemma in lx.ROAD_AGENTS


def _accident(sentence: ParsedSentence, noun: int) -> bool:
    """ "a car crash", "crashes", "a traffic accident": not "a hunting accident"."""
    token = sentence.tokens[noun]
    if token.dep != "pobj":
        return False
    if token.lemma in lx.ACCIDENTS:
        return True
    return token.lemma == "accident" and any(
        sentence.tokens[c].lower in lx.VEHICLES for c in sentence.children[noun]
    )


def _illness(sentence: ParsedSentence, cause: int) -> bool:
    token = sentence.tokens[cause]
    if token.lemma == "attack":  # "a heart attack", not "the attack"
        return any(sentence.tokens[c].lower in lx.NATURAL_ATTACKS for c in sentence.children[cause])
    return token.lemma in lx.NATURAL_CAUSES or token.lower in lx.NATURAL_CAUSES


def verb_category(sentence: ParsedSentence, verb: int) -> str | None:
    """The category a verb (with its complements) gives its object or passive subject."""
    token = sentence.tokens[verb]
    if natural_death(sentence, verb):
        return None
    category = lx.TRANSITIVE.get(token.lemma) or lx.INTRANSITIVE.get(token.lemma)
    if token.lemma in ("disappear",):
        category = "disappeared"
    if category is None and token.lemma != "put" and _to_death(sentence, verb):
        return "killed"  # "gassed to death", "starved to death" ("put to death": executed)
    if token.lemma in lx.UNSEEN and _never_again(sentence, verb):
        return "disappeared"  # "were never seen again", "have not been heard from since"
    hit = token.lemma == "hit" and _hit_by_fire(sentence, verb)
    if hit:
        category = "victims"  # "hit by gunfire", "hit in the leg": as "struck"
    children = [sentence.tokens[c] for c in sentence.children[verb]]
    # the verb's own words: not those of a coordinated clause with a subject of its own ("a
    # guard was stabbed to death and three others were hurt": "hurt" is theirs)
    # nor one with a count or an object of its own ("10 people shot, at least 2 dead": not
    # "shot dead"; "shot his brother to death, wounded [another]": not "wounded")
    own = [
        c
        for c in children
        if not (
            c.dep == "conj"
            and (
                has_subject(sentence, c.i)
                or _counted(sentence, c.i)
                or has_own_object(sentence, c.i)
            )
        )
    ]
    words = {c.lower for c in own} | {c.lemma for c in own}
    if category in ("victims", "injured") and words & lx.FATAL:
        return "killed"  # "fatally shot", "shot dead", "fatally wounded"
    if category == "victims" and words & lx.NONFATAL:
        return "injured"
    if category in (None, "victims"):
        # an object before the coordinated verb is the first verb's alone: "sent [three
        # porters] to a clinic and killing a guard" (whose object the parser missed)
        first_object = min(
            (c.i for c in children if c.dep in ("dobj", "obj")), default=len(sentence.tokens)
        )
        conjoined = [
            c
            for c in children
            if coordinated(c)
            and (c.i < first_object or c.lemma not in lx.TRANSITIVE)
            and not has_own_object(sentence, c.i)
            and not has_subject(sentence, c.i)
        ]  # "were shot and killed", not "were shot, and one later died"
        denied = [c for c in conjoined if negated(sentence, c.i)]
        if category == "victims" and any(
            _dying(c) or lx.TRANSITIVE.get(c.lemma) == "killed" for c in denied
        ):
            return "injured"  # "were shot but not killed": they lived
        conjoined = [c for c in conjoined if c not in denied]  # "... but were not injured"
        # "shot and killed", "was shot and later died", "was shot and pronounced dead"
        specific = [
            lx.TRANSITIVE.get(c.lemma) or _dying(c) or complement_category(sentence, c.i)
            for c in conjoined
        ]
        specific = [s for s in specific if s and s != "victims"]
        if specific:
            return specific[0]
        if category == "victims":  # "was shot and is in stable condition"
            for c in children:
                harm = _conjoined_harm(sentence, c.i)
                if harm in ("killed", "injured"):
                    return harm
        complement = complement_category(sentence, verb)
        if complement is not None:
            return complement
    if category == "victims" and (token.lemma in lx.WOUNDING or hit):
        return WOUNDED  # shot, stabbed, struck; whether they died is for the document to say
    if category is not None and category != "victims":
        tokens = sentence.tokens
        alternatives = [
            lx.TRANSITIVE.get(c.lemma) or lx.INTRANSITIVE.get(c.lemma)
            for c in children
            if c.dep == "conj" and c.pos == "VERB"
        ] + [  # the word right after "or", however the parser hung it ("injured or [dies]")
            lx.TRANSITIVE.get(tokens[c.i + 1].lemma) or lx.INTRANSITIVE.get(tokens[c.i + 1].lemma)
            for c in children
            if c.dep == "cc" and c.lower == "or" and c.i + 1 < len(tokens)
        ]
        if "or" in words and any(a and a != category for a in alternatives):
            return "victims"  # "killed or injured", "is injured or dies"
    return category


def _to_death(sentence: ParsedSentence, verb: int) -> bool:
    return any(
        sentence.tokens[c].lower == "to"
        and any(sentence.tokens[g].lemma == "death" for g in sentence.children[c])
        for c in sentence.children[verb]
        if sentence.tokens[c].dep == "prep"
    )


def _never_again(sentence: ParsedSentence, verb: int) -> bool:
    near = [*sentence.children[verb]]
    near += [g for c in near if sentence.tokens[c].dep == "prep" for g in sentence.children[c]]
    words = {sentence.tokens[c].lower for c in near}
    return bool(words & {"never", "not", "n't"}) and bool(words & {"again", "since"})


def _hit_by_fire(sentence: ParsedSentence, verb: int) -> bool:
    """ "hit by gunfire", "hit by a bullet", "hit in the leg": what hit them was fired, or
    it hit their body ("hit" alone is as often a record or a town)."""
    tokens = sentence.tokens
    return any(
        (tokens[a].dep == "agent" and tokens[o].lemma in lx.PROJECTILES)
        or (tokens[a].lower == "in" and tokens[o].lemma in lx.BODY_PARTS)
        for a in sentence.children[verb]
        if tokens[a].dep in ("agent", "prep")
        for o in sentence.children[a]
        if tokens[o].dep == "pobj"
    )


def _counted(sentence: ParsedSentence, word: int) -> bool:
    return any(
        sentence.tokens[c].dep == "nummod" or sentence.tokens[c].tag == "CD"
        for c in sentence.children[word]
    )


def negated(sentence: ParsedSentence, verb: int) -> bool:
    """The verb is denied: "were not injured", "never died"."""
    return any(
        sentence.tokens[c].dep == "neg" or sentence.tokens[c].lower == "never"
        for c in sentence.children[verb]
    )


def _dying(token: Token) -> str | None:
    return "killed" if lx.INTRANSITIVE.get(token.lemma) == "killed" else None


def coordinated(token: Token) -> bool:
    """A verb coordinated with its head: "shot and killed", and "shot, killed" in a headline,
    which the parser reads as a participle clause."""
    return token.pos == "VERB" and (
        token.dep == "conj" or (token.dep == "advcl" and token.tag == "VBN")
    )


def _conjoined_harm(sentence: ParsedSentence, verb: int) -> str | None:
    """The harm a verb coordinated with another, and sharing its subject, says."""
    token = sentence.tokens[verb]
    if token.dep != "conj" or token.pos not in ("VERB", "AUX"):
        return None
    if any(sentence.tokens[c].dep in ("nsubj", "nsubjpass") for c in sentence.children[verb]):
        return None
    if negated(sentence, verb) or has_own_object(sentence, verb):
        return None  # "was shot and is not in danger", "shot X ..., wounded [another]"
    return injuries.subject_harm(sentence, verb)


def active_relative(sentence: ParsedSentence, verb: int) -> bool:
    """ "officers who shot a man" (the noun did it), not "people who were shot"."""
    if sentence.tokens[verb].lemma in lx.INTRANSITIVE:
        return False
    deps = {sentence.tokens[c].dep for c in sentence.children[verb]}
    return "nsubjpass" not in deps and ("nsubj" in deps or "dobj" in deps)


def has_own_object(sentence: ParsedSentence, verb: int) -> bool:
    """ "hitting all five and killing both women": the second verb has its own object (a date
    misread as one, "killed Jan. 11", does not count)."""
    return any(
        sentence.tokens[c].dep in ("dobj", "obj", "nsubjpass")
        and sentence.tokens[c].lemma.rstrip(".") not in lx.MONTHS
        for c in sentence.children[verb]
    )


def is_intended(sentence: ParsedSentence, word: int) -> bool:
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
        going = head.lemma == "go" and head.tag == "VBG"  # "the gunman was going to kill the clerk"
        return head.lemma in lx.INTENT or head.lower in lx.INTENT or going
    return False


def is_hypothetical(sentence: ParsedSentence, verb: int, figure: bool = False) -> bool:
    """The verb states no event: a modal ("he might hurt her", "could have hit her heart and
    killed her"), a question ("could not say if the man had died") or a near miss ("the
    guard was almost killed"), on the verb or the verb it is coordinated with. Of a `figure`, "may"
    and "might" state an estimate ("troops may have killed 300 people"), a question cites a
    figure someone gave ("could not confirm whether 12 were killed"), and "nearly" is as
    likely to bound the number ("nearly 40 were killed"): all are claims."""
    token = sentence.tokens[verb]
    verbs = [verb, token.head] if token.dep == "conj" and token.head != verb else [verb]
    return any(
        (child.dep == "aux" and child.tag == "MD" and not (figure and child.lower in _LIKELY))
        or (child.dep == "mark" and child.lower in ("if", "whether") and not figure)
        or (child.dep == "advmod" and child.lower in _NEARLY and not figure)
        for v in verbs
        for child in (sentence.tokens[c] for c in sentence.children[v])
    )


_LIKELY = frozenset(("may", "might"))
_NEARLY = frozenset(("nearly", "almost", "narrowly"))  # "the guard was almost killed"


def complement_category(sentence: ParsedSentence, verb: int) -> str | None:
    """ "reported killed", "found dead", "taken into custody", "sent to prison"."""
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if (
            (
                token.dep in ("xcomp", "oprd", "acomp", "ccomp")
                # "went missing": the state right after the verb, hung as a clause
                or (token.dep == "advcl" and token.tag == "JJ" and child == verb + 1)
            )
            # "went missing", which the parser may tag as the verb "miss"
            and (token.tag in ("VBN", "JJ") or (token.tag == "VBG" and token.lower in lx.NOMINAL))
            and not has_subject(sentence, child)  # "asked him if anyone was hurt": a clause
        ):
            category = lx.NOMINAL.get(token.lower)
            if token.tag == "VBN" and token.lemma in lx.TRANSITIVE:
                category = verb_category(sentence, child)  # "found shot to death"
            if category is not None:
                return category
        if (
            token.dep == "xcomp"
            and token.pos in ("VERB", "AUX")
            and sentence.tokens[verb].lemma in lx.RAISING
            and not has_subject(sentence, child)
        ):  # "were forced to flee", "are believed to be dead": the infinitive's harm is theirs
            category = verb_category(sentence, child)
            if category is not None:
                return category
        if token.dep == "prep" and token.lower == "as":
            # "registered as missing", "listed as dead", "classified as disappeared"
            for state in sentence.children[child]:
                category = lx.NOMINAL.get(sentence.tokens[state].lower)
                if category is not None and category not in ("protesters", "victims"):
                    return category
        if (
            token.dep == "prep"
            and sentence.tokens[verb].lemma == "put"
            and token.lower == "to"
            and any(sentence.tokens[g].lemma == "death" for g in sentence.children[child])
        ):
            return "executed"  # "put to death"
        if token.dep == "prep" and sentence.tokens[verb].lemma in lx.PLACING:
            for grandchild in sentence.children[child]:
                place = sentence.tokens[grandchild]
                complement = lx.COMPLEMENTS.get((token.lower, place.lemma))
                # "on Alder Row", "at Prison Road": a name, not death row or a prison
                if place.dep == "pobj" and complement is not None and place.pos != "PROPN":
                    return complement
    return None


def nominal(token: Token) -> str | None:
    return lx.NOMINAL.get(token.lemma) or lx.NOMINAL.get(token.lower)


def carried_category(sentence: ParsedSentence, verb: int, exclude: int) -> str | None:
    """The category carried by a verb's other argument: "the death toll rose to 1,500"."""
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if child == exclude or token.dep not in ("nsubj", "nsubjpass", "dobj", "attr", "prep"):
            continue
        if token.dep == "prep":
            # "among the dead were ...", "among those detained were ...", and a partitive put
            # first: "of those arrested, 800 are students"
            partitive = (
                token.lower == "of"
                and child < exclude
                and sentence.tokens[exclude].dep in ("nsubj", "nsubjpass")
            )
            if token.lower != "among" and not partitive:
                continue
            objects = [g for g in sentence.children[child] if sentence.tokens[g].dep == "pobj"]
            if objects and (
                category := nominal(sentence.tokens[objects[0]])
                or carrier_category(sentence, objects[0], exclude)
            ):
                return category
            continue
        category = nominal(token) or carrier_category(sentence, child, exclude)
        if category is not None:
            return category
    return None


def carrier_category(sentence: ParsedSentence, carrier: int, exclude: int) -> str | None:
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
        category = (
            nominal(token)
            or (lx.TRANSITIVE.get(token.lemma) if token.pos == "VERB" else None)
            # "the number of political prisoners": people named by their state
            or (lx.HOLDERS.get(token.lemma) if token.pos == "NOUN" else None)
        )
        if category is not None and (best is None or abs(index - carrier) < best[0]):
            best = (abs(index - carrier), category)
    if best is None:  # "the toll rose to 40": a toll of nothing said is of the dead
        return lx.CARRIER_DEFAULTS.get(sentence.tokens[carrier].lemma)
    return best[1]


def people_like(sentence: ParsedSentence, number: int, noun: int) -> bool:
    if noun == number:
        return True
    token = sentence.tokens[noun]
    if token.lemma in lx.PERSON_NOUNS or token.lemma in lx.HOLDERS or nominal(token):
        return True
    return token.lemma in ("people", "person", "other", "civilian", "member", "citizen") or (
        token.lemma.endswith(("er", "ist", "ian", "ant", "ent", "ee", "or"))
    )


def perpetrator_of(sentence: ParsedSentence, predicate: int | None, noun: int) -> str | None:
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
