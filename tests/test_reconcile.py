"""Reconciliation: consensus intervals, contradictions with quotes, rising counts over time.

Fictional events in the fictional Republic of Veloria.
"""

from __future__ import annotations

from tolltrace.model import Claim, Event
from tolltrace.reconcile.findings import allowed_interval, reconcile_event, strictly_before
from tolltrace.reconcile.sources import SourceDocument

EVENT = "ev-harbour"


def claim(
    claim_id: str,
    document: str,
    text: str,
    low: int | None,
    high: int | None,
    qualifier: str,
    *,
    category: str = "killed",
    source: str | None = None,
    negated: bool = False,
    start: int = 0,
) -> Claim:
    sentence = f"In Harbour Square, {text}."
    return Claim(
        id=claim_id,
        document=document,
        uri=f"https://{document}.example/harbour",
        text=text,
        sentence=sentence,
        start=start,
        end=start + len(text),
        raw_start=start,
        raw_end=start + len(text),
        low=low,
        high=high,
        qualifier=qualifier,
        category=category,
        subject="protesters",
        event=EVENT,
        attributed_to=source,
        negated=negated,
    )


def event(*claims: Claim) -> Event:
    return Event(
        id=EVENT,
        label="the Harbour Square killings",
        type="killed",
        when="2031-03-14",
        where="Port Selvan",
        documents=tuple(sorted({c.document for c in claims})),
        claims=tuple(c.id for c in claims),
    )


def docs(**published: str | None) -> dict[str, SourceDocument]:
    return {
        name: SourceDocument(name, f"https://{name}.example/harbour", name.title(), date, None)
        for name, date in published.items()
    }


def test_intervals_follow_the_schema_conventions() -> None:
    assert allowed_interval(1000, None, "at_least") == (1000, None)
    assert allowed_interval(1500, None, "more_than") == (1501, None)
    assert allowed_interval(30000, 30000, "approximately") == (27000, 33000)
    assert allowed_interval(200, 300, "range") == (200, 300)
    assert allowed_interval(24, None, "vague") == (24, None)
    assert allowed_interval(12, 12, "exact") == (12, 12)
    assert allowed_interval(None, 10, "less_than") == (0, 9)
    assert allowed_interval(None, 10, "at_most") == (0, 10)
    assert allowed_interval(5, 5, "approximately") == (4, 6)  # at least ±1


def test_consensus_of_at_least_and_approximately() -> None:
    claims = [
        claim("c1", "monitor", "at least 40 people were shot dead", 40, None, "at_least"),
        claim("c2", "herald", "about 45 people were killed", 45, 45, "approximately"),
    ]
    [finding] = reconcile_event(event(*claims), claims, docs(monitor="2031-03-15", herald=None))
    assert finding.consistent
    assert (finding.low, finding.high) == (41, 49)  # at least 40, and 45 ± 4
    assert finding.contradictions == ()


def test_contradiction_is_found_and_quotes_both_claims() -> None:
    claims = [
        claim("m1", "monitor", "at least 40 protesters were killed", 40, None, "at_least",
              source="Veloria Rights Watch"),
        claim("g1", "gov", "12 people died", 12, 12, "exact", source="Interior Ministry"),
    ]  # fmt: skip
    documents = docs(monitor="2031-03-15", gov="2031-03-15")
    [finding] = reconcile_event(event(*claims), claims, documents)
    assert not finding.consistent
    assert finding.low is None and finding.high is None
    [contradiction] = finding.contradictions
    assert {contradiction.first, contradiction.second} == {"m1", "g1"}
    assert "“at least 40”" in contradiction.reason and "“12”" in contradiction.reason
    assert contradiction.reason in ("“at least 40” is above “12”", "“12” is below “at least 40”")


def test_over_a_number_above_an_estimate_is_a_contradiction_with_the_band() -> None:
    claims = [
        claim("a", "herald", "an estimated 30,000 prisoners were executed", 30000, 30000,
              "approximately", category="executed"),
        claim("b", "monitor", "over 33,700 prisoners were executed", 33700, None, "more_than",
              category="executed", source="Veloria Rights Watch"),
        claim("c", "ledger", "more than 30,000 prisoners were executed", 30000, None,
              "more_than", category="executed"),
    ]  # fmt: skip
    documents = docs(herald="2030-08-01", monitor="2031-08-01", ledger="2031-09-01")
    [finding] = reconcile_event(event(*claims), claims, documents)
    assert finding.category == "executed"
    assert [f.claim for f in finding.figures] == ["a", "b", "c"]  # the timeline
    [contradiction] = finding.contradictions  # "more than 30,000" agrees with both
    assert (contradiction.first, contradiction.second) == ("a", "b")
    assert contradiction.reason == (
        "“an estimated 30,000” (read as 27,000–33,000) is below “over 33,700”"
    )


def test_rising_count_from_the_same_voice_is_a_timeline_change() -> None:
    claims = [
        claim("d1", "courier", "three people were killed", 3, 3, "exact"),
        claim("d2", "post", "at least five people were killed", 5, None, "at_least"),
        claim("d3", "courier2", "seven people were killed", 7, 7, "exact"),
    ]
    documents = docs(courier="2031-03-14", post="2031-03-15", courier2="2031-03-17")
    [finding] = reconcile_event(event(*claims), claims, documents)
    assert finding.consistent and finding.contradictions == ()
    assert (finding.low, finding.high) == (7, 7)
    superseded = {f.claim: f.superseded_by for f in finding.figures}
    assert superseded == {"d1": "d2", "d2": None, "d3": None}


def test_decrease_or_same_day_difference_is_a_contradiction() -> None:
    falling = [
        claim("e1", "courier", "nine people were killed", 9, 9, "exact"),
        claim("e2", "post", "six people were killed", 6, 6, "exact"),
    ]
    [finding] = reconcile_event(
        event(*falling), falling, docs(courier="2031-03-14", post="2031-03-16")
    )
    assert not finding.consistent and len(finding.contradictions) == 1
    same_day = [
        claim("f1", "courier", "six people were killed", 6, 6, "exact"),
        claim("f2", "post", "nine people were killed", 9, 9, "exact"),
    ]
    [finding] = reconcile_event(
        event(*same_day), same_day, docs(courier="2031-03-14", post="2031-03-14")
    )
    assert not finding.consistent
    assert finding.contradictions[0].reason == "“six” is below “nine”"


def test_later_larger_figure_from_another_named_source_is_a_contradiction() -> None:
    claims = [
        claim("g1", "gov", "12 people died", 12, 12, "exact", source="Interior Ministry"),
        claim("m1", "monitor", "at least 40 were killed", 40, None, "at_least",
              source="Veloria Rights Watch"),
    ]  # fmt: skip
    [finding] = reconcile_event(
        event(*claims), claims, docs(gov="2031-03-14", monitor="2031-03-20")
    )
    assert not finding.consistent
    assert all(f.superseded_by is None for f in finding.figures)


def test_negated_claims_are_shown_but_do_not_constrain() -> None:
    claims = [
        claim("n1", "gov", "12 prisoners were killed", 12, 12, "exact", negated=True,
              source="Interior Ministry"),
        claim("n2", "monitor", "at least 30 prisoners were killed", 30, None, "at_least"),
    ]  # fmt: skip
    [finding] = reconcile_event(event(*claims), claims, docs(gov=None, monitor=None))
    assert finding.consistent and (finding.low, finding.high) == (30, None)
    assert [f.negated for f in finding.figures] == [True, False]
    assert [s.figure for s in finding.support] == ["at least 30"]


def test_one_finding_per_category_and_only_the_events_claims() -> None:
    claims = [
        claim("k1", "monitor", "at least 40 were killed", 40, None, "at_least"),
        claim("i1", "monitor", "dozens were injured", 24, None, "vague", category="injured"),
        claim("a1", "monitor", "200 were arrested", 200, 200, "exact", category="arrested"),
    ]
    other = Claim(**{**_fields(claims[0]), "id": "x1", "event": "ev-other"})
    findings = reconcile_event(event(*claims), [*claims, other], docs(monitor="2031-03-15"))
    assert [f.category for f in findings] == ["killed", "injured", "arrested"]
    assert all("x1" not in {fig.claim for fig in f.figures} for f in findings)
    assert reconcile_event(event(), [], {}) == []


def test_dates_are_compared_at_their_shared_precision() -> None:
    assert strictly_before("2031-03", "2031-04-02")
    assert not strictly_before("2031-03", "2031-03-02")
    assert not strictly_before(None, "2031-03-02")
    assert strictly_before("2030", "2031-01-01")


def _fields(item: Claim) -> dict[str, object]:
    return {name: getattr(item, name) for name in Claim.__dataclass_fields__}
