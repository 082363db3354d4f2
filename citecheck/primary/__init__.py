"""Primary texts: the works quotations are taken from, read, tied to references.bib, indexed and searched.

``header`` (the bibliographic header fields), ``mia`` (Marxists Internet Archive
pages), ``plain`` (text and Markdown with front matter and page markers),
``tie`` (to references.bib works and volumes), ``cache`` (each text as read, on
disk), ``load`` (every source under the configured folders), ``index`` (word
trigrams over the folded text), ``verify`` (each quotation against its
candidates, aligned with rapidfuzz).
"""
