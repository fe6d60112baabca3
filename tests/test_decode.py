import gzip

import pytest

from tests.pdfmaker import make_pdf
from tolltrace.errors import BinaryInput, EmptyInput, NoText, TooLarge, Unreadable
from tolltrace.ingest.decode import decode_item, decode_text, gunzip
from tolltrace.model import SourceItem

TEXT = "Guards in Sarenna detained 40 students, the Monitor said. Café owners closed early."


def _item(data: bytes, media_type: str = "text/plain", container: str = "file") -> SourceItem:
    return SourceItem(data, "x", "x", media_type, container)


def test_utf8_is_decoded_as_is() -> None:
    assert decode_item(_item(TEXT.encode())).text == TEXT


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_legacy_encodings_are_detected(encoding: str) -> None:
    data = (TEXT + " " + TEXT).encode(encoding)
    if encoding == "utf-16":
        data = data[2:]  # no BOM: detection must still find it
    text, _ = decode_text(data, "x")
    assert "Café" in text


def test_undecodable_bytes_never_crash() -> None:
    data = TEXT.encode() + b"\xff\xfe\xfa broken \xc3" + TEXT.encode()
    text, _ = decode_text(data, "x")
    assert "Sarenna" in text


def test_html_meta_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café ’</p></body></html>'
    text, used = decode_text(page.encode("cp1252"), "x", html=True)
    assert used == "cp1252"
    assert "Café ’" in text


def test_binary_junk_is_refused() -> None:
    junk = bytes(range(256)) * 64
    with pytest.raises(BinaryInput):
        decode_item(_item(junk))


def test_empty_and_blank_inputs_are_refused() -> None:
    with pytest.raises(EmptyInput):
        decode_item(_item(b""))
    with pytest.raises(EmptyInput):
        decode_item(_item(b" \n\t\n "))


def test_gzip_is_inflated_and_bombs_refused() -> None:
    page = b"<html><body><p>" + TEXT.encode() + b"</p></body></html>"
    assert TEXT in decode_item(_item(gzip.compress(page), "text/html", "gzip")).text
    with pytest.raises(TooLarge):
        gunzip(gzip.compress(b"0" * 10_000), max_bytes=1_000)
    with pytest.raises(Unreadable):
        gunzip(b"\x1f\x8b not really gzip", max_bytes=1_000)


def test_pdf_text_layer_and_scans() -> None:
    decoded = decode_item(_item(make_pdf(["Forty students were detained."]), "application/pdf"))
    assert decoded.text == "Forty students were detained."
    with pytest.raises(NoText):
        decode_item(_item(make_pdf([]), "application/pdf"))
    with pytest.raises(Unreadable):
        decode_item(_item(b"%PDF-1.4\n garbage that is not a pdf", "application/pdf"))
