"""Attribution of figures on real parses: who the text says reports each figure, the cue
words, and whether the text disputes the figure. Sentences are invented (Valdoria, VHRM)."""

import pytest

from tolltrace.extract import attribution
from tolltrace.extract.attribution import Attribution, attribute
from tolltrace.nlp.parse import ParsedSentence, parse_sentences
from tolltrace.nlp.sentences import Sentence, split_sentences


def attributed(text: str, claim: str) -> Attribution:
    """The attribution of the first occurrence of `claim` in `text`."""
    offset = text.index(claim)
    for sentence in parse_sentences(text, split_sentences(text)):
        if sentence.start <= offset < sentence.end:
            first = next(t.i for t in sentence.tokens if t.end > offset)
            last = max(t.i for t in sentence.tokens if t.start < offset + len(claim))
            result = attribute(text, sentence, first, last)
            if result.source is not None:  # the offsets give back the source's words
                assert result.source_start is not None and result.source_end is not None
                assert text[result.source_start : result.source_end] == result.source
            return result
    raise AssertionError(f"{claim!r} is in no sentence")


# ------------------------------------------------------------------- sources and cues


@pytest.mark.parametrize(
    ("text", "claim", "source", "cue"),
    [
        (  # "according to X", the whole name with its abbreviation
            "According to Valdoria Human-Rights Monitor (VHRM), at least 300 people were "
            "killed in Koss.",
            "at least 300 people",
            "Valdoria Human-Rights Monitor (VHRM)",
            "according to",
        ),
        (  # the claim in the complement clause of a verb of saying
            "The Interior Ministry said 12 protesters were killed in Koss.",
            "12 protesters",
            "Interior Ministry",
            "said",
        ),
        (  # the claim as the object of a reporting verb
            "VHRM documented at least 1,000 people killed by the security forces.",
            "at least 1,000 people",
            "VHRM",
            "documented",
        ),
        (  # trailing attribution
            "At least 40 people were killed in Sarenna on Friday, police said.",
            "At least 40 people",
            "police",
            "said",
        ),
        (  # inverted trailing attribution keeps the apposition that identifies the speaker
            "Twelve detainees died in custody, said Marta Ilves, a spokeswoman for the Interior "
            "Ministry.",
            "Twelve detainees",
            "Marta Ilves, a spokeswoman for the Interior Ministry",
            "said",
        ),
        (  # a noun of evidence whose clause holds the claim
            "VHRM has uncovered evidence that 300 prisoners were executed in 1988.",
            "300 prisoners",
            "VHRM",
            "has uncovered",
        ),
        (  # a document stands for its author
            "VHRM's annual report shows that 1,200 people were arrested in March.",
            "1,200 people",
            "VHRM",
            "shows",
        ),
        (  # "in a statement, X ...": the clause's subject, whatever its verb
            "In a statement, the Interior Ministry expressed regret that 14 soldiers died in "
            "the ambush.",
            "14 soldiers",
            "Interior Ministry",
            "In a statement",
        ),
        (  # "X put the toll at N"
            "The Interior Ministry put the death toll at 42.",
            "42",
            "Interior Ministry",
            "put",
        ),
        (  # a participle's subject is the subject of the clause it hangs on
            "VHRM issued a statement on Monday saying 40 people were arrested in Koss.",
            "40 people",
            "VHRM",
            "saying",
        ),
        (  # a relative pronoun stands for its noun
            "The group also cited the Koss bar association, which reported that 75 lawyers "
            "were detained.",
            "75 lawyers",
            "Koss bar association",
            "reported",
        ),
        (  # passive with its agent
            "At least 75 deaths in custody were documented by the Valdoria Bar Council.",
            "At least 75 deaths",
            "Valdoria Bar Council",
            "were documented",
        ),
        (  # "as reported by X"
            "As reported by the Koss Herald, 16 journalists were detained last week.",
            "16 journalists",
            "Koss Herald",
            "reported",
        ),
        (  # a sentence-final "according to" hanging on a coordinated clause
            "Ana Reyes is one of 70 people detained this month and the third lawyer held in "
            "Koss, according to VHRM.",
            "70 people",
            "VHRM",
            "according to",
        ),
        (  # the object of a verb of communication
            "VHRM condemned the execution of 12 prisoners in Koss on Tuesday.",
            "12 prisoners",
            "VHRM",
            "condemned",
        ),
        (  # the object of a verb of condemning
            "VHRM denounced the army's decision to execute 40 deserters.",
            "40 deserters",
            "VHRM",
            "denounced",
        ),
        (  # a tribute speaks of those it honours
            "Before the march, organisers paid tribute to the 49 people killed in Koss.",
            "the 49 people",
            "organisers",
            "paid",
        ),
        (  # "by X's count"
            "By VHRM's count, 212 people have been executed this year.",
            "212 people",
            "VHRM",
            "By VHRM's count",
        ),
        (  # a name the parser reads as a clause
            "Five journalists remain in detention, the Committee to Protect Journalists said in "
            "a report.",
            "Five journalists",
            "Committee to Protect Journalists",
            "said",
        ),
        (  # an estimate set "at" a figure
            "Organisers estimated the crowd at 3,000 people.",
            "3,000 people",
            "Organisers",
            "estimated",
        ),
        (  # a trailing speaker the parser hung on the clause before, leaving "said" bare
            "At least 60 people were killed by police during three days of protests in Kerevo, "
            "among them at least five children, the Valdorian Human Rights Watch (VHRW) said on "
            "Friday.",
            "At least 60 people",
            "Valdorian Human Rights Watch (VHRW)",
            "said",
        ),
        (  # ... and the part of the count the aside gives
            "At least 60 people were killed by police during three days of protests in Kerevo, "
            "among them at least five children, the Valdorian Human Rights Watch (VHRW) said on "
            "Friday.",
            "at least five children",
            "Valdorian Human Rights Watch (VHRW)",
            "said",
        ),
        (  # naming a person "as" reports what happened to them
            "The Kerevo County Coroner's Office identified the person killed as Jon Arven, 32.",
            "the person killed",
            "Kerevo County Coroner's Office",
            "identified",
        ),
    ],
)
def test_source_and_cue(text: str, claim: str, source: str, cue: str) -> None:
    result = attributed(text, claim)
    assert (result.source, result.cue, result.negated) == (source, cue, False)


def test_identifying_the_dead_by_name_does_not_make_the_name_a_source() -> None:
    result = attributed("The group has identified 1,186 of the dead by name.", "1,186")
    assert (result.source, result.cue) == (None, None)


def test_one_attribution_governs_coordinated_clauses() -> None:
    text = "Officials said 12 people were killed and 40 injured in the blast."
    assert attributed(text, "12 people").source == "Officials"
    assert attributed(text, "40").source == "Officials"


def test_parenthetical_attribution_governs_the_clause_after_it() -> None:
    text = (
        "At least 4,000 others have been injured, the ministry has reported, and 12,000 have "
        "been arrested."
    )
    for claim in ("At least 4,000 others", "12,000"):
        result = attributed(text, claim)
        assert (result.source, result.cue) == ("ministry", "has reported")


def test_no_attribution_is_the_documents_own_voice() -> None:
    result = attributed("Security forces killed at least 30 protesters in Koss on Friday.", "30")
    assert result == Attribution(None, None)


def test_agentless_passive_has_a_cue_but_no_source() -> None:
    result = attributed("It was reported that 75 inmates had died in Koss prison.", "75 inmates")
    assert (result.source, result.cue) == (None, "was reported")


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Hundreds of people were injured, most of them police officers, the ministry said.",
         "Hundreds of people"),
        ("More than 200 people were injured, most of them police officers, the Interior "
         "Ministry said on Sunday.", "More than 200 people"),
        ("Hundreds of people were injured, many of them police officers, the Interior "
         "Ministry said in a statement.", "Hundreds of people"),
        # the aside is part of what the ministry reports
        ("Hundreds of people were injured, most of them police officers, the Interior "
         "Ministry said.", "police officers"),
    ],
)  # fmt: skip
def test_partitive_aside_before_a_trailing_attribution_is_not_the_source(
    text: str, claim: str
) -> None:
    """Regression: "most of them police officers" was taken for the speaker of "said"."""
    result = attributed(text, claim)
    assert result.source is not None and result.source.endswith(("ministry", "Ministry"))
    assert result.cue == "said"


@pytest.mark.parametrize(
    ("text", "claim", "cue"),
    [
        ("The mayor of Koss was quoted as saying that 40 people were missing.", "40 people",
         "was quoted as saying"),
        ("Forty people are missing, the mayor of Koss was quoted as saying.", "Forty people",
         "was quoted as saying"),
        # the newspaper only relays the mayor's words
        ("The mayor of Koss was quoted by the Koss Herald as saying that 40 people were "
         "missing.", "40 people", "was quoted"),
    ],
)  # fmt: skip
def test_passive_quoted_as_saying_names_the_speaker(text: str, claim: str, cue: str) -> None:
    result = attributed(text, claim)
    assert (result.source, result.cue) == ("mayor of Koss", cue)


def test_owner_of_an_estimate_stated_with_a_copula() -> None:
    result = attributed("VHRM's estimate is that 15 protesters were arrested.", "15 protesters")
    assert (result.source, result.cue) == ("VHRM", "estimate")


def test_copula_without_a_claim_noun_names_no_source() -> None:
    result = attributed("The problem is that 15 protesters were arrested.", "15 protesters")
    assert result.source is None


# ------------------------------------------------------------------------- quotations


def test_first_person_inside_a_quote_is_the_quotes_speaker() -> None:
    text = (
        "“We counted 200 bodies in the morgue,” said Jon Aster, a doctor at Koss General Hospital."
    )
    result = attributed(text, "200 bodies")
    assert result.source == "Jon Aster, a doctor at Koss General Hospital"
    assert result.cue == "said"


def test_speaker_named_after_a_quote_that_spans_sentences() -> None:
    text = (
        "Marta Ilves runs the monitor's office in Koss. “The prisons are full. Nearly 900 "
        "people are held without charge,” she said."
    )
    result = attributed(text, "Nearly 900 people")
    assert (result.source, result.mention, result.cue) == ("Marta Ilves", "she", "said")


def test_speaker_named_before_a_continued_quote() -> None:
    text = (
        "Jon Aster works at the hospital. “The army fired on the crowd,” Aster said. "
        '"Sixty people were wounded."'
    )
    assert attributed(text, "Sixty people").source == "Aster"


def test_second_quote_of_a_speaker_adding_to_the_first() -> None:
    text = (
        'On Monday Jon Aster stated, "The army has lied to us," adding, "I think at least 80 '
        'people were killed."'
    )
    assert attributed(text, "at least 80 people").source == "Jon Aster"


def test_straight_quotes_with_a_speaker_before_them() -> None:
    text = 'Jon Aster spoke on Monday. He told reporters: "At least 60 people were shot."'
    result = attributed(text, "At least 60 people")
    assert (result.source, result.mention) == ("Jon Aster", "He")


# --------------------------------------------------------------------------- pronouns


def test_pronoun_resolved_to_the_nearest_earlier_speaker() -> None:
    text = (
        "Marta Ilves, the director of VHRM, spoke in Sarenna on Monday. She said 45 people "
        "had disappeared since January."
    )
    result = attributed(text, "45 people")
    assert (result.source, result.mention) == ("Marta Ilves, the director of VHRM", "She")


def test_pronoun_skips_subjects_of_its_own_clause() -> None:
    text = "Jon Aster said the army was lying. Koss holds 90 prisoners of conscience, he said."
    assert attributed(text, "90 prisoners").source == "Jon Aster"


def test_pronoun_beyond_the_previous_sentence_only_resolves_to_a_speaker() -> None:
    told = (
        "Jon Aster told reporters in Kerevo about the raids. The weather was cold and wet. "
        "He said 45 people were detained."
    )
    assert attributed(told, "45 people").source == "Jon Aster"
    walked = told.replace("told reporters in Kerevo about the raids", "walked to the square")
    assert attributed(walked, "45 people").source == "He"


def test_pronoun_resolves_to_a_speaker_between_two_quotations() -> None:
    """A sentence that opens and closes with quotation marks but names its speaker between
    them is not wholly quoted: its speaker is the nearest antecedent."""
    text = (
        "The candidate has often praised her own record. “We acted,” Ana Reyes said on "
        "Monday, “and we saved lives.” On Sunday, she said 40 people were missing."
    )
    result = attributed(text, "40 people")
    assert (result.source, result.mention) == ("Ana Reyes", "she")


def test_wholly_quoted_sentences_are_skipped_for_antecedents() -> None:
    text = (
        "Marta Ilves spoke in Koss on Monday. “The prisons are full of young women.” "
        "She said 45 people had disappeared."
    )
    assert attributed(text, "45 people").source == "Marta Ilves"


def test_earlier_sentences_are_parsed_only_until_one_gives_the_antecedent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression (speed): the look-back parses the nearest sentence first and stops there."""
    text = (
        "Vera Lind chaired the hearing in Kerevo. Tomas Varo spoke for VHRM on Monday. "
        "He said 45 people had disappeared since January."
    )
    parsed: list[str] = []
    real = attribution.parse_sentences

    def counting(whole: str, sentences: list[Sentence]) -> list[ParsedSentence]:
        parsed.extend(s.text for s in sentences)
        return real(whole, sentences)

    monkeypatch.setattr(attribution, "parse_sentences", counting)
    assert attributed(text, "45 people").source == "Tomas Varo"
    assert parsed == ["Tomas Varo spoke for VHRM on Monday."]


def test_unresolved_pronoun_stays_the_source() -> None:
    result = attributed("They said 30 people died.", "30 people")
    assert (result.source, result.mention) == ("They", None)


# --------------------------------------------------------------------------- disputes


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        ("The army did not kill 300 protesters in Koss.", "300 protesters", None),
        (
            # who denies a figure is not its source (issue 17): the claimant is unnamed
            "The Interior Ministry denied that 300 protesters were killed.",
            "300 protesters",
            None,
        ),
        (  # the one who disputes is the source of a denial ...
            "The government dismissed the figure of 300 dead as propaganda.",
            "300 dead",
            None,
        ),
        (
            "Officials repeated false claims that 300 rebels were killed in the raid.",
            "300 rebels",
            "Officials",
        ),
        (
            "The governor falsely claimed that 300 rebels were killed in the raid.",
            "300 rebels",
            "governor",
        ),
        ("There is no evidence that 300 people were executed in Koss.", "300 people", None),
        (  # ... but a figure named as someone's stays theirs
            "VHRM's figure of 300 dead is exaggerated, the ministry said.",
            "300 dead",
            "VHRM",
        ),
        (
            "The governor claimed without evidence that 300 rebels were killed.",
            "300 rebels",
            "governor",
        ),
        (  # an aside that disputes the figure
            "Officials said that only 12 people died, a figure disputed by rights groups.",
            "12 people",
            "Officials",
        ),
        ("Police arrested 300 protesters, which the ministry denies.", "300 protesters", None),
        (
            "The ministry denied that 300 people were killed, a figure given by the opposition.",
            "300 people",
            "opposition",
        ),
        (  # a coordinated clause retracts it
            "First reports said 12 people had died in Koss, but that was later found to be false.",
            "12 people",
            "First reports",
        ),
        (
            "Police first said three people were killed, but that turned out to be wrong.",
            "three people",
            "Police",
        ),
        (  # its own source revises it
            "The ministry first said nine protesters were detained, but later revised that figure "
            "to five.",
            "nine protesters",
            "ministry",
        ),
        (  # the retraction reported in turn
            "Early reports said one person had died, but that proved incorrect, rescuers said.",
            "one person",
            "Early reports",
        ),
    ],
)
def test_disputed_figures_are_negated(text: str, claim: str, source: str | None) -> None:
    result = attributed(text, claim)
    assert result.negated
    assert result.source == source


def test_people_questioned_are_not_a_disputed_figure() -> None:
    assert not attributed("Police questioned 30 people arrested at the rally.", "30 people").negated
    assert attributed(
        "The ministry questioned the toll of 300 people killed.", "300 people"
    ).negated


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # a partisan source is attributed, not disputed
        ("The opposition group said 300 people were killed in Koss.", "300 people"),
        # "not released": a count of those still held
        ("Police have not released 40 detainees arrested in March.", "40 detainees"),
        # "not less than" qualifies the figure
        ("Not less than 300 people were killed in Koss.", "300 people"),
        # the arrested deny the charges, not the figure
        ("At least 300 protesters, who deny any wrongdoing, were arrested.", "300 protesters"),
        # a denial by another clause does not reach this one
        (
            "The army denied any role, but VHRM said 300 people were killed.",
            "300 people",
        ),
        # a coordinated clause that calls something else wrong
        ("Police said 300 people were killed, and that the curfew was wrong.", "300 people"),
    ],
)
def test_figures_not_disputed(text: str, claim: str) -> None:
    assert not attributed(text, claim).negated


# ------------------------------------------------------------------------------- speed


def test_a_long_sentence_is_read_whole() -> None:
    clause = "guards in Koss detained 12 people and police said 30 were injured"
    text = ", and ".join([clause] * 400) + "."  # one sentence of about 5,000 words
    sentence = parse_sentences(text, split_sentences(text))[0]
    counts = [t.i for t in sentence.tokens if t.text in ("12", "30")]
    # (how its time grows with the sentence is measured in benchmarks/bench_readers.py)
    results = [attribute(text, sentence, i, i + 1) for i in counts]
    assert len(results) == 800
    assert sum(r.source == "police" for r in results) >= len(counts) // 4
