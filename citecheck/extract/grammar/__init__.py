"""Citation grammars: the styles a reference can be written in, one module per concern."""
