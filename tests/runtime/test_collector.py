"""Pausing the cyclic collector around stages that only build records."""

from __future__ import annotations

import gc

import pytest

from citecheck.runtime.collector import paused


@pytest.mark.parametrize("was_on", [True, False])
def test_paused_turns_the_collector_off_and_back_as_it_was(was_on: bool) -> None:
    (gc.enable if was_on else gc.disable)()
    try:
        with paused():
            assert not gc.isenabled()
            with paused():  # nested: the inner block leaves it off for the outer one
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() is was_on
        with pytest.raises(KeyError), paused():
            raise KeyError("x")
        assert gc.isenabled() is was_on
    finally:
        gc.enable()
