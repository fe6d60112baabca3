"""Constructions of human-rights reporting, one test each, in sentences of our own about
fictional places (Valdoria, Orvane, Velisk, Halvorn): period tallies, detention, enforced
disappearance, torture, death sentences, displacement, tolls that point back to their noun,
and who says so."""

from __future__ import annotations

import pytest

from tolltrace.clean.document import clean_document
from tolltrace.extract.stage import extract_document
from tolltrace.model import Claim


def claims(text: str) -> list[Claim]:
    clean = clean_document(text, "text/plain", fields={"date": "2031-05-02"})
    return list(extract_document("doc", "doc", clean))


def reading(text: str) -> tuple[int | None, int | None, str, str]:
    found = claims(text)
    assert len(found) == 1, [(c.text, c.low, c.category) for c in found]
    claim = found[0]
    return claim.low, claim.high, claim.qualifier, claim.category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tally over a period
        ("Authorities in Valdoria executed at least 412 people in 2031.",
         (412, None, "at_least", "executed")),
        # detention without charge, locked up
        ("Some 58 activists have been held without charge since March.",
         (58, 58, "approximately", "detained")),
        ("Police locked up 300 students after the march.", (300, 300, "exact", "detained")),
        # enforced disappearance
        ("The whereabouts of 240 detainees remain unknown.", (240, 240, "exact", "disappeared")),
        ("An estimated 1,300 people remain unaccounted for after the raids.",
         (1300, 1300, "approximately", "disappeared")),
        # torture and corporal punishment
        ("Nineteen protesters were flogged in public.", (19, 19, "exact", "tortured")),
        ("Twelve prisoners were subjected to torture in Kestrel Prison.",
         (12, 12, "exact", "tortured")),
        # displacement
        ("More than 5,000 people were forced to flee their homes.",
         (5000, None, "more_than", "displaced")),
        ("Around 12,000 villagers were driven across the border into Orvane.",
         (12000, 12000, "approximately", "displaced")),
        # death sentences
        ("The court issued death sentences for 183 defendants.", (183, 183, "exact", "sentenced")),
        # a number that points back to its noun
        ("The monitor put the number of those detained at 4,100.",
         (4100, 4100, "exact", "detained")),
        ("The number of arrests exceeded 6,000 by Friday.", (6000, None, "more_than", "arrested")),
        ("Among those detained were 14 journalists.", (14, 14, "exact", "detained")),
        ("Among those executed were four juveniles.", (4, 4, "exact", "executed")),
        ("The toll included 11 children.", (11, 11, "exact", "killed")),
        ("Of those arrested, 800 are students.", (800, 800, "exact", "arrested")),
        # an estimate, not a hypothetical
        ("At least 25 people are believed to be dead.", (25, None, "at_least", "killed")),
        ("The death toll could be over 90.", (90, None, "more_than", "killed")),
    ],
)  # fmt: skip
def test_construction(text: str, expected: tuple[int | None, int | None, str, str]) -> None:
    assert reading(text) == expected


def test_a_headline_source_after_its_colon() -> None:
    (claim,) = claims("Arrests top 6,000 in Velisk: rights group")
    assert (claim.low, claim.qualifier, claim.category) == (6000, "more_than", "arrested")
    assert claim.attributed_to == "rights group"


def test_a_pronoun_resolves_to_the_organisation_named_before() -> None:
    text = (
        "The Valdorian Human Rights League said on Monday that soldiers had killed 31 "
        "protesters. It documented 212 arrests in the capital alone."
    )
    arrests = [c for c in claims(text) if c.category == "arrested"]
    assert [(c.low, c.attributed_to) for c in arrests] == [(212, "Valdorian Human Rights League")]


def test_the_speaker_of_a_quotation_over_unnamed_reports() -> None:
    text = (
        'Mira Solvek, the envoy, spoke in Halvorn. "Reports suggest that more than 2,000 '
        'people have been detained," she said.'
    )
    (claim,) = [c for c in claims(text) if c.category == "detained"]
    assert claim.attributed_to == "Mira Solvek, the envoy"


def test_a_toll_belongs_to_its_possessor() -> None:
    (claim,) = claims("The ministry repeated the government's toll of 23 dead.")
    assert (claim.low, claim.category, claim.attributed_to) == (23, "killed", "government")


def test_a_figure_of_places_is_no_claim() -> None:
    assert claims("The monitor visited 16 prisons across Velisk.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 40 people are missing.", (40, None, "at_least", "disappeared")),
        ("Forty people went missing in Velisk.", (40, 40, "exact", "disappeared")),
    ],
)
def test_missing_is_a_state_not_the_verb_miss(
    text: str, expected: tuple[int | None, int | None, str, str]
) -> None:
    assert reading(text) == expected


def test_citation_marks_end_sentences_and_stay_out_of_them() -> None:
    text = "Unrest began in Sarenna.[3] Police detained 40 people.[4]At least 12 were injured."
    found = [(c.text, c.low, c.category) for c in claims(text)]
    assert found == [
        ("detained 40 people", 40, "detained"),
        ("At least 12 were injured", 12, "injured"),
    ]


def test_an_infobox_of_casualties() -> None:
    text = "Casualties\n300+ injured[12]\n6+ dead[13][14]\n2,400+ arrested[15]\n40 missing[16]\n"
    found = [(c.low, c.qualifier, c.category) for c in claims(text)]
    assert found == [
        (300, "at_least", "injured"),
        (6, "at_least", "killed"),
        (2400, "at_least", "arrested"),
        (40, "exact", "disappeared"),
    ]


def test_people_never_seen_again_disappeared() -> None:
    assert reading("Dozens of the detained were never seen again.") == (
        24, None, "vague", "disappeared"
    )  # fmt: skip


def test_a_clause_after_a_semicolon_does_not_attribute_the_one_before() -> None:
    text = "The Monitor says at least 14 men remain on death row; the court acknowledges three."
    (claim,) = [c for c in claims(text) if c.low == 14]
    assert claim.attributed_to == "Monitor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty-nine people were executed last year, compared with 17 in 2030.",
         [(29, "executed"), (17, "executed")]),
        ("More than 1,200 people have been subjected to enforced disappearance since 2029.",
         [(1200, "disappeared")]),
        ("Some 3,000 families were evicted from the district.", [(3000, "displaced")]),
        ("At least 60 people lost their lives in the crackdown.", [(60, "killed")]),
        ("An estimated 10,000 people are held in camps in the east.", [(10000, "detained")]),
        ("More than 80 journalists remain behind bars.", [(80, "imprisoned")]),
        ("The rapporteur received reports that 15 activists had been flogged.",
         [(15, "tortured")]),
    ],
)  # fmt: skip
def test_more_constructions(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(c.low, c.category) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Killed: 45", [(45, "killed")]),
        ("Officers neutralised 12 militants during the operation.", [(12, "killed")]),
        ("More than 100,000 people are registered as missing in Velisk.",
         [(100000, "disappeared")]),
        ("Total detentions: 6,120", [(6120, "detained")]),
        ("Executions (2031): 412", [(412, "executed")]),
        ("Nearly 2,000 homes were destroyed, leaving 10,000 people homeless.",
         [(10000, "displaced")]),
        ("Sunday's crackdown killed 18 people, the Valdorian Health Ministry announced on Monday.",
         [(18, "killed")]),
    ],
)  # fmt: skip
def test_labels_and_key_figures(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(c.low, c.category) for c in claims(text)] == expected


def test_a_closing_attribution_hung_on_the_noun() -> None:
    text = "Sunday's crackdown killed 18 people, the Valdorian Health Ministry announced on Monday."
    assert [c.attributed_to for c in claims(text)] == ["Valdorian Health Ministry"]


def test_a_label_with_a_sentence_after_its_figure_is_no_label() -> None:
    assert claims("Update: 45 schools reopened in Velisk on Monday.") == []


def test_the_lives_of_people_are_a_toll_only_when_taken() -> None:
    assert [(c.low, c.category) for c in claims("The fire cost the lives of 12 workers.")] == [
        (12, "killed")
    ]
    assert claims("The war left its mark on the lives of at least 5,000 families.") == []


def test_a_partitive_put_first_leaves_the_count_its_own_predicate() -> None:
    text = "Of those sentenced, 153 are in detention and the rest are on the run."
    assert [(c.low, c.category) for c in claims(text)] == [(153, "detained")]


def test_numbers_in_scraped_script_data_are_no_counts() -> None:
    assert claims('[{"id":"1548762","sort":"3183717","pic":"/img/killed.jpg"}]') == []


def test_at_least_one_per_family_is_no_total() -> None:
    assert claims("Almost every family in Dunmarra has at least one person who was killed.") == []
    assert claims("In nine of ten households at least one relative is still missing.") == []
    assert [c.low for c in claims("At least one person was killed in the blast.")] == [1]


def test_one_figure_read_twice_is_one_claim() -> None:
    text = "Soldiers beat a protester in Sarenna on Tuesday night © Wire Photo"
    assert [(c.low, c.category) for c in claims(text)] == [(1, "victims")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Activists say 70 people were killed; the government says 12.",
         [(70, "killed", "Activists"), (12, "killed", "government")]),
        ("The ministry said 700 people were detained. Activists put the figure at more than 2,000.",
         [(700, "detained", "ministry"), (2000, "detained", "Activists")]),
        ("The ministry said 40,000 people had fled to Orvane, up from 31,000 in April.",
         [(40000, "displaced", "ministry"), (31000, "displaced", "ministry")]),
    ],
)  # fmt: skip
def test_a_figure_that_points_back_takes_the_count_before_it(
    text: str, expected: list[tuple[int, str, str]]
) -> None:
    assert [(c.low, c.category, c.attributed_to) for c in claims(text)] == expected


def test_a_figure_pointing_back_to_nothing_is_no_claim() -> None:
    assert claims("The government says 12.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of political prisoners is estimated at 60,000.", [(60000, "imprisoned")]),
        ("The regime gassed 5,000 villagers to death in a single day.", [(5000, "killed")]),
        ("Forty-three students went missing in 2029.", [(43, "disappeared")]),
        ("Eyewitnesses put the number of dead in the hundreds.", [(200, "killed")]),
        ("Unofficial estimates put the death toll between 400 and 1,500.", [(400, "killed")]),
        ("The authorities put to death at least 19 people in March.", [(19, "executed")]),
    ],
)  # fmt: skip
def test_tolls_estimated_and_put(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(c.low, c.category) for c in claims(text)] == expected


def test_a_share_and_its_count_in_brackets_take_the_count_before() -> None:
    text = "Of the missing, 74% (7,400) are men and 26% (2,600) are women."
    assert [(c.low, c.category) for c in claims(text)] == [
        (7400, "disappeared"),
        (2600, "disappeared"),
    ]


def test_the_cells_of_a_table_row_are_read_apart() -> None:
    text = "Killed 45 | Injured 120 | Arrested 900"
    assert [(c.low, c.category) for c in claims(text)] == [
        (45, "killed"),
        (120, "injured"),
        (900, "arrested"),
    ]


def test_what_a_raising_verb_hands_its_subject() -> None:
    (claim,) = claims("At least 12 of the detainees have reported being tortured.")
    assert (claim.low, claim.category) == (12, "tortured")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Data from the Velisk Documentation Centre show 2,300 arrests since March.",
         "Velisk Documentation Centre"),
        ("The 120 deaths cited by the monitor could not be verified.", "monitor"),
        ("A report by the UN special rapporteur found 1,300 cases of enforced disappearance.",
         "UN special rapporteur"),
        ("Villagers found the bodies of 38 people in a ravine.", None),
        ("The Orvane Watch tally stands at 412 executions.", "Orvane Watch"),
    ],
)  # fmt: skip
def test_documents_and_findings_name_their_source(text: str, source: str | None) -> None:
    assert [c.attributed_to for c in claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part set apart by "among them", "including", "of these", "the list includes"
        ("Soldiers killed 40 villagers in Orvane, among them six children.",
         [(40, "killed"), (6, "killed")]),
        ("The monitor recorded 1,312 disappearances since 2029. Of these, 1,104 are men.",
         [(1312, "disappeared"), (1104, "disappeared")]),
        ("Police detained 310 people in Velisk. Among them were 14 journalists.",
         [(310, "detained"), (14, "detained")]),
        ("Halvorn's courts sentenced 95 people to death; the list includes nine women.",
         [(95, "sentenced"), (9, "sentenced")]),
        # a part of what is no count of people is no claim
        ("The inspectors visited 40 villages, among them six towns.", []),
        # no count before it: nothing to be a part of
        ("Among them were 14 journalists.", []),
    ],
)  # fmt: skip
def test_a_part_counts_what_its_whole_counts(
    text: str, expected: list[tuple[int | None, str]]
) -> None:
    assert [(c.low, c.category) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people who tell what was done to them
        ("At least 40 former detainees told the monitor that they had been subjected to torture.",
         (40, None, "at_least", "tortured")),
        ("Thirty residents of Orvane said they were forced to flee.",
         (30, 30, "exact", "displaced")),
        # a relative clause that states what the people are in
        ("The commission registered 1,312 people whose whereabouts remain unknown.",
         (1312, 1312, "exact", "disappeared")),
        ("Velisk Rights Watch documented 96 villagers who are missing.",
         (96, 96, "exact", "disappeared")),
        # the state an object is recorded in
        ("The society listed 214 people as forcibly disappeared.",
         (214, 214, "exact", "disappeared")),
    ],
)  # fmt: skip
def test_what_befell_the_counted_in_a_clause_of_their_own(
    text: str, expected: tuple[int | None, int | None, str, str]
) -> None:
    assert reading(text) == expected


def test_people_who_tell_of_their_own_harm_are_no_source_of_their_number() -> None:
    (claim,) = claims("Sixteen detainees said they were tortured in Halvorn Prison.")
    assert (claim.low, claim.category, claim.attributed_to) == (16, "tortured", None)


def test_witnesses_who_saw_a_shooting_are_no_count_of_harm() -> None:
    assert claims("Twelve witnesses said they saw soldiers fire at the crowd.") == []


def test_the_group_named_before_is_the_source_not_the_word_group() -> None:
    text = (
        "Aurora Rights Network said on Monday, with the Lantern Coalition, that soldiers had "
        "killed 31 people. The organisation documented 212 arrests in Velisk. It found that "
        "at least 29 detainees were tortured."
    )
    sources = [(c.low, c.attributed_to, c.attributed_as) for c in claims(text)]
    assert sources == [
        (31, "Aurora Rights Network", None),
        (212, "Aurora Rights Network", "organisation"),
        (29, "Aurora Rights Network", "It"),
    ]


def test_a_description_names_the_body_that_holds_its_noun() -> None:
    text = (
        "The Orvane Centre for Human Rights has counted 870 cases. According to the centre, "
        "120 people remain in detention."
    )
    (claim,) = [c for c in claims(text) if c.low == 120]
    assert claim.attributed_to == "Orvane Centre for Human Rights"


def test_a_description_with_no_body_named_before_stays_as_written() -> None:
    (claim,) = claims("The group said 300 people were arrested in Velisk.")
    assert claim.attributed_to == "group"


def test_one_person_among_a_count_is_no_figure_of_one() -> None:
    found = claims("Oren Vask was one of at least 312 people executed in Castreva in 2031.")
    assert [(c.low, c.qualifier, c.category) for c in found] == [(312, "at_least", "executed")]


def test_as_high_as_is_an_upper_bound() -> None:
    assert reading("The monitor said the toll could be as high as 300.") == (
        None, 300, "at_most", "killed"
    )  # fmt: skip
