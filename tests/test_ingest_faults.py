"""Faults of issue 21 in ingest: each input is a clear per-item error and the batch goes on."""

import gzip
import logging
import os
import threading
from pathlib import Path

import pytest

from tests.pdfmaker import make_pdf
from tolltrace.ingest.decode import decode_text, gunzip
from tolltrace.model import IngestSummary
from tolltrace.pipeline import ingest
from tolltrace.store import open_store
from tolltrace.verify import verify_store

STORY = (
    "Koss, May 2, 2025 - Security forces detained at least 40 students outside the "
    "university on Thursday, the Valdorian Human Rights Monitor said.\n"
)


def _ingest_within(db: str, paths: list[str], seconds: float = 60) -> IngestSummary:
    """ingest() in a thread, so a hang fails the test instead of blocking it forever."""
    outcome: list[IngestSummary] = []

    def run() -> None:
        with open_store(db) as store:
            outcome.append(ingest(store, paths))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "ingest hung"
    return outcome[0]


@pytest.mark.parametrize(
    "record",
    [
        '{"text": "Guards in Tarn: x \\ud800 6 killed", "uri": "w/2"}',
        '{"text": "Guards in Tarn killed 6.", "uri": "w/\\udc00"}',
        '{"text": "Guards in Tarn killed 6.", "uri": "w/2", "tags": ["a", {"b": "\\ud83d"}]}',
    ],
    ids=["text", "uri", "nested-field"],
)
def test_a_lone_surrogate_escape_is_one_bad_record(
    tmp_path: Path, record: str, db_location: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = '{"text": "Wire: 12 people were injured in Koss, police said.", "uri": "w/1"}'
    after = '{"text": "Wire: the Monitor counted 112 deaths in Tarn.", "uri": "w/3"}'
    (folder / "a.jsonl").write_text(f"{good}\n{record}\n{after}\n")
    (folder / "b.txt").write_text(STORY)  # a file after the bad record
    with open_store(db_location) as store:
        summary = ingest(store, [str(folder)])
        assert [(e.item.rsplit("/", 1)[-1], e.code) for e in summary.errors] == [
            ("a.jsonl:2", "T106")
        ]
        assert "surrogate" in summary.errors[0].message
        assert len(summary.ingested) == 3
        assert [r.error.code for r in store.errors(summary.run_id)] == ["T106"]
        again = ingest(store, [str(folder)])  # a re-run is safe
        assert again.ingested == [] and len(again.duplicates) == 3
        assert [e.code for e in again.errors] == ["T106"]
        assert verify_store(store).ok


def test_a_fifo_in_a_folder_is_an_error_that_names_it(tmp_path: Path, db_location: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "story.txt").write_text(STORY)
    summary = _ingest_within(db_location, [str(folder)])
    assert [(Path(e.item).name, e.code) for e in summary.errors] == [("pipe.txt", "T102")]
    assert "FIFO" in summary.errors[0].message
    assert len(summary.ingested) == 1


def test_a_fifo_named_or_globbed_is_not_missing_nor_skipped(
    tmp_path: Path, db_location: str
) -> None:
    os.mkfifo(tmp_path / "named")
    os.mkfifo(tmp_path / "globbed.txt")
    (tmp_path / "story.txt").write_text(STORY)
    summary = _ingest_within(db_location, [str(tmp_path / "named"), str(tmp_path / "*.txt")])
    failed = sorted((Path(e.item).name, e.code) for e in summary.errors)
    assert failed == [("globbed.txt", "T102"), ("named", "T102")]
    assert all("not a regular file" in e.message for e in summary.errors)
    assert len(summary.ingested) == 1


def test_a_truncated_gzip_is_unreadable(tmp_path: Path, db_location: str) -> None:
    page = "<html><body><article><p>" + "Forty students were detained in Koss. " * 400
    packed = gzip.compress((page + "</p></article></body></html>").encode())
    (tmp_path / "cut.html.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "whole.html.gz").write_bytes(packed)
    with open_store(db_location) as store:
        summary = ingest(store, [str(tmp_path)])
        assert [(Path(e.item).name, e.code) for e in summary.errors] == [("cut.html.gz", "T108")]
        assert "truncated" in summary.errors[0].message
        assert len(summary.ingested) == 1


def test_every_gzip_member_is_read() -> None:
    assert gunzip(gzip.compress(b"first ") + gzip.compress(b"second"), 1000) == b"first second"


@pytest.mark.parametrize("charset", ["x-no-such-codec", "hex", "rot13", "zlib", "utf-16"])
def test_a_declared_charset_that_cannot_decode_text_falls_back(charset: str) -> None:
    page = (
        f'<html><head><meta charset="{charset}"></head><body><p>The café owner José was '
        "held.</p></body></html>"
    ).encode("cp1252")
    text, encoding = decode_text(page, "page.html", html=True)
    assert "café owner José" in text
    assert encoding == "cp1252"


def test_a_page_of_navigation_links_has_no_text(tmp_path: Path, db_location: str) -> None:
    (tmp_path / "menu.html").write_text(
        '<html><body><nav><a href="/">Home</a><a href="/about">About</a></nav></body></html>'
    )
    (tmp_path / "links.html").write_text(
        '<html><body><div><a href="/">Home</a> | <a href="/a">About us</a></div></body></html>'
    )
    (tmp_path / "story.html").write_text(
        '<html><body><nav><a href="/">Home</a></nav><article><p>Guards detained <a href="/k">'
        "40 students</a> in Koss on Monday, the Monitor said.</p></article></body></html>"
    )
    with open_store(db_location) as store:
        summary = ingest(store, [str(tmp_path)])
        failed = sorted((Path(e.item).name, e.code) for e in summary.errors)
        assert failed == [("links.html", "T107"), ("menu.html", "T107")]
        assert len(summary.ingested) == 1


def test_pdf_library_warnings_go_to_the_log_not_stderr(
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    db_location: str,
) -> None:
    pdf = make_pdf(["The Monitor counted 120 people detained in Koss."])
    cut = pdf[: pdf.rindex(b"%%EOF")]  # no end-of-file marker: pypdf warns and reads on
    (tmp_path / "report.pdf").write_bytes(cut)
    with (
        caplog.at_level(logging.INFO, logger="tolltrace.ingest"),
        open_store(db_location) as store,
    ):
        summary = ingest(store, [str(tmp_path)])
    assert len(summary.ingested) + summary.failed == 1
    assert "EOF marker" not in capfd.readouterr().err
    assert any("report.pdf" in r.getMessage() and "pypdf" in r.getMessage() for r in caplog.records)
