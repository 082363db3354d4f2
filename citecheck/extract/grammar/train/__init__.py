"""Training the reference parser's labeller: synthetic references (``render``), the training run
(``python -m citecheck.extract.grammar.train``) and its evaluation."""
