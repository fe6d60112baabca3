"""Event ids that outlive a re-link, and claims a reviewer placed in an event."""

from __future__ import annotations

from tolltrace.link.event_ids import inherit_ids, pin_claims
from tolltrace.model import Event


def event(event_id: str, documents: str, claims: str) -> Event:
    return Event(
        id=event_id, label=event_id, type="killed", when=None, where=None,
        documents=tuple(documents.split()), claims=tuple(claims.split()),
    )  # fmt: skip


def test_an_event_that_grew_keeps_its_id_and_a_new_one_keeps_its_own() -> None:
    previous = [event("old-a", "d1 d2", "c1 c2"), event("old-b", "d3", "c3")]
    new = [event("new-a", "d1 d2 d4", "c1 c2 c4"), event("new-c", "d5", "c5")]
    assert [e.id for e in inherit_ids(previous, new)] == ["old-a", "new-c"]


def test_of_an_event_split_in_two_the_larger_part_keeps_the_id() -> None:
    previous = [event("old", "d1 d2 d3 d4", "c1 c2 c3 c4")]
    new = [event("small", "d4", "c4"), event("large", "d1 d2 d3", "c1 c2 c3")]
    assert [e.id for e in inherit_ids(previous, new)] == ["small", "old"]


def test_little_overlap_keeps_the_fresh_id() -> None:
    previous = [event("old", "d1 d2 d3", "c1 c2 c3")]
    assert inherit_ids(previous, [event("new", "d3 d4 d5", "c3 c4 c5")])[0].id == "new"


def test_a_pinned_claim_moves_to_its_event_only_when_that_event_exists() -> None:
    events = [event("a", "d1", "c1 c2"), event("b", "d2", "c3")]
    moved = pin_claims(events, {"c2": "b", "c1": "gone"})
    assert [e.claims for e in moved] == [(), ("c2", "c3")]
