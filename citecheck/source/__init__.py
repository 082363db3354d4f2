"""Source documents: find the input files, decode them, and build the view the extractors read.

``load`` finds and decodes files; ``repair`` undoes mojibake; ``markup`` (plain text and Markdown)
and ``html`` build a :class:`~citecheck.source.view.TextView` that maps every character back to
its offset in the file as written.
"""
