from dataclasses import replace

from tolltrace.store.custody import GENESIS, next_entry, verify_chain


def _chain(length: int) -> list:
    entries, previous = [], None
    for number in range(length):
        previous = next_entry(previous, "ingest", f"doc{number}", {"size": number})
        entries.append(previous)
    return entries


def test_an_untouched_chain_verifies() -> None:
    entries = _chain(5)
    assert entries[0].prev_hash == GENESIS
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert verify_chain(entries) == []


def test_an_altered_entry_is_named() -> None:
    entries = _chain(4)
    entries[2] = replace(entries[2], details={"size": 999})
    problems = verify_chain(entries)
    assert [p.where for p in problems] == ["custody #3"]
    assert "content altered" in problems[0].problem


def test_a_removed_entry_breaks_the_chain_where_it_was() -> None:
    entries = _chain(4)
    del entries[1]
    wheres = {p.where for p in verify_chain(entries)}
    assert wheres == {"custody #3"}


def test_a_rehashed_forgery_still_breaks_the_link_to_the_next_entry() -> None:
    entries = _chain(3)
    forged = next_entry(entries[0], "ingest", "forged", {"size": 1}, at=entries[1].at)
    entries[1] = forged
    problems = verify_chain(entries)
    assert any(p.where == "custody #3" and "chain broken" in p.problem for p in problems)
