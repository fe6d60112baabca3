"""The victim pages in-process: the list with its filters, one victim's mentions, sources and
evidence, escaping, and a 404 in the one error shape. Fictional people of Valdoria."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.web_support import signed_in, template_fixture, web_fixture, well_formed  # noqa: F401
from tolltrace.model import MatchEvidence, Victim, VictimMention
from tolltrace.store import open_store


def _mention(ident: str, doc: str, words: str, fate: str, source: str | None) -> VictimMention:
    return VictimMention(
        id=ident, document=doc, uri="koss.txt", words=words, name=words, start=0,
        end=len(words), raw_start=0, raw_end=len(words), fate=fate, age=34, sex="male",
        where="Koss", attributed_to=source, sentence=f"{words} was killed in Koss.",
        normalised=words.lower(),
    )  # fmt: skip


def _fill(db: Path, koss: str, tarn: str) -> None:
    first = _mention("m-one", koss, "Mohammad Pour-Mohammadi", "killed", "Velisk Rights Watch")
    second = _mention("m-two", tarn, "Muhammad Pourmohammadi", "injured", None)
    hostile = _mention("m-three", tarn, "<script>alert('x')</script> Arven", "arrested", None)
    evidence = MatchEvidence("m-one", "m-two", 0.97, 5.1, {"name": 16.1, "age": 4.6})
    with open_store(str(db)) as store:
        store.replace_victims(
            [
                Victim(
                    "v-pour",
                    "Mohammad Pour-Mohammadi",
                    "muhamad purmohamadi",
                    "killed",
                    34,
                    "male",
                    None,
                    "Koss",
                    None,
                    (first, second),
                    (evidence,),
                ),
                Victim(
                    "v-arven",
                    hostile.words,
                    "arven",
                    "arrested",
                    None,
                    None,
                    None,
                    None,
                    None,
                    (hostile,),
                ),
            ],
            "test",
        )


def test_the_victim_list_and_one_victim(web: tuple) -> None:
    client, ids, db = web
    assert isinstance(client, TestClient)
    _fill(db, ids["koss"], ids["tarn"])
    signed_in(client, "vic")
    listing = client.get("/victims")
    assert listing.status_code == 200
    well_formed(listing.text)
    assert "Mohammad Pour-Mohammadi" in listing.text and 'href="/victims/v-pour"' in listing.text
    assert "<script>alert" not in listing.text and "&lt;script&gt;" in listing.text
    killed = client.get("/victims", params={"fate": "killed"}).text
    assert "Pour-Mohammadi" in killed and "Arven" not in killed
    named = client.get("/victims", params={"q": "arven"}).text
    assert "Arven" in named and "Pour-Mohammadi" not in named
    assert client.get("/victims", params={"fate": "happy"}).status_code in (400, 422)
    one = client.get("/victims/v-pour")
    assert one.status_code == 200
    well_formed(one.text)
    page = one.text
    assert "Muhammad Pourmohammadi" in page and "Velisk Rights Watch" in page
    assert f'href="/documents/{ids["tarn"]}"' in page
    assert "p=0.970" in page and "name +16.1" in page and "age +4.6" in page
    assert 'href="/victims"' in page  # the navigation


def test_an_unknown_victim_is_a_404(web: tuple) -> None:
    client, _, _ = web
    signed_in(client, "vic")
    missing = client.get("/victims/nobody-here")
    assert missing.status_code == 404
