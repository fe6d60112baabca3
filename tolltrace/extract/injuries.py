"""Harm a report states without a verb of violence, read off the parse of a person's clause.

Gun-violence reporting often says what happened to a victim through the wound, the medical
condition or the care, not through "shot" or "injured":

- a wound the person has: "suffered a gunshot wound", "sustained two gunshot wounds", "had
  gunshot wounds to the legs", "suffering from a gunshot wound", "a man with a gunshot wound",
  "was found with a gunshot wound";
- a condition: "is in critical condition", "was listed in stable condition", "left a man in
  critical condition", "left one person with non-life-threatening injuries";
- care or recovery: "was taken to the hospital", "was treated for his injuries", "is
  recovering", "survived".

Each reading names whose harm it is: the subject of the clause (`subject_harm`), its object
("left [a man] in critical condition": `object_harm`), or a noun the words modify ("[a man]
with a gunshot wound": `noun_harm`). The category: a wound called fatal killed; a condition,
a treatment, a recovery, a cut or a bruise, or a wound whose severity is assessed ("minor",
"life-threatening") says the person lived (injured); any other wound, and a trip to the
hospital, may have killed, which is for the document to say (`lexicon.WOUNDED`, as for
"shot"). Any of them is a killing when the sentence goes on to say the person died ("was
taken to the hospital in critical condition, where he died").
"""

from __future__ import annotations

from tolltrace.extract import lexicon as lx
from tolltrace.nlp.parse import ParsedSentence

# Nouns of a wound or an injury: "a gunshot wound", "injuries", "a graze".
WOUND_NOUNS = frozenset(
    ("wound", "injury", "gunshot", "laceration", "graze", "cut", "bruise", "fracture", "abrasion")
)
# Injuries nobody dies of: "suffered a cut to his head".
_LESSER = frozenset(("laceration", "graze", "cut", "bruise", "fracture", "abrasion"))
# Verbs whose subject has the wound that is their object: "suffered a gunshot wound".
_BEARING = frozenset(("suffer", "sustain", "receive", "have", "incur"))
# Modifiers of a wound that say it killed, or that the person lived.
_FATAL = frozenset(("fatal", "mortal", "deadly", "lethal", "fatally"))
_NOT_FATAL = frozenset(("non", "nonfatal", "non-fatal", "not"))
# A wound whose severity is told belongs to someone alive to be assessed: "life-threatening
# injuries", "a minor gunshot wound" (a dead person's is just "a gunshot wound").
_ASSESSED = frozenset(
    ("minor", "superficial", "non", "nonfatal", "non-fatal", "slight", "graze", "life",
     "threatening", "life-threatening", "serious", "critical", "severe", "moderate", "grave")
)  # fmt: skip
# Verbs whose subject lived through it: "is recovering", "survived the shooting".
_RECOVERING = frozenset(("recover", "survive", "recuperate"))
# Verbs that carry a person to care: "was taken to the hospital", "was airlifted to ...".
_CARRYING = frozenset(
    ("take", "transport", "rush", "bring", "fly", "airlift", "drive", "carry", "send", "admit",
     "transfer", "hospitalize", "hospitalise", "arrive", "go", "walk")
)  # fmt: skip
# Verbs that keep a person in care: "remains in the hospital".
_STAYING = frozenset(("be", "remain", "stay", "lie", "recover"))
_HOSPITALS = frozenset(("hospital", "clinic", "infirmary"))
_HOSPITAL_WORDS = frozenset(("medical", "trauma", "emergency", "health", "hospital"))
# Verbs that leave their object harmed: "left a man in critical condition", "found him with
# a gunshot wound", "sent two people to the hospital".
_RESULTING = frozenset(("leave", "find", "discover", "send", "put", "locate"))
_CONDITIONS = frozenset(("condition",))
_PRONOUNCING = frozenset(("pronounce", "declare", "confirm", "find"))  # "pronounced dead"
_COMPLEMENTS = frozenset(("xcomp", "oprd", "advcl", "ccomp", "acomp"))  # "left [him] dead"
_SAME_PERSON = frozenset(("he", "she", "they", "who"))  # "..., where he later died"
_CONTRAST = frozenset(("while", "whereas", "although", "though", "but"))


def subject_harm(sentence: ParsedSentence, verb: int) -> str | None:
    """The harm the clause of `verb` says its subject came to, if any; killed when the
    sentence goes on to say the person died ("was taken to the hospital in critical condition,
    where he died")."""
    harm = _subject_harm(sentence, verb)
    for other in _same_subject_verbs(sentence, verb):
        # "was flown to a clinic and is still in grave condition": the state told last
        said = _subject_harm(sentence, other)
        harm = harm if said is None else _strongest(harm, said)
    if harm is not None and harm != "killed" and _died_after(sentence, verb):
        return "killed"
    return harm


def _same_subject_verbs(sentence: ParsedSentence, verb: int) -> list[int]:
    """The verbs conjoined to `verb` that share its subject (they have none of their own):
    "was flown to a clinic [and is still] in grave condition". A verb with a determiner
    has a subject the parser misread ("three are dead and [another] hospitalized")."""
    found = []
    stack = _children(sentence, verb, "conj")
    while stack:
        other = stack.pop()
        if sentence.tokens[other].pos not in ("VERB", "AUX") or _children(
            sentence, other, "nsubj", "nsubjpass", "det"
        ):
            continue
        found.append(other)
        stack.extend(_children(sentence, other, "conj"))
    return found


def _subject_harm(sentence: ParsedSentence, verb: int) -> str | None:
    token = sentence.tokens[verb]
    has_object = bool(_children(sentence, verb, "dobj"))
    if token.lemma in _BEARING:
        for wound in _children(sentence, verb, "dobj"):
            if _is_wound(sentence, wound):
                return _wound_category(sentence, wound)
        for wound in _objects_of(sentence, verb, "from"):  # "suffering from a gunshot wound"
            if token.lemma == "suffer" and _is_wound(sentence, wound):
                return _wound_category(sentence, wound)
        return None
    if token.lemma in _RECOVERING and not has_object and token.tag != "VBN":
        if token.lemma == "survive" and _for_a_while(sentence, verb):
            return None  # "survived for two days in the ward": then died
        return "injured"
    if token.lemma == "expect" and any(
        _lives(sentence, x) for x in _children(sentence, verb, "xcomp")
    ):
        return "injured"  # "is expected to survive", "to recover", "to live", "to be okay"
    if token.lemma == "fight" and any(
        sentence.tokens[o].lemma == "life" for o in _objects_of(sentence, verb, "for")
    ):
        return "injured"  # "was fighting for her life"
    if token.lemma in _RECOVERING and any(
        _is_wound(sentence, o) or sentence.tokens[o].lemma in ("shooting", "attack")
        for o in _children(sentence, verb, "dobj")
    ):
        return "injured"  # "survived the shooting", "survived his wounds"
    if token.lemma == "treat" and any(
        _is_wound(sentence, o) for o in _objects_of(sentence, verb, "for")
    ):
        return "injured"  # "was treated for a gunshot wound"
    if (
        token.lemma == "treat"
        and token.tag == "VBN"
        and not has_object
        and not _objects_of(sentence, verb, "for")
        and _cared_for(sentence, verb)
    ):  # (of what, if said, a wound: not "treated for smoke inhalation", "for shock")
        return "injured"  # "were treated at the scene", "were treated and released"
    if has_object:
        return None  # "police found a man with a gunshot wound": the object's, not theirs
    if token.lemma in ("hospitalize", "hospitalise"):
        return _state(sentence, verb, token.lemma) or lx.WOUNDED  # as "taken to hospital"
    return _state(sentence, verb, token.lemma)


_WHILE = frozenset(("minute", "hour", "day", "week", "month", "night"))


def _for_a_while(sentence: ParsedSentence, verb: int) -> bool:
    """ "survived for several days", "for an hour": a time survived, not a survival."""
    return any(
        sentence.tokens[o].lemma in _WHILE
        for p in _children(sentence, verb, "prep")
        if sentence.tokens[p].lower == "for"
        for o in _children(sentence, p, "pobj")
    )


def leaves_harmed(sentence: ParsedSentence, verb: int) -> bool:
    """A verb that leaves several objects each in a state of its own: "left one porter dead and
    six others with stab wounds"."""
    return sentence.tokens[verb].lemma in _RESULTING and len(_children(sentence, verb, "dobj")) > 1


def _lives(sentence: ParsedSentence, verb: int) -> bool:
    """ "survive", "recover", "live", "be okay", "make a full recovery": what someone hurt
    is expected to do."""
    token = sentence.tokens[verb]
    if token.lemma in _RECOVERING or token.lemma == "live":
        return not _children(sentence, verb, "dobj")
    if token.lemma == "make":
        return any(
            sentence.tokens[o].lemma == "recovery" for o in _children(sentence, verb, "dobj")
        )
    return token.lemma == "be" and any(
        sentence.tokens[c].lower in _FINE for c in _children(sentence, verb, "acomp")
    )


_FINE = frozenset(("okay", "ok", "fine", "alright"))


def object_harm(sentence: ParsedSentence, verb: int, obj: int | None = None) -> str | None:
    """The harm the clause of `verb` says its object came to: "left [a man] in critical
    condition", "found [him] with a gunshot wound", "sent [two people] to the hospital".

    Of several objects, `obj`'s harm is told by the words after it and before the next: "left
    one man dead and [six others] with gunshot wounds" (not dead)."""
    token = sentence.tokens[verb]
    if token.lemma not in _RESULTING:
        return None
    objects = _children(sentence, verb, "dobj")
    first, last = 0, len(sentence.tokens)
    if obj is not None and len(objects) > 1:
        first = obj
        last = min((o for o in objects if o > obj), default=last)
    state = _state(sentence, verb, token.lemma, (first, last))
    if state is not None:
        return state
    complements = [
        c for c in sentence.children[verb] if sentence.tokens[c].dep in _COMPLEMENTS
    ] + [  # "found [a 16-year-old girl] dead": the parser hangs "dead" on the object
        c
        for o in objects
        for c in sentence.children[o]
        if c > o and sentence.tokens[c].dep in ("acl", "amod") and sentence.tokens[c].tag == "JJ"
    ]  # (a participle there, "left a man injured", is the noun phrase's own: `noun_harm`)
    for child in complements:
        if not first < child < last:
            continue
        complement = sentence.tokens[child]
        if complement.tag not in ("VBN", "JJ"):
            continue
        category = lx.NOMINAL.get(complement.lower) or lx.TRANSITIVE.get(complement.lemma)
        if category == "victims" and complement.lemma in lx.WOUNDING:
            category = lx.WOUNDED
        if category in ("killed", "injured", lx.WOUNDED):
            return category  # "left three people wounded", "left one man dead"
    return None


def noun_harm(sentence: ParsedSentence, noun: int) -> str | None:
    """The harm a noun phrase's own words state: "a man with a gunshot wound", "a man
    suffering from gunshot wounds", "a man in critical condition"."""
    for child in sentence.children[noun]:
        token = sentence.tokens[child]
        if token.dep == "prep" and token.lower == "with":
            for wound in _children(sentence, child, "pobj"):
                if _is_wound(sentence, wound):
                    return _wound_category(sentence, wound)
        elif token.dep == "prep" and token.lower == "in":
            places = _children(sentence, child, "pobj")
            if any(_is_condition(sentence, c) for c in places):
                return "injured"
            if any(_is_hospital(sentence, c) for c in places) and _left(sentence, noun):
                return lx.WOUNDED  # "left two dead and [two others in a clinic]"
        elif (token.dep == "acl" and token.lemma == "suffer") or (
            token.dep == "relcl" and token.lemma in _BEARING
        ):  # "a man suffering from ...", "two men who suffered gunshot wounds"
            return subject_harm(sentence, child)
    return None


def _left(sentence: ParsedSentence, noun: int) -> bool:
    """The noun is what a verb like "leave" or "find" left or found (its object, or a noun
    the parser hung on the verb as a conjunct: "left two dead and [two others] in ...")."""
    token = sentence.tokens[noun]
    while token.dep == "conj" and sentence.tokens[token.head].pos != "VERB":
        token = sentence.tokens[token.head]  # "left two guards dead and [two others]"
    head = sentence.tokens[token.head]
    return token.dep in ("dobj", "conj") and head.pos == "VERB" and head.lemma in _RESULTING


def harm_extent(sentence: ParsedSentence, verb: int, reach: int) -> int:
    """The last word, at most `reach` tokens after `verb`, of what its clause says of the harm:
    "suffered [a gunshot wound]", "left a man [in critical condition]", "was taken to [the
    hospital]"."""
    last = verb
    for child in sentence.children[verb]:
        token = sentence.tokens[child]
        if token.dep == "dobj" and _is_wound(sentence, child):
            candidates = [child]
        elif token.dep == "xcomp" and _lives(sentence, child):
            candidates = [sentence.subtree(child)[1]]  # "is expected [to be okay]"
        elif token.dep == "prep":
            candidates = [
                o
                for o in _children(sentence, child, "pobj")
                if _is_wound(sentence, o) or _is_condition(sentence, o) or _is_hospital(sentence, o)
            ]
        else:
            continue
        last = max([last, *(c for c in candidates if c - verb <= reach)])
    return last


# ------------------------------------------------------------------------------- helpers


def _state(
    sentence: ParsedSentence, verb: int, lemma: str, within: tuple[int, int] | None = None
) -> str | None:
    """The state a clause's prepositions put its person in: "in critical condition", "with a
    gunshot wound", "taken to the hospital", "remains in the hospital" (those between the
    token indices `within`, when given)."""
    found: str | None = None
    if _broken_condition(sentence, verb):
        return "injured"
    for child in _children(sentence, verb, "prep", "dative"):  # "sent [to] ...": a dative
        if within is not None and not within[0] < child < within[1]:
            continue
        preposition = sentence.tokens[child].lower
        for obj in _children(sentence, child, "pobj"):
            if preposition == "in" and _is_condition(sentence, obj):
                return "injured"
            if preposition == "on" and _life_support(sentence, obj) and not _until(sentence, verb):
                return "injured"  # "remains on life support" (not "until Thursday": then died)
            if preposition == "with" and _is_wound(sentence, obj):
                found = _strongest(found, _wound_category(sentence, obj))
            elif preposition == "for" and (wound := _treated_wound(sentence, obj)) is not None:
                found = _strongest(found, _wound_category(sentence, wound))
            elif _is_hospital(sentence, obj) and (
                (preposition in ("to", "at") and lemma in _CARRYING)
                or (preposition in ("in", "at") and lemma in _STAYING)
            ):
                if _in_condition(sentence, obj):
                    return "injured"  # "are at hospitals in serious condition"
                found = _strongest(found, "killed" if _died_there(sentence, obj) else lx.WOUNDED)
                for wound in _wounds_treated_at(sentence, obj):  # "to a clinic [for ...]"
                    found = _strongest(found, _wound_category(sentence, wound))
    return found


def _treated_wound(sentence: ParsedSentence, noun: int) -> int | None:
    """The wound a person was taken "for": "for injuries", "for treatment of non-life
    threatening injuries"."""
    if _is_wound(sentence, noun):
        return noun
    if sentence.tokens[noun].lemma not in ("treatment", "care"):
        return None
    return next(
        (
            o
            for p in _children(sentence, noun, "prep")
            if sentence.tokens[p].lower == "of"
            for o in _children(sentence, p, "pobj")
            if _is_wound(sentence, o)
        ),
        None,
    )


def _wounds_treated_at(sentence: ParsedSentence, place: int) -> list[int]:
    """The wounds the parser hung on the hospital: "taken to a clinic [for treatment of minor
    injuries]"."""
    found = (
        _treated_wound(sentence, o)
        for p in _children(sentence, place, "prep")
        if sentence.tokens[p].lower == "for"
        for o in _children(sentence, p, "pobj")
    )
    return [wound for wound in found if wound is not None]


def _broken_condition(sentence: ParsedSentence, verb: int) -> bool:
    """ "is in critical, but stable condition": the parser left "in" without its object and
    made the condition a conjunct of the verb."""
    return any(
        sentence.tokens[p].lower == "in" and not _children(sentence, p, "pobj")
        for p in _children(sentence, verb, "prep")
    ) and any(_is_condition(sentence, c) for c in _children(sentence, verb, "conj"))


def _cared_for(sentence: ParsedSentence, verb: int) -> bool:
    """ "treated" as a patient is: at the scene, in a hospital, by medics, and released; not
    "how the clerks were treated by the press" (dealt with)."""
    tokens = sentence.tokens
    if any(tokens[c].lemma == "release" for c in _children(sentence, verb, "conj")):
        return True
    return any(
        _is_hospital(sentence, o) or tokens[o].lemma in _CARE_WORDS
        for p in _children(sentence, verb, "prep", "agent")
        for o in _children(sentence, p, "pobj")
    )


_CARE_WORDS = frozenset(
    ("scene", "paramedic", "medic", "doctor", "ems", "responder", "firefighter", "nurse",
     "surgeon", "ambulance", "centre", "center", "facility")
)  # fmt: skip


def _in_condition(sentence: ParsedSentence, place: int) -> bool:
    """A condition the parser hung on the hospital: "at hospitals [in serious condition]"."""
    return any(
        _is_condition(sentence, o)
        for p in _children(sentence, place, "prep")
        if sentence.tokens[p].lower == "in"
        for o in _children(sentence, p, "pobj")
    )


def _until(sentence: ParsedSentence, verb: int) -> bool:
    return any(sentence.tokens[p].lower == "until" for p in _children(sentence, verb, "prep"))


def _life_support(sentence: ParsedSentence, noun: int) -> bool:
    tokens = sentence.tokens
    return tokens[noun].lemma == "support" and any(
        tokens[c].lemma == "life" for c in sentence.children[noun]
    )


def _died_after(sentence: ParsedSentence, verb: int) -> bool:
    """A verb of dying in the clause of `verb` or governing it whose subject is the same
    person, as far as a pronoun or a relative clause tells: "..., where he later died", "...
    and she died on Monday", "until she died", "he died after he was taken to ..."."""
    tokens = sentence.tokens
    if tokens[verb].dep == "advcl" and _dies(sentence, tokens[verb].head):
        # "he died shortly after he was taken to ...", "died after being taken"; not "Arven
        # died, while two others were taken to ...": other people, a contrast
        marks = {tokens[c].lower for c in _children(sentence, verb, "mark", "advmod")}
        subjects = _children(sentence, verb, "nsubj", "nsubjpass")
        if not marks & _CONTRAST and all(tokens[s].lower in _SAME_PERSON for s in subjects):
            return True
    low, high = sentence.subtree(verb)
    for i in range(low, high + 1):
        if i == verb or not _dies(sentence, i):
            continue
        subjects = _children(sentence, i, "nsubj", "nsubjpass")
        if not all(tokens[s].lower in _SAME_PERSON for s in subjects):
            continue
        if not subjects and has_subject(sentence, i):
            continue  # "... to clinics and [the 19-year-old] was then declared dead"
        if not _of_another(sentence, i, verb):
            return True
    return False


def _of_another(sentence: ParsedSentence, dying: int, verb: int) -> bool:
    """A relative clause of dying on a noun that is not the person of `verb`'s clause: "three
    were taken ..., including [the victim who died]"; not "..., [the hospital] where he died"
    nor "[the victim who later died] was taken ..."."""
    tokens = sentence.tokens
    antecedent = tokens[dying].head
    # "where" and "when" relate a place or a time ("in critical condition, where he died",
    # however the parser hangs it), never a person
    adverbs = {tokens[c].lower for c in _children(sentence, dying, "advmod")}
    return (
        tokens[dying].dep == "relcl"
        and not adverbs & {"where", "when"}
        and tokens[antecedent].pos in ("NOUN", "PROPN")
        and not _is_hospital(sentence, antecedent)
        and tokens[antecedent].head != verb
    )


def _dies(sentence: ParsedSentence, verb: int) -> bool:
    """ "died", "passed away", "was pronounced dead"."""
    token = sentence.tokens[verb]
    if token.pos != "VERB":
        return False
    if lx.INTRANSITIVE.get(token.lemma) == "killed":
        return True
    return token.lemma in _PRONOUNCING and any(
        sentence.tokens[c].dep in _COMPLEMENTS and sentence.tokens[c].lower in ("dead", "deceased")
        for c in sentence.children[verb]
    )


def _died_there(sentence: ParsedSentence, place: int) -> bool:
    """ "taken to a hospital, where he died": the relative clause on the hospital, its subject
    the same person (a pronoun); "Both were taken to a hospital, where the boy died" says that
    one of them died, not both."""
    tokens = sentence.tokens
    return any(
        tokens[c].dep == "relcl"
        and _dies(sentence, c)
        and all(
            tokens[s].lower in _SAME_PERSON for s in _children(sentence, c, "nsubj", "nsubjpass")
        )
        for c in sentence.children[place]
    )


def _strongest(old: str | None, new: str) -> str:
    """Of two readings of one clause, the one that says more (killed, injured, then wounded)."""
    order = ("killed", "injured", lx.WOUNDED)
    return new if old is None or order.index(new) < order.index(old) else old


def _is_wound(sentence: ParsedSentence, noun: int) -> bool:
    token = sentence.tokens[noun]
    return token.pos == "NOUN" and token.lemma in WOUND_NOUNS


def _wound_category(sentence: ParsedSentence, wound: int) -> str:
    if sentence.tokens[wound].lemma in _LESSER:
        return "injured"
    words = _modifier_words(sentence, wound)
    if words & _FATAL and not words & _NOT_FATAL:  # "non-fatal" is "non", "-", "fatal"
        return "killed"
    if words & _ASSESSED:
        return "injured"
    return lx.WOUNDED


def _modifier_words(sentence: ParsedSentence, noun: int) -> set[str]:
    """The words before a noun in its own phrase: "two non-life-threatening gunshot"."""
    low, _ = sentence.subtree(noun)
    return {sentence.tokens[i].lower for i in range(low, noun)}


def _is_condition(sentence: ParsedSentence, noun: int) -> bool:
    """ "critical condition", "stable but serious condition"; not "the condition of anonymity"."""
    token = sentence.tokens[noun]
    return token.lemma in _CONDITIONS and any(
        sentence.tokens[c].dep in ("amod", "compound", "conj") for c in sentence.children[noun]
    )


def _is_hospital(sentence: ParsedSentence, noun: int) -> bool:
    """ "the hospital", "Kerevo General Hospital", "Arlen Trauma Center"."""
    token = sentence.tokens[noun]
    if token.lemma in _HOSPITALS:
        return True
    return token.lemma in ("center", "centre", "room", "unit") and any(
        sentence.tokens[c].lower in _HOSPITAL_WORDS for c in sentence.children[noun]
    )


def _objects_of(sentence: ParsedSentence, verb: int, preposition: str) -> list[int]:
    return [
        obj
        for child in _children(sentence, verb, "prep")
        if sentence.tokens[child].lower == preposition
        for obj in _children(sentence, child, "pobj")
    ]


def has_subject(sentence: ParsedSentence, verb: int) -> bool:
    """The verb has a subject of its own: "... and the boy was pronounced dead", also when
    the parser hung it elsewhere ("... to clinics and [the 19-year-old] was pronounced
    dead", the noun made a conjunct of "clinics")."""
    tokens = sentence.tokens
    if any(tokens[c].dep in ("nsubj", "nsubjpass") for c in sentence.children[verb]):
        return True
    before = verb - 1
    while before >= 0 and tokens[before].head == verb and tokens[before].dep in _VERB_WORDS:
        before -= 1
    return (
        before >= 0
        and tokens[verb].dep == "conj"
        and tokens[before].pos in ("NOUN", "PROPN", "PRON", "ADJ")
        and tokens[before].dep == "conj"
        and tokens[before].head != verb
    )


_VERB_WORDS = frozenset(("aux", "auxpass", "advmod", "neg"))


def _children(sentence: ParsedSentence, head: int, *deps: str) -> list[int]:
    return [c for c in sentence.children[head] if sentence.tokens[c].dep in deps]
