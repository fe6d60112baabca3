"""The plain-text cleaner: furniture out, wraps joined, duplicates dropped, offsets exact.

Every input is invented: reports from the fictional Republic of Ostria and its city Kessel.
"""

from __future__ import annotations

import re
import textwrap
import time
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.clean.normalize import QUOTES, normalize, normalize_into
from tolltrace.clean.offsets import TextBuilder
from tolltrace.clean.text import PlainClean, clean_plain, furniture_kind

WORD = re.compile(r"\w+")
BREAKS = "\r\n\f\v\u2028\u2029"
SPACE_LIKE = " \t\u00a0\u1680\u202f\u205f\u3000\ufeff" + "".join(map(chr, range(0x2000, 0x200C)))

OPENING = "Ostrian police detained 200 students in Kessel on Monday, a rights group said."
CLOSING = "The interior ministry has not commented on the arrests."


def page(*lines: str) -> str:
    """A scrape with one body paragraph before and after the lines under test."""
    return "\n\n".join([OPENING, *lines, CLOSING]) + "\n"


def paragraphs(result: PlainClean) -> list[str]:
    return result.text.split("\n\n") if result.text else []


def reasons(result: PlainClean) -> list[str]:
    return [removed.reason for removed in result.removed]


def assert_maps_exactly(raw: str, result: PlainClean) -> None:
    """Every clean character stands for the raw character it points at."""
    for index, char in enumerate(result.text):
        source = raw[result.offsets.to_raw(index)]
        if char in " \n":
            assert source in SPACE_LIKE or source in BREAKS, (index, char, source)
        else:
            assert source.translate(QUOTES) == char, (index, char, source)


def kept_words(raw: str, result: PlainClean) -> Counter[str]:
    """The words of every raw line the cleaner did not remove."""
    spans = [(removed.raw_start, removed.raw_end) for removed in result.removed]
    words: Counter[str] = Counter()
    for line in re.finditer(r"[^\r\n\f\v\u2028\u2029]+", raw):
        if not any(start < line.end() and end > line.start() for start, end in spans):
            words.update(WORD.findall(normalize(line.group())))
    return words


# --- furniture lines -------------------------------------------------------------------------

FURNITURE = [
    ("728 x 90", "boilerplate:ad-size"),
    ("300x250", "boilerplate:ad-size"),
    ("Advertisement", "boilerplate:advertisement"),
    ("- ADVERTISEMENT -", "boilerplate:advertisement"),
    ("Back to top", "boilerplate:back-to-top"),
    ("Back to top button", "boilerplate:back-to-top"),
    ("Leave a Reply", "boilerplate:comments"),
    ("Leave a Reply Cancel reply", "boilerplate:comments"),
    ("Your email address will not be published.", "boilerplate:comments"),
    ("Required fields are marked *", "boilerplate:comments"),
    ("Post Comment", "boilerplate:comments"),
    ("Website", "boilerplate:comments"),
    ("7 Comments", "boilerplate:comments"),
    ("Comments are closed.", "boilerplate:comments"),
    ("Share this:", "boilerplate:share"),
    ("Share on Facebook", "boilerplate:share"),
    ("Tweet", "boilerplate:share"),
    ("WhatsApp", "boilerplate:share"),
    ("Print", "boilerplate:share"),
    ("Facebook Twitter WhatsApp Telegram Email Print", "boilerplate:share"),
    ("Share:  Post  |  Message  |  Email", "boilerplate:share"),
    ("Photo: Lena Varga/Kessel Courier", "boilerplate:image-credit"),
    ("Image credit: Ostrian Press Service", "boilerplate:image-credit"),
    ("(OPA Photo/Ivo Marek)", "boilerplate:image-credit"),
    ("File photo", "boilerplate:image-credit"),
    ("Getty Images", "boilerplate:image-credit"),
    ("Ivo Marek/AFP via Getty Images", "boilerplate:image-credit"),
    ("Credit: Kessel Human Rights Centre", "boilerplate:image-credit"),
    ("Skip to content", "boilerplate:navigation"),
    ("Home \u00bb News \u00bb Ostria", "boilerplate:navigation"),
    ("World | Ostria | Economy | Culture | Sport", "boilerplate:navigation"),
    ("NEWS \u00b7 REGIONS \u00b7 OPINION \u00b7 VIDEO \u00b7 WEATHER", "boilerplate:navigation"),
    ("Subscribe to our newsletter", "boilerplate:newsletter"),
    ("We use cookies to give you the best experience on our website.", "boilerplate:cookies"),
    ("Accept all cookies", "boilerplate:cookies"),
    ("Related posts", "boilerplate:related"),
    ("Read more", "boilerplate:related"),
    ("Read more: Kessel mourns its dead", "boilerplate:related"),
    ("Related: Kessel court frees two students", "boilerplate:related"),
    ("More from the Courier: Ferry strike ends", "boilerplate:related"),
    ("Tags: Ostria, Kessel, protests", "boilerplate:tags"),
    ("×", "boilerplate:close"),
    ("© 2021 Kessel Courier. All rights reserved.", "boilerplate:copyright"),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_line_is_removed_with_its_kind(line: str, reason: str) -> None:
    raw = page(line)
    result = clean_plain(raw)
    assert paragraphs(result) == [OPENING, CLOSING]
    (removed,) = result.removed
    assert (removed.reason, raw[removed.raw_start : removed.raw_end]) == (reason, line)


def test_furniture_inside_a_block_is_removed_and_the_block_kept() -> None:
    raw = f"{OPENING}\nShare this:\nFacebook\nTweet\n{CLOSING}\n"
    result = clean_plain(raw)
    assert paragraphs(result) == [OPENING, CLOSING]
    assert reasons(result) == ["boilerplate:share"] * 3


def test_a_video_playlist_is_removed() -> None:
    playlist = "1:37 Fire crews on the Kerevo pier\n\n0:52 Valdoria votes in spring\n"
    result = clean_plain(f"{OPENING}\n{playlist}{CLOSING}\n")
    assert paragraphs(result) == [OPENING, CLOSING]
    assert reasons(result) == ["boilerplate:video"] * 2
    single = "2:05 Harbour Street market reopens Pause"
    assert reasons(clean_plain(f"{OPENING}\n{single}\n")) == ["boilerplate:video"]


def test_one_time_stamped_line_is_kept() -> None:
    raw = f"{OPENING}\n9:30 Police closed Harbour Street to traffic.\n{CLOSING}\n"
    assert reasons(clean_plain(raw)) == []


HEADER_DATES = [
    "Friday, 21 November 2014",
    "Nov 21, 2014 10:32 AM",
    "21st of November, 2014",
    "2014-11-21",
    "Published: 3 March 2021",
    "Updated on March 3, 2021 at 4:05 pm EST",
]


@pytest.mark.parametrize("line", HEADER_DATES)
def test_standalone_date_line_is_a_header_date(line: str) -> None:
    raw = f"{line}\n{OPENING}\n"
    result = clean_plain(raw)
    assert result.text == OPENING
    assert reasons(result) == ["header-date"]
    ((start, end),) = result.header_lines
    assert raw[start:end] == line


def test_date_line_inside_a_sentence_is_kept() -> None:
    raw = "The curfew began on\nFriday, 21 November 2014\nand lasted nine days.\n"
    result = clean_plain(raw)
    assert result.text == "The curfew began on Friday, 21 November 2014 and lasted nine days."
    assert result.header_lines == ()


def test_month_and_year_heading_is_not_a_header_date() -> None:
    assert furniture_kind("July 2003") is None


BODY_MENTIONS = [
    "A photo of the burned clinic in Kessel was published on Tuesday.",
    "Photo evidence shows 14 bodies in the prison yard.",
    "The ministry declined to comment on the 300 arrests.",
    "Comments by the governor about the dead drew anger.",
    "Share prices fell after the crackdown on the miners.",
    "Print and broadcast media were banned from the trials.",
    "Credit for the list of 40 names goes to the families.",
    "Advertisement boards in Kessel carried the victims' names.",
    "Read the full report on the 1,200 detainees.",
    "Ana Petrov | 23 | Kessel | 3 May | shot",
]


@pytest.mark.parametrize("sentence", BODY_MENTIONS)
def test_body_sentence_mentioning_widget_words_is_kept(sentence: str) -> None:
    result = clean_plain(page(sentence))
    assert paragraphs(result) == [OPENING, sentence, CLOSING]
    assert result.removed == ()


def test_widget_word_ending_a_wrapped_sentence_is_kept() -> None:
    raw = "Detained journalists in Kessel were not allowed to\nprint.\n"
    assert clean_plain(raw).text == "Detained journalists in Kessel were not allowed to print."


# --- joining hard-wrapped lines --------------------------------------------------------------

WRAPPED = (
    "Witnesses in Kessel said the Ostrian Guard opened fire on the crowd\n"
    "outside the court on Monday. At least 40 people were killed and many\n"
    "more were wounded, according to the Kessel Human Rights Centre, which\n"
    "published the names of 31 victims.\n"
)
WRAPPED_TEXT = (
    "Witnesses in Kessel said the Ostrian Guard opened fire on the crowd outside the court on "
    "Monday. At least 40 people were killed and many more were wounded, according to the Kessel "
    "Human Rights Centre, which published the names of 31 victims."
)


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    result = clean_plain(WRAPPED)
    assert result.text == WRAPPED_TEXT
    assert_maps_exactly(WRAPPED, result)


def test_joining_space_points_at_the_line_break() -> None:
    result = clean_plain(WRAPPED)
    space = result.text.index(" outside")
    assert WRAPPED[result.offsets.to_raw(space)] == "\n"


def test_wrapped_sentence_before_a_capitalised_name_is_joined() -> None:
    raw = (
        "The commission heard that the order to clear the square came from\n"
        "General Anton Rusk, who denied it. Families of the dead said the\n"
        "Guard had fired without warning, and that 12 children were among\n"
        "the victims.\n"
    )
    assert len(paragraphs(clean_plain(raw))) == 1


def test_heading_is_not_joined_to_the_paragraph_after_it() -> None:
    raw = "Crackdown in Kessel\nThe Ostrian Guard detained 200 students on Monday.\n"
    assert paragraphs(clean_plain(raw)) == [
        "Crackdown in Kessel",
        "The Ostrian Guard detained 200 students on Monday.",
    ]


def test_heading_is_not_joined_inside_a_wrapped_document() -> None:
    raw = "Crackdown in Kessel\n" + WRAPPED
    assert paragraphs(clean_plain(raw)) == ["Crackdown in Kessel", WRAPPED_TEXT]


REPORT = [
    "Security forces in Kessel opened fire on thousands of protesters on Sunday, killing at "
    "least 40 people and wounding more than 300, according to the Kessel Human Rights Centre. "
    "The centre said it had verified the names of 31 of the dead.",
    "The interior ministry disputed the figures. A spokesman, Colonel Teodor Vass, said 12 "
    "officers were injured and that rioters had attacked police stations in three districts.",
    "Witnesses told the Ostrian Monitor that snipers fired from rooftops near Liberty Bridge. "
    "One doctor at Kessel General Hospital said it received 57 bodies in two days.",
    "Since the protests began on 26 April, at least 1,200 people have been detained. "
    "Eighty-seven remain missing.",
    "Short one.",
]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=35, max_value=140))
def test_text_wrapped_at_any_width_gives_back_its_paragraphs(width: int) -> None:
    raw = "Crackdown in Kessel\n\n" + "\n\n".join(textwrap.fill(p, width) for p in REPORT)
    assert paragraphs(clean_plain(raw)) == ["Crackdown in Kessel", *REPORT]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=35, max_value=140))
def test_text_wrapped_without_blank_lines_never_splits_a_sentence(width: int) -> None:
    raw = "\n".join(textwrap.fill(p, width) for p in REPORT)
    found = paragraphs(clean_plain(raw))
    assert " ".join(found) == " ".join(REPORT)
    assert all(paragraph.endswith(".") for paragraph in found)


def test_two_line_paragraph_wrapped_before_a_name_is_joined() -> None:
    raw = (
        "Kessel, May 2, 2021 - The Guard detained at least 40 students near Liberty\n"
        "Bridge on Friday, the Ostrian Monitor said.\n"
    )
    assert len(paragraphs(clean_plain(raw))) == 1


def test_heading_over_a_short_wrapped_paragraph_is_kept_apart() -> None:
    raw = (
        "Crackdown in Kessel\n"
        "The Guard detained at least 40 students near Liberty Bridge on Friday,\n"
        "the Ostrian Monitor said.\n"
    )
    assert paragraphs(clean_plain(raw)) == [
        "Crackdown in Kessel",
        "The Guard detained at least 40 students near Liberty Bridge on Friday, "
        "the Ostrian Monitor said.",
    ]


def test_long_title_is_not_joined_to_the_byline_under_it() -> None:
    title = "Ostrian Guard detains at least 40 students near Liberty Bridge in a night raid"
    assert paragraphs(clean_plain(f"{title}\nBy Ana Petrov\n")) == [title, "By Ana Petrov"]


def test_headline_ending_in_says_is_not_joined_to_the_byline() -> None:
    title = "Ostrian Guard killed 40 protesters in Kessel, rights group says"
    assert paragraphs(clean_plain(f"{title}\nBy Ana Petrov\n")) == [title, "By Ana Petrov"]


def test_footnote_mark_after_a_full_stop_ends_the_sentence() -> None:
    lines = [
        "The commission found that the Guard killed at least 40 people in Kessel.[12]",
        "Families buried 31 of them within a week.",
    ]
    assert paragraphs(clean_plain("\n".join(lines))) == lines


def test_one_line_paragraphs_of_an_unwrapped_block_stay_apart() -> None:
    lines = [
        "The Guard detained 200 students.",
        "Forty of them were released on bail on Thursday after a hearing in Kessel.",
        "The rest remain in custody.",
    ]
    assert paragraphs(clean_plain("\n".join(lines))) == lines


def test_list_items_are_not_joined() -> None:
    items = ["- 12 students killed", "- 40 protesters injured", "- 200 people detained"]
    raw = "The centre counted:\n" + "\n".join(items) + "\n"
    assert paragraphs(clean_plain(raw)) == ["The centre counted:", *items]


def test_line_break_before_a_lowercase_word_is_joined_in_any_block() -> None:
    raw = "The Guard detained\nforty students.\n"
    assert clean_plain(raw).text == "The Guard detained forty students."


def test_sentence_split_by_a_blank_line_is_joined() -> None:
    raw = "Rights groups say the Guard killed 40 people\n\nin the first week of the protests.\n"
    result = clean_plain(raw)
    assert (
        result.text
        == "Rights groups say the Guard killed 40 people in the first week of the protests."
    )
    assert_maps_exactly(raw, result)


def test_sentence_split_by_an_ad_line_is_joined() -> None:
    raw = "The Guard opened fire on the\nAdvertisement\ncrowd in the square.\n"
    result = clean_plain(raw)
    assert result.text == "The Guard opened fire on the crowd in the square."
    assert reasons(result) == ["boilerplate:advertisement"]


def test_hyphenated_line_end_keeps_the_hyphen_and_no_space() -> None:
    raw = "Police arrested the leaders of the anti-\ngovernment march in Kessel.\n"
    result = clean_plain(raw)
    assert result.text == "Police arrested the leaders of the anti-government march in Kessel."
    assert_maps_exactly(raw, result)


# --- duplicates ------------------------------------------------------------------------------


def test_duplicate_paragraph_is_kept_once() -> None:
    raw = page(WRAPPED.strip(), "Kessel, 2021", WRAPPED.strip())
    result = clean_plain(raw)
    assert paragraphs(result) == [OPENING, WRAPPED_TEXT, "Kessel, 2021", CLOSING]
    (removed,) = result.removed
    assert removed.reason == "duplicate"
    assert raw[removed.raw_start : removed.raw_end] == WRAPPED.strip()
    assert removed.raw_start > raw.index("Kessel, 2021")


def test_caption_line_repeated_twice_is_a_duplicate() -> None:
    caption = "Mourners at the funeral of the Kessel miners"
    result = clean_plain(f"{caption}\n{caption}\n\n{OPENING}\n")
    assert paragraphs(result) == [caption, OPENING]
    assert reasons(result) == ["duplicate"]


def test_duplicates_are_compared_after_normalising_quotes_and_spaces() -> None:
    raw = 'The \u201cmartyrs\u201d law  was passed.\n\nThe "martyrs"\u00a0law was passed.\n'
    assert paragraphs(clean_plain(raw)) == ['The "martyrs" law was passed.']


# --- normalisation and offsets ---------------------------------------------------------------

MESSY = (
    "Friday, 21 November 2014\r\n"
    "728 x 90\r\n"
    "\u00a0The \u201cRed Square\u201d  killings \r\n"
    "\r\n"
    "Ostria\u2019s Guard killed\u00a0 at least 40\tpeople in\r\n"
    "Kessel, the centre said.  \r\n"
    "Photo: Ivo Marek\r"
    "The centre named 31 of the victims.\r"
    "\r"
    "Comments are closed."
)


def test_messy_scrape_is_normalised() -> None:
    result = clean_plain(MESSY)
    assert paragraphs(result) == [
        'The "Red Square" killings',
        "Ostria's Guard killed at least 40 people in Kessel, the centre said.",
        "The centre named 31 of the victims.",
    ]
    assert reasons(result) == [
        "header-date",
        "boilerplate:ad-size",
        "boilerplate:image-credit",
        "boilerplate:comments",
    ]
    assert_maps_exactly(MESSY, result)


def test_every_body_word_survives() -> None:
    result = clean_plain(MESSY)
    assert Counter(WORD.findall(result.text)) == kept_words(MESSY, result)


def test_removed_spans_are_in_raw_order_and_do_not_overlap() -> None:
    raw = page("Share this:", WRAPPED, "Advertisement", WRAPPED, "Back to top")
    spans = [(r.raw_start, r.raw_end) for r in clean_plain(raw).removed]
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))


def test_cleaning_is_pure() -> None:
    assert clean_plain(MESSY) == clean_plain(MESSY)


PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "\u00a0",
        "\t",
        "Share this:",
        "Back to top",
        "728 x 90",
        "Friday, 21 November 2014",
        "The Guard killed 40 people",
        "in Kessel.",
        "anti-",
        "\u201cmartyrs\u201d",
        "- 12 detained",
        "Ostria\u2019s",
        "Photo: Ivo Marek",
    ]
)
RAW_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(RAW_TEXT)
def test_offsets_round_trip_on_random_text(raw: str) -> None:
    result = clean_plain(raw)
    assert_maps_exactly(raw, result)
    assert Counter(WORD.findall(result.text)) == kept_words(raw, result)
    for removed in result.removed:
        assert 0 <= removed.raw_start < removed.raw_end <= len(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab\u201c\u2019 \t\u00a0\u200b."), max_size=40))
def test_single_line_matches_normalize_into(line: str) -> None:
    builder = TextBuilder()
    normalize_into(builder, line, 0)
    expected_text, expected_offsets = builder.build()
    result = clean_plain(line)
    assert result.text == expected_text
    if expected_text:
        assert result.offsets == expected_offsets


# --- edge cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", " ", "\n\n\n", "\r\n\r\n", " \t\u00a0\n\u200b"])
def test_empty_and_blank_text_gives_empty_clean_text(raw: str) -> None:
    result = clean_plain(raw)
    assert (result.text, result.removed, result.header_lines) == ("", (), ())
    assert result.offsets.length == 0


def test_text_without_newlines_is_one_paragraph() -> None:
    assert clean_plain(OPENING).text == OPENING


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028"])
def test_every_line_ending_is_a_line_break(newline: str) -> None:
    raw = newline.join(["Back to top", WRAPPED.replace("\n", newline)])
    result = clean_plain(raw)
    assert result.text == WRAPPED_TEXT
    assert_maps_exactly(raw, result)


def test_five_megabyte_single_line_is_cleaned_quickly() -> None:
    raw = "The Guard killed 40 people in Kessel. " * 131_072
    began = time.perf_counter()
    result = clean_plain(raw)
    assert time.perf_counter() - began < 5
    assert result.text == raw.strip()


def test_furniture_like_rows_do_not_backtrack() -> None:
    rows = ["- " * 149 + "z", "-" * 299 + "z", "Ab Cd | " * 37 + "1", "share " * 49 + "z"]
    raw = "\n".join(rows * 500)
    began = time.perf_counter()
    clean_plain(raw)
    assert time.perf_counter() - began < 3


def test_long_lines_are_never_furniture() -> None:
    assert furniture_kind("Share this: " + "Kessel " * 60) is None


def test_binary_looking_text_does_not_crash() -> None:
    raw = bytes(range(256)).decode("latin-1") * 50 + "\ud800\x00\x1b[0m\ufffd"
    result = clean_plain(raw)
    assert_maps_exactly(raw, result)


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        # a name broken across the wrap of a short block, the sentence going on
        ("Soldiers in Orvane shot dead the student activist Lena\nKovac on Tuesday, the "
         "monitor said", True),
        # a title or an initial at the end of a line is no full stop
        ("Police in the capital said they had detained Dr.\nMira Solvek and 12 doctors.", True),
        ("Soldiers in Orvane shot dead the activist Jon A.\nKovac on Tuesday.", True),
        # a sentence that ends, and the next one
        ("Forty people were killed in Orvane.\nThe army denied it on Tuesday.", False),
        # a short heading over its text
        ("Velisk Rights Watch\nPolice detained 37 people.", False),
    ],
)  # fmt: skip
def test_a_name_split_by_a_wrap_is_joined(raw: str, joined: bool) -> None:
    text = clean_plain(raw).text
    assert ("\n" not in text) == joined, text
