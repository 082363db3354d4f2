"""The bibliography: the curated ``references.bib`` (``catalogue``), every extracted citation mapped
to an entry of it or a generated one (``normalise``), and the merged ``.bib`` (``export``)."""
