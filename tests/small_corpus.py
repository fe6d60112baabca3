"""A small fictional corpus (Valdoria) shared by the extraction job and CLI tests."""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "koss.txt": (
        "Koss, May 2, 2031 - Security forces detained at least 40 students outside the\n"
        "university on Thursday, the Valdorian Rights Monitor said. About 200 people were\n"
        "arrested across the province, and 3 protesters were killed near the bus station.\n"
    ),
    "tarn.txt": (
        "Tarn, June 9, 2031 - The interior ministry denied that 12 prisoners were killed in\n"
        "the Tarn jail fire. Families said dozens of inmates were missing.\n"
    ),
    "quiet.txt": "Mirath, July 1, 2031 - The harvest festival opened on Sunday in the old town.\n",
}


def write_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder
