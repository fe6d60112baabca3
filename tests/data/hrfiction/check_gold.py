"""Check that gold.json and manifest.json agree with the documents they describe.

Run `.venv/bin/python tests/data/hrfiction/check_gold.py [FOLDER]`; it prints one line per
problem and exits 1 if there is any. tests/test_hrfiction.py runs the same checks.
"""

import json
import re
import sys
from pathlib import Path
from typing import Any

from tolltrace.model import CATEGORIES, QUALIFIERS

FIELDS = (
    "doc", "quote", "value", "low", "high", "qualifier", "qualifier_also", "magnitude", "category",
    "category_also", "any_category", "attributed_to", "attributed_to_also", "source_unscored",
    "event", "required",
)  # fmt: skip
MANIFEST_FIELDS = (
    "doc",
    "file",
    "url",
    "title",
    "source_type",
    "outlet",
    "event",
    "date",
    "url_date",
)
MAGNITUDES = {
    "dozens": ("dozens", "dozen"),
    "hundreds": ("hundreds", "hundred"),
    "thousands": ("thousands",),
    "tens_of_thousands": ("tens of thousands",),
    "hundreds_of_thousands": ("hundreds of thousands",),
    "millions": ("millions",),
}
UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
LENGTH = (800, 2500)


def norm(text: str) -> str:
    """Whitespace collapsed and typographic quotes and dashes made plain, as the scorer does."""
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text).strip()


def spellings(value: int) -> set[str]:
    """The ways a count can be written in these documents: digits, grouped digits, words."""
    found = {str(value), f"{value:,}"}
    if value < len(UNITS):
        found.add(UNITS[value])
    for word, tens in TENS.items():
        if value == tens:
            found.add(word)
        elif tens < value < tens + 10:
            found.add(f"{word}-{UNITS[value - tens]}")
    if value == 12:
        found.add("a dozen")
    return found


def written_in(value: int, quote: str) -> bool:
    lowered = quote.lower()
    return any(
        re.search(rf"(?<![\w,.]){re.escape(s)}(?![\w]|,\d)", lowered) for s in spellings(value)
    )


def figure_problems(
    i: int, g: dict[str, Any], texts: dict[str, str], gold: dict[str, Any]
) -> list[str]:
    where = f"claims[{i}] ({g.get('doc')} {g.get('quote')!r})"
    out = []
    if tuple(k for k in g if k != "note") != FIELDS:
        return [f"{where}: fields {sorted(g)} are not the gold fields"]
    doc, quote = str(g["doc"]), str(g["quote"])
    if doc not in texts:
        return [f"{where}: no document {doc}"]
    if norm(quote) not in norm(texts[doc]):
        out.append(f"{where}: quote is not in the document")
    value, low, high, qualifier = g["value"], g["low"], g["high"], g["qualifier"]
    if qualifier not in QUALIFIERS or not set(g["qualifier_also"]) <= set(QUALIFIERS):
        out.append(f"{where}: unknown qualifier")
    if g["category"] not in CATEGORIES or not set(g["category_also"]) <= set(CATEGORIES):
        out.append(f"{where}: unknown category")
    if (qualifier == "vague") != (value is None):
        out.append(f"{where}: a null value goes with the vague qualifier, and only with it")
    if value is None:
        words = MAGNITUDES.get(str(g["magnitude"]), ())
        if not any(w in quote.lower() for w in words):
            out.append(f"{where}: magnitude {g['magnitude']} is not in the quote")
    elif not isinstance(value, int) or not written_in(value, quote):
        out.append(f"{where}: value {value} is not written in the quote")
    if (qualifier == "range") != (low is not None and high is not None):
        out.append(f"{where}: low and high go with the range qualifier, and only with it")
    if low is not None and not (low == value and isinstance(high, int) and low < high):
        out.append(f"{where}: a range has value == low < high")
    if isinstance(high, int) and not written_in(high, quote):
        out.append(f"{where}: high {high} is not written in the quote")
    for source in [g["attributed_to"], *g["attributed_to_also"]]:
        if source is not None and source not in gold["aliases"]:
            out.append(f"{where}: source {source!r} has no aliases")
    if g["event"] not in gold["events"] and g["event"] not in gold["events_also_in"]:
        out.append(f"{where}: event {g['event']!r} is not defined")
    return out


def problems(folder: Path) -> list[str]:
    """Every disagreement between the gold, the manifest and the documents of a folder."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    files = sorted((folder / "docs").glob("*.txt"))
    texts = {f.name[:3]: f.read_text(encoding="utf-8") for f in files}
    out = []
    for f in files:
        size = len(f.read_text(encoding="utf-8"))
        if not (re.fullmatch(r"\d{3}_[a-z0-9-]+\.txt", f.name) and LENGTH[0] <= size <= LENGTH[1]):
            out.append(f"{f.name}: name or length ({size} characters) out of the layout")
    main = {d: key for key, e in gold["events"].items() for d in e["docs"]}
    if sorted(d for e in gold["events"].values() for d in e["docs"]) != sorted(texts):
        out.append("events: every document must be in exactly one main event")
    for key, docs in gold["events_also_in"].items():
        out += [f"events_also_in {key}: no document {d}" for d in docs if d not in texts]
    out += [f"outlets: no document {d}" for d in gold["outlets"] if d not in texts]
    entries = manifest["docs"]
    if [e["doc"] for e in entries] != sorted(texts):
        out.append("manifest: one entry per document, in order")
    for e in entries:
        if tuple(e) != MANIFEST_FIELDS or e["file"] != f"{e['doc']}_{e['file'][4:]}":
            out.append(f"manifest {e['doc']}: fields or file name out of the layout")
        elif main.get(e["doc"]) != e["event"] or not (folder / "docs" / e["file"]).exists():
            out.append(f"manifest {e['doc']}: event or file disagrees with gold.json")
    for i, g in enumerate(gold["claims"]):
        out += figure_problems(i, g, texts, gold)
    return out


if __name__ == "__main__":
    found = problems(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
    print("\n".join(found) or "gold.json and manifest.json agree with the documents")
    sys.exit(1 if found else 0)
