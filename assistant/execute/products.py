"""Catalog products: the product (one request), then its price (a second), each with a ledger row.

HighLevel keeps a product's amount, currency and SKU on a price, not on the product, so the
price follows the product's create. A run killed between the two finishes the price on the next
``apply`` (the product is found done; its price is not). Rollback deletes the price, then the product.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.execute import ledger
from assistant.execute.calls import Call
from assistant.execute.context import RunContext
from assistant.execute.destination import paged
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError, JsonDict
from assistant.highlevel.idempotent import record_id

PRICE_PASS = 1
EURO = frozenset(
    ("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT",
     "NL", "PT", "SI", "SK", "AD", "MC", "SM", "VA", "ME", "XK")
)  # fmt: skip
BY_COUNTRY = {
    "US": "USD", "GB": "GBP", "MX": "MXN", "CA": "CAD", "AU": "AUD", "AR": "ARS", "CO": "COP",
    "CL": "CLP", "PE": "PEN", "CH": "CHF", "NZ": "NZD", "IN": "INR", "ZA": "ZAR", "BR": "BRL",
}  # fmt: skip


def currency_for(country: str | None, configured: str = "") -> str:
    """``execute.currency`` when set, else the currency of the location's country (USD when unknown)."""
    if configured:
        return configured.upper()
    code = (country or "").upper()
    return "EUR" if code in EURO else BY_COUNTRY.get(code, "USD")


def price_op_id(source_object: str, key: str) -> str:
    return f"price:{source_object}:{key}"


def price_body(call: Call, currency: str) -> dict[str, Any] | None:
    """The price of a product call (None when the source gives the product no amount)."""
    amount = next(
        (call.follow[k] for k in ("amount", "price", "unitPrice") if call.follow.get(k) is not None), None
    )
    if amount is None:
        return None
    body: dict[str, Any] = {
        "name": call.body.get("name") or "Price",
        "type": "one_time",
        "currency": str(call.follow.get("currency") or currency).upper(),
        "amount": amount,
    }
    if call.follow.get("sku"):
        body["sku"] = str(call.follow["sku"])
    return body


async def ensure_price(
    ctx: RunContext, call: Call, source_object: str, key: str, product_id: str
) -> str | None:
    """Create the product's price unless the ledger has it; answers an error message, or None."""
    body = price_body(call, ctx.currency)
    oid = price_op_id(source_object, key)
    prior = ledger.current(ctx.con).get(oid)
    if body is None or (prior is not None and prior.status == "done" and prior.parent_id == product_id):
        return None
    op = ledger.Op(oid, PRICE_PASS, "create", "price", source_object, key, "")
    ledger.start(ctx.con, ctx.run_id, op, body)
    try:
        found = await _existing_price(ctx, product_id, body) if prior is not None else None
        if found:
            hl_id, outcome = found, "recovered"
        else:
            created = await ctx.hl.files.create_price(
                product_id, body, lookup=lambda: _find(ctx, product_id, body)
            )
            hl_id, outcome = created.id, created.outcome.value
    except HighLevelError as exc:
        ledger.failed(ctx.con, ctx.run_id, oid, str(exc))
        ctx.audit.write("error", "price", source_object, key, None, "failed", str(exc))
        return str(exc)
    ledger.done(ctx.con, ctx.run_id, oid, hl_id, outcome, parent_id=product_id)
    ctx.audit.write("create", "price", source_object, key, hl_id, outcome)
    return None


async def _find(ctx: RunContext, product_id: str, body: dict[str, Any]) -> JsonDict | None:
    params = {"locationId": ctx.hl.location_id}
    listed = await paged(
        ctx.hl, "/products/{productId}/price", "prices", params, "offset", {"productId": product_id}
    )
    return next(
        (p for p in listed if p.get("name") == body["name"] and p.get("amount") == body["amount"]), None
    )


async def _existing_price(ctx: RunContext, product_id: str, body: dict[str, Any]) -> str | None:
    found = await _find(ctx, product_id, body)
    return record_id(found) if found else None


async def find_product(
    hl: HighLevelClient, body: JsonDict, may_take: Callable[[JsonDict], bool] = lambda _p: True
) -> JsonDict | None:
    """A product of the same name in the location (every page) that this create may own."""
    listed = await paged(hl, "/products/", "products", {"locationId": hl.location_id}, "offset")
    return next((p for p in listed if p.get("name") == body.get("name") and may_take(p)), None)
