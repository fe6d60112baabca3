import gzip
import json
from pathlib import Path

from tolltrace.ingest.sources import Found, discover, read_items
from tolltrace.model import ItemError, SourceItem


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "second")
    _write(tmp_path / "a" / "deep" / "c.html", "<p>third</p>")
    _write(tmp_path / "a" / "page.html.gz", gzip.compress(b"<p>gz</p>"))
    _write(tmp_path / "a" / "notes.docx", "not ours")
    _write(tmp_path / ".hidden" / "x.txt", "hidden")
    found = [f for f in discover([str(tmp_path)]) if isinstance(f, Found)]
    # Top-down: a folder's own files, then its sub-folders, each sorted by name.
    assert [f.path.name for f in found] == ["b.txt", "page.html.gz", "c.html"]
    assert (found[1].media_type, found[1].container) == ("text/html", "gzip")


def test_globs_expand_and_missing_paths_are_errors(tmp_path: Path) -> None:
    _write(tmp_path / "one.txt", "1")
    _write(tmp_path / "two.txt", "2")
    results = list(discover([str(tmp_path / "*.txt"), str(tmp_path / "absent.txt")]))
    assert [r.path.name for r in results if isinstance(r, Found)] == ["one.txt", "two.txt"]
    errors = [r for r in results if isinstance(r, ItemError)]
    assert len(errors) == 1
    assert errors[0].code == "T101"
    assert "does not exist" in errors[0].message


def test_a_named_file_of_unknown_type_is_sniffed(tmp_path: Path) -> None:
    page = _write(tmp_path / "download", "<!DOCTYPE html><html><body>x</body></html>")
    (found,) = discover([str(page)])
    assert isinstance(found, Found)
    assert found.media_type == "text/html"


def test_jsonl_records_become_documents_and_bad_lines_are_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "title": "Koss",
                "dct": "2025-03-02",
                "uri": "http://x/1",
                "content": "Guards detained 40 students.",
            }
        ),
        "{broken json",
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second record.", "url": "http://x/2"}),
    ]
    corpus = _write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    (found,) = discover([str(corpus)])
    assert isinstance(found, Found)
    results = list(read_items(found))
    items = [r for r in results if isinstance(r, SourceItem)]
    errors = [r for r in results if isinstance(r, ItemError)]
    assert [i.uri for i in items] == ["http://x/1", "http://x/2"]
    assert items[0].fields["dct"] == "2025-03-02"
    assert items[0].fields["text_field"] == "content"
    assert "content" not in items[0].fields  # the text lives in the original, not twice
    assert items[0].original == lines[0].encode()
    assert [e.item.rsplit(":", 1)[1] for e in errors] == ["2", "3", "4"]
    assert all(e.code == "T106" for e in errors)


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: 200 MB on paper, nothing on disk
    (found,) = discover([str(huge)])
    assert isinstance(found, Found)
    (result,) = read_items(found)
    assert isinstance(result, ItemError)
    assert result.code == "T103"
    assert "200 MB" in result.message


def test_an_overlong_jsonl_record_is_skipped_and_the_next_one_read(tmp_path: Path) -> None:
    big = json.dumps({"text": "x" * 5000})
    small = json.dumps({"text": "after the big one"})
    corpus = _write(tmp_path / "c.jsonl", big + "\n" + small + "\n")
    (found,) = discover([str(corpus)])
    assert isinstance(found, Found)
    results = list(read_items(found, max_bytes=1000))
    assert isinstance(results[0], ItemError)
    assert results[0].code == "T103"
    assert isinstance(results[1], SourceItem)
    assert results[1].original == small.encode()
