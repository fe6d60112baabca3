"""Character-level normalisation (quote marks, spaces) that keeps the offset map exact."""

from __future__ import annotations

import re

from tolltrace.clean.offsets import TextBuilder

# Typographic quotes and primes become ASCII so later stages match one form.
QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
# Horizontal white space, no-break and zero-width spaces included: any run becomes one space.
SPACES = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200C))) + "\u202f\u205f\u3000\ufeff"
_SPACE_RUN = re.compile("[" + re.escape(SPACES) + "]+")


def normalize_into(builder: TextBuilder, text: str, raw_start: int) -> None:
    """Append `text` (found at `raw_start` in the raw text) with quotes and spaces normalised.

    Leading and trailing spaces are dropped; inner runs become one space that maps to the
    first character of the run.
    """
    pos = 0
    end = len(text)
    while pos < end and _is_space(text[pos]):
        pos += 1
    while end > pos and _is_space(text[end - 1]):
        end -= 1
    for match in _SPACE_RUN.finditer(text, pos, end):
        if match.start() > pos:
            builder.copy(text[pos : match.start()].translate(QUOTES), raw_start + pos)
        builder.replace(" ", raw_start + match.start())
        pos = match.end()
    if end > pos:
        builder.copy(text[pos:end].translate(QUOTES), raw_start + pos)


def normalize(text: str) -> str:
    """The normalised form of a short string (titles, metadata), without offsets."""
    return _SPACE_RUN.sub(" ", text.translate(QUOTES)).strip()


def _is_space(char: str) -> bool:
    return _SPACE_RUN.fullmatch(char) is not None
