"""brat standoff attribution annotations (PolNeAR): Source / Cue / Content spans and relations.

Text-bound lines `T<n>\t<Type> <start> <end>[;<start> <end>...]\t<surface>` give spans (possibly
discontinuous); event lines `E<n>\t<Trigger>:T<a> Content:T<b> Cue:T<c> Source:T<d>` tie them
into one attribution. Surface strings may run over several lines; only offsets are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tolltrace.errors import BadRecord

Fragments = tuple[tuple[int, int], ...]  # character offsets; brat spans may be discontinuous


@dataclass(frozen=True, slots=True)
class Attribution:
    """One gold attribution relation: who (source) says (cue) what (content)."""

    id: str
    content: Fragments  # Content and Content2 fragments together
    source: Fragments  # empty when the relation has no source
    cue: Fragments
    content_text: str
    source_text: str | None


_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_RELATION = re.compile(r"^(E\d+)\t(\S.*)$")


def parse_brat_attributions(ann: str, text: str, where: str) -> tuple[Attribution, ...]:
    """The attribution relations (E lines) of a brat file, spans resolved against `text`."""
    spans: dict[str, Fragments] = {}
    relations: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.split("\n"):
        if match := _TEXT_BOUND.match(line):
            fragments = tuple(
                (int(start), int(end))
                for start, end in (piece.split() for piece in match.group(3).split(";"))
            )
            if any(not 0 <= start <= end <= len(text) for start, end in fragments):
                raise BadRecord(f"{where}: span {match.group(1)} lies outside its text")
            spans[match.group(1)] = fragments
        elif match := _RELATION.match(line):
            arguments = [tuple(part.split(":", 1)) for part in match.group(2).split()]
            if any(len(argument) != 2 for argument in arguments):
                raise BadRecord(f"{where}: relation {match.group(1)} is malformed")
            relations.append((match.group(1), [(role, ref) for role, ref in arguments]))
    result = []
    for relation, arguments in relations:
        roles: dict[str, list[tuple[int, int]]] = {}
        for role, ref in arguments:
            if ref not in spans:
                raise BadRecord(f"{where}: relation {relation} refers to unknown span {ref}")
            roles.setdefault(re.sub(r"\d+$", "", role), []).extend(spans[ref])
        content, source = tuple(roles.get("Content", ())), tuple(roles.get("Source", ()))
        result.append(
            Attribution(
                relation,
                content,
                source,
                tuple(roles.get("Cue", ())),
                " ".join(text[start:end] for start, end in content),
                " ".join(text[start:end] for start, end in source) if source else None,
            )
        )
    return tuple(result)
