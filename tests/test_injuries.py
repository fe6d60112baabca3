"""Injuries a report states through the wound, the condition or the care, not through a violent
verb (extract/injuries.py), as `find_claims` reads them. Sentences are invented, in the style
of US local news (Kerevo, Harbour Street, Kerevo General Hospital)."""

from __future__ import annotations

import pytest

from tests.test_claims import claims_in, extracted
from tolltrace.extract.claims import WOUNDED, resolve_wounded

Reading = tuple[int | None, str, str]  # low, category, the claim's words


def readings(text: str) -> list[Reading]:
    return [(d.low, d.category, text[d.start : d.end]) for d in claims_in(text)]


# ------------------------------------------------------------------------------ a wound


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A 34-year-old man suffered a gunshot wound to the leg on Friday.",
            (1, WOUNDED, "A 34-year-old man suffered a gunshot wound"),
        ),
        (
            "Jon Arven sustained two gunshot wounds in the shooting.",
            (1, WOUNDED, "Jon Arven sustained two gunshot wounds"),
        ),
        (
            "Two of the victims had gunshot wounds to the legs.",
            (2, WOUNDED, "Two of the victims had gunshot wounds"),
        ),
        (
            "A man with a gunshot wound was brought to Kerevo General Hospital on Sunday.",
            (1, WOUNDED, "A man with a gunshot wound was brought to Kerevo General Hospital"),
        ),
        ("Officers found a teenager suffering from a gunshot wound.", (1, WOUNDED, "a teenager")),
    ],
    ids=["suffered", "sustained", "two-of-them-had", "with-a-wound", "suffering-from"],
)
def test_a_wound_may_have_killed(text: str, expected: Reading) -> None:
    """A wound alone does not say whether the person lived: provisional, like "shot"."""
    (reading,) = readings(text)
    assert reading[:2] == expected[:2]
    assert reading[2].startswith(expected[2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people suffered minor injuries in the shooting.", (3, "injured")),
        ("The driver sustained non-life-threatening injuries.", (1, "injured")),
        ("A woman suffered a fatal gunshot wound to the chest.", (1, "killed")),
    ],
    ids=["minor", "non-life-threatening", "fatal"],
)
def test_a_wound_called_minor_or_fatal_says_which(text: str, expected: tuple[int, str]) -> None:
    assert [r[:2] for r in readings(text)] == [expected]


def test_a_man_with_a_gun_is_no_victim() -> None:
    assert readings("A man with a gun was seen outside the bar on Harbour Street.") == []


# ------------------------------------------------------------------- a condition, care


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shooting left a 19-year-old woman in critical condition.",
            (1, "injured", "left a 19-year-old woman in critical condition"),
        ),
        (
            "Both women were listed in stable condition on Sunday.",
            (2, "injured", "Both women were listed in stable condition"),
        ),
        (
            "The victim was taken to the hospital with minor injuries.",
            (1, "injured", "The victim was taken to the hospital with minor injuries"),
        ),
        (
            "He was treated for his injuries and released.",
            (1, "injured", "He was treated for his injuries"),
        ),
        (
            "A man is recovering after the shooting in Kerevo.",
            (1, "injured", "A man is recovering"),
        ),
        ("One person was grazed by a bullet.", (1, "injured", "One person was grazed")),
        (
            "The nurse was fighting for her life at Kerevo General on Monday.",
            (1, "injured", "The nurse was fighting"),
        ),
        ("The boy remains on life support at Kerevo General.", (1, "injured", "The boy remains")),
        ("The girl is expected to recover.", (1, "injured", "The girl is expected to recover")),
    ],
    ids=[
        "left-in-condition",
        "both-listed",
        "hospital-with-injuries",
        "treated",
        "recovering",
        "grazed",
        "fighting-for-life",
        "life-support",
        "expected-to-recover",
    ],
)
def test_a_condition_or_care_says_the_person_lived(text: str, expected: Reading) -> None:
    assert readings(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state a conjoined verb tells is the subject's too
        (
            "The clerk was taken to Kerevo General and remains in serious condition.",
            (1, "injured", "The clerk was taken"),
        ),
        ("The two clerks were treated at the scene.", (2, "injured", "two clerks were treated")),
        (
            "Two of the guards are at hospitals in grave condition.",
            (2, "injured", "Two of the guards are at hospitals"),
        ),
        (
            "The guard is expected to make a quick and full recovery.",
            (1, "injured", "The guard is expected to make a quick and full recovery"),
        ),
        ("Police found two men who suffered gunshot wounds.", (2, WOUNDED, "two men")),
    ],
    ids=["conjoined-state", "treated", "condition-of-the-place", "full-recovery", "relative"],
)
def test_more_ways_to_say_the_person_lived(text: str, expected: Reading) -> None:
    assert readings(text) == [expected]


def test_hit_by_what_was_fired_is_a_wound() -> None:
    assert readings("A clerk was hit by a stray bullet on Sunday.") == [
        (1, WOUNDED, "A clerk was hit")
    ]
    assert readings("A nurse was hit in the shoulder on Sunday.") == [
        (1, WOUNDED, "A nurse was hit")
    ]
    assert readings("The depot was hit in the back by a storm.") == []
    assert readings("The depot was hit by a storm on Sunday.") == []
    assert readings("Two clerks were hit by a van on Sunday.") == []


def test_sent_to_a_hospital_as_the_parser_reads_it() -> None:
    # the parser makes "to" a dative of "sent": still the place the people were sent
    text = "Two others were sent to Arlen Regional Medical Center in Kerevo."
    assert [r[:2] for r in readings(text)] == [(2, WOUNDED)]


def test_the_wounds_a_person_was_taken_to_care_for() -> None:
    text = "Three guards were all taken to a clinic for treatment of minor stab wounds."
    assert [r[:2] for r in readings(text)] == [(3, "injured")]
    text = "The nurse was taken to Kerevo General Hospital for minor injuries."
    assert [r[:2] for r in readings(text)] == [(1, "injured")]
    # wounds of unknown severity leave the outcome open
    text = "The nurse was taken to Kerevo General Hospital for her injuries."
    assert [r[:2] for r in readings(text)] == [(1, WOUNDED)]


def test_a_condition_the_parser_broke_apart_is_still_a_condition() -> None:
    assert readings("A female guard is in critical, but stable condition, her family said.") == [
        (1, "injured", "A female guard is")
    ]


def test_on_life_support_until_a_day_is_no_survival() -> None:
    assert readings("Jon Arven remained on life support until Thursday night.") == []
    assert [r[:2] for r in readings("Jon Arven remains on life support.")] == [(1, "injured")]


def test_treated_for_something_else_or_not_as_a_patient_is_no_wound() -> None:
    assert readings("Three officers were treated for smoke inhalation.") == []
    assert readings("Pundits compared how the two clerks were treated by the press.") == []


def test_a_verb_with_its_own_determiner_is_another_subject_s() -> None:
    # the parser hangs "another" on "hospitalized": the three are dead, not in hospital
    readings_ = readings("Three porters are dead and another hospitalized in Kerevo.")
    assert readings_[0][:2] == (3, "killed")


def test_others_the_parser_hung_on_the_verb_keep_their_place() -> None:
    text = "The blast left two guards dead and two others in a clinic."
    assert [r[:2] for r in readings(text)] == [(2, "killed"), (2, WOUNDED)]
    # and the dead of such a coordination are not summed with the others
    assert (4, "killed") not in [r[:2] for r in readings(text)]
    # a state after them all is said of them all
    text = "The feud left three clerks and three nurses injured early on Sunday."
    assert [r[:2] for r in readings(text)] == [(6, "injured")]


def test_struck_by_a_stray_bullet_is_a_wound() -> None:
    assert [
        (c.low, c.category) for c in extracted("A boy was struck by a bullet outside the depot.")
    ] == [(1, "injured")]


def test_a_condition_alone_is_worth_parsing() -> None:
    # no word of violence: the condition itself makes the sentence worth a parse
    found = [(c.low, c.category) for c in extracted("The guard was listed in stable condition.")]
    assert found == [(1, "injured")]


def test_expected_to_survive_something_else_is_no_injury() -> None:
    assert claims_in("The man is expected to survive the winter in his cabin.") == []


def test_the_hospital_alone_is_provisional() -> None:
    assert readings("Both were taken to Kerevo General Hospital.") == [
        (2, WOUNDED, "Both were taken to Kerevo General Hospital")
    ]


DIED_IN_HOSPITAL = [
    "The 25-year-old was rushed to a clinic, where he died.",
    # "where" relates a place, however the parser hangs it: on the condition, on a name
    "Arven was flown to Kerevo Central Clinic in critical condition, where she died.",
    "She was rushed in grave condition to Valdoria Central, where she died on Tuesday.",
    "A man was shot and taken to Kerevo General Hospital, where he died.",
]


@pytest.mark.parametrize("text", DIED_IN_HOSPITAL)
def test_a_hospital_where_the_person_died_is_a_killing(text: str) -> None:
    found = [r[:2] for r in readings(text)]
    assert found and set(found) == {(1, "killed")}


@pytest.mark.xfail(strict=True, reason="issue 17: one death is read as two killed claims")
@pytest.mark.parametrize("text", DIED_IN_HOSPITAL)
def test_a_hospital_where_the_person_died_is_one_killing(text: str) -> None:
    assert [(c.low, c.category) for c in extracted(text)] == [(1, "killed")]


def test_one_dead_and_another_injured() -> None:
    text = "The shooting left one man dead and another with life-threatening injuries."
    assert [r[:2] for r in readings(text)] == [(1, "killed"), (1, "injured")]


def test_shot_and_in_stable_condition_is_injured() -> None:
    assert readings("Jon Arven was shot and is in stable condition.") == [
        (1, "injured", "Jon Arven was shot")
    ]


def test_the_condition_of_anonymity_is_no_injury() -> None:
    assert readings("A witness spoke on the condition of anonymity in Kerevo.") == []


# ----------------------------------------------------------------------- in a document


def test_a_wound_in_a_document_without_a_death_is_an_injury() -> None:
    drafts = claims_in("Police found a man with a gunshot wound on Harbour Street on Friday.")
    assert [(d.low, d.category) for d in resolve_wounded(drafts)] == [(1, "injured")]


def test_a_wound_in_a_document_with_a_death_is_no_injury() -> None:
    drafts = claims_in(
        "Police found Jon Arven with a gunshot wound on Harbour Street. He died at the scene."
    )
    assert [(d.low, d.category) for d in resolve_wounded(drafts)] == [
        (1, "victims"),
        (1, "killed"),
    ]


def test_the_dead_a_vigil_is_for_do_not_make_the_people_shot_there_victims() -> None:
    text = (
        "Five clerks were shot at a vigil on Monday evening. "
        "The vigil was for Tam Arven, who was shot and killed on Sunday."
    )
    settled = resolve_wounded(claims_in(text), text=text)
    assert [(d.low, d.category) for d in settled] == [(5, "injured"), (1, "killed")]
    # a report of a killing that tells of its vigil: the people shot may be the dead
    text = "Tam Arven was shot and killed on Sunday. Two clerks were shot in the yard on Sunday."
    settled = resolve_wounded(claims_in(text), text=text)
    assert [(d.low, d.category) for d in settled] == [(1, "killed"), (2, "victims")]


def test_the_death_of_the_gunman_does_not_make_the_people_he_shot_victims() -> None:
    text = "Officers returned fire, striking the gunman, who was killed. Two clerks were shot."
    settled = resolve_wounded(claims_in(text), text=text)
    assert [(d.low, d.category) for d in settled] == [(1, "killed"), (2, "injured")]
    # a child who shot himself is no assailant: his death is the report's
    text = "A boy accidentally shot and killed himself. Police said the boy shot himself."
    settled = resolve_wounded(claims_in(text), text=text)
    assert (1, "killed") in [(d.low, d.category) for d in settled]
    assert "injured" not in [d.category for d in settled]


DEATH_OF_ITS_OWN = "Both guards were driven to clinics and the 19-year-old was pronounced dead."


def test_a_death_in_a_clause_of_its_own_does_not_kill_them_all() -> None:
    # the parser hangs "the 19-year-old" on "clinics": the clause still has its subject
    assert [(d.low, d.category) for d in claims_in(DEATH_OF_ITS_OWN)][:1] == [(2, WOUNDED)]


@pytest.mark.xfail(strict=True, reason="issue 17: the 19-year-old's death is not read at all")
def test_a_death_in_a_clause_of_its_own_is_a_killing_of_one() -> None:
    found = [(d.low, d.category) for d in claims_in(DEATH_OF_ITS_OWN)]
    assert found == [(2, WOUNDED), (1, "killed")]


def test_a_hospital_where_someone_else_died_does_not_kill_them_all() -> None:
    both = extracted("Both were taken to Kerevo General Hospital, where the boy later died.")
    assert [(c.low, c.category) for c in both] == [(2, "victims"), (1, "killed")]
    one = extracted("A man was shot and taken to Kerevo General Hospital, where he died.")
    assert {(c.low, c.category) for c in one} == {(1, "killed")}


# ------------------------------------------------------------------------------ "one" and parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shooting on Harbour Street left one dead and four injured.",
            [(1, "killed", "one dead"), (4, "injured", "four injured")],
        ),
        (
            "The blast killed one and injured 12.",
            [(1, "killed", "killed one"), (12, "injured", "injured 12")],
        ),
        (
            "Police said one died and three were hurt.",
            [(1, "killed", "one died"), (3, "injured", "three were hurt")],
        ),
        (
            "One was in serious condition at Kerevo General.",
            [(1, "injured", "One was in serious condition")],
        ),
        # "one" as a pronoun is no count
        ("One must ask why no one was charged.", []),
    ],
)
def test_one_person_harmed_is_a_count(text: str, expected: list[Reading]) -> None:
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Five people were shot, one fatally, on Harbour Street.",
            [
                (5, "victims", "Five people were shot"),
                (1, "killed", "one fatally"),
                (4, "injured", "Five people were shot, one fatally"),
            ],
        ),
        (
            "The brawl left five people wounded -- three mortally, police said.",
            [
                (5, "victims", "five people wounded"),
                (3, "killed", "three mortally"),
                (2, "injured", "five people wounded -- three mortally"),
            ],
        ),
        (
            "Six people were wounded, two of them fatally.",
            [
                (6, "victims", "Six people were wounded"),
                (2, "killed", "two of them fatally"),
                (4, "injured", "Six people were wounded, two of them fatally"),
            ],
        ),
        (
            "Four clerks were hit by gunfire on the quay and three of those clerks died.",
            [
                (4, "victims", "Four clerks were hit"),
                (3, "killed", "three of those clerks died"),
                (
                    1,
                    "injured",
                    "Four clerks were hit by gunfire on the quay and three of those clerks died",
                ),
            ],
        ),
        (  # the parser makes "two" a second object of "leaving"
            "A wake took a deadly turn Sunday when a gunfight erupted outside the hall, "
            "leaving six people wounded -- two mortally, officials said.",
            [
                (6, "victims", "six people wounded"),
                (2, "killed", "two mortally"),
                (4, "injured", "six people wounded -- two mortally"),
            ],
        ),
        (
            "Masked men shot eight porters, killing two of them.",
            [
                (8, "victims", "shot eight porters"),
                (2, "killed", "killing two of them"),
                (6, "injured", "shot eight porters, killing two of them"),
            ],
        ),
        (
            "A gunman shot three people, killing one.",
            [
                (3, "victims", "shot three people"),
                (1, "killed", "killing one"),
                (2, "injured", "shot three people, killing one"),
            ],
        ),
        (
            "Five were wounded, one critically.",
            [(5, "injured", "Five were wounded"), (1, "injured", "one critically")],
        ),
    ],
)
def test_a_count_of_wounded_with_a_part_that_died_counts_victims(
    text: str, expected: list[Reading]
) -> None:
    drafts = resolve_wounded(claims_in(text))
    assert [(d.low, d.category, text[d.start : d.end]) for d in drafts] == expected


def test_each_object_of_a_harm_keeps_its_own() -> None:
    text = "The blast left one guard dead and at least five others with gunshot wounds."
    drafts = resolve_wounded(claims_in(text))
    assert [(d.low, d.category) for d in drafts] == [(1, "killed"), (5, "injured")]


def test_a_street_named_row_is_not_death_row() -> None:
    text = "Two men were shot on Harbour Row; one died."
    drafts = resolve_wounded(claims_in(text))
    assert [(d.low, d.category) for d in drafts] == [(2, "victims"), (1, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wound called non-fatal is an injury, though it holds the word "fatal"
        ("Three others sustained non-fatal gunshot wounds.", [(3, "injured")]),
        # "while" sets other people against the dead: their care is no death
        (
            "Two of the victims died, while four others were rushed to the hospital.",
            [(2, "killed"), (4, WOUNDED)],
        ),
        (
            "Arven died at the scene, while Tam Olsen and Mira Voss suffered minor injuries.",
            [(1, "killed"), (2, "injured")],
        ),
        # the same person, after: a death
        ("He died shortly after he was taken to Kerevo General.", [(1, "killed")]),
        # one of them died: the others were no less taken to the hospital, and lived
        (
            "Three were taken to the hospital, including the victim who died, police said.",
            [(3, "victims"), (1, "killed"), (2, "injured")],
        ),
    ],
)
def test_whose_death_the_sentence_tells(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(d.low, d.category) for d in claims_in(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bullet could have hit her heart and killed her.",
        "The bomb could have killed hundreds of people.",
        "The gunman was going to kill the clerk, the sheriff said.",
        "Officers could not tell if the guard had died.",
        "Mira Voss was nearly killed in a knife attack at the Kerevo market.",
        "Soldiers almost killed Mira Voss at a checkpoint.",
        "A medic carried the almost lifeless body of a guard from the truck.",
    ],
)
def test_what_could_have_happened_is_no_claim(text: str) -> None:
    assert claims_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rights groups say troops may have killed 300 protesters.", 300),
        ("Officials could not confirm whether 12 people had been killed.", 12),
    ],
)
def test_an_estimate_or_a_figure_in_question_is_still_a_claim(text: str, expected: int) -> None:
    assert [d.low for d in claims_in(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people shot besides the dead lived, or the report would say they died
        (
            "One man was killed on Harbour Street. Three other people were also shot.",
            [(1, "killed"), (3, "injured")],
        ),
        # ... unless it goes on to say some of them died
        (
            "Two men were killed and three others were shot, one of whom later died.",
            [(2, "killed"), (3, "victims"), (1, "killed"), (2, "injured")],
        ),
        # "the other" is one of a pair, who may be among the dead
        (
            "Two women were fatally shot on Sunday. The other woman was shot in the face.",
            [(2, "killed"), (1, "victims")],
        ),
        # the count's own words say they are others: "the other three", "two more"
        (
            "A clerk died. The other three victims were taken to Kerevo General Hospital.",
            [(1, "killed"), (3, "injured")],
        ),
        (
            "Two clerks are dead and two more were flown to the clinic in Arlen.",
            [(2, "killed"), (2, "injured")],
        ),
        (
            "Two guards died. The two remaining guards were driven to a clinic in Arlen.",
            [(2, "killed"), (2, "injured")],
        ),
        # ... unless the report goes on to tell of a death after they were taken away
        (
            "A clerk died. The other three were taken to the clinic. One of them died on "
            "arrival at the hospital.",
            [(1, "killed"), (3, "victims"), (1, "killed")],
        ),
        # one more than those told so far, or one told as "also" shot
        (
            "Three guards died in the yard. A fourth man was shot in the arm.",
            [(3, "killed"), (1, "injured")],
        ),
        (
            "A clerk died on Friday. A nurse was also shot near the depot gate.",
            [(1, "killed"), (1, "injured")],
        ),
        # but not the other of a pair, nor the people of a relative clause
        (
            "Four porters were killed. One of the porters was shot inside the depot and "
            "another was shot outside.",
            [(4, "killed"), (1, "victims"), (1, "victims")],
        ),
        (
            "A guard died. Both Arven and Osk, who was also shot, were taken to Kerevo General.",
            [(1, "killed"), (2, "victims")],
        ),
        # a clause joined by "and" to one that tells of someone else's death
        (
            "A 22-year-old clerk was killed and a nurse was shot in Kerevo on Monday.",
            [(1, "killed"), (1, "injured")],
        ),
        # or someone new after a death told earlier in the sentence
        (
            "Doctors pronounced Arven dead, a nurse was flown to the hospital in grave "
            "condition, a 19-year-old was hit in her hip and the clerk was not hurt.",
            [(1, "killed"), (1, "injured"), (1, "injured"), (1, "injured")],
        ),
        # but not the one the death is of
        ("A man shot a clerk and killed her.", [(1, "victims"), (1, "killed")]),
    ],
)
def test_people_shot_besides_the_dead(text: str, expected: list[tuple[int, str]]) -> None:
    settled = resolve_wounded(claims_in(text), text=text)
    assert [(d.low, d.category) for d in settled] == expected
