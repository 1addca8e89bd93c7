"""Detectors written for speed match exactly what their plain form matches."""

from __future__ import annotations

import random

import duckdb

from assistant.profile.patterns import DETECTORS

# the plain form: drop everything but digits and '+', then match a Spanish number
_PHONE_ES_PLAIN = "regexp_full_match(regexp_replace(v, '[^0-9+]', '', 'g'), '(\\+34|0034)?[6789][0-9]{8}')"
_WRITTEN = [
    "+34 612 345 678", "0034-612345678", "tel 6123-45678x", "+3 4612345678", "34612345678", "6123456789",
    "a+b34c612345678", "+0034612345678", "00 34 (612) 34.56.78", "512345678", "612345678", "+34612345678 ",
    "++34612345678", "0034 0034 612345678", "6 1 2 3 4 5 6 7 8", "61234567", "(+34) 912.345.678", "",
]  # fmt: skip


def _random_values(count: int) -> list[str]:
    rng = random.Random(7)
    alphabet = "0123456789+-. ()/x3469"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 18))) for _ in range(count)]


def test_phone_es_matches_as_after_dropping_all_but_digits_and_plus() -> None:
    values = _WRITTEN + _random_values(20_000)
    con = duckdb.connect()
    fast = DETECTORS["phone_es"].replace("{v}", "v")
    rows = con.execute(
        f"SELECT v, {fast}, {_PHONE_ES_PLAIN} FROM unnest($1::VARCHAR[]) t(v)", [values]
    ).fetchall()
    assert [v for v, fast, plain in rows if fast != plain] == []
    assert sum(1 for _v, _fast, plain in rows if plain) > 100  # the random values do reach matches
