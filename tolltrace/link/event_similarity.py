"""How likely two documents report the same incident, without comparing every pair.

Reports of one incident share its rare proper names (victims, suspects, streets, towns, the
officer who spoke), its vocabulary, and appear within days of each other. So each document is
profiled by:

- its proper names: capitalised words the corpus mostly writes capitalised mid-sentence
  ("Remaley", "Minutemen", "Auburn"), weighted by rarity (idf);
- its content words (tf-idf);
- its publication date.

Boilerplate (a paragraph found in `BOILERPLATE_DF` or more documents: share buttons, station
blurbs, "Please enable Javascript") is left out first. Blocking: only documents sharing a proper
name held by at most `max_df` documents are ever compared, so the work grows with the corpus
times `max_df`, not with its square. The score of a candidate pair is
`100 * cos(names) + WORD_WEIGHT * 100 * cos(words) - GAP_WEIGHT * ln(1 + days apart)`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

BOILERPLATE_DF = 3  # a paragraph in this many documents is boilerplate, not reporting
MAX_DF = 40  # a name in more documents than this does not open a block
WORD_WEIGHT = 0.6
GAP_WEIGHT = 10.0

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’]*[a-z][A-Za-z'’]*\b|\b[A-Z]{3,}\b")
_LOWER = re.compile(r"\b[a-z][a-z'’]+\b")
_CONTENT = re.compile(r"[a-z][a-z'-]{3,}")
_OPENS_SENTENCE = (".", "!", "?", '"', "“", ":")


@dataclass(frozen=True, slots=True)
class Report:
    """What similarity needs of one document."""

    title: str | None
    text: str
    published: date | None


@dataclass(frozen=True, slots=True)
class Profile:
    names: dict[str, float]  # proper name -> idf weight, L2-normalised
    words: dict[str, float]  # content word -> tf-idf, L2-normalised
    published: date | None


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date, or None when it is less precise or malformed."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def profile_reports(reports: Sequence[Report]) -> list[Profile]:
    """One profile per report; corpus statistics (boilerplate, capitalisation, idf) are shared."""
    paragraphs = [_paragraphs(report) for report in reports]
    seen_in: Counter[str] = Counter()
    for paras in paragraphs:
        seen_in.update(set(paras))
    bodies = [[p for p in paras if seen_in[p] < BOILERPLATE_DF] for paras in paragraphs]
    capitalised: list[set[str]] = []
    mid_sentence: Counter[str] = Counter()
    lowercase: Counter[str] = Counter()
    for body in bodies:
        words, inner = _capitalised(body)
        capitalised.append(words)
        mid_sentence.update(inner)
        lowercase.update({w.replace("’", "'") for p in body for w in _LOWER.findall(p)})
    # A word is a proper name when the corpus writes it capitalised mid-sentence at least as
    # often as in lower case ("Auburn" yes; "Absolutely", opening a sentence, no).
    names = [{w for w in words if mid_sentence[w] >= lowercase[w]} for words in capitalised]
    name_df = Counter(w for found in names for w in found)
    counts = [Counter(_CONTENT.findall(" ".join(body).lower())) for body in bodies]
    word_df = Counter(w for found in counts for w in found)
    total = max(len(reports), 1)
    profiles = []
    for report, found, tally in zip(reports, names, counts, strict=True):
        name_weights = {w: math.log(total / name_df[w]) for w in found}
        word_weights = {
            w: (1 + math.log(n)) * math.log(total / word_df[w]) for w, n in tally.items()
        }
        profiles.append(
            Profile(_normalised(name_weights), _normalised(word_weights), report.published)
        )
    return profiles


def candidate_pairs(
    profiles: Sequence[Profile], max_df: int = MAX_DF
) -> dict[tuple[int, int], float]:
    """Pairs (i < j) sharing a rare proper name, with the cosine of their names."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        for name in profile.names:
            postings[name].append(index)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for name, holders in postings.items():
        if len(holders) < 2 or len(holders) > max_df:
            continue
        weights = [profiles[i].names[name] for i in holders]
        for a in range(len(holders)):
            first, weight = holders[a], weights[a]
            for b in range(a + 1, len(holders)):
                shared[(first, holders[b])] += weight * weights[b]
    # Names too common to block on still count in the cosine of pairs that are compared.
    return {pair: _cosine(profiles[pair[0]].names, profiles[pair[1]].names) for pair in shared}


def pair_score(first: Profile, second: Profile, name_cosine: float) -> float:
    """The evidence that two documents report one incident (see the module docstring)."""
    score = 100.0 * name_cosine
    days = days_apart(first.published, second.published)
    if days is not None:
        score -= GAP_WEIGHT * math.log1p(days)
    return score


def word_score(first: Profile, second: Profile) -> float:
    return WORD_WEIGHT * 100.0 * _cosine(first.words, second.words)


def most_word_score() -> float:
    return WORD_WEIGHT * 100.0


def days_apart(first: date | None, second: date | None) -> int | None:
    if first is None or second is None:
        return None
    return abs((first - second).days)


def _paragraphs(report: Report) -> list[str]:
    text = f"{report.title}\n{report.text}" if report.title else report.text
    return [p.strip() for p in text.split("\n") if p.strip()]


def _capitalised(body: Sequence[str]) -> tuple[set[str], set[str]]:
    """Every capitalised word of the body, and those found where no sentence opens."""
    words: set[str] = set()
    inner: set[str] = set()
    for paragraph in body:
        for match in _CAPITALISED.finditer(paragraph):
            word = match.group().lower().replace("’", "'").removesuffix("'s")
            words.add(word)
            before = paragraph[max(0, match.start() - 3) : match.start()].rstrip()
            if match.start() and before and not before.endswith(_OPENS_SENTENCE):
                inner.add(word)
    return words, inner


def _normalised(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in weights.values()))
    return {w: x / norm for w, x in weights.items() if x > 0} if norm else {}


def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(x * second.get(w, 0.0) for w, x in first.items())
