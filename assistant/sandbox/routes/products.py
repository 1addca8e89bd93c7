"""Products and their prices (ids under ``_id``, as HighLevel's payments service answers)."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, NotFoundError
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, clean, handles

SPEC = "products"
_PRODUCT_KEYS = (
    "name",
    "description",
    "productType",
    "image",
    "statementDescriptor",
    "availableInStore",
    "medias",
    "variants",
    "collectionIds",
    "isTaxesEnabled",
    "taxes",
    "automaticTaxCategoryId",
    "isLabelEnabled",
    "label",
    "slug",
    "seo",
    "taxInclusive",
)
_PRICE_EXCLUDED = ("locationId",)


def _view(record: JsonDict) -> JsonDict:
    return {("_id" if k == "id" else k): v for k, v in clean(record).items()}


@handles(SPEC, "create-product")
def create_product(call: Call) -> JsonDict:
    stamp = now_iso()
    product: JsonDict = {"locationId": call.store.location_id, "createdAt": stamp, "updatedAt": stamp}
    product.update({k: call.json[k] for k in _PRODUCT_KEYS if k in call.json})
    return _view(call.store.insert("products", product))


@handles(SPEC, "get-product-by-id")
def get_product(call: Call) -> JsonDict:
    return _view(call.store.get("products", call.path["productId"], "Product"))


@handles(SPEC, "list-invoices")  # the spec's operationId for GET /products/ (it lists products)
def list_products(call: Call) -> JsonDict:
    call.require_query("locationId")
    offset, limit = call.int_query("offset", 0), call.int_query("limit", 100, maximum=500)
    every = list(call.store.table("products").values())
    return {"products": [_view(p) for p in every[offset : offset + limit]], "total": [{"total": len(every)}]}


@handles(SPEC, "update-product-by-id")
def update_product(call: Call) -> JsonDict:
    product = call.store.get("products", call.path["productId"], "Product")
    product.update({k: call.json[k] for k in _PRODUCT_KEYS if k in call.json})
    product["updatedAt"] = now_iso()
    call.store.touch()
    return _view(product)


@handles(SPEC, "delete-product-by-id")
def delete_product(call: Call) -> JsonDict:
    product_id = call.store.get("products", call.path["productId"], "Product")["id"]
    call.store.remove("products", product_id)
    for price in call.store.where("prices", product=product_id):
        call.store.remove("prices", price["id"])
    return {"status": True}


def _price(call: Call) -> JsonDict:
    product = call.store.get("products", call.path["productId"], "Product")
    price = call.store.get("prices", call.path["priceId"], "Price")
    if price["product"] != product["id"]:
        raise NotFoundError("Price")
    return price


@handles(SPEC, "create-price-for-product")
def create_price(call: Call) -> JsonDict:
    product = call.store.get("products", call.path["productId"], "Product")
    stamp = now_iso()
    price = {
        "id": new_id(),
        "product": product["id"],
        "locationId": call.store.location_id,
        "createdAt": stamp,
        "updatedAt": stamp,
        **{k: v for k, v in call.json.items() if k not in _PRICE_EXCLUDED},
    }
    return _view(call.store.insert("prices", price))


@handles(SPEC, "list-prices-for-product")
def list_prices(call: Call) -> JsonDict:
    product = call.store.get("products", call.path["productId"], "Product")
    prices = call.store.where("prices", product=product["id"])
    ids = {i for raw in call.query_lists.get("ids", []) for i in raw.split(",") if i}
    prices = [p for p in prices if not ids or p["id"] in ids]
    offset, limit = call.int_query("offset", 0), call.int_query("limit", 100, maximum=500)
    return {"prices": [_view(p) for p in prices[offset : offset + limit]], "total": len(prices)}


@handles(SPEC, "get-price-by-id-for-product")
def get_price(call: Call) -> JsonDict:
    return _view(_price(call))


@handles(SPEC, "update-price-by-id-for-product")
def update_price(call: Call) -> JsonDict:
    price = _price(call)
    price.update({k: v for k, v in call.json.items() if k not in _PRICE_EXCLUDED})
    price["updatedAt"] = now_iso()
    call.store.touch()
    return _view(price)


@handles(SPEC, "delete-price-by-id-for-product")
def delete_price(call: Call) -> JsonDict:
    call.store.remove("prices", _price(call)["id"])
    return {"status": True}
