from hypothesis import given
from hypothesis import strategies as st

from tolltrace.clean.normalize import QUOTES, normalize_into
from tolltrace.clean.offsets import OffsetMap, TextBuilder


def test_copies_merge_into_one_run_when_contiguous() -> None:
    builder = TextBuilder()
    builder.copy("Sarenna ", 10)
    builder.copy("guards", 18)
    text, offsets = builder.build()
    assert text == "Sarenna guards"
    assert offsets.clean_starts == (0,)
    assert offsets.to_raw(8) == 18


def test_replacement_of_several_characters_maps_every_one_to_its_source() -> None:
    builder = TextBuilder()
    builder.copy("a", 0)
    builder.replace("...", 1)  # e.g. an ellipsis character expanded
    builder.copy("b", 2)
    text, offsets = builder.build()
    assert text == "a...b"
    assert [offsets.to_raw(i) for i in range(5)] == [0, 1, 1, 1, 2]


def test_span_to_raw_covers_the_whole_span() -> None:
    builder = TextBuilder()
    builder.copy("one", 5)
    builder.replace(" ", 8)
    builder.copy("two", 12)
    _, offsets = builder.build()
    assert offsets.span_to_raw(0, 7) == (5, 15)


def test_json_round_trip() -> None:
    offsets = OffsetMap((0, 4), (3, 20), (1, 0), 9)
    assert OffsetMap.from_json(offsets.to_json()) == offsets


def test_out_of_range_offset_is_an_error() -> None:
    builder = TextBuilder()
    builder.copy("abc", 0)
    _, offsets = builder.build()
    try:
        offsets.to_raw(3)
    except IndexError:
        return
    raise AssertionError("to_raw(3) on a 3-character text must raise")


@given(st.text(alphabet=st.sampled_from("ab \t\u00a0\u2019\u201c\u201dxy.\n"), max_size=200))
def test_normalised_text_maps_back_character_for_character(raw: str) -> None:
    builder = TextBuilder()
    for line_start, line in _lines(raw):
        normalize_into(builder, line, line_start)
    text, offsets = builder.build()
    for index, char in enumerate(text):
        source = raw[offsets.to_raw(index)]
        if char == " ":
            assert source.isspace()
        else:
            assert source.translate(QUOTES) == char


def _lines(raw: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in raw.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out
