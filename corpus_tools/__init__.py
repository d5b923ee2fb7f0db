"""corpus-tools: reproducible corpus analysis of news articles.

The package is laid out as its data path, one subpackage a stage::

    model      Article, Block, Corpus: the data every stage passes on
    io         files -> Corpus (load_corpus); tables, figures, JSONL -> files
    tokens     Corpus -> token table (one tokenisation), its cache
    structure  headings, sections, quotations and speakers of each article
    stats      token table -> frequencies, n-grams, collocations, keyness...
    scale      the same counts streamed, on worker processes or Dask
    plots      tables -> matplotlib figures
    report     notebooks -> a report folder (papermill, nbconvert)

Each stage imports only the stages above it in this list (checked by
import-linter in CI).  This namespace holds the names most users need;
everything else is in its subpackage (``corpus_tools.stats.measures``...).

Examples
--------
>>> import corpus_tools as ct
>>> corpus = ct.Corpus.from_texts(["Xi’s visit ended. Xi left Moscow."])
>>> ct.frequency_table(corpus, options={"stopwords": "english"})[["term", "count"]].values.tolist()[0]
['xi', 2]
"""

from corpus_tools._version import __version__
from corpus_tools.io.loading import CorpusLoadWarning, CorpusNotFoundError, EmptyCorpusError, load_corpus
from corpus_tools.model.blocks import Block
from corpus_tools.model.corpus import Article, Corpus, LoadProblem
from corpus_tools.plots.structure import plot_lexical_dispersion, plot_section_profile
from corpus_tools.report.runner import ReportError, run_report
from corpus_tools.scale.parallel import count_corpus
from corpus_tools.scale.streaming import CorpusCounts
from corpus_tools.stats.collocations import collocate_table, collocation_table
from corpus_tools.stats.concordance import kwic_table
from corpus_tools.stats.dispersion import dispersion_table
from corpus_tools.stats.diversity import diversity_table
from corpus_tools.stats.frequency import frequency_table, ngram_table
from corpus_tools.stats.keyness import keyness_table
from corpus_tools.structure.quotations import quotation_table, speaker_table
from corpus_tools.structure.sections import heading_table, section_table
from corpus_tools.tokens.cache import corpus_token_table
from corpus_tools.tokens.tokenize import TokenOptions, split_sentences, token_table, word_tokenize

__all__ = [
    "Article",
    "Block",
    "Corpus",
    "CorpusCounts",
    "CorpusLoadWarning",
    "CorpusNotFoundError",
    "EmptyCorpusError",
    "LoadProblem",
    "ReportError",
    "TokenOptions",
    "__version__",
    "collocate_table",
    "collocation_table",
    "corpus_token_table",
    "count_corpus",
    "dispersion_table",
    "frequency_table",
    "heading_table",
    "keyness_table",
    "kwic_table",
    "diversity_table",
    "load_corpus",
    "ngram_table",
    "plot_lexical_dispersion",
    "plot_section_profile",
    "quotation_table",
    "run_report",
    "section_table",
    "speaker_table",
    "token_table",
    "split_sentences",
    "word_tokenize",
]
