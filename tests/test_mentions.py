"""Mentions of persons, organisations and places, and the titles before names. Every name is
invented (the republic of Arvenia and its people)."""

from tolltrace.nlp.mentions import (
    acronym_fits,
    find_mentions,
    is_acronym,
    mentions_from_spans,
    trim_name,
)
from tolltrace.nlp.titles import strip_leading_title, title_before


def spans(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the first occurrence of each (name, type), as NER would propose."""
    return [(text.index(n), text.index(n) + len(n), kind) for n, kind in names]


def found(text: str, *names: tuple[str, str]) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in mentions_from_spans("d", text, spans(text, *names))]


# ------------------------------------------------------------------------------- titles


def test_title_before_a_name_is_found_with_its_office() -> None:
    text = "In 1999 the then-Minister of Justice Dariel Vost signed; prosecutor Lena Korr agreed."
    title = title_before(text, text.index("Dariel"))
    assert title is not None and title.text == "then-Minister of Justice" and title.office
    korr = title_before(text, text.index("Lena"))
    assert korr is not None and korr.text == "prosecutor"


def test_honorific_is_a_title_but_no_office() -> None:
    text = "As Mrs. Ilona Brell said."
    title = title_before(text, text.index("Ilona"))
    assert title is not None and title.text == "Mrs." and not title.office


def test_no_title_after_a_connector_or_a_capitalised_word() -> None:
    text = "an adviser to the Arvenian court; they met Tomas Brell"
    assert title_before(text, text.index("Arvenian")) is None
    assert title_before(text, text.index("Tomas")) is None


def test_strip_leading_title_keeps_org_names_whole() -> None:
    assert strip_leading_title("Supreme Leader Ruhallo Kervani") == (
        "Supreme Leader",
        "Ruhallo Kervani",
    )
    assert strip_leading_title("Minister of Justice Dariel Vost") == (
        "Minister of Justice",
        "Dariel Vost",
    )
    # modifiers alone are no title: "National" and "Supreme" belong to these names
    assert strip_leading_title("National Council of Arvenia")[0] == ""
    assert strip_leading_title("Supreme Security Council")[0] == ""


# -------------------------------------------------------------------------------- rules


def test_the_possessive_and_titles_are_not_part_of_a_name() -> None:
    text = "The Free Coast Movement's office and Ayatollah Ruhallo Kervani spoke."
    assert trim_name(text, 0, text.index(" office"), "organisation") == (
        4,
        text.index("'s"),
        "organisation",
    )
    start = text.index("Ayatollah")
    trimmed = trim_name(text, start, start + len("Ayatollah Ruhallo Kervani"), "organisation")
    assert trimmed is not None and text[trimmed[0] : trimmed[1]] == "Ruhallo Kervani"
    assert trimmed[2] == "person"  # an honorific makes it a person whatever NER said


def test_a_title_alone_is_no_entity() -> None:
    text = "The Minister said the Supreme Leader had left."
    assert found(text, ("Minister", "person"), ("Supreme Leader", "person")) == []


def test_a_name_after_a_title_is_a_person_even_when_ner_missed_it() -> None:
    text = "Judge Orsolya Varga-Dunn ruled on Monday."
    assert found(text) == [("Orsolya Varga-Dunn", "person")]


def test_definition_adds_the_acronyms_and_the_name_ner_missed() -> None:
    text = (
        "Members of the Free Coast Movement (FCM/PFC) marched. "
        "Later the FCM said that the PFC had joined."
    )
    names = found(text)
    assert ("Free Coast Movement", "organisation") in names
    assert names.count(("FCM", "organisation")) == 2
    assert names.count(("PFC", "organisation")) == 2


def test_a_generic_noun_may_sit_between_name_and_acronym() -> None:
    text = "The Sarkani-e-Azad organisation (SEA/PFC) denied it."
    names = found(text, ("Sarkani-e-Azad", "organisation"))
    assert ("SEA", "organisation") in names and ("PFC", "organisation") in names


def test_a_wire_credit_after_a_dateline_is_no_definition() -> None:
    text = "PORT VELLA (AP) - Two people were hurt."
    assert ("AP", "organisation") not in found(text, ("PORT VELLA", "place"))


def test_one_sense_per_document_and_surnames() -> None:
    text = "Tomas Brell arrived. Later Brell spoke, and Brell left."
    names = found(text, ("Tomas Brell", "person"))
    assert names == [("Tomas Brell", "person"), ("Brell", "person"), ("Brell", "person")]


def test_overlaps_keep_the_longer_name() -> None:
    text = "The Supreme Court of Arvenia ruled."
    names = found(text, ("Supreme Court of Arvenia", "organisation"), ("Arvenia", "place"))
    assert names == [("Supreme Court of Arvenia", "organisation")]


def test_acronyms() -> None:
    assert is_acronym("FCM") and is_acronym("MoJ") and is_acronym("U.N.")
    assert not is_acronym("Fcm") and not is_acronym("A")
    assert acronym_fits("MEK", "Mojahedin-e Khalq")
    assert acronym_fits("FCM", "Free Coast Movement")
    assert not acronym_fits("AP", "Port Vella")


# --------------------------------------------------------------------------- with spaCy


def test_find_mentions_with_the_recogniser_gives_exact_offsets() -> None:
    text = (
        "Arvenia, March 3, 2021. The Free Coast Movement (FCM) said that Judge Orsolya "
        "Varga-Dunn sentenced 40 protesters in Port Vella. Varga-Dunn did not comment."
    )
    mentions = find_mentions("doc1", text)
    assert all(text[m.start : m.end] == m.text and m.document == "doc1" for m in mentions)
    names = {(m.text, m.type) for m in mentions}
    assert ("FCM", "organisation") in names
    assert ("Orsolya Varga-Dunn", "person") in names
    assert not any(m.text.startswith(("Judge", "The ")) for m in mentions)


def test_the_recogniser_is_loaded_once_per_process() -> None:
    from tolltrace.nlp.mentions import load_ner

    assert load_ner() is load_ner()
