"""Exports in German, French, Portuguese or Italian: header words and yes/no values the profile reads,
and compounds whose head noun says what the column holds."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.profile.models import SemanticType
from assistant.propose.normalize import compound_parts, concepts
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table


def test_german_headers_and_values_give_phones_money_and_yes_no(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    rows: list[dict[str, str | None]] = [
        {
            "Telefon": f"0{30 + k % 50} {892910 + 37 * k}",
            "Bruttobetrag": f"{1200 + 7 * k},00",
            "Newsletter": "ja" if k % 3 else "nein",
        }
        for k in range(40)
    ]
    _varchar_table(ws.connect(), "Kunden", rows)
    try:
        columns = {c.column: c for p in profile_workspace(ws) for c in p.columns}
    finally:
        ws.close()
    assert columns["Telefon"].semantic_type is SemanticType.PHONE
    assert columns["Bruttobetrag"].semantic_type is SemanticType.MONEY
    newsletter = columns["Newsletter"]
    assert newsletter.semantic_type is SemanticType.BOOLEAN and newsletter.true_values == ["ja"]


def test_a_compound_splits_before_the_word_the_vocabulary_knows() -> None:
    assert compound_parts("bruttobetrag") == ("brutto", "betrag")
    assert compound_parts("angebotsdatum") == ("angebots", "datum")
    assert compound_parts("telefon") == ("telefon",)  # known whole: left alone
    assert concepts("Bruttobetrag") == ("amount",)
    assert concepts("homephone") == ("phone",)
    assert concepts("Stadtteil") == ()  # no known head noun: nothing is guessed


def test_a_short_prefix_is_no_compound() -> None:
    assert compound_parts("subtotal") == ("subtotal",)  # a subtotal is not the document's amount
