"""Each detector's prefilter holds for every value the detector matches, so prefiltered counts are the
same; and the prefilters do keep regexes off the shapes they rule out."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import duckdb
import pytest

from assistant.profile.guards import weighted
from assistant.profile.patterns import DETECTORS
from assistant.profile.prefilters import PREFILTERS

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_KELVIN, _LONG_S = "\u212a", "\u017f"  # what case-insensitive 'k' and 's' also match
# values at the edges of what each prefilter allows: shortest and longest matches, wide letters
_MATCHING = [
    "http://x", "HTTPS://a", "www.x.com", "a.bc", f"{_LONG_S}.ab",
    "123456", "(12)34 56", "+1" + "0" * 18 + "9", "001" + "0" * 18 + "9", "(1234) 1234 1234 1234",
    "(1234567", "12 34 56", "00" + "1" * 22, "1234 1234 1234 1234 1234", "123456;123456",
    "+34 612345678, +34 612345679", "2125551234", "+1 (212) 555-1234", "+1234567", "0012345678",
    "2024-04-09T22:00Z", "2024-04-09T22:00:00.123+02:00", "2024-04-09T22:00", "2024-04-09 22:00",
    "2024-04-09 22:00:15", "2024-04-09", "1/2/2024", "12/12/2024 12:30:45 PM", "12.12.2024 1:30pm",
    "May 1 2025", "September 27, 2025 11:30:15 PM", f"{_LONG_S}ep 1 2025", "Jan. 5, 2025",
    "1 May 2025", "27-Jan-2025", f"1 {_LONG_S}ep 2025", "1/2/2024 1:30", "12/12/2024 12:30",
    "1/2/2024 1:30PM", "12/12/2024 12:30 pm", "13/1/2024", "31.12.2024 anything", "1/13/2024",
    "+1", "-0", "7", "1.234,56", "€ 12", "EUR 5", "US$3", "USD 1.000", "GBP12,5", "£1", "\t5",
    "-3,5 €", ".5,5", ",5.5", "1,234.56", "$ 1,000.00", "12 €", "EUR", "x EUR y", "$", "USD", "£3",
    "GBP", "Ab y", "Ana García", "Élodie Durand", "Ab\tCd", "Ana M.", "Ñu Ño", "Ab", "Élodie",
    "Jean-Luc", "28001", "28001-1234", "08001", "K1A 0B1", f"{_KELVIN}1A 0B1", "m5v3l9",
    f"{_LONG_S}1{_LONG_S} 1{_LONG_S}1", f"{_KELVIN}1{_KELVIN} 1{_KELVIN}1", "W1A 1AA", "SW1A 1AA",
    f"{_KELVIN}{_KELVIN}1{_KELVIN} 1{_LONG_S}{_LONG_S}", "Spain", "ESPAÑA", "u.s.a.", "Álava",
    "madrid", "NY", "new york", "Madrid", "de la Vega", "el Puerto", "y Castilla", "la Rioja",
    "l'Hospitalet", "d'Alba", "Ávila", "12345678Z", "12345678-Z", "X-1234567-L", f"{_LONG_S}1234567J",
    f"12345678-{_KELVIN}", f"X-1234567-{_KELVIN}", "ES9121000418450200051332",
    "ES91 2100 0418 4502 0005 1332", " ES9121000418450200051332", "a", "A-1", "x" * 64, "a b.",
    "Call back.", "a b c d e", "2025/5/3", "2025/05/03", "2025/05/03 14:02:11", "2025/05/03 14:02:11 -0500",
    "2025/05/03 14:02:11 -05:00", "2025-05-03 14:02:11 -0500", "2025-05-03 14:02:11 +05:00", "1709652600",
    "1709652600123", "2022-07-13 00:00:00.0", "2022-07-13 09:00:01.123456", "/Date(1712102400000+0000)/",
    "/Date(-1)/",
]  # fmt: skip


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node.strip()]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [str(node)] if node is not None else []


def _corpus() -> list[str]:
    values = list(_MATCHING)
    for path in sorted(_FIXTURES.rglob("*.json")):
        values += _strings(json.loads(path.read_text(encoding="utf-8")))
    for path in sorted(_FIXTURES.rglob("*.csv")):
        values += [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").split(",")]
    rng = random.Random(11)
    # characters the detectors' patterns are made of, wide ones included
    alphabet = f"0123456789+-()./ :,;|TZ$€£EURGBPUSDaZkK{_KELVIN}{_LONG_S}É\t@["
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 26))) for _ in range(40_000)]
    digits = "0123456789"
    values += [
        "".join(rng.choice(digits + rng.choice([" ", "-", ".", "/", "(", ")", "+"])) for _ in range(n))
        for n in rng.choices(range(5, 26), k=20_000)
    ]
    return [v for v in values if v]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return _corpus()


@pytest.mark.parametrize("name", sorted(PREFILTERS))
def test_prefilter_holds_wherever_its_detector_matches(name: str, corpus: list[str]) -> None:
    predicate, prefilter = DETECTORS[name].replace("{v}", "v"), PREFILTERS[name].replace("{v}", "v")
    rows = duckdb.execute(
        f"SELECT v, coalesce({predicate}, false), {prefilter} FROM unnest($1::VARCHAR[]) t(v)", [corpus]
    ).fetchall()
    assert [v for v, matched, allowed in rows if matched and not allowed] == []
    assert any(matched for _v, matched, _allowed in rows)  # the corpus does reach the detector


def test_weighted_detectors_count_what_the_plain_ones_count(corpus: list[str]) -> None:
    """Every detector as the sample counts it (prefilter, guard, weight per distinct value) against
    its plain form over the same values."""
    names = sorted(DETECTORS)
    plain = ", ".join(f"count(*) FILTER (WHERE {DETECTORS[n].replace('{v}', 'v')})" for n in names)
    summed = ", ".join(f"sum({weighted(n, DETECTORS[n], 'n').replace('{v}', 'v')})" for n in names)
    con = duckdb.connect()
    con.execute("CREATE TABLE corpus AS SELECT unnest($1::VARCHAR[]) AS v", [corpus])
    expected = con.execute(f"SELECT {plain} FROM corpus").fetchone()
    found = con.execute(f"SELECT {summed} FROM (SELECT v, count(*) AS n FROM corpus GROUP BY v)").fetchone()
    assert expected is not None and found is not None
    assert dict(zip(names, found, strict=True)) == dict(zip(names, expected, strict=True))


@pytest.mark.parametrize(
    ("value", "skipped"),
    [
        ("user12@Example.com", {"phone", "integer", "dmy_like", "num_es", "iso_date", "postal5", "person"}),
        ("+34 612345678", {"person", "name_word", "place_shape", "us_state", "iso_t", "postal5"}),
        ("123456", {"person", "place_shape", "url", "month_name_mdy", "iban", "cur_eur"}),
    ],
)
def test_prefilters_keep_regexes_off_values_that_cannot_match(value: str, skipped: set[str]) -> None:
    prefilters = ", ".join(PREFILTERS[n].replace("{v}", "v") for n in sorted(skipped))
    row = duckdb.execute(f"SELECT {prefilters} FROM (SELECT $1::VARCHAR AS v)", [value]).fetchone()
    assert row is not None
    assert dict(zip(sorted(skipped), row, strict=True)) == dict.fromkeys(sorted(skipped), False)
