"""Splitting article text into blocks (paragraphs and headings).

The rules, in order (they are the ``.txt`` format's definition too):

* Line ends are normalised (CRLF and CR become LF).
* Paragraphs are separated by one or more blank lines (lines holding only
  white space count as blank).  Inside a paragraph, hard-wrapped lines are
  joined with a single space.  With ``paragraph_break="line"`` every line
  is a block of its own (for sources that put one paragraph per line).
* A Markdown heading line (``# Title``) is always a block of its own.
* A block is a *heading* when :func:`is_heading` says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = ["BLOCK_SEPARATOR", "Block", "split_blocks", "is_heading", "normalize_newlines"]

#: Blocks are joined with this separator to form :attr:`Article.text`.
BLOCK_SEPARATOR = "\n\n"

BlockKind = Literal["paragraph", "heading"]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of an article.

    Attributes
    ----------
    index : int
        Position of the block in its article, from 0.
    kind : {"paragraph", "heading"}
        What the block is.  Headings are short lines without sentence-final
        punctuation (see :func:`corpus_tools.model.blocks.is_heading`).
    text : str
        The block's text, hard-wrapped lines joined with single spaces.
    start : int
        Offset of the block's first character in :attr:`Article.text`.
    """

    index: int
    kind: BlockKind
    text: str
    start: int

    @property
    def end(self) -> int:
        """Offset one past the block's last character in the article text."""
        return self.start + len(self.text)



# ATX heading: 1-6 "#" then white space or the line end.  The rest of the
# line is cut by _markdown_heading_text, not by this regex: a lazy ".*?"
# followed by optional white space backtracks quadratically on long lines.
_MARKDOWN_OPENING = re.compile(r"\s*#{1,6}(?:\s|$)")
# A line holding only white space (any Unicode white space, which is what
# str.split() drops from a line, plus zero-width spaces) is blank.
_BLANK_LINE = re.compile(r"\n(?:[^\S\n]|\u200b)*\n")
# Sentence-final or continuation punctuation, optionally followed by closing
# quotes/brackets: a line ending like this is prose, not a heading.
_PROSE_END = re.compile(r"[.!?…,;:]['\"’”»)\]]*\s*$")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)

#: Longest line, in words and characters, still taken for a heading.
MAX_HEADING_WORDS = 20
MAX_HEADING_CHARS = 160


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_heading(line: str) -> bool:
    """Whether a one-line block reads as a heading rather than prose.

    A heading is short (at most ``MAX_HEADING_WORDS`` words and
    ``MAX_HEADING_CHARS`` characters), starts with an upper-case letter or a
    digit, holds no URL, and does not end with sentence-final or
    continuation punctuation (``. ! ? … , ; :``, possibly followed by
    closing quotes).  So numbered ("1. Background") and all-capitals
    ("CHAPTER I") headings qualify, and a short paragraph ending in a full
    stop never does.

    Examples
    --------
    >>> is_heading("Queuing for food, water")
    True
    >>> is_heading("The talks ended.")
    False
    >>> is_heading("1. Background")
    True
    """
    text = line.strip()
    if not text or "\n" in text:
        return False
    words = text.split()
    if len(words) > MAX_HEADING_WORDS or len(text) > MAX_HEADING_CHARS:
        return False
    if _URL.search(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return _PROSE_END.search(text) is None


def _markdown_heading_text(line: str) -> str | None:
    """The text of a Markdown (ATX) heading line, or None when it is not one.

    An optional closing run of ``#`` counts only after white space (so
    "# Learning C#" keeps its "#"); a line of bare hashes is an empty
    heading, as in CommonMark.  White space is normalised as in paragraphs.
    """
    m = _MARKDOWN_OPENING.match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip()
    without_closing = rest.rstrip("#")
    if without_closing != rest and (not without_closing or without_closing[-1].isspace()):
        rest = without_closing
    return " ".join(rest.split())


def _raw_blocks(text: str, paragraph_break: str) -> Iterator[tuple[str, bool]]:
    """Yield ``(block_text, is_markdown_heading)`` in order."""
    text = normalize_newlines(text)
    chunks = [text] if paragraph_break == "line" else _BLANK_LINE.split(text)
    for chunk in chunks:
        lines: list[str] = []
        for line in chunk.split("\n"):
            heading = _markdown_heading_text(line)
            if heading is not None:
                if lines:
                    yield " ".join(lines), False
                    lines = []
                if heading:
                    yield heading, True
                continue
            stripped = " ".join(line.split())
            if not stripped:
                continue
            if paragraph_break == "line":
                yield stripped, False
            else:
                lines.append(stripped)
        if lines:
            yield " ".join(lines), False


def split_blocks(
    text: str, *, paragraph_break: Literal["blank", "line"] = "blank"
) -> list[Block]:
    """Split raw article text into ordered :class:`Block` s.

    Parameters
    ----------
    text : str
        The article body (without any metadata header).
    paragraph_break : {"blank", "line"}
        ``"blank"``: blank lines separate paragraphs and wrapped lines are
        joined.  ``"line"``: each non-empty line is a block.

    Returns
    -------
    list of Block
        With ``start`` offsets into ``BLOCK_SEPARATOR.join(texts)``.

    Examples
    --------
    >>> [(b.kind, b.text) for b in split_blocks("Title\\n\\nOne line\\nwrapped here.")]
    [('heading', 'Title'), ('paragraph', 'One line wrapped here.')]
    """
    if paragraph_break not in ("blank", "line"):
        raise ValueError(f"paragraph_break must be 'blank' or 'line', not {paragraph_break!r}")
    blocks: list[Block] = []
    start = 0
    for i, (body, markdown) in enumerate(_raw_blocks(text, paragraph_break)):
        kind = "heading" if markdown or is_heading(body) else "paragraph"
        blocks.append(Block(index=i, kind=kind, text=body, start=start))
        start += len(body) + len(BLOCK_SEPARATOR)
    return blocks
