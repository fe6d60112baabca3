"""HTML pages: main text and metadata, with an exact offset map into the HTML source.

trafilatura chooses the main text and reads the metadata, but gives no offsets. So we also
project the source (its text nodes, entities decoded, every character knowing its source
offset) and align trafilatura's words to that projection, moving forward.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from html.entities import html5

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from tolltrace.clean.normalize import QUOTES, normalize
from tolltrace.clean.offsets import OffsetMap, TextBuilder
from tolltrace.errors import NoText

# Below this many characters a precision-mode extraction may have locked onto a notice or a
# teaser: a balanced-mode run replaces it if it finds several times more text.
SHORT_TEXT = 500
RESCUE_RATIO = 3

# How far ahead (projection characters) a word is looked for before a global search.
WINDOW = 4000
PUNCT_WINDOW = 40  # tokens without letters or digits are too common to look for far away
SLACK = 64  # a verifying next word must start within this many characters
MAX_CANDIDATES = 32

# Elements that start a new line of text; their tags become a "\n" in the projection.
# fmt: off
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav",
    "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
})
# fmt: on
_LINKS_ONLY_MAX = 2000  # characters: a menu's text, not an article's
_LETTERS = re.compile(r"[\W_]+")  # what is left out when comparing words with link words
SKIPPED = frozenset(["script", "style", "title"])  # content never shown as page text
HIDDEN = frozenset(["nav", "aside", "footer", "noscript"])  # left out of the visible fallback

# Every white-space character is a space, quotes are ASCII, so both sides compare alike;
# the table maps one character to one character, keeping projection offsets intact.
KEY = str.maketrans(
    {
        **{chr(c): " " for c in range(0x3001) if chr(c).isspace()},
        "\u200b": " ",
        "\ufeff": " ",
        **{chr(k): v for k, v in QUOTES.items() if isinstance(k, int) and isinstance(v, str)},
    }
)

_TOKEN = re.compile(
    r"""(?P<comment><!--.*?(?:-->|\Z))
    | (?P<tag></?(?P<name>[a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>?)
    | (?P<other><[!?/][^>]*>?)
    | (?P<text>[^<]+|<)""",
    re.S | re.X,
)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|(?P<name>[a-zA-Z][a-zA-Z0-9]*;?))")
_LONGEST_LEGACY = max(len(name) for name in html5 if not name.endswith(";"))
_CLOSERS = {name: re.compile(rf"</{name}", re.I) for name in SKIPPED}
_WORD = re.compile(r"[^ \n]+")
_NOT_SPACE = re.compile(r"[^ \n]")
_TABLE_RULE = re.compile(r"[-:|]*\|[-:|]*")  # "|" between cells, "|---|---|" under a header
_ISO_DAY = re.compile(r"(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})")
_DATE_KEY = re.compile(r"date|time|publish|created|issued", re.I)
_PUBLISHED = re.compile(r"publish|created|issued", re.I)
_JSON_LD_DATE = re.compile(r'"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]+)"')


@dataclass(frozen=True, slots=True)
class HtmlClean:
    """The main text of an HTML page, mapped character by character into the HTML source."""

    text: str  # paragraphs separated by "\n\n", quotes and spaces normalised
    offsets: OffsetMap  # clean offset -> offset in the HTML source string
    title: str | None
    author: str | None
    site: str | None  # site name, else host name
    date: str | None  # publication date (ISO) from the page's metadata
    date_evidence: str | None  # which metadata gave the date
    aligned: float  # share of clean characters aligned exactly to source text


@dataclass(frozen=True, slots=True)
class Projection:
    """The page's text as a browser would show it, each character mapped to the source."""

    text: str  # entities decoded, KEY applied, "\n" where a block element starts or ends
    offsets: OffsetMap  # projection offset -> source offset
    hidden: tuple[tuple[int, int], ...]  # stretches inside nav, aside, footer, noscript


@dataclass(frozen=True, slots=True)
class _Metadata:
    """What trafilatura reads from the page's metadata, tidied."""

    title: str | None = None
    author: str | None = None
    site: str | None = None
    date: str | None = None


def clean_html(raw: str, url: str | None = None) -> HtmlClean:
    """The main text and metadata of the HTML page `raw`, mapped back into `raw`."""
    projection = project(raw)
    tree = _load_tree(raw)
    body = _main_text(tree, url) or _visible_text(projection)
    text, offsets, aligned = align(body, projection)
    if text and _only_links(text, tree):
        raise NoText(
            f"this HTML page ({len(raw)} characters) holds only navigation links "
            f"({text[:60]!r}), no article text: ingest the article pages themselves"
        )
    if not text:
        raise NoText(
            f"no text found in this HTML page ({len(raw)} characters): it has nothing to read "
            "outside scripts, styles and navigation. If the page is built by JavaScript, save "
            "the rendered page (for example from a headless browser) and ingest that."
        )
    meta = _metadata(tree, url)
    evidence = _date_evidence(meta.date, tree, url) if meta.date else None
    return HtmlClean(
        text, offsets, meta.title, meta.author, meta.site, meta.date, evidence, aligned
    )


def source_span(offsets: OffsetMap, raw: str, start: int, end: int) -> tuple[int, int]:
    """The source span of the clean span [start, end), widened over an entity it ends in."""
    raw_start, raw_end = offsets.span_to_raw(start, end)
    if raw_end > raw_start and raw[raw_end - 1] == "&":
        # An entity maps to its "&": extend to the whole entity so the slice decodes.
        entity = _ENTITY.match(raw, raw_end - 1)
        used = _decode(entity)[1] if entity else 0
        raw_end += max(used - 1, 0)
    return raw_start, raw_end


# --- Projection of the source ---------------------------------------------------------------


class _Projector:
    """Walks the source once, tag by tag, building the projection."""

    __slots__ = ("_at_break", "_builder", "_depth", "_hidden", "_hidden_from", "_unclosed", "raw")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._builder = TextBuilder()
        self._at_break = True
        self._depth = 0  # how many HIDDEN elements are open
        self._hidden_from = 0
        self._hidden: list[tuple[int, int]] = []
        self._unclosed: set[str] = set()  # skipped elements with no end tag further on

    def run(self) -> Projection:
        pos, end = 0, len(self.raw)
        while pos < end:
            token = _TOKEN.match(self.raw, pos)
            assert token is not None  # the last alternative matches any character
            pos = token.end()
            if token.lastgroup == "text":
                self._text(token.start(), pos)
            elif token.lastgroup == "tag":
                pos = self._tag(token, pos)
        if self._depth:
            self._hidden.append((self._hidden_from, len(self._builder)))
        text, offsets = self._builder.build()
        return Projection(text, offsets, tuple(self._hidden))

    def _tag(self, token: re.Match[str], pos: int) -> int:
        name = token.group("name").lower()
        closing = self.raw[token.start() + 1] == "/"
        if name in BLOCKS:
            self._break(token.start())
        if name in HIDDEN:
            self._count_hidden(closing)
        if name in SKIPPED and not closing and name not in self._unclosed:
            closer = _CLOSERS[name].search(self.raw, pos)
            if closer:
                return closer.start()
            # An unclosed script or style runs to the end; an unclosed title is ignored
            # (and never searched for again, which would make the walk quadratic).
            self._unclosed.add(name)
            return len(self.raw) if name != "title" else pos
        return pos

    def _count_hidden(self, closing: bool) -> None:
        if not closing:
            if not self._depth:
                self._hidden_from = len(self._builder)
            self._depth += 1
        elif self._depth:
            self._depth -= 1
            if not self._depth:
                self._hidden.append((self._hidden_from, len(self._builder)))

    def _break(self, at: int) -> None:
        if not self._at_break:
            self._builder.replace("\n", at)
            self._at_break = True

    def _text(self, start: int, end: int) -> None:
        pos = start
        for entity in _ENTITY.finditer(self.raw, start, end):
            self._copy(self.raw[pos : entity.start()], pos)
            decoded, used = _decode(entity)
            self._decoded(decoded, entity.start())
            pos = entity.start() + used  # what the entity did not use is plain text
        self._copy(self.raw[pos:end], pos)

    def _copy(self, text: str, at: int) -> None:
        if text:
            self._builder.copy(text.translate(KEY), at)
            self._at_break = False

    def _decoded(self, text: str, at: int) -> None:
        if text:
            self._builder.replace(text.translate(KEY), at)
            self._at_break = False


def _decode(entity: re.Match[str]) -> tuple[str, int]:
    """The text a character reference stands for, and how many source characters it uses."""
    name = entity.group("name")
    if name is None:
        return html.unescape(entity.group()), len(entity.group())
    if name in html5:
        return html5[name], len(name) + 1
    # Without ";" only the legacy names count, as the longest prefix ("&copy2021").
    for size in range(min(len(name), _LONGEST_LEGACY), 1, -1):
        if name[:size] in html5:
            return html5[name[:size]], size + 1
    return "", 0


def project(raw: str) -> Projection:
    """The visible text of `raw` (no tags, comments, scripts, styles), mapped to `raw`."""
    return _Projector(raw).run()


def _only_links(text: str, tree: HtmlElement | None) -> bool:
    """Whether every word of a short `text` is the words of a link (a menu, a few headlines).
    A long text is taken as read: the check costs its length times the number of links."""
    if tree is None or len(text) > _LINKS_ONLY_MAX:
        return False
    try:
        anchors = [_LETTERS.sub("", a.text_content()) for a in tree.iter("a")]
    except Exception:  # lxml failing on hostile input: the text is kept
        return False
    rest = _LETTERS.sub("", text)
    for anchor in sorted(anchors, key=len, reverse=True):
        if anchor:
            rest = rest.replace(anchor, "")
    return not rest


def _visible_text(projection: Projection) -> str:
    """The projection without its navigation, asides, footers and noscript blocks."""
    parts, pos = [], 0
    for start, end in projection.hidden:
        parts.append(projection.text[pos:start])
        pos = end
    parts.append(projection.text[pos:])
    return "\n".join(parts)


# --- trafilatura ----------------------------------------------------------------------------


def _load_tree(raw: str) -> HtmlElement | None:
    try:
        return load_html(raw)
    except Exception:  # lxml or trafilatura failing on hostile input must not stop a batch
        return None


def _main_text(tree: HtmlElement | None, url: str | None) -> str:
    """trafilatura's main text in precision mode, rescued by balanced mode when very short."""
    if tree is None:
        return ""
    precise = _extract(tree, url, precision=True)
    if len(precise) >= SHORT_TEXT:
        return precise
    balanced = _extract(tree, url, precision=False)
    return balanced if len(balanced) > RESCUE_RATIO * len(precise) else precise


def _extract(tree: HtmlElement, url: str | None, precision: bool) -> str:
    try:
        document = trafilatura.bare_extraction(
            tree, url=url, favor_precision=precision, include_comments=False
        )
    except Exception:  # a library bug on one page must not stop a batch
        return ""
    text = getattr(document, "text", None)
    return text.strip() if isinstance(text, str) else ""


def _metadata(tree: HtmlElement | None, url: str | None) -> _Metadata:
    if tree is None:
        return _Metadata()
    try:
        # No extensive search: it takes dates from the page text, a copyright line included.
        found = trafilatura.extract_metadata(tree, default_url=url, extensive=False)
    except Exception:  # metadata is optional: a library bug leaves it empty
        return _Metadata()
    return _Metadata(
        title=_tidy(found.title),
        author=_tidy(found.author),
        site=_tidy(found.sitename) or _tidy(found.hostname),
        date=_tidy(found.date),
    )


def _tidy(value: object) -> str | None:
    return (normalize(value) or None) if isinstance(value, str) else None


def _date_evidence(date: str, tree: HtmlElement | None, url: str | None) -> str:
    """Names the metadata that states `date`, or trafilatura when none states it plainly."""
    day = date[:10]
    candidates = _date_candidates(tree) if tree is not None else []
    for label, value in candidates:
        if _iso_day(value) == day:
            return label
    if url and _iso_day(url) == day:
        return "url"
    return "trafilatura metadata"


def _date_candidates(tree: HtmlElement) -> list[tuple[str, str]]:
    """Dated metadata as (label, value), publication dates first."""
    found = []
    for element in tree.iter("meta"):
        content = element.get("content")
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attr)
            if content and key and _DATE_KEY.search(key):
                found.append((f'meta[{attr}="{key}"]', content))
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        for match in _JSON_LD_DATE.finditer(script.text or ""):
            found.append((f'JSON-LD "{match[1]}"', match[2]))
    for element in tree.iterfind(".//time[@datetime]"):
        found.append(("time[datetime]", element.get("datetime", "")))
    # A page whose modified date is the same day must still name its publication date.
    return sorted(found, key=lambda item: _PUBLISHED.search(item[0]) is None)


def _iso_day(value: str) -> str | None:
    match = _ISO_DAY.search(value)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


# --- Alignment ------------------------------------------------------------------------------


class _Aligner:
    """Finds each extracted word in the projection, moving forward through it."""

    __slots__ = ("_index", "_words", "text")

    def __init__(self, text: str, words: list[str]) -> None:
        self.text = text
        self._words = words
        self._index: dict[str, list[int]] | None = None

    def positions(self) -> list[int]:
        """The projection offset of every word, -1 where a word was not found."""
        found, cursor = [], 0
        for k, word in enumerate(self._words):
            at = self._find(k, cursor)
            found.append(at)
            if at >= 0:  # even backwards: trafilatura may reorder blocks (sidebars first)
                cursor = at + len(word)
        return found

    def _find(self, k: int, cursor: int) -> int:
        word = self._words[k]
        start = self._skip_space(cursor)
        if self.text.startswith(word, start):
            return start
        has_alnum = any(char.isalnum() for char in word)
        limit = start + (WINDOW if has_alnum else PUNCT_WINDOW) + len(word)
        at = self.text.find(word, start, limit)
        for _ in range(MAX_CANDIDATES):
            if at < 0:
                break
            if self._whole(at, word) and self._followed(k, at + len(word)):
                return at
            at = self.text.find(word, at + 1, limit)
        return self._global(k, cursor) if has_alnum else -1

    def _global(self, k: int, cursor: int) -> int:
        """Looks the word up anywhere, nearest after the cursor first, then before it."""
        word = self._words[k]
        places = self._token_index().get(word, [])
        split = bisect_left(places, cursor)
        ahead = places[split : split + MAX_CANDIDATES]
        behind = places[max(0, split - MAX_CANDIDATES) : split][::-1]
        for at in (*ahead, *behind):
            if self._followed(k, at + len(word)):
                return at
        return -1

    def _token_index(self) -> dict[str, list[int]]:
        if self._index is None:
            index: dict[str, list[int]] = {}
            for match in _WORD.finditer(self.text):
                index.setdefault(match.group(), []).append(match.start())
            self._index = index
        return self._index

    def _followed(self, k: int, end: int) -> bool:
        """True when the next extracted word comes soon after `end` (or there is none)."""
        if k + 1 >= len(self._words):
            return True
        following = self._words[k + 1]
        return self.text.find(following, end, end + SLACK + len(following)) >= 0

    def _whole(self, at: int, word: str) -> bool:
        """True unless the match cuts a run of letters or digits in the projection."""
        end = at + len(word)
        cut_before = at > 0 and self.text[at - 1].isalnum() and word[0].isalnum()
        cut_after = end < len(self.text) and self.text[end].isalnum() and word[-1].isalnum()
        return not (cut_before or cut_after)

    def _skip_space(self, pos: int) -> int:
        found = _NOT_SPACE.search(self.text, pos)
        return found.start() if found else len(self.text)


_Line = list[tuple[str, int]]  # the words of one paragraph, each with its projection offset


def align(body: str, projection: Projection) -> tuple[str, OffsetMap, float]:
    """`body` (extracted text, one paragraph a line) as clean text mapped into the source.

    Returns the clean text, its offset map and the share of characters aligned exactly.
    """
    words, line_of = [], []
    for number, line in enumerate(body.split("\n")):
        for match in _WORD.finditer(line.translate(KEY)):
            words.append(match.group())
            line_of.append(number)
    positions = _Aligner(projection.text, words).positions()
    lines: dict[int, _Line] = {}
    for k, (word, at) in enumerate(zip(words, positions, strict=True)):
        first = k == 0 or line_of[k - 1] != line_of[k]
        if at >= 0 or not _layout(word, first):
            lines.setdefault(line_of[k], []).append((word, at))
    return _Writer(projection).write(list(lines.values()))


def _layout(word: str, first: bool) -> bool:
    """trafilatura's own layout marks: table cell bars and list bullets."""
    return _TABLE_RULE.fullmatch(word) is not None or (first and word == "-")


class _Writer:
    """Writes aligned words as copies of the source, runs of them at once."""

    __slots__ = ("_aligned", "_anchor", "_builder", "_offsets", "_text")

    def __init__(self, projection: Projection) -> None:
        self._text = projection.text
        self._offsets = projection.offsets
        self._builder = TextBuilder()
        self._aligned = 0
        self._anchor = 0  # unaligned characters map here: the last aligned source offset

    def write(self, lines: list[_Line]) -> tuple[str, OffsetMap, float]:
        first = next((at for line in lines for _, at in line if at >= 0), -1)
        self._anchor = self._offsets.to_raw(first) if first >= 0 else 0  # the next, at first
        for number, line in enumerate(lines):
            if number:
                self._builder.replace("\n\n", self._anchor)
            self._line(line)
        text, offsets = self._builder.build()
        return text, offsets, (self._aligned / len(text) if text else 0.0)

    def _line(self, line: _Line) -> None:
        pending: tuple[int, int] | None = None  # aligned words one source space apart
        for index, (word, at) in enumerate(line):
            if pending and at == pending[1] + 1 and self._text[pending[1]] == " ":
                pending = (pending[0], at + len(word))
                continue
            if pending:
                self._copy(*pending)
            if index:
                self._space(pending[1] if pending else -1)
            pending = (at, at + len(word)) if at >= 0 else None
            if pending is None:
                self._builder.replace(word, self._anchor)
        if pending:
            self._copy(*pending)

    def _space(self, after: int) -> None:
        """A space after the projection offset `after`: the source's own space if it has one."""
        if 0 <= after < len(self._text) and self._text[after] == " ":
            self._builder.copy(" ", self._offsets.to_raw(after))
            self._aligned += 1
        else:
            self._builder.replace(" ", self._anchor)

    def _copy(self, start: int, end: int) -> None:
        """Copies the projection's [start, end) with its source offsets, run by run."""
        offsets = self._offsets
        run = bisect_right(offsets.clean_starts, start) - 1
        pos = start
        while pos < end:
            run_end = offsets.clean_starts[run + 1] if run + 1 < len(offsets.steps) else end
            stop = min(end, run_end)
            raw = offsets.raw_starts[run] + (pos - offsets.clean_starts[run]) * offsets.steps[run]
            if offsets.steps[run]:
                self._builder.copy(self._text[pos:stop], raw)
            else:
                self._builder.replace(self._text[pos:stop], raw)  # one entity, several chars
            pos, run = stop, run + 1
        self._anchor = offsets.to_raw(end - 1)
        self._aligned += end - start
