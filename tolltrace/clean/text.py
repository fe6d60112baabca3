"""The cleaner for plain-text web scrapes: boilerplate lines out, hard wraps joined, offsets kept.

A scrape is read line by line. Whole short lines that are page furniture (ad sizes, share
rows, comment widgets, image credits, page-header dates, video playlists) are removed and
recorded; the remaining lines are grouped into blocks of consecutive non-blank lines, and each
line break inside a block is either a wrap (joined with a space) or a paragraph break.
Paragraphs are separated by "\\n\\n" in the clean text, exact duplicates are dropped, and
every clean character keeps a pointer back into the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from tolltrace.clean.normalize import QUOTES, SPACES, normalize, normalize_into
from tolltrace.clean.offsets import OffsetMap, TextBuilder
from tolltrace.model import RemovedLine

HEADER_DATE = "header-date"
VIDEO = "boilerplate:video"
DUPLICATE = "duplicate"

_BREAKS = "\n\r\f\v\u2028\u2029"  # form feeds and Unicode separators end lines too
_LINE_BREAK = re.compile(r"\r\n|[" + _BREAKS + "]")  # \r\n first: a Windows line end is one break
# The horizontal spaces normalize_into collapses: stripping exactly these keeps offsets exact.
_SPACES = SPACES
# From a line's first visible character to its break: blank lines are skipped inside the regex.
_CONTENT_LINE = re.compile("[^" + re.escape(_BREAKS + _SPACES) + "][^" + _BREAKS + "]*")
# Anything normalize_into would change beyond quote marks: without it, one translate() is enough.
_ODD_SPACE = re.compile("  |[" + re.escape(_SPACES.replace(" ", "")) + "]")
# str.translate looks every character up in a dict: a regex scan first is much cheaper.
_QUOTE_MARK = re.compile("[" + re.escape("".join(map(chr, QUOTES))) + "]")

# Furniture lines are short; longer lines are prose and are never tested against the patterns.
_MAX_FURNITURE_CHARS = 300

# Hard-wrap widths seen in the wild (e-mail 72, terminals 80, scrapers up to ~200 columns).
_MIN_WRAP, _MAX_WRAP = 30, 250
_WRAP_RAGGEDNESS = 15  # a wrapped line falls short of the width by less than a long word
_MIN_NEAR_LINES = 3  # lines at the width it takes to call a whole document hard-wrapped
_WIDTH_SLACK = 1.15  # a block's longest line may pass the document's estimated width by this
_LONG_LINE = 50  # longer than most headings and captions

# Quote marks are already ASCII here: normalize() turns guillemets into '"'.
_LEAD = r"[\s\-–—•·|\"›‹>^↑▲⬆*#]*+"  # possessive: never backtracked into
_TAIL = r"[\s\-–—•·|\"›‹<>^↑▲⬆*#:.!…]*"
_NETWORK = (
    r"(?:facebook|twitter|linkedin|whatsapp|telegram|e-?mail|reddit|pinterest|tumblr|"
    r"messenger|viber|vk|pocket|flipboard|threads|bluesky|mastodon)"
)
_SHARE_WORD = (
    rf"(?:(?:click\s+to\s+)?(?:share|post)\s+(?:(?:on|via|to)\s+)?(?:{_NETWORK}|x)"
    rf"|{_NETWORK}|tweet|share|print|copy\s+(?:link|url)|pin\s+it)"
    r"(?:\s*\(opens\s+in\s+(?:a\s+)?new\s+window\))?"
)
_MENU_ITEM = r"(?-i:[A-Z][^\W\d_]*(?:[ &'-][A-Za-z][^\W\d_]*){0,2})"
# One named group per kind of furniture; each alternative must cover the whole (short) line.
_FURNITURE_KINDS: dict[str, str] = {
    "ad_size": (
        r"(?:ad(?:vertisement)?\s*[:\-]?\s*)?\d{2,4}\s*[x×]\s*\d{2,4}(?:\s*px)?"
        r"(?:(?:\s+|\s*[,;|/]\s*)\d{2,4}\s*[x×]\s*\d{2,4}(?:\s*px)?)*"
    ),
    "advertisement": (
        r"advertisements?|advertising|ads?|ads\s+by\s+\w+(?:\s+\w+)?"
        r"|sponsored(?:\s+(?:content|links?|posts?|stories))?|promoted(?:\s+content)?"
        r"|paid\s+(?:content|post|partnership)"
        r"|(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?"
        r"|continue\s+reading\s+(?:the\s+main\s+story|below)"
        r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?"
    ),
    "back_to_top": (
        r"(?:back|return|scroll|go|jump)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?"
        r"(?:\s+button)?|top\s+of\s+page"
    ),
    "comments": (
        r"leave\s+a\s+(?:reply|comment|response)(?:\s+cancel\s+reply)?|cancel\s+reply|reply"
        r"|(?:post|submit|add|write)\s+(?:a\s+|your\s+)?comment"
        r"|(?:view|show|hide|load\s+more|read)\s+(?:all\s+)?comments?"
        r"|comments?(?:\s*\(\d{1,6}\))?|(?:\d{1,6}|no|one|two|three)\s+(?:comments?|responses?|replies)"
        r"|\d{1,6}\s+thoughts?\s+on\s+.{1,200}"
        r"|comments\s+(?:are\s+)?(?:closed|disabled)(?:\s+(?:for|on)\s+this\s+\w+)?"
        r"|your\s+e-?mail\s+address\s+will\s+not\s+be\s+published"
        r"(?:[.\s]*required\s+fields\s+are\s+marked\s*\*?)?"
        r"|required\s+fields\s+are\s+marked\s*\*?|(?:name|e-?mail|website|comment)\s*\*|website"
        r"|save\s+my\s+name,?\s+e-?mail,?\s+and\s+website\s+in\s+this\s+browser\s+for\s+the"
        r"\s+next\s+time\s+i\s+comment"
        r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment"
        r"|log\s+in\s+to\s+(?:leave\s+a\s+)?(?:comment|reply)"
        r"|notify\s+me\s+of\s+(?:follow-up\s+comments|new\s+posts)\s+(?:by|via)\s+e-?mail"
        r"|this\s+site\s+uses\s+akismet\s+to\s+reduce\s+spam.{0,120}"
        r"|be\s+the\s+first\s+to\s+comment|join\s+the\s+discussion|comments\s+powered\s+by\s+\w+"
    ),
    "share": (
        rf"{_SHARE_WORD}(?:(?:\s+|\s*[|·•,/]\s*){_SHARE_WORD})*"
        r"|share\s+(?:this|the)(?:\s+(?:article|story|post|page|video))?(?:\s+(?:on|via))?"
        r"|share(?:\s+(?:this|the)(?:\s+\w+)?)?(?:\s+(?:on|via))?\s*:.{0,150}"
        r"|share\s+via|like\s+this|(?:like\s+)?loading\.*|click\s+to\s+(?:share|print|e-?mail).{0,80}"
        r"|follow\s+us(?:\s+on\s+.{1,60})?"
    ),
    "image_credit": (
        r"\(?\s*(?:(?:photo(?:graph)?s?|pictures?|pic|images?|illustration|graphic)"
        r"(?:\s*(?:credits?|source|courtesy(?:\s+of)?))?|credits?)\s*(?::|\bby\b|/)\s*.{1,100}"
        r"|\(?\s*photo\s+courtesy\s+of\s+.{1,80}"
        r"|\(?(?-i:[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+photos?\s*/\s*[^()]{1,80}\)?"
        r"|\((?:[^()/\d]{1,60}/){1,3}[^()/\d]{1,60}\)"
        r"|.{0,80}\b(?:getty\s+images|shutterstock|alamy(?:\s+stock\s+photo)?|istock(?:photo)?)\)?"
        r"|\(?file\s+(?:photo|picture|image)\)?(?:\s*[:\-–—]\s*.{0,100})?"
    ),
    "navigation": (
        r"skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|footer|search)"
        r"|toggle\s+navigation|(?:main\s+|open\s+|close\s+)?menu|navigation|search(?:\s+for)?"
        r"|home|you\s+are\s+here.{0,150}|home\s*[\">›/|].{0,200}"
        r"|privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|contact\s+us|about\s+us"
        # A menu row: five or more short capitalised items without digits ("News | Sport | ...").
        rf"|{_MENU_ITEM}(?:\s*[|·•]\s*{_MENU_ITEM}){{4,}}"
    ),
    "newsletter": (
        r"subscribe(?:\s+(?:now|today|here|for\s+free))?"
        r"|subscribe\s+to\s+(?:our|the)\s+(?:\w+\s+)?(?:newsletters?|mailing\s+list|channel)"
        r"(?:\s+.{1,60})?"
        r"|sign\s+up(?:\s+(?:now|here|today))?"
        r"|sign\s+up\s+(?:for|to)\s+(?:our|the)\s+(?:\w+\s+)?(?:newsletters?|mailing\s+list|updates)"
        r"(?:\s+.{1,60})?"
        r"|newsletters?|join\s+our\s+(?:mailing\s+list|newsletter)"
        r"|enter\s+your\s+e-?mail(?:\s+address)?(?:\s+.{1,40})?"
        r"|get\s+(?:the\s+)?(?:latest\s+)?(?:news|stories|headlines|updates)\s+(?:delivered\s+)?"
        r"(?:straight\s+)?to\s+your\s+inbox.{0,40}"
    ),
    "cookies": (
        r"(?:we(?:\s+and\s+our\s+partners)?|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+"
        r"cookies.{0,300}"
        r"|(?=.{0,300}cookie)by\s+(?:continuing\s+to\s+)?(?:use|using|brows(?:e|ing))\s+"
        r"(?:this|our)\s+(?:web)?site.{0,250}"
        r"|(?:accept|reject|allow)(?:\s+all)?(?:\s+cookies)?"
        r"|(?:cookie|cookies|privacy)\s+(?:settings|policy|preferences|notice|consent)"
        r"|manage\s+(?:cookies|preferences|consent|cookie\s+settings)|i\s+(?:agree|accept)|got\s+it"
        r"|ok(?:ay)?"
    ),
    "related": (
        r"related(?:\s+(?:posts?|articles?|stories|news|content|coverage|reading|topics|links))?"
        r"(?:\s*:.{0,150})?"
        r"|read\s+more(?:\s*[:\">›…]+.{0,150})?|(?:read|also\s+read|further\s+reading)\s*:.{0,150}"
        r"|read\s+(?:also|next)(?:\s*[:\">›]+.{0,150})?|see\s+also(?:\s*:.{0,150})?"
        r"|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in|enjoy)"
        r"|more\s+(?:stories|news|articles)|more\s+from\s+\w+(?:\s+\w+){0,3}(?:\s*:.{0,150})?"
        r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?"
        r"|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?"
        r"|popular\s+(?:posts|articles|stories)|latest\s+(?:news|posts|stories|articles)"
        r"|(?:previous|next|older|newer)\s+(?:post|article|story)(?:\s*[:\"›‹<>]+.{0,150})?"
        r"|continue\s+reading"
    ),
    "tags": (
        r"(?:tags?|tagged(?:\s+(?:with|as|in))?|filed\s+under|categor(?:y|ies)|topics?|keywords?)"
        r"\s*:.{0,250}|tags|tagged"
    ),
    "close": r"[×✕✖╳]|close(?:\s*[×✕✖╳])?|dismiss",
    "copyright": (
        r"(?:copyright\s*)?(?:©|\(c\))\s*.{0,150}|copyright\s+(?:\d{4}|©).{0,150}"
        r"|.{0,150}\ball\s+rights\s+reserved"
    ),
}
_FURNITURE = re.compile(
    _LEAD
    + "(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _FURNITURE_KINDS.items())
    + ")"
    + _TAIL,
    re.IGNORECASE,
)

_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_ISO_TIME = r"(?:t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?"
_NUMERIC_DATE = (
    rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}{_ISO_TIME}"
    r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}[-.]\d{1,2}[-.]\d{4})"  # not "3.1.12"
)
_CLOCK = (
    r"(?:\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*\(?(?:[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?"
)
_DATE_SEP = r"\s*(?:[,|/•·@–—-]|\bat\b)?\s*"
# Month-and-year alone ("July 2003") is left in: in an article it is usually a section heading.
_HEADER_DATE = re.compile(
    r"(?:(?:first\s+)?(?:published|posted|updated|last\s+updated|modified|date|dated)"
    r"(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_CLOCK}{_DATE_SEP})?(?:{_WEEKDAY}{_DATE_SEP})?"
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_NUMERIC_DATE})"
    rf"(?:{_DATE_SEP}{_CLOCK})?",
    re.IGNORECASE,
)

_DIGIT = re.compile(r"\d")
_PLAYLIST_ENTRY = re.compile(r"\d{1,2}:[0-5]\d[ \t]+[A-Z0-9\"'“‘].{5,250}")
_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*(?:\[\w{1,4}\])*$")  # "killed.[12]" ends too
# A line ending like this is mid-sentence even when the next line starts with a capital.
_OPEN_END = re.compile(
    r"(?:[,;(\[–—]|\b(?:a|an|the|of|to|in|on|at|by|for|with|from|and|or|but|nor|that|than|as"
    r"|into|onto|over|under|about|between|among|who|whom|whose|which|said|is|are|was|were"
    r"|be|been|has|have|had|its|their|his|her|our|this|these|those|more|less|nearly|almost"
    r"|around|including|against|during|after|before|since|until|per|not|some))$"
)
_TAIL_CHARS = 16  # longer than any ending the three patterns above and below look for
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_LIST_ITEM = re.compile(r"(?:[-*•·▪◦‣–—]|\d{1,3}[.)]|[a-z]\)|\(\w{1,3}\))\s")
_FIRST_LETTER = re.compile(r"[\"'“‘«(\[]*(\w)")
_FIRST_WORD = re.compile(r"\S{1,80}")
# A title or an initial before a name ends no sentence: "detained Dr.\nMira Solvek".
_TITLE_END = re.compile(
    r"(?:^|[\s(])(?:[A-Z]|Dr|Mr|Mrs|Ms|Mme|Prof|Gen|Col|Lt|Capt|Sgt|Cpl|Maj|Rev|Sen|Rep|Gov"
    r"|Brig|Adm|Hon|Fr|Sr|Jr|St)\.$"
)
# A name broken across the wrap: running text ends on a capitalised word ("the activist
# Lena") and the next line opens with one that goes on in lower case ("Kovac on Tuesday").
_NAME_START = re.compile(r"\b[a-z][\w'’-]*\s+[A-Z][\w'’-]*$")
_NAME_END = re.compile(r"[A-Z][\w'’-]*(?:[,;:]|\s+[a-z(])")

_FIRST = ""  # glue before the first line of a paragraph
_WRAP = " "  # a line break inside a sentence: one space standing for the break
_GAP = "  "  # a sentence running on across blank or removed lines: also one space
_HYPHEN = "-"  # a word hyphenated at the line end: nothing inserted, the hyphen kept


@dataclass(frozen=True, slots=True)
class PlainClean:
    """A plain-text scrape cleaned, with its offset map and what was left out."""

    text: str  # paragraphs separated by "\n\n"
    offsets: OffsetMap  # every clean char -> offset in the raw text
    removed: tuple[RemovedLine, ...]  # raw stretches left out, with the reason, in raw order
    header_lines: tuple[tuple[int, int], ...]  # raw spans of removed standalone date lines


@dataclass(frozen=True, slots=True)
class _Line:
    """One raw line, stripped of the spaces around it."""

    start: int  # raw offset of the first non-space character
    end: int  # raw offset just after the last non-space character
    brk: int  # raw offset of the line break after the line (len(raw) for the last line)
    indent: int  # how many spaces stood before `start`
    text: str  # raw[start:end]
    after_blank: bool  # a blank line (or the start of the text) comes right before it


_Glued = tuple[str, _Line]  # (glue before the line, the line)


def clean_plain(raw: str) -> PlainClean:
    """Clean a plain-text scrape; pure, linear in the length of `raw`."""
    lines = _split_lines(raw)
    removed: list[RemovedLine] = []
    blocks = _blocks(lines, removed)
    header_lines = tuple((r.raw_start, r.raw_end) for r in removed if r.reason == HEADER_DATE)
    paragraphs = _paragraphs(blocks)
    builder = TextBuilder()
    _emit_unique(builder, paragraphs, removed)
    text, offsets = builder.build()
    removed.sort(key=lambda r: r.raw_start)
    return PlainClean(text, offsets, tuple(removed), header_lines)


def furniture_kind(line: str) -> str | None:
    """The removal reason if `line`, on its own, is page furniture; None for content."""
    if len(line) > _MAX_FURNITURE_CHARS:
        return None
    key = _normalized(line)
    match = _FURNITURE.fullmatch(key)
    if match is not None and match.lastgroup is not None:
        return "boilerplate:" + match.lastgroup.replace("_", "-")
    if _DIGIT.search(key) is not None and _HEADER_DATE.fullmatch(key) is not None:
        return HEADER_DATE
    return None


def _normalized(text: str) -> str:
    """normalize(text) for stripped text, skipping the space collapsing when nothing needs it."""
    return _ascii_quotes(text) if _ODD_SPACE.search(text) is None else normalize(text)


def _ascii_quotes(text: str) -> str:
    return text.translate(QUOTES) if _QUOTE_MARK.search(text) is not None else text


def _split_lines(raw: str) -> list[_Line]:
    """The non-blank lines of `raw`; blank lines only show as `after_blank` on the next one."""
    lines: list[_Line] = []
    previous_break = 0
    for match in _CONTENT_LINE.finditer(raw):
        start = match.start()
        gap = raw[previous_break:start]  # the break ending the line above, blank lines, indent
        indent = len(gap) - len(gap.rstrip(_SPACES))
        text = match.group().rstrip(_SPACES)
        after_blank = _has_blank(gap) if lines else True
        lines.append(_Line(start, start + len(text), match.end(), indent, text, after_blank))
        previous_break = match.end()
    return lines


def _has_blank(gap: str) -> bool:
    first = _LINE_BREAK.match(gap)
    return first is None or _LINE_BREAK.search(gap, first.end()) is not None


def _blocks(lines: list[_Line], removed: list[RemovedLine]) -> list[list[_Line]]:
    """Runs of consecutive content lines; blank and removed lines separate them."""
    blocks: list[list[_Line]] = []
    block: list[_Line] = []
    for index, line in enumerate(lines):
        if line.after_blank and block:
            blocks.append(block)
            block = []
        reason = _removal_reason(lines, index)
        if reason is None:
            block.append(line)
            continue
        if block:
            blocks.append(block)
            block = []
        removed.append(RemovedLine(line.start, line.end, reason))
    if block:
        blocks.append(block)
    return blocks


def _removal_reason(lines: list[_Line], index: int) -> str | None:
    line = lines[index]
    kind = furniture_kind(line.text)
    if kind is None:
        return VIDEO if _video_entry(lines, index) else None
    before = "" if line.after_blank else lines[index - 1].text
    following = lines[index + 1] if index + 1 < len(lines) else None
    after = "" if following is None or following.after_blank else following.text
    # A furniture-looking line that finishes the sentence above it is prose ("...had to\nprint.").
    inside = _continues(line.text) or (kind == HEADER_DATE and bool(after) and _continues(after))
    return None if before and not _ends_sentence(before) and inside else kind


def _video_entry(lines: list[_Line], index: int) -> bool:
    """An entry of a video playlist: a running time and a headline ("1:37 Fire on the pier").

    One such line could be a live blog's time stamp, so it takes a run of two (blank lines
    between them are fine) or the player's own "Pause" at its end.
    """
    text = lines[index].text
    if not text[:1].isdigit() or _PLAYLIST_ENTRY.fullmatch(text) is None:
        return False
    if text.endswith(" Pause"):
        return True
    return any(
        0 <= other < len(lines)
        and lines[other].text[:1].isdigit()
        and _PLAYLIST_ENTRY.fullmatch(lines[other].text) is not None
        for other in (index - 1, index + 1)
    )


def _paragraphs(blocks: list[list[_Line]]) -> list[list[_Glued]]:
    document_width = _document_width(blocks)
    paragraphs: list[list[_Glued]] = []
    current: list[_Glued] = []
    for block in blocks:
        width = _block_width(block, document_width)
        for index, line in enumerate(block):
            glue = None
            if current:
                before = current[-1][1]
                glue = _glue(before, line, width) if index else _gap_glue(before, line)
            if glue is None:
                if current:
                    paragraphs.append(current)
                current = [(_FIRST, line)]
            else:
                current.append((glue, line))
    if current:
        paragraphs.append(current)
    return paragraphs


def _document_width(blocks: list[list[_Line]]) -> int:
    """The wrap width the whole document shares, seen in the lines that are not block ends."""
    body = [len(line.text) for block in blocks for line in block[:-1]]
    width = max(body, default=0)
    near = _near(body, width)
    return width if near >= _MIN_NEAR_LINES and 2 * near >= len(body) else 0


def _block_width(block: list[_Line], document_width: int) -> int:
    """The hard-wrap width of a block, or 0 when its line breaks are not wraps."""
    if len(block) < 2:
        return 0
    longest = max(len(line.text) for line in block)
    body = [len(line.text) for line in block[:-1]]  # the last line of a paragraph may be short
    if len(block) >= 3 and 3 * _near(body, longest) >= 2 * len(body):
        return longest
    # A block too short to show a width of its own takes the document's, if it fits it.
    width = max(document_width, longest)
    if document_width and longest <= _WIDTH_SLACK * document_width:
        return width if 2 * _near(body, width) >= len(body) else 0
    return 0


def _near(lengths: list[int], width: int) -> int:
    """How many lines end within a long word of the width, as greedy wrapping leaves them."""
    if not _MIN_WRAP <= width <= _MAX_WRAP:
        return 0
    return sum(1 for length in lengths if length >= width - _WRAP_RAGGEDNESS)


def _glue(before: _Line, line: _Line, width: int) -> str | None:
    """How a line joins the line above it in the same block; None starts a new paragraph."""
    if _LIST_ITEM.match(line.text) or before.text == line.text:
        return None
    if _ends_with(_HYPHEN_END, before.text) and line.text[0].isalpha():
        return _HYPHEN
    # A break the next word would have fitted before was made on purpose (heading, paragraph).
    forced = width > 0 and not _fits(before.text, line.text, width)
    if _ends_sentence(before.text) and not _TITLE_END.search(before.text[-_TAIL_CHARS:]):
        return _WRAP if forced and line.indent <= before.indent else None
    if forced or _continues(line.text) or _ends_with(_OPEN_END, before.text):
        return _WRAP
    if _name_across(before.text, line.text):
        return _WRAP
    return _WRAP if _ends_wrapped_sentence(before.text, line.text) else None


def _name_across(before: str, line: str) -> bool:
    """A long line of running text ending on a name's first word, or on a title or an
    initial, and a line opening with the rest of the name: one sentence."""
    if _TITLE_END.search(before[-_TAIL_CHARS:]) is not None:
        return line[:1].isupper()  # "detained Dr.\nMira Solvek"
    return (
        len(before) >= _LONG_LINE
        and _ends_with(_NAME_START, before)
        and _NAME_END.match(line) is not None
    )


def _ends_wrapped_sentence(before: str, line: str) -> bool:
    """A long open line whose break was forced, then a line that ends the sentence.

    Blocks too short to show a wrap width ("...near Liberty\nBridge on Friday.") still wrap;
    a title over a byline or caption does not qualify, as that line ends with no full stop.
    """
    return (
        _LONG_LINE <= len(before) <= _MAX_WRAP
        and _ends_sentence(line)
        and not _fits(before, line, max(len(before), len(line)))
    )


def _gap_glue(before: _Line, line: _Line) -> str | None:
    """A paragraph that stops mid-sentence goes on in the next block when that starts lowercase."""
    if _ends_sentence(before.text) or _LIST_ITEM.match(line.text) or not _continues(line.text):
        return None
    return _GAP


def _fits(before: str, line: str, width: int) -> bool:
    word = _FIRST_WORD.match(line)
    return len(before) + 1 + (len(word.group()) if word else 0) <= width


def _ends_sentence(line: str) -> bool:
    return _ends_with(_SENTENCE_END, line)


def _ends_with(pattern: re.Pattern[str], line: str) -> bool:
    """An end-anchored search that looks only at the line's tail, not at every position."""
    return pattern.search(line, max(0, len(line) - _TAIL_CHARS)) is not None


def _continues(line: str) -> bool:
    """The line starts lowercase or with punctuation that cannot open a sentence."""
    if line[0] in ",;:)]}%":
        return True
    letter = _FIRST_LETTER.match(line)
    return letter is not None and letter.group(1).islower()


def _emit_unique(
    builder: TextBuilder, paragraphs: list[list[_Glued]], removed: list[RemovedLine]
) -> None:
    seen: set[str] = set()
    last_break = 0
    for paragraph in paragraphs:
        key = _normalized("".join(_key_glue(glue) + line.text for glue, line in paragraph))
        if key in seen:
            removed.extend(_duplicate_spans(paragraph))
            continue
        seen.add(key)
        if len(builder):
            builder.replace("\n\n", last_break)
        _emit_paragraph(builder, paragraph)
        last_break = paragraph[-1][1].brk


def _key_glue(glue: str) -> str:
    return "" if glue in (_FIRST, _HYPHEN) else " "


def _duplicate_spans(paragraph: list[_Glued]) -> list[RemovedLine]:
    """One span per run of adjacent lines, so no span covers lines removed for other reasons."""
    spans: list[RemovedLine] = []
    start = paragraph[0][1].start
    for (_, before), (glue, line) in pairwise(paragraph):
        if glue == _GAP:
            spans.append(RemovedLine(start, before.end, DUPLICATE))
            start = line.start
    spans.append(RemovedLine(start, paragraph[-1][1].end, DUPLICATE))
    return spans


def _emit_paragraph(builder: TextBuilder, paragraph: list[_Glued]) -> None:
    before: _Line | None = None
    for glue, line in paragraph:
        if before is not None and glue in (_WRAP, _GAP):
            builder.replace(" ", before.brk)
        _emit_line(builder, line)
        before = line


def _emit_line(builder: TextBuilder, line: _Line) -> None:
    if _ODD_SPACE.search(line.text) is None:
        # Same result as normalize_into, in one call instead of one per word.
        builder.copy(_ascii_quotes(line.text), line.start)
    else:
        normalize_into(builder, line.text, line.start)
