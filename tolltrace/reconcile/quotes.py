"""Quotes of bounded length: a claim's words and the words around them, never a whole long sentence.

A scraped page may hold one sentence of many kilobytes (a list of hundreds of counts joined by
commas). Each figure of a finding quotes its sentence, and every report and page shows those
quotes, so a quote is the sentence when it is short, else the claim's words with at most
`QUOTE_LIMIT` characters in all: the words around them, cut at a space, with "…" where the
sentence goes on. Words longer than the limit are cut too.
"""

from __future__ import annotations

__all__ = ["QUOTE_LIMIT", "excerpt"]

QUOTE_LIMIT = 400  # characters of a quote, with its ellipses
_ELLIPSIS = "…"


def excerpt(sentence: str, words: str, limit: int = QUOTE_LIMIT) -> str:
    """`sentence` when it fits in `limit` characters, else `words` within their context."""
    if len(sentence) <= limit:
        return sentence
    if len(words) >= limit - 1:
        return words[: limit - 1].rstrip() + _ELLIPSIS
    start = sentence.find(words) if words else -1
    if start < 0:  # the words are not in the sentence as written: its opening, then
        return _cut_after(sentence, limit - 1) + _ELLIPSIS
    end = start + len(words)
    room = limit - len(words) - 2  # two ellipses at most
    before = min(start, room // 2)
    after = min(len(sentence) - end, room - before)
    before = min(start, room - after)  # room the end did not use goes to the opening
    left, right = start - before, end + after
    head, tail = sentence[left:start], sentence[end:right]
    if left > 0 and not sentence[left - 1].isspace():  # a word cut at the opening
        head = head[head.find(" ") + 1 :] if " " in head else ""
    if right < len(sentence) and not sentence[right].isspace():  # a word cut at the end
        tail = tail[: tail.rfind(" ")] if " " in tail else ""
    prefix = _ELLIPSIS if left > 0 else ""
    suffix = _ELLIPSIS if right < len(sentence) else ""
    return f"{prefix}{head.lstrip()}{words}{tail.rstrip()}{suffix}"


def _cut_after(text: str, length: int) -> str:
    """The first `length` characters of `text`, without a word cut at their end."""
    if len(text) <= length:
        return text
    cut = text[:length]
    space = cut.rfind(" ")
    return cut[:space] if space > 0 else cut
