"""Headers that put the id word first: 'Identifiant société', 'ID Cliente', 'Id_empresa'.

French, Spanish, Italian and Portuguese exports write the key word before the thing it names,
where an English API writes 'company_id'. Such a column is a reference candidate exactly like an
'X id' column, and the words after the id word name what it points at (the stem). A bare number
('ID Number', 'Identifiant professionnel 2' = a registration number) names no record: its values
are still checked, and resolve only where they really are another table's keys.
"""

from __future__ import annotations

import re

_ID_WORDS = r"(?:ids?|identifiant|identificador|identificativo|identificatore|identifier|identificação)"
_LEADING = re.compile(
    rf"^{_ID_WORDS}"
    r"[-_ .:]+(?:(?:de la|della|del|des|de|du|of|di|do|da)[-_ .:]+)?(?P<stem>\w.*)$",
    re.IGNORECASE,
)
_NO_RECORD = frozenset({"number", "num", "no", "nr", "code", "nummer", "numero", "número", "numéro"})


def leading_id_stem(header: str) -> str | None:
    """What an id-first header names ('Identifiant société' -> 'société'), or None."""
    found = _LEADING.match(header.strip())
    if found is None:
        return None
    stem = found.group("stem").strip()
    return None if stem.casefold() in _NO_RECORD else stem


def leads_with_id_word(header: str) -> bool:
    """Whether the header starts with an id word ('Identifiant professionnel 2', 'ID Number'): a code."""
    return re.match(rf"^{_ID_WORDS}[-_ .:]+\w", header.strip(), re.IGNORECASE) is not None
