"""CI mode: machine-readable outputs and baselines."""
