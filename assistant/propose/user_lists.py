"""The account's user list, read from who points at it rather than from what it is called.

A CRM's API names its users as it likes ('clients', 'members', 'agents'), and a users table looks
like a people table: first and last names beside e-mails and phones. What tells it apart is how the
other tables use it: each record's owner column ('owner_id') holds one of its ids, and no other
kind of column does (a contact list is what deals' 'contact_id' and people's 'customer_id' point
at). When owner columns of several tables point at a table, nothing else does, and the table has no
owner of its own (users are not owned), its rows are the users whatever its name reads as.
"""

from __future__ import annotations

from assistant.propose.signals import TableSignals

MIN_POINTING_TABLES = 2  # one owner column may be a property's or a pet's owner; several are the users
USER_LIST_WEIGHT = 0.6  # outweighs a table name read as contacts (0.55) with its people columns
PEOPLE_PENALTY = 0.3


def user_list_evidence(sig: TableSignals) -> list[tuple[str, float, str]]:
    """(object key, score, reason) to add when only owner columns of other tables point at the table."""
    owners = sorted({t for t, _c, concept in sig.referenced_by if concept == "owner"})
    others = [t for t, _c, concept in sig.referenced_by if concept != "owner"]
    owned = any(c in sig.fk_targets for c in sig.concept_columns.get("owner", []))
    if len(owners) < MIN_POINTING_TABLES or others or owned:
        return []
    why = (
        f"the owner columns of {', '.join(owners)} point at its ids and nothing else does: "
        "the account's user list"
    )
    return [("user", USER_LIST_WEIGHT, why), ("contact", -PEOPLE_PENALTY, why)]
