"""Sections and tokens of an article's body: the blocks whose role (:mod:`corpus_tools.structure.roles`) is text.

:func:`corpus_tools.structure.sections.sections` numbers sections by headings,
as the token table's ``section`` column does: a wire headline opens section 1
and leaves the lead empty, and a closing "Reuter" opens an empty last section.
Here the sections are built from body blocks only (:data:`BODY_ROLES`):
headline, standfirst, dateline, byline, caption, sign-off and boilerplate
blocks belong to no section, and only a subheading, a link or a chapter
heading (:data:`SECTION_ROLES`) opens one.  Section 0 is the lead section:
the body paragraphs before the first opener.

:func:`body_token_table` is the token table restricted to the body, with its
``section`` column renumbered this way and a ``role`` column, so that word
statistics (:func:`corpus_tools.frequency_table`,
:func:`corpus_tools.stats.dispersion_table` with ``by="section"``) leave the
page furniture out; the plain token table keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import pandas as pd

from corpus_tools.model.corpus import Article, as_articles
from corpus_tools.structure.roles import (
    BODY_ROLES,
    SECTION_ROLES,
    BlockRole,
    block_roles,
    recurring_lines,
    role_sections_of,
)
from corpus_tools.structure.sections import Section
from corpus_tools.tokens.blockroles import PREFIX_ROLE
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = ["BODY_SECTION_COLUMNS", "body_section_table", "body_sections", "body_token_table"]


def body_sections(article: Article, *, recurring: Iterable[str] = (), neighbourhood: int = 1,
                  roles: Sequence[BlockRole] | None = None) -> list[Section]:
    """The body sections of ``article``: the lead section, then one per subheading, link or chapter heading.

    ``Section.kind`` is ``"lead"`` for section 0, else the opener's role.  ``roles``: the article's
    :func:`~corpus_tools.structure.roles.block_roles`, when already decided (the token dataset's pass
    decides them once for its token rows; deciding them again was a sixth of that pass).

    Examples
    --------
    >>> a = Article.from_text("OIL PRICES FALL\\n\\nPrices fell.\\n\\nThe outlook\\n\\nWeak.\\n\\nReuter", id="x")
    >>> [(s.index, s.kind, s.heading and s.heading.text, [b.index for b in s.paragraphs]) for s in body_sections(a)]
    [(0, 'lead', None, [1]), (1, 'subheading', 'The outlook', [3])]
    """
    if roles is None:
        roles = block_roles(article, recurring=recurring, neighbourhood=neighbourhood)
    out: list[Section] = []
    heading, kind, paragraphs = None, "lead", []
    for r in roles:
        block = article.blocks[r.block]
        if r.role in SECTION_ROLES:
            out.append(Section(article.id, len(out), heading, kind, tuple(paragraphs)))
            heading, kind, paragraphs = block, r.role, []
        elif r.role in BODY_ROLES:
            paragraphs.append(block)
    out.append(Section(article.id, len(out), heading, kind, tuple(paragraphs)))
    return out


BODY_SECTION_COLUMNS = ["article", "section", "kind", "heading", "heading_block", "first_block", "last_block",
                        "paragraphs", "words"]


def body_section_table(data, *, min_count: int | None = 3, neighbourhood: int = 1,
                       recurring: Mapping[str, int] | None = None,
                       roles: Mapping[str, Sequence[BlockRole]] | None = None) -> pd.DataFrame:
    """One row per body section (:data:`BODY_SECTION_COLUMNS`), corpus order then section order.

    ``heading``/``heading_block`` are None/-1 for the lead section;
    ``first_block``/``last_block`` span the section's blocks (-1 when it has
    none); ``words`` counts the white-space separated words of its
    paragraphs.  ``min_count`` and ``recurring`` (the corpus-level lines,
    already computed): see :func:`~corpus_tools.structure.roles.block_role_table`.  ``roles``:
    ``{article id: block roles}`` already decided with those lines (see :func:`body_sections`).

    >>> a = Article.from_text("OIL PRICES FALL\\n\\nPrices fell today.\\n\\nReuter", id="x")
    >>> body_section_table(a)[["section", "kind", "first_block", "paragraphs", "words"]].values.tolist()
    [[0, 'lead', 1, 1, 3]]
    """
    articles = as_articles(data)
    if recurring is None and roles is None:
        recurring = recurring_lines(articles, min_count=min_count) if min_count is not None else {}
    rows = []
    for a in articles:
        decided = roles[a.id] if roles is not None else None
        for s in body_sections(a, recurring=recurring or {}, neighbourhood=neighbourhood, roles=decided):
            blocks = s.blocks
            rows.append((a.id, s.index, s.kind, s.heading.text if s.heading else None,
                         s.heading.index if s.heading else -1, blocks[0].index if blocks else -1,
                         blocks[-1].index if blocks else -1, len(s.paragraphs),
                         sum(len(b.text.split()) for b in s.paragraphs)))
    df = pd.DataFrame(rows, columns=BODY_SECTION_COLUMNS)
    return df.astype({c: "int64" for c in ("section", "heading_block", "first_block", "last_block", "paragraphs",
                                           "words")})


def body_token_table(data, *, options: TokenOptions | Mapping[str, object] | None = None,
                     min_count: int | None = 3, neighbourhood: int = 1, keep_boilerplate: bool = False) -> pd.DataFrame:
    """The token table of the articles' bodies, ``section`` numbered by body sections, with each block's ``role``.

    Parameters
    ----------
    data : Corpus, Article or iterable of Article
    options : TokenOptions or mapping, optional
        Token options (see :func:`corpus_tools.token_table`).
    min_count : int or None
        Corpus-level boilerplate detector (see :func:`~corpus_tools.structure.roles.recurring_lines`).
    neighbourhood : int
        See :func:`~corpus_tools.structure.headings.classify_headings`.
    keep_boilerplate : bool
        Keep the tokens of non-body blocks too (their ``section`` is -1).

    >>> a = Article.from_text("OIL PRICES FALL\\n\\nPrices fell.\\n\\nReuter", id="x")
    >>> body_token_table(a)[["norm", "section", "role"]].values.tolist()
    [['prices', 0, 'lead'], ['fell', 0, 'lead']]
    """
    articles = as_articles(data)
    recurring = recurring_lines(articles, min_count=min_count) if min_count is not None else {}
    # every block's tokens (this function decides what is body); the token table's own role filter off
    toks = as_token_table(articles, replace(TokenOptions.coerce(options), boilerplate=True))
    role_of, section_of = {}, {}
    for a in articles:
        roles = block_roles(a, recurring=recurring, neighbourhood=neighbourhood)
        for r, s in zip(roles, role_sections_of(roles), strict=True):
            role_of[(a.id, r.block)], section_of[(a.id, r.block)] = r.role, s
    keys = list(zip(toks["article"], toks["block"], strict=True))
    # a dateline in front of the lead ("LONDON (AP) —") keeps its tokens' role "dateline", outside the body
    prefix = (toks["role"] == PREFIX_ROLE).tolist()
    toks = toks.assign(section=[-1 if p else section_of[k] for k, p in zip(keys, prefix, strict=True)],
                       role=[PREFIX_ROLE if p else role_of[k] for k, p in zip(keys, prefix, strict=True)])
    if not keep_boilerplate:
        toks = toks[toks["section"] >= 0]
    return toks.reset_index(drop=True).astype({"section": "int64"})
