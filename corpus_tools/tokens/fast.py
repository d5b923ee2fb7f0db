"""Fast Treebank-equivalent tokens for counting large corpora.

The exact path (:func:`corpus_tools.tokens.tokenize.iter_tokens`: Punkt sentences,
then NLTK's ``NLTKWordTokenizer`` per sentence) runs at well under 1 MB/s.
This module gives the same tokens about 20 times faster (~10 MB/s per core
in ``benchmarks/RESULTS.md``) by doing the expensive
work once per *distinct* white-space chunk instead of once per occurrence:

* Treebank's rules only look at neighbouring characters, and every rule that
  needs a space around a piece sees one when the piece is a white-space
  delimited chunk.  So the tokens of a chunk in the middle of a sentence
  depend on the chunk alone, and are cached (the cache grows with the
  vocabulary, not the corpus).  Cache misses are tokenised by the real
  ``NLTKWordTokenizer`` in one batch (chunks separated by a NUL marker
  token), so rare shapes (clitics, quotes, ``cannot``, ``$5``, URLs) are
  Treebank's own output.
* The only rule that depends on the sentence is the final period ("left."
  gives ``left`` + ``.`` at a sentence end, but "Mr." keeps its period
  inside one, and a known abbreviation keeps it at a sentence end too, as
  on the exact path:
  :func:`~corpus_tools.tokens.tokenize.join_abbreviation_periods`).  For
  each chunk that ends in a period, the Punkt decision of
  :class:`corpus_tools.tokens.tokenize.SentenceSplitter` (untrained, with
  :data:`NEWS_ABBREVIATIONS`) is reproduced from the chunk and the first
  character of the next chunk: abbreviations never end a sentence, initials
  ("J.") end one only before a digit or symbol, numbers ("1999.") end one
  unless a lower-case word or ``, ; :`` follows, any other word ends one;
  a block's last chunk always ends it.  (Punkt's orthographic heuristics
  have no effect without training data, so these rules are the whole
  decision.)

What differs from the exact path (measured in ``benchmarks/RESULTS.md``):
sentence breaks that Punkt puts *inside* a chunk (``?"He`` with no space)
and splitters trained with :meth:`SentenceSplitter.trained_on` (the fast
path always reproduces the default splitter).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import chain
from typing import NamedTuple

from corpus_tools.tokens.tokenize import NEWS_ABBREVIATIONS, SentenceSplitter, join_abbreviation_periods, word_spans

__all__ = ["Agreement", "FastTokenizer", "fast_sentences", "fast_token_counts", "fast_word_tokenize",
           "token_agreement"]

_CORE_CHAR = r"[^\s,:;@#$%&?!*()\[\]{}<>\"'`«“„”»\u2012-\u2015.\-]"
_QUICK = re.compile(rf"([(\[{{<\"“«$#@&]*)((?:{_CORE_CHAR}+(?:(?:[.\-]|[,:](?=\d)){_CORE_CHAR}+)*)?)(\.)?"
                    r"([)\]}>\"”»,;:?!%&]*)")
_CONTRACTION = re.compile("|".join(("cannot", "gimme", "gonna", "gotta", "lemme", "wanna")), re.IGNORECASE)
# Treebank's final-period rule, as applied to the last chunk of a sentence.
_FINAL_PERIOD = re.compile(r"([^\.])(\.)([\]\)}>\"'»”’]*)\Z")
# A period that ends a chunk (possibly followed by closing quotes/brackets),
# with the white space and first character after it: the candidates for a
# sentence-final period.
_PERIOD_END = re.compile(r"\.(?<=[^.\s]\.)[\]\)}>\"'»”’]*(?=(\s+|\Z)(\S?))")
# Punkt: characters that make a period a sentence-break candidate when they
# follow it directly, and characters that cannot start a word.
_PUNKT_NON_WORD = set(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")
_PUNKT_NO_WORD_START = set("(\"`{[:;&#*@)}]-,")


@cache
def _punkt_vars():
    """Punkt's word regex (imported on first use: a process that never tokenises does not import NLTK)."""
    from nltk.tokenize.punkt import PunktLanguageVars

    return PunktLanguageVars()


_PUNKT_ONE_WORD = re.compile(r"[^\s(\"`{\[:;&#*@)}\]\-,'‘’“”«»?!][^\s)\";}\]*:@'({\[‘’“”«»?!,]*")
_PUNKT_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_PUNKT_INITIAL = re.compile(r"[^\W\d]\.$")
_NUL = "\x00"
_NEXT_CHUNK = re.compile(r"\S*")
# Whether the reference splitter joins a sentence that starts in lower case
# to the one before it (a rule on top of Punkt); read from the splitter
# itself so the two paths cannot drift apart.
# (Asked on first use, not at import: a process that only queries a dataset never imports NLTK.)
@cache
def _lower_continues() -> bool:
    return len(SentenceSplitter().spans("He left. and then")) == 1


def fast_normalize(text: str) -> str:
    """:func:`normalize_apostrophes` by ``str.replace`` (several times faster than ``translate``)."""
    for quote in "\u2019\u2018\u02bc":
        if quote in text:
            text = text.replace(quote, "'")
    return text.replace(_NUL, " ") if _NUL in text else text


def _quick_tokens(chunk: str, final: bool) -> tuple[str, ...] | None:
    """Tokens of the commonest chunk shapes without running Treebank, or None.

    A word of letters/digits (hyphens inside) with opening and closing
    punctuation that Treebank always splits off as one-character tokens
    (and, at a sentence end, a final period before the closing marks).
    """
    m = _QUICK.fullmatch(chunk)
    if m is None:
        return None
    lead, core, period, trail = m.groups()
    if core and _CONTRACTION.search(core):
        return None
    if period:
        if not core:
            return None
        if not final:  # inside a sentence a word keeps its final period ("Mr.")
            return (*lead, core + ".", *trail)
        if trail.strip(")]}>\"”»"):
            return None  # "x.," at a sentence end: rare, Treebank decides
        return (*lead, core, ".", *trail)
    return (*lead, *((core,) if core else ()), *trail)


class FastTokenizer:
    """Treebank word tokens by cached white-space chunks (see the module docstring).

    Parameters
    ----------
    abbreviations : iterable of str
        Extra abbreviations, as for :class:`~corpus_tools.tokens.tokenize.SentenceSplitter`.

    Examples
    --------
    >>> FastTokenizer().word_tokenize("Mr. Xi’s visit cost $15.6 billion, they said.")
    ['Mr.', 'Xi', "'s", 'visit', 'cost', '$', '15.6', 'billion', ',', 'they', 'said', '.']
    """

    def __init__(self, abbreviations: Iterable[str] = ()):
        self.abbreviations = frozenset(NEWS_ABBREVIATIONS | {a.lower().rstrip(".") for a in abbreviations})
        self._mid: dict[str, tuple[str, ...]] = {}
        self._final: dict[str, tuple[str, ...]] = {}
        self._kind: dict[str, str] = {}
        self._inside: dict[str, bool] = {}  # next chunk -> Punkt break inside it (see _breaks_inside)
        self._split_chunks: set[str] = set()  # chunks whose tokens are not just (chunk,)

    # -- chunk tokens ---------------------------------------------------
    def _fill(self, chunks: Iterable[str], final: bool) -> None:
        """Tokenise cache misses: simple chunks directly, the rest in one Treebank batch."""
        cache = self._final if final else self._mid
        batch: list[str] = []
        for chunk in chunks:
            if chunk in cache:
                continue
            quick = _quick_tokens(chunk, final)
            if quick is None:
                batch.append(chunk)
            else:
                cache[chunk] = tuple(join_abbreviation_periods(quick, self.abbreviations)) if final else quick
                if not final and quick != (chunk,):
                    self._split_chunks.add(chunk)
        if not batch:
            return
        # Each chunk is followed by a NUL marker token, so none is at the end
        # of the batch "sentence"; the final variant applies Treebank's
        # final-period rule to the chunk first, as the sentence end would.
        pieces = [_FINAL_PERIOD.sub(r"\1 \2 \3 ", c) if final else c for c in batch]
        text = "".join(f"{p} {_NUL} " for p in pieces)
        groups: list[list[str]] = [[]]
        for a, b in word_spans(text):
            tok = text[a:b]
            if tok == _NUL:
                groups.append([])
            else:
                groups[-1].append(tok)
        for chunk, toks in zip(batch, groups, strict=False):
            # A known abbreviation keeps its period at a sentence end, as on the exact path.
            cache[chunk] = tuple(join_abbreviation_periods(toks, self.abbreviations) if final else toks)
            if not final and cache[chunk] != (chunk,):
                self._split_chunks.add(chunk)

    def _period_kind(self, chunk: str) -> str:
        """How Punkt treats the period ending ``chunk``: abbr, initial, number, other, or none."""
        kind = self._kind.get(chunk)
        if kind is not None:
            return kind
        core = chunk.rstrip("])}>\"'»”’")
        if len(core) < len(chunk) and chunk[len(core)] not in _PUNKT_NON_WORD:
            kind = "none"  # e.g. "x.>": Punkt sees no sentence-break candidate here
        else:
            if _PUNKT_ONE_WORD.fullmatch(core) and ".." not in core and "--" not in core:
                tok = core  # Punkt's word regex would return the whole chunk
            else:
                words = _punkt_vars().word_tokenize(core)
                tok = words[-1] if words else core
            typ = tok[:-1].lower()
            if re.fullmatch(r"\.\.+", tok) or tok.endswith(".."):
                kind = "none"
            elif typ in self.abbreviations or typ.split("-")[-1] in self.abbreviations:
                kind = "abbr"
            elif _PUNKT_INITIAL.match(tok):
                kind = "initial"
            elif _PUNKT_NUMERIC.match(tok.lower()):
                kind = "number"
            else:
                kind = "other"
            if kind in ("initial", "number") and len(core) < len(chunk):
                kind += "+"  # the next Punkt token is a closing quote/bracket
        self._kind[chunk] = kind
        return kind

    def _ends_sentence(self, chunk: str, next_chunk: str) -> bool:
        """Whether Punkt ends the sentence after ``chunk`` (which ends in a period)."""
        if _lower_continues() and chunk[-1] == "." and next_chunk[:1].islower():
            return False
        kind = self._period_kind(chunk)
        if kind in ("other", "initial+", "number+"):
            return True
        if kind == "none":
            return False
        if kind == "abbr":
            return self._breaks_inside(next_chunk)
        first = next_chunk[:1]
        if first in ",;:" or (first in ".!?" and (len(next_chunk) == 1 or next_chunk[1].isspace())):
            next_class = "punct"
        elif first in _PUNKT_NO_WORD_START:
            next_class = "other"
        else:
            next_class = "upper" if first.isupper() else "lower" if first.islower() else "other"
        if kind == "initial":
            return next_class == "other" or self._breaks_inside(next_chunk)
        return next_class in ("upper", "other") or self._breaks_inside(next_chunk)  # number

    def _breaks_inside(self, chunk: str) -> bool:
        """Whether Punkt sees a sentence break inside ``chunk``, before its last word token.

        Punkt accepts a candidate break when the text from the candidate to
        the end of the next white-space token holds a break anywhere but at
        its last token (``text_contains_sentbreak``): so "Mr." before
        '"Go."' or "x.)" ends a sentence.  Same rules as for a whole chunk,
        the next Punkt token deciding for initials and numbers.
        """
        found = self._inside.get(chunk)
        if found is not None:
            return found
        toks = _punkt_vars().word_tokenize(chunk)
        found = False
        for tok, nxt in zip(toks, toks[1:], strict=False):
            if tok in ("?", "!"):
                found = True
            elif tok.endswith(".") and not tok.endswith(".."):
                typ = tok[:-1].lower()
                if typ in self.abbreviations or typ.split("-")[-1] in self.abbreviations:
                    continue
                initial = bool(_PUNKT_INITIAL.match(tok))
                if initial or _PUNKT_NUMERIC.match(tok.lower()):
                    if nxt in (";", ":", ",", ".", "!", "?") or nxt[:1].islower() or (initial and nxt[:1].isupper()):
                        continue
                found = True
            if found:
                break
        self._inside[chunk] = found
        return found

    # -- public API -----------------------------------------------------
    def counts(self, text: str) -> Counter:
        """Token counts of ``text`` (blocks separated by line breaks), fast.

        >>> FastTokenizer().counts("The U.S. left. The end.")["."]
        2
        """
        text = fast_normalize(text)
        chunks = Counter(text.split())
        finals: dict[str, int] = {}  # chunks that end a sentence, by occurrence (a dict: no __missing__ call)
        kinds, rfind, lower_continues = self._kind, text.rfind, _lower_continues()
        for m in _PERIOD_END.finditer(text):  # one per sentence or abbreviation: keep this loop tight
            space, nxt = m.groups()
            end = m.start()
            start = rfind(" ", 0, end)
            start = max(start, rfind("\n", start + 1, end)) + 1
            chunk = text[start : m.end()]
            if not chunk.isprintable():  # tab, no-break space...: split() knows best
                chunk = chunk.split()[-1]
            if (not nxt or "\n" in space  # the block's last chunk ends its last sentence
                    or ((kinds.get(chunk) or self._period_kind(chunk)) == "other" and not lower_continues)
                    or self._ends_sentence(chunk, _NEXT_CHUNK.match(text, m.end() + len(space)).group())):
                finals[chunk] = finals.get(chunk, 0) + 1
        chunks.subtract(finals)
        self._fill(set(chunks).difference(self._mid), final=False)  # O(len(chunks)), not O(cache)
        self._fill(set(finals).difference(self._final), final=True)
        # Most chunks are one token, themselves: only the others are expanded
        # (set operations and Counter updates run in C).
        expanded: Counter = Counter()
        for chunk in self._split_chunks.intersection(chunks):
            n = chunks.pop(chunk)
            for tok in self._mid[chunk] if n else ():
                expanded[tok] += n
        for chunk, n in finals.items():
            for tok in self._final[chunk]:
                expanded[tok] += n
        chunks.update(expanded)
        for chunk in finals:
            if not chunks.get(chunk, 1):
                del chunks[chunk]
        return chunks

    def sentences(self, text: str) -> list[list[list[str]]]:
        """Tokens of ``text`` by block (line) and sentence: ``[block][sentence][token]``.

        >>> FastTokenizer().sentences("Hi there. Bye.\\nNext block")
        [[['Hi', 'there', '.'], ['Bye', '.']], [['Next', 'block']]]
        """
        text = fast_normalize(text)
        blocks = [b.split() for b in text.split("\n")]
        distinct = set(chain.from_iterable(blocks))
        self._fill(distinct.difference(self._mid), final=False)  # O(len(distinct)), not O(cache)
        self._fill([c for c in distinct.difference(self._final) if _FINAL_PERIOD.search(c)], final=True)
        mid, final, out = self._mid, self._final, []
        for chunks in blocks:
            if not chunks:
                continue
            sents: list[list[str]] = []
            current: list[str] = []
            last = len(chunks) - 1
            for i, chunk in enumerate(chunks):
                tail = chunk[-1]
                if tail in ".?!" or (tail in "])}>\"'»”’" and chunk.rstrip("])}>\"'»”’")[-1:] in (".", "?", "!")):
                    core = chunk.rstrip("])}>\"'»”’")
                    if core[-1] == "." and _FINAL_PERIOD.search(chunk):
                        if i == last or self._ends_sentence(chunk, chunks[i + 1]):
                            current.extend(final[chunk])
                            sents.append(current)
                            current = []
                            continue
                    elif core[-1] in "?!" and (len(core) == len(chunk) or chunk[len(core)] in _PUNKT_NON_WORD):
                        current.extend(mid[chunk])
                        sents.append(current)
                        current = []
                        continue
                current.extend(mid[chunk])
            if current:
                sents.append(current)
            out.append(sents)
        return out

    def word_tokenize(self, text: str) -> list[str]:
        """All tokens of ``text`` in order."""
        return [t for block in self.sentences(text) for sent in block for t in sent]


_DEFAULT = FastTokenizer()


def fast_token_counts(text: str) -> Counter:
    """Token counts of ``text`` with the default :class:`FastTokenizer`.

    >>> fast_token_counts("Xi’s visit. Xi left.")["Xi"]
    2
    """
    return _DEFAULT.counts(text)


def fast_sentences(text: str) -> list[list[list[str]]]:
    """``[block][sentence][token]`` of ``text`` with the default :class:`FastTokenizer`."""
    return _DEFAULT.sentences(text)


def fast_word_tokenize(text: str) -> list[str]:
    """Tokens of ``text`` in order with the default :class:`FastTokenizer`.

    >>> fast_word_tokenize("They can't go. J. Smith said so.")
    ['They', 'ca', "n't", 'go', '.', 'J.', 'Smith', 'said', 'so', '.']
    """
    return _DEFAULT.word_tokenize(text)


class Agreement(NamedTuple):
    """Multiset agreement of two token counts (see :func:`token_agreement`)."""

    reference_tokens: int
    matched: int
    rate: float
    missing: Counter  # in the reference, not produced
    extra: Counter  # produced, not in the reference


def token_agreement(reference: Counter, candidate: Counter) -> Agreement:
    """Share of reference token occurrences that the candidate reproduces.

    ``matched = sum(min(ref[t], cand[t]))`` (the multiset intersection), and
    ``rate = matched / sum(ref)``; ``missing``/``extra`` are the two
    multiset differences.

    >>> a = token_agreement(Counter({"Mr.": 1, "Smith": 1}), Counter({"Mr": 1, ".": 1, "Smith": 1}))
    >>> a.matched, a.rate, dict(a.missing), dict(a.extra)
    (1, 0.5, {'Mr.': 1}, {'Mr': 1, '.': 1})
    """
    total = sum(reference.values())
    matched = sum((reference & candidate).values())
    return Agreement(total, matched, matched / total if total else 1.0, reference - candidate, candidate - reference)


_SHARED: FastTokenizer | None = None


def shared_fast_tokenizer() -> FastTokenizer:
    """One tokenizer (and chunk cache) per process, shared by every caller in it."""
    global _SHARED
    if _SHARED is None:
        _SHARED = FastTokenizer()
    return _SHARED
