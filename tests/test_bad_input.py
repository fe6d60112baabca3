"""Every kind of bad input from the foundation issue: a clear per-item error, the batch goes on."""

import gzip
import json
from pathlib import Path

from tests.pdfmaker import make_pdf
from tolltrace.pipeline import IngestOptions, ingest
from tolltrace.runner import PoolRunner
from tolltrace.store import open_store
from tolltrace.store.sqlite import SQLiteStore
from tolltrace.verify import verify_store

GOOD = (
    "Koss, May 2, 2025 - Security forces detained at least 40 students outside the "
    "university on Thursday, the Valdorian Human Rights Monitor said.\n\n"
    "The interior ministry denied that any student was held.\n"
)


def _corpus(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {
        "good": folder / "good.txt",
        "binary": folder / "junk.txt",
        "latin": folder / "latin.txt",
        "empty": folder / "empty.txt",
        "malformed": folder / "broken.html",
        "scan": folder / "scan.pdf",
        "report": folder / "report.pdf",
        "corpus": folder / "wire.jsonl",
        "gz": folder / "page.html.gz",
    }
    files["good"].write_text(GOOD)
    files["binary"].write_bytes(bytes(range(256)) * 50)
    files["latin"].write_bytes(
        "Mirath, June 1, 2025 - The café owner, José, was arrested with 12 others.".encode("cp1252")
        + b" \x81\x8d stray bytes."
    )
    files["empty"].write_bytes(b"")
    files["malformed"].write_text(
        "<html><body><div><p>Guards in Velisk beat 30 protesters, witnesses said.<p>"
        "<div><span>Dozens were taken to hospital.<table><tr><td>unclosed"
    )
    files["scan"].write_bytes(make_pdf([]))
    files["report"].write_bytes(make_pdf(["Annual report of the Monitor.", "120 people detained."]))
    records = [
        json.dumps({"text": "Wire: 12 people were injured in Koss, police said.", "uri": "w/1"}),
        '{"text": "unterminated',
        json.dumps({"text": "Wire: the Monitor counted 112 deaths.", "uri": "w/2"}),
    ]
    files["corpus"].write_text("\n".join(records) + "\n")
    files["gz"].write_bytes(
        gzip.compress(
            b"<html><body><article><p>Seven journalists were detained.</p></article></body></html>"
        )
    )
    return files


def test_a_batch_with_every_kind_of_bad_input_goes_on(tmp_path: Path, db_location: str) -> None:
    files = _corpus(tmp_path / "in")
    missing = str(tmp_path / "in" / "missing.txt")
    with open_store(db_location) as store:
        summary = ingest(store, [str(tmp_path / "in"), missing])
        failed = {Path(e.item.split(":")[0]).name: e for e in summary.errors}
        assert failed["junk.txt"].code == "T105"  # binary
        assert failed["empty.txt"].code == "T104"
        assert failed["scan.pdf"].code == "T107"  # no text layer
        assert failed["missing.txt"].code == "T101"
        assert failed["wire.jsonl"].code == "T106"  # the broken line only
        assert failed["wire.jsonl"].item.endswith(":2")
        assert "OCR" in failed["scan.pdf"].message
        # Everything else went in: good text, legacy encoding, malformed HTML, PDF, gz, 2 records.
        assert len(summary.ingested) == 7, summary.errors
        recorded = {e.error.item for e in store.errors(summary.run_id)}
        assert recorded == {e.item for e in summary.errors}
        latin = store.get_document(store.resolve_id(str(files["latin"])))
        assert latin.clean is not None
        assert "José" in latin.clean.text
        assert verify_store(store).ok


def test_rerunning_is_safe_and_adds_nothing(tmp_path: Path, db_location: str) -> None:
    _corpus(tmp_path / "in")
    with open_store(db_location) as store:
        first = ingest(store, [str(tmp_path / "in")])
        custody_before = len(list(store.custody()))
        second = ingest(store, [str(tmp_path / "in")])
        assert second.ingested == []
        assert sorted(second.duplicates) == sorted(first.ingested)
        assert store.count_documents() == len(first.ingested)
        # Only the new run's own entry was added to the chain.
        entries = list(store.custody())
        assert len(entries) == custody_before + 1
        assert entries[-1].action == "run"
        assert verify_store(store).ok


def test_the_same_bytes_twice_in_one_batch_are_stored_once(
    tmp_path: Path, db_location: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "copy-of-a.txt").write_text(GOOD)
    with open_store(db_location) as store:
        summary = ingest(store, [str(folder)])
        assert len(summary.ingested) == 1
        assert len(summary.duplicates) == 1


def test_a_size_limit_is_a_per_item_error(tmp_path: Path, db_location: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "small.txt").write_text(GOOD)
    (folder / "big.txt").write_text(GOOD * 200)
    with open_store(db_location) as store:
        summary = ingest(store, [str(folder)], IngestOptions(max_bytes=5_000))
        assert [e.code for e in summary.errors] == ["T103"]
        assert len(summary.ingested) == 1


def test_pathological_text_does_not_crash(tmp_path: Path, db_location: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one-line.txt").write_text("word " * 200_000)
    (folder / "no-breaks.txt").write_text("x" * 100_000)
    (folder / "numbers.txt").write_text(
        "\n".join(" ".join(str(n) for n in range(20)) for _ in range(500))
    )
    (folder / "deep.html").write_text(
        "<div>" * 20_000 + "<p>Deep text here.</p>" + "</div>" * 20_000
    )
    with open_store(db_location) as store:
        summary = ingest(store, [str(folder)])
        assert len(summary.ingested) + summary.failed == 4
        assert all(e.code.startswith("T1") for e in summary.errors), summary.errors


def test_a_process_pool_stores_the_same_documents_as_one_process(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    with SQLiteStore(tmp_path / "one.db") as one, SQLiteStore(tmp_path / "two.db") as two:
        serial = ingest(one, [str(tmp_path / "in")])
        pooled = ingest(two, [str(tmp_path / "in")], IngestOptions(runner=PoolRunner(2)))
        assert pooled.ingested == serial.ingested  # same documents, same order
        assert sorted(e.item for e in pooled.errors) == sorted(e.item for e in serial.errors)
        for doc_id in serial.ingested:
            a, b = one.get_document(doc_id).clean, two.get_document(doc_id).clean
            assert a is not None and b is not None
            assert (a.text, a.offsets, a.dates) == (b.text, b.offsets, b.dates)
