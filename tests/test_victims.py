"""Persons named one by one (extract/victims.py), as `find_claims` reads them: who a verb, a
nominal or the person's own noun phrase says was harmed, and how many. Sentences are invented
(Kerevo, Harbour Street; Jon Arven, Lena Varo, Tomas Kerevic)."""

from __future__ import annotations

import pytest

from tests.test_claims import claims_in
from tolltrace.extract.claims import WOUNDED
from tolltrace.nlp.sentences import names_victim

Reading = tuple[int | None, str, str]  # low, category, the claim's words


def readings(text: str) -> list[Reading]:
    return [(d.low, d.category, text[d.start : d.end]) for d in claims_in(text)]


# ------------------------------------------------------------------------- who is named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arven was shot twice in the chest.", (1, WOUNDED, "Arven was shot")),
        ("Police said he shot him twice.", (1, WOUNDED, "shot him")),
        ("Both were pronounced dead at the scene.", (2, "killed", "Both were pronounced dead")),
        (
            "Minutes later another man was dead.",
            (1, "killed", "another man was dead"),
        ),
        (
            "One man died at the scene; a second was critically wounded.",
            (1, "injured", "a second was critically wounded"),
        ),
    ],
    ids=["lone-surname", "him", "both", "another-man", "a-second"],
)
def test_who_is_named(text: str, expected: Reading) -> None:
    assert expected in readings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Verizon has struck a deal with the unions.",  # a lone name, but a deal is struck
        "Gunmen have shot at the Kerevo police station.",
        "Kerevo was struck by a storm on Monday.",
    ],
)
def test_not_a_named_victim(text: str) -> None:
    assert readings(text) == []


def test_a_perfect_tense_subject_did_it() -> None:
    """ "Gunmen have shot a guard": the guard is the victim, not the gunmen."""
    assert readings("Gunmen have shot a guard in Kerevo.") == [(1, WOUNDED, "shot a guard")]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("A man, a woman and a child were killed in Kerevo.", 3),
        ("Jon Arven, Lena Varo and Tomas Kerevic were killed in Kerevo.", 3),
        ("Jon Arven, a teacher, was killed in Kerevo.", 1),
        ("Jon Arven, a teacher and activist, was killed in Kerevo.", 1),
    ],
    ids=["nouns", "names", "apposition", "apposition-with-and"],
)
def test_a_list_of_persons_is_counted_a_description_is_not(text: str, people: int) -> None:
    assert [(r[0], r[1]) for r in readings(text)] == [(people, "killed")]


# -------------------------------------------------------------------- what the verb says


def test_shot_and_killed_with_the_object_on_the_second_verb() -> None:
    assert readings("The gunman shot and killed a neighbour, 55-year-old Lena Varo.") == [
        (1, "killed", "killed a neighbour, 55-year-old Lena Varo")
    ]


def test_shot_and_later_died() -> None:
    assert readings("Jon Arven was shot on Harbour Street and later died.") == [
        (1, "killed", "Jon Arven was shot")
    ]


def test_shot_and_pronounced_dead() -> None:
    assert readings("Jon Arven had been shot and was pronounced dead at the scene.") == [
        (1, "killed", "Jon Arven had been shot")
    ]


def test_a_death_in_a_relative_clause_outranks_the_shooting() -> None:
    text = "A teen who was found shot on Sunday has died."
    assert [r[:2] for r in readings(text)] == [(1, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officers found Jon Arven shot to death inside the house.",
            (1, "killed", "Jon Arven shot to death"),
        ),
        (
            "The man found dead on Friday was identified as Jon Arven.",
            (1, "killed", "The man found dead"),
        ),
        (
            "A man shot and killed by police on Monday carried a knife.",
            (1, "killed", "A man shot and killed"),
        ),
    ],
    ids=["found-shot-to-death", "found-dead", "before-an-agent"],
)
def test_a_participle_the_parser_took_for_a_past_tense(text: str, expected: Reading) -> None:
    assert readings(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Man shot in the hand outside Kerevo bus station", (1, WOUNDED, "Man shot")),
        ("Teen killed in Kerevo shooting; two arrested", (1, "killed", "Teen killed")),
        ("Woman shot, killed on Harbour Street", (1, "killed", "Woman shot")),
        ("Man dead after shooting on Harbour Street", (1, "killed", "Man dead")),
    ],
    ids=["shot", "killed", "shot-killed", "dead"],
)
def test_headlines(text: str, expected: Reading) -> None:
    assert expected in readings(text)


def test_a_sentence_of_prose_needs_its_article() -> None:
    assert readings("Police said man shot at the officers on Harbour Street.") == []


# ----------------------------------------------------------------- the noun phrase says it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police identified the victim of the fatal shooting as Jon Arven.",
            (1, "killed", "the victim of the fatal shooting"),
        ),
        ("The homicide victim was identified as Jon Arven.", (1, "killed", "The homicide victim")),
        (
            "Kerevo detectives are looking into a Harbour Street shooting that left a man injured.",
            (1, "injured", "a man injured"),
        ),
    ],
    ids=["victim-of-a-fatal-shooting", "homicide-victim", "man-injured"],
)
def test_the_noun_phrase_says_what_happened(text: str, expected: Reading) -> None:
    assert readings(text) == [expected]


# -------------------------------------------------------------- which sentences are read


@pytest.mark.parametrize(
    "sentence",
    [
        "He died at the scene.",
        "She was shot in the leg.",
        "Arven was shot twice.",
        "Both were taken to the hospital.",
        "Police: 18-year-old man shot near Harbour Street",
        "Police: Clerk fatally shot in store robbery",
        "A man is in critical condition.",
    ],
)
def test_sentences_naming_one_victim_are_parsed(sentence: str) -> None:
    assert names_victim(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A woman and 3-year-old child are dead after the fire on Harbour Street.", 2),
        ("Mira and her three children were shot dead by her companion.", 4),
        ("Guards said the miller strangled and killed his sister, niece and nephew.", 3),
    ],
)
def test_a_coordination_of_people_is_counted_whole(text: str, expected: int) -> None:
    assert [(d.low, d.category) for d in claims_in(text)] == [(expected, "killed")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Police found the man dead in his car.", "the man dead"),
        ("Officers found Mira Voss dead in her kitchen.", "Mira Voss dead"),
        ("Deputies found a 16-year-old girl dead in the basement.", "found a 16-year-old girl"),
    ],
)
def test_found_dead_is_a_killing(text: str, words: str) -> None:
    (claim,) = claims_in(text)
    assert (claim.low, claim.category, text[claim.start : claim.end]) == (1, "killed", words)


def test_found_with_another_adjective_is_no_claim() -> None:
    assert claims_in("Police found the car empty on Harbour Street.") == []


# ------------------------------------------------------------- deaths told in other words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The guard passed away at Kerevo General on Sunday.",
            (1, "killed", "The guard passed away"),
        ),
        ("The nurse was deceased when rescuers arrived.", (1, "killed", "The nurse was deceased")),
        (
            "A 19-year-old male is dead, guards at Kerevo docks said.",
            (1, "killed", "A 19-year-old male is dead"),
        ),
        ("A hunter was found dead near Valdoria Lake.", (1, "killed", "A hunter was found dead")),
        (
            "Guards fatally shot the porter's brother during the raid.",
            (1, "killed", "shot the porter's brother"),
        ),
        (
            "Guards stormed a Kerevo depot in which one guard was killed.",
            (1, "killed", "one guard was killed"),
        ),
        ("Officials confirmed that one is dead.", (1, "killed", "one is dead")),
        (
            "A man shot and killed in Kerevo on Monday has been identified as Tam Arven.",
            (1, "killed", "A man shot and killed"),
        ),
    ],
    ids=[
        "passed-away", "deceased", "male", "hunter", "possessor", "in-which-one", "that-one",
        "reduced-passive",
    ],
)  # fmt: skip
def test_a_death_told_in_other_words(text: str, expected: Reading) -> None:
    assert readings(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The guard suffered a stab wound in the side and was pronounced dead at Kerevo General.",
        "The nurse turned the blade on herself and died in the ward.",
        "Tam Arven, 16, was hurt in the blast and later died at Kerevo General.",
    ],
    ids=["suffered-then-pronounced", "turned-then-died", "hurt-then-died"],
)
def test_a_second_verb_of_death_speaks_for_the_shared_subject(text: str) -> None:
    """The last word on what became of the person is their death: one killed, no injury."""
    assert [(low, category) for low, category, _ in readings(text)] == [(1, "killed")]


def test_a_reflexive_object_is_the_person_who_died_once() -> None:
    text = "The guard shot himself in the chest and later died at Kerevo General."
    assert [(low, category) for low, category, _ in readings(text)] == [(1, "killed")]


def test_where_they_were_pronounced_dead_kills_all_of_them() -> None:
    text = "The two porters were carried to a clinic, where they were declared dead."
    assert [(low, category) for low, category, _ in readings(text)] == [(2, "killed")]


def test_another_subject_pronounced_dead_kills_only_that_one() -> None:
    """The parser hangs "the 19-year-old" on "clinics"; the death is still someone else's."""
    text = "Both guards were carried to clinics and the 19-year-old was then declared dead."
    found = [(low, category) for low, category, _ in readings(text)]
    assert found[:1] == [(2, WOUNDED)]  # the guards are read, and not as killed
    # the 19-year-old's death itself is not read yet: see test_injuries.py (issue 17)


@pytest.mark.parametrize(
    "text",
    [
        "The blast left a six-year-old dead.",
        "Nurses later found the 15-year-old dead in the yard.",
        "Nurses said the guard passed away on Sunday.",
    ],
)
def test_sentences_naming_one_dead_person_are_parsed_and_read(text: str) -> None:
    assert names_victim(text)
    assert [(low, category) for low, category, _ in readings(text)] == [(1, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voss died at the scene.", (1, "killed")),
        ("The gun went off, striking Arven, who died at the scene.", (1, "killed")),
        ("Mira LaVoss, 25, of Kerevo, was killed in the raid.", (1, "killed")),
        (
            "McLean suffered a gunshot wound, was taken to a clinic, and was later pronounced "
            "dead, guards said.",
            (1, "killed"),
        ),
        ("Rescuers located a deceased man with a knife wound in his back.", (1, "killed")),
    ],
    ids=["surname-died", "surname-who-died", "prefixed-name", "three-verbs", "deceased-man"],
)
def test_one_dead_person_named_by_a_surname_or_described_dead(
    text: str, expected: tuple[int, str]
) -> None:
    assert names_victim(text)
    assert [(low, category) for low, category, _ in readings(text)] == [expected]


def test_one_deceased_is_a_count_of_one_killed() -> None:
    text = "The raid left one wounded and one deceased, the ministry said."
    assert [(low, category) for low, category, _ in readings(text)] == [
        (1, "injured"),
        (1, "killed"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Arven, who died of a stroke in 1971, ran the mill.", []),
        ("Tam Arven died from cancer in 2019.", []),
        ("Two inmates died of pneumonia in Kestrel Prison last winter.", [(2, "killed")]),
        ("Mira Voss died of her wounds on Monday.", [(1, "killed")]),
        ("Tam Voss passed away on Monday at the age of 91.", []),
        ("Tam Voss died from the attack on Monday.", [(1, "killed")]),
        ("Mira Voss died of complications from her stab wounds.", [(1, "killed")]),
        ("Police said the wake was for a nurse who died of natural causes.", []),
        ("Two inmates died of pneumonia in police custody.", [(2, "killed")]),
        ("Tam Voss, a diver who won a medal, dies at 96", []),
        ("Tam Voss died at 3 a.m. on Monday.", [(1, "killed")]),
    ],
    ids=[
        "heart-attack",
        "cancer",
        "in-custody",
        "wounds",
        "old-age",
        "the-attack",
        "complications",
        "police-as-source",
        "police-custody",
        "dies-at-an-age",
        "dies-at-an-hour",
    ],
)
def test_a_death_of_illness_is_no_killing_outside_custody(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(low, category) for low, category, _ in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two cyclists were killed in a car crash on the ring road, police said.", []),
        ("Three porters died in a collision near the depot on Tuesday.", []),
        ("A clerk and a nurse died in crashes on the coast road last year.", []),
        ("A nurse was killed in a hunting accident in the hills.", [(1, "killed")]),
        ("The driver, 40, was killed in the crash after soldiers fired on the car.",
         [(1, "killed")]),
        ("Two inmates died in a crash while being moved by prison guards.", [(2, "killed")]),
        ("Two clerks were injured in that crash on the coast road.", []),
        ("Two clerks were injured in the raid on the depot.", [(2, "injured")]),
        ("A nurse was killed when she was struck by a car on the ring road.", []),
        ("Two porters were struck by gunfire near the depot.", [(2, WOUNDED)]),
    ],
    ids=["car-crash", "collision", "crashes", "hunting-accident", "fired-on", "in-custody",
         "hurt-in-a-crash", "hurt-in-a-raid", "struck-by-a-car", "struck-by-gunfire"],
)  # fmt: skip
def test_a_death_on_the_road_is_no_killing_unless_violence_or_custody(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert [(low, category) for low, category, _ in readings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Guards named the teenager fatally stabbed June 9 near Harbour Avenue.",
            [(1, "killed", "the teenager fatally stabbed")],
        ),
        (
            "Police charged a boy with manslaughter in Arven's death.",
            [(1, "killed", "Arven's death")],
        ),
        ("Kerevo's killing of protesters shocked the region.", []),
        ("Tam's little body was covered in bruises.", []),
    ],
    ids=["fatally-shot-after-the-noun", "surname-death", "agent-possessor", "living-body"],
)
def test_whose_death_a_noun_phrase_tells(text: str, expected: list[Reading]) -> None:
    assert readings(text) == expected
