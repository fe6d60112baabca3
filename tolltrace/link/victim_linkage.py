"""splink on DuckDB: the probability that two document persons are one person.

The model is set, not trained: a news corpus rarely holds enough pairs for expectation
maximisation, and a fixed model gives the same links for the same input. Its m and u
probabilities say how often each level of a comparison holds for the same person (m) and for
two different people (u); the match weight of a level is log2(m / u). The prior (one pair in
ten thousand is the same person) makes an exact full name alone a match, and a name whose
age or sex disagrees none.

splink is an optional engine (the `victims` extra), imported only here and only when called.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from tolltrace.errors import ExtraMissing
from tolltrace.model import MatchEvidence

PRIOR = 1e-4
_SAME_NAME = "l.full_name = r.full_name AND l.first_name IS NOT NULL"
_NAME_LEVELS: tuple[tuple[str, str, float, float], ...] = (
    # (label, SQL condition, m, u)
    ("exact name", _SAME_NAME, 0.70, 0.000003),
    (
        "same words, other order",
        "l.name_sorted = r.name_sorted AND l.first_name IS NOT NULL",
        0.08,
        0.000004,
    ),
    (
        "surname equal, given name alike",
        "l.surname = r.surname AND jaro_winkler_similarity(l.first_name, r.first_name) >= 0.88",
        0.15,
        0.00005,
    ),
    (
        "surname alike, given name alike",
        "jaro_winkler_similarity(l.surname, r.surname) >= 0.92 "
        "AND jaro_winkler_similarity(l.first_name, r.first_name) >= 0.88",
        0.05,
        0.0002,
    ),
    (
        "surname equal, one given name unknown",
        "l.surname = r.surname AND (l.first_name IS NULL OR r.first_name IS NULL)",
        0.1,
        0.001,
    ),
    (
        "given names agree on their initial",
        "l.surname = r.surname AND substr(l.first_name, 1, 1) = substr(r.first_name, 1, 1)",
        0.01,
        0.002,
    ),
    (
        "a given name alone, the other's given name",
        "(l.first_name IS NULL AND l.surname = r.first_name) "
        "OR (r.first_name IS NULL AND r.surname = l.first_name)",
        0.03,
        0.0005,
    ),
    ("other", "ELSE", 0.01, 0.99),
)


def _levels(
    column: str, levels: Sequence[tuple[str, str, float, float]], null: str
) -> dict[str, Any]:
    comparison: list[dict[str, Any]] = [
        {"sql_condition": _sides(null), "label_for_charts": "unknown", "is_null_level": True}
    ]
    comparison += [
        {
            "sql_condition": _sides(sql),
            "label_for_charts": label,
            "m_probability": m,
            "u_probability": u,
        }
        for label, sql, m, u in levels
    ]
    return {"output_column_name": column, "comparison_levels": comparison}


def _sides(sql: str) -> str:
    """ "l.age = r.age" as splink's comparison levels write it: "age_l = age_r"."""
    return re.sub(r"\b([lr])\.(\w+)", r"\2_\1", sql)


def _settings() -> dict[str, Any]:
    either_null = "l.{0} IS NULL OR r.{0} IS NULL".format
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": PRIOR,
        "retain_intermediate_calculation_columns": True,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": "l.surname = r.surname AND l.document <> r.document"},
            {"blocking_rule": "l.name_sorted = r.name_sorted AND l.document <> r.document"},
            {"blocking_rule": "l.surname = r.first_name AND l.document <> r.document"},
            {"blocking_rule": "l.first_name = r.surname AND l.document <> r.document"},
        ],
        "comparisons": [
            _levels("name", _NAME_LEVELS, either_null("full_name")),
            _levels(
                "age",
                (
                    ("equal", "l.age = r.age", 0.75, 0.03),
                    ("one year off", "abs(l.age - r.age) <= 1", 0.20, 0.06),
                    ("other", "ELSE", 0.05, 0.91),
                ),
                either_null("age"),
            ),
            _levels(
                "sex",
                (("equal", "l.sex = r.sex", 0.98, 0.5), ("other", "ELSE", 0.02, 0.5)),
                either_null("sex"),
            ),
            _levels(
                "date",
                (
                    ("equal", "l.date = r.date", 0.6, 0.01),
                    (
                        "within a week",
                        "abs(datediff('day', try_cast(l.date AS DATE), "
                        "try_cast(r.date AS DATE))) <= 7",
                        0.3,
                        0.03,
                    ),
                    ("other", "ELSE", 0.1, 0.96),
                ),
                either_null("date"),
            ),
            _levels(
                "place",
                (("equal", "l.place = r.place", 0.7, 0.05), ("other", "ELSE", 0.3, 0.95)),
                either_null("place"),
            ),
            _levels(
                "event",
                (("equal", "l.event = r.event", 0.9, 0.005), ("other", "ELSE", 0.1, 0.995)),
                either_null("event"),
            ),
        ],
    }


_COLUMNS = (
    "unique_id", "document", "full_name", "name_sorted", "first_name", "surname", "age", "sex",
    "date", "place", "event",
)  # fmt: skip
_COMPARISONS = ("name", "age", "sex", "date", "place", "event")


def score_pairs(records: Sequence[dict[str, object]]) -> list[MatchEvidence]:
    """Every blocked pair of records with its probability and match weight per comparison."""
    try:
        import pyarrow as pa
        from splink import DuckDBAPI, Linker
    except ImportError as exc:
        raise ExtraMissing(
            "linking victims needs splink and DuckDB: pip install 'tolltrace[victims]'"
        ) from exc
    logging.getLogger("splink").setLevel(logging.WARNING)
    schema = pa.schema(
        [
            (name, pa.int64() if name == "age" else pa.string())
            for name in _COLUMNS  # a column of nulls alone still has its type
        ]
    )
    table = pa.Table.from_pylist([{c: r.get(c) for c in _COLUMNS} for r in records], schema)
    api = DuckDBAPI()
    linker = Linker(api.register(table), _settings(), log_level=logging.WARNING)
    rows = linker.inference.predict().as_record_list()
    pairs = []
    for row in rows:
        weights = {
            name: round(float(row[f"mw_{name}"]), 3)
            for name in _COMPARISONS
            if row.get(f"gamma_{name}", -1) != -1 and row.get(f"mw_{name}") is not None
        }
        first, second = sorted((str(row["unique_id_l"]), str(row["unique_id_r"])))
        pairs.append(
            MatchEvidence(
                first, second, float(row["match_probability"]), float(row["match_weight"]), weights
            )
        )
    return sorted(pairs, key=lambda p: (p.first, p.second))
