"""Source documents: find the input files, decode them, and build the view the extractors read.

``load`` finds and decodes files; ``repair`` undoes mojibake; :func:`build_view` makes the
:class:`~citecheck.models.TextView` of a document, with one module per format (``markdown``,
``html``, ``plain``), ``offsets`` for the map from every view character back to the source, and
``lines`` for line ends.
"""

from citecheck.source.build import build_view

__all__ = ["build_view"]
