"""Vague magnitudes in gold: "dozens", "thousands"... written as `value: null` + `magnitude`.

A gold figure of a vague magnitude is met by a claim whose number lies in that magnitude's
decade: "thousands" by 1,000 to 9,999, whatever convention the extractor uses inside it
(tolltrace reads "thousands" as 2,000). "dozens" starts at 12, one dozen.
"""

from __future__ import annotations

from tolltrace.errors import BadRecord

DECADE_FLOOR = {
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "tens_of_thousands": 10_000,
    "hundreds_of_thousands": 100_000,
    "millions": 1_000_000,
}


def magnitude_of(value: object, magnitude: object, where: str) -> str | None:
    """The gold's magnitude name when its value is null; None when it gives a number.

    A null value needs a known magnitude: anything else is a `BadRecord` naming the record.
    """
    if value is not None:
        return None
    if magnitude not in DECADE_FLOOR:
        known = ", ".join(DECADE_FLOOR)
        raise BadRecord(
            f"{where}: value is null but magnitude is {magnitude!r}; give a number, "
            f"or a magnitude among {known}"
        )
    return str(magnitude)


def in_decade(number: int | None, magnitude: str) -> bool:
    """Whether `number` lies in the magnitude's decade (floor <= number < 10 x floor)."""
    floor = DECADE_FLOOR[magnitude]
    return number is not None and floor <= number < floor * 10
