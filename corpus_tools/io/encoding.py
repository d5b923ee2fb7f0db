"""Decoding article files whose encoding nobody told us.

Written by hand because the order of guesses matters for news archives and
must be deterministic: chardet-style statistical detection can change its
answer between versions.  The rules:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. a NUL byte, or more than 5% control characters, means a binary file;
3. strict UTF-8;
4. UTF-8 with some invalid bytes (a file with valid multi-byte UTF-8
   sequences *and* stray legacy bytes, typically a Windows-1252 curly quote
   pasted into a UTF-8 file): the stray bytes are read as Windows-1252 and
   a warning says where;
5. no multi-byte UTF-8 at all: Windows-1252, the usual legacy encoding of
   English news text (a superset of the printable Latin-1 range);
6. Latin-1, which decodes any byte, for the five bytes Windows-1252 leaves
   undefined.

Rules 5 and 6 cannot tell Windows-1252 from the other single-byte legacy
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
    if b"\x00" in data:
        raise DecodeError("looks binary (contains NUL bytes)")
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
