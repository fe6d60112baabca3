"""Bodies stated with different sizes: "a commission of three" against "a panel of four men".

`reconcile_body_sizes` takes the body sizes found in each document (`find_body_sizes` on the
clean text of an event's documents) and reports every kind of body stated with more than one
size, across documents or within one, with each statement's exact words.

Bodies are of one kind when they share their modifier ("death commission", "death panel",
"death committee": the kind "death body"), or, without a modifier, their head noun. A body
named without a modifier ("a commission of three officials") joins the one modified kind
whose statements use the same head noun ("death commission"), when there is exactly one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tolltrace.extract.bodies import BodySize
from tolltrace.reconcile.sources import SourceDocument, outlet_name

__all__ = ["BodySizeDisagreement", "BodyStatement", "reconcile_body_sizes"]


@dataclass(frozen=True, slots=True)
class BodyStatement:
    """One document's statement of a body's size."""

    document: str
    outlet: str
    published: str | None
    size: BodySize


@dataclass(frozen=True, slots=True)
class BodySizeDisagreement:
    """One kind of body stated with different sizes."""

    kind: str  # "death body", or a head noun: "commission"
    label: str  # the bodies as the texts name them: "death panels / commission"
    sizes: tuple[int, ...]  # every size stated, ascending
    statements: tuple[BodyStatement, ...]  # in publication order, then text order
    reason: str  # "“commission of three officials” (Herald) states 3 members; ..."
    within_document: bool  # one document states two sizes itself

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(statement.document for statement in self.statements))


def reconcile_body_sizes(
    sizes: Mapping[str, Sequence[BodySize]],
    documents: Mapping[str, SourceDocument] | None = None,
) -> list[BodySizeDisagreement]:
    """Every kind of body stated with different sizes (document id -> its body sizes)."""
    known = documents or {}
    statements: list[BodyStatement] = []
    for document, found in sizes.items():
        source = known.get(document)
        outlet = source.outlet if source is not None else outlet_name(document)
        published = source.published if source is not None else None
        statements.extend(BodyStatement(document, outlet, published, size) for size in found)
    statements.sort(
        key=lambda s: (s.published is None, s.published or "", s.document, s.size.start)
    )
    groups: dict[str, list[BodyStatement]] = {}
    for statement in statements:
        groups.setdefault(_kind(statement.size, statements), []).append(statement)
    disagreements = []
    for kind, members in groups.items():
        values = sorted({member.size.size for member in members})
        if len(values) < 2:
            continue
        per_document: dict[str, set[int]] = {}
        for member in members:
            per_document.setdefault(member.document, set()).add(member.size.size)
        disagreements.append(
            BodySizeDisagreement(
                kind=kind,
                label=" / ".join(dict.fromkeys(member.size.body.lower() for member in members)),
                sizes=tuple(values),
                statements=tuple(members),
                reason=_reason(members),
                within_document=any(len(found) > 1 for found in per_document.values()),
            )
        )
    return disagreements


def _kind(size: BodySize, statements: Sequence[BodyStatement]) -> str:
    if size.modifier:
        return size.kind
    kinds = {s.size.kind for s in statements if s.size.modifier and s.size.head == size.head}
    return kinds.pop() if len(kinds) == 1 else size.kind


def _reason(members: Sequence[BodyStatement]) -> str:
    """The first statement of each size, quoted: "“...” states 3; “...” states 4"."""
    first: dict[int, BodyStatement] = {}
    for member in members:
        first.setdefault(member.size.size, member)
    return "; ".join(
        f"“{statement.size.text}” ({statement.outlet}) states {value} members"
        for value, statement in first.items()
    )
