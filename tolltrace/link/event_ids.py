"""Event ids that outlive a re-link, and claims a reviewer placed in an event.

An event's id is a hash of its members, so adding one article to a corpus would give its event
a new id, and every URL a researcher shared (`/events/{id}`) and every reviewer's "this claim
belongs to event X" would point at nothing. So after linking, each new event takes the id of the
previous event it overlaps most (Jaccard similarity of their claims and documents, at least
`KEEP_ID`), one to one, best pairs first; the others keep their fresh ids.

A claim a reviewer moved to an event (`pinned`: claim id -> event id) is taken out of whatever
event linking put it in and added to that event, when the event still exists.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

from tolltrace.model import Event

KEEP_ID = 0.5


def inherit_ids(previous: Sequence[Event], events: Sequence[Event]) -> list[Event]:
    """`events`, each with the id of the previous event it continues, if any."""
    if not previous:
        return list(events)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, old in enumerate(previous):
        for member in _members(old):
            holders[member].append(index)
    pairs: list[tuple[float, int, int]] = []
    for new_index, event in enumerate(events):
        members = _members(event)
        shared: dict[int, int] = defaultdict(int)
        for member in members:
            for old_index in holders.get(member, ()):
                shared[old_index] += 1
        for old_index, common in shared.items():
            union = len(members) + len(_members(previous[old_index])) - common
            score = common / union if union else 0.0
            if score >= KEEP_ID:
                pairs.append((score, new_index, old_index))
    renamed: dict[int, str] = {}
    taken: set[int] = set()
    for _, new_index, old_index in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if new_index in renamed or old_index in taken:
            continue
        renamed[new_index] = previous[old_index].id
        taken.add(old_index)
    # A fresh id is a hash of the event's members: equal to an id handed on only if some old
    # event had exactly these members, and then this event would have taken that id itself.
    return [
        dataclasses.replace(event, id=renamed[index]) if index in renamed else event
        for index, event in enumerate(events)
    ]


def pin_claims(events: Sequence[Event], pinned: Mapping[str, str | None]) -> list[Event]:
    """The events with each pinned claim moved to the event a reviewer chose (if it exists)."""
    if not pinned:
        return list(events)
    known = {event.id for event in events}
    extra: dict[str, list[str]] = defaultdict(list)
    for claim, event_id in pinned.items():
        if event_id is not None and event_id in known:
            extra[event_id].append(claim)
    result = []
    for event in events:
        claims = [c for c in event.claims if c not in pinned] + extra.get(event.id, [])
        if tuple(claims) != event.claims:
            event = dataclasses.replace(event, claims=tuple(sorted(set(claims))))
        result.append(event)
    return result


def _members(event: Event) -> set[str]:
    return {f"c:{c}" for c in event.claims} | {f"d:{d}" for d in event.documents}
