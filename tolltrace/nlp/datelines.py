"""The dateline that opens a news story: "SARENNA, April 3, 2031 —", "KEREVO (Wire) -",
"PORT ARLEN, Valdoria (AP) --", "(Valdoria Wire) -".

A dateline is not part of its sentence's grammar. Parsed with the sentence, the place becomes
the subject of the first verb ("KEREVO -- Police shot ..." makes Kerevo the shooter) and a
trailing ", the ministry said" hangs on the wrong clause. `dateline_length` tells where the
sentence proper starts, so that only the rest is parsed.

A place in capitals, a place and a date, a place and a wire service in parentheses, or the
wire service alone, then a dash. A place in ordinary capitalisation followed only by a dash is
not a dateline: "Jon Arven — a teacher — was shot" is a sentence.
"""

from __future__ import annotations

import re

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = (  # "April 3, 2031", "Apr. 3", "3 April 2031"
    rf"(?:(?:{_MONTHS})\.?[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?"
    rf"|\d{{1,2}}[ \t]+(?:{_MONTHS})(?:[ \t]+\d{{4}})?)"
)
_CAPS_WORD = r"[A-Z][A-Z.'’&-]+"
_NAME_WORD = r"[A-Z][\w.'’-]*"
_REGION = rf"(?:,[ \t]*{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})?"
_SERVICE = r"\([^()\n]{1,40}\)"
# A hyphen alone is a dash only after a space or a parenthesis: "US-Led" is a word.
_DASH = r"(?:[ \t]*(?:[—–―]|--)|[ \t]+-|(?<=\))-|^-(?=[ \t]))[ \t]*"
_DATELINE = re.compile(
    rf"[ \t]*(?:"
    # "SARENNA -", "PORT ARLEN, Valdoria, March 3 (Wire) --"
    rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}}{_REGION}(?:,[ \t]*{_DATE})?(?:[ \t]*{_SERVICE})?"
    # "Sarenna, March 3 —", "Sarenna, Valdoria (Wire) —": a date or a service makes it one
    rf"|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}{_REGION}"
    rf"(?:,[ \t]*{_DATE}(?:[ \t]*{_SERVICE})?|[ \t]*{_SERVICE})"
    # "(Wire Service) -"
    rf"|{_SERVICE}"
    # "- Soldiers killed ...": the rest of a dateline the sentence splitter cut off
    rf"|(?=[ \t]*[—–―-])"
    rf"){_DASH}(?=[\"“‘'(]?[A-Z0-9])"
)


def dateline_length(sentence: str) -> int:
    """How many characters of `sentence` a dateline opening it takes, dash and spaces
    included; 0 when it opens with none (or with nothing after it)."""
    match = _DATELINE.match(sentence)
    return match.end() if match is not None else 0
