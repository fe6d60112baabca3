"""Offset maps: every character of a clean text points at a character of the raw text.

A map is a list of runs. Inside a run, clean offsets and raw offsets advance together
(copied text). A run may also be "collapsed" (step 0): several clean characters standing for
one raw position, as when a newline becomes a space or an entity becomes one character.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps clean-text offsets to raw-text offsets, run by run."""

    clean_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    steps: tuple[int, ...]  # 1: copied run, 0: every character of the run maps to raw_start
    length: int  # length of the clean text

    def to_raw(self, offset: int) -> int:
        """The raw offset of the clean character at `offset`."""
        if not 0 <= offset < self.length:
            raise IndexError(f"clean offset {offset} outside 0..{self.length - 1}")
        run = bisect_right(self.clean_starts, offset) - 1
        return self.raw_starts[run] + (offset - self.clean_starts[run]) * self.steps[run]

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering the clean span [start, end)."""
        if start >= end:
            raw = self.to_raw(start) if start < self.length else self._raw_end()
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def _raw_end(self) -> int:
        return self.to_raw(self.length - 1) + 1 if self.length else 0

    def to_json(self) -> str:
        return json.dumps(
            [self.length, self.clean_starts, self.raw_starts, self.steps], separators=(",", ":")
        )

    @classmethod
    def from_json(cls, data: str) -> OffsetMap:
        length, clean, raw, steps = json.loads(data)
        return cls(tuple(clean), tuple(raw), tuple(steps), length)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0,), (0,), (1,), length) if length else cls((), (), (), 0)


class TextBuilder:
    """Builds a clean text piece by piece while recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._clean: list[int] = []
        self._raw: list[int] = []
        self._steps: list[int] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, text: str, raw_start: int) -> None:
        """Append `text`, which stands at `raw_start` in the raw text, character for character."""
        if not text:
            return
        last = len(self._steps) - 1
        contiguous = (
            last >= 0
            and self._steps[last] == 1
            and self._raw[last] + (self._length - self._clean[last]) == raw_start
        )
        if not contiguous:
            self._add_run(raw_start, 1)
        self._parts.append(text)
        self._length += len(text)

    def replace(self, text: str, raw_offset: int) -> None:
        """Append `text` as a stand-in for the raw character at `raw_offset` (a space, a quote)."""
        if not text:
            return
        if len(text) == 1:
            # A one-character stand-in is still a one-to-one run: it can merge with copies.
            self.copy(text, raw_offset)
            return
        self._add_run(raw_offset, 0)
        self._parts.append(text)
        self._length += len(text)

    def _add_run(self, raw_start: int, step: int) -> None:
        self._clean.append(self._length)
        self._raw.append(raw_start)
        self._steps.append(step)

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        return text, OffsetMap(tuple(self._clean), tuple(self._raw), tuple(self._steps), len(text))


def insert_break(
    text: str, offsets: OffsetMap, at: int, piece: str = "\n\n"
) -> tuple[str, OffsetMap]:
    """`text` with `piece` inserted at clean offset `at`, standing for the raw character there."""
    builder = TextBuilder()
    bounds = [*offsets.clean_starts, offsets.length]
    for run, (start, end) in enumerate(pairwise(bounds)):
        raw, step = offsets.raw_starts[run], offsets.steps[run]
        for low, high in ((start, min(end, at)), (max(start, at), end)):
            if low >= high:
                continue
            if low == at:
                builder.replace(piece, offsets.to_raw(at))
            if step == 1:
                builder.copy(text[low:high], raw + (low - start))
            else:
                builder.replace(text[low:high], raw)
    if at >= offsets.length:
        builder.replace(piece, offsets.to_raw(offsets.length - 1) if offsets.length else 0)
    return builder.build()
