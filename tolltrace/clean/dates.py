"""Publication-date evidence: every date a document offers for itself, and where it says so.

Tight regexes find the few strings that can state a publication date (datelines, bylines,
URL paths, removed header lines, anniversaries, "N years ago, in YYYY"); only those strings go
to dateparser. Every candidate is kept, so a researcher sees the evidence that disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from tolltrace.model import DateCandidate

FIELD_PREFIX = "field:"  # metadata evidence "field:dct" is a corpus field; anything else is HTML
CONFIDENCE = {
    "field": 0.95,
    "metadata": 0.9,
    "dateline": 0.85,
    "byline": 0.8,
    "byline-updated": 0.75,  # an update stamp is later than the publication it revises
    "url": 0.7,
    "anniversary": 0.5,
    "header": 0.4,  # scrapes often carry the scrape day, not the article's
    "years-ago": 0.35,
}
HEAD_WINDOW = 1500  # datelines and bylines sit near the top...
TAIL_WINDOW = 600  # ...or trail the article
MIN_YEAR, MAX_YEAR = 1900, 2100
_MAX_METADATA_LENGTH = 120  # longer "dates" are prose or junk; dateparser is slow on them
_MAX_HEADER_LENGTH = 80

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Month words as URL paths spell them: "/2015/mar/31/", "/2015/march/31/", "/2014/sept/5/".
_URL_MONTHS = (
    {m.lower(): i for i, m in enumerate(_MONTH_NAMES, 1)}
    | {m[:3].lower(): i for i, m in enumerate(_MONTH_NAMES, 1)}
    | {"sept": 9}
)
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = r"(?i:(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)?"
_YEAR = r"(?<!\d)\d{4}(?!\d|['’]?s\b)"  # not a decade ("1980s")
_MDY = rf"{_MONTH}\s*{_DAY},?\s+{_YEAR}"
_DMY = rf"(?i:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}"
_ISO = r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
_DAY_DATE = rf"(?:{_WEEKDAY},?\s+)?(?:{_MDY}|{_DMY})|{_ISO}"
_NUMERIC = r"(?<!\d)\d{1,2}/\d{1,2}/\d{4}(?!\d)"  # US order, as dateparser reads it for "en"
_ANY_DATE = rf"{_DAY_DATE}|{_NUMERIC}|{_MONTH},?\s+{_YEAR}"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?\s*[,|]?\s*(?i:on\s+)?"
_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|and|&|de|da|del|van|von|der|bin|al|el|la))*"
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_NOT_PLACE = r"(?!(?i:by|update[ds]?|posted|published)\b)"  # those open bylines
_PLACE = rf"{_NOT_PLACE}{_PLACE_WORD}(?:(?:[ \t]+|,[ \t]*)(?:{_PLACE_WORD}|de|la|el|al|of)){{0,5}}"
_DASH = r"[—–]|-{1,2}"
_AGENCY = r"\([^()\n]{1,40}\)"

# "PLACE, Month D, YYYY—", "PLACE (Agency) — D Month YYYY:", "PLACE, St. (Feb. 6, 2014) -".
_DATELINE = re.compile(
    rf"^[ \t]*(?:(?P<place>{_PLACE})[ \t]*(?:{_AGENCY}[ \t]*)?(?:,|{_DASH}|(?=\())[ \t]*)?"
    rf"\(?(?P<date>{_DAY_DATE})\)?"
    rf"(?:[ \t]*(?:{_DASH}|:)|(?<=\))[ \t]*$)",
    re.MULTILINE,
)
# "Published: ...", "(Posted Tuesday, May 6, 2014)", "Last updated 10:02 AM, 6 May 2014".
_BYLINE_CUE = re.compile(
    r"(?:^[ \t]*|[|•·(\[][ \t]*|\s{2,})(?P<cue>(?i:originally\s+|first\s+|last\s+)?"
    r"(?i:published|posted|update[d]?|modified|released|date[d]?))\b"
    r"(?:\s+(?i:by)\s+[^\n|•·]{1,60}?\s*(?:[|•·,]|\b(?i:on)\b))?"
    r"(?:\s+(?i:on|at))?\s*[:\-–—]?\s*\(?"
    rf"(?:{_TIME})?(?P<date>{_ANY_DATE})\)?"
    r"|(?P<colon_cue>(?i:published|posted|updated|modified)):\s*"
    rf"(?:{_TIME})?(?P<colon_date>{_ANY_DATE})",
    re.MULTILINE,
)
# "By NAME | Month D, YYYY", "By: NAME, Staff Writer, D Month YYYY", a date line under "By NAME".
_BYLINE_BY = re.compile(
    rf"^[ \t]*(?i:by):?[ \t]+{_NAME}(?:[ \t]*[,|•·—–-][ \t]*{_NAME}){{0,2}}"
    rf"\s*(?:[|•·,—–-]|\b(?i:on)\b|\n)\s*(?:{_TIME})?(?P<date>{_ANY_DATE})",
    re.MULTILINE,
)
_ANY_DATE_RE = re.compile(_ANY_DATE)
_ISO_VALUE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?=[T\s]|$)")
_COMPACT_VALUE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*$")
_YEAR_RE = re.compile(_YEAR)

_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2]|[A-Za-z]{3,9})"
    r"(?:/(?P<d>0?[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)"
    r"|(?<=[/_.-])(?P<cy>(?:19|20)\d{2})-?(?P<cm>0[1-9]|1[0-2])-?(?P<cd>0[1-9]|[12]\d|3[01])"
    r"(?=[/_.-]|$)"
)
# A Wayback Machine address carries the snapshot time, not the article's date.
_ARCHIVE_PREFIX = re.compile(r"^[a-z]+://web\.archive\.org/web/[^/]*/", re.IGNORECASE)

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEEN_ORD = [w + "th" for w in _TEENS]
_TEEN_ORD[1:3] = ["eleventh", "twelfth"]
_TENS_ORD = [w[:-1] + "ieth" for w in _TENS]


def _number_words(units: list[str], teens: list[str], tens: list[str]) -> dict[str, int]:
    """Spelled-out 1..99 (cardinal or ordinal, by the lists given) to their values."""
    words = {w: i for i, w in enumerate(units, 1)} | {w: i for i, w in enumerate(teens, 10)}
    for t, ten in enumerate(_TENS, 2):
        words[tens[t - 2]] = t * 10
        for u, unit in enumerate(units, 1):
            words[f"{ten}-{unit}"] = words[f"{ten} {unit}"] = t * 10 + u
    return words


_ORDINALS = _number_words(_UNIT_ORD, _TEEN_ORD, _TENS_ORD) | {"hundredth": 100}
_CARDINALS = _number_words(_UNITS, _TEENS, _TENS) | {"a": 1, "one hundred": 100}


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Keywords first, numbers second: scanning every word for a number word is slow.
_ANNIVERSARY_WORD = re.compile(r"(?i)\banniversary\b")
_YEARS_WORD = re.compile(r"(?i)\byears?\s+(?P<relation>ago|after|since)\b")
_ORDINAL_BEFORE = re.compile(
    rf"\b(?:\d{{1,3}}(?:st|nd|rd|th)|{_alternation(_ORDINALS)})\s+$", re.IGNORECASE
)
_CARDINAL_BEFORE = re.compile(rf"\b(?:\d{{1,3}}|{_alternation(_CARDINALS)})\s+$", re.IGNORECASE)
_NUMBER_REACH = 32  # "twenty-seventh " is the longest number word that can come before
# The anniversary is placed at another time than the document's own present.
_OTHER_TIME = re.compile(r"\b(?:next|last|previous|upcoming|will|would)\b", re.IGNORECASE)
# How a year is tied to "N years ago": "26 years ago, in July 1988", "the 1988 purge, 26 years
# ago"; and to "N years after/since": "20 years after the 1995 massacre".
_YEAR_FOLLOWS = re.compile(
    rf"[,;:–—(\s]*(?:(?:back\s+)?in|on|during|of)?\s*(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{_MONTH}\s+(?:{_DAY},?\s+)?)?|\s+(?:the|a|an|its|their)?(?:\s*[\w’'-]+){{0,2}}\s+"
)
_YEAR_PRECEDES = re.compile(r"(?:\s+[\w’'-]+){0,3}\s*[,;–—(]\s*")
_PRESENT_PERFECT = re.compile(r"\b(?:been|passed|marks?|marked|now)\s*$", re.IGNORECASE)
# A month named as a time: "in July", "between July and", "late July", "July 1988", "July 6".
_EVENT_MONTH = re.compile(
    r"(?:\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Bb]etween|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough|[Oo]f|"
    r"[Tt]his|[Ll]ate|[Ee]arly|[Mm]id)[\s-]+(?:(?:late|early|mid)[\s-]+)?"
    rf"(?P<month>{'|'.join(_MONTH_NAMES)})\b"
    rf"|\b(?P<month2>{'|'.join(_MONTH_NAMES)})(?=,?\s+(?:\d|of\b)))"
    r"(?:,?\s+(?:of\s+)?(?P<year>\d{4})(?!\d))?"
)
_SENTENCE_BREAK = re.compile(
    r"[.!?][\"'”’)\]]*(?:\s+|(?=[A-Z][a-z]))(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n"
)
# A period after these (or after an initial) is an abbreviation, not a sentence end.
_ABBREVIATION = re.compile(
    r"\b(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mrs?|ms|dr|st|gen|lt|col|sgt|capt"
    r"|gov|sen|rep|prof|no|vs|inc|corp|co|jr|sr|mt|ft|[a-z])$"
)
_EARLIEST_COUNTED_YEAR = 1600  # "the 150th anniversary of the 1865 ..." counts from an old year
_SENTENCE_REACH = 600  # how far to look for a sentence boundary


def find_dates(
    raw: str,
    *,
    metadata: Sequence[tuple[str, str]] = (),
    header_lines: Sequence[tuple[int, int]] = (),
    uri: str | None = None,
) -> tuple[DateCandidate, ...]:
    """Every publication-date candidate the document, its metadata and its address offer.

    `metadata` pairs are (evidence, date string); evidence "field:NAME" marks a corpus field
    (such as a JSON Lines "dct"), anything else HTML metadata. `header_lines` are raw spans of
    stand-alone date lines the cleaner removed. Offsets in the candidates point into `raw`.
    """
    in_text = [*_dateline_candidates(raw), *_byline_candidates(raw)]
    headers = [c for c in _header_candidates(raw, header_lines) if not _overlaps(c, in_text)]
    return (
        *_metadata_candidates(metadata),
        *_url_candidates(uri),
        *sorted(in_text, key=_position),
        *headers,
        *_anniversary_candidates(raw),
        *_years_ago_candidates(raw),
    )


def best_date(candidates: Sequence[DateCandidate]) -> str | None:
    """The value of the most confident candidate; ties go to precision, then to text order."""
    if not candidates:
        return None
    return min(candidates, key=_rank).value


def _rank(candidate: DateCandidate) -> tuple[float, int, bool, int]:
    at = candidate.raw_start
    return (-candidate.confidence, -_precision(candidate.value), at is None, at or 0)


def _precision(value: str) -> int:
    return value.count("-") + 1


def _position(candidate: DateCandidate) -> int:
    return candidate.raw_start or 0


# --- metadata and corpus fields -------------------------------------------------------------


def _metadata_candidates(metadata: Sequence[tuple[str, str]]) -> Iterator[DateCandidate]:
    for evidence, text in metadata:
        value = parse_date(text) if isinstance(text, str) else None
        if value is None:
            continue  # an unreadable metadata date is no evidence, not an error
        source = "field" if str(evidence).startswith(FIELD_PREFIX) else "metadata"
        yield DateCandidate(value, source, str(evidence), CONFIDENCE[source])


def parse_date(text: str) -> str | None:
    """ISO value of a stand-alone date string at the precision it states; None if not a date."""
    text = " ".join(text.split())
    if not text or len(text) > _MAX_METADATA_LENGTH:
        return None
    return _parse_cached(text)


@lru_cache(maxsize=16384)
def _parse_cached(text: str) -> str | None:
    iso = _ISO_VALUE.match(text) or _COMPACT_VALUE.match(text)
    if iso:
        return _iso_value(*(int(part) if part else None for part in iso.groups()))
    years = _YEAR_RE.findall(text)
    if not years:
        return None  # without a year, dateparser reads "June 27" as June 2027
    parsed = _dateparser_value(text)
    return parsed if parsed is not None and parsed[:4] in years else None


def _iso_value(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """The ISO string for a date at the precision given, or None if no such date exists."""
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


_PERIOD_PARTS = {"year": 1, "month": 2}  # anything finer ("day", "time") has a day


def _dateparser_value(text: str) -> str | None:
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises many types on odd input; it is just not a date
        return None
    found: Any = data.date_obj
    if found is None:
        return None
    parts = _PERIOD_PARTS.get(str(data.period), 3)
    day: int | None = found.day if parts == 3 else None
    month: int | None = found.month if parts >= 2 else None
    return _iso_value(int(found.year), month, day)


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    from dateparser.date import DateDataParser  # slow import, needed only once strings are found

    return DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["absolute-time"],  # "2 days ago" says nothing without a reference date
        },
    )


# --- URL -------------------------------------------------------------------------------------


def _url_candidates(uri: str | None) -> Iterator[DateCandidate]:
    if not uri:
        return
    try:
        path = urlsplit(_ARCHIVE_PREFIX.sub("", uri.strip())).path
    except ValueError:
        return
    for match in _URL_DATE.finditer(path):
        value = _url_value(match)
        if value is not None:
            yield DateCandidate(value, "url", match.group(0), CONFIDENCE["url"])


def _url_value(match: re.Match[str]) -> str | None:
    if match["cy"]:
        return _iso_value(int(match["cy"]), int(match["cm"]), int(match["cd"]))
    month_text = match["m"]
    month = int(month_text) if month_text.isdigit() else _URL_MONTHS.get(month_text.lower())
    if month is None:
        return None  # "/2014/some-slug/" is not a month
    return _iso_value(int(match["y"]), month, int(match["d"]) if match["d"] else None)


# --- datelines, bylines, header lines ---------------------------------------------------------


def _windows(raw: str) -> Iterator[tuple[int, int]]:
    """The stretches where datelines and bylines are looked for: the top and the tail."""
    head_end = min(len(raw), HEAD_WINDOW)
    yield 0, head_end
    tail_start = max(head_end, len(raw) - TAIL_WINDOW)
    if tail_start < len(raw):
        yield tail_start, len(raw)


def _matches(pattern: re.Pattern[str], raw: str) -> Iterator[re.Match[str]]:
    for start, end in _windows(raw):
        # A match may run a little past its window, but must begin inside it.
        for match in pattern.finditer(raw, start, min(len(raw), end + 200)):
            if match.start() >= end:
                break
            yield match


def _dateline_candidates(raw: str) -> Iterator[DateCandidate]:
    matches = list(_matches(_DATELINE, raw))
    # Several paragraphs opening with a bare date are a timeline, not a dateline.
    timeline = sum(1 for m in matches if not m["place"]) > 1
    for match in matches:
        if timeline and not match["place"]:
            continue
        candidate = _text_candidate(raw, match, "date", "dateline")
        if candidate is not None:
            yield candidate


def _byline_candidates(raw: str) -> Iterator[DateCandidate]:
    for pattern in (_BYLINE_CUE, _BYLINE_BY):
        for match in _matches(pattern, raw):
            group = "colon_date" if match.groupdict().get("colon_date") else "date"
            cue = (match.groupdict().get("cue") or match.groupdict().get("colon_cue") or "").lower()
            kind = "byline-updated" if cue.startswith(("update", "modified", "last")) else "byline"
            candidate = _text_candidate(raw, match, group, kind)
            if candidate is not None:
                yield candidate


def _text_candidate(raw: str, match: re.Match[str], group: str, kind: str) -> DateCandidate | None:
    """A candidate whose evidence is the whole match (cue or place included)."""
    value = parse_date(match[group])
    if value is None:
        return None
    start, end = _strip_span(raw, *match.span())
    source = kind.split("-")[0]  # "byline-updated" is a byline with its own confidence
    return DateCandidate(value, source, raw[start:end], CONFIDENCE[kind], start, end)


def _strip_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space (and separators) at its edges."""
    while start < end and (raw[start].isspace() or raw[start] in "|•·[("):
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _header_candidates(
    raw: str, header_lines: Sequence[tuple[int, int]]
) -> Iterator[DateCandidate]:
    for line_start, line_end in header_lines:
        start, end = max(0, line_start), min(len(raw), line_end)
        if start >= end:
            continue  # a span outside the text is the caller's slip, not a date
        found = _ANY_DATE_RE.search(raw, start, end)
        if found:
            start, end = found.span()
        else:
            start, end = _strip_span(raw, start, end)
            if end - start > _MAX_HEADER_LENGTH:
                continue
        value = parse_date(raw[start:end])
        if value is not None:
            yield DateCandidate(value, "header", raw[start:end], CONFIDENCE["header"], start, end)


def _overlaps(candidate: DateCandidate, others: Sequence[DateCandidate]) -> bool:
    """Whether a text candidate already stands for this evidence (cue beats bare line)."""
    start, end = candidate.raw_start or 0, candidate.raw_end or 0
    return any((o.raw_start or 0) < end and start < (o.raw_end or 0) for o in others)


# --- anniversaries and "N years ago" ---------------------------------------------------------


class _Found(NamedTuple):
    """A number, year or month found in the text, with its span."""

    start: int
    end: int
    value: int


def _anniversary_candidates(raw: str) -> Iterator[DateCandidate]:
    for keyword in _ANNIVERSARY_WORD.finditer(raw):
        phrase = _number_before(raw, keyword, _ORDINAL_BEFORE, _ORDINALS)
        if phrase is None:
            continue
        sentence = _sentence_at(raw, phrase.start)
        if _OTHER_TIME.search(raw, sentence[0], phrase.start):
            continue
        year = _event_year(raw, sentence, phrase)
        if year is None:
            continue
        month = _event_month(raw, sentence, year.value)
        value = _iso_value(year.value + phrase.value, month.value if month else None)
        if value is not None:
            start, end = _cover(phrase, year, month)
            yield DateCandidate(
                value, "anniversary", raw[start:end], CONFIDENCE["anniversary"], start, end
            )


def _number_before(
    raw: str, keyword: re.Match[str], pattern: re.Pattern[str], words: dict[str, int]
) -> _Found | None:
    """The count just before a keyword ("26th anniversary", "twenty years ago")."""
    number = pattern.search(raw, max(0, keyword.start() - _NUMBER_REACH), keyword.start())
    if number is None:
        return None
    return _Found(number.start(), keyword.end(), _count(number[0].strip(), words))


def _cover(*found: _Found | None) -> tuple[int, int]:
    """The span from the first to the last piece of evidence."""
    spans = [f for f in found if f is not None]
    return min(f.start for f in spans), max(f.end for f in spans)


def _event_year(raw: str, sentence: tuple[int, int], phrase: _Found) -> _Found | None:
    """The year the anniversary counts from: after the phrase, else before it, else next."""
    after = _first_year(raw, phrase.end, sentence[1])
    if after is not None:
        return after
    before = list(_years(raw, sentence[0], phrase.start))
    if before:
        return before[-1]
    following = _next_sentence(raw, sentence)
    return _first_year(raw, *following) if following else None


def _event_month(raw: str, sentence: tuple[int, int], event_year: int) -> _Found | None:
    """The month the counted event began, if this sentence or the next names it."""
    spans = [sentence]
    following = _next_sentence(raw, sentence)
    if following:
        spans.append(following)
    for start, end in spans:
        for match in _EVENT_MONTH.finditer(raw, start, end):
            if match["year"] and int(match["year"]) != event_year:
                continue  # a month of another year is another event
            group = "month" if match["month"] else "month2"
            return _Found(*match.span(group), _MONTH_NAMES.index(match[group]) + 1)
    return None


def _years_ago_candidates(raw: str) -> Iterator[DateCandidate]:
    for keyword in _YEARS_WORD.finditer(raw):
        phrase = _number_before(raw, keyword, _CARDINAL_BEFORE, _CARDINALS)
        if phrase is None:
            continue
        sentence = _sentence_at(raw, phrase.start)
        year = _tied_year(raw, sentence, phrase, keyword["relation"].lower())
        value = _iso_value(year.value + phrase.value) if year else None
        if value is not None:
            start, end = _cover(phrase, year)
            yield DateCandidate(
                value, "anniversary", raw[start:end], CONFIDENCE["years-ago"], start, end
            )


def _tied_year(raw: str, sentence: tuple[int, int], phrase: _Found, relation: str) -> _Found | None:
    """The explicit year that "N years ago/after/since" counts from, in the same sentence."""
    if relation == "after" and raw[sentence[0] : phrase.start].strip(" \"'“‘("):
        return None  # only "N years after X, ..." opening a sentence speaks from the present
    if relation == "since" and not _PRESENT_PERFECT.search(raw, sentence[0], phrase.start):
        return None  # "it has been N years since" is the present; "N years since" may not be
    after = _first_year(raw, phrase.end, sentence[1])
    if after and _YEAR_FOLLOWS.fullmatch(raw, phrase.end, after.start):
        return after
    if relation != "ago":
        return None
    before = list(_years(raw, sentence[0], phrase.start))
    if before and _YEAR_PRECEDES.fullmatch(raw, before[-1].end, phrase.start):
        return before[-1]
    return None


def _years(raw: str, start: int, end: int) -> Iterator[_Found]:
    for match in _YEAR_RE.finditer(raw, start, end):
        year = int(match[0])
        if _EARLIEST_COUNTED_YEAR <= year <= MAX_YEAR:
            yield _Found(match.start(), match.end(), year)


def _first_year(raw: str, start: int, end: int) -> _Found | None:
    return next(_years(raw, start, end), None)


def _count(word: str, words: dict[str, int]) -> int:
    """The value of "26th", "26", "twenty-sixth" or "twenty six"."""
    digits = word.lower().rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    return words.get(" ".join(word.lower().replace("-", " ").split()), 0)


# --- sentences -------------------------------------------------------------------------------


def _sentence_at(raw: str, position: int) -> tuple[int, int]:
    """The span of the sentence holding `position` (approximate: news prose, hard wraps)."""
    start = reach = max(0, position - _SENTENCE_REACH)
    for brk in _SENTENCE_BREAK.finditer(raw, reach, position):
        if _is_sentence_end(raw, brk):
            start = brk.end()
    return start, _sentence_end(raw, position)


def _sentence_end(raw: str, position: int) -> int:
    limit = min(len(raw), position + _SENTENCE_REACH)
    for brk in _SENTENCE_BREAK.finditer(raw, position, limit):
        if _is_sentence_end(raw, brk):
            return brk.start() + 1
    return limit


def _next_sentence(raw: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    start = sentence[1]
    while start < len(raw) and (raw[start].isspace() or raw[start] in "\"'”’)]"):
        start += 1
    return (start, _sentence_end(raw, start)) if start < len(raw) else None


def _is_sentence_end(raw: str, brk: re.Match[str]) -> bool:
    at = brk.start()
    return raw[at] != "." or _ABBREVIATION.search(raw, max(0, at - 8), at) is None
