"""UTF-16 without a byte-order mark, and stray NUL bytes in text, are read as text with a caveat (issue 15);
real binaries stay refused."""

from __future__ import annotations

import gzip
import io
import random
import zipfile

import pytest

import corpus_tools as ct
from corpus_tools.io.encoding import DecodeError, decode_bytes

TEXT = "date 2024-01-02\n\nXi’s visit to Moscow was short. Officials said so.\n\nThe talks end on Friday."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_guessed_from_its_nul_pattern(codec):
    decoded = decode_bytes(TEXT.encode(codec))
    assert decoded.text == TEXT
    assert decoded.encoding == codec
    assert "no byte-order mark" in decoded.warning and codec.upper() in decoded.warning


def test_utf16_cut_one_byte_short_drops_the_half_character_and_says_so():
    decoded = decode_bytes(TEXT.encode("utf-16-be") + b"\x00")
    assert decoded.text == TEXT and decoded.encoding == "utf-16-be"
    assert decoded.warning.endswith("; the odd last byte (a cut-off character) was dropped")


def test_utf32_without_a_bom_is_not_mistaken_for_utf16():
    with pytest.raises(DecodeError, match="contains NUL bytes"):
        decode_bytes(TEXT.encode("utf-32-le"))


def test_utf16_without_a_bom_holding_mostly_cyrillic_still_reads():
    text = "Москва, 12 мая. Переговоры идут: 3 дня, 2 страны, 1 итог. Итог - мир."
    assert decode_bytes(text.encode("utf-16-le")).text == text


def test_one_nul_byte_in_3_kb_of_text_is_dropped_with_a_count():
    data = ("Oil prices rose. " * 90).encode() + b"\x00" + ("Gas fell. " * 150).encode()
    assert 2900 < len(data) < 3200
    decoded = decode_bytes(data)
    assert "\x00" not in decoded.text and decoded.text.startswith("Oil prices rose.")
    assert decoded.text.count("Gas fell.") == 150
    assert decoded.warning == f"1 NUL byte dropped (the first at byte {17 * 90})"


def test_three_nul_bytes_are_counted_and_a_legacy_caveat_is_kept():
    data = "Café crème. ".encode("cp1252") * 100 + b"\x00\x00" + b"x" * 50 + b"\x00"
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252" and decoded.warning.startswith("3 NUL bytes dropped")


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", TEXT * 20)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "contains NUL bytes"),
    (_zip_bytes(), "contains NUL bytes"),
    (b"PK\x03\x04" + b"text-like bytes " * 50, "a ZIP archive"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" * 20, "a PDF file"),
    (gzip.compress(TEXT.encode() * 30, mtime=0), "looks binary"),
    (b"\xff\xd8\xff\xe0" + random.Random(1).randbytes(3000), "looks binary"),
    (random.Random(2).randbytes(3000), "looks binary"),  # ~0.4 % NULs: dropped, then too many controls
    (bytes(4000), "contains NUL bytes"),
])
def test_real_binaries_are_still_refused(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_the_loader_records_each_guess_as_a_caveat_naming_the_file(tmp_path):
    (tmp_path / "le.txt").write_bytes(TEXT.encode("utf-16-le"))
    (tmp_path / "nul.txt").write_bytes(("Oil prices rose. " * 180).encode() + b"\x00" + b"The end.")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n%%EOF\n")
    with pytest.warns(ct.io.loading.CorpusLoadWarning if hasattr(ct.io, "loading") else Warning):
        corpus = ct.load_corpus(tmp_path)
    assert sorted(a.id for a in corpus) == ["le", "nul"]
    le = next(a for a in corpus if a.id == "le")
    assert le.date is not None and str(le.date)[:10] == "2024-01-02" and "Xi’s visit" in le.text
    problems = {(p.path.rsplit("/", 1)[-1], p.severity): p.reason for p in corpus.problems}
    assert "UTF-16-LE" in problems[("le.txt", "warning")]
    assert problems[("nul.txt", "warning")].startswith("1 NUL byte dropped")
    assert problems[("image.txt", "skipped")] == "looks binary (contains NUL bytes)"
    assert problems[("scan.txt", "skipped")] == "looks binary (a PDF file)"
