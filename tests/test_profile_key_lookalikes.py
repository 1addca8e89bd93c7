"""The whole-column key check of big tables tells apart hashes that only look alike (the same top
half, or the same low bits of it) and finds a repeat wherever it falls."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from assistant.profile import repeats

_RNG = np.random.default_rng(11)


def _random(size: int) -> np.ndarray:
    return np.unique(_RNG.integers(0, np.iinfo(np.uint64).max, size, dtype=np.uint64))


def _with_top_halves_shared(size: int) -> np.ndarray:
    """Pairs of hashes alike in their top 32 bits, unlike below."""
    hashes = _random(size)
    hashes[1::2] = (hashes[0::2] & np.uint64(0xFFFFFFFF00000000)) | (~hashes[0::2] & np.uint64(0xFFFFFFFF))
    return hashes


def _with_low_bits_of_top_halves_shared(size: int) -> np.ndarray:
    """Top halves that differ only above their low 20 bits."""
    hashes = _with_top_halves_shared(size)
    above = np.uint64(1 << 52)
    hashes[size // 2 :] = hashes[: size - size // 2] ^ above
    return hashes


_BUILDS = [_random, _with_top_halves_shared, _with_low_bits_of_top_halves_shared]


@pytest.mark.parametrize("build", _BUILDS)
def test_hashes_that_only_look_alike_are_told_apart(build: Callable[[int], np.ndarray]) -> None:
    hashes = build(300_000)
    assert np.unique(hashes).size == hashes.size  # the input has no repeat
    assert not repeats._any_equal(hashes.copy())


@pytest.mark.parametrize("build", _BUILDS)
def test_a_repeat_is_found_wherever_it_falls(build: Callable[[int], np.ndarray]) -> None:
    hashes = build(300_000)
    for other in (0, 1, hashes.size // 2, hashes.size - 2):
        twice = hashes.copy()
        twice[-1] = twice[other]
        assert repeats._any_equal(twice)
