"""What citecheck writes: the terminal listing, JSON, SARIF, GitHub annotations and the HTML
report, all through atomic writes (``atomic``)."""
