"""One-article views of the structure rules for tests that pin them on short hand-written texts.

Each text becomes an :class:`~corpus_tools.Article` (id ``"x"``, blocks split at blank lines) and the
rules' own tables are read back: the tests assert on roles and speakers, not on how they are found.
"""

from __future__ import annotations

import corpus_tools as ct
from corpus_tools.structure import block_role_table, quotation_table


def roles(text: str) -> list[str]:
    """The role of each block of ``text``."""
    return block_role_table(ct.Article.from_text(text, id="x"))["role"].tolist()


def reasons(text: str) -> list[str]:
    """The signal that decided each block's role."""
    return block_role_table(ct.Article.from_text(text, id="x"))["reason"].tolist()


def quotes(text: str) -> list[list]:
    """``[text, speaker, rule, speaker_name]`` of each quotation of ``text``."""
    table = quotation_table(ct.Article.from_text(text, id="x"))
    return table[["text", "speaker", "rule", "speaker_name"]].values.tolist()
