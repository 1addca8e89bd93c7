"""A typed contact-point list merged into its contact fills the e-mail and the phone by each entry's type.

Against the stand-in process: ``clients__contactItems`` (``{contactType, contactValue}`` per entry, as
an API export nests them) merges into its client, whose own e-mail and phone columns are blank. The
value column has one field map per kind (``only_where``): C1's mobile is listed before its e-mail,
yet the contact gets both; C2's second e-mail rides in a note; every row is accounted for
and no value is counted lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.mapping import store
from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_execute_support import CLIENTS, document, field_map, load_raw
from tests.test_merge_links import hl_ids, hlmap

sandbox = sandbox_fixture(rate_limit=1000, rate_window=1.0)
C = TargetObject.CONTACT
# type, value, client, row: C1's mobile comes first; C2 two e-mails; C3 a phone only
ITEMS = [
    ("mobile", "612 000 111", "C1", 1),
    ("email", "c1@example.com", "C1", 2),
    ("email", "c2@example.com", "C2", 3),
    ("email", "c2.accounts@example.com", "C2", 4),
    ("Phone", "93 222 3344", "C3", 5),
]


def routed(kind: str, values: list[str], field: str, transform: TransformKind, **params: str) -> FieldMap:
    only = {"only_where": {"column": "contactType", "values": values}}
    return field_map(
        "clients__contactItems", ["contactValue"], C, field, kind=transform, params={**params, **only},
        suffix=f"#{kind}",
    )  # fmt: skip


def with_items() -> MappingDocument:
    doc = document()
    doc.objects.append(
        ObjectMap(id="object:clients__contactItems", source_object="clients__contactItems",
                  status=Status.ACCEPTED, parent_object="clients",
                  targets=[ObjectTarget(object=C, role="merge_into_parent")])
    )  # fmt: skip
    doc.fields += [
        routed("email", ["email"], "email", TransformKind.EMAIL),
        routed("phone", ["mobile", "phone"], "phone", TransformKind.PHONE_E164, region="ES"),
    ]
    return doc


def load_items(root: Path) -> Workspace:
    ws = Workspace(root).ensure()
    load_raw(ws, [(*row[:2], "", "", *row[4:]) for row in CLIENTS])  # no e-mail, no phone of their own
    con = ws.connect()
    con.execute(
        """CREATE TABLE raw.clients__contactItems ("contactType" VARCHAR, "contactValue" VARCHAR,
        "_parent_key" VARCHAR, "_row" BIGINT)"""
    )
    con.executemany("INSERT INTO raw.clients__contactItems VALUES (?, ?, ?, ?)", ITEMS)
    store.save_confirmed(ws, with_items(), by="test")
    return ws


def test_each_entry_fills_the_field_its_type_names(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = load_items(tmp_path / "ws")
    ws.close()
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert applied.exit_code == 0, applied.output
    ids = hl_ids(ws)
    with sandbox.client() as http:
        got = {
            c: http.get(f"/contacts/{ids[f'contact:clients:{c}']}").json()["contact"]
            for c in ("C1", "C2", "C3")
        }
        notes = http.get(f"/contacts/{ids['contact:clients:C2']}/notes").json()["notes"]
    assert (got["C1"].get("email"), got["C1"].get("phone")) == ("c1@example.com", "+34612000111")
    assert (got["C2"].get("email"), got["C2"].get("phone")) == ("c2@example.com", None)
    assert (got["C3"].get("email"), got["C3"].get("phone")) == (None, "+34932223344")
    later = [n["body"] for n in notes if "c2.accounts@example.com" in n["body"]]
    assert later, [n["body"] for n in notes]  # the second e-mail rides in a note on the contact

    reconciled = hlmap(ws.root, sandbox, "reconcile", "--json")
    assert reconciled.exit_code == 0, reconciled.output
    con = ws.connect()
    outcomes = con.execute(
        """SELECT outcome, count(*) FROM exec.accounting WHERE source_table = 'clients__contactItems'
        GROUP BY ALL"""
    ).fetchall()
    lost = con.execute(
        "SELECT count(*) FROM exec.transform_errors WHERE source_object = 'clients__contactItems'"
    )
    assert outcomes == [("merged", 5)]
    assert lost.fetchone() == (0,)  # an e-mail transform never saw the phone numbers
    ws.close()
