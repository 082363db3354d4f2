"""citecheck: extract, normalise and cross-check quotations and citations in a corpus of essays.

The library API, stage by stage (load -> extract -> resolve -> normalise -> check -> report):

>>> from citecheck.pipeline import extract_paths, run_check
>>> from citecheck.extract import extract_document
"""

__version__ = "0.1.0"
