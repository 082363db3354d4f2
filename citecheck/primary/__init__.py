"""Primary texts: the works quotations are taken from, read, tied to references.bib, indexed and searched.

``header`` (the bibliographic header fields), ``mia`` (Marxists Internet Archive
pages), ``plain`` (text and Markdown with front matter and page markers),
``tie`` (to references.bib works and volumes), ``cache`` (each text as read, on
disk), ``load`` (every source under the configured folders), ``index`` (word
trigrams over the folded text), ``verify`` (each quotation against its
candidates, aligned with rapidfuzz).
"""

#: Similarity (rapidfuzz ratio of the folded words, 0-100) at or above which a passage is the
#: quotation's own wording: identical, or a misquotation of it (threshold ``source-match``).
SAME_WORDING = 80.0
#: Similarity at or above which a passage sharing several of the quotation's phrases is another
#: translation of it, "a different translation?" (threshold ``translation-match``).
OTHER_TRANSLATION = 60.0
#: A quotation shorter than this many words is found only word for word, and an unsourced one
#: is not looked up: a short phrase "matches" too many places.
SHORT = 6
