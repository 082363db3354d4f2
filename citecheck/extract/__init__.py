"""Extraction: one document's view in, its citations and quotations out.

The stages, each a module: ``quotes`` and ``citations`` find candidates, ``grammar`` parses a
reference string into fields, ``resolve`` ties short forms to what they repeat, ``link`` ties a
quotation to the reference that sources it, and ``speakers`` says who is quoted. ``engine`` runs
them in order.
"""
