"""The evaluation flow with linking: gva article clustering and advocacy events, on fiction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.test_link_events import (
    ANNIVERSARY,
    HARROW_PARK,
    LISK_ROAD,
    REPORT,
    TAVERN_FIRST,
    TAVERN_LATER,
    claim,
    shootings,
)
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.extractor import LinkedClaims, extract_linked, raw_link_document
from tolltrace.evaluate.score_advocacy import AdvocacyReport
from tolltrace.evaluate.score_gva import GvaReport
from tolltrace.evaluate.scoring import run
from tolltrace.link.events import LinkDocument
from tolltrace.model import Claim

TEXTS = {"tavern-1": TAVERN_FIRST, "tavern-2": TAVERN_LATER, "lisk": LISK_ROAD}
TEXTS["harrow"] = HARROW_PARK


def jsonl(path: Path, records: Sequence[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def gva_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gva"
    jsonl(
        folder / "incidents.jsonl",
        [
            {"incident_id": "601", "num_killed": 3, "num_injured": 1},
            {"incident_id": "602", "num_killed": 0, "num_injured": 1},
            {"incident_id": "603", "num_killed": 1, "num_injured": 0},
        ],
    )
    incident = {"tavern-1": "601", "tavern-2": "601", "lisk": "602", "harrow": "603"}
    jsonl(
        folder / "documents.jsonl",
        [
            {"id": d.id, "title": d.title, "dct": d.published, "uri": d.uri,
             "content": d.text, "incident_id": incident[d.id]}
            for d in shootings()
        ],
    )  # fmt: skip
    return folder


CLAIMS = {d.id: d.claims for d in shootings()}


def plain(document: EvalDocument) -> Sequence[Claim]:
    return CLAIMS[document.id]


def linked(document: EvalDocument) -> LinkedClaims:
    return LinkedClaims(CLAIMS[document.id], raw_link_document(document, CLAIMS[document.id]))


@pytest.mark.parametrize("extract", [plain, linked])
def test_gva_links_articles_into_incidents(tmp_path: Path, extract: object) -> None:
    report = run("gva", gva_folder(tmp_path), extract)  # type: ignore[arg-type]
    assert isinstance(report, GvaReport)
    assert report.linking is not None
    assert (report.linking.precision, report.linking.recall) == (1.0, 1.0)
    assert report.events is not None and report.linking_seconds is not None
    assert "linking B3 F1" in report.render()
    assert report.to_json()["linking"]["f1"] == 1.0


def test_gva_main_event_count_leaves_out_statistics(tmp_path: Path) -> None:
    report = run("gva", gva_folder(tmp_path), plain)
    assert isinstance(report, GvaReport)
    assert report.killed_all is not None
    # tavern-1 gives an early, partial 2 of 3. harrow: 344 "killed in the city last year" is
    # the article's largest figure, not its incident's (1).
    assert (report.killed.stated, report.killed.equal, report.killed.at_most) == (3, 2, 3)
    assert (report.killed_all.stated, report.killed_all.equal, report.killed_all.at_most) == (
        3, 1, 2,
    )  # fmt: skip
    assert "killed: whole article count = gold" in report.render()


def test_extract_linked_records_failures_and_keeps_link_documents() -> None:
    docs = [EvalDocument("tavern-1", TAVERN_FIRST, "2031-03-04"), EvalDocument("x", "", None)]

    def extract(document: EvalDocument) -> Sequence[Claim]:
        if document.id == "x":
            raise ValueError("no text")
        return linked(document)

    claims, documents, failures = extract_linked(docs, extract)
    assert claims["x"] == () and len(claims["tavern-1"]) == 2
    assert isinstance(documents["tavern-1"], LinkDocument)
    assert documents["x"].text == "" and [f.document for f in failures] == ["x"]


def advocacy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "advocacy"
    folder.mkdir()
    gold = {
        "claims": [
            {"doc": "201", "quote": "executed at least 400 prisoners", "value": 400,
             "qualifier": "at_least", "category": "executed", "event": "2029-massacre"},
            {"doc": "201", "quote": "a journalist was arrested", "value": 1,
             "qualifier": "exact", "category": "arrested", "event": "2033-arrest"},
            {"doc": "202", "quote": "more than 450 prisoners were executed", "value": 450,
             "qualifier": "more_than", "category": "executed", "event": "2029-massacre"},
        ],
        "dates": {"201": "2033-06-02", "202": "2034-01-15"},
    }  # fmt: skip
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (folder / "201_anniversary.txt").write_text(ANNIVERSARY, encoding="utf-8")
    (folder / "202_report.txt").write_text(REPORT, encoding="utf-8")
    return folder


ADVOCACY_CLAIMS = {
    "201": (
        claim("201", ANNIVERSARY, "executed at least 400 prisoners", "executed", 400),
        claim("201", ANNIVERSARY, "a journalist was arrested", "arrested", 1, "2033-05-31"),
    ),
    "202": (claim("202", REPORT, "more than 450 prisoners were executed", "executed", 450),),
}


def test_advocacy_links_the_named_event_across_both_articles(tmp_path: Path) -> None:
    report = run("advocacy", advocacy_folder(tmp_path), lambda d: ADVOCACY_CLAIMS[d.id])
    assert isinstance(report, AdvocacyReport)
    assert report.whole == (("2029-massacre", True),)
    assert report.events is not None and report.events.f1 == 1.0
    table = report.render()
    assert "event 2029-massacre: one event across documents" in table and "yes" in table
    assert report.to_json()["whole_events"] == {"2029-massacre": True}
