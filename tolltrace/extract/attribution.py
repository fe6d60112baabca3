"""Who the text says reports a figure, with the cue words; and whether the text disputes it.

Rules on the dependency parse, walking up from the claim towards the root, nearest first:

- "according to X", "as X reported", "by X's count", "in a poll by X": X;
- a verb of saying or finding whose complement holds the claim ("X said [12 were killed]",
  "X put the toll at [42]"), or whose object is the figure ("X documented [1,000 deaths]",
  "X condemned the execution of [12]"): its subject, reached through "and", infinitives,
  participles ("X issued a statement saying ...") and relative pronouns; a passive's agent,
  but the subject of "X was quoted as saying"; of several subjects the parser gives one verb,
  not a partitive aside ("200 were injured, most of them police officers, the ministry said");
- a trailing attribution (", police said", ", said Jane Doe, a spokeswoman"), which also
  governs a clause coordinated after it ("..., the ministry reported, and 12,000 arrested");
- a noun of evidence or claim whose clause holds the claim: its author ("VHRM's report shows
  ...", "VHRM has uncovered evidence that ...", "VHRM's estimate is that ...");
- "in a statement, X ...": the clause's subject;
- inside a quotation, when the sentence names no speaker or only "I"/"we": the speaker
  named just after the quotation closes (", she said") or just before it opens ("X said:").

Disputed (`negated`): the figure's own predicate is negated ("did not kill 300", not "300
have not been released"); a verb of denial governs it ("denied that 300 ..."); it is called
false ("false claims that", "falsely claimed", "the figure of 300 is exaggerated", "without
evidence", "no evidence that") or an aside disputes it (", a figure disputed by X", ", which X
denies"), or a coordinated clause retracts it ("..., but that was later found to be false"). Who
says a figure is never a reason to dispute it, and who denies a figure is never its source
("the ministry denied that 300 were killed": unnamed, unless an aside names the party, "a
figure given by the opposition").

Pronoun sources are resolved to the nearest earlier subject that agrees (a person for
he/she, a plural or an organisation for they); beyond the previous sentence only a speaker
qualifies. `source` is then the antecedent and `mention` the pronoun as written. An
unresolved pronoun stays the source: None would claim the document's own voice.

Per claim the cost is the depth of its parse path plus small neighbourhoods; the sentences
around a quotation or a pronoun are split and parsed on demand, one at a time (a sentence
the stage has parsed already is not parsed again).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tolltrace.extract import cues
from tolltrace.extract import lexicon as lx
from tolltrace.nlp.parse import ParsedSentence, Token, parse_sentences
from tolltrace.nlp.sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None  # the source's name as the text gives it; None = the document's own voice
    cue: str | None  # the words that attribute it ("according to", "said", "documented")
    negated: bool = False  # the text denies or disputes the figure
    source_start: int | None = None  # offsets of the source's words in the clean text
    source_end: int | None = None
    mention: str | None = None  # the pronoun naming the source at the cue, when `source` is
    # what it was resolved to ("she" for "Jane Doe"); else None


NO_ATTRIBUTION = Attribution(None, None)

_MAX_PATH = 80  # ancestors looked at
_MAX_PHRASE = 40  # tokens in a source's name
_MAX_CLIMB = 6  # steps from a subjectless verb to the clause that has its subject
_NEARBY = 80  # tokens around a claim searched for a sentence-wide "according to"
_QUOTE_WINDOW = 3000  # characters searched for the quotation marks around a claim
_NEAR_QUOTE = 8  # tokens between a quotation mark and its verb of saying
_CHAINED_GAP = 40  # characters between two quotations of one speaker ('X said, "...," adding, "')
_LOOK_BACK = 1500  # characters searched for a pronoun's antecedent
_BACK_SENTENCES = 3
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "oprd", "attr", "acomp"})
_NO_DISPUTE_DEPS = frozenset({"nsubj", "conj", "advcl", "csubj", "parataxis"})


@dataclass(frozen=True, slots=True)
class _Found:
    sentence: ParsedSentence
    source: int | None  # token index of the source's head; None for an agentless passive
    cue: str


def attribute(text: str, sentence: ParsedSentence, first: int, last: int) -> Attribution:
    """The attribution of the claim on tokens `first`..`last` of `sentence` (within `text`)."""
    path = _path(sentence, _anchor(sentence, first, last))
    negated = _disputed(sentence, path)
    found = _governing(sentence, path, range(first, last + 1))
    if found is None or _first_person(found) or _generic(found):
        found = _quote_speaker(text, sentence, sentence.tokens[first].start) or found
    if found is None or found.source is None:
        found = _possessor(sentence, first, last) or found
    if found is None:
        return _headline_source(sentence, negated)
    if found.source is not None and _disputer(found):
        # who denies a figure is not its source: the party an aside names, else unnamed
        owner = _figure_given_by(found.sentence)
        found = _Found(found.sentence, owner, found.cue)
    if found.source is None or (found.sentence is sentence and first <= found.source <= last):
        # (the people counted telling what was done to them are no source of their number:
        # "40 detainees said they were tortured")
        return Attribution(None, found.cue, negated)
    sentence, head, mention = found.sentence, found.source, None
    if sentence.tokens[head].lower in cues.PRONOUN_KINDS:
        resolved = _antecedent(text, sentence, head)
        if resolved is not None:
            mention = sentence.tokens[head].text
            sentence, head = resolved
    if _definite_description(sentence, head):  # "the group", or "it" that stands for it
        named = _named_before(text, sentence, head)
        if named is not None:
            if mention is None:
                mention = sentence.span_text(*_phrase(sentence, head))
            sentence, head = named
    low, high = _phrase(sentence, head)
    start, end = sentence.tokens[low].start, sentence.tokens[high].end
    return Attribution(sentence.span_text(low, high), found.cue, negated, start, end, mention)


# ------------------------------------------------------------------------- the parse path


def _anchor(sentence: ParsedSentence, first: int, last: int) -> int:
    """The claim's head: of its tokens whose head lies outside it, the one nearest the root."""
    outside = [
        i
        for i in range(first, last + 1)
        if sentence.tokens[i].head == i or not first <= sentence.tokens[i].head <= last
    ]
    return min(outside or [last], key=lambda i: len(_path(sentence, i)))


def _path(sentence: ParsedSentence, anchor: int) -> list[int]:
    path = [anchor]
    for head in sentence.ancestors(anchor):
        path.append(head)
        if len(path) > _MAX_PATH:
            break
    return path


def _governing(sentence: ParsedSentence, path: list[int], claim: range) -> _Found | None:
    """The nearest attribution naming a source; else the nearest without one ("it was
    reported that ..."). A claim may hold its own cue ("[Minister puts toll at 23]")."""
    sourceless = None
    for word in claim:  # "killed [18 people], the ministry announced": hung on the claim's noun
        for d in _children(sentence, word, "relcl"):
            if _is_verb(sentence.tokens[d]) and _trailing_relative(sentence, d):
                found = _speaker(sentence, d)
                if found is not None and found.source is not None:
                    return found
    for j, node in enumerate(path):
        below = path[j - 1] if j else None
        own = [d for d in sentence.children[node] if d in claim] if j == 0 else [below]
        for found in (
            *(_governs(sentence, node, d) for d in own),
            _hanging(sentence, node, below),
        ):
            if found is not None and found.source is not None:
                return found
            sourceless = sourceless or found
    return _according_nearby(sentence, path) or sourceless


def _governs(sentence: ParsedSentence, head: int, child: int | None) -> _Found | None:
    """An attribution by `head` of the content it reaches through its dependent `child`."""
    if child is None:
        return None
    h, c = sentence.tokens[head], sentence.tokens[child]
    if child < head and any(t.text == ";" for t in sentence.tokens[child:head]):
        return None  # "... were never seen again; the society listed 214": clauses apart
    if not _is_verb(h):
        if h.lemma in cues.CONTENT_NOUNS and child > head and _content_of_noun(c):
            return _noun_owner(sentence, head)
        return None
    if h.lemma == "be" and c.dep in ("ccomp", "attr") and child > head:
        return _copular_owner(sentence, head)
    return _speaker(sentence, head) if _verb_reports(sentence, head, c) else None


def _copular_owner(sentence: ParsedSentence, copula: int) -> _Found | None:
    """ "VHRM's estimate is [that 300 ...]", "the ministry's figure is [42]": the owner of a
    noun of claim or figure that is the copula's subject."""
    for subject in _children(sentence, copula, "nsubj"):
        noun = sentence.tokens[subject]
        if noun.lemma in cues.CONTENT_NOUNS or noun.lemma in cues.FIGURE_NOUNS:
            owner = _owner(sentence, subject)
            if owner is not None:
                return _Found(sentence, owner, noun.text)
    return None


def _verb_reports(sentence: ParsedSentence, verb: int, child: Token) -> bool:
    """Is what `verb` reports reached through its dependent `child`?"""
    lemma, dep = sentence.tokens[verb].lemma, child.dep
    objects = [sentence.tokens[o].lemma for o in _children(sentence, verb, "dobj")]
    if dep in _CONTENT_DEPS:  # "said [12 were killed]", "denounced claims [that ...]"
        return lemma in cues.SPEECH_VERBS or lemma in cues.OBJECT_TOPIC_VERBS
    if dep == "dobj":  # "documented [1,000 deaths]", "condemned the execution of [12]"
        return (
            lemma in cues.OBJECT_REPORT_VERBS
            or lemma in cues.OBJECT_TOPIC_VERBS
            or (lemma in cues.FIGURE_OBJECT_VERBS and child.lemma in cues.FIGURE_NOUNS)
            # "put the number of those detained at 700", the parser hanging "at" inside it
            or (lemma in cues.TOLL_SETTING_VERBS and child.lemma in cues.FIGURE_NOUNS)
            # "indicated [13 guards] [would be needed]": a subject misparsed as the object
            or (lemma in cues.SPEECH_VERBS and bool(_children(sentence, verb, "ccomp")))
            or (lemma in cues.NAMING_VERBS and _names_as(sentence, verb, child.i))
            or (lemma in cues.FINDING_VERBS and _found_by_inquiry(sentence, verb))
        )
    if dep == "nsubjpass":  # "[300 deaths] were documented (by X)"
        return lemma in cues.OBJECT_REPORT_VERBS
    if dep == "conj":
        return _parenthetical_over_coordination(sentence, verb, child.i)
    # an aside the parser hung on the verb, even as a second subject
    if dep in ("punct", "npadvmod", "appos", "dep") or (
        dep == "nsubj" and _partitive_aside(sentence, child.i)
    ):
        return _aside_of_content(sentence, verb, child.i)
    if dep not in ("prep", "dative"):  # "paid tribute [to the 49 killed]" is a dative
        return False
    if child.lower in cues.TOPIC_PREPOSITIONS.get(lemma, ()):  # "spoke of [300 dead]"
        return lemma != "pay" or any(o in cues.TRIBUTE_NOUNS for o in objects)
    # "put the toll at [42]", "estimated the crowd at [3,000]"
    return (
        child.lower in ("at", "to")
        and lemma in cues.TOLL_SETTING_VERBS
        and (lemma == "estimate" or any(o in cues.FIGURE_NOUNS for o in objects))
    )


def _found_by_inquiry(sentence: ParsedSentence, verb: int) -> bool:
    """The subject of "found" is a document or a body of inquiry ("a report", "the
    commission"), not people who came upon something."""
    return any(
        sentence.tokens[s].lemma in cues.DOCUMENT_NOUNS
        or sentence.tokens[s].lemma in cues.ORGANISATION_HEADS
        for s in _children(sentence, verb, "nsubj")
    )


def _names_as(sentence: ParsedSentence, verb: int, obj: int) -> bool:
    """ "identified [the man killed] as Jon Arven": an "as" on the verb or in its object (where
    the parser often hangs it)."""
    low, high = sentence.subtree(obj)
    return any(
        sentence.tokens[i].lower == "as" and sentence.tokens[i].dep == "prep"
        for i in (*sentence.children[verb], *range(low, high + 1))
    )


def _content_of_noun(child: Token) -> bool:
    """ "evidence [that ...]", "claims [of 300 deaths]", "plan [to deport 11 million]"."""
    if child.dep == "prep":
        return child.lower in ("of", "about", "on")
    return child.dep in ("acl", "ccomp", "appos", "relcl")


def _aside_of_content(sentence: ParsedSentence, verb: int, aside: int) -> bool:
    """ "200 were injured, [most of them police officers], the ministry said": words between
    a trailing verb of saying and the content clause before them belong to that content."""
    return (
        aside < verb
        and sentence.tokens[verb].lemma in cues.SPEECH_VERBS
        and any(c < aside for c in _children(sentence, verb, "ccomp"))
    )


def _parenthetical_over_coordination(sentence: ParsedSentence, verb: int, conj: int) -> bool:
    """ "4,000 were injured, the ministry reported, and 12,000 arrested": the parser hangs the
    second clause on the parenthetical verb, whose content lies before it."""
    tokens = sentence.tokens
    return (
        tokens[verb].lemma in cues.SPEECH_VERBS
        and tokens[conj].lemma not in cues.SPEECH_VERBS
        and any(d < verb for d in _children(sentence, verb, "ccomp"))
        and bool(_children(sentence, conj, "nsubj", "nsubjpass"))
    )


def _hanging(sentence: ParsedSentence, node: int, below: int | None) -> _Found | None:
    """Attributions hanging on a node of the path: "according to X", ", police said",
    "as X reported", "by X's count", "in a statement, X ..."."""
    tokens = sentence.tokens
    for d in sentence.children[node]:
        t = tokens[d]
        if d == below:
            continue
        if t.lower == "according":
            found = _according(sentence, d)
        elif t.dep in ("parataxis", "advcl", "conj", "ccomp") and _is_verb(t):
            found = _speaker(sentence, d) if _parenthetical(sentence, node, d) else None
        elif t.dep == "relcl" and _is_verb(t) and _trailing_relative(sentence, d):
            found = _speaker(sentence, d)
        elif t.dep in ("prep", "agent") and t.lower in ("in", "by") and _is_verb(tokens[node]):
            found = _in_document(sentence, node, d)
        else:
            continue
        if found is not None:
            return found
    return None


def _according(sentence: ParsedSentence, according: int) -> _Found | None:
    for to in _children(sentence, according, "prep"):
        for pobj in _children(sentence, to, "pobj"):
            return _Found(sentence, _owner_or_self(sentence, pobj), "according to")
    return None


def _according_nearby(sentence: ParsedSentence, path: list[int]) -> _Found | None:
    """ "according to X" on a clause coordinated with the claim's speaks for the sentence
    ("A is one of 707 killed this year and the fourth ..., according to X")."""
    tokens, anchor = sentence.tokens, path[0]
    for i in range(max(0, anchor - _NEARBY), min(len(tokens) - 1, anchor + _NEARBY)):
        if tokens[i].lower == "according" and tokens[i + 1].lower == "to":
            clause = tokens[i].head
            while tokens[clause].dep == "conj" and tokens[clause].head != clause:
                clause = tokens[clause].head
            if clause == path[-1]:
                return _according(sentence, i)
    return None


def _parenthetical(sentence: ParsedSentence, node: int, verb: int) -> bool:
    """A verb of saying beside the claim's clause that says nothing else: ", police said",
    "as the ministry reported", "said Jane Doe"."""
    t = sentence.tokens[verb]
    if t.lemma not in cues.SPEECH_VERBS or (t.dep == "ccomp" and verb < node):
        return False
    if not _children(sentence, verb, "nsubj", "csubj", "agent"):
        return _trailing_speaker(sentence, verb) is not None
    if t.dep == "advcl":
        return any(sentence.tokens[m].lower == "as" for m in _children(sentence, verb, "mark"))
    return not _children(sentence, verb, "ccomp", "xcomp", "dobj", "mark")


def _trailing_relative(sentence: ParsedSentence, verb: int) -> bool:
    """ "killed 18 people, the ministry announced on Monday": a closing attribution the parser
    hung on the last noun as a relative clause. A verb of saying after a comma, with its own
    subject and no relative word, object or clause of its own."""
    tokens = sentence.tokens
    subjects = _children(sentence, verb, "nsubj")
    if tokens[verb].lemma not in cues.SPEECH_VERBS or not subjects:
        return False
    if _children(sentence, verb, "ccomp", "xcomp", "dobj", "mark", "nsubjpass"):
        return False
    first = sentence.subtree(subjects[0])[0]
    relative = any(t.tag in ("WDT", "WP", "WP$", "WRB") for t in tokens[first:verb])
    return not relative and first > 0 and tokens[first - 1].text == ","


def _in_document(sentence: ParsedSentence, verb: int, prep: int) -> _Found | None:
    """ "By VHRM's count, ...", "In a poll by X, ...", "In a statement, X ..."."""
    pobj = next(iter(_children(sentence, prep, "pobj")), None)
    if pobj is None:
        return None
    noun, cue = sentence.tokens[pobj], sentence.span_text(prep, pobj)
    if noun.lemma in cues.FIGURE_NOUNS or noun.lemma in cues.DOCUMENT_NOUNS:
        owner = _owner(sentence, pobj)
        if owner is not None:
            return _Found(sentence, owner, cue)
    if sentence.tokens[prep].lower != "in":
        return None
    if noun.lemma in cues.STATEMENT_NOUNS:
        found = _speaker(sentence, verb)
        return (
            None if found is None or found.source is None else _Found(sentence, found.source, cue)
        )
    if noun.lemma in cues.DOCUMENT_NOUNS:  # "In a poll released Sunday, ..."
        return _Found(sentence, pobj, cue)
    return None


# ----------------------------------------------------------------------------- speakers


def _speaker(sentence: ParsedSentence, verb: int) -> _Found | None:
    """Who does the saying of `verb`: its subject (or agent), through "and", infinitives,
    participles and relative clauses."""
    tokens, cue = sentence.tokens, _cue(sentence, verb)
    quoted = _quoted_as_saying(sentence, verb)
    if quoted is not None:
        return quoted
    agent = next(iter(_children(sentence, verb, "agent")), None)
    if agent is not None or _children(sentence, verb, "auxpass", "nsubjpass"):
        pobj = None if agent is None else next(iter(_children(sentence, agent, "pobj")), None)
        return _Found(sentence, None if pobj is None else _owner_or_self(sentence, pobj), cue)
    trailing = _trailing_speaker(sentence, verb)
    if trailing is not None:
        return _Found(sentence, trailing, cue)
    current = verb
    for _ in range(_MAX_CLIMB):
        subjects = _children(sentence, current, "nsubj", "nsubjpass", "csubj")
        if subjects:
            subject = _main_subject(sentence, current, subjects)
            return _Found(sentence, _subject_head(sentence, subject), cue)
        t = tokens[current]
        if t.head == current:
            return None
        if t.dep in ("conj", "advcl") or (t.dep == "xcomp" and tokens[t.head].pos == "VERB"):
            current = t.head  # "X went on to say"; not "it is hard to say"
        elif t.dep == "acl":  # "a statement saying ..."
            owner = _noun_owner(sentence, t.head)
            return None if owner is None else _Found(sentence, owner.source, cue)
        elif t.dep == "relcl":
            return _Found(sentence, _owner_or_self(sentence, t.head), cue)
        else:
            return None
    return None


def _quoted_as_saying(sentence: ParsedSentence, verb: int) -> _Found | None:
    """ "X was quoted as saying [...]", "[...], X was quoted as saying": the passive's
    subject is the speaker (an agent, "quoted by the Herald", only relays the words)."""
    tokens = sentence.tokens
    main, saying = verb, None
    if tokens[verb].dep == "pcomp" and tokens[tokens[verb].head].lower == "as":
        main, saying = tokens[tokens[verb].head].head, verb
    else:
        for prep in _children(sentence, verb, "prep"):
            if tokens[prep].lower == "as":
                saying = next(iter(_children(sentence, prep, "pcomp")), None)
    subjects = _children(sentence, main, "nsubjpass")
    if saying is None or not subjects or tokens[saying].lemma not in cues.SPEECH_VERBS:
        return None
    as_ = tokens[saying].head
    low = min([main, *(d for d in _children(sentence, main, "aux", "auxpass") if d < main)])
    # "was quoted as saying"; with words between ("quoted by the Herald as") only "was quoted"
    cue = sentence.span_text(low, saying) if as_ == main + 1 else _cue(sentence, main)
    return _Found(sentence, _subject_head(sentence, subjects[0]), cue)


def _main_subject(sentence: ParsedSentence, verb: int, subjects: list[int]) -> int:
    """Of the subjects the parser gave a verb, the one doing it: in "200 were injured, most
    of them police officers, the ministry said" not the partitive aside, and of several the
    nearest before the verb."""
    kept = [s for s in subjects if not _partitive_aside(sentence, s)] or subjects
    before = [s for s in kept if s < verb]
    return before[-1] if before else kept[0]


def _partitive_aside(sentence: ParsedSentence, subject: int) -> bool:
    """Does the phrase hold "most of them", "many of whom", "half of those"?"""
    tokens = sentence.tokens
    low, high = sentence.subtree(subject)
    return any(
        tokens[i].lower == "of"
        and tokens[i + 1].lower in cues.PARTITIVE_PRONOUNS
        and tokens[i - 1].lower in cues.PARTITIVE_QUANTIFIERS
        for i in range(max(low, 1), min(high, len(tokens) - 1))
    )


def _trailing_speaker(sentence: ParsedSentence, verb: int) -> int | None:
    """ "..., the Monitor (VHRM) said on Friday": a verb of saying that closes a sentence
    after a comma and a noun phrase, which the parser left without a subject (it hung the
    noun phrase on the clause before). The noun phrase's last noun, or None."""
    tokens = sentence.tokens
    if (
        tokens[verb].lemma not in cues.SPEECH_VERBS
        or tokens[verb].dep not in ("conj", "parataxis")
        or _children(sentence, verb, "nsubj", "nsubjpass", "csubj", "ccomp", "dobj", "mark")
    ):
        return None
    before = verb - 1
    if before > 0 and tokens[before].text == ")":  # "the Monitor (VHRM) said"
        while before > 0 and tokens[before].text != "(":
            before -= 1
        before -= 1
    head = before
    if head < 1 or tokens[head].pos not in ("NOUN", "PROPN"):
        return None
    while before > 0 and tokens[before - 1].dep in ("compound", "amod", "det", "poss", "case"):
        before -= 1
    return head if tokens[before - 1].text == "," else None


def _noun_owner(sentence: ParsedSentence, noun: int) -> _Found | None:
    """The author of a document or claim: "VHRM's report", "a report by VHRM", or the subject
    of the verb taking it ("VHRM has uncovered evidence", "cited it as evidence")."""
    owner = _owner(sentence, noun)
    if owner is not None:
        return _Found(sentence, owner, sentence.tokens[noun].text)
    t = sentence.tokens[noun]
    verb = sentence.tokens[t.head].head if t.dep == "pobj" else t.head
    if t.dep not in ("dobj", "nsubjpass", "pobj") or verb == noun:
        return None
    if not _is_verb(sentence.tokens[verb]):
        return None
    found = _speaker(sentence, verb)
    return None if found is None or found.source is None else found


def _owner(sentence: ParsedSentence, noun: int) -> int | None:
    tokens = sentence.tokens
    for d in sentence.children[noun]:
        t = tokens[d]
        if t.dep == "poss":
            return d
        if t.dep in ("prep", "agent") and t.lower in ("by", "from"):
            return next(iter(_children(sentence, d, "pobj")), None)
        if t.dep == "acl":  # "figures compiled by VHRM"
            for agent in _children(sentence, d, "agent"):
                return next(iter(_children(sentence, agent, "pobj")), None)
    return None


def _owner_or_self(sentence: ParsedSentence, noun: int) -> int:
    owner = _owner(sentence, noun) if sentence.tokens[noun].lemma in cues.DOCUMENT_NOUNS else None
    return noun if owner is None else owner


def _subject_head(sentence: ParsedSentence, subject: int) -> int:
    """The subject, or for a relative pronoun ("VHRM, which said ...") its noun."""
    tokens = sentence.tokens
    verb = tokens[tokens[subject].head]
    if tokens[subject].lower in cues.RELATIVE_PRONOUNS and verb.dep == "relcl":
        if tokens[verb.head].pos in ("NOUN", "PROPN"):
            return _owner_or_self(sentence, verb.head)
        before = subject - 1  # a misattached relative clause: the noun just before it
        while before > 0 and tokens[before].dep == "punct":
            before -= 1
        if tokens[before].pos in ("NOUN", "PROPN"):
            return before
    return _owner_or_self(sentence, subject)


def _cue(sentence: ParsedSentence, verb: int) -> str:
    """The verb with its auxiliaries and particle: "has reported", "pointed out"."""
    low = high = verb
    for d in sentence.children[verb]:
        dep = sentence.tokens[d].dep
        if dep in ("aux", "auxpass", "neg") and verb - 3 <= d < low:
            low = d
        elif dep == "prt" and d == high + 1:
            high = d
    return sentence.span_text(low, high)


def _phrase(sentence: ParsedSentence, head: int) -> tuple[int, int]:
    """The words naming the source: the head with its names, modifiers, appositions and
    prepositional phrases; no relative clause at its end, no leading "the"/"a"."""
    tokens = sentence.tokens
    if tokens[head].dep == "csubj":  # a name parsed as a clause: "Committee to Protect ..."
        low, high = sentence.subtree(head)
        if high - low < _MAX_PHRASE:
            return low + (tokens[low].lower in ("the", "a", "an")), high
    kept, stack = {head}, [head]
    while stack and len(kept) < _MAX_PHRASE:
        for d in sentence.children[stack.pop()]:
            if tokens[d].dep in cues.PHRASE_DEPS:
                kept.add(d)
                stack.append(d)
    words = [i for i in kept if tokens[i].dep != "punct"]
    low, high = min(words), max(words)
    if high - low >= _MAX_PHRASE:  # a runaway parse: only the words next to the head
        low = high = head
        while low - 1 in kept:
            low -= 1
        while high + 1 in kept:
            high += 1
    while low < head and (
        tokens[low].dep in ("punct", "cc") or tokens[low].lower in ("the", "a", "an")
    ):
        low += 1
    while high > head and tokens[high].dep in ("cc", "prep", "case", "det", "punct"):
        high -= 1
    opened = sum(tokens[i].text == "(" for i in range(low, high + 1))
    if opened > sum(tokens[i].text == ")" for i in range(low, high + 1)):
        high += tokens[high + 1].text == ")" if high + 1 < len(tokens) else 0
    return low, high


# -------------------------------------------------------------------------- antecedents


def _antecedent(
    text: str, sentence: ParsedSentence, pronoun: int
) -> tuple[ParsedSentence, int] | None:
    """The nearest earlier subject that agrees with the pronoun; from before the previous
    sentence only a speaker. Not a subject of the pronoun's own clause ("China may outnumber
    ..., he says"), nor a quoted one; wholly quoted sentences are skipped."""
    kind = cues.PRONOUN_KINDS[sentence.tokens[pronoun].lower]
    own_clause = sentence.tokens[pronoun].head
    for c in _subjects(sentence, max(0, pronoun - _NEARBY), pronoun):
        if (
            own_clause not in _path(sentence, c)
            and _agrees(sentence, c, kind)
            and not _quoted(text, sentence.tokens[c].start)
        ):
            return sentence, c
    # Earlier sentences are parsed one at a time, nearest first, only while none has agreed.
    for nearest, p in enumerate(_previous_sentences(text, sentence.start)):
        for c in _subjects(p, 0, len(p.tokens)):
            if (
                _agrees(p, c, kind)
                and (nearest == 0 or _is_speaker(p, c))
                and not _quoted(text, p.tokens[c].start)
            ):
                return p, c
    return None


def _definite_description(sentence: ParsedSentence, head: int) -> bool:
    """ "the group", "the organisation", "the centre": an organisation named before, referred
    to by what it is (a common noun with "the" and no name of its own)."""
    token = sentence.tokens[head]
    children = [sentence.tokens[c] for c in sentence.children[head]]
    return (
        token.pos == "NOUN"
        and token.tag == "NN"
        and (token.lemma in cues.ORGANISATION_HEADS or token.lemma in cues.GENERIC_BODIES)
        and any(c.dep == "det" and c.lower in ("the", "this") for c in children)
        and not any(c.pos == "PROPN" or c.dep in ("poss", "prep", "appos") for c in children)
    )


def _named_before(
    text: str, sentence: ParsedSentence, head: int
) -> tuple[ParsedSentence, int] | None:
    """The nearest organisation named before a definite description of it, in its sentence or
    the few before: a proper name that holds the description's noun ("the centre": the Orvane
    Centre for Human Rights), or, for a noun any body may go by ("the group", "the
    organisation"), a proper name of an organisation."""
    noun = sentence.tokens[head].lemma
    for candidate_sentence, last in [(sentence, head), *((p, None) for p in
                                     _previous_sentences(text, sentence.start))]:  # fmt: skip
        tokens = candidate_sentence.tokens
        end = len(tokens) if last is None else last
        subjects = _subjects(candidate_sentence, 0, end)  # who speaks first, then the nearest
        for i in (*subjects, *(i for i in range(end - 1, -1, -1) if i not in subjects)):
            if tokens[i].pos != "PROPN" or tokens[i].dep in ("compound", "flat"):
                continue
            low, high = _phrase(candidate_sentence, i)
            words = {t.lemma.lower() for t in tokens[low : high + 1]} | {
                t.lower for t in tokens[low : high + 1]
            }
            if noun in words or (
                noun in cues.GENERIC_BODIES
                and words & (cues.ORGANISATION_HEADS | lx.ORGANISATION_WORDS)
            ):
                return candidate_sentence, i
    return None


def _subjects(sentence: ParsedSentence, low: int, high: int) -> list[int]:
    """Noun subjects among tokens `low`..`high`-1, main clauses first, then left to right."""
    found = [
        (len(_path(sentence, t.i)), t.i)
        for t in sentence.tokens[low:high]
        if t.dep in ("nsubj", "nsubjpass") and t.pos in ("NOUN", "PROPN")
    ]
    return [i for _, i in sorted(found)]


def _is_speaker(sentence: ParsedSentence, subject: int) -> bool:
    verb = sentence.tokens[sentence.tokens[subject].head]
    return _is_verb(verb) and (
        verb.lemma in cues.SPEECH_VERBS or verb.lemma in cues.OBJECT_TOPIC_VERBS
    )


def _agrees(sentence: ParsedSentence, candidate: int, pronoun: str) -> bool:
    t = sentence.tokens[candidate]
    organisation = t.lemma in cues.ORGANISATION_HEADS or t.lower in cues.ORGANISATION_HEADS
    # "Sanders" is tagged NNPS: a bare proper name is one person, "the Democrats" are many.
    plural = (
        t.tag == "NNS"
        or (t.tag == "NNPS" and bool(_children(sentence, candidate, "det")))
        or bool(_children(sentence, candidate, "conj"))
    )
    if pronoun == "they":
        return plural or organisation
    organisation = organisation or t.lower in lx.ORGANISATION_WORDS  # "the ... League"
    person = t.lemma in cues.PERSON_NOUNS or (t.pos == "PROPN" and not organisation)
    if pronoun == "it":
        return not plural and (organisation or not person)
    if plural or not person:
        return False
    low, high = sentence.subtree(candidate) if len(sentence.children[candidate]) < 8 else (0, -1)
    words = {sentence.tokens[i].lower for i in (*range(low, high + 1), candidate)}
    return not words & (cues.MASCULINE if pronoun == "she" else cues.FEMININE)


def _previous_sentences(text: str, start: int) -> Iterator[ParsedSentence]:
    """Up to a few sentences before offset `start`, nearest first, parsed as they are asked
    for; wholly quoted sentences are skipped."""
    low = max(0, start - _LOOK_BACK)
    pieces = split_sentences(text[low:start])[1 if low else 0 :]  # the first may be cut
    chosen = [p for p in pieces if p.text.strip()][-_BACK_SENTENCES:]
    for piece in reversed(chosen):
        first, last = low + piece.start, low + piece.end
        if not _wholly_quoted(text, first, last):
            yield _parse(piece.text, first)


def _wholly_quoted(text: str, first: int, last: int) -> bool:
    """Does one quotation hold the text from `first` to `last`? Not '"...," X said, "..."',
    which opens and closes with quotation marks but names its speaker between them."""
    piece = text[first:last]
    if not piece.strip():
        return False
    lead = first + len(piece) - len(piece.lstrip())
    quote = _enclosing_quote(text, first + len(piece.rstrip()) - 1)
    return quote is not None and quote[0] <= lead


def _parse(sentence_text: str, start: int) -> ParsedSentence:
    """One sentence of the text, parsed (`parse_sentences` keeps recent parses: a sentence
    the extract stage has parsed is not parsed again)."""
    sentence = Sentence(start, start + len(sentence_text), sentence_text)
    return parse_sentences(sentence_text, [sentence])[0]


def _sentence_at(text: str, offset: int, sentence: ParsedSentence) -> ParsedSentence | None:
    """The parsed sentence of `text` covering `offset` (`sentence` itself when it does)."""
    if sentence.start <= offset < sentence.end:
        return sentence
    low, high = _paragraph(text, offset)
    for piece in split_sentences(text[low:high]):
        if low + piece.start <= offset < low + piece.end:
            return _parse(piece.text, low + piece.start)
    return None


# ---------------------------------------------------------------------------- quotations


def _quote_speaker(
    text: str, sentence: ParsedSentence, offset: int, chained: bool = True
) -> _Found | None:
    """The speaker of the quotation around `offset`: named just after it closes or just
    before it opens; for 'X said, "...," adding, "..."' the previous quotation's speaker."""
    quote = _enclosing_quote(text, offset)
    if quote is None:
        return None
    opened, closed = quote
    if closed is not None and chained:
        after = _sentence_at(text, closed, sentence)
        found = None if after is None else _speech_near(text, after, closed, after=True)
        if found is not None:
            return found
    base = max(0, opened - _QUOTE_WINDOW)
    lead = text[base:opened].rstrip()
    if not lead:
        return None
    before = _sentence_at(text, base + len(lead) - 1, sentence)
    found = None if before is None else _speech_near(text, before, opened, after=False)
    if found is not None or not chained:
        return found
    gap = text[max(0, opened - _CHAINED_GAP) : opened]
    mark = max(gap.rfind(q) for q in (*cues.CLOSE_QUOTES, '"'))
    return (
        None if mark <= 0 else _quote_speaker(text, sentence, opened - len(gap) + mark - 1, False)
    )


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    """The paragraph around `offset`, at most `_QUOTE_WINDOW` characters either side."""
    window = max(0, offset - _QUOTE_WINDOW)
    end = text.find("\n", offset, offset + _QUOTE_WINDOW)
    return text.rfind("\n", window, offset) + 1 or window, (
        end if end >= 0 else min(len(text), offset + _QUOTE_WINDOW)
    )


def _enclosing_quote(text: str, offset: int) -> tuple[int, int | None] | None:
    """Offsets of the quotation marks opening and closing (if found) around `offset`."""
    start, end = _paragraph(text, offset)
    before = text[start:offset]
    last_open = max(before.rfind(q) for q in cues.OPEN_QUOTES)
    if last_open > max(before.rfind(q) for q in cues.CLOSE_QUOTES):
        closes = [i for q in cues.CLOSE_QUOTES if (i := text.find(q, offset, end)) >= 0]
        return start + last_open, min(closes, default=None)
    if before.count('"') % 2:
        close = text.find('"', offset, end)
        return start + before.rfind('"'), close if close >= 0 else None
    return None


def _quoted(text: str, offset: int) -> bool:
    return text[offset : offset + 1] in ('"', *cues.OPEN_QUOTES) or bool(
        _enclosing_quote(text, offset)
    )


def _speech_near(text: str, sentence: ParsedSentence, mark: int, after: bool) -> _Found | None:
    """A verb of saying with an unquoted speaker a few tokens after (or before) the
    quotation mark at offset `mark`."""
    tokens = sentence.tokens
    if after:
        split = bisect_right(tokens, mark, key=lambda t: t.start)
        near: Iterable[int] = range(split, min(len(tokens), split + _NEAR_QUOTE))
    else:
        split = bisect_left(tokens, mark, key=lambda t: t.start)
        near = range(split - 1, max(-1, split - 1 - _NEAR_QUOTE), -1)
    for i in near:
        t = tokens[i]
        if t.text in cues.OPEN_QUOTES + cues.CLOSE_QUOTES or t.text in cues.STRAIGHT_QUOTES:
            break
        if _is_verb(t) and t.lemma in cues.SPEECH_VERBS:
            found = _speaker(sentence, i)
            if (
                found is not None
                and found.source is not None
                and _enclosing_quote(text, tokens[found.source].start) is None
            ):
                return found
    return None


def _disputer(found: _Found) -> bool:
    """The source found is the subject of a verb of denial: "the government denied that 300
    were killed", "the ministry rejected reports that ...", "disputed the monitor's figure"
    (there the possessor, not the subject, is the source)."""
    assert found.source is not None
    tokens = found.sentence.tokens
    source = tokens[found.source]
    return source.dep == "nsubj" and tokens[source.head].lemma in cues.DENY_VERBS


def _figure_given_by(sentence: ParsedSentence) -> int | None:
    """ "..., a figure given by the opposition": the agent of a figure noun's participle."""
    tokens = sentence.tokens
    for noun in (t for t in tokens if t.lemma in cues.FIGURE_NOUNS):
        for verb in sentence.children[noun.i]:
            if tokens[verb].dep != "acl":
                continue
            for agent in _children(sentence, verb, "agent"):
                for pobj in _children(sentence, agent, "pobj"):
                    return pobj
    return None


def _generic(found: _Found) -> bool:
    """ "Reports suggest ...", "figures show ...": words of evidence with no author named;
    inside a quotation its speaker is the source."""
    if found.source is None:
        return False
    token = found.sentence.tokens[found.source]
    return token.lemma in cues.GENERIC_SOURCES and not any(
        found.sentence.tokens[c].dep in ("poss", "compound")
        for c in found.sentence.children[token.i]
    )


def _possessor(sentence: ParsedSentence, first: int, last: int) -> _Found | None:
    """ "the government's toll of 23", "the ministry's figure of 300", "the 120 deaths cited
    by the monitor": whose figure it is."""
    tokens = sentence.tokens
    for i in range(first, last + 1):  # "the 120 deaths cited by the monitor"
        for verb in _children(sentence, i, "acl"):
            if tokens[verb].lemma in cues.SPEECH_VERBS | cues.OBJECT_REPORT_VERBS:
                for agent in _children(sentence, verb, "agent"):
                    for pobj in _children(sentence, agent, "pobj"):
                        return _Found(sentence, pobj, tokens[verb].text)
    for i in range(max(0, first - 3), min(len(tokens), last + 4)):
        if tokens[i].lemma not in lx.CARRIERS:
            continue
        for child in sentence.children[i]:
            owner = tokens[child]
            if owner.dep == "poss" and owner.pos in ("NOUN", "PROPN"):
                return _Found(sentence, child, "'s")
            if owner.dep == "compound" and owner.pos == "PROPN":  # "the Orvane Watch tally"
                return _Found(sentence, child, tokens[i].text)
    return None


# A headline that ends on its source after a colon: "... rise to 40: rights group". A few
# words, no number and no verb of their own.
_HEADLINE_SOURCE_WORDS = 6


def _headline_source(sentence: ParsedSentence, negated: bool) -> Attribution:
    tokens = sentence.tokens
    colons = [t.i for t in tokens if t.text == ":"]
    if not colons:
        return Attribution(None, None, negated)
    tail = [t for t in tokens[colons[-1] + 1 :] if t.pos != "PUNCT"]
    if (
        not tail
        or len(tail) > _HEADLINE_SOURCE_WORDS
        or any(t.pos in ("VERB", "AUX", "NUM") or t.tag == "CD" for t in tail)
        or not any(t.pos in ("NOUN", "PROPN") for t in tail)
        or tokens[-1].text in (".", "?", "!")
    ):
        return Attribution(None, None, negated)
    low, high = tail[0].i, tail[-1].i
    start, end = tokens[low].start, tokens[high].end
    return Attribution(sentence.span_text(low, high), ":", negated, start, end)


def _first_person(found: _Found) -> bool:
    """ "I", "we", "you": inside a quotation its speaker stands for them."""
    return found.source is not None and (
        found.sentence.tokens[found.source].lower in cues.FIRST_PERSON
    )


# ------------------------------------------------------------------------------ disputes


def _questions_people(verb: Token, below: Token) -> bool:
    """ "Police questioned a driver", "officers challenged two men": people questioned are
    interrogated or confronted, not disputed."""
    return (
        verb.lemma in ("question", "challenge")
        and below.dep == "dobj"
        and (below.lemma in lx.PERSON_NOUNS or below.lower in ("people", "persons"))
    )


def _disputed(sentence: ParsedSentence, path: list[int]) -> bool:
    """Does the text deny or dispute the figure at the bottom of `path`? "did not kill 300",
    "denied that 300 ...", "false claims that", "no evidence that", "exaggerated"."""
    tokens = sentence.tokens
    predicate_seen = False
    for j, node in enumerate(path):
        t = tokens[node]
        below = tokens[path[j - 1]] if j else None
        dep = below.dep if below is not None else None
        if not predicate_seen and _is_verb(t):
            predicate_seen = True
            if (
                _negated(sentence, node)
                and _denies_count(t, dep)
                and not _death_idiom(sentence, node)
            ):
                return True
            if below is None and _retracted(sentence, node):
                return True  # "nine were detained, but the ministry later revised that figure"
        if below is not None:
            if _is_verb(t) and dep not in _NO_DISPUTE_DEPS:
                if (
                    t.lemma in cues.DENY_VERBS
                    and not _negated(sentence, node)
                    and not _questions_people(t, below)
                ):
                    return True
                if t.lemma in cues.EXAGGERATE_VERBS and dep == "dobj":
                    return True
            if dep in ("nsubj", "nsubjpass") and _calls_false(sentence, node):
                return True
            if _is_verb(t) and _retracted(sentence, node):
                return True
            if t.lemma in cues.GROUNDS_NOUNS and _content_of_noun(below):
                if any(tokens[d].lower == "no" for d in sentence.children[node]):
                    return True
                if t.head != node and _is_verb(tokens[t.head]) and _negated(sentence, t.head):
                    return True
        for d in sentence.children[node]:
            dt = tokens[d]
            if (dt.dep == "amod" and dt.lower in cues.FALSE_WORDS and not _is_verb(t)) or (
                dt.dep == "advmod" and dt.lower in cues.FALSE_ADVERBS
            ):
                return True
            if dt.dep in ("appos", "npadvmod", "relcl") and _disputing_aside(sentence, d):
                return True
            if dt.dep == "prep" and dt.lower == "without" and t.lemma in cues.SPEECH_VERBS:
                grounds = _children(sentence, d, "pobj")
                if any(tokens[p].lemma in cues.GROUNDS_NOUNS for p in grounds):
                    return True
    return False


def _retracted(sentence: ParsedSentence, verb: int) -> bool:
    """A clause coordinated with the one that gives the figure calls it false: "first reports
    said 12 people had died, but that was later found to be false", "... but it turned out to
    be wrong", "..., but that proved to be incorrect, rescuers said"; or its own source revises
    it: "the ministry first said nine protesters were detained, but later revised that figure
    to five"."""
    tokens = sentence.tokens
    clauses = list(_children(sentence, verb, "conj"))
    # "..., but that proved to be incorrect, Kerevo Fire Rescue said": the retraction is
    # reported in turn
    clauses += [c for conj in clauses for c in _children(sentence, conj, "ccomp")]
    for conj in clauses:
        if tokens[conj].lemma in _REVISING and any(
            tokens[o].lemma in _FIGURE_NOUNS or tokens[o].lower in _ANAPHORS
            for o in _children(sentence, conj, "dobj")
        ):
            return True  # "... nine were detained, but later revised that figure to five"
        subjects = _children(sentence, conj, "nsubj", "nsubjpass")
        if not any(tokens[s].lower in _ANAPHORS for s in subjects):
            continue
        low, high = sentence.subtree(conj)
        if any(tokens[i].lower in cues.FALSE_WORDS for i in range(low, high + 1)):
            return True
    return False


_ANAPHORS = frozenset(("that", "this", "it", "which"))
_REVISING = frozenset(("amend", "revise", "correct", "lower", "reduce", "downgrade", "retract"))
_FIGURE_NOUNS = frozenset(("number", "figure", "toll", "count", "total", "tally", "estimate"))


def _disputing_aside(sentence: ParsedSentence, aside: int) -> bool:
    """ ", a figure disputed by X", ", a claim rejected by X", ", which X denies"."""
    t = sentence.tokens[aside]
    if t.dep == "relcl":  # "which X denies", not "300 protesters, who deny the charges"
        denied = [sentence.tokens[d].lower for d in _children(sentence, aside, "dobj", "nsubjpass")]
        return t.lemma in cues.DENY_VERBS and "which" in denied and not _negated(sentence, aside)
    if t.lemma not in cues.FIGURE_NOUNS and t.lemma not in cues.CONTENT_NOUNS:
        return False
    return any(
        (d.dep in ("acl", "relcl") and d.lemma in cues.DENY_VERBS)
        or (d.dep == "amod" and d.lower in cues.FALSE_WORDS)
        for d in (sentence.tokens[i] for i in sentence.children[aside])
    )


def _denies_count(verb: Token, dep: str | None) -> bool:
    """Does the negated verb deny what the figure counts? "did not kill [300]", "[300] were
    not killed", "[300] did not die"; not "[two] candidates did not win", "[300] have not
    been released" (still held), "[300] deaths were not reported"."""
    if verb.lemma in cues.STILL_VERBS or verb.lemma in cues.OBJECT_REPORT_VERBS:
        return False
    if dep is None or dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return True
    return dep == "nsubj" and verb.lemma in cues.DYING_VERBS


def _death_idiom(sentence: ParsedSentence, verb: int) -> bool:
    """ "did not make it", "did not survive", "never recovered": a denial that tells a death,
    not a denial of the figure."""
    token = sentence.tokens[verb]
    if token.lemma in ("survive", "recover"):
        return True
    return token.lemma == "make" and any(
        sentence.tokens[c].lower == "it" for c in _children(sentence, verb, "dobj")
    )


def _negated(sentence: ParsedSentence, verb: int) -> bool:
    tokens = sentence.tokens
    for d in _children(sentence, verb, "neg"):
        following = tokens[d + 1].lower if d + 1 < len(tokens) else ""
        if tokens[d].lower in ("not", "n't") and following not in cues.COMPARATIVES:
            return True
    return False


def _calls_false(sentence: ParsedSentence, predicate: int) -> bool:
    """ "The figure of 300 is exaggerated / false", "... was fabricated"."""
    t = sentence.tokens[predicate]
    return (
        t.lower in cues.FALSE_WORDS
        or t.lemma in cues.EXAGGERATE_VERBS
        or any(
            sentence.tokens[d].lower in cues.FALSE_WORDS
            for d in _children(sentence, predicate, "acomp", "attr")
        )
    )


# -------------------------------------------------------------------------------- helpers


def _children(sentence: ParsedSentence, head: int, *deps: str) -> list[int]:
    return [d for d in sentence.children[head] if sentence.tokens[d].dep in deps]


def _is_verb(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") or token.tag.startswith("VB")
