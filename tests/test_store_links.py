"""Link results in the store: round trips, atomic replacement, claim events, decisions, lookups."""

import sqlite3
from pathlib import Path

import pytest

import tolltrace.store.sqlite as sqlite_module
from tests.conftest import prepared
from tests.fake_extractor import make_claim
from tolltrace.errors import (
    AmbiguousId,
    AmbiguousReference,
    BadEntityDecision,
    EntityNotFound,
    EventNotFound,
    StoreError,
)
from tolltrace.model import (
    Alias,
    Claim,
    Contradiction,
    Entity,
    EntityDecision,
    Event,
    Figure,
    Finding,
    Mention,
    Role,
    SourceSupport,
)
from tolltrace.store.links import EntityQuery, EventQuery
from tolltrace.store.sqlite import SCHEMA_VERSION, SQLiteStore
from tolltrace.verify import verify_store

# Fictional: the Republic of Valdoria, its Harbour Guard, the Valdorian Rights Monitor (VRM).
FIRST = (
    "The Valdorian Rights Monitor (VRM) said guards killed 120 prisoners in Koss. "
    "Minister Idris Pellamy denied it."
)
SECOND = "The VRM later said more than 150 prisoners were killed in Koss in May 2031."
THIRD = "Police arrested 40 students in Port Alder, said the Harbour Guard."


@pytest.fixture
def corpus(store: SQLiteStore) -> dict[str, Claim]:
    """Three documents with one claim each; the claims keyed by a short name."""
    claims = {}
    for key, text, words, category, source in (
        ("first", FIRST, "killed 120 prisoners", "killed", "Valdorian Rights Monitor"),
        ("second", SECOND, "more than 150 prisoners were killed", "killed", "VRM"),
        ("third", THIRD, "arrested 40 students", "arrested", "Harbour Guard"),
    ):
        doc = prepared(text, uri=f"https://{key}.example.org/story")
        store.add_document(doc, "t")
        low = int(next(w for w in words.split() if w.isdigit()))
        claim = make_claim(
            doc.id, words, text.index(words), category, low=low, high=None, attributed_to=source
        )
        store.store_claims(doc.id, "v1", [claim], "extract-run")
        claims[key] = claim
    return claims


def _entities(claims: dict[str, Claim]) -> list[Entity]:
    first, second = claims["first"].document, claims["second"].document
    monitor = Entity(
        "e1a2b3c4monitor",
        "Valdorian Rights Monitor",
        "organisation",
        aliases=(
            Alias("Valdorian Rights Monitor", "canonical"),
            Alias("VRM", "acronym", "Valdorian Rights Monitor (VRM)", first, 4, 34),
            Alias("Valdorian Rights Moniter", "variant", score=0.93),
        ),
        mentions=(
            Mention(first, 4, 28, "Valdorian Rights Monitor", "organisation"),
            Mention(second, 4, 7, "VRM", "organisation"),
            Mention(first, 30, 33, "VRM", "organisation"),  # order across documents is kept
        ),
    )
    minister = Entity(
        "e1a2ffffminister",
        "Idris Pellamy",
        "person",
        aliases=(Alias("Idris Pellamy", "canonical"), Alias("Pellamy", "surname")),
        roles=(Role("Minister", None, "Minister Idris Pellamy", first, 77, 99),),
        mentions=(Mention(first, 86, 99, "Idris Pellamy", "person"),),
    )
    koss = Entity("e9koss", "Koss", "place", mentions=(Mention(first, 71, 75, "Koss", "place"),))
    return [monitor, minister, koss]


def _events(claims: dict[str, Claim]) -> list[Event]:
    killing = Event(
        "ev0koss",
        "the Koss prison killings",
        "killed",
        "2031-05",
        "Koss",
        (claims["first"].document, claims["second"].document),
        (claims["first"].id, claims["second"].id),
        name="the Koss prison killings",
        evidence=("same type, place and month",),
    )
    arrests = Event(
        "ev1alder",
        "arrested in Port Alder",
        "arrested",
        None,
        "Port Alder",
        (claims["third"].document,),
        (claims["third"].id,),
    )
    return [killing, arrests]


def _findings(claims: dict[str, Claim]) -> list[Finding]:
    first, second = claims["first"], claims["second"]
    figures = tuple(
        Figure(
            claim.id,
            claim.document,
            claim.low,
            claim.high,
            claim.qualifier,
            claim.text,
            claim.sentence,
            claim.attributed_to,
            outlet,
            "Valdorian Rights Monitor",
            published,
            negated=negated,
        )
        for claim, outlet, published, negated in (
            (first, "first.example.org", "2031-05-02", False),
            (second, "second.example.org", None, True),
        )
    )
    return [
        Finding(
            "ev0koss",
            "killed",
            figures,
            None,
            None,
            False,
            (Contradiction(first.id, second.id, "more than 150 is above 120"),),
            (
                SourceSupport("120", 120, 120, ("Valdorian Rights Monitor",)),
                SourceSupport("more than 150", 151, None, ("VRM",), ("second.example.org",)),
            ),
        ),
        Finding("ev1alder", "arrested", (), 40, None, True),
    ]


def _replace(store: SQLiteStore, claims: dict[str, Claim], run: str = "link-1") -> None:
    store.replace_links(_entities(claims), _events(claims), _findings(claims), run)


def test_every_record_round_trips(store: SQLiteStore, corpus: dict[str, Claim]) -> None:
    counts = store.replace_links(_entities(corpus), _events(corpus), _findings(corpus), "run")
    assert (counts.entities, counts.events, counts.findings, counts.claims) == (3, 2, 2, 3)
    by_id = {entity.id: entity for entity in store.entities()}
    assert [by_id[entity.id] for entity in _entities(corpus)] == _entities(corpus)
    assert sorted(store.events(), key=lambda e: e.id) == _events(corpus)
    assert list(store.findings()) == _findings(corpus)
    assert list(store.findings("ev1alder")) == _findings(corpus)[1:]
    assert store.get_event("ev0koss") == _events(corpus)[0]
    assert store.entity_mention_count("e1a2b3c4monitor") == 3
    # A stored document is referred to by its row number, not by its 64-character id.
    (packed,) = store._db.execute("SELECT mentions FROM entities WHERE name = 'Koss'").fetchone()
    assert corpus["first"].document not in packed


def test_listings_filter_order_and_count(store: SQLiteStore, corpus: dict[str, Claim]) -> None:
    _replace(store, corpus)
    assert next(store.entities()).name == "Valdorian Rights Monitor"  # the most mentioned
    assert [e.name for e in store.entities(EntityQuery(type="person"))] == ["Idris Pellamy"]
    assert [e.id for e in store.entities(EntityQuery(name="vrm"))] == ["e1a2b3c4monitor"]
    assert store.count_entities(EntityQuery(name="O")) == 2  # Monitor and Koss
    light = list(store.entities(EntityQuery(limit=1, mentions=False)))
    assert len(light) == 1 and light[0].mentions == () and light[0].aliases
    assert [e.id for e in store.events()] == ["ev0koss", "ev1alder"]  # dated first
    assert [e.id for e in store.events(EventQuery(text="PRISON"))] == ["ev0koss"]
    assert [e.id for e in store.events(EventQuery(type="arrested"))] == ["ev1alder"]
    doc = corpus["second"].document
    assert [e.id for e in store.events(EventQuery(document=doc[:10]))] == ["ev0koss"]
    assert store.count_events(EventQuery(limit=1)) == 2
    assert [e.id for e in store.events(EventQuery(limit=1, offset=1))] == ["ev1alder"]


def test_a_name_filter_with_like_wildcards_is_literal(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    _replace(store, corpus)
    assert list(store.entities(EntityQuery(name="%"))) == []
    assert list(store.events(EventQuery(text="_"))) == []


def test_claims_get_their_event_and_lose_it_on_re_link(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    _replace(store, corpus)
    linked = {claim.id: (claim.event, claim.event_label) for claim in store.claims()}
    assert linked[corpus["first"].id] == ("ev0koss", "the Koss prison killings")
    assert linked[corpus["third"].id] == ("ev1alder", "arrested in Port Alder")
    # The re-link keeps only the killing, now without the second document's claim.
    killing = _events(corpus)[0]
    fewer = Event(
        killing.id, "Koss, May 2031", "killed", "2031-05", "Koss", killing.documents[:1],
        killing.claims[:1],
    )  # fmt: skip
    counts = store.replace_links([], [fewer], [], "link-2")
    assert counts.claims == 1
    assert (counts.replaced_entities, counts.replaced_events, counts.replaced_findings) == (3, 2, 2)
    linked = {claim.id: (claim.event, claim.event_label) for claim in store.claims()}
    assert linked[corpus["first"].id] == ("ev0koss", "Koss, May 2031")
    assert linked[corpus["second"].id] == (None, None)
    assert linked[corpus["third"].id] == (None, None)
    assert list(store.entities()) == [] and list(store.findings()) == []
    with pytest.raises(EventNotFound):
        store.get_event("ev1alder")


def test_replace_is_idempotent(store: SQLiteStore, corpus: dict[str, Claim]) -> None:
    _replace(store, corpus, "link-1")
    state = (list(store.entities()), list(store.events()), list(store.findings()))
    claims = list(store.claims())
    _replace(store, corpus, "link-2")
    assert (list(store.entities()), list(store.events()), list(store.findings())) == state
    assert list(store.claims()) == claims
    entries = [e for e in store.custody() if e.action == "link"]
    assert [e.subject for e in entries] == ["link-1", "link-2"]
    assert entries[0].details["ids_sha256"] == entries[1].details["ids_sha256"]
    assert entries[1].details["replaced"] == {"entities": 3, "events": 2, "findings": 2}


def test_a_failed_replace_leaves_the_earlier_results(
    store: SQLiteStore, corpus: dict[str, Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    _replace(store, corpus)
    before = (list(store.entities()), list(store.events()), list(store.findings()))
    claims = list(store.claims())

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "append_custody", fail)  # fails after every write of the batch
    with pytest.raises(RuntimeError):
        store.replace_links([], [], [], "link-2")
    monkeypatch.undo()
    assert (list(store.entities()), list(store.events()), list(store.findings())) == before
    assert list(store.claims()) == claims
    assert verify_store(store).ok


def test_repeated_ids_are_refused_before_anything_changes(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    _replace(store, corpus)
    entity = _entities(corpus)[0]
    with pytest.raises(StoreError, match="repeat the entity id"):
        store.replace_links([entity, entity], [], [], "link-2")
    assert store.count_entities() == 3


def test_the_link_custody_entry_counts_and_hashes(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    _replace(store, corpus, "link-7")
    entry = [e for e in store.custody() if e.action == "link"][-1]
    assert entry.subject == "link-7"
    assert entry.details["entities"] == 3 and entry.details["events"] == 2
    assert entry.details["findings"] == 2 and entry.details["claims_linked"] == 3
    assert len(entry.details["ids_sha256"]) == 64
    assert verify_store(store).ok


def test_decisions_are_kept_with_custody_and_survive_replace(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    merge = EntityDecision(
        "merge", ("Valdorian Rights Monitor", " VRM ", "VRM"), "same group", "ana"
    )
    stored = store.add_entity_decision(merge)
    assert stored.names == ("Valdorian Rights Monitor", "VRM") and stored.at
    store.add_entity_decision(EntityDecision("split", ("Pellamy",), "two people", at="2031-06-01"))
    _replace(store, corpus)
    store.replace_links([], [], [], "link-2")
    decisions = store.entity_decisions()
    assert [d.action for d in decisions] == ["merge", "split"]
    assert decisions[0] == stored
    assert decisions[1].at == "2031-06-01" and decisions[1].by == ""
    entries = [e for e in store.custody() if e.action.startswith("entity-")]
    assert [(e.action, e.subject) for e in entries] == [
        ("entity-merge", "Valdorian Rights Monitor"),
        ("entity-split", "Pellamy"),
    ]
    assert entries[0].details["reason"] == "same group" and entries[0].details["by"] == "ana"


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (EntityDecision("merge", ("VRM",), "same"), "at least two"),
        (EntityDecision("merge", ("VRM", "vrm "), "same"), None),  # distinct names: accepted
        (EntityDecision("split", (" ",), "two people"), "at least one"),
        (EntityDecision("join", ("A", "B"), "same"), "unknown entity decision"),
        (EntityDecision("merge", ("A", "B"), "  "), "reason"),
    ],
)
def test_bad_decisions_are_refused(
    store: SQLiteStore, decision: EntityDecision, message: str | None
) -> None:
    if message is None:
        store.add_entity_decision(decision)
        return
    with pytest.raises(BadEntityDecision, match=message):
        store.add_entity_decision(decision)
    assert store.entity_decisions() == []
    assert not [e for e in store.custody() if e.action.startswith("entity-")]


def test_entities_resolve_by_id_prefix_name_or_alias(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    _replace(store, corpus)
    assert store.get_entity("e1a2b3c4monitor").name == "Valdorian Rights Monitor"
    assert store.get_entity("e1a2b3").id == "e1a2b3c4monitor"
    assert store.get_entity("valdorian rights monitor").id == "e1a2b3c4monitor"
    assert store.get_entity("vrm").id == "e1a2b3c4monitor"
    assert store.get_entity(" Pellamy ").name == "Idris Pellamy"
    assert store.get_entity("Koss").type == "place"
    with pytest.raises(AmbiguousReference, match="e1a2b3c4monitor") as caught:
        store.get_entity("e1a2")
    assert isinstance(caught.value, AmbiguousId) and caught.value.code == "T312"
    with pytest.raises(EntityNotFound, match="tolltrace entities"):
        store.get_entity("Harbour Guard")
    with pytest.raises(EntityNotFound):
        store.get_entity("")


def test_events_resolve_by_id_prefix(store: SQLiteStore, corpus: dict[str, Claim]) -> None:
    _replace(store, corpus)
    assert store.get_event("ev0").label == "the Koss prison killings"
    with pytest.raises(AmbiguousReference):
        store.get_event("ev")
    with pytest.raises(EventNotFound) as caught:
        store.get_event("the Koss prison killings")
    assert caught.value.code == "T311"


def test_an_entity_is_the_source_of_claims_under_any_of_its_names(
    store: SQLiteStore, corpus: dict[str, Claim]
) -> None:
    _replace(store, corpus)
    claims = store.entity_claims("e1a2b3c4monitor")
    assert [c.id for c in claims] == [corpus["first"].id, corpus["second"].id]
    assert store.entity_claims("e9koss") == []
    with pytest.raises(EntityNotFound):
        store.entity_claims("nope")


def test_source_matching_ignores_case_but_not_partial_names(store: SQLiteStore) -> None:
    doc = prepared("The vrm counted 9 dead. The VRM Youth Wing counted 3 dead.")
    store.add_document(doc, "t")
    claims = [
        make_claim(doc.id, "9 dead", 16, attributed_to="vrm"),
        make_claim(doc.id, "3 dead", 51, attributed_to="VRM Youth Wing"),
    ]
    store.store_claims(doc.id, "v1", claims, "run")
    store.replace_links([Entity("e1", "VRM", "organisation")], [], [], "run")
    assert [c.id for c in store.entity_claims("e1")] == [claims[0].id]


def test_event_claims_in_reading_order(store: SQLiteStore, corpus: dict[str, Claim]) -> None:
    _replace(store, corpus)
    assert [c.id for c in store.event_claims("ev0k")] == [corpus["first"].id, corpus["second"].id]
    other = store.event_claims("ev0koss")
    assert other, "the prefix names another event, with claims of its own"
    assert all(c.event == "ev0koss" for c in other)
    with pytest.raises(EventNotFound):
        store.event_claims("zz")


def test_mentions_are_stored_compactly(store: SQLiteStore) -> None:
    doc = "d" * 64
    mentions = tuple(Mention(doc, n * 10, n * 10 + 3, "VRM", "organisation") for n in range(500))
    store.replace_links([Entity("e1", "VRM", "organisation", mentions=mentions)], [], [], "run")
    (stored,) = store._db.execute("SELECT mentions FROM entities").fetchone()
    assert len(stored) < 16 * len(mentions)  # the document id and the text once, not 500 times
    assert store.get_entity("e1").mentions == mentions


def test_a_version_2_store_is_migrated_with_its_documents_and_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    doc = prepared(FIRST)
    claim = make_claim(doc.id, "killed 120 prisoners", FIRST.index("killed 120"), low=120)
    with monkeypatch.context() as patch:
        patch.setattr(sqlite_module, "MIGRATIONS", sqlite_module.MIGRATIONS[:2])
        patch.setattr(sqlite_module, "SCHEMA_VERSION", 2)
        with SQLiteStore(path) as old:
            old.add_document(doc, "t")
            # As version 2 stored it (today's store_claims needs the later tables).
            old._db.execute(
                'INSERT INTO claims (id, document, uri, text, sentence, start, "end", raw_start, '
                "raw_end, low, high, qualifier, category, subject, negated, confidence, "
                "extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (claim.id, doc.id, claim.uri, claim.text, claim.sentence, claim.start, claim.end,
                 claim.raw_start, claim.raw_end, 120, 1, "exact", "killed", "people", 0, 0.5,
                 "v1"),
            )  # fmt: skip
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert "entities" not in tables
    with SQLiteStore(path) as store:
        assert store.count_documents() == 1
        assert [c.id for c in store.claims()] == [claim.id]
        event = Event("ev", "Koss", "killed", None, "Koss", (doc.id,), (claim.id,))
        store.replace_links([], [event], [], "link")
        assert [c.event for c in store.claims()] == ["ev"]
        # The claim was written by hand above, with no extract entry: verify says so.
        problems = verify_store(store).problems
        assert [p.problem for p in problems] == ["1 claims stored without an extract custody entry"]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
        indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert {"claims_event", "event_documents", "entity_names", "findings"} <= indexes


def test_a_name_shared_by_a_place_and_a_persons_alias_is_the_person(store: SQLiteStore) -> None:
    # Regression (issue 21): the place's exact name was found before the person's alias.
    pellamy = Entity("p-pellamy", "Idris Pellamy", "person", (Alias("Pellamy", "surname"),))
    town = Entity("pl-pellamy", "Pellamy", "place")
    store.replace_links([town, pellamy], [], [], "link-1")
    assert store.get_entity("pellamy").id == "p-pellamy"
    other = Entity("p-pellamy-2", "Mara Pellamy", "person", (Alias("Pellamy", "surname"),))
    store.replace_links([town, pellamy, other], [], [], "link-2")
    with pytest.raises(AmbiguousReference, match="p-pellamy-2"):
        store.get_entity("Pellamy")  # two people: the reader must choose
