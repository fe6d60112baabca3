"""Counts in one sentence (tolltrace.extract.numbers): forms, qualifiers, and what is no count.

Every sentence is invented, about the fictional Republic of Veloria (capital Sarenna, currency
the drava).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.extract.numbers import _longest, counted_noun, find_counts
from tolltrace.model import QUALIFIERS, Count


def counts(sentence: str) -> list[tuple[str, int | None, int | None, str]]:
    found = find_counts(sentence)
    for count in found:
        assert sentence[count.start : count.end] == count.text
    return [(c.text, c.low, c.high, c.qualifier) for c in found]


def only(sentence: str) -> tuple[str, int | None, int | None, str]:
    found = counts(sentence)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------------ forms of numbers


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Police in Sarenna detained 1,500 students.", "1,500", 1500),
        ("The army held 12,000 villagers in the stadium.", "12,000", 12000),
        ("Observers counted 1 500 marchers on the bridge.", "1 500", 1500),
        ("Officials admitted that 1.500 demonstrators were held.", "1.500", 1500),
        ("The ministry listed 2,350,000 displaced residents.", "2,350,000", 2350000),
        ("Some reports said 33.7k protesters were in the square.", "33.7k", 33700),
        ("The war displaced 1.5 million Velorians.", "1.5 million", 1500000),
        ("The floods left 2.3m people without shelter.", "2.3m", 2300000),
        ("Rebels freed 12 thousand prisoners.", "12 thousand", 12000),
        ("The census found 4 hundred million voters.", "4 hundred million", 400000000),
        ("A court in Sarenna tried twenty-three activists.", "twenty-three", 23),
        ("Guards beat thirty-three-thousand seven-hundred inmates.", None, 33700),
        ("The rally drew one hundred and fifty nurses.", "one hundred and fifty", 150),
        ("Gunmen seized a hundred passengers.", "a hundred", 100),
        ("Police arrested a dozen journalists.", "a dozen", 12),
        ("Soldiers shot half a dozen farmers.", "half a dozen", 6),
        ("Two prisoners were hanged at dawn.", "Two", 2),
        ("The blast wounded seven children.", "seven", 7),
    ],
)
def test_exact_numbers(sentence: str, text: str | None, value: int) -> None:
    found_text, low, high, qualifier = only(sentence)
    assert (low, high, qualifier) == (value, value, "exact")
    if text is not None:
        assert found_text == text


def test_a_restatement_in_parentheses_is_one_count() -> None:
    sentence = (
        "In Sarenna over 33,700 (thirty-three-thousand seven-hundred) prisoners were executed."
    )
    assert counts(sentence) == [
        ("over 33,700 (thirty-three-thousand seven-hundred)", 33700, None, "more_than")
    ]
    assert counts("Guards killed thirty (30) detainees.") == [("thirty (30)", 30, 30, "exact")]


# -------------------------------------------------------------------------- vague magnitudes


@pytest.mark.parametrize(
    ("sentence", "text", "low"),
    [
        ("Dozens of mourners were beaten in Sarenna.", "Dozens", 24),
        ("Scores of students were injured.", "Scores", 40),
        ("Scores were arrested after the vigil.", "Scores", 40),
        ("Hundreds fled across the border.", "Hundreds", 200),
        ("Thousands of Velorians marched.", "Thousands", 2000),
        ("Millions of voters stayed home.", "Millions", 2000000),
        ("Tens of thousands of workers went on strike.", "Tens of thousands", 20000),
        ("Hundreds of thousands of people were displaced.", "Hundreds of thousands", 200000),
        ("Tens of millions of citizens lost their savings.", "Tens of millions", 20000000),
        ("Police held several dozen lawyers.", "several dozen", 36),
        ("Police held a few dozen lawyers.", "a few dozen", 24),
        ("The militia burned several hundred homes.", "several hundred", 300),
        ("A few thousand pilgrims were stranded.", "A few thousand", 2000),
        ("Many thousands signed the petition.", "Many thousands", 2000),
        ("Several tens of thousands rallied in Sarenna.", "Several tens of thousands", 30000),
        ("Only a handful of reporters remained.", "a handful", 3),
        ("Tens of families were evicted.", "Tens", 20),
    ],
)
def test_vague_magnitudes(sentence: str, text: str, low: int) -> None:
    assert only(sentence) == (text, low, None, "vague")


def test_a_couple_is_about_two() -> None:
    assert only("A couple of guards were disarmed.") == ("A couple", 2, 2, "approximately")


def test_vague_counts_keep_their_qualifier_words() -> None:
    assert only("At least dozens of people were wounded.") == (
        "At least dozens",
        24,
        None,
        "vague",
    )


# ------------------------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("Between 200 and 300 students were arrested.", "Between 200 and 300", 200, 300),
        ("Troops detained 200 to 300 villagers.", "200 to 300", 200, 300),
        ("The clashes left 1,000-1,500 wounded.", "1,000-1,500", 1000, 1500),
        ("Witnesses saw 200–300 bodies.", "200–300", 200, 300),
        ("From 40 to 60 prisoners went missing.", "From 40 to 60", 40, 60),
        ("Two or three guards were injured.", "Two or three", 2, 3),
        ("Between 1 and 1.5 million people fled.", "Between 1 and 1.5 million", 1000000, 1500000),
        ("Officials say two to three thousand were held.", "two to three thousand", 2000, 3000),
        ("Some 1000 to 2000 protesters gathered.", "Some 1000 to 2000", 1000, 2000),
    ],
)
def test_ranges(sentence: str, text: str, low: int, high: int) -> None:
    assert only(sentence) == (text, low, high, "range")


def test_a_change_is_two_counts_not_a_range() -> None:
    assert counts("The toll rose from 200 to 300 overnight.") == [
        ("200", 200, 200, "exact"),
        ("300", 300, 300, "exact"),
    ]


# -------------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [
        ("at least", "at_least"),
        ("At least", "at_least"),
        ("no fewer than", "at_least"),
        ("no less than", "at_least"),
        ("a minimum of", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("well over", "more_than"),
        ("upwards of", "more_than"),
        ("in excess of", "more_than"),
        ("above", "more_than"),
        ("exceeding", "more_than"),
        ("up to", "at_most"),
        ("at most", "at_most"),
        ("as many as", "at_most"),
        ("no more than", "at_most"),
        ("fewer than", "less_than"),
        ("less than", "less_than"),
        ("under", "less_than"),
        ("below", "less_than"),
        ("about", "approximately"),
        ("around", "approximately"),
        ("approximately", "approximately"),
        ("roughly", "approximately"),
        ("some", "approximately"),
        ("an estimated", "approximately"),
        ("estimated", "approximately"),
        ("nearly", "approximately"),
        ("almost", "approximately"),
        ("close to", "approximately"),
        ("circa", "approximately"),
    ],
)
def test_qualifiers_before(words: str, qualifier: str) -> None:
    sentence = f"The commission said {words} 1,200 prisoners were killed in Sarenna."
    text, low, high, found = only(sentence)
    assert text == f"{words} 1,200"
    assert found == qualifier
    if qualifier in ("at_least", "more_than"):
        assert (low, high) == (1200, None)
    elif qualifier in ("at_most", "less_than"):
        assert (low, high) == (None, 1200)
    else:
        assert (low, high) == (1200, 1200)


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("The camp held ~800 detainees.", "~800", "approximately"),
        ("The camp held 800 or so detainees.", "800 or so", "approximately"),
        ("The camp held 800-odd detainees.", "800-odd", "approximately"),
        ("The camp held 800 or more detainees.", "800 or more", "at_least"),
        ("The camp held 800+ detainees.", "800+", "at_least"),
        ("The camp held 800 or fewer detainees.", "800 or fewer", "at_most"),
    ],
)
def test_qualifiers_after(sentence: str, text: str, qualifier: str) -> None:
    found_text, _, _, found = only(sentence)
    assert (found_text, found) == (text, qualifier)


def test_qualified_word_numbers() -> None:
    assert counts("More than a dozen and nearly a thousand were held.") == [
        ("More than a dozen", 12, None, "more_than"),
        ("nearly a thousand", 1000, 1000, "approximately"),
    ]


def test_a_count_then_a_qualified_count_do_not_share_words() -> None:
    assert counts("Guards beat 300 or more than 400 inmates.") == [
        ("300", 300, 300, "exact"),
        ("more than 400", 400, None, "more_than"),
    ]


# ------------------------------------------------------------------------------ "one", "a"


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("One person was killed in Sarenna.", "One", "exact"),
        ("Police shot one of the protesters.", "one", "exact"),
        ("At least one journalist is missing.", "At least one", "at_least"),
        ("Only one child survived the raid.", "one", "exact"),
        ("One or two guards fled.", "One or two", "range"),
    ],
)
def test_one_when_it_counts(sentence: str, text: str, qualifier: str) -> None:
    found_text, low, _, found = only(sentence)
    assert (found_text, found) == (text, qualifier)
    assert low == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "One day the police came to Sarenna.",
        "No one was hurt in the fire.",
        "She is the one who spoke first.",
        "A man was arrested in Sarenna.",
        "Every one of them denied it.",
        "A baker's dozen of rolls sat on the table.",
    ],
)
def test_one_and_a_as_determiners_are_no_counts(sentence: str) -> None:
    assert counts(sentence) == []


# ------------------------------------------------------------------------------ not counts


@pytest.mark.parametrize(
    "sentence",
    [
        # years and decades
        "The massacre of 1988 is remembered in Sarenna.",
        "In 2019 protests spread to the north.",
        "Between 2014 and 2017 the camp stayed closed.",
        "The crackdown of the 1980s was worse.",
        "Survivors of the '88 purge spoke.",
        # dates and times
        "He was executed on June 1 in Sarenna.",
        "The vigil on November 17 was dispersed.",
        "Between November 15 and 19, 2019 the internet was cut.",
        "She was born on 1 September 1970.",
        "The decree dated 2019-09-01 was published.",
        "The curfew began at 11:30 p.m.",
        "The raid started at 9 a.m. on Friday.",
        # ages
        "A 13-year-old boy was shot.",
        "A man aged 24 was detained.",
        "Arin Tolvek, 24, was detained.",
        "The victim, who was 10, died.",
        # ordinals and fractions
        "This week marked the 26th anniversary.",
        "The third trial opened.",
        "Two-thirds of the detainees were released.",
        "One in five prisoners fell ill.",
        "The twenty-first session opened.",
        # money and percentages
        "The fine was $5 million.",
        "Officials embezzled 1.2 billion dravas.",
        "The ministry paid 300 dravas per family.",
        "The budget rose to 10.5 million Australian dollars.",
        "A bail of 2,000 was set.",
        "The state spent USD 3 million on the camp.",
        "Turnout fell to 45%.",
        "Support fell by 12 percent.",
        "Support fell by 12 per cent.",
        # page furniture, phones, identifiers
        "Ad 728 x 90",
        "Call 555-123-4567 for help.",
        "Call +44 20 7946 0958 for help.",
        "He was tried at Branch 41 of the court.",
        "He was charged under Article 186 of the penal code.",
        "The order No. 4417 was signed.",
        "They drove along Route 9 to Sarenna.",
        "Flight 17 was diverted.",
        "He was held in Ward 350 of Kestrel Prison.",
        "The S&P 500 fell sharply.",
        "Flight MH17 was diverted.",
        "Phones with 5G were seized.",
        "The new 787 Dreamliner landed.",
        "The office is at 575 Harrow Road.",
        "The shooting happened in the 5500 block of Main Street.",
        "The Group of Seven condemned the arrests.",
        "Sky 7 footage showed the burned van.",
        "Sex: M Age: 27 Status: detained",
        "The volunteers joined the Kestrel Archive: Harbour 12 witness project.",
        # durations and measurements
        "He was sentenced to five years in prison.",
        "The siege lasted three months.",
        "They were held for 48 hours.",
        "She received a five-year term.",
        "The march covered 30 km.",
        "Refugees walked 120 miles.",
        "Each sack weighed 50 kg.",
        "It was 40 degrees in the cells.",
        "He was hit three times.",
        "The sentences were of five, two and one years in prison.",
        # scores and decimals
        "Sarenna beat Kestrel 2-1 on Sunday.",
        "The index rose 3.7 points.",
        "He averaged 7.3 rebounds.",
        "The prison held 30 inmates a day.",
    ],
)
def test_not_counts(sentence: str) -> None:
    assert counts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Three men, ages 17, 19 and 20, were shot.",
        "It happened around 11 this morning in Sarenna.",
        "The 2 1/2 year-old was unhurt.",
        "Call 1-866-555-0199 with information.",
        "KESTREL, Sarenna (VTV 18) The curfew was lifted.",
        "He lived on Harbour Road 35 years ago.",
    ],
)
def test_regressions_seen_in_news_pages(sentence: str) -> None:
    assert [c for c in counts(sentence) if c[0] != "Three"] == []


def test_a_qualified_count_before_capitalised_words_is_a_count() -> None:
    assert counts("Troops recovered at least 13 Kestrel Front fighters.") == [
        ("at least 13", 13, None, "at_least")
    ]


def test_identifiers_and_counts_in_one_sentence() -> None:
    sentence = "Branch 41 sentenced 12 activists on June 1, 2020, under Article 186."
    assert counts(sentence) == [("12", 12, 12, "exact")]


def test_a_place_name_before_a_count_is_no_identifier() -> None:
    assert counts("In Sarenna 300 protesters gathered.") == [("300", 300, 300, "exact")]
    assert counts("In Sarenna 1,500 gathered.") == [("1,500", 1500, 1500, "exact")]


def test_a_quantifier_opening_a_sentence_is_no_name() -> None:
    assert counts("All three guard were taken to Kerevo General.") == [("three", 3, 3, "exact")]
    assert counts("Only 12 remain in custody.") == [("12", 12, 12, "exact")]


@pytest.mark.parametrize(
    "sentence",
    [
        "KEREVO, Valdoria (VNA) -- Two people were injured in a robbery.",
        "KEREVO -- Two people were injured in a robbery.",
        "KEREVO—Two people were injured in a robbery.",
    ],
)
def test_a_word_number_opening_a_sentence_after_a_dateline_is_a_count(sentence: str) -> None:
    assert counts(sentence) == [("Two", 2, 2, "exact")]


def test_a_year_followed_by_people_is_a_count() -> None:
    assert counts("More than 2000 people died.") == [("More than 2000", 2000, None, "more_than")]
    assert counts("Police held 2000 demonstrators.") == [("2000", 2000, 2000, "exact")]
    assert counts("The 2019 protests left 304 dead.") == [("304", 304, 304, "exact")]


def test_counts_of_things_are_returned() -> None:
    sentence = "The regime closed 60 bank branches and issued 320 publications in dozens of cities."
    found = find_counts(sentence)
    assert [c.low for c in found] == [60, 320, 24]
    assert [counted_noun(sentence, c) for c in found] == [
        "bank branches",
        "publications",
        "cities",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The storm flattened 3,000 homes in Kestrel.", [("3,000", 3000, 3000, "exact")]),
        ("Rioters burned two dozen buses in Sarenna.", [("two dozen", 24, 24, "exact")]),
        ("The depot lost a dozen trucks.", [("a dozen", 12, 12, "exact")]),
        ("Hundreds of thousands of Velorians marched.",
         [("Hundreds of thousands", 200000, None, "vague")]),
        ("The floods displaced 1.2 million people.",
         [("1.2 million", 1200000, 1200000, "exact")]),
        ("Six of the 10 victims were nurses.",
         [("Six", 6, 6, "exact"), ("10", 10, 10, "exact")]),
        ("The ministry offered one solution to the drava crisis.", [("one", 1, 1, "exact")]),
        ("The drava index fell 2 points and the top three banks lost 40 branches.",
         [("three", 3, 3, "exact"), ("40", 40, 40, "exact")]),
        ("Rescuers found 200 to-300 survivors.", [("200 to-300", 200, 300, "range")]),
        ("The death toll rose by 5 to 30 on Sunday.", [("30", 30, 30, "exact")]),
        ("Union membership rose by 300 nurses.", [("300", 300, 300, "exact")]),
        ("Police detained 3 UN observers.", [("3", 3, 3, "exact")]),
        ("Arin Tolvek, who was one of the prisoners, spoke.", [("one", 1, 1, "exact")]),
    ],
)  # fmt: skip
def test_counts_of_people_and_things_as_english_writes_them(
    sentence: str, expected: list[tuple[str, int | None, int | None, str]]
) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # "one" as a pronoun, or before a measure
        "It happened at one point in the trial.",
        "The factions blamed one another.",
        "One must ask why the camp stayed open.",
        # ages after a pronoun
        "She will be 35 by the end of the trial.",
        "He was 12 when the war began.",
        # places in a table, stock indices
        "Sarenna slipped into the bottom three after the loss.",
        "The FTSE 100 and the Nikkei 225 fell while the nasdaq 100 rose.",
        "The firm joined the Fortune 500 in Veloria.",
        # prices, changes, symbols of units
        "The sedan is 25k cheaper than its Kestrel rival.",
        "The drava index rose by 2 percent and the bond index decreased by 1.",
        "The census archive holds 40 billion b.",
        "A bus ticket in Sarenna costs 18 D.",
        "The skull lay in a 120,000 to-150,000 year-old layer.",
    ],
)
def test_more_things_that_are_no_counts(sentence: str) -> None:
    assert counts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ages in lists and appositions: the count of people stays, the ages go
        ("Three other men, ages 19, 23, and 31, were wounded.", ["Three"]),
        ("Police found two men - aged 20, 21, and 25 - with wounds.", ["two"]),
        ("Deputies charged him in the deaths of Mira Olsen, 24 and Tam Olsen, 23.", []),
        ("Officers said Arin Tolvek, 32 of Kerevo, was killed in the bar.", []),
        ("Lena Voss (right), 41, and her son were also killed.", []),
        ("He was charged in the death of Davin Roe, also 18.", []),
        ("A 19-year-old man was shot; another man, also 19, was shot in the arm.", []),
        ("The other, 27, is in critical condition at Kerevo General.", []),
        ("The victims, a male, 16, were taken to hospital.", []),
        ("Police say a 25 y/o man and a 31 yrs old woman were shot.", []),
        ("Kerevo mourned the death of a 6-yo and a 9 yo on Harbour Street.", []),
        ("31, were also injured.", []),
        ("Two men, one 18 and the other 26, suffered gunshot wounds.", ["Two"]),
        # as many numbers as people just counted, though a verb follows the list
        ("Two women, 27 and 35 were hurt on Harbour Street.", ["Two"]),
        ("Three women, 21, 32 and 49 were hurt on Harbour Street.", ["Three"]),
        ("Police detained two men, 27 and 35 others were questioned.", ["two", "27", "35"]),
        ("Three men were hit - one 33 years old, another 61 - and taken to hospital.", ["Three"]),
        ("Another 52 were injured.", ["52"]),
        ("The first 30 were freed; another 12, police said, were injured.", ["30", "12"]),
        ("Ana Ruiz, 79 (a retired nurse), was killed in the hallway.", []),
        ("In Kerevo, 24 (12 of them children) were killed.", ["24", "12"]),
        # counts that look like ages but are not in apposition to a person
        ("In Kerevo, 24 were killed and 30 injured.", ["24", "30"]),
        ("On Sunday, 14 people were killed.", ["14"]),
        # numbers that name: emergency calls, channels, postal codes, gallery counters, links
        ("Officers answering a 911 call found the man dead.", []),
        ("Witnesses told KVTV 9 News that shots rang out.", []),
        ("Kerevo High School, 12 North Road, Kerevo, TX 79999", []),
        ("Image 3 of 12 Police at the scene", []),
        ("Slide 1 / 12 Back to gallery", []),
        ("Read more at news.example/story/2 \xad203117/", []),
    ],
)
def test_ages_and_names_among_counts(sentence: str, expected: list[str]) -> None:
    assert [c[0] for c in counts(sentence)] == expected


def test_headlines_are_not_read_as_names() -> None:
    assert counts("Police Arrest 300 Protesters In Sarenna After Friday Prayers") == [
        ("300", 300, 300, "exact")
    ]


# ----------------------------------------------------------------------------- counted noun


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Troops executed 300 political prisoners.", "political prisoners"),
        ("Police detained 1,500 people.", "people"),
        ("Rebels named 320 of the victims.", "victims"),
        ("At least 4,000 others were injured.", "others"),
        ("Police shot one of them.", "them"),
        ("A three-member commission decided.", "member"),
        ("A 300-strong crowd gathered.", "crowd"),
        ("Dozens more detainees were moved.", "detainees"),
        ("Gunmen killed two police officers.", "police officers"),
        ("A 12-page report listed 300 Kurdish activists.", "page"),
        ("One person was killed.", "person"),
        ("Officials said 1,000 killed and 4,000 injured.", None),
        ("Guards said dozens were arrested.", None),
        ("The toll reached 304.", None),
    ],
)
def test_counted_noun(sentence: str, noun: str | None) -> None:
    first = find_counts(sentence)[0]
    assert counted_noun(sentence, first) == noun


# ---------------------------------------------------------------------------- overlaps, speed


def test_overlapping_counts_keep_the_longest() -> None:
    short = Count(300, 300, "exact", "300", 10, 13)
    long = Count(300, None, "more_than", "more than 300", 0, 13)
    later = Count(5, 5, "exact", "5", 20, 21)
    assert _longest([short, later, long]) == (long, later)


def test_no_number_costs_nothing_and_finds_nothing() -> None:
    assert find_counts("The police closed the square and the crowd dispersed.") == ()
    assert find_counts("") == ()


def test_a_sentence_of_five_thousand_words_is_fast() -> None:
    words = " ".join(f"{n} prisoners and" for n in range(1, 1700))
    began = time.perf_counter()
    found = find_counts(words)
    assert time.perf_counter() - began < 5
    assert len(found) > 1000


# ---------------------------------------------------------------------------- any input

_TOKENS = [
    "1,500", "300", "2019", "1988", "33.7k", "1.5", "million", "thousand", "hundred", "a",
    "dozen", "dozens", "of", "people", "prisoners", "more", "than", "at", "least", "between",
    "and", "to", "-", "–", "(", ")", "$", "%", "years", "June", "one", "two", "twenty-three",
    "Branch", "No.", "x", "728", "90", ",", ".", "over", "some", "or", "so", "+", "tens",
    "several", "handful", "scores", "killed", "'", "’s", "\u00a0", "0", "00", "-19",
]  # fmt: skip


def _check(sentence: str) -> None:
    found = find_counts(sentence)
    previous_end = 0
    for count in found:
        assert 0 <= count.start < count.end <= len(sentence)
        assert sentence[count.start : count.end] == count.text
        assert count.start >= previous_end  # sorted, never overlapping
        previous_end = count.end
        assert count.qualifier in QUALIFIERS
        if count.qualifier == "range":
            assert count.low is not None and count.high is not None and count.low < count.high
        elif count.qualifier in ("vague", "at_least", "more_than"):
            assert count.low is not None and count.high is None
        elif count.qualifier in ("at_most", "less_than"):
            assert count.low is None and count.high is not None
        else:
            assert count.low == count.high and count.low is not None
        counted_noun(sentence, count)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_text_is_safe(sentence: str) -> None:
    _check(sentence)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map(" ".join))
def test_any_mix_of_number_words_is_safe(sentence: str) -> None:
    _check(sentence)


def test_counts_are_remembered_and_cannot_be_changed() -> None:
    """`find_counts` is cached (the stage asks twice per sentence): the same sentence gives
    the same, immutable, result."""
    sentence = "Guards in Sarenna detained 40 students and 3 teachers."
    first = find_counts(sentence)
    assert find_counts(sentence) is first
    assert isinstance(first, tuple)
    assert [c.low for c in first] == [40, 3]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("their number passed 6,7 thousand people", 6700),  # a continental decimal comma
        ("about 1,5 million people fled", 1_500_000),
        ("some 6,700 people", 6700),  # a thousands mark, as before
    ],
)
def test_a_decimal_comma_before_a_scale_word(text: str, value: int) -> None:
    (count,) = find_counts(text)
    assert count.low == value
