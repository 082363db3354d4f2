"""How extraction runs: the per-file cache (``cache``) and the executors (``workers``)."""
