"""Decoding article files whose encoding nobody told us.

Written by hand because the order of guesses matters for news archives and
must be deterministic: chardet-style statistical detection can change its
answer between versions.  The rules:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. no mark, but NUL bytes at nearly every other position and (almost) none
   in between: UTF-16-LE or -BE text without a byte-order mark (ASCII-range
   characters have a NUL high byte), decoded as such with a warning that
   the encoding was guessed;
3. the signature of a known binary format (PDF, ZIP and the office formats
   built on it, gzip, PNG, JPEG, GIF), more NUL bytes than
   :data:`MAX_STRAY_NULS_SHARE` of the file, or more than 5% control
   characters, means a binary file;
4. a few NUL bytes in otherwise text (a stray byte from a bad copy or a
   database export) are dropped, with a warning giving their number;
5. strict UTF-8;
6. UTF-8 with some invalid bytes (a file with valid multi-byte UTF-8
   sequences *and* stray legacy bytes, typically a Windows-1252 curly quote
   pasted into a UTF-8 file): the stray bytes are read as Windows-1252 and
   a warning says where;
7. no multi-byte UTF-8 at all: Windows-1252, the usual legacy encoding of
   English news text (a superset of the printable Latin-1 range);
8. Latin-1, which decodes any byte, for the five bytes Windows-1252 leaves
   undefined.

Rules 7 and 8 cannot tell Windows-1252 from the other single-byte legacy
encodings (Cyrillic Windows-1251, Central European Windows-1250...): their
letters are Windows-1252 accented letters and symbols.  The decoded text is
checked for the two signs of a wrong guess (words made mostly of accented
capitals and lower case letters, as Cyrillic reads; symbols such as ``¹ ³ ¿
¥`` inside words, as Polish and Czech letters read) and a warning says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "DecodeError", "decode_bytes", "legacy_encoding_warning"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.05
#: Most NUL bytes a text file may hold (as a share of its bytes; at least one
#: is always allowed) and still be read as text, the NULs dropped.  Compressed
#: data has about 0.4 % NULs, but then fails the control-character rule.
MAX_STRAY_NULS_SHARE = 0.01
#: Share of the bytes at one parity (odd for little-endian) that must be NUL,
#: and most at the other parity, for UTF-16 without a byte-order mark.
_UTF16_NUL_SHARE, _UTF16_OTHER_SHARE = 0.2, 0.01
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
)


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, or empty)."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and any caveat."""

    text: str
    encoding: str
    warning: str | None = None


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("corpus_tools.cp1252", _cp1252_fallback)


def _check_text(text: str) -> None:
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise DecodeError("looks binary (too many control characters)")


# Windows-1252 symbols that are letters in Windows-1250 (ą ł ż Ą Ł Ż Ľ ľ), seen right after a letter
_CP1250_SIGN = re.compile(r"[^\W\d_][£¥¯³¹¼¾¿]")  # after a letter: "¿qué" is Spanish
_HIGH_LETTER = re.compile(r"[À-ÿ]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def legacy_encoding_warning(text: str) -> str | None:
    """A warning when ``text``, decoded as Windows-1252, reads like another single-byte encoding.

    >>> legacy_encoding_warning("Привет, мир".encode("cp1251").decode("cp1252")) is not None
    True
    >>> legacy_encoding_warning("Zażółć gęślą jaźń".encode("cp1250").decode("cp1252")) is not None
    True
    >>> legacy_encoding_warning("Un café crème à Paris") is None
    True
    """
    high = len(_HIGH_LETTER.findall(text))
    if high and high >= len(_ASCII_LETTER.findall(text)):
        return ("read as Windows-1252, but most letters are accented: this looks like another single-byte "
                "encoding (e.g. Windows-1251 Cyrillic or KOI8-R); convert the file to UTF-8")
    if _CP1250_SIGN.search(text):
        return ("read as Windows-1252, but symbols such as ¹ ³ ¿ stand inside words: this looks like a Central "
                "European encoding (e.g. Windows-1250 or ISO-8859-2); convert the file to UTF-8")
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes by the rules in this module's docstring.

    Raises
    ------
    DecodeError
        For an empty or binary file.

    Examples
    --------
    >>> decode_bytes("Xi’s visit".encode("cp1252")).encoding
    'cp1252'
    >>> decode_bytes("Xi’s visit".encode("utf-8")).text
    'Xi’s visit'
    """
    if not data:
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as e:
                raise DecodeError(f"declares {name} by its byte-order mark but is not: {e}") from None
            _check_text(text)
            return Decoded(text, name)
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        if nuls > max(1, MAX_STRAY_NULS_SHARE * len(data)):
            raise DecodeError("looks binary (contains NUL bytes)")
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"looks binary ({kind})" if not nuls else "looks binary (contains NUL bytes)")
    stray = None
    if nuls:
        stray = f"{nuls} NUL byte{'s' if nuls > 1 else ''} dropped (the first at byte {data.index(0)})"
        data = data.replace(b"\x00", b"")
    decoded = _decode_without_nuls(data)
    if stray:
        warning = f"{stray}; {decoded.warning}" if decoded.warning else stray
        return Decoded(decoded.text, decoded.encoding, warning)
    return decoded


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16-LE/BE text without a byte-order mark, told by its NUL high bytes; None if it is not."""
    odd_tail = len(data) % 2  # a file cut one byte short: the half character is dropped, and said so
    data = data[:len(data) - odd_tail]
    half = len(data) // 2
    if half < 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, nul, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul >= _UTF16_NUL_SHARE * half and other <= _UTF16_OTHER_SHARE * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            if "\x00" in text:
                return None
            _check_text(text)
            return Decoded(text, codec, f"no byte-order mark: read as {codec.upper()}, guessed from the NUL "
                                        f"bytes at every other position"
                                        + ("; the odd last byte (a cut-off character) was dropped" if odd_tail else ""))
    return None


def _decode_without_nuls(data: bytes) -> Decoded:
    try:
        text = data.decode("utf-8")
        encoding, warning = "utf-8", None
    except UnicodeDecodeError as e:
        if _UTF8_MULTIBYTE.search(data):
            text = data.decode("utf-8", errors="corpus_tools.cp1252")
            encoding = "utf-8+cp1252"
            warning = (
                f"invalid UTF-8 from byte {e.start}; the invalid bytes were read as "
                "Windows-1252"
            )
        else:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            warning = legacy_encoding_warning(text)
    _check_text(text)
    return Decoded(text, encoding, warning)
