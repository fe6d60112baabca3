"""Sources named short within a document: "the Monitor", "the minister", "Rights monitor".

A report names an organisation or an official in full once ("the Valdorian Human Rights
Monitor", "Interior Minister Teodor Brankovar") and then short: by the name's last words ("the
Monitor", "the rights monitor") or by the office ("the minister", "the interior minister").
Attributions use the short forms as often as the full ones, so counting sources by the words
of the attribution makes one organisation several sources. Within one document a short form
stands for the one entity of that document it fits:

- an organisation whose canonical name or an alias ends with the short form's words ("human
  rights monitor", "monitor");
- a person holding, in that document, a role whose title ends with them ("minister",
  "interior minister").

A short form two entities of the document fit ("the ministry" with two ministries named) is
left as written. Names that are already an alias anywhere in the corpus are resolved by
`entities.canonical_name` first; this is the fallback.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tolltrace.model import Entity

__all__ = ["ShortNames"]

_LEADING = re.compile(r"^(?:the|its|their|his|her|a|an)\s+", re.IGNORECASE)
_MAX_WORDS = 3  # a longer attribution is a description, not a short name


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str  # the entity's canonical name
    forms: tuple[str, ...]  # its names (organisations) or role titles (persons), lower case


class ShortNames:
    """Per document, the entities a short form of a source can stand for."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_document: dict[str, list[_Candidate]] = defaultdict(list)
        for entity in entities:
            if entity.type == "organisation":
                forms = tuple(
                    n.casefold() for n in (entity.name, *(a.name for a in entity.aliases))
                )
                for document in sorted({m.document for m in entity.mentions}):
                    self._by_document[document].append(_Candidate(entity.name, forms))
            elif entity.type == "person":
                titles: dict[str, list[str]] = defaultdict(list)
                for role in entity.roles:
                    titles[role.document].append(role.title.casefold())
                for document, found in titles.items():
                    self._by_document[document].append(_Candidate(entity.name, tuple(found)))

    def resolve(self, document: str, source: str) -> str | None:
        """The canonical name of the one entity of `document` the short form fits, or None."""
        words = _LEADING.sub("", source.strip()).casefold().split()
        if not words or len(words) > _MAX_WORDS:
            return None
        short = " ".join(words)
        fitting = {
            candidate.name
            for candidate in self._by_document.get(document, ())
            if any(form == short or form.endswith(" " + short) for form in candidate.forms)
        }
        return next(iter(fitting)) if len(fitting) == 1 else None
