"""No re-tokenisation: a whole report tokenises only while the token dataset is built, and a rerun not at all.

Every tokenizer entry point (NLTK's Treebank word tokenizer and Punkt, the
package's SentenceSplitter and FastTokenizer) is wrapped, in every Python
process of the run (a test-only ``sitecustomize.py`` on ``PYTHONPATH``:
the runner, its tokenising workers and the notebook kernels inherit the
environment), to append one line per call to a file named by an
environment variable: the process id, whether the process is a notebook
kernel (an IPython shell is running) and the kernel's notebook (its working
directory is the notebook's report folder), and the method.

Scope: the kernels of section_structure, word_frequency and keyness are
asserted to make no tokenizer call at all (``TOKENISATION_FREE``).  The
collocations kernel still splits its concordance queries into words (NLTK's
Treebank tokenizer on the query strings, 6 calls on this fixture; never a
sentence split, never the corpus): it is held to that only, until its
queries are read from the dataset too; then add it to ``TOKENISATION_FREE``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections import Counter

import pytest
from conftest import REPO
from report_helpers import write_fixture_corpus

import corpus_tools as ct

#: The notebooks whose kernels must not tokenise (see the module docstring).
TOKENISATION_FREE = {"section_structure", "word_frequency", "keyness"}
#: What a kernel not in TOKENISATION_FREE may still call: word tokenising of its query strings.
QUERY_WORDS = {"NLTKWordTokenizer.tokenize"}

COUNTER = textwrap.dedent('''
    import os
    import sys

    def install(log_path):
        from nltk.tokenize import NLTKWordTokenizer
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        from corpus_tools.tokens.fast import FastTokenizer
        from corpus_tools.tokens.tokenize import SentenceSplitter

        def where():
            ipython = sys.modules.get("IPython")
            if ipython is not None and ipython.get_ipython() is not None:
                return "kernel", os.path.basename(os.getcwd())
            return "runner", "-"

        def counted(cls, name):
            original = getattr(cls, name)

            def wrapper(*args, **kwargs):
                role, notebook = where()
                text = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
                with open(log_path, "a") as f:  # with the lines (blocks) of the text it was given
                    f.write(f"{os.getpid()} {role} {notebook} {cls.__name__}.{name} {text.count(chr(10)) + 1}\\n")
                return original(*args, **kwargs)

            setattr(cls, name, wrapper)

        for name in ("counts", "sentences", "word_tokenize", "token_arrays"):
            counted(FastTokenizer, name)
        for name in ("spans", "split"):
            counted(SentenceSplitter, name)
        counted(NLTKWordTokenizer, "tokenize")
        for name in ("tokenize", "span_tokenize"):
            counted(PunktSentenceTokenizer, name)

    if os.environ.get("CT_TOKENIZER_CALLS"):
        install(os.environ["CT_TOKENIZER_CALLS"])
''')


def _report(corpus, out, env):
    done = subprocess.run([sys.executable, "-m", "corpus_tools", "report", str(corpus), "-o", str(out),
                           "--no-progress"], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return done.stderr.splitlines()


def _calls(log):
    return [tuple(line.split()) for line in log.read_text().splitlines()] if log.exists() else []


@pytest.mark.slow
def test_report_tokenises_only_while_building_the_dataset_and_a_rerun_never(tmp_path):
    corpus = write_fixture_corpus(tmp_path / "corpus")
    n_blocks = sum(len(a.blocks) for a in ct.load_corpus(corpus, warn=False))
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(COUNTER)
    log = tmp_path / "calls.txt"
    env = dict(os.environ, CT_TOKENIZER_CALLS=str(log), MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join([str(site), str(REPO), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "report"

    # first run, every notebook: the dataset (tokens and structure tables) is built by the runner's workers
    lines = _report(corpus, out, env)
    calls = _calls(log)
    assert any(line.startswith("tokens: ") and "tokens (fast tokenizer)" in line for line in lines)
    building = [c for c in calls if c[1] == "runner"]
    # the fast tokenizer reads each block once, a run of articles per call (the structure tables reuse
    # those tokens; the heading classifier's word stems are Treebank tokens of heading and paragraph
    # texts, made in the same pass)
    assert sum(int(c[4]) for c in building if c[3] == "FastTokenizer.token_arrays") == n_blocks
    assert "FastTokenizer.sentences" not in {c[3] for c in building}
    kernels = Counter((c[2], c[3]) for c in calls if c[1] == "kernel")
    ran = {p.name for p in out.iterdir() if (p / f"{p.name}.ipynb").is_file()}
    assert TOKENISATION_FREE <= ran
    for notebook in TOKENISATION_FREE:
        assert not {k: n for k, n in kernels.items() if k[0] == notebook}, kernels
    assert {method for _, method in kernels} <= QUERY_WORDS, kernels

    # second run over the same corpus into the same folder: the dataset is reused, nothing tokenised
    log.unlink()
    lines = _report(corpus, out, env)
    assert any(line.startswith("tokens: reusing") for line in lines)
    again = _calls(log)
    assert [c for c in again if c[1] == "runner"] == []
    assert [c for c in again if c[1] == "kernel" and c[2] in TOKENISATION_FREE] == []
    assert {c[3] for c in again if c[1] == "kernel"} <= QUERY_WORDS
