"""A sales rep shown by initials ('JT') is the one destination user whose names start so."""

from __future__ import annotations

from assistant.highlevel.state import User
from assistant.propose.owner_match import match_owner
from assistant.propose.owners import SourceUser

USERS = [
    User(id="u_jamie", name="Jamie Torres", email="jamie@demo.com"),
    User(id="u_kara", name="Kara Wells", email="kara@demo.com"),
    User(id="u_kim", name="Kim Walsh", email="kim@demo.com"),
]


def _match(cell: str) -> tuple[str | None, str]:
    found = match_owner(SourceUser("customers", cell, cell, None), USERS, None, None)
    return found.user_id, found.method


def test_initials_of_exactly_one_user_match_that_user() -> None:
    assert _match("JT") == ("u_jamie", "name")


def test_initials_two_users_share_or_nobody_has_stay_unmatched() -> None:
    assert _match("KW") == (None, "none")  # Kara Wells and Kim Walsh: a human picks
    assert _match("MB") == (None, "none")


def test_a_short_word_in_lower_case_is_no_initials() -> None:
    assert _match("jt") == (None, "none")
