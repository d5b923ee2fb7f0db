"""Sentences and word tokens, offline and deterministic.

* Sentences: NLTK's Punkt algorithm (:class:`nltk.tokenize.punkt.PunktSentenceTokenizer`)
  without the downloadable model, given a pinned list of news abbreviations
  (:data:`NEWS_ABBREVIATIONS`) so that "Mr.", "U.S." or "Brig. Gen." do not
  end a sentence.  :meth:`SentenceSplitter.trained_on` also learns
  abbreviations from your own texts with NLTK's ``PunktTrainer``.
  Sentences never cross block (paragraph or heading) boundaries.
* Words: NLTK's Treebank-style :class:`nltk.tokenize.NLTKWordTokenizer`
  applied to each sentence, after typographic apostrophes (’ ‘ ʼ) are read as
  ``'`` so that "Xi’s" gives ``Xi`` + ``'s`` exactly as "Xi's" does.  The
  replacement is one character for one, so token offsets still point into
  the original text.
* One deliberate difference from NLTK: a known abbreviation (the
  splitter's list, :data:`NEWS_ABBREVIATIONS` by default) that ends a
  sentence keeps its period, which also ends the sentence: "He moved to the
  U.S." gives ``U.S.`` where NLTK's ``word_tokenize`` gives ``U.S`` + ``.``
  (Treebank's final-period rule does not know abbreviations).  So "U.S." is
  one type wherever it stands (mid-sentence, before a capitalised word, at
  a paragraph end), and ``kwic``/``frequency_table`` count every occurrence
  alike.  The Penn Treebank itself writes such a sentence end as ``U.S.``
  followed by an extra ``.`` that is not in the text; a token table holds
  only what is written (every token has offsets), so the period is not
  doubled (:func:`join_abbreviation_periods`).
* Every token keeps its article, section, block, sentence and position
  (:func:`iter_tokens`, :func:`token_table`); a token table row also
  carries its block's role and body section
  (:mod:`corpus_tools.tokens.blockroles`).
* Texts longer than :data:`MAX_PIECE_CHARS` (100,000 characters) are handed
  to NLTK in pieces cut at white space, so that no single NLTK regex call
  can hit NLTK's 5-second time limit; a piece boundary also ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

import pandas as pd

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters

from corpus_tools.model.checks import reject_text, short_repr
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.tokens.blockroles import BOILERPLATE_ROLES, ArticleRoles, corpus_block_roles, token_role
from corpus_tools.tokens.nltk_loading import import_nltk
from corpus_tools.tokens.stopwords import get_stopwords, is_stopword

__all__ = [
    "DEFAULT_TOKENIZER",
    "TOKENIZERS",
    "MAX_PIECE_CHARS",
    "NEWS_ABBREVIATIONS",
    "SentenceSplitter",
    "Token",
    "TokenOptions",
    "is_word",
    "iter_tokens",
    "join_abbreviation_periods",
    "keeps_period",
    "normalize_apostrophes",
    "split_sentences",
    "token_table",
    "word_spans",
    "word_tokenize",
]

#: Abbreviations that never end a sentence, in Punkt's form (lower case, no
#: final period).  Titles, ranks, months, common US state and corporate
#: abbreviations of English news.  Words that are also ordinary words at the
#: end of a sentence ("No.", "Ill.", "Miss.") are deliberately left out.
NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    mr mrs ms messrs dr prof rev hon sen sens rep reps gov lt gen brig col maj capt cmdr
    adm sgt cpl pvt supt insp det st sr jr fr pres amb atty gens
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a d.c n.y l.a a.m p.m e.g i.e etc vs v approx est dept univ
    assn ave blvd mt ft inc corp ltd co bros plc nos
    ariz calif colo conn fla okla tenn tex minn mich wis nev neb ky
    """.split()
)

#: Longest text handed to one Punkt or Treebank call, in characters.  NLTK
#: (3.9+, ``nltk.redos``) runs each of its regular expressions under a
#: 5-second wall-clock limit and raises TimeoutError past it: a single 2 MB
#: sentence already needs 4 s for one substitution on a 2-core machine, so a
#: scraped block without sentence ends would kill a whole run.  Longer texts
#: are cut at white space (preferably not right after a period, which Punkt
#: and Treebank read as a sentence end) into pieces of at most this length; a
#: piece takes well under a second.  Texts shorter than this are unaffected.
MAX_PIECE_CHARS = 100_000

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_WORD_CHAR = re.compile(r"[^\W_]")


def normalize_apostrophes(text: str) -> str:
    """Read typographic apostrophes (’ ‘ ʼ) as ``'``; same length as ``text``.

    >>> normalize_apostrophes("Xi’s")
    "Xi's"
    """
    return text.translate(_APOSTROPHES)


def is_word(token: str) -> bool:
    """A word token holds at least one letter or digit.

    >>> is_word("Xi"), is_word("'s"), is_word("15.6"), is_word(","), is_word("--")
    (True, True, True, False, False)
    """
    return _WORD_CHAR.search(token) is not None


def keeps_period(word: str, abbreviations: Iterable[str] | frozenset[str] = NEWS_ABBREVIATIONS) -> bool:
    """Whether ``word`` (without its final period) is a known abbreviation, by Punkt's rule.

    Case-insensitive; as in Punkt, the part after the last hyphen also
    counts ("ex-Gov").

    >>> keeps_period("U.S"), keeps_period("ex-Gov"), keeps_period("left")
    (True, True, False)
    """
    abbreviations = abbreviations if isinstance(abbreviations, (set, frozenset)) else frozenset(abbreviations)
    typ = word.lower()
    return bool(typ) and (typ in abbreviations or typ.split("-")[-1] in abbreviations)


def join_abbreviation_periods(tokens: Iterable[str],
                              abbreviations: Iterable[str] | frozenset[str] = NEWS_ABBREVIATIONS) -> list[str]:
    """Treebank tokens with a final ``.`` split off a known abbreviation joined back to it.

    Treebank's final-period rule splits the period off the last word of a
    sentence, abbreviation or not; this undoes it for abbreviations (see the
    module docstring).  Only a ``.`` token right after a word not already
    ending in a period is joined; the tokens must be one white-space chunk
    or come from one sentence (where Treebank splits no other period).

    >>> join_abbreviation_periods(["left", "the", "U.S", ".", ")"])
    ['left', 'the', 'U.S.', ')']
    >>> join_abbreviation_periods(["left", "."])
    ['left', '.']
    """
    out: list[str] = []
    for tok in tokens:
        if tok == "." and out and not out[-1].endswith(".") and keeps_period(out[-1], abbreviations):
            out[-1] += "."
        else:
            out.append(tok)
    return out


def _pieces(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text`` of at most ``MAX_PIECE_CHARS``.

    Written by hand: no NLTK or stdlib function cuts text at white space to a
    length bound.  Each cut is the last white space of the window's second
    half not preceded by "." (else any white space there, else a hard cut).
    """
    limit = MAX_PIECE_CHARS
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        lowest = start + limit // 2
        cut = next((i for i in range(window_end, lowest, -1) if text[i - 1].isspace() and text[i - 2] != "."), None)
        if cut is None:
            cut = next((i for i in range(window_end, lowest, -1) if text[i - 1].isspace()), window_end)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


class SentenceSplitter:
    """Punkt sentence splitting with a known abbreviation list.

    Parameters
    ----------
    abbreviations : iterable of str, optional
        Extra abbreviations (case-insensitive, final period optional) on top
        of :data:`NEWS_ABBREVIATIONS`.
    params : PunktParameters, optional
        Parameters learned by :meth:`trained_on`.

    Examples
    --------
    >>> SentenceSplitter().split("Brig. Gen. Pat Ryder spoke. Mr. Smith left the U.S. on Friday.")
    ['Brig. Gen. Pat Ryder spoke.', 'Mr. Smith left the U.S. on Friday.']
    """

    def __init__(self, abbreviations: Iterable[str] = (), params: PunktParameters | None = None):
        # NLTK is imported by the first tokenizer made, not by ``import corpus_tools`` (1.2 s and
        # 100 MB per process with scipy installed): report kernels only query the token dataset
        import_nltk()
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

        self.params = params or PunktParameters()
        extra = {a.lower().rstrip(".") for a in abbreviations}
        self.params.abbrev_types |= NEWS_ABBREVIATIONS | extra
        self._punkt = PunktSentenceTokenizer(self.params)

    @classmethod
    def trained_on(cls, texts: Iterable[str], abbreviations: Iterable[str] = ()) -> SentenceSplitter:
        """Learn abbreviations, collocations and sentence starters from ``texts``.

        Deterministic (Punkt's training is), but results then depend on the
        training texts: the default splitter does not, which keeps an
        article's sentences the same whichever corpus it is in.
        """
        import_nltk()
        from nltk.tokenize.punkt import PunktTrainer

        trainer = PunktTrainer()
        for text in texts:
            trainer.train(text, finalize=False)
        trainer.finalize_training()
        return cls(abbreviations, trainer.get_params())

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the sentences of ``text``.

        On top of Punkt: a break after a full stop is undone when the next
        sentence starts with a lower-case letter ("the Kan. delegation"),
        which in edited news text means an abbreviation Punkt did not know.
        Texts over ``MAX_PIECE_CHARS`` are split in pieces first (see
        ``_pieces``).
        """
        norm = normalize_apostrophes(text)
        spans: list[tuple[int, int]] = []
        for a, b in _pieces(norm):
            if not norm[a:b].strip():
                continue
            for s, e in self._punkt.span_tokenize(norm[a:b]):
                start, end = a + s, a + e
                if spans and norm[start].islower() and norm[spans[-1][1] - 1] == ".":
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
        return spans

    def split(self, text: str) -> list[str]:
        """The sentences of ``text``."""
        return [text[s:e] for s, e in self.spans(text)]


@cache
def _default_splitter() -> SentenceSplitter:
    return SentenceSplitter()


@cache
def _word_tokenizer():
    """NLTK's Treebank word tokenizer, made (and NLTK imported) on first use."""
    import_nltk()
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


_DOUBLE_QUOTE_FORMS = {"``", "''", '"'}
_QUOTE = re.compile(r'``|\'\'|"')


def align_tokens(tokens: list[str], text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``tokens`` in ``text``, tolerant of Treebank's quote rewriting.

    NLTK's own ``align_tokens`` raises when the tokenizer rewrote a
    character (``"`` becomes ``\\`\\``` or ``''``); here a rewritten quote is
    matched to the next quote character in the text, and a token that
    cannot be found at all is dropped rather than failing the article.
    """
    point = 0
    for tok in tokens:
        if tok in _DOUBLE_QUOTE_FORMS:
            # Only the quote search: text.find("``") would scan to the end of
            # the text for every rewritten quote (quadratic on quote runs).
            m = _QUOTE.search(text, point)
            start, tok = (m.start(), m.group()) if m else (-1, tok)
        else:
            start = text.find(tok, point)
        if start < 0:
            continue
        point = start + len(tok)
        yield start, point


def word_spans(sentence: str,
               abbreviations: Iterable[str] | frozenset[str] = NEWS_ABBREVIATIONS) -> list[tuple[int, int]]:
    """Character spans of the Treebank word tokens of one sentence.

    A sentence-final period right after a known abbreviation stays part of
    it (``abbreviations``: see :func:`join_abbreviation_periods`).

    >>> s = "Xi’s visit to the U.S."
    >>> [s[a:b] for a, b in word_spans(s)]
    ['Xi', '’s', 'visit', 'to', 'the', 'U.S.']
    """
    abbreviations = abbreviations if isinstance(abbreviations, (set, frozenset)) else frozenset(abbreviations)
    norm = normalize_apostrophes(sentence)
    out: list[tuple[int, int]] = []
    for a, b in _pieces(norm):
        piece = norm[a:b]
        out.extend((a + s, a + e) for s, e in align_tokens(_word_tokenizer().tokenize(piece), piece))
    for i in range(len(out) - 1, 0, -1):  # Treebank splits at most the last period of a piece
        (ps, pe), (s, e) = out[i - 1], out[i]
        if (e - s == 1 and norm[s] == "." and pe == s and norm[pe - 1] != "."
                and keeps_period(norm[ps:pe], abbreviations)):
            out[i - 1:i + 1] = [(ps, e)]
    return out


def word_tokenize(text: str, splitter: SentenceSplitter | None = None) -> list[str]:
    """Treebank word tokens of ``text``, sentence by sentence.

    Apostrophes are normalised in the tokens (``’s`` becomes ``'s``);
    everything else is the text as written.

    >>> word_tokenize("Xi’s two-day visit cost $15.6 billion.")
    ['Xi', "'s", 'two-day', 'visit', 'cost', '$', '15.6', 'billion', '.']
    """
    if not isinstance(text, str):
        raise TypeError(f"word_tokenize: text must be a str, not {type(text).__name__} ({short_repr(text)})")
    splitter = splitter or _default_splitter()
    norm = normalize_apostrophes(text)
    out: list[str] = []
    for s, e in splitter.spans(norm):
        sent = norm[s:e]
        out.extend(sent[a:b] for a, b in word_spans(sent, splitter.params.abbrev_types))
    return out


def split_sentences(text: str, splitter: SentenceSplitter | None = None) -> list[str]:
    """Sentences of ``text`` by the default (or given) :class:`SentenceSplitter`."""
    return (splitter or _default_splitter()).split(text)


class Token(NamedTuple):
    """One token and where it came from.

    ``position`` counts all tokens of the article from 0 (so it has gaps
    once tokens are filtered out); ``start``/``end`` are offsets into
    :attr:`Article.text`; ``section`` counts the headings seen so far (the
    lead before any heading is section 0, a heading opens the next one).
    """

    article: str
    section: int
    block: int
    block_kind: str
    sentence: int
    position: int
    start: int
    end: int
    text: str


def iter_tokens(article: Article, splitter: SentenceSplitter | None = None) -> Iterator[Token]:
    """All tokens of an article, in order, with their provenance.

    >>> from corpus_tools import Article
    >>> [t.text for t in iter_tokens(Article.from_text("Hi there. Bye.", id="a"))]
    ['Hi', 'there', '.', 'Bye', '.']
    """
    splitter = splitter or _default_splitter()
    abbreviations = frozenset(splitter.params.abbrev_types)
    position = sentence = section = 0
    for block in article.blocks:
        if block.kind == "heading":
            section += 1
        norm = normalize_apostrophes(block.text)
        for s, e in splitter.spans(norm):
            sent = norm[s:e]
            for a, b in word_spans(sent, abbreviations):
                yield Token(article.id, section, block.index, block.kind, sentence, position,
                            block.start + s + a, block.start + s + b, sent[a:b])
                position += 1
            sentence += 1


_STEMMERS = ("porter", "snowball")


@lru_cache(maxsize=4)
def _stemmer(name: str):
    import_nltk()
    from nltk.stem import PorterStemmer, SnowballStemmer

    return PorterStemmer() if name == "porter" else SnowballStemmer("english")


@dataclass(frozen=True)
class TokenOptions:
    """How tokens are normalised and filtered before counting.

    Applied in this order: the block-role filter (``boilerplate``),
    lower-casing, the word-token filter, the minimum length, stopword
    removal (matched case-insensitively), stemming.  The role filter looks
    at a token's block, the others at the token alone
    (:meth:`normalize`; :meth:`keeps_role`).

    Parameters
    ----------
    lowercase : bool
        Fold case (default True).
    words_only : bool
        Keep only tokens with a letter or digit (default True: drops
        punctuation).
    min_length : int
        Shortest token kept, in characters (default 1).
    stopwords : None, str, path or iterable of str
        See :func:`corpus_tools.tokens.stopwords.get_stopwords`; default None.
    stem : {None, "porter", "snowball"}
        NLTK's Porter or English Snowball stemmer (default None).  Porter
        keeps the case it is given; Snowball always lower-cases.
    boilerplate : bool
        Keep the tokens of blocks whose role is in :data:`BOILERPLATE_ROLES`
        (sign-offs, page furniture, by-lines, datelines, inserted links).
        Default False: word statistics count the article's own text, not
        the "Reuter" closing every wire story.

    Examples
    --------
    >>> opts = TokenOptions(stopwords="english")
    >>> [opts.normalize(t) for t in ["The", "Xi", "'s", ","]]
    [None, 'xi', None, None]
    """

    lowercase: bool = True
    words_only: bool = True
    min_length: int = 1
    stopwords: str | frozenset[str] | None = None
    stem: Literal["porter", "snowball"] | None = None
    boilerplate: bool = False
    _stopset: frozenset[str] = field(init=False, repr=False, compare=False, hash=False)

    @classmethod
    def coerce(cls, options: TokenOptions | Mapping[str, object] | None) -> TokenOptions:
        """The one way token options are passed: a :class:`TokenOptions`, a mapping of its fields, or None.

        >>> TokenOptions.coerce({"stopwords": "english"}).lowercase
        True
        """
        if options is None:
            return cls()
        if isinstance(options, cls):
            return options
        if isinstance(options, Mapping):
            unknown = sorted(set(options) - {f.name for f in fields(cls)})
            if unknown:
                raise TypeError(f"unknown token options {unknown}; known: {[f.name for f in fields(cls)]}")
            return cls(**options)
        raise TypeError(f"options must be a TokenOptions, a mapping of its fields or None, "
                        f"not {type(options).__name__}")

    def __post_init__(self) -> None:
        if self.stem not in (None, *_STEMMERS):
            raise ValueError(f"stem must be None, 'porter' or 'snowball', not {self.stem!r}")
        if not isinstance(self.boilerplate, bool):
            raise TypeError(f"boilerplate must be True or False, not {self.boilerplate!r}")
        if not isinstance(self.min_length, int) or self.min_length < 1:
            raise ValueError(f"min_length must be a positive integer, not {self.min_length!r}")
        spec = self.stopwords
        if spec is not None and not isinstance(spec, (str, frozenset)):
            spec = get_stopwords(spec)  # make lists hashable, so options can key a cache
            object.__setattr__(self, "stopwords", spec)
        object.__setattr__(self, "_stopset", get_stopwords(spec))

    def keeps_role(self, role: str) -> bool:
        """Whether tokens of a block with this role are counted.

        >>> TokenOptions().keeps_role("signoff"), TokenOptions(boilerplate=True).keeps_role("signoff")
        (False, True)
        """
        return self.boilerplate or role not in BOILERPLATE_ROLES

    @property
    def excluded_roles(self) -> tuple[str, ...]:
        """The block roles these options leave out (empty with ``boilerplate=True``)."""
        return () if self.boilerplate else BOILERPLATE_ROLES

    @property
    def normalize_is_identity(self) -> bool:
        """Whether :meth:`normalize` returns every (non-empty) token as it is, as the raw options do.

        >>> TokenOptions().normalize_is_identity, TokenOptions(lowercase=False, words_only=False).normalize_is_identity
        (False, True)
        """
        return not (self.lowercase or self.words_only or self.min_length > 1 or self._stopset or self.stem)

    def normalize(self, token: str) -> str | None:
        """The counted form of ``token``, or None when it is filtered out (the role filter aside)."""
        if self.words_only and not is_word(token):
            return None
        if len(token) < self.min_length:
            return None
        if self._stopset and is_stopword(token, self._stopset):
            return None
        out = token.lower() if self.lowercase else token
        if self.stem:
            out = _stem(self.stem, out)
        return out


@lru_cache(maxsize=200_000)
def _stem(name: str, word: str) -> str:
    if name == "porter":
        return _stemmer(name).stem(word, to_lowercase=False)
    return _stemmer(name).stem(word)  # NLTK's Snowball always lower-cases


#: The tokenizer every function and the report use unless told otherwise.
#: ``"fast"`` (:class:`~corpus_tools.tokens.fast.FastTokenizer`) gives the
#: exact path's tokens on 99.994 % of 560,554 tokens of real prose
#: (benchmarks/RESULTS.md) at 10-20x its speed; ``"exact"`` is NLTK's
#: Treebank tokenizer run sentence by sentence, the reference.
DEFAULT_TOKENIZER = "fast"
TOKENIZERS = ("exact", "fast")

TOKEN_COLUMNS = ["article", "section", "block", "block_kind", "role", "sentence", "position",
                 "start", "end", "token", "norm"]


def token_table(
    data: Corpus | Article | Iterable[Article],
    options: TokenOptions | Mapping[str, object] | None = None,
    *,
    splitter: SentenceSplitter | None = None,
    recurring: Mapping[str, int] | None = None,
    roles: Mapping[str, ArticleRoles] | None = None,
) -> pd.DataFrame:
    """The tidy token table: one row per kept token.

    Parameters
    ----------
    data : Corpus, Article or iterable of Article
    options : TokenOptions or mapping, optional
        Normalisation (:meth:`TokenOptions.coerce`): ``{"stopwords": "english"}``
        or ``TokenOptions(stopwords="english")``.  By default the tokens of
        boilerplate blocks are left out (``boilerplate=True`` keeps them).
    splitter : SentenceSplitter, optional
    recurring : mapping, optional
        The corpus-level lines taken for boilerplate
        (:func:`corpus_tools.structure.roles.recurring_lines`); None finds
        them over ``data`` itself, so a table of a whole corpus and the
        corpus's token dataset agree, while a table of one article alone
        sees no recurring line.
    roles : mapping, optional
        ``{article id: ArticleRoles}`` already decided
        (:func:`~corpus_tools.tokens.blockroles.corpus_block_roles`; then
        ``recurring`` is unused).

    Returns
    -------
    pandas.DataFrame
        Columns ``article``; ``section``, the *body* section of the token's
        block (as :func:`corpus_tools.structure.body.body_sections` numbers
        them: 0 is the lead section, each subheading, link or chapter
        heading opens the next; a block outside the body, such as a
        headline, byline, caption or sign-off, is in the section it sits in:
        that of the last body block before it, 0 before the first); ``block``,
        ``block_kind``, ``role`` (the block's role,
        :data:`corpus_tools.structure.roles.BLOCK_ROLES`; ``"dateline"`` for
        the tokens of a dateline in front of the lead, whose block stays the
        ``lead``: :func:`~corpus_tools.tokens.blockroles.token_role`), ``sentence``,
        ``position``, ``start``, ``end`` (see :class:`Token`, whose
        ``section`` counts headings instead), ``token`` (as written,
        apostrophes normalised) and ``norm`` (the counted form).  Rows in
        text order.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> token_table(Corpus.from_texts(["The cat sat."]), {"stopwords": "english"})["norm"].tolist()
    ['cat', 'sat']
    """
    reject_text(data)
    if not isinstance(data, Article | Iterable):
        raise TypeError(f"data must be a Corpus, an Article or Articles, not {type(data).__name__}")
    options = TokenOptions.coerce(options)
    articles = [data] if isinstance(data, Article) else list(data)
    for article in articles:
        if not isinstance(article, Article):
            raise TypeError(f"data must hold Articles, not {type(article).__name__} ({short_repr(article, 40)}); "
                            "wrap texts in Corpus.from_texts([...])")
    if roles is None:
        roles = corpus_block_roles(articles, recurring)
    rows = []
    for article in articles:
        article_roles = roles[article.id]
        sections = article_roles.sections
        for tok in iter_tokens(article, splitter):
            # (a dateline in front of the lead: its tokens' role is "dateline", the block's "lead")
            role = token_role(article_roles, tok.block, tok.start - article.blocks[tok.block].start)
            if not options.keeps_role(role):
                continue
            norm = options.normalize(tok.text)
            if norm is not None:
                rows.append((tok.article, sections[tok.block], tok.block, tok.block_kind, role, *tok[4:8],
                             tok.text, norm))
    df = pd.DataFrame(rows, columns=TOKEN_COLUMNS)
    for col in ("section", "block", "sentence", "position", "start", "end"):
        df[col] = df[col].astype("int64")
    df["article"] = df["article"].astype(str)
    df["block_kind"] = df["block_kind"].astype(str)
    df["role"] = df["role"].astype(str)
    return df
