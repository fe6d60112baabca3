"""Independent sources: relays count once, names of one source merge, affiliations merge.

Fictional: the Harbour Square killings in the Republic of Veloria.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tolltrace.errors import BadRecord, NotFound
from tolltrace.model import Claim, Event
from tolltrace.reconcile.affiliations import (
    NO_AFFILIATIONS,
    Affiliations,
    load_affiliations,
    source_key,
)
from tolltrace.reconcile.findings import reconcile_event
from tolltrace.reconcile.sources import (
    SourceDocument,
    clean_attribution,
    independent_source_count,
    outlet_name,
)

EVENT = "ev-harbour"
DOCUMENTS = {
    "vrw": SourceDocument("vrw", "https://vrw.example/report", "Veloria Rights Watch",
                          "2031-03-15", "Harbour Square: the dead"),
    "wire": SourceDocument("wire", "https://www.velwire.example/a", "velwire.example",
                           "2031-03-15", None),
    "post": SourceDocument("post", "https://selvanpost.example/b", "Selvan Post",
                           "2031-03-16", None),
    "gov": SourceDocument("gov", "https://interior.gov.example/c", "interior.gov.example",
                          "2031-03-15", None),
    "tv": SourceDocument("tv", "https://statetv.example/d", "State TV", "2031-03-15", None),
}  # fmt: skip


def claim(claim_id: str, document: str, text: str, low: int, high: int | None,
          qualifier: str, source: str | None) -> Claim:  # fmt: skip
    return Claim(
        id=claim_id, document=document, uri=DOCUMENTS[document].uri, text=text,
        sentence=f"{text}.", start=0, end=len(text), raw_start=0, raw_end=len(text), low=low,
        high=high, qualifier=qualifier, category="killed", subject="people", event=EVENT,
        attributed_to=source,
    )  # fmt: skip


CLAIMS = [
    claim("own", "vrw", "at least 40 people were killed", 40, None, "at_least", None),
    claim("relay1", "wire", "at least 40 people were killed", 40, None, "at_least",
          "rights group VRW"),
    claim("relay2", "post", "at least 40 people were killed", 40, None, "at_least",
          "the Veloria Rights Watch, a Selvan-based monitor"),
    claim("gov", "gov", "12 people died", 12, 12, "exact", "Interior Ministry"),
    claim("tv", "tv", "12 people died", 12, 12, "exact", "ministry"),
]  # fmt: skip
EVENT_RECORD = Event(EVENT, "the Harbour Square killings", "killed", "2031-03-14",
                     "Port Selvan", tuple(DOCUMENTS), tuple(c.id for c in CLAIMS))  # fmt: skip


def test_relays_count_as_one_source() -> None:
    [finding] = reconcile_event(EVENT_RECORD, CLAIMS, DOCUMENTS)
    primary = {figure.claim: figure.primary_source for figure in finding.figures}
    assert primary["own"] == primary["relay1"] == primary["relay2"] == "Veloria Rights Watch"
    assert primary["gov"] == primary["tv"] == "Interior Ministry"
    support = {item.figure: item for item in finding.support}
    forty, twelve = support["at least 40"], support["12"]
    assert (forty.figure, forty.sources, forty.independent) == (
        "at least 40", ("Veloria Rights Watch",), 1,
    )  # fmt: skip
    assert set(forty.relays) == {"velwire.example", "Selvan Post"}
    assert (twelve.figure, twelve.sources) == ("12", ("Interior Ministry",))
    assert set(twelve.relays) == {"interior.gov.example", "State TV"}
    assert independent_source_count(finding) == 2
    assert not finding.consistent and len(finding.contradictions) == 1


def test_affiliation_table_merges_two_sources(tmp_path: Path) -> None:
    table = tmp_path / "affiliations.csv"
    table.write_text(
        "source,affiliated_with\nState TV,Interior Ministry\ninterior.gov.example,Interior "
        "Ministry\nSelvan Post,Veloria Rights Watch\n"
    )
    affiliations = load_affiliations(table)
    assert affiliations.canonical("the state tv") == "Interior Ministry"
    claims = [*CLAIMS[:3], claim("tv", "tv", "12 people died", 12, 12, "exact", None)]
    claims.append(claim("gov", "gov", "12 people died", 12, 12, "exact", None))
    [alone] = reconcile_event(EVENT_RECORD, claims, DOCUMENTS)
    alone_support = {item.figure: item for item in alone.support}
    assert alone_support["12"].independent == 2  # the TV and the ministry's site
    assert alone_support["at least 40"].independent == 1
    [merged] = reconcile_event(EVENT_RECORD, claims, DOCUMENTS, affiliations)
    support = {item.figure: item for item in merged.support}
    assert support["12"].sources == ("Interior Ministry",)
    assert support["at least 40"].sources == ("Veloria Rights Watch",)
    assert support["at least 40"].relays == ("velwire.example",)  # the Post is the monitor's


def test_affiliations_are_transitive_and_named_by_the_organisation() -> None:
    affiliations = Affiliations.from_pairs(
        [("Harbour Daily", "Popular Front"), ("Front TV", "Popular Front"), ("PF", "Front TV")]
    )
    assert {affiliations.canonical(n) for n in ("Harbour Daily", "front tv", "PF")} == {
        "Popular Front"
    }
    assert affiliations.canonical("Selvan Post") == "Selvan Post"
    assert not NO_AFFILIATIONS and affiliations


def test_malformed_affiliation_tables_name_the_line(tmp_path: Path) -> None:
    no_header = tmp_path / "a.csv"
    no_header.write_text("State TV,Interior Ministry\n")
    with pytest.raises(BadRecord, match=r"a\.csv:1 .*source,affiliated_with"):
        load_affiliations(no_header)
    short = tmp_path / "b.csv"
    short.write_text("source,affiliated_with\nState TV,Interior Ministry\n\nSelvan Post\n")
    with pytest.raises(BadRecord, match=r"b\.csv:4 has 1 field"):
        load_affiliations(short)
    empty = tmp_path / "c.csv"
    empty.write_text("source,affiliated_with\n,Interior Ministry\n")
    with pytest.raises(BadRecord, match=r"c\.csv:2 has an empty"):
        load_affiliations(empty)
    with pytest.raises(NotFound):
        load_affiliations(tmp_path / "missing.csv")
    assert BadRecord.code == "T106"


def test_source_names_are_cleaned_and_keyed() -> None:
    assert source_key("The Veloria Rights-Watch") == source_key("veloria rights watch")
    assert source_key("https://www.velwire.example/x") == source_key("velwire.example")
    cleaned = clean_attribution("opposition Harbour Renewal Front (HRF/FRH)")
    assert cleaned is not None and cleaned.name == "Harbour Renewal Front"
    assert cleaned.aliases == ("HRF", "FRH")
    assert clean_attribution("he") is None
    witnesses = clean_attribution("Witnesses")
    assert witnesses is not None and witnesses.unnamed
    spokesman = clean_attribution("its spokesman, Arvo Lindqvist")
    assert spokesman is not None and spokesman.name == "Arvo Lindqvist"
    member = clean_attribution("a senior official of the Ministry of Ports and Roads (MPR)")
    assert member is not None and member.name == "Ministry of Ports and Roads"
    assert member.aliases == ("MPR",)
    # Someone related to a named person is not that person.
    advisor = clean_attribution("a former advisor to the regime's Prime Minister Arno Velt")
    assert advisor is not None and advisor.name.startswith("former advisor to")


def test_unnamed_witnesses_are_each_outlets_own_source() -> None:
    claims = [
        claim("w1", "post", "at least 40 people were killed", 40, None, "at_least", "witnesses"),
        claim("w2", "wire", "at least 40 people were killed", 40, None, "at_least", "witnesses"),
    ]
    [finding] = reconcile_event(EVENT_RECORD, claims, DOCUMENTS)
    assert set(finding.support[0].sources) == {
        "Selvan Post: witnesses",
        "velwire.example: witnesses",
    }


def test_outlet_name() -> None:
    assert outlet_name("https://www.velwire.example/2031/harbour") == "velwire.example"
    assert outlet_name("https://velwire.example/x", site="Velwire") == "Velwire"
    assert outlet_name("/data/scrapes/selvan-post_harbour.txt") == "selvan-post_harbour"


def test_spelling_variants_and_short_names_of_one_source_merge() -> None:
    claims = [
        claim("v1", "wire", "at least 40 people were killed", 40, None, "at_least",
              "Veloria Human-Rights Watch"),
        claim("v2", "post", "at least 40 people were killed", 40, None, "at_least",
              "Velorian Human Rights Watch"),
        claim("v3", "tv", "at least 40 people were killed", 40, None, "at_least", "the Watch"),
        claim("v4", "gov", "at least 40 people were killed", 40, None, "at_least",
              "Harbour Watch"),
    ]  # fmt: skip
    [finding] = reconcile_event(EVENT_RECORD, claims, DOCUMENTS)
    primary = {figure.claim: figure.primary_source for figure in finding.figures}
    assert primary["v1"] == primary["v2"]
    assert primary["v3"] == "Watch"  # two longer names end in "Watch": ambiguous, kept apart
    assert primary["v4"] == "Harbour Watch"
    assert finding.support[0].independent == 3
