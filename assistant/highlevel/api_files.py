"""Media files, products and prices."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.highlevel.api_common import delete as _delete
from assistant.highlevel.api_common import find_in_pages
from assistant.highlevel.bodies import build
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, Lookup, create_once
from assistant.highlevel.transport import Transport


def _product(answer: JsonDict) -> JsonDict:
    # Product and price answers are the record itself (``_id``), sometimes wrapped by proxies.
    wrapped = answer.get("product") or answer.get("price")
    return wrapped if isinstance(wrapped, dict) else answer


class FilesApi:
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._location_id = location_id
        self._as_location = {"altType": "location", "altId": location_id}

    async def upload_media(
        self,
        name: str,
        content: bytes,
        content_type: str = "application/octet-stream",
        lookup: Lookup | None = None,
    ) -> CreateResult:
        """Upload a file (HighLevel takes 25 MB at most); the answer is ``{fileId, url}``. After a lost
        answer or an error the library is searched for a file of that name before any resend."""
        files = {"file": (name, content, content_type)}
        return await create_once(
            self._t,
            "/medias/upload-file",
            {"name": name},
            unwrap=lambda answer: answer,
            lookup=lookup or (lambda: self.find_media(name)),
            params=self._as_location,
            files=files,
        )

    async def find_media(self, name: str) -> JsonDict | None:
        """A file of the location's media library named ``name`` (every page of the name search)."""
        params = {
            **self._as_location,
            "type": "file",
            "sortBy": "createdAt",
            "sortOrder": "asc",
            "query": name,
        }
        return await find_in_pages(
            self._t, "/medias/files", "files", params, lambda f: f.get("name") == name, offset_name="offset"
        )

    async def delete_media(self, file_id: str) -> bool:
        return await _delete(self._t, "/medias/{id}", {"id": file_id}, params=self._as_location)

    async def create_product(self, fields: Mapping[str, Any], lookup: Lookup | None = None) -> CreateResult:
        body = build("POST", "/products/", {"productType": "SERVICE", **fields}, self._location_id)
        finder = lookup or (lambda: self.find_product(body))
        return await create_once(self._t, "/products/", body, unwrap=_product, lookup=finder)

    async def find_product(self, sent: Mapping[str, Any]) -> JsonDict | None:
        """A product of the location named as ``sent`` is (every page read)."""
        params = {"locationId": self._location_id}
        return await find_in_pages(
            self._t, "/products/", "products", params, lambda p: p.get("name") == sent.get("name"),
            offset_name="offset",
        )  # fmt: skip

    async def delete_product(self, product_id: str) -> bool:
        path = {"productId": product_id}
        return await _delete(self._t, "/products/{productId}", path, params={"locationId": self._location_id})

    async def create_price(
        self, product_id: str, fields: Mapping[str, Any], lookup: Lookup | None = None
    ) -> CreateResult:
        template = "/products/{productId}/price"
        body = build("POST", template, {"type": "one_time", **fields}, self._location_id)
        path = {"productId": product_id}
        finder = lookup or (lambda: self.find_price(product_id, body))
        return await create_once(self._t, template, body, unwrap=_product, lookup=finder, path_params=path)

    async def find_price(self, product_id: str, sent: Mapping[str, Any]) -> JsonDict | None:
        """A price of the product with the name and amount ``sent`` has (every page read)."""

        def same(price: JsonDict) -> bool:
            return price.get("name") == sent.get("name") and price.get("amount") == sent.get("amount")

        params = {"locationId": self._location_id}
        path = {"productId": product_id}
        return await find_in_pages(
            self._t,
            "/products/{productId}/price",
            "prices",
            params,
            same,
            offset_name="offset",
            path_params=path,
        )

    async def delete_price(self, product_id: str, price_id: str) -> bool:
        path = {"productId": product_id, "priceId": price_id}
        params = {"locationId": self._location_id}
        return await _delete(self._t, "/products/{productId}/price/{priceId}", path, params=params)
