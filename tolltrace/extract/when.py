"""When the counted events happened: time expressions normalised against the publication date.

Regular expressions find every time expression of a sentence with its value (absolute dates on
their own; dates without a year and relative ones such as "last week" against the publication
date); the parse then picks the one that belongs to the claim (`where.closest_to_claim`): in
the claim's own clause and nearest to it in the tree, else nearest in the text. A time attached
to a verb or noun of saying ("police said Monday") is when it was said, and is never chosen.

Values are ISO 8601 at the precision the text states ("1988", "2019-11", "2019-11-17") or
intervals "start/end"; "since 2019" runs to the publication date (or "..", when unknown).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from tolltrace.clean.dates import _CARDINALS, _MONTH_NAMES, MAX_YEAR
from tolltrace.extract.where import Phrase, closest_to_claim
from tolltrace.nlp.parse import ParsedSentence

Parts = tuple[int | None, int | None, int | None]  # year, month, day; None where unstated

_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)} | {
    name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)
}
_MONTH_NUMBER["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Northern-hemisphere seasons by month; winter runs into February of the next year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASONS["winter"] = (12, 14)
# "early/mid/late": days of a month, months of a year, years of a decade.
_PART = {
    "day": {"early": (1, 10), "mid": (11, 20), "late": (21, 31)},
    "month": {"early": (1, 4), "mid": (5, 8), "late": (9, 12)},
    "year": {"early": (0, 3), "mid": (4, 6), "late": (7, 9)},
}
_MIN_YEAR = 1600


def _month(name: str, abbreviated: bool = True) -> str:
    full = "|".join(_MONTH_NAMES)
    short = r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?" if abbreviated else ""
    return rf"(?P<{name}>(?:{full})\b{short})"


def _day(name: str) -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"


_MONTH = _month("other")
_YEAR = r"(?<![\d$£€#.,])(?P<y>(?:1[6-9]|20)\d{2})(?!\d|,\d|['’]?s\b)"
_OPT_YEAR = rf"(?:,?\s+{_YEAR})?"
_MOD = r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_TO = r"\s*(?:-|–|—|to|and|through|until|till)\s*"
_SEASON = r"(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
# A day followed by people is a count ("June 12 people died"), not a date.
_NOT_COUNTED = r"(?!\s+(?:people|persons|men|women|children|protesters|prisoners|others)\b)"
# Most specific first: a span taken by an earlier form is not read again by a later one. Each
# form runs only if the sentence has its cue (a year, a month, a slash); bare years and months
# (kind "year", "month") must also pass a look at their context.
_ABSOLUTE = [
    (re.compile(pattern), cue, kind)
    for pattern, cue, kind in [
        (r"(?<![\d-])(?P<y>\d{4})-(?P<n>\d{2})-(?P<d>\d{2})(?!\d)", "year", ""),
        (r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", "slash", ""),
        (rf"{_month('m')}\s*{_day('d1')}{_TO}{_day('d2')}{_OPT_YEAR}(?!\s+(?:of\s+)?{_MONTH})",
         "month", ""),
        (rf"(?<![\d,.]){_day('d1')}{_TO}{_day('d2')}\s+(?:of\s+)?{_month('m')}{_OPT_YEAR}",
         "month", ""),
        (rf"{_WEEKDAY}{_month('m')}\s*{_day('d')}(?:,?\s+{_YEAR}|{_NOT_COUNTED})", "month", ""),
        (rf"{_WEEKDAY}(?<![\d,.])(?:the\s+)?{_day('d')}\s+(?:of\s+)?{_month('m')}{_OPT_YEAR}",
         "month", ""),
        (rf"{_MOD}{_month('m')}(?:,?\s+|\s+of\s+){_YEAR}", "month", ""),
        (rf"{_MOD}{_SEASON}\s+(?:of\s+)?{_YEAR}", "year", ""),
        (rf"{_MOD}(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)['’]?s\b", "year", ""),
        (rf"{_YEAR}\s*[-–—]\s*(?P<y2>\d{{2}})(?!\d)", "year", ""),
        (rf"{_MOD}{_YEAR}", "year", "year"),
        (rf"{_MOD}{_month('m', abbreviated=False)}", "month", "month"),
    ]
]  # fmt: skip
_FOUR_DIGITS = re.compile(r"\d{4}")
_MONTH_CUE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_PEOPLE = re.compile(r"(?:people|persons|men|women|children|[a-z]+[^s\W]s)\b")
# Words before a bare year that make it a time even before a plural ("in 2019 protests ...");
# words before a number that make it a count; words before a bare month that make it a month.
_YEAR_CONTEXT = re.compile(
    r"in|of|since|during|by|from|until|till|through|between|to|the|its|their|his|her|our|this"
    r"|that|before|after|early|late|mid|summer|spring|autumn|fall|winter"
)
_COUNT_BEFORE = re.compile(
    r"than|least|about|around|some|over|nearly|almost|approximately|estimated|roughly"
)
_MONTH_CONTEXT = re.compile(
    r"in|on|since|during|from|until|till|through|by|of|between|and|to|last|this|before|after"
    r"|throughout|the"
)
# After "a" or "an", a month is a time only before an event: "in a December shooting", "a
# March raid"; not "A March for Peace".
_MONTH_EVENT_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:shootings?|attacks?|raids?|massacres?|killings?|bombings?|"
    r"stabbings?|ambush|incidents?|crackdown|protests?|clashes|riots?|fire|shootout)\b"
)
# A date between a dateline's place and its dash: "SARENNA, March 14 (Wire) - ...".
_DATELINE_BEFORE = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*,[ \t]*"
    r"|[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*[ \t]+)?"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--?|:)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same|the\s+following|the\s+next)\s+year")
_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b[Bb]etween\s+(?:the\s+)?$")
_SINCE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?$")

# Relative expressions: a value only with a publication date.
_DAY_CUES = ("yesterday", "today", "tonight", "night", "morning", "afternoon", "evening")
_UNIT_CUES = ("week", "month", "year", "spring", "summer", "autumn", "fall", "winter")
_RELATIVE_DAY = re.compile(
    r"\b(?:the\s+)?day\s+before\s+yesterday|\byesterday|\blast\s+night|\btoday|\btonight"
    r"|\bthis\s+(?:morning|afternoon|evening)|\bearlier\s+today",
    re.IGNORECASE,
)
_RELATIVE_WEEKDAY = re.compile(
    r"\b(?:(?P<which>(?i:last|this|past|next))\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)"
)
_RELATIVE_UNIT = re.compile(
    r"\b(?P<which>(?:earlier|later)\s+this|this|last|past|the\s+past|the\s+last|next)\s+"
    r"(?P<unit>week(?:end)?|month|year|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:over|during|on|at)\s+the\s+(?P<weekend>weekend)\b",
    re.IGNORECASE,
)
_RELATIVE_SPAN = re.compile(
    r"\b(?:(?P<the>the\s+(?:past|last))\s+)?(?P<n>\d+|(?:[a-z]+[\s-])?[a-z]+)\s+"
    r"(?P<unit>hour|day|week|month|year)s?(?(the)|\s+ago)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int  # offsets into the sentence text
    end: int
    value: str  # ISO 8601 date or "start/end" interval


@dataclass(frozen=True, slots=True)
class _Atom:
    """An absolute expression; a year left None is inferred from the publication date."""

    start: int
    end: int
    first: Parts
    last: Parts
    before: bool = False  # "last March": strictly before the publication month


@dataclass(frozen=True, slots=True)
class _Reference:
    """The publication date at the precision it is known."""

    year: int
    month: int | None
    today: date | None

    @property
    def iso(self) -> str:
        if self.today:
            return str(self.today)
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


def claim_time(
    sentence: ParsedSentence, first: int, last: int, published: str | None
) -> str | None:
    """ISO 8601 date or interval of what the claim on tokens `first`..`last` counts, or None."""
    phrases = []
    for expression in time_expressions(sentence.text, published):
        if (
            len(expression.value) == len("2025-03-14")
            and _DATELINE_BEFORE.fullmatch(sentence.text, 0, expression.start)
            and _DATELINE_AFTER.match(sentence.text, expression.end)
        ):
            # "SARENNA, March 14, 2025 — ...": the day of the report. A month or a year in its
            # place heads an entry of a timeline ("August 2019: two men shot at a market").
            continue
        tokens = _tokens_in(sentence, expression.start, expression.end)
        if tokens:
            anchor = next((t for t in tokens if sentence.tokens[t].head not in tokens), tokens[0])
            phrases.append(Phrase(anchor, tokens[0], tokens[-1], expression.value))
    return closest_to_claim(sentence, first, last, phrases)


def _tokens_in(sentence: ParsedSentence, start: int, end: int) -> list[int]:
    offset = sentence.start
    # tokens are in text order: a search, not a scan per claim and expression
    first = bisect_right(sentence.tokens, start + offset, key=lambda t: t.end)
    found = []
    tokens = sentence.tokens
    while first < len(tokens) and tokens[first].start - offset < end:
        found.append(tokens[first].i)
        first += 1
    return found


# --- absolute expressions ---------------------------------------------------------------------


@lru_cache(maxsize=8192)
def time_expressions(text: str, published: str | None) -> tuple[TimeExpression, ...]:
    """Every time expression of `text` that has a value, in text order."""
    reference = _reference(published)
    atoms = _merge_ranges(text, _absolute_atoms(text))
    taken = [(a.start, a.end) for a in atoms]
    found: list[TimeExpression] = []
    for atom in atoms:
        if atom.first[0] is None and atom.last[0] is None and _THAT_YEAR.match(text, atom.end):
            continue  # "between July and September of that year" needs the previous sentence
        value = _atom_value(atom, reference)
        if value is not None:
            found.append(_since(text, TimeExpression(atom.start, atom.end, value), reference))
    if reference is not None:
        for expression in _relative(text, reference):
            if not any(expression.start < e and s < expression.end for s, e in taken):
                taken.append((expression.start, expression.end))
                found.append(_since(text, expression, reference))
    return tuple(sorted(found, key=lambda f: f.start))


def _absolute_atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    cues = {
        "year": _FOUR_DIGITS.search(text) is not None,
        "month": _MONTH_CUE.search(text) is not None,
        "slash": "/" in text,
    }
    for pattern, cue, kind in _ABSOLUTE:
        if not cues[cue]:
            continue
        for match in pattern.finditer(text):
            if any(match.start() < a.end and a.start < match.end() for a in atoms):
                continue
            parts = _read(match) if _plausible(text, match, kind) else None
            if parts is None or not all(_valid(p) for p in parts):
                continue
            atom = _Atom(match.start(), match.end(), *parts)
            previous = _PREVIOUS_WORD.search(text, 0, match.start())
            if kind == "month" and previous is not None and previous[1].lower() == "last":
                atom = replace(atom, start=previous.start(), before=True)  # "last March"
            atoms.append(atom)
    return sorted(atoms, key=lambda a: a.start)


def _read(m: re.Match[str]) -> tuple[Parts, Parts] | None:
    """The first and last day, month or year an absolute expression covers."""
    g = {key: value for key, value in m.groupdict().items() if value}
    year = int(g["y"]) if "y" in g else None
    mod = g.get("mod", "").lower()
    if "a" in g:  # 11/17/2019, in US order unless it cannot be
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        y += 0 if y >= 100 else 2000 if y < 50 else 1900
        return (y, *((b, a) if a > 12 else (a, b))), (y, *((b, a) if a > 12 else (a, b)))
    if "dec" in g:
        low, high = _PART["year"].get(mod, (0, 9))
        return (int(g["dec"]) + low, None, None), (int(g["dec"]) + high, None, None)
    if "s" in g:
        return _season(int(g["y"]), g["s"])
    if "y2" in g:
        last = int(g["y"]) // 100 * 100 + int(g["y2"])
        return ((year, None, None), (last, None, None)) if last > int(g["y"]) else None
    month = (
        int(g["n"]) if "n" in g else _MONTH_NUMBER[g["m"].rstrip(".").lower()] if "m" in g else None
    )
    if "d1" in g:
        return (year, month, int(g["d1"])), (year, month, int(g["d2"]))
    if "d" in g:
        return (year, month, int(g["d"])), (year, month, int(g["d"]))
    if not mod:
        return (year, month, None), (year, month, None)
    low, high = _PART["day" if month else "month"][mod]
    if month:
        return (year, month, low), (year, month, high)
    return (year, low, None), (year, high, None)


def _season(year: int, name: str) -> tuple[Parts, Parts]:
    low, high = _SEASONS[name.lower()]
    return (year, low, None), (year + high // 13, (high - 1) % 12 + 1, None)


def _plausible(text: str, match: re.Match[str], kind: str) -> bool:
    """Whether a bare year or month is a time, not a count ("2000 people") or a modal verb."""
    if not kind or match["mod"]:
        return True
    previous = _PREVIOUS_WORD.search(text, 0, match.start())
    before = previous[1].lower() if previous else ""
    if kind == "month":
        if before in ("a", "an"):
            return _MONTH_EVENT_AFTER.match(text, match.end()) is not None
        return _MONTH_CONTEXT.fullmatch(before) is not None
    after = text[match.end() : match.end() + 24]
    if _COUNT_BEFORE.fullmatch(before) or re.match(r"\s+block\b", after):
        return False
    following = _NEXT_WORD.match(after)
    counted = following is not None and _PEOPLE.fullmatch(following[1]) is not None
    return not counted or _YEAR_CONTEXT.fullmatch(before) is not None


def _valid(parts: Parts) -> bool:
    year, month, day = parts
    return (
        _MIN_YEAR <= (year or _MIN_YEAR) <= MAX_YEAR
        and 0 < (month or 1) < 13
        and 0 < (day or 1) < 32
    )


def _merge_ranges(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """ "from July to September 1988", "between 2014 and 2017": two atoms, one interval."""
    merged: list[_Atom] = []
    for atom in atoms:
        previous = merged[-1] if merged else None
        if previous is not None and _JOIN.fullmatch(text, previous.end, atom.start):
            joiner = text[previous.end : atom.start].strip().lower()
            if joiner != "and" or _BETWEEN.search(text, 0, previous.start):
                merged[-1] = _Atom(previous.start, atom.end, previous.first, atom.last)
                continue
        merged.append(atom)
    return merged


def _atom_value(atom: _Atom, reference: _Reference | None) -> str | None:
    first, last = atom.first, atom.last
    if last[0] is None and first[0] is not None:
        last = (first[0] + (_key(last) < _key(first)), last[1], last[2])
    elif last[0] is None:
        last = (_recent_year(last, reference, atom.before), last[1], last[2])
    if first[0] is None and last[0] is not None:
        first = (last[0] - (_key(first) > _key(last)), first[1], first[2])
    start, end = _iso(*first), _iso(*last, end=True)
    if start is None or end is None:
        return None
    return start if start == end else f"{start}/{end}"


def _key(parts: Parts) -> tuple[int, int]:
    return parts[1] or 0, parts[2] or 0


def _recent_year(parts: Parts, reference: _Reference | None, before: bool) -> int | None:
    """The year of the most recent such month or day not after publication."""
    if reference is None:
        return None
    if reference.month is None:
        return reference.year - before
    now = (reference.month, reference.today.day if reference.today else 31)
    later = _key(parts)[0] >= now[0] if before else _key(parts) > now
    return reference.year - later


def _iso(year: int | None, month: int | None, day: int | None, end: bool = False) -> str | None:
    if year is None or month is None or day is None:
        return None if year is None else f"{year:04d}" + (f"-{month:02d}" if month else "")
    try:
        return str(date(year, month, min(day, monthrange(year, month)[1]) if end else day))
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _reference(published: str | None) -> _Reference | None:
    match = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published or "")
    if match is None:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] and 1 <= int(match[2]) <= 12 else None
    try:
        today = date(year, month, int(match[3])) if month and match[3] else None
    except ValueError:
        today = None
    return _Reference(year, month, today)


def _since(text: str, found: TimeExpression, reference: _Reference | None) -> TimeExpression:
    """ "since 2019": from the start of the expression to publication."""
    if not _SINCE.search(text, 0, found.start):
        return found
    start, end = found.value.split("/")[0], reference.iso if reference else ".."
    return replace(found, value=f"{start}/{end}" if start != end else start)


# --- relative expressions ---------------------------------------------------------------------


def _relative(text: str, reference: _Reference) -> list[TimeExpression]:
    today, lower = reference.today, text.lower()
    found: list[tuple[int, int, str | None]] = []
    if today and any(word in lower for word in _DAY_CUES):
        for m in _RELATIVE_DAY.finditer(text):
            words = m[0].lower()
            back = 2 if "before" in words else int(words in ("yesterday", "last night"))
            found.append((m.start(), m.end(), str(today - timedelta(days=back))))
    if today and "day" in text:  # the most recent such day on or before publication
        for m in _RELATIVE_WEEKDAY.finditer(text):
            back = (today.weekday() - _WEEKDAYS.index(m["wd"].lower())) % 7
            back -= 7 if (m["which"] or "").lower() == "next" else 0
            found.append((m.start(), m.end(), str(today - timedelta(days=back))))
    if any(word in lower for word in _UNIT_CUES):
        for m in _RELATIVE_UNIT.finditer(text):
            which = " ".join((m["which"] or "this").lower().split())
            unit = (m["unit"] or m["weekend"]).lower()
            lookback = which in ("past", "the past", "the last")
            if lookback and unit in ("week", "month", "year"):
                value = _span_value(1, unit, True, reference)
            else:  # "the past summer" is last summer
                value = _unit_value("last" if lookback else which, unit, reference)
            found.append((m.start(), m.end(), value))
    if any(word in lower for word in ("ago", "past", "last")):
        for m in _RELATIVE_SPAN.finditer(text):
            n, start = _number(m)
            found.append(
                (start, m.end(), _span_value(n, m["unit"].lower(), bool(m["the"]), reference))
            )
    return [TimeExpression(start, end, value) for start, end, value in found if value]


def _number(m: re.Match[str]) -> tuple[int, int]:
    """The count of "three days ago", "twenty-five years ago", and where it starts."""
    if m["n"].isdigit():
        return int(m["n"]), m.start()
    words = " ".join(m["n"].lower().replace("-", " ").split())
    if words in _CARDINALS:
        return _CARDINALS[words], m.start()
    last = words.split()[-1]  # "killed three days ago"
    return _CARDINALS.get(last, 0), m.end("n") - len(last)


def _unit_value(which: str, unit: str, reference: _Reference) -> str | None:
    """ "this/last/next/earlier this" week, weekend, month, year or season."""
    step = {"last": -1, "next": 1}.get(which, 0)
    year, month, today = reference.year, reference.month, reference.today
    earlier = which == "earlier this" and today is not None
    if unit == "year":
        return f"{year}-01-01/{today}" if earlier else str(year + step)
    if unit in _SEASONS:
        low, high = _SEASONS[unit]
        if month is None:
            return _atom_value(_Atom(0, 0, *_season(year + step, unit)), None)
        begun = year if month >= low else year - 1  # the most recent start of that season
        if step < 0 and not low <= (month if month >= low else month + 12) <= high:
            step = 0  # out of season, "last summer" is the most recent one
        return _atom_value(_Atom(0, 0, *_season(begun + step, unit)), None)
    if month is None:
        return None
    if unit == "month":
        if earlier:
            return f"{year}-{month:02d}-01/{today}"
        months = year * 12 + month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if today is None:
        return None
    if unit == "weekend":
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
        if step < 0 and saturday + timedelta(days=1) >= today:
            saturday -= timedelta(days=7)  # on a weekend, "last weekend" is the one before
        saturday += timedelta(days=7 * max(step, 0))
        return f"{saturday}/{saturday + timedelta(days=1)}"
    monday = today - timedelta(days=today.weekday() - 7 * step)
    return f"{monday}/{today}" if earlier else f"{monday}/{monday + timedelta(days=6)}"


def _span_value(n: int, unit: str, lookback: bool, reference: _Reference) -> str | None:
    """ "three days ago" (a point) and "the past three days" (up to publication)."""
    if n <= 0:
        return None
    if unit == "year" and not lookback:
        return str(reference.year - n)
    if unit == "month" and not lookback and reference.month is not None:
        months = reference.year * 12 + reference.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    today = reference.today
    if today is None:
        return None
    days = {"hour": n / 24, "day": n, "week": 7 * n, "month": 30 * n, "year": 365.25 * n}[unit]
    then = today - timedelta(days=max(1, round(days)) if lookback else round(days))
    return f"{then}/{today}" if lookback else str(then)
