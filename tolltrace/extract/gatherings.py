"""Violence at a gathering for the dead: a vigil, a memorial, a funeral.

A report of people shot at a vigil names the dead the vigil is for ("four porters were shot at a
vigil ... for a docker killed on Sunday"). Those dead are another incident's: they do not make
the people shot at the vigil victims who may have died (`claims.resolve_wounded`), and they are
no count of the vigil's incident (`link.event_claims`).
"""

from __future__ import annotations

import re

# A gathering for the dead, in lower case ("Memorial Day" or "Memorial Hospital" is none).
_GATHERING = r"(?:vigils?|memorials?|funerals?|repast)\b"
# Violence at such a gathering: "shot at a vigil", "gunfire erupted near a vigil", "opened fire
# minutes into a vigil", "shot ... as people gathered for a vigil", "during the vigil, a gunman
# ... started shooting".
_VIOLENCE_AT_GATHERING = re.compile(
    r"\b(?i:shot|shooting|gunfire|opened fire|gunshots|shots|stabbed|stabbing|attacked)\b"
    r"[^.!?\n]{0,60}?\b(?i:at|near|during|into|outside|as (?:\w+ ){1,3}(?:for|to)) "
    rf"(?:(?:a|an|the) )?(?:[\w-]+ ){{0,2}}{_GATHERING}"
    rf"|\b(?i:during|at) (?:a|the) (?:[\w-]+ )?{_GATHERING},?[^.!?\n]{{0,80}}?"
    r"\b(?i:shooting|opened fire|fired|shot|stabbed|stabbing)\b"
)
# Right before a count, the dead a gathering is for: "a vigil for ...", "The vigil was for
# ...", "a vigil Monday evening for ...", "gathered to mourn the death of ...", "to remember".
_MOURNED = re.compile(
    rf"\b(?:{_GATHERING}(?: [\w-]+){{0,3}} for"
    r"|(?i:mourn|remember|honou?r)(?:ed|ing|s)?(?: the (?:deaths?|loss|lives|life|memory) of)?)"
    r" \Z"
)
_MOURNED_REACH = 60  # characters before a count searched for `_MOURNED`


def violence_at_gathering(text: str) -> bool:
    """The text tells of violence at a gathering for the dead."""
    return _VIOLENCE_AT_GATHERING.search(text) is not None


def mourned(sentence: str, words: str) -> bool:
    """The count whose `words` are in `sentence` is of the dead a gathering is for ("a vigil
    for a teenager fatally shot on Sunday")."""
    start = sentence.find(words)
    return (
        start > 0 and _MOURNED.search(sentence[max(0, start - _MOURNED_REACH) : start]) is not None
    )
