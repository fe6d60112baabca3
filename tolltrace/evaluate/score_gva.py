"""Gun Violence Archive articles: killed and injured counts per article, and event linking.

Count. An article's killed (injured) count is `metrics.article_count`: the largest figure
(`high`, else `low`) among its non-negated claims of category `killed` (`injured`); an article
with no such claim states no count. An article "states" a count when we extract one; the
figures are the share of those equal to the incident's gold `num_killed` / `num_injured`, the
share at most the gold (early reports give partial counts), and how many articles get no count.
Articles linked to several incidents have no single gold count and are left out of the counts.
The share at most the gold killed + injured (no target) tells a wrong count from a status that
changed: an early report's "in critical condition" is an injury the archive, once the victim
died, counts as a death, so the article's injured count exceeds the gold's injured but not the
incident's victims.

Main-event count. Once articles are linked, an article's count can also be read from the claims
of its main event only (`link.events.main_events`): aggregate statistics ("344 people were
killed in the city last year") and other stories' figures no longer count. Both are reported;
the targets apply to the main-event count ("largest figure in the article" is the baseline).

Linking (issue 4). The articles are linked by `link.events.link_events` (their clean text,
title, publication date and claims, from `extractor.extract_linked`); an article's cluster is
its main event; articles without one are singletons. An extractor that links claims itself
(`Claim.event` set) is scored on its own links instead: an article's cluster is its most
frequent event id. Linking is not scored (None) when the extractor found no claim at all. B³
against the incident ids, an article of several incidents counting as in each.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.datasets import EvalDocument, Extract, GvaGold
from tolltrace.evaluate.extractor import extract_linked
from tolltrace.evaluate.metrics import (
    BCubed,
    Failure,
    Row,
    article_count,
    b_cubed,
    meets,
    ratio,
    render_table,
    targets_json,
)
from tolltrace.evaluate.score_gva_people import PeopleReport, score_people
from tolltrace.link.events import link_events, main_events
from tolltrace.model import Claim, Event


@dataclass(frozen=True, slots=True)
class CountAgreement:
    """How our per-article count of one category compares with the incident's gold count."""

    articles: int  # articles with one gold incident
    stated: int  # articles we give a count
    equal: int  # ... equal to the gold count
    at_most: int  # ... not above the gold count
    within_victims: int = 0  # ... not above the gold killed + injured (everyone harmed)

    @property
    def no_count(self) -> int:
        return self.articles - self.stated

    @property
    def equal_share(self) -> float | None:
        return ratio(self.equal, self.stated)

    @property
    def at_most_share(self) -> float | None:
        return ratio(self.at_most, self.stated)

    @property
    def within_victims_share(self) -> float | None:
        return ratio(self.within_victims, self.stated)

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stated": self.stated,
            "equal": self.equal,
            "at_most": self.at_most,
            "no_count": self.no_count,
            "equal_share": self.equal_share,
            "at_most_share": self.at_most_share,
            "within_victims": self.within_victims,
            "within_victims_share": self.within_victims_share,
        }


@dataclass(frozen=True, slots=True)
class GvaReport:
    documents: int
    killed: CountAgreement
    injured: CountAgreement
    linking: BCubed | None  # None when the extractor links no claim to an event
    multi_incident_articles: int  # left out of the counts
    unknown_incidents: int  # incident ids the documents name but incidents.jsonl lacks
    failures: tuple[Failure, ...]
    dataset: str = "gva"
    part: str = "all"  # the documents scored: tune, check or all (`parts`)
    # The same counts from every claim of the article (the largest figure), before linking
    # chose the main event's claims; None when nothing was linked.
    killed_all: CountAgreement | None = None
    injured_all: CountAgreement | None = None
    events: int | None = None  # events linking found
    linking_seconds: float | None = None
    # Named people against the incidents' participants (`score_gva_people`, issue 20).
    people: PeopleReport | None = None

    def rows(self) -> list[Row]:
        rows: list[Row] = [("documents", self.documents, None)]
        pairs = (
            ("killed", self.killed, self.killed_all),
            ("injured", self.injured, self.injured_all),
        )
        for name, agreement, baseline in pairs:
            rows += [
                (f"{name}: articles with a count", agreement.stated, None),
                (f"{name}: articles without a count", agreement.no_count, None),
                (f"{name}: count = gold", agreement.equal_share, 0.80),
                (f"{name}: count <= gold", agreement.at_most_share, 0.95),
                (f"{name}: count <= gold killed + injured", agreement.within_victims_share, None),
            ]
            if baseline is not None:
                rows += [
                    (f"{name}: whole article count = gold", baseline.equal_share, None),
                    (f"{name}: whole article count <= gold", baseline.at_most_share, None),
                ]
        if self.linking is not None:
            rows += [
                ("linking B3 precision", self.linking.precision, None),
                ("linking B3 recall", self.linking.recall, None),
                ("linking B3 F1", self.linking.f1, 0.90),
            ]
        if self.events is not None:
            rows.append(("events linked", self.events, None))
        if self.linking_seconds is not None:
            rows.append(("linking seconds", round(self.linking_seconds, 2), None))
        if self.people is not None:
            rows += self.people.rows()
        rows += [
            ("multi-incident articles (not counted)", self.multi_incident_articles, None),
            ("extractor failures", len(self.failures), None),
        ]
        return rows

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "part": self.part,
            "documents": self.documents,
            "killed": self.killed.to_json(),
            "injured": self.injured.to_json(),
            "linking": None if self.linking is None else self.linking.to_json(),
            "killed_whole_article": None if self.killed_all is None else self.killed_all.to_json(),
            "injured_whole_article": (
                None if self.injured_all is None else self.injured_all.to_json()
            ),
            "events": self.events,
            "linking_seconds": self.linking_seconds,
            "multi_incident_articles": self.multi_incident_articles,
            "unknown_incidents": self.unknown_incidents,
            "failures": [failure.to_json() for failure in self.failures],
            "people": None if self.people is None else self.people.to_json(),
            "people_errors": [] if self.people is None else list(self.people.errors),
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        return render_table(
            f"gva: killed and injured per article, event linking [part {self.part}]", self.rows()
        )


def _agreement(
    gold: GvaGold, predicted: Mapping[str, tuple[Claim, ...]], category: str
) -> CountAgreement:
    articles = stated = equal = at_most = within = 0
    for doc, incidents in gold.article_incidents.items():
        if len(incidents) != 1 or doc not in predicted:
            continue
        incident = gold.incidents[incidents[0]]
        truth = incident.killed if category == "killed" else incident.injured
        articles += 1
        count = article_count(predicted[doc], [category])
        if count is None:
            continue
        stated += 1
        equal += count == truth
        at_most += count <= truth
        within += count <= incident.killed + incident.injured
    return CountAgreement(articles, stated, equal, at_most, within)


def linked_event(claims: Sequence[Claim]) -> str | None:
    """The article's event: the most frequent `Claim.event` among its claims."""
    events = Counter(claim.event for claim in claims if claim.event is not None)
    return events.most_common(1)[0][0] if events else None


def main_event_claims(
    predicted: Mapping[str, tuple[Claim, ...]], events: Sequence[Event]
) -> dict[str, tuple[Claim, ...]]:
    """Each article's claims that its main event holds (all of them when it has none)."""
    main = main_events(events)
    members = {event.id: frozenset(event.claims) for event in events}
    return {
        doc: tuple(c for c in claims if c.id in members[main[doc]]) if doc in main else claims
        for doc, claims in predicted.items()
    }


def score_gva(gold: GvaGold, documents: Sequence[EvalDocument], extract: Extract) -> GvaReport:
    predicted, linked, failures = extract_linked(documents, extract)
    in_corpus = {doc: ids for doc, ids in gold.article_incidents.items() if doc in predicted}
    own = {doc: event for doc, claims in predicted.items() if (event := linked_event(claims))}
    counted: Mapping[str, tuple[Claim, ...]] = predicted
    linking: BCubed | None = None
    events: list[Event] | None = None
    seconds: float | None = None
    main: Mapping[str, str] = own
    if own:  # the extractor links claims itself
        linking = b_cubed(in_corpus, own)
    elif any(predicted.values()):
        started = time.perf_counter()
        events = link_events([linked[d.id] for d in documents if d.id in linked])
        seconds = time.perf_counter() - started
        main = main_events(events)
        linking = b_cubed(in_corpus, main)
        counted = main_event_claims(predicted, events)
    people = score_people(gold, linked, main) if any(predicted.values()) else None
    return GvaReport(
        documents=len(documents),
        killed=_agreement(gold, counted, "killed"),
        injured=_agreement(gold, counted, "injured"),
        linking=linking,
        multi_incident_articles=sum(1 for ids in in_corpus.values() if len(ids) > 1),
        unknown_incidents=len(gold.unknown_incidents),
        failures=failures,
        killed_all=None if events is None else _agreement(gold, predicted, "killed"),
        injured_all=None if events is None else _agreement(gold, predicted, "injured"),
        events=None if events is None else len(events),
        linking_seconds=seconds,
        people=people,
    )
