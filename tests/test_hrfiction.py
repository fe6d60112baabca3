"""The hand-written gold of the fictional human-rights corpus agrees with its documents."""

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

FOLDER = Path(__file__).parent / "data" / "hrfiction"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"hrfiction_{name}", FOLDER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_gold_figure_is_in_its_document() -> None:
    gold = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))
    assert len(gold["claims"]) >= 200 and len(list((FOLDER / "docs").glob("*.txt"))) == 24
    assert load("check_gold").problems(FOLDER) == []


def test_gold_json_is_what_gold_src_writes() -> None:
    written = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(load("gold_src").build()))


def test_the_checker_finds_a_misquoted_figure(tmp_path: Path) -> None:
    copy = tmp_path / "hrfiction"
    shutil.copytree(FOLDER, copy)
    gold = json.loads((copy / "gold.json").read_text(encoding="utf-8"))
    gold["claims"][0]["quote"] = gold["claims"][0]["quote"].replace("47", "48")
    gold["claims"][1]["category"] = "dead"
    gold["claims"][2]["event"] = "no-such-event"
    (copy / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    found = load("check_gold").problems(copy)
    assert [p.split(": ", 1)[1] for p in found] == [
        "quote is not in the document",
        "value 47 is not written in the quote",
        "unknown category",
        "event 'no-such-event' is not defined",
    ]
