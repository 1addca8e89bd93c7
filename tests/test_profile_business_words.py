"""A name is a business's by its words (a trade, an organisation, a legal form), never by its shape."""

from __future__ import annotations

from assistant.profile.business_words import business_share, is_business_name


def test_trade_organisation_and_legal_form_words_make_a_business_name() -> None:
    names = ("Boulangerie Morel", "Taller Hermanos Ruiz", "Smith Plumbing", "Müller GmbH", "Fleurs & Sens",
             "Reformas Ebro S.L.", "Bäckerei Schmidt", "Acme Inc.")  # fmt: skip
    for name in names:
        assert is_business_name(name), name


def test_peoples_names_carry_no_business_word() -> None:
    for name in ("Camille Mercier", "Antoine Girard", "Jean de La Fontaine", "Ana López García", "Nick Cave"):
        assert not is_business_name(name), name


def test_the_share_counts_non_blank_values_only() -> None:
    assert business_share(["Garage du Centre", "Laura Faure", " ", "Pharmacie des Halles"]) == 2 / 3
    assert business_share([]) == 0.0
