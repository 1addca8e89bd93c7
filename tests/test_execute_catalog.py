"""Catalog products land as HighLevel products with a price; document lines as one note per document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.mapping.items import MappingDocument, ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records, snapshot
from tests.test_execute_support import document, field_map, tiny_workspace

PRODUCTS = [("P1", "Grifo monomando", "PRD-1", "48,90"), ("P2", "Mano de obra (hora)", "SRV-1", "35,00")]
LINES = [  # quote, item, units, price, order
    ("Q1", "Grifo monomando", "2", "48,90", "1"),
    ("Q1", "Mano de obra (hora)", "3", "35,00", "2"),
    ("Q2", "Encimera", "1", "400,00", "1"),
    ("Q9", "Line of a quote that does not exist", "1", "1,00", "1"),
]


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def catalog_document() -> MappingDocument:
    doc = document()
    p, ok = TargetObject.PRODUCT, Status.ACCEPTED
    doc.objects += [
        ObjectMap(id="object:items", source_object="items", key_column="id", status=ok,
                  targets=[ObjectTarget(object=p)]),
        ObjectMap(id="object:quotes__lines", source_object="quotes__lines", status=ok, parent_object="quotes",
                  targets=[ObjectTarget(object=p, role="line_items")]),
    ]  # fmt: skip
    money = {"locale": "es"}
    doc.fields += [
        field_map("items", ["name"], p, "name"),
        field_map("items", ["sku"], p, "sku"),
        field_map("items", ["price"], p, "amount", kind=TransformKind.MONEY, params=money),
        field_map("quotes__lines", ["item"], p, "name"),
        field_map("quotes__lines", ["units"], p, "quantity", kind=TransformKind.NUMBER),
        field_map("quotes__lines", ["price"], p, "amount", kind=TransformKind.MONEY, params=money),
        field_map("quotes__lines", ["order"], p, "description", kind=TransformKind.CONCAT,
                  params={"template": "Order: {order}", "append": True}),
    ]  # fmt: skip
    return doc


def catalog_workspace(root: Path) -> Workspace:
    ws = tiny_workspace(root, catalog_document())
    con = ws.connect()
    con.execute(
        'CREATE TABLE raw.items (id VARCHAR, name VARCHAR, sku VARCHAR, price VARCHAR, "_row" BIGINT)'
    )
    con.executemany(
        "INSERT INTO raw.items VALUES (?, ?, ?, ?, ?)", [(*r, i + 1) for i, r in enumerate(PRODUCTS)]
    )
    con.execute(
        'CREATE TABLE raw.quotes__lines (item VARCHAR, units VARCHAR, price VARCHAR, "order" VARCHAR, '
        '"_row" BIGINT, "_parent_row" BIGINT, "_parent_key" VARCHAR)'
    )
    con.executemany(
        "INSERT INTO raw.quotes__lines VALUES (?, ?, ?, ?, ?, 0, ?)",
        [
            (item, units, price, order, i + 1, quote)
            for i, (quote, item, units, price, order) in enumerate(LINES)
        ],
    )
    ws.close()
    return ws


def test_plan_says_what_happens_to_products_and_lines(tmp_path: Path) -> None:
    ws = catalog_workspace(tmp_path / "ws")
    result = hlmap(ws.root, "plan", "--show-requests", "40")
    out = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "product:items │ 2 │ 2" in out and "note:quotes__lines │ 2 │ 2 │ 4" in out
    assert "quotes__lines → line items: HighLevel opportunities hold no line items" in out
    assert "lines of quotes Q9 (1) are not carried: that document is not migrated" in out
    assert "POST /products/<id of this product>/price" in out and '"amount": 48.9' in out


def test_products_with_prices_and_line_notes_then_rollback(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = catalog_workspace(tmp_path / "ws")
    tables = ("products", "prices", "notes", "contacts")
    before = {t: records(sandbox, t) for t in tables}
    result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    products = {p["name"]: p for p in records(sandbox, "products")}
    assert set(products) == {"Grifo monomando", "Mano de obra (hora)"}
    prices = {p["product"]: p for p in records(sandbox, "prices")}
    grifo = prices[products["Grifo monomando"]["id"]]
    # the stand-in seeds a US location: prices are in its country's currency
    assert (grifo["amount"], grifo["currency"], grifo["sku"], grifo["type"]) == (
        48.9,
        "USD",
        "PRD-1",
        "one_time",
    )
    maria = next(c for c in records(sandbox, "contacts") if c.get("email") == "mj.garcia@example.com")
    notes = [n["body"] for n in records(sandbox, "notes") if n["contactId"] == maria["id"]]
    lines = next(b for b in notes if b.startswith("Line items of"))
    assert lines.splitlines() == [
        "Line items of P-001 Reforma baño (2 lines):",
        "- Grifo monomando: qty 2, unit price 48,90, Order: 1",
        "- Mano de obra (hora): qty 3, unit price 35,00, Order: 2",
    ]
    recon = hlmap(ws.root, "reconcile", "--json", sandbox=sandbox)
    report = json.loads(recon.output)
    # the one line of quote Q9, absent from the export, is held: the run is honestly not clean
    unclean = [t for t in report["accounting"]["tables"] if not t["clean"]]
    assert [(t["table"], t["counts"].get("held")) for t in unclean] == [("quotes__lines", 1)]
    assert "its document Q9 is not migrated" in " ".join(unclean[0]["reasons"])
    assert recon.exit_code == 1 and not report["clean"], recon.output
    assert {o["object"]: o["destination"] for o in report["objects"]}["product"] == 2

    undone = hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
    assert undone.exit_code == 0, undone.output
    assert {t: records(sandbox, t) for t in tables} == before
    assert snapshot(sandbox)["contacts"] == []
