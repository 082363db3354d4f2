"""Pausing Python's cyclic garbage collector around stages that only build records.

The stages after extraction (reading the cache, normalising, the rules, the
outputs) build hundreds of thousands of small immutable records that hold no
reference cycles and live until the run ends.  A collection during them finds
nothing to free, yet walks every young record, and, as they pile up, the older
generations too.  Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, and turn it back on after (if it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
