"""Native invoices and estimates. There is deliberately no send, text-to-pay or charge call here:
a migration records history, it never contacts the customer."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from assistant.highlevel.api_common import items as _items
from assistant.highlevel.errors import Forbidden, JsonDict, NotFound, Unauthorized
from assistant.highlevel.idempotent import CreateResult, create_once
from assistant.highlevel.transport import Transport

MANUAL_MODES = ("cash", "card", "cheque", "bank_transfer", "other")


def _same(answer: JsonDict) -> JsonDict:
    wrapped = answer.get("invoice")
    return wrapped if isinstance(wrapped, dict) else answer


class InvoicesApi:
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._alt = {"altId": location_id, "altType": "location"}

    # invoices ----------------------------------------------------------------------------------
    async def create(self, fields: Mapping[str, Any]) -> CreateResult:
        """Create a draft; a lost answer is resolved by looking the invoice number up."""
        body = {**self._alt, **fields}
        number = str(body.get("invoiceNumber") or "")
        return await create_once(
            self._t, "/invoices/", body, unwrap=_same, lookup=(lambda: self.find(number)) if number else None
        )

    async def find(self, number: str) -> JsonDict | None:
        """The invoice numbered ``number`` (the idempotent lookup before a resend)."""
        params = {**self._alt, "search": number, "limit": "100", "offset": "0"}
        answer = await self._t.request("GET", "/invoices/", params=params)
        return next((i for i in _items(answer, "invoices") if str(i.get("invoiceNumber")) == number), None)

    async def native_kinds(self) -> list[str]:
        """The document kinds this location and token can list (one request each): a token
        without the invoices scopes answers 401/403, so the snapshot offers no native document."""
        found: list[str] = []
        for kind, path in (("invoice", "/invoices/"), ("estimate", "/invoices/estimate/list")):
            try:
                await self._t.request("GET", path, params={**self._alt, "limit": "1", "offset": "0"})
            except (Unauthorized, Forbidden, NotFound):
                continue
            found.append(kind)
        return found

    async def get(self, invoice_id: str) -> JsonDict:
        path = {"invoiceId": invoice_id}
        return await self._t.request("GET", "/invoices/{invoiceId}", path_params=path, params=self._alt)

    async def list(self, status: str | None = None, contact_id: str | None = None) -> list[JsonDict]:
        """Every invoice of the location (optionally one status or one contact), page by page."""
        found: list[JsonDict] = []
        while True:
            params = {**self._alt, "status": status, "contactId": contact_id, "limit": "100"}
            answer = await self._t.request("GET", "/invoices/", params={**params, "offset": str(len(found))})
            page = _items(answer, "invoices")
            found.extend(page)
            if not page or len(found) >= int(answer.get("total") or 0):
                return found

    async def record_payment(
        self,
        invoice_id: str,
        amount: float,
        paid_at: str,
        mode: str = "other",
        notes: str = "Recorded by the migration",
    ) -> JsonDict:
        """A manual payment dated ``paid_at`` (ISO); no provider is charged, nobody is notified."""
        body = {
            **self._alt,
            "mode": mode,
            "amount": amount,
            "fulfilledAt": paid_at,
            "notes": notes,
            # The spec requires card and cheque details (non-empty) whatever the mode: "n/a" says none.
            "card": {"brand": "n/a", "last4": "n/a"},
            "cheque": {"number": "n/a"},
        }
        path = {"invoiceId": invoice_id}
        answer = await self._t.request(
            "POST", "/invoices/{invoiceId}/record-payment", path_params=path, json_body=body
        )
        return _same(answer)

    async def void(self, invoice_id: str) -> JsonDict:
        path = {"invoiceId": invoice_id}
        return await self._t.request(
            "POST", "/invoices/{invoiceId}/void", path_params=path, json_body=self._alt
        )

    async def delete(self, invoice_id: str) -> JsonDict:
        """Delete a draft (HighLevel refuses any other status: void those instead)."""
        path = {"invoiceId": invoice_id}
        return await self._t.request("DELETE", "/invoices/{invoiceId}", path_params=path, params=self._alt)

    # estimates ---------------------------------------------------------------------------------
    async def create_estimate(self, fields: Mapping[str, Any]) -> CreateResult:
        """Create a draft estimate; a lost answer is resolved by its number, else by its name."""
        body = {**self._alt, **fields}
        key = body.get("estimateNumber", body.get("name"))
        return await create_once(
            self._t, "/invoices/estimate", body, unwrap=_same, lookup=lambda: self.find_estimate(key)
        )

    async def find_estimate(self, key: Any) -> JsonDict | None:
        """The estimate whose number (or, for a non-numeric original number, name) is ``key``."""
        params = {**self._alt, "search": str(key), "limit": "100", "offset": "0"}
        answer = await self._t.request("GET", "/invoices/estimate/list", params=params)
        return next(
            (e for e in _items(answer, "estimates") if key in (e.get("estimateNumber"), e.get("name"))), None
        )

    async def list_estimates(self) -> builtins.list[JsonDict]:
        """Every estimate of the location, page by page."""
        found: builtins.list[JsonDict] = []
        while True:
            params = {**self._alt, "limit": "100", "offset": str(len(found))}
            answer = await self._t.request("GET", "/invoices/estimate/list", params=params)
            page = _items(answer, "estimates")
            found.extend(page)
            if not page or len(found) >= int(answer.get("total") or 0):
                return found

    async def update_estimate(self, estimate_id: str, fields: Mapping[str, Any]) -> JsonDict:
        path = {"estimateId": estimate_id}
        body = {**self._alt, **fields}
        return await self._t.request(
            "PUT", "/invoices/estimate/{estimateId}", path_params=path, json_body=body
        )

    async def delete_estimate(self, estimate_id: str) -> JsonDict:
        path = {"estimateId": estimate_id}
        return await self._t.request(
            "DELETE", "/invoices/estimate/{estimateId}", path_params=path, json_body=self._alt
        )
