"""``python -m corpus_tools`` is the ``corpus-tools`` command."""

from corpus_tools.cli import main

raise SystemExit(main())
