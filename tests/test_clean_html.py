"""clean_html: main text, metadata and an exact offset map into the HTML source.

Every page here is written by hand about Veloria, a country that does not exist.
"""

from __future__ import annotations

import html
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.clean.html import HtmlClean, align, clean_html, project, source_span
from tolltrace.clean.normalize import QUOTES
from tolltrace.errors import NoText

PARAGRAPHS = [
    "Security forces in Veloria opened fire on protesters in the port city of Marin on "
    "Tuesday, killing at least 40 people, according to the Veloria Rights Monitor.",
    "Witnesses said the shooting began when a crowd of several thousand gathered outside the "
    "provincial governor's office to demand the release of detained union leaders.",
    "The interior ministry put the toll at 12 and said officers had acted in self-defence. "
    "Hospital staff in Marin told reporters they had received more than 60 bodies.",
    "The monitor said at least 300 people were arrested in the days that followed, many of "
    "them students, and that the fate of dozens remained unknown to their families.",
    "Diplomats from neighbouring states called for an independent inquiry into the killings "
    "and urged the government to allow observers into the province without delay.",
]

# Pieces of markup, broken markup and text that random pages are made of.
FRAGMENTS = [
    "<p>", "</p>", "<div class='x'>", "<nav>", "</nav>", "&amp;", "&#", "&copy", "<!--", "-->",
    "<script>", "</script>", "<title>", "<", ">", '"', "Veloria", "killed 40", " ", "\n", "\x00",
    "<b", "</", "<br/>",
]  # fmt: skip
PUBLISHED_META = '<meta property="article:published_time" content="2023-05-16T08:30:00+00:00">'


def article_page(extra_head: str = "", body_extra: str = "") -> str:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Dozens killed in Marin crackdown | Veloria Daily</title>
<meta property="og:title" content="Dozens killed in Marin crackdown">
<meta property="og:site_name" content="Veloria Daily">
<meta name="author" content="Irena Kostova">
{PUBLISHED_META}
{extra_head}
<style>p {{ color: black; }}</style>
<script>var tracker = "Subscribe to the Veloria Daily newsletter";</script>
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport results and fixtures</a></li></ul></nav>
<header><a href="/">Veloria Daily</a></header>
<main><article>
<h1>Dozens killed in Marin crackdown</h1>
<p class="byline">By Irena Kostova</p>
{paragraphs}
{body_extra}
</article>
<!-- editor's note: check the ministry figure before publishing -->
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader Tomas wrote: this is the worst day our town has seen.</p></div>
</section>
</main>
<footer><p>Copyright 2023 Veloria Daily. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def source_words(result: HtmlClean, raw: str) -> list[tuple[str, str]]:
    """(clean word, source text at its mapped span, tags dropped, decoded, quotes normalised)."""
    pairs = []
    for word in re.finditer(r"\S+", result.text):
        start, end = source_span(result.offsets, raw, word.start(), word.end())
        source = html.unescape(re.sub(r"<[^>]*>", "", raw[start:end])).translate(QUOTES)
        pairs.append((word.group(), source))
    return pairs


# --- Main text --------------------------------------------------------------------------------


def test_main_text_keeps_the_article_paragraphs() -> None:
    result = clean_html(article_page())
    assert result.text.startswith("Dozens killed in Marin crackdown\n\n")
    assert "\n\n".join(PARAGRAPHS) in result.text  # one paragraph a block, in order


def test_nav_footer_and_comments_are_removed() -> None:
    text = clean_html(article_page()).text
    for boilerplate in ("Sport results", "Copyright", "Privacy policy", "Reader Tomas"):
        assert boilerplate not in text
    assert "editor's note" not in text  # HTML comment
    assert "newsletter" not in text  # script
    assert "color" not in text  # style


def test_layout_marks_of_lists_and_tables_are_not_text() -> None:
    extra = (
        "<ul><li>Marin: 40 killed</li><li>Oskar: 7 killed</li></ul>"
        "<table><tr><th>City</th><th>Arrested</th></tr>"
        "<tr><td>Marin</td><td>300</td></tr></table>"
    )
    result = clean_html(article_page(body_extra=extra))
    assert "Marin: 40 killed" in result.text
    assert "|" not in result.text
    assert not re.search(r"^- ", result.text, re.M)


# --- Metadata ---------------------------------------------------------------------------------


def test_title_author_site_and_date_come_from_meta_tags() -> None:
    result = clean_html(article_page())
    assert result.title == "Dozens killed in Marin crackdown"
    assert result.author == "Irena Kostova"
    assert result.site == "Veloria Daily"
    assert result.date == "2023-05-16"
    assert result.date_evidence == 'meta[property="article:published_time"]'


def test_date_evidence_names_json_ld() -> None:
    page = article_page().replace(
        PUBLISHED_META,
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-05-14T10:00:00Z"}</script>',
    )
    result = clean_html(page)
    assert result.date == "2023-05-14"
    assert result.date_evidence == 'JSON-LD "datePublished"'


def test_site_falls_back_to_the_host_name() -> None:
    page = article_page().replace('<meta property="og:site_name" content="Veloria Daily">', "")
    result = clean_html(page, url="https://news.veloria.example/2023/05/16/marin")
    assert result.site == "news.veloria.example"


def test_date_from_the_url_names_the_url() -> None:
    page = article_page().replace(PUBLISHED_META, "")
    result = clean_html(page, url="https://news.veloria.example/2023/05/12/marin-crackdown")
    assert (result.date, result.date_evidence) == ("2023-05-12", "url")


def test_page_without_any_date_has_none() -> None:
    result = clean_html(article_page().replace(PUBLISHED_META, ""))
    assert (result.date, result.date_evidence) == (None, None)


# --- Offsets ----------------------------------------------------------------------------------


def test_every_clean_word_round_trips_to_its_source() -> None:
    extra = (
        "<p>The monitor&#8217;s director, Ana&nbsp;Brel, said &ldquo;we counted every "
        "name&rdquo; &amp; published them.</p>"
        "<p>Relatives of the <b>dis</b>appeared gathered in Caf&eacute; Sol&#233;r "
        "on <i>Friday</i>.</p>"
    )
    raw = article_page(body_extra=extra)
    result = clean_html(raw)
    assert 'The monitor\'s director, Ana Brel, said "we counted every name"' in result.text
    assert "disappeared" in result.text
    for word, source in source_words(result, raw):
        assert source == word
    assert result.aligned > 0.95


def test_entities_map_to_their_first_character() -> None:
    raw = article_page(body_extra="<p>Marin &amp; Oskar mourn the Rights Monitor&#8217;s dead.</p>")
    result = clean_html(raw)
    ampersand = result.text.index("Marin & Oskar") + len("Marin ")
    assert raw.startswith("&amp;", result.offsets.to_raw(ampersand))
    apostrophe = result.text.index("Monitor's dead") + len("Monitor")
    assert raw.startswith("&#8217;", result.offsets.to_raw(apostrophe))


def test_source_span_covers_an_entity_at_the_end() -> None:
    raw = "<html><body><p>Caf&eacute;</p></body></html>"
    projection = project(raw)
    assert projection.text == "Café\n"  # the closing </p> is a line break
    start, end = source_span(projection.offsets, raw, 0, 4)
    assert raw[start:end] == "Caf&eacute;"


def test_projection_skips_markup_scripts_and_titles() -> None:
    raw = (
        "<html><head><title>Hidden title</title><script>if (a<b) {}</script></head>"
        "<body><p>One</p><!-- note --><p>Two&nbsp;words</p><style>p{}</style></body></html>"
    )
    projection = project(raw)
    assert projection.text == "One\nTwo words\n"
    assert raw[projection.offsets.to_raw(projection.text.index("Two"))] == "T"
    assert raw.startswith("&nbsp;", projection.offsets.to_raw(projection.text.index(" words")))


def test_legacy_entities_without_semicolon_decode_like_a_browser() -> None:
    projection = project("<p>&copy2023 Veloria &amp Marin AT&T &lang=en</p>")
    assert projection.text == "©2023 Veloria & Marin AT&T &lang=en\n"


def test_unaligned_words_map_to_the_previous_aligned_character() -> None:
    raw = "<p>Forty people were killed in Marin.</p>"
    text, offsets, aligned = align("Forty people were killed zzqx in Marin.", project(raw))
    assert text == "Forty people were killed zzqx in Marin."
    killed_end = raw.index("killed") + len("killed") - 1
    assert offsets.to_raw(text.index("zzqx")) == killed_end
    assert 0.8 < aligned < 1.0


def test_alignment_follows_blocks_that_the_extractor_reordered() -> None:
    raw = "<div><p>First block about Marin.</p>" + "<p>filler</p>" * 3000
    raw += "<p>Second block about Oskar.</p></div>"
    text, offsets, aligned = align(
        "Second block about Oskar.\nFirst block about Marin.", project(raw)
    )
    assert aligned > 0.9
    assert offsets.to_raw(text.index("Second")) == raw.index("Second")
    assert offsets.to_raw(text.index("First")) == raw.index("First")


# --- Fallbacks and failures -------------------------------------------------------------------


def test_fragment_falls_back_to_visible_text_without_navigation() -> None:
    raw = "<nav>Home News</nav><p>Short note: 3 detained in Marin.</p>"
    result = clean_html(raw)
    assert result.text == "Short note: 3 detained in Marin."
    assert result.aligned == 1.0


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   \n ",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>document.write('Veloria');</script></body></html>",
        "<html><body><!-- nothing yet --> &nbsp; <div>\u200b</div></body></html>",
    ],
)
def test_a_page_without_text_raises_no_text(raw: str) -> None:
    with pytest.raises(NoText, match="no text found"):
        clean_html(raw)


def test_unclosed_tags_do_not_crash() -> None:
    raw = "<html><body><div><p>Protests in Marin <b>continued <i>on Friday <p>as 20 were held"
    result = clean_html(raw)
    assert "20 were held" in result.text


def test_garbage_characters_as_text_do_not_crash() -> None:
    garbage = bytes(range(256)).decode("latin-1") + "\ud800\ufffe<<>>&#xZZ;&;<!"
    raw = f"<html><body><p>Marin toll {garbage} rises to 41.</p></body></html>"
    result = clean_html(raw)
    assert "Marin toll" in result.text
    assert all(0 <= result.offsets.to_raw(i) < len(raw) for i in range(len(result.text)))


def test_ten_thousand_deep_nesting_does_not_crash() -> None:
    deep = "<div>" * 10_000 + "<p>Deep in the page: 5 killed in Oskar.</p>" + "</div>" * 10_000
    result = clean_html(f"<html><body>{deep}</body></html>")
    assert "5 killed in Oskar" in result.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(FRAGMENTS) | st.text(max_size=12),
        max_size=40,
    ).map("".join)
)
def test_any_input_gives_text_or_no_text(raw: str) -> None:
    try:
        result = clean_html(raw)
    except NoText:
        return
    assert result.text
    assert all(0 <= result.offsets.to_raw(i) < len(raw) for i in range(len(result.text)))
    assert 0.0 <= result.aligned <= 1.0


def big_page(sections: int) -> str:
    body = "".join(
        f"<nav><a href='/{n}'>Section {n}</a></nav><p>{PARAGRAPHS[n % 5]} Report {n}.</p>\n"
        for n in range(sections)
    )
    return f"<html><body><article>{body}</article></body></html>"


def seconds_to_clean(raw: str) -> float:
    started = time.perf_counter()
    result = clean_html(raw)
    assert result.aligned > 0.95
    return time.perf_counter() - started


@pytest.mark.slow
def test_large_pages_are_cleaned_in_linear_time() -> None:
    small, large = big_page(500), big_page(4000)  # about 0.1 and 0.9 MB
    ratio = seconds_to_clean(large) / seconds_to_clean(small)
    assert ratio < 24  # 8 times the page: linear is about 8, quadratic 64
