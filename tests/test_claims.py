"""`find_claims` on hand-written sentences: each rule of claims.py, and what it must not count.

Sentences are invented: Valdoria (city Kerevo, Harbour Square; the Valdoria Human-Rights Monitor
(VHRM), the Interior Ministry, the People's Relief Front (PRF)) and US local-news style. Only
counts, intervals, qualifiers, categories, subjects and spans are checked here; attribution, time
and place have their own tests.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import prepared
from tolltrace.extract import tallies
from tolltrace.extract.claims import WOUNDED, find_claims, resolve_wounded
from tolltrace.extract.stage import extract_document
from tolltrace.model import Claim
from tolltrace.nlp.parse import parse_sentences
from tolltrace.nlp.sentences import split_sentences

PUBLISHED = "2025-03-14"

Reading = tuple[int | None, int | None, str, str]  # low, high, qualifier, category


def claims_in(text: str) -> list[Claim]:
    """Every sentence of `text` parsed and passed to `find_claims`, as the extract stage does
    (but without its cheap sentence filter and without settling `WOUNDED`)."""
    drafts: list[Claim] = []
    for parsed in parse_sentences(text, split_sentences(text)):
        drafts.extend(find_claims(parsed, PUBLISHED, text))
    return drafts


def readings(text: str) -> list[Reading]:
    return [(c.low, c.high, c.qualifier, c.category) for c in claims_in(text)]


def only_claim(text: str) -> Claim:
    drafts = claims_in(text)
    assert len(drafts) == 1, [(words(text, d), d.low, d.category) for d in drafts]
    return drafts[0]


def words(text: str, claim: Claim) -> str:
    return text[claim.start : claim.end]


def extracted(text: str) -> tuple[Claim, ...]:
    """The whole extract stage on a document whose clean text is `text`."""
    document = prepared(text)
    return extract_document(document.id, document.item.uri, document.clean)


# ------------------------------------------------------------------------ passive subjects


def test_passive_subject_count_is_executed() -> None:
    claim = only_claim("Thirty prisoners were executed at Kerevo prison in June.")
    assert (claim.low, claim.high, claim.qualifier, claim.category) == (30, 30, "exact", "executed")
    assert claim.subject == "prisoners"


def test_hanged_is_executed() -> None:
    assert readings("Four prisoners were hanged at Kerevo Prison at dawn.") == [
        (4, 4, "exact", "executed")
    ]


def test_passive_predicate_beats_the_word_protesters_in_the_counted_noun() -> None:
    claim = only_claim("Police said 200 protesters were arrested in Harbour Square.")
    assert (claim.low, claim.category, claim.subject) == (200, "arrested", "protesters")


def test_passive_perfect_detained() -> None:
    text = "The Interior Ministry said 2,650 people had been detained across Valdoria."
    assert readings(text) == [(2650, 2650, "exact", "detained")]


def test_abducted_is_disappeared() -> None:
    assert readings("Five journalists were abducted in Kerevo last week.") == [
        (5, 5, "exact", "disappeared")
    ]


def test_sentenced_to_death_is_sentenced() -> None:
    text = "The judiciary said 412 defendants had been sentenced to prison terms."
    assert readings(text) == [(412, 412, "exact", "sentenced")]


def test_count_of_a_group_through_of_is_governed_by_the_verb() -> None:
    claim = only_claim("The VHRM said 120,000 of its members had been killed.")
    assert (claim.low, claim.category, claim.subject) == (120000, "killed", "members")


# --------------------------------------------------------------------------- active objects


def test_active_object_is_killed_and_subject_is_perpetrator() -> None:
    text = "Soldiers killed 12 villagers near Kerevo on Sunday."
    claim = only_claim(text)
    assert (claim.low, claim.high, claim.category) == (12, 12, "killed")
    assert claim.subject == "villagers"
    assert claim.perpetrator == "Soldiers"
    assert words(text, claim) == "killed 12 villagers"


def test_counted_perpetrators_are_not_victims() -> None:
    claim = only_claim("Five gunmen killed 12 people in Kerevo.")
    assert (claim.low, claim.category, claim.perpetrator) == (12, "killed", "Five gunmen")


def test_active_object_arrested() -> None:
    claim = only_claim("Police arrested 37 people at the vigil in Kerevo on Thursday.")
    assert (claim.low, claim.category, claim.perpetrator) == (37, "arrested", "Police")


def test_gerund_clause_object_is_killed() -> None:
    assert readings("Soldiers opened fire on the crowd, killing 31 protesters.") == [
        (31, 31, "exact", "killed")
    ]


def test_inanimate_perpetrator_us_news() -> None:
    claim = only_claim("A car bomb killed 9 people outside a market in Kerevo.")
    assert (claim.low, claim.category, claim.perpetrator) == (9, "killed", "car bomb")


def test_beaten_people_are_generic_victims() -> None:
    assert readings("Police beat 20 protesters in Harbour Square.") == [
        (20, 20, "exact", "victims")
    ]


def test_lost_members_means_killed() -> None:
    assert readings("The PRF lost 1,200 members in the war.") == [(1200, 1200, "exact", "killed")]


# --------------------------------------------------------------------- intransitive subjects


def test_subject_of_died_is_killed() -> None:
    assert readings("Three people died in the fire at Kerevo prison.") == [
        (3, 3, "exact", "killed")
    ]


def test_subject_of_disappeared_is_disappeared() -> None:
    assert readings("Twelve people disappeared after the protests in Kerevo.") == [
        (12, 12, "exact", "disappeared")
    ]


def test_subject_of_marched_is_protesters() -> None:
    assert readings("Some 5,000 people marched through Harbour Square on Saturday.") == [
        (5000, 5000, "approximately", "protesters")
    ]


# ------------------------------------------------------------------------------ participles


def test_participles_after_bare_counts() -> None:
    assert readings("At least 1,000 killed and 4,000 injured in the clashes in Kerevo.") == [
        (1000, None, "at_least", "killed"),
        (4000, 4000, "exact", "injured"),
    ]


def test_reduced_passive_after_second_count() -> None:
    text = "Seven people were killed and 20 injured when police opened fire in Kerevo."
    assert readings(text) == [(7, 7, "exact", "killed"), (20, 20, "exact", "injured")]


def test_adjectives_dead_and_injured_after_counts() -> None:
    assert readings("The shooting left 3 people dead and 5 injured, police said.") == [
        (3, 3, "exact", "killed"),
        (5, 5, "exact", "injured"),
    ]


def test_died_and_hospitalized_us_news() -> None:
    assert readings("Police said 2 people died and 6 were hospitalized.") == [
        (2, 2, "exact", "killed"),
        (6, 6, "exact", "injured"),
    ]


# --------------------------------------------------------------------------------- nominals


def test_massacre_of_count_is_killed() -> None:
    text = "The report documents the massacre of 3,000 prisoners in 1988."
    claim = only_claim(text)
    assert (claim.low, claim.high, claim.category) == (3000, 3000, "killed")
    assert claim.subject == "prisoners"
    assert words(text, claim) == "massacre of 3,000 prisoners"


def test_execution_of_count_is_executed() -> None:
    assert readings("The VHRM documented the execution of 38 prisoners in 2024.") == [
        (38, 38, "exact", "executed")
    ]


def test_bodies_of_count_is_killed() -> None:
    text = "The bodies of 11 protesters were taken to the military hospital in Kerevo."
    assert readings(text) == [(11, 11, "exact", "killed")]


def test_counted_category_nouns() -> None:
    assert readings("The VHRM documented 1,400 injuries and 112 deaths in Kerevo.") == [
        (1400, 1400, "exact", "injured"),
        (112, 112, "exact", "killed"),
    ]


def test_counted_arrests() -> None:
    assert readings("There were 40 arrests in Kerevo on Friday.") == [(40, 40, "exact", "arrested")]


def test_count_of_the_dead_is_killed() -> None:
    claim = only_claim("The VHRM said 31 of the dead were shot at the port gates.")
    assert (claim.low, claim.category) == (31, "killed")


# --------------------------------------------------------------------------- toll carriers


def test_death_toll_rose_to() -> None:
    text = "The death toll rose to 150 on Tuesday."
    claim = only_claim(text)
    assert (claim.low, claim.high, claim.qualifier, claim.category) == (150, 150, "exact", "killed")
    assert "150" in words(text, claim)


def test_death_toll_of() -> None:
    assert readings("The Interior Ministry gave a death toll of 23.") == [
        (23, 23, "exact", "killed")
    ]


def test_bring_the_death_toll_to() -> None:
    assert readings("The new deaths bring the death toll to 127.") == [
        (127, 127, "exact", "killed")
    ]


def test_number_of_dead_has_risen_to() -> None:
    text = "The number of dead has risen to 127, the VHRM said."
    assert readings(text) == [(127, 127, "exact", "killed")]


def test_number_of_those_killed_to_be() -> None:
    text = (
        "The Valdoria Human-Rights Monitor (VHRM) estimated the number of those killed in "
        "Kerevo to be 300."
    )
    assert readings(text) == [(300, 300, "exact", "killed")]


def test_number_of_people_arrested_reached() -> None:
    assert readings("The number of people arrested reached 4,000.") == [
        (4000, 4000, "exact", "arrested")
    ]


def test_number_of_injured_stood_at() -> None:
    assert readings("The number of injured stood at 1,400.") == [(1400, 1400, "exact", "injured")]


def test_put_the_number_of_dead_at() -> None:
    assert readings("Officials put the number of dead at 23.") == [(23, 23, "exact", "killed")]


def test_toll_is_not_taken_from_a_count_of_places() -> None:
    assert readings("The death toll in 12 cities rose to 150.") == [(150, 150, "exact", "killed")]


def test_put_the_number_of_those_killed_at() -> None:
    # the parser hangs "at 23" on the participle "killed": the toll above it carries the count
    assert readings("Officials put the number of those killed at 23.") == [
        (23, 23, "exact", "killed")
    ]


def test_a_total_of_count_takes_the_verb_category() -> None:
    assert readings("A total of 112 people were killed in Kerevo.") == [
        (112, 112, "exact", "killed")
    ]


def test_object_total_of_count_takes_the_verb_category() -> None:
    assert readings("Police killed a total of 12 protesters in Kerevo.") == [
        (12, 12, "exact", "killed")
    ]


# ----------------------------------------------------------------------------- complements


def test_taken_into_custody_is_detained() -> None:
    text = "Police said 45 protesters were taken into custody in Harbour Square."
    claim = only_claim(text)
    assert (claim.low, claim.category) == (45, "detained")
    assert words(text, claim) == "45 protesters were taken into custody"


def test_held_in_detention_is_detained() -> None:
    assert readings("Forty students were held in detention for a week.") == [
        (40, 40, "exact", "detained")
    ]


def test_sent_to_prison_is_imprisoned() -> None:
    text = "Twelve activists were sent to prison last year."
    claim = only_claim(text)
    assert (claim.low, claim.category) == (12, "imprisoned")
    assert words(text, claim) == "Twelve activists were sent to prison"


def test_found_dead_is_killed() -> None:
    text = "Three men were found dead in Kerevo on Monday."
    claim = only_claim(text)
    assert (claim.low, claim.category) == (3, "killed")
    assert words(text, claim) == "Three men were found dead"


def test_shot_to_death_is_killed() -> None:
    assert readings("Two students were shot to death outside the university in Kerevo.") == [
        (2, 2, "exact", "killed")
    ]


def test_stabbed_to_death_is_killed_us_news() -> None:
    claim = only_claim("Police said a 45-year-old man was stabbed to death on Friday.")
    assert (claim.low, claim.high, claim.category) == (1, 1, "killed")


def test_among_the_detained_is_detained() -> None:
    assert readings("Between 40 and 60 children are among the detained in Kerevo.") == [
        (40, 60, "range", "detained")
    ]


def test_among_those_detained_is_detained() -> None:
    assert readings("Twenty protesters were among those detained in Kerevo.") == [
        (20, 20, "exact", "detained")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "At least 20 protesters are now under sentence of death, the VHRM said.",
        "At least 14 protesters remain on death row in Kerevo.",
    ],
    ids=["under-sentence-of-death", "on-death-row"],
)
def test_death_row_is_sentenced(text: str) -> None:
    assert [reading[3] for reading in readings(text)] == ["sentenced"]


# ---------------------------------------------------------------- fatal and nonfatal shooting


def test_fatally_shot_is_killed() -> None:
    claim = only_claim("Police fatally shot 2 men in Kerevo.")
    assert (claim.low, claim.category) == (2, "killed")


def test_fatally_shot_single_victim_us_news() -> None:
    claim = only_claim("A woman was fatally shot Tuesday night, police said.")
    assert (claim.low, claim.high, claim.category, claim.subject) == (1, 1, "killed", "A woman")


def test_shot_dead_is_killed() -> None:
    claim = only_claim("The 22-year-old was shot dead in Kerevo.")
    assert (claim.low, claim.category) == (1, "killed")


def test_shot_and_killed_us_news() -> None:
    text = "A 31-year-old man was shot and killed Sunday night, police said."
    claim = only_claim(text)
    assert (claim.low, claim.high, claim.qualifier, claim.category) == (1, 1, "exact", "killed")
    assert words(text, claim) == "A 31-year-old man was shot and killed"


def test_shot_and_wounded_is_injured() -> None:
    assert readings("Four protesters were shot and wounded in Harbour Square.") == [
        (4, 4, "exact", "injured")
    ]


def test_plain_shot_is_provisional() -> None:
    claim = only_claim("Five protesters were shot in Harbour Square on Friday.")
    assert (claim.low, claim.category) == (5, WOUNDED)


def test_resolve_wounded_without_a_death_gives_injured() -> None:
    drafts = claims_in("Five protesters were shot in Harbour Square on Friday.")
    assert [d.category for d in resolve_wounded(drafts)] == ["injured"]


def test_resolve_wounded_with_a_death_gives_victims() -> None:
    drafts = claims_in(
        "Five protesters were shot in Harbour Square on Friday. Two others were killed."
    )
    assert [d.category for d in resolve_wounded(drafts)] == ["victims", "killed"]


@pytest.mark.parametrize(
    ("title", "category"),
    [
        ("Teen shot to death in Kerevo", "victims"),
        ("Porter dies after shooting at the depot", "victims"),
        ("Porter nearly killed in shooting at the depot", "injured"),
        ("Guard held after attempted murder-suicide", "injured"),
        ("Porter shot at the depot", "injured"),
    ],
)
def test_resolve_wounded_reads_a_death_in_the_headline(title: str, category: str) -> None:
    drafts = claims_in("A clerk was shot at the Kerevo depot on Friday.")
    assert [d.category for d in resolve_wounded(drafts, title=title)] == [category]


def test_resolve_wounded_ignores_a_denied_death() -> None:
    shot, killed = claims_in("Five protesters were shot in Kerevo. Two others were killed.")
    denied = replace(killed, negated=True)
    assert [d.category for d in resolve_wounded([shot, denied])] == ["injured", "killed"]


@pytest.mark.parametrize(
    ("when", "category"),
    [
        (None, "victims"),  # undated: may be the report's own
        ("2025-03-08", "victims"),  # two days before publication
        ("2025-03-03/2025-03-09", "victims"),  # "last week"
        ("2025-02", "injured"),  # "in February": a tally of the month
        ("2024", "injured"),  # a year
        ("2019-06-01", "injured"),  # years before: another incident
    ],
)
def test_resolve_wounded_counts_only_a_death_that_may_be_the_incidents(
    when: str | None, category: str
) -> None:
    shot, killed = claims_in("Five protesters were shot in Kerevo. Two others were killed.")
    dated = replace(killed, when=when)
    settled = resolve_wounded([shot, dated], published="2025-03-10")
    assert [d.category for d in settled] == [category, "killed"]


def test_extract_document_settles_shot_as_injured_when_no_one_died() -> None:
    text = (
        "Five protesters were shot in Harbour Square on Friday.\n\nPolice said nobody was killed."
    )
    assert [(c.low, c.category) for c in extracted(text)] == [(5, "injured")]


def test_extract_document_settles_shot_as_victims_when_someone_died() -> None:
    text = (
        "Five protesters were shot in Harbour Square on Friday.\n\n"
        "Two of them later died in hospital, doctors said."
    )
    # the other three lived: a claim over both counts' words
    assert [(c.low, c.category) for c in extracted(text)] == [
        (5, "victims"),
        (2, "killed"),
        (3, "injured"),
    ]


def test_survivors_of_a_count_whose_part_died_are_injured() -> None:
    cases = {
        "Three guards were shot, one fatally, on Sunday in Kerevo.": (3, 1, 2),
        "Six porters were wounded -- two mortally, nurses said.": (6, 2, 4),
        "The attacker stabbed three porters, including one who later died, in a Kerevo depot.": (
            3,
            1,
            2,
        ),
        "Four men were shot on Sunday in Kerevo. Two of them died at the scene.": (4, 2, 2),
        "Five porters were stabbed at the depot and two of them died.": (5, 2, 3),
        "Five porters were shot and one was killed outside the Kerevo depot on Sunday.": (5, 1, 4),
    }
    for text, (shot, dead, lived) in cases.items():
        claims = extracted(text)
        assert [(c.low, c.category) for c in claims] == [
            (shot, "victims"),
            (dead, "killed"),
            (lived, "injured"),
        ], text
        assert claims[2].text.startswith(claims[0].text) and claims[2].end == claims[1].end


def test_a_verbless_clause_s_count_is_not_the_next_clause_s_subject() -> None:
    # the parser hangs "2" on "passed away" beside "the 3rd": only the 3rd died
    assert not extracted("2 in the ward and the 3rd has passed away.")
    text = "Two at the clinic and the third has died."
    assert [(c.low, c.category) for c in extracted(text)] == [(1, "killed")]
    text = "Two guards were hurt and a third died."
    assert [(c.low, c.category) for c in extracted(text)] == [(2, "injured"), (1, "killed")]


def test_a_count_whose_part_died_is_read_anywhere_in_the_document() -> None:
    # the part's words were read at offsets into the sentence instead of the document: only
    # a sentence at the very start of a document was read right
    text = (
        "The depot reopened on Monday after a week of repairs and a visit from the mayor. "
        "Three porters were hurt there, including a clerk who later died."
    )
    expected = [(3, "victims"), (1, "killed"), (2, "injured")]
    assert [(c.low, c.category) for c in extracted(text)] == expected
    succumbed = text.replace("who later died", "who succumbed to her wounds")
    assert [(c.low, c.category) for c in extracted(succumbed)] == expected


def test_a_part_of_some_other_count_leaves_it_alone() -> None:
    text = "Five guards were hurt in the blast. One of the men killed in March was a porter."
    assert [(c.low, c.category) for c in extracted(text)] == [(5, "injured"), (1, "killed")]
    # a count with a noun of its own is not a part: "two porters were killed" were not shot
    text = "Five guards were shot and two porters were killed."
    assert [(c.low, c.category) for c in extracted(text)] == [(5, "victims"), (2, "killed")]


def test_people_expected_to_live_are_injured() -> None:
    text = "One porter is still in critical condition; the three clerks are expected to be okay."
    assert [(c.low, c.category, c.text) for c in extracted(text)] == [
        (1, "injured", "One porter is still in critical condition"),
        (3, "injured", "three clerks are expected to be okay"),
    ]
    assert [(c.low, c.category) for c in extracted("Two guards are expected to live.")] == [
        (2, "injured")
    ]


def test_extract_document_sees_a_single_unnamed_victim() -> None:
    text = (
        "Five protesters were shot in Harbour Square on Friday.\n\n"
        "A police officer was killed in Kerevo on Saturday."
    )
    assert [(c.low, c.category) for c in extracted(text)] == [(5, "victims"), (1, "killed")]


def test_some_of_them_fatally_is_killed() -> None:
    drafts = resolve_wounded(claims_in("Five people were shot, two of them fatally, in Kerevo."))
    assert (2, 2, "exact", "killed") in [(d.low, d.high, d.qualifier, d.category) for d in drafts]


# --------------------------------------------------------------------------- killed or injured


def test_killed_or_injured_is_victims() -> None:
    assert readings("More than 200 people were killed or injured in the crackdown.") == [
        (200, None, "more_than", "victims")
    ]


# ---------------------------------------------------------------------- coordination of counts


def test_coordinated_verbs_each_with_a_count() -> None:
    assert readings("Security forces killed 12 and injured 40 in Kerevo.") == [
        (12, 12, "exact", "killed"),
        (40, 40, "exact", "injured"),
    ]


def test_coordinated_verbs_us_news() -> None:
    assert readings("The attack killed 9 people and injured 30 others.") == [
        (9, 9, "exact", "killed"),
        (30, 30, "exact", "injured"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two guards were shot but not killed.", [(2, 2, "exact", "injured")]),
        ("Two guards were shot but were not killed.", [(2, 2, "exact", "injured")]),
        ("Three other nurses were also in the ward, but were not injured.", []),
        ("Three guards were shot and killed.", [(3, 3, "exact", "killed")]),
    ],
    ids=["shot-not-killed", "shot-were-not-killed", "not-injured", "shot-and-killed"],
)
def test_a_denied_coordinated_verb_says_nothing_of_its_harm(
    text: str, expected: list[Reading]
) -> None:
    assert readings(text) == expected


def test_a_coordinated_verb_does_not_take_an_object_before_it() -> None:
    """ "sending [three porters] to a clinic and killing a guard": the guard is the second
    verb's, however the parser hangs it; "shot and killed [three guards]" share theirs."""
    text = (
        "Police are seeking whoever shot four porters in Kerevo, sending three people to a "
        "clinic and killing an 18-year-old Sunday night."
    )
    assert (3, 3, "exact", "killed") not in readings(text)
    assert readings("The gunman shot and killed three guards.") == [(3, 3, "exact", "killed")]
    assert readings("Tam Voss accidentally shot himself and died.")[-1][-1] == "killed"


def test_coordinated_counted_subjects_add_up() -> None:
    """The sentence states how many people the verb happened to: the coordination's sum, its
    groups kept in the subject."""
    text = "Twelve protesters and three police officers were injured in the clashes."
    assert readings(text) == [(15, 15, "exact", "injured")]
    assert [c.subject for c in claims_in(text)] == ["Twelve protesters and three police officers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men and two women were injured in the shooting on Harbour Street.", 4),
        ("The shooting injured two men and a 9-year-old boy.", 3),
        ("He is charged with injuring a prison guard and three others.", 4),
        ("Shots fired into the crowd wounded four men and two women.", 6),
        ("A 6-year-old boy and three other people were hurt at the Kerevo fair.", 4),
        ("One girl and three men were wounded on Harbour Street.", 4),
        # the parser splits the coordination into two subjects around the ages
        ("Three sisters, ages 4, 7 and 9, and their father have been found dead in Kerevo.", 4),
    ],
)
def test_counted_and_single_persons_coordinated_add_up(text: str, expected: int) -> None:
    assert [c.low for c in claims_in(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # others besides the first, in the same category: their sum, from the first's words
        (
            "A guard was badly hurt and six others were hurt by flying glass at the depot.",
            [("injured", 1), ("injured", 7)],
        ),
        (
            "Two men were arrested on Monday and three others were arrested on Tuesday.",
            [("arrested", 2), ("arrested", 5)],
        ),
        # other categories: no sum
        (
            "One guard was killed and two others were stabbed at the depot.",
            [("killed", 1), ("injured", 2)],
        ),
        (
            "A guard was stabbed to death and three other people were hurt at the depot.",
            [("killed", 1), ("injured", 3)],
        ),
        # "also" marks others besides as "and" does
        (
            "A nurse remained in grave condition after a blast that also injured three other "
            "people at the depot.",
            [("injured", 1), ("injured", 4)],
        ),
        # injured beside a death still add up among themselves
        (
            "A guard died at the depot, two nurses remain in grave condition and five others "
            "were treated for cuts.",
            [("killed", 1), ("injured", 2), ("injured", 7)],
        ),
    ],
)
def test_others_besides_a_count_add_up(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.category, c.low) for c in extracted(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the killer's own death beside the count: the sentence tells of both
        (
            "A farmer fatally stabbed his brother and two nephews before killing himself near "
            "Kerevo.",
            [("killed", 3), ("killed", 4)],
        ),
        ("Police said the guard killed three coworkers and himself at the depot.", [("killed", 4)]),
        ("Tam Arven killed himself after he killed his wife.", [("killed", 1), ("killed", 2)]),
        # already in one coordination: not counted twice
        ("A boy killed his 6-year-old brother and then himself.", [("killed", 2)]),
    ],
)
def test_a_killing_and_the_killers_suicide_add_up(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert [(c.category, c.low) for c in extracted(text)] == expected


def test_a_participle_after_coordinated_subjects_speaks_for_all() -> None:
    text = "Two guards were shot dead and a nurse and a teenage boy hurt in a Kerevo market."
    assert (2, "injured") in [(c.low, c.category) for c in claims_in(text)]
    # an object: the participle may speak of the last alone
    text = "Police questioned a driver and a woman injured in the crash."
    assert [(c.low, c.category) for c in claims_in(text)] == [(1, "injured")]


def test_two_subjects_without_an_aside_between_are_not_added() -> None:
    # the parser gives "named" two subjects; only an aside ("ages 4, 7 and 9") splits one
    text = (
        "Two suspects in the stabbing that left four guards dead and one porter injured have "
        "been named by Kerevo detectives."
    )
    assert [(c.low, c.category) for c in claims_in(text)] == [(4, "killed"), (1, "injured")]


def test_a_conjunct_with_its_own_harm_is_not_added() -> None:
    text = "The gunman and the three people who were hurt were flown to Valdoria Central."
    assert 4 not in [c.low for c in claims_in(text)]
    assert 3 in [c.low for c in claims_in(text)]


def test_a_count_and_its_breakdown_are_not_added() -> None:
    text = "Eight others, five men and three women, were listed as seriously injured."
    assert max(c.low or 0 for c in claims_in(text)) == 8


def test_things_coordinated_with_people_are_not_added() -> None:
    assert readings("Soldiers killed two men and seized three rifles.") == [
        (2, 2, "exact", "killed")
    ]


def test_coordinated_count_through_of_shares_the_verb() -> None:
    text = "The Interior Ministry said 23 rioters and four members of the security forces died."
    assert readings(text) == [(23, 23, "exact", "killed"), (4, 4, "exact", "killed")]


def test_count_in_a_second_clause_is_not_lost() -> None:
    text = "Security forces arrested protesters in 12 cities and killed 3 people."
    assert readings(text) == [(3, 3, "exact", "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "Security forces killed 12 and injured 40 in Kerevo.",
        "Police said one died and three were hurt in Kerevo.",
        "At least 1,000 killed and 4,000 injured in the clashes.",
        "Seven people were killed and 20 injured when police opened fire in Kerevo.",
    ],
    ids=["active", "one", "participles", "passive"],
)
def test_first_coordinated_claim_text_stops_before_the_second(text: str) -> None:
    first = claims_in(text)[0]
    assert "injured" not in words(text, first)


def test_share_of_a_count_keeps_its_category() -> None:
    text = "The ministry said 2,650 people had been detained nationwide, 410 of them in Kerevo."
    assert readings(text) == [(2650, 2650, "exact", "detained"), (410, 410, "exact", "detained")]


def test_among_them_subcount_keeps_its_category() -> None:
    text = "At least 112 people were killed, among them at least nine children, the VHRM said."
    assert readings(text) == [(112, None, "at_least", "killed"), (9, None, "at_least", "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "At least 112 people were killed, including nine children, the VHRM said.",
        "Soldiers killed 112 people, including nine children, the VHRM said.",
    ],
    ids=["passive", "active"],
)
def test_including_subcount_keeps_its_category(text: str) -> None:
    assert [(r[0], r[3]) for r in readings(text)] == [(112, "killed"), (9, "killed")]
    assert words(text, claims_in(text)[1]) == "nine children"


# ------------------------------------------------------------------------ named single victims


def test_named_victim_is_one() -> None:
    text = "Jon Arven was executed on June 1."
    claim = only_claim(text)
    assert (claim.low, claim.high, claim.qualifier, claim.category) == (1, 1, "exact", "executed")
    assert claim.subject == "Jon Arven"
    assert words(text, claim) == "Jon Arven was executed"


def test_named_object_is_one() -> None:
    claim = only_claim("Gunmen killed Jon Arven in Kerevo.")
    assert (claim.low, claim.category, claim.subject) == (1, "killed", "Jon Arven")


def test_named_victim_of_hanged_is_executed() -> None:
    assert readings("Jon Arven was hanged at Kerevo Prison at dawn.") == [
        (1, 1, "exact", "executed")
    ]


def test_one_aged_person_is_one_us_news() -> None:
    claim = only_claim("A 19-year-old student was arrested on Friday, police said.")
    assert (claim.low, claim.category, claim.subject) == (1, "arrested", "A 19-year-old student")


def test_one_aged_person_as_object_us_news() -> None:
    text = "Officers arrested a 24-year-old man in connection with the shooting."
    assert readings(text) == [(1, 1, "exact", "arrested")]


def test_one_person_who_died_us_news() -> None:
    assert readings("The police officer died of his wounds on Monday.") == [
        (1, 1, "exact", "killed")
    ]


def test_one_person_named_by_relation() -> None:
    claim = only_claim("Lena Varo, 52, said her son had been executed.")
    assert (claim.low, claim.category, claim.subject) == (1, "executed", "her son")


def test_coordinated_people_are_counted() -> None:
    claim = only_claim("A man and a woman were killed in Kerevo on Saturday.")
    assert (claim.low, claim.high, claim.category) == (2, 2, "killed")
    assert claim.subject == "A man and a woman"


def test_coordinated_names_as_object_are_counted() -> None:
    claim = only_claim("Police arrested Lena Varo and Jon Arven on Wednesday.")
    assert (claim.low, claim.category) == (2, "arrested")


def test_three_coordinated_people_are_counted() -> None:
    assert readings("A man, a woman and a child were killed in Kerevo.") == [
        (3, 3, "exact", "killed")
    ]


def test_nominal_of_a_named_person_is_one() -> None:
    text = "The VHRM condemned the murder of Lena Varo."
    claim = only_claim(text)
    assert (claim.low, claim.category, claim.subject) == (1, "killed", "Lena Varo")
    assert words(text, claim) == "murder of Lena Varo"


def test_possessive_of_a_nominal_is_one() -> None:
    assert readings("The VHRM condemned Lena Varo's killing.") == [(1, 1, "exact", "killed")]


def test_hanging_of_a_named_person_is_executed() -> None:
    assert readings("The VHRM condemned the hanging of Jon Arven.") == [(1, 1, "exact", "executed")]


def test_body_of_a_person_is_killed() -> None:
    assert readings("The body of a man was found in Harbour Square.") == [(1, 1, "exact", "killed")]


def test_organisations_are_not_named_victims() -> None:
    assert claims_in("Protesters attacked the Interior Ministry in Kerevo.") == []


def test_front_is_an_organisation_not_a_victim() -> None:
    assert claims_in("Security forces attacked the People's Relief Front in Kerevo.") == []


def test_relative_clause_victim_is_one() -> None:
    assert readings("Lena Varo, who was arrested on Monday, was released on bail.") == [
        (1, 1, "exact", "arrested")
    ]


# -------------------------------------------------------------------------------- intent


def test_tried_to_kill_is_not_killed() -> None:
    drafts = claims_in("Gunmen tried to kill 3 journalists in Kerevo.")
    assert drafts, "the targeted journalists are still a count"
    assert all(d.category != "killed" for d in drafts)


def lows_and_categories(text: str) -> list[tuple[int | None, str]]:
    return [(d.low, d.category) for d in claims_in(text)]


def test_attempted_murder_is_not_killed() -> None:
    # the same words without the attempt are a killing: the sentence is read, not skipped
    done = lows_and_categories("He was charged with the murder of five police officers.")
    assert done == [(5, "killed")]
    drafts = claims_in("He was charged with the attempted murder of five police officers.")
    assert [d.low for d in drafts] == [5], "the targeted officers are still a count"
    assert all(d.category != "killed" for d in drafts)


def test_plot_to_kill_is_not_killed() -> None:
    done = lows_and_categories("The PRF killed five ministers, the Interior Ministry said.")
    assert done == [(5, "killed")]
    drafts = claims_in("The PRF plotted to kill five ministers, the Interior Ministry said.")
    assert [d.low for d in drafts] == [5], "the targeted ministers are still a count"
    assert all(d.category != "killed" for d in drafts)


def test_planned_kidnapping_is_not_disappeared() -> None:
    done = lows_and_categories("Prosecutors said the men kidnapped two journalists.")
    assert done == [(2, "disappeared")]
    drafts = claims_in("Prosecutors said the men planned to kidnap two journalists.")
    assert [d.low for d in drafts] == [2], "the targeted journalists are still a count"
    assert all(d.category != "disappeared" for d in drafts)


def test_tried_to_kill_a_named_person_is_no_killing() -> None:
    assert lows_and_categories("Gunmen killed Jon Arven.") == [(1, "killed")]
    assert "killed" not in [c for _, c in lows_and_categories("Gunmen tried to kill Jon Arven.")]


def test_what_someone_meant_to_do_is_no_harm() -> None:
    assert lows_and_categories("The boy told guards he hurt his uncle.") == [(1, "injured")]
    assert claims_in("The boy told guards he did not mean to hurt his uncle.") == []
    done = lows_and_categories("Guards said the porter killed two clerks.")
    assert done == [(2, "killed")]
    drafts = claims_in("Guards said the porter meant to kill two clerks.")
    assert [d.low for d in drafts] == [2], "targeted, as 'tried to kill'"
    assert all(d.category != "killed" for d in drafts)


def test_attempted_murder_of_a_named_person_is_no_killing() -> None:
    assert lows_and_categories("He was charged with the murder of Lena Varo.") == [(1, "killed")]
    text = "He was charged with the attempted murder of Lena Varo."
    assert "killed" not in [c for _, c in lows_and_categories(text)]


# ---------------------------------------------------------------------- counts of non-people


def test_count_of_cities_is_not_a_count_of_arrested() -> None:
    assert claims_in("Police arrested activists in 12 cities on Monday.") == []


def test_count_of_wounds_is_not_a_count_of_injured() -> None:
    # one victim, whatever the number of wounds
    assert [d.low for d in claims_in("The victim suffered 3 gunshot wounds to the chest.")] == [1]


def test_count_of_rounds_is_not_a_count_of_victims() -> None:
    assert claims_in("Police fired 40 rounds into the crowd in Harbour Square.") == []
    text = "The porter was on the quay when he heard three gunshots and knew he had been shot."
    assert [d.low for d in claims_in(text)] == [1]  # the porter, not the gunshots


def test_count_of_vehicles_and_branches_is_no_claim() -> None:
    assert claims_in("Rioters burned 30 vehicles and attacked 60 bank branches in Kerevo.") == []


def test_distances_things_and_animals_are_no_victims() -> None:
    text = "A boy was wounded three doors away from the Harbour Street bakery."
    assert [d.low for d in claims_in(text)] == [1]  # the boy
    assert claims_in("Gunmen killed two dogs and a horse on a farm near Kerevo.") == []


def test_a_headline_quantity_word_is_no_name() -> None:
    assert claims_in("Dozen injured in Kerevo parade shooting") == []


def test_a_headline_count_the_parser_hung_on_the_next_count_is_its_own() -> None:
    # the parser makes "Five" a modifier of "8": each count keeps its own word
    text = "Five dead, 8 wounded after shooting at Kerevo Airport"
    assert [(c.low, c.category) for c in extracted(text)] == [(5, "killed"), (8, "injured")]


def test_count_of_places_beside_a_count_of_people() -> None:
    assert readings("Police detained 30 people in 4 cities on Monday.") == [
        (30, 30, "exact", "detained")
    ]


# ------------------------------------------------------------------------------------ ages


def test_age_of_a_named_victim_is_not_the_count() -> None:
    claim = only_claim("Jon Arven, 26, was killed in Kerevo on Sunday.")
    assert (claim.low, claim.high, claim.category) == (1, 1, "killed")


def test_ages_of_counted_people_are_not_counts() -> None:
    assert readings("Three men, aged 19, 22 and 25, were arrested in Kerevo.") == [
        (3, 3, "exact", "arrested")
    ]


def test_age_in_an_apposition_is_not_the_count() -> None:
    assert readings("Lena Varo, a 34-year-old teacher, was arrested in Kerevo.") == [
        (1, 1, "exact", "arrested")
    ]


# ----------------------------------------------------------------------------- years and dates


def test_year_before_a_count_is_not_the_count() -> None:
    assert readings("In 1988, 3,000 prisoners were executed at Kerevo prison.") == [
        (3000, 3000, "exact", "executed")
    ]


def test_day_of_month_before_a_count_is_not_the_count() -> None:
    assert readings("On March 7, 12 people were killed in Harbour Square.") == [
        (12, 12, "exact", "killed")
    ]


def test_date_after_a_named_victim_is_not_a_count() -> None:
    text = "Jon Arven was executed on June 1, 2025."
    claim = only_claim(text)
    assert words(text, claim) == "Jon Arven was executed"


def test_year_of_killings_and_count_of_delegates_is_no_claim() -> None:
    text = "Officials discussed the 2019 killings at a meeting attended by 40 delegates."
    assert claims_in(text) == []


def test_year_of_a_massacre_is_no_claim() -> None:
    assert claims_in("The 1988 massacre is remembered in Kerevo every year.") == []


# ------------------------------------------------------------------------ qualifiers, intervals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 40 protesters were killed in Kerevo.", (40, None, "at_least")),
        ("More than 1,500 people were arrested in Harbour Square.", (1500, None, "more_than")),
        ("Over 1,500 people were arrested in Harbour Square.", (1500, None, "more_than")),
        ("About 300 people were detained in Kerevo.", (300, 300, "approximately")),
        ("Some 30,000 prisoners were executed in 1988.", (30000, 30000, "approximately")),
        ("An estimated 30,000 prisoners were executed in 1988.", (30000, 30000, "approximately")),
        ("Between 200 and 300 protesters were arrested on Friday.", (200, 300, "range")),
        ("Dozens of protesters were injured in Harbour Square.", (24, None, "vague")),
        ("Hundreds of protesters were arrested in Kerevo.", (200, None, "vague")),
        ("Thousands of people were arrested across Valdoria.", (2000, None, "vague")),
        ("Tens of thousands of people were displaced by the fighting.", (20000, None, "vague")),
        ("Up to 50 people were killed, the Interior Ministry said.", (None, 50, "at_most")),
        ("Fewer than 10 people were injured in Kerevo.", (None, 10, "less_than")),
        ("A dozen protesters were arrested in Kerevo.", (12, 12, "exact")),
        ("Twenty-three rioters were killed, the minister said.", (23, 23, "exact")),
        ("Fifteen or sixteen people were killed, witnesses said.", (15, 16, "range")),
    ],
    ids=[
        "at-least",
        "more-than",
        "over",
        "about",
        "some",
        "an-estimated",
        "between-and",
        "dozens",
        "hundreds",
        "thousands",
        "tens-of-thousands",
        "up-to",
        "fewer-than",
        "a-dozen",
        "hyphenated-words",
        "x-or-y",
    ],
)
def test_qualifier_and_interval(text: str, expected: tuple[int | None, int | None, str]) -> None:
    claim = only_claim(text)
    assert (claim.low, claim.high, claim.qualifier) == expected


def test_qualifier_words_are_part_of_the_claim_text() -> None:
    text = "Between 200 and 300 protesters were arrested on Friday."
    assert words(text, only_claim(text)) == "Between 200 and 300 protesters were arrested"


# ------------------------------------------------------------------------------- claim spans


def test_claim_offsets_are_into_the_whole_clean_text() -> None:
    text = (
        "The Valdoria Human-Rights Monitor (VHRM) met in Kerevo on Friday.\n\n"
        "Its report said at least 40 protesters were killed in Harbour Square."
    )
    claim = only_claim(text)
    assert claim.start > text.index("\n\n")
    assert words(text, claim) == "at least 40 protesters were killed"


def test_claim_keeps_its_whole_sentence() -> None:
    text = "The VHRM met on Friday. Police said 45 protesters were taken into custody."
    claim = only_claim(text)
    assert claim.sentence == "Police said 45 protesters were taken into custody."


def test_claim_text_covers_count_and_adjacent_active_predicate() -> None:
    text = "On Sunday police arrested 37 people at the vigil in Kerevo."
    assert words(text, only_claim(text)) == "arrested 37 people"


def test_claim_text_covers_count_and_participle() -> None:
    text = "The shooting left 3 people dead, police said."
    assert words(text, only_claim(text)) == "3 people dead"


@pytest.mark.xfail(
    reason="the category comes from 'among the dead', but the claim text stops at the copula "
    "('At least nine children were'), leaving out the words that say they were killed",
    strict=True,
)
def test_claim_text_covers_among_the_dead() -> None:
    text = "At least nine children were among the dead in Kerevo."
    claim = only_claim(text)
    assert claim.category == "killed"
    assert words(text, claim) == "At least nine children were among the dead"


# ------------------------------------------------------------------------- no claim at all


@pytest.mark.parametrize(
    "text",
    [
        "Protests spread to four cities on Saturday.",
        "The monitor interviewed 212 witnesses about the killings.",
        "The 64-page report on the killings was released on Tuesday.",
        "The government raised the petrol price by 45 percent on March 7.",
        "The tax will cost 1.2 billion dravas a year.",
        "The People's Relief Front (PRF) called for a general strike on Monday.",
        "Forty delegates attended a meeting about the killings of journalists.",
        "The minister said nobody was killed in Kerevo.",
        "Harbour Square was closed for 3 days after the killings.",
    ],
    ids=[
        "cities",
        "witnesses-about-killings",
        "page-count",
        "percent",
        "money",
        "organisation",
        "delegates-about-killings",
        "nobody",
        "duration",
    ],
)
def test_sentence_without_a_claim(text: str) -> None:
    assert claims_in(text) == []


def test_the_source_as_the_sentence_words_it_beside_its_name() -> None:
    text = (
        "Marta Ilves, who heads the Koss clinic, spoke on Monday. She said 45 people had been "
        "killed in the raid."
    )
    (claim,) = extracted(text)
    assert claim.attributed_to is not None and "Marta Ilves" in claim.attributed_to
    assert claim.attributed_as == "She"
    (plain,) = extracted("Police said 12 people were killed in Koss.")
    assert plain.attributed_to == "Police" and plain.attributed_as is None


def test_each_object_left_in_a_state_of_its_own() -> None:
    """ "left one porter dead and six others with stab wounds": the six are not dead."""
    text = (
        "Guards are investigating a shooting which left a clerk dead and at least nine others "
        "with bullet wounds after a porter opened fire in Kerevo."
    )
    assert sorted(readings(text), key=str) == [
        (1, 1, "exact", "killed"),
        (9, None, "at_least", WOUNDED),
    ]
    # the others' own words say nothing: still not dead
    assert readings("The blast left two porters dead and three others.") == [
        (2, 2, "exact", "killed")
    ]


def test_a_coordinated_count_keeps_its_own_word() -> None:
    """ "10 people shot ..., at least 2 dead": the ten were shot, not shot dead."""
    text = "Ten people shot at a Kerevo barbershop, at least 2 dead"
    assert readings(text) == [(10, 10, "exact", WOUNDED), (2, None, "at_least", "killed")]
    assert readings("Ten guards were shot dead in Kerevo.") == [(10, 10, "exact", "killed")]


def test_a_coordinated_verb_with_its_own_object_is_another_person_s_harm() -> None:
    text = "The boy shot his brother to death, wounded his cousin and then killed himself."
    assert [r[-1] for r in readings(text)] == ["killed", "injured", "killed"]


def test_gunned_down_leaves_the_outcome_open() -> None:
    """To gun down is to shoot, "especially in a way that kills or seriously injures": victims,
    unless the words say more."""
    assert readings("Four porters were gunned down outside the depot.") == [
        (4, 4, "exact", "victims")
    ]
    assert readings("Four porters were gunned down and killed outside the depot.") == [
        (4, 4, "exact", "killed")
    ]


def test_people_who_shot_at_others_fired() -> None:
    """ "two men shot at them": they fired; "two men shot at the bar" were hit there."""
    text = "The clerks ran back inside, where the two men shot at them, guards said."
    assert readings(text) == []
    assert readings("Two porters shot at the bar were taken to hospital.") == [
        (2, 2, "exact", WOUNDED)
    ]


def test_a_question_s_clause_is_no_complement() -> None:
    # "if anyone was hurt" is a question about the clerk, not the clerk's state
    assert not extracted("Guards asked her if anyone was hurt at the gate.")
    assert [(c.low, c.category) for c in extracted("Guards found the clerk hurt.")] == [
        (1, "injured")
    ]


def test_a_denial_that_tells_a_death_is_no_denial() -> None:
    text = "Medics raced to Kerevo General, but Tam did not make it and was declared dead there."
    assert [(c.low, c.category, c.negated) for c in extracted(text)] == [(1, "killed", False)]
    text = "Guards said 300 porters were not killed in the raid."
    assert [(c.low, c.category, c.negated) for c in extracted(text)] == [(300, "killed", True)]


def test_people_shot_in_a_murder_suicide_are_not_counted_hurt() -> None:
    text = (
        "Guards in Kerevo are looking into an apparent murder-suicide. "
        "A man shot his wife and then shot himself, a spokesman said."
    )
    categories = {c.category for c in extracted(text)}
    assert categories and "injured" not in categories
    attempted = text.replace("an apparent murder-suicide", "an attempted murder-suicide")
    assert "injured" in {c.category for c in extracted(attempted)}


def test_groups_told_by_bare_numbers_add_up() -> None:
    text = "Two of the clerks were in serious condition and three had gunshot wounds."
    assert [(c.low, c.category) for c in extracted(text)] == [(2, "injured"), (5, "injured")]
    text = "Two died at the depot and one died at Kerevo General."
    assert [(c.low, c.category) for c in extracted(text)] == [(2, "killed"), (3, "killed")]
    # a part of a count with a noun of its own is of that count: no sum
    text = "Four clerks were hurt and two are in critical condition."
    assert [(c.low, c.category) for c in extracted(text)] == [(4, "injured"), (2, "injured")]
    # nor is a part told "of them"
    text = "Three of the clerks were treated at a clinic and two of them are in grave condition."
    assert [(c.low, c.category) for c in extracted(text)] == [(3, "injured"), (2, "injured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A clerk was shot in the knee while a second victim suffered a graze wound.",
            [(1, "injured"), (2, "injured")],
        ),
        (
            "Tam Arven was shot in the ankle, and a 57-year-old nurse was also wounded.",
            [(1, "injured"), (2, "injured")],
        ),
        # not someone told before, nor a count that may hold the others
        (
            "A clerk was shot on Sunday, and the clerk was hurt badly.",
            [(1, "injured"), (1, "injured")],
        ),
        ("Two clerks were shot, and a nurse was hurt.", [(2, "injured"), (1, "injured")]),
        # nor an incident before the one the sentence reports
        (
            "A day after a clerk was shot twice, another nurse has been shot in Kerevo.",
            [(1, "injured"), (1, "injured")],
        ),
    ],
)
def test_people_each_with_a_harm_of_their_own_add_up(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(c.low, c.category) for c in extracted(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Four clerks were taken to Kerevo General in grave condition. A fifth clerk was "
            "driven to Arlen Hospital.",
            [(4, "injured"), (1, "injured"), (5, "injured")],
        ),
        # not two sentences on, nor "the third" of those told, nor after a count of others
        (
            "Four clerks were taken to Kerevo General in grave condition. The road was shut. "
            "A fifth clerk was driven to Arlen Hospital.",
            [(4, "injured"), (1, "injured")],
        ),
        (
            "A nurse died. Two other nurses were hurt, and a third victim was grazed.",
            [(1, "killed"), (2, "injured"), (1, "injured")],
        ),
    ],
)
def test_a_person_numbered_after_a_count_is_one_more(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(c.low, c.category) for c in extracted(text)] == expected


def test_a_dateline_in_capitals_is_no_one_s_name() -> None:
    text = "Tam Arven was shot in the ankle, and a 57-year-old nurse was also wounded."
    arven, nurse = resolve_wounded(claims_in(text), text=text)
    dateline = replace(arven, subject="KEREVO TWP")
    assert [d.low for d in tallies.with_individuals_added([dateline, nurse], text)] == [1, 1]
    assert [d.low for d in tallies.with_individuals_added([arven, nurse], text)] == [1, 2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kerevo police are looking into it after three clerks and two nurses were shot "
            "at the depot Monday night, and one of the victims spoke.",
            [(5, "injured"), (1, "victims")],
        ),
        (
            "The town grieved after three clerks and two nurses died at the depot on Monday, "
            "and one of the victims spoke.",
            [(5, "killed"), (1, "victims")],
        ),
    ],
)
def test_a_clause_the_parser_read_as_a_phrase_keeps_its_verb(
    text: str, expected: list[tuple[int, str]]
) -> None:
    """ "after" takes the people as its object, and the verb goes to the main clause without a
    subject: the verb right after the people is theirs."""
    assert [(c.low, c.category) for c in extracted(text)] == expected


def test_hurt_or_dead_is_victims_and_surviving_a_while_no_survival() -> None:
    text = "Three clerks were injured or died at the depot, guards said."
    assert [(c.low, c.category) for c in extracted(text)] == [(3, "victims")]
    text = (
        "A nurse was shot on Friday. She survived for two days on life support, but guards "
        "confirmed her death on Monday."
    )
    assert [c.text for c in extracted(text)] == ["A nurse was shot"]


@pytest.mark.xfail(
    strict=True, reason="issue 17: a legal clause about any child who is hurt is read as a victim"
)
def test_a_hypothetical_legal_clause_is_no_victim() -> None:
    # "a child who is hurt or dies" is whoever the code may apply to, not someone harmed
    text = (
        "The code says the guardian of a child who is hurt or dies of an unintended "
        "shooting shall be charged only when the guardian was reckless."
    )
    assert [(c.low, c.category) for c in extracted(text)] == []


def test_winged_is_hurt() -> None:
    text = "The feud left one clerk in serious condition and three other clerks winged."
    assert [(c.low, c.category) for c in extracted(text)] == [(1, "injured"), (4, "injured")]
