"""A name headed by a charge's word ('Tax Name 1', 'Discount Label'): the charge's name, not the record's.

Billing exports name each tax, discount or fee applied to a document ('VAT', 'GST', 'Early payment')
in a column of its own beside its rate and amount. Its header holds the word 'name', which the
vocabulary reads as the record's name, but the word before it says whose name it is: the charge's.
Given to the invoice it would title every document 'VAT'. Such a column may not claim the record's
own name or title; it is left to the rules that keep or skip what records have no place for.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

CHARGE_WORDS = frozenset(
    {"tax", "taxes", "vat", "gst", "hst", "pst", "discount", "fee", "surcharge", "shipping"}
)
NAME_WORDS = frozenset({"name", "label", "title"})
OWN_NAMES = frozenset({"name", "title"})


def names_a_charge(col: ColumnProfile, cand: Candidate) -> bool:
    """True when a charge's name would become the record's name or title."""
    words = set(tokens(col.column))
    return cand.field in OWN_NAMES and bool(words & CHARGE_WORDS) and bool(words & NAME_WORDS)
