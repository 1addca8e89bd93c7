"""The agency rehearsal prepares a client that shares another's map after that map is confirmed: its
additions are proposed against it (families run side by side, a family's clients in turn)."""

from __future__ import annotations

from assistant.demo.agency_clients import client_book
from assistant.demo.agency_prepare import client_families


def test_each_sharing_client_comes_after_the_owner_of_its_map() -> None:
    clients = client_book(7)
    families = client_families(clients)
    assert [[c.name for c in f] for f in families] == [
        ["client-01", "client-02"],
        ["client-03", "client-04"],
        ["client-05", "client-06"],
        ["client-07"],
    ]
    assert all(c.map_owner == f[0].name for f in families for c in f[1:])
    assert sorted(c.name for f in families for c in f) == [c.name for c in clients]
