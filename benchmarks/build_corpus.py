"""Build a large English corpus, deterministically, from prose installed on this machine.

Set-up (Debian; run once, as root)::

    apt-get install -y linux-doc-6.1 python3.11-doc fortunes jargon-text \
        python-django-doc postgresql-doc-15 debian-handbook git-doc

Sources, all real English prose written by people: the Linux kernel
documentation (reStructuredText, ~3,000 documents), the Python 3.11
documentation sources, the fortune-cookie files, the Jargon File, the git
manual pages, and the ``<p>`` paragraphs of the Django and PostgreSQL 15
manuals and the Debian Administrator's Handbook (English).  Only
prose paragraphs are kept (no code, tables or markup lines; inline markup is
stripped), then shuffled with a fixed seed and grouped into "articles" of
3-12 paragraphs written as JSONL shards of about 2 MB.

Growth: the first pass over the pool uses every paragraph once, so the
vocabulary grows like real text until the pool is used up (its size is
printed); larger corpora reuse paragraphs in new articles, re-shuffled with a
new seed per pass, so later passes add articles but few new word types.

Usage::

    python benchmarks/build_corpus.py OUT_DIR --mb 100
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
from pathlib import Path

SOURCES = [
    ("/usr/share/doc/linux-doc-6.1/Documentation", "*.rst.gz"),
    ("/usr/share/doc/python3.11/html/_sources", "*.rst.txt"),
    ("/usr/share/games/fortunes", "*"),
    ("/usr/share/doc/jargon-text", "*"),
    ("/usr/share/doc/git-doc", "*.txt"),
    ("/usr/share/doc/python-django-doc/html", "*.html"),
    ("/usr/share/doc/postgresql-doc-15/html", "*.html"),
    ("/usr/share/doc/debian-handbook/html/en-US", "*.html"),
    ("/usr/share/man/man1", "*.gz"),
    ("/usr/share/man/man3", "*.gz"),
    ("/usr/share/man/man5", "*.gz"),
    ("/usr/share/man/man7", "*.gz"),
    ("/usr/share/man/man8", "*.gz"),
]
_ROFF_BREAK = re.compile(r"^[.'](?:PP|LP|P|SH|SS|TP|IP|HP|sp|br|RS|RE|TH|nf|fi|EX|EE)\b.*$", re.M)
_ROFF_FONT_LINE = re.compile(r"^\.(?:B|I|BI|BR|IB|IR|RB|RI|SM|SB)\s+(.*)$", re.M)
_ROFF_OTHER = re.compile(r"^[.'].*$", re.M)
_ROFF_ESCAPE = re.compile(r"\\(?:f(?:\[[^\]]*\]|\(..|.)|s[+-]?\d|\((..)|\*(?:\(..|\[[^\]]*\]|.)|[&|^%])")


def man_text(text: str) -> str:
    """Running text of a roff manual page: macros dropped, font and size escapes removed."""
    text = _ROFF_BREAK.sub("\n", text)
    text = _ROFF_FONT_LINE.sub(lambda m: m.group(1).replace('"', ""), text)
    text = _ROFF_OTHER.sub("", text)
    text = text.replace("\\-", "-").replace("\\(em", "--").replace("\\e", "\\")
    return _ROFF_ESCAPE.sub("", text)
_HTML_P = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_MARKUP = [
    (re.compile(r":[a-z:]+:`([^`<]*?)\s*(?:<[^>]*>)?`"), r"\1"),  # :ref:`text <target>`
    (re.compile(r"``([^`]*)``"), r"\1"),
    (re.compile(r"`([^`<]*?)\s*(?:<[^>]*>)?`_{1,2}"), r"\1"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"\1"),
    (re.compile(r"(?<!\w)\*([^*\s][^*]*)\*"), r"\1"),
    (re.compile(r"\[#?\w*\]_"), ""),
]
_BAD_START = re.compile(r"^(\s|\.\. |[:=\-*|+#>%~^`_]|\d+\)|\w+::)")
_WORDISH = re.compile(r"[A-Za-z ,.;'\"()\-]")


def _read(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def prose_paragraphs(text: str):
    for para in re.split(r"\n\s*\n|\n%\n", text):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        if not lines or any(_BAD_START.match(ln) for ln in lines):
            continue
        joined = " ".join(ln.strip() for ln in lines)
        for pattern, repl in _MARKUP:
            joined = pattern.sub(repl, joined)
        if len(joined) < 120 or "::" in joined or "\t" in joined:
            continue
        if sum(bool(_WORDISH.match(c)) for c in joined) / len(joined) < 0.93:
            continue
        if not re.search(r"[.!?]['\")]?$", joined):
            continue
        yield joined


def paragraph_pool() -> list[str]:
    seen: set[str] = set()
    pool: list[str] = []
    for root, pattern in SOURCES:
        base = Path(root)
        if not base.exists():
            print(f"missing source {root} (see the set-up in this file's docstring)")
            continue
        for path in sorted(base.rglob(pattern)):
            if not path.is_file() or path.suffix in (".dat", ".png", ".svg"):
                continue
            text = _read(path)
            if "/man/" in str(path):
                text = man_text(text)
            elif path.suffix == ".html":
                text = "\n\n".join(html.unescape(_TAG.sub("", p)).replace("\n", " ") for p in _HTML_P.findall(text))
            for para in prose_paragraphs(text):
                if para not in seen:
                    seen.add(para)
                    pool.append(para)
    return pool


def build(out: Path, mb: float, shard_mb: float = 2.0, seed: int = 6) -> dict:
    pool = paragraph_pool()
    pool_bytes = sum(len(p.encode()) + 2 for p in pool)
    out.mkdir(parents=True, exist_ok=True)
    target, shard_target = int(mb * 1e6), int(shard_mb * 1e6)
    written = shard_no = article_no = 0
    shard, shard_size, passes = [], 0, 0
    while written < target:
        order = list(range(len(pool)))
        random.Random(seed + passes).shuffle(order)
        passes += 1
        rng = random.Random(seed * 1000 + passes)
        i = 0
        while i < len(order) and written < target:
            k = rng.randint(3, 12)
            paras = [pool[j] for j in order[i : i + k]]
            i += k
            line = json.dumps({"id": f"a{article_no:07d}", "text": "\n\n".join(paras)}, ensure_ascii=False)
            article_no += 1
            shard.append(line)
            size = len(line.encode()) + 1
            shard_size += size
            written += size
            if shard_size >= shard_target:
                (out / f"shard{shard_no:04d}.jsonl").write_text("\n".join(shard) + "\n", "utf-8")
                shard_no, shard, shard_size = shard_no + 1, [], 0
    if shard:
        (out / f"shard{shard_no:04d}.jsonl").write_text("\n".join(shard) + "\n", "utf-8")
        shard_no += 1
    return {"paragraphs_in_pool": len(pool), "pool_mb": round(pool_bytes / 1e6, 1), "passes": passes,
            "articles": article_no, "files": shard_no, "mb": round(written / 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--shard-mb", type=float, default=2.0)
    args = ap.parse_args()
    print(build(args.out, args.mb, args.shard_mb))


if __name__ == "__main__":
    main()
