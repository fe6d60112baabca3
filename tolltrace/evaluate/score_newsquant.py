"""NewsQuant sentences: values and bounds of quantities that count people or things.

Scope. A gold quantity counts people or things unless its `normalized_unit` is a measure:
no unit at all ("-": index levels, bare prices), a rate (a unit with "per"), a percentage
("%"), or a unit whose words include a currency, a unit of time or age, a physical or data
unit, an index point, a multiplier ("count": "6.5 times", "sixfold") or a technology
generation ("5G"); SI prefixes (kilo-, mega-, ...) are stripped before the check. So
"people", "students", "homes", "cylinder" are in scope; "dollar", "percentage", "year of age",
"mile per hour" are not. A count is a whole number, so a gold value with a fraction is a
measure whatever its unit: an average ("3.7 rebounds" a game), a rating ("0.5 WAR"), a share
("one of four" written 0.25). "2.9 million cases" is whole and stays in scope.

Values. Each claim the extractor returns for a sentence is one predicted quantity (its
category is ignored). It matches an in-scope gold quantity of the sentence when its value
(`low`, else `high`) equals the gold value, or, for a gold range, when `low` and `high` equal
its ends. Pairs are one-to-one; every claim counts as predicted, so a claim on a year or a
price is a false positive (`out_of_scope_claims` says how many hit an out-of-scope quantity).

Vague magnitudes. The gold writes a vague plural as the decade it names ("dozens" = 12-120,
"thousands" = 1000-10000, "tens of thousands" = 10000-100000); DESIGN.md writes it as a lower
bound with no upper one ("dozens" = 24.., vague), so no claim that follows DESIGN.md could
equal those ends. A `vague` claim therefore matches a gold range whose high is ten times its
low when the claim's low lies in it (low <= claim.low < high). Only decades, only `vague`
claims: "about 30" never matches 12-120, nor "dozens" a gold 12 or 10-20.

Bounds. On matched pairs whose gold change is one of = ~ > <, our qualifier's bound must equal
it: exact, range and vague -> "=" (the gold writes "dozens" as = 12-120), approximately -> "~",
more_than and at_least -> ">", less_than and at_most -> "<". Changes "up"/"down" have no bound.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tolltrace.evaluate.datasets import EvalDocument, Extract, NewsquantGold, Quantity
from tolltrace.evaluate.metrics import (
    PRF,
    Accuracy,
    Failure,
    Row,
    best_matching,
    extract_all,
    meets,
    render_table,
    targets_json,
)
from tolltrace.model import Claim

BOUND_OF_QUALIFIER = {
    "exact": "=",
    "range": "=",
    "vague": "=",
    "approximately": "~",
    "more_than": ">",
    "at_least": ">",
    "less_than": "<",
    "at_most": "<",
}
BOUNDS = frozenset("=~><")

MEASURE_WORDS = frozenset({
    # percentages, index points, multipliers, technology generations
    "percentage", "percent", "point", "count", "generation",
    # currencies
    "dollar", "euro", "yen", "yuan", "renminbi", "pound", "sterling", "ringgit", "rupee", "shekel",
    "rand", "franc", "peso", "rouble", "ruble", "lira", "krona", "krone", "dinar", "dirham",
    "riyal", "won", "baht", "dong", "naira", "shilling", "dram", "sen", "cent", "penny", "pence",
    "bitcoin",
    # time and age
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "millennium",
    "age",
    # length, area, volume, mass
    "metre", "meter", "inch", "foot", "feet", "yard", "mile", "acre", "hectare", "litre", "liter",
    "gallon", "barrel", "gram", "ton", "tonne", "ounce", "pound-mass", "carat",
    # energy, power, electricity, pressure, frequency, temperature, angle, speed, data
    "watt", "joule", "calorie", "volt", "ampere", "ohm", "farad", "newton", "pascal", "psi",
    "horsepower", "hertz", "degree", "celsius", "fahrenheit", "kelvin", "knot", "mph", "bit",
    "byte", "revolutions", "parts-per-billion", "parts-per-million",
})  # fmt: skip
SI_PREFIXES = ("kilo", "mega", "giga", "tera", "peta", "milli", "micro", "nano", "centi", "deci")
_UNIT_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _is_measure_word(word: str) -> bool:
    if word in MEASURE_WORDS:
        return True
    for prefix in SI_PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in MEASURE_WORDS:
            return True
    return any(part in MEASURE_WORDS for part in word.split("-")) if "-" in word else False


def counts_people_or_things(quantity: Quantity) -> bool:
    """The documented scope rule (module docstring) on the gold `normalized_unit`."""
    if not (float(quantity.low).is_integer() and float(quantity.high).is_integer()):
        return False
    unit = quantity.normalized_unit.strip().lower()
    if unit in ("", "-") or "%" in unit or "%" in quantity.unit:
        return False
    words = _UNIT_WORD.findall(unit)
    if "per" in words:
        return False
    return not any(_is_measure_word(word) for word in words)


def _value_matches(claim: Claim, quantity: Quantity) -> bool:
    if _is_decade(quantity) and claim.qualifier == "vague" and claim.high is None:
        return claim.low is not None and quantity.low <= claim.low < quantity.high
    if quantity.low != quantity.high:
        return (
            claim.low is not None
            and claim.high is not None
            and math.isclose(claim.low, quantity.low)
            and math.isclose(claim.high, quantity.high)
        )
    value = claim.low if claim.low is not None else claim.high
    return value is not None and math.isclose(value, quantity.low)


def _is_decade(quantity: Quantity) -> bool:
    """The gold's writing of a vague plural: low..10 x low ("dozens" = 12-120)."""
    return quantity.low > 0 and math.isclose(quantity.high, 10 * quantity.low)


def _bound_right(claim: Claim, quantity: Quantity) -> bool:
    return BOUND_OF_QUALIFIER.get(claim.qualifier) == quantity.change


@dataclass(frozen=True, slots=True)
class NewsquantReport:
    sentences: int
    values: PRF
    bound: Accuracy  # on matched pairs whose gold change is = ~ > <
    in_scope: int  # gold quantities that count people or things
    out_of_scope: int  # gold quantities left out by the scope rule
    out_of_scope_claims: int  # claims whose value is that of an out-of-scope quantity
    unparsed: int  # gold values that are neither numbers nor ranges
    failures: tuple[Failure, ...]
    dataset: str = "newsquant"
    part: str = "all"  # the documents scored: tune, check or all (`parts`)

    def rows(self) -> list[Row]:
        return [
            ("sentences", self.sentences, None),
            ("gold quantities in scope", self.in_scope, None),
            ("value precision", self.values.precision, None),
            ("value recall", self.values.recall, None),
            ("value F1", self.values.f1, 0.92),
            ("bound accuracy", self.bound.value, 0.90),
            ("claims on out-of-scope quantities", self.out_of_scope_claims, None),
            ("extractor failures", len(self.failures), None),
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "part": self.part,
            "sentences": self.sentences,
            "values": self.values.to_json(),
            "bound": self.bound.to_json(),
            "in_scope": self.in_scope,
            "out_of_scope": self.out_of_scope,
            "out_of_scope_claims": self.out_of_scope_claims,
            "unparsed": self.unparsed,
            "failures": [failure.to_json() for failure in self.failures],
            "targets": targets_json(self.rows()),
            "meets_targets": meets(self.rows()),
        }

    def render(self) -> str:
        return render_table(
            f"newsquant: counts of people or things [part {self.part}]", self.rows()
        )


def score_newsquant(
    gold: NewsquantGold, documents: Sequence[EvalDocument], extract: Extract
) -> NewsquantReport:
    predicted, failures = extract_all(documents, extract)
    scored = {document.id for document in documents}
    correct = total_predicted = total_gold = out_of_scope = stray = 0
    bound_right = bound_total = 0
    for document in documents:
        quantities = gold.sentences.get(document.id, ())
        wanted = [q for q in quantities if counts_people_or_things(q)]
        others = [q for q in quantities if not counts_people_or_things(q)]
        claims = predicted[document.id]
        total_predicted += len(claims)
        total_gold += len(wanted)
        out_of_scope += len(others)
        weights = [
            [(2 + _bound_right(c, q)) if _value_matches(c, q) else 0 for c in claims]
            for q in wanted
        ]
        pairs = best_matching(weights)
        correct += len(pairs)
        for q_index, c_index in pairs:
            quantity = wanted[q_index]
            if quantity.change in BOUNDS:
                bound_total += 1
                bound_right += _bound_right(claims[c_index], quantity)
        paired = {c for _, c in pairs}
        stray += sum(
            1
            for index, claim in enumerate(claims)
            if index not in paired and any(_value_matches(claim, q) for q in others)
        )
    return NewsquantReport(
        sentences=len(documents),
        values=PRF(correct, total_predicted, total_gold),
        bound=Accuracy(bound_right, bound_total),
        in_scope=total_gold,
        out_of_scope=out_of_scope,
        out_of_scope_claims=stray,
        unparsed=sum(1 for item in gold.unparsed if item.split(":", 1)[0] in scored),
        failures=failures,
    )
