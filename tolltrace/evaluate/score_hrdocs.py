"""hrdocs: figures (value, category family, words), qualifiers, sources, and event clustering.

The rules are those of the data set's README and its reference scorer (`score.py` in the
folder), so both give the same figures on the same exports:

Matching. A gold figure matches a claim of its document whose value fits (the number is the
claim's low or high; a gold range needs both ends, or one when the claim is the figure's own
words; a claim that is a range fits a single number only when it is its own words; a vague
magnitude, `value: null`, fits a claim whose low lies in its decade), whose category is of
the figure's family (killed/executed/victims; arrested/detained/imprisoned; the others alone;
`category_also` widens it; `any_category` figures take any) and whose sentence holds the quote
(or whose words lie inside it). A claim's words are a figure's "own words" when they overlap
the quote in the sentence. Each claim matches one figure at most, in two passes: first own
words only, then the rest, never taking a claim that is another figure's own words; in each
pass required figures first, the fewest candidates first; among candidates own words first,
then right qualifier, right category, shorter sentence, export order.

Counting. recall = matched required / required; precision = matched required / (matched
required + false positives), a false positive being a left-over claim of a casualty category
(not `protesters` or `other`); a left-over claim that is a matched figure's own words with a
fitting value is a duplicate reading, not a false positive. Category, qualifier and source
accuracy are over matched required figures (source: those whose source is scored; also apart
for named and null gold sources).

Events (`score_events`): each document in its majority system event, against its gold main
event (B³); and each document as the set of system events listing it against its gold events
(main and in passing), with the extended B³ for overlapping clusters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tolltrace.evaluate.hrdocs import (
    ExportedClaim,
    HrdocsGold,
    HrFigure,
    document_ids,
    export_pipeline,
    file_document_id,
    load_hrdocs,
    norm,
    part_files,
)
from tolltrace.evaluate.hrdocs_events import score_events
from tolltrace.evaluate.hrdocs_report import HrdocsReport
from tolltrace.evaluate.magnitudes import in_decade
from tolltrace.evaluate.metrics import Accuracy, Failure, ratio
from tolltrace.evaluate.parts import ALL, in_part

FAMILY = {
    "killed": "death", "executed": "death", "victims": "death",
    "arrested": "arrest", "detained": "arrest", "imprisoned": "arrest",
    "injured": "injured", "sentenced": "sentenced", "disappeared": "disappeared",
    "tortured": "tortured", "displaced": "displaced",
}  # fmt: skip
CASUALTY = frozenset(FAMILY)  # `protesters` and `other` claims are never false positives


def _spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    found, at = [], haystack.find(needle) if needle else -1
    while at >= 0:
        found.append((at, at + len(needle)))
        at = haystack.find(needle, at + 1)
    return found


def own_words(figure: HrFigure, claim: ExportedClaim) -> bool:
    """The claim's words overlap the quote in its sentence (failing that, one holds the other)."""
    quote = norm(figure.quote)
    quotes, texts = _spans(claim.sentence, quote), _spans(claim.sentence, claim.text)
    if quotes and texts:
        return any(a < d and c < b for a, b in quotes for c, d in texts)
    return len(claim.text) > 3 and (claim.text in quote or quote in claim.text)


def value_fits(figure: HrFigure, claim: ExportedClaim) -> bool:
    low, high = claim.low, claim.high
    if figure.magnitude is not None:
        return in_decade(low if low is not None else high, figure.magnitude)
    if figure.low is not None:  # a gold range
        if (low, high) == (figure.low, figure.high):
            return True
        ends = {figure.low, figure.high} - {None}
        return bool({low, high} & ends) and own_words(figure, claim)
    if low is not None and high is not None and low != high and not own_words(figure, claim):
        return False
    return figure.value in (low, high)


def family_fits(figure: HrFigure, claim: ExportedClaim) -> bool:
    if figure.any_category:
        return True
    families = {FAMILY.get(c) for c in (figure.category, *figure.category_also)} - {None}
    return FAMILY.get(claim.category) in families


def near(figure: HrFigure, claim: ExportedClaim) -> bool:
    """The claim's sentence holds the quote, or its words lie inside the quote."""
    quote = norm(figure.quote)
    return quote in claim.sentence or (len(claim.text) > 3 and claim.text in quote)


def category_right(figure: HrFigure, claim: ExportedClaim) -> bool:
    if claim.category == figure.category or claim.category in figure.category_also:
        return True
    return figure.category == "victims" and FAMILY.get(claim.category) == "death"


def qualifier_right(figure: HrFigure, claim: ExportedClaim) -> bool:
    return claim.qualifier in figure.qualifiers


def alias_hit(alias: str, source: str) -> bool:
    """An alias "=x" names the whole name x only; one under 5 characters, whole words only."""
    if alias.startswith("="):
        return source == alias[1:]
    if len(alias) < 5:
        return re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", source) is not None
    return alias in source


def source_right(figure: HrFigure, claim: ExportedClaim, gold: HrdocsGold) -> bool:
    """The claim names one of the figure's sources (a null source: none, or the outlet)."""
    named = norm(claim.attributed_to)
    given = [named] + ([norm(claim.attributed_as)] if claim.attributed_as else [])
    given = [name for name in given if name]
    for source in figure.sources:
        if source is None:
            outlet = gold.outlets.get(figure.doc, ())
            if not named or any(alias_hit(a, s) for a in outlet for s in given):
                return True
            continue
        names = (source.lower(), *gold.aliases.get(source, ()))
        if any(alias_hit(a, s) for a in names for s in given):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Matching:
    """Which claim each gold figure got, and what the left-over claims are."""

    match: Mapping[int, int]  # figure index -> claim index
    duplicates: frozenset[int]  # claim indices: a matched figure's own words read again
    false_positives: tuple[int, ...]  # claim indices


def match_figures(figures: Sequence[HrFigure], claims: Sequence[ExportedClaim]) -> Matching:
    by_doc: dict[str | None, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        by_doc[claim.doc].append(index)
    candidates: dict[int, list[int]] = {}
    own: dict[int, set[int]] = defaultdict(set)  # claim -> figures whose own words it is
    for g, figure in enumerate(figures):
        mine = [(i, claims[i]) for i in by_doc.get(figure.doc, [])]
        candidates[g] = [
            i
            for i, c in mine
            if value_fits(figure, c) and family_fits(figure, c) and near(figure, c)
        ]
        for i, claim in mine:
            if own_words(figure, claim):
                own[i].add(g)
    order = sorted(
        range(len(figures)), key=lambda g: (not figures[g].required, len(candidates[g]), g)
    )
    match: dict[int, int] = {}
    for first_pass in (True, False):
        for g in order:
            if g in match:
                continue
            free = [
                i
                for i in candidates[g]
                if i not in match.values() and (g in own[i] if first_pass else not own[i] - {g})
            ]
            if free:
                figure = figures[g]
                match[g] = min(
                    free,
                    key=lambda i: (
                        g not in own[i],
                        not qualifier_right(figure, claims[i]),
                        not category_right(figure, claims[i]),
                        len(claims[i].sentence),
                        i,
                    ),
                )
    used = set(match.values())
    duplicates = frozenset(
        i
        for i, claim in enumerate(claims)
        if i not in used and any(g in match and value_fits(figures[g], claim) for g in own[i])
    )
    false_positives = tuple(
        i
        for i, claim in enumerate(claims)
        if i not in used and i not in duplicates and claim.category in CASUALTY
    )
    return Matching(match, duplicates, false_positives)


def score_exports(
    gold: HrdocsGold,
    claim_records: Sequence[Mapping[str, Any]],
    event_records: Sequence[Mapping[str, Any]],
    documents: frozenset[str],
    doc_of: Mapping[str, str] | None = None,
    part: str = ALL,
    failures: tuple[Failure, ...] = (),
) -> HrdocsReport:
    """Score claim and event export records on the gold `documents`.

    `doc_of` maps a stored document id (SHA-256 of the file) to its gold id; a claim whose
    document it does not know takes the id of its uri's file name.
    """
    known = dict(doc_of or {})
    every = [
        ExportedClaim.from_record(r, known.get(str(r.get("document"))) or _uri_doc(r))
        for r in claim_records
    ]
    claims = [claim for claim in every if claim.doc in documents]
    figures = [figure for figure in gold.figures if figure.doc in documents]
    matching = match_figures(figures, claims)
    match = matching.match
    required = [g for g, f in enumerate(figures) if f.required]
    hits = [g for g in required if g in match]
    scored = [g for g in hits if not figures[g].source_unscored]
    sourced = {g for g in scored if source_right(figures[g], claims[match[g]], gold)}
    named = [g for g in scored if figures[g].source is not None]
    null = [g for g in scored if figures[g].source is None]
    by_event: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in required:
        by_event[figures[g].event or "(none)"][1] += 1
        by_event[figures[g].event or "(none)"][0] += g in match
    events = score_events(gold, event_records, every, documents, known)

    def listed(keep: Callable[[int], bool], detail: Callable[[int], str]) -> tuple[str, ...]:
        return tuple(
            f"{figures[g].doc}: {figures[g].quote} [{detail(g)}]" for g in hits if not keep(g)
        )

    return HrdocsReport(
        part=part,
        documents=len(documents),
        gold_required=len(required),
        gold_optional=len(figures) - len(required),
        system_claims=len(claims),
        system_casualty_claims=sum(1 for claim in claims if claim.category in CASUALTY),
        matched_required=len(hits),
        matched_optional=sum(1 for g in match if not figures[g].required),
        false_positive_count=len(matching.false_positives),
        duplicate_readings=len(matching.duplicates),
        recall=Accuracy(len(hits), len(required)),
        precision=ratio(len(hits), len(hits) + len(matching.false_positives)),
        category=Accuracy(
            sum(category_right(figures[g], claims[match[g]]) for g in hits), len(hits)
        ),
        qualifier=Accuracy(
            sum(qualifier_right(figures[g], claims[match[g]]) for g in hits), len(hits)
        ),
        source=Accuracy(len(sourced), len(scored)),
        source_named=Accuracy(sum(g in sourced for g in named), len(named)),
        source_null=Accuracy(sum(g in sourced for g in null), len(null)),
        recall_by_event=tuple(
            (key, found, total) for key, (found, total) in sorted(by_event.items()) if total >= 3
        ),
        events=events,
        misses=tuple(
            f"{figures[g].doc}: {figures[g].quote} [{figures[g].category} {figures[g].shown()}]"
            for g in required
            if g not in match
        ),
        false_positives=tuple(
            f"{claims[i].doc}: {claims[i].words} [{claims[i].brief()}] | {claims[i].sentence[:160]}"
            for i in matching.false_positives
        ),
        wrong_category=listed(
            lambda g: category_right(figures[g], claims[match[g]]),
            lambda g: f"gold {figures[g].category}; got {claims[match[g]].category}",
        ),
        wrong_qualifier=listed(
            lambda g: qualifier_right(figures[g], claims[match[g]]),
            lambda g: f"gold {figures[g].qualifier}; got {claims[match[g]].qualifier}",
        ),
        wrong_source=tuple(
            f"{figures[g].doc}: {figures[g].quote} "
            f"[gold {figures[g].source}; got {claims[match[g]].attributed_to}]"
            for g in scored
            if g not in sourced
        ),
        failures=failures,
    )


def _uri_doc(record: Mapping[str, Any]) -> str | None:
    uri = record.get("uri")
    return file_document_id(Path(str(uri)).name) if uri else None


def run_hrdocs(
    folder: Path, part: str = ALL, progress: Callable[[int, int], None] | None = None
) -> HrdocsReport:
    """Run the pipeline on the part's documents of an hrdocs folder and score its exports."""
    gold, files = load_hrdocs(folder)
    exported = export_pipeline(part_files(files, part), progress)
    documents = frozenset(doc for doc in gold.documents if in_part(doc, part))
    return score_exports(
        gold, exported.claims, exported.events, documents, document_ids(files), part,
        exported.failures,
    )  # fmt: skip
