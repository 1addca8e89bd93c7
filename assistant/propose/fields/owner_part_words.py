"""Which part of a person a header names ('assignedUserId': the key of 'assigned user'), for ``owner_parts``.

A header naming one part of someone is a stem (whose person: 'assigned user', 'du commercial',
'estimator') and a part word (key, login, e-mail, full name, first or last name), in any of the
languages the exports come in. Columns of one stem describe one person.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import tokens

# the word(s) naming which part of the user a column holds, surest finder first; keys find nobody
PARTS: dict[str, frozenset[str]] = {
    "email": frozenset({"email", "mail", "courriel", "correo"}),
    "login": frozenset({"login", "username", "handle"}),
    "name": frozenset({"name", "fullname", "full", "nom", "nombre", "nome", "display"}),
    "first": frozenset(
        {"first", "given", "givenname", "givennames", "forename", "firstname", "prenom", "vorname"}
    ),
    "last": frozenset({"last", "surname", "family", "lastname", "apellido", "apellidos", "nachname"}),
    "key": frozenset({"id", "uid", "uuid", "key", "userid"}),
}
Groups = dict[tuple[str, ...], list[tuple[str, ColumnProfile]]]  # stem -> (part, column) of one user
FINDERS = ("email", "login", "name", "first")
ALL_PART_WORDS = frozenset().union(*PARTS.values())


def header_part(column: str) -> tuple[tuple[str, ...], str] | None:
    """(stem, part) of a header naming one part of someone ('assigned user' + 'key'), else None."""
    words = tokens(column)
    found = [p for p, part_words in PARTS.items() if part_words & set(words)]
    stem = tuple(w for w in words if w not in ALL_PART_WORDS)
    if not stem or not found:
        return None
    return stem, ("first" if "first" in found else "last" if "last" in found else found[0])
