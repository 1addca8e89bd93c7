"""A quote that names its client by display name and repeats the client's e-mail under another header."""

from __future__ import annotations

from assistant.profile.models import ForeignKey, TableProfile
from assistant.propose.fields import copied_through_links
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, table

NAMES = ["Ana Torres", "Ian Moss", "Zoe Wright", "Pablo Ruiz", "Mia Cole", "Leo Shaw"]
Row = dict[str, str | None]
CLIENTS: list[Row] = [
    {"J-ID": str(100 + i), "Display Name": n, "E-mails": f"{n.split()[0].lower()}@mail.com"
     + (", work@firm.com" if i % 3 == 0 else "")}
    for i, n in enumerate(NAMES)
]  # fmt: skip


def _tables(emails: list[str]) -> tuple[dict[str, TableProfile], MemoryValues]:
    clients = table(
        "clients",
        [("J-ID", S.IDENTIFIER, {}), ("Display Name", S.PERSON_NAME, {}), ("E-mails", S.MULTI_VALUE, {})],
        rows=6, key="J-ID",
    )  # fmt: skip
    quotes = table(
        "quotes",
        [("Quote #", S.IDENTIFIER, {}), ("Client name", S.PERSON_NAME, {}), ("Client email", S.EMAIL, {})],
        rows=6, key="Quote #",
    )  # fmt: skip
    link = quotes.columns[1]
    link.foreign_key = ForeignKey(
        table="quotes", column="Client name", target_table="clients", target_column="J-ID",
        resolved_share=1.0, by_names=[["Display Name"]],
    )  # fmt: skip
    rows: list[Row] = [
        {"Quote #": str(300 + i), "Client name": n.upper(), "Client email": e}
        for i, (n, e) in enumerate(zip(NAMES, emails, strict=True))
    ]
    return {"clients": clients, "quotes": quotes}, MemoryValues({"clients": CLIENTS, "quotes": rows})


def test_an_email_repeating_the_named_clients_first_email_is_a_copy() -> None:
    tables, values = _tables([f"{n.split()[0].lower()}@mail.com" for n in NAMES])
    assert copied_through_links(tables["quotes"], tables, values) == {"Client email": "Client name"}


def test_emails_of_their_own_are_no_copy() -> None:
    tables, values = _tables([f"billing{i}@other.com" for i in range(6)])
    assert copied_through_links(tables["quotes"], tables, values) == {}
