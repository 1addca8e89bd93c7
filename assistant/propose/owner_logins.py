"""Owners shown by login name ('rmoss', 'daniel.okafor'): the user whose name spells that login.

CRMs that list records by their user name rather than the person's export a login: the first
initial and surname ('rmoss'), the whole name joined ('danielokafor', 'daniel.okafor',
'daniel_okafor') or the surname and initial ('mossr'). A login names one user when exactly one
destination user's name spells it one of those ways; a built-in account ('admin') spells nobody and
stays unmatched. Only a single lower-case word is read so: 'Moss' is a surname, not a login.
"""

from __future__ import annotations

import re

from assistant.highlevel.state import User
from assistant.propose.normalize import normalise

LOGIN_CONFIDENCE = 0.75  # a login spelled from a unique user's name, as initials are
_LOGIN = re.compile(r"[a-z][a-z0-9._-]{2,}")
_JOINERS = re.compile(r"[._-]")
MIN_SURNAME = 3  # 'rmo' for Rachel Moss-Oduya would be a guess


def _name_parts(user: User) -> tuple[str, str] | None:
    first = normalise(user.firstName or "").replace(" ", "")
    last = normalise(user.lastName or "").replace(" ", "")
    if not (first and last) and user.name and len(user.name.split()) >= 2:
        words = normalise(user.name).split()
        first, last = words[0], "".join(words[1:])
    return (first, last) if first and last and len(last) >= MIN_SURNAME else None


def _spellings(user: User) -> set[str]:
    parts = _name_parts(user)
    if parts is None:
        return set()
    first, last = parts
    return {first[0] + last, first + last, last + first[0], last + first}


def login_of(text: str | None) -> str | None:
    """The login a cell holds, without its dots and dashes; None unless one lower-case word."""
    cell = (text or "").strip()
    if not _LOGIN.fullmatch(cell):
        return None
    return _JOINERS.sub("", cell)


def by_login(name: str | None, users: list[User]) -> list[User]:
    """The users whose name spells the login ``name`` ('rmoss' -> Rachel Moss)."""
    login = login_of(name)
    if login is None:
        return []
    return [u for u in users if login in _spellings(u)]
