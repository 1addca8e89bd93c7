"""The whole-column key check of big tables compares top halves first: hashes that share a top half,
or only the low bits of one, are told apart, and a repeat is found wherever it falls."""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pytest

from assistant.profile import repeats

_RNG = np.random.default_rng(11)


def _random(size: int) -> np.ndarray:
    return np.unique(_RNG.integers(0, np.iinfo(np.uint64).max, size, dtype=np.uint64))


def _with_top_halves_shared(size: int) -> np.ndarray:
    """Pairs of hashes alike in their top 32 bits, unlike below: every pair reaches the full compare."""
    hashes = _random(size)
    hashes[1::2] = (hashes[0::2] & np.uint64(0xFFFFFFFF00000000)) | (~hashes[0::2] & np.uint64(0xFFFFFFFF))
    return hashes


def _with_table_bits_shared(size: int) -> np.ndarray:
    """Top halves that differ but share the low bits the table of repeated halves is indexed by."""
    hashes = _with_top_halves_shared(size)
    above = np.uint64(1 << (32 + repeats.HALF_TABLE_BITS))
    hashes[size // 2 :] = hashes[: size - size // 2] ^ above  # other halves, same table slots
    return hashes


@pytest.mark.parametrize("build", [_random, _with_top_halves_shared, _with_table_bits_shared])
def test_halves_tell_apart_hashes_that_only_look_alike(build: Callable[[int], np.ndarray]) -> None:
    hashes = build(300_000)
    assert np.unique(hashes).size == hashes.size  # the input has no repeat
    assert not repeats._any_equal_by_halves(hashes.copy())
    assert not repeats._any_equal(hashes.copy())


@pytest.mark.parametrize("build", [_random, _with_top_halves_shared, _with_table_bits_shared])
def test_halves_find_a_repeat_wherever_it_falls(build: Callable[[int], np.ndarray]) -> None:
    hashes = build(300_000)
    for other in (0, 1, hashes.size // 2, hashes.size - 2):
        twice = hashes.copy()
        twice[-1] = twice[other]
        assert repeats._any_equal_by_halves(twice.copy())
        assert repeats._any_equal(twice)


def test_only_hashes_sharing_top_bits_are_compared_by_halves_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[int] = []

    def recording(hashes: np.ndarray) -> bool:
        compared.append(hashes.size)
        return False

    monkeypatch.setattr(repeats, "_any_equal_by_halves", recording)
    many = _random(1_000_000)  # about 38 % of them share their top 21 bits with another
    repeats._any_equal(many)
    repeats._any_equal(_random(1_000))
    assert len(compared) == 1  # the small array is sorted whole
    assert repeats.HALVES_MIN < compared[0] < many.size // 2


@pytest.mark.parametrize("keyless", [0, 3])
def test_keyless_cells_are_left_out_of_the_fetched_hashes(keyless: int) -> None:
    con = duckdb.connect()
    values = f"SELECT CASE WHEN i < {keyless} THEN NULL ELSE 'k' || i END AS v FROM range(10) t(i)"
    check = repeats._sorted(con, values)
    assert (check.repeated, check.keyed) == (False, 10 - keyless)
    both = repeats._sorted(con, f"SELECT CASE WHEN v IS NULL THEN NULL ELSE 'same' END AS v FROM ({values})")
    assert (both.repeated, both.keyed) == (True, 10 - keyless)
