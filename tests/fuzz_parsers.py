"""A time-bounded fuzzer for the ``.txt``, JSONL and CSV/TSV parsers.

Two input sources, alternating until the time is up:

* **generated**: hypothesis strategies for text-ish, JSONL-ish and CSV-ish
  bytes in several encodings, driven from random buffers through
  hypothesis's ``fuzz_one_input`` (the entry point hypothesis offers to
  external fuzzers; no shrinking, no example database);
* **mutated**: byte-level mutations (flips, inserted quotes, line ends, NUL,
  stray UTF-8 lead bytes, lone surrogate escapes, cuts, splices) of seed
  files: the shipped ``seeds/`` corpus and small valid JSONL/CSV files.

Each input goes through the loader's bytes parser (what ``load_corpus`` does
with each file) and must satisfy the loader's contract: no exception; at
least one result; a skipped result names a reason; every loaded article has
blocks whose offsets match its text, text encodable as UTF-8, tokens whose
offsets map back to the text, and it survives :func:`save_jsonl`'s record
format and a reload with the same blocks, id, date, title and meta.

CI runs it for ``CORPUS_TOOLS_FUZZ_SECONDS`` (default 20) through
``tests/test_fuzz.py``.  By hand, as long as you like::

    python tests/fuzz_parsers.py --seconds 600 [--seed 1] [--save-failures fuzz-failures/]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools.io.loading import FieldNames, _parse_bytes

FORMATS = ("txt", "jsonl", "csv", "tsv")
REPO = Path(__file__).resolve().parent.parent
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1")
INTERESTING = [b'"', b"'", b",", b"\t", b"\n", b"\r", b"\r\n", b"\n\n", b"\x00", b"\xff", b"\xfe", b"\x93", b"\xe2",
               b"\xe2\x80", b"\xc3", b"\xef\xbb\xbf", b"\\", b"\\u", b"\\ud800", b"\\udfff", b"{", b"}", b"[", b"]",
               b": ", b"null", b"NaN", b"1e999", b"#", b"# ", b"date ", b"date 2023-02-30 ", b"\x85", b"\xe2\x80\xa8",
               b"<script>", b"\x1e", b"\x0b", b"\x0c"]


# -- the contract every parse result must meet ----------------------------------------------

def check(data: bytes, fmt: str, paragraph_break: str = "blank") -> None:
    """Parse ``data`` as a file of format ``fmt``; raise AssertionError on a broken contract."""
    fields = FieldNames()
    results = list(_parse_bytes(data, fmt, source="fuzz", stem="fuzz", fields=fields,
                                paragraph_break=paragraph_break))
    assert results, "no article and no problem"
    for article, problems in results:
        for p in problems:
            assert p.severity in ("skipped", "warning") and p.reason and p.path == "fuzz", p
        if article is None:
            assert any(p.severity == "skipped" for p in problems), problems
            continue
        _check_article(article, paragraph_break)


def _check_article(article: ct.Article, paragraph_break: str) -> None:
    text = article.text
    assert article.blocks, "an article without blocks"
    for i, b in enumerate(article.blocks):
        assert b.index == i and b.text and text[b.start:b.end] == b.text, b
    text.encode("utf-8")  # no lone surrogates
    record = ct.io.article_to_record(article)
    line = json.dumps(record, ensure_ascii=False).encode("utf-8")
    for tok in ct.tokens.iter_tokens(article):
        assert ct.tokens.normalize_apostrophes(text[tok.start:tok.end]) == tok.text, tok
    again = list(_parse_bytes(line, "jsonl", source="fuzz", stem="fuzz", fields=FieldNames(),
                              paragraph_break="blank"))
    assert len(again) == 1 and again[0][0] is not None, again
    back, problems = again[0]
    assert problems == [], problems
    assert [(b.kind, b.text) for b in back.blocks] == [(b.kind, b.text) for b in article.blocks]
    assert (back.id, back.date, back.title) == (article.id, article.date, article.title)
    assert json.dumps(back.meta, sort_keys=True) == json.dumps(article.meta, sort_keys=True)


# -- generated inputs (hypothesis) ------------------------------------------------------------

_chars = st.characters(blacklist_categories=("Cs",))
_nasty = st.sampled_from(list('"\',\t\n\r#\\{}[]:<>’“”\x00\x0b\x0c\x1e\x85\u2028\ufeff') + ["\r\n", "\n\n", "date "])
_text = st.lists(st.one_of(st.text(_chars, max_size=30), _nasty, st.sampled_from(["Mr.", "U.S.", " ", ". "])),
                 max_size=30).map("".join)
_json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), _text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_text, inner, max_size=3)),
    max_leaves=8,
)
_record = st.fixed_dictionaries({}, optional={"text": st.one_of(_text, _json_values), "id": _json_values,
                                              "date": st.one_of(_text, st.dates().map(str), _json_values),
                                              "title": _json_values, "x": _json_values})
_jsonl = st.lists(st.one_of(_record.map(json.dumps), _text, _json_values.map(json.dumps)),
                  max_size=6).map("\n".join)
_cell = st.one_of(_text, _text.map(lambda t: '"' + t.replace('"', '""') + '"'), _text.map(lambda t: '"' + t))
_csv = st.tuples(st.sampled_from(["id,text", "text", "id,text,date,title", "a,b", ""]),
                 st.lists(st.lists(_cell, max_size=5).map(",".join), max_size=5)).map(
    lambda t: "\n".join([t[0], *t[1]]))
_document = st.tuples(st.one_of(_text, _jsonl, _csv), st.sampled_from(ENCODINGS)).map(
    lambda t: t[0].encode(t[1], errors="replace"))
GENERATED = st.tuples(st.one_of(_document, st.binary(max_size=512)), st.sampled_from(FORMATS),
                      st.sampled_from(["blank", "line"]))


@settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
@given(GENERATED)
def generated_target(case) -> None:
    data, fmt, paragraph_break = case
    check(data, fmt, paragraph_break)


# -- mutated inputs ------------------------------------------------------------------------------

def seed_inputs() -> list[tuple[bytes, str]]:
    seeds = [(p.read_bytes(), "txt") for p in sorted((REPO / "seeds").glob("*.txt"))]
    seeds += [
        (b"date 2024-01-02 Xi\xe2\x80\x99s visit.\n\n# Heading\n\nMr. Smith said \"yes\".\r\n", "txt"),
        (b'{"id": "a", "text": "One.\\n\\nTwo.", "date": "2024-01-02", "title": "T", "x": [1, {"y": null}]}\n'
         b'{"text": "Second \\u2019 record."}\n', "jsonl"),
        (b'id,text,date\n1,"He said ""yes"".\n\nNext.",2024-01-02\n2,Plain.,\n', "csv"),
        (b"id\ttext\nq\tTab separated.\n", "tsv"),
    ]
    return seeds


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    """One to eight random byte-level mutations of ``data``."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip a byte
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:  # insert an interesting token
            buf[pos:pos] = rng.choice(INTERESTING)
        elif op == 2 and buf:  # delete a range
            del buf[pos:pos + rng.randint(1, 64)]
        elif op == 3 and buf:  # duplicate a range
            a = rng.randrange(len(buf))
            buf[pos:pos] = buf[a:a + rng.randint(1, 256)]
        elif op == 4:  # truncate
            del buf[pos:]
        elif op == 5:  # splice in part of another seed
            other = rng.choice(pool)
            a = rng.randrange(len(other) or 1)
            buf[pos:pos] = other[a:a + rng.randint(1, 512)]
        else:  # a run of one interesting token
            buf[pos:pos] = rng.choice(INTERESTING) * rng.randint(2, 200)
    return bytes(buf[:200_000])


# -- the driver ----------------------------------------------------------------------------------------

@dataclass
class FuzzStats:
    """What a fuzzing run tried and found."""

    seconds: float = 0.0
    inputs: int = 0
    by_source: Counter = field(default_factory=Counter)
    failures: dict[str, tuple[bytes, str, str]] = field(default_factory=dict)  # signature -> (input, fmt, trace)

    def __str__(self) -> str:
        lines = [f"{self.inputs} inputs in {self.seconds:.1f} s ({dict(self.by_source)}); "
                 f"{len(self.failures)} distinct failures"]
        for sig, (data, fmt, _) in self.failures.items():
            lines.append(f"  {sig}  [{fmt}] input {data[:120]!r}")
        return "\n".join(lines)


def _signature(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    where = next((f for f in reversed(tb) if "corpus_tools" in f.filename), tb[-1] if tb else None)
    loc = f"{Path(where.filename).name}:{where.lineno}" if where else "?"
    return f"{type(exc).__name__} at {loc}: {str(exc)[:80]}"


def fuzz(seconds: float, seed: int = 0) -> FuzzStats:
    """Fuzz the parsers for about ``seconds``; deterministic inputs for a given ``seed``."""
    rng = random.Random(seed)
    pool = seed_inputs()
    pool_bytes = [d for d, _ in pool]
    stats = FuzzStats()
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if stats.inputs % 2 == 0:
            source = "generated"
            buffer = rng.randbytes(rng.choice([64, 256, 1024, 4096]))
            try:
                generated_target.hypothesis.fuzz_one_input(buffer)
                stats.inputs += 1
                stats.by_source[source] += 1
                continue
            except Exception as e:  # record, keep fuzzing
                data, fmt = buffer, "hypothesis buffer (replay with generated_target.hypothesis.fuzz_one_input)"
                exc = e
        else:
            source = "mutated"
            base, fmt = rng.choice(pool)
            data = mutate(base, rng, pool_bytes)
            fmt = rng.choice([fmt, fmt, rng.choice(FORMATS)])
            try:
                check(data, fmt, rng.choice(["blank", "line"]))
                stats.inputs += 1
                stats.by_source[source] += 1
                continue
            except Exception as e:
                exc = e
        stats.inputs += 1
        stats.by_source[source] += 1
        sig = _signature(exc)
        stats.failures.setdefault(sig, (data, fmt, "".join(traceback.format_exception(exc))))
    stats.seconds = time.monotonic() - start
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save-failures", type=Path, help="folder to write each failing input and its trace to")
    args = parser.parse_args(argv)
    stats = fuzz(args.seconds, args.seed)
    print(stats)
    if args.save_failures and stats.failures:
        args.save_failures.mkdir(parents=True, exist_ok=True)
        for i, (sig, (data, fmt, trace)) in enumerate(stats.failures.items()):
            (args.save_failures / f"{i:03d}.bin").write_bytes(data)
            (args.save_failures / f"{i:03d}.txt").write_text(f"{sig}\nformat: {fmt}\n\n{trace}", encoding="utf-8")
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
