"""Body sizes ("a commission of three officials") and their disagreements across documents.

Fictional texts about the Veloria prison hangings.
"""

from __future__ import annotations

from tolltrace.extract.bodies import find_body_sizes
from tolltrace.reconcile.bodies import reconcile_body_sizes
from tolltrace.reconcile.sources import SourceDocument

LEDGER = (
    "The so-called death commission sat in Varn prison in 2029. Prisoners faced three-person "
    "death panels in every province. Three members of the commission were clerics."
)
HERALD = (
    "Survivors say a panel of four men ordered the hangings at Varn. A commission of three "
    "countries later reviewed the trade deal."
)


def sizes_of(text: str) -> list[tuple[str, int, str]]:
    return [(size.kind, size.size, size.text) for size in find_body_sizes(text)]


def test_forms_of_body_sizes() -> None:
    text = (
        "Witnesses described the Death Committee, consisting of four officials. "
        "A four-member board heard appeals. The board had five members. "
        "The three members of the death commission met daily. A three-judge tribunal ruled. "
        "The council was made up of seven experts. A panel of 12 met."
    )
    assert sizes_of(text) == [
        ("death body", 4, "Death Committee, consisting of four officials"),
        ("board", 4, "four-member board"),
        ("board", 5, "board had five members"),
        ("death body", 3, "three members of the death commission"),
        ("tribunal", 3, "three-judge tribunal"),
        ("council", 7, "council was made up of seven experts"),
        ("panel", 12, "panel of 12"),
    ]


def test_offsets_point_at_the_exact_words() -> None:
    for size in find_body_sizes(LEDGER):
        assert LEDGER[size.start : size.end] == size.text
    [panels] = find_body_sizes(LEDGER)
    assert (panels.body, panels.modifier, panels.head, panels.size) == (
        "death panels", "death", "panel", 3,
    )  # fmt: skip


def test_not_sizes() -> None:
    assert sizes_of("Three members of the commission were clerics.") == []
    assert sizes_of("A commission of three countries reviewed the deal.") == []
    assert sizes_of("The court sentenced 40 protesters.") == []
    assert sizes_of("A committee of 300 delegates met.") == []  # not a small body


def test_unmodified_body_inherits_the_earlier_modifier() -> None:
    text = "The death commission was feared. The commission, made up of four clerics, met."
    [size] = find_body_sizes(text)
    assert (size.kind, size.size, size.text) == (
        "death body", 4, "commission, made up of four clerics",
    )  # fmt: skip


def test_different_sizes_across_documents_are_flagged_with_quotes() -> None:
    documents = {
        "ledger": SourceDocument("ledger", "https://ledger.example/a", "Ledger", "2031-01-02"),
        "herald": SourceDocument("herald", "https://herald.example/b", "Herald", "2031-02-01"),
    }
    herald = "The death panel at Varn, a panel of four men, ordered the hangings."
    found = {"ledger": find_body_sizes(LEDGER), "herald": find_body_sizes(herald)}
    [disagreement] = reconcile_body_sizes(found, documents)
    assert disagreement.kind == "death body"
    assert disagreement.sizes == (3, 4)
    assert disagreement.documents == ("ledger", "herald")
    assert not disagreement.within_document
    assert disagreement.reason == (
        "“three-person death panels” (Ledger) states 3 members; "
        "“panel of four men” (Herald) states 4 members"
    )


def test_same_size_or_unrelated_bodies_are_not_flagged() -> None:
    same = {"a": find_body_sizes(LEDGER), "b": find_body_sizes("A three-member death panel sat.")}
    assert reconcile_body_sizes(same) == []
    unrelated = {
        "a": find_body_sizes("A three-judge tribunal ruled."),
        "b": find_body_sizes("A board of five officials met."),
    }
    assert reconcile_body_sizes(unrelated) == []


def test_different_sizes_within_one_document() -> None:
    text = "A commission of three officials was set up. Later the commission of four men met."
    [disagreement] = reconcile_body_sizes({"doc": find_body_sizes(text)})
    assert disagreement.within_document and disagreement.sizes == (3, 4)
    assert disagreement.kind == "commission"


def test_members_named_one_by_one_give_the_size() -> None:
    text = (
        "In Varn the death commission consisted of Orin Valde, Mirek Sastro (the prosecutor), "
        "Ilan Vorsk and Petar Hale. Another committee included Ana Lume and Rado Fen."
    )
    [size] = find_body_sizes(text)
    assert (size.kind, size.size) == ("death body", 4)
    assert text[size.start : size.end] == size.text and size.text.endswith("Petar Hale")


def test_an_appositive_names_the_same_body() -> None:
    [size] = find_body_sizes("The death commission, a three-member panel, sat at Varn.")
    assert (size.kind, size.size, size.text) == ("death body", 3, "three-member panel")
