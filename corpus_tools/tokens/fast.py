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
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from corpus_tools.tokens.nltk_loading import import_nltk
from corpus_tools.tokens.tokenize import (
    NEWS_ABBREVIATIONS,
    SentenceSplitter,
    align_tokens,
    join_abbreviation_periods,
    word_spans,
)

__all__ = ["Agreement", "FastTokenizer", "TokenArrays", "fast_sentences", "fast_token_counts", "fast_word_tokenize",
           "token_agreement"]

_CORE_CHAR = r"[^\s,:;@#$%&?!*()\[\]{}<>\"'`«“„”»\u2012-\u2015.\-]"
_QUICK = re.compile(rf"([(\[{{<\"“«$#@&]*)((?:{_CORE_CHAR}+(?:(?:[.\-]|[,:](?=\d)){_CORE_CHAR}+)*)?)(\.)?"
                    r"([)\]}>\"”»,;:?!%&]*)")
_CONTRACTION = re.compile("|".join(("cannot", "gimme", "gonna", "gotta", "lemme", "wanna")), re.IGNORECASE)
# Treebank's final-period rule, as applied to the last chunk of a sentence.
_FINAL_PERIOD = re.compile(r"([^\.])(\.)([\]\)}>\"'»”’]*)\Z")
# Punkt: characters that make a period a sentence-break candidate when they
# follow it directly, and characters that cannot start a word.
_PUNKT_NON_WORD = set(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")
_PUNKT_NO_WORD_START = set("(\"`{[:;&#*@)}]-,")


@cache
def _punkt_vars():
    """Punkt's word regex (imported on first use: a process that never tokenises does not import NLTK)."""
    import_nltk()
    from nltk.tokenize.punkt import PunktLanguageVars

    return PunktLanguageVars()


_PUNKT_ONE_WORD = re.compile(r"[^\s(\"`{\[:;&#*@)}\]\-,'‘’“”«»?!][^\s)\";}\]*:@'({\[‘’“”«»?!,]*")
_PUNKT_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_PUNKT_INITIAL = re.compile(r"[^\W\d]\.$")
_NUL = "\x00"
# Closing marks that may follow a sentence's final . ? ! inside its chunk.
_CLOSERS = "])}>\"'»”’"
# By code point: white space as str.split() reads it (str.isspace(); none lies above U+3000), and
# the last characters of a chunk that may end a sentence (. ? ! or a closing mark); the last
# entry stands for every code point beyond the table.
_SPACE = np.array([chr(c).isspace() for c in range(0x3001)] + [False])
_TAIL_SET = pa.array(["."] + list(_CLOSERS))
_SENTENCE_TAIL = np.zeros(0x3001 + 1, dtype=bool)
_SENTENCE_TAIL[[ord(c) for c in ".?!" + _CLOSERS]] = True
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


class TokenArrays(NamedTuple):
    """The tokens of a text with, per token, its span, line and sentence (:meth:`FastTokenizer.token_arrays`).

    ``starts``/``ends`` are offsets into the text; ``lines`` count the line
    breaks before the token; ``sentences`` number the sentences of the whole
    text from 0, each line opening a new one; ``line_sentences[k]`` is the
    number of the first sentence of line ``k`` (of every line, token or not).
    """

    tokens: list[str]
    starts: np.ndarray
    ends: np.ndarray
    lines: np.ndarray
    sentences: np.ndarray
    line_sentences: np.ndarray


def _chunk_spans(chunk: str, tokens: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of a chunk's tokens inside it.

    Aligning inside the chunk finds what aligning the whole line would (only
    white space lies between a chunk and the token before it). A token not
    found in its chunk (not seen in practice) gets an empty span where it
    would be.
    """
    starts, ends, point = [], [], 0
    for tok in tokens:
        span = next(align_tokens([tok], chunk[point:]), None)
        a, b = (point + span[0], point + span[1]) if span else (point, point)
        starts.append(a)
        ends.append(b)
        point = b
    return tuple(starts), tuple(ends)


def _line_end_breaks(ends_sentence: np.ndarray, block_last: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Sentence breaks when some chunks have no token: a line's end closes a sentence only if it holds a token.

    (A chunk that ends a sentence closes it either way, as Punkt's break does.)
    """
    breaks = ends_sentence.copy()
    since = 0
    for i in range(len(counts)):
        since += int(counts[i])
        if ends_sentence[i]:
            since = 0
        elif block_last[i]:
            breaks[i] = since > 0
            since = 0
    return breaks


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
        self._mid_spans: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # split chunks only
        self._final_spans: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}

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
        try:
            lines = pc.utf8_trim_whitespace(pa.array(text.split("\n"), pa.string()))
        except UnicodeEncodeError:  # a lone surrogate: Arrow holds UTF-8 only; the arrays give the same tokens
            return Counter(self.token_arrays(text).tokens)
        # The chunks are split and counted by Arrow's kernels (white space as str.split() reads it,
        # tested for every code point), in a third of the time of Counter(text.split()); Python
        # then runs once per distinct chunk, and the Punkt decision once per distinct context
        # (_final_counts).
        split = pc.utf8_split_whitespace(lines)
        flat = split.values  # every line's chunks, in order ("" for an empty line)
        counted = pc.value_counts(flat)
        values, numbers = counted.field("values"), counted.field("counts").to_numpy()
        # a final period's candidates: "x." before closing marks, not "..", not a lone "."
        tail = np.flatnonzero(pc.is_in(pc.utf8_slice_codeunits(flat, -1), value_set=_TAIL_SET).to_numpy(
            zero_copy_only=False))  # ending in "." or a closing mark: one chunk in ten, then looked at closer
        bare = pc.utf8_rtrim(pc.take(flat, pa.array(tail)), characters=_CLOSERS)
        period = pc.and_(pc.and_(pc.ends_with(bare, "."), pc.invert(pc.ends_with(bare, ".."))),
                         pc.greater(pc.utf8_length(bare), 1))
        where = tail[period.to_numpy(zero_copy_only=False)]
        closes_line = np.isin(where + 1, split.offsets.to_numpy())  # the block's last chunk ends its sentence
        finals = self._final_counts(pc.take(flat, pa.array(where)), pc.take(flat, pa.array(np.where(
            closes_line, where, where + 1))), closes_line)
        names = values.to_pylist()
        self._fill(set(names).difference(self._mid), final=False)  # O(len(names)), not O(cache)
        self._fill(set(finals).difference(self._final), final=True)
        # Most chunks are one token, themselves, and are counted as they are; the others add their
        # tokens' rows, and a sentence end trades its chunk's tokens for its final tokens.  The rows
        # are summed by Arrow's hash aggregation, not a Python step per row.
        expand = np.fromiter(map(self._split_chunks.__contains__, names), dtype=bool, count=len(names))
        which = np.flatnonzero(expand)
        finals_names = list(finals)
        finals_numbers = np.fromiter(finals.values(), dtype=np.int64, count=len(finals))
        groups = [  # (chunks, their tokens, each chunk's number)
            (list(map(self._mid.__getitem__, [names[i] for i in which.tolist()])), numbers[which]),
            (list(map(self._final.__getitem__, finals_names)), finals_numbers),
            (list(map(self._mid.__getitem__, finals_names)), -finals_numbers)]
        whole = ~expand
        whole[np.fromiter(map("".__eq__, names), dtype=bool, count=len(names))] = False  # an empty line's ""
        token_arrays, number_arrays = [values.filter(pa.array(whole))], [numbers[whole]]
        for pieces, piece_numbers in groups:
            token_arrays.append(pa.array(list(chain.from_iterable(pieces)), pa.string()))
            number_arrays.append(np.repeat(piece_numbers, np.fromiter(map(len, pieces), dtype=np.int64,
                                                                      count=len(pieces))))
        table = pa.table({"token": pa.concat_arrays(token_arrays), "n": pa.array(np.concatenate(number_arrays))})
        summed = table.group_by("token", use_threads=False).aggregate([("n", "sum")])  # in a fixed order
        kept = summed.filter(pc.greater(summed["n_sum"], 0))
        return Counter(dict(zip(kept["token"].to_pylist(), kept["n_sum"].to_numpy().tolist(), strict=True)))

    def _final_counts(self, candidates: pa.Array, following: pa.Array, closes_line: np.ndarray) -> dict[str, int]:
        """How often each chunk ending in a period ends a sentence, given the chunk after each occurrence.

        The Punkt decision of :meth:`_ends_sentence` by distinct chunk: for an
        ordinary word ("left.", the commonest kind) it depends on the next
        chunk's first character only, decided once per distinct character;
        abbreviations, initials and numbers (a few in a hundred) are decided
        occurrence by occurrence.
        """
        coded = pc.dictionary_encode(candidates)
        chunk_of = coded.indices.to_numpy(zero_copy_only=False)
        distinct = coded.dictionary.to_pylist()
        kind = [self._kind.get(c) or self._period_kind(c) for c in distinct]
        ordinary = np.array([k == "other" for k in kind], dtype=bool)[chunk_of] if distinct else np.zeros(0, bool)
        ends = closes_line.copy()
        if _lower_continues():  # a lower-case word after "left." continues its sentence
            first = pc.dictionary_encode(pc.utf8_slice_codeunits(following, 0, 1))
            lower = np.array([c.islower() for c in first.dictionary.to_pylist()], dtype=bool)
            bare_period = np.array([c[-1] == "." for c in distinct], dtype=bool)[chunk_of] if distinct else ends
            ends |= ordinary & ~(bare_period & lower[first.indices.to_numpy(zero_copy_only=False)])
        else:
            ends |= ordinary
        rest = np.flatnonzero(~ends & ~ordinary)
        if len(rest):
            nexts = pc.take(following, pa.array(rest)).to_pylist()
            for i, nxt in zip(rest.tolist(), nexts, strict=True):
                ends[i] = self._ends_sentence(distinct[chunk_of[i]], nxt)
        per_chunk = np.bincount(chunk_of[ends], minlength=len(distinct))
        return {distinct[i]: int(per_chunk[i]) for i in np.flatnonzero(per_chunk).tolist()}

    def token_arrays(self, text: str) -> TokenArrays:
        """Every token of ``text`` (blocks separated by line breaks) with its span, line and sentence.

        What :meth:`sentences` and the token dataset are made of: the Python
        work runs once per *distinct* chunk (its tokens, their spans inside
        it) and once per chunk that may end a sentence; everything per
        occurrence is array arithmetic.

        >>> a = FastTokenizer().token_arrays("Hi there. Bye.\\nNext")
        >>> a.tokens, a.starts.tolist(), a.ends.tolist()
        (['Hi', 'there', '.', 'Bye', '.', 'Next'], [0, 3, 8, 10, 13, 15], [2, 8, 9, 13, 14, 19])
        >>> a.lines.tolist(), a.sentences.tolist(), a.line_sentences.tolist()
        ([0, 0, 0, 0, 0, 1], [0, 0, 0, 1, 1, 2], [0, 2])
        """
        text = fast_normalize(text)  # the same length: spans hold for the text as given
        chunks = text.split()
        n = len(chunks)
        # Where the chunks are, over the code points as one array: str.split() does not say, and
        # re.finditer would cost a match object per chunk.
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        solid = np.concatenate(([False], ~_SPACE[np.minimum(codes, len(_SPACE) - 1)], [False]))
        edges = np.diff(solid.view(np.int8))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        if len(starts) != n:  # both read white space as str.isspace(): never
            raise AssertionError("the white-space chunks and their spans disagree")
        line_breaks = np.flatnonzero(codes == 10)
        lines = np.searchsorted(line_breaks, starts)  # the line breaks before each chunk
        block_last = np.ones(n, dtype=bool)
        block_last[:-1] = lines[1:] != lines[:-1]

        distinct = set(chunks)
        self._fill(distinct.difference(self._mid), final=False)  # O(len(distinct)), not O(cache)
        self._fill([c for c in distinct.difference(self._final) if _FINAL_PERIOD.search(c)], final=True)
        # Only a chunk whose last character is . ? ! or a closing mark may end a sentence: the
        # decision runs for those alone (about one chunk in eight in news).
        ends_sentence = np.zeros(n, dtype=bool)
        finals: list[int] = []
        tails = _SENTENCE_TAIL[np.minimum(codes[ends - 1], len(_SENTENCE_TAIL) - 1)] if n else ends_sentence
        for i in np.flatnonzero(tails).tolist():
            chunk = chunks[i]
            core = chunk.rstrip(_CLOSERS)
            if not core:
                continue
            if core[-1] == "." and _FINAL_PERIOD.search(chunk):
                if block_last[i] or self._ends_sentence(chunk, chunks[i + 1]):
                    finals.append(i)
                    ends_sentence[i] = True
            elif core[-1] in "?!" and (len(core) == len(chunk) or chunk[len(core)] in _PUNKT_NON_WORD):
                ends_sentence[i] = True
        pieces = list(map(self._mid.__getitem__, chunks))
        for i in finals:
            pieces[i] = self._final[chunks[i]]
        counts = np.fromiter(map(len, pieces), dtype=np.int64, count=n)
        breaks = ends_sentence | block_last
        if not counts.all():  # a chunk without a token (not seen in practice)
            breaks = _line_end_breaks(ends_sentence, block_last, counts)

        # Spans: a chunk that is its own single token spans itself; the others (split chunks and
        # sentence ends) take their spans inside the chunk from a cache, filled once per chunk.
        first = np.cumsum(counts) - counts
        rel_starts = np.zeros(int(counts.sum()), dtype=np.int64)
        rel_ends = np.repeat(ends - starts, counts)
        split = self._split_chunks.intersection(distinct)
        for chunk in split.difference(self._mid_spans):
            self._mid_spans[chunk] = _chunk_spans(chunk, self._mid[chunk])
        chosen = np.fromiter(map(split.__contains__, chunks), dtype=bool, count=n) if split else np.zeros(n, bool)
        chosen[finals] = False  # a sentence end takes its final spans, below
        spans = list(map(self._mid_spans.__getitem__, [chunks[i] for i in np.flatnonzero(chosen).tolist()]))
        for i in finals:
            chunk = chunks[i]
            found = self._final_spans.get(chunk)
            if found is None:
                found = self._final_spans[chunk] = _chunk_spans(chunk, self._final[chunk])
            spans.append(found)
        if spans:
            which = np.concatenate((np.flatnonzero(chosen), np.array(finals, dtype=np.int64)))
            sizes = counts[which]
            total = int(sizes.sum())
            # the token rows of those chunks: each chunk's first row, then one row after another
            rows = np.repeat(first[which] - (np.cumsum(sizes) - sizes), sizes) + np.arange(total)
            rel_starts[rows] = np.fromiter(chain.from_iterable(map(itemgetter(0), spans)), dtype=np.int64, count=total)
            rel_ends[rows] = np.fromiter(chain.from_iterable(map(itemgetter(1), spans)), dtype=np.int64, count=total)

        sentence_of_chunk = np.cumsum(breaks) - breaks
        first_chunk_of_line = np.searchsorted(lines, np.arange(len(line_breaks) + 1))
        line_sentences = np.concatenate((sentence_of_chunk, [int(breaks.sum())]))[first_chunk_of_line]
        token_starts = np.repeat(starts, counts)
        return TokenArrays(list(chain.from_iterable(pieces)), token_starts + rel_starts, token_starts + rel_ends,
                           np.repeat(lines, counts), np.repeat(sentence_of_chunk, counts), line_sentences)

    def sentences(self, text: str) -> list[list[list[str]]]:
        """Tokens of ``text`` by block (line) and sentence: ``[block][sentence][token]``.

        Lines without a token are left out.

        >>> FastTokenizer().sentences("Hi there. Bye.\\nNext block")
        [[['Hi', 'there', '.'], ['Bye', '.']], [['Next', 'block']]]
        """
        arrays = self.token_arrays(text)
        out: list[list[list[str]]] = []
        last_line = last_sentence = -1
        for tok, line, sentence in zip(arrays.tokens, arrays.lines.tolist(), arrays.sentences.tolist(), strict=True):
            if line != last_line:
                out.append([])
                last_line = line
            if sentence != last_sentence:
                out[-1].append([])
                last_sentence = sentence
            out[-1][-1].append(tok)
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
