"""The document page's highlighter: claims and entity mentions that nest, cross, touch or miss.

Whatever the spans, the rendered text must be well-formed HTML (no link inside a link, every
tag closed), carry the text unchanged and escaped, and anchor each claim once. Texts are
fictional.
"""

from __future__ import annotations

import random

import pytest

from tests.web_support import well_formed
from tolltrace.model import Mention
from tolltrace.store.links import EntityMention
from tolltrace.web.context import templates
from tolltrace.web.highlight import Mark, Piece, entity_marks, pieces

TEXT = "Harbour Guard units killed 12 dockers in Port Alder on Friday."
#       0         1         2         3         4         5         6
#       01234567890123456789012345678901234567890123456789012345678901


def _claim(start: int, end: int, ref: str = "c1") -> Mark:
    return Mark(start, end, "claim", ref, "cat-killed", f"claim {ref}")


def _entity(start: int, end: int, ref: str = "e1", kind: str = "place") -> Mark:
    return Mark(start, end, "entity", ref, f"ent-{kind}", f"entity {ref}")


def _shape(found: list[Piece]) -> list[tuple[str, tuple[str, ...]]]:
    return [(piece.text, tuple(mark.ref for mark in piece.marks)) for piece in found]


def _render(found: list[Piece]) -> str:
    macro = templates.env.get_template("macros.html").module.pieces_html  # type: ignore[attr-defined]
    return str(macro(found))


def test_no_marks_is_one_plain_piece_and_no_text_is_none() -> None:
    assert _shape(pieces(TEXT, [])) == [(TEXT, ())]
    assert pieces("", [_claim(0, 3)]) == []


def test_an_entity_inside_a_claim_keeps_both_and_links_the_entity() -> None:
    found = pieces(TEXT, [_claim(14, 37), _entity(30, 37, "e-dockers")])
    assert _shape(found) == [
        ("Harbour Guard ", ()),
        ("units killed 12 ", ("c1",)),
        ("dockers", ("c1", "e-dockers")),
        (" in Port Alder on Friday.", ()),
    ]
    inner = found[2]
    assert inner.href == "/entities/e-dockers"
    assert inner.classes == "hl cat-killed ent ent-place"
    assert inner.title == "entity e-dockers · claim c1"
    assert found[1].anchor == "c1" and inner.anchor == ""


def test_a_claim_inside_an_entity_is_the_link_where_it_is() -> None:
    found = pieces(TEXT, [_entity(0, 19, "guard", "organisation"), _claim(8, 13)])
    assert _shape(found) == [
        ("Harbour ", ("guard",)),
        ("Guard", ("guard", "c1")),
        (" units", ("guard",)),
        (" killed 12 dockers in Port Alder on Friday.", ()),
    ]
    assert found[1].href == "/claims/c1" and found[1].anchor == "c1"


def test_crossing_spans_are_cut_where_they_cross() -> None:
    found = pieces(TEXT, [_claim(14, 29), _entity(20, 37, "e2")])
    assert _shape(found) == [
        ("Harbour Guard ", ()),
        ("units ", ("c1",)),
        ("killed 12", ("c1", "e2")),
        (" dockers", ("e2",)),
        (" in Port Alder on Friday.", ()),
    ]
    assert found[2].href == "/entities/e2"  # the later start is the inner one


def test_adjacent_spans_share_no_piece() -> None:
    found = pieces(TEXT, [_entity(0, 13, "guard"), _claim(13, 37), _entity(41, 51, "alder")])
    assert _shape(found) == [
        ("Harbour Guard", ("guard",)),
        (" units killed 12 dockers", ("c1",)),
        (" in ", ()),
        ("Port Alder", ("alder",)),
        (" on Friday.", ()),
    ]


def test_on_the_same_words_the_earlier_mark_is_the_link() -> None:
    claim_first = pieces(TEXT, [_claim(41, 51), _entity(41, 51, "alder")])
    assert claim_first[1].href == "/claims/c1" and claim_first[1].anchor == "c1"
    assert claim_first[1].classes == "ent ent-place hl cat-killed"
    entity_first = pieces(TEXT, [_entity(41, 51, "alder"), _claim(41, 51)])
    assert entity_first[1].href == "/entities/alder"
    # The claim still gets its #claim- anchor, just before the entity's link.
    assert entity_first[1].anchor == "" and entity_first[1].other_anchors == ("c1",)


def test_spans_outside_the_text_or_empty_are_left_out() -> None:
    marks = [
        _claim(-3, 4, "negative"),
        _claim(50, len(TEXT) + 1, "past-end"),
        _claim(9, 9, "empty"),
        _claim(12, 5, "reversed"),
        _entity(0, 7, "harbour"),
    ]
    found = pieces(TEXT, marks)
    assert _shape(found) == [("Harbour", ("harbour",)), (TEXT[7:], ())]
    assert "".join(piece.text for piece in found) == TEXT


def test_entity_marks_carry_the_entity_link_type_and_canonical_name() -> None:
    mention = EntityMention(
        Mention("d" * 64, 0, 13, "Harbour Guard", "organisation"),
        "org-guard",
        "Valdorian Harbour Guard",
        "organisation",
    )
    (mark,) = entity_marks([mention])
    assert mark == Mark(0, 13, "entity", "org-guard", "ent-organisation", "Valdorian Harbour Guard")
    (piece, _) = pieces(TEXT, [mark])
    assert piece.href == "/entities/org-guard" and piece.title == "Valdorian Harbour Guard"


def test_hostile_text_ids_and_names_stay_escaped_and_well_formed() -> None:
    text = 'Koss: <script>alert("x")</script> & <b>the "Guard"</b> held 9 <i>men</i>.'
    script = text.index("<script>")
    marks = [
        _claim(script, text.index("</b>") + 4, "c-1"),  # crosses the entity's end below
        Mark(0, script + 8, "entity", 'e"><img src=x onerror=alert(1)>', "ent-place", "<x>"),
        _entity(text.index("<b>"), text.index("held"), "guard", "organisation"),
        _claim(text.index("9"), len(text), "c-2"),
    ]
    html = _render(pieces(text, marks))
    parsed = well_formed(html)
    assert set(parsed.tags) == {"a", "bdi"}  # no <script>, <b>, <i> or <img> from the text or ids
    assert parsed.text == text
    assert "<script" not in html and "&lt;script&gt;" in html
    assert 'href="/entities/e%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"' in html
    assert 'title="&lt;x&gt;"' in html
    assert sorted(parsed.ids) == ["claim-c-1", "claim-c-2"]


def test_any_spans_render_well_formed_with_the_text_unchanged() -> None:
    chance = random.Random(20310502)
    alphabet = "ab <>&\"'\n"
    for _ in range(300):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 40)))
        marks = []
        for n in range(chance.randint(0, 8)):
            start = chance.randint(-3, len(text) + 3)
            end = start + chance.randint(-2, 12)
            kind = chance.choice(("claim", "entity"))
            marks.append(Mark(start, end, kind, f"{kind[0]}{n}", f"css-{n}", f"<{n}>"))
        found = pieces(text, marks)
        assert "".join(piece.text for piece in found) == text
        assert all(piece.text for piece in found)
        parsed = well_formed(_render(found))
        assert parsed.text == text
        fitting = {
            f"claim-{m.ref}"
            for m in marks
            if m.kind == "claim" and 0 <= m.start < m.end <= len(text)
        }
        assert sorted(parsed.ids) == sorted(fitting)  # each fitting claim anchored once


@pytest.mark.parametrize(
    "html", ['<a href="/x"><a href="/y">y</a></a>', "<a>x</span></a>", "<span><a>x</a>"]
)
def test_the_checker_itself_refuses_what_the_page_must_never_be(html: str) -> None:
    with pytest.raises(AssertionError):
        well_formed(html)


def test_a_direction_override_in_the_text_cannot_reorder_a_claims_words() -> None:
    # Regression (issue 21, item 11): a right-to-left override before the claim ran on into
    # the marked words; each mark's words are isolated in a <bdi>, which the override cannot
    # enter.
    text = "Witnesses \u202esaid\u202c the Guard killed 12 dockers."
    at = text.index("killed 12 dockers")
    html = _render(pieces(text, [_claim(at, at + len("killed 12 dockers"))]))
    assert '"><bdi>killed 12 dockers</bdi></a>' in html
    assert "\u202esaid\u202c" in html  # the document's own characters are kept, never dropped
    well_formed(html)
