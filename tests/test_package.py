"""Evidence packages (issue 20, item 5): `tolltrace package` on the fictional example corpus,
and `tolltrace verify-package` finding every file altered, missing or added."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tolltrace.cli import cli
from tolltrace.export import PUBLIC_FIELDS
from tolltrace.model import CustodyEntry
from tolltrace.package import build_package, verify_package
from tolltrace.package.layout import CLAIMS, CUSTODY, MANIFEST, REPORT
from tolltrace.pipeline import extract, ingest, link
from tolltrace.store.custody import GENESIS, entry_hash, next_entry, verify_chain
from tolltrace.store.sqlite import SQLiteStore

EXAMPLES = Path(__file__).parents[1] / "examples"
ORIGINAL = re.compile(r"originals/[0-9a-f]{64}\.")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("package") / "demo.db"
    with SQLiteStore(path) as store:
        ingest(store, [str(EXAMPLES)])
        extract(store)
        link(store)
    return path


@pytest.fixture(scope="module")
def crackdown(demo: Path) -> str:
    with SQLiteStore(demo) as store:
        (event,) = [e for e in store.events() if e.name and "March" in e.name]
        return event.id


@pytest.fixture(scope="module")
def package(demo: Path, crackdown: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("out") / "march.zip"
    result = _run("package", crackdown[:8], "--output", str(output), "--by", "Ilse Marno", db=demo)
    assert result.exit_code == 0, result.output
    assert "10 originals" in result.output
    return output


def _run(*args: str, db: Path | None = None) -> Result:
    extra = ["--db", str(db)] if db is not None else []
    return CliRunner().invoke(cli, [*args, *extra])


def _verify(path: Path) -> Result:
    return _run("verify-package", str(path))


def _rewrite(
    source: Path,
    target: Path,
    change: Callable[[str, bytes], bytes | None] = lambda _name, data: data,
    add: dict[str, bytes] | None = None,
) -> None:
    """A copy of the zip with each member's bytes as `change` returns them (None: left out)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _problem_lines(result: Result) -> list[str]:
    return [line.strip() for line in result.output.splitlines() if line.startswith("  ")]


def test_a_fresh_package_verifies(package: Path) -> None:
    result = _verify(package)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 15 files (10 originals)")
    assert re.search(r"manifest sha256: [0-9a-f]{64}", result.output)


def test_the_manifest_lists_every_file_with_its_hash_and_size(package: Path) -> None:
    members = _members(package)
    manifest = json.loads(members[MANIFEST])
    listed = {row["path"]: row for row in manifest["files"]}
    assert set(listed) == set(members) - {MANIFEST}
    for name, data in members.items():
        if name != MANIFEST:
            assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest(), name
            assert listed[name]["size"] == len(data), name
    assert manifest["created_by"]["person"] == "Ilse Marno"
    assert manifest["created_by"]["tool_version"] and manifest["created_by"]["extractor"]
    assert manifest["store"]["location"].endswith("demo.db")
    assert manifest["store"]["custody_head"]["seq"] >= 10
    # Originals and derived files apart; the victims and dossiers have their place, empty.
    kinds = {row["path"].split("/")[0]: row["kind"] for row in manifest["files"]}
    assert kinds == {"originals": "original", "custody": "custody", "derived": "derived"}
    assert manifest["contents"]["victims"] is None and manifest["contents"]["dossiers"] is None


def test_originals_are_the_preserved_bytes_named_by_their_hash(package: Path) -> None:
    members = _members(package)
    manifest = json.loads(members[MANIFEST])
    originals = [name for name in members if name.startswith("originals/")]
    assert len(originals) == 10
    uris = {row["uri"].rsplit("/", 1)[-1]: row for row in manifest["originals"]}
    on_disk = EXAMPLES / "01_evening-post_protests-spread.txt"
    row = uris[on_disk.name]
    assert members[row["path"]] == on_disk.read_bytes()
    assert row["sha256"] == hashlib.sha256(on_disk.read_bytes()).hexdigest()
    assert row["ingested_at"] and row["ingest_custody_seq"] >= 1
    # The gzipped page is kept gzipped, an HTML page as text that no browser would run.
    assert any(name.endswith(".gz") for name in originals)
    assert any(name.endswith(".html.txt") for name in originals)


def test_claims_are_the_public_export_with_quotes_and_offsets(package: Path) -> None:
    members = _members(package)
    lines = members[CLAIMS].decode().splitlines()
    assert len(lines) == json.loads(members[MANIFEST])["claims"]["count"] > 20
    claims = [json.loads(line) for line in lines]
    assert list(claims[0])[: len(PUBLIC_FIELDS)] == list(PUBLIC_FIELDS)
    assert any(c["low"] == 112 and "112" in c["text"] for c in claims), "the monitor's figure"
    # A quote is found again in its original, as the package holds it, at its raw offsets.
    names = {name[10:74]: name for name in members if ORIGINAL.match(name)}
    plain = [
        c
        for c in claims
        if names[c["document"]].endswith(".txt") and ".html" not in names[c["document"]]
    ]
    assert len(plain) > 10
    for claim in plain:
        original = members[names[claim["document"]]].decode()
        words = original[claim["raw_start"] : claim["raw_end"]]
        assert " ".join(words.split()) == claim["text"], claim["id"]
        assert claim["text"] in claim["sentence"]


def test_the_report_links_each_original_inside_the_package(package: Path) -> None:
    members = _members(package)
    page = members[REPORT].decode()
    links = re.findall(r'href="\.\./(originals/[^"]+)"', page)
    assert len(links) == 10
    assert set(links) == {name for name in members if ORIGINAL.match(name)}


def test_custody_gives_the_entries_of_the_originals_in_full(package: Path) -> None:
    members = _members(package)
    entries = [json.loads(line) for line in members[CUSTODY].decode().splitlines()]
    full = [e for e in entries if not e.get("withheld")]
    ingested = {e["subject"] for e in full if e["action"] == "ingest"}
    originals = {name[10:74] for name in members if ORIGINAL.match(name)}
    assert ingested == originals
    assert {e["subject"] for e in full if e["action"] == "extract"} == originals
    for entry in full:  # a reader's own check, with nothing but hashlib and json
        body = [entry[k] for k in ("seq", "at", "action", "subject", "details", "prev_hash")]
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert hashlib.sha256(text.encode()).hexdigest() == entry["hash"]
    assert [e["seq"] for e in entries] == list(range(entries[0]["seq"], entries[-1]["seq"] + 1))


def test_a_smaller_event_withholds_the_entries_of_other_documents(
    demo: Path, crackdown: str, tmp_path: Path
) -> None:
    with SQLiteStore(demo) as store:
        event = next(e for e in store.events() if e.id != crackdown and len(e.documents) == 1)
        summary = build_package(
            store, event.id, tmp_path / "one.zip", store_location="x", made_by=""
        )
    assert summary.originals == 1 and summary.custody_withheld > 0
    entries = [json.loads(line) for line in _members(tmp_path / "one.zip")[CUSTODY].splitlines()]
    withheld = [e for e in entries if e.get("withheld")]
    assert withheld and all(set(e) == {"seq", "prev_hash", "hash", "withheld"} for e in withheld)
    assert verify_package(tmp_path / "one.zip").ok


def test_the_same_store_and_event_give_the_same_bytes(
    demo: Path, crackdown: str, package: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.zip"
    assert (
        _run("package", crackdown, "--output", str(again), "--by", "Ilse Marno", db=demo).exit_code
        == 0
    )
    first, second = _members(package), _members(again)
    assert set(first) == set(second)
    for name in first:
        if name != MANIFEST:
            assert first[name] == second[name], name
    one, two = json.loads(first[MANIFEST]), json.loads(second[MANIFEST])
    assert one.pop("created_at") != "" and two.pop("created_at") != ""
    assert one == two
    # With the creation time fixed, the whole zip is byte-identical.
    made = []
    for name in ("a.zip", "b.zip"):
        with SQLiteStore(demo) as store:
            build_package(
                store,
                crackdown,
                tmp_path / name,
                store_location="demo.db",
                made_by="Ilse Marno",
                created_at="2031-04-02T09:00:00.000000Z",
            )
        made.append((tmp_path / name).read_bytes())
    assert made[0] == made[1]
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_one_byte_changed_in_an_original_is_named(package: Path, tmp_path: Path) -> None:
    target = sorted(name for name in _members(package) if ORIGINAL.match(name))[3]

    def flip(name: str, data: bytes) -> bytes:
        if name != target:
            return data
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]

    _rewrite(package, tmp_path / "altered.zip", flip)
    result = _verify(tmp_path / "altered.zip")
    assert result.exit_code == 1, result.output
    problems = _problem_lines(result)
    assert problems and all(line.startswith(target) for line in problems), problems
    assert "altered" in problems[0]


def test_one_byte_changed_in_the_zip_itself_is_named(package: Path, tmp_path: Path) -> None:
    # The bytes flipped where they lie in the zip (its CRC no longer matches), not rewritten.
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo(CLAIMS)
    data = bytearray(package.read_bytes())
    name_length, extra_length = (
        int.from_bytes(data[info.header_offset + i : info.header_offset + i + 2], "little")
        for i in (26, 28)
    )
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0x10
    (tmp_path / "flipped.zip").write_bytes(bytes(data))
    result = _verify(tmp_path / "flipped.zip")
    assert result.exit_code == 1, result.output
    assert any(line.startswith(f"{CLAIMS}: altered") for line in _problem_lines(result))


def test_a_removed_file_is_named(package: Path, tmp_path: Path) -> None:
    _rewrite(package, tmp_path / "removed.zip", lambda name, data: None if name == REPORT else data)
    result = _verify(tmp_path / "removed.zip")
    assert result.exit_code == 1
    assert _problem_lines(result) == [f"{REPORT}: missing: in the manifest, not in the package"]


def test_an_added_file_is_named(package: Path, tmp_path: Path) -> None:
    added = "originals/note-from-orvane.txt"
    _rewrite(package, tmp_path / "added.zip", add={added: b"a page slipped in later"})
    result = _verify(tmp_path / "added.zip")
    assert result.exit_code == 1
    assert _problem_lines(result) == [f"{added}: added: not in the manifest"]


def _tamper_custody(package: Path, target: Path, fix_manifest: bool) -> None:
    """Change the uri an ingest entry records; with `fix_manifest`, also the custody file's
    hash in the manifest, so that only the chain itself can tell."""
    members = _members(package)
    lines = members[CUSTODY].decode().splitlines()
    index = next(i for i, line in enumerate(lines) if '"action": "ingest"' in line)
    entry = json.loads(lines[index])
    entry["details"]["uri"] = "examples/a-different-page.txt"
    lines[index] = json.dumps(entry, sort_keys=True, ensure_ascii=False)
    custody = ("\n".join(lines) + "\n").encode()
    manifest = json.loads(members[MANIFEST])
    if fix_manifest:
        row = next(row for row in manifest["files"] if row["path"] == CUSTODY)
        row["sha256"], row["size"] = hashlib.sha256(custody).hexdigest(), len(custody)
    replaced = {CUSTODY: custody, MANIFEST: json.dumps(manifest, indent=2).encode()}
    _rewrite(package, target, lambda name, data: replaced.get(name, data))


@pytest.mark.parametrize("fix_manifest", [False, True])
def test_a_tampered_custody_entry_fails(package: Path, tmp_path: Path, fix_manifest: bool) -> None:
    _tamper_custody(package, tmp_path / "custody.zip", fix_manifest)
    result = _verify(tmp_path / "custody.zip")
    assert result.exit_code == 1, result.output
    problems = _problem_lines(result)
    assert any(
        line.startswith(f"{CUSTODY} (custody #") and "content altered" in line for line in problems
    )
    assert any(line.startswith(f"{CUSTODY}: altered") for line in problems) is not fix_manifest


def test_a_withheld_entry_with_another_hash_breaks_the_chain(package: Path, tmp_path: Path) -> None:
    members = _members(package)
    lines = members[CUSTODY].decode().splitlines()
    index = next(i for i, line in enumerate(lines) if '"withheld": true' in line)
    stub = json.loads(lines[index])
    stub["hash"] = "f" * 64
    lines[index] = json.dumps(stub, sort_keys=True)
    custody = ("\n".join(lines) + "\n").encode()
    manifest = json.loads(members[MANIFEST])
    row = next(row for row in manifest["files"] if row["path"] == CUSTODY)
    row["sha256"], row["size"] = hashlib.sha256(custody).hexdigest(), len(custody)
    replaced = {CUSTODY: custody, MANIFEST: json.dumps(manifest).encode()}
    _rewrite(package, tmp_path / "stub.zip", lambda name, data: replaced.get(name, data))
    report = verify_package(tmp_path / "stub.zip")
    assert not report.ok
    assert any("chain broken" in p.problem or "custody head" in p.problem for p in report.problems)


def test_a_file_that_is_no_package_is_a_clear_error(package: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("field notes from Orvane, not a zip\n")
    result = _verify(text)
    assert result.exit_code == 3
    assert "T501" in result.output and "not a zip file" in result.output
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "photos of the Orvane march")
    result = _verify(other)
    assert result.exit_code == 3
    assert "T501" in result.output and "no tolltrace evidence package" in result.output
    assert _verify(tmp_path / "absent.zip").exit_code == 3


def test_an_unknown_event_is_a_clear_error(demo: Path, tmp_path: Path) -> None:
    result = _run("package", "ffffffffffff", "--output", str(tmp_path / "x.zip"), db=demo)
    assert result.exit_code == 3 and "T311" in result.output
    assert not (tmp_path / "x.zip").exists()


def _chain(count: int) -> list[CustodyEntry]:
    entries: list[CustodyEntry] = []
    for number in range(count):
        previous = entries[-1] if entries else None
        entries.append(next_entry(previous, "ingest", f"doc{number}", {"n": number}, "2031-01-01"))
    return entries


def test_verify_chain_checks_a_stretch_with_withheld_entries() -> None:
    entries = _chain(6)
    assert entries[0].prev_hash == GENESIS
    stretch = entries[2:]
    assert verify_chain(stretch, partial=True) == []
    assert verify_chain(stretch) != []  # a stretch is not a whole chain
    hidden = stretch[1]
    stub = CustodyEntry(hidden.seq, "", "", "", {}, hidden.prev_hash, hidden.hash)
    assert verify_chain([stretch[0], stub, *stretch[2:]], partial=True, withheld={hidden.seq}) == []
    # Without saying it is withheld, the stub's content does not give its hash.
    assert verify_chain([stretch[0], stub, *stretch[2:]], partial=True) != []
    assert entry_hash(1, "2031-01-01", "ingest", "doc0", {"n": 0}, GENESIS) == entries[0].hash


def test_an_output_folder_that_does_not_exist_is_a_clear_error(
    demo: Path, crackdown: str, tmp_path: Path
) -> None:
    output = tmp_path / "no-such-folder" / "march.zip"
    result = _run("package", crackdown, "--output", str(output), db=demo)
    assert result.exit_code == 3 and "T500" in result.output, result.output
    assert not output.parent.exists()


def test_an_original_removed_with_its_manifest_row_is_named(package: Path, tmp_path: Path) -> None:
    members = _members(package)
    target = sorted(name for name in members if ORIGINAL.match(name))[0]
    manifest = json.loads(members[MANIFEST])
    manifest["files"] = [row for row in manifest["files"] if row["path"] != target]
    replaced = {MANIFEST: json.dumps(manifest).encode()}
    _rewrite(
        package,
        tmp_path / "gone.zip",
        lambda name, data: None if name == target else replaced.get(name, data),
    )
    result = _verify(tmp_path / "gone.zip")
    assert result.exit_code == 1
    problems = _problem_lines(result)
    assert f"{target}: missing: in the manifest's originals, not among its files" in problems
    assert any(line.startswith(f"{CLAIMS} line ") for line in problems)  # its claims quote it


def test_custody_cut_at_its_start_is_named(package: Path, tmp_path: Path) -> None:
    members = _members(package)
    custody = b"".join(members[CUSTODY].splitlines(keepends=True)[1:])
    manifest = json.loads(members[MANIFEST])
    row = next(row for row in manifest["files"] if row["path"] == CUSTODY)
    row["sha256"], row["size"] = hashlib.sha256(custody).hexdigest(), len(custody)
    replaced = {CUSTODY: custody, MANIFEST: json.dumps(manifest).encode()}
    _rewrite(package, tmp_path / "cut.zip", lambda name, data: replaced.get(name, data))
    problems = [(p.where, p.problem) for p in verify_package(tmp_path / "cut.zip").problems]
    assert any(where == CUSTODY and "starts at entry" in problem for where, problem in problems)
    assert any("no ingest entry" in problem for _, problem in problems)


def test_a_store_whose_original_was_altered_gives_no_package(
    demo: Path, crackdown: str, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    with sqlite3.connect(demo) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as raw:
        raw.execute("UPDATE originals SET bytes = x'4f7276616e65' WHERE doc_rowid = 1")
    output = tmp_path / "march.zip"
    result = _run("package", crackdown, "--output", str(output), db=copy)
    assert result.exit_code == 3 and "T502" in result.output, result.output
    assert not output.exists() and list(tmp_path.glob("*.zip*")) == []
