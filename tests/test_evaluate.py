"""The evaluation harness: loaders read each data set's layout, scorers give hand-counted figures.

Every data set here is invented, in the same layout as the real ones; the real folders (when
`../shared/eval` exists) are only loaded, in the last tests, to check the layouts still match.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

from tolltrace.errors import BadRecord, NotFound, Unsupported
from tolltrace.evaluate import datasets
from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.metrics import (
    PRF,
    Report,
    article_count,
    b_cubed,
    best_matching,
    extract_all,
    sources_agree,
    sources_overlap,
)
from tolltrace.evaluate.score_advocacy import score_advocacy
from tolltrace.evaluate.score_case2021 import score_case2021, snippet_event_type
from tolltrace.evaluate.score_gva import score_gva
from tolltrace.evaluate.score_newsquant import counts_people_or_things, score_newsquant
from tolltrace.evaluate.scoring import (
    DATASETS,
    AdvocacyReport,
    GvaReport,
    GvdbReport,
    NewsquantReport,
    PolnearReport,
    run,
)
from tolltrace.model import Claim

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
OPEN = ("at_least", "more_than")


def claim(
    low: int | None,
    category: str = "killed",
    qualifier: str = "exact",
    *,
    high: int | None = -1,
    subject: str = "people",
    source: str | None = None,
    span: tuple[int, int] = (0, 1),
    event: str | None = None,
    negated: bool = False,
) -> Claim:
    """A claim with only what scoring reads; `high` defaults to `low` unless the bound is open."""
    if high == -1:
        high = None if qualifier in OPEN else low
    return Claim(
        id=f"c{low}{category}{span}",
        document="doc",
        uri="doc",
        text=f"{low} {subject}",
        sentence=f"{low} {subject} {category}",
        start=span[0],
        end=span[1],
        raw_start=span[0],
        raw_end=span[1],
        low=low,
        high=high,
        qualifier=qualifier,
        category=category,
        subject=subject,
        event=event,
        attributed_to=source,
        negated=negated,
    )


def by_id(table: Mapping[str, Sequence[Claim]]) -> Callable[[EvalDocument], Sequence[Claim]]:
    """An extractor that answers from a table of document id -> claims."""
    return lambda document: table.get(document.id, ())


def nothing(document: EvalDocument) -> Sequence[Claim]:
    return ()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def jsonl(path: Path, records: Sequence[Mapping[str, object]]) -> None:
    write(path, "".join(json.dumps(record) + "\n" for record in records))


def check_report(report: Report, *labels: str) -> None:
    """A report serialises to JSON and renders a table with the given figures."""
    assert json.loads(json.dumps(report.to_json()))["dataset"] == report.dataset
    table = report.render()
    for label in labels:
        assert label in table


# ------------------------------------------------------------------------------------ metrics


def test_prf_counts_and_undefined_ratios() -> None:
    prf = PRF(correct=3, predicted=4, gold=6)
    assert (prf.precision, prf.recall, prf.f1) == (0.75, 0.5, 0.6)
    empty = PRF(0, 0, 5)
    assert empty.precision is None and empty.recall == 0.0 and empty.f1 == 0.0


def test_best_matching_maximises_pairs_then_weight() -> None:
    # Greedy on the best cell (0, 0) would leave row 1 unpaired.
    assert sorted(best_matching([[5, 3], [3, 0]])) == [(0, 1), (1, 0)]
    assert sorted(best_matching([[1000, 1004], [0, 1000]])) == [(0, 0), (1, 1)]
    assert best_matching([[0, 0, 2]]) == [(0, 2)]
    assert sorted(best_matching([[2], [3], [0]])) == [(1, 0)]
    assert best_matching([]) == [] and best_matching([[0]]) == []


def test_b_cubed_perfect_lumped_and_multi_class() -> None:
    gold = {"a": ["x"], "b": ["x"], "c": ["y"]}
    perfect = b_cubed(gold, {"a": "1", "b": "1", "c": "2"})
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    lumped = b_cubed(gold, {"a": "1", "b": "1", "c": "1"})
    assert lumped.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert lumped.recall == 1.0
    split = b_cubed(gold, {})  # everything a singleton
    assert split.precision == 1.0 and split.recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert b_cubed({}, {}).f1 is None


def test_source_names_overlap_and_containment() -> None:
    assert sources_agree(None, None) and not sources_agree("police", None)
    assert sources_agree("MEK", "PMOI/MEK") and sources_agree("the Monitor", "Monitor")
    assert not sources_agree("Monitor group", "Relief Monitor office")
    assert sources_overlap("Monitor group", "Relief Monitor office")
    assert not sources_overlap("the ministry", "the police") and not sources_overlap(None, "x")


def test_article_count_takes_the_largest_unnegated_figure() -> None:
    claims = [
        claim(2),
        claim(3, qualifier="at_least"),  # open bound: its low counts
        claim(4, high=6, qualifier="range"),  # a range gives its high end
        claim(50, negated=True),
        claim(9, "injured"),
    ]
    assert article_count(claims, ["killed"]) == 6
    assert article_count(claims, ["arrested"]) is None


def test_a_failing_extractor_is_recorded_and_the_batch_goes_on() -> None:
    def flaky(document: EvalDocument) -> Sequence[Claim]:
        if document.id == "bad":
            raise RuntimeError("parser exploded")
        return [claim(1)]

    docs = [EvalDocument("bad", "x", None), EvalDocument("good", "y", None)]
    claims, failures = extract_all(docs, flaky)
    assert claims["bad"] == () and len(claims["good"]) == 1
    assert [f.document for f in failures] == ["bad"] and "parser exploded" in failures[0].message


def test_run_rejects_an_unknown_data_set(tmp_path: Path) -> None:
    with pytest.raises(Unsupported, match="choose one of advocacy, gva"):
        run("acled", tmp_path, nothing)
    assert set(DATASETS) == {"advocacy", "gva", "gvdb", "newsquant", "polnear", "case2021"}


# ----------------------------------------------------------------------------------- advocacy

ADVOCACY_GOLD = {
    "claims": [
        {"doc": "101", "quote": "at least 40 prisoners", "value": 40, "qualifier": "at_least",
         "category": "killed", "event": "koss", "source": "the Monitor", "required": True},
        {"doc": "101", "quote": "About 200 people were arrested", "value": 200,
         "qualifier": "approximately", "category": "arrested", "event": "koss", "source": None,
         "required": True},
        {"doc": "102", "quote": "executed more than 900", "value": 900, "qualifier": "more_than",
         "category": "executed", "event": "tarn", "source": None, "required": True},
        {"doc": "102", "quote": "Some 15 were injured", "value": 15, "qualifier": "approximately",
         "category": "injured", "event": "tarn", "source": None, "required": False},
        {"doc": "102", "quote": "named 3 of the victims", "value": 3, "qualifier": "exact",
         "category": "victims_named", "event": "tarn", "source": "Monitor", "required": True},
    ],
    "commission_size": [{"doc": "102", "quote": "a panel of two", "value": 2}],
    "dates": {"101": "2031-05-03", "102": "2031-06"},
}  # fmt: skip


def advocacy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "advocacy"
    write(folder / "gold.json", json.dumps(ADVOCACY_GOLD))
    write(folder / "101_ab12.txt", "Sarenna, 3 May 2031. Guards killed at least 40 prisoners.")
    write(folder / "102.txt", "The Tarn panel executed more than 900. Some 15 were injured.")
    write(folder / "103_notes.txt", "Not annotated.")
    return folder


def advocacy_perfect() -> dict[str, list[Claim]]:
    return {
        "101": [
            claim(40, qualifier="at_least", source="Monitor", event="E1"),
            claim(200, "arrested", "approximately", event="E1"),
        ],
        "102": [
            claim(900, "executed", "more_than", event="E2"),
            claim(15, "injured", "approximately", event="E2"),
            claim(3, "victims", source="the Monitor", event="E2"),
        ],
    }


def test_advocacy_loader_pairs_gold_ids_with_files(tmp_path: Path) -> None:
    gold, docs = datasets.load_advocacy(advocacy_folder(tmp_path))
    assert [(d.id, d.published) for d in docs] == [("101", "2031-05-03"), ("102", "2031-06")]
    assert docs[0].text.startswith("Sarenna, 3 May 2031.")
    assert len(gold.claims) == 5 and gold.commission_sizes[0].value == 2
    assert gold.unannotated == ("103_notes.txt",)


def test_advocacy_perfect_extractor_scores_one(tmp_path: Path) -> None:
    report = run("advocacy", advocacy_folder(tmp_path), by_id(advocacy_perfect()))
    assert isinstance(report, AdvocacyReport)
    assert (report.claims.precision, report.claims.recall) == (1.0, 1.0)
    assert report.required.value == 1.0
    assert report.qualifier.value == 1.0 and report.source.value == 1.0
    assert report.events is not None and report.events.f1 == 1.0
    assert report.to_json()["meets_targets"] is True
    check_report(report, "claim precision", "qualifier accuracy", "source accuracy")


def test_advocacy_empty_extractor_has_recall_zero(tmp_path: Path) -> None:
    gold, docs = datasets.load_advocacy(advocacy_folder(tmp_path))
    report = score_advocacy(gold, docs, nothing)
    assert report.claims.recall == 0.0 and report.claims.precision is None
    assert report.qualifier.value is None and len(report.missed) == 5
    assert report.to_json()["meets_targets"] is False
    check_report(report, "n/a")


def test_advocacy_one_wrong_value(tmp_path: Path) -> None:
    table = advocacy_perfect()
    table["101"][1] = claim(2000, "arrested", "approximately")  # the gold says 200
    gold, docs = datasets.load_advocacy(advocacy_folder(tmp_path))
    report = score_advocacy(gold, docs, by_id(table))
    assert report.claims == PRF(4, 5, 5)
    assert report.required.correct == 3 and report.required.total == 4
    assert report.spurious == ("101: 2000 people",)
    assert report.missed == ("101: About 200 people were arrested",)


def test_advocacy_categories_and_qualifiers(tmp_path: Path) -> None:
    table = advocacy_perfect()
    table["101"][0] = claim(40, "executed", "exact", source="Monitor")  # gold: killed, at_least
    table["102"][0] = claim(900, "killed", "more_than")  # gold: executed
    gold, docs = datasets.load_advocacy(advocacy_folder(tmp_path))
    report = score_advocacy(gold, docs, by_id(table))
    # killed accepts executed (an execution is a killing); executed does not accept killed.
    assert report.claims == PRF(4, 5, 5)
    assert report.strict == PRF(3, 5, 5)
    assert report.qualifier.correct == 3 and report.qualifier.total == 4


def test_advocacy_layout_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match=r"gold\.json"):
        datasets.load_advocacy(tmp_path)
    folder = advocacy_folder(tmp_path)
    (folder / "102.txt").unlink()
    with pytest.raises(NotFound, match="102"):
        datasets.load_advocacy(folder)
    write(folder / "gold.json", '{"claims": [{"doc": "101"}]}')
    with pytest.raises(BadRecord, match="value"):
        datasets.load_advocacy(folder)


# ---------------------------------------------------------------------------------------- gva


def gva_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gva"
    jsonl(
        folder / "incidents.jsonl",
        [
            {"incident_id": "501", "num_killed": 2, "num_injured": 1, "date": "May 1, 2030"},
            {"incident_id": "502", "num_killed": 0, "num_injured": 3, "state": "Lorn"},
        ],
    )
    records = [("a1", "501"), ("a2", "501"), ("a3", "502"), ("a4", "501"), ("a4", "502")]
    records += [("a5", ""), ("a6", "502")]
    jsonl(
        folder / "documents.jsonl",
        [
            {"id": doc, "title": f"T {doc}", "dct": "2030-05-02", "uri": f"u/{doc}",
             "content": f"Story {doc}.", "incident_id": incident}
            for doc, incident in records
        ],
    )  # fmt: skip
    return folder


GVA_CLAIMS = {
    "a1": [claim(1, event="e1"), claim(2, event="e1"), claim(1, "injured")],
    "a2": [claim(1, event="e1")],  # an early, partial count
    "a3": [claim(1, event="e2"), claim(3, "injured", "at_least")],
    "a4": [claim(2, event="e1")],  # two incidents: no single gold count
    "a6": [claim(5, negated=True)],  # denied: states no count
}


def test_gva_loader_merges_repeated_articles(tmp_path: Path) -> None:
    gold, docs = datasets.load_gva(gva_folder(tmp_path))
    assert [d.id for d in docs] == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert docs[0] == EvalDocument("a1", "Story a1.", "2030-05-02", "T a1")
    assert gold.article_incidents["a4"] == ("501", "502") and "a5" not in gold.article_incidents
    assert gold.incidents["502"].injured == 3


def test_gva_counts_and_linking(tmp_path: Path) -> None:
    report = run("gva", gva_folder(tmp_path), by_id(GVA_CLAIMS))
    assert isinstance(report, GvaReport)
    killed, injured = report.killed, report.injured
    assert (killed.articles, killed.stated, killed.equal, killed.at_most) == (4, 3, 1, 2)
    assert killed.no_count == 1 and killed.equal_share == pytest.approx(1 / 3)
    # a3's one dead is above the gold's none killed but within its three people harmed
    assert killed.within_victims == 3 and injured.within_victims == 2
    assert (injured.stated, injured.equal, injured.at_most, injured.no_count) == (2, 2, 2, 2)
    assert report.multi_incident_articles == 1
    linking = report.linking
    assert linking is not None and linking.precision == 1.0
    assert linking.recall == pytest.approx((1 + 1 + 1 / 3 + 0.5 + 1 / 3) / 5)
    check_report(report, "killed: count = gold", "linking B3 F1")


def test_gva_without_event_links_reports_no_linking(tmp_path: Path) -> None:
    gold, docs = datasets.load_gva(gva_folder(tmp_path))
    report = score_gva(gold, docs, nothing)
    assert report.linking is None and report.killed.stated == 0
    assert report.killed.equal_share is None and report.killed.no_count == 4


def test_gva_layout_error_names_the_file(tmp_path: Path) -> None:
    folder = gva_folder(tmp_path)
    (folder / "incidents.jsonl").unlink()
    with pytest.raises(NotFound, match=r"incidents\.jsonl"):
        datasets.load_gva(folder)


# --------------------------------------------------------------------------------------- gvdb


def victims(*outcomes: list[str]) -> str:
    section = [{"name": {"value": "", "startIndex": -1, "endIndex": -1}, "victim-was": o}
               for o in outcomes]  # fmt: skip
    return json.dumps({"date-and-time": {"date": "2030-02-03"}, "victim-section": section})


def gvdb_folder(tmp_path: Path) -> Path:
    rows = [
        ["7", "u7", "Two shot", '"Two men were shot," the sheriff said.',
         victims(["killed"], ["injured", "hospitalized"], ["hospitalized"]), "w1"],
        ["8", "u8", "Quiet", "Nobody was hurt.", victims(), "w2"],
        ["9", "u9", "Two dead", "Two died.", victims(["killed", "hospitalized"], ["killed"]), "w1"],
    ]  # fmt: skip
    header = ["Article id", "Article url", "Article title", "Full text", "Json", "Worker"]
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    write(tmp_path / "gvdb" / "articles.tsv", "\n".join(lines) + "\n")
    return tmp_path / "gvdb"


def test_gvdb_gold_counts_victims(tmp_path: Path) -> None:
    gold, docs = datasets.load_gvdb(gvdb_folder(tmp_path))
    assert docs[0].text == '"Two men were shot," the sheriff said.'  # quotes kept literally
    assert docs[0].title == "Two shot" and docs[0].published is None
    counts = {doc: (a.killed, a.injured) for doc, a in gold.articles.items()}
    assert counts == {"7": (1, 2), "8": (0, 0), "9": (2, 0)}


def test_gvdb_scores(tmp_path: Path) -> None:
    table = {"7": [claim(1), claim(2, "injured")], "9": [claim(1)]}
    report = run("gvdb", gvdb_folder(tmp_path), by_id(table))
    assert isinstance(report, GvdbReport)
    assert report.killed.correct == 2 and report.killed.total == 3
    assert report.injured.value == 1.0 and report.both.correct == 2
    assert report.silent == 1
    check_report(report, "killed count right")


def test_gvdb_missing_column_is_named(tmp_path: Path) -> None:
    write(tmp_path / "articles.tsv", "Article id\tFull text\n1\tx\n")
    with pytest.raises(BadRecord, match="Json"):
        datasets.load_gvdb(tmp_path)


# ---------------------------------------------------------------------------------- newsquant


def quantity(change: str, value: str, unit: str, normalized: str) -> dict[str, str]:
    return {"change": change, "value": value, "unit": unit, "normalized_unit": normalized,
            "referred_concepts": "-"}  # fmt: skip


def newsquant_folder(tmp_path: Path) -> Path:
    sentences = [
        {"text": "Rescuers found 12 people and 3 dogs.",
         "quantities": [quantity("=", "12", "people", "people"),
                        quantity("=", "3.0", "dogs", "dog")]},
        {"text": "The fine was about $40 for more than 300 drivers.",
         "quantities": [quantity("~", "40.0", "$", "dollar"),
                        quantity(">", "300", "drivers", "driver")]},
        {"text": "Dozens of residents left.",
         "quantities": [quantity("=", "12-120", "residents", "resident")]},
        {"text": "Nothing to count.", "quantities": []},
    ]  # fmt: skip
    write(tmp_path / "newsquant" / "newsquant.json", json.dumps(sentences))
    return tmp_path / "newsquant"


def test_newsquant_scope_rule() -> None:
    def scoped(unit: str, normalized: str) -> bool:
        return counts_people_or_things(datasets.Quantity(1, 1, "=", unit, normalized))

    assert scoped("people", "people") and scoped("cylinder", "cylinder")
    assert not scoped("$", "dollar") and not scoped("%", "percentage")
    assert not scoped("year-old", "year of age") and not scoped("mph", "mile per hour")
    assert not scoped("kW", "kilowatt") and not scoped("-", "-")
    assert not scoped("mAh", "milliampere-hour") and not scoped("% condo", "% condo")


def test_newsquant_a_fraction_is_a_measure_not_a_count() -> None:
    def scoped(value: float) -> bool:
        return counts_people_or_things(datasets.Quantity(value, value, "=", "points", "rebound"))

    assert scoped(4.0) and scoped(2_900_000.0)
    assert not scoped(3.7) and not scoped(0.25)


def test_newsquant_perfect_extractor(tmp_path: Path) -> None:
    table = {
        "0": [claim(12), claim(3)],
        "1": [claim(300, qualifier="more_than")],
        "2": [claim(12, high=120, qualifier="range")],
    }
    gold, docs = datasets.load_newsquant(newsquant_folder(tmp_path))
    assert [d.id for d in docs] == ["0", "1", "2", "3"]
    report = score_newsquant(gold, docs, by_id(table))
    assert report.values == PRF(4, 4, 4) and report.bound.value == 1.0
    assert (report.in_scope, report.out_of_scope) == (4, 1)
    check_report(report, "value F1", "bound accuracy")


def test_newsquant_wrong_bounds_values_and_out_of_scope(tmp_path: Path) -> None:
    table = {
        "0": [claim(12, qualifier="approximately")],  # right value, wrong bound
        "1": [claim(40, qualifier="approximately"), claim(300, qualifier="at_least")],
        "2": [claim(24, qualifier="approximately")],  # not vague: must equal the ends 12-120
    }
    report = run("newsquant", newsquant_folder(tmp_path), by_id(table))
    assert isinstance(report, NewsquantReport)
    assert report.values == PRF(2, 4, 4)
    assert report.bound.correct == 1 and report.bound.total == 2
    assert report.out_of_scope_claims == 1


def test_newsquant_a_vague_claim_matches_the_decade_the_gold_writes(tmp_path: Path) -> None:
    # "Dozens of residents" is 12-120 in the gold and 24.. vague in DESIGN.md: the same count.
    folder = newsquant_folder(tmp_path)
    dozens = run("newsquant", folder, by_id({"2": [claim(24, "other", "vague", high=None)]}))
    assert isinstance(dozens, NewsquantReport)
    assert dozens.values == PRF(1, 1, 4) and dozens.bound.correct == dozens.bound.total == 1


@pytest.mark.parametrize(
    ("gold_value", "low", "qualifier"),
    [
        ("12-120", 200, "vague"),  # "hundreds" is not in the decade of "dozens"
        ("10-20", 12, "vague"),  # a range that is no decade must be matched end to end
        ("12", 24, "vague"),  # nor is a single value a decade
        ("12-120", 24, "exact"),  # only a vague claim stands for a decade
        ("12-120", 12, "at_least"),
    ],
)
def test_newsquant_vague_matching_is_only_for_decades(
    tmp_path: Path, gold_value: str, low: int, qualifier: str
) -> None:
    sentences = [{"text": "Dozens of residents left.",
                  "quantities": [quantity("=", gold_value, "residents", "resident")]}]  # fmt: skip
    write(tmp_path / "nq" / "newsquant.json", json.dumps(sentences))
    vague = qualifier in ("vague", "at_least")
    found = claim(low, "other", qualifier, high=None if vague else low)
    report = run("newsquant", tmp_path / "nq", by_id({"0": [found]}))
    assert isinstance(report, NewsquantReport)
    assert report.values == PRF(0, 1, 1)


# ------------------------------------------------------------------------------------ polnear

X1 = (
    "The ministry said 14 people were detained in Lorn. Officials added that the march was "
    "calm. Witnesses counted 30 trucks and\n9 buses, a driver told us."
)
Y1 = "Nine hundred voters marched, organisers claimed. It was reported that 5 were hurt."


def at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def brat(text: str, spans: Sequence[tuple[str, str, Sequence[str]]], relations: list[str]) -> str:
    """brat lines: spans are (id, type, fragments' words); surfaces copied from the text."""
    lines = []
    for name, kind, pieces in spans:
        fragments = [at(text, piece) for piece in pieces]
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        lines.append(f"{name}\t{kind} {offsets}\t{' '.join(text[s:e] for s, e in fragments)}")
    return "\n".join(lines + relations) + "\n"


def polnear_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "polnear"
    write(folder / "alpha" / "text" / "x1.txt", X1)
    spans = [
        ("T1", "Source", ["The ministry"]), ("T2", "Cue", ["said"]),
        ("T3", "Content", ["14 people were detained in Lorn"]), ("T4", "Attribution", ["said"]),
        ("T5", "Source", ["Officials"]), ("T6", "Cue", ["added"]),
        ("T7", "Content", ["the march was calm"]), ("T8", "Attribution", ["added"]),
        ("T9", "Source", ["a driver"]), ("T10", "Cue", ["told us"]),
        ("T11", "Content", ["Witnesses counted 30 trucks and", "9 buses"]),
        ("T12", "Attribution", ["told us"]),
        ("T13", "Discard", ["and\n9"]),  # a surface running over two lines
    ]  # fmt: skip
    relations = [
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
    ]
    write(folder / "alpha" / "attributions" / "x1_a1b2.ann", brat(X1, spans, relations))
    other = [("T1", "Source", ["Witnesses"]), ("T2", "Content", ["30 trucks"])]
    other_relations = ["E1\tContent:T2 Source:T1"]  # a second annotator's file: not the gold
    write(folder / "alpha" / "attributions" / "x1_c3d4.ann", brat(X1, other, other_relations))
    write(folder / "beta" / "text" / "y1.txt", Y1)
    spans = [
        ("T1", "Source", ["organisers"]), ("T2", "Cue", ["claimed"]),
        ("T3", "Content", ["Nine hundred voters marched"]), ("T4", "Attribution", ["claimed"]),
        ("T5", "Cue", ["It was reported"]), ("T6", "Content", ["5 were hurt"]),
        ("T7", "Attribution-no-source", ["It was reported"]),
    ]  # fmt: skip
    relations = [
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
    ]
    write(folder / "beta" / "attributions" / "y1.ann", brat(Y1, spans, relations))
    write(folder / "metadata.tsv", "filename\tpublication_date\ttitle\nx1\t2030-01-02\tLorn\n")
    (folder / "notes").mkdir()  # neither text/ nor attributions/: not a split
    return folder


POLNEAR_CLAIMS = {
    "alpha/x1": [
        claim(14, "detained", source="the ministry", span=at(X1, "14 people")),
        claim(30, "other", source="Witnesses", span=at(X1, "30 trucks")),
        claim(9, "other", span=at(X1, "9 buses")),
    ],
    "beta/y1": [
        claim(900, "protesters", span=at(Y1, "Nine hundred voters")),
        claim(5, "injured", source="reporters", span=at(Y1, "5 were hurt")),
    ],
}


def test_polnear_loader_reads_every_split(tmp_path: Path) -> None:
    gold, docs = datasets.load_polnear(polnear_folder(tmp_path))
    assert gold.splits == ("alpha", "beta")
    assert [(d.id, d.published, d.title) for d in docs] == [
        ("alpha/x1", "2030-01-02", "Lorn"),
        ("beta/y1", None, None),
    ]
    assert gold.unused_annotations == ("alpha/x1_c3d4.ann",)
    relations = gold.attributions["alpha/x1"]
    assert [r.id for r in relations] == ["E1", "E2", "E3"]
    assert relations[2].content_text == "Witnesses counted 30 trucks and 9 buses"
    assert relations[2].source_text == "a driver"
    assert gold.attributions["beta/y1"][1].source_text is None


def test_polnear_source_overlap(tmp_path: Path) -> None:
    report = run("polnear", polnear_folder(tmp_path), by_id(POLNEAR_CLAIMS))
    assert isinstance(report, PolnearReport)
    assert report.numeric_relations == 3 and report.sourceless_relations == 1
    assert report.covered.value == 1.0 and report.claims_in_content == 4
    # Named: the ministry. Attributed: ministry, Witnesses (wrong). Covered: three relations.
    assert report.sources == PRF(1, 2, 3)
    assert report.sources.f1 == pytest.approx(0.4)
    check_report(report, "source overlap F1", "alpha beta")


def test_polnear_layout_errors(tmp_path: Path) -> None:
    folder = polnear_folder(tmp_path)
    write(folder / "beta" / "attributions" / "z9_ffff.ann", "")
    with pytest.raises(NotFound, match=r"z9_ffff\.ann"):
        datasets.load_polnear(folder)
    (folder / "gamma" / "text").mkdir(parents=True)
    with pytest.raises(NotFound, match="attributions"):
        datasets.load_polnear(folder)
    with pytest.raises(NotFound, match="no <split>/text"):
        datasets.load_polnear(folder / "notes")


# ----------------------------------------------------------------------------------- case2021


def case_folder(tmp_path: Path) -> Path:
    rows = [
        ("1", "Police detained 12 activists.", "ARREST"),
        ("2", "Troops killed 30 protesters at the square.", "FORCE_AGAINST_PROTEST"),
        ("3", "Gunmen killed 4 villagers and wounded 6.", "ATTACK"),
        ("4", "Jets struck the depot, killing 2.", "AIR_STRIKE"),
        ("5", "The treaty was signed.", "AGREEMENT"),
    ]
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(row) for row in rows]
    write(tmp_path / "case2021" / "snippets.tsv", "\n".join(lines) + "\n")
    return tmp_path / "case2021"


def test_case2021_types(tmp_path: Path) -> None:
    table = {
        "1": [claim(12, "arrested", subject="activists")],
        "2": [claim(30, subject="protesters")],
        "3": [claim(4, subject="villagers"), claim(6, "injured", subject="villagers")],
        "4": [claim(2)],
    }
    gold, docs = datasets.load_case2021(case_folder(tmp_path))
    report = score_case2021(gold, docs, by_id(table))
    assert report.accuracy.correct == 3 and report.accuracy.total == 5
    assert report.macro_f1 == pytest.approx((1 + 1 + 2 / 3 + 0 + 0) / 5)
    assert report.reachable_accuracy.value == 1.0 and report.reachable_macro_f1 == 1.0
    assert report.no_claims == 1 and report.per_type["none"].predicted == 1
    check_report(report, "type macro-F1", "F1 ARREST")


def test_case2021_majority_type_ties_go_to_the_earliest_claim() -> None:
    arrest = claim(3, "arrested", span=(10, 12))
    killing = claim(2, "killed", span=(0, 2))
    assert snippet_event_type([arrest, killing]) == "ATTACK"
    assert snippet_event_type([arrest, killing, claim(5, "detained", span=(20, 21))]) == "ARREST"
    assert snippet_event_type([]) == "none"


# ------------------------------------------------------------------- the real development sets


def gold_items(gold: object) -> int:
    """How many gold labels a loaded data set holds."""
    if isinstance(gold, datasets.AdvocacyGold):
        return len(gold.claims)
    if isinstance(gold, datasets.GvaGold):
        return len(gold.article_incidents)
    if isinstance(gold, datasets.GvdbGold):
        return sum(a.killed + a.injured for a in gold.articles.values())
    if isinstance(gold, datasets.NewsquantGold):
        return sum(len(q) for q in gold.sentences.values())
    if isinstance(gold, datasets.PolnearGold):
        return sum(len(a) for a in gold.attributions.values())
    assert isinstance(gold, datasets.Case2021Gold)
    return len(gold.types)


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not here")
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_real_development_sets_load_and_score(name: str) -> None:
    load = getattr(datasets, f"load_{name}")
    gold, docs = load(SHARED_EVAL / name)
    assert docs and len({d.id for d in docs}) == len(docs)
    assert sum(1 for d in docs if d.text.strip()) > 0.9 * len(docs)
    assert gold_items(gold) >= len(docs) // 2
    report = run(name, SHARED_EVAL / name, nothing)
    json.dumps(report.to_json())


def test_polnear_source_as_the_sentence_words_it_counts_too(tmp_path: Path) -> None:
    """The gold marks "organisers"; a claim giving the canonical name elsewhere but the words
    as written in `attributed_as` names the source; one giving neither does not."""
    claims = {key: list(found) for key, found in POLNEAR_CLAIMS.items()}
    marchers = claim(900, "protesters", source="Lorn Voters' League", span=at(Y1, "Nine hundred"))
    claims["beta/y1"][0] = dataclasses.replace(marchers, attributed_as="organisers")
    report = run("polnear", polnear_folder(tmp_path), by_id(claims))
    assert isinstance(report, PolnearReport)
    assert report.sources == PRF(2, 3, 3)
