"""The block role and body section of every token row: the one seam between the tokens and the structure rules.

Each row of the token table carries the role of its block (headline, byline,
lead, paragraph, sign-off, boilerplate...) and the body section it belongs
to, so that word statistics can leave page furniture out
(:attr:`~corpus_tools.tokens.tokenize.TokenOptions.boilerplate`).  The rules
that decide a role live in :mod:`corpus_tools.structure.roles`, a later
stage of the pipeline than the tokens (they tokenise headings to tell links
from subheadings), so this stage cannot import them.  Instead it declares
what it needs, :class:`RoleRules`, and the structure side registers the
implementation once (:func:`register_role_rules`, called when
:mod:`corpus_tools.scale.structure` is imported, which ``import
corpus_tools`` always does).  The dependency is inverted, not dodged: the
tokens never import a later stage, and nothing here knows a rule.

The corpus-level input of the rules (the lines that recur across articles
and are taken for page furniture) is computed over the articles a token
table is made of (:func:`corpus_block_roles` with ``recurring=None``), or
passed in: the token dataset computes it once over the whole corpus before
its workers start and hands the same lines to every worker, so the
in-memory table of a corpus and its dataset agree row for row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from corpus_tools.model.corpus import Article

__all__ = ["BOILERPLATE_ROLES", "PREFIX_ROLE", "ArticleRoles", "RoleRules", "corpus_block_roles",
           "register_role_rules", "role_rules", "token_role"]

#: The block roles that :class:`~corpus_tools.tokens.tokenize.TokenOptions` leaves out of word
#: statistics by default (``boilerplate=False``): text about the article, not of it.  A wire
#: sign-off ("Reuter") or credits line, page furniture (share/read-time lines, "Read more",
#: lines recurring across the corpus), by-lines and publication times, datelines (alone in
#: their block, or in front of the lead: the tokens of "HOUSTON, March 2 (Reuters) -", see
#: :data:`PREFIX_ROLE`), and inserted related-story links would otherwise rank among the top
#: words of a news corpus.  ``caption`` is deliberately kept: a photo caption describes the story's
#: people and places in ordinary sentences (only its credit, "REUTERS/Name", is furniture),
#: so dropping it would lose real text; headline and standfirst are the article's own words.
BOILERPLATE_ROLES: tuple[str, ...] = ("boilerplate", "signoff", "byline", "dateline", "link")

#: The role of the tokens of a wire dateline in front of a paragraph ("HOUSTON, March 2 (Reuters) -"):
#: the block stays the ``lead``, but the dateline's words are about the story, not of it.
PREFIX_ROLE = "dateline"


class ArticleRoles(NamedTuple):
    """The role and body section of each block of one article, in block order.

    ``sections[i]`` is the body section of block ``i`` (0 = the lead
    section, each subheading, link or chapter heading opens the next); a
    block outside the body (headline, byline, sign-off, boilerplate...)
    gets the section it sits in: that of the last body block before it, 0
    before the first.  So a token's section is always one of the article's
    body sections (:func:`corpus_tools.structure.body.body_sections`):
    statistics over sections (dispersion, section terms) see exactly those
    parts, never a section opened by a headline or a sign-off, and the
    ``role`` column tells body from furniture.  ``detail`` is the rules' own record per block
    (:class:`corpus_tools.structure.roles.BlockRole`), opaque here: the
    structure tables reuse it instead of deciding the roles again.
    ``prefixes[i]`` is the length in characters of a dateline opening block
    ``i`` ("LONDON (AP) —" in front of the lead; 0 for none, and an empty
    tuple for no dateline anywhere): its tokens get the role
    :data:`PREFIX_ROLE` (:func:`token_role`), so that word statistics leave
    them out by default while the block stays a ``lead``.
    """

    roles: tuple[str, ...]
    sections: tuple[int, ...]
    detail: tuple = ()
    prefixes: tuple[int, ...] = ()


def token_role(roles: ArticleRoles, block: int, offset: int) -> str:
    """The role of a token starting ``offset`` characters into block ``block``: :data:`PREFIX_ROLE` inside the
    block's dateline prefix, else the block's role.

    >>> r = ArticleRoles(("headline", "lead"), (0, 0), (), (0, 13))
    >>> token_role(r, 1, 0), token_role(r, 1, 14), token_role(r, 0, 0)
    ('dateline', 'lead', 'headline')
    """
    if roles.prefixes and offset < roles.prefixes[block]:
        return PREFIX_ROLE
    return roles.roles[block]


class RoleRules(NamedTuple):
    """What the structure stage provides (:func:`register_role_rules`): three functions.

    ``recurring(articles) -> {line: articles}`` gives the corpus-level lines
    taken for boilerplate; ``article_roles(article, recurring) ->
    ArticleRoles`` the roles and body sections of one article's blocks;
    ``fingerprint() -> str`` changes whenever a rule does, so caches of token
    tables (which hold roles) are keyed by it.  (Described here, not as a
    numpydoc ``Attributes`` section: autodoc documents a NamedTuple's fields
    itself, and Sphinx would see each twice.)
    """

    recurring: Callable[[Sequence[Article]], dict[str, int]]
    article_roles: Callable[[Article, Mapping[str, int]], ArticleRoles]
    fingerprint: Callable[[], str]


_RULES: list[RoleRules] = []


def register_role_rules(rules: RoleRules) -> None:
    """Install the role rules (the structure stage calls this once; a second call replaces them)."""
    if not isinstance(rules, RoleRules):
        raise TypeError(f"rules must be a RoleRules, not {type(rules).__name__}")
    _RULES[:] = [rules]


def role_rules() -> RoleRules:
    """The registered rules; RuntimeError when none are (``import corpus_tools`` registers them)."""
    if not _RULES:
        raise RuntimeError("no block-role rules registered: import corpus_tools (corpus_tools.scale.structure "
                           "registers corpus_tools.structure.roles) before making a token table")
    return _RULES[0]


def corpus_block_roles(articles: Sequence[Article],
                       recurring: Mapping[str, int] | None = None) -> dict[str, ArticleRoles]:
    """``{article id: ArticleRoles}`` for ``articles``.

    ``recurring``: the corpus-level lines (None: found over ``articles``
    themselves, as the in-memory functions of the structure stage do).
    """
    rules = role_rules()
    articles = list(articles)
    if recurring is None:
        recurring = rules.recurring(articles)
    return {a.id: rules.article_roles(a, recurring) for a in articles}
