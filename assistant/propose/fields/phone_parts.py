"""A country or calling code that belongs to a phone number, not to where the contact lives.

Exports that split a phone into parts ('Phones / Primary Phone Country Code' = US, '… Calling Code' =
+1, 'phone_country') put the number's region beside it. It says which country's numbering plan the
number follows, which the phone field reads from the number itself; a contact's country is where
its address is, and many people keep a number from another country. The header says whose country
it is: a phone word qualifies it.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

_PHONE_WORDS = frozenset({"phone", "phones", "telephone", "mobile", "cell", "tel", "fax", "whatsapp"})
_PLACE_FIELDS = frozenset({"country", "state", "city", "postalCode", "address1", "address"})


def phone_region(col: ColumnProfile, cand: Candidate) -> bool:
    """Whether the candidate would make a phone number's region the contact's place."""
    return cand.field in _PLACE_FIELDS and bool(set(tokens(col.column)) & _PHONE_WORDS)
