"""The keyword baseline: a number next to a casualty word, the reference point for extraction.

Within each sentence, every number (digits, with thousands commas, or one of the words one to
twenty, hundred, thousand) at most three words away from a casualty keyword ("12 people were
killed": two words between) becomes a claim of that keyword's category: exact, low = high =
the number, no source (attributed_to None), no subject. The claim's text runs from the number
to the keyword. The nearest keyword wins; on a tie, the one after the number ("3 dead, 5
injured": 5 is injured). Nothing else: no qualifiers, no negation, no filter on years, ages or
times. The baseline reads `EvalDocument.text` directly, so raw offsets equal clean offsets.
"""

from __future__ import annotations

import re

from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.extractor import text_claim
from tolltrace.model import Claim
from tolltrace.nlp.sentences import split_sentences

EXTRACTOR = "keyword-baseline/1"
MAX_WORDS_BETWEEN = 3

KEYWORDS: dict[str, str] = {
    **dict.fromkeys(("killed", "dead", "died", "deaths", "death", "slain", "fatalities"), "killed"),
    **dict.fromkeys(("executed", "executions", "hanged"), "executed"),
    **dict.fromkeys(("injured", "wounded", "injuries", "hurt"), "injured"),
    **dict.fromkeys(("arrested", "arrests"), "arrested"),
    **dict.fromkeys(("detained", "detainees"), "detained"),
    **dict.fromkeys(("jailed", "imprisoned"), "imprisoned"),
    **dict.fromkeys(("disappeared", "abducted", "kidnapped"), "disappeared"),
    **dict.fromkeys(("tortured",), "tortured"),
    **dict.fromkeys(("sentenced",), "sentenced"),
    **dict.fromkeys(("displaced",), "displaced"),
    **dict.fromkeys(("victims",), "victims"),
    **dict.fromkeys(("protesters", "demonstrators"), "protesters"),
}
_ONE_TO_TWENTY = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",
)  # fmt: skip
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_ONE_TO_TWENTY, 1)} | {
    "hundred": 100,
    "thousand": 1000,
}

# Words: runs of digits with inner dots or commas ("1,500", "3.5", "10.30"), or of letters.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _number(word: str) -> int | None:
    if _INTEGER.fullmatch(word):
        return int(word.replace(",", ""))
    return NUMBER_WORDS.get(word.lower())


def keyword_extract(document: EvalDocument) -> tuple[Claim, ...]:
    """Every number near a casualty keyword in `document`, as claims in text order."""
    claims: list[Claim] = []
    for sentence in split_sentences(document.text):
        words = list(_WORD.finditer(sentence.text))
        lowered = [word.group().lower() for word in words]
        keywords = [(k, KEYWORDS[w]) for k, w in enumerate(lowered) if w in KEYWORDS]
        for i, word in enumerate(words):
            value = _number(word.group())
            if value is None:
                continue
            # (distance, keyword before the number, ...): min() takes the nearest, then the next.
            near = [
                (abs(k - i), k < i, k, category)
                for k, category in keywords
                if abs(k - i) <= MAX_WORDS_BETWEEN + 1
            ]
            if not near:
                continue
            _, _, k, category = min(near)
            first, last = (word, words[k]) if k > i else (words[k], word)
            start, end = sentence.start + first.start(), sentence.start + last.end()
            claims.append(
                text_claim(document, sentence, start, end, value, value, "exact", category,
                           extractor=EXTRACTOR)
            )  # fmt: skip
    return tuple(claims)
