"""Linking mentions into entities with aliases, evidence and roles. Mentions are built by hand
(no recogniser), so each test says exactly which names a document holds. Every name is
invented (the republic of Arvenia and its people)."""

import re
from collections.abc import Sequence

import pytest

from tolltrace.evaluate.datasets import EvalDocument
from tolltrace.evaluate.score_entities import entity_figures, given_name_conflicts
from tolltrace.link import aliases as aliases_module
from tolltrace.link import entities as entities_module
from tolltrace.link.alias_decisions import entity_id
from tolltrace.link.aliases import matches_acronym, name_key, same_person
from tolltrace.link.entities import (
    EntityDocument,
    alias_index,
    canonical_name,
    link_entities,
)
from tolltrace.model import Entity, EntityDecision, Mention


def document(
    doc_id: str, text: str, *names: tuple[str, str], published: str | None = None
) -> EntityDocument:
    """Every whole-word occurrence of each (name, type) as a mention, longest names first."""
    taken: list[tuple[int, int, str]] = []
    for name, kind in sorted(names, key=lambda n: -len(n[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(s < match.end() and match.start() < e for s, e, _ in taken):
                taken.append((match.start(), match.end(), kind))
    mentions = tuple(Mention(doc_id, s, e, text[s:e], k) for s, e, k in sorted(taken))
    return EntityDocument(doc_id, text, mentions, published)


def person(*names: str) -> list[tuple[str, str]]:
    return [(n, "person") for n in names]


def org(*names: str) -> list[tuple[str, str]]:
    return [(n, "organisation") for n in names]


def entity_of(entities: Sequence[Entity], name: str) -> Entity:
    hits = [e for e in entities if name in {e.name, *(a.name for a in e.aliases)}]
    assert len(hits) == 1, f"{name!r} is in {len(hits)} entities: {[e.name for e in hits]}"
    return hits[0]


def evidence(entity: Entity, name: str) -> str:
    return next(a.evidence for a in entity.aliases if a.name == name)


# ---------------------------------------------------------------- definitions, acronyms


def test_definition_with_a_list_of_acronyms_and_two_names_for_one_acronym() -> None:
    first = document(
        "a",
        "Supporters of the Free Coast Movement (FCM/PFC) were arrested. The FCM said so.",
        *org("Free Coast Movement", "FCM", "PFC"),
    )
    second = document(
        "b",
        "The Partisans of the Free Coast (PFC), or FCM, protested. The PFC/FCM counted 40.",
        *org("Partisans of the Free Coast", "PFC", "FCM"),
    )
    entities = link_entities([first, second])
    movement = entity_of(entities, "Free Coast Movement")
    assert entity_of(entities, "Partisans of the Free Coast") is movement
    assert {"FCM", "PFC"} <= {a.name for a in movement.aliases}
    fcm = next(a for a in movement.aliases if a.name == "FCM")
    assert fcm.evidence == "definition"
    assert fcm.quote == "Free Coast Movement (FCM/PFC)"
    assert fcm.document == "a" and first.text[fcm.start : fcm.end] == fcm.quote
    assert len(movement.mentions) == 9


def test_one_acronym_defined_for_two_different_names_keeps_them_apart() -> None:
    first = document(
        "a", "The Arvenian Cricket Council (ACC) met.", *org("Arvenian Cricket Council", "ACC")
    )
    second = document(
        "b", "The Arvenian Criminal Court (ACC) ruled.", *org("Arvenian Criminal Court", "ACC")
    )
    entities = link_entities([first, second])
    council = entity_of(entities, "Arvenian Cricket Council")
    court = entity_of(entities, "Arvenian Criminal Court")
    assert council is not court


def test_an_undefined_acronym_joins_the_one_name_its_initials_spell() -> None:
    first = document(
        "a", "The Ministry of Coastal Affairs spoke.", *org("Ministry of Coastal Affairs")
    )
    second = document("b", "The MCA spoke again.", *org("MCA"))
    entities = link_entities([first, second])
    ministry = entity_of(entities, "Ministry of Coastal Affairs")
    assert evidence(ministry, "MCA") == "acronym"
    assert matches_acronym("MoCA", "Ministry of Coastal Affairs")
    assert matches_acronym("SEA", "Sarkani-e-Azad")


# --------------------------------------------------------------------------------- people


def test_titles_surnames_hyphenation_and_typos_of_one_judge() -> None:
    first = document(
        "a",
        "Judge Orsolya Varga-Dunn sentenced them. Varga Dunn refused to comment.",
        *person("Orsolya Varga-Dunn", "Varga Dunn"),
    )
    second = document("b", "Orsolya Vargadunn, the judge, left.", *person("Orsolya Vargadunn"))
    third = document("c", "Orsolya Varga-Dun was seen.", *person("Orsolya Varga-Dun"))
    entities = link_entities([first, second, third])
    judge = entity_of(entities, "Orsolya Varga-Dunn")
    assert judge.type == "person" and judge.name == "Orsolya Varga-Dunn"
    assert evidence(judge, "Judge Orsolya Varga-Dunn") == "title"
    assert evidence(judge, "Varga Dunn") == "surname"
    assert evidence(judge, "Orsolya Vargadunn") == "variant"
    typo = next(a for a in judge.aliases if a.name == "Orsolya Varga-Dun")
    assert typo.evidence == "variant" and 0.85 <= typo.score < 1.0
    assert len(judge.mentions) == 4


def test_different_given_names_are_different_people() -> None:
    first = document("a", "Ruhallo Kervani gave the order.", *person("Ruhallo Kervani"))
    second = document("b", "Dariush Kervani denied it.", *person("Dariush Kervani"))
    third = document("c", "Dariush Karvani was there.", *person("Dariush Karvani"))
    entities = link_entities([first, second, third])
    assert entity_of(entities, "Ruhallo Kervani") is not entity_of(entities, "Dariush Kervani")
    # one letter apart with the same given name: a transliteration of one person
    assert entity_of(entities, "Dariush Karvani") is entity_of(entities, "Dariush Kervani")
    assert same_person("Ruhallo Kervani", "Dariush Kervani") == 0.0
    assert not any(given_name_conflicts(e) for e in entities)


def test_a_surname_shared_by_two_people_in_a_document_stays_unresolved() -> None:
    text = "Tomas Brell and Ilona Brell were arrested. Brell was later released."
    entities = link_entities([document("a", text, *person("Tomas Brell", "Ilona Brell", "Brell"))])
    tomas, ilona = entity_of(entities, "Tomas Brell"), entity_of(entities, "Ilona Brell")
    assert tomas is not ilona
    assert len(tomas.mentions) == len(ilona.mentions) == 1
    assert all(e.name != "Brell" for e in entities)


def test_a_lone_surname_joins_the_one_person_of_the_corpus() -> None:
    first = document("a", "Ruhallo Kervani founded it.", *person("Ruhallo Kervani"))
    second = document("b", "The Kervani regime fell.", *person("Kervani"))
    entities = link_entities([first, second])
    assert evidence(entity_of(entities, "Kervani"), "Kervani") == "surname"
    assert entity_of(entities, "Kervani").name == "Ruhallo Kervani"


def test_a_lone_misspelling_as_close_to_two_people_joins_neither() -> None:
    # "Kervoni" is one letter from "Kervani" and one from "Kirvoni": no evidence either way
    docs = [
        document("a", "Ruhallo Kervani spoke.", *person("Ruhallo Kervani")),
        document("b", "Ali Kirvoni spoke.", *person("Ali Kirvoni")),
        document("c", "Kervoni spoke.", *person("Kervoni")),
    ]
    entities = link_entities(docs)
    assert entity_of(entities, "Kervoni").name == "Kervoni"


def test_a_title_alone_is_not_an_entity_and_titles_are_not_names() -> None:
    text = "The Minister said that President Tomas Brell had left. The Minister resigned."
    entities = link_entities([document("a", text, *person("Tomas Brell"))])
    assert [e.name for e in entities] == ["Tomas Brell"]
    assert evidence(entities[0], "President Tomas Brell") == "title"


# ---------------------------------------------------------------------------------- roles


def test_roles_with_their_time() -> None:
    text = (
        "In the summer of 1999 the then-Minister of Justice Dariel Vost signed the orders. "
        "Lena Korr, head of Branch 12 of the High Court, approved them. "
        "Maren Ost, a member of the review commission, resigned. "
        "The current president of the republic, Tomas Brell, said nothing."
    )
    doc = document(
        "a",
        text,
        *person("Dariel Vost", "Lena Korr", "Maren Ost", "Tomas Brell"),
        published="2021-03-02",
    )
    entities = link_entities([doc])
    vost = entity_of(entities, "Dariel Vost").roles
    assert [(r.title, r.when, r.quote) for r in vost] == [
        ("Minister of Justice", "1999", "then-Minister of Justice")
    ]
    assert text[vost[0].start : vost[0].end] == "then-Minister of Justice"
    assert [r.title for r in entity_of(entities, "Lena Korr").roles] == [
        "head of Branch 12 of the High Court"
    ]
    assert [r.title for r in entity_of(entities, "Maren Ost").roles] == [
        "member of the review commission"
    ]
    brell = entity_of(entities, "Tomas Brell").roles
    assert [(r.title, r.when) for r in brell] == [("president of the republic", "2021-03-02")]


# ------------------------------------------------------------------ decisions, index, ids


def corpus() -> list[EntityDocument]:
    return [
        document("a", "Tomas Brell met the FCM.", *person("Tomas Brell"), *org("FCM")),
        document("b", "Tomas Brel met Ilona Brell.", *person("Tomas Brel", "Ilona Brell")),
    ]


def test_manual_merge_and_split_are_applied_last_with_manual_evidence() -> None:
    merge = EntityDecision("merge", ("Free Coast Movement", "FCM", "Ilona Brell"), "same group")
    entities = link_entities(corpus(), [merge])
    merged = entity_of(entities, "FCM")
    assert merged.name == "Free Coast Movement"  # the first name of the decision
    assert entity_of(entities, "Ilona Brell") is merged
    assert evidence(merged, "Ilona Brell") == "manual"

    split = EntityDecision("split", ("Tomas Brel",), "a different man")
    entities = link_entities(corpus(), [split])
    assert entity_of(entities, "Tomas Brel") is not entity_of(entities, "Tomas Brell")
    assert evidence(entity_of(entities, "Tomas Brel"), "Tomas Brel") == "manual"
    assert len(entity_of(entities, "Tomas Brell").mentions) == 1


def test_ids_are_stable_and_do_not_depend_on_document_order() -> None:
    forward = link_entities(corpus())
    backward = link_entities(list(reversed(corpus())))
    assert sorted((e.id, e.name) for e in forward) == sorted((e.id, e.name) for e in backward)
    brell = entity_of(forward, "Tomas Brell")
    assert brell.id == entity_id("person", "Tomas Brell")


def test_alias_index_maps_every_alias_and_leaves_ambiguous_ones_out() -> None:
    docs = [
        document(
            "a",
            "Judge Orsolya Varga-Dunn spoke. Varga Dunn left.",
            *person("Orsolya Varga-Dunn", "Varga Dunn"),
        ),
        document("b", "Tomas Brell spoke. Brell left.", *person("Tomas Brell", "Brell")),
        document("c", "Ilona Brell spoke. Brell left.", *person("Ilona Brell", "Brell")),
    ]
    index = alias_index(link_entities(docs))
    assert index["varga dunn"] == "Orsolya Varga-Dunn"
    assert index["judge orsolya varga-dunn"] == "Orsolya Varga-Dunn"
    assert "brell" not in index  # two people go by it
    assert canonical_name(index, "the Judge Orsolya Varga-Dunn") == "Orsolya Varga-Dunn"
    assert canonical_name(index, "Brell") is None


def test_linking_blocks_candidates_instead_of_comparing_all_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    real = aliases_module.same_person

    def counted(first: str, second: str) -> float:
        nonlocal calls
        calls += 1
        return real(first, second)

    monkeypatch.setattr(entities_module, "same_person", counted)
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = [
        f"{g.upper()}{a}{b}o {s.upper()}{c}{a}nd"
        for g in letters[:10]
        for s in letters[:10]
        for a, b, c in [("a", "r", "e"), ("e", "l", "i"), ("i", "m", "o"), ("o", "n", "u")]
    ]
    docs = [document(f"d{i}", f"{n} was there.", *person(n)) for i, n in enumerate(names)]
    entities = link_entities(docs)
    assert len(entities) == len(names)
    pairs = len(names) * (len(names) - 1) // 2
    assert calls < pairs / 20


# ----------------------------------------------------------------------------- figures


def test_entity_figures_report_groups_and_no_wrong_merges() -> None:
    documents = [
        EvalDocument(
            "one",
            "Port Vella, May 2, 2022. Supporters of the Free Coast Movement (FCM) were "
            "detained. The FCM said Judge Orsolya Varga-Dunn ordered it. Varga-Dunn declined "
            "to comment.\n",
            "2022-05-02",
        ),
        EvalDocument(
            "two",
            "The FCM said 40 members were held in Port Vella. Orsolya Varga-Dunn was named.\n",
            "2022-05-04",
        ),
    ]
    figures = entity_figures(documents)
    assert figures.documents == 2 and not figures.failures
    assert figures.given_name_conflicts == ()
    groups = {g.entity: g for g in figures.groups}
    assert "Free Coast Movement" in groups
    assert ("FCM", "definition") in {(n, e) for n, e, _ in groups["Free Coast Movement"].aliases}
    labels = [label for label, _, _ in figures.rows()]
    assert "merged people, different given names" in labels
    assert figures.to_json()["entities"]["organisation"] >= 1


def test_given_name_conflicts_flags_a_wrong_merge() -> None:
    docs = [
        document("a", "Ali Kervani and Ruhallo Kervani.", *person("Ali Kervani", "Ruhallo Kervani"))
    ]
    wrong = EntityDecision("merge", ("Ali Kervani", "Ruhallo Kervani"), "test")
    merged = entity_of(link_entities(docs, [wrong]), "Ali Kervani")
    assert given_name_conflicts(merged) == ["Ali Kervani: Ali Kervani / Ruhallo Kervani"]
    assert name_key("Pour-Hadian") == name_key("Pourhadian")


def test_a_generic_noun_between_name_and_acronyms_still_defines_them() -> None:
    first = document(
        "a",
        "Members of the Sarkani-e-Azad organisation (SEA/PFC) were executed.",
        *org("Sarkani-e-Azad", "SEA", "PFC"),
    )
    second = document(
        "b",
        "The People's Front of the Coast (PFC/SEA) said 300 were killed.",
        *org("People's Front of the Coast", "PFC", "SEA"),
    )
    third = document("c", "Sarkani-e Azad denied it.", *org("Sarkani-e Azad"))
    entities = link_entities([first, second, third])
    front = entity_of(entities, "Sarkani-e-Azad")
    assert entity_of(entities, "People's Front of the Coast") is front
    assert entity_of(entities, "Sarkani-e Azad") is front  # one hyphen apart: one key
    quote = next(a.quote for a in front.aliases if a.name == "SEA")
    assert quote == "Sarkani-e-Azad organisation (SEA/PFC)"


def test_hyphenated_and_joined_surnames_are_one_person() -> None:
    docs = [
        document("a", "Dariush Pour-Hadian signed.", *person("Dariush Pour-Hadian")),
        document("b", "Dariush Pourhadian signed.", *person("Dariush Pourhadian")),
        document("c", "Dariush Pourhadien signed.", *person("Dariush Pourhadien")),
    ]
    entities = link_entities(docs)
    assert len(entities) == 1 and len(entities[0].mentions) == 3
