"""A users list with no id column: each user's id sits inside its avatar link, records hold the bare id."""

from __future__ import annotations

import duckdb

from assistant.execute.transforms import maps
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms import kinds
from tests.propose_factory import S, destination, table

LAURA, PEDRO, GONE = "5f2b9c0d1e4a7b8c9d0e1f2a", "60a1b2c3d4e5f60718293a4b", "61ffee0011223344556677aa"
USERS = [(LAURA, "Laura Gómez", "laura@demo.es"), (PEDRO, "Pedro Ruiz", "pedro@demo.es"),
         (GONE, "Gil Otero", "gil.otero@mail.test")]  # fmt: skip
OWNED = [LAURA, PEDRO, LAURA, GONE, PEDRO, LAURA]
DEFAULT_PICTURE = "https://cdn.crm.test/avatars/default.png"


def _avatar(user_id: str) -> str:
    return f"https://app.crm.test/api/v1/company/user/{user_id}/avatar?version=1"


def _propose(owner_ids: list[str], default_picture: bool = False) -> MappingDocument:
    users = table(
        "users",
        [("avatar_url", S.URL, {"unique_share": 1.0}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        rows=len(USERS),
        key="avatar_url",  # the profile's only unique column: a link, no id
    )
    contacts = table(
        "contacts",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("first name", S.PERSON_NAME, {}),
            ("last name", S.PERSON_NAME, {}),
            ("email", S.EMAIL, {}),
            ("owner_id", S.IDENTIFIER, {"values": {o: owner_ids.count(o) for o in set(owner_ids)}}),
        ],
        rows=len(owner_ids),
        key="id",
    )
    people = [
        {
            "id": f"c{i}",
            "first name": f"Ana{i}",
            "last name": "Soto",
            "email": f"ana{i}@mail.test",
            "owner_id": o,
        }
        for i, o in enumerate(owner_ids)
    ]
    links = [{"avatar_url": _avatar(k), "name": n, "email": e} for k, n, e in USERS]
    if default_picture:  # a user whose link holds no id: it keeps the link as its key
        links.append({"avatar_url": DEFAULT_PICTURE, "name": "Admin", "email": "admin@demo.es"})
    values = MemoryValues({"users": links, "contacts": people})
    return propose_offline(ProposeInputs([users, contacts], destination(), values=values))


def test_the_owner_matches_are_keyed_by_the_id_inside_each_users_link() -> None:
    doc = _propose(OWNED)
    owners = {o.source_key: o.user_id for o in doc.owners}
    assert owners == {LAURA: "u1", PEDRO: "u2", GONE: None}  # by e-mail; Gil Otero is no HighLevel user
    laura = next(o for o in doc.owners if o.source_key == LAURA)
    assert "user ids found inside avatar_url" in [e.detail for e in laura.evidence]


def test_a_user_on_the_default_picture_keeps_its_link_and_the_others_their_ids() -> None:
    owners = {o.source_key: o.user_id for o in _propose(OWNED, default_picture=True).owners}
    assert owners == {LAURA: "u1", PEDRO: "u2", GONE: None, DEFAULT_PICTURE: "u3"}


def test_an_owner_id_column_holding_those_ids_is_the_records_owner() -> None:
    doc = _propose(OWNED)
    owner = next(f for f in doc.fields if f.source_columns == ["owner_id"])
    assert (owner.target.object, owner.target.field) == (TargetObject.CONTACT, "assignedTo")
    assert owner.transform.kind == TransformKind.OWNER and owner.transform.params["table"] == "users"
    assert "100% of 3 distinct ids are the user ids inside users.avatar_url" in [
        e.detail for e in owner.evidence
    ]


def test_ids_found_nowhere_else_key_nothing_and_own_nothing() -> None:
    strangers = ["7a" * 12, "7b" * 12, "7c" * 12]  # no user's link holds these
    doc = _propose(strangers * 2)
    keys = {o.source_key for o in doc.owners if o.source_object == "users"}
    assert keys == {_avatar(k) for k, _, _ in USERS}  # the whole link, as before: no id is known
    owner = next(f for f in doc.fields if f.source_columns == ["owner_id"])
    assert owner.transform.kind != TransformKind.OWNER


def test_a_contact_gets_the_user_its_bare_owner_id_names(con: duckdb.DuckDBPyConnection) -> None:
    doc = _propose(OWNED)
    for match in doc.owners:
        match.status = Status.ACCEPTED
    owner = next(f for f in doc.fields if f.source_columns == ["owner_id"])
    maps.build_map_tables(con, doc)
    out = maps.owner(kinds.Context(key="assignedTo", columns=["c"], params=owner.transform.params))[0]
    con.execute("CREATE TABLE src (c VARCHAR, n INTEGER)")
    con.executemany("INSERT INTO src VALUES (?, ?)", [(c, i) for i, c in enumerate([LAURA, PEDRO, GONE])])
    rows = con.execute(f"SELECT {out.value}, {out.error} IS NOT NULL FROM src ORDER BY n").fetchall()
    # Gil Otero has no HighLevel user and no fallback: his record is held with the reason, not sent
    assert rows == [("u1", False), ("u2", False), (None, True)]


def _propose_deals(with_links: bool) -> MappingDocument:
    """Jobs whose owner is nested whole: {user_id, name, email, avatar_url}, beside the users list."""
    owners = [LAURA, PEDRO, LAURA, PEDRO, GONE]
    by_id = {k: (n, e) for k, n, e in USERS}
    rows = [
        {"id": str(i), "Title": f"Job {i}", "Stage": ["Nuevo", "Ganado"][i % 2], "owner.user_id": o,
         "owner.name": by_id[o][0], "owner.email": by_id[o][1],
         "owner.avatar_url": _avatar(o) if with_links else "https://cdn.crm.test/avatars/default.png"}
        for i, o in enumerate(owners)
    ]  # fmt: skip
    distinct = {c: {r[c]: 1 for r in rows} for c in ("owner.user_id", "owner.name", "owner.email")}
    jobs = table(
        "jobs",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Title", S.FREE_TEXT, {}),
            ("Stage", S.PICKLIST, {"values": {"Nuevo": 3, "Ganado": 2}}),
            ("owner.user_id", S.IDENTIFIER, {"values": distinct["owner.user_id"]}),
            ("owner.name", S.PERSON_NAME, {"values": distinct["owner.name"], "fk": ("users", "avatar_url")}),
            ("owner.email", S.EMAIL, {"values": distinct["owner.email"]}),
            ("owner.avatar_url", S.URL, {}),
        ],
        rows=len(rows),
        key="id",
    )
    named = next(c for c in jobs.columns if c.column == "owner.name").foreign_key
    assert named is not None
    named.by_names = [["name"]]  # the profile links the owner's name to the users list by name
    users = table(
        "users",
        [("avatar_url", S.URL, {"unique_share": 1.0}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        rows=len(USERS),
        key="avatar_url",
    )
    links = [{"avatar_url": _avatar(k), "name": n, "email": e} for k, n, e in USERS]
    values = MemoryValues({"users": links, "jobs": rows})
    return propose_offline(ProposeInputs([jobs, users], destination(), values=values))


def test_a_nested_owners_id_held_by_its_own_link_is_the_owner_and_its_name_is_skipped() -> None:
    fields = {
        f.source_columns[0]: f for f in _propose_deals(with_links=True).fields if f.source_object == "jobs"
    }
    owner = fields["owner.user_id"]
    assert (owner.target.object, owner.target.field) == (TargetObject.OPPORTUNITY, "assignedTo")
    assert owner.transform.kind == TransformKind.OWNER
    assert fields["owner.name"].target.kind.value == "skip"
    assert "gives the record its owner" in fields["owner.name"].rationale


def test_without_the_id_in_any_link_the_name_stays_the_owner() -> None:
    fields = {
        f.source_columns[0]: f for f in _propose_deals(with_links=False).fields if f.source_object == "jobs"
    }
    assert fields["owner.user_id"].transform.kind != TransformKind.OWNER
    assert fields["owner.name"].transform.kind == TransformKind.OWNER
