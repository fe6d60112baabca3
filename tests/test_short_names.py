"""Sources named short within a document ("the Monitor", "the minister"), fictional names."""

from __future__ import annotations

from tolltrace.link.short_names import ShortNames
from tolltrace.model import Alias, Entity, Mention, Role


def org(name: str, *documents: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        id=name, name=name, type="organisation",
        aliases=tuple(Alias(a, "acronym") for a in aliases),
        mentions=tuple(Mention(d, 0, len(name), name, "organisation") for d in documents),
    )  # fmt: skip


def person(name: str, title: str, document: str) -> Entity:
    return Entity(
        id=name, name=name, type="person",
        roles=(Role(title, None, f"{title} {name}", document, 0, 10),),
        mentions=(Mention(document, 0, len(name), name, "person"),),
    )  # fmt: skip


NAMES = ShortNames(
    [
        org("Tarn Human Rights Watch", "a", "b", aliases=("THRW",)),
        org("Interior Ministry", "a"),
        org("Health Ministry", "b"),
        org("Justice Ministry", "b"),
        person("Edda Vorn", "Interior Minister", "a"),
    ]
)


def test_last_words_of_an_organisation_of_the_document() -> None:
    assert NAMES.resolve("a", "the Watch") == "Tarn Human Rights Watch"
    assert NAMES.resolve("a", "Rights Watch") == "Tarn Human Rights Watch"
    assert NAMES.resolve("a", "the ministry") == "Interior Ministry"


def test_an_office_held_in_the_document() -> None:
    assert NAMES.resolve("a", "the minister") == "Edda Vorn"
    assert NAMES.resolve("a", "the interior minister") == "Edda Vorn"
    assert NAMES.resolve("b", "the minister") is None  # nobody holds it in b


def test_a_short_form_two_entities_fit_or_a_description_stays_as_written() -> None:
    assert NAMES.resolve("b", "the ministry") is None  # two ministries in b
    assert NAMES.resolve("c", "the Watch") is None  # not named in c
    assert NAMES.resolve("a", "a senior official at the ministry") is None
    assert NAMES.resolve("a", "witnesses") is None
