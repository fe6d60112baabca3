"""Reading profiles: word lists as data, merged over the core, chosen per run, and the sentence
prefilter generated from them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tolltrace.clean.document import clean_document
from tolltrace.cli import cli
from tolltrace.errors import ProfileError
from tolltrace.extract import lexicon
from tolltrace.extract.profile import DEFAULT_PROFILES, builtin_profiles, load_lexicon
from tolltrace.extract.stage import ExtractOptions, extract_document, extractor_version

EXAMPLE = Path(__file__).parents[1] / "profiles" / "example-monitor.toml"


@pytest.fixture(autouse=True)
def default_lexicon() -> Iterator[None]:
    """Extraction switches the module's tables to its profiles: leave the default behind."""
    yield
    lexicon.use()


def categories(text: str, profiles: tuple[str, ...]) -> list[tuple[int | None, str]]:
    clean = clean_document(text, "text/plain")
    claims = extract_document("d", "d", clean, ExtractOptions(profiles=profiles))
    return [(c.low, c.category) for c in claims]


def test_the_built_in_profiles() -> None:
    assert builtin_profiles() == ["human-rights", "local-news"]
    merged = load_lexicon()
    assert merged.profiles == ("core", *DEFAULT_PROFILES)
    assert merged.table("transitive")["flog"] == "tortured"  # human-rights
    assert "crash" in merged.word_set("accidents")  # local-news
    assert "road" in merged.passes


def test_a_profile_left_out_is_not_read() -> None:
    text = "Nineteen protesters were flogged in public."
    assert categories(text, ("human-rights",)) == [(19, "tortured")]
    assert categories(text, ("local-news",)) == [(19, "protesters")]


def test_the_road_pass_belongs_to_local_news() -> None:
    text = "Two men were killed in a car crash on the coast road."
    assert categories(text, ("local-news",)) == []
    assert categories(text, ("human-rights",)) == [(2, "killed")]


def test_a_users_profile_adds_words_and_the_prefilter_follows() -> None:
    text = "Agents spirited away 12 students from the dormitory."
    assert categories(text, DEFAULT_PROFILES) == []
    assert categories(text, (*DEFAULT_PROFILES, str(EXAMPLE))) == [(12, "disappeared")]


def test_the_extractor_version_follows_the_profiles() -> None:
    assert extractor_version() != extractor_version((*DEFAULT_PROFILES, str(EXAMPLE)))
    assert extractor_version() == extractor_version(DEFAULT_PROFILES)


def test_a_bad_profile_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no profile 'nonesuch'"):
        load_lexicon(("nonesuch",))
    broken = tmp_path / "broken.toml"
    broken.write_text("[transitive\nkilled = 3", encoding="utf-8")
    with pytest.raises(ProfileError, match="cannot be read"):
        load_lexicon((str(broken),))
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[transitive]\nkilled = "kill"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="list of strings"):
        load_lexicon((str(wrong),))
    misspelt = tmp_path / "misspelt.toml"
    misspelt.write_text('[words]\nnot_peple = ["checkpoint"]\n[nominall]\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"unknown nominall, words\.not_peple"):
        load_lexicon((str(misspelt),))


def test_extract_takes_a_profile_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    (tmp_path / "a.txt").write_text("Agents spirited away 12 students in Velisk.", "utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", db]).exit_code == 0
    bad = runner.invoke(cli, ["extract", "--profile", "nonesuch", "--db", db])
    assert bad.exit_code != 0 and "T400" in bad.output
    good = runner.invoke(cli, ["extract", "--profile", str(EXAMPLE), "--db", db, "--quiet"])
    assert good.exit_code == 0, good.output
    listed = runner.invoke(cli, ["claims", "--db", db, "--format", "jsonl"])
    assert '"category": "disappeared"' in listed.output
